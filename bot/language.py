"""Questions in a language the bot does not read: neither Arabic nor English («Qui dirigera…?»,
«Кто возглавит…?»). They get a message saying which languages it reads, not «the article does not
say», which would be false when the article does."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from pyarabic.araby import strip_tashkeel

from index.bridge import english_words

# A Latin-script question with no English function word is taken for another language only when the
# language identifier is at least this sure: French, Spanish and German questions score 0.9–0.99,
# Latin filler 0.99, while bare names and keyword-style English score low («Budapest summit date?»:
# 0.10, «Gafsa phosphate output»: 0.28).
MIN_CONFIDENCE = 0.9
# Arabic script with letters that no Arabic keyboard gives (پ چ ژ گ…), Latin script with letters English
# does not use (ı ş á ñ…): another language from this sure on.
OTHER_LETTERS_CONFIDENCE = 0.5


def other_language(text: str) -> bool:
    """Whether a question is written in neither Arabic nor English: mostly letters of another script;
    Arabic script with letters Arabic does not use and Persian's commonest words, or letters no Arabic
    keyboard gives in a language py3langid (a maintained fork of langid.py, its model in the package)
    identifies as Persian, Urdu… with OTHER_LETTERS_CONFIDENCE; or Latin letters with at most one English
    function word, in a language it identifies as not English with MIN_CONFIDENCE; or, with letters English
    does not use, in its two likeliest other languages together with OTHER_LETTERS_CONFIDENCE
    (MIN_CONFIDENCE when there are two English function words or more)."""
    scripts = Counter(_script(ch) for ch in text if ch.isalpha())
    arabic, latin, other = scripts["ARABIC"], scripts["LATIN"], scripts["OTHER"]
    if other > arabic + latin:
        return True
    if latin <= arabic:
        # Persian, Urdu…: Arabic script, but letters Arabic does not use. Arabic typed on a Persian
        # keyboard has some too (its keys for ك ي ة ه give ک ی ۀ ہ), and py3langid's Persian and Urdu
        # rest on those letters: it puts 14 of 829 ANT sentences so typed at 0.9 or more in one of them,
        # and a Persian question no higher («روبیو و لاوروف کی دیدار کردند؟»: Urdu 0.48, Persian 0.30).
        # So Persian's own commonest words decide (none of 5,913 questions of our sets and XQuAD-ar has
        # one, nor any of those 829 sentences, diacritics removed); letters no Arabic keyboard gives (پ چ ژ گ…), in a text
        # py3langid reads as Persian, Urdu… at OTHER_LETTERS_CONFIDENCE, also do («ترامب کی با پوتین
        # تلفنی صحبت کرد؟» is Persian at 0.51), while Iraqi and Gulf Arabic spelled with them («چم مرة…؟»,
        # «گديش…؟») reads as Arabic.
        letters = _NOT_ARABIC_LETTERS.intersection(text)
        if not letters:
            return False
        if _PERSIAN_WORDS.intersection(_WORD_RE.findall(strip_tashkeel(text).replace("\u200c", " "))):
            return True
        if not letters - _PERSIAN_KEYBOARD_ARABIC:
            return False
        language, probability = _identifier().classify(text)
        return language in _ARABIC_SCRIPT_LANGUAGES and probability >= OTHER_LETTERS_CONFIDENCE
    # Letters English does not use (ı ş ğ á ñ ö…, ¿ ¡) need a less sure reading, as in Arabic script: the
    # two likeliest other languages together («Rubio ile Lavrov arasındaki toplantı neden ertelendi?» is
    # Turkish at 0.63, «¿Cuándo habló Trump con Putin…?» Spanish at 0.78), since close languages share a
    # question («Rubio ile Lavrov toplantısı neden ertelendi?» is Turkish at 0.49, Crimean Tatar at 0.45),
    # while a terse English one naming «José Mourinho» spreads over many (0.24 + 0.14). With two English
    # function words or more, which may be the other language's too («de», «a» in «Pourquoi le déficit… de
    # la Tunisie a-t-il augmenté…?», «de», «con» in Spanish), they must reach MIN_CONFIDENCE: «Who did José
    # Mourinho sign…?» reads as English-based pidgin at 0.49 at most.
    english = len(english_words(text))
    if _not_english_letters(text):
        return _other_languages_share(text) >= (MIN_CONFIDENCE if english > 1 else OTHER_LETTERS_CONFIDENCE)
    if english > 1:
        return False
    # One English function word may be another language's word too («a», «in», «on» in «Quand Trump
    # a-t-il parlé…?»): then only a sure reading of another language decides, or, since a short question
    # reads unsurely («Combien de morts en Colombie ?»: French at 0.42), its opening interrogative.
    language, probability = _identifier().classify(text)
    if language == "en":
        return False
    first = _WORD_RE.match(text.strip(" ¿¡\"'«»(").casefold())
    return probability >= MIN_CONFIDENCE or (first is not None and first.group() in _OTHER_INTERROGATIVES)


def _other_languages_share(text: str) -> float:
    """py3langid's probability of a text's two likeliest languages other than English, together."""
    return sum([p for language, p in _identifier().rank(text) if language != "en"][:2])


def _not_english_letters(text: str) -> bool:
    """Whether a text has Latin letters outside English's a–z (accented, ı, ß…) or Spanish ¿ ¡."""
    return any(ch in "¿¡" or (ch.isalpha() and _script(ch) == "LATIN" and not ch.isascii()) for ch in text)


# The question words of the commonest Latin-script languages after English (French, Spanish, Portuguese,
# Italian, German, Dutch), written without their accents as people often type them; none is an English
# word a question opens with ("was" and "come" left out: English "Was…?", "Come…").
_OTHER_INTERROGATIVES = frozenset("""combien pourquoi quand comment quel quelle quels quelles qui ou où
    cuantos cuantas cuánto cuántos cuántas cuanto cuando cuándo donde dónde quien quién quienes quiénes porque
    por qué cual cuál quanto quantos quantas quando onde quem qual quais perche perché chi dove quale quali
    wie warum wann wer wo welche welcher welches wieviel wieviele hoeveel waarom wanneer waar wie welke""".split())
# Letters of Persian, Urdu, Pashto, Kurdish… that Arabic does not use (پ چ ژ گ ک ی ہ ے ۀ ٹ ڈ ڑ ں ۆ ێ).
_NOT_ARABIC_LETTERS = frozenset("پچژگکیہےۀٹڈڑںۆێ")
# Persian function words and commonest verbs, as written in Persian: the object marker, "is", "that",
# "from", "with", "for", the question words, "did", "became", "was"… None is an Arabic word so spelled,
# nor typed on a Persian keyboard («این» is «اين» "where" so typed, «کرد» «كرد» "Kurds", «چی» Iraqi «شي»).
_PERSIAN_WORDS = frozenset("""را است که از با برای چه چرا کجا کجاست کدام چند چیست کیست درباره
    می کردند کرده شد شده شدند بود بودند هست هستند نیست دارد داشت گفت یک""".split())
_WORD_RE = re.compile(r"[^\W\d_]+")
# What a Persian keyboard gives for ك ي ة ه when Arabic is typed on it (folded back by `canonical_text`).
_PERSIAN_KEYBOARD_ARABIC = frozenset("کیۀہ")
# Languages written in Arabic script that are not Arabic (py3langid's codes).
_ARABIC_SCRIPT_LANGUAGES = frozenset(("fa", "ur", "ps", "ku", "ug"))


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    return "ARABIC" if name.startswith("ARABIC") else "LATIN" if name.startswith("LATIN") else "OTHER"


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with normalised probabilities (loaded once, about 1 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
