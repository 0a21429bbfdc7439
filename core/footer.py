"""Links in every reader page's footer, contributed by the apps that own their targets.

The footer template lives in core, the lowest layer, while what it links (the about page, the
corrections policy) belongs to higher apps; they register a provider from their
``AppConfig.ready`` and the footer asks for the active language's links.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FooterLink:
    label: str
    url: str


FooterProvider = Callable[[str], list[FooterLink]]
_providers: list[FooterProvider] = []


def register_footer_links(provider: FooterProvider) -> None:
    """`provider(language)` returns that language's links; it must be cheap (it runs on every
    reader page), e.g. remembered per content generation (core/routing.py)."""
    if provider not in _providers:
        _providers.append(provider)


def footer_links(language: str) -> list[FooterLink]:
    return [link for provider in _providers for link in provider(language)]
