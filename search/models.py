"""The search app's own index: analysed text per published page, plus the term vocabulary.

The analysed columns hold what `search.analysis.index_text` produced; the full-text structures
that make them searchable are not Django fields because they differ per database:
SQLite keeps an FTS5 external-content table (`search_fts`) in step through triggers, PostgreSQL a
weighted `search_vector tsvector` column with a GIN index, also filled by a trigger. Both are
created by migration 0002 for the current vendor only. Because triggers keep them in step, any
ORM write here (bulk or not) updates the full-text index in the same transaction.
"""

from django.db import models


class IndexEntry(models.Model):
    """One published page as the search index sees it."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=16, db_index=True)
    section = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(db_index=True)
    # Plain text, kept for snippets and for the "Don't Miss" similarity computation.
    title = models.TextField()
    body = models.TextField(blank=True)
    # Analysed text: slots separated by spaces, alternative lemmas of one word by "|".
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # Pages of the same story (sources.Story of their first source) are never recommended
    # next to each other.
    story_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "search index entry"
        verbose_name_plural = "search index entries"
        indexes = [models.Index(fields=["language", "published_at"])]

    def __str__(self) -> str:
        return f"{self.language}: {self.title}"


class VocabularyTerm(models.Model):
    """Every folded word form and index term seen, so a query word can be checked for a typo.

    Rows are only ever added (a stale form merely makes a correction that finds nothing), which
    keeps indexing a single INSERT ... ON CONFLICT DO NOTHING.
    """

    form = models.CharField(max_length=64, primary_key=True)

    def __str__(self) -> str:
        return self.form


class RelatedArticles(models.Model):
    """ "Don't Miss" neighbours of a page by content similarity, computed when it is published."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    related_ids = models.JSONField(default=list)
    # The page's strongest TF-IDF terms {term: weight} (L2-normalised over the full vector), so
    # comparing it with a candidate needs no re-analysis and no document-frequency lookups.
    vector = models.JSONField(null=True, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"related to {self.page_id}"


class TermStat(models.Model):
    """In how many indexed documents a term occurs: the IDF behind "Don't Miss" similarity.

    Kept exact by the indexing service (incremented for a page's new terms, decremented for its
    old ones) so no full scan is needed when one article is published.
    """

    term = models.CharField(max_length=64, primary_key=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term}: {self.documents}"


class ImportedArticle(models.Model):
    """Which page an archive row became, keyed by the row's `url`: makes re-imports idempotent."""

    url = models.CharField(max_length=1000, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.url


class TermBitmap(models.Model):
    """PostgreSQL only: which pages contain a very common term, one bit per page id.

    Counting the matches of a word found in tens of thousands of articles through the GIN index
    visits every matching row (PostgreSQL has no index-only GIN scans), ~30 ms at 100,000
    articles. For terms in at least `COMMON_TERM_DOCUMENTS` articles (and for each language,
    as "~lang:<code>") this keeps a bitmap instead, so the count is a popcount and "the newest
    matches" are the highest set bits. A trigger logs every insert, update and delete of an
    index entry (migration 0008) instead of rewriting these shared rows inside the publishing
    transaction; searches apply the log, and `indexing.fold_pending_bitmaps` writes it in after
    each index task. Bulk loads drop the bitmaps and rebuild them at the end.
    Bit n is bit n % 8 of byte n // 8 (PostgreSQL's set_bit numbering for bytea).
    """

    term = models.CharField(max_length=80, primary_key=True)
    bits = models.BinaryField(default=b"")

    def __str__(self) -> str:
        return self.term


class SemanticVector(models.Model):
    """The semantic index's stored side: one sentence embedding per article or source article.

    `kind` is "page" (an ArticlePage, `key` = page id) or "source" (a sources.SourceArticle,
    `key` = its id). Rows are never deleted when a document leaves the index: they turn into
    tombstones (`live=False`, no vector) with a new `updated_at`, so every process holding an
    in-memory ANN index (search/semantic/ann.py) learns of removals by reading rows changed
    since its last look, the same query that brings it additions and edits.
    """

    kind = models.CharField(max_length=8)
    key = models.BigIntegerField()
    language = models.CharField(max_length=16, blank=True)
    live = models.BooleanField(default=True)
    model = models.CharField(max_length=64, blank=True)
    content_hash = models.CharField(max_length=40, blank=True)
    # int8[512] (search.semantic.encoding); the leading sentences' vectors, for snippets.
    vector = models.BinaryField(null=True, blank=True)
    passage_vectors = models.BinaryField(null=True, blank=True)
    passages = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_semantic_kind_key")
        ]
        indexes = [models.Index(fields=["kind", "updated_at"], name="search_semantic_changes")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} ({'live' if self.live else 'removed'})"
