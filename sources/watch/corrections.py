"""Correction and update notes that an outlet appends to an article, in the outlets' languages.

Why a list of phrases and not a classifier: outlets mark these notes with a few fixed labels
("Correction:", "Update:", "Исправление:", "Korrektur:", "Rectificatif :", ...) or a few fixed
sentences ("An earlier version of this article ..."), and an editor must be able to read why a
note was recognised. Only text that is new in this version counts (a note the article already
had when we based a page on it is old news), and a label must open a paragraph or a sentence
and be followed by a colon, a dash or a date, so that "Update talks resume" is not a note.
"""

from __future__ import annotations

import re

NOTE_MAX = 600

# Labels that open a note; followed by ":" / "-" / a date (see _LABEL_RE).
LABELS = {
    "en": "correction|corrections|clarification|update|updated|editor's note|editor’s note",
    "ru": "исправление|исправлено|обновлено|обновление|уточнение|поправка|примечание редакции"
    "|от редакции",
    "de": "korrektur|korrekturhinweis|korrigiert|aktualisierung|aktualisiert|update"
    "|richtigstellung|anmerkung der redaktion|hinweis der redaktion|transparenzhinweis",
    "fr": "rectificatif|correction|mise à jour|mis à jour|précision|erratum|note de la rédaction",
    "es": "corrección|actualización|actualizado|fe de erratas|aclaración|nota del editor"
    "|nota de la redacción",
    "it": "rettifica|correzione|aggiornamento|aggiornato|precisazione|errata corrige"
    "|nota della redazione",
    "pl": "sprostowanie|korekta|aktualizacja|zaktualizowano|uwaga redakcji|od redakcji|poprawka",
}
# Sentences that state a correction without a label.
PHRASES = {
    "en": [
        r"an earlier version of this (?:article|story|report|piece)",
        r"this (?:article|story|report) (?:has been|was) (?:updated|corrected|amended)",
        r"this (?:article|story) originally (?:said|stated|reported|misstated)",
    ],
    "ru": [
        r"в (?:первоначальной|предыдущей|ранней) версии (?:этой )?(?:статьи|материала|заметки)",
        r"(?:статья|материал|новость) (?:была |был )?"
        r"(?:обновлена|обновлён|обновлен|исправлена|исправлен)",
    ],
    "de": [
        r"in einer (?:früheren|ersten|vorherigen) (?:version|fassung) "
        r"(?:dieses|des) (?:artikels|textes|beitrags)",
        r"dieser (?:artikel|text|beitrag) wurde (?:aktualisiert|korrigiert|geändert)",
    ],
    "fr": [
        r"une (?:précédente|première) version de cet article",
        r"cet article a été (?:mis à jour|corrigé|modifié)",
    ],
    "es": [
        r"una versión anterior de (?:este|esta) (?:artículo|noticia|información)",
        r"(?:este artículo|esta noticia) (?:ha sido|fue) (?:actualizad[oa]|corregid[oa])",
    ],
    "it": [
        r"in una (?:precedente|prima) versione (?:di questo|dell') ?articolo",
        r"questo articolo è stato (?:aggiornato|corretto|modificato)",
    ],
    "pl": [
        r"w (?:poprzedniej|pierwotnej|pierwszej) wersji (?:tego )?(?:artykułu|tekstu)",
        r"(?:ten )?(?:artykuł|tekst) (?:został|zostal) (?:zaktualizowany|poprawiony|zmieniony)",
    ],
}

_OPENING = r"(?:^|(?<=[.!?…»”\"])\s+|(?<=[(\[]))[\s*_\-–—•]*"
_labels = sorted({w for words in LABELS.values() for w in words.split("|")}, key=len, reverse=True)
# A label, then an optional parenthesis or date words, then ":" / a dash; or a label and a date.
_LABEL_RE = re.compile(
    _OPENING
    + r"(?P<label>"
    + "|".join(re.escape(label) for label in _labels)
    + r")\b\s*(?:\([^)]{0,60}\)\s*)?(?:[:：–—-]|\s+(?:on|am|le|el|il|dnia|от|on the)?\s*\d)",
    re.IGNORECASE,
)
_PHRASE_RE = re.compile(
    _OPENING + r"(?P<label>" + "|".join(p for ps in PHRASES.values() for p in ps) + r")",
    re.IGNORECASE,
)


def _normal(paragraph: str) -> str:
    return " ".join(paragraph.split()).casefold()


def added_passages(old_text: str, new_text: str) -> list[str]:
    """Paragraphs of ``new_text`` that ``old_text`` lacks; a paragraph that only grew at its
    end (a note appended to the last paragraph) contributes what was added."""
    old = [_normal(p) for p in old_text.split("\n") if p.strip()]
    old_set = set(old)
    added = []
    for paragraph in new_text.split("\n"):
        if not paragraph.strip():
            continue
        normal = _normal(paragraph)
        if normal in old_set:
            continue
        grown = next((o for o in old if o and normal.startswith(o)), None)
        if grown is not None:
            tail = " ".join(paragraph.split())[len(grown) :].strip()
            if tail:
                added.append(tail)
            continue
        added.append(" ".join(paragraph.split()))
    return added


def find_note(passage: str) -> str | None:
    """The correction or update note in ``passage``, from its label to the passage's end."""
    found = _LABEL_RE.search(passage) or _PHRASE_RE.search(passage)
    if found is None:
        return None
    note = passage[found.start("label") :].strip()
    return note if len(note) <= NOTE_MAX else note[: NOTE_MAX - 1].rstrip() + "…"


def new_correction_notes(old_text: str, new_text: str) -> list[str]:
    """Notes the outlet added between two versions of an article's text, in text order."""
    notes = []
    for passage in added_passages(old_text, new_text):
        note = find_note(passage)
        if note and note not in notes:
            notes.append(note)
    return notes
