"""Bulk import of article archives (JSON Lines) as published ArticlePages.

Each line is validated on its own: a bad line is reported with its number and reason and the
import goes on, so one broken row never costs the good ones. Pages are created live directly
(no revision, no publish signal) so importing 100,000 rows does not enqueue 100,000 index
tasks; the caller indexes the created pages once at the end.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape
from wagtail.models import Locale, Page

from articles.creation import ascii_slug, create_article, free_slug, home_for
from articles.models import ArticlePage, Author, SectionPage
from core.safe_urls import is_http_url
from search.models import ImportedArticle
from sources.models import Outlet, SourceArticle
from sources.sanitize import IMPORTED_ARCHIVE, PLAIN_TEXT, sanitize_html

REQUIRED_FIELDS = ("title", "body", "language", "published_at", "section", "url")
TITLE_MAX = 255
DEK_MAX = 280
HTML_HINT_RE = re.compile(r"<\s*(p|div|br|a|b|i|em|strong|ul|ol|li|h[1-6]|span)\b", re.I)
BLOCK_SPLIT_RE = re.compile(r"</?(?:p|div|h[1-6]|blockquote|section|article)\b[^>]*>", re.I)


class RowError(ValueError):
    """A row that cannot be imported, with a message an editor can act on."""


@dataclass
class ImportRow:
    line: int
    title: str
    lead: str
    paragraphs: list[str]
    language: str
    published_at: datetime
    section: str
    url: str
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source_url: str = ""
    outlet: str = ""


@dataclass
class ImportReport:
    created_ids: list[int] = field(default_factory=list)
    skipped: int = 0
    lines_read: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def created(self) -> int:
        return len(self.created_ids)


def _paragraphs(body: str) -> list[str]:
    """Body (HTML or plain text) -> sanitized paragraph HTML fragments."""
    if HTML_HINT_RE.search(body):
        chunks = BLOCK_SPLIT_RE.split(body)
        paragraphs = []
        for chunk in chunks:
            clean = sanitize_html(chunk, IMPORTED_ARCHIVE)
            if clean:
                paragraphs.append(clean)
        return paragraphs
    return [escape(p.strip()) for p in re.split(r"\n\s*\n|\n", body) if p.strip()]


def _text_list(value: object, name: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError(f"'{name}' must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _published_at(value: object) -> datetime:
    if not isinstance(value, str) or not value.strip():
        raise RowError("'published_at' must be an ISO date or date-time string")
    value = value.strip()
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise RowError(f"'published_at' is not an ISO date or date-time: {value[:40]!r}")
        moment = datetime.combine(day, time(12, 0))
    if timezone.is_naive(moment):
        # Archives without an offset are taken to be in the site's time zone.
        moment = timezone.make_aware(moment)
    return moment


def parse_row(raw: str, line: int) -> ImportRow:
    """Validate one JSON line; raises RowError saying what is wrong."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise RowError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(data, dict):
        raise RowError("expected a JSON object")
    missing = [
        name
        for name in REQUIRED_FIELDS
        if not isinstance(data.get(name), str) or not data[name].strip()
    ]
    if missing:
        raise RowError("missing or empty field(s): " + ", ".join(missing))
    language = data["language"].strip().lower()
    known = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    if language not in known:
        raise RowError(f"language {language!r} is not one of {', '.join(known)}")
    paragraphs = _paragraphs(data["body"])
    if not paragraphs:
        raise RowError("'body' has no text")
    source_url = str(data.get("source_url") or "").strip()[:1000]
    if source_url and not is_http_url(source_url):
        # It becomes the public attribution link: a javascript: URL there would run in readers'
        # browsers. The row is refused rather than imported without its source.
        raise RowError(f"'source_url' must be an http or https URL, not {source_url[:60]!r}")
    return ImportRow(
        line=line,
        title=" ".join(data["title"].split())[:TITLE_MAX],
        lead=" ".join(str(data.get("lead") or "").split()),
        paragraphs=paragraphs,
        language=language,
        published_at=_published_at(data["published_at"]),
        section=" ".join(data["section"].split())[:255],
        url=data["url"].strip()[:1000],
        tags=_text_list(data.get("tags"), "tags"),
        authors=_text_list(data.get("authors"), "authors"),
        source_url=source_url,
        outlet=str(data.get("outlet") or "").strip()[:200],
    )


def read_rows(lines: Iterable[str], report: ImportReport) -> Iterator[ImportRow]:
    for number, raw in enumerate(lines, start=1):
        report.lines_read = number
        if not raw.strip():
            continue
        try:
            yield parse_row(raw, number)
        except RowError as error:
            report.errors.append((number, str(error)))


# --- the page tree ---------------------------------------------------------------------------


class PageTree:
    """Finds or creates sections per language, remembering them and their children's slugs."""

    def __init__(self) -> None:
        self.sections: dict[tuple[str, str], SectionPage] = {}
        self.slugs: dict[int, set[str]] = {}

    def section(self, name: str, language: str) -> SectionPage:
        key = (language, name.casefold())
        if key not in self.sections:
            home = home_for(language)
            section = next(
                (s for s in SectionPage.objects.child_of(home) if s.title.casefold() == key[1]),
                None,
            )
            if section is None:
                section = SectionPage(
                    title=name,
                    slug=free_slug(home, ascii_slug(name), self.taken(home)),
                    locale=home.locale,
                    live=True,
                    first_published_at=timezone.now(),
                )
                home.add_child(instance=section)
            self.sections[key] = section
        return self.sections[key]

    def taken(self, parent: Page) -> set[str]:
        """The slugs of ``parent``'s children, read once per import."""
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        return self.slugs[parent.pk]


def _dek(row: ImportRow) -> str:
    """The lead, or the start of the first paragraph when the archive has none (dek is required)."""
    if row.lead:
        return row.lead
    text = " ".join(sanitize_html(row.paragraphs[0], PLAIN_TEXT).split())
    if len(text) <= DEK_MAX:
        return text
    return text[:DEK_MAX].rsplit(" ", 1)[0] + "…"


def _body_json(row: ImportRow) -> str:
    return json.dumps(
        [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in row.paragraphs],
        ensure_ascii=False,
    )


def import_row(row: ImportRow, tree: PageTree) -> ArticlePage:
    """One live article for ``row`` (no revision, no publish signal: see the module docstring)."""
    section = tree.section(row.section, row.language)
    page = create_article(
        section=section,
        title=row.title,
        slug=ascii_slug(row.title),
        taken_slugs=tree.taken(section),
        dek=_dek(row),
        body=_body_json(row),
        tags=row.tags,
        authors=[_author(name, section.locale) for name in row.authors],
        sources=[_source(row)] if row.source_url else [],
        publish=True,
        bulk=True,
        published_at=row.published_at,
        display_date=row.published_at,
    )
    ImportedArticle.objects.create(url=row.url, page=page)
    return page


def _author(name: str, locale: Locale) -> Author:
    author = Author.objects.filter(name=name[:200], locale=locale).first()
    return author or Author.objects.create(name=name[:200], locale=locale)


def _source(row: ImportRow) -> SourceArticle:
    source = SourceArticle.objects.filter(url=row.source_url).first()
    if source is not None:
        return source
    outlet_name = row.outlet or "Unknown outlet"
    outlet = Outlet.objects.filter(name=outlet_name).order_by("pk").first()
    if outlet is None:
        outlet = Outlet.objects.create(name=outlet_name, locale=Locale.get_default())
    return SourceArticle.objects.create(
        url=row.source_url,
        outlet=outlet,
        title=row.title[:500],
        language=row.language,
    )


def import_lines(
    lines: Iterable[str],
    batch_size: int = 200,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create an ArticlePage per new valid row, in transactions of `batch_size` rows.

    Rows whose `url` was imported before are skipped (idempotent). A row that fails while
    being written is rolled back alone (savepoint) and reported like a validation error.
    """
    report = ImportReport()
    tree = PageTree()
    batch: list[ImportRow] = []
    reported = 0

    def flush() -> None:
        nonlocal reported
        known = set(
            ImportedArticle.objects.filter(url__in=[r.url for r in batch]).values_list(
                "url", flat=True
            )
        )
        with transaction.atomic():
            for row in batch:
                if row.url in known:
                    report.skipped += 1
                    continue
                try:
                    with transaction.atomic():
                        page = import_row(row, tree)
                except Exception as error:  # noqa: BLE001 - reported per line, import goes on
                    report.errors.append((row.line, f"could not be saved: {error}"))
                    tree.sections.clear()
                    tree.slugs.clear()
                    continue
                known.add(row.url)
                report.created_ids.append(page.pk)
        if progress:
            progress(report.lines_read - reported)
            reported = report.lines_read
        batch.clear()

    for row in read_rows(lines, report):
        batch.append(row)
        if len(batch) >= batch_size:
            flush()
    flush()
    report.errors.sort()
    return report
