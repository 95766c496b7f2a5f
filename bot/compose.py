"""Composing the extractive answer: at most two passages of the article, trimmed around what matches,
with the phrase that answers marked (`highlight`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.answer import Source
from bot.answer_type import (CHECKABLE, CLAUSE_END_RE, COUNTED_NOUN_WORDS, QUANTITY_KINDS, Span, asks_until,
                             asks_weekday, asks_where, asks_who_is, holder_spans, in_asked, in_units, is_fraction,
                             located_in_town, looks_ahead, matching_spans, name_spans, numbered_spans,
                             places_behind_li, same_noun, says_again, spans_of_kinds, speaks_of_future, type_match,
                             typed_spans, vague_quantity, weekdays_named, which_noun, written_on)
from bot.question import QuestionInfo
from bot.saying import reports_saying, says_unnamed
from index.chunks import PASSAGE_OVERLAP, SENTENCE_END
from index.normalize import STOPWORDS, normalize_arabic, term_groups, tokenize
from index.phrases import (DURATION_UNITS, PERIODS, WORD_RE, counted_accusative, is_calendar_date, is_ordinary_word,
                           names_day, quantity_start)
from index.retriever import Hit
from index.split import split_sentences

MAX_ANSWER_CHARS = 300
MAX_SOURCE_CHARS = 600
# A runner-up this close to the best passage is shown with it: the ranking cannot tell them apart.
RUNNER_UP_RATIO = 0.8
# The sentence next door in the same paragraph often finishes what the best one starts («وانتهى ذلك
# الاجتماع…»): it is added on a lower bar than a runner-up from elsewhere (reader probabilities).
NEIGHBOUR_MIN = 0.2
NEIGHBOUR_RATIO = 0.25
# A second passage that does not fit whole beside the best one is cut around the words that match the
# question (`trim`) when at least this many characters are left for it; less says too little.
MIN_SECOND_CHARS = 100
# How far past the centre of the question's words a cut with no phrase to keep is centred (`trim`), in words.
ANSWER_AFTER_WORDS = 4
# The room a speaker's sentence put before the answer may take at least (`_speaker_before`), in characters:
# the name and a few words around it; the answer is cut to what is left.
SPEAKER_CHARS = 120
NAME_CONTEXT_CHARS = 20  # a few words around the name: where the answer leaves that much room, it is not cut
# Question types whose answer is a phrase worth marking.
HIGHLIGHTED = frozenset(("age", "clock", "percent", "money", "duration", "lasting", "measure", "count", "number",
                         "date", "since", "year", "person", "place", "organisation", "colour", "score",
                         "nationality", "penalty"))


def bounded(text: str, limit: int = MAX_SOURCE_CHARS) -> str:
    """A text cut to at most `limit` characters at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def gist_answer(lead: Hit) -> str:
    """What an article is about: its title and its lead («title: lead»), at most MAX_ANSWER_CHARS; the
    lead alone when the title is its first words (the default title of an article given none)."""
    title = str(lead.document.metadata.get("article") or "").strip()
    text = lead.document.page_content
    if title and not normalize_arabic(text).startswith(normalize_arabic(title).rstrip("… ")):
        text = f"{title}: {text}"
    return bounded(text, MAX_ANSWER_CHARS)


def source_of(hit: Hit, score: float) -> Source:
    """The `Source` record of a retrieved passage (its text bounded)."""
    meta = hit.document.metadata
    return Source(text=bounded(hit.document.page_content), score=round(score, 4), source=meta["ref"],
                  article=meta["article"], date=meta.get("date"))


def which_nouns(info: QuestionInfo) -> tuple[str, ...] | None:
    """The noun a which-question asks about, with its synonyms where it is a kind of named place or body
    («في أي مجلة…؟» → («مجله», «دوريه»)); None for another question."""
    return info.named_kind or ((noun,) if (noun := which_noun(info.text)) else None)


def best_span(info: QuestionInfo, passage: str, phrases: Sequence[Span] | None = None) -> Span | None:
    """The phrase of a passage that answers the question's type, nearest to the question's words;
    None when the type is not a phrase kind or the passage has none (phrases the question itself
    contains are not answers). `phrases`: the passage's typed phrases when already known."""
    if info.kind == "other" and not info.asks_name and (noun := which_noun(info.text)):
        # «أي فصل من الدستور…؟» is answered by the chapter's number: «الفصل 148».
        numbered = [s for s in numbered_spans(noun, passage) if not says_again(s.text, info.asked)]
        if numbered:
            return numbered[0]
    if info.kind == "other" and not info.asks_name and (nouns := which_nouns(info)):
        # «في أي جامعة تدرّس…؟», «ما الجامعة التي…؟» over «…بجامعة منوبة»: the name the noun asked heads.
        phrases = typed_spans(passage) if phrases is None else phrases
        headed = [s for s in headed_by(nouns, phrases) if not says_again(s.text, info.asked)]
        if headed:
            return headed[0]
    if (info.kind not in HIGHLIGHTED and not info.asks_name) or asks_who_is(info.text):
        return None  # «من هي آنا كيلي؟» asks for her role, not for another name
    phrases = typed_spans(passage) if phrases is None else phrases
    spans = (name_spans(info.asks_name, phrases, info.asked, info.name_noun) if info.asks_name  # «ما اسم…»
             else matching_spans(info.checked_kind, phrases, info.asked))
    if info.asks_name == "any" and info.name_noun is not None:
        # «ما اسم المخبز…؟» is not answered by «…حسبما ذكر موقع "العربية"»: a quoted name is the asked
        # noun's only right after it («…في برنامج "بوليتيكا"»).
        spans = [s for s in spans if not (s.kind == "quoted" or _after_quote(passage, s.start))
                 or _noun_before(passage, s, info.name_noun)]
    # «من قالت إن ترامب…؟» is not answered by a name the question gives, nor by one that starts or ends
    # with it («دونالد ترامب»).
    spans = [s for s in spans if not (s.kind == "person" and any(
        in_asked(w, info.asked) for w in _end_words(s.text))) and not says_again(s.text, info.asked)
        and not (s.kind in _NAMED_KINDS and _says_again_but_numbers(s.text, info.asked))]
    if info.counts:
        spans = [s for s in spans if not is_fraction(s)]  # «كم عدد الوفيات؟» not by «نصف الأطفال»
    if info.nationality is not None and info.kind == "person":
        # "Who is the president of Russia?" over «…الرئيس الأمريكي دونالد ترامب… الرئيس الروسي فلاديمير
        # بوتين»: the one named right after that nationality's role, where the passage has one.
        held = holder_spans(info.nationality, passage, phrases)
        spans = [s for s in spans if s in held] or spans
    if info.town or (info.kind == "place" and located_in_town(info.text)):
        # «أين ستقام العروض في سوسة؟» is not answered by «تونس», the country Sousse is in.
        spans = [s for s in spans if s.kind != "country"]
    if info.kind == "place" and asks_where(info.text):
        # «أين ستعقد القمة؟» is not answered by «الاجتماعات الأولية للولايات المتحدة» (for the US).
        behind_li = places_behind_li(spans)
        spans = [s for s in spans if s not in behind_li]
    if not spans:
        return None
    if info.checked_kind == "date":
        # «هذا الأسبوع» competes with the dates a passage gives, nearest the question's words first, but
        # never makes a date of its own: the type checks do not count it (a passage about «متى تأسست…؟»
        # that only says «هذا الأسبوع» does not answer it).
        spans += spans_of_kinds(("current_period",), phrases, info.asked)
    # What a how-many question counts («كم عدد الأطفال…؟», «كم دراجة…؟»): which count to mark, and no anchor.
    noun = info.counts or (info.how_many if info.kind in QUANTITY_KINDS else None)
    anchors = _anchors(info, passage, noun)
    offsets = _word_offsets(passage)

    def word_at(offset: int) -> int:
        return sum(1 for o in offsets if o < offset)

    def distance(span: Span) -> int:  # from the quantity itself: «قرابة 22 ألفا» is as near as «22 ألفا»
        at = word_at(quantity_start(span))
        # «…ب1200 مليم على المستوى الوطني و1800 مليم على مستوى دول المغرب»: a phrase after «و» starts an
        # item of its own, and the words right before it belong to the item before.
        joined = _AFTER_AND_RE.search(passage, 0, quantity_start(span)) is not None
        return min((abs(at - a) + (AND_GAP if joined and a < at else 0) for a in anchors), default=0)

    def ahead_of_teams(span: Span) -> bool:
        """A score before every word of the question: in a list of results («أ – ب 1 - 2 ج – د 2 - 1») a
        score follows its match's teams."""
        return bool(anchors) and word_at(span.start) < anchors[0]

    counted = noun if info.kind in QUANTITY_KINDS else None

    def reach(span: Span) -> int:  # «كم عدد المفقودين؟»: a count of them may name them a few words on
        return COUNTED_NOUN_WORDS if info.counts and span.kind == "count" else 1

    day = info.kind == "date" and info.day
    weekday = info.kind == "date" and asks_weekday(info.text)
    bound = _bound_asked(info) if info.kind == "date" else _reach_asked(info) if info.kind in QUANTITY_KINDS else None
    cues = {s: _bound_before(passage, s.start) for s in spans} if bound else {}
    if bound and not {"start", "end"} <= set(cues.values()) and not (asks_until(info.text) and "end" in cues.values()):
        # No range of dates in the passage («بداية من سنة 2018» alone): nearness decides. «إلى متى…؟» asks
        # for the end alone («…استأنفوا احتجاجاتهم اليوم الاثنين… إلى غاية يوم الجمعة 28 أفريل»).
        bound = None
    # A figure before a word for many («12 دولة» before «عدة دول»), a penalty with its amount or time
    # before a bare one («وتغريمه ب5000 دينار» before «ايقاف»), then the nearest.
    # A clock time answers «متى…؟» only where no date does («حوالي الساعة التاسعة مساء»).
    best = min(spans, key=lambda s: (info.kind == "date" and s.kind == "clock",
                                     _other_unit(info, s), _not_a_person(info, s), _time_for_a_measure(info, s),
                                     _titles_a_person(info, s, phrases, passage),
                                     info.kind == "score" and ahead_of_teams(s),
                                     vague_quantity(s.text), info.kind == "penalty" and " " not in s.text.strip(),
                                     info.calendar and not is_calendar_date(s.text),
                                     weekday and not weekdays_named(s.text),
                                     day and s.kind != "relative_date" and not names_day(s.text),
                                     bound is not None and cues[s] != bound,
                                     counted is not None and not counts_noun(counted, passage, s, reach(s)),
                                     distance(s), s.start))
    return _without_asked_lead(_with_its_weekday(best, phrases, passage), info.asked)


def _after_quote(passage: str, start: int) -> bool:
    """Whether a phrase starting at offset `start` comes right after an opening quote, spaces allowed
    between («صحيفة "واشنطن بوست"»): a quoted name, whatever kind the typed phrases gave it."""
    return passage[:start].rstrip().endswith(('"', "«", "“"))


def _noun_before(passage: str, span: Span, noun: str) -> bool:
    """Whether one of the two words right before a phrase is a form of a normalised noun (`same_noun`):
    «برنامج "بوليتيكا"», «فيلمه "الخروج"» for «البرنامج», «الفيلم»."""
    before = WORD_RE.findall(normalize_arabic(passage[max(0, span.start - 60):span.start]))[-2:]
    return any(same_noun(word.removeprefix("ال"), noun.removeprefix("ال")) for word in before)


def counts_noun(noun: str, text: str, span: Span, reach: int = 1) -> bool:
    """Whether a number phrase of a text counts a normalised noun («كم دراجة نارية…؟» over «حجز 7 سيارات
    و20 دراجة نارية»): the noun right after it, in any number, or up to `reach` words on («نحو 220 آخرين
    في عداد المفقودين») when the word right after it is no other noun it counts, with no number or clause
    end between them."""
    for i, after in enumerate(WORD_RE.finditer(text, span.end)):
        word = normalize_arabic(after.group())
        if same_noun(noun, word):
            return True
        if (i == reach - 1 or word[-1:].isdigit() or (i == 0 and counted_accusative(word))
                or CLAUSE_END_RE.search(text, span.end, after.start())):
            return False
    return False


_HEADED_KINDS = frozenset(("organisation", "place"))
_NAMED_KINDS = frozenset(("person", "organisation", "place", "country"))
_DIGITS_RE = re.compile(r"[0-9٠-٩]+")


def _says_again_but_numbers(text: str, asked: frozenset[str]) -> bool:
    """Whether a name repeats the question's words but for a number («الإتحاد المنستيري 29» in a table of
    standings, for «من سجل هدف الإتحاد المنستيري؟»): no other name to mark."""
    bare = " ".join(_DIGITS_RE.sub(" ", text).split())
    return bool(bare) and bare != text.strip() and says_again(bare, asked)


# «و» (with «ب/ل» after it, glued or alone) right before a phrase, and how much farther that puts the
# question's words before it (in words): past the whole item before, whose qualifier they are.
_AFTER_AND_RE = re.compile(r"(?:^|[\s،,(])و[بل]?\s*$")
AND_GAP = 8


def headed_by(nouns: Sequence[str], phrases: Sequence[Span]) -> list[Span]:
    """The organisations and places of a passage whose first word is one of the normalised `nouns`
    (without «ال») and whose second is a proper name, as spans without the preposition or conjunction
    written on it: «بجامعة منوبة» → «جامعة منوبة» for «جامعه»."""
    out = []
    for span in phrases:
        words = span.text.split()
        if span.kind not in _HEADED_KINDS or len(words) < 2:
            continue
        lead = written_on(normalize_arabic(words[0]), nouns)
        if lead is not None and _proper_name(words[1]):
            out.append(Span(span.kind, span.start + len(lead), span.end, span.text[len(lead):]))
    return out


def _proper_name(word: str) -> bool:
    """Whether a word after an organisation's or a place's head names it («جامعة منوبة», «شركة باير»,
    «صحيفة Welt»), not describes it («حزب جديد», «القناة الفرنسية», «وزارة الصحة»): in Latin script, or
    neither definite nor an ordinary word of the language (`index.phrases.is_ordinary_word`)."""
    if word.isascii():
        return word[:1].isalpha()
    folded = normalize_arabic(word)
    return not folded.startswith("ال") and not is_ordinary_word(folded)


_END_VERBS = frozenset(normalize_arabic(w) for w in """ينتهي تنتهي سينتهي ستنتهي يختتم تختتم سيختتم ستختتم
    ينقضي تنقضي""".split())
_START_VERBS = frozenset(normalize_arabic(w) for w in """يبدأ تبدأ سيبدأ ستبدأ ينطلق تنطلق سينطلق ستنطلق""".split())
_END_CUES = frozenset(normalize_arabic(w) for w in "إلى حتى غاية لغاية".split())
_START_CUES = frozenset(normalize_arabic(w) for w in "من بداية ابتداء انطلاقا".split())
_DAY_WORDS = frozenset(normalize_arabic(w) for w in "يوم اليوم".split())


def _bound_asked(info: QuestionInfo) -> str | None:
    """"end" for «متى ينتهي…؟» and «إلى متى…؟», "start" for «متى يبدأ…؟», else None."""
    words = _bare_words(info)
    return "end" if words & _END_VERBS or asks_until(info.text) else "start" if words & _START_VERBS else None


def _bare_words(info: QuestionInfo) -> set[str]:
    """A question's normalised words without «و/ف» before them."""
    return {w.lstrip("وف") for w in WORD_RE.findall(normalize_arabic(info.text))}


# Verbs of reaching or moving to an amount: «كم قد يصل سعر الكيس؟» over «ارتفاع سعر الكيس من 7.5 دينار إلى 13
# دينارا» asks the amount it goes to.
_REACH_VERBS = frozenset(normalize_arabic(w) for w in """يصل تصل سيصل ستصل وصل وصلت يرتفع ترتفع سيرتفع سترتفع
    ارتفع ارتفعت ينخفض تنخفض سينخفض ستنخفض انخفض انخفضت يتراجع تتراجع تراجع تراجعت""".split())


def _reach_asked(info: QuestionInfo) -> str | None:
    """"end" for a how-much question asking what an amount reaches or moves to («كم قد يصل…؟»), else None."""
    return "end" if _bare_words(info) & _REACH_VERBS else None


def _bound_before(passage: str, start: int) -> str | None:
    """Whether a date starting at offset `start` opens a range («بداية من يوم الاثنين…») or closes it («إلى غاية
    يوم الاربعاء…»): the cue among the three words before it, past «يوم»; None without one."""
    for word in reversed(WORD_RE.findall(normalize_arabic(passage[max(0, start - 40):start]))[-3:]):
        if word in _DAY_WORDS:
            continue
        if word in _END_CUES:
            return "end"
        if word in _START_CUES:
            return "start"
    return None


def closes_range(text: str, phrase: str) -> bool:
    """Whether a marked phrase of a text comes right after a cue that ends a range («…إلى غاية يوم الجمعة
    28 أفريل»): the end of something going on, to come when it is not before the report's day."""
    at = text.find(phrase)
    return at >= 0 and _bound_before(text, at) == "end"


def _with_its_weekday(span: Span, phrases: Sequence[Span], passage: str) -> Span:
    """A relative day and the weekday right after or before it as one phrase («عشية اليوم الأربعاء»: «اليوم
    الأربعاء», not «اليوم» alone), and a weekday with the date of the calendar right after it («يوم الاثنين
    27 مارس 2017», not «الاثنين» alone); any other phrase as it is."""
    for other in phrases:
        pair = sorted((span, other), key=lambda s: s.start)
        if other is span or passage[pair[0].end:pair[1].start].strip():
            continue
        kinds = {s.kind for s in pair}
        relative_day = kinds == {"relative_date", "date"} and names_day(
            pair[1 if pair[0].kind == "relative_date" else 0].text)
        weekday_then_date = (kinds == {"date"} and names_day(pair[0].text) and not is_calendar_date(pair[0].text)
                             and is_calendar_date(pair[1].text))
        if relative_day or weekday_then_date:
            return Span(span.kind, pair[0].start, pair[1].end, passage[pair[0].start:pair[1].end])
    return span


# Kinds of phrase that may open with a number word the question says («ما سعة البرميل الواحد؟» over
# «…سعة البرميل الواحد 100 كلغ»): the mark starts after it.
_QUANTITIES = frozenset(("count", "money", "percent", "measure", "duration", "age", "elapsed"))


def _without_asked_lead(span: Span, asked: frozenset[str]) -> Span:
    """A quantity's phrase without the words at its start that the question says (one word at least is
    kept), its offsets moved with it."""
    if span.kind not in _QUANTITIES:
        return span
    found = list(WORD_RE.finditer(span.text))
    k = 0
    while k < len(found) - 1 and normalize_arabic(found[k].group()) in asked:
        k += 1
    if not k:
        return span
    cut = found[k].start()
    return replace(span, start=span.start + cut, text=span.text[cut:])


_AGE_WORDS = frozenset(tokenize("عمر سن"))  # the words that only say an age is asked


def _anchors(info: QuestionInfo, passage: str, counted_noun: str | None = None) -> list[int]:
    """The word positions of the passage where the question's rarest word there stands: «متى ستعقد
    الجلسة الثالثة؟» over a sentence naming three sessions and their days is anchored at «الثالثة»,
    said once, not at each «الجلسة». All the question's words when none is rarer than another."""
    terms = set(info.terms)
    if info.kind == "age" and terms - _AGE_WORDS:
        terms -= _AGE_WORDS  # «كم عمر الطفل محمد؟»: whose age, not «من العمر» beside another's
    if counted_noun is not None and terms - (counted := set(tokenize(counted_noun))):
        # «كم عدد الأطفال الموجودين في سجن معيتيقة؟»: which children, not the noun every count of them
        # stands by («…وجود 14 طفلا تونسيا بسجن معيتيقة… جنسية 5 أطفال آخرين»).
        terms -= counted
    found: dict[str, list[int]] = {}
    for i, word in enumerate(passage.split()):
        for term in terms & set(tokenize(word)):
            found.setdefault(term, []).append(i)
    fewest = min((len(at) for at in found.values()), default=0)
    return sorted(i for at in found.values() if len(at) == fewest for i in at)


def _time_for_a_measure(info: QuestionInfo, span: Span) -> bool:
    """Whether a measure question's span is a time: «كم تبعد ليفن عن العاصمة؟» may be answered in hours
    by car, but a distance in the passage («على بعد 25 كيلومترا… حوالي الساعة الواحدة») comes first."""
    return info.kind == "measure" and span.kind == "duration"


def _not_a_person(info: QuestionInfo, span: Span) -> bool:
    """Whether a who-question's span names no person: «من يرأس الهيئة؟» is answered by the name after a
    title, before any organisation the passage also names («بمجلس نواب الشعب»). Not for a question
    asking for a name of another kind («ما اسم المنصة…؟»)."""
    return info.kind == "person" and info.asks_name in (None, "person") and span.kind != "person"


def _titles_a_person(info: QuestionInfo, span: Span, phrases: Sequence[Span], passage: str) -> bool:
    """Whether a where-question's place is part of a person's title, right before their name («ممثل
    البنك العالمي في تونس عبد الله ساي»): where the office is, not where the event asked about was."""
    return info.kind == "place" and any(
        p.kind == "person" and p.start > span.end and not passage[span.end:p.start].strip() for p in phrases)


def _other_unit(info: QuestionInfo, span: Span) -> bool:
    """Whether a span is in none of the units the question asks in («شهرين» for «كم ساعة…؟»)."""
    return bool(info.units) and not in_units(info.units, span.text)


def _behind(info: QuestionInfo, text: str, span: Span) -> bool:
    """Whether a question about something to come («أين ستُعقد القمة المرتقبة؟») has its phrase in a
    sentence that speaks of nothing to come («…عقد ترامب آخر قمة… في أنكوريج»)."""
    return looks_ahead(info.text) and not speaks_of_future(text, span.text)


def _end_words(text: str) -> tuple[str, ...]:
    """A name's first word and its last unless a function word («علي» folds to «على»), normalised."""
    found = WORD_RE.findall(normalize_arabic(text))
    return (found[0], *(found[-1:] if len(found) > 1 and found[-1] not in STOPWORDS else ())) if found else ()


def _word_offsets(text: str) -> list[int]:
    offsets, at = [], 0
    for word in text.split(" "):
        offsets.append(at)
        at += len(word) + 1
    return offsets


def trim(sentence: str, info: QuestionInfo, limit: int = MAX_ANSWER_CHARS, keep: Span | None = None) -> str:
    """A long passage cut to the window of words (at most `limit` characters) that holds the most of
    the question's words and the phrase `keep`; short passages as they are."""
    if len(sentence) <= limit:
        return sentence
    tokens, offsets = _glued(sentence.split(" "), _word_offsets(sentence))
    terms = set(info.terms)
    keep = keep or best_span(info, sentence)
    weight = [1.0 if terms & set(tokenize(t)) else 0.0 for t in tokens]
    anchored = keep is not None
    if keep is not None:
        for i, o in enumerate(offsets):
            if keep.start <= o < keep.end or o <= keep.start < o + len(tokens[i]):
                weight[i] += 3.0
    elif nouns := which_nouns(info):
        # «لأي إذاعة أدلى…؟» over «وأضاف في مقابلة مع راديو (ار.تي.ال) "…"» with no name typed: the noun asked
        # about, which the name follows, is what the window must hold.
        for i, token in enumerate(tokens):
            if any(written_on(word, nouns) is not None for word in WORD_RE.findall(normalize_arabic(token))):
                weight[i] += 3.0
                anchored = True
    total = sum(weight)
    centre = sum(i * w for i, w in enumerate(weight)) / total if total else 0.0
    if not anchored and total:
        # Nothing to keep: what answers mostly follows the words the question repeats («…وتحميل الكلفة على
        # الصندوق العام للتعويض» for «على عاتق أي جهة ستقع كلفة…؟»), so a cut leaves a few words after them.
        centre += ANSWER_AFTER_WORDS
    windows = []  # (score, start, end): the longest window from each start
    end, size, score = 0, 0, 0.0
    for start in range(len(tokens)):
        while end < len(tokens) and size + len(tokens[end]) + 1 <= limit - 2:
            size += len(tokens[end]) + 1
            score += weight[end]
            end += 1
        if end == start:  # a single word longer than the limit
            return bounded(sentence, limit)
        if end == len(tokens) and windows and windows[-1][2] == end:
            break  # later starts only give shorter windows of the same end («…72 عاما.» alone)
        windows.append((score, start, end))
        size -= len(tokens[start]) + 1
        score -= weight[start]
    top = max(w[0] for w in windows)
    # Of the windows holding the most, the one centred on what matches.
    best = min((w for w in windows if w[0] == top), key=lambda w: abs((w[1] + w[2] - 1) / 2 - centre))
    _, start, end = best
    text = " ".join(tokens[start:end]).strip(" ،,؛;:")
    return ("…" if start > 0 else "") + text + ("…" if end < len(tokens) else "")


_LONE_CLITICS = frozenset(("و", "ف", "ب", "ل", "ك"))


def _glued(tokens: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    """Words and their offsets with a conjunction or preposition written apart («و دوَّنَ مورينيو») joined
    to the word after it, so that no cut separates them."""
    out_tokens: list[str] = []
    out_offsets: list[int] = []
    i = 0
    while i < len(tokens):
        if tokens[i] in _LONE_CLITICS and i + 1 < len(tokens):
            out_tokens.append(f"{tokens[i]} {tokens[i + 1]}")
            out_offsets.append(offsets[i])
            i += 2
        else:
            out_tokens.append(tokens[i])
            out_offsets.append(offsets[i])
            i += 1
    return out_tokens, out_offsets


# «هذا العام», «تلك الفترة» point at a time, not back at something the sentence before names.
_TIME_WORDS = PERIODS | {normalize_arabic("ال" + w) for w in DURATION_UNITS} | {
    normalize_arabic(w) for w in "اليوم الفترة الصباح المساء الليلة الأثناء الوقت المرحلة".split()}
# A demonstrative before a definite noun («إلى هذين البلدين», «هذا العمل المسرحي») refers back.
_ANAPHOR_RE = re.compile(r"(?<!\w)[وفب]?(?:هذا|هذه|هذين|هاتين|هذان|هاتان|هؤلاء|ذلك|تلك|أولئك)\s+(ال\w+)")


def _beside(best: Hit) -> tuple[str, str]:
    """The text of the best passage's neighbours in its paragraph (`Hit.window_text`): what stands
    before it and what after it, each "" when nothing does (or the window does not hold it)."""
    window, own = best.window_text, best.document.page_content
    at = window.find(own)
    return (window[:at].strip(), window[at + len(own):].strip()) if at >= 0 else ("", "")


def _rest_of_sentence(best: Hit) -> str:
    """For a window of a long sentence (`index.chunks.passages`), the words of the sentence after it: the
    next window without the words the two share; "" for a whole sentence or the last window."""
    if not best.document.metadata.get("part"):
        return ""
    own, after = best.document.page_content.split(), _beside(best)[1].split()
    for shared in range(min(PASSAGE_OVERLAP, len(own), len(after)), 0, -1):
        if own[-shared:] == after[:shared]:
            return " ".join(after[shared:])
    return ""


def _referent_before(best: Hit) -> str | None:
    """The sentence before the best one in its paragraph, when the best one points back at something
    with a demonstrative («سيسافر رضا مامي إلى هذين البلدين…» does not say which countries) and the
    two fit in an answer; else None. (+1 answer on news_dev and news_train each, none lost on any set.)"""
    own = best.document.page_content
    before, _ = _beside(best)
    if not before or not _points_back(own):
        return None
    return before if len(before) + len(own) + 1 <= MAX_ANSWER_CHARS else None


# «ويعود ذلك إلى…», «وذلك بسبب…» (normalised): a sentence that opens with the cause of what the one
# before it says.
_CAUSE_OPENING_RE = re.compile(
    r"^\W*(?:[وف]?(?:يعود|تعود|يعزي|تعزي|يرجع|ترجع|مرد|مرده)\s+(?:ذلك|هذا|هذه)"
    r"|[وف]?(?:ذلك|هذا)\s+(?:بسبب|لان|لانه|لانها|نظرا|نتيجه|جراء|بفعل))(?!\w)")


def _cause_after(info: QuestionInfo, best: Hit) -> str | None:
    """For a why-question whose best passage gives no cause, the rest of its sentence when the passage is
    a window of a long one and the rest gives a cause, or the sentence after it in its paragraph when that
    sentence opens with the cause of what the best one says («…تراجعت القيمة المضافة…» then «ويعود ذلك إلى
    التراجع المتواصل في استخراج النفط…»); else None."""
    if info.kind != "reason" or type_match("reason", best.passage_phrases(), info.asked):
        return None
    rest = _rest_of_sentence(best)
    if rest and type_match("reason", typed_spans(rest), info.asked):
        # the cause later in the same long sentence («…وعلى صندوق الدعم باعتبار أن أغلب المواد… موردة»)
        return rest
    _, after = _beside(best)
    return after if after and _CAUSE_OPENING_RE.match(normalize_arabic(after)) else None


def _fact_beside(info: QuestionInfo, best: Hit, text: str) -> tuple[str, str] | None:
    """For a question asking for a checkable kind of phrase (a duration, a date, an amount…) that the
    answer `text` made of the best passage lacks: that text joined with the sentence beside it in its
    paragraph that holds such a phrase, in the unit asked for if any (the phrase marked), cut around it
    if need be, where one of the two points back at the other with a demonstrative: the sentence after
    («…آخر قمة شخصية له مع بوتين في أنكوريج.» then «وانتهى ذلك الاجتماع، الذي استمر قرابة ثلاث
    ساعات…»), or the best one at the sentence before (as `_referent_before`). Else None: a neighbour
    about something else does not say it."""
    if info.kind not in CHECKABLE:
        return None
    before, after = _beside(best)
    for beside, first, pointer in ((after, False, after), (before, True, best.document.page_content)):
        if not beside or not _points_back(pointer):  # the cheap check first: most answers stop here
            continue
        span = best_span(info, beside)
        if span is None or _other_unit(info, span):
            continue
        if beside in text:  # already shown (`_referent_before`)
            return (text, span.text) if span.text in text else None
        joined = f"{beside} {text}" if first else f"{text} {beside}"
        if len(joined) > MAX_ANSWER_CHARS:  # the phrase's offsets in the joined text: after `text` and a space
            shift = 0 if first else len(text) + 1
            joined = trim(joined, info, keep=replace(span, start=span.start + shift, end=span.end + shift))
        return (joined, span.text) if span.text in joined else None
    return None


def _points_back(sentence: str) -> bool:
    """Whether a sentence refers back with a demonstrative before a definite noun that is not a time
    word («ذلك الاجتماع», «هذين البلدين»; not «هذا العام»)."""
    match = _ANAPHOR_RE.search(sentence)
    return bool(match) and normalize_arabic(match.group(1)) not in _TIME_WORDS


def compose(info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> tuple[str, str | None]:
    """The answer text (at most MAX_ANSWER_CHARS) and its highlighted phrase, from the best passage,
    with a second passage of the same article, cut to the room left if need be: the next-door one when
    it also scores fairly, or a runner-up the ranking can hardly tell apart (one holding the type of
    answer asked for, when the best does not), or else the sentence before, when the best one points
    back at it (`_referent_before`); for a why-question, the sentence after that gives the cause
    (`_cause_after`); for a checkable kind none of these holds, the sentence beside that does
    (`_fact_beside`); for a question of no checkable kind, the sentence after that points back at the best
    and says more of what is asked (`_told_after`)."""
    text, highlight = _compose(info, ranked)
    if highlight is None:
        best = ranked[0][0]
        return (_fact_beside(info, best, text) or _told_after(info, best, text) or _speaker_before(info, best, text)
                or (text, highlight))
    return text, highlight


def _speaker_before(info: QuestionInfo, best: Hit, text: str) -> tuple[str, str] | None:
    """For a who-question whose answer `text` marks nobody, and whose best passage opens with a verb of
    saying with no subject of its own (`says_unnamed`: «وأضاف "نهدف إلى إرسال أول رائد فضاء…"»): the
    sentence before it in its paragraph, where the name marked says something (`reports_saying`: «وقال الشيخ
    محمد بن راشد…»), cut around the name to the room left (at least SPEAKER_CHARS, the answer cut to make
    room) and put first, the name marked; else None."""
    if info.kind != "person" or not says_unnamed(best.document.page_content):
        return None
    before, _ = _beside(best)
    if not before:
        return None
    sentence = split_sentences(before)[-1]
    span = best_span(info, sentence)
    if span is None or not reports_saying(normalize_arabic(span.text), sentence):
        return None  # a name there that says nothing («…مع نائب رئيسها…») is not who goes on speaking
    room = MAX_ANSWER_CHARS - len(text) - 1
    sentence = trim(sentence, info, limit=room if room >= len(span.text) + NAME_CONTEXT_CHARS else SPEAKER_CHARS,
                    keep=span)
    if span.text not in sentence:
        return None
    return _name_first(info, best, sentence, text, span)


def holder_first(info: QuestionInfo, best: Hit, naming: str, name: Span) -> tuple[str, str] | None:
    """For a who-question over a best passage that mentions the role asked only bare («وطمأن الوزير جميع
    التونسيين…»): the `naming` sentence, where the article gives that role's holder (`name`: «أكد وزير الداخلية
    الهادي مجدوب…»), cut around the name (at least SPEAKER_CHARS) and put first, the name marked, the best
    passage cut to the room left after it; None when the name does not survive the cut."""
    sentence = trim(naming, info, limit=SPEAKER_CHARS, keep=name)
    if name.text not in sentence:
        return None
    return _name_first(info, best, sentence, best.document.page_content, name)


def _name_first(info: QuestionInfo, best: Hit, sentence: str, text: str, name: Span) -> tuple[str, str]:
    """The answer with a sentence naming whom it asks about put before its `text` (the best passage's,
    cut to the room the sentence leaves), the name marked."""
    room = MAX_ANSWER_CHARS - len(sentence) - 1
    if len(text) > room:
        text = _cut_marked(best, trim(best.document.page_content, info, limit=room))
    return f"{sentence} {text}", name.text


def _told_after(info: QuestionInfo, best: Hit, text: str) -> tuple[str, None] | None:
    """For a question of no checkable kind («كيف انتهت آخر قمة…؟»): the best passage joined with the
    sentence after it in its paragraph, when that sentence points back at it with a demonstrative and
    says more words of the question the best does not than the answer's other passage, if any («…آخر قمة
    شخصية له مع بوتين في أنكوريج بألاسكا.» then «وانتهى ذلك الاجتماع… دون التوصل إلى اتفاق»): the best
    only named what the question asks about. Whole, not cut (a cut loses what the best said); else None."""
    if info.kind != "other" or info.asks_name:
        return None
    own = best.document.page_content
    _, after = _beside(best)
    if not after or after in text or not _points_back(after):
        return None
    joined = f"{own} {after}"
    if len(joined) > MAX_ANSWER_CHARS:
        return None
    own_terms = set(tokenize(own))
    groups = term_groups(info.text)

    def told(passage: str) -> int:
        """How many of the question's words a passage says that the best does not."""
        terms = set(tokenize(passage))
        return sum(1 for group in groups if terms.intersection(group) and not own_terms.intersection(group))

    return (joined, None) if told(after) > (told(text.replace(own, "")) if text != own else 0) else None


def _compose(info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> tuple[str, str | None]:
    """`compose` before `_fact_beside`."""
    best, best_p = ranked[0]
    best_text = best.document.page_content
    cause = _cause_after(info, best)
    if cause:
        joined = f"{best_text} {cause}"
        return trim(joined, info, keep=next((s for s in typed_spans(joined) if s.kind == "reason"), None)), None
    span = best_span(info, best_text, best.passage_phrases())
    # A cause is not marked, but a long sentence is cut around it («…وعلى صندوق الدعم باعتبار أن أغلب المواد
    # الأساسية المدعومة موردة…»: cut at 300 characters from its start, the cause was lost).
    keep = span or (next((s for s in best.passage_phrases() if s.kind == "reason"), None)
                    if info.kind == "reason" else None)
    text = _cut_marked(best, trim(best_text, info, keep=keep))
    # «لماذا ارتفعت أسعار مياه الشرب؟» over «…نظرا للإرتفاع المسجل في أسعار مياه الشرب…»: the best passage
    # gives a cause itself, and the sentence next door (about clothing) is no part of the answer.
    gives_cause = info.kind == "reason" and type_match("reason", best.passage_phrases(), info.asked)
    seconds = []
    for hit, p in ranked[1:3]:
        meta, best_meta = hit.document.metadata, best.document.metadata
        if meta["file"] != best_meta["file"] or (
                meta["paragraph"] == best_meta["paragraph"] and meta["sentence"] == best_meta["sentence"]):
            continue  # another article, or another window of the same long sentence (they overlap)
        adjacent = meta["paragraph"] == best_meta["paragraph"] and abs(hit.position - best.position) == 1
        close = p >= RUNNER_UP_RATIO * best_p
        neighbour = adjacent and p >= max(NEIGHBOUR_MIN, NEIGHBOUR_RATIO * best_p) and not gives_cause
        room = MAX_ANSWER_CHARS - len(text) - 1
        second = _cut_marked(hit, hit.document.page_content)
        if len(second) > room:  # cut to the words around what matches, if that leaves enough of it
            second = trim(second, info, limit=room) if room >= MIN_SECOND_CHARS else ""
        if second and (close or neighbour):
            seconds.append((hit, second))
    if not seconds:
        before = _referent_before(best) if text == best_text else None
        if before:
            joined = f"{before} {best_text}"
            return joined, span.text if span and span.text in joined else None
        return text, span.text if span and span.text in text else None
    if not type_match(info.kind, best.passage_phrases(), info.asked):
        seconds.sort(key=lambda ha: not type_match(info.kind, ha[0].passage_phrases(), info.asked))
    hit, second = seconds[0]
    from_second = False
    behind = span is not None and _behind(info, best_text, span)
    if span is None or _other_unit(info, span) or behind:
        # «كم ساعة…؟»: «ثلاث ساعات» in the second before «شهرين» in the best; «أين ستُعقد القمة؟»: the
        # town of the summit to come in the second before the town of the last one in the best.
        other = best_span(info, second, None if second != hit.document.page_content else hit.passage_phrases())
        if other is not None and (span is None or not _other_unit(info, other)) and not (
                behind and _behind(info, second, other)):
            span, from_second = other, True
    joined = f"{second} {text}" if _second_first(hit, best, span, from_second) else f"{text} {second}"
    return joined, span.text if span and span.text in joined else None


def _cut_marked(hit: Hit, text: str) -> str:
    """A passage's text as shown whole, with «…» where it is a window of a longer sentence cut by the
    index (`index.chunks.passages`): before a window that does not open the sentence, after one that
    does not end it. Text `trim` cut already has its marks."""
    if text != hit.document.page_content or not hit.document.metadata.get("part"):
        return text
    if hit.document.metadata["part"] > 1:
        text = "…" + text
    return text if text.endswith(SENTENCE_END) else text + "…"


def _second_first(second: Hit, best: Hit, span: Span | None, from_second: bool) -> bool:
    """Whether the second passage of an answer goes before the best one. The one holding the phrase
    marked comes first («أين ستعقد القمة؟»: the Budapest sentence before the Anchorage one the ranking
    put first), unless it points back at the other, which must then be read first («…وانتهى ذلك
    الاجتماع…»). With nothing marked, the article's order for the sentence next door (it leads into the
    best one); a runner-up from elsewhere after the best one, which answers first."""
    before = second.position == best.position - 1
    if span is None:
        return before
    if from_second:
        return not (second.position == best.position + 1 and _points_back(second.document.page_content))
    return before and _points_back(best.document.page_content)
