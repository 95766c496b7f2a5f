"""Whether a message is made of words at all: keyboard mash («asdkjh qwe zxcmnb», «سشيبل ثقفغ») is
told apart from a question the articles do not answer, so that the user hears "I could not read that"
instead of «the article does not say»."""

from __future__ import annotations

from functools import lru_cache

from index.bridge import english_stopwords
from index.normalize import STOPWORDS, clitic_variants, words
from index.wordcounts import arabic_word_counts

MIN_LETTERS = 2  # a lone letter («a», «و») says nothing either way


def has_known_word(text: str) -> bool:
    """Whether any word of a text (of MIN_LETTERS letters or more), in any of its lexical forms
    (`clitic_variants`: «والاجتماعات» → اجتماعات), is a word of Arabic or English: in pyspellchecker's
    word lists (about 144,000 Arabic and 161,000 English words, from subtitles and Wikipedia) or a
    function word the bot knows (`STOPWORDS`, English function words). Digits are not words.
    Loads the lists the first time a text has no function word (about 1.5 s)."""
    candidates = [(word, *clitic_variants(word)) for word in words(text)
                  if sum(ch.isalpha() for ch in word) >= MIN_LETTERS]
    if any(form in _function_words() for forms in candidates for form in forms):
        return True  # no need to load the lists
    known = _known_words()
    return any(form in known for forms in candidates for form in forms)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Arabic and English function words (normalised), known without loading the lists."""
    return STOPWORDS | english_stopwords()


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The word lists, folded as questions are (`normalize_arabic`: «عاصمة» → عاصمه), and the function words."""
    from spellchecker import SpellChecker

    out: set[str] = set(_function_words())
    out.update(arabic_word_counts())
    out.update(w.lower() for w in SpellChecker(language="en", distance=1).word_frequency.keys())
    return frozenset(out)
