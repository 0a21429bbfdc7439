"""Typo correction for reader search: known index words one edit away from an unknown word.

Split from search/query.py (which calls it before matching) to keep the query path short.
"""

from __future__ import annotations

from .analysis import CYRILLIC_RE, QueryWord, word_terms
from .models import VocabularyTerm

TYPO_MIN_LENGTH = 5
MAX_CORRECTIONS_PER_WORD = 6
RUSSIAN_ALPHABET = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
LATIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from word."""
    alphabet = RUSSIAN_ALPHABET if CYRILLIC_RE.search(word) else LATIN_ALPHABET
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in alphabet if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in alphabet}
    return (deletes | transposes | replaces | inserts) - {word}


def correct_typos(words: list[QueryWord]) -> dict[str, list[str]]:
    """Add the terms of known words one edit away to query words the index has never seen.

    Only words of TYPO_MIN_LENGTH letters or more are corrected: in short words one letter
    is too much of the word. Returns {typed word: [known forms used]} so the page can say so.
    """
    candidates = [w for w in words if len(w.surface) >= TYPO_MIN_LENGTH and not w.surface.isdigit()]
    if not candidates:
        return {}
    lookup = {w.surface for w in candidates} | {t for w in candidates for t in w.terms}
    known = set(VocabularyTerm.objects.filter(form__in=lookup).values_list("form", flat=True))
    corrections: dict[str, list[str]] = {}
    for word in candidates:
        if word.surface in known or known.intersection(word.terms):
            continue
        forms = sorted(
            VocabularyTerm.objects.filter(form__in=edits1(word.surface)).values_list(
                "form", flat=True
            )
        )[:MAX_CORRECTIONS_PER_WORD]
        if not forms:
            continue
        extra = [term for form in forms for term in word_terms(form)]
        word.terms = tuple(dict.fromkeys([*word.terms, *extra]))
        corrections[word.surface] = forms
    return corrections
