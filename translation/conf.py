"""Settings builders for the translation app, called from newsdesk/settings/base.py.

Kept free of Django imports so the settings module can call it before apps are loaded.
Secrets only ever come from the environment, never from files in the repository.
"""

from __future__ import annotations

from collections.abc import Mapping

LIBRETRANSLATE_CLASS = "translation.machine.libretranslate.LibreTranslateTranslator"
DEEPL_CLASS = "translation.machine.deepl.DeepLTranslator"

_TRUE = {"1", "true", "yes", "on"}


def _timeout(env: Mapping[str, str]) -> float:
    raw = env.get("MACHINE_TRANSLATION_TIMEOUT", "").strip()
    if not raw:
        return 20.0
    try:
        value = float(raw)
    except ValueError as err:
        raise ValueError(
            f"MACHINE_TRANSLATION_TIMEOUT must be a number of seconds: {raw!r}"
        ) from err
    if value <= 0:
        raise ValueError(f"MACHINE_TRANSLATION_TIMEOUT must be positive: {raw!r}")
    return value


def machine_translator_from_env(env: Mapping[str, str]) -> dict | None:
    """Build WAGTAILLOCALIZE_MACHINE_TRANSLATOR from environment variables.

    Returns None when no backend is configured: wagtail-localize then offers no machine option,
    which is a normal state for a newsroom that translates by hand, not an error.
    DeepL wins when both are configured (it is the one that costs money, so an operator who set
    its key means it) unless MACHINE_TRANSLATOR=libretranslate says otherwise.
    """
    deepl_key = env.get("DEEPL_API_KEY", "").strip()
    libre_url = env.get("LIBRETRANSLATE_URL", "").strip()
    choice = env.get("MACHINE_TRANSLATOR", "").strip().lower()
    if choice not in ("", "deepl", "libretranslate"):
        raise ValueError(f"MACHINE_TRANSLATOR must be 'deepl' or 'libretranslate', not {choice!r}")
    if choice == "deepl" and not deepl_key:
        raise ValueError("MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY")
    if choice == "libretranslate" and not libre_url:
        raise ValueError("MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL")
    timeout = _timeout(env)

    if deepl_key and choice != "libretranslate":
        options: dict = {"AUTH_KEY": deepl_key, "TIMEOUT": timeout}
        if env.get("DEEPL_API_URL", "").strip():
            options["API_URL"] = env["DEEPL_API_URL"].strip()
        return {"CLASS": DEEPL_CLASS, "OPTIONS": options}
    if libre_url:
        if not libre_url.startswith(("http://", "https://")):
            raise ValueError(
                f"LIBRETRANSLATE_URL must start with http:// or https://: {libre_url!r}"
            )
        options = {"URL": libre_url, "TIMEOUT": timeout}
        if env.get("LIBRETRANSLATE_API_KEY", "").strip():
            options["API_KEY"] = env["LIBRETRANSLATE_API_KEY"].strip()
        return {"CLASS": LIBRETRANSLATE_CLASS, "OPTIONS": options}
    return None


def flag_from_env(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ('1', 'true', 'yes', 'on' mean yes)."""
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    return raw.strip().lower() in _TRUE
