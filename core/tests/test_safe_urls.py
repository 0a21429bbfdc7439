"""Only http(s) URLs become links: the checks where URLs enter and the filter where they render."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from core.safe_urls import http_url_validator, is_http_url, require_http_url, safe_url

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "ftp://outlet.example.org/story",
    "//",
    "http://[::1",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_schemes_are_refused_everywhere(url):
    assert not is_http_url(url)
    assert safe_url(url) == ""
    with pytest.raises(ValidationError):
        require_http_url(url)
    with pytest.raises(ValidationError):
        http_url_validator(url)


@pytest.mark.parametrize(
    "url",
    ["https://outlet.example.org/story?id=1#top", "http://outlet.example.org/", "HTTPS://A.ORG/"],
)
def test_web_urls_pass(url):
    assert is_http_url(url)
    assert safe_url(url) == url
    assert require_http_url(f"  {url} ") == url
    http_url_validator(url)


@pytest.mark.parametrize("url", ["/en/world/ferry/", "?page=2", "#main", "ferry/"])
def test_site_relative_urls_render(url):
    assert safe_url(url) == url
    assert not is_http_url(url)  # but they are no outlet address


def test_the_template_filter_drops_a_javascript_link():
    template = Template('{% load newsdesk %}<a href="{{ url|safe_url }}">x</a>')
    assert template.render(Context({"url": "javascript:alert(1)"})) == '<a href="">x</a>'
    assert (
        template.render(Context({"url": "https://a.example.org/?a=1&b=2"}))
        == '<a href="https://a.example.org/?a=1&amp;b=2">x</a>'
    )
