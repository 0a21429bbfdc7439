"""Password guessing on the Wagtail admin login: the N+1th attempt is refused, even with the right
password, and the right password works again once the lock window has passed."""

import time

import pytest
from django.test import Client


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "e@example.org", "right-password")


def attempt(client, password, username="editor", address="203.0.113.5"):
    response = client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )
    return "locked-out-or-wrong" if response.status_code == 200 else response.status_code


@pytest.mark.django_db
def test_the_attempt_after_the_limit_is_refused_until_the_window_passes(editor, settings):
    settings.NEWSDESK_LOGIN_MAX_FAILURES = 3
    settings.NEWSDESK_LOGIN_LOCK_SECONDS = 2
    client = Client()
    for _ in range(3):
        assert attempt(client, "guess") == "locked-out-or-wrong"
    # The 4th attempt, with the right password, is refused: the form is shown again.
    assert attempt(client, "right-password") == "locked-out-or-wrong"
    # Another address is not locked out by this one's guessing.
    assert attempt(Client(), "right-password", address="198.51.100.8") == 302
    time.sleep(2.5)
    assert attempt(client, "right-password") == 302


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_reset_the_count(editor, settings):
    settings.NEWSDESK_LOGIN_MAX_FAILURES = 2
    settings.NEWSDESK_TRUSTED_PROXY_COUNT = 1
    client = Client()
    for i in range(3):
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "guess"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, 203.0.113.5",
        )
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "right-password"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5",
    )
    assert response.status_code == 200  # still locked


@pytest.mark.django_db
def test_a_successful_login_clears_earlier_failures(editor, settings):
    settings.NEWSDESK_LOGIN_MAX_FAILURES = 3
    client = Client()
    assert attempt(client, "guess") == "locked-out-or-wrong"
    assert attempt(client, "guess") == "locked-out-or-wrong"
    assert attempt(client, "right-password") == 302
    client.logout()
    assert attempt(client, "guess") == "locked-out-or-wrong"
    assert attempt(client, "guess") == "locked-out-or-wrong"
    assert attempt(client, "right-password") == 302
