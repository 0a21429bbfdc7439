"""ASCII slugs from titles and names in any of the site's scripts (Unicode slugs are off)."""

from __future__ import annotations

from django.utils.text import slugify

SLUG_MAX = 80

_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(),
        strict=True,
    )
)


def transliterate(text: str) -> str:
    """Lower-cased text with Cyrillic letters spelled in Latin ones (hard/soft signs dropped)."""
    out = []
    for ch in text.lower():
        mapped = _TRANSLIT.get(ch, ch)
        out.append("" if mapped == "-" else mapped)
    return "".join(out)


def ascii_slug(title: str, fallback: str = "article") -> str:
    """An ASCII slug (the site does not allow Unicode slugs), Cyrillic transliterated."""
    return (slugify(transliterate(title))[:SLUG_MAX].strip("-")) or fallback
