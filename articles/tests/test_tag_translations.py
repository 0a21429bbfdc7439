"""Tag pages' language switch and hreflang follow an explicit tag translation link."""

from __future__ import annotations

import importlib
import re
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from taggit.models import Tag

from articles.models import TagTranslation
from articles.tag_translations import link_tag_names, link_tags
from articles.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def switch_and_hreflang(client, url: str) -> tuple[str, list[tuple[str, str]]]:
    html = client.get(url).content.decode()
    switch = re.search(r'<a href="([^"]+)"[^>]*class="language-switch"', html).group(1)
    hreflang = re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html)
    return switch, hreflang


@pytest.fixture
def science_and_climate(db):
    """The bug's shape: most translated Science articles are tagged Климат in Russian as
    well as Наука, so guessing from translated articles picked the wrong tag."""
    section_en, section_ru = make_section("en"), make_section("ru")
    pairs = []
    for i in range(3):
        en = make_article(section_en, tags=["Science"], title=f"Science {i}")
        ru = make_article(
            section_ru,
            language="ru",
            tags=["Климат", "Наука"] if i else ["Наука"],
            title=f"Наука {i}",
            translation_of=en,
        )
        pairs.append((en, ru))
    make_article(section_ru, language="ru", tags=["Климат"], title="Климат")
    return pairs


def test_the_tag_switch_links_the_translated_tag(client, science_and_climate):
    science, nauka = Tag.objects.get(name="Science"), Tag.objects.get(name="Наука")
    assert link_tags(science, "en", nauka, "ru")

    switch, hreflang = switch_and_hreflang(client, f"/en/tags/{science.slug}/")
    assert switch == f"/ru/tags/{quote(nauka.slug)}/"
    assert ("ru", f"http://testserver/ru/tags/{quote(nauka.slug)}/") in hreflang
    # And back, from the translation to the original.
    switch, hreflang = switch_and_hreflang(client, f"/ru/tags/{quote(nauka.slug)}/")
    assert switch == f"/en/tags/{science.slug}/"
    assert ("en", f"http://testserver/en/tags/{science.slug}/") in hreflang


def test_an_unlinked_tag_switches_to_the_home_page_and_claims_no_hreflang(
    client, science_and_climate
):
    climate = Tag.objects.get(name="Климат")
    switch, hreflang = switch_and_hreflang(client, f"/ru/tags/{quote(climate.slug)}/")
    assert switch == "/en/"
    assert [lang for lang, _url in hreflang] == ["ru"]


def test_linking_checks_languages_and_never_overwrites_a_link(science_and_climate):
    science, nauka = Tag.objects.get(name="Science"), Tag.objects.get(name="Наука")
    climate = Tag.objects.get(name="Климат")
    assert link_tags(science, "en", nauka, "ru")
    assert not link_tags(science, "en", nauka, "ru")  # already there
    assert not link_tags(science, "en", climate, "ru")  # Science has its Russian tag
    original = TagTranslation.objects.get(tag=science)
    wrong = TagTranslation(tag=climate, language="en", translation_of=original)
    with pytest.raises(ValidationError):
        wrong.full_clean()  # same language as the original
    second = TagTranslation(tag=climate, language="ru", translation_of=original)
    with pytest.raises(ValidationError):
        second.full_clean()  # one translation per language


def test_demo_tag_lists_are_linked_by_position(db):
    make_article(tags=["Transport", "Labour"])
    make_article(make_section("ru"), language="ru", tags=["Транспорт", "Труд"])
    made = link_tag_names({"en": ["Transport", "Labour"], "ru": ["Транспорт", "Труд"]}, "en")
    assert made == 2
    assert TagTranslation.objects.get(tag__name="Труд").translation_of.tag.name == "Labour"
    assert link_tag_names({"en": ["Transport"], "ru": ["Транспорт"]}, "en") == 0


def test_the_data_migration_links_tags_of_translated_articles_only_when_unambiguous(db):
    section_en, section_ru = make_section("en"), make_section("ru")
    for i in range(2):
        en = make_article(section_en, tags=["Energy", "Prices"], title=f"E{i}")
        make_article(
            section_ru,
            language="ru",
            tags=["Энергетика", "Цены"],
            title=f"Э{i}",
            translation_of=en,
        )
    # "Science" pairs with Наука once and with Климат once: ambiguous, left for an editor.
    for ru_tag in ("Наука", "Климат"):
        en = make_article(section_en, tags=["Science"], title=f"S {ru_tag}")
        make_article(section_ru, language="ru", tags=[ru_tag], title=ru_tag, translation_of=en)

    migration = importlib.import_module("articles.migrations.0006_link_tags_and_author_slugs")
    migration.link_existing_tags(apps, None)

    links = {
        link.tag.name: link.translation_of.tag.name
        for link in TagTranslation.objects.exclude(translation_of=None)
    }
    assert links == {"Энергетика": "Energy", "Цены": "Prices"}
