"""Story clustering: quality and speed against a MinHash-only baseline, measured in the same run.

    .venv/bin/python benchmarks/clustering.py [--sweep]

Corpora (read in place from ../shared/data, see sources/clustering_eval.py): WMT21 ru-en documents
(Russian original + two English translations = one story) with 218 RT articles as distractors, and
a near-duplicate set (each document plus a lightly edited copy). Prints pairwise precision/recall
of the grouping, docs/s for signatures + matching, the ratio to the baseline, and the pairs that
were merged against the strict gold labels so a reader can judge them. ``--sweep`` also prints how
precision/recall move with the cosine thresholds (how the defaults were chosen).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.testing.shared_data import shared_data_root  # noqa: E402
from search.semantic.encoding import dequantize, quantize  # noqa: E402
from sources.clustering import Thresholds, assign_stories  # noqa: E402
from sources.clustering_eval import (  # noqa: E402
    MINHASH_ONLY,
    GroupingScores,
    evaluate,
    minhash_only_signatures,
    near_duplicate_items,
    rt_distractor_items,
    score_grouping,
    wmt_story_items,
)
from sources.signatures import compute_signatures  # noqa: E402


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def line(name: str, scores: GroupingScores) -> str:
    return (
        f"  {name:<28} P {scores.precision:.3f}  R {scores.recall:.3f}   "
        f"cross-lang P {scores.cross_language_precision:.3f} R {scores.cross_language_recall:.3f}"
        f"   same-lang P {scores.same_language_precision:.3f} "
        f"R {scores.same_language_recall:.3f}   stories {scores.stories}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="print a threshold sweep too")
    args = parser.parse_args()

    root = shared_data_root()
    wmt_dir, kw_dir = root / "wmt21-news-en-ru", root / "ru-news-kw-eval"
    if not (wmt_dir.exists() and kw_dir.exists()):
        print(f"shared data not found under {root}; set NEWSDESK_SHARED_DATA")
        return 1

    items = wmt_story_items(wmt_dir) + rt_distractor_items(kw_dir)
    documents = [item.document for item in items]
    n = len(items)
    print(f"Cross-language stories: {n} documents (WMT21 ru-en src + refA + refB, RT distractors)")

    _, load_seconds = timed(compute_signatures, documents[:1])  # model load, reported apart
    base_signatures, base_sig_s = timed(minhash_only_signatures, items)
    base_assigned, base_match_s = timed(assign_stories, base_signatures, thresholds=MINHASH_ONLY)
    signatures, sig_s = timed(compute_signatures, documents)
    assigned, match_s = timed(assign_stories, signatures)

    baseline = score_grouping(items, base_assigned)
    full = score_grouping(items, assigned)
    order = np.random.default_rng(3).permutation(n)
    shuffled = evaluate(items, signatures, Thresholds(), order=lambda i: order[i])

    print(line("MinHash only (baseline)", baseline))
    print(line("MinHash + USE embeddings", full))
    print(line("  same, shuffled arrival", shuffled))
    # The semantic search index stores the same embedding (same encoder, same lead pieces,
    # search/semantic/encoding.py) as 8-bit: clustering from those stored vectors instead.
    stored = [
        replace(sig, embedding=dequantize(quantize(sig.embedding).tobytes())) for sig in signatures
    ]
    stored_scores = score_grouping(items, assign_stories(stored))
    print(line("  same, stored int8 vectors", stored_scores))
    base_rate = n / (base_sig_s + base_match_s)
    full_rate = n / (sig_s + match_s)
    print(f"  model load (once per process): {load_seconds:.2f} s")
    print(
        f"  baseline:   signatures {n / base_sig_s:8.1f} docs/s, matching "
        f"{n / base_match_s:8.1f} docs/s, together {base_rate:8.1f} docs/s"
    )
    print(
        f"  embeddings: signatures {n / sig_s:8.1f} docs/s, matching "
        f"{n / match_s:8.1f} docs/s, together {full_rate:8.1f} docs/s"
    )
    print(f"  throughput ratio embeddings/baseline: {full_rate / base_rate:.3f}")
    print(
        "  recall gained over baseline: "
        f"{full.recall - baseline.recall:+.3f} (cross-language {full.cross_language_recall:.3f})"
    )

    print("  Merged against the strict labels (different WMT doc ids / RT articles):")
    clusters = defaultdict(list)
    for item, story in zip(items, assigned, strict=True):
        clusters[story].append(item)
    for members in clusters.values():
        if len({m.label for m in members}) > 1:
            by_label = defaultdict(list)
            for m in members:
                by_label[m.label].append(m.document.title[:70])
            print("    - " + "  <->  ".join(titles[0] for titles in by_label.values()))

    near_items = near_duplicate_items(
        wmt_story_items(wmt_dir, translations=("A",)) + rt_distractor_items(kw_dir)
    )
    near_base = minhash_only_signatures(near_items)
    near_scores = evaluate(near_items, near_base, MINHASH_ONLY)
    positives = [near_base[i].jaccard(near_base[i + 1]) for i in range(0, len(near_items), 2)]
    minhashes = np.stack([s.minhash for s in near_base])
    languages = np.array([item.document.language for item in near_items])
    pair_of = np.arange(len(near_items)) // 2
    worst_negative = 0.0
    for i in range(len(near_items)):
        others = (languages == languages[i]) & (pair_of != pair_of[i])
        others[: i + 1] = False
        if others.any():
            agree = (minhashes[others] == minhashes[i]).mean(axis=1)
            worst_negative = max(worst_negative, float(agree.max()))
    print(
        f"\nSame-language near-duplicates: {len(near_items)} documents (originals + edited copies)"
    )
    print(line("MinHash near-duplicates", near_scores))
    print(
        f"  Jaccard of copy vs original: min {min(positives):.3f}, 5th pct "
        f"{np.percentile(positives, 5):.3f}, median {np.median(positives):.3f}; highest between "
        f"different documents {worst_negative:.3f}; threshold {Thresholds().near_duplicate_jaccard}"
    )

    if args.sweep:
        print("\nThreshold sweep on the cross-language set (cross-lang cosine, same-lang cosine):")
        for cross in (0.62, 0.65, 0.68, 0.70, 0.72, 0.75):
            for same in (0.75, 0.80, 0.85):
                scores = evaluate(
                    items,
                    signatures,
                    Thresholds(same_language_cosine=same, cross_language_cosine=cross),
                )
                print(line(f"cross {cross:.2f} same {same:.2f}", scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
