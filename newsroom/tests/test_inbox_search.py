"""Inbox search: the project's language analysis over source articles, ranked, highlighted,
combined with the inbox filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsroom import inbox_search
from newsroom.models import SourceTerms
from search.semantic import ann
from search.semantic import store as semantic_store
from sources.ingest.records import ArticleData
from sources.ingest.storage import store_article
from sources.models import SourceArticle
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db

INBOX = "wagtailsnippets_sources_sourcearticle:list"


def ingested(outlet, slug: str, title: str, text: str, language: str) -> SourceArticle:
    url = f"https://{outlet.pk}.example.org/{slug}"
    store_article(
        outlet, None, ArticleData(url=url, link=url, title=title, text=text, language=language)
    )
    return SourceArticle.objects.get(url=url)


@pytest.fixture
def inbox():
    ru = make_outlet("Ладожский вестник тест", language="ru")
    de = make_outlet("Nordkurier Test", language="de")
    pl = make_outlet("Kurier Testowy", language="pl")
    return {
        "soldiers": ingested(
            ru,
            "soldaty",
            "Солдаты вернулись в казармы",
            "Солдаты вернулись в казармы после учений у озера.",
            "ru",
        ),
        "other_ru": ingested(
            ru, "most", "Мост открыт", "Мост через реку открыли после ремонта.", "ru"
        ),
        "strike_title": ingested(
            de,
            "streik",
            "Streiks legen den Hafen lahm",
            "Die Hafenarbeiter streiken seit Montag; weitere Streiks sind angekündigt.",
            "de",
        ),
        "strike_text": ingested(
            de,
            "wetter",
            "Sturm über der Küste",
            "Wegen des Sturms fielen Fähren aus. Ein Streik der Lotsen kam hinzu.",
            "de",
        ),
        "polish": ingested(
            pl,
            "strajk",
            "Strajki w porcie",
            "Dokerzy ogłosili strajki w porcie w Gdańsku.",
            "pl",
        ),
    }


def test_ingest_analyses_each_source_with_its_language(inbox) -> None:
    # Stored by ingest -> the newsroom's task analysed it (immediate task backend in tests).
    row = SourceTerms.objects.get(source_article=inbox["strike_title"])
    assert " streik " in row.title_terms
    assert " солдат " in SourceTerms.objects.get(source_article=inbox["soldiers"]).title_terms


def test_inflected_forms_match_in_russian_german_and_polish(inbox) -> None:
    queryset = SourceArticle.objects.all()

    def found(query: str) -> set[int]:
        return {hit.article_id for hit in inbox_search.rank(queryset, inbox_search.parse(query))}

    assert found("солдат") == {inbox["soldiers"].pk}
    assert found("Streik") == {inbox["strike_title"].pk, inbox["strike_text"].pk}
    assert found("strajk") == {inbox["polish"].pk}
    assert found("солдат мост") == set()  # every word must occur


def test_title_matches_rank_first_and_repeated_terms_count(inbox) -> None:
    hits = inbox_search.rank(SourceArticle.objects.all(), inbox_search.parse("Streik"))

    assert [hit.article_id for hit in hits] == [inbox["strike_title"].pk, inbox["strike_text"].pk]
    assert hits[0].score > hits[1].score


def test_inbox_search_ranks_highlights_and_keeps_filters(admin_client, inbox) -> None:
    html = admin_client.get(reverse(INBOX), {"q": "Streik"}).content.decode()
    german_only = admin_client.get(
        reverse(INBOX), {"q": "солдат", "language": "de"}
    ).content.decode()
    russian = admin_client.get(reverse(INBOX), {"q": "солдат", "language": "ru"}).content.decode()

    assert html.index(inbox["strike_title"].title) < html.index(inbox["strike_text"].title)
    assert "<mark>Streik</mark>" in html and "<mark>Streiks</mark>" in html
    assert inbox["soldiers"].title not in html
    assert inbox["soldiers"].title not in german_only
    assert "<mark>Солдаты</mark>" in russian


def test_search_catches_up_on_articles_ingest_did_not_analyse(admin_client) -> None:
    article = make_source_article(
        outlet=make_outlet(language="de"), title="Warnstreiks im Nahverkehr", language="de"
    )
    assert not SourceTerms.objects.filter(source_article=article).exists()

    html = admin_client.get(reverse(INBOX), {"q": "Warnstreik"}).content.decode()

    assert article.title in html.replace("<mark>", "").replace("</mark>", "")
    assert SourceTerms.objects.filter(source_article=article).exists()


def test_changed_text_is_analysed_again(inbox) -> None:
    article = inbox["other_ru"]
    store_article(
        article.outlet,
        None,
        ArticleData(
            url=article.url, link=article.url, title=article.title, text="Солдаты чинят мост."
        ),
    )
    hits = inbox_search.rank(SourceArticle.objects.all(), inbox_search.parse("солдатами"))

    assert {hit.article_id for hit in hits} == {inbox["soldiers"].pk, article.pk}


@pytest.fixture
def semantic():
    """The shared semantic index, empty before and after (vectors stored by the test)."""
    ann.reset_all()
    yield
    ann.reset_all()


def with_vectors() -> None:
    semantic_store.store_source_articles(semantic_store.sources_missing_vectors(100))


def test_cross_language_sources_are_found_by_meaning_and_marked(
    admin_client, inbox, semantic
) -> None:
    crash = make_source_article(
        outlet=make_outlet("Kurier Lotniczy", language="pl"),
        title="Samolot pasażerski rozbił się przy lądowaniu",
        text="Samolot rozbił się podczas lądowania na lotnisku; ratownicy są na miejscu.",
        language="pl",
    )
    with_vectors()

    hits = inbox_search.cross_language(SourceArticle.objects.all(), "авиакатастрофа")
    html = admin_client.get(reverse(INBOX), {"q": "авиакатастрофа"}).content.decode()
    german_only = admin_client.get(
        reverse(INBOX), {"q": "авиакатастрофа", "language": "de"}
    ).content.decode()

    assert hits and hits[0].article_id == crash.pk and hits[0].cross_language
    assert inbox["soldiers"].pk not in {hit.article_id for hit in hits}  # same language: words
    assert crash.title in html and "Other language, same subject" in html
    assert crash.title not in german_only  # the inbox filters apply to these results too
