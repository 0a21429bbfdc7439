"""PostgreSQL: keep the tsvector inline (compressed), and the heap at its usual width.

0006 pushed every wide value out of line so the heap was narrow. That made a sequential scan
look nearly free to the planner, and on small tables it chose one over the GIN index. Every
row's out-of-line vector was then fetched to test `@@`: 47 ms instead of 2 ms on 3,200
articles. Term bitmaps now answer the very common words, so the narrow heap is no longer
needed. The vector is stored MAIN (inline, compressed; out of line only when a row would not
fit a page), with lz4 where the server has it, because ranking reads whole vectors and lz4
decompresses several times faster than pglz. Existing rows change layout when re-indexed, or
after VACUUM FULL.
"""

from django.db import migrations

RESET = "ALTER TABLE search_indexentry RESET (toast_tuple_target)"
MAIN = "ALTER TABLE search_indexentry ALTER COLUMN search_vector SET STORAGE MAIN"
LZ4 = "ALTER TABLE search_indexentry ALTER COLUMN search_vector SET COMPRESSION lz4"
BACK = [
    "ALTER TABLE search_indexentry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_indexentry ALTER COLUMN search_vector SET STORAGE EXTERNAL",
    "ALTER TABLE search_indexentry ALTER COLUMN search_vector SET COMPRESSION default",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(RESET)
    schema_editor.execute(MAIN)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
            "WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
    if row and row[0]:
        schema_editor.execute(LZ4)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACK:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_term_bitmaps")]

    operations = [migrations.RunPython(forward, backward)]
