"""Snippets with the matched word forms highlighted.

Highlighting runs the text back through the same analysis as the index, so a query "солдат"
marks "солдатам" and "погибших солдат" in the article as they are written, not the lemma.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import MAX_WORD_LENGTH, WORD_RE, fold, word_terms

SNIPPET_WORDS = 36
# Only the start of very long bodies is scanned: snippets must stay cheap per result.
MAX_SCAN_CHARS = 30_000


def _matches(text: str, terms: set[str]) -> list[tuple[int, int, bool]]:
    """(start, end, is_match) per word. Only words sharing their first two letters with a query
    term are analysed: morphology rarely changes the start of a word, and skipping the rest
    keeps snippets cheap on cold caches. (Suppletive forms such as "люди" for "человек" are
    still found by the search, just not highlighted.)"""
    prefixes = {term[:2] for term in terms}
    out = []
    append = out.append
    # tokenize() inlined: this runs over every word of ten bodies per results page.
    for match in WORD_RE.finditer(text or ""):
        surface = match.group()
        if len(surface) > MAX_WORD_LENGTH:
            continue
        hit = fold(surface[:2]) in prefixes and not terms.isdisjoint(word_terms(surface))
        append((match.start(), match.end(), hit))
    return out


def highlight(text: str, terms: set[str]) -> SafeString:
    """The whole text, HTML-escaped, with every word matching a query term in <mark>."""
    return _render(text, _matches(text, terms), 0, None)


def snippet(text: str, terms: set[str], words: int = SNIPPET_WORDS) -> SafeString:
    """The window of `words` words with the most matches, escaped, matches in <mark>."""
    text = text[:MAX_SCAN_CHARS]
    tokens = _matches(text, terms)
    if not tokens:
        return mark_safe("")  # noqa: S308 - empty string
    flags = [1 if hit else 0 for _, _, hit in tokens]
    window = min(words, len(tokens))
    current = sum(flags[:window])
    best_start, best = 0, current
    for start in range(1, len(tokens) - window + 1):
        current += flags[start + window - 1] - flags[start - 1]
        if current > best:
            best, best_start = current, start
    # Start a little before the first match so it has some context.
    if best and flags[best_start] and best_start > 0:
        best_start = max(0, best_start - 4)
    chosen = tokens[best_start : best_start + window]
    return _render(text, chosen, best_start, len(tokens))


def _render(
    text: str, tokens: list[tuple[int, int, bool]], first_index: int, total: int | None
) -> SafeString:
    if not tokens:
        return mark_safe(escape(text))  # noqa: S308 - escaped above
    out = []
    begin = tokens[0][0] if total is not None else 0
    end = tokens[-1][1] if total is not None else len(text)
    if total is not None and first_index > 0:
        out.append("… ")
    cursor = begin
    for start, stop, hit in tokens:
        if not hit:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    out.append(escape(text[cursor:end]))
    if total is not None and first_index + len(tokens) < total:
        out.append(" …")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped
