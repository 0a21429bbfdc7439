"""Machine pre-fill through the admin, against fake backends, and the review-before-publish rule."""

from __future__ import annotations

import json

import pytest
from django.contrib.messages import get_messages
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from translation import services, views
from translation.conf import DEEPL_CLASS, LIBRETRANSLATE_CLASS

from .conftest import make_english_article, make_russian_translation, russian_page
from .fake_servers import FakeBackendState, fake_deepl, fake_libretranslate

pytestmark = pytest.mark.django_db


def libretranslate_settings(url: str, **options):
    return override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": LIBRETRANSLATE_CLASS,
            "OPTIONS": {"URL": url, "TIMEOUT": 2, **options},
        }
    )


def deepl_settings(url: str, key: str = "k:fx", **options):
    return override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": DEEPL_CLASS,
            "OPTIONS": {"AUTH_KEY": key, "API_URL": url, "TIMEOUT": 2, **options},
        }
    )


def machine_translate_url(translation) -> str:
    return reverse("wagtail_localize:machine_translate", args=[translation.id])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.id])


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def string_translations(translation):
    return StringTranslation.objects.filter(locale=translation.target_locale)


def editor_props(admin_client, page) -> dict:
    response = admin_client.get(edit_url(page))
    assert response.status_code == 200
    return json.loads(response.context["props"])


def segment_for(translation, path: str) -> StringSegment:
    return StringSegment.objects.get(source=translation.source, context__path=path)


# --- machine pre-fill -----------------------------------------------------------------------


def test_machine_prefill_fills_every_segment_and_marks_it_as_machine_output(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    with fake_libretranslate() as server, libretranslate_settings(server.url):
        response = admin_client.post(machine_translate_url(translation), {"next": edit_url(target)})

    assert response.status_code == 302
    assert response["Location"] == edit_url(target)
    assert any("LibreTranslate" in m for m in messages_of(response))
    title = string_translations(translation).get(context__path="title")
    assert title.data == "[ru] Ministers meet in Brussels"
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert title.tool_name == "LibreTranslate"
    segments = StringSegment.objects.filter(source=translation.source).count()
    assert services.unreviewed_machine_segments(translation).count() == segments


def test_machine_prefill_keeps_segments_a_person_already_translated(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    title = segment_for(translation, "title")
    admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, title.id]),
        "value=Министры+встретились",
        content_type="application/x-www-form-urlencoded",
    )
    with fake_deepl() as server, deepl_settings(server.url):
        admin_client.post(machine_translate_url(translation))

    kept = string_translations(translation).get(context__path="title")
    assert kept.data == "Министры встретились"
    assert kept.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    dek = string_translations(translation).get(context__path="dek")
    assert dek.data == "[ru] The summit ended without agreement."
    assert dek.tool_name == "DeepL"


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (FakeBackendState(fail_status=500), "LibreTranslate answered HTTP 500"),
        (FakeBackendState(characters_left=5), "too many requests or quota"),
        (FakeBackendState(delay=1.0), "did not answer within 0.3 seconds"),
        (FakeBackendState(api_key="other"), "rejected the API key"),
    ],
    ids=["server-error", "quota", "timeout", "bad-key"],
)
def test_backend_failure_shows_a_message_and_loses_no_edits(admin_client, editor, state, expected):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    dek = segment_for(translation, "dek")
    admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, dek.id]),
        "value=Саммит+закончился",
        content_type="application/x-www-form-urlencoded",
    )
    with fake_libretranslate(state) as server, libretranslate_settings(server.url, TIMEOUT=0.3):
        response = admin_client.post(machine_translate_url(translation), {"next": edit_url(target)})

    assert response.status_code == 302
    assert response["Location"] == edit_url(target)
    assert any(expected in m for m in messages_of(response)), messages_of(response)
    # The person's edit is intact and no half-done machine output appeared.
    assert list(string_translations(translation).values_list("data", "translation_type")) == [
        ("Саммит закончился", "manual")
    ]


def test_deepl_quota_answer_is_shown_to_the_editor(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    with fake_deepl(FakeBackendState(characters_left=3)) as server, deepl_settings(server.url):
        response = admin_client.post(machine_translate_url(translation))

    assert any("DeepL quota exceeded" in m for m in messages_of(response))
    assert not string_translations(translation).exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_no_backend_configured_means_no_machine_option_in_the_editor(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)

    props = editor_props(admin_client, target)
    assert props["machineTranslator"] is None
    # Calling the machine-translate endpoint anyway is a 404, not an error page.
    request = RequestFactory().post(machine_translate_url(translation))
    request.user = editor
    with pytest.raises(Http404):
        views.machine_translate(request, translation.id)
    assert not string_translations(translation).exists()


def test_configured_backend_is_offered_in_the_editor(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    with libretranslate_settings("http://127.0.0.1:9"):
        props = editor_props(admin_client, russian_page(page))
    assert props["machineTranslator"] == {
        "name": "LibreTranslate",
        "url": machine_translate_url(translation),
    }


# --- review before publishing ----------------------------------------------------------------


def prefill_by_machine(admin_client, translation):
    with fake_libretranslate() as server, libretranslate_settings(server.url):
        admin_client.post(machine_translate_url(translation))


@pytest.fixture
def publish(admin_client, django_capture_on_commit_callbacks):
    """Press "Publish in Russian"; wagtail-localize publishes in transaction.on_commit."""

    def press(target):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(edit_url(target), {"action": "publish"})

    return press


def test_publishing_with_unreviewed_machine_segments_is_refused(admin_client, editor, publish):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    prefill_by_machine(admin_client, translation)

    response = publish(target)

    assert response.status_code == 302
    assert response["Location"] == edit_url(target)
    assert any("have not been reviewed" in m for m in messages_of(response))
    target.refresh_from_db()
    assert not target.live
    assert target.title == "Ministers meet in Brussels"  # the machine title never went out


@override_settings(NEWSDESK_ALLOW_UNREVIEWED_MACHINE_TRANSLATION=True)
def test_setting_allows_publishing_unreviewed_machine_output(admin_client, editor, publish):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    prefill_by_machine(admin_client, translation)

    publish(target)

    target.refresh_from_db()
    assert target.live
    assert target.title == "[ru] Ministers meet in Brussels"


def test_saving_each_segment_in_the_editor_counts_as_review(admin_client, editor, publish):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    prefill_by_machine(admin_client, translation)
    for st in services.unreviewed_machine_segments(translation):
        segment = StringSegment.objects.get(
            source=translation.source, string=st.translation_of, context=st.context
        )
        admin_client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
            f"value={st.data.replace('[ru] ', 'RU ')}",
            content_type="application/x-www-form-urlencoded",
        )
    assert not services.unreviewed_machine_segments(translation).exists()

    publish(target)

    target.refresh_from_db()
    assert target.live
    assert target.title == "RU Ministers meet in Brussels"


def test_approving_on_the_review_screen_unblocks_publishing(admin_client, editor, publish):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    prefill_by_machine(admin_client, translation)
    review = reverse("translation:review_machine", args=[translation.id])
    pending = list(services.unreviewed_machine_segments(translation))

    listing = admin_client.get(review)
    assert listing.status_code == 200
    assert "[ru] Ministers meet in Brussels" in listing.content.decode()

    # Approving only some leaves the rest blocking.
    admin_client.post(review, {"segment": [pending[0].id]})
    assert services.unreviewed_machine_segments(translation).count() == len(pending) - 1
    publish(target)
    target.refresh_from_db()
    assert not target.live

    admin_client.post(review, {"segment": [st.id for st in pending[1:]]})
    approved = StringTranslation.objects.get(id=pending[0].id)
    assert approved.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    assert approved.tool_name == "LibreTranslate, reviewed"
    assert approved.last_translated_by == editor
    assert approved.data == pending[0].data  # approval keeps the text

    publish(target)
    target.refresh_from_db()
    assert target.live
    assert target.title == "[ru] Ministers meet in Brussels"


def test_machine_text_of_a_removed_sentence_does_not_block_publishing(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    prefill_by_machine(admin_client, translation)
    removed = page.body.raw_data[-1]
    page.body = list(page.body.raw_data)[:-1]
    page.save_revision().publish()
    services.sync_source(translation.source)
    translation.refresh_from_db()

    paths = {st.context.path for st in services.unreviewed_machine_segments(translation)}
    assert f"body.{removed['id']}" not in paths
    assert "title" in paths
    # (A *changed* sentence is another matter: its previous translation becomes the suggestion
    # to review, see test_out_of_step_readable.py.)


def test_sync_view_refuses_publish_with_unreviewed_machine_output(
    admin_client, editor, django_capture_on_commit_callbacks
):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    prefill_by_machine(admin_client, translation)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})

    assert response.status_code == 200
    assert any("have not been reviewed" in m for m in messages_of(response))
    target.refresh_from_db()
    assert not target.live


def test_sync_view_refuses_machine_translate_and_publish_in_one_go(
    admin_client, editor, django_capture_on_commit_callbacks
):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    with (
        fake_deepl() as server,
        deepl_settings(server.url),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on", "use_machine_translation": "on"},
        )
    assert any("must be reviewed before they are published" in m for m in messages_of(response))
    target.refresh_from_db()
    assert not target.live
    assert not string_translations(translation).exists()


def test_sync_view_machine_failure_shows_message_and_rolls_back(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    synced_at = translation.source.last_updated_at
    with fake_deepl(FakeBackendState(fail_status=456)) as server, deepl_settings(server.url):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"use_machine_translation": "on"},
        )
    assert response.status_code == 200
    assert any("DeepL quota exceeded" in m for m in messages_of(response))
    translation.source.refresh_from_db()
    assert translation.source.last_updated_at == synced_at


def test_bulk_publish_of_a_draft_with_machine_text_is_refused(
    admin_client, editor, django_capture_on_commit_callbacks
):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    prefill_by_machine(admin_client, translation)
    translation.save_target(user=editor, publish=False)  # a draft revision with machine text
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{url}?id={target.id}&next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert any("have not been reviewed" in m for m in messages_of(response))
    target.refresh_from_db()
    assert not target.live

    services.approve_machine_segments(translation, editor)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"{url}?id={target.id}&next=/admin/pages/")
    target.refresh_from_db()
    assert target.live
    assert target.title == "[ru] Ministers meet in Brussels"


def test_translation_editor_reminds_how_many_machine_segments_await_review(admin_client, editor):
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    target = russian_page(page)
    assert "await review" not in admin_client.get(edit_url(target)).content.decode()

    prefill_by_machine(admin_client, translation)
    count = services.unreviewed_machine_segments(translation).count()
    html = admin_client.get(edit_url(target)).content.decode()

    assert f"{count} machine-translated segments await review" in html
    assert reverse("translation:review_machine", args=[translation.id]) in html
