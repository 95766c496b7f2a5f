"""Query time of the retriever against archive size, without the model: `python -m bench.retrieval_scale`.

For each size, the first N ANT articles (sorted paths) are read and split as indexing does, but their
vectors are random unit vectors (no embedding: this measures everything a query costs besides embedding
it, which does not depend on the archive). 30 questions (the first 80 characters of spread-out sentences)
are searched with k=20 as the answering chain does; each query's vector is computed once beforehand.
Prints the retriever's set-up time and search p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from bot.settings import PROJECT_DIR

ANT = PROJECT_DIR.parent / "shared" / "corpora" / "ant"


def synthetic_store(n_articles: int, root: Path = ANT, seed: int = 0):
    """A Store over real article text with random unit vectors (flat FAISS indexes)."""
    import faiss

    from index.articles import SourceError, discover, load_article
    from index.chunks import article_documents
    from index.store import as_store

    documents, n_paragraphs = [], 0
    for path in discover([root])[:n_articles]:
        try:
            article = load_article(path)
        except SourceError:
            continue
        documents.extend(article_documents(article, first_paragraph_id=n_paragraphs))
        n_paragraphs += len(article.sentences)
    rng = np.random.default_rng(seed)

    def flat(n: int) -> faiss.Index:
        vectors = rng.standard_normal((n, 384)).astype("float32")
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        index = faiss.IndexFlatIP(384)
        index.add(vectors)
        return index

    return documents, lambda embeddings: as_store(flat(len(documents)), flat(n_paragraphs), documents, {},
                                                   embeddings, Path("."))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,300,1000,10126")
    args = parser.parse_args()

    from bot.settings import load_settings
    from bot.service import settings_embeddings
    from index.retriever import HybridRetriever

    settings = load_settings()
    embeddings = settings_embeddings(settings)
    vectors: dict[str, np.ndarray] = {}

    class CachedQueries(HybridRetriever):
        """The retriever with each query's vector computed once (the model is not what is measured)."""

        def embed_query(self, text: str) -> np.ndarray:
            if text not in vectors:
                vectors[text] = super().embed_query(text)
            return vectors[text]

    print(f"{'articles':>8} {'sentences':>9} {'set-up s':>8} {'search p50 ms':>13} {'p95 ms':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        documents, make = synthetic_store(size)
        store = make(embeddings)
        started = time.perf_counter()
        retriever = CachedQueries(store=store, k=20)
        setup = time.perf_counter() - started
        questions = [d.page_content[:80] for d in documents[:: max(1, len(documents) // 30)]][:30]
        for q in questions:  # vectors computed, caches warm
            retriever.search(q, k=20)
        times = []
        for q in questions:
            started = time.perf_counter()
            retriever.search(q, k=20)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{size:>8} {len(documents):>9} {setup:>8.2f} {np.percentile(times, 50):>13.2f} "
              f"{np.percentile(times, 95):>7.2f}", flush=True)


if __name__ == "__main__":
    main()
