"""SQLite: add the language to the FTS5 table so the reader's-language filter is part of MATCH.

Filtering by language through a join made SQLite look up every match's row before ranking;
as an FTS column the filter and the ranking both happen inside FTS5. PostgreSQL is unchanged.
"""

from django.db import migrations

FTS_COLUMNS = "title_terms, body_terms, language"

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_au",
    "DROP TRIGGER IF EXISTS search_indexentry_ad",
    "DROP TRIGGER IF EXISTS search_indexentry_ai",
    "DROP TABLE IF EXISTS search_fts",
    f"""
    CREATE VIRTUAL TABLE search_fts USING fts5(
        {FTS_COLUMNS},
        content='search_indexentry', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0'
    )
    """,
    f"""
    CREATE TRIGGER search_indexentry_ai AFTER INSERT ON search_indexentry BEGIN
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.page_id, new.title_terms, new.body_terms, new.language);
    END
    """,
    f"""
    CREATE TRIGGER search_indexentry_ad AFTER DELETE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms, old.language);
    END
    """,
    f"""
    CREATE TRIGGER search_indexentry_au AFTER UPDATE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms, old.language);
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.page_id, new.title_terms, new.body_terms, new.language);
    END
    """,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_related_vector")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
