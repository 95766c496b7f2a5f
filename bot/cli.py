"""`python -m bot`: index, chat, ask, eval and telegram, over the one answering core."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bot.settings import Settings, load_settings

log = logging.getLogger("bot")


def _bar(total: int, desc: str, unit: str):
    """A tqdm bar on stderr: cleared when done on a terminal, left with its newline in a log (where a
    cleared bar ends in a carriage return and the next line would be glued onto it)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=not sys.stderr.isatty())


def _progress(total: int, desc: str) -> Callable[[int], None]:
    """A progress callback over `_bar` that closes it at the total."""
    bar = _bar(total, desc, "passage")

    def advance(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return advance


def _notify(message: str) -> None:
    print(f"note: {message}", file=sys.stderr, flush=True)


def setup_logging(level: str) -> None:
    """Plain stderr logging; third-party request logs only from WARNING up (they may hold tokens)."""
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    for noisy in ("httpx", "httpcore", "sentence_transformers", "transformers", "faiss", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _service(settings: Settings, index_dir: Path | None):
    from bot.service import build_service

    return build_service(settings, index_dir=index_dir, progress=_progress, notify=_notify)


def _given_index_dir(args: argparse.Namespace, settings: Settings) -> Path | None:
    """The index folder the user named, which must hold an index: `--index-dir`, or an `INDEX_DIR` set
    in the environment or `.env` (other than the default) with no `SOURCES` to build it from. A mistyped
    folder, or one left by a build that failed (its lock file only), would otherwise silently get a new
    index of the configured articles (the bundled one by default) instead of the user's archive. A
    corrupt index is still rebuilt. Returns `--index-dir` (None without it: the configured index).
    Raises FileNotFoundError (an operator error: one English line, exit status 2)."""
    from index.generations import current_dir

    named = args.index_dir
    if named is None and _set_by_user(settings, "index_dir") and not _set_by_user(settings, "sources"):
        named, told = settings.index_dir, f"INDEX_DIR={settings.index_dir}"
    else:
        told = f"--index-dir {named}"
    if named is not None and (not named.exists() or current_dir(named) is None):
        why = "holds no index" if named.exists() else "does not exist"
        raise FileNotFoundError(
            f"no index at {named}: the folder {why}. Build one with "
            f"`python -m bot index --source DIR --index-dir {named}`, or leave out {told} "
            "to use the default index (the bundled article)")
    return args.index_dir


def _set_by_user(settings: Settings, field: str) -> bool:
    """Whether a setting was given (environment or `.env`) with another value than its default."""
    return field in settings.model_fields_set and getattr(settings, field) != Settings.model_fields[field].get_default(
        call_default_factory=True)


def format_article_list(articles: list[dict]) -> str:
    """One line an article: passages, date, source — title (path or URL)."""
    lines = []
    for a in articles:
        date = (a.get("date") or "-")[:10]
        lines.append(f"{a.get('passages', '?'):>5}  {date:<10}  {a['source']} — {a['title']}  ({a['path']})")
    total = sum(int(a.get("passages", 0)) for a in articles)
    lines.append(f"{len(articles)} article(s), {total} passages")
    return "\n".join(lines)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Add articles to the index (or build it), list or remove them; only new or changed ones are embedded."""
    from index.embeddings import create_passage_embeddings
    from index.generations import current_dir
    from index.articles import SourceError
    from index.update import list_articles, update_store
    from index.web import fetch_limits, is_url

    index_dir = args.index_dir or settings.index_dir
    if args.list:
        _given_index_dir(args, settings)  # a missing folder is told as `chat` and `ask` tell it
        print(format_article_list(list_articles(index_dir)))
        return 0
    exists = current_dir(index_dir) is not None
    missing = [s for s in args.source or [] if not is_url(str(s)) and not Path(s).expanduser().exists()]
    if missing:
        # A mistyped --source is an operator error on an existing index too: nothing is indexed, so the
        # corrected command does it all (a `note: skipped …` among other lines was easy to miss).
        raise SourceError("; ".join(f"{Path(s).expanduser()}: no such file or folder" for s in missing))
    # On an existing index with no --source: bring its own sources up to date.
    sources = args.source or ([] if exists or args.remove else settings.sources)
    started = time.perf_counter()
    embeddings = _LazyEmbeddings(lambda: create_passage_embeddings(
        settings.embedding_model, settings.model_dir, settings.torch_threads, settings.embedding_backend))
    store, summary = update_store(index_dir, embeddings, settings.embedding_id, sources=sources,
                                  remove=args.remove or [], progress=_progress, notify=_notify,
                                  limits=fetch_limits(settings))
    seconds = time.perf_counter() - started
    print(
        f"indexed {len(store.articles)} article(s), {store.manifest['count']} passages "
        f"into {index_dir} in {seconds:.1f}s (model {settings.embedding_id})",
        file=sys.stderr,
    )
    print(summary.line(), file=sys.stderr)
    return 0


class _LazyEmbeddings:
    """Embeddings loaded on first use: listing or removing articles needs no model."""

    def __init__(self, factory: Callable[[], object]) -> None:
        self._factory = factory
        self._loaded = None

    def _get(self):
        if self._loaded is None:
            self._loaded = self._factory()
        return self._loaded

    def prepare(self) -> None:
        """Load the model now (before a progress bar starts timing)."""
        self._get()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors (loads the model)."""
        return self._get().embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        """A query vector (loads the model)."""
        return self._get().embed_query(text)


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Chat in the terminal, or answer every piped line."""
    from bot.repl import indexed_articles, is_terminal, run_pipe, run_terminal, waiting_stream

    index_dir = _given_index_dir(args, settings)
    if is_terminal(sys.stdin):
        # Greet and prompt at once; the model and the index load meanwhile (the first answer waits).
        from bot.loading import Background

        loader = Background(lambda: _warmed(_service(settings, index_dir)))
        history = settings.model_dir.parent / "chat_history"
        articles = indexed_articles(index_dir or settings.index_dir)
        return run_terminal(waiting_stream(loader, sys.stdout), articles, args.json, history,
                            settings.chat_history_turns)
    service = _warmed(_service(settings, index_dir))
    return run_pipe(service.ask, sys.stdin, sys.stdout, args.json, settings.chat_history_turns)


def _warmed(service):
    """The service, its warm-up started (`QAService.warm_up`)."""
    service.warm_up()
    return service


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question."""
    from bot.chain import turned_away
    from bot.checks import check_question
    from bot.repl import format_json, format_plain, is_terminal

    index_dir = _given_index_dir(args, settings)
    text, error = check_question(args.question, settings.max_question_chars)
    # An empty or unusable question is told at once, not after the model has loaded (~10 s).
    answer = turned_away(text, error) if error else _service(settings, index_dir).ask(args.question)
    print(format_json(answer) if args.json else format_plain(answer, bold=is_terminal(sys.stdout)))
    return 0


def _digest(parts: list[str]) -> str:
    """A short stable name for a list of strings."""
    import hashlib

    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Score a question file (development JSONL or SQuAD JSON) on an index of its own."""
    import json

    from bot.evaluate import is_squad, read_jsonl, score_jsonl, score_squad, squad_to_articles

    work = args.work_dir or Path(".cache/eval") / args.file.stem
    if is_squad(args.file):
        questions = squad_to_articles(args.file, work / "articles")
        settings = settings.model_copy(update={"sources": [work / "articles"]})
        service = _service(settings, work / "index")
        with _bar(len(questions), "questions", "question") as bar:
            report = score_squad(service.ask, questions, bar.update)
    else:
        rows = read_jsonl(args.file)
        sources = list(args.source or [])
        if args.articles_root:  # each row's "article" names its file under the root
            names = dict.fromkeys(str(r["article"]) for r in rows if r.get("article"))
            sources += [args.articles_root / f"{name}.txt" for name in names]
        index_dir = work / "index"
        if sources:  # the articles the questions are about, in an index of their own
            settings = settings.model_copy(update={"sources": sources})
            index_dir = work / f"index-{_digest(sorted(str(s.resolve()) for s in sources))}"
        service = _service(settings, index_dir)
        with _bar(len(rows), "questions", "question") as bar:
            report = score_jsonl(service.ask, rows, bar.update, conversation=args.conversation)
    summary = report.summary()
    print(json.dumps(summary, ensure_ascii=False))
    if args.failures:
        for failure in report.failures:
            print(json.dumps(failure, ensure_ascii=False), file=sys.stderr)
    return 0


def cmd_telegram(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Telegram bot."""
    from bot.telegram import run_telegram

    # A factory, so that a missing or rejected token is reported before the model loads.
    index_dir = _given_index_dir(args, settings)
    return run_telegram(settings, lambda: _service(settings, index_dir))


def cmd_feedback(args: argparse.Namespace, settings: Settings) -> int:
    """Export the Telegram feedback as evaluation JSONL, or print its counts."""
    import json

    from bot.telegram.feedback_export import export
    from bot.telegram.state import StateDB

    if not settings.telegram_state_db.exists():
        print(f"error: no Telegram state file at {settings.telegram_state_db} (TELEGRAM_STATE_DB)", file=sys.stderr)
        return 2
    state = StateDB(settings.telegram_state_db, settings.chat_history_turns, settings.chat_history_ttl).open()
    try:
        if args.action == "stats":
            print(json.dumps(state.feedback_stats(), ensure_ascii=False))
        else:
            count = export(state, args.file, include_positive=args.all)
            print(f"wrote {count} question(s) to {args.file}", file=sys.stderr)
    finally:
        state.close()
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    p = argparse.ArgumentParser(prog="python -m bot", description="Arabic question answering over news articles.")
    sub = p.add_subparsers(dest="command", required=True)

    index = sub.add_parser("index", help="add articles to the index (only new or changed ones are embedded)")
    index.add_argument("--source", action="append",
                       help="article file (.txt, .md, .html), folder, or http(s) URL (repeatable)")
    index.add_argument("--index-dir", type=Path)
    index.add_argument("--list", action="store_true", help="list the indexed articles")
    index.add_argument("--remove", action="append", metavar="ARTICLE",
                       help="drop an article (file name, path, folder or URL; repeatable)")
    index.set_defaults(run=cmd_index)

    chat = sub.add_parser("chat", help="chat in the terminal (or answer piped lines)")
    chat.add_argument("--index-dir", type=Path)
    chat.add_argument("--json", action="store_true", help="one JSON object per answer")
    chat.set_defaults(run=cmd_chat)

    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--index-dir", type=Path)
    ask.add_argument("--json", action="store_true")
    ask.set_defaults(run=cmd_ask)

    ev = sub.add_parser("eval", help="score a question file (JSONL or SQuAD JSON)")
    ev.add_argument("file", type=Path)
    ev.add_argument("--source", type=Path, action="append",
                    help="article file or folder the questions are about (repeatable; default: the bundled article)")
    ev.add_argument("--articles-root", type=Path,
                    help="folder under which each question's \"article\" field names a .txt (e.g. the ANT corpus)")
    ev.add_argument("--work-dir", type=Path, help="where its index is built (default .cache/eval/NAME)")
    ev.add_argument("--failures", action="store_true", help="list failed questions on stderr")
    ev.add_argument("--conversation", action="store_true",
                    help="ask all questions in one conversation, in file order (as piped into `bot chat`)")
    ev.set_defaults(run=cmd_eval)

    tg = sub.add_parser("telegram", help="run the Telegram bot")
    tg.add_argument("--index-dir", type=Path)
    tg.set_defaults(run=cmd_telegram)

    fb = sub.add_parser("feedback", help="Telegram 👍/👎 feedback: export as evaluation JSONL, or counts")
    fb_sub = fb.add_subparsers(dest="action", required=True)
    fb_export = fb_sub.add_parser("export", help="write the 👎 answers (--all: every rated answer) as JSONL")
    fb_export.add_argument("file", type=Path)
    fb_export.add_argument("--all", action="store_true", help="also the 👍 ones")
    fb_sub.add_parser("stats", help="print counts as one JSON line")
    fb.set_defaults(run=cmd_feedback)
    return p


def _operator_errors() -> tuple[type[BaseException], ...]:
    """Errors reported as one English line: imported only when an exception is being handled,
    so that the chat prompts before the heavy index modules are imported."""
    from index.articles import SourceError
    from index.embeddings import ModelError
    from index.store import StoreError

    return (SourceError, ModelError, StoreError, FileNotFoundError)


def main(argv: list[str] | None = None) -> int:
    """Entry point: parse, set up logging, run the command; operator errors are one English line."""
    args = parser().parse_args(argv)
    try:
        settings = load_settings()
    except Exception as exc:  # pydantic's validation error lists every bad variable
        print(f"error: invalid settings: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level)
    try:
        return args.run(args, settings)
    except _operator_errors() as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
