"""The report of published articles whose sources changed, were corrected or were withdrawn,
and its one action: "Write a correction".

An article and its translations share one entry (they are one story in two languages; the
correction is written on the original and wagtail-localize marks it for translation). Each
source in the entry shows the diff since the version the article was based on, the outlet's
correction notes quoted, and whether the source is gone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from articles.models import ArticleNotice, ArticlePage, NoticeKind
from sources.models import SourceEvent

from .inbox import SourceUpdate, outlet_name_in, pending_source_updates


@dataclass(frozen=True)
class SourceChange:
    """One source of the article: the diff since publication and what the outlet did since."""

    update: SourceUpdate
    events: list[SourceEvent]

    @property
    def withdrawn(self) -> bool:
        watch = getattr(self.update.link.source_article, "watch", None)
        return watch is not None and watch.withdrawn_at is not None

    @property
    def notes(self) -> list[str]:
        return [e.note for e in self.events if e.kind == SourceEvent.Kind.CORRECTED and e.note]

    @property
    def latest(self) -> SourceEvent | None:
        return self.events[0] if self.events else None


@dataclass
class ReportEntry:
    page: ArticlePage
    translations: list[ArticlePage] = field(default_factory=list)
    changes: list[SourceChange] = field(default_factory=list)


def _events_since(update: SourceUpdate) -> list[SourceEvent]:
    flagged = update.link.source_updated_at
    return list(
        SourceEvent.objects.filter(
            article_id=update.link.source_article_id, detected_at__gte=flagged
        ).order_by("-detected_at", "-pk")
    )


def source_report() -> list[ReportEntry]:
    """Flagged live articles, one entry per article with its translations, newest change first."""
    groups: dict[object, list[SourceUpdate]] = {}
    for update in pending_source_updates():
        if update.link.page.live:
            groups.setdefault(update.link.page.translation_key, []).append(update)
    entries = []
    for key, updates in groups.items():
        pages = list(
            ArticlePage.objects.filter(translation_key=key).select_related("locale").order_by("pk")
        )
        default = settings.LANGUAGE_CODE.split("-")[0]
        primary = next((p for p in pages if p.locale.language_code == default), pages[0])
        entry = ReportEntry(page=primary, translations=[p for p in pages if p.pk != primary.pk])
        seen: set[int] = set()
        # The original's own link first, so its diff (from its version at publication) is shown.
        for update in sorted(updates, key=lambda u: u.link.page_id != primary.pk):
            if update.link.source_article_id not in seen:
                seen.add(update.link.source_article_id)
                entry.changes.append(SourceChange(update=update, events=_events_since(update)))
        entries.append(entry)
    return entries


def correction_text(page: ArticlePage, change: SourceChange) -> str:
    """A first wording of the correction, in the page's language, for the editor to rewrite."""
    source = change.update.link.source_article
    values = {"outlet": outlet_name_in(source.outlet, page.locale), "title": source.title}
    with translation.override(page.locale.language_code):
        if change.withdrawn:
            return (
                _(
                    "%(outlet)s has withdrawn its article “%(title)s”, on which this article is "
                    "based."
                )
                % values
            )
        if change.notes:
            return _(
                "%(outlet)s has published a correction to its article “%(title)s”, on which "
                "this article is based: “%(note)s”"
            ) % {**values, "note": change.notes[0]}
        return (
            _(
                "%(outlet)s has changed its article “%(title)s”, on which this article is based, "
                "since we published it."
            )
            % values
        )


def draft_correction(
    page: ArticlePage, change: SourceChange, user: AbstractBaseUser | None
) -> ArticlePage:
    """A new draft revision of ``page`` with a correction notice prefilled; the live version
    is untouched until the editor publishes (the notice then reaches readers and the feeds)."""
    page = page.get_latest_revision_as_object()
    page.notices.add(
        ArticleNotice(
            kind=NoticeKind.CORRECTION,
            date=timezone.now(),
            text=correction_text(page, change),
            locale=page.locale,
        )
    )
    page.save_revision(user=user, log_action=True)
    return page
