"""What an index update did, for the CLI's summary and the live-update API (no torch, no FAISS)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleChange:
    """One article an update touched (or kept): its title, identity (path or URL) and passage count."""

    title: str
    key: str
    passages: int  # sentences indexed for it


@dataclass
class UpdateSummary:
    """The outcome of an index update; `problems` are one English line per unusable source, `notes` one
    per article indexed with a warning."""

    added: list[ArticleChange] = field(default_factory=list)
    updated: list[ArticleChange] = field(default_factory=list)
    removed: list[ArticleChange] = field(default_factory=list)
    unchanged: list[ArticleChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # English lines about articles that were indexed all the same (little Arabic text, a metadata
    # file that could not be read): for whoever added them, beside the operator's log.
    notes: list[str] = field(default_factory=list)
    embedded: int = 0  # texts embedded by this update: passages (sentences + paragraphs) and new articles' titles
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """Whether the index's articles changed."""
        return bool(self.added or self.updated or self.removed)

    def line(self) -> str:
        """One English line: counts of each kind, texts embedded and the time taken."""
        return (f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
                f"unchanged {len(self.unchanged)} article(s); {self.embedded} texts embedded (passages and titles); "
                f"{self.seconds:.1f}s")
