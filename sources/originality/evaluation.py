"""Article-source pairs where the answer is known, for ``benchmarks/originality.py`` and tests.

Built at run time from ../shared/data/wmt21-news-en-ru (read in place, never copied):

* ``newstest2021.ru-en.docs.jsonl``: 107 Russian news documents (doc ids name the outlet:
  ``izvestiya.123``), each with two independent professional English translations. The first
  segment is the headline. A document and its translation is a positive, whole, with 30 % of
  its sentences dropped, and with its sentences reordered; a Russian or English document with
  sentences dropped and a few words changed is a same-language near-copy. A document paired with
  a *different* document of the same outlet (same language, and across languages through that
  document's translation) is a negative: same topics, style and boilerplate, different text.
* ``newstest2021.en-ru.src.en`` / ``.ref.A.ru``: 1002 English sentences with Russian
  translations and no document boundaries; runs of consecutive lines stand in for documents to
  give the other direction (English source, Russian article).

Every pair carries ``group`` (the WMT document it is built from) so that threshold tuning and
reporting can use disjoint halves.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .scoring import TextForOriginality

WMT_DOCS = "newstest2021.ru-en.docs.jsonl"
EN_RU_SOURCE = "newstest2021.en-ru.src.en"
EN_RU_REFERENCE = "newstest2021.en-ru.ref.A.ru"
EN_RU_LINES_PER_DOCUMENT = 8
CYRILLIC_RE = re.compile("[а-яА-ЯёЁ]")
LATIN1_LETTERS_RE = re.compile("[À-ÿ]{3}")
DROP_SHARE = 0.3
NEAR_COPY_DROP_SHARE = 0.2
NEAR_COPY_WORD_EVERY = 15  # "a few words changed": one word in fifteen replaced

POSITIVE_KINDS = (
    "translation",
    "translation_dropped",
    "translation_reordered",
    "translation_en_ru",
    "near_copy_ru",
    "near_copy_en",
)
NEGATIVE_KINDS = ("same_outlet_ru", "same_outlet_cross")


@dataclass(frozen=True)
class LabelledPair:
    id: str
    kind: str
    positive: bool
    group: int  # index of the WMT document (or en-ru chunk) it was built from
    article: TextForOriginality
    source: TextForOriginality


@dataclass(frozen=True)
class _Doc:
    docid: str
    outlet: str
    src: list[str]
    ref: list[str]


def _read_docs(wmt_dir: Path, reference: str) -> list[_Doc]:
    docs = []
    with (wmt_dir / WMT_DOCS).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            outlet = row["docid"].rsplit(".", 1)[0]
            docs.append(_Doc(row["docid"], outlet, row["src"], row["refs"][reference]))
    return docs


def _source(language: str, segments: list[str]) -> TextForOriginality:
    return TextForOriginality(language, " ".join(segments[1:]), title=segments[0])


def _article(language: str, segments: list[str]) -> TextForOriginality:
    # An article is one running text: its own headline is not compared (see integrity).
    return TextForOriginality(language, " ".join(segments))


def _drop(segments: list[str], share: float, rng: random.Random) -> list[str]:
    keep = max(1, round(len(segments) * (1 - share)))
    chosen = sorted(rng.sample(range(len(segments)), keep))
    return [segments[i] for i in chosen]


def _change_words(segments: list[str], donor_words: list[str], rng: random.Random) -> list[str]:
    out = []
    for segment in segments:
        tokens = segment.split()
        for position in range(len(tokens)):
            if rng.randrange(NEAR_COPY_WORD_EVERY) == 0:
                tokens[position] = rng.choice(donor_words)
        out.append(" ".join(tokens))
    return out


def wmt_pairs(wmt_dir: Path, reference: str = "A", seed: int = 11) -> list[LabelledPair]:
    """All labelled pairs (see the module docstring), reproducible for a given seed."""
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data, not security
    docs = _read_docs(wmt_dir, reference)
    pairs: list[LabelledPair] = []
    for group, doc in enumerate(docs):
        source = _source("ru", doc.src)
        body = doc.ref[1:]
        shuffled = body[:]
        rng.shuffle(shuffled)
        variants = {
            "translation": doc.ref,
            "translation_dropped": _drop(body, DROP_SHARE, rng),
            "translation_reordered": shuffled,
        }
        for kind, segments in variants.items():
            article = _article("en", segments)
            pairs.append(LabelledPair(f"{doc.docid}:{kind}", kind, True, group, article, source))
        donor = docs[(group + 1) % len(docs)]
        for kind, language, segments, donor_segments in (
            ("near_copy_ru", "ru", doc.src, donor.src),
            ("near_copy_en", "en", doc.ref, donor.ref),
        ):
            donor_words = " ".join(donor_segments).split()
            edited = _change_words(_drop(segments, NEAR_COPY_DROP_SHARE, rng), donor_words, rng)
            pairs.append(
                LabelledPair(
                    f"{doc.docid}:{kind}",
                    kind,
                    True,
                    group,
                    _article(language, edited),
                    _source(language, segments),
                )
            )
    pairs.extend(_same_outlet_negatives(docs))
    pairs.extend(_en_ru_pairs(wmt_dir, first_group=len(docs)))
    return pairs


def _same_outlet_negatives(docs: list[_Doc]) -> Iterator[LabelledPair]:
    """Each document against the next two documents of its outlet, within and across languages."""
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for index, doc in enumerate(docs):
        by_outlet[doc.outlet].append(index)
    for members in by_outlet.values():
        if len(members) < 2:
            continue
        for position, index in enumerate(members):
            doc = docs[index]
            others = [members[(position + k) % len(members)] for k in (1, 2)]
            for other_index in dict.fromkeys(o for o in others if o != index):
                other = docs[other_index]
                source = _source("ru", doc.src)
                yield LabelledPair(
                    f"{doc.docid}~{other.docid}:ru",
                    "same_outlet_ru",
                    False,
                    index,
                    _article("ru", other.src),
                    source,
                )
                yield LabelledPair(
                    f"{doc.docid}~{other.docid}:cross",
                    "same_outlet_cross",
                    False,
                    index,
                    _article("en", other.ref),
                    source,
                )


def _repair_mojibake(line: str) -> str:
    """A few reference lines are Windows-1251 bytes read as Latin-1 ("Òåì íå"): decode them back."""
    if CYRILLIC_RE.search(line) or not LATIN1_LETTERS_RE.search(line):
        return line
    try:
        return line.encode("latin-1").decode("cp1251")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return line


def _en_ru_pairs(wmt_dir: Path, first_group: int) -> Iterator[LabelledPair]:
    english = (wmt_dir / EN_RU_SOURCE).read_text(encoding="utf-8").splitlines()
    russian = [
        _repair_mojibake(line)
        for line in (wmt_dir / EN_RU_REFERENCE).read_text(encoding="utf-8").splitlines()
    ]
    size = EN_RU_LINES_PER_DOCUMENT
    for number, start in enumerate(range(0, len(english) - size + 1, size)):
        source = TextForOriginality("en", " ".join(english[start : start + size]))
        article = TextForOriginality("ru", " ".join(russian[start : start + size]))
        yield LabelledPair(
            f"en-ru:{start}", "translation_en_ru", True, first_group + number, article, source
        )
