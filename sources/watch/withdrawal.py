"""Whether a re-fetched source article has been taken down although the outlet did not say 404.

Outlets withdraw an article in three ways besides 404/410 (handled in ``check``): a redirect to
their home page, a redirect to the section or listing the article was in, and a 200 page that
says the article was removed. Each rule is narrow, because a false "withdrawn" alarms every
editor whose article is based on the source:

- a redirect counts only when it lands on the home page, on a path that is a strict prefix of
  the article's own path (``/politik/2026/bridge.html`` -> ``/politik/``), or on a section the
  outlet is known to have (the folder of one of its feeds); a redirect to another article
  address (a new slug, https, a canonical form) is followed and compared as usual;
- a removal notice counts only when the page's text no longer resembles the stored article
  (under a fifth of its word runs are left) and states a removal in the outlet's language or
  English, in one of the outlets' seven languages (a phrase list an editor can read, as for
  correction notes in ``corrections.py``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import html as lxml_html

from ..fetching.client import FetchResult
from ..models import SourceArticle
from ..originality.segments import words

RESEMBLANCE_MIN = 0.2
_SHINGLE = 4

# How outlets word a removed article or a "soft 404", per language (matched case-insensitively).
REMOVAL_PHRASES = {
    "en": [
        r"(?:this|the) (?:article|story|page|content|report) (?:you (?:are|were) looking for )?"
        r"(?:has been|was|have been) (?:removed|deleted|withdrawn|taken down|unpublished)",
        r"(?:this|the) (?:article|story|page|content) (?:you (?:are|were) looking for )?"
        r"(?:is )?no longer (?:available|exists|online)",
        r"(?:page|article|story) (?:not found|cannot be found|could not be found)",
    ],
    "ru": [
        r"(?:статья|материал|страница|публикация|новость) (?:была |был )?"
        r"(?:удалена|удалён|удален|снята|снят|недоступна|недоступен)",
        r"(?:страница|материал|статья) не найден[аы]?",
        r"(?:материал|статья|страница) больше не доступ(?:ен|на)",
    ],
    "de": [
        r"(?:dieser|der) (?:artikel|beitrag|text|inhalt) (?:wurde|ist) "
        r"(?:entfernt|gelöscht|depubliziert|zurückgezogen|nicht mehr verfügbar)",
        r"(?:seite|artikel) (?:wurde )?nicht gefunden",
        r"(?:ist|sind) (?:leider )?nicht mehr verfügbar",
    ],
    "fr": [
        r"(?:cet|l[’']) ?article (?:a été|est) (?:supprimé|retiré|dépublié)",
        r"(?:cet|l[’']) ?article n[’']est plus (?:disponible|en ligne)",
        r"page (?:introuvable|non trouvée)",
        r"n[’']est plus disponible",
    ],
    "es": [
        r"(?:este|el) (?:artículo|contenido|texto) (?:ha sido|fue) (?:eliminado|retirado|borrado)",
        r"(?:este|el) (?:artículo|contenido) ya no está disponible",
        r"página no encontrada",
        r"ya no está disponible",
    ],
    "it": [
        r"(?:questo|l[’']) ?articolo (?:è stato )?(?:rimosso|eliminato|cancellato)",
        r"(?:questo|l[’']) ?articolo non è più disponibile",
        r"pagina non trovata",
        r"non è più disponibile",
    ],
    "pl": [
        r"(?:ten )?(?:artykuł|materiał|tekst) (?:został )?(?:usunięty|wycofany|zdjęty)",
        r"(?:artykuł|materiał|strona) (?:jest )?(?:już )?niedostępn[ya]",
        r"(?:nie znaleziono strony|strona nie została znaleziona|strony nie znaleziono)",
    ],
}
_REMOVAL_RE = {
    lang: re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)
    for lang, phrases in REMOVAL_PHRASES.items()
}


def _host_and_path(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return (parts.hostname or "").removeprefix("www."), parts.path.rstrip("/")


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def known_sections(article: SourceArticle) -> set[str]:
    """Paths of the outlet's sections we know of: the folders its feeds live in."""
    sections = set()
    for url in article.outlet.feeds.values_list("url", flat=True):
        _host, path = _host_and_path(url)
        folder = "/".join(_segments(path)[:-1])
        if folder:
            sections.add("/" + folder)
    return sections


def redirect_withdrawal(article: SourceArticle, result: FetchResult) -> str | None:
    """Why the redirect ``result`` ended on means the article is gone (None: it does not)."""
    if not result.redirects:
        return None
    host, path = _host_and_path(result.url)
    if path == "" and not urlsplit(result.url).query:
        return f"redirected to the outlet's home page {result.url}"
    homepage = article.outlet.homepage
    if homepage and (host, path) == _host_and_path(homepage):
        return f"redirected to the outlet's home page {result.url}"
    original_host, original_path = _host_and_path(article.url)
    if host != original_host:
        return None
    final, original = _segments(path), _segments(original_path)
    if len(final) < len(original) and original[: len(final)] == final:
        return f"redirected to the section page {result.url}"
    if path in known_sections(article):
        return f"redirected to the section page {result.url}"
    return None


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = [w.norm for w in words(text)]
    return {tuple(tokens[i : i + _SHINGLE]) for i in range(max(len(tokens) - _SHINGLE + 1, 0))}


def resemblance(old_text: str, new_text: str) -> float:
    """Share of the stored article's word runs still in the new text (0..1)."""
    old = _shingles(old_text)
    if not old:
        return 0.0
    return len(old & _shingles(new_text)) / len(old)


def removal_phrase(text: str, language: str) -> str | None:
    """The removal statement in ``text`` (the outlet's language, then English), or None."""
    for lang in dict.fromkeys([language, "en"]):
        pattern = _REMOVAL_RE.get(lang)
        found = pattern.search(text) if pattern else None
        if found:
            return " ".join(found.group().split())
    return None


def visible_text(body: bytes) -> str:
    """The page's readable text when no article could be extracted from it."""
    try:
        tree = lxml_html.fromstring(body)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for node in tree.xpath("//script|//style|//noscript"):
        node.drop_tree()
    return " ".join(tree.text_content().split())


def removal_notice(article: SourceArticle, page_text: str) -> str | None:
    """Why this 200 page is a notice that the article was removed (None: it is not)."""
    if resemblance(article.text, page_text) >= RESEMBLANCE_MIN:
        return None
    phrase = removal_phrase(page_text, article.language or article.outlet.language)
    return f"removal notice on the page: “{phrase}”" if phrase else None
