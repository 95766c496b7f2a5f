"""The lexical bridge for English questions: their words' nearest Arabic words in the candidate
articles, by the real multilingual model (index.bridge, index.retriever)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langchain_core.embeddings import Embeddings

from index.bridge import WordBridge, reads_as_english
from index.normalize import normalize_arabic, term_groups, tokenize
from index.retriever import _with_translations

from conftest import SECOND_ARTICLE

SECOND_FILE = "bridge-hospital.txt"
# Keyboard runs and made-up words: no meaning of their own, so no translation.
NONSENSE = ["asdf qwerty", "zxcv", "xyzzy qwertz", "hjkl asdfgh"]


class CountingEmbeddings(Embeddings):
    """The real embeddings, counting the words embedded as passages."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner, self.embedded = inner, 0
        self._client = getattr(inner, "_client", None)  # the tokenizer the bridge reads

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def bridge(second_service) -> WordBridge:
    return second_service._chain.retriever._bridge


def test_a_question_reads_as_english_by_its_function_words():
    assert reads_as_english("How many beds does it have?")
    assert not reads_as_english("asdf qwerty zxcv")
    assert not reads_as_english("Trump Putin Budapest")


@pytest.mark.slow
def test_english_words_are_whole_content_words_in_order(bridge):
    assert bridge.english_words("How many beds does the new children's hospital have? The hospital") == \
        ["beds", "new", "children", "hospital"]
    assert bridge.english_words("When did Trump meet Putin?", names=frozenset({"Trump", "Putin"})) == ["meet"]
    for text in NONSENSE:
        assert bridge.english_words(f"what is the {text}?") == []
    # Words the model's tokenizer has only in pieces («snail»: ▁sna il) are words of English still.
    assert bridge.english_words("How much snail was seized in the warehouse?") == ["snail", "seized", "warehouse"]


@pytest.mark.slow
def test_english_words_find_their_translations_in_the_article(bridge):
    found = bridge.translations("How old is the doctor who runs the children's hospital?", [SECOND_FILE])
    assert {normalize_arabic(w) for w in ("الطبيبة", "الأطفال", "مستشفى")} <= set(found.values())
    assert set(found.values()) <= set(bridge.vocabulary(SECOND_FILE))  # only the article's own words
    assert bridge.translations("Who opened the hospital?", []) == {}  # no article, no translation
    assert bridge.translations("الطبيبة hospital doctor مستشفى الأطفال", [SECOND_FILE]) == {}  # not English


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=9))
def test_runs_of_consonants_are_never_translated(second_service, letters):
    bridge = second_service._chain.retriever._bridge
    assert bridge.translations(f"What is the {letters} of the hospital?", [SECOND_FILE]).keys() <= {"hospital"}


@pytest.mark.slow
@pytest.mark.parametrize("text", NONSENSE)
def test_english_nonsense_is_refused_not_answered_by_a_chance_translation(article_service, text):
    for question in (text, f"What is the {text}?", f"Who is {text}?"):
        answer = article_service.ask(question)
        assert not answer.found, question


@pytest.mark.slow
def test_a_word_is_embedded_once_across_questions(second_service):
    embeddings = CountingEmbeddings(second_service._chain.retriever.store.vectorstore.embedding_function)
    bridge = WordBridge(embeddings, lambda file: SECOND_ARTICLE)
    first = bridge.translations("How many beds does the hospital have?", [SECOND_FILE])
    after_first = embeddings.embedded
    assert after_first == len(bridge.vocabulary(SECOND_FILE))
    assert bridge.translations("How many beds does the hospital have?", [SECOND_FILE]) == first
    assert embeddings.embedded == after_first


@pytest.mark.slow
def test_an_articles_word_vectors_do_not_depend_on_the_questions_asked_before(second_service):
    # int8 activations are quantised per batch: a word embedded beside other questions' leftovers
    # would get another vector, and a translation near the threshold could flip.
    embeddings = second_service._chain.retriever.store.vectorstore.embedding_function
    texts = {SECOND_FILE: SECOND_ARTICLE, "other": "افتتحت الطبيبة مستشفى جديدا للأطفال في مدينة صيدا وبلغ طول الجسر 850 مترا"}
    fresh = WordBridge(embeddings, texts.__getitem__)
    used = WordBridge(embeddings, texts.__getitem__)
    used.translations("How long is the bridge the engineer opened?", ["other"])
    words_fresh, vectors_fresh = fresh.vectors([SECOND_FILE])
    words_used, vectors_used = used.vectors([SECOND_FILE])
    assert words_fresh == words_used and set(words_fresh) & set(used.vocabulary("other"))
    assert (vectors_fresh == vectors_used).all()
    question = "How old is the doctor who runs the children's hospital?"
    assert fresh.translations(question, [SECOND_FILE]) == used.translations(question, [SECOND_FILE])


@pytest.mark.slow
def test_threads_asking_at_once_about_a_new_article_embed_it_once(second_service):
    from concurrent.futures import ThreadPoolExecutor

    embeddings = CountingEmbeddings(second_service._chain.retriever.store.vectorstore.embedding_function)
    bridge = WordBridge(embeddings, lambda file: SECOND_ARTICLE)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: bridge.translations("How many beds does the hospital have?", [SECOND_FILE]),
                                range(4)))
    assert all(r == results[0] for r in results) and results[0]
    assert embeddings.embedded == len(bridge.vocabulary(SECOND_FILE))


def test_a_warmed_up_bridge_embeds_nothing_for_the_first_english_question(second_service):
    embeddings = CountingEmbeddings(second_service._chain.retriever.store.vectorstore.embedding_function)
    bridge = WordBridge(embeddings, lambda file: SECOND_ARTICLE)
    bridge.warm_up([SECOND_FILE])
    warmed = embeddings.embedded
    assert warmed == len(bridge.vocabulary(SECOND_FILE))
    assert bridge.translations("How many beds does the hospital have?", [SECOND_FILE])
    assert embeddings.embedded == warmed


def test_the_service_warms_up_in_the_background_and_still_answers(second_service):
    thread = second_service.warm_up()
    answer = second_service.ask("How long is the new bridge?")  # while the warm-up may still run
    thread.join(timeout=60)
    assert not thread.is_alive() and answer.found


def test_a_translation_joins_its_english_words_group_and_adds_no_word():
    groups = term_groups("how old doctor hospital")
    joined = _with_translations(groups, {"doctor": "الطبيبه"})
    assert len(joined) == len(groups)
    doctor = next(g for g in joined if "doctor" in g)
    assert set(tokenize("الطبيبه")) <= set(doctor)
    assert [g for g in joined if "doctor" not in g] == [g for g in groups if "doctor" not in g]


@pytest.mark.slow
def test_english_questions_are_matched_on_translated_words_arabic_ones_are_not(both_service):
    retriever = both_service._chain.retriever
    english = "How old is the doctor who runs the children's hospital?"
    assert normalize_arabic("الطبيبة") in retriever.translations(english, retriever.dense_scores(
        retriever.embed_query(english))).values()
    arabic = "كم عمر الطبيبة التي تدير مستشفى الأطفال؟"
    assert retriever.translations(arabic, retriever.dense_scores(retriever.embed_query(arabic))) == {}
    hits = retriever.search(english, k=3)
    assert hits[0].document.metadata["file"] == SECOND_FILE
    assert hits[0].coverage > 0  # lexical evidence an English question had none of before
    answer = both_service.ask("How many beds does the children's hospital have?")
    assert answer.found and "120" in answer.answer


@pytest.mark.slow
def test_threads_asking_at_once_get_the_same_translations(second_service):
    from concurrent.futures import ThreadPoolExecutor

    embeddings = second_service._chain.retriever.store.vectorstore.embedding_function
    bridge = WordBridge(embeddings, lambda file: SECOND_ARTICLE if file == SECOND_FILE else "مستشفى جسر طبيبة مهندس")
    question = "How many beds does the hospital have?"
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda files: bridge.translations(question, files), [[SECOND_FILE], ["other"]] * 4))
    assert all(r == results[0] for r in results[::2]) and all(r == results[1] for r in results[1::2])
    assert results[0]
