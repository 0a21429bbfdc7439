"""Production settings come from the environment only and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
            "DJANGO_SECRET_KEY": "x" * 60 + "-a-long-random-looking-value-for-the-check",
            "DJANGO_ALLOWED_HOSTS": "news.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
            "DJANGO_ALLOWED_HOSTS": "news.example.org",
        },
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


PRINT_MAIL_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL)"
)
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
    "DJANGO_SECRET_KEY": "x" * 60 + "-a-long-random-looking-value-for-the-check",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def test_production_mail_comes_from_the_environment():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        PRINT_MAIL_SETTINGS,
        env_overrides={
            **PRODUCTION,
            "DJANGO_EMAIL_HOST": "smtp.example.org",
            "DJANGO_EMAIL_PORT": "2525",
            "DJANGO_EMAIL_USE_TLS": "false",
            "DJANGO_DEFAULT_FROM_EMAIL": "desk@example.org",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "2525",
        "False",
        "desk@example.org",
    ]


def test_production_without_a_mail_host_logs_mail_instead_of_losing_it():
    result = run_manage(
        "shell", "--no-imports", "-c", PRINT_MAIL_SETTINGS, env_overrides=PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"
