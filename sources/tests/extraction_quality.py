"""Loaders and scores for the three shared extraction corpora.

Kept apart from the tests so the same scoring can be run by hand while tuning, and so ours and
the plain trafilatura baseline are always scored by exactly the same code. The corpora are read in
place from shared/data (copyrighted fixtures: never copied into the repository).

Scores:
- article-extraction-benchmark: mean token-level F1 (multiset of lower-cased word tokens) between
  extracted text and the human ground-truth articleBody.
- trafilatura-eval: share of checks passed over all pages, where every "with" snippet found in the
  text and every "without" snippet absent from it is one passed check (upstream's definition).
- fundus-news-pages: share of pages whose title / publishing day / author set matches the expected
  parser output (after whitespace and case normalisation).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    """One corpus item: raw bytes as stored plus what the corpus says about it."""

    key: str
    html: bytes
    url: str | None
    truth: dict = field(hash=False)


@dataclass
class Metadata:
    """What the metadata scores compare, produced by either extractor under test."""

    title: str | None
    authors: list[str]
    day: date | None


def _gunzip(path: Path) -> bytes:
    with gzip.open(path) as handle:
        return handle.read()


def scrapinghub_pages(root: Path) -> Iterator[Page]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        item = truth[key]
        yield Page(key, _gunzip(root / "html" / f"{key}.html.gz"), item.get("url"), item)


def trafilatura_eval_pages(root: Path) -> Iterator[Page]:
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    for key in sorted(data):
        item = data[key]
        url = key if key.startswith("http") else None
        yield Page(key, _gunzip(root / "html" / f"{item['file']}.gz"), url, item)


def fundus_pages(root: Path) -> Iterator[Page]:
    with (root / "index.jsonl").open(encoding="utf-8") as index:
        rows = [json.loads(line) for line in index if line.strip()]
    for row in sorted(rows, key=lambda r: r["id"]):
        expected_path = root / row["html_file"].replace(".html.gz", ".expected.json")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))["expected"]
        yield Page(row["id"], _gunzip(root / row["html_file"]), row.get("url"), expected)


def tokens(text: str | None) -> Counter[str]:
    return Counter(_TOKEN.findall((text or "").lower()))


def token_f1(extracted: str | None, truth: str) -> float:
    got, want = tokens(extracted), tokens(truth)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(got.values())
    recall = overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def snippet_checks(extracted: str | None, page: Page) -> tuple[int, int]:
    """(passed, total) "with"/"without" checks for one trafilatura-eval page."""
    text = extracted or ""
    with_ = page.truth.get("with") or []
    without = page.truth.get("without") or []
    passed = sum(1 for s in with_ if s in text) + sum(1 for s in without if s not in text)
    return passed, len(with_) + len(without)


def norm(text: str | None) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "")).strip().casefold()


def expected_day(expected: dict) -> date | None:
    raw = expected.get("publishing_date")
    return datetime.fromisoformat(raw).date() if raw else None


def metadata_hits(meta: Metadata, expected: dict) -> dict[str, bool]:
    """Per-field correctness of one fundus page."""
    want_authors = {norm(a) for a in expected.get("authors") or [] if norm(a)}
    got_authors = {norm(a) for a in meta.authors if norm(a)}
    return {
        "title": norm(meta.title) == norm(expected.get("title")),
        "date": meta.day == expected_day(expected),
        "authors": got_authors == want_authors,
    }


def score_scrapinghub(pages: list[Page], extract_text: Callable[[Page], str | None]) -> float:
    return sum(token_f1(extract_text(p), p.truth["articleBody"]) for p in pages) / len(pages)


def score_trafilatura_eval(pages: list[Page], extract_text: Callable[[Page], str | None]) -> float:
    passed = total = 0
    for page in pages:
        ok, count = snippet_checks(extract_text(page), page)
        passed, total = passed + ok, total + count
    return passed / total


def score_fundus(pages: list[Page], extract_meta: Callable[[Page], Metadata]) -> dict[str, float]:
    hits: Counter[str] = Counter()
    for page in pages:
        hits.update(k for k, ok in metadata_hits(extract_meta(page), page.truth).items() if ok)
    return {k: hits[k] / len(pages) for k in ("title", "date", "authors")}


def plain_trafilatura_text(page: Page) -> str | None:
    """The baseline for body text: trafilatura.extract with every default."""
    import trafilatura

    return trafilatura.extract(page.html)


def plain_trafilatura_metadata(page: Page) -> Metadata:
    """The baseline for metadata: trafilatura's own metadata pass (defaults, with the page URL).

    Plain `extract()` returns no metadata at all, so the honest baseline for title/author/date is
    the same library asked for its metadata.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return Metadata(None, [], None)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    day = date.fromisoformat(doc.date[:10]) if doc.date else None
    return Metadata(doc.title, authors, day)
