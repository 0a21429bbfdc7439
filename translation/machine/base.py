"""Shared plumbing for HTTP machine translators.

wagtail-localize calls `translate()` from inside a request and lets any exception escape as a
server error, which would throw the editor out of the translation screen. Every backend failure is
therefore turned into one `MachineTranslationError` whose message is written for the editor; the
views in `translation.views` catch it and show it as an admin message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import httpx
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

DEFAULT_TIMEOUT_SECONDS = 20.0

# A StringValue is an HTML fragment. Without markup or entities it is plain text and can be sent
# as such, which spares the backend's HTML parser and keeps it from inventing markup.
_MARKUP = re.compile(r"[<&]")


class MachineTranslationError(Exception):
    """A machine translation backend could not translate; the message is shown to the editor."""


def language_code(code: str) -> str:
    """'en-gb' -> 'en': both backends want bare ISO 639-1 codes for our languages."""
    return code.split("-")[0].lower()


def is_plain_text(value: StringValue) -> bool:
    """True when the fragment holds no tags or entities, so it can travel as format=text."""
    return not _MARKUP.search(value.data)


def translated_value(text: str, *, was_plain: bool) -> StringValue:
    """Turn a backend answer back into a StringValue in the form wagtail-localize stores.

    Plain-text answers are escaped (a '<' in a translated sentence must stay text); HTML answers
    are kept as the backend returned them, and wagtail-localize validates them on save.
    """
    return StringValue.from_plaintext(text) if was_plain else StringValue(text)


class HttpMachineTranslator(BaseMachineTranslator):
    """Base for translators that talk JSON over HTTP with httpx.

    Subclasses implement `_translate_batch()` for one format; this class splits the strings into
    plain-text and HTML batches and maps transport failures to editor-readable errors.
    """

    display_name = "HTTP translator"
    #: Languages the backend is asked to translate between; anything else hides the button.
    supported_languages: frozenset[str] = frozenset({"en", "ru"})

    def timeout(self) -> float:
        return float(self.options.get("TIMEOUT", DEFAULT_TIMEOUT_SECONDS))

    def can_translate(self, source_locale, target_locale) -> bool:
        source = language_code(source_locale.language_code)
        target = language_code(target_locale.language_code)
        return source != target and {source, target} <= self.supported_languages

    def translate(self, source_locale, target_locale, strings: Iterable[StringValue]):
        strings = list(strings)
        source = language_code(source_locale.language_code)
        target = language_code(target_locale.language_code)
        plain = [s for s in strings if is_plain_text(s)]
        html = [s for s in strings if not is_plain_text(s)]
        result: dict[StringValue, StringValue] = {}
        with httpx.Client(timeout=self.timeout(), follow_redirects=False) as client:
            for batch, was_plain in ((plain, True), (html, False)):
                if not batch:
                    continue
                texts = self._translate_batch(
                    client,
                    [s.data for s in batch],
                    source=source,
                    target=target,
                    fmt="text" if was_plain else "html",
                )
                if len(texts) != len(batch):
                    raise MachineTranslationError(
                        f"{self.display_name} returned {len(texts)} translations for "
                        f"{len(batch)} segments; nothing was changed."
                    )
                for value, text in zip(batch, texts, strict=True):
                    result[value] = translated_value(text, was_plain=was_plain)
        return result

    def _translate_batch(
        self, client: httpx.Client, texts: Sequence[str], *, source: str, target: str, fmt: str
    ) -> list[str]:
        raise NotImplementedError

    def _post(self, client: httpx.Client, url: str, **kwargs: Any) -> httpx.Response:
        """POST and translate transport failures into MachineTranslationError."""
        try:
            return client.post(url, **kwargs)
        except httpx.TimeoutException as err:
            raise MachineTranslationError(
                f"{self.display_name} did not answer within {self.timeout():g} seconds. "
                "Your translations are unchanged; try again later."
            ) from err
        except httpx.HTTPError as err:
            raise MachineTranslationError(
                f"Could not reach {self.display_name} ({type(err).__name__}: {err}). "
                "Your translations are unchanged."
            ) from err

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as err:
            raise MachineTranslationError(
                f"{self.display_name} answered HTTP {response.status_code} with something "
                "that is not JSON. Your translations are unchanged."
            ) from err
