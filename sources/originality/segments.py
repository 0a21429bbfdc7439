"""Cutting texts into what the originality scorer compares: words, sentences, quotes, offsets.

Everything keeps character offsets into the original text, because the editor is shown the
matched passages highlighted in place; comparison itself runs on normalised words (the same
folding as story clustering, ``sources.signatures.normalize_text``: NFKC, lowercase, ё -> е).

Quotes are found here because the guard counts them apart: a sentence in quotation marks that is
attributed to someone ("…", she said; по словам министра, «…») is the source's words by design,
not the newsroom copying. Attributed means an attribution word of one of the outlets' languages
stands near the quotation marks; quotation marks around a name or a title are not a quote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A sentence ends at . ! ? … (and closing quotes/brackets) followed by space and an upper-case
# letter, digit or opening quote; a paragraph break always ends one.
_SENTENCE_END_RE = re.compile(
    r"(?<=[.!?…])[\"»”“')\]]*\s+(?=[\"«„“(\[—–-]?\s?[^\W\d_a-zа-яё]|[\"«„“(\[]?\d)", re.UNICODE
)
_PARAGRAPH_RE = re.compile(r"[^\n]+")

# Opening mark -> closing marks: «…», „…“ (German, Polish), “…”, "…", ‚…‘.
_QUOTE_PAIRS: dict[str, str] = {
    "«": "»",
    "„": '“”"',
    "“": '”"',
    '"': '"”',
    "‚": "‘’",
}
_QUOTE_RE = re.compile(
    "|".join(
        f"{re.escape(opening)}[^{re.escape(closing + opening)}\\n]{{3,}}[{re.escape(closing)}]"
        for opening, closing in _QUOTE_PAIRS.items()
    )
)
# Attribution words (lowercase prefixes) of the outlets' languages: en, ru, de, fr, es, it, pl.
# A prefix keeps inflections together: "заяви" matches заявил, заявила, заявили.
_ATTRIBUTION_PREFIXES = tuple(
    """
    said says say told tells according added adds stated states wrote writes explained explains
    noted notes asked asks insisted warned argued claimed recalled quoted
    сказа говор заяви сообщи отмети слов поясни добави написа подчеркну призна уточни
    рассказа цитиру передае считае уверен
    sagte sagt erklärt betont meint laut zufolge schreibt schrieb fügte berichtet
    dit déclar selon affirm expliqu ajout précis estim
    dijo dice afirm declar según explic señal asegur añadi
    detto dichiar secondo spieg afferm aggiun sottoline
    powiedzia stwierdzi według doda zaznaczy mówi podkreśli napisa
    """.split()
)
_SENTENCE_STOP_RE = re.compile(r"\n|[.!?…]\s")
_ATTRIBUTION_WINDOW = 100  # characters either side of the quotation marks
MIN_QUOTE_WORDS = 3  # «Известия», "Die Zeit": names in quotation marks are not quotes


@dataclass(frozen=True)
class Word:
    """One word: its normalised form and where it stands in the original text."""

    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def normalize_word(surface: str) -> str:
    """The project's folding (as ``sources.signatures.normalize_text``) for a single word."""
    return unicodedata.normalize("NFKC", surface).lower().replace("ё", "е")


def words(text: str) -> list[Word]:
    return [Word(normalize_word(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def sentence_spans(text: str) -> list[Span]:
    """Paragraphs, then sentences, as offsets; pieces without a word are dropped."""
    spans: list[Span] = []
    for paragraph in _PARAGRAPH_RE.finditer(text):
        start = paragraph.start()
        cuts = [m.start() for m in _SENTENCE_END_RE.finditer(paragraph.group())]
        bounds = [0, *(c + 1 for c in cuts), len(paragraph.group())]
        for left, right in zip(bounds, bounds[1:], strict=False):
            piece = paragraph.group()[left:right]
            stripped_left = len(piece) - len(piece.lstrip())
            stripped = piece.strip()
            if stripped and _WORD_RE.search(stripped):
                begin = start + left + stripped_left
                spans.append(Span(begin, begin + len(stripped)))
    return spans


def _is_attributed(text: str, quote: Span) -> bool:
    before = text[max(0, quote.start - _ATTRIBUTION_WINDOW) : quote.start].lower()
    after = text[quote.end : quote.end + _ATTRIBUTION_WINDOW].lower()
    # Attribution belongs to the same sentence: stop at a paragraph or a sentence end.
    before = _SENTENCE_STOP_RE.split(before)[-1]
    after = _SENTENCE_STOP_RE.split(after, maxsplit=1)[0]
    for word in _WORD_RE.findall(before + " " + after):
        if word.startswith(_ATTRIBUTION_PREFIXES):
            return True
    return False


def attributed_quote_spans(text: str) -> list[Span]:
    """Spans (inside the marks) of attributed quotations of at least MIN_QUOTE_WORDS words."""
    spans = []
    for match in _QUOTE_RE.finditer(text):
        inner = Span(match.start() + 1, match.end() - 1)
        if len(_WORD_RE.findall(text[inner.start : inner.end])) < MIN_QUOTE_WORDS:
            continue
        if _is_attributed(text, Span(match.start(), match.end())):
            spans.append(inner)
    return spans
