"""`manage.py demo_admin`: an administrator for the local demo, and its login printed.

Development only: the password is generated once, kept in var/demo-admin.txt (git-ignored) and
printed on every run so a newcomer can log in; the command refuses to run with DEBUG off.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create (once) the demo administrator and print its login. DEBUG only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_admin is for local development only (DEBUG is off).")
        secret_file = Path(settings.BASE_DIR) / "var" / "demo-admin.txt"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None or not secret_file.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                User.objects.create_superuser(USERNAME, "admin@example.org", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            secret_file.parent.mkdir(parents=True, exist_ok=True)
            secret_file.write_text(password + "\n")
            secret_file.chmod(0o600)
        password = secret_file.read_text().strip()
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin (development only): {admin_url}  user: {USERNAME}  password: {password}"
            )
        )
