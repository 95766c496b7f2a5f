"""The on-disk store: FAISS's own index file, documents as JSON and a manifest; no pickle anywhere."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import faiss
from langchain_community.docstore.in_memory import InMemoryDocstore
from langchain_community.vectorstores import FAISS
from langchain_community.vectorstores.utils import DistanceStrategy
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from index.articles import Article, SourceError, article_digest, discover, load_article
from index.encode import DEFAULT_BATCH_SIZE, encode_passages
from index.chunks import CHUNKER_VERSION, article_documents, embedding_text, paragraph_texts

log = logging.getLogger(__name__)

INDEX_FILE = "faiss.index"
PARAGRAPH_INDEX_FILE = "paragraphs.faiss.index"
DOCS_FILE = "documents.json"
MANIFEST_FILE = "manifest.json"
FORMAT_VERSION = 2


class StoreError(RuntimeError):
    """Base for store problems; messages are for the operator (English)."""


class ModelMismatch(StoreError):
    """The index was built with another embedding model."""


class CorruptIndex(StoreError):
    """The index folder is missing files or they cannot be read."""


@dataclass
class Store:
    """A loaded index: the LangChain FAISS vector store, its documents and its manifest."""

    vectorstore: FAISS
    paragraphs: faiss.Index  # one vector a paragraph; documents point at theirs by `paragraph_id`
    documents: list[Document]
    manifest: dict
    directory: Path

    @property
    def articles(self) -> list[dict]:
        """Per-article metadata recorded in the manifest."""
        return self.manifest["articles"]


ProgressFactory = Callable[[int, str], Callable[[int], None]]


def _noop_progress(total: int, desc: str) -> Callable[[int], None]:
    return lambda n: None


def build_store(
    sources: list[Path],
    index_dir: Path,
    embeddings: Embeddings,
    model_name: str,
    progress: ProgressFactory = _noop_progress,
    batch_size: int = DEFAULT_BATCH_SIZE,
    notify: Callable[[str], None] = log.warning,
) -> Store:
    """Read, split and embed the articles under `sources`, then write the store atomically."""
    roots = [Path(s).expanduser().resolve() for s in sources]
    paths = discover(roots)
    articles = load_articles(paths, notify)
    loaded = {a.path for a in articles}
    documents: list[Document] = []
    para_texts: list[str] = []
    for article in articles:
        documents.extend(article_documents(article, first_paragraph_id=len(para_texts)))
        para_texts.extend(paragraph_texts(article))
    texts = [embedding_text(doc) for doc in documents] + para_texts
    advance = progress(len(texts), "embedding passages")
    matrix = encode_passages(embeddings, texts, batch_size, advance)
    index = faiss.IndexFlatIP(matrix.shape[1])
    index.add(matrix[: len(documents)])
    paragraphs = faiss.IndexFlatIP(matrix.shape[1])
    paragraphs.add(matrix[len(documents) :])
    manifest = {
        "format": FORMAT_VERSION,
        "chunker_version": CHUNKER_VERSION,
        "model": model_name,
        "dimension": int(matrix.shape[1]),
        "count": len(documents),
        "paragraphs": len(para_texts),
        "roots": [str(r) for r in roots],
        "sources": [{"path": str(a.path), "sha256": a.sha256} for a in articles],
        # Unreadable files are remembered too, so that fixing one rebuilds the index.
        "skipped": [{"path": str(p), "sha256": article_digest(p)} for p in paths if p not in loaded],
        "articles": [
            {"title": a.title, "source": a.source, "path": str(a.path), "file": a.name, "examples": a.examples}
            for a in articles
        ],
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    _write_atomically(index_dir, index, paragraphs, documents, manifest)
    return _as_store(index, paragraphs, documents, manifest, embeddings, index_dir)


def load_articles(paths: list[Path], notify: Callable[[str], None] = log.warning) -> list[Article]:
    """Read every article; an unreadable or empty one among several is skipped with a note."""
    articles, problems = [], []
    for path in paths:
        try:
            articles.append(load_article(path))
        except SourceError as exc:
            problems.append(str(exc))
    if not articles:
        raise SourceError("no readable article: " + "; ".join(problems))
    for problem in problems:
        notify(f"skipped {problem}")
    return articles


def _write_atomically(index_dir: Path, index: faiss.Index, paragraphs: faiss.Index, documents: list[Document],
                      manifest: dict) -> None:
    index_dir = Path(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=index_dir.parent))
    try:
        faiss.write_index(index, str(tmp / INDEX_FILE))
        faiss.write_index(paragraphs, str(tmp / PARAGRAPH_INDEX_FILE))
        docs = [{"text": d.page_content, "metadata": d.metadata} for d in documents]
        (tmp / DOCS_FILE).write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        # The manifest goes last: its presence marks a complete index.
        (tmp / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        if index_dir.exists():
            old = index_dir.with_name(index_dir.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(index_dir, old)
            os.replace(tmp, index_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, index_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _as_store(index: faiss.Index, paragraphs: faiss.Index, documents: list[Document], manifest: dict,
              embeddings: Embeddings, directory: Path) -> Store:
    ids = [str(i) for i in range(len(documents))]
    vectorstore = FAISS(
        embedding_function=embeddings,
        index=index,
        docstore=InMemoryDocstore(dict(zip(ids, documents))),
        index_to_docstore_id=dict(enumerate(ids)),
        distance_strategy=DistanceStrategy.MAX_INNER_PRODUCT,
    )
    return Store(vectorstore=vectorstore, paragraphs=paragraphs, documents=documents, manifest=manifest,
                 directory=Path(directory))


def read_manifest(index_dir: Path) -> dict:
    """The manifest of an index folder; `CorruptIndex` if it is missing or unreadable."""
    path = Path(index_dir) / MANIFEST_FILE
    if not path.is_file():
        raise CorruptIndex(f"no index manifest at {path}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        for key in ("model", "dimension", "count", "sources", "roots", "articles", "chunker_version"):
            manifest[key]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptIndex(f"unreadable index manifest at {path}: {exc}") from exc
    return manifest


def _check_model(manifest: dict, model_name: str, index_dir: Path) -> None:
    """Refuse an index built with another embedding model: its vectors mean nothing to this one."""
    if manifest["model"] != model_name:
        raise ModelMismatch(
            f"index at {index_dir} was built with model {manifest['model']!r}, but EMBEDDING_MODEL is "
            f"{model_name!r}; rebuild it with: python -m bot index --index-dir {index_dir}"
        )


def load_store(index_dir: Path, embeddings: Embeddings, model_name: str, manifest: dict | None = None) -> Store:
    """Load a complete index (its manifest, if already read, may be passed);
    raise `ModelMismatch` or `CorruptIndex` with a clear message."""
    index_dir = Path(index_dir)
    manifest = manifest if manifest is not None else read_manifest(index_dir)
    _check_model(manifest, model_name, index_dir)
    try:
        index = faiss.read_index(str(index_dir / INDEX_FILE))
        paragraphs = faiss.read_index(str(index_dir / PARAGRAPH_INDEX_FILE))
        raw_docs = json.loads((index_dir / DOCS_FILE).read_text(encoding="utf-8"))
        documents = [Document(page_content=d["text"], metadata=d["metadata"]) for d in raw_docs]
    except Exception as exc:  # faiss raises RuntimeError, JSON ValueError, files OSError
        raise CorruptIndex(f"index files in {index_dir} cannot be read: {exc}") from exc
    if (index.ntotal != len(documents) or index.ntotal != manifest["count"] or index.d != manifest["dimension"]
            or paragraphs.ntotal != manifest.get("paragraphs") or paragraphs.d != index.d):
        raise CorruptIndex(
            f"index in {index_dir} is inconsistent: {index.ntotal} vectors, {len(documents)} documents, "
            f"manifest says {manifest['count']}"
        )
    return _as_store(index, paragraphs, documents, manifest, embeddings, index_dir)


def stale_reason(manifest: dict) -> str | None:
    """Why an index no longer matches its own sources, or None if it is current."""
    if manifest.get("chunker_version") != CHUNKER_VERSION or manifest.get("format") != FORMAT_VERSION:
        return "the index format or chunker changed"
    recorded = {s["path"]: s["sha256"] for s in manifest["sources"] + manifest.get("skipped", [])}
    try:
        current = [str(p) for p in discover([Path(r) for r in manifest["roots"]])]
    except SourceError as exc:
        return f"its sources changed ({exc})"
    if sorted(current) != sorted(recorded):
        return "articles were added to or removed from its sources"
    for path, digest in recorded.items():
        if article_digest(Path(path)) != digest:
            return f"{path} changed"
    return None


def open_store(
    index_dir: Path,
    embeddings: Embeddings,
    model_name: str,
    default_sources: list[Path],
    progress: ProgressFactory = _noop_progress,
    notify: Callable[[str], None] = log.warning,
) -> Store:
    """Load the index, building or rebuilding it from its own sources when missing, corrupt or stale."""
    index_dir = Path(index_dir)
    sources = default_sources
    try:
        manifest = read_manifest(index_dir)
    except CorruptIndex as exc:
        if (index_dir / MANIFEST_FILE).exists() or (index_dir / INDEX_FILE).exists():
            notify(f"{exc}; rebuilding the index from {', '.join(map(str, sources))}")
        else:
            notify(f"no index in {index_dir} yet; building it from {', '.join(map(str, sources))}")
        return build_store(sources, index_dir, embeddings, model_name, progress, notify=notify)
    sources = [Path(r) for r in manifest["roots"]]
    _check_model(manifest, model_name, index_dir)
    reason = stale_reason(manifest)
    if reason:
        notify(f"index in {index_dir} is out of date ({reason}); rebuilding")
        try:
            return build_store(sources, index_dir, embeddings, model_name, progress, notify=notify)
        except SourceError as exc:
            notify(f"cannot rebuild ({exc}); using the index as it was built")
    try:
        return load_store(index_dir, embeddings, model_name, manifest)
    except CorruptIndex as exc:
        notify(f"{exc}; rebuilding the index from its sources")
        return build_store(sources, index_dir, embeddings, model_name, progress, notify=notify)
