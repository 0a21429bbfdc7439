"""`manage.py scheduler_status [--json] [--check]`: periodic jobs, workers, interrupted tasks."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from core.scheduler_report import build_report


class Command(BaseCommand):
    help = "Show each periodic job's last and next run, live workers and interrupted tasks."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit 1 when the scheduler is silent or a job is overdue (for monitoring).",
        )

    def handle(self, *args, json: bool = False, check: bool = False, **options):
        report = build_report()
        if json:
            self.stdout.write(_dumps(report))
        else:
            self._print(report)
        if check and not report["healthy"]:
            raise CommandError("periodic work is not healthy (see above)", returncode=1)

    def _print(self, report: dict) -> None:
        out = self.stdout
        out.write(
            f"Scheduler last tick: {report['scheduler_last_tick'] or 'never'}"
            f"  ({'healthy' if report['healthy'] else 'NOT healthy'})"
        )
        for job in report["jobs"]:
            out.write(
                f"  {job['name']:<28} every {job['interval_seconds']:>6.0f} s  "
                f"last {job['last_status'] or '-':<10} {job['last_finished_at'] or '-':<32} "
                f"next {job['next_run_at'] or 'at first tick'}"
            )
        if report["overdue_jobs"]:
            out.write(f"Overdue: {', '.join(report['overdue_jobs'])}")
        alive = [p for p in report["processes"] if p["alive"]]
        out.write(f"Live processes: {len(alive)}")
        for proc in alive:
            out.write(f"  {proc['kind']:<9} {proc['host']}:{proc['pid']}  seen {proc['last_seen']}")
        for task in report["running_tasks"]:
            out.write(
                f"Running: {task['task']} since {task['started_at']} (attempt {task['attempts']})"
            )
        for task in report["interrupted_tasks"]:
            out.write(
                f"INTERRUPTED, not retried: {task['task']} {task['id']} "
                f"after {task['attempts']} attempt(s), at {task['finished_at']}"
            )


def _dumps(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)
