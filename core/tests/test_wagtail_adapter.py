"""The Wagtail internals core/wagtail_adapter.py wraps: fail loudly if an upgrade changes them.

Each test pairs a private attribute with the public API that reads it: if Wagtail (or treebeard,
or Django) renames the attribute or stops reading it, these fail, instead of every reader request
silently costing the queries the adapter exists to save, or getting a wrong answer.
"""

import inspect

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from treebeard.mp_tree import MP_Node
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core import wagtail_adapter
from core.routing import forget_all, site_for_request

pytestmark = pytest.mark.django_db


def request_for(host: str, **extra):
    return RequestFactory().get("/en/", HTTP_HOST=host, **extra)


def test_the_public_lookups_still_read_the_attributes_we_set():
    assert wagtail_adapter.SITE_ATTRIBUTE in inspect.getsource(Site.find_for_request)
    assert wagtail_adapter.ROUTE_ATTRIBUTE in inspect.getsource(Page.route_for_request)
    assert wagtail_adapter.PARENT_ATTRIBUTE in inspect.getsource(MP_Node.get_parent)
    assert "Page.route_for_request" in inspect.getsource(wagtail_views.serve)
    # The host Wagtail matches Sites on, which site_key() must agree with.
    assert "split_domain_port(request._get_raw_host())[0]" in inspect.getsource(
        Site._find_for_request
    )


def test_the_signatures_we_call_are_unchanged():
    assert list(inspect.signature(Site.find_for_request).parameters) == ["request"]
    assert list(inspect.signature(Page.route_for_request).parameters) == ["request", "path"]
    assert list(inspect.signature(wagtail_views.serve).parameters) == ["request", "path"]
    assert list(inspect.signature(MP_Node.get_parent).parameters) == ["self", "update"]


def test_a_site_set_on_the_request_is_what_wagtail_answers_without_a_query():
    other = Site(hostname="elsewhere.example.org", port=80)
    request = request_for("localhost")
    assert wagtail_adapter.site_set_on_request(request) is wagtail_adapter.NOT_SET
    wagtail_adapter.set_site_on_request(request, other)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is other
    assert len(queries) == 0
    assert wagtail_adapter.site_set_on_request(request) is other


@pytest.mark.parametrize(
    ("host", "extra"),
    [
        ("localhost", {}),
        ("news.example.org", {}),
        ("NEWS.example.org:8080", {}),
        ("news.example.org:8080", {}),
        ("unknown.example.net", {}),
        ("news.example.org", {"SERVER_PORT": "443", "wsgi.url_scheme": "https"}),
    ],
)
def test_remembered_sites_equal_wagtails_own_answer(host, extra):
    root = Page.objects.get(depth=1).get_children().first()
    Site.objects.create(hostname="news.example.org", port=80, root_page=root)
    Site.objects.create(hostname="news.example.org", port=8080, root_page=root)
    forget_all()
    for _ in range(2):  # cold, then from the snapshot
        expected = Site.find_for_request(request_for(host, **extra))
        assert site_for_request(request_for(host, **extra)) == expected
    forget_all()


def test_a_route_set_on_the_request_is_what_wagtail_serves():
    page = Page.objects.get(depth=2)
    request = request_for("localhost")
    assert not wagtail_adapter.route_set_on_request(request)
    wagtail_adapter.set_route_on_request(request, (page, ["a"], {"b": 1}))
    assert wagtail_adapter.route_set_on_request(request)
    with CaptureQueriesContext(connection) as queries:
        assert Page.route_for_request(request, "/any/path/") == (page, ["a"], {"b": 1})
    assert len(queries) == 0

    missing = request_for("localhost")
    wagtail_adapter.set_route_on_request(missing, None)
    with pytest.raises(Http404):
        wagtail_views.serve(missing, "/any/path/")


def test_a_known_parent_is_what_get_parent_answers_without_a_query():
    child = Page.objects.get(depth=2)
    stand_in = Page(title="stand-in", path="0001", depth=1)
    wagtail_adapter.set_known_parent(child, stand_in)
    with CaptureQueriesContext(connection) as queries:
        assert child.get_parent() is stand_in
    assert len(queries) == 0
