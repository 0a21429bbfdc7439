"""`manage.py originality <page-id|url> [--json]` and `manage.py originality --pairs FILE.jsonl`.

The first measures an article (its latest revision, draft or published) against its linked
source articles, as the editor's panel does. The second scores arbitrary text pairs so that the
guard can be measured on any data: one JSON object a line in,
``{"id", "source": {"lang", "title", "text"}, "article": {"lang", "text"}}``, one a line out,
``{"id", "share", "quote_share", "flagged", "passages": [...]}``. A bad line is reported on
stderr with its number, the others are still scored, and the exit status is 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from articles.models import ArticlePage
from core.console import progress_bar
from integrity.checking import PageReport, measure_page
from integrity.conf import originality_config
from sources.originality import TextForOriginality, score_pair


class PairError(ValueError):
    pass


def _side(row: dict, name: str, with_title: bool) -> TextForOriginality:
    side = row.get(name)
    if not isinstance(side, dict):
        raise PairError(f'"{name}" must be an object')
    text, lang = side.get("text"), side.get("lang")
    if not isinstance(text, str) or not text.strip():
        raise PairError(f'"{name}.text" must be a non-empty string')
    if not isinstance(lang, str) or not lang.strip():
        raise PairError(f'"{name}.lang" must be a language code such as "en"')
    title = (side.get("title") or "") if with_title else ""
    if not isinstance(title, str):
        raise PairError(f'"{name}.title" must be a string')
    return TextForOriginality(lang, text, title=title)


def parse_pair(line: str) -> tuple[Any, TextForOriginality, TextForOriginality]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PairError(f"not JSON: {exc}") from exc
    if not isinstance(row, dict):
        raise PairError("a line must be a JSON object")
    if "id" not in row:
        raise PairError('missing "id"')
    return row["id"], _side(row, "article", False), _side(row, "source", True)


def find_page(target: str) -> ArticlePage:
    """An article by id or by its URL (absolute, or a path such as /en/world/slug/)."""
    if target.isdigit():
        page = ArticlePage.objects.filter(pk=int(target)).first()
        if page is None:
            raise CommandError(f"no article with id {target}")
        return page
    path = urlsplit(target).path or "/"
    if not path.endswith("/"):
        path += "/"
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    for page in ArticlePage.objects.filter(slug=slug):
        url = page.get_url()
        if url and urlsplit(url).path == path:
            return page
    raise CommandError(f"no article at {target}")


class Command(BaseCommand):
    help = "Measure how much of an article (or of each text pair) is its source's text."

    def add_arguments(self, parser):
        parser.add_argument("target", nargs="?", help="Article id or URL.")
        parser.add_argument("--pairs", help="JSON-lines file of text pairs ('-' for stdin).")
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")

    def handle(self, *args, **options):
        if bool(options["target"]) == bool(options["pairs"]):
            raise CommandError("give either an article id/URL or --pairs FILE.jsonl")
        if options["pairs"]:
            return self.score_pairs(options["pairs"], options["json"])
        page = find_page(options["target"])
        latest = page.get_latest_revision_as_object()
        result = measure_page(latest)
        if options["json"]:
            data = {"page": page.pk, "title": latest.title, **result.as_json()}
            self.stdout.write(json.dumps(data, ensure_ascii=False))
        else:
            self.print_report(latest, result)
        return None

    def score_pairs(self, path: str, as_json: bool) -> None:
        if path == "-":
            lines = sys.stdin.read().splitlines()
        else:
            try:
                lines = Path(path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"cannot read {path}: {exc}") from exc
        config = originality_config()
        errors = flagged = scored = 0
        console = Console(stderr=True)
        with progress_bar(console) as progress:
            bar = progress.add_task("pairs", total=len(lines))
            for number, line in enumerate(lines, start=1):
                progress.advance(bar)
                if not line.strip():
                    continue
                try:
                    pair_id, article, source = parse_pair(line)
                except PairError as exc:
                    errors += 1
                    self.stderr.write(f"line {number}: {exc}")
                    continue
                report = score_pair(article, source, config)
                scored += 1
                flagged += report.flagged
                out = {"id": pair_id, **report.as_json()}
                if as_json:
                    self.stdout.write(json.dumps(out, ensure_ascii=False))
                else:
                    self.stdout.write(
                        f"{pair_id}\tshare {report.share:.1%}\tquotes {report.quote_share:.1%}\t"
                        f"{'FLAGGED' if report.flagged else 'ok'}\t{len(report.passages)} passages"
                    )
        console.print(f"{scored} pairs scored, {flagged} flagged, {errors} bad lines")
        if errors:
            raise CommandError(f"{errors} bad line(s) in {path}")

    def print_report(self, page: ArticlePage, result: PageReport) -> None:
        report = result.report
        console = Console(file=self.stdout, width=120)
        verdict = "[bold red]FLAGGED[/]" if report.flagged else "[green]below the threshold[/]"
        console.print(f"[bold]{page.title}[/] (id {page.pk}): {verdict}")
        console.print(
            f"share {report.share:.1%} of {report.article_words} words, quotes "
            f"{report.quote_share:.1%} (threshold {report.threshold:.0%}, with quotes "
            f"{report.threshold_with_quotes:.0%})"
        )
        for index, source in enumerate(result.sources):
            console.print(
                f"  source {index}: {source.outlet}: {source.title} [{source.language}] "
                f"{report.source_shares[index]:.1%}"
            )
        table = Table("kind", "source", "similarity", "article passage", "source passage")
        for passage in report.passages:
            table.add_row(
                passage.kind,
                str(passage.source_index),
                f"{passage.similarity:.2f}",
                passage.article_text,
                passage.source_text,
            )
        if report.passages:
            console.print(table)
