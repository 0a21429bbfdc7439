"""Search quality on ru-news-kw-eval: Newsdesk vs Wagtail's database backend vs PG 'russian'.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nd_bench_quality \\
        .venv/bin/python benchmarks/search_quality.py [--limit N] [--keep]
    .venv/bin/python benchmarks/search_quality.py          # SQLite file in /tmp (no 'russian')

The 3,204 Russian articles of ../shared/data/ru-news-kw-eval are imported with
`newsroom.importing` (exactly what `manage.py import_articles` does) WITHOUT their editors'
keywords. Each keyword carried by 2..30 articles becomes a query, in its dictionary form and in
an inflected form (genitive plural, instrumental, prepositional... made with pymorphy3, every
word of a multi-word keyword agreeing); the articles carrying the keyword are the relevant set.

Reported per system, same corpus, same run:
  R@10  = |top 10 ∩ relevant| / min(|relevant|, 10)   (so 1.0 is reachable)
  MRR   = mean of 1 / rank of the first relevant result (0 if none in the top 10)
  R@50, R@100 likewise (what a reranker over that many candidates could reach)
The keywords are split in two fixed halves (seed SPLIT_SEED; a keyword's inflected form stays
with it): the second-stage ranking weights (search/ranking.py) were tuned on the "tune" half
only, so the "held-out" half is the figure to quote. "Newsdesk, database rank only" is the
same search with the second stage off (query.RERANK_CANDIDATES = 0): the before/after in
one run.
Systems: Newsdesk (`search.query.find`, the code behind /api/search), Wagtail's database search
backend (`ArticlePage.objects.live().search(q)`, as the admin uses it), and on PostgreSQL the
built-in 'russian' configuration (title weight A, body B, ts_rank, websearch_to_tsquery, with
the same "any word when all words find nothing" fallback Newsdesk has).

"Don't Miss": share of the top 4 related articles that share at least one editors' keyword with
the article, Newsdesk's stored content neighbours vs the site's tag/section/recency ranking
(`articles.related` without stored neighbours; the archive has no tags, as keywords are
withheld). Also times the article page with and without stored neighbours.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_SQLITE = Path(tempfile.gettempdir()) / "nd_bench_quality.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{DEFAULT_SQLITE}"

import django  # noqa: E402

django.setup()

import pymorphy3  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from articles.models import ArticlePage  # noqa: E402
from core.testing.shared_data import shared_data_root  # noqa: E402
from newsroom import importing  # noqa: E402
from search import indexing  # noqa: E402
from search import query as search_query  # noqa: E402
from search.analysis import analyze_query  # noqa: E402
from search.backends import SearchFilters  # noqa: E402
from search.models import ImportedArticle, IndexEntry, RelatedArticles  # noqa: E402
from search.query import find  # noqa: E402
from search.related import compute_all  # noqa: E402
from search.semantic.service import search_pages  # noqa: E402
from search.typos import correct_typos  # noqa: E402

FILES = ["ng_0", "ng_1", "russia_today_0", "russia_today_7"]
DATE_RE = re.compile(r"/(\d{4}-\d{2}-\d{2})/")
MIN_RELEVANT, MAX_RELEVANT = 2, 30
SPLIT_SEED = 2026
DEPTH = 100
INFLECTIONS = [{"gent", "plur"}, {"ablt"}, {"loct"}, {"datv"}, {"gent"}]


def load_documents(limit: int | None) -> list[dict]:
    folder = shared_data_root() / "ru-news-kw-eval"
    if not folder.exists():
        sys.exit(f"ru-news-kw-eval not found at {folder}")
    docs = []
    for name in FILES:
        with zipfile.ZipFile(folder / f"{name}.jsonlines.zip") as archive:
            member = archive.namelist()[0]
            for raw in archive.read(member).decode("utf-8").splitlines():
                if raw.strip():
                    docs.append(json.loads(raw))
    for i, doc in enumerate(docs):
        keywords = doc.get("keywords") or []
        if isinstance(keywords, str):
            try:
                keywords = ast.literal_eval(keywords)
            except (ValueError, SyntaxError):
                keywords = []
        doc["keywords"] = sorted({k.strip().lower() for k in keywords if k and k.strip()})
        match = DATE_RE.search(doc["url"])
        doc["published_at"] = match.group(1) if match else f"2018-0{1 + i % 6}-{1 + i % 28:02d}"
        parts = doc["url"].split("/")
        doc["section"] = parts[3] if len(parts) > 4 and parts[3] else "archive"
    return docs[:limit] if limit else docs


def import_corpus(docs: list[dict], related: bool = True) -> dict[str, int]:
    """Import (without keywords) and index; returns url -> page id."""
    existing = dict(ImportedArticle.objects.values_list("url", "page_id"))
    if len(existing) >= len(docs):
        print(f"corpus already imported ({len(existing)} articles), reusing it")
        return existing
    lines = (
        json.dumps(
            {
                "title": d["title"] or d["content"][:80],
                "lead": d.get("summary") or "",
                "body": d["content"],
                "language": "ru",
                "published_at": d["published_at"],
                "section": d["section"],
                "url": d["url"],
            },
            ensure_ascii=False,
        )
        for d in docs
    )
    started = time.perf_counter()
    report = importing.import_lines(lines)
    print(
        f"imported {report.created} articles in {time.perf_counter() - started:.0f} s "
        f"({len(report.errors)} bad rows)"
    )
    started = time.perf_counter()
    indexing.index_page_ids(report.created_ids)
    print(f"indexed in {time.perf_counter() - started:.1f} s")
    if related:
        started = time.perf_counter()
        compute_all(report.created_ids)
        print(f"related computed in {time.perf_counter() - started:.1f} s")
    return dict(ImportedArticle.objects.values_list("url", "page_id"))


_morph = pymorphy3.MorphAnalyzer()


def inflect(phrase: str, grammemes: set[str]) -> str | None:
    words = []
    for word in phrase.split():
        parse = _morph.parse(word)[0]
        form = parse.inflect(grammemes) if parse.tag.POS in {"NOUN", "ADJF", "PRTF"} else None
        words.append(form.word if form else word)
    result = " ".join(words)
    return result if result != phrase else None


def build_queries(docs, url_to_page) -> list[tuple[str, str, set[int]]]:
    by_keyword: dict[str, set[int]] = {}
    for doc in docs:
        page = url_to_page.get(doc["url"])
        if page is None:
            continue
        for keyword in doc["keywords"]:
            by_keyword.setdefault(keyword, set()).add(page)
    queries = []
    rng = random.Random(4)
    for keyword, relevant in sorted(by_keyword.items()):
        if not (MIN_RELEVANT <= len(relevant) <= MAX_RELEVANT):
            continue
        if not re.search(r"[а-яё]", keyword):
            continue
        queries.append(("base", keyword, relevant))
        for grammemes in rng.sample(INFLECTIONS, len(INFLECTIONS)):
            form = inflect(keyword, grammemes)
            if form:
                queries.append(("inflected", form, relevant))
                break
    return queries


def newsdesk_top(query: str, hybrid: bool = False) -> list[int]:
    """Newsdesk's lexical ranking; `hybrid=True` adds the semantic fusion (the site default)."""
    parsed = analyze_query(query)
    correct_typos(parsed.all_words)
    _count, hits, _ = find(
        parsed, SearchFilters(languages=("ru",)), 0, DEPTH, text=query, hybrid=hybrid
    )
    return [h.page_id for h in hits]


def newsdesk_database_rank_top(query: str) -> list[int]:
    saved = search_query.RERANK_CANDIDATES
    search_query.RERANK_CANDIDATES = 0
    try:
        return newsdesk_top(query)
    finally:
        search_query.RERANK_CANDIDATES = saved


def hybrid_top(query: str) -> list[int]:
    return newsdesk_top(query, hybrid=True)


def hybrid_no_expansion_top(query: str) -> list[int]:
    """The fusion without query expansion (search/expansion.py): its before/after."""
    with override_settings(NEWSDESK_SEARCH_EXPANSION=False):
        return newsdesk_top(query, hybrid=True)


def semantic_top(query: str) -> list[int]:
    """The semantic index alone (search.semantic.service.search_pages)."""
    return [h.key for h in search_pages(query, SearchFilters(languages=("ru",)), DEPTH)]


def wagtail_top(query: str) -> list[int]:
    return [p.pk for p in ArticlePage.objects.live().search(query)[:DEPTH]]


def split_halves(queries) -> dict[frozenset, str]:
    """relevant set -> "tune" / "held-out": a fixed shuffle of the keywords, halved."""
    keys = sorted({frozenset(rel) for _kind, _text, rel in queries}, key=sorted)
    random.Random(SPLIT_SEED).shuffle(keys)
    return {key: ("tune" if i % 2 == 0 else "held-out") for i, key in enumerate(keys)}


def prepare_russian_baseline() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_russian")
        cursor.execute(
            "CREATE TABLE bench_russian AS SELECT page_id, "
            "setweight(to_tsvector('russian', title), 'A') || "
            "setweight(to_tsvector('russian', body), 'B') AS v FROM search_indexentry"
        )
        cursor.execute("CREATE INDEX bench_russian_v ON bench_russian USING gin (v)")


def russian_top(query: str) -> list[int]:
    with connection.cursor() as cursor:
        for builder in ("websearch_to_tsquery", "or"):
            if builder == "or":
                tsquery = (
                    "to_tsquery('russian', array_to_string(tsvector_to_array("
                    "to_tsvector('russian', %s)), ' | '))"
                )
            else:
                tsquery = "websearch_to_tsquery('russian', %s)"
            cursor.execute(
                f"SELECT page_id FROM bench_russian, {tsquery} q "  # noqa: S608
                "WHERE v @@ q ORDER BY ts_rank(v, q) DESC, page_id LIMIT %s",
                [query, DEPTH],
            )
            rows = [r[0] for r in cursor.fetchall()]
            if rows:
                return rows
    return []


def no_lemma_sets(queries) -> set[frozenset]:
    """Relevant sets of the keywords no relevant article contains a lemma of (base form)."""
    out = set()
    for kind, text, relevant in queries:
        if kind != "base":
            continue
        terms = analyze_query(text).all_terms
        rows = IndexEntry.objects.filter(page_id__in=relevant).values_list(
            "title_terms", "body_terms"
        )
        if not any(terms & set(re.split(r"[ |]", f"{t} {b}")) for t, b in rows):
            out.add(frozenset(relevant))
    return out


def score(
    system, queries, halves, no_lemma: set[frozenset] = frozenset()
) -> dict[tuple[str, str], tuple[float, ...]]:
    """(form, half) -> (R@10, MRR, R@50, R@100, ms/query); half "all" is both halves.

    Form "no-lemma" is the base-form queries whose relevant articles share no lemma with them
    (a subset of "base", reported on its own: lexical search cannot find them)."""
    rows: dict[tuple[str, str], list[tuple[float, ...]]] = {}
    elapsed: dict[str, float] = {}
    for q_kind, text, relevant in queries:
        started = time.perf_counter()
        top = system(text)
        elapsed[q_kind] = elapsed.get(q_kind, 0.0) + time.perf_counter() - started
        rank = next((i for i, pk in enumerate(top[:10], 1) if pk in relevant), None)
        figures = (
            len(set(top[:10]) & relevant) / min(len(relevant), 10),
            1 / rank if rank else 0.0,
            len(set(top[:50]) & relevant) / min(len(relevant), 50),
            len(set(top[:100]) & relevant) / min(len(relevant), 100),
        )
        kinds = [q_kind]
        if q_kind == "base" and frozenset(relevant) in no_lemma:
            kinds.append("no-lemma")
        for kind in kinds:
            for half in ("all", halves[frozenset(relevant)]):
                rows.setdefault((kind, half), []).append(figures)
    out = {}
    for (kind, half), figures in rows.items():
        n = sum(1 for q in queries if q[0] == kind)
        means = tuple(statistics.mean(column) for column in zip(*figures, strict=True))
        out[(kind, half)] = (*means, elapsed.get(kind, 0.0) * 1000 / max(n, 1))
    return out


def dont_miss(docs, url_to_page, sample: int) -> tuple[float, float]:
    from articles.related import related_articles

    keywords_by_page = {
        url_to_page[d["url"]]: set(d["keywords"]) for d in docs if d["url"] in url_to_page
    }
    pages = [pk for pk, kws in keywords_by_page.items() if kws]
    rng = random.Random(7)
    pages = rng.sample(pages, min(sample, len(pages)))
    stored = dict(RelatedArticles.objects.values_list("page_id", "related_ids"))

    def share(related_ids, pk):
        related_ids = related_ids[:4]
        if not related_ids:
            return 0.0
        good = sum(1 for r in related_ids if keywords_by_page.get(r, set()) & keywords_by_page[pk])
        return good / len(related_ids)

    ours = statistics.mean(share(stored.get(pk, []), pk) for pk in pages)
    baseline_scores = []
    RelatedArticles.objects.filter(page_id__in=pages).update(related_ids=[])
    try:
        for pk in pages:
            page = ArticlePage.objects.get(pk=pk)
            baseline_scores.append(share([a.pk for a in related_articles(page, limit=4)], pk))
    finally:
        for pk in pages:
            RelatedArticles.objects.filter(page_id=pk).update(related_ids=stored.get(pk, []))
    return ours, statistics.mean(baseline_scores)


def dont_miss_blends(docs, url_to_page, sample: int, weights) -> dict[float, float]:
    """The same share for neighbours recomputed with the stored semantic vectors blended in
    at each weight (search.related.compute_related(semantic_weight=w); 0 = TF-IDF only)."""
    from search.related import compute_related

    keywords_by_page = {
        url_to_page[d["url"]]: set(d["keywords"]) for d in docs if d["url"] in url_to_page
    }
    pages = [pk for pk, kws in keywords_by_page.items() if kws]
    pages = random.Random(7).sample(pages, min(sample, len(pages)))
    out = {}
    for weight in weights:
        shares = []
        for pk in pages:
            related_ids = compute_related(pk, semantic_weight=weight)[:4]
            good = sum(
                1 for r in related_ids if keywords_by_page.get(r, set()) & keywords_by_page[pk]
            )
            shares.append(good / len(related_ids) if related_ids else 0.0)
        out[weight] = statistics.mean(shares)
    return out


def page_timing(url_to_page, sample: int = 60) -> tuple[float, float]:
    """Median article-page render time (ms) with stored "Don't Miss" vs without (fallback)."""
    client = Client()
    ids = random.Random(3).sample(sorted(url_to_page.values()), sample)
    urls = [ArticlePage.objects.get(pk=pk).url for pk in ids]
    stored = dict(
        RelatedArticles.objects.filter(page_id__in=ids).values_list("page_id", "related_ids")
    )

    def run():
        times = []
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
        return statistics.median(times)

    run()  # warm caches
    with_related = run()
    RelatedArticles.objects.filter(page_id__in=ids).delete()
    try:
        without = run()
    finally:
        RelatedArticles.objects.bulk_create(
            [RelatedArticles(page_id=pk, related_ids=v) for pk, v in stored.items()]
        )
    return with_related, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--related-sample", type=int, default=800)
    parser.add_argument(
        "--skip-related", action="store_true", help="only the search figures (no Don't Miss)"
    )
    parser.add_argument(
        "--dont-miss-weights",
        type=float,
        nargs="*",
        default=[0.0, 0.2, 0.4, 0.6],
        help="semantic weights of the recomputed Don't Miss lists",
    )
    parser.add_argument(
        "--max-keywords", type=int, default=None, help="a fixed random sample of keywords"
    )
    args = parser.parse_args()

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    docs = load_documents(args.limit)
    url_to_page = import_corpus(docs, related=not args.skip_related)
    queries = build_queries(docs, url_to_page)
    if args.max_keywords:
        keep = sorted({text for kind, text, _ in queries if kind == "base"})
        keep = set(random.Random(11).sample(keep, min(args.max_keywords, len(keep))))
        relevant_sets = {frozenset(rel) for kind, text, rel in queries if text in keep}
        queries = [q for q in queries if frozenset(q[2]) in relevant_sets]
    n_base = sum(1 for q in queries if q[0] == "base")
    print(
        f"{len(url_to_page)} articles, {n_base} keyword queries "
        f"(+ {len(queries) - n_base} inflected)"
    )

    systems = {
        "Newsdesk": newsdesk_top,
        "Newsdesk, database rank only": newsdesk_database_rank_top,
        "Newsdesk semantic only": semantic_top,
        "Newsdesk hybrid (site default)": hybrid_top,
        "Newsdesk hybrid, no expansion": hybrid_no_expansion_top,
        "Wagtail database backend": wagtail_top,
    }
    if connection.vendor == "postgresql":
        prepare_russian_baseline()
        systems["PostgreSQL 'russian'"] = russian_top
    halves = split_halves(queries)
    no_lemma = no_lemma_sets(queries)
    print(
        f"{len(no_lemma)} keywords share no lemma with any relevant article "
        f"({sum(1 for k in no_lemma if halves[k] == 'held-out')} held-out)"
    )
    results = {name: score(fn, queries, halves, no_lemma) for name, fn in systems.items()}

    print()
    print(
        f"{'system':30} {'form':10} {'half':9} {'R@10':>6} {'MRR':>6} {'R@50':>6} "
        f"{'R@100':>6} {'ms/query':>9}"
    )
    for name, by_key in results.items():
        for half in ("held-out", "tune", "all"):
            for kind in ("base", "inflected", "no-lemma"):
                if (kind, half) not in by_key:
                    continue
                r10, mrr, r50, r100, ms = by_key[(kind, half)]
                print(
                    f"{name:30} {kind:10} {half:9} {r10:6.3f} {mrr:6.3f} {r50:6.3f} "
                    f"{r100:6.3f} {ms:9.1f}"
                )
    ours = results["Newsdesk"]
    for name, by_key in results.items():
        if name == "Newsdesk":
            continue
        for kind in ("base", "inflected"):
            key = (kind, "held-out")
            print(
                f"Newsdesk / {name} ({kind}, held-out): "
                f"R@10 x{ours[key][0] / max(by_key[key][0], 1e-9):.2f}, "
                f"MRR x{ours[key][1] / max(by_key[key][1], 1e-9):.2f}"
            )
    if args.skip_related:
        return

    ours_dm, base_dm = dont_miss(docs, url_to_page, args.related_sample)
    print()
    print(
        f"Don't Miss top-4 sharing an editors' keyword: Newsdesk {ours_dm:.3f} vs "
        f"tag/section/recency baseline {base_dm:.3f} (x{ours_dm / max(base_dm, 1e-9):.2f})"
    )
    for weight, share in dont_miss_blends(
        docs, url_to_page, args.related_sample, args.dont_miss_weights
    ).items():
        print(f"Don't Miss recomputed, semantic weight {weight:.2f}: {share:.3f}")
    with_ms, without_ms = page_timing(url_to_page)
    print(
        f"Article page median render: with stored Don't Miss {with_ms:.1f} ms, "
        f"with the fallback ranking {without_ms:.1f} ms (ratio {with_ms / without_ms:.2f})"
    )


if __name__ == "__main__":
    main()
