"""The production stack under load: Varnish vs nginx static, gunicorn vs a bare Wagtail starter,
and a soak through the cache while an article is republished and feeds are ingested.

    .venv/bin/python benchmarks/stack.py [--duration 8] [--rounds 3] [--connections 32]
                                         [--soak 60] [--soak-connections 256] [--no-starter]
                                         [--database-url URL] [--keep]

Starts the stack with `deploy/stack.py` in a temporary directory (demo content; SQLite unless
--database-url names a PostgreSQL database), copies the demo article's HTML as served into a
temporary nginx (Debian's nginx, started on a free port with its own config), and measures with
wrk, in the same run and interleaved round by round:
- nginx serving the static copy, the article and the home page through Varnish (target: at least
  50 % of nginx's requests/s);
- the article and home page straight from one gunicorn process, and the bare Wagtail starter
  page under the same gunicorn settings (the ratio benchmarks/pages.py keeps);
then a soak: `--soak` seconds at `--soak-connections` connections through Varnish on the article
while a `manage.py shell` republishes it every 2 s with a new title (each republish must show
through the cache within 2 s) and `manage.py ingest` polls the demo feeds in a loop. Reports
errors, p99 and the republish visibility delays. Loopback only; every process is stopped at
the end.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pages
from pages import REPO, Result, fetch, free_port, median_result, print_table, run_wrk

REPUBLISH = """
import sys, time
from articles.models import ArticlePage
page = ArticlePage.objects.live().get(url_path__endswith='/{slug}/', locale__language_code='en')
base = page.title
for n in range({count}):
    started = time.monotonic()
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = f"{{base}} (update {{n}})"
    page.save_revision().publish()
    print(f"PUBLISHED {{n}} {{time.time():.3f}}", flush=True)
    time.sleep(max(0.0, 2.0 - (time.monotonic() - started)))
"""

NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type text/html;
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/www;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


def start_nginx(workdir: Path, html: str, article_path: str) -> tuple[subprocess.Popen, str]:
    www = workdir / "nginx" / "www" / article_path.strip("/")
    www.mkdir(parents=True)
    (www / "index.html").write_text(html)
    port = free_port()
    conf = workdir / "nginx" / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=workdir / "nginx", port=port))
    # In the foreground, so it is our child; as root, its workers keep our user too.
    directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    command = ["nginx", "-c", str(conf), "-p", str(workdir / "nginx"), "-g", directives]
    process = subprocess.Popen(command)
    url = f"http://127.0.0.1:{port}{article_path}"
    for _ in range(100):
        try:
            if fetch(url)[0] == 200:
                return process, url
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit("nginx did not start")


def stack_env(stack_dir: Path) -> dict:
    env = dict(os.environ)
    for line in (stack_dir / "env").read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key] = shlex.split(value)[0] if value else ""
    return env


def web_port(stack_dir: Path) -> int:
    text = (stack_dir / "newsdesk-backends.vcl").read_text()
    return int(text.split('.port = "')[1].split('"')[0])


def soak(args, env: dict, cache_url: str, article_url: str, slug: str) -> None:
    count = int(args.soak // 2)
    print(
        f"\nSoak: {args.soak:g} s, {args.soak_connections} connections through Varnish, "
        f"{count} republishes 2 s apart, feeds ingested in a loop.",
        flush=True,
    )
    delays: list[float] = []
    missed: list[int] = []
    stop = threading.Event()

    def ingest_loop() -> None:
        runs = 0
        while not stop.is_set():
            subprocess.run(
                [sys.executable, "manage.py", "ingest", "--json"],
                cwd=REPO,
                env=env,
                capture_output=True,
            )
            runs += 1
        print(f"  ingest runs during the soak: {runs}", flush=True)

    def watch(n: int, title: str) -> None:
        start = time.monotonic()
        while time.monotonic() - start < 10:
            if title in fetch(cache_url + article_url)[1]:
                delays.append(time.monotonic() - start)
                return
            time.sleep(0.02)
        missed.append(n)

    publisher = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", REPUBLISH.format(slug=slug, count=count)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    ingester = threading.Thread(target=ingest_loop)
    ingester.start()
    result: list[Result] = []
    loader = threading.Thread(
        target=lambda: result.append(
            run_wrk("soak article", cache_url + article_url, args.soak, args.soak_connections)
        )
    )
    loader.start()
    watchers = []
    for line in publisher.stdout:
        if not line.startswith("PUBLISHED"):
            continue
        n = int(line.split()[1])
        title = f"(update {n})"
        thread = threading.Thread(target=watch, args=(n, title))
        thread.start()
        watchers.append(thread)
    publisher.wait()
    for thread in watchers:
        thread.join()
    loader.join()
    stop.set()
    ingester.join()
    print_table(result)
    soaked = result[0]
    over = [d for d in delays if d > 2.0]
    print(
        f"  republishes: {len(delays) + len(missed)}, visible through the cache: median "
        f"{statistics.median(delays) if delays else float('nan'):.2f} s, max "
        f"{max(delays) if delays else float('nan'):.2f} s, over 2 s: {len(over)}, "
        f"never seen: {len(missed)}"
    )
    print(
        f"  verdict: errors {soaked.errors} (target 0), p99 {soaked.p99_ms:.1f} ms "
        f"(target < 50), every republish within 2 s: {not over and not missed}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32, help="for nginx and Varnish")
    parser.add_argument("--app-connections", type=int, default=4, help="straight to gunicorn")
    parser.add_argument("--soak", type=float, default=60)
    parser.add_argument("--soak-connections", type=int, default=256)
    parser.add_argument("--no-starter", action="store_true")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("nginx") or not shutil.which("varnishd"):
        raise SystemExit("needs wrk, nginx and varnishd (apt-get install wrk nginx varnish)")

    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-stack-bench-"))
    stack_dir = workdir / "stack"
    port = free_port()
    script = [sys.executable, str(REPO / "deploy" / "stack.py")]
    database = args.database_url or f"sqlite:///{workdir / 'stack.sqlite3'}"
    nginx = None
    servers = []
    env = {**os.environ, "NEWSDESK_SEARCH_RATE_LIMIT": "0"}
    try:
        subprocess.run(
            [
                *script,
                "start",
                "--dir",
                str(stack_dir),
                "--port",
                str(port),
                "--database-url",
                database,
                "--cache-prefix",
                f"bench-{port}",
                "--timeout",
                "600",
            ],
            cwd=REPO,
            env=env,
            check=True,
        )
        senv = stack_env(stack_dir)
        cache_url = f"http://127.0.0.1:{port}"
        app_url = f"http://127.0.0.1:{web_port(stack_dir)}"
        article_url, _title, _cold, _warm = pages.article_facts(senv)
        slug = article_url.rstrip("/").rsplit("/", 1)[-1]
        status, html = fetch(cache_url + article_url)
        if status != 200:
            raise SystemExit(f"the article answered {status} through Varnish")
        nginx, static_url = start_nginx(workdir, html, article_url)
        targets = [
            ("nginx static article", static_url, args.connections),
            ("varnish article", cache_url + article_url, args.connections),
            ("varnish home", cache_url + "/en/", args.connections),
            ("gunicorn article", app_url + article_url, args.app_connections),
            ("gunicorn home", app_url + "/en/", args.app_connections),
        ]
        if not args.no_starter:
            project, starter_env = pages.prepare_starter(workdir)
            starter = pages.Gunicorn("starter.wsgi:application", project, starter_env, 2, "sync", 1)
            servers.append(starter)
            starter.wait_ready("/")
            targets.append(("wagtail starter page", starter.base + "/", args.app_connections))
        for _name, url, connections in targets:
            run_wrk("warm-up", url, 2, connections)
        per: dict[str, list[Result]] = {name: [] for name, _u, _c in targets}
        for round_no in range(1, args.rounds + 1):
            for name, url, connections in targets:
                per[name].append(run_wrk(name, url, args.duration, connections))
            print(
                f"  round {round_no}: "
                + ", ".join(f"{n} {rs[-1].rps:.0f}/s" for n, rs in per.items()),
                flush=True,
            )
        results = {name: median_result(rs) for name, rs in per.items()}
        print(
            f"\nMedians over {args.rounds} interleaved rounds ({os.cpu_count()} CPUs shared "
            "with wrk):"
        )
        print_table(list(results.values()))
        static = results["nginx static article"].rps
        print("\nRatios (same run):")
        for name in ("varnish article", "varnish home"):
            print(f"  {name} / nginx static     {results[name].rps / static:6.3f} (target >= 0.5)")
        if "wagtail starter page" in results:
            starter_rps = results["wagtail starter page"].rps
            for name in ("gunicorn article", "gunicorn home"):
                print(f"  {name} / wagtail starter  {results[name].rps / starter_rps:6.3f}")
        if args.soak > 0:
            soak(args, senv, cache_url, article_url, slug)
        return 0
    finally:
        for server in servers:
            server.stop()
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
        subprocess.run([*script, "stop", "--dir", str(stack_dir)], cwd=REPO, check=False)
        if args.keep:
            print(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
