"""Which one of a series a question asks about, and whether an answer speaks of another."""

import pytest

from bot.ordinals import another_of_the_series, ordinals_named


def test_the_ordinals_a_text_gives_its_definite_nouns():
    assert ordinals_named("ينعقد المؤتمر العالمي الثاني للإبراخيليا") == [(frozenset({"موتمر", "عالمي"}), 2)]
    assert ordinals_named("مقابلات الجولة الثالثة عشرة") == [(frozenset({"جوله"}), 13)]
    assert ordinals_named("وكان أول وزير يتولى الحقيبة") == []  # no definite noun before «أول»
    # an ordinal put before its noun: «ثاني مناظرة» is the second debate (not «أول», the first ever)
    assert ordinals_named("قبل ثاني مناظرة تعقد مساء غد") == [(frozenset({"مناظره"}), 2)]


@pytest.mark.parametrize(("question", "answer", "another"), [
    # another one of the series, and not the one asked
    ("في أي سنة انعقد المؤتمر الأول للإبراخيليا؟", "ينعقد المؤتمر العالمي الثاني للإبراخيليا بعنوان…", True),
    ("كم بلغت نسبة النمو في الثلاثي الرابع من سنة 2014؟", "بلغت نسبة النمو خلال الثلاثي الثالث من سنة 2014 2.3 بالمائة",
     True),
    ("متى تلعب مقابلات الجولة الثالثة عشرة؟", "دارت الدفعة الثانية من مقابلات الجولة الثانية عشر", True),
    # the one asked, among others too; another series; no ordinal in the answer
    ("متى انعقد المؤتمر الأول؟", "انعقد المؤتمر الأول سنة 2010 بينما ينعقد المؤتمر الثاني الآن", False),
    ("من القاضي الذي ترأس الدائرة الجنائية الخامسة؟", "أصدرت الدائرة الجنائية الخامسة المختصة حكمها", False),
    ("كم بلغت نسبة المشاركة في الدور الثاني؟", "وكانت الجولة الثالثة من الانتخابات قد أسفرت", False),
    ("كم بلغ العجز خلال الثلاثي الأول؟", "تفاقم العجز خلال الأشهر الثلاثة الأولى من سنة 2017", False),
    ("متى انعقد المؤتمر الأول؟", "انعقد المؤتمر في تونس سنة 2010", False),
    # the one asked with its ordinal before the noun, another after it
    ("متى ستعقد المناظرة الثانية؟", "قبل ثاني مناظرة تعقد مساء غد الأحد بعد أداء سيء في المناظرة الأولى", False),
    ("متى عقدت المناظرة الأولى؟", "قبل ثاني مناظرة تعقد مساء غد الأحد", True),
])
def test_an_answer_about_another_of_the_series(question, answer, another):
    assert another_of_the_series(question, answer) is another
