"""Per-feed keep/block rules: which entries of a feed reach the inbox at all.

A rule is words (any of the comma-separated words or phrases, as whole words, any case) or a
regular expression, on the title, the text or either. Block rules win; when a feed has keep
rules, an entry must match one of them. Rules are checked before the page is fetched (title
and what the feed says) and again on the full text.

Safety, because editors type these patterns and ingest must never hang on one: patterns run on
the third-party `regex` engine with a **timeout** (NEWSDESK_FEED_RULE_TIMEOUT per pattern and
entry, `regex`'s ``timeout=``, which interrupts a backtracking search). A pattern is also
*validated* when it is saved: it must compile, be at most MAX_PATTERN_LENGTH characters and
finish within the timeout on adversarial probe strings (the classic catastrophic-backtracking
inputs), so "(a+)+$" is refused in the form. At ingest a pattern that still times out counts
as not matching (the entry is kept: losing a story is worse than an extra inbox row) and the
error is recorded on the rule for the feed-health report. Texts are cut at MAX_CHECKED_CHARS.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import regex
from django.conf import settings

MAX_PATTERN_LENGTH = 300
MAX_CHECKED_CHARS = 100_000
KEEP, BLOCK = "keep", "block"
WORDS, REGEX = "words", "regex"
TITLE, TEXT, ANY = "title", "text", "any"
# Inputs on which exponential-backtracking patterns ("(a+)+$", "(x|xx)*y", "(.*a){12}") blow up.
PROBES = (
    "a" * 40 + "!",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "x" * 40 + "!",
    ("ab" * 25) + "!",
    " " * 40 + "!",
    ("1" * 40) + "a",
    ("a " * 30) + "!",
    "Lorem ipsum dolor sit amet, " * 40,
)


class PatternError(ValueError):
    """The pattern does not compile or is too slow to be run on every feed entry."""


class Rule(Protocol):
    pk: int | None
    action: str
    kind: str
    target: str
    pattern: str


@lru_cache(maxsize=1024)
def compiled(kind: str, pattern: str) -> regex.Pattern:
    """The rule as one case-insensitive pattern (words become a whole-word alternation)."""
    if kind == WORDS:
        words = [w.strip() for w in pattern.split(",") if w.strip()]
        if not words:
            raise PatternError("no words given")
        alternatives = "|".join(regex.escape(w) for w in words)
        return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE)
    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
    except regex.error as exc:
        raise PatternError(f"not a valid regular expression: {exc}") from exc


def _timeout() -> float:
    return float(settings.NEWSDESK_FEED_RULE_TIMEOUT)


def validate(kind: str, pattern: str) -> None:
    """Raise PatternError unless the pattern is safe to run on every entry of a feed."""
    if not pattern.strip():
        raise PatternError("the pattern is empty")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"longer than {MAX_PATTERN_LENGTH} characters")
    expression = compiled(kind, pattern)
    for probe in PROBES:
        try:
            expression.search(probe, timeout=_timeout())
        except TimeoutError as exc:
            raise PatternError(
                "too slow: it backtracks without end on some texts (e.g. nested repeats like "
                "(a+)+); simplify it"
            ) from exc


@dataclass
class Verdict:
    """Whether an entry reaches the inbox, which rule decided, and patterns that timed out."""

    admitted: bool
    rule: Rule | None = None
    timed_out: list[Rule] = field(default_factory=list)


def _matches(rule: Rule, title: str, text: str, timed_out: list[Rule]) -> bool:
    expression = compiled(rule.kind, rule.pattern)
    targets = {TITLE: (title,), TEXT: (text,), ANY: (title, text)}[rule.target]
    for value in targets:
        try:
            if expression.search(value[:MAX_CHECKED_CHARS], timeout=_timeout()):
                return True
        except TimeoutError:
            timed_out.append(rule)
            return False
    return False


def evaluate(rules: Sequence[Rule], title: str, text: str, *, final: bool = True) -> Verdict:
    """Apply a feed's rules to one entry. ``final`` False (before the page is fetched): an
    entry no keep rule matches yet is admitted provisionally, its full text may still match."""
    timed_out: list[Rule] = []
    for rule in rules:
        if rule.action == BLOCK and _matches(rule, title, text, timed_out):
            return Verdict(False, rule, timed_out)
    keeps = [rule for rule in rules if rule.action == KEEP]
    if not keeps:
        return Verdict(True, None, timed_out)
    for rule in keeps:
        if _matches(rule, title, text, timed_out):
            return Verdict(True, rule, timed_out)
    # A keep pattern that timed out might have matched: keep rather than lose the story.
    return Verdict(not final or bool(timed_out), None, timed_out)


def usable(rules: Iterable[Rule]) -> list[Rule]:
    """Rules whose pattern compiles (a row written around validation is skipped, not fatal)."""
    out = []
    for rule in rules:
        try:
            compiled(rule.kind, rule.pattern)
        except PatternError:
            continue
        out.append(rule)
    return out
