"""The reader-input parsers bound every value and never raise; the middleware refuses controls."""

from datetime import date

import pytest
from django.test import Client

from core import reader_input as r


@pytest.mark.parametrize(
    ("value", "expected"),
    [("42", 42), (" 7 ", 7), ("0", 0), ("abc", None), ("", None), (None, None), ("1e3", None),
     ("-1", None), ("9" * 20, None), (str(2**31), None), ("٣", None), ("1\x00", 1)],
)  # fmt: skip
def test_integer(value, expected):
    assert r.integer(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), ("abc", 1), ("-5", 1), ("9" * 20, 50), ("-" + "9" * 20, 1), ("9" * 5000, 50)],
)
def test_clamped_integer(value, expected):
    assert r.clamped_integer(value, default=1, minimum=1, maximum=50) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-05-01", date(2024, 5, 1)), ("9999-12-31", r.MAX_DAY), ("0001-01-01", r.MIN_DAY),
     ("2024-02-30", None), ("0000-01-01", None), ("2024-5-1", None), ("x", None), (None, None)],
)  # fmt: skip
def test_day_is_clamped_to_the_calendar_the_site_computes_with(value, expected):
    assert r.day(value) == expected


def test_text_flag_choice():
    assert r.text("a\x00b\x1fc\td", 10) == "abc\td"
    assert len(r.text("x" * 5000)) == r.MAX_TEXT_CHARS
    assert r.flag("on") and not r.flag("off", default=True) and r.flag("zz", default=True)
    assert r.choice("RU", ["en", "ru"]) == "ru" and r.choice("de", ["en", "ru"]) is None


@pytest.mark.parametrize(
    "url",
    ["/en/feed/tag/a%00/rss/", "/en/search/?q=a%00", "/en/tags/a%00/", "/en/%01/",
     "/api/v2/articles/?fields=%7f", "/admin/?q=%00"],
)  # fmt: skip
def test_control_characters_in_path_or_query_answer_400_before_any_view(url):
    # No django_db mark: a view touching the database would raise instead of answering.
    assert Client().get(url).status_code == 400


@pytest.mark.django_db
def test_tabs_and_newlines_in_a_search_query_are_not_refused(settings):
    assert Client().get("/en/search/?q=a%0Ab%09c").status_code == 200
