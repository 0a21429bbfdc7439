"""Test helpers for what core owns: locales, images, unique numbers. Nothing here touches the
network or any app above core; article and source factories live in ``articles.testing`` and
``sources.testing`` so each layer's tests build only what that layer may import.
"""

from __future__ import annotations

import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

_counter = itertools.count(1)


def next_number() -> int:
    """A number no other factory call in this process has had (unique titles, slugs, URLs)."""
    return next(_counter)


def make_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru")}


def make_image(title: str | None = None, size=(1200, 675), color=(40, 90, 140)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="JPEG")
    image = get_image_model()(title=title or f"Image {next_number()}")
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="test.jpg")
    image.save()
    return image
