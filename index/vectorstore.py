"""A LangChain `VectorStore` over a flat FAISS inner-product index and our documents (no pickle)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import faiss
import numpy as np
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import VectorStore


class FlatVectorStore(VectorStore):
    """Exact cosine search over normalised vectors: `index` (a `faiss.IndexFlatIP`, row i is
    `documents[i]`) and `embedding_function` (the `Embeddings` that made them)."""

    def __init__(self, embedding: Embeddings, index: faiss.Index | None = None,
                 documents: list[Document] | None = None) -> None:
        self.embedding_function = embedding
        self.index = index
        self.documents: list[Document] = documents if documents is not None else []
        if index is not None and index.ntotal != len(self.documents):
            raise ValueError(f"{index.ntotal} vectors for {len(self.documents)} documents")

    @property
    def embeddings(self) -> Embeddings:
        """The embeddings queries are encoded with."""
        return self.embedding_function

    def add_vectors(self, vectors: np.ndarray, documents: list[Document]) -> list[str]:
        """Append (n, d) float32 vectors and their n documents; returns their ids (row numbers)."""
        vectors = np.ascontiguousarray(vectors, dtype="float32")
        if len(vectors) != len(documents):
            raise ValueError(f"{len(vectors)} vectors for {len(documents)} documents")
        if self.index is None:
            self.index = faiss.IndexFlatIP(vectors.shape[1])
        start = self.index.ntotal
        if len(vectors):
            self.index.add(vectors)
        self.documents.extend(documents)
        return [str(i) for i in range(start, start + len(documents))]

    def add_texts(self, texts: Iterable[str], metadatas: list[dict] | None = None, *,
                  ids: list[str] | None = None, **kwargs: Any) -> list[str]:
        """Embed texts as passages and append them; `ids` are not supported (rows are the ids)."""
        if ids is not None:
            raise ValueError("FlatVectorStore numbers its documents itself; ids are not supported")
        texts = list(texts)
        metadatas = metadatas or [{} for _ in texts]
        vectors = np.asarray(self.embedding_function.embed_documents(texts), dtype="float32")
        docs = [Document(page_content=t, metadata=dict(m)) for t, m in zip(texts, metadatas)]
        return self.add_vectors(vectors.reshape(len(texts), -1), docs)

    @classmethod
    def from_texts(cls, texts: list[str], embedding: Embeddings, metadatas: list[dict] | None = None,
                   **kwargs: Any) -> FlatVectorStore:
        """A new store holding the embedded texts."""
        store = cls(embedding)
        store.add_texts(texts, metadatas)
        return store

    def similarity_search_by_vector_with_score(self, vector: list[float] | np.ndarray, k: int = 4
                                               ) -> list[tuple[Document, float]]:
        """The k nearest documents to a vector with their inner products (cosines), best first."""
        if self.index is None or self.index.ntotal == 0:
            return []
        query = np.asarray([vector], dtype="float32")
        scores, rows = self.index.search(query, min(k, self.index.ntotal))
        return [(self.documents[r], float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]

    def similarity_search_with_score(self, query: str, k: int = 4, **kwargs: Any) -> list[tuple[Document, float]]:
        """The k nearest documents to a query with their cosines, best first."""
        return self.similarity_search_by_vector_with_score(self.embedding_function.embed_query(query), k)

    def similarity_search(self, query: str, k: int = 4, **kwargs: Any) -> list[Document]:
        """The k nearest documents to a query, best first."""
        return [doc for doc, _ in self.similarity_search_with_score(query, k)]

    def similarity_search_by_vector(self, embedding: list[float], k: int = 4, **kwargs: Any) -> list[Document]:
        """The k nearest documents to a vector, best first."""
        return [doc for doc, _ in self.similarity_search_by_vector_with_score(embedding, k)]

    def _select_relevance_score_fn(self):
        """Cosine in [-1, 1] mapped to a relevance in [0, 1]."""
        return lambda score: (score + 1.0) / 2.0
