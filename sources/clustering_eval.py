"""Evaluation sets for story clustering, built from the shared corpora where the answer is known.

Shared by ``sources/tests/test_clustering.py`` (quality floors) and ``benchmarks/clustering.py``
(numbers and speed). The corpora are read in place from ../shared/data and never copied.

* **Cross-language stories** (``wmt_story_items``): WMT21 newstest ru-en. Each of its 107 Russian
  news documents comes with two independent professional English translations, so the Russian
  original and its translations form one story (gold label = WMT document id) and every other
  document is a distractor. Strict labels: two different outlets covering the same event (WMT has a
  few, e.g. two Moscow weather reports of 26 July) count as *different* stories here, so measured
  precision is a lower bound.
* **Distractors** (``rt_distractor_items``): Russian RT articles from ru-news-kw-eval, each its own
  story; they add same-outlet boilerplate and unrelated Russian news.
* **Same-language near-duplicates** (``near_duplicate_items``): each document plus a lightly
  edited copy of itself (sentences shuffled, one sentence replaced by another document's, the last
  sentence dropped, ё/quotes/case changed) - the way a reprint or a correction differs.
"""

from __future__ import annotations

import json
import random
import zipfile
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sources.clustering import (
    Thresholds,
    assign_stories,
)
from sources.signatures import (
    EMBEDDING_DIM,
    DocumentForClustering,
    DocumentSignature,
    document_minhash,
    language_key,
    split_sentences,
)

WMT_DOCS = "newstest2021.ru-en.docs.jsonl"
RT_ARCHIVE = "russia_today_7.jsonlines.zip"


@dataclass(frozen=True)
class EvalItem:
    label: Hashable  # gold story
    document: DocumentForClustering
    origin: str  # where it came from, for reports


def wmt_story_items(wmt_dir: Path, translations: Sequence[str] = ("A", "B")) -> list[EvalItem]:
    """Russian originals and their English translations; same WMT doc id = same story.

    The first segment of a WMT document is its headline; the rest is joined into running text (as
    extracted article text would be) so the lead has to be found by sentence splitting.
    """
    items: list[EvalItem] = []
    with (wmt_dir / WMT_DOCS).open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            versions = [("ru", doc["src"], "src")]
            versions += [("en", doc["refs"][ref], f"ref{ref}") for ref in translations]
            for language, segments, variant in versions:
                document = DocumentForClustering(
                    title=segments[0], text=" ".join(segments[1:]), language=language
                )
                items.append(EvalItem(doc["docid"], document, f"wmt:{doc['docid']}:{variant}"))
    return items


def rt_distractor_items(kw_eval_dir: Path, limit: int | None = None) -> list[EvalItem]:
    """Russian RT articles, each its own story (they are distinct articles of one outlet)."""
    items: list[EvalItem] = []
    with zipfile.ZipFile(kw_eval_dir / RT_ARCHIVE) as archive:
        name = archive.namelist()[0]
        for number, line in enumerate(archive.read(name).decode("utf-8").splitlines()):
            if limit is not None and len(items) >= limit:
                break
            row = json.loads(line)
            if not row.get("title") or not row.get("content"):
                continue
            document = DocumentForClustering(row["title"], row["content"], "ru")
            items.append(EvalItem(f"rt:{number}", document, f"rt:{row.get('url', number)}"))
    return items


_EDITS = ("shuffle", "replace_sentence", "drop_last", "typography")


def edit_document(
    document: DocumentForClustering, edit: str, donor: DocumentForClustering, rng: random.Random
) -> DocumentForClustering:
    """A lightly edited copy, as a reprint or an outlet's correction would differ."""
    sentences = split_sentences(document.text) or [document.text]
    title = document.title
    if edit == "shuffle":
        rng.shuffle(sentences)
    elif edit == "replace_sentence":
        donor_sentences = split_sentences(donor.text) or [donor.title]
        sentences[rng.randrange(len(sentences))] = rng.choice(donor_sentences)
    elif edit == "drop_last" and len(sentences) > 1:
        sentences = sentences[:-1]
    elif edit == "typography":
        title = title.upper().replace("Е", "Ё")
        sentences = [s.replace('"', "«").replace(",", " ,") for s in sentences]
    return DocumentForClustering(title, " ".join(sentences), document.language)


def near_duplicate_items(items: Sequence[EvalItem], seed: int = 7) -> list[EvalItem]:
    """Every item, each followed by an edited copy with the same label (edits cycle in turn).

    Labels are per original document, so only a copy and its original belong together.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    out: list[EvalItem] = []
    for index, item in enumerate(items):
        donor = items[(index + 1 + rng.randrange(len(items) - 1)) % len(items)].document
        edit = _EDITS[index % len(_EDITS)]
        copy = edit_document(item.document, edit, donor, rng)
        label = ("dup", item.origin)
        out.append(EvalItem(label, item.document, item.origin))
        out.append(EvalItem(label, copy, f"{item.origin}:{edit}"))
    return out


def minhash_only_signatures(items: Sequence[EvalItem]) -> list[DocumentSignature]:
    """Signatures without embeddings (zero vectors never match): the MinHash rule on its own.

    Used as the benchmark's baseline and to test near-duplicate detection without paying for the
    sentence encoder.
    """
    zero = np.zeros(EMBEDDING_DIM, dtype=np.float32)
    return [
        DocumentSignature(
            language_key(item.document.language), document_minhash(item.document), zero
        )
        for item in items
    ]


@dataclass(frozen=True)
class GroupingScores:
    precision: float
    recall: float
    cross_language_precision: float
    cross_language_recall: float
    same_language_precision: float
    same_language_recall: float
    stories: int


def score_grouping(items: Sequence[EvalItem], predicted: Sequence[Hashable]) -> GroupingScores:
    """Pairwise precision/recall overall and split into cross- and same-language pairs."""
    gold = [item.label for item in items]
    languages = [item.document.language for item in items]

    def cross(i: int, j: int) -> bool:
        return languages[i] != languages[j]

    def same(i: int, j: int) -> bool:
        return languages[i] == languages[j]

    precision, recall = pairwise_precision_recall(predicted, gold)
    cross_p, cross_r = pairwise_precision_recall(predicted, gold, cross)
    same_p, same_r = pairwise_precision_recall(predicted, gold, same)
    return GroupingScores(precision, recall, cross_p, cross_r, same_p, same_r, len(set(predicted)))


def evaluate(
    items: Sequence[EvalItem],
    signatures: Sequence[DocumentSignature],
    thresholds: Thresholds,
    order: Callable[[int], object] | None = None,
) -> GroupingScores:
    """Cluster with :func:`assign_stories` (in ``order`` if given) and score the grouping."""
    indices = sorted(range(len(items)), key=order) if order else list(range(len(items)))
    assigned = assign_stories([signatures[i] for i in indices], thresholds=thresholds)
    predicted: list[Hashable] = [None] * len(items)
    for position, index in enumerate(indices):
        predicted[index] = assigned[position]
    return score_grouping(items, predicted)


# MinHash alone: the baseline of the benchmark, and the near-duplicate signal on its own.
# A cosine never reaches 2.0, so only the MinHash near-duplicate rule can group documents.
MINHASH_ONLY = Thresholds(same_language_cosine=2.0, cross_language_cosine=2.0)


def pairwise_precision_recall(
    predicted: Sequence[Hashable],
    gold: Sequence[Hashable],
    pair_filter=None,
) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against the true grouping.

    A pair of documents counts as predicted-together when both got the same cluster id, and as
    truly-together when both have the same gold label. ``pair_filter(i, j)`` can restrict the
    pairs that count (e.g. only cross-language pairs). Empty denominators give 1.0.
    """
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must have one label per document")
    true_positive = predicted_pairs = gold_pairs = 0
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            if pair_filter is not None and not pair_filter(i, j):
                continue
            same_predicted = predicted[i] == predicted[j]
            same_gold = gold[i] == gold[j]
            predicted_pairs += same_predicted
            gold_pairs += same_gold
            true_positive += same_predicted and same_gold
    precision = true_positive / predicted_pairs if predicted_pairs else 1.0
    recall = true_positive / gold_pairs if gold_pairs else 1.0
    return precision, recall
