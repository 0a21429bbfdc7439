"""The translation editor as a new editor meets it: the notice when no machine translation is
configured, the preselected target locale, slug and outlet names filled without a translator, and
the refusal to publish untranslated text without an explicit, logged confirmation."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation

from articles.testing.factories import body_blocks
from core.testing.factories import make_locales
from sources.testing.factories import make_outlet
from translation import completeness, services, views

from .conftest import make_english_article, make_russian_translation, russian_page
from .test_machine_workflow import edit_url, libretranslate_settings, messages_of

pytestmark = pytest.mark.django_db


def put_translation(admin_client, translation, segment: StringSegment, value: str) -> None:
    response = admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        f"value={value}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def translate_all_text(admin_client, translation, skip: tuple[str, ...] = ()) -> None:
    """Translate every segment a translator would, as the React editor does (PUT per segment)."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        if segment.context.path == "slug" or segment.string.data in skip:
            continue
        put_translation(admin_client, translation, segment, f"RU {segment.string.data}")


@pytest.fixture
def publish(admin_client, django_capture_on_commit_callbacks):
    def press(target, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(edit_url(target), {"action": "publish", **extra})

    return press


# --- 1. no machine translation configured ---------------------------------------------------


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_editor_says_when_no_machine_translation_is_configured(admin_client, editor):
    page = make_english_article()
    make_russian_translation(page, editor)
    response = admin_client.get(edit_url(russian_page(page)))
    assert views.NO_MACHINE_TRANSLATION in messages_of(response)
    html = response.content.decode()
    assert "No machine translation is configured" in html
    assert "LIBRETRANSLATE_URL" in html and "docs/translation.md" in html


def test_no_such_notice_when_a_backend_is_configured(admin_client, editor):
    page = make_english_article()
    make_russian_translation(page, editor)
    with libretranslate_settings("http://127.0.0.1:9"):
        response = admin_client.get(edit_url(russian_page(page)))
    assert response.status_code == 200
    assert views.NO_MACHINE_TRANSLATION not in messages_of(response)


def test_english_source_page_editor_shows_no_notice(admin_client):
    page = make_english_article()
    response = admin_client.get(edit_url(page))
    assert views.NO_MACHINE_TRANSLATION not in messages_of(response)


# --- 2. the only target locale is preselected -----------------------------------------------


def test_translate_this_page_preselects_the_only_locale_left(admin_client):
    page = make_english_article()
    ru = make_locales()["ru"]
    response = admin_client.get(reverse("wagtail_localize:submit_page_translation", args=[page.id]))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.initial["locales"]) == [ru]
    html = response.content.decode()
    checked = [line for line in html.splitlines() if f'value="{ru.id}"' in line]
    assert checked and "checked" in checked[0]

    # Submitting the preselected form as it stands translates into Russian.
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [ru.id]},
    )
    assert response.status_code == 302
    assert russian_page(page).locale == ru


def test_nothing_is_preselected_when_no_locale_is_left(admin_client, editor):
    page = make_english_article()
    make_russian_translation(page, editor)
    response = admin_client.get(reverse("wagtail_localize:submit_page_translation", args=[page.id]))
    assert not response.context["form"].initial.get("locales")


# --- 3. slug and outlet names need no translator --------------------------------------------


def test_slug_follows_the_translated_title_and_outlet_names_come_from_the_outlet(
    admin_client, editor
):
    outlet = make_outlet("Ladoga Herald", language="ru")
    outlet_ru = outlet.copy_for_translation(make_locales()["ru"])
    outlet_ru.name = "Ладожский вестник"
    outlet_ru.save()
    page = make_english_article(lead_image_via="Ladoga Herald", lead_image_photographer="")
    translation = make_russian_translation(page, editor)
    title = StringSegment.objects.get(source=translation.source, context__path="title")

    admin_client.get(edit_url(russian_page(page)))  # the editor opens
    via = StringTranslation.objects.get(
        locale=translation.target_locale, context__path="lead_image_via"
    )
    assert (via.data, via.tool_name) == ("Ладожский вестник", completeness.OUTLET_TOOL)
    # No title translation yet: the slug waits for it.
    assert "slug" in [s.context.path for s in completeness.untranslated_segments(translation)]

    put_translation(admin_client, translation, title, "Министры встретились в Брюсселе")
    translate_all_text(admin_client, translation, skip=("Ladoga Herald", title.string.data))
    completeness.fill_derived_segments(translation)
    assert completeness.untranslated_segments(translation) == []
    slug = StringTranslation.objects.get(locale=translation.target_locale, context__path="slug")
    assert slug.data == "ministry-vstretilis-v-bryussele"
    assert slug.tool_name == completeness.SLUG_TOOL

    # The translator retitles before publishing: the derived slug follows.
    put_translation(admin_client, translation, title, "Министры не договорились")
    completeness.fill_derived_segments(translation)
    slug.refresh_from_db()
    assert slug.data == "ministry-ne-dogovorilis"

    # A slug a person typed is kept.
    slug_segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    put_translation(admin_client, translation, slug_segment, "vstrecha-v-bryussele")
    completeness.fill_derived_segments(translation)
    slug.refresh_from_db()
    assert slug.data == "vstrecha-v-bryussele"


def test_a_via_that_is_no_outlet_of_ours_is_left_to_the_translator(admin_client, editor):
    page = make_english_article(lead_image_via="Some Partner Agency")
    translation = make_russian_translation(page, editor)
    admin_client.get(edit_url(russian_page(page)))
    paths = [s.context.path for s in completeness.untranslated_segments(translation)]
    assert "lead_image_via" in paths


# --- 4. untranslated text never reaches readers unconfirmed --------------------------------


@pytest.fixture
def half_translated(admin_client, editor):
    page = make_english_article(
        body=body_blocks("Talks lasted all night.", "Both sides blamed the other.", subheading=None)
    )
    translation = make_russian_translation(page, editor)
    translate_all_text(admin_client, translation, skip=("Both sides blamed the other.",))
    return page, translation


def test_publishing_with_an_untranslated_paragraph_is_refused_naming_it(half_translated, publish):
    page, translation = half_translated
    target = russian_page(page)

    response = publish(target)

    assert response.status_code == 302
    [message] = messages_of(response)
    assert "1 segment has no Russian translation" in message
    assert "Body › Paragraph 2" in message
    assert views.CONFIRM_UNTRANSLATED in message  # the explicit confirmation is offered
    target.refresh_from_db()
    assert not target.live


def test_confirmed_publication_of_untranslated_text_is_logged(half_translated, publish, editor):
    page, translation = half_translated
    target = russian_page(page)

    publish(target, **{views.CONFIRM_UNTRANSLATED: "1"})

    target.refresh_from_db()
    assert target.live
    entry = PageLogEntry.objects.get(page=target, action=views.UNTRANSLATED_ACTION)
    assert entry.user == editor
    assert entry.data == {"locale": "Russian", "segments": ["Body › Paragraph 2"]}


def test_confirmation_does_not_cover_unreviewed_machine_text(half_translated, publish):
    page, translation = half_translated
    title = StringTranslation.objects.get(locale=translation.target_locale, context__path="title")
    title.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
    title.save()
    target = russian_page(page)

    response = publish(target, **{views.CONFIRM_UNTRANSLATED: "1"})

    assert any("have not been reviewed" in m for m in messages_of(response))
    target.refresh_from_db()
    assert not target.live


def test_fully_translated_page_publishes_with_derived_slug(admin_client, editor, publish):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    translate_all_text(admin_client, translation)
    target = russian_page(page)

    response = publish(target)

    target.refresh_from_db()
    assert target.live, messages_of(response)
    assert target.slug == "ru-ministers-meet-in-brussels"
    assert not PageLogEntry.objects.filter(action=views.UNTRANSLATED_ACTION).exists()


def test_bulk_publish_and_sync_publish_refuse_untranslated_text(
    half_translated, admin_client, django_capture_on_commit_callbacks
):
    page, translation = half_translated
    target = russian_page(page)
    assert services.publish_refusal(translation) is not None

    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={target.id}&next=/admin/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {})
    assert any("no Russian translation" in m for m in messages_of(response))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        )
    assert any("Nothing was synced or published" in m for m in messages_of(response))
    target.refresh_from_db()
    assert not target.live


def test_editor_props_stay_valid_json_with_the_notice(admin_client, editor):
    page = make_english_article()
    make_russian_translation(page, editor)
    response = admin_client.get(edit_url(russian_page(page)))
    assert json.loads(response.context["props"])["object"]["title"]
