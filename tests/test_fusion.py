"""Rank fusion helpers: the partial top-k and ranks equal a full sort's (property tests)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from index.retriever import _ranks, _top

distinct_scores = st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=1, max_size=300, unique=True)


@settings(max_examples=200, deadline=None)
@given(distinct_scores, st.integers(1, 50))
def test_top_k_is_the_head_of_a_full_sort(values, k):
    scores = np.array(values)
    assert _top(scores, k).tolist() == np.argsort(-scores)[:k].tolist()


@settings(max_examples=200, deadline=None)
@given(distinct_scores)
def test_ranks_among_matching_passages_equal_ranks_among_all(values):
    # Passages without a matching term score 0 and rank after every matching one, so ranking only
    # the matching ones gives them the ranks a sort of everything gives.
    lexical = np.array([max(v, 0.0) for v in values])
    matched = np.flatnonzero(lexical > 0)
    assert _ranks(lexical[matched]).tolist() == _ranks(lexical)[matched].tolist()


def test_search_without_focus_words_changes_nothing_else(article_service):
    retriever = article_service._chain.retriever
    question = "كم راتب لافروف؟"
    with_focus, without = retriever.search(question, k=8), retriever.search(question, k=8, focus=False)
    assert [h.position for h in with_focus] == [h.position for h in without]
    assert all(h.focus_sim == 1.0 for h in without) and any(h.focus_sim < 1.0 for h in with_focus)
    for a, b in zip(with_focus, without):
        assert (a.dense, a.coverage, a.window_coverage, a.sentence_dense) == (b.dense, b.coverage, b.window_coverage,
                                                                              b.sentence_dense)
