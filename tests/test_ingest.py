"""Incremental indexing and crash safety (real model, real FAISS, the CLI as a killed subprocess)."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from bot.settings import BUNDLED_ARTICLES
from index.generations import CURRENT_FILE
from index.store import generation_dir, open_store, read_manifest, stale_reason
from index.update import update_store
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parent.parent
MODEL = "intfloat/multilingual-e5-small"
ANT = SHARED / "corpora" / "ant" / "economy"
SHORT = "(الأناضول)-- أعلنت وزارة الزراعة أن محصول القمح بلغ 3 ملايين طن هذا العام.\nوقال الوزير إن الأمطار ساعدت على ذلك."


@pytest.fixture(scope="module")
def embeddings():
    from bot.settings import load_settings
    from index.embeddings import create_embeddings

    settings = load_settings()
    return create_embeddings(settings.embedding_model, settings.model_dir, settings.torch_threads)


@pytest.fixture
def articles(tmp_path, second_article_dir) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(second_article_dir, folder)
    shutil.copy(BUNDLED_ARTICLES / "rubio-lavrov.txt", folder / "a-rubio-lavrov.txt")
    shutil.copy(BUNDLED_ARTICLES / "rubio-lavrov.json", folder / "a-rubio-lavrov.json")
    return folder


LONG = ("وأوضح التقرير " + " ".join(f"أن القطاع رقم {i} سجل نمواً ملحوظاً" for i in range(1, 25)) + ".\n"
        "وختم التقرير بتوصيات للحكومة.")  # its first sentence is several passages (a long one is windowed)


def _vectors(store) -> tuple[np.ndarray, np.ndarray]:
    return (store.vectorstore.index.reconstruct_n(0, store.vectorstore.index.ntotal),
            store.paragraphs.reconstruct_n(0, store.paragraphs.ntotal))


def test_adding_an_article_embeds_only_it_and_equals_a_full_build(tmp_path, articles, embeddings):
    index_dir = tmp_path / "index"
    (articles / "b-long.txt").write_text(LONG, encoding="utf-8")
    built, first = update_store(index_dir, embeddings, MODEL, sources=[articles])
    # every passage and each article's title are encoded; paragraph vectors are made from them
    assert len(first.added) == 3 and first.embedded == len(built.documents) + len(built.articles)
    long_record = next(a for a in built.articles if a["file"] == "b-long.txt")
    assert long_record["passages"] > 2 and long_record["paragraphs"] == 2
    (articles / "z-wheat.txt").write_text(SHORT, encoding="utf-8")
    store, summary = update_store(index_dir, embeddings, MODEL, sources=[articles])
    assert [c.key for c in summary.added] == [str(articles.resolve() / "z-wheat.txt")]
    assert summary.added[0].passages == 2 and len(summary.unchanged) == 3 and summary.embedded == 2 + 1

    full = update_store(tmp_path / "full", embeddings, MODEL, sources=[articles], replace=True)[0]
    assert [d.metadata for d in store.documents] == [d.metadata for d in full.documents]
    for kept, fresh in zip(_vectors(store), _vectors(full)):
        assert kept.shape == fresh.shape and np.allclose(kept, fresh, atol=1e-5)
    assert stale_reason(read_manifest(index_dir)) is None
    assert len([p for p in index_dir.iterdir() if p.name.startswith("gen-")]) == 2  # current + previous


def test_changed_gone_and_removed_articles(tmp_path, articles, embeddings):
    index_dir = tmp_path / "index"
    update_store(index_dir, embeddings, MODEL, sources=[articles])
    bridge = articles / "bridge-hospital.txt"
    bridge.write_text(bridge.read_text(encoding="utf-8").replace("850 متراً", "900 متر"), encoding="utf-8")
    store, summary = update_store(index_dir, embeddings, MODEL)  # no sources: its own folders refreshed
    assert [c.title for c in summary.updated] == ["افتتاح جسر طرابلس ومستشفى صيدا"] and len(summary.unchanged) == 1
    assert any("900 متر" in d.page_content for d in store.documents)

    (articles / "a-rubio-lavrov.txt").unlink()
    store, summary = update_store(index_dir, embeddings, MODEL, sources=[articles])
    assert [c.key for c in summary.removed] == [str(articles.resolve() / "a-rubio-lavrov.txt")]
    assert [a["file"] for a in store.articles] == ["bridge-hospital.txt"]

    (articles / "z-wheat.txt").write_text(SHORT, encoding="utf-8")
    update_store(index_dir, embeddings, MODEL, sources=[articles])
    store, summary = update_store(index_dir, embeddings, MODEL, remove=["z-wheat.txt"])
    assert [c.title for c in summary.removed] and summary.embedded == 0
    assert [a["file"] for a in store.articles] == ["bridge-hospital.txt"]
    # Still in the folder, but removed on purpose: not picked up again, not stale.
    assert stale_reason(read_manifest(index_dir)) is None
    assert not update_store(index_dir, embeddings, MODEL)[1].added
    assert [c.title for c in update_store(index_dir, embeddings, MODEL, sources=[articles / "z-wheat.txt"])[1].added]


def test_a_chunker_change_reembeds_everything(tmp_path, articles, embeddings, monkeypatch):
    import index.store
    import index.update

    index_dir = tmp_path / "index"
    update_store(index_dir, embeddings, MODEL, sources=[articles])
    for module in (index.store, index.update):
        monkeypatch.setattr(module, "CHUNKER_VERSION", index.store.CHUNKER_VERSION + 1)
    notes: list[str] = []
    store = open_store(index_dir, embeddings, MODEL, [], notify=notes.append)
    assert any("chunker changed" in n for n in notes) and any("embedded again" in n for n in notes)
    assert read_manifest(index_dir)["chunker_version"] == index.store.CHUNKER_VERSION + 1
    assert len(store.articles) == 2


def _ant_folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "ant"
    folder.mkdir()
    for txt in sorted(ANT.glob("*.txt"))[:count]:
        (folder / txt.name).symlink_to(txt)
        if txt.with_suffix(".json").exists():
            (folder / txt.with_suffix(".json").name).symlink_to(txt.with_suffix(".json"))
    return folder


def _index_cli(args: list[str], stderr_path: Path, preexec=None) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "LLM_PROVIDER": "none"}
    return subprocess.Popen([sys.executable, "-m", "bot", "index", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=open(stderr_path, "w"), preexec_fn=preexec)


def _answers_as_before(index_dir: Path, embeddings, before: dict) -> None:
    from bot.chain import AnswerChain
    from bot.decide import load_decision_model
    from index.retriever import HybridRetriever

    store = open_store(index_dir, embeddings, MODEL, [], notify=lambda m: None)
    assert store.manifest == before
    chain = AnswerChain(HybridRetriever(store=store), load_decision_model(), 1000)
    answer = chain.answer("كم يبلغ طول الجسر؟", [])
    assert answer.found and "850" in answer.answer


@pytest.mark.skipif(not ANT.is_dir(), reason=f"needs the ANT corpus at {ANT} (../shared beside the checkout, or SHARED=…)")
def test_an_index_killed_mid_build_still_answers(tmp_path, second_article_dir, embeddings):
    index_dir = tmp_path / "index"
    update_store(index_dir, embeddings, MODEL, sources=[second_article_dir])
    before = read_manifest(index_dir)
    pointer = (index_dir / CURRENT_FILE).read_text()
    log = tmp_path / "stderr.txt"
    proc = _index_cli(["--source", str(_ant_folder(tmp_path, 60)), "--index-dir", str(index_dir)], log)
    deadline = time.monotonic() + 240
    while "embedding passages" not in log.read_text() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)  # well inside the embedding of ~500 passages
    assert proc.poll() is None, log.read_text()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (index_dir / CURRENT_FILE).read_text() == pointer
    _answers_as_before(index_dir, embeddings, before)


def test_a_full_disk_while_writing_leaves_the_index_as_it_was(tmp_path, second_article_dir, embeddings):
    index_dir = tmp_path / "index"
    update_store(index_dir, embeddings, MODEL, sources=[second_article_dir])
    before = read_manifest(index_dir)
    log = tmp_path / "stderr.txt"
    limit = 20_000  # bytes a file may grow to: the new index's files are bigger ("File too large")

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = _index_cli(["--source", str(BUNDLED_ARTICLES), "--index-dir", str(index_dir)], log, small_disk)
    assert proc.wait(timeout=300) == 2
    err = log.read_text()
    assert "Traceback" not in err and "previous index is unchanged" in err, err
    assert not [p for p in index_dir.iterdir() if p.name.startswith(".building-")]
    assert generation_dir(index_dir).name == "gen-000001"
    _answers_as_before(index_dir, embeddings, before)
