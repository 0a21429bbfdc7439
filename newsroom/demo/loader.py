"""Turns the demo content (newsroom/demo/content.py and its TOML files) into a bilingual site.

Idempotent: every object is looked up by a natural key (slug + locale, URL, name) first, so
running the loader twice creates nothing new and changes nothing already there.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from articles.creation import create_article
from articles.kinds import DEFAULT_KIND
from articles.models import ArticlePage, Author, HomePage, InfoPage, SectionPage
from articles.notices import add_notice
from articles.tag_translations import link_tag_names
from sources.models import Outlet, SourceArticle
from translation.linking import register_existing_translation

from .images import draw_picture, draw_portrait, picture_alt

LANGUAGES = ("en", "ru")
HOME_TITLES = {"en": "Newsdesk", "ru": "Newsdesk"}
HOME_INTROS = {
    "en": "<p>Foreign press, read and interpreted by our newsroom — "
    "every story names its source.</p>",
    "ru": "<p>Зарубежная пресса в пересказе нашей редакции — "
    "у каждого материала указан источник.</p>",
}
# Renditions the templates ask for; made at load time so the first reader does not wait.
RENDITION_FILTERS = (
    "width-480|format-webp",
    "width-800|format-webp",
    "width-1200|format-webp",
    "fill-480x270|format-webp",
    "fill-960x540|format-webp",
)


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.created.values())


def _body_json(blocks: list) -> str:
    raw = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            raw.append({"type": "paragraph", "value": f"<p>{escape(value)}</p>"})
        else:
            raw.append({"type": block_type, "value": value})
    return json.dumps(raw, ensure_ascii=False)


class DemoLoader:
    def __init__(self, content, progress=None):
        self.content = content
        self.progress = progress or (lambda message: None)
        self.report = LoadReport()
        self.now = timezone.now().replace(minute=0, second=0, microsecond=0)

    # --- locales and site -------------------------------------------------------------
    def locales(self) -> dict[str, Locale]:
        locales = {}
        for code in LANGUAGES:
            locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.report.count("locale")
            locales[code] = locale
        return locales

    def home_pages(self, locales) -> dict[str, HomePage]:
        root = Page.get_first_root_node()
        home_en = HomePage.objects.filter(locale=locales["en"], depth=2).first()
        if home_en is None:
            # Replace Wagtail's placeholder welcome page, which has the slug "home".
            for placeholder in Page.objects.filter(depth=2, content_type__model="page"):
                placeholder.delete()
            home_en = HomePage(
                title=HOME_TITLES["en"], slug="home", intro=HOME_INTROS["en"], locale=locales["en"]
            )
            root.add_child(instance=home_en)
            home_en.save_revision().publish()
            self.report.count("home page")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home_en,
                is_default_site=True,
                site_name="Newsdesk",
            )
        elif site.root_page_id != home_en.pk:
            site.root_page = home_en
            site.site_name = "Newsdesk"
            site.save()
        homes = {"en": home_en}
        home_ru = HomePage.objects.filter(
            locale=locales["ru"], translation_key=home_en.translation_key
        ).first()
        if home_ru is None:
            home_ru = HomePage(
                title=HOME_TITLES["ru"],
                slug="home-ru",
                intro=HOME_INTROS["ru"],
                locale=locales["ru"],
                translation_key=home_en.translation_key,
            )
            root.add_child(instance=home_ru)
            home_ru.save_revision().publish()
            self.report.count("home page")
        homes["ru"] = home_ru
        return homes

    # --- snippets and records ---------------------------------------------------------
    def translated_snippet(self, model, locales, key_field, values: dict, extra: dict):
        """One snippet per language sharing a translation key; looked up by its English value."""
        original = model.objects.filter(locale=locales["en"], **{key_field: values["en"]}).first()
        if original is None:
            original = model.objects.create(
                locale=locales["en"], **{key_field: values["en"]}, **extra.get("en", {})
            )
            self.report.count(model._meta.verbose_name)
        result = {"en": original}
        translation = model.objects.filter(
            locale=locales["ru"], translation_key=original.translation_key
        ).first()
        if translation is None:
            translation = model.objects.create(
                locale=locales["ru"],
                translation_key=original.translation_key,
                **{key_field: values["ru"]},
                **extra.get("ru", {}),
            )
            self.report.count(model._meta.verbose_name)
        result["ru"] = translation
        return result

    def outlets(self, locales) -> dict[str, dict[str, Outlet]]:
        outlets = {}
        for spec in self.content.OUTLETS:
            extra = {
                lang: {
                    "homepage": spec["homepage"],
                    "language": spec["language"],
                    "rights_holder": spec["rights_holder"][lang],
                }
                for lang in LANGUAGES
            }
            outlets[spec["key"]] = self.translated_snippet(
                Outlet, locales, "name", spec["name"], extra
            )
        return outlets

    def authors(self, locales) -> dict[str, dict[str, Author]]:
        authors = {}
        for index, spec in enumerate(self.content.AUTHORS):
            photo = self.portrait(spec, index)
            extra = {
                lang: {"bio": spec["bio"][lang], "role": spec.get("role", {}).get(lang, "")}
                for lang in LANGUAGES
            }
            for lang in LANGUAGES:
                extra[lang]["photo"] = photo
            authors[spec["key"]] = self.translated_snippet(
                Author, locales, "name", spec["name"], extra
            )
        return authors

    def portrait(self, spec, index: int):
        Image = get_image_model()
        title = f"Demo portrait: {spec['name']['en']}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(
                title=title,
                description=f"Placeholder portrait with the initials of {spec['name']['en']}",
            )
            data = draw_portrait(spec["name"]["en"], index)
            image.file = ImageFile(io.BytesIO(data), name=f"{spec['key']}.jpg")
            image.save()
            self.report.count("image")
        return image

    def info_pages(self, homes, locales) -> None:
        """The about/masthead and corrections-policy pages, English first, Russian as its
        translation."""
        for spec in self.content.PAGES:
            original = None
            for lang in LANGUAGES:
                existing = InfoPage.objects.child_of(homes[lang]).filter(slug=spec["slug"]).first()
                if existing is None:
                    existing = InfoPage(
                        title=spec["title"][lang],
                        slug=spec["slug"],
                        purpose=spec["purpose"],
                        intro=spec["intro"][lang],
                        body=spec["body"][lang].strip(),
                        locale=locales[lang],
                        search_description=spec["intro"][lang][:255],
                    )
                    if original is not None:
                        existing.translation_key = original.translation_key
                    homes[lang].add_child(instance=existing)
                    existing.save_revision().publish()
                    self.report.count("page")
                original = original or existing

    def source_article(self, spec, outlets) -> SourceArticle:
        source = SourceArticle.objects.filter(url=spec["url"]).first()
        if source is None:
            source = SourceArticle.objects.create(
                url=spec["url"],
                outlet=outlets[spec["outlet"]]["en"],
                title=spec["title"],
                language=spec["language"],
                published_at=self.now - timedelta(hours=spec["hours_ago"]),
            )
            self.report.count("source article")
        return source

    def image(self, article_spec):
        Image = get_image_model()
        spec = article_spec["image"]
        title = f"Demo: {article_spec['en']['title']}"[:255]
        image = Image.objects.filter(title=title).first()
        if image is None:
            data = draw_picture(spec["colors"], spec["motif"])
            image = Image(title=title)
            image.file = ImageFile(io.BytesIO(data), name=f"{article_spec['slug']}.jpg")
            image.save()
            self.report.count("image")
        image.get_renditions(*RENDITION_FILTERS)
        return image

    # --- pages ------------------------------------------------------------------------
    def sections(self, homes, locales) -> dict[str, dict[str, SectionPage]]:
        sections = {}
        for spec in self.content.SECTIONS:
            pages = {}
            original = None
            for lang in LANGUAGES:
                existing = (
                    SectionPage.objects.child_of(homes[lang]).filter(slug=spec["key"]).first()
                )
                if existing is None:
                    existing = SectionPage(
                        title=spec["title"][lang],
                        slug=spec["key"],
                        intro=spec["intro"][lang],
                        locale=locales[lang],
                    )
                    if original is not None:
                        existing.translation_key = original.translation_key
                    homes[lang].add_child(instance=existing)
                    existing.save_revision().publish()
                    self.report.count("section")
                original = original or existing
                pages[lang] = existing
            sections[spec["key"]] = pages
        return sections

    def article(self, spec, sections, authors, outlets, locales) -> None:
        image = self.image(spec)
        sources = [self.source_article(s, outlets) for s in spec["sources"]]
        published = self.now - timedelta(hours=spec["hours_ago"])
        original = None
        for lang in LANGUAGES:
            slug = spec["slug"] if lang == "en" else spec["slug_ru"]
            parent = sections[spec["section"]][lang]
            page = ArticlePage.objects.child_of(parent).filter(slug=slug).first()
            if page is None:
                text = spec[lang]
                via_outlet = outlets[spec["image"]["via"]][lang]
                page = create_article(
                    section=parent,
                    title=text["title"],
                    slug=slug,
                    dek=text["dek"],
                    body=_body_json(text["body"]),
                    sources=sources,
                    authors=[authors[key][lang] for key in spec["authors"]],
                    tags=spec["tags"][lang],
                    lead_image=image,
                    translation_of=original,
                    publish=True,
                    published_at=published,
                    kind=spec.get("kind", DEFAULT_KIND),
                    lead_image_alt=picture_alt(spec["image"]["motif"], lang),
                    lead_image_caption=spec["image"]["caption"][lang],
                    lead_image_photographer=spec["image"]["photographer"],
                    lead_image_agency=spec["image"]["agency"],
                    lead_image_via=via_outlet.name,
                    search_description=text["dek"][:255],
                )
                self.notices(spec, page, lang, original)
                if original is not None:
                    # Let wagtail-localize know the pair, so the Russian text opens in its
                    # translation editor and the out-of-step report follows the English page.
                    register_existing_translation(original, page)
                self.report.count("article")
            original = original or page
        for _link in range(link_tag_names(spec["tags"], "en")):
            self.report.count("tag translation")

    def notices(self, spec, page, lang: str, original) -> None:
        """The article's notices to readers; a translation's notice shares its original's
        translation key, so wagtail-localize pairs the two texts."""
        originals = list(original.notices.order_by("date", "pk")) if original else []
        for i, notice in enumerate(spec.get("notices", [])):
            add_notice(
                page,
                kind=notice["kind"],
                text=notice["text"][lang],
                date=self.now - timedelta(hours=notice["hours_ago"]),
                translation_of=originals[i] if i < len(originals) else None,
            )
            self.report.count("notice")

    @transaction.atomic
    def run(self) -> LoadReport:
        locales = self.locales()
        homes = self.home_pages(locales)
        self.progress("site and locales ready")
        outlets = self.outlets(locales)
        authors = self.authors(locales)
        sections = self.sections(homes, locales)
        self.info_pages(homes, locales)
        self.progress("outlets, authors, sections and pages about the newsroom ready")
        for spec in self.content.ARTICLES:
            self.article(spec, sections, authors, outlets, locales)
            self.progress(spec["slug"])
        return self.report
