"""Sources watched after publication: re-fetch what a published page is based on, and say what
the outlet did to it.

An outlet may correct, update or withdraw an article long after it has left its feed, and the
feed poll never looks again. A source article that a published page is based on therefore gets
a ``SourceWatch``: it is re-fetched on a lengthening schedule counted from the page's first
publication (``NEWSDESK_SOURCE_WATCH_SCHEDULE``, default 1 h, 6 h, 1 day, 7 days, 30 days),
through the safe client, politely and with conditional requests.

What a check can find, and where it goes:

* the text changed: stored through ``ingest.storage.store_article`` (the one way to store a
  version, which raises "source updated since publication"); ``events`` records a CHANGED
  event, or CORRECTED when the outlet appended a correction or update note (``corrections``);
* the page is gone (404/410, or a redirect to the outlet's home page): a WITHDRAWN event, once;
* nothing: a 304 or the same text, and the schedule moves on.

Events are sent as ``sources.signals.source_event_recorded`` so that higher layers (articles
flags pages, newsroom notifies their editors) react without sources knowing about pages. Which
sources are watched is told by those layers too (``schedule.register_watch_candidates``).

The package reads: ``models`` (the per-source state and the events), ``schedule`` (when a check
is due, claiming and advancing), ``corrections`` (notes in the outlets' languages), ``events``
(recording them), ``check`` (one re-fetch and its outcome), ``runs`` (the periodic job's work).
Import from the modules themselves; this file imports nothing because Django loads ``models``
while the app registry is being built.
"""
