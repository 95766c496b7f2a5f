"""Passage encoding: distinct texts embedded once, longest first, rows back in input order (real model)."""

from __future__ import annotations

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from index.embeddings import embed_queries, encode_queries
from index.encode import encode_passages
from index.normalize import word_spans


class Recording(Embeddings):
    """The real embeddings, remembering every batch they were asked for."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.batches: list[list[str]] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def embeddings():
    from bot.settings import load_settings
    from index.embeddings import create_embeddings

    settings = load_settings()
    return create_embeddings(settings.embedding_model, settings.model_dir, settings.torch_threads)


TEXTS = [
    "تأجل الاجتماع بين روبيو ولافروف.",
    "قمة بودابست",
    "أعلن المعهد الوطني للإحصاء أن نسبة التضخم ارتفعت إلى 4ر6 بالمائة خلال شهر جانفي.",
    "قمة بودابست",  # a duplicate: embedded once
    "فاز الترجي على الإفريقي بهدفين مقابل هدف.",
    "تأجل الاجتماع بين روبيو ولافروف.",
]


@pytest.mark.slow
def test_distinct_texts_once_longest_first_in_input_order(embeddings):
    recording = Recording(embeddings)
    settled: list[int] = []
    vectors = encode_passages(recording, TEXTS, batch_size=2, progress=settled.append)
    sent = [t for batch in recording.batches for t in batch]
    assert sorted(sent) == sorted(set(TEXTS))  # each distinct text once
    assert [len(t) for t in sent] == sorted((len(t) for t in sent), reverse=True)
    assert all(len(b) <= 2 for b in recording.batches)
    assert sum(settled) == len(TEXTS)
    one_by_one = np.asarray([embeddings.embed_documents([t])[0] for t in TEXTS], dtype="float32")
    assert vectors.shape == one_by_one.shape and vectors.dtype == np.float32
    assert np.abs(vectors - one_by_one).max() < 1e-4
    assert np.array_equal(vectors[1], vectors[3]) and np.array_equal(vectors[0], vectors[5])


def test_no_texts_and_bad_batch_size(embeddings):
    assert encode_passages(embeddings, []).shape[0] == 0
    with pytest.raises(ValueError):
        encode_passages(embeddings, TEXTS, batch_size=0)


def test_query_vectors_come_with_the_question_words_in_context(embeddings):
    question = "كم راتب وزير الخارجية لافروف؟"
    encoded = encode_queries(embeddings, [question, "قمة بودابست " + question])
    assert np.allclose(encoded.vectors, embed_queries(embeddings, [question, "قمة بودابست " + question]), atol=1e-4)
    spans = word_spans(question)
    in_context = {w: encoded.span_vector(*spans[w]) for w in ("راتب", "لافروف")}
    alone = dict(zip(("راتب", "لافروف"), embed_queries(embeddings, ["راتب", "لافروف"])))
    for word, other in (("راتب", "لافروف"), ("لافروف", "راتب")):
        assert np.isclose(np.linalg.norm(in_context[word]), 1.0, atol=1e-4)
        assert in_context[word] @ alone[word] > in_context[word] @ alone[other]
    assert encoded.span_vector(len(question) + 5, len(question) + 9) is None  # no token there


def test_embeddings_that_show_no_tokens_still_give_query_vectors(embeddings):
    encoded = encode_queries(Recording(embeddings), ["قمة بودابست"])
    assert encoded.vectors.shape == (1, 384)
    assert encoded.span_vector(0, 3) is None
