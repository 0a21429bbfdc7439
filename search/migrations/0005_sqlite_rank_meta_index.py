"""SQLite: a narrow covering index for the columns ranking joins on.

Index rows hold whole article texts, so reading a match's language and date from the table
touches a wide row per match; this index keeps those few columns together in a few pages.
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_indexentry_rank_meta "
            "ON search_indexentry (page_id, language, published_at, section_id)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_rank_meta")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_fts_language_column")]

    operations = [migrations.RunPython(forward, backward)]
