"""Search is warmed up when a web process boots (newsdesk/wsgi.py, deploy/gunicorn.conf.py),
not by the first reader's request."""

import logging
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from search import query

REPO = Path(__file__).resolve().parents[2]
GUNICORN_CONF = REPO / "deploy" / "gunicorn.conf.py"

PROBE = """
import newsdesk.wsgi  # what gunicorn imports (once, in the master, with preload_app)
from django.db import connections
from search import analysis
print(analysis._morph.cache_info().currsize, analysis._english_stemmer.cache_info().currsize)
print(analysis.russian_lemmas.cache_info().currsize > 0)
print(all(c.connection is None for c in connections.all()))
"""


def test_loading_the_wsgi_application_loads_the_analysers_without_the_database():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="newsdesk.settings.test")
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    # Dictionaries and stemmer loaded, a sample analysed, and no connection opened in the
    # (pre-fork) master: each worker opens its own.
    assert out == ["1", "1", "True", "True"]


def test_gunicorn_config_preloads_the_application():
    config = runpy.run_path(str(GUNICORN_CONF))
    assert config["preload_app"] is True


class FakeWorker:
    log = logging.getLogger("test.gunicorn")


@pytest.mark.django_db
def test_each_worker_runs_a_search_before_serving(site):
    site.article("Самолёт приземлился", "Самолёт приземлился вовремя.")
    assert query._stats is None
    runpy.run_path(str(GUNICORN_CONF))["post_worker_init"](FakeWorker())
    assert query._stats is not None and query._stats.documents == 1


@pytest.mark.django_db
def test_a_failing_warm_up_never_stops_the_worker(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(query, "archive_stats", broken)
    runpy.run_path(str(GUNICORN_CONF))["post_worker_init"](FakeWorker())
