"""`load_demo` builds a complete bilingual site and running it again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from articles.models import ArticlePage, SectionPage
from sources.models import Outlet, SourceArticle
from translation.services import out_of_step_translations

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": sum(p.revisions.count() for p in ArticlePage.objects.all()),
        "images": get_image_model().objects.count(),
        "outlets": Outlet.objects.count(),
        "sources": SourceArticle.objects.count(),
        "latest": sorted(ArticlePage.objects.values_list("pk", "latest_revision_id")),
    }


def test_load_demo_creates_a_bilingual_site_and_is_idempotent(client):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first

    for lang in ("en", "ru"):
        articles = ArticlePage.objects.published().filter(locale__language_code=lang)
        assert articles.count() >= 15
        assert SectionPage.objects.filter(locale__language_code=lang).count() == 3
        for article in articles:
            assert article.lead_image_id and article.lead_image_agency
            assert article.source_links.exists()
            assert article.authors.exists()
            assert article.tags.exists()

    en = ArticlePage.objects.filter(locale__language_code="en")
    for article in en:
        translation = article.get_translation_or_none(
            article.locale.__class__.objects.get(language_code="ru")
        )
        assert translation is not None and translation.live

    # The demo's Russian pages are wagtail-localize translations: editing an English article
    # after its translation makes it appear in the out-of-step report.
    assert out_of_step_translations().count() == 0
    for translation in Translation.objects.all():
        ru_page = translation.get_target_instance()
        title_segment = StringSegment.objects.get(source=translation.source, context__path="title")
        title = StringTranslation.objects.get(context=title_segment.context, locale=ru_page.locale)
        assert title.data == ru_page.title
    edited = en.order_by("pk").first()
    edited.title = "Edited after translation"
    edited.save_revision().publish()
    listed = [t.source.get_source_instance().pk for t in out_of_step_translations()]
    assert listed == [edited.pk]

    article = en.first()
    response = client.get(article.url)
    assert response.status_code == 200
    for host in SourceArticle.objects.values_list("url", flat=True):
        assert ".example." in host
