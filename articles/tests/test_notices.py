"""Notices to readers: shown at the top (corrections) and in the article's log, moving
dateModified only when one is added, and listed on each language's corrections page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import ArticlePage, NoticeKind
from articles.notices import add_notice
from articles.testing.factories import make_article, make_section
from sources.testing.factories import make_source_article

from .test_admin_editing import article_form

pytestmark = pytest.mark.django_db


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def html_of(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return soup(response.content.decode())


def test_correction_is_shown_at_the_top_and_in_the_log(client, bilingual_article):
    en = bilingual_article["en"]
    when = timezone.now() - timedelta(hours=2)
    add_notice(en, text="An earlier version gave the wrong port.", date=when)
    add_notice(en, kind=NoticeKind.UPDATE, text="Ferries resumed on Tuesday.")

    doc = html_of(client, en)
    article = doc.select("article.article")[0]
    top = article.select(".notice--top")
    assert [" ".join(n.get_text().split()) for n in top] == [
        f"Correction {timezone.localtime(when):%-d %B %Y}: An earlier version gave the wrong port."
    ]
    # Above the body, below the title.
    html = str(article)
    assert html.index("notice--top") < html.index("article__body")
    log = article.select(".notices-log li")
    assert [li.select(".notice__kind")[0].get_text() for li in log] == ["Correction", "Update"]
    assert "Ferries resumed on Tuesday." in log[1].get_text()
    # The update is in the log only.
    assert len(top) == 1


def test_russian_page_shows_its_own_notice_in_russian(client, bilingual_article):
    ru = bilingual_article["ru"]
    add_notice(ru, text="В первой версии был неверно назван порт.")
    doc = html_of(client, ru)
    kinds = [el.get_text() for el in doc.select(".notices-log .notice__kind")]
    assert kinds == ["Исправление"]
    assert doc.select(".notices-log__heading")[0].get_text() == "Исправления и уточнения"


def test_article_without_notices_has_no_notice_markup(client, bilingual_article):
    doc = html_of(client, bilingual_article["en"])
    assert not doc.select(".notice, .notices-log")


def test_resave_does_not_move_date_modified_but_a_notice_does(bilingual_article):
    page = ArticlePage.objects.get(pk=bilingual_article["en"].pk)
    before = page.date_modified
    assert before == page.effective_date
    page.dek = "Ships are back, and so are the cranes."
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.last_published_at > before
    assert page.date_modified == before
    assert page.substantively_modified_at is None

    notice = add_notice(page, kind=NoticeKind.CLARIFICATION, text="The cranes are new.")
    page.refresh_from_db()
    assert page.substantively_modified_at == notice.date
    assert page.date_modified == notice.date

    # A later re-save keeps it where the notice put it.
    page.title = "The port reopens fully"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.date_modified == notice.date


def test_editor_adds_a_notice_in_the_page_editor(client, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)
    section = make_section("en")
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    data = article_form([make_source_article()], [], "action-publish")
    data.update(
        nested_form_data(
            {
                "notices": inline_formset(
                    [
                        {
                            "kind": "correction",
                            "date": "2026-12-01 10:00",
                            "text": "The deal is for a year.",
                        }
                    ]
                )
            }
        )
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ArticlePage.objects.get(slug="grain-shipments-resume")
    notice = page.notices.get()
    assert (notice.kind, notice.text, notice.locale_id) == (
        "correction",
        "The deal is for a year.",
        page.locale_id,
    )
    assert page.substantively_modified_at == notice.date
    assert "The deal is for a year." in client.get(page.url).content.decode()


def test_corrections_page_lists_newest_first_in_each_language(client, bilingual_article):
    en, ru = bilingual_article["en"], bilingual_article["ru"]
    other = bilingual_article["related"]["en"][0]
    now = timezone.now()
    add_notice(en, text="Old correction.", date=now - timedelta(days=3))
    add_notice(other, kind=NoticeKind.UPDATE, text="Newest update.", date=now - timedelta(hours=1))
    add_notice(en, kind=NoticeKind.CLARIFICATION, text="Middle one.", date=now - timedelta(days=1))
    add_notice(ru, text="Русское исправление.", date=now)

    response = client.get("/en/corrections/")
    assert response.status_code == 200
    doc = soup(response.content.decode())
    items = doc.select(".corrections-list > li")
    assert [li.select(".notice__text")[0].get_text() for li in items] == [
        "Newest update.",
        "Middle one.",
        "Old correction.",
    ]
    assert items[0].select("a")[0].get("href") == other.url
    assert items[2].select("a")[0].get("href") == en.url
    assert doc.select("a.corrections__policy")[0].get("href") == "/en/corrections/policy/"

    ru_doc = soup(client.get("/ru/corrections/").content.decode())
    ru_items = ru_doc.select(".corrections-list > li")
    assert [li.select(".notice__text")[0].get_text() for li in ru_items] == ["Русское исправление."]
    assert ru_doc.select("h1")[0].get_text() == "Исправления и уточнения"
    assert ru_doc.select("a.corrections__policy")[0].get("href") == "/ru/corrections/policy/"
    # The language switch leads to the other language's corrections page.
    assert ru_doc.select('link[hreflang="en"]')[0].get("href").endswith("/en/corrections/")


def test_corrections_page_is_paginated_and_skips_unpublished(client, bilingual_article, settings):
    en = bilingual_article["en"]
    now = timezone.now()
    for i in range(21):
        add_notice(en, kind=NoticeKind.UPDATE, text=f"Update {i}.", date=now - timedelta(hours=i))
    draft = make_article(en.get_parent().specific, live=False)
    add_notice(draft, text="Draft-only correction.", publish=False)

    first = soup(client.get("/en/corrections/").content.decode())
    assert len(first.select(".corrections-list > li")) == 20
    assert first.select('a[rel="next"]')
    second = soup(client.get("/en/corrections/?page=2").content.decode())
    texts = [el.get_text() for el in second.select(".corrections-list .notice__text")]
    assert texts == ["Update 20."]
    assert "Draft-only" not in client.get("/en/corrections/").content.decode()


def test_policy_page_in_both_languages_and_configurable_link(client, bilingual_article, settings):
    assert client.get("/en/corrections/policy/").status_code == 200
    ru = client.get("/ru/corrections/policy/")
    assert "Как мы исправляем ошибки" in ru.content.decode()
    settings.NEWSDESK_CORRECTIONS_POLICY_URL = "https://example.org/{language}/ethics/"
    doc = soup(client.get("/ru/corrections/").content.decode())
    assert doc.select("a.corrections__policy")[0].get("href") == "https://example.org/ru/ethics/"
