"""Takedown: a withdrawn article answers 410 Gone with a localized notice in both languages,
leaves listings, feeds, sitemaps, search and "Don't Miss", is purged and logged; restoring it
brings it back, logged too."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageLogEntry

from articles.models import ArticlePage, ArticleWithdrawal, PinnedRelatedArticle
from articles.withdrawals import (
    RESTORE_ACTION,
    WITHDRAW_ACTION,
    WithdrawalError,
    restore,
    withdraw,
)
from core import purge

pytestmark = pytest.mark.django_db

PURGED: list[tuple[str, list[str]]] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(("url", [url]))

    def purge_keys(self, keys):
        PURGED.append(("keys", list(keys)))


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")


@pytest.fixture
def story(bilingual_article):
    """The bilingual article, pinned in another article's "Don't Miss"."""
    en = bilingual_article["en"]
    other = bilingual_article["related"]["en"][0]
    PinnedRelatedArticle.objects.create(page=other, related=en, sort_order=0)
    return bilingual_article | {"other": other}


def places(client, page, story) -> dict[str, bool]:
    """Where readers and machines can find the page (by its URL path or its title)."""
    lang = page.locale.language_code
    section = page.get_parent()
    other = story["other"] if lang == "en" else story["related"]["ru"][0]
    tag = page.tags.first()
    found = {}
    for name, url in {
        "home": f"/{lang}/",
        "section": section.url,
        "tag": f"/{lang}/tags/{tag.slug}/",
        "rss": f"/{lang}/feed/rss/",
        "atom": f"/{lang}/feed/atom/",
        "sitemap": "/sitemap-pages.xml",
        "news sitemap": f"/sitemap-news-{lang}.xml",
        "search": f"/{lang}/search/?q={page.title.split()[-1]}",
        "don't miss": other.url,
    }.items():
        response = client.get(url)
        found[name] = response.status_code == 200 and page.url in response.content.decode()
    return found


def test_withdrawn_article_answers_410_in_both_languages(client, story, editor):
    en, ru = story["en"], story["ru"]
    assert client.get(en.url).status_code == 200
    withdrawn = withdraw(en, reason="Court order of 1 December.", user=editor)
    assert {p.pk for p in withdrawn} == {en.pk, ru.pk}

    response = client.get(en.url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Article withdrawn" in html
    assert "The port reopens" not in html  # neither title nor text are shown
    assert "Court order" not in html  # the reason is for the log, not for readers
    assert '<meta name="robots" content="noindex">' in html

    ru_response = client.get(ru.url)
    assert ru_response.status_code == 410
    ru_html = ru_response.content.decode()
    assert "Статья снята с публикации" in ru_html
    assert 'lang="ru"' in ru_html
    assert "Порт снова открыт" not in ru_html

    # An unknown address next to it is still an ordinary 404, and a never-published draft too.
    assert client.get(en.url.replace("port-reopens", "no-such-article")).status_code == 404
    draft = ArticlePage.objects.get(pk=en.pk)
    assert draft.live is False


def test_withdrawn_article_leaves_every_listing_and_restore_brings_it_back(client, story, editor):
    en, ru = story["en"], story["ru"]
    everywhere = {
        name: True
        for name in (
            "home",
            "section",
            "tag",
            "rss",
            "atom",
            "sitemap",
            "news sitemap",
            "search",
            "don't miss",
        )
    }
    assert places(client, en, story) == everywhere
    assert places(client, ru, story)["home"]

    withdraw(en, reason="Safety of a named source.", user=editor)
    assert places(client, en, story) == dict.fromkeys(everywhere, False)
    assert not any(places(client, ArticlePage.objects.get(pk=ru.pk), story).values())
    assert "The port reopens" not in client.get("/en/corrections/").content.decode()

    restore(en, user=editor, note="The order was lifted.")
    assert client.get(en.url).status_code == 200
    assert client.get(ru.url).status_code == 200
    assert places(client, ArticlePage.objects.get(pk=en.pk), story) == everywhere
    assert not ArticleWithdrawal.objects.exists()


def test_restore_republishes_what_was_live_not_a_later_draft(story, editor):
    en = story["en"]
    withdraw(en, reason="Legal review.", user=editor)
    draft = ArticlePage.objects.get(pk=en.pk).get_latest_revision_as_object()
    draft.title = "Unreviewed draft title"
    draft.save_revision(user=editor)
    restore(en, user=editor)
    live = ArticlePage.objects.get(pk=en.pk)
    assert live.live and live.title == "The port reopens"


def test_withdraw_and_restore_are_logged_with_who_and_why(story, editor):
    en, ru = story["en"], story["ru"]
    withdraw(en, reason="Court order.", user=editor)
    restore(ru, user=editor, note="Lifted.")
    for page in (en, ru):
        entries = PageLogEntry.objects.filter(page=page)
        withdrawn = entries.get(action=WITHDRAW_ACTION)
        assert (withdrawn.user, withdrawn.data["reason"]) == (editor, "Court order.")
        assert "Court order." in withdrawn.message
        restored = entries.get(action=RESTORE_ACTION)
        assert (restored.user, restored.data["note"]) == (editor, "Lifted.")
        assert entries.filter(action="wagtail.unpublish").exists()


def test_withdrawal_needs_a_reason_and_a_live_article(story, editor):
    with pytest.raises(WithdrawalError):
        withdraw(story["en"], reason="   ", user=editor)
    withdraw(story["en"], reason="Once.", user=editor)
    with pytest.raises(WithdrawalError):
        withdraw(story["en"], reason="Twice.", user=editor)
    restore(story["en"], user=editor)
    with pytest.raises(WithdrawalError):
        restore(story["en"], user=editor)


def test_withdrawal_purges_the_front_cache(story, editor, django_capture_on_commit_callbacks):
    en, ru = story["en"], story["ru"]
    with override_settings(
        WAGTAILFRONTENDCACHE={"rec": {"BACKEND": f"{__name__}.RecordingBackend"}}
    ):
        for action in (
            lambda: withdraw(en, reason="Court order.", user=editor),
            lambda: restore(en, user=editor),
        ):
            PURGED.clear()
            purge._pending.batch = None
            with django_capture_on_commit_callbacks(execute=True):
                action()
            urls = {url for kind, batch in PURGED if kind == "url" for url in batch}
            keys = {key for kind, batch in PURGED if kind == "keys" for key in batch}
            assert {
                "http://localhost/en/world/port-reopens/",
                "http://localhost/ru/world/port-otkryt/",
            } <= urls
            assert {f"p{en.pk}", f"p{ru.pk}", "l-en", "l-ru"} <= keys
            assert "http://localhost/en/feed/rss/" in urls


def test_admin_withdraw_form_needs_the_permission_and_a_reason(client, story, django_user_model):
    en = story["en"]
    url = reverse("articles_withdraw", args=[en.pk])
    user = django_user_model.objects.create_user("writer", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    for response in (client.get(url), client.post(url, {"reason": "No."})):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert ArticlePage.objects.get(pk=en.pk).live

    user.user_permissions.add(Permission.objects.get(codename="withdraw_article"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    form = client.get(url)
    assert form.status_code == 200
    assert "Withdraw in every language" in form.content.decode()
    assert client.post(url, {"reason": ""}).status_code == 200  # the form again, with its error
    assert ArticlePage.objects.get(pk=en.pk).live

    response = client.post(url, {"reason": "Defamation claim under review."})
    assert response.status_code == 302
    assert client.get(en.url).status_code == 410
    entry = PageLogEntry.objects.get(page=en, action=WITHDRAW_ACTION)
    assert entry.user == user

    restore_url = reverse("articles_restore", args=[en.pk])
    assert client.post(restore_url, {"note": "Claim withdrawn."}).status_code == 302
    assert client.get(en.url).status_code == 200
    assert (
        PageLogEntry.objects.get(page=en, action=RESTORE_ACTION).data["note"] == "Claim withdrawn."
    )


def test_admin_shows_withdraw_then_restore_button(client, story, editor):
    en = story["en"]
    client.force_login(editor)
    explore = reverse("wagtailadmin_explore", args=[en.get_parent().pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[en.pk])).content.decode()
    assert reverse("articles_withdraw", args=[en.pk]) in edit
    withdraw(en, reason="Court order.", user=editor)
    listing = client.get(explore).content.decode()
    assert reverse("articles_restore", args=[en.pk]) in listing
    history = client.get(reverse("wagtailadmin_pages:history", args=[en.pk])).content.decode()
    assert "Withdrawn: Court order." in history
