"""Telling editors what an outlet did to the sources of their published articles.

``sources.watch`` records one ``SourceEvent`` per change (text changed, correction note added,
withdrawn); this module finds the live articles based on that source, their editors (the
owner and everyone who saved a revision), and gives each editor one notification per event,
on the admin dashboard and by e-mail (core/notifications.py), in the editor's admin language.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from articles.models import ArticlePage
from core.notifications import Message, notify
from sources.models import SourceEvent

NOTE_QUOTE_MAX = 400


def affected_pages(event: SourceEvent) -> list[ArticlePage]:
    """Live articles (every language) based on the event's source and published before it."""
    return list(
        ArticlePage.objects.live()
        .filter(
            source_links__source_article_id=event.article_id,
            first_published_at__lte=event.detected_at,
        )
        .select_related("locale", "owner")
        .distinct()
        .order_by("locale__language_code", "pk")
    )


def page_editors(pages: list[ArticlePage]) -> list[AbstractBaseUser]:
    """The owners of ``pages`` and the users who saved any of their revisions."""
    ids = {page.owner_id for page in pages if page.owner_id}
    ids |= set(
        Revision.page_revisions.filter(object_id__in=[str(page.pk) for page in pages])
        .exclude(user__isnull=True)
        .values_list("user_id", flat=True)
    )
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def _message(event: SourceEvent, pages: list[ArticlePage]) -> Message:
    source = event.article
    outlet = source.outlet.name
    if event.kind == SourceEvent.Kind.WITHDRAWN:
        subject = _("Source withdrawn: %(title)s") % {"title": source.title}
        what = _("%(outlet)s has withdrawn the article “%(title)s” (%(detail)s).") % {
            "outlet": outlet,
            "title": source.title,
            "detail": event.detail,
        }
    elif event.kind == SourceEvent.Kind.CORRECTED:
        subject = _("Source corrected: %(title)s") % {"title": source.title}
        what = _("%(outlet)s has added a correction or update to “%(title)s”:") % {
            "outlet": outlet,
            "title": source.title,
        }
        note = (
            event.note if len(event.note) <= NOTE_QUOTE_MAX else event.note[:NOTE_QUOTE_MAX] + "…"
        )
        what += f"\n\n“{note}”"
    else:
        subject = _("Source changed: %(title)s") % {"title": source.title}
        what = _("%(outlet)s has changed the text of “%(title)s”.") % {
            "outlet": outlet,
            "title": source.title,
        }
    listed = "\n".join(f"- {page.title} ({page.locale.language_code})" for page in pages)
    body = "\n\n".join(
        [
            what,
            _("Published articles based on it:") + "\n" + listed,
            _("See what changed and write a correction:"),
        ]
    )
    return Message(subject=subject, body=body, url=reverse("sources_newsroom:source_updates"))


def _language_of(user: AbstractBaseUser) -> str:
    return UserProfile.get_for_user(user).get_preferred_language()


def notify_editors(event_id: int) -> int:
    """One notification per editor for this event (however often the task runs); returns how
    many were created."""
    event = SourceEvent.objects.select_related("article__outlet").filter(pk=event_id).first()
    if event is None:
        return 0
    pages = affected_pages(event)
    if not pages:
        return 0

    def message_for(user: AbstractBaseUser) -> Message:
        with translation.override(_language_of(user)):
            return _message(event, pages)

    return len(notify(page_editors(pages), f"sources.event:{event.pk}", message_for))


def concerns_live_articles(event: SourceEvent) -> bool:
    """Whether any live article is based on the event's source (most events concern none)."""
    return (
        ArticlePage.objects.live().filter(source_links__source_article_id=event.article_id).exists()
    )
