"""Who speaks, reacts or describes in a question, and whether a passage reports them saying it.

`reaction` and `described_by` read an Arabic question («كيف ردّ X على…؟», «ماذا قال X عن…؟», «كيف وصف X…؟»:
who, normalised), `english_speaker` and `english_described_by` an English one ("What did X say about…?");
`reports_saying` and `says_on` tell whether a passage has that person saying or reacting (a verb of saying,
`saying_verb`, with them as its subject), not merely named. Used by the question's analysis
(`bot.question`) and the chain's checks (`bot.chain`).
"""

from __future__ import annotations

import re

from index.normalize import STOPWORDS, clitic_variants, normalize_arabic, words
from index.phrases import name_kind
from index.split import split_sentences


# «كيف ردّ X على…؟», «ما موقف X من…؟», «ماذا قال X عن…؟»: a reaction, a stance or a statement of X's
# (normalised text; X is one to five words before the preposition that says what it is about, and
# «ماذا قالت عن…» names nobody there).
_ABOUT_WHAT = "علي|من|تجاه|ازاء|حول|بشان|عن|مع"  # the prepositions that say what X reacted to
_DURING = "في|خلال|اثناء"  # or when and where X spoke («ماذا أكد روبيو خلال المكالمة؟»)
_REACTION_RE = re.compile(
    r"(?<!\w)[وف]?(?:كيف|بماذا|بم|ما|ماذا|ما الذي)\s+(?:كان\s+|هو\s+|هي\s+)?"
    r"(?P<verb>رد فعل|رده فعل|رد|ردت|ردوا|علق|علقت|علقوا|موقف|تعليق|تفاعل|تفاعلت|قال|قالت|قالوا|صرح|صرحت"
    rf"|اكد|اكدت|اعلن|اعلنت)\s+(?!(?:{_ABOUT_WHAT}|في)\s)(?P<actor>(?:\w+\s+){{0,4}}?\w+)\s+(?:{_ABOUT_WHAT}|{_DURING})(?!\w)")


# «كيف وصف الكرملين المكالمة؟», «بماذا وصفت كيلي الحرب؟», «كيف قيّم الزعيمان اللقاء؟» (normalised; dialect
# interrogatives are standard by then): the word right after a verb of describing or judging.
_DESCRIBED_RE = re.compile(
    r"(?<!\w)[وف]?(?:كيف|بماذا|بم|ماذا|ما|ما الذي)\s+(?:الذي\s+)?"
    r"(?:وصف|وصفت|وصفوا|وصفا|قيم|قيمت|قيموا|قيما|نعت|نعتت|سمي|سمت)\s+(?P<word>\w+)")


# "What did Lavrov say about…?", "How did Viktor Orbán react to…?", "What was Zelensky's reaction to…?":
# who speaks or reacts in an English question, when a name (capitalised words, "the" before them allowed).
_ENGLISH_NAME = r"(?:the\s+)?(?P<actor>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
_ENGLISH_REACTION_RE = re.compile(
    rf"^\W*(?:(?i:what|how)\s+(?i:did|does|do|has|have|will|would)\s+{_ENGLISH_NAME}\s+"
    r"(?i:say|said|react|respond|comment|reply|think)\b"
    rf"|(?i:what)\s+(?i:was|is|were)\s+{_ENGLISH_NAME.replace('actor', 'owner')}(?:'s|’s)\s+"
    r"(?i:reaction|response|comment|reply)\b)")


def english_speaker(question: str) -> str | None:
    """Who speaks or reacts in an English question asking what they said or how they reacted ("What
    did Viktor Orbán say about…?" → "Viktor Orbán"); None for any other question. As `reaction` for
    Arabic: an article that never names them cannot say it (checked by the name's Arabic spelling)."""
    match = _ENGLISH_REACTION_RE.match(question)
    return (match.group("actor") or match.group("owner")) if match else None


# "How did the Kremlin describe the call?", "What did the Kremlin call it?": who describes, in an English
# question (capitalised words: a name).
_ENGLISH_DESCRIBED_RE = re.compile(
    rf"^\W*(?:(?i:how|in\s+what\s+way|in\s+what\s+terms)\s+(?i:did|does|do|has|have|had)\s+{_ENGLISH_NAME}\s+"
    r"(?i:describe|characteri[sz]e|call|label|term|assess|evaluate|view)\b"
    rf"|(?i:what)\s+(?i:did|does|do)\s+{_ENGLISH_NAME.replace('actor', 'caller')}\s+(?i:call|label|term)\b)")


def english_described_by(question: str) -> str | None:
    """Who describes something in an English question asking how they described it ("How did the
    Kremlin characterize the call?" → "Kremlin"); None for any other question. As `described_by` for
    Arabic: a sentence that answers names them (checked by the name's Arabic spelling)."""
    match = _ENGLISH_DESCRIBED_RE.match(question)
    return (match.group("actor") or match.group("caller")) if match else None


def described_by(question: str) -> str | None:
    """The word right after the verb of a question asking how someone described or judged something
    («كيف وصف الكرملين المكالمة؟» → «الكرملين», normalised): who describes, or, with the verb in the
    passive or its subject a pronoun («كيف وُصف البيان؟», «وكيف وصفت الحرب؟»), what is described. Either
    way a sentence that answers names it; None for any other question or a function word there."""
    match = _DESCRIBED_RE.search(normalize_arabic(question))
    if not match or match.group("word") in STOPWORDS:
        return None
    return match.group("word")


def reaction(question: str) -> tuple[str | None, bool]:
    """Who reacts, takes a stance or speaks in a question asking for that («كيف ردّ الرئيس الأوكراني
    على التأجيل؟» → «الرئيس الاوكراني», normalised; None for any other question), and whether it asks
    for a stance («ما موقف روبيو من…؟»), which others may report («وأضاف المصدر أنه من غير المرجح أن
    يوصي روبيو…»), rather than for what X said or did in reply («كيف ردّ…؟», «ماذا قال…؟»). An article
    that never names X cannot say how X reacted, however well it matches what X reacted to."""
    text = normalize_arabic(question)
    match = _REACTION_RE.search(text)
    if not match or _TIME_PREPOSITION_RE.search(text, 0, match.start()):
        # «إثر ماذا أعلن ترامب الاتفاق…؟», «بعد ماذا…»: after what, not what was said
        return None, False
    stance = match.group("verb") == "موقف"
    if _THAT.intersection(match.group("actor").split()):
        return None, stance  # «ماذا قالت كيلي إن ترامب مستعد…»: what was said, not only who said it
    return match.group("actor"), stance


_THAT = frozenset(("ان", "انه", "انها", "بان", "بانه", "بانها"))
# A preposition of time right before the interrogative (normalised): «إثر ماذا…؟», «بعد ماذا…؟».
_TIME_PREPOSITION_RE = re.compile(r"(?<!\w)[وف]?(?:اثر|بعد|قبل|منذ|عقب)\s+$")


# Verbs of saying, reacting and taking a stance (normalised; past tense, third person masculine, and
# the commonest present forms): how a news article reports what someone said or how they reacted.
_SAYING = frozenset(normalize_arabic(w) for w in """
    قال أكد اعتبر وصف رد علق أوضح أشار أضاف انتقد صرح أفاد ندد رحب رفض نفى شدد دعا طالب هاجم
    أعرب كتب أعلن حذر أبدى لفت ذكر تابع استنكر ثمن اعترض أيد عارض نوه اتهم تساءل أجاب أقر اقترح
    أبرز أفصح أشاد استغرب تعهد توعد اعترف ختم أبلغ طلب كشف يقول تقول يرى ترى يعتبر تعتبر يؤكد تؤكد
    said says told stated added""".split())
# Verbs spelt as a preposition once unvowelled: «بيّن أن…» / «بين», «عبّر عن…» / «عبر». A verb only
# with the word it governs within SAYER_AFTER words.
_SAYING_GOVERNING = {normalize_arabic("بين"): frozenset(("ان", "انه", "انها", "بان")),
                     normalize_arabic("عبر"): frozenset(("عن",))}
# After a verb of saying, the sayer is named within this many words («واعتبر النائب بمجلس نواب الشعب
# عن حزب نداء تونس عبد العزيز القطي»: 11).
SAYER_AFTER = 14


def saying_verb(word: str, with_object: bool = True) -> str | None:
    """The verb of saying a normalised word is (`_SAYING`, `_SAYING_GOVERNING`), after «و»/«ف» and
    with a feminine or plural ending («وأكدت», «اعتبروا») or, if `with_object`, an object pronoun
    («وصفها»); None when it is none."""
    stems = {word} | ({word[1:]} if word[:1] in "وف" and len(word) > 3 else set())
    endings = ("ت", "وا") + (("ه", "ها", "هم", "تها", "ته") if with_object else ())
    for stem in list(stems):
        for ending in endings:
            if stem.endswith(ending) and len(stem) - len(ending) >= 2:
                stems.add(stem[: -len(ending)])
    return next((stem for stem in stems if stem in _SAYING or stem in _SAYING_GOVERNING), None)


# Words that may open a sentence before its verb of saying: «كما نددت…», «ثم أضاف…».
_CONTINUING = frozenset(normalize_arabic(w) for w in "كما ثم وكما".split())


def says_unnamed(passage: str) -> bool:
    """Whether a passage opens with a verb of saying that has no subject of its own («كما نددت ب"الدعوات"…»,
    «وأضاف "نهدف إلى…"»): whoever speaks was named before it. False for «وأكد الوزير…» (a subject)."""
    tokens = words(passage)
    while tokens and tokens[0] in _CONTINUING:
        tokens = tokens[1:]
    if not tokens or saying_verb(tokens[0]) is None:
        return False
    following = tokens[1] if len(tokens) > 1 else ""
    return not (following and following not in _THAT and not following.startswith(("ب", "ل")) and following != "عن"
                and (_is_definite_noun(following) or name_kind(following) is not None))


def says_on(passage: str, before: str, actor: str, by_anyone: bool = False) -> bool:
    """Whether a passage whose verb of saying has no subject of its own (`says_unnamed`) goes on with what
    `actor` said in the sentence `before` it (`reports_saying`): the same sayer, not named again."""
    return bool(before) and says_unnamed(passage) and reports_saying(actor, split_sentences(before)[-1],
                                                                     by_anyone=by_anyone)


def reports_saying(actor: str, text: str, by_anyone: bool = False) -> bool:
    """Whether a text reports `actor` (normalised, as `reaction` gives it) saying something or
    reacting, in one of its sentences. Either a verb of saying whose subject the actor is: named after
    it, within SAYER_AFTER words and before «أن/إن» opens what is said, unless the word right after the
    verb is another subject (a definite noun of no title, organisation or place: in «اتهم التقرير
    إسرائيل…» Israel is accused; or another name, as in «وقال ترامب… مع بوتين، إنهما…», unless the actor
    is a role in apposition to it); or the actor's name right before a verb with no object pronoun
    («ترامب قال»; in «…إلى دونالد ترامب، طالبه فيها» he is the one addressed). Named: the actor's last word (a surname, the
    head of «الحكومة القطرية»…) and at least half of its words («وقال الخطيب» for «سامي الخطيب»), each
    as a word behind its clitics, not a stem («لأوكرانيا» is not «الأوكراني»). «قررت الهيئة… طرد حافظ
    قائد السبسي» names him but does not say how he reacted; «وردّت الوزيرة نجاة بلقاسم…» does.
    `by_anyone`: for a stance, which others may report, a verb of saying and the actor named anywhere
    in one sentence are enough («وأضاف المصدر أنه من غير المرجح أن يوصي روبيو…»), the actor not the
    object of a preposition («ضغوطا على الأمين العام»)."""
    # Each word of the actor behind its clitics, and whether it is a title («رئيس البعثة», «الرئيس
    # الأوكراني»): a title must be there too, «البعثة» alone may be anyone's.
    named_by = [(variants[0], name_kind(w) == "person") for w in actor.split() if (variants := clitic_variants(w))]
    if not named_by:
        return True
    wanted, titles = [w for w, _ in named_by], [title for _, title in named_by]
    for sentence in split_sentences(text):
        tokens = words(sentence)
        # A word behind its clitics: the forms that end the word (no suffix cut).
        forms = [frozenset(f for f in clitic_variants(w) if w.endswith(f)) for w in tokens]

        def named(lo: int, hi: int) -> bool:
            present = set().union(*forms[max(0, lo):hi]) if hi > lo else set()
            found = [w in present for w in wanted]
            return (found[-1] and 2 * sum(found) >= len(found)
                    and all(ok for ok, title in zip(found, titles) if title))

        def says_after(i: int, verb: str) -> bool:
            governed = _SAYING_GOVERNING.get(verb)
            if governed and governed.isdisjoint(tokens[i + 1:i + 1 + 2 * SAYER_AFTER]):
                return False
            first = tokens[i + 1] if i + 1 < len(tokens) else ""
            if forms[i + 1:i + 2] and forms[i + 1].isdisjoint(wanted) and (
                    name_kind(first) is None or (name_kind(first) == "organisation" and _is_definite_noun(first))):
                # Another subject: a definite noun of no title («اتهم التقرير إسرائيل»), or another
                # name, unless the actor is a role in apposition to it («عبّر بجورن روذر، رئيس بعثة…»).
                if _is_definite_noun(first) or not titles[0]:
                    return False
            # The sayer comes before what is said, which «أن/إن…» opens.
            end = i + 1
            while end < min(len(tokens), i + 1 + SAYER_AFTER) and tokens[end] not in _THAT_WORDS:
                end += 1
            return named(i + 1, end)

        if by_anyone:
            if (named(0, len(tokens)) and any(saying_verb(w) for w in tokens)
                    and _not_governed(tokens, forms, wanted[0])):
                return True
            continue
        for i, w in enumerate(tokens):
            verb = saying_verb(w)
            if verb and says_after(i, verb):
                return True
            if i and wanted[-1] in forms[i - 1] and saying_verb(w, with_object=False) and named(i - len(wanted), i):
                return True
    return False


# What starts the content of what is said: the sayer is named before it.
_THAT_WORDS = _THAT | frozenset(("انهم", "انهما", "بانهم", "that"))


# Prepositions (normalised): an actor right after one is spoken of («ضغوطا على الأمين العام»), not speaking.
_PREPOSITIONS = frozenset(normalize_arabic(w) for w in "على إلى عن مع من في لدى عند ضد حول بين نحو".split())


def _not_governed(tokens: list[str], forms: list[frozenset[str]], first: str) -> bool:
    """Whether the actor, whose first word is `first`, is mentioned somewhere not as the object of a
    preposition (after «على…» or with «ب»/«ل» on its first word)."""
    return any(first in f and not (k and tokens[k - 1] in _PREPOSITIONS)
               and not (tokens[k][:1] in "بل" and first[:1] not in "بل")
               for k, f in enumerate(forms))


def _is_definite_noun(word: str) -> bool:
    """A normalised word with the article, after a clitic («التقرير», «والمحكمة»)."""
    return any(form.startswith("ال") for form in (word, word[1:], word[2:]))
