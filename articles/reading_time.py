"""Reading-time estimate: words counted from the body, read at a per-language speed."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import ngettext

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
DEFAULT_WPM = 220


def count_words(text: str) -> int:
    return len(WORD_RE.findall(strip_tags(text)))


def body_word_count(body: Iterable[Any]) -> int:
    """Words a reader reads in a StreamField body (paragraphs, subheadings, quotes, captions)."""
    total = 0
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            total += count_words(value.source if hasattr(value, "source") else str(value))
        elif block.block_type == "subheading":
            total += count_words(str(value))
        elif block.block_type == "quote":
            total += count_words(value["text"]) + count_words(value.get("attribution") or "")
        elif block.block_type == "image":
            total += count_words(value.get("caption") or "")
    return total


def reading_minutes(words: int, language: str) -> int:
    """Whole minutes, at least one; Russian is read slower per word than English."""
    wpm = settings.NEWSDESK_READING_WPM.get(language[:2], DEFAULT_WPM)
    return max(1, math.ceil(words / wpm))


def reading_time_label(minutes: int) -> str:
    return ngettext("%(minutes)d min read", "%(minutes)d min read", minutes) % {"minutes": minutes}
