"""Reads the shared feed corpora (../shared/data/feeds-*) and their expected results in place.

Layouts (see each folder's SOURCE.txt):
* feeds-real/feed-rs/<kind>/<name>.<ext> with <name>.serde.json (feed-rs model: entries[].title
  .content, entries[].links[0].href);
* feeds-real/rss-parser/input/<name>.<ext> with output/<name>.json ({feed: {items: [{title,
  link}]}}); some outputs are saved in Latin-1;
* feeds-edgecases/rss-parser/<name>.<ext> with <name>.expected.json (same format);
* feeds-edgecases/feedparser/*.xml whose header comment has an "Expect:" line (feedparser's
  own assertion), of which we check the ``feed['title']`` and ``entries[0].link`` forms.
"""

from __future__ import annotations

import ast
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from core.testing.shared_data import shared_data_root
from sources.sanitize import PLAIN_TEXT, sanitize_html

FEED_FOLDERS = ("feeds-real", "feeds-edgecases")
# Inputs the upstream suites expect to be rejected: parsing them must raise FeedParseError.
EXPECTED_FAILURES = {"feeds-real/rss-parser/input/unrecognized.rss"}


@dataclass(frozen=True)
class ExpectedEntry:
    title: str | None  # None: the expected file does not say
    link: str | None


@dataclass(frozen=True)
class Expectation:
    entries: tuple[ExpectedEntry, ...] | None  # None: only "parses or FeedParseError"
    feed_title: str | None = None
    must_fail: bool = False


def feed_files() -> list[str]:
    """Relative paths (under shared/data) of every feed document in the feed corpora."""
    root = shared_data_root()
    found: list[str] = []
    for folder in FEED_FOLDERS:
        base = root / folder
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and _is_feed_document(path):
                found.append(str(path.relative_to(root)))
    return found


def _is_feed_document(path: Path) -> bool:
    name = path.name
    if name == "SOURCE.txt" or name.startswith("LICENSE") or name.endswith(".md"):
        return False
    if name.endswith((".serde.json", ".expected.json")):
        return False
    return "output" not in path.parts


def _read_json(path: Path) -> dict:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # rss-parser saved encoding.json in Latin-1
    return json.loads(text)


def expectation_for(relative: str) -> Expectation:
    """What the corpus says parsing ``relative`` must produce."""
    if relative in EXPECTED_FAILURES:
        return Expectation(entries=None, must_fail=True)
    path = shared_data_root() / relative
    serde = path.with_suffix(".serde.json")
    if serde.exists():
        doc = _read_json(serde)
        return Expectation(
            entries=tuple(
                ExpectedEntry(
                    title=(e.get("title") or {}).get("content") or "",
                    link=((e.get("links") or [{}])[0]).get("href"),
                )
                for e in doc.get("entries", [])
            ),
            feed_title=(doc.get("title") or {}).get("content"),
        )
    output = path.parent.parent / "output" / f"{path.stem}.json"
    source = output if path.parent.name == "input" else path.with_suffix(".expected.json")
    if source.exists():
        feed = _read_json(source)["feed"]
        return Expectation(
            entries=tuple(
                ExpectedEntry(title=i.get("title") or "", link=i.get("link"))
                for i in feed.get("items", [])
            ),
            feed_title=feed.get("title"),
        )
    if "feedparser" in path.parts:
        return _feedparser_expectation(path)
    return Expectation(entries=None)


_EXPECT_TITLE = re.compile(r"feed\['title'\] == ('(?:[^'\\]|\\.)*')")
_EXPECT_LINK = re.compile(r"entries\[0\]\.link == ('(?:[^'\\]|\\.)*')")


def _feedparser_expectation(path: Path) -> Expectation:
    text = path.read_text("utf-8", errors="replace")
    expect = next((ln for ln in text.splitlines() if "Expect:" in ln), "")
    title = _EXPECT_TITLE.search(expect)
    link = _EXPECT_LINK.search(expect)
    entries = (ExpectedEntry(title=None, link=ast.literal_eval(link.group(1))),) if link else None
    return Expectation(
        entries=entries, feed_title=ast.literal_eval(title.group(1)) if title else None
    )


def normal_text(value: str | None) -> str:
    """Compare titles as plain text: markup stripped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(sanitize_html(value or "", PLAIN_TEXT)).split())


def text_matches(got: str, expected: str) -> bool:
    """Equal after normalising; U+FFFD in the expectation (a reference parser that decoded
    with the wrong charset) stands for the one or more characters it lost."""
    got, expected = normal_text(got), normal_text(expected)
    if "\ufffd" not in expected:
        return got == expected
    pattern = ".+?".join(re.escape(part) for part in re.split("\ufffd+", expected))
    return re.fullmatch(pattern, got) is not None


def normal_url(url: str | None, base: str) -> str | None:
    """Resolve against the feed URL and normalise scheme/host case and the empty path."""
    if url is None or not url.strip():
        return None
    parts = urlsplit(urljoin(base, url.strip()))
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, parts.fragment)
    )
