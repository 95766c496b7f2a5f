"""Arabic normalisation and the tokens the lexical index and the answer checks share."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pyarabic import araby

# Digits, and the Arabic percent sign and decimal and thousands separators («51٫6٪» is «51.6%»).
_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٪٫٬", "01234567890123456789%.,")
_LETTER_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_TOKEN_RE = re.compile(r"[\w]+", re.UNICODE)
_ARABIC_RE = re.compile(r"[\u0600-\u06FF]")
_LATIN_RE = re.compile(r"[A-Za-z]")

# Article-bearing proclitic chains, longest first; a lone و ف ب ل ك is ambiguous (وزير, كيلي),
# so such words are indexed both with and without it.
_ARTICLE_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال")
_SINGLE_CLITICS = "وفبلك"
_MIN_STEM = 2
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")  # enclitic pronouns, longest first
# Inflection endings (plural, dual, feminine, verb person): a stem variant is indexed too.
_INFLECTIONS = ("ات", "ون", "ين", "ان", "وا", "ت", "ا", "ي")
_DUAL = ("ان", "ين")
# Dialect future prefixes on an imperfect verb («حيسافر»، «هيسافر»).
_DIALECT_FUTURE = "حه"
# Dialect demonstrative glued to the article: هالأسبوع = هذا الأسبوع.
_DIALECT_DEMONSTRATIVE = "هال"
# Form VII verbs (انعقد، ينعقد، تنعقد) share their root with the plain verb (عقد).
_FORM_VII_PREFIXES = ("ان", "ين", "تن")
_FORM_VII_LENGTH = 5
# Verbal nouns carry a long vowel before the last root letter that their verbs lack
# (تأجيل/تأجل، اجتماع/اجتمع، انسحاب/انسحب): the form without it is indexed too.
_MASDAR_VOWELS = "اي"
_MASDAR_MIN_LENGTH = 5

# Script variants folded for every text the bot reads (articles, questions): Persian and Urdu letters
# typed on Persian keyboards, the superscript alef (الرحمٰن), Persian digits; invisible format
# characters (joiners, marks, BOM, bidi controls) are removed. Presentation forms go through NFKC.
_SCRIPT_FOLD = str.maketrans({
    "\u06a9": "ك", "\u06aa": "ك", "\u06af": "ك",  # keheh, swash kaf, gaf
    "\u06cc": "ي", "\u06d0": "ي", "\u064a": "ي", "\u06d2": "ي",  # farsi yeh, e, yeh, yeh barree
    "\u06c0": "ة", "\u06c3": "ة",  # heh with yeh above, teh marbuta goal
    "\u06c1": "ه", "\u06be": "ه", "\u06d5": "ه",  # heh goal, heh doachashmee, ae
    "\u0670": "", "\u0640": "",  # superscript alef, tatweel
    **{chr(0x06F0 + i): chr(0x0660 + i) for i in range(10)},  # Persian digits -> Arabic-Indic
})
_UNREADABLE_CHARS = "\ud800-\udfff\ufffd\ufffe\uffff"  # lone surrogates, U+FFFD, noncharacters
_CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f"  # control characters but tab and newline
_UNREADABLE_RE = re.compile(f"[{_UNREADABLE_CHARS}]")
CONTROL_RE = re.compile(f"[{_CONTROL_CHARS}]")
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def canonical_text(text: str) -> str:
    """One spelling for the script variants of the same Arabic text (NFKC, Persian/Urdu letters,
    superscript alef, tatweel, Persian digits, zero-width and bidi characters); readable as before.
    Applied to articles when they are read and to questions when they are asked."""
    return fold_script(visible_text(text))


def visible_text(text: str) -> str:
    """NFKC (presentation forms), zero-width and bidi characters dropped, and characters that stand for
    no text (lone surrogates: bytes that were not UTF-8, read with Python's surrogateescape from a
    terminal, a pipe or argv; U+FFFD, noncharacters) made spaces: `canonical_text` before its letters
    are folded, which still tells a Persian question («چه کسی…») from Arabic."""
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", _UNREADABLE_RE.sub(" ", text)))


def unreadable_share(text: str) -> float:
    """The share (0.0–1.0) of a text's characters, spaces aside, that stand for no text: lone
    surrogates, U+FFFD and noncharacters (`visible_text` makes them spaces) and control characters.
    Bytes that were not UTF-8 text (a file, another encoding) leave many of them."""
    shown = "".join(text.split())
    if not shown:
        return 0.0
    return len(_NOT_TEXT_RE.findall(shown)) / len(shown)


_NOT_TEXT_RE = re.compile(f"[{_UNREADABLE_CHARS}{_CONTROL_CHARS}]")


def fold_script(text: str) -> str:
    """Persian and Urdu letters as the Arabic ones they stand for, superscript alef and tatweel
    dropped, Persian digits as Arabic-Indic: the rest of `canonical_text`."""
    return text.translate(_SCRIPT_FOLD)


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits, percent sign and separators as ASCII, one character for one
    («٥ يونيو ٢٠٢٣» → «5 يونيو 2023»): what the model embeds, so that an article or a question written
    with either digits gets the same vectors (offsets into the text are unchanged)."""
    return text.translate(_ARABIC_INDIC_DIGITS)


def normalize_arabic(text: str) -> str:
    """Canonical text without diacritics, alef/ya/ta marbuta forms unified, digits mapped, case folded."""
    text = araby.strip_tashkeel(canonical_text(text))
    return text.translate(_LETTER_MAP).translate(_ARABIC_INDIC_DIGITS).lower()


STOPWORDS = frozenset(
    normalize_arabic(w)
    for w in """
    في من الى علي عن مع هذا هذه ذلك تلك هو هي هم هما نحن انت انتم كان كانت يكون تكون
    ان او ثم قد لقد لم لن لا ما ماذا لماذا متي اين كيف كم هل من اي التي الذي الذين اللذين
    كل بعض غير بين عند عندما حتي منذ خلال بعد قبل اذا لكن بل ايضا فقط حول لدي لدى له لها
    به بها فيه فيها منه منها عليه عليها اليه اليها هناك هنا ذات عام تم يتم كما حيث وقد وكان
    اما الا اذ لو ليس ليست مثل عبر ضد امام تحت فوق دون نحو لدي وهو وهي وفي شو ليش وين مين
    المقال المقاله المقالة مقال مقاله النص الخبر ذكر تذكر يذكر قال قالت حسب وفقا
    رح راح سوف بدي هلق هلا ايش ايه ليه امتى قديش اديش فين حدا هيك كتير
    بتاع بتاعه بتاعت بتوع ديال ديالو تاع تاعه متاع نتاع
    what who whom whose when where why how which is are was were the a an of in on at to for
    did does do and or with about by from that this it its be been has have had
    """.split()
)


def clitic_variants(word: str) -> tuple[str, ...]:
    """Forms of a normalised word to index: without its article chain or a lone proclitic,
    and without a pronoun suffix (ه ها هم هما, ambiguous with ة once normalised, so both are kept)."""
    if not _ARABIC_RE.search(word):
        return (word,)
    forms = [word]
    if word.startswith(_DIALECT_DEMONSTRATIVE) and len(word) >= 6:
        word = word[1:]  # «ال…», which the article stripping below takes as its only form
    elif len(word) == _FORM_VII_LENGTH and word.startswith(_FORM_VII_PREFIXES):
        forms.append(word[2:])
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            forms = [word[len(prefix):]]
            break
    else:
        if word[0] in _SINGLE_CLITICS and len(word) >= 4:
            forms.append(word[1:])
        if word[0] in _DIALECT_FUTURE and word[1] in "يتن" and len(word) >= 5:
            forms.append(word[1:])  # Egyptian/Levantine future «حيسافر»، «هيسافر» → يسافر
    for suffixes in (PRONOUN_SUFFIXES, _INFLECTIONS):
        for form in list(forms):
            for suffix in suffixes:
                if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                    stem = form[: -len(suffix)]
                    forms.append(stem)
                    if suffix in _DUAL and stem.endswith("ت") and len(stem) > 3:
                        forms.append(stem[:-1])  # a feminine dual: حادثتان → حادث, as حادثة → حادث
                    break
    for form in list(forms):
        if len(form) >= _MASDAR_MIN_LENGTH and form[-2] in _MASDAR_VOWELS:
            forms.append(form[:-2] + form[-1])
    return tuple(dict.fromkeys(forms))


def words(text: str) -> list[str]:
    """Normalised surface words of a text (no clitic stripping, stopwords kept)."""
    return _TOKEN_RE.findall(normalize_arabic(text).replace("_", " "))


def word_spans(text: str) -> dict[str, tuple[int, int]]:
    """Each normalised word of a text (as `words` gives it) with the character span, in `text` as
    written, of the first whitespace-separated chunk it comes from, trimmed of punctuation."""
    spans: dict[str, tuple[int, int]] = {}
    for chunk in re.finditer(r"\S+", text):
        inner = [m.span() for m in _TOKEN_RE.finditer(chunk.group())]
        if not inner:
            continue
        span = (chunk.start() + inner[0][0], chunk.start() + inner[-1][1])
        for word in words(chunk.group()):
            spans.setdefault(word, span)
    return spans


@lru_cache(maxsize=200_000)
def _terms(word: str) -> tuple[str, ...]:
    if word in STOPWORDS or len(word) < 2 or (word[0] in _SINGLE_CLITICS and word[1:] in STOPWORDS):
        return ()
    variants = clitic_variants(word)
    if any(term in STOPWORDS for term in variants if word.endswith(term)):
        return ()  # "وما", "فهل": a stopword behind a clitic (a stopword left by cutting a suffix is no reason)
    return variants


def tokenize(text: str) -> list[str]:
    """Lexical terms: normalised, light-stemmed (both readings of a lone clitic), no stopwords."""
    return [term for word in words(text) for term in _terms(word)]


def content_words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each content word of a text (normalised) with its terms, in order; stopwords left out."""
    return [(word, terms) for word in words(text) if (terms := _terms(word))]


def term_groups(text: str) -> list[tuple[str, ...]]:
    """The terms of each content word, grouped by word (a word counts once, whichever form matches)."""
    groups = [_terms(word) for word in words(text)]
    return list(dict.fromkeys(g for g in groups if g))


# Nouns that only say what kind of answer is wanted («ما اسم…»، «في أي مدينة…»، «كم عدد…»): the
# answer rarely repeats them, so a search does not count them as words the passage must contain.
_FRAME_NOUNS = frozenset(normalize_arabic(w) for w in "اسم سبب عدد نوع معنى مقدار name reason".split())
_FRAME_ASKERS = frozenset(normalize_arabic(w) for w in "ما ماذا كم وما فما وكم شو ايش what".split())
_WHICH = frozenset(("اي", "باي", "لاي", "واي", "which", "what"))


def without_frame_nouns(text: str) -> str:
    """A question's words without the noun that only names the kind of answer wanted."""
    tokens = words(text)
    kept = []
    for i, word in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        before2 = tokens[i - 2] if i > 1 else ""
        asked = before in _FRAME_ASKERS or (before in ("هو", "هي", "is", "the") and before2 in _FRAME_ASKERS)
        if (word in _FRAME_NOUNS and asked) or (before in _WHICH and _ARABIC_RE.search(word) and word not in STOPWORDS):
            continue
        kept.append(word)
    return " ".join(kept)


# An article needs at least this many Arabic letters, and this share of all its letters, to read as Arabic.
MIN_ARABIC_LETTERS = 20
MIN_ARABIC_SHARE = 0.2
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")  # letters, not marks or digits
# Arabic combining marks (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks): not `\w` to
# Python's `re`, so a word pattern that must keep «أيّام» or «التّونسيين» whole adds them.
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
LETTER_RE = re.compile(r"[^\W\d_]")  # a letter of any script


def reads_as_arabic(text: str) -> bool:
    """Whether an article's text is Arabic: `MIN_ARABIC_LETTERS` Arabic letters, `MIN_ARABIC_SHARE` of
    its letters in any script (an English page quoting an Arabic name is not)."""
    arabic = len(ARABIC_LETTER_RE.findall(text))
    return arabic >= MIN_ARABIC_LETTERS and arabic / (len(LETTER_RE.findall(text)) or 1) >= MIN_ARABIC_SHARE


def script_share(text: str) -> tuple[float, float]:
    """Shares of Arabic and Latin letters among a text's letters."""
    arabic = len(_ARABIC_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    letters = arabic + latin
    if not letters:
        return 0.0, 0.0
    return arabic / letters, latin / letters
