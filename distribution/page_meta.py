"""Description, OpenGraph/Twitter tags and JSON-LD of every reader page that is not an article.

Articles have their own, richer head (structured_data.article_head, cached per version). Home,
section, tag, author, search, about and error pages get theirs here, from what the view already
loaded (the page, the tag, the author), so no listing pays an extra query; the publisher block
reads the about/corrections URLs remembered per content generation (articles/trust_pages.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.models import ArticlePage, HomePage, InfoPage, InfoPurpose, SectionPage

from . import conf
from .links import absolute
from .structured_data import (
    SHARE_IMAGE_PATH,
    SHARE_IMAGE_SIZE,
    json_for_script,
    og_locale,
    publisher,
)

AUTHOR_IMAGE_SPEC = "fill-400x400|format-jpeg"
DESCRIPTION_LENGTH = 200


@dataclass(frozen=True)
class PageHead:
    description: str
    meta: list[tuple[str, str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)

    def json_ld_script_bodies(self) -> list[str]:
        return [json_for_script(item) for item in self.json_ld]


def short(text: str) -> str:
    plain = " ".join(strip_tags(text or "").split())
    return Truncator(plain).chars(DESCRIPTION_LENGTH)


def social_meta(
    *,
    og_type: str,
    title: str,
    description: str,
    url: str,
    language: str,
    image: dict,
) -> list[tuple[str, str, str]]:
    meta = [
        ("property", "og:type", og_type),
        ("property", "og:site_name", conf.site_name()),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", og_locale(language)),
        ("property", "og:image", image["url"]),
        ("property", "og:image:width", str(image["width"])),
        ("property", "og:image:height", str(image["height"])),
        ("property", "og:image:alt", image["alt"]),
        ("name", "twitter:card", "summary_large_image" if image["large"] else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image["url"]),
    ]
    return meta


def share_image(request: HttpRequest) -> dict:
    return {
        "url": absolute(request, static(SHARE_IMAGE_PATH)),
        "width": SHARE_IMAGE_SIZE[0],
        "height": SHARE_IMAGE_SIZE[1],
        "alt": conf.site_name(),
        "large": True,
    }


def web_page(schema_type: str, *, name: str, description: str, url: str, language: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": language,
    }


def author_head(request: HttpRequest, author, language: str) -> PageHead:
    url = absolute(request, author.url_in(language))
    description = short(author.bio) or _("Articles by %(name)s on %(site)s") % {
        "name": author.name,
        "site": conf.site_name(),
    }
    image = share_image(request)
    person: dict = {
        "@type": "Person",
        "@id": f"{url}#person",
        "name": author.name,
        "url": url,
        "worksFor": publisher(request),
    }
    if author.role:
        person["jobTitle"] = author.role
    if author.bio:
        person["description"] = author.bio
    if author.photo is not None:
        rendition = author.photo.get_rendition(AUTHOR_IMAGE_SPEC)
        image = {
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": author.photo.description or author.name,
            "large": False,
        }
        person["image"] = {"@type": "ImageObject", "url": image["url"]}
    profile = web_page(
        "ProfilePage", name=author.name, description=description, url=url, language=language
    )
    profile["mainEntity"] = person
    meta = social_meta(
        og_type="profile",
        title=author.name,
        description=description,
        url=url,
        language=language,
        image=image,
    )
    return PageHead(description, meta, [profile])


def page_head(context) -> PageHead | None:
    """The head of the page in a template context; None when there is no request."""
    request = context.get("request")
    if request is None:
        return None
    language = (getattr(request, "LANGUAGE_CODE", None) or "en")[:2]
    page = context.get("page")
    site = conf.site_name()
    if isinstance(page, ArticlePage):
        # Its social tags and JSON-LD come from article_head; only the description is here.
        return PageHead(short(page.search_description or page.dek))
    author = context.get("author")
    if isinstance(page, HomePage) and author is not None:
        return author_head(request, author, language)

    tag = context.get("tag")
    url = request.build_absolute_uri()
    og_type = "website"
    extra: list[dict] = []
    if isinstance(page, HomePage) and tag is not None:
        title = _("Tag: %(name)s") % {"name": tag.name}
        description = _("Articles tagged %(tag)s on %(site)s") % {"tag": tag.name, "site": site}
        schema_type = "CollectionPage"
    elif isinstance(page, HomePage):
        title = site
        description = short(page.search_description or page.intro) or _(
            "foreign press, interpreted"
        )
        schema_type = "WebPage"
        url = absolute(request, page.get_url(request))
        extra.append(
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": site,
                "url": url,
                "inLanguage": language,
                "publisher": publisher(request),
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": absolute(request, f"/{language}/search/?q={{search_term_string}}"),
                    "query-input": "required name=search_term_string",
                },
            }
        )
    elif isinstance(page, SectionPage):
        title = page.seo_title or page.title
        description = short(page.search_description or page.intro) or _(
            "Latest articles in %(section)s"
        ) % {"section": page.title}
        schema_type = "CollectionPage"
        url = absolute(request, page.get_url(request))
    elif isinstance(page, InfoPage):
        title = page.seo_title or page.title
        description = short(page.search_description or page.intro) or title
        schema_type = "AboutPage" if page.purpose == InfoPurpose.ABOUT else "WebPage"
        url = absolute(request, page.get_url(request))
    elif "outcome" in context:
        query = context.get("query") or ""
        title = _("Search: %(query)s") % {"query": query} if query else _("Search")
        description = _("Search the articles of %(site)s in English and Russian.") % {"site": site}
        schema_type = "SearchResultsPage"
    else:
        title = site
        description = _("foreign press, interpreted")
        schema_type = "WebPage"
    main = web_page(schema_type, name=title, description=description, url=url, language=language)
    main["isPartOf"] = {"@type": "WebSite", "name": site, "url": absolute(request, "/")}
    meta = social_meta(
        og_type=og_type,
        title=title,
        description=description,
        url=url,
        language=language,
        image=share_image(request),
    )
    return PageHead(description, meta, [main, *extra])
