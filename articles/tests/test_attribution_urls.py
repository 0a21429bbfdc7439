"""A source URL that is not http(s) (stored before the checks existed) is no link anywhere on
the article page: neither in the attribution block nor in the JSON-LD `isBasedOn`."""

import json
import re

import pytest

from articles.testing.factories import make_article
from sources.testing.factories import make_source_article


@pytest.mark.django_db
def test_a_javascript_source_url_renders_as_plain_text(client):
    bad = make_source_article(url="javascript:alert(document.cookie)", title="Bad original")
    good = make_source_article(url="https://outlet.example.org/good", title="Good original")
    article = make_article(sources=[bad, good])
    html = client.get(article.url).content.decode()
    assert "javascript:" not in html.lower()
    assert "Bad original" in html
    assert 'href="https://outlet.example.org/good"' in html
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if "isBasedOn" in data:
            assert data["isBasedOn"] == ["https://outlet.example.org/good"]
