"""Turning recorded 👍/👎 feedback into evaluation questions (the JSONL of ../shared/eval/README.md).

One line per answer that got feedback: `id`, `kind`, `q` and `any` as the evaluator reads them, plus
what the bot said (`bot_answer`, `bot_found`, `bot_sources`, `bot_mode`), `chat_type`, `votes_up`,
`votes_down` and `answered_at` (UTC). The verdict is the majority of the votes (a tie counts as 👎):

| verdict | bot answered (`found`) | kind | any |
| --- | --- | --- | --- |
| 👎 | yes | `refuse` | — (the answer was judged wrong: until someone writes the expected phrases, giving it fails) |
| 👎 | no | `answer` | `[]` (the user expected an answer; fill in its phrases) |
| 👍 | yes | `answer` | `[[bot_answer]]` (a regression check: the same answer again) |
| 👍 | no | `refuse` | — |
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.telegram.state import StateDB


def eval_rows(state: StateDB, include_positive: bool = False) -> list[dict[str, Any]]:
    """Evaluation rows, oldest answer first; only answers with a 👎 verdict unless `include_positive`."""
    by_answer: dict[str, dict[str, Any]] = {}
    for vote in state.feedback_rows(include_positive=True):
        row = by_answer.setdefault(vote["answer_key"], {"vote": vote, "up": 0, "down": 0})
        row["up" if vote["vote"] > 0 else "down"] += 1
    rows = []
    for key, item in sorted(by_answer.items(), key=lambda kv: kv[1]["vote"]["answered_at"]):
        vote, down = item["vote"], item["down"] >= item["up"]
        if not down and not include_positive:
            continue
        found = vote["found"]
        if down:
            kind, any_ = ("refuse", None) if found else ("answer", [])
        else:
            kind, any_ = ("answer", [[vote["answer"]]]) if found else ("refuse", None)
        row: dict[str, Any] = {"id": f"fb-{key}", "kind": kind, "q": vote["question"]}
        if any_ is not None:
            row["any"] = any_
        row.update(
            bot_answer=vote["answer"],
            bot_found=found,
            bot_sources=[s["source"] for s in vote["sources"]],
            bot_mode=vote["mode"],
            chat_type=vote["chat_type"],
            votes_up=item["up"],
            votes_down=item["down"],
            answered_at=datetime.fromtimestamp(vote["answered_at"], UTC).isoformat(timespec="seconds"),
        )
        rows.append(row)
    return rows


def export(state: StateDB, path: Path, include_positive: bool = False) -> int:
    """Write the rows as JSONL (UTF-8); returns how many."""
    rows = eval_rows(state, include_positive)
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
