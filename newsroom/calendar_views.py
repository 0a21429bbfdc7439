"""The editorial calendar's admin page (newsroom/calendar.py does the work)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.i18n import language_name
from core.time_zones import zone_label

from .calendar import (
    MISSING,
    OUT_OF_STEP,
    PUBLISHED,
    SCHEDULED,
    TRANSLATED,
    UNPUBLISHED,
    Week,
    sections_by_key,
    week_calendar,
)

STATUS_LABELS = {
    TRANSLATED: _("translated"),
    UNPUBLISHED: _("translation not published"),
    OUT_OF_STEP: _("out of step"),
    MISSING: _("missing"),
}
STATE_LABELS = {SCHEDULED: _("scheduled"), PUBLISHED: _("published")}
PERMISSION = "wagtailadmin.access_admin"


def _week_from(value: str | None) -> Week:
    try:
        day = date.fromisoformat(value) if value else None
    except ValueError:
        day = None
    return Week.containing(day or timezone.localdate())


class EditorialCalendarView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsroom/admin/calendar.html"
    page_title = _("Editorial calendar")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Newsroom")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        language = self.request.GET.get("language") or None
        if language not in languages:
            language = None
        sections = sections_by_key()
        section = self.request.GET.get("section") or None
        if section not in sections:
            section = None
        week = _week_from(self.request.GET.get("week"))
        days = week_calendar(week, language=language, section_key=section)
        names = {code: language_name(code) for code in languages}
        rows = [
            (
                day,
                [
                    {
                        "entry": entry,
                        "state": STATE_LABELS[entry.state],
                        "language": names.get(entry.language, entry.language),
                        "translations": [
                            {
                                "language": names.get(t.language, t.language),
                                "status": t.status,
                                "label": STATUS_LABELS[t.status],
                                "page_id": t.page_id,
                            }
                            for t in entry.translations
                        ],
                    }
                    for entry in day.entries
                ],
            )
            for day in days
        ]
        context.update(
            week=week,
            days=rows,
            entry_count=sum(len(d.entries) for d in days),
            zone=zone_label(week.bounds()[0]),
            language=language,
            section=section,
            language_choices=[(code, language_name(code)) for code in languages],
            section_choices=[
                (key, " · ".join(s.title for s in group)) for key, group in sections.items()
            ],
            today=timezone.localdate(),
        )
        return context
