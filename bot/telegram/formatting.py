"""Turning answers into Telegram HTML messages: escaping, quoting, splitting at 4,096 chars."""

from __future__ import annotations

import re
from html import escape, unescape

from telegram.constants import MessageLimit

from bot.answer import Answer
from bot.telegram.html_split import split_html
from bot.telegram.texts import text

MAX_MESSAGE_CHARS = MessageLimit.MAX_TEXT_LENGTH  # 4096
MAX_QUOTED_SOURCES = 2

# A sentence ends at . ! ? ؟ … or a line break (keeping the punctuation with the sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?؟…。])\s+|\n+")
_QUOTE_OPEN = "<blockquote>"
_QUOTE_CLOSE = "</blockquote>"
_TAG = re.compile(r"<[^<>]*>")


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


def visible_text(html: str) -> str:
    """The text a reader sees in an HTML message (tags dropped, entities decoded)."""
    return unescape(_TAG.sub("", html))


def split_message(html: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Telegram messages for one HTML text: split safely, trimmed, blank parts dropped."""
    parts = [part.strip() for part in split_html(html, limit)]
    return [part for part in parts if visible_text(part).strip()]


def _with_highlight(html_body: str, answer: Answer) -> str:
    """The answer's escaped text with its highlighted phrase (a date, a count, a name) in bold, once."""
    if not (answer.found and answer.highlight and not answer.error):
        return html_body
    phrase = esc(answer.highlight)
    return html_body.replace(phrase, f"<b>{phrase}</b>", 1) if phrase in html_body else html_body


def answer_html(answer: Answer, question_echo: str | None = None, note: str | None = None) -> str:
    """One answer as a single HTML text: an optional note and echoed question, the answer, then its
    source sentence(s) quoted (numbered for generated answers, which cite them as [1], [2])."""
    lines: list[str] = []
    if note:
        lines.append(note)
    if question_echo:
        lines.append(text("question_echo", question=esc(question_echo)))
    body = answer.error or answer.answer or ""
    lines.append(_with_highlight(" ".join(escaped_pieces(body, MAX_MESSAGE_CHARS)), answer))
    if answer.found and not answer.error:
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
            pieces = escaped_pieces(src.text, MAX_MESSAGE_CHARS)
            if numbered and pieces:
                pieces[0] = f"[{number}] {pieces[0]}"
            if src.article:
                pieces.append(text("quote_attribution", title=esc(src.article)))
            if pieces:
                lines.append(_QUOTE_OPEN + "\n".join(pieces) + _QUOTE_CLOSE)
    return "\n".join(line for line in lines if line)


def render_answer(answer: Answer, question_echo: str | None = None, note: str | None = None) -> list[str]:
    """The HTML message(s) for one answer, each at most 4,096 characters and balanced."""
    return split_message(answer_html(answer, question_echo, note)) or [esc(answer.error or answer.answer) or "…"]
