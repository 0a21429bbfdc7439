"""The demo shows a correction: one article carries it in both languages, paired for
wagtail-localize, and it reaches the page and the corrections page."""

import pytest
from django.core.management import call_command
from wagtail_localize.models import StringSegment, StringTranslation

from articles.models import ArticleNotice, ArticlePage

pytestmark = pytest.mark.django_db


def test_demo_article_has_a_paired_correction_in_both_languages(client):
    call_command("load_demo")
    en = ArticlePage.objects.get(slug="baltic-ferry-strike-ends")
    ru = en.get_translation(
        ArticlePage.objects.get(slug="zabastovka-paromshchikov-zavershilas").locale
    )
    [en_notice], [ru_notice] = en.notices.all(), ru.notices.all()
    assert en_notice.kind == ru_notice.kind == "correction"
    assert en_notice.translation_key == ru_notice.translation_key
    assert "6.5 per cent" in en_notice.text and "6,5 %" in ru_notice.text
    assert en.substantively_modified_at == en_notice.date

    segment = StringSegment.objects.get(string__data=en_notice.text)
    assert StringTranslation.objects.get(context=segment.context, locale=ru.locale).data == (
        ru_notice.text
    )
    assert ru_notice.text in client.get(ru.url).content.decode()
    assert en_notice.text in client.get("/en/corrections/").content.decode()
    assert ArticleNotice.objects.count() == 2
    call_command("load_demo")  # idempotent
    assert ArticleNotice.objects.count() == 2
