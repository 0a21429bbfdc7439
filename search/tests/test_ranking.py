"""Second-stage lexical ranking (search.ranking) and letter/digit tokenization, on both
databases; the semantic fusion is off here (hybrid=False), search/tests/test_hybrid.py has it."""

import pytest

from search import query as search_query
from search.analysis import analyze_query, index_text
from search.backends import SearchFilters
from search.query import find
from search.ranking import find_matches

from .conftest import aware

RU = SearchFilters(languages=("ru",))


def top_ids(text: str, limit: int = 10) -> list[int]:
    _count, hits, _ = find(analyze_query(text), RU, 0, limit, hybrid=False)
    return [h.page_id for h in hits]


def test_matches_are_slot_positions_per_query_word():
    groups = [("морской",), ("порт",)]
    title = index_text("Порт открыт")
    body = index_text("В морском порту шторм, порт закрыт")
    matches = find_matches(groups, title, body, 0.5)
    assert matches.title == [{}, {0: 1.0}]
    assert matches.body == [{0: 1.0}, {1: 1.0, 3: 1.0}]  # "в" is a stop word
    assert matches.body_len == len(body.split())


def test_a_secondary_reading_gets_less_credit():
    # "стали" is "стать" or "сталь": a query for the metal credits the verb reading less.
    matches = find_matches([("сталь", "стать")], "", "стать", 0.4)
    assert matches.body == [{0: 0.4}]


@pytest.mark.django_db
def test_title_hit_ranks_above_body_only_hits(site):
    body_only = [
        site.article(
            f"Новости дня {i}",
            "Пожар тушили всю ночь. Пожар начался на складе, пожар охватил крышу.",
            dek="Сводка происшествий",
            published_at=aware(2024, 6, 10 + i),
        )
        for i in range(3)
    ]
    titled = site.article(
        "Пожар в порту",
        "Огонь удалось потушить к утру, пострадавших нет.",
        dek="Сводка происшествий",
        published_at=aware(2024, 6, 1),
    )
    ids = top_ids("пожар")
    assert ids[0] == titled.pk
    assert set(ids[1:]) == {p.pk for p in body_only}


@pytest.mark.django_db
def test_query_words_side_by_side_rank_above_words_apart(site):
    together = site.article(
        "Сводка",
        "Вчера морской порт принял первое судно после ремонта причала.",
        dek="Новости региона",
        published_at=aware(2024, 1, 1),
    )
    apart = site.article(
        "Сводка",
        "Порт принял первое судно после ремонта; морской ветер мешал работе причала.",
        dek="Новости региона",
        published_at=aware(2024, 3, 1),  # newer: recency alone would put it first
    )
    assert top_ids("морской порт") == [together.pk, apart.pk]


@pytest.mark.django_db
def test_quoted_phrase_stays_exact_after_reranking(site):
    together = site.article("Сводка", "Вчера морской порт принял судно.", dek="Регион")
    site.article("Сводка", "Порт принял судно, морской ветер стих.", dek="Регион")
    assert top_ids('"морской порт"') == [together.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("written", ["Ан-148", "ан148", "Ан 148"])
@pytest.mark.parametrize("typed", ["ан148", "Ан-148", "АН 148"])
def test_letters_and_digits_match_joined_or_split(site, written, typed):
    plane = site.article("Крушение", f"Самолет {written} упал под Москвой.", dek="Авиация")
    site.article("Другое", "Самолет Ан-24 и борт номер 148 в разных новостях.", dek="Авиация")
    assert top_ids(typed)[:1] == [plane.pk]


@pytest.mark.django_db
def test_a_code_whose_letters_are_a_stop_word_is_still_found(site):
    # "ту" alone is a form of the stop word "тот"; in "Ту-154" it is the aircraft maker.
    plane = site.article("Крушение", "Самолет Ту-154 разбился над морем.", dek="Авиация")
    site.article("Другое", "Рейс номер 154 задержан.", dek="Авиация")
    assert top_ids("ту154") == [plane.pk]
    assert top_ids("Ту-154") == [plane.pk]


@pytest.mark.django_db
def test_pages_across_the_reranked_head_lose_and_repeat_nothing(site, monkeypatch):
    pages = [
        site.article(f"Учения {i}", "Учения " * (i % 3 + 1), published_at=aware(2024, 1, 1 + i))
        for i in range(7)
    ]
    monkeypatch.setattr(search_query, "RERANK_CANDIDATES", 3)
    seen = []
    for offset in range(0, 8, 2):
        _count, hits, _ = find(analyze_query("учения"), RU, offset, 2, hybrid=False)
        seen.extend(h.page_id for h in hits)
    assert sorted(seen) == sorted(p.pk for p in pages)


@pytest.mark.django_db
def test_migration_reanalyses_entries_indexed_before_the_split(site):
    from importlib import import_module

    from django.apps import apps

    from search.models import IndexEntry

    plane = site.article("Крушение", "Самолет Ту-154 разбился.", dek="Авиация")
    # As the old analysis stored it: "Ту" dropped as a form of "тот", "ан148" one word.
    IndexEntry.objects.filter(page_id=plane.pk).update(
        title_terms="крушение", body_terms="авиация самолет 154 разбиться"
    )
    _count, _hits, any_word = find(analyze_query("ту154"), RU, 0, 10, hybrid=False)
    assert any_word  # only "154" matched: no article has both words
    migration = import_module("search.migrations.0010_reanalyse_letter_digit_words")
    migration.reanalyse(apps, None)
    count, hits, any_word = find(analyze_query("ту154"), RU, 0, 10, hybrid=False)
    assert (count, [h.page_id for h in hits], any_word) == (1, [plane.pk], False)
