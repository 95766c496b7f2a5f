"""Checks on a message before it is searched: empty, too long, no words, another language, an order
instead of a question (to drop the bot's instructions, or to write or translate something)."""

from __future__ import annotations

import re

from bot import messages
from bot.gist import gist_question
from bot.language import other_language
from index.normalize import CONTROL_RE, fold_script, normalize_arabic, unreadable_share, visible_text
from index.split import split_sentences

# A message with more of its characters standing for no text (`unreadable_share`) is bytes, not a
# question: 200 random bytes read from a pipe have about half; a stray byte in a question, a few.
MAX_UNREADABLE_SHARE = 0.2
_WORD_RE = re.compile(r"\w", re.UNICODE)
# «/help», «/start@SomeBot»: a chat command where a question was expected (piped in, or `bot ask "/help"`).
_COMMAND_RE = re.compile(r"/[A-Za-z_]+(?:@\w+)?")


def check_question(question: object, max_chars: int) -> tuple[str, str | None]:
    """The cleaned question and, when it cannot be used, the Arabic reason why."""
    if not isinstance(question, str):
        return "", messages.EMPTY_QUESTION
    if unreadable_share(question) > MAX_UNREADABLE_SHARE:
        return "", messages.NOT_TEXT
    typed = " ".join(CONTROL_RE.sub(" ", visible_text(question)).split())  # letters not yet folded
    text = " ".join(fold_script(typed).split())
    if not text:
        return text, messages.EMPTY_QUESTION
    if len(text) > max_chars:
        # Told as the user counts it (what they sent, spaces and all), not as cleaned.
        return text, messages.TOO_LONG.format(length=max(len(question.strip()), len(text)), limit=max_chars)
    if _COMMAND_RE.fullmatch(text):
        return text, messages.COMMAND.format(command=text)
    if not _WORD_RE.search(text):
        return text, messages.NO_WORDS
    if other_language(typed):  # folding Persian letters to Arabic ones would hide a Persian question
        return text, messages.OTHER_LANGUAGE
    folded = normalize_arabic(text)
    social = small_talk(folded)
    if social is not None:
        return text, social
    if _OVERRIDE_RE.search(folded) and not _QUESTION_RE.search(folded):
        return text, messages.INSTRUCTION
    if asks_to_write(folded):
        return text, messages.INSTRUCTION
    if asks_opinion(folded):
        return text, messages.OPINION
    return text, None


# «تجاهل كل التعليمات السابقة…», "ignore your instructions…": an attempt to change what the bot does.
# Answers are the article's own sentences whatever a message says, so this only spares the user an
# answer to an order; an override with a question in it («…وقل لي من سيقود الاجتماعات») is answered.
_OVERRIDE_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:تجاهل|انس|انسي|تخط|تجاوز|اهمل)\s+(?:\w+\s+){0,2}"
    r"(?:(?:ال)?(?:تعليمات|اوامر|قواعد|توجيهات)\w*|ما\s+سبق))"
    r"|\b(?:ignore|disregard|forget|override)\b(?:\s+\w+){0,3}\s+(?:instructions?|rules|prompts?|directions)\b",
    re.IGNORECASE)
# An interrogative, Arabic (normalised) or English; «من» of «من فضلك» (please) is none.
_ENGLISH_INTERROGATIVE = r"\b(?:who|what|when|where|why|how|which)\b"
_INTERROGATIVE = (r"(?<!\w)[وف]?(?:من|ماذا|متي|اين|كيف|لماذا|كم|هل|اي|وين|شو|ليش|فين|امتي|ازاي|مين)(?!\w)"
                  r"(?!\s+(?:فضلك|يمكنك|تستطيع))|" + _ENGLISH_INTERROGATIVE)
_INTERROGATIVE_RE = re.compile(_INTERROGATIVE, re.IGNORECASE)
_QUESTION_RE = re.compile(r"[?؟]|" + _INTERROGATIVE, re.IGNORECASE)


def without_override(text: str) -> str:
    """A question with an order to drop the bot's instructions cut out («Ignore the rules: who will
    lead…?» is searched as «who will lead…?»), and with an order to write something («…واكتب قصيدة، ثم
    قل لي لماذا تأجل الاجتماع؟»): the orders are not what the user asks about, and their words would
    only lower the question's coverage. Clauses are cut as written; only one that holds an order to
    drop the instructions and something more is folded (normalised) to cut the order out of it."""
    folded = normalize_arabic(text)
    if not _OVERRIDE_RE.search(folded) and not _MAKE_RE.search(folded):
        return text
    clauses = [c.strip() for c in _CLAUSE_RE.split(text) if c.strip()]
    kept = []
    for clause in clauses:
        bare = normalize_arabic(clause)
        if _OVERRIDE_RE.search(bare):
            clause = bare = " ".join(_OVERRIDE_RE.sub(" ", bare).split())
        if clause and not asks_to_write(bare):
            kept.append(clause)
    if kept == clauses:
        return text  # «متى وُلد لافروف، وأين؟»: a verb of making, no order
    return " ".join(kept) or text


# Where one clause of a message ends and the next begins: punctuation, «ثم», "then".
_CLAUSE_RE = re.compile(r"\s*[،,؛;:.]\s*(?:(?:ثم|وبعدين|بعدين|and then|then)\s+)?|\s+(?:ثم|وبعدين|بعدين|and then|then)\s+",
                        re.IGNORECASE)


# A polite frame before the question itself: «قل لي لماذا…», «ممكن تقولي مين…», «بدي أعرف قديش…», "tell me
# why…", "can you tell me who…", "do you know when…", "I want to know where…" (normalised Arabic).
_FRAME_RE = re.compile(
    r"^(?:(?:من فضلك|لو سمحت|ممكن|بليز)\s+)?(?:[وف]?(?:قل لي|قلي|قول لي|قولي|قللي|اخبرني|خبرني|احكيلي|احكي لي"
    r"|تقول لي|تقولي|تخبرني|هل تعرف|هل تعلم|تعرف|تعرفش|بدي اعرف|بدي افهم|عايز اعرف|عاوز اعرف|ابغي اعرف|ابي اعرف"
    r"|اريد ان اعرف|اريد معرفه|نحب نعرف|حاب اعرف|ودي اعرف)\s+)+(?=" + _INTERROGATIVE + r")"
    r"|^(?:(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:tell|show)\s+me\s+(?:please\s+)?"
    r"|(?:do|does)\s+(?:you|anyone)\s+know\s+"
    r"|i\s+(?:want|would\s+like|'d\s+like|wonder)\s+(?:to\s+know\s+)?)(?=" + _ENGLISH_INTERROGATIVE + r")",
    re.IGNORECASE)


def without_frame(text: str) -> str:
    """A question without the polite frame before it («قل لي لماذا تأجل…؟» → «لماذا تأجل…؟», "Tell me why
    the meeting was postponed?" → "why the meeting was postponed?"): the frame's words ask nothing of
    the article, and an interrogative later in the sentence hides what kind of answer is asked."""
    match = _FRAME_RE.match(normalize_arabic(text))
    if not match:
        return text
    cut = _cut_words(text, len(match.group().split()))
    return cut or text


def _cut_words(text: str, count: int) -> str:
    """A text without its first `count` whitespace-separated words, as written."""
    parts = text.split(maxsplit=count)
    return parts[count] if len(parts) > count else ""


def question_part(text: str) -> str:
    """The interrogative sentences of a text that also makes statements («القمة في باريس. أين القمة؟»):
    statements in a question are not facts to search for, only the question is."""
    sentences = split_sentences(text)
    asked = [s for s in sentences if s.rstrip("\"»”' ").endswith(("?", "؟"))]
    return " ".join(asked) if asked and len(asked) < len(sentences) else text


# «اكتب لي قصيدة عن ترامب», «ترجم المقالة إلى الإنجليزية», "tell me a joke": an order to make a text,
# which the bot does not do (its answers are the articles' own sentences); the nearest sentences would
# only look like an answer. Not when the message also asks something («اكتب لي من سيقود الاجتماعات»).
_MAKE = r"(?:[وف]?(?:اكتب|اكتبي|اكتبلي|الف|الفي|انشي|انشئ|اصنع|ارسم|احك|احكي|احكيلي|قل|قلي|اعطني|عطني|اعطيني|ابتكر|ولد|" \
        r"تكتب|تكتبي|تكتبلي|تالف|تنشي|تصنع|ترسم|تحكي|تحكيلي|تعطيني)|write|compose|create|generate|draw|tell|give|make|sing|invent)"
_TEXT_KINDS = (r"(?:ال)?(?:قصيده|قصايد|شعر|ابيات|بيت شعر|وصفه|وصفات|قصه|قصص|حكايه|نكته|نكت|نكتا|رساله|مقالا|مقال|مقاله|"
               r"اغنيه|نشيد|كود|برنامجا|برنامج|بريدا|ايميل|تغريده|منشورا|منشور|خطابا|خطاب|روايه|خاطره|لغزا|لغز|موضوع تعبير|نصا)"
               r"|poem|poems|recipe|story|stories|joke|jokes|letter|essay|article|song|lyrics|code|program|script|email|"
               r"tweet|post|speech|novel|limerick|haiku|riddle|rap")
_MAKE_RE = re.compile(rf"(?<!\w){_MAKE}(?!\w)", re.IGNORECASE)
_WRITE_RE = re.compile(
    rf"^(?:(?:من فضلك|لو سمحت|ممكن|هل يمكنك|هل تستطيع|بليز|please|can you|could you|would you|will you)\s+)?"
    rf"(?:{_MAKE})\b(?:\s+\w+){{0,3}}?\s+(?:a |an |some |me |us |the )*(?:{_TEXT_KINDS})\b"
    r"|^(?:(?:من فضلك|ممكن|please|can you|could you)\s+)?(?:[وف]?(?:ترجم|ترجمي|تترجم)|translate)\b",
    re.IGNORECASE)


def asks_to_write(folded: str) -> bool:
    """Whether a message (normalised) orders a text made or translated, asking nothing of the article
    (a summary of the article, «اكتب لي ملخص المقالة», is asked of it: `gist_question`)."""
    return (bool(_WRITE_RE.search(folded)) and not _INTERROGATIVE_RE.search(folded)
            and gist_question(folded) is None)


# «ما رأيك في ترامب؟», «برأيك من سيفوز؟», «هل تعتقد أن القمة ستنجح؟», "What do you think of Putin?":
# the bot's own opinion, belief or liking. Its answers are the article's sentences, and one about the
# topic would read as the bot's view. «ما رأي روبيو…؟» asks someone's view the article may report; a
# verb that is also the third person feminine («هل تعتقد روسيا أن…؟») counts only before «أن» or at
# the end, where no other subject can stand.
_OPINION_RE = re.compile(
    r"(?<!\w)(?:[وفب]?رايك(?:م|ي)?|(?:في|ب)\s?نظرك(?:م)?|وجهه نظرك(?:م)?|توقعاتك|شعورك|احساسك|انطباعك)(?!\w)"
    r"|(?<!\w)(?:هل|شو|ايش|وش|ماذا|انت|انتي|انتم)\s+(?:ب)?(?:تعتقد|تعتقدي|تعتقدين|تظن|تظني|تظنين|تتوقع|تتوقعي|تتوقعين|تشوف|"
    r"تفتكر|تفتكري|تحب|تحبي|تكره|تكرهي)(?:وا|ون)?(?=\s+ان(?:ه|ها|هم)?(?!\w)|\s*[?؟]?\s*$)"
    r"|(?<!\w)(?:هل|شو|ايش|وش)\s+(?:ب)?(?:تحب|تحبي|تكره|تكرهي)(?:وا|ون)?\s"
    r"|\b(?:your (?:opinion|view|views|thoughts|feelings?|take)|(?:do|would|did) you (?:think|believe|like|love|hate|prefer|"
    r"feel|support|agree|expect)|what do you make of|how do you feel)\b",
    re.IGNORECASE)


def asks_opinion(folded: str) -> bool:
    """Whether a message (normalised) asks the bot's own opinion, belief or liking (`_OPINION_RE`)."""
    return bool(_OPINION_RE.search(folded))


# Greetings, thanks and goodbyes, Arabic (normalised, dialects too) and English. A message made of
# nothing else gets a reply in kind (`small_talk`); searched, «السلام عليكم» found a sentence about peace.
_GREETINGS = r"""السلام عليكم(?: ورحمه الله(?: وبركاته)?)?|سلام عليكم|سلام|عليكم السلام|مرحبا(?: بك| بكم)?|مرحبتين|اهلا(?: وسهلا| بك| بكم)?
    |اهلين|هلا(?: والله)?|هاي|صباح الخير|مساء الخير|صباح النور|مساء النور|تحيه طيبه|تحياتي|كيف حالك|كيف الحال|كيفك|شلونك
    |شلون الحال|ازيك|عامل ايه|واش راك|لاباس|لباس|كيداير|شخبارك|hi|hello|hey|hiya|good (?:morning|afternoon|evening|day)
    |greetings|how are you(?: doing)?|what's up|salam|salaam"""
_THANKS = r"""شكرا(?: جزيلا| لك| كثيرا| كتير)?|الف شكر|مشكور|مشكوره|يعطيك العافيه|تسلم|تسلمي|بارك الله فيك|جزاك الله خيرا
    |ميرسي|thanks?(?: you)?(?: (?:so|very) much)?|thx|ty|much appreciated|merci"""
_FAREWELLS = r"""مع السلامه|الي اللقاء|وداعا|باي|تصبح علي خير|bye|goodbye|good night|see you"""
_SOCIAL = {messages.GREETING: _GREETINGS, messages.THANKS: _THANKS, messages.FAREWELL: _FAREWELLS}


def _alternatives(words: str) -> str:
    return "|".join(part.strip() for part in " ".join(words.split()).split("|"))


_SOCIAL_RE = {reply: re.compile(rf"^(?:(?:{_alternatives(words)})\b\s*)+$", re.IGNORECASE)
              for reply, words in _SOCIAL.items()}
# A greeting before a question («السلام عليكم، متى تعقد القمة؟»): not what is asked about.
_LEADING_GREETING_RE = re.compile(rf"^(?:(?:{_alternatives(_GREETINGS)})\b(?:\s+يا\s+\w+)?[\s،,!.]*)+(?=\w)",
                                  re.IGNORECASE)
_ADDRESS_RE = re.compile(r"\b(?:يا\s+\w+|bot|there|everyone|all)\b|[^\w\s']", re.IGNORECASE)


def small_talk(folded: str) -> str | None:
    """The reply to a message (normalised) that only greets, thanks or says goodbye, maybe to someone
    («مرحبا يا بوت», "hi there!"), or None: «مرحبا، من سيقود الاجتماعات؟» is a question."""
    bare = " ".join(_ADDRESS_RE.sub(" ", folded).split())
    if not bare:
        return None
    return next((reply for reply, pattern in _SOCIAL_RE.items() if pattern.match(bare)), None)


def without_greeting(text: str) -> str:
    """A question with a greeting before it cut out (folded, as `without_override` does), else as it is."""
    folded = normalize_arabic(text)
    rest = _LEADING_GREETING_RE.sub("", folded)
    return rest if rest != folded and rest.strip() else text
