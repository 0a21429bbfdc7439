"""Rebuild Newsdesk's own search index (not Wagtail's admin index: that is `update_index`)."""

import time

from django.core.management.base import BaseCommand
from rich.console import Console

from core.console import progress_bar
from search import indexing
from search.bulk import compute_all_related, save_semantic_index


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
        with progress_bar(console) as progress:
            bar = progress.add_task("Indexing articles", total=total)
            indexed = indexing.rebuild(progress=lambda n: progress.advance(bar, n))
        save_semantic_index()
        related = 0
        if not options["no_related"]:
            related = compute_all_related(console)
        elapsed = time.perf_counter() - started
        console.print(
            f"Indexed {indexed} of {total} live articles"
            + (f", related articles for {related}" if related else "")
            + f" in {elapsed:.1f} s."
        )
