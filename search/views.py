"""Reader search pages and the JSON search API: thin wrappers over `search.query`."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from .params import (
    clean_text,
    cross_requested,
    filters_from,
    other_language_names,
    parse_day,
    searchable_sections,
    section_options,
)
from .query import parse_page_number, run_search
from .ratelimit import rate_limited

API_PAGE_SIZE = 10


@require_GET
@rate_limited
def search(request):
    """/<lang>/search/?q=: results in the reader's language (all=1 for every language)."""
    language = translation.get_language() or "en"
    query = clean_text(request.GET.get("q"))
    cross = cross_requested(request.GET)
    filters = filters_from(request.GET, language, cross=cross)
    outcome = run_search(
        query,
        filters,
        page=parse_page_number(request.GET.get("page")),
        request=request,
        cross=cross,
    )
    params = request.GET.copy()
    params.pop("page", None)
    sections = searchable_sections(filters.languages, request)
    context = {
        "query": query,
        "search_query": query,
        "outcome": outcome,
        "first_number": (outcome.page - 1) * outcome.page_size + 1,
        "filters": filters,
        "include_all": len(filters.languages) > 1,
        "cross": cross,
        "other_languages": other_language_names(language),
        "sections": sections,
        "section_options": section_options(sections, filters.section_id),
        "date_from": request.GET.get("from", "") if parse_day(request.GET.get("from")) else "",
        "date_to": request.GET.get("to", "") if parse_day(request.GET.get("to")) else "",
        "pagination_query": params.urlencode(),
    }
    return render(request, "search/search.html", context)


@require_GET
@rate_limited
def api_search(request):
    """GET /api/search?q=&lang=&page= -> {"count": N, "results": [...]}, for headless use."""
    query = clean_text(request.GET.get("q"))
    language = translation.get_language() or "en"
    cross = cross_requested(request.GET)
    filters = filters_from(
        request.GET, language, languages_param=request.GET.get("lang", "all"), cross=cross
    )
    outcome = run_search(
        query,
        filters,
        page=parse_page_number(request.GET.get("page")),
        page_size=API_PAGE_SIZE,
        request=request,
        cross=cross,
    )
    payload = {
        "cross": cross,
        "count": outcome.count,
        "page": outcome.page,
        "num_pages": outcome.num_pages,
        "results": [
            {
                "url": request.build_absolute_uri(r.url) if r.url else "",
                "title": r.plain_title,
                "lang": r.language,
                "published_at": r.published_at.isoformat() if r.published_at else None,
                "snippet": str(r.snippet),
                "score": r.score,
                "semantic_only": r.semantic_only,
            }
            for r in outcome.results
        ],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex"
    return response
