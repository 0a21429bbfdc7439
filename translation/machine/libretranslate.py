"""LibreTranslate client (https://libretranslate.com/docs): POST {url}/translate.

Newsrooms self-host LibreTranslate so article drafts never leave their servers; the API key is
optional because a private instance often runs without one.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from .base import HttpMachineTranslator, MachineTranslationError


class LibreTranslateTranslator(HttpMachineTranslator):
    """Options: URL (base URL of the instance), API_KEY (optional), TIMEOUT (seconds)."""

    display_name = "LibreTranslate"

    def endpoint(self) -> str:
        return self.options["URL"].rstrip("/") + "/translate"

    def _translate_batch(
        self, client: httpx.Client, texts: Sequence[str], *, source: str, target: str, fmt: str
    ) -> list[str]:
        payload = {"q": list(texts), "source": source, "target": target, "format": fmt}
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        response = self._post(client, self.endpoint(), json=payload)
        body = self._json(response)
        if response.status_code != 200:
            raise MachineTranslationError(self._error_message(response.status_code, body))
        translated = body.get("translatedText") if isinstance(body, dict) else None
        if isinstance(translated, str):  # an instance that answers a one-item list with a str
            translated = [translated]
        if not isinstance(translated, list) or not all(isinstance(t, str) for t in translated):
            raise MachineTranslationError(
                "LibreTranslate answered without a list of translations. "
                "Your translations are unchanged."
            )
        return translated

    def _error_message(self, status: int, body: object) -> str:
        detail = body.get("error") if isinstance(body, dict) else None
        detail = f" ({detail})" if detail else ""
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
