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
CACHED_WORDS = 50_000  # word vectors kept (1.5 KiB each)
WARM_UP_BATCH = 64  # words embedded at a time by `WordBridge.warm_up`
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
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()  # least recently used first
        self._vocabularies: OrderedDict[str, list[str]] = OrderedDict()  # by article, as for `_vectors`
        self._tokens: dict[str, int] | None = None  # the model tokenizer's pieces ("▁word" starts a word)
        self._lock = threading.Lock()  # the Telegram front end answers from several threads

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

    def vectors(self, vocabulary: list[str]) -> np.ndarray:
        """Unit passage vectors of words, shape (len(vocabulary), d): embedded once, then cached."""
        with self._lock:
            missing = [w for w in vocabulary if w not in self._vectors]
            if missing:
                self._vectors.update(zip(missing, np.asarray(self._embeddings.embed_documents(missing), dtype="float32")))
            out = np.stack([self._vectors[w] for w in vocabulary])
            for w in vocabulary:
                self._vectors.move_to_end(w)
            while len(self._vectors) > max(CACHED_WORDS, len(vocabulary)):
                self._vectors.popitem(last=False)
            return out

    def warm_up(self, files: Sequence[str], stop: threading.Event | None = None) -> None:
        """Embed the words of the articles `files` (at most MAX_ARTICLES) and load the tokenizer's
        vocabulary and the English function words now, so that the first English question about them
        does not wait for it (about 2 s for the bundled article). In batches of WARM_UP_BATCH words,
        stopping early once `stop` is set (the process is ending)."""
        english_stopwords()
        english_words_known()
        self._vocabulary_of_tokenizer()
        vocabulary = sorted({w for f in list(dict.fromkeys(files))[:MAX_ARTICLES] for w in self.vocabulary(f)})
        for start in range(0, len(vocabulary), WARM_UP_BATCH):
            if stop is not None and stop.is_set():
                return
            self.vectors(vocabulary[start:start + WARM_UP_BATCH])

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
        vocabulary = sorted({w for f in list(dict.fromkeys(files))[:MAX_ARTICLES] for w in self.vocabulary(f)})
        if not vocabulary:
            return {}
        vectors = self.vectors(vocabulary)
        # The Arabic words' mean is the shared direction removed from both sides.
        centre = vectors.mean(axis=0)
        similarity = _unit(embed_queries(self._embeddings, english) - centre) @ _unit(vectors - centre).T
        best = similarity.argmax(axis=1)
        return {word: vocabulary[j] for word, j, row in zip(english, best, similarity) if row[j] >= self.min_similarity}


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
