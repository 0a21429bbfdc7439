"""Signals the sources app sends, so that higher layers can react without sources importing them."""

from __future__ import annotations

from django.dispatch import Signal

# A stored source article's text changed (a correction or an update by its outlet); sent inside
# the transaction that stores the new version, so what receivers write commits or rolls back
# with it. Arguments: ``article`` (the SourceArticle, already saved with its new version) and
# ``changed_at`` (aware datetime of the change).
source_article_changed = Signal()

# A source article was stored for the first time (same transaction rules as above). Arguments:
# ``article`` (the saved SourceArticle, version 1 included). The newsroom analyses it for inbox
# search and matches it against watch lists.
source_article_created = Signal()

# Source articles were given their (clustering) signature, after the transaction that stored it
# committed. Argument: ``article_ids`` (list of SourceArticle ids). Search's semantic index reuses
# the signature's embedding for these articles.
source_articles_signed = Signal()

# The watch after publication (or a feed poll) recorded what an outlet did to a stored article:
# a changed text, an appended correction note, a withdrawal. Sent inside the transaction that
# stores it. Argument: ``event`` (a saved ``sources.SourceEvent``).
source_event_recorded = Signal()
