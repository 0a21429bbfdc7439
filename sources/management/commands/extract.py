"""`manage.py extract <file-or-url> [--json]`: run article extraction on one page, store nothing.

For editors and developers checking what ingest would make of a page. A URL is fetched with the
project's safe client (sources.fetching: SSRF guards, size caps, robots.txt); a path is read from
disk, `.gz` files decompressed. The work itself is sources.extraction.extract_article.
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.extraction import ExtractedArticle, ExtractionError, extract_article
from sources.fetching.client import default_fetcher
from sources.fetching.errors import FetchError

_SUMMARY_TEXT_CHARS = 600


def _is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _read_file(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".gz" or data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise CommandError(f"cannot read {path}: {exc}") from exc
    return data


def _fetch(url: str) -> tuple[bytes, str, str | None]:
    try:
        result = default_fetcher().fetch(
            url, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
        )
    except FetchError as exc:
        raise CommandError(f"cannot fetch {url}: {exc}") from exc
    return result.body, result.url, result.encoding


class Command(BaseCommand):
    help = "Extract the article (text, title, authors, dates...) from an HTML file or a URL."

    def add_arguments(self, parser):
        parser.add_argument("target", help="Path to an .html / .html.gz file, or an http(s) URL.")
        parser.add_argument("--url", help="Page URL for a file (resolves relative links).")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, **options):
        target: str = options["target"]
        if _is_url(target):
            body, url, charset = _fetch(target)
        else:
            path = Path(target)
            if not path.is_file():
                raise CommandError(f"no such file: {target}")
            body, url, charset = _read_file(path), options["url"], None
        try:
            article = extract_article(body, url=url, http_charset=charset)
        except ExtractionError as exc:
            raise CommandError(f"cannot extract an article from {target}: {exc}") from exc

        if options["json"]:
            self.stdout.write(json.dumps(article.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(_summary(article))


def _summary(article: ExtractedArticle) -> str:
    published = article.published_at.isoformat() if article.published_at else "unknown"
    text = article.text
    if len(text) > _SUMMARY_TEXT_CHARS:
        text = text[:_SUMMARY_TEXT_CHARS].rsplit(" ", 1)[0] + " …"
    lines = [
        f"Title:     {article.title or '(none)'}",
        f"Authors:   {', '.join(article.authors) or '(none)'}",
        f"Published: {published}",
        f"Language:  {article.language or 'unknown'}",
        f"Site:      {article.site_name or '(unknown)'}",
        f"URL:       {article.canonical_url or article.url or '(unknown)'}",
        f"Image:     {article.image_url or '(none)'}",
        f"Length:    {len(article.text.split())} words, {article.text.count(chr(10) * 2) + 1} "
        "paragraphs",
        "",
        text or "(no article text found)",
    ]
    return "\n".join(lines)
