"""Linking tags across languages and following the links (articles/models/tags.py says why)."""

from __future__ import annotations

from django.db.models import Q
from taggit.models import Tag

from .models import TagTranslation


def counterparts(tag: Tag) -> dict[str, Tag]:
    """The tags of the same subject, by language (this tag's own language included); one query
    after the tag's own link."""
    link = TagTranslation.objects.filter(tag=tag).first()
    if link is None:
        return {}
    root = link.root_id()
    linked = TagTranslation.objects.filter(Q(pk=root) | Q(translation_of_id=root)).select_related(
        "tag"
    )
    return {other.language: other.tag for other in linked}


def link_tags(original: Tag, original_language: str, translation: Tag, language: str) -> bool:
    """Record that `translation` (in `language`) translates `original`. True when a link was
    made; False when it existed already or either tag is linked otherwise (an editor's link is
    never overwritten)."""
    if original.pk == translation.pk or original_language == language:
        return False
    root, _ = TagTranslation.objects.get_or_create(
        tag=original, defaults={"language": original_language}
    )
    if root.translation_of_id is not None or root.language != original_language:
        return False
    existing = TagTranslation.objects.filter(tag=translation).first()
    if existing is not None:
        return False
    if root.translations.filter(language=language).exists():
        return False
    TagTranslation.objects.create(tag=translation, language=language, translation_of=root)
    return True


def link_tag_names(names_by_language: dict[str, list[str]], original_language: str) -> int:
    """Link tags given by name in parallel lists (the demo's `tags = {en = [...], ru = [...]}`);
    returns how many links were made."""
    originals = names_by_language.get(original_language, [])
    made = 0
    for language, names in names_by_language.items():
        if language == original_language or len(names) != len(originals):
            continue
        for original_name, name in zip(originals, names, strict=True):
            original = Tag.objects.filter(name=original_name).first()
            translation = Tag.objects.filter(name=name).first()
            if original and translation:
                made += link_tags(original, original_language, translation, language)
    return made
