"""Embedding throughput on this machine: `python -m bench.encode_speed [--articles N]`.

Prints passages/s for (1) the model's raw speed, sentence-transformers `encode` on the passages
sorted by length at batch sizes 16..128 (the ceiling); (2) the index build's old path (chunks of 256
in corpus order); (3) `index.encode.encode_passages` (distinct texts, length-sorted batches).
The passages are the sentences and titled paragraphs of the first N ANT articles, as indexing makes them.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from bot.settings import PROJECT_DIR, load_settings

ANT = PROJECT_DIR.parent / "shared" / "corpora" / "ant"


def corpus_passages(root: Path, n_articles: int) -> list[str]:
    """What a build encodes for the first `n_articles` articles under `root` (sorted paths): every
    passage, and each article's title (paragraph vectors are made from these, not encoded)."""
    from index.articles import SourceError, discover, load_article
    from index.chunks import article_documents, embedding_text

    sentences: list[str] = []
    titles: list[str] = []
    for path in discover([root])[:n_articles]:
        try:
            article = load_article(path)
        except SourceError:
            continue
        sentences.extend(embedding_text(d) for d in article_documents(article))
        titles.append(article.title)
    return sentences + titles


def rate(fn, n: int) -> float:
    """Passages per second of one call of `fn` over n passages."""
    started = time.perf_counter()
    fn()
    return n / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--root", type=Path, default=ANT)
    parser.add_argument("--batch-sizes", default="16,32,64,128")
    args = parser.parse_args()

    from sentence_transformers import SentenceTransformer

    from bot.service import settings_embeddings
    from index.embeddings import resolve_model_path
    from index.encode import encode_passages

    settings = load_settings()
    embeddings = settings_embeddings(settings)
    model = SentenceTransformer(resolve_model_path(settings.embedding_model, settings.model_dir), device="cpu")
    texts = corpus_passages(args.root, args.articles)
    ordered = sorted(texts, key=len, reverse=True)
    tokens = [len(model.tokenizer(t)["input_ids"]) for t in texts]
    print(f"{len(texts)} passages ({len(set(texts))} distinct) from {args.articles} articles; tokens "
          f"mean {np.mean(tokens):.0f}, max {max(tokens)}; torch threads {settings.torch_threads}")
    model.encode(ordered[:32], batch_size=32, prompt="passage: ")  # warm-up
    for bs in (int(b) for b in args.batch_sizes.split(",")):
        r = rate(lambda: model.encode(ordered, batch_size=bs, prompt="passage: ", normalize_embeddings=True),
                 len(texts))
        print(f"ceiling   sentence-transformers encode, length-sorted, batch {bs:>3}: {r:6.1f} passages/s")

    def old_path() -> None:
        for start in range(0, len(texts), 256):
            embeddings.embed_documents(texts[start:start + 256])

    print(f"old build path (chunks of 256 in corpus order):                  {rate(old_path, len(texts)):6.1f} passages/s")
    print(f"encode_passages (distinct texts, length-sorted batches of 32):   "
          f"{rate(lambda: encode_passages(embeddings, texts), len(texts)):6.1f} passages/s")


if __name__ == "__main__":
    main()
