"""Naming the active time zone for editors (the admin activates the editor's zone, else the
site's TIME_ZONE): "Europe/London (GMT, UTC+00:00)"."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone


def zone_label(moment: datetime | None = None) -> str:
    """The active zone's name, its abbreviation at ``moment`` (default now) and UTC offset."""
    zone = timezone.get_current_timezone()
    local = timezone.localtime(moment or timezone.now(), zone)
    raw = local.strftime("%z")
    offset = f"UTC{raw[:3]}:{raw[3:]}" if raw else "UTC"
    abbreviation = local.tzname() or ""
    name = timezone.get_current_timezone_name()
    if abbreviation and abbreviation not in (name, offset) and abbreviation[0] not in "+-":
        return f"{name} ({abbreviation}, {offset})"
    return f"{name} ({offset})"
