"""What wagtail-localize's machine translators get wrong, fixed once for both backends.

Our translators subclass wagtail-localize's own `DeepLTranslator` and `LibreTranslator` and keep
their endpoints, headers, parameters (DeepL formality and glossaries included) and language
codes. Only `translate()` and `can_translate()` are replaced, because upstream's (1.14):

* never looks at the HTTP status (DeepL) or raises a bare `HTTPError` (LibreTranslate), and lets
  timeouts and connection errors escape, which the translation screen shows as a server error;
  here every failure is one `MachineTranslationError` written for the editor, which the views
  in `translation.views` show as an admin message;
* truncates DeepL's TIMEOUT with `int()` (0.5 s becomes 0, which requests refuses);
* sends every segment as HTML; a segment without markup or entities goes here as plain text,
  which spares the backend's HTML parser and keeps it from inventing markup, and its answer is
  escaped (a '<' in a translated sentence stays text);
* offers en -> en-gb and every language pair; here only different languages we publish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import requests
from wagtail_localize.strings import StringValue

DEFAULT_TIMEOUT_SECONDS = 20.0
#: Languages the backends are asked to translate between; anything else hides the button.
SUPPORTED_LANGUAGES = frozenset({"en", "ru"})

_MARKUP = re.compile(r"[<&]")


class MachineTranslationError(Exception):
    """A machine translation backend could not translate; the message is shown to the editor."""


def bare_language(code: str) -> str:
    """'en-gb' -> 'en'."""
    return code.split("-")[0].lower()


def is_plain_text(value: StringValue) -> bool:
    """True when the fragment holds no tags or entities, so it can travel as plain text."""
    return not _MARKUP.search(value.data)


def translated_value(text: str, *, was_plain: bool) -> StringValue:
    """A backend answer as wagtail-localize stores it: plain answers escaped, HTML kept as is
    (wagtail-localize validates it on save)."""
    return StringValue.from_plaintext(text) if was_plain else StringValue(text)


class CheckedTranslatorMixin:
    """Put first in the bases, before the wagtail-localize translator it corrects.

    A subclass provides `request_kwargs()` (what to POST for one batch), `translations()` (the
    texts in an answer, or None when the answer has the wrong shape), `error_message()` and
    `error_detail_key` (the JSON field holding the backend's reason).
    """

    display_name: str
    options: dict[str, Any]
    error_detail_key = "error"

    def get_timeout(self) -> float:
        return float(self.options.get("TIMEOUT", DEFAULT_TIMEOUT_SECONDS))

    def can_translate(self, source_locale, target_locale) -> bool:
        source = bare_language(source_locale.language_code)
        target = bare_language(target_locale.language_code)
        return source != target and {source, target} <= SUPPORTED_LANGUAGES

    def translate(self, source_locale, target_locale, strings: Iterable[StringValue]):
        strings = list(strings)
        result: dict[StringValue, StringValue] = {}
        with requests.Session() as session:
            for was_plain in (True, False):
                batch = [s for s in strings if is_plain_text(s) == was_plain]
                if not batch:
                    continue
                kwargs = self.request_kwargs(source_locale, target_locale, batch, plain=was_plain)
                texts = self.translations(self._post(session, **kwargs))
                if texts is None:
                    raise MachineTranslationError(
                        f"{self.display_name} answered without a list of translations. "
                        "Your translations are unchanged."
                    )
                if len(texts) != len(batch):
                    raise MachineTranslationError(
                        f"{self.display_name} returned {len(texts)} translations for "
                        f"{len(batch)} segments; nothing was changed."
                    )
                for value, text in zip(batch, texts, strict=True):
                    result[value] = translated_value(text, was_plain=was_plain)
        return result

    def request_kwargs(
        self, source_locale, target_locale, batch: Sequence[StringValue], *, plain: bool
    ) -> dict[str, Any]:
        raise NotImplementedError

    def translations(self, body: Any) -> list[str] | None:
        raise NotImplementedError

    def error_message(self, status: int, detail: str) -> str:
        raise NotImplementedError

    def _post(self, session: requests.Session, **kwargs: Any) -> Any:
        """POST; return the JSON of a 200 answer, else raise MachineTranslationError."""
        try:
            response = session.post(timeout=self.get_timeout(), allow_redirects=False, **kwargs)
        except requests.Timeout as err:
            raise MachineTranslationError(
                f"{self.display_name} did not answer within {self.get_timeout():g} seconds. "
                "Your translations are unchanged; try again later."
            ) from err
        except requests.RequestException as err:
            raise MachineTranslationError(
                f"Could not reach {self.display_name} ({type(err).__name__}: {err}). "
                "Your translations are unchanged."
            ) from err
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code != 200:
            reason = body.get(self.error_detail_key) if isinstance(body, dict) else None
            raise MachineTranslationError(
                self.error_message(response.status_code, f" ({reason})" if reason else "")
            )
        if body is None:
            raise MachineTranslationError(
                f"{self.display_name} answered HTTP 200 with something that is not JSON. "
                "Your translations are unchanged."
            )
        return body
