"""PostgreSQL term bitmaps under concurrent publishing and bulk import, with and without them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nd_layers_twins_bench \\
        .venv/bin/python benchmarks/search_write_contention.py [--articles 20000] \\
        [--writers 4] [--writes 200] [--import-articles 1000] [--queries 300] [--reuse]

The bitmap trigger (search migration 0006) rewrites, on every index write, the bitmap row of
every common term the article holds and of its language ("~lang:ru"), so every writer in a
language updates one shared row and holds its lock until commit. This script measures what
that costs, each figure with the trigger enabled and disabled (`ALTER TABLE ... DISABLE
TRIGGER`, the baseline) in the same run, on the same synthetic archive as
`benchmarks/search_speed.py` (real paragraphs from ../shared/data):

- publishing: W writer processes each re-index their own articles, one `store_documents`
  transaction per write exactly as the publish task does (term statistics included); 1 writer
  and W writers, so "does W writers' throughput scale" answers "do they serialize". The
  analysis is done beforehand (it is CPU outside the transaction, and 2 shared cores would
  hide the database behind it). While writers run, pg_stat_activity is sampled every 5 ms:
  the share of writer samples waiting on a lock, and on which relation;
- bulk import: new articles in batches of 200 (`store_documents(update_stats=False)`, as
  `index_page_ids` does below the bulk-load threshold), trigger on vs off, and the full
  `recompute_term_stats` that a bulk load above the threshold runs instead;
- reading: `find` p50/p95 with the bitmaps and with them dropped (the GIN path), over all
  seeded queries and over those whose every word has a common term (the bitmap path).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    raise SystemExit("DATABASE_URL must name a PostgreSQL database (see the module doc)")

import search_speed as speed  # noqa: E402 - sets up Django
from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, connection, connections  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from search import indexing  # noqa: E402
from search.analysis import analyze_query  # noqa: E402
from search.models import IndexEntry, TermBitmap  # noqa: E402

TRIGGER = "search_indexentry_bitmap_trg"
WRITER_APP = "nd_bench_writer"

# Filled in the parent before forking: analysed entries and vocabulary forms per document.
_ENTRIES: dict[tuple[int, str], object] = {}
_FORMS: dict[tuple[str, str], set[str]] = {}


def set_trigger(enabled: bool) -> None:
    with connection.cursor() as cursor:
        state = "ENABLE" if enabled else "DISABLE"
        cursor.execute(f"ALTER TABLE search_indexentry {state} TRIGGER {TRIGGER}")  # noqa: S608


def preanalyse(documents) -> None:
    for document in documents:
        _ENTRIES[(document.page_id, document.title)] = indexing.entry_for(document)
        _FORMS[(document.title, document.body)] = indexing.vocabulary_forms(
            document.title, document.body
        )


def use_preanalysed() -> None:
    """In a writer: store_documents reads the entries analysed by the parent."""
    indexing.entry_for = lambda d: _ENTRIES[(d.page_id, d.title)]
    indexing.vocabulary_forms = lambda title, body: _FORMS[(title, body)]


def rewrite_documents(ids: list[int], variant: int, ru, en) -> list:
    """New text for existing articles (a re-publish that changes the body)."""
    rng = random.Random(variant)
    documents = []
    for page_id in ids:
        language = "en" if rng.random() < 0.2 else "ru"
        pool = en if language == "en" else ru
        title = f"{speed.SENTENCE_RE.split(rng.choice(pool))[0][:120]} v{variant}"
        body = "\n".join(rng.choice(pool) for _ in range(4))
        documents.append(
            indexing.IndexDocument(page_id, language, None, speed.timezone.now(), title, body)
        )
    return documents


def writer(documents, queue, update_stats: bool = True) -> None:
    connections["default"].close()
    use_preanalysed()
    with connection.cursor() as cursor:
        cursor.execute(f"SET application_name = '{WRITER_APP}'")
    times, retries = [], 0
    for document in documents:
        started = time.perf_counter()
        while True:
            try:
                indexing.store_documents([document], update_stats=update_stats)
                # As the publish task does after the write (a fold already running skips).
                if hasattr(indexing, "fold_pending_bitmaps"):
                    indexing.fold_pending_bitmaps()
                break
            except OperationalError:  # a deadlock: the task queue would retry it
                retries += 1
        times.append(time.perf_counter() - started)
    connection.close()
    queue.put((times, retries))


class LockSampler(threading.Thread):
    """Samples the writers' wait events from its own connection until stopped."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.samples = 0
        self.waits: Counter = Counter()

    def run(self) -> None:
        connections["default"].close()  # a connection of this thread's own
        with connection.cursor() as cursor:
            while not self.stop.is_set():
                cursor.execute(
                    "SELECT a.wait_event_type, a.wait_event, "
                    "(SELECT l.relation::regclass::text FROM pg_locks l "
                    " WHERE l.pid = a.pid AND NOT l.granted LIMIT 1), "
                    "(SELECT string_agg(DISTINCT b.relation::regclass::text, ',') "
                    " FROM pg_locks w JOIN pg_locks b ON b.transactionid = w.transactionid "
                    " AND b.granted AND b.pid <> a.pid AND b.locktype = 'transactionid' "
                    " WHERE w.pid = a.pid AND NOT w.granted) "
                    "FROM pg_stat_activity a WHERE a.application_name = %s AND a.state = 'active'",
                    [WRITER_APP],
                )
                for wait_type, event, relation, _ in cursor.fetchall():
                    self.samples += 1
                    if wait_type == "Lock":
                        self.waits[f"{event} {relation or ''}".strip()] += 1
                time.sleep(0.005)
        connection.close()


def run_writers(batches: list[list], update_stats: bool = True) -> dict:
    connections.close_all()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    processes = [context.Process(target=writer, args=(b, queue, update_stats)) for b in batches]
    sampler = LockSampler()
    sampler.start()
    started = time.perf_counter()
    for process in processes:
        process.start()
    answers = [queue.get() for _ in processes]
    times = [t for answer, _ in answers for t in answer]
    retries = sum(r for _, r in answers)
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    failed = [p.exitcode for p in processes if p.exitcode]
    if failed:
        raise SystemExit(f"writer failed: exit codes {failed}")
    times.sort()
    lock_samples = sum(sampler.waits.values())
    return {
        "writes": len(times),
        "seconds": elapsed,
        "per_second": len(times) / elapsed,
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": times[int(len(times) * 0.95)] * 1000,
        "lock_share": lock_samples / sampler.samples if sampler.samples else 0.0,
        "top_waits": sampler.waits.most_common(3),
        "deadlocks": retries,
    }


def publishing(args, ids, ru, en) -> None:
    stats = "without" if args.no_stats else "with"
    print(
        f"\nPublishing: re-index, one transaction per write ({args.writes} writes per writer, "
        f"{stats} term statistics)"
    )
    print(
        f"  {'trigger':8} {'writers':>7} {'writes/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'lock-wait share':>16} {'deadlocks':>9}  top waits"
    )
    rng = random.Random(7)
    variant = 1
    results = {}
    for writers in (1, args.writers):
        for enabled in (True, False):  # baseline measured right after, same data
            chosen = rng.sample(ids, writers * args.writes)
            documents = rewrite_documents(chosen, variant, ru, en)
            variant += 1
            preanalyse(documents)
            batches = [documents[k::writers] for k in range(writers)]
            set_trigger(enabled)
            result = run_writers(batches, update_stats=not args.no_stats)
            set_trigger(True)
            results[(enabled, writers)] = result
            print(
                f"  {'on' if enabled else 'off':8} {writers:>7} {result['per_second']:>9.1f} "
                f"{result['p50_ms']:>8.1f} {result['p95_ms']:>8.1f} "
                f"{result['lock_share']:>15.0%} {result['deadlocks']:>9}  {result['top_waits']}",
                flush=True,
            )
    for enabled in (True, False):
        scale = results[(enabled, args.writers)]["per_second"] / results[(enabled, 1)]["per_second"]
        label = "on " if enabled else "off"
        print(f"  trigger {label}: {args.writers} writers / 1 writer throughput x{scale:.2f}")
    for writers in (1, args.writers):
        ratio = results[(True, writers)]["per_second"] / results[(False, writers)]["per_second"]
        print(f"  {writers} writer(s): throughput with trigger / without x{ratio:.2f}")


def bulk_import(args, ru, en, locales) -> None:
    print(f"\nBulk import: {args.import_articles} new articles in batches of 200")
    for enabled in (True, False):
        ids = speed.create_pages(args.import_articles, locales)
        documents = rewrite_documents(ids, 1000 + int(enabled), ru, en)
        entries_started = time.perf_counter()
        preanalyse(documents)
        analysis = time.perf_counter() - entries_started
        set_trigger(enabled)
        saved = indexing.entry_for, indexing.vocabulary_forms
        use_preanalysed()
        started = time.perf_counter()
        for start in range(0, len(documents), 200):
            indexing.store_documents(documents[start : start + 200], update_stats=False)
        elapsed = time.perf_counter() - started
        indexing.entry_for, indexing.vocabulary_forms = saved
        set_trigger(True)
        print(
            f"  trigger {'on ' if enabled else 'off'}: {elapsed:.1f} s "
            f"({len(documents) / elapsed:.0f} articles/s; analysis beforehand {analysis:.1f} s)",
            flush=True,
        )
    started = time.perf_counter()
    indexing.recompute_term_stats()
    print(
        f"  recompute_term_stats (what a bulk load above the threshold runs instead): "
        f"{time.perf_counter() - started:.1f} s for {IndexEntry.objects.count()} articles"
    )


def common_queries(queries) -> list:
    stored = set(TermBitmap.objects.values_list("term", flat=True))
    chosen = []
    for text, language in queries:
        groups = [set(word.terms) for word in analyze_query(text).all_words]
        if groups and all(g & stored for g in groups):
            chosen.append((text, language))
    return chosen


def reading(args) -> None:
    indexing.recompute_term_stats()
    queries = speed.make_queries(args.queries)
    common = common_queries(queries)
    print(
        f"\nReading: find (count + top 10), {len(queries)} queries, {len(common)} of them "
        f"with a common term in every word (ms)"
    )
    for label, build in (("with bitmaps", False), ("without (GIN)", True), ("with bitmaps", False)):
        if build:
            indexing.drop_term_bitmaps()
        else:
            indexing.recompute_term_stats()
        every = speed.latency(speed.newsdesk_find, queries)
        only_common = speed.latency(speed.newsdesk_find, common) if common else (0.0, 0.0)
        print(
            f"  {label:14} all p50 {every[0]:6.1f} p95 {every[1]:6.1f} | "
            f"common p50 {only_common[0]:6.1f} p95 {only_common[1]:6.1f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--import-articles", type=int, default=1_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--reuse", action="store_true", help="reuse an index already built")
    parser.add_argument(
        "--no-stats",
        action="store_true",
        help="publishing writes skip the term statistics (TermStat rows are shared too, so "
        "they serialize writers on their own; this isolates the bitmap trigger)",
    )
    parser.add_argument("--skip", nargs="*", default=[], choices=["publish", "import", "read"])
    args = parser.parse_args()

    print(f"database: {connection.settings_dict['NAME']}; load average {os.getloadavg()}")
    call_command("migrate", verbosity=0)
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru")}
    ru, en = speed.paragraphs()
    if not (args.reuse and IndexEntry.objects.exists()):
        indexing.drop_term_bitmaps()
        IndexEntry.objects.all().delete()
        ids = speed.create_pages(args.articles, locales)
        build = speed.build_newsdesk(ids, speed.corpus(args.articles, ru, en))
        print(f"built {args.articles} articles in {build:.0f} s")
    indexing.recompute_term_stats()
    ids = list(IndexEntry.objects.values_list("page_id", flat=True))
    print(
        f"{len(ids)} articles indexed, {TermBitmap.objects.count()} bitmaps "
        f"(terms in >= {indexing.COMMON_TERM_DOCUMENTS} articles, and languages)"
    )
    if "publish" not in args.skip:
        publishing(args, ids, ru, en)
    if "import" not in args.skip:
        bulk_import(args, ru, en, locales)
    if "read" not in args.skip:
        reading(args)
    print(f"load average at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
