"""The out-of-step report: English edited after its Russian translation was published."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from translation import services

from .conftest import make_english_article, make_russian_translation, russian_page

pytestmark = pytest.mark.django_db

REPORT = "translation:out_of_step"


@pytest.fixture
def published_pair(editor, django_capture_on_commit_callbacks):
    """An English article whose Russian translation is fully translated and published."""
    page = make_english_article()
    translation = make_russian_translation(page, editor)
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"RU {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=editor, publish=True)
    assert russian_page(page).live
    return page, translation


def edit_english(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    page.refresh_from_db()


def test_translation_in_step_is_not_listed(admin_client, published_pair):
    response = admin_client.get(reverse(REPORT))
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "All translations are in step" in response.content.decode()


def test_english_edit_after_russian_publish_is_listed_with_its_changes(
    admin_client, published_pair
):
    page, translation = published_pair
    edit_english(page, title="Ministers fail to agree in Brussels")

    response = admin_client.get(reverse(REPORT))

    [row] = response.context["rows"]
    assert row.translation == translation
    assert row.source_page.id == page.id
    assert row.source_changed_at > row.synced_at
    assert [(c.path, c.kind, c.before, c.after) for c in row.changes] == [
        ("title", "changed", "Ministers meet in Brussels", "Ministers fail to agree in Brussels")
    ]
    html = response.content.decode()
    assert "Ministers fail to agree in Brussels" in html
    assert reverse("translation:sync_source", args=[translation.source_id]) in html


def test_body_paragraph_added_is_reported_as_added_plain_text(admin_client, published_pair):
    page, _ = published_pair
    paragraph = "<p>New <b>fact</b> &amp; a 5 &lt; 6 figure.</p>"
    body = list(page.body.raw_data) + [{"type": "paragraph", "value": paragraph}]
    edit_english(page, body=body)

    [row] = services.out_of_step_report()
    assert [(c.kind, c.after) for c in row.changes] == [("added", "New fact & a 5 < 6 figure.")]
    html = admin_client.get(reverse(REPORT)).content.decode()
    assert "<ins>New fact &amp; a 5 &lt; 6 figure.</ins>" in html


def test_unpublished_english_draft_is_flagged_separately_not_as_out_of_step(
    admin_client, published_pair
):
    page, translation = published_pair
    page.title = "Draft headline nobody can read yet"
    page.save_revision()

    assert services.out_of_step_report() == []
    [row] = services.out_of_step_report(drafts=True)
    assert row.translation == translation
    assert [(c.path, c.after) for c in row.changes] == [
        ("title", "Draft headline nobody can read yet")
    ]
    html = admin_client.get(reverse(REPORT)).content.decode()
    assert "Source drafts not yet published" in html
    assert "<ins>Draft headline nobody can read yet</ins>" in html

    # Once the draft is published it moves to the out-of-step list.
    page.get_latest_revision().publish()
    assert [r.translation for r in services.out_of_step_report()] == [translation]
    assert services.out_of_step_report(drafts=True) == []


def test_one_click_sync_clears_the_report_and_shows_new_text_to_translators(
    admin_client, published_pair
):
    page, translation = published_pair
    edit_english(page, dek="Talks collapsed at dawn.")
    assert len(services.out_of_step_report()) == 1

    response = admin_client.post(
        reverse("translation:sync_source", args=[translation.source_id]),
        {"next": reverse(REPORT)},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(REPORT)
    assert services.out_of_step_report() == []
    strings = set(translation.source.stringsegment_set.values_list("string__data", flat=True))
    assert "Talks collapsed at dawn." in strings
    assert "The summit ended without agreement." not in strings
    # Work already done is kept: the title's Russian translation still applies.
    title = translation.source.stringsegment_set.get(context__path="title")
    assert StringTranslation.objects.filter(
        translation_of=title.string, locale=translation.target_locale
    ).exists()
    # The Russian page itself is untouched until a translator publishes.
    assert russian_page(page).title == "RU Ministers meet in Brussels"


def test_sync_requires_the_submit_translation_permission(client, published_pair):
    page, translation = published_pair
    edit_english(page, title="Changed")
    user = get_user_model().objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.post(reverse("translation:sync_source", args=[translation.source_id]))

    # Wagtail turns PermissionDenied in the admin into a redirect home with a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert len(services.out_of_step_report()) == 1


def test_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse(REPORT) in response.content.decode()
