"""What a publish, edit, unpublish, move or delete purges, and that a failing purge is retried,
logged and never breaks publishing. (Through a real Varnish: the stack tests.)"""

from __future__ import annotations

import logging

import pytest
from django.db import transaction
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from articles.models import ArticlePage, PinnedRelatedArticle
from articles.testing.factories import make_article, make_section
from core import purge
from core.frontend_cache_conf import backends_from_env
from core.purge import retry_delay
from search.models import RelatedArticles
from search.related import compute_all

CALLS: list[tuple[str, list[str]]] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        CALLS.append(("url", [url]))

    def purge_keys(self, keys):
        CALLS.append(("keys", list(keys)))


class BrokenBackend(BaseBackend):
    def purge(self, url):
        CALLS.append(("broken", [url]))
        raise ConnectionRefusedError("cache is down")


RECORDING = {"rec": {"BACKEND": f"{__name__}.RecordingBackend"}}


@pytest.fixture
def recorded(django_capture_on_commit_callbacks):
    CALLS.clear()

    def run(action):
        CALLS.clear()
        # Purges queued while the fixtures were built wait for the test transaction's commit,
        # which never comes; start this action's own batch.
        purge._pending.batch = None
        with django_capture_on_commit_callbacks(execute=True):
            action()
        urls = {url for kind, batch in CALLS if kind == "url" for url in batch}
        keys = {key for kind, batch in CALLS if kind == "keys" for key in batch}
        return urls, keys

    with override_settings(WAGTAILFRONTENDCACHE=RECORDING):
        yield run


@pytest.fixture
def story(db):
    section = make_section("en", title="World", slug="world")
    article = make_article(section, title="Ferry resumes", slug="ferry", tags=["Transport"])
    ru_section = make_section("ru", title="Мир", slug="mir", translation_of=section)
    translation = make_article(
        ru_section, title="Паром", slug="parom", translation_of=article, language="ru"
    )
    pinning = make_article(section, title="Pins it", slug="pins-it")
    PinnedRelatedArticle.objects.create(page=pinning, related=article, sort_order=0)
    storing = make_article(section, title="Stores it", slug="stores-it")
    RelatedArticles.objects.update_or_create(
        page=storing, defaults={"related_ids": [article.pk, 999]}
    )
    return article, translation, pinning, storing


def test_publishing_an_edit_purges_everything_that_shows_it(recorded, story):
    article, translation, pinning, storing = story

    def edit():
        article.title = "Ferry resumes at dawn"
        article.save_revision().publish()

    urls, keys = recorded(edit)
    base = "http://localhost"
    for path in (
        "/en/world/ferry/",
        "/ru/mir/parom/",
        "/en/",
        "/ru/",
        "/en/world/",
        "/en/tags/transport/",
        "/en/world/pins-it/",
        "/en/world/stores-it/",
        "/en/feed/rss/",
        "/en/feed/atom/",
        "/en/feed/section/world/rss/",
        "/en/feed/tag/transport/atom/",
        "/sitemap.xml",
        "/sitemap-news-en.xml",
    ):
        assert base + path in urls, path
    assert {f"p{article.pk}", f"p{translation.pk}", "l-en", "sitemaps"} <= keys


def test_neighbours_whose_stored_dont_miss_changes_are_purged(recorded, story):
    article, _translation, pinning, _storing = story
    section = article.get_parent().specific
    urls, keys = recorded(
        lambda: make_article(section, title="Ferry timetable", slug="timetable", tags=["Transport"])
    )
    new = ArticlePage.objects.get(slug="timetable")
    stored = RelatedArticles.objects.get(pk=new.pk).related_ids
    assert stored, "the new article has stored neighbours"
    # Each neighbour's own list now names the new article: its page shows a new card.
    for neighbour in ArticlePage.objects.filter(pk__in=stored):
        assert neighbour.get_full_url() in urls, neighbour.slug
        assert f"p{neighbour.pk}" in keys


def test_unpublish_and_delete_purge_the_article_and_its_listings(recorded, story):
    article = story[0]
    urls, keys = recorded(lambda: article.unpublish())
    assert "http://localhost/en/world/ferry/" in urls
    assert "http://localhost/en/feed/rss/" in urls
    assert f"p{article.pk}" in keys and "l-en" in keys

    article.save_revision().publish()
    urls, keys = recorded(lambda: ArticlePage.objects.get(pk=article.pk).delete())
    assert "http://localhost/en/world/ferry/" in urls
    assert "http://localhost/en/" in urls
    assert f"p{article.pk}" in keys


def test_move_purges_old_and_new_places(recorded, story):
    article = story[0]
    economy = make_section("en", title="Economy", slug="economy")
    urls, _keys = recorded(lambda: article.move(economy, pos="last-child"))
    assert "http://localhost/en/world/ferry/" in urls
    assert "http://localhost/en/economy/ferry/" in urls
    assert "http://localhost/en/economy/" in urls


def test_a_section_change_purges_the_whole_site(recorded, story):
    section = story[0].get_parent().specific
    section.title = "The World"
    _urls, keys = recorded(lambda: section.save_revision().publish())
    assert "site" in keys


def test_a_bulk_dont_miss_rebuild_purges_the_whole_site_once(recorded, story):
    ids = [page.pk for page in story]
    _urls, keys = recorded(lambda: compute_all(ids))
    assert keys == {"site"}
    assert sum(1 for kind, _batch in CALLS if kind == "keys") == 1


@override_settings(
    WAGTAILFRONTENDCACHE={"broken": {"BACKEND": f"{__name__}.BrokenBackend"}},
    NEWSDESK_PURGE_ATTEMPTS=3,
)
def test_a_failing_purge_is_retried_then_logged_and_publishing_goes_on(
    story, caplog, django_capture_on_commit_callbacks
):
    article = story[0]
    CALLS.clear()
    purge._pending.batch = None
    with caplog.at_level(logging.WARNING, logger="core.purge"):
        with django_capture_on_commit_callbacks(execute=True):
            article.title = "Still published"
            article.save_revision().publish()
    article.refresh_from_db()
    assert article.live and article.title == "Still published"
    # One broken call per attempt (the first URL fails the batch).
    assert len(CALLS) == 3
    assert any("gave up on broken after 3 attempts" in r.message for r in caplog.records)


def test_retries_back_off():
    with override_settings(NEWSDESK_PURGE_RETRY_BASE_SECONDS=2):
        assert [retry_delay(n) for n in (1, 2, 3, 4)] == [0, 2, 4, 8]


def test_no_front_cache_configured_means_no_purge_work(story, django_capture_on_commit_callbacks):
    with override_settings(WAGTAILFRONTENDCACHE={}):
        with django_capture_on_commit_callbacks() as callbacks:
            story[0].save_revision().publish()
    assert not [c for c in callbacks if getattr(c, "__qualname__", "") == "_Batch.send"]


def test_backends_from_environment():
    env = {
        "NEWSDESK_VARNISH_URLS": "http://127.0.0.1:6081, http://10.0.0.2:6081",
        "NEWSDESK_CLOUDFLARE_ZONEID": "zone",
        "NEWSDESK_CLOUDFLARE_BEARER_TOKEN": "token",
        "NEWSDESK_CLOUDFRONT_DISTRIBUTION_ID": "EDFDVBD6EXAMPLE",
        "NEWSDESK_FRONTEND_CACHE_HOSTNAMES": "news.example.org",
    }
    backends = backends_from_env(env)
    assert backends["varnish0"]["LOCATION"] == "http://127.0.0.1:6081"
    assert backends["varnish1"]["LOCATION"] == "http://10.0.0.2:6081"
    assert backends["cloudflare"]["ZONEID"] == "zone"
    assert backends["cloudfront"]["DISTRIBUTION_ID"] == "EDFDVBD6EXAMPLE"
    assert all(b["HOSTNAMES"] == ["news.example.org"] for b in backends.values())
    assert backends_from_env({}) == {}


class SoftAwareBackend(RecordingBackend):
    """Speaks the soft forms too, as core.frontend_cache.VarnishBackend does."""

    def soft_purge_batch(self, urls):
        CALLS.append(("soft-url", list(urls)))

    def soft_purge_keys(self, keys):
        CALLS.append(("soft-keys", list(keys)))


def kinds_sent(action, django_capture_on_commit_callbacks) -> set[str]:
    CALLS.clear()
    purge._pending.batch = None
    with override_settings(WAGTAILFRONTENDCACHE={"v": {"BACKEND": f"{__name__}.SoftAwareBackend"}}):
        with django_capture_on_commit_callbacks(execute=True):
            action()
    return {kind for kind, _batch in CALLS}


def test_a_published_edit_purges_softly_and_removals_purge_hard(
    story, django_capture_on_commit_callbacks
):
    article = story[0]

    def edit():
        article.title = "Ferry resumes at dawn"
        article.save_revision().publish()

    assert kinds_sent(edit, django_capture_on_commit_callbacks) == {"soft-url", "soft-keys"}
    assert kinds_sent(article.unpublish, django_capture_on_commit_callbacks) == {"url", "keys"}
    with override_settings(NEWSDESK_SOFT_PURGE_ON_PUBLISH=False):
        assert kinds_sent(
            lambda: article.save_revision().publish(), django_capture_on_commit_callbacks
        ) == {"url", "keys"}


def test_a_batch_mixing_an_edit_and_an_unpublish_is_sent_hard(
    story, django_capture_on_commit_callbacks
):
    article, _translation, pinning, _storing = story

    def both():
        with transaction.atomic():
            article.title = "Ferry resumes at dawn"
            article.save_revision().publish()
            pinning.unpublish()

    assert kinds_sent(both, django_capture_on_commit_callbacks) == {"url", "keys"}
