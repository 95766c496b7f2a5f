"""Passage vectors from the checked int8 ONNX file without importing torch or sentence-transformers.

A small `python -m bot index` update (one new article: a few passages) spent about 7 of its 11 s
importing torch, transformers and sentence-transformers, on 2 cores. This encoder runs the pipeline
the model folder describes, for the int8 backend only: the folder's `tokenizer.json` (Hugging Face
`tokenizers`, what the fast tokenizer wraps), the int8 ONNX session (`index.onnx_int8`), mean pooling
over the attention mask, L2 normalisation. Its vectors equal those of
`create_embeddings(..., backend="onnx-int8")` (tests/test_ort_encoder.py checks them to 1e-5 on
short, long, truncated and odd texts); it is used only where the folder says exactly that pipeline
(`lean_int8_embeddings` returns None otherwise and the caller loads sentence-transformers).
Questions are always embedded through sentence-transformers (they need its token view).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Normalize"]


class LeanInt8Embeddings(Embeddings):
    """LangChain embeddings over a tokenizer file and an ONNX session that returns the last hidden
    state, shape (batch, tokens, hidden): mean-pooled over real tokens, unit length, float32 lists."""

    def __init__(self, tokenizer_file: Path, onnx_file: Path, max_length: int, threads: int = 2,
                 query_prefix: str = "", passage_prefix: str = "", batch_size: int = 32) -> None:
        from tokenizers import Tokenizer

        from index.onnx_int8 import int8_session

        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(max_length=max_length)
        padding = self.tokenizer.padding or {}
        self.tokenizer.enable_padding(pad_id=padding.get("pad_id", 1), pad_token=padding.get("pad_token", "<pad>"))
        self.session = int8_session(onnx_file, threads)
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix
        self.batch_size = batch_size
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of `texts` as given (prefixes included), shape (len(texts), hidden) float32.

        Batched as sentence-transformers batches (longest first, by characters): int8 activations are
        quantised per batch, so a vector depends slightly on its batch (cosine ≥ 0.99) and the same
        batches give the same vectors."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts])
        out = []
        for start in range(0, len(texts), self.batch_size):
            encodings = self.tokenizer.encode_batch([texts[i] for i in order[start : start + self.batch_size]])
            ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out.append(pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None))
        vectors = np.empty((len(texts), out[0].shape[1]), dtype=np.float32)
        vectors[order] = np.concatenate(out)
        return vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors, with the passage prefix."""
        return self.encode([self.passage_prefix + t for t in texts]).tolist()

    def embed_query(self, text: str) -> list[float]:
        """A query vector, with the query prefix."""
        return self.encode([self.query_prefix + text])[0].tolist()


def lean_int8_embeddings(model_path: Path, onnx_file: Path, threads: int, query_prefix: str,
                         passage_prefix: str) -> LeanInt8Embeddings | None:
    """The lean encoder for a sentence-transformers folder whose modules are exactly Transformer →
    mean Pooling (prompt included) → Normalize, with a tokenizer.json and a checked int8 file at
    `onnx_file`; None for any other folder (or an unreadable one)."""
    from index.onnx_int8 import checked_ok

    model_path = Path(model_path)
    try:
        modules = json.loads((model_path / "modules.json").read_text(encoding="utf-8"))
        if [m.get("type") for m in modules] != _MODULES:
            return None
        pooling = json.loads((model_path / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
        modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
        if modes != ["pooling_mode_mean_tokens"] or not pooling.get("include_prompt", True):
            return None
        config = json.loads((model_path / "sentence_bert_config.json").read_text(encoding="utf-8"))
        if config.get("do_lower_case") or not (model_path / "tokenizer.json").is_file():
            return None
        max_length = int(config["max_seq_length"])
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    if not checked_ok(onnx_file):
        return None
    return LeanInt8Embeddings(model_path / "tokenizer.json", onnx_file, max_length, threads,
                              query_prefix, passage_prefix)
