"""Read-only headless API (Wagtail API v2) for published articles, at /api/v2/.

Only ArticlePage is exposed: sections and home pages are navigation, not content. Wagtail's
own `?locale=ru` filter narrows to one language (it is active because WAGTAIL_I18N_ENABLED).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import Http404
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale

from articles.models import ArticlePage
from core import reader_input

from .links import home_for_locale, language_codes

# A URLconf holding only the API, with no language-prefixed patterns (see dispatch()).
API_URLCONF = "distribution.api_urlconf"
# Query parameters that name a page id or a count; Wagtail int()s them without bounds.
ID_PARAMETERS = ("id", "child_of", "descendant_of", "ancestor_of", "translation_of")


def check_parameters(params, model, filterable: set[str], pk=None) -> None:
    """400 (BadRequestError) for an id, offset, number or date no column can hold.

    Wagtail's API int()s ids and offsets and hands field filters to the ORM as they come:
    `?id=abc` raised a ValueError, a 20-digit offset or id overflowed PostgreSQL's integers and
    `?first_published_at=x` failed the field's validation, all 500s. Values are parsed by
    core.reader_input like every other reader input; offsets stop at NEWSDESK_API_MAX_OFFSET
    because a deep OFFSET makes the database walk every skipped row.
    """
    if pk is not None and reader_input.integer(pk) is None:
        raise Http404("No article with this id")
    # Only fields Wagtail's FieldsFilter filters on (`locale` has a filter of its own).
    fields = {f.name: f for f in model._meta.get_fields() if f.name in filterable - {"locale"}}
    for name in params:
        field = fields.get(name)
        values = params.getlist(name)
        if isinstance(field, models.DateField):  # DateTimeField included
            if any(reader_input.moment(value) is None for value in values):
                raise BadRequestError(f"{name} must be an ISO date or date-time")
            continue
        if name == "offset":
            maximum = settings.NEWSDESK_API_MAX_OFFSET
        elif name in ID_PARAMETERS or isinstance(
            field, models.IntegerField | models.AutoField | models.ForeignKey
        ):
            maximum = reader_input.MAX_ID
        else:
            continue
        if any(reader_input.integer(value, maximum=maximum) is None for value in values):
            raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}")


class ArticlesAPIViewSet(PagesAPIViewSet):
    name = "articles"
    model = ArticlePage

    def dispatch(self, request, *args, **kwargs):
        # LocaleMiddleware answers an unprefixed 404 by redirecting to /en/<same path> whenever
        # that path resolves, and Wagtail's catch-all page route resolves everything ending in
        # "/". An API client asking for a missing article must get a JSON 404, not a redirect
        # to an HTML page: judged against this URLconf, the middleware sees no i18n patterns.
        # Resolution of this request has already happened, so routing is unaffected.
        request.urlconf = API_URLCONF
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        # Inside DRF's exception handling, so BadRequestError answers a JSON 400.
        super().initial(request, *args, **kwargs)
        filterable = set(self.get_available_fields(self.model, db_fields_only=True))
        check_parameters(request.GET, self.model, filterable, kwargs.get("pk"))
        if "search" in request.GET:
            # Wagtail hands ?search= to its backend's query syntax (SQLite FTS5 answered 500 to
            # an unbalanced quote); readers search words, so only the words are passed on.
            params = request._request.GET.copy()
            params["search"] = reader_input.words(params["search"])
            request._request.GET = params

    def get_queryset(self):
        # `type` could otherwise widen the endpoint to any page model.
        requested = self.request.GET.get("type")
        if requested and requested.lower() != "articles.articlepage":
            raise BadRequestError("this endpoint only serves articles.ArticlePage")
        return ArticlePage.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        )

    def find_object(self, queryset, request):
        """`find/?html_path=/ru/world/slug/`: reader URLs start with a language prefix, which
        Wagtail's own lookup (routing from the default site root) does not understand."""
        parts = [part for part in request.GET.get("html_path", "").split("/") if part]
        if not parts or parts[0] not in language_codes():
            return super().find_object(queryset, request)
        locale = Locale.objects.filter(language_code=parts[0]).first()
        home = home_for_locale(request, locale) if locale is not None else None
        if home is None:
            return None
        try:
            page, _args, _kwargs = home.specific.route(request, parts[1:])
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None


api_router = WagtailAPIRouter("distribution_api")
api_router.register_endpoint("articles", ArticlesAPIViewSet)
