"""What a question asks for: its answer type (bot.answer_type) and whether it leans on the last turn."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from pyarabic import araby

from bot.answer_type import (asked_kind_of_name, asked_role, asked_role_by_verb, asked_units, asks_day,
                             asks_for_country, asks_for_name, asks_for_town, asks_when_in_future, asks_when_planned,
                             calendar_question, counted_noun, english_asked_role, english_role_by_verb,
                             english_role_nationality, expected_type, how_many_noun, months_named, name_noun,
                             question_words, role_nationality, role_qualifier, says_pay, weekdays_named, years_named)
from bot.saying import described_by, english_described_by, english_speaker, reaction
from index.wordcounts import arabic_word_counts
from index.normalize import (ARABIC_MARKS, PRONOUN_SUFFIXES, normalize_arabic, script_share, term_groups, tokenize,
                             without_frame_nouns, words)

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
# The interrogatives that open a continuing question, as typed (not normalised).
_ASKING = "ما|ماذا|من|كم|متى|متي|أين|اين|لماذا|كيف|هل|أي|اي"
# A question opening with "and/so (+ preposition) + interrogative" continues the conversation.
_CONJUNCTION_START = re.compile(
    rf"^\s*(?:[وف](?:(?:في|على|علي|من|إلى|الى|عن|مع|ب|ل)\s*)?(?:{_ASKING})\b"
    r"|ثم\s|and\s|so\s|what about)",
    re.IGNORECASE,
)
# «ومنذ أي سنّ؟», «وبالتعاون مع أي وزارة…؟», «والنسخة العادية بكم؟», «وفي فرنسا؟», «وبجندوبة؟», «ولتركيا؟»,
# «وكانت لمن؟»: "and" with a preposition, the article or «كان» (or «صار», «أصبح») on the first word, then an
# interrogative within the next three words or little else («وزير الخارجية من أي بلد؟» is no continuation;
# «ولكن» is "but").
_AND_START = re.compile(
    r"^\W*[وف](?:في|من|عن|على|علي|إلى|الى|منذ|بعد|قبل|حسب|بحسب|رغم|مع|عند|خلال|حتى|حتي|لدى|لدي|إذا|اذا"
    r"|ال\w+|بال\w+|لل\w+|بحلول|ب(?!ال)\w{3,}|ل(?!ل|كن)\w{3,}"
    r"|كان|كانت|كانوا|كانا|يكون|تكون|سيكون|ستكون|صار|صارت|أصبح|أصبحت|اصبح|اصبحت)(?!\w)")
_INTERROGATIVE_SOON = re.compile(rf"^\W*\w+(?:\W+\w+){{0,2}}?\W+[وفبل]?(?:{_ASKING}|أية|اية)(?!\w)")
# An English pronoun for a person before any name or noun with "the" in the question ("Is he likely to
# recommend a Putin–Trump meeting?"; not "What did Trump say he…", "Where did the teacher go to file her
# complaint?"): it leans on the last turn at any length. (Our English questions: 9 of 769 standalone ones were
# read as follow-ups without the "the", 2 with it; all 14 follow-ups still are.)
_ENGLISH_PRONOUN_FIRST = re.compile(
    r"^\W*\w+(?:\W+(?![A-Z])(?!the\b)\w+)*?\W+(?:he|she|they|him|his|her|them|their)\b")
# A question with more content words than this says what it is about itself (`refers_back`).
_SHORT_QUESTION_GROUPS = 3


# Dialect question words, particles and common verbs with their standard Arabic (Maghrebi, Egyptian,
# Levantine, Gulf, Iraqi): the model and the lexical index both know the standard forms better.
# Verbs inflected the dialect's way (b-/k-/h- prefixes) are matched by the index's clitic variants.
_DIALECT = {
    # who / what / which
    "مين": "من", "لمين": "لمن", "بمين": "بمن", "شكون": "من", "منو": "من", "مينو": "من",
    "شو": "ماذا", "ايش": "ماذا", "إيش": "ماذا", "شنو": "ماذا", "شنوة": "ماذا", "شنيا": "ماذا", "اشنو": "ماذا",
    "آش": "ماذا", "اش": "ماذا", "ايه": "ماذا", "إيه": "ماذا", "وش": "ماذا", "فاش": "في ماذا",
    "أنهي": "أي", "انهي": "أي", "إنهي": "أي", "أنهو": "أي", "انهو": "أي", "اشمن": "أي", "أشمن": "أي", "آشمن": "أي",
    # where / when / why / how / how much
    "وين": "أين", "فين": "أين", "فاين": "أين", "منين": "من أين", "لوين": "إلى أين", "لفين": "إلى أين",
    "امتى": "متى", "إمتى": "متى", "ايمتى": "متى", "إيمتى": "متى", "وقتاش": "متى", "شوكت": "متى", "اشوكت": "متى",
    "ليش": "لماذا", "ليه": "لماذا", "علاش": "لماذا", "علاه": "لماذا", "لاش": "لماذا",
    "كيفاش": "كيف", "كيفش": "كيف", "ازاي": "كيف", "إزاي": "كيف", "شلون": "كيف", "اشلون": "كيف",
    "قديش": "كم", "اديش": "كم", "قدي": "كم", "قداش": "كم", "شحال": "كم", "اشحال": "كم", "كام": "كم",
    "بكام": "بكم", "شكد": "كم", "شكثر": "كم", "چم": "كم", "سوم": "سعر",
    # particles, adverbs, common verbs
    "واش": "هل", "رح": "سوف", "راح": "سوف", "غادي": "سوف", "باش": "لكي", "هيك": "هكذا", "هلق": "الآن",
    "هلأ": "الآن", "توا": "الآن", "دلوقتي": "الآن", "دابا": "الآن", "هسه": "الآن", "برشا": "كثيرا",
    "بزاف": "كثيرا", "ياسر": "كثيرا", "وايد": "كثيرا", "كتير": "كثيرا", "عايز": "يريد", "عايزة": "تريد",
    "بدي": "أريد", "يبي": "يريد", "ماشي": "ليس", "مش": "ليس", "موش": "ليس", "مو": "ليس",
    "اللي": "الذي", "إللي": "الذي", "مفيش": "لا يوجد", "مافيش": "لا يوجد", "عشان": "لأن", "علشان": "لأن",
    "مشان": "لأن", "كمان": "أيضا", "لسه": "ما زال", "لسا": "ما زال", "دلوقت": "الآن",
    "امبارح": "أمس", "إمبارح": "أمس", "مبارح": "أمس", "بكرة": "غدا", "بكره": "غدا",
    # seeing, coming: the commonest dialect verbs that standard Arabic says otherwise
    "يشوف": "يرى", "تشوف": "ترى", "يشوفوا": "يرون", "شاف": "رأى", "شافت": "رأت", "شافوا": "رأوا",
    "بيشوف": "يرى", "كيشوف": "يرى", "الجاية": "القادمة", "الجايه": "القادمة", "الجاي": "القادم",
    # more of the commonest: Maghrebi, Egyptian, Levantine, Gulf
    "اشكون": "من", "شنية": "ماذا", "شنوا": "ماذا", "قداه": "كم", "بقداش": "بكم", "قد إيه": "كم", "قد ايه": "كم",
    "كاين": "يوجد", "كاينة": "توجد", "كاينين": "يوجدون", "بغا": "أراد", "بغات": "أرادت", "برشة": "كثيرا",
    "زادة": "أيضا", "توة": "الآن", "هوما": "هم", "دراري": "أطفال", "الدراري": "الأطفال", "مزيان": "جيد",
    "عاوز": "يريد", "عاوزة": "تريد", "عايزين": "يريدون", "عاوزين": "يريدون", "كده": "هكذا", "ده": "هذا",
    "اتنين": "اثنين", "تلاتة": "ثلاثة", "تلات": "ثلاث", "هيدا": "هذا", "هيدي": "هذه", "هاد": "هذا",
    "هادا": "هذا", "بدو": "يريد", "بدها": "تريد", "بدهم": "يريدون", "منيح": "جيد", "يبغى": "يريد",
    "تبغى": "تريد", "ابغى": "أريد", "يبون": "يريدون", "هذي": "هذه", "احنا": "نحن", "إحنا": "نحن",
    # the telephone, as every dialect says it, and Egyptian «اتكلم» (to talk)
    "تلفون": "هاتف", "تليفون": "هاتف", "التلفون": "الهاتف", "التليفون": "الهاتف", "بالتلفون": "بالهاتف",
    "بالتليفون": "بالهاتف", "تلفونيا": "هاتفيا", "تليفونيا": "هاتفيا", "اتكلم": "تكلم", "اتكلمت": "تكلمت",
    "اتكلموا": "تكلموا", "بيتكلم": "يتكلم", "بيتكلموا": "يتكلمون",
    # going, coming, being hurt
    "رايح": "ذاهب", "رايحة": "ذاهبة", "رايحين": "ذاهبون", "جا": "جاء", "جات": "جاءت", "اجا": "جاء",
    "انصاب": "أصيب", "انصابت": "أصيبت", "انصابوا": "أصيبوا", "انصابو": "أصيبوا",
    # jumping, talking (Egyptian, Levantine); «قبل كده» is before that, not «like this»
    "نط": "قفز", "نطت": "قفزت", "نطوا": "قفزوا", "بينط": "يقفز", "حكى": "تحدث", "حكي": "تحدث",
    "حكت": "تحدثت", "حكيوا": "تحدثوا", "حكوا": "تحدثوا", "بيحكي": "يتحدث", "قبل كده": "قبل ذلك",
    "بعد كده": "بعد ذلك",
}
_DIALECT_ALTERNATIVES = "|".join(sorted(map(re.escape, _DIALECT), key=len, reverse=True))
# Where a word starts and ends: a diacritic is part of the word it sits on («صوّتوا» holds no «توا»,
# «موّل» no «مو»), though `\w` does not match it (the marks of `index.normalize.ARABIC_MARKS`, as in
# `index.phrases.WORD_RE`).
_START = rf"(?<![\w{ARABIC_MARKS}])"
_END = rf"(?![\w{ARABIC_MARKS}])"
# A whole dialect word first («واش»), else one behind و/ف («وشكون»).
_DIALECT_RE = re.compile(rf"{_START}(?:()({_DIALECT_ALTERNATIVES})|([وف])({_DIALECT_ALTERNATIVES})){_END}")
_DIALECT_DEMONSTRATIVE_RE = re.compile(rf"{_START}([وف]?)هال(?=\w{{3,}})")
# Maghrebi «شنو سمية الرضيع؟», «آش سميتو؟» (what is the name, his name), once «شنو» is «ماذا»: only after
# the question word, since «سمية» alone is a given name.
_DIALECT_NAME_RE = re.compile(rf"{_START}ماذا\s+سمي(ة|ه|ت|تو|ته|تها|تهم)(?!\w)")
_DIALECT_NAME_OWNER = {"تو": "ه", "ته": "ه", "تها": "ها", "تهم": "هم"}  # «سميتو» his name: «اسمه»
# Egyptian keeps the question word where the answer goes: «بوتين قال إيه عن…؟», «لافروف ردّ إزاي على…؟»
# (once «إيه», «إزاي» are «ماذا», «كيف»): said and replied to, put as standard Arabic asks them («ماذا قال
# بوتين عن…؟»), so that who speaks is found as in any such question (`bot.saying.reaction`).
_SAID_WHAT_RE = re.compile(
    rf"^(\W*)((?:\w+\s+){{0,4}}?\w+)\s+([وف]?(?:قال|قالت|قالوا|رد\u0651?|رد\u0651?ت|رد\u0651?وا|عل\u0651?ق|"
    rf"عل\u0651?قت|صر\u0651?ح|صر\u0651?حت|[أا]كد|[أا]كدت|[أا]علن|[أا]علنت))\s+(ماذا|كيف){_END}")
# Egyptian «اسمه إيه؟», «الحكم اسمه إيه؟» (his name is what), once «إيه» is «ماذا»: «ما اسمه؟».
_NAME_WHAT_RE = re.compile(rf"{_START}اسم(ه|ها|هم)?\s+ماذا{_END}")
# «وش اسم…», «شنو هي…» read «ماذا اسم…», «ماذا هي…»: before a noun or a pronoun «ما» asks it.
_WHAT_BEFORE_NOUN_RE = re.compile(rf"{_START}([وف]?)ماذا(?=\s+(?:اسم\w*|هو|هي|هم){_END})")
# «السفير الجديد اسمه إيه؟» (once «ما اسمه» by `_NAME_WHAT_RE`): the name asked last, put first as standard
# Arabic asks it («ما اسم السفير الجديد؟»); an opening «هو/هي» of Egyptian is no part of it, nor «مين» asked first
# («مين المسؤول اللي قال…؟ اسمه إيه؟»: «ما اسم المسؤول الذي قال…؟»).
_NAME_LAST_RE = re.compile(r"^(\W*)(?:(?:من\s+)?(?:هو|هي)\s+|من\s+)?(\w.*?)\s*[؟?]?\s+ما اسم(?:ه|ها|هم)(\W*)$")
# «بن عثمان عنده كام سنة؟», «عندها قديش سنة؟»: how many years someone has is his age.
_YEARS_HAD_RE = re.compile(rf"{_START}عند(ه|ها|هم|و)?\s+كم\s+(?:سنة|سنه|عام|سنين)(?=\W|$)")
# The Egyptian passive «اتـ» on a verb of three root letters («اتأجل»، «اتقفلت»، «اتولد») is the
# standard «تـ» form («تأجل»); a standard «اتـ» word keeps two root letters after it, or a suffix or
# ta marbuta after three («اتصل»، «اتخذت»، «اتهمه»، «فاتورة»), or a long vowel («اتحاد»، «اتفاق»).
# Questions only: articles are not rewritten.
_DIALECT_PASSIVE_RE = re.compile(rf"{_START}([وف]?)ات(?=[^\Wا][^\Wاوي][^\Wاويتهة](?:ت|وا|و|نا|ي)?(?!\w))")


# Egyptian and Levantine put the future on a verb with «ح» or «ه» («حيقود», «هيقود») where standard
# Arabic has «س» («سيقود»), which the model reads better. Only where the verb without the prefix is
# that much more common than the word itself (pyspellchecker's Arabic counts: «يقود» 12,105 against
# none), so that «حيوان», «هيئة», «حيتان» stay as they are.
_DIALECT_FUTURE_RE = re.compile(rf"{_START}([وف]?)[حه]([يتن]\w{{3,}}){_END}")
FUTURE_VERB_MIN_COUNT = 200
FUTURE_VERB_RATIO = 100


def _far_commoner(standard: str, *written: str) -> bool:
    """Whether the standard form of a dialect word is common (FUTURE_VERB_MIN_COUNT in pyspellchecker's
    Arabic counts) and over FUTURE_VERB_RATIO times as common as the word as written: «يقود» 12,105
    against «حيقود» none, but «الية» not against «عالية»."""
    counts = arabic_word_counts()
    found = counts.get(normalize_arabic(standard), 0)
    return found >= FUTURE_VERB_MIN_COUNT and found > FUTURE_VERB_RATIO * max(
        counts.get(normalize_arabic(word), 0) for word in written)


def _standard_future(match: re.Match[str], spelled: Callable[[str], bool] | None = None) -> str:
    written = match.group()[len(match.group(1)):]
    if spelled is not None and spelled(written):
        return match.group()  # «هيومن رايتس ووتش»: a name the articles spell, no verb of the future
    if _far_commoner(match.group(2), written):
        return match.group(1) + "س" + match.group(2)
    return match.group()


# The dialects' «طوّل» (it lasted, it took long), told from the noun «طول» (length) by its shadda only:
# «قديش طوّل الاجتماع؟» asks how long it lasted, «كم طول الجسر؟» how long it is.
_LASTED_RE = re.compile(rf"{_START}([وف]?)طو\u0651ل(ت|وا|و)?(?!\w)")


# A vocative and who it calls («يا عم», «يا جماعة», «يا ترى»): no part of what is asked.
_VOCATIVE_RE = re.compile(rf"{_START}يا\s+\w+\s*")


# A word with diacritics; only dialect words lose them here (the others' are the user's spelling).
_DIACRITISED_WORD_RE = re.compile(r"[\w\u064b-\u0652]*[\u064b-\u0652][\w\u064b-\u0652]*")


def _bare_if_dialect(match: re.Match[str]) -> str:
    bare = araby.strip_tashkeel(match.group())
    dialect = _DIALECT_RE.fullmatch(bare) or _DIALECT_DEMONSTRATIVE_RE.match(bare) or _DIALECT_PASSIVE_RE.match(bare)
    return bare if dialect else match.group()


# «عالتلفون», «عالحدود»: «على ال…» run together, as every dialect writes it. Only where the noun with
# the article is that much more common than the word itself (`_far_commoner`), so that «عالمية»,
# «عالية», «عالقة» stay as they are.
_ON_THE_RE = re.compile(rf"{_START}([وف]?)عال(\w{{3,}}){_END}")


def _standard_on_the(match: re.Match[str]) -> str:
    # the word as written and without «و/ف»: «فعاليات» is a word, not «ف» + «عال» + «يات»
    if _far_commoner("ال" + match.group(2), match.group(), match.group()[len(match.group(1)):]):
        return match.group(1) + "على ال" + match.group(2)
    return match.group()


def standard_arabic(text: str, spelled: Callable[[str], bool] | None = None) -> str:
    """A question with common dialect words put in standard Arabic («ليش تأجل؟» → «لماذا تأجل؟»,
    «اتأجل» → «تأجل», «حيقود» → «سيقود», «شنو سمية…» → «ما اسم…», «السفير اسمه إيه؟» → «ما اسم السفير؟»,
    «عنده كام سنة؟» → «كم عمره؟», «طوّل» → «استمر», «عالتلفون» → «على الهاتف»), a vocative dropped («يا عم»);
    diacritics go first, since dialect is often written with them («قدّاش», «شنوّة»). `spelled`: whether the
    articles have a word as written; a word they do is not read as a dialect verb of the future."""
    text = _LASTED_RE.sub(lambda m: m.group(1) + "استمر" + ("ت" if m.group(2) == "ت" else "وا" if m.group(2) else ""),
                          text)
    text = _DIACRITISED_WORD_RE.sub(_bare_if_dialect, text)
    text = _ON_THE_RE.sub(_standard_on_the, text)
    text = _DIALECT_RE.sub(lambda m: (m.group(1) or m.group(3) or "") + _DIALECT[m.group(2) or m.group(4)], text)
    text = _DIALECT_DEMONSTRATIVE_RE.sub(lambda m: m.group(1) + "هذا ال", text)
    text = _DIALECT_NAME_RE.sub(lambda m: "ما اسم" + _DIALECT_NAME_OWNER.get(m.group(1), ""), text)
    text = _NAME_WHAT_RE.sub(lambda m: "ما اسم" + (m.group(1) or ""), text)
    text = _WHAT_BEFORE_NOUN_RE.sub(lambda m: m.group(1) + "ما", text)
    text = _NAME_LAST_RE.sub(lambda m: f"{m.group(1)}ما اسم {m.group(2)}{m.group(3)}", text)
    text = _YEARS_HAD_RE.sub(lambda m: "كم عمر" + (m.group(1) if m.group(1) in ("ها", "هم") else "ه"), text)
    text = _SAID_WHAT_RE.sub(lambda m: f"{m.group(1)}{m.group(4)} {m.group(3)} {m.group(2)}", text)
    text = _VOCATIVE_RE.sub("", text)
    text = _DIALECT_FUTURE_RE.sub(partial(_standard_future, spelled=spelled), text)
    return _DIALECT_PASSIVE_RE.sub(lambda m: m.group(1) + "ت", text)


@dataclass(frozen=True)
class QuestionInfo:
    """A question's analysis, shared by retrieval, the answer decision and composition."""

    text: str
    kind: str  # the answer type asked for: see bot.answer_type.expected_type
    terms: tuple[str, ...]
    latin_share: float
    refers_back: bool
    asked: frozenset[str] = frozenset()  # its normalised words: a phrase it already says is no answer
    asks_name: str | None = None  # the kind of name it asks for outright («ما اسم زوجته؟»: person)
    name_noun: str | None = None  # what it asks the name of («ما اسم الملعب؟»: «الملعب»): `name_noun`
    asks_holder: tuple[str, str | None] | None = None  # the person role it asks the holder of: `asked_role`
    holder_qualifier: str | None = None  # the adjective of that role's body («…الغرفة الوطنية»): `role_qualifier`
    heads: tuple[str, str | None] | None = None  # «من يرأس X؟»: the role its verb names, `asked_role_by_verb`
    counts: str | None = None  # the noun a «كم عدد…؟» question counts: `counted_noun`
    how_many: str | None = None  # the noun right after «كم/قداش…» («كم دراجة…؟»), a hint: `how_many_noun`
    pay: bool = False  # it asks what someone is paid («كم راتب…؟»): `says_pay`
    actor: str | None = None  # who reacts or speaks in a «كيف ردّ X على…؟» question: `reaction`
    described: str | None = None  # «كيف وصف الكرملين المكالمة؟»: who describes (or what): `described_by`
    speaker: str | None = None  # "What did Lavrov say about…?": who speaks, in Latin script: `english_speaker`
    describer: str | None = None  # "How did the Kremlin describe…?": who describes, in Latin script: `english_described_by`
    stance: bool = False  # that question asks X's stance («ما موقف X من…؟»), which others may report
    nationality: tuple[str, str] | None = None  # a role it asks about and its nisba («وزير», «الروسي»)
    named_kind: tuple[str, ...] | None = None  # «في أي سجن…؟»: the kind of named place asked for, with synonyms
    future: bool = False  # it asks when something will happen: `asks_when_in_future`
    planned: bool = False  # it asks when something planned, expected or possible is: `asks_when_planned`
    units: tuple[str, ...] = ()  # the units a how-much question asks in («كم ساعة…؟»): `asked_units`
    town: bool = False  # it asks for a city, a region or a street, not a country: `asks_for_town`
    country: bool = False  # it asks which country or countries: `asks_for_country`
    calendar: bool = False  # it asks for a date of the calendar («في أي تاريخ…؟», «منذ متى…؟»): `calendar_question`
    since: bool = False  # of those, since when («منذ متى…؟»), which a date after «منذ» answers too
    day: bool = False  # it asks on which day («في أي يوم…؟»): `asks_day`
    years: tuple[str, ...] = ()  # the years it names («كم بلغت المداخيل سنة 2012؟»): `years_named`
    months: frozenset[int] = frozenset()  # the months it names, 1–12 («…خلال شهر جانفي؟»): `months_named`
    weekdays: frozenset[int] = frozenset()  # the weekdays it names, 1–7 («…يوم الخميس؟»): `weekdays_named`

    @property
    def checked_kind(self) -> str:
        """The answer type its passages are checked and marked for: `kind`, but "planned" for a when-
        question about something planned («متى كان مقررا أن يلتقيا؟»), which «هذا الأسبوع» answers too."""
        return "planned" if self.kind == "date" and self.planned else self.kind


# A noun with the definite article takes no pronoun suffix: «المتهم», «الوجه», «للمساهم» end in هم or ه
# of their own.
_DEFINITE_RE = re.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)\w")


def _has_pronoun_suffix(raw_word: str) -> bool:
    # Checked on the raw word so that ta marbuta (ة) is not mistaken for the pronoun ه. «الله» ends in
    # ه too, and names hold it («نصر الله», «عبد الله», «جاب الله»): a question naming one is not a follow-up.
    if len(raw_word) < 4 or normalize_arabic(raw_word).endswith("لله") or _DEFINITE_RE.match(raw_word):
        return False
    return any(raw_word.endswith(s) for s in PRONOUN_SUFFIXES) and not raw_word.endswith("ة")


def refers_back(text: str) -> bool:
    """True when a question leans on an earlier turn: it opens with "and/so (+ preposition) +
    interrogative" («وكم عمره؟», «ومنذ أي سنّ؟»), or it is short and points back (a pronoun, a
    demonstrative, a pronoun suffix: «كم عمره؟», «من هي؟»).

    A pronoun or suffix in a longer question mostly points inside it («ما الحرب التي يسعى ترامب إلى
    إنهائها؟», «هو روبيو ولافروف ممكن يتكلموا تاني؟» with the Egyptian opening «هو»), and reading
    it as a follow-up in a conversation searches it with the turn before. Our question sets: of 2,888
    standalone questions 941 were read as follow-ups before this bound and the openings above, 23
    after; of 417 follow-ups 405 were recognised before, 414 after."""
    if _CONJUNCTION_START.match(text) or _ENGLISH_PRONOUN_FIRST.match(text):
        return True
    groups = len(term_groups(text))
    if _AND_START.match(text) and (groups <= 2 or _INTERROGATIVE_SOON.match(text)):
        return True
    if groups > _SHORT_QUESTION_GROUPS:
        return False
    raw_words = re.findall(r"[\w]+", text)
    norm_words = words(text)
    for i, word in enumerate(norm_words):
        # «من هي ليلى…» is a copula; «من هي؟» at the end asks about someone named before.
        copula = word in _COPULAS and 0 < i < len(norm_words) - 1 and norm_words[i - 1] in _INTERROGATIVES
        opening = word in _COPULAS and i == 0 and len(norm_words) > 2  # Egyptian «هي القمة هتكون فين؟»
        if word in _REFERRING_WORDS and not copula and not opening:
            return True
    return any(_has_pronoun_suffix(w) for w in raw_words[1:] + raw_words[:1])


def analyse(text: str) -> QuestionInfo:
    """Analyse one question."""
    _, latin = script_share(text)
    actor, stance = reaction(text)
    dated = calendar_question(text)
    kind = expected_type(text)
    holder = asked_role(text) if latin <= 0.5 else english_asked_role(text)  # script: as `DecisionModel.model_for`
    return QuestionInfo(
        text=text,
        kind=kind,
        terms=tuple(tokenize(without_frame_nouns(text))),
        latin_share=latin,
        refers_back=refers_back(text),
        asked=question_words(text),
        asks_name=asks_for_name(text),
        name_noun=name_noun(text),
        asks_holder=holder,
        holder_qualifier=role_qualifier(text) if holder else None,
        heads=asked_role_by_verb(text) if latin <= 0.5 else english_role_by_verb(text),
        counts=counted_noun(text),
        how_many=how_many_noun(text),
        pay=says_pay(text),
        actor=actor,
        stance=stance,
        described=described_by(text),
        speaker=english_speaker(text) if latin > 0.5 else None,
        describer=english_described_by(text) if latin > 0.5 else None,
        nationality=role_nationality(text) if latin <= 0.5 else english_role_nationality(text),
        named_kind=asked_kind_of_name(text),
        future=asks_when_in_future(text),
        planned=asks_when_planned(text, kind),
        units=asked_units(text, kind),
        town=asks_for_town(text),
        country=asks_for_country(text),
        calendar=dated is not None,
        since=dated == "since",
        day=asks_day(text),
        years=years_named(text),
        months=months_named(text),
        weekdays=weekdays_named(text),
    )


# Interrogatives, normalised, behind «و», «ف», «ب», «ل» too; and English ones.
_ANY_INTERROGATIVE = frozenset(normalize_arabic(w) for w in """من ما ماذا كم متى أين لماذا كيف هل أي أية أيه
    ممن عمن مما بم وين فين ليش شو كيفاش قداش who what when where why how which whom whose
    did does do is are was were will would can could has have""".split())


# «وماذا عن فرنسا؟», "what about France?": the question before, of something else.
_WHAT_ABOUT_RE = re.compile(r"^\W*(?:[وف]?(?:ماذا|ما|شو|وش|ايش)\s+عن|(?:and\s+)?what\s+about)\s", re.IGNORECASE)


def asks_what_about(text: str) -> bool:
    """Whether a follow-up opens with "what about" («وماذا عن هواتف ويندوز؟»): the question before, asked
    again of something else."""
    return bool(_WHAT_ABOUT_RE.match(normalize_arabic(text)))


def elliptic(text: str) -> bool:
    """Whether a follow-up names what it is about but asks nothing itself («وفي جندوبة؟», «والقطب
    الشمالي؟», "And in 2017?", «وماذا عن فرنسا؟»): no interrogative but "what about", at most
    `_SHORT_QUESTION_GROUPS` content words."""
    text = _WHAT_ABOUT_RE.sub(" ", normalize_arabic(text), count=1)
    found = [w.lower() for w in re.findall(r"\w+", text)]
    bare = {w[k:] for w in found for k in (1, 2) if len(w) - k >= 2 and all(c in "وفبل" for c in w[:k])}
    return bool(found) and not (bare | set(found)) & _ANY_INTERROGATIVE and len(term_groups(text)) <= _SHORT_QUESTION_GROUPS


def asked_as_before(info: QuestionInfo, before: QuestionInfo) -> QuestionInfo:
    """An elliptic follow-up (`elliptic`) read as asking what the turn before asked («والقطب الشمالي؟»
    after «ما المسافة بين الكعبة والقطب الجنوبي؟» asks a distance): the earlier question's answer type and
    checks, with the follow-up's own words, and the years, months and weekdays it names («وفي 2017؟»)."""
    return replace(before, text=info.text, terms=info.terms, latin_share=info.latin_share,
                   refers_back=info.refers_back, asked=info.asked | before.asked, years=info.years,
                   months=info.months, weekdays=info.weekdays)

