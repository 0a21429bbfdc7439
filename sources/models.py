"""Records of the outlets we follow and of their original articles.

These are structured facts, not prose: the attribution block on every published interpretation
is generated from them, so an outlet's name or rights wording is edited in one place.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from core.safe_urls import http_url_validator

from .extraction_rules import validate as validate_selectors
from .feed_rules import PatternError, validate


class Outlet(TranslatableMixin, models.Model):
    """A foreign news outlet whose stories the newsroom interprets.

    Translatable so the Russian site can show the outlet's name the way Russian readers know it.
    """

    name = models.CharField(_("name"), max_length=200)
    homepage = models.URLField(
        _("homepage"), max_length=500, blank=True, validators=[http_url_validator]
    )
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


class Story(models.Model):
    """A cluster of source articles reporting the same event, across outlets and languages.

    Stories are made by the clustering step of ingest (sources/clustering.py): editors see each
    event once in the inbox, however many outlets carry it.
    """

    title = models.CharField(_("title"), max_length=500)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last article added"), default=timezone.now)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Feed(models.Model):
    """An RSS/Atom/JSON feed of an outlet, polled by ingest; carries its own health record.

    Health lives on the row (not in logs) so the feed-health report can tell an editor which
    feed fails and why, and so a failing feed backs off instead of being hammered every poll.
    """

    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.CASCADE, related_name="feeds"
    )
    url = models.URLField(
        _("feed URL"), max_length=1000, unique=True, validators=[http_url_validator]
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    active = models.BooleanField(_("active"), default=True)
    poll_interval_minutes = models.PositiveIntegerField(_("poll interval (minutes)"), default=30)
    fetch_pages = models.BooleanField(
        _("fetch article pages"),
        default=True,
        help_text=_("Fetch and extract each linked page; off: store the feed's own content."),
    )
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    next_poll_at = models.DateTimeField(_("next poll"), null=True, blank=True, db_index=True)
    etag = models.CharField(_("ETag"), max_length=500, blank=True, editable=False)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    entry_count = models.PositiveIntegerField(_("entries"), default=0, editable=False)

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        ordering = ["outlet__name", "url"]

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def is_failing(self) -> bool:
        return self.consecutive_failures > 0


class FeedRule(models.Model):
    """A keep/block rule of one feed: which of its entries reach the inbox (sources/feed_rules.py).

    Patterns are validated when saved (they must compile and finish quickly on adversarial
    texts); saving a rule forgets the entries the feed's rules blocked, so they are judged again.
    """

    class Action(models.TextChoices):
        KEEP = "keep", _("keep only matching entries")
        BLOCK = "block", _("block matching entries")

    class Kind(models.TextChoices):
        WORDS = "words", _("words (comma-separated, whole words, any case)")
        REGEX = "regex", _("regular expression (any case)")

    class Target(models.TextChoices):
        ANY = "any", _("title or text")
        TITLE = "title", _("title")
        TEXT = "text", _("text")

    feed = models.ForeignKey(
        Feed, verbose_name=_("feed"), on_delete=models.CASCADE, related_name="rules"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WORDS)
    target = models.CharField(_("applies to"), max_length=10, choices=Target.choices, default="any")
    pattern = models.CharField(_("pattern"), max_length=300)
    active = models.BooleanField(_("active"), default=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True, editable=False)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("feed rule")
        verbose_name_plural = _("feed rules")
        ordering = ["feed", "action", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.pattern}"

    def clean(self) -> None:
        try:
            validate(self.kind, self.pattern)
        except PatternError as exc:
            raise ValidationError({"pattern": str(exc)}) from exc

    def save(self, *args, **kwargs) -> None:
        self.last_error, self.last_error_at = "", None
        super().save(*args, **kwargs)
        BlockedEntry.objects.filter(feed_id=self.feed_id).delete()


class BlockedEntry(models.Model):
    """An entry a feed rule kept out of the inbox, remembered so its page is not fetched again
    on every poll."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="blocked_entries")
    link = models.URLField(max_length=1000)
    title = models.CharField(max_length=500, blank=True)
    rule = models.ForeignKey(FeedRule, null=True, blank=True, on_delete=models.SET_NULL)
    blocked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feed", "link"], name="sources_blocked_entry_once")
        ]


class SourceArticleQuerySet(models.QuerySet):
    def with_outlet(self):
        return self.select_related("outlet")


class SourceArticle(models.Model):
    """One original article published by an outlet: what an interpretation is based on.

    ``url`` is the canonical URL (unique); ``link`` is the address the feed listed, which can
    differ (tracking parameters, redirects) and is what the next poll matches entries by.
    """

    class Status(models.TextChoices):
        NEW = "new", _("new")
        USED = "used", _("used")
        DISMISSED = "dismissed", _("dismissed")

    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="articles"
    )
    feed = models.ForeignKey(
        Feed,
        verbose_name=_("feed"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    url = models.URLField(
        _("original URL"), max_length=1000, unique=True, validators=[http_url_validator]
    )
    link = models.URLField(
        _("link in feed"),
        max_length=1000,
        blank=True,
        db_index=True,
        validators=[http_url_validator],
    )
    guid = models.CharField(_("GUID"), max_length=1000, blank=True)
    title = models.CharField(_("original title"), max_length=500)
    authors = models.JSONField(_("authors"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    lead_image_url = models.URLField(
        _("lead image URL"), max_length=1000, blank=True, validators=[http_url_validator]
    )
    lead_image_caption = models.TextField(_("lead image caption"), blank=True)
    lead_image_credit = models.CharField(_("lead image credit"), max_length=300, blank=True)
    summary = models.TextField(_("summary (sanitized HTML)"), blank=True)
    html = models.TextField(_("text (sanitized HTML)"), blank=True)
    text = models.TextField(_("plain text"), blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    entry_hash = models.CharField(max_length=64, blank=True, editable=False)
    etag = models.CharField(_("ETag"), max_length=500, blank=True, editable=False)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    fetch_error = models.TextField(_("page fetch error"), blank=True)
    first_seen_at = models.DateTimeField(_("first seen"), default=timezone.now, db_index=True)
    fetched_at = models.DateTimeField(_("fetched at"), null=True, blank=True)
    changed_at = models.DateTimeField(_("text last changed"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    story = models.ForeignKey(
        Story,
        verbose_name=_("story"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    signature = models.BinaryField(null=True, blank=True, editable=False)
    signature_version = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    objects = SourceArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("source article")
        verbose_name_plural = _("source articles")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["outlet", "guid"],
                condition=~models.Q(guid=""),
                name="sources_article_unique_guid_per_outlet",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.outlet})"

    @property
    def current_version(self) -> int:
        latest = self.versions.order_by("-number").values_list("number", flat=True).first()
        return latest or 0


class SourceArticleVersion(models.Model):
    """One state of an article's text; every change the outlet makes is kept with its diff.

    Editors need to see what an outlet corrected after we based an interpretation on it, so the
    diff against the previous version is stored when the change is seen (not recomputed later).
    """

    article = models.ForeignKey(
        SourceArticle, on_delete=models.CASCADE, related_name="versions", verbose_name=_("article")
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("plain text"), blank=True)
    html = models.TextField(_("text (sanitized HTML)"), blank=True)
    content_hash = models.CharField(max_length=64)
    diff = models.TextField(_("diff against the previous version"), blank=True)
    captured_at = models.DateTimeField(_("captured at"), default=timezone.now)

    class Meta:
        verbose_name = _("source article version")
        verbose_name_plural = _("source article versions")
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="sources_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article.title} v{self.number}"


class ExtractionRule(models.Model):
    """Selectors for an outlet whose pages trafilatura misreads (sources/extraction_rules.py).

    Each selector is CSS (``article h1``) or XPath (starting with ``/`` or ``(``); where one
    matches it takes precedence over trafilatura for that field. The last check is kept so the
    feed-health report can say when a rule stopped matching (an outlet redesigned its pages).
    """

    outlet = models.OneToOneField(
        Outlet,
        verbose_name=_("outlet"),
        on_delete=models.CASCADE,
        related_name="extraction_rule",
    )
    title = models.CharField(_("title selector"), max_length=300, blank=True)
    body = models.CharField(_("body selector"), max_length=300, blank=True)
    published = models.CharField(_("date selector"), max_length=300, blank=True)
    author = models.CharField(_("author selector"), max_length=300, blank=True)
    image = models.CharField(_("lead image selector"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_checked_url = models.URLField(_("last checked page"), max_length=1000, blank=True)
    missed_fields = models.JSONField(_("fields that did not match"), default=list, blank=True)
    last_matched_at = models.DateTimeField(_("last matched fully"), null=True, blank=True)

    class Meta:
        verbose_name = _("extraction rule")
        verbose_name_plural = _("extraction rules")

    def __str__(self) -> str:
        return str(self.outlet)

    FIELDS = ("title", "body", "published", "author", "image")

    def selectors(self) -> dict[str, str]:
        return {name: getattr(self, name).strip() for name in self.FIELDS if getattr(self, name)}

    def clean(self) -> None:
        errors = validate_selectors({name: getattr(self, name) for name in self.FIELDS})
        if errors:
            raise ValidationError(errors)
        if not self.selectors():
            raise ValidationError(_("Give at least one selector."))


# The watch after publication keeps its rows in its own module (sources/watch/models.py).
from .watch.models import SourceEvent, SourceWatch  # noqa: E402, F401
