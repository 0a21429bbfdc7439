"""Snippets the newsroom reuses across articles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from ..slugs import ascii_slug


class Author(TranslatableMixin, models.Model):
    """A member of the newsroom; translatable so names appear in each reader's script.

    Each translation has its own page, /<lang>/authors/<slug>/ (HomePage.author_listing), which
    bylines link to: who they are, what they do here, what they wrote.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        help_text=_("The author page's address; made from the name when left empty."),
    )
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example: economics editor.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        indexes = [models.Index(fields=["locale", "slug"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug(ascii_slug(self.name, fallback="author"))
        return super().save(*args, **kwargs)

    def free_slug(self, base: str) -> str:
        """`base`, or `base-2`, ... whichever no other author of this locale has."""
        taken = set(
            Author.objects.filter(locale_id=self.locale_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, n = base, 2
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        return slug

    def url_in(self, language: str) -> str:
        """The author page's path in `language` (this author's own language)."""
        return f"/{language}/authors/{self.slug}/" if self.slug else ""
