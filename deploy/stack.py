"""The production stack on one machine, without containers: `make stack` / `make stack-stop`.

    .venv/bin/python deploy/stack.py start [--dir var/stack] [--port $STACK_PORT]
    .venv/bin/python deploy/stack.py stop  [--dir var/stack]

Starts, under one supervisord (PyPI `supervisor`, `autorestart=true`: a process killed even with
SIGKILL comes back), with production settings:
- two gunicorn web processes on their own ports, behind Varnish (deploy/varnish/default.vcl,
  round robin with health probes) on the public port;
- the task worker (`manage.py run_worker`) and the scheduler (`manage.py run_scheduler`);
- a redis-server of its own only when none answers on 127.0.0.1:6379.
PostgreSQL is the machine's server; the stack's database (newsdesk_stack) is created when
missing, migrated, and given the demo content once. The stack's environment is written to
<dir>/env (shell syntax): `set -a; . var/stack/env; set +a` lets manage.py commands run against
it. The last line printed is the public URL. The tests and benchmarks start it the same way
(search/tests/test_varnish_stack.py), in a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsdesk_stack"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in `url` when it does not exist (SQLite: nothing)."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return
        conn.execute(f'CREATE DATABASE "{name}"')  # name from our own configuration
        print(f"Created PostgreSQL database {name}.", flush=True)


def read_env(path: Path) -> dict[str, str]:
    env: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                env[key] = shlex.split(value)[0] if value else ""
    return env


def write_env(path: Path, env: dict[str, str]) -> None:
    lines = ["# The stack's environment: set -a; . var/stack/env; set +a"]
    lines += [f"{key}={shlex.quote(value)}" for key, value in sorted(env.items())]
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)


def stack_environment(args, stack_dir: Path, previous: dict[str, str]) -> dict[str, str]:
    public = f"http://127.0.0.1:{args.port}"
    return {
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "DJANGO_SECRET_KEY": previous.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_CSRF_TRUSTED_ORIGINS": public,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "NEWSDESK_CACHE_KEY_PREFIX": args.cache_prefix,
        "NEWSDESK_MEDIA_ROOT": str(stack_dir / "media"),
        "NEWSDESK_BASE_URL": public,
        "NEWSDESK_VARNISH_URLS": public,
        # Varnish appends the client's address to X-Forwarded-For.
        "NEWSDESK_TRUSTED_PROXY_COUNT": "1",
        # The demo's fictional outlets are served by this same site.
        "NEWSDESK_ALLOWED_FETCH_HOSTS": "127.0.0.1,localhost",
        "NEWSDESK_SEARCH_RATE_LIMIT": os.environ.get("NEWSDESK_SEARCH_RATE_LIMIT", "60"),
        "STACK_URL": public + "/",
        "STACK_DIR": str(stack_dir),
    }


PROGRAM = """
[program:{name}]
command={command}
directory={repo}
autostart={autostart}
autorestart=true
startsecs=1
startretries=100
stopasgroup=true
killasgroup=true
stopwaitsecs=15
stdout_logfile={logs}/{name}.log
redirect_stderr=true
"""


def supervisor_config(stack_dir: Path, programs: dict[str, str]) -> str:
    logs = stack_dir / "logs"
    text = f"""[unix_http_server]
file={stack_dir}/supervisor.sock

[supervisord]
logfile={stack_dir}/supervisord.log
pidfile={stack_dir}/supervisord.pid
childlogdir={logs}
directory={REPO}

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://{stack_dir}/supervisor.sock
"""
    for name, command in programs.items():
        # Only Redis starts with supervisord: the others wait for the migrated database.
        autostart = "true" if name == "redis" else "false"
        text += PROGRAM.format(
            name=name, command=command, repo=REPO, logs=logs, autostart=autostart
        )
    return text


def backends_vcl(ports: list[int]) -> str:
    """The stack's newsdesk-backends.vcl: deploy/varnish's, with the ports chosen here."""
    text = (REPO / "deploy" / "varnish" / "newsdesk-backends.vcl").read_text()
    for default, port in zip(("8001", "8002"), ports, strict=True):
        text = text.replace(f'.port = "{default}";', f'.port = "{port}";')
    return text


def programs(args, stack_dir: Path, web_ports: list[int], own_redis: int | None) -> dict:
    python = shlex.quote(sys.executable)
    gunicorn = shlex.quote(str(BIN / "gunicorn"))
    result = {}
    for index, port in enumerate(web_ports, start=1):
        result[f"web{index}"] = (
            f"{gunicorn} -c {REPO}/deploy/gunicorn.conf.py newsdesk.wsgi:application "
            f"--bind 127.0.0.1:{port} "
            f"--workers {args.workers} --backlog 512 --log-level warning"
        )
    # Two workers, as in docs/deployment.md: a feed poll that takes minutes must not hold up
    # publishing and purge tasks on the default queue.
    worker = f"{python} manage.py run_worker --interval 0.5 --no-reload --queue-name"
    result["worker"] = f"{worker} default"
    result["worker-ingest"] = f"{worker} ingest"
    result["scheduler"] = f"{python} manage.py run_scheduler"
    result["varnish"] = (
        f"varnishd -F -j none -a 127.0.0.1:{args.port} -T 127.0.0.1:0 "
        f"-f {REPO}/deploy/varnish/default.vcl -p vcl_path={stack_dir}:{REPO}/deploy/varnish "
        f"-n {stack_dir}/varnish -s malloc,{args.varnish_memory}"
    )
    if own_redis:
        result["redis"] = (
            f"redis-server --bind 127.0.0.1 --port {own_redis} --save '' --appendonly no "
            f"--dir {stack_dir}"
        )
    return result


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True)


def prepare(env: dict, stack_dir: Path, demo: bool) -> None:
    print("Migrating, collecting static files, loading the demo content...", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "compile_catalogues")
    manage(env, "collectstatic", "--noinput", "-v0")
    if demo:
        manage(env, "load_demo")
        manage(env, "add_demo_feeds", "--base-url", env["NEWSDESK_BASE_URL"])
    password_file = stack_dir / "admin-password"
    if not password_file.exists():
        password_file.write_text(secrets.token_urlsafe(12) + "\n")
        password_file.chmod(0o600)
    code = (
        "from django.contrib.auth import get_user_model; U = get_user_model(); "
        "u = U.objects.filter(username='admin').first() or "
        "U.objects.create_superuser('admin', 'admin@example.org', None); "
        f"u.set_password({password_file.read_text().strip()!r}); u.save()"
    )
    manage(env, "shell", "-c", code)


def wait_for(url: str, timeout: float, supervisor_pid_file: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our loopback URL
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if not supervisor_pid_file.exists():
            raise SystemExit("supervisord is not running; see its log in the stack directory")
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout:.0f} s")


def start(args) -> int:
    stack_dir = Path(args.dir).resolve()
    (stack_dir / "logs").mkdir(parents=True, exist_ok=True)
    conf = stack_dir / "supervisord.conf"
    if (stack_dir / "supervisord.pid").exists():
        raise SystemExit(f"A stack is already running from {stack_dir} (make stack-stop first)")
    own_redis = None
    if not args.redis_url:
        if redis_answers("127.0.0.1", 6379):
            args.redis_url = "redis://127.0.0.1:6379/0"
        else:
            own_redis = free_port()
            args.redis_url = f"redis://127.0.0.1:{own_redis}/0"
    env_file = stack_dir / "env"
    env = stack_environment(args, stack_dir, read_env(env_file))
    write_env(env_file, env)
    full_env = {**os.environ, **env}
    web_ports = args.web_ports or [free_port(), free_port()]
    (stack_dir / "newsdesk-backends.vcl").write_text(backends_vcl(web_ports))
    conf.write_text(supervisor_config(stack_dir, programs(args, stack_dir, web_ports, own_redis)))
    ensure_database(args.database_url)
    # supervisord first (it starts only our own Redis, if any: load_demo writes to the cache),
    # then the preparation, then every other process.
    subprocess.run([str(BIN / "supervisord"), "-c", str(conf)], env=full_env, check=True)
    try:
        if own_redis:
            for _ in range(50):
                if redis_answers("127.0.0.1", own_redis):
                    break
                time.sleep(0.1)
        prepare(full_env, stack_dir, demo=not args.no_demo)
        ctl = [str(BIN / "supervisorctl"), "-c", str(conf)]
        subprocess.run([*ctl, "start", "all"], check=True, stdout=subprocess.DEVNULL)
    except BaseException:
        stop(args)
        raise
    wait_for(env["STACK_URL"] + "en/", args.timeout, stack_dir / "supervisord.pid")
    password = (stack_dir / "admin-password").read_text().strip()
    print(f"Admin: {env['STACK_URL']}admin/ (admin / {password})")
    print(f"Environment: set -a; . {env_file}; set +a")
    print(env["STACK_URL"], flush=True)
    return 0


def stop(args) -> int:
    stack_dir = Path(args.dir).resolve()
    pid_file = stack_dir / "supervisord.pid"
    if not pid_file.exists():
        print(f"No stack running from {stack_dir}.")
        return 0
    pid = int(pid_file.read_text().strip())
    conf = stack_dir / "supervisord.conf"
    subprocess.run([str(BIN / "supervisorctl"), "-c", str(conf), "shutdown"], check=False)
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    print("Stack stopped.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--dir", default=str(REPO / "var" / "stack"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("STACK_PORT", "8080")))
    parser.add_argument(
        "--database-url", default=os.environ.get("STACK_DATABASE_URL", DEFAULT_DATABASE)
    )
    parser.add_argument("--redis-url", default=os.environ.get("STACK_REDIS_URL", ""))
    parser.add_argument("--cache-prefix", default=os.environ.get("STACK_CACHE_PREFIX", "stack"))
    parser.add_argument("--web-ports", type=int, nargs=2)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("STACK_WORKERS", "2")))
    parser.add_argument("--varnish-memory", default="256m")
    parser.add_argument("--no-demo", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)
    return start(args) if args.action == "start" else stop(args)


if __name__ == "__main__":
    sys.exit(main())
