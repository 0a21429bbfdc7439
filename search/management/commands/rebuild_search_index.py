"""Rebuild Newsdesk's own search index (not Wagtail's admin index: that is `update_index`)."""

import time

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from search import indexing
from search.models import IndexEntry
from search.related import compute_all


class Command(BaseCommand):
    help = "Re-index every live article for reader search and recompute 'Don't Miss'."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-related", action="store_true", help="Skip recomputing related articles."
        )

    def handle(self, *args, **options):
        console = Console(file=self.stdout, stderr=False)
        started = time.perf_counter()
        total = indexing.indexable_articles().count()
        with _progress(console) as progress:
            bar = progress.add_task("Indexing articles", total=total)
            indexed = indexing.rebuild(progress=lambda n: progress.advance(bar, n))
        related = 0
        if not options["no_related"]:
            related = compute_all_related(console)
        elapsed = time.perf_counter() - started
        console.print(
            f"Indexed {indexed} of {total} live articles"
            + (f", related articles for {related}" if related else "")
            + f" in {elapsed:.1f} s."
        )


def _progress(console):
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    )


def compute_all_related(console, page_ids=None) -> int:
    ids = (
        list(page_ids)
        if page_ids is not None
        else list(IndexEntry.objects.values_list("page_id", flat=True))
    )
    with _progress(console) as progress:
        bar = progress.add_task("Related articles", total=len(ids))
        compute_all(ids, progress=lambda n: progress.advance(bar, n))
    return len(ids)
