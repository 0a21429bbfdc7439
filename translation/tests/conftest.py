"""Test helpers: an English article with a Russian wagtail-localize translation."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from articles.models import ArticlePage
from articles.testing.factories import body_blocks, make_article, make_section
from core.testing.factories import make_locales


def make_editor(username: str = "editor"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "pw")


def make_english_article(**kw) -> ArticlePage:
    """A published English article in a section that already has its Russian counterpart."""
    section_en = make_section(language="en", title="World")
    make_section(language="ru", title="Мир", translation_of=section_en)
    kw.setdefault("title", "Ministers meet in Brussels")
    kw.setdefault("dek", "The summit ended without agreement.")
    kw.setdefault(
        "body",
        body_blocks("Talks lasted all night.", "Both sides blamed the other.", subheading=None),
    )
    return make_article(section_en, **kw)


def make_russian_translation(page: ArticlePage, user=None) -> Translation:
    """Submit `page` for translation into Russian, as the admin's "Translate this page" does,
    and create the (still untranslated) Russian draft page."""
    ru = make_locales()["ru"]
    translate_object(page, [ru], user=user)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=ru)
    return translation


def russian_page(page: ArticlePage) -> ArticlePage:
    return ArticlePage.objects.get(
        translation_key=page.translation_key, locale=make_locales()["ru"]
    )


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client
