"""Turning answers into Telegram HTML messages: escaping, quoting, splitting at 4,096 chars."""

from __future__ import annotations

import re
from html import escape

from telegram.constants import MessageLimit

from bot.answer import Answer
from bot.telegram.texts import text

MAX_MESSAGE_CHARS = MessageLimit.MAX_TEXT_LENGTH  # 4096
MAX_QUOTED_SOURCES = 2

# A sentence ends at . ! ? ؟ … or a line break (keeping the punctuation with the sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?؟…。])\s+|\n+")
_QUOTE_OPEN = "<blockquote>"
_QUOTE_CLOSE = "</blockquote>"


def esc(value: object) -> str:
    """HTML-escape any user or article string for Telegram's HTML parse mode."""
    return escape(str(value), quote=False)


def sentences(raw: str) -> list[str]:
    """Split plain text into sentences (punctuation kept), dropping empty pieces."""
    return [part.strip() for part in _SENTENCE_END.split(raw) if part and part.strip()]


def _hard_split(raw: str, limit: int) -> list[str]:
    """Split one over-long sentence on spaces, then on characters, so each escaped piece fits."""
    pieces: list[str] = []
    current = ""
    for word in raw.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(esc(candidate)) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        if len(esc(word)) <= limit:
            current = word
            continue
        chunk = ""
        for char in word:
            if len(esc(chunk + char)) > limit:
                pieces.append(chunk)
                chunk = ""
            chunk += char
        current = chunk
    if current:
        pieces.append(current)
    return pieces


def escaped_pieces(raw: str, limit: int) -> list[str]:
    """Escaped sentences of `raw`, each at most `limit` characters long."""
    out: list[str] = []
    for sentence in sentences(raw):
        if len(esc(sentence)) <= limit:
            out.append(esc(sentence))
        else:
            out.extend(esc(piece) for piece in _hard_split(sentence, limit))
    return out


def pack(blocks: list[tuple[str, str]], limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Pack (kind, escaped piece) blocks into messages of at most `limit` characters.

    kind "text" pieces are joined with a space inside a paragraph, "break" starts a new paragraph,
    "quote" pieces go inside a <blockquote> that is closed and reopened across messages.
    """
    messages: list[str] = []
    current = ""
    in_quote = False

    def closed(body: str, quoting: bool) -> str:
        return body + _QUOTE_CLOSE if quoting else body

    for kind, piece in blocks:
        if kind == "break":
            if current:
                current = closed(current, in_quote) if in_quote else current
                in_quote = False
                current += "\n"
            continue
        wants_quote = kind == "quote"
        if wants_quote and not in_quote:
            addition = _QUOTE_OPEN + piece
        elif wants_quote:
            addition = "\n" + piece
        elif current and not current.endswith("\n"):
            addition = " " + piece
        else:
            addition = piece
        reserve = len(_QUOTE_CLOSE) if wants_quote else 0
        if current and len(current) + len(addition) + reserve > limit:
            messages.append(closed(current, in_quote).strip())
            current = ""
            in_quote = False
            addition = (_QUOTE_OPEN + piece) if wants_quote else piece
        current += addition
        in_quote = wants_quote
    if current.strip():
        messages.append(closed(current, in_quote).strip())
    return messages


def render_answer(answer: Answer, question_echo: str | None = None) -> list[str]:
    """The HTML message(s) for one answer: the answer text, then its source sentence(s) quoted."""
    limit = MAX_MESSAGE_CHARS - len(_QUOTE_OPEN) - len(_QUOTE_CLOSE) - 1
    blocks: list[tuple[str, str]] = []
    if question_echo:
        blocks.append(("text", text("question_echo", question=esc(question_echo))[:limit]))
        blocks.append(("break", ""))
    body = answer.error or answer.answer or ""
    for piece in escaped_pieces(body, limit):
        blocks.append(("text", piece))
    if answer.found and not answer.error:
        # A generated answer cites its sources as [1], [2]...: quote every one, numbered.
        numbered = answer.mode == "llm"
        seen: set[str] = set()
        quoted = 0
        sources = list(enumerate(answer.sources, start=1))
        if not numbered:  # the sentences the answer is made of come first
            sources.sort(key=lambda ns: ns[1].text not in body)
        for number, src in sources:
            if not numbered and (quoted >= MAX_QUOTED_SOURCES or not src.text.strip() or src.text in seen):
                continue
            seen.add(src.text)
            quoted += 1
            blocks.append(("break", ""))
            for i, piece in enumerate(escaped_pieces(src.text, limit - 8 if numbered else limit)):
                blocks.append(("quote", f"[{number}] {piece}" if numbered and i == 0 else piece))
            if src.article:
                blocks.append(("quote", text("quote_attribution", title=esc(src.article))))
    return pack(blocks) or [esc(body) or "…"]
