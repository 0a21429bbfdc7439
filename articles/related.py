"""The "Don't Miss" block: pinned articles first, then the best related ones.

Ranking here is by shared tags, same section and recency, in one query. An app above articles
may store better neighbours (the search app stores content-similarity ones): it registers a
provider with `register_related_provider` from its ``AppConfig.ready``, and the provider's ids
come before the tag ranking. Without a provider (search not installed) only the ranking here
runs; a broken provider module fails at start-up, not silently here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.http import HttpRequest

from core.fragment_cache import cached_for_page

from .models import ArticlePage

RelatedProvider = Callable[[ArticlePage], list[int]]
_providers: list[RelatedProvider] = []


def register_related_provider(provider: RelatedProvider) -> None:
    """Add a source of stored related page ids (best first); providers are asked in order."""
    if provider not in _providers:
        _providers.append(provider)


def stored_related_ids(page: ArticlePage) -> list[int]:
    """Related page ids the registered providers stored for `page`, best first (empty if none)."""
    ids: list[int] = []
    for provider in _providers:
        ids.extend(pk for pk in provider(page) if pk not in ids)
    return ids


def related_ids(page: ArticlePage, limit: int = 4) -> list[int]:
    """Ids of up to `limit` other published articles in the page's language, best first.

    Pinned ones first, then stored content-similarity neighbours, then shared tags, same section
    and recency. This is the query-heavy part; `related_articles` caches its result.
    """
    base = ArticlePage.objects.published().in_locale(page.locale_id).exclude(pk=page.pk)

    pinned_ids = list(
        page.pinned_related.order_by("sort_order").values_list("related_id", flat=True)
    )
    computed_ids = [pk for pk in stored_related_ids(page) if pk not in pinned_ids]
    wanted = list(dict.fromkeys(pinned_ids + computed_ids))
    # Keep only what is still published in this language (a pinned or stored id may not be).
    available = set(base.filter(pk__in=wanted).values_list("pk", flat=True)) if wanted else set()
    chosen = [pk for pk in wanted if pk in available][:limit]
    if len(chosen) >= limit:
        return chosen

    tag_ids = list(page.tagged_items.values_list("tag_id", flat=True))
    section_path = page.path[: -page.steplen]
    candidates = (
        base.exclude(pk__in=chosen)
        .annotate(
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids))
            if tag_ids
            else Value(0, output_field=IntegerField()),
            same_section=Case(
                When(path__startswith=section_path, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .with_effective_date()
        .order_by("-shared_tags", "-same_section", "-sort_date", "-pk")
        .values_list("pk", flat=True)
    )
    chosen += list(candidates[: limit - len(chosen)])
    return chosen


def cached_related_ids(
    page: ArticlePage, limit: int = 4, request: HttpRequest | None = None
) -> list[int]:
    """`related_ids`, cached per page version and content generation (one cache read warm)."""
    return cached_for_page(
        "related", page, lambda: related_ids(page, limit), request=request, extra=str(limit)
    )


def related_articles(
    page: ArticlePage, limit: int = 4, request: HttpRequest | None = None
) -> list[ArticlePage]:
    """Up to `limit` other published articles in the page's language for "Don't Miss".

    The choice of ids is cached (core/fragment_cache.py: invalidated on any publish, unpublish,
    delete or view-restriction change); the cards are fetched fresh in two queries. `live()`
    guards against a page unpublished since; privacy changes bump the cache generation.
    """
    ids = cached_related_ids(page, limit, request)
    if not ids:
        return []
    by_id = {a.pk: a for a in ArticlePage.objects.live().filter(pk__in=ids).for_cards()}
    return [by_id[pk] for pk in ids if pk in by_id]
