"""Country names in Arabic, from the Unicode CLDR as Babel ships it and from the iso-codes
translations pycountry ships (which add the names Arabic news uses where the CLDR has another: «المجر»
beside «هنغاريا», «الدنمارك», «روسيا البيضاء»): a place an article names bare («باتجاه إيطاليا», «في
المغرب»), with no place word before it."""

from __future__ import annotations

import re
from functools import lru_cache

from index.normalize import normalize_arabic

# CLDR names that are common Arabic words too («مالي» financial, «بنين» sons), or no place.
_HOMOGRAPHS = frozenset(("مالي", "بنين"))
_NOT_PLACES = ("لكنات", "منطقه", "الامم المتحده", "الاتحاد الاوروبي", "المقعد", "القطاع", "الجزء", "محافظه")
_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب")
# Short names Arabic news uses that neither source has (the CLDR says «المملكة المتحدة», «سوريا»,
# «الإمارات العربية المتحدة», «ميانمار (بورما)»…), and the parts of the United Kingdom.
_SHORT_NAMES = ("بريطانيا", "أمريكا", "أميركا", "إنجلترا", "إنكلترا", "اسكتلندا", "سورية", "الإمارات",
                "فلسطين", "البوسنة", "بورما", "كوت ديفوار", "الدومينيكان")


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Normalised country names by their first word, the longest first: {"الولايات": (("الولايات",
    "المتحده"),), …}. Babel's Arabic territory names (two-letter codes: countries and territories),
    pycountry's Arabic names of ISO 3166 countries (short, common and official) and `_SHORT_NAMES`."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for name in _arabic_names():
        folded = tuple(normalize_arabic(name).split())
        if not folded or any(p in " ".join(folded) for p in _NOT_PLACES) or " ".join(folded) in _HOMOGRAPHS:
            continue
        names.setdefault(folded[0], set()).add(folded)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in names.items()}


def _arabic_names() -> list[str]:
    """Every Arabic country name of both sources, as written (not yet normalised)."""
    import gettext

    import pycountry
    from babel import Locale

    cldr = [re.sub(r"\(.*?\)|\s-\s.*", "", name)
            for code, name in Locale("ar").territories.items()
            if len(code) == 2]  # numeric codes are continents and regions («العالم», «أوروبا»)
    iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    names = []
    for country in pycountry.countries:
        for english in {getattr(country, attr, None) for attr in ("name", "common_name", "official_name")} - {None}:
            arabic = iso.gettext(english)
            if arabic != english:
                # «المجر (هنغاريا)»: both; «إيران، الجمهوريّة الإسلاميّة الإيرانيّة»: the name before the comma
                head, _, rest = arabic.partition("(")
                names += [head.split("،")[0], rest.rstrip(")")]
    return cldr + [name for name in names if name.strip()] + list(_SHORT_NAMES)


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
    return starts_name(country_names(), word)


def country_at(words: list[str], i: int) -> int | None:
    """The index of the last word of the country name starting at words[i] (normalised), or None."""
    return name_at(country_names(), words, i)


def starts_name(names: dict[str, tuple[tuple[str, ...], ...]], word: str) -> bool:
    """Whether a normalised word (after a proclitic too) opens one of `names` (by first word)."""
    return any(form in names for form in country_forms(word))


def name_at(names: dict[str, tuple[tuple[str, ...], ...]], words: list[str], i: int) -> int | None:
    """The index of the last word of the longest of `names` (by first word, longest first) starting at
    words[i], or None."""
    found = name_matched(names, words, i)
    return i + len(found) - 1 if found else None


def name_matched(names: dict[str, tuple[tuple[str, ...], ...]], words: list[str], i: int
                 ) -> tuple[str, ...] | None:
    """The longest of `names` starting at words[i], as the list spells it (without the proclitic written
    on words[i]: «وبجندوبة» → ("جندوبه",)), or None."""
    for form in country_forms(words[i]):
        for name in names.get(form, ()):
            if tuple(words[i + 1: i + len(name)]) == name[1:]:
                return name
    return None


def named_behind_li(names: dict[str, tuple[tuple[str, ...], ...]], words: list[str]) -> bool:
    """Whether normalised words open with one of `names` written behind «ل» ("to", "for", "of": «للولايات
    المتحدة», «لكوبا», «ولكوبا»), not with a name that itself starts with that letter («لندن», «وليبيا»)."""
    if not words:
        return False
    first = words[0][1:] if words[0][:1] in ("و", "ف") and words[0][1:] not in names else words[0]
    if not first.startswith("ل") or first in names:
        return False
    bare = "ال" + first[2:] if first.startswith("لل") else first[1:]
    return len(bare) >= 3 and name_matched(names, [bare, *words[1:]], 0) is not None


# A nisba adjective of a country («التونسية», «الفرنسيين», «والأمريكي»): its endings and proclitics,
# normalised (ة read as ه).
_NISBA_ENDINGS = ("يين", "يون", "يان", "يتين", "يتان", "يه", "ي")  # not «يات»: «مجريات»
_NISBA_CLITICS = ("", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
_COUNTRY_TAILS = ("", "ا", "يا", "يه", "ه")  # «فرنسا» → «فرنسي», «ألمانيا» → «ألماني», «السعودية» → «سعودي»


# Nisbas not built on the country's name as written («الإنجليزي», «الإيفواري», «النمساوي»), normalised.
_IRREGULAR_NISBA_STEMS = frozenset(("انجليز", "انكليز", "ايفوار", "كونغول", "نمساو", "ويلز", "اسكتلند"))


@lru_cache(maxsize=1)
def _nisba_stems() -> frozenset[str]:
    """What a nisba adjective of a one-word country name is built on: the name (with its article or
    without) less a final «ا», «يا», «ية» or «ة»: «تونس», «فرنس», «المان»/«مان», «سعود»."""
    stems = set()
    for names in country_names().values():
        for name in names:
            if len(name) != 1:
                continue  # «جنوب إفريقيا»: «الجنوبي» is no nationality
            for bare in {name[0], name[0][2:] if name[0].startswith("ال") else name[0]}:
                stems.update(bare[: len(bare) - len(tail)] for tail in _COUNTRY_TAILS if bare.endswith(tail))
    return frozenset(stem for stem in stems if len(stem) >= 3) | _IRREGULAR_NISBA_STEMS


# Nationalities news writes as broken plurals («العلماء الألمان», «السياح الروس»), normalised.
_BROKEN_PLURALS = frozenset(("المان", "روس", "اتراك", "اسبان", "افارقه", "هنود", "افغان", "طليان"))


@lru_cache(maxsize=100_000)
def is_nationality(word: str) -> bool:
    """Whether a normalised word is a nisba adjective of a country, a nationality: «التونسية»,
    «الفرنسيين», «والأمريكي», «سعودي» (not «المالية»: «مالي» is a common word, no country here), or one
    of the broken plurals news uses for some («الألمان», «الروس»)."""
    stems = _nisba_stems()
    for clitic in _NISBA_CLITICS:
        if not word.startswith(clitic):
            continue
        rest = word[len(clitic):]
        if rest in _BROKEN_PLURALS:
            return True
        if any(rest.endswith(end) and len(rest) - len(end) >= 3 and rest[: len(rest) - len(end)] in stems
               for end in _NISBA_ENDINGS):
            return True
    return False
