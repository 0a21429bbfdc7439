"""Integrity checks for the demo content that `make demo` loads.

The loader trusts this data, so broken references or a missing translation would only show up as
a crash (or a half-built site) at load time. These checks catch that before anyone runs the loader.
"""

import re
from urllib.parse import urlparse

import pytest

from newsroom.demo import content

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN_WORD = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MOTIFS = {"waves", "grid", "circles", "bars", "skyline"}
BLOCK_TYPES = {"paragraph", "subheading", "quote"}
EXAMPLE_HOST = re.compile(r"(^|\.)example\.(org|com|net|de|fr|es|it|pl)$")

OUTLET_KEYS = {o["key"] for o in content.OUTLETS}
AUTHOR_KEYS = {a["key"] for a in content.AUTHORS}
SECTION_KEYS = {s["key"] for s in content.SECTIONS}


def block_texts(block):
    kind, value = block
    if kind == "quote":
        return [value["text"], value["attribution"]]
    return [value]


def article_words(article, lang):
    texts = [t for block in article[lang]["body"] for t in block_texts(block)]
    return len(" ".join(texts).split())


def test_there_are_at_least_eighteen_articles():
    assert len(content.ARTICLES) >= 18


def test_exactly_three_sections_each_with_at_least_five_articles():
    assert len(content.SECTIONS) == 3
    assert SECTION_KEYS == {"world", "politics", "economy"}
    for key in SECTION_KEYS:
        count = sum(1 for a in content.ARTICLES if a["section"] == key)
        assert count >= 5, f"section {key} has only {count} articles"


def test_keys_of_outlets_authors_and_sections_are_unique():
    for items in (content.OUTLETS, content.AUTHORS, content.SECTIONS):
        keys = [i["key"] for i in items]
        assert len(keys) == len(set(keys))
    assert len(content.AGENCIES) == len(set(content.AGENCIES)) >= 3


def test_slugs_are_unique_and_url_safe_in_both_languages():
    en = [a["slug"] for a in content.ARTICLES]
    ru = [a["slug_ru"] for a in content.ARTICLES]
    assert len(en) == len(set(en))
    assert len(ru) == len(set(ru))
    assert not set(en) & set(ru), "an English and a Russian slug collide"
    for slug in en + ru:
        assert LATIN_WORD.match(slug), slug


def test_every_referenced_key_exists():
    for a in content.ARTICLES:
        assert a["section"] in SECTION_KEYS, a["slug"]
        assert 1 <= len(a["authors"]) <= 2, a["slug"]
        assert set(a["authors"]) <= AUTHOR_KEYS, a["slug"]
        assert a["image"]["via"] in OUTLET_KEYS, a["slug"]
        assert a["image"]["agency"] in content.AGENCIES, a["slug"]
        for source in a["sources"]:
            assert source["outlet"] in OUTLET_KEYS, a["slug"]


def test_every_article_has_a_source_and_multi_source_articles_use_different_outlets():
    multi = 0
    for a in content.ARTICLES:
        assert a["sources"], a["slug"]
        outlets = [s["outlet"] for s in a["sources"]]
        assert len(outlets) == len(set(outlets)), a["slug"]
        multi += len(outlets) > 1
    assert multi >= 4


def test_source_language_matches_its_outlet_and_predates_the_article():
    languages = {o["key"]: o["language"] for o in content.OUTLETS}
    for a in content.ARTICLES:
        for source in a["sources"]:
            assert source["language"] == languages[source["outlet"]], a["slug"]
            assert source["hours_ago"] > a["hours_ago"], a["slug"]
            assert source["title"].strip(), a["slug"]


def test_publication_times_are_distinct_and_in_range():
    hours = [a["hours_ago"] for a in content.ARTICLES]
    assert len(hours) == len(set(hours))
    assert all(1 <= h <= 400 for h in hours)


def test_both_languages_have_the_same_block_structure():
    for a in content.ARTICLES:
        en_kinds = [b[0] for b in a["en"]["body"]]
        ru_kinds = [b[0] for b in a["ru"]["body"]]
        assert en_kinds == ru_kinds, a["slug"]
        assert set(en_kinds) <= BLOCK_TYPES, a["slug"]
        for lang in ("en", "ru"):
            assert a[lang]["title"].strip() and a[lang]["dek"].strip(), a["slug"]
            for block in a[lang]["body"]:
                assert all(t.strip() for t in block_texts(block)), a["slug"]
                assert all("<" not in t for t in block_texts(block)), a["slug"]


def test_russian_texts_are_cyrillic_and_english_texts_are_not():
    for a in content.ARTICLES:
        ru = a["ru"]
        assert CYRILLIC.search(ru["title"]) and CYRILLIC.search(ru["dek"]), a["slug"]
        for block in ru["body"]:
            for text in block_texts(block):
                assert CYRILLIC.search(text), (a["slug"], text[:40])
        assert not CYRILLIC.search(a["en"]["title"] + a["en"]["dek"]), a["slug"]
        assert all(CYRILLIC.search(t) for t in a["tags"]["ru"]), a["slug"]
        assert CYRILLIC.search(a["image"]["caption"]["ru"]), a["slug"]
    for item in content.OUTLETS + content.AUTHORS + content.SECTIONS:
        for field in ("name", "title", "bio", "intro"):
            if field in item and field != "name":
                assert CYRILLIC.search(item[field]["ru"]), item["key"]


def test_tags_are_paired_and_reused_across_articles():
    counts = {}
    for a in content.ARTICLES:
        assert 2 <= len(a["tags"]["en"]) <= 3, a["slug"]
        assert len(a["tags"]["en"]) == len(a["tags"]["ru"]), a["slug"]
        for en, ru in zip(a["tags"]["en"], a["tags"]["ru"], strict=True):
            counts.setdefault(en, set()).add(ru)
    # One English tag must always map to the same Russian tag, or tag pages would split.
    assert all(len(ru) == 1 for ru in counts.values()), counts
    reused = [en for en in counts if sum(en in a["tags"]["en"] for a in content.ARTICLES) > 1]
    assert len(reused) >= 5


def test_images_are_well_formed():
    for a in content.ARTICLES:
        image = a["image"]
        assert len(image["colors"]) == 2 and all(HEX_COLOUR.match(c) for c in image["colors"])
        assert image["motif"] in MOTIFS, a["slug"]
        assert image["caption"]["en"].strip() and image["photographer"].strip(), a["slug"]


def all_urls():
    for o in content.OUTLETS:
        yield o["homepage"]
    for a in content.ARTICLES:
        for s in a["sources"]:
            yield s["url"]


@pytest.mark.parametrize("url", list(all_urls()))
def test_urls_point_at_reserved_example_domains(url):
    parsed = urlparse(url)
    assert parsed.scheme == "https"
    assert EXAMPLE_HOST.search(parsed.hostname or ""), url


def test_source_urls_live_on_their_outlets_host():
    hosts = {o["key"]: urlparse(o["homepage"]).hostname for o in content.OUTLETS}
    for a in content.ARTICLES:
        for s in a["sources"]:
            assert urlparse(s["url"]).hostname == hosts[s["outlet"]], a["slug"]


def test_reading_lengths_vary_so_reading_times_differ():
    words = [article_words(a, "en") for a in content.ARTICLES]
    assert min(words) <= 160, "need one very short article"
    assert sum(w >= 700 for w in words) >= 2, "need a few long articles"
    assert sum(250 <= w <= 520 for w in words) >= len(words) // 2


def test_most_articles_have_subheadings_and_about_half_have_a_quote():
    def count(a, kind):
        return sum(1 for b in a["en"]["body"] if b[0] == kind)

    with_subheads = sum(count(a, "subheading") >= 2 for a in content.ARTICLES)
    with_quote = sum(count(a, "quote") >= 1 for a in content.ARTICLES)
    assert with_subheads >= len(content.ARTICLES) * 2 // 3
    assert len(content.ARTICLES) // 3 <= with_quote <= len(content.ARTICLES) * 3 // 4


def test_every_article_has_a_subheading_in_both_languages():
    # Whichever demo article a reader opens shows a body with subheadings.
    for article in content.ARTICLES:
        for language in ("en", "ru"):
            kinds = [block[0] for block in article[language]["body"]]
            assert "subheading" in kinds, (article["slug"], language)


def test_articles_credit_their_source_outlet_in_the_text():
    names = {o["key"]: o["name"] for o in content.OUTLETS}
    for a in content.ARTICLES:
        for lang in ("en", "ru"):
            text = " ".join(t for b in a[lang]["body"] for t in block_texts(b))
            text += " " + a[lang]["dek"]
            first = a["sources"][0]["outlet"]
            assert names[first][lang] in text, (a["slug"], lang)
