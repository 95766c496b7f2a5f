"""Typed phrases of a passage: numbers with their units, dates, ages, amounts of money, durations,
names after a title or an organisation word, places after a place word or named bare (countries, and towns
from GeoNames: `index.towns`), short quoted names and words in Latin script (kind "quoted").

Found once per passage when the index is built (stored with each document as `phrases`, see
`index.update`), so that answering a question only looks them up. The cues are general news
vocabulary (units, currencies, months in their Levantine, Egyptian and Maghrebi names, titles),
not words of any one article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from index.countries import country_at, is_nationality, starts_country
from index.normalize import ARABIC_LETTER_RE, ARABIC_MARKS, STOPWORDS, normalize_arabic
from index.towns import PLACE_CLITICS, read_behind_b, starts_town, town_at
from index.wordcounts import arabic_word_counts

# Bump when `typed_spans` finds other phrases: phrases stored by an index of another version are
# then found again when the index is loaded or updated (no re-embedding).
PHRASES_VERSION = 139
# A word of a passage as written: its diacritics («أيّام») are part of it.
WORD_RE = re.compile(rf"[\w{ARABIC_MARKS}]+(?:[.,:/٫٬]\d+)*[%٪]?", re.UNICODE)
# Punctuation between two words: a name does not run across it.
_NAME_BREAK_RE = re.compile(rf"[^\w\s{ARABIC_MARKS}]")

def _norm_set(text: str) -> frozenset[str]:
    return frozenset(normalize_arabic(w) for w in text.split())


_NUMBER_WORDS = _norm_set(
    """واحد واحدة واحدا اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية
    تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون
    ثمانين تسعون تسعين مائة مئة مائتين مئتين مئات ألف ألفا آلاف ألفين مليون ملايين مليونين مليار مليارات نصف
    بليون بلايين تريليون مليوني مليونا مليونان ملياري مليارا ملياران مليارين ألفي ألفان مائتا مئتا مائتان مئتان
    ربع ثلث ثلثا ثلثي ثلثان أرباع عشرات بضع بضعة عدة ثلاثمائة أربعمائة خمسمائة ستمائة سبعمائة ثمانمائة تسعمائة
    شهرين يومين عامين سنتين ساعتين أسبوعين مرتين دقيقتين شهران يومان عامان سنتان ساعتان أسبوعان مرتان
    دقيقتان""")
_CURRENCIES = _norm_set(
    """دينار دنانير دينارا د.ت مليم مليما دولار دولارا دولارات يورو أورو اورو ريال ريالا درهم دراهم درهما
    جنيه جنيها جنيهات ليرة ليرات فرنك فرنكا روبل روبلا روبلات يوان euro euros dollar dollars dinar dinars $ € £""")
_HUNDRED = _norm_set("المائة المئة")
_AMOUNT_ABBREVIATIONS = _norm_set("م أ")  # before «د»: «م د» million dinars, «أ د» thousand dinars
_PERCENT_CUES = _norm_set("بالمائة بالمئة % بالمائه percent نسبة")
# The words after a number that make it a percentage. Not «نسبة», which comes before one: «…من 2016 نسبة
# 8،9 بالمائة», «…سنة 2014 بنسبة 19 بالمائة», «بالنسبة لـ…» leave the year before them a year.
_PERCENT_UNITS = _PERCENT_CUES - _norm_set("نسبة")
DURATION_UNITS = _norm_set(
    """ثانية ثوان دقيقة دقائق ساعة ساعات ساعتين ساعتان يوم أيام يوما يومين يومان أسبوع أسابيع أسبوعا أسبوعين
    أسبوعان شهر أشهر شهور شهرا شهرين شهران سنة سنوات سنين سنتين سنتان عام أعوام عاما عامين عامان عقد عقود
    قرن قرون قرنا second seconds minute minutes hour hours day days week weeks month months year years decade
    decades century centuries""")
# Before a time unit with no number («قرابة الساعة», «لمدة أسبوع»): about one, or for one.
_ABOUT = _norm_set("قرابة حوالي نحو زهاء مدة لمدة طيلة طوال غضون")
_WITHIN = normalize_arabic("غضون")  # «في غضون شهر»: within a month
_SINGLE_UNITS = _norm_set("ساعة يوم أسبوع شهر سنة عام عقد قرن دقيقة")
_SINCE = _norm_set("منذ ومنذ")
_HIJRI_MONTHS = _norm_set("محرم صفر ربيع جمادى رجب شعبان رمضان شوال ذو ذي")
# After one unit of time, «كامل» makes it a duration: «استغرق سنة كاملة», «بقي شهرا كاملا», «طيلة العام بأكمله».
_WHOLE_UNITS = _norm_set("ساعة يوم يوما أسبوع أسبوعا شهر شهرا سنة عام عاما قرن قرنا دقيقة ليلة")
_WHOLE = _norm_set("كامل كاملة كاملا بأكمله بأكملها برمته برمتها")
# Before a duration, time gone by since something, not how long it lasted: «مضى أكثر من شهرين منذ…»,
# «منذ ثلاث سنوات», «قبل يومين».
_ELAPSED_CUES = _norm_set("منذ مضى مضت يمضي مر مرت قبل")
_ELAPSED_REACH = 3  # words between the cue and the duration («مضى أكثر من شهرين»)
_DUAL_DURATIONS = _norm_set("""شهرين يومين عامين سنتين ساعتين أسبوعين دقيقتين
    شهران يومان عامان سنتان ساعتان أسبوعان دقيقتان""")
_MEASURE_UNITS = _norm_set(
    """متر مترا أمتار كيلومتر كيلومترا كلم كم هكتار هكتارا هكتارات طن طنا أطنان كيلوغرام كيلوغراما كيلوغرامات كغ كلغ
    غرام غراما غرامات لتر لترا لترات ميل ميلا قدم كيلومترات مترات قنطار قنطارا قناطير برميل برميلا براميل km kg
    ميغابت ميجابت ميغابايت ميجابايت غيغابايت جيغابايت جيجابايت تيرابايت ميغا ميجا غيغا جيغا جيجا ميلي مللي
    ميغاواط ميغاوات كيلوواط واط درجة درجات mah mb gb tb mbps gbps mph kmh
    kilometres kilometers metres meters miles tonnes tons litres liters hectares kilograms grams barrels
    أميال دونم دونما دونمات فدان فدانا أفدنة فدادين acre acres dunams dunums feddans""")
_UNIT_SECOND_WORDS = _norm_set("أمبير امبير بايت بت ساعي مئوية")
# Colour words, masculine and feminine, with the article or without: what «ما لون…؟» asks for. Not brown
# («بني/بنية» are also «بني سويف» and «بنية هزيلة», a frail build).
COLOURS = _norm_set(
    """أحمر حمراء أخضر خضراء أزرق زرقاء أصفر صفراء أسود سوداء أبيض بيضاء رمادي رمادية برتقالي برتقالية
    بنفسجي بنفسجية وردي وردية ذهبي ذهبية فضي فضية ليلكي كحلي زهري زهرية""")
# The months by number, in every naming the articles use: Egyptian and Gulf («مارس»), Maghrebi («جانفي»),
# Levantine («آذار»; «كانون» and «تشرين» are two months each, first and second) and English.
_MONTH_NAMES = ("يناير جانفي كانون january", "فبراير فيفري شباط february", "مارس آذار march",
                "أبريل إبريل ابريل أفريل نيسان april", "مايو ماي أيار may", "يونيو جوان حزيران june",
                "يوليو جويلية تموز july", "أغسطس أوت آب august", "سبتمبر أيلول september", "أكتوبر تشرين october",
                "نوفمبر تشرين november", "ديسمبر كانون december")
_MONTH_SETS = [_norm_set(names) for names in _MONTH_NAMES]
_MONTH_NUMBERS = {name: frozenset(n for n, names in enumerate(_MONTH_SETS, start=1) if name in names)
                  for name in frozenset().union(*_MONTH_SETS)}
_MONTHS = frozenset(_MONTH_NUMBERS)
# The weekdays by number (Monday 1 … Sunday 7), with the article: bare «أحد» is "one" or "anyone".
_WEEKDAY_NAMES = ("الاثنين الإثنين monday", "الثلاثاء tuesday", "الأربعاء wednesday", "الخميس thursday",
                  "الجمعة friday", "السبت saturday", "الأحد sunday")
_WEEKDAY_NUMBERS = {name: n for n, names in enumerate(_WEEKDAY_NAMES, start=1) for name in _norm_set(names)}
_WEEKDAYS = frozenset(_WEEKDAY_NUMBERS)
# Not «حاليا» (currently): it says a state holds now, not when anything happens.
# A day named relative to now. Not «قريبا», «مؤخرا» (soon, lately: no time given) nor «المقبلة» alone
# («الانتخابات المقبلة» names which elections, not when): neither answers «متى…؟».
_RELATIVE_TIME = _norm_set("أمس البارحة غدا اليوم")
# «مطلع الشهر», «أواخر العام الماضي», «بداية الأسبوع»: a part of a period, a date in its own right.
_PERIOD_PARTS = _norm_set("مطلع مستهل أوائل أواخر بداية بدايه نهاية نهايه منتصف أواسط")
_PERIOD_ADJECTIVES = _norm_set("الماضي الماضية المقبل المقبلة القادم القادمة")
# «هذا الأسبوع», «السنة الحالية»: the period of the report (`current_period`), named by a demonstrative
# or an adjective.
_THIS = _norm_set("هذا هذه")
_CURRENT = _norm_set("الجاري الجارية الحالي الحالية")
# Words of time that never begin a name set off by commas («…، مؤخرا، …»).
_TIME_ADVERBS = _RELATIVE_TIME | _PERIOD_ADJECTIVES | _norm_set("مؤخرا قريبا")
# «القرن التاسع عشر», «منتصف القرن 18», «الثمانينيات»: a date, in centuries or decades.
_ORDINALS = _norm_set("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي")
_CENTURY_TAIL = _norm_set("عشر والعشرين العشرين الميلادي للميلاد الهجري")
_ROMAN_RE = re.compile(r"[ivx]+")
_DECADES = _norm_set(
    """عشرينيات عشرينات ثلاثينيات ثلاثينات أربعينيات أربعينات خمسينيات خمسينات ستينيات ستينات سبعينيات
    سبعينات ثمانينيات ثمانينات تسعينيات تسعينات""")
PERIODS = _norm_set("الشهر العام السنة الأسبوع الموسم الصيف الشتاء الربيع الخريف الثلاثية السداسي")
_CLOCK_CUES = _norm_set("الساعة صباحا مساء ظهرا ليلا منتصف فجرا")
_HOUR_NOUNS = ("الساعه", "بالساعه")
# The hour after «الساعة» in words («الساعة التاسعة», «الساعة منتصف الليل»), normalised.
_HOUR_WORDS = frozenset(("الصفر", "صفر", "منتصف", "الواحده", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه",
                         "السابعه", "الثامنه", "التاسعه", "العاشره", "الحاديه"))


def _tells_hour(word: str) -> bool:
    """Whether a normalised word after «الساعة» gives the hour: a number or an hour in words, not a
    fraction after «و» («نحو الساعة والنصف» is how long)."""
    return word in _HOUR_WORDS or (_is_number(word) and not word.startswith("و"))


_AGE_CUES = _norm_set("عمر العمر عمره عمرها عمرهم وعمره وعمرها وعمرهم بعمر سن بسن سنه البالغ البالغة البالغين البالغات يبلغ")
_PERIOD_NOUNS = _norm_set("مدة طيلة طوال خلال")  # «لمدة 10 سنوات»: how long, never how old
_OF_AGE = _norm_set("ذو ذات ذي")  # right before the years: «الطفل محمد ذو العشر سنوات», «ابنة عمه ذات ال3 سنوات»
_MONTH_UNITS = _norm_set("شهر أشهر شهور شهرا شهرين شهران")  # an infant's age: «سن 6 أشهر»
_MONTH_AGE_CUES = _AGE_CUES - _norm_set("سنة")  # right before months: «سن», «العمر» (not «سنة 6 أشهر»)
_REASON_CUES = _norm_set(
    """سبب بسبب لسبب أسباب لأن لانه لأنها نظرا إثر اثر نتيجة جراء بفعل بهدف لذلك لذا بحجة كي لكي أجل لأجل
    باعتبار قصد بغية سعيا حرصا تفاديا لتفادي because due reason""")
# «ويعود ذلك إلى…», «ويُعزى هذا إلى…», «ومردّ ذلك…»: the cause of what the sentence before says.
_CAUSAL_VERBS = _norm_set("يعود تعود يعزى تعزى يرجع ترجع مرد مرده")
_BACK_REFERENCES = _norm_set("ذلك هذا هذه")
_TITLES = _norm_set(
    """الرئيس رئيس الوزير وزير وزيرة السيد السيدة الدكتور الأستاذ الأستاذة المدرب اللاعب الناطق المتحدث
    مدير مديرة المدير الكاتب الشاعر الفنان الفنانة الممثل الممثلة المخرج النائب النائبة القاضي الشيخ العميد
    اللواء العقيد الأمين المترجم الباحث الباحثة صاحب مؤسس الملك الأمير والي معتمد سفير السفير
    نظير نظيره نظيرته نظيرها نظيرهم زوجته زوجها مساعده مساعدته نائبه نائبته محافظ المحافظ
    المهندس المهندسة الطبيب الطبيبة الصحفي الصحفية اللاعبة الكاتبة الشاعرة المؤلف المؤلفة المرشح المرشحة
    المخرجة مخرجة الرئيسة رئيسة المدربة مدربة القاضية السفيرة الناطقة المتحدثة الأمينة المترجمة
    المحامي المحامية الوكيل وكيل المكلف المكلفة ممثل ممثلة المندوب المندوبة مندوب مندوبة
    المغني المغنية مغني مغنية المطرب المطربة مطرب مطربة النقيب نقيب النقيبة نقيبة
    الناشط الناشطة الخبير الخبيرة المحلل المحللة
    mr mrs dr president minister""")
_ORG_HEADS = _norm_set(
    """وزارة شركة جمعية هيئة منظمة جامعة بنك البنك مجلس حزب نادي النادي الاتحاد مؤسسة ديوان معهد مركز
    صندوق الجامعة المنظمة الهيئة الشركة الجمعية المعهد المركز الديوان المجلس الوزارة محكمة المحكمة
    دار إذاعة قناة صحيفة جريدة وكالة بعثة كتلة لجنة وفد نقابة رابطة جبهة مكتب المكتب دائرة الدائرة
    company firm party ministry bank club university association agency newspaper channel council court
    organisation organization union federation""")
_PLACE_HEADS = _norm_set(
    """مدينة ولاية بلدية جزيرة منطقة عاصمة العاصمة دولة بلاد ميناء مطار شارع حي قرية معتمدية إقليم محافظة
    قاعة فضاء ملعب المدينة الجزيرة المنطقة الولاية البلدية ميناء
    city town country village region province island stadium street airport port""")

# «حركة» heads a party's name after a title («رئيس حركة النهضة، راشد الغنوشي»), but is as often traffic or any
# movement («حركة المرور», «حركة سير القطارات»): part of a title's complement, no organisation of its own.
_MOVEMENTS = _norm_set("حركة الحركة")
_HEADS = _ORG_HEADS | _PLACE_HEADS | _MOVEMENTS  # words that head an organisation's or a place's name

# Bodies and places a nisba qualifies without saying anyone's nationality («الشرطة البريطانية», «وزارة
# الخارجية الأمريكية» keeps «الأمريكية» after «الخارجية»): no answer to «ما جنسية…؟».
_INSTITUTIONS = _HEADS | _norm_set(
    """الشرطة الحكومة القوات الجيش السلطات الخارجية الداخلية السفارة القنصلية الصحافة الإعلام وسائل العملة
    اللغة الأراضي الحدود السوق الأسواق الرئاسة الدبلوماسية الصحف المصادر مصادر الأجهزة الأمن السواحل
    الأزمة الثورة الحرب القضية الساحة الدولة الدينار الاقتصاد الصادرات الواردات المعارضة السياحة""")


def unit_kind(word: str) -> str | None:
    """The kind of amount a unit word measures, after a clitic («بالطن», «دولارا»): "money",
    "measure" or "duration"; None for a word that is no unit."""
    word = normalize_arabic(word)
    for kind, units in (("money", _CURRENCIES), ("measure", _MEASURE_UNITS), ("duration", DURATION_UNITS)):
        if _in(word, units):
            return kind
    return None


@dataclass(frozen=True)
class Span:
    """A typed phrase of a passage: character offsets into the passage's text."""

    kind: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=200_000)
def _normalized(word: str) -> str:
    """`normalize_arabic` of one token, remembered (passages share most of their words)."""
    return normalize_arabic(word)


_NUMERAL_RE = re.compile(r"(?:وب|وال|بال|لل|ال|[وبلفك])?\d")


@lru_cache(maxsize=200_000)
def _is_number(word: str) -> bool:
    # Digits after a clitic at most («و15», «ب20»): «بوزيد2», «v8» are names with a digit, not numbers.
    return bool(_NUMERAL_RE.match(word)) or word in _NUMBER_WORDS or _strip_clitic(word) in _NUMBER_WORDS


_CLITIC_DIGITS_RE = re.compile(r"^(\D+)(\d+)$")  # a normalised token of digits behind a clitic: «ب4», «وال60»
_YEAR_DIGITS_RE = re.compile(r"^(?:19|20)\d\d$")  # a token that may be a year


def _continues_run(tokens: list[tuple[int, int, str]], j: int, following: str) -> bool:
    """Whether the word after token j goes on a run of numbers: not a number behind a preposition
    («في 2015 ب4،1 بالمائة»: a year, then a share), nor one after a year that is no year itself
    («في 2014 و5،7 بالمائة»; «بين 2000 و3500 دينار» and «2013 و2014» are runs)."""
    if following in _RANGE_WORDS:
        return True
    glued = _CLITIC_DIGITS_RE.match(following)
    if glued and glued.group(1).removeprefix(_AND) not in ("", "ال"):  # «والـ60 عاما» goes on «الـ50»
        return False
    last = tokens[j - 1][2] if tokens[j][2] in _RANGE_WORDS and j else tokens[j][2]
    digits = glued.group(2) if glued else following
    return not (_YEAR_DIGITS_RE.match(last) and digits.isdigit() and len(digits) != 4)


def is_number_word(word: str) -> bool:
    """Whether a normalised word is a number, in digits or words («15», «ثلاثة», «مليونا»)."""
    return _is_number(word)


def _is_year(word: str, previous: str = "", following: str | None = None, before: str = "") -> bool:
    """A year: 19xx or 20xx; any number of three or four digits after «سنة/عام» («سنة 1788»); with
    `following` (the next word, "" at punctuation or the end), a four-digit number from 1000 after a
    preposition with no counted noun after it («في 1830 لكنها», «بعد 1850،»; not «في 1500 موقع»); none that
    counts the accusative noun after it where the word before allows a count (`_year_context`: «بأن 2074 مهاجرا»),
    nor one that an approximation puts before a noun it counts («أكثر من 2000 امرأة», «نحو 1950 عاملا»;
    `before`: the word before `previous`)."""
    if not word.isdigit():
        return False
    if following is not None and counted_accusative(following) and not _year_context(previous):
        return False
    if following and _approximately(previous, before) and _counts_next(following):
        return False
    if (len(word) == 4 and word[:2] in ("19", "20")) or (len(word) in (3, 4) and previous in _YEAR_WORDS):
        return True
    return (following is not None and len(word) == 4 and word[0] == "1" and previous in _YEAR_PREPOSITIONS
            and following not in _RANGE_WORDS and _no_noun(following))


def _approximately(previous: str, before: str) -> bool:
    """Whether the words before a number say about how many («نحو», «حوالي», «أكثر من», «ما يزيد عن»)."""
    return (_strip_clitic(previous) in _APPROXIMATIONS
            or (previous in _THAN and _strip_clitic(before) in _MORE_OR_LESS))


_APPROXIMATIONS = _norm_set("نحو حوالي حوالى قرابة زهاء")
_THAN = _norm_set("من عن")
_MORE_OR_LESS = _norm_set("أكثر أقل اكثر اقل يزيد يقل يناهز يربو")


def _counts_next(following: str) -> bool:
    """Whether the word after a number may be a noun it counts: a word of three letters or more, no
    function word, month, year noun, number or range word («نحو 2000 شخص», not «قرابة 2015 و…»)."""
    return (len(following) >= 3 and not _no_noun(following) and not _is_month(following) and not following[:1].isdigit()
            and following not in _YEAR_WORDS and following not in _RANGE_WORDS and not _is_number(following))


def counted_accusative(following: str) -> bool:
    """Whether the word after a number is the indefinite accusative noun it counts («2074 مهاجرا»,
    «2000 شخصا»), which makes the number no year; adverbs in «ـا» («في 2015 أيضا», «تقريبا») do not."""
    return (len(following) >= 4 and following.endswith("ا") and not _function_word(following)
            and following not in _ADVERBS_IN_A and not _is_month(following))


def _year_context(previous: str) -> bool:
    """Whether the word before a number of 19xx or 20xx makes it a year whatever follows: a month («جوان
    2016 شخصا»), a year noun («لسنة 2017 رفضا»), a preposition («منذ 2015 معتبرا»), «بين» or a year («بين
    2014 و2015 موضحا»), a definite word («الانتخابات الرئاسية الفرنسية 2017 جزءا») or any other word but a
    particle, a perfect verb in «ـت» or a word news puts before counts: only after those («بأن 2074
    مهاجرا», «بلغت 1973 عقدا», «إنقاذ 2074 مهاجرا») may it count what follows («صيف 2015 قادما»)."""
    bare = _strip_clitic(previous)
    if (not previous or _is_month(previous) or _is_month(bare) or _YEAR_DIGITS_RE.match(bare) or "بين" in (previous, bare)
            or {previous, bare} & (_YEAR_WORDS | _YEAR_PREPOSITIONS) or _is_definite(previous)):
        return True
    counting = previous in STOPWORDS or bare in STOPWORDS or previous in _BEFORE_COUNTS or bare in _BEFORE_COUNTS or (
        bool(_PERFECT_FEMININE_RE.match(previous)) and not previous.endswith("ات"))
    return not counting


_PERFECT_FEMININE_RE = re.compile(r"^[وف]?\w{3,}ت$")  # «بلغت», «وصلت»; not a plural in «ـات»
# Words news puts before a count of people or things, never before a year: approximations and the
# verbal nouns of rescuing, arresting, holding and recording («إنقاذ 2074 مهاجرا», «وجود 2037 سجينا»).
_BEFORE_COUNTS = _norm_set("""نحو حوالي قرابة زهاء أكثر أقل إنقاذ انتشال إجلاء إيقاف اعتقال احتجاز حجز ترحيل
    تسجيل وجود إصابة مقتل وفاة""")


_ADVERBS_IN_A = _norm_set("""أيضا تقريبا سابقا حاليا مجددا رسميا فعليا مؤخرا حديثا جدا مثلا خصوصا عموما
    وفقا تبعا نظرا إضافة أساسا أصلا تحديدا بالتحديد وأيضا""")


def _counted_after(following: str, recent: set[str]) -> bool:
    """Whether a number after a part of the day («مساء», «صباحا»), with no «الساعة» before it, counts the
    noun that follows it («مساء أمس من إيقاف 61 شخصا», «مساء اليوم على 3 عناصر»), so is no clock time."""
    return (not recent & _HOUR_WORDS_BEFORE and len(following) >= 3 and not _no_noun(following)
            and following not in _CLOCK_CUES and not _is_month(following) and not following[:1].isdigit()
            and not _time_word(following) and following not in _TIME_ZONE)


_HOUR_WORDS_BEFORE = frozenset((*_HOUR_NOUNS, "منتصف"))
_TIME_ZONE = _norm_set("بتوقيت توقيت")  # «(0300 بتوقيت غرينتش)»: a clock time still


def _no_noun(following: str) -> bool:
    """Whether the word after a number (`following` "" at punctuation or the end) leaves it with no
    counted noun: a function word («في 1830 لكنها»), or nothing."""
    return following == "" or following in STOPWORDS or _strip_clitic(following) in STOPWORDS or following.startswith("لكن")


_AGE_NOUNS = _norm_set("عمر سن")
_OLDEST = 130
_YEAR_WORDS = _norm_set("سنة عام العام السنة بسنة بعام وسنة وعام والعام")
_YEAR_PREPOSITIONS = _norm_set("في وفي بعد وبعد قبل وقبل منذ حتى وحتى عن من الى")
_RANGE_WORDS = _norm_set("الى و او")  # «من 1500 إلى 2000 شخص»: a range, whose noun comes after it


@lru_cache(maxsize=100_000)
def _strip_clitic(word: str) -> str:
    for prefix in ("وبال", "وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    return word


def _in_behind(word: str, vocab: frozenset[str], clitics: str) -> bool:
    """Whether a normalised word is in `vocab` as it stands or behind one of the one-letter `clitics`
    («والخميس» for «الخميس» behind «و»); unlike `_in`, no «ال» is added or taken away."""
    return word in vocab or (word[:1] in clitics and word[1:] in vocab)


def _is_weekday(word: str) -> bool:
    """Whether a normalised word is a weekday as news writes it, definite, maybe behind «و/ب» («الخميس»,
    «والجمعة», «بالاثنين»: «الاثنين» is Monday there, not two)."""
    return _in_behind(word, _WEEKDAYS, "وب")


def _is_weekday_in_name(word: str) -> bool:
    """Whether a word that might be part of a name is a weekday (`_is_weekday`, or behind another clitic:
    «فالخميس»): «خميس الجهيناوي», «مهدي جمعة» are names, where `_in` would read «خميس» as «الخميس»."""
    return _is_weekday(word) or _strip_clitic(word) in _WEEKDAYS


def month_numbers(word: str) -> frozenset[int]:
    """The months (1–12) a normalised word names, alone or after «و/ب/ل/ف/وب»: never after the article
    («الأب», «للأب» are "the father", not «آب»), and a two-letter one («آب») takes no prefix at all («باب»
    is a door). Empty for any other word; «كانون» and «تشرين» name two months each."""
    if word in _MONTH_NUMBERS:
        return _MONTH_NUMBERS[word]
    for prefix in ("و", "ب", "ل", "ف", "وب"):
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 3 and rest in _MONTH_NUMBERS:
            return _MONTH_NUMBERS[rest]
    return frozenset()


def weekday_number(word: str) -> int | None:
    """The weekday (Monday 1 … Sunday 7) a normalised word names, with the article and a clitic before it
    or not («الخميس», «وبالخميس», «للخميس», "thursday"); None for any other word («واحد», «أحد»)."""
    for prefix in ("", "و", "ب", "ف", "وب", "فب"):
        if word.startswith(prefix) and (number := _WEEKDAY_NUMBERS.get(word[len(prefix):])):
            return number
    if word.startswith(("لل", "ولل", "فلل")):  # «للخميس»: ل + the article, its alif dropped
        return _WEEKDAY_NUMBERS.get("ال" + word[word.index("لل") + 2:])
    return None


# The first day of a month («غرة أفريل»); ordinal words that name a day before «من» and a month.
_FIRST_DAY = _norm_set("غرة")
_DAY_ORDINALS = _ORDINALS | _norm_set("الحادية")


def _day_ordinal_start(tokens: list[tuple[int, int, str]], i: int, passage: str) -> int:
    """Where the day whose number starts at token i starts: at the ordinal's units right before it
    («الرابع والعشرين», «الحادي عشر»), else at i."""
    return i - 1 if i and _day_ordinal(tokens, i - 1, passage) else i


def _day_ordinal(tokens: list[tuple[int, int, str]], k: int, passage: str) -> bool:
    """Whether token k is an ordinal naming a day, joined to what follows: not one qualifying a noun
    before it («النصف الثاني من ماي», «الأسبوع الأول من…»), though «اليوم الأول من أفريل» is a day."""
    if not (_in(tokens[k][2], _DAY_ORDINALS) and _joined(tokens, k, passage)):
        return False
    before = tokens[k - 1][2] if k and _joined(tokens, k - 1, passage) else ""
    return not _is_definite(before) or _in(before, _DAY_NOUNS)


_DAY_NOUNS = _norm_set("اليوم")


def _day_before_month(tokens: list[tuple[int, int, str]], i: int, passage: str) -> int:
    """Where the date whose month is token i starts: at «غرة» right before it («غرة أفريل»), at an ordinal
    and «من» («الخامس من جوان»), else at the month."""
    if i and tokens[i - 1][2] in _FIRST_DAY and _joined(tokens, i - 1, passage):
        return i - 1
    if i >= 2 and tokens[i - 1][2] == "من" and _day_ordinal(tokens, i - 2, passage) and _joined(tokens, i - 1, passage):
        return i - 2
    return i


def _is_month(word: str) -> bool:
    """A month's name (`month_numbers`)."""
    return bool(month_numbers(word))


_DAY_OF_MONTH_RE = re.compile(r"(?<![\d.,/])(?:[1-9]|[12]\d|3[01])(?![\d.,/])")


def names_day(text: str) -> bool:
    """Whether a date phrase names a day: a weekday («الأربعاء») or a day of the month («30 نوفمبر»),
    not only a month or a year («نوفمبر 2016», «2017»)."""
    folded = normalize_arabic(text)
    return bool(_DAY_OF_MONTH_RE.search(folded)) or any(_in(w, _WEEKDAYS) for w in WORD_RE.findall(folded))


def is_relative_day(text: str) -> bool:
    """Whether a date phrase names a day relative to the report («أمس», «اليوم», «غدا»), not a week or a
    year («الأسبوع المقبل»)."""
    return any(w in _RELATIVE_TIME or _strip_clitic(w) in _RELATIVE_TIME for w in WORD_RE.findall(normalize_arabic(text)))


def is_calendar_date(text: str) -> bool:
    """Whether a date phrase names a day, month or year of the calendar («20 أوت 2016», «جانفي»,
    «2014»), not only a weekday or a day relative to the report («الخميس», «اليوم»)."""
    return any(ch.isdigit() for ch in text) or any(_is_month(w) for w in WORD_RE.findall(normalize_arabic(text)))


@lru_cache(maxsize=200_000)
def _in(word: str, vocab: frozenset[str]) -> bool:
    return word in vocab or _strip_clitic(word) in vocab or ("ال" + _strip_clitic(word)) in vocab


# Nouns for a person that are not titles (`name_kind` checks the titles too).
_PERSON_NOUNS = _norm_set(
    """رجل الرجل امرأة المرأة شخص الشخص طفل الطفل طفلة الطفلة زوج زوجة ابن ابنة ابنه ابنها بنت ابنته أب أم
    والد والدة شقيق شقيقة أخ أخت الضحية المتهم الفائز الفائزة البطل البطلة طفلي طفلا أطفال ابناء أبناء
    مصدر محامي محامية مراسل مراسلة معلق معلقة منشط منشطة مقدم إمام مغني مغنية روائي روائية
    مستشار مستشارة مستشارون مستشارين مسؤول مسؤولة مسؤولون مسؤولين خبير خبيرة خبراء حكم حكام
    متحدث متحدثة ناطق ناطقة سائق موظف موظفة ممرض ممرضة قائد زعيم عضو أعضاء حارس مهاجم مدافع
    وكيل منسق مفتي قاض قاضية قنصل مواطن مواطنة مواطنون مواطنين شاب شابة فتاة مسن أرملة طالب طالبة
    تلميذ تلميذة معلم معلمة لاعبون لاعبين وزراء رؤساء مدربين فنانين رسام رسامة مصور مصورة ملحن مطرب
    مطربة نحات ضابط منفذ صياد جراح راكب رضيع رضيعة سجين أسير مريض مهاجر لاجئ جندي شرطي سكرتير سكرتيرة شخصية شخصيات
    أشخاص رجال نساء فتيات شبان ضحايا متهمين متهمون موقوفين موقوفون طلاب طلبة تلاميذ سجناء أسرى مرضى
    مهاجرين لاجئين جنود نواب عمال موظفين
    person man woman wife husband son daughter player coach spokesman spokeswoman spokesperson official
    adviser advisor director chief head leader founder owner referee judge ambassador consul governor mayor
    chairman manager secretary lawyer doctor journalist reporter author writer singer actor actress
    artist citizen driver researcher scientist expert""")


# More nouns for a person, in the roles and walks of life news names people by («ما اسم المبعوث الأممي…؟»,
# «ما اسم العروس…؟»): what a name asked after them is, for `name_kind` only. Not the nouns that are as often
# something else or a family name too («مدرسة» a school, «منتج» a product, «جدة» Jeddah, «عالم» the world,
# «عنصر» an element, «الخطيب», «عون», «مالك», «رفيق»), nor suspects, militants and victims, whom news names
# without a title (often in quotes), so that a name asked after them could seldom be seen to be there.
_MORE_PERSON_NOUNS = _norm_set(
    """مبعوث مبعوثة موفد موفدة مندوب مندوبة وسيط وسيطة أخصائي أخصائية اختصاصي اختصاصية صيدلي صيدلانية محاضر محاضرة ناشط ناشطة
    ناشطون ناشطين حقوقي حقوقية نقابي نقابية إعلامي إعلامية مذيع مذيعة مؤرخ فيلسوف عداء عداءة ملاكم مصارع هداف
    قادة زعماء ملياردير مستثمر مستثمرة تاجر مقاول بحار ربان طيار عروس عريس حفيد حفيدة صديقة زميل زميلة سيناتور
    برلماني برلمانية دبلوماسي عمدة ملكة أميرة قس راهب راهبة كاردينال داعية مصمم مصممة عارضة عازف عازفة منشد محقق
    محققة محلل محللة مراقب مفتش مفتشة مدعي عسكري جنرال مترشح مترشحة مترشحين مترشحون منافس مشجع مشجعين متسابق
    متسابقة متطوع متطوعة سائح سياح زائر زوار مسافر مسافرين خريج مراهق مراهقة عجوز مدون
    envoy dean bride groom activist producer captain goalkeeper striker defender winner candidate rival opponent
    colleague friend partner grandson granddaughter nephew niece brother sister father mother""")


def name_kind(noun: str) -> str | None:
    """What kind of name a noun calls for («زوجته» a person, «الشركة» an organisation, «المدينة» a
    place); None when it is none of these (a film, a book, a ship)."""
    word = normalize_arabic(noun)
    for form in (word, *_singulars_of_dual(word)):
        if _in(form, _TITLES) or _in(form, _PERSON_NOUNS) or _in(form, _MORE_PERSON_NOUNS):
            return "person"
        if _in(form, _ORG_HEADS):
            return "organisation"
        if _in(form, _PLACE_HEADS):
            return "place"
    return None


def _singulars_of_dual(word: str) -> tuple[str, ...]:
    """The singulars a normalised word may be the dual of: «الطفلين» → «الطفل», «المدينتين» → «المدينه»
    (its «ة» written «ت» before the ending); none for a word without a dual's ending."""
    if len(word) < 5 or not word.endswith(("ين", "ان")):
        return ()
    stem = word[:-2]
    return (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,)


# A short phrase in quotation marks: the name of a work, a programme, a team, a brand («برنامج "عندي ما نقلك"»);
# in Arabic prose, a run of words in Latin script («تسميتها إلى Free Basics») names something too.
_QUOTED_RE = re.compile(r'[«"“]([^«»"“”\n]{1,60}?)[»"”]')
_QUOTED_WORDS = 5
_ORG_QUOTE_RE = re.compile(r"\s?" + _QUOTED_RE.pattern)  # a quoted name right after an organisation word
_LATIN_RUN_RE = re.compile(r"[A-Za-z][\w.\-]*(?:[ \t]+[A-Za-z][\w.\-]*){0,4}")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
# The score of a match: «2-1», «(1 - 1)», «بهدفين مقابل هدف», «8 أهداف مقابل 3», «بهدف نظيف», «بثلاثية»,
# «التعادل السلبي». Numbers of one or two digits only: «2009-2010» is a span of years, «13:00» a time.
_GOALS = r"(?:[أا]هداف|هدفا|هدف)"
_SMALL_NUMBERS = (r"(?:\d{1,2}|واحد|[إا]ثنين|ثلاث[ةه]?|[أا]ربع[ةه]?|خمس[ةه]?|ست[ةه]?|سبع[ةه]?|ثماني[ةه]?|تسع[ةه]?"
                  r"|عشر[ةه]?)")
_GOAL_COUNT = rf"(?:{_SMALL_NUMBERS}\s+{_GOALS}|هدفين|هدف)"
# Words after a range of numbers that is no score («15-17 سنة», «10-20 ألف دينار»).
_RANGE_UNITS = (r"[%٪]|سن|عام|[أا]عوام|يوم|[أا]يام|شهر|[أا]شهر|ساع|دقيق|بالمائ|بالمئ|في\s+المائ|كلغ|كلم|كم|متر|[أا]لف"
                r"|مليون|مليار|دينار|دولار|يورو|درجة|درجات")
_SCORE_RE = re.compile(
    r"(?<![\w.,/:\-–])\(?\d{1,2}\s*[-–]\s*\d{1,2}\)?(?![\w.,/:\-–%٪])(?!\s*(?:" + _RANGE_UNITS + r"))"
    rf"|(?<!\w)ب?{_GOAL_COUNT}\s+(?:مقابل\s+|ل)(?:{_GOAL_COUNT}|{_SMALL_NUMBERS}(?!\w)|لا\s+شيء|لاشيء|صفر)"
    r"|(?<![\w.,/:])\d{1,2}\s+مقابل\s+\d{1,2}(?![\w.,/:%٪])(?!\s*(?:" + _RANGE_UNITS + r"))"
    r"|(?<!\w)ب?(?:هدف|هدفين|ثنائي[ةه]|ثلاثي[ةه]|رباعي[ةه]|خماسي[ةه]|سداسي[ةه]|\d{1,2}\s+[أا]هداف)"
    r"\s+(?:نظيف(?:[ةه]|ين)?|دون\s+رد|بدون\s+رد|مقابل\s+لا\s+شيء)"
    r"|(?<!\w)ب(?:ثنائي[ةه]|ثلاثي[ةه]|رباعي[ةه]|خماسي[ةه]|سداسي[ةه]|سباعي[ةه])(?!\w)"
    r"|(?<!\w)(?:ال|بال)?تعادل(?:ا|[ةه])?\s+(?:ال)?(?:سلبي|[إا]يجابي)(?!\w)"
    # a draw with no score: «انتهت بالتعادل», «تعادل الفريقان» (not «التعادل معها», a draw hoped for)
    r"|(?<!\w)(?:بالتعادل|تعادل|تعادلا|تعادلت)(?!\w)")
# A penalty, with the amount or the time it is for when one follows («بالسجن مدة خمس سنوات», «وتغريمه
# ب5000 دينار», «الإعدام»), or a match behind closed doors («مباراة دون حضور الجمهور»): what «ما العقوبة…؟»
# asks for.
_PENALTY_WORD = (r"[وف]?(?:ب|ل)?(?:ال)?(?:سجن[اه]?|حبس[اه]?|[إا]عدام|مؤبد|غرام[ةه]|غرامات|خطي[ةه]|خطايا|تغريم\w{0,2}"
                 r"|[إا]يقاف\w{0,2}|حرمان\w{0,2}|شطب\w{0,2}|توبيخ|[إا]نذار[اه]?|خصم|ترحيل\w{0,2})")
# The numbers (in words) and units of time a penalty's amount or term is written with.
_PENALTY_NUMBERS = r"واحد[ةه]?|ثلاث[ةه]?|[أا]ربع[ةه]?|خمس[ةه]?|ست[ةه]?|سبع[ةه]?|ثماني[ةه]?|تسع[ةه]?|عشر[ةه]?"
_PENALTY_TIME_UNITS = r"سنوات|سن[ةه]|سنين|[أا]عوام|عاما|[أا]شهر|شهرا|يوما|[أا]يام"
_PENALTY_AMOUNT = (r"(?:\s+(?:مد[ةه]|لمد[ةه]|بقيم[ةه]|قدرها|مالي[ةه])){0,2}\s+(?:ب|بـ|ل|لـ)?\s?"
                   rf"(?:\d[\d.,٫]*|[إا]ثن\w*|{_PENALTY_NUMBERS}|سن[ةه]|عام|شهر|مباراتين|مقابلتين|سنتين|عامين|شهرين)(?!\w)"
                   rf"(?:\s+(?:[أا]لف|مليون|{_PENALTY_TIME_UNITS}|مباريات|مقابلات|مبار[اي][ةه]|مقابل[ةه]|دينارا?|دنانير"
                   # no unit: not a count of something else either («إيقاف 61 شخصا»: an arrest of 61 people)
                   r"|دولارا?|يورو)(?!\w)|(?!\s+\w{3,}ا(?!\w)))")
# The time first, then the penalty («3 سنوات سجن», «عامين سجنا نافذا», «6 أشهر حبسا مع تأجيل التنفيذ»).
_TIME_THEN_PENALTY = (rf"(?<!\w)(?:[بل]ـ?)?(?:(?:\d+|{_PENALTY_NUMBERS})\s+(?:{_PENALTY_TIME_UNITS})|سنتين|عامين|شهرين)"
                      r"\s+(?:سجن[اه]?|حبس[اه]?)(?!\w)(?:\s+(?:نافذ[اةه]?|مع\s+ت[أا]جيل\s+التنفيذ))?")
_PENALTY_RE = re.compile(rf"{_TIME_THEN_PENALTY}|(?<!\w){_PENALTY_WORD}(?!\w)(?:{_PENALTY_AMOUNT})?"
                         r"|(?<!\w)(?:مبار[اي][ةه]\s+|مقابل[ةه]\s+)?(?:دون|بدون|بلا)\s+(?:حضور\s+)?(?:ال)?جمهور(?!\w)")
# Given names that begin with «ال» (common in Maghrebi and Gulf news): after a title they start the
# name, where any other definite word is still the title's complement («رئيس الحكومة الحبيب الصيد»).
_DEFINITE_GIVEN_NAMES = _norm_set(
    """الحبيب الباجي المنصف الطاهر الهادي الأزهر الطيب الصادق المختار الناصر المنجي الحسين الحسن العربي
    الصغير الشاذلي المهدي العياشي البشير الجيلاني الهاشمي الفاضل المولدي الكبير الصحبي المكي الزين
    الخليل العيد السيد الشيخ المعز الأسعد الفرجاني العجمي""")
_HONORIFICS = _norm_set("السيد الشيخ")  # among them, words of address before a name
# Of those, the ones that also end a name or describe one («محمد وائل العربي», «محمد علي الصغير»).
_ALSO_SURNAMES = _norm_set("العربي الصغير الكبير")
NAME_LINKS = _norm_set("بن ابن بنت أبو أبي عبد ولد")  # words inside one name: «ياسر بن خليفة»
_LONGEST_COUNTRY = 6  # words: «جزر الولايات المتحدة النائية»
_LONGEST_TOWN = 4  # words: `index.towns` keeps names of one to four
_ON_BEHALF = _norm_set("باسم")  # «المتحدثة باسم البيت الأبيض كارولين ليفيت»: "for", not the name Basim
_YEAR_NOUNS = _norm_set("سنة عام")  # «22 ألفًا سنة 2011»: before a year, no unit of the number before
_DECIMAL_POINT_WORDS = _norm_set("فاصل فاصلة")  # «22 فاصل 5 بالمائة»: a decimal point said in words
# «السيد/السيدة» is an honorific; without the article it is a noun («تفطنت سيدة مارة…»: a passer-by).
_LADY = _norm_set("سيد سيدة")
_CHARGED = _norm_set("المكلف المكلفة مكلف مكلفة")  # «المكلف ب…»: the official charged with a task
# Indefinite words of a title's complement: «مدير عام», «كاتب عام», and the continent a post covers.
_TITLE_QUALIFIERS = _norm_set("عام عامة أوروبا أوروبي إفريقيا أفريقيا آسيا أمريكا أميركا")
# «مديرة البحوث لشمال افريقيا…»: a compass point before a region is part of a title's complement.
_COMPASS_POINTS = _norm_set("شمال جنوب شرق غرب وسط")
# A town's side, as delegations are named («قبلي الجنوبية», «صفاقس المدينة», «سيدي بوزيد الغربية»).
_SIDES = _norm_set("الجنوبية الشمالية الشرقية الغربية الوسطى العليا السفلى المدينة")
# A verb in the imperfect («يبدأ», «تثير», «ستتسلم»), which a headline puts right after its subject.
# Not «ن…»: "we" is too rare a subject in news to set names such as «نيكولا» apart.
IMPERFECT_RE = re.compile(r"^[وف]?س?[يت]\w{2,}$")
_IN_BUSINESS = _norm_set("رجل سيدة")  # «رجل الأعمال شفيق جراية»: a title with its complement
# The words of a title's complement skipped: «الناطق الرسمي باسم المحكمة الابتدائية بتونس سفيان…», «مديرة
# البحوث لشمال افريقيا في المكتب الإقليمي للمنظمة هبة مرايف».
_COMPLEMENT_WORDS = 10


# Relative pronouns («بعثة صندوق النقد الدولي التي تؤدي حاليا…»): written with «ال», but a clause follows.
_RELATIVE_PRONOUNS = _norm_set("الذي التي الذين اللذان اللذين اللتان اللتين اللواتي اللاتي اللائي")


_DEFINITE_PREFIXES = ("ال", "لل", "وال", "ولل", "بال", "وبال", "كال", "فال")  # «ال», behind a clitic or not


def _is_definite(word: str) -> bool:
    """A definite noun or adjective («الحكومة», «للتجارة», «والاتصال»): part of a title's complement; not a
    relative pronoun («التي»), after which a clause, not a name, goes on."""
    return (word.startswith(_DEFINITE_PREFIXES)
            and word not in _DEFINITE_GIVEN_NAMES and word not in _RELATIVE_PRONOUNS
            and not _in_behind(word, _LOOK_DEFINITE, "وف"))


# Particles that fold to «ال…»: «إلى», «إلا» («وزير الداخلية إلى فتح تحقيق» names nobody).
_LOOK_DEFINITE = frozenset(("الي", "الا"))


def _joined(tokens: list[tuple[int, int, str]], a: int, passage: str) -> bool:
    """Whether tokens a and a + 1 stand with no punctuation between them."""
    return a + 1 < len(tokens) and not _NAME_BREAK_RE.search(passage[tokens[a][1]:tokens[a + 1][0]])


_CODE_RE = re.compile(r"\w-$")  # a word and a hyphen right before a number: «KN-11»
_NAME_TAIL_RE = re.compile(r'[«"“][^«»"“”\n]*[^\W\d][^«»"“”\n]*\s$')  # a quote opened, a word, a space
_QUOTED_NAME_CHARS = 40
_NUMBER_CLITICS = frozenset("وبلف")  # written on a number: «و3500», «ب135», «وب20», «ل2017»


def _decimal_comma(tokens: list[tuple[int, int, str]], k: int, passage: str) -> bool:
    """Whether tokens k and k + 1 are one number written with an Arabic comma for its decimal point
    and no space («1،1 بالمائة», «12620،5 مليون دينار», as Tunisian reports write them)."""
    return (k + 1 < len(tokens) and passage[tokens[k][1]:tokens[k + 1][0]] == "،"
            and tokens[k][2][-1:].isdigit() and tokens[k + 1][2][:1].isdigit())


def _in_code(tokens: list[tuple[int, int, str]], k: int, passage: str) -> bool:
    """Whether the number at token k is the tail of a code or a name: after a word and a hyphen
    («KN-11», «F-16», «كوفيد-19», «إس-400»; a year range, «2015-2016», has digits on both sides), or last
    in a short quote after a word («"بوكجوكسونغ 2"», «"آيفون 7"»). No count, amount or year."""
    start, end = tokens[k][0], tokens[k][1]
    before = passage[max(0, start - 2):start]
    if _CODE_RE.search(before) and not before[0].isdigit():
        return True
    return passage[end:end + 1] in '»"”' and bool(_NAME_TAIL_RE.search(passage[max(0, start - _QUOTED_NAME_CHARS):start]))


def _country_end(tokens: list[tuple[int, int, str]], k: int) -> int | None:
    """The index of the last token of a country's name starting at token k (`country_at`), or None."""
    if k >= len(tokens) or not starts_country(tokens[k][2]):
        return None
    last = country_at([t[2] for t in tokens[k:k + _LONGEST_COUNTRY]], 0)
    return None if last is None else k + last


def _place_at(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Whether a country's or a town's name starts at token k."""
    return _country_end(tokens, k) is not None or _town_at(tokens, k) is not None


_RELIGION = "الدين"  # ends compound given names: «صلاح الدين», «نور الدين»
# Parts of the day, which are given names too («صباح»): before a day, they say when.
_PARTS_OF_DAY = _norm_set("صباح مساء عشية ظهر فجر ليلة صبيحة")


def _tells_day(word: str) -> bool:
    """Whether a normalised word names a day: «اليوم», «أمس», a weekday, «يوم»."""
    return word in _RELATIVE_TIME or _is_weekday_in_name(word) or word == "يوم"


def _verb_goes_on(tokens: list[tuple[int, int, str]], k: int, passage: str) -> bool:
    """Whether token k, right after a title's complement, is an imperfect verb, the sentence going on, and
    not a given name of that shape with a surname after it («يوسف الشاهد», «يوسف بن…»)."""
    return bool(IMPERFECT_RE.match(tokens[k][2])) and not (
        _joined(tokens, k, passage) and (_is_definite(tokens[k + 1][2]) or tokens[k + 1][2] in NAME_LINKS))


def _name_after_quote(tokens: list[tuple[int, int, str]], after: int, quote_end: int,
                      passage: str) -> tuple[int, int] | None:
    """The name right after a title's quoted complement («مغني "الراب" أحمد العبيدي»), starting at token
    `after`, the quote closing at `quote_end`: two words at least after a space, the first no definite
    word, title, noun for a person or time word, not all of them ordinary words (the sentence going on:
    «…"الوكيل" وفق تعبيره»); None otherwise."""
    if after >= len(tokens) or passage[quote_end:tokens[after][0]].strip():
        return None
    first = tokens[after][2]
    if _is_definite(first) or _in(first, _TITLES) or _in(first, _PERSON_NOUNS) or _time_word(first):
        return None
    name = _name_from(tokens, after, passage)
    if not name or name[1] == name[0] or all(is_ordinary_word(tokens[k][2]) and tokens[k][2] not in _COMMON_GIVEN_NAMES
                                              for k in range(name[0], name[1] + 1)):
        return None
    return name


def _name_after_title(tokens: list[tuple[int, int, str]], i: int, passage: str) -> tuple[int, int] | None:
    """The name a title at token i introduces, as (first, last) token indices: after the title's
    complement (definite words, organisation or place words, a body of a country: «وزير الخارجية الروسي
    سيرجي لافروف», «المدير الجهوي للتجارة ياسر بن خليفة», «رئيس وزراء مالطا جوزيف موسكات»), two words
    joined without punctuation (a third after «بن», «عبد»), none of them a function word. None when no
    such word follows («وزيرة الثقافة والاتصال الفرنسية السابقة إلى تونس» names nobody; neither does
    «رئيس المختبر في…», nor a headline's «وزير داخلية ألمانيا يبدأ…»). Where the post is, «في/إلى» and a
    place or an office, is part of the complement («ممثل البنك العالمي في تونس عبد الله ساي»), but one
    word after it is the sentence going on, not a name."""
    n = len(tokens)
    hopped = False  # whether the complement went on past «في/إلى» and a place
    construct = False  # whether the title stood in construct with an ordinary noun
    first = i + 1
    if (tokens[i][2] in _PLACE_TITLES and first < n and _joined(tokens, i, passage)
            and not _is_definite(tokens[first][2]) and not _function_word(tokens[first][2])
            and _COMMA_RE.match(passage, tokens[first][1])):
        first += 1  # «والي قبلي، سامي الغابي»: the place a governor governs, a town the lists may lack
    elif (tokens[i][2] in _PLACE_TITLES and first + 1 < n and _joined(tokens, i, passage)
          and _joined(tokens, first, passage) and not _is_definite(tokens[first][2])
          and not _function_word(tokens[first][2]) and tokens[first + 1][2] in _SIDES):
        first += 2  # «معتمد قبلي الجنوبية منير محاجبة»: the delegation's place and its side, no comma needed
    if first < n and (quoted := _ORG_QUOTE_RE.match(passage, tokens[i][1])):
        return _name_after_quote(tokens, _first_after(tokens, first, quoted.end()), quoted.end(), passage)
    while first < n and first - i <= _COMPLEMENT_WORDS and _joined(tokens, first - 1, passage):
        word = tokens[first][2]
        if _in(word, _ORG_HEADS) and (quoted := _ORG_QUOTE_RE.match(passage, tokens[first][1])):
            # «مديرة الاتصال بشركة "ستاغ"، آمال الثابتي»: the organisation's quoted name, then the person's
            first = _first_after(tokens, first + 1, quoted.end())
            return _name_in_apposition(tokens, first, passage, gap_start=quoted.end()) if first < n else None
        if _in(word, _HEADS):
            # «مجلس نواب الشعب»: the head's own complement too, if one follows it («رئيس الجمعية، إن
            # الوضع صعب» names nobody). A definite head takes one only behind «ل» («وزير الدولة لشؤون
            # الشباب»): else what follows it is an adjective, the name or the rest of the sentence
            # («رئيس الجامعة محمد علي», «كاتب عام الولاية سجلت…»).
            complement = (_joined(tokens, first, passage) and not _function_word(tokens[first + 1][2])
                          and (not _is_definite(word) or tokens[first + 1][2].startswith("ل")))
            first += 2 if complement else 1
        elif (word == _AND and first > i + 1 and _joined(tokens, first, passage)
              and _is_definite(tokens[first + 1][2])):
            first += 1  # «وزير البيئة و الشؤون المحلية رياض المؤخر»: «و» written apart from its noun
        elif (_is_definite(word) or word in _ON_BEHALF or word in _TITLE_QUALIFIERS
              or _charged_with(tokens, i, first, passage)):
            # «المكلف بمهمة بوزارة التجارة، لطفي خذير», «المكلف بالإعلام بإدارة إقليم…»
            # «الناطق الرسمي باسم الحكومة إياد الدهماني», «مدير عام أوروبا بوزارة الشؤون الخارجية، محمد…»
            first += 1
        elif word in ("الي", "في") and _joined(tokens, first, passage) and (
                _place_at(tokens, first + 1) or (word == "في" and _is_definite(tokens[first + 1][2])
                                                 and _in(tokens[first + 1][2], _HEADS))):
            # «رئيس بعثة صندوق النقد الدولي إلى تونس، بيورن روذر»: the envoy's destination; «ممثل البنك
            # العالمي في تونس عبد الله ساي», «…في المكتب الإقليمي للمنظمة هبة مرايف»: where the office is
            first += 1
            hopped = True
        elif (word.startswith("ل") and not word.startswith("لل") and len(word) > 3 and first > i + 1
              and first + 2 < n and _is_definite(tokens[first - 1][2]) and _joined(tokens, first, passage)
              and _is_definite(tokens[first + 1][2]) and _joined(tokens, first + 1, passage)
              and not _function_word(after := tokens[first + 2][2]) and not _is_definite(after)
              and not after.startswith("ل") and not _time_word(after) and not IMPERFECT_RE.match(after)):
            # «…والقطب القضائي لمكافحة الإرهاب سفيان السليطي»: "for" what, when a name can follow; not a
            # given name written with «ل» («…التعليم الثانوي لسعد اليعقوبي في تصريح», «لمياء الزريبي التي…»).
            first += 1
        elif (first == i + 1 and not tokens[i][2].startswith(_DEFINITE_PREFIXES) and word not in _COMMON_GIVEN_NAMES
              and word not in NAME_LINKS
              and is_ordinary_word(word) and first + 1 < n and _joined(tokens, first, passage)
              and _is_definite(tokens[first + 1][2]) and tokens[first + 1][2] != _RELIGION):
            # «مندوب حماية الطفولة», «مدير تحرير الصحيفة»: a title in construct with an ordinary noun, whose own
            # complement follows; the name, if any, comes after both, and a verb may follow instead
            # («رئيس خلية المتابعة النفسية يروي…»).
            first += 1
            construct = True
        elif (_in_behind(word, _COMPASS_POINTS, "لب") and _joined(tokens, first, passage)
              and (_place_at(tokens, first + 1) or tokens[first + 1][2] in _TITLE_QUALIFIERS)):
            first += 1  # «لشمال افريقيا»
        elif (end := _country_end(tokens, first)) is not None:
            first = end + 1  # «…المحكمة الابتدائية بتونس سفيان السليطي»: where, not who
        elif (last := _town_at(tokens, first)) is not None:
            first += last + 1  # «الوكيل العام لمحكمة الاستئناف بصفاقس، محمد عبيد»: a town, where too
        elif (not _function_word(word) and _joined(tokens, first, passage)
              and (end := _country_end(tokens, first + 1)) is not None):
            # «الرئيس المدير العام لاتصالات تونس، نزار بوقيلة», «رئيس وزراء مالطا جوزيف موسكات»: a body
            # of a country, not a name; but a verb may follow it in a headline («وزير داخلية ألمانيا يبدأ…»).
            after = end + 1
            if after < n and _joined(tokens, after - 1, passage) and _verb_goes_on(tokens, after, passage):
                return None  # «وزير داخلية ألمانيا يبدأ…»; not «رئيس حكومة تونس يوسف الشاهد»
            first = after
        else:
            break
    if first >= n:
        return None
    if not _joined(tokens, first - 1, passage):
        name = _name_in_apposition(tokens, first, passage)
        return None if hopped and name and name[0] == name[1] else name
    word = tokens[first][2]
    if _is_definite(word) or _in(word, _TITLES):
        return None
    if word in _PARTS_OF_DAY and first + 1 < n and _tells_day(tokens[first + 1][2]):
        return None  # «…المندوب الجهوي للتربية صباح اليوم», «…عشية السبت»: when, not who
    if construct and _verb_goes_on(tokens, first, passage):
        return None  # «رئيس خلية المتابعة النفسية يروي…»; not «رئيس حكومة الوحدة الوطنية يوسف الشاهد»
    name = _name_from(tokens, first, passage)
    if (name and name[1] + 2 < n and _joined(tokens, name[1], passage) and _joined(tokens, name[1] + 1, passage)
            and tokens[name[1] + 1][2] in _DEFINITE_GIVEN_NAMES and tokens[name[1] + 1][2] not in _ALSO_SURNAMES
            and not _is_definite(tokens[name[0]][2]) and tokens[name[0]][2] not in _COMMON_GIVEN_NAMES
            and not any(tokens[k][2] in NAME_LINKS for k in range(name[0], name[1] + 1))
            and (given := _name_from(tokens, name[1] + 1 + (tokens[name[1] + 1][2] in _HONORIFICS), passage))
            and given[1] > given[0]):
        # «رئيس جمعية حماية واحات جمنة الطاهر الطاهري», «رئيس قوافل قفصة السيد رضا المحمدي»: the words
        # before a given name with «ال» (or «السيد», then the name) were the organisation's name, the
        # title's complement.
        return given
    if name and name[1] > name[0] and _is_definite(tokens[name[1]][2]):
        # «قال وزير تكنولوجيات الاتصال والاقتصاد الرقمي، أنور معروف»: words ending in a definite one, more
        # definite words (or the first behind «ل»: «رئيس الهيئة الوطنية لحماية المعطيات الشخصية، شوقي قداس»),
        # then a name set off by a comma: those words were the title's complement. Not a name right before
        # the comma («رئيس الحكومة يوسف الشاهد، أعلن…»), nor ordinary words after it («…، صباح يوم…»).
        k = name[1]
        while k + 1 < n and k - i < _COMPLEMENT_WORDS and _joined(tokens, k, passage) and _is_definite(tokens[k + 1][2]):
            k += 1
        if ((k > name[1] or tokens[name[0]][2][:1] == "ل") and k + 1 < n and not _joined(tokens, k, passage)
                and (apposed := _name_in_apposition(tokens, k + 1, passage))
                and not all(is_ordinary_word(tokens[m][2]) for m in range(apposed[0], apposed[1] + 1))
                and _strip_clitic(tokens[apposed[0]][2]) not in _REPORTING_VERBS):  # «…المرتقبة، أكد الهاروني»
            return apposed
    if name and name[0] == name[1] and ((first == i + 1 and not _is_definite(tokens[i][2])) or hopped):
        # «وزير سابق», «طبيب شرعي»: right after a title without «ال», one word describes it; after a
        # place, one word goes on with the sentence («قاضية في أمريكا غارقة في نهر…»)
        return None
    if name and _common_words_behind_preposition([tokens[k][2] for k in range(name[0], name[1] + 1)]):
        return None
    return name


# How often (pyspellchecker's Arabic counts) each word of a phrase behind «ل/ب/و» must be written for the
# phrase to be ordinary words rather than a name: «لكرة القدم» (33,453 and 15,981), «لتوضيح جملة»;
# not «لسعد الجموسي», «لزهر القروي» («زهر» 236), «لوران فابيوس» (a name behind «بال», «بالحاج», is never read so).
COMMON_WORD_COUNT = 1000


def _common_words_behind_preposition(name: list[str]) -> bool:
    """Whether the normalised words read as a name after a title are ordinary words behind the
    preposition «ل/لل/ب» or «و» («الناطق الرسمي للرابطة الوطنية لكرة القدم», «المطالبة بإقالة الوالي لصعوبة
    التواصل معه», «رئيس الغرفة وباقي الحضور»): the title's complement or the sentence going on, not who
    holds it."""
    first = name[0]
    if first[:1] not in "لبو" or first.startswith(("ال", "بال")):
        return False
    stem = first[2:] if first.startswith(("لل", "وب", "ول")) and len(first) > 5 else first[1:]
    if first[0] == "و" and (stem in _COMMON_GIVEN_NAMES or any(word in NAME_LINKS for word in (stem, *name[1:]))):
        return False  # «ومحمد علي», «وعبد اللطيف»: and a name
    return all(is_ordinary_word(word) for word in (stem, *name[1:]))


# The commonest given names, which are ordinary words too by their counts (normalised): a name typed after a
# title may be one of them alone («وزيرة الطاقة هالة…» where the family name was not read).
_COMMON_GIVEN_NAMES = _norm_set("""محمد أحمد آحمد علي محمود حسن حسين عمر خالد سليم مالك عرفات إبراهيم يوسف مصطفى عبدالله
    سعيد كريم جميل نبيل منير فريد أمين رشيد بشير سالم حكيم عادل كمال جمال صالح طارق منصور ناصر رضا وليد هشام
    هالة أمل نور هدى منى وفاء نجاة رحمة سناء بشرى جميلة كريمة سعيدة حياة إيمان سلوى آمال أحلام ريم فاطمة ليلى""")


def _ordinary_lone_word(word: str) -> bool:
    """Whether a word read alone as a person's name is an ordinary word («نداء», «قوله», «تقارير», «يوضّح»),
    not one of the commonest given names («يوسف», «أحمد»), which are ordinary words too by their counts.
    In 500 ANT articles 19 of 24 such one-word names were no one's."""
    bare = _strip_clitic(word)
    return word not in _COMMON_GIVEN_NAMES and bare not in _COMMON_GIVEN_NAMES and is_ordinary_word(word)


# Endings the word lists mostly lack the forms with: plurals and pronouns («توضيحات», «جهودهم»).
_ORDINARY_ENDINGS = ("ات", "ين", "ون", "ها", "هم", "ه")


def is_ordinary_word(word: str) -> bool:
    """Whether a normalised word is an ordinary word (COMMON_WORD_COUNT): as written, without «ال», or
    without a plural or pronoun ending; never without a nisba's «ي» («السعيدي» is no «سعيد»)."""
    counts = arabic_word_counts()
    forms = {word, word[2:] if word.startswith("ال") else word}
    forms |= {form[:-len(end)] for form in tuple(forms) for end in _ORDINARY_ENDINGS
              if form.endswith(end) and len(form) - len(end) >= 3}
    return max(counts.get(form, 0) for form in forms) >= COMMON_WORD_COUNT


_FEMININE_DUAL_ENDINGS = ("تين", "تان")
_DUAL_CLITICS = ("و", "ب", "ف", "وب")


@lru_cache(maxsize=50_000)
def is_dual(word: str) -> bool:
    """Whether a normalised word is an indefinite feminine dual, which says two of what it names
    («سفرتين» two trips, «وزارتان»): its singular («سفره») an ordinary word (COMMON_WORD_COUNT) at least
    five times as common as the word itself, so that a name or a word that only looks like a dual
    («بوتين», «روتين», «ميتين») is not one. Definite duals («المدينتين») name two things already said.
    Not a masculine dual in «ين»: too many plurals («آخرين», «لاعبين») and names («مدنين») end so."""
    if word.startswith("ال") or len(word) < 5 or not word.endswith(_FEMININE_DUAL_ENDINGS):
        return False
    counts = arabic_word_counts()
    for form in (word, *(word[len(c):] for c in _DUAL_CLITICS if word.startswith(c))):  # «وزارتان», «وبرحلتين»
        singular = counts.get(form[:-3] + "ه", 0)
        if len(form) >= 5 and not form.startswith("ال") and singular >= COMMON_WORD_COUNT \
                and singular >= 5 * counts.get(form, 0):
            return True
    return False


def _first_after(tokens: list[tuple[int, int, str]], k: int, offset: int) -> int:
    """The index of the first token from k on that starts at `offset` or later (len(tokens) if none):
    the word after a quoted name."""
    while k < len(tokens) and tokens[k][0] < offset:
        k += 1
    return k


def _name_from(tokens: list[tuple[int, int, str]], first: int, passage: str) -> tuple[int, int] | None:
    """The person's name that starts at token `first`, as (first, last) token indices: two words, and
    more around a link word («ياسر بن خليفة», «عبد العزيز الرصاع», «محمد الفاضل بن عمران»), joined
    without punctuation, none a function word (`_name_word`) or a title; None when the first is none."""
    n = len(tokens)
    if not _name_word(tokens, first, passage):
        return None
    last = first
    while (last == first or tokens[last][2] in NAME_LINKS or (last == first + 1 and tokens[first][2] in NAME_LINKS)
           or (last + 1 < n and tokens[last + 1][2] in NAME_LINKS)
           or (last == first + 1 and last + 1 < n and _family_nisba(tokens[last + 1][2]))) \
            and _joined(tokens, last, passage) and _name_word(tokens, last + 1, passage) \
            and not _in(tokens[last + 1][2], _TITLES):
        last += 1
    return first, last


def _family_nisba(word: str) -> bool:
    """Whether a normalised word can be a family name of the «ال…ي» form that ends a three-word name
    («الباجي قايد السبسي», «محمد علي الحامي»): definite, ending in «ي», neither a nationality nor an
    ordinary word, nor the adjective of one («الجهوي», «الإعلامي», «الديواني» describe what comes before)."""
    return (word.startswith("ال") and word.endswith("ي") and len(word) > 4 and not is_nationality(word)
            and not is_ordinary_word(word) and not is_ordinary_word(word[2:-1]))


_NAME_BEFORE_TITLE_WORDS = 4


def _name_before_title(tokens: list[tuple[int, int, str]], i: int, passage: str) -> tuple[int, int] | None:
    """The name between a verb of saying at token i and a title or a post (`_is_role`) right after it, as
    (first, last) token indices: «وقال لسعد الجموسي مدير المهرجان…», «وأكد عبد الكريم الهاروني رئيس مجلس…»,
    «قال الجموسي مدير…», «وقال بيرند ريكسنجه زعيم حزب…». News puts a speaker's name before the title as
    often as after it, and so does a word of appointing («تسمية الهادي القديري، القاضي…», «تعيين رضا القلال
    مديرا…»: a post taken in the accusative, behind «ك» or «بمهمة» ends the name too). One to four words, no
    punctuation around or between them but a comma or a bracket before the title («اعتبر سفيان السليطي،
    الناطق الرسمي…», «انتخاب حاتم بن خليفة (قاض،…»; then two words at least), none a function word, number,
    time word, title or organisation or place word («وقال أمس رئيس…», «أكد إن…», «أعلنت وزارة…»); None
    otherwise."""
    n = len(tokens)
    last = i
    while last + 1 < n and last - i < _NAME_BEFORE_TITLE_WORDS + 1:
        word = tokens[last + 1][2]
        between = passage[tokens[last][1]:tokens[last + 1][0]]
        if _NAME_BREAK_RE.search(between) and not (between == "-" and last > i):  # «لورا هوبي-هامشر»
            # One word before a comma is as often a noun («قال مصدر، …», «أوضح الخبير، …») as a name.
            named = last - i >= 2
            return (i + 1, last) if between.strip() in ("،", ",", "(") and named and _is_role(word) else None
        if _is_role(word) or _post_taken(word):
            return (i + 1, last) if last > i else None
        if not _name_word(tokens, last + 1, passage) or _strip_clitic(word) in _APPOINTING or any(
                _in(word, vocab) for vocab in (_HEADS, _MONTHS)) or _is_weekday_in_name(word) or (
                word in _PERSON_NOUNS):  # «وقال مصدر أمني مسؤول…»: a noun for anyone, then a post
            return None
        last += 1
    return None


def _name_after_nationality(tokens: list[tuple[int, int, str]], i: int, passage: str) -> tuple[int, int] | None:
    """The name a nationality used as a noun at token i introduces, as (first, last) token indices: behind
    «و/ل/ب» («والمصري سامح شكري», «خلفا للإيطالي كلاوديو رانييري»), or with a title or a post after it
    («و المغربي هشام العمراني الكاتب العام للكاف»). Two words or more (`_name_from`), the first neither
    definite, a title nor a number, not all ordinary words («…التونسي والعراقي وتعدد مجالات»), no place.
    None otherwise: a bare nationality is as often an adjective («الجيش الجزائري يحجز كمية…»)."""
    word = tokens[i][2]
    first = i + 1
    if (first >= len(tokens) or not _is_definite(word) or not word.endswith(("ي", "يه"))
            or not is_nationality(word) or starts_country(word) or not _joined(tokens, i, passage)
            or (i and is_nationality(tokens[i - 1][2]))):  # «الشعبين التونسي والعراقي»: adjectives in a row
        return None
    following = tokens[first][2]
    if _is_definite(following) or _in(following, _TITLES) or _is_number(following):
        return None
    name = _name_from(tokens, first, passage)
    if not name or name[1] == name[0]:
        return None
    after = name[1] + 1
    titled = after < len(tokens) and (_is_role(tokens[after][2]) or _post_taken(tokens[after][2]))
    previous = tokens[i - 1][2] if i and _joined(tokens, i - 1, passage) else ""
    if not ((titled and not (_is_definite(previous) and not _is_role(previous)))
            or not word.startswith("ال")):  # a clitic before the article: «والمصري», «للإيطالي», «بالمغربي»
        return None  # after a definite noun, its adjective: «الجيش اللبناني يعتقل زوجة زعيم…»
    words = [tokens[k][2] for k in range(name[0], name[1] + 1)]
    bare = _strip_clitic(words[0])
    if (all(is_ordinary_word(w) for w in words)
            or (bare != words[0] and is_ordinary_word(bare) and not is_ordinary_word(words[0]))
            or any(_in(w, _HEADS) or starts_country(w) for w in words)):
        return None  # the sentence going on: «والفرنسية ومدراء مراكز…», «بالإنجليزية وبترجمة بالفارسية»
    return name


_CONTINENTS = _norm_set("إفريقيا أفريقيا افريقيا أوروبا اوروبا آسيا اسيا أمريكا امريكا أستراليا استراليا")


# «العام» (general) after an organisation's head is part of its name («الاتحاد العام التونسي للشغل», «الهيئة
# العامة للسجون»), though alone it is also "the year" and so no name's word of its own.
_GENERAL = _norm_set("العام العامة")


def _past_general(i: int, following: Callable[[int], str]) -> int:
    """The token of an organisation's head at i, or of «العام/العامة» right after it, not «العام الماضي»
    (a year) or «العام» ending the phrase."""
    after = following(i)
    if after in _GENERAL and following(i + 1) and following(i + 1) not in _PERIOD_ADJECTIVES | _CURRENT:
        return i + 1
    return i


def _goes_on_with_name(word: str) -> bool:
    """Whether a normalised word after an organisation's head and the word it governs is more of its name:
    a definite word («وزارة الشؤون الاجتماعية»), a country, continent or town («شركة فسفاط قفصة», «حزب آفاق
    تونس», «وكالة تونس افريقيا للانباء»), a number («قناة فرانس 24»)."""
    return (_is_definite(word) or starts_country(word) or starts_town(word) or word in _CONTINENTS
            or _is_number(word))


def _is_role(word: str) -> bool:
    """Whether a normalised word is a title or a post held, in construct («زعيم حزب…», «محامية الزوجين»),
    not a noun for anyone («الرجل», «نفس المصدر»)."""
    return _in(word, _TITLES) or word in _POSTS


def _post_taken(word: str) -> bool:
    """Whether a normalised word names the post someone is appointed to: a title in the accusative or
    behind «ك» («تعيين محمد التمري كمدرب مساعد», «انتخاب مختار الطريفي نائبا لرئيس…»), or «بمهمة»."""
    return ((word.endswith("ا") and _is_role(word[:-1])) or (word.startswith("ك") and _is_role(word[1:]))
            or word in _ON_A_MISSION)


_ON_A_MISSION = _norm_set("بمهمة بمهمه لمهمة")


# Posts held, written without the article, that follow a speaker's name as a title does («وقال بيرند
# ريكسنجه زعيم حزب اليسار»). Not «قائد», which is also a name («الباجي قائد السبسي»).
_POSTS = _norm_set("""زعيم زعيمة مستشار مستشارة مسؤول مسؤولة محامي محامية محام متحدث متحدثة ناطق ناطقة
    منسق منسقة وكيل قنصل خبير خبيرة مراسل مراسلة مؤسس مؤسسة مفتي قاض قاضية عضو سكرتير سكرتيرة مساعد""")


_ONE_DAY = normalize_arabic("الواحد")
_ONE_OF = _norm_set("أحد إحدى")  # «محامي أحد الموقوفين»: one of them, no name

# «أنه», «بأنها» (normalised): "that he/she", after a clitic or not; not names («أنور», «أنيس»).
_THAT_PRONOUNS = _norm_set("انه انها انهم انهما بانه بانها بان لانه لانها وانه وانها فانه")


# Names that fold to a function word: «علي» (Ali) is the preposition «على» once «ى» is folded to «ي».
# As written, with «ي», it is the name («الصحفي علي بن مزين», «زين العابدين بن علي»).
_NAMES_FOLDED_AWAY = frozenset(("علي", "وعلي"))
# «عبد الله ساي»: «الله», a stop word, is a name's second word after «عبد» (as written, and normalised).
_AFTER_ABD = frozenset(("الله",))
_ABD = frozenset(("عبد",))
_BILLAH = "بالله"  # «منتصر بالله بربيرو», «المعتصم بالله»: a name's second word, not «ب» and «الله»
_FIRST = "اول"  # normalised «أول», which no name has for a word («الملازم أول، …»)


def _name_word(tokens: list[tuple[int, int, str]], k: int, passage: str) -> bool:
    """Whether token k can be part of a person's name: `_can_be_name`, or a name that only folds to a
    function word (`_NAMES_FOLDED_AWAY`, as written)."""
    written = "".join(ARABIC_LETTER_RE.findall(passage[tokens[k][0]:tokens[k][1]]))
    if _verbal_noun_behind_preposition(tokens[k][2], written):
        return False
    return (_can_be_name(tokens[k][2]) or written in _NAMES_FOLDED_AWAY
            or (written in _AFTER_ABD and k > 0 and _in_behind(tokens[k - 1][2], _ABD, "و"))
            or (written == _BILLAH and k > 0 and _can_be_name(tokens[k - 1][2])))


# A verbal noun of the derived forms («اعتصام», «استغلال», «انسحاب»), normalised.
_DERIVED_VERBAL_NOUN_RE = re.compile(r"^(?:ا\w\w\wا\w|است\w\wا\w|ان\w\wا\w)$")
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما")  # as written: a final «ه» is no «ة» there


def _charged_official(tokens: list[tuple[int, int, str]], i: int, passage: str) -> bool:
    """Whether «المكلف/المكلفة» at token i is an official's title («وأكد المكلف بالإعلام…»), not an
    adjective of a body before it («اللجنة المكلفة بإعداد الدراسة…», «هيئة… مكلفة بتعديل…»)."""
    word = tokens[i][2]
    return word in _CHARGED and _is_definite(word) and not (
        i and _joined(tokens, i - 1, passage) and _is_definite(tokens[i - 1][2]))


def _charged_with(tokens: list[tuple[int, int, str]], i: int, k: int, passage: str) -> bool:
    """Whether token k, in the complement of the title at token i, says what or where an official
    «المكلف ب…» is charged with: «ب» and an ordinary noun right after it or after another such («بمهمة»,
    «بالإعلام بإدارة»), not a name («كاتب الدولة المكلف بالهجرة… بلقاسم الصابري») nor the sentence going on
    («…بتقديمها»)."""
    word, before = tokens[k][2], tokens[k - 1][2]
    if word in _CHARGED:
        return True  # «كاتب الدولة لدى وزير المالية مكلف بأملاك الدولة»
    return (word.startswith("ب") and bool(_CHARGED & {tokens[j][2] for j in range(i, k)})
            and (before in _CHARGED or before.startswith("ب")) and is_ordinary_word(word[1:])
            and not _verbal_noun_behind_preposition(word, passage[tokens[k][0]:tokens[k][1]]))


def _verbal_noun_behind_preposition(word: str, written: str) -> bool:
    """Whether a word is «ل/ب» before a verbal noun of a derived form or a noun with a pronoun on it
    («لاستغلال», «لاعتصام», «لاستقالته», «بتمكينه», «لقبوله»): the sentence going on after a title,
    never a name. `word` normalised, `written` as in the text (letters only)."""
    if word[:1] not in "لب" or word.startswith(("ال", "بال")):
        return False
    stem = word[2:] if word.startswith("لل") else word[1:]
    return bool(_DERIVED_VERBAL_NOUN_RE.match(stem)) or (len(stem) >= 5 and written.endswith(_PRONOUN_ENDINGS))


def _can_be_name(word: str) -> bool:
    """Whether a normalised word can be part of a person's name: no function word (`_names_nothing`),
    nor «أنه», «بأنها», nor a verb news puts right after a title («رئيس الحكومة أقر الإسراع…»), nor a
    time word («مدير المهرجان أمس», «…في تونس يومي 4 و5 جوان»), nor «أول» («الملازم أول»; «ثاني» is a given name)."""
    return (not _names_nothing(word) and word not in _THAT_PRONOUNS and word not in _ONE_OF and _strip_clitic(word) not in _REPORTING_VERBS
            and not _time_adverb(word) and word != _FIRST
            and not (word.endswith("ي") and word[:-1] in _SINGLE_UNITS))  # a dual in construct: «يومي»


# Past-tense verbs of saying and deciding, as news writes them after their subject (normalised).
_REPORTING_VERBS = _norm_set("""قال قالت أكد أكدت أعلن أعلنت أوضح أوضحت أضاف أضافت أشار أشارت أقر أقرت قرر قررت
    دعا دعت اعتبر اعتبرت أفاد أفادت كشف كشفت نفى نفت شدد شددت لفت لفتت أبرز أبرزت صرح صرحت
    طلب طلبت""")
# Verbs of judging that take an object as often as a subject right after them («انتقد أداء وزير…»): the
# name before a title counts only set off by a comma («انتقدت آمنة القلالي، مديرة مكتب…»).
_JUDGING_VERBS = _norm_set("""انتقد انتقدت حذر حذرت أشاد أشادت استنكر استنكرت ندد نددت علق علقت أعرب أعربت""")
# Titles in construct with the place their holder governs («والي قبلي», «معتمد دوز»), as written without «ال».
_PLACE_TITLES = _norm_set("والي ووالي معتمد ومعتمد عمدة وعمدة")
_COMMA_RE = re.compile(r"\s*[،,]")
_ON = "علي"  # normalised «على»: «على عين المكان» is on the spot, no one appointed
_AND = "و"  # standing alone, as some writers leave it («و احمد الحافي»)
# Words of appointing or electing someone, which news follows with the name and then the post, as it
# follows a verb of saying: «تسمية الهادي القديري، القاضي من الرتبة الثالثة…», «انتخاب حاتم بن خليفة (قاض،…)».
_APPOINTING = _norm_set("""تسمية تعيين انتخاب ترشيح تكليف عين عينت انتخب انتخبت رشح رشحت كلف كلفت""")


def _time_adverb(word: str) -> bool:
    """Whether a normalised word, behind a clitic or not, is a time adverb («أمس», «مؤخرا», «وقريبا»)."""
    return word in _TIME_ADVERBS or _strip_clitic(word) in _TIME_ADVERBS


def _time_word(word: str) -> bool:
    """Whether a normalised word says when («سنة 2015», «يوم الخميس», «أمس», «مارس»): it ends a name that
    runs up to it («وزارة الصحة سنة 2015»; a year itself may be part of one: «اللجنة المنظمة لمونديال 2022»)."""
    return (_in(word, DURATION_UNITS) or word in _WEEKDAYS or _is_month(word)
            or _time_adverb(word))


def _function_word(word: str) -> bool:
    """Whether a normalised word is a function word, also behind a clitic («وأن»), or a lone letter."""
    return len(word) < 2 or word in STOPWORDS or _strip_clitic(word) in STOPWORDS


def _names_nothing(word: str) -> bool:
    """Whether a normalised word is a function word, also behind a clitic («وأن»), a lone letter («و»
    written apart) or a number: never a name of a person or a place."""
    return _function_word(word) or _is_number(word)


# «يدعى», «المدعو»: "(who is) called", before a person's name («رجلا… يدعى سلمان عبيدي (22 عاما)»).
_CALLED = _norm_set("يدعى تدعى يُدعى تُدعى المدعو المدعوة والمدعو والمدعوة")


def _name_called(tokens: list[tuple[int, int, str]], i: int, passage: str) -> tuple[int, int] | None:
    """The name right after «يدعى/المدعو» at token i, as (first, last) token indices: `_name_from`;
    None when the next word is no name's («وتدعى المبادرة…»)."""
    if not _joined(tokens, i, passage):
        return None
    word = tokens[i + 1][2]
    if _is_definite(word) or _time_word(word) or any(_in(word, vocab) for vocab in (_TITLES, _HEADS)):
        return None
    return _name_from(tokens, i + 1, passage)


_APPOSITION_OPEN_RE = re.compile(r"^\s*[،,]\s*$")
_THAT = _norm_set("أن بأن إن وأن بأنه بأنها أنه أنها")  # «that», opening what a speaker said
_APPOSITION_CLOSE_RE = re.compile(r"^\s*[،,:.؛]")
_APPOSITION_WORDS = 3


def _name_in_apposition(tokens: list[tuple[int, int, str]], first: int, passage: str,
                        gap_start: int | None = None) -> tuple[int, int] | None:
    """The name set off by commas right after a title and its complement («نائبة السكرتيرة الصحفي للبيت
    الأبيض، آنا كيلي، لشبكة…», «وقال رئيس الحكومة، يوسف الشاهد، إن…»): one to three words after a comma,
    none a function word, number, definite word or title, closed by punctuation, or two or three closed by
    «أن/بأن» where what the named one said begins («…للشغل، نور الدين الطبوبي بأن…»). None otherwise («قال
    وزير الخارجية، في تصريح…»). `gap_start`: where the comma's gap starts, if not at the word before
    (past a closing quote)."""
    if not _APPOSITION_OPEN_RE.match(passage[tokens[first - 1][1] if gap_start is None else gap_start:tokens[first][0]]):
        return None
    last = first
    while True:
        word = tokens[last][2]
        if ((_function_word(word) and not _name_word(tokens, last, passage)) or _is_number(word)
                or (_is_definite(word) and last == first)
                or _time_adverb(word)
                or any(_in(word, vocab) for vocab in (_TITLES, _HEADS, _MONTHS, _CLOCK_CUES))
                or _is_weekday_in_name(word)):
            return None
        gap = passage[tokens[last][1]:tokens[last + 1][0]] if last + 1 < len(tokens) else "."
        if _APPOSITION_CLOSE_RE.match(gap):
            return first, last
        if last > first and not gap.strip() and tokens[last + 1][2] in _THAT:
            return first, last  # «أفادت رئيسة الاتحاد، وداد بوشماوي بأن…»: what the named one said follows
        if last > first and not gap.strip() and _says_when(tokens, last + 1):
            return first, last  # «استعرض رئيس الغرفة…،الهادي الزرمديني اليوم الخميس…»: when, after who
        if _NAME_BREAK_RE.search(gap) or last - first + 1 >= _APPOSITION_WORDS:
            return None
        last += 1


def _says_when(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Whether token k opens a time: a time adverb or a weekday («اليوم», «أمس الجمعة»), or a part of the
    day before one («صباح اليوم», «مساء الخميس»)."""
    word = tokens[k][2]
    if _time_adverb(word) or _is_weekday(word):
        return True
    return word in _DAY_PARTS and k + 1 < len(tokens) and (_time_adverb(tokens[k + 1][2])
                                                            or _is_weekday(tokens[k + 1][2]))


_DAY_PARTS = _norm_set("صباح مساء عشية ظهر ليلة فجر صبيحة ظهيرة")


# Kin of someone named next («والدة نذير القطاري، سنية رجب، قالت…»): the name set off after the relative's
# is the kin's own.
_KIN = _norm_set("والد والدة زوج زوجة ابن ابنة بنت شقيق شقيقة أخ أخت أرملة عم عمة خال خالة جد جدة")
_RELATIVE_WORDS = 4


def _kin_named(tokens: list[tuple[int, int, str]], i: int, passage: str) -> tuple[int, int] | None:
    """The name of the kin at token i set off by commas after the relative («والدة نذير القطاري، سنية
    رجب،», «شقيق الضحية، محمد العياري،», «والدة الطالب حمزة السعيدي، نجاة الطرابلسي،»): (first, last)
    token indices, or None. The relative is one to _RELATIVE_WORDS words joined without punctuation,
    none a function word."""
    last = i
    while (last + 1 < len(tokens) and last - i < _RELATIVE_WORDS and _joined(tokens, last, passage)
           and not _function_word(tokens[last + 1][2])):
        last += 1
    if last == i or last + 1 >= len(tokens):
        return None
    return _name_in_apposition(tokens, last + 1, passage)


# «مؤتمر صحفي», «ندوة صحفية»: written indefinite, "press" describes the noun before it; only «الصحفي»,
# «الصحفية» is a journalist's title.
_PRESS = _norm_set("صحفي صحفية")


def _is_ila(raw: str) -> bool:
    """Whether a word as written is the preposition «إلى» («وإلى جانب»), which folds to «والي», the
    title of a governor."""
    return raw.endswith("ى") or "إ" in raw


def _town_before_country(tokens: list[tuple[int, int, str]], i: int, passage: str) -> bool:
    """Whether the country named at token i, with «ب» on it, follows «في» and one word that names a
    town in it («في بودابست بالمجر», «في ميلانو بإيطاليا»): a bare town is typed by nothing else."""
    if i < 2 or not tokens[i][2].startswith("ب") or tokens[i - 2][2] != "في":
        return False
    town = tokens[i - 1][2]
    between = passage[tokens[i - 2][1]:tokens[i - 1][0]] + passage[tokens[i - 1][1]:tokens[i][0]]
    return not between.strip() and _can_be_name(town) and not starts_country(town)


# Words after which a town is named bare: «في أنكوريج», «إلى القدس», «نحو حلب», «ومقره لشبونة» (not «من»:
# «من فرقة», «من قصور» are more often a group's, a palace's than Firqa's, Qusur's).
_IN = _norm_set("في وفي ففي إلى وإلى نحو مقره مقرها ومقره ومقرها")


# Words of coming and going, after which «من» + a town says where from: «رحلة قادمة من موسكو», «عاد من
# باريس», «انطلاقا من صفاقس» (normalised; behind «و/ف/ال» too).
_MOTION = _norm_set("""قادم قادمة قادمين قادمون وافد وافدة وافدين عائد عائدة عائدين عائدون انطلاقا انطلق انطلقت
    انطلقوا قدم قدمت قدموا عاد عادت عادوا وصل وصلت وصلوا جاء جاءت جاؤوا رحلة رحلات رحلتين نازحين فارين هاربين""")
_FROM = normalize_arabic("من")


def _town_at(tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """How many words after token i the town named there ends (0: one word), or None: only where a
    place is named, after «في» and the like (`_IN`), after «من» behind a word of coming and going
    (`_MOTION`: «قادمة من موسكو») or behind «ب» («في أنكوريج», «بصفاقس»). Some town names of GeoNames
    are given names or words too («فاطمة», «سامي», «بحري»), which a preposition of place does not precede."""
    words = [t[2] for t in tokens[i: i + _LONGEST_TOWN]]
    if not read_behind_b(words[0]):
        return None  # «في بلورة مواقف…»: a word of its own, not «ب» + a town
    if i > 0 and (tokens[i - 1][2] in _IN or (tokens[i - 1][2] == _FROM and i > 1
                                               and _in_behind(_strip_clitic(tokens[i - 2][2]), _MOTION, "وف"))):
        return town_at(words, 0)
    clitic = next((c for c in PLACE_CLITICS if words[0].startswith(c) and len(words[0]) - len(c) >= 3), None)
    return town_at([words[0][len(clitic):], *words[1:]], 0) if clitic else None


_CAPITAL = _norm_set("عاصمة العاصمة")


def _town_after_nisba(tokens: list[tuple[int, int, str]], i: int, following: Callable[[int], str]) -> int | None:
    """How many words after token i + 2 the town named there ends, when a place word at token i, a
    nationality and a town follow without punctuation («العاصمة السورية دمشق»; «مدينة صفاقس» has no
    nationality between: `_names_place`). A country's name there is its capital's: «العاصمة الأردنية
    عمان», «العاصمة التونسية تونس». None otherwise."""
    if not is_nationality(following(i)) or not following(i + 1):
        return None
    last = town_at([t[2] for t in tokens[i + 2:i + 2 + _LONGEST_TOWN]], 0)
    if last is None and (end := _country_end(tokens, i + 2)) is not None:
        last = end - (i + 2)
    return last


_NAME_BEFORE_AGE_WORDS = 3


def _name_before_age(tokens: list[tuple[int, int, str]], i: int, passage: str,
                     spans: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """The name right before an age in brackets at token i («للطفلين، مهند (8 سنوات) وإسراء (6 سنوات)»,
    «تميم أحمد تشودري (30 عاما)»), as (first, last) token indices: up to _NAME_BEFORE_AGE_WORDS words
    joined without punctuation, none definite, a title, a place or an ordinary word («منحرف خطير (30
    سنة)», «شخصا (61 عاما)», «الجاني (16 سنة)» name no one); None when there is none, or when a typed
    person already ends there."""
    last = i - 1
    if last < 0 or passage[tokens[last][1]:tokens[i][0]].strip() != "(":
        return None
    if any(kind == "person" and a <= last <= b for kind, a, b in spans):
        return None

    def plain_name(k: int) -> bool:
        word = tokens[k][2]
        return (_name_word(tokens, k, passage) and not _is_definite(word) and not is_ordinary_word(_strip_clitic(word))
                and not IMPERFECT_RE.match(word)  # «ويقود حياتو (70 عاما)», «وسيخلف أدفوكات (69 عاماً)»
                and not any(_in(word, vocab) for vocab in (_TITLES, _PERSON_NOUNS, _HEADS, _MONTHS, _WEEKDAYS))
                and _town_at(tokens, k) is None and _country_end(tokens, k) is None)

    if not plain_name(last):
        return None
    first = last
    while first > 0 and last - first + 1 < _NAME_BEFORE_AGE_WORDS and _joined(tokens, first - 1, passage) \
            and plain_name(first - 1):
        first -= 1
    return first, last


_SITE = _norm_set("موقع مواقع")  # a web site as often as a place, and the place of an event


# First words of compound place names («سيدي بوزيد», «بن عروس», «عين دراهم», «قصر هلال», «بني خداش»,
# «رأس الجبل», «بئر الحفي»), a whole name with the word after them where GeoNames does not list it.
_COMPOUND_PLACE_STARTS = _norm_set("سيدي بن بني بو أبو عين منزل حمام برج قصر رأس وادي بئر دار جبل سوق تل أم")


def _place_name_end(tokens: list[tuple[int, int, str]], first: int, passage: str) -> int:
    """The last token of the place named from token `first` on, after a place word («ولاية», «بمدينة»):
    a town GeoNames lists in one to four words («سيدي بوزيد», «منزل بورقيبة»), or the first word and the
    next where the first only opens such names («قصر هلال», «سيدي بو زيد»); else the first word alone («صفاقس»)."""
    words = [t[2] for t in tokens[first:first + _LONGEST_TOWN]]
    if (last := town_at(words, 0)) is not None and all(_joined(tokens, k, passage) for k in range(first, first + last)):
        return first + last
    last = first
    while (last - first < 2 and tokens[last][2] in _COMPOUND_PLACE_STARTS and _joined(tokens, last, passage)
           and not _names_nothing(tokens[last + 1][2]) and not _time_word(tokens[last + 1][2])):
        last += 1  # «سيدي بو زيد»: a name opening another
    return last


def _names_place(head: str, word: str) -> bool:
    """Whether the word right after a place word («مدينة», «بولاية», «حي»; "" across punctuation) names
    the place: «ولاية صفاقس», «بمدينة المنستير», «ملعب ميلينيوم». An indefinite place word is followed by
    its name; a definite one by what describes it or by the rest of the sentence («الدولة التونسية»,
    «البلاد مقابل», «الحي الذي»), so it names none. Nor does a function word, a number, another head or
    a word behind a preposition («دولة من», «عاصمة للثقافة»)."""
    if _names_nothing(word) or _is_definite(head) or word.startswith(("لل", "بال", "كال", "فال")):
        return False
    if _in(head, _SITE) and (_is_definite(word) or (word.endswith("ي") and len(word) >= 4)):
        # «موقع التواصل الاجتماعي», «موقع الحادث», «موقع أثري», «موقع إلكتروني»: what the site is of or
        # what kind it is, not its name («موقع تويتر», «موقع هسبريس»)
        return False
    return not any(_in(word, vocab) for vocab in (_PLACE_HEADS, _ORG_HEADS, _TITLES, _WEEKDAYS, _MONTHS))


@lru_cache(maxsize=200_000)
def _starts_span(word: str) -> bool:
    """Whether a normalised word can open a typed phrase: every branch of `typed_spans` that the word
    itself (not its neighbours) decides. Most words cannot, and are skipped with this one look-up."""
    bare = _strip_clitic(word)
    return (_is_weekday(word)
            or word in _DUAL_DURATIONS or bare in _DUAL_DURATIONS or _is_number(word) or bare == "قرن"
            or is_dual(word)
            or bare in _DECADES or bare in COLOURS or bare in _REPORTING_VERBS or bare in _APPOINTING or bare in _JUDGING_VERBS or word == _AND
            or word in _HOUR_NOUNS or word in _RELATIVE_TIME or bare in _RELATIVE_TIME
            or _in(word, _PERIOD_PARTS) or _in(word, PERIODS) or word in _ABOUT or word in _SINCE or word in _THIS
            or starts_country(word)
            or _in(word, _WHOLE_UNITS)
            or word in _CALLED or bare in _IN_BUSINESS
            or starts_town(word) or (_is_definite(word) and is_nationality(word))
            or any(_in(word, vocab) for vocab in (_MONTHS, _TITLES, _HEADS, _KIN, _REASON_CUES,
                                                  _CAUSAL_VERBS)))


_PERCENT_SIGN_RE = re.compile(r"\s*[%٪]")  # «3.7 %»: the sign after a space, no word of its own
# Where Arabic letters and digits meet inside a word: a space the writer left out («في حدود3.7 %»,
# «ماي2017», «3.7بالمائة»). Not in Latin script, where a digit is part of a name («S7», «PHAB2»).
_GLUED_RE = re.compile(r"(?<=[\u0621-\u064a])(?=\d)|(?<=\d)(?=[\u0621-\u064a])")
_CLITICS = frozenset(("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "كال", "وبال", "ولل", "وب", "ول", "فب", "فل"))


# A decimal as the Tunisian news agency writes it, «ر» for the point and the fraction first: «9ر2 مليار
# دولار» is 2.9 billion, «5ر4 بالمائة» 4.5%. One number, not two.
_RA_DECIMAL_RE = re.compile(r"(\d+ر\d+)")
_NUMBER_UNIT_RE = re.compile(r"(\d+(?:[.,]\d+)?)([A-Za-z]+)")


def _tokens(passage: str) -> list[tuple[int, int, str]]:
    """The words of a passage as (start, end, normalised word), a word split where Arabic letters and
    digits meet, except after a clitic («ب20», «وال3» stay numbers) and in a decimal written with «ر»
    («9ر2»), and a figure from the Latin unit written on it («64GB»)."""
    out = []
    for m in WORD_RE.finditer(passage):
        word, start = m.group(), m.start()
        glued = _NUMBER_UNIT_RE.fullmatch(word)
        if glued and unit_kind(glued.group(2)):  # «64GB», «5km»: a figure and its unit written together
            out += [(start, start + len(glued.group(1)), glued.group(1)), (start + len(glued.group(1)), m.end(),
                                                                           _normalized(glued.group(2)))]
            continue
        merged: list[str] = []
        for part in _RA_DECIMAL_RE.split(word):
            for piece in ([part] if _RA_DECIMAL_RE.fullmatch(part) else _GLUED_RE.split(part)):
                if merged and piece[:1].isdigit() and _normalized(merged[-1]) in _CLITICS:
                    merged[-1] += piece
                elif piece:
                    merged.append(piece)
        for part in merged:
            out.append((start, start + len(part), _normalized(part)))
            start += len(part)
    return out


# A quantity's words before its number that say it is not exact: «أكثر من 30 مسيرة», «نحو 400 شخص»,
# «ما يزيد عن 3 آلاف»; the marked phrase must not claim exactly 30. As (words before, …) in order.
_QUALIFIERS = tuple(tuple(normalize_arabic(w) for w in q.split()) for q in (
    "ما لا يقل عن", "ما لا يقل على", "ما يزيد عن", "ما يزيد على", "ما يفوق", "ما يقارب", "ما يناهز",
    "أكثر من", "أقل من", "أزيد من", "أدنى من", "قرابة", "حوالي", "حوالى", "نحو", "زهاء", "يناهز", "يقارب"))
_APPROXIMATE_KINDS = frozenset(("count", "money", "percent", "measure", "duration", "age"))


_QUALIFIER_WORDS = frozenset(w for words_ in _QUALIFIERS for w in words_)


def quantity_start(span: Span) -> int:
    """Where a typed phrase's own words start, past the words that qualify a quantity («أكثر من 30»:
    the offset of «30»); `span.start` for a phrase with none."""
    for match in WORD_RE.finditer(span.text):
        word = normalize_arabic(match.group())
        if word not in _QUALIFIER_WORDS and _strip_clitic(word) not in _QUALIFIER_WORDS:
            return span.start + match.start()
    return span.start


def _qualified_from(tokens: list[tuple[int, int, str]], a: int, passage: str) -> int:
    """The first token of a quantity starting at token a, with the words before it that qualify it
    (`_QUALIFIERS`, the first maybe behind a clitic: «بأكثر من»), if they stand joined to it."""
    if not _is_number(tokens[a][2]):
        return a
    for words_ in _QUALIFIERS:
        first = a - len(words_)
        if first < 0 or any(_NAME_BREAK_RE.search(passage[tokens[k][1]:tokens[k + 1][0]]) for k in range(first, a)):
            continue
        said = [tokens[k][2] for k in range(first, a)]
        if said[1:] == list(words_[1:]) and words_[0] in (said[0], _strip_clitic(said[0])):
            return first
    return a


def _between_commas(tokens: list[tuple[int, int, str]], first: int, last: int, passage: str) -> bool:
    """Whether tokens first..last stand alone after a word and a comma, up to a comma or a colon, as news
    gives a person's age in apposition («احتفل كين هاريس، 102 عاما، مع زوجته…», «وقالت بت هاريس، 75
    عاما: "…"»)."""
    before = passage[:tokens[first][0]].rstrip()
    after = passage[tokens[last][1]:].lstrip()
    return first > 0 and before.endswith(("،", ",")) and after.startswith(("،", ",", ":"))


_ITEM_MARK_RE = re.compile(r"\s*[.)\-–]\s")  # «5. », «4- », «3) » after a list item's number
_ITEM_BEFORE = (".", "!", "?", "؟", ":", "…")


def _item_number(tokens: list[tuple[int, int, str]], i: int, j: int, passage: str) -> bool:
    """Whether the number at token i (alone, up to j) numbers a list item: one or two digits opening the
    text or a sentence, followed by «.», «-» or «)» and a space («5. يرحب بتصحيح موظفيه…», «4- الارتباط
    بالقطط!»). It counts nothing."""
    if j != i or not (tokens[i][2].isdigit() and len(tokens[i][2]) <= 2):
        return False
    before = passage[:tokens[i][0]].rstrip()
    return (not before or before.endswith(_ITEM_BEFORE)) and bool(_ITEM_MARK_RE.match(passage, tokens[i][1]))


# Ordinal words (either gender, «ال» or not) and the tens and teens words that end a compound ordinal
# («الثالث والعشرين», «الثاني عشر», «الحادية عشرة»), normalised; either may stand behind «و».
_ORDINAL_WORDS = frozenset(w for base in _norm_set("""أول ثاني ثالث رابع خامس سادس سابع ثامن تاسع حادي
    أولى ثانية ثالثة رابعة خامسة سادسة سابعة ثامنة تاسعة حادية""") for w in (base, "ال" + base))
_ORDINAL_TENS = _norm_set("عشر عشرة العشرين عشرين الثلاثين ثلاثين الأربعين أربعين الخمسين خمسين الستين ستين "
                          "السبعين سبعين الثمانين ثمانين التسعين تسعين")


def _ordinal_tens(tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Whether the number word at token i (alone) ends a compound ordinal begun by the word before it
    («المؤتمر الثالث والعشرين», «اللقب الثاني عشر»): a rank, not a count."""
    return j == i and i > 0 and _in_behind(tokens[i - 1][2], _ORDINAL_WORDS, "و") and _in_behind(
        tokens[i][2], _ORDINAL_TENS, "و")


@lru_cache(maxsize=4096)
def typed_spans(passage: str) -> tuple[Span, ...]:
    """The typed phrases of a passage (numbers with their units, dates, ages, money, names after a
    title or an organisation word, places after a place word), in order of position."""
    tokens = _tokens(passage)
    spans: list[tuple[str, int, int]] = []  # kind, first token, last token (inclusive)
    n = len(tokens)

    def following(k: int) -> str:
        """The word after token k, "" at punctuation or the end."""
        if k + 1 >= n or _NAME_BREAK_RE.search(passage[tokens[k][1]:tokens[k + 1][0]]):
            return ""
        return tokens[k + 1][2]

    appointing = False  # whether a name followed a word of appointing (`_APPOINTING`)
    i = 0
    while i < n:
        word = tokens[i][2]
        if not _starts_span(word):  # a new branch below that a word alone decides belongs there too
            i += 1
            continue
        nxt = tokens[i + 1][2] if i + 1 < n else ""
        nxt2 = tokens[i + 2][2] if i + 2 < n else ""
        if _is_weekday(word):
            spans.append(("date", i, i))
            i += 1
            continue
        bare = _strip_clitic(word)
        if bare == "قرن" and (nxt in _ORDINALS or _is_number(nxt) or _ROMAN_RE.fullmatch(nxt)):
            j = i + 1
            while j + 1 < n and tokens[j + 1][2] in _CENTURY_TAIL:
                j += 1
            spans.append(("date", i - 1 if i and _in(tokens[i - 1][2], _PERIOD_PARTS) else i, j))
            i = j + 1
            continue
        if bare in _DECADES:
            spans.append(("date", i - 1 if i and _in(tokens[i - 1][2], _PERIOD_PARTS) else i, i))
            i += 1
            continue
        if bare in COLOURS:
            spans.append(("colour", i, i))
            i += 1
            continue
        if word in _DUAL_DURATIONS or bare in _DUAL_DURATIONS:  # «يومين»: two days
            spans.append(("duration", i, i))
            i += 1
            continue
        if is_dual(word):  # «سفرتين أسبوعيتين»: two trips a week
            spans.append(("count", i, i))
            i += 1
            continue
        if _is_number(word):
            if _in_code(tokens, i, passage):
                i += 1
                continue
            j = i
            # A run of numbers («3 أو 4», «بين 10 و20»), not across punctuation («"بوكجوكسونغ 1" (أو…»,
            # «18% ( 7،1 د/كغ…»), nor ending on its link word.
            while ((following(j) and (_is_number(following(j)) or following(j) in _RANGE_WORDS)
                    and following(j) not in _PERCENT_CUES  # «5 بالمائة»: per hundred, not a hundred
                    and _continues_run(tokens, j, following(j)))
                   or _decimal_comma(tokens, j, passage)
                   or (following(j) in _DECIMAL_POINT_WORDS and j + 2 < n and tokens[j + 2][2].isdigit())):
                j += 1
            while j > i and tokens[j][2] in _RANGE_WORDS:
                j -= 1
            previous = tokens[i - 1][2] if i else ""
            unit = following(j)  # not across punctuation: «سنة 2015، بنسبة 8.9 بالمائة»
            unit2 = tokens[j + 2][2] if unit and j + 2 < n else ""  # «30 أ.د»: a dot may stand inside a unit
            recent = {t[2] for t in tokens[max(0, i - 4): i]}
            opened = passage[max(0, tokens[i][0] - 2): tokens[i][0]].strip().endswith("(")
            if j + 1 < n and "°" in passage[tokens[j][1]:tokens[j + 1][0]]:
                # «565 °C», «30 °F»: degrees, the scale's letter after the sign (the sign is no word)
                spans.append(("measure", i, j + (1 if tokens[j + 1][2] in ("c", "f") else 0)))
            elif _in(unit, _CURRENCIES):
                spans.append(("money", i, j + 1))
            elif unit in _AMOUNT_ABBREVIATIONS and unit2 == "د":  # «175 م د», «30 أ.د»: million / thousand dinars
                spans.append(("money", i, j + 2))
            elif (signed := tokens[j][2].endswith("%") or bool(_PERCENT_SIGN_RE.match(passage, tokens[j][1]))) \
                    or word.endswith("%") or _in(unit, _PERCENT_UNITS):
                # «40 أو 60%», «بين 10 و20%»: the sign after the last number of a run counts for all
                spans.append(("percent", i, j + (0 if signed else 1)))
            elif unit == "في" and unit2 in _HUNDRED:
                spans.append(("percent", i, j + 2))
            elif unit == "من" and unit2 == "كل" and j + 3 < n and _is_number(tokens[j + 3][2]):
                spans.append(("percent", i, j + 3))  # «أربعة من كل خمسة»: a share, as a percentage is
            elif (unit == "من" and unit2 == "الشهر" and j + 3 < n and word.isdigit() and 0 < int(word) <= 31
                  and (tokens[j + 3][2] in _CURRENT or tokens[j + 3][2] in _PERIOD_ADJECTIVES)):
                spans.append(("date", i, j + 3))  # «يوم 19 من الشهر الجاري»: a day of this month
            elif _in(unit, _MONTHS) or (unit == "من" and _in(unit2, _MONTHS)):
                # «5 مارس 2017», and a day of the month with «من»: «في الثلاثين من جوان الماضي», «الرابع
                # والعشرين من ديسمبر», «الحادي عشر من مارس» (the ordinal's units first)
                month = j + (1 if _in(unit, _MONTHS) else 2)
                after = tokens[month + 1][2] if month + 1 < n else ""
                spans.append(("date", _day_ordinal_start(tokens, i, passage),
                              month + (1 if after.isdigit() and len(after) == 4 else 0)))
            elif (_in(previous, DURATION_UNITS) and not _in(unit, _MONTHS) and not _is_year(word, previous)
                  and not any(c.isdigit() for c in word) and word[:1] not in "لب"):
                # «الأشهر الستة»: a number word after the unit; digits after it start a phrase of their own
                # («وسيشمل العقد 25 ألف من طالبي الشغل»: the contract, then a count), and so does a number
                # behind a preposition («في مرحلة دقيقة لستة أعضاء»: delicate, not a minute)
                spans.append(("duration", i - 1, j))
            elif (_in(unit, DURATION_UNITS) or _in(word, DURATION_UNITS)) and not (
                    unit in _YEAR_NOUNS and unit2.isdigit() and len(unit2) == 4):
                # «من قرابة 22 ألفًا سنة 2011»: the year of a count, not twenty-two thousand years
                has_unit = 1 if _in(unit, DURATION_UNITS) else 0
                unit3 = tokens[j + 3][2] if j + 3 < n else ""
                # «في سن ال40 لمدة 10 سنوات»: a period, however near the age
                is_age = unit in ("سنه", "عاما", "سنوات") and _strip_clitic(previous) not in _PERIOD_NOUNS and (
                    opened or bool(recent & _AGE_CUES) or previous in _OF_AGE or (unit2 == "من" and unit3 in _AGE_CUES)
                    or _between_commas(tokens, i, j + has_unit, passage))
                # «الأطفال الذين تجاوزوا سن 6 أشهر», «يبلغ من العمر 8 أشهر»: an infant's age, in months
                is_age = is_age or (unit in _MONTH_UNITS and (
                    _strip_clitic(previous) in _MONTH_AGE_CUES or previous in _OF_AGE
                    or (unit2 == "من" and unit3 in _AGE_CUES)))
                spans.append(("age" if is_age else "duration", i, j + has_unit))
                if is_age and opened and (name := _name_before_age(tokens, i, passage, spans)):
                    spans.append(("person", *name))
            elif _in(unit, _MEASURE_UNITS):
                spans.append(("measure", i, j + (2 if unit2 in _UNIT_SECOND_WORDS else 1)))  # «3500 ميلي أمبير»
            elif _is_year(word, previous, following(j), tokens[i - 2][2] if i >= 2 else ""):
                spans.append(("date", i, j))
            elif (j == i and _strip_clitic(previous) in _AGE_NOUNS and (digits := word.removeprefix("ال")).isdigit()
                  and 0 < int(digits) <= _OLDEST and (digits != word or _no_noun(following(j)))):
                spans.append(("age", i, i))  # «في عمر 38», «بسن 39», «في سن ال40»: an age with no unit
            elif (recent & _CLOCK_CUES and not _counted_after(following(j), recent)) or ":" in word:
                spans.append(("clock", i, j))
            elif _item_number(tokens, i, j, passage) or _ordinal_tens(tokens, i, j):
                i = j + 1  # «5. يرحب بتصحيح…», «المؤتمر الثالث والعشرين»: a list's item, an ordinal; no count
                continue
            else:
                spans.append(("count", i, j))
            i = max(j, spans[-1][2]) + 1
            continue
        if _is_month(word):
            j = i
            # «جوان 2016», «جانفي فيفري 2017»; not across a comma («…جوان 2016، 6 ملفات»: a count)
            while (j + 1 < n and (tokens[j + 1][2].isdigit() or _is_month(tokens[j + 1][2]))
                   and not passage[tokens[j][1]:tokens[j + 1][0]].strip()):
                j += 1
            spans.append(("date", _day_before_month(tokens, i, passage), j))
            i = j + 1
            continue
        if word in _HOUR_NOUNS and nxt:
            if _tells_hour(nxt):
                spans.append(("clock", i, i + (2 if nxt == "منتصف" and nxt2 else 1)))
                i += 2
                continue
        if (name := _name_after_nationality(tokens, i, passage)) is not None:
            if ("person", *name) not in spans:  # «الرئيس الأمريكي دونالد ترامب»: the title's name already
                spans.append(("person", *name))
            i = name[1] + 1
            continue
        if word in _CALLED and (name := _name_called(tokens, i, passage)):
            spans.append(("person", *name))
            i = name[1] + 1
            continue
        appoints = (bare in _APPOINTING and not (i and tokens[i - 1][2] == _ON)) or (word == _AND and appointing)
        judges = bare in _JUDGING_VERBS
        if ((appoints or judges or bare in _REPORTING_VERBS) and (name := _name_before_title(tokens, i, passage))
                and not (appoints and name[0] == name[1])
                and not (judges and not _COMMA_RE.match(passage, tokens[name[1]][1]))):
            # One word after «عين/كلف» is as often who appoints («كلف الشاهد وزير الداخلية…») or a body
            # («انتخاب البرلمان والرئيس») as who is appointed. «تسمية الهادي القديري، القاضي… و احمد
            # الحافي، القاضي…»: the next one of a list of appointments, after a lone «و».
            appointing = appointing or appoints
            spans.append(("person", *name))
            i = name[1] + 1  # the title after the name is typed next
            continue
        if (_in(word, _TITLES) or (bare in _IN_BUSINESS and nxt == "الاعمال")) and nxt and not _is_number(nxt) and not _is_ila(passage[tokens[i][0]:tokens[i][1]]) \
                and not (_strip_clitic(word) in _PRESS and not _is_definite(word)) \
                and not (_in(word, _CHARGED) and not _charged_official(tokens, i, passage)) \
                and not _in_behind(word, _LADY, "وفبل"):
            name = _name_after_title(tokens, i, passage)
            if name and ("person", *name) not in spans:  # «نائبة السكرتيرة الصحفي…، آنا كيلي،»: two titles, one name
                spans.append(("person", *name))
        elif _in(word, _KIN) and (name := _kin_named(tokens, i, passage)):
            spans.append(("person", *name))
            i = name[1] + 1
            continue
        elif _in(word, _ORG_HEADS) and (quoted := _ORG_QUOTE_RE.match(passage, tokens[i][1])):
            # «حزب "تونس البدائل"», «لجمعية "الدين الحق"», «صحيفة "فيلت ام زونتاج"»: the quoted name
            after = _first_after(tokens, i + 1, quoted.end())
            if after > i + 1:
                spans.append(("organisation", i + 1, after - 1))
        elif _in(word, _ORG_HEADS) and following(h := _past_general(i, following)) and not _function_word(
                following(h)) and (not _is_definite(word) or _goes_on_with_name(following(h))):
            # The head (with «العام» after it: «الاتحاد العام التونسي للشغل») and up to two words after it,
            # not across punctuation («المحكمة الدستورية"، مشيرا») nor a function word («الشركة السياحية
            # التي…»: a relative clause, no more of the name). Past the word a head without «ال» governs,
            # only words `_goes_on_with_name` says are more of it, and a word behind «ل» after an adjective
            # («اللجنة المنظمة لمونديال 2022»): «الوزارة ستصدر», «تعده الوزارة لتجريم الإعتداء», «المحكمة
            # الاقتصادية بتهمة» are the sentence going on.
            end = h + 1
            while end < min(n - 1, h + 2) and following(end) and not _function_word(following(end)) \
                    and not _time_word(following(end)) and (_goes_on_with_name(following(end)) or (
                        following(end)[:1] == "ل" and _is_definite(tokens[end][2]))):
                end += 1
            spans.append(("organisation", i, end))
        elif _in(word, _PLACE_HEADS) and (last := _town_after_nisba(tokens, i, following)) is not None:
            spans.append(("place", i + 2, i + 2 + last))  # «في العاصمة السورية دمشق»
            i += 3 + last
            continue
        elif _strip_clitic(word) in _CAPITAL and is_nationality(following(i)):
            spans.append(("place", i, i + 1))  # «تنعقد بالعاصمة الجزائرية»: a town, named by its country
            i += 2
            continue
        elif _in(word, _PLACE_HEADS) and _names_place(word, following(i)):
            spans.append(("place", i + 1, _place_name_end(tokens, i + 1, passage)))  # «بولاية سيدي بوزيد»
        elif (end := _country_end(tokens, i)) is not None:
            if _town_before_country(tokens, i, passage):
                if ("place", i - 1, i - 1) in spans:  # the town alone (`_town_at`): the longer phrase instead
                    spans.remove(("place", i - 1, i - 1))
                spans.append(("place", i - 1, end))  # «في بودابست بالمجر»: a town of the country
            spans.append(("country", i, end))  # «باتجاه إيطاليا»: a country named bare
            i = end + 1
            continue
        elif not _in(word, _PLACE_HEADS) and ("place", i, i) not in spans and (last := _town_at(tokens, i)) is not None:
            spans.append(("place", i, i + last))  # «في أنكوريج», «بصفاقس»: a town named bare (GeoNames)
            i += last + 1
            continue
        elif _in(word, _REASON_CUES) or (_in(word, _CAUSAL_VERBS) and nxt in _BACK_REFERENCES):
            spans.append(("reason", i, min(n - 1, i + 5)))
        elif _in(word, _PERIOD_PARTS) and nxt in PERIODS:
            spans.append(("relative_date", i, i + 1))
        elif _in(word, _WHOLE_UNITS) and nxt in _WHOLE:
            spans.append(("duration", i, i + 1))  # «سنة كاملة»: one whole unit of time
            i += 2
            continue
        elif (word in _SINCE and nxt in _SINGLE_UNITS
              and not (nxt2[:1].isdigit() or nxt2 in _MONTHS or nxt2 in _WEEKDAYS or nxt2 in _HIJRI_MONTHS
                       or nxt2 in _WHOLE)):
            # «يشهد هبوطا حادا منذ أسبوع»: one unit of time gone by (not «منذ سنة 2015», «منذ شهر رمضان»)
            spans.append(("duration", i + 1, i + 1))
            i += 2
            continue
        elif word in _ABOUT and _in(nxt, _SINGLE_UNITS) and not (
                word == _WITHIN and (_is_definite(nxt) or nxt2.isdigit())) and not (  # «في غضون الأسبوع القادم», «…سنة 2018»
                nxt in _HOUR_NOUNS and _tells_hour(nxt2)):  # «حوالي الساعة التاسعة مساء»: about when, not how long
            # «قرابة الساعة», «حوالي ساعة», «لمدة أسبوع»: one unit of time, about or for
            spans.append(("duration", i, i + 1))
            i += 2
            continue
        elif (word in _THIS and nxt in PERIODS) or (_in(word, PERIODS) and nxt in _CURRENT):
            spans.append(("current_period", i, i + 1))
            i += 2
            continue
        elif _in(word, PERIODS) and nxt in _PERIOD_ADJECTIVES:
            # «الأسبوع المقبل», «العام الماضي»: a period named relative to now, one phrase
            spans.append(("relative_date", i, i + 1))
            i += 2
            continue
        elif (word in _RELATIVE_TIME or _strip_clitic(word) in _RELATIVE_TIME) and nxt != _ONE_DAY:
            # «في اليوم الواحد» is per day, not today
            spans.append(("relative_date", i, i))
        i += 1
    # Every year also stands alone (inside a date or not): what «في أي سنة…؟» asks for.
    out = [Span("year", s, e, passage[s:e]) for k, (s, e, w) in enumerate(tokens)
           if _is_year(w, tokens[k - 1][2] if k else "", following(k), tokens[k - 2][2] if k >= 2 else "")]
    out += [Span("quoted", m.start(1), m.end(1), m.group(1)) for m in _QUOTED_RE.finditer(passage)
           if 1 <= len(WORD_RE.findall(m.group(1))) <= _QUOTED_WORDS]
    out += [Span("score", m.start(), m.end(), m.group()) for m in _SCORE_RE.finditer(passage)]
    out += [Span("nationality", s, e, passage[s:e]) for k, (s, e, w) in enumerate(tokens)
            if is_nationality(w) and not (k and _in(tokens[k - 1][2], _INSTITUTIONS))]
    out += [Span("penalty", m.start(), m.end(), m.group()) for m in _PENALTY_RE.finditer(passage)]
    if _ARABIC_RE.search(passage):  # in Arabic prose, words in Latin script name something
        out += [Span("quoted", m.start(), m.end(), m.group()) for m in _LATIN_RUN_RE.finditer(passage)]
    for kind, a, b in spans:
        b = max(a, min(b, n - 1))
        if kind == "person" and a == b and _ordinary_lone_word(tokens[a][2]):
            continue  # «أطلق رئيس بلدية المدينة نداء…», «ونقلت تاس عن وزير الدفاع قوله…»: no one's name
        qualified = _qualified_from(tokens, a, passage) if kind in _APPROXIMATE_KINDS else a
        if kind == "duration" and any(_in(t[2], _ELAPSED_CUES) for t in tokens[max(0, a - _ELAPSED_REACH): a]):
            kind = "elapsed"
        start, end = tokens[qualified][0], tokens[b][1]
        if qualified < a:  # «بأكثر من 12 بالمائة»: the qualifier without its clitic
            start += len(tokens[qualified][2]) - len(_strip_clitic(tokens[qualified][2]))
        lead = 0
        while lead < 3 and passage[start + lead: start + lead + 1] in _NUMBER_CLITICS | {"ـ"}:
            lead += 1  # «بـ20»: a tatweel may join the clitic to the digits
        first_word = tokens[qualified][2]
        if lead and (passage[start + lead: start + lead + 1].isdigit()
                     or (qualified == a and first_word not in _NUMBER_WORDS and first_word[lead:] in _NUMBER_WORDS)):
            start += lead  # «و3500 دينار», «ب135 مليون دينار», «لستة»: the conjunction or preposition is no part of it
        out.append(Span(kind, start, end, passage[start:end]))
    return tuple(sorted(out, key=lambda span: span.start))
