"""Composing the extractive answer: at most two sentences of the article, trimmed where safe."""

from __future__ import annotations

import re

from bot.answer import Source
from bot.question import QuestionInfo, answers_kind
from index.normalize import tokenize
from index.retriever import Hit

MAX_ANSWER_CHARS = 300
_MIN_TRIMMED_CHARS = 80
# A runner-up this close to the best passage is shown with it: the ranking cannot tell them apart.
RUNNER_UP_RATIO = 0.8
# The sentence next door in the same paragraph often finishes what the best one starts («وانتهى ذلك
# الاجتماع…»): it is added on a lower bar than a runner-up from elsewhere.
NEIGHBOUR_THRESHOLD_SHARE = 0.5
NEIGHBOUR_RATIO = 0.25
_CLAUSE_RE = re.compile(r"(?<=[،,؛;:])\s+")


def source_of(hit: Hit, score: float) -> Source:
    """The `Source` record of a retrieved passage."""
    meta = hit.document.metadata
    return Source(text=hit.document.page_content, score=round(score, 4), source=meta["ref"], article=meta["article"],
                  date=meta.get("date"))


def _clause_score(clause: str, terms: set[str], kind: str) -> float:
    clause_terms = set(tokenize(clause))
    overlap = len(clause_terms & terms)
    return overlap + (1.0 if kind in ("number", "time") and answers_kind(kind, clause) else 0.0)


def trim(sentence: str, info: QuestionInfo, limit: int = MAX_ANSWER_CHARS) -> str:
    """A long sentence cut to the run of clauses that matches the question best; short ones as they are."""
    if len(sentence) <= limit:
        return sentence
    clauses = _CLAUSE_RE.split(sentence)
    if len(clauses) < 2:
        return sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
    terms = set(info.terms)
    scores = [_clause_score(c, terms, info.kind) for c in clauses]
    best = max(range(len(clauses)), key=lambda i: (scores[i], -i))
    start = end = best
    # Grow around the best clause towards the better-matching side until long enough.
    while len(" ".join(clauses[start : end + 1])) < _MIN_TRIMMED_CHARS or (
        (start > 0 and scores[start - 1] > 0) or (end + 1 < len(clauses) and scores[end + 1] > 0)
    ):
        left = scores[start - 1] if start > 0 else -1
        right = scores[end + 1] if end + 1 < len(clauses) else -1
        if left < 0 and right < 0:
            break
        nxt = (start - 1, end) if left > right else (start, end + 1)
        if len(" ".join(clauses[nxt[0] : nxt[1] + 1])) > limit:
            break
        start, end = nxt
    text = " ".join(clauses[start : end + 1]).strip(" ،,؛;:")
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    prefix = "…" if start > 0 else ""
    suffix = "" if end == len(clauses) - 1 else "…"
    return prefix + text + suffix


def compose(info: QuestionInfo, ranked: list[tuple[Hit, float]], threshold: float) -> str:
    """The answer text from the best passage, with a second sentence of the same article when it fits:
    the next-door sentence when it also scores fairly, or a runner-up the ranking can hardly tell apart
    (one holding the kind of answer asked for, when the best does not)."""
    best, best_p = ranked[0]
    text = trim(best.document.page_content, info)
    seconds = []
    for hit, p in ranked[1:3]:
        meta, best_meta = hit.document.metadata, best.document.metadata
        if meta["file"] != best_meta["file"]:
            continue
        adjacent = meta["paragraph"] == best_meta["paragraph"] and abs(hit.position - best.position) == 1
        close = p >= RUNNER_UP_RATIO * best_p
        neighbour = adjacent and p >= max(threshold * NEIGHBOUR_THRESHOLD_SHARE, NEIGHBOUR_RATIO * best_p)
        fits = len(text) + len(hit.document.page_content) + 1 <= MAX_ANSWER_CHARS
        if fits and (close or neighbour):
            seconds.append((hit, adjacent))
    if not seconds:
        return text
    if not answers_kind(info.kind, best.document.page_content):
        seconds.sort(key=lambda ha: not answers_kind(info.kind, ha[0].document.page_content))
    hit, adjacent = seconds[0]
    pair = (hit, best) if adjacent and hit.position < best.position else (best, hit)
    return " ".join(h.document.page_content for h in pair)
