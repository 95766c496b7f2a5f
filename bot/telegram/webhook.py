"""Webhook mode: a small tornado server (tornado comes with python-telegram-bot[webhooks]) that
feeds Telegram's updates to the application and answers operators: `/healthz` and `/metrics`.

PTB's own webhook server has no room for extra routes, so this follows PTB's "custom webhook"
pattern: the application runs without an Updater and updates are put on its update queue.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging

from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer
from tornado.web import Application as WebApplication
from tornado.web import RequestHandler

from bot.telegram.metrics import Metrics

logger = logging.getLogger("bot.telegram")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class _UpdateHandler(RequestHandler):
    """POST from Telegram: check the secret, queue the update."""

    def initialize(self, bot_app: Application, secret: str) -> None:  # noqa: D401 - tornado hook
        self.bot_app = bot_app
        self.secret = secret

    async def post(self) -> None:
        """Accept one update (403 without the right secret, 400 if it is not an update)."""
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            self.set_status(403)
            return
        try:
            update = Update.de_json(json.loads(self.request.body), self.bot_app.bot)
        except (ValueError, TypeError, KeyError) as exc:
            logger.warning("Ignoring a webhook request that is not an update: %s", exc)
            self.set_status(400)
            return
        await self.bot_app.update_queue.put(update)
        self.set_status(200)

    def log_exception(self, *args) -> None:
        """Errors are logged by the application's logger, never with request details."""
        logger.error("Webhook request failed", exc_info=args if len(args) == 3 else None)


class _HealthHandler(RequestHandler):
    """GET /healthz: 200 while the application runs, else 503."""

    def initialize(self, bot_app: Application) -> None:
        self.bot_app = bot_app

    def get(self) -> None:
        """Report liveness."""
        running = self.bot_app.running
        self.set_status(200 if running else 503)
        self.write({"status": "ok" if running else "stopping"})


class _MetricsHandler(RequestHandler):
    """GET /metrics: Prometheus text format."""

    def initialize(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def get(self) -> None:
        """Serve the current metrics."""
        self.set_header("Content-Type", self.metrics.content_type)
        self.write(self.metrics.exposition())


def web_app(application: Application, url_path: str, secret: str, metrics: Metrics) -> WebApplication:
    """The routes: the webhook path, /healthz and /metrics."""
    return WebApplication(
        [
            (rf"/?{url_path}/?", _UpdateHandler, {"bot_app": application, "secret": secret}),
            (r"/healthz", _HealthHandler, {"bot_app": application}),
            (r"/metrics", _MetricsHandler, {"metrics": metrics}),
        ],
        log_function=lambda handler: None,  # no access log: URLs and headers stay out of the logs
    )


async def serve_webhook(
    application: Application,
    *,
    listen: str,
    port: int,
    url_path: str,
    webhook_url: str,
    secret: str,
    allowed_updates: list[str],
    metrics: Metrics,
    stop: asyncio.Event,
) -> None:
    """Initialise, register the webhook, serve until `stop` is set, then shut down (post_* hooks run)."""
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.bot.set_webhook(url=webhook_url, secret_token=secret, allowed_updates=allowed_updates)
        await application.start()
        server = HTTPServer(web_app(application, url_path, secret, metrics), xheaders=True)
        server.listen(port, address=listen)
        try:
            await stop.wait()
        finally:
            server.stop()
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
