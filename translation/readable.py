"""Segment paths and changes as an editor reads them.

wagtail-localize names a segment by its field path (`dek`, `body.72c31e7f-….caption`); editors
know the field's label and the block's place in the body ("Body › Paragraph 3 › Caption").
Changes between two versions of a sentence are shown word by word, not as two whole sentences.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue

SEPARATOR = " › "
_WORDS = re.compile(r"\S+")


def _humanize(name: str) -> str:
    return capfirst(name.replace("_", " ")) or name


def _block_label(block: Any, name: str) -> str:
    return capfirst(str(getattr(block, "label", "") or "")) or _humanize(name)


def _stream_child_labels(value: Any, block: Any, parts: list[str]) -> list[str]:
    """Labels for the path `parts` inside a block value (stream, list or struct)."""
    if not parts:
        return []
    head, rest = parts[0], parts[1:]
    if isinstance(value, StreamValue):
        counts: dict[str, int] = {}
        for child in value:
            counts[child.block_type] = counts.get(child.block_type, 0) + 1
            if child.id == head:
                label = f"{_block_label(child.block, child.block_type)} {counts[child.block_type]}"
                return [label, *_stream_child_labels(child.value, child.block, rest)]
        return [head]
    if isinstance(value, ListValue) and isinstance(block, ListBlock):
        for position, item in enumerate(value.bound_blocks, start=1):
            if item.id == head:
                label = f"{_block_label(block.child_block, 'item')} {position}"
                return [label, *_stream_child_labels(item.value, block.child_block, rest)]
        return [head]
    if isinstance(block, StructBlock) and head in block.child_blocks:
        child_block = block.child_blocks[head]
        child_value = value.get(head) if hasattr(value, "get") else None
        nested = _stream_child_labels(child_value, child_block, rest)
        return [_block_label(child_block, head), *nested]
    if isinstance(block, StreamBlock):
        return [head]
    return [_humanize(head)]


def segment_label(instance: Any, path: str) -> str:
    """ "Body › Paragraph 3" for `body.<block id>` of `instance`; "Dek" for `dek`.

    Positions count blocks of the same kind (the third paragraph), in `instance`'s own order, so
    pass the version of the page the path was taken from.
    """
    name, *rest = path.split(".")
    try:
        field = type(instance)._meta.get_field(name)
    except FieldDoesNotExist:
        return SEPARATOR.join([_humanize(name), *rest])
    label = capfirst(str(getattr(field, "verbose_name", "") or "")) or _humanize(name)
    if not rest:
        return label
    value = getattr(instance, name, None)
    block = getattr(field, "stream_block", None)
    if isinstance(value, StreamValue):
        return SEPARATOR.join([label, *_stream_child_labels(value, block, rest)])
    return SEPARATOR.join([label, *rest])


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The change from `before` to `after` as runs of words: ("same"|"del"|"ins", text)."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    pieces: list[tuple[str, str]] = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("del", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("ins", " ".join(new[j1:j2])))
    return pieces
