"""Bulk "Don't Miss" computation for the commands that rebuild or import many articles.

`rebuild_search_index` and `import_articles` both recompute related articles for a batch with a
progress bar; the loop itself is `search.related.compute_all`, this only adds the bar and the
default batch (every indexed page).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console

from core.console import progress_bar

from .models import IndexEntry
from .related import compute_all
from .semantic import ann


def compute_all_related(console: Console, page_ids: Iterable[int] | None = None) -> int:
    """Recompute stored related articles for `page_ids` (default: every indexed page)."""
    ids = (
        list(page_ids)
        if page_ids is not None
        else list(IndexEntry.objects.values_list("page_id", flat=True))
    )
    with progress_bar(console) as progress:
        bar = progress.add_task("Related articles", total=len(ids))
        compute_all(ids, progress=lambda n: progress.advance(bar, n))
    return len(ids)


def save_semantic_index() -> list[str]:
    """After a bulk load: write the ANN index files so web workers load them instead of
    building HNSW over the whole archive (see search/semantic/ann.py)."""
    ann.reset_all()  # a full rebuild may have replaced most vectors: sync from scratch
    return ann.save_all()
