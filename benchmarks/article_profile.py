"""In-process CPU cost of reader pages under production settings, as ratios to /healthz.

    .venv/bin/python benchmarks/article_profile.py [--db PATH] [--requests 200] [--profile article]

Where ``benchmarks/pages.py`` measures the whole stack under gunicorn and a load generator (noisy
on a shared 2-core machine), this script measures only what one Django process spends per request:
CPU time (``time.process_time``) of the Django test client fetching the English demo article,
the English home page and ``/healthz``, interleaved request by request so background noise hits
all three alike. The ratios article/healthz and home/healthz are the figures to compare between
two commits; the SQL query counts (cold process, then warm) are printed too.

Without ``--db`` it builds a fresh demo database in a temporary directory (migrate, load_demo,
background tasks) like ``benchmarks/pages.py``; ``--db`` reuses one so repeated runs take seconds.
``--profile article|home`` prints the top of a cProfile report (cumulative time) for that page.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def production_env(db_path: Path, media: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings.production",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{db_path}",
        NEWSDESK_MEDIA_ROOT=str(media),
    )
    env.pop("REDIS_URL", None)
    return env


def build_demo(env: dict) -> None:
    print("Building the demo database (migrate, load_demo, background tasks)...", flush=True)

    def manage(*args: str) -> None:
        subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=env, check=True)

    manage("migrate", "--noinput", "-v0")
    manage("load_demo")
    subprocess.run(
        [PYTHON, "manage.py", "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay"],
        cwd=REPO,
        env=env,
        capture_output=True,
        check=False,
    )
    manage("collectstatic", "--noinput", "-v0")


def measure(requests: int, profile: str | None) -> None:
    """Runs inside the configured process (after django.setup())."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import ArticlePage
    from newsroom.demo import content

    article = ArticlePage.objects.live().get(
        slug=content.ARTICLES[0]["slug"], locale__language_code="en"
    )
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    targets = {"healthz": "/healthz", "article": article.url, "home": "/en/"}

    queries: dict[str, list[int]] = {}
    for name, url in targets.items():
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{name} answered {response.status_code}: {url}")
            counts.append(len(captured))
        queries[name] = counts

    samples: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(requests):
        for name, url in targets.items():
            start = time.process_time()
            client.get(url)
            samples[name].append((time.process_time() - start) * 1000)

    medians = {name: statistics.median(values) for name, values in samples.items()}
    means = {name: statistics.fmean(values) for name, values in samples.items()}
    print(f"\n{requests} interleaved requests each; CPU ms per request (process_time):")
    print(f"  {'page':<8} {'median':>8} {'mean':>8} {'queries cold/warm':>18}")
    for name in targets:
        cold, warm = queries[name]
        print(f"  {name:<8} {medians[name]:>8.2f} {means[name]:>8.2f} {cold:>11}/{warm}")
    print("\nRatios (median CPU):")
    print(f"  article / healthz   {medians['article'] / medians['healthz']:7.1f}")
    print(f"  home / healthz      {medians['home'] / medians['healthz']:7.1f}")
    print(f"  article / home      {medians['article'] / medians['home']:7.2f}")
    print(f"Article: {article.url}")

    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            client.get(targets[profile])
        profiler.disable()
        print(f"\ncProfile of 50 x {profile} (cumulative):")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse (or create) this SQLite demo database")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", choices=["article", "home"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        measure(args.requests, args.profile)
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-profile-"))
    try:
        db_path = args.db.resolve() if args.db else workdir / "newsdesk.sqlite3"
        env = production_env(db_path, db_path.parent / "media")
        if not db_path.exists():
            build_demo(env)
        command = [PYTHON, __file__, "--child", "--requests", str(args.requests)]
        if args.profile:
            command += ["--profile", args.profile]
        return subprocess.run(command, cwd=REPO, env=env, check=False).returncode
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
