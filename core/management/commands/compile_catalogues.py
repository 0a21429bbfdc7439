"""`manage.py compile_catalogues`: build .mo files from the project's .po catalogues.

Django's own `compilemessages` needs GNU gettext's msgfmt, which a fresh machine may lack;
polib does the same in pure Python, so `make install` works anywhere Python does.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile every .po catalogue under LOCALE_PATHS into a .mo file next to it."

    def handle(self, *args, **options):
        catalogues = [
            po for base in settings.LOCALE_PATHS for po in Path(base).glob("*/LC_MESSAGES/*.po")
        ]
        if not catalogues:
            raise CommandError(f"No .po files found under {settings.LOCALE_PATHS}.")
        for po_path in catalogues:
            catalogue = polib.pofile(str(po_path))
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(
                f"{po_path}: {len(catalogue.translated_entries())} translated, "
                f"{len(catalogue.untranslated_entries())} untranslated"
            )
