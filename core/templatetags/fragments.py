"""`{% fragment "kind" page %}...{% endfragment %}`: rendered HTML cached per page version.

WHY: the costly parts of a reader page (the article body with its rich text expansion, the lead
image's srcset, the card grids) are a pure function of the page's published version and of
content elsewhere that only changes on publish/unpublish/move/delete or a snippet/image edit.
`core.fragment_cache.cached_for_page` keys on exactly that (page version + content generation +
language), so the markup is rendered once and reused until one of those changes. The key also
carries the request's scheme and host because the markup holds URLs. Previews and unsaved pages
bypass the cache (cached_for_page does), so editors always see their edits.

Only wrap markup that depends on nothing else in the request (no user, no CSRF token, no query
string): whatever the wrapped block renders for one reader is served to the next.
"""

from __future__ import annotations

from django import template

from core.fragment_cache import cached_for_page

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, kind, page):
        self.nodelist = nodelist
        self.kind = kind
        self.page = page

    def render(self, context):
        kind = self.kind.resolve(context)
        page = self.page.resolve(context)
        request = context.get("request")
        if page is None or request is None:
            return self.nodelist.render(context)
        return cached_for_page(
            f"html-{kind}",
            page,
            lambda: self.nodelist.render(context),
            request=request,
            per_host=True,
        )


@register.tag
def fragment(parser, token):
    """{% fragment "kind" page %} ... {% endfragment %}"""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a fragment kind and a page: {{% fragment \"body\" page %}}"
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))
