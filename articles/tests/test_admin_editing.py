"""An editor creates an article, links its sources and publishes it through the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from articles.testing.factories import make_author, make_section
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    return client


def article_form(sources, authors, action):
    data = nested_form_data(
        {
            "title": "Grain shipments resume",
            "slug": "grain-shipments-resume",
            "dek": "Ports are loading grain again, an outlet reports.",
            "lead_image_caption": "",
            "lead_image_photographer": "",
            "lead_image_agency": "",
            "lead_image_via": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Loading restarted on Monday.</p>")),
                    ("subheading", "What changed"),
                    ("paragraph", rich_text("<p>Insurance costs fell.</p>")),
                ]
            ),
            "source_links": inline_formset([{"source_article": str(s.pk)} for s in sources]),
            "pinned_related": inline_formset([]),
            "notices": inline_formset([]),
            "tags": "Trade, Shipping",
            "comments": inline_formset([]),
        }
    )
    data["authors"] = [str(a.pk) for a in authors]
    data[action] = "1"
    return data


def test_editor_creates_links_sources_and_publishes_an_article(editor_client):
    section = make_section("en", title="Economy", slug="economy")
    sources = [
        make_source_article(make_outlet(name="Port Ledger"), url="https://ledger.example.org/g"),
        make_source_article(make_outlet(name="Quay Times"), url="https://quay.example.org/g"),
    ]
    author = make_author("Mark Ellison")
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    assert editor_client.get(add_url).status_code == 200

    response = editor_client.post(add_url, article_form(sources, [author], "action-publish"))
    assert response.status_code == 302, response.content.decode()[:2000]

    article = ArticlePage.objects.get(slug="grain-shipments-resume")
    assert article.live
    assert [link.source_article for link in article.source_links.all()] == sources
    assert list(article.authors.all()) == [author]
    assert sorted(t.name for t in article.tags.all()) == ["Shipping", "Trade"]

    html = editor_client.get(article.url).content.decode()
    assert "published by Port Ledger and Quay Times" in html
    assert '<h2 class="subheading">What changed</h2>' in html


def test_article_without_a_source_is_refused(editor_client):
    section = make_section("en")
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    response = editor_client.post(add_url, article_form([], [], "action-publish"))
    assert response.status_code == 200  # the form comes back with an error
    assert not ArticlePage.objects.filter(slug="grain-shipments-resume").exists()


def _author_choices(response) -> set[str]:
    field = response.context["form"].fields["authors"]
    return {str(author) for author in field.queryset}


def test_the_author_chooser_offers_only_the_pages_language(editor_client):
    section_ru = make_section("ru", title="Экономика", slug="ekonomika")
    section_en = make_section("en", title="Economy", slug="economy")
    make_author("Mark Ellison", language="en")
    make_author("Марк Эллисон", language="ru")

    add_ru = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section_ru.pk))
    add_en = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section_en.pk))
    assert _author_choices(editor_client.get(add_ru)) == {"Марк Эллисон"}
    response = editor_client.get(add_en)
    assert _author_choices(response) == {"Mark Ellison"}
    assert "Марк Эллисон" not in response.content.decode()


def test_an_author_of_the_other_language_is_refused(editor_client):
    section = make_section("en", title="Economy", slug="economy")
    other = make_author("Марк Эллисон", language="ru")
    source = make_source_article(make_outlet(name="Port Ledger"))
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))

    response = editor_client.post(add_url, article_form([source], [other], "action-publish"))

    assert response.status_code == 200
    assert "authors" in response.context["form"].errors
    assert not ArticlePage.objects.filter(slug="grain-shipments-resume").exists()


def test_editing_an_article_offers_its_languages_authors_and_keeps_old_credits(editor_client):
    from articles.testing.factories import make_article

    article = make_article(language="en")
    make_author("Mark Ellison", language="en")
    foreign = make_author("Марк Эллисон", language="ru")
    make_author("Анна Ким", language="ru")
    article.authors.set([foreign])  # credited before choices were limited
    article.save_revision()

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))

    assert _author_choices(response) == {"Mark Ellison", "Марк Эллисон"}
