"""Translation workflow rules on top of wagtail-localize.

Two newsroom rules live here, in plain functions the admin views and hooks call:

* Machine output is a draft, not a translation. A segment the machine filled keeps
  `translation_type == "machine"` until a person saves it in the editor (wagtail-localize then
  stores it as "manual") or approves it on the review screen. Publishing with such segments is
  refused unless NEWSDESK_ALLOW_UNREVIEWED_MACHINE_TRANSLATION is set. Publishing with
  untranslated segments (wagtail-localize would fill them with the source text) is refused too,
  unless an editor confirms it for that publication (see translation.completeness).
* A translation is "out of step" when its source page was published after wagtail-localize last
  captured the source content (TranslationSource.last_updated_at). Until someone syncs, the
  translation editor shows stale English, so readers of the Russian page miss the correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from . import completeness
from .readable import segment_label, word_diff

REVIEWED_SUFFIX = ", reviewed"


# --- machine output review -------------------------------------------------------------------


def unreviewed_machine_segments(translation: Translation) -> QuerySet[StringTranslation]:
    """Machine-made StringTranslations that the current source of `translation` still uses.

    Only segments present in the source now count: a machine translation of a sentence that has
    since been removed from the English article cannot reach readers, so it must not block them.
    """
    in_current_source = StringSegment.objects.filter(
        source_id=translation.source_id,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    return (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .filter(Exists(in_current_source))
        .select_related("translation_of", "context")
        .order_by("id")
    )


def as_text(html: str) -> str:
    """Plain text of a segment's HTML fragment, for showing it in admin tables."""
    return StringValue(html).render_text()


def unreviewed_machine_publishing_allowed() -> bool:
    return bool(settings.NEWSDESK_ALLOW_UNREVIEWED_MACHINE_TRANSLATION)


def publish_refusal(
    translation: Translation, *, untranslated_confirmed: bool = False
) -> str | None:
    """Why publishing `translation` must be refused now, or None when it may go ahead.

    Two rules: machine output (and previous translations carried over a sync) must have been
    reviewed, unless NEWSDESK_ALLOW_UNREVIEWED_MACHINE_TRANSLATION is set; and no segment may
    be left untranslated (wagtail-localize would publish its English text) unless an editor
    confirmed it for this publication (`untranslated_confirmed`, see `untranslated_refusal`).
    """
    locale = translation.target_locale.get_display_name()
    if not unreviewed_machine_publishing_allowed():
        count = unreviewed_machine_segments(translation).count()
        if count:
            noun = "segment" if count == 1 else "segments"
            return (
                f"Not published: {count} machine-translated {noun} in {locale} have not been "
                "reviewed. Edit and save each one in the editor, or approve them on the review "
                "screen, then publish again."
            )
    if untranslated_confirmed:
        return None
    return untranslated_refusal(translation)


def untranslated_refusal(translation: Translation) -> str | None:
    """The refusal naming the segments that would reach readers in the source language."""
    missing = completeness.untranslated_segments(translation)
    if not missing:
        return None
    labels = completeness.untranslated_labels(translation, missing)
    noun = "segment has" if len(missing) == 1 else "segments have"
    return (
        f"Not published: {len(missing)} {noun} no "
        f"{translation.target_locale.get_display_name()} translation, and readers would see "
        f"the {translation.source.locale.get_display_name()} text: {'; '.join(labels)}. "
        "Translate them, or confirm that they may be published untranslated."
    )


def approve_machine_segments(translation: Translation, user, ids: list[int] | None = None) -> int:
    """Record that `user` has read and accepted machine segments; returns how many.

    The text is kept; only the provenance changes, so the editor's note reads
    'Translated with DeepL, reviewed' and the audit trail names the reviewer.
    """
    pending = unreviewed_machine_segments(translation)
    if ids is not None:
        pending = pending.filter(id__in=ids)
    approved = 0
    with transaction.atomic():
        for string_translation in pending.select_related(None).select_for_update():
            tool = string_translation.tool_name or "machine"
            string_translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            string_translation.tool_name = (tool + REVIEWED_SUFFIX)[:255]
            string_translation.last_translated_by = user
            string_translation.save(
                update_fields=["translation_type", "tool_name", "last_translated_by", "updated_at"]
            )
            approved += 1
    return approved


# --- out of step ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentChange:
    """One translatable unit that differs between the synced source and the live page."""

    path: str
    kind: str  # "added", "removed" or "changed"
    before: str  # plain text (markup stripped), for display
    after: str
    label: str = ""  # "Body › Paragraph 3", for display

    @property
    def diff(self) -> list[tuple[str, str]]:
        """Word runs marked "same", "del" or "ins", for showing the change word by word."""
        return word_diff(self.before, self.after)


@dataclass(frozen=True)
class OutOfStep:
    translation: Translation
    source_page: Page
    source_changed_at: datetime
    synced_at: datetime
    changes: list[SegmentChange]


def _with_source_page(translations: QuerySet[Translation]) -> QuerySet[Translation]:
    source_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    return translations.annotate(
        source_page_id=Subquery(source_page.values("id")[:1]),
        source_published_at=Subquery(source_page.values("last_published_at")[:1]),
        source_revised_at=Subquery(source_page.values("latest_revision_created_at")[:1]),
        source_has_draft=Subquery(source_page.values("has_unpublished_changes")[:1]),
    ).select_related("source", "source__locale", "target_locale")


def out_of_step_translations() -> QuerySet[Translation]:
    """Enabled page translations whose source page was published after the last sync.

    Compares Page.last_published_at of the source with TranslationSource.last_updated_at in the
    database, so the report costs one query however many articles exist.
    """
    return (
        _with_source_page(Translation.objects.filter(enabled=True))
        .filter(source_published_at__gt=F("source__last_updated_at"))
        .order_by("-source_published_at", "id")
    )


def draft_ahead_translations() -> QuerySet[Translation]:
    """Enabled translations whose source has an unpublished draft saved after the last sync.

    These are not out of step yet (readers still see the synced text, and a sync reads the
    published page), but translators want to know a correction is coming.
    """
    return (
        _with_source_page(Translation.objects.filter(enabled=True))
        .filter(source_has_draft=True, source_revised_at__gt=F("source__last_updated_at"))
        .order_by("-source_revised_at", "id")
    )


def _describe(segment) -> tuple[str, str] | None:
    """(key, human-readable value) for a segment, or None for segments with nothing to show."""
    if isinstance(segment, StringSegmentValue):
        return f"string:{segment.path}", segment.string.render_text()
    if isinstance(segment, OverridableSegmentValue):
        return f"override:{segment.path}", str(segment.data)
    if isinstance(segment, RelatedObjectSegmentValue):
        return (
            f"related:{segment.path}",
            f"{segment.content_type.model} {segment.translation_key}",
        )
    if isinstance(segment, TemplateSegmentValue):
        return None  # structural; its strings appear as their own segments
    return None


def _segment_map(instance) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for segment in extract_segments(instance):
        described = _describe(segment)
        if described is None:
            continue
        key, value = described
        # Repeated paths (e.g. several sentences of one paragraph) get an ordinal suffix.
        n = 1
        unique = key
        while unique in found:
            n += 1
            unique = f"{key}#{n}"
        found[unique] = (segment.path, value)
    return found


def source_changes(source: TranslationSource, *, draft: bool = False) -> list[SegmentChange]:
    """What the live source page (or its latest draft) says that the synced content does not.

    Both sides go through wagtail-localize's own segment extractor, so the list matches what
    the translator will see as new or changed segments after a sync.
    """
    synced_instance = source.as_instance()
    synced = _segment_map(synced_instance)
    current = source.get_source_instance()
    if draft:
        current = current.get_latest_revision_as_object()
    live = _segment_map(current)
    changes: list[SegmentChange] = []
    for key, (path, after) in live.items():
        label = segment_label(current, path)
        if key not in synced:
            changes.append(SegmentChange(path, "added", "", after, label))
        elif synced[key][1] != after:
            changes.append(SegmentChange(path, "changed", synced[key][1], after, label))
    for key, (path, before) in synced.items():
        if key not in live:
            label = segment_label(synced_instance, path)
            changes.append(SegmentChange(path, "removed", before, "", label))
    return changes


def out_of_step_report(*, drafts: bool = False) -> list[OutOfStep]:
    """The rows of the admin report, each with the segment-level changes to show.

    drafts=True gives the secondary list: sources with unpublished drafts newer than the sync.
    """
    rows: list[OutOfStep] = []
    pages = {}
    translations = list(draft_ahead_translations() if drafts else out_of_step_translations())
    if translations:
        pages = {
            page.id: page
            for page in Page.objects.filter(
                id__in=[t.source_page_id for t in translations]
            ).specific()
        }
    for translation in translations:
        page = pages.get(translation.source_page_id)
        if page is None:
            continue
        rows.append(
            OutOfStep(
                translation=translation,
                source_page=page,
                source_changed_at=(
                    translation.source_revised_at if drafts else translation.source_published_at
                ),
                synced_at=translation.source.last_updated_at,
                changes=source_changes(translation.source, draft=drafts),
            )
        )
    return rows


def sync_source(source: TranslationSource) -> int:
    """Capture the live source content so every enabled translation sees the new segments.

    The same as wagtail-localize's "Sync translated pages" without publishing: translated
    segments are kept, new ones wait for a translator, and a changed segment starts from its
    previous translation (held back as a suggestion to review). Returns the number of
    translations brought back in step.
    """
    with transaction.atomic():
        before = completeness.snapshot(source)
        source.update_from_db()
        completeness.carry_previous_translations(source, before)
        translations = list(
            source.translations.filter(enabled=True).select_related("source", "target_locale")
        )
        for translation in translations:
            translation.source.update_target_view_restrictions(translation.target_locale)
    return len(translations)
