"""The inbox listing in the Wagtail admin: filters, search, columns. Thin: the search is
newsroom/inbox_search.py, the rules newsroom/inbox.py."""

from __future__ import annotations

import django_filters
from django.db.models import Case, IntegerField, Min, Prefetch, Subquery, Value, When
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from articles.models import ArticleSourceLink
from sources.models import Outlet, SourceArticle, Story

from . import inbox_search

# --------------------------------------------------------------------------------------------
# Inbox listing
# --------------------------------------------------------------------------------------------


def language_name(code: str) -> str:
    """A language code as the editor reads it ("German"), in the admin's language."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices():
    """The languages the inbox holds, by name (outlets' languages and articles' own)."""
    codes = set(
        SourceArticle.objects.exclude(language="").values_list("language", flat=True).distinct()
    ) | set(Outlet.objects.exclude(language="").values_list("language", flat=True).distinct())
    return sorted(((code, language_name(code)) for code in codes), key=lambda c: c[1])


def outlets_once():
    """One row per outlet: its translations (one per site language) share a translation key;
    the first-created row stands for all of them."""
    first = Outlet.objects.values("translation_key").annotate(first=Min("pk")).values("first")
    return Outlet.objects.filter(pk__in=Subquery(first)).order_by("name")


def _filter_outlet(queryset, name, value):
    # Articles may point at any language version of the outlet.
    if not value:
        return queryset
    return queryset.filter(outlet__translation_key=value.translation_key)


class InboxFilterSet(WagtailFilterSet):
    outlet = django_filters.ModelChoiceFilter(
        label=_("Outlet"), queryset=lambda request: outlets_once(), method=_filter_outlet
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=language_choices)
    published_at = django_filters.DateFromToRangeFilter(
        label=_("Published"), widget=DateRangePickerWidget
    )
    story = django_filters.ModelChoiceFilter(
        label=_("Story"), queryset=Story.objects.order_by("-updated_at")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SourceArticle.Status.choices)

    class Meta:
        model = SourceArticle
        fields = ["outlet", "language", "published_at", "story", "status"]


class InboxIndexView(SnippetIndexView):
    """The listing opens an article's detail page (text, versions, story) rather than its form.

    Search runs the newsroom's own language analysis (newsroom/inbox_search.py): results are
    ranked (unless the editor sorts by a column) and show a snippet with the matched word forms
    highlighted; every row shows the interpretations written from the article.
    """

    # Articles analysed during a search request when ingest's task has not (older rows).
    CATCH_UP = 50

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("outlet", "story")
            .prefetch_related(
                Prefetch(
                    "article_links",
                    queryset=ArticleSourceLink.objects.select_related("page").order_by("pk"),
                )
            )
        )

    @cached_property
    def parsed_query(self):
        return inbox_search.parse(self.search_query) if self.is_searching else None

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        inbox_search.index_stale(limit=self.CATCH_UP)
        hits = inbox_search.rank(queryset, self.parsed_query)
        hits += inbox_search.cross_language(
            queryset, self.search_query, exclude=[hit.article_id for hit in hits]
        )
        self.scores = {hit.article_id: hit.score for hit in hits}
        self.found_by_meaning = {hit.article_id for hit in hits if hit.cross_language}
        queryset = queryset.filter(pk__in=list(self.scores))
        if self.is_explicitly_ordered or not hits:
            return queryset
        order = Case(
            *(When(pk=hit.article_id, then=Value(i)) for i, hit in enumerate(hits)),
            output_field=IntegerField(),
        )
        return queryset.order_by(order)

    def _match(self, article):
        if article.pk in getattr(self, "found_by_meaning", ()):
            return format_html(
                '<span class="w-status w-status--label">{}</span> {}',
                _("Other language, same subject"),
                inbox_search.lead(article),
            )
        return inbox_search.highlighted(article, self.parsed_query)

    @cached_property
    def columns(self):
        columns = list(super().columns)
        if self.is_searching:
            columns.insert(2, Column("match", label=_("Match"), accessor=self._match))
        columns.append(Column("used_in", label=_("Used in"), accessor=used_in_display))
        return columns

    def get_edit_url(self, instance):
        return self.get_inspect_url(instance) or super().get_edit_url(instance)

    @cached_property
    def header_buttons(self):
        """While searching: "Watch this search" saves the words and filters as a watch."""
        buttons = list(super().header_buttons)
        if self.is_searching:
            params = {"q": self.search_query}
            for name in ("language", "outlet"):
                if value := self.request.GET.get(name):
                    params[name] = value
            buttons.append(
                HeaderButton(
                    _("Watch this search"),
                    url=f"{reverse('newsroom_watches:add')}?{urlencode(params)}",
                    icon_name="view",
                )
            )
        return buttons


def used_in_display(article: SourceArticle):
    """Links to the interpretations written from the article (their editors)."""
    links = [link for link in article.article_links.all() if link.page_id]
    if not links:
        return ""
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        (
            (reverse("wagtailadmin_pages:edit", args=[link.page_id]), link.page.title)
            for link in links
        ),
    )


# --------------------------------------------------------------------------------------------
# Detail ("inspect") with the Write interpretation form
# --------------------------------------------------------------------------------------------
