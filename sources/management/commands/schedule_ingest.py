"""`manage.py schedule_ingest`: start the self-renewing feed polling on the task queue."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from sources.tasks import schedule_polling


class Command(BaseCommand):
    help = "Queue the periodic feed poll (run by `manage.py db_worker`); harmless to repeat."

    def handle(self, *args, **options):
        if schedule_polling():
            self.stdout.write("Feed polling queued; `manage.py db_worker` runs it.")
        else:
            self.stdout.write(
                "Feed polling already queued (or the task backend cannot schedule; "
                "run `manage.py ingest` instead)."
            )
