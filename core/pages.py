"""Behaviour shared by the reader page types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import QuerySet

if TYPE_CHECKING:
    from wagtail.models import PageViewRestriction


def any_view_restrictions() -> bool:
    """Whether any page of the site has a view restriction: one indexed row read, no ORM.

    WHY: Wagtail checks every served page for restrictions on itself and its ancestors, which
    costs two ORM queries per request. A news site almost never restricts pages, so the common
    answer "none anywhere" is found with the cheapest possible query, on every request (never
    cached: a restriction an editor adds must apply to the very next reader).
    """
    from wagtail.models import PageViewRestriction

    table = connection.ops.quote_name(PageViewRestriction._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608 - table name from the model
        return cursor.fetchone() is not None


class ViewRestrictionsMixin:
    """Skips Wagtail's per-page restriction queries when the site has no restriction at all."""

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        if not any_view_restrictions():
            from wagtail.models import PageViewRestriction

            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()  # type: ignore[misc]
