"""Bitmaps of very common terms (PostgreSQL), and a narrow heap for the index table.

PostgreSQL only (the tables exist everywhere so the model state is the same on SQLite):

- `search_termbitmap` rows are kept exact by an AFTER trigger on `search_indexentry`: inserting
  an entry sets its page's bit in the bitmap of every common term it contains (and of its
  language, "~lang:<code>"), deleting clears it, an update does both. Terms without a bitmap
  row cost nothing, so bulk loads empty the table first and rebuild it once at the end.
- The tsvector is stored uncompressed out of line (STORAGE EXTERNAL) and rows are toasted down
  to ~128 bytes: the heap then holds ~40 rows per page instead of ~5, so visiting matches
  (counts through GIN, fetching ranking candidates) reads an eighth of the pages, and ranking
  reads a vector without decompressing it. Existing rows keep their layout until re-indexed.
"""

from django.db import migrations, models

POSTGRES_FORWARD = [
    "ALTER TABLE search_indexentry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_indexentry ALTER COLUMN search_vector SET STORAGE EXTERNAL",
    "ALTER TABLE search_termbitmap ALTER COLUMN bits SET STORAGE EXTERNAL",
    """
    CREATE FUNCTION search_termbitmap_sync() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT DISTINCT FROM NEW.search_vector
                AND OLD.language = NEW.language AND OLD.page_id = NEW.page_id THEN
            RETURN NULL;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE search_termbitmap SET bits = set_bit(bits, OLD.page_id, 0)
            WHERE term = ANY(array_append(
                    tsvector_to_array(coalesce(OLD.search_vector, ''::tsvector)),
                    ('~lang:' || OLD.language)::text))
                AND length(bits) * 8 > OLD.page_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            UPDATE search_termbitmap SET bits = set_bit(
                CASE WHEN length(bits) * 8 > NEW.page_id THEN bits
                     ELSE bits || decode(repeat('00', NEW.page_id / 8 + 1 - length(bits)), 'hex')
                END, NEW.page_id, 1)
            WHERE term = ANY(array_append(
                    tsvector_to_array(coalesce(NEW.search_vector, ''::tsvector)),
                    ('~lang:' || NEW.language)::text));
        END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER search_indexentry_bitmap_trg
    AFTER INSERT OR UPDATE OR DELETE ON search_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_termbitmap_sync()
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_bitmap_trg ON search_indexentry",
    "DROP FUNCTION IF EXISTS search_termbitmap_sync()",
    "ALTER TABLE search_indexentry ALTER COLUMN search_vector SET STORAGE EXTENDED",
    "ALTER TABLE search_indexentry RESET (toast_tuple_target)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_sqlite_rank_meta_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="TermBitmap",
            fields=[
                ("term", models.CharField(max_length=80, primary_key=True, serialize=False)),
                ("bits", models.BinaryField(default=b"")),
            ],
        ),
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
    ]
