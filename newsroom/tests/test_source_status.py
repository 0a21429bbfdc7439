"""Status that follows the work: interpretations make sources "used", the inbox shows which
articles used them, and dismissing can be undone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import ArticlePage, ArticleSourceLink
from articles.testing.factories import make_article, make_section
from newsroom.inbox import mark_linked_sources_used, slug_follows_title
from sources.models import SourceArticle
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db

INBOX = "wagtailsnippets_sources_sourcearticle:list"
INSPECT = "wagtailsnippets_sources_sourcearticle:inspect"


@pytest.fixture
def source():
    return make_source_article(outlet=make_outlet("Nordkurier Status", language="de"))


def test_writing_an_interpretation_marks_sources_used_and_the_inbox_names_the_article(
    admin_client, source
) -> None:
    section = make_section(language="en", title="World")
    admin_client.post(
        reverse("sources_newsroom:write", args=[source.pk]),
        {"language": "en", "section": section.pk, "sources": [source.pk]},
    )
    page = ArticlePage.objects.get(source_links__source_article=source)
    page.title = "Our own headline about the story"
    page.dek = "What happened, in our words."
    page.save_revision().publish()

    listing = admin_client.get(reverse(INBOX)).content.decode()
    detail = admin_client.get(reverse(INSPECT, args=[source.pk])).content.decode()

    assert SourceArticle.objects.get(pk=source.pk).status == "used"
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'<a href="{edit_url}">Our own headline about the story</a>' in listing
    assert "Our own headline about the story" in detail and "published" in detail


def test_a_source_linked_in_the_page_editor_becomes_used(source) -> None:
    page = make_article(title="Written by hand")
    ArticleSourceLink.objects.create(page=page, source_article=source)
    other = make_source_article()

    assert mark_linked_sources_used(page) >= 1
    assert SourceArticle.objects.get(pk=source.pk).status == "used"
    assert mark_linked_sources_used(page) == 0  # nothing left to change
    assert SourceArticle.objects.get(pk=other.pk).status == "new"


def test_dismissing_offers_undo_and_undo_restores_new(admin_client, source) -> None:
    response = admin_client.post(
        reverse("sources_newsroom:status", args=[source.pk]), {"status": "dismissed"}, follow=True
    )
    html = response.content.decode()
    assert SourceArticle.objects.get(pk=source.pk).status == "dismissed"
    undo_url = reverse("sources_newsroom:undo_dismiss", args=[source.pk])
    assert f'action="{undo_url}"' in html and "Undo" in html

    admin_client.post(undo_url)

    assert SourceArticle.objects.get(pk=source.pk).status == "new"


def test_undoing_the_dismissal_of_a_used_source_makes_it_used_again(admin_client, source) -> None:
    ArticleSourceLink.objects.create(page=make_article(), source_article=source)
    SourceArticle.objects.filter(pk=source.pk).update(status="dismissed")

    admin_client.post(reverse("sources_newsroom:undo_dismiss", args=[source.pk]))

    assert SourceArticle.objects.get(pk=source.pk).status == "used"


def test_undo_needs_the_change_permission(client, django_user_model, source) -> None:
    user = django_user_model.objects.create_user("reader", password="x")  # noqa: S106
    client.force_login(user)
    SourceArticle.objects.filter(pk=source.pk).update(status="dismissed")

    response = client.post(reverse("sources_newsroom:undo_dismiss", args=[source.pk]))

    assert response.status_code in (302, 403)
    assert SourceArticle.objects.get(pk=source.pk).status == "dismissed"


def test_the_draft_slug_follows_the_editors_title_until_it_is_their_own(admin_client) -> None:
    source = make_source_article(
        outlet=make_outlet("Ладожский вестник слаг", language="ru"),
        title="Солдаты вернулись в казармы",
        language="ru",
    )
    section = make_section(language="en", title="World")
    admin_client.post(
        reverse("sources_newsroom:write", args=[source.pk]),
        {"language": "en", "section": section.pk, "sources": [source.pk]},
    )
    page = ArticlePage.objects.get(source_links__source_article=source)
    assert page.slug == f"interpretation-{source.pk}"

    page.title = "Soldiers return to barracks"
    page.save_revision(clean=False)
    assert slug_follows_title(page)

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.slug == "soldiers-return-to-barracks"
    assert page.get_latest_revision().as_object().slug == "soldiers-return-to-barracks"
    page.slug = "my-own-slug"
    page.title = "Another title"
    assert not slug_follows_title(page)


def test_inbox_filters_show_language_names_and_each_outlet_once(admin_client) -> None:
    outlet = make_outlet("Nordkurier Filter", language="de")
    make_outlet(
        "Nordkurier Filter RU", language="de", locale="ru", translation_key=outlet.translation_key
    )
    make_source_article(outlet=outlet, language="de")

    html = admin_client.get(reverse(INBOX)).content.decode()

    assert ">German</option>" in html
    outlet_select = html.split('name="outlet"', 1)[1].split("</select>", 1)[0]
    assert outlet_select.count("Nordkurier Filter") == 1


def test_write_form_lists_sections_under_their_language_and_derives_it(
    admin_client, source
) -> None:
    en = make_section(language="en", title="World")
    ru = make_section(language="ru", title="Мир")

    html = admin_client.get(reverse(INSPECT, args=[source.pk])).content.decode()
    response = admin_client.post(
        reverse("sources_newsroom:write", args=[source.pk]),
        {"section": ru.pk, "sources": [source.pk]},
    )

    assert '<optgroup label="English">' in html and '<optgroup label="Russian">' in html
    assert html.index('<optgroup label="English">') < html.index(f'value="{en.pk}"')
    page = ArticlePage.objects.get(source_links__source_article=source)
    assert response.status_code == 302 and page.locale.language_code == "ru"
