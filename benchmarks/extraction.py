"""Article extraction speed: our extract_article against a plain trafilatura.extract loop.

    .venv/bin/python benchmarks/extraction.py [--repeat N] [--limit N]

Both run over the same inputs (raw bytes of the Scrapinghub benchmark pages and the fundus news
pages, read in place from ../shared/data) in the same process, interleaved per round so machine
load affects both alike. Prints pages/s for each and the ratio ours / plain. Ours does more work
(metadata from JSON-LD/meta + htmldate, sanitised HTML, language), so a ratio below 1 is expected;
the number shows what that costs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from core.testing.shared_data import shared_data_root  # noqa: E402
from sources.extraction import extract_article  # noqa: E402
from sources.tests.extraction_quality import fundus_pages, scrapinghub_pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="rounds over the inputs")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N pages")
    args = parser.parse_args()

    root = shared_data_root()
    if not root.exists():
        sys.exit(f"shared data not found at {root}")
    pages = list(scrapinghub_pages(root / "article-extraction-benchmark"))
    pages += list(fundus_pages(root / "fundus-news-pages"))
    if args.limit:
        pages = pages[: args.limit]
    inputs = [(page.html, page.url) for page in pages]

    # warm-up: imports, lazily compiled regexes, htmldate/dateparser caches
    for html, url in inputs[:5]:
        extract_article(html, url=url)
        trafilatura.extract(html)

    ours_seconds = plain_seconds = 0.0
    for _ in range(args.repeat):
        started = time.perf_counter()
        for html, _url in inputs:
            trafilatura.extract(html)
        plain_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for html, url in inputs:
            extract_article(html, url=url)
        ours_seconds += time.perf_counter() - started

    count = len(inputs) * args.repeat
    ours_rate, plain_rate = count / ours_seconds, count / plain_seconds
    print(f"pages: {len(inputs)} x {args.repeat} rounds")
    print(f"plain trafilatura.extract: {plain_rate:7.1f} pages/s")
    print(f"extract_article (ours):    {ours_rate:7.1f} pages/s")
    print(f"ratio ours/plain:          {ours_rate / plain_rate:7.2f}")


if __name__ == "__main__":
    main()
