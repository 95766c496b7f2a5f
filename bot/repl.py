"""The chat loop: read a question, call the answering callback, print. Terminal and pipe modes."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot import messages
from bot.answer import Answer, Turn
from bot.service import ArticleInfo

if TYPE_CHECKING:
    from bot.loading import Background
    from bot.service import QAService

Stream = Callable[[str, list[Turn]], Iterator[str | Answer]]
Ask = Callable[[str, list[Turn]], Answer]

LOADING = "⏳ لحظة من فضلك، ما زلت أحمّل النموذج والمقالات…"
GREETING_LOADING = "مرحباً! اكتب سؤالك عن المقالات، وسأجيب حالما يكتمل التحميل."

HELP = """اكتب سؤالك عن المقالة بالعربية أو بالإنجليزية واضغط Enter. (Ask in Arabic or English.)
«ما موضوع المقالة؟» أو «لخّص الخبر»: عنوانها وجملتها الأولى.
الأوامر:
  /help     هذه المساعدة
  /reset    بدء محادثة جديدة (نسيان الأسئلة السابقة)
  /sources  المقالات التي أعرفها
  /quit     الخروج (أو Ctrl-D)"""


_COMMAND_RE = re.compile(r"/[A-Za-z_]+")
QUIT_COMMANDS = ("/quit", "/exit")  # end the session, in the chat and in piped input

QUOTED_RUN = 8  # words of a passage in a row that an answer cut to fit must hold to count as quoting it


def quotes(answer: str, passage: str) -> bool:
    """Whether an answer quotes a passage: whole, or cut to fit (`bot.compose.trim`), QUOTED_RUN of its
    words in a row."""
    if passage in answer:
        return True
    words = passage.split()
    return len(words) > QUOTED_RUN and any(
        " ".join(words[i:i + QUOTED_RUN]) in answer for i in range(len(words) - QUOTED_RUN + 1))


def format_sources(answer: Answer) -> str:
    """The answer's sources as indented lines, best first."""
    label = messages.SOURCE_LABEL if answer.found else messages.NEAREST_LABEL
    lines = [f"  {label}:"] if answer.sources else []
    # A generated answer cites its sources as [1], [2]...: show them all, in that order.
    # An extractive answer shows the sentences it is made of (one or two), referenced, not quoted again.
    extractive = answer.found and answer.mode != "llm"
    quoted = [extractive and quotes(answer.answer, src.text) for src in answer.sources]
    shown = list(zip(answer.sources, quoted))
    if extractive:
        shown = [(src, True) for src, q in shown if q] or shown[:1]
    for n, (source, in_answer) in enumerate(shown, start=1):
        dated = f"، {source.date[:10]}" if source.date else ""
        where = f"{source.article}{dated} — {source.source} ({source.score:.2f})"
        if in_answer:  # the answer quotes it already
            lines.append(f"  [{n}] {where}")
        else:
            lines.append(f"  [{n}] «{source.text}»")
            lines.append(f"      {where}")
    return "\n".join(lines)


def format_highlight(answer: Answer, bold: bool = False) -> str:
    """The phrase that answers (a date, a count, a name), emphasised on a line of its own; "" if none."""
    if not (answer.found and answer.highlight):
        return ""
    phrase = f"\x1b[1m{answer.highlight}\x1b[0m" if bold else f"«{answer.highlight}»"
    return f"  ← {phrase}"


def format_plain(answer: Answer, bold: bool = False) -> str:
    """An answer as plain text: its text, the phrase that answers on a line of its own, its sources."""
    return "\n".join(part for part in (answer.answer, format_highlight(answer, bold), format_sources(answer)) if part)


def format_json(answer: Answer) -> str:
    """One line of the `--json` contract."""
    return json.dumps(answer.to_json(), ensure_ascii=False)


def format_articles(articles: list[ArticleInfo]) -> str:
    """The known articles, one a line."""
    return "\n".join(f"- {a.title} — {a.source}" for a in articles)


class Conversation:
    """The turns so far, bounded; `/reset` clears them."""

    def __init__(self, max_turns: int = 6) -> None:
        self.turns: list[Turn] = []
        self.max_turns = max_turns

    def add(self, answer: Answer) -> None:
        """Remember an exchange (questions that could not be used are not remembered)."""
        if answer.error is None:
            from bot.chain import turn_of  # here, not at import: the chat prompts before the core loads

            self.turns = (self.turns + [turn_of(answer)])[-self.max_turns :]

    def reset(self) -> None:
        """Forget everything."""
        self.turns = []


def _final(pieces: Iterator[str | Answer], out: TextIO | None) -> Answer:
    """Consume a stream, echoing text pieces to `out` as they arrive; return the final answer.

    When the final answer's text is not what was streamed (a generated answer that failed half-way
    is replaced by the extractive one), the final text is printed after what was shown.
    """
    shown = ""
    for piece in pieces:
        if isinstance(piece, Answer):
            if out is not None and piece.answer.strip() != shown.strip():
                out.write(("\n" if shown else "") + piece.answer)
                out.flush()
            return piece
        if out is not None:
            shown += piece
            out.write(piece)
            out.flush()
    raise RuntimeError("answer stream ended without an answer")


def run_pipe(ask: Ask, stdin: TextIO, stdout: TextIO, as_json: bool, max_turns: int = 6) -> int:
    """Every input line is a question with exactly one output; a `/reset` line starts over silently, a
    `/quit` or `/exit` line ends the session (the lines after it are not read), as in the chat.
    Nothing is printed progressively here, so it asks for whole answers."""
    conversation = Conversation(max_turns)
    for line in stdin:
        question = line.rstrip("\r\n")
        command = question.strip()
        if command == "/reset":
            conversation.reset()
            continue
        if command in QUIT_COMMANDS:
            break
        answer = ask(question, conversation.turns)
        conversation.add(answer)
        if as_json:
            stdout.write(format_json(answer) + "\n")
        else:
            stdout.write(format_plain(answer) + "\n\n")
        stdout.flush()
    return 0


def run_terminal(stream: Stream, articles: list[ArticleInfo], as_json: bool, history_file: Path | None,
                 max_turns: int = 6, stdout: TextIO | None = None) -> int:
    """The interactive REPL with readline history and slash commands."""
    import sys

    out = stdout or sys.stdout
    _enable_history(history_file)
    conversation = Conversation(max_turns)
    greeting = "مرحباً! اسألني عن:\n" + format_articles(articles) if articles else GREETING_LOADING
    out.write(greeting + "\n/help للمساعدة، /quit للخروج.\n\n")
    out.flush()
    while True:
        try:
            question = input("سؤالك> ")
        except EOFError:
            out.write("\nمع السلامة!\n")
            return 0
        except KeyboardInterrupt:
            out.write("\n(اكتب /quit للخروج)\n")
            continue
        command = question.strip()
        if not command:
            continue
        if command in QUIT_COMMANDS:
            out.write("مع السلامة!\n")
            return 0
        if command == "/help":
            out.write(HELP + "\n\n")
            continue
        if command == "/reset":
            conversation.reset()
            out.write("بدأنا محادثة جديدة.\n\n")
            continue
        if command == "/sources":
            out.write(format_articles(articles) + "\n\n")
            continue
        if _COMMAND_RE.fullmatch(command):  # «/foo»: a command mistyped, not a question
            out.write(f"أمر غير معروف: {command}\n" + HELP + "\n\n")
            continue
        try:
            if as_json:
                answer = _final(stream(question, conversation.turns), None)
                out.write(format_json(answer) + "\n")
            else:
                answer = _final(stream(question, conversation.turns), out)
                highlight = format_highlight(answer, bold=is_terminal(out))
                out.write("\n" + (highlight + "\n" if highlight else "") + format_sources(answer) + "\n\n")
        except KeyboardInterrupt:
            out.write("\n(أُلغي السؤال)\n")
            continue
        conversation.add(answer)


def waiting_stream(loader: Background[QAService], out: TextIO) -> Stream:
    """A stream that answers once the background-loaded service is ready, first saying (one line,
    in Arabic) that it is still loading if it is not. The loader's errors are raised here."""

    def stream(question: str, history: list[Turn]) -> Iterator[str | Answer]:
        if not loader.ready():
            out.write(LOADING + "\n")
            out.flush()
        return loader.get().stream(question, history)

    return stream


def indexed_articles(index_dir: Path) -> list[ArticleInfo]:
    """The articles an index's manifest names, read without loading the index (empty if it cannot be read)."""
    from index.generations import current_dir  # light: no model, no FAISS

    try:
        folder = current_dir(Path(index_dir))
        if folder is None:
            return []
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return [ArticleInfo(title=a["title"], source=a["source"], path=a["path"],
                            examples=tuple(a.get("examples", ()))) for a in manifest["articles"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _enable_history(history_file: Path | None) -> None:
    """Readline history kept between sessions, where readline exists."""
    try:
        import atexit
        import readline
    except ImportError:
        return
    if history_file is None:
        return
    history_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        readline.read_history_file(history_file)
    except (FileNotFoundError, OSError):
        pass
    readline.set_history_length(1000)
    atexit.register(lambda: _save_history(readline, history_file))


def _save_history(readline, history_file: Path) -> None:
    try:
        readline.write_history_file(history_file)
    except OSError:
        pass


def is_terminal(stream: TextIO) -> bool:
    """Whether a stream is an interactive terminal."""
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, ValueError, OSError):
        return False
