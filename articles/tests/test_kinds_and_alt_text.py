"""Reader-trust details of an article: its kind, its pictures' text alternatives, and the
generated Russian attribution and credits reading as an editor would write them."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.attribution import attribution_for
from articles.credits import format_credit
from articles.models import ArticlePage
from articles.testing.factories import make_article, make_section
from core.testing.factories import make_image
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> list[dict]:
    bodies = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(body) for body in bodies]


@pytest.mark.parametrize(
    ("kind", "schema_type", "label_en", "label_ru"),
    [
        ("analysis", "AnalysisNewsArticle", "Analysis", "Анализ"),
        ("opinion", "OpinionNewsArticle", "Opinion", "Мнение"),
        ("news", "ReportageNewsArticle", "News", "Новости"),
        ("press_review", "NewsArticle", "Press review", "Обзор прессы"),
    ],
)
def test_the_kind_is_shown_above_the_title_and_typed_in_json_ld(
    client, kind, schema_type, label_en, label_ru
):
    en = make_article(kind=kind, title="Rates on hold")
    ru = make_article(
        make_section("ru"), language="ru", kind=kind, title="Ставки", translation_of=en
    )
    for page, label in ((en, label_en), (ru, label_ru)):
        html = client.get(page.url).content.decode()
        header = html.split('<h1 class="article__title">')[0]
        assert f'<p class="article__kind" data-kind="{kind}">{label}</p>' in header
        types = [item["@type"] for item in json_ld(html)]
        assert schema_type in types
        assert "BreadcrumbList" in types


def admin_form(section, source, action: str, **fields) -> dict:
    data = nested_form_data(
        {
            "title": "Ferries run again",
            "slug": "ferries-run-again",
            "kind": "news",
            "dek": "The strike is over.",
            "lead_image_alt": "",
            "lead_image_caption": "The first ferry of the day",
            "lead_image_photographer": "",
            "lead_image_agency": "",
            "lead_image_via": "",
            "body": streamfield(
                fields.pop("body", [("paragraph", rich_text("<p>Boats sail.</p>"))])
            ),
            "source_links": inline_formset([{"source_article": str(source.pk)}]),
            "pinned_related": inline_formset([]),
            "notices": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
            **fields,
        }
    )
    if action:
        data[action] = "1"
    return data


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def add_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


def test_publishing_a_lead_picture_without_alt_text_is_refused_with_a_clear_error(editor):
    section, source, image = make_section("en"), make_source_article(), make_image()
    response = editor.post(
        add_url(section), admin_form(section, source, "action-publish", lead_image=image.pk)
    )
    assert response.status_code == 200
    assert "Describe the picture for readers who cannot see it" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="ferries-run-again").exists()

    # A draft may be saved without it (Wagtail defers required checks for drafts) ...
    response = editor.post(add_url(section), admin_form(section, source, "", lead_image=image.pk))
    assert response.status_code == 302
    draft = ArticlePage.objects.get(slug="ferries-run-again")
    assert not draft.live and draft.kind == "news"


@pytest.mark.parametrize(
    ("fields", "image_description", "expected_alt"),
    [
        (
            {"lead_image_alt": "Crew members wave from the deck"},
            "",
            "Crew members wave from the deck",
        ),
        ({}, "A white ferry leaving a harbour", "A white ferry leaving a harbour"),
        ({"lead_image_decorative": "on"}, "", ""),
    ],
)
def test_alt_text_an_image_description_or_decorative_lets_the_article_publish(
    editor, fields, image_description, expected_alt
):
    section, source = make_section("en"), make_source_article()
    image = make_image()
    image.description = image_description
    image.save()
    response = editor.post(
        add_url(section),
        admin_form(section, source, "action-publish", lead_image=image.pk, **fields),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ArticlePage.objects.get(slug="ferries-run-again")
    assert page.live
    figure = re.search(
        r'<figure class="article__lead">(.*?)</figure>', editor.get(page.url).content.decode(), re.S
    ).group(1)
    assert f'alt="{expected_alt}"' in figure
    # The caption stays a caption: it is not what replaces the picture.
    assert 'alt="The first ferry of the day"' not in figure


def body_image(image, **extra) -> tuple:
    value = {
        "image": image.pk,
        "alt_text": "",
        "decorative": False,
        "caption": "A body picture",
        "photographer": "",
        "agency": "",
        "via": "",
        **extra,
    }
    return ("image", value)


def test_a_body_picture_needs_alt_text_or_decorative_before_publishing(editor):
    section, source, image = make_section("en"), make_source_article(), make_image()
    body = [("paragraph", rich_text("<p>Text.</p>")), body_image(image)]
    response = editor.post(
        add_url(section), admin_form(section, source, "action-publish", body=body)
    )
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="ferries-run-again").exists()

    body = [("paragraph", rich_text("<p>Text.</p>")), body_image(image, alt_text="Two gulls")]
    response = editor.post(
        add_url(section), admin_form(section, source, "action-publish", body=body)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    html = editor.get(ArticlePage.objects.get(slug="ferries-run-again").url).content.decode()
    figure = re.search(r'<figure class="body-figure">(.*?)</figure>', html, re.S).group(1)
    assert 'alt="Two gulls"' in figure


def test_a_decorative_body_picture_gets_empty_alt(client):
    image = make_image()
    body = json.dumps(
        [
            {"type": "paragraph", "value": "<p>Text.</p>"},
            {"type": "image", "value": dict(body_image(image, decorative=True)[1])},
        ]
    )
    page = make_article(body=body)
    html = client.get(page.url).content.decode()
    figure = re.search(r'<figure class="body-figure">(.*?)</figure>', html, re.S).group(1)
    assert 'alt=""' in figure


def test_russian_attribution_reads_correctly_for_one_outlet(ru_article_with):
    page = ru_article_with(["Ладожский вестник"])
    with translation.override("ru"):
        block = attribution_for(page)
    assert block.based_on == (
        "Этот материал — интерпретация нашей редакции, основанная на материалах издания "
        "«Ладожский вестник»."
    )
    assert block.disclaimer == "Автор не претендует на авторство оригинальной статьи."
    assert block.rights == "Правообладатель оригинала — «Ладожский вестник»."


def test_russian_attribution_reads_correctly_for_several_outlets(ru_article_with):
    page = ru_article_with(
        ["Ладожский вестник", "Онежская правда", "Курьер Надвисляньски"],
        rights_holders=["", "", "Wydawnictwo Nadwiślańskie sp. z o.o."],
    )
    with translation.override("ru"):
        block = attribution_for(page)
    assert block.based_on == (
        "Этот материал — интерпретация нашей редакции, основанная на материалах изданий "
        "«Ладожский вестник», «Онежская правда» и «Курьер Надвисляньски»."
    )
    assert block.disclaimer == "Автор не претендует на авторство оригинальных статей."
    assert block.rights == (
        "Правообладатели оригиналов — «Ладожский вестник», «Онежская правда» и "
        "Wydawnictwo Nadwiślańskie sp. z o.o."
    )
    # No declinable name is left after a verb that would need its case.
    assert "принадлежат" not in block.rights


def test_russian_attribution_of_several_originals_of_one_outlet(ru_article_with):
    page = ru_article_with(["Ладожский вестник", "Ладожский вестник"])
    with translation.override("ru"):
        block = attribution_for(page)
    assert "на материалах издания «Ладожский вестник»." in block.based_on
    assert block.rights == "Правообладатель оригиналов — «Ладожский вестник»."


@pytest.fixture
def ru_article_with(db):
    def build(names: list[str], rights_holders: list[str] | None = None) -> ArticlePage:
        outlets: dict[str, object] = {}
        sources = []
        for i, name in enumerate(names):
            holder = (rights_holders or [""] * len(names))[i]
            outlet = outlets.get(name) or make_outlet(name=name, locale="ru", rights_holder=holder)
            outlets[name] = outlet
            sources.append(make_source_article(outlet))
        return make_article(make_section("ru"), language="ru", sources=sources)

    return build


def test_russian_credits_do_not_calque_via():
    with translation.override("ru"):
        assert format_credit("Лена Хартман", "", "Ладожский вестник") == (
            "Фото: Лена Хартман (из материалов издания «Ладожский вестник»)"
        )
        assert format_credit("", "", "Ладожский вестник") == (
            "Фото из материалов издания «Ладожский вестник»"
        )
        assert "через" not in format_credit("A", "B", "C")


def test_the_english_page_credits_the_outlets_english_name(client):
    outlet = make_outlet(name="Ladoga Herald")
    make_outlet(name="Ладожский вестник", locale="ru", translation_key=outlet.translation_key)
    image = make_image()
    # The "via" was prefilled with the outlet's Russian name; the English reader sees its own.
    page = make_article(
        lead_image=image, lead_image_decorative=True, lead_image_via="Ладожский вестник"
    )
    html = client.get(page.url).content.decode()
    assert "Photo via Ladoga Herald" in html
    assert "Ладожский вестник" not in html
