"""The originality scorer on our own texts: copies flagged and located, interpretations not."""

from __future__ import annotations

import pytest

from sources.originality import (
    DEFAULT_CONFIG,
    TextForOriginality,
    attributed_quote_spans,
    score_pair,
)
from sources.originality.segments import sentence_spans
from sources.testing.originality_texts import (
    INTERPRETATION_EN,
    SOURCE_DE,
    SOURCE_DE_TITLE,
    TRANSLATIONS,
)

SOURCE = TextForOriginality("de", SOURCE_DE, SOURCE_DE_TITLE)
ENGLISH_SOURCE = TextForOriginality("en", TRANSLATIONS["en"], "Ferry strike in Kaltenhafen ends")


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def test_same_language_near_copy_is_flagged_and_located():
    copied = sentences(TRANSLATIONS["en"])[1:7]
    copied[0] = copied[0].replace("municipal", "city-owned")
    copied[2] = copied[2].replace("seven", "7")
    text = "Good news for islanders this week. " + " ".join(copied) + " We will follow the vote."
    report = score_pair(TextForOriginality("en", text), ENGLISH_SOURCE)

    assert report.flagged
    assert report.share > 0.7
    assert {p.kind for p in report.passages} == {"verbatim"}
    full_source = ENGLISH_SOURCE.full_text
    for passage in report.passages:
        assert text[passage.article.start : passage.article.end] == passage.article_text
        assert full_source[passage.source.start : passage.source.end] == passage.source_text
    # Our own first and last sentences are not part of any passage.
    assert all(
        p.article.start >= len("Good news for islanders this week. ") for p in report.passages
    )
    assert all("follow the vote" not in p.article_text for p in report.passages)


@pytest.mark.parametrize("language", ["en", "ru", "fr", "es", "it", "pl"])
def test_translation_into_any_outlet_language_is_flagged(language):
    report = score_pair(TextForOriginality(language, TRANSLATIONS[language]), SOURCE)

    assert report.flagged, report.as_json()
    assert report.share > 0.5
    kinds = {p.kind for p in report.passages}
    assert kinds == {"translated"}
    for passage in report.passages:
        assert passage.similarity >= DEFAULT_CONFIG.sentence_similarity
        assert SOURCE.full_text[passage.source.start : passage.source.end] == passage.source_text


def test_german_article_from_russian_source_is_flagged_too():
    report = score_pair(
        TextForOriginality("de", SOURCE_DE), TextForOriginality("ru", TRANSLATIONS["ru"])
    )
    assert report.flagged


def test_reordered_translation_is_found_sentence_by_sentence():
    parts = sentences(TRANSLATIONS["ru"])
    reordered = " ".join(reversed(parts))
    report = score_pair(TextForOriginality("ru", reordered), SOURCE)

    assert report.flagged
    assert len(report.passages) >= len(parts) - 2
    # Reversed order: later article passages point to earlier source sentences.
    starts = [p.source.start for p in report.passages]
    assert starts[0] > starts[-1]


def test_translated_paragraph_inside_an_interpretation_is_found():
    translated = " ".join(sentences(TRANSLATIONS["en"])[2:5])
    text = f"{INTERPRETATION_EN}\n\n{translated}"
    report = score_pair(TextForOriginality("en", text), SOURCE)

    offset = len(INTERPRETATION_EN) + 2
    assert [p.kind for p in report.passages] == ["translated"] * 3
    assert all(p.article.start >= offset for p in report.passages)
    assert 0.1 < report.share < 0.5


def test_original_interpretation_is_not_flagged():
    for source in (SOURCE, ENGLISH_SOURCE, TextForOriginality("ru", TRANSLATIONS["ru"])):
        report = score_pair(TextForOriginality("en", INTERPRETATION_EN), source)
        assert not report.flagged
        assert report.share < 0.1, report.as_json()


def test_attributed_quotes_are_counted_apart():
    quoted = sentences(TRANSLATIONS["ru"])[2]
    text = (
        "Паромное сообщение с островом восстановлено, и жители снова могут ездить на материк. "
        f"«{quoted.rstrip('.')}», — сказала представительница профсоюза. "
        "Наша редакция продолжит следить за голосованием членов профсоюза."
    )
    report = score_pair(TextForOriginality("ru", text), SOURCE)

    assert [p.kind for p in report.passages] == ["quote"]
    assert report.quote_share > 0.2
    assert report.share == 0
    assert not report.flagged


def test_quote_detection_needs_attribution_and_a_few_words():
    text = (
        "Die Zeitung «Nordlicht Zeitung» berichtet. "
        '"Nobody wanted the boats to stop," a shopkeeper said. '
        "«Это просто цитата без указания автора из текста» и ничего больше."
    )
    spans = attributed_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Nobody wanted the boats to stop,"]
    for quote in (
        "„Wir haben lange verhandelt“, sagte der Sprecher.",
        "Selon lui, « nous avons enfin un accord solide ».",
        "«Umowa jest dobra dla wyspy» – powiedział burmistrz.",
    ):
        assert len(attributed_quote_spans(quote)) == 1, quote


def test_an_article_mostly_quoting_its_source_is_still_a_copy():
    quoted = " ".join(f'"{s}" the company said.' for s in sentences(TRANSLATIONS["en"])[:8])
    report = score_pair(TextForOriginality("en", quoted), ENGLISH_SOURCE)
    assert report.share < DEFAULT_CONFIG.threshold
    assert report.quote_share >= DEFAULT_CONFIG.threshold_with_quotes
    assert report.flagged


def test_empty_article_is_not_flagged():
    report = score_pair(TextForOriginality("en", ""), SOURCE)
    assert report.share == 0 and not report.flagged and report.passages == ()
