"""Record pages written in both languages as a wagtail-localize source and its translation.

The demo (and an import of an archive already translated by people) creates the Russian page
directly. Without wagtail-localize's records such a pair is invisible to the translation editor
and to the out-of-step report; this module adds them and pairs each source segment with the
target's segment at the same position, so the editor shows the existing Russian text.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _strings_by_path(instance) -> dict[str, list[str]]:
    by_path: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            by_path[segment.path].append(segment.string.data)
    return by_path


@transaction.atomic
def register_existing_translation(source_page, target_page) -> tuple[Translation, int]:
    """Link `target_page` as the translation of `source_page`; return it and segments paired.

    Segments are paired by field path and position; a path whose number of segments differs
    between the two pages is left untranslated in the editor rather than guessed.
    """
    source, _created = TranslationSource.get_or_create_from_instance(source_page.specific)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_page.locale, defaults={"enabled": True}
    )
    target_strings = _strings_by_path(target_page.specific)
    source_segments: dict[str, list[StringSegment]] = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    ):
        source_segments[segment.context.path].append(segment)

    paired = 0
    for path, segments in source_segments.items():
        targets = target_strings.get(path, [])
        if len(targets) != len(segments):
            continue
        for segment, text in zip(segments, targets, strict=True):
            _translation, created = StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=target_page.locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
            paired += int(created)
    return translation, paired
