"""The int8 ONNX encoder: close to fp32, used only when checked, recorded in the index (real model)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.settings import load_settings
from index.embeddings import ModelError, create_embeddings, model_identity, resolve_model_path
from index.onnx_int8 import CHECK_FILE, MIN_COSINE, checked_ok, int8_path

TEXTS = [
    "تأجل الاجتماع بين روبيو ولافروف قبل قمة بودابست.",
    "أعلن المعهد الوطني للإحصاء أن نسبة التضخم ارتفعت إلى 6.4 بالمائة خلال شهر جانفي.",
    "شكون اللي ربح الماتش البارح؟",
    "The summit was postponed, officials said.",
]


@pytest.fixture(scope="module")
def settings():
    return load_settings()


@pytest.fixture(scope="module")
def both(settings):
    args = (settings.embedding_model, settings.model_dir, settings.torch_threads)
    return create_embeddings(*args, backend="torch"), create_embeddings(*args, backend="onnx-int8")


def test_int8_vectors_stay_within_the_checked_cosine_of_fp32(both):
    fp32, int8 = both
    for embed in (lambda e: e.embed_documents(TEXTS), lambda e: [e.embed_query(t) for t in TEXTS]):
        a, b = np.asarray(embed(fp32)), np.asarray(embed(int8))
        assert a.shape == b.shape
        assert float((a * b).sum(axis=1).min()) >= MIN_COSINE
        assert not np.allclose(a, b)  # really another encoder, not the fp32 one again


def test_the_int8_encoder_ranks_like_fp32(both):
    fp32, int8 = both
    query = "لماذا تأجل اجتماع روبيو ولافروف؟"
    orders = [np.argsort(-(np.asarray(e.embed_documents(TEXTS)) @ np.asarray(e.embed_query(query)))) for e in both]
    assert orders[0][0] == orders[1][0] == 0


def test_an_index_records_which_encoder_built_it():
    assert model_identity("m", "torch") == "m"
    assert model_identity("m", "onnx-int8") != "m"
    with pytest.raises(ModelError, match="EMBEDDING_BACKEND"):
        create_embeddings("m", load_settings().model_dir, backend="tpu")


def test_an_unchecked_or_changed_file_is_not_trusted(settings, tmp_path):
    source = int8_path(resolve_model_path(settings.embedding_model, settings.model_dir))
    assert checked_ok(source)  # the fixture above made and checked it
    copy = tmp_path / "m-onnx" / source.name
    copy.parent.mkdir()
    shutil.copy(source, copy)
    assert not checked_ok(copy)  # no check beside it
    check = json.loads(source.with_name(CHECK_FILE).read_text())
    copy.with_name(CHECK_FILE).write_text(json.dumps({**check, "ok": False}))
    assert not checked_ok(copy)  # failed its check
    copy.with_name(CHECK_FILE).write_text(json.dumps({**check, "file_bytes": check["file_bytes"] + 1}))
    assert not checked_ok(copy)  # the file changed since
    copy.with_name(CHECK_FILE).write_text("{not json")
    assert not checked_ok(copy)
    copy.with_name(CHECK_FILE).write_text(json.dumps(check))
    assert checked_ok(copy)


def _telemetry_files_after(tmp_path, code: str) -> bool:
    """Whether a fresh interpreter running `code` leaves onnxruntime's telemetry files in its cache."""
    home = tmp_path / code.split()[1].replace(".", "_")
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / "cache"))
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).parents[1], timeout=120)
    return (home / "cache" / "Microsoft").exists()


def test_onnxruntime_is_loaded_with_its_telemetry_off(tmp_path):
    if not _telemetry_files_after(tmp_path, "import onnxruntime"):
        pytest.skip("this onnxruntime starts no telemetry client")
    assert not _telemetry_files_after(tmp_path, "import index.onnx_int8 as m; m._onnxruntime()")
