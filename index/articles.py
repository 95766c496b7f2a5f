"""Reading articles from .txt/.md/.html files (one file or folders of them) with optional metadata."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from index.normalize import canonical_text, reads_as_arabic
from index.split import paragraphs, split_sentences, strip_furniture

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_MD_MARKUP_RE = re.compile(r"(\*\*|__|`|^\s*[-*+]\s+|^\s*>\s?)", re.MULTILINE)
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


class SourceError(ValueError):
    """A source path that cannot be read as articles (the message is for the operator)."""


@dataclass
class Article:
    """One article: its metadata and its body as paragraphs of sentences."""

    path: Path
    title: str
    source: str
    sentences: list[list[str]]  # paragraph -> sentences
    examples: list[str] = field(default_factory=list)
    sha256: str = ""
    date: str | None = None  # publication date as the metadata gives it (ISO for web pages)
    author: str | None = None
    key: str = ""  # identity in the index: the file's path or the page's URL (default: the path)
    label: str = ""  # name in source references (default: the file name)
    kind: str = "file"  # "file" (.txt/.md), "html" (a saved page) or "url" (a fetched page)

    @property
    def name(self) -> str:
        """The name used in source references ("file#paragraph.sentence")."""
        return self.label or self.path.name

    @property
    def ident(self) -> str:
        """The article's identity in the index: its path, or its URL."""
        return self.key or str(self.path)


def discover(sources: list[Path]) -> list[Path]:
    """Article files under the given files and folders, sorted, each once."""
    found: list[Path] = []
    for source in sources:
        path = Path(source).expanduser()
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        elif path.is_file():
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise SourceError(f"{path}: not an article file (expected .txt, .md, .html or .htm)")
            found.append(path)
        else:
            raise SourceError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        raise SourceError("no .txt, .md or .html articles found in " + ", ".join(str(s) for s in sources))
    return unique


def _markdown_to_text(text: str) -> tuple[str, str | None]:
    """Plain text of a Markdown article and its first heading (the title), if any."""
    title = None
    lines = []
    for line in text.splitlines():
        if _MD_HEADING_RE.match(line):
            heading = _MD_HEADING_RE.sub("", line).strip()
            if title is None:
                title = heading
                continue
            line = heading
        lines.append(line)
    plain = _MD_LINK_RE.sub(r"\1", "\n".join(lines))
    return _MD_MARKUP_RE.sub("", plain), title


def _warn(message: str) -> None:
    import logging

    logging.getLogger(__name__).warning(message)


def read_metadata(path: Path, notify: Callable[[str], None] = _warn) -> dict:
    """The `NAME.json` beside an article, or {}. A file that is not UTF-8 JSON (with or without BOM)
    or not an object is a warning, and the article keeps its default metadata."""
    meta_path = path.with_suffix(".json")
    if not meta_path.is_file():
        return {}
    try:
        data = json.loads(meta_path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        notify(f"{meta_path}: metadata ignored, not valid JSON ({exc}); default title and source used")
        return {}
    if not isinstance(data, dict):
        notify(f"{meta_path}: metadata ignored, not a JSON object; default title and source used")
        return {}
    return data


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR line ends as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path) -> str:
    """Read a text file: UTF-8 (with or without BOM), or an Arabic article in another encoding that
    charset-normalizer recognises (UTF-16 or UTF-32, with or without a BOM; Windows-1256 and ISO-8859-6,
    as older Arabic files are); CRLF and CR line ends become LF. Binary files, and non-Arabic text that
    is not UTF-8, are a clear `SourceError`."""
    raw = path.read_bytes()
    reason = "NUL bytes"
    try:
        text: str | None = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text, reason = None, f"{exc.reason} at byte {exc.start}"
    if text is not None and "\x00" not in text[:4096]:
        return normalize_newlines(text)
    legacy = _arabic_in_another_encoding(raw)
    if legacy is not None:
        return normalize_newlines(legacy)
    if b"\x00" in raw[:4096]:
        raise SourceError(f"{path}: binary file, not text")
    raise SourceError(f"{path}: not UTF-8 text ({reason}), nor Arabic text in another encoding")


def _arabic_in_another_encoding(raw: bytes) -> str | None:
    """The text of bytes that are not UTF-8, in the encoding charset-normalizer finds most coherent,
    when it reads as Arabic and holds no NUL; else None (a guess over binary or Latin-1 text is no
    article)."""
    from charset_normalizer import from_bytes

    match = from_bytes(raw).best()
    if match is None:
        return None
    text = str(match)
    return text if "\x00" not in text and reads_as_arabic(text) else None


def _text_field(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return str(value).strip() or None if value not in (None, "") else None


def iso_date(value: str | None) -> str | None:
    """A metadata date written day first («16/02/2016», «16-02-2016», «16.02.2016», as Arabic and
    European news sites write them) as ISO «2016-02-16», so that every article's date reads alike;
    any other value (ISO already, or a form not recognised) as given."""
    if value is None:
        return None
    for form in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    return value


def article_from_text(text: str, path: Path, meta: dict, *, md_title: str | None = None, sha256: str = "",
                      key: str = "", label: str = "", kind: str = "file") -> Article:
    """An article from plain text (paragraphs on lines or between blank lines) and metadata
    (title, source, date, author, examples); `SourceError` if no sentence is left."""
    body, outlet = strip_furniture(normalize_newlines(text))
    paras = [split_sentences(p) for p in paragraphs(body)]
    paras = [p for p in paras if p]
    if not paras:
        raise SourceError(f"{key or path}: no text")
    title = canonical_text(_text_field(meta, "title") or md_title or _first_words(paras[0][0]))
    source = _text_field(meta, "source") or _text_field(meta, "site") or outlet or path.stem
    examples = meta.get("examples", [])
    examples = [str(q) for q in examples if str(q).strip()] if isinstance(examples, list) else []
    return Article(path=path, title=title, source=source, sentences=paras, examples=examples, sha256=sha256,
                   date=iso_date(_text_field(meta, "date")), author=_text_field(meta, "author"), key=key, label=label,
                   kind=kind)


def load_article(path: Path, notify: Callable[[str], None] = _warn) -> Article:
    """Read one article file (.txt, .md, or a saved .html page), strip page furniture and split it into
    sentences. Metadata from `NAME.json` beside it wins over what the page or text says."""
    meta = read_metadata(path, notify)
    digest = article_digest(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        from index.web import extract

        page = extract(path.read_bytes(), name=str(path))
        merged = {**{k: v for k, v in page.metadata().items() if v}, **meta}
        return article_from_text(page.text, path, merged, sha256=digest, kind="html")
    raw = read_text_file(path)
    text, md_title = _markdown_to_text(raw) if path.suffix.lower() == ".md" else (raw, None)
    article = article_from_text(text, path, meta, md_title=md_title, sha256=digest)
    if not reads_as_arabic(text):
        # Indexed all the same (the operator chose the file, and the model is multilingual), but the
        # question analysis, phrases and decision are Arabic: say so, rather than answer poorly unannounced.
        notify(f"{path}: little Arabic text; indexed, but the bot is made for Arabic articles and may answer poorly")
    return article


def _first_words(sentence: str, limit: int = 8) -> str:
    words = sentence.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def article_digest(path: Path) -> str:
    """sha256 over an article file and its metadata file: the manifest's staleness key."""
    digest = hashlib.sha256(path.read_bytes())
    meta_path = path.with_suffix(".json")
    if meta_path.is_file():
        digest.update(b"\0meta\0" + meta_path.read_bytes())
    return digest.hexdigest()
