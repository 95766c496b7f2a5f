"""The on-disk store: manifest, staleness, corrupt and mismatched indexes (real model, real FAISS)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.settings import BUNDLED_ARTICLES
from index.articles import SourceError, discover, load_article
from index.store import (
    DOCS_FILE,
    INDEX_FILE,
    MANIFEST_FILE,
    ModelMismatch,
    generation_dir,
    open_store,
    read_manifest,
    stale_reason,
)

MODEL = "intfloat/multilingual-e5-small"


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
    return folder


def notes() -> tuple[list[str], callable]:
    seen: list[str] = []
    return seen, seen.append


def test_bundled_article_loads_with_metadata_and_without_furniture():
    article = load_article(BUNDLED_ARTICLES / "rubio-lavrov.txt")
    assert article.source == "CNN بالعربية"
    text = " ".join(s for p in article.sentences for s in p)
    assert "(CNN)" not in text and "قد يهمك" not in text and "أخبار متعلقة" not in text
    assert text.startswith("قد تتعثر آمال")


def test_markdown_title_and_missing_sources(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# عنوان المقالة\n\nجملة **أولى**. جملة ثانية.\n", encoding="utf-8")
    article = load_article(md)
    assert article.title == "عنوان المقالة"
    assert article.sentences == [["جملة أولى.", "جملة ثانية."]]
    with pytest.raises(SourceError, match="no such file"):
        discover([tmp_path / "missing"])
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    with pytest.raises(SourceError, match="not an article file"):
        discover([tmp_path / "b.pdf"])
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(SourceError, match="binary"):
        load_article(tmp_path / "bin.txt")


def test_manifest_records_model_sources_and_chunks(tmp_path, articles, embeddings):
    store = open_store(tmp_path / "index", embeddings, MODEL, [articles], notify=lambda m: None)
    manifest = read_manifest(tmp_path / "index")
    assert manifest["model"] == MODEL and manifest["dimension"] == 384
    assert manifest["count"] == len(store.documents) == 6
    assert [Path(s["path"]).name for s in manifest["sources"]] == ["bridge-hospital.txt"]
    assert len(manifest["sources"][0]["sha256"]) == 64
    refs = [d.metadata["ref"] for d in store.documents]
    assert refs[0] == "bridge-hospital.txt#1.1" and refs[-1] == "bridge-hospital.txt#6.1"
    assert store.documents[0].metadata["article"] == "افتتاح جسر طرابلس ومستشفى صيدا"
    assert stale_reason(manifest) is None


def test_changed_or_added_source_rebuilds(tmp_path, articles, embeddings):
    index_dir = tmp_path / "index"
    open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    path = articles / "bridge-hospital.txt"
    path.write_text("جملة جديدة عن الجسر.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert "changed" in stale_reason(read_manifest(index_dir))
    seen, notify = notes()
    store = open_store(index_dir, embeddings, MODEL, [BUNDLED_ARTICLES], notify=notify)
    assert any("out of date" in n for n in seen)
    # It rebuilt from its own sources, not from the default ones it was given.
    assert store.documents[0].page_content == "جملة جديدة عن الجسر."
    (articles / "other.txt").write_text("مقالة أخرى قصيرة.", encoding="utf-8")
    assert "added" in stale_reason(read_manifest(index_dir))


@pytest.mark.parametrize("damage", ["truncate-faiss", "garbage-manifest", "drop-docs", "drop-faiss", "empty-dir",
                                    "overwrite-faiss", "overwrite-paragraphs", "overwrite-docs", "garbage-checksums"])
def test_corrupt_index_is_rebuilt_with_a_message(tmp_path, articles, embeddings, damage):
    index_dir = tmp_path / "index"
    open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    folder = generation_dir(index_dir)
    if damage == "truncate-faiss":
        data = (folder / INDEX_FILE).read_bytes()
        (folder / INDEX_FILE).write_bytes(data[: len(data) // 3])
    elif damage == "garbage-manifest":
        (folder / MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    elif damage == "drop-docs":
        (folder / DOCS_FILE).unlink()
    elif damage == "drop-faiss":  # a deleted FAISS file is said to be missing, not damaged (a newcomer's)
        (folder / INDEX_FILE).unlink()
    elif damage == "garbage-checksums":  # valid JSON, but not the mapping of file names to sha256 it should be
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        manifest["files"] = ["faiss.index"]
        (folder / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    elif damage.startswith("overwrite"):  # bytes damaged in place, the size kept: FAISS still reads it (a newcomer's)
        path = folder / {"faiss": INDEX_FILE, "paragraphs": "paragraphs.faiss.index", "docs": DOCS_FILE}[damage[10:]]
        data = bytearray(path.read_bytes())
        middle = len(data) // 2
        if damage == "overwrite-docs":  # still valid JSON: one letter of a passage changed for another
            at = data.index("ا".encode(), middle)
            data[at:at + 2] = "ب".encode()
        else:
            data[middle:middle + 16] = b"\x7f" * 16
        path.write_bytes(bytes(data))
    else:
        for f in folder.iterdir():
            f.unlink()
    seen, notify = notes()
    store = open_store(index_dir, embeddings, MODEL, [articles], notify=notify)
    assert len(store.documents) == 6
    assert seen, "a rebuild must be announced"
    assert read_manifest(index_dir)["count"] == 6
    if damage.startswith("drop"):
        assert any("missing" in m for m in seen), seen


def test_an_index_whose_manifest_is_lost_is_rebuilt_from_its_own_articles_not_the_default_ones(
        tmp_path, articles, embeddings):
    """A user's archive (`--index-dir`) with a garbled manifest keeps its articles: their files are named
    by the passages; the default sources (the bundled article) would silently replace them."""
    index_dir = tmp_path / "index"
    open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    (generation_dir(index_dir) / MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    elsewhere = tmp_path / "default"
    elsewhere.mkdir()
    (elsewhere / "other.txt").write_text("مقالة أخرى لا علاقة لها بالجسر.", encoding="utf-8")
    seen, notify = notes()
    store = open_store(index_dir, embeddings, MODEL, [elsewhere], notify=notify)
    assert {Path(d.metadata["path"]).name for d in store.documents} == {"bridge-hospital.txt"}
    assert any("its passages name" in m for m in seen), seen


def test_index_of_another_model_is_refused(tmp_path, articles, embeddings):
    index_dir = tmp_path / "index"
    open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    path = generation_dir(index_dir) / MANIFEST_FILE
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["model"] = "some/other-model"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelMismatch, match="some/other-model"):
        open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)


def test_index_of_the_same_model_through_another_encoder_is_embedded_again(tmp_path, articles, embeddings):
    index_dir = tmp_path / "index"
    open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    other = f"{MODEL} (onnx-int8)"  # what EMBEDDING_BACKEND=onnx-int8 records
    seen, notify = notes()
    store = open_store(index_dir, embeddings, other, [articles], notify=notify)
    assert read_manifest(index_dir)["model"] == other and len(store.documents) == 6
    assert any("again" in m for m in seen)


def test_store_has_no_pickles(tmp_path, articles, embeddings):
    index_dir = tmp_path / "index"
    open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    assert sorted(p.name for p in generation_dir(index_dir).iterdir()) == sorted(
        [INDEX_FILE, DOCS_FILE, MANIFEST_FILE, "paragraphs.faiss.index"]
    )
    assert not list(index_dir.rglob("*.pkl")) and not list(index_dir.rglob("*.pickle"))


def test_query_and_passage_vectors_differ(embeddings):
    import numpy as np

    text = "أين ستعقد القمة؟"
    q = np.array(embeddings.embed_query(text))
    p = np.array(embeddings.embed_documents([text])[0])
    assert abs(np.linalg.norm(q) - 1) < 1e-3
    assert float(q @ p) < 0.999


def test_a_bad_file_among_several_is_skipped_with_a_note(tmp_path, articles, embeddings):
    (articles / "empty.txt").write_text("   \n", encoding="utf-8")
    (articles / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    seen, notify = notes()
    store = open_store(tmp_path / "index", embeddings, MODEL, [articles], notify=notify)
    assert len(store.articles) == 1
    skipped = [n for n in seen if n.startswith("skipped")]
    assert len(skipped) == 2 and any("not UTF-8" in n for n in skipped) and any("no text" in n for n in skipped)
    assert stale_reason(read_manifest(tmp_path / "index")) is None  # skipped files do not make it stale
    (articles / "empty.txt").write_text("جملة عربية جديدة.", encoding="utf-8")
    assert "empty.txt changed" in stale_reason(read_manifest(tmp_path / "index"))
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(SourceError, match="no readable article"):
        open_store(tmp_path / "index2", embeddings, MODEL, [only_bad], notify=notify)


def test_typed_phrases_are_stored_with_the_documents(tmp_path, articles, embeddings):
    """Each passage's typed phrases are found when the index is built and read back as they were found."""
    from index.phrases import PHRASES_VERSION, typed_spans
    from index.retriever import HybridRetriever

    store = open_store(tmp_path / "index", embeddings, MODEL, [articles], notify=lambda m: None)
    assert read_manifest(tmp_path / "index")["phrases_version"] == PHRASES_VERSION
    saved = json.loads((generation_dir(tmp_path / "index") / DOCS_FILE).read_text(encoding="utf-8"))
    retriever = HybridRetriever(store=store)
    for i, (doc, row) in enumerate(zip(store.documents, saved)):
        assert row["metadata"]["phrases"] == [[p.kind, p.start, p.end] for p in typed_spans(doc.page_content)]
        assert retriever.phrases(i) == typed_spans(doc.page_content)
    assert sum(len(row["metadata"]["phrases"]) for row in saved) >= 5  # dates, counts, names, places
    # A window's phrases are its sentences' own, at their place in the window's text.
    for i in range(len(store.documents)):
        window = retriever.window_text(i)
        assert all(window[p.start:p.end] == p.text for p in retriever.window_phrases(i))


@pytest.mark.parametrize("stored", ["none", "other-version"])
def test_an_index_without_current_phrases_gets_them_without_re_embedding(tmp_path, articles, embeddings, stored):
    """An index built before phrases were stored (or by another version of `typed_spans`) is brought up
    to date on opening: phrases found again, not one passage embedded again, the vectors kept."""
    import numpy as np

    from index.retriever import index_vectors
    from index.update import update_store

    index_dir = tmp_path / "index"
    before = open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    vectors = np.array(index_vectors(before.vectorstore.index))
    folder = generation_dir(index_dir)
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    docs = json.loads((folder / DOCS_FILE).read_text(encoding="utf-8"))
    del manifest["files"]  # built before manifests recorded their files' sha256, as before phrases were stored
    if stored == "none":
        del manifest["phrases_version"]
        for row in docs:
            del row["metadata"]["phrases"]
    else:
        manifest["phrases_version"] = -1
        for row in docs:
            row["metadata"]["phrases"] = [["money", 0, 1]]  # what an old extractor might have found
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    (folder / DOCS_FILE).write_text(json.dumps(docs), encoding="utf-8")
    assert "typed phrases" in stale_reason(read_manifest(index_dir))  # so open_store updates it
    after, summary = update_store(index_dir, embeddings, MODEL, notify=lambda m: None)
    assert summary.embedded == 0 and len(summary.unchanged) == 1
    assert np.array_equal(np.array(index_vectors(after.vectorstore.index)), vectors)
    assert [d.metadata["phrases"] for d in after.documents] == [d.metadata["phrases"] for d in before.documents]
    assert stale_reason(read_manifest(index_dir)) is None


def test_damaged_stored_phrases_are_found_again(tmp_path, articles, embeddings):
    """A documents.json whose phrases were edited into nonsense still answers from the right phrases."""
    from index.phrases import typed_spans
    from index.retriever import HybridRetriever

    index_dir = tmp_path / "index"
    open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    path = generation_dir(index_dir) / DOCS_FILE
    docs = json.loads(path.read_text(encoding="utf-8"))
    for row, damage in zip(docs, [None, "x", [["date", "a", 3]], [["date", 1]], 7, [None]]):
        row["metadata"]["phrases"] = damage
    path.write_text(json.dumps(docs), encoding="utf-8")
    # An index written before manifests recorded their files' sha256 (a damaged file of a newer one is rebuilt).
    manifest_path = generation_dir(index_dir) / MANIFEST_FILE
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["files"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    store = open_store(index_dir, embeddings, MODEL, [articles], notify=lambda m: None)
    retriever = HybridRetriever(store=store)
    assert [retriever.phrases(i) for i in range(len(store.documents))] == [
        typed_spans(d.page_content) for d in store.documents]
