"""Unit tests: what a question asks for and whether it leans on the last turn."""

from __future__ import annotations

import pytest

from bot.question import analyse, answers_kind, question_kind, standard_arabic


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("كم عدد سكان المدينة؟", "number"),
        ("متى افتتح الجسر؟", "time"),
        ("أين ستعقد القمة؟", "place"),
        ("وين رح تكون القمة؟", "place"),
        ("من هي ليلى منصور؟", "person"),
        ("لماذا تأجل الاجتماع؟", "reason"),
        ("ليش تأجل الاجتماع؟", "reason"),
        ("How many beds does the hospital have?", "number"),
        ("ماذا قال الوزير؟", "other"),
    ],
)
def test_question_kind(question, kind):
    assert question_kind(question) == kind


def test_numbers_and_times_are_checked_in_passages():
    assert answers_kind("number", "استمر الاجتماع قرابة ثلاث ساعات")
    assert answers_kind("number", "يضم 120 سريراً")
    assert not answers_kind("number", "ستعقد القمة في بودابست")
    assert answers_kind("time", "وأجرى الوزيران، الاثنين، مكالمة")
    assert not answers_kind("time", "وصف الكرملين المكالمة بأنها بناءة")
    # «أن» and «أحد» are not «الآن» and «الأحد» without their article.
    assert not answers_kind("time", "قال أحد المصادر إن المسؤولين شعروا أن الموقف لم يتطور")
    assert answers_kind("time", "وصل الوفد الأحد")


@pytest.mark.parametrize(
    ("question", "refers"),
    [
        ("وكم عمره؟", True),
        ("وما هو منصبها؟", True),
        ("وماذا أكد في البيان؟", True),
        ("And how old is he?", True),
        ("وفي أي بلد تقع؟", True),
        ("وبأي صفة؟", True),
        ("من هي ليلى منصور؟", False),
        ("أين ستعقد القمة؟", False),
        ("ما سبب تأجيل الاجتماع؟", False),
        ("في أي بلد تقع بودابست؟", False),
        ("وزير الخارجية من أي بلد؟", False),
    ],
)
def test_follow_up_detection(question, refers):
    assert analyse(question).refers_back is refers


def test_dialect_words_become_standard_arabic():
    assert standard_arabic("ليش تأجل الاجتماع هالأسبوع؟") == "لماذا تأجل الاجتماع هذا الأسبوع؟"
    assert standard_arabic("وين رح تكون القمة؟") == "أين سوف تكون القمة؟"
    assert standard_arabic("ومين سيقود؟") == "ومن سيقود؟"
    # Only whole words: a word that merely contains one is left alone.
    assert standard_arabic("شوارع المدينة") == "شوارع المدينة"
