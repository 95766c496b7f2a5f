"""The sparse lexical index and the vectorised retriever against straightforward references
(BM25 written out as rank-bm25's formula, FAISS searched for every vector, coverage by loops)."""

from __future__ import annotations

import math
import shutil
from collections import Counter
from pathlib import Path

import faiss
import numpy as np
import pytest

from bot.settings import BUNDLED_ARTICLES
from index.lexical import LexicalIndex
from index.normalize import term_groups, tokenize
from index.retriever import PARAGRAPH_WEIGHT, HybridRetriever

MODEL = "intfloat/multilingual-e5-small"


def reference_bm25(corpus: list[list[str]], query: list[str], k1: float = 1.5, b: float = 0.75,
                   epsilon: float = 0.25) -> np.ndarray:
    """rank-bm25 0.2.2's BM25Okapi.get_scores, written out with a loop over the documents."""
    n = len(corpus)
    avgdl = sum(len(d) for d in corpus) / n
    df = Counter(term for doc in corpus for term in set(doc))
    idf = {t: math.log(n - f + 0.5) - math.log(f + 0.5) for t, f in df.items()}
    floor = epsilon * sum(idf.values()) / len(idf)
    idf = {t: (floor if v < 0 else v) for t, v in idf.items()}
    scores = np.zeros(n)
    for q in query:
        for i, doc in enumerate(corpus):
            tf = doc.count(q)
            scores[i] += idf.get(q, 0.0) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(doc) / avgdl))
    return scores


CORPUS = [
    "قال الرئيس إن الاجتماع سيعقد في تونس يوم الاثنين".split(),
    "الاجتماع في تونس الاجتماع في تونس".split(),  # repeated terms, and "في" is in most documents
    "ارتفعت الأسعار في تونس بنسبة 8ر8 بالمائة".split(),
    "فاز الفريق في المباراة".split(),
    "في".split(),
    "أعلنت الوزارة عن خطة جديدة للنقل".split(),
]
QUERIES = [
    "الاجتماع تونس".split(),
    "في في تونس".split(),  # a repeated query term counts twice; "في" has a negative IDF (floored)
    "غير موجود".split(),
    "الأسعار الأسعار الوزارة خطة".split(),
    [],
]


@pytest.mark.parametrize("query", QUERIES)
def test_bm25_matches_rank_bm25_formula(query):
    index = LexicalIndex(CORPUS)
    assert np.allclose(index.bm25(query), reference_bm25(CORPUS, query), atol=1e-9, rtol=0)


def test_bm25_matches_the_rank_bm25_package_when_installed():
    rank_bm25 = pytest.importorskip("rank_bm25")
    index = LexicalIndex(CORPUS)
    reference = rank_bm25.BM25Okapi(CORPUS)
    for query in QUERIES:
        assert np.abs(index.bm25(query) - reference.get_scores(query)).max() < 1e-6


def test_negative_idf_is_floored_and_incidence_answers_exclusion():
    index = LexicalIndex(CORPUS)
    fi = index.term_id("في")
    assert index.doc_freq[fi] == 5 and index.bm25_idf[fi] > 0  # 5 of 6 documents: raw IDF < 0
    assert list(index.documents_with("تونس")) == [0, 1, 2]
    assert index.in_any_but("تونس", np.array([0, 1]))
    assert not index.in_any_but("تونس", np.array([0, 1, 2]))
    assert not index.in_any_but("غير", np.array([], dtype=np.int64))


# Two short articles in the style of the ANT corpus (Tunisian news agency), written for this test.
ANT_LIKE = {
    "economy-prices.txt": """ارتفاع نسبة التضخم في تونس خلال شهر جانفي

أعلن المعهد الوطني للإحصاء أن نسبة التضخم ارتفعت إلى 4ر6 بالمائة خلال شهر جانفي 2017 مقابل 4ر2 بالمائة في الشهر نفسه من السنة الماضية.

وأرجع المعهد هذا الارتفاع أساسا إلى زيادة أسعار المواد الغذائية بنسبة 8ر8 بالمائة وأسعار النقل بنسبة 5ر3 بالمائة.

وقال مدير المعهد إن أسعار الخضر الطازجة سجلت أكبر زيادة.
""",
    "sport-derby.txt": """الترجي يفوز على الإفريقي في الدربي

فاز الترجي الرياضي على النادي الإفريقي بهدفين مقابل هدف واحد في المباراة التي جرت مساء الأحد بملعب رادس.

وسجل هدفي الترجي اللاعب طه ياسين الخنيسي في الدقيقتين 20 و75، فيما سجل هدف الإفريقي صابر خليفة.

وبهذا الفوز يعزز الترجي صدارته للبطولة برصيد 40 نقطة.
""",
}

QUESTIONS = [
    ("لماذا تأجل اجتماع روبيو ولافروف؟", None, None),
    ("أين ستعقد القمة بين ترامب وبوتين؟", None, None),
    ("كم بلغت نسبة التضخم في جانفي؟", None, None),
    ("من سجل أهداف الترجي في الدربي؟", None, None),
    ("كم عمر الخطيب؟", None, None),
    ("وكم نقطة لديه؟", "من فاز في الدربي؟", "فاز الترجي الرياضي على النادي الإفريقي"),
    ("ما سبب ارتفاع الأسعار", None, None),
    ("what did the white house official say?", None, None),
]


class ReferenceRetriever(HybridRetriever):
    """The retriever's internals done the straightforward way: FAISS asked for every vector of both
    indexes, BM25 by the formula above, coverage by looping over documents' term sets."""

    def model_post_init(self, context: object) -> None:
        super().model_post_init(context)
        self._corpus = [tokenize(d.page_content) or ["\u0000"] for d in self.store.documents]
        self._sets = [set(t) for t in self._corpus]

    def dense_scores(self, query_vector: np.ndarray) -> np.ndarray:
        def full(index: faiss.Index) -> np.ndarray:
            scores, ids = index.search(np.asarray([query_vector], dtype="float32"), index.ntotal)
            out = np.full(index.ntotal, -1.0, dtype="float32")
            out[ids[0]] = scores[0]
            return out

        return full(self.store.vectorstore.index) + PARAGRAPH_WEIGHT * full(self.store.paragraphs)[self._paragraph_of]

    def lexical_scores(self, terms: list[str]) -> np.ndarray:
        return reference_bm25(self._corpus, terms)

    def coverage(self, groups, weights, doc_indexes=None, exclude=frozenset()) -> float:
        total = sum(weights)
        if not total:
            return 0.0
        docs = doc_indexes if doc_indexes is not None else [i for i in range(len(self._sets)) if i not in exclude]
        found = [any(t in self._sets[i] for i in docs for t in group) for group in groups]
        return sum(w for w, ok in zip(weights, found) if ok) / total


@pytest.fixture(scope="module")
def retrievers(tmp_path_factory, second_article_dir):
    from bot.settings import load_settings
    from index.embeddings import create_embeddings
    from index.store import build_store

    folder = tmp_path_factory.mktemp("lexical-articles")
    shutil.copytree(BUNDLED_ARTICLES, folder, dirs_exist_ok=True)
    shutil.copytree(second_article_dir, folder, dirs_exist_ok=True)
    for name, text in ANT_LIKE.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = load_settings()
    embeddings = create_embeddings(settings.embedding_model, settings.model_dir, settings.torch_threads)
    store = build_store([folder], tmp_path_factory.mktemp("lexical-index"), embeddings, MODEL)
    assert len(store.articles) == 4
    return HybridRetriever(store=store, k=20), ReferenceRetriever(store=store, k=20)


@pytest.mark.slow
@pytest.mark.parametrize("question,context,context_answer", QUESTIONS)
def test_search_equals_the_straightforward_reference(retrievers, question, context, context_answer):
    fast, reference = retrievers
    for exclude in (frozenset(), frozenset(range(3, 9))):
        got = fast.search(question, k=20, context=context, context_answer=context_answer, exclude=exclude)
        want = reference.search(question, k=20, context=context, context_answer=context_answer, exclude=exclude)
        assert [h.position for h in got] == [h.position for h in want]
        for g, w in zip(got, want):
            for field in ("dense", "dense_margin", "lexical", "lexical_norm", "coverage", "window_coverage",
                          "corpus_coverage", "fused"):
                assert getattr(g, field) == pytest.approx(getattr(w, field), abs=1e-5), field


@pytest.mark.slow
def test_exclusion_coverage_sees_only_the_other_documents(retrievers):
    fast, reference = retrievers
    groups = term_groups("الترجي تونس")
    derby_only = term_groups("الترجي")
    derby = [d.metadata["id"] for d in fast.documents if d.metadata["file"] == "sport-derby.txt"]
    weights = fast.word_weights(groups)
    hidden = frozenset(derby)
    assert fast.coverage(groups, weights, exclude=hidden) == reference.coverage(groups, weights, exclude=hidden)
    assert fast.coverage(derby_only, [1.0], exclude=hidden) == 0.0
    assert fast.coverage(derby_only, [1.0]) == 1.0
    assert 0 < fast.coverage(groups, weights, exclude=hidden) < 1
