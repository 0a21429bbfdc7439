"""The semantic index: vectors follow publish, edit, unpublish, delete and bulk import, the ANN
index follows the table (also across a saved file), and source articles are searchable."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from search.backends import SearchFilters
from search.models import SemanticVector
from search.semantic import ann, store
from search.semantic.encoding import MODEL_ID, embed_query
from search.semantic.service import search_everything, search_pages, search_source_articles
from sources.testing.factories import make_outlet, make_source_article

CRASH = ("Самолёт разбился при посадке", ["Пассажирский самолёт потерпел крушение у аэропорта."])
HARVEST = ("Фермеры собрали урожай", ["Зерновые дали рекордный урожай пшеницы этой осенью."])


def page_ids(query: str, **filters) -> list[int]:
    return [h.key for h in search_pages(query, SearchFilters(**filters), limit=10)]


@pytest.fixture(autouse=True)
def fresh_ann():
    ann.reset_all()
    yield
    ann.reset_all()


@pytest.mark.django_db
def test_publishing_stores_a_compact_vector_and_finds_words_the_article_lacks(site):
    crash = site.article(*CRASH)
    harvest = site.article(*HARVEST)
    row = SemanticVector.objects.get(kind="page", key=crash.pk)
    assert row.live and row.model == MODEL_ID
    assert len(bytes(row.vector)) == 512  # int8, not float32
    # "авиакатастрофа" is in neither article, in no form.
    assert page_ids("авиакатастрофа")[0] == crash.pk
    assert page_ids("хлеб и зерно")[0] == harvest.pk


@pytest.mark.django_db
def test_edit_unpublish_and_delete_follow(site):
    page = site.article(*CRASH)
    other = site.article(*HARVEST)
    assert page_ids("авиакатастрофа")[0] == page.pk
    page.title = "Урожай винограда"
    page.dek = "Виноделы довольны."
    page.body = '[{"type": "paragraph", "value": "<p>Виноград созрел рано, вино будет.</p>"}]'
    page.save_revision().publish()
    assert page_ids("вино и виноградники")[0] == page.pk
    assert page_ids("авиакатастрофа")[0] == other.pk  # the old text is gone from the index
    page.unpublish()
    assert page.pk not in page_ids("вино и виноградники")
    assert not SemanticVector.objects.get(kind="page", key=page.pk).live
    page.save_revision().publish()
    assert page_ids("вино и виноградники")[0] == page.pk
    page.delete()
    assert page.pk not in page_ids("вино и виноградники")
    assert len(ann.index_for("page")) == 1


@pytest.mark.django_db
def test_another_process_learns_of_changes_through_the_table(site):
    """A second AnnIndex (another worker) syncs additions and removals made elsewhere."""
    page = site.article(*CRASH)
    other_worker = ann.AnnIndex("page")
    other_worker.ensure_loaded()
    vector = embed_query("авиакатастрофа")
    assert [n.key for n in other_worker.search(vector, 5)] == [page.pk]
    store.remove("page", [page.pk])
    assert other_worker.search(vector, 5) == []


@pytest.mark.django_db
def test_saved_index_is_loaded_and_brought_up_to_date(site, tmp_path):
    with override_settings(NEWSDESK_SEMANTIC_INDEX_DIR=str(tmp_path)):
        first = site.article(*CRASH)
        ann.index_for("page").save()
        assert (tmp_path / "page.usearch").exists()
        later = site.article(*HARVEST)  # written after the file was saved
        booted = ann.AnnIndex("page")
        booted.ensure_loaded()
        assert len(booted) == 2
        assert booted.search(embed_query("авиакатастрофа"), 1)[0].key == first.pk
        assert booted.search(embed_query("урожай зерна"), 1)[0].key == later.pk


@pytest.mark.django_db
def test_unchanged_text_is_not_embedded_again(site):
    page = site.article(*CRASH)
    stamp = SemanticVector.objects.get(kind="page", key=page.pk).updated_at
    page.save_revision().publish()
    assert SemanticVector.objects.get(kind="page", key=page.pk).updated_at == stamp


@pytest.mark.django_db
def test_filters_apply_to_semantic_hits(site):
    ru = site.article(*CRASH)
    en = site.article(
        "Plane crashes on landing", "An airliner crashed near the airport.", language="en"
    )
    assert set(page_ids("авиакатастрофа", languages=("ru", "en"))) == {ru.pk, en.pk}
    assert page_ids("авиакатастрофа", languages=("en",)) == [en.pk]
    assert page_ids("plane crash", languages=("ru",)) == [ru.pk]


@pytest.mark.django_db
def test_rebuild_and_bulk_import_fill_the_index(site, tmp_path):
    page = site.article(*CRASH)
    SemanticVector.objects.all().delete()
    call_command("rebuild_search_index", "--no-related", stdout=StringIO())
    assert page_ids("авиакатастрофа") == [page.pk]
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        json.dumps(
            {
                "title": "Наводнение в городе",
                "lead": "Река вышла из берегов.",
                "body": "<p>Улицы затопило, жителей эвакуируют на лодках.</p>",
                "language": "ru",
                "published_at": "2018-03-22T10:00:00+03:00",
                "section": "Общество",
                "url": "https://archive.example/flood",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(archive), stdout=StringIO(), stderr=StringIO())
    flood = SemanticVector.objects.exclude(key=page.pk).get(kind="page", live=True)
    assert page_ids("паводок, стихийное бедствие")[0] == flood.key


@pytest.mark.django_db
def test_source_articles_are_searchable_across_languages():
    outlet = make_outlet(language="en")
    crash = make_source_article(
        outlet,
        title="Passenger jet crashes near airport",
        language="en",
        text="An airliner went down shortly after take-off; rescuers are at the scene.",
    )
    make_source_article(
        outlet,
        title="Central bank raises interest rates",
        language="en",
        text="The bank lifted its key rate by half a point to curb inflation.",
    )
    store.store_source_articles(store.sources_missing_vectors(100))
    hits = search_source_articles("авиакатастрофа")
    assert hits[0].key == crash.pk and hits[0].language == "en" and hits[0].kind == "source"
    assert search_source_articles("авиакатастрофа", languages=("ru",)) == []
    assert search_everything("авиакатастрофа")[0].key == crash.pk
    crash.delete()
    assert crash.pk not in [h.key for h in search_source_articles("авиакатастрофа")]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", "' OR 1=1 --", "\x00\u200b", "а" * 5000, "🙂" * 40])
def test_hostile_queries_never_error(site, query):
    site.article(*CRASH)
    assert isinstance(search_pages(query), list)
    assert isinstance(search_everything(query), list)
