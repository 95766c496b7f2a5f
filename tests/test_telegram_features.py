"""Telegram end to end over loopback HTTP: forum topics, typing only when slow, Telegram's flood
limit, 👍/👎 feedback and its export, and one turn record shared with the terminal chat."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bot.answer import Answer, Source, Turn
from bot.repl import run_pipe
from bot.service import QAService
from bot.telegram.texts import TEXTS
from tests.telegram_harness import (  # noqa: F401 - api, core and in_scope are fixtures
    FOLLOW_UP,
    OUT_OF_SCOPE,
    QUESTION,
    SLOW,
    STEP,
    FakeBotAPI,
    Wrapped,
    api,
    bot_running,
    core,
    in_scope,
    make_settings,
    shows,
    wait_quiet,
)

GROUP = -100_777
ROOT = Path(__file__).resolve().parent.parent


def in_topic(api: FakeBotAPI, thread: int) -> list:
    """Every call the bot made that carried this forum topic."""
    return [c for c in api.calls if c.params.get("message_thread_id") == thread]


def sent_settled(api, seconds: float = 0.5) -> bool:
    """No new sendMessage for `seconds`."""
    before = len(api.calls_to("sendMessage"))
    time.sleep(seconds)
    return len(api.calls_to("sendMessage")) == before


def test_forum_topics_every_message_in_its_topic_and_memory_per_topic(api, core, tmp_path):
    long_text = " ".join(f"الجملة رقم {i} من جواب طويل جدًا عن السؤال." for i in range(300))

    def lengthen(answer: Answer) -> Answer:
        if answer.question == OUT_OF_SCOPE:
            answer.answer, answer.found = long_text, True
        return answer

    spy = Wrapped(core, slow=lambda q: 1.3 if q.startswith(SLOW) else 0.0, transform=lengthen)
    mention = f"@{api.bot_username}"
    settings = make_settings(api, tmp_path, telegram_rate_limit=3)
    with bot_running(api, settings, spy.service()):
        asked = api.send_text(GROUP, f"{mention} {SLOW}{QUESTION}", user_id=71, thread_id=5)
        assert api.wait_for(lambda: len(in_topic(api, 5)) >= 2, STEP)
        api.send_text(GROUP, f"{mention} {FOLLOW_UP}", user_id=71, thread_id=6)  # another topic: no memory
        api.send_text(GROUP, f"{mention} {OUT_OF_SCOPE}", user_id=72, thread_id=6)  # a long answer
        assert api.wait_for(lambda: len([c for c in in_topic(api, 6) if c.method == "sendMessage"]) >= 3, STEP)
        api.send_text(GROUP, f"{mention} {FOLLOW_UP}", user_id=71, thread_id=5)  # same topic: remembers
        api.send_text(GROUP, f"{mention} {QUESTION}", user_id=71, thread_id=5)  # 4th a minute: rate note
        assert api.wait_for(lambda: len([c for c in in_topic(api, 5) if c.method == "sendMessage"]) >= 3, STEP)
        # Every earlier message (the long answer's last parts too) sent, so that the failure below hits
        # topic 8's answer and no other.
        assert api.wait_for(lambda: sent_settled(api), STEP)
        api.fail_next("sendMessage", 400, description="Bad Request: something went wrong")
        api.send_text(GROUP, f"{mention} {QUESTION}", user_id=73, thread_id=8)  # fails: apology in topic 8
        assert api.wait_for(lambda: len([c for c in in_topic(api, 8) if c.status == 200]) >= 1, STEP)
        wait_quiet()

    for call in api.calls:
        if call.method in ("sendMessage", "sendChatAction"):
            assert call.params.get("message_thread_id") in (5, 6, 8), f"{call.method} left its topic"
    topic5 = in_topic(api, 5)
    assert topic5[0].method == "sendChatAction"  # the slow answer showed "typing…" in its topic
    answer5 = [c for c in topic5 if c.method == "sendMessage"]
    assert answer5[0].params["reply_parameters"]["message_id"] == asked["message_id"]
    assert answer5[2].params["text"].startswith(TEXTS["rate_limited"].split("(")[0].strip())
    long_parts = [c for c in in_topic(api, 6) if c.method == "sendMessage" and "الجملة رقم" in c.params["text"]]
    assert len(long_parts) >= 2
    assert [c.params["text"] for c in in_topic(api, 8) if c.status == 200] == [TEXTS["error"]]
    histories = {q: [t.question for t in h] for q, h in spy.calls if q == FOLLOW_UP}
    follow_ups = [[t.question for t in h] for q, h in spy.calls if q == FOLLOW_UP]
    assert follow_ups == [[], [SLOW + QUESTION]], histories  # memory per (chat, topic, user)


def test_streamed_answer_stays_in_its_topic(api, core, tmp_path):
    class Streaming(Wrapped):
        streams = True

        def stream(self, question, history):
            answer = self.answer(question, history)
            yield answer.answer[:20]
            time.sleep(0.5)  # the preview goes out before the rest arrives
            yield answer

    spy = Streaming(core)
    with bot_running(api, make_settings(api, tmp_path), spy.service()):
        api.send_text(GROUP, f"@{api.bot_username} {QUESTION}", user_id=74, thread_id=9)
        assert api.wait_for(lambda: api.calls_to("editMessageText"), STEP)
        wait_quiet()
    sent = api.sent(GROUP)
    assert [c.params["message_thread_id"] for c in sent] == [9]
    edits = api.calls_to("editMessageText")
    assert {c.params["chat_id"] for c in edits} == {GROUP}
    assert "<blockquote>" in edits[-1].params["text"]
    assert edits[-1].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].startswith("fb:+:")


def test_typing_only_for_slow_answers(api, core, tmp_path):
    spy = Wrapped(core, slow=lambda q: 1.2 if q.startswith(SLOW) else 0.0)
    with bot_running(api, make_settings(api, tmp_path), spy.service()):
        api.send_text(31, QUESTION)
        api.send_text(32, SLOW + QUESTION)
        api.wait_sent(31, 1)
        api.wait_sent(32, 1)
    assert api.calls_to("sendChatAction", chat_id=31) == []
    typing = api.calls_to("sendChatAction", chat_id=32)
    assert len(typing) == 1 and typing[0].params["action"] == "typing"
    assert typing[0].at < api.sent(32)[0].at


class InstantChain:
    """Answers at once, so that the Bot API is the bottleneck."""

    def answer(self, question: str, history: Sequence[Turn]) -> Answer:
        return Answer(question, f"جواب عن: {question}", True, [Source("جملة.", 1.0, "x#1.1", "مقال")])

    def stream(self, question: str, history: Sequence[Turn]):
        answer = self.answer(question, history)
        yield answer.answer
        yield answer


def test_never_more_than_30_requests_in_any_second(tmp_path):
    chats = list(range(2001, 2061))
    with FakeBotAPI(flood_limit=30) as api:
        service = QAService(InstantChain(), [], 1000)
        with bot_running(api, make_settings(api, tmp_path, telegram_rate_limit=0), service):
            for round_ in range(2):
                for chat in chats:
                    api.send_text(chat, f"سؤال {round_}")
            assert api.wait_for(lambda: all(len(api.sent(c)) == 2 for c in chats), 30.0)
            wait_quiet(1.0)
        arrivals = sorted(c.at for c in api.calls if c.method != "getUpdates")
    assert api.flood_refusals == 0
    busiest = max(sum(1 for t in arrivals[i:] if t - start < 1.0) for i, start in enumerate(arrivals))
    assert busiest <= 30
    for chat in chats:
        assert [c.params["text"].split("\n")[0] for c in api.sent(chat)] == ["جواب عن: سؤال 0", "جواب عن: سؤال 1"]


# Users' ids long enough that no timestamp, score or record id of the export holds one by chance (the
# export must hold none: who voted is not kept).
ASKER, OTHER_ASKER, VOTER = 8_100_000_081, 8_200_000_082, 8_300_000_083


def test_feedback_recorded_once_and_exported(api, core, in_scope, tmp_path):
    settings = make_settings(api, tmp_path)
    with bot_running(api, settings, core):
        api.send_text(-100_55, f"/ask {in_scope}", user_id=ASKER)
        api.send_text(-100_55, f"/ask {OUT_OF_SCOPE}", user_id=OTHER_ASKER)
        api.wait_sent(-100_55, 2)
        answers = {c.params["text"]: c for c in api.sent(-100_55)}
        found = next(c for t, c in answers.items() if "<blockquote>" in t)
        refused = next(c for t, c in answers.items() if "<blockquote>" not in t)
        buttons = found.params["reply_markup"]["inline_keyboard"][0]
        assert [b["text"] for b in buttons] == ["👍", "👎"]
        up, down = buttons[0]["callback_data"], buttons[1]["callback_data"]
        message = {"message_id": 1, "date": 0, "chat": {"id": -100_55, "type": "supergroup"},
                   "from": api.bot_user(), "text": "…"}
        refused_down = refused.params["reply_markup"]["inline_keyboard"][0][1]["callback_data"]
        presses = [(up, ASKER), (down, ASKER), (down, VOTER), (refused_down, OTHER_ASKER)]  # ASKER twice: once
        for n, (data, user) in enumerate(presses, 1):
            # One press after another, as people press: updates are handled concurrently, so presses
            # sent at once may be handled in any order.
            api.press_button(-100_55, data, user_id=user, on_message=message)
            assert api.wait_for(lambda n=n: len(api.calls_to("answerCallbackQuery")) == n, STEP)
    toasts = [c.params.get("text") for c in api.calls_to("answerCallbackQuery")]
    assert toasts == [TEXTS["feedback_thanks"], TEXTS["feedback_again"], TEXTS["feedback_thanks"],
                      TEXTS["feedback_thanks"]]

    env = {"TELEGRAM_STATE_DB": str(settings.telegram_state_db), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    out = tmp_path / "down.jsonl"
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "bot", "feedback", *args], capture_output=True, text=True, env=env, timeout=60,
        cwd=ROOT,
    )
    done = run("export", str(out))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2
    by_question = {r["q"]: r for r in rows}
    assert by_question[in_scope]["kind"] == "refuse" and by_question[in_scope]["bot_found"] is True
    assert by_question[in_scope]["bot_answer"] and by_question[in_scope]["bot_sources"]
    assert by_question[OUT_OF_SCOPE]["kind"] == "answer" and by_question[OUT_OF_SCOPE]["bot_found"] is False
    assert by_question[OUT_OF_SCOPE]["any"] == []
    assert [r["votes_down"] for r in rows] == [1, 1] and {r["chat_type"] for r in rows} == {"supergroup"}
    exported = out.read_text(encoding="utf-8")
    assert not any(str(user) in exported for user in (ASKER, OTHER_ASKER, VOTER))
    everything = tmp_path / "all.jsonl"
    assert run("export", str(everything), "--all").returncode == 0
    all_rows = [json.loads(line) for line in everything.read_text(encoding="utf-8").splitlines()]
    assert len(all_rows) == 2 and {r["votes_up"] for r in all_rows} == {1, 0}
    stats = run("stats")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout) == {"answers": 2, "up": 1, "down": 2, "down_found": 1, "down_not_found": 1}


def test_follow_ups_remember_the_same_turn_in_telegram_and_terminal(api, core, in_scope, tmp_path):
    spy = Wrapped(core)
    with bot_running(api, make_settings(api, tmp_path), spy.service()):
        api.send_text(91, in_scope)
        api.send_text(91, FOLLOW_UP)
        texts = api.wait_sent(91, 2)
    terminal: list[tuple[str, list[Turn]]] = []

    def ask(question: str, history: Sequence[Turn]) -> Answer:
        terminal.append((question, list(history)))
        return core.ask(question, history)

    out = io.StringIO()
    run_pipe(ask, io.StringIO(f"{in_scope}\n{FOLLOW_UP}\n"), out, as_json=True)
    assert spy.calls == terminal  # the same Turn, source references included
    assert terminal[1][1][0].refs, "the turn keeps the answer's source references"
    follow_up = json.loads(out.getvalue().splitlines()[1])
    assert shows(texts[1], follow_up["answer"])
