"""The one way an ArticlePage comes into being from data: the newsroom inbox ("write
interpretation"), the archive importer, the demo loader and the test factories all call
``create_article``.

WHY one service: what a new article must carry (sources linked in order, authors, tags, a slug
free among its siblings, the lead-image credit, publication dates) was written four times and
had started to drift (two slug helpers, tags saved in different orders). Keeping it here, in the
articles layer, lets every higher layer create articles without knowing Wagtail's tree API.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from sources.models import SourceArticle

from .models import ArticlePage, ArticleSourceLink, Author, HomePage, SectionPage
from .slugs import SLUG_MAX, ascii_slug, transliterate

__all__ = ["SLUG_MAX", "ascii_slug", "create_article", "free_slug", "home_for", "transliterate"]


def free_slug(parent: Page, base: str, taken: set[str] | None = None) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever no child of ``parent`` has yet.

    ``taken`` lets a bulk caller keep the sibling slugs between calls instead of reading them
    for every page; the chosen slug is added to it. The suffix never pushes the slug past
    ``SLUG_MAX``.
    """
    if taken is None:
        taken = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: SLUG_MAX - len(suffix)] + suffix
        n += 1
    taken.add(slug)
    return slug


def home_for(language: str) -> Page:
    """The language's home page: the default site's root or its translation; made if missing."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        root = site.root_page
        if root.locale_id == locale.pk:
            return root
        translation = root.get_translation_or_none(locale)
        if translation is not None:
            return translation
        home = HomePage(title=root.title, slug=f"{root.slug}-{language}", locale=locale)
        home.translation_key = root.translation_key
        Page.get_first_root_node().add_child(instance=home)
        return home
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        home = HomePage(title="Newsdesk", slug=f"home-{language}", locale=locale)
        Page.get_first_root_node().add_child(instance=home)
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


def create_article(
    *,
    section: SectionPage,
    title: str,
    dek: str = "",
    body: str | Sequence[Any] = (),
    slug: str | None = None,
    sources: Iterable[SourceArticle] = (),
    authors: Iterable[Author] = (),
    tags: Iterable[str] = (),
    lead_image: Any = None,
    translation_of: Page | None = None,
    publish: bool = True,
    bulk: bool = False,
    published_at: datetime | None = None,
    user: AbstractBaseUser | None = None,
    taken_slugs: set[str] | None = None,
    **fields: Any,
) -> ArticlePage:
    """Create an ArticlePage under ``section`` (in the section's locale) and return it, saved.

    - ``body``: a StreamField value (raw JSON text or a list of blocks).
    - ``slug``: the wished-for slug (default: ``ascii_slug(title)``); made free among the
      section's children with ``free_slug`` (``taken_slugs`` as there).
    - ``sources`` are linked in the order given (the first leads the attribution).
    - ``translation_of``: the page this one translates (they share a translation key).
    - ``publish=False``: a draft with a first revision, like one saved in the editor; the
      required fields (dek, body) are left for the editor, so the revision is not validated.
    - ``publish=True``: a revision is published, so every publish signal runs (search index,
      related articles, caches). ``published_at`` then back-dates the publication.
    - ``publish=True, bulk=True``: the page is written live with no revision and no publish
      signal, so an import of many rows does not enqueue a task per row; the caller indexes
      the pages once at the end. ``published_at`` (default now) is its publication time.
    - ``fields``: any other ArticlePage field (lead-image caption and credit, display_date,
      search_description).
    """
    if bulk and not publish:
        raise ValueError("bulk creation writes live pages; a draft needs a revision")
    page = ArticlePage(
        title=title,
        slug=free_slug(section, slug or ascii_slug(title), taken_slugs),
        dek=dek,
        body=body if isinstance(body, str) else list(body),
        locale=section.locale,
        lead_image=lead_image,
        live=bulk,
        **fields,
    )
    if bulk:
        moment = published_at or timezone.now()
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = moment
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    # Cluster relations: set before the first save, which commits them with the page.
    page.authors = list(authors)
    tag_names = list(tags)
    if tag_names:
        page.tags.add(*tag_names)
    for order, source in enumerate(sources):
        page.source_links.add(ArticleSourceLink(source_article=source, sort_order=order))
    section.add_child(instance=page)
    if bulk:
        return page
    if not publish:
        page.save_revision(user=user, log_action=True, clean=False)
        return page
    page.save_revision(user=user).publish(user=user)
    if published_at is not None:
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
    # publish() saves a copy built from the revision; read back what it wrote.
    page.refresh_from_db()
    return page
