"""Unit tests: the found/not-found decision, composing and showing the answer, and which part of a message is asked."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from bot.answer import Turn
from bot.answer_type import says_years, years_named
from bot.chain import _not_a_repeat
from bot.checks import question_part
from bot.compose import MAX_ANSWER_CHARS, compose, trim
from bot.decide import ANSWERABILITY_NAMES, FEATURE_NAMES, features, load_decision_model
from bot.question import analyse, standard_arabic
from index.retriever import PARAGRAPH_WEIGHT, Hit


def hit(text: str, dense: float, margin: float, coverage: float, corpus: float | None = None,
        position: int = 0, paragraph: int = 1, file: str = "a.txt", window: str | None = None) -> Hit:
    doc = Document(page_content=text, metadata={"id": position, "ref": f"{file}#{paragraph}.{position}", "article": "A",
                                                "file": file, "paragraph": paragraph, "sentence": position})
    return Hit(document=doc, dense=dense, dense_margin=margin, lexical=coverage * 10, lexical_norm=coverage,
               coverage=coverage, window_coverage=coverage, corpus_coverage=coverage if corpus is None else corpus,
               fused=0.03, article_coverage=coverage if corpus is None else corpus, window=window or text,
               sentence_dense=dense / (1 + PARAGRAPH_WEIGHT))  # as if its paragraph scored like it


def test_fitted_weights_use_known_features_and_sensible_thresholds():
    model = load_decision_model()
    for part in (model.arabic, model.latin):
        assert set(part.reader.names) <= set(FEATURE_NAMES)
        assert set(part.answerable.names) <= set(ANSWERABILITY_NAMES)
        assert 0.05 < part.threshold < 0.95


def test_a_matching_passage_is_an_answer_and_an_unrelated_one_is_not():
    model = load_decision_model()
    info = analyse("متى افتتح الجسر الجديد؟")
    good = hit("افتتح الجسر الجديد يوم 12 مارس 2024.", dense=1.22, margin=0.09, coverage=1.0)
    poor = hit("قال الوزير إن المحادثات كانت بناءة.", dense=1.05, margin=0.0, coverage=0.0, corpus=0.2)
    assert model.probability(info, good) > model.probability(info, poor)
    assert model.answerability(info, [(good, model.probability(info, good))]) >= model.threshold(info)
    assert model.answerability(info, [(poor, model.probability(info, poor))]) < model.threshold(info)


def test_the_type_of_answer_counts():
    model = load_decision_model()
    info = analyse("كم عدد سكان المدينة؟")
    with_number = hit("يبلغ عدد سكان المدينة 40 ألف نسمة.", 1.2, 0.05, 0.8)
    without = hit("يبلغ عدد سكان المدينة مستوى قياسياً.", 1.2, 0.05, 0.8)
    assert model.probability(info, with_number) > model.probability(info, without)


def test_a_passage_without_the_kind_of_phrase_asked_for_does_not_answer():
    model = load_decision_model()
    salary = analyse("كم راتب المدرب الجديد؟")
    named = hit("عين النادي المدرب الجديد سامي الخطيب يوم 3 مارس.", 1.25, 0.1, 1.0)
    paid = hit("يتقاضى المدرب الجديد راتبا قدره 20 ألف دينار.", 1.25, 0.1, 1.0)
    assert not model.type_supported(salary, [(named, 0.9)])
    assert model.type_supported(salary, [(paid, 0.9)])
    # A date the question already says is not the date it asks for.
    when = analyse("متى تنطلق دورة 2025 من المهرجان؟")
    assert not model.type_supported(when, [(hit("تنطلق دورة 2025 من المهرجان بعرض جديد.", 1.2, 0.1, 1.0), 0.9)])
    assert model.type_supported(analyse("ماذا قال المدرب؟"), [(named, 0.9)])  # not a checkable type
    # A name the question already says, behind a conjunction («روبيو ولافروف»), is no new name.
    source = analyse("ما اسم المصدر الذي قال إن روبيو ولافروف لديهما توقعات متباينة؟")
    assert source.asks_name == "person"
    said = hit("التقى روبيو نظيره الروسي سيرجي لافروف، وقال أحد المصادر إن توقعاتهما متباينة.", 1.25, 0.1, 1.0)
    assert not model.type_supported(source, [(said, 0.9)])
    # Asked who holds a role the passage mentions without naming anyone by it.
    judge = analyse("ما اسم رئيس المحكمة التي نظرت في القضية؟")
    unnamed = hit("نظرت المحكمة في القضية برئاسة رئيس المحكمة الابتدائية.", 1.25, 0.1, 1.0)
    assert not model.type_supported(judge, [(unnamed, 0.9)])
    assert model.type_supported(judge, [(hit("نظرت المحكمة في القضية برئاسة رئيس المحكمة القاضي سامي الخطيب.",
                                             1.25, 0.1, 1.0), 0.9)])
    # The role not mentioned at all: only a passage naming a person the question does not may say who.
    coach = analyse("من هو مدرب نادي موناكو؟")
    match = hit("فاز نادي جوفنتوس على مضيفه موناكو بهدفين دون رد.", 1.25, 0.1, 1.0)
    assert not model.type_supported(coach, [(match, 0.9)])
    assert model.type_supported(coach, [(hit("قاد المدير الفني البرتغالي ليوناردو جارديم موناكو إلى الفوز.",
                                             1.25, 0.1, 1.0), 0.9)])


def test_a_question_asking_for_a_date_of_the_calendar_needs_one_not_a_weekday_or_today():
    model = load_decision_model()
    joined = analyse("في أي تاريخ انضم الإعلامي إلى الحزب؟")
    assert joined.calendar and joined.kind == "date"
    today = hit("أكد الإعلامي اليوم الخميس أنه انضم إلى الحزب.", 1.25, 0.1, 1.0)
    assert not model.type_supported(joined, [(today, 0.9)])
    dated = hit("انضم الإعلامي إلى الحزب يوم الخميس 21 مارس 2017.", 1.25, 0.1, 1.0)
    assert model.type_supported(joined, [(dated, 0.9)])
    assert compose(joined, [(dated, 0.9)])[1] == "الخميس 21 مارس 2017"  # the date marked, not the weekday alone
    # «متى…؟» may be answered by a weekday.
    assert model.type_supported(analyse("متى انضم الإعلامي إلى الحزب؟"), [(today, 0.9)])
    assert analyse("On what date did the journalist join the party?").calendar


@pytest.mark.parametrize("question", ["منذ متى يتولى هشام بسباس رئاسة الهيئة؟", "ومنذ متى يتولاها؟",
                                      "من متى بيرأس الهيئة هشام بسباس؟", "Since when has Hichem Besbes led the authority?"])
def test_since_when_asks_when_it_began_which_the_day_of_the_report_does_not_say(question):
    model = load_decision_model()
    since = analyse(standard_arabic(question))
    assert since.kind == "since" and since.calendar  # «من متى» is "since when", not «من» "who"
    reported = hit("قال رئيس الهيئة هشام بسباس أمس الخميس إن الخدمة ستتحسن.", 1.25, 0.1, 1.0)
    assert not model.type_supported(since, [(reported, 0.9)])
    began = hit("يتولى هشام بسباس رئاسة الهيئة منذ جانفي 2015.", 1.25, 0.1, 1.0)
    assert model.type_supported(since, [(began, 0.9)])
    # A day said right after «منذ» says since when too.
    assert model.type_supported(since, [(hit("يتولى هشام بسباس رئاسة الهيئة منذ الاثنين الماضي.", 1.25, 0.1, 1.0), 0.9)])
    # So does the time gone by since it began, which the answer marks.
    gone_by = hit("ومضى أكثر من عامين منذ أن تولى هشام بسباس رئاسة الهيئة.", 1.25, 0.1, 1.0)
    assert model.type_supported(since, [(gone_by, 0.9)])
    assert compose(since, [(gone_by, 0.9)])[1] == "أكثر من عامين"


@pytest.mark.parametrize(("passage", "supported"), [
    ("وأجرى الوزيران، الاثنين، مكالمة هاتفية حول الاجتماع.", True),
    ("ويعقد الوزيران اجتماعا يوم 30 نوفمبر في بودابست.", True),
    ("وقال المصدر أمس إن الوزيرين سيلتقيان.", True),
    ("ومن الممكن أن يلتقي الوزيران هذا الأسبوع في بودابست.", False),
    ("ومن المقرر أن يلتقي الوزيران الأسبوع المقبل في بودابست.", False),
    ("ومن المقرر أن يلتقي الوزيران في نوفمبر 2016 في بودابست.", False),
])
def test_a_which_day_question_needs_a_day_not_a_week_or_a_month(passage, supported):
    """«في أي يوم…؟» is answered by a weekday, a day of the month or «أمس», not by «هذا الأسبوع»."""
    model = load_decision_model()
    for question in ("في أي يوم سيلتقي الوزيران في بودابست؟", "On which day will the two ministers meet in Budapest?"):
        info = analyse(question)
        assert info.day
        assert model.type_supported(info, [(hit(passage, 1.25, 0.1, 1.0), 0.9)]) is supported
    next_week = hit("ومن المقرر أن يلتقي الوزيران الأسبوع المقبل في بودابست.", 1.25, 0.1, 1.0)
    assert model.type_supported(analyse("متى سيلتقي الوزيران في بودابست؟"), [(next_week, 0.9)])  # «متى» asks less


@pytest.mark.parametrize(("question", "passage", "supported"), [
    ("كم يوما استمر الإضراب؟", "واستمر الإضراب ثلاثة أيام في كل المؤسسات.", True),  # a broken plural
    ("كم يوما استمر الإضراب؟", "واستمر الإضراب يومين في كل المؤسسات.", True),
    ("كم يوما استمر الإضراب؟", "واستمر الإضراب ثلاثة أشهر في كل المؤسسات.", False),
    ("كم سنة قضى في السجن؟", "وقضى في السجن عامين قبل أن يطلق سراحه.", True),  # a year is a year
    ("كم دولارا دفعت الحكومة للشركة؟", "ودفعت الحكومة للشركة 3 ملايين دينار.", False),
    ("كم دولارا دفعت الحكومة للشركة؟", "ودفعت الحكومة للشركة 3 ملايين دولار.", True),
    ("How many hours did the strike last?", "واستمر الإضراب ثلاثة أيام في كل المؤسسات.", True),  # no Arabic unit asked
    # a weight or a depth asks in its dimension's units: a length is no weight, nor degrees a depth
    ("كم يبلغ متوسط وزن الرجال؟", "وبلغ متوسط طول الرجال نحو 1.76 متر حسب الدراسة.", False),
    ("كم يبلغ متوسط وزن الرجال؟", "وبلغ متوسط وزن الرجال نحو 82 كيلوغراما حسب الدراسة.", True),
    ("How much does the turtle weigh?", "ويبلغ طول السلحفاة نحو متر واحد.", False),
    ("How much does the turtle weigh?", "ويبلغ وزن السلحفاة نحو 90 كغ.", True),
    ("ما عمق البحيرة؟", "وتبلغ حرارة مياه البحيرة 18 درجة.", False),
    ("ما عمق البحيرة؟", "ويبلغ عمق البحيرة 12 مترا.", True),
    # a unit and its abbreviation measure the same
    ("على بعد كم كيلومتر تقع سرت من طرابلس؟", "وتقع سرت على بعد 450 كلم شرق طرابلس.", True),
    ("كم طنا أنتجت الجهة؟", "وأنتجت الجهة 300 كغ فقط.", False),
    ("كم كيلوغراما حجزت الشرطة؟", "وحجزت الشرطة 40 كلغ من القنب الهندي.", True),
])
def test_a_how_much_question_asking_in_a_unit_needs_an_amount_in_it(question, passage, supported):
    model = load_decision_model()
    assert model.type_supported(analyse(question), [(hit(passage, 1.25, 0.1, 1.0), 0.9)]) is supported


@pytest.mark.parametrize(("question", "text", "said"), [
    ("كم بلغت مداخيل البلدية سنة 2012؟", "حصلت البلدية 6 ملايين دينار سنة 2011 و7 ملايين خلال 2013.", False),
    ("كم بلغت مداخيل البلدية سنة 2012؟", "حصلت البلدية 6 ملايين دينار سنة 2012.", True),
    ("كم بلغت مداخيل البلدية سنة ٢٠١٢؟", "حصلت البلدية 6 ملايين دينار سنة 2012.", True),  # other digits
    ("What were the municipality's takings in 2012?", "حصلت البلدية 6 ملايين دينار سنة 2013.", False),
    ("كم بلغت الصادرات في الفترة 2011-2016؟", "وبلغت الصادرات 20 ألف طن في الفترة 2011-2016.", True),
    ("كم بلغت الصادرات سنة 2016؟", "وبلغت الصادرات 2016.5 طن.", False),  # an amount, not a year
    ("كم بلغت مداخيل البلدية؟", "حصلت البلدية 6 ملايين دينار سنة 2013.", True),  # no year asked
])
def test_a_question_naming_a_year_is_said_only_by_a_text_naming_it(question, text, said):
    """The takings of 2011 and 2013 do not say those of 2012."""
    assert says_years(years_named(question), text) is said


@pytest.mark.parametrize(("question", "passage", "supported"), [
    # The nisba asked («الغيني») names the country the passage gives («جمهورية غينيا»).
    ("من هو الرئيس الغيني الذي التقاه الوزيران؟", "التقى الوزيران أمس برئيس جمهورية غينيا ألفا كوندي في العاصمة.", True),
    ("من هو الرئيس الغيني الذي التقاه الوزيران؟", "التقى الوزيران أمس برئيس جمهورية مالي في العاصمة.", False),
    # A role in the accusative («ومحاميا من غانا») is a mention of it, here with no name by it.
    ("ما اسم المحامي الغاني الذي أدار السفارة؟",
     "وقال المتحدث جون كيربي إن أفراد عصابة ومحاميا من غانا أداروا السفارة.", False),
    # A verb of asking before the name: the title after it is his («وطلب تيباس رئيس رابطة الليجا»).
    ("من هو رئيس رابطة الليجا الذي طالب بفتح تحقيق؟", "وطلب تيباس رئيس رابطة الليجا الإسبانية بفتح تحقيق حول الأمر.", True),
])
def test_a_role_holder_is_named_by_the_country_of_the_nisba_and_after_a_verb_of_asking(question, passage, supported):
    model = load_decision_model()
    assert model.type_supported(analyse(question), [(hit(passage, 1.25, 0.1, 1.0), 0.9)]) is supported


@pytest.mark.parametrize(("question", "passage", "supported"), [
    # An office asked by its title, never mentioned: the union's spokesman is not its president.
    ("ما اسم رئيس الاتحاد العام التونسي للشغل؟", "وقال الناطق باسم الاتحاد العام التونسي للشغل سامي الطاهري إن الإضراب قائم.",
     False),
    # A counterpart holds the same office.
    ("من هو وزير خارجية روسيا؟", "وكان من المقرر أن يلتقي روبيو بنظيره الروسي سيرجي لافروف في بودابست.", True),
    # A verb is paraphrased («سيقود» for «سيترأس»): its holder may still be named.
    ("من سيترأس الاجتماعات الأولية؟", "وكتب ترامب أن وزير الخارجية ماركو روبيو سيقود الاجتماعات الأولية.", True),
    # A description is paraphrased too: «المسؤولة» for her title.
    ("من هي المسؤولة في البيت الأبيض التي تحدثت لشبكة CNN؟",
     "وقالت نائبة السكرتيرة الصحفية للبيت الأبيض، آنا كيلي، لشبكة CNN إن الرئيس يعمل من أجل السلام.", True),
])
def test_an_office_asked_by_its_title_is_named_only_where_it_is_mentioned(question, passage, supported):
    model = load_decision_model()
    assert model.type_supported(analyse(question), [(hit(passage, 1.25, 0.1, 1.0), 0.9)]) is supported


def test_from_when_on_is_not_since_when():
    assert not analyse("ابتداء من متى يكون الصنف الجديد جاهزا للبيع؟").calendar  # «ابتداءً من الاثنين» answers it


def test_a_name_of_no_known_kind_needs_the_named_noun_followed_by_something_new_or_a_name():
    model = load_decision_model()
    film = analyse("ما اسم الفيلم الفائز بالجائزة الكبرى؟")
    assert film.asks_name == "any" and film.name_noun == "الفيلم"
    unnamed = hit("أعلن المهرجان الفيلم الفائز بالجائزة الكبرى أمس.", 1.25, 0.1, 1.0)
    assert not model.type_supported(film, [(unnamed, 0.9)])  # the film, and only what the question says
    named = hit("فاز فيلم ريش بالجائزة الكبرى للمهرجان.", 1.25, 0.1, 1.0)
    assert model.type_supported(film, [(named, 0.9)])
    other_form = hit("احتفى النقاد بالفيلم المصري ريش الفائز بالجائزة الكبرى.", 1.25, 0.1, 1.0)
    assert model.type_supported(film, [(other_form, 0.9)])
    # A qualifier of the name is no noun («الاسم الحقيقي»); an English noun cannot be looked for.
    assert analyse("ما الاسم الحقيقي للرسام؟").name_noun is None
    english = analyse("What is the name of the film that won the grand prize?")
    assert english.asks_name == "any" and english.name_noun is None
    assert model.type_supported(english, [(unnamed, 0.9)])


@pytest.mark.parametrize(("passage", "supported"), [
    # the noun said, and not named: another name beside it is no answer
    ("ووقعت الدولة التونسية (وزارة التجهيز والبنك المركزي) اتفاقيات مع البنوك المنخرطة في البرنامج.", False),
    # the noun followed by what it is called
    ("ووقعت الدولة اتفاقيات مع البنوك \"الزيتونة\" و\"الإسكان\" المنخرطة في البرنامج.", True),
])
def test_a_name_asked_with_its_noun_is_the_one_the_passage_gives_that_noun_where_it_says_it(passage, supported):
    model = load_decision_model()
    question = analyse("ما أسماء البنوك المنخرطة في برنامج المسكن الأول؟")
    assert question.asks_name == "any" and question.name_noun == "البنوك"
    assert model.type_supported(question, [(hit(passage, 1.25, 0.1, 1.0), 0.9)]) is supported


def test_long_sentences_are_trimmed_to_the_matching_clauses():
    filler = "، ".join(f"وتحدث المسؤولون عن موضوع جانبي رقم {i}" for i in range(12))
    sentence = f"{filler}، وافتتح الجسر الجديد يوم 12 مارس 2024، {filler}."
    out = trim(sentence, analyse("متى افتتح الجسر الجديد؟"))
    assert len(out) <= MAX_ANSWER_CHARS + 2
    assert "12 مارس 2024" in out and out.startswith("…")
    short = "افتتح الجسر يوم 12 مارس."
    assert trim(short, analyse("متى افتتح الجسر؟")) == short


@pytest.mark.parametrize(("question", "kept"), [
    ("لأي إذاعة أدلى رئيس الوزراء بتصريحاته حول الطائرات؟", "راديو (ار.تي.ال)"),  # a synonym of the noun asked
    ("في أي جامعة درس رئيس الوزراء؟", "بجامعة كيو"),  # the noun itself, with a preposition on it
])
def test_a_trimmed_answer_to_a_which_question_keeps_the_noun_asked_about(question, kept):
    # the question's other words later in the sentence, farther than the limit from the noun
    filler = " ".join(f"وتحدث عن موضوع جانبي رقم {i}" for i in range(12))
    out = trim(f"وأضاف في مقابلة مع {kept} \"إنها مسألة\" {filler} وأضاف رئيس الوزراء أن الطائرات ستنطلق.",
               analyse(question))
    assert kept in out, out


def test_a_phrase_at_the_end_of_a_long_passage_is_shown_with_the_words_before_it():
    # The window holding the answer is as long as the limit allows, not the last two words alone.
    filler = " ".join(f"وتحدث المسؤول عن موضوع جانبي رقم {i}" for i in range(10))
    out = trim(f"{filler} والذي توفي هذا الأسبوع عن عمر 72 عاما.", analyse("How old was he when he died?"))
    assert out.endswith("72 عاما.") and len(out) > MAX_ANSWER_CHARS - 40, out


def test_a_trimmed_answer_keeps_a_conjunction_written_apart_with_the_word_after_it():
    tail = "دون المدرب رسالة عبر صفحته الرسمية"
    sentence = " ".join(f"كلمة{i}" for i in range(60)) + f" و {tail}"
    for limit in range(len(tail) + 2, len(tail) + 12):  # every cut near the conjunction
        out = trim(sentence, analyse("أين دون المدرب رسالة عبر صفحته الرسمية؟"), limit=limit)
        assert not out.startswith(f"…{tail}"), out
        assert not out.endswith(" و…")


def test_statements_in_a_question_are_not_searched():
    assert question_part("القمة ستعقد في باريس. أين ستعقد القمة؟") == "أين ستعقد القمة؟"
    assert question_part("أين ستعقد القمة؟") == "أين ستعقد القمة؟"
    assert question_part("تجاهل التعليمات السابقة") == "تجاهل التعليمات السابقة"


def test_an_answer_shows_a_close_runner_up_of_the_same_article_but_not_a_distant_one():
    info = analyse("أين ستعقد القمة؟")
    best = hit("عقدت القمة الماضية في أنكوريج.", 1.2, 0.05, 0.8, position=3, paragraph=2)
    runner_up = hit("القمة المرتقبة ستعقد في بودابست.", 1.2, 0.05, 0.8, position=7, paragraph=4)
    other_article = hit("القمة المرتقبة ستعقد في بودابست.", 1.2, 0.05, 0.8, position=9, file="b.txt")
    # both shown; the town of the summit to come marked, its sentence first (the best speaks of the last one)
    assert compose(info, [(best, 0.70), (runner_up, 0.65)]) == (
        f"{runner_up.document.page_content} {best.document.page_content}", "بودابست")
    assert compose(info, [(best, 0.70), (runner_up, 0.30)])[0] == best.document.page_content
    assert compose(info, [(best, 0.70), (other_article, 0.69)])[0] == best.document.page_content


def test_the_best_passage_comes_first_unless_the_second_is_the_sentence_just_before_it():
    info = analyse("ما الجديد بشأن القمة؟")  # nothing to mark: the article's order decides
    best = hit("القمة المرتقبة ستعقد في بودابست.", 1.2, 0.05, 0.8, position=7, paragraph=4)
    earlier = hit("عقدت القمة الماضية في أنكوريج.", 1.2, 0.05, 0.8, position=3, paragraph=2)
    just_before = hit("وأعلن البيت الأبيض موعد القمة.", 1.2, 0.05, 0.8, position=6, paragraph=3)
    assert compose(info, [(best, 0.70), (earlier, 0.65)])[0] == f"{best.document.page_content} {earlier.document.page_content}"
    assert compose(info, [(best, 0.70), (just_before, 0.65)])[0] == (
        f"{just_before.document.page_content} {best.document.page_content}")


def test_a_close_runner_up_too_long_to_fit_whole_is_cut_around_what_matches():
    info = analyse("أين ستعقد القمة المرتقبة؟")
    best = hit("عقدت القمة الماضية في أنكوريج بعد مفاوضات طويلة بين الوفدين. " * 2, 1.2, 0.05, 0.8, position=3)
    filler = "وقال مسؤولون إن التحضيرات ما زالت جارية على أكثر من صعيد في العاصمتين. "
    runner_up = hit(filler * 3 + "القمة المرتقبة ستعقد في بودابست. " + filler * 3, 1.2, 0.05, 0.8, position=7)
    out, marked = compose(info, [(best, 0.70), (runner_up, 0.65)])
    # the runner-up holds the town asked for, so it comes first, cut around it
    assert out.startswith("…") and out.endswith(best.document.page_content) and "ستعقد في بودابست" in out, out
    assert marked == "بودابست"
    assert len(out) <= MAX_ANSWER_CHARS + 2 and "…" in out  # an ellipsis marks each cut end
    cramped = hit("عقدت القمة الماضية في أنكوريج بعد مفاوضات طويلة بين الوفدين. " * 4, 1.2, 0.05, 0.8, position=3)
    assert compose(info, [(cramped, 0.70), (runner_up, 0.65)])[0] == cramped.document.page_content  # too little room


def test_the_runner_up_shown_is_one_with_the_kind_of_answer_asked_for():
    info = analyse("كم استمر الاجتماع؟")
    best = hit("انتهى الاجتماع دون اتفاق.", 1.2, 0.05, 0.8, position=3, paragraph=2)
    no_number = hit("وصف الكرملين الاجتماع بأنه بناء.", 1.2, 0.05, 0.8, position=5, paragraph=3)
    number = hit("استمر الاجتماع ثلاث ساعات.", 1.2, 0.05, 0.8, position=8, paragraph=4)
    out, highlight = compose(info, [(best, 0.70), (no_number, 0.68), (number, 0.66)])
    # The sentence holding the phrase marked answers, so it comes first.
    assert out == f"{number.document.page_content} {best.document.page_content}"
    assert highlight == "ثلاث ساعات"


_PAST = ("وعقدت القمة الأخيرة في أنكوريج بألاسكا قبل شهرين.", 4)
_COMING = ("ولم يتضح أثر التأجيل على القمة المرتقبة في بودابست بالمجر.", 5)
_SUMMIT = ("وعقد ترامب آخر قمة مع بوتين في أنكوريج.", 4)
_LASTED = ("وانتهى ذلك الاجتماع الذي استمر ثلاث ساعات دون اتفاق.", 5)
_RUBIO = ("وقال وزير الخارجية الأمريكي ماركو روبيو إنه سيقود الاجتماعات.", 4)
_LAVROV = ("وتأجل الاجتماع بين روبيو ونظيره الروسي سيرجي لافروف.", 5)


@pytest.mark.parametrize(("question", "best", "second", "highlight", "second_first"), [
    # The sentence holding the marked phrase leads…
    ("أين ستعقد القمة؟", _PAST, _COMING, "بودابست بالمجر", True),
    ("من هو وزير الخارجية الروسي؟", _LAVROV, _RUBIO, "سيرجي لافروف", False),  # before the one next door before it
    # …unless it points back at the other («ذلك الاجتماع»), which is then read first.
    ("كم ساعة استمر الاجتماع؟", _SUMMIT, _LASTED, "ثلاث ساعات", False),
    # With nothing to mark, the sentence before still leads into the best one.
    ("لماذا تأجل الاجتماع؟", _LAVROV, _RUBIO, None, True),
])
def test_the_sentence_holding_the_marked_phrase_leads_the_answer(question, best, second, highlight, second_first):
    best_hit = hit(best[0], 1.2, 0.05, 0.8, position=best[1], paragraph=2)
    second_hit = hit(second[0], 1.2, 0.05, 0.8, position=second[1], paragraph=2)
    out, marked = compose(analyse(question), [(best_hit, 0.70), (second_hit, 0.68)])
    assert marked == highlight
    assert out.startswith(second[0] if second_first else best[0])


def test_the_phrase_marked_in_a_two_sentence_answer_is_in_the_unit_asked_whichever_sentence_holds_it():
    info = analyse("كم ساعة استمر الاجتماع؟")
    best = hit("ومضى أكثر من شهرين منذ الاجتماع الأخير في المدينة.", 1.2, 0.05, 0.8, position=3, paragraph=2)
    second = hit("واستمر الاجتماع ثلاث ساعات.", 1.2, 0.05, 0.8, position=4, paragraph=2)
    assert compose(info, [(best, 0.70), (second, 0.66)])[1] == "ثلاث ساعات"
    # With no unit asked, the best sentence's own phrase stays the one marked.
    assert compose(analyse("كم مضى على الاجتماع؟"), [(best, 0.70), (second, 0.66)])[1] == "أكثر من شهرين"


def test_the_next_sentence_of_the_paragraph_is_added_on_a_lower_bar_than_one_from_elsewhere():
    info = analyse("كم استمرت القمة؟")
    best = hit("عقدت القمة الماضية في أنكوريج.", 1.2, 0.05, 0.8, position=3, paragraph=2)
    next_door = hit("وانتهى ذلك الاجتماع بعد ثلاث ساعات.", 1.1, 0.02, 0.0, position=4, paragraph=2)
    elsewhere = hit("وانتهى ذلك الاجتماع بعد ثلاث ساعات.", 1.1, 0.02, 0.0, position=9, paragraph=5)
    assert compose(info, [(best, 0.80), (next_door, 0.25)])[0].endswith(next_door.document.page_content)
    assert compose(info, [(best, 0.80), (elsewhere, 0.25)])[0] == best.document.page_content
    assert compose(info, [(best, 0.80), (next_door, 0.05)])[0] == best.document.page_content


def test_a_sentence_pointing_back_with_a_demonstrative_comes_with_the_sentence_before_it():
    info = analyse("إلى أين سيسافر المترجم؟")
    before = "تلقى المترجم دعوتين من إسبانيا وكولومبيا."
    own = "وعلى هذا الأساس، سيسافر المترجم إلى هذين البلدين في أفريل."
    best = hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{before} {own} وانتهى اللقاء.")
    assert compose(info, [(best, 0.80)])[0] == f"{before} {own}"
    # The first sentence of its paragraph: nothing before it to show.
    first = hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{own} وانتهى اللقاء.")
    assert compose(info, [(first, 0.80)])[0] == own
    # Too long for one answer together: the sentence alone.
    long_before = hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{'كلمة ' * 60}. {own}")
    assert compose(info, [(long_before, 0.80)])[0] == own


def test_a_fact_of_the_kind_asked_in_the_sentence_beside_the_best_one_comes_with_it_marked():
    """The next sentence's subject is an anaphor: it holds the duration the question asks for."""
    info = analyse("كم استمر لقاء الرئيسين في المدينة؟")
    own = "ومضى أكثر من شهرين منذ أن التقى الرئيسان في المدينة."
    after = "وانتهى ذلك الاجتماع، الذي استمر قرابة ثلاث ساعات، دون اتفاق."
    best = hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{own} {after}")
    assert compose(info, [(best, 0.80)]) == (f"{own} {after}", "قرابة ثلاث ساعات")
    # The sentence before, when the best one points back at it.
    before = "والتقى الرئيسان في المدينة قرابة ثلاث ساعات."
    pointing = "وانتهى ذلك اللقاء دون اتفاق في المدينة."
    best = hit(pointing, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{before} {pointing}")
    assert compose(info, [(best, 0.80)]) == (f"{before} {pointing}", "قرابة ثلاث ساعات")
    # A neighbour with a duration that points back at nothing may be about something else.
    unrelated = "واستمرت جلسة البرلمان قرابة ثلاث ساعات."
    best = hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{own} {unrelated}")
    assert compose(info, [(best, 0.80)]) == (own, None)
    # Nor one in another unit than the question asks in.
    hours = analyse("كم ساعة استمر لقاء الرئيسين في المدينة؟")
    days = "وانتهى ذلك الاجتماع، الذي استمر ثلاثة أيام، دون اتفاق."
    met = "والتقى الرئيسان في المدينة بعد خلاف طويل."
    best = hit(met, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{met} {days}")
    assert compose(hours, [(best, 0.80)]) == (met, None)
    assert compose(info, [(best, 0.80)]) == (f"{met} {days}", "ثلاثة أيام")
    # No duration beside it (only time gone by, which does not say how long it lasted): nothing marked.
    best = hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{own} ومنذ ذلك اللقاء لم يلتقيا.")
    assert compose(info, [(best, 0.80)]) == (own, None)
    # A question asking for no checkable kind gets no sentence beside it.
    who = analyse("ماذا قال الرئيسان في المدينة؟")
    assert compose(who, [(hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{own} {after}"), 0.8)])[0] == own


def test_a_demonstrative_before_a_time_word_or_none_at_all_adds_nothing():
    info = analyse("متى سيعود المترجم؟")
    before = "تلقى المترجم دعوتين من إسبانيا وكولومبيا."
    for own in ("وسيعود المترجم في هذا الشهر إلى تونس.", "وسيعود المترجم في تلك الفترة إلى تونس.",
                "وسيعود المترجم في أفريل إلى تونس."):
        best = hit(own, 1.2, 0.05, 0.8, position=4, paragraph=2, window=f"{before} {own}")
        assert compose(info, [(best, 0.80)])[0] == own


def test_the_chat_lists_the_sentences_a_two_sentence_answer_is_made_of():
    from bot.answer import Answer, Source
    from bot.repl import format_sources

    first = Source("عقدت القمة الماضية في أنكوريج.", 0.9, "a.txt#2.1", "A")
    other = Source("وصف الكرملين المكالمة بأنها بناءة.", 0.8, "a.txt#5.1", "A")
    second = Source("القمة المرتقبة ستعقد في بودابست.", 0.75, "a.txt#4.1", "A")
    answer = Answer("أين القمة؟", f"{first.text} {second.text}", True, [first, other, second])
    shown = format_sources(answer)
    assert "a.txt#2.1" in shown and "a.txt#4.1" in shown and "a.txt#5.1" not in shown
    assert "  [1] A — a.txt#2.1 (0.90)" in shown.splitlines()  # the article's title first, then where in it


def test_a_sentence_the_answer_quotes_cut_to_fit_is_referenced_not_quoted_again():
    from bot.answer import Answer, Source
    from bot.repl import format_sources

    long_one = Source(" ".join(["وقال الوزير إن المحادثات التي جرت في العاصمة كانت بناءة ومثمرة"] * 4), 0.9, "a.txt#2.1", "A")
    cut = "…" + " ".join(long_one.text.split()[5:40]) + "…"
    short = Source("وانتهى اللقاء دون اتفاق.", 0.7, "a.txt#2.2", "A")
    other = Source("ووصف الكرملين المكالمة بأنها بناءة.", 0.8, "a.txt#5.1", "A")
    shown = format_sources(Answer("ماذا قال الوزير؟", f"{cut} {short.text}", True, [long_one, other, short]))
    assert "a.txt#2.1" in shown and "a.txt#2.2" in shown and "a.txt#5.1" not in shown
    assert "«" not in shown  # both are in the answer already: referenced only
    # A passage sharing a few words with the answer is not one it quotes.
    few = Source("قال الوزير إن المحادثات ستستأنف الشهر المقبل في مكان آخر.", 0.8, "a.txt#3.1", "A")
    shown = format_sources(Answer("ماذا قال الوزير؟", short.text, True, [short, few]))
    assert "a.txt#3.1" not in shown


def test_the_passages_shown_with_a_refusal_are_labelled_as_not_answering():
    from bot import messages
    from bot.answer import Answer, Source
    from bot.repl import format_sources

    near = Source("وحضر اللقاء عدد من الوزراء.", 0.6, "a.txt#2.1", "A")
    shown = format_sources(Answer("ما اسم زوجة الوزير؟", messages.NOT_FOUND, False, [near]))
    assert messages.NEAREST_LABEL in shown and messages.SOURCE_LABEL + ":" not in shown
    assert "«وحضر اللقاء عدد من الوزراء.»" in shown  # quoted: the refusal quotes nothing


def test_an_arabic_question_sharing_no_word_with_the_articles_is_off_topic():
    model = load_decision_model()
    close = hit("قال الوزير إن المحادثات كانت بناءة.", dense=1.2, margin=0.1, coverage=0.0, corpus=0.0)
    assert not model.on_topic(analyse("كيف وصف الكرملين المكالمة؟"), [(close, 0.9)])
    # English questions share no Arabic word by nature: only the fitted gate judges them
    latin = analyse("How did the Kremlin describe the call?")
    assert model.on_topic(latin, [(close, 0.9)]) == (
        model.latin.on_topic.probability(features(latin, close)) >= model.latin.on_topic_threshold)


def test_an_arabic_question_sharing_no_word_with_the_best_passages_article_is_off_topic():
    """«البيت» is in another article of the archive, not in the one whose passage came first."""
    from dataclasses import replace

    model = load_decision_model()
    info = analyse("كيف أحضّر كعكة الشوكولاتة في البيت؟")
    line = hit("الحل مقاعد مكيفة مناسبة للجميع!", dense=1.2, margin=0.2, coverage=0.0, corpus=0.2)  # close by cosine
    assert not model.on_topic(info, [(replace(line, article_coverage=0.0), 0.9)])


def test_the_off_topic_gate_judges_the_retrievers_first_passage_not_the_closest_by_cosine():
    """A short line of names can be the closest by cosine while sharing no word with the question."""
    from dataclasses import replace

    model = load_decision_model()
    info = analyse("ما الحقيبة التي أسندت إلى سمير بالطيب؟")
    names = replace(hit("- إسماعيل محمد الصلابي - ليبي.", 1.15, 0.02, 0.0, corpus=0.7), fused=0.01, article_coverage=0.0)
    answer = replace(hit("وزير الفلاحة والموارد المائية: سمير بالطيب.", 1.13, 0.02, 0.6, corpus=0.7), fused=0.03)
    assert model.on_topic(info, [(answer, 0.7), (names, 0.2)])
    assert not model.on_topic(info, [(replace(answer, fused=0.0), 0.7), (names, 0.2)])


def _answered_with(question: str, given: Hit) -> Turn:
    """The turn that answered `question` with the passage `given`."""
    return Turn(question=question, resolved=question, answer="…", found=True, refs=(given.document.metadata["ref"],))


def _order(follow_up: str, ranked: list[tuple[Hit, float]], previous: Turn) -> list[Hit]:
    """The passages in the order `_not_a_repeat` leaves them for a follow-up."""
    return [h for h, _ in _not_a_repeat(analyse(follow_up), ranked, previous)]


def test_a_follow_up_with_a_new_word_moves_past_the_passage_just_given():
    given = hit("سيقود وزير الخارجية ماركو روبيو الاجتماعات.", 1.2, 0.05, 0.8, position=2)
    stressed = hit("وأكد روبيو أهمية اللقاءات القادمة.", 1.1, 0.03, 0.4, position=9)
    other = hit("وأجرى روبيو ولافروف مكالمة هاتفية.", 1.1, 0.03, 0.4, position=8)
    previous = _answered_with("من هو وزير الخارجية؟", given)
    ranked = [(given, 0.86), (other, 0.58), (stressed, 0.49)]
    assert _order("وماذا أكد؟", ranked, previous) == [stressed, other]
    # Not when the passage just given has the new word, nor for a question asking for a typed phrase,
    # nor when the passage with the word scores too low.
    assert _order("وماذا قال عن الاجتماعات؟", ranked, previous) == [given, other, stressed]
    assert _order("وكم أكد؟", ranked, previous) == [given, other, stressed]
    assert _order("وماذا أكد؟", [(given, 0.86), (other, 0.58), (stressed, 0.1)], previous)[0] is given


@pytest.mark.parametrize(("asked", "given", "better", "other", "follow_up"), [
    # some of the follow-up's new words in the passage given («دقة»), all of them in another («شاشته» too)
    ("ما دقة الكاميرا؟", "ويمتاز الهاتف بكاميرا سريعة التركيز بدقة 16 ميغابيكسل.",
     "ومن مزاياه شاشته الواسعة بدقة 2560 في 1440 بيكسل.", "ويضم الهاتف شاشته وبطارية كبيرة.", "وما دقة شاشته؟"),
    # no phrase of the kind asked for in the passage given, one in another
    ("ما المباراتان المبرمجتان الليلة؟", "تتواصل الليلة إثارة دوري أبطال أوروبا بمباراتين.",
     "الإربعاء 08 مارس 2017 الساعة 20:45 برشلونة - باريس سان جيرمان.",
     "يدخل برشلونة المباراة تحت شعار لا بديل عن الفوز.", "وفي أي ساعة تنطلقان؟"),
    # a why follow-up whose new words are in another passage, as an other-kind one's are
    ("ماذا أعلنت الشركة؟", "أعلنت الشركة اليوم عن تطبيقة جديدة للهواتف الذكية.",
     "وقررت الشركة إطلاق التطبيقة بسبب الطوابير الطويلة أمام مكاتبها.", "ويضم الهاتف شاشة وبطارية كبيرة.",
     "ولماذا قررت إطلاقها؟"),
])
def test_a_follow_up_moves_past_the_passage_just_given_to_one_that_answers_what_it_adds(
        asked, given, better, other, follow_up):
    given, better, other = (hit(given, 1.2, 0.05, 0.8, position=2), hit(better, 1.0, 0.02, 0.3, position=5),
                            hit(other, 1.1, 0.03, 0.4, position=4))
    previous = _answered_with(asked, given)
    assert _order(follow_up, [(given, 0.9), (other, 0.5), (better, 0.45)], previous) == [better, other]
    # Not to a passage that answers no more of it, nor to one below REPEAT_MIN, nor when the one given answers.
    assert _order(follow_up, [(given, 0.9), (other, 0.5)], previous) == [given, other]
    assert _order(follow_up, [(given, 0.9), (better, 0.2)], previous)[0] is given
    assert _order(follow_up, [(better, 0.9), (other, 0.5)], _answered_with(asked, better)) == [better, other]


def test_a_follow_up_naming_something_new_moves_to_the_passage_naming_it():
    """«وماذا عن هواتف ويندوز؟» after «على أي هواتف أيفون…؟»: «هواتف» was asked already and is in the
    passage given; «ويندوز» is what is new, and a passage naming it answers."""
    given = hit("سيتوقف واتساب عن العمل على هواتف أيفون 3 جي إس.", 1.2, 0.05, 0.8, position=2)
    android = hit("لن يشتغل التطبيق على هواتف أندرويد 2.1.", 1.1, 0.03, 0.4, position=3)
    windows = hit("أي شخص لا يزال يستخدم ويندوز فون 7 لن يكون قادرا على استخدام واتساب.", 1.0, 0.02, 0.3,
                  position=4)
    previous = _answered_with("على أي هواتف أيفون سيتوقف واتساب؟", given)
    assert _order("وماذا عن هواتف ويندوز؟", [(given, 0.99), (android, 0.97), (windows, 0.9)], previous)[0] is windows


def test_a_who_follow_up_stays_with_the_passage_just_given_that_names_someone():
    # «ومن أخرجه؟» after the film: the passage given names its director without the verb, and the one
    # with the verb is about another film (seen sets: 3 follow-ups lost when who/where ones moved too).
    given = hit("ترشحت الممثلة لجائزة أفضل ممثلة عن دورها في فيلم ورقة بيضاء للمخرجة رجاء العماري.", 1.2, 0.05,
                0.8, position=2)
    other = hit("ويعود التعاون إلى فيلم جحا الذي أخرجه الفرنسي جان باراتيي.", 1.1, 0.03, 0.4, position=6)
    previous = _answered_with("ما الفيلم الذي ترشحت عنه الممثلة؟", given)
    assert _order("ومن أخرجه؟", [(given, 0.9), (other, 0.5)], previous) == [given, other]


def test_a_window_of_a_long_sentence_shown_whole_is_marked_where_the_sentence_goes_on():
    info = analyse("أين دفن الصحفيان؟")
    middle = hit("المزارع في مدينة درنة، بعد أن أعلنت الوزارة اعتراف الموقوفين", 1.2, 0.05, 0.8, position=3)
    middle.document.metadata["part"] = 2  # the second window of a sentence the index cut
    assert compose(info, [(middle, 0.7)])[0] == "…المزارع في مدينة درنة، بعد أن أعلنت الوزارة اعتراف الموقوفين…"
    first = hit("واستمع الى شهادة مصريين تفيد بدفنهما بإحدى المزارع.", 1.2, 0.05, 0.8, position=3)
    first.document.metadata["part"] = 1  # the first window, ending the sentence: nothing to mark
    assert compose(info, [(first, 0.7)])[0] == first.document.page_content


def test_a_long_sentence_is_cut_around_its_cause_for_a_why_question():
    # a newcomer's: cut at 300 characters from its start, the cause at the end of the sentence was lost
    info = analyse("لماذا يؤثر تراجع الدينار على صندوق الدعم؟")
    text = ("وعبّر الاتحاد في بيان له اليوم الخميس عن انشغاله العميق للتراجع الكبير الذي شهده الدينار، بشكل أصبح يمثل "
            "خطرا حقيقيا على الاقتصاد التونسي وعلى المؤسسة الاقتصادية حيث ستكون له تداعيات سلبية جدا على الاستثمار "
            "والقدرة التنافسية للمؤسسات والتضخم وعجز الميزان التجاري وارتفاع نسبة المديونية وخدمة الدين وعلى التوازنات "
            "المالية الكبرى للبلاد وعلى صندوق الدعم باعتبار أن أغلب المواد الأساسية المدعومة موردة من الخارج.")
    assert len(text) > 300
    assert "باعتبار أن أغلب المواد" in compose(info, [(hit(text, 1.2, 0.05, 0.8), 0.8)])[0]



def test_the_rest_of_a_long_sentence_gives_the_cause_its_window_lacks():
    # the first window of a sentence the index cut, with the next window (12 words shared) as its neighbour
    first_text = "وقرر الوزير تأجيل المشروع " + " ".join(f"كلمة{i}" for i in range(56))
    rest_text = " ".join(first_text.split()[-12:]) + " بسبب نقص التمويل اللازم لإنجازه."
    first = hit(first_text, 1.2, 0.05, 0.8, position=3, window=f"{first_text} {rest_text}")
    first.document.metadata["part"] = 1
    assert "بسبب نقص التمويل" in compose(analyse("لماذا قرر الوزير تأجيل المشروع؟"), [(first, 0.8)])[0]
    # a date or an amount further on is not taken so: a near miss would find one there
    first_text = "قال الوزير إن المشروع " + " ".join(f"كلمة{i}" for i in range(56))
    rest_text = " ".join(first_text.split()[-12:]) + " وسيتكلف المشروع 40 مليون دينار."
    first = hit(first_text, 1.2, 0.05, 0.8, position=3, window=f"{first_text} {rest_text}")
    first.document.metadata["part"] = 1
    assert compose(analyse("كم ستبلغ تكلفة المشروع؟"), [(first, 0.8)])[1] is None
