"""End-to-end tests of the Telegram front end: the real PTB Application over real HTTP.

Every test runs `bot.telegram.run_telegram` (polling or webhook) in a thread against
`tests/fake_bot_api.FakeBotAPI` on 127.0.0.1 and asserts on what the bot sent. The answering core
is the real one (`bot.service.build_service`); where a test needs a slow or very long answer it
wraps the real service in a small test-side QAService (see `Wrapped`).
"""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser

from bot.answer import Answer, Source, Turn
from bot.settings import Settings
from bot.telegram import run_telegram
from bot.telegram.formatting import MAX_MESSAGE_CHARS, render_answer
from bot.telegram.logs import RedactingFilter
from bot.telegram.state import StateDB
from bot.telegram.texts import TEXTS
from tests.telegram_harness import (  # noqa: F401 - api, core and in_scope are fixtures
    FOLLOW_UP,
    OUT_OF_SCOPE,
    QUESTION,
    SLOW,
    STEP,
    Wrapped,
    _flat,
    api,
    bot_running,
    core,
    esc,
    in_scope,
    make_settings,
    shows,
    wait_quiet,
)


# -- commands ------------------------------------------------------------------------------------


def test_start_welcome_examples_and_commands(api, core, tmp_path):
    with bot_running(api, make_settings(api, tmp_path), core):
        registered = api.calls_to("setMyCommands")[-1].params["commands"]
        assert [c["command"] for c in registered] == ["start", "help", "source", "reset", "ask"]

        api.send_text(11, "/start")
        welcome = api.wait_sent(11, 1)[0]
        call = api.sent(11)[0]
        assert call.params["parse_mode"] == "HTML"
        for article in core.articles:
            assert esc(article.title) in welcome
        buttons = [row[0] for row in call.params["reply_markup"]["inline_keyboard"]]
        examples = core.example_questions(3)
        assert len(buttons) == len(examples) == 3
        assert [b["text"] for b in buttons] == examples
        assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)

        api.press_button(11, buttons[1]["callback_data"])
        texts = api.wait_sent(11, 2)
        assert api.wait_for(lambda: api.calls_to("answerCallbackQuery"), STEP)
        expected = core.ask(examples[1], [])
        assert shows(texts[1], examples[1])
        assert shows(texts[1], expected.error or expected.answer)

        api.send_text(11, "/help")
        api.send_text(11, "/source")
        help_text, source_text = api.wait_sent(11, 4)[2:4]
        assert "/ask" in help_text and "/reset" in help_text
        for article in core.articles:
            assert esc(article.title) in source_text and esc(article.source) in source_text

        api.send_text(11, "/unknown")
        assert api.wait_sent(11, 5)[4] == help_text  # unknown commands in private get the help


def test_arabic_question_answered_with_source_quote(api, core, in_scope, tmp_path):
    expected = core.ask(in_scope, [])
    assert expected.found and expected.sources
    with bot_running(api, make_settings(api, tmp_path), core):
        api.send_text(21, in_scope)
        texts = api.wait_sent(21, 1)
    assert len(texts) == 1
    reply = texts[0]
    assert _flat(reply).startswith(_flat(esc(expected.answer))[:60])
    quote = reply[reply.index("<blockquote>") :]
    assert shows(quote, expected.sources[0].text)
    assert reply.endswith("</blockquote>")
    assert api.calls_to("sendChatAction", chat_id=21) == [], "a fast answer costs one request, no typing"


def test_out_of_scope_question_gets_honest_refusal(api, core, tmp_path):
    expected = core.ask(OUT_OF_SCOPE, [])
    assert not expected.found
    with bot_running(api, make_settings(api, tmp_path), core):
        api.send_text(22, OUT_OF_SCOPE)
        texts = api.wait_sent(22, 1)
    assert len(texts) == 1
    assert _flat(texts[0]) == _flat(esc(expected.answer))
    assert "<blockquote>" not in texts[0]


def test_follow_up_gets_the_previous_turn(api, core, in_scope, tmp_path):
    spy = Wrapped(core)
    with bot_running(api, make_settings(api, tmp_path), spy.service()):
        api.send_text(23, in_scope)
        api.send_text(23, FOLLOW_UP)
        texts = api.wait_sent(23, 2)
    assert [q for q, _ in spy.calls] == [in_scope, FOLLOW_UP]
    first = core.ask(in_scope, [])
    history = spy.calls[1][1]
    assert [t.question for t in history] == [in_scope]
    assert history[0].answer == first.answer and history[0].found == first.found
    expected = core.ask(FOLLOW_UP, history)
    assert shows(texts[1], expected.answer)


def test_too_long_question_is_refused_by_the_core(api, core, tmp_path):
    long_question = "لماذا تأجل الاجتماع؟ " * (core.max_question_chars // 10)
    expected = core.ask(long_question, [])
    assert expected.error
    with bot_running(api, make_settings(api, tmp_path), core):
        api.send_text(24, long_question)
        texts = api.wait_sent(24, 1)
    assert shows(texts[0], expected.error)


# -- groups, non-text, edits ---------------------------------------------------------------------


def test_group_rules(api, core, tmp_path):
    group = -100_555
    spy = Wrapped(core)
    with bot_running(api, make_settings(api, tmp_path), spy.service()):
        user = 31
        api.send_text(group, "مرحبًا بالجميع، " + QUESTION, user_id=user)  # not addressed: ignored
        mention = api.send_text(group, f"@{api.bot_username} {QUESTION}", user_id=user)
        assert len(api.wait_sent(group, 1)) == 1
        first = api.sent(group)[0]
        assert first.params["reply_parameters"]["message_id"] == mention["message_id"]

        bot_message = api.message(group, "…", user_id=api.bot_id)
        bot_message["from"] = api.bot_user()
        api.send_text(group, FOLLOW_UP, user_id=user, reply_to=bot_message)
        api.send_text(group, f"/ask {QUESTION}", user_id=32)
        api.send_text(group, f"/ask@{api.bot_username} {OUT_OF_SCOPE}", user_id=33)
        texts = api.wait_sent(group, 4)
        assert len(texts) == 4

        api.send_text(group, f"@{api.bot_username} {QUESTION}", user_id=34, is_bot=True)  # another bot
        api.send_text(group, QUESTION, user_id=35)  # plain message
        api.send_text(group, "/ask", user_id=36)  # usage hint, not a question
        texts = api.wait_sent(group, 5)
        wait_quiet()
        assert len(api.sent(group)) == 5
        assert "/ask" in texts[4]

    asked = [q for q, _ in spy.calls]
    assert sorted(asked) == sorted([QUESTION, FOLLOW_UP, QUESTION, OUT_OF_SCOPE])
    follow_up_history = next(h for q, h in spy.calls if q == FOLLOW_UP)
    assert [t.question for t in follow_up_history] == [QUESTION]  # per (chat, user) memory
    for q, h in spy.calls:
        if q == OUT_OF_SCOPE:
            assert h == []  # user 33 has a memory of their own


def test_non_text_messages_get_a_polite_note(api, core, tmp_path):
    spy = Wrapped(core)
    with bot_running(api, make_settings(api, tmp_path), spy.service()):
        api.send_sticker(41)
        api.send_photo(41)
        api.send_voice(41)
        api.send_document(41)
        api.send_sticker(-100_41, user_id=41)  # in a group, not addressed: ignored
        texts = api.wait_sent(41, 4)
        wait_quiet()
    assert len(texts) == 4
    for kind, reply in zip(["kind_sticker", "kind_photo", "kind_voice", "kind_document"], texts, strict=True):
        assert TEXTS[kind] in reply
    assert api.sent(-100_41) == []
    assert spy.calls == []


def test_edited_question_is_answered_again_and_old_edits_are_ignored(api, core, tmp_path):
    spy = Wrapped(core)
    with bot_running(api, make_settings(api, tmp_path, chat_history_ttl=600), spy.service()):
        original = api.send_text(42, OUT_OF_SCOPE)
        api.wait_sent(42, 1)
        api.send_edit(original, QUESTION)
        texts = api.wait_sent(42, 2)
        again = api.sent(42)[1]
        assert again.params["reply_parameters"]["message_id"] == original["message_id"]
        assert texts[1].startswith(TEXTS["edited_note"])
        assert "<blockquote>" in texts[1]

        old = api.message(42, QUESTION, extra={"date": int(time.time()) - 601})  # older than the TTL
        api.send_edit(old, OUT_OF_SCOPE)
        api.send_text(42, "/help")
        api.wait_sent(42, 3)
        wait_quiet()
    assert len(api.sent(42)) == 3
    assert [q for q, _ in spy.calls] == [OUT_OF_SCOPE, QUESTION]


# -- splitting, flood control, concurrency -------------------------------------------------------


class _TagBalance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


def test_long_answer_is_split_on_sentence_boundaries(api, core, in_scope, tmp_path):
    sentence_pool = [s.text for s in core.ask(in_scope, []).sources] or ["جملة اختبار طويلة نوعًا ما."]
    sentences = [f"الجملة رقم {i}: {sentence_pool[i % len(sentence_pool)].strip()} <&>." for i in range(120)]

    def lengthen(answer: Answer) -> Answer:
        answer.answer = " ".join(sentences)
        answer.found = True
        answer.sources = [Source(" ".join(sentences[:60]), 0.9, "x#1.1", core.articles[0].title)]
        return answer

    wrapped = Wrapped(core, transform=lengthen)
    with bot_running(api, make_settings(api, tmp_path), wrapped.service()):
        api.send_text(51, in_scope)
        api.wait_for(lambda: len(api.sent(51)) >= 3, STEP)
        wait_quiet()
        texts = api.texts(51)
    assert len(texts) >= 3
    for part in texts:
        assert 0 < len(part) <= MAX_MESSAGE_CHARS
        checker = _TagBalance()
        checker.feed(part)
        assert checker.ok and not checker.stack, "every message must be well-formed HTML"
    joined = "\n".join(texts)
    plain = joined.replace("<b>", "").replace("</b>", "")  # the highlight, wherever it stands, is bold
    for i, sentence in enumerate(sentences):
        assert esc(sentence) in plain, f"sentence {i} lost or cut"
    assert "<&>" not in joined


def test_flood_control_429_is_waited_out_and_delivered_once(api, core, tmp_path):
    api.fail_next("sendMessage", 429, retry_after=2)
    with bot_running(api, make_settings(api, tmp_path), core):
        api.send_text(61, QUESTION)
        api.wait_sent(61, 1, timeout=STEP)
        wait_quiet(1.0)
    attempts = [c for c in api.calls if c.method == "sendMessage" and c.params.get("chat_id") == 61]
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 2.0
    assert len(api.sent(61)) == 1


def test_fifty_chats_at_once_and_one_slow_chat(api, core, tmp_path):
    slow_chat_question = SLOW + QUESTION
    release = threading.Event()

    def slow(question: str) -> float:
        if question.startswith(SLOW):
            release.wait(60)  # held until every fast chat has its answer
        return 0.0

    wrapped = Wrapped(core, slow=slow)
    chats = list(range(1001, 1051))
    try:
        with bot_running(api, make_settings(api, tmp_path, telegram_workers=2), wrapped.service()):
            api.send_text(999, slow_chat_question)
            assert api.wait_for(lambda: len(wrapped.calls) == 1, STEP)  # it occupies a worker now
            started = time.monotonic()
            for chat in chats:
                api.send_text(chat, QUESTION)
            assert api.wait_for(lambda: all(api.sent(c) for c in chats), 45.0), "fast chats were held up"
            fast_done = time.monotonic() - started
            assert not api.sent(999), "the slow chat should still be thinking"
            release.set()
            api.wait_sent(999, 1, timeout=STEP)
            wait_quiet()
    finally:
        release.set()
    for chat in chats:
        assert len(api.sent(chat)) == 1, f"chat {chat} answered {len(api.sent(chat))} times"
    assert len(api.sent(999)) == 1
    print(f"50 chats answered in {fast_done:.2f}s while one chat was blocked")


def test_one_conversation_is_handled_in_order(api, core, in_scope, tmp_path):
    first = SLOW + in_scope
    wrapped = Wrapped(core, slow=lambda q: 1.5 if q.startswith(SLOW) else 0.0)
    with bot_running(api, make_settings(api, tmp_path), wrapped.service()):
        api.send_text(71, first)
        api.send_text(71, OUT_OF_SCOPE)
        texts = api.wait_sent(71, 2)
    assert [q for q, _ in wrapped.calls] == [first, OUT_OF_SCOPE]
    assert "<blockquote>" in texts[0] and "<blockquote>" not in texts[1]
    assert [t.question for t in wrapped.calls[1][1]] == [first]


# -- memory across restarts ----------------------------------------------------------------------


def stored_turns(settings: Settings, key: str) -> list[str]:
    """The questions remembered for a conversation, read from the state file."""
    state = StateDB(settings.telegram_state_db, settings.chat_history_turns, settings.chat_history_ttl).open()
    try:
        return [t.question for t in state.history(key)]
    finally:
        state.close()


def test_memory_survives_restart_and_reset_forgets(api, core, tmp_path):
    settings = make_settings(api, tmp_path)
    with bot_running(api, settings, core):
        api.send_text(81, QUESTION)
        api.wait_sent(81, 1)
    assert stored_turns(settings, "81") == [QUESTION]
    assert settings.telegram_state_db.stat().st_mode & 0o077 == 0
    raw = sqlite3.connect(settings.telegram_state_db)
    keys = [key for (key,) in raw.execute("SELECT key FROM conversations")]
    assert len(keys) == 1 and keys[0] != "81" and len(keys[0]) == 32  # a salted hash, not the chat id
    assert {payload for (payload,) in raw.execute("SELECT payload FROM inbox")} == {"{}"}  # blanked once handled
    raw.close()

    spy = Wrapped(core)
    with bot_running(api, settings, spy.service()):
        api.send_text(81, FOLLOW_UP)
        api.wait_sent(81, 2)
        api.send_text(81, "/reset")
        api.wait_sent(81, 3)
        assert stored_turns(settings, "81") == []
        api.send_text(81, FOLLOW_UP)
        api.wait_sent(81, 4)
    assert [t.question for t in spy.calls[0][1]] == [QUESTION]
    assert spy.calls[1][1] == []
    assert api.texts(81)[2] == TEXTS["reset_done"]


def test_old_json_state_is_migrated_once(api, core, tmp_path):
    settings = make_settings(api, tmp_path)
    turn = {"question": QUESTION, "resolved": QUESTION, "answer": "في بودابست.", "found": True}
    settings.telegram_state_file.write_text(
        json.dumps({"version": 1, "conversations": {"82": {"turns": [turn], "updated": time.time()}}}),
        encoding="utf-8",
    )
    spy = Wrapped(core)
    with bot_running(api, settings, spy.service()):
        api.send_text(82, FOLLOW_UP)
        api.wait_sent(82, 1)
    assert [t.question for t in spy.calls[0][1]] == [QUESTION]
    assert not settings.telegram_state_file.exists()
    assert settings.telegram_state_file.with_name(settings.telegram_state_file.name + ".migrated").exists()


# -- protection ----------------------------------------------------------------------------------


def test_allow_list_and_rate_limit(api, core, in_scope, tmp_path):
    settings = make_settings(api, tmp_path, telegram_allowed_ids=[91, -100_91], telegram_rate_limit=2)
    with bot_running(api, settings, core):
        api.send_text(92, in_scope)
        assert api.wait_sent(92, 1)[0] == TEXTS["not_allowed"]
        api.send_text(-100_91, f"/ask {in_scope}", user_id=93)  # an allowed group admits its members
        assert "<blockquote>" in api.wait_sent(-100_91, 1)[0]
        for _ in range(3):
            api.send_text(91, in_scope)
        texts = api.wait_sent(91, 3)
    assert "<blockquote>" in texts[0] and "<blockquote>" in texts[1]
    assert texts[2].startswith(TEXTS["rate_limited"].split("(")[0].strip())


def wait_listening(port: int, timeout: float = STEP) -> None:
    """Until something accepts connections on 127.0.0.1:port: the bot registers its webhook and
    commands a moment before its own web server listens (Telegram itself retries a refused delivery)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_webhook_mode_checks_the_secret(api, core, in_scope, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    secret = "hook-secret_0123456789"
    settings = make_settings(
        api,
        tmp_path,
        telegram_webhook_url=f"http://127.0.0.1:{port}/telegram/hook",
        telegram_webhook_listen="127.0.0.1",
        telegram_webhook_port=port,
        telegram_webhook_secret=secret,
    )

    def post(update: dict, token: str | None) -> int:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/telegram/hook",
            data=json.dumps(update).encode(),
            headers={"Content-Type": "application/json"}
            | ({"X-Telegram-Bot-Api-Secret-Token": token} if token else {}),
        )
        try:
            with urllib.request.urlopen(request, timeout=STEP) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    with bot_running(api, settings, core):
        wait_listening(port)
        hook = api.calls_to("setWebhook")[-1].params
        assert hook["url"] == settings.telegram_webhook_url
        assert hook["secret_token"] == secret
        assert post({"update_id": 1, "message": api.message(101, in_scope)}, secret) == 200
        assert "<blockquote>" in api.wait_sent(101, 1)[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=STEP) as response:
            assert response.status == 200

        def read_metrics() -> str:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=STEP) as response:
                return response.read().decode()

        # The answer is counted once its delivery is confirmed, a moment after the server saw it.
        assert api.wait_for(lambda: 'qa_answers_total{mode="extractive"} 1.0' in read_metrics(), STEP), read_metrics()
        metrics = read_metrics()
        assert "qa_answer_seconds_bucket" in metrics and "telegram_flood_waits_total 0.0" in metrics
        assert post({"update_id": 2, "message": api.message(102, in_scope)}, "wrong-secret") == 403
        assert post({"update_id": 3, "message": api.message(103, in_scope)}, None) == 403
        wait_quiet()
    assert api.sent(102) == [] and api.sent(103) == []
    assert not api.calls_to("getUpdates")


def test_no_token_in_logs_and_errors_reach_the_user(api, core, tmp_path, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    settings = make_settings(api, tmp_path, log_level="DEBUG")
    api.fail_next("sendMessage", 400, description=f"Bad Request: chat {api.token} not found")
    with bot_running(api, settings, core):
        logging.getLogger("test").warning("the token is %s", api.token)
        api.send_text(111, QUESTION)
        texts = api.wait_sent(111, 1)
        wait_quiet()
    assert texts == [TEXTS["error"]]
    assert any("Error while handling an update" in r.getMessage() for r in caplog.records)
    assert any("[REDACTED]" in r.getMessage() for r in caplog.records)
    captured = capfd.readouterr()
    everything = caplog.text + captured.out + captured.err
    assert api.token not in everything
    assert api.token.split(":")[1] not in everything
    assert not [r for r in caplog.records if r.name.startswith("httpx") and r.levelno < logging.WARNING]


# -- start-up errors -----------------------------------------------------------------------------


def test_missing_token_exits_2_with_one_line(tmp_path, capfd):
    called = []
    settings = Settings(_env_file=None, telegram_bot_token=None, telegram_state_file=tmp_path / "s.json")
    rc = run_telegram(settings, lambda: called.append(1))
    out, err = capfd.readouterr()
    assert rc == 2
    assert called == [], "the core must not be loaded without a token"
    assert len(err.strip().splitlines()) == 1 and "TELEGRAM_BOT_TOKEN" in err


def test_rejected_token_is_a_clean_error(api, core, tmp_path, capfd):
    wrong = "999999:WRONG-token-xyz_abcdefg"
    settings = make_settings(api, tmp_path, telegram_bot_token=wrong)
    result: dict[str, int] = {}
    thread = threading.Thread(
        target=lambda: result.setdefault("rc", run_telegram(settings, core, stop_signals=())), daemon=True
    )
    thread.start()
    thread.join(STEP)
    assert not thread.is_alive()
    out, err = capfd.readouterr()
    assert result["rc"] not in (0, None)
    assert "Traceback" not in out + err
    assert wrong not in out + err
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and "rejected" in error_lines[0]
    assert api.calls[0].method == "getMe" and api.calls[0].status == 401


# -- units ---------------------------------------------------------------------------------------


def test_render_answer_escapes_and_quotes():
    answer = Answer(
        question="q",
        answer="الجواب <b>x</b> & y.",
        found=True,
        sources=[Source("جملة <المصدر> & «اقتباس».", 0.9, "a#1.1", "عنوان <المقال>")],
    )
    [message] = render_answer(answer)
    assert message.startswith("الجواب &lt;b&gt;x&lt;/b&gt; &amp; y.")
    assert "<blockquote>جملة &lt;المصدر&gt; &amp; «اقتباس».\n— عنوان &lt;المقال&gt;</blockquote>" in message
    refusal = render_answer(Answer(question="q", answer="لا أعرف.", found=False, sources=answer.sources))
    assert refusal == ["لا أعرف."]
    error = render_answer(Answer(question="q", answer="", found=False, error="السؤال طويل جدًا."))
    assert error == ["السؤال طويل جدًا."]
    one_huge_word = render_answer(Answer(question="q", answer="ب" * 10_000, found=False))
    assert len(one_huge_word) == 3 and all(len(m) <= MAX_MESSAGE_CHARS for m in one_huge_word)


def test_state_bounds_expires_and_persists(tmp_path):
    now = [1000.0]
    path = tmp_path / "state.sqlite3"
    state = StateDB(path, max_turns=2, ttl=60, clock=lambda: now[0]).open()
    for i in range(3):
        state.append("1", Turn(question=f"q{i}", resolved=f"q{i}", answer="a", found=True))
    assert [t.question for t in state.history("1")] == ["q1", "q2"]
    assert state.rate_check(987654321, 2) == 0 and state.rate_check(987654321, 2) == 0
    assert state.rate_check(987654321, 2) == 60.0
    salt_hash = state.user_hash(987654321)
    state.close()
    again = StateDB(path, max_turns=2, ttl=60, clock=lambda: now[0]).open()
    assert [t.question for t in again.history("1")] == ["q1", "q2"]
    assert again.user_hash(987654321) == salt_hash != StateDB(tmp_path / "other.sqlite3", 2, 60).open().user_hash(987654321)
    assert again.rate_check(987654321, 2) > 0  # the window survives a restart
    now[0] += 61
    assert again.history("1") == []
    assert again.rate_check(987654321, 2) == 0
    assert "987654321" not in "".join(str(row) for row in again.db.execute("SELECT * FROM rate_events"))


def test_a_turns_marked_phrase_survives_a_restart_and_older_turns_still_load(tmp_path):
    """The phrase an answer marked is kept with its turn (a follow-up's pronoun may stand for it); turns
    stored before the field existed load with none."""
    path = tmp_path / "state.sqlite3"
    state = StateDB(path, max_turns=4, ttl=3600).open()
    turn = Turn(question="من هي؟", resolved="من هي؟", answer="…", found=True, highlight="سلوى الهمامي")
    state.append("1", turn)
    state.close()
    again = StateDB(path, max_turns=4, ttl=3600).open()
    assert [t.highlight for t in again.history("1")] == ["سلوى الهمامي"]
    old = {"question": "q", "resolved": "q", "answer": "a", "found": True, "refs": ["x#1.1"]}
    assert Turn.from_dict(old).highlight is None
    again.close()


def test_redacting_filter_covers_messages_args_and_tracebacks():
    token = "123456:SECRET-token-value"
    redactor = RedactingFilter([token])
    try:
        raise RuntimeError(f"url https://api.telegram.org/bot{token}/getMe failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "calling %s", (token,), sys.exc_info())
    assert redactor.filter(record)
    formatted = logging.Formatter().format(record)
    assert token not in formatted and "[REDACTED]" in formatted
