"""A notice added to the English original is flagged for the Russian translation: its text is a
new segment in the out-of-step report, and after a sync and translation the Russian page has
the matching notice (same kind and date) in Russian."""

from __future__ import annotations

from datetime import timedelta

import pytest
from wagtail_localize.models import StringTranslation

from articles.models import NoticeKind
from articles.notices import add_notice
from translation import services

from .conftest import russian_page
from .test_out_of_step import published_pair  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_english_notice_is_flagged_then_translated_into_the_russian_page(
    published_pair,  # noqa: F811
    editor,
    django_capture_on_commit_callbacks,
):
    page, translation = published_pair
    notice = add_notice(page, kind=NoticeKind.CLARIFICATION, text="Talks resume on Friday.")

    [row] = services.out_of_step_report()
    assert row.translation == translation
    added = [(c.kind, c.after) for c in row.changes]
    assert ("added", "Talks resume on Friday.") in added
    assert all(c.path.startswith("notices.") for c in row.changes if c.kind == "added")

    services.sync_source(translation.source)
    segment = translation.source.stringsegment_set.get(string__data="Talks resume on Friday.")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data="Переговоры возобновятся в пятницу.",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=editor, publish=True)

    ru = russian_page(page)
    [ru_notice] = ru.notices.all()
    assert (ru_notice.kind, ru_notice.text) == (
        NoticeKind.CLARIFICATION,
        "Переговоры возобновятся в пятницу.",
    )
    # wagtail-localize copies synchronised dates at millisecond precision.
    assert abs(ru_notice.date - notice.date) < timedelta(milliseconds=1)
    assert ru_notice.locale == ru.locale
    assert ru_notice.translation_key == notice.translation_key
    assert ru.substantively_modified_at == ru_notice.date
