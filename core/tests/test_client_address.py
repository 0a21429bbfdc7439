"""Who the client is behind N trusted proxies, and that a forged X-Forwarded-For changes nothing."""

import pytest
from django.test import RequestFactory, override_settings

from core.client_address import client_address

factory = RequestFactory()


def request(remote="10.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return factory.get("/", **extra)


@override_settings(NEWSDESK_TRUSTED_PROXY_COUNT=0)
def test_without_proxies_the_header_is_ignored():
    assert client_address(request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # one proxy: it appended the client's address last; anything before is the client's own
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.1.1.1, 203.0.113.9", "203.0.113.9"),
        (1, "1.1.1.1,2.2.2.2 ,  203.0.113.9", "203.0.113.9"),
        # two proxies: the outer one appended the client, the inner one the outer proxy
        (2, "203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        # shorter than the proxy count: the left-most value was still written by our proxy
        (2, "203.0.113.9", "203.0.113.9"),
        # ports and IPv6 forms are normalised, so they cannot make new buckets
        (1, "203.0.113.9:4711", "203.0.113.9"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, "2001:DB8:0::1", "2001:db8::1"),
    ],
)
def test_the_right_most_untrusted_hop_is_the_client(proxies, forwarded, expected):
    with override_settings(NEWSDESK_TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request("10.0.0.1", forwarded)) == expected


@pytest.mark.parametrize(
    "forwarded", ["", " , ,", "not-an-address", "1.1.1.1, <script>", "x" * 5000, "\x00"]
)
def test_malformed_headers_fall_back_to_the_proxy_address(forwarded):
    with override_settings(NEWSDESK_TRUSTED_PROXY_COUNT=1):
        assert client_address(request("10.0.0.1", forwarded)) == "10.0.0.1"


def test_a_missing_remote_addr_is_one_shared_bucket():
    req = factory.get("/")
    req.META.pop("REMOTE_ADDR", None)
    assert client_address(req) == "unknown"
