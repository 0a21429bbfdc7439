"""Newsroom actions on ingested articles: start an interpretation, triage, review corrections.

Kept out of the admin views so the rules (what a new draft contains, what "used" means, when a
correction counts as reviewed) are plain functions that tests and other entry points share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from articles.creation import create_article, free_slug
from articles.models import ArticlePage, ArticleSourceLink, SectionPage
from sources.ingest.storage import unified_diff
from sources.models import Outlet, SourceArticle, SourceArticleVersion


def outlet_name_in(outlet: Outlet, locale: Locale) -> str:
    """The outlet's name as readers of ``locale`` know it (its translation when there is one)."""
    localized = Outlet.objects.filter(translation_key=outlet.translation_key, locale=locale).first()
    return (localized or outlet).name


def story_siblings(article: SourceArticle) -> list[SourceArticle]:
    """The other outlets' (and the same outlet's other) articles about the same story."""
    if article.story_id is None:
        return []
    return list(
        SourceArticle.objects.filter(story_id=article.story_id)
        .exclude(pk=article.pk)
        .select_related("outlet")
        .order_by("published_at", "pk")
    )


@transaction.atomic
def start_interpretation(
    sources: Sequence[SourceArticle],
    section: SectionPage,
    user: AbstractBaseUser | None = None,
) -> ArticlePage:
    """Create a draft ArticlePage under ``section`` based on ``sources`` (the first leads).

    The draft carries everything attribution needs: the sources linked (so the attribution
    block is generated), the lead-image credit "via <outlet>" and the outlet's caption and
    photographer when ingest found them. Title is the lead source's title as a working title:
    the editor writes their own, the slug follows it. The sources are marked "used".
    """
    if not sources:
        raise ValueError("an interpretation needs at least one source article")
    lead = sources[0]
    title = lead.title[:255]
    page = create_article(
        section=section,
        title=title,
        slug=working_slug(lead),
        sources=sources,
        # Like a draft saved in the editor: required fields (dek, body) are for the editor to fill.
        publish=False,
        user=user,
        lead_image_via=outlet_name_in(lead.outlet, section.locale)[:200],
        lead_image_caption=lead.lead_image_caption[:400],
        lead_image_photographer=lead.lead_image_credit[:200],
    )
    SourceArticle.objects.filter(pk__in=[s.pk for s in sources]).update(
        status=SourceArticle.Status.USED
    )
    return page


def working_slug(lead: SourceArticle) -> str:
    """The slug a new draft gets from its lead source's title (its working title)."""
    return slugify(lead.title[:255])[:80] or f"interpretation-{lead.pk}"


def slug_follows_title(page: ArticlePage) -> bool:
    """A never-published draft still carrying its working slug takes the editor's title.

    The draft starts with the foreign title and its slug (or ``interpretation-<id>`` when the
    title has no Latin letters); once the editor retitles it, the slug should read like the new
    title, not like the original's. An editor's own slug, or a published page's, is never
    touched. Returns whether the slug changed.
    """
    if page.first_published_at is not None:
        return False
    link = page.source_links.order_by("sort_order", "pk").select_related("source_article").first()
    if link is None or page.slug != working_slug(link.source_article):
        return False
    base = slugify(page.title)[:80]
    if not base or base == page.slug:
        return False
    parent = page.get_parent()
    taken = set(parent.get_children().exclude(pk=page.pk).values_list("slug", flat=True))
    page.slug = free_slug(parent, base, taken)
    page.set_url_path(parent)
    # The editor saved a revision (the draft's title lives there); publishing it must keep
    # the new slug, so the revision is updated along with the page row.
    ArticlePage.objects.filter(pk=page.pk).update(slug=page.slug, url_path=page.url_path)
    revision = page.get_latest_revision()
    if revision is not None:
        revision.content["slug"] = page.slug
        revision.content["url_path"] = page.url_path
        revision.save(update_fields=["content"])
    return True


def set_status(article: SourceArticle, status: str) -> None:
    if status not in SourceArticle.Status.values:
        raise ValueError(f"unknown status {status!r}")
    SourceArticle.objects.filter(pk=article.pk).update(status=status)
    article.status = status


def status_from_work(article: SourceArticle) -> str:
    """What the article's status is by the work done on it: "used" once an interpretation
    links it, "new" otherwise. Undoing a dismissal restores this, so it never needs to
    remember what the status was before."""
    used = ArticleSourceLink.objects.filter(source_article=article).exists()
    return SourceArticle.Status.USED if used else SourceArticle.Status.NEW


def dismiss(article: SourceArticle) -> str:
    """Dismiss the article; returns the status an undo restores."""
    previous = article.status
    set_status(article, SourceArticle.Status.DISMISSED)
    return previous if previous != SourceArticle.Status.DISMISSED else status_from_work(article)


def undo_dismiss(article: SourceArticle) -> str:
    """Bring a dismissed article back: "used" if an interpretation links it, else "new"."""
    if article.status == SourceArticle.Status.DISMISSED:
        set_status(article, status_from_work(article))
    return article.status


def mark_linked_sources_used(page: ArticlePage) -> int:
    """Every source an interpretation links is "used" (also when linked in the page editor,
    not only through "Write interpretation"); returns how many changed."""
    ids = ArticleSourceLink.objects.filter(page=page).values_list("source_article_id", flat=True)
    return (
        SourceArticle.objects.filter(pk__in=list(ids))
        .exclude(status=SourceArticle.Status.USED)
        .update(status=SourceArticle.Status.USED)
    )


def interpretations_of(article: SourceArticle) -> list[ArticlePage]:
    """The pages (drafts included) written from the article, newest first."""
    return list(
        ArticlePage.objects.filter(source_links__source_article=article)
        .select_related("locale")
        .distinct()
        .order_by("-latest_revision_created_at", "-pk")
    )


@dataclass(frozen=True)
class SourceUpdate:
    """A published page whose source changed: the link, and the diff since publication."""

    link: ArticleSourceLink
    from_version: int
    to_version: int
    diff: str


def pending_source_updates(page: ArticlePage | None = None) -> list[SourceUpdate]:
    """Links flagged "source updated since publication", with the diff an editor must read."""
    links = ArticleSourceLink.objects.filter(source_updated_at__isnull=False).select_related(
        "page", "source_article__outlet"
    )
    if page is not None:
        links = links.filter(page=page)
    updates = []
    for link in links.order_by("-source_updated_at"):
        versions = list(link.source_article.versions.order_by("number"))
        start = link.source_version_at_publication or 1
        old = next((v for v in versions if v.number == start), versions[0] if versions else None)
        new = versions[-1] if versions else None
        diff = ""
        if old is not None and new is not None and old.number != new.number:
            diff = _diff_between(old, new)
        updates.append(
            SourceUpdate(
                link=link,
                from_version=old.number if old else 0,
                to_version=new.number if new else 0,
                diff=diff,
            )
        )
    return updates


def _diff_between(old: SourceArticleVersion, new: SourceArticleVersion) -> str:
    diff = unified_diff(old.title, old.text, new.title, new.text, new.number)
    return diff.replace(f"--- version {new.number - 1}", f"--- version {old.number}", 1)


def mark_source_update_reviewed(link: ArticleSourceLink) -> None:
    """The editor has read the correction: clear the flag (the versions stay), on the page and
    on its translations, which the report shows as one article."""
    pages = ArticlePage.objects.filter(translation_key=link.page.translation_key)
    type(link).objects.filter(source_article_id=link.source_article_id, page__in=pages).update(
        source_updated_at=None, source_version_at_publication=None
    )


def diff_lines(diff: str) -> list[tuple[str, str]]:
    """(css class, line) pairs for showing a unified diff in the admin."""
    lines = []
    for line in diff.splitlines():
        if line.startswith(("+++", "---")):
            kind = "meta"
        elif line.startswith("@@"):
            kind = "hunk"
        elif line.startswith("+"):
            kind = "added"
        elif line.startswith("-"):
            kind = "removed"
        else:
            kind = "context"
        lines.append((kind, line))
    return lines
