"""Context shared by every reader-facing template."""

from django.utils import timezone


def site_header(request):
    """Today's date in the site's time zone, for the header line."""
    return {"today": timezone.localdate()}
