"""Original, fictional demo content for `make demo`, read from the TOML files beside this module.

- ``site.toml``: outlets, authors, photo agencies and sections, each with English and Russian
  wording;
- ``articles/NN-<slug>.toml``: one article in both languages. The number orders the files, and
  so the order in which the loader creates the pages.

Every outlet, person, town and company is invented, and every URL lives on a reserved example
domain, so the demo site can be shown publicly without reproducing anyone's journalism. The two
languages have the same block structure because the loader creates the Russian pages as
translations of the English ones and pairs blocks by position (newsroom/tests/test_demo_content.py
checks that and every cross-reference).

A body block is a table with one key, its type: ``paragraph = "..."``, ``subheading = "..."`` or
``quote = { text = "...", attribution = "..." }``; the module turns it into a ``(type, value)``
pair, the shape the loader and the checks use.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = DATA_DIR / "articles"


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _block(table: dict[str, Any], path: Path) -> tuple[str, Any]:
    if len(table) != 1:
        raise ValueError(f"{path.name}: a body block has exactly one key, its type: {table!r}")
    ((kind, value),) = table.items()
    return kind, value


def read_article(path: Path) -> dict[str, Any]:
    """One article file, with its body blocks as ``(type, value)`` pairs."""
    article = _read(path)
    for language in ("en", "ru"):
        text = article[language]
        text["body"] = [_block(block, path) for block in text.get("body", [])]
    return article


_SITE = _read(DATA_DIR / "site.toml")
OUTLETS: list[dict[str, Any]] = _SITE["outlets"]
AUTHORS: list[dict[str, Any]] = _SITE["authors"]
AGENCIES: list[str] = _SITE["agencies"]
SECTIONS: list[dict[str, Any]] = _SITE["sections"]
# The about/masthead and corrections-policy pages (purpose, slug, title, intro, body per language).
PAGES: list[dict[str, Any]] = _SITE.get("pages", [])
ARTICLES: list[dict[str, Any]] = [read_article(p) for p in sorted(ARTICLES_DIR.glob("*.toml"))]
