"""Template helpers of the article pages."""

from django import template

register = template.Library()


@register.filter
def author_url(author, language: str) -> str:
    """`{{ author|author_url:page.language }}`: the byline's link ("" when the author has no
    page yet). The language is the page's, so no query asks for the author's locale."""
    return author.url_in(language) if author is not None else ""
