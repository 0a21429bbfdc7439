"""create_article, the one way an article is made: drafts, published pages, bulk-live pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.creation import SLUG_MAX, ascii_slug, create_article, free_slug
from articles.testing.factories import body_blocks, make_author, make_section
from sources.testing.factories import make_source_article

pytestmark = pytest.mark.django_db


def test_slugs_are_ascii_and_free_among_siblings_without_growing_past_the_limit():
    section = make_section()
    assert ascii_slug("Солдаты вернулись") == "soldaty-vernulis"
    long = "x" * SLUG_MAX
    first = create_article(section=section, title="A", dek="D", slug=long, body=body_blocks("1"))
    second = create_article(section=section, title="A", dek="D", slug=long, body=body_blocks("2"))
    assert first.slug == long
    assert second.slug == "x" * (SLUG_MAX - 2) + "-2"
    taken = {"story", "story-2"}
    assert free_slug(section, "story", taken) == "story-3"
    assert "story-3" in taken


def test_a_draft_has_a_revision_links_its_sources_in_order_and_is_not_live():
    section = make_section()
    lead, other = make_source_article(), make_source_article()
    page = create_article(
        section=section, title="Working title", sources=[lead, other], publish=False
    )
    page.refresh_from_db()
    assert not page.live and page.latest_revision_id is not None
    assert [link.source_article for link in page.source_links.order_by("sort_order")] == [
        lead,
        other,
    ]


def test_a_published_article_can_be_back_dated_and_carries_authors_and_tags():
    section = make_section()
    author = make_author()
    when = timezone.now() - timedelta(days=3)
    page = create_article(
        section=section,
        title="Port reopens",
        dek="Ships are back.",
        body=body_blocks("The port is open again."),
        authors=[author],
        tags=["Transport"],
        published_at=when,
    )
    assert page.live and page.first_published_at == when == page.last_published_at
    assert list(page.authors.all()) == [author]
    assert [t.name for t in page.tags.all()] == ["Transport"]


def test_bulk_pages_are_live_without_a_revision_and_bulk_drafts_are_refused():
    section = make_section()
    when = timezone.now() - timedelta(days=400)
    page = create_article(
        section=section,
        title="Archive",
        dek="D",
        body=body_blocks("Old."),
        bulk=True,
        published_at=when,
    )
    page.refresh_from_db()
    assert page.live and page.latest_revision_id is None and page.first_published_at == when
    with pytest.raises(ValueError):
        create_article(section=section, title="No", publish=False, bulk=True)
