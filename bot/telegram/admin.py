"""Articles added from the chat by admins (TELEGRAM_ADMIN_IDS): a .txt/.md/.html document or
`/add URL` is indexed into the live index without a restart; `/articles` lists, `/remove` deletes.

Indexing runs on a one-thread pool of its own, so answers keep flowing on the answer workers; the
core's live-update API (`QAService.add_sources` / `remove_article`) switches questions to the new
index when it is ready. Everyone else gets a polite refusal; a failed download or an unreadable
file gets a clear reply and changes nothing.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from pathlib import Path

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.telegram.addressing import addressed_to_bot, is_private
from bot.telegram.delivery import Target, send
from bot.telegram.formatting import esc
from bot.telegram.frontend import TelegramFrontEnd, frontend
from bot.telegram.handlers import in_order, non_text_message
from bot.telegram.texts import text

logger = logging.getLogger("bot.telegram")

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
_UNSAFE = re.compile(r"[^\w.\-]+")


def is_admin(front: TelegramFrontEnd, update: Update) -> bool:
    """Whether the sender is one of TELEGRAM_ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in front.admins


async def _refuse(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell a non-admin, politely, that this is for admins."""
    front = frontend(context)
    user = update.effective_user
    message = update.effective_message
    what = (message.text or getattr(message.document, "file_name", None) or "")[:100]
    front.state.admin_action(user.id if user else 0, "refused", what, "")
    await send(context.bot, Target.of(update), text("admin_only"))


def _lines(changes: Sequence) -> str:
    """One line per changed article: title and passage count."""
    return "\n".join(text("admin_article_line", title=esc(c.title), passages=c.passages) for c in changes)


async def _run_update(front: TelegramFrontEnd, method: str, argument: object):
    """Run a live-update call of the core on the admin pool (never on the answer workers)."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(front.admin_executor, getattr(front.service, method), argument)


async def index_sources(update: Update, context: ContextTypes.DEFAULT_TYPE, sources: list[str], label: str) -> bool:
    """Index sources into the live index and reply with what changed; True if an article was indexed."""
    front = frontend(context)
    target = Target.of(update, quote=True)
    user_id = update.effective_user.id if update.effective_user else 0
    if not hasattr(front.service, "add_sources"):
        logger.error("Admin /add: this core has no live-update API (QAService.add_sources)")
        await send(context.bot, target, text("admin_unavailable"))
        return False
    await send(context.bot, target, text("admin_working"))
    try:
        summary = await _run_update(front, "add_sources", sources)
    except Exception as exc:  # noqa: BLE001 - any failure: the index is left as it was
        logger.exception("Admin /add of %s failed", label)
        summary = None
        problems = [f"{type(exc).__name__}: {exc}"]
    else:
        problems = list(summary.problems)
    changed = list(summary.added) + list(summary.updated) if summary else []
    unchanged = list(summary.unchanged) if summary else []
    if changed:
        reply = text("admin_added", articles=_lines(changed))
        if summary.notes:  # indexed with a warning (little Arabic text…): the admin hears it too
            reply += "\n\n" + text("admin_notes", notes=esc("\n".join(summary.notes)))
    elif unchanged and not problems:
        reply = text("admin_unchanged", articles=_lines(unchanged))
    else:
        reply = text("admin_failed", reason=esc("; ".join(problems) or "no article could be read"))
    front.state.admin_action(user_id, "add", label, summary.line() if summary else "; ".join(problems))
    logger.info("Admin add %s: %s", label, summary.line() if summary else "; ".join(problems))
    await send(context.bot, target.unquoted(), reply)
    return bool(changed or unchanged) and not (problems and not changed)


@in_order
async def add_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Index the article at the link given after /add (admins only)."""
    front = frontend(context)
    if not is_admin(front, update):
        await _refuse(update, context)
        return
    url = (context.args or [""])[0].strip()
    if not url.lower().startswith(("http://", "https://")):
        await send(context.bot, Target.of(update), text("admin_add_usage"))
        return
    await index_sources(update, context, [url], url)


@in_order
async def document_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Index an admin's .txt/.md/.html document; refuse anyone else's, politely."""
    front = frontend(context)
    document = update.effective_message.document
    name = document.file_name or ""
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        await non_text_message.__wrapped__(update, context)  # not an article: the usual note
        return
    if not (is_private(update) or addressed_to_bot(update, context)):
        return
    if not is_admin(front, update):
        await _refuse(update, context)
        return
    limit_mb = front.settings.telegram_max_article_mb
    if document.file_size and document.file_size > limit_mb * 1_000_000:
        await send(context.bot, Target.of(update, quote=True), text("admin_too_big", limit=f"{limit_mb:g}"))
        return
    folder = Path(front.settings.telegram_articles_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document.file_unique_id}-{_UNSAFE.sub('_', name)[-80:]}"
    try:
        telegram_file = await context.bot.get_file(document.file_id)
        await telegram_file.download_to_drive(path)
    except (TelegramError, OSError) as exc:
        logger.warning("Admin document %s could not be downloaded: %s", name, exc)
        path.unlink(missing_ok=True)
        await send(context.bot, Target.of(update, quote=True), text("admin_download_failed"))
        return
    if not await index_sources(update, context, [str(path)], name):
        path.unlink(missing_ok=True)


@in_order
async def articles_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the indexed articles with a number, title, key and passage count (admins only)."""
    front = frontend(context)
    if not is_admin(front, update):
        await _refuse(update, context)
        return
    lines = [text("admin_list_header")]
    for n, article in enumerate(front.service.articles, start=1):
        passages = getattr(article, "passages", 0)
        lines.append(text("admin_list_line", n=n, title=esc(article.title), path=esc(article.path),
                          passages=f" — {passages} فقرة" if passages else ""))
    await send(context.bot, Target.of(update), "\n".join(lines) if len(lines) > 1 else text("no_articles"))


@in_order
async def remove_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Delete an article, by its number in /articles, file name or URL (admins only)."""
    front = frontend(context)
    if not is_admin(front, update):
        await _refuse(update, context)
        return
    key = " ".join(context.args or []).strip()
    articles = front.service.articles
    if key.isdigit() and 1 <= int(key) <= len(articles):
        key = articles[int(key) - 1].path
    if not key:
        await send(context.bot, Target.of(update), text("admin_remove_usage"))
        return
    if not hasattr(front.service, "remove_article"):
        await send(context.bot, Target.of(update), text("admin_unavailable"))
        return
    summary = await _run_update(front, "remove_article", key)
    front.state.admin_action(update.effective_user.id, "remove", key, summary.line())
    if summary.removed:
        reply = text("admin_removed", articles=_lines(summary.removed))
    else:
        reply = text("admin_remove_failed", reason=esc("; ".join(summary.problems) or key))
    await send(context.bot, Target.of(update, quote=True), reply)
