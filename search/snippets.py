"""Snippets with the matched word forms highlighted.

Highlighting runs the text back through the same analysis as the index, so a query "солдат"
marks "солдатам" and "погибших солдат" in the article as they are written, not the lemma.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import MAX_WORD_LENGTH, fold, span_terms

SNIPPET_WORDS = 36
# Only the start of very long bodies is scanned: snippets must stay cheap per result.
MAX_SCAN_CHARS = 30_000


# A word as a reader counts it (a maximal run of letters and digits, "ан148" is one) of at
# most MAX_WORD_LENGTH characters: the unit of the snippet window, found without a Python
# step per skipped long word.
_WINDOW_WORD_RE = re.compile(rf"(?<![^\W_])[^\W_]{{1,{MAX_WORD_LENGTH}}}(?![^\W_])", re.UNICODE)
# A word as the analysis splits it (a run of letters or of digits: "ан" + "148"): what is
# matched against the query terms.
_SHORT_WORD_RE = re.compile(
    rf"(?<![^\W\d_])[^\W\d_]{{1,{MAX_WORD_LENGTH}}}(?![^\W\d_])|(?<!\d)\d{{1,{MAX_WORD_LENGTH}}}(?!\d)",
    re.UNICODE,
)
# Prefixes made only of these (folded) letters can be prefiltered with a case-insensitive
# regex; anything else (e.g. a prefix whose uppercase lowers to two characters) takes the
# word-by-word path.
_PLAIN_PREFIX_RE = re.compile(r"[0-9a-zа-яё]{1,2}")


def _slow_hits(text: str, terms: set[str], prefixes: set[str]) -> list[tuple[int, int]]:
    out = []
    for match in _SHORT_WORD_RE.finditer(text):
        surface = match.group()
        if fold(surface[:2]) in prefixes and not terms.isdisjoint(
            span_terms(text, match.start(), match.end())
        ):
            out.append(match.span())
    return out


@lru_cache(maxsize=256)
def _candidate_re(prefixes: frozenset[str]) -> re.Pattern | None:
    if not all(_PLAIN_PREFIX_RE.fullmatch(p) for p in prefixes):
        return None
    digits = sorted((p for p in prefixes if p.isdigit()), key=len, reverse=True)
    letters = sorted(
        (
            "".join("[её]" if c in "её" else re.escape(c) for c in p)
            for p in prefixes
            if p.isalpha()
        ),
        key=len,
        reverse=True,
    )
    if len(digits) + len(letters) < len(prefixes):
        return None  # a prefix mixing letters and digits: no word starts with it any more
    parts = []
    if letters:
        parts.append(rf"(?<![^\W\d_])(?:{'|'.join(letters)})[^\W\d_]*")
    if digits:
        parts.append(rf"(?<!\d)(?:{'|'.join(digits)})\d*")
    return re.compile("|".join(parts), re.UNICODE | re.IGNORECASE)


def _hits(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """(start, end) of every word matching a query term. Only words sharing their first two
    letters with a query term are analysed: morphology rarely changes the start of a word, and
    skipping the rest keeps snippets cheap on cold caches. (Suppletive forms such as "люди" for
    "человек" are still found by the search, just not highlighted.) A regex finds the words
    with such a start (a superset, checked exactly here), so the other words cost no Python."""
    prefixes = {term[:2] for term in terms}
    if not prefixes or not text:
        return []
    pattern = _candidate_re(frozenset(prefixes))
    if pattern is None:
        return _slow_hits(text, terms, prefixes)
    out = []
    for match in pattern.finditer(text):
        surface = match.group()
        if (
            len(surface) <= MAX_WORD_LENGTH
            and fold(surface[:2]) in prefixes
            and not terms.isdisjoint(span_terms(text, match.start(), match.end()))
        ):
            out.append(match.span())
    return out


def highlight(text: str, terms: set[str]) -> SafeString:
    """The whole text, HTML-escaped, with every word matching a query term in <mark>."""
    text = text or ""
    return _render(text, _hits(text, terms), 0, len(text), False, False)


def _gaps(text: str, start: int, end: int) -> int:
    """Whitespace between two positions: the number of words passed, closely enough (exact
    for words separated by one space or newline), counted at C speed."""
    return text.count(" ", start, end) + text.count("\n", start, end) if end > start else 0


def _word_start_before(text: str, position: int, back: int) -> int:
    """Start of the word `back` words before the one starting at or around `position`."""
    low = max(0, position - 16 * (back + 1) - 64)
    while True:
        starts = [m.start() for m in _WINDOW_WORD_RE.finditer(text, low, position + 1)]
        if len(starts) > back or low == 0:
            return (
                starts[-(back + 1)] if len(starts) > back else (starts[0] if starts else position)
            )
        low = max(0, low - 2_000)


def snippet(text: str, terms: set[str], words: int = SNIPPET_WORDS) -> SafeString:
    """The window of `words` words with the most matches, escaped, matches in <mark>.

    Ties go to the earliest window. A later window can only beat every earlier one when the
    word it gains on the right is a match, so only windows ending on a match (and the first
    window) are compared. Word numbers are the whitespace counted before each match (C-speed
    `str.count`), and words are read with the regex only inside the chosen window: a full
    word scan of each body was most of the snippet's cost (~2 ms a body under load).
    """
    text = (text or "")[:MAX_SCAN_CHARS]
    first_word = _WINDOW_WORD_RE.search(text)
    if first_word is None:
        return mark_safe("")  # noqa: S308 - empty string
    hits = _hits(text, terms)
    hit_index, number, cursor = [], 0, first_word.start()
    for start, _ in hits:
        number += _gaps(text, cursor, start)
        cursor = max(cursor, start)
        hit_index.append(number)
    total = number + _gaps(text, cursor, len(text)) + 1
    window = min(words, total)

    def count(first: int) -> int:
        return bisect_left(hit_index, first + window) - bisect_left(hit_index, first)

    best_start, best = 0, count(0)
    for index in hit_index:
        first = index - window + 1
        if 1 <= first <= total - window and first > best_start:
            current = count(first)
            if current > best:
                best, best_start = current, first
    # Start a little before the first match so it has some context.
    if best and best_start > 0 and best_start in set(hit_index):
        best_start = max(0, best_start - 4)
    if best_start == 0:
        begin = first_word.start()
    else:
        anchor = bisect_left(hit_index, best_start)
        begin = _word_start_before(text, hits[anchor][0], hit_index[anchor] - best_start)
    end = begin
    taken = 0
    for match in _WINDOW_WORD_RE.finditer(text, begin):
        end = match.end()
        taken += 1
        if taken == window:
            break
    shown = [h for h in hits if begin <= h[0] and h[1] <= end]
    more = _WINDOW_WORD_RE.search(text, end) is not None
    return _render(text, shown, begin, end, begin > first_word.start(), more)


def _render(
    text: str, hits: list[tuple[int, int]], begin: int, end: int, before: bool, after: bool
) -> SafeString:
    """text[begin:end] escaped, the `hits` spans in <mark>, "…" where text was cut off."""
    out = ["… "] if before else []
    cursor = begin
    for start, stop in hits:
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    out.append(escape(text[cursor:end]))
    if after:
        out.append(" …")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped
