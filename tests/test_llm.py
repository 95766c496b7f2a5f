"""Generated answers (issue 4) against real HTTP servers on 127.0.0.1 speaking each provider's protocol.

The answering core is the real one (model + FAISS index of the bundled article, built once per
session into a temporary INDEX_DIR). The LLM servers are `tests/fake_llm_servers.py`, scripted per
test. Failures must fall back to the core's extractive answer within LLM_TIMEOUT + 1 s.
"""

from __future__ import annotations

import builtins
import io
import json
import logging
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import messages
from bot.answer import Answer, Turn
from bot.chain import turn_of
from bot.llm import create_chat_model
from bot.llm_chain import Citations, chain_from_settings, script_of
from bot.prompts import PromptError, load_prompt
from bot.service import QAService
from bot.settings import PROJECT_DIR, Settings

try:
    from tests.fake_llm_servers import SERVERS, FakeLLMServer, OpenAIServer, Reply, Request, closed_port
except ImportError:  # tests/ on sys.path directly
    from fake_llm_servers import SERVERS, FakeLLMServer, OpenAIServer, Reply, Request, closed_port  # type: ignore

KEY = "sk-test-key-0123456789"
TIMEOUT = 2.0  # LLM_TIMEOUT in these tests
BOUND = TIMEOUT + 1.0  # a failing provider may cost at most this much wall time
KELLY = "من هي آنا كيلي؟"
KELLY_FOLLOW_UP = "وما هو منصبها؟"
KELLY_STANDALONE = "ما هو منصب آنا كيلي؟"
OUT_OF_SCOPE = "ما هي عاصمة اليابان؟"
PROVIDERS = list(SERVERS)
_EXCERPT_RE = re.compile(r"^\[(\d+)\] (.+)$", re.MULTILINE)


# -- fixtures and helpers ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("llm-index")


@pytest.fixture(scope="session")
def core_service(index_dir) -> QAService:
    """The real extractive core (model + index of the bundled article), loaded once."""
    from bot.service import build_service

    return build_service(Settings(_env_file=None, llm_provider="none", index_dir=index_dir))


@pytest.fixture(scope="session")
def core(core_service):
    return core_service._chain


def settings_for(provider: str, base_url: str, **overrides) -> Settings:
    values = dict(llm_provider=provider, llm_base_url=base_url, llm_model="test-model", llm_api_key=KEY,
                  llm_timeout=TIMEOUT, llm_max_tokens=123, llm_temperature=0.1)
    values.update(overrides)
    return Settings(_env_file=None, **values)


def llm_service(core_service: QAService, provider: str, base_url: str, probe: bool = False, **overrides) -> QAService:
    """What `build_service` wires for LLM_PROVIDER=provider, over the session's core."""
    chain = chain_from_settings(settings_for(provider, base_url, **overrides), core_service._chain, probe=probe)
    assert getattr(chain, "streams", False), "the LLM chain was not created"
    return QAService(chain, core_service.articles, core_service.max_question_chars)


@pytest.fixture(params=PROVIDERS)
def provider(request) -> str:
    return request.param


@pytest.fixture
def server(provider):
    with SERVERS[provider](api_key=KEY) as fake:
        yield fake


def is_rewrite(request: Request) -> bool:
    return "سؤال المتابعة:" in request.text


def excerpts_of(request: Request) -> dict[int, str]:
    """The numbered excerpts an answer request carries."""
    return {int(n): text.strip() for n, text in _EXCERPT_RE.findall(request.messages[-1]["content"])}


def asked_in(request: Request) -> str:
    """The question inside the answer prompt's <<< >>> markers."""
    found = re.findall(r"<<<(.*?)>>>", request.messages[-1]["content"], re.S)
    assert found, "the answer prompt lost its question markers"
    return found[-1]


def answer_requests(fake: FakeLLMServer) -> list[Request]:
    return [r for r in fake.chat_requests() if not is_rewrite(r)]


def quoting(n: int = 1, words: int = 8) -> Callable[[Request], Reply]:
    """A model that answers with the start of excerpt n, citing it."""

    def script(request: Request) -> Reply:
        excerpt = excerpts_of(request)[n]
        return Reply(" ".join(excerpt.split()[:words]) + f" [{n}].", chunk_chars=5, chunk_delay=0.03)

    return script


def final_of(items: list) -> Answer:
    assert items and isinstance(items[-1], Answer), "a stream must end with the Answer"
    assert all(isinstance(i, str) for i in items[:-1])
    return items[-1]


def timed(call: Callable[[], object]) -> tuple[object, float]:
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


# -- the happy path, each provider ---------------------------------------------------------------


def test_request_carries_question_and_excerpts_and_cited_reply_reaches_user(core, core_service, server, provider):
    server.script(quoting(1))
    service = llm_service(core_service, provider, server.base_url)
    answer = service.ask(KELLY, [])

    [request] = server.chat_requests()
    retrieved = core.retrieve(KELLY, [])
    top = [hit.document.page_content for hit, _ in retrieved.ranked[:5]]
    excerpts = excerpts_of(request)
    assert asked_in(request) == KELLY
    assert [excerpts[n] for n in sorted(excerpts)] == top, "the excerpts are the top hits' sentences, best first"
    assert "آنا كيلي" in excerpts[1]
    assert request.messages[0]["role"] == "system" and "NOT_FOUND" in request.messages[0]["content"]
    assert request.body["model"] == "test-model"
    if provider == "openai":
        assert request.headers["authorization"] == f"Bearer {KEY}"
        assert request.body["max_completion_tokens"] == 123 and request.body["temperature"] == 0.1
        assert request.body["stream"] is False
    elif provider == "anthropic":
        assert KEY in (request.headers.get("x-api-key"), request.headers.get("authorization", "")[7:])
        assert "anthropic-version" in request.headers
        assert request.body["max_tokens"] == 123 and request.body.get("stream") in (None, False)
    else:
        assert request.body["options"]["num_predict"] == 123
        assert request.headers["authorization"] == f"Bearer {KEY}"

    assert answer.mode == "llm" and answer.found
    assert answer.answer == " ".join(excerpts[1].split()[:8]) + " [1]."
    assert [s.text for s in answer.sources] == [excerpts[1]]
    assert answer.sources[0] == retrieved.sources()[0]
    assert answer.question == KELLY
    record = answer.to_json()
    assert record["mode"] == "llm" and {"question", "answer", "found", "sources", "ms"} <= set(record)


def test_streaming_arrives_in_pieces(core_service, server, provider):
    server.script(quoting(1, words=12))
    service = llm_service(core_service, provider, server.base_url, llm_timeout=10)  # not a timing test
    arrivals: list[float] = []
    items = []
    for item in service.stream(KELLY, []):
        arrivals.append(time.monotonic())
        items.append(item)
    answer = final_of(items)
    text_pieces = items[:-1]
    assert len(text_pieces) > 3, f"expected the reply in pieces, got {text_pieces}"
    assert "".join(text_pieces).strip() == answer.answer
    assert arrivals[-2] - arrivals[0] > 0.1, "pieces must arrive as they are generated, not all at once"
    assert answer.mode == "llm" and answer.found and answer.sources
    [request] = server.chat_requests()
    assert request.stream or provider == "ollama"


def test_citations_are_renumbered_in_order_of_use(core_service, core):
    with OpenAIServer() as fake:
        fake.script(lambda r: Reply("أولاً [3]، ثم [1]، ومرة أخرى [3].", chunk_chars=2))
        service = llm_service(core_service, "openai", fake.base_url)
        retrieved = core.retrieve(KELLY, [])
        excerpts = [hit.document.page_content for hit, _ in retrieved.ranked[:5]]
        for answer in (service.ask(KELLY, []), final_of(list(service.stream(KELLY, [])))):
            assert answer.mode == "llm"
            assert answer.answer == "أولاً [1]، ثم [2]، ومرة أخرى [1]."
            assert [s.text for s in answer.sources] == [excerpts[2], excerpts[0]]


def test_not_found_marker_gives_the_honest_reply_with_nearest_sources(core_service, core):
    with OpenAIServer() as fake:
        fake.script(Reply("NOT_FOUND", chunk_chars=3))
        service = llm_service(core_service, "openai", fake.base_url)
        answer = service.ask(KELLY, [])
        items = list(service.stream(KELLY, []))
    assert answer.mode == "llm" and not answer.found
    assert answer.answer == messages.NOT_FOUND
    assert answer.sources == core.retrieve(KELLY, []).sources()
    streamed = final_of(items)
    assert "".join(items[:-1]) == messages.NOT_FOUND, "the marker itself must never be shown"
    assert streamed.answer == messages.NOT_FOUND and not streamed.found


def test_a_message_with_no_word_is_not_sent_to_the_model(core_service):
    # Keyboard mash gets the core's "not understood" reply, streamed or not, and costs no LLM request.
    with OpenAIServer() as fake:
        fake.script(Reply("عاصمة اليابان هي طوكيو [1]."))
        service = llm_service(core_service, "openai", fake.base_url)
        answer = service.ask("asdkjh qwe zxcmnb poiuy", [])
        items = list(service.stream("سشيبل ثقفغ لاتنم", []))
        assert fake.chat_requests() == []
    assert not answer.found and answer.error == messages.NOT_UNDERSTOOD and answer.sources == []
    assert "".join(items[:-1]) == messages.NOT_UNDERSTOOD and final_of(items).error == messages.NOT_UNDERSTOOD


def test_a_question_about_the_whole_article_gives_the_model_its_first_passages(core_service):
    with OpenAIServer() as fake:
        fake.script(quoting(1))
        answer = llm_service(core_service, "openai", fake.base_url).ask("ما موضوع المقالة؟", [])
        excerpts = excerpts_of(answer_requests(fake)[0])
    assert excerpts[1].startswith("قد تتعثر آمال الرئيس الأمريكي") and len(excerpts) == 3
    assert answer.mode == "llm" and answer.found and answer.sources[0].source.endswith("#1.1")


def test_core_refusal_overrides_an_ungrounded_llm_claim(core_service, core):
    assert not core.retrieve(OUT_OF_SCOPE, []).found
    with OpenAIServer() as fake:
        fake.script(Reply("عاصمة اليابان هي طوكيو [1]."))
        service = llm_service(core_service, "openai", fake.base_url)
        answer = service.ask(OUT_OF_SCOPE, [])
        assert answer.mode == "extractive" and not answer.found
        assert answer.answer == core.answer(OUT_OF_SCOPE, []).answer
        # A claim made of the cited excerpt's own words is trusted even where the core hesitated.
        fake.script(lambda r: Reply(excerpts_of(r)[1] + " [1]"))
        grounded = service.ask(OUT_OF_SCOPE, [])
    assert grounded.mode == "llm" and grounded.found and len(grounded.sources) == 1


# -- follow-ups ----------------------------------------------------------------------------------


KELLY_SENTENCE = ('وقالت نائبة السكرتيرة الصحفي للبيت الأبيض، آنا كيلي، لشبكة CNN: "لقد عمل الرئيس ترامب '
                  'باستمرار على إيجاد حل سلمي ودبلوماسي لإنهاء هذه الحرب العبثية ووقف القتل".')


def _kelly_history(core) -> list[Turn]:
    """One earlier turn that asked about Anna Kelly (independent of the core's current tuning)."""
    return [turn_of(Answer(KELLY, KELLY_SENTENCE, True, [], resolved=KELLY))]


def test_follow_up_is_rewritten_in_arabic_and_retrieves_the_right_sentence(core_service, core):
    history = _kelly_history(core)

    def script(request: Request) -> Reply:
        if is_rewrite(request):
            return Reply(f"السؤال المستقل: «{KELLY_STANDALONE}»")
        excerpts = excerpts_of(request)
        if "نائبة السكرتيرة" in excerpts[1]:
            return Reply("آنا كيلي نائبة السكرتيرة الصحفية للبيت الأبيض [1].")
        return Reply("NOT_FOUND")

    with OpenAIServer(script, api_key=KEY) as fake:
        service = llm_service(core_service, "openai", fake.base_url, llm_timeout=10)  # not a timing test
        answer = service.ask(KELLY_FOLLOW_UP, history)
        rewrite, final = fake.chat_requests()
    assert is_rewrite(rewrite)
    assert KELLY in rewrite.text and KELLY_FOLLOW_UP in rewrite.text, "the rewrite sees the conversation"
    assert "بنفس لغة" in rewrite.text or "بلغة سؤال المتابعة" in rewrite.text
    assert asked_in(final) == KELLY_STANDALONE
    assert "آنا كيلي" in excerpts_of(final)[1]
    assert answer.mode == "llm" and answer.found
    assert answer.resolved == KELLY_STANDALONE and answer.question == KELLY_FOLLOW_UP
    assert "نائبة السكرتيرة" in answer.sources[0].text
    assert script_of(answer.answer) == "arabic"


def test_follow_up_rewrite_drifting_to_english_is_not_used(core_service, core):
    history = _kelly_history(core)

    def script(request: Request) -> Reply:
        if is_rewrite(request):
            return Reply("What is Anna Kelly's position?")
        return quoting(1)(request)

    with OpenAIServer(script) as fake:
        service = llm_service(core_service, "openai", fake.base_url, llm_timeout=10)
        answer = service.ask(KELLY_FOLLOW_UP, history)
        rewrite, final = fake.chat_requests()
    base = core.retrieve(KELLY_FOLLOW_UP, history)
    assert asked_in(final) == base.resolved, "the retriever's own follow-up handling is used"
    assert "What is" not in final.messages[-1]["content"]
    assert [excerpts_of(final)[n] for n in sorted(excerpts_of(final))] == [
        h.document.page_content for h, _ in base.ranked[:5]
    ]
    assert answer.mode == "llm"


def test_plain_question_is_not_rewritten(core_service):
    with OpenAIServer(quoting(1)) as fake:
        service = llm_service(core_service, "openai", fake.base_url)
        service.ask(KELLY, [Turn("سؤال سابق", "سؤال سابق", "جواب", True)])
        assert not any(is_rewrite(r) for r in fake.chat_requests())


# -- failures fall back to the extractive answer, in time ----------------------------------------

FAILURES: dict[str, Reply | None] = {
    "refused": None,  # nothing listens on the port
    "hang": Reply(hang=True),
    "slow": Reply("آنا كيلي [1].", delay=TIMEOUT + 2),
    "http500": Reply(status=500),
    "http503": Reply(status=503),
    "http429": Reply(status=429),
    "malformed": Reply(malformed=True),
    "bad_citation": Reply("آنا كيلي هي نائبة السكرتيرة الصحفية [7]."),
    "no_citation": Reply("آنا كيلي هي نائبة السكرتيرة الصحفية في البيت الأبيض."),
    "empty": Reply(""),
}
QUICK = ["refused", "hang", "http500", "http429", "malformed", "bad_citation"]
FAILURE_CASES = [("openai", f) for f in FAILURES] + [(p, f) for p in ("ollama", "anthropic") for f in QUICK]


@pytest.mark.parametrize("how", ["ask", "stream"])
@pytest.mark.parametrize(("provider_name", "failure"), FAILURE_CASES)
def test_failure_falls_back_to_the_extractive_answer_in_time(core_service, core, provider_name, failure, how, caplog):
    caplog.set_level(logging.INFO)
    expected = core.answer(KELLY, [])
    with SERVERS[provider_name](FAILURES[failure] or Reply(""), api_key=KEY) as fake:
        url = fake.base_url
        if failure == "refused":
            url = url.replace(str(fake.port), str(closed_port()))
        service = llm_service(core_service, provider_name, url)
        if how == "ask":
            answer, seconds = timed(lambda: service.ask(KELLY, []))
        else:
            items, seconds = timed(lambda: list(service.stream(KELLY, [])))
            answer = final_of(items)
            if failure in ("refused", "hang", "http500", "http429", "malformed", "empty", "slow"):
                assert items[:-1] == [expected.answer], "nothing was generated: the extractive text is streamed"
    print(f"{provider_name}/{failure}/{how}: extractive fallback after {seconds:.2f}s")
    assert seconds <= BOUND, f"fallback took {seconds:.2f}s (> LLM_TIMEOUT + 1)"
    assert answer.mode == "extractive"
    assert (answer.answer, answer.found, answer.sources) == (expected.answer, expected.found, expected.sources)
    warnings = [r for r in caplog.records if r.name == "bot.llm" and r.levelno >= logging.WARNING]
    assert warnings, "the failure must be logged for the operator"
    assert all(KEY not in r.getMessage() for r in caplog.records)


def test_stream_stalling_mid_answer_ends_with_the_extractive_answer(core_service, core, provider):
    expected = core.answer(KELLY, [])
    with SERVERS[provider](Reply("آنا كيلي هي نائبة السكرتيرة الصحفية للبيت الأبيض [1].", chunk_chars=4,
                                 chunk_delay=0.05, stall_after=4)) as fake:
        service = llm_service(core_service, provider, fake.base_url)
        items, seconds = timed(lambda: list(service.stream(KELLY, [])))
    answer = final_of(items)
    print(f"{provider}: stalled stream replaced after {seconds:.2f}s")
    assert seconds <= BOUND
    assert len(items) > 2 and "".join(items[:-1]).startswith("آنا"), "the partial text was streamed"
    assert answer.mode == "extractive" and answer.answer == expected.answer


def test_follow_up_with_a_hanging_server_still_falls_back_in_time(core_service, core):
    history = _kelly_history(core)
    expected = core.answer(KELLY_FOLLOW_UP, history)
    with OpenAIServer(Reply(hang=True)) as fake:
        service = llm_service(core_service, "openai", fake.base_url)
        answer, seconds = timed(lambda: service.ask(KELLY_FOLLOW_UP, history))
    assert seconds <= BOUND
    assert answer.mode == "extractive" and answer.answer == expected.answer


def test_wrong_api_key_is_one_clear_warning_then_extractive_answers(core_service, core, provider, caplog):
    caplog.set_level(logging.INFO)
    expected = core.answer(KELLY, [])
    wrong = "sk-WRONG-key-9876543210"
    with SERVERS[provider](quoting(1), api_key=KEY) as fake:
        service = llm_service(core_service, provider, fake.base_url, probe=True, llm_api_key=wrong)
        answers = [service.ask(KELLY, []), service.ask(KELLY, []), final_of(list(service.stream(KELLY, [])))]
        time.sleep(0.3)  # let the start-up probe finish
        assert fake.requests and all(wrong in (r.headers.get("x-api-key"), r.headers.get("authorization", "")[7:])
                                     for r in fake.requests)
    assert all(a.mode == "extractive" and a.answer == expected.answer for a in answers)
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.llm" and r.levelno >= logging.WARNING]
    rejected = [w for w in warnings if "rejected the API key" in w]
    assert len(rejected) == 1, warnings
    assert "LLM_API_KEY" in rejected[0]
    assert wrong not in caplog.text and KEY not in caplog.text


# -- settings, prompts, units --------------------------------------------------------------------


def test_create_chat_model_per_provider_without_retries():
    assert create_chat_model(Settings(_env_file=None, llm_provider="none")) is None
    for provider in PROVIDERS:
        model = create_chat_model(settings_for(provider, "http://127.0.0.1:9"))
        assert model is not None
        if provider == "ollama":
            assert model.client_kwargs["timeout"] == TIMEOUT and model.num_predict == 123
        else:
            assert model.max_retries == 0


def test_missing_optional_package_means_extractive(monkeypatch, caplog, core_service):
    caplog.set_level(logging.INFO)
    monkeypatch.setitem(sys.modules, "langchain_anthropic", None)  # import fails
    settings = settings_for("anthropic", "http://127.0.0.1:9")
    assert create_chat_model(settings) is None
    assert "langchain-anthropic" in caplog.text and "extractively" in caplog.text
    assert chain_from_settings(settings, core_service._chain, probe=False) is core_service._chain


def test_prompts_load_by_name_with_exactly_their_variables(tmp_path):
    answer = load_prompt("answer")
    followup = load_prompt("followup")
    assert set(answer.input_variables) == {"excerpts", "question"}
    assert set(followup.input_variables) == {"history", "question"}
    system = answer.messages[0].prompt.template
    assert "NOT_FOUND" in system and "[1]" in system and script_of(system) == "arabic"
    assert script_of(followup.messages[0].prompt.template) == "arabic"

    (tmp_path / "answer.txt").write_text("[system]\nقواعد\n[human]\n{question}\n", encoding="utf-8")
    with pytest.raises(PromptError, match=r"missing \{excerpts\}"):
        load_prompt("answer", tmp_path)
    (tmp_path / "answer.txt").write_text("[human]\n{question} {excerpts} {extra}\n", encoding="utf-8")
    with pytest.raises(PromptError, match=r"unexpected \{extra\}"):
        load_prompt("answer", tmp_path)
    (tmp_path / "answer.txt").write_text("no sections {question} {excerpts}", encoding="utf-8")
    with pytest.raises(PromptError, match="section"):
        load_prompt("answer", tmp_path)
    with pytest.raises(PromptError, match="not found"):
        load_prompt("followup", tmp_path)


def test_citations_unit():
    citations = Citations(3)
    shown = citations.feed("أ [2") + citations.feed("] ب [1،") + citations.feed(" 2] ج [9]") + citations.flush()
    assert shown == "أ [1] ب [2][1] ج [9]"
    assert citations.cited == [2, 1] and citations.invalid == [9]


# -- front ends ----------------------------------------------------------------------------------


class Recorder(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return super().write(text)


def test_repl_prints_the_answer_as_it_is_generated(core_service, monkeypatch):
    from bot.repl import run_terminal

    questions = iter([KELLY])

    def fake_input(prompt: str = "") -> str:
        try:
            return next(questions)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(builtins, "input", fake_input)
    with OpenAIServer(quoting(1, words=10)) as fake:
        service = llm_service(core_service, "openai", fake.base_url)
        out = Recorder()
        assert run_terminal(service.stream, service.articles, False, None, stdout=out) == 0
    text = out.getvalue()
    answer_writes = [w for w in out.writes if w and "[1]" not in w and "مرحباً" not in w and w.strip()]
    assert len(answer_writes) > 2, "the REPL must print pieces as they arrive"
    assert "[1]." in text and "المصدر" in text and "آنا كيلي" in text


def test_cli_json_has_mode_and_falls_back(core_service, index_dir):
    def script(request: Request) -> Reply:
        if KELLY in request.text:
            return quoting(1)(request)
        return Reply(status=500)

    with OpenAIServer(script) as fake:
        env = dict(os.environ, LLM_PROVIDER="openai", LLM_BASE_URL=fake.base_url, LLM_MODEL="test-model",
                   LLM_API_KEY=KEY, LLM_TIMEOUT=str(TIMEOUT), INDEX_DIR=str(index_dir), PYTHONUNBUFFERED="1")
        result = subprocess.run(
            [sys.executable, "-m", "bot", "chat", "--json"], input=f"{KELLY}\n{OUT_OF_SCOPE}\n", text=True,
            capture_output=True, cwd=PROJECT_DIR, env=env, timeout=180,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2
    for record in lines:
        assert {"question", "answer", "found", "sources", "ms", "mode"} <= set(record)
    assert lines[0]["mode"] == "llm" and lines[0]["found"] and lines[0]["sources"]
    assert lines[0]["question"] == KELLY
    assert lines[1]["mode"] == "extractive" and lines[1]["found"] is False
    assert "Traceback" not in result.stderr and KEY not in result.stderr


def test_telegram_streams_as_edits_then_final_edit_with_sources(core_service, core, tmp_path):
    import html

    try:
        from tests.fake_bot_api import FakeBotAPI
        from tests.test_telegram import bot_running, make_settings
    except ImportError:  # tests/ on sys.path directly
        from fake_bot_api import FakeBotAPI  # type: ignore[no-redef]
        from test_telegram import bot_running, make_settings  # type: ignore[no-redef]

    reply = "آنا كيلي هي نائبة السكرتيرة الصحفية للبيت الأبيض، وقد تحدثت عن جهود الرئيس ترامب لإنهاء الحرب [1]."
    chat = 301
    with OpenAIServer(Reply(reply, chunk_chars=4, chunk_delay=0.12)) as fake, FakeBotAPI() as api:
        service = llm_service(core_service, "openai", fake.base_url, llm_timeout=15)
        with bot_running(api, make_settings(api, tmp_path), service):
            api.send_text(chat, KELLY)
            done = lambda: any("<blockquote>" in c.params.get("text", "")  # noqa: E731
                               for c in api.calls_to("editMessageText", chat_id=chat))
            assert api.wait_for(done, 30), "the streamed answer never got its final edit"
            time.sleep(0.3)
        [first] = api.sent(chat)
        edits = api.calls_to("editMessageText", chat_id=chat)
    assert first.params["text"].endswith("…") and reply.startswith(html.unescape(first.params["text"])[:4])
    assert len(edits) >= 2, "the text must arrive as edits"
    assert {e.params["message_id"] for e in edits} == {edits[0].params["message_id"]}
    times = [first.at] + [e.at for e in edits[:-1]]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert all(gap >= 0.9 for gap in gaps), f"edits closer than a second apart: {gaps}"
    final = edits[-1].params["text"]
    assert final.startswith(html.escape(reply, quote=False))
    assert "<blockquote>[1] " in final and "آنا كيلي" in final[final.index("<blockquote>"):]
    assert len(api.sent(chat)) == 1

    # A stream that stalls: the message ends with the extractive answer in place of the partial text.
    expected = core.answer(KELLY, [])
    with OpenAIServer(Reply(reply, chunk_chars=4, chunk_delay=0.05, stall_after=6)) as fake, FakeBotAPI() as api:
        service = llm_service(core_service, "openai", fake.base_url, llm_timeout=TIMEOUT)
        with bot_running(api, make_settings(api, tmp_path), service):
            api.send_text(chat, KELLY)
            done = lambda: any("<blockquote>" in c.params.get("text", "")  # noqa: E731
                               for c in api.calls_to("editMessageText", chat_id=chat))
            assert api.wait_for(done, 30)
        [first] = api.sent(chat)
        final = api.calls_to("editMessageText", chat_id=chat)[-1].params["text"]
    assert "…" in first.params["text"]
    # The highlighted phrase is bold: compare the text without that markup.
    assert re.sub(r"</?b>", "", final).startswith(html.escape(expected.answer, quote=False)[:60])
    assert reply[:20] not in html.unescape(final)


def test_broken_prompt_file_is_a_clear_error_and_extractive_answers(core_service, monkeypatch, tmp_path, caplog):
    import bot.prompts

    (tmp_path / "answer.txt").write_text("[human]\n{question}\n", encoding="utf-8")
    (tmp_path / "followup.txt").write_text((PROJECT_DIR / "prompts" / "followup.txt").read_text("utf-8"), "utf-8")
    monkeypatch.setattr(bot.prompts, "PROMPTS_DIR", tmp_path)
    chain = chain_from_settings(settings_for("openai", "http://127.0.0.1:9/v1"), core_service._chain, probe=False)
    assert chain is core_service._chain
    assert "answer.txt must use exactly the variables {excerpts}, {question}" in caplog.text


def test_server_answering_streamed_requests_with_plain_json_still_answers(core_service):
    class PlainOnly(OpenAIServer):
        def wants_stream(self, request: Request) -> bool:
            return False

    with PlainOnly(quoting(1)) as fake:
        service = llm_service(core_service, "openai", fake.base_url)
        answer, seconds = timed(lambda: final_of(list(service.stream(KELLY, []))))
    assert answer.mode == "llm" and answer.found and seconds <= BOUND
