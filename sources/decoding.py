"""Bytes to text for everything the ingest pipeline reads: feeds and article pages.

One label table, one byte-order-mark sniffer, one reader of in-document declarations and one
statistical guesser serve both kinds of document, so a charset label means the same thing
whether it came with a feed or with a page:

* Labels are widened to their WHATWG superset (GB2312 is decoded as GB18030, ISO-8859-1 and
  ASCII as windows-1252, Shift_JIS as cp932, ...) because real servers put characters from the
  superset into documents labelled with the subset, and browsers read them that way.
* A declaration (HTTP charset, XML prolog, ``<meta charset>``) is used only if it decodes the
  bytes cleanly: servers mislabel often, so a wrong label falls through to the next step.
* UTF-16/32 labels are ignored without a BOM (a document that decodes as ASCII cannot be UTF-16).

The two entry points differ only in what they trust first, for reasons of the formats:
``decode_feed`` follows the XML order (BOM, HTTP charset, XML declaration, UTF-8, guess);
``decode_page`` tries valid non-ASCII UTF-8 before the declarations, because legacy bytes almost
never form valid multi-byte UTF-8 while "UTF-8 page declared as windows-1251" is common on the web.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

import charset_normalizer
from trafilatura.utils import detect_encoding

# WHATWG Encoding Standard: Python codec names (after codecs.lookup) whose real-world content
# uses a superset encoding.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}
# Labels seen on the web that Python's codec registry does not know.
_ALIASES = {"x-gbk": "gbk", "gb_2312-80": "gb2312", "x-sjis": "shift_jis"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ("utf-16", "utf-32")

_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)""")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_MARKUP = re.compile(rb"<script\b.*?</script>|<style\b.*?</style>|<[^>]*>", re.DOTALL | re.I)
_LANGUAGE_TAG = re.compile(
    rb"<(?:\w+:)?language>\s*([A-Za-z]{2,3})|xml:lang\s*=\s*[\"']([A-Za-z]{2,3})", re.I
)


def codec_for_label(label: str | None) -> str | None:
    """Python codec name for a charset label, widened to its WHATWG superset; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def content_type_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, lower-cased; None when absent."""
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    charset = msg.get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) and charset.strip() else None


def strip_bom(data: bytes, *, sniff_xml: bool = False) -> tuple[bytes, str | None]:
    """(bytes without their byte-order mark, the codec it names or None).

    With ``sniff_xml``, UTF-16 without a BOM is recognised by the NUL bytes around "<?" (an
    XML prolog, so only documents that must start with one are sniffed this way).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], name
    if sniff_xml and data.startswith(b"\x00<\x00?"):
        return data, "utf-16-be"
    if sniff_xml and data.startswith(b"<\x00?\x00"):
        return data, "utf-16-le"
    return data, None


def declared_encoding(data: bytes, *, html: bool = True) -> str | None:
    """The codec the document declares about itself: XML prolog, and for HTML a meta charset.

    Feeds look at the XML prolog only: a ``<meta charset>`` inside an entry's CDATA speaks for
    the quoted page, not for the feed.
    """
    head = data[:4096]
    found = _XML_DECLARATION.search(head)
    if found is None and html:
        found = _META_CHARSET.search(head)
    return codec_for_label(found.group(1).decode("ascii", "ignore")) if found else None


def _strict(data: bytes, labels: list[str | None]) -> tuple[str, str] | None:
    """The first label (widened) that decodes ``data`` without an error: (text, codec)."""
    tried: set[str] = set()
    for label in labels:
        codec = codec_for_label(label)
        if not codec or codec in tried or codec.startswith(_WIDE):
            continue
        tried.add(codec)
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def decode_feed(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode feed bytes to text; return (text, codec used).

    Order: BOM, HTTP charset, XML declaration, UTF-8, detector guess (narrowed by the feed's
    declared language), and as a last resort the first declared codec with replacement
    characters, so a feed is never rejected for its encoding alone.
    """
    body, bom_codec = strip_bom(data, sniff_xml=True)
    if bom_codec:
        return body.decode(bom_codec, errors="replace"), bom_codec
    labels = [content_type_charset(content_type), declared_encoding(body, html=False), "utf-8"]
    decoded = _strict(body, labels)
    if decoded is not None:
        return decoded
    fallback = next(
        c for c in map(codec_for_label, labels) if c and not c.startswith(_WIDE)
    )  # "utf-8" is always there
    codec = guess_codec(body) or fallback
    return body.decode(codec, errors="replace"), codec


def decode_page(data: bytes, http_charset: str | None = None) -> str:
    """Decode page bytes the way a careful browser would, but robust to lying declarations.

    Order: byte-order mark; valid UTF-8 with non-ASCII content; the HTTP charset and the
    document's own declaration if they decode cleanly; pure-ASCII UTF-8; statistical detection
    on the page's text; finally UTF-8 with replacement characters.
    """
    body, bom_codec = strip_bom(data)
    if bom_codec:
        return body.decode(bom_codec, errors="replace")
    try:
        text: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not text.isascii():
        return text
    decoded = _strict(data, [http_charset, declared_encoding(data)])
    if decoded is not None:
        return decoded[0]
    if text is not None:
        return text
    for guess in _page_guesses(data):
        try:
            return data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------------------------
# Guessing undeclared legacy bytes
# --------------------------------------------------------------------------------------------

# Legacy encodings in use per language, most common first: the detector alone confuses
# single-byte code pages (Portuguese text scores as Baltic cp1257), the feed's language does not.
_LANGUAGE_CODECS = {
    "ru": ["cp1251", "koi8_r", "cp866", "iso8859_5"],
    "uk": ["cp1251", "koi8_u"],
    "be": ["cp1251"],
    "bg": ["cp1251"],
    "sr": ["cp1251", "cp1250"],
    "mk": ["cp1251"],
    "kk": ["cp1251"],
    "pl": ["cp1250", "iso8859_2"],
    "cs": ["cp1250", "iso8859_2"],
    "sk": ["cp1250", "iso8859_2"],
    "hu": ["cp1250", "iso8859_2"],
    "sl": ["cp1250", "iso8859_2"],
    "hr": ["cp1250", "iso8859_2"],
    "ro": ["cp1250", "iso8859_16"],
    "el": ["cp1253", "iso8859_7"],
    "tr": ["cp1254"],
    "he": ["cp1255", "iso8859_8"],
    "ar": ["cp1256", "iso8859_6"],
    "fa": ["cp1256"],
    "lt": ["cp1257"],
    "lv": ["cp1257"],
    "et": ["cp1257"],
    "vi": ["cp1258"],
    "th": ["cp874"],
    "zh": ["gb18030", "big5hkscs"],
    "ja": ["cp932", "euc_jp", "iso2022_jp"],
    "ko": ["cp949"],
}
_WESTERN = ["cp1252"]
_POPULAR = [
    "utf-8",
    "cp1252",
    "cp1251",
    "gb18030",
    "cp1250",
    "cp932",
    "cp949",
    "big5hkscs",
    "koi8-r",
    "cp1254",
    "cp1256",
    "cp1253",
    "cp1255",
    "cp1257",
    "cp874",
    "cp1258",
]


def _declared_language(body: bytes) -> str | None:
    match = _LANGUAGE_TAG.search(body[:8192])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def _popularity(codec: str | None) -> int:
    return _POPULAR.index(codec) if codec in _POPULAR else len(_POPULAR)


def guess_codec(body: bytes) -> str | None:
    """Guess the encoding of undeclared, non-UTF-8 feed bytes, narrowed by the declared language.

    Several code pages often decode the bytes with no "mess" at all; the detector's own ranking
    then leans on ASCII-heavy language scores, so ties are broken by how common each encoding is
    on the web instead.
    """
    language = _declared_language(body)
    if language is not None:
        preferred = _LANGUAGE_CODECS.get(language, _WESTERN)
        if len(preferred) == 1:
            return preferred[0]
        best = charset_normalizer.from_bytes(body, cp_isolation=preferred).best()
        if best is not None:
            return codec_for_label(best.encoding)
    results = list(charset_normalizer.from_bytes(body))
    if not results:
        return None
    least_chaos = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos <= least_chaos + 0.005]
    tied.sort(key=lambda r: _popularity(codec_for_label(r.encoding)))
    return codec_for_label(tied[0].encoding)


def _page_guesses(data: bytes) -> list[str]:
    """Statistical guesses for a page, best first, judged on its text rather than its markup.

    Markup, scripts and styles are ASCII noise that drowns the few kilobytes of letters the
    detector needs; trafilatura's own helper samples head and tail only and misreads e.g.
    windows-1251 Russian as a Baltic code page. Its guesses remain as the fallback.
    """
    letters = _MARKUP.sub(b" ", data)[:200_000]
    best = charset_normalizer.from_bytes(letters).best() if letters.strip() else None
    guesses = [best.encoding] if best is not None else []
    return guesses + [g for g in detect_encoding(data) if g not in guesses]
