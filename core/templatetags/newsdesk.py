"""Template tags for the reader-facing layout."""

from django import template

from core.footer import footer_links as registered_footer_links
from core.fragment_cache import cached_for_page
from core.i18n import active_language, page_alternates, path_alternates
from core.safe_urls import safe_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Alternates for the current page (translations) or view (same path, other prefix).

    Memoised on the request: the header switch and the <head> hreflang links share one query.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_newsdesk_alternates", None)
    if cached is not None:
        return cached
    override = context.get("alternates_override")
    if override is not None:
        request._newsdesk_alternates = override
        return override
    page = context.get("page")
    if (
        page is not None
        and getattr(page, "translation_key", None)
        and not context.get("alternates_from_path")
    ):
        # Keyed on the page's version and the content generation, which every publish,
        # unpublish, move or delete replaces: a new translation shows up on the next request.
        alternates = cached_for_page(
            "alternates",
            page,
            lambda: page_alternates(page, request),
            request=request,
            per_host=True,
        )
    else:
        alternates = path_alternates(request)
    request._newsdesk_alternates = alternates
    return alternates


@register.simple_tag
def other_languages(alternates):
    current = active_language()
    return [a for a in alternates if a.language != current]


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.filter(name="safe_url")
def safe_url_filter(value, fallback: str = ""):
    """`{{ url|safe_url }}`: the URL if it is http(s) or site-relative, else "" (no live link)."""
    return safe_url(value, fallback)


@register.simple_tag
def footer_links():
    """The active language's footer links (core/footer.py)."""
    return registered_footer_links(active_language())
