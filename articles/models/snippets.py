"""Snippets the newsroom reuses across articles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class Author(TranslatableMixin, models.Model):
    """A member of the newsroom; translatable so names appear in each reader's script."""

    name = models.CharField(_("name"), max_length=200)
    bio = models.TextField(_("short biography"), blank=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
