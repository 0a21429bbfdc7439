"""The newsroom's own records: the inbox's analysed text of source articles and watch lists.

The analysed text lives here, not in ``sources``: sources may not import the language analysis
(``search.analysis``), and only the newsroom searches source articles lexically. It is one
row per source article, rewritten whenever the article's text changes (``content_hash``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sources.models import Outlet, SourceArticle


class SourceTerms(models.Model):
    """A source article's analysed title and text, as space-padded term lists.

    Padded (" t1 t2 t3 ") so "contains ' term '" finds whole terms with a plain LIKE on SQLite
    and PostgreSQL alike; alternatives of one word (Russian lemmas) are separate terms.
    """

    source_article = models.OneToOneField(
        SourceArticle, primary_key=True, on_delete=models.CASCADE, related_name="inbox_terms"
    )
    content_hash = models.CharField(max_length=64, blank=True)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    indexed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("analysed source text")
        verbose_name_plural = _("analysed source texts")


class Watch(models.Model):
    """A saved inbox search: new source articles matching it notify its owner."""

    class Digest(models.TextChoices):
        NEVER = "never", _("no e-mail")
        HOURLY = "hourly", _("hourly")
        DAILY = "daily", _("daily")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="newsroom_watches",
    )
    name = models.CharField(_("name"), max_length=200)
    query = models.CharField(
        _("words"),
        max_length=500,
        help_text=_("Every word must occur, in any of its forms; quotes keep a phrase together."),
    )
    outlets = models.ManyToManyField(
        Outlet,
        verbose_name=_("outlets"),
        blank=True,
        related_name="+",
        help_text=_("None chosen: every outlet."),
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("None chosen: every language.")
    )
    cross_language = models.BooleanField(
        _("also other languages"),
        default=True,
        help_text=_("Also match articles on the same subject in other languages (semantic)."),
    )
    digest = models.CharField(
        _("e-mail digest"), max_length=10, choices=Digest.choices, default=Digest.DAILY
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("watch")
        verbose_name_plural = _("watches")
        ordering = ["owner_id", "name"]

    def __str__(self) -> str:
        return self.name


class WatchMatch(models.Model):
    """One source article that matched one watch: the owner hears of it once."""

    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="matches")
    source_article = models.ForeignKey(
        SourceArticle, on_delete=models.CASCADE, related_name="watch_matches"
    )
    matched_at = models.DateTimeField(default=timezone.now, db_index=True)
    cross_language = models.BooleanField(default=False)
    seen_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("watch match")
        verbose_name_plural = _("watch matches")
        ordering = ["-matched_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["watch", "source_article"], name="newsroom_watch_match_once"
            )
        ]
