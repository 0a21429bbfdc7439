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
        """Everything an article card shows, fetched up front (no query per card)."""
        images = get_image_model().objects.prefetch_renditions(CARD_RENDITION, CARD_RENDITION_2X)
        return self.select_related("locale").prefetch_related(
            Prefetch("lead_image", queryset=images)
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
