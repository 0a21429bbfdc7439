"""DeepL API v2 client (https://developers.deepl.com/docs/api-reference/translate).

Free-plan keys end in ':fx' and must use api-free.deepl.com; paid keys use api.deepl.com.
DeepL reports an exhausted character quota with the non-standard status 456.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from .base import HttpMachineTranslator, MachineTranslationError

FREE_API_URL = "https://api-free.deepl.com"
PRO_API_URL = "https://api.deepl.com"


def deepl_base_url(auth_key: str, override: str | None = None) -> str:
    """The API host for a key: an explicit override wins, else free vs pro by the ':fx' suffix."""
    if override:
        return override.rstrip("/")
    return FREE_API_URL if auth_key.endswith(":fx") else PRO_API_URL


def deepl_target_code(language: str) -> str:
    """DeepL refuses the bare target 'EN' (deprecated); English output must say EN-GB or EN-US."""
    code = language.upper()
    return "EN-GB" if code == "EN" else code


class DeepLTranslator(HttpMachineTranslator):
    """Options: AUTH_KEY, API_URL (optional base URL override), TIMEOUT (seconds)."""

    display_name = "DeepL"

    def endpoint(self) -> str:
        return (
            deepl_base_url(self.options["AUTH_KEY"], self.options.get("API_URL")) + "/v2/translate"
        )

    def _translate_batch(
        self, client: httpx.Client, texts: Sequence[str], *, source: str, target: str, fmt: str
    ) -> list[str]:
        payload: dict[str, object] = {
            "text": list(texts),
            "source_lang": source.upper(),
            "target_lang": deepl_target_code(target),
        }
        if fmt == "html":
            payload["tag_handling"] = "html"
        response = self._post(
            client,
            self.endpoint(),
            json=payload,
            headers={"Authorization": f"DeepL-Auth-Key {self.options['AUTH_KEY']}"},
        )
        if response.status_code != 200:
            raise MachineTranslationError(self._error_message(response))
        body = self._json(response)
        items = body.get("translations") if isinstance(body, dict) else None
        if not isinstance(items, list) or not all(
            isinstance(item, dict) and isinstance(item.get("text"), str) for item in items
        ):
            raise MachineTranslationError(
                "DeepL answered without a list of translations. Your translations are unchanged."
            )
        return [item["text"] for item in items]

    def _error_message(self, response: httpx.Response) -> str:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        detail = body.get("message") if isinstance(body, dict) else None
        detail = f" ({detail})" if detail else ""
        if status == 456:
            return (
                f"DeepL quota exceeded: the character limit of this billing period is used up"
                f"{detail}. Your translations are unchanged."
            )
        if status == 429:
            return (
                f"DeepL refused: too many requests{detail}. "
                "Your translations are unchanged; try again in a moment."
            )
        if status == 403:
            return (
                f"DeepL rejected the API key{detail}. Check DEEPL_API_KEY "
                "(free keys end in ':fx'). Your translations are unchanged."
            )
        return f"DeepL answered HTTP {status}{detail}. Your translations are unchanged."
