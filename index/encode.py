"""Embedding many passages at the model's own speed: each distinct text once, in length-sorted batches."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

# Measured on this project's 2-core machines (bench/encode_speed.py): with length-sorted batches,
# 16..64 texts a batch are within noise of each other; 32 is also the model's own default.
DEFAULT_BATCH_SIZE = 32


def encode_passages(embeddings: Embeddings, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE,
                    progress: Callable[[int], None] | None = None) -> np.ndarray:
    """Passage vectors for `texts`, shape (len(texts), d) float32, rows in the order of `texts`.

    Identical texts are embedded once; the distinct ones go to the model longest first, in batches of
    `batch_size`, so each batch pads to nearly its own length. `progress(n)` is called with the number
    of input texts (duplicates included) that each batch settles. Raises ValueError for batch_size < 1.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if not texts:
        return np.zeros((0, 0), dtype="float32")
    distinct: dict[str, int] = {}
    slot = np.fromiter((distinct.setdefault(t, len(distinct)) for t in texts), dtype=np.int64, count=len(texts))
    unique = list(distinct)
    copies = np.bincount(slot, minlength=len(unique))
    order = sorted(range(len(unique)), key=lambda i: -len(unique[i]))
    vectors: np.ndarray | None = None
    for start in range(0, len(order), batch_size):
        batch = order[start : start + batch_size]
        rows = np.asarray(embeddings.embed_documents([unique[i] for i in batch]), dtype="float32")
        if vectors is None:
            vectors = np.empty((len(unique), rows.shape[1]), dtype="float32")
        vectors[batch] = rows
        if progress is not None:
            progress(int(copies[batch].sum()))
    assert vectors is not None
    return vectors[slot]
