"""Where the newsroom's about/masthead and corrections-policy pages are, in each language.

The one place every consumer asks: the footer (through core's footer-link registry), the
publisher's structured data (distribution: ``publishingPrinciples``, ``masthead``,
``correctionsPolicy``) and correction notices that link the policy. Remembered per content
generation (core/routing.py), so reader pages pay no query for it once warm; publishing,
moving or unpublishing a page replaces the generation.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.footer import FooterLink
from core.routing import remembered

from .models import InfoPage, InfoPurpose


def _pages(language: str) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    pages = (
        InfoPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .exclude(purpose=InfoPurpose.OTHER)
        .order_by("path")
    )
    for page in pages:
        url = page.get_url()
        if url and page.purpose not in found:
            found[page.purpose] = (page.title, url)
    return found


def trust_pages(language: str) -> dict[str, tuple[str, str]]:
    """purpose -> (title, site-relative URL) of the live pages in `language`."""
    return remembered(("trust-pages", language), lambda: _pages(language))


def about_url(language: str) -> str | None:
    """The about/masthead page of `language` (site-relative), or None."""
    page = trust_pages(language).get(InfoPurpose.ABOUT)
    return page[1] if page else None


def corrections_policy_url(language: str) -> str | None:
    """The corrections-policy page of `language` (site-relative), or None."""
    page = trust_pages(language).get(InfoPurpose.CORRECTIONS)
    return page[1] if page else None


def footer_links(language: str) -> list[FooterLink]:
    """The footer's links: about us, then the corrections policy (those that exist)."""
    pages = trust_pages(language)
    labels = {InfoPurpose.ABOUT: _("About us"), InfoPurpose.CORRECTIONS: _("Corrections policy")}
    return [
        FooterLink(str(labels[purpose]), pages[purpose][1])
        for purpose in (InfoPurpose.ABOUT, InfoPurpose.CORRECTIONS)
        if purpose in pages
    ]
