"""DeepL API v2 (https://developers.deepl.com/docs/api-reference/translate) through
wagtail-localize's own `DeepLTranslator`, corrected by `CheckedTranslatorMixin`.

Options: AUTH_KEY; API_URL (base URL override, e.g. a proxy or a test server); TIMEOUT
(seconds); and upstream's FORMALITY and GLOSSARY_IDS. Free-plan keys end in ':fx' and upstream
picks api-free.deepl.com for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wagtail_localize.machine_translators import deepl
from wagtail_localize.strings import StringValue

from .base import CheckedTranslatorMixin


class DeepLTranslator(CheckedTranslatorMixin, deepl.DeepLTranslator):
    error_detail_key = "message"

    def get_api_endpoint(self) -> str:
        override = self.options.get("API_URL")
        if override:
            return override.rstrip("/") + "/v2/translate"
        return super().get_api_endpoint()

    def request_kwargs(
        self, source_locale, target_locale, batch: Sequence[StringValue], *, plain: bool
    ) -> dict[str, Any]:
        payload = self.get_parameters(source_locale, target_locale, batch)
        # Upstream asks for XML tag handling; our segments are HTML fragments.
        if plain:
            payload.pop("tag_handling", None)
        else:
            payload["tag_handling"] = "html"
        # DeepL refuses the bare target 'EN' (upstream sends it for an 'en' locale).
        if payload["target_lang"] == "EN":
            payload["target_lang"] = "EN-GB"
        return {"url": self.get_api_endpoint(), "json": payload, "headers": self.get_headers()}

    def translations(self, body: Any) -> list[str] | None:
        items = body.get("translations") if isinstance(body, dict) else None
        if not isinstance(items, list) or not all(
            isinstance(item, dict) and isinstance(item.get("text"), str) for item in items
        ):
            return None
        return [item["text"] for item in items]

    def error_message(self, status: int, detail: str) -> str:
        if status == 456:  # DeepL's own status for an exhausted character quota
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
