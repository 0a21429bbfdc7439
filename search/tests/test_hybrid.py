"""Hybrid reader search and /api/search: semantic hits fused in, exact titles and phrases kept
first, and the cross-language option ("also in English/Russian", `cross=1`)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from search.semantic import ann


@pytest.fixture(autouse=True)
def fresh_ann():
    ann.reset_all()
    yield
    ann.reset_all()


@pytest.fixture
def news(site):
    return {
        "crash": site.article(
            "Самолёт разбился при посадке",
            [
                "Новости часа.",
                "Пассажирский самолёт потерпел крушение у аэропорта. Спасатели на месте.",
            ],
            dek="Сводка за вечер.",
        ),
        "harvest": site.article(
            "Фермеры собрали урожай", "Зерновые дали рекордный урожай пшеницы этой осенью."
        ),
        "rates": site.article(
            "Банк повысил ставку", "Центральный банк поднял ключевую ставку, чтобы сдержать цены."
        ),
        "crash_en": site.article(
            "Passenger jet crashes on landing",
            "An airliner crashed near the airport; rescuers are at the scene.",
            language="en",
        ),
        "harvest_en": site.article(
            "Farmers bring in a record harvest",
            "Wheat and barley yields were the highest in a decade this autumn.",
            language="en",
        ),
    }


def api(client, **params):
    response = client.get("/api/search", params)
    assert response.status_code == 200
    return response.json()


def urls(payload) -> list[str]:
    return [row["url"].replace("http://testserver", "") for row in payload["results"]]


@pytest.mark.django_db
def test_semantic_hit_for_words_the_article_does_not_contain(client, news):
    payload = api(client, q="авиакатастрофа", lang="ru")
    assert urls(payload)[0] == news["crash"].url
    first = payload["results"][0]
    assert first["semantic_only"] is True
    # Its snippet is its closest passage, not the start of the body.
    assert "крушение" in first["snippet"]
    with override_settings(NEWSDESK_SEARCH_HYBRID=False):
        assert api(client, q="авиакатастрофа", lang="ru")["results"] == []


@pytest.mark.django_db
def test_exact_title_and_lexical_hits_stay_first(client, site, news):
    # An article about crashes whose title is not the query, and one titled with the query.
    titled = site.article("Урожай пшеницы", "Короткая заметка о ценах на муку.")
    payload = api(client, q="урожай пшеницы", lang="ru")
    assert urls(payload)[0] == titled.url
    assert not payload["results"][0]["semantic_only"]
    # Every lexical hit precedes a semantic-only one that is less related.
    flags = [row["semantic_only"] for row in payload["results"]]
    assert flags[: flags.count(False)] == [False] * flags.count(False)


@pytest.mark.django_db
def test_quoted_phrase_stays_exact(client, news):
    payload = api(client, q='"ключевую ставку"', lang="ru")
    assert urls(payload) == [news["rates"].url]
    assert api(client, q='"ставку ключевую"', lang="ru")["results"] == []


@pytest.mark.django_db
def test_cross_language_results_are_marked_and_filterable(client, news):
    plain = api(client, q="plane crash", lang="en")
    assert {r["lang"] for r in plain["results"]} == {"en"}
    crossed = api(client, q="plane crash", cross="1")
    assert crossed["cross"] is True
    by_url = {r["url"].replace("http://testserver", ""): r["lang"] for r in crossed["results"]}
    assert by_url[news["crash"].url] == "ru" and by_url[news["crash_en"].url] == "en"
    only_ru = api(client, q="plane crash", cross="1", lang="ru")
    assert urls(only_ru)[0] == news["crash"].url
    assert {r["lang"] for r in only_ru["results"]} == {"ru"}


@pytest.mark.django_db
def test_results_page_offers_the_other_language_and_marks_it(client, news):
    page = client.get("/en/search/", {"q": "plane crash"}).content.decode()
    assert 'name="cross"' in page and "Also in Russian" in page
    assert news["crash"].url not in page  # off by default: the reader's language only
    page = client.get("/en/search/", {"q": "plane crash", "cross": "1"}).content.decode()
    assert news["crash"].url in page
    assert 'lang="ru"' in page and ">RU</span>" in page
    ru_page = client.get("/ru/search/", {"q": "урожай", "cross": "1"}).content.decode()
    assert "Также на других языках: Английский" in ru_page
    assert news["harvest_en"].url in ru_page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["' OR 1=1 --", '"', '""', "\x00", "🙂🙂", "а" * 3000, "NEAR(a b) * ^", "-", "  "],
)
def test_hostile_queries_never_error(client, news, query):
    for params in ({"q": query}, {"q": query, "cross": "1"}, {"q": query, "cross": "x"}):
        assert client.get("/api/search", params).status_code in (200, 400)
        assert client.get("/ru/search/", params).status_code in (200, 400)
