"""Pagination that never fails on a reader's query string."""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from core import reader_input


def page_number(raw: str | None, num_pages: int) -> int:
    """Clamp whatever `?page=` holds (abc, 0, -3, 99999, empty) to a valid page number."""
    return reader_input.clamped_integer(raw, default=1, minimum=1, maximum=max(num_pages, 1))


def paginate(
    request: HttpRequest, object_list: Sequence[Any] | QuerySet, per_page: int, param: str = "page"
) -> Page:
    paginator = Paginator(object_list, per_page)
    return paginator.page(page_number(request.GET.get(param), paginator.num_pages))
