"""`manage.py ingest`: poll every due feed once, with a progress bar and a closing summary."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sources.ingest.feed_state import due_feeds
from sources.ingest.runs import ingest_due_feeds
from sources.models import Feed

from ._ingest_output import report


class Command(BaseCommand):
    help = "Poll every due feed, store new and changed articles, group them into stories."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", help="Print the summary as JSON on the last line."
        )
        parser.add_argument(
            "--all", action="store_true", help="Poll every active feed, due or not."
        )

    def handle(self, *args, **options):
        feeds = list(
            Feed.objects.filter(active=True).select_related("outlet")
            if options["all"]
            else due_feeds()
        )
        # The bar goes to stderr so that stdout stays clean for the summary (and --json).
        console = Console(file=sys.stderr)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as progress:
            task = progress.add_task("feeds", total=len(feeds))

            def advance(label: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total, description=label[:60])

            summary = ingest_due_feeds(feeds=feeds, progress=advance)
        report(self, summary, as_json=options["json"])
