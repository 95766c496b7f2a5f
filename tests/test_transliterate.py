"""Unit tests: Latin-script names matched to their Arabic spelling by consonant skeleton."""

from __future__ import annotations

import pytest

from index.normalize import STOPWORDS, normalize_arabic
from index.transliterate import SkeletonIndex, arabic_skeleton, latin_skeletons


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Chebbi", "الشابي"), ("Sfax", "صفاقس"), ("Djerba", "جربة"), ("Gabes", "قابس"), ("Kremlin", "الكرملين"),
        ("Budapest", "بودابست"), ("Lavrov", "لافروف"), ("Putin", "بوتين"), ("Essebsi", "السبسي"),
        ("Guantanamo", "غوانتنامو"), ("Chad", "تشاد"), ("Colombia", "كولومبيا"), ("Youtube", "يوتيوب"),
    ],
)
def test_a_name_and_its_arabic_spelling_share_a_skeleton(latin, arabic):
    assert arabic_skeleton(normalize_arabic(arabic)) in latin_skeletons(latin)


def _arabic_words(index: SkeletonIndex, text: str) -> list[str]:
    """The Arabic words the names of `text` may transliterate, in order."""
    return [arabic for _, matches in index.names(text, STOPWORDS) for arabic in matches]


def test_the_index_finds_names_of_its_vocabulary_and_skips_ambiguous_or_common_words():
    vocabulary = [normalize_arabic(w) for w in "صفاقس جربة الشابي قال الوزير المدينة مدينة".split()]
    index = SkeletonIndex(vocabulary)
    assert _arabic_words(index, "How long is the trip from Sfax to Djerba?") == ["صفاقس", "جربه"]
    assert _arabic_words(index, "What did the minister say?") == []
    # Only names: not the first word, not a lower-case word («Hello there» is no «حول التاثير»).
    greeting = SkeletonIndex(["الحالي", "حول", "خلال", "التاثير", "صفاقس"])
    assert _arabic_words(greeting, "Hello there") == []
    assert _arabic_words(greeting, "Sfax? Hello there, how far is sfax from Sfax") == ["صفاقس"]
    # A short name whose skeleton four words share matches none of them («Cairo»: k/q, r).
    unrelated = SkeletonIndex([normalize_arabic(w) for w in "الصراع جري سريع غير ترامب".split()])
    assert _arabic_words(unrelated, "What will the weather be like in Cairo tomorrow?") == []
    assert _arabic_words(unrelated, "When did Trump call?") == ["ترامب"]


def test_a_name_and_its_arabic_spelling_count_as_one_word_of_the_question(article_service):
    """"Kremlin" and «الكرملين» are one word of "How did the Kremlin describe the call?": the passage
    naming the Kremlin holds one of its three words (every English word weighs the same, none being in
    the articles), not the Arabic spelling alone against four words, one of which no passage has."""
    retriever = article_service._chain.retriever
    hits = retriever.search("How did the Kremlin describe the call?", k=5)
    kremlin = next(hit for hit in hits if "الكرملين" in hit.document.page_content)
    assert kremlin.coverage == pytest.approx(1 / 3, abs=0.01)


@pytest.mark.parametrize(("latin", "arabic"), [("Orbán", "أوربان"), ("Erdoğan", "أردوغان"), ("Müller", "مولر"),
                                               ("Søren", "سورين"), ("Mbappé", "مبابي")])
def test_accented_latin_names_are_read_whole_and_without_their_accents(latin, arabic):
    """"Orbán" was cut at «á» into «Orb», whose skeleton matched «روبيو»."""
    index = SkeletonIndex([normalize_arabic(w) for w in (arabic, "روبيو")])
    assert _arabic_words(index, f"What did {latin} say?") == [normalize_arabic(arabic)]
