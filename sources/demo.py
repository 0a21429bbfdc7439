"""Fictional outlets whose feeds the demo site serves itself (sources/static/demo-feeds/).

So a newcomer sees ingest work offline: `make demo` serves these static files on
http://127.0.0.1:$PORT/static/demo-feeds/ and the polling task ingests them from there. The
texts are original and the outlets fictional; feed links are relative, so the same files work
on any host and port.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from .ingest.outlets import default_locale
from .models import Feed, Outlet

DEMO_FEED_PATH = "demo-feeds"


@dataclass(frozen=True)
class DemoOutlet:
    name: str
    language: str
    feed_file: str
    homepage: str


DEMO_OUTLETS = (
    DemoOutlet("Nordkurier Velmora", "de", "nordkurier.xml", "https://nordkurier.example.org/"),
    DemoOutlet(
        "Harbour Gazette", "en", "harbour-gazette.xml", "https://harbour-gazette.example.org/"
    ),
    DemoOutlet(
        "Ладожский вестник", "ru", "ladoga-vestnik.xml", "https://ladoga-vestnik.example.org/"
    ),
)


def demo_feed_url(base_url: str, outlet: DemoOutlet) -> str:
    return f"{base_url.rstrip('/')}{settings.STATIC_URL}{DEMO_FEED_PATH}/{outlet.feed_file}"


def install_demo_feeds(base_url: str, *, poll_interval_minutes: int = 15) -> list[Feed]:
    """Create the demo outlets and their feeds at ``base_url`` (idempotent; no network)."""
    locale = default_locale()
    feeds = []
    for demo in DEMO_OUTLETS:
        outlet, _created = Outlet.objects.get_or_create(
            name=demo.name,
            locale=locale,
            defaults={"language": demo.language, "homepage": demo.homepage},
        )
        feed, _created = Feed.objects.get_or_create(
            url=demo_feed_url(base_url, demo),
            defaults={"outlet": outlet, "poll_interval_minutes": poll_interval_minutes},
        )
        feeds.append(feed)
    return feeds
