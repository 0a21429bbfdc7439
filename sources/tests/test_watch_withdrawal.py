"""Withdrawals that are not a 404: a redirect to a section or listing page, and a 200 page saying
the article was removed, in each of the outlets' languages; and what must not count as one.
Against the fake outlet on 127.0.0.1 (core.testing.fake_web), as in test_watch."""

from __future__ import annotations

import pytest

from sources.models import Feed, SourceArticle, SourceEvent
from sources.signals import source_event_recorded
from sources.watch.runs import check_watches
from sources.watch.withdrawal import removal_phrase, resemblance

from .ingest_fixtures import BRIDGE, page_html
from .test_watch import HTML, PAGE, ingested, watched

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    seen: list[SourceEvent] = []

    def receiver(sender, *, event, **kwargs):
        seen.append(event)

    source_event_recorded.connect(receiver, dispatch_uid="test_watch_withdrawal.events")
    yield seen
    source_event_recorded.disconnect(dispatch_uid="test_watch_withdrawal.events")


LISTING = """<html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav>
<h1>{title}</h1><ul><li><a href="/news/a.html">Council meets on Tuesday</a></li>
<li><a href="/news/b.html">Rain expected over the weekend</a></li></ul></body></html>"""

# What outlets put on the page instead of the article (our own wording, one per language).
NOTICES = {
    "en": "This article has been removed at the request of the publisher.",
    "ru": "Этот материал был удалён по решению редакции.",
    "de": "Dieser Artikel wurde entfernt. Wir bitten um Verständnis.",
    "fr": "Cet article a été supprimé par la rédaction.",
    "es": "Este artículo ha sido retirado por la redacción.",
    "it": "Questo articolo è stato rimosso dalla redazione.",
    "pl": "Ten artykuł został usunięty przez redakcję.",
}


def notice_page(text: str) -> str:
    return (
        "<html><head><title>Velmora Courier</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news/">News</a></nav>'
        f"<main><article><h1>Velmora Courier</h1><p>{text}</p></article></main>"
        "<footer>© Velmora Courier</footer></body></html>"
    )


def withdrawn_detail(events) -> str:
    assert [e.kind for e in events] == ["withdrawn"], [e.kind for e in events]
    return events[0].detail


@pytest.mark.parametrize(
    "target, detail",
    [
        ("/news/", "redirected to the section page"),  # the folder the article was in
        ("/sport/", "redirected to the section page"),  # a section the outlet has a feed for
    ],
)
def test_a_redirect_to_a_section_page_is_a_withdrawal(fake_web, events, target, detail):
    article = ingested(fake_web)
    Feed.objects.create(outlet=article.outlet, url=fake_web.url("/sport/feed.xml"))
    watch = watched(article, hours_ago=30)
    fake_web.add(target, LISTING.format(title="Section"), content_type=HTML)
    fake_web.redirect(PAGE, target, status=302)

    assert check_watches([watch.pk]).outcomes == {"withdrawn": 1}

    assert withdrawn_detail(events).startswith(detail)
    assert article.versions.count() == 1


def test_a_redirect_to_an_unrelated_path_is_not_a_withdrawal(fake_web, events):
    # Neither a parent folder of the article nor a known section: maybe a moved article.
    article = ingested(fake_web)
    watch = watched(article)
    fake_web.add("/opinion/", LISTING.format(title="Opinion"), content_type=HTML)
    fake_web.redirect(PAGE, "/opinion/", status=301)

    summary = check_watches([watch.pk])
    assert summary.errors == [] and sum(summary.outcomes.values()) == 1  # it was checked
    assert "withdrawn" not in summary.outcomes
    assert not [e for e in events if e.kind == "withdrawn"]


@pytest.mark.parametrize("language", sorted(NOTICES))
def test_a_removal_notice_page_is_a_withdrawal_in_each_language(fake_web, events, language):
    article = ingested(fake_web)
    SourceArticle.objects.filter(pk=article.pk).update(language=language)
    watch = watched(article, hours_ago=30)
    fake_web.add(PAGE, notice_page(NOTICES[language]), content_type=HTML, etag='"gone"')

    summary = check_watches([watch.pk])
    assert summary.outcomes == {"withdrawn": 1}, summary.errors

    detail = withdrawn_detail(events)
    assert detail.startswith("removal notice on the page")
    assert article.versions.count() == 1  # the notice is not stored as the article's new text


def test_the_article_still_there_with_a_removal_phrase_is_an_edit(fake_web, events):
    article = ingested(fake_web)
    watch = watched(article)
    paragraphs = [*BRIDGE.paragraphs, "The old timetable page is no longer available online."]
    fake_web.add(PAGE, page_html(BRIDGE, paragraphs=paragraphs), content_type=HTML, etag='"v2"')

    assert check_watches([watch.pk]).outcomes == {"changed": 1}
    assert [e.kind for e in events] == ["changed"]


def test_a_phrase_in_a_language_the_outlet_does_not_use_is_not_read():
    assert removal_phrase(NOTICES["pl"], "en") is None
    assert removal_phrase(NOTICES["pl"], "pl") is not None
    assert removal_phrase(NOTICES["en"], "pl") is not None  # English is always read
    assert removal_phrase("The bridge reopened after repairs.", "en") is None


def test_resemblance_is_the_share_of_the_stored_word_runs_left():
    text = " ".join(BRIDGE.paragraphs)
    assert resemblance(text, text) == 1.0
    assert resemblance(text, NOTICES["en"]) == 0.0
    half = " ".join(text.split()[: len(text.split()) // 2])
    assert 0.3 < resemblance(text, half) < 0.7
