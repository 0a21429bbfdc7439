"""Editors are told what an outlet did to the source of their published article: an outlet page
served from 127.0.0.1 is edited, corrected, then removed after an article based on it was
published; each change reaches the article's editors once, on the dashboard and by e-mail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.users.models import UserProfile

from articles.testing.factories import make_article, make_section
from core.models import AdminNotification
from core.scheduler import tick_job
from core.scheduling import periodic_jobs
from core.testing.factories import make_locales
from sources.ingest.runs import ingest_due_feeds
from sources.models import Feed, SourceArticle, SourceWatch
from sources.tasks import watch_sources
from sources.testing.factories import make_outlet
from sources.tests.ingest_fixtures import BRIDGE, page_html, serve_site

pytestmark = pytest.mark.django_db
PAGE = "/news/bridge.html"
HTML = "text/html; charset=utf-8"


def user(name: str, language: str = "en"):
    made = get_user_model().objects.create_user(
        name, f"{name}@newsroom.example.org", "pw", is_staff=True, is_superuser=True
    )
    profile = UserProfile.get_for_user(made)
    profile.preferred_language = language
    profile.save()
    return made


@pytest.fixture
def published(fake_web):
    """An English article and its Russian translation, based on an ingested outlet page."""
    make_locales()
    outlet = make_outlet("Velmora Courier", language="en", homepage=fake_web.url("/"))
    feed = Feed.objects.create(outlet=outlet, url=serve_site(fake_web, [BRIDGE]))
    ingest_due_feeds(feeds=[feed], cluster=False)
    source = SourceArticle.objects.get()
    owner, editor, translator = user("owner"), user("editor"), user("translator", "ru")
    user("bystander")
    page = make_article(title="Velmora's bridge is open again", sources=[source], user=owner)
    page.title = "Velmora's bridge is open again, at a price"
    page.save_revision(user=editor).publish()
    ru = make_article(
        make_section("ru"),
        language="ru",
        title="Мост в Велморе снова открыт",
        sources=[source],
        translation_of=page,
        user=translator,
    )
    return {"source": source, "pages": [page, ru], "users": (owner, editor, translator)}


def run_the_watch(captured) -> None:
    """Make every watched source due and run the periodic job's task; commit callbacks run."""
    SourceWatch.objects.update(next_check_at=timezone.now() - timedelta(seconds=1))
    with captured(execute=True):
        watch_sources.enqueue()


def serve(fake_web, paragraphs, etag):
    fake_web.add(PAGE, page_html(BRIDGE, paragraphs=paragraphs), content_type=HTML, etag=etag)


def notifications():
    return list(
        AdminNotification.objects.order_by("created_at", "pk").values_list(
            "user__username", "subject"
        )
    )


def test_editors_are_notified_once_of_an_edit_a_correction_and_a_withdrawal(
    fake_web, published, django_capture_on_commit_callbacks
):
    job = next(j for j in periodic_jobs() if j.name == "sources.watch_sources")
    with django_capture_on_commit_callbacks(execute=True):
        tick_job(job, timezone.now())  # the first pass starts the watch; nothing is due yet
    watch = SourceWatch.objects.get()
    assert watch.anchor_at == published["pages"][1].first_published_at
    assert (watch.checks, notifications(), mail.outbox) == (0, [], [])

    serve(fake_web, [*BRIDGE.paragraphs[:3], "The council says the bill matched."], '"v2"')
    run_the_watch(django_capture_on_commit_callbacks)

    title = BRIDGE.title
    assert sorted(notifications()) == [
        ("editor", f"Source changed: {title}"),
        ("owner", f"Source changed: {title}"),
        ("translator", f"Источник изменён: {title}"),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "editor@newsroom.example.org",
        "owner@newsroom.example.org",
        "translator@newsroom.example.org",
    ]
    body = next(m.body for m in mail.outbox if m.to == ["owner@newsroom.example.org"])
    assert "Velmora's bridge is open again, at a price (en)" in body
    assert "Мост в Велморе снова открыт (ru)" in body
    assert "http://testserver/admin/newsroom/source-updates/" in body

    run_the_watch(django_capture_on_commit_callbacks)  # a 304: nothing new, nobody told again
    assert len(notifications()) == 3 and len(mail.outbox) == 3

    note = "Correction: the bill was a third above the estimate, not twice it."
    serve(fake_web, [*BRIDGE.paragraphs[:3], "The council says the bill matched.", note], '"v3"')
    run_the_watch(django_capture_on_commit_callbacks)
    corrected = [m for m in mail.outbox[3:] if m.to == ["editor@newsroom.example.org"]]
    assert [m.subject for m in corrected] == [f"Source corrected: {title}"]
    assert f"“{note}”" in corrected[0].body
    assert (
        f"“{note}”"
        in AdminNotification.objects.get(
            user__username="owner", subject__startswith="Source corrected"
        ).body
    )

    fake_web.add(PAGE, "gone", status=410)
    run_the_watch(django_capture_on_commit_callbacks)
    run_the_watch(django_capture_on_commit_callbacks)  # still gone: no second notification
    withdrawn = [s for _u, s in notifications() if "withdrawn" in s.lower() or "отозван" in s]
    assert len(withdrawn) == 3 and len(mail.outbox) == 9
    assert AdminNotification.objects.filter(user__username="bystander").count() == 0


def test_a_source_no_live_article_is_based_on_notifies_nobody(
    fake_web, published, django_capture_on_commit_callbacks
):
    for page in published["pages"]:
        page.unpublish()
    SourceWatch.objects.create(article=published["source"], anchor_at=timezone.now())
    fake_web.add(PAGE, "gone", status=404)

    run_the_watch(django_capture_on_commit_callbacks)

    assert SourceWatch.objects.get().last_status == "withdrawn"
    assert notifications() == [] and mail.outbox == []
