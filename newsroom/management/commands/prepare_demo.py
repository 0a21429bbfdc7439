"""`manage.py prepare_demo`: everything `make demo` does before serving, in one process.

Each `manage.py` start imports Django, Wagtail and the apps (about two seconds); doing the five
set-up steps in one process is what lets a second `make demo` start in seconds.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, load the demo content, register the demo feeds, admin login."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, base_url, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        call_command("load_demo")
        call_command("add_demo_feeds", base_url=base_url)
        call_command("demo_admin")
