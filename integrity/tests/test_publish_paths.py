"""Every way an article revision goes live passes the same originality gate: the workflow's
last approval, scheduled publishing, ``revision.publish()`` from code; and publishing straight
from the editor scores the content there when the task has not run yet."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Revision, Workflow, WorkflowPage, WorkflowTask

from articles.models import ArticlePage
from articles.publish_gate import PublicationRefused
from core.models import AdminNotification
from integrity.guard import publish_with_reason
from integrity.models import OriginalityCheck
from integrity.tests.test_guard import COPIED_PARAGRAPHS, draft, editor, form_data
from sources.testing.factories import make_source_article
from sources.testing.originality_texts import INTERPRETATION_EN, SOURCE_DE, SOURCE_DE_TITLE

pytestmark = pytest.mark.django_db

NO_TASK_RUNS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "ingest"],
    }
}


@pytest.fixture
def source():
    return make_source_article(language="de", title=SOURCE_DE_TITLE, text=SOURCE_DE)


def moderated(page: ArticlePage, submitter):
    """Put ``page`` through a one-step moderation workflow; returns (moderator, task state)."""
    moderators = Group.objects.create(name="moderators-test")
    moderators.permissions.add(Permission.objects.get(codename="access_admin"))
    moderator = editor("moderator", override=False)
    moderator.groups.add(moderators)
    workflow = Workflow.objects.create(name="Review")
    task = GroupApprovalTask.objects.create(name="Desk approval")
    task.groups.add(moderators)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=page.get_parent())
    state = workflow.start(page, submitter)
    return moderator, state.current_task_state


def approve(client, page, task_state):
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})


def test_the_last_workflow_approval_of_a_copy_publishes_nothing(client, source):
    page = draft(source, COPIED_PARAGRAPHS)
    moderator, task_state = moderated(page, editor("writer", override=False))
    client.force_login(moderator)

    response = approve(client, page, task_state)

    assert response.status_code == 200
    assert response.json()["redirect"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS  # the approval rolled back
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Not published" in m and "threshold" in m for m in messages), messages


def test_the_last_workflow_approval_of_an_original_publishes_it(client, source):
    page = draft(source, [INTERPRETATION_EN])
    moderator, task_state = moderated(page, editor("writer", override=False))
    client.force_login(moderator)

    assert approve(client, page, task_state).status_code == 200

    page.refresh_from_db()
    assert page.live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_APPROVED


def test_publishing_a_copy_from_code_raises_and_an_override_lets_it_through(source):
    page = draft(source, COPIED_PARAGRAPHS)
    with pytest.raises(PublicationRefused, match="threshold"):
        page.get_latest_revision_as_object().save_revision().publish()
    with pytest.raises(PublicationRefused):
        page.get_latest_revision().publish()
    assert not ArticlePage.objects.get(pk=page.pk).live

    chief = editor("chief", override=True)
    publish_with_reason(ArticlePage.objects.get(pk=page.pk), chief, "Official statement.")
    assert ArticlePage.objects.get(pk=page.pk).live
    # The override names this content: a later re-publish of it from code goes through too.
    ArticlePage.objects.get(pk=page.pk).get_latest_revision().publish()


def schedule(page: ArticlePage, user) -> Revision:
    """What "Publish" with a go-live time does."""
    content = page.get_latest_revision_as_object()
    content.go_live_at = timezone.now() + timedelta(hours=1)
    revision = content.save_revision(user=user)
    revision.publish(user=user)  # scheduling passes the gate first
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    return revision


def time_passes(revision: Revision) -> None:
    """The go-live time is now a minute ago (in the content and in the approval)."""
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_scheduled_publishing_skips_a_copy_tells_its_editors_and_publishes_the_rest(source, caplog):
    writer = editor("writer", override=False)
    original = draft(source, [INTERPRETATION_EN])
    original_revision = schedule(original, writer)
    copy = draft(source, COPIED_PARAGRAPHS)
    copy_revision = copy.get_latest_revision_as_object().save_revision(user=writer)
    # Approved for a go-live time although the rules say no now (e.g. the threshold was
    # lowered, or the source re-fetched, since): only the go-live run can catch it.
    time_passes(copy_revision)
    time_passes(original_revision)

    with caplog.at_level(logging.WARNING, logger="integrity.publishing"):
        call_command("publish_scheduled")

    assert ArticlePage.objects.get(pk=original.pk).live
    assert not ArticlePage.objects.get(pk=copy.pk).live
    copy_revision.refresh_from_db()
    assert copy_revision.approved_go_live_at is None  # not retried every run
    assert any("scheduled publication of article" in r.message for r in caplog.records)
    note = AdminNotification.objects.get(user=writer, key__startswith="integrity.")
    assert "Scheduled publication refused" in note.subject and "threshold" in note.body
    assert note.url == reverse("integrity:page", args=[copy.pk])

    call_command("publish_scheduled")  # nothing left to retry, nobody told twice
    assert AdminNotification.objects.filter(key__startswith="integrity.").count() == 1


def test_scheduling_a_copy_is_refused_at_once(source):
    page = draft(source, COPIED_PARAGRAPHS)
    content = page.get_latest_revision_as_object()
    content.go_live_at = timezone.now() + timedelta(hours=1)
    revision = content.save_revision()
    with pytest.raises(PublicationRefused):
        revision.publish()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


@override_settings(TASKS=NO_TASK_RUNS)
def test_publishing_straight_from_the_editor_scores_the_content_there(client, source):
    page = draft(source, [INTERPRETATION_EN])
    assert not OriginalityCheck.objects.filter(page=page).exists()  # the task did not run
    client.force_login(editor("plain", override=False))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(edit_url, form_data(page, [INTERPRETATION_EN], "action-publish"))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    check = OriginalityCheck.objects.get(page=page, status=OriginalityCheck.Status.DONE)
    assert check.revision_id == page.live_revision_id and not check.flagged


@override_settings(TASKS=NO_TASK_RUNS)
def test_publishing_a_copy_straight_from_the_editor_says_why_not_still_running(client, source):
    page = draft(source, [INTERPRETATION_EN])
    client.force_login(editor("plain", override=False))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(edit_url, form_data(page, COPIED_PARAGRAPHS, "action-publish"))

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("threshold" in m for m in messages), messages
    assert not any("still running" in m for m in messages), messages
    assert OriginalityCheck.objects.filter(page=page, flagged=True).exists()
