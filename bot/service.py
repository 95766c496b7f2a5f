"""The one answering core that every front end (CLI, REPL, Telegram) calls."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer import Answer, Turn

if TYPE_CHECKING:
    from bot.settings import Settings
    from index.store import ProgressFactory


@dataclass(frozen=True)
class ArticleInfo:
    """What front ends may say about an article the bot knows."""

    title: str
    source: str
    path: str
    examples: tuple[str, ...] = ()


class QAService:
    """Answers questions about the indexed articles; thread-safe for concurrent `ask` calls."""

    def __init__(self, chain, articles: Sequence[ArticleInfo], max_question_chars: int) -> None:
        self._chain = chain
        self.articles = list(articles)
        self.max_question_chars = max_question_chars

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer one question, given the conversation so far (oldest first)."""
        started = time.perf_counter()
        answer = self._chain.answer(question, list(history))
        answer.ms = round((time.perf_counter() - started) * 1000, 2)
        return answer

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[str | Answer]:
        """Yield text pieces as they are generated, then the final `Answer` last."""
        started = time.perf_counter()
        for piece in self._chain.stream(question, list(history)):
            if isinstance(piece, Answer):
                piece.ms = round((time.perf_counter() - started) * 1000, 2)
            yield piece

    def example_questions(self, limit: int = 3) -> list[str]:
        """Example questions from the articles' metadata."""
        examples = [q for article in self.articles for q in article.examples]
        return examples[:limit]


def build_service(
    settings: Settings,
    index_dir: Path | None = None,
    progress: ProgressFactory | None = None,
    notify=None,
) -> QAService:
    """Load the model and the index (building it if needed) and wire the answering chain."""
    from bot.chain import AnswerChain
    from bot.decide import load_decision_model
    from index.embeddings import create_embeddings
    from index.retriever import HybridRetriever
    from index.store import open_store

    embeddings = create_embeddings(settings.embedding_model, settings.model_dir, settings.torch_threads)
    kwargs = {}
    if progress is not None:
        kwargs["progress"] = progress
    if notify is not None:
        kwargs["notify"] = notify
    store = open_store(index_dir or settings.index_dir, embeddings, settings.embedding_model, settings.sources, **kwargs)
    retriever = HybridRetriever(store=store, k=settings.top_k)
    chain = AnswerChain(retriever, load_decision_model(), settings.max_question_chars)
    if settings.llm_provider != "none":  # generated answers, with the extractive chain as the fallback
        from bot.llm_chain import chain_from_settings

        chain = chain_from_settings(settings, chain)
    articles = [
        ArticleInfo(title=a["title"], source=a["source"], path=a["path"], examples=tuple(a.get("examples", ())))
        for a in store.articles
    ]
    return QAService(chain, articles, settings.max_question_chars)
