"""Notifications for admin users: a dashboard panel entry and an e-mail, once per subject.

WHY here, in the lowest layer: any app may need to tell editors something (newsroom tells them
that a source changed after publication), and a notification knows only users, text and an
admin URL. The caller renders the text for each user (in the user's admin language); ``notify``
stores it once per (user, key), and the e-mails go out from a task after the commit, through
Django's mail settings (``EMAIL_BACKEND``, ``EMAIL_HOST``, ``DEFAULT_FROM_EMAIL``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import AdminNotification

logger = logging.getLogger(__name__)
# Enqueues the e-mail task for these notification ids; core.tasks sets it (no import cycle).
EmailSender = Callable[[list[int]], object]
_email_sender: list[EmailSender] = []


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    url: str = ""  # an admin path ("/admin/...") or an absolute URL


def set_email_sender(sender: EmailSender) -> None:
    _email_sender[:] = [sender]


def notify(
    users: Iterable[AbstractBaseUser], key: str, message_for: Callable[[AbstractBaseUser], Message]
) -> list[AdminNotification]:
    """Store a notification for each user that has none for ``key`` yet; e-mail the new ones.

    Returns the notifications created now (an empty list when every user was told already).
    """
    created = []
    for user in {u.pk: u for u in users if u.is_active}.values():
        if AdminNotification.objects.filter(user_id=user.pk, key=key).exists():
            continue
        message = message_for(user)
        try:
            with transaction.atomic():
                created.append(
                    AdminNotification.objects.create(
                        user_id=user.pk,
                        key=key[:200],
                        subject=message.subject[:300],
                        body=message.body,
                        url=message.url[:500],
                    )
                )
        except IntegrityError:
            continue  # a concurrent run told this user just now
    ids = [n.pk for n in created]
    if ids and _email_sender:
        sender = _email_sender[0]
        transaction.on_commit(lambda: sender(ids))
    return created


def absolute_url(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send_emails(notification_ids: list[int]) -> int:
    """E-mail each notification not e-mailed yet to its user; returns how many were sent.

    Each row is claimed (``emailed_at`` set) before its mail is sent, so a task run twice sends
    once; a send that fails un-claims the row and raises, so the task's failure is visible.
    """
    sent = 0
    rows = AdminNotification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
    for notification in rows.select_related("user"):
        address = getattr(notification.user, "email", "")
        if not address:
            continue
        now = timezone.now()
        claimed = AdminNotification.objects.filter(
            pk=notification.pk, emailed_at__isnull=True
        ).update(emailed_at=now)
        if not claimed:
            continue
        body = notification.body
        if notification.url:
            body = f"{body}\n\n{absolute_url(notification.url)}"
        try:
            send_mail(notification.subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        except Exception:
            AdminNotification.objects.filter(pk=notification.pk).update(emailed_at=None)
            logger.exception("Could not e-mail notification %s", notification.pk)
            raise
        sent += 1
    return sent


def unread_for(user: Any) -> QuerySet[AdminNotification]:
    """The user's unread notifications (none for an anonymous user)."""
    return AdminNotification.objects.filter(user_id=user.pk, read_at__isnull=True)


def mark_read(user: Any, notification_id: int) -> bool:
    """Only the notification's own user can dismiss it."""
    return bool(unread_for(user).filter(pk=notification_id).update(read_at=timezone.now()))
