"""The on-disk store: FAISS's own index files, documents as JSON and a manifest, in generations
(`index/generations.py`); no pickle anywhere. Loading, staleness and the open-or-build entry point."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import faiss
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from index.articles import ARTICLE_SUFFIXES, SourceError, article_digest
from index.chunks import CHUNKER_VERSION
from index.generations import current_dir
from index.phrases import PHRASES_VERSION
from index.vectorstore import FlatVectorStore
from index.web import is_url

log = logging.getLogger(__name__)

INDEX_FILE = "faiss.index"
PARAGRAPH_INDEX_FILE = "paragraphs.faiss.index"
DOCS_FILE = "documents.json"
MANIFEST_FILE = "manifest.json"
FORMAT_VERSION = 3
LEGACY_FILES = (INDEX_FILE, PARAGRAPH_INDEX_FILE, DOCS_FILE, MANIFEST_FILE)


class StoreError(RuntimeError):
    """Base for store problems; messages are for the operator (English)."""


class ModelMismatch(StoreError):
    """The index was built with another embedding model."""


class CorruptIndex(StoreError):
    """The index folder is missing files or they cannot be read."""


@dataclass
class Store:
    """A loaded index: the LangChain vector store of sentences, the paragraph vectors, the documents
    (`vectorstore.documents`, row i of `vectorstore.index`) and the manifest."""

    vectorstore: FlatVectorStore
    paragraphs: faiss.Index  # one vector a paragraph; documents point at theirs by `paragraph_id`
    documents: list[Document]
    manifest: dict
    directory: Path  # the generation folder the files were read from or written to

    @property
    def articles(self) -> list[dict]:
        """Per-article metadata recorded in the manifest (title, source, path, file, date, passages…)."""
        return self.manifest["articles"]


ProgressFactory = Callable[[int, str], Callable[[int], None]]


def noop_progress(total: int, desc: str) -> Callable[[int], None]:
    """A progress factory that shows nothing."""
    return lambda n: None


_noop_progress = noop_progress


# The files a generation's manifest records a sha256 of: bytes damaged in place (the same size) still load,
# as vectors or passages that are not the ones embedded.
DATA_FILES = (INDEX_FILE, PARAGRAPH_INDEX_FILE, DOCS_FILE)


def write_generation(folder: Path, index: faiss.Index, paragraphs: faiss.Index, documents: list[Document],
                     manifest: dict) -> None:
    """Write a complete index into an empty folder; the manifest, with the sha256 of each data file
    (`manifest["files"]`), goes last."""
    faiss.write_index(index, str(folder / INDEX_FILE))
    faiss.write_index(paragraphs, str(folder / PARAGRAPH_INDEX_FILE))
    docs = [{"text": d.page_content, "metadata": {k: v for k, v in d.metadata.items() if k != "id"}}
            for d in documents]
    (folder / DOCS_FILE).write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    manifest["files"] = {name: _sha256(folder / name) for name in DATA_FILES}
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def _sha256(path: Path) -> str:
    """sha256 of a file, read in 1 MiB blocks (~1 GB/s: a 10,000-article index in under a second)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _check_files(folder: Path, manifest: dict) -> None:
    """`CorruptIndex` when a data file the manifest recorded is missing or not the one it recorded (indexes
    built before the manifest recorded them are not checked)."""
    files = manifest.get("files", {})
    if not isinstance(files, dict):
        raise CorruptIndex(f"unreadable index manifest in {folder}: its file checksums are not a mapping")
    for name, recorded in files.items():
        path = folder / str(name)
        if not path.is_file():
            raise CorruptIndex(f"index file {path} is missing")
        try:
            damaged = _sha256(path) != recorded
        except OSError as exc:
            raise CorruptIndex(f"index file {path} cannot be read: {exc}") from exc
        if damaged:
            raise CorruptIndex(f"{path} is truncated or damaged (not the sha256 recorded when it was written)")


def as_store(index: faiss.Index, paragraphs: faiss.Index, documents: list[Document], manifest: dict,
             embeddings: Embeddings, directory: Path) -> Store:
    """Wrap loaded or freshly built parts as a `Store`."""
    vectorstore = FlatVectorStore(embeddings, index, documents)
    return Store(vectorstore=vectorstore, paragraphs=paragraphs, documents=documents, manifest=manifest,
                 directory=Path(directory))


def generation_dir(index_dir: Path) -> Path:
    """The folder holding the current generation's files; `CorruptIndex` when there is none."""
    folder = current_dir(Path(index_dir), MANIFEST_FILE)
    if folder is None:
        raise CorruptIndex(f"no index manifest in {index_dir}")
    return folder


def read_manifest(index_dir: Path) -> dict:
    """The manifest of an index folder; `CorruptIndex` if it is missing or unreadable."""
    path = generation_dir(index_dir) / MANIFEST_FILE
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        for key in ("model", "dimension", "count", "roots", "articles", "chunker_version"):
            manifest[key]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptIndex(f"unreadable index manifest at {path}: {exc}") from exc
    return manifest


def base_model(identity: str) -> str:
    """The model of an index's model identity, without its encoder («m (onnx-int8)» → «m»)."""
    return identity.split(" (", 1)[0]


def check_model(manifest: dict, model_name: str, index_dir: Path) -> None:
    """Refuse an index built with another embedding model: its vectors mean nothing to this one."""
    if manifest["model"] != model_name:
        raise ModelMismatch(
            f"index at {index_dir} was built with model {manifest['model']!r}, but EMBEDDING_MODEL is "
            f"{model_name!r}; rebuild it with: python -m bot index --index-dir {index_dir}"
        )


_check_model = check_model


def load_store(index_dir: Path, embeddings: Embeddings, model_name: str, manifest: dict | None = None) -> Store:
    """Load the current generation (its manifest, if already read, may be passed);
    raise `ModelMismatch` or `CorruptIndex` with a clear message."""
    index_dir = Path(index_dir)
    manifest = manifest if manifest is not None else read_manifest(index_dir)
    check_model(manifest, model_name, index_dir)
    folder = generation_dir(index_dir)
    _check_files(folder, manifest)
    try:
        index = faiss.read_index(str(folder / INDEX_FILE))
        paragraphs = faiss.read_index(str(folder / PARAGRAPH_INDEX_FILE))
        raw_docs = json.loads((folder / DOCS_FILE).read_text(encoding="utf-8"))
        documents = [Document(page_content=d["text"], metadata=d["metadata"]) for d in raw_docs]
    except Exception as exc:  # faiss raises RuntimeError, JSON ValueError, files OSError
        raise CorruptIndex(f"index files in {folder} cannot be read: {_why_unreadable(exc)}") from exc
    if (index.ntotal != len(documents) or index.ntotal != manifest["count"] or index.d != manifest["dimension"]
            or paragraphs.ntotal != manifest.get("paragraphs") or paragraphs.d != index.d):
        raise CorruptIndex(
            f"index in {folder} is inconsistent: {index.ntotal} vectors, {len(documents)} documents, "
            f"manifest says {manifest['count']}"
        )
    return as_store(index, paragraphs, documents, manifest, embeddings, folder)


def _why_unreadable(exc: Exception) -> str:
    """One short line for the operator: FAISS's own message is a C++ assertion («Error in void
    faiss::read_xb_vector… 'ret == (size)' failed: read error in…»)."""
    if isinstance(exc, RuntimeError) and "faiss" in str(exc):
        return "a FAISS file is truncated or damaged"
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


def files_under(root: Path) -> list[Path]:
    """Article files under a folder (recursively, sorted), or the file itself; [] if it is gone."""
    root = Path(root).expanduser().resolve()  # links inside the folder are kept as they are named
    if root.is_dir():
        return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    return [root] if root.is_file() else []


def is_under(path: str, root: str) -> bool:
    """Whether a path is a root or lies inside it."""
    return path == root or path.startswith(root.rstrip("/") + "/")


def stale_reason(manifest: dict) -> str | None:
    """Why an index no longer matches its own sources, or None if it is current. URL sources are
    snapshots and never stale; roots that are gone keep their articles (never stale either)."""
    if manifest.get("chunker_version") != CHUNKER_VERSION or manifest.get("format") != FORMAT_VERSION:
        return "the index format or chunker changed"
    if manifest.get("phrases_version") != PHRASES_VERSION:
        return "its passages' typed phrases are not stored, or are of another version (no re-embedding)"
    excluded = set(manifest.get("excluded", []))
    recorded = {a["path"]: a["sha256"] for a in manifest["articles"] if a.get("kind") != "url"}
    recorded.update({s["path"]: s["sha256"] for s in manifest.get("skipped", [])})
    present_roots = [r for r in manifest["roots"] if Path(r).exists()]
    current = {str(p) for r in present_roots for p in files_under(Path(r))} - excluded
    expected = {p for p in recorded if any(is_under(p, r) for r in present_roots)}
    if current - expected:
        return "articles were added to its sources"
    if expected - current:
        return "articles were removed from its sources"
    for path in sorted(current):
        if article_digest(Path(path)) != recorded[path]:
            return f"{path} changed"
    return None


def build_store(
    sources: list[Path],
    index_dir: Path,
    embeddings: Embeddings,
    model_name: str,
    progress: ProgressFactory = noop_progress,
    batch_size: int = 256,
    notify: Callable[[str], None] = log.warning,
) -> Store:
    """Build the index afresh from exactly `sources` (files, folders, URLs), every article embedded;
    published atomically as a new generation."""
    from index.update import update_store

    store, _ = update_store(index_dir, embeddings, model_name, sources=list(sources), progress=progress,
                            notify=notify, replace=True, batch_size=batch_size)
    return store


def passage_sources(index_dir: Path) -> tuple[list[Path], list[str]]:
    """The article files an index's passages come from (`documents.json` of its current generation),
    as (those still on disk, those not: gone files and URLs); ([], []) when the passages are unreadable
    too. What an index whose manifest is lost can be rebuilt from."""
    folder = current_dir(Path(index_dir), MANIFEST_FILE)
    try:
        raw_docs = json.loads((folder / DOCS_FILE).read_text(encoding="utf-8")) if folder else []
        paths = list(dict.fromkeys(str(d["metadata"]["path"]) for d in raw_docs))
    except (OSError, ValueError, KeyError, TypeError):
        return [], []
    found = [Path(p) for p in paths if not is_url(p) and Path(p).is_file()]
    return found, [p for p in paths if Path(p) not in found]


def open_store(
    index_dir: Path,
    embeddings: Embeddings,
    model_name: str,
    default_sources: list[Path],
    progress: ProgressFactory = noop_progress,
    notify: Callable[[str], None] = log.warning,
) -> Store:
    """Load the index; build it from `default_sources` when missing or unreadable, bring it up to date
    from its own sources (incrementally) when stale, rebuild it from them when its files are corrupt."""
    from index.update import update_store

    index_dir = Path(index_dir)
    try:
        manifest = read_manifest(index_dir)
    except CorruptIndex as exc:
        recovered, lost = passage_sources(index_dir)
        if recovered:
            # The passages still say which articles the index held (a user's own archive, not the
            # default sources): those are rebuilt, and any that cannot be are named.
            notify(f"{exc}; rebuilding the index from the {len(recovered)} article file(s) its passages name"
                   + (f"; not found again: {', '.join(lost)}" if lost else ""))
            return build_store(recovered, index_dir, embeddings, model_name, progress, notify=notify)
        where = ", ".join(map(str, default_sources))
        if current_dir(index_dir, MANIFEST_FILE) is not None or (index_dir / INDEX_FILE).exists():
            notify(f"{exc}; rebuilding the index from {where}")
        else:
            notify(f"no index in {index_dir} yet; building it from {where}")
        return build_store(default_sources, index_dir, embeddings, model_name, progress, notify=notify)
    if manifest["model"] != model_name and base_model(manifest["model"]) == base_model(model_name):
        # The same model through another encoder (EMBEDDING_BACKEND changed): embed the articles again.
        notify(f"index in {index_dir} was embedded with {manifest['model']!r}; embedding it again with {model_name!r}")
        return update_store(index_dir, embeddings, model_name, progress=progress, notify=notify)[0]
    check_model(manifest, model_name, index_dir)
    reason = stale_reason(manifest)
    if reason:
        notify(f"index in {index_dir} is out of date ({reason}); updating it")
        try:
            return update_store(index_dir, embeddings, model_name, progress=progress, notify=notify)[0]
        except SourceError as exc:
            notify(f"cannot update ({exc}); using the index as it was built")
    try:
        return load_store(index_dir, embeddings, model_name, manifest)
    except CorruptIndex:
        # Rebuilt from its own sources; the update, finding the same damage, says so (once).
        return update_store(index_dir, embeddings, model_name, progress=progress, notify=notify)[0]
