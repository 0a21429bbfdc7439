"""The attribution block, generated from an article's structured source records.

Press review lives on honest attribution: every interpretation names the outlets it is based on,
disclaims authorship of the originals, links to each of them and states who holds the rights.
The wording is built here (not typed by editors) so it is complete and consistent on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from core.safe_urls import safe_url
from sources.models import Outlet

if TYPE_CHECKING:
    from .models import ArticlePage


@dataclass(frozen=True)
class AttributedSource:
    title: str
    url: str
    outlet_name: str
    language: str
    published_at: datetime | None


@dataclass(frozen=True)
class Attribution:
    based_on: str
    disclaimer: str
    rights: str
    sources: list[AttributedSource]

    def __bool__(self) -> bool:
        return bool(self.sources)


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C" in the active language."""
    if len(names) <= 1:
        return "".join(names)
    return _("%(items)s and %(last)s") % {"items": ", ".join(names[:-1]), "last": names[-1]}


def quote_name(name: str) -> str:
    """An outlet's name as the language writes it: plain in English, in «guillemets» in Russian."""
    return pgettext("outlet name in running text", "%(name)s") % {"name": name}


def end_sentence(text: str) -> str:
    """Avoid "S.r.l.." when a rights holder's name already ends with a full stop."""
    return text[:-1] if text.endswith("..") else text


def attribution_for(page: ArticlePage) -> Attribution:
    """Build the block for one article in its own language, in two queries.

    Outlets are translatable snippets: the name shown is the outlet's translation in the page's
    locale when there is one, else the name it was recorded with.
    """
    links = list(
        page.source_links.select_related("source_article__outlet").order_by("sort_order", "pk")
    )
    outlets_by_key: dict = {}
    for link in links:
        outlet = link.source_article.outlet
        outlets_by_key.setdefault(outlet.translation_key, outlet)
    if outlets_by_key:
        for localized in Outlet.objects.filter(
            translation_key__in=list(outlets_by_key), locale_id=page.locale_id
        ):
            outlets_by_key[localized.translation_key] = localized

    outlets = list(outlets_by_key.values())
    names = [quote_name(o.name) for o in outlets]
    holders = list(dict.fromkeys(o.rights_holder_display for o in outlets))
    sources = [
        AttributedSource(
            title=link.source_article.title,
            # Also feeds JSON-LD isBasedOn; a non-http(s) URL stored before the checks is dropped.
            url=safe_url(link.source_article.url),
            outlet_name=outlets_by_key[link.source_article.outlet.translation_key].name,
            language=link.source_article.language,
            published_at=link.source_article.published_at,
        )
        for link in links
    ]
    count = len(outlets)
    return Attribution(
        based_on=ngettext(
            "This article is our interpretation based on materials published by %(outlets)s.",
            "This article is our interpretation based on materials published by %(outlets)s.",
            count,
        )
        % {"outlets": join_names(names)},
        disclaimer=ngettext(
            "The author does not claim authorship of the original article.",
            "The author does not claim authorship of the original articles.",
            len(sources),
        ),
        rights=end_sentence(
            ngettext(
                "The rights to the original belong to %(holders)s.",
                "The rights to the originals belong to %(holders)s.",
                len(sources),
            )
            % {"holders": join_names(holders)}
        ),
        sources=sources,
    )
