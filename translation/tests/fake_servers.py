"""Fake LibreTranslate and DeepL servers on 127.0.0.1 that speak the real HTTP APIs.

They let the tests drive the product's real clients (requests) end to end: JSON bodies, the DeepL
Authorization header, status codes (403 bad key, 429 rate limit, 456 DeepL quota, 500) and slow
answers for timeouts. "Translation" is deterministic: every text run outside HTML tags gets a
'[ru] ' style prefix, so tests can see exactly which segments came from the machine.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_TAG = re.compile(r"(<[^>]+>)")


def fake_translate(text: str, target: str, fmt: str) -> str:
    """Prefix every text run with '[target] ' and leave tags alone (in html format)."""
    prefix = f"[{target.lower()}] "
    if fmt == "text":
        return prefix + text
    parts = _TAG.split(text)
    return "".join(p if _TAG.fullmatch(p) or not p.strip() else prefix + p for p in parts)


@dataclass
class FakeBackendState:
    """Knobs a test turns, and what the server saw."""

    api_key: str | None = None
    #: Seconds to wait before answering (to provoke client timeouts).
    delay: float = 0.0
    #: Force an HTTP status (e.g. 500) instead of translating.
    fail_status: int | None = None
    #: Characters that may still be translated before the quota answer (None = unlimited).
    characters_left: int | None = None
    requests: list[dict] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    server: _FakeServer

    def log_message(self, format, *args):  # noqa: A002 - silence the default stderr logging
        return

    def _send_json(self, status: int, body: object) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        state = self.server.state
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        state.requests.append(
            {"path": self.path, "headers": dict(self.headers.items()), "json": body}
        )
        if state.delay:
            time.sleep(state.delay)
        try:
            self.server.api(self, state, body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)


class _FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, api, state: FakeBackendState):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.api = api
        self.state = state

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def _libretranslate_api(handler: _Handler, state: FakeBackendState, body) -> None:
    """POST /translate as documented at https://libretranslate.com/docs."""
    if handler.path != "/translate":
        handler._send_json(404, {"error": "Not Found"})
        return
    if not isinstance(body, dict) or "q" not in body:
        handler._send_json(400, {"error": "Invalid request: missing q parameter"})
        return
    if state.api_key is not None and body.get("api_key") != state.api_key:
        handler._send_json(403, {"error": "Invalid API key"})
        return
    if state.fail_status:
        handler._send_json(state.fail_status, {"error": "Internal translation engine failure"})
        return
    q = body["q"]
    texts = q if isinstance(q, list) else [q]
    size = sum(len(t) for t in texts)
    if state.characters_left is not None:
        if size > state.characters_left:
            handler._send_json(429, {"error": "Too many request limits violations"})
            return
        state.characters_left -= size
    fmt = body.get("format", "text")
    out = [fake_translate(t, body["target"], fmt) for t in texts]
    handler._send_json(200, {"translatedText": out if isinstance(q, list) else out[0]})


def _deepl_api(handler: _Handler, state: FakeBackendState, body) -> None:
    """POST /v2/translate as documented at developers.deepl.com (JSON request form)."""
    if handler.path != "/v2/translate":
        handler._send_json(404, {"message": "Not found"})
        return
    auth = handler.headers.get("Authorization", "")
    if state.api_key is not None and auth != f"DeepL-Auth-Key {state.api_key}":
        handler._send_json(403, {"message": "Authorization failure, check auth_key"})
        return
    if not isinstance(body, dict) or not isinstance(body.get("text"), list):
        handler._send_json(400, {"message": "Value for 'text' not supported."})
        return
    if body.get("target_lang") == "EN":
        handler._send_json(
            400, {"message": "Value for 'target_lang' not supported. Use EN-GB or EN-US."}
        )
        return
    if state.fail_status:
        handler._send_json(state.fail_status, {"message": "Internal server error"})
        return
    size = sum(len(t) for t in body["text"])
    if state.characters_left is not None:
        if size > state.characters_left:
            handler._send_json(456, {"message": "Quota exceeded"})
            return
        state.characters_left -= size
    fmt = "html" if body.get("tag_handling") == "html" else "text"
    target = body["target_lang"].split("-")[0]
    handler._send_json(
        200,
        {
            "translations": [
                {
                    "detected_source_language": body.get("source_lang", "EN"),
                    "text": fake_translate(t, target, fmt),
                }
                for t in body["text"]
            ]
        },
    )


@contextmanager
def _serve(api, state: FakeBackendState) -> Iterator[_FakeServer]:
    server = _FakeServer(api, state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def fake_libretranslate(state: FakeBackendState | None = None) -> Iterator[_FakeServer]:
    with _serve(_libretranslate_api, state or FakeBackendState()) as server:
        yield server


@contextmanager
def fake_deepl(state: FakeBackendState | None = None) -> Iterator[_FakeServer]:
    with _serve(_deepl_api, state or FakeBackendState()) as server:
        yield server
