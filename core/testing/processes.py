"""Real ``manage.py`` processes against the test database, for crash and recovery tests.

WHY real processes: what must be shown is what happens when a worker is SIGKILLed in the middle
of a task or the database fails under the scheduler, and no in-process fake can be killed like
that. The processes run ``newsdesk.settings.processtest`` against a database they can open:
on PostgreSQL the test database itself (the test is transactional, so both sides see each
other's commits); on SQLite a file copy of the in-memory test database, which the test reads
back with plain SQL.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection


class ProcessDB:
    """The database the processes use, with a small SQL reader for the test's assertions."""

    def __init__(self, tmp_path: Path) -> None:
        self.sqlite_path: Path | None = None
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            self.sqlite_path = tmp_path / "processes.sqlite3"
            target = sqlite3.connect(self.sqlite_path)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
            self.url = f"sqlite:///{self.sqlite_path}"
        else:
            conf = connection.settings_dict
            auth = conf["USER"] + (f":{conf['PASSWORD']}" if conf["PASSWORD"] else "")
            self.url = f"postgres://{auth}@{conf['HOST']}:{conf['PORT']}/{conf['NAME']}"

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.sqlite_path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return list(cursor.fetchall())
        db = sqlite3.connect(self.sqlite_path, timeout=5)
        try:
            return list(db.execute(sql.replace("%s", "?"), params).fetchall())
        finally:
            db.close()

    def tasks(self, task_path: str) -> list[dict]:
        """Every run of a task: id, status, worker_ids, exception path, oldest first."""
        from django_tasks_db.models import DBTaskResult

        found = self.rows(
            "SELECT id, status, worker_ids, exception_class_path "  # noqa: S608 - a model's table
            f"FROM {DBTaskResult._meta.db_table} WHERE task_path = %s ORDER BY enqueued_at",
            (task_path,),
        )
        return [
            {
                "id": str(row[0]),
                "status": row[1],
                "worker_ids": json.loads(row[2]) if isinstance(row[2], str) else row[2],
                "exception": row[3],
            }
            for row in found
        ]


def as_aware(value) -> datetime | None:
    """A timestamp read back with plain SQL (SQLite gives naive UTC text)."""
    if value is None or isinstance(value, datetime):
        return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


class Processes:
    """Starts ``manage.py`` commands in their own process groups and always ends them.

    The database is copied (SQLite) or shared (PostgreSQL) when the first process starts, so
    whatever the test created before that is there for the processes.
    """

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log_dir = log_dir
        self.running: dict[str, subprocess.Popen] = {}
        self._db: ProcessDB | None = None

    @property
    def db(self) -> ProcessDB:
        if self._db is None:
            self._db = ProcessDB(self.log_dir)
            self.env["DATABASE_URL"] = self._db.url
        return self._db

    def command(self, *args: str, timeout: float) -> str:
        """Run a command to completion and return its standard output (logs stay apart)."""
        done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
            cwd=settings.BASE_DIR,
            env={**self.env, "DATABASE_URL": self.db.url},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"{args} exited {done.returncode}:\n{done.stderr[-4000:]}")
        return done.stdout

    def start(self, name: str, *args: str, **extra_env: str) -> subprocess.Popen:
        self.db  # noqa: B018 - copies or names the database before the first process
        with open(self.log_dir / f"{name}.log", "ab") as log:  # the child keeps its own copy
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
                [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
                cwd=settings.BASE_DIR,
                env={**self.env, **extra_env},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running[name] = process
        return process

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        process = self.running.pop(name)
        if process.poll() is None:
            os.killpg(process.pid, sig)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for name in list(self.running):
            self.kill(name)

    def log(self, name: str) -> str:
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def logs(self) -> str:
        return "\n".join(
            f"----- {path.name}\n{path.read_text(errors='replace')[-4000:]}"
            for path in sorted(self.log_dir.glob("*.log"))
        )


def wait_until(
    condition: Callable[[], object], timeout: float, what: str, on_timeout: Callable[[], str]
):
    """Poll ``condition`` every 0.2 s; its first truthy value, or fail saying what and why."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            message = f"timed out after {timeout:.0f} s waiting for {what}"
            raise AssertionError(f"{message}\n{on_timeout()}")
        time.sleep(0.2)
