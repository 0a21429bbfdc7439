"""Reader pages under production settings and gunicorn: requests/s, p50 and p99, as ratios.

    .venv/bin/python benchmarks/pages.py [--duration 8] [--rounds 3] [--workers 2]
                                         [--no-starter] [--sweep] [--keep]

Builds a fresh SQLite database in a temporary directory (migrate + load_demo), collects static
files, serves it with gunicorn under ``newsdesk.settings.production`` and measures, in the same run
and interleaved round by round: the English demo article, the English home page and the trivial
``/healthz`` view (the floor: Django + gunicorn with no page work). Unless ``--no-starter`` is given
it also builds a bare Wagtail starter project (``wagtail start``, temporary, never committed) and
measures its welcome page under the same gunicorn settings, so the issue's target "no slower than a
bare Wagtail starter page" is a ratio measured here, not a number from another machine.

Load generator: ``wrk`` with its latency distribution when it is on PATH (Debian/Ubuntu:
``apt-get install -y wrk``; macOS: ``brew install wrk``), otherwise a Python fallback of threads
with keep-alive ``http.client`` connections (slower: it caps the measurable rate). Either way the
generator shares the machine's cores with gunicorn, so absolute numbers are pessimistic; the
ratios are what to compare across machines.

Also prints the article page's SQL query count (Django test client + CaptureQueriesContext), the
figure the "constant number of queries" test keeps from growing.

``--sweep`` first measures the article page for several worker settings (sync 1-4 workers,
gthread) so the default worker count is a measured choice, not a guess.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
# Reference figures from the issue (2 cores, load generator on the same cores); informational only,
# the verdict uses the starter page measured in this run when it is available.
GHOST_REFERENCE_RPS = 135.0
STARTER_REFERENCE_RPS = 280.0


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


# --- load generation --------------------------------------------------------------------------
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"unexpected wrk duration {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def run_wrk(name: str, url: str, duration: float, connections: int) -> Result:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{int(duration)}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        # Sync gunicorn workers close the connection after each response; wrk may count that
        # as a read error without losing a request, so only connect/timeout errors count here.
        errors += int(match.group(1)) + int(match.group(4))
    return Result(name, rps, p50, p99, requests, errors)


def threaded_load(
    host: str,
    port: int,
    paths: list[str],
    duration: float,
    connections: int,
    host_header: str | None = None,
    timeout: float = 30,
) -> tuple[list[float], int, float]:
    """Threads with keep-alive connections cycling through `paths`; reconnects whenever the
    server closes. Returns (sorted latencies in ms, errors, seconds elapsed)."""
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    headers = {"Host": host_header or f"{host}:{port}"}
    deadline = time.perf_counter() + duration

    def worker(slot: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
        index = slot
        while time.perf_counter() < deadline:
            path = paths[index % len(paths)]
            index += connections
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[slot] += 1
                latencies[slot].append((time.perf_counter() - start) * 1000)
                if response.will_close:
                    conn.close()
                    conn = http.client.HTTPConnection(host, port, timeout=timeout)
            except OSError:
                errors[slot] += 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=timeout)
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return sorted(x for per_thread in latencies for x in per_thread), sum(errors), elapsed


def run_python_load(name: str, url: str, duration: float, connections: int) -> Result:
    """`threaded_load` on one URL, as a Result like wrk's."""
    parsed = urllib.request.urlparse(url)
    samples, errors, elapsed = threaded_load(
        parsed.hostname, parsed.port, [parsed.path or "/"], duration, connections, parsed.netloc
    )
    if not samples:
        return Result(name, 0.0, float("nan"), float("nan"), 0, errors)
    p50 = samples[len(samples) // 2]
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return Result(name, len(samples) / elapsed, p50, p99, len(samples), errors)


def load(name: str, url: str, duration: float, connections: int) -> Result:
    if shutil.which("wrk"):
        return run_wrk(name, url, duration, connections)
    return run_python_load(name, url, duration, connections)


# --- servers ----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Accept-Language": "en"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class Gunicorn:
    def __init__(self, app: str, cwd: Path, env: dict, workers: int, worker_class: str, threads):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [
            str(BIN / "gunicorn"),
            app,
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={workers}",
            f"--worker-class={worker_class}",
            f"--threads={threads}",
            "--log-level=warning",
            "--backlog=256",
        ]
        self.process = subprocess.Popen(command, cwd=cwd, env=env)

    def wait_ready(self, path: str) -> None:
        for _ in range(300):
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}")
            try:
                if fetch(self.base + path)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"gunicorn did not answer {path} within 30 s")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def manage(env: dict, *args: str, cwd: Path = REPO) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=cwd, env=env, check=True)


def newsdesk_env(workdir: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{workdir / 'newsdesk.sqlite3'}",
        NEWSDESK_MEDIA_ROOT=str(workdir / "media"),
    )
    env.pop("REDIS_URL", None)
    return env


def prepare_newsdesk(env: dict) -> None:
    print("Preparing the newsdesk demo database (migrate, load_demo, collectstatic)...", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    # What `make demo`'s worker does in the background (search index, related articles), so the
    # pages are measured in the state readers see; a failing task is reported, not fatal.
    worker = subprocess.run(
        [PYTHON, "manage.py", "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    failures = worker.stderr.count("Traceback")
    if worker.returncode or failures:
        print(f"  background tasks: exit {worker.returncode}, {failures} task error(s)")
    manage(env, "collectstatic", "--noinput", "-v0")


def prepare_starter(workdir: Path) -> tuple[Path, dict]:
    """A bare `wagtail start` project with its own production settings and SQLite database."""
    print("Building a bare Wagtail starter project for the baseline...", flush=True)
    project = workdir / "starter"
    project.mkdir()
    subprocess.run([str(BIN / "wagtail"), "start", "starter", str(project)], check=True)
    (project / "starter" / "settings" / "local.py").write_text(
        f"SECRET_KEY = {secrets.token_urlsafe(50)!r}\nALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["DJANGO_SETTINGS_MODULE"] = "starter.settings.production"
    manage(env, "migrate", "--noinput", "-v0", cwd=project)
    manage(env, "collectstatic", "--noinput", "-v0", cwd=project)
    return project, env


def article_facts(env: dict) -> tuple[str, str, int, int]:
    """URL and title of the demo's first English article and its SQL query counts (cold, warm).

    Runs in a child process so this script never imports Django settings itself.
    """
    code = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from newsroom.demo import content
from articles.models import ArticlePage

page = ArticlePage.objects.live().get(slug=content.ARTICLES[0]["slug"], locale__language_code="en")
client = Client(HTTP_HOST="localhost")
counts = []
for _ in range(2):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200, response.status_code
    counts.append(len(queries))
print(page.url)
print(page.title)
print(counts[0])
print(counts[1])
"""
    out = (
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", code],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()
    )
    url, title, cold, warm = out[-4:]
    return url, title, int(cold), int(warm)


# --- report -----------------------------------------------------------------------------------
def median_result(results: list[Result]) -> Result:
    return Result(
        results[0].name,
        statistics.median(r.rps for r in results),
        statistics.median(r.p50_ms for r in results),
        statistics.median(r.p99_ms for r in results),
        sum(r.requests for r in results),
        sum(r.errors for r in results),
    )


def print_table(results: list[Result]) -> None:
    print(f"  {'page':<22} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'requests':>9} {'errors':>7}")
    for r in results:
        print(
            f"  {r.name:<22} {r.rps:>9.1f} {r.p50_ms:>9.2f} {r.p99_ms:>9.2f}"
            f" {r.requests:>9} {r.errors:>7}"
        )


def sweep(env: dict, article_url: str, args) -> None:
    print("\nWorker sweep (article page only):", flush=True)
    configs = [("sync", 1, 1), ("sync", 2, 1), ("sync", 3, 1), ("sync", 4, 1), ("gthread", 2, 4)]
    for worker_class, workers, threads in configs:
        server = Gunicorn("newsdesk.wsgi:application", REPO, env, workers, worker_class, threads)
        try:
            server.wait_ready("/healthz")
            load("warm-up", server.base + article_url, 2, args.connections)
            r = load("article", server.base + article_url, args.duration, args.connections)
        finally:
            server.stop()
        print(
            f"  {worker_class:<8} workers={workers} threads={threads}: {r.rps:8.1f} req/s  "
            f"p50 {r.p50_ms:7.2f} ms  p99 {r.p99_ms:7.2f} ms  errors {r.errors}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=8, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians kept")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--no-starter", action="store_true", help="skip the Wagtail baseline")
    parser.add_argument("--sweep", action="store_true", help="also compare worker settings")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    servers: list[Gunicorn] = []
    try:
        env = newsdesk_env(workdir)
        prepare_newsdesk(env)
        article_url, article_title, cold_queries, warm_queries = article_facts(env)
        starter = None if args.no_starter else prepare_starter(workdir)

        if args.sweep:
            sweep(env, article_url, args)

        server = Gunicorn(
            "newsdesk.wsgi:application", REPO, env, args.workers, args.worker_class, args.threads
        )
        servers.append(server)
        server.wait_ready("/healthz")
        targets = [
            ("healthz", server.base + "/healthz"),
            ("article", server.base + article_url),
            ("home", server.base + "/en/"),
        ]
        status, body = fetch(server.base + article_url)
        if status != 200 or article_title not in body:
            raise SystemExit(f"article page answered {status} without its title")
        if starter is not None:
            project, starter_env = starter
            starter_server = Gunicorn(
                "starter.wsgi:application",
                project,
                starter_env,
                args.workers,
                args.worker_class,
                args.threads,
            )
            servers.append(starter_server)
            starter_server.wait_ready("/")
            targets.append(("wagtail starter page", starter_server.base + "/"))
        for name, url in targets:
            status, _body = fetch(url)
            if status != 200:
                raise SystemExit(f"{name} answered {status}: {url}")

        generator = "wrk" if shutil.which("wrk") else "python threads (install wrk for accuracy)"
        print(
            f"\nLoad: {generator}, {args.connections} connections, {args.duration:g} s per page, "
            f"{args.rounds} interleaved rounds; gunicorn {args.worker_class} "
            f"workers={args.workers} threads={args.threads}; {os.cpu_count()} CPUs shared "
            "with the load generator.",
            flush=True,
        )
        for _name, url in targets:
            load("warm-up", url, 2, args.connections)
        per_target: dict[str, list[Result]] = {name: [] for name, _ in targets}
        for round_no in range(1, args.rounds + 1):
            for name, url in targets:
                per_target[name].append(load(name, url, args.duration, args.connections))
            print(
                f"  round {round_no}: "
                + ", ".join(f"{n} {rs[-1].rps:.0f}/s" for n, rs in per_target.items()),
                flush=True,
            )
        results = [median_result(rs) for rs in per_target.values()]
        by_name = {r.name: r for r in results}

        print("\nMedians over rounds:")
        print_table(results)
        health, article, home = by_name["healthz"], by_name["article"], by_name["home"]
        print("\nRatios (same run):")
        print(f"  article / healthz            {article.rps / health.rps:6.3f}")
        print(f"  home / healthz               {home.rps / health.rps:6.3f}")
        starter_result = by_name.get("wagtail starter page")
        if starter_result is not None:
            print(f"  article / wagtail starter    {article.rps / starter_result.rps:6.3f}")
            print(f"  home / wagtail starter       {home.rps / starter_result.rps:6.3f}")
            print(f"  wagtail starter / healthz    {starter_result.rps / health.rps:6.3f}")
        print("\nAgainst the issue's reference figures (another run, same hardware class):")
        print(
            f"  article {article.rps:.0f} req/s = {article.rps / GHOST_REFERENCE_RPS:.2f}x Ghost 6 "
            f"({GHOST_REFERENCE_RPS:.0f}); {article.rps / STARTER_REFERENCE_RPS:.2f}x the "
            f"reference starter page ({STARTER_REFERENCE_RPS:.0f})"
        )
        print(f"\nArticle page SQL queries: {cold_queries} on a cold process, {warm_queries} warm.")
        print(f"Article measured: {article_url}")
        return 0
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            print(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
