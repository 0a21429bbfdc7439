"""The article page shows every element the product promises, in both languages."""

import re

import pytest
from django.utils import timezone

from articles.testing.factories import make_article
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_english_header_shows_today_search_and_link_to_the_russian_translation(
    client, bilingual_article
):
    html = get_html(client, bilingual_article["en"])
    today = timezone.localdate()
    assert f"Today: {today.day} {today:%B} {today.year}" in html
    assert 'action="/en/search/"' in html and 'name="q"' in html
    assert re.search(r'<a href="/ru/world/port-otkryt/"[^>]*class="language-switch"', html)
    assert '<html lang="en">' in html


def test_russian_header_uses_genitive_month_and_links_back_to_english(client, bilingual_article):
    html = get_html(client, bilingual_article["ru"])
    months = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    month = months.split()[timezone.localdate().month - 1]
    assert f"Сегодня: {timezone.localdate().day} {month} {timezone.localdate().year}" in html
    assert 'action="/ru/search/"' in html
    assert re.search(r'<a href="/en/world/port-reopens/"[^>]*class="language-switch"', html)
    assert '<html lang="ru">' in html


def test_title_dek_authors_and_publication_time(client, bilingual_article):
    page = bilingual_article["en"]
    html = get_html(client, page)
    assert '<h1 class="article__title">The port reopens</h1>' in html
    assert "Ships are back." in html
    assert "Anna Volkova" in html
    # Whole seconds: HTML allows at most three fractional digits (the Nu checker rejects six).
    published = timezone.localtime(page.first_published_at).strftime("%Y-%m-%dT%H:%M:%S%z")
    assert f'<time datetime="{published}"' in html


def test_reading_time_in_both_languages(client, bilingual_article):
    assert "1 min read" in get_html(client, bilingual_article["en"])
    assert "1 минута чтения" in get_html(client, bilingual_article["ru"])


def test_lead_figure_has_caption_structured_credit_and_webp_srcset(client, bilingual_article):
    html = get_html(client, bilingual_article["en"])
    figure = re.search(r'<figure class="article__lead">(.*?)</figure>', html, re.S).group(1)
    assert "srcset=" in figure and ".webp 800w" in figure
    assert re.search(r'width="\d+"', figure) and re.search(r'height="\d+"', figure)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S).group(1)
    assert "A ship in the harbour" in caption
    assert "Photo: Lena Hartmann / Meridian Pictures via Harbour Gazette" in caption

    ru_html = get_html(client, bilingual_article["ru"])
    assert (
        "Фото: Lena Hartmann / Meridian Pictures (из материалов издания «Харбор газетт»)" in ru_html
    )


def test_body_renders_paragraphs_and_subheadings(client, bilingual_article):
    html = get_html(client, bilingual_article["en"])
    assert '<h2 class="subheading">A subheading</h2>' in html
    assert "Some words of the body." in html


def test_attribution_block_in_english(client, bilingual_article):
    html = get_html(client, bilingual_article["en"])
    block = re.search(r'<aside class="attribution".*?</aside>', html, re.S).group(0)
    assert "based on materials published by Harbour Gazette" in block
    assert "does not claim authorship of the original" in block
    assert 'href="https://harbour-gazette.example.org/2025/port"' in block
    assert "The rights to the original belong to Harbour Media Ltd." in block


def test_attribution_block_in_russian_uses_translated_outlet_name(client, bilingual_article):
    html = get_html(client, bilingual_article["ru"])
    block = re.search(r'<aside class="attribution".*?</aside>', html, re.S).group(0)
    assert "основанная на материалах издания «Харбор газетт»." in block
    assert "Автор не претендует на авторство оригинальной статьи." in block
    assert 'href="https://harbour-gazette.example.org/2025/port"' in block
    assert "Правообладатель оригинала — Harbour Media Ltd." in block


def test_attribution_names_every_outlet_when_there_are_several_sources(client):
    sources = [
        make_source_article(make_outlet(name=name), url=f"https://{slug}.example.org/a")
        for name, slug in (("Alpha Post", "alpha"), ("Beta News", "beta"), ("Gamma", "gamma"))
    ]
    html = get_html(client, make_article(sources=sources))
    assert "published by Alpha Post, Beta News and Gamma." in html
    for slug in ("alpha", "beta", "gamma"):
        assert f'href="https://{slug}.example.org/a"' in html
    assert "original articles." in html


def test_dont_miss_lists_related_articles_in_the_readers_language(client, bilingual_article):
    for lang in ("en", "ru"):
        html = get_html(client, bilingual_article[lang])
        block = re.search(r'<section class="dont-miss".*?</section>', html, re.S).group(0)
        for related in bilingual_article["related"][lang]:
            assert related.title in block
            assert related.dek in block
        assert block.count("<img") >= 3
        other = "ru" if lang == "en" else "en"
        assert f'href="/{other}/' not in block


def test_hreflang_alternates_and_canonical(client, bilingual_article):
    html = get_html(client, bilingual_article["en"])
    assert '<link rel="canonical" href="http://testserver/en/world/port-reopens/">' in html
    assert 'hreflang="ru" href="http://testserver/ru/world/port-otkryt/"' in html
    assert 'hreflang="x-default" href="http://testserver/en/world/port-reopens/"' in html


def test_language_switch_falls_back_to_the_other_home_page_without_translation(client):
    html = get_html(client, make_article())
    assert re.search(r'<a href="/ru/"[^>]*class="language-switch"', html)
