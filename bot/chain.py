"""The answering chain: check the question, resolve follow-ups, retrieve, decide, compose."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from langchain_core.runnables import Runnable, RunnableLambda

from bot import messages
from bot.answer import Answer, Source, Turn
from bot.answer_type import (CHECKABLE, QUANTITY_KINDS, allows_doubt, asked_event, asked_words, asks_exactly,
                             asks_until, asks_weekday, asks_which_or_where, asks_which_place, event_of_phrase, in_doubt,
                             looks_ahead, matching_spans, months_named, names_a_country, names_event, names_holder_of,
                             noun_named, now_or_before, origin_asked, per_unit_noun, role_holders, role_named, says_noun,
                             says_years, sentence_holding, speaks_of_future, tells_origin, type_match, vague_quantity,
                             weekdays_named, years_named)
from bot.checks import check_question, question_part, without_frame, without_greeting, without_override
from bot.compose import closes_range, compose, counts_noun, gist_answer, holder_first, source_of, which_nouns
from bot.decide import (ROLE_NAME_KINDS, DecisionModel, features, gates, introduces_list, role_ok,
                        type_supported_by)
from bot.gist import gist_question
from bot.ordinals import another_of_the_series
from bot.question import QuestionInfo, analyse, asked_as_before, asks_what_about, elliptic, standard_arabic
from bot.saying import reports_saying, says_on
from bot.wordlists import has_known_word
from index.wordcounts import arabic_word_counts
from index.normalize import normalize_arabic, term_groups, tokenize, without_frame_nouns
from index.phrases import WORD_RE, Span, is_calendar_date, is_ordinary_word, names_day, typed_spans
from index.bridge import english_words_known
from index.countries import country_names, name_matched
from index.latin_places import latin_places
from index.towns import town_at, town_names
from index.retriever import Hit, HybridRetriever

# Passages scored by the decision model; it ranks better than the fused ranks that pick them.
CANDIDATES = 20
SOURCES_SHOWN = 3
# A follow-up usually continues where the last answer stood: its neighbours get a small prior,
# and the bar for answering is a little lower, since the user is plainly still on the article.
FOLLOW_UP_NEIGHBOUR_BONUS = 0.15
FOLLOW_UP_THRESHOLD_FACTOR = 0.8
# The answerability threshold is fitted on the model alone (`make tune`), where it must refuse every near
# miss by itself; in the chain the type, name, role, count and off-topic checks refuse most of them first,
# so the model's bar is lowered. At 0.8 of it, seen sets: +16 right answers, −5 near misses refused;
# blind sets 13–18: +10 right answers, none refused less (bench/HISTORY.md).
CHAIN_THRESHOLD_FACTOR = 0.8
RESOLVED_CONTEXT_WORDS = 30
# What a follow-up asks of the person the last answer marked: their age, their nationality.
_ATTRIBUTE_KINDS = frozenset(("age", "nationality"))
# A question about a whole article gets its lead; an LLM is given this many of its first passages.
GIST_PASSAGES = 3
GIST_TITLES = 5  # titles listed when asked which article


def follow_up_turn(info: QuestionInfo, history: Sequence[Turn]) -> Turn | None:
    """The earlier turn a follow-up leans on, if the question is one. A refused turn still says what
    the user is asking about («ومتى نُشرت؟» after a refused question about a study); only its
    answer is missing."""
    return history[-1] if history and info.refers_back else None


@dataclass
class Retrieved:
    """What retrieval and the decision found for one question."""

    question: str
    info: QuestionInfo
    context: str | None
    ranked: list[tuple[Hit, float]] = field(default_factory=list)
    found: bool = False
    composed: tuple[str, str | None] | None = None  # the answer text and its highlight, once found
    reply: str | None = None  # a fixed reply in place of the not-found one («which article?»)

    @property
    def resolved(self) -> str:
        """The standalone form searched for (the follow-up with the question it leans on); bounded,
        so that a long run of follow-ups does not grow it without end."""
        if not self.context:
            return self.question
        return " ".join(self.context.split()[-RESOLVED_CONTEXT_WORDS:] + [self.question])

    def sources(self) -> list[Source]:
        """The best passages, best first, with their probability of answering: for an answer in the order
        it was read in (a runner-up it came from first), for a refusal the nearest passages by that
        probability (a reordering judged not to answer is no reason to show a less likely one first)."""
        ranked = self.ranked if self.found else sorted(self.ranked, key=lambda hp: -hp[1])
        return [source_of(hit, p) for hit, p in ranked[:SOURCES_SHOWN]]


class AnswerChain:
    """Extractive question answering over a hybrid retriever; `runnable` is its LangChain form."""

    def __init__(self, retriever: HybridRetriever, decision: DecisionModel, max_question_chars: int = 1000) -> None:
        self.retriever = retriever
        self.decision = decision
        self.max_question_chars = max_question_chars
        self.runnable: Runnable = RunnableLambda(self._retrieve) | RunnableLambda(self.extractive_answer)

    def retrieve(self, question: str, history: Sequence[Turn] = ()) -> Retrieved:
        """Search for a checked question (with follow-up context) and decide whether it is answered."""
        standard = standard_arabic(question_part(question), self.retriever.spells)
        searched = without_greeting(without_frame(without_override(standard)))
        info = analyse(searched)
        named = gist_question(searched)
        if named is not None:
            return self._gist(question, info, named, history)
        previous = follow_up_turn(info, history)
        context = previous.resolved if previous else None
        swapped = _place_swapped(context, searched) if context else None
        asks_nothing = info.kind == "other"  # of its own: «وفي جندوبة؟», «والقطب الشمالي؟»
        ellipsis = previous is not None and asks_nothing and elliptic(searched)
        # The question leaned on, read once: an elliptic follow-up asks what it asked, one naming another
        # place asks it of that place.
        before = analyse(context) if ellipsis or (swapped is not None and asks_nothing) else None
        if ellipsis:
            # «والقطب الشمالي؟» after «ما المسافة بين الكعبة والقطب الجنوبي؟» asks a distance too.
            info = asked_as_before(info, before)
        if swapped is not None:
            # «وفي جندوبة؟» after «من هو رئيس الغرفة الجهوية للمخابز بالكاف؟»: the same question of
            # another place. Searched without the old place, its answer and the passages near it.
            context = swapped[0]
        hits = self.retriever.search(searched, k=CANDIDATES, context=context,
                                     context_answer=previous.answer if previous and previous.found
                                     and swapped is None else None,
                                     focus=self.decision.uses("focus_sim", info))
        near = self.retriever.neighbours_of_refs(previous.refs) if previous and swapped is None else set()
        if previous is not None and previous.found and previous.refs and swapped is None:
            # A follow-up of an answered question asks about the article that answered it («وكم نقطة لديه؟»
            # after a league table is not answered by another article's «…بـ25 نقطة»); one naming another place
            # may leave it, and so may one none of whose candidates is in that article (an archive).
            article = self.retriever.file_of(previous.refs[0])
            hits = [hit for hit in hits if hit.document.metadata["file"] == article] or hits
        scored = []
        for hit in hits:
            if hit.document.metadata.get("heading"):
                continue  # a headline or sub-heading names a topic; it is never the answer
            p = self.decision.probability(info, hit)
            if hit.position in near:
                p = min(1.0, p + FOLLOW_UP_NEIGHBOUR_BONUS)
            scored.append((hit, p))
        ranked = sorted(scored, key=lambda hp: -hp[1])
        continues = previous is not None and previous.found
        if continues and swapped is not None and before is not None:
            ranked = _other_place_first(ranked, previous, before, swapped[1])
        elif continues:
            ranked = _not_a_repeat(info, ranked, previous)
        threshold = (self.decision.threshold(info) * CHAIN_THRESHOLD_FACTOR
                     * (FOLLOW_UP_THRESHOLD_FACTOR if continues else 1.0))
        answerability = self.decision.answerability(info, ranked)
        # Which passage names the holder of a qualified role is a reading choice, made after the
        # answerability model (fitted on the reader's own order) has judged the question.
        ranked = _qualified_holder_first(info, ranked, self._role_holders)
        ranked = _holder_named_first(info, ranked)
        def answers(moved: list[tuple[Hit, float]]) -> bool:
            """Whether a reordered ranking passes the checks the best passage passed (`_runner_up_first`).
            The passage it displaced, found not to say what is asked, is no rival in the reader's margin."""
            judged = [moved[0], *(hp for hp in moved[1:] if hp[0] is not ranked[0][0])]
            return (self.decision.answerability(info, judged) >= threshold
                    and self.decision.type_supported(info, judged))

        typed = partial(self.decision.type_supported, info)  # the type checks alone, for a runner-up taken on them

        if (answerability >= threshold and not self.decision.type_supported(info, ranked)
                and (info.counts is not None or (info.checked_kind in _TIME_KINDS and not asks_exactly(info.text)))):
            # «كم عدد الأطفال الموجودين في سجن معيتيقة؟» over the lead («…لتسلم أطفال تونسيين موجودين في
            # سجن معيتيقة»), which counts none: a runner-up nearly as likely that counts them answers instead
            # («…وجود 14 طفلا تونسيا بسجن معيتيقة»); and «في أي يوم تهاتف روبيو ولافروف؟» over «…الأسبوع
            # المقبل…», which names no day: «وأجرى روبيو ولافروف، الاثنين، مكالمة هاتفية…». Not for other kinds
            # (seen and blind sets: a person, a name or an amount from a runner-up answered 25 near misses
            # for 9 answers), nor for a time asked «exactly» («في أي يوم بالتحديد كان مقررا أن يلتقيا؟»: a
            # runner-up's day is another event's).
            ranked = _runner_up_first(info, ranked, answers, _marks_a_place)[0]
        elif (info.counts is None and info.how_many and info.how_many not in _TIMES and info.kind in _COUNT_KINDS
              and answerability >= threshold and not continues and ranked and not _counts_noun(info, ranked[0][0])):
            # «كم عملية إنقاذ جرت بالمتوسط؟» over «…2074 مهاجرا… خلال سلسلة من عمليات الإنقاذ… غرق شخص
            # واحد», which counts no rescue: a runner-up nearly as likely that does answers instead («…إن 19
            # عملية إنقاذ نفذها خفر السواحل…»). None: the ranking stands. Not for a follow-up, whose first
            # question chose what it counts in («وكم نائبا احتفظ بصوته عليه؟»: «…و6 محتفظين», not another
            # chapter's «110 نائب»).
            ranked = _runner_up_first(info, ranked, answers, partial(_marks_count_in, info))[0]
        # A follow-up of an answered question is on the articles by construction; anything else
        # (a follow-up of a refused one too) must pass the off-topic gate.
        found = (answerability >= threshold and self.decision.type_supported(info, ranked)
                 and self._named_in_article(info, ranked) and self._in_years_asked(info, ranked)
                 and self._places_indexed(info)
                 and (continues or self.decision.on_topic(info, ranked)))
        if not found and continues and previous.refs and ranked:
            found = self._answers_follow_up(info, ranked, previous)
        if (not found and not continues and answerability >= threshold * QUALIFIED_THRESHOLD_FACTOR
                and self._names_qualified_holder(info, ranked) and self.decision.type_supported(info, ranked)
                and self._named_in_article(info, ranked)):
            # «ما اسم وزير الخارجية الروسي الذي كان يُنتظر أن يلتقي روبيو؟» over «…بين روبيو ونظيره الروسي سيرجي
            # لافروف»: the holder of the role of that nationality named is evidence the paraphrase («يلتقي» for
            # «الاجتماع… بين») hides from the words the answerability model counts.
            found = True
        composed = None
        if (not found and not continues and info.asks_holder is not None and answerability >= threshold
                and (held := self._holder_elsewhere(info, ranked)) is not None):
            # «من هو الوزير الذي طمأن التونسيين…؟» over «وطمأن الوزير جميع التونسيين…», which names no one: the
            # minister a passage nearly as likely names («أكد وزير الداخلية الهادي مجدوب…») is whom «الوزير» stands for.
            ranked, composed = held
            found = True

        if found and composed is None and info.kind == "person" and previous is not None and previous.highlight:
            # «ومن التقت؟» after «من هي رئيسة الاتحاد…؟» (marked «وداد بوشماوي»): the last answer is who the
            # pronoun stands for, as if the question named her, so not whom the answer marks. (Only for
            # reading the answer: retrieval and the decision judge the question as asked. Not for other
            # kinds: «وفي أي بلد تقع؟» after «بودابست» is answered by «بودابست بالمجر».)
            info = replace(info, asked=info.asked | asked_words(previous.highlight))
        elif found and info.kind in _ATTRIBUTE_KINDS and previous is not None and previous.highlight:
            # «وما جنسيته؟» after «من هو الكاتب العام للكاف؟» (marked «هشام العمراني»): the nationality
            # next to him, not the first one of a sentence naming three.
            info = replace(info, terms=info.terms + tuple(tokenize(previous.highlight)))
        if found and composed is None:
            ranked = _past_the_colon(info, ranked)
            composed = compose(info, ranked)
            ranked = _marked_first(ranked, composed[1])
            if composed[1] is None and info.kind in CHECKABLE:
                # The type check passed on the passage's neighbours, but the answer shown holds no phrase of
                # the kind asked («متى…؟» over a sentence with no date): it does not say it. A runner-up nearly
                # as likely that marks one and, moved first, is judged to answer, answers instead («ما العقوبة
                # التي سلطها المكتب الجامعي على النادي الإفريقي؟»: «- 3 مقابلات دون حضور الجمهور…»). Taken on
                # the type checks alone, as some runners-up are, it answered 4 more seen near misses.
                ranked, composed = _runner_up_first(info, ranked, answers, _marks_a_place)
                found = composed is not None
            elif composed[1] is None and info.asks_name == "any" and not _may_name(info, composed[0]):
                # Nor, for a name of no known kind («ما اسم النزل…؟» over «…إلى أحد نزل الضاحية الشمالية»),
                # any name: it does not say it.
                found, composed = False, None
            elif (info.actor is not None and not reports_saying(info.actor, composed[0], by_anyone=info.stance)
                  and not says_on(ranked[0][0].document.page_content, _text_before(ranked[0][0]), info.actor,
                                  by_anyone=info.stance)):
                # «كيف ردّ حافظ قائد السبسي على قرار طرده؟» over «قررت الهيئة… طرد حافظ قائد السبسي»:
                # the answer names him but reports nothing he said or did in reply (a stance, others may
                # report: «وأضاف المصدر أنه من غير المرجح أن يوصي روبيو…»). A runner-up nearly as likely that
                # does answers instead («شو قال الكرملين عن مكالمة روبيو ولافروف؟» over the call's sentence:
                # «…وصف الكرملين المكالمة بأنها "نقاش بناء"»).
                ranked, composed = _runner_up_first(info, ranked, answers, partial(_reports_actor, info))
                found = composed is not None
            elif info.speaker is not None and not self._reports_speaker(info, ranked[0][0], composed[0]):
                # "What did Sergio Mattarella say about migration?" over a sentence naming him as the host
                # of a visit, where only his guest speaks: as for «ماذا قال X…؟» above, by his Arabic spelling.
                found, composed = False, None
            elif (info.months and info.kind not in ("date", "year", "since")
                  and (shown := months_named(composed[0])) and not info.months & shown):
                # «كم حالة عنف رُصدت خلال شهر جانفي؟» over «كشف تقرير شهر فيفري…»: another month's figure.
                found, composed = False, None
            elif (info.weekdays and info.kind not in ("date", "year", "since")
                  and (shown := weekdays_named(composed[0])) and not info.weekdays & shown):
                # «مع من أجرى ترامب اتصالاً هاتفياً يوم الخميس؟» over «وأجرى روبيو ولافروف، الاثنين،
                # مكالمة…»: another day's event. A runner-up nearly as likely may name the day asked.
                ranked, composed = _runner_up_first(info, ranked, answers, partial(_on_weekday, info.weekdays))
                found = composed is not None
            elif another_of_the_series(info.text, composed[0]):
                # «في أي سنة انعقد المؤتمر الأول…؟» over «ينعقد المؤتمر العالمي الثاني…»: another one of the
                # series. A runner-up nearly as likely may speak of the one asked.
                ranked, composed = _runner_up_first(info, ranked, answers, partial(_of_the_series, info.text))
                found = composed is not None
            elif info.country and not names_a_country(composed[0], info.asked):
                # «ما الدول التي استوردت زيت الزيتون التونسي؟» over a sentence that names no country (nor a
                # town in one, nor a nationality) beyond the question's: it does not say which.
                found, composed = False, None
            elif (info.kind in QUANTITY_KINDS and composed[1] and vague_quantity(composed[1])
                  and asks_exactly(info.text)):
                # «كم طفلا قُتل بالضبط في منبج؟» over «…العشرات من الأطفال قتلوا…»: many is no exact figure.
                found, composed = False, None
            elif (info.kind in QUANTITY_KINDS and composed[1] and (unit := per_unit_noun(info.text))
                  and not says_noun(unit, sentence_holding(*composed))):
                # «كم يبلغ سعر الطن الواحد من القمح…؟» over «تخصص تونس 600 مليون دينار سنويا لتوريد الحبوب»:
                # an amount the sentence gives for no ton is not the price of one.
                found, composed = False, None
            elif info.kind == "date" and asks_weekday(info.text) and not _marks_weekday(composed):
                # «في أي يوم من الأسبوع انعقد اللقاء؟» over «…من 9 إلى 12 أفريل 2017» or «…الأسبوع الماضي»:
                # no weekday, which is what is asked. A runner-up nearly as likely that marks one answers instead.
                ranked, composed = _runner_up_first(info, ranked, answers, _marks_weekday)
                found = composed is not None
            elif info.calendar and not info.since and composed[1] and not (
                    is_calendar_date(composed[1]) and (names_day(composed[1]) or months_named(composed[1]))):
                # «في أي تاريخ سيفتتح الفرع؟», "On what date…?" over «…يوم الثلاثاء»: the date of the calendar
                # the type check found was in a neighbour, and the answer shown gives only a weekday; or only
                # a year («في أي تاريخ تسلّمت الحكومة…؟» over «…لكامل سنة 2014»), which is no date.
                found, composed = False, None
            elif info.kind in ("date", "clock") and in_doubt(*composed) and not allows_doubt(info.text):
                # «ما الموعد الجديد الذي حُدد للاجتماع؟» over «…لكن من الممكن أن يتحدث روبيو ولافروف هذا
                # الأسبوع»: a time that only may be is not when something was set to happen.
                found, composed = False, None
            elif info.future and info.kind == "date" and not _dated_ahead(info, composed):
                # «متى سيصدر الحكم؟» over «أعلن اليوم أنه سيصدر…»: the day of the report is not when a
                # future event will be, nor is a date in a sentence about the past («…المكتشف في سبتمبر
                # 2016» for «متى سيُفتتح المركز؟»). A runner-up nearly as likely may give one.
                ranked, composed = _runner_up_first(info, ranked, answers, partial(_dated_ahead, info))
                found = composed is not None
            elif (info.kind in ("date", "year", "since") and (origin := origin_asked(info.text))
                  and not tells_origin(*composed, kind=origin)):
                # «في أي سنة تأسست شركة فسفاط قفصة؟» over «…ارتفع الإنتاج سنة 2015»: another event's year.
                # A runner-up nearly as likely may tell the founding («تأسست أول بورصة وارسو في 1817»).
                ranked, composed = _runner_up_first(info, ranked, answers, partial(_tells_origin, origin))
                found = composed is not None
            elif composed[1] is None and info.asks_name in NAMES_TYPED:
                # «ما اسم رجل الأعمال السلفادوري الذي عرض المال…؟» over «…أن أحد رجال الأعمال في بلدهم عرض
                # عليهم مبالغ مالية…»: a name asked outright, and none of that kind in the answer, which does not
                # say it. A runner-up nearly as likely that marks one answers instead.
                ranked, composed = _runner_up_first(info, ranked, answers, _marks_a_place)
                found = composed is not None
            elif composed[1] is None and asks_which_place(info.text):
                # «في أي مدينة انعقدت الأيام الأولى…؟», «إلى أي ولاية تنتمي…؟» over a sentence that names no town
                # or governorate: it does not say which. A runner-up nearly as likely that marks one answers instead.
                ranked, composed = _runner_up_first(info, ranked, answers, _marks_a_place)
                found = composed is not None
            elif (info.describer is not None and (said := self._spellings_of(info, info.describer, ranked[0][0]))
                  and not _names_any(said, composed)):
                # "How did the Kremlin describe the call?" over «وأجرى روبيو ولافروف… مكالمة هاتفية», as
                # «كيف وصف الكرملين…؟» below, by the Arabic spellings of who describes («الكرملين»). The
                # reader, weighing the English words, may put that sentence far down: any candidate will do.
                moved, runner = _runner_up_first(info, ranked, typed, partial(_names_any, said), margin=1.0,
                                                 depth=len(ranked))
                if runner is not None:
                    ranked, composed = moved, runner
            elif info.described and not _names_word(info.described, composed):
                # «كيف قيّم الكرملين المكالمة؟» over «وأجرى روبيو ولافروف… مكالمة هاتفية»: a sentence about
                # the call that never names the Kremlin; one of the next passages that does answers instead
                # («…وصف الكرملين المكالمة بأنها "نقاش بناء"»). None: the answer stands. The question was
                # judged answered already; a name that is no ordinary word («الكرملين», not «المسؤولة») is
                # evidence enough for which passage says it, so neither the reader's margin nor the
                # answerability model is asked again.
                named = not is_ordinary_word(info.described)
                moved, runner = _runner_up_first(
                    info, ranked, typed if named else answers,
                    partial(_names_word, info.described), margin=1.0 if named else RUNNER_UP_MARGIN)
                if runner is not None:
                    ranked, composed = moved, runner
            elif (info.kind in ("place", "date") and composed[1] and (event := asked_event(info.text))
                  and (other := event_of_phrase(composed[0], composed[1])) and other != event
                  and names_event(composed[0], event, near=composed[1])):
                # «أين كان سيعقد الاجتماع التمهيدي…؟» over «…تأجيل الاجتماع التمهيدي… على قمة ترامب-بوتين
                # المرتقبة في بودابست»: the place (or date) the sentence gives is another event's, which it names too.
                found, composed = False, None
            elif ((info.kind == "place" or info.town) and looks_ahead(info.text)
                  and not _placed_ahead(composed)):
                # «وين رح تنعقد القمة المنتظرة؟» over the last summit's town («…في أنكوريج بألاسكا»), or
                # «في أي بلد من المزمع أن يجتمعا؟» over the lead, which names none: a runner-up nearly as
                # likely that marks a place in a sentence about something to come answers instead. None:
                # the answer stands (a place may be named bare, which nothing types). The question was judged
                # answered already, and a place to come is evidence enough of which passage says it: the
                # answerability model is not asked again (it rates a passage the reader put fourth low).
                moved, runner = _runner_up_first(info, ranked, typed, _placed_ahead, depth=PLACED_AHEAD_DEPTH)
                if runner is not None:
                    ranked, composed = moved, runner
            elif (info.kind == "other" and not info.asks_name and (nouns := which_nouns(info))
                  and not noun_named(nouns, composed[0], info.asked)):
                # «في أي برنامج تحدثت…؟» over «واعتبرت هالة عمران أن…», which names no programme: a
                # runner-up nearly as likely that names one («…في برنامج "بوليتيكا"») answers instead.
                moved, runner = _runner_up_first(info, ranked, answers, partial(_names_noun, nouns, info.asked))
                if runner is not None:
                    ranked, composed = moved, runner
        return Retrieved(question=question, info=info, context=context, ranked=ranked, found=found,
                         composed=composed)

    def _gist(self, question: str, info: QuestionInfo, named: str, history: Sequence[Turn]) -> Retrieved:
        """A question about an article as a whole (`gist_question`), answered with its title and lead
        (`gist_answer`). The article: the one `named` words find (it must use one of them), else the one
        the conversation was last answered from, else the only one indexed; with several and none of
        these, the reply asks which, and with one that the named words miss, the article does not say."""
        articles = self.retriever.articles()
        file = None
        if named:
            hits = self.retriever.search(named, k=1, focus=False)
            # The article found must use one of the words that name it: «لخص خبر المريخ» over articles
            # that never mention Mars summarises none of them.
            file = hits[0].document.metadata["file"] if hits and hits[0].article_coverage > 0 else None
        else:
            last = next((turn for turn in reversed(history) if turn.found and turn.refs), None)
            file = self.retriever.file_of(last.refs[0]) if last else None
            if file is None and len(articles) == 1:
                file = next(iter(articles))
        lead = self.retriever.lead(file, GIST_PASSAGES) if file else []
        if not lead:
            titles = "، ".join(f"«{title}»" for title in list(articles.values())[:GIST_TITLES])
            reply = messages.WHICH_ARTICLE.format(count=len(articles), titles=titles) if len(articles) > 1 else None
            return Retrieved(question=question, info=info, context=None, reply=reply)
        return Retrieved(question=question, info=info, context=None, ranked=[(hit, 1.0) for hit in lead],
                         found=True, composed=(gist_answer(lead[0]), None))

    def _role_holders(self, role: str, hit: Hit, body: str | None = None) -> frozenset[str]:
        """The words of the names the passage's article gives a role (with `body`, the role with that body:
        «وزير الخارجية»), wherever in it (`role_holders` of each passage, with the typed phrases the index
        stores: the article is not typed again)."""
        return frozenset().union(*(role_holders(role, text, phrases, body) for text, phrases
                                   in self.retriever.article_passages(hit.document.metadata["file"])))

    def _names_qualified_holder(self, info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> bool:
        """Whether a question asks who holds a role of one nationality («من هو وزير الخارجية الروسي…؟») and
        the best passage names its holder (`names_holder_of`, as `_qualified_holder_first` moved it first),
        a counterpart only of someone its article gives the whole role («وزير الخارجية ماركو روبيو»: not
        for «وزير الدفاع الروسي»)."""
        if info.nationality is None or info.asks_holder is None or info.kind != "person" or not ranked:
            return False
        best = ranked[0][0]
        role, body = info.asks_holder
        holders = self._role_holders(role, best, body)
        return bool(holders) and names_holder_of(info.nationality, best.document.page_content,
                                                 best.passage_phrases(), holders)

    def _holder_elsewhere(self, info: QuestionInfo, ranked: list[tuple[Hit, float]]
                          ) -> tuple[list[tuple[Hit, float]], tuple[str, str]] | None:
        """For a question asking who holds a role whose best passage passes every check but the role's
        (`role_ok`: it mentions the role, by no name), the ranking with the candidate of its article that
        names the role's holder (the first of the next HOLDER_DEPTH - 1) moved first, and the answer
        `holder_first` composes; else None."""
        best = ranked[0][0] if ranked else None
        role = info.asks_holder
        if best is None or role is None or role[1] is not None:
            return None  # «وزير الداخلية»: a role with its body is named where the body is
        checks = gates(info, best)
        if checks["role_ok"] or not type_supported_by({**features(info, best), **checks, "role_ok": 1.0}):
            return None  # the role's check passed, or another failed
        if role_named(role, best.window_text, best.window_passage_phrases(), ROLE_NAME_KINDS, info.asked) is not False:
            return None  # the role is not mentioned there: nothing stands for its holder
        file = best.document.metadata["file"]
        for i, (hit, _) in enumerate(ranked[1:HOLDER_DEPTH], start=1):
            if hit.document.metadata["file"] != file:
                continue
            text = hit.document.page_content
            for span in (s for s in hit.passage_phrases() if s.kind == "person"):
                if not asked_words(span.text) & info.asked and role_holders(role[0], text, (span,)):
                    composed = holder_first(info, best, text, span)
                    if composed is not None:
                        return _moved_first(ranked, i), composed
        return None

    def _named_in_article(self, info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> bool:
        """Whether the best passage's article names what the question presupposes: whoever a reaction
        question asks about («كيف ردّ الرئيس الأوكراني على…؟»: every word of «الرئيس الأوكراني»; on our
        news and bundled-article sets 14 of 21 such near misses named someone the article never does,
        and none of the 6 answerable ones), and the kind of place or body a which-question asks for."""
        if not ranked:
            return True
        best = ranked[0][0]
        if info.actor is not None and not self.retriever.article_has(info.actor, best):
            return False
        if info.speaker is not None and self._speaker_spellings(info, best) == []:
            return False
        # «في أي سجن…؟», «ما الحزب الذي…؟»: an article that never mentions a prison or a party does not
        # say which one (seen sets: 12 news and 3 bundled-article near misses refused, 1 answer lost).
        # And the passage or its neighbours must name one: the noun followed by a word the question does
        # not say or a quoted name («سجن المرناقية», «حركة "إلى الأمام"»), not the noun alone.
        return info.named_kind is None or (any(self.retriever.article_has(w, best) for w in info.named_kind)
                                           and noun_named(info.named_kind, best.window_text, info.asked))

    def _places_indexed(self, info: QuestionInfo) -> bool:
        """Whether the indexed articles name every town or country an English question names, in
        one of its Arabic spellings (`latin_places`) or one its letters match (`HybridRetriever.spellings`):
        "What will the weather be like in Tunis tomorrow?" over articles that never mention Tunis is about
        something else (blind sets 30–69: 6 such questions on the bundled article were answered)."""
        if info.latin_share <= 0.5:
            return True
        places = latin_places(info.text)
        spelled = set(self.retriever.spellings(info.text)) if places else set()
        # `spellings` holds a place as written once the articles have one of its Arabic spellings.
        return all(written in spelled or set(written.split()) & spelled for written, _ in places)

    def _speaker_spellings(self, info: QuestionInfo, best: Hit) -> list[str] | None:
        """The Arabic spellings (normalised words of the articles, as `spellings` gives them), in the best
        passage's article, of the name of who an English question asks what they said ("What did Viktor
        Orbán say…?"): [] when the article spells none of its words; None for a speaker made of English
        words only ("the State Department", "Kremlin"), which cannot be told by its spelling."""
        assert info.speaker is not None
        if not any(len(w) >= 3 and w.lower() not in english_words_known() for w in info.speaker.split()):
            return None
        return self._spellings_of(info, info.speaker, best)

    def _spellings_of(self, info: QuestionInfo, name: str, best: Hit) -> list[str]:
        """The Arabic spellings, in the best passage's article, of the words of a name an English
        question writes in Latin script ("Kremlin" → «الكرملين»; `HybridRetriever.spellings`)."""
        spelled = self.retriever.spellings(info.text)
        return [arabic for word in name.split() if word in spelled for arabic in spelled[word].split()
                if self.retriever.article_has(arabic, best)]

    def _reports_speaker(self, info: QuestionInfo, best: Hit, answer: str) -> bool:
        """Whether an answer reports the English question's speaker saying something (`reports_saying`,
        `says_on`), by one of the name's Arabic spellings; true for a speaker of English words only."""
        spellings = self._speaker_spellings(info, best)
        if spellings is None:
            return True
        before = _text_before(best)
        return any(reports_saying(arabic, answer) or says_on(best.document.page_content, before, arabic)
                   for arabic in spellings)

    def _in_years_asked(self, info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> bool:
        """Whether the best passage can be of the years a question names («كم بلغت مداخيل البلدية سنة
        2012؟»): a passage whose neighbourhood names other years only («…سنة 2011 و7 ملايين خلال 2013»)
        is not, unless its paragraph or its article's title and lead name the year asked, which set the
        time of what follows (`HybridRetriever.setting`). A passage that names no year may be of any:
        a year set three paragraphs earlier («في 2015» of a Super Bowl season) still holds."""
        if not info.years or not ranked:
            return True
        best = ranked[0][0]
        near = years_named(best.window_text)
        if not near or set(info.years) <= set(near):
            return True
        return says_years(info.years, f"{best.window_text} {self.retriever.setting(best)}")

    def _answers_follow_up(self, info: QuestionInfo, ranked: list[tuple[Hit, float]], previous: Turn) -> bool:
        """Whether the best passage answers a follow-up of an answered question that the answerability
        model, fitted on standalone questions, underrates: it must be of the article the conversation is
        on, and hold a phrase of the kind asked for («ومتى نُشرت؟») or, for one asking something else,
        every word the follow-up adds («وماذا أكد؟»; a near miss's asked-for word is missing)."""
        best = ranked[0][0]
        if best.document.metadata["ref"].split("#")[0] != previous.refs[0].split("#")[0]:
            return False
        if info.kind in CHECKABLE:
            return self.decision.type_supported(info, ranked)
        if info.kind == "other" and info.terms:
            return all(set(group) & _passage_terms(best) for group in _own_groups(info))
        return False

    def warm_up(self, stop: threading.Event | None = None) -> None:
        """Prepare, ahead of the first question, what some questions would wait for (`HybridRetriever.warm_up`,
        and the word counts `standard_arabic` reads a dialect verb by)."""
        arabic_word_counts()
        self.retriever.warm_up(stop)

    def _retrieve(self, inputs: dict) -> Retrieved:
        return self.retrieve(inputs["question"], inputs.get("history", ()))

    def unreadable(self, retrieved: Retrieved) -> bool:
        """Whether a question has no word at all: none of Arabic or English (`has_known_word`, also
        after dialect words are made standard) and none the articles use (a name such as «لافروف» is in
        no word list). Keyboard mash («asdkjh qwe zxcmnb», «W7j bFD A k 3») is then told it was not
        understood, neither that the article does not say nor answered with a passage the search
        happened to rank first. None of the 5,624 questions of our sets and XQuAD-ar lacks a known word."""
        question = retrieved.question
        # The articles' words first: most refused questions share one, and need no word list loaded.
        return not (self.retriever.knows_any(question) or has_known_word(question)
                    or has_known_word(retrieved.info.text))

    def extractive_answer(self, retrieved: Retrieved) -> Answer:
        """The answer made of the article's own sentences, the honest not-found reply, or, for a
        question with no word in it (`unreadable`), the reply that it was not understood."""
        if self.unreadable(retrieved):
            return Answer(retrieved.question, messages.NOT_UNDERSTOOD, False, [], error=messages.NOT_UNDERSTOOD)
        if retrieved.reply is not None:
            return Answer(retrieved.question, retrieved.reply, False, [], resolved=retrieved.resolved)
        if not retrieved.found:
            return Answer(retrieved.question, not_found_reply(retrieved.info, self.retriever.article_count()), False,
                          retrieved.sources(), resolved=retrieved.resolved)
        text, highlight = retrieved.composed or compose(retrieved.info, retrieved.ranked)
        return Answer(retrieved.question, text, True, retrieved.sources(), resolved=retrieved.resolved,
                      highlight=highlight)

    def answer(self, question: object, history: Sequence[Turn] = ()) -> Answer:
        """Answer one question given the conversation so far."""
        text, error = check_question(question, self.max_question_chars)
        if error:
            return turned_away(text, error)
        return self.runnable.invoke({"question": text, "history": list(history)})

    def stream(self, question: object, history: Sequence[Turn] = ()) -> Iterator[str | Answer]:
        """Extractive answers come whole: one piece, then the answer."""
        answer = self.answer(question, history)
        yield answer.answer
        yield answer


def turned_away(text: str, error: str) -> Answer:
    """The reply to a message `check_question` turns away (empty, too long, no words, another language,
    an order…) with `error`, its Arabic reason: no index or model is needed to give it."""
    return Answer(text, error, False, [], error=error)


def not_found_reply(info: QuestionInfo, articles: int = 1) -> str:
    """The honest reply that the articles do not say (of «المقالة» or, over several `articles`, «المقالات»):
    in Arabic, with English beside it for a question asked in English (Latin script, as
    `DecisionModel.model_for` tells them apart)."""
    english = info.latin_share > 0.5
    if articles > 1:
        return messages.NOT_FOUND_MANY_ENGLISH if english else messages.NOT_FOUND_MANY
    return messages.NOT_FOUND_ENGLISH if english else messages.NOT_FOUND


def _own_groups(info: QuestionInfo) -> list[tuple[str, ...]]:
    """The term groups of the words a question adds (each word's lexical forms)."""
    return term_groups(without_frame_nouns(info.text))


def _passage_terms(hit: Hit) -> set[str]:
    return set(tokenize(hit.document.page_content))


_PLACE_KINDS = ("place", "country")


def _place_swapped(context: str, question: str) -> tuple[str, str] | None:
    """The earlier question a follow-up leans on without the places it names, and the place the
    follow-up names instead (normalised), when it names one the earlier does not («وفي جندوبة؟» after
    «…للمخابز بالكاف؟»: «…للمخابز», «جندوبه»); None when the follow-up names no place, or the same one."""
    if asks_which_or_where(question):
        return None  # «وفي أي منطقة تحديدا؟» asks for a place, it names none
    new = [s for s in typed_spans(question) if s.kind == "country" or (s.kind == "place" and _is_town(s.text))]
    old = [s for s in typed_spans(context) if s.kind in _PLACE_KINDS]
    if not new or not old or {_bare_place(s.text) for s in new} & {_bare_place(s.text) for s in old}:
        return None
    kept, at = [], 0
    for span in sorted(old, key=lambda s: s.start):
        if span.start >= at:
            # The preposition the place leaned on goes with it: «…العربية في لبنان؟» → «…العربية؟».
            kept.append(_DANGLING_PREPOSITION_RE.sub("", context[at:span.start]))
            at = span.end
    return _SPACE_BEFORE_MARK_RE.sub("", " ".join("".join(kept + [context[at:]]).split())), _bare_place(new[0].text)


_DANGLING_PREPOSITION_RE = re.compile(r"(?<!\w)(?:في|فى|من|إلى|الى|على|عن|داخل|خارج)\s+$")
_SPACE_BEFORE_MARK_RE = re.compile(r"\s+(?=[؟?،,.])")


def _other_place_first(ranked: list[tuple[Hit, float]], previous: Turn, before: QuestionInfo, place: str
                       ) -> list[tuple[Hit, float]]:
    """For «وفي جندوبة؟» after «من هو رئيس الغرفة الجهوية للمخابز بالكاف؟»: the passage that answered
    before («…ممثلو الغرف بجندوبة…، أكد رئيس الغرفة الجهوية للمخابز بالكاف، منير العياري…») last, unless
    a phrase of the kind asked before (or a name in Latin script) stands nearer the new `place` than the
    passage's other places, and so may answer for it («…والأول في الجزائر STARLIGHT», «…ومع تركيا 2,4
    مليار»). `before`: the earlier question (`previous.resolved`), analysed."""

    def answers_again(hit: Hit) -> bool:
        places = [s for s in hit.passage_phrases() if s.kind in _PLACE_KINDS]
        at = [s for s in places if _bare_place(s.text) == place]
        others = [s for s in places if _bare_place(s.text) != place]
        answers = matching_spans(before.checked_kind, hit.passage_phrases(), before.asked) + [
            s for s in hit.passage_phrases() if s.kind == "quoted"]
        far = len(hit.document.page_content)
        return bool(at) and any(min(_gap(a, p) for p in at) <= min((_gap(a, o) for o in others), default=far)
                                for a in answers)

    moved = [hp for hp in ranked if hp[0].document.metadata["ref"] in previous.refs and not answers_again(hp[0])]
    return [hp for hp in ranked if hp not in moved] + moved


def _gap(a: Span, b: Span) -> int:
    """Characters between two phrases of a passage (0 when they overlap)."""
    return max(0, b.start - a.end, a.start - b.end)


def _is_town(text: str) -> bool:
    """Whether a typed place is a town of GeoNames' list (`index.towns`), not a place named after a place
    word («ملعب الغولف»)."""
    return town_at(_bare_place(text).split(), 0) is not None


def _bare_place(text: str) -> str:
    """A place's name, normalised, as the town or country list spells it, without the proclitic written
    on it («وبجندوبة» → «جندوبه», «بنزرت» stays); the words as they are when the lists do not know it."""
    words_ = normalize_arabic(text).split()
    for names in (town_names(), country_names()):
        name = name_matched(names, words_, 0) if words_ else None
        if name:
            return " ".join(name + tuple(words_[len(name):]))
    return " ".join(words_)


def _not_a_repeat(info: QuestionInfo, ranked: list[tuple[Hit, float]], previous: Turn) -> list[tuple[Hit, float]]:
    """A follow-up that asks something new about what was just answered («وماذا أكد؟» after «من هو وزير
    الخارجية الأمريكي؟», or why: «ولماذا قررت إطلاقها؟») is not answered with the same passage again when
    that passage has none of its own words and another passage of the same article, scored at least
    REPEAT_MIN, has one: the context makes the old passage score high, the new word is what the user asks
    about. That passage comes first and the repeat is dropped. One that has some of them gives way to one
    that has all («وما دقة شاشته؟» after the camera's resolution: «دقة» is there, «شاشته» is not; seen
    sets: +2 follow-ups, nothing lost). Not a who or where follow-up: the passage given often names the
    person or place without the verb asked («ومن أخرجه؟»; seen sets: 3 follow-ups lost, 1 gained). A
    follow-up asking for a checkable kind of phrase («وفي أي ساعة تنطلقان؟») moves the same way past a
    passage just given that has no phrase of that kind, to one of the same article that has one (seen
    sets: +1 follow-up, nothing lost). A «وماذا عن…؟» follow-up, which asks the earlier question again of
    something else, moves past it to a passage with the words the earlier question did not have
    («ويندوز» in «وماذا عن هواتف ويندوز؟» after «على أي هواتف أيفون…؟») where none has more of its words."""
    if not ranked or ranked[0][0].document.metadata["ref"] not in previous.refs:
        return ranked
    if info.kind in CHECKABLE:
        wanted = 1

        def answers(hit: Hit) -> int:
            return int(type_match(info.kind, hit.passage_phrases(), info.asked))
    elif info.kind in ("other", "reason") and info.terms:
        own = _own_groups(info)
        moved = _first_with(ranked, lambda hit: _groups_in(own, hit), len(own))
        if moved is not ranked:
            return moved
        # Words the earlier question had are not what is new: «وماذا عن هواتف ويندوز؟» after «على أي
        # هواتف أيفون…؟» asks about «ويندوز»; «هواتف» is in the passage given already.
        if not asks_what_about(info.text):
            return ranked
        said = set(tokenize(previous.resolved))
        new = [group for group in own if not set(group) & said]
        return _first_with(ranked, lambda hit: _groups_in(new, hit), len(new)) if 0 < len(new) < len(own) else ranked
    else:
        return ranked
    return _first_with(ranked, answers, wanted)


def _groups_in(groups: list[tuple[str, ...]], hit: Hit) -> int:
    """How many of the term groups a passage has a term of."""
    terms = _passage_terms(hit)
    return sum(1 for group in groups if set(group) & terms)


def _first_with(ranked: list[tuple[Hit, float]], answers: Callable[[Hit], int], wanted: int
                ) -> list[tuple[Hit, float]]:
    """`_not_a_repeat`'s move: the best passage, if it has fewer than `wanted` of what the follow-up asks
    (`answers`), gives way to the first passage of its article scored at least REPEAT_MIN that has one
    (if it has none) or all; the same list when none does."""
    best = ranked[0][0]
    have = answers(best)
    if have >= wanted:
        return ranked
    needed = 1 if have == 0 else wanted  # a passage with some of the new words gives way to one with all
    for i, (hit, p) in enumerate(ranked[1:], start=1):
        if p < REPEAT_MIN:
            break
        if hit.document.metadata["file"] == best.document.metadata["file"] and answers(hit) >= needed:
            return [ranked[i]] + ranked[1:i] + ranked[i + 1:]
    return ranked


def _holder_named_first(info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> list[tuple[Hit, float]]:
    """For a question asking who holds a role («من هو والي منوبة؟») whose best passage, with its
    neighbours, names nobody by that role (`decide.role_ok` fails: «ذلك ما أعلنته وزيرة الصحة…
    بولاية منوبة»), the first of the next passages (RUNNER_UP_DEPTH in all), nearly as likely (within
    RUNNER_UP_MARGIN), that names its holder right by it («…بحضور والي منوبة احمد السماوي») comes first.
    For an Arabic one asking it by a verb («من يرأس الرابطة؟», `QuestionInfo.heads`), see `_head_named_first`."""
    if info.asks_holder is None:
        return _head_named_first(info, ranked)
    if not ranked or role_ok(info, ranked[0][0]):
        return ranked
    best_p = ranked[0][1]
    for i, (hit, p) in enumerate(ranked[1:RUNNER_UP_DEPTH], start=1):
        if p < best_p - RUNNER_UP_MARGIN:
            break
        if role_named(info.asks_holder, hit.window_text, hit.window_passage_phrases(), ROLE_NAME_KINDS, info.asked,
                      qualifier=info.holder_qualifier):
            return _moved_first(ranked, i)
    return ranked


def _head_named_first(info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> list[tuple[Hit, float]]:
    """For an Arabic question asking by a verb who heads something («مين اللي بيرأس الرابطة؟», «من يدير
    المجمع؟»: `QuestionInfo.heads`) whose best passage names nobody by the title (it passed `role_ok` on
    naming some person: «…للكاتبة حفيظة قاره بيبان», or failed it), the first of the QUALIFIED_DEPTH best
    that names the holder by the title in its own words («…رئيس الرابطة الكاتب جلول عزونة») comes first,
    however much less likely. On the blind sets 30–62, 2 more answers, none lost; only the verb's way: a
    question naming the title or a nationality, or in English, lost more than it won."""
    if info.heads is None or info.nationality is not None or info.latin_share > 0.5 or not ranked:
        return ranked
    best = ranked[0][0]
    if role_named(info.heads, best.window_text, best.window_passage_phrases(), ROLE_NAME_KINDS, info.asked,
                  strict=False):
        return ranked
    for i, (hit, _) in enumerate(ranked[1:QUALIFIED_DEPTH], start=1):
        if role_named(info.heads, hit.document.page_content, hit.passage_phrases(), ROLE_NAME_KINDS, info.asked):
            return _moved_first(ranked, i)
    return ranked


def _qualified_holder_first(info: QuestionInfo, ranked: list[tuple[Hit, float]],
                            holders: Callable[[str, Hit], frozenset[str]]) -> list[tuple[Hit, float]]:
    """For a question asking who holds a role of one nationality («ما اسم وزير الخارجية الروسي؟»), the
    first of the QUALIFIED_DEPTH best passages that names that role's holder («…بين روبيو ونظيره
    الروسي سيرجي لافروف»: `names_holder_of`, a counterpart only of someone its article gives that role:
    `holders`) comes first when the best one does not (it named «وزير الخارجية ماركو روبيو»: another
    country's holder), if the reader scores it at least QUALIFIED_MIN_RATIO of the best."""
    if info.nationality is None or info.kind != "person" or not ranked:
        return ranked
    role = info.nationality

    def names(hit: Hit) -> bool:
        return names_holder_of(role, hit.document.page_content, hit.passage_phrases(), holders(role[0], hit))

    best, best_p = ranked[0]
    if names(best):
        return ranked
    for i, (hit, p) in enumerate(ranked[1:QUALIFIED_DEPTH], start=1):
        if p >= QUALIFIED_MIN_RATIO * best_p and names(hit):
            return _moved_first(ranked, i)
    return ranked


QUALIFIED_MIN_RATIO = 0.5
# How far under the answerability threshold a question asking the holder of a role of one nationality may be
# when the best passage names that holder (`_names_qualified_holder`).
QUALIFIED_THRESHOLD_FACTOR = 0.4
HOLDER_DEPTH = 3  # `_holder_elsewhere`: how many passages are looked at, the best one included
QUALIFIED_DEPTH = 5


def _past_the_colon(info: QuestionInfo, ranked: list[tuple[Hit, float]]) -> list[tuple[Hit, float]]:
    """The passage after the best one first when the best one ends in a colon: it only introduces
    what follows («…عن تشكيلة حكومة الوحدة الوطنية والتي ضمت كلا من :»), and the list after it says
    who got which portfolio. Not when that passage lacks the type of phrase asked for, which the
    introduction has («في أي تاريخ كشف…؟»), or a place or a body asked for (`_TYPED_IN_LISTS`)."""
    best = ranked[0][0]
    if not introduces_list(best):
        return ranked
    for i, (hit, _) in enumerate(ranked[1:], start=1):
        if hit.document.metadata["file"] == best.document.metadata["file"] and hit.position == best.position + 1:
            if type_match(info.kind, hit.passage_phrases(), info.asked) and (
                    info.kind not in _TYPED_IN_LISTS or matching_spans(info.kind, hit.passage_phrases(), info.asked)):
                return _moved_first(ranked, i)
            break
    return ranked


# The loosely checked kinds a list after a colon names with a typed phrase when it answers: a place or
# a body («…المنعقد بالحمامات عن النتائج التالية :» is followed by the names elected, no place). Not a
# person: a list of bare names («فتحي العيادي كريم الهاروني…») has no title to type them by.
_TYPED_IN_LISTS = frozenset(("place", "organisation"))


def _text_before(hit: Hit) -> str:
    """The part of a passage's window (its paragraph's neighbours) before the passage; "" if none."""
    at = hit.window.find(hit.document.page_content) if hit.window else -1
    return hit.window[:at].strip() if at > 0 else ""


def _dated_ahead(info: QuestionInfo, composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer marks a date to come: not the day of the report or the one before,
    and in a sentence that speaks of the future (`speaks_of_future`), or, for «إلى متى…؟», a date that
    ends what goes on («…استأنفوا احتجاجاتهم اليوم الاثنين… إلى غاية يوم الجمعة 28 أفريل»)."""
    return composed[1] is not None and not now_or_before(composed[1]) and (
        speaks_of_future(*composed) or (asks_until(info.text) and closes_range(*composed)))


def _tells_origin(origin: str, composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer marks a date in a sentence that tells the start asked about (`origin_asked`)."""
    return composed[1] is not None and tells_origin(*composed, kind=origin)


def _placed_ahead(composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer marks a place in a sentence that speaks of something to come
    («…قمة ترامب-بوتين المرتقبة في بودابست بالمجر»: `speaks_of_future`)."""
    return composed[1] is not None and speaks_of_future(*composed)


def _may_name(info: QuestionInfo, answer: str) -> bool:
    """Whether an answer may give a name of no known kind that nothing typed: a word for naming
    («تُعرف بنظرية ميازما», «يُطلق عليه…», «باسم…») or the asked-for noun followed by a word the question
    does not say («المستعمرة الفرنسية فورت كارولين»: `noun_named`). Terms of Wikipedia are often so."""
    return bool(_NAMING_RE.search(normalize_arabic(answer))) or (
        info.name_noun is not None and noun_named((info.name_noun,), answer, info.asked))


# Words for naming, normalised: «يسمى», «تُدعى», «يُطلق عليه», «تُعرف», «المعروف باسم», «باسم».
_NAMING_RE = re.compile(r"(?<!\w)[وف]?(?:[يت]سمي|سمي|سميت|المسمي|المسماه|[يت]دعي|[يت]طلق\s+علي\w*|اطلق\s+علي\w*"
                        r"|[يت]عرف|عرفت|المعروف\w*|ب?اسم|اسمه|اسمها|لقب|الملقب\w*)(?!\w)")


def _names_any(words: Sequence[str], composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer has one of some normalised words in one of its lexical forms."""
    return any(_names_word(word, composed) for word in words)


def _names_word(word: str, composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer has a normalised word in one of its lexical forms (`term_groups`)."""
    said = set(tokenize(composed[0]))
    return any(form in said for group in term_groups(word) for form in group)


_COUNT_KINDS = ("count", "number")
_TIME_KINDS = ("date", "planned", "duration", "lasting")  # when, and how long
# «كم مرة…؟» asks how often or how many times more, which a multiple says in words of its own («عشرة
# أضعاف»): no noun to count.
_TIMES = frozenset(("مره", "مرات"))


def _counts_noun(info: QuestionInfo, hit: Hit) -> bool:
    """Whether a passage, on its own, counts the noun after «كم» (`how_many_noun`: «كم عملية…؟»)."""
    return _count_before_noun(info, hit.document.page_content, hit.passage_phrases())


def _reports_actor(info: QuestionInfo, composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer reports the question's actor saying or doing something (`reports_saying`)."""
    assert info.actor is not None
    return reports_saying(info.actor, composed[0], by_anyone=info.stance)


def _marks_count_in(info: QuestionInfo, composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer marks a phrase and counts the noun after «كم»."""
    return composed[1] is not None and _count_before_noun(info, composed[0], typed_spans(composed[0]))


def _count_before_noun(info: QuestionInfo, text: str, phrases: Sequence[Span]) -> bool:
    """Whether a text has a number the question does not say right before the noun after «كم», in any
    number («19 عملية إنقاذ» for «كم عملية…؟»; not «بكاميرا سريعة التركيز بدقة 16» for «كم كاميرا…؟»)."""
    return any(counts_noun(info.how_many, text, span) for span in matching_spans("number", phrases, info.asked))


def _marks_a_place(composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer marks a phrase (for a where-question, a place; for «ما اسم…؟», a name)."""
    return composed[1] is not None


def _marks_weekday(composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer marks a weekday («الخميس», «يوم الاثنين 27 مارس»: `weekdays_named`)."""
    return composed[1] is not None and bool(weekdays_named(composed[1]))


def _of_the_series(question: str, composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer speaks of no other one of a series than the question's (`another_of_the_series`)."""
    return not another_of_the_series(question, composed[0])


def _on_weekday(weekdays: frozenset[int], composed: tuple[str, str | None]) -> bool:
    """Whether a composed answer names one of the weekdays asked about (`weekdays_named`)."""
    return bool(weekdays & weekdays_named(composed[0]))


# The names asked outright («ما اسم…؟»: `asks_for_name`) that the typed phrases find well enough for an
# answer without one to count as not saying it: a person's and a place's. Not an organisation's (often quoted
# or in Latin script, which nothing types: «…شركة الطيران الخاصة "سيفاكس آرلاينز"»), nor a name of any other
# thing («ما اسم الخوارزمية…؟», «ما اسم البروتينات…؟»): with those too, XQuAD-ar lost 8 of its 913 answers.
NAMES_TYPED = frozenset(("person", "place"))

# How far below the best passage's reader probability a runner-up may be and still answer a when-
# question whose best passage gives no date of the right sort (`_runner_up_first`).
RUNNER_UP_MARGIN = 0.2
RUNNER_UP_DEPTH = 3
# A place in a sentence about something to come is rare enough evidence to look two passages further for
# («…قمة ترامب-بوتين المرتقبة في بودابست» fourth, behind the last summit's town and two sentences with none).
PLACED_AHEAD_DEPTH = 5


def _runner_up_first(info: QuestionInfo, ranked: list[tuple[Hit, float]],
                     answers: Callable[[list[tuple[Hit, float]]], bool],
                     good: Callable[[tuple[str, str | None]], bool], margin: float = RUNNER_UP_MARGIN,
                     depth: int = RUNNER_UP_DEPTH) -> tuple[list[tuple[Hit, float]], tuple[str, str | None] | None]:
    """For «متى سيتجمع المدرسون…؟» whose best passage gives no date to come (`good` is `_dated_ahead`),
    or «متى تأسست…؟» whose best passage tells no founding (`_tells_origin`): the first of the next
    passages (RUNNER_UP_DEPTH in all), nearly as likely (within RUNNER_UP_MARGIN), that has the type of
    phrase asked for and, moved first, `answers` the question (the answerability model and the type
    checks judge it as they judged the best one) with an answer that is `good` and marks a phrase of
    its own, if it marks any, with that answer; else the ranking and None. Also for a question naming a
    weekday whose best passage tells another day's event (`_on_weekday`). `margin`: how much less likely
    the runner-up may be; `depth`: how many passages are looked at, the best one included."""
    best_p = ranked[0][1]
    for i, (hit, p) in enumerate(ranked[1:depth], start=1):
        if p < best_p - margin or not type_match(info.checked_kind, hit.passage_phrases(), info.asked):
            continue
        moved = _moved_first(ranked, i)
        if not answers(moved):
            continue
        composed = compose(info, moved)
        # Its own answer: the phrase marked comes from it (nothing is marked for «ماذا…؟», «لماذا…؟»).
        if good(composed) and (composed[1] is None or composed[1] in hit.document.page_content):
            return moved, composed
    return ranked, None


def _names_noun(nouns: tuple[str, ...], asked: frozenset[str], composed: tuple[str, str | None]) -> bool:
    """Whether an answer names something of the noun a which-question asks about (`noun_named`)."""
    return noun_named(nouns, composed[0], asked)


def _marked_first(ranked: list[tuple[Hit, float]], highlight: str | None) -> list[tuple[Hit, float]]:
    """The ranking with the passage the marked phrase comes from first, when the answer took it from a
    runner-up (`compose`): the first source is the sentence the answer came from."""
    if highlight is None or not ranked or highlight in ranked[0][0].document.page_content:
        return ranked
    for i, (hit, _) in enumerate(ranked[1:3], start=1):
        if highlight in hit.document.page_content:
            return _moved_first(ranked, i)
    return ranked


def _moved_first(ranked: list[tuple[Hit, float]], i: int) -> list[tuple[Hit, float]]:
    """The ranking with its i-th passage moved to the front, the others in order."""
    return [ranked[i]] + ranked[:i] + ranked[i + 1:]


# The least reader probability at which another passage replaces a repeated one (`_not_a_repeat`).
REPEAT_MIN = 0.3


def turn_of(answer: Answer) -> Turn:
    """The history entry an answer leaves behind."""
    return Turn(question=answer.question, resolved=answer.resolved or answer.question,
                answer=answer.answer if answer.found else "", found=answer.found,
                refs=tuple(s.source for s in answer.sources[:1]) if answer.found else (),
                highlight=answer.highlight if answer.found else None)
