"""Watch lists: saved inbox searches that tell their owner when a matching source arrives.

A match is recorded once per (watch, source article): a corrected version of an article that
already matched does not notify again (`WatchMatch`'s unique constraint makes it so even when
two ingest runs overlap). The owner sees unseen matches on the admin dashboard and gets them by
e-mail at the watch's rhythm (`send_due_digests`, a periodic job).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from search.semantic.service import search_source_articles
from sources.models import SourceArticle

from .inbox_search import parse, query_language
from .models import SourceTerms, Watch, WatchMatch

DIGEST_INTERVALS = {
    Watch.Digest.HOURLY: timedelta(hours=1),
    Watch.Digest.DAILY: timedelta(days=1),
}
DIGEST_MAX_ITEMS = 50


def _article_terms(article: SourceArticle) -> set[str]:
    row = SourceTerms.objects.filter(source_article=article).first()
    if row is None:
        return set()
    return set(row.title_terms.split()) | set(row.body_terms.split())


def watch_applies_to(watch: Watch, article: SourceArticle) -> bool:
    """Outlet and language conditions of the watch (empty: any)."""
    if watch.languages and (article.language or article.outlet.language) not in watch.languages:
        return False
    outlet_keys = {o.translation_key for o in watch.outlets.all()}
    return not outlet_keys or article.outlet.translation_key in outlet_keys


def words_match(watch: Watch, terms: set[str]) -> bool:
    query = parse(watch.query)
    return bool(query) and all(not terms.isdisjoint(w.terms) for w in query.all_words)


def match_article(article: SourceArticle) -> list[WatchMatch]:
    """Record the matches of one (already analysed) source article; returns the new ones."""
    terms = _article_terms(article)
    created = []
    watches = Watch.objects.filter(active=True).prefetch_related("outlets")
    for watch in watches:
        if not watch_applies_to(watch, article) or not words_match(watch, terms):
            continue
        match = _record(watch, article, cross_language=False)
        if match is not None:
            created.append(match)
    return created


def match_cross_language(now=None) -> list[WatchMatch]:
    """Sources in other languages on a watch's subject (shared semantic index), arrived since
    the watch was made; recorded once, marked as found by meaning. Run before each digest:
    ingest gives a source its vector only after clustering, so this cannot happen at ingest."""
    created = []
    watches = Watch.objects.filter(active=True, cross_language=True).prefetch_related("outlets")
    for watch in watches:
        hits = search_source_articles(
            watch.query,
            languages=tuple(watch.languages),
            limit=50,
            min_similarity=float(settings.NEWSDESK_INBOX_SEMANTIC_MIN_SIMILARITY),
        )
        language = query_language(watch.query)
        keys = [hit.key for hit in hits if hit.language != language]
        articles = SourceArticle.objects.filter(
            pk__in=keys, first_seen_at__gte=watch.created_at
        ).select_related("outlet")
        for article in articles:
            if watch_applies_to(watch, article):
                match = _record(watch, article, cross_language=True)
                if match is not None:
                    created.append(match)
    return created


def _record(watch: Watch, article: SourceArticle, *, cross_language: bool) -> WatchMatch | None:
    if WatchMatch.objects.filter(watch=watch, source_article=article).exists():
        return None
    try:
        with transaction.atomic():
            return WatchMatch.objects.create(
                watch=watch, source_article=article, cross_language=cross_language
            )
    except IntegrityError:  # another run recorded it first
        return None


def unseen_matches(user) -> QuerySet[WatchMatch]:
    return WatchMatch.objects.filter(watch__owner=user, seen_at__isnull=True).select_related(
        "watch", "source_article__outlet"
    )


def mark_seen(user, match_ids: list[int] | None = None) -> int:
    matches = WatchMatch.objects.filter(watch__owner=user, seen_at__isnull=True)
    if match_ids is not None:
        matches = matches.filter(pk__in=match_ids)
    return matches.update(seen_at=timezone.now())


def _due(watch: Watch, now) -> bool:
    interval = DIGEST_INTERVALS.get(watch.digest)
    if interval is None:
        return False
    return watch.last_digest_at is None or watch.last_digest_at + interval <= now


def send_due_digests(now=None) -> int:
    """E-mail every owner the matches of their due watches not mailed yet; returns mails sent.

    One mail per owner (all their due watches), through Django's mail settings. Matches are
    marked mailed only after the mail went out, so a failing mail server retries next run.
    """
    now = now or timezone.now()
    per_owner: dict[int, list[Watch]] = defaultdict(list)
    for watch in Watch.objects.filter(active=True).exclude(digest=Watch.Digest.NEVER):
        if _due(watch, now):
            per_owner[watch.owner_id].append(watch)
    sent = 0
    for watches in per_owner.values():
        owner = watches[0].owner
        pending = list(
            WatchMatch.objects.filter(watch__in=watches, emailed_at__isnull=True)
            .select_related("watch", "source_article__outlet")
            .order_by("watch__name", "-matched_at")[:DIGEST_MAX_ITEMS]
        )
        if pending and owner.email:
            subject, body = _digest_text(owner, pending)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [owner.email])
            WatchMatch.objects.filter(pk__in=[m.pk for m in pending]).update(emailed_at=now)
            sent += 1
        Watch.objects.filter(pk__in=[w.pk for w in watches]).update(last_digest_at=now)
    return sent


def _digest_text(owner, matches: list[WatchMatch]) -> tuple[str, str]:
    language = getattr(getattr(owner, "wagtail_userprofile", None), "preferred_language", "")
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with override(language or settings.LANGUAGE_CODE):
        subject = _("Newsdesk: %(count)d new articles on your watch lists") % {
            "count": len(matches)
        }
        lines = []
        current = None
        for match in matches:
            if match.watch_id != current:
                current = match.watch_id
                lines.extend(["", f"{match.watch.name} ({match.watch.query})"])
            article = match.source_article
            url = reverse("wagtailsnippets_sources_sourcearticle:inspect", args=[article.pk])
            marker = f" [{_('other language')}]" if match.cross_language else ""
            lines.append(f"- {article.outlet.name}: {article.title}{marker}")
            lines.append(f"  {base}{url}")
    return subject, "\n".join(lines).strip() + "\n"
