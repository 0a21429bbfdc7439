"""Extraction quality: ours against plain trafilatura, scored in the same run on shared corpora.

Whole sets, no sampling: 143 Scrapinghub pages, 790 trafilatura-eval pages, 208 fundus pages,
each extracted by us and by the baseline (about 1-2 minutes on 2 cores). Baselines:
- body text: `trafilatura.extract(html)` with every default;
- title/date/authors: trafilatura's own metadata pass (`bare_extraction(with_metadata=True)`),
  since plain `extract()` returns no metadata at all.
Run with `-s` to see the numbers; they are also attached with `record_property`.
"""

from __future__ import annotations

from functools import cache

import pytest

from core.testing.shared_data import shared_data_dir
from sources.extraction import extract_article
from sources.tests.extraction_quality import (
    Metadata,
    Page,
    fundus_pages,
    plain_trafilatura_metadata,
    plain_trafilatura_text,
    score_fundus,
    score_scrapinghub,
    score_trafilatura_eval,
    scrapinghub_pages,
    trafilatura_eval_pages,
)


@cache
def _ours(page: Page):
    return extract_article(page.html, url=page.url)


def ours_text(page: Page) -> str:
    return _ours(page).text


def ours_metadata(page: Page) -> Metadata:
    article = _ours(page)
    day = article.published_at.date() if article.published_at else None
    return Metadata(article.title, list(article.authors), day)


def _report(record_property, name: str, ours: float, plain: float) -> None:
    record_property(f"{name}_ours", round(ours, 4))
    record_property(f"{name}_plain_trafilatura", round(plain, 4))
    print(f"\n{name:<32} ours {ours:.4f}   plain trafilatura {plain:.4f}")  # noqa: T201


def test_article_body_token_f1_beats_plain_trafilatura(record_property):
    pages = list(scrapinghub_pages(shared_data_dir("article-extraction-benchmark")))
    assert len(pages) > 100
    ours = score_scrapinghub(pages, ours_text)
    plain = score_scrapinghub(pages, plain_trafilatura_text)
    _report(record_property, "scrapinghub token F1", ours, plain)
    assert ours >= plain
    assert ours > 0.9


def test_with_and_without_snippets_beat_plain_trafilatura(record_property):
    pages = list(trafilatura_eval_pages(shared_data_dir("trafilatura-eval")))
    assert len(pages) > 700
    ours = score_trafilatura_eval(pages, ours_text)
    plain = score_trafilatura_eval(pages, plain_trafilatura_text)
    _report(record_property, "trafilatura-eval checks passed", ours, plain)
    assert ours >= plain
    assert ours > 0.85


@pytest.mark.parametrize("field", ["title", "date", "authors"])
def test_fundus_metadata_beats_trafilatura_metadata(field, record_property):
    scores = _fundus_scores()
    ours, plain = scores["ours"][field], scores["plain"][field]
    _report(record_property, f"fundus {field} accuracy", ours, plain)
    assert ours >= plain


@cache
def _fundus_scores() -> dict[str, dict[str, float]]:
    pages = list(fundus_pages(shared_data_dir("fundus-news-pages")))
    assert len(pages) > 150
    return {
        "ours": score_fundus(pages, ours_metadata),
        "plain": score_fundus(pages, plain_trafilatura_metadata),
    }
