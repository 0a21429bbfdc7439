"""The originality guard in the admin: checks run on save, publishing above the threshold is
refused and allowed with a recorded reason, the editor sees the passages."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from articles.testing.factories import body_blocks, make_article, make_section
from integrity.guard import publish_decision, run_check
from integrity.models import OriginalityCheck, OriginalityOverride
from sources.testing.factories import make_source_article
from sources.testing.originality_texts import (
    INTERPRETATION_EN,
    SOURCE_DE,
    SOURCE_DE_TITLE,
    TRANSLATIONS,
)

pytestmark = pytest.mark.django_db

COPIED_PARAGRAPHS = TRANSLATIONS["en"].split(". ")


@pytest.fixture
def source():
    return make_source_article(language="de", title=SOURCE_DE_TITLE, text=SOURCE_DE)


def editor(username: str, *, override: bool):
    """An editor who may edit and publish articles (and, with ``override``, publish above)."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    group = Group.objects.create(name=f"editors-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if override:
        group.permissions.add(Permission.objects.get(codename="publish_despite_originality"))
    root = Page.objects.get(depth=1)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def form_data(page: ArticlePage, paragraphs: list[str], action: str | None) -> dict:
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "dek": "Ferries run again.",
            "lead_image_caption": "",
            "lead_image_photographer": "",
            "lead_image_agency": "",
            "lead_image_via": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{p}</p>")) for p in paragraphs]),
            "source_links": inline_formset(
                [
                    {"source_article": str(link.source_article_id), "id": str(link.pk)}
                    for link in page.source_links.all()
                ],
                initial=page.source_links.count(),
            ),
            "pinned_related": inline_formset([]),
            "notices": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    data["authors"] = []
    if action:
        data[action] = "1"
    return data


def draft(source, body_paragraphs):
    return make_article(
        body=body_blocks(*body_paragraphs, subheading=None), sources=[source], live=False
    )


def test_saving_a_draft_runs_the_check_in_a_task(source):
    page = draft(source, COPIED_PARAGRAPHS)  # create_article saves a revision: the task runs

    check = OriginalityCheck.objects.get(page=page)
    assert check.status == OriginalityCheck.Status.DONE
    assert check.revision_id == page.latest_revision_id
    assert check.flagged and check.share > 0.5
    kinds = {p["kind"] for p in check.report["passages"]}
    assert kinds == {"translated"}
    assert check.report["sources"][0]["id"] == source.pk
    assert SOURCE_DE_TITLE in check.report["source_texts"][0]


def test_an_original_interpretation_is_below_the_threshold(source):
    page = draft(source, [INTERPRETATION_EN])
    check = OriginalityCheck.objects.get(page=page)
    assert not check.flagged
    assert publish_decision(page.get_latest_revision_as_object()).allowed


def test_identical_content_is_scored_once(source):
    page = draft(source, [INTERPRETATION_EN])
    revision = page.get_latest_revision_as_object().save_revision()
    second = run_check(revision.pk)
    first = OriginalityCheck.objects.filter(page=page).order_by("pk").first()
    assert second.fingerprint == first.fingerprint and second.report == first.report


def test_publishing_above_the_threshold_is_refused_then_allowed_with_a_reason(client, source):
    page = draft(source, COPIED_PARAGRAPHS)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    plain = editor("plain", override=False)
    client.force_login(plain)
    response = client.post(edit_url, form_data(page, COPIED_PARAGRAPHS, "action-publish"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Not published" in m and "threshold" in m for m in messages), messages

    report_url = reverse("integrity:page", args=[page.pk])
    html = client.get(report_url).content.decode()
    assert "data-originality-article" in html and "<mark" in html
    assert "Publish and record the reason" not in html  # no permission to override
    client.post(report_url, {"reason": "x"})  # refused: Wagtail answers PermissionDenied so
    assert not OriginalityOverride.objects.exists()
    assert not ArticlePage.objects.get(pk=page.pk).live

    chief = editor("chief", override=True)
    client.force_login(chief)
    assert "Publish and record the reason" in client.get(report_url).content.decode()
    response = client.post(report_url, {"reason": "  "})
    assert response.status_code == 200 and not ArticlePage.objects.get(pk=page.pk).live
    response = client.post(report_url, {"reason": "Official statement, published in full."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    override = OriginalityOverride.objects.get(page=page)
    assert override.user == chief and override.revision_id == page.live_revision_id
    assert override.reason == "Official statement, published in full."
    assert override.share > 0.5

    report = client.get(reverse("integrity:overrides")).content.decode()
    assert "Official statement, published in full." in report


def test_publishing_below_the_threshold_goes_through(client, source):
    page = draft(source, [INTERPRETATION_EN])
    client.force_login(editor("plain", override=False))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit_url, form_data(page, [INTERPRETATION_EN], "action-publish"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_creating_and_publishing_a_copy_at_once_leaves_a_draft(client, source):
    section = make_section("en")
    client.force_login(editor("plain", override=False))
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    data = nested_form_data(
        {
            "title": "Ferries run again",
            "slug": "ferries-run-again",
            "dek": "Ferries run again.",
            "lead_image_caption": "",
            "lead_image_photographer": "",
            "lead_image_agency": "",
            "lead_image_via": "",
            "body": streamfield(
                [("paragraph", rich_text(f"<p>{p}</p>")) for p in COPIED_PARAGRAPHS]
            ),
            "source_links": inline_formset([{"source_article": str(source.pk)}]),
            "pinned_related": inline_formset([]),
            "notices": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    data["authors"] = []
    data["action-publish"] = "1"
    response = client.post(add_url, data)
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="ferries-run-again")
    assert not page.live and page.live_revision_id is None
    assert OriginalityCheck.objects.get(page=page).flagged


def test_the_editor_shows_the_share_and_the_passages(client, source):
    page = draft(source, COPIED_PARAGRAPHS[:3] + [INTERPRETATION_EN])
    client.force_login(editor("plain", override=False))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "data-originality-panel" in html
    assert "data-originality-share" in html
    check = OriginalityCheck.objects.get(page=page)
    first = check.report["passages"][0]
    assert "originality-translated" in html
    assert first["source_text"] in html


def test_a_translation_of_our_own_article_is_measured_against_the_sources_only(source):
    original = make_article(body=body_blocks(INTERPRETATION_EN, subheading=None), sources=[source])
    russian_section = make_section("ru")
    translation = make_article(
        russian_section,
        language="ru",
        body=body_blocks(INTERPRETATION_EN, subheading=None),  # our own text, word for word
        sources=[source],
        translation_of=original,
    )
    check = OriginalityCheck.objects.filter(page=translation).first()
    assert check is not None and not check.flagged
    assert [s["id"] for s in check.report["sources"]] == [source.pk]


def test_the_write_interpretation_page_shows_each_interpretation_share(client, source):
    copied = draft(source, COPIED_PARAGRAPHS)
    original = draft(source, [INTERPRETATION_EN])
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    url = reverse("wagtailsnippets_sources_sourcearticle:inspect", args=[source.pk])
    html = client.get(url).content.decode()

    report_links = [reverse("integrity:page", args=[p.pk]) for p in (copied, original)]
    assert all(link in html for link in report_links)
    assert html.count("originality-flagged") == 1
    share = OriginalityCheck.objects.get(page=copied).share
    assert f"originality: {round(share * 100)} % of the sources" in html


def test_bulk_publishing_refuses_a_copy_and_publishes_nothing(client, source):
    copied = draft(source, COPIED_PARAGRAPHS)
    original = draft(source, [INTERPRETATION_EN])
    client.force_login(editor("plain", override=False))
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    url += f"?id={copied.pk}&id={original.pk}"
    response = client.post(url, {"include_descendants": False})
    assert response.status_code == 302
    copied.refresh_from_db()
    original.refresh_from_db()
    assert not copied.live and not original.live
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("repeats its sources" in m for m in messages), messages
