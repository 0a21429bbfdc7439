"""Questions the site asks about articles, named as QuerySet methods."""

from django.db.models import Prefetch
from django.db.models.functions import Coalesce
from wagtail.images import get_image_model
from wagtail.models import PageManager, PageQuerySet

CARD_RENDITION = "fill-480x270|format-webp"
CARD_RENDITION_2X = "fill-960x540|format-webp"


class ArticlePageQuerySet(PageQuerySet):
    def published(self):
        """Live, publicly visible articles."""
        return self.live().public()

    def in_locale(self, locale):
        return self.filter(locale=locale)

    def with_effective_date(self):
        """Annotate the date readers see: the display date, else first publication."""
        return self.annotate(sort_date=Coalesce("display_date", "first_published_at"))

    def newest_first(self):
        return self.with_effective_date().order_by("-sort_date", "-pk")

    def for_cards(self):
        """Everything an article card shows, fetched up front (no query per card).

        The image rides along in the page query (a join) and only its card renditions come in
        a second query, so a listing or "Don't Miss" costs two queries whatever its length.
        """
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=[CARD_RENDITION, CARD_RENDITION_2X])
        )
        return self.select_related("locale", "lead_image").prefetch_related(
            # Same attribute Wagtail's Image.prefetch_renditions() fills and get_rendition() reads.
            Prefetch("lead_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
