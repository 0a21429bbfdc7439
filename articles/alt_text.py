"""Text alternatives of the pictures an article shows, kept apart from their captions.

A caption tells every reader something *about* a picture ("the mayor after the vote"); the
text alternative replaces the picture for someone who cannot see it ("a woman in a red coat
waves from the town hall steps"). Each use may override the image's own description (Wagtail's
``Image.description``), and a picture that only decorates is marked as such and gets ``alt=""``
so screen readers skip it. A picture with neither cannot be published.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

MISSING_ALT_MESSAGE = _(
    "Describe the picture for readers who cannot see it (alternative text), add a description "
    "to the image itself, or mark the picture as decorative."
)


def image_description(image: Any) -> str:
    return (getattr(image, "description", "") or "").strip() if image is not None else ""


def alt_text(image: Any, override: str = "", decorative: bool = False) -> str:
    """The alt attribute for one use of `image`: empty when decorative, else the override, else
    the image's description."""
    if image is None or decorative:
        return ""
    return override.strip() or image_description(image)


def lacks_alt_text(image: Any, override: str = "", decorative: bool = False) -> bool:
    """True when `image` is shown but nothing describes it and it is not marked decorative."""
    return image is not None and not decorative and not alt_text(image, override, decorative)
