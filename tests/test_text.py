"""Unit tests: Arabic normalisation, tokens, furniture stripping and sentence splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.chunks import MAX_PASSAGE_CHARS, MAX_PASSAGE_WORDS, PASSAGE_OVERLAP, is_heading, passages
from index.normalize import (
    canonical_text,
    normalize_arabic,
    script_share,
    tokenize,
    without_frame_nouns,
    word_spans,
    words,
)
from index.split import paragraphs, split_sentences, strip_furniture


def test_normalisation_drops_diacritics_tatweel_and_unifies_letters():
    assert normalize_arabic("مُحَمَّـــد") == "محمد"
    assert normalize_arabic("أحمد إبراهيم آمال") == "احمد ابراهيم امال"
    assert normalize_arabic("مستشفى المدينة") == "مستشفي المدينه"
    assert normalize_arabic("عام ٢٠٢٤") == "عام 2024"


def test_tokens_strip_article_and_clitics_but_keep_names():
    terms = tokenize("وبالمدينة والجسر كيلي")
    assert "مدينه" in terms and "جسر" in terms
    # A lone clitic letter is ambiguous: the word is kept whole as well as stripped.
    assert "كيلي" in terms


def test_tokens_drop_stopwords_also_behind_a_clitic():
    assert tokenize("وما هو ذلك؟") == []
    assert "منصب" in tokenize("وما هو منصبها؟")


def test_same_word_with_and_without_clitics_shares_a_term():
    assert set(tokenize("للاجتماع")) & set(tokenize("الاجتماع"))
    assert set(tokenize("وأكد")) & set(tokenize("أكد"))


def test_verbs_and_their_verbal_nouns_share_a_term():
    assert set(tokenize("تأجل")) & set(tokenize("تأجيل"))
    assert set(tokenize("اجتمعوا")) & set(tokenize("الاجتماع"))
    assert set(tokenize("انعقد")) & set(tokenize("عقد"))
    assert not set(tokenize("انعقد")) & set(tokenize("الجسر"))


@pytest.mark.parametrize("dual, singular", [
    ("الحادثتان", "حادثة"), ("المدينتين", "مدينة"), ("شركتين", "الشركة"), ("وزيارتين", "زيارة"),
    ("الوزيرين", "وزير"), ("البلدان", "بلد"),
])
def test_a_dual_shares_a_term_with_its_singular(dual, singular):
    assert set(tokenize(dual)) & set(tokenize(singular))


def test_feminine_dual_stem_is_not_cut_below_three_letters():
    # «مرتين» (twice) and «بوتين» must not turn into two-letter stems that match anything.
    assert all(len(t) >= 3 for t in tokenize("مرتين بوتين سنتين"))


def test_dialect_demonstrative_is_the_article():
    assert set(tokenize("هالأسبوع")) & set(tokenize("الأسبوع"))
    assert "هاله" in tokenize("هالة")  # a name, too short to carry the prefix


def test_nouns_that_only_name_the_kind_of_answer_are_not_search_terms():
    assert without_frame_nouns("ما اسم وزير الخارجية؟") == "ما وزير الخارجيه"
    assert without_frame_nouns("في أي مدينة ستعقد القمة؟") == "في اي ستعقد القمه"
    assert without_frame_nouns("كم عدد الضحايا؟") == "كم الضحايا"
    # Not after an interrogative, the same nouns are content.
    assert without_frame_nouns("تغير اسم الجسر") == "تغير اسم الجسر"


def test_script_share():
    arabic, latin = script_share("Where is the summit, بودابست")
    assert latin > arabic > 0
    assert script_share("!!!") == (0.0, 0.0)


def test_furniture_dateline_and_trailers_are_stripped():
    body, outlet = strip_furniture("(CNN)-- قال ترامب شيئاً.\nسطر ثان.\nقد يهمك أيضاً\nأخبار متعلقة :\nرابط")
    assert outlet == "CNN"
    assert body == "قال ترامب شيئاً.\nسطر ثان."


def test_text_without_furniture_is_unchanged():
    body, outlet = strip_furniture("نص عادي. وجملة أخرى.")
    assert outlet is None and body == "نص عادي. وجملة أخرى."


def test_sentences_split_on_arabic_and_latin_terminators():
    assert split_sentences("هذه جملة. وهذه أخرى؟ وثالثة!") == ["هذه جملة.", "وهذه أخرى؟", "وثالثة!"]


def test_quotations_stay_whole():
    text = 'وقال ترامب: "عليكم اتباع خط المعركة. وإلا، فسيكون الأمر معقدا. لن تفهموه". ثم غادر.'
    sentences = split_sentences(text)
    assert len(sentences) == 2
    assert sentences[0].endswith('لن تفهموه".')
    assert split_sentences("قال «جملة أولى. جملة ثانية» ثم سكت. نهاية.") == ["قال «جملة أولى. جملة ثانية» ثم سكت.", "نهاية."]


def test_initials_and_one_letter_abbreviations_do_not_split():
    text = "قال د. أحمد إن المشروع اكتمل. وكتبت J. K. Rowling روايتها الأولى."
    assert split_sentences(text) == ["قال د. أحمد إن المشروع اكتمل.", "وكتبت J. K. Rowling روايتها الأولى."]


def test_a_sentence_glued_to_the_next_without_a_space_splits():
    # «…في اليوم.وتجري…»: the full stop ends a sentence though the writer left out the space
    text = "تقدر طاقتها بستة آلاف متر مكعب في اليوم.وتجري الأشغال منذ فيفري؟لكن الكلفة لم تعلن."
    assert split_sentences(text) == ["تقدر طاقتها بستة آلاف متر مكعب في اليوم.", "وتجري الأشغال منذ فيفري؟",
                                     "لكن الكلفة لم تعلن."]


def test_spelled_out_acronyms_and_abbreviations_do_not_split():
    text = "قالت شبكة سي.إن.إن ووكالة دي.بي.إيه إن العجز بلغ 12 م.د هذا العام."
    assert split_sentences(text) == [text]


def test_decimal_numbers_do_not_split():
    assert split_sentences("بلغ النمو 3.5 في المئة. وارتفع.") == ["بلغ النمو 3.5 في المئة.", "وارتفع."]


@pytest.mark.parametrize("text, expected", [
    # A numbered list run into one paragraph (ANT technology articles): each number opens its item.
    ("يظهر 6 خصائص. 1. قدرات الشحن. الآيفون لا يملك. 2. سعة التخزين.",
     ["يظهر 6 خصائص.", "1. قدرات الشحن.", "الآيفون لا يملك.", "2. سعة التخزين."]),
    ("بند ثان. ٣. بند ثالث. (4) بند رابع.", ["بند ثان.", "٣. بند ثالث.", "(4) بند رابع."]),
    # The first number right after the colon that opens the list.
    ("على أربعة مراحل متشابكة: 1. التهيئة. 2. التقسيم.", ["على أربعة مراحل متشابكة:", "1. التهيئة.", "2. التقسيم."]),
    # A small number ending a sentence is not a list number.
    ("انتهت المباراة 3 مقابل 1. وقال المدرب كلاما.", ["انتهت المباراة 3 مقابل 1.", "وقال المدرب كلاما."]),
    # A stray closing quote or ellipsis belongs to the sentence before it.
    ('قال المدير "الأطفال هنا . " وغادر. "', ['قال المدير "الأطفال هنا . " وغادر. "']),
    ("انتهى الاجتماع. … !", ["انتهى الاجتماع. … !"]),
    # Nothing before it: a number joins what follows.
    ("2017. عام صعب.", ["2017. عام صعب."]),
])
def test_pieces_without_a_letter_join_a_neighbour(text, expected):
    assert split_sentences(text) == expected


@given(st.lists(st.sampled_from(["جملة عادية.", "Plain one.", "1.", "٢.", '"', "…", "!", "(3)", "؟", "مراحل:"]),
                min_size=1, max_size=12))
def test_every_sentence_has_a_letter_when_the_paragraph_has_one(pieces):
    paragraph = " ".join(pieces)
    sentences = split_sentences(paragraph)
    assert "".join(sentences).replace(" ", "") == paragraph.replace(" ", "")  # nothing lost
    if any(ch.isalpha() for ch in paragraph):
        assert all(any(ch.isalpha() for ch in s) for s in sentences)


def test_paragraphs_are_lines_or_blank_line_separated_blocks():
    assert paragraphs("سطر أول.\nسطر ثان.") == ["سطر أول.", "سطر ثان."]
    wrapped = "جملة تبدأ هنا\nوتكمل في السطر التالي.\n\nفقرة ثانية."
    assert paragraphs(wrapped) == ["جملة تبدأ هنا وتكمل في السطر التالي.", "فقرة ثانية."]


# One article spelled with each class of script variant, and its plain-spelled twin.
SCRIPT_VARIANTS = [
    ("superscript alef", "الرحمٰن", "الرحمن"),
    ("Persian keheh and farsi yeh", "کتاب یوسف", "كتاب يوسف"),
    ("heh with yeh above and heh goal", "مدرسۀ ہذا", "مدرسة هذا"),
    ("zero-width non-joiner inside a word", "الاج\u200cتماع", "الاجتماع"),
    ("zero-width joiner inside a word", "ال\u200dقمة", "القمة"),
    ("presentation forms", "ﺍﻟﻘﻤﺔ ﻻ", "القمة لا"),
    ("Persian digits", "عام ۲۰۲۴", "عام ٢٠٢٤"),
    ("tatweel", "القـــمة", "القمة"),
    ("byte-order mark and bidi marks", "\ufeff\u200fالقمة\u202c", "القمة"),
]


@pytest.mark.parametrize(("name", "variant", "plain"), SCRIPT_VARIANTS)
def test_every_script_variant_class_folds_to_the_plain_spelling(name, variant, plain):
    assert canonical_text(variant) == plain, name
    assert normalize_arabic(variant) == normalize_arabic(plain), name
    assert tokenize(variant) == tokenize(plain), name


def test_persian_and_arabic_indic_digits_become_the_same_number():
    assert normalize_arabic("۱۲۰") == normalize_arabic("١٢٠") == "120"


def test_a_long_sentence_becomes_bounded_overlapping_passages():
    sentence = " ".join(f"كلمة{i}" for i in range(150))
    parts = passages(sentence)
    assert len(parts) >= 3 and all(len(p.split()) <= MAX_PASSAGE_WORDS for p in parts)
    assert parts[0].split()[-PASSAGE_OVERLAP:] == parts[1].split()[:PASSAGE_OVERLAP]
    assert parts[-1].split()[-1] == "كلمة149"
    assert passages("جملة قصيرة.") == ["جملة قصيرة."]


def test_a_huge_run_without_spaces_is_bounded_in_characters():
    parts = passages("س" * 200_000)
    assert all(len(p) <= MAX_PASSAGE_CHARS for p in parts)


def test_headings_are_short_unpunctuated_lines_or_the_title():
    assert is_heading(["التسويق الشبكي وفراغ قانوني"], "عنوان آخر")
    assert is_heading(["عنوان المقال كما هو."], "عنوان المقال كما هو.")
    assert not is_heading(["قال الوزير إن الاجتماع تأجل."], "عنوان")
    assert not is_heading(["جملة أولى.", "جملة ثانية"], "عنوان")
    # a short question states nothing: a headline or sub-heading (a newcomer's «لماذا…؟» got this headline)
    assert is_heading(["أيهما أفضل لصحتك : تحضير الشاي في الغلايّة أو الميكروويف؟"], "عنوان", first=True)
    assert is_heading(["فما الذي تغير؟"], "عنوان")
    assert not is_heading(["هل تغير شيء؟", "نعم، تغير الكثير منذ ذلك الحين."], "عنوان")


def test_a_headline_cut_into_sentences_is_still_a_heading():
    headline = ["اغتيال قيادات بارزة في المقاومة خارج فلسطين..", "وأحدثها الشهيد محمد الزواري"]
    assert is_heading(headline, "عنوان آخر", first=True)
    assert is_heading(headline, " ".join(headline))  # the title itself, wherever it stands
    assert not is_heading(headline, "عنوان آخر")  # a short run of sentences further on: body text
    assert not is_heading(["قال الوزير إن الاجتماع تأجل.", "وأضاف أنه سيعقد لاحقا."], "عنوان", first=True)


# Pieces of questions as people type them: letters with diacritics and tatweel, clitics, Persian
# letters, joiners, presentation forms, digits of three scripts, Latin, punctuation, odd spaces.
_PIECES = ["كمْ", "راتبُ", "لافروف؟", "«بودابست»", "وزيرـة", "الرحمٰن", "کتاب", "ی", "\u200cو", "\ufefb",
           "٢٠٢٥", "۱۴", "2025", "e5", "CNN،", "(قمة)", "،", "؟", "-", "\u00a0", "_", "وال"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(lambda parts: " ".join(parts)))
def test_every_normalised_word_maps_back_to_where_it_is_written(text):
    spans = word_spans(text)
    assert set(spans) == set(words(text))
    for word, (start, end) in spans.items():
        assert 0 <= start < end <= len(text)
        assert word in words(text[start:end])


def test_digits_are_embedded_as_ascii_one_character_for_one():
    from index.normalize import fold_digits

    text = "افتتح يوم ٥ يونيو ۲۰۲۳ بنسبة ٥١٫٦٪"
    assert fold_digits(text) == "افتتح يوم 5 يونيو 2023 بنسبة 51.6%" and len(fold_digits(text)) == len(text)


@pytest.mark.parametrize("unreadable", ["\udcff", "\udcff\udcfe", "\ufffd", "\ufffe", "\uffff", "\ud800"])
def test_characters_that_stand_for_no_text_are_spaces(unreadable):
    """Lone surrogates (bytes that were not UTF-8, read with surrogateescape), U+FFFD and noncharacters
    are no letters: they split words as a space does and the text can be encoded again."""
    from index.normalize import visible_text

    text = visible_text(f"من{unreadable}سيقود الاجتماعات؟")
    assert text.split() == ["من", "سيقود", "الاجتماعات؟"]
    text.encode("utf-8")
    assert tokenize(f"القمة{unreadable}") == tokenize("القمة")
