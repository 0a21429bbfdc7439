"""The article editor's form: checks that only matter when a page goes out to readers."""

from __future__ import annotations

from core.page_forms import NewsdeskPageForm

from .alt_text import MISSING_ALT_MESSAGE, lacks_alt_text
from .kinds import DEFAULT_KIND


class ArticlePageForm(NewsdeskPageForm):
    """Refuses to publish a lead picture nothing describes (unless marked decorative).

    Saving a draft defers this check, as Wagtail defers required fields, so an editor can save
    work in progress; publishing, scheduling and submitting for review run it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            # The select always posts a value; a post without one (an old form, a script)
            # keeps the default kind instead of failing.
            self.fields["kind"].required = False
        if "authors" in self.fields:
            self._limit_authors_to_locale()

    def _limit_authors_to_locale(self) -> None:
        """Offer only the authors of the page's language (a new page takes its parent's)."""
        from .authors import authors_to_credit  # models import this module

        locale_id = self.instance.locale_id
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is None:
            return
        keep = [getattr(a, "pk", a) for a in self.initial.get("authors") or ()]
        self.fields["authors"].queryset = authors_to_credit(locale_id, keep=keep)

    def clean_kind(self):
        return self.cleaned_data.get("kind") or DEFAULT_KIND

    def clean(self):
        cleaned = super().clean()
        if not self.is_deferred_validation and lacks_alt_text(
            cleaned.get("lead_image"),
            cleaned.get("lead_image_alt") or "",
            bool(cleaned.get("lead_image_decorative")),
        ):
            self.add_error("lead_image_alt", MISSING_ALT_MESSAGE)
        return cleaned
