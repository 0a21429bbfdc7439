"""What a translation still lacks, and the segments the project can fill without a translator.

wagtail-localize publishes a translation with the *source* text for every segment nobody
translated (`Translation.save_target` passes `fallback=True`), so an English paragraph would
reach the Russian page. `untranslated_segments` lists those segments; the publish guard in
`translation.services.publish_refusal` refuses while any is left, unless an editor confirms.

Two kinds of segment are not a translator's job and are filled here, marked as such:

* the page **slug**, derived from the translated title (ASCII, Cyrillic transliterated, as
  every slug of the site) while the translation has never been published;
* an **outlet's name** (photo credits' "via", attributions): when the English text is the name
  of one of our outlets that has a name in the target language, that name is used.

And a sync that changes a sentence keeps its previous translation as a starting point: it is
stored as a machine-made suggestion, so it must be reviewed before it is published.
"""

from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from articles.credits import outlet_name_in
from articles.slugs import ascii_slug

from .readable import segment_label

SLUG_TOOL = "the translated title"
OUTLET_TOOL = "the outlet's name"
PREVIOUS_TOOL = "the previous translation (the English changed)"

#: {context id: [string id, ...] in source order}, taken before a sync.
Snapshot = dict[int, list[int]]


def untranslated_segments(translation: Translation) -> list[StringSegment]:
    """Segments of the current source with no usable translation in the target locale
    (wagtail-localize would publish their source text)."""
    return list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale_id)
        .filter(translation__isnull=True)
        .select_related("string", "context")
        .order_by("order")
    )


def untranslated_labels(translation: Translation, segments: list[StringSegment]) -> list[str]:
    """Editor-readable names of `segments` ("Body › Paragraph 2"), without repeats."""
    instance = translation.source.as_instance()
    labels: list[str] = []
    for segment in segments:
        label = segment_label(instance, segment.context.path)
        if label not in labels:
            labels.append(label)
    return labels


def _store(segment: StringSegment, translation: Translation, text: str, tool: str, **kw) -> None:
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data": text,
            "translation_type": kw.get("kind", StringTranslation.TRANSLATION_TYPE_MANUAL),
            "tool_name": tool,
            "has_error": False,
            "field_error": "",
        },
    )


def _derived_slug(translation: Translation) -> str | None:
    title = (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
            context__path="title",
            translation_of__in=StringSegment.objects.filter(
                source_id=translation.source_id, context__path="title"
            ).values("string_id"),
            has_error=False,
        )
        .values_list("data", flat=True)
        .first()
    )
    if not title:
        return None
    return ascii_slug(StringValue(title).render_text(), fallback="") or None


def _never_published(translation: Translation) -> bool:
    target = translation.source.get_translated_instance(translation.target_locale)
    return isinstance(target, Page) and target.first_published_at is None


@transaction.atomic
def fill_derived_segments(translation: Translation) -> int:
    """Fill the slug and outlet-name segments that need no translator; returns how many."""
    filled = 0
    slug_segments = StringSegment.objects.filter(
        source_id=translation.source_id, context__path="slug"
    )
    if slug_segments.exists() and _never_published(translation):
        slug = _derived_slug(translation)
        for segment in slug_segments:
            current = StringTranslation.objects.filter(
                translation_of_id=segment.string_id,
                locale_id=translation.target_locale_id,
                context_id=segment.context_id,
            ).first()
            # A slug a person typed is theirs; one we derived follows the title until publishing.
            ours = current is not None and current.tool_name == SLUG_TOOL
            if slug and (current is None or (ours and current.data != slug)):
                _store(segment, translation, slug, SLUG_TOOL)
                filled += 1
    for segment in untranslated_segments(translation):
        text = StringValue(segment.string.data).render_text()
        name = outlet_name_in(text, translation.target_locale_id)
        if name != text.strip():
            _store(segment, translation, StringValue.from_plaintext(name).data, OUTLET_TOOL)
            filled += 1
    return filled


def snapshot(source: TranslationSource) -> Snapshot:
    """The source's strings per context, in order; take it before `update_from_db()`."""
    taken: Snapshot = defaultdict(list)
    for context_id, string_id in (
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context_id", "string_id")
    ):
        taken[context_id].append(string_id)
    return dict(taken)


@transaction.atomic
def carry_previous_translations(source: TranslationSource, before: Snapshot) -> int:
    """After a sync, give each changed segment its old segment's translation as a suggestion.

    A changed sentence is a new string in the same place (context); old and new strings of a
    context are paired in order. The suggestion is stored as machine output, so the publish
    guard holds it back until a person has read it against the new English.
    """
    after = snapshot(source)
    pairs: list[tuple[int, int, int]] = []  # (context, old string, new string)
    for context_id, new in after.items():
        old = before.get(context_id, [])
        for op, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
            if op == "replace":
                pairs += [(context_id, o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=False)]
    if not pairs:
        return 0
    carried = 0
    locales = source.translations.filter(enabled=True).values_list("target_locale_id", flat=True)
    for locale_id in locales:
        for context_id, old_id, new_id in pairs:
            previous = StringTranslation.objects.filter(
                translation_of_id=old_id, locale_id=locale_id, context_id=context_id
            ).first()
            if previous is None or not previous.data:
                continue
            _obj, created = StringTranslation.objects.get_or_create(
                translation_of_id=new_id,
                locale_id=locale_id,
                context_id=context_id,
                defaults={
                    "data": previous.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": PREVIOUS_TOOL,
                    "last_translated_by": previous.last_translated_by,
                },
            )
            carried += int(created)
    return carried
