"""Incremental index updates: only new or changed articles are embedded, the vectors of the others
are copied from the current generation (`reconstruct_n`), and the result is published as a new one."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from index.articles import ARTICLE_SUFFIXES, Article, SourceError, article_digest, article_from_text, load_article
from index.chunks import CHUNKER_VERSION, TITLE_WEIGHT, article_documents, embedding_text
from index.normalize import fold_digits
from index.phrases import PHRASES_VERSION, typed_spans
from index.generations import SNAPSHOT_DIR, clean_up, locked, new_build_dir, publish
from index.store import (
    FORMAT_VERSION,
    LEGACY_FILES,
    CorruptIndex,
    ProgressFactory,
    Store,
    StoreError,
    as_store,
    files_under,
    is_under,
    load_store,
    noop_progress,
    read_manifest,
    write_generation,
)
from index.summary import ArticleChange, UpdateSummary
from index.encode import encode_passages
from index.web import FetchLimits, WebPage, is_url, read_url, url_label

log = logging.getLogger(__name__)


@dataclass
class _Item:
    """One article of the new index: reused from the old one (`old`) or to be embedded (`article`)."""

    record: dict  # its manifest entry
    article: Article | None = None
    old: int | None = None  # its position among the old generation's articles


def embed_passages(texts: list[str], embeddings: Embeddings, progress: ProgressFactory = noop_progress,
                   batch_size: int = 256) -> np.ndarray | None:
    """Passage vectors, (len(texts), d) float32, in batches with progress; None for no texts."""
    if not texts:
        return None
    prepare = getattr(embeddings, "prepare", None)  # a lazily loaded model loads before the bar starts
    if callable(prepare):
        prepare()
    advance = progress(len(texts), "embedding passages")
    # Identical texts once, longest first across the whole build (index/encode.py).
    return encode_passages(embeddings, texts, batch_size, advance)


def _record(article: Article, snapshot: str | None = None) -> dict:
    return {
        "title": article.title,
        "source": article.source,
        "path": article.ident,
        "file": article.name,
        "kind": article.kind,
        "date": article.date,
        "author": article.author,
        "examples": article.examples,
        "sha256": article.sha256,
        "passages": len(article_documents(article)),  # a long sentence may be several passages
        "paragraphs": len(article.sentences),
        "snapshot": snapshot,
    }


def _change(record: dict) -> ArticleChange:
    return ArticleChange(title=record["title"], key=record["path"], passages=int(record.get("passages", 0)))


def page_digest(page: WebPage) -> str:
    """Content hash of an extracted page: its text and metadata."""
    blob = json.dumps({"text": page.text, **page.metadata()}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _page_article(page: WebPage, snapshot_txt: Path, digest: str) -> Article:
    url = page.url or ""
    meta = {k: v for k, v in page.metadata().items() if v}
    return article_from_text(page.text, snapshot_txt, meta, sha256=digest, key=url, label=url_label(url), kind="url")


def save_snapshot(index_dir: Path, page: WebPage) -> tuple[str, Path]:
    """Store an extracted page beside the index (`sources/<sha>.txt` and `.json`); returns (sha, txt path)."""
    digest = page_digest(page)
    folder = Path(index_dir) / SNAPSHOT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    txt = folder / f"{digest}.txt"
    if not txt.exists():
        (folder / f"{digest}.json").write_text(json.dumps(page.metadata(), ensure_ascii=False), encoding="utf-8")
        tmp = folder / f"{digest}.txt.tmp"
        tmp.write_text(page.text, encoding="utf-8")
        tmp.replace(txt)
    return digest, txt


def load_snapshot(index_dir: Path, record: dict) -> Article:
    """The article of a URL source from its stored snapshot (no network)."""
    folder = Path(index_dir) / SNAPSHOT_DIR
    digest = record["sha256"]
    try:
        text = (folder / f"{digest}.txt").read_text(encoding="utf-8")
        meta = json.loads((folder / f"{digest}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(f"{record['path']}: its stored copy is missing ({exc}); name the URL again") from exc
    page = WebPage(text=text, **{k: meta.get(k) for k in ("title", "date", "author", "site", "url")})
    return _page_article(page, folder / f"{digest}.txt", digest)


def _old_state(index_dir: Path, embeddings: Embeddings, model_name: str, notify: Callable[[str], None]
               ) -> tuple[dict | None, Store | None]:
    """The current manifest (None if unreadable) and the loaded store when its vectors can be reused."""
    try:
        manifest = read_manifest(index_dir)
    except CorruptIndex:
        return None, None
    if manifest.get("format") != FORMAT_VERSION or manifest.get("chunker_version") != CHUNKER_VERSION:
        notify("the index format or chunker changed; every article is embedded again")
        return manifest, None
    if manifest["model"] != model_name:
        notify(f"the index was built with model {manifest['model']!r}; every article is embedded again "
               f"with {model_name!r}")
        return manifest, None
    try:
        return manifest, load_store(index_dir, embeddings, model_name, manifest)
    except CorruptIndex as exc:
        notify(f"{exc}; rebuilding the index: every article is embedded again")
        return manifest, None


def _matches(key: str, record: dict) -> bool:
    if key in (record["path"], record.get("file")):
        return True
    if is_url(key) or record.get("kind") == "url":
        return False
    resolved = str(Path(key).expanduser().resolve())
    return is_under(record["path"], resolved) or Path(record["path"]).name == key


def update_store(
    index_dir: Path,
    embeddings: Embeddings,
    model_name: str,
    sources: Sequence[str | Path] = (),
    remove: Sequence[str] = (),
    progress: ProgressFactory = noop_progress,
    notify: Callable[[str], None] = log.warning,
    limits: FetchLimits = FetchLimits(),
    replace: bool = False,
    batch_size: int = 256,
) -> tuple[Store, UpdateSummary]:
    """Add `sources` (files, folders, http(s) URLs) to the index, drop `remove`d articles (by path, URL,
    file name or folder), and bring every recorded folder up to date: new or changed articles are
    embedded, those whose files are gone from a folder that is still there are dropped, the rest keep
    their vectors. With `replace`, the index holds exactly `sources`, all embedded afresh.

    Each unusable source is one line passed to `notify` (and kept in the summary's `problems`);
    `SourceError` naming them all, and nothing changed, when the index would hold no article. The new generation is published atomically.
    """
    started = time.perf_counter()
    index_dir = Path(index_dir)
    summary = UpdateSummary()

    def problem(message: str) -> None:  # told once the index is known not to be empty
        summary.problems.append(message)

    def note(message: str) -> None:  # an article read with a warning: told now and kept for the caller
        summary.notes.append(message)
        notify(message)

    with locked(index_dir):
        manifest, old = (None, None) if replace else _old_state(index_dir, embeddings, model_name, notify)
        old_records: list[dict] = list(manifest["articles"]) if manifest else []
        roots: list[str] = list(manifest["roots"]) if manifest else []
        excluded: set[str] = set(manifest.get("excluded", [])) if manifest else set()
        old_skipped = {s["path"]: s["sha256"] for s in manifest.get("skipped", [])} if manifest else {}
        dropped: set[int] = set()

        for key in remove:
            hits = [i for i, r in enumerate(old_records) if i not in dropped and _matches(str(key), r)]
            names = {old_records[i]["path"] for i in hits}
            if not hits:
                raise SourceError(f"{key}: no such article in the index (see python -m bot index --list)")
            if len(hits) > 1 and all(str(key) == old_records[i].get("file") for i in hits):
                raise SourceError(f"{key}: names {len(hits)} articles ({', '.join(sorted(names))}); give its path")
            resolved = str(Path(str(key)).expanduser().resolve()) if not is_url(str(key)) else str(key)
            roots = [r for r in roots if not is_under(r, resolved) and r not in names]
            for i in hits:
                dropped.add(i)
                path = old_records[i]["path"]
                if any(is_under(path, r) for r in roots):
                    excluded.add(path)  # still inside a folder we index: do not pick it up again

        urls: list[str] = []
        for source in sources:
            if is_url(str(source)):
                urls.append(str(source))
                continue
            path = Path(source).expanduser()
            if not path.exists():
                problem(f"{path}: no such file or folder")
            elif path.is_file() and path.suffix.lower() not in ARTICLE_SUFFIXES:
                problem(f"{path}: not an article file (expected .txt, .md, .html or .htm)")
            else:
                root = str(path.resolve())
                if root not in roots:
                    roots.append(root)
                excluded = {e for e in excluded if not is_under(e, root)}  # naming it again brings it back
                if not files_under(path):
                    problem(f"{path}: no .txt, .md or .html articles in it")

        present = [r for r in roots if Path(r).exists()]
        for root in roots:
            if root not in present:
                notify(f"{root} is gone; its articles stay as indexed (python -m bot index --remove {root} drops them)")
        files = list(dict.fromkeys(str(p) for r in present for p in files_under(Path(r))))
        files = [f for f in files if f not in excluded]
        position = {r["path"]: i for i, r in enumerate(old_records) if i not in dropped}
        reusable = old is not None

        items: dict[int, _Item] = {}  # by old position
        new_items: list[_Item] = []
        skipped: list[dict] = []
        seen: set[str] = set()

        def load_file(path: str) -> Article | None:
            try:
                return load_article(Path(path), note)
            except SourceError as exc:
                problem(str(exc))
                skipped.append({"path": path, "sha256": article_digest(Path(path))})
                return None

        for path in files:
            seen.add(path)
            i = position.get(path)
            if i is not None and reusable and old_records[i]["sha256"] == article_digest(Path(path)):
                items[i] = _Item(record=old_records[i], old=i)
                continue
            if i is None and old_skipped.get(path) == article_digest(Path(path)):
                pass  # still unreadable as before: tried again below, noted again
            article = load_file(path)
            if article is None:
                if i is not None:
                    dropped.add(i)
                continue
            if i is not None:
                items[i] = _Item(record=_record(article), article=article)
            else:
                new_items.append(_Item(record=_record(article), article=article))

        for url in dict.fromkeys(urls):
            try:
                page = read_url(url, limits)
            except SourceError as exc:
                problem(str(exc))
                continue
            digest, txt = save_snapshot(index_dir, page)
            i = position.get(url)
            seen.add(url)
            if i is not None and reusable and old_records[i]["sha256"] == digest:
                items[i] = _Item(record=old_records[i], old=i)
                continue
            try:
                article = _page_article(page, txt, digest)
            except SourceError as exc:
                problem(str(exc))
                continue
            item = _Item(record=_record(article, snapshot=f"{SNAPSHOT_DIR}/{digest}"), article=article)
            if i is not None:
                items[i] = item
            else:
                new_items.append(item)

        # Old articles not seen above: URL snapshots and articles of folders that are gone stay;
        # files gone from a folder that is still there are dropped.
        for path, i in position.items():
            if path in seen or i in items:
                continue
            record = old_records[i]
            if record.get("kind") == "url" or not any(is_under(path, r) for r in present):
                if reusable:
                    items[i] = _Item(record=record, old=i)
                    continue
                try:
                    article = load_snapshot(index_dir, record) if record.get("kind") == "url" else load_article(
                        Path(path), note)
                except (SourceError, OSError) as exc:
                    problem(f"{exc}")
                    dropped.add(i)
                    continue
                items[i] = _Item(record=_record(article, snapshot=record.get("snapshot")), article=article)
            else:
                dropped.add(i)

        plan = [items[i] for i in sorted(items)] + new_items
        if not plan:
            raise SourceError("no readable article: " + "; ".join(summary.problems or ["nothing to index"]))
        for message in summary.problems:
            notify(f"skipped {message}")
        for i in sorted(dropped):
            summary.removed.append(_change(old_records[i]))
        for i, item in sorted(items.items()):
            (summary.unchanged if item.old is not None else summary.updated).append(_change(item.record))
        summary.added.extend(_change(item.record) for item in new_items)
        if not replace and manifest and not summary.changed and old is not None and roots == manifest["roots"] \
                and sorted(excluded) == sorted(manifest.get("excluded", [])) \
                and skipped == manifest.get("skipped", []) and manifest.get("phrases_version") == PHRASES_VERSION:
            summary.seconds = time.perf_counter() - started
            return old, summary

        store = _assemble(plan, old, embeddings, progress, batch_size, summary)
        store.manifest.update({
            "model": model_name,
            "roots": roots,
            "excluded": sorted(excluded),
            "skipped": skipped,
            "sources": [{"path": r["path"], "sha256": r["sha256"]} for r in store.manifest["articles"]],
        })
        build = new_build_dir(index_dir)
        try:
            write_generation(build, store.vectorstore.index, store.paragraphs, store.documents, store.manifest)
            store.directory = publish(index_dir, build)
        except BaseException as exc:  # Ctrl-C included: no half-written generation is left behind
            shutil.rmtree(build, ignore_errors=True)
            if isinstance(exc, (OSError, RuntimeError)):  # a full disk: faiss raises RuntimeError
                raise StoreError(f"could not write the new index into {index_dir} ({exc}); "
                                 "the previous index is unchanged") from exc
            raise
        snapshots = {r["sha256"] for r in store.manifest["articles"] if r.get("kind") == "url"}
        if manifest:
            snapshots |= {r["sha256"] for r in manifest["articles"] if r.get("kind") == "url"}
        clean_up(index_dir, store.directory, LEGACY_FILES, snapshots)
    summary.seconds = time.perf_counter() - started
    return store, summary


def paragraph_vectors(sentences: np.ndarray, paragraph_ids: list[int], n_paragraphs: int,
                      title: np.ndarray) -> np.ndarray:
    """Each paragraph's vector (n_paragraphs, d), unit length: the mean of its sentences' vectors plus
    TITLE_WEIGHT x the article title's. Encoding the paragraphs' own text gave the same retrieval
    (news_dev, XQuAD-ar) at twice the model time, since a paragraph repeats its sentences' tokens."""
    ids = np.asarray(paragraph_ids, dtype=int)
    out = np.zeros((n_paragraphs, title.shape[0]), dtype="float32")
    np.add.at(out, ids, sentences)
    counts = np.bincount(ids, minlength=n_paragraphs).astype("float32")
    out = out / np.maximum(counts, 1.0)[:, None] + TITLE_WEIGHT * title
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def _assemble(plan: list[_Item], old: Store | None, embeddings: Embeddings, progress: ProgressFactory,
              batch_size: int, summary: UpdateSummary) -> Store:
    """Documents and vectors of the new generation, in plan order: reused rows copied, new ones embedded."""
    fresh = [item for item in plan if item.article is not None]
    sentence_docs: list[list[Document]] = []
    texts: list[str] = []
    for item in fresh:
        docs = article_documents(item.article)
        sentence_docs.append(docs)
        texts.extend(embedding_text(d) for d in docs)
    title_start = len(texts)
    texts.extend(fold_digits(item.article.title) for item in fresh)
    vectors = embed_passages(texts, embeddings, progress, batch_size)
    summary.embedded = len(texts)
    if old is not None:
        old_sentences = old.vectorstore.index.reconstruct_n(0, old.vectorstore.index.ntotal)
        old_paragraphs = old.paragraphs.reconstruct_n(0, old.paragraphs.ntotal)
        old_starts = np.cumsum([0] + [r["passages"] for r in old.articles])
        old_para_starts = np.cumsum([0] + [r["paragraphs"] for r in old.articles])
        old_phrases_ok = old.manifest.get("phrases_version") == PHRASES_VERSION
    dimension = vectors.shape[1] if vectors is not None else old.vectorstore.index.d
    sentence_parts: list[np.ndarray] = []
    paragraph_parts: list[np.ndarray] = []
    documents: list[Document] = []
    records: list[dict] = []
    new_sentence = 0  # cursor into the fresh sentence vectors
    n_paragraphs = 0
    fresh_no = 0
    for item in plan:
        record = dict(item.record)
        if item.article is None:
            s0, p0 = int(old_starts[item.old]), int(old_para_starts[item.old])
            n_s, n_p = record["passages"], record["paragraphs"]
            sentence_parts.append(old_sentences[s0 : s0 + n_s])
            paragraph_parts.append(old_paragraphs[p0 : p0 + n_p])
            for doc in old.documents[s0 : s0 + n_s]:
                meta = {k: v for k, v in doc.metadata.items() if k != "id" and (k != "phrases" or old_phrases_ok)}
                meta["paragraph_id"] = meta["paragraph_id"] - p0 + n_paragraphs
                documents.append(Document(page_content=doc.page_content, metadata=meta))
        else:
            docs = sentence_docs[fresh_no]
            n_s, n_p = len(docs), len(item.article.sentences)
            sentences = vectors[new_sentence : new_sentence + n_s]
            sentence_parts.append(sentences)
            paragraph_parts.append(paragraph_vectors(sentences, [d.metadata["paragraph_id"] for d in docs], n_p,
                                                     vectors[title_start + fresh_no]))
            fresh_no += 1
            new_sentence += n_s
            record["passages"], record["paragraphs"] = n_s, n_p  # the offsets reuse relies on
            for doc in docs:
                doc.metadata["paragraph_id"] += n_paragraphs
                doc.metadata["path"] = item.article.ident
                doc.metadata["date"] = item.article.date
                documents.append(doc)
        n_paragraphs += n_p
        records.append(record)
    for doc in documents:
        if "phrases" not in doc.metadata:  # found once here, looked up by every question (index.retriever)
            doc.metadata["phrases"] = [[p.kind, p.start, p.end] for p in typed_spans(doc.page_content)]
    index = faiss.IndexFlatIP(dimension)
    index.add(np.ascontiguousarray(np.vstack(sentence_parts), dtype="float32"))
    paragraphs = faiss.IndexFlatIP(dimension)
    paragraphs.add(np.ascontiguousarray(np.vstack(paragraph_parts), dtype="float32"))
    manifest = {
        "format": FORMAT_VERSION,
        "chunker_version": CHUNKER_VERSION,
        "phrases_version": PHRASES_VERSION,
        "dimension": int(dimension),
        "count": len(documents),
        "paragraphs": n_paragraphs,
        "articles": records,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    return as_store(index, paragraphs, documents, manifest, embeddings, Path("."))


def list_articles(index_dir: Path) -> list[dict]:
    """The indexed articles' manifest records (no model needed); `CorruptIndex` without an index."""
    return read_manifest(index_dir)["articles"]

