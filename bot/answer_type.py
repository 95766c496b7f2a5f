"""Answer types: what kind of phrase a question asks for (a date, an amount of money, an age, a
person...) and which of a passage's typed phrases (`index.phrases`) can answer it.

Classic factoid QA: the question's interrogative and its focus noun give the expected type
(«كم عمر…» → age, «كم سعر…» → money, «متى…» → date); a passage can only answer it if it holds a
phrase of that type. The cues are general question words, not words of any one article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.saying import saying_verb
from index.wordcounts import arabic_word_counts
from index.countries import (country_forms, country_names, is_nationality, name_matched, named_behind_li,
                             starts_country)
from index.normalize import (ARABIC_LETTER_RE, PRONOUN_SUFFIXES, STOPWORDS, clitic_variants, normalize_arabic, term_groups,
                             tokenize, words)
from index.phrases import (IMPERFECT_RE, NAME_LINKS, WORD_RE, Span, counted_accusative, is_calendar_date,
                           is_dual, is_number_word, is_ordinary_word, is_relative_day, month_numbers,
                           name_kind, names_day, typed_spans, unit_kind, weekday_number)
from index.split import split_sentences
from index.towns import starts_town, town_at, town_names
from index.transliterate import MIN_CLASSES, arabic_skeleton, latin_skeletons

__all__ = ["CHECKABLE", "Span", "asked_role", "asked_role_by_verb", "asked_words", "asks_day", "asks_for_name",
           "asks_who_is", "day_dates", "expected_type", "matching_spans", "name_spans", "question_words", "role_named",
           "type_match", "typed_spans"]

# Verbs of lasting and taking time, every person and tense a question uses («كم يستغرق…؟», «كم دامت…؟»), normalised.
_LASTING_VERBS = ("استغرق", "استغرقت", "يستغرق", "تستغرق", "سيستغرق", "ستستغرق", "استمر", "استمرت", "يستمر",
                  "تستمر", "سيستمر", "ستستمر", "دام", "دامت", "يدوم", "تدوم", "سيدوم", "ستدوم", "طال", "طالت")

# What a question's interrogative and focus noun ask for. Checked in order; the first match wins.
_QUESTION_CUES: list[tuple[str, tuple[str, ...]]] = [
    ("age", ("كم متوسط اعمار", "ما متوسط اعمار", "كم متوسط عمر", "ما متوسط عمر", "كم معدل اعمار", "ما معدل اعمار",
             "كم معدل عمر", "ما معدل عمر", "كم عمر", "كم عمره", "كم عمرها", "كم عمرهم", "ما عمره", "ما عمرها",
             "كم سن", "ما عمر", "ما سن", "how old", "كم يبلغ من العمر", "قداش عمر", "شحال عمر",
             # dialect «عمره كام؟», «كام سنة عمره؟», «شحال عمرو؟» («عمرو»: his age), and English "at what age"
             "عمره كم", "عمرها كم", "عمرهم كم", "كم عمرو", "كم سنه عمره", "كم سنه عمرها", "كم سنه عمرهم", "قداش عمرو",
             "شحال عمرو", "what age", "at what age", "what is the age", "what was the age")),
    ("clock", ("على الساعه كم", "الساعه كم", "اي ساعه", "في اي ساعه", "what time", "at what time", "ما الساعه")),
    ("percent", ("كم نسبه", "ما نسبه", "ما هي نسبه", "اي نسبه", "باي نسبه", "what percentage", "what percent", "what share",
                 "how many percent",
                 # «كم في المئة…؟», «بكم بالمائة…؟», dialect «قديش بالمية…؟»
                 *(f"{how} {per}" for how in ("كم", "بكم", "قداش", "قديش", "شحال", "كام", "بكام")
                   for per in ("بالمائه", "بالمئه", "بالميه", "في المائه", "في المئه", "في الميه")))),
    ("money", ("بكام", "how much does", "how much did", "how much is", "how much money", "what price",
               "what is the salary", "what was the salary", "what salary", "what is the cost", "what was the cost",
               "what is the price", "what was the price", "what is the budget", "what was the budget", "what budget",
               "what is the amount", "what was the amount", "what is the maximum amount", "what is the fee",
               "كم سعر", "كم ثمن", "كم تكلفه", "كم كلفه", "كم قيمه", "كم راتب", "كم اجر", "كم مبلغ",
               "ما سعر", "ما ثمن", "ما تكلفه", "ما كلفه", "ما قيمه", "ما راتب", "ما ميزانيه", "كم ميزانيه", "كم تبلغ قيمه",
               "كم يبلغ سعر", "كم تبلغ تكلفه", "كم يبلغ راتب", "قداش سعر", "قداش تكلفه",
               # «بكم اشترى…؟»: for how much, bought or sold (a bare «بكم» may be by how much)
               "بكم اشتري", "بكم اشترت", "بكم اشتروا", "بكم باع", "بكم باعت", "بكم باعوا", "بكم بيع",
               "بكم بيعت", "بكم يباع", "بكم تباع", "بكم تم بيع", "بكم تم شراء", "بكم اقتني", "بكم اقتنت",
               "بكم سيباع", "بكم ستباع",
               # how much + an amount of money as the focus («كم تبلغ الأرباح…» → «كم ارباح») or a
               # verb of paying or costing («كم ستدفع…», «كم كلّفت…»)
               "كم ارباح", "كم عائدات", "كم مداخيل", "كم ايرادات", "كم ديون", "كم خسائر", "كم رسوم",
               "كم معلوم", "كم اجور", "كم رواتب", "كم تكاليف", "كم قرض", "كم غرامه", "كم منحه",
               "كم ثروه", "كم مرتب", "كم معاش", "كم تعويض", "كم تعويضات", "كم مكافاه", "كم قروض",
               "كم غرامات", "كم نفقات", "كم مصاريف", "كم مستحقات", "كم عموله", "كم رشوه", "كم فديه",
               "كم دفع", "كم دفعت", "كم يدفع", "كم تدفع", "كم سيدفع", "كم ستدفع", "كم دفعوا",
               "كم كلف", "كم كلفت", "كم يكلف", "كم تكلف", "كم سيكلف", "كم ستكلف", "كم كلفه",
               "كم جني", "كم جنت",
               # how much money, how big the funds («كم من المال جمع…», «ما حجم أموال…»)
               "كم من المال", "كم من الاموال", "ما حجم اموال", "ما حجم الاموال", "كم حجم الاموال",
               "ما حجم ثروه", "ما قيمه ثروه")),
    ("duration", ("how long", "كم من الوقت", "كم ساعه", "كم يوما", "كم يوم", "كم سنه", "كم عاما", "كم شهرا",
                  "كم دقيقه", "كم اسبوعا", "قداش من وقت", "for how many", "كم مضي", "كم مر", "منذ كم",
                  "من قديش", "بقاله قد")),
    # How long something lasted («كم استمرت…», «شكثر طوّلت»: the dialect's «طوّل»): a duration, not the
    # time gone by since it («مضى أكثر من شهرين منذ القمة» does not say how long the summit lasted).
    ("lasting", ("ما مده", "كم مده", "ما هي مده",
                 "قديش طول", "قداش طول", "شحال طول", "قديش اخد", "قداش خذا",
                 # Egyptian puts «قد إيه» («كم» once standard) after the verb: «الاجتماع خد قد إيه؟»
                 *(f"{verb} كم" for verb in ("خد", "اخد", "خدت", "اخدت", "استمر", "استمرت",
                                                 "دام", "دامت", "قعد", "قعدت")),
                 "كم طولت", "كم طولوا", "how long did", "how long will", "how long does",
                 # «كم يستغرق…؟», and «كم من الوقت استغرق…؟», longer than the duration cue «كم من الوقت»
                 *(f"{how} {verb}" for how in ("كم", "كم من الوقت") for verb in _LASTING_VERBS))),
    ("measure", ("كم يبعد", "كم تبعد", "كم كيلومتر", "كم متر", "كم هكتار", "ما مساحه", "كم مساحه", "ما طول", "كم طول", "ما المسافه",
                 "كم تبلغ مساحه", "كم دونم", "كم فدان", "how far",
                 "كم وزن", "ما وزن", "كم يزن", "كم تزن", "how heavy", "how much does it weigh",
                 # speed, capacity, height, depth: a number with its unit («ميغابت», «ميلي أمبير», «كلم»)
                 "ما سرعه", "كم سرعه", "ما متوسط سرعه", "ما سعه", "كم سعه", "ما ارتفاع", "كم ارتفاع",
                 "ما عمق", "كم عمق", "how fast", "what speed", "capacity",
                 # a temperature, an earthquake's magnitude: in degrees («40 درجة», «بقوة 7.8 درجات»). Not
                 # «ما قوة…؟», which as often asks which force («ما هي القوة المغناطيسية…؟»)
                 "كم درجه", "ما درجه الحراره", "ما درجه حراره", "what magnitude", "what temperature",
                 "how tall", "how high", "how deep")),
    # «ما لون…؟»: a colour word.
    ("colour", ("ما لون", "ما هو لون", "ما هي الوان", "ما الوان", "باي لون", "اي لون", "شو لون", "ماذا لون",
                "what colour", "what color", "which colour", "which color")),
    # The score of a match («بأي نتيجة انتهت المباراة؟», «بكم فاز الفريق؟», "what was the score"): only in a
    # question about a match (`_MATCH_RE`); «ما النتيجة التي خرج بها اللقاء؟» asks something else.
    ("score", ("باي نتيجه", "ما نتيجه", "ما هي نتيجه", "ما النتيجه", "ما هي النتيجه", "كم نتيجه", "ماذا نتيجه",
               "شو نتيجه", "شنو نتيجه", "شنيه نتيجه", "شنوه نتيجه", "واش نتيجه", "اش نتيجه", "ايش نتيجه", "وش نتيجه",
               "بكم فاز", "بكم فازت", "بكم انتهت", "بكم انتهي", "بكم خسر", "بكم خسرت", "بكم تغلب",
               "بكم تغلبت", "بكم انهزم", "بكم انهزمت", "what was the score", "what is the score", "final score",
               "what was the result", "what is the result", "what was the final result", "by what score")),
    # «ما جنسية…؟»: a nationality, a nisba adjective of a country («التونسية»).
    ("nationality", ("ما جنسيه", "ما هي جنسيه", "ماذا جنسيه", "شو جنسيه", "شنو جنسيه", "اش جنسيه", "ايش جنسيه",
                     "وش جنسيه", "شنيه جنسيه", "واش جنسيه", "اي جنسيه", "باي جنسيه", "what nationality",
                     "what is the nationality", "what was the nationality", "which nationality",
                     "ما جنسيات", "ما هي جنسيات", "ماذا جنسيات", "شو جنسيات", "اي جنسيات", "what nationalities",
                     "what are the nationalities", "what were the nationalities", "which nationalities")),
    # «ما العقوبة التي…؟», «بأي حكم عوقب…؟»: a penalty (prison, a fine, a ban), `index.phrases._PENALTY_RE`.
    ("penalty", ("ما عقوبه", "ما عقوبات", "اي عقوبه", "باي عقوبه", "اي عقوبات", "ماذا عقوبه", "ماذا العقوبه",
                 "شو عقوبه", "شنو عقوبه", "شنيه عقوبه", "واش عقوبه", "باي حكم", "what penalty", "what penalties",
                 "what punishment", "what sanction", "what sanctions", "what sentence", "which penalty",
                 "what was the penalty", "what is the penalty", "what was the sentence")),
    # «كم عدد…», «ما عدد…»: how many of something, a count and nothing else.
    ("number", ("كم عدد", "ما عدد", "ما هو عدد", "عدد")),
    # «بكم نمت…» asks by how much (a count, a percentage, an amount): "count" takes all of them.
    # «ما حجم…», «ما مقدار…», «ما كمية…», "how big": how much, by the noun asked about (any amount answers,
    # as «كم»: "How big is the credit line…?" over «…في حدود 50 مليون دينار»)
    ("count", ("ما حجم", "كم حجم", "ما مقدار", "كم مقدار", "ما كميه", "كم كميه", "how big", "how large", "كم", "بكم", "how many", "how much", "قداش", "شحال", "قديش", "چم", "جم", "اشحال", "كام", "شكد", "شكثر", "قد ايه",
               "قد ايش")),
    # «منذ متى…؟», «من إمتى…؟», "since when…?": when something began, a date or the time gone by since
    # («منذ 2015», «مضى أكثر من شهرين منذ…»).
    ("since", ("منذ متي", "من متي", "since when")),
    ("year", ("what year", "which year", "in what year", "since what year", "اي عام", "اي سنه", "في اي سنه",
              "منذ اي عام", "منذ اي سنه", "سنه كم", "عام كم", "اي سنوات", "اي اعوام")),
    ("date", ("متي", "امتي", "ايمتي", "وقتاش", "امتى", "when", "and when", "what date", "what day", "which day", "which date",
              "which month", "what month",
              "اي يوم", "اي شهر", "اي تاريخ", "تاريخ", "ما تاريخ", "ما هو تاريخ", "since when",
              # «ما اليوم الذي…», «ما التاريخ الذي…» (also «وش اليوم اللي…» once in standard Arabic)
              "ما اليوم", "ماذا اليوم", "ما هو اليوم", "ما التاريخ", "ما هو التاريخ",
              # Egyptian «يوم إيه» (which day), after `standard_arabic` made «إيه» «ماذا»
              "يوم ماذا", "شهر ماذا", "تاريخ ماذا",
              "الي متي", "حتي متي",
              # «ما الموعد الجديد…», «في أي موعد…»: when it is set for
              "ما موعد", "ما هو موعد", "ما الموعد", "ما هو الموعد", "اي موعد")),
    ("reason", ("لماذا", "لم", "ليش", "ليه", "علاش", "علاه", "لاش", "why", "ما سبب", "ما اسباب", "سبب", "لاي سبب",
                "ما الذي دفع", "ما الذي جعل", "شنو سبب", "ما الدافع",
                # what explains it («ما الذي يفسر…», «بماذا فسّر…»): its cause
                "ما الذي يفسر", "بم يفسر", "بماذا يفسر", "بماذا فسر", "بم فسر", "ما تفسير", "what explains")),
    ("place", ("اين", "وين", "فين", "فاين", "where", "اي مدينه", "اي بلد", "اي دوله", "اي مكان", "اي ولايه",
               "اي منطقه", "الي اين", "من اين", "in which city", "in which country", "which country", "which city",
               # «ما البلد الذي…», «ما الدول التي…», «أي مدن…»: a country or a town, by the noun asked about
               "ما البلد", "ما الدوله", "ما الدول", "ما البلدان", "ما المدينه", "ما المدن", "اي دول", "اي بلدان",
               "اي مدن", "what country", "what city", "what town", "which town",
               "اي ملعب", "اي قاعه", "اي جزيره", "ما مكان", "ما المكان", "ما هو مكان", "ما هو المكان",
               # a region or a town of a country, asked by its noun, one or several («عن أي محافظة…؟», «ما
               # الولاية التي…؟», «في أي ولايات…؟»); not «جهة», also a party («أي جهة موّلت…؟»), nor a
               # street or a quarter, whose names the typed phrases miss («بشارع الهادي نويرة»)
               *(f"{which} {noun}" for which in ("اي", "ما") for noun in (
                   "ولايه", "ولايات", "محافظه", "محافظات", "منطقه", "مناطق", "بلديه", "بلديات", "قريه", "قري",
                   "معتمديه", "معتمديات", "اقليم", "مدينه", "مدن", "دوله", "دول", "عاصمه", "عواصم")
                 if not (which == "ما" and noun in ("مدينه", "مدن", "دوله", "دول"))),
               "which region", "which province", "which state", "which district", "which village",
               "which governorate", "what region", "what province", "which capital", "what capital")),
    ("person", ("من هو", "من هي", "من هم", "من الذي", "من التي", "مين", "شكون", "منو", "who", "whom", "من",
                "اسم", "ما اسم", "ما هو اسم", "ما هي اسماء", "ما اسماء", "what is the name", "من يكون")),
]
_QUESTION_CUES = [(kind, tuple(normalize_arabic(c) for c in cues)) for kind, cues in _QUESTION_CUES]
# Types a passage can be checked for; "place", "person", "reason" and "other" are checked loosely.
CHECKABLE = frozenset(("age", "clock", "percent", "money", "duration", "lasting", "measure", "count", "number",
                       "date", "planned", "since", "year", "colour", "score", "nationality", "penalty"))
# A match in sport, for the score cues (normalised words, with their clitics).
_MATCH_RE = re.compile(r"(?<!\w)[وفبل]?(?:ال|لل)?(?:مباراه|مباريات|ماتش|مقابله|مواجهه|ديربي|دربي|كلاسيكو|شوط"
                       r"|نهائي)(?!\w)|\b(?:match|game|derby|final)\b")


# Cues that are also common non-interrogative words («من» is "from"): they count only at the start.
# «تاريخ» and «عدد» are nouns anywhere else («…وارسو طوال تاريخها؟», «…على عدد كبير من الناس، ما…؟»).
# "when" inside an English question is mostly a clause ("What was the director doing in Paris when…?").
_INITIAL_ONLY = frozenset(("من", "لم", "اسم", "تاريخ", "عدد", "when"))
# «كم كان عمر…», «كم يبلغ سعر…», «ما هي القيمة…»: the auxiliary between the interrogative and its
# focus noun, and the focus noun's article, do not change what is asked.
_HOW_MUCH = frozenset(normalize_arabic(w) for w in "كم وكم فكم ما وما فما ماذا وماذا فماذا قداش شحال قديش".split())
_AUXILIARIES = frozenset(normalize_arabic(w) for w in """كان كانت يكون تكون كانوا يبلغ تبلغ بلغ بلغت يساوي
    تساوي ساوى هو هي هم هى يصل تصل وصل وصلت سيكون ستكون سيبلغ ستبلغ سيساوي ستساوي سيصل ستصل
    أصبح أصبحت يصبح تصبح سيصبح ستصبح صار صارت يصير تصير بات باتت أضحى أضحت ولّى ولّات سوف""".split())
# Words in the accusative after «كم» that are not what is counted («كم تقريبا…؟», «كم سنويا…؟»).
_HOW_MUCH_ADVERBS = frozenset(normalize_arabic(w) for w in """تقريبا أيضا حاليا سنويا شهريا يوميا أسبوعيا إجمالا
    مثلا فعلا أصلا تحديدا بالضبط بالظبط بالتحديد""".split())
_RELATIVES = frozenset(("الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللذين"))


def _focus_form(words_: list[str]) -> list[str]:
    """Words with the auxiliaries and hedges after «كم/ما» dropped («قديش تقريبا طوّل…» → «قديش طوّل…») and
    their focus noun's «ال» removed."""
    out: list[str] = []
    i = 0
    while i < len(words_):
        out.append(words_[i])
        if words_[i] in _HOW_MUCH:
            j = i + 1
            while j < len(words_) and (words_[j] in _AUXILIARIES or words_[j] in _HOW_MUCH_ADVERBS):
                j += 1
            if j < len(words_):
                nxt = words_[j]
                out.append(nxt[2:] if nxt.startswith("ال") and len(nxt) > 4 and nxt not in _RELATIVES else nxt)
            i = j + 1
            continue
        i += 1
    return out


# A possessive pronoun on a word of three letters or more, in the raw text (where ة is no pronoun).
_POSSESSIVE_RE = re.compile(r"(?<!\w)(\w{3,}?)(?:هما|هم|ها|ه)(?!\w)")


def _without_possessives(question: str) -> str:
    """The question with possessive pronouns dropped and the ta marbuta they hid restored («ما جنسيته؟» →
    «ما جنسية؟», «كم راتبه؟» → «كم راتب؟»): what a cue for the bare noun matches."""
    return _POSSESSIVE_RE.sub(lambda m: m[1][:-1] + "ة" if m[1].endswith("ت") else m[1], question)


# The cues in the same form as the questions they are matched against; a «ما X» cue also as «ماذا X», the
# form dialect «شو/وش/إيش/شنو X» takes once standard («شو سعر التذكرة؟» asks «ما سعر»).
_FOCUS_CUES = [(kind, tuple(" ".join(_focus_form(c.split())) for cue in cues
                            for c in (cue, "ماذا" + cue[2:]) if c == cue or cue.startswith("ما ")))
               for kind, cues in _QUESTION_CUES]
# «من أي بلد…؟» is "from which country", «من بين الذين…، كم…؟» "among those…": «من» is no "who" there.
_FROM_WHICH_RE = re.compile(r"^ [وف]?من (?=اي |بين |ضمن |اصل )")
# «سنة 2016», «عام 2015»: the year a thing happened in, never the years a "how many years" cue counts
# («الدولة صرفت كم سنة 2016…؟» asks how much was spent that year).
_NAMED_YEAR_RE = re.compile(r" (?:ال)?(?:سنه|عام) (?=(?:1[89]|20)\d\d )")
_HOW_MUCH_COUNT = frozenset(("كم", "وكم", "فكم", "بكم", "قداش", "شحال", "قديش", "كام", "شكد"))
_ACRONYM_RE = re.compile(r"\b[A-Z]{2,}\b")  # "WHO", "IMF": never an English interrogative


def _earliest_cue(norm: str) -> tuple[int, int, str] | None:
    """(position, -cue length, type) of the earliest and, at one place, longest cue in a question's
    `_focus_form` (spaces around), or None."""
    best: tuple[int, int, str] | None = None
    for kind, cues in _FOCUS_CUES:
        for cue in cues:
            # A long last word may carry an ending («كم استغرقت» for «كم استغرق»).
            loose = len(cue.rsplit(" ", 1)[-1]) >= 4
            for prefix in ("", "و", "ف"):
                needle = f" {prefix}{cue}"
                at = norm.find(needle + " ")
                if at < 0 and loose:
                    at = norm.find(needle)
                if at < 0 or (cue in _INITIAL_ONLY and at > 0) or (kind == "score" and not _MATCH_RE.search(norm)):
                    continue
                key = (at, -len(cue), kind)
                if best is None or key[:2] < best[:2]:
                    best = key
    return best


def expected_type(question: str) -> str:
    """The answer type a question asks for: age, clock, percent, money, duration, lasting, measure, colour,
    score, nationality, penalty, number («كم عدد…»), count, year, date, reason, place, person or other. The
    earliest cue in the question decides («لماذا صار عدد الأسطر…» asks why, not how many); a longer cue wins
    at the same place («كم عمر» over «كم»)."""
    if not question.isupper():  # "according to the WHO": an acronym is no interrogative
        question = _ACRONYM_RE.sub(" ", question)
    norm, bare = (_NAMED_YEAR_RE.sub(" ", _FROM_WHICH_RE.sub(
        " ", " " + " ".join(_focus_form(WORD_RE.findall(normalize_arabic(text)))) + " ", count=1))
        for text in (question, _without_possessives(question)))
    # «وما جنسيته؟» asks what «ما جنسية…؟» asks: the earliest cue of either (one scan without a possessive).
    best = min((key for key in (_earliest_cue(norm), _earliest_cue(bare) if bare != norm else None) if key),
               default=None)
    if best and best[2] == "count":
        # How much in a unit the question names («كم دولارا…», «كم بلغ الإنتاج بالطن؟»): that unit's kind.
        tokens = norm.split()
        arabic, english = _after_how_much(tokens), _after_how_many(tokens)
        kinds = [unit_kind(w) for w in arabic + english]
        # «بالطن», «بالدولار»: the unit it is counted in («باليوم» is per day, not a duration asked for)
        kinds += [kind for w in tokens if w.startswith("بال") for kind in [unit_kind(w)] if kind != "duration"]
        unit = next((kind for kind in kinds if kind), None)
        if unit:
            return unit
        money_focus, money_counted = _asks_money(tokens)
        if money_focus:
            return "money"
        if _counts_a_noun(arabic, english, _taa_marbuta_words(question)):
            return "number"
        if money_counted:
            return "money"
    kind = best[2] if best else "other"
    if kind == "count" and (asked := _in_situ_kind(question)):
        return asked
    if kind == "money" and _HOW_MUCH_CHANGE_RE.search(question):
        # "By how much did tourist arrivals rise?": by an amount of any kind, mostly a share («بنسبة 23.6
        # بالمائة»), not by money; as «بكم ارتفع…؟».
        return "count"
    if kind == "count" and _HOW_MUCH_MONEY_RE.search(question):
        return "money"
    if kind == "duration" and _HOW_LONG_THING_RE.search(question):
        return "measure"
    if kind in ("money", "count") and (verb := _HOW_MUCH_VERB_RE.search(question)):
        # "How much does the MOAB weigh?", "How much will the ceremony cost?": English puts the verb that
        # says what is measured last, after the thing measured.
        return "measure" if verb.group(1).lower().startswith("weigh") else "money"
    if kind == "other" and (focus := _ENGLISH_FOCUS_RE.match(question)):
        # "On what exact date…?", "What is Tunisia's unemployment rate?", "What is the registration fee…?":
        # the noun after "what/which" and its modifiers says what is asked, as «ما تاريخ…؟», «ما نسبة…؟».
        modifier, noun = (focus.group(1) or "").lower(), focus.group(2).lower()
        return "money" if modifier.endswith("exchange") else _ENGLISH_FOCUS_KINDS[noun]
    return kind


def _in_situ_kind(question: str) -> str | None:
    """What a question ending in «كم» asks by the noun before it, as if «كم» came first (dialect puts it
    last: «الصفقة قيمتها كام؟», «سعر الكيلو قديش؟» ask «كم قيمتها؟», «كم سعر…؟»): money, an age, a
    share…; None where no such noun is among the two words before it, or «كم» is not last."""
    tokens = WORD_RE.findall(normalize_arabic(question))
    if len(tokens) < 2 or tokens[-1] not in ("كم", "بكم"):
        return None
    for word in tokens[-3:-1]:  # the farther first: «سعر الكيلو كم؟» asks a price, not a weight
        if word in _HOW_MUCH_COUNT:
            continue  # «كم كم؟»: nothing asked about, and no second look
        kind = expected_type(f"كم {word}")
        if kind not in ("count", "number"):
            return kind
    if tokens[-1] == "بكم" and not any(_CHANGE_VERB_RE.fullmatch(word) for word in tokens):
        return "money"  # «هي تذكرة المركب… بكام؟»: what a thing goes for, unless it rose or fell by it
    return None


# Verbs of rising and falling, normalised, any person («ارتفعت», «زادو», «طلعو»): «الأسعار زادت بكام؟» asks
# by how much, not a price.
_CHANGE_VERB_RE = re.compile(r"[وف]?(?:س?[يت])?(?:ارتفع|رتفع|زاد|زيد|انخفض|نخفض|نقص|تراجع|تقلص|قلص|صعد|طلع|نزل"
                             r"|هبط|نما|نمو|قفز|تضاعف|ضاعف)(?:ت|وا|و|ن|ا)?")


# What an English what/which-question asks for, by its focus noun.
_ENGLISH_FOCUS_KINDS = {
    "date": "date", "year": "year",
    **dict.fromkeys(("nationality", "citizenship"), "nationality"),
    **dict.fromkeys(("rate", "percentage", "proportion"), "percent"),
    **dict.fromkeys(("fee", "fees", "price", "prices", "cost", "salary", "salaries", "budget", "debt", "debts",
                     "funding", "fine", "revenue", "revenues", "wage", "wages", "pension"), "money"),
    **dict.fromkeys(("sentence", "penalty", "punishment"), "penalty"),
    **dict.fromkeys(("city", "cities", "town", "towns", "village", "region", "province", "governorate",
                     "country", "countries"), "place"),
}
# Words that end the noun phrase after "what": a verb or a preposition ("What happened to the prices?").
_NOT_MODIFIERS = ("to", "of", "in", "on", "at", "about", "for", "with", "from", "by", "did", "does", "do", "done",
                  "happened", "happen", "happens", "say", "said", "says", "has", "have", "had", "be", "been", "is",
                  "was", "are", "were", "will", "would", "can", "could", "should", "may", "might")
# "On what (exact) date…", "What is Rima Khalaf's nationality…", "Which Tunisian cities…": after the
# interrogative, its verb and a determiner, up to three words (modifiers, a possessor) before the focus noun.
_ENGLISH_FOCUS_RE = re.compile(
    r"^\W*(?:and\s+)?(?:(?:on|in|at|by|from|until|to|for)\s+)?(?:what|which)(?:'s|\s+(?:is|was|are|were|will\s+be))?"
    r"(?:\s+(?:the|a|an|its|his|her|their|this|that))?"
    r"((?:\s+(?!(?:" + "|".join(_NOT_MODIFIERS) + r")\b)[\w.’'-]+){0,3}?)\s+(" + "|".join(_ENGLISH_FOCUS_KINDS)
    + r")\b", re.IGNORECASE)


# "How much did … rise?": a how-much question about a change.
_HOW_MUCH_CHANGE_RE = re.compile(
    r"\bhow\s+much\b.*\b(?:rise|rises|rose|risen|increase|increases|increased|fall|falls|fell|fallen|drop|drops"
    r"|dropped|grow|grows|grew|grown|decline|declines|declined|decrease|decreases|decreased|climb|climbs|climbed"
    r"|jump|jumps|jumped|surge|surged|shrink|shrank|go\s+up|went\s+up|gone\s+up|go\s+down|went\s+down)\b",
    re.IGNORECASE)
# "How much reward money…?", "How much prize money…?": money asked for, a word or two before "money".
_HOW_MUCH_MONEY_RE = re.compile(r"\bhow\s+much\s+(?:[a-z-]+\s+){0,2}(?:money|cash)\b", re.IGNORECASE)
# "How much … weigh/cost?": the verb that says what a how-much question measures.
_HOW_MUCH_VERB_RE = re.compile(r"\bhow\s+much\b.*\b(weigh|weighs|weighed|cost|costs)\b", re.IGNORECASE)
# "How long is the road…?": the length of a thing that stretches, not a time (as «كم طول الطريق؟»); "How long
# is the ban?" asks a time.
_HOW_LONG_THING_RE = re.compile(
    r"\bhow\s+long\s+(?:is|was|are|were|will\s+be)\s+(?:the|this|that|a|an|its|their)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:road|roads|highway|motorway|bridge|tunnel|line|railway|track|route|pipeline|canal|river|wall|fence|border"
    r"|coast|coastline|runway|street|corridor|cable|network|beach|trail|path)\b", re.IGNORECASE)


# How much money: «كم أنفق…», «كم يتقاضى…», «كم بلغت الخطية…» (the word after «كم», its auxiliaries
# dropped), or money counted in a partitive anywhere («كم تنوي أبل استثمار من الأموال…», «شحال ديال
# الفلوس…»). Normalised words.
_MONEY_FOCUS = frozenset(normalize_arabic(w) for w in """أنفق أنفقت ينفق تنفق أنفقوا ينفقون يتقاضى تتقاضى تقاضى
    تقاضت يتقاضون يتقاضاه تتقاضاه خطية الخطية رأس راس رأسمال راسمال""".split())
_MONEY_NOUNS = frozenset(normalize_arabic(w) for w in "المال مال الأموال أموال فلوس الفلوس money".split())
_PARTITIVES = frozenset(normalize_arabic(w) for w in "من ديال متاع تاع بتاع of".split())


def _asks_money(tokens: list[str]) -> tuple[bool, bool]:
    """Whether a how-much question's words (in `_focus_form`) ask for money by the word after «كم», and
    whether they count money in a partitive or in what is spent («…ما تنفقه الدول»; a counted noun after
    «كم» overrides both: «كم شخصا…»)."""
    at = next((i for i, w in enumerate(tokens) if w in _HOW_MUCH_COUNT), None)
    if at is None:
        return False, False
    focus = at + 1 < len(tokens) and tokens[at + 1] in _MONEY_FOCUS
    return focus, any((w in _MONEY_NOUNS and tokens[i - 1] in _PARTITIVES)
                      or (tokens[i - 1] == "ما" and _money_verb(w)) for i, w in enumerate(tokens[at + 1:], at + 1))


def _money_verb(word: str) -> bool:
    """Whether a normalised word is a verb of spending or earning, with an object pronoun or not («تنفقه»:
    «كم سيبلغ ما تنفقه الدول…؟» asks an amount of money)."""
    return word in _MONEY_FOCUS or any(word.endswith(p) and word[:-len(p)] in _MONEY_FOCUS for p in ("ه", "ها", "هم"))



def _after_how_many(words_: list[str]) -> list[str]:
    """The two words after the first "how many" of a question's words ("how many hotels will…")."""
    at = next((i for i in range(len(words_) - 1) if words_[i] == "how" and words_[i + 1] == "many"), None)
    return words_[at + 2: at + 4] if at is not None else []


def _taa_marbuta_words(text: str) -> frozenset[str]:
    """The normalised forms of a text's words written with a final «ة» (normalising makes it «ه»)."""
    return frozenset(normalize_arabic(w) for w in WORD_RE.findall(text) if w.endswith("ة"))


def _counts_a_noun(arabic: list[str], english: list[str], feminine: frozenset[str] = frozenset()) -> bool:
    """Whether a how-much question counts things named by the indefinite accusative noun after «كم»
    («كم شخصا…؟», «كم راكبا…؟», «كم صوتا…؟») or the noun after "how many", given the words after each
    (`_after_how_much`, `_after_how_many`): it asks how many, which an amount with a unit of its own does
    not answer («30 كلم», «76%», «سنتين»). A verb after «كم» («كم بلغت الصادرات؟») may be answered by
    any amount."""
    if english:  # "how many" always asks a count of the noun after it (its unit, if a unit, was read first)
        return english[0].isalpha() and english[0] not in ("of", "more", "less", "fewer")
    if not arabic:
        return False
    word = arabic[1] if arabic[0] == "من" and len(arabic) > 1 else arabic[0]  # «كم من مرة»
    if word in _TIMES:
        # «كم مرة تحدثا؟» counts times: «مرتين», «ثلاث مرات» answer it, «مضى أكثر من شهرين» does not.
        return True
    if word in feminine and word not in _AMOUNT_NOUNS:
        # A feminine noun («كم دولة…؟», «كم قضية…؟», «كم سعرة حرارية…؟», `feminine` its words written with
        # «ة») shows no accusative alif, and no verb ends in «ة». A noun for an amount («كم نسبة…؟», «كم
        # قيمة…؟») asks how much.
        return True
    return (len(word) >= 4 and word.endswith("ا") and not word.endswith("وا") and word not in _HOW_MUCH_ADVERBS
            and not is_number_word(word))


# Feminine nouns that name an amount rather than things counted, and the demonstrative «هذه», normalised.
_AMOUNT_NOUNS = frozenset(normalize_arabic(w) for w in """نسبة كمية قيمة كلفة تكلفة حصة سعة طاقة مسافة مدة
    غرامة فجوة هبة صابة مساحة سرعة درجة حرارة ميزانية حصيلة جملة تعريفة تسعيرة أجرة ثروة نفقة هذه""".split())


_TIMES = frozenset(("مره", "مرات", "مرا"))  # normalised «مرة», «مرات», «مراً»


def _after_how_much(words_: list[str]) -> list[str]:
    """The two words after the first «كم/قداش/…» of a question's words («كم طنا», «كم مليون دينار»)."""
    at = next((i for i, w in enumerate(words_) if w in _HOW_MUCH_COUNT), None)
    if at is None:
        return []
    after = words_[at + 1: at + 3]
    if len(after) == 2 and after[0] == "في" and unit_kind(after[1]) == "duration":
        return []  # «بتخسر قد إيه في اليوم؟»: per day, a rate; not how many days
    # «كم أصبح سنة 2012؟»: a word before a year says when, not the unit asked for.
    return [w for k, w in enumerate(after, at + 1)
            if not (k + 1 < len(words_) and _YEAR_AFTER_UNIT_RE.fullmatch(words_[k + 1]))]


_YEAR_AFTER_UNIT_RE = re.compile(r"(?:1\d|20)\d\d|[1-9]\d\d")  # «سنة 2012», «عام 1006», «سنة 622»


def asked_units(question: str, kind: str | None = None) -> tuple[str, ...]:
    """The unit words a how-much question asks in, normalised («كم ساعة استمر…؟» → («ساعه»,)); none
    for a unit named elsewhere in it («قداش وصل العجز في العشرة شهور الأولى؟»). Without one, a question of
    `kind` measure or how much that asks a weight or a depth («كم يبلغ متوسط وزن…؟», "How deep…?") asks
    in that dimension's units: a length is no weight, nor degrees a depth."""
    folded = normalize_arabic(question)
    named = tuple(w for w in _after_how_much(WORD_RE.findall(folded)) if unit_kind(w))
    if named or kind not in ("measure", "count"):
        return named
    return next((units for pattern, units in _DIMENSIONS if pattern.search(folded.lower())), ())


# A weight or a depth asked for (normalised text; not «الميزان», a balance), and its units, normalised.
_DIMENSIONS = (
    (re.compile(r"(?<!\w)[وفب]?(?:ال)?(?:وزن|وزنه|وزنها|وزنهم|يزن|تزن|يزنون)(?!\w)|\b(?:weigh\w*|heavy)\b"),
     tuple(normalize_arabic(w) for w in """طن طنا أطنان كيلوغرام كيلوغراما كيلوغرامات كيلو كغ كلغ غرام غراما
         غرامات قنطار قنطارا قناطير رطل""".split())),
    (re.compile(r"(?<!\w)[وفب]?(?:ال)?(?:عمق|عمقه|عمقها)(?!\w)|\bdeep\b|\bdepth\b"),
     tuple(normalize_arabic(w) for w in """متر مترا أمتار مترات كيلومتر كيلومترا كيلومترات كلم قدم أقدام
         سنتيمتر سنتيمترا سم ميل ميلا""".split())),
)


# Units one of which `same_noun` cannot tell is the other's plural or dual, or that measure the same:
# «يوم/أيام», «سنة/عام»; a unit and its abbreviation or English name («كيلومتر/كلم/km»).
_SAME_UNITS = tuple(frozenset(normalize_arabic(w) for w in group.split()) for group in (
    "يوم يوما أيام يومين day days", "سنة سنه سنوات سنين سنتين عام عاما أعوام عامين year years",
    "كيلومتر كيلومترا كيلومترات كلم كم km kilometre kilometres kilometer kilometers",
    "متر مترا أمتار مترات meter meters metre metres", "طن طنا أطنان ton tons tonne tonnes",
    "كيلوغرام كيلوغراما كيلوغرامات كغ كلغ kg kilogram kilograms", "هكتار هكتارا هكتارات hectare hectares",
    "دونم دونما دونمات dunam dunams dunum dunums", "فدان فدانا أفدنة فدادين feddan feddans", "acre acres",
    "لتر لترا لترات litre litres liter liters", "ميل ميلا أميال mile miles"))


def in_units(units: Sequence[str], phrase: str) -> bool:
    """Whether a phrase says an amount in one of the (normalised) units a question asks in
    (`asked_units`), in any number: «ثلاثة أيام» for «كم يوما…؟», «عامين» for «كم سنة…؟»."""
    said = WORD_RE.findall(normalize_arabic(phrase))
    return any(same_noun(u, w) or any(u in group and _bare(w) in group for group in _SAME_UNITS)
               for u in units for w in said)


# Which span kinds can answer which question types.
_ANSWERED_BY = {
    "age": ("age",),
    "clock": ("clock",),
    "percent": ("percent",),
    "money": ("money",),
    "duration": ("duration", "age", "elapsed"),
    "lasting": ("duration",),
    "measure": ("measure", "duration"),  # «كم طول اللقاء؟», «كم يبعد…؟ ساعتان بالسيارة»
    "count": ("count", "money", "measure", "percent", "duration", "elapsed"),
    "number": ("count",),
    "colour": ("colour",),
    "score": ("score",),
    "nationality": ("nationality",),
    "penalty": ("penalty",),
    "date": ("date", "relative_date", "clock"),  # «متى سُمع الانفجار؟»: «حوالي الساعة التاسعة مساء»
    "planned": ("date", "relative_date", "current_period", "clock"),  # `asks_when_planned`
    "since": ("date", "relative_date", "year", "elapsed"),
    "year": ("year",),  # «في أي سنة…؟» wants a year, not «اليوم الجمعة»
    "reason": ("reason",),
    "place": ("place", "country"),
    "person": ("person", "organisation"),
    "organisation": ("organisation",),
}
# A question that asks for a name outright («ما اسم…», «ما أسماء…», "what is the name of…"), on the
# normalised text, followed by what is named.
_NAME_QUESTION_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:ما|ماذا)\s+(?:هو\s+|هي\s+|كان\s+|كانت\s+)?(?:ال)?(?:اسم|اسما|اسماء)(?:\w{0,2})(?!\w)"
    r"|what(?:\s+is|\s+are|'s|\s+was|\s+were)\s+(?:the\s+)?names?(?:\s+of)?(?:\s+(?:the|his|her|their))?\b)\s*(\w*)",
    re.IGNORECASE)


_ENGLISH_NAMED_WORDS = 6  # how far after "the name of" the named noun may stand ("the White House press secretary")
_ENGLISH_NOUN_ENDS = frozenset("who whom whose which that where when in of at for on from to with by".split())


# Words that qualify a name rather than say what is named («الاسم الحقيقي», «الاسم الآخر»), normalised.
_NAME_QUALIFIERS = frozenset({"الاخر", "الرسمي", "الحقيقي", "الكامل", "الجديد", "القديم", "الاصلي", "العلمي",
                              "الشايع", "المستعار", "التجاري", "الحالي", "السابق", "الاول", "الاخير"})


# «ما الاسم الأول لوزير الخارجية الروسي؟», «ما الاسم الكامل للرئيس الروسي؟»: a qualified name of a
# person's role is that role's holder's name, as «ما اسم وزير الخارجية الروسي؟» asks (normalised text).
_QUALIFIED_NAME_RE = re.compile(r"(?<!\w)(ال)?(اسم)\s+(?:" + "|".join(sorted(_NAME_QUALIFIERS)) + r")\s+ل(ل)?(\w{3,})")


def _name_of_role(folded: str) -> str:
    """A normalised question with «الاسم الأول لـ<role>» read as «اسم <role>» when the role is a person's
    («الاسم الآخر للطريق» is another name of the road, and stays as it is)."""
    def plain(match: re.Match[str]) -> str:
        role = ("ال" if match.group(3) else "") + match.group(4)
        return f"اسم {role}" if name_kind(role) == "person" else match.group()
    return _QUALIFIED_NAME_RE.sub(plain, folded)


def asks_for_name(question: str) -> str | None:
    """The kind of name a question asks for outright: «ما اسم زوجته؟» a person, «ما اسم الشركة؟» an
    organisation, «ما اسم المدينة؟» a place, «ما اسم البرنامج؟» "any" (a name of any kind, or a quoted
    one); None when it asks for none. «ما اسمه؟» asks for a person's, and so does «ما الاسم الأول لوزير
    الخارجية؟»."""
    folded = _name_of_role(normalize_arabic(question))
    match = _NAME_QUESTION_RE.search(folded)
    if not match:
        return None
    named = match.group(1)
    if named and named.isascii():
        # English puts the named noun last, after its modifiers: "the name of the Kremlin spokesman",
        # "…of the White House press secretary whom…"; a clause or a phrase after it says no more of it.
        following = []
        for word in WORD_RE.findall(folded[match.start(1):])[:_ENGLISH_NAMED_WORDS]:
            if word in _ENGLISH_NOUN_ENDS:
                break
            following.append(word)
        return next((kind for kind in map(name_kind, reversed(following)) if kind), "any")
    if named and name_kind(named) is None and is_nationality(named):
        return "person"  # «ما اسم الفرنسية…؟», «ما أسماء التونسيين الأربعة…؟»: a nisba named is someone of that country
    return (name_kind(named) or "any") if named else "person"


def name_noun(question: str) -> str | None:
    """The normalised noun an Arabic question asks the name of («ما اسم الملعب…؟» → «الملعب»); None
    for a person's own name («ما اسمه؟»), an English question or one asking for no name."""
    match = _NAME_QUESTION_RE.search(normalize_arabic(question))
    named = match.group(1) if match else ""
    if not named or named.isascii() or named in _NAME_QUALIFIERS or not tokenize(named):
        return None  # «ما الاسم الذي…», «ما الاسم الرسمي لـ…»: no noun said
    return named


def _noun_mentions(nouns: tuple[str, ...], window: str) -> tuple[list[re.Match[str]], list[str], list[int]]:
    """A passage's words (matches and normalised forms) and the positions of those that are one of the
    normalised `nouns` in any form («مركز», «بالمركز», «مركزها»)."""
    forms = frozenset().union(*map(_role_forms, nouns))
    matches = list(WORD_RE.finditer(window))
    found = [normalize_arabic(m.group()) for m in matches]
    return matches, found, [i for i, word in enumerate(found) if _role_forms(word) & forms]


def mentions_noun(nouns: tuple[str, ...], window: str) -> bool:
    """Whether a passage (with its neighbours) says one of the normalised `nouns` in any form."""
    return bool(_noun_mentions(nouns, window)[2])


def noun_named(nouns: tuple[str, ...], window: str, asked: frozenset[str]) -> bool:
    """Whether a passage (with its neighbours) names something of the asked-for noun (or one of its
    synonyms, `nouns`): the noun, in any form («ملعب», «بالملعب»), followed within two words by a
    content word the question does not say («ملعب رادس», «المستعمرة الفرنسية فورت كارولين») or by a
    quoted name. A name of no known kind is often a term («العاصفة المدارية بيريل») that `typed_spans`
    does not type. The window is read once for all the synonyms."""
    said = {form for word in asked for form in clitic_variants(word)}
    matches, found, mentions = _noun_mentions(nouns, window)
    for i in mentions:
        if _QUOTE_OPENS_RE.match(window, matches[i].end()):
            return True  # «حركة "إلى الأمام"»: a quoted name, whatever its words
        if any(tokenize(following) and not said.intersection(clitic_variants(following))
               for following in found[i + 1:i + 1 + _WORDS_AFTER_NOUN]):
            return True
    return False


_WORDS_AFTER_NOUN = 2
_QUOTE_OPENS_RE = re.compile(r"\s*[\"«“]")


# The phrase kinds that can give the name a question asks for (`asks_for_name`).
NAME_KINDS = {"person": ("person",), "organisation": ("organisation",), "place": ("place", "country"),
              "any": ("person", "organisation", "place", "quoted")}


def name_spans(asks_name: str, phrases: Sequence[Span], asked: frozenset[str], noun: str | None = None) -> list[Span]:
    """Those of a passage's phrases that can give the name a question asks for (`asks_for_name`):
    of a kind in NAME_KINDS and sharing no word with the question («ما اسم زوجة لافروف؟» is not
    answered by «سيرجي لافروف»). With the noun named (`name_noun`) of an organisation, not one headed
    by another organisation's noun: «ما اسم الشركة…؟» is not answered by «وزارة الداخلية». A name of no known
    kind asked with its noun («ما اسم الرقيب…؟», «ما اسم المدرسة…؟») is no place's, as a place noun asks for a
    place; asked without one («ما الاسم الآخر للطريق الحرة…؟») it may be."""
    kinds = NAME_KINDS[asks_name]
    if asks_name == "any" and noun is not None:
        kinds = tuple(kind for kind in kinds if kind != "place")
    head = noun if asks_name == "organisation" else None
    return [s for s in phrases if s.kind in kinds
            and (named := _past_head(s, head)) and not any(in_asked(w, asked) for w in named)
            and not (head and _headed_by_another(s, head))]


def _past_head(span: Span, noun: str | None) -> list[str]:
    """A name's normalised words, without its first when that is the organisation's `noun` the question asks
    the name of and two or more words follow it: «ما اسم الهيئة…؟» is answered by «الهيئة العليا المستقلة»,
    which repeats only the noun, not by «الحزب الحاكم» or «الشركة التطبيق» (a noun and a word after it)."""
    found = list(asked_words(span.text))
    first = _first_word(span)
    if noun is None or first is None or len(found) < 3 or not any(
            _same_head(form, noun) for form in _proclitic_bases(first)):
        return found
    return [w for w in found if w != first]


def _headed_by_another(span: Span, noun: str) -> bool:
    """Whether an organisation's name opens with an organisation noun other than `noun` (normalised,
    with or without «ال»): «وزارة الداخلية» for «الشركة»; not «شركة النقل السريع», nor a quoted name."""
    first = _first_word(span)
    if first is None:
        return False
    head = next((form for form in _proclitic_bases(first) if name_kind(form) == "organisation"), None)
    return head is not None and not _same_head(head, noun)


def _first_word(span: Span) -> str | None:
    """A phrase's first word, normalised; None for one with no word."""
    first = WORD_RE.search(normalize_arabic(span.text))
    return first.group() if first else None


def _same_head(form: str, noun: str) -> bool:
    """Whether a normalised word is the organisation noun `noun`, with or without «ال» (`same_noun`)."""
    return same_noun(form.removeprefix("ال"), noun.removeprefix("ال"))


_WHO_IS_RE = re.compile(r"^\W*[وف]?(?:من|مين|شكون|منو)\s+(?:هو|هي|هم|يكون|تكون)\s+(.+?)\W*$")


# "Who is Anna Kelly?": one to three capitalised words after "who is/was".
_WHO_IS_NAMED_RE = re.compile(r"^\W*[Ww]ho\s+(?:is|was|'s)\s+(?:[A-Z][\w'’.-]*\s*){1,3}\W*$")


def asks_who_is(question: str) -> bool:
    """Whether a question asks who a named person is («من هي آنا كيلي؟», "Who is Anna Kelly?": a
    description, her role), not for a person («من هو وزير الخارجية الروسي؟», «من هو الحكم؟», "Who is
    the coach?"): what follows «من هو/هي» is one to three words (besides «بن», «عبد»…), none a title or a
    noun for a person, the first not definite unless none is an ordinary word («من هو البغدادي المحمودي؟»);
    in English, one to three capitalised words."""
    if _WHO_IS_NAMED_RE.match(question.strip()):
        return True
    match = _WHO_IS_RE.match(normalize_arabic(question))
    if not match:
        return False
    named = WORD_RE.findall(match.group(1))
    links = sum(w in NAME_LINKS for w in named)  # «عبد الجليل بن سالم»: four words, one name
    return (0 < len(named) - links <= 3
            and (not named[0].startswith("ال") or not any(is_ordinary_word(w) for w in named))
            and not any(name_kind(w) for w in named))


# «في أي مدينة…؟», "which city": a place inside a country, which the country's name does not give.
# «في أي…», «من أي…», «أي…» (normalised): which one, with the preposition before it.
_WHICH = r"[وف]?(?:في|من|الي|ب)?\s*"
_TOWN_RE = re.compile(rf"(?<!\w)(?:[وف]?(?:{_WHICH}|عن\s+|علي\s+)اي\s+"
                      r"(?:مدينه|ولايه|قريه|بلديه|منطقه|حي|شارع|محافظه|جهه"
                      r"|مدن|ولايات|قري|بلديات|مناطق|احياء|شوارع|محافظات|معتمديه|معتمديات)"
                      r"|(?:^|\s)[وف]?ما\s+(?:هي\s+)?ال(?:ولايه|ولايات|محافظه|محافظات|بلديه|بلديات|منطقه|مناطق|قريه|قري"
                      r"|معتمديه|معتمديات)\s+(?:التي|الذي|اللي)"
                      r"|\bwhich\s+(?:city|town|village|region|province|district|street)\b)", re.IGNORECASE)


def asks_for_town(question: str) -> bool:
    """Whether a question asks for a place inside a country (a city, a region, a street…)."""
    return bool(_TOWN_RE.search(normalize_arabic(question)))


def located_in_town(question: str) -> bool:
    """Whether a question places what it asks about in a town it names («أين ستقام العروض في سوسة؟»,
    «…بصفاقس؟»): where there, not the country the town is in. «أين تقع سوسة؟» asks where the town is."""
    tokens = words(normalize_arabic(question))
    for i, word in enumerate(tokens):
        if town_at(tokens, i) is not None and ((i and tokens[i - 1] in _IN) or (
                word[:1] == "ب" and word not in town_names())):
            return True
    return False


_IN = frozenset(("في", "وفي"))


# «في أي مدينة…؟», «أي عاصمة…؟», "which city": a town, which GeoNames' list names (`index.towns`); not a region or a
# state («أي ولاية أمريكية…؟», «أي منطقة…؟»), which that list does not know.
_CITY_RE = re.compile(rf"(?<!\w)(?:{_WHICH}اي\s+(?:مدينه|قريه|بلديه|عاصمه)|\bwhich\s+(?:city|town|village|capital)\b)",
                      re.IGNORECASE)


def asks_which_city(question: str) -> bool:
    """Whether a question asks outright which city, town or village."""
    return bool(_CITY_RE.search(normalize_arabic(question)))


# Places a which-question may ask for whose names an answer types: towns (GeoNames) and what a place word
# heads («ولاية صفاقس», «معتمدية قصر هلال», «ملعب رادس»: `index.phrases._PLACE_HEADS`). Not a region
# («منطقة», as often named bare), a country (in Arabic as often named by a nisba or a town: «بودابست بأي
# بلد؟» is answered «بودابست بالمجر»), nor a US state (named bare: «ولاية أمريكية»). With those too, on the
# seen and blind sets, a which-question over a sentence naming no such place lost 19 answers for 5 right replies.
_PLACE_NOUNS = frozenset(normalize_arabic(w) for w in """مدينة قرية بلدية عاصمة ولاية محافظة معتمدية ملعب مدن
    قرى بلديات عواصم ولايات محافظات معتمديات ملاعب""".split())
_NAMED_BARE_RE = re.compile(r"(?<!\w)(?:ال)?ولاي(?:ه|ات)\s+(?:ال)?امريكيه(?!\w)")  # a US state, named bare
# In English, besides the city, town, village or capital `asks_which_city` reads:
_WHICH_PLACE_RE = re.compile(r"\bwhich\s+(?:cities|towns|governorate|governorates|country|stadium)\b", re.IGNORECASE)


def asks_which_place(question: str) -> bool:
    """Whether a question asks outright which place of a kind an answer types: a city (`asks_which_city`),
    a governorate, a stadium («إلى أي ولاية تنتمي…؟», «ما الولايات التي…؟», «في أي ملعب…؟»), and in English
    a country too ("In which country is the summit to take place?": the town in it answers)."""
    if _NAMED_BARE_RE.search(normalize_arabic(question)):
        return False
    return (asks_which_city(question) or which_noun(question) in _PLACE_NOUNS
            or bool(_WHICH_PLACE_RE.search(question)))


# «في أي…», «أنهي…», «وين…»: a question asking which one or where (Arabic, normalised).
_WHICH_OR_WHERE_RE = re.compile(rf"(?<!\w)(?:{_WHICH}(?:اي|ايه|انهي)|[وف]?(?:اين|وين|فين))(?!\w)")


# «أي فصل…؟», «على أي فصل…؟», «بالاستناد إلى أي فصل…؟»: the noun after «أي» (normalised); and «ما + noun +
# relative» asks which one too: «ما وكالة الأنباء التي نقلت…؟», «ما الهيئة الأوروبية التي…؟» (up to two words
# between the noun and the relative pronoun; not «ما الذي…»).
_WHICH_NOUN_RE = re.compile(r"(?<!\w)(?:[وفبل]?اي|ايه)\s+(?:ال)?(\w{3,})"
                            r"|(?<!\w)[وف]?ما\s+(?:هو\s+|هي\s+)?(?:ال)?(\w{3,})(?:\s+\w+){0,2}?"
                            r"\s+(?:الذي|التي|الذين|اللذين|اللتين)(?!\w)")
# Nouns that ask for no kind of thing of their own («ما نوع السلاح الذي…؟» asks the weapon's kind).
_NO_KIND_NOUNS = frozenset(normalize_arabic(w) for w in "نوع اسم شيء أمر".split())


def which_noun(question: str) -> str | None:
    """The noun a which-question asks about, normalised, without «ال»: «على أي فصل من الدستور…؟» →
    «فصل», «ما وكالة الأنباء التي نقلت…؟» → «وكاله»; None for another question."""
    match = _WHICH_NOUN_RE.search(normalize_arabic(question))
    if not match:
        return None
    noun = match.group(2)
    if noun is None:
        return match.group(1)  # after «أي», whatever the word («إلى أي بُعد…؟»: «بعد», a stopword elsewhere)
    return noun if noun not in _NO_KIND_NOUNS and noun not in STOPWORDS else None


_WRITTEN_ON = ("", "و", "ف", "ب", "ل", "وب", "ول")  # conjunctions and prepositions written on a noun


def written_on(word: str, nouns: Sequence[str]) -> str | None:
    """The conjunction or preposition written on a normalised word that is one of `nouns` (normalised,
    without «ال»), with or without its «ال»: «وبالفصل» → «وب» for «فصل», "" for the bare noun; None when
    the word is none of them."""
    return next((c for c in _WRITTEN_ON if word.startswith(c)
                 and any(word[len(c):] in (noun, "ال" + noun) for noun in nouns)), None)


def numbered_spans(noun: str, passage: str) -> list[Span]:
    """The places where a passage numbers that noun, digits right after it: «الفصل 26», «بالفصل 31» (marked
    «الفصل 31»), «الذكرى 400»; spans of the noun (with its «ال», without a conjunction or preposition
    written on it) and its number, and the month and year after it when the number is a day («اتفاق 18
    جانفي 2016»). Not a count of what follows («الحزب 16 إسما»)."""
    out = []
    for match in _WORD_THEN_DIGITS_RE.finditer(passage):
        word = normalize_arabic(match.group(1))
        clitic = written_on(word, (noun,))
        if clitic is None:
            continue
        end = match.end()
        after = _NEXT_WORD_RE.match(passage, end)
        following = normalize_arabic(after.group(1)) if after else ""
        if following and month_numbers(following):
            end = after.end()
            year = _YEAR_AFTER_RE.match(passage, end)
            end = year.end() if year else end
        elif following and not following.startswith(_LINKS) and following not in STOPWORDS:
            continue  # «الحزب 16 إسما»: sixteen names, no party 16
        at = match.start(1) + len(clitic)
        out.append(Span("numbered", at, end, passage[at:end]))
    return out


_WORD_THEN_DIGITS_RE = re.compile(r"(?<!\w)([^\W\d]{3,})\s+(\d+)(?![\d.,،]\d)")
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d]+)")
_YEAR_AFTER_RE = re.compile(r"\s+\d{4}(?!\d)")
_LINKS = ("من", "ل", "ب", "و", "ف", "في", "على", "عن", "الى", "الي")


def asks_which_or_where(question: str) -> bool:
    """Whether a question asks which one or where («وفي أي منطقة تحديدا؟»): it names no place of its own
    to ask about, it asks for one."""
    return bool(_WHICH_OR_WHERE_RE.search(normalize_arabic(question)))


# «أين…؟», «وين…؟», "where": not «إلى أين» (to where) nor «من أين» (from where). Normalised.
_WHERE_RE = re.compile(r"(?<!\w)(?<!الي )(?<!الى )(?<!من )[وف]?(?:اين|وين|فين|فاين)(?!\w)|\bwhere\b(?! to\b| from\b)",
                       re.IGNORECASE)


def asks_where(question: str) -> bool:
    """Whether a question asks where something is or happens («أين ستعقد القمة؟», "Where…?"), not to or
    from where."""
    return bool(_WHERE_RE.search(normalize_arabic(question)))


def places_behind_li(spans: Sequence[Span]) -> list[Span]:
    """Those of the typed places and countries written behind «ل» («للولايات المتحدة», «لكوبا»: "for", "to",
    "of"), which say whose or whither, not where (`named_behind_li`)."""
    return [s for s in spans if s.kind in ("place", "country") and any(
        named_behind_li(names, normalize_arabic(s.text).split()) for names in (town_names(), country_names()))]


# «في أي بلد…؟», «ما الدول التي…؟», «لأي دولة…؟», "which country": a country, which an answer gives by its name,
# a place in it or a nationality («مشروع علمي سويدي»).
_COUNTRY_RE = re.compile(
    r"(?<!\w)[وف]?(?:في|من|الي|ب|ل|مع|عن|علي)?\s*(?:اي|ما|ماذا|ما هي|ما هو)\s+(?:ال)?(?:دول|دوله|بلد|بلدان)(?!\w)"
    r"|\b(?:which|what)\s+countr(?:y|ies)\b", re.IGNORECASE)


def asks_for_country(question: str) -> bool:
    """Whether a question asks which country or countries («من أي بلد…؟», «ما الدول التي…؟»)."""
    return bool(_COUNTRY_RE.search(normalize_arabic(question)))


def names_a_country(text: str, asked: frozenset[str]) -> bool:
    """Whether a text (an answer) names a country or a place, or says a nationality, that the question
    (`asked`: its normalised words) does not: what a which-country question needs."""
    if spans_of_kinds(("country", "place"), typed_spans(text), asked):
        return True
    return any(is_nationality(word) and word not in asked for word in words(text))


def matching_spans(question_type: str, phrases: Sequence[Span], asked: frozenset[str] = frozenset()) -> list[Span]:
    """Those of a passage's typed phrases (`typed_spans`) that can answer a question of this type;
    with `asked` (the question's normalised words), not those the question itself already says («في 2017؟»)."""
    spans = spans_of_kinds(_ANSWERED_BY.get(question_type, ()), phrases, asked)
    if question_type == "percent":
        # «نصف المصابين»: a bare fraction is a share («ما نسبة…؟», "What proportion…?"), not a count.
        spans += [s for s in spans_of_kinds(("count",), phrases, asked) if is_fraction(s)]
        spans.sort(key=lambda s: s.start)
    return spans


def spans_of_kinds(kinds: Sequence[str], phrases: Sequence[Span], asked: frozenset[str] = frozenset()) -> list[Span]:
    """A passage's typed phrases of these kinds; with `asked` (the question's normalised words), not
    those the question itself already says."""
    return [s for s in phrases if s.kind in kinds and not (asked and _said(s.text, asked))]


def _said(phrase: str, asked: frozenset[str]) -> bool:
    """Whether the question (its `question_words`) already says a phrase: every word of it, or, for a
    question naming people or places in Latin script, every word of it that spells one of those names
    (`latin_name_keys`: «آنا كيلي» for "…whom Anna Kelly serves as deputy?")."""
    words_ = asked_words(phrase)
    if words_ <= asked or _said_in_other_forms(words_, asked):
        return True
    if NAME_KEY not in asked:
        return False
    spelled = [w for w in words_ if len(arabic_skeleton(w)) >= MIN_CLASSES]
    return bool(spelled) and all(in_asked(w, asked) for w in spelled)


def _said_in_other_forms(words_: frozenset[str], asked: frozenset[str]) -> bool:
    """Whether the question says every word of a figure in some form: «20غرام» (glued) for «…وزنها 20
    غراما؟», its unit with another clitic or ending (`term_groups`). Only a phrase with digits, which the
    question must say as they are: «يومين» (two days) answers «كام يوم؟»."""
    parts = [part for word in words_ for part in _GLUED_RE.split(word) if part]
    if not any(part.isdigit() for part in parts):
        return False
    forms = _forms(asked)
    return all(part in asked or (not part.isdigit() and (part in forms or any(
        form in forms for group in term_groups(part) for form in group))) for part in parts)


@lru_cache(maxsize=4096)
def _forms(asked: frozenset[str]) -> frozenset[str]:
    """Every lexical form (`term_groups`) of a question's words."""
    return frozenset(form for word in asked for group in term_groups(word) for form in group)


# Where digits and letters meet inside a word («20غرام»): a space the writer left out. Latin letters too,
# unlike `index.phrases`, which keeps «Mate9» one name: here the question's «Mate 9» says it.
_GLUED_RE = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")


def in_asked(word: str, asked: frozenset[str]) -> bool:
    """Whether the question (its `question_words`) says a normalised word: as it is, or as the Arabic
    spelling of a name it writes in Latin script (`latin_name_keys`)."""
    if word in asked:
        return True
    if NAME_KEY not in asked:
        return False
    skeleton = arabic_skeleton(word)
    return len(skeleton) >= MIN_CLASSES and NAME_KEY + skeleton in asked


def says_again(phrase: str, asked: frozenset[str]) -> bool:
    """Whether a phrase only repeats the question's words, whatever clitics either has («…إجراءات حظر
    الحواسيب؟» over «بحظر الحواسيب»): no phrase to mark as the answer. (The type checks compare the
    words as written: on our sets, clitics alone apart, such a phrase still answered two questions.)"""
    return {_bare(w) for w in asked_words(phrase)} <= {_bare(w) for w in asked}


def _bare(word: str) -> str:
    """A normalised word without its leading conjunction, preposition and article («وبالحواسيب»,
    «بحظر», «للوزارة» → «حواسيب», «حظر», «وزاره»)."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if word.startswith("لل") and len(word) > 4:
        return word[2:]
    if len(word) > 3 and word[0] in "بلك":
        word = word[1:]
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


# «في أي تاريخ…؟», «ما تاريخ…؟», "on what date…?": a date of the calendar, on the normalised text.
# «منذ متى…؟», «من إمتى…؟», "since when…?" ask when something began: a weekday or the day of the
# report («أكد أمس رئيس الهيئة…») does not say since when he has led it. Not «ابتداءً من متى…؟», from
# when on something will be, which a weekday can answer («ابتداءً من الاثنين المقبل»).
_CALENDAR_RE = re.compile(r"(?<!\w)(?:اي|ما|ما هو|ما هي)\s+(?:ال)?تاريخ(?!\w)|\b(?:what|which)\s+date\b"
                          r"|(?<!\w)(?P<since>[وف]?(?:منذ|من)\s+متي|since\s+when)(?!\w)", re.IGNORECASE)
_FROM_ON = frozenset(normalize_arabic(w) for w in "ابتداء ابتداءا بداية انطلاقا اعتبارا".split())


# «في أي يوم…؟», «ما اليوم الذي…؟», Egyptian «يوم إيه» (after `standard_arabic`), "which day": a day.
_DAY_RE = re.compile(r"(?<!\w)(?:(?:اي|ما|ماذا|ما هو)\s+(?:ال)?يوم|يوم\s+ماذا)(?!\w)|\b(?:which|what)\s+day\b",
                     re.IGNORECASE)


# A year of the common era, alone as a number («سنة 2012», «في 2016», "in 2015", «2015/2016»).
_YEAR_RE = re.compile(r"(?<![\d.,،])(?:19|20)\d\d(?![\d.,،]?\d)")


def years_named(text: str) -> tuple[str, ...]:
    """The years a question or a passage names, in Western digits: «كم بلغت مداخيل البلدية سنة 2012؟» →
    ("2012",)."""
    return tuple(dict.fromkeys(_YEAR_RE.findall(normalize_arabic(text))))


def says_years(years: Sequence[str], text: str) -> bool:
    """Whether a text names every one of `years` (`years_named`): «…سنة 2011 وأكثر من 7 مليون دينار
    خلال 2013» does not give the takings of 2012."""
    return set(years) <= set(years_named(text))


def months_named(text: str) -> frozenset[int]:
    """The months (1–12) a text names, whatever it calls them («شهر فيفري», «في آذار», "in March";
    `index.phrases.month_numbers`), but English "may", the verb far more often than the month."""
    return frozenset().union(*(month_numbers(word) for word in words(text) if word != "may"))


def weekdays_named(text: str) -> frozenset[int]:
    """The weekdays (Monday 1 … Sunday 7) a text names («يوم الخميس», «وبالاثنين», "on Thursday";
    `index.phrases.weekday_number`)."""
    return frozenset(n for word in words(text) if (n := weekday_number(word)))


# «في أي يوم من الأسبوع…؟», «…من أيام الأسبوع؟», "On what day of the week…?" (normalised).
_WEEKDAY_ASKED_RE = re.compile(r"(?<!\w)يوم\s+من\s+(?:ايام\s+)?الاسبوع(?!\w)|\bdays?\s+of\s+the\s+week\b|\bweekday\b",
                               re.IGNORECASE)


def asks_weekday(question: str) -> bool:
    """Whether a question asks which day of the week («في أي يوم من الأسبوع انعقد اللقاء؟»): only a
    weekday answers it, not a date of the calendar nor «الأسبوع الماضي»."""
    return bool(_WEEKDAY_ASKED_RE.search(normalize_arabic(question)))


def asks_day(question: str) -> bool:
    """Whether a question asks on which day («في أي يوم سيتجمع المدرسون؟»): a date that names the day
    answers it better than the month or the year alone."""
    return bool(_DAY_RE.search(normalize_arabic(question)))


def calendar_question(question: str) -> str | None:
    """What date a question asks for, if it asks outright: "calendar" for a date of the calendar («في أي
    تاريخ انضم…؟», "On what date…?"), "since" for since when something has been («منذ متى يتولى…؟», «من
    إمتى…؟», "since when…?"), which a date said right after «منذ» or the time gone by answer too; None for any other (and for
    «ابتداءً من متى…؟»). Neither kind is answered by a weekday or «اليوم» alone."""
    folded = normalize_arabic(question)
    match = _CALENDAR_RE.search(folded)
    if not match:
        return None
    if not match.group("since"):
        return "calendar"
    before = folded[:match.start()].split()
    return None if before and before[-1] in _FROM_ON else "since"


def since_phrases(window: str, phrases: Sequence[Span], asked: frozenset[str] = frozenset()) -> list[Span]:
    """What says since when, besides a date of the calendar: a passage's dates said right after «منذ»
    («…معتصمون منذ أمس») and its times gone by («مضى أكثر من شهرين», «منذ ثلاثة أيام»), the question's
    own excepted."""
    return [s for s in spans_of_kinds(("date", "relative_date", "elapsed"), phrases, asked)
            if s.kind == "elapsed" or WORD_RE.findall(normalize_arabic(window[:s.start]))[-1:] in (["منذ"], ["ومنذ"])]


def day_dates(phrases: Sequence[Span], asked: frozenset[str] = frozenset()) -> list[Span]:
    """A passage's dates that name a day (`names_day`: «الخميس», «30 نوفمبر») or a day relative to the report
    («أمس», «اليوم»), the question's own excepted: what «في أي يوم…؟» asks, which «هذا الأسبوع» does not say."""
    return [s for s in spans_of_kinds(("date", "relative_date"), phrases, asked)
            if names_day(s.text) or (s.kind == "relative_date" and is_relative_day(s.text))]


def calendar_dates(phrases: Sequence[Span], asked: frozenset[str] = frozenset()) -> list[Span]:
    """A passage's dates and years of the calendar (`is_calendar_date`) the question does not already say."""
    return [s for s in spans_of_kinds(("date", "year"), phrases, asked) if is_calendar_date(s.text)]


def type_match(question_type: str, phrases: Sequence[Span], asked: frozenset[str] = frozenset()) -> bool:
    """Whether a passage's typed phrases hold one of the type asked for that the question does not
    already say (true for types that cannot be checked)."""
    if question_type not in CHECKABLE and question_type != "reason":
        return True
    return bool(matching_spans(question_type, phrases, asked))


def asked_words(question: str) -> frozenset[str]:
    """A question's normalised words, as `matching_spans` compares them; a Latin name glued to an
    Arabic clitic («لـCNN», «بـPHAB2») also counts as the name alone («cnn»)."""
    found = WORD_RE.findall(normalize_arabic(question))
    return frozenset(found + [part for word in found if _MIXED_SCRIPT_RE.search(word)
                              for part in _SCRIPT_RUN_RE.findall(word)])


# A word with Arabic letters next to Latin ones, and its Latin runs.
_MIXED_SCRIPT_RE = re.compile(r"[\u0600-\u06ff][a-z0-9]|[a-z0-9][\u0600-\u06ff]")
_SCRIPT_RUN_RE = re.compile(r"[a-z0-9]+")


def question_words(question: str) -> frozenset[str]:
    """`asked_words`, each also without a leading conjunction («روبيو ولافروف» says «لافروف»), and the
    keys of the names it spells in Latin script (`latin_name_keys`): what a phrase that the question
    already says may share with it."""
    words_ = asked_words(question)
    return words_ | {w[1:] for w in words_ if w[0] in "وف" and len(w) > 3} | latin_name_keys(question)


NAME_KEY = "~"  # before a Latin-script name's consonant skeleton among a question's words
_LATIN_NAME_RE = re.compile(r"[A-Za-z]{3,}")


def latin_name_keys(question: str) -> frozenset[str]:
    """The consonant skeletons (`index.transliterate`) that the Arabic spelling of each name a question
    writes in Latin script may have, behind `NAME_KEY`, and the key alone when there is one: "Who
    chairs the bloc that dismissed Walid Jallad?" says «وليد جلاد». A name is a capitalised word that
    does not open the question ("Who")."""
    keys = {NAME_KEY + skeleton for n, m in enumerate(_LATIN_NAME_RE.finditer(question))
            if n and m.group()[0].isupper() for skeleton in latin_skeletons(m.group())}
    return frozenset(keys | {NAME_KEY}) if keys else frozenset()


# «ما اسم رئيس المحكمة…؟», «من هو مدرب الفريق؟»: the role whose holder is asked for, and the word after it.
_ROLE_RE = re.compile(
    r"^\W*[وف]?(?:(?:ما|ماذا)\s+(?:هو\s+|هي\s+)?(?:ال)?(?:اسم|اسما|اسماء)\w{0,2}"
    r"|(?:من|مين|شكون|منو)\s+(?:هو|هي|هم|يكون|تكون))\s+(\w+)(?:\s+(\w+)(?:\s+(\w+))?)?")
# «مين رئيس جمعية منظمي الرحلات؟», «من مدرب النجم الساحلي؟»: with no copula, a role asks for its holder
# only when its body follows; «من الوزيرة التي ترأست الجلسة؟» and «من الرئيس التونسي الذي…؟» describe
# someone by a deed, which passages seldom tell with the role's word.
_BARE_ROLE_RE = re.compile(r"^\W*[وف]?(?:من|مين|شكون|منو)\s+(\w+)\s+(\w+)(?:\s+(\w+))?")
_NO_BODY = frozenset(normalize_arabic(w) for w in "اللي الي متاع بتاع ديال تاع على إلى عند لدى داخل بين خلال حول"
                     .split()) | _RELATIVES
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")
_COPULAS = (["هو"], ["هي"])
_BRACKETED_RE = re.compile(r"\([^()]{0,40}\)")
_APPOSITION_RE = re.compile(r"[,،(\-–—]")
NAME_AFTER_ROLE_CHARS = 40  # «مديرة منطقة المغرب العربي بالبنك العالمي ماري…»
_DEPUTIES = frozenset(normalize_arabic(w) for w in "نائب نائبة مساعد مساعدة وكيل".split())  # «نائب رئيس الحكومة»


def _role_match(question: str) -> re.Match[str] | None:
    """The role, the word after it and the one after that, of a question asking a role's holder (see
    `_ROLE_RE`, `_BARE_ROLE_RE`), over the normalised question; None when it asks none."""
    folded = _name_of_role(normalize_arabic(question))
    match = _ROLE_RE.match(folded)
    if match:
        return match
    bare = _BARE_ROLE_RE.match(folded)
    if not bare or len(bare.group(2)) <= 2 or bare.group(2) in _NO_BODY or _adjective(bare.group(2)) is not None:
        return None
    # A definite role is followed by its adjective («الباحث المشارك», «النائبة المستقلة»), and its body
    # only in «المتحدث باسم…»; an indefinite one is the head of its body («رئيس الهيئة»).
    return bare if not bare.group(1).startswith("ال") or bare.group(2) == "باسم" else None


def asked_role(question: str) -> tuple[str, str | None] | None:
    """The person's role a question asks the holder of, with the word after it, normalised:
    «ما اسم رئيس جندوبة…؟» → ("رييس", "جندوبه"). None for any other question, for a role that is
    not a person's title or noun («ما اسم الجسر…؟»: such names are too often untyped terms), and
    for «من هي آنا كيلي؟» (a named person)."""
    match = _role_match(question)
    if not match or asks_who_is(question) or name_kind(match.group(1)) != "person":
        return None
    after = match.group(2)
    return match.group(1), (after if after and after not in _RELATIVES and len(after) > 2 else None)


def role_qualifier(question: str) -> str | None:
    """The stem of the adjective that a question asking a role's holder (`asked_role`, which the caller has
    checked) gives the role's body (`_adjective`): «ما اسم رئيس الغرفة الوطنية للمخابز؟» → «وطني»; None
    when the word after the body is no adjective («…الذي…»)."""
    match = _role_match(question)
    if not match or not match.group(2):
        return None
    return _adjective(match.group(3) or "")


# A definite nisba adjective, masculine or feminine, normalised («الوطنيه», «والجهوي»): its stem.
_ADJECTIVE_RE = re.compile(r"^[وف]?(?:ال|لل)(\w{3,}ي)ه?$")


def _adjective(word: str) -> str | None:
    """A normalised word's stem as a definite nisba adjective («الوطنيه» → «وطني»), or None."""
    match = _ADJECTIVE_RE.match(word)
    return match.group(1) if match and word not in _RELATIVES else None


# «من يرأس X؟» asks who holds the role the verb names, as «من هو رئيس X؟» does: the verbs of heading,
# managing and coaching, in any tense and person (normalised), with the role noun each names.
_ROLE_VERBS = {normalize_arabic(verb): normalize_arabic(role) for role, verbs in (
    ("رئيس", "يرأس ترأس يترأس تترأس رأس رأست ترأست"), ("مدير", "يدير تدير أدار أدارت"),
    ("مدرب", "يدرب درب دربت")) for verb in verbs.split()}
_ROLE_VERB_RE = re.compile(
    r"^\W*[وف]?(?:من|مين|شكون|منو)\s+(?:(?:هو|هي)\s+)?(?:(?:الذي|التي|اللي|الي)\s+)?(\w+)(?:\s+(\w+))?")
_VERB_PREFIXES = "سهحب"  # «سيترأس», and the dialects' «هيدير», «حيرأس», «بيدرب»


def asked_role_by_verb(question: str) -> tuple[str, str | None] | None:
    """The role a «who heads / manages / coaches X?» question asks the holder of, with the verb's
    object, normalised: «من يرأس حزب آفاق تونس؟» → ("رييس", "حزب"), «من سيترأس الاجتماعات؟» →
    ("رييس", "الاجتماعات"). A verb is looser than the title: «يرأس الاجتماعات» is rarely written
    «رئيس الاجتماعات», so `role_named` reads the object softly (`strict=False`). None for any other
    question."""
    match = _ROLE_VERB_RE.match(normalize_arabic(question))
    if not match:
        return None
    verb = match.group(1)
    role = _ROLE_VERBS.get(verb) or (_ROLE_VERBS.get(verb[1:]) if verb[:1] in _VERB_PREFIXES else None)
    if role is None:
        return None
    after = match.group(2)
    return role, (after if after and after not in _RELATIVES and len(after) > 2 else None)


# A nisba adjective after a role («وزير الخارجية الروسي», «للرئيس الأمريكي»), normalised.
_NISBA_RE = re.compile(r"^(?:[وف]?(?:ال|لل))(\w{3,}ي)$")
_NISBA_AFTER_ROLE = 3  # words after the title: «وزير الخارجية الروسي», «رئيس الوزراء المجري»
# The words that ask who, and those that may stand between them and the role asked about (normalised).
_WHO_WORDS = frozenset(("من", "ما", "ماذا", "مين", "منو", "شكون", "هو", "هي", "هم", "اسم", "اسمه", "اسمها"))
# «نظيره الروسي»: his counterpart, the holder of the same role elsewhere.
_COUNTERPART_FORMS = frozenset(("نظير",))


def _nisba(word: str) -> str | None:
    """A normalised word as a nisba adjective with its article («والروسي» → «الروسي»), or None."""
    match = _NISBA_RE.match(word)
    return "ال" + match.group(1) if match else None


# A parliament by the name its country gives it («رئيس مجلس نواب الشعب» for «رئيس البرلمان»), normalised:
# «مجلس» and the word after it, or one name.
_PARLIAMENT_WORDS = frozenset(normalize_arabic(w) for w in "برلمان البرلمان للبرلمان بالبرلمان".split())
_PARLIAMENT_AFTER_COUNCIL = frozenset(normalize_arabic(w) for w in "نواب النواب الشعب الأمة الشيوخ الشورى".split())
_PARLIAMENT_NAMES = frozenset(normalize_arabic(w) for w in "الكنيست الدوما".split())


def _parliament_after(body: str, tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the question's body word after a role is «البرلمان» and the role at token k is followed by
    a parliament's own name («رئيس مجلس نواب الشعب», «رئيس الكنيست»)."""
    if body not in _PARLIAMENT_WORDS or k + 1 >= len(tokens):
        return False
    word = tokens[k + 1][2]
    return word in _PARLIAMENT_NAMES or (word in ("مجلس", "المجلس") and k + 2 < len(tokens)
                                         and tokens[k + 2][2] in _PARLIAMENT_AFTER_COUNCIL)


def _country_of(adjective: str, word: str) -> bool:
    """Whether a normalised word names the country a nisba adjective is of: «الغيني» by «غينيا»
    («برئيس جمهورية غينيا» for «الرئيس الغيني»), «المغربي» by «بالمغرب»: a form of the word (its
    article aside) opens with the adjective's stem and is at most two letters longer («غين» → «غينيا»)."""
    nisba = _nisba(adjective)
    if nisba is None:
        return False
    stem = nisba[2:-1]
    return starts_country(word) and any(
        (form[2:] if form.startswith("ال") else form).startswith(stem)
        and len(form) - len(stem) <= (4 if form.startswith("ال") else 2) for form in country_forms(word))


def role_nationality(question: str) -> tuple[str, str] | None:
    """The role a question asks about and the nisba adjective (mostly a nationality) qualifying it,
    normalised, the adjective as «ال» + stem: «ما اسم وزير الخارجية الروسي؟» → («وزير», «الروسي»). The
    adjective tells the Russian minister from the American one that the same article also names. Only
    the first role word counts; None when it is not followed by one, or when a verb stands between the
    question word and the role (a word with no «ال»: «من كلّفه الرئيس الأمريكي…؟» asks whom the president
    chose; «ما الاسم الأول لوزير الخارجية الروسي؟» asks the minister)."""
    words = WORD_RE.findall(normalize_arabic(question))
    at = next((i for i, word in enumerate(words) if name_kind(word) == "person"), None)
    if at is None:
        return None
    asking = next((i for i, word in enumerate(words[:at]) if word in _WHO_WORDS), None)
    if asking is not None and any(word not in _WHO_WORDS and not word.startswith("ال")
                                  for word in words[asking + 1:at]):
        return None  # «من كلّفه الرئيس الأمريكي بترؤس…؟»: the role does the verb; someone else is asked for
    for after in words[at + 1:at + 1 + _NISBA_AFTER_ROLE]:
        if name_kind(after) == "person":
            return None  # «زوجة وزير الخارجية الروسي»: the adjective qualifies another role than the one asked
        adjective = _nisba(after)
        if adjective:
            return words[at], adjective
    if _role_forms(words[at]) & _COUNTRY_TITLES:
        # «رئيس المجر», «وزير خارجية روسيا», «سفير السعودية في تونس»: the country the title is of, right after
        # it or after one word of its body with no article (not «رئيس الجمهورية إلى إيطاليا»)
        for k in (at + 1, at + 2):
            if k < len(words) and (country := _country_nisba(words[k])):
                return words[at], country
            if k >= len(words) or words[k].startswith("ال"):
                break
    return None


# Titles a question may give with their country after them: «رئيس المكسيك», «أمير قطر» (normalised).
_COUNTRY_TITLES = frozenset(normalize_arabic(w) for w in "رئيس وزير سفير ملك أمير ممثل مبعوث قنصل حاكم".split())


def _country_nisba(word: str) -> str | None:
    """The nisba adjective of a one-word country name (normalised, any proclitic), as `_nisba` gives one:
    «روسيا» → «الروسي», «المجر» → «المجري», «ألمانيا» → «الالماني», «أمريكا» → «الامريكي»; else None. «وزير
    خارجية روسيا» asks what «وزير الخارجية الروسي» does."""
    name = name_matched(country_names(), [word], 0)
    if name is None or len(name) != 1:
        return None
    # «المجر» has the article; «ألمانيا» (normalised «المانيا») does not: «الألماني»
    bare = name[0] if name[0].endswith("يا") else name[0].removeprefix("ال")
    tail = next((t for t in ("يا", "يه", "ا", "ه") if bare.endswith(t) and len(bare) - len(t) >= 3), "")
    return "ال" + bare[: len(bare) - len(tail)] + "ي"


# The same for an English question: "Who is Rubio's Russian counterpart?", "the French ambassador".
_ENGLISH_NISBA = {"russian": "روسي", "american": "امريكي", "french": "فرنسي", "tunisian": "تونسي",
                  "egyptian": "مصري", "ukrainian": "اوكراني", "chinese": "صيني", "british": "بريطاني",
                  "german": "الماني", "italian": "ايطالي", "turkish": "تركي", "iranian": "ايراني", "saudi": "سعودي",
                  "qatari": "قطري", "algerian": "جزايري", "moroccan": "مغربي", "libyan": "ليبي", "syrian": "سوري",
                  "iraqi": "عراقي", "israeli": "اسراييلي", "palestinian": "فلسطيني", "hungarian": "مجري",
                  "spanish": "اسباني", "japanese": "ياباني", "indian": "هندي", "kuwaiti": "كويتي", "emirati": "اماراتي"}
_ENGLISH_ROLE = {"counterpart": "نظير", "minister": "وزير", "president": "رييس", "ambassador": "سفير",
                 "coach": "مدرب", "spokesman": "متحدث", "spokesperson": "متحدث", "king": "ملك", "envoy": "مبعوث",
                 "official": "مسوول"}
_ENGLISH_ROLE_RE = re.compile(rf"\b({'|'.join(_ENGLISH_NISBA)})\s+(?:\w+\s+)?({'|'.join(_ENGLISH_ROLE)})\b",
                              re.IGNORECASE)


# The Arabic title of an English role noun, as `asked_role` gives it (normalised): offices and family
# ties that `role_named` and `mentions_tie` read passages for. "prime minister" and "governor" are not
# here: news writes them in several ways («رئيس الحكومة», «الوزير الأول»; «والي», «محافظ»).
_ENGLISH_HOLDER = {**{w: "رييس" for w in ("president", "head", "chairman", "chairwoman", "chair", "leader")},
                   "director": "مدير", "manager": "مدير", "minister": "وزير", "ambassador": "سفير",
                   "dean": "عميد", "commander": "قايد", "coach": "مدرب", "wife": "زوجه", "husband": "زوج",
                   "father": "اب", "mother": "ام", "son": "ابن", "daughter": "ابنه", "brother": "اخ",
                   "sister": "اخت", "widow": "ارمله"}
# "Who is the coach of…?", "What is the name of the Tunisian minister who…?", "Who is Lavrov's wife?":
# the noun phrase after the interrogative, up to a preposition, a relative or the end.
_ENGLISH_HOLDER_RE = re.compile(
    r"^\W*(?:who(?:'s|’s|\s+(?:is|was|are|were|will\s+be))|what(?:'s|’s|\s+(?:is|was))\s+the\s+name\s+of)\s+"
    r"(?:the\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:'s|’s)\s+|(?:his|her|their|its)\s+)"
    r"(?P<phrase>[\w\s-]+?)\s*(?:\b(?:of|who|whom|whose|that|which|in|at|for|on|to|from|with|by|during|now)\b|[?,.]|$)",
    re.IGNORECASE)
# "Who heads / chairs / leads / coaches / manages…?": the title the verb names (read softly, as
# `asked_role_by_verb` reads «من يرأس…؟»).
_ENGLISH_HEAD_VERB_RE = re.compile(
    r"^\W*who\s+(?:(?:will|would|is\s+going\s+to|now)\s+)?(?P<verb>heads?|headed|chairs?|chaired|leads?|led"
    r"|coach(?:es|ed)?|trains?|trained|manages?|managed|directs?|directed)\b", re.IGNORECASE)
_ENGLISH_HEAD_VERBS = {"head": "رييس", "chair": "رييس", "lead": "رييس", "led": "رييس", "coach": "مدرب",
                       "train": "مدرب", "manag": "مدير", "direct": "مدير"}


def english_asked_role(question: str) -> tuple[str, str | None] | None:
    """`asked_role` of an English question, the title in its Arabic form: "Who is the coach of Esperance?"
    → ("مدرب", None), "What is the name of Lavrov's wife?" → ("زوجه", None). None for another question,
    for a role noun not in `_ENGLISH_HOLDER` and for a noun phrase that is no role ("Who is the
    author…" asks about a person the role does not tie to a title)."""
    match = _ENGLISH_HOLDER_RE.match(question)
    if not match:
        return None
    words = match.group("phrase").split()
    if not words or len(words) > 4:
        return None
    role = _ENGLISH_HOLDER.get(words[-1].lower())
    if role is None or (words[-1].lower() == "minister" and len(words) > 1 and words[-2].lower() == "prime"):
        return None
    return role, None


def english_role_by_verb(question: str) -> tuple[str, str | None] | None:
    """`asked_role_by_verb` of an English question: "Who heads the union?" → ("رييس", None)."""
    match = _ENGLISH_HEAD_VERB_RE.match(question)
    if not match:
        return None
    verb = match.group("verb").lower()
    role = next((role for stem, role in _ENGLISH_HEAD_VERBS.items() if verb.startswith(stem)), None)
    return (role, None) if role else None


_US_RE = re.compile(r"\bU\.?S\.?(?=\s)")  # "the U.S. ambassador", "US president"; not the pronoun "us"


# The countries of those adjectives by name: "the president of Russia", "Russia's president".
_ENGLISH_COUNTRIES = {"russia": "russian", "america": "american", "united states": "american", "france": "french",
                      "tunisia": "tunisian", "egypt": "egyptian", "ukraine": "ukrainian", "china": "chinese",
                      "britain": "british", "united kingdom": "british", "uk": "british", "germany": "german",
                      "italy": "italian", "turkey": "turkish", "iran": "iranian", "saudi arabia": "saudi",
                      "qatar": "qatari", "algeria": "algerian", "morocco": "moroccan", "libya": "libyan",
                      "syria": "syrian", "iraq": "iraqi", "israel": "israeli", "palestine": "palestinian",
                      "hungary": "hungarian", "spain": "spanish", "japan": "japanese", "india": "indian",
                      "kuwait": "kuwaiti", "uae": "emirati", "united arab emirates": "emirati"}
_COUNTRY_ALTERNATIVES = "|".join(sorted(_ENGLISH_COUNTRIES, key=len, reverse=True))
_ROLE_ALTERNATIVES = "|".join(_ENGLISH_ROLE)
_ENGLISH_ROLE_OF_RE = re.compile(
    rf"\b(?P<role>{_ROLE_ALTERNATIVES})\s+of\s+(?:the\s+)?(?P<country>{_COUNTRY_ALTERNATIVES})\b"
    rf"|\b(?:the\s+)?(?P<owner>{_COUNTRY_ALTERNATIVES})(?:'s|’s)\s+(?:\w+\s+)?(?P<owned>{_ROLE_ALTERNATIVES})\b",
    re.IGNORECASE)


def english_role_nationality(question: str) -> tuple[str, str] | None:
    """`role_nationality` of an English question, in the Arabic forms the passages are read in:
    "Who is Rubio's Russian counterpart?" → («نظير», «الروسي»), "the French foreign minister" → («وزير», «الفرنسي»),
    "the president of Russia" and "Russia's president" → («رييس», «الروسي»)."""
    match = _ENGLISH_ROLE_RE.search(_US_RE.sub("American", question))
    if match:
        return _ENGLISH_ROLE[match.group(2).lower()], "ال" + _ENGLISH_NISBA[match.group(1).lower()]
    match = _ENGLISH_ROLE_OF_RE.search(question)
    if not match:
        return None
    role, country = (match.group("role"), match.group("country")) if match.group("role") else (
        match.group("owned"), match.group("owner"))
    return _ENGLISH_ROLE[role.lower()], "ال" + _ENGLISH_NISBA[_ENGLISH_COUNTRIES[country.lower()]]


def names_holder_of(role: tuple[str, str], text: str, phrases: Sequence[Span],
                    holders: frozenset[str] | None = None) -> bool:
    """Whether a passage names a person right after the role's adjective, with the role (or «نظير», a
    counterpart: the same role) just before it: «…ونظيره الروسي سيرجي لافروف» for («وزير», «الروسي»),
    not «الرئيس الروسي فلاديمير بوتين». `phrases`: the passage's typed phrases. With `holders` (the words
    of the names its article gives that role: `role_holders`), a counterpart counts only of one of them
    named before it: «بين روبيو ونظيره الروسي» names Russia's minister where Rubio is a minister, not
    Russia's president. An article that gives the role no one («المسؤول الروسي») cannot tell: it counts."""
    return bool(holder_spans(role, text, phrases, holders))


def holder_spans(role: tuple[str, str], text: str, phrases: Sequence[Span],
                 holders: frozenset[str] | None = None) -> list[Span]:
    """The people a passage names as the holder of a role of one nationality (`names_holder_of`): the
    person phrases right after the role's adjective («…الرئيس الروسي فلاديمير بوتين» for («رييس», «الروسي»))."""
    title_forms = _role_forms(role[0])
    tokens = [(m.start(), m.end(), normalize_arabic(m.group())) for m in WORD_RE.finditer(text)]
    found: list[Span] = []
    for k, (_, end, word) in enumerate(tokens):
        if _nisba(word) != role[1]:
            continue
        before = range(max(0, k - _NISBA_AFTER_ROLE), k)
        if not any(_role_forms(tokens[j][2]) & title_forms for j in before) and not any(
                _role_forms(tokens[j][2]) & _COUNTERPART_FORMS
                and (not holders or any(_role_forms(t[2]) & holders for t in tokens[:j])) for j in before):
            continue
        found += [span for span in phrases if span.kind == "person" and 0 <= span.start - end <= 2]
    return found


def role_holders(role: str, text: str, phrases: Sequence[Span], body: str | None = None) -> frozenset[str]:
    """The normalised words of the people a text names right after a mention of a role, in its sentence
    («…وزير الخارجية ماركو روبيو…» → {«ماركو», «روبيو»} for «وزير»); with `body`, only after a mention
    followed by it («وزير الخارجية…» for «الخارجيه»). `phrases`: the text's typed phrases."""
    role_forms = _role_forms(role)
    body_forms = _role_forms(body) if body else frozenset()
    people = [s for s in phrases if s.kind == "person"]
    found: set[str] = set()
    for m in WORD_RE.finditer(text):
        if not _role_forms(normalize_arabic(m.group())) & role_forms:
            continue
        if body_forms and not ((after := WORD_RE.search(text, m.end()))
                               and _role_forms(normalize_arabic(after.group())) & body_forms):
            continue
        span = next((s for s in people if m.end() <= s.start <= m.end() + NAME_AFTER_ROLE_CHARS
                     and not _SENTENCE_END_RE.search(text, m.end(), s.start)), None)
        if span is not None:
            found |= {normalize_arabic(w) for w in WORD_RE.findall(span.text)}
    return frozenset(found)


def _role_forms(word: str) -> frozenset[str]:
    """A normalised word without its article or a proclitic and without a pronoun suffix, but with
    its number kept: «ورئيسها» → رييس; «المعلقين» (several) is not «المعلق» (one)."""
    forms = {word}
    for prefix in ("وبال", "وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= (2 if prefix.endswith("ال") else 3):
            forms.add(word[len(prefix):])
    for form in list(forms):
        for suffix in PRONOUN_SUFFIXES:
            if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                stem = form[: -len(suffix)]
                forms.add(stem[:-1] + "ه" if stem.endswith("ت") else stem)  # «زوجته» → زوجه
        if form.endswith("ا") and len(form) >= 5:
            forms.add(form[:-1])  # the accusative: «ومحاميا من غانا», «عُيّن رئيسا للكتلة»
    return frozenset(forms)


# Family ties, each with the other words news uses for it (normalised): a passage that names someone
# but never mentions the tie does not say who holds it («ما اسم زوجة فلاديمير بوتين؟» over a sentence
# naming Trump and Putin), whereas a title may be paraphrased («مدرب» / «المدير الفني»).
_KIN = tuple(frozenset(normalize_arabic(w) for w in group.split()) for group in (
    "زوج قرين", "زوجة عقيلة حرم قرينة", "أب والد", "أم والدة", "ابن نجل", "ابنة بنت نجلة كريمة",
    "أخ أخو شقيق", "أخت شقيقة", "أرملة"))


# Offices held over a body, each with the other words news uses for it (normalised). A passage that
# never mentions the office does not say who holds it («من هو رئيس اتحاد…؟» over a sentence naming the
# union's spokesman), while a description is often paraphrased away («المسؤولة» for «نائبة السكرتيرة»).
# A counterpart («ونظيره الروسي سيرجي لافروف») holds the same office. The coach is not here: news calls
# him «المدير الفني» as often.
_OFFICES = tuple(frozenset(normalize_arabic(w) for w in f"{group} نظير نظيرة".split()) for group in (
    "رئيس رئيسة زعيم زعيمة", "مدير مديرة", "وزير وزيرة", "قائد زعيم", "أمين أمينة", "محافظ محافظة",
    "والي", "سفير سفيرة", "عميد عميدة"))


def mentions_tie(role: str, window: str, offices: bool = False) -> bool | None:
    """Whether a passage (with its neighbours) mentions the family tie an asked role is, in any of its
    words and forms («زوجته», «وعقيلته»), or with `offices` the office it is («رئيس», «الوزيرة»); None
    when the role is neither."""
    forms = _role_forms(role)
    group = frozenset().union(*(tie for tie in _KIN + (_OFFICES if offices else ()) if tie & forms))
    if not group:
        return None
    return any(_role_forms(normalize_arabic(m.group())) & group for m in WORD_RE.finditer(window))


# Nouns of events a place is given for («الاجتماع… في», «قمة… في بودابست»); «اجتماع» and «لقاء» name one kind.
_EVENT_NOUNS = frozenset(normalize_arabic(w) for w in
                         "اجتماع لقاء قمة مؤتمر ندوة مباراة حفل مهرجان معرض زيارة جلسة تظاهرة مسيرة".split())
_SAME_EVENTS = {normalize_arabic("لقاء"): normalize_arabic("اجتماع")}
EVENT_WORDS_BEFORE = 8  # how far before a place or a date its event noun is looked for, in words


def _event(word: str) -> str | None:
    """The event a word names («الاجتماع», «وقمة» → its noun, «لقاء» as «اجتماع»), or None."""
    noun = next((form for form in _role_forms(normalize_arabic(word)) if form in _EVENT_NOUNS), None)
    return _SAME_EVENTS.get(noun, noun) if noun else None


# The English nouns of those events ("Where was the meeting to be held?"), with the Arabic noun each is.
_ENGLISH_EVENTS = {english: normalize_arabic(arabic) for arabic, words in (
    ("اجتماع", "meeting meetings talks"), ("قمة", "summit"), ("مؤتمر", "conference congress"),
    ("ندوة", "seminar symposium"), ("مباراة", "match game final"), ("حفل", "ceremony concert party gala"),
    ("مهرجان", "festival"), ("معرض", "exhibition fair expo"), ("زيارة", "visit"), ("جلسة", "session hearing"),
    ("تظاهرة", "protest demonstration"), ("مسيرة", "march rally")) for english in words.split()}
_ENGLISH_EVENT_RE = re.compile(rf"\b({'|'.join(_ENGLISH_EVENTS)})\b", re.IGNORECASE)


def asked_event(question: str) -> str | None:
    """The event a question asks about: the first its last clause naming one names («أين كان سيعقد
    الاجتماع التمهيدي…؟» → «اجتماع»; «تجاهل الاجتماع الأول، أين ستعقد القمة؟» → «قمة»; «اجتماع القمة» →
    «قمة»; "Where was the meeting to be held?" → «اجتماع»), or None."""
    if not ARABIC_LETTER_RE.search(question):
        for clause in reversed(CLAUSE_END_RE.split(question)):
            if match := _ENGLISH_EVENT_RE.search(clause):
                return _ENGLISH_EVENTS[match.group(1).lower()]
        return None
    for clause in reversed(CLAUSE_END_RE.split(question)):
        events = [_event(word) for word in WORD_RE.findall(clause)]
        for k, event in enumerate(events):
            if event:
                # «وين بيصير اجتماع القمة…؟»: a summit's meeting is the summit, the noun it is of
                return events[k + 1] if k + 1 < len(events) and events[k + 1] else event
    return None


def event_of_phrase(text: str, phrase: str) -> str | None:
    """The event a phrase of a text (a place, a date) is given for: the nearest event noun before it,
    within EVENT_WORDS_BEFORE words of its clause («…الاجتماع التمهيدي… على قمة ترامب-بوتين المرتقبة في
    بودابست»: «قمة»), or None."""
    clause = _clause_before(text, phrase)
    if clause is None:
        return None
    return next((event for word in reversed(WORD_RE.findall(clause)[-EVENT_WORDS_BEFORE:]) if (event := _event(word))),
                None)


def names_event(text: str, event: str, near: str | None = None) -> bool:
    """Whether a text names an event (`_event`: «اللقاء» names «اجتماع»); with `near` (a phrase of the text),
    in the sentence holding it: «…آخر قمة… في أنكوريج بألاسكا. وانتهى ذلك الاجتماع…» gives the summit's
    town, and the meeting the next sentence names is that summit."""
    if near is not None:
        text = next((sentence for sentence in split_sentences(text) if near in sentence), text)
    return any(_event(m.group()) == event for m in WORD_RE.finditer(text))


def _owned_by_pronoun(word: str, role_forms: frozenset[str]) -> bool:
    """Whether a mention of a role ends in a possessive pronoun («ونظيره», «رئيسها»)."""
    return any(word.endswith(suffix) and _role_forms(word[: -len(suffix)]) & role_forms
               for suffix in PRONOUN_SUFFIXES)


def role_named(role: tuple[str, str | None], window: str, phrases: Sequence[Span], kinds: Sequence[str],
               asked: frozenset[str], strict: bool = True, qualifier: str | None = None) -> bool | None:
    """Whether a passage (with its neighbours; `phrases` its typed phrases) names the holder of an
    asked role (`asked_role`): a name of one of `kinds` right after a mention of the role, before the
    next one («رئيس النادي الصفاقسي منصف خماخم»), or just before it («خماخم، رئيس النادي»; with no comma
    after a verb of saying: «وقال لسعد الجموسي مدير المهرجان»); "right after" counts from the end of the
    words the question gives with the role («رئيسة الاتحاد التونسي للصناعة والتجارة…، وداد بوشماوي»:
    `_past_asked`). Where the question gives the word after the role, only mentions followed by it count. None when the role is
    not mentioned at all (a paraphrase may still name its holder); False when it is, and no name
    stands by it («أمام رئيس المحكمة الدستورية العليا.») or no mention is followed by the question's
    next word («الرئيس الأمريكي» for «رئيس المحكمة»), or by another adjective than the question's
    `qualifier` (`role_qualifier`: «رئيس الغرفة الجهوية» for «رئيس الغرفة الوطنية»); with `strict` false
    (a role read off a verb: `asked_role_by_verb`), None then, as if the role were not mentioned."""
    role_forms = _role_forms(role[0])
    tokens = [(m.start(), m.end(), normalize_arabic(m.group())) for m in WORD_RE.finditer(window)]
    mentions = [(start, end, i) for i, (start, end, word) in enumerate(tokens) if _role_forms(word) & role_forms]
    if not mentions:
        return None
    # «نائبة السكرتيرة الصحفية…، آنا كيلي» names the deputy: a mention after a deputy's title is another role.
    mentions = [m for m in mentions if not (m[2] and _role_forms(tokens[m[2] - 1][2]) & _DEPUTIES)]
    if not mentions:
        return False if strict else None
    starts = [start for start, _, _ in mentions] + [len(window)]
    if role[1]:
        after = _role_forms(role[1])
        # A mention with a pronoun for its owner («روبيو ونظيره الروسي…» for «نظير روبيو») counts too.
        followed = [m for m in mentions if any(_role_forms(t[2]) & after or _country_of(role[1], t[2])
                                               for t in tokens[m[2] + 1:m[2] + 3])
                    or _owned_by_pronoun(tokens[m[2]][2], role_forms) or _parliament_after(role[1], tokens, m[2])]
        if qualifier:
            followed = [m for m in followed if not _qualified_otherwise(tokens, m[2], after, qualifier, phrases)]
        if not followed:
            # «رئيس المحكمة…؟» over «الرئيس الأمريكي دونالد ترامب»: another role of that title
            return False if strict else None
        mentions = followed
    names = [s for s in phrases if s.kind in kinds and asked_words(s.text) - asked]
    for start, end, k in mentions:
        stop = min(_past_asked(tokens, k, window, asked) + NAME_AFTER_ROLE_CHARS, next(s for s in starts if s > start))
        for span in names:
            new = not asked_words(span.text) & asked
            # A name sharing a word with the question counts only when it starts at the mention itself
            # (a name typed with its title), not «المحكمة الدستورية العليا» for «…رئيس المحكمة العليا؟».
            if ((new or span.start == start) and start <= span.start <= stop and span.end > end
                    and not _SENTENCE_END_RE.search(window[end:span.start])
                    and not (span.kind != "person" and _addressed(window, end, span.start))):
                return True
            if new and span.end <= start:
                # A bracket between the name and the copula says more of him («سلمان عبيدي (22 عاما) هو
                # منفذ التفجير»).
                between = normalize_arabic(_BRACKETED_RE.sub(" ", window[span.end:start]))
                if between.split() in _COPULAS or (not WORD_RE.search(between) and _APPOSITION_RE.search(between)):
                    return True
                if not between.strip() and _said_before(window, span.start):
                    return True  # «وقال لسعد الجموسي مدير المهرجان»: the speaker, then his title
    return False


def _addressed(window: str, after: int, start: int) -> bool:
    """Whether the name at `start` comes right after a noun behind «ل», past the role's mention ending at
    `after` («…أفاد مسؤول في البيت الأبيض لشبكة CNN», «…في تصريح لإذاعة "موزاييك"»): a name of no person
    there names whom the news was told, not the holder of the role. (A person there is the role's own:
    «رئيس المكتب السياسي للحزب، عبد الرؤوف العامري»; and «للمخرجة كوثر بن هنية» is the role behind «ل».)"""
    before = WORD_RE.findall(window[max(after, start - 30):start])
    if not before:
        return False
    word = normalize_arabic(before[-1])
    return (word.startswith("ل") and not word.startswith("ال") and len(word) >= 5
            and not starts_country(word) and not starts_town(word))  # «لبنان», «لندن»: a place


def _past_asked(tokens: list[tuple[int, int, str]], k: int, window: str, asked: frozenset[str]) -> int:
    """The offset where the role mentioned at token k ends, with the words after it that the question
    gives too (its body as asked: «رئيسة الاتحاد التونسي للصناعة والتجارة والصناعات التقليدية، وداد
    بوشماوي» for «من هي رئيسة الاتحاد التونسي للصناعة والتجارة والصناعات التقليدية؟»), up to punctuation."""
    end = tokens[k][1]
    for start, next_end, word in tokens[k + 1:]:
        if window[end:start].strip() or not in_asked(word, asked):
            break
        end = next_end
    return end


def _qualified_otherwise(tokens: list[tuple[int, int, str]], k: int, body: frozenset[str], qualifier: str,
                         phrases: Sequence[Span]) -> bool:
    """Whether the role mentioned at token k has its body (`body`: its forms) followed by another adjective
    than `qualifier` (`_adjective`): «رئيس الغرفة الجهوية» for «الوطنية»; not a name typed there
    («رئيس الحكومة الجبالي»)."""
    for j in range(k + 1, min(k + 3, len(tokens) - 1)):
        if _role_forms(tokens[j][2]) & body:
            start, end, word = tokens[j + 1]
            other = _adjective(word)
            return other is not None and other != qualifier and not any(
                s.kind == "person" and s.start <= start and end <= s.end for s in phrases)
    return False


def _said_before(text: str, at: int) -> bool:
    """Whether the word right before offset `at` is a verb of saying (`saying_verb`): a name after it is its
    subject, and a title right after the name is his («وقال لسعد الجموسي مدير المهرجان»), not the
    object of a verb such as «التقى». One title or noun for a person may stand between the verb and the
    name («أكد الصحفي علي بن مزين مدير تحرير موقع…»; but in «واستقبل الوزير لسعد الجموسي مدير
    المهرجان» the director is the one received)."""
    words = WORD_RE.findall(normalize_arabic(text[:at]))
    if len(words) > 1 and name_kind(words[-1]) == "person":
        words = words[:-1]
    return bool(words) and saying_verb(words[-1], with_object=False) is not None


# «كم عدد طلاب الجامعة؟»: the noun counted, right after «عدد» (after `_focus_form`, so «ما هو عدد…» too).
_COUNTED_RE = re.compile(r"(?<!\w)[وف]?(?:كم|ما)\s+(?:ال)?عدد\s+(?:(?:هذا|هذه|هذين|هاتين|ذلك|تلك|هولاء|اوليك)\s+)?(\w+)")
COUNTED_NOUN_WORDS = 4  # how near a count its noun must stand: «بلغ عدد الزوار 33 ألفا», «سبعة دهاليز»
_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_SUFFIXES = ("ات", "ين", "ون", "ان", "ه", "ا", "ها", "هما", "هم", "هن", "نا", "كم")  # number, then possessive endings
_WEAK_LETTERS = str.maketrans("", "", "اويىءئؤ")


def counted_noun(question: str) -> str | None:
    """The noun a «كم عدد…؟» question counts, normalised («كم عدد طلاب الجامعة؟» → «طلاب»), or None."""
    match = _COUNTED_RE.search(" ".join(_focus_form(WORD_RE.findall(normalize_arabic(question)))))
    if not match or len(match.group(1)) <= 2 or match.group(1) in _ANYONE:
        return None
    return match.group(1)


def how_many_noun(question: str) -> str | None:
    """The noun right after «كم/قداش/شحال/قديش» (past auxiliaries and hedges), normalised: «كم دراجة نارية
    حجزت؟» → «دراجه»; None without one, or with a verb or a function word there («كم بلغ…؟», «كم من…؟»).
    Only a hint of what is counted (dialect words follow «كم» too), for which count to mark."""
    words_ = _focus_form(WORD_RE.findall(normalize_arabic(question)))
    for i, word in enumerate(words_[:-1]):
        if word in _HOW_MUCH and word not in _WHAT_WORDS:
            noun = words_[i + 1]
            if len(noun) > 2 and noun not in STOPWORDS and not IMPERFECT_RE.match(noun):  # «كم يبلغ…؟»: a verb
                return noun
            return None
    return None


_WHAT_WORDS = frozenset(normalize_arabic(w) for w in "ما وما فما ماذا وماذا فماذا".split())


# Pay: a salary or wage («كم راتب فيصل البرادعي؟», «كم يتقاضى المدير؟», "What is his salary?") and the
# words a passage that gives one uses (normalised; any clitic or pronoun suffix on them).
_PAY_RE = re.compile(r"(?<!\w)[وفبل]?(?:ال)?(?:(?:راتب|رواتب|مرتب|مرتبات|اجر|اجور|مكافا[هت]|مكافات)(?:ا|ه|ها|هم|ين)?"
                     r"|[يت]?تقاض(?:ي|ى|ون|ين|ت|اه))(?!\w)|\b(?:salary|salaries|wage|wages|paid|earns?)\b",
                     re.IGNORECASE)


def says_pay(text: str) -> bool:
    """Whether a text speaks of pay: a question asking what someone is paid («كم راتب…؟», «كم يتقاضى…؟»),
    or a passage that could answer one (a «كم راتب…؟» question over a passage that never speaks of pay, a
    tax's yearly revenue by the man asked about, is not answered by its figure)."""
    return bool(_PAY_RE.search(normalize_arabic(text)))


# Nouns and relatives that count people of any kind: «كم عدد الأشخاص الذين وضعوا أموالهم…؟» is answered
# by «حوالي 3500 منخرطا», «كم عدد الذين لقوا حتفهم؟» by «400 قتيل»; the article names them its own way.
_ANYONE = frozenset(normalize_arabic(w) for w in "الأشخاص أشخاص الأفراد أفراد الناس الذين اللذين اللواتي اللاتي".split())


# Kinds of named places and bodies that an article names with the noun of their kind («سجن المرناقية»,
# «صحيفة الشروق», «حزب البديل»), each with its synonyms. Not companies, teams or clubs: articles name
# those bare («أعلنت لينوفو», «انتقل إلى النجم الساحلي»), nor a vague «فضاء» or «مكان».
_NAMED_KINDS = [tuple(normalize_arabic(w) for w in group.split()) for group in (
    "صحيفة جريدة يومية", "مجلة دورية", "قناة تلفزة تلفزيون", "إذاعة راديو", "بنك مصرف", "سجن", "مسجد جامع",
    "فندق نزل", "قاعة", "ملعب استاد مركب", "شارع نهج", "مستشفى مصحة", "جامعة", "معهد", "مدرسة",
    "حزب حركة تيار ائتلاف", "مطار", "ميناء", "مبنى بناية عمارة", "متحف", "مسرح", "مصنع معمل", "دائرة")]
_KIND_OF = {word: group for group in _NAMED_KINDS for word in group}
_WHICH_KIND_RE = re.compile(
    r"(?:^|\s)[وف]?(?:ب|ل|في|من|الي|علي|عن|مع)?\s*اي\s+(\w+)"  # «في أي سجن…»
    # «ما الحزب الذي…», «ما اسم الملعب الذي…», «ما الدائرة الانتخابية التي…» (one adjective between)
    r"|(?:^|\s)[وف]?ما\s+(?:هو\s+|هي\s+)?(?:اسم\s+)?ال(\w+)\s+(?:ال\w+\s+)?(?:الذي|التي)"
)


# The same kinds in English («Which scientific journal published…?», "In which hotel…?"), each with
# the Arabic word of its group.
_ENGLISH_KIND = {english: normalize_arabic(arabic) for arabic, englishes in (
    ("صحيفة", "newspaper newspapers daily"), ("مجلة", "journal magazine"), ("قناة", "channel"),
    ("إذاعة", "radio"), ("بنك", "bank"), ("سجن", "prison jail"), ("مسجد", "mosque"), ("فندق", "hotel"),
    ("قاعة", "hall"), ("ملعب", "stadium"), ("شارع", "street avenue"), ("مستشفى", "hospital clinic"),
    ("جامعة", "university"), ("معهد", "institute"), ("مدرسة", "school"), ("حزب", "party"),
    ("مطار", "airport"), ("متحف", "museum"), ("مسرح", "theatre theater"),
    ("مصنع", "factory")) for english in englishes.split()}
# «Which (Tunisian) journal published…», «In what hotel was…», «the name of the (…) hospital?»: the kind
# right after the question word or one adjective, before a verb, an auxiliary, a preposition or the end,
# not a compound's first noun («which primary school year», «which party leader»).
_ENGLISH_WHICH_RE = re.compile(r"(?=\b(?:which|what|name\s+of\s+the)\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z']+))?)")
_ENGLISH_AFTER_KIND_RE = re.compile(
    r"(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|may|might|"
    r"in|at|on|of|from|to|for|near|where|that|which|whose|[a-z]+ed)$")


def _english_kind(words: Sequence[str | None]) -> str | None:
    """The Arabic kind word of «which (adjective) KIND verb…» among the words after the question word."""
    for i in (0, 1):
        word, after = words[i], words[i + 1]
        if word is None:
            return None
        arabic = _ENGLISH_KIND.get(word) or _ENGLISH_KIND.get(word.removesuffix("s"))
        if arabic and (after is None or _ENGLISH_AFTER_KIND_RE.match(after)):
            return arabic
    return None


def asked_kind_of_name(question: str) -> tuple[str, ...] | None:
    """The kind of named place or body a which-question asks for («في أي مجلة علمية نُشرت…؟» →
    («مجله», «دوريه»), normalised, with its synonyms; in English too: "Which journal…?"); None for any
    other question. An article that never mentions a journal cannot say in which journal something
    appeared."""
    match = _WHICH_KIND_RE.search(normalize_arabic(question))
    if match:
        return _KIND_OF.get(match.group(1) or match.group(2))
    for match in _ENGLISH_WHICH_RE.finditer(question.lower()):
        if arabic := _english_kind(match.groups()):
            return _KIND_OF[arabic]
    return None


def _proclitic_bases(word: str) -> list[str]:
    """A normalised word, then the word without each proclitic it may carry (a stem of 3 letters or more
    left): «وزاره» → «وزاره», «زاره»; «للشركه» → «للشركه», «شركه», «لشركه»."""
    return [word] + [word[len(p):] for p in _PROCLITICS if word.startswith(p) and len(word) - len(p) >= 3]


def _noun_forms(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """A normalised word's possible stems (without a proclitic and a number or pronoun ending, each
    dropped or not: «فريقا» may be «ف+ريق» or «فريق») and their consonants without weak letters."""
    bases = set(_proclitic_bases(word))
    stems = bases | {b[: -len(s)] for b in bases for s in _SUFFIXES if b.endswith(s) and len(b) - len(s) >= 3}
    consonants = {s.translate(_WEAK_LETTERS) for s in stems}
    # A doubled root letter is written once where it takes a shadda: «شباب»/«شابا», «أدلة»/«دليل».
    consonants |= {re.sub(r"(.)\1", r"\1", c) for c in consonants}
    stems |= {_SUPPLETIVE[s] for s in stems if s in _SUPPLETIVE}
    return frozenset(stems), frozenset(c for c in consonants if len(c) >= 2)


# Plurals of another root than their singular, normalised, each group's words standing for its first:
# «2000 امرأة» counts «النساء».
_SUPPLETIVE = {normalize_arabic(word): normalize_arabic(group.split()[0]) for group in (
    "امرأة مرأة نساء نسوة نسوان",) for word in group.split()}


def same_noun(a: str, b: str) -> bool:
    """Whether two normalised words may be one noun in another number or form: a stem in common, or
    (broken plurals: «أشرطة»/«شريط», «أشخاص»/«شخص», «طلاب»/«طالب») the same
    consonants once the weak letters are dropped (two or more: «نواب»/«نائب», «أعضاء»/«عضو»), a doubled
    one written once («شباب»/«شابا»). A function word is no noun («عن» is not «أعوان» without its weak
    letters)."""
    if a in STOPWORDS or b in STOPWORDS:
        return False
    stems_a, consonants_a = _noun_forms(a)
    stems_b, consonants_b = _noun_forms(b)
    return bool(stems_a & stems_b or consonants_a & consonants_b)


def count_of_noun(noun: str, window: str, phrases: Sequence[Span], asked: frozenset[str]) -> bool:
    """Whether a passage (with its neighbours; `phrases` its typed phrases) gives a count of the noun a
    question counts: a count the question does not say with that noun (in any number) within
    COUNTED_NOUN_WORDS words of it. «كم عدد الزوار…؟» is not answered by «6 دول أبدت موافقتها»."""
    tokens = [(m.start(), m.end(), normalize_arabic(m.group())) for m in WORD_RE.finditer(window)]
    for span in matching_spans("number", phrases, asked):
        if is_fraction(span):
            continue
        inside = [i for i, (s, e, _) in enumerate(tokens) if s < span.end and e > span.start]
        if not inside:
            continue
        if len(inside) == 1 and is_dual(tokens[inside[0]][2]):
            # «مجموعتين من الفئران» counts groups, not mice: a dual counts what it names
            if same_noun(noun, tokens[inside[0]][2]):
                return True
            continue
        lo, hi = max(0, inside[0] - COUNTED_NOUN_WORDS), inside[-1] + COUNTED_NOUN_WORDS + 1
        follower = tokens[inside[-1] + 1][2] if inside[-1] + 1 < len(tokens) else ""
        if follower in _PERSONS and inside[0] and _event_of(noun, tokens[inside[0] - 1][2]):
            return True  # «أسفر عن مقتل 12 شخصا» for «كم عدد القتلى؟»: persons counted by what befell them
        if counted_accusative(follower) and not same_noun(noun, follower):
            # «الكتل التي تضم حوالي 70 نائبا» counts deputies, not blocs: the noun before a count of
            # another noun answers only through «عدد X» below; one after may still say what it counts
            # («ثلاثون عضوا بمجلس نواب الشعب»).
            lo = inside[-1] + 1
        if any(same_noun(noun, word) for _, _, word in tokens[lo:hi]):
            return True
        # «ارتفع عدد المسلحين الذين قتلهم الجيش إلى 22»: «عدد» and its noun farther before, with a clause
        # between them and the count, but no punctuation.
        lo = max(0, inside[0] - NUMBER_OF_WORDS)
        for k in range(inside[0] - 1, lo, -1):
            if CLAUSE_END_RE.search(window, tokens[k][1], tokens[k + 1][0]):
                break
            if tokens[k - 1][2] in _NUMBER_OF and same_noun(noun, tokens[k][2]):
                return True
        if _their_number_counts(noun, window, tokens, inside[0]):
            return True
    return False


# Words that count people of any kind after a number («12 شخصا», «3 أشخاص»), normalised.
_PERSONS = frozenset(normalize_arabic(w) for w in "شخص شخصا أشخاص اشخاص فردا أفراد".split())


def _event_of(noun: str, word: str) -> bool:
    """Whether a normalised word before «N persons» names what the counted noun's people underwent: the
    noun itself («جرح» for «الجرحى») or its verbal noun in «م» («مقتل» for «القتلى»)."""
    return same_noun(noun, word) or (word.startswith("م") and len(word) > 3 and same_noun(noun, word[1:]))


def is_fraction(span: Span) -> bool:
    """Whether a number phrase is a bare fraction («نصف الأطفال»: a share of them, not how many; «نصف
    مليون» is a count)."""
    return normalize_arabic(span.text.strip()) in _FRACTIONS


_FRACTIONS = frozenset(normalize_arabic(f"{clitic}{w}") for w in "نصف ثلث ربع ثلثي ثلثا".split() for clitic in ("", "و", "ب"))
NUMBER_OF_WORDS = 10  # how far before its count «عدد X» may stand
_NUMBER_OF = frozenset(("عدد", "وعدد", "بعدد", "العدد", "لعدد"))
# «عددهم»: «عدد» with a pronoun standing for a noun said before it.
_THEIR_NUMBER_RE = re.compile(r"[وب]?عدد(?:هم|ها|هن|هما)")
THEIR_NUMBER_WORDS = 15  # how far before «عددهم» the noun it stands for may be, in the same sentence
_SENTENCE_PART_END_RE = re.compile(r"[.!?؟؛;:\n]")  # not a comma: «…إلى ميناء جرجيس، وعددهم 126»


def _their_number_counts(noun: str, window: str, tokens: list[tuple[int, int, str]], at: int) -> bool:
    """Whether the count at token `at` follows «عددهم/عددها» (one verb may stand between) whose pronoun
    is the noun counted, said at most THEIR_NUMBER_WORDS words before it in the same sentence, a comma
    between them or not: «المترشحين للوظيفة والذين سيكون عددهم 24 شخصا», «السجناء البالغ عددهم 300»,
    «المهاجرين… وصلوا إلى ميناء جرجيس، وعددهم 126 شخصا»."""
    pronoun = next((k for k in range(at - 1, max(-1, at - 3), -1) if _THEIR_NUMBER_RE.fullmatch(tokens[k][2])), None)
    if pronoun is None:
        return False
    for k in range(pronoun - 1, max(-1, pronoun - 1 - THEIR_NUMBER_WORDS), -1):
        if _SENTENCE_PART_END_RE.search(window, tokens[k][1], tokens[k + 1][0]):
            return False
        if same_noun(noun, tokens[k][2]):
            return True
    return False


# A question about when something will happen: «متى سيصدر…؟», «في أي تاريخ ستتم…؟», «في أي يوم سيتجمع…؟»,
# «سوف», "When will…".
# Dialect «رح/راح» reach here as «سوف»; «حيسافر» as `index.normalize` strips its future prefix.
_FUTURE_RE = re.compile(r"\s+(?:س[يتن]\w{2,}|سوف)(?!\w)")  # the word right after «متى»
_FUTURE_EN_RE = re.compile(r"\b(?:will|shall|going to)\b", re.IGNORECASE)
_WHEN_RE = re.compile(r"(?<!\w)(?:[وف]?متي|موعد|تاريخ|(?:اي|ما)\s+(?:ال)?(?:يوم|شهر|سنه|عام))(?!\w)")
# Days named relative to the report: the day it was written or the one before.
_NOW_OR_BEFORE = frozenset(normalize_arabic(w) for w in "اليوم أمس البارحة".split())


def asks_when_in_future(question: str) -> bool:
    """Whether a question asks when something *will* happen (a future verb after «متى/موعد/تاريخ», or
    "when … will")."""
    folded = normalize_arabic(question)
    when = _WHEN_RE.search(folded)
    if when:
        return bool(_FUTURE_RE.match(folded, when.end()))
    return bool(re.search(r"\bwhen\b", question, re.IGNORECASE) and _FUTURE_EN_RE.search(question))


def asks_when_planned(question: str, kind: str | None = None) -> bool:
    """Whether a when-question asks about something to come, planned, expected or possible («متى كان
    مقررا أن يلتقيا؟», «متى ستعقد القمة؟», «متى قد يتحدثان مجددا؟», "when was it expected…"): the report's
    own period («هذا الأسبوع», «الشهر الجاري») can answer it, as it cannot answer when something was
    founded or born. `kind`: the question's `expected_type`, when already known."""
    # In English only "when … will" (`asks_when_in_future`): "On what exact date will the summit take place?"
    # asks a date, which the report's own week does not give.
    return (kind or expected_type(question)) == "date" and (
        asks_when_in_future(question) or (bool(ARABIC_LETTER_RE.search(question)) and looks_ahead(question))
        or allows_doubt(question))


# Words that put an event ahead (normalised): «الأسبوع المقبل», «المرتقبة», «من المقرر», «سوف», «سيتم».
_FUTURE_WORDS = frozenset(normalize_arabic(w) for w in """المقبل المقبلة القادم القادمة المرتقب المرتقبة مرتقب
    مرتقبا المنتظر المنتظرة ينتظر يرتقب تنتظر ترتقب المقرر المقررة مقررا مقررة المزمع المزمعة مزمع سوف سيتم
    ستتم غدا غد""".split())  # «…قبل ثاني مناظرة تعقد مساء غد الأحد»: tomorrow is ahead, whatever the verb's tense


def speaks_of_future(text: str, phrase: str) -> bool:
    """Whether the sentence of `text` that holds `phrase` (a date) speaks of something to come: a verb
    in the future («سيلتئم», «ستدخل»: «س» then a prefix of the present, and not a noun's ending:
    «سنوات», «سينما») or a word that puts an event ahead («المقبل», «المرتقبة», «من المقرر»). «متى
    سيُفتتح المركز؟» is not answered by «…الموقع المكتشف في سبتمبر 2016»."""
    return looks_ahead(sentence_holding(text, phrase))


PURPOSE_VERB_MIN_COUNT = 50  # how often pyspellchecker must know the «سـ» form of a verb after «لـ»


# English words that put what a question asks about ahead: "Where will…", "the planned summit", "supposed to".
_AHEAD_EN_RE = re.compile(r"\b(?:will|shall|going\s+to|planned|upcoming|forthcoming|expected|scheduled|supposed\s+to"
                          r"|set\s+to|next|tomorrow)\b", re.IGNORECASE)


def looks_ahead(text: str) -> bool:
    """Whether a text has a verb in the future, or one after «لـ» of purpose («لتنطلق»), or a word that puts
    an event ahead (see `speaks_of_future`): «أين ستُعقد القمة المرتقبة؟», «وين رح تكون القمة؟» (dialect
    «رح» is «سوف» by then), "Where is the planned summit supposed to take place?"."""
    if _AHEAD_EN_RE.search(text):
        return True
    for word in WORD_RE.findall(normalize_arabic(text)):
        bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
        if bare in _FUTURE_WORDS or word in _FUTURE_WORDS:
            return True
        if len(bare) >= 5 and bare[0] == "س" and bare[1] in "يتنا" and not bare.endswith(("ات", "ا", "ه", "و")):
            return True
        if len(bare) >= 5 and bare[0] == "ل" and bare[1] in "يت" and arabic_word_counts().get(
                "س" + bare[1:], 0) >= PURPOSE_VERB_MIN_COUNT:
            return True  # «لتنطلق يوم 7 جوان»: «لـ» of purpose on a verb (its «سـ» form a common word; not «لتونس»)
    return False


def now_or_before(phrase: str) -> bool:
    """Whether a marked date is only the day of the report or the day before («اليوم», «أمس»): what a
    news report says was announced then, not when a future event will be."""
    found = WORD_RE.findall(normalize_arabic(phrase))
    now = [w in _NOW_OR_BEFORE or (w[:1] in "وفب" and w[1:] in _NOW_OR_BEFORE) for w in found]
    # «اليوم الجمعة»: the weekday after «اليوم/أمس» names that same day.
    return any(now) and all(n or weekday_number(w) for n, w in zip(now, found))


# Words that put what follows them in doubt: «من الممكن أن يتحدث…», «قد يلتقيان…», «ربما…»
# (normalised; «قد» only before a verb of the present in «يـ»: «قد تم» and «قد تمكن» state facts).
_POSSIBLY_RE = re.compile(r"(?:^|\s)[وف]?(?:من (?:غير )?(?:الممكن|المحتمل|المرجح|المستبعد)|ربما|يحتمل|"
                          r"يمكن ان|لا يستبعد|قد ي\w+)(?=\s|$)")
CLAUSE_END_RE = re.compile(r"[.!?؟؛;،,:]")
# A question that itself allows doubt («متى قد يتحدثان؟», «إلى كم يمكن أن تمتد…؟», "when might…").
_DOUBTING_RE = re.compile(r"(?:^|\s)[وف]?(?:قد|ربما|ممكن|الممكن|بالامكان|امكانيه|يمكن|محتمل|المحتمل|احتمال|يحتمل"
                          r"|متوقع[اه]?|المتوقعه?|يتوقع|تتوقع|might|may|could|possibly|possible|likely|expected)(?!\w)")


def _clause_before(text: str, phrase: str) -> str | None:
    """The part of a phrase's clause in a text that comes before it (from the last clause mark before
    it), or None when the text lacks the phrase."""
    at = text.find(phrase)
    return None if at < 0 else CLAUSE_END_RE.split(text[:at])[-1]


def in_doubt(text: str, phrase: str) -> bool:
    """Whether `phrase` (a marked date) stands in `text` in a clause that only says it may be so
    («…لكن من الممكن أن يتحدث روبيو ولافروف هذا الأسبوع مجددا»): from the last clause mark before it."""
    before = _clause_before(text, phrase)
    return before is not None and bool(_POSSIBLY_RE.search(normalize_arabic(before)))


def allows_doubt(question: str) -> bool:
    """Whether a question asks what may be, not what is («متى قد يتحدث روبيو ولافروف مرة أخرى؟»)."""
    return bool(_DOUBTING_RE.search(normalize_arabic(question).lower()))


# Quantities that are no figure («العشرات», «مئات الآلاف», «عدة», «بضعة»), normalised words with a clitic.
_VAGUE_QUANTITY_RE = re.compile(r"^(?:[وب]?(?:ال)?(?:عشرات|ميات|الاف|ملايين|مليارات|عده|بضع|بضعه|عديد)(?:\s+|$))+$")
# A question asking for the exact figure («كم طفلا قُتل بالضبط؟», «…تحديدا؟», "exactly how many…").
_EXACTLY_RE = re.compile(r"(?:^|\s)[وف]?(?:بالضبط|بالظبط|بالزبط|بالتحديد|تحديدا|exactly|precisely)(?!\w)")
QUANTITY_KINDS = frozenset(("count", "number", "money", "measure", "percent", "duration", "lasting", "age"))


def vague_quantity(phrase: str) -> bool:
    """Whether a marked quantity is only a word for many («مئات», «عشرات الآلاف», «عدة»), no figure."""
    return bool(_VAGUE_QUANTITY_RE.match(" ".join(WORD_RE.findall(normalize_arabic(phrase))) + " "))


# «إلى متى…؟», «حتى متى…؟», Gulf «لين متى…؟», Egyptian «لحد إمتى…؟», "until when": the end of something
# that goes on (normalised text).
_UNTIL_RE = re.compile(r"(?:^|\s)[وف]?(?:الي|حتي|لغايه|لين|لحد|لحين)\s+(?:متي|امتي|امته)(?=\s|$|[؟?])"
                       r"|\b(?:until|till) when\b")


def asks_until(question: str) -> bool:
    """Whether a question asks until when something lasts («إلى متى سيتواصل الإضراب؟», "Until when…?")."""
    return bool(_UNTIL_RE.search(normalize_arabic(question).lower()))


def per_unit_noun(question: str) -> str | None:
    """The normalised noun a question asks an amount for one of («كم سعر الكيلوغرام الواحد من…؟» →
    «الكيلوغرام», «بكم سيُباع المسكن الواحد؟»), definite, before «الواحد/الواحدة»; else None (not «إذا
    الواحد أخد…», dialect's «one»)."""
    found = _PER_UNIT_RE.search(normalize_arabic(question))
    return found.group(1) if found else None


# A definite noun then «الواحد(ة)», normalised: «البرميل الواحد», «للتر الواحد».
_PER_UNIT_RE = re.compile(r"(?<!\w)((?:[وفب]?ال|لل)\w{2,})\s+الواحده?(?!\w)")


def says_noun(noun: str, text: str) -> bool:
    """Whether a text has a normalised noun, whatever its proclitics («للتر» is «لـ» then «لتر», or «لل» then
    a word: both are read) and pronoun suffix: «اللتر» in «…60 مليما للتر الواحد»."""
    def forms(word: str) -> set[str]:
        return set(clitic_variants(word)) | ({word[1:]} if word.startswith("لل") else set())

    asked = forms(noun)
    return any(forms(word) & asked for word in WORD_RE.findall(normalize_arabic(text)))


def sentence_holding(text: str, phrase: str) -> str:
    """The first sentence of `text` that holds `phrase` (`split_sentences`), else the whole text."""
    return next((s for s in split_sentences(text) if phrase in s), text)


def asks_exactly(question: str) -> bool:
    """Whether a question asks for an exact figure («كم رسالة بالتحديد…؟», «…بالضبط؟», "exactly")."""
    return bool(_EXACTLY_RE.search(normalize_arabic(question).lower()))


# A when-question about a birth or a founding («متى تأسست الشركة؟», «في أي سنة وُلد الكاتب؟», "When was it
# founded?"), by its verb (not «أحدث», also "newest"), on the normalised text; and the words of a sentence
# that tells one («تأسست», «من مواليد», «أُحدثت منذ سنة 1958», «المؤسس», «بتكوين الشركة», Tunisian «بعث»:
# set up), not «مؤسسة» (an institution).
_ORIGINS_ASKED = {
    "birth": r"(?<!\w)[وف]?(?:ولد|ولدت|يولد|تولد)(?!\w)|\bborn\b",
    "founding": (r"(?<!\w)[وف]?(?:تاسس|تاسست|تاسسوا|اسس|اسست|انشي|انشيت|احدثت|تم\s+(?:تاسيس|انشاء|احداث|بعث))(?!\w)"
                 r"|\b(?:founded|established|set\s+up)\b"),
    # the start of a tenure: «متى تولى…؟», «متى تسلّم مهامه؟», «متى عُيّن…؟», «متى انضم إلى…؟»
    "tenure": (r"(?<!\w)[وف]?(?:تولي|تولت|يتولي|تتولي|عين|عينت|تم\s+تعيين|انتخب|انتخبت|تم\s+انتخاب|انضم|انضمت"
               r"|التحق|التحقت)(?!\w)"
               r"|(?<!\w)[وف]?(?:تسلم|تسلمت|استلم|استلمت|باشر|باشرت|بدا|بدات)\s+(?:\w+\s+){0,3}(?:ال)?(?:مهام|منصب"
               r"|حقيب|رياس|امان|مقاليد|السلط)\w*"
               r"|\b(?:took\s+office|take\s+office|taken\s+office|appointed|elected|took\s+over|joined)\b"),
}
_ORIGINS_TOLD = {
    "birth": r"ولد\w{0,2}|يولد|تولد|مولود\w{0,2}|مواليد|ولاد[ةه]\w{0,2}|ميلاد\w{0,2}|مولد\w{0,2}",
    "founding": (r"تاسس\w{0,2}|تاسيس\w{0,2}|[اي]?اسس\w{0,2}|موسس(?!ه|ات)\w{0,2}|انشي\w{0,2}|انشا\w{0,2}|انشاء\w{0,2}"
                 r"|احدث\w{0,2}|بعث(?!ه|ات)\w{0,2}|تكوين\w{0,2}"),
    # «تولى مهامه», «تسلّمه منصبه», «منذ تعيينه», «انتخابه», «فاز في الانتخابات», «انضمامه», «مباشرة مهامها»
    "tenure": (r"تولي\w{0,3}|تولت|يتولي|تتولي|تسلم\w{0,2}|استلام\w{0,2}|استلم\w{0,2}|تعيين\w{0,2}|عين\w{0,2}"
               r"|انتخاب\w{0,2}|انتخب\w{0,2}|انضم\w{0,3}|التحق\w{0,2}|التحاق\w{0,2}|باشر\w{0,2}|مباشر[ةه]\w{0,2}"),
}
_ORIGIN_ASKED_RE = {kind: re.compile(rx) for kind, rx in _ORIGINS_ASKED.items()}  # on the lowered text
# An English participle after a determiner is no verb of the question: "the Maldives' first
# democratically elected leader", "a newly founded party" (not "When was he first elected to parliament?",
# "When was Macron officially elected president?").
_ATTRIBUTIVE_PARTICIPLE_RE = re.compile(
    r"\b((?:the|an|a|its|their|his|her|\w+'s?)\s+(?:first\s+)?(?:\w{3,}ly\s+)?)"
    r"(?:elected|appointed|founded|established|born)"
    r"(?=\s+(?!(?:as|to|in|by|on|at|for|of|from|with|and|or|when|after|before|since|during)\b)[a-z])")
_ORIGIN_TOLD_RE = {kind: re.compile(rf"(?<!\w)[وفبل]?(?:ال)?(?:{rx})(?!\w)") for kind, rx in _ORIGINS_TOLD.items()}
# «إحداث» (creating) and «أحداث» (events) fold alike: the creating only as written, with the hamza below.
_CREATING_RE = re.compile(r"(?<!\w)[وفبل]?(?:ال)?إحداث\w{0,2}(?!\w)")


def origin_asked(question: str) -> str | None:
    """Which start a when-question asks about: "birth" («متى وُلد…؟», "born"), "founding" («متى تأسست
    الشركة؟», «متى أسس…؟», "founded") or "tenure" (when someone took up a post or joined a body: «متى
    تولى…؟», «متى بدأت مهامها؟», «متى انضم إلى…؟», "took office"); None for any other."""
    folded = _ATTRIBUTIVE_PARTICIPLE_RE.sub(r"\1", normalize_arabic(question).lower())
    return next((kind for kind, rx in _ORIGIN_ASKED_RE.items() if rx.search(folded)), None)


def tells_origin(text: str, phrase: str | None = None, kind: str | None = None) -> bool:
    """Whether an answer (the sentence of it holding `phrase`, the marked date, when given) speaks of
    the start asked about (`origin_asked`; any of them without `kind`): a date in a sentence that does
    not («أعلنت الشركة الجمعة…», «أكد الأمين العام… اليوم الخميس…» for «متى تولى الأمانة العامة؟», «…وصل
    إلى الدورة الثانية من الانتخابات… العام 2002» for «متى أسس لوبان الجبهة الوطنية؟») is another event's."""
    if phrase:
        text = next((s for s in split_sentences(text) if phrase in s), text)
    folded = normalize_arabic(text)
    kinds = [kind] if kind else list(_ORIGIN_TOLD_RE)
    return any(_ORIGIN_TOLD_RE[k].search(folded) for k in kinds) or (
        "founding" in kinds and bool(_CREATING_RE.search(text)))
