"""Telling a message of words from one of none (`bot.wordlists`)."""

from __future__ import annotations

import pytest

from bot.wordlists import has_known_word


@pytest.mark.parametrize("text", [
    "عاصمة المجر؟", "والاجتماعات", "وسيقودها روبيو", "ما هو؟", "شو؟", "Budapest summit date?", "summit",
    "ALL CAPS QUESTION", "أُجِّلَ الاجتماعُ", "a qwe summit",
])
def test_words_of_arabic_or_english_are_known(text):
    assert has_known_word(text)


@pytest.mark.parametrize("text", [
    "asdkjh qwe zxcmnb poiuy", "سشيبل ثقفغ", "ضصثق", "123 456", "٣٤٥", "a b c", "x", "", "ـــ",
])
def test_keyboard_mash_digits_and_lone_letters_are_not(text):
    assert not has_known_word(text)
