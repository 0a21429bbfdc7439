"""The originality panel of the article editor: the stored check of the latest revision.

Plugged into ``ArticlePage.content_panels`` from ``IntegrityConfig.ready`` (articles cannot know
about integrity). It only reads the stored check: scoring happens in the task. While the latest
revision has no finished check yet the panel says "checking" and
``static/integrity/originality-panel.js`` asks ``integrity:panel`` (the same rendering, as
JSON) every few seconds until it has one, then swaps the panel in place.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from articles.models import ArticlePage

from .guard import latest_check
from .highlight import percent
from .models import OriginalityCheck

TEMPLATE = "integrity/admin/panel.html"


def panel_state(page: ArticlePage, check: OriginalityCheck | None) -> str:
    """ "checking" while the latest revision waits for its check (the task has not stored one
    yet, or is running); else "none", "done" or "failed" for the latest check."""
    latest_revision_id = page.latest_revision_id
    if latest_revision_id and not (
        OriginalityCheck.objects.filter(page_id=page.pk, revision_id=latest_revision_id)
        .exclude(status=OriginalityCheck.Status.PENDING)
        .exists()
    ):
        return "checking"
    if check is None:
        return "none"
    return "checking" if check.status == OriginalityCheck.Status.PENDING else check.status


def panel_context(page: ArticlePage | None) -> dict:
    check = latest_check(page) if page is not None and page.pk else None
    report = check.report if check is not None else {}
    has_pk = page is not None and page.pk
    return {
        "check": check,
        "state": panel_state(page, check) if has_pk else "none",
        "passages": report.get("passages", []),
        "sources": report.get("sources", []),
        "share_label": percent(check.share) if check else "",
        "quote_label": percent(check.quote_share) if check else "",
        "report_url": reverse("integrity:page", args=[page.pk]) if check else "",
        "status_url": reverse("integrity:panel", args=[page.pk]) if has_pk else "",
    }


class OriginalityPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Originality"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "originality"

    class BoundPanel(Panel.BoundPanel):
        template_name = TEMPLATE

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(panel_context(self.instance))
            return context


def install(page_model) -> None:
    """Add the panel after the body field (once), before the edit handler is first built."""
    panels = page_model.content_panels
    if any(isinstance(p, OriginalityPanel) for p in panels):
        return
    names = [getattr(p, "field_name", None) for p in panels]
    position = names.index("body") + 1 if "body" in names else len(panels)
    panels.insert(position, OriginalityPanel())
