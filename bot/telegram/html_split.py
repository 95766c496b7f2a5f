"""Splitting Telegram HTML into messages that Telegram accepts: never inside a tag or an entity.

A part that ends inside `<b>…</b>` or `<blockquote>…</blockquote>` is closed there and the same
tags are reopened at the start of the next part, so every part is balanced HTML on its own and the
visible text of the parts, concatenated, is the visible text of the whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A tag, an entity (&amp; &#1234; &#x1F600;), or one character of text.
_TOKEN = re.compile(r"<[^<>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|.", re.S)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
_SENTENCE_END = set(".!?؟…。")


@dataclass(frozen=True)
class _Token:
    raw: str
    kind: str  # "open", "close", "text"
    name: str = ""


def tokens(html: str) -> list[_Token]:
    """The tags, entities and characters of `html`, in order."""
    out: list[_Token] = []
    for match in _TOKEN.finditer(html):
        raw = match.group()
        if raw.startswith("<") and len(raw) > 1 and raw.endswith(">"):
            name_match = _TAG_NAME.match(raw)
            name = name_match.group(1).lower() if name_match else ""
            if raw.startswith("</"):
                out.append(_Token(raw, "close", name))
            elif raw.endswith("/>"):
                out.append(_Token(raw, "text"))  # self-closing: atomic, opens nothing
            else:
                out.append(_Token(raw, "open", name))
        else:
            out.append(_Token(raw, "text"))
    return out


def _closers(stack: list[_Token]) -> str:
    return "".join(f"</{t.name}>" for t in reversed(stack))


def _break_rank(previous: str, token: str, following: str) -> int:
    """How good a place it is to end a part after `token` (0 = not a break)."""
    if token == "\n":
        return 3
    if token.isspace():
        return 2 if previous and previous[-1] in _SENTENCE_END else 1
    if token in _SENTENCE_END and (not following or following.isspace()):
        return 2
    return 0


def split_html(html: str, limit: int) -> list[str]:
    """Split `html` into parts of at most `limit` characters, preferring paragraph, then sentence,
    then word boundaries in the second half of a part; tags open at a cut are closed there and
    reopened in the next part. Raises ValueError when `limit` cannot hold the tags open at a cut
    together with one character (Telegram's 4,096 always can)."""
    if len(html) <= limit:
        return [html] if html else []
    toks = _without_empty_elements(tokens(html))
    text_after = [False] * (len(toks) + 1)  # whether any text token lies at or after index k
    for k in range(len(toks) - 1, -1, -1):
        text_after[k] = text_after[k + 1] or toks[k].kind == "text"
    parts: list[str] = []
    stack: list[_Token] = []
    i = 0
    while i < len(toks):
        prefix = "".join(t.raw for t in stack)
        here = list(stack)
        size = len(prefix)
        breaks: dict[int, tuple[int, list[_Token]]] = {}  # rank -> (end index, open tags there)
        j = i
        while j < len(toks):
            tok = toks[j]
            after = here
            if tok.kind == "open":
                after = here + [tok]
            elif tok.kind == "close" and here and here[-1].name == tok.name:
                after = here[:-1]
            if size + len(tok.raw) + len(_closers(after)) > limit:
                break
            size += len(tok.raw)
            here = after
            j += 1
            if tok.kind == "text":
                previous = toks[j - 2].raw if j - 2 >= i else ""
                following = toks[j].raw if j < len(toks) else ""
                rank = _break_rank(previous, tok.raw, following)
                if rank:
                    breaks[rank] = (j, list(here))
        end, end_stack = j, here
        if j < len(toks):
            for rank in (3, 2, 1):
                if rank in breaks and breaks[rank][0] - i >= (j - i) // 2:
                    end, end_stack = breaks[rank]
                    break
        # Tags closed right after the cut are closed in this part (it costs nothing: their closers are
        # counted already), not reopened in the next only to be closed before any text.
        while end < len(toks) and toks[end].kind == "close" and end_stack and end_stack[-1].name == toks[end].name:
            end_stack = end_stack[:-1]
            end += 1
        last = not text_after[end]  # nothing visible left: close what is open and stop
        if end == i or not any(t.kind == "text" for t in toks[i:end]):
            raise ValueError(f"limit {limit} is too small for the open tags of this HTML")
        parts.append(prefix + "".join(t.raw for t in toks[i:end]) + _closers(end_stack))
        stack = end_stack
        i = len(toks) if last else end
    return parts


def _without_empty_elements(toks: list[_Token]) -> list[_Token]:
    """Drop elements with nothing inside (`<b></b>`), which Telegram shows as nothing."""
    out: list[_Token] = []
    for tok in toks:
        if tok.kind == "close" and out and out[-1].kind == "open" and out[-1].name == tok.name:
            out.pop()
        else:
            out.append(tok)
    return out
