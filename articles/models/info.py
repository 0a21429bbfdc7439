"""Pages about the newsroom itself: the masthead ("about us") and the corrections policy.

Readers, and the Trust Project's indicators, ask who is behind a site and how it corrects its
mistakes. Each language has at most one page of each purpose; the footer and the publisher's
structured data find them through articles/trust_pages.py.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.http_cache import PUBLIC
from core.page_forms import NewsdeskPageForm
from core.pages import ViewRestrictionsMixin
from core.purge import SITE_KEY, page_key


class InfoPurpose(models.TextChoices):
    ABOUT = "about", _("About us and masthead")
    CORRECTIONS = "corrections", _("Corrections policy")
    OTHER = "other", _("Other")


class InfoPage(ViewRestrictionsMixin, Page):
    """A page of text about the newsroom; the about page also lists its people."""

    base_form_class = NewsdeskPageForm

    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=InfoPurpose.choices,
        default=InfoPurpose.OTHER,
        help_text=_(
            "The about and corrections-policy pages are linked from every page's footer and "
            "from the publisher's structured data; one of each per language."
        ),
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(
        _("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["articles.HomePage"]
    subpage_types: list[str] = []

    http_cache_policy = PUBLIC

    class Meta:
        verbose_name = _("page about the newsroom")

    def http_cache_keys(self, request) -> list[str]:
        return [SITE_KEY, page_key(self.pk)]

    def clean(self) -> None:
        super().clean()
        if self.purpose == InfoPurpose.OTHER or self.locale_id is None:
            return
        same = InfoPage.objects.filter(purpose=self.purpose, locale_id=self.locale_id)
        if self.pk:
            same = same.exclude(pk=self.pk)
        if same.exists():
            raise ValidationError(
                {"purpose": _("This language already has a page with this purpose.")}
            )

    def get_context(self, request, *args, **kwargs):
        from ..authors import masthead

        context = super().get_context(request, *args, **kwargs)
        if self.purpose == InfoPurpose.ABOUT:
            context["masthead"] = masthead(self.locale)
        return context
