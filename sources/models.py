"""Records of the outlets we follow and of their original articles.

These are structured facts, not prose: the attribution block on every published interpretation
is generated from them, so an outlet's name or rights wording is edited in one place.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class Outlet(TranslatableMixin, models.Model):
    """A foreign news outlet whose stories the newsroom interprets.

    Translatable so the Russian site can show the outlet's name the way Russian readers know it.
    """

    name = models.CharField(_("name"), max_length=200)
    homepage = models.URLField(_("homepage"), max_length=500, blank=True)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("ISO 639-1 code, e.g. de")
    )
    rights_holder = models.CharField(
        _("rights holder"),
        max_length=300,
        blank=True,
        help_text=_("Who owns the rights to the outlet's articles; defaults to the outlet's name."),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def rights_holder_display(self) -> str:
        return self.rights_holder or self.name


class SourceArticleQuerySet(models.QuerySet):
    def with_outlet(self):
        return self.select_related("outlet")


class SourceArticle(models.Model):
    """One original article published by an outlet: what an interpretation is based on."""

    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="articles"
    )
    url = models.URLField(_("original URL"), max_length=1000, unique=True)
    title = models.CharField(_("original title"), max_length=500)
    language = models.CharField(_("language"), max_length=10, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = SourceArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("source article")
        verbose_name_plural = _("source articles")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.outlet})"
