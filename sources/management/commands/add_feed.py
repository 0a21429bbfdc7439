"""`manage.py add_feed <url> --outlet NAME`: follow a feed; the next ingest run polls it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from sources.ingest.outlets import add_feed


class Command(BaseCommand):
    help = "Register a feed of an outlet (the outlet is created when new)."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--outlet", required=True, help="Outlet name.")
        parser.add_argument("--interval", type=int, help="Poll interval in minutes.")

    def handle(self, *args, **options):
        try:
            URLValidator(schemes=["http", "https"])(options["url"])
        except ValidationError as exc:
            raise CommandError(f"not an http(s) URL: {options['url']!r}") from exc
        feed, created = add_feed(
            options["url"], options["outlet"], poll_interval_minutes=options["interval"]
        )
        verb = "Added" if created else "Already following"
        self.stdout.write(f"{verb} {feed.url} for {feed.outlet.name}.")
