"""`manage.py watch_sources`: re-fetch the watched sources of published articles now.

The scheduler does this by itself (job ``sources.watch_sources``); the command is for an editor
or an operator who wants to know now, and for scripts (``--json``). Checks run in this process;
the editors' notifications are enqueued for the workers as usual.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from core.console import progress_bar
from sources.models import SourceWatch
from sources.watch.runs import check_watches
from sources.watch.schedule import due_watches, ensure_watches


class Command(BaseCommand):
    help = "Re-fetch the sources of published articles that are due a check (--all: every one)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the summary as JSON.")
        parser.add_argument(
            "--all",
            action="store_true",
            help="Check every watched source whose schedule is not finished, due or not.",
        )

    def handle(self, *args, **options):
        started = ensure_watches()
        if options["all"]:
            ids = list(
                SourceWatch.objects.filter(next_check_at__isnull=False).values_list("pk", flat=True)
            )
        else:
            ids = list(due_watches(timezone.now()).values_list("pk", flat=True))
        console = Console(file=sys.stderr)
        with progress_bar(console) as bar:
            task = bar.add_task("sources", total=len(ids))
            summary = check_watches(
                ids,
                force=options["all"],
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
        summary.started = started
        for error in summary.errors:
            self.stderr.write(f"error: {error}")
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False))
        else:
            table = Table(title="Watched sources", show_header=False)
            table.add_row("newly watched", str(started))
            table.add_row("checked", str(summary.checked))
            for status, count in sorted(summary.outcomes.items()):
                table.add_row(status, str(count))
            table.add_row("seconds", f"{summary.seconds:.2f}")
            Console(file=self.stdout, force_terminal=False, width=100).print(table)
        if summary.checked and summary.outcomes.get("failed", 0) == summary.checked:
            raise CommandError("every check failed", returncode=1)
