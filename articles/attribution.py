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

from .credits import quote_name

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
    # A rights holder typed by the editor is a company's legal name and is written as typed; the
    # outlet's own name, used when none is typed, is quoted as running text quotes outlets.
    holders = list(dict.fromkeys(o.rights_holder.strip() or quote_name(o.name) for o in outlets))
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
    return Attribution(
        based_on=based_on_sentence(names),
        disclaimer=ngettext(
            "The author does not claim authorship of the original article.",
            "The author does not claim authorship of the original articles.",
            # One or several, not the count: Russian's plural classes would make 21 singular.
            min(len(sources), 2),
        ),
        rights=end_sentence(rights_sentence(holders, several_sources=len(sources) > 1)),
        sources=sources,
    )


def based_on_sentence(names: list[str]) -> str:
    """ "…based on materials published by A (and B)".

    One message for one outlet and another for several (not ngettext): the Russian wording
    changes with "one or several" ("издания «А»" / "изданий «А» и «Б»"), not with Russian's
    numeric plural classes, which would put 21 outlets in the singular.
    """
    outlets = join_names(names)
    if len(names) <= 1:
        return pgettext(
            "attribution, one outlet",
            "This article is our interpretation based on materials published by %(outlets)s.",
        ) % {"outlets": outlets}
    return pgettext(
        "attribution, several outlets",
        "This article is our interpretation based on materials published by %(outlets)s.",
    ) % {"outlets": outlets}


def rights_sentence(holders: list[str], *, several_sources: bool) -> str:
    """Who holds the rights, worded so no language has to decline a foreign name.

    Russian cannot put "«Ладожский вестник»" or "Nordlicht Medien GmbH" after "принадлежат"
    without a case ending, so its translations name the holder in the nominative
    ("Правообладатель оригинала — …"); the three messages cover one/several originals and
    one/several holders.
    """
    values = {"holders": join_names(holders)}
    if len(holders) > 1:
        return (
            pgettext(
                "attribution rights, several holders",
                "The rights to the originals belong to %(holders)s.",
            )
            % values
        )
    if several_sources:
        return (
            pgettext(
                "attribution rights, one holder of several originals",
                "The rights to the originals belong to %(holders)s.",
            )
            % values
        )
    return (
        pgettext(
            "attribution rights, one original", "The rights to the original belong to %(holders)s."
        )
        % values
    )
