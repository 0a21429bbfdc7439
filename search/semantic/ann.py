"""The in-memory approximate-nearest-neighbour index (usearch HNSW), one per kind and process.

Why usearch on both databases: the PostgreSQL here (Debian 12, PostgreSQL 15) has no pgvector
package, so the database offers no vector search; usearch is maintained, ships wheels, and
searches int8 vectors natively.

Keeping it in step without a broker: every write to `SemanticVector` stamps `updated_at`, and
removals are tombstones (see the model). Before a search, at most every
`NEWSDESK_SEMANTIC_SYNC_SECONDS`, a process reads the rows changed since the newest stamp it has
applied, or since its previous sync started (minus a small overlap for transactions that
committed out of stamp order), and adds,
replaces or removes those keys. Whatever the index says, results are joined back to the live
rows in SQL (service.py), so an unpublished page never shows even before the next sync.

Persisted, not rebuilt at boot: building HNSW over 100,000 vectors takes a minute or two on two
cores, loading a saved index ~0.1 s. `save()` writes the index and its watermark atomically to
`NEWSDESK_SEMANTIC_INDEX_DIR` (bulk commands and a periodic job do); a process loads the file on
first use (or at worker boot, `warm_up`) and then syncs the rows changed since the file's
watermark. Without a file (or with the setting empty) the index is built from the table.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from django.utils import timezone
from usearch.index import Index

from ..models import SemanticVector
from .encoding import DIM, MODEL_ID, SCALE, embed_query

logger = logging.getLogger(__name__)

#: Rows stamped this long before the newest applied stamp are read again at each sync: a
#: transaction that stamped earlier but committed later is still seen.
SYNC_OVERLAP = timedelta(seconds=30)
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION_SEARCH = 96
BUILD_CHUNK = 5_000


@dataclass(frozen=True)
class Neighbour:
    key: int
    similarity: float  # cosine, -1..1


def _new_index() -> Index:
    return Index(
        ndim=DIM,
        metric="cos",
        dtype="i8",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


class AnnIndex:
    """One kind's vectors ("page" or "source") in a usearch index, synced from the table."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._lock = threading.RLock()
        self._index: Index | None = None
        self._applied: dict[int, datetime] = {}  # key -> stamp of the row last applied
        self._watermark: datetime | None = None
        self._since: datetime | None = None  # when the last sync started
        self._synced_at = 0.0

    # -- lifecycle -------------------------------------------------------------------------
    def _path(self) -> Path | None:
        directory = settings.NEWSDESK_SEMANTIC_INDEX_DIR
        return Path(directory) / f"{self.kind}.usearch" if directory else None

    def ensure_loaded(self) -> None:
        with self._lock:
            if self._index is None and not self._load():
                self._index = _new_index()
                self._applied, self._watermark, self._since = {}, None, None
            self.sync(force=True)

    def _load(self) -> bool:
        path = self._path()
        meta_path = path.with_suffix(".json") if path else None
        if path is None or meta_path is None or not path.exists() or not meta_path.exists():
            return False
        try:
            meta = json.loads(meta_path.read_text())
            if meta.get("model") != MODEL_ID:
                return False
            index = Index.restore(str(path))
        except (OSError, ValueError, RuntimeError) as error:
            logger.warning("semantic index %s unreadable, rebuilding: %s", path, error)
            return False
        if index is None:
            return False
        self._index = index
        stamp = datetime.fromisoformat(meta["watermark"]) if meta.get("watermark") else None
        self._applied = {int(k): stamp for k in meta.get("keys", [])} if stamp else {}
        self._watermark = stamp
        return True

    def save(self) -> Path | None:
        """Write the index and its watermark (temp files, then atomic renames)."""
        path = self._path()
        if path is None:
            return None
        self.ensure_loaded()
        with self._lock:
            index = self._require()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            index.save(str(tmp))
            meta = {
                "model": MODEL_ID,
                "watermark": self._watermark.isoformat() if self._watermark else None,
                "keys": sorted(self._applied),
            }
            meta_tmp = path.with_suffix(f".jsontmp{os.getpid()}")
            meta_tmp.write_text(json.dumps(meta))
            os.replace(tmp, path)
            os.replace(meta_tmp, path.with_suffix(".json"))
        return path

    def reset(self) -> None:
        """Forget everything (tests; after a full rebuild the next use reloads)."""
        with self._lock:
            self._index = None
            self._applied, self._watermark, self._synced_at = {}, None, 0.0
            self._since = None

    def _require(self) -> Index:
        if self._index is None:
            raise RuntimeError(f"semantic index {self.kind!r} is not loaded")
        return self._index

    # -- keeping in step -------------------------------------------------------------------
    def sync(self, *, force: bool = False) -> int:
        """Apply rows changed since the watermark; returns how many keys changed."""
        interval = float(settings.NEWSDESK_SEMANTIC_SYNC_SECONDS)
        now = time.monotonic()
        if not force and now - self._synced_at < interval:
            return 0
        with self._lock:
            if self._index is None:
                self.ensure_loaded()
                return 0
            self._synced_at = now
            started = timezone.now()
            rows = SemanticVector.objects.filter(kind=self.kind)
            # Rows stamped before the previous sync started (less the overlap) were applied
            # then; a row committed since carries a stamp after that point, or within the
            # overlap for a transaction that ran long. (After loading a file: its watermark.)
            since = self._since or self._watermark
            if since is not None:
                rows = rows.filter(updated_at__gte=since - SYNC_OVERLAP)
            changed = 0
            add_keys: list[int] = []
            add_vectors: list[np.ndarray] = []
            for key, live, vector, model, stamp in rows.values_list(
                "key", "live", "vector", "model", "updated_at"
            ).iterator(chunk_size=BUILD_CHUNK):
                if self._applied.get(key) == stamp:
                    continue
                changed += 1
                if key in self._applied and self._index.contains(key):
                    self._index.remove(key)
                self._applied.pop(key, None)
                if live and vector and model == MODEL_ID:
                    add_keys.append(key)
                    add_vectors.append(np.frombuffer(bytes(vector), dtype=np.int8))
                    self._applied[key] = stamp
                else:
                    self._applied[key] = stamp  # tombstone applied
                if self._watermark is None or stamp > self._watermark:
                    self._watermark = stamp
                if len(add_keys) >= BUILD_CHUNK:
                    self._add(add_keys, add_vectors)
                    add_keys, add_vectors = [], []
            self._add(add_keys, add_vectors)
            self._since = started
            return changed

    def _add(self, keys: list[int], vectors: list[np.ndarray]) -> None:
        if not keys:
            return
        index = self._require()
        # A key may still be present when the file and the table disagree: replace it.
        for key in keys:
            if index.contains(key):
                index.remove(key)
        index.add(np.asarray(keys, dtype=np.uint64), np.vstack(vectors), threads=1)

    # -- queries ---------------------------------------------------------------------------
    def search(self, query: np.ndarray, count: int) -> list[Neighbour]:
        """The `count` nearest live vectors to a unit float query vector, nearest first."""
        self.sync()
        with self._lock:
            if self._index is None:
                self.ensure_loaded()
            index = self._require()
            if len(index) == 0 or not np.any(query):
                return []
            quantised = np.clip(np.rint(query * SCALE), -127, 127).astype(np.int8)
            # One thread: usearch's default starts a pool per query, which costs more than
            # the search itself on a loaded machine (0.73 -> 0.43 ms idle at 3,204 vectors).
            matches = index.search(quantised, min(count, len(index)), threads=1)
            keys = np.asarray(matches.keys).tolist()
            distances = np.asarray(matches.distances).tolist()
            return [
                Neighbour(int(key), 1.0 - float(distance))
                for key, distance in zip(keys, distances, strict=True)
            ]

    def vectors(self, keys: list[int]) -> dict[int, np.ndarray]:
        """The stored int8 vectors of those `keys` the index holds (live, current model)."""
        if not keys:
            return {}
        self.sync()
        with self._lock:
            if self._index is None:
                self.ensure_loaded()
            found = self._require().get(np.asarray(keys, dtype=np.uint64), dtype=np.int8)
            return {k: v for k, v in zip(keys, found, strict=True) if v is not None}

    def __len__(self) -> int:
        with self._lock:
            return len(self._index) if self._index is not None else 0

    @property
    def memory_bytes(self) -> int:
        with self._lock:
            return int(self._index.memory_usage) if self._index is not None else 0


_indexes: dict[str, AnnIndex] = {}
_indexes_lock = threading.Lock()


def index_for(kind: str) -> AnnIndex:
    with _indexes_lock:
        if kind not in _indexes:
            _indexes[kind] = AnnIndex(kind)
        return _indexes[kind]


def reset_all() -> None:
    with _indexes_lock:
        for index in _indexes.values():
            index.reset()


def warm_up() -> None:
    """Load (or build) the indexes and the encoder now, so the first search does not pay."""
    for kind in ("page", "source"):
        index_for(kind).ensure_loaded()
    embed_query("warm up")


def save_all() -> list[str]:
    return [str(p) for p in (index_for(k).save() for k in ("page", "source")) if p]
