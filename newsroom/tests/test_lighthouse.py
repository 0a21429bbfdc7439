"""Lighthouse audits every reader page type in both languages: accessibility, best practices and
SEO scores against the live test server, with the demo content loaded and DEBUG off.

Lighthouse is the npm package pinned in the Makefile (``make test`` installs it under var/node,
as it does vnu-jar); it drives Debian's /usr/bin/chromium. Missing node, Lighthouse or chromium
fails the test under CI (env CI set) and skips it elsewhere. The pages are audited two at a
time (the machine has two cores); each run audits only the three categories, not performance.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from newsroom.demo import content
from newsroom.demo.loader import DemoLoader

from .test_accessibility import reader_pages

pytestmark = pytest.mark.browser

LIGHTHOUSE = Path(settings.BASE_DIR) / "var/node/node_modules/.bin/lighthouse"
AUDIT_SCRIPT = Path(__file__).parent / "lighthouse" / "audit.mjs"
INSTALL_HINT = "run `make test` (it installs lighthouse@12.2.3 under var/node with npm)"
CHROME_FLAGS = "--headless --no-sandbox --disable-background-networking --disable-gpu"
CATEGORIES = ("accessibility", "best-practices", "seo")
KINDS = {"home", "section", "tag", "article", "author", "search", "not found"}
# What a good site scores here (measured on the demo, docs/operations.md "Lighthouse").
MINIMUM = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# Audits that fail by design, per page kind: search results carry `noindex` (a site's own
# result pages are kept out of search engines), and a 404 says 404 and is not indexed either.
# Lighthouse's SEO category counts them; only they are excused, and only on those pages.
BY_DESIGN = {
    "search": {"is-crawlable"},
    "not found": {"is-crawlable", "http-status-code"},
}


def unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"Lighthouse cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"Lighthouse skipped: {reason}")


@pytest.fixture
def demo_site(restore_migrated_data, live_server, django_db_serialized_rollback) -> str:
    if shutil.which("node") is None:
        unavailable("no `node` on PATH (Debian: apt-get install npm)")
    if not LIGHTHOUSE.exists():
        unavailable(f"{LIGHTHOUSE} is missing; {INSTALL_HINT}")
    if not Path("/usr/bin/chromium").exists():
        unavailable("/usr/bin/chromium is missing (apt-get install chromium)")
    DemoLoader(content).run()
    return live_server.url


def lighthouse(pages: list[dict]) -> list[dict]:
    """Lighthouse results (lhr) of the pages, audited in one Chromium by lighthouse/audit.mjs."""
    spec = {
        "modules": str(LIGHTHOUSE.parent.parent),
        "chrome": "/usr/bin/chromium",
        "flags": CHROME_FLAGS.split(),
        "categories": list(CATEGORIES),
        "pages": pages,
    }
    result = subprocess.run(  # noqa: S603 - fixed argv: node and our own script
        [shutil.which("node") or "node", str(AUDIT_SCRIPT)],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(
            f"lighthouse gave no report (exit {result.returncode}): {result.stderr[-3000:]}"
        ) from error


def shortfalls(report: dict, *, excused: set[str]) -> list[str]:
    """Each category below its minimum, with the audits that cost it points; a category that
    loses points only to ``excused`` audits passes."""
    found = []
    if report.get("runtimeError"):
        return [f"runtime error: {report['runtimeError']}"]
    audits = report["audits"]
    for name in CATEGORIES:
        category = report["categories"][name]
        failing = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] > 0
            and audits[ref["id"]].get("score") is not None
            and audits[ref["id"]]["score"] < 1
        ]
        counted = [a for a in failing if a not in excused]
        score = category["score"] or 0
        if counted and score < MINIMUM[name]:
            details = [f"{a} ({audits[a]['title']})" for a in counted]
            found.append(f"{name} {score:.2f} < {MINIMUM[name]}: {', '.join(details)}")
    return found


def test_lighthouse_scores_of_reader_pages_in_both_languages(demo_site):
    assert not settings.DEBUG
    pages = [page for page in reader_pages() if page[0] in KINDS]
    assert len(pages) == 14
    jobs = [
        {"url": demo_site + path, "snapshot": kind == "not found"} for kind, _lang, path in pages
    ]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:  # one Chromium per core
        halves = list(pool.map(lighthouse, [jobs[0::2], jobs[1::2]]))
    seconds = time.monotonic() - started
    reports = [None] * len(jobs)
    reports[0::2], reports[1::2] = halves

    problems = {}
    scores = {}
    for (kind, lang, path), report in zip(pages, reports, strict=True):
        found = shortfalls(report, excused=BY_DESIGN.get(kind, set()))
        scores[f"{kind} [{lang}]"] = {
            name: (report.get("categories", {}).get(name) or {}).get("score") for name in CATEGORIES
        }
        if found:
            problems[f"{kind} [{lang}] {path}"] = found
    # The measured scores and time, for the run's log (pytest -s).
    print(json.dumps({"seconds": round(seconds, 1), "scores": scores}, indent=1))  # noqa: T201
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)
