"""What readers are told after publication: typed notices, and withdrawals (takedowns).

A notice (correction, clarification, update) is part of the article's content: an inline child
of the page, in the page's language, with its own date. It is translatable (wagtail-localize
extracts its text as a segment), so adding one to the English original puts an untranslated
segment in the Russian translation's out-of-step report; kind and date are synchronised.

A withdrawal is not content: it is kept beside the page (not in its revisions), so that
republishing an old revision can neither bring it back nor lose it. The page itself is
unpublished, which takes it out of every listing, feed, sitemap, search and "Don't Miss" that
already ask for live pages; the row makes its URL answer 410 Gone instead of 404.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class NoticeKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")


class ArticleNotice(TranslatableMixin, Orderable):
    """One dated notice to readers about a change made after publication."""

    page = ParentalKey("articles.ArticlePage", related_name="notices", on_delete=models.CASCADE)
    kind = models.CharField(
        _("kind"), max_length=20, choices=NoticeKind.choices, default=NoticeKind.CORRECTION
    )
    date = models.DateTimeField(
        _("date"), default=timezone.now, help_text=_("When the article was changed.")
    )
    text = models.TextField(
        _("text"), help_text=_("What was wrong or what changed, in the article's language.")
    )

    panels = [FieldPanel("kind"), FieldPanel("date"), FieldPanel("text")]
    translatable_fields = [
        TranslatableField("text"),
        SynchronizedField("kind"),
        SynchronizedField("date"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("notice to readers")
        verbose_name_plural = _("notices to readers")
        # The corrections page lists one language's notices, newest first.
        indexes = [models.Index(fields=["locale", "date"], name="articles_notice_locale_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def is_correction(self) -> bool:
        return self.kind == NoticeKind.CORRECTION


class ArticleWithdrawal(models.Model):
    """An article taken down by an editor: who, when and why (the log entry has them too)."""

    page = models.OneToOneField(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="withdrawal"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), default=timezone.now)
    reason = models.TextField(_("reason"))
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What was live when it was withdrawn: restoring republishes exactly that, not a draft
    # someone saved since (Wagtail's unpublish forgets the live revision).
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        permissions = [("withdraw_article", "Can withdraw and restore published articles")]

    def __str__(self) -> str:
        return f"{self.page_id} withdrawn at {self.withdrawn_at:%Y-%m-%d %H:%M}"
