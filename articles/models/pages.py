"""Page types: one home page per language (routing a URL to its article) and sections."""

from __future__ import annotations

import copy

from django.conf import settings
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from core.http_cache import PUBLIC
from core.page_forms import NewsdeskPageForm
from core.pages import ViewRestrictionsMixin
from core.pagination import paginate
from core.prepared import PreparedQuery
from core.purge import SITE_KEY, listing_key, page_key
from core.routing import remembered
from core.wagtail_adapter import set_known_parent

from .article import ArticlePage
from .corrections_routes import CorrectionsRoutesMixin
from .withdrawn import WITHDRAWN_KWARG, withdrawal_at

LISTING_PAGE_SIZE = 12


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


class ListingCacheMixin:
    """Reader page listing articles: stored by shared caches, purged with any article of its
    language (listing key) or any change to the site's navigation (site key)."""

    http_cache_policy = PUBLIC

    def http_cache_keys(self, request) -> list[str]:
        return [SITE_KEY, listing_key(_language()), page_key(self.pk)]


class HomePage(
    ListingCacheMixin, ViewRestrictionsMixin, CorrectionsRoutesMixin, RoutablePageMixin, Page
):
    """The front page of one language: latest articles and a list per section."""

    base_form_class = NewsdeskPageForm

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["articles.SectionPage", "articles.InfoPage"]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from ..listings import home_listing

        context = super().get_context(request, *args, **kwargs)
        # Lazy: the card grids render from a cached fragment (core/templatetags/fragments.py),
        # so the listing queries run only on a cache miss.
        listing = SimpleLazyObject(lambda: home_listing(self))
        context["latest"] = SimpleLazyObject(lambda: listing["latest"])
        context["sections"] = SimpleLazyObject(lambda: listing["sections"])
        return context

    def route(self, request, path_components):
        """/<section>/<article>/ in two queries instead of Wagtail's two per level.

        Wagtail walks the tree one slug at a time (a query for the child, another for its
        specific object). An article's `url_path` is exactly that chain of slugs (Wagtail keeps
        it in sync on save and move), so one indexed lookup finds the same page. Anything else
        (this page's own routes such as tags/, a draft, an unknown slug, a section) takes
        Wagtail's normal path, so 404s and routable sub-pages behave as before; view
        restrictions are still checked by Wagtail's serve hook after routing.
        """
        if self.live and len(path_components) == 2:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                article = article_at(self, path_components)
                if article is not None:
                    return RouteResult(article)
                if (withdrawal := withdrawal_at(self, path_components)) is not None:
                    return RouteResult(withdrawal.page, kwargs={WITHDRAWN_KWARG: withdrawal})
        return super().route(request, path_components)

    @path("tags/<str:tag_slug>/", name="tag")
    def tag_listing(self, request, tag_slug):
        """All articles of this language carrying one tag, newest first, paginated."""
        tag = get_object_or_404(Tag, slug=tag_slug)
        articles = (
            ArticlePage.objects.published()
            .in_locale(self.locale)
            .filter(tags=tag)
            .newest_first()
            .for_cards()
        )
        page_obj = paginate(request, articles, LISTING_PAGE_SIZE)
        if not page_obj.paginator.count:
            raise Http404("No articles with this tag in this language")
        from ..listings import tag_alternates

        return self.render(
            request,
            context_overrides={
                "tag": tag,
                "page_obj": page_obj,
                "alternates_override": tag_alternates(tag, self, request),
            },
            template="articles/tag_page.html",
        )

    @path("authors/<slug:author_slug>/", name="author")
    def author_listing(self, request, author_slug):
        """An author's page: name, photo, role, biography and their articles, paginated."""
        from ..authors import articles_by, author_alternates, author_in

        author = author_in(self.locale, author_slug)
        page_obj = paginate(request, articles_by(author), LISTING_PAGE_SIZE)
        return self.render(
            request,
            context_overrides={
                "author": author,
                "page_obj": page_obj,
                "alternates_override": author_alternates(author, self, request),
            },
            template="articles/author_page.html",
        )


class SectionPage(ListingCacheMixin, ViewRestrictionsMixin, Page):
    """A section such as World, Politics or Economy; its articles are its children."""

    base_form_class = NewsdeskPageForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.published().child_of(self).newest_first().for_cards()
        context["page_obj"] = paginate(request, articles, LISTING_PAGE_SIZE)
        return context


def article_at(home: HomePage, path_components: list[str]) -> ArticlePage | None:
    """The live article at home/<section>/<slug>/ with its section attached, or None."""
    url_path = f"{home.url_path}{'/'.join(path_components)}/"
    article = LIVE_ARTICLE_BY_URL_PATH.first(url_path=url_path, home_path=home.path)
    if article is None:
        return None
    if article.locale_id == home.locale_id:
        # The home page's locale is already loaded: no query when templates ask for it.
        ArticlePage.locale.field.set_cached_value(article, home.locale)
    section_path = article.path[: -article.steplen]
    # Sections change a few times a year: remembered per content generation (core/routing.py).
    section = remembered(
        ("section", section_path), lambda: SectionPage.objects.filter(path=section_path).first()
    )
    if section is None:
        return None
    section = copy.copy(section)
    # What Wagtail's route() caches too: the parent, so get_parent()/section cost no query.
    set_known_parent(article, section)
    article.__dict__["section"] = section
    return article


# The article page's own lookup, compiled to SQL once per process (core/prepared.py).
LIVE_ARTICLE_BY_URL_PATH = PreparedQuery(
    lambda url_path, home_path: ArticlePage.objects.filter(
        url_path=url_path, path__startswith=home_path, live=True
    ),
    "url_path",
    "home_path",
)
