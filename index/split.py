"""Page furniture stripping and Arabic sentence splitting that keeps quotations whole."""

from __future__ import annotations

import re

from index.normalize import ARABIC_LETTER_RE, LETTER_RE, canonical_text

# "(CNN)--" style datelines: the outlet in brackets, then dashes or a colon.
_DATELINE_RE = re.compile(r"^\s*\(\s*([A-Za-z][A-Za-z .]{0,30}|[\u0600-\u06FF ]{2,30})\s*\)\s*(?:-{1,3}|—|–|:)\s*")
# Lines that end an article page: related links and the like; everything after them is dropped.
_TRAILER_RE = re.compile(
    r"^\s*(قد يهمك (أيضا|أيضاً|ايضا)|أخبار متعلقة|اخبار متعلقة|اقرأ أيضا|اقرأ أيضاً|اقرا ايضا|مواضيع ذات صلة)\s*:?\s*$"
)
_TERMINATORS = ".!?؟…"
_OPENERS = {'"': '"', "«": "»", "“": "”", "„": "”"}
_SPACE_RE = re.compile(r"[ \t\u00a0]+")


def strip_furniture(text: str) -> tuple[str, str | None]:
    """Remove the dateline and trailing related-links lines; return the body and the dateline's outlet.
    Script variants are folded first (`canonical_text`), so that an article typed on a Persian keyboard
    or pasted with joiners reads, embeds and matches as its plain-spelled twin."""
    text = canonical_text(text)
    lines = [_SPACE_RE.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    body: list[str] = []
    for line in lines:
        if _TRAILER_RE.match(line):
            break
        body.append(line)
    outlet = None
    for i, line in enumerate(body):
        if not line:
            continue
        match = _DATELINE_RE.match(line)
        if match:
            outlet = match.group(1).strip()
            body[i] = line[match.end():].strip()
        break
    return "\n".join(body).strip(), outlet


def paragraphs(text: str) -> list[str]:
    """A body's paragraphs: blocks between blank lines (hard-wrapped lines joined), or, in text
    without blank lines, each line."""
    lines = text.split("\n")
    if not any(not line.strip() for line in lines):
        return [line.strip() for line in lines if line.strip()]
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _is_initial(text: str, i: int) -> bool:
    """Whether the full stop at `i` ends a one-letter abbreviation or initial («د. أحمد», «J. K.»)."""
    return text[i] == "." and i > 0 and text[i - 1].isalpha() and (i == 1 or not text[i - 2].isalnum())


# Letters of a word written right after a full stop with no space («…في اليوم.وتجري أشغال…»).
_GLUED_WORD_LETTERS = 4


def _glued_sentence(text: str, i: int, end: int) -> bool:
    """Whether the terminator at `i` (its run ending at `end`) ends a sentence whose next one is glued to
    it, Arabic word to Arabic word («…متر مكعب في اليوم.وتجري منذ فيفري…»): a word of at least
    _GLUED_WORD_LETTERS letters before it, so that a spelled-out acronym («سي.إن.إن», «دي.بي.إيه») and an
    abbreviation («م.د») stay whole."""
    if end >= len(text) or not ARABIC_LETTER_RE.match(text[end]):
        return False
    start = i
    while start > 0 and ARABIC_LETTER_RE.match(text[start - 1]):
        start -= 1
    return i - start >= _GLUED_WORD_LETTERS and (start == 0 or text[start - 1] != ".")


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph after . ! ? ؟ … followed by a space (or glued to the next Arabic word:
    `_glued_sentence`), never inside a quotation or after an initial; a piece with no letter joins its neighbour (`_join_wordless`)."""
    return _join_wordless(_split_at_terminators(paragraph))


# A piece with a letter (Arabic or Latin) can stand as a sentence; a list number («2.») cannot.
_LIST_MARKER_RE = re.compile(r"^[(\[]?[0-9\u0660-\u0669]{1,3}[.)\]-]*$")
# A list number right after a colon at the end of a sentence piece opens the list's first item.
_OPENING_MARKER_RE = re.compile(r"(?<=[:：])\s*([(\[]?[0-9\u0660-\u0669]{1,3}[.)\]])$")


def _join_wordless(pieces: list[str]) -> list[str]:
    """Pieces without a letter joined to a neighbour: a list number («1.», «2)») to the item after
    it (also one closing a piece after a colon: «…على أربعة مراحل: 1.»), anything else (a stray
    closing quote, «…») to the sentence before it. Otherwise they become
    passages of their own and can be given as the whole answer («1.», «"»)."""
    out: list[str] = []
    pending = ""  # list numbers waiting for their item
    for piece in pieces:
        if LETTER_RE.search(piece):
            opened = _OPENING_MARKER_RE.search(piece)  # «…على أربعة مراحل: 1.»: the list's first number
            if opened:
                piece = piece[:opened.start()].rstrip()
            out.append(f"{pending} {piece}" if pending else piece)
            pending = opened.group(1) if opened else ""
        elif _LIST_MARKER_RE.match(piece):
            pending = f"{pending} {piece}".strip()
        elif out and not pending:
            out[-1] = f"{out[-1]} {piece}"
        else:
            pending = f"{pending} {piece}".strip()
    if pending:
        if out:
            out[-1] = f"{out[-1]} {pending}"
        else:
            out.append(pending)
    return out


def _split_at_terminators(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    closers: list[str] = []
    i = 0
    n = len(paragraph)
    while i < n:
        ch = paragraph[i]
        if closers and ch == closers[-1]:
            closers.pop()
        elif ch in _OPENERS and not (ch == '"' and closers and closers[-1] == '"'):
            closers.append(_OPENERS[ch])
        elif ch in _TERMINATORS and not closers and not _is_initial(paragraph, i):
            end = i + 1
            while end < n and paragraph[end] in _TERMINATORS + "\"»”)":
                end += 1
            if end >= n or paragraph[end].isspace() or _glued_sentence(paragraph, i, end):
                sentence = paragraph[start:end].strip()
                if sentence:
                    sentences.append(sentence)
                start = end
                i = end
                continue
        i += 1
    # An unbalanced quote would swallow the rest; fall back to plain splitting for that tail.
    tail = paragraph[start:].strip()
    if tail:
        if closers and len(tail) > 400:
            sentences.extend(s.strip() for s in re.split(r"(?<=[.!?؟])\s+", tail) if s.strip())
        else:
            sentences.append(tail)
    return sentences
