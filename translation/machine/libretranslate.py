"""LibreTranslate (https://libretranslate.com/docs) through wagtail-localize's own
`LibreTranslator`, corrected by `CheckedTranslatorMixin`.

Options: URL (base URL of the instance; upstream's name LIBRETRANSLATE_URL works too), API_KEY
(optional: a private instance often runs without one, where upstream requires it), TIMEOUT
(seconds). Newsrooms self-host LibreTranslate so drafts never leave their servers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue

from .base import CheckedTranslatorMixin


class LibreTranslateTranslator(CheckedTranslatorMixin, LibreTranslator):
    def get_api_endpoint(self) -> str:
        return (self.options.get("LIBRETRANSLATE_URL") or self.options["URL"]).rstrip("/")

    def request_kwargs(
        self, source_locale, target_locale, batch: Sequence[StringValue], *, plain: bool
    ) -> dict[str, Any]:
        payload = {
            "q": [s.data for s in batch],
            "source": self.language_code(source_locale.language_code),
            "target": self.language_code(target_locale.language_code),
            "format": "text" if plain else "html",
        }
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        return {"url": self.get_api_endpoint() + "/translate", "json": payload}

    def translations(self, body: Any) -> list[str] | None:
        translated = body.get("translatedText") if isinstance(body, dict) else None
        if isinstance(translated, str):  # an instance that answers a one-item list with a str
            translated = [translated]
        if not isinstance(translated, list) or not all(isinstance(t, str) for t in translated):
            return None
        return translated

    def error_message(self, status: int, detail: str) -> str:
        if status == 429:
            return (
                f"LibreTranslate refused: too many requests or quota used up{detail}. "
                "Your translations are unchanged; try again later."
            )
        if status in (401, 403):
            return (
                f"LibreTranslate rejected the API key{detail}. Check LIBRETRANSLATE_API_KEY. "
                "Your translations are unchanged."
            )
        return f"LibreTranslate answered HTTP {status}{detail}. Your translations are unchanged."
