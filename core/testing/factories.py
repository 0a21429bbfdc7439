"""`make_*` helpers that build a small bilingual site for tests, with sensible defaults.

Each helper takes overrides as keyword arguments; nothing here touches the network.
"""

from __future__ import annotations

import io
import itertools
import json
from datetime import datetime

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from articles.models import ArticlePage, Author, HomePage, SectionPage
from sources.models import Outlet, SourceArticle

_counter = itertools.count(1)


def _next() -> int:
    return next(_counter)


def make_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru")}


def make_site() -> dict[str, HomePage]:
    """English home page as the default site's root, with its Russian translation beside it."""
    locales = make_locales()
    existing = HomePage.objects.filter(locale=locales["en"], depth=2).first()
    if existing is not None:
        return {
            "en": existing,
            "ru": HomePage.objects.get(
                locale=locales["ru"], translation_key=existing.translation_key
            ),
        }
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    home_en = root.add_child(instance=HomePage(title="Newsdesk", slug="home", locale=locales["en"]))
    home_en.save_revision().publish()
    home_ru = root.add_child(
        instance=HomePage(
            title="Newsdesk",
            slug="home-ru",
            locale=locales["ru"],
            translation_key=home_en.translation_key,
        )
    )
    home_ru.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home_en},
    )
    return {"en": home_en, "ru": home_ru}


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_section(language: str = "en", title: str | None = None, translation_of=None, **kw):
    homes = make_site()
    n = _next()
    section = SectionPage(
        title=title or f"Section {n}",
        slug=kw.pop("slug", f"section-{n}"),
        locale=homes[language].locale,
        **kw,
    )
    if translation_of is not None:
        section.translation_key = translation_of.translation_key
    homes[language].add_child(instance=section)
    return _publish(section)


def make_outlet(name: str | None = None, language: str = "de", locale: str = "en", **kw) -> Outlet:
    locales = make_locales()
    n = _next()
    return Outlet.objects.create(
        name=name or f"Outlet {n}",
        homepage=kw.pop("homepage", f"https://outlet-{n}.example.org/"),
        language=language,
        locale=locales[locale],
        **kw,
    )


def make_source_article(outlet: Outlet | None = None, **kw) -> SourceArticle:
    n = _next()
    return SourceArticle.objects.create(
        outlet=outlet or make_outlet(),
        url=kw.pop("url", f"https://outlet.example.org/story-{n}"),
        title=kw.pop("title", f"Original story {n}"),
        language=kw.pop("language", "de"),
        published_at=kw.pop("published_at", timezone.now()),
        **kw,
    )


def make_author(name: str | None = None, language: str = "en", **kw) -> Author:
    return Author.objects.create(
        name=name or f"Author {_next()}", locale=make_locales()[language], **kw
    )


def make_image(title: str | None = None, size=(1200, 675), color=(40, 90, 140)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="JPEG")
    image = get_image_model()(title=title or f"Image {_next()}")
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="test.jpg")
    image.save()
    return image


def body_blocks(*paragraphs: str, subheading: str | None = "A subheading") -> str:
    """A StreamField body as raw JSON: paragraphs with an optional subheading after the first."""
    blocks = []
    for i, text in enumerate(paragraphs):
        blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
        if i == 0 and subheading:
            blocks.append({"type": "subheading", "value": subheading})
    return json.dumps(blocks, ensure_ascii=False)


def make_article(
    section: SectionPage | None = None,
    *,
    language: str = "en",
    title: str | None = None,
    body: str | None = None,
    sources: list[SourceArticle] | None = None,
    authors: list[Author] | None = None,
    tags: list[str] | None = None,
    lead_image=None,
    published_at: datetime | None = None,
    translation_of: ArticlePage | None = None,
    live: bool = True,
    **kw,
) -> ArticlePage:
    """A published article (by default) with one source, under `section` or a new one."""
    section = section or make_section(language=language)
    n = _next()
    page = ArticlePage(
        title=title or f"Article {n}",
        slug=kw.pop("slug", f"article-{n}"),
        dek=kw.pop("dek", f"Teaser of article {n}."),
        locale=section.locale,
        body=body or body_blocks("Some words of the body. " * 20),
        lead_image=lead_image,
        **kw,
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    page.authors = authors or []
    for source in sources if sources is not None else [make_source_article()]:
        page.source_links.add(page.source_links.model(source_article=source))
    section.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    if live:
        page = _publish(page)
        if published_at is not None:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            page.refresh_from_db()
    else:
        page.save_revision()
        ArticlePage.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page
