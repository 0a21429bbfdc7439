"""`manage.py run_worker`: django-tasks-db's ``db_worker``, kept alive across database errors.

Same arguments as ``db_worker`` (it is that command with ``core.worker.ResilientWorker`` in
place of the library's ``Worker``); see ``core/worker.py`` for why. Run it under a supervisor
all the same: a crash or SIGKILL still needs one to restart the process.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from core.worker import ResilientWorker


class Command(db_worker.Command):
    help = "Run the database task worker; it reconnects after database errors instead of exiting."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            max_backoff=float(settings.NEWSDESK_WORKER_MAX_BACKOFF_SECONDS),
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
