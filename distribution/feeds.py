"""What a feed contains: the newest articles of one language, optionally of a section or a tag.

Built as plain data (FeedChannel/FeedEntry) so the Django syndication views stay thin and the
same rules (GUIDs, dates, image, full text) are testable without parsing XML.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from datetime import datetime

import lxml.html
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from articles.models import ArticlePage, SectionPage

from . import conf
from .links import absolute, home_for_locale, tag_uri

# One picture size for feeds, og:image and JSON-LD: 16:9, large enough for every consumer
# (Google asks for 1200px wide), JPEG because not every feed reader shows WebP.
SHARE_IMAGE_SPEC = "fill-1200x675|format-jpeg"


class FeedNotFound(ObjectDoesNotExist):
    """No such section or tag in this language; the syndication view turns it into a 404."""


@dataclass(frozen=True)
class MediaFile:
    url: str
    length: int
    mime_type: str
    width: int
    height: int


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str
    guid: str
    summary: str
    content_html: str | None
    published: datetime
    updated: datetime
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: MediaFile | None = None


@dataclass(frozen=True)
class FeedChannel:
    title: str
    link: str
    description: str
    language: str
    entries: list[FeedEntry]


def share_image(request: HttpRequest, image) -> MediaFile | None:
    """The lead picture at SHARE_IMAGE_SPEC with its byte length (RSS enclosures require it)."""
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    try:
        length = rendition.file.size
    except OSError:
        # A missing file must not take the whole feed down; the entry just has no picture.
        return None
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return MediaFile(
        url=absolute(request, rendition.url),
        length=length,
        mime_type=mime_type,
        width=rendition.width,
        height=rendition.height,
    )


def absolute_html(html: str, base_url: str) -> str:
    """Body HTML with every link and image made absolute: feed readers have no page to resolve
    relative URLs against."""
    if not html.strip():
        return ""
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    fragment.make_links_absolute(base_url, resolve_base_href=False)
    parts = [fragment.text or ""]
    parts += [lxml.html.tostring(child, encoding="unicode") for child in fragment]
    return "".join(parts)


def notice_lines(page: ArticlePage) -> list[str]:
    """ "Correction, 2 December 2026: ..." for each notice, newest first, in the feed's language:
    a feed reader that shows the changed entry shows what changed."""
    notices = sorted(page.notices.all(), key=lambda n: (n.date, n.pk), reverse=True)
    return [f"{n.get_kind_display()}, {date_format(n.date, 'j E Y')}: {n.text}" for n in notices]


def entry_for(request: HttpRequest, page: ArticlePage, *, full_text: bool) -> FeedEntry:
    link = absolute(request, page.get_url(request))
    published = page.effective_date
    # The entry is "updated" when a notice is added, not on every re-save (articles/notice_dates).
    updated = page.date_modified or published
    notes = notice_lines(page)
    content_html = absolute_html(str(page.body), link) if full_text else None
    if content_html is not None and notes:
        content_html = "".join(f"<p><em>{escape(line)}</em></p>" for line in notes) + content_html
    return FeedEntry(
        title=page.title,
        link=link,
        guid=tag_uri(request, page),
        summary="\n\n".join([page.dek, *notes]),
        content_html=content_html,
        published=published,
        updated=updated,
        authors=[author.name for author in page.authors.all()],
        categories=[tag.name for tag in page.tags.all()],
        image=share_image(request, page.lead_image),
    )


def feed_articles(locale: Locale):
    """Published articles of one language with everything an entry shows, fetched up front."""
    images = get_image_model().objects.prefetch_renditions(SHARE_IMAGE_SPEC)
    return (
        ArticlePage.objects.published()
        .in_locale(locale)
        .newest_first()
        .select_related("locale")
        .prefetch_related(Prefetch("lead_image", queryset=images), "authors", "tags", "notices")
    )


def build_channel(
    request: HttpRequest,
    *,
    section_slug: str | None = None,
    tag_slug: str | None = None,
    full_text: bool | None = None,
) -> FeedChannel:
    """The feed of the request's language (URL prefix), narrowed to a section or a tag.

    Raises FeedNotFound for an unknown section or tag, or a tag no article of this language has.
    """
    locale = Locale.get_active()
    full_text = conf.feed_full_text() if full_text is None else full_text
    home = home_for_locale(request, locale)
    if home is None:
        raise FeedNotFound(f"No home page in {locale.language_code}")
    articles = feed_articles(locale).descendant_of(home)
    name = conf.site_name()
    if section_slug is not None:
        section = SectionPage.objects.live().public().child_of(home).filter(slug=section_slug)
        section = section.first()
        if section is None:
            raise FeedNotFound(f"No section {section_slug!r} in {locale.language_code}")
        articles = articles.child_of(section)
        title = f"{name} — {section.title}"
        link = absolute(request, section.get_url(request))
        description = section.intro or _("Latest articles in %(section)s") % {
            "section": section.title
        }
    elif tag_slug is not None:
        tag = Tag.objects.filter(slug=tag_slug).first()
        if tag is None:
            raise FeedNotFound(f"No tag {tag_slug!r}")
        articles = articles.filter(tags=tag)
        title = f"{name} — {tag.name}"
        link = absolute(
            request, home.get_url(request) + home.specific.reverse_subpage("tag", args=[tag.slug])
        )
        description = _("Latest articles tagged %(tag)s") % {"tag": tag.name}
    else:
        title = name
        link = absolute(request, home.get_url(request))
        description = _("foreign press, interpreted")
    entries = [
        entry_for(request, page, full_text=full_text) for page in articles[: conf.feed_item_count()]
    ]
    if tag_slug is not None and not entries:
        raise FeedNotFound(f"No articles tagged {tag_slug!r} in {locale.language_code}")
    return FeedChannel(
        title=title,
        link=link,
        description=description,
        language=locale.language_code,
        entries=entries,
    )


def feed_urls(language: str, *, section_slug: str | None = None, tag_slug: str | None = None):
    """(format, path) of the feeds for a language and optional section or tag, for <link>s."""
    if section_slug is not None:
        names, kwargs = ("section_rss", "section_atom"), {"section_slug": section_slug}
    elif tag_slug is not None:
        names, kwargs = ("tag_rss", "tag_atom"), {"tag_slug": tag_slug}
    else:
        names, kwargs = ("rss", "atom"), {}
    with translation.override(language):
        return [
            ("rss", reverse(f"distribution_feeds:{names[0]}", kwargs=kwargs)),
            ("atom", reverse(f"distribution_feeds:{names[1]}", kwargs=kwargs)),
        ]
