"""Generated answers: history-aware retrieval → numbered excerpts → chat model → a checked, cited `Answer`.

`create_chain(llm, core)` wraps the extractive `AnswerChain` (`core`) in an object with the same
`answer(question, history)` / `stream(question, history)` interface, so `QAService` and every
front end work unchanged. Each answer is bounded by a wall-clock deadline of `timeout` seconds
(the LLM runs in a daemon thread; a call that misses the deadline is abandoned). Whenever the
model's reply is not trusted — an error of any kind (refused connection, timeout, 5xx, 429,
malformed reply), an empty reply, a citation of an excerpt that was not given, or no citation at
all while claiming an answer — the user gets the core's extractive answer (`mode="extractive"`),
exactly as `LLM_PROVIDER=none` would have given it, and the operator a log line in English.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import Runnable, RunnableLambda

from bot import messages
from bot.answer import Answer, Source, Turn
from bot.chain import AnswerChain, Retrieved, not_found_reply
from bot.checks import check_question
from bot.llm import AuthWarning, describe_error, is_auth_error, redact
from bot.prompts import PromptError, load_prompt
from index.normalize import ARABIC_LETTER_RE

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from bot.settings import Settings

log = logging.getLogger("bot.llm")

NOT_FOUND_MARKER = "NOT_FOUND"
EXCERPTS = 5  # numbered excerpts given to the model (the top hits' sentences, best first)
HISTORY_TURNS = 3  # past turns shown to the follow-up rewriter
REWRITE_SHARE = 0.5  # the follow-up rewrite may use at most this share of the answer's time budget
MAX_REWRITE_CHARS = 400
GROUNDING_SHARE = 0.5  # answers the core would refuse must reuse this share of the cited excerpts' words

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_CITATION_RE = re.compile(r"\[\s*([0-9٠-٩۰-۹]+(?:\s*[,،;؛-]\s*[0-9٠-٩۰-۹]+)*)\s*\]")
_OPEN_CITATION_RE = re.compile(r"\[[\s0-9٠-٩۰-۹,،;؛-]*$")
_LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_LETTER_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_DIACRITICS_RE = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_REWRITE_LABEL_RE = re.compile(
    r"^\s*(?:السؤال المستقل|السؤال|سؤال مستقل|standalone question|question|rewritten question)\s*[:：]\s*",
    re.IGNORECASE,
)
_QUOTES = "\"'«»“”„‘’`"


# -- small text helpers --------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _DIACRITICS_RE.sub("", text).translate(_LETTER_MAP).translate(_DIGITS).lower()


def _content_words(text: str) -> set[str]:
    """Normalised words of three letters or more, without a leading و / ال."""
    out = set()
    for word in _TOKEN_RE.findall(_norm(text)):
        for prefix in ("وال", "بال", "فال", "لل", "ال", "و"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        if len(word) >= 3:
            out.add(word)
    return out


def script_of(text: str) -> str | None:
    """"arabic" or "latin" by majority of letters, None when there are none."""
    arabic = len(ARABIC_LETTER_RE.findall(text))
    latin = len(_LATIN_LETTER_RE.findall(text))
    if arabic == latin == 0:
        return None
    return "arabic" if arabic >= latin else "latin"


def says_not_found(text: str) -> bool:
    """Whether a reply is (or contains) the fixed not-found marker."""
    return NOT_FOUND_MARKER in text.upper().replace(" ", "_")


class Citations:
    """Renumbers a reply's citations in order of first use ([3] ... [1] → [1] ... [2]), also while streaming.

    `feed` returns the text that is safe to show now (an unfinished "[1," is held back); `flush`
    returns the rest. `cited` holds the original excerpt numbers in order of first citation,
    `invalid` the numbers cited that were not given.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.cited: list[int] = []
        self.invalid: list[int] = []
        self._pending = ""

    def _number(self, original: int) -> int:
        if not 1 <= original <= self.count:
            if original not in self.invalid:
                self.invalid.append(original)
            return original
        if original not in self.cited:
            self.cited.append(original)
        return self.cited.index(original) + 1

    def _replace(self, match: re.Match) -> str:
        numbers = [int(n.translate(_DIGITS)) for n in re.findall(r"[0-9٠-٩۰-۹]+", match.group(1))]
        return "".join(f"[{self._number(n)}]" for n in numbers)

    def feed(self, text: str) -> str:
        """Add streamed text; return what can be shown."""
        text = self._pending + text
        self._pending = ""
        held = _OPEN_CITATION_RE.search(text)
        if held and len(text) - held.start() <= 24:
            text, self._pending = text[: held.start()], text[held.start() :]
        return _CITATION_RE.sub(self._replace, text)

    def flush(self) -> str:
        """The held-back tail."""
        text, self._pending = self._pending, ""
        return _CITATION_RE.sub(self._replace, text)


# -- bounded calls -------------------------------------------------------------------------------


class DeadlineExceeded(TimeoutError):
    """The LLM did not finish within the answer's time budget."""


def bounded_stream(start: Callable[[], Iterator[Any]], deadline: float) -> Iterator[Any]:
    """Items of `start()` produced in a daemon thread; DeadlineExceeded once `deadline` passes.

    The wall clock is checked while waiting for every item, so neither a server that never answers
    nor one that stalls mid-stream can hold the caller past the deadline; the abandoned call ends
    on its own (the client's timeout) and its items are dropped.
    """
    items: queue.Queue = queue.Queue()
    stop = threading.Event()

    def worker() -> None:
        try:
            iterator = start()
            try:
                for item in iterator:
                    if stop.is_set():
                        break
                    items.put(("item", item))
            finally:
                close = getattr(iterator, "close", None)
                if close is not None:
                    close()
            items.put(("end", None))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            items.put(("error", exc))

    threading.Thread(target=worker, name="llm-call", daemon=True).start()
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeadlineExceeded("no complete reply within the time limit")
            try:
                kind, value = items.get(timeout=remaining)
            except queue.Empty:
                raise DeadlineExceeded("no complete reply within the time limit") from None
            if kind == "item":
                yield value
            elif kind == "end":
                return
            else:
                raise value
    finally:
        stop.set()


def bounded_invoke(call: Callable[[], Any], deadline: float) -> Any:
    """`call()` in a daemon thread; DeadlineExceeded if it has not returned by `deadline`."""
    for result in bounded_stream(lambda: iter([call()]), deadline):
        return result
    raise DeadlineExceeded("no reply")


# -- the chain -----------------------------------------------------------------------------------


@dataclass
class Plan:
    """Retrieval done for one question, ready for the model."""

    question: str  # as asked (checked)
    history: list[Turn]
    base: Retrieved  # the core's own retrieval (its extractive answer is the fallback)
    retrieved: Retrieved  # what the excerpts come from (the rewrite's retrieval, or `base`)
    standalone: str  # the question put to the model
    rewritten: bool
    llm_seconds: float = 0.0  # time spent waiting for the model's follow-up rewrite
    excerpts: list[Source] = field(default_factory=list)

    def numbered(self) -> str:
        """The excerpts as the prompt shows them: "[n] sentence" lines (article named if several)."""
        several = len({s.article for s in self.excerpts}) > 1
        return "\n".join(
            f"[{n}] {s.text}" + (f" — ({s.article})" if several and s.article else "")
            for n, s in enumerate(self.excerpts, start=1)
        )


class NotTrusted(Exception):
    """The model's reply cannot be shown; the reason is for the operator."""


class LLMAnswerChain:
    """The LLM answering chain with the extractive core as its safety net (same interface as `AnswerChain`)."""

    streams = True  # front ends may show text as it is generated

    def __init__(
        self,
        llm: BaseChatModel,
        core: AnswerChain,
        *,
        timeout: float = 20.0,
        excerpts: int = EXCERPTS,
        answer_prompt=None,
        followup_prompt=None,
        auth: AuthWarning | None = None,
        label: str = "LLM",
        secret: str | None = None,
    ) -> None:
        self.llm = llm
        self.core = core
        self.timeout = float(timeout)
        self.max_excerpts = excerpts
        self.auth = auth if auth is not None else AuthWarning(label, secret)
        self.label = label
        self._secret = secret
        self.max_question_chars = core.max_question_chars
        self.answer_prompt = answer_prompt or load_prompt("answer")
        self.followup_prompt = followup_prompt or load_prompt("followup")
        self.generate: Runnable = self.answer_prompt | llm | StrOutputParser()
        self.rewrite: Runnable = self.followup_prompt | llm | StrOutputParser()
        self.plan_step: Runnable = RunnableLambda(self._plan)
        self.runnable: Runnable = RunnableLambda(lambda inputs: self.answer(inputs["question"], inputs.get("history", ())))

    # -- public interface --------------------------------------------------------------------

    def answer(self, question: object, history: Sequence[Turn] = ()) -> Answer:
        """Answer one question (the model's plain, non-streamed reply); never raises for LLM failures."""
        final = None
        for piece in self._run(question, history, streaming=False):
            if isinstance(piece, Answer):
                final = piece
        assert final is not None
        return final

    def stream(self, question: object, history: Sequence[Turn] = ()) -> Iterator[str | Answer]:
        """Text pieces as the model generates them, then the final `Answer`.

        If the stream fails or stalls after some text was shown, the final `Answer` carries the
        extractive answer instead; front ends show the final answer's text.
        """
        yield from self._run(question, history, streaming=True)

    # -- steps -------------------------------------------------------------------------------

    def warm_up(self, stop: threading.Event | None = None) -> None:
        """The core's warm-up (`AnswerChain.warm_up`)."""
        self.core.warm_up(stop)

    @property
    def available(self) -> bool:
        """False once the provider rejected the API key."""
        return not self.auth.rejected

    def _run(self, question: object, history: Sequence[Turn], streaming: bool) -> Iterator[str | Answer]:
        text, error = check_question(question, self.max_question_chars)
        if error or not self.available:
            yield from self.core.stream(question, history)
            return
        # LLM_TIMEOUT bounds the whole answer in wall-clock time, retrieval included, so that a dead
        # or slow provider never delays the (extractive) reply by more than that.
        deadline = time.monotonic() + self.timeout
        plan = self.plan_step.invoke({"question": text, "history": list(history), "deadline": deadline})
        if not self.available or self.core.unreadable(plan.base) or plan.base.reply is not None:
            # The rewrite just found out that the key is refused, or the core has its own reply: the
            # message has no word to ask about, or it is not known which article it asks about.
            yield from self._fallback(plan, None, shown=False)
            return
        inputs = {"question": plan.standalone, "excerpts": plan.numbered()}
        citations = Citations(len(plan.excerpts))
        shown = ""  # what the user has seen so far
        held = ""  # streamed text not shown yet (it may still turn out to be the NOT_FOUND marker)
        raw = ""
        try:
            if streaming:
                try:
                    for chunk in bounded_stream(lambda: self.generate.stream(inputs), deadline):
                        raw += chunk
                        held += citations.feed(chunk)
                        if self._maybe_marker(raw):
                            continue
                        if held:
                            piece = held.lstrip() if not shown else held
                            held = ""
                            if piece:
                                shown += piece
                                yield piece
                except ValueError as exc:  # "No generation chunks were returned" and the like
                    if raw.strip() or isinstance(exc, DeadlineExceeded):
                        raise
                    log.info("Streamed reply unreadable (%s)", redact(str(exc), self._secret)[:120])
                if not raw.strip():
                    # Some OpenAI-compatible servers answer a streamed request with a plain JSON
                    # body, which reads as an empty stream: ask once more without streaming.
                    log.info("No streamed text from the %s; asking again without streaming", self.label)
                    raw = bounded_invoke(lambda: self.generate.invoke(inputs), deadline)
                    if not isinstance(raw, str):
                        raise NotTrusted(f"malformed reply ({type(raw).__name__})")
                    citations = Citations(len(plan.excerpts))
                    held = citations.feed(raw)
            else:
                raw = bounded_invoke(lambda: self.generate.invoke(inputs), deadline)
                if not isinstance(raw, str):
                    raise NotTrusted(f"malformed reply ({type(raw).__name__})")
                held = citations.feed(raw)
            held += citations.flush()
            answer = self._parse(plan, raw, shown + held, citations)
        except NotTrusted as exc:
            yield from self._fallback(plan, f"reply not trusted: {exc}", bool(shown))
            return
        except Exception as exc:  # noqa: BLE001 - every failure falls back to the extractive answer
            yield from self._fallback(plan, self._failure(exc), bool(shown))
            return
        if not streaming or not shown:
            yield answer.answer
        elif answer.found and held:
            yield held  # the rest of the generated text
        yield answer

    @staticmethod
    def _maybe_marker(raw: str) -> bool:
        """Whether streamed text is (so far) the start of the not-found marker, so must not be shown yet."""
        head = raw.strip().upper().replace(" ", "_")
        return NOT_FOUND_MARKER.startswith(head) or head.startswith(NOT_FOUND_MARKER)

    def _plan(self, inputs: dict) -> Plan:
        """History-aware retrieval: the core's own retrieval, and for follow-ups a rewrite by the model."""
        question: str = inputs["question"]
        history: list[Turn] = inputs["history"]
        base = self.core.retrieve(question, history)
        retrieved, standalone, rewritten, spent = base, base.resolved, False, 0.0
        if base.info.refers_back and history:
            started = time.monotonic()
            rewrite = self._rewrite(question, history, min(inputs["deadline"], started + self.timeout * REWRITE_SHARE))
            spent = time.monotonic() - started
            if rewrite is not None:
                retrieved, standalone, rewritten = self.core.retrieve(rewrite, ()), rewrite, True
        plan = Plan(question, history, base, retrieved, standalone, rewritten, spent)
        plan.excerpts = self._excerpts(retrieved)
        return plan

    def _rewrite(self, question: str, history: list[Turn], budget_end: float) -> str | None:
        """The follow-up as a standalone question in its own language, or None (the core's handling then)."""
        turns = history[-HISTORY_TURNS:]
        lines = []
        for turn in turns:
            lines.append(f"المستخدم: {turn.question}")
            lines.append(f"المساعد: {(turn.answer or messages.NOT_FOUND)[:400]}")
        inputs = {"history": "\n".join(lines), "question": question}
        try:
            raw = bounded_invoke(lambda: self.rewrite.invoke(inputs), budget_end)
        except Exception as exc:  # noqa: BLE001
            log.warning("Follow-up rewrite failed (%s) for the %s; using the retriever's own follow-up handling",
                        self._failure(exc), self.label)
            return None
        candidate = self._clean_rewrite(raw if isinstance(raw, str) else "")
        reason = self._reject_rewrite(candidate, question, turns)
        if reason:
            log.info("Follow-up rewrite not used (%s): %r; using the retriever's own follow-up handling",
                     reason, candidate[:120])
            return None
        log.debug("Follow-up %r rewritten as %r", question, candidate)
        return candidate

    @staticmethod
    def _clean_rewrite(raw: str) -> str:
        line = next((line.strip() for line in raw.splitlines() if line.strip()), "")
        line = _REWRITE_LABEL_RE.sub("", line).strip().strip(_QUOTES).strip()
        return " ".join(line.split())

    @staticmethod
    def _reject_rewrite(candidate: str, question: str, turns: list[Turn]) -> str | None:
        if not candidate:
            return "empty"
        if len(candidate) > MAX_REWRITE_CHARS:
            return "too long"
        if says_not_found(candidate) or _CITATION_RE.search(candidate):
            return "an answer, not a question"
        wanted, got = script_of(question), script_of(candidate)
        if wanted is not None and got != wanted:
            return f"drifted from {wanted} to {got or 'no'} script"
        known = _content_words(question) | {w for t in turns for w in _content_words(f"{t.question} {t.resolved} {t.answer}")}
        if not (_content_words(candidate) & known):
            return "shares no word with the conversation"
        return None

    def _excerpts(self, retrieved: Retrieved) -> list[Source]:
        """The top hits as `Source`s (the core's own records for those it shows)."""
        core_sources = retrieved.sources()
        out: list[Source] = []
        for i, (hit, probability) in enumerate(retrieved.ranked[: self.max_excerpts]):
            if i < len(core_sources):
                out.append(core_sources[i])
                continue
            meta = hit.document.metadata
            out.append(Source(text=hit.document.page_content, score=round(float(probability), 4),
                              source=str(meta.get("ref", "")), article=str(meta.get("article", "")),
                              date=meta.get("date")))
        return out

    def _parse(self, plan: Plan, raw: str, text: str, citations: Citations) -> Answer:
        """The model's reply as an `Answer`, or NotTrusted."""
        if not raw.strip():
            raise NotTrusted("empty reply")
        if says_not_found(raw):
            reply = not_found_reply(plan.retrieved.info, self.core.retriever.article_count())
            return Answer(plan.question, reply, False, plan.retrieved.sources(), mode="llm", resolved=plan.standalone)
        if citations.invalid:
            given = f"only [1]..[{len(plan.excerpts)}] were given" if plan.excerpts else "no excerpt was given"
            raise NotTrusted(f"cites {', '.join(f'[{n}]' for n in citations.invalid)} but {given}")
        if not citations.cited:
            raise NotTrusted("claims an answer but cites no excerpt")
        sources = [plan.excerpts[n - 1] for n in citations.cited]
        if not plan.retrieved.found:
            # The core found no answer here: trust the model only if its words come from what it cites.
            answer_words = _content_words(_CITATION_RE.sub(" ", text))
            cited_words = set().union(*(_content_words(s.text) for s in sources))
            share = len(answer_words & cited_words) / max(1, len(answer_words))
            if share < GROUNDING_SHARE:
                raise NotTrusted(f"answers what the excerpts do not hold (only {share:.0%} of its words are cited text)")
        return Answer(plan.question, text.strip(), True, sources, mode="llm", resolved=plan.standalone)

    def _failure(self, exc: BaseException) -> str:
        """Log-ready reason; a refused key is reported once and switches the LLM off."""
        if is_auth_error(exc):
            self.auth.reject(describe_error(exc))
        reason = describe_error(exc)
        if reason == type(exc).__name__:
            reason = f"{reason}: {redact(str(exc), self._secret)[:200]}"
        return reason

    def _fallback(self, plan: Plan, reason: str | None, shown: bool) -> Iterator[str | Answer]:
        """The core's extractive answer (as if there were no LLM), logged for the operator."""
        if reason and self.available:
            log.warning("LLM answer failed (%s) for the %s; answered extractively", reason, self.label)
        answer = self.core.extractive_answer(plan.base)
        answer.mode = "extractive"
        if not shown:
            yield answer.answer
        yield answer


def create_chain(
    llm: BaseChatModel,
    retriever_chain: AnswerChain,
    *,
    timeout: float = 20.0,
    excerpts: int = EXCERPTS,
    auth: AuthWarning | None = None,
    label: str = "LLM",
    secret: str | None = None,
) -> LLMAnswerChain:
    """The LLM chain over the extractive core, with the same `answer`/`stream` interface as `AnswerChain`."""
    return LLMAnswerChain(llm, retriever_chain, timeout=timeout, excerpts=excerpts, auth=auth, label=label,
                          secret=secret)


def chain_from_settings(settings: Settings, core: AnswerChain, *, probe: bool = True) -> AnswerChain | LLMAnswerChain:
    """What `build_service` uses: the LLM chain when LLM_PROVIDER is set and usable, else `core` itself."""
    from bot import llm as llm_module

    model = llm_module.create_chat_model(settings)
    if model is None:
        return core
    label, secret = llm_module.describe(settings), llm_module.api_key(settings)
    auth = AuthWarning(label, secret)
    try:
        chain = create_chain(model, core, timeout=settings.llm_timeout, auth=auth, label=label, secret=secret)
    except PromptError as exc:
        log.error("Cannot use the LLM: %s. Answering extractively until the prompt is fixed.", exc)
        return core
    if probe:
        threading.Thread(target=llm_module.probe, args=(settings, auth), name="llm-probe", daemon=True).start()
    return chain
