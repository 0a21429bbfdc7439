"""The out-of-step report in an editor's words (field labels, block positions, word-level
changes), and a sync that keeps a changed segment's previous translation as a suggestion."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from translation import completeness, services
from translation.readable import segment_label, word_diff

from . import test_out_of_step
from .test_machine_workflow import edit_url, messages_of
from .test_out_of_step import REPORT, edit_english

published_pair = test_out_of_step.published_pair  # the shared fixture

pytestmark = pytest.mark.django_db


def test_word_diff_marks_only_the_words_that_changed():
    assert word_diff("Talks lasted all night.", "Talks lasted until dawn.") == [
        ("same", "Talks lasted"),
        ("del", "all night."),
        ("ins", "until dawn."),
    ]
    assert word_diff("", "New text") == [("ins", "New text")]
    assert word_diff("Same words", "Same words") == [("same", "Same words")]


def test_labels_name_fields_and_blocks_by_position(published_pair):
    page, _ = published_pair
    ids = [child.id for child in page.body]
    assert segment_label(page, "dek") == "Dek"
    assert segment_label(page, "title") == "Title"
    assert segment_label(page, f"body.{ids[1]}") == "Body › Paragraph 2"
    assert segment_label(page, "lead_image_via") == "Via outlet"


def test_image_block_caption_is_labelled_with_its_block(published_pair):
    page, _ = published_pair
    body = list(page.body.raw_data) + [
        {"type": "image", "value": {"image": None, "caption": "A harbour", "via": ""}}
    ]
    edit_english(page, body=body)
    image_id = [child.id for child in page.body][-1]
    assert segment_label(page, f"body.{image_id}.caption") == "Body › Image 1 › Caption"


def test_report_shows_labels_and_word_level_changes(admin_client, published_pair):
    page, _ = published_pair
    body = page.body.raw_data
    body[1]["value"] = "<p>Both sides blamed the mediators.</p>"
    edit_english(page, dek="The summit ended without any agreement.", body=list(body))

    [row] = services.out_of_step_report()
    labels = {c.label: c for c in row.changes}
    assert set(labels) == {"Dek", "Body › Paragraph 2"}
    html = admin_client.get(reverse(REPORT)).content.decode()
    assert "Body › Paragraph 2" in html
    assert "<del>other.</del>" in html and "<ins>mediators.</ins>" in html
    assert "<ins>any</ins>" in html
    assert "<del>The summit ended without agreement.</del>" not in html  # not whole sentences
    assert f"<code>body.{body[1]['id']}</code>" not in html


def test_sync_starts_a_changed_segment_from_its_previous_translation(
    admin_client, published_pair, django_capture_on_commit_callbacks
):
    page, translation = published_pair
    edit_english(page, dek="The summit ended without any agreement.")

    admin_client.post(reverse("translation:sync_source", args=[translation.source_id]))

    dek = StringSegment.objects.get(source=translation.source, context__path="dek")
    assert dek.string.data == "The summit ended without any agreement."
    suggestion = StringTranslation.objects.get(
        translation_of=dek.string, locale=translation.target_locale, context=dek.context
    )
    assert suggestion.data == "RU The summit ended without agreement."
    assert suggestion.tool_name == completeness.PREVIOUS_TOOL
    # Shown in the editor as the starting point, and held back until a person reviews it.
    target = translation.get_target_instance()
    props = json.loads(admin_client.get(edit_url(target)).context["props"])
    [dek_translation] = [t for t in props["initialStringTranslations"] if t["segment_id"] == dek.id]
    assert dek_translation["data"] == "RU The summit ended without agreement."
    assert services.unreviewed_machine_segments(translation).get() == suggestion
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url(target), {"action": "publish"})
    assert any("have not been reviewed" in m for m in messages_of(response))


def test_wagtail_localize_sync_button_also_carries_previous_translations(
    admin_client, published_pair
):
    page, translation = published_pair
    edit_english(page, title="Ministers meet again in Brussels")

    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source_id]), {}
    )

    assert response.status_code == 302
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    carried = StringTranslation.objects.get(
        translation_of=title.string, locale=translation.target_locale
    )
    assert carried.data == "RU Ministers meet in Brussels"
    assert carried.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
