"""Names written in Latin script matched to their Arabic spelling by consonant skeleton.

An English question names «Chebbi», «Sfax» or «Kremlin»; the article writes الشابي، صفاقس،
الكرملين. Both sides are reduced to a skeleton of coarse consonant classes (vowels and vowel letters
dropped, doubled consonants merged, the Arabic article stripped), so that such names give the
lexical index evidence across scripts. Classes are coarse on purpose (ك ق غ ج share one, as k, q,
g, j and gh do), since transliterations vary between English, French and Maghrebi usage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

_ARABIC_CLASSES = {
    "ب": "B", "پ": "B", "ف": "F", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D", "ذ": "D", "ظ": "Z",
    "س": "S", "ص": "S", "ش": "C", "ز": "Z", "ك": "K", "ق": "K", "غ": "K", "ج": "K", "ه": "H", "ح": "H",
    "خ": "H", "ر": "R", "ل": "L", "م": "M", "ن": "N", "و": "W", "ي": "Y",
}
_ARABIC_VOWELS = set("اويىءعأإآئؤ")
# Latin letter groups, longest first, each with its class or classes ("" = a vowel, dropped).
_LATIN_UNITS: list[tuple[str, tuple[str, ...]]] = [
    ("sch", ("C",)), ("tch", ("TC",)), ("sh", ("C",)), ("ch", ("C", "TC", "K")), ("kh", ("H",)),
    ("gh", ("K",)), ("th", ("T",)), ("dh", ("D",)), ("ph", ("F",)), ("dj", ("K",)), ("ck", ("K",)),
    ("ou", ("",)), ("qu", ("K",)), ("x", ("KS",)),
    ("b", ("B",)), ("p", ("B",)), ("f", ("F",)), ("v", ("F",)), ("t", ("T",)), ("d", ("D",)),
    ("s", ("S",)), ("z", ("Z", "S")), ("k", ("K",)), ("q", ("K",)), ("g", ("K",)), ("j", ("K",)),
    ("c", ("K", "S")), ("h", ("H", "")), ("r", ("R",)), ("l", ("L",)), ("m", ("M",)), ("n", ("N",)),
    ("w", ("W", "")), ("y", ("Y", "")),
    ("a", ("",)), ("e", ("",)), ("i", ("",)), ("o", ("",)), ("u", ("",)),
]
_ARTICLE = ("ال",)
# A Latin-script word with its accented letters («Orbán», «Erdoğan», «Müller»): cut at «á», "Orbán"
# was the name «Orb», whose skeleton found «روبيو».
LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
# Latin letters that Unicode decomposition does not take to a base letter.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i"})
MIN_CLASSES = 2
MAX_VARIANTS = 16
# A name whose skeleton four or more words of the articles share is too short or common to tell («Cairo» matched
# «الصراع، جري، سريع، غير»). Allowing three matches instead of four: seen +1 answer, blind 30–67 +1.
MAX_MATCHES = 3


def latin_words(text: str) -> list[tuple[re.Match[str], bool]]:
    """The Latin-script words of a text (`LATIN_WORD_RE`), in order, each with whether it opens the text's
    Latin words or a sentence (after «.», «?», «!» or «:»), where any word may be capitalised."""
    return [(match, n == 0 or text[:match.start()].rstrip().endswith((".", "?", "!", ":")))
            for n, match in enumerate(LATIN_WORD_RE.finditer(text))]


def fold_latin(word: str) -> str:
    """A Latin-script word without its accents («Orbán» → «Orban», «Erdoğan» → «Erdogan», «Søren» → «Soren»)."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _collapse(classes: str) -> str:
    """Merge runs of one class (double letters, assimilated articles: «Essebsi» ~ السبسي)."""
    return re.sub(r"(.)\1+", r"\1", classes)


def arabic_skeleton(word: str) -> str:
    """The consonant skeleton of a normalised Arabic word: article stripped, vowel letters dropped
    (a first و or ي is a consonant), a final ه (ة) dropped."""
    for article in _ARTICLE:
        if word.startswith(article) and len(word) > len(article) + 2:
            word = word[len(article):]
            break
    if len(word) > 3 and word.endswith("ه"):
        word = word[:-1]
    out = []
    for i, ch in enumerate(word):
        if ch in _ARABIC_VOWELS and not (i == 0 and ch in "وي"):
            continue
        out.append(_ARABIC_CLASSES.get(ch, ""))
    return _collapse("".join(out))


def latin_skeletons(word: str) -> set[str]:
    """The skeletons a Latin-script word may have in Arabic (a few, for ambiguous letters); accents
    are dropped first (`fold_latin`)."""
    word = fold_latin(word).lower()
    variants = [""]
    i = 0
    while i < len(word):
        for unit, classes in _LATIN_UNITS:
            if word.startswith(unit, i):
                initial = i == 0
                options = tuple(c for c in classes if c or not initial) if unit in ("w", "y") and initial else classes
                variants = list(dict.fromkeys(v + c for v in variants for c in options))[:MAX_VARIANTS]
                i += len(unit)
                break
        else:
            i += 1
    return {s for v in variants if len(s := _collapse(v)) >= MIN_CLASSES}


class SkeletonIndex:
    """Arabic words of a vocabulary by skeleton, to find a Latin-script name's Arabic spelling."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._by_skeleton: dict[str, set[str]] = {}
        for word in vocabulary:
            if len(word) >= 3 and not word.isascii():
                skeleton = arabic_skeleton(word)
                if len(skeleton) >= MIN_CLASSES:
                    self._by_skeleton.setdefault(skeleton, set()).add(word)

    def names(self, text: str, stopwords: frozenset[str] = frozenset()) -> Iterator[tuple[str, list[str]]]:
        """Each name of `text` (a capitalised Latin word, not the first word of the text: «Hello»,
        «Who»), in order, with the Arabic words of the vocabulary it may transliterate; a name matching
        too many (a short, common skeleton) or none is left out. Common English words are not names:
        «there» and «thanks» have skeletons that common Arabic words share."""
        for match, first in latin_words(text):
            word = match.group()
            if len(word) < 3 or word.lower() in stopwords or not word[0].isupper() or first:
                continue
            matches = set().union(*(self._by_skeleton.get(s, set()) for s in latin_skeletons(word)))
            if 0 < len(matches) <= MAX_MATCHES:
                yield word, sorted(matches)
