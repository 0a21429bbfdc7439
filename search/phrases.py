"""Quoted phrases: the index matches a phrase's terms, this checks they stand side by side.

Split from search/query.py, which keeps only the best candidates before calling it.
"""

from __future__ import annotations

from .analysis import QueryWord, slots_from_index_text
from .backends import Hit
from .models import IndexEntry


def _contains_phrase(slots: list[frozenset[str]], phrase: list[QueryWord]) -> bool:
    wanted = [set(w.terms) for w in phrase]
    length = len(wanted)
    for start in range(len(slots) - length + 1):
        if all(slots[start + k] & wanted[k] for k in range(length)):
            return True
    return False


def phrase_filter(hits: list[Hit], phrases: list[list[QueryWord]]) -> list[Hit]:
    """The hits whose title or body holds every phrase word for word, in the hits' order."""
    stored = IndexEntry.objects.filter(page_id__in=[h.page_id for h in hits]).values_list(
        "page_id", "title_terms", "body_terms"
    )
    texts = {
        pk: (slots_from_index_text(title), slots_from_index_text(body))
        for pk, title, body in stored
    }
    kept = []
    for hit in hits:
        if hit.page_id not in texts:
            continue
        title_slots, body_slots = texts[hit.page_id]
        if all(
            _contains_phrase(title_slots, p) or _contains_phrase(body_slots, p) for p in phrases
        ):
            kept.append(hit)
    return kept
