"""Which tags name the same subject in another language.

Tags are words of their own language ("Energy" / "Энергетика") and taggit stores them in one
language-less table, so a tag page cannot know its counterpart by itself. Guessing it from the
tags of translated articles linked /en/tags/science/ to /ru/tags/климат/; an explicit link,
made by the editor (or the demo loader, or the data migration for the demo's tags), is what
the language switch and hreflang of tag pages follow.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag


class TagTranslation(models.Model):
    """A tag's language and, for a translation, the tag it translates.

    One tag of a subject is the original (``translation_of`` empty); the others point to it, so
    every tag of the subject is found in one query whatever tag the reader is on.
    """

    tag = models.OneToOneField(
        Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="translation_link"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text=_("The tag, in another language, that names the same subject."),
    )

    class Meta:
        verbose_name = _("tag translation")
        verbose_name_plural = _("tag translations")
        ordering = ["tag__name"]

    def __str__(self) -> str:
        return f"{self.tag.name} ({self.language})"

    def clean(self) -> None:
        original = self.translation_of
        if original is None:
            return
        if original.pk == self.pk:
            raise ValidationError({"translation_of": _("A tag cannot translate itself.")})
        if original.translation_of_id is not None:
            raise ValidationError(
                {"translation_of": _("Choose the original tag, not another translation of it.")}
            )
        if original.language == self.language:
            raise ValidationError(
                {"translation_of": _("The original tag must be in another language.")}
            )
        taken = original.translations.filter(language=self.language).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError(
                {"translation_of": _("That tag already has a translation in this language.")}
            )

    def root_id(self) -> int:
        return self.translation_of_id or self.pk
