"""Questions about an article as a whole: told apart (`gist_question`) and answered with its lead."""

from __future__ import annotations

import pytest

from bot import messages
from bot.answer import Turn
from bot.chain import turn_of
from bot.gist import gist_question
from bot.question import standard_arabic

BUNDLED_LEAD = "قد تتعثر آمال الرئيس الأمريكي دونالد ترامب"


@pytest.mark.parametrize("question", [
    "ما موضوع المقالة؟", "عن ماذا تتحدث المقالة؟", "ما هي أهم النقاط في الخبر؟", "لخص المقالة", "لخّص لي",
    "ما الخبر؟", "ما الفكرة الرئيسية؟", "شو القصة باختصار؟", "ايش السالفة؟", "إيه الحكاية؟",
    "What is the article about?", "Summarize the story please", "What is the main point of the story?",
    "What are the articles about?", "Summarise the news stories",
])
def test_questions_about_the_whole_article(question):
    assert gist_question(standard_arabic(question)) == ""


def test_a_summary_of_a_named_article_keeps_the_words_that_name_it():
    assert gist_question(standard_arabic("لخص لي خبر سامسونغ")) == "سامسونغ"


@pytest.mark.parametrize("question", [
    "ما موضوع الاجتماع؟", "عن ماذا تحدث ترامب؟", "وما موضوعها؟", "ماذا قال التقرير عن عدد الضحايا؟",
    "عن ماذا يتحدث؟", "What is it about?", "ماذا يقول؟", "Tell me about Trump",
    "What exact sum of euros was hidden in the car?", "ما نص الاتفاق؟",
])
def test_questions_about_something_in_it_are_not(question):
    assert gist_question(standard_arabic(question)) is None


@pytest.mark.parametrize("question", ["ما موضوع المقالة؟", "لخص الخبر", "What is the article about?", "شو القصة؟"])
def test_the_only_article_is_summed_up_by_its_title_and_lead(article_service, question):
    answer = article_service.ask(question)
    assert answer.found and not answer.error
    assert BUNDLED_LEAD in answer.answer and len(answer.answer) <= 300
    assert answer.answer.startswith(article_service.articles[0].title)
    assert answer.sources[0].source.endswith("#1.1")


def test_with_several_articles_the_conversation_says_which(both_service):
    answer = both_service.ask("ما موضوع المقالة؟")
    assert not answer.found and answer.sources == []
    assert all(f"«{a.title}»" in answer.answer for a in both_service.articles)
    history = [turn_of(both_service.ask("كم يبلغ طول الجسر؟"))]
    answer = both_service.ask("لخص لي المقالة", history)
    assert answer.found and answer.sources[0].source.startswith("bridge-hospital.txt#")
    history = [Turn(question="q", resolved="q", answer="a", found=True, refs=("rubio-lavrov.txt#4.1",))]
    answer = both_service.ask("What is the story about?", history)
    assert answer.found and BUNDLED_LEAD in answer.answer


def test_a_summary_asked_by_name_is_of_that_article(both_service):
    answer = both_service.ask("لخص خبر الجسر والمستشفى")
    assert answer.found and answer.sources[0].source.startswith("bridge-hospital.txt#")
    answer = both_service.ask("لخص خبر بودابست")
    assert answer.found and BUNDLED_LEAD in answer.answer
    answer = both_service.ask("لخص خبر المريخ")  # no article mentions Mars: none is summed up
    assert not answer.found and answer.sources == [] and "«" in answer.answer


def test_a_follow_up_after_the_gist_goes_on_from_the_lead(article_service):
    first = article_service.ask("ما موضوع المقالة؟")
    answer = article_service.ask("ومن سيقود الاجتماعات الأولية؟", [turn_of(first)])
    assert answer.found and "ماركو روبيو" in answer.answer
    assert messages.NOT_FOUND not in answer.answer
