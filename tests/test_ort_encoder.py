"""Indexing's lean int8 encoder: sentence-transformers' vectors without importing it (real model)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from bot.settings import load_settings
from index.embeddings import create_embeddings, create_passage_embeddings, resolve_model_path
from index.onnx_int8 import int8_path
from index.ort_encoder import LeanInt8Embeddings, lean_int8_embeddings
from tests.conftest import ROOT, SECOND_ARTICLE

TEXTS = [
    "تأجل الاجتماع بين روبيو ولافروف قبل قمة بودابست.",
    "",  # an empty passage still gets a vector (the prefix's)
    "   مسافات في البداية والنهاية   ",
    "The summit was postponed, officials said on Tuesday.",
    "الرحمٰن ک ی \u200cهلق\u200d شو صار؟ ۱۲۳ ١٢٣ ﻻ",  # odd letters, joiners, digits, presentation forms
    " ".join(["قال المسؤولون إن الاقتصاد والتعليم والصحة تحسنت خلال العام الماضي"] * 80),  # > 512 tokens
    "a" * 3000,
]


@pytest.fixture(scope="module")
def encoders():
    settings = load_settings()
    args = (settings.embedding_model, settings.model_dir, settings.torch_threads, "onnx-int8")
    return create_embeddings(*args), create_passage_embeddings(*args)


def test_lean_vectors_equal_sentence_transformers_vectors(encoders):
    full, lean = encoders
    assert isinstance(lean, LeanInt8Embeddings)
    docs_full, docs_lean = np.asarray(full.embed_documents(TEXTS)), np.asarray(lean.embed_documents(TEXTS))
    assert docs_full.shape == docs_lean.shape == (len(TEXTS), 384)
    np.testing.assert_allclose(docs_lean, docs_full, atol=1e-5)
    for text in TEXTS[:4]:
        np.testing.assert_allclose(lean.embed_query(text), full.embed_query(text), atol=1e-5)
    many = TEXTS * 6  # more than one batch: batched as sentence-transformers batches them
    np.testing.assert_allclose(np.asarray(lean.embed_documents(many)), np.asarray(full.embed_documents(many)), atol=1e-5)


def test_only_the_pipeline_it_reproduces_is_run_lean(tmp_path):
    settings = load_settings()
    source = resolve_model_path(settings.embedding_model, settings.model_dir)
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    for name in ("modules.json", "sentence_bert_config.json", "tokenizer.json", "1_Pooling/config.json"):
        shutil.copy(f"{source}/{name}", folder / name)
    onnx_file = int8_path(source)
    assert lean_int8_embeddings(folder, onnx_file, 1, "query: ", "passage: ") is not None

    def variant(name, change):
        path = folder / name
        original = path.read_text(encoding="utf-8")
        try:
            change(path)
            return lean_int8_embeddings(folder, onnx_file, 1, "query: ", "passage: ")
        finally:
            path.write_text(original, encoding="utf-8")

    def cls_pooling(path):
        config = json.loads(path.read_text())
        config.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
        path.write_text(json.dumps(config))

    assert variant("1_Pooling/config.json", cls_pooling) is None
    assert variant("modules.json", lambda p: p.write_text(json.dumps(json.loads(p.read_text())[:2]))) is None
    assert variant("modules.json", lambda p: p.write_text("{not json")) is None
    assert variant("sentence_bert_config.json", lambda p: p.write_text('{"do_lower_case": true}')) is None
    assert lean_int8_embeddings(folder, tmp_path / "unchecked.onnx", 1, "", "") is None  # not exported/checked


def test_bot_index_adds_an_article_without_importing_torch_and_the_index_answers(tmp_path):
    """A new process adds an article with the lean encoder; the chat (sentence-transformers) answers from it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "bridge-hospital.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    index_dir = tmp_path / "index"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "LLM_PROVIDER": "none"}
    probe = ("import sys; from bot.cli import main; rc = main(sys.argv[1:]); "
             "print('heavy:', sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules), "
             "file=sys.stderr); sys.exit(rc)")
    for sources in (["--source", str(ROOT / "data" / "articles")],
                    ["--source", str(ROOT / "data" / "articles"), "--source", str(articles)]):
        result = subprocess.run([sys.executable, "-c", probe, "index", "--index-dir", str(index_dir), *sources],
                                capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        assert "heavy: []" in result.stderr
    assert "added 1, updated 0, removed 0, unchanged 1" in result.stderr
    for question, article in (("كم يبلغ طول الجسر؟", "bridge-hospital.txt"), ("من هي آنا كيلي؟", "rubio-lavrov.txt")):
        asked = subprocess.run([sys.executable, "-m", "bot", "ask", question, "--json", "--index-dir", str(index_dir)],
                               capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        record = json.loads(asked.stdout)
        assert record["found"], (question, record)
        assert record["sources"][0]["source"].startswith(article), record["sources"][0]
