"""The article page type and what hangs off it: tags, source links, pinned "Don't Miss".

Split from `pages.py` (home and section pages, and routing a URL to an article) so each
module holds one page type's story.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.fragment_cache import cached_for_page
from core.http_cache import PUBLIC
from core.pages import ViewRestrictionsMixin
from core.purge import SITE_KEY, page_key

from ..alt_text import alt_text
from ..api_fields import AuthorsField, SourcesField
from ..blocks import ArticleBodyBlock
from ..credits import format_credit, outlet_name_in
from ..forms import ArticlePageForm
from ..kinds import DEFAULT_KIND, ArticleKind, kind_label, schema_type
from ..notice_dates import latest_notice_date
from ..publish_gate import PublicationRefused, check_publication
from ..querysets import ArticlePageManager
from ..reading_time import body_word_count, reading_minutes, reading_time_label
from .withdrawn import WithdrawnServeMixin


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(ViewRestrictionsMixin, WithdrawnServeMixin, Page):
    """The newsroom's interpretation of one or more foreign outlets' articles."""

    kind = models.CharField(
        _("kind of article"),
        max_length=20,
        choices=ArticleKind.choices,
        default=DEFAULT_KIND,
        help_text=_(
            "Shown to readers above the title: is this a press review, news, analysis, an "
            "explainer, opinion or a review?"
        ),
    )
    dek = models.TextField(_("dek"), help_text=_("One- or two-sentence teaser under the title."))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=400,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Leave empty to use the "
            "image's own description."
        ),
    )
    lead_image_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("The picture adds nothing a reader would miss; screen readers skip it."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=400, blank=True)
    lead_image_photographer = models.CharField(_("photographer"), max_length=200, blank=True)
    lead_image_agency = models.CharField(_("agency"), max_length=200, blank=True)
    lead_image_via = models.CharField(
        _("via outlet"),
        max_length=200,
        blank=True,
        help_text=_("The outlet the picture was obtained through."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    authors = ParentalManyToManyField("articles.Author", verbose_name=_("authors"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    display_date = models.DateTimeField(
        _("display date"),
        null=True,
        blank=True,
        help_text=_("Shown instead of the first publication time when set."),
    )
    word_count = models.PositiveIntegerField(default=0, editable=False)
    # dateModified for readers and machines: moves only with a notice (articles/notices.py),
    # not with every re-save; empty until the first notice.
    substantively_modified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ArticlePageManager()

    base_form_class = ArticlePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("dek"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_decorative"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_photographer"),
                FieldPanel("lead_image_agency"),
                FieldPanel("lead_image_via"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        InlinePanel("source_links", heading=_("Sources"), label=_("source"), min_num=1),
        FieldPanel("authors"),
        FieldPanel("tags"),
        InlinePanel("pinned_related", heading=_("Pinned related articles"), label=_("article")),
        InlinePanel("notices", heading=_("Corrections and updates"), label=_("notice")),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("display_date")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("dek"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]

    # Read-only headless API (distribution/api.py, docs/api.md).
    api_fields = [
        APIField("kind"),
        APIField("dek"),
        APIField("display_date"),
        APIField("body"),
        APIField(
            "lead_image_rendition",
            serializer=ImageRenditionField("fill-1200x675|format-jpeg", source="lead_image"),
        ),
        APIField("lead_image_alt_text"),
        APIField("lead_image_caption"),
        APIField("lead_image_credit"),
        APIField("authors", serializer=AuthorsField()),
        APIField("tags"),
        APIField("sources", serializer=SourcesField(source="source_links")),
    ]

    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")

    def save(self, *args, **kwargs):
        # Pure computation from the body: cheap here, and listings can then show reading time
        # without loading every body.
        self.word_count = body_word_count(self.body)
        if kwargs.get("update_fields") is None:  # Wagtail's bookkeeping saves skip a query
            self.substantively_modified_at = latest_notice_date(self)
        return super().save(*args, **kwargs)

    def publish(self, revision, user=None, *args, **kwargs):
        """Every publication but the editor's own passes here (articles/publish_gate.py).

        A refused scheduled publication does not raise (``publish_scheduled`` goes on with the
        other pages): the revision loses its approved go-live time so it is not retried every
        run; the gate has logged it and told the editors.
        """
        try:
            check_publication(revision.as_object(), revision, user)
        except PublicationRefused:
            if revision.approved_go_live_at is None:
                raise
            type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            revision.approved_go_live_at = None
            return None
        return super().publish(revision, user, *args, **kwargs)

    @property
    def effective_date(self):
        return self.display_date or self.first_published_at or self.latest_revision_created_at

    @property
    def date_modified(self):
        """What readers, JSON-LD and feeds call "updated": the latest notice, else publication."""
        dates = [d for d in (self.effective_date, self.substantively_modified_at) if d]
        return max(dates, default=None)

    @property
    def language(self) -> str:
        return self.locale.language_code

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count, self.language)

    @property
    def reading_time(self) -> str:
        return reading_time_label(self.reading_minutes)

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def schema_type(self) -> str:
        return schema_type(self.kind)

    @property
    def lead_image_alt_text(self) -> str:
        return alt_text(self.lead_image, self.lead_image_alt, self.lead_image_decorative)

    @cached_property
    def lead_image_credit(self) -> str:
        """The credit with the "via" outlet named as this page's language names it."""
        return format_credit(
            self.lead_image_photographer,
            self.lead_image_agency,
            outlet_name_in(self.lead_image_via, self.locale_id),
        )

    @cached_property
    def section(self):
        return self.get_parent().specific

    http_cache_policy = PUBLIC

    def http_cache_keys(self, request) -> list[str]:
        """Itself and every article its "Don't Miss" shows: editing one of those purges this
        page too (core/purge.py), whichever way the block chose it."""
        from ..related import cached_related_ids

        related = cached_related_ids(self, settings.NEWSDESK_RELATED_COUNT, request)
        return [SITE_KEY, page_key(self.pk), *(page_key(pk) for pk in related)]

    def get_context(self, request, *args, **kwargs):
        from ..attribution import attribution_for
        from ..related import related_articles

        context = super().get_context(request, *args, **kwargs)
        # Attribution, authors and tags change only with a new revision of this page or an edit
        # of a snippet (both invalidate: core/fragment_cache.py), so they are computed once; and
        # lazily, because the template reads them only inside cached fragments, which need them
        # on a cache miss only.
        details = SimpleLazyObject(
            lambda: cached_for_page(
                "article-details",
                self,
                lambda: {
                    "attribution": attribution_for(self),
                    "authors": list(self.authors.all()),
                    "tags": list(self.tags.all()),
                    "notices": list(self.notices.order_by("date", "pk")),
                },
                request=request,
            )
        )
        context["attribution"] = SimpleLazyObject(lambda: details["attribution"])
        # Lazy: the template renders "Don't Miss" from a cached fragment (core/templatetags/
        # fragments.py) and only a cache miss needs the cards fetched.
        context["related_articles"] = SimpleLazyObject(
            lambda: related_articles(self, limit=settings.NEWSDESK_RELATED_COUNT, request=request)
        )
        context["article_authors"] = SimpleLazyObject(lambda: details["authors"])
        context["article_tags"] = SimpleLazyObject(lambda: details["tags"])
        context["article_notices"] = SimpleLazyObject(lambda: details["notices"])
        return context


class ArticleSourceLink(Orderable):
    """Links an article to an original it is based on; drives the attribution block."""

    page = ParentalKey(ArticlePage, related_name="source_links", on_delete=models.CASCADE)
    source_article = models.ForeignKey(
        "sources.SourceArticle",
        verbose_name=_("source article"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )
    # Set by ingest (sources/ingest.py) when the outlet changes the original after this page was
    # published; cleared by an editor in the "Sources updated" report once they have reviewed it.
    source_version_at_publication = models.PositiveIntegerField(
        _("source version at publication"), null=True, blank=True, editable=False
    )
    source_updated_at = models.DateTimeField(
        _("source updated since publication"), null=True, blank=True, editable=False
    )

    panels = [FieldPanel("source_article")]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")


class PinnedRelatedArticle(Orderable):
    """An article an editor wants first in "Don't Miss", before the computed ones."""

    page = ParentalKey(ArticlePage, related_name="pinned_related", on_delete=models.CASCADE)
    related = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned related article")
