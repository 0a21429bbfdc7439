"""One gate every publication of an article revision passes: the editor, the workflow's last
approval, scheduled publishing (``publish_scheduled``), bulk publishing and
``revision.publish()`` / ``page.publish(revision)`` from code.

WHY here and not in each path: Wagtail routes all of those except the editor through
``Page.publish`` (``ArticlePage.publish`` calls :func:`check_publication` first); the editor and
the admin API run ``PublishPageRevisionAction`` directly, after the ``before_publish_page`` hook,
which asks the same gate. ``articles`` does not know what may refuse a publication (the
originality guard lives a layer up, in ``integrity``): higher apps register a Wagtail hook
``newsdesk_before_publish_article`` ``fn(page, revision, user, scheduled) -> str | None`` that
returns why the revision may not go live, or None.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from wagtail import hooks

if TYPE_CHECKING:
    from wagtail.models import Revision

logger = logging.getLogger(__name__)

HOOK = "newsdesk_before_publish_article"


class PublicationRefused(PermissionDenied):
    """A gate refused to make the revision live; ``reason`` is for the editor."""

    def __init__(self, reason: str, page: Any, revision: Revision | None):
        super().__init__(reason)
        self.reason = reason
        self.page = page
        self.revision = revision


def publication_refusal(page: Any, revision: Revision | None, user: Any = None) -> str | None:
    """Why ``revision`` of ``page`` may not go live (None: it may). ``page`` is the content
    being published (``revision.as_object()`` or the editor's in-memory page)."""
    scheduled = revision is not None and revision.approved_go_live_at is not None
    for fn in hooks.get_hooks(HOOK):
        reason = fn(page, revision, user, scheduled)
        if reason:
            return str(reason)
    return None


def check_publication(page: Any, revision: Revision, user: Any = None) -> None:
    """Raise :class:`PublicationRefused` unless every gate lets ``revision`` go live."""
    reason = publication_refusal(page, revision, user)
    if reason:
        logger.warning(
            "publication of page %s revision %s refused: %s", page.pk, revision.pk, reason
        )
        raise PublicationRefused(reason, page, revision)
