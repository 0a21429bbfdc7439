"""Cross-language search on WMT21: does an English query find the Russian translation, and back?

    .venv/bin/python benchmarks/search_cross_language.py            # SQLite file in /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nd_bench_cross \\
        .venv/bin/python benchmarks/search_cross_language.py

Documents (read in place from ../shared/data/wmt21-news-en-ru):
  * ru-en: the 107 documents of newstest2021.ru-en.docs.jsonl (Russian originals, English
    reference A), each imported twice, as a Russian and an English article;
  * en-ru: newstest2021.en-ru has no document ids here, so its 1,002 English-original lines are
    cut into pseudo-documents of CHUNK consecutive lines (Russian reference A alongside).
The first sentence is the article's title, the rest its body. Query = the first sentence of one
side; a hit is the other side's article in the top 10 of `/api/search?cross=1` (the code behind
it, `search.query.run_search(cross=True)`), also of semantic search alone, and of cross search
narrowed to the other language (`cross=1&lang=ru`). Lexical-only (hybrid off) is the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_SQLITE = Path(tempfile.gettempdir()) / "nd_bench_cross.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{DEFAULT_SQLITE}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402

from core.testing.shared_data import shared_data_root  # noqa: E402
from newsroom import importing  # noqa: E402
from search import indexing  # noqa: E402
from search.backends import SearchFilters  # noqa: E402
from search.models import ImportedArticle  # noqa: E402
from search.query import run_search  # noqa: E402
from search.semantic.service import search_pages  # noqa: E402

CHUNK = 10


def load_pairs() -> list[dict]:
    """[{id, origlang, en: [sentences], ru: [sentences]}]"""
    folder = shared_data_root() / "wmt21-news-en-ru"
    pairs = []
    with open(folder / "newstest2021.ru-en.docs.jsonl", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            pairs.append(
                {"id": doc["docid"], "origlang": "ru", "ru": doc["src"], "en": doc["refs"]["A"]}
            )
    en = (folder / "newstest2021.en-ru.src.en").read_text(encoding="utf-8").splitlines()
    ru = (folder / "newstest2021.en-ru.ref.A.ru").read_text(encoding="utf-8").splitlines()
    for start in range(0, len(en) - CHUNK + 1, CHUNK):
        pairs.append(
            {
                "id": f"en-ru-{start}",
                "origlang": "en",
                "en": en[start : start + CHUNK],
                "ru": ru[start : start + CHUNK],
            }
        )
    return pairs


def url(pair: dict, lang: str) -> str:
    return f"https://wmt21.example.org/{pair['id']}/{lang}"


def import_pairs(pairs: list[dict]) -> dict[str, int]:
    existing = dict(ImportedArticle.objects.values_list("url", "page_id"))
    if len(existing) >= 2 * len(pairs):
        print(f"corpus already imported ({len(existing)} articles), reusing it")
        return existing
    lines = []
    for i, pair in enumerate(pairs):
        for lang in ("en", "ru"):
            sentences = [s for s in pair[lang] if s.strip()]
            lines.append(
                json.dumps(
                    {
                        "title": sentences[0][:250],
                        "lead": "",
                        "body": "\n\n".join(sentences[1:]) or sentences[0],
                        "language": lang,
                        "published_at": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        "section": "world",
                        "url": url(pair, lang),
                    },
                    ensure_ascii=False,
                )
            )
    started = time.perf_counter()
    report = importing.import_lines(lines)
    indexing.index_page_ids(report.created_ids)
    print(
        f"imported and indexed {report.created} articles in {time.perf_counter() - started:.0f} s"
    )
    return dict(ImportedArticle.objects.values_list("url", "page_id"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    pairs = load_pairs()[: args.limit] if args.limit else load_pairs()
    pages = import_pairs(pairs)
    path_to_page = {}
    from wagtail.models import Page  # noqa: PLC0415 - benchmark script, after django.setup()

    for pk, url_path in Page.objects.filter(pk__in=pages.values()).values_list("pk", "url_path"):
        path_to_page[url_path] = pk

    every = SearchFilters(languages=("en", "ru"))
    systems = {
        "hybrid, cross=1": lambda q, _t: [
            r.page_id for r in run_search(q, every, page_size=10, cross=True).results
        ],
        "hybrid, cross=1&lang=<other>": lambda q, t: [
            r.page_id
            for r in run_search(q, SearchFilters(languages=(t,)), page_size=10, cross=True).results
        ],
        "semantic only": lambda q, _t: [h.key for h in search_pages(q, every, 10)],
    }

    def lexical(q, _t):
        with override_settings(NEWSDESK_SEARCH_HYBRID=False):
            return [r.page_id for r in run_search(q, every, page_size=10).results]

    systems["lexical only (baseline)"] = lexical
    print(f"{len(pairs)} documents ({sum(p['origlang'] == 'en' for p in pairs)} English originals)")
    print(f"{'system':32} {'en->ru':>8} {'ru->en':>8} {'both':>8} {'ms/q':>7}")
    for name, system in systems.items():
        found = {"en": [], "ru": []}
        started = time.perf_counter()
        for pair in pairs:
            for source, target in (("en", "ru"), ("ru", "en")):
                query = next(s for s in pair[source] if s.strip())
                top = system(query, target)
                found[source].append(pages[url(pair, target)] in top)
        ms = (time.perf_counter() - started) * 1000 / (2 * len(pairs))
        en, ru = statistics.mean(found["en"]), statistics.mean(found["ru"])
        print(f"{name:32} {en:8.3f} {ru:8.3f} {(en + ru) / 2:8.3f} {ms:7.1f}")


if __name__ == "__main__":
    main()
