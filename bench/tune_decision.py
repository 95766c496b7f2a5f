"""Fit the found/not-found decision (bot/decision.json) on a SQuAD-format Arabic set.

Positives: each question's retrieved passages, labelled by whether they hold the gold answer.
Near-miss negatives: the same question with its own paragraph hidden from the index (the article's
other paragraphs stay, so the topic and names still match but the answer is absent).
Run: python -m bench.tune_decision [--squad FILE] [--out bot/decision.json]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from bot.decide import FEATURE_NAMES, features
from bot.evaluate import has_phrase, squad_to_articles
from bot.question import analyse
from bot.settings import PROJECT_DIR, load_settings
from index.embeddings import create_embeddings
from index.retriever import HybridRetriever
from index.store import open_store

DENSE_ONLY = ("dense_margin", "kind_ok")  # cross-lingual cosines run lower; their margin carries over
# Fitted on each search's top 10 (the bot scores 20): fitting on 20 adds easy negatives and did worse held out.
FIT_CANDIDATES = 10
TARGET_FOUND_RATE = 0.97  # share of answerable questions answered: a refusal of an answerable question costs more than a near-miss answer


def collect(retriever: HybridRetriever, questions, k: int = FIT_CANDIDATES):
    """Feature rows per question and setting: (article, unmasked rows+labels, masked rows).

    Two settings: the whole collection indexed (many articles), and only the question's own
    article indexed (the bot's usual case: one article, every sentence on topic).
    """
    by_paragraph: dict[tuple[str, int], set[int]] = {}
    by_file: dict[str, set[int]] = {}
    for i, doc in enumerate(retriever.documents):
        by_paragraph.setdefault((doc.metadata["file"], doc.metadata["paragraph"]), set()).add(i)
        by_file.setdefault(doc.metadata["file"], set()).add(i)
    everything = set(range(len(retriever.documents)))
    out = []
    for q in questions:
        info = analyse(q.question)
        hidden = frozenset(by_paragraph.get((q.file, q.paragraph), set()))
        others = frozenset(everything - by_file[q.file])
        for shown in (frozenset(), others):
            seen = retriever.search(q.question, k=k, exclude=shown)
            masked = retriever.search(q.question, k=k, exclude=shown | hidden)
            pos = [(features(info, h), has_phrase(h.document.page_content, q.gold)) for h in seen]
            neg = [features(info, h) for h in masked]
            out.append((q.file, pos, neg))
    return out


def matrix(rows: list[dict[str, float]], names: tuple[str, ...]) -> np.ndarray:
    return np.array([[r[n] for n in names] for r in rows], dtype="float64")


def fit(data, names: tuple[str, ...]) -> LogisticRegression:
    rows, labels = [], []
    for _, pos, neg in data:
        for f, label in pos:
            rows.append(f)
            labels.append(int(label))
        rows.extend(neg)
        labels.extend([0] * len(neg))
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    model.fit(matrix(rows, names), np.array(labels))
    return model


def question_scores(model: LogisticRegression, data, names):
    """Per question: best probability unmasked, whether that best passage holds the gold, best masked."""
    out = []
    for _, pos, neg in data:
        p_pos = model.predict_proba(matrix([f for f, _ in pos], names))[:, 1]
        p_neg = model.predict_proba(matrix(neg, names))[:, 1]
        best = int(np.argmax(p_pos))
        out.append((float(p_pos[best]), bool(pos[best][1]), float(p_neg.max())))
    return out


def pick_threshold(scores, rate: float = TARGET_FOUND_RATE) -> float:
    """The threshold at which `rate` of the answerable questions are answered."""
    tops = sorted(s[0] for s in scores)
    return float(tops[int((1 - rate) * len(tops))])


def report(name: str, scores, threshold: float) -> dict:
    found = np.mean([s[0] >= threshold for s in scores])
    correct = np.mean([s[0] >= threshold and s[1] for s in scores])
    refused = np.mean([s[2] < threshold for s in scores])
    print(f"{name}: found {found:.3f}  found&gold {correct:.3f}  near-miss refused {refused:.3f}  (t={threshold:.3f})")
    return {"found": round(float(found), 4), "found_and_gold": round(float(correct), 4),
            "near_miss_refused": round(float(refused), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path, default=PROJECT_DIR.parent / "shared/eval/xquad.ar.json")
    parser.add_argument("--work-dir", type=Path, default=Path(".cache/eval/tune"))
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bot/decision.json")
    args = parser.parse_args()

    settings = load_settings()
    embeddings = create_embeddings(settings.embedding_model, settings.model_dir, settings.torch_threads)
    questions = squad_to_articles(args.squad, args.work_dir / "articles")
    store = open_store(args.work_dir / "index", embeddings, settings.embedding_model, [args.work_dir / "articles"])
    retriever = HybridRetriever(store=store)
    data = collect(retriever, questions)

    # Held-out check: fit on half of the articles, score the other half.
    files = sorted({d[0] for d in data})
    random.Random(7).shuffle(files)
    train_files = set(files[: len(files) // 2])
    train = [d for d in data if d[0] in train_files]
    test = [d for d in data if d[0] not in train_files]
    result: dict = {"fitted_on": args.squad.name, "questions": len(data)}
    for key, names in (("arabic", FEATURE_NAMES), ("latin", DENSE_ONLY)):
        held = fit(train, names)
        t = pick_threshold(question_scores(held, train, names))
        held_out = report(f"{key} held-out", question_scores(held, test, names), t)
        model = fit(data, names)
        scores = question_scores(model, data, names)
        for rate in (0.90, 0.92, 0.94, 0.95, 0.96, 0.97):
            report(f"  {key} at found-rate {rate}", scores, pick_threshold(scores, rate))
        threshold = pick_threshold(scores)
        report(f"{key} all", question_scores(model, data, names), threshold)
        result[key] = {
            "features": list(names),
            "weights": [round(float(w), 5) for w in model.coef_[0]],
            "bias": round(float(model.intercept_[0]), 5),
            "threshold": round(threshold, 5),
            "held_out": held_out,
        }
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
