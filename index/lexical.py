"""Sparse lexical index: BM25 (Okapi) scores and term incidence as precomputed scipy.sparse rows.

A query then costs a few sparse row reads (one per distinct query term), never a Python loop over
the documents, so its time grows with the number of matching postings, not with the archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

K1 = 1.5
B = 0.75
EPSILON = 0.25


class LexicalIndex:
    """BM25Okapi over tokenised documents, as a term x document CSR matrix of per-term scores.

    Scores equal rank-bm25's `BM25Okapi(corpus, k1, b, epsilon).get_scores(query)`: IDF
    log((N - df + 0.5) / (df + 0.5)), negative IDFs floored at `epsilon` x the mean IDF,
    a query term repeated n times counted n times, unknown terms scoring 0.
    """

    def __init__(self, tokenized: Sequence[Sequence[str]], k1: float = K1, b: float = B,
                 epsilon: float = EPSILON) -> None:
        """`tokenized`: one token list a document (must not be empty)."""
        if not tokenized:
            raise ValueError("a lexical index needs at least one document")
        self.vocabulary: dict[str, int] = {}
        rows: list[int] = []  # term id of each (term, document) posting
        cols: list[int] = []
        freqs: list[int] = []
        lengths = np.empty(len(tokenized), dtype=np.float64)
        for doc, tokens in enumerate(tokenized):
            lengths[doc] = len(tokens)
            for term, count in Counter(tokens).items():
                rows.append(self.vocabulary.setdefault(term, len(self.vocabulary)))
                cols.append(doc)
                freqs.append(count)
        n_docs, n_terms = len(tokenized), len(self.vocabulary)
        term_of = np.asarray(rows, dtype=np.int64)
        doc_of = np.asarray(cols, dtype=np.int64)
        tf = np.asarray(freqs, dtype=np.float64)
        self.n_docs = n_docs
        self.doc_freq = np.bincount(term_of, minlength=n_terms).astype(np.int64)
        self.bm25_idf = _okapi_idf(self.doc_freq, n_docs, epsilon)
        avgdl = lengths.sum() / n_docs
        weight = self.bm25_idf[term_of] * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[doc_of] / avgdl)))
        shape = (n_terms, n_docs)
        self.scores = sp.csr_matrix((weight, (term_of, doc_of)), shape=shape)
        self.scores.sort_indices()
        # Same postings, value 1: which documents hold a term (coverage, exclusion).
        self.incidence = sp.csr_matrix((np.ones_like(weight, dtype=np.int8), (term_of, doc_of)), shape=shape)
        self.incidence.sort_indices()

    def term_id(self, term: str) -> int | None:
        """The row of a term, or None if no document has it."""
        return self.vocabulary.get(term)

    def bm25(self, query: Iterable[str]) -> np.ndarray:
        """BM25 score of every document for the query tokens: shape (n_docs,), float64."""
        out = np.zeros(self.n_docs, dtype=np.float64)
        indptr, indices, data = self.scores.indptr, self.scores.indices, self.scores.data
        for term, count in Counter(query).items():
            row = self.vocabulary.get(term)
            if row is None:
                continue
            start, end = indptr[row], indptr[row + 1]
            out[indices[start:end]] += count * data[start:end]
        return out

    def documents_with(self, term: str) -> np.ndarray:
        """Sorted ids of the documents that hold a term (empty if none)."""
        row = self.vocabulary.get(term)
        if row is None:
            return np.empty(0, dtype=self.incidence.indices.dtype)
        return self.incidence.indices[self.incidence.indptr[row]:self.incidence.indptr[row + 1]]

    def in_any_but(self, term: str, excluded: np.ndarray) -> bool:
        """Whether a document outside `excluded` (sorted unique ids) holds the term."""
        docs = self.documents_with(term)
        if docs.size > excluded.size:
            return True
        return bool(docs.size) and not np.isin(docs, excluded, assume_unique=True).all()


def _okapi_idf(doc_freq: np.ndarray, n_docs: int, epsilon: float) -> np.ndarray:
    """rank-bm25's BM25Okapi IDF, with negative values set to epsilon x the mean IDF."""
    idf = np.log(n_docs - doc_freq + 0.5) - np.log(doc_freq + 0.5)
    if idf.size:
        floor = epsilon * (idf.sum() / idf.size)
        idf = np.where(idf < 0, floor, idf)
    return idf
