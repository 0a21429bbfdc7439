"""The base editor form of every page type: the publishing schedule names its time zone.

Wagtail's "Set publishing schedule" dialog shows go-live and expiry fields without saying in
which zone they are read; the form is built inside the request, after the admin activated the
editor's zone, so the help text names exactly the zone the typed time is taken in.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .time_zones import zone_label

SCHEDULE_FIELDS = ("go_live_at", "expire_at")


class NewsdeskPageForm(WagtailAdminPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label = zone_label()
        for name in SCHEDULE_FIELDS:
            if name in self.fields:
                self.fields[name].help_text = _("Time zone: %(zone)s") % {"zone": label}
