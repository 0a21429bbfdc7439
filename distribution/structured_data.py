"""What search engines and social networks read from an article page: JSON-LD, OpenGraph, Twitter.

Built from objects the article view already loaded (authors, attribution) so the page's query
count stays constant; the extra lookups here (translations, ancestors, one rendition) are fixed
in number whatever the article holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.translation import get_language
from wagtail.models import Page

from articles import trust_pages
from articles.corrections import corrections_policy_url

from . import conf
from .feeds import SHARE_IMAGE_SPEC
from .links import absolute

LOGO_PATH = "img/newsdesk-logo.png"
LOGO_SIZE = (600, 60)  # Google's publisher logo guideline: fits 600x60.
SHARE_IMAGE_PATH = "img/share.png"  # the site's link-preview card (1200x630)
SHARE_IMAGE_SIZE = (1200, 630)
# OpenGraph wants language_TERRITORY; the newsroom's English is British.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}
DEFAULT_ORIGINAL_LANGUAGE = "en"

# Inside <script>, "</script>" or "<!--" in a headline would end or break the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Translation:
    language: str
    url: str
    first_published_at: datetime | None


@dataclass(frozen=True)
class ArticleHead:
    json_ld: list[dict]
    meta: list[tuple[str, str, str]]  # (attribute, name, content): property= or name=

    def json_ld_script_bodies(self) -> list[str]:
        return [json_for_script(item) for item in self.json_ld]


def json_for_script(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, f"{language}_{language.upper()}")


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def live_translations(request: HttpRequest, page: Page) -> list[Translation]:
    """Every live, public translation of `page` (itself included), one query."""
    pages = (
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("pk")
    )
    return [
        Translation(
            p.locale.language_code, absolute(request, p.get_url(request)), p.first_published_at
        )
        for p in pages
    ]


def original_of(translations: list[Translation]) -> Translation | None:
    """The version the others were translated from: the first one published; on a tie or without
    dates, the English one (the newsroom writes in English first)."""
    if not translations:
        return None
    far_future = datetime.max

    def key(t: Translation):
        published = (
            t.first_published_at.replace(tzinfo=None) if t.first_published_at else far_future
        )
        return (published, t.language != DEFAULT_ORIGINAL_LANGUAGE, t.language)

    return min(translations, key=key)


def publisher(request: HttpRequest) -> dict:
    """The newsroom as a NewsMediaOrganization, with its masthead and corrections policy in the
    active language when those pages exist (articles/trust_pages.py, the Trust Project's
    "best practices" indicator)."""
    organization = {
        "@type": "NewsMediaOrganization",
        "name": conf.site_name(),
        "url": absolute(request, "/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(request, static(LOGO_PATH)),
            "width": LOGO_SIZE[0],
            "height": LOGO_SIZE[1],
        },
    }
    language = (get_language() or "en")[:2]
    about = trust_pages.about_url(language)
    if about:
        organization["publishingPrinciples"] = absolute(request, about)
        organization["masthead"] = absolute(request, about)
    # Always present: the policy page if the newsroom made one, else the built-in policy
    # (articles/corrections.py decides, for every consumer).
    policy = absolute(request, corrections_policy_url(language))
    organization["correctionsPolicy"] = policy
    organization.setdefault("publishingPrinciples", policy)
    return organization


def person(request: HttpRequest, author, language: str) -> dict:
    """A byline as JSON-LD: the author's name and, when they have one, their page."""
    entry = {"@type": "Person", "name": author.name}
    path = author.url_in(language)
    if path:
        entry["url"] = absolute(request, path)
    return entry


def breadcrumbs(request: HttpRequest, page: Page) -> dict:
    """Home → Section → Article, from the page's ancestors below the tree root (one query)."""
    trail = list(Page.objects.ancestor_of(page).filter(depth__gt=1).order_by("depth"))
    trail.append(page)
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute(request, crumb.get_url(request)),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def work_ref(translation: Translation) -> dict:
    return {
        "@type": "NewsArticle",
        "@id": translation.url,
        "url": translation.url,
        "inLanguage": translation.language,
    }


def corrections(notices: list) -> list[dict]:
    """schema.org `correction`: each correction notice as a CorrectionComment (clarifications
    and updates are not corrections of an error, so they are not claimed as such)."""
    return [
        {"@type": "CorrectionComment", "datePublished": iso(n.date), "text": n.text}
        for n in notices
        if n.is_correction
    ]


def article_head(
    request: HttpRequest,
    page,
    *,
    authors: list,
    source_urls: list[str],
    notices: list | None = None,
) -> ArticleHead:
    """JSON-LD NewsArticle + BreadcrumbList and the OpenGraph/Twitter tags of one article."""
    url = absolute(request, page.get_url(request))
    language = page.locale.language_code
    description = page.search_description or page.dek
    published = page.effective_date
    # Moves with a notice only, not with every re-save (articles/notice_dates.py).
    modified = page.date_modified

    image = None
    if page.lead_image is not None:
        rendition = page.lead_image.get_rendition(SHARE_IMAGE_SPEC)
        image = {
            "@type": "ImageObject",
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }

    article = {
        "@context": "https://schema.org",
        # The kind of article (articles/kinds.py): AnalysisNewsArticle, OpinionNewsArticle, ...
        "@type": page.schema_type,
        "@id": url,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": page.title,
        "description": description,
        "datePublished": iso(published),
        "dateModified": iso(modified),
        "inLanguage": language,
        "author": [person(request, author, language) for author in authors],
        "publisher": publisher(request),
        "isBasedOn": list(source_urls),
    }
    if image is not None:
        article["image"] = image
    if correction := corrections(notices if notices is not None else list(page.notices.all())):
        article["correction"] = correction

    translations = live_translations(request, page)
    others = [t for t in translations if t.language != language]
    original = original_of(translations)
    if others and original is not None:
        if original.language == language:
            article["workTranslation"] = [work_ref(t) for t in others]
        else:
            article["translationOfWork"] = work_ref(original)

    meta: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"),
        ("property", "og:site_name", conf.site_name()),
        ("property", "og:title", page.title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", og_locale(language)),
    ]
    meta += [("property", "og:locale:alternate", og_locale(t.language)) for t in others]
    if image is not None:
        meta += [
            ("property", "og:image", image["url"]),
            ("property", "og:image:width", str(image["width"])),
            ("property", "og:image:height", str(image["height"])),
        ]
        if page.lead_image_alt_text:
            meta.append(("property", "og:image:alt", page.lead_image_alt_text))
    else:
        # No picture of its own: the site's share card, so link previews are never blank.
        meta += [
            ("property", "og:image", absolute(request, static(SHARE_IMAGE_PATH))),
            ("property", "og:image:width", str(SHARE_IMAGE_SIZE[0])),
            ("property", "og:image:height", str(SHARE_IMAGE_SIZE[1])),
        ]
    if published is not None:
        meta.append(("property", "article:published_time", iso(published)))
    if modified is not None:
        meta.append(("property", "article:modified_time", iso(modified)))
    meta += [
        ("name", "twitter:card", "summary_large_image" if image is not None else "summary"),
        ("name", "twitter:title", page.title),
        ("name", "twitter:description", description),
    ]
    if image is not None:
        meta.append(("name", "twitter:image", image["url"]))
    return ArticleHead(json_ld=[article, breadcrumbs(request, page)], meta=meta)
