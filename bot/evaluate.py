"""Scoring question files: the development JSONL format and SQuAD v1.1 JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.answer import Answer, Turn
from bot.chain import turn_of
from index.normalize import words

_CLITICS = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "كال")
# Inflections a key phrase's last word may carry (متباين → متباينة, متباينون).
_SUFFIXES = ("", "ه", "ات", "ون", "ين", "ان", "ها", "هم")

Ask = Callable[[str, list[Turn]], Answer]


def has_phrase(text: str, phrase: str) -> bool:
    """Whether a phrase stands in a text as whole words after normalisation (a clitic may precede)."""
    target = words(phrase)
    if not target:
        return False
    tokens = words(text)
    n = len(target)
    for i in range(len(tokens) - n + 1):
        window = tokens[i : i + n]
        if window[1:-1] != target[1:-1]:
            continue
        last_ok = n == 1 or any(window[-1] == target[-1] + s for s in _SUFFIXES)
        first = window[0]
        heads = [target[0] + s for s in _SUFFIXES] if n == 1 else [target[0]]
        if last_ok and any(first == c + h for h in heads for c in ("",) + _CLITICS):
            return True
    return False


def matches_groups(text: str, groups: list[list[str]]) -> bool:
    """Every group must match; a group matches when any of its phrases does."""
    return all(any(has_phrase(text, p) for p in group) for group in groups)


@dataclass
class SquadQuestion:
    """One SQuAD question with its gold answer and where its paragraph was written."""

    question: str
    gold: str
    file: str
    paragraph: int


def squad_to_articles(path: Path, out_dir: Path) -> list[SquadQuestion]:
    """Write each SQuAD article as a .txt (one paragraph a line) with its title; return the questions."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    questions: list[SquadQuestion] = []
    for a_no, article in enumerate(data["data"]):
        name = f"{a_no:03d}-{re.sub(r'[^A-Za-z0-9_-]+', '_', str(article.get('title', 'article')))[:40]}.txt"
        paragraphs = [" ".join(p["context"].split()) for p in article["paragraphs"]]
        text = "\n".join(paragraphs) + "\n"
        target = out_dir / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        meta = {"title": str(article.get("title", name)).replace("_", " "), "source": Path(path).name}
        target.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        for p_no, paragraph in enumerate(article["paragraphs"], start=1):
            for qa in paragraph["qas"]:
                if qa.get("answers"):
                    questions.append(SquadQuestion(qa["question"], qa["answers"][0]["text"], name, p_no))
    return questions


def is_squad(path: Path) -> bool:
    """SQuAD files are one JSON object with a "data" list; JSONL files are not."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data.get("data"), list)


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a development question file."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


@dataclass
class Report:
    """Rates and latencies of one evaluation run."""

    counts: dict[str, list[bool]] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)

    def add(self, metric: str, ok: bool) -> None:
        """Record one outcome of a metric."""
        self.counts.setdefault(metric, []).append(bool(ok))

    def summary(self) -> dict[str, float | int]:
        """Rates per metric, mean answer length and latency percentiles."""
        out: dict[str, float | int] = {}
        for metric, values in self.counts.items():
            out[metric] = round(sum(values) / len(values), 4) if values else 0.0
            out[metric + "_n"] = len(values)
        if self.lengths:
            out["mean_answer_chars"] = round(float(np.mean(self.lengths)), 1)
        if self.latencies:
            out["p50_ms"] = round(float(np.percentile(self.latencies, 50)), 1)
            out["p95_ms"] = round(float(np.percentile(self.latencies, 95)), 1)
        return out


def score_jsonl(ask: Ask, rows: Iterable[dict], progress: Callable[[], None] = lambda: None,
                conversation: bool = False) -> Report:
    """answer / refuse / followup rates over development-format rows. Each row is a conversation of
    its own, or with `conversation` all rows are one, in file order, as when a user pipes the questions
    into `bot chat`: a standalone question then follows other turns and must not be read as a follow-up."""
    report = Report()
    history: list[Turn] = []
    for row in rows:
        kind = row.get("kind")
        turns = row["turns"] if kind == "followup" else [row["q"]]
        if not conversation:
            history = []
        answer = None
        for question in turns:
            answer = ask(question, history)
            history.append(turn_of(answer))
        assert answer is not None
        report.latencies.append(answer.ms)
        if kind == "refuse":
            ok = not answer.found
        else:
            ok = answer.found and matches_groups(answer.answer, row.get("any", []))
            if answer.found:
                report.lengths.append(len(answer.answer))
        report.add(kind or "answer", ok)
        if kind != "refuse" and answer.found and answer.highlight:
            # The marked phrase holds one of the gold phrases.
            report.add("highlight_holds_gold", any(has_phrase(answer.highlight, p) for g in row.get("any", []) for p in g))
        if kind != "refuse" and row.get("any"):
            # Retrieval: is a sentence holding every key phrase among the sources shown?
            holds = [matches_groups(s.text, row["any"]) for s in answer.sources]
            report.add("recall@1", any(holds[:1]))
            report.add("recall@3", any(holds[:3]))
        if not ok:
            report.failures.append({"id": row.get("id"), "kind": kind, "question": turns[-1],
                                    "answer": answer.answer, "found": answer.found,
                                    "top": answer.sources[0].text[:200] if answer.sources else None})
        progress()
    return report


def score_squad(ask: Ask, questions: Iterable[SquadQuestion], progress: Callable[[], None] = lambda: None) -> Report:
    """Share of answers holding the gold answer, found rate, and source recall@1/@3."""
    report = Report()
    for q in questions:
        answer = ask(q.question, [])
        report.latencies.append(answer.ms)
        report.lengths.append(len(answer.answer))
        ok = answer.found and has_phrase(answer.answer, q.gold)
        report.add("answer_contains_gold", ok)
        report.add("found", answer.found)
        hits = [has_phrase(s.text, q.gold) for s in answer.sources]
        report.add("source_recall@1", any(hits[:1]))
        report.add("source_recall@3", any(hits[:3]))
        if not ok:
            report.failures.append({"id": f"{q.file}#{q.paragraph}", "kind": "answer", "question": q.question,
                                    "gold": q.gold, "answer": answer.answer, "found": answer.found,
                                    "top": answer.sources[0].text[:200] if answer.sources else None})
        progress()
    return report
