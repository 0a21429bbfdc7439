"""Reading time and photo credits: pure functions with per-language rules."""

import pytest
from django.utils import translation

from articles.credits import format_credit
from articles.reading_time import count_words, reading_minutes, reading_time_label


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (1, "1 минута чтения"),
        (3, "3 минуты чтения"),
        (5, "5 минут чтения"),
        (11, "11 минут чтения"),
        (21, "21 минута чтения"),
        (22, "22 минуты чтения"),
    ],
)
def test_reading_time_uses_russian_plural_forms(minutes, expected):
    with translation.override("ru"):
        assert reading_time_label(minutes) == expected


@pytest.mark.parametrize(("minutes", "expected"), [(1, "1 min read"), (4, "4 min read")])
def test_reading_time_in_english(minutes, expected):
    with translation.override("en"):
        assert reading_time_label(minutes) == expected


def test_russian_is_read_more_slowly_than_english():
    assert reading_minutes(460, "en") == 2
    assert reading_minutes(460, "ru") == 3


def test_reading_time_is_at_least_one_minute():
    assert reading_minutes(0, "en") == 1


def test_words_are_counted_without_markup():
    assert count_words("<p>Hello, <b>brave</b> new-world!</p> Ёлки-палки 2025") == 5


def test_credit_has_photographer_agency_and_outlet():
    with translation.override("en"):
        assert (
            format_credit("Jane Roe", "Agency", "Outlet") == "Photo: Jane Roe / Agency via Outlet"
        )
        assert format_credit("", "Agency", "") == "Photo: Agency"
        assert format_credit("", "", "Outlet") == "Photo via Outlet"
        assert format_credit() == ""
    with translation.override("ru"):
        assert (
            format_credit("", "Agency", "Outlet") == "Фото: Agency (из материалов издания «Outlet»)"
        )
