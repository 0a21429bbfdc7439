"""`manage.py add_demo_feeds [--base-url URL]`: follow the demo's own fictional outlets."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from sources.demo import install_demo_feeds


class Command(BaseCommand):
    help = "Register the fictional demo outlets whose feeds this site serves as static files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where the demo site runs (default: $NEWSDESK_BASE_URL, see settings/base.py).",
        )

    def handle(self, *args, **options):
        for feed in install_demo_feeds(options["base_url"]):
            self.stdout.write(f"Following {feed.url} ({feed.outlet.name})")
