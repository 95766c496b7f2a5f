"""Articles added from the chat: admins index a document or a link into the live index; everyone
else is refused politely; a failed download or an unreadable file changes nothing."""

from __future__ import annotations

import pytest

from bot.service import QAService
from bot.telegram.texts import TEXTS
from tests.conftest import SECOND_ARTICLE, core_settings
from tests.telegram_harness import (  # noqa: F401 - api and core are fixtures
    STEP,
    api,
    bot_running,
    core,
    make_settings,
    wait_quiet,
)

ADMIN = 501
LIVE_UPDATES = hasattr(QAService, "add_sources") and hasattr(QAService, "remove_article")


def test_non_admins_are_refused_politely_and_nothing_is_downloaded(api, core, tmp_path):
    settings = make_settings(api, tmp_path, telegram_admin_ids=[ADMIN])
    with bot_running(api, settings, core):
        api.send_text(77, "/add https://example.com/a.html")
        api.send_text(77, "/articles")
        api.send_text(77, "/remove 1")
        api.send_document(77, file_name="مقال.txt", content=SECOND_ARTICLE.encode(), mime_type="text/plain")
        texts = api.wait_sent(77, 4)
        api.send_document(-100_77, file_name="x.txt", content=b"x", user_id=77)  # group, not addressed
        wait_quiet()
    assert texts == [TEXTS["admin_only"]] * 4
    assert api.sent(-100_77) == []
    assert not api.calls_to("getFile")


def test_admin_usage_and_failed_download_change_nothing(api, core, tmp_path):
    settings = make_settings(api, tmp_path, telegram_admin_ids=[ADMIN])
    before = list(core.articles)
    with bot_running(api, settings, core):
        api.send_text(ADMIN, "/add")
        api.send_text(ADMIN, "/remove")
        usage = api.wait_sent(ADMIN, 2)
        api.fail_next("getFile", 400, description="Bad Request: file is too big")
        api.send_document(ADMIN, file_name="new.txt", content=SECOND_ARTICLE.encode(), mime_type="text/plain")
        failed = api.wait_sent(ADMIN, 3)[2]
        api.send_text(ADMIN, "/articles")
        listing = api.wait_sent(ADMIN, 4)[3]
    assert usage == [TEXTS["admin_add_usage"], TEXTS["admin_remove_usage"]]
    assert failed == TEXTS["admin_download_failed"]
    assert core.articles == before
    assert all(a.title in listing for a in core.articles)
    assert not list(settings.telegram_articles_dir.glob("*")) if settings.telegram_articles_dir.exists() else True


def live_service(api, tmp_path, question: str):
    """A core of its own on the bundled article, which does not answer `question`, and the bot's
    settings with ADMIN as its admin: (service, settings)."""
    from bot.service import build_service

    service = build_service(core_settings(tmp_path))
    assert not service.ask(question, []).found
    settings = make_settings(api, tmp_path, telegram_admin_ids=[ADMIN],
                             telegram_articles_dir=tmp_path / "from_chat")
    return service, settings


@pytest.mark.skipif(not LIVE_UPDATES, reason="needs the live-update API (QAService.add_sources) of the ingest work")
def test_admin_document_is_indexed_live_and_removed(api, tmp_path):
    question = "كم يبلغ طول الجسر؟"
    service, settings = live_service(api, tmp_path, question)
    with bot_running(api, settings, service):
        api.send_document(ADMIN, file_name="bridge.txt", content=SECOND_ARTICLE.encode(), mime_type="text/plain")
        added = api.wait_sent(ADMIN, 2, timeout=60)[1]
        api.send_text(ADMIN + 1, question)  # anyone asks: answered from the new article, no restart
        answer = api.wait_sent(ADMIN + 1, 1, timeout=STEP)[0]
        api.send_document(ADMIN, file_name="broken.txt", content=b"\xff\xfe\x00\x81" * 50, mime_type="text/plain")
        broken = api.wait_sent(ADMIN, 4, timeout=60)[3]
        api.send_text(ADMIN, "/articles")
        listing = api.wait_sent(ADMIN, 5)[4]
        api.send_text(ADMIN, "/remove 2")
        removed = api.wait_sent(ADMIN, 6, timeout=60)[5]
        api.send_text(ADMIN + 1, question)
        after = api.wait_sent(ADMIN + 1, 2, timeout=STEP)[1]
    assert "✅" in added and "فقرة" in added
    assert "850" in answer and "<blockquote>" in answer
    assert broken.startswith("❌")
    assert len([line for line in listing.splitlines() if line[:2] in ("1.", "2.")]) == 2
    assert removed.startswith("🗑️")
    assert "850" not in after


@pytest.mark.skipif(not LIVE_UPDATES, reason="needs the live-update API (QAService.add_sources) of the ingest work")
def test_admin_hears_when_a_document_is_indexed_with_a_warning(api, tmp_path):
    service, settings = live_service(api, tmp_path, "كم يبلغ طول الجسر؟")
    english = ("The council approved the new budget on Monday. " * 20).encode()
    with bot_running(api, settings, service):
        api.send_document(ADMIN, file_name="english.txt", content=english, mime_type="text/plain")
        warned = api.wait_sent(ADMIN, 2, timeout=60)[1]
        api.send_document(ADMIN, file_name="bridge.txt", content=SECOND_ARTICLE.encode(), mime_type="text/plain")
        plain = api.wait_sent(ADMIN, 4, timeout=60)[3]
    assert "✅" in warned and "⚠️" in warned and "little Arabic text" in warned and "english.txt" in warned
    # an Arabic article has nothing to warn of, and the English one (unchanged) is not read again
    assert "✅" in plain and "⚠️" not in plain and "little Arabic" not in plain


@pytest.mark.skipif(not LIVE_UPDATES, reason="needs the live-update API (QAService.add_sources) of the ingest work")
def test_admin_link_is_indexed_live(api, tmp_path):
    from tests.fake_news_site import NewsSite

    question = "كم تبلغ الطاقة الإنتاجية لمحطة التحلية في العقبة؟"
    service, settings = live_service(api, tmp_path, question)
    site = NewsSite().start()
    try:
        with bot_running(api, settings, service):
            api.send_text(ADMIN, f"/add {site.url('/news/desalination')}")
            progress, added = api.wait_sent(ADMIN, 2, timeout=60)[:2]
            api.send_text(ADMIN + 1, question)  # anyone asks: answered from the page, no restart
            answer = api.wait_sent(ADMIN + 1, 1, timeout=STEP)[0]
            api.send_text(ADMIN, f"/add {site.url('/missing')}")
            missing = api.wait_sent(ADMIN, 4, timeout=60)[3]
    finally:
        site.stop()
    assert progress.startswith("⏳") and "✅" in added and "تحلية" in added
    assert "300 ألف متر مكعب" in answer and "<blockquote>" in answer
    assert missing.startswith("❌") and len(service.articles) == 2
