"""A small bilingual newsroom for distribution tests: sections, tags, pictures, a translation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.testing.factories import make_article, make_author, make_section
from core.testing.factories import make_image
from sources.testing.factories import make_outlet, make_source_article


@pytest.fixture
def newsroom(db):
    """English and Russian articles in World and Economy; one pair are translations of each other.

    Dates are relative to now so the Google News 48-hour window has articles on both sides.
    """
    now = timezone.now()
    outlet = make_outlet(name="Harbour Gazette")
    source_a = make_source_article(outlet, url="https://harbour.example.org/port", title="Port")
    source_b = make_source_article(outlet, url="https://harbour.example.org/ships", title="Ships")
    image = make_image()
    world_en = make_section("en", title="World", slug="world")
    world_ru = make_section("ru", title="Мир", slug="world", translation_of=world_en)
    economy_en = make_section("en", title="Economy", slug="economy")
    author_en = make_author("Anna Volkova")
    author_ru = make_author(
        "Анна Волкова", language="ru", translation_key=author_en.translation_key
    )
    port_en = make_article(
        world_en,
        title="The port reopens",
        dek="Ships are back in the harbour.",
        sources=[source_a, source_b],
        authors=[author_en],
        tags=["Transport"],
        lead_image=image,
        slug="port-reopens",
        published_at=now - timedelta(hours=30),
    )
    port_ru = make_article(
        world_ru,
        language="ru",
        title="Порт снова открыт",
        dek="Суда вернулись в гавань.",
        sources=[source_a, source_b],
        authors=[author_ru],
        tags=["Transport"],
        lead_image=image,
        slug="port-otkryt",
        translation_of=port_en,
        published_at=now - timedelta(hours=20),
    )
    old_en = make_article(
        world_en,
        title="An old story",
        dek="From last week.",
        tags=["Transport"],
        slug="old-story",
        published_at=now - timedelta(days=6),
    )
    budget_en = make_article(
        economy_en,
        title="Budget talks",
        dek="Numbers are discussed.",
        slug="budget-talks",
        published_at=now - timedelta(hours=2),
    )
    draft_en = make_article(economy_en, title="Unpublished draft", slug="draft", live=False)
    return {
        "now": now,
        "image": image,
        "world_en": world_en,
        "world_ru": world_ru,
        "economy_en": economy_en,
        "port_en": port_en,
        "port_ru": port_ru,
        "old_en": old_en,
        "budget_en": budget_en,
        "draft_en": draft_en,
        "sources": [source_a, source_b],
    }
