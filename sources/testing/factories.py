"""`make_*` helpers for outlets and their articles, with sensible defaults; no network."""

from __future__ import annotations

from django.utils import timezone

from core.testing.factories import make_locales, next_number
from sources.models import Outlet, SourceArticle


def make_outlet(name: str | None = None, language: str = "de", locale: str = "en", **kw) -> Outlet:
    locales = make_locales()
    n = next_number()
    return Outlet.objects.create(
        name=name or f"Outlet {n}",
        homepage=kw.pop("homepage", f"https://outlet-{n}.example.org/"),
        language=language,
        locale=locales[locale],
        **kw,
    )


def make_source_article(outlet: Outlet | None = None, **kw) -> SourceArticle:
    n = next_number()
    return SourceArticle.objects.create(
        outlet=outlet or make_outlet(),
        url=kw.pop("url", f"https://outlet.example.org/story-{n}"),
        title=kw.pop("title", f"Original story {n}"),
        language=kw.pop("language", "de"),
        published_at=kw.pop("published_at", timezone.now()),
        **kw,
    )
