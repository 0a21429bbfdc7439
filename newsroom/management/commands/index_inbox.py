"""Analyse source articles for inbox search that ingest's task has not (rows from before the
inbox index existed, a lost task): `manage.py index_inbox [--all] [--json]`."""

import json
import time

from django.core.management.base import BaseCommand
from rich.console import Console

from core.console import progress_bar
from newsroom import inbox_search
from sources.models import SourceArticle


class Command(BaseCommand):
    help = "Analyse source articles for the newsroom inbox search (only stale ones by default)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Analyse every article again.")
        parser.add_argument("--json", action="store_true", help="Print the summary as JSON.")

    def handle(self, *args, **options):
        console = Console(file=self.stdout, stderr=False, quiet=options["json"])
        started = time.perf_counter()
        articles = SourceArticle.objects.all() if options["all"] else inbox_search.stale_articles()
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        done = 0
        with progress_bar(console) as progress:
            bar = progress.add_task("Analysing source articles", total=len(ids))
            for start in range(0, len(ids), 200):
                batch = SourceArticle.objects.filter(pk__in=ids[start : start + 200])
                for article in batch.select_related("outlet"):
                    inbox_search.index_source_article(article)
                    done += 1
                progress.advance(bar, len(ids[start : start + 200]))
        elapsed = time.perf_counter() - started
        summary = {"analysed": done, "seconds": round(elapsed, 3)}
        if options["json"]:
            self.stdout.write(json.dumps(summary))
        else:
            console.print(f"Analysed {done} source articles in {elapsed:.1f} s.")
