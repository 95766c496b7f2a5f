"""The one answering core that every front end (CLI, REPL, Telegram) calls."""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer import Answer, Turn
from index.summary import UpdateSummary

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from bot.settings import Settings
    from index.store import ProgressFactory, Store

log = logging.getLogger(__name__)
WARM_UP_EXIT_WAIT = 30.0  # seconds at most to wait at exit for a warm-up batch to end


@dataclass(frozen=True)
class ArticleInfo:
    """What front ends may say about an article the bot knows."""

    title: str
    source: str
    path: str  # file path or URL
    examples: tuple[str, ...] = ()
    date: str | None = None
    passages: int = 0


def article_infos(store: Store) -> list[ArticleInfo]:
    """What front ends may show about each article of a store."""
    return [
        ArticleInfo(title=a["title"], source=a["source"], path=a["path"], examples=tuple(a.get("examples", ())),
                    date=a.get("date"), passages=int(a.get("passages", 0)))
        for a in store.articles
    ]


# (sources to add, article keys to remove) -> (new chain, its articles, what changed)
Updater = Callable[[list[str], list[str]], tuple[object, list[ArticleInfo], UpdateSummary]]


class QAService:
    """Answers questions about the indexed articles; thread-safe for concurrent `ask` calls, and for
    live updates of the index (`add_sources`, `remove_article`) while questions are being answered."""

    def __init__(self, chain, articles: Sequence[ArticleInfo], max_question_chars: int,
                 updater: Updater | None = None) -> None:
        self._chain = chain
        self.articles = list(articles)
        self.max_question_chars = max_question_chars
        self._updater = updater
        self._update_lock = threading.Lock()

    def add_sources(self, sources: Sequence[str | Path]) -> UpdateSummary:
        """Index files, folders or http(s) URLs into the live index (only new or changed articles are
        embedded), then switch every later question to it; questions already running finish on the
        old one. Unusable sources are listed in the summary's `problems` (English), never raised."""
        return self._update([str(s) for s in sources], [])

    def remove_article(self, key: str) -> UpdateSummary:
        """Drop an article (file name, path, folder or URL) from the live index; an unknown key is a
        line in `problems`."""
        return self._update([], [key])

    def _update(self, sources: list[str], remove: list[str]) -> UpdateSummary:
        from index.articles import SourceError

        if self._updater is None:
            raise RuntimeError("this QAService was built without an index to update")
        with self._update_lock:  # one update at a time; `ask` never waits for it
            try:
                chain, articles, summary = self._updater(sources, remove)
            except SourceError as exc:
                return UpdateSummary(problems=[str(exc)])
            self._chain = chain
            self.articles = list(articles)
        return summary

    def warm_up(self) -> threading.Thread:
        """Start preparing, in a daemon thread, what the first questions of some kinds would wait for
        (the English bridge of a small index: about 2 s for the bundled article); returns the thread.
        A failure there is logged, never raised: the questions then do the work themselves. At exit the
        warm-up is told to stop and waited for (a fraction of a second): a thread still inside the
        model's native code when the interpreter finalises would abort the process."""
        stop = threading.Event()

        def run() -> None:
            try:
                self._chain.warm_up(stop)
            except Exception:  # noqa: BLE001 - a warm-up must never take the service down
                log.warning("Warm-up failed; the first English question will prepare the bridge itself", exc_info=True)

        def finish() -> None:
            stop.set()
            thread.join(WARM_UP_EXIT_WAIT)

        thread = threading.Thread(target=run, name="warm-up", daemon=True)
        thread.start()
        atexit.register(finish)
        return thread

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


def settings_embeddings(settings: Settings) -> Embeddings:
    """The embeddings the settings name: model, model folder, threads and encoder (EMBEDDING_BACKEND).
    An index built with them records `settings.embedding_id`."""
    from index.embeddings import create_embeddings

    return create_embeddings(settings.embedding_model, settings.model_dir, settings.torch_threads,
                             settings.embedding_backend)


def build_service(
    settings: Settings,
    index_dir: Path | None = None,
    progress: ProgressFactory | None = None,
    notify=None,
    embeddings: Embeddings | None = None,
) -> QAService:
    """Load the model and the index (building it if needed) and wire the answering chain; `embeddings`:
    an already loaded model to share (default: the one the settings name, loaded now)."""
    from bot.chain import AnswerChain
    from bot.decide import load_decision_model
    from index.embeddings import single_threaded_blas
    from index.retriever import HybridRetriever
    from index.store import open_store

    single_threaded_blas()
    embeddings = embeddings or settings_embeddings(settings)
    kwargs = {}
    if progress is not None:
        kwargs["progress"] = progress
    if notify is not None:
        kwargs["notify"] = notify
    index_dir = Path(index_dir or settings.index_dir)
    store = open_store(index_dir, embeddings, settings.embedding_id, settings.sources, **kwargs)

    def make_chain(current: Store):
        chain = AnswerChain(HybridRetriever(store=current, k=settings.top_k), load_decision_model(),
                            settings.max_question_chars)
        if settings.llm_provider != "none":  # generated answers, with the extractive chain as the fallback
            from bot.llm_chain import chain_from_settings

            chain = chain_from_settings(settings, chain)
        return chain

    def updater(sources: list[str], remove: list[str]):
        from index.update import update_store
        from index.web import fetch_limits

        new_store, summary = update_store(index_dir, embeddings, settings.embedding_id, sources=sources,
                                          remove=remove, limits=fetch_limits(settings), **kwargs)
        return make_chain(new_store), article_infos(new_store), summary

    return QAService(make_chain(store), article_infos(store), settings.max_question_chars, updater)
