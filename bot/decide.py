"""Does a passage answer the question? A small logistic model over retrieval and question features.

The weights live in `decision.json`, fitted by `python -m bench.tune_decision` on XQuAD-ar with
held-out paragraphs as near-miss questions (same article, answer absent); see the README.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.question import QuestionInfo, answers_kind
from index.retriever import Hit

WEIGHTS_FILE = Path(__file__).with_name("decision.json")

def features(info: QuestionInfo, hit: Hit) -> dict[str, float]:
    """Named features of one (question, passage) pair."""
    return {
        "dense": hit.dense,
        "dense_margin": hit.dense_margin,
        "lexical_norm": hit.lexical_norm,
        "coverage": hit.coverage,
        "window_coverage": hit.window_coverage,
        "corpus_coverage": hit.corpus_coverage,
        "kind_ok": 1.0 if answers_kind(info.kind, hit.document.page_content) else 0.0,
        "few_terms": 1.0 if len(set(info.terms)) <= 1 else 0.0,
    }


FEATURE_NAMES = ("dense", "dense_margin", "lexical_norm", "coverage", "window_coverage", "corpus_coverage",
                 "kind_ok", "few_terms")


@dataclass(frozen=True)
class Logistic:
    """One fitted logistic model over named features."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        """P(answer) for a feature dict."""
        z = self.bias + sum(w * values[n] for n, w in zip(self.names, self.weights))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class DecisionModel:
    """Two fitted models: one for questions in Arabic script, one dense-only for Latin-script
    questions (English), whose words cannot match the article's lexically."""

    arabic: Logistic
    latin: Logistic

    def model_for(self, info: QuestionInfo) -> Logistic:
        """The model that fits a question's script."""
        return self.latin if info.latin_share > 0.5 else self.arabic

    def probability(self, info: QuestionInfo, hit: Hit) -> float:
        """P(passage answers the question)."""
        return self.model_for(info).probability(features(info, hit))

    def threshold(self, info: QuestionInfo) -> float:
        """The probability above which the best passage counts as an answer."""
        return self.model_for(info).threshold


@lru_cache(maxsize=4)
def load_decision_model(path: Path = WEIGHTS_FILE) -> DecisionModel:
    """Read the fitted weights; every feature they name must exist in this code."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    models = {}
    for key in ("arabic", "latin"):
        part = data[key]
        unknown = set(part["features"]) - set(FEATURE_NAMES)
        if unknown:
            raise RuntimeError(f"{path}: unknown features {sorted(unknown)}")
        models[key] = Logistic(tuple(part["features"]), tuple(float(w) for w in part["weights"]),
                               float(part["bias"]), float(part["threshold"]))
    return DecisionModel(**models)
