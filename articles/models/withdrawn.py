"""Serving a withdrawn article's URL: 410 Gone with a short notice in the page's language.

The page is unpublished (articles/withdrawals.py), so Wagtail's routing would answer 404 like
for any unknown address. Readers and crawlers following an old link should learn instead that
the article existed and was withdrawn on purpose (410 tells search engines to drop it at
once). Only the 404 path pays for the lookup, and the notice shows neither the title nor the
text: the reason for a takedown may be that they must not be shown.
"""

from __future__ import annotations

from django.conf import settings
from django.template.response import TemplateResponse

from core.i18n import Alternate, language_name

from ..corrections import corrections_policy_url
from .notices import ArticleWithdrawal

WITHDRAWN_KWARG = "withdrawal"


def withdrawal_at(home, path_components: list[str]) -> ArticleWithdrawal | None:
    """The withdrawal of the article once published at home/<section>/<slug>/, if any."""
    url_path = f"{home.url_path}{'/'.join(path_components)}/"
    return (
        ArticleWithdrawal.objects.filter(
            page__url_path=url_path, page__path__startswith=home.path, page__live=False
        )
        .select_related("page__locale")
        .first()
    )


def withdrawn_response(request, withdrawal: ArticleWithdrawal) -> TemplateResponse:
    # The switch leads to the other languages' front pages: the translations are gone too.
    alternates = [
        Alternate(code, language_name(code), f"/{code}/", False) for code, _n in settings.LANGUAGES
    ]
    return TemplateResponse(
        request,
        "articles/withdrawn.html",
        {
            "withdrawal": withdrawal,
            "alternates_override": alternates,
            "policy_url": corrections_policy_url(withdrawal.page.locale.language_code),
        },
        status=410,
    )


class WithdrawnServeMixin:
    """ArticlePage.serve: the route hands a withdrawn page over with its withdrawal."""

    def serve(self, request, *args, **kwargs):
        withdrawal = kwargs.pop(WITHDRAWN_KWARG, None)
        if withdrawal is not None:
            return withdrawn_response(request, withdrawal)
        return super().serve(request, *args, **kwargs)  # type: ignore[misc]
