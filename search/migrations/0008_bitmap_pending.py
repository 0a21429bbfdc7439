"""PostgreSQL: index writes log their bitmap changes instead of rewriting shared bitmap rows.

The 0006 trigger updated, inside every publishing transaction, the bitmap row of each common
term in the article and of its language ("~lang:ru"), and held those row locks until commit:
concurrent publishers queued behind each other on "~lang:ru" (benchmarks/
search_write_contention.py, docs/search.md). Now the trigger appends one row per changed entry
to `search_termbitmap_pending` (the entry's common terms and language, and whether they are
set or cleared), which no other writer touches. `indexing.fold_pending_bitmaps` applies the log
to the bitmaps in one transaction, one folder at a time, after each index task; until then a
search reads the bitmaps and the log in one statement and applies the log itself, so answers
stay exact whenever the fold runs.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE TABLE search_termbitmap_pending (
        id bigserial PRIMARY KEY,
        page_id integer NOT NULL,
        terms text[] NOT NULL,
        is_set boolean NOT NULL
    )
    """,
    # Sets (or clears) the given bits, growing the bytea when a page id is past its end.
    """
    CREATE FUNCTION search_termbitmap_apply(bits bytea, pages integer[], vals boolean[])
    RETURNS bytea AS $$
    DECLARE
        top integer := (SELECT max(p) FROM unnest(pages) p);
    BEGIN
        IF length(bits) * 8 <= top THEN
            bits := bits || decode(repeat('00', top / 8 + 1 - length(bits)), 'hex');
        END IF;
        FOR i IN 1 .. coalesce(array_length(pages, 1), 0) LOOP
            bits := set_bit(bits, pages[i], CASE WHEN vals[i] THEN 1 ELSE 0 END);
        END LOOP;
        RETURN bits;
    END
    $$ LANGUAGE plpgsql IMMUTABLE
    """,
    """
    CREATE OR REPLACE FUNCTION search_termbitmap_sync() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT DISTINCT FROM NEW.search_vector
                AND OLD.language = NEW.language AND OLD.page_id = NEW.page_id THEN
            RETURN NULL;
        END IF;
        -- No bitmaps (a bulk load dropped them; recompute_term_stats rebuilds them): no log.
        IF NOT EXISTS (SELECT 1 FROM search_termbitmap) THEN
            RETURN NULL;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            INSERT INTO search_termbitmap_pending (page_id, terms, is_set)
            SELECT OLD.page_id, array_agg(b.term), false FROM search_termbitmap b
            WHERE b.term = ANY(array_append(
                tsvector_to_array(coalesce(OLD.search_vector, ''::tsvector)),
                ('~lang:' || OLD.language)::text))
            HAVING count(*) > 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO search_termbitmap_pending (page_id, terms, is_set)
            SELECT NEW.page_id, array_agg(b.term), true FROM search_termbitmap b
            WHERE b.term = ANY(array_append(
                tsvector_to_array(coalesce(NEW.search_vector, ''::tsvector)),
                ('~lang:' || NEW.language)::text))
            HAVING count(*) > 0;
        END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
]
BACKWARD = [
    "DROP TABLE IF EXISTS search_termbitmap_pending",
    "DROP FUNCTION IF EXISTS search_termbitmap_apply(bytea, integer[], boolean[])",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # 0006's trigger function: fold what is pending first, then put it back.
    from importlib import import_module

    bitmaps = import_module("search.migrations.0006_term_bitmaps")
    schema_editor.execute(FOLD_SQL)
    schema_editor.execute(
        next(s for s in bitmaps.POSTGRES_FORWARD if "CREATE FUNCTION" in s).replace(
            "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1
        )
    )
    for statement in BACKWARD:
        schema_editor.execute(statement)


#: Applies every pending row to the bitmaps (per page and term the last change wins) and
#: empties the log, in one statement so no row is deleted without being applied.
FOLD_SQL = """
WITH gone AS (
    DELETE FROM search_termbitmap_pending RETURNING id, page_id, terms, is_set
), ops AS (
    SELECT DISTINCT ON (term, page_id) term, page_id, is_set
    FROM (SELECT id, page_id, unnest(terms) AS term, is_set FROM gone) o
    ORDER BY term, page_id, id DESC
), grouped AS (
    SELECT term, array_agg(page_id) AS pages, array_agg(is_set) AS vals FROM ops GROUP BY term
)
UPDATE search_termbitmap b SET bits = search_termbitmap_apply(b.bits, g.pages, g.vals)
FROM grouped g WHERE b.term = g.term
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0007_vector_inline")]

    operations = [migrations.RunPython(forward, backward)]
