"""The "Don't Miss" block: pinned articles first, then the best related ones.

Ranking here is by shared tags, same section and recency, in one query. The search app may
store content-similarity neighbours for a page (see `stored_related_ids`); when present they are
used instead, still served with one query.
"""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Q, Value, When

from .models import ArticlePage


def stored_related_ids(page) -> list[int]:
    """Related page ids precomputed by content similarity, best first (empty when none)."""
    try:
        from search.related import stored_related_ids as lookup
    except ImportError:
        return []
    return lookup(page)


def related_articles(page, limit: int = 4) -> list[ArticlePage]:
    """Up to `limit` other published articles in the page's language for "Don't Miss"."""
    base = ArticlePage.objects.published().in_locale(page.locale).exclude(pk=page.pk)

    pinned_ids = list(
        page.pinned_related.order_by("sort_order").values_list("related_id", flat=True)
    )
    computed_ids = [pk for pk in stored_related_ids(page) if pk not in pinned_ids]
    wanted = (pinned_ids + computed_ids)[:limit]

    if len(wanted) >= limit:
        by_id = {a.pk: a for a in base.filter(pk__in=wanted).for_cards()}
        chosen = [by_id[pk] for pk in wanted if pk in by_id]
        if len(chosen) >= limit:
            return chosen

    tag_ids = list(page.tagged_items.values_list("tag_id", flat=True))
    section_path = page.path[: -page.steplen]
    candidates = (
        base.annotate(
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
        .for_cards()
    )
    pool = list(base.filter(pk__in=wanted).for_cards()) if wanted else []
    by_id = {a.pk: a for a in pool}
    chosen = [by_id[pk] for pk in wanted if pk in by_id]
    seen = {a.pk for a in chosen}
    for article in candidates[: limit + len(seen)]:
        if len(chosen) >= limit:
            break
        if article.pk not in seen:
            chosen.append(article)
            seen.add(article.pk)
    return chosen
