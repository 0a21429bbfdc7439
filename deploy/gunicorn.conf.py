"""gunicorn settings for Newsdesk's web processes: `gunicorn -c deploy/gunicorn.conf.py
newsdesk.wsgi:application --bind ... --workers N` (systemd unit, `make stack`, benchmarks).

- `preload_app`: the master imports the application once (newsdesk/wsgi.py warms search up
  there: pymorphy3's dictionaries, gettext catalogues, templates), so every worker starts with
  them loaded and shares their memory, and a worker restarted by gunicorn serves its first
  search at once instead of spending seconds loading them.
- The master opens no database connection; each worker warms its own after the fork
  (`post_worker_init`: one search per language through search.warmup.warm_up_worker).
"""

preload_app = True


def post_worker_init(worker):
    from search.warmup import warm_up_worker

    seconds = warm_up_worker()
    worker.log.info("search warmed up in %.2f s", seconds)
