"""Query expansion with navec word vectors (search/expansion.py): an article that shares no
lemma with the query is found through the query word's neighbours, while exact titles and
quoted phrases keep their places."""

from __future__ import annotations

import pytest
from django.test import override_settings

from search import expansion
from search.analysis import analyze_query
from search.backends import SearchFilters
from search.models import TermStat
from search.query import find

RU = SearchFilters(languages=("ru",))


@pytest.fixture(autouse=True)
def small_archive(monkeypatch):
    # A handful of test articles: every term counts, not only those of two or more articles.
    monkeypatch.setattr(expansion, "MIN_DOCUMENTS", 1)


@pytest.fixture
def news(site):
    return {
        "crash": site.article(
            "Трагедия у аэропорта",
            "Катастрофа пассажирского самолёта: авария произошла при посадке, лайнер разрушен.",
        ),
        "harvest": site.article(
            "Фермеры собрали урожай", "Зерновые дали рекордный урожай пшеницы этой осенью."
        ),
        "rates": site.article(
            "Банк повысил ставку", "Центральный банк поднял ключевую ставку, чтобы сдержать цены."
        ),
    }


def ids(query: str, hybrid: bool = True) -> list[int]:
    parsed = analyze_query(query)
    _count, hits, _any = find(parsed, RU, 0, 10, text=query, hybrid=hybrid)
    return [h.page_id for h in hits]


@pytest.mark.django_db
def test_neighbours_are_archive_terms_near_the_query_word(news):
    near = expansion.neighbours([("авиакатастрофа",)])
    assert "катастрофа" in near
    assert "авиакатастрофа" not in near  # the query's own terms are not neighbours
    archive = set(TermStat.objects.filter(documents__gt=0).values_list("term", flat=True))
    assert set(near) <= archive
    assert all(value >= expansion.DEFAULT_EXPANSION.min_similarity for value in near.values())
    # Nothing near an unrelated word of this archive, nothing for a word navec lacks.
    assert "катастрофа" not in expansion.neighbours([("урожай",)])
    assert expansion.neighbours([("zzqxv",)]) == {}


@pytest.mark.django_db
def test_expansion_finds_an_article_sharing_no_lemma_with_the_query(news):
    crash = news["crash"].pk
    assert ids("авиакатастрофа", hybrid=False) == []  # no article contains the word
    assert expansion.expanded_candidates([("авиакатастрофа",)], RU)[0] == crash
    assert ids("авиакатастрофа")[0] == crash
    with override_settings(NEWSDESK_SEARCH_EXPANSION=False):
        assert expansion.enabled() is False


@pytest.mark.django_db
def test_exact_title_and_phrase_stay_first_with_expansion(site, news):
    titled = site.article("Авиакатастрофа", "Короткая заметка без подробностей.")
    assert ids("авиакатастрофа")[0] == titled.pk
    # A quoted phrase stays exact: only the article holding it, no expanded neighbours.
    assert ids('"авария произошла"') == [news["crash"].pk]
