"""What a question asks for: its kind (number, time, place, person...) and whether it leans on the last turn."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import clitic_variants, normalize_arabic, script_share, tokenize, without_frame_nouns, words

# Interrogatives (normalised), Arabic, dialect and English, mapped to the kind of answer they want.
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("كم", "قديش", "اديش", "how many", "how much", "how long", "how old", "عدد", "نسبه", "مقدار"),
    "time": ("متي", "امتي", "when", "اي عام", "اي سنه", "اي يوم", "اي شهر", "what year", "what day", "تاريخ"),
    "place": ("اين", "وين", "فين", "where", "اي مدينه", "اي بلد", "اي دوله", "مكان"),
    "person": ("من هو", "من هي", "من هم", "مين", "who", "whom", "من الذي", "من التي"),
    "reason": ("لماذا", "ليش", "ليه", "لم", "why", "سبب", "ما سبب", "لاي سبب"),
}
_NUMBER_BASES = ("ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع", "عشر")
_NUMBER_WORDS = frozenset(
    [b + end for b in _NUMBER_BASES for end in ("", "ه", "ين", "ون")]
    + ["واحد", "واحده", "اثنان", "اثنين", "اثنتين", "مئه", "مائه", "مئتين", "مئات", "الف", "الفين", "الاف",
       "مليون", "مليونين", "ملايين", "مليار", "مليارات", "نصف", "ربع", "ثلث", "شهرين", "يومين", "عامين",
       "سنتين", "ساعتين", "اسبوعين", "مرتين", "دقيقتين", "مرات", "عشرات", "بضع", "بضعه"]
)
_TIME_WORDS = (
    "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "يناير", "فبراير", "مارس",
    "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط",
    "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين", "اسبوع", "الاسبوع", "شهر", "الشهر",
    "عام", "العام", "سنه", "السنه", "يوم", "اليوم", "امس", "غدا", "المقبل", "الماضي", "القادم", "منذ",
    "قرن", "القرن", "صباح", "مساء", "ليله", "حاليا", "الان", "فورا", "فتره",
)  # not عقد (also "held"), بعد, قبل, حين: as often not about time as about it
_REASON_WORDS = frozenset(
    normalize_arabic(w)
    for w in """سبب بسبب لسبب اسباب لان لأن لانه لانها نظرا اثر إثر نتيجه جراء بفعل بهدف لذلك لذا رغم بحجه كي
    لكي حتى because due since reason""".split()
)
_DIGIT_RE = re.compile(r"\d")

# Words that point back at something said earlier (normalised forms).
_REFERRING_WORDS = frozenset(
    normalize_arabic(w)
    for w in """هو هي هم هما هن ذلك تلك هذا هذه هؤلاء هناك عنه عنها عنهم له لها لهم لهما منه منها منهم
    فيه فيها عليه عليها اليه اليها معه معها معهم بعدها قبلها بعده قبله نفسه نفسها
    he she they him her his hers them their it its there that this those""".split()
)
# "من هو/ما هي" is a plain question: the pronoun there is a copula, not a reference.
_COPULAS = frozenset(("هو", "هي", "هم", "هما"))
_INTERROGATIVES = frozenset(("من", "ما", "ماذا", "ومن", "وما", "فمن", "فما", "مين", "شو"))
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")
# A question opening with "and/so (+ preposition) + interrogative" continues the conversation.
_CONJUNCTION_START = re.compile(
    r"^\s*(?:[وف](?:(?:في|على|علي|من|إلى|الى|عن|مع|ب|ل)\s*)?(?:ما|ماذا|من|كم|متى|متي|أين|اين|لماذا|كيف|هل|أي|اي)\b"
    r"|ثم\s|and\s|so\s|what about)",
    re.IGNORECASE,
)


# Common dialect words and their standard Arabic (Levantine, Gulf, Egyptian): the model and the
# lexical index both know the standard forms better.
_DIALECT = {
    "ليش": "لماذا", "ليه": "لماذا", "شو": "ماذا", "ايش": "ماذا", "إيش": "ماذا", "وين": "أين", "فين": "أين",
    "مين": "من", "قديش": "كم", "اديش": "كم", "قدي": "كم", "امتى": "متى", "إمتى": "متى", "ايمتى": "متى",
    "رح": "سوف", "راح": "سوف", "هيك": "هكذا", "هلق": "الآن", "هلأ": "الآن", "كيفاش": "كيف", "علاش": "لماذا",
}
_DIALECT_RE = re.compile(r"(?<!\w)([وف]?)(" + "|".join(sorted(_DIALECT, key=len, reverse=True)) + r")(?!\w)")
_DIALECT_DEMONSTRATIVE_RE = re.compile(r"(?<!\w)([وف]?)هال(?=\w{3,})")


def standard_arabic(text: str) -> str:
    """A question with common dialect words put in standard Arabic («ليش تأجل؟» → «لماذا تأجل؟»)."""
    text = _DIALECT_RE.sub(lambda m: m.group(1) + _DIALECT[m.group(2)], text)
    return _DIALECT_DEMONSTRATIVE_RE.sub(lambda m: m.group(1) + "هذا ال", text)


@dataclass(frozen=True)
class QuestionInfo:
    """A question's analysis, shared by retrieval, the answer decision and composition."""

    text: str
    kind: str  # number | time | place | person | reason | other
    terms: tuple[str, ...]
    latin_share: float
    refers_back: bool


def question_kind(text: str) -> str:
    """The kind of answer an interrogative asks for."""
    norm = " " + " ".join(words(text)) + " "
    for kind, cues in _KIND_WORDS.items():
        for cue in cues:
            if f" {cue} " in norm or f" و{cue} " in norm or f" ف{cue} " in norm:
                return kind
    return "other"


def _has_pronoun_suffix(raw_word: str) -> bool:
    # Checked on the raw word so that ta marbuta (ة) is not mistaken for the pronoun ه.
    if len(raw_word) < 4:
        return False
    return any(raw_word.endswith(s) for s in _PRONOUN_SUFFIXES) and not raw_word.endswith("ة")


def refers_back(text: str) -> bool:
    """True when a question leans on an earlier turn (pronouns, "and what...", very short)."""
    raw_words = re.findall(r"[\w]+", text)
    norm_words = words(text)
    for i, word in enumerate(norm_words):
        copula = word in _COPULAS and i > 0 and norm_words[i - 1] in _INTERROGATIVES
        if word in _REFERRING_WORDS and not copula:
            return True
    if any(_has_pronoun_suffix(w) for w in raw_words[1:] + raw_words[:1]):
        return True
    return bool(_CONJUNCTION_START.match(text))


def analyse(text: str) -> QuestionInfo:
    """Analyse one question."""
    _, latin = script_share(text)
    return QuestionInfo(
        text=text,
        kind=question_kind(text),
        terms=tuple(tokenize(without_frame_nouns(text))),
        latin_share=latin,
        refers_back=refers_back(text),
    )


def _mentions(words_: list[str], vocabulary: frozenset[str]) -> bool:
    """Whether any word, as written or without its clitics and suffixes, is in a vocabulary."""
    return any(w in vocabulary or not vocabulary.isdisjoint(clitic_variants(w)) for w in words_)


def answers_kind(kind: str, passage: str) -> bool:
    """Whether a passage can hold the kind of answer asked for (numbers, times and causes are checkable)."""
    norm_words = words(passage)
    if kind == "number":
        return bool(_DIGIT_RE.search(" ".join(norm_words))) or _mentions(norm_words, _NUMBER_WORDS)
    if kind == "time":
        return bool(_DIGIT_RE.search(" ".join(norm_words))) or _mentions(norm_words, _TIME_SET)
    if kind == "reason":
        return _mentions(norm_words, _REASON_WORDS)
    return True


# Time words also without their article, except where that leaves another word (الان → ان، الاحد → احد).
_TIME_SET = frozenset(_TIME_WORDS) | frozenset(
    w[2:] for w in _TIME_WORDS if w.startswith("ال") and len(w) > 4 and w[2:] not in ("احد",)
)
