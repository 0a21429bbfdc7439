"""The ingest pipeline: outlets' feeds and pages in, versioned articles and Stories out.

One run polls every due Feed through the safe fetcher (sources/fetching/), parses it
(sources/feeds.py), fetches and extracts each new or changed entry's page
(sources/extraction.py), stores the sanitized article and a version row, and finally groups new
articles into Stories (sources/clustering.py).

The package reads in that order: ``records`` (what a feed entry or a page says, gathered before
anything is written), ``storage`` (one transaction per article, versions with diffs),
``feed_state`` (due feeds, success, failure and back-off), ``stories`` (clustering of what is
new), ``runs`` (a whole run and its summary: the entry points), ``outlets`` (finding or
registering outlets and feeds). Import from the modules themselves.

Rules this module keeps, and why:

* **Idempotent.** Entries are matched by GUID (per outlet), by the link the feed lists and by
  the canonical URL, so polling the same feed twice creates nothing. Unchanged feeds cost a
  conditional GET (304) or, for servers that ignore it, a body hash comparison; unchanged
  entries are recognised by a hash of what the feed says and their pages are not fetched again.
* **Atomic per item.** Network I/O happens outside transactions; each article with its version
  row is written in one transaction, so a run killed half-way leaves whole articles or nothing.
  A feed's ETag/hash is stored only after all its entries were stored, so the next run sees
  the feed as changed and completes the work. Clustering runs at the end over every article
  without a Story, so articles of a killed run are clustered by the next one.
* **A broken source never stops the run.** Fetch and parse errors are recorded on the Feed
  (last error, consecutive failures, back-off of the next poll) and the run goes on.
* **Nothing unsanitized is stored.** Every HTML string goes through nh3 (sources/sanitize.py)
  right before it is written, whichever path produced it.
* **Corrections are visible.** A text change stores a new version with a unified diff and sends
  ``sources.signals.source_article_changed``; the articles app flags every published
  ArticlePage based on the article ("source updated since publication"). Sources never import
  articles: articles depend on sources, not the reverse.
"""
