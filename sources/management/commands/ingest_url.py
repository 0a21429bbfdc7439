"""`manage.py ingest_url <url>`: ingest one feed or one article page, told apart by content."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from sources.ingest.runs import ingest_url

from ._ingest_output import report


class Command(BaseCommand):
    help = "Ingest one URL: a feed (registered and polled now) or a single article page."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--outlet", help="Outlet name (created when new).")
        parser.add_argument(
            "--json", action="store_true", help="Print the summary as JSON on the last line."
        )

    def handle(self, *args, **options):
        summary = ingest_url(options["url"], outlet_name=options["outlet"])
        report(self, summary, as_json=options["json"])
