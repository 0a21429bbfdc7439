"""Re-analyse the index entries whose text joins letters and digits ("ан148", "Ан-148", "G7").

search.analysis now splits a run of letters from a run of digits and keeps a short letter
run touching digits as written ("Ту" of "Ту-154" used to be dropped as a form of "тот"), so
entries analysed before would not match such queries. Only entries whose title or body has a
letter next to a digit (directly or across a hyphen) can differ; their analysed columns are
recomputed with the current analysis (the database triggers update FTS5 / the tsvector and
the bitmap log in the same statements) and, when any changed, the term statistics are
recounted. `manage.py rebuild_search_index` gives the same result from scratch.
"""

import re

from django.db import migrations

from search import indexing
from search.analysis import index_text

LETTER_DIGIT_RE = re.compile(r"[^\W\d_]-?\d|\d-?[^\W\d_]")
BATCH = 500


def reanalyse(apps, schema_editor):
    entry_model = apps.get_model("search", "IndexEntry")
    changed, any_changed = [], False
    rows = entry_model.objects.only("page_id", "title", "body", "title_terms", "body_terms")
    for entry in rows.iterator(chunk_size=BATCH):
        if not (LETTER_DIGIT_RE.search(entry.title) or LETTER_DIGIT_RE.search(entry.body)):
            continue
        title_terms, body_terms = index_text(entry.title), index_text(entry.body)
        if (title_terms, body_terms) != (entry.title_terms, entry.body_terms):
            entry.title_terms, entry.body_terms = title_terms, body_terms
            changed.append(entry)
        if len(changed) >= BATCH:
            entry_model.objects.bulk_update(changed, ["title_terms", "body_terms"])
            changed.clear()
            any_changed = True
    if changed:
        entry_model.objects.bulk_update(changed, ["title_terms", "body_terms"])
        any_changed = True
    if any_changed:
        indexing.recompute_term_stats()


class Migration(migrations.Migration):
    dependencies = [("search", "0009_semantic_vector")]

    operations = [migrations.RunPython(reanalyse, migrations.RunPython.noop, elidable=True)]
