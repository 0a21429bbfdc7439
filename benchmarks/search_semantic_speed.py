"""The semantic index's cost: results page with hybrid on vs off, ANN build/load, size, memory.

    DATABASE_URL=sqlite:////tmp/nd_bench_quality.sqlite3 \\
        .venv/bin/python benchmarks/search_semantic_speed.py [--queries 200] [--synthetic 100000]

Runs over whatever archive the database holds (e.g. the ru-news-kw-eval corpus that
benchmarks/search_quality.py imports). In one run: p50/p95 of the whole results page
(`/ru/search/?q=`, test client, in-process) with hybrid ranking on and off, for the same
queries (words of article titles); the ANN index built from the table (time), saved (bytes),
loaded from the file (time); the web process's resident memory before and after loading the
index and the encoder. `--synthetic N` also builds a usearch index of N random int8 vectors of
the same shape to show build/load/search time and memory at that size.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/nd_bench_quality.sqlite3")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from usearch.index import Index  # noqa: E402

from search.models import IndexEntry, SemanticVector  # noqa: E402
from search.semantic import ann  # noqa: E402
from search.semantic.encoding import DIM, embed_query  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def page_times(client: Client, queries: list[str], hybrid: bool) -> list[float]:
    times = []
    with override_settings(NEWSDESK_SEARCH_HYBRID=hybrid, NEWSDESK_SEARCH_RATE_LIMIT=0):
        for query in queries:
            started = time.perf_counter()
            response = client.get("/ru/search/", {"q": query})
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{query!r} answered {response.status_code}")
    return times


def pct(values: list[float], p: float) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * p))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--synthetic", type=int, default=0)
    args = parser.parse_args()
    articles = IndexEntry.objects.count()
    vectors = SemanticVector.objects.filter(kind="page", live=True).count()
    print(f"{articles} indexed articles, {vectors} page vectors")
    base = rss_mb()
    started = time.perf_counter()
    embed_query("загрузка")
    print(f"encoder loaded in {time.perf_counter() - started:.2f} s, +{rss_mb() - base:.0f} MB")
    with (
        tempfile.TemporaryDirectory() as folder,
        override_settings(NEWSDESK_SEMANTIC_INDEX_DIR=folder),
    ):
        before = rss_mb()
        ann.reset_all()
        started = time.perf_counter()
        index = ann.index_for("page")
        index.ensure_loaded()
        build = time.perf_counter() - started
        print(f"ANN built from the table in {build:.2f} s, +{rss_mb() - before:.0f} MB resident")
        path = index.save()
        size = path.stat().st_size if path else 0
        print(f"ANN file {size / 1e6:.1f} MB ({size / max(vectors, 1):.0f} bytes/article)")
        booted = ann.AnnIndex("page")
        started = time.perf_counter()
        booted.ensure_loaded()
        print(f"ANN loaded from the file + synced in {time.perf_counter() - started:.3f} s")
        print(f"web process resident memory with encoder and index: {rss_mb():.0f} MB")

    titles = list(IndexEntry.objects.filter(language="ru").values_list("title", flat=True)[:5000])
    rng = random.Random(5)
    queries = []
    for title in rng.sample(titles, min(args.queries, len(titles))):
        words = [w for w in title.split() if len(w) > 3]
        if words:
            queries.append(" ".join(rng.sample(words, min(len(words), rng.choice([1, 2])))))
    client = Client()
    page_times(client, queries[:20], True)  # warm caches
    lexical = page_times(client, queries, False)
    hybrid = page_times(client, queries, True)
    for name, times in (("lexical only", lexical), ("hybrid", hybrid)):
        print(
            f"results page, {name:12}: p50 {statistics.median(times):6.1f} ms, "
            f"p95 {pct(times, 0.95):6.1f} ms"
        )
    print(
        f"hybrid / lexical: p50 x{statistics.median(hybrid) / statistics.median(lexical):.2f}, "
        f"p95 x{pct(hybrid, 0.95) / pct(lexical, 0.95):.2f} ({len(queries)} queries)"
    )

    if args.synthetic:
        n = args.synthetic
        data = np.random.default_rng(1).standard_normal((n, DIM)).astype(np.float32)
        data /= np.linalg.norm(data, axis=1, keepdims=True)
        quantised = np.clip(np.rint(data * 127), -127, 127).astype(np.int8)
        before = rss_mb()
        synthetic = ann._new_index()
        started = time.perf_counter()
        synthetic.add(np.arange(n, dtype=np.uint64), quantised, threads=2)
        print(
            f"synthetic {n}: build {time.perf_counter() - started:.1f} s (2 threads), "
            f"index memory {synthetic.memory_usage / 1e6:.0f} MB, "
            f"+{rss_mb() - before:.0f} MB resident"
        )
        with tempfile.NamedTemporaryFile(suffix=".usearch") as handle:
            synthetic.save(handle.name)
            started = time.perf_counter()
            Index.restore(handle.name)
            print(
                f"synthetic {n}: file {os.path.getsize(handle.name) / 1e6:.0f} MB, "
                f"load {time.perf_counter() - started:.2f} s"
            )
        started = time.perf_counter()
        for i in range(200):
            synthetic.search(quantised[i], 200)
        print(f"synthetic {n}: search top 200 {(time.perf_counter() - started) * 5:.2f} ms/query")


if __name__ == "__main__":
    main()
