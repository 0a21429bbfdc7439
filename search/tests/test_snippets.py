"""Snippet windows and highlighting, without a database: which words are marked, where the
window falls, what counts as a word."""

from search.analysis import MAX_WORD_LENGTH
from search.snippets import highlight, snippet


def words(n: int, matches: dict[int, str]) -> str:
    return " ".join(matches.get(i, f"filler{i}") for i in range(n))


def test_snippet_takes_the_window_with_most_matches():
    text = words(100, {10: "museum", 50: "museums", 52: "museum", 60: "Museum"})
    result = snippet(text, {"museum"})
    # Windows 25..60 hold three matches; the first of them wins and does not start on one.
    assert result.startswith("… filler25 ")
    assert result.endswith("<mark>Museum</mark> …")
    assert result.count("<mark>") == 3
    assert "filler24" not in result and "filler61" not in result


def test_snippet_starts_a_little_before_a_leading_match():
    # Only the window 40..75 holds both matches; it starts on a match, so it moves four
    # words back for context.
    result = snippet(words(100, {40: "museum", 75: "museum"}), {"museum"})
    assert result.startswith("… filler36 filler37 filler38 filler39 <mark>museum</mark>")
    # A best window that does not start on a match is kept as it is.
    result = snippet(words(100, {40: "museum", 41: "museum"}), {"museum"})
    assert result.startswith("… filler6 ")


def test_snippet_without_matches_is_the_start():
    text = words(50, {})
    result = snippet(text, {"museum"})
    assert result.startswith("filler0 ") and result.endswith("filler35 …")
    assert snippet("", {"museum"}) == ""
    assert snippet("!!! ???", {"museum"}) == ""


def test_short_text_is_shown_whole_without_ellipses():
    assert snippet("A museum, then another Museum.", {"museum"}) == (
        "A <mark>museum</mark>, then another <mark>Museum</mark>"
    )


def test_case_and_yo_folding():
    assert highlight("ЁЛКА и Ёлки", {"елка"}) == "<mark>ЁЛКА</mark> и <mark>Ёлки</mark>"


def test_overlong_words_are_not_words():
    long_word = "museum" + "x" * MAX_WORD_LENGTH
    text = f"{long_word} museum"
    assert highlight(text, {"museum"}) == f"{long_word} <mark>museum</mark>"
    # Not counted in the window either: the snippet is the one short word.
    assert snippet(text, {"museum"}) == "<mark>museum</mark>"


def test_other_scripts_are_highlighted():
    assert highlight("Ο λόγος, λόγος.", {"λόγος"}) == ("Ο <mark>λόγος</mark>, <mark>λόγος</mark>.")


def test_text_is_escaped():
    assert highlight("<b>museum</b> & co", {"museum"}) == (
        "&lt;b&gt;<mark>museum</mark>&lt;/b&gt; &amp; co"
    )
