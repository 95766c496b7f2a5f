"""Live index updates through QAService (real model, real FAISS): add, answer, remove, keep answering."""

from __future__ import annotations

import shutil
import threading

from bot.settings import BUNDLED_ARTICLES
from index.summary import UpdateSummary
from tests.conftest import core_settings

KREMLIN_QUESTION = "كيف وصف الكرملين المكالمة؟"
BRIDGE_QUESTION = "كم يبلغ طول الجسر؟"


def test_add_and_remove_articles_while_answering(tmp_path, second_article_dir):
    from bot.service import build_service

    articles = tmp_path / "articles"
    shutil.copytree(second_article_dir, articles)
    service = build_service(core_settings(tmp_path, sources=[articles]))
    assert [a.title for a in service.articles] == ["افتتاح جسر طرابلس ومستشفى صيدا"]
    assert not service.ask(KREMLIN_QUESTION).found

    answers, stop = [], threading.Event()

    def keep_asking() -> None:  # questions go on while the index is updated
        while not stop.is_set():
            answers.append(service.ask(BRIDGE_QUESTION))

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        summary = service.add_sources([BUNDLED_ARTICLES / "rubio-lavrov.txt", str(tmp_path / "missing.txt")])
    finally:
        stop.set()
        asker.join()
    assert isinstance(summary, UpdateSummary)
    assert [c.title for c in summary.added] == [
        "تأجيل اجتماع روبيو ولافروف قبل قمة ترامب وبوتين المرتقبة في بودابست"]
    assert summary.added[0].passages == 17 and summary.added[0].key.endswith("rubio-lavrov.txt")
    assert [c.title for c in summary.unchanged] == ["افتتاح جسر طرابلس ومستشفى صيدا"]
    assert not summary.updated and not summary.removed
    assert len(summary.problems) == 1 and "missing.txt: no such file" in summary.problems[0]
    assert answers and all(a.found and "850" in a.answer for a in answers)

    assert len(service.articles) == 2
    answer = service.ask(KREMLIN_QUESTION)
    assert answer.found and answer.sources[0].source.startswith("rubio-lavrov.txt#")
    assert service.ask(BRIDGE_QUESTION).sources[0].source.startswith("bridge-hospital.txt#")

    again = service.add_sources([BUNDLED_ARTICLES / "rubio-lavrov.txt"])
    assert not again.added and len(again.unchanged) == 2 and again.embedded == 0

    removed = service.remove_article("rubio-lavrov.txt")
    assert [c.title for c in removed.removed] == [summary.added[0].title] and not removed.problems
    assert [a.title for a in service.articles] == ["افتتاح جسر طرابلس ومستشفى صيدا"]
    assert not service.ask(KREMLIN_QUESTION).found

    unknown = service.remove_article("no-such-article.txt")
    assert unknown.problems and "no such article" in unknown.problems[0]
    last = service.remove_article("bridge-hospital.txt")  # an index is never left empty
    assert last.problems and len(service.articles) == 1


def test_the_answering_service_runs_numpy_blas_on_one_thread(article_service):
    # Two BLAS threads per matrix-vector product fight ONNX Runtime's spinning workers on 2 cores.
    from threadpoolctl import threadpool_info

    numpy_blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas" and "numpy" in lib["filepath"]]
    assert numpy_blas and all(lib["num_threads"] == 1 for lib in numpy_blas)
