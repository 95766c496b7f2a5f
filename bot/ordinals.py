"""Which one of a series a question asks about: «المؤتمر الأول», «الثلاثي الرابع», «الجولة الثالثة عشرة».

A passage about another one of the same series («المؤتمر العالمي الثاني», «الثلاثي الثالث») does not
answer it, however well it matches the rest of the question.
"""

from __future__ import annotations

from index.normalize import normalize_arabic, words

# The ordinal adjectives 1–10, masculine and feminine, normalised, without «ال» (added when matching).
_UNITS = {normalize_arabic(word): n for n, forms in enumerate((
    "أول أولى", "ثاني ثانية", "ثالث ثالثة", "رابع رابعة", "خامس خامسة", "سادس سادسة", "سابع سابعة",
    "ثامن ثامنة", "تاسع تاسعة", "عاشر عاشرة"), start=1) for word in forms.split()}
_UNITS[normalize_arabic("حادي")] = _UNITS[normalize_arabic("حادية")] = 1  # «الحادي عشر»
_TEENS = frozenset(normalize_arabic(word) for word in ("عشر", "عشرة"))
# How many definite words before an ordinal may be the noun it qualifies («المؤتمر العالمي الثاني»,
# «الدائرة الجنائية الخامسة»): the noun and one or two adjectives.
_BEFORE = 3
_DEFINITE = ("وال", "بال", "فال", "لل", "ال")


def _ordinal(tokens: list[str], i: int) -> int | None:
    """The number an ordinal adjective at token i gives («الثالثة» 3, «الثالثة عشرة» 13), or None."""
    word = tokens[i]
    bare = word[2:] if word.startswith("ال") else word[3:] if word.startswith("وال") else None
    if bare is None or bare not in _UNITS:
        return None
    teen = i + 1 < len(tokens) and tokens[i + 1] in _TEENS
    return _UNITS[bare] + (10 if teen else 0)


def _series(tokens: list[str], i: int) -> frozenset[str]:
    """The definite words right before an ordinal at token i, one of which is the noun it qualifies
    («المؤتمر» and «العالمي» for «المؤتمر العالمي الثاني»), without their «ال»; none without one."""
    stems = set()
    for k in range(i - 1, max(-1, i - 1 - _BEFORE), -1):
        prefix = next((p for p in _DEFINITE if tokens[k].startswith(p)), None)
        if prefix is None or _ordinal(tokens, k) is not None:
            break
        stems.add(tokens[k][len(prefix):])
    return frozenset(stems)


def ordinals_named(text: str) -> list[tuple[frozenset[str], int]]:
    """Each ordinal a text gives a definite noun, with the definite words before it (`_series`):
    «انعقد المؤتمر العالمي الثاني» → [({"موتمر", "عالمي"}, 2)]; or an ordinal put before its noun, which is
    then indefinite: «قبل ثاني مناظرة» → [({"مناظره"}, 2)] (not «أول»: «أول وزير يتولى…» is the first ever,
    no one of a series); normalised, without «ال»."""
    tokens = words(normalize_arabic(text))
    found = []
    for i in range(len(tokens)):
        number = _ordinal(tokens, i) if i else None
        if number is not None and (series := _series(tokens, i)):
            found.append((series, number))
        elif _UNITS.get(tokens[i], 1) > 1 and i + 1 < len(tokens) and _is_indefinite_noun(tokens[i + 1]):
            found.append((frozenset((tokens[i + 1],)), _UNITS[tokens[i]]))
    return found


def _is_indefinite_noun(word: str) -> bool:
    """Whether a normalised word after a bare ordinal may be the noun it is the first, second… of
    («ثاني مناظرة», «ثالث جولة»): a word of three letters or more, without «ال», not another ordinal."""
    return len(word) >= 3 and not word.startswith(_DEFINITE) and word not in _UNITS and word not in _TEENS


def another_of_the_series(question: str, answer: str) -> bool:
    """Whether an answer speaks of another one of a series the question names by its ordinal, and never
    of the one asked: «في أي سنة انعقد المؤتمر الأول…؟» over «ينعقد المؤتمر العالمي الثاني…»."""
    named = ordinals_named(answer)
    for series, number in ordinals_named(question):
        others = [n for words_before, n in named if words_before & series]
        if others and number not in others:
            return True
    return False
