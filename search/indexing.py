"""Feeding the search index from published pages.

Indexing reads a page, runs its text through `search.analysis` and upserts one `IndexEntry`
(triggers update the database's full-text structure in the same statement). It runs in tasks
and commands, never in a request: analysis of a long article costs tens of milliseconds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .analysis import fold, index_text, tokenize
from .models import IndexEntry, TermBitmap, TermStat, VocabularyTerm
from .semantic import store as semantic_store

BATCH_SIZE = 200
# Forms shorter than this are never typo-corrected (the query side needs >= 5 letters, and a
# deletion from a 5-letter word leaves 4), so they need not be in the vocabulary.
VOCABULARY_MIN_LENGTH = 4
VOCABULARY_MAX_LENGTH = 64
# PostgreSQL keeps a bitmap of the pages containing each term found in at least this many
# documents (see TermBitmap): below it, counting matches through the GIN index is cheap anyway.
COMMON_TERM_DOCUMENTS = 1_000
# Indexing at least this many pages at once, and at least BULK_LOAD_SHARE of the index, is a
# bulk load: the term bitmaps are dropped first (each indexed row would otherwise rewrite the
# bitmap of every common term it contains) and rebuilt at the end; meanwhile searches take the
# slower GIN path. Smaller batches -- a few hundred articles into a large archive -- keep the
# bitmaps and let the trigger update them, so searches stay fast during the import.
BULK_LOAD_PAGES = 200
BULK_LOAD_SHARE = 0.1
LANGUAGE_TERM_PREFIX = "~lang:"
# Index writes log bitmap changes here (migration 0008); fold_pending_bitmaps applies them.
PENDING_TABLE = "search_termbitmap_pending"
FOLD_LOCK_KEY = 0x6E640B17  # any constant: PostgreSQL advisory lock of the one running fold
# The entries' changes per page and term, the last one winning; the DELETE feeds the UPDATE in
# one statement, so no logged row is dropped without being applied.
FOLD_SQL = f"""
WITH gone AS (DELETE FROM {PENDING_TABLE} RETURNING id, page_id, terms, is_set),
ops AS (
    SELECT DISTINCT ON (term, page_id) term, page_id, is_set
    FROM (SELECT id, page_id, unnest(terms) AS term, is_set FROM gone) o
    ORDER BY term, page_id, id DESC
), grouped AS (
    SELECT term, array_agg(page_id) AS pages, array_agg(is_set) AS vals FROM ops GROUP BY term
)
UPDATE search_termbitmap b SET bits = search_termbitmap_apply(b.bits, g.pages, g.vals)
FROM grouped g WHERE b.term = g.term
"""  # noqa: S608 - constant table names


def article_model():
    return apps.get_model("articles", "ArticlePage")


@dataclass
class IndexDocument:
    """What the index needs to know about one page."""

    page_id: int
    language: str
    section_id: int | None
    published_at: object
    title: str
    body: str
    story_id: int | None = None


def page_body_text(page) -> str:
    """Readable text of an article: dek then every searchable body block, one per line."""
    parts = [getattr(page, "dek", "") or ""]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        parts.extend(str(p) for p in body.stream_block.get_searchable_content(body))
    return "\n".join(p.strip() for p in parts if p and p.strip())


def story_id_for(page) -> int | None:
    """The Story (`sources.Story`, set by clustering) of the article's first source, or None.

    "Don't Miss" never recommends two articles of the same story (search/related.py).
    """
    first = page.source_links.all().first()
    return first.source_article.story_id if first else None


def is_indexable(page) -> bool:
    """Live, public articles are searchable; anything else (drafts, private pages) is not."""
    if not isinstance(page, article_model()) or not page.live:
        return False
    return not PageViewRestriction.objects.filter(
        page__path__in=[
            page.path[:i] for i in range(page.steplen, len(page.path) + 1, page.steplen)
        ]
    ).exists()


def document_for(page) -> IndexDocument:
    section_path = page.path[: -page.steplen]
    section_id = getattr(page, "_search_section_id", None)
    if section_id is None:
        section_id = Page.objects.filter(path=section_path).values_list("pk", flat=True).first()
    published_at = (
        getattr(page, "display_date", None)
        or page.first_published_at
        or page.last_published_at
        or timezone.now()
    )
    return IndexDocument(
        page_id=page.pk,
        language=page.locale.language_code,
        section_id=section_id,
        published_at=published_at,
        title=page.title,
        body=page_body_text(page),
        story_id=story_id_for(page),
    )


def vocabulary_forms(*texts: str) -> set[str]:
    """Folded word forms and index terms worth keeping for typo correction."""
    forms: set[str] = set()
    for text in texts:
        for token in tokenize(text):
            forms.add(fold(token.surface))
    return {f for f in forms if VOCABULARY_MIN_LENGTH <= len(f) <= VOCABULARY_MAX_LENGTH}


def entry_for(document: IndexDocument) -> IndexEntry:
    return IndexEntry(
        page_id=document.page_id,
        language=document.language,
        section_id=document.section_id,
        published_at=document.published_at,
        title=document.title,
        body=document.body,
        title_terms=index_text(document.title),
        body_terms=index_text(document.body),
        story_id=document.story_id,
        indexed_at=timezone.now(),
    )


def entry_terms(title_terms: str, body_terms: str) -> set[str]:
    """Distinct index terms of a stored entry (alternative lemmas count as terms)."""
    return {
        t
        for t in f"{title_terms} {body_terms}".replace("|", " ").split()
        if len(t) <= VOCABULARY_MAX_LENGTH
    }


def store_documents(documents: Iterable[IndexDocument], *, update_stats: bool = True) -> int:
    """Upsert index entries, vocabulary and term statistics in one transaction."""
    entries, forms = [], set()
    for document in documents:
        entry = entry_for(document)
        entries.append(entry)
        forms |= vocabulary_forms(document.title, document.body)
        forms |= {
            t
            for t in entry_terms(entry.title_terms, entry.body_terms)
            if len(t) >= VOCABULARY_MIN_LENGTH
        }
    if not entries:
        return 0
    with transaction.atomic():
        if update_stats:
            delta = Counter()
            for entry in entries:
                delta.update(entry_terms(entry.title_terms, entry.body_terms))
            delta.subtract(_stored_terms([e.page_id for e in entries]))
            adjust_term_stats(delta)
        # Delete then insert rather than ON CONFLICT UPDATE: both fire the full-text triggers,
        # and this way the same code path serves first indexing and re-indexing.
        IndexEntry.objects.filter(pk__in=[e.page_id for e in entries]).delete()
        IndexEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
        store_vocabulary(forms)
    # Semantic index (search/semantic): embedded after the commit, so no lock waits on the model.
    semantic_store.store_texts(
        semantic_store.PAGE, [(e.page_id, e.title, e.body, e.language) for e in entries]
    )
    return len(entries)


def _stored_terms(page_ids: list[int]) -> Counter:
    counts: Counter = Counter()
    rows = IndexEntry.objects.filter(pk__in=page_ids).values_list("title_terms", "body_terms")
    for title_terms, body_terms in rows:
        counts.update(entry_terms(title_terms, body_terms))
    return counts


def adjust_term_stats(delta: Counter) -> None:
    """Apply document-count changes per term (positive: new documents, negative: removed)."""
    delta = Counter({t: d for t, d in delta.items() if d})
    if not delta:
        return
    terms = list(delta)
    existing: dict[str, int] = {}
    for start in range(0, len(terms), 900):
        chunk = terms[start : start + 900]
        existing.update(TermStat.objects.filter(term__in=chunk).values_list("term", "documents"))
    changed = [
        TermStat(term=t, documents=max(0, existing[t] + delta[t])) for t in terms if t in existing
    ]
    created = [
        TermStat(term=t, documents=delta[t]) for t in terms if t not in existing and delta[t] > 0
    ]
    TermStat.objects.bulk_update(changed, ["documents"], batch_size=500)
    TermStat.objects.bulk_create(created, batch_size=2_000, ignore_conflicts=True)


def recompute_term_stats() -> int:
    """Count document frequencies over the whole index from scratch (after bulk loads).

    On PostgreSQL the term bitmaps are rebuilt from the same counts, under a SHARE lock so no
    entry changes between reading the index and writing the bitmaps (their trigger keeps them
    exact from then on), and the planner statistics are refreshed: a bulk load leaves them
    describing an empty table, and the planner then picks sequential scans.
    """
    postgres = connection.vendor == "postgresql"
    table = TermStat._meta.db_table
    with transaction.atomic():
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {IndexEntry._meta.db_table} IN SHARE MODE")  # noqa: S608
        counts: Counter = Counter()
        rows = IndexEntry.objects.values_list("title_terms", "body_terms")
        for title_terms, body_terms in rows.iterator(chunk_size=1_000):
            counts.update(entry_terms(title_terms, body_terms))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - model's own table name
            cursor.executemany(
                f"INSERT INTO {table} (term, documents) VALUES (%s, %s)",  # noqa: S608
                list(counts.items()),
            )
        if postgres:
            store_term_bitmaps({t for t, n in counts.items() if n >= COMMON_TERM_DOCUMENTS})
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {IndexEntry._meta.db_table}")  # noqa: S608
            cursor.execute(f"ANALYZE {TermBitmap._meta.db_table}")  # noqa: S608
    return len(counts)


def bitmap_from_ids(page_ids: Iterable[int]) -> bytes:
    """Bit n set for every page id n (bit n % 8 of byte n // 8, as PostgreSQL's set_bit)."""
    page_ids = list(page_ids)
    bits = bytearray(max(page_ids, default=0) // 8 + 1)
    for pk in page_ids:
        bits[pk >> 3] |= 1 << (pk & 7)
    return bytes(bits)


def store_term_bitmaps(common: set[str]) -> int:
    """Rewrite the bitmaps of the given terms and of every language (PostgreSQL)."""
    ids: defaultdict[str, list[int]] = defaultdict(list)
    rows = IndexEntry.objects.values_list("page_id", "language", "title_terms", "body_terms")
    for page_id, language, title_terms, body_terms in rows.iterator(chunk_size=1_000):
        ids[LANGUAGE_TERM_PREFIX + language].append(page_id)
        for term in entry_terms(title_terms, body_terms) & common:
            ids[term].append(page_id)
    table = TermBitmap._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute(f"DELETE FROM {PENDING_TABLE}")  # noqa: S608 - rebuilt from the entries
        cursor.executemany(
            f"INSERT INTO {table} (term, bits) VALUES (%s, %s)",  # noqa: S608
            [(term, bitmap_from_ids(pks)) for term, pks in ids.items()],
        )
    return len(ids)


def is_bulk_load(pages: int) -> bool:
    return pages >= BULK_LOAD_PAGES and pages >= BULK_LOAD_SHARE * IndexEntry.objects.count()


def drop_term_bitmaps() -> None:
    """Forget every term bitmap: searches fall back to the (exact) GIN path until rebuilt."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TermBitmap._meta.db_table}")  # noqa: S608
            cursor.execute(f"DELETE FROM {PENDING_TABLE}")  # noqa: S608


def fold_pending_bitmaps() -> bool:
    """Apply the bitmap changes that index writes logged (PostgreSQL; migration 0008).

    Run after an index write has committed, never inside it: the fold locks the bitmap rows,
    and only one fold runs at a time (advisory lock), so publishers never queue on them. When
    another fold is running this returns False at once; that fold or the next takes the rows.
    Searches apply the log themselves meanwhile, so this only keeps the log short.
    """
    if connection.vendor != "postgresql":
        return False
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [FOLD_LOCK_KEY])
        if not cursor.fetchone()[0]:
            return False
        cursor.execute(FOLD_SQL)
    return True


def store_vocabulary(forms: set[str]) -> None:
    """Add forms not seen before. Plain executemany: ORM objects cost more than the insert."""
    table = VocabularyTerm._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (form) VALUES (%s) ON CONFLICT DO NOTHING",  # noqa: S608
            [(f,) for f in forms],
        )


def index_page(page_id: int) -> bool:
    """Bring one page's index entry in line with the page: indexed if live, removed if not."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        remove_pages([page_id])
        return False
    page = page.specific
    if not is_indexable(page):
        remove_pages([page_id])
        return False
    store_documents([document_for(page)])
    return True


def remove_pages(page_ids: Iterable[int]) -> int:
    page_ids = list(page_ids)
    with transaction.atomic():
        delta = Counter()
        delta.subtract(_stored_terms(page_ids))
        adjust_term_stats(delta)
        deleted, _ = IndexEntry.objects.filter(page_id__in=page_ids).delete()
        semantic_store.remove(semantic_store.PAGE, page_ids)
    return deleted


def indexable_articles():
    """Every live, public article, oldest first, with what indexing reads fetched up front."""
    return (
        article_model()
        .objects.live()
        .public()
        .select_related("locale")
        .prefetch_related("source_links__source_article")
        .order_by("pk")
    )


def rebuild(progress: Callable[[int], None] | None = None, batch_size: int = BATCH_SIZE) -> int:
    """Re-index every live article from scratch; calls `progress(n)` after each batch."""
    sections = dict(Page.objects.filter(depth__lte=3).values_list("path", "pk"))
    drop_term_bitmaps()  # rebuilt by recompute_term_stats at the end
    IndexEntry.objects.all().delete()
    total = 0
    batch: list[IndexDocument] = []
    for page in indexable_articles().iterator(chunk_size=batch_size):
        page._search_section_id = sections.get(page.path[: -page.steplen])
        batch.append(document_for(page))
        if len(batch) >= batch_size:
            total += store_documents(batch, update_stats=False)
            if progress:
                progress(len(batch))
            batch = []
    if batch:
        total += store_documents(batch, update_stats=False)
        if progress:
            progress(len(batch))
    recompute_term_stats()
    semantic_store.remove_missing_pages(set(IndexEntry.objects.values_list("page_id", flat=True)))
    return total


def index_page_ids(
    page_ids: list[int], progress: Callable[[int], None] | None = None, batch_size: int = BATCH_SIZE
) -> int:
    """Index many known pages in batches (bulk imports), then recount term statistics once."""
    if is_bulk_load(len(page_ids)):
        drop_term_bitmaps()  # rebuilt by recompute_term_stats at the end
    sections = dict(Page.objects.filter(depth__lte=3).values_list("path", "pk"))
    total = 0
    for start in range(0, len(page_ids), batch_size):
        chunk = page_ids[start : start + batch_size]
        pages = indexable_articles().filter(pk__in=chunk)
        documents = []
        for page in pages:
            page._search_section_id = sections.get(page.path[: -page.steplen])
            documents.append(document_for(page))
        total += store_documents(documents, update_stats=False)
        if progress:
            progress(len(chunk))
    recompute_term_stats()
    return total
