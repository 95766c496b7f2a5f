"""A lexical bridge for questions in Latin script: each English word's nearest Arabic word in the
candidate articles, by the embedding model's own vectors of single words.

An English question shares no word with an Arabic article, so BM25 and the coverage features had
nothing but transliterated names to go on. Multilingual e5 places a word and its translation close
together once the vectors' common direction is removed («reserves» → «احتياطي», «tuna» → «التن»,
«Thursday» → «الخميس»), so each English word's nearest word in the articles the dense search already
favours stands in for it: BM25 scores the translation, and the coverage features count the English
word as found where its translation is (`index.retriever`). Only questions that read as English (an
English function word) and only words of English are translated (the model's tokenizer has them whole,
or pyspellchecker's English counts know them: «snail», which the tokenizer cuts into ▁sna il): a run of
random letters («asdf») has no meaning of its own and always finds some chance neighbour. Names are left to
their spelling (`index.transliterate`). A word is embedded the first time an English question reaches
an article that uses it (~2 ms a word on 2 cores: ~0.5 s for a new 300-word article, less as articles
share words) and kept for later questions.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
from langchain_core.embeddings import Embeddings

from index.embeddings import embed_queries
from index.normalize import STOPWORDS, words

# Centred cosine from which an Arabic word counts as the English word's translation: chosen on the
# fitting sets' English questions (news_train, news_train2, article_questions), see the README.
MIN_SIMILARITY = 0.25
MAX_ARTICLES = 4  # the candidate articles searched for translations
CACHED_WORDS = 50_000  # word vectors kept (1.5 KiB each), by article
WARM_UP_BATCH = 64  # words embedded at a time (`WordBridge.article_vectors`)
CACHED_ARTICLES = 1_024  # article vocabularies kept (normalising an article's words: ~1.5 ms)
_LATIN_WORD_RE = re.compile(r"[A-Za-z]{3,}")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a]{3,}")


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """English function words: scikit-learn's list (sentence-transformers depends on scikit-learn)
    and the English ones of `index.normalize.STOPWORDS`."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {w for w in STOPWORDS if w.isascii()}


# How often a word must occur in pyspellchecker's English counts to be taken for a word: «snail»
# (2,718), «seized», «warehouse», «tonnes» are, keyboard runs and Latin filler («qwerty» 50,
# «dolor» 69, «asdf» and «lorem» not at all) are not.
MIN_ENGLISH_COUNT = 100


@lru_cache(maxsize=1)
def english_words_known() -> frozenset[str]:
    """English words, lower case, from pyspellchecker's word counts (subtitles and Wikipedia; about
    0.5 s to load): words the model's tokenizer only has in pieces («snail»: ▁sna il) are words still."""
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return frozenset(w for w, n in counts.items() if n >= MIN_ENGLISH_COUNT)


def english_words(text: str) -> list[str]:
    """The English function words of a text, in order («Who is the…» → Who, is, the)."""
    stopwords = english_stopwords()
    return [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in stopwords]


def reads_as_english(text: str) -> bool:
    """Whether a text has an English function word («the», «who», «did»…): what an English question
    has and a run of Latin letters («asdf qwerty»), Latin filler («lorem ipsum») or a bare name does not."""
    return bool(english_words(text))


class WordBridge:
    """Translations of a question's English words into the words of given articles.

    `article_text(file)` gives an article's text (its passages joined); vectors come from
    `embeddings` (passage prompt for the Arabic words, query prompt for the English ones)."""

    def __init__(self, embeddings: Embeddings, article_text: Callable[[str], str],
                 min_similarity: float = MIN_SIMILARITY) -> None:
        self._embeddings = embeddings
        self._article_text = article_text
        self.min_similarity = min_similarity
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()  # by article, least recently used first
        self._vocabularies: OrderedDict[str, list[str]] = OrderedDict()  # by article, as for `_vectors`
        self._tokens: dict[str, int] | None = None  # the model tokenizer's pieces ("▁word" starts a word)
        self._lock = threading.Lock()  # the Telegram front end answers from several threads
        self._embedding: dict[str, threading.Lock] = {}  # by article being embedded: one thread embeds, others wait

    def vocabulary(self, file: str) -> list[str]:
        """An article's distinct Arabic content words, normalised, sorted (worked out once, then cached)."""
        with self._lock:
            found = self._vocabularies.get(file)
            if found is not None:
                self._vocabularies.move_to_end(file)
                return found
        found = sorted({w for w in words(self._article_text(file)) if _ARABIC_WORD_RE.fullmatch(w) and w not in STOPWORDS})
        with self._lock:
            self._vocabularies[file] = found
            if len(self._vocabularies) > CACHED_ARTICLES:
                self._vocabularies.popitem(last=False)
        return found

    def article_vectors(self, file: str, stop: threading.Event | None = None) -> np.ndarray | None:
        """Unit passage vectors of an article's words (`vocabulary`), shape (len(vocabulary), d), cached.
        Embedded by article, WARM_UP_BATCH words at a time in the vocabulary's order: int8 activations
        are quantised per batch (`index.ort_encoder`), so a word embedded beside whatever words earlier
        questions left unembedded would get a slightly different vector, and an English question near
        the similarity threshold another answer, depending on what was asked before. None when `stop`
        is set before the article is done (nothing is cached then)."""
        with self._lock:
            if (found := self._cached(file)) is not None:
                return found
            embedding = self._embedding.setdefault(file, threading.Lock())
        # A question arriving while the warm-up (or another question) embeds this article waits for
        # it instead of embedding it a second time.
        with embedding:
            with self._lock:
                if (found := self._cached(file)) is not None:
                    return found
            vocabulary = self.vocabulary(file)
            parts = []
            for start in range(0, len(vocabulary), WARM_UP_BATCH):
                if stop is not None and stop.is_set():
                    return None
                parts.append(np.asarray(self._embeddings.embed_documents(vocabulary[start:start + WARM_UP_BATCH]),
                                        dtype="float32"))
            vectors = np.vstack(parts) if parts else np.zeros((0, 1), dtype="float32")
            with self._lock:
                self._vectors[file] = vectors
                self._embedding.pop(file, None)
                kept = sum(len(v) for v in self._vectors.values())
                while kept > CACHED_WORDS and len(self._vectors) > 1:
                    kept -= len(self._vectors.popitem(last=False)[1])
        return vectors

    def _cached(self, file: str) -> np.ndarray | None:
        """An article's cached word vectors, marked recently used; None if not cached. Under `_lock`."""
        found = self._vectors.get(file)
        if found is not None:
            self._vectors.move_to_end(file)
        return found

    def vectors(self, files: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """The distinct words of some articles, sorted, and their unit vectors, shape (n, d): each word's
        vector from the first of `files` that has it (`article_vectors`)."""
        chosen: dict[str, np.ndarray] = {}
        for file in files:
            vectors = self.article_vectors(file)
            for word, vector in zip(self.vocabulary(file), vectors if vectors is not None else ()):
                chosen.setdefault(word, vector)
        vocabulary = sorted(chosen)
        if not vocabulary:
            return [], np.zeros((0, 1), dtype="float32")
        return vocabulary, np.stack([chosen[w] for w in vocabulary])

    def warm_up(self, files: Sequence[str], stop: threading.Event | None = None) -> None:
        """Embed the words of the articles `files` (at most MAX_ARTICLES) and load the tokenizer's
        vocabulary and the English function words now, so that the first English question about them
        does not wait for it (about 2 s for the bundled article). Stops early once `stop` is set (the
        process is ending)."""
        english_stopwords()
        english_words_known()
        self._vocabulary_of_tokenizer()
        for file in list(dict.fromkeys(files))[:MAX_ARTICLES]:
            if self.article_vectors(file, stop) is None:
                return

    def english_words(self, question: str, names: frozenset[str] = frozenset()) -> list[str]:
        """The question's English content words, in order: three letters or more, no function words, none
        of `names` (words matched by spelling instead), and only words of English: the model's tokenizer
        has them whole (itself or without a plural «s») or `english_words_known` has them. A vector of
        letters that are no word («asdf»: ▁as d f, «qwerty») points anywhere, and random letters found
        chance translations."""
        stopwords = english_stopwords()
        return list(dict.fromkeys(w for w in _LATIN_WORD_RE.findall(question)
                                  if w.lower() not in stopwords and w not in names and self._known(w)))

    def _known(self, word: str) -> bool:
        vocabulary = self._vocabulary_of_tokenizer()
        if vocabulary is None:
            return True
        forms = {word, word.lower()} | ({word[:-1], word.lower()[:-1]} if word.lower().endswith("s") else set())
        return any(f"\u2581{form}" in vocabulary for form in forms) or word.lower() in english_words_known()

    def _vocabulary_of_tokenizer(self) -> dict[str, int] | None:
        if self._tokens is None:
            tokenizer = getattr(getattr(self._embeddings, "_client", None), "tokenizer", None)
            self._tokens = tokenizer.get_vocab() if tokenizer is not None else {}
        return self._tokens or None

    def translations(self, question: str, files: Sequence[str], names: frozenset[str] = frozenset()) -> dict[str, str]:
        """Each English word of the question (`english_words`) with its nearest Arabic word in the
        articles `files` (the first MAX_ARTICLES), where their centred cosine reaches `min_similarity`;
        only for a question that reads as English."""
        if not reads_as_english(question):
            return {}
        english = self.english_words(question, names)
        if not english:
            return {}
        vocabulary, vectors = self.vectors(list(dict.fromkeys(files))[:MAX_ARTICLES])
        if not vocabulary:
            return {}
        # The Arabic words' mean is the shared direction removed from both sides.
        centre = vectors.mean(axis=0)
        similarity = _unit(embed_queries(self._embeddings, english) - centre) @ _unit(vectors - centre).T
        best = similarity.argmax(axis=1)
        return {word: vocabulary[j] for word, j, row in zip(english, best, similarity) if row[j] >= self.min_similarity}


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
