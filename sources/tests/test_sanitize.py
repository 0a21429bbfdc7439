"""The nh3 sanitizer: hostile markup never survives, ordinary article markup does."""

from __future__ import annotations

import re

import pytest

from sources.sanitize import (
    ARTICLE_BODY,
    IMPORTED_ARCHIVE,
    PLAIN_TEXT,
    html_to_text,
    sanitize_html,
)

PAGE = "https://news.example.org/world/2024/story.html"

HOSTILE = {
    "script tag": "<p>Hello</p><script>alert(1)</script>",
    "script with src": '<script src="https://evil.example/x.js"></script><p>ok</p>',
    "img onerror": '<img src="a.jpg" onerror="alert(1)">',
    "body onload": '<body onload="alert(1)"><p>x</p></body>',
    "javascript link": '<a href="javascript:alert(1)">click</a>',
    "mixed case javascript": '<a href="JaVaScRiPt:alert(1)">click</a>',
    "entity encoded javascript": '<a href="&#106;&#97;vascript:alert(1)">click</a>',
    "hex entity javascript": '<a href="&#x6A;avascript&#x3A;alert(1)">click</a>',
    "tab inside javascript": '<a href="java&#x09;script:alert(1)">click</a>',
    "newline inside javascript": '<a href="java\nscript:alert(1)">click</a>',
    "leading space javascript": '<a href="  javascript:alert(1)">click</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">click</a>',
    "data url link": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "data url image": '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "svg onload": '<svg onload="alert(1)"><circle r="4"/></svg><p>after</p>',
    "svg script": "<svg><script>alert(1)</script></svg>",
    "svg foreignObject": "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
    "mathml href": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "iframe": '<iframe src="https://evil.example/"></iframe><p>text</p>',
    "srcdoc iframe": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object embed": '<object data="evil.swf"></object><embed src="evil.swf">',
    "style tag": "<style>body{background:url(javascript:alert(1))}</style><p>x</p>",
    "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "form action": '<form action="javascript:alert(1)"><button>go</button></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base tag": '<base href="javascript:alert(1)//">',
    "nested script split": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "unclosed attribute trick": '<img src="x" alt="a" onerror=alert(1) //>',
    "comment trick": "<!--<img src=x onerror=alert(1)>--><p>x</p>",
    "template": "<template><img src=x onerror=alert(1)></template>",
    "noscript parser differential": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "link rel import": '<link rel="import" href="https://evil.example/x.html">',
    "formaction": '<button formaction="javascript:alert(1)">x</button>',
    "width expression": '<img src="a.jpg" width="expression(alert(1))">',
}

_ACTIVE = re.compile(
    r"<\s*(script|style|svg|math|iframe|object|embed|form|button|meta|base|link|template)\b"
    r"|\son\w+\s*=|javascript:|vbscript:|data:|srcdoc|formaction|style\s*=|expression\(",
    re.IGNORECASE,
)


@pytest.mark.parametrize("html", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_comes_out_inert(html):
    cleaned = sanitize_html(html, base_url=PAGE)
    assert not _ACTIVE.search(cleaned), cleaned
    # and cleaning is stable: a second pass changes nothing left to exploit
    assert sanitize_html(cleaned, base_url=PAGE) == cleaned


def test_text_next_to_removed_payload_is_kept():
    assert sanitize_html('<svg onload="alert(1)"><circle r="4"/></svg><p>after</p>') == (
        "<p>after</p>"
    )
    assert sanitize_html("<p>Hello</p><script>alert(1)</script>") == "<p>Hello</p>"


def test_article_markup_survives():
    html = (
        "<h2>Subhead</h2><p>First <em>para</em> with <strong>bold</strong> and "
        '<a href="https://example.com/x">a link</a>.</p><ul><li>one</li><li>two</li></ul>'
        "<blockquote><p>Quote</p></blockquote>"
        '<figure><img src="https://cdn.example.com/p.jpg" alt="Photo" width="640" height="480">'
        "<figcaption>Caption</figcaption></figure>"
        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    )
    cleaned = sanitize_html(html)
    for fragment in (
        "<h2>Subhead</h2>",
        "<em>para</em>",
        "<strong>bold</strong>",
        "<li>one</li>",
        "<blockquote><p>Quote</p></blockquote>",
        '<img src="https://cdn.example.com/p.jpg" alt="Photo" width="640" height="480">',
        "<figcaption>Caption</figcaption>",
        "<th>A</th>",
        "<td>1</td>",
    ):
        assert fragment in cleaned


def test_links_get_rel_noopener_nofollow_and_keep_safe_schemes():
    cleaned = sanitize_html('<a href="https://example.com/">x</a><a href="mailto:a@b.org">m</a>')
    assert cleaned.count('rel="noopener nofollow"') == 2
    assert 'href="https://example.com/"' in cleaned
    assert 'href="mailto:a@b.org"' in cleaned


def test_relative_urls_resolve_against_the_page():
    cleaned = sanitize_html('<a href="../other.html">o</a><img src="/img/p.jpg">', base_url=PAGE)
    assert 'href="https://news.example.org/world/other.html"' in cleaned
    assert 'src="https://news.example.org/img/p.jpg"' in cleaned


def test_relative_urls_stay_relative_without_a_usable_base():
    assert 'href="/a"' in sanitize_html('<a href="/a">a</a>')
    assert 'href="/a"' in sanitize_html('<a href="/a">a</a>', base_url="javascript:alert(1)")


def test_disallowed_attributes_are_dropped():
    cleaned = sanitize_html('<p class="x" id="y" data-track="z" title="t">p</p>')
    assert cleaned == '<p title="t">p</p>'


def test_html_to_text_keeps_paragraph_breaks():
    text = html_to_text(
        "<h2>Head</h2><p>One\n  two</p><p>Line<br>break</p><ul><li>a</li><li>b</li></ul>"
        "<script>var x = 1;</script><p>end</p>"
    )
    assert text == "Head\n\nOne two\n\nLine\nbreak\n\na\n\nb\n\nend"


def test_html_to_text_of_nothing_is_empty():
    assert html_to_text("") == ""
    assert html_to_text("   ") == ""


def test_named_policies_keep_what_their_input_needs_and_nothing_active():
    hostile = (
        '<p onclick="x()">A <a href="/r" class="c">link</a> <em>b</em><script>s()</script></p>'
    )

    assert sanitize_html(hostile, PLAIN_TEXT) == "A link b"
    imported = sanitize_html(hostile, IMPORTED_ARCHIVE)
    assert imported == 'A <a href="/r" rel="noopener noreferrer">link</a> <em>b</em>'
    body = sanitize_html(hostile, ARTICLE_BODY, base_url="https://outlet.example.org/x/")
    assert body == (
        '<p>A <a href="https://outlet.example.org/r" rel="noopener nofollow">link</a> '
        "<em>b</em></p>"
    )
