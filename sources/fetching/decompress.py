"""gzip/deflate decompression with a cap on the *decoded* size, so a gzip bomb stops at the cap."""

from __future__ import annotations

import zlib

from .errors import FetchError


class CappedDecoder:
    """Decompresses gzip/deflate incrementally, never producing more than the cap allows."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise FetchError(
                f"unsupported Content-Encoding {content_encoding!r} (stacked codings).", url=url
            )
        self.coding = codings[0] if codings else None
        if self.coding in ("gzip", "x-gzip"):
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._d = zlib.decompressobj(zlib.MAX_WBITS)
        elif self.coding is None:
            self._d = None
        else:
            raise FetchError(
                f"unsupported Content-Encoding {self.coding!r}: we only ask for gzip or "
                "deflate, so the server ignored Accept-Encoding.",
                url=url,
            )
        self._produced = False
        self._raw_tried = False

    def decode(self, data: bytes, room: int) -> bytes:
        """Decode ``data``; return at most ``room + 1`` bytes so the caller can see overflow."""
        if self._d is None:
            return data
        try:
            return self._decode(data, room)
        except zlib.error:
            # Some servers send raw deflate without the zlib header: retry once that way.
            if self.coding == "deflate" and not self._produced and not self._raw_tried:
                self._raw_tried = True
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._decode(data, room)
            raise

    def _decode(self, data: bytes, room: int) -> bytes:
        assert self._d is not None  # noqa: S101
        out = bytearray()
        # max_length bounds the output of each call: a bomb inflates at most room + 1 bytes.
        while data and len(out) <= room:
            out += self._d.decompress(data, room + 1 - len(out))
            if self._d.eof and self._d.unused_data:
                # Concatenated gzip members: start a fresh decompressor for the next one.
                data = self._d.unused_data
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                continue
            data = self._d.unconsumed_tail
        if out:
            self._produced = True
        return bytes(out)

    def flush(self) -> bytes:
        return self._d.flush() if self._d is not None else b""
