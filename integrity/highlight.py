"""Cut a text into plain and highlighted stretches for the side-by-side view of a check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "", "verbatim", "translated" or "quote"
    number: int = 0  # the passage's number (1-based) in the report, 0 when plain


def segments(text: str, marks: list[tuple[int, int, str, int]]) -> list[Segment]:
    """``marks`` are (start, end, kind, number); overlapping marks keep the first one."""
    out: list[Segment] = []
    position = 0
    for start, end, kind, number in sorted(marks):
        start = max(start, position)
        if start >= end:
            continue
        if start > position:
            out.append(Segment(text[position:start]))
        out.append(Segment(text[start:end], kind, number))
        position = end
    if position < len(text):
        out.append(Segment(text[position:]))
    return out


def side_by_side(report: dict[str, Any]) -> dict[str, Any]:
    """The article and each source as highlighted segments, from a stored check's report."""
    passages = report.get("passages", [])
    article_marks = [
        (p["article_start"], p["article_end"], p["kind"], n)
        for n, p in enumerate(passages, start=1)
    ]
    sources = []
    for index, text in enumerate(report.get("source_texts", [])):
        marks = [
            (p["source_start"], p["source_end"], p["kind"], n)
            for n, p in enumerate(passages, start=1)
            if p["source"] == index
        ]
        meta = (report.get("sources") or [{}] * (index + 1))[index]
        shares = report.get("source_shares") or []
        sources.append(
            {
                "meta": meta,
                "share": shares[index] if index < len(shares) else None,
                "segments": segments(text, marks),
            }
        )
    return {
        "article": segments(report.get("article_text", ""), article_marks),
        "sources": sources,
    }


def percent(value: float | None) -> str:
    """A share as readers of either language write it: "36 %"."""
    return "-" if value is None else f"{round(value * 100)} %"
