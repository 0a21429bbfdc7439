"""Read-only headless API (Wagtail API v2) for published articles, at /api/v2/.

Only ArticlePage is exposed: sections and home pages are navigation, not content. Wagtail's
own `?locale=ru` filter narrows to one language (it is active because WAGTAIL_I18N_ENABLED).
"""

from __future__ import annotations

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from articles.models import ArticlePage


class ArticlesAPIViewSet(PagesAPIViewSet):
    name = "articles"
    model = ArticlePage

    def get_queryset(self):
        # `type` could otherwise widen the endpoint to any page model.
        requested = self.request.GET.get("type")
        if requested and requested.lower() != "articles.articlepage":
            raise BadRequestError("this endpoint only serves articles.ArticlePage")
        return ArticlePage.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        )


api_router = WagtailAPIRouter("distribution_api")
api_router.register_endpoint("articles", ArticlesAPIViewSet)
