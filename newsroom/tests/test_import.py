"""import_articles: good rows go in, each bad row is reported by line, re-runs change nothing."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import ArticlePage, SectionPage
from search.models import ImportedArticle, IndexEntry, RelatedArticles


def row(**overrides):
    data = {
        "title": "Солдаты вернулись домой",
        "lead": "Батальон прибыл в Псков.",
        "body": "<p>Первый абзац о солдатах.</p><p>Второй абзац <script>x()</script>.</p>",
        "language": "ru",
        "published_at": "2018-03-22T10:00:00+03:00",
        "section": "Армия",
        "url": "https://archive.example/1",
        "tags": ["армия", "Псков"],
        "authors": ["Иван Петров"],
        "source_url": "https://outlet.example/a",
        "outlet": "Outlet Daily",
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def imported(url: str) -> ArticlePage:
    return ImportedArticle.objects.get(url=url).page.specific


def run_import(tmp_path, lines):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_articles", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_import_creates_published_indexed_articles_and_reports_bad_lines(tmp_path, client, site):
    lines = [
        row(),
        "{not json",
        row(url="https://archive.example/2", language="de"),
        row(url="https://archive.example/3", title=""),
        row(url="https://archive.example/4", published_at="вчера"),
        row(
            url="https://archive.example/5",
            title="Harvest figures",
            lead="",
            body="Farmers harvested record wheat.\n\nPrices fell.",
            language="en",
            published_at="2018-04-01",
            section="Economy",
            tags=[],
        ),
        row(url="https://archive.example/6", tags="not, a list"),
        row(url="https://archive.example/7", authors=[1, 2]),
    ]
    out, err = run_import(tmp_path, lines)
    assert ":2: not valid JSON" in err
    assert ":3: language 'de'" in err
    assert ":4: missing or empty field(s): title" in err
    assert ":5: 'published_at' is not an ISO date" in err
    assert ":8: 'authors' must be a list of strings" in err
    assert "Imported 3 articles" in out, err
    assert "8/8" in out  # the progress bar counts lines, good and bad

    articles = ArticlePage.objects.live()
    assert articles.count() == 3
    ru = imported("https://archive.example/1")
    assert ru.locale.language_code == "ru"
    assert ru.get_parent().specific.title == "Армия"
    assert isinstance(ru.get_parent().specific, SectionPage)
    assert ru.first_published_at.isoformat().startswith("2018-03-22T07:00")
    assert "script" not in json.dumps(list(ru.body.raw_data), ensure_ascii=False)
    assert {t.name for t in ru.tags.all()} == {"армия", "Псков"}
    assert [a.name for a in ru.authors.all()] == ["Иван Петров"]
    assert ru.source_links.get().source_article.outlet.name == "Outlet Daily"
    en = imported("https://archive.example/5")
    assert en.locale.language_code == "en"
    assert len(en.body.raw_data) == 2
    assert en.dek == "Farmers harvested record wheat."  # no lead: first paragraph
    comma_tags = imported("https://archive.example/6")
    assert {t.name for t in comma_tags.tags.all()} == {"not", "a list"}

    assert IndexEntry.objects.count() == 3
    assert RelatedArticles.objects.count() == 3
    payload = client.get("/api/search", {"q": "солдатами", "lang": "ru"}).json()
    assert payload["count"] == 2
    assert client.get(en.url).status_code == 200


@pytest.mark.django_db
def test_import_is_idempotent_on_url(tmp_path, site):
    lines = [row(), row(url="https://archive.example/2", title="Второй материал")]
    run_import(tmp_path, lines)
    out, _ = run_import(tmp_path, lines)
    assert "Imported 0 articles, skipped 2" in out
    assert ArticlePage.objects.count() == 2
    assert IndexEntry.objects.count() == 2


@pytest.mark.django_db
def test_duplicate_titles_get_distinct_slugs(tmp_path, site):
    run_import(tmp_path, [row(), row(url="https://archive.example/2")])
    slugs = list(ArticlePage.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 2
    assert all(s.isascii() for s in slugs)


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_articles", str(tmp_path / "nope.jsonl"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "source_url",
    ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html,x", "ftp://a.b/"],
)
def test_a_non_web_source_url_is_refused_with_its_row(tmp_path, client, site, source_url):
    out, err = run_import(
        tmp_path, [row(source_url=source_url), row(url="https://archive.example/2")]
    )
    assert "source_url" in out + err
    assert not ImportedArticle.objects.filter(url="https://archive.example/1").exists()
    page = imported("https://archive.example/2")
    html = client.get(page.url).content.decode()
    assert "javascript:" not in html.lower()
    assert 'href="https://outlet.example/a"' in html
