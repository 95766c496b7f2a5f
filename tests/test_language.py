"""Which questions are in a language the bot does not read (bot/language.py)."""

import pytest

from bot.language import other_language


@pytest.mark.parametrize("question", [
    "Qui dirigera les réunions initiales pour les États-Unis ?",  # French
    "¿Quién dirigirá las reuniones iniciales?",  # Spanish
    "Wer leitet die ersten Treffen?",  # German
    "lorem ipsum dolor sit amet",  # Latin filler
    "Кто возглавит первоначальные встречи от США?",  # Cyrillic
    "Ποιος θα ηγηθεί των συναντήσεων;",  # Greek
    "מי יוביל את הפגישות?",  # Hebrew
    "谁将领导美国的初步会议？",  # Chinese
    "ミーティングを主導するのは誰ですか？",  # Japanese
    "कौन नेतृत्व करेगा?",  # Devanagari
    "کی جلسات را رهبری می‌کند؟",  # Persian
    "یہ ملاقات کیوں ملتوی ہوئی؟",  # Urdu
    "ترامب کی با پوتین تلفنی صحبت کرد؟",  # Persian with a letter no Arabic keyboard gives (پ): identified less surely
    "چه کسی جلسات مقدماتی آمریکا را رهبری خواهد کرد؟",
    # Only the letters a Persian keyboard gives for Arabic ones (ک ی), but Persian's own words (a newcomer's):
    "روبیو و لاوروف کی دیدار کردند؟",  # py3langid: Urdu 0.48, Persian 0.30
    "وزیر خارجه روسیه کیست؟",
    "نشست ترامپ و پوتین کجا برگزار می‌شود؟",  # joined by a zero-width non-joiner
    "Quand Trump a-t-il parlé avec Poutine au téléphone ?",  # French with one word English has too («a»)
    "Pourquoi la réunion entre Rubio et Lavrov a-t-elle été reportée ?",
    # Short ones read unsurely (French at 0.42): their opening question word tells (a newcomer's)
    "Combien de morts en Colombie ?", "Donde esta Budapest?", "Wo ist Budapest?", "Quanto costa il biglietto?",
    # Letters English does not use: identified less surely, like the Persian letters above.
    "Rubio ile Lavrov arasındaki toplantı neden ertelendi?",  # Turkish (0.63)
    "Rubio ile Lavrov toplantısı neden ertelendi?",  # Turkish 0.49 and Crimean Tatar 0.45 (a newcomer's)
    "¿Cuándo habló Trump con Putin por teléfono?",  # Spanish with names (0.78)
    # Two words English has too («de», «a»; «de», «con»), with letters English does not use (a newcomer's):
    "Pourquoi le déficit commercial de la Tunisie a-t-il augmenté au premier trimestre 2017 ?",
    "¿Por qué se aplazó la reunión de Rubio y Lavrov con el ministro de Rusia?",  # Spanish 0.89 + 0.05
])
def test_a_question_in_another_language_is_told_apart(question):
    assert other_language(question)


@pytest.mark.parametrize("question", [
    "من سيقود الاجتماعات الأولية؟",
    "شكون باش يقود الاجتماعات؟",  # dialect
    "ما رأي Emmanuel Macron في القمة؟",  # a Latin name inside Arabic
    "كيف وصف الكرملين المكالمة؟",
    "کیف وصف الکرملین المکالمة؟",  # Arabic typed on a Persian keyboard (ک ی)
    "کم استمرت قمة أنکوریج؟",
    "این ستعقد القمة؟",  # «اين» ("where", hamza dropped) so typed is Persian "this": no Persian word alone
    "من هو رئیس الوزراء؟",
    # ANT sentences typed so, which py3langid reads as Persian, and one whose shadda would split a word
    # into «با»:
    "کما تم تهشیم کامیرا الزمیل بسام الغرایری",  # Persian 0.90
    "قال: یذبحها فیأکلها ولایقطع رأسها یرمی بها",  # Persian 0.96
    "جندوبة : إجراءات احتیاطیة تحسّبا من تساقط الثلوج",
    "چم مرة تحدث ترامب؟",  # Iraqi Arabic spelled with چ
    "Where will the Trump-Putin summit be held?",
    "How long did the Anchorage summit last?",
    "Budapest summit date?",  # keywords, no function word
    "Gafsa phosphate output",
    "José Mourinho Porto salary",  # an accented name in English keywords
    "José Mourinho age?",  # Portuguese 0.24 and Guianese Creole 0.14: no language stands out
    "Erdoğan visit date?",
    "Müller transfer fee?",
    "What did José Mourinho say about Porto?",
    "Who did José Mourinho sign for Manchester United?",  # English-based pidgin 0.49 at most
    "Why did Nestlé close its plant in Béja?",
    "Trump Putin Budapest",  # bare names
    "Lavrov?",
    "What is a summit?",
    "Who is Rubio?",
    "Was Trump in Budapest?",  # «was» is German's "what" too: left out of the other languages' question words
    "Where is Budapest?",
    "asdf qwerty zxcv",  # no language at all: left to the usual refusal
    "2024؟",
])
def test_arabic_and_english_questions_are_read(question):
    assert not other_language(question)


def test_a_persian_question_is_told_apart_as_typed_not_as_folded():
    """The chain checks the question as the user typed it: folding ک ی to ك ي (for Arabic typed on a
    Persian keyboard) would hide a Persian question's letters."""
    from bot.checks import check_question
    from bot import messages

    assert check_question("چه کسی جلسات مقدماتی آمریکا را رهبری خواهد کرد؟", 1000)[1] == messages.OTHER_LANGUAGE
    assert check_question("کیف وصف الکرملین المکالمة؟", 1000)[1] is None
