"""Country names in Arabic, from the Unicode CLDR as Babel ships it: a place an article names bare
(«باتجاه إيطاليا», «في المغرب»), with no place word before it."""

from __future__ import annotations

import re
from functools import lru_cache

from index.normalize import normalize_arabic

# CLDR names that are common Arabic words too («مالي» financial, «بنين» sons), or no place.
_HOMOGRAPHS = frozenset(("مالي", "بنين"))
_NOT_PLACES = ("لكنات", "منطقه", "الامم المتحده", "الاتحاد الاوروبي")
_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب")


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Normalised country names by their first word, the longest first: {"الولايات": (("الولايات",
    "المتحده"),), …}. Babel's Arabic territory names (two-letter codes: countries and territories)."""
    from babel import Locale

    names: dict[str, set[tuple[str, ...]]] = {}
    for code, name in Locale("ar").territories.items():
        if len(code) != 2:
            continue  # numeric codes are continents and regions («العالم», «أوروبا»)
        folded = normalize_arabic(re.sub(r"\(.*?\)|\s-\s.*", "", name)).split()
        if not folded or any(p in " ".join(folded) for p in _NOT_PLACES) or " ".join(folded) in _HOMOGRAPHS:
            continue
        names.setdefault(folded[0], set()).add(tuple(folded))
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in names.items()}


@lru_cache(maxsize=100_000)
def country_forms(word: str) -> tuple[str, ...]:
    """The forms of a normalised word a country name may start with: as written, after a one- or
    two-letter proclitic («بإيطاليا», «وتونس»), and «بالمغرب» → «المغرب»."""
    forms = [word]
    for clitic in _CLITICS:
        rest = word[len(clitic):]
        if word.startswith(clitic) and len(rest) >= 3:
            forms.append(rest)
    if word.startswith("لل"):  # «للمغرب»: «ل» + «المغرب» with the alef dropped
        forms.append("ال" + word[2:])
    return tuple(dict.fromkeys(forms))


def starts_country(word: str) -> bool:
    """Whether a normalised word may open a country's name."""
    names = country_names()
    return any(form in names for form in country_forms(word))


def country_at(words: list[str], i: int) -> int | None:
    """The index of the last word of the country name starting at words[i] (normalised), or None."""
    names = country_names()
    for form in country_forms(words[i]):
        for name in names.get(form, ()):
            if tuple(words[i + 1: i + len(name)]) == name[1:]:
                return i + len(name) - 1
    return None
