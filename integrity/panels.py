"""The originality panel of the article editor: the stored check of the latest revision.

Plugged into ``ArticlePage.content_panels`` from ``IntegrityConfig.ready`` (articles cannot know
about integrity). It only reads the stored check: scoring happens in the task.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .guard import latest_check
from .highlight import percent


class OriginalityPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Originality"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "originality"

    class BoundPanel(Panel.BoundPanel):
        template_name = "integrity/admin/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            check = latest_check(page) if page is not None and page.pk else None
            report = check.report if check is not None else {}
            context.update(
                check=check,
                passages=report.get("passages", []),
                sources=report.get("sources", []),
                share_label=percent(check.share) if check else "",
                quote_label=percent(check.quote_share) if check else "",
                report_url=reverse("integrity:page", args=[page.pk]) if check else "",
            )
            return context


def install(page_model) -> None:
    """Add the panel after the body field (once), before the edit handler is first built."""
    panels = page_model.content_panels
    if any(isinstance(p, OriginalityPanel) for p in panels):
        return
    names = [getattr(p, "field_name", None) for p in panels]
    position = names.index("body") + 1 if "body" in names else len(panels)
    panels.insert(position, OriginalityPanel())
