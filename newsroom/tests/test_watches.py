"""Watch lists: a saved search notifies its owner once per matching source article."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Watch, WatchMatch
from newsroom.watches import match_cross_language, send_due_digests
from search.semantic import ann
from search.semantic import store as semantic_store
from sources.ingest.records import ArticleData
from sources.ingest.storage import store_article
from sources.models import SourceArticle
from sources.testing.factories import make_outlet

pytestmark = pytest.mark.django_db


def ingest(outlet, slug: str, title: str, text: str, language: str) -> SourceArticle:
    url = f"https://{outlet.pk}.example.org/{slug}"
    store_article(
        outlet, None, ArticleData(url=url, link=url, title=title, text=text, language=language)
    )
    return SourceArticle.objects.get(url=url)


@pytest.fixture
def editor(admin_user):
    admin_user.email = "editor@example.org"
    admin_user.save()
    return admin_user


@pytest.fixture
def outlets():
    return {
        "de": make_outlet("Nordkurier Watch", language="de"),
        "ru": make_outlet("Ладожский вестник наблюдение", language="ru"),
    }


def test_a_matching_article_notifies_once_not_once_per_version(editor, outlets) -> None:
    watch = Watch.objects.create(owner=editor, name="Port strikes", query="Streik Hafen")
    article = ingest(outlets["de"], "a", "Streiks im Hafen", "Die Hafenarbeiter streiken.", "de")
    ingest(outlets["de"], "b", "Wetter", "Sonne über dem Hafen.", "de")  # no "Streik"

    store_article(  # the outlet corrects the article: a second version, still matching
        outlets["de"],
        None,
        ArticleData(
            url=article.url,
            link=article.url,
            title="Streiks im Hafen gehen weiter",
            text="Die Hafenarbeiter streiken weiter.",
        ),
    )

    assert article.versions.count() == 2
    assert list(WatchMatch.objects.values_list("watch_id", "source_article_id")) == [
        (watch.pk, article.pk)
    ]


def test_outlet_and_language_conditions_narrow_a_watch(editor, outlets) -> None:
    only_ru = Watch.objects.create(owner=editor, name="ru", query="солдат", languages=["ru"])
    only_de_outlet = Watch.objects.create(owner=editor, name="de", query="солдат")
    only_de_outlet.outlets.add(outlets["de"])

    article = ingest(outlets["ru"], "s", "Солдаты вернулись", "Солдаты вернулись домой.", "ru")

    assert set(WatchMatch.objects.values_list("watch_id", flat=True)) == {only_ru.pk}
    assert WatchMatch.objects.get().source_article == article


def test_dashboard_shows_unseen_matches_until_marked_seen(admin_client, editor, outlets) -> None:
    Watch.objects.create(owner=editor, name="Port strikes", query="Streik")
    ingest(outlets["de"], "a", "Streiks im Hafen", "Die Hafenarbeiter streiken.", "de")

    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    admin_client.post(reverse("sources_newsroom:watch_matches_seen"))
    later = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Streiks im Hafen" in dashboard and "Port strikes" in dashboard
    assert "Streiks im Hafen" not in later


def test_digest_mails_each_match_once_at_the_chosen_rhythm(editor, outlets) -> None:
    Watch.objects.create(owner=editor, name="Port strikes", query="Streik", digest="hourly")
    Watch.objects.create(owner=editor, name="Never mail", query="Streik", digest="never")
    ingest(outlets["de"], "a", "Streiks im Hafen", "Die Hafenarbeiter streiken.", "de")
    now = timezone.now()

    assert send_due_digests(now) == 1
    assert send_due_digests(now + timedelta(minutes=5)) == 0  # not due yet
    ingest(outlets["de"], "b", "Neuer Streik", "Ein neuer Streik.", "de")
    assert send_due_digests(now + timedelta(minutes=30)) == 0  # still not due
    assert send_due_digests(now + timedelta(hours=1, minutes=1)) == 1

    assert [m.to for m in mail.outbox] == [["editor@example.org"], ["editor@example.org"]]
    assert "Streiks im Hafen" in mail.outbox[0].body and "Port strikes" in mail.outbox[0].body
    assert "Streiks im Hafen" not in mail.outbox[1].body and "Neuer Streik" in mail.outbox[1].body


def test_watches_are_saved_from_a_search_and_private_to_their_owner(
    admin_client, client, editor, outlets, django_user_model
) -> None:
    inbox = admin_client.get(
        reverse("wagtailsnippets_sources_sourcearticle:list"), {"q": "Streik", "language": "de"}
    ).content.decode()
    add = reverse("newsroom_watches:add")
    assert f"{add}?q=Streik&amp;language=de" in inbox

    form = admin_client.get(add, {"q": "Streik", "language": "de"}).content.decode()
    assert 'value="Streik"' in form
    response = admin_client.post(
        add,
        {
            "name": "Strikes",
            "query": "Streik",
            "languages": ["de"],
            "digest": "daily",
            "active": "on",
            "cross_language": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    watch = Watch.objects.get()
    assert watch.owner == editor and watch.languages == ["de"]

    other = django_user_model.objects.create_superuser("other", "o@example.org", "x")
    client.force_login(other)
    assert "Strikes" not in client.get(reverse("newsroom_watches:index")).content.decode()
    edit = client.get(reverse("newsroom_watches:edit", args=[watch.pk]), follow=True)
    assert edit.status_code == 404
    assert "Strikes" in admin_client.get(reverse("newsroom_watches:index")).content.decode()


def test_a_watch_also_notifies_of_other_languages_on_its_subject_once(editor, outlets) -> None:
    ann.reset_all()
    try:
        watch = Watch.objects.create(owner=editor, name="Crashes", query="авиакатастрофа")
        crash = ingest(
            make_outlet("Kurier Lotniczy W", language="pl"),
            "crash",
            "Samolot pasażerski rozbił się przy lądowaniu",
            "Samolot rozbił się podczas lądowania na lotnisku; ratownicy są na miejscu.",
            "pl",
        )
        ingest(outlets["de"], "rates", "Zinsen steigen", "Die Notenbank erhöht den Leitzins.", "de")
        semantic_store.store_source_articles(semantic_store.sources_missing_vectors(100))

        first = match_cross_language()
        again = match_cross_language()
    finally:
        ann.reset_all()

    assert [(m.watch, m.source_article, m.cross_language) for m in first] == [(watch, crash, True)]
    assert again == []
