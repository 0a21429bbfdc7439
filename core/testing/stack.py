"""The production stack (`deploy/stack.py`) and a private PostgreSQL server, for tests.

`running_stack` starts what `make stack` starts (Varnish, two gunicorn processes, the workers
and the scheduler under supervisord) in a temporary directory and stops it afterwards;
`PrivatePostgres` is a PostgreSQL server of the test's own (initdb in a temporary directory, a
free port), so that a test may restart it without touching the machine's server that other
tests use at the same time.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


PENDING_TASKS = """
from django_tasks_db.models import DBTaskResult
from core.scheduling import periodic_jobs
periodic = {job.task.module_path for job in periodic_jobs()}
pending = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
print(pending.exclude(task_path__in=periodic).count())
"""


class Stack:
    """A running stack: its public URL, its environment file, and ways to poke it."""

    def __init__(self, directory: Path, port: int, web_ports: list[int]):
        self.dir = directory
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.web_ports = web_ports
        self.env = {**os.environ, **self._read_env()}

    def _read_env(self) -> dict[str, str]:
        env = {}
        for line in (self.dir / "env").read_text().splitlines():
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                env[key] = shlex.split(value)[0] if value else ""
        return env

    def shell(self, code: str) -> str:
        """Run Python in `manage.py shell` against the stack's settings; its stdout."""
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=REPO,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def settle(self, within: float = 120.0) -> None:
        """Wait until the workers have run every task but the periodic ones (indexing, "Don't
        Miss", purges): a purge arriving later would remove a copy a test relies on."""
        wait_for(
            lambda: self.shell(PENDING_TASKS).strip().splitlines()[-1] == "0",
            within,
            "the task queue to drain",
            step=0.5,
        )

    def get(
        self,
        path: str,
        cookie: str | None = None,
        base: str | None = None,
        timeout: float = 10,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict, str]:
        headers = {**(headers or {}), **({"Cookie": cookie} if cookie else {})}
        request = urllib.request.Request((base or self.base) + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def supervisorctl(self, *args: str) -> None:
        ctl = Path(sys.executable).parent / "supervisorctl"
        subprocess.run(
            [str(ctl), "-c", str(self.dir / "supervisord.conf"), *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start_web(self, within: float = 120.0) -> None:
        """Start the web processes again and wait until Varnish's probe sees them healthy
        (a new gunicorn preloads and warms search up first: seconds on a loaded machine)."""
        self.supervisorctl("start", "web1", "web2")
        for port in self.web_ports:
            base = f"http://127.0.0.1:{port}"
            wait_for(lambda base=base: self._answers(base), within, f"web process {base}")
        wait_for(lambda: self._answers(self.base), within, "Varnish to see a healthy backend")

    def _answers(self, base: str) -> bool:
        try:
            # A query string no reader sends: never a stored copy, so a backend must answer.
            return self.get(f"/healthz?ready={time.monotonic_ns()}", base=base, timeout=2)[0] == 200
        except OSError:
            return False

    def cached(self, path: str) -> str:
        """Fetch until Varnish answers from its cache; the body."""
        for _ in range(20):
            status, headers, body = self.get(path)
            assert status == 200, (path, status)
            if headers.get("X-Cache") == "HIT":
                return body
            time.sleep(0.1)
        raise AssertionError(f"{path} never came from the cache")


def wait_for(check: Callable[[], object], within: float, what: str, step: float = 0.05) -> float:
    """Seconds until check() holds; fails with `what` after `within` seconds."""
    start = time.monotonic()
    while True:
        if check():
            return time.monotonic() - start
        if time.monotonic() - start > within:
            raise AssertionError(f"{what}: not within {within} s")
        time.sleep(step)


@contextmanager
def running_stack(
    database_url: str | None = None, env: dict[str, str] | None = None
) -> Iterator[Stack]:
    """`deploy/stack.py start` in a temporary directory (no demo content); stopped on exit."""
    assert shutil.which("varnishd"), "varnishd is missing: apt-get install varnish varnish-modules"
    assert shutil.which("redis-server") or redis_up(), "Redis is needed (redis-server)"
    directory = Path(tempfile.mkdtemp(prefix="newsdesk-stack-test-"))
    port = free_port()
    web_ports = [free_port(), free_port()]
    script = [sys.executable, str(REPO / "deploy" / "stack.py")]
    common = ["--dir", str(directory)]
    full_env = {**os.environ, "NEWSDESK_SEARCH_RATE_LIMIT": "0", **(env or {})}
    try:
        subprocess.run(
            [
                *script,
                "start",
                *common,
                "--port",
                str(port),
                "--web-ports",
                *map(str, web_ports),
                "--database-url",
                database_url or f"sqlite:///{directory / 'stack.sqlite3'}",
                "--cache-prefix",
                f"test-{secrets.token_hex(4)}",
                "--workers",
                "1",
                "--no-demo",
                "--timeout",
                "300",
            ],
            cwd=REPO,
            env=full_env,
            check=True,
            timeout=1200,
        )
        yield Stack(directory, port, web_ports)
    finally:
        subprocess.run([*script, "stop", *common], cwd=REPO, env=full_env, check=False, timeout=120)
        shutil.rmtree(directory, ignore_errors=True)


class PrivatePostgres:
    """A PostgreSQL server of the test's own, from the machine's binaries (trust auth)."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.port = free_port()
        self.bin = self._find_bin()
        self.data = directory / "data"
        self.log = directory / "server.log"

    @staticmethod
    def _find_bin() -> Path:
        for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
            if (candidate / "initdb").exists():
                return candidate
        raise AssertionError("PostgreSQL server binaries not found under /usr/lib/postgresql")

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.start()

    def _options(self) -> str:
        return f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"

    def start(self) -> None:
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            self._options(),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    directory = Path(tempfile.mkdtemp(prefix="newsdesk-pg-test-"))
    directory.chmod(0o755)  # the postgres user must reach its data directory inside
    server = PrivatePostgres(directory / "pg")
    try:
        server.init()
        yield server
    finally:
        try:
            server.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(directory, ignore_errors=True)
