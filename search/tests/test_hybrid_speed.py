"""The hybrid query path's shortcuts change no result: the query-embedding cache, candidate
similarities read from the in-memory ANN index, and one backend query for the fused window."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from search import query as search_query
from search.analysis import analyze_query
from search.backends import SearchFilters, get_backend
from search.models import SemanticVector
from search.query import find, run_search
from search.semantic import ann, hybrid, service
from search.semantic.encoding import dequantize

RU = SearchFilters(languages=("ru",))
CACHED = service._query_vector
QUERIES = ["самолёт", "авиакатастрофа", "урожай пшеницы", "банк ставка", "крушение самолёта"]


def jan(day: int) -> datetime:
    return datetime(2024, 1, day, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fresh_ann():
    ann.reset_all()
    CACHED.cache_clear()
    yield
    ann.reset_all()
    CACHED.cache_clear()


@pytest.fixture
def news(site):
    texts = [
        ("Самолёт разбился при посадке", "Пассажирский самолёт потерпел крушение у аэропорта."),
        ("Фермеры собрали урожай", "Зерновые дали рекордный урожай пшеницы этой осенью."),
        ("Банк повысил ставку", "Центральный банк поднял ключевую ставку, чтобы сдержать цены."),
        ("Авиалайнер сел на воду", "Лайнер совершил аварийную посадку, пассажиры спасены."),
        ("Самолёт задержан", "Рейс в Москву задержан из-за тумана, самолёт ждёт погоды."),
        ("Урожай винограда", "Виноградники дали меньше ягод после жаркого лета."),
    ]
    return [
        site.article(title, body, published_at=jan(1 + i)) for i, (title, body) in enumerate(texts)
    ]


def outcome_rows(query: str) -> list[tuple[int, float, bool, str]]:
    outcome = run_search(query, RU)
    return [(r.page_id, r.score, r.semantic_only, str(r.snippet)) for r in outcome.results]


@pytest.mark.django_db
def test_query_embedding_cache_changes_no_result(news, monkeypatch):
    cached = {q: outcome_rows(q) for q in QUERIES}
    cached_again = {q: outcome_rows(q) for q in QUERIES}  # every vector now from the cache
    assert CACHED.cache_info().hits > 0
    # Without the cache: every call embeds the query again.
    monkeypatch.setattr(service, "_query_vector", CACHED.__wrapped__)
    uncached = {q: outcome_rows(q) for q in QUERIES}
    assert cached == cached_again == uncached
    assert any(row[2] for rows in uncached.values() for row in rows), "no semantic-only hit"


@pytest.mark.django_db
def test_candidate_similarities_from_the_index_equal_the_stored_vectors(news):
    ids = [p.pk for p in news]
    vector = service.query_vector("авиакатастрофа")
    from_index = {h.key: h.similarity for h in hybrid._similarities(ids, vector, set())}
    stored = dict(
        SemanticVector.objects.filter(kind="page", key__in=ids, live=True).values_list(
            "key", "vector"
        )
    )
    assert set(from_index) == set(ids) == set(stored)
    for key, data in stored.items():
        assert from_index[key] == pytest.approx(float(dequantize(data) @ vector), abs=1e-5)
    # Known neighbours are not read again; an unpublished page's vector is gone at once.
    assert hybrid._similarities(ids, vector, set(ids)) == []
    news[0].unpublish()
    ann.index_for("page").sync(force=True)
    assert news[0].pk not in {h.key for h in hybrid._similarities(ids, vector, set())}


@pytest.mark.django_db
def test_fused_window_is_one_backend_query_with_the_same_order(site, monkeypatch):
    pages = [
        site.article(
            f"Учения {i}",
            "Учения " * (i % 3 + 1),
            published_at=datetime(2024, 1, 1 + i, tzinfo=UTC),
        )
        for i in range(7)
    ]
    monkeypatch.setattr(search_query, "RERANK_CANDIDATES", 3)
    parsed = analyze_query("учения")
    # Page by page (lexical order, small pages) against the whole window at once.
    paged = []
    for offset in range(0, 8, 2):
        paged.extend(h.page_id for h in find(parsed, RU, offset, 2, hybrid=False)[1])
    backend = type(get_backend())
    calls = []
    original = backend.search
    monkeypatch.setattr(
        backend, "search", lambda self, *a, **k: calls.append(k) or original(self, *a, **k)
    )
    groups = [w.terms for w in parsed.all_words]
    window = search_query._search_page(get_backend(), groups, RU, 0, 7, 7)
    assert [h.page_id for h in window] == paged
    assert sorted(paged) == sorted(p.pk for p in pages)
    assert len(calls) == 1 and calls[0]["limit"] == 7
    # The hybrid ranking asks for its fused window once too.
    calls.clear()
    find(parsed, RU, 0, 10, text="учения", hybrid=True)
    assert len(calls) == 1


def test_index_vectors_of_unknown_keys_are_left_out(settings):
    settings.NEWSDESK_SEMANTIC_INDEX_DIR = ""
    index = ann.AnnIndex("page")
    index._index = ann._new_index()
    index._synced_at = float("inf")  # no database in this test: nothing to sync
    index._index.add(np.asarray([5], dtype=np.uint64), np.full((1, 512), 3, dtype=np.int8))
    found = index.vectors([5, 6])
    assert list(found) == [5] and found[5].dtype == np.int8 and int(found[5][0]) == 3
