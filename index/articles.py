"""Reading articles from .txt/.md files (one file or folders of them) with optional metadata."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from index.split import paragraphs, split_sentences, strip_furniture

ARTICLE_SUFFIXES = (".txt", ".md")
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

    @property
    def name(self) -> str:
        """The file name used in source references ("file#paragraph.sentence")."""
        return self.path.name


def discover(sources: list[Path]) -> list[Path]:
    """Article files under the given files and folders, sorted, each once."""
    found: list[Path] = []
    for source in sources:
        path = Path(source).expanduser()
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        elif path.is_file():
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise SourceError(f"{path}: not an article file (expected .txt or .md)")
            found.append(path)
        else:
            raise SourceError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        raise SourceError("no .txt or .md articles found in " + ", ".join(str(s) for s in sources))
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


def _read_metadata(path: Path) -> dict:
    meta_path = path.with_suffix(".json")
    if not meta_path.is_file():
        return {}
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(f"{meta_path}: unreadable metadata ({exc})") from exc
    return data if isinstance(data, dict) else {}


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file; binary or undecodable files are a clear `SourceError`."""
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise SourceError(f"{path}: binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def load_article(path: Path) -> Article:
    """Read one article file, strip page furniture and split it into sentences."""
    raw = read_text_file(path)
    text, md_title = _markdown_to_text(raw) if path.suffix.lower() == ".md" else (raw, None)
    body, outlet = strip_furniture(text)
    paras = [split_sentences(p) for p in paragraphs(body)]
    paras = [p for p in paras if p]
    if not paras:
        raise SourceError(f"{path}: no text")
    meta = _read_metadata(path)
    title = str(meta.get("title") or md_title or _first_words(paras[0][0]))
    source = str(meta.get("source") or outlet or path.stem)
    examples = [str(q) for q in meta.get("examples", []) if str(q).strip()]
    return Article(
        path=path,
        title=title,
        source=source,
        sentences=paras,
        examples=examples,
        sha256=article_digest(path),
    )


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
