"""The answer object every path returns and every front end shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Source:
    """One passage of an article that an answer rests on (or came nearest)."""

    text: str
    score: float  # 0..1, higher is better
    source: str  # "file#paragraph.sentence"
    article: str  # the article's title
    date: str | None = None  # the article's date, when its metadata or page gives one


@dataclass
class Answer:
    """What the bot says to one question; its JSON form is the CLI contract."""

    question: str
    answer: str
    found: bool
    sources: list[Source] = field(default_factory=list)
    ms: float = 0.0
    mode: Literal["extractive", "llm"] = "extractive"
    error: str | None = None  # a user-facing reason when the question could not be used
    resolved: str | None = None  # the standalone question actually searched (follow-ups)
    highlight: str | None = None  # the phrase of the answer that answers (a date, a count, a name), if marked

    def to_json(self) -> dict[str, Any]:
        """The `--json` record: fields may be added, never removed or renamed."""
        data = asdict(self)
        if data["error"] is None:
            del data["error"]
        return data


@dataclass(frozen=True)
class Turn:
    """One past exchange of a conversation, kept for follow-ups (JSON-friendly)."""

    question: str
    resolved: str
    answer: str
    found: bool
    refs: tuple[str, ...] = ()  # the answer's source references ("file#paragraph.sentence")
    highlight: str | None = None  # the phrase the answer marked: what a pronoun in a follow-up may stand for

    def to_dict(self) -> dict[str, Any]:
        """Plain form for JSON persistence."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        """Inverse of `to_dict`."""
        return cls(
            question=str(data["question"]),
            resolved=str(data.get("resolved", data["question"])),
            answer=str(data.get("answer", "")),
            found=bool(data.get("found", False)),
            refs=tuple(str(r) for r in data.get("refs", ())),
            highlight=str(data["highlight"]) if data.get("highlight") else None,
        )
