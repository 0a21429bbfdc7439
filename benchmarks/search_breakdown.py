"""Where the time of a hybrid results page goes: per step of `run_search`, ms per query.

Used by search_speed.py (`--breakdown`): each step is wrapped with a timer for one pass over the
queries; the steps nest (the lexical page includes the backend's search and the second stage),
so the columns do not add up to the whole. SQL is counted and timed by the connection.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from unittest import mock

from django.db import connection

from search import query as search_query
from search.backends import get_backend
from search.semantic import ann, hybrid, service

# (label, module, attribute): the steps of the query path worth timing.
STEPS = [
    ("encoder (query embedding, cache misses)", service, "embed_query"),
    ("query vector (with its cache)", service, "query_vector"),
    ("ANN search (usearch, incl. sync check)", ann.AnnIndex, "search"),
    ("semantic neighbours + live/filter join", hybrid, "search_pages"),
    ("lexical similarities of candidates", hybrid, "_similarities"),
    ("title matches", hybrid, "title_matches"),
    ("fusion", hybrid, "fuse"),
    ("lexical page(s) (backend + 2nd stage)", search_query, "_search_page"),
    ("2nd-stage rerank", search_query, "rerank"),
    ("find (whole ranking)", search_query, "find"),
    ("build_results (rows, URLs, snippets)", search_query, "build_results"),
    ("best passages (semantic-only snippets)", search_query, "best_passages"),
]


def _timed(totals: dict[str, float], counts: dict[str, int], label: str, fn: Callable):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - started
            counts[label] += 1

    return wrapper


def breakdown(run: Callable[[str, str], object], queries: list[tuple[str, str]]) -> None:
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    sql = {"n": 0, "s": 0.0}

    def count_sql(execute, statement, params, many, context):
        started = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            sql["n"] += 1
            sql["s"] += time.perf_counter() - started

    backend = type(get_backend())
    steps = [
        *STEPS[:7],
        ("lexical count (backend)", backend, "count"),
        ("lexical search (backend)", backend, "search"),
        *STEPS[7:],
    ]
    with ExitStack() as stack:
        for label, owner, name in steps:
            if hasattr(owner, name):
                original = getattr(owner, name)
                stack.enter_context(
                    mock.patch.object(owner, name, _timed(totals, counts, label, original))
                )
        stack.enter_context(connection.execute_wrapper(count_sql))
        started = time.perf_counter()
        for text, language in queries:
            run(text, language)
        whole = time.perf_counter() - started
    n = max(len(queries), 1)
    print(f"\nBreakdown of run_search, hybrid on, {n} queries (ms per query; steps nest)")
    print(f"  {'whole run_search':44} {whole * 1000 / n:7.2f}")
    for label, _owner, _name in steps:
        if counts[label]:
            print(f"  {label:44} {totals[label] * 1000 / n:7.2f}  ({counts[label] / n:.1f} calls)")
    print(f"  {'SQL statements':44} {sql['s'] * 1000 / n:7.2f}  ({sql['n'] / n:.1f} per query)")
