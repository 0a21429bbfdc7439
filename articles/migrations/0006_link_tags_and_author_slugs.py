"""Links the tags already in the database to their translations, and gives existing authors
the slugs of their pages, once.

The demo (and any site made before tags had links) paired each English article with its Russian
translation, and the demo lists their tags in the same order in both languages: "Transport,
Labour" / "Транспорт, Труд". A tag is linked to the tag at the same position in every pair of
translated articles it appears in, and only when every such pair agrees and both lists are the
same length; anything ambiguous stays unlinked for an editor (Snippets > Tag translations).
"""

from collections import defaultdict

from django.db import migrations

from articles.slugs import ascii_slug

ORIGINAL_LANGUAGE = "en"


def tags_in_order(ArticlePageTag, page_id):
    return list(
        ArticlePageTag.objects.filter(content_object_id=page_id)
        .order_by("pk")
        .values_list("tag_id", flat=True)
    )


def link_existing_tags(apps, schema_editor):
    ArticlePage = apps.get_model("articles", "ArticlePage")
    ArticlePageTag = apps.get_model("articles", "ArticlePageTag")
    TagTranslation = apps.get_model("articles", "TagTranslation")

    pages = ArticlePage.objects.filter(live=True).values_list(
        "pk", "translation_key", "locale__language_code"
    )
    by_key = defaultdict(dict)
    for pk, key, language in pages:
        by_key[key][language] = pk

    candidates = defaultdict(set)  # (original tag, language) -> translated tags seen
    languages_of = defaultdict(set)  # tag -> languages it is used in
    for versions in by_key.values():
        for language, pk in versions.items():
            for tag_id in tags_in_order(ArticlePageTag, pk):
                languages_of[tag_id].add(language)
        original = versions.get(ORIGINAL_LANGUAGE)
        if original is None:
            continue
        original_tags = tags_in_order(ArticlePageTag, original)
        for language, pk in versions.items():
            if language == ORIGINAL_LANGUAGE:
                continue
            translated = tags_in_order(ArticlePageTag, pk)
            if len(translated) != len(original_tags):
                continue
            for source_tag, target_tag in zip(original_tags, translated):
                candidates[(source_tag, language)].add(target_tag)

    claimed = defaultdict(set)
    for (source_tag, language), targets in candidates.items():
        if len(targets) == 1:
            claimed[(next(iter(targets)), language)].add(source_tag)

    for (source_tag, language), targets in sorted(candidates.items()):
        if len(targets) != 1:
            continue
        target = next(iter(targets))
        if target == source_tag or claimed[(target, language)] != {source_tag}:
            continue
        if languages_of[source_tag] != {ORIGINAL_LANGUAGE} or languages_of[target] != {language}:
            continue  # a tag used in both languages is no one language's word
        if TagTranslation.objects.filter(tag_id=target).exists():
            continue
        root, _ = TagTranslation.objects.get_or_create(
            tag_id=source_tag, defaults={"language": ORIGINAL_LANGUAGE}
        )
        if root.translation_of_id is not None:
            continue
        if TagTranslation.objects.filter(translation_of=root, language=language).exists():
            continue
        TagTranslation.objects.create(tag_id=target, language=language, translation_of=root)


def fill_author_slugs(apps, schema_editor):
    """Existing authors get the slug their next save would give them (free per locale)."""
    Author = apps.get_model("articles", "Author")
    taken = set()
    for author in Author.objects.order_by("pk"):
        base = ascii_slug(author.name, fallback="author")
        slug, n = base, 2
        while (author.locale_id, slug) in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add((author.locale_id, slug))
        Author.objects.filter(pk=author.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_reader_trust")]

    operations = [
        migrations.RunPython(link_existing_tags, migrations.RunPython.noop),
        migrations.RunPython(fill_author_slugs, migrations.RunPython.noop),
    ]
