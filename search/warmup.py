"""Load what a search needs when a web process boots, not on the first reader's request.

A cold process used to spend seconds on its first search: pymorphy3's dictionaries, the
Snowball stemmer, the gettext catalogues, the compiled templates of the results page and the
lazily imported backend modules were all loaded by that request. Two steps, so a server that
forks its workers can share the expensive part:

- `warm_up_process()` needs no database. `newsdesk/wsgi.py` calls it when the application is
  loaded; under gunicorn with `preload_app` (deploy/gunicorn.conf.py) that happens once in the
  master, and the forked workers share the loaded dictionaries and the sentence encoder of the
  semantic index (copy-on-write pages).
- `warm_up_worker()` runs one search per content language in the worker itself (gunicorn's
  `post_worker_init` hook): its own database connection, the archive statistics the ranking
  uses, the query path's caches, query expansion's vocabulary and the semantic ANN index
  (loaded from its saved file, see search/semantic/ann.py). A failure is logged and never
  stops the worker.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

from . import analysis, expansion, query
from .backends import SearchFilters, get_backend
from .semantic.encoding import embed_query

logger = logging.getLogger(__name__)

# Sample words that exercise both analysers, a known and an unknown Russian word.
SAMPLE_TEXT = "Самолёт Ан-148 приземлился в аэропорту Шереметьево; flights resumed"
TEMPLATES = ("search/search.html", "base.html")


def warm_up_process() -> float:
    """Dictionaries, catalogues, templates, URLs: everything without the database. Seconds."""
    started = time.perf_counter()
    analysis.warm_up(SAMPLE_TEXT)
    # The sentence encoder (~2 s, ~120 MB): loaded before the fork, shared by the workers.
    embed_query(SAMPLE_TEXT)
    # The word vectors of query expansion (~1 s, ~30 MB), shared the same way.
    if expansion.enabled():
        expansion.load_vectors()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")
    for name in TEMPLATES:
        get_template(name)
    get_resolver().url_patterns  # noqa: B018 - builds the resolver (and imports every view)
    return time.perf_counter() - started


def warm_up_worker() -> float:
    """One search per content language in this process, so its database work is warm too."""
    started = time.perf_counter()
    try:
        get_backend()
        query.archive_stats()
        if expansion.enabled():
            expansion.warm_up()  # its vocabulary matrix is built from this database's terms
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            query.run_search(SAMPLE_TEXT.split()[0], SearchFilters(languages=(code,)))
    except Exception:  # a cold database must not keep the worker from serving
        logger.exception("search warm-up failed; the first search will load what it needs")
    return time.perf_counter() - started
