"""Hybrid retrieval: dense FAISS search fused with BM25 over Arabic-normalised terms."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from index.bridge import MAX_ARTICLES as BRIDGE_MAX_ARTICLES
from index.bridge import WordBridge
from index.latin_places import latin_places
from index.lexical import LexicalIndex
from index.phrases import PHRASES_VERSION, Span, typed_spans
from index.normalize import (STOPWORDS, content_words, normalize_arabic, script_share, term_groups, tokenize,
                             without_frame_nouns, word_spans, words)
from index.embeddings import QueryVectors, embed_queries, encode_queries
from index.transliterate import SkeletonIndex
from index.store import Store

RRF_K = 60
PARAGRAPH_WEIGHT = 0.4
CONTEXT_WEIGHT = 0.5
BRIDGE_PASSAGES = 12  # a Latin-script question's words are translated into these passages' articles


def index_vectors(index) -> np.ndarray:
    """The vectors of a FAISS index as a (ntotal, d) float32 array: a view of a flat index's own
    storage (no copy), else a reconstructed copy."""
    import faiss

    if isinstance(index, faiss.IndexFlat) and index.ntotal:
        return faiss.rev_swig_ptr(index.get_xb(), index.ntotal * index.d).reshape(index.ntotal, index.d)
    return index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), dtype="float32")


def _ranks(scores: np.ndarray) -> np.ndarray:
    """Rank of every entry when sorted best (highest) first, 0-based: `np.argsort(-scores).argsort()`,
    with one sort instead of two."""
    order = np.argsort(-scores)
    ranks = np.empty(order.size, dtype=np.int64)
    ranks[order] = np.arange(order.size)
    return ranks


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the k highest scores, highest first (a partition, then a sort of k only)."""
    if k >= scores.size:
        return np.argsort(-scores)
    top = np.argpartition(-scores, k)[:k]
    return top[np.argsort(-scores[top])]


def _all_scores(vectors: np.ndarray, query_vector: np.ndarray) -> np.ndarray:
    """Inner product of a query with every row of `vectors` (n, d): shape (n,), float32."""
    return vectors @ np.asarray(query_vector, dtype="float32")


def _with_translations(groups: list[tuple[str, ...]], translated: dict[str, str]) -> list[tuple[str, ...]]:
    """Query word groups with each English word's group also holding its Arabic translation's terms:
    the word counts as found where its translation is, and weighs what it weighed."""
    if not translated:
        return groups
    extra = {term: tuple(tokenize(arabic)) for word, arabic in translated.items() for term in tokenize(word)}
    return [group + tuple(t for term in group for t in extra.get(term, ()) if t not in group) for group in groups]


def _centred(vectors: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Rows minus `centre`, scaled to unit length: cosines that ignore the vectors' shared direction."""
    out = vectors - centre
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)


@dataclass
class Hit:
    """A retrieved passage with the scores the answer decision uses."""

    document: Document
    dense: float  # sentence cosine + PARAGRAPH_WEIGHT x its paragraph's cosine
    dense_margin: float  # cosine above the corpus median for this query
    lexical: float  # BM25 score
    lexical_norm: float  # BM25 over the best BM25 of this query, 0..1
    coverage: float  # IDF-weighted share of the query's terms found in the passage, 0..1
    window_coverage: float  # the same over the passage and its neighbours in the paragraph
    corpus_coverage: float  # the same over the whole store: terms the articles never use lower it
    fused: float  # reciprocal-rank fusion score
    article_coverage: float = 0.0  # the same over the passage's own article: the focus of a near miss is absent
    window: str = ""  # the passage with its neighbours in the paragraph, in order
    focus_sim: float = 1.0  # centred cosine of the question's words its article lacks with the passage or a neighbour (1: none lacking)
    dense_gap: float = 0.0  # the query's best dense score minus this one's, >= 0
    coverage_gap: float = 0.0  # the best coverage among the hits returned minus this one's, >= 0
    sentence_dense: float = 0.0  # cosine of the query with the sentence alone (no paragraph share)
    phrases: tuple[Span, ...] | None = None  # typed phrases of the passage (None: not looked up)
    window_phrases: tuple[Span, ...] | None = None  # those of `window`, offsets into it

    def passage_phrases(self) -> tuple[Span, ...]:
        """The passage's typed phrases: as looked up by the retriever, else found now."""
        return self.phrases if self.phrases is not None else typed_spans(self.document.page_content)

    @property
    def window_text(self) -> str:
        """The passage with its neighbours (`window`), or the passage alone when none was looked up:
        the text `window_passage_phrases` gives offsets into."""
        return self.window or self.document.page_content

    def window_passage_phrases(self) -> tuple[Span, ...]:
        """The typed phrases of the passage with its neighbours (`window`), offsets into it."""
        if self.window_phrases is not None:
            return self.window_phrases
        return typed_spans(self.window) if self.window else self.passage_phrases()

    @property
    def position(self) -> int:
        """Index of the document in the store."""
        return int(self.document.metadata["id"])


class HybridRetriever(BaseRetriever):
    """LangChain retriever over a `Store`; `search` also returns the scores."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Store
    k: int = 5
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    _lexical: LexicalIndex = PrivateAttr()
    _doc_terms: object = PrivateAttr()  # scipy CSR, document x term incidence
    _idf_of: np.ndarray = PrivateAttr()  # smoothed IDF by term id
    _dense_vectors: np.ndarray = PrivateAttr()  # (n_documents, d): sentence + PARAGRAPH_WEIGHT x its paragraph
    _paragraph_of: np.ndarray = PrivateAttr()
    _by_ref: dict[str, int] = PrivateAttr()
    _article_terms: dict[str, set[str]] = PrivateAttr()
    _article_docs: dict[str, list[int]] = PrivateAttr()  # an article's document indexes, in order
    _bridge: WordBridge = PrivateAttr()
    _skeletons: SkeletonIndex = PrivateAttr()
    _sentences: np.ndarray = PrivateAttr()  # (n_documents, d) sentence vectors: the flat index's own storage
    _centre: np.ndarray = PrivateAttr()  # mean sentence vector (d,)
    _phrases: dict[int, tuple[Span, ...]] = PrivateAttr(default_factory=dict)  # by document, as looked up
    _stored_phrases: bool = PrivateAttr(default=False)  # the documents' stored phrases are of this version

    def model_post_init(self, context: object) -> None:
        """Build the lexical index from the store's documents."""
        for i, doc in enumerate(self.store.documents):
            doc.metadata["id"] = i
        self._by_ref = {doc.metadata["ref"]: i for i, doc in enumerate(self.store.documents)}
        self._stored_phrases = self.store.manifest.get("phrases_version") == PHRASES_VERSION
        self._paragraph_of = np.array([d.metadata["paragraph_id"] for d in self.store.documents], dtype=int)
        tokenized = [tokenize(doc.page_content) or ["\u0000"] for doc in self.store.documents]
        self._lexical = LexicalIndex(tokenized)
        self._doc_terms = self._lexical.incidence.T.tocsr()
        self._skeletons = SkeletonIndex({w for doc in self.store.documents for w in words(doc.page_content)})
        self._article_terms = {}
        self._article_docs = {}
        for i, (doc, terms) in enumerate(zip(self.store.documents, tokenized)):
            self._article_terms.setdefault(doc.metadata["file"], set()).update(terms)
            self._article_docs.setdefault(doc.metadata["file"], []).append(i)
        self._bridge = WordBridge(self.store.vectorstore.embedding_function, self.article_text)
        n = len(tokenized)
        # Smoothed IDF that stays positive; unseen terms weigh as the rarest.
        self._idf_of = np.log(1 + (n + 1) / (self._lexical.doc_freq + 0.5))
        self._unseen_idf = float(np.log(1 + (n + 1) / 0.5))
        # A sentence's dense score is linear in the query, so its sentence and paragraph vectors can be
        # summed once here: one matrix-vector product a query instead of two and a gather.
        self._sentences = index_vectors(self.store.vectorstore.index)
        self._dense_vectors = self._sentences + PARAGRAPH_WEIGHT * index_vectors(self.store.paragraphs)[self._paragraph_of]
        # E5's vectors share a large common direction (unrelated texts still have cosine ~0.75): the
        # focus words are compared after removing the mean passage vector.
        self._centre = (self._sentences.mean(axis=0) if len(self._sentences)
                        else np.zeros(self._sentences.shape[1], dtype="float32"))

    @property
    def documents(self) -> list[Document]:
        """All documents of the store, in index order."""
        return self.store.documents

    def idf(self, term: str) -> float:
        """Inverse document frequency of a term (unseen terms weigh most)."""
        row = self._lexical.term_id(term)
        return self._unseen_idf if row is None else float(self._idf_of[row])

    def word_weights(self, groups: list[tuple[str, ...]], scale: list[float] | None = None) -> list[float]:
        """Each query word's weight: the IDF of its rarest form, times its `scale` (default 1)."""
        scale = scale or [1.0] * len(groups)
        return [max(self.idf(t) for t in group) * f for group, f in zip(groups, scale)]

    def coverage(self, groups: list[tuple[str, ...]], weights: list[float], doc_indexes: list[int] | None = None,
                 exclude: frozenset[int] = frozenset()) -> float:
        """Weighted share of the query's words found in some documents (default: any but `exclude`).
        A word counts once, found if any of its forms is there."""
        total = sum(weights)
        if not total:
            return 0.0
        lexical = self._lexical
        if doc_indexes is None and not exclude:
            found = [any(lexical.term_id(t) is not None for t in group) for group in groups]
        elif doc_indexes is None:
            hidden = np.unique(np.fromiter(exclude, dtype=np.int64))
            found = [any(lexical.in_any_but(t, hidden) for t in group) for group in groups]
        else:
            indptr, indices = self._doc_terms.indptr, self._doc_terms.indices
            present = set(np.concatenate([indices[indptr[i]:indptr[i + 1]] for i in doc_indexes]).tolist()
                          ) if len(doc_indexes) else set()
            found = [any(lexical.term_id(t) in present for t in group) for group in groups]
        return sum(w for w, ok in zip(weights, found) if ok) / total

    def _article_vocab(self, doc_index: int) -> set[str]:
        """The lexical terms of a document's whole article."""
        return self._article_terms.get(self.store.documents[doc_index].metadata["file"], set())

    def article_coverage(self, groups: list[tuple[str, ...]], weights: list[float], doc_index: int) -> float:
        """Weighted share of the query's words found anywhere in a document's article."""
        total = sum(weights)
        vocab = self._article_vocab(doc_index)
        return sum(w for w, g in zip(weights, groups) if any(t in vocab for t in g)) / total if total else 0.0

    def article_has(self, text: str, hit: Hit) -> bool:
        """Whether every content word of `text` (in any of its lexical forms) occurs in the hit's article."""
        vocab = self._article_vocab(hit.position)
        return all(any(t in vocab for t in group) for group in term_groups(text))

    def articles(self) -> dict[str, str]:
        """Each indexed article's file (its key in the store) with its title, in index order."""
        return {file: self.store.documents[docs[0]].metadata.get("article", file)
                for file, docs in self._article_docs.items()}

    def article_count(self) -> int:
        """How many articles are indexed."""
        return len(self._article_docs)

    def file_of(self, ref: str) -> str | None:
        """The article file of a passage reference («rubio-lavrov.txt#4.1»), or None if not indexed."""
        i = self._by_ref.get(ref)
        return None if i is None else self.store.documents[i].metadata["file"]

    def lead(self, file: str, n: int) -> list[Hit]:
        """An article's first n passages that are not headings (its lead first), as hits of no query."""
        docs = self._documents_of(file)
        return [Hit(document=doc, dense=0.0, dense_margin=0.0, lexical=0.0, lexical_norm=0.0, coverage=0.0,
                    window_coverage=0.0, corpus_coverage=0.0, fused=0.0)
                for doc in docs if not doc.metadata.get("heading")][:n]

    def setting(self, hit: Hit) -> str:
        """The title of a hit's article, its first paragraph that is no heading (the lead) and the hit's
        own paragraph: where news and encyclopaedia writing state once what holds for the passages
        after it, such as the year reported on."""
        docs = self._documents_of(hit.document.metadata["file"])
        body = next((doc.metadata["paragraph"] for doc in docs if not doc.metadata.get("heading")), 0)
        own = hit.document.metadata["paragraph"]
        said = [doc.page_content for doc in docs if doc.metadata["paragraph"] <= body or doc.metadata["paragraph"] == own]
        return " ".join([hit.document.metadata.get("article", ""), *said])

    def knows_any(self, text: str) -> bool:
        """Whether any content word of `text` (in any of its lexical forms) occurs in any indexed passage."""
        return any(self._lexical.term_id(t) is not None for group in term_groups(text) for t in group)

    def spells(self, word: str) -> bool:
        """Whether an indexed passage has a word as written (normalised, no other lexical form)."""
        return self._lexical.term_id(normalize_arabic(word)) is not None

    def absent_words(self, words_: list[tuple[str, tuple[str, ...]]], doc_index: int) -> tuple[str, ...]:
        """The question's words that a passage's article never uses (the focus of a near miss)."""
        vocab = self._article_vocab(doc_index)
        return tuple(w for w, terms in words_ if not any(t in vocab for t in terms))

    def focus_similarity(self, absent: tuple[str, ...], word_vectors: dict[str, np.ndarray], doc_index: int) -> float:
        """How close the question's words that the passage's article never uses («راتب», «زوجته») come
        to the passage or its neighbours: for each such word its best cosine with them, the lowest over
        the words; 1.0 when the article has every word."""
        if not absent:
            return 1.0
        window = _centred(self._sentences[self.neighbours(doc_index)], self._centre)
        focus = _centred(np.vstack([word_vectors[w] for w in absent]), self._centre)
        return float((focus @ window.T).max(axis=1).min())

    def focus_vectors(self, query: str, encoded: QueryVectors, words_: list[str]) -> dict[str, np.ndarray]:
        """Vectors of some of the query's (normalised) words: their contextual token vectors from the
        query's own model call (free; the word as the question means it), else each word embedded
        as a query on its own (one more model call, for embeddings that show no tokens)."""
        spans = word_spans(query)
        out = {}
        for word in words_:
            vector = encoded.span_vector(*spans[word]) if word in spans else None
            if vector is not None:
                out[word] = vector
        missing = [w for w in words_ if w not in out]
        if missing:
            out.update(zip(missing, embed_queries(self.store.vectorstore.embedding_function, missing)))
        return out

    def article_text(self, file: str) -> str:
        """An article's passages, in order, joined by spaces."""
        return " ".join(doc.page_content for doc in self._documents_of(file))

    def article_passages(self, file: str) -> list[tuple[str, tuple[Span, ...]]]:
        """An article's passages, in order, each with its typed phrases as the index stores them (`phrases`)."""
        return [(self.store.documents[i].page_content, self.phrases(i)) for i in self._article_docs.get(file, ())]

    def _documents_of(self, file: str) -> list[Document]:
        """An article's passages (documents), in order; none for a file not indexed."""
        return [self.store.documents[i] for i in self._article_docs.get(file, ())]

    def warm_up(self, stop: threading.Event | None = None) -> None:
        """Prepare the English bridge for an index of at most BRIDGE_MAX_ARTICLES articles (all an English
        question may reach); a larger index warms each article as questions reach it."""
        if len(self._article_docs) <= BRIDGE_MAX_ARTICLES:
            self._bridge.warm_up(list(self._article_docs), stop)

    def translations(self, query: str, dense: np.ndarray, spelled: dict[str, str] | None = None) -> dict[str, str]:
        """For a question mostly in Latin script, given its `dense` scores, its English words' nearest
        Arabic words in the articles of the densest passages (`index.bridge`; names are matched by
        their spelling instead: `spellings`, if already found as `spelled`); none for other questions."""
        if not len(dense) or script_share(query)[1] <= 0.5:
            return {}
        files = [self.store.documents[int(i)].metadata["file"] for i in _top(dense, BRIDGE_PASSAGES)]
        names = frozenset(self.spellings(query) if spelled is None else spelled)
        return self._bridge.translations(query, files, names)

    def spellings(self, query: str) -> dict[str, str]:
        """Each name a query writes in Latin script with the Arabic spellings the articles have for it,
        space-separated: by its letters («Sfax» → «صفاقس»: `SkeletonIndex.names`), or, for a town or a
        country, by the gazetteer («Hungary» → «المجر», which no letter of it spells: `latin_places`)."""
        names = {name: " ".join(arabic) for name, arabic in self._skeletons.names(query, STOPWORDS)}
        for written, arabic in latin_places(query):
            known = [spelling for spelling in arabic if all(map(self.knows_any, spelling.split()))]
            if known and written not in names:
                names[written] = " ".join(known)
        return names

    def lexical_form(self, query: str, spelled: dict[str, str] | None = None) -> str:
        """The words a query is matched on lexically: without frame nouns, and with the Arabic
        spelling of names it writes in Latin script («Sfax» → صفاقس) where the articles have them
        (`spellings`, if already found)."""
        text = without_frame_nouns(query)
        arabic = " ".join((self.spellings(query) if spelled is None else spelled).values())
        return f"{text} {arabic}" if arabic else text

    def window_text(self, doc_index: int) -> str:
        """A passage with its neighbours in the same paragraph, in order."""
        return " ".join(self.store.documents[j].page_content for j in sorted(self.neighbours(doc_index)))

    def phrases(self, doc_index: int) -> tuple[Span, ...]:
        """A document's typed phrases: stored by the index when it was built (found now, once, for an
        index built before they were stored or by another version of `typed_spans`)."""
        found = self._phrases.get(doc_index)
        if found is None:
            doc = self.store.documents[doc_index]
            stored = doc.metadata.get("phrases") if self._stored_phrases else None
            text = doc.page_content
            try:
                found = tuple(Span(str(kind), int(a), int(b), text[int(a):int(b)]) for kind, a, b in stored)
            except (TypeError, ValueError):  # none stored, or a damaged entry: find them again
                found = typed_spans.__wrapped__(text)
            self._phrases[doc_index] = found
        return found

    def window_phrases(self, doc_index: int) -> tuple[Span, ...]:
        """The typed phrases of `window_text(doc_index)`, offsets into it: its sentences' own, moved."""
        out: list[Span] = []
        offset = 0
        for j in sorted(self.neighbours(doc_index)):
            out += [Span(s.kind, s.start + offset, s.end + offset, s.text) for s in self.phrases(j)]
            offset += len(self.store.documents[j].page_content) + 1
        return tuple(out)

    def _adjacent(self, doc_index: int, same_paragraph: bool) -> list[int]:
        """The document and the ones just before and after it in the same article (or paragraph)."""
        meta = self.store.documents[doc_index].metadata
        out = [doc_index]
        for j in (doc_index - 1, doc_index + 1):
            if 0 <= j < len(self.store.documents):
                other = self.store.documents[j].metadata
                if other["file"] == meta["file"] and (not same_paragraph or other["paragraph"] == meta["paragraph"]):
                    out.append(j)
        return out

    def neighbours(self, doc_index: int) -> list[int]:
        """The document and the sentences just before and after it in the same paragraph."""
        return self._adjacent(doc_index, same_paragraph=True)

    def neighbours_of_refs(self, refs: tuple[str, ...] | list[str]) -> set[int]:
        """Documents at or next to the given references ("file#paragraph.sentence") in the same article."""
        return {j for ref in refs if (i := self._by_ref.get(ref)) is not None
                for j in self._adjacent(i, same_paragraph=False)}

    def dense_scores(self, query_vector: np.ndarray) -> np.ndarray:
        """Similarity of the query to every sentence, plus a share of its similarity to the sentence's
        paragraph (the paragraph knows what a terse sentence is about)."""
        return _all_scores(self._dense_vectors, query_vector)

    def lexical_scores(self, terms: list[str]) -> np.ndarray:
        """BM25 (Okapi) score of every document for normalised query terms: shape (n_documents,)."""
        return self._lexical.bm25(terms)

    def embed_query(self, text: str) -> np.ndarray:
        """The query vector of a text, from the store's embeddings."""
        return np.asarray(self.store.vectorstore.embedding_function.embed_query(text), dtype="float32")

    def search(self, query: str, k: int | None = None, context: str | None = None,
               context_answer: str | None = None, exclude: frozenset[int] = frozenset(),
               focus: bool = True) -> list[Hit]:
        """The k best passages for a query, fusing dense and lexical ranks.

        `context` (the earlier question a follow-up leans on) and `context_answer` (what it was
        answered) are searched too, with less weight, so that "and how old is he?" finds the passage
        about the person named before. `exclude` hides documents, as if they were not indexed.
        `focus=False` skips `Hit.focus_sim` (left at 1.0) for callers whose decision does not use it.
        """
        k = k or self.k
        # One batch for the model: the query and the follow-up's combined form.
        encoded = encode_queries(self.store.vectorstore.embedding_function,
                                 [query] + ([f"{context} {query}"] if context else []), tokens=focus)
        vectors = encoded.vectors
        dense = self.dense_scores(vectors[0])
        hidden = np.fromiter(exclude, dtype=int) if exclude else None
        if hidden is not None:
            dense[hidden] = -1.0
        spelled = self.spellings(query)
        lexical_query = self.lexical_form(query, spelled)
        translated = self.translations(query, dense, spelled)
        terms = tokenize(" ".join([lexical_query, *translated.values()]))
        # A name's Arabic spellings join its own group, as translations do: "Kremlin" counts as found
        # where «الكرملين» is, and is not also a word of its own that no passage has.
        groups = _with_translations(term_groups(without_frame_nouns(query)), {**spelled, **translated})
        scale = [1.0] * len(groups)
        lexical = self.lexical_scores(terms) if terms else np.zeros(len(dense))
        if context:
            # The fewer words a follow-up has of its own, the more it leans on the earlier turn.
            share = CONTEXT_WEIGHT if len(groups) <= 1 else CONTEXT_WEIGHT * 0.6 if len(groups) <= 3 else CONTEXT_WEIGHT * 0.4
            combined = self.dense_scores(vectors[1])
            dense = (1 - share) * dense + share * combined
            lexical_context = without_frame_nouns(context)
            for text, weight in ((lexical_context, share), (without_frame_nouns(context_answer or ""), share / 2)):
                extra = tokenize(text)
                if extra:
                    lexical = lexical + weight * self.lexical_scores(extra)
            context_groups = [g for g in term_groups(lexical_context) if g not in groups]
            groups = groups + context_groups
            scale = scale + [share] * len(context_groups)
        if hidden is not None:
            dense[hidden] = -1.0
            lexical[hidden] = 0.0
        dense_rank = _ranks(dense)
        fused = self.dense_weight / (RRF_K + 1 + dense_rank)
        matched = np.flatnonzero(lexical > 0)
        if matched.size:
            # Only passages with a matching term get a lexical rank: rank among them, no sort of the rest.
            fused[matched] += self.lexical_weight / (RRF_K + 1 + _ranks(lexical[matched]))
        order = _top(fused, k)
        median = float(np.median(np.delete(dense, list(exclude)) if exclude else dense))
        best_lexical = float(lexical.max())
        weights = self.word_weights(groups, scale)
        absent: dict[int, tuple[str, ...]] = {}
        if focus:
            question_words = content_words(without_frame_nouns(query))
            absent = {int(i): self.absent_words(question_words, int(i)) for i in order}
        absent_words = sorted({w for words_ in absent.values() for w in words_})
        word_vectors = self.focus_vectors(query, encoded, absent_words) if absent_words else {}
        in_corpus = self.coverage(groups, weights, exclude=exclude)
        best_dense = float(dense.max()) if len(dense) else 0.0
        coverages = [self.coverage(groups, weights, [int(i)]) for i in order]
        best_coverage = max(coverages, default=0.0)
        sentence_dense = self._sentences[order] @ vectors[0] if len(order) else np.zeros(0)
        return [
            Hit(
                document=self.store.documents[i],
                dense=float(dense[i]),
                dense_margin=float(dense[i]) - median,
                lexical=float(lexical[i]),
                lexical_norm=float(lexical[i]) / best_lexical if best_lexical > 0 else 0.0,
                coverage=coverage,
                window_coverage=self.coverage(groups, weights, self.neighbours(int(i))),
                corpus_coverage=in_corpus,
                fused=float(fused[i]),
                article_coverage=self.article_coverage(groups, weights, int(i)),
                window=self.window_text(int(i)),
                focus_sim=self.focus_similarity(absent.get(int(i), ()), word_vectors, int(i)),
                dense_gap=best_dense - float(dense[i]),
                coverage_gap=best_coverage - coverage,
                sentence_dense=float(sentence),
                phrases=self.phrases(int(i)),
                window_phrases=self.window_phrases(int(i)),
            )
            for i, coverage, sentence in zip(order, coverages, sentence_dense)
        ]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.search(query)
        return [
            Document(
                page_content=h.document.page_content,
                metadata={**h.document.metadata, "dense": h.dense, "lexical": h.lexical, "coverage": h.coverage},
            )
            for h in hits
        ]
