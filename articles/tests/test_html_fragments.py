"""Rendered fragments of the article page (body, lead figure, Don't Miss cards) are cached per
page version and content generation, and every editor action that changes them shows at once.

Each test first proves the cache is in use (a change made behind the signals' back with a
queryset update stays invisible), then makes the change the way editors do.
"""

import json
import re

import pytest

from articles.models import ArticlePage
from articles.testing.factories import body_blocks, make_article, make_section
from core.testing.factories import make_image

pytestmark = pytest.mark.django_db


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def body_of(html: str) -> str:
    return re.search(r'<div class="article__body">.*?\n  </div>', html, re.S).group(0)


def cards_of(html: str) -> list[tuple[str, str]]:
    block = re.search(r'<section class="dont-miss".*?</section>', html, re.S)
    if not block:
        return []
    return re.findall(
        r'class="card__title"><a [^>]*>([^<]+)</a>.*?class="card__teaser">([^<]*)</p>',
        block.group(0),
        re.S,
    )


def republish(page, **changes):
    page = ArticlePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def test_editing_and_republishing_an_article_changes_its_body(client):
    page = make_article(body=body_blocks("The ferry strike is over."))
    assert "The ferry strike is over." in body_of(html_of(client, page))

    ArticlePage.objects.filter(pk=page.pk).update(body=body_blocks("Quietly rewritten."))
    assert "Quietly rewritten." not in html_of(client, page)

    page = republish(page, body=body_blocks("Talks resume on Monday."))
    body = body_of(html_of(client, page))
    assert "Talks resume on Monday." in body
    assert "The ferry strike is over." not in body


def test_renaming_a_linked_article_updates_the_link_in_the_body(client):
    section = make_section("en", slug="world")
    target = make_article(section, slug="port-reopens")
    link = f'<p>See <a linktype="page" id="{target.pk}">the port story</a>.</p>'
    page = make_article(section, body=json.dumps([{"type": "paragraph", "value": link}]))
    assert 'href="/en/world/port-reopens/"' in body_of(html_of(client, page))

    republish(target, slug="port-reopened")
    body = body_of(html_of(client, page))
    assert 'href="/en/world/port-reopened/"' in body
    assert "/en/world/port-reopens/" not in body


def test_republishing_a_related_article_changes_its_card(client):
    section = make_section("en")
    page = make_article(section, tags=["ferries"], title="Main story")
    related = make_article(section, tags=["ferries"], title="Strike ends", dek="Crews return.")
    assert cards_of(html_of(client, page)) == [("Strike ends", "Crews return.")]

    ArticlePage.objects.filter(pk=related.pk).update(dek="Quiet teaser edit.")
    assert cards_of(html_of(client, page)) == [("Strike ends", "Crews return.")]

    republish(related, title="Strike over", dek="Ferries sail again.")
    assert cards_of(html_of(client, page)) == [("Strike over", "Ferries sail again.")]


def test_changing_the_lead_image_caption_changes_the_figure(client):
    page = make_article(lead_image=make_image(), lead_image_caption="Harbour at dawn")
    html = html_of(client, page)
    assert re.search(r'<figure class="article__lead">.*Harbour at dawn', html, re.S)

    ArticlePage.objects.filter(pk=page.pk).update(lead_image_caption="Quiet caption")
    assert "Quiet caption" not in html_of(client, page)

    page = republish(page, lead_image_caption="Ferries at night")
    html = html_of(client, page)
    figure = re.search(r'<figure class="article__lead">.*?</figure>', html, re.S).group(0)
    assert "Ferries at night" in figure
    assert "Harbour at dawn" not in figure


def test_replacing_the_lead_image_file_changes_the_srcset(client):
    image = make_image()
    page = make_article(lead_image=image)
    figure = re.search(r'<figure class="article__lead">.*?</figure>', html_of(client, page), re.S)
    before = re.search(r'srcset="([^"]+)"', figure.group(0)).group(1)

    # What the image edit view does when an editor uploads a new file.
    replacement = make_image(size=(1600, 900), color=(200, 30, 30))
    image.renditions.all().delete()
    image.file = replacement.file
    image.save()
    figure = re.search(r'<figure class="article__lead">.*?</figure>', html_of(client, page), re.S)
    assert re.search(r'srcset="([^"]+)"', figure.group(0)).group(1) != before


def test_preview_shows_unsaved_body_even_when_the_page_is_cached(client):
    page = make_article(body=body_blocks("Published words."))
    assert "Published words." in html_of(client, page)  # now cached

    draft = ArticlePage.objects.get(pk=page.pk)
    draft.body = body_blocks("Draft words only an editor sees.")
    preview = draft.make_preview_request().content.decode()
    assert "Draft words only an editor sees." in preview
    assert "Published words." in html_of(client, page)


def home_cards(client, language: str = "en") -> list[tuple[str, str]]:
    html = client.get(f"/{language}/").content.decode()
    return re.findall(
        r'class="card__title"><a [^>]*>([^<]+)</a>.*?class="card__teaser">([^<]*)</p>', html, re.S
    )


def test_home_page_lists_a_newly_published_article_and_republished_cards(client):
    section = make_section("en")
    first = make_article(section, title="Strike ends", dek="Crews return.")
    assert ("Strike ends", "Crews return.") in home_cards(client)

    ArticlePage.objects.filter(pk=first.pk).update(title="Quiet rename")
    assert ("Strike ends", "Crews return.") in home_cards(client)

    make_article(section, title="Port reopens", dek="Ships dock.")
    assert ("Port reopens", "Ships dock.") in home_cards(client)

    republish(first, title="Strike over", dek="Ferries sail again.")
    cards = home_cards(client)
    assert ("Strike over", "Ferries sail again.") in cards
    assert all(title != "Strike ends" for title, _ in cards)


def test_home_page_drops_an_unpublished_article(client):
    section = make_section("en")
    make_article(section, title="Stays")
    gone = make_article(section, title="Withdrawn")
    assert "Withdrawn" in [title for title, _ in home_cards(client)]

    gone.unpublish()
    assert [title for title, _ in home_cards(client)] == ["Stays"]
