"""Questions about an article as a whole: «ما موضوع المقالة؟», «لخص الخبر», «شو القصة؟», "What is the
article about?". No sentence of an article says what it is about; its lead (the first sentence, which a
news article writes to sum up the story) does, under its title."""

from __future__ import annotations

from index.normalize import STOPWORDS, normalize_arabic, words

_PROCLITICS = ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")


def _forms(text: str) -> frozenset[str]:
    return frozenset(normalize_arabic(w) for w in text.split())


# The article itself: a question naming it and nothing else asks about the whole of it.
DOCUMENT_NOUNS = _forms("""مقال مقالة مقالات خبر أخبار نص تقرير قصة حكاية سالفة
    article articles story stories report reports text texts news piece pieces""")
# What an article is about: its topic, gist, main points.
TOPIC_NOUNS = _forms("""موضوع مضمون محتوى فحوى فكرة أفكار ملخص خلاصة تلخيص نقاط نقطة
    topic gist summary overview point points""")
# Asking for a summary: with these, other words may say which article («لخص خبر سامسونغ»).
SUMMARY_WORDS = _forms("""لخص لخصي لخصلي تلخص ملخص خلاصة تلخيص اختصر باختصار
    summarize summarise summary tldr""")
# Words that add nothing to such a question (what it is about, for me, main…).
_FILLER = _forms("""يتحدث تتحدث تحدث يدور تدور يتناول تتناول يقول تقول يحكي تحكي يحكى يروي تروي
    أهم الرئيسية رئيسية العامة عامة الأساسية بشكل مختصر اختصارا سريع لي لنا من فضلك رجاء
    اشرح وضح أعطني اعطني عطيني قولي قلي احكيلي اكتب اكتبي اكتبلي
    about main key general brief briefly short quick quickly up me us please tell give say says write
    whole all basically""") | STOPWORDS
_GIST_WORDS = DOCUMENT_NOUNS | TOPIC_NOUNS | SUMMARY_WORDS | _FILLER


def _stem(word: str) -> str:
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix):]
            if rest in _GIST_WORDS:
                return rest
    return word


def gist_question(text: str) -> str | None:
    """Whether a question asks what an article is about: "" when it names the article and nothing else
    («ما موضوع المقالة؟», «لخص»), the words that say which article when it asks for a summary of one
    («لخص خبر سامسونغ» → «سامسونغ»), None for any other question. A word with a pronoun on it is not
    the article («وما موضوعها؟» asks about what was named before)."""
    said = [_stem(w) for w in words(text)]
    if not said:
        return None
    article = [w for w in said if w in DOCUMENT_NOUNS or w in TOPIC_NOUNS]
    summary = [w for w in said if w in SUMMARY_WORDS]
    rest = [w for w in said if w not in _GIST_WORDS]
    if not rest and (article or summary):
        return ""
    if rest and summary:
        return " ".join(rest)
    return None
