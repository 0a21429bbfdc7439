"""PostgreSQL term bitmaps: the fast path must answer exactly what the GIN index answers.

The bitmaps only exist for terms in COMMON_TERM_DOCUMENTS articles or more; the tests lower that
threshold to 2 so a handful of articles exercise the same code as a 100,000-article archive.
Searches run with the semantic fusion off (`hybrid=False`): these are the lexical index's counts.
"""

from dataclasses import replace
from functools import partial

import pytest
from django.db import connection

from search import indexing
from search.analysis import analyze_query
from search.backends import SearchBackend, SearchFilters, get_backend
from search.backends.postgres import highest_ids
from search.models import TermBitmap
from search.query import find

# Term bitmaps are PostgreSQL's fast path: on SQLite these tests are deselected (conftest.py),
# and CI runs them in its PostgreSQL pass.
postgres_only = pytest.mark.postgres_only


def test_highest_ids_returns_the_top_set_bits_highest_first():
    bitmap = int.from_bytes(indexing.bitmap_from_ids([3, 8, 9, 700, 1025]), "little")
    assert highest_ids(bitmap, 3) == [1025, 700, 9]
    assert highest_ids(bitmap, 10) == [1025, 700, 9, 8, 3]
    assert highest_ids(0, 5) == []


@pytest.fixture
def common_corpus(site, monkeypatch):
    monkeypatch.setattr(indexing, "COMMON_TERM_DOCUMENTS", 2)
    pages = {
        "a": site.article("Солдаты вернулись домой", "Батальон прибыл в Псков. Солдат встречали."),
        "b": site.article("Парад в Пскове", "Солдаты батальона прошли по площади."),
        "c": site.article("Урожай пшеницы", "Фермеры собрали пшеницу, солдаты помогали."),
        "d": site.article("Зерно и погода", "Пшеница подорожала после дождей."),
        "e": site.article("Soldiers return", "The battalion arrived home.", language="en"),
        "f": site.article("Soldier parade", "Soldiers marched in Pskov.", language="en"),
    }
    indexing.recompute_term_stats()  # builds the bitmaps with the lowered threshold
    return pages


QUERIES = [
    ("солдат", ("ru",)),
    ("солдатам батальона", ("ru",)),
    ("пшеница", ("ru",)),
    ("солдат пшеница", ("ru",)),
    ("soldiers", ("en",)),
    ("soldiers", ("ru", "en")),
    ("псков", ("ru", "en")),
]


def both_paths(text, languages, require_all=True):
    """(count, ids) through the bitmaps, then through the base class's GIN-only SQL."""
    groups = [w.terms for w in analyze_query(text).all_words]
    filters = SearchFilters(languages=languages, preferred_language=languages[0])
    backend = get_backend()
    assert backend._match_bitmap(groups, filters, require_all) is not None
    answers = []
    for count, search in (
        (backend.count, backend.search),
        (partial(SearchBackend.count, backend), partial(SearchBackend.search, backend)),
    ):
        total = count(groups, filters, require_all=require_all)
        hits = search(groups, filters, require_all=require_all, limit=50)
        answers.append((total, [h.page_id for h in hits]))
    return answers


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize("text,languages", QUERIES)
def test_bitmaps_and_gin_agree(common_corpus, text, languages):
    fast, gin = both_paths(text, languages)
    assert fast == gin
    assert fast[0] > 0


@postgres_only
@pytest.mark.django_db
def test_any_word_mode_agrees(common_corpus):
    fast, gin = both_paths("пшеница батальон", ("ru",), require_all=False)
    assert fast == gin
    assert fast[0] == 4


@postgres_only
@pytest.mark.django_db
def test_a_word_with_only_rare_terms_goes_through_gin(common_corpus):
    # "ферма"/"фермер" is in one article: below the threshold, no bitmap.
    groups = [w.terms for w in analyze_query("солдаты фермеры").all_words]
    backend = get_backend()
    assert backend._match_bitmap(groups, SearchFilters(languages=("ru",)), True) is None
    count, hits, _ = find(
        analyze_query("солдаты фермеры"), SearchFilters(languages=("ru",)), 0, 10, hybrid=False
    )
    assert (count, [h.page_id for h in hits]) == (1, [common_corpus["c"].pk])


@postgres_only
@pytest.mark.django_db
def test_trigger_keeps_bitmaps_exact_on_publish_unpublish_and_delete(common_corpus, site):
    def solder_ids():
        count, hits, _ = find(
            analyze_query("солдат"), SearchFilters(languages=("ru",)), 0, 50, hybrid=False
        )
        assert count == len(hits)
        return {h.page_id for h in hits}

    pages = common_corpus
    assert solder_ids() == {pages["a"].pk, pages["b"].pk, pages["c"].pk}
    new = site.article("Солдаты на учениях", "Учения прошли спокойно.")
    assert solder_ids() == {pages["a"].pk, pages["b"].pk, pages["c"].pk, new.pk}
    pages["a"].unpublish()
    assert solder_ids() == {pages["b"].pk, pages["c"].pk, new.pk}
    pages["b"].delete()
    assert solder_ids() == {pages["c"].pk, new.pk}
    # The bits themselves, read back through PostgreSQL's own numbering.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT get_bit(bits, %s), get_bit(bits, %s) FROM search_termbitmap WHERE term = %s",
            [new.pk, pages["a"].pk, "солдат"],
        )
        assert cursor.fetchone() == (1, 0)


@postgres_only
@pytest.mark.django_db
def test_the_ranking_cap_keeps_the_newest_pages(common_corpus, monkeypatch):
    monkeypatch.setattr(type(get_backend()), "RANK_CANDIDATES", 2)
    pages = common_corpus
    count, hits, _ = find(
        analyze_query("солдат"), SearchFilters(languages=("ru",)), 0, 10, hybrid=False
    )
    assert count == 3
    assert {h.page_id for h in hits} == {pages["b"].pk, pages["c"].pk}


@postgres_only
@pytest.mark.django_db
def test_bulk_loads_drop_the_bitmaps_and_rebuild_them(common_corpus, monkeypatch):
    assert TermBitmap.objects.filter(term="солдат").exists()
    monkeypatch.setattr(indexing, "BULK_LOAD_PAGES", 1)
    indexing.drop_term_bitmaps()
    assert not TermBitmap.objects.exists()
    # Without bitmaps every query takes the GIN path and still answers.
    count, _hits, _ = find(
        analyze_query("солдат"), SearchFilters(languages=("ru",)), 0, 10, hybrid=False
    )
    assert count == 3
    indexing.index_page_ids([p.pk for p in common_corpus.values()])
    assert TermBitmap.objects.filter(term="солдат").exists()
    assert TermBitmap.objects.filter(term=indexing.LANGUAGE_TERM_PREFIX + "en").exists()


@postgres_only
@pytest.mark.django_db
def test_a_small_import_into_a_larger_index_keeps_the_bitmaps_exact(common_corpus, monkeypatch):
    monkeypatch.setattr(indexing, "BULK_LOAD_PAGES", 1)
    monkeypatch.setattr(indexing, "BULK_LOAD_SHARE", 0.5)
    page = common_corpus["d"]
    # Re-index one page of six with changed text: the trigger, not a rebuild, updates the bits.
    entry = indexing.IndexEntry.objects.get(pk=page.pk)
    entry.delete()
    drop_calls = []
    monkeypatch.setattr(indexing, "drop_term_bitmaps", lambda: drop_calls.append(1))
    indexing.index_page_ids([page.pk])
    assert drop_calls == []
    fast, gin = both_paths("пшеница", ("ru",))
    assert fast == gin == (2, fast[1])


def bitmap_bit(term, page_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT get_bit(bits, %s) FROM search_termbitmap WHERE term = %s", [page_id, term]
        )
        return cursor.fetchone()[0]


def pending_rows():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {indexing.PENDING_TABLE}")  # noqa: S608
        return cursor.fetchone()[0]


@postgres_only
@pytest.mark.django_db
def test_index_writes_log_changes_that_searches_apply_before_the_fold(common_corpus, site):
    """A publish never rewrites a shared bitmap row (publishers would queue on "~lang:ru"):
    it logs the change, searches apply the log, and the fold writes it into the bitmaps."""
    pages = common_corpus
    new = site.article("Солдаты на учениях", "Учения прошли спокойно.")  # the task folds
    assert pending_rows() == 0
    # Written the way the publish task writes, without its fold: a re-index that drops the
    # word, a removal, and a re-index of a page that keeps it.
    harvest = indexing.document_for(pages["c"])
    indexing.store_documents([replace(harvest, title="Урожай собран", body="Фермеры довольны.")])
    indexing.remove_pages([pages["a"].pk])
    indexing.store_documents([indexing.document_for(new)])
    assert pending_rows() > 0
    assert bitmap_bit("солдат", pages["a"].pk) == 1  # the bitmap rows were not touched
    assert bitmap_bit("солдат", pages["c"].pk) == 1

    fast, gin = both_paths("солдат", ("ru",))
    assert fast == gin
    assert set(fast[1]) == {pages["b"].pk, new.pk}

    assert indexing.fold_pending_bitmaps()
    assert pending_rows() == 0
    assert [bitmap_bit("солдат", p) for p in (pages["a"].pk, pages["c"].pk, new.pk)] == [0, 0, 1]
    assert bitmap_bit(indexing.LANGUAGE_TERM_PREFIX + "ru", pages["a"].pk) == 0
    assert both_paths("солдат", ("ru",)) == [fast, gin]


@postgres_only
@pytest.mark.django_db
def test_a_page_past_the_end_of_the_bitmaps_grows_them(common_corpus, site):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), "
            "(SELECT max(id) FROM wagtailcore_page) + 100)"
        )
    far = site.article("Солдаты далеко", "Солдаты прибыли.", publish=False)
    indexing.store_documents([indexing.document_for(far)])  # logged, not folded
    fast, gin = both_paths("солдат", ("ru",))
    assert fast == gin
    assert far.pk in fast[1]
    indexing.fold_pending_bitmaps()
    assert bitmap_bit("солдат", far.pk) == 1
    assert both_paths("солдат", ("ru",)) == [fast, gin]
