"""How common an Arabic word is: pyspellchecker's Arabic word counts (subtitles and Wikipedia), folded
as the index folds words. Used to tell a name from ordinary words («لكرة القدم» after a title is no
name) and, in `bot.wordlists`, a word from keyboard mash."""

from __future__ import annotations

from functools import lru_cache

from index.normalize import normalize_arabic


@lru_cache(maxsize=1)
def arabic_word_counts() -> dict[str, int]:
    """pyspellchecker's Arabic word counts (subtitles and Wikipedia), folded as questions are
    (`normalize_arabic`) and summed over the spellings that fold together; about 1 s to load."""
    from spellchecker import SpellChecker

    counts: dict[str, int] = {}
    for word, n in SpellChecker(language="ar", distance=1).word_frequency.dictionary.items():
        folded = normalize_arabic(word)
        counts[folded] = counts.get(folded, 0) + n
    return counts
