"""The home page's /corrections/ and /corrections/policy/ routes (a mixin: pages.py stays small).

They hang off each language's home page (RoutablePageMixin), like tags/, so the URL is
/<lang>/corrections/ in every language without a page an editor has to create.
"""

from __future__ import annotations

from wagtail.contrib.routable_page.models import path

from core.i18n import path_alternates
from core.pagination import paginate

from ..corrections import (
    CORRECTIONS_PAGE_SIZE,
    corrections_policy_url,
    corrections_url,
    published_notices,
)


class CorrectionsRoutesMixin:
    @path("corrections/", name="corrections")
    def corrections_listing(self, request):
        """Every notice of this language's published articles, newest first, paginated."""
        notices = published_notices(self.locale_id)  # type: ignore[attr-defined]
        return self.render(  # type: ignore[attr-defined]
            request,
            context_overrides={
                "page_obj": paginate(request, notices, CORRECTIONS_PAGE_SIZE),
                "policy_url": corrections_policy_url(self.locale.language_code),  # type: ignore[attr-defined]
                "alternates_override": path_alternates(request),
            },
            template="articles/corrections_page.html",
        )

    @path("corrections/policy/", name="corrections_policy")
    def corrections_policy(self, request):
        """The built-in corrections policy (NEWSDESK_CORRECTIONS_POLICY_URL may point elsewhere)."""
        return self.render(  # type: ignore[attr-defined]
            request,
            context_overrides={
                "alternates_override": path_alternates(request),
                "corrections_url": corrections_url(self.locale.language_code),  # type: ignore[attr-defined]
            },
            template="articles/corrections_policy.html",
        )
