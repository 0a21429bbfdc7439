"""Second-stage ranking: re-score the database's best lexical candidates in Python.

The database ranks with what it has (FTS5's bm25 with fixed k1/b and column weights,
PostgreSQL's ts_rank), and on the shared keyword queries most relevant articles it misses in
the top 10 do contain the query's words: they are in its top 100, ranked too low. So the
backend supplies the best `RERANK_CANDIDATES` matches and this module re-scores them from the
stored analysed text (`IndexEntry.title_terms` / `body_terms`), with what the databases'
functions cannot express:

- BM25F with tuned k1 and b over three fields: title, lead (the first `lead_slots` words of
  the body: the dek and the first paragraph, where a news article names its subject) and body;
- the query word's most likely lemma counts more than the other readings of an ambiguous form
  ("стали" is "стать" or "сталь");
- proximity: query words next to each other in the query's order (the keyword as a phrase)
  and the smallest window holding every query word;
- the first-stage rank itself, as a weak prior.

The weights were tuned on one half of the ru-news-kw-eval keywords and measured on the other
(`benchmarks/search_quality.py`); docs/search.md has the figures. Matching is a str.find
per query term over each stored text, so the work per candidate is a C-speed scan plus a few
Python steps per match.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TermGroup = tuple[str, ...]


@dataclass(frozen=True)
class RankingParams:
    """Weights of the second-stage score (defaults: tuned, see the module docstring)."""

    k1: float = 1.2
    b: float = 0.75
    title_weight: float = 8.0
    lead_weight: float = 1.0
    lead_slots: int = 40
    #: tf credit of a slot matching only a secondary reading of the query word.
    alternative_weight: float = 0.3
    #: Weight of the ordered-adjacent pairs of query words (the query as a phrase).
    phrase_weight: float = 0.5
    #: Weight of the smallest window holding every query word.
    window_weight: float = 1.0
    #: Weight of 1 / (rank + 10) of the database's ranking.
    prior_weight: float = 0.0
    #: Average field lengths in slots (the measured averages of the archive are passed in).
    avg_title: float = 10.0
    avg_body: float = 400.0


DEFAULT_PARAMS = RankingParams()


@dataclass
class Matches:
    """Where each query word (group) occurs in one document, in slot positions."""

    title: list[dict[int, float]]
    body: list[dict[int, float]]
    title_len: int
    body_len: int


_SEPARATORS = " |"


def _positions(
    stored: str, credit: dict[str, list[tuple[int, float]]], n: int
) -> tuple[list[dict[int, float]], int]:
    """{slot: best credit} per group for one stored text ("a|b c d|e"), and its length.

    Each term is looked for with str.find (C speed, a few microseconds over a long article)
    and kept where it is a whole alternative; a regular expression tried at every character
    cost ~1 ms per article. Slot numbers are spaces counted up to each hit, in text order.
    """
    found: list[dict[int, float]] = [{} for _ in range(n)]
    if not stored:
        return found, 0
    length = len(stored)
    hits = []
    for term, targets in credit.items():
        size = len(term)
        at = stored.find(term)
        while at >= 0:
            end = at + size
            if (at == 0 or stored[at - 1] in _SEPARATORS) and (
                end == length or stored[end] in _SEPARATORS
            ):
                hits.append((at, targets))
            at = stored.find(term, end)
    hits.sort(key=lambda hit: hit[0])
    slot, cursor = 0, 0
    for at, targets in hits:
        slot += stored.count(" ", cursor, at)
        cursor = at
        for group, value in targets:
            if found[group].get(slot, 0.0) < value:
                found[group][slot] = value
    return found, stored.count(" ") + 1


def term_credit(
    groups: Sequence[TermGroup], alternative_weight: float
) -> dict[str, list[tuple[int, float]]]:
    """term -> [(group index, credit)]: 1 for a word's first (likeliest) term, less for others."""
    credit: dict[str, list[tuple[int, float]]] = {}
    for index, group in enumerate(groups):
        for position, term in enumerate(group):
            credit.setdefault(term, []).append(
                (index, 1.0 if position == 0 else alternative_weight)
            )
    return credit


def find_matches(
    groups: Sequence[TermGroup], title_terms: str, body_terms: str, alternative_weight: float
) -> Matches:
    credit = term_credit(groups, alternative_weight)
    title, title_len = _positions(title_terms, credit, len(groups))
    body, body_len = _positions(body_terms, credit, len(groups))
    return Matches(title, body, title_len, body_len)


def idf(documents: int, total: int) -> float:
    return math.log(1.0 + (total - documents + 0.5) / (documents + 0.5))


def _smallest_window(body: list[dict[int, float]]) -> int | None:
    """Slots spanned by the smallest window holding every group, or None if one is absent."""
    if any(not positions for positions in body):
        return None
    events = sorted((slot, group) for group, positions in enumerate(body) for slot in positions)
    need, have, counts, best, left = len(body), 0, [0] * len(body), None, 0
    for slot, group in events:
        counts[group] += 1
        if counts[group] == 1:
            have += 1
        while have == need:
            left_slot, left_group = events[left]
            span = slot - left_slot + 1
            if best is None or span < best:
                best = span
            counts[left_group] -= 1
            if counts[left_group] == 0:
                have -= 1
            left += 1
    return best


def _adjacent_pairs(fields: list[list[dict[int, float]]]) -> float:
    """How often consecutive query words occur side by side, in order (title and body)."""
    pairs = 0.0
    for field in fields:
        for left, right in zip(field, field[1:], strict=False):
            pairs += sum(1 for slot in left if slot + 1 in right)
    return pairs


def score(matches: Matches, idfs: Sequence[float], rank: int, params: RankingParams) -> float:
    """BM25F over title/lead/body, plus proximity and the first-stage prior."""
    k1, b = params.k1, params.b
    title_norm = 1.0 - b + b * matches.title_len / params.avg_title
    body_norm = 1.0 - b + b * matches.body_len / params.avg_body
    total = 0.0
    for group, weight in enumerate(idfs):
        title_tf = sum(matches.title[group].values())
        body_positions = matches.body[group]
        body_tf = sum(body_positions.values())
        lead_tf = sum(v for slot, v in body_positions.items() if slot < params.lead_slots)
        tf = (
            params.title_weight * title_tf / title_norm
            + (body_tf + params.lead_weight * lead_tf) / body_norm
        )
        total += weight * tf / (k1 + tf)
    if len(idfs) > 1:
        mean_idf = sum(idfs) / len(idfs)
        pairs = _adjacent_pairs([matches.title, matches.body])
        total += params.phrase_weight * mean_idf * pairs / (1.0 + pairs)
        window = _smallest_window(matches.body)
        if window is not None:
            total += params.window_weight * mean_idf * len(idfs) / window
    return total + params.prior_weight / (rank + 10)
