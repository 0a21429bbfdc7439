"""The index follows publishing: publish adds, unpublish and delete remove, re-publish updates."""

import pytest

from search.analysis import analyze_query
from search.backends import SearchFilters, get_backend
from search.indexing import rebuild
from search.models import IndexEntry, TermStat
from search.query import find


def ids_for(text: str, languages=("ru", "en")) -> list[int]:
    """Lexical hits only: these tests are about the word index (the semantic index has its
    own, test_semantic_index.py); a barley article is rightly a semantic match for "wheat"."""
    filters = SearchFilters(languages=languages)
    _count, hits, _ = find(analyze_query(text), filters, 0, 50, hybrid=False)
    return [h.page_id for h in hits]


@pytest.mark.django_db
def test_publishing_indexes_the_article_with_its_section_and_language(site):
    page = site.article("Солдаты вернулись домой", "Батальон прибыл в Псков.", section="Армия")
    entry = IndexEntry.objects.get(pk=page.pk)
    assert entry.language == "ru"
    assert entry.section_id == site.section("Армия", "ru").pk
    assert "Батальон прибыл" in entry.body
    assert ids_for("солдат") == [page.pk]


@pytest.mark.django_db
def test_draft_is_not_indexed(site):
    page = site.article("Солдаты вернулись", "Текст.", publish=False)
    assert not IndexEntry.objects.filter(pk=page.pk).exists()
    assert ids_for("солдат") == []


@pytest.mark.django_db
def test_unpublishing_removes_the_article(site):
    page = site.article("Солдаты вернулись", "Текст о батальоне.")
    page.unpublish()
    assert not IndexEntry.objects.filter(pk=page.pk).exists()
    assert ids_for("батальон") == []


@pytest.mark.django_db
def test_deleting_removes_the_article(site):
    page = site.article("Солдаты вернулись", "Текст о батальоне.")
    keep = site.article("Другая новость", "Текст о батальоне тоже.")
    page.delete()
    assert ids_for("батальон") == [keep.pk]


@pytest.mark.django_db
def test_republishing_replaces_the_old_text(site):
    page = site.article("Урожай пшеницы", "Фермеры собрали пшеницу.")
    page.title = "Урожай ячменя"
    page.dek = "Итоги сезона."
    page.body = '[{"type": "paragraph", "value": "<p>Фермеры собрали ячмень.</p>"}]'
    page.save_revision().publish()
    assert ids_for("ячмень") == [page.pk]
    assert ids_for("пшеница") == []
    # Term statistics follow: the old term no longer counts this document.
    assert not TermStat.objects.filter(term="пшеница", documents__gt=0).exists()
    assert TermStat.objects.get(term="ячмень").documents == 1


@pytest.mark.django_db
def test_rebuild_indexes_every_live_article_and_nothing_else(site):
    live = site.article("Солдаты", "Текст один.")
    site.article("Черновик про солдат", "Текст два.", publish=False)
    IndexEntry.objects.all().delete()
    assert rebuild() == 1
    assert ids_for("солдат") == [live.pk]


@pytest.mark.django_db
def test_backend_matches_the_database_vendor():
    from django.db import connection

    expected = {"sqlite": "sqlite-fts5", "postgresql": "postgresql-tsvector"}[connection.vendor]
    assert get_backend().name == expected


@pytest.mark.django_db
def test_rebuild_command_reports_what_it_indexed(site):
    from io import StringIO

    from django.core.management import call_command

    page = site.article("Солдаты", "Текст один.")
    IndexEntry.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 1 of 1 live articles, related articles for 1" in out.getvalue()
    assert ids_for("солдатами") == [page.pk]
