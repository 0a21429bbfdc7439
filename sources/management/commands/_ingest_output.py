"""Shared output of the ingest commands: a rich summary table, or one JSON line with --json."""

from __future__ import annotations

import json

from django.core.management.base import CommandError
from rich.console import Console
from rich.table import Table

from sources.ingest.runs import IngestSummary


def report(command, summary: IngestSummary, *, as_json: bool) -> None:
    """Print the closing summary; fail the command (exit 1) when nothing could be fetched.

    With --json the JSON object is the last line of stdout, so scripts can read it with
    ``tail -n 1`` whatever else was printed before; errors go to stderr.
    """
    for error in summary.errors:
        command.stderr.write(f"error: {error}")
    if as_json:
        command.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False))
    else:
        table = Table(title="Ingest summary", show_header=False)
        for label, value in (
            ("feeds ok", summary.feeds_ok),
            ("feeds failed", summary.feeds_failed),
            ("new articles", summary.new),
            ("updated articles", summary.updated),
            ("unchanged articles", summary.unchanged),
            ("failed articles", summary.failed),
            ("seconds", f"{summary.seconds:.2f}"),
        ):
            table.add_row(label, str(value))
        console = Console(file=command.stdout, force_terminal=False, width=100)
        console.print(table)
    if summary.nothing_fetched:
        first = summary.errors[0] if summary.errors else "no source answered"
        raise CommandError(f"nothing could be fetched: {first}", returncode=1)
