"""Full-text structures over search_indexentry, for the database actually in use.

SQLite: an FTS5 external-content table kept in step by triggers. The stored text is already
analysed (lemmas separated by spaces and "|"), so FTS5's unicode61 tokenizer only splits it;
remove_diacritics 0 keeps "й" distinct from "и".
PostgreSQL: a tsvector column, weight A for the title and B for the body, with the 'simple'
configuration (no second stemming over our lemmas), filled by a trigger and GIN-indexed.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, body_terms,
        content='search_indexentry', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0'
    )
    """,
    """
    CREATE TRIGGER search_indexentry_ai AFTER INSERT ON search_indexentry BEGIN
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.page_id, new.title_terms, new.body_terms);
    END
    """,
    """
    CREATE TRIGGER search_indexentry_ad AFTER DELETE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms);
    END
    """,
    """
    CREATE TRIGGER search_indexentry_au AFTER UPDATE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.page_id, new.title_terms, new.body_terms);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_au",
    "DROP TRIGGER IF EXISTS search_indexentry_ad",
    "DROP TRIGGER IF EXISTS search_indexentry_ai",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    "ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION search_indexentry_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('simple', coalesce(NEW.title_terms, '')), 'A') ||
            setweight(to_tsvector('simple', coalesce(NEW.body_terms, '')), 'B');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER search_indexentry_vector_trg
    BEFORE INSERT OR UPDATE OF title_terms, body_terms ON search_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_indexentry_vector()
    """,
    "CREATE INDEX search_indexentry_vector_gin ON search_indexentry USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_indexentry_vector_gin",
    "DROP TRIGGER IF EXISTS search_indexentry_vector_trg ON search_indexentry",
    "DROP FUNCTION IF EXISTS search_indexentry_vector()",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
