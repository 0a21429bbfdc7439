"""Context shared by every reader-facing template."""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone


def site_header(request: HttpRequest) -> dict[str, date]:
    """Today's date in the site's time zone, for the header line."""
    return {"today": timezone.localdate()}
