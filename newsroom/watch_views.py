"""Admin of watch lists: each editor manages their own watches and sees what matched.

Thin: matching and digests are newsroom/watches.py. Watches are personal, so every view's
queryset is the requesting user's own watches and the permission policy only asks that the user
may read the inbox.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import AuthenticationOnlyPermissionPolicy

from sources.models import Outlet

from .inbox_views import language_choices, outlets_once
from .models import Watch
from .watches import mark_seen, unseen_matches

INBOX_PERMISSIONS = ("sources.view_sourcearticle", "sources.change_sourcearticle")


def may_use_inbox(user) -> bool:
    return user.is_active and any(user.has_perm(p) for p in INBOX_PERMISSIONS)


class WatchPermissionPolicy(AuthenticationOnlyPermissionPolicy):
    """Whoever may read the inbox may keep watches; a watch is its owner's only."""

    def user_has_permission(self, user, action):
        return user.is_authenticated and may_use_inbox(user)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and instance.owner_id == user.pk

    def instances_user_has_any_permission_for(self, user, actions):
        return Watch.objects.filter(owner_id=user.pk)


class WatchForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        required=False,
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every language."),
    )

    class Meta:
        model = Watch
        fields = ["name", "query", "outlets", "languages", "cross_language", "digest", "active"]
        widgets = {"outlets": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlets"].queryset = outlets_once()


class _OwnWatches:
    def get_base_queryset(self):
        return Watch.objects.filter(owner_id=self.request.user.pk)


class WatchIndexView(_OwnWatches, IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                match_count=Count("matches"),
                unseen_count=Count("matches", filter=Q(matches__seen_at__isnull=True)),
            )
        )


class WatchCreateView(CreateView):
    def get_initial(self):
        """Prefilled from the inbox's "Watch this search" (its words, outlet and language)."""
        initial = super().get_initial()
        query = self.request.GET.get("q", "").strip()
        if query:
            initial.update(name=query[:200], query=query[:500])
        if language := self.request.GET.get("language"):
            initial["languages"] = [language]
        if outlet := self.request.GET.get("outlet", ""):
            if outlet.isdigit():
                initial["outlets"] = Outlet.objects.filter(pk=int(outlet))
        return initial

    def save_instance(self):
        self.form.instance.owner = self.request.user
        return super().save_instance()


class WatchEditView(_OwnWatches, EditView):
    def get_queryset(self):
        return self.get_base_queryset()


class WatchDeleteView(_OwnWatches, DeleteView):
    def get_queryset(self):
        return self.get_base_queryset()


class WatchViewSet(ModelViewSet):
    model = Watch
    icon = "view"
    menu_label = _("Watches")
    menu_order = 201
    add_to_admin_menu = True
    url_prefix = "newsroom/watches"
    url_namespace = "newsroom_watches"

    def get_form_class(self, for_update=False):
        return WatchForm

    list_display = [
        "name",
        "query",
        "digest",
        "active",
        Column("unseen_count", label=_("New matches"), sort_key="unseen_count"),
        Column("match_count", label=_("All matches"), sort_key="match_count"),
    ]
    index_view_class = WatchIndexView
    add_view_class = WatchCreateView
    edit_view_class = WatchEditView
    delete_view_class = WatchDeleteView
    inspect_view_enabled = False
    copy_view_enabled = False


class WatchMatchesPanel(Component):
    """Dashboard: the source articles that matched the user's watches since last looked."""

    name = "watch_matches"
    order = 50
    template_name = "newsroom/admin/watch_matches_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        matches = list(unseen_matches(self.user).order_by("-matched_at")[:20])
        return {
            "matches": matches,
            "total": unseen_matches(self.user).count() if matches else 0,
            "seen_url": reverse("sources_newsroom:watch_matches_seen"),
            "watches_url": reverse("newsroom_watches:index"),
            "inspect_name": "wagtailsnippets_sources_sourcearticle:inspect",
        }


@require_POST
def matches_seen(request):
    if not may_use_inbox(request.user):
        raise PermissionDenied
    ids = [int(i) for i in request.POST.getlist("match") if i.isdigit()] or None
    count = mark_seen(request.user, ids)
    messages.success(request, _("%(count)d watch matches marked as seen.") % {"count": count})
    return redirect("wagtailadmin_home")
