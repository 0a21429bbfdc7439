"""Search speed at archive scale: index build time and p50/p95 query latency, with a baseline.

    .venv/bin/python benchmarks/search_speed.py [--articles 100000]            # SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nd_bench_speed \\
        .venv/bin/python benchmarks/search_speed.py [--articles 100000]

Builds a corpus of N articles from the real paragraphs in ../shared/data (Russian paragraphs of
ru-news-kw-eval, English sentences of WMT21 grouped into paragraphs; ~80 % Russian), each article
a title sentence plus four paragraphs drawn with a fixed seed. Page rows are bulk-created (the
benchmark measures search, not Wagtail's page creation), then indexed with
`search.indexing.store_documents` exactly as the import command does.

Baseline measured in the same run on the same text: the database's own full-text search
without our analysis -- an FTS5 table over the raw text (unicode61) on SQLite, a GIN-indexed
tsvector with the 'russian' configuration on PostgreSQL. Latency is measured in this process
(the server's work), per query: Newsdesk `find` (count + ranked top 10, what the API needs
before rendering) against the baseline's count + ranked top 10, and Newsdesk's whole
`run_search` (including highlighted snippets and URLs) on its own.

"Don't Miss" at archive scale: a few hundred real articles (ArticlePages made by the import
service from ru-news-kw-eval) join the archive; their neighbours are computed with
`search.related.compute_all` over the whole index (time per article reported), and their
pages are rendered in this process with the stored "Don't Miss" list and with the block
switched off, cold (cache cleared before every request) and warm. The stored list for the
render test holds the nearest *imported* articles (cosine of the stored TF-IDF vectors):
the synthetic archive rows are bare pages that a card cannot show.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = (
        f"sqlite:///{Path(tempfile.gettempdir()) / 'nd_bench_speed.sqlite3'}"
    )

import django  # noqa: E402

django.setup()

import search_breakdown  # noqa: E402
import speed_vectors  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from core.testing.shared_data import shared_data_root  # noqa: E402
from newsroom import importing  # noqa: E402
from search import indexing, related  # noqa: E402
from search.analysis import analyze_query  # noqa: E402
from search.backends import SearchFilters  # noqa: E402
from search.models import ImportedArticle, IndexEntry, RelatedArticles  # noqa: E402
from search.query import find, run_search  # noqa: E402
from search.semantic.service import _query_vector as query_vector_cache  # noqa: E402
from search.typos import correct_typos  # noqa: E402

SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z]{5,}")
BATCH = 1_000


def paragraphs() -> tuple[list[str], list[str], list[str]]:
    """Russian paragraphs (with the url of the article each comes from) and English ones."""
    root = shared_data_root()
    ru: list[str] = []
    ru_urls: list[str] = []
    folder = root / "ru-news-kw-eval"
    import json

    for name in ("ng_0", "ng_1", "russia_today_0", "russia_today_7"):
        with zipfile.ZipFile(folder / f"{name}.jsonlines.zip") as archive:
            text = archive.read(archive.namelist()[0]).decode("utf-8")
        for line in text.splitlines():
            if line.strip():
                doc = json.loads(line)
                for para in doc["content"].split("\n"):
                    if len(para) >= 80:
                        ru.append(para.strip())
                        ru_urls.append(doc["url"])
    en_lines = []
    wmt = root / "wmt21-news-en-ru"
    for name in ("newstest2021.en-ru.src.en", "newstest2021.ru-en.ref.A.en"):
        en_lines += [s.strip() for s in (wmt / name).read_text("utf-8").splitlines() if s.strip()]
    en = [" ".join(en_lines[i : i + 3]) for i in range(0, len(en_lines) - 2, 3)]
    return ru, en, ru_urls


def corpus_indexed(n: int, ru: list[str], en: list[str]):
    """(i, language, title paragraph index, body paragraph indexes, published) per article."""
    rng = random.Random(100)
    start = timezone.now() - timedelta(days=3650)
    for i in range(n):
        language = "en" if rng.random() < 0.2 else "ru"
        size = len(en if language == "en" else ru)
        # rng.choice(range(size)) draws exactly as rng.choice(pool) did: the same corpus.
        body = [rng.choice(range(size)) for _ in range(4)]
        title = rng.choice(range(size))
        yield i, language, title, body, start + timedelta(minutes=53 * i)


def corpus(n: int, ru: list[str], en: list[str]):
    for i, language, title, body, published in corpus_indexed(n, ru, en):
        pool = en if language == "en" else ru
        yield (
            i,
            language,
            SENTENCE_RE.split(pool[title])[0][:140],
            "\n".join(pool[k] for k in body),
            published,
        )


def create_pages(n: int, languages: dict[str, Locale]) -> list[int]:
    """Bulk-create bare Page rows under the tree root (the index references page ids)."""
    root = Page.get_first_root_node()
    content_type = ContentType.objects.get_for_model(Page)
    first = root.numchild + 1
    ids = []
    for start in range(0, n, BATCH):
        pages = []
        for k in range(start, min(n, start + BATCH)):
            path = Page._get_path(root.path, 2, first + k)
            pages.append(
                Page(
                    title=f"bench {k}",
                    draft_title=f"bench {k}",
                    slug=f"bench-{k}",
                    content_type=content_type,
                    locale=languages["ru"],
                    path=path,
                    depth=2,
                    numchild=0,
                    url_path=f"/bench-{k}/",
                    live=True,
                    translation_key=uuid.uuid4(),
                )
            )
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
        ids.extend(p.pk for p in created)
    Page.objects.filter(pk=root.pk).update(numchild=root.numchild + n)
    return ids


def build_newsdesk(ids: list[int], docs) -> float:
    started = time.perf_counter()
    batch = []
    for (i, language, title, body, published), page_id in zip(docs, ids, strict=True):
        batch.append(indexing.IndexDocument(page_id, language, None, published, title, body))
        if len(batch) >= BATCH:
            indexing.store_documents(batch, update_stats=False)
            batch = []
            if (i + 1) % 10_000 == 0:
                print(f"  indexed {i + 1} ({time.perf_counter() - started:.0f} s)", flush=True)
    if batch:
        indexing.store_documents(batch, update_stats=False)
    indexing.recompute_term_stats()
    return time.perf_counter() - started


def build_baseline(reuse: bool) -> float | None:
    started = time.perf_counter()
    table = "bench_raw_fts" if connection.vendor == "sqlite" else "bench_russian"
    if reuse and table in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS bench_raw_fts")
            cursor.execute(
                "CREATE VIRTUAL TABLE bench_raw_fts USING fts5(title, body, tokenize='unicode61')"
            )
            cursor.execute(
                "INSERT INTO bench_raw_fts(rowid, title, body) "
                "SELECT page_id, title, body FROM search_indexentry"
            )
        else:
            cursor.execute("DROP TABLE IF EXISTS bench_russian")
            cursor.execute(
                "CREATE TABLE bench_russian AS SELECT page_id, language, published_at, "
                "setweight(to_tsvector('russian', title), 'A') || "
                "setweight(to_tsvector('russian', body), 'B') AS v FROM search_indexentry"
            )
            cursor.execute("CREATE INDEX bench_russian_v ON bench_russian USING gin (v)")
            cursor.execute("ANALYZE bench_russian")
    return time.perf_counter() - started


def baseline_query(text: str, language: str) -> None:
    words = [w for w in re.findall(r"\w+", text)]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = " AND ".join('"' + w.replace('"', "") + '"' for w in words)
            cursor.execute(
                "SELECT count(*) FROM bench_raw_fts WHERE bench_raw_fts MATCH %s", [match]
            )
            cursor.fetchone()
            cursor.execute(
                "SELECT rowid FROM bench_raw_fts WHERE bench_raw_fts MATCH %s "
                "ORDER BY bm25(bench_raw_fts, 5.0, 1.0) LIMIT 10",
                [match],
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM bench_russian, plainto_tsquery('russian', %s) q "
                "WHERE v @@ q AND language = %s",
                [text, language],
            )
            cursor.fetchone()
            cursor.execute(
                "SELECT page_id FROM bench_russian, plainto_tsquery('russian', %s) q "
                "WHERE v @@ q AND language = %s ORDER BY ts_rank(v, q) DESC, "
                "published_at DESC LIMIT 10",
                [text, language],
            )
        cursor.fetchall()


def newsdesk_find(text: str, language: str) -> None:
    parsed = analyze_query(text)
    correct_typos(parsed.all_words)
    find(parsed, SearchFilters(languages=(language,)), 0, 10)


def newsdesk_full(text: str, language: str) -> None:
    run_search(text, SearchFilters(languages=(language,)))


def make_queries(count: int) -> list[tuple[str, str]]:
    rng = random.Random(5)
    # A seeded sample of the synthetic archive (not the imported real articles), so every run
    # and both databases time the same queries.
    imported = set(ImportedArticle.objects.values_list("page_id", flat=True))
    ids = sorted(set(IndexEntry.objects.values_list("page_id", flat=True)) - imported)
    chosen = rng.sample(ids, min(len(ids), count * 2))
    titles = dict(IndexEntry.objects.filter(pk__in=chosen).values_list("page_id", "title"))
    languages = dict(IndexEntry.objects.filter(pk__in=chosen).values_list("page_id", "language"))
    rows = [(titles[pk], languages[pk]) for pk in chosen]
    queries = []
    for title, language in rows:
        words = WORD_RE.findall(title)
        if not words:
            continue
        if rng.random() < 0.6:
            queries.append((rng.choice(words).lower(), language))
        else:
            k = rng.randrange(len(words))
            queries.append((" ".join(words[k : k + 2]).lower(), language))
        if len(queries) >= count:
            break
    return queries


def latency(fn, queries, *, fresh_queries: bool = False) -> tuple[float, float]:
    for text, language in queries[:20]:
        fn(text, language)  # warm caches
    if fresh_queries:  # every query's embedding computed once, as for a query never seen
        query_vector_cache.cache_clear()
    times = []
    for text, language in queries:
        started = time.perf_counter()
        fn(text, language)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return p50, p95


def import_real_articles(count: int) -> list[int]:
    """Import `count` real articles as ArticlePages (idempotent on url) and index them."""
    existing = list(ImportedArticle.objects.values_list("page_id", flat=True))
    if len(existing) >= count:
        ids = existing[:count]
        indexed = set(IndexEntry.objects.filter(pk__in=ids).values_list("page_id", flat=True))
        if len(indexed) < len(ids):  # a fresh build emptied the index
            indexing.index_page_ids([pk for pk in ids if pk not in indexed])
        return ids
    folder = shared_data_root() / "ru-news-kw-eval"
    with zipfile.ZipFile(folder / "ng_0.jsonlines.zip") as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    import json

    lines = []
    for raw in text.splitlines()[:count]:
        doc = json.loads(raw)
        lines.append(
            json.dumps(
                {
                    "title": doc["title"] or doc["content"][:80],
                    "body": doc["content"],
                    "language": "ru",
                    "published_at": timezone.now().date().isoformat(),
                    "section": "archive",
                    "url": doc["url"],
                },
                ensure_ascii=False,
            )
        )
    report = importing.import_lines(lines)
    indexing.index_page_ids(report.created_ids)
    return list(ImportedArticle.objects.values_list("page_id", flat=True))[:count]


def store_neighbours_among(ids: list[int]) -> None:
    """Stored "Don't Miss" of each page := its nearest pages among `ids` (see module doc)."""
    vectors = dict(RelatedArticles.objects.filter(pk__in=ids).values_list("page_id", "vector"))
    for pk in ids:
        mine = vectors.get(pk) or {}
        nearest = sorted(
            (q for q in ids if q != pk and vectors.get(q)),
            key=lambda q: related.cosine(mine, vectors[q]),
            reverse=True,
        )[: related.STORED_COUNT]
        RelatedArticles.objects.filter(pk=pk).update(related_ids=nearest)


def page_render_times(urls: list[str], cold: bool) -> list[float]:
    """Render each page in this process. Cold clears the cache before every request; warm
    clears it, renders the page once and times the second render (page by page: the test
    settings' LocMemCache keeps only 300 entries, fewer than 100 pages' fragments)."""
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    times = []
    for url in urls:
        cache.clear()
        if not cold:
            client.get(url)
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return times


def dont_miss(count: int, rounds: int = 3, compute: bool = True) -> None:
    from unittest import mock

    from articles.models import ArticlePage

    ids = import_real_articles(count)
    if compute:
        started = time.perf_counter()
        related.compute_all(ids)
        elapsed = time.perf_counter() - started
        print(
            f"\nDon't Miss computed for {len(ids)} articles over {IndexEntry.objects.count()} "
            f"indexed: {elapsed:.1f} s ({elapsed / max(len(ids), 1) * 1000:.0f} ms/article)"
        )
    store_neighbours_among(ids)
    urls = [ArticlePage.objects.get(pk=pk).url for pk in ids[:100]]
    page_render_times(urls[:10], cold=True)  # imports, templates, connections
    print(f"Article page, {len(urls)} pages, in-process, best of {rounds} (ms)  median    p95")
    for cold in (True, False):
        temperature = "cold" if cold else "warm"
        runs: dict[str, list[list[float]]] = {"with Don't Miss": [], "without": []}
        for _ in range(rounds):  # alternate, so machine load drifts hit both alike
            runs["with Don't Miss"].append(page_render_times(urls, cold))
            with mock.patch("articles.related.related_articles", return_value=[]):
                runs["without"].append(page_render_times(urls, cold))
        medians = {}
        for label, timings in runs.items():
            times = sorted(min(per_page) for per_page in zip(*timings, strict=True))
            medians[label] = statistics.median(times)
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(f"  {temperature} cache, {label:32} {medians[label]:7.1f} {p95:7.1f}")
        ratio = medians["with Don't Miss"] / medians["without"]
        print(f"  ratio with/without Don't Miss ({temperature}, medians): {ratio:.2f}")


def hybrid_on(on: bool):
    settings.NEWSDESK_SEARCH_HYBRID = on


def newsdesk_find_lexical(text: str, language: str) -> None:
    parsed = analyze_query(text)
    correct_typos(parsed.all_words)
    find(parsed, SearchFilters(languages=(language,)), 0, 10, hybrid=False)


def report_speed(queries: list[tuple[str, str]], label: str, breakdown: bool) -> None:
    """Latency in this process, lexical and hybrid, rounds alternated (machine load drifts)."""
    rows: dict[str, list[tuple[float, float]]] = {}

    def measure(name: str, fn, hybrid: bool, fresh: bool = False) -> None:
        hybrid_on(hybrid)
        rows.setdefault(name, []).append(latency(fn, queries, fresh_queries=fresh))

    for _round in range(2):
        measure("Newsdesk find, lexical only", newsdesk_find_lexical, False)
        measure("Baseline " + label, baseline_query, False)
        measure("run_search, lexical only", newsdesk_full, False)
        measure("run_search, hybrid (new queries)", newsdesk_full, True, fresh=True)
        measure("run_search, hybrid (repeated)", newsdesk_full, True)
        measure("find, hybrid (new queries)", newsdesk_find, True, fresh=True)
    hybrid_on(True)
    n = IndexEntry.objects.count()
    print(f"\n{len(queries)} queries over {n} articles (ms, in-process, best of 2 rounds)")
    print(f"{'':38} {'p50':>7} {'p95':>7}")
    best = {name: (min(r[0] for r in runs), min(r[1] for r in runs)) for name, runs in rows.items()}
    for name, (p50, p95) in best.items():
        print(f"{name:38} {p50:7.1f} {p95:7.1f}")
    lexical, hybrid = best["run_search, lexical only"], best["run_search, hybrid (new queries)"]
    ratios = f"p50 x{hybrid[0] / lexical[0]:.2f}, p95 x{hybrid[1] / lexical[1]:.2f}"
    print(f"hybrid/lexical run_search (new queries): {ratios}")
    if breakdown:
        query_vector_cache.cache_clear()
        search_breakdown.breakdown(newsdesk_full, queries)


def report_sizes() -> None:
    """Lexical and semantic index sizes in the database and on disk; this process's memory."""
    from search.semantic import ann

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":  # tables and their indexes, each its own b-tree
            cursor.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
        else:  # pg_total_relation_size: the table with its indexes and TOAST
            cursor.execute(
                "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r'"
            )
        sizes = cursor.fetchall()
    lexical = ("search_indexentry", "search_inde_", "search_fts", "search_termstat")
    lexical += ("search_vocabularyterm", "search_termbitmap")
    semantic = ("search_semanticvector", "search_semantic_changes")
    for name, prefixes in (("lexical", lexical), ("semantic (table)", semantic)):
        size = sum(int(b or 0) for table, b in sizes if table.startswith(prefixes))
        print(f"{name + ' index size':34} {size / 1e6:8.1f} MB")
    index = ann.index_for("page")
    path = Path(settings.NEWSDESK_SEMANTIC_INDEX_DIR) / "page.usearch"
    disk = path.stat().st_size if path.exists() else 0
    print(
        f"{'semantic ANN index (usearch)':34} {disk / 1e6:8.1f} MB file, "
        f"{index.memory_bytes / 1e6:.1f} MB in memory, {len(index)} vectors"
    )
    print(f"{'this process resident (RSS)':34} {rss_mb():8.0f} MB (Django, encoder, ANN index)")


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def default_ann_dir() -> Path:
    name = Path(str(connection.settings_dict["NAME"])).stem
    return Path(tempfile.gettempdir()) / f"nd_speed_ann_{connection.vendor}_{name}"


def build_archive(args) -> None:
    """N synthetic articles: bare pages, the lexical index, then the semantic vectors."""
    from unittest import mock

    from search.models import SemanticVector
    from search.semantic import store as semantic_store

    indexing.drop_term_bitmaps()  # or deleting 100,000 entries updates them row by row
    IndexEntry.objects.all().delete()
    SemanticVector.objects.filter(kind="page").delete()
    ru, en, ru_urls = paragraphs()
    print(f"{len(ru)} Russian and {len(en)} English paragraphs to draw from")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru")}
    ids = create_pages(args.articles, locales)
    docs = list(corpus(args.articles, ru, en))
    if args.vectors == "embedded":
        build_time = build_newsdesk(ids, iter(docs))
        print(
            f"Newsdesk index build: {build_time:.1f} s for {args.articles} articles "
            f"({args.articles / build_time:.0f} articles/s, analysis and embedding included)"
        )
    else:
        with mock.patch.object(semantic_store, "store_texts", return_value=0):
            build_time = build_newsdesk(ids, iter(docs))
        print(
            f"Newsdesk lexical index build: {build_time:.1f} s for {args.articles} articles "
            f"({args.articles / build_time:.0f} articles/s, analysis included)"
        )
        ru_vectors, en_vectors = speed_vectors.paragraph_vectors(ru_urls, en, args.vectors_from)
        rows = (
            (page_id, language, title, body, doc[2], doc[3])
            for (_, language, title, body, _), doc, page_id in zip(
                corpus_indexed(args.articles, ru, en), docs, ids, strict=True
            )
        )
        seconds = speed_vectors.store_derived(rows, ru_vectors, en_vectors)
        print(f"semantic vectors (derived, see speed_vectors.py) stored in {seconds:.0f} s")
    sample = [(d[2], d[3], d[1]) for d in docs[:: max(1, len(docs) // 300)]]
    per = speed_vectors.encoder_cost(sample)
    print(
        f"encoder: {per:.1f} ms per article measured on {len(sample)} of them, so embedding "
        f"all {args.articles} takes ~{per * args.articles / 1000:.0f} s (the semantic build)"
    )


def adopt_ann(source: Path, directory: Path) -> None:
    """Use the ANN file another database's build saved, when its vectors are this database's
    (the same corpus built with the same seeds: the page ids and derived vectors match).
    Checked on a sample of keys; the watermark becomes this table's newest stamp."""
    import json
    import shutil

    import numpy as np
    from usearch.index import Index

    from search.models import SemanticVector

    directory.mkdir(parents=True, exist_ok=True)
    index = Index.restore(str(source / "page.usearch"))
    rows = SemanticVector.objects.filter(kind="page", live=True).order_by("?")[:500]
    for key, data in rows.values_list("key", "vector"):
        stored = index.get(np.uint64(key), dtype=np.int8)
        if stored is None or stored.tobytes() != bytes(data):
            raise SystemExit(f"{source}: vector of page {key} differs; build without --ann-from")
    meta = json.loads((source / "page.json").read_text())
    newest = SemanticVector.objects.filter(kind="page").order_by("-updated_at").first()
    meta["watermark"] = newest.updated_at.isoformat() if newest else None
    shutil.copyfile(source / "page.usearch", directory / "page.usearch")
    (directory / "page.json").write_text(json.dumps(meta))
    print(f"ANN index adopted from {source} (500 sampled vectors identical)")


def build_ann(reuse: bool, ann_from: Path | None = None) -> None:
    """The ANN index: built from the table and saved (unless a saved one is reused), loaded."""
    from search.semantic import ann

    directory = Path(settings.NEWSDESK_SEMANTIC_INDEX_DIR)
    path = directory / "page.usearch"
    if ann_from and not path.exists():
        adopt_ann(ann_from, directory)
    if not (reuse and path.exists()):
        for old in directory.glob("page.*"):
            old.unlink()
        settings.NEWSDESK_SEMANTIC_INDEX_DIR = ""
        ann.reset_all()
        started = time.perf_counter()
        ann.index_for("page").ensure_loaded()
        print(f"ANN index built from the table in {time.perf_counter() - started:.1f} s")
        settings.NEWSDESK_SEMANTIC_INDEX_DIR = str(directory)
        ann.index_for("page").save()
    ann.reset_all()
    started = time.perf_counter()
    ann.index_for("page").ensure_loaded()
    print(
        f"ANN index ({len(ann.index_for('page'))} vectors) loaded from {path} and synced in "
        f"{time.perf_counter() - started:.2f} s; file {path.stat().st_size / 1e6:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--reuse", action="store_true", help="reuse an index already built")
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="with --reuse: only the article page timing (neighbours already computed)",
    )
    parser.add_argument(
        "--rank-candidates",
        type=int,
        default=None,
        help="override the backend's ranking cap (RANK_CANDIDATES) to see its cost",
    )
    parser.add_argument(
        "--dont-miss-articles",
        type=int,
        default=300,
        help="real articles imported to time Don't Miss (0 skips that part)",
    )
    parser.add_argument(
        "--vectors",
        choices=("derived", "embedded"),
        default="derived",
        help="semantic vectors of the synthetic articles (see benchmarks/speed_vectors.py)",
    )
    parser.add_argument(
        "--vectors-from",
        type=Path,
        default=Path(tempfile.gettempdir()) / "nd_bench_kw.sqlite3",
        help="SQLite file with ru-news-kw-eval imported (search_http.py --keep-database)",
    )
    parser.add_argument(
        "--ann-dir",
        type=Path,
        default=None,
        help="where the ANN index file is saved and loaded (default: beside the database)",
    )
    parser.add_argument(
        "--ann-from",
        type=Path,
        help="with --reuse: adopt the ANN file of the other database's identical build",
    )
    parser.add_argument("--build-only", action="store_true", help="build, then stop")
    parser.add_argument(
        "--breakdown", action="store_true", help="time each step of a hybrid run_search"
    )
    args = parser.parse_args()
    settings.NEWSDESK_SEMANTIC_INDEX_DIR = str(args.ann_dir or default_ann_dir())
    # Production's sync interval, not the test settings' 0 (a database query per search).
    settings.NEWSDESK_SEMANTIC_SYNC_SECONDS = 2.0

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    from search.backends import get_backend

    if args.rank_candidates:
        type(get_backend()).RANK_CANDIDATES = args.rank_candidates
    print(f"ranking cap: the newest {get_backend().RANK_CANDIDATES} matches of a query")
    existing = IndexEntry.objects.count()
    if args.reuse and existing:
        print(f"reusing {existing} indexed articles")
    else:
        build_archive(args)
    build_ann(args.reuse, args.ann_from)
    base_time = build_baseline(args.reuse)
    label = "FTS5 raw text" if connection.vendor == "sqlite" else "PostgreSQL 'russian'"
    if base_time is not None:
        print(f"Baseline ({label}) index build: {base_time:.1f} s (text already in the database)")

    if args.build_only:
        return
    if args.pages_only:
        dont_miss(args.dont_miss_articles or 300, compute=False)
        return
    queries = make_queries(args.queries)
    report_speed(queries, label, args.breakdown)
    report_sizes()
    if args.dont_miss_articles:
        dont_miss(args.dont_miss_articles)


if __name__ == "__main__":
    main()
