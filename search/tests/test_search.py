"""Reader search and the JSON API: word forms, highlighting, filters, paging, odd input."""

import pytest
from django.test import override_settings

from .conftest import aware

HOSTILE_QUERIES = [
    "",
    " ",
    "x" * 2000,
    "солдат " * 300,
    "!!! ??? ... ,,,",
    '" * : ( ) NEAR AND',
    'NEAR(солдат ракета, 2) AND title:* OR "',
    "солдат*",
    "^солдат",
    "'; DROP TABLE search_indexentry; --",
    "1 OR 1=1",
    "' UNION SELECT * FROM auth_user --",
    "солдаты NATO running Кремль",
    "«»“”„",
    '"',
    '""',
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "😀 🚀",
    "а" * 65,
]


@pytest.fixture
def corpus(site):
    articles = {
        "soldiers": site.article(
            "Память погибших солдат",
            "В Пскове прошла церемония. Ветераны возложили цветы к памятнику солдатам.",
            section="Общество",
            published_at=aware(2024, 5, 9),
        ),
        "army": site.article(
            "Министерство обороны провело учения",
            "Солдаты отработали действия в условиях зимы. Учения продлились неделю.",
            section="Армия",
            published_at=aware(2024, 2, 1),
        ),
        "harvest": site.article(
            "Урожай пшеницы вырос",
            "Фермеры Кубани собрали рекордный урожай.",
            section="Экономика",
            published_at=aware(2023, 9, 1),
        ),
        "english": site.article(
            "Soldiers were running drills",
            "The defence ministry said the soldiers runs exercises every winter.",
            language="en",
            section="World",
            published_at=aware(2024, 3, 1),
        ),
    }
    return articles


def api(client, **params):
    response = client.get("/api/search", params)
    assert response.status_code == 200
    return response.json()


def result_ids(payload, corpus):
    by_url = {}
    for key, page in corpus.items():
        by_url[page.url] = key
    keys = []
    for row in payload["results"]:
        path = row["url"].replace("http://testserver", "")
        keys.append(by_url.get(path, path))
    return keys


@pytest.mark.django_db
def test_russian_query_form_finds_other_forms_in_text(client, corpus):
    payload = api(client, q="солдатами", lang="ru")
    assert set(result_ids(payload, corpus)) == {"soldiers", "army"}
    assert payload["count"] == 2


@pytest.mark.django_db
def test_english_query_form_finds_other_forms_in_text(client, corpus):
    payload = api(client, q="soldier run", lang="en")
    assert result_ids(payload, corpus) == ["english"]


@pytest.mark.django_db
def test_title_match_ranks_above_body_match(client, corpus):
    payload = api(client, q="солдат", lang="ru")
    assert result_ids(payload, corpus)[0] == "soldiers"
    assert payload["results"][0]["score"] >= payload["results"][1]["score"]


@pytest.mark.django_db
def test_api_result_has_the_documented_fields(client, corpus):
    row = api(client, q="урожаем", lang="ru")["results"][0]
    assert set(row) == {
        "url",
        "title",
        "lang",
        "published_at",
        "snippet",
        "score",
        "semantic_only",
    }
    assert row["title"] == "Урожай пшеницы вырос"
    assert row["lang"] == "ru"
    assert row["published_at"].startswith("2023-09-01")
    assert row["url"].endswith(corpus["harvest"].url)


@pytest.mark.django_db
def test_snippet_highlights_the_forms_as_written(client, corpus):
    row = api(client, q="солдат", lang="ru")["results"][0]
    assert "<mark>солдатам</mark>" in row["snippet"]
    page = client.get("/ru/search/", {"q": "солдат"}).content.decode()
    assert "<mark>солдат</mark>" in page  # in the title "Память погибших солдат"
    assert "<mark>Солдаты</mark>" in page


@pytest.mark.django_db
def test_highlighting_escapes_article_text(site, client):
    site.article("Угроза <script>", "Текст про угрозу <b>жирно</b>.")
    page = client.get("/ru/search/", {"q": "угроза"}).content.decode()
    assert "<mark>Угроза</mark> &lt;script&gt;" in page
    assert "<b>жирно</b>" not in page


@pytest.mark.django_db
def test_reader_sees_own_language_unless_asking_for_all(client, corpus):
    ru_page = client.get("/ru/search/", {"q": "солдат soldier"})
    assert "running drills" not in ru_page.content.decode()
    en_page = client.get("/en/search/", {"q": "soldiers"}).content.decode()
    assert "running drills" in en_page
    both = client.get("/en/search/", {"q": "солдат", "all": "1"}).content.decode()
    assert corpus["army"].title in both


@pytest.mark.django_db
def test_all_languages_put_the_readers_language_first(client, site):
    site.article("Kremlin statement", "Kremlin said.", language="en", section="World")
    site.article("Kremlin Kremlin Kremlin", "Kremlin Kremlin.", language="ru", section="Мир")
    payload = client.get("/en/search/", {"q": "kremlin", "all": "1"}).content.decode()
    assert payload.index("statement") < payload.index("Kremlin</mark> <mark>Kremlin")
    ru_first = api(client, q="kremlin", lang="all")
    assert [r["lang"] for r in ru_first["results"]] == ["en", "ru"]


@pytest.mark.django_db
def test_filter_by_section(client, corpus, site):
    army = site.section("Армия", "ru")
    payload = client.get("/ru/search/", {"q": "солдат", "section": army.pk}).content.decode()
    assert "Министерство обороны" in payload
    assert "Память погибших" not in payload


@pytest.mark.django_db
def test_filter_by_date_range_includes_both_days(client, corpus):
    page = client.get("/ru/search/", {"q": "солдат", "from": "2024-05-09", "to": "2024-05-09"})
    html = page.content.decode()
    assert "Память погибших" in html
    assert "Министерство обороны" not in html
    html = client.get("/ru/search/", {"q": "солдат", "to": "2024-03-01"}).content.decode()
    assert "Министерство обороны" in html
    assert "Память погибших" not in html


@pytest.mark.django_db
def test_bad_filter_values_are_ignored(client, corpus):
    for params in ({"section": "abc"}, {"from": "2024-13-45"}, {"to": "yesterday"}):
        response = client.get("/ru/search/", {"q": "солдат", **params})
        assert response.status_code == 200
        assert "Министерство обороны" in response.content.decode()


@pytest.mark.django_db
def test_quoted_phrase_requires_adjacent_words(client, site):
    together = site.article("Заявление", "Министерство обороны сообщило о потерях.")
    apart = site.article("Другое", "Обороны нет: министерство молчит.")
    payload = api(client, q='"министерства обороны"', lang="ru")
    urls = [r["url"] for r in payload["results"]]
    assert any(u.endswith(together.url) for u in urls)
    assert not any(u.endswith(apart.url) for u in urls)
    loose = api(client, q="министерства обороны", lang="ru")
    assert loose["count"] == 2


@pytest.mark.django_db
def test_one_letter_typo_in_a_long_word_still_finds(client, corpus):
    payload = api(client, q="министрество", lang="ru")  # transposed letters
    assert payload["count"] == 1
    payload = api(client, q="урожйа", lang="ru")
    assert payload["count"] == 1
    assert api(client, q="solders", lang="en")["count"] == 1


@pytest.mark.django_db
def test_short_words_are_not_typo_corrected(client, site):
    site.article("Кот", "Кот спит.")
    # No lexical match: at most a semantic neighbour (short words embed close to each other).
    assert not any(r["semantic_only"] is False for r in api(client, q="кит", lang="ru")["results"])


@pytest.mark.django_db
def test_when_no_article_has_every_word_any_word_matches(client, corpus):
    payload = api(client, q="пшеница батискаф", lang="ru")
    assert payload["count"] == 1


@pytest.mark.django_db
def test_pagination_never_errors_and_clamps(client, site):
    for n in range(23):
        site.article(f"Новость номер {n}", "Текст про выборы в регионе.")
    first = api(client, q="выборы", lang="ru", page="1")
    assert first["count"] == 23
    assert len(first["results"]) == 10
    third = api(client, q="выборы", lang="ru", page="3")
    assert len(third["results"]) == 3
    seen = {r["url"] for r in first["results"]} | {r["url"] for r in third["results"]}
    assert len(seen) == 13
    for raw in ("abc", "0", "-1", "99999", "", "1.5", "9" * 40):
        response = client.get("/ru/search/", {"q": "выборы", "page": raw})
        assert response.status_code == 200, raw
        assert api(client, q="выборы", lang="ru", page=raw)["results"], raw
    last = api(client, q="выборы", lang="ru", page="99999")
    assert last["page"] == 3


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_return_a_normal_page(client, corpus, query):
    page = client.get("/ru/search/", {"q": query})
    assert page.status_code == 200
    payload = client.get("/api/search", {"q": query, "lang": "xx", "page": "zz"})
    assert payload.status_code == 200
    assert isinstance(payload.json()["count"], int)


@pytest.mark.django_db
def test_null_byte_in_a_query_is_refused_not_fatal(client, corpus):
    # core.middleware refuses control characters in any URL before the view runs.
    assert client.get("/api/search", {"q": "солд\x00аты", "lang": "ru"}).status_code == 400
    assert client.get("/ru/search/", {"q": "\x00"}).status_code == 400


@pytest.mark.django_db
def test_results_page_is_noindex(client, corpus):
    html = client.get("/ru/search/", {"q": "солдат"}).content.decode()
    assert '<meta name="robots" content="noindex' in html
    assert client.get("/api/search", {"q": "x"})["X-Robots-Tag"] == "noindex"


@pytest.mark.django_db
@override_settings(NEWSDESK_SEARCH_RATE_LIMIT=3, NEWSDESK_SEARCH_RATE_WINDOW=60)
def test_rate_limit_answers_429_with_retry_after(client, corpus):
    for _ in range(3):
        assert client.get("/api/search", {"q": "солдат"}).status_code == 200
    blocked = client.get("/api/search", {"q": "солдат"})
    assert blocked.status_code == 429
    assert 1 <= int(blocked["Retry-After"]) <= 61
    other_client = client.get("/ru/search/", {"q": "солдат"}, REMOTE_ADDR="10.0.0.9")
    assert other_client.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("proxies", [0, 1, 2])
def test_forged_forwarded_for_cannot_escape_the_rate_limit(client, corpus, proxies):
    """A client behind 0, 1 or 2 trusted proxies sends a new forged address on every search."""
    real_client = "203.0.113.50"
    inner_hops = ["10.0.0.2"] * max(proxies - 1, 0)

    def search(forged: str):
        if proxies == 0:
            extra = {"REMOTE_ADDR": real_client}
        else:
            extra = {
                "REMOTE_ADDR": "10.0.0.1",
                "HTTP_X_FORWARDED_FOR": ", ".join([forged, real_client, *inner_hops]),
            }
        if proxies == 0:
            extra["HTTP_X_FORWARDED_FOR"] = forged
        return client.get("/api/search", {"q": "солдат"}, **extra)

    with override_settings(
        NEWSDESK_SEARCH_RATE_LIMIT=3,
        NEWSDESK_SEARCH_RATE_WINDOW=60,
        NEWSDESK_TRUSTED_PROXY_COUNT=proxies,
    ):
        codes = [search(f"198.51.100.{i}").status_code for i in range(6)]
    assert codes == [200, 200, 200, 429, 429, 429]


@pytest.mark.django_db
@override_settings(NEWSDESK_SEARCH_RATE_LIMIT=0)
def test_a_zero_rate_limit_turns_it_off(client, corpus):
    for _ in range(70):
        assert client.get("/api/search", {"q": "x"}).status_code == 200


@pytest.mark.django_db
def test_section_filter_lists_a_section_published_after_the_last_search(client, site):
    site.article("Учения", "Учения прошли.", section="Армия")
    assert "Армия" in client.get("/ru/search/", {"q": "учения"}).content.decode()
    site.article("Урожай", "Урожай собран.", section="Экономика")
    page = client.get("/ru/search/", {"q": "учения"}).content.decode()
    assert "Армия" in page and "Экономика" in page


@pytest.mark.django_db
def test_section_filter_marks_the_chosen_section_and_escapes_titles(client, site):
    site.article("Учения", "Учения прошли.", section="Армия")
    site.article("Урожай", "Урожай собран.", section="<Экономика & рынки>")
    army = site.section("Армия", "ru")
    page = client.get("/ru/search/", {"q": "учения", "section": army.pk}).content.decode()
    assert f'<option value="{army.pk}" selected>Армия</option>' in page
    assert "&lt;Экономика &amp; рынки&gt;</option>" in page
