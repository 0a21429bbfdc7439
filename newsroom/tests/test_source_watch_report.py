"""The report of published articles whose sources changed, were corrected or withdrawn, and its
action "Write a correction", through the admin with a logged-in superuser."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticlePage, NoticeKind
from articles.testing.factories import make_article, make_section
from sources.ingest.records import ArticleData
from sources.ingest.storage import store_article
from sources.models import SourceArticle, SourceEvent, SourceWatch
from sources.testing.factories import make_outlet
from sources.watch.events import record_event

pytestmark = pytest.mark.django_db
REPORT = "sources_newsroom:source_updates"


def store(outlet, url: str, text: str) -> SourceArticle:
    data = ArticleData(url=url, link=url, title="Harbour bridge", text=text, html=f"<p>{text}</p>")
    store_article(outlet, None, data)
    return SourceArticle.objects.get(url=url)


@pytest.fixture
def flagged():
    outlet = make_outlet("Velmora Courier", language="en")
    changed = store(outlet, "https://courier.example.org/bridge", "The bridge reopened.")
    gone = store(outlet, "https://courier.example.org/ferry", "The ferry stops.")
    page = make_article(title="Bridge open again", sources=[changed, gone])
    ru = make_article(
        make_section("ru"),
        language="ru",
        title="Мост снова открыт",
        sources=[changed, gone],
        translation_of=page,
    )
    note = "Correction: the bridge reopened on Tuesday, not Monday."
    store(outlet, changed.url, f"The bridge reopened.\n{note}")
    watch = SourceWatch.objects.create(article=gone, anchor_at=timezone.now())
    watch.withdrawn_at = timezone.now()
    watch.save()
    record_event(gone, SourceEvent.Kind.WITHDRAWN, watch.withdrawn_at, detail="HTTP 410")
    return {"page": page, "ru": ru, "note": note, "changed": changed, "gone": gone}


def test_the_report_lists_the_article_once_with_diff_note_withdrawal_and_translations(
    admin_client, flagged
):
    html = admin_client.get(reverse(REPORT)).content.decode()

    crumbs = html.split('class="w-breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert "Sources updated since publication" in crumbs  # the header names the report
    assert html.count("Bridge open again") == 1 and html.count("Write a correction") == 1
    assert "Affected translations:" in html and "Мост снова открыт" in html
    assert "+Correction: the bridge reopened on Tuesday, not Monday." in html  # the diff
    assert "Correction or update by the outlet:" in html and flagged["note"] in html
    assert "Source withdrawn" in html and "HTTP 410" in html


def test_write_a_correction_opens_the_editor_on_a_draft_with_the_notice_prefilled(
    admin_client, flagged
):
    page = flagged["page"]

    response = admin_client.post(reverse("sources_newsroom:write_correction", args=[page.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    notice = list(draft.notices.all())[-1]
    assert notice.kind == NoticeKind.CORRECTION
    assert "Velmora Courier" in notice.text and "Harbour bridge" in notice.text
    live = ArticlePage.objects.get(pk=page.pk)
    assert live.notices.count() == 0 and live.has_unpublished_changes  # readers see it on publish
    editor = admin_client.get(response["Location"]).content.decode()
    assert "Velmora Courier has" in editor


def test_marking_a_source_reviewed_clears_it_on_the_article_and_its_translations(
    admin_client, flagged
):
    page, ru = flagged["page"], flagged["ru"]
    link = page.source_links.get(source_article=flagged["gone"])

    admin_client.post(reverse("sources_newsroom:source_update_reviewed", args=[link.pk]))

    for article in (page, ru):
        assert article.source_links.get(source_article=flagged["gone"]).source_updated_at is None
        assert article.source_links.get(source_article=flagged["changed"]).source_updated_at
    html = admin_client.get(reverse(REPORT)).content.decode()
    assert "Bridge open again" in html and "Source withdrawn" not in html


def test_someone_without_edit_rights_cannot_write_the_correction(client, flagged):
    reader = get_user_model().objects.create_user("reader", "r@example.org", "pw", is_staff=True)
    client.force_login(reader)
    response = client.post(reverse("sources_newsroom:write_correction", args=[flagged["page"].pk]))
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.get(pk=flagged["page"].pk).has_unpublished_changes
