"""Wagtail admin views of the newsroom: the inbox, article detail, reports. Thin: the rules live
in newsroom/inbox.py and sources/ingest.py."""

from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Min, Prefetch, Q, Subquery, Value, When
from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from articles.models import ArticleSourceLink, SectionPage
from sources.models import ExtractionRule, Feed, FeedRule, Outlet, SourceArticle, Story
from sources.sanitize import sanitize_html

from . import inbox_search
from .inbox import (
    diff_lines,
    dismiss,
    interpretations_of,
    mark_source_update_reviewed,
    set_status,
    start_interpretation,
    story_siblings,
    undo_dismiss,
)

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


def _section_queryset():
    return SectionPage.objects.select_related("locale").order_by("locale__language_code", "title")


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.locale.language_code})"


class WriteInterpretationForm(forms.Form):
    """The section decides the draft's language: sections are listed under their language, so
    the form never offers a section it would then refuse. ``language`` is optional (scripts
    may still send it; a mismatch is refused)."""

    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        required=False,
        widget=forms.HiddenInput,
    )
    section = SectionChoiceField(label=_("Section"), queryset=None)
    sources = forms.ModelMultipleChoiceField(
        label=_("Sources"),
        queryset=SourceArticle.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, article: SourceArticle, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        sections = list(_section_queryset())
        self.fields["section"].queryset = _section_queryset()
        grouped: dict[str, list[tuple[int, str]]] = {}
        for section in sections:
            group = language_name(section.locale.language_code)
            grouped.setdefault(group, []).append((section.pk, section.title))
        self.fields["section"].choices = [("", "---------"), *grouped.items()]
        ids = [article.pk, *(s.pk for s in story_siblings(article))]
        self.fields["sources"].queryset = SourceArticle.objects.filter(pk__in=ids).select_related(
            "outlet"
        )
        self.fields["sources"].label_from_instance = lambda s: f"{s.outlet.name}: {s.title}"
        self.fields["sources"].initial = [article.pk]

    def clean(self):
        data = super().clean()
        section, language = data.get("section"), data.get("language")
        if section is not None and language and section.locale.language_code != language:
            self.add_error(
                "section",
                _("This section belongs to the other language; pick one in %s.") % language,
            )
        return data

    def ordered_sources(self) -> list[SourceArticle]:
        """The article the editor started from leads (its outlet gets the image credit)."""
        chosen = list(self.cleaned_data["sources"])
        return sorted(chosen, key=lambda s: (s.pk != self.article.pk, s.published_at is None))


def with_notes(pages):
    """Each page with the lines other apps show under it (Wagtail hook
    ``newsroom_interpretation_note``: ``fn(page) -> html or None``; integrity shows the
    originality share), so newsroom needs to know none of them."""
    note_hooks = hooks.get_hooks("newsroom_interpretation_note")
    for page in pages:
        page.newsroom_notes = [n for n in (fn(page) for fn in note_hooks) if n]
    return pages


class SourceArticleInspectView(InspectView):
    template_name = "newsroom/admin/source_article_inspect.html"
    fields = [
        "outlet",
        "url",
        "authors",
        "language",
        "published_at",
        "updated_at",
        "status",
        "story",
        "lead_image_url",
        "lead_image_caption",
        "lead_image_credit",
        "first_seen_at",
        "fetch_error",
    ]

    def get_authors_display_value(self):
        return ", ".join(self.object.authors) or "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        versions = list(article.versions.order_by("-number"))
        context.update(
            article=article,
            # Stored HTML is sanitized at ingest; sanitizing again at display costs little and
            # keeps rows written by any other path from ever reaching the admin unsanitized.
            article_html=sanitize_html(article.html or article.summary, base_url=article.url),
            versions=[(v, diff_lines(v.diff)) for v in versions],
            siblings=story_siblings(article),
            interpretations=with_notes(interpretations_of(article)),
            write_form=kwargs.get("write_form") or WriteInterpretationForm(article=article),
            write_url=reverse("sources_newsroom:write", args=[article.pk]),
            status_url=reverse("sources_newsroom:status", args=[article.pk]),
            statuses=SourceArticle.Status.choices,
        )
        return context


def _require_view_permission(request) -> None:
    if not request.user.has_perm("sources.view_sourcearticle") and not request.user.has_perm(
        "sources.change_sourcearticle"
    ):
        raise PermissionDenied


@require_POST
def write_interpretation(request, pk: int):
    """Create the draft and open it in the page editor."""
    _require_view_permission(request)
    article = get_object_or_404(SourceArticle.objects.select_related("outlet"), pk=pk)
    form = WriteInterpretationForm(request.POST, article=article)
    inspect_url = reverse("wagtailsnippets_sources_sourcearticle:inspect", args=[article.pk])
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{field}: {error}" if field != "__all__" else error)
        return redirect(inspect_url)
    section = form.cleaned_data["section"]
    if not section.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    page = start_interpretation(form.ordered_sources(), section, user=request.user)
    messages.success(request, _("Draft created from %(title)s.") % {"title": article.title})
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def change_status(request, pk: int):
    """Set a status; dismissing says so with an Undo button (dismissing is never final)."""
    if not request.user.has_perm("sources.change_sourcearticle"):
        raise PermissionDenied
    article = get_object_or_404(SourceArticle, pk=pk)
    status = request.POST.get("status", "")
    inspect_url = reverse("wagtailsnippets_sources_sourcearticle:inspect", args=[article.pk])
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if status == SourceArticle.Status.DISMISSED:
        dismiss(article)
        messages.success(
            request,
            format_html(
                '{} <form method="post" action="{}" style="display:inline">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<input type="hidden" name="next" value="{}">'
                '<button type="submit" class="button button-small button-secondary">{}</button>'
                "</form>",
                _("Dismissed “%(title)s”.") % {"title": article.title},
                reverse("sources_newsroom:undo_dismiss", args=[article.pk]),
                get_token(request),
                next_url or inspect_url,
                _("Undo"),
            ),
        )
        return HttpResponseRedirect(next_url or inspect_url)
    try:
        set_status(article, status)
    except ValueError:
        messages.error(request, _("Unknown status."))
    return HttpResponseRedirect(next_url or inspect_url)


@require_POST
def undo_dismiss_view(request, pk: int):
    if not request.user.has_perm("sources.change_sourcearticle"):
        raise PermissionDenied
    article = get_object_or_404(SourceArticle, pk=pk)
    status = undo_dismiss(article)
    messages.success(
        request,
        _("“%(title)s” is back in the inbox (%(status)s).")
        % {"title": article.title, "status": SourceArticle.Status(status).label},
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailsnippets_sources_sourcearticle:inspect", args=[article.pk])
    return HttpResponseRedirect(next_url)


# --------------------------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------------------------


class _AdminPage(WagtailAdminTemplateMixin, TemplateView):
    permission = "sources.view_feed"

    def get_breadcrumbs_items(self):
        # Headed by the report's own title, under Reports (not just "Home").
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FeedHealthView(_AdminPage):
    """Failing feeds first, with the error an editor can act on; healthy feeds below."""

    template_name = "newsroom/admin/feed_health.html"
    page_title = _("Feed health")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feeds = Feed.objects.select_related("outlet")
        context["failing"] = list(
            feeds.filter(Q(consecutive_failures__gt=0)).order_by("-consecutive_failures", "url")
        )
        context["warnings"] = list(
            feeds.filter(consecutive_failures=0).exclude(last_error="").order_by("url")
        )
        context["healthy_count"] = feeds.filter(consecutive_failures=0, last_error="").count()
        context["never_polled"] = feeds.filter(last_polled_at__isnull=True).count()
        context["all_feeds"] = list(feeds.order_by("outlet__name", "url"))
        context["broken_extraction_rules"] = list(
            ExtractionRule.objects.filter(active=True)
            .exclude(missed_fields=[])
            .select_related("outlet")
            .order_by("outlet__name")
        )
        context["failing_feed_rules"] = list(
            FeedRule.objects.filter(active=True)
            .exclude(last_error="")
            .select_related("feed")
            .order_by("-last_error_at")
        )
        return context


@require_POST
def source_update_reviewed(request, link_pk: int):
    link = get_object_or_404(ArticleSourceLink.objects.select_related("page"), pk=link_pk)
    if not link.page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    mark_source_update_reviewed(link)
    messages.success(request, _("Marked as reviewed."))
    return redirect("sources_newsroom:source_updates")
