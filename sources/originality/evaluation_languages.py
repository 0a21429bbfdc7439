"""Same-language pairs in German, French, Spanish, Italian and Polish, for
``benchmarks/originality.py`` (the EN/RU pairs are in ``evaluation.py``).

Built at run time from real pages in ../shared/data (read in place, never copied):

* ``fundus-news-pages``: the reviewed article bodies (``*.expected.json``: summary and section
  paragraphs) of 200+ news pages; the language of each is detected from its text
  (``sources.language``), not taken from the country folder (Südtirol's Tageszeitung sits under
  ``it/`` and is German).
* ``trafilatura-eval``: its non-German, non-English pages (``html/*.gz``) extracted with the
  project's own extractor where the text detects as one of these languages and has at least
  ``MIN_WORDS`` words; this is most of the Polish, Spanish and French data.

A document with 20 % of its sentences dropped and one word in fifteen changed (the same edit as
the EN/RU near-copies) is a positive ``near_copy_<lang>``; a document paired with the next
document of the same language is a negative ``same_language_<lang>``. There are no translations
between these languages (nor into English or Russian) in the shared data, so cross-language
recall for them is NOT measured here; nothing is machine-translated to stand in for it.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from .evaluation import NEAR_COPY_DROP_SHARE, LabelledPair, _change_words, _drop
from .scoring import TextForOriginality

LANGUAGES = ("de", "fr", "es", "it", "pl")
MIN_WORDS = 150
MAX_PER_LANGUAGE = 60  # German has 300+ pages; enough to measure, and the run stays short
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«„»(\[]?[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ0-9])")


def _sentences(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        out.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return out


def _fundus_docs(root: Path) -> Iterator[tuple[str, str, list[str]]]:
    for path in sorted(root.glob("*/*.expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        body = data.get("expected", {}).get("body") or {}
        paragraphs = list(body.get("summary") or [])
        for section in body.get("sections") or []:
            paragraphs.extend(section.get("paragraphs") or [])
        title = data.get("expected", {}).get("title") or ""
        yield f"fundus:{data.get('id', path.name)}", title, paragraphs


def _trafilatura_docs(root: Path) -> Iterator[tuple[str, str, list[str]]]:
    from sources.extraction import ExtractionError, extract_article
    from sources.language import detect_language

    cases = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    for key, case in sorted(cases.items()):
        # Most pages are German (fundus has plenty) or English: extract only the other ones.
        if detect_language(" ".join(case.get("with") or [])) in ("de", "en"):
            continue
        path = root / "html" / f"{case.get('file', '')}.gz"
        if not path.is_file():
            continue
        try:
            page = extract_article(gzip.decompress(path.read_bytes()))
        except (ExtractionError, ValueError):
            continue
        paragraphs = [p for p in page.text.split("\n") if p.strip()]
        yield f"trafilatura:{key}", page.title or "", paragraphs


def language_docs(data_root: Path) -> dict[str, list[tuple[str, str, list[str]]]]:
    """language -> [(id, title, sentences)] of the documents long enough to edit."""
    from sources.language import detect_language

    by_language: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    seen: set[str] = set()
    readers = (
        (data_root / "fundus-news-pages", _fundus_docs),
        (data_root / "trafilatura-eval", _trafilatura_docs),
    )
    for root, read in readers:
        if not root.is_dir():
            continue
        for doc_id, title, paragraphs in read(root):
            text = " ".join(paragraphs)
            language = detect_language(text)
            fingerprint = " ".join(text.split()[:30])
            if language not in LANGUAGES or len(text.split()) < MIN_WORDS or fingerprint in seen:
                continue
            if len(by_language[language]) >= MAX_PER_LANGUAGE:
                continue
            seen.add(fingerprint)
            by_language[language].append((doc_id, title, _sentences(paragraphs)))
    return dict(by_language)


def language_pairs(data_root: Path, seed: int = 13) -> list[LabelledPair]:
    """Near-copies and same-language negatives per language (see the module docstring)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data, not security
    pairs: list[LabelledPair] = []
    group = 100_000  # apart from the WMT groups
    for language, docs in sorted(language_docs(data_root).items()):
        for index, (doc_id, title, sentences) in enumerate(docs):
            group += 1
            source = TextForOriginality(language, " ".join(sentences), title=title)
            if len(docs) > 1:
                donor_id, _title, donor = docs[(index + 1) % len(docs)]
                donor_words = " ".join(donor).split()
            else:
                donor_id, donor_words = "", " ".join(sentences).split()
            edited = _change_words(_drop(sentences, NEAR_COPY_DROP_SHARE, rng), donor_words, rng)
            pairs.append(
                LabelledPair(
                    f"{doc_id}:near_copy",
                    f"near_copy_{language}",
                    True,
                    group,
                    TextForOriginality(language, " ".join(edited)),
                    source,
                )
            )
            if donor_id:
                pairs.append(
                    LabelledPair(
                        f"{doc_id}~{donor_id}",
                        f"same_language_{language}",
                        False,
                        group,
                        TextForOriginality(language, " ".join(donor)),
                        source,
                    )
                )
    return pairs
