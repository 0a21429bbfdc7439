"""Which language a page is in, when it does not say (pure: no model to ship or load)."""

from __future__ import annotations

import re

# A few dozen of the most frequent function words per language: enough to tell apart the
# languages our outlets publish in from a paragraph of text, with no model to ship or load.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it was on with as are be by this have from".split()
    ),
    "de": frozenset(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine".split()
    ),
    "fr": frozenset(
        "le la les de des et en un une du est pour que qui dans sur pas au avec".split()
    ),
    "es": frozenset(
        "el la de que y en los del se las por un para con una su al es lo como".split()
    ),
    "it": frozenset("il di che la e per un in del non una sono della le si al gli con da".split()),
    "pt": frozenset("de que o a do da em para com um uma os no se na por mais as dos não".split()),
    "nl": frozenset("de het een van en in is dat op te zijn voor met die niet aan er ook".split()),
    "pl": frozenset("i w na z się do nie że to jest o jak od po za przez są ale czy".split()),
    "ru": frozenset("и в не на что с по как это он к из за для от то его но же она".split()),
    "uk": frozenset("і в не на що з та як це до за від для по але його що є вона".split()),
    "cs": frozenset("a v se na je že s z do to o k ve jako pro by jsou ale".split()),
    "sv": frozenset("och i att det som en på är av för med till den har inte om".split()),
}
_WORD = re.compile(r"\w+")
_SCRIPT_LANGUAGES = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code guessed from script and function words, or None when unsure.

    Only used when the page does not declare its language; a wrong declared tag is rarer than a
    wrong guess on a short text.
    """
    sample = text[:5000]
    if not sample.strip():
        return None
    for pattern, code in _SCRIPT_LANGUAGES:
        if len(pattern.findall(sample)) > len(sample) / 10:
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    cyrillic = sum(1 for w in words if re.match(r"[\u0400-\u04ff]", w)) > len(words) / 2
    candidates = ("ru", "uk") if cyrillic else tuple(k for k in _STOPWORDS if k not in {"ru", "uk"})
    scores = {code: sum(1 for w in words if w in _STOPWORDS[code]) for code in candidates}
    if cyrillic:
        scores["uk"] += 3 * sum(1 for w in words if re.search("[іїєґ]", w))
        scores["ru"] += 3 * sum(1 for w in words if re.search("[ыэъё]", w))
    best = max(scores, key=lambda code: scores[code])
    if scores[best] == 0:
        return "ru" if cyrillic else None
    return best


def normalize_language_tag(tag: str | None) -> str | None:
    """'en-GB', 'ru_RU', 'de' -> 'en', 'ru', 'de'; junk -> None."""
    if not tag:
        return None
    primary = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
