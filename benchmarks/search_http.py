"""The Russian results page over HTTP, as readers get it: gunicorn, production settings.

    .venv/bin/python benchmarks/search_http.py [--database PATH] [--duration 8] [--rounds 2]
                                               [--workers 2] [--connections 4] [--no-config]

Serves ../shared/data/ru-news-kw-eval (3,204 Russian articles, imported with
`manage.py import_articles`, see docs/search.md) from a SQLite file (built in a temporary
directory, or `--database PATH` to reuse one that holds the corpus, e.g. the one
benchmarks/search_quality.py leaves in /tmp) with gunicorn under `newsdesk.settings.production`
and deploy/gunicorn.conf.py (`--no-config`: plain gunicorn; `--repo DIR`: serve another
checkout, e.g. a worktree of the previous commit, for the before/after), and measures in the
same run:

- warm: p50/p95/p99 per request and requests/s for the results page (`/ru/search/?q=` with the
  corpus's editors' keywords, one after another, so no two consecutive requests repeat a query),
  interleaved round by round with two baselines: `/healthz` (Django + gunicorn, no page work)
  and a Russian article page;
- the first search after a worker starts: the server is started with one worker, and the first
  search is timed once it accepts connections; then that worker is killed, gunicorn forks a new
  one, and the first search it answers is timed again (the restart case, where preload shares
  the master's loaded dictionaries).

The load generator (Python threads with keep-alive connections, as benchmarks/pages.py without
wrk) shares the two cores with gunicorn, so absolute figures are pessimistic; ratios to the
baselines are what to compare across machines. The search rate limit is switched off for the
server (`NEWSDESK_SEARCH_RATE_LIMIT=0`): all the load comes from one client address.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile
from pathlib import Path

from pages import threaded_load

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
# ../shared/data, or NEWSDESK_SHARED_DATA (core.testing.shared_data reads the same variable).
SHARED = (
    Path(os.environ["NEWSDESK_SHARED_DATA"])
    if os.environ.get("NEWSDESK_SHARED_DATA")
    else REPO.parent / "shared" / "data"
) / "ru-news-kw-eval"
FILES = ["ng_0", "ng_1", "russia_today_0", "russia_today_7"]


def corpus_rows() -> tuple[list[dict], list[str]]:
    """The archive as import_articles lines, and the editors' keywords (the queries)."""
    rows, keywords = [], set()
    for name in FILES:
        with zipfile.ZipFile(SHARED / f"{name}.jsonlines.zip") as archive:
            for raw in archive.read(archive.namelist()[0]).decode("utf-8").splitlines():
                if not raw.strip():
                    continue
                doc = json.loads(raw)
                parts = doc["url"].split("/")
                date = next((p for p in parts if len(p) == 10 and p[4] == "-"), "2018-01-01")
                rows.append(
                    {
                        "title": doc["title"] or doc["content"][:80],
                        "lead": doc.get("summary") or "",
                        "body": doc["content"],
                        "language": "ru",
                        "published_at": date,
                        "section": parts[3] if len(parts) > 4 and parts[3] else "archive",
                        "url": doc["url"],
                    }
                )
                found = doc.get("keywords") or []
                if isinstance(found, list):
                    keywords.update(k.strip().lower() for k in found if k and k.strip())
    return rows, sorted(keywords)


def ann_dir_for(database: Path) -> Path:
    """The semantic ANN index files of a database: beside it (import_articles saves them)."""
    return database.with_name(database.stem + "-ann")


def server_env(database: Path, workdir: Path, ann_dir: Path | None = None) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{database}",
        NEWSDESK_MEDIA_ROOT=str(workdir / "media"),
        NEWSDESK_SEARCH_RATE_LIMIT="0",
        NEWSDESK_SEMANTIC_INDEX_DIR=str(ann_dir or ann_dir_for(database)),
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=env, check=True)


def prepare(database: Path, workdir: Path, rows: list[dict]) -> None:
    env = server_env(database, workdir)
    manage(env, "migrate", "--noinput", "-v0")
    archive = workdir / "ru-news-kw-eval.jsonl"
    archive.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    started = time.perf_counter()
    manage(env, "import_articles", str(archive), "--no-related")
    print(f"imported and indexed in {time.perf_counter() - started:.0f} s", flush=True)


class Server:
    def __init__(self, env: dict, workers: int, config: bool, port: int, repo: Path) -> None:
        command = [str(BIN / "gunicorn")]
        conf = repo / "deploy" / "gunicorn.conf.py"
        if config and conf.exists():
            command += ["-c", str(conf)]
        command += [
            "newsdesk.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--log-level=warning",
            "--backlog=256",
        ]
        self.port = port
        self.process = subprocess.Popen(command, cwd=repo, env=env)

    def workers(self) -> set[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {int(p) for p in children.read_text().split()} if children.exists() else set()

    def wait_listening(self) -> None:
        for _ in range(3600):  # 180 s: preload on a loaded machine
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}")
            try:
                with socketless_probe(self.port):
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("gunicorn did not listen within 180 s")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class socketless_probe:  # noqa: N801 - a context manager used like a function
    """A TCP connect to the port (the master listens before its workers are ready)."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)

    def __enter__(self):
        self.conn.connect()
        return self

    def __exit__(self, *exc) -> None:
        self.conn.close()


def get(port: int, path: str) -> tuple[int, float, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    conn.request("GET", path, headers={"Host": "localhost"})
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    return response.status, elapsed, body


def search_path(query: str) -> str:
    return "/ru/search/?" + urllib.parse.urlencode({"q": query})


def load(port: int, paths: list[str], duration: float, connections: int) -> dict:
    """Keep-alive threads cycling through `paths` (pages.threaded_load); latency per request."""
    samples, errors, elapsed = threaded_load(
        "127.0.0.1", port, paths, duration, connections, host_header="localhost", timeout=60
    )

    def pct(p: float) -> float:
        return samples[min(len(samples) - 1, int(len(samples) * p))] if samples else float("nan")

    return {
        "rps": len(samples) / elapsed,
        "p50": pct(0.5),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "requests": len(samples),
        "errors": errors,
    }


def wait_healthy(port: int) -> float:
    """Poll /healthz until the worker answers; ms waited."""
    started = time.perf_counter()
    for _ in range(18000):
        try:
            if get(port, "/healthz")[0] == 200:
                return (time.perf_counter() - started) * 1000
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit("no worker answered /healthz within 180 s")


def first_searches(
    env: dict, config: bool, queries: list[str], port: int, repo: Path
) -> dict[str, float]:
    """With one worker (ms): its first search once it answers /healthz; after it is killed,
    the first search of the worker gunicorn forks, sent at once (so it waits for the new
    worker's boot), and after a second kill the first search once /healthz answers again.
    Distinct queries, so no query's rows are warm from an earlier one."""
    server = Server(env, 1, config, port, repo)
    out = {}
    try:
        server.wait_listening()
        out["worker ready after start"] = wait_healthy(port)
        status, out["first search, fresh server"], _ = get(port, search_path(queries[0]))
        for kill, query in ((1, queries[1]), (2, queries[2])):
            old = server.workers()
            for pid in old:
                os.kill(pid, signal.SIGKILL)
            while not server.workers() - old:
                time.sleep(0.005)
            if kill == 1:
                status, out["first search sent as the worker is forked"], _ = get(
                    port, search_path(query)
                )
            else:
                out["worker ready after fork"] = wait_healthy(port)
                status, out["first search of a forked worker"], _ = get(port, search_path(query))
            if status != 200:
                raise SystemExit(f"first search answered {status}")
        return out
    finally:
        server.stop()


def article_path(database: Path) -> str | None:
    """A Russian article page's reader URL (an imported article: a synthetic archive from
    search_speed.py holds bare pages with no reader URL), or None."""
    with sqlite3.connect(database) as db:
        row = db.execute(
            "SELECT p.url_path FROM wagtailcore_page p JOIN search_indexentry e "
            "ON e.page_id = p.id JOIN search_importedarticle i ON i.page_id = p.id "
            "WHERE e.language = 'ru' ORDER BY p.id LIMIT 1"
        ).fetchone()
    if row is None:
        return None
    # url_path is /<home slug>/<section>/<slug>/; the reader URL is /ru/<section>/<slug>/.
    return "/ru/" + "/".join(row[0].strip("/").split("/")[1:]) + "/"


def indexed(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM search_indexentry").fetchone()[0]


def worker_memory(server: Server) -> str:
    """Resident and proportional (shared pages split between processes) memory per worker."""
    out = []
    for pid in sorted(server.workers()):
        fields = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, value = line.split(":", 1)
            fields[name] = int(value.split()[0]) / 1024
        out.append(f"RSS {fields.get('Rss', 0):.0f} MB / PSS {fields.get('Pss', 0):.0f} MB")
    return "; ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="a SQLite file holding the corpus")
    parser.add_argument("--duration", type=float, default=8, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--queries", type=int, default=300, help="keywords used as queries")
    parser.add_argument("--first-only", action="store_true", help="only the first searches")
    parser.add_argument("--no-config", action="store_true", help="gunicorn without our config")
    parser.add_argument(
        "--repo",
        type=Path,
        default=REPO,
        help="serve this checkout instead (e.g. a worktree of the previous commit: the before)",
    )
    parser.add_argument(
        "--baseline-repo",
        type=Path,
        help="also serve this checkout (the old code) and measure its search in the same run",
    )
    parser.add_argument("--ann-dir", type=Path, help="ANN index files (default: beside the db)")
    parser.add_argument("--first-runs", type=int, default=3, help="fresh starts timed")
    args = parser.parse_args()

    if not SHARED.exists():
        sys.exit(f"ru-news-kw-eval not found at {SHARED}")
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-search-http-"))
    rows, keywords = corpus_rows()
    database = args.database or workdir / "newsdesk.sqlite3"
    if not database.exists():  # built once; --database PATH keeps it for the next run
        prepare(database, workdir, rows)
    env = server_env(database, workdir, args.ann_dir)
    config = not args.no_config
    repos = {"search": args.repo}
    if args.baseline_repo:
        repos["search, baseline"] = args.baseline_repo
    envs = {}
    for name, repo in repos.items():
        envs[name] = dict(env, PYTHONPATH=str(repo))
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=repo,
            env=envs[name],
            check=True,
        )
    queries = random.Random(5).sample(keywords, min(args.queries, len(keywords)))
    port = 20000 + os.getpid() % 20000

    firsts: list[dict[str, float]] = []
    for run in range(args.first_runs):  # distinct queries per fresh start
        picked = queries[-3 * (run + 1) :][:3]
        firsts.append(first_searches(envs["search"], config, picked, port, args.repo))
    if args.first_only:
        print_firsts(firsts)
        return 0
    servers = {
        name: Server(envs[name], args.workers, config, port + k, repo)
        for k, (name, repo) in enumerate(repos.items())
    }
    try:
        for server in servers.values():
            server.wait_listening()
            wait_healthy(server.port)
        article = article_path(database)
        targets: dict[str, tuple[int, list[str]]] = {"healthz": (port, ["/healthz"])}
        if article:
            targets["article"] = (port, [article])
        for name, server in servers.items():
            targets[name] = (server.port, [search_path(q) for q in queries])
        for name, (target_port, paths) in targets.items():
            status, _ms, _body = get(target_port, paths[0])
            if status != 200:
                raise SystemExit(f"{name} answered {status}: {paths[0]}")
        with_conf = config and (args.repo / "deploy" / "gunicorn.conf.py").exists()
        setup = "deploy/gunicorn.conf.py" if with_conf else "no config"
        print(
            f"{database} ({indexed(database)} indexed articles); gunicorn sync "
            f"workers={args.workers}, {setup}; {args.connections} keep-alive "
            f"connections, {args.duration:g} s x {args.rounds} rounds; {len(queries)} distinct "
            f"queries; {os.cpu_count()} CPUs shared with the load generator; "
            f"load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        for target_port, paths in targets.values():
            load(target_port, paths, 2, args.connections)  # every query seen once: warm
        results: dict[str, list[dict]] = {name: [] for name in targets}
        for _round in range(args.rounds):  # interleaved: load drifts hit every row alike
            for name, (target_port, paths) in targets.items():
                results[name].append(load(target_port, paths, args.duration, args.connections))
        memory = {name: worker_memory(server) for name, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()

    print(f"\n{'page':18} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    medians = {}
    for name, runs in results.items():
        medians[name] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        m = medians[name]
        print(
            f"{name:18} {m['rps']:8.1f} {m['p50']:8.1f} {m['p95']:8.1f} {m['p99']:8.1f} "
            f"{int(m['errors']):7d}"
        )
    ratios = [f"search/healthz req/s {medians['search']['rps'] / medians['healthz']['rps']:.3f}"]
    if "article" in medians:
        ratios.append(f"search/article {medians['search']['rps'] / medians['article']['rps']:.3f}")
    if "search, baseline" in medians:
        base = medians["search, baseline"]
        ratios.append(f"search/baseline req/s x{medians['search']['rps'] / base['rps']:.2f}")
    print("\nRatios (same run): " + ", ".join(ratios))
    for name, text in memory.items():
        print(f"worker memory after the load ({name}): {text}")
    print_firsts(firsts)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


def print_firsts(firsts: list[dict[str, float]]) -> None:
    print(f"\nOne worker, first searches (ms), {len(firsts)} fresh starts:")
    for name in firsts[0]:
        values = " ".join(f"{f[name]:7.0f}" for f in firsts)
        print(f"  {name:45} {values}   max {max(f[name] for f in firsts):7.0f}")


if __name__ == "__main__":
    sys.exit(main())
