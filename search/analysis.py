"""Language analysis shared by indexing and querying.

Indexing and querying MUST run the same analysis, otherwise a reader's "солдат" and an
article's "солдатам" end up as different index terms. Everything that turns text into index
terms therefore lives here, and both the index backends and the query parser call it.

The pipeline for each word:

1. tokenise into Unicode words (letters and digits, any script; punctuation, underscores and
   hyphens split words, so "Нью-Йорк" gives "нью" and "йорк" in both text and query). A run
   of letters and a run of digits are separate words, so "ан148", "Ан-148" and "Ан 148" all
   give "ан" + "148"; a short letter run touching digits ("Ан", "Ту", "G" in "G7") is a model
   or code name and kept as written (not lemmatised, not a stop word);
2. lowercase and fold "ё" into "е" (Russian writers use "е" for "ё" most of the time);
3. Cyrillic words -> every dictionary lemma pymorphy3 proposes (an ambiguous form such as
   "стали" is "стать" or "сталь"; dropping either would lose matches, and ranking sorts out
   the noise), Latin words -> Snowball English stem, digits -> themselves;
4. drop per-language stop words, which carry no meaning and bloat the index.

A word's alternatives stay together as one *slot*, so phrase matching can check that the
words of a quoted phrase appear next to each other whatever their lemmas.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pymorphy3
import Stemmer

# Runs of letters or of digits of any script; everything else separates words, and a letter
# run ends where digits start ("ан148" is "ан" + "148", like "Ан-148").
WORD_RE = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# A letter run this short that touches digits, directly or across one hyphen, is a code: the
# "Ан" of "Ан-148", the "Ту" of "Ту-154" ("ту" is otherwise a form of the stop word "тот").
CODE_MAX_LETTERS = 3
CYRILLIC_RE = re.compile(r"[а-яёіїєґўА-ЯЁІЇЄҐЎ]")
LATIN_RE = re.compile(r"[a-zA-Z]")
ALL_DIGITS_RE = re.compile(r"^\d+$")
QUOTED_RE = re.compile(r"[\"«»“”„]([^\"«»“”„]*)[\"«»“”„]?")

# Unknown (out-of-dictionary) Russian words get suffix-based guesses from pymorphy3. Only the
# best few are kept: they are consistent between forms of the same unknown name, the rest is noise.
MAX_GUESSED_LEMMAS = 2
# Words longer than this are not words a reader means (base64, URLs without punctuation...).
MAX_WORD_LENGTH = 60
# Queries are cut here: nobody types more, and it bounds the work a hostile query can cause.
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 32

RUSSIAN_STOP_WORDS = frozenset(
    """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
    мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть
    был него до вас нибудь опять уж вам ведь там потом себя ничто ей может они тут где есть надо
    ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот
    того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда
    зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас
    про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть
    том нельзя такой им более всегда конечно всю между это весь который свой также оно
    """.split()
)
ENGLISH_STOP_WORDS = frozenset(
    """
    a an and are as at be been but by for from had has have he her his i if in into is it its
    me my no not of on or our she so than that the their them then there these they this to
    was we were what when which who will with would you your do does did s t can could about
    """.split()
)


def fold(word: str) -> str:
    """Lowercase and fold ё->е so spelling variants meet in one index term."""
    return word.lower().replace("ё", "е")


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    """One analyser per process: loading the dictionaries costs ~0.1 s and ~15 MB."""
    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def _english_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def russian_lemmas(word: str) -> tuple[str, ...]:
    """All plausible dictionary lemmas of a (folded) Russian word, most likely first.

    Every lemma of a dictionary parse is kept (ambiguity is resolved by ranking, not here);
    for unknown words only the best guesses plus the word itself, so that two forms of the same
    unknown surname still share at least one term.
    """
    parses = _morph().parse(word)
    known = [p for p in parses if p.is_known]
    if known:
        ordered = sorted(known, key=lambda p: -p.score)
        lemmas = _unique(fold(p.normal_form) for p in ordered)
    else:
        ordered = sorted(parses, key=lambda p: -p.score)
        guesses = _unique(fold(p.normal_form) for p in ordered)[:MAX_GUESSED_LEMMAS]
        lemmas = _unique([*guesses, word])
    return tuple(lemmas) or (word,)


@lru_cache(maxsize=100_000)
def english_stem(word: str) -> str:
    return _english_stemmer().stemWord(word)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


@dataclass(frozen=True)
class Token:
    """One word of the original text with its position, so snippets can highlight it."""

    surface: str
    start: int
    end: int
    #: A short letter run touching digits ("Ан" in "Ан-148"): see `is_code`.
    code: bool = False


def _digit_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isdigit()


def is_code(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a letter run, is the letter part of a code such as "Ан-148",
    "ан148", "Су-27" or "G7": at most CODE_MAX_LETTERS letters touching digits directly or
    across one hyphen. Index, query and snippets all decide it here, from the same text."""
    if end - start > CODE_MAX_LETTERS or text[start].isdigit():
        return False
    return (
        _digit_at(text, end)
        or (_digit_at(text, end + 1) and text[end] == "-")
        or _digit_at(text, start - 1)
        or (_digit_at(text, start - 2) and text[start - 1] == "-")
    )


def tokenize(text: str) -> Iterator[Token]:
    """Split text into words of any script, keeping character offsets."""
    text = text or ""
    for match in WORD_RE.finditer(text):
        surface = match.group()
        if len(surface) <= MAX_WORD_LENGTH:
            start, end = match.span()
            yield Token(surface, start, end, is_code(text, start, end))


def span_terms(text: str, start: int, end: int) -> tuple[str, ...]:
    """Index terms of the word text[start:end] (a WORD_RE match), deciding code-ness from
    its neighbours in `text` as indexing does: what snippets highlight is what was indexed."""
    surface = text[start:end]
    if len(surface) <= CODE_MAX_LETTERS and is_code(text, start, end):
        return (fold(surface),)
    return word_terms(surface)


def token_terms(token: Token) -> tuple[str, ...]:
    """Index terms of a token in its text: a code's letters as written, else `word_terms`."""
    return (fold(token.surface),) if token.code else word_terms(token.surface)


CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
)


def _normalize(text: str) -> str:
    # NFC so "й" typed as "и"+combining breve is the same word; drop NULs and other controls
    # (a NUL or zero-width space inside a word would otherwise split or disguise it).
    return CONTROL_RE.sub("", unicodedata.normalize("NFC", text or ""))


@lru_cache(maxsize=300_000)
def word_terms(surface: str) -> tuple[str, ...]:
    """Index terms of one word: lemmas/stem after folding; empty for a stop word.

    A word mixing Cyrillic and Latin letters (a typo or a homoglyph trick) is analysed as
    Russian when it contains any Cyrillic letter.
    """
    word = fold(surface)
    if ALL_DIGITS_RE.match(word):
        return (word.lstrip("0") or "0",)
    if CYRILLIC_RE.search(word):
        if word in RUSSIAN_STOP_WORDS:
            return ()
        lemmas = tuple(lemma for lemma in russian_lemmas(word) if lemma not in RUSSIAN_STOP_WORDS)
        return lemmas
    if LATIN_RE.search(word):
        if word in ENGLISH_STOP_WORDS or len(word) == 1:
            return ()
        return (english_stem(word),)
    # Other scripts (Greek, CJK...): keep the folded word as is so it is still findable.
    return (word,)


def analyze(text: str) -> list[tuple[str, ...]]:
    """Analysed slot stream of a text: one tuple of alternative terms per kept word."""
    return _slots(text, word_terms)


def _slots(text: str, terms_of: Callable[[str], tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The one tokenizing loop of `analyze` and `analyze_in`; `terms_of` analyses a word."""
    text = _normalize(text)
    slots = []
    # No Token objects here: this loop runs over every word of every indexed article.
    for match in WORD_RE.finditer(text):
        surface = match.group()
        if len(surface) > MAX_WORD_LENGTH:
            continue
        if len(surface) <= CODE_MAX_LETTERS and is_code(text, match.start(), match.end()):
            terms: tuple[str, ...] = (fold(surface),)
        else:
            terms = terms_of(surface)
        if terms:
            slots.append(terms)
    return slots


def index_text(text: str) -> str:
    """The analysed text as stored in the index: slots separated by spaces, alternatives by "|".

    Both FTS5 (unicode61) and PostgreSQL's 'simple' parser split on "|" and spaces, so they index
    exactly our terms; phrase checks split the same string back into slots.
    """
    return " ".join("|".join(slot) for slot in analyze(text))


def slots_from_index_text(stored: str) -> list[frozenset[str]]:
    return [frozenset(slot.split("|")) for slot in stored.split()]


def terms_of(text: str) -> set[str]:
    """Flat set of index terms of a text (for highlighting and similarity)."""
    return {term for slot in analyze(text) for term in slot}


@dataclass
class QueryWord:
    """A word the reader typed, with the index terms any of which may match it."""

    surface: str
    terms: tuple[str, ...]


@dataclass
class ParsedQuery:
    """A reader's query after analysis: loose words (all must match) and quoted phrases."""

    words: list[QueryWord] = field(default_factory=list)
    phrases: list[list[QueryWord]] = field(default_factory=list)

    @property
    def all_words(self) -> list[QueryWord]:
        return [*self.words, *(w for phrase in self.phrases for w in phrase)]

    @property
    def all_terms(self) -> set[str]:
        return {term for word in self.all_words for term in word.terms}

    def __bool__(self) -> bool:
        return bool(self.all_words)


def _query_words(text: str) -> list[QueryWord]:
    words = []
    for token in tokenize(text):
        terms = token_terms(token)
        if terms:
            words.append(QueryWord(fold(token.surface), terms))
    return words


def analyze_query(raw: str) -> ParsedQuery:
    """Parse what a reader typed into words and quoted phrases, through the same analysis.

    Never raises: operators, quotes, brackets and other punctuation are only separators, so FTS
    syntax or SQL fragments in a query are plain words (or nothing) by the time a backend sees
    them. Long queries are cut to MAX_QUERY_CHARS / MAX_QUERY_WORDS.
    """
    text = _normalize(raw)[:MAX_QUERY_CHARS]
    query = ParsedQuery()
    budget = MAX_QUERY_WORDS
    last = 0
    loose_parts = []
    for match in QUOTED_RE.finditer(text):
        loose_parts.append(text[last : match.start()])
        last = match.end()
        phrase = _query_words(match.group(1))[:budget]
        budget -= len(phrase)
        if len(phrase) > 1:
            query.phrases.append(phrase)
        else:
            query.words.extend(phrase)
    loose_parts.append(text[last:])
    for part in loose_parts:
        for word in _query_words(part):
            if budget <= 0:
                break
            query.words.append(word)
            budget -= 1
    return query


# --------------------------------------------------------------------------------------------
# Outlet languages beyond English and Russian (source articles in the newsroom inbox)
# --------------------------------------------------------------------------------------------
# Reader search stays English/Russian; the inbox also holds German, French, Spanish, Italian and
# Polish originals. Their Latin-script words get their own Snowball stem instead of the English
# one, so "Streiks" and "Streik" (German) or "strajki" and "strajk" (Polish) meet in one term.
# A query does not know the language of the text it will meet, so its words carry the stem of
# every language asked for (see `add_language_stems`); precision comes from requiring every word.
LANGUAGE_STEMMERS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pl": "polish",
}


@cache
def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


@lru_cache(maxsize=200_000)
def word_terms_in(surface: str, language: str) -> tuple[str, ...]:
    """Index terms of one word of a text written in ``language`` (an ISO 639-1 code).

    Russian lemmas, digits and other scripts are as `word_terms`; a Latin-script word of a
    language in LANGUAGE_STEMMERS gets that language's stem (English stop words only apply to
    English text: German "will" or "die" are words there).
    """
    algorithm = LANGUAGE_STEMMERS.get(language)
    word = fold(surface)
    if algorithm is None or algorithm == "english" or not LATIN_RE.search(word):
        return word_terms(surface)
    if CYRILLIC_RE.search(word) or ALL_DIGITS_RE.match(word):
        return word_terms(surface)
    if len(word) == 1:
        return ()
    return (_stemmer(algorithm).stemWord(word),)


def analyze_in(text: str, language: str) -> list[tuple[str, ...]]:
    """`analyze` for a text in ``language`` (the outlet's), with that language's stemming."""
    return _slots(text, lambda surface: word_terms_in(surface, language))


def add_language_stems(query: ParsedQuery, languages: Iterable[str]) -> ParsedQuery:
    """Let each query word also match its stem in each of ``languages`` (in place; returned)."""
    codes = [code for code in languages if code in LANGUAGE_STEMMERS]
    for word in query.all_words:
        extra = [term for code in codes for term in word_terms_in(word.surface, code)]
        word.terms = tuple(_unique([*word.terms, *extra]))
    return query


def warm_up(sample: str) -> None:
    """Load the analysers now, not in a reader's request (search.warmup calls this at boot):
    pymorphy3's dictionaries and the stemmer, then one text and query through the pipeline."""
    _morph()
    _english_stemmer()
    analyze(sample)
    analyze_query(sample)
