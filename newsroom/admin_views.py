"""Wagtail admin views of the newsroom's work on one source article: its detail page,
"Write interpretation", status changes. Thin: the rules live in newsroom/inbox.py. The inbox
listing is newsroom/inbox_views.py, the reports newsroom/report_views.py."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.views.generic.models import InspectView

from articles.models import SectionPage
from sources.models import SourceArticle
from sources.sanitize import sanitize_html

from .inbox import (
    diff_lines,
    dismiss,
    interpretations_of,
    set_status,
    start_interpretation,
    story_siblings,
    undo_dismiss,
)
from .inbox_views import language_name


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
