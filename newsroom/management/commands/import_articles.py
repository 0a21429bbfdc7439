"""Import an archive of articles from a JSON Lines file, then index it once."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from core.console import progress_bar
from newsroom import importing
from search import indexing
from search.bulk import compute_all_related, save_semantic_index


class Command(BaseCommand):
    help = (
        "Create published articles from FILE.jsonl (one JSON object per line: title, lead, "
        "body, language, published_at, section, url, tags, authors, source_url, outlet). "
        "Rows already imported (same url) are skipped; bad rows are reported by line number."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument(
            "--no-related", action="store_true", help="Do not compute 'Don't Miss' afterwards."
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        console = Console(file=self.stdout)
        started = time.perf_counter()
        total_lines = sum(
            1 for line in path.open(encoding="utf-8", errors="replace") if line.strip()
        )
        with (
            path.open(encoding="utf-8", errors="replace") as lines,
            progress_bar(console) as progress,
        ):
            bar = progress.add_task("Importing", total=total_lines)
            report = importing.import_lines(
                lines,
                batch_size=max(1, options["batch_size"]),
                progress=lambda n: progress.advance(bar, n),
            )
        indexed = 0
        if report.created_ids:
            with progress_bar(console) as progress:
                bar = progress.add_task("Indexing", total=len(report.created_ids))
                indexed = indexing.index_page_ids(
                    report.created_ids, progress=lambda n: progress.advance(bar, n)
                )
            save_semantic_index()
            if not options["no_related"]:
                compute_all_related(console, report.created_ids)
        for line, message in report.errors:
            self.stderr.write(f"{path}:{line}: {message}")
        console.print(
            f"Imported {report.created} articles, skipped {report.skipped} already imported, "
            f"{len(report.errors)} bad line(s); indexed {indexed} "
            f"in {time.perf_counter() - started:.1f} s."
        )
