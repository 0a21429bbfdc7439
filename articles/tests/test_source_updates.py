"""The "source updated since publication" flag, set when sources announce a changed text."""

from __future__ import annotations

import pytest

from articles.testing.factories import make_article
from sources.ingest.records import ArticleData
from sources.ingest.storage import UNCHANGED, UPDATED, store_article
from sources.models import SourceArticle
from sources.testing.factories import make_outlet

pytestmark = pytest.mark.django_db
URL = "https://outlet.example.org/harbour"


def stored(outlet, text: str) -> str:
    data = ArticleData(url=URL, link=URL, title="Harbour", text=text, html=f"<p>{text}</p>")
    return store_article(outlet, None, data)


def test_a_changed_source_flags_published_pages_with_the_version_they_were_based_on():
    outlet = make_outlet()
    stored(outlet, "First wording.")
    source = SourceArticle.objects.get(url=URL)
    published = make_article(sources=[source])
    draft = make_article(sources=[source], live=False)

    assert stored(outlet, "First wording.") == UNCHANGED
    assert published.source_links.get().source_updated_at is None
    assert stored(outlet, "Corrected wording.") == UPDATED

    link = published.source_links.get()
    assert link.source_updated_at is not None and link.source_version_at_publication == 1
    assert draft.source_links.get().source_updated_at is None  # never published: nothing to flag


def test_a_page_already_flagged_keeps_its_first_flag():
    outlet = make_outlet()
    stored(outlet, "First wording.")
    page = make_article(sources=[SourceArticle.objects.get(url=URL)])
    stored(outlet, "Second wording.")
    first = page.source_links.get().source_updated_at

    stored(outlet, "Third wording.")

    link = page.source_links.get()
    assert link.source_updated_at == first and link.source_version_at_publication == 1
