"""Admin forms (model validation) accept only http(s) URLs for outlets, feeds and source articles;
one stored before the checks never becomes a live link on the article page."""

import pytest
from django.core.exceptions import ValidationError

from sources.models import Feed, Outlet, SourceArticle
from sources.testing.factories import make_outlet, make_source_article

HOSTILE = ["javascript:alert(1)", "data:text/html,x", "ftp://outlet.example.org/", "vbscript:x"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", HOSTILE)
def test_model_validation_refuses_non_web_urls(url):
    outlet = make_outlet()
    outlet.homepage = url
    with pytest.raises(ValidationError) as error:
        outlet.full_clean()
    assert "homepage" in error.value.message_dict
    feed = Feed(outlet=outlet, url=url)
    with pytest.raises(ValidationError) as error:
        feed.full_clean()
    assert "url" in error.value.message_dict
    article = make_source_article(outlet)
    for field in ("url", "link", "lead_image_url"):
        setattr(article, field, url)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert {"url", "link", "lead_image_url"} <= set(error.value.message_dict)


@pytest.mark.django_db
def test_web_urls_pass_model_validation():
    outlet = make_outlet(homepage="https://outlet.example.org/")
    outlet.full_clean()
    assert Outlet.objects.filter(pk=outlet.pk).exists()
    assert isinstance(make_source_article(outlet), SourceArticle)
