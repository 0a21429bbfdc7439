"""The real LibreTranslate and DeepL clients against fake servers speaking their HTTP APIs."""

from __future__ import annotations

import pytest
from wagtail.models import Locale
from wagtail_localize.machine_translators import deepl, libretranslate
from wagtail_localize.strings import StringValue

from translation.conf import DEEPL_CLASS, LIBRETRANSLATE_CLASS, machine_translator_from_env
from translation.machine.base import MachineTranslationError, translated_value
from translation.machine.deepl import DeepLTranslator
from translation.machine.libretranslate import LibreTranslateTranslator

from .fake_servers import FakeBackendState, fake_deepl, fake_libretranslate

EN = Locale(language_code="en")
RU = Locale(language_code="ru")


def make_strings(*html: str) -> list[StringValue]:
    return [StringValue(h) for h in html]


def make_libre(url: str, **options) -> LibreTranslateTranslator:
    return LibreTranslateTranslator({"URL": url, "TIMEOUT": 2, **options})


def make_deepl(url: str, key: str = "secret-key", **options) -> DeepLTranslator:
    return DeepLTranslator({"AUTH_KEY": key, "API_URL": url, "TIMEOUT": 2, **options})


# --- LibreTranslate -------------------------------------------------------------------------


def test_libretranslate_translates_plain_and_html_segments_keeping_tags():
    state = FakeBackendState(api_key="k1")
    strings = make_strings("Hello world", "Read <b>this</b> now", "Fish &amp; chips")
    with fake_libretranslate(state) as server:
        result = make_libre(server.url, API_KEY="k1").translate(EN, RU, strings)

    assert result[strings[0]].data == "[ru] Hello world"
    assert result[strings[1]].data == "[ru] Read <b>[ru] this</b>[ru]  now"
    assert result[strings[2]].data == "[ru] Fish &amp; chips"
    # One request per format, with the documented fields.
    sent = {r["json"]["format"]: r["json"] for r in state.requests}
    assert sent["text"] == {
        "q": ["Hello world"],
        "source": "en",
        "target": "ru",
        "format": "text",
        "api_key": "k1",
    }
    assert sent["html"]["q"] == ["Read <b>this</b> now", "Fish &amp; chips"]


def test_plain_text_answers_are_escaped_but_html_answers_kept():
    assert translated_value("a < b & c", was_plain=True).data == "a &lt; b &amp; c"
    assert translated_value("a <b>b</b>", was_plain=False).data == "a <b>b</b>"


def test_libretranslate_without_key_sends_no_api_key_field():
    state = FakeBackendState()
    with fake_libretranslate(state) as server:
        make_libre(server.url).translate(EN, RU, make_strings("Hi"))
    assert "api_key" not in state.requests[0]["json"]


def test_libretranslate_wrong_key_gives_clear_error():
    with fake_libretranslate(FakeBackendState(api_key="right")) as server:
        with pytest.raises(MachineTranslationError, match="rejected the API key.*Invalid API key"):
            make_libre(server.url, API_KEY="wrong").translate(EN, RU, make_strings("Hi"))


def test_libretranslate_server_error_gives_status_and_detail():
    with fake_libretranslate(FakeBackendState(fail_status=500)) as server:
        with pytest.raises(MachineTranslationError, match="HTTP 500 .*engine failure"):
            make_libre(server.url).translate(EN, RU, make_strings("Hi"))


def test_libretranslate_rate_limit_is_reported_as_quota():
    with fake_libretranslate(FakeBackendState(characters_left=3)) as server:
        with pytest.raises(MachineTranslationError, match="too many requests or quota"):
            make_libre(server.url).translate(EN, RU, make_strings("Longer than three"))


def test_libretranslate_timeout_gives_clear_error():
    with fake_libretranslate(FakeBackendState(delay=1.0)) as server:
        translator = make_libre(server.url, TIMEOUT=0.2)
        with pytest.raises(MachineTranslationError, match="did not answer within 0.2 seconds"):
            translator.translate(EN, RU, make_strings("Hi"))


def test_libretranslate_unreachable_server_gives_clear_error():
    with fake_libretranslate() as server:
        url = server.url  # the port is closed once the server stops
    with pytest.raises(MachineTranslationError, match="Could not reach LibreTranslate"):
        make_libre(url).translate(EN, RU, make_strings("Hi"))


# --- DeepL ----------------------------------------------------------------------------------


def test_deepl_translates_with_auth_header_and_html_tag_handling():
    state = FakeBackendState(api_key="abc:fx")
    strings = make_strings("Good morning", 'A <a id="a1">link</a>')
    with fake_deepl(state) as server:
        result = make_deepl(server.url, key="abc:fx").translate(EN, RU, strings)

    assert result[strings[0]].data == "[ru] Good morning"
    assert result[strings[1]].data == '[ru] A <a id="a1">[ru] link</a>'
    by_kind = {"tag_handling" in r["json"]: r for r in state.requests}
    assert by_kind[True]["json"]["tag_handling"] == "html"
    assert by_kind[False]["json"] == {
        "text": ["Good morning"],
        "source_lang": "EN",
        "target_lang": "RU",
    }
    assert by_kind[True]["headers"]["Authorization"] == "DeepL-Auth-Key abc:fx"


def test_deepl_targets_english_as_en_gb():
    state = FakeBackendState()
    with fake_deepl(state) as server:
        result = make_deepl(server.url).translate(RU, EN, make_strings("Привет"))
    assert state.requests[0]["json"]["target_lang"] == "EN-GB"
    assert list(result.values())[0].data == "[en] Привет"


def test_deepl_quota_456_gives_quota_message():
    with fake_deepl(FakeBackendState(characters_left=2)) as server:
        with pytest.raises(MachineTranslationError, match="DeepL quota exceeded"):
            make_deepl(server.url).translate(EN, RU, make_strings("Too long"))


def test_deepl_quota_allows_requests_until_used_up():
    state = FakeBackendState(characters_left=10)
    with fake_deepl(state) as server:
        translator = make_deepl(server.url)
        translator.translate(EN, RU, make_strings("12345"))
        translator.translate(EN, RU, make_strings("12345"))
        with pytest.raises(MachineTranslationError, match="quota exceeded"):
            translator.translate(EN, RU, make_strings("1"))


def test_deepl_rate_limit_429_and_server_error_are_distinguished():
    with fake_deepl(FakeBackendState(fail_status=429)) as server:
        with pytest.raises(MachineTranslationError, match="too many requests"):
            make_deepl(server.url).translate(EN, RU, make_strings("Hi"))
    with fake_deepl(FakeBackendState(fail_status=503)) as server:
        with pytest.raises(MachineTranslationError, match="HTTP 503 .*Internal server error"):
            make_deepl(server.url).translate(EN, RU, make_strings("Hi"))


def test_deepl_wrong_key_gives_clear_error():
    with fake_deepl(FakeBackendState(api_key="right")) as server:
        with pytest.raises(MachineTranslationError, match="rejected the API key"):
            make_deepl(server.url, key="wrong").translate(EN, RU, make_strings("Hi"))


def test_deepl_timeout_gives_clear_error():
    with fake_deepl(FakeBackendState(delay=1.0)) as server:
        with pytest.raises(MachineTranslationError, match="did not answer within 0.2 seconds"):
            make_deepl(server.url, TIMEOUT=0.2).translate(EN, RU, make_strings("Hi"))


def test_deepl_free_keys_use_the_free_host_and_paid_keys_the_pro_host():
    def endpoint(**options):
        return DeepLTranslator(options).get_api_endpoint()

    assert endpoint(AUTH_KEY="1234:fx") == "https://api-free.deepl.com/v2/translate"
    assert endpoint(AUTH_KEY="1234") == "https://api.deepl.com/v2/translate"
    assert endpoint(AUTH_KEY="1234:fx", API_URL="http://127.0.0.1:9/") == (
        "http://127.0.0.1:9/v2/translate"
    )


def test_translators_are_wagtail_localize_translators():
    """Ours only correct upstream's classes, so upstream fixes and options reach us."""
    assert issubclass(DeepLTranslator, deepl.DeepLTranslator)
    assert issubclass(LibreTranslateTranslator, libretranslate.LibreTranslator)


def test_deepl_passes_upstream_formality_option():
    state = FakeBackendState()
    with fake_deepl(state) as server:
        make_deepl(server.url, FORMALITY="prefer_less").translate(EN, RU, make_strings("Hi"))
    assert state.requests[0]["json"]["formality"] == "prefer_less"


def test_libretranslate_accepts_upstream_url_option_name():
    state = FakeBackendState()
    with fake_libretranslate(state) as server:
        translator = LibreTranslateTranslator({"LIBRETRANSLATE_URL": server.url, "TIMEOUT": 2})
        result = translator.translate(EN, RU, make_strings("Hi"))
    assert list(result.values())[0].data == "[ru] Hi"


def test_translators_only_offer_translation_between_different_supported_languages():
    translator = make_deepl("http://127.0.0.1:9")
    assert translator.can_translate(EN, RU)
    assert translator.can_translate(RU, EN)
    assert not translator.can_translate(EN, Locale(language_code="en-gb"))
    assert not translator.can_translate(EN, Locale(language_code="de"))


# --- configuration from the environment ------------------------------------------------------


def test_no_backend_configured_means_no_machine_translator():
    assert machine_translator_from_env({}) is None
    assert machine_translator_from_env({"LIBRETRANSLATE_API_KEY": "orphan"}) is None


def test_libretranslate_configured_from_env():
    config = machine_translator_from_env(
        {"LIBRETRANSLATE_URL": "http://mt.local:5000", "LIBRETRANSLATE_API_KEY": "k"}
    )
    assert config == {
        "CLASS": LIBRETRANSLATE_CLASS,
        "OPTIONS": {"URL": "http://mt.local:5000", "API_KEY": "k", "TIMEOUT": 20.0},
    }


def test_deepl_preferred_when_both_configured_unless_told_otherwise():
    env = {
        "LIBRETRANSLATE_URL": "http://mt.local",
        "DEEPL_API_KEY": "d:fx",
        "DEEPL_API_URL": "http://127.0.0.1:1",
        "MACHINE_TRANSLATION_TIMEOUT": "5",
    }
    config = machine_translator_from_env(env)
    assert config["CLASS"] == DEEPL_CLASS
    assert config["OPTIONS"] == {
        "AUTH_KEY": "d:fx",
        "API_URL": "http://127.0.0.1:1",
        "TIMEOUT": 5.0,
    }
    env["MACHINE_TRANSLATOR"] = "libretranslate"
    assert machine_translator_from_env(env)["CLASS"] == LIBRETRANSLATE_CLASS


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LIBRETRANSLATE_URL": "mt.local"}, "must start with http"),
        ({"MACHINE_TRANSLATOR": "google"}, "must be 'deepl' or 'libretranslate'"),
        ({"MACHINE_TRANSLATOR": "deepl"}, "needs DEEPL_API_KEY"),
        ({"DEEPL_API_KEY": "x", "MACHINE_TRANSLATION_TIMEOUT": "soon"}, "number of seconds"),
    ],
)
def test_bad_environment_configuration_is_a_clear_error(env, message):
    with pytest.raises(ValueError, match=message):
        machine_translator_from_env(env)
