"""Which passage answers, and does the article answer at all? Two small fitted models.

- The **reader** scores each retrieved passage: P(the passage holds the answer | the question is
  answerable), over retrieval, coverage and answer-type features of the (question, passage) pair.
- An **off-topic gate** first asks whether the question is about the articles at all (the retriever's
  first passage, by reciprocal rank fusion: its cosine, margin and how many of the question's words it
  and its article share).
- The **answerability** model looks at the question and its best passage (the reader's score, its
  margin over the runner-up, whether the asked-for type of phrase is there, how much of the question
  the passage's article covers at all) and gives P(the best passage answers the question).

Both are logistic models whose weights live in `decision.json`, fitted by
`python -m bench.tune_decision` on news questions (answerable ones, near misses, and answerable ones
with their answer hidden) and XQuAD-ar; see the README. Latin-script (English) questions have their
own pair, since their words cannot match the article's lexically.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.answer_type import (CHECKABLE, calendar_dates, count_of_noun, day_dates, in_units, matching_spans,
                             mentions_noun, mentions_tie, name_spans, names_holder_of, noun_named, role_named, says_pay,
                             since_phrases, type_match)
from bot.question import QuestionInfo
from index.bridge import reads_as_english
from index.normalize import ARABIC_LETTER_RE
from index.retriever import Hit

WEIGHTS_FILE = Path(__file__).with_name("decision.json")


# Answer types the fitted models were not told apart from a broader one: they judge them as that one.
# «كم استمرت القمة؟» asks how long it lasted, which «مضى شهران منذ القمة» does not say; the highlight
# tells them apart (`bot.compose`), the models see a duration question.
_FITTED_AS = {"lasting": "duration", "colour": "other", "score": "other", "nationality": "other",
              "penalty": "other"}


def features(info: QuestionInfo, hit: Hit) -> dict[str, float]:
    """Named features of one (question, passage) pair."""
    kind = _FITTED_AS.get(info.checked_kind, info.checked_kind)
    return {
        "dense": hit.dense,
        "dense_margin": hit.dense_margin,
        "lexical_norm": hit.lexical_norm,
        "coverage": hit.coverage,
        "window_coverage": hit.window_coverage,
        "corpus_coverage": hit.corpus_coverage,
        "article_coverage": hit.article_coverage,
        "type_ok": 1.0 if type_match(kind, hit.passage_phrases(), info.asked) else 0.0,
        "window_type_ok": 1.0 if type_match(kind, hit.window_passage_phrases(), info.asked) else 0.0,
        "checkable": 1.0 if kind in CHECKABLE else 0.0,
        # The loosely checked kinds (a person, a place, a reason): whether the passage or its neighbours
        # have a phrase of that kind the question does not already say (a name after a title…).
        "window_loose_type": 1.0 if kind in CHECKABLE or kind == "other" or matching_spans(
            kind, hit.window_passage_phrases(), info.asked) else 0.0,
        "few_terms": 1.0 if len(set(info.terms)) <= 1 else 0.0,
        "focus_sim": hit.focus_sim,
        "dense_gap": hit.dense_gap,
        "coverage_gap": hit.coverage_gap,
        "sentence_dense": hit.sentence_dense,
    }


def gates(info: QuestionInfo, hit: Hit) -> dict[str, float]:
    """The name checks of one (question, passage) pair: gates on the best passage, not model inputs,
    so they are worked out for that passage only (the role check reads the whole window: ~0.5 ms).
    - "name_ok": a question asking outright for a person's, an organisation's or a place's name needs
      one of that kind (after a title, an organisation or a place word) in the passage or its
      neighbours that shares no word with it: «ما اسم زوجة لافروف؟» is not answered by «سيرجي
      لافروف». Not for a name of no known kind («ما اسم الأبجدية…؟»): a term answers those as often
      as a name does (11 of XQuAD-ar's answered questions lost with it, one news near miss refused).
    - "role_ok": see `role_ok`.
    - "count_ok": a «كم عدد X؟» question needs a count of X (X in any number, near the count) in the
      passage or its neighbours: `count_of_noun`.
    - "date_ok": a question asking for a date of the calendar («في أي تاريخ…؟») needs one there, not
      only a weekday or «اليوم» (`calendar_dates`); one asking since when («منذ متى…؟») is also answered
      by a date right after «منذ» («منذ أمس») or by the time gone by since («مضى أكثر من شهرين»):
      `since_phrases`; one asking on which day («في أي يوم…؟») needs a date naming the day or
      «أمس/اليوم» (`day_dates`), not only «هذا الأسبوع».
    - "unit_ok": a how-much question asking in a unit («كم يوما…؟») needs an amount in it: `_unit_ok`.
    - "pay_ok": one asking what someone is paid («كم راتب…؟») needs pay spoken of there: `says_pay`."""
    return {
        "name_ok": 1.0 if _name_ok(info, hit) else 0.0,
        "role_ok": role_ok(info, hit),
        "count_ok": 1.0 if info.counts is None or count_of_noun(
            info.counts, hit.window_text, hit.window_passage_phrases(), info.asked) else 0.0,
        "date_ok": 1.0 if _date_ok(info, hit) else 0.0,
        "unit_ok": 1.0 if _unit_ok(info, hit) else 0.0,
        "pay_ok": 0.0 if info.kind == "money" and info.pay and not says_pay(hit.window_text) else 1.0,
    }


def _unit_ok(info: QuestionInfo, hit: Hit) -> bool:
    """Whether the passage or its neighbours give an amount in a unit the question asks in («كم يوما…؟»
    over «ثلاثة أيام», not «0,2 بالمائة» or «ثلاثة أشهر»; «كم دولارا…؟» not over dinars only). Arabic
    units only: an English question's "hours" cannot be found among the passage's Arabic words."""
    units = [u for u in info.units if ARABIC_LETTER_RE.search(u)]
    return not units or any(in_units(units, span.text)
                            for span in matching_spans(info.kind, hit.window_passage_phrases(), info.asked))


def _date_ok(info: QuestionInfo, hit: Hit) -> bool:
    """Whether the passage or its neighbours can give the date a question asks for outright: a date of
    the calendar for «في أي تاريخ…؟» (or, since when, what `since_phrases` finds), a day for «في أي يوم…؟»."""
    phrases = hit.window_passage_phrases()
    if info.calendar and not (calendar_dates(phrases, info.asked)
                              or (info.since and since_phrases(hit.window_text, phrases, info.asked))):
        return False
    return not info.day or bool(day_dates(phrases, info.asked))


def _name_ok(info: QuestionInfo, hit: Hit) -> bool:
    """Whether the passage or its neighbours can give the name a question asks for outright: one of
    the kind asked for (`name_spans`); for a name of no known kind («ما اسم الملعب…؟»), one of any
    kind or the asked-for noun followed by a word the question does not say (`noun_named`). An
    English question's noun cannot be looked for in an Arabic passage: any name there will do."""
    if info.asks_name is None:
        return True
    if info.asks_name == "any" and info.name_noun is not None and mentions_noun((info.name_noun,), hit.window_text):
        # «ما أسماء البنوك المنخرطة في برنامج المسكن الأول؟» over «…بين الدولة التونسية (وزارة التجهيز والمالية
        # والبنك المركزي) والبنوك المنخرطة في البرنامج»: where the passage mentions the noun asked about, its
        # name is what the passage calls it, not another name beside it. Not for an organisation's noun
        # («الشركة»), which `name_spans` checks for a name it heads; `noun_named` would take any word after it
        # («الشركة في ذات البيان»).
        return noun_named((info.name_noun,), hit.window_text, info.asked)
    if name_spans(info.asks_name, hit.window_passage_phrases(), info.asked, info.name_noun):
        return True
    if info.asks_name != "any":
        return False
    return info.name_noun is None or noun_named((info.name_noun,), hit.window_text, info.asked)


def introduces_list(hit: Hit) -> bool:
    """Whether a passage ends in a colon: it only introduces what follows («…عن تشكيلة حكومة الوحدة الوطنية
    والتي ضمت كلا من :»), and the list after it says what is asked."""
    return hit.document.page_content.rstrip().endswith(":")


def role_ok(info: QuestionInfo, hit: Hit) -> float:
    """0.0 when the question asks who holds a role («ما اسم رئيس المحكمة…؟», «من هو مدرب…؟») and
    the passage or its neighbours mention that role with no name by it, or do not mention it and name
    no person the question does not name («من هو مدرب نادي موناكو؟» over the match report); else 1.0.
    A verb asks the same as its title («من يرأس المرصد…؟»: `QuestionInfo.heads`), its object softly.
    On four news sets: 6 more near misses refused, 2 answers lost (names typed by no title)."""
    role = info.asks_holder or info.heads
    if role is None or introduces_list(hit):
        return 1.0  # an introduction is judged by the list after it, which names the holders
    if info.nationality is not None and names_holder_of(info.nationality, hit.document.page_content,
                                                        hit.passage_phrases()):
        # «من هو المسؤول الروسي الذي…؟» over «…بين روبيو ونظيره الروسي سيرجي لافروف»: the counterpart
        # of that nationality, the passage `_qualified_holder_first` put first, names the holder.
        return 1.0
    named = role_named(role, hit.window_text, hit.window_passage_phrases(), ROLE_NAME_KINDS, info.asked,
                       strict=info.asks_holder is not None, qualifier=info.holder_qualifier)
    if named is None:
        # The role not mentioned: a paraphrase may still name its holder, but then a person it is. A
        # family tie, or an office asked by its title («ما اسم رئيس…؟», not «من يرأس…؟», which «سيقود»
        # paraphrases), is not paraphrased away, so a passage that never mentions it does not say.
        if mentions_tie(role[0], hit.window_text, offices=info.asks_holder is not None) is False:
            return 0.0
        return 1.0 if name_spans("person", hit.window_passage_phrases(), info.asked) else 0.0
    return 0.0 if named is False else 1.0


# The phrase kinds that can name a person holding a role.
ROLE_NAME_KINDS = ("person", "organisation", "quoted")


FEATURE_NAMES = ("dense", "dense_margin", "lexical_norm", "coverage", "window_coverage", "corpus_coverage",
                 "article_coverage", "type_ok", "window_type_ok", "checkable", "few_terms", "focus_sim",
                 "dense_gap", "coverage_gap", "sentence_dense", "window_loose_type")


def answerability_features(best: dict[str, float], best_p: float, second_p: float) -> dict[str, float]:
    """Question-level features: the best passage's own, with the reader's score and its margin."""
    return {**best, "reader": best_p, "reader_margin": best_p - second_p}


def type_supported_by(values: dict[str, float]) -> bool:
    """The type check on a passage's features: a question asking for a checkable type (a count, a
    date, an amount…) needs a phrase of that type, not already in the question, in the passage or
    its neighbours («كم راتب…» over a passage with no amount of money does not answer it); one asking
    for a name needs a name there («ما اسم زوجته؟» over a passage that names nobody new), and one
    asking who holds a role needs a name by the role where the passage mentions it."""
    return ((not values["checkable"] or bool(values["window_type_ok"]))
            and all(values.get(name, 1.0) for name in GATE_NAMES))


# The checks `gates` returns, each 1.0 where it passes (a feature set without one passes it).
GATE_NAMES = ("name_ok", "role_ok", "count_ok", "date_ok", "unit_ok", "pay_ok")


ANSWERABILITY_NAMES = FEATURE_NAMES + ("reader", "reader_margin")
# Is the question about the articles at all? Judged on the retriever's first passage.
ON_TOPIC_NAMES = ("dense", "dense_margin", "lexical_norm", "coverage", "article_coverage", "corpus_coverage")


# No sentence of the articles this close to the question (e5 cosine, question alone): it is about
# something else («ما هو لون علم المجر؟», «How tall is the Eiffel Tower?»). Just under the least of
# our answerable questions (Arabic script: 0.786 of 1,094; Latin: 0.753 of 220).
ARABIC_TOPIC_FLOOR = 0.775
LATIN_TOPIC_FLOOR = 0.745


@dataclass(frozen=True)
class Logistic:
    """One fitted logistic model over named features."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, values: dict[str, float]) -> float:
        """P(positive) for a feature dict."""
        z = self.bias + sum(w * values[n] for n, w in zip(self.names, self.weights))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class ScriptModels:
    """The reader, the answerability model and its threshold for one script."""

    reader: Logistic
    answerable: Logistic
    threshold: float
    on_topic: Logistic | None = None  # off-topic gate (fitted on questions asked of other articles)
    on_topic_threshold: float = 0.5  # set to keep 97% of the on-topic fitting questions


@dataclass(frozen=True)
class DecisionModel:
    """Models for questions in Arabic script and for Latin-script (English) questions."""

    arabic: ScriptModels
    latin: ScriptModels

    def model_for(self, info: QuestionInfo) -> ScriptModels:
        """The models that fit a question's script."""
        return self.latin if info.latin_share > 0.5 else self.arabic

    def uses(self, feature: str, info: QuestionInfo) -> bool:
        """Whether the models for this question's script use a feature (work for one they do not can
        be skipped)."""
        models = self.model_for(info)
        return feature in models.reader.names or feature in models.answerable.names

    def probability(self, info: QuestionInfo, hit: Hit) -> float:
        """The reader's P(passage holds the answer)."""
        return self.model_for(info).reader.probability(features(info, hit))

    def answerability(self, info: QuestionInfo, ranked: Sequence[tuple[Hit, float]]) -> float:
        """P(the best of the ranked passages answers the question); 0 with no passage."""
        if not ranked:
            return 0.0
        best, best_p = ranked[0]
        second_p = ranked[1][1] if len(ranked) > 1 else 0.0
        values = answerability_features(features(info, best), best_p, second_p)
        return self.model_for(info).answerable.probability(values)

    def on_topic(self, info: QuestionInfo, ranked: Sequence[tuple[Hit, float]]) -> bool:
        """Whether the question is about the articles at all: false for an Arabic-script question that
        shares no word with the indexed articles or with the best passage's article, else the off-topic gate on the retriever's first passage
        (always true without a fitted gate or a passage)."""
        models = self.model_for(info)
        if not ranked:
            return True
        if models is self.arabic and ranked[0][0].corpus_coverage == 0.0:
            # Not one of its words in any indexed article: of 445 answerable Arabic-script questions
            # in our question sets none was like this, while off-topic ones often are.
            return False
        if models is self.arabic and info.terms and ranked[0][0].article_coverage == 0.0:
            # Nor in the article of the best passage («كيف أحضّر كعكة الشوكولاتة في البيت؟» over an
            # archive where another article says «البيت»): seen sets, 1 more off-topic question
            # refused, none of the 2 such answerable ones was answered right.
            return False
        if models is self.latin and ranked[0][0].corpus_coverage == 0.0 and not reads_as_english(info.text):
            # Latin letters that are not English («lorem ipsum dolor») and hold no name the articles
            # spell: nothing to match them on but the model's guess.
            return False
        floor = LATIN_TOPIC_FLOOR if models is self.latin else ARABIC_TOPIC_FLOOR
        if max(hit.sentence_dense for hit, _ in ranked) < floor:
            return False
        if models.on_topic is None:
            return True
        # The first by fused rank, not by cosine alone: the closest by cosine is often a short line
        # sharing no word with the question («- إسماعيل محمد الصلابي - ليبي.»), refusing real questions.
        first = max((hit for hit, _ in ranked), key=lambda hit: hit.fused)
        return models.on_topic.probability(features(info, first)) >= models.on_topic_threshold

    @staticmethod
    def type_supported(info: QuestionInfo, ranked: Sequence[tuple[Hit, float]]) -> bool:
        """`type_supported_by` on the best passage: without a phrase of the kind asked for the article
        does not give what is asked, however well it matches the question's names."""
        return not ranked or type_supported_by({**features(info, ranked[0][0]), **gates(info, ranked[0][0])})

    def threshold(self, info: QuestionInfo) -> float:
        """The answerability above which the best passage counts as the answer."""
        return self.model_for(info).threshold


def _logistic(part: dict, known: tuple[str, ...], path: Path) -> Logistic:
    unknown = set(part["features"]) - set(known)
    if unknown:
        raise RuntimeError(f"{path}: unknown features {sorted(unknown)}")
    return Logistic(tuple(part["features"]), tuple(float(w) for w in part["weights"]), float(part["bias"]))


@lru_cache(maxsize=4)
def load_decision_model(path: Path = WEIGHTS_FILE) -> DecisionModel:
    """Read the fitted weights; every feature they name must exist in this code."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    models = {}
    for key in ("arabic", "latin"):
        part = data[key]
        models[key] = ScriptModels(
            reader=_logistic(part["reader"], FEATURE_NAMES, path),
            answerable=_logistic(part["answerable"], ANSWERABILITY_NAMES, path),
            threshold=float(part["threshold"]),
            on_topic=_logistic(part["on_topic"], ON_TOPIC_NAMES, path) if part.get("on_topic") else None,
            on_topic_threshold=float(part.get("on_topic_threshold", 0.5)),
        )
    return DecisionModel(**models)
