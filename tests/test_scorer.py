"""The evaluation scorer, on files with known outcomes."""

from __future__ import annotations

import json

from bot.answer import Answer, Source
from bot.evaluate import has_phrase, matches_groups, read_jsonl, score_jsonl, score_squad, squad_to_articles


def test_phrase_matching_follows_the_eval_rules():
    assert has_phrase("ستعقد القمة في بودابست بالمجر", "بودابست")
    assert has_phrase("قال إن القمة بالمجر", "المجر")  # a clitic may precede
    assert has_phrase("توقعات مُتباينة", "متباين")
    assert not has_phrase("بودابستيون كثر", "بودابست")
    assert not has_phrase("3080 نقطة", "308")
    assert matches_groups("أ ب", [["أ"], ["ب", "ج"]]) and not matches_groups("أ", [["أ"], ["ب"]])


def scripted(replies):
    """An `ask` callback that answers from a dict (the scorer only sees Answers)."""

    def ask(question, history):
        text, found = replies.get(question, ("لا أعرف", False))
        return Answer(question, text, found, [Source(text, 0.9, "a.txt#1.1", "A")] if found else [], ms=5.0)

    return ask


def test_jsonl_scorer_counts_each_kind(tmp_path):
    rows = [
        {"id": "1", "kind": "answer", "q": "س1", "any": [["بودابست"]]},
        {"id": "2", "kind": "answer", "q": "س2", "any": [["أنكوريج"]]},
        {"id": "3", "kind": "refuse", "q": "س3"},
        {"id": "4", "kind": "followup", "turns": ["س4", "س5"], "any": [["الاثنين"]]},
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = score_jsonl(
        scripted({"س1": ("في بودابست", True), "س2": ("في باريس", True), "س5": ("يوم الاثنين", True)}),
        read_jsonl(path),
    )
    summary = report.summary()
    assert summary["answer"] == 0.5 and summary["answer_n"] == 2
    assert summary["refuse"] == 1.0 and summary["followup"] == 1.0
    assert [f["id"] for f in report.failures] == ["2"]
    assert summary["p50_ms"] == 5.0


def test_squad_scorer_and_conversion(tmp_path):
    squad = {"data": [{"title": "T", "paragraphs": [
        {"context": "نص أول عن القاهرة.", "qas": [{"id": "a", "question": "ما العاصمة؟", "answers": [{"text": "القاهرة", "answer_start": 0}]}]},
        {"context": "نص ثان عن النيل.", "qas": [{"id": "b", "question": "ما النهر؟", "answers": [{"text": "النيل", "answer_start": 0}]}]},
    ]}]}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(squad, ensure_ascii=False), encoding="utf-8")
    questions = squad_to_articles(path, tmp_path / "articles")
    assert [(q.paragraph, q.gold) for q in questions] == [(1, "القاهرة"), (2, "النيل")]
    written = list((tmp_path / "articles").glob("*.txt"))
    assert len(written) == 1 and written[0].read_text(encoding="utf-8").count("\n") == 2
    report = score_squad(scripted({"ما العاصمة؟": ("هي القاهرة", True)}), questions)
    summary = report.summary()
    assert summary["answer_contains_gold"] == 0.5
    assert [(f["question"], f["gold"]) for f in report.failures] == [("ما النهر؟", "النيل")]
    assert summary["source_recall@1"] == 0.5 and summary["source_recall@3"] == 0.5
    assert summary["found"] == 0.5


def test_a_conversation_run_asks_every_row_after_the_turns_before_it():
    rows = [
        {"id": "1", "kind": "answer", "q": "س1", "any": [["أ"]]},
        {"id": "2", "kind": "followup", "turns": ["س2", "س3"], "any": [["أ"]]},
        {"id": "3", "kind": "refuse", "q": "س4"},
    ]
    for conversation, expected in ((False, [0, 0, 1, 0]), (True, [0, 1, 2, 3])):
        seen = []

        def ask(question, history):
            seen.append(len(history))
            return Answer(question, "أ", True, [Source("أ", 0.9, "a.txt#1.1", "A")], ms=1.0)

        score_jsonl(ask, rows, conversation=conversation)
        assert seen == expected, (conversation, seen)
