"""Web pages and URLs as sources: extraction, bad URLs, indexing and answering (pages served on 127.0.0.1)."""

from __future__ import annotations

import shutil
import time

import pytest

from index.web import FetchLimits, WebError, extract, read_url
from tests.conftest import core_settings
from tests.fake_news_site import PAGES, NewsSite

LIMITS = FetchLimits(timeout=1.0, max_bytes=10 * 1024 * 1024, max_redirects=5)


@pytest.fixture(scope="module")
def site():
    with NewsSite() as server:
        yield server


def test_main_text_and_metadata_without_boilerplate():
    page = extract((PAGES / "desalination.html").read_bytes(), name="desalination.html")
    assert (page.title, page.date, page.author, page.site) == (
        "افتتاح أكبر محطة لتحلية المياه في العقبة", "2024-03-12", "ريم الحسيني", "أخبار الساحل")
    assert "300 ألف متر مكعب" in page.text and "بحلول عام 2028" in page.text
    for furniture in ("فيسبوك", "اقرأ أيضاً", "ارتفاع أسعار الوقود", "أبو خالد", "تعليقات", "فاتورة المياه",
                      "اتصل بنا", "جميع الحقوق", "الوسوم", "ابحث في الموقع"):
        assert furniture not in page.text
    jsonld = extract((PAGES / "dates.html").read_bytes())
    assert (jsonld.date, jsonld.author, jsonld.site) == ("2023-11-05", "كمال بن علي", "الاقتصاد اليوم")
    assert "مواضيع ذات صلة" not in jsonld.text and "اشترك" not in jsonld.text and "كن أول" not in jsonld.text


def test_a_page_url_is_fetched_and_extracted(site):
    page = read_url(site.url("/news/dates"), LIMITS)  # charset only in the page's meta tag
    assert page.title == "صادرات التمور تسجل رقماً قياسياً" and "120 ألف طن" in page.text
    assert page.url == site.url("/news/dates")


@pytest.mark.parametrize("path, message", [
    ("/missing", "HTTP 404"),
    ("/slow", "timed out after 1s"),
    ("/image", "not a web page (content type image/png)"),
    ("/binary", "binary response"),
    ("/english", "no Arabic text"),
    ("/huge", "page of 52 MB refused (limit 10 MB)"),
    ("/huge-stream", "page larger than 10 MB refused"),
    ("/loop-a", "more than 5 redirects"),
])
def test_each_bad_url_is_one_clear_line(site, path, message):
    started = time.monotonic()
    with pytest.raises(WebError) as caught:
        read_url(site.url(path), LIMITS)
    text = str(caught.value)
    assert message in text and "\n" not in text and text.startswith(site.url(path))
    assert time.monotonic() - started < 2.5  # the slow page (3 s) is given up after the 1 s limit


def test_web_sources_indexed_answered_and_rebuilt_offline(tmp_path):
    from bot.service import build_service, settings_embeddings
    from index.store import INDEX_FILE, generation_dir, open_store
    from index.update import update_store

    site = NewsSite().start()
    saved = tmp_path / "saved"
    saved.mkdir()
    shutil.copy(PAGES / "festival.html", saved / "festival.html")
    settings = core_settings(tmp_path)
    embeddings = settings_embeddings(settings)
    bad = ["/missing", "/slow", "/image", "/binary", "/english", "/huge", "/huge-stream", "/loop-a"]
    notes: list[str] = []
    store, summary = update_store(
        settings.index_dir, embeddings, settings.embedding_id,
        sources=[site.url("/news/desalination"), site.url("/news/dates"), saved]
        + [site.url(p) for p in bad] + [tmp_path / "nowhere.html"],
        notify=notes.append, limits=LIMITS)
    assert sorted(c.title for c in summary.added) == sorted([
        "افتتاح أكبر محطة لتحلية المياه في العقبة", "صادرات التمور تسجل رقماً قياسياً",
        "مهرجان المسرح العربي يختتم دورته العاشرة"])
    assert len(summary.problems) == len(bad) + 1
    assert [n for n in notes if n.startswith("skipped")] == [f"skipped {p}" for p in summary.problems]
    by_title = {a["title"]: a for a in store.articles}
    assert by_title["مهرجان المسرح العربي يختتم دورته العاشرة"]["date"] == "2022-06-20"
    assert by_title["صادرات التمور تسجل رقماً قياسياً"]["source"] == "الاقتصاد اليوم"
    assert sorted(p.suffix for p in (settings.index_dir / "sources").iterdir()) == [".json", ".json", ".txt", ".txt"]

    site.stop()  # from here on, nothing may need the network
    service = build_service(settings)
    # The right page's sentence comes first, with its date (whether it is given as the answer is the
    # answer decision's business, tested elsewhere).
    top = service.ask("كم تبلغ الطاقة الإنتاجية لمحطة التحلية في العقبة؟").sources[0]
    assert top.source.startswith(f"127.0.0.1:{site.port}/desalination#") and "300 ألف متر مكعب" in top.text
    assert top.date == "2024-03-12"
    top = service.ask("أين ستقام الدورة المقبلة من مهرجان المسرح؟").sources[0]
    assert top.source.startswith("festival.html#") and "وهران" in top.text and top.date == "2022-06-20"

    # Index files lost: rebuilt from the stored page snapshots, without the network.
    (generation_dir(settings.index_dir) / INDEX_FILE).write_bytes(b"broken")
    notes.clear()
    rebuilt = open_store(settings.index_dir, embeddings, settings.embedding_id, [], notify=notes.append)
    assert sorted(a["title"] for a in rebuilt.articles) == sorted(by_title)
    assert any("rebuilding" in n for n in notes)
