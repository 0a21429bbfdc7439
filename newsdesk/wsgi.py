"""WSGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.production")

application = get_wsgi_application()

# Dictionaries, catalogues and templates now, not in the first reader's search; under gunicorn
# with preload_app (deploy/gunicorn.conf.py) once in the master, shared by every worker.
from search.warmup import warm_up_process  # noqa: E402

warm_up_process()
