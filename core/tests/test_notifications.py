"""Admin notifications: stored once per user and subject, e-mailed once through Django's mail
settings (the locmem backend, and a real SMTP server on 127.0.0.1), listed on the dashboard."""

from __future__ import annotations

import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from core.models import AdminNotification
from core.notifications import Message, notify, send_emails

pytestmark = pytest.mark.django_db


def user(name: str, **kw):
    return get_user_model().objects.create_user(name, f"{name}@newsroom.example.org", "pw", **kw)


def hello(recipient) -> Message:
    return Message(f"Hello {recipient.username}", "Something happened.", "/admin/somewhere/")


def test_each_user_is_notified_once_per_key_and_emailed_once(django_capture_on_commit_callbacks):
    ada, bob, gone = user("ada"), user("bob"), user("gone", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        created = notify([ada, bob, gone, ada], "thing:1", hello)
    with django_capture_on_commit_callbacks(execute=True):
        again = notify([ada, bob], "thing:1", hello)

    assert sorted(n.user.username for n in created) == ["ada", "bob"] and again == []
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("ada@newsroom.example.org", "Hello ada"),
        ("bob@newsroom.example.org", "Hello bob"),
    ]
    assert "http://testserver/admin/somewhere/" in mail.outbox[0].body
    assert send_emails([n.pk for n in created]) == 0  # a second run of the task sends nothing
    assert len(mail.outbox) == 2


class Inbox:
    """aiosmtpd handler that keeps what it received."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        self.received.set()
        return "250 OK"


def test_the_email_goes_through_a_real_smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on the loopback interface
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        ada = user("ada")
        notification = AdminNotification.objects.create(
            user=ada, key="k", subject="Source withdrawn: Bridge", body="Gone.", url="/admin/x/"
        )
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            DEFAULT_FROM_EMAIL="desk@newsroom.example.org",
        ):
            assert send_emails([notification.pk]) == 1
        assert inbox.received.wait(10)
    finally:
        controller.stop()
    sender, recipients, content = inbox.messages[0]
    assert (sender, recipients) == ("desk@newsroom.example.org", ["ada@newsroom.example.org"])
    assert (
        b"Subject: Source withdrawn: Bridge" in content and b"http://testserver/admin/x/" in content
    )
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_failed_send_leaves_the_notification_to_be_emailed_again():
    ada = user("ada")
    notification = AdminNotification.objects.create(user=ada, key="k", subject="S", body="B")
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=1,  # nothing listens there
        EMAIL_TIMEOUT=2,
    ):
        with pytest.raises(OSError):
            send_emails([notification.pk])
    notification.refresh_from_db()
    assert notification.emailed_at is None
    assert send_emails([notification.pk]) == 1


def test_the_dashboard_lists_the_users_unread_notifications_until_marked_read(client):
    ada = user("ada", is_superuser=True, is_staff=True)
    bob = user("bob", is_superuser=True, is_staff=True)
    mine = AdminNotification.objects.create(
        user=ada, key="a", subject="Source changed: A", body="x"
    )
    AdminNotification.objects.create(user=bob, key="b", subject="Source changed: B", body="y")
    client.force_login(ada)

    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Source changed: A" in page and "Source changed: B" not in page

    client.post(reverse("newsdesk_notification_read", args=[mine.pk]), {"next": "/admin/"})
    assert "Source changed: A" not in client.get(reverse("wagtailadmin_home")).content.decode()

    other = AdminNotification.objects.get(key="b")
    client.post(reverse("newsdesk_notification_read", args=[other.pk]))
    other.refresh_from_db()
    assert other.read_at is None  # only its own user can dismiss it
