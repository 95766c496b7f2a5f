"""Unit tests: what a question asks for and whether it leans on the last turn."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import messages
from bot.answer_type import (asked_words, asks_for_name, asks_which_city, expected_type, located_in_town, says_again, spans_of_kinds,
                             type_match as type_match_phrases, typed_spans)
from bot.checks import check_question
from bot.compose import best_span
from bot.question import analyse, standard_arabic


def type_match(kind: str, passage: str, asked: frozenset[str] = frozenset()) -> bool:
    """`type_match` on a passage's text."""
    return type_match_phrases(kind, typed_spans(passage), asked)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("كم عدد سكان المدينة؟", "number"),
        ("كم عمر الوزير؟", "age"),
        ("كم سعر التذكرة؟", "money"),
        ("التذكرة بكام؟", "money"),
        ("كم نسبة البطالة؟", "percent"),
        ("كم استغرقت الرحلة؟", "lasting"),
        ("وعلى الساعة كم؟", "clock"),
        ("متى افتتح الجسر؟", "date"),
        ("وقتاش خرج القرار؟", "date"),
        ("أين ستعقد القمة؟", "place"),
        ("وين رح تكون القمة؟", "place"),
        ("من هي ليلى منصور؟", "person"),
        ("شكون ترجم الكتاب؟", "person"),
        ("لماذا تأجل الاجتماع؟", "reason"),
        ("علاش تأجل الاجتماع؟", "reason"),
        ("How many beds does the hospital have?", "number"),
        ("How old is he?", "age"),
        ("In what year was he released?", "year"),
        ("ماذا قال الوزير؟", "other"),
        # An auxiliary between «كم/ما» and the focus noun, or the noun's article, asks the same.
        ("كم كان عمر الوزير عند تعيينه؟", "age"),
        ("كم يبلغ سعر التذكرة؟", "money"),
        ("كم تبلغ القيمة المالية للصفقة؟", "money"),
        ("كم ستبلغ كلفة إنجاز الميناء؟", "money"),  # the auxiliary in the future
        ("كم تبلغ ثروة رجل الأعمال؟", "money"),  # a noun that is an amount of money
        ("كم كانت التعويضات؟", "money"),
        ("كم مرتب المدرب؟", "money"),
        ("What is the salary of Marco Rubio?", "money"), ("What budget has been allocated to the centre?", "money"),
        ("ما هي النسبة التي سجلها النمو؟", "percent"),
        ("كم يبعد الميناء عن المدينة؟", "measure"),
        ("ما الذي دفع الوزير إلى الاستقالة؟", "reason"),
        # An acronym is no interrogative: "the WHO" is the World Health Organization.
        ("What share of adults are not active enough, according to the WHO?", "percent"),
        ("بأي نسبة تراجعت الصادرات؟", "percent"), ("إلى أي نسبة تريد الحكومة خفض الديون؟", "percent"),
        ("Which programme did the IMF approve?", "other"),
        ("Who heads the WHO?", "person"),
        ("How much was the club fined?", "count"),
        ("How much did the ticket cost?", "money"),
        # How much + a verb of lasting asks how long it lasted; other how-long questions any duration.
        ("كم استمرت المباراة؟", "lasting"),
        ("كم دامت الحرب؟", "lasting"),
        ("كم من الوقت استغرق آخر لقاء بين الرئيسين؟", "lasting"),  # «كم من الوقت» + a verb of lasting
        *((f"كم {verb} الرحلة؟", "lasting") for verb in ("يستغرق", "ستستغرق", "سيستمر", "تدوم", "طالت")),
        ("كم من الوقت مضى منذ القمة؟", "duration"),  # time gone by since it
        ("How long did the summit last?", "lasting"),
        ("كم مضى على آخر لقاء؟", "duration"),
        ("How long has he been in office?", "duration"),
        # «ما اليوم الذي…», «ما التاريخ الذي…»: which day
        ("ما اليوم الذي تحدث فيه الوزيران؟", "date"),
        ("ما التاريخ الذي حدده المجلس للجلسة؟", "date"),
        ("بكم اشترى المجمع المدرسة؟", "money"),
        ("بكم بيعت اللوحة؟", "money"),
        ("بكم نمت الصادرات؟", "count"),
        # How much + an amount of money as the focus, or a verb of paying or costing, asks for money;
        # how much + weight asks for a measure.
        ("كم تبلغ الأرباح السنوية للشركة؟", "money"),
        ("كم بلغت عائدات الميناء؟", "money"),
        ("كم ستدفع الحكومة للمقاول؟", "money"),
        ("كم كلّف المشروع؟", "money"),
        ("بكم سيُباع الهاتف؟", "money"),
        ("كم من المال جمع المحتال من ضحاياه؟", "money"),
        ("ما حجم أموال الرئيس المجمدة في سويسرا؟", "money"),
        ("كم يبلغ وزن الشحنة؟", "measure"),
        ("كم يزن الصاروخ؟", "measure"),
        ("ما الذي يفسر تراجع الصادرات؟", "reason"),
        ("بماذا فسّر الوزير القرار؟", "reason"),
        # How much in a unit the question names: that unit's kind («باليوم» is per day).
        ("كم بلغ الإنتاج بالطن؟", "measure"),
        ("كم دولارا دفع النادي؟", "money"),
        ("كم مليون دينار خسرت الشركة؟", "money"),
        ("كم شخصا يزور المتحف باليوم؟", "number"),
        ("كم تخسر الشركة في اليوم؟", "count"), ("الشركة بتخسر كم في اليوم؟", "count"),  # per day: a rate
        ("كم في المائة من السكان صوتوا؟", "percent"),  # per hundred: a share, not a rate
        # A feminine noun after «كم» shows no accusative alif: it counts; one for an amount asks how much.
        ("كم دولة شاركت في الدورة؟", "number"), ("كم سعرة حرارية يحتاجها الطفل؟", "number"),
        ("قداش من قضية رفعوها؟", "number"), ("كم قيمة الصفقة؟", "money"), ("كم نسبة البطالة؟", "percent"),
        ("كم رصيده في البنك؟", "count"),  # «ـه» a pronoun, not «ة»
        # English puts the verb that says what is measured last: "weigh" a measure, "cost" money
        ("How much does the MOAB weigh?", "measure"), ("How much will the inauguration ceremony cost?", "money"),
        ("How much did the company lose?", "money"), ("How much wheat was harvested?", "count"),
        # "How long is the road?" asks a length, as «كم طول الطريق؟»; "How long is the ban?" a time
        ("How long is the road planned to link the free zone with the port?", "measure"),
        ("How long was the new railway line?", "measure"), ("How long is the ban?", "duration"),
        # «من أي…» is "from which…", not "who": the noun after «أي» decides.
        ("من أي بلد جاء العلماء؟", "place"),
        ("ومن أي مدينة ينحدر اللاعب؟", "place"),
        ("من أي متجر اشتُري الفستان؟", "other"),
        # «من بين…»: "among…", the question word after it decides.
        ("من بين حاملي البطاقات، كم مسؤولا يحق لكل فريق؟", "number"),
        ("من ضمن المشاركين، كم امرأة فازت؟", "number"),
        # an earthquake's magnitude, a temperature: a measure in degrees
        ("ما هي درجة حرارة مياه البحر؟", "measure"), ("كم درجة بلغت الحرارة في قبلي؟", "measure"),
        ("ما هي القوة المغناطيسية التي تؤثر على الشحنة؟", "other"),  # which force, not how strong
        # how many per hundred, in standard Arabic and the dialects
        ("كم في المئة من المواد يحافظ عليها الميكروويف؟", "percent"), ("بكم في المائة ارتفعت الأسعار؟", "percent"),
        ("قديش بالمية زادت الأسعار؟", "percent"), ("كام في المية من الناس صوتوا؟", "percent"),
        # a region or a town of a country, asked by its noun, one or several
        ("في أي ولايات تجري التحركات الاحتجاجية؟", "place"), ("ما الولاية التي سجلت أكبر عدد من الإصابات؟", "place"),
        ("عن أي محافظة تنوب النائبة؟", "place"), ("ما البلديات التي ستنطلق فيها التجربة؟", "place"),
        ("في أي عاصمة عربية سينعقد المؤتمر؟", "place"), ("Which capital will host the talks?", "place"),
        ("ما الجهة التي موّلت الدراسة؟", "other"),  # «جهة»: a party too
        # by how much something changed: an amount of any kind, mostly a share, not money
        ("By how much did foreign tourist arrivals rise in early 2017?", "count"),
        ("How much did fruit prices go up since 2010?", "count"), ("How much did the company lose?", "money"),
        ("How much prize money did the winner take home?", "money"), ("How much reward cash was offered?", "money"),
        # English what/which-questions by their focus noun, past modifiers and a possessor
        ("On what exact date is the summit scheduled?", "date"), ("What is Rima Khalaf's nationality?", "nationality"),
        ("What is Tunisia's unemployment rate?", "percent"), ("What is the registration fee for the conference?", "money"),
        ("What prison sentence did she receive?", "penalty"), ("In which Tunisian cities was the survey done?", "place"),
        ("What's the current dollar exchange rate?", "money"),
        ("What happened to the prices?", "other"), ("What did Trump say about the date?", "other"),
    ],
)
def test_expected_answer_type(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    # a focus noun with a possessive pronoun asks what the bare noun asks; ta marbuta comes back before it
    ("وما جنسيته؟", "nationality"), ("ما لونها؟", "colour"), ("وما نسبتها من الواردات؟", "percent"),
    ("كم راتبه؟", "money"), ("ما قيمتها؟", "money"), ("ما عقوبته؟", "penalty"), ("ما مدتها؟", "lasting"),
    ("ما مساحتها؟", "measure"), ("وما اسمها الجديد؟", "person"),
    # a noun ending in ة is no pronoun: «سعرة» (a calorie) is no «سعر» (a price)
    ("كم سعرة حرارية في الوجبة؟", "number"), ("ما نسبة البطالة؟", "percent"),
])
def test_a_possessive_on_the_focus_noun(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    ("الحرب شكثر طوّلت؟", "lasting"),  # Iraqi «شكثر» (how much) and «طوّل» (to last)
    ("وش اليوم اللي اتكلموا فيه بالتلفون؟", "date"),  # Gulf «وش اليوم» is «ما اليوم»
    ("اتكلموا يوم إيه؟", "date"),  # Egyptian «يوم إيه» is «أي يوم»
    # how old, as the dialects ask it: «وش/شو عمر…» («ماذا عمر»), «عمره كام؟», «كام سنة عمره؟», «شحال عمرو؟»
    ("وش عمر الصياد اللي طاح من مركبه؟", "age"), ("شو عمرها الممثلة؟", "age"), ("الوزير عمره كام؟", "age"),
    ("كام سنة عمره المتهم؟", "age"), ("شحال عمرو اللاعب؟", "age"), ("At what age did he retire?", "age"),
    # «شو/وش/شنو X» is «ماذا X» once standard, and asks what «ما X» asks
    ("وش نسبة التضخم اللي يتوقعها البنك؟", "percent"), ("شو سعر التذكرة؟", "money"),
    ("شنو السبب اللي خلاه يستقيل؟", "reason"), ("وش المدة اللي احتاجوها؟", "lasting"),
    # «طوّل» with its shadda is the verb (it lasted), after «قديش» too; without it, the noun «طول» (length)
    ("قديش طوّل اجتماعهم؟", "lasting"), ("شكد طوّلت الحرب تقريبًا؟", "lasting"), ("قديش طول الجسر؟", "measure"),
    # Egyptian puts «قد إيه» after the verb
    ("الاجتماع خد قد إيه؟", "lasting"), ("القمة استمرت قد إيه؟", "lasting"),
    # a hedge between «كم» and its focus does not change what is asked
    ("قديش تقريبا طوّل اللقاء؟", "lasting"), ("كم بالضبط عدد القتلى؟", "number"),
    ("كم تقريبا يبلغ سعر التذكرة؟", "money"), ("كم تقريبا دام الاجتماع؟", "lasting"),
    # nor does a verb of becoming or a future particle («ولّى», «صار», «رح» once «سوف»)
    ("قداش ولّى سوم الخبزة؟", "money"), ("كم صار سعر الدولار؟", "money"), ("قديش رح تكلّف الطريق؟", "money"),
    ("كم أصبحت نسبة النجاح؟", "percent"), ("كم سوف يستغرق الإصلاح؟", "lasting"),
    # «كم» last, after what it asks about: «سعر الكيلو قديش؟» asks «كم سعر…؟»
    ("الصفقة قيمتها كام؟", "money"), ("سعر الكيلو قديش؟", "money"), ("اليورو بكام؟", "money"),
    ("نسبة النجاح قداش؟", "percent"), ("الوفد فيه كام واحد؟", "count"),
    # «X بكام؟» asks what X goes for, whatever X is; by how much, once something rose or fell
    ("تذكرة القطار من تونس لسوسة بكام؟", "money"), ("الأسعار زادت بكام؟", "count"),
    ("البنزين حيرتفع بكام؟", "count"),
    # a name asked with «وش/شو/شنو اسم» («ما اسم»), or last («السفير الجديد اسمه إيه؟»); years someone has
    ("وش اسم القابلة اللي شطبت العبارة؟", "person"), ("شو اسم مرتو؟", "person"),
    ("هو السفير النرويجي الجديد في تونس اسمه إيه؟", "person"), ("المدرب اسمه ايه؟", "person"),
    ("بن عثمان عنده كام سنة؟", "age"), ("عندها قديش سنة؟", "age"), ("شو صار بالاجتماع؟", "other"),
])
def test_dialect_answer_type(question, kind):
    assert analyse(standard_arabic(question)).kind == kind


@pytest.mark.parametrize(
    ("passage", "kind", "phrase"),
    [
        ("تم في سنة 2010 إطلاق سراح التونسي هادي همامي (48 سنة) ليرجع", "age", "48 سنة"),
        ("احتفل كين هاريس، 102 عاما، مع زوجته", "age", "102 عاما"),  # in apposition, between commas
        ('وقالت بت هاريس، 75 عاما: "إنهما يمسكان يدي"', "age", "75 عاما"),  # or up to a colon
        ("و كان العربي , 29 عاما , قد غادر نادي", "age", "29 عاما"),
        # after «البالغة», «وعمره», «بعمر»: feminine, with a clitic, with a preposition
        ("بدأت المصرية إيمان أحمد البالغة 36 سنة بالتعافي", "age", "36 سنة"), ("وعمره 54 سنة", "age", "54 سنة"),
        ("أصيبت الطفلة بعمر 8 سنوات", "age", "8 سنوات"),
        ("قدرت استثماراته بأربعة ملايين دينار وفق ما أكده", "money", "أربعة ملايين دينار"),
        ("تنطلق الحملة يوم 25 نوفمبر 2017 على الساعة الصفر", "date", "25 نوفمبر 2017"),
        ("في برلين التي وقعت يوم 19 من الشهر الجاري، ألقت", "date", "19 من الشهر الجاري"),  # a day of this month
        ("تنطلق الحملة يوم 25 نوفمبر 2017 على الساعة الصفر", "clock", "الساعة الصفر"),
        ("مدة الرحلة في حدود الساعتين من الزمن", "duration", "الساعتين"),
        ("ارتفعت بنسبة 20 في المائة", "percent", "20 في المائة"),
        ("يضم المستشفى 120 سريراً", "count", "120"),
        ("وصل الوفد الأحد إلى العاصمة", "date", "الأحد"),
        ("ويؤدي زيارة بدعوة من الرئيس سيرجيو ماتارالا", "person", "سيرجيو ماتارالا"),
        ('بما يتماشى مع رؤية الرئيس ترامب"، حسب البيان', "person", "ترامب"),  # a name stops at punctuation
        ("قال الوزير أحمد في المؤتمر", "person", "أحمد"),  # and at a function word
        ("ترفيع بمعدل 5 بالمائة في الأسعار", "percent", "5 بالمائة"),  # per hundred, not a hundred
        ("حيث يقدر أن 40 أو 60% فقط من الذكاء وراثي", "percent", "40 أو 60%"),  # the sign after the last number
        ("ارتفعت بنسبة 5%", "percent", "5%"),
        ("ويعود ذلك إلى التراجع المتواصل في استخراج النفط", "reason", "ويعود ذلك إلى التراجع المتواصل في"),
        ("قضى الأشهر الستة الأخيرة في المستشفى", "duration", "الأشهر الستة"),  # the unit before the number
        ("وسيشمل العقد 25 ألف من طالبي الشغل", "count", "25 ألف"),  # but digits there start a count: the contract
        ("تتواصل الزيارة على مدى يومين (8 و9 فيفري)", "duration", "يومين"),
        # a unit in the accusative after 11–99, and the nominative dual: every unit, not only «يوما/عاما» (not
        # «عقدا», a contract more often than a decade: «أن عقدا واحدا تم تجديده»)
        ("ويمكن أن يطرح العلاج في الأسواق بعد ذلك بعام أو 18 شهرا", "duration", "18 شهرا"),
        ("وبقي المدرب في منصبه 15 أسبوعا", "duration", "15 أسبوعا"), ("ودام الحكم 12 قرنا", "duration", "12 قرنا"),
        ("واستغرقت الرحلة يومان", "duration", "يومان"), ("وبقيت سنتان على الموعد", "duration", "سنتان"),
        ("The trial will take 18 months", "duration", "18 months"),
        # one whole unit of time
        ("التدقيق استغرق انجازه سنة كاملة.", "duration", "سنة كاملة"), ("بقي شهرا كاملا", "duration", "شهرا كاملا"),
        ("على مدى العام بأكمله", "duration", "العام بأكمله"),
        ("تتواصل الزيارة على مدى يومين (8 و9 فيفري)", "date", "8 و9 فيفري"),
        ("عرضت لشرائه 1.6 بليون دولار", "money", "1.6 بليون دولار"),
        # million / thousand dinars abbreviated, as Tunisian news writes them
        ("والتي ناهزت 175 م د، مع نهاية", "money", "175 م د"),
        ("بكلفة 30 أ.د فقط", "money", "30 أ.د"),
        ("تزن الشحنة 500 غرام", "measure", "500 غرام"),
        # a title's complement (definite words, an organisation and its own complement) comes before the name
        ("حسب ما أفاد به المدير الجهوي للتجارة ياسر بن خليفة.", "person", "ياسر بن خليفة"),
        ("ورئيس مجلس نواب الشعب محمد الناصر", "person", "محمد الناصر"),
        ("وقال رئيس الحكومة الحبيب الصيد إن", "person", "الحبيب الصيد"),
        # or the name stands between commas after it (apposition)
        ("وقالت نائبة السكرتيرة الصحفي للبيت الأبيض، آنا كيلي، لشبكة CNN", "person", "آنا كيلي"),
        # «عام» (general) and the continent a post covers are part of its title
        ("عبر مدير عام أوروبا بوزارة الشؤون الخارجية، محمد المزغني، عن", "person", "محمد المزغني"),
        ("وقال مدير عام الديوانة يوسف الزواغي إن", "person", "يوسف الزواغي"),
        ("وقال رئيس الحكومة، يوسف الشاهد، إن", "person", "يوسف الشاهد"),
        ("وفازت المخرجة مي المصري بالجائزة", "person", "مي المصري"),  # a title in the feminine
        ('تطرق لها برنامج "عندي ما نقلك" حيث', "quoted", "عندي ما نقلك"),
        ("وتمت إعادة تسميتها إلى Free Basics أن تسمح", "quoted", "Free Basics"),
        ("طالب في مطلع الشهر الجاري بإخضاعه", "relative_date", "مطلع الشهر"),  # a part of a period
        ("على عقد اجتماع الأسبوع المقبل في بودابست", "relative_date", "الأسبوع المقبل"),  # a period relative to now
        ("وارتفعت الصادرات في العام الماضي", "relative_date", "العام الماضي"),
        ("أن يتحدث روبيو ولافروف مرة أخرى هذا الأسبوع.", "current_period", "هذا الأسبوع"),  # the report's own period
        ("وتراجع الإنتاج خلال السنة الحالية", "current_period", "السنة الحالية"),
        ("و دامت قرابة الساعة وسط حضور أمني", "duration", "قرابة الساعة"),  # one unit, about or for
        ("وسُجن لمدة أسبوع", "duration", "لمدة أسبوع"),
        ("بدأ استغلاله لأغراض سياحية منذ سنة 1983", "year", "1983"),
        ("في دراسة نشرت الاثنين 27 فيفري 2017", "year", "2017"),  # a year inside a date stands alone too
        ("أربعة من كل خمسة أشخاص رأوه أبيض", "percent", "أربعة من كل خمسة"),  # a share
        ("3 من كل 10 شبان", "percent", "3 من كل 10"),
        # a speaker named between the verb of saying and the title
        ("وقال لسعد الجموسي مدير المهرجان في مؤتمر صحفي", "person", "لسعد الجموسي"),
        ("وأكد عبد الكريم الهاروني رئيس مجلس شورى الحركة أن", "person", "عبد الكريم الهاروني"),
        ("قالت الجموسي مديرة المهرجان إن", "person", "الجموسي"),
        ("اعتبر سفيان السليطي، الناطق الرسمي باسم المحكمة، أن", "person", "سفيان السليطي"),  # a comma before the title
        # …or a post held («زعيم حزب…», «محامية الزوجين»), a hyphen inside the name, after «طلب» too
        ("وقال بيرند ريكسنجه زعيم حزب اليسار المعارض إن الخطة", "person", "بيرند ريكسنجه"),
        ("وأوضحت لورا هوبي-هامشر، محامية الزوجين، أن القرار", "person", "لورا هوبي-هامشر"),
        ("وطلب تيباس رئيس رابطة الليجا بفتح تحقيق", "person", "تيباس"),
        # a title's long complement: «باسم» anywhere in it, a country with a preposition
        ("وقال المتحدث الرسمي باسم وزارة الداخلية ياسر مصباح إن", "person", "ياسر مصباح"),
        ("وأكد الناطق الرسمي باسم الحكومة إياد الدهماني أن", "person", "إياد الدهماني"),
        ("أكد الناطق الرسمي باسم المحكمة الابتدائية بتونس سفيان السليطي أن", "person", "سفيان السليطي"),
        # a compound given name opening with «عبد»: one more word
        ("وقال سفير تونس بفرنسا عبد العزيز الرصاع إن", "person", "عبد العزيز الرصاع"),
        # an organisation's name ends at a word that says when
        ("إنشاء اللجنة صلب وزارة الصحة سنة 2015، بحسب", "organisation", "وزارة الصحة"),
        ("أعلنت وزارة الصحة يوم الخميس أن", "organisation", "وزارة الصحة"),
        # «علي» as written is the name, though it folds to the preposition «على»: first, last or alone
        ("أكد الصحفي علي بن مزين مدير تحرير موقع", "person", "علي بن مزين"),
        ("وقال محمد بن علي، رئيس الجمعية، إن", "person", "محمد بن علي"),
        ("وقال رئيس الحكومة، علي، إن", "person", "علي"),
        # a group's name after a title is the title's complement, not the name: a mission, a
        # parliamentary bloc, a committee, a union
        ("ذلك ما أكده رئيس بعثة صندوق النقد الدولي الى تونس، بيورن روذر، في بيان", "person", "بيورن روذر"),
        ("مقترح تقدم به رئيس كتلة نداء تونس محمد الفاضل بن عمران يتمثل في", "person", "محمد الفاضل بن عمران"),
        ("وقال الكاتب العام لنقابة التعليم الأساسي حسين بوجرة إن", "person", "حسين بوجرة"),
        # a body of a country («لاتصالات تونس», «وزراء مالطا») is the complement too
        ("كل من الرئيس المدير العام لاتصالات تونس، نزار بوقيلة.", "person", "نزار بوقيلة"),
        ("وقال رئيس وزراء مالطا جوزيف موسكات إن", "person", "جوزيف موسكات"),
        ("وقال رئيس حكومة تونس يوسف الشاهد إن", "person", "يوسف الشاهد"),  # a first name, not a verb: a surname follows
        # a name after «يدعى», «المدعو» ("called")
        ("قالت الشرطة إن رجلا يدعى سلمان عبيدي (22 عاما) هو منفذ التفجير", "person", "سلمان عبيدي"),
        ("وأوقفت الوحدات الأمنية المدعو محمد بن علي بصفاقس", "person", "محمد بن علي"),
        # a definite head («الجامعة») takes no complement: the name follows it
        ("وقال رئيس الجامعة محمد علي إن", "person", "محمد علي"),
        ("في رسالة إلى وزير الدولة لشؤون الشباب، الشيخ سلمان صباح، السبت", "person", "سلمان صباح"),
        # «و» written apart from the next word of the complement
        ("كشف وزير البيئة و الشؤون المحلية رياض المؤخر عن موعد", "person", "رياض المؤخر"),
        # a run of numbers with its link word, inside one clause
        ("على أن تفتح قبل 3 أو 4 أيام من رمضان", "elapsed", "3 أو 4 أيام"),
        # one unit of time with no number after «منذ»: the time gone by
        ("الدينار الذي يشهد هبوطا حادا منذ أسبوع.", "elapsed", "أسبوع"),
        ("والمحتجون معتصمون منذ شهر أمام الولاية", "elapsed", "شهر"),
        ("ارتفعت بين 10 و20% خلال", "percent", "10 و20%"),
        # a town in a title's complement says where, as a country does; the name follows it
        ("أكد الوكيل العام لمحكمة الاستئناف بصفاقس، محمد عبيد، أن", "person", "محمد عبيد"),
        ("وقال المدير الجهوي للصحة بقفصة بشير المكاري إن", "person", "بشير المكاري"),
        # a quoted name right after an organisation word is the organisation's name
        ('وصف رئيس حزب "تونس البدائل"، مهدي جمعة، إمكانيات', "organisation", "تونس البدائل"),
        ('المقرات التابعة لجمعية "الدين الحق" السلفية', "organisation", "الدين الحق"),
        ("نقلا عن صحيفة «فيلت ام زونتاج» الألمانية", "organisation", "فيلت ام زونتاج"),
        # a number word behind a preposition after «دقيقة» (delicate) is a count, without its clitic
        ("إثر الغيابات في مرحلة دقيقة لستة أعضاء من مكتب الرابطة", "count", "ستة"),
        ("وقتل وثلاثة أشخاص آخرين", "count", "ثلاثة"),
        # a town named bare after «إلى», «نحو» or «مقره» («headquartered in»), as after «في»
        ("قال المركز الأوروبي لمراقبة المخدرات ومقره لشبونة إن", "place", "لشبونة"),
        ("انتقل عبر سيارة نحو حلب عبر معبر", "place", "حلب"),
        # a person set off by commas after an organisation's quoted name
        ('وأفادت مديرة الاتصال بشركة "ستاغ"، آمال الثابتي، في تصريح', "person", "آمال الثابتي"),
        # a lawyer and a businessman are titled as officials are
        ("أفاد المحامي الناشط غازي مرابط اليوم السبت", "person", "غازي مرابط"),
        ("بعد إيقاف رجل الأعمال شفيق جراية.", "person", "شفيق جراية"),
        # a name that opens with «ل» after a title: not all its words are ordinary words («زهر» is rare)
        ("وقال الوزير لزهر القروي إن", "person", "لزهر القروي"),
        ("وقالت المديرة لبنى الجريبي إن", "person", "لبنى الجريبي"),
        ("وقال المدير الجهوي لطفي بن ساسي إن", "person", "لطفي بن ساسي"),
        # a given name that is a weekday without «ال» («خميس», «جمعة»), between commas after a title
        ("أشرف وزير الشؤون الخارجية، خميس الجهيناوي، مساء أمس السبت", "person", "خميس الجهيناوي"),
        ("وقال رئيس الحكومة، مهدي جمعة، إن", "person", "مهدي جمعة"),
        ("وصرح مساعد وكيل الجمهورية، معز بن سالم، لجريدة الصباح", "person", "معز بن سالم"),  # «وكيل»: a title
        # an official «المكلف ب…»: what and where they are charged with, then the name
        ("وأوضح المكلف بمهمة بوزارة التجارة، لطفي خذير، أن الأسعار", "person", "لطفي خذير"),
        ("وأكد المكلف بالإعلام بإدارة الحرس الوطني بالعوينة خليفة الشيباني في تصريح", "person", "خليفة الشيباني"),
        ("وقالت المكلفة بالتكوين المهني والمبادرة الخاصة سعيدة العلوي إن", "person", "سعيدة العلوي"),
        ("أفاد كاتب الدولة المكلف بالهجرة والادماج الاجتماعي بلقاسم الصابري خلال زيارة", "person", "بلقاسم الصابري"),
        # diacritics inside words, as agencies write them: the words stay whole
        ("وقال رئيس الحكومة يوسف الشّاهد إن", "person", "يوسف الشّاهد"),
        ("إضراب عام وذلك لمدّة ثلاثة أيّام بداية من يوم الاثنين", "duration", "ثلاثة أيّام"),
        ("أعلن أعضاء المجلس الوطني لجمعيّة القضاة التّونسيين", "nationality", "التّونسيين"),
        # a count in thousands in the accusative, and the year after it is no unit of it
        ("تقلّص عدد المهاجرين من قرابة 22 ألفًا سنة 2011 إلى حوالي ألف", "count", "قرابة 22 ألفًا"),
        ("تقلّص عدد المهاجرين من قرابة 22 ألفًا سنة 2011 إلى حوالي ألف", "year", "2011"),
        # a third word of a name: a family name of the «ال…ي» form that is no nationality or common adjective
        ("تطرقا إلى مبادرة رئيس الجمهورية الباجي قايد السبسي لحل الأزمة الليبية", "person", "الباجي قايد السبسي"),
        ("وقال الأمين العام لاتحاد الشغل نور الدين الطبوبي إن", "person", "نور الدين الطبوبي"),
        ("وقال وزير الصحة سعيد العايدي التونسي إن", "person", "سعيد العايدي"),
        ("وأكدت مديرة الاتصال سعاد الكناني الإعلامي إن", "person", "سعاد الكناني"),
        # where the office is, after «في/إلى» and a place or an office, is the title's complement too;
        # a representative («ممثل») is titled; «الله» is a name's word after «عبد»
        ("أشار ممثل البنك العالمي في تونس عبد الله ساي مساء أمس الجمعة خلال ندوة", "person", "عبد الله ساي"),
        ("وقالت مديرة البحوث لشمال افريقيا في المكتب الإقليمي للمنظمة هبة مرايف، إن", "person", "هبة مرايف"),
        ("وأضاف ممثل الشركة حسني بوسنينة أن المشروع", "person", "حسني بوسنينة"),
        ("وقال وزير الخارجية عبد الله الثني إن", "person", "عبد الله الثني"),
        # a name set off by a comma after a title ends at «أن/بأن», where what was said begins
        ("وصرّح رئيس الجامعة الوطنية للنسيج، نور الدين الشابي بأن المفاوضات ستستأنف", "person", "نور الدين الشابي"),
        ("أفادت رئيسة الغرفة، سلوى الهمامي أن الحوار مستمر", "person", "سلوى الهمامي"),
        # a kin's name set off by commas after the relative's name («والدة» also begins with «و»)
        ("وقالت شقيقة المتهم، ليلى الماجري، إن العائلة", "person", "ليلى الماجري"),
        ("وأكدت والدة الطالب حمزة السعيدي، نجاة الطرابلسي، أن ابنها", "person", "نجاة الطرابلسي"),
        # a decimal point said in words («فاصل»), as Tunisian reports write it
        ("يمثلن 22 فاصل 5 بالمائة من العاطلين", "percent", "22 فاصل 5 بالمائة"),
        ("وزن 0 فاصل 7 غرام", "measure", "0 فاصل 7 غرام"),
        # a unit after punctuation is not the number's: the year stays a year
        ("تراجع العجز خلال السداسي الاول من سنة 2015، بنسبة 8.9 بالمائة", "percent", "8.9 بالمائة"),
        ("تراجع العجز خلال السداسي الاول من سنة 2015، بنسبة 8.9 بالمائة", "year", "2015"),
        # who is appointed or elected, named before the post, as a speaker is before his title; the next of
        # a list after a lone «و»; the post in the accusative or behind «ك» ends the name
        ("وتم تسمية سامي الورفلي، القاضي من الرتبة الثالثة، رئيسا أول لمحكمة الاستئناف", "person", "سامي الورفلي"),
        ("تسمية سامي الورفلي، القاضي من الرتبة الثالثة، رئيسا للمحكمة و هادي القلال، القاضي بالمحكمة", "person",
         "هادي القلال"),
        ("وانبثق عنها انتخاب منير الحداد (قاض، رئيس دائرة بالمحكمة الإدارية)، رئيسا للمجلس", "person", "منير الحداد"),
        ("قررت الوزارة تعيين رضا القلال مديرا للمهرجان", "person", "رضا القلال"),
        ("كما تم تعيين هشام الدريدي كمدرب مساعد للفريق", "person", "هشام الدريدي"),
        # a penalty whose time comes first
        ("قد يواجهان أحكاما قد تصل مدتها إلى 3 سنوات سجن بموجب الفصل 91", "penalty", "3 سنوات سجن"),
        ("قضت المحكمة بعامين سجنا نافذا في حقه", "penalty", "بعامين سجنا نافذا"),
        ("وحكم عليه ب6 أشهر حبسا مع تأجيل التنفيذ", "penalty", "ب6 أشهر حبسا مع تأجيل التنفيذ"),
        # a year, then a figure behind a preposition or after «و», are two phrases, not one run of numbers
        ("وقدرت النسبة في 2015 ب4،1 بالمائة", "percent", "4،1 بالمائة"),
        ("بلغت 7ر5 بالمائة في سنة 2014 و5 بالمائة في السنة القادمة", "percent", "5 بالمائة"),
        ("دفع كل مهاجر بين 2000 و3500 دينار", "money", "2000 و3500 دينار"),  # a range is one
        ("ما بين سن الـ50 والـ60 عاما", "age", "الـ50 والـ60 عاما"),
        # after a verb of judging, a name set off by a comma before its title; a governor's unknown town
        ("من جهتها انتقدت سلمى الورغي، مديرة مكتب المنظمة في تونس، القرار", "person", "سلمى الورغي"),
        ("وفق ما أكده والي قبلي، سامي القاسمي.", "person", "سامي القاسمي"),
        # a name set off after a title may end where the time of what he did begins
        ("أكد وزير الصحة، منير القاسمي اليوم الاثنين دعمه للمستشفى", "person", "منير القاسمي"),
        ("واكب رئيس الحكومة، كمال الدريدي صباح اليوم انطلاق الأشغال", "person", "كمال الدريدي"),
        # «ذو/ذات … سنوات»: aged so many years, not for so many years
        ("أصيب الطفل محمد ذو العشر سنوات بكسر في ساقه", "age", "العشر سنوات"),
        ("قتل طفل ابنة عمه ذات ال3 سنوات على وجه الخطأ", "age", "ال3 سنوات"),
        ("وسقط ليوناردو سانتوس ذو 25 سنة في البحر", "age", "25 سنة"),
        # within a unit of time is a duration; within a week named stays the week
        ("طالبوا بإحالة القانون على مجلس نواب الشعب في غضون شهر", "duration", "غضون شهر"),
        ("سيقع صرفها في غضون الأسبوع القادم", "relative_date", "الأسبوع القادم"),
        ("ضرب زلزال بقوة 5.4 درجات شرقي اليابان", "measure", "5.4 درجات"),
        ("وتصل الحرارة إلى 40 درجة مئوية بالجنوب", "measure", "40 درجة مئوية"),
        ("تكون درجة حرارة مدخل التوربين عادةً 565 °C (حد الزحف)", "measure", "565 °C"),
        # a title's complement in ordinary words, then the name set off by a comma
        ("قالت وزيرة شؤون المرأة والأسرة، سلمى الحداد، إن البرنامج انطلق", "person", "سلمى الحداد"),
        ("وقال رئيس الهيئة الوطنية لحماية المعطيات الشخصية، كمال العياري، إن", "person", "كمال العياري"),
        # a nationality used as a noun: behind «و/ل», or with a title after the name
        ("واجتمع وزراء الخارجية التونسي خميس الجهيناوي والمصري سامح شكري", "person", "سامح شكري"),
        ("وتعاقد النادي مع المدرب خلفا للإيطالي كلاوديو رانييري", "person", "كلاوديو رانييري"),
        ("وسيتولى تدريب الفريق خلفا للمغربي عبد الحق بن شيخة", "person", "عبد الحق بن شيخة"),  # «لل» + «م…»
        ("وأحالت الهيئة كلا من المغربي كريم الفاسي الكاتب العام للجامعة على القضاء", "person", "كريم الفاسي"),
    ],
)
def test_typed_phrases_of_a_passage(passage, kind, phrase):
    assert phrase in [s.text for s in typed_spans(passage) if s.kind == kind]


@pytest.mark.parametrize("passage", [
    "بمناسبة زيارة وزيرة الثقافة والاتصال الفرنسية السابقة إلى تونس",
    "وأوضح باحث في أكاديمية العلوم الروسية ورئيس المختبر في معهد موسكو",
    "يؤدي الرئيس المنتخب اليمين أمام رئيس المحكمة الدستورية العليا.",
    # between commas after a title, but not a name: a phrase, a day, a time word
    "قال وزير الخارجية، في تصريح صحفي، إن",
    "وقال المدير الجهوي، أمس، إن",
    "وأكد الوزير، الاثنين، أن",
    "وأكد الوزير، والخميس، أن",  # a weekday with «ال» behind a clitic
    "وقال الرئيس، صباح اليوم، إن",
    # a kin noun and a relative with no name of its own set off after them
    "وقال والد الطفل إن",
    "وقالت زوجة الضحية، في تصريح، إن",
    # a verb of saying and a title with no name between them, or with a time word or a body
    "وقال أمس رئيس الحكومة إن",
    "وأعلنت وزارة الصحة مدير المستشفى",
    "وقال مدير المهرجان أمس إن",
    "وقال بالخميس مدير المهرجان إن",  # a weekday behind «ب», as in «وأكد الوزير، بالخميس،»
    "وقال، لسعد الجموسي مدير المهرجان",
    # after «في» and a place, one word goes on with the sentence; a day's dual and «أول» are no names
    "عثرت الشرطة على جثة أول امرأة تعمل قاضية في أمريكا غارقة في نهر",
    "وأدى وزير خارجية فرنسا في تونس يومي 4 و5 جوان زيارة",
    "أكد الناطق الرسمي باسم اقليم الحرس الوطني بقابس الملازم أول، في تصريح",
    "وقال وزير الداخلية في الجلسة إن",
    # a headline's verb right after a title and its country («وزير داخلية ألمانيا يبدأ…»)
    "وزير داخلية ألمانيا يبدأ جولة مغاربية",
    # a nationality after a noun, or after another nationality, is its adjective
    "الجيش اللبناني يعتقل زوجة زعيم التنظيم",
    "وأكد عمق العلاقات بين الشعبين التونسي والعراقي وتعدد مجالات التعاون",
    # a noun for anyone is no post, nor part of a name before one
    "وأضاف نفس المصدر، أن أحدهما تونسي",
    "وقال مصدر أمني مسؤول إن",
    "أكد مساعد وكيل الجمهورية بالمحكمة الابتدائية أن",
    "وقال الباجي قائد السبسي إن",
    # one word before a comma and a title is as often a noun; a body's name with punctuation after it
    "قال مصدر، مدير الشركة، إن",
    "وأوضح الخبير، رئيس الجمعية، أن",
    "وقال محمد، رئيس الجمعية، إن الوضع صعب.",
    # the preposition «على» after a title or a verb of saying is no name
    "وشدد الوزير على ضرورة الإسراع",
    "وأكد المدير على أن الوضع صعب",
    # a group named after a title, with no person after it
    "ذلك ما أكده رئيس بعثة صندوق النقد الدولي في بيان",
    # «إلى» folds to «الي», which is no definite word of a title's complement
    "نقابة الصحفيين تدعو وزير الداخلية إلى فتح تحقيق عاجل",
    "وقال الوزير إلى جانب ذلك إن",
    # «سيدة» without the article is a lady, not the honorific «السيدة»
    "إلى أن تفطنت سيّدة مارة بوجود الطفل في حالة مريبة",
    # «المكلف/مكلفة» describing a body before it, or the sentence going on after the charge
    "قررت اللجنة المكلفة بإعداد الدراسة تأجيل الموعد.",
    "إفراز هيئة دستورية ثابتة ومحايدة مكلفة بتعديل المشهد الإعلامي السمعي البصري وصيانة حرية التعبير",
    "تقدم المكلف العام بنزاعات الدولة بمطلب لتعليق نشاط الحزب",
    # a relative pronoun after a title's complement: a clause goes on, not a name
    "وعبر رئيس بعثة صندوق النقد الدولي التي تؤدي حاليا زيارة عمل إلى تونس عن ارتياحه",
    "وقال رئيس الحكومة الذي زار صفاقس أمس إن",
    "وقال رئيس لجنة المالية إن الميزانية",
    "وأعلن أعضاء وفد الاتحاد الأوروبي أن",
    # ordinary words behind «و» after a title: the sentence going on, not a name
    "وحضر الاجتماع رئيس الغرفة وباقي الحضور من المصنعين",
    "وقال المدير العام وكذلك الكاتب العام إن",
    # a delegation is named with its side, no name after it
    "تقرر إعفاء معتمد قابس المدينة من مهامه",
    "وتقرر إعفاء معتمد دوز الشمالية من مهامه",
    # a title's complement that ends in a town, with no name after it; a man, not a businessman
    "وقال المدير الجهوي للصحة بقفصة إن",
    "وقال رجل في الخمسين إن",
    "قال مدير شركة \"ستاغ\" في تصريح",
    # one word right after a title without «ال» describes it («وزير سابق», «طبيب شرعي»)
    "قال وزير سابق إن الوضع صعب",
    "وقعت معاينة آثار التعذيب من قبل محامييه وطبيب شرعي",
    "محامي أحد الموقوفين المشتبه فيه",
    "وتدعى المبادرة في تونس بهذا الاسم",
    # ordinary words behind «ل/ب» after a title: the complement or the sentence going on, not a name
    "اكد الناطق الرسمي للرابطة الوطنية لكرة القدم المحترفة أن",
    "والمطالبة بإقالة الوالي لصعوبة التواصل معه",
    "عقد جلسة عمل مع رئيس مجلس نواب الشعب لتوضيح جملة من النقاط",
    "وقال مدير المرصد الأوروبي لتعليم اللغة العربية في باريس",
    "استدعت الخارجية السفير البريطاني لتقديم توضيحات حول القرار",  # a plural the lists lack
    # «ل/ب» before a derived verbal noun or a noun with a pronoun on it, whatever the word lists say
    "وقال المدير المركزي بالشركة الوطنية لاستغلال وتوزيع المياه إن",
    "وقد أوقفهم وزير الداخلية لاقتناعه بتورطهم",
    "طالب النواب رئيس الحكومة بتمكينه من الملف",
    # one word after a word of appointing is as often who appoints, or a body; «على عين المكان» is on the spot
    "كما كلف الشاهد وزير الداخلية بمتابعة الملف",
    "وصياغة دستور توافقي وانتخاب البرلمان والرئيس",
    "بعد أن حل أعوان مختصون على عين المكان برفقة والي الجهة",
    # after a verb of judging, its object as often as its subject: no comma, no name
    "وانتقد أداء وزير الشؤون الخارجية",
    "انتقد بشدة الأمين العام للاتحاد",
    # a body's department after a title names nobody
    "وقال رئيس دائرة الشؤون الاجتماعية إن",
    # an indefinite title in construct with an ordinary noun and its complement («مندوب حماية الطفولة»),
    # then a verb, or a part of the day before a day: no name
    "وأفادت الوزارة بأن مندوب حماية الطفولة أكد الخبر",
    "وقال مدير تحرير الصحيفة إن العدد سيصدر",
    "رئيس خلية المتابعة النفسية يروي ما حدث",
    "وعلى إثر تحول المندوب الجهوي للتربية صباح اليوم الى هذه المدرسة",
    "عقدت جلسة مع المندوب الجهوي للتربية عشية السبت الماضي",
])
def test_a_title_whose_complement_names_nobody_gives_no_person(passage):
    assert [s.text for s in typed_spans(passage) if s.kind == "person"] == []


@pytest.mark.parametrize(("passage", "name"), [
    # a delegation's town and side after «معتمد/والي», no comma before the name
    ("من جهته، دعا معتمد قبلي الجنوبية منير محاجبة العملة المحتجين", "منير محاجبة"),
    # «و» and a name is still a name
    ("وقال رئيس الجمعية ومحمد علي الكاتب العام إن", "ومحمد علي"),
    ("وأفاد المدير الجهوي وعبد اللطيف الحناشي أن", "وعبد اللطيف الحناشي"),
    # a given name with «ال» (or «السيد» and a name) after words that read as a name: those were the
    # organisation's name, the title's complement
    ("وفي رده، اكد رئيس جمعية حماية واحات جمنة الطاهر الطاهري ان هذا المطلب", "الطاهر الطاهري"),
    ("- إحالة ملف رئيس قوافل قفصة السيد رضا المحمدي على لجنة التاديب", "رضا المحمدي"),
    # a title in construct with an ordinary noun: the name after the complement
    ("قال مدير تحرير الصحيفة محمد الهادي إن العدد سيصدر", "محمد الهادي"),
    ("وأجرى رئيس حكومة الوحدة الوطنية يوسف الشاهد زيارة", "يوسف الشاهد"),
    ("وقال المندوب الجهوي للسياحة بسوسة فؤاد الواد إن الموسم واعد", "فؤاد الواد"),
    # a quoted complement right after the title, then the name
    ('ويشارك فيه أيضا مغني "الراب" أحمد العبيدي "كافون".', "أحمد العبيدي"),
    ('وقال المدرب "الوطني" نبيل معلول إن', "نبيل معلول"),
    # the head of a union, or the rank of captain
    ("أكد نقيب الفنانين الموسيقيين، مقداد السهيلي أن التمثال عالق", "مقداد السهيلي"),
    ("واستقبل الوزير نقيب الصحفيين التونسيين ناجي البغوري", "ناجي البغوري"),
    ("وقال النقيب محمد العياري إن الوحدات تدخلت", "محمد العياري"),
    # an activist, an expert or an analyst, with the field they are in
    ("وأكد الناشط الحقوقي منير الساحلي أن الوقفة سلمية", "منير الساحلي"),
    ("وقال الخبير الاقتصادي كمال الدريدي إن التضخم سيتراجع", "كمال الدريدي"),
    ("واعتبرت المحللة السياسية هالة الصيد أن الحكومة", "هالة الصيد"),
])
def test_a_title_names_the_person_after_its_complement(passage, name):
    assert name in [s.text for s in typed_spans(passage) if s.kind == "person"]


@pytest.mark.parametrize(("passage", "kind", "phrase"), [
    # «حوالي/نحو الساعة» and an hour is about when, not how long
    ("وأشارت الوكالة إلى أن دوي انفجار سمع حوالي الساعة التاسعة مساء قرب مركز الشرطة", "clock", "الساعة التاسعة"),
    ("وقع الحادث نحو الساعة العاشرة صباحا", "clock", "الساعة العاشرة"),
    ("وقد تطلب إخماد الحريق نحو الساعة والنصف", "duration", "نحو الساعة"),
    ("انتظر قرابة الساعة قبل أن يغادر", "duration", "قرابة الساعة"),
])
def test_about_an_hour_or_about_a_time(passage, kind, phrase):
    assert (kind, phrase) in [(s.kind, s.text) for s in typed_spans(passage)]


def test_a_department_after_a_title_is_part_of_the_post():
    """«رئيس دائرة الغابات…» heads a department («دائرة» heads a body's name), whose head is named next."""
    passage = "وأفاد رئيس دائرة الغابات بالمندوبية الجهوية، عزيز الساسي، أن"
    assert [s.text for s in typed_spans(passage) if s.kind == "person"] == ["عزيز الساسي"]


@pytest.mark.parametrize("passage", [
    "قتل نحو، 30 شخصا",  # not across punctuation
    "وصدر نحو 2017",  # a year is no quantity
])
def test_a_qualifier_apart_from_its_number_is_not_marked_with_it(passage):
    assert typed_spans(passage) and not [s for s in typed_spans(passage) if s.text.startswith("نحو")]


@pytest.mark.parametrize(("passage", "kinds", "phrases"), [
    # a run of numbers does not cross punctuation, nor end on its link word
    ('تسميها كوريا الشمالية 3 "بوكجوكسونغ 1" (أو "بولاريس 1").', ("count",), ["3"]),
    ("سجلت تحسنا بنسبة 18% ( 7 د/كغ مقابل 6 د/كغ", ("percent", "count"), ["18%", "7", "6"]),
    ("بلغ 40، و50 في المائة", ("count", "percent"), ["40", "50 في المائة"]),
    # a number after a word and a hyphen ends a code or a model's name: no count, year or amount
    ("ستة صواريخ تسميها الولايات المتحدة KN-11 وعرضت صاروخها KN-15", ("count", "year", "date"), ["ستة"]),
    ("اشترت طائرات F-16 وسط جائحة كوفيد-19 وصواريخ إس-400", ("count", "year", "date", "money"), []),
    ("خلال موسم 2015-2016", ("year",), ["2015", "2016"]),
    # a day of the month said «X من <month>» is a date, not a count
    ("تراجع العجز في الثلاثين من جوان الماضي، ب135 مليون دينار", ("date", "count", "money"),
     ["الثلاثين من جوان", "135 مليون دينار"]),
    ("صدر يوم 5 من مارس 2017 قرار", ("date", "count"), ["5 من مارس 2017"]),
    # a day said by its ordinal, or «غرة» (the first), is part of the date; an ordinal after a noun is not
    ("ففي الرابع والعشرين من ديسمبر الماضي، خرج مركب", ("date", "count"), ["الرابع والعشرين من ديسمبر"]),
    ("صدر يوم الحادي عشر من مارس 2016 قرار", ("date", "count"), ["الحادي عشر من مارس 2016"]),
    ("في الخامس من جوان وفي اليوم الأول من أفريل", ("date",), ["الخامس من جوان", "الأول من أفريل"]),
    ("الترفيع في سعر الحليب ابتداء من غرة أفريل", ("date",), ["غرة أفريل"]),
    ("زيارات محتملة في النصف الثاني من ماي", ("date",), ["ماي"]),
    # two thirds is a share, as a quarter and a third are
    ("طالب الولاة بتخصيص ثلثي وقتهم للعمل الميداني بأغلبية ثلثي الأعضاء", ("count",), ["ثلثي", "ثلثي"]),
    # a conjunction or a preposition written on a number is no part of its phrase
    ("ارتفع بنسبة 5 بالمائة وب20 بالمائة و3500 دينار", ("percent", "money"), ["5 بالمائة", "20 بالمائة", "3500 دينار"]),
    ("ارتفع بـ20 بالمائة", ("percent",), ["20 بالمائة"]),  # a tatweel after the clitic
    # an Arabic comma with no space between digits is a decimal point
    ("بلغت نسبة النمو 1،1 بالمائة والعجز 12620،5 مليون دينار", ("percent", "money"),
     ["1،1 بالمائة", "12620،5 مليون دينار"]),
    # so is «ر» between digits, the fraction first, as the Tunisian news agency writes it (2.9 billion)
    ("بقيمة 314 مليون دولار من قرض قيمته 9ر2 مليار دولار ونما بـ3ر1 بالمائة", ("percent", "money", "count"),
     ["314 مليون دولار", "9ر2 مليار دولار", "3ر1 بالمائة"]),
    # a number last in a short quote, after a word, ends a name; alone in quotes it is a figure
    ('عرضت صاروخ "بوكجوكسونغ 2" وهاتف «آيفون 7» أمام «150» مشاركا', ("count",), ["150"]),
    # «واحدا», one in the accusative, is a count as «واحد» is
    ("بيّن أن عقدا واحدا تم تجديده وأن شخصا واحد أصيب", ("count",), ["واحدا", "واحد"]),
    # a list item's number (opening the text or a sentence, then «.», «-» or «)») counts nothing
    ("5. يرحب بتصحيح موظفيه لأخطائه", ("count",), []),
    ("4- الارتباط بالقطط! وجدت دراسة أن 11 شخصا يحبونها", ("count",), ["11"]),
    ("انتهت القائمة. 3) يحتل المركز الثالث 20 لاعبا", ("count",), ["20"]),
    ("بلغ عددهم 5. وقال الوزير إن 7 منهم أصيبوا", ("count",), ["5", "7"]),
    # the tens or teens of a compound ordinal rank, they count nothing; a number after an ordinal does
    ("المؤتمر الثالث والعشرين للاتحاد واللقب الثاني عشر والدورة الحادية عشرة", ("count",), []),
    ("حل الأول 30 شخصا والثاني 20", ("count",), ["30", "20"]),
    # months after a word of age are an infant's age; a term in months stays a duration
    ("بما في ذلك الأطفال الذين تجاوزوا سن 6 أشهر", ("age",), ["6 أشهر"]),
    ("رضيع يبلغ من العمر 8 أشهر وسجن والده لمدة 6 أشهر", ("age",), ["8 أشهر"]),
    ("رضيعة ذات الـ4 أشهر", ("age",), ["الـ4 أشهر"]),
    ("في سنة 2016 ولمدة 6 أشهر", ("age",), []),
])
def test_numbers_are_typed_within_their_clause_and_not_inside_a_code(passage, kinds, phrases):
    assert [s.text for s in typed_spans(passage) if s.kind in kinds] == phrases


def test_a_passage_without_the_type_asked_for_does_not_match():
    assert not type_match("count", "ستعقد القمة في بودابست")
    assert not type_match("date", "وصف الكرملين المكالمة بأنها بناءة")
    # «أن» and «أحد» are not «الآن» and «الأحد»; «الاثنين» is Monday, not a count.
    assert not type_match("date", "قال أحد المصادر إن المسؤولين شعروا أن الموقف لم يتطور")
    assert not type_match("age", "يضم المستشفى 120 سريراً")
    assert type_match("other", "أي نص")


@pytest.mark.parametrize(("question", "who_is"), [
    ("من هي آنا كيلي؟", True), ("ومن هو سامي الخطيب؟", True), ("شكون هو ميسي؟", True),
    ("من هو عبد الجليل بن سالم؟", True), ("من هو ابن وزير الخارجية؟", False),  # «بن», «عبد» link one name
    ("من هو وزير الخارجية الروسي؟", False), ("من هو الحكم؟", False), ("من افتتح الجسر؟", False),
    # a name whose first word has «ال»: no ordinary word in it, else a noun for whoever it is
    ("من هو البغدادي المحمودي؟", True), ("من هو المدرب الجديد؟", False),
    ("Who is Anna Kelly?", True), ("who was Sergei Lavrov", True),
    ("Who is the coach?", False), ("Who is Rubio's Russian counterpart?", False),
])
def test_who_is_a_named_person_asks_for_a_description(question, who_is):
    from bot.answer_type import asks_who_is

    assert asks_who_is(question) is who_is


@pytest.mark.parametrize("passage", ["لم يتغير شيء منذ سنة 2015.", "وتواصل منذ شهر رمضان الماضي.",
                                     "وبدأ منذ يوم الأحد الماضي."])
def test_since_a_dated_unit_is_no_time_gone_by(passage):
    # «منذ سنة 2015», «منذ شهر رمضان»: since a date, not a year or a month ago
    assert [s.text for s in typed_spans(passage) if s.kind == "elapsed"] == []


def test_time_gone_by_is_not_how_long_something_lasted():
    """«مضى أكثر من شهرين منذ القمة» says when the summit was, not how long it lasted."""
    elapsed = "ومضى أكثر من شهرين منذ أن عقد آخر قمة له في أنكوريج"
    assert "أكثر من شهرين" in [s.text for s in typed_spans(elapsed) if s.kind == "elapsed"]
    assert not type_match("lasting", elapsed)
    assert type_match("duration", elapsed)  # «كم مضى على…؟» is answered by it
    assert not type_match("lasting", "وعاد قبل ثلاثة أيام إلى العاصمة")
    assert type_match("lasting", "وانتهى ذلك الاجتماع، الذي استمر قرابة ثلاث ساعات، دون اتفاق")
    assert type_match("lasting", "قضى الأشهر الستة الأخيرة في المستشفى")


@pytest.mark.parametrize(("question", "actor"), [
    ("كيف ردّ الرئيس الأوكراني على تأجيل الاجتماع؟", "الرييس الاوكراني"),
    ("ما موقف حلف شمال الأطلسي من القمة؟", "حلف شمال الاطلسي"),
    ("كيف كان رد فعل بوتين على التأجيل؟", "بوتين"),
    ("ماذا قال المصدر عن الموقف الروسي؟", "المصدر"),
    ("بماذا علّقت الوزارة على القرار؟", "الوزاره"),
    ("كيلي ماذا قالت عن طريقة تعامل ترامب مع الأطراف؟", None),  # nobody between the verb and «عن»
    ("ماذا قالت كيلي إن ترامب مستعد لفعله من أجل السلام؟", None),  # no preposition near: a statement's content
    ("متى رد الوزير على السؤال؟", None),
    ("ماذا أكد روبيو خلال المكالمة؟", "روبيو"),  # when or where X spoke
    ("ماذا قال ترامب في منشوره على تروث سوشيال؟", "ترامب"),  # not «ترامب في منشوره»
    ("إثر ماذا أعلن الوزير الاتفاق على الزيارة؟", None),  # after what: a time, not what was said
    ("وبعد ماذا أعلنت الوزارة قرارها على الفور؟", None),
])
def test_who_reacts_in_a_reaction_question(question, actor):
    from bot.saying import reaction

    assert reaction(question)[0] == actor


@pytest.mark.parametrize(("question", "described"), [
    ("كيف قيّم الكرملين المكالمة الهاتفية بين وزيري الخارجية؟", "الكرملين"),
    ("بماذا وصفت آنا كيلي مساعي ترامب؟", "انا"),
    ("كيف وُصف بيان الخارجية الأمريكية؟", "بيان"),  # passive: what is described
    ("وكيف وصفت الحرب؟", "الحرب"),  # its subject a pronoun: what is described
    (standard_arabic("شلون وصف الكرملين المكالمة؟"), "الكرملين"),  # dialect, made standard first
    ("كيف ردّ روبيو على التأجيل؟", None),  # a reaction: `reaction`
    ("كيف وصف في بيانه المكالمة؟", None),  # a function word after the verb
])
def test_who_or_what_a_describing_question_names(question, described):
    from bot.saying import described_by

    assert described_by(question) == described


@pytest.mark.parametrize(("question", "stance"), [
    ("ما موقف روبيو من عقد اجتماع بوتين-ترامب؟", True),
    ("كيف ردّ روبيو على التأجيل؟", False),
    ("ماذا قال المصدر عن الموقف الروسي؟", False),
    ("متى رد الوزير على السؤال؟", False),
])
def test_a_stance_is_told_apart_from_a_reply(question, stance):
    from bot.saying import reaction

    assert reaction(question)[1] is stance


@pytest.mark.parametrize(("actor", "text", "reported"), [
    # VSO: the verb, then the sayer's titles and name
    ("عبد العزيز القطي", "واعتبر النائب بمجلس نواب الشعب عن حزب نداء تونس عبد العزيز القطي أننا نبني", True),
    ("كيلي", "وقالت نائبة السكرتيرة الصحفي للبيت الأبيض، آنا كيلي، لشبكة CNN: «لقد عمل…»", True),
    ("نجاة فالو بلقاسم", "وردّت الوزيرة نجاة بلقاسم بلهجة حادة على اتهامات النائبة", True),  # half the words, the last
    ("الحكومة القطرية", "ووصفتها الحكومة القطرية بأنها حملة ظالمة", True),  # a feminine verb with an object ending
    ("ترامب", "ترامب قال للصحفيين إن الأمر معقد", True),  # SVO
    ("سامي الخطيب", "وقال الخطيب إن طول الجسر يبلغ 850 متراً", True),  # the surname alone, once named in full
    ("the minister", "The minister said the talks would go on", True),
    # named, but as the one acted upon, or not named by the verb
    ("حافظ قائد السبسي", "قررت الهيئة التسييرية طرد حافظ قائد السبسي من الحزب", False),
    ("الرئيس الأوكراني", "وقال ترامب للصحفيين، السبت: «عليكم اتباع خط المعركة»", False),
    ("دونالد ترامب", "وجه الرئيس الإيراني السابق رسالة مفتوحة إلى الرئيس الأمريكي دونالد ترامب", False),
    ("الرئيس الأوكراني", "وقال الرئيس الروسي إن الاجتماع تأجل", False),  # the last word is the one that tells them apart
    ("الكرملين", "قال مسؤول إن القمة قد تتأجل، " + "وهو ما لم يتضح بعد " * 3 + "بحسب الكرملين", False),  # too far
    ("بوتين", "بحسب ما أفاد مسؤول لشبكة CNN. ولم يتضح أثر ذلك على قمة ترامب-بوتين", False),  # another sentence
    ("دونالد ترامب", "وجه نجاد رسالة إلى الرئيس الأمريكي دونالد ترامب، طالبه فيها بتغيير المنهج", False),  # addressed
    ("إسرائيل", "واتهم التقرير إسرائيل بفرض نظام فصل عنصري", False),  # the one accused, not the one speaking
    ("بوتين", "مع الرئيس الروسي فلاديمير بوتين، بعد أن أفادت مصادر مطلعة", False),  # a verb two words on
    ("لافروف", "تأجيل الاجتماع التمهيدي بين لافروف وروبيو على القمة", False),  # «بين»: between, not «بيّن»
    ("رئيس البعثة", "عبر بجورن روذر، رئيس بعثة صندوق النقد الدولي، عن ارتياحه", True),  # «عبّر… عن»
    ("الوزير", "وبين الوزير أن الإصلاحات متواصلة", True),  # «بيّن… أن»
    ("بوتين", "وأضاف المصدر أنه من غير المرجح عقد اجتماع بوتين-ترامب", False),  # named in what is said
    ("بوتين", "وقال ترامب، الخميس، بعد اتصال هاتفي مع بوتين، إنهما اتفقا", False),  # another name is the subject
    ("ترامب", "وطالب أحمدي نجاد، ترامب بإصلاح النظام الانتخابي", False),
    ("رئيس البعثة", "ثمنت وزيرة المالية خلال لقاء جمعها بأعضاء البعثة المجهودات", False),  # not the title
    ("الرئيس الأوكراني", "وقال الرئيس إن الغزو الروسي لأوكرانيا قد ينتهي", False),  # a word of the same stem is not the word
    # a definite organisation noun after the verb is its subject: the actor named after it is spoken to
    ("الحكومة", "ودعا المكتب التنفيذي في بيان له الحكومة إلى محاورة جدية للمحتجين", False),
    ("الخارجية الأمريكية", "وقالت وزارة الخارجية الأمريكية إن الاجتماع تأجل", True),  # a body in construct is its name
])
def test_a_text_reports_what_someone_said(actor, text, reported):
    from bot.saying import reports_saying
    from index.normalize import normalize_arabic

    assert reports_saying(normalize_arabic(actor), text) is reported


def test_a_stance_may_be_reported_by_others():
    from bot.saying import reports_saying
    from index.normalize import normalize_arabic

    said = "وأضاف المصدر أنه من غير المرجح أن يوصي روبيو حاليا بعقد اجتماع بوتين-ترامب"
    assert not reports_saying(normalize_arabic("روبيو"), said)
    assert reports_saying(normalize_arabic("روبيو"), said, by_anyone=True)
    # named, but nobody says anything
    assert not reports_saying(normalize_arabic("الأمين العام للأمم المتحدة"),
                              "واستقالت ريما خلف الأمين التنفيذي للجنة التابعة للأمم المتحدة", by_anyone=True)
    # spoken of, not speaking or reported
    assert not reports_saying(normalize_arabic("الأمين العام للأمم المتحدة"),
                              "وقالت خلف إن دولا مارست ضغوطا على الأمين العام للأمم المتحدة", by_anyone=True)


@pytest.mark.parametrize(("text", "phrase", "ahead"), [
    ("وسيلتئم الاجتماع السنوي يوم 8 أكتوبر 2016 بالعاصمة", "8 أكتوبر 2016", True),  # a future verb
    ("وسيتم التعرف على الفريق السادس خلال الجولة المقررة يوم الأربعاء 15 فيفري", "الأربعاء", True),
    ("ويعود الوفد إلى تونس الأسبوع المقبل", "الأسبوع المقبل", True),
    ("القمة المرتقبة في 20 ماي", "20 ماي", True),
    ("وظهر الفيديو قبل ثاني مناظرة تعقد مساء غد الأحد", "الأحد", True),  # tomorrow, whatever the tense
    ("وهو موقع أثري اكتُشف في سبتمبر 2016 ويمسح سبعة هكتارات", "سبتمبر 2016", False),  # the past
    ("صادق الصندوق في ماي 2016 على منح تونس قرضا لسنوات", "ماي 2016", False),  # «لسنوات»: a noun
    ("عرض الفيلم في سينما المدينة يوم الخميس", "الخميس", False),  # «سينما»: a noun
    ("افتتح الوزير المعرض يوم الاثنين. وسيزور الوزير صفاقس لاحقا", "الاثنين", False),  # another sentence
])
def test_a_date_in_a_sentence_about_the_future(text, phrase, ahead):
    from bot.answer_type import speaks_of_future

    assert speaks_of_future(text, phrase) is ahead


@pytest.mark.parametrize(("question", "qualified"), [
    ("ما اسم وزير الخارجية الروسي؟", ("وزير", "الروسي")),
    ("ما الاسم الأول لوزير الخارجية الروسي؟", ("لوزير", "الروسي")),
    ("من هو السفير الأمريكي في تونس؟", ("السفير", "الامريكي")),
    ("ما اسم زوجة وزير الخارجية الروسي؟", None),  # the adjective qualifies another role than the one asked
    ("من هو وزير الخارجية؟", None),
    # a verb between the question word and the role: someone else is asked for
    ("من كلّفه الرئيس الأمريكي بترؤس الاجتماعات الأولية؟", None),
    ("من استقبل السفير الأمريكي في تونس؟", None),
    # the country after the title, or after one word of its body with no article, as its adjective
    ("مين وزير خارجية روسيا اللي كان المفروض يقابل روبيو؟", ("وزير", "الروسي")),
    ("ما اسم رئيس المكسيك الذي تحدث معه ترامب؟", ("رييس", "المكسيكي")),
    ("من هو سفير السعودية في تونس؟", ("سفير", "السعودي")),
    ("من هو سفير ألمانيا؟", ("سفير", "الالماني")),
    ("كم تدوم زيارة رئيس الجمهورية إلى إيطاليا؟", None),  # the body has its article: no country's title
    ("من هو رئيس حزب آفاق تونس؟", None),  # a party named after the country
])
def test_the_nationality_of_a_role_asked_about(question, qualified):
    from bot.answer_type import role_nationality

    assert role_nationality(question) == qualified


@pytest.mark.parametrize(("question", "qualified"), [
    ("Who is Rubio's Russian counterpart?", ("نظير", "الروسي")), ("Who is the French foreign minister?", ("وزير", "الفرنسي")),
    ("Who is the U.S. ambassador in Tunis?", ("سفير", "الامريكي")), ("Who is Trump?", None), ("Who won the Russian cup?", None),
    # the country by its name, after "of" or owning the role
    ("Who is the president of Russia?", ("رييس", "الروسي")), ("Who is Russia's president?", ("رييس", "الروسي")),
    ("Who is the foreign minister of the United States?", ("وزير", "الامريكي")),
    ("Who is the minister of culture?", None), ("Who won the cup of Russia?", None),
    ("Who is the Russian official Rubio was to meet?", ("مسوول", "الروسي")),
])
def test_the_nationality_of_a_role_asked_about_in_english(question, qualified):
    from bot.question import analyse

    assert analyse(question).nationality == qualified


def test_a_role_holder_of_that_nationality_is_named_by_the_role_or_a_counterpart():
    from bot.answer_type import names_holder_of

    def named(role, text):
        return names_holder_of(role, text, typed_spans(text))

    assert named(("وزير", "الروسي"), "تأجيل الاجتماع بين روبيو ونظيره الروسي سيرجي لافروف بشكل مؤقت")
    assert named(("وزير", "الروسي"), "وقال وزير الخارجية الروسي سيرجي لافروف إن")
    assert not named(("وزير", "الروسي"), "مع الرئيس الروسي فلاديمير بوتين")  # another role
    assert not named(("وزير", "الروسي"), "سيقود وزير الخارجية ماركو روبيو الاجتماعات")  # no adjective


def test_a_counterpart_holds_the_role_its_article_gives_the_one_it_is_the_counterpart_of():
    from bot.answer_type import names_holder_of, role_holders

    article = ("قد تتعثر آمال الرئيس الأمريكي دونالد ترامب في لقاء الرئيس الروسي فلاديمير بوتين. "
               "وكتب ترامب أن وزير الخارجية ماركو روبيو سيقود الاجتماعات. "
               "وتأجل الاجتماع بين روبيو ونظيره الروسي سيرجي لافروف.")
    passage = "وتأجل الاجتماع بين روبيو ونظيره الروسي سيرجي لافروف."

    def named(role):
        holders = role_holders(role[0], article, typed_spans(article))
        return names_holder_of(role, passage, typed_spans(passage), holders)

    assert role_holders("وزير", article, typed_spans(article)) == {"ماركو", "روبيو"}
    assert named(("وزير", "الروسي"))  # Rubio is a minister: his counterpart is Russia's minister
    assert not named(("رييس", "الروسي"))  # not Russia's president
    assert named(("مسؤول", "الروسي"))  # the article names no official: it cannot tell, the counterpart counts
    # the one it is the counterpart of named anywhere before it in the passage
    passage = "وأدى قايد السبسي زيارة إلى روما بدعوة من نظيره الإيطالي سيرجيو ماتاريلا."
    holders = role_holders("رييس", "ورحب الرئيس الباجي قايد السبسي بالدعوة.", typed_spans("ورحب الرئيس الباجي قايد السبسي بالدعوة."))
    assert holders and names_holder_of(("رييس", "الايطالي"), passage, typed_spans(passage), holders)


def test_a_question_on_a_role_of_one_nationality_marks_its_holder():
    passage = "قد تتعثر آمال الرئيس الأمريكي دونالد ترامب في عقد اجتماع سريع مع الرئيس الروسي فلاديمير بوتين"
    assert best_span(analyse("Who is the president of Russia?"), passage).text == "فلاديمير بوتين"
    assert best_span(analyse(standard_arabic("ما اسم الرئيس الأمريكي؟")), passage).text == "دونالد ترامب"


@pytest.mark.parametrize("passage", [
    "من غير المرجح أن يوصي روبيو حاليا بعقد اجتماع",  # now
    "مشروع عين اقطر الذي من المنتظر أن يفتح ابوابه قريبا",  # soon
    "الذي انضم مؤخرا لحركة نداء تونس",  # lately
    "قبل الانتخابات المقبلة",  # which elections, not when
])
def test_vague_times_are_no_dates(passage):
    assert not type_match("date", passage)


@pytest.mark.parametrize("passage", ["وأجرى روبيو ولافروف أمس مكالمة", "سيلتقيان غدا في بودابست",
                                     "على عقد اجتماع الأسبوع المقبل", "في 5 آب 2016", "ولد في سنة 1788"])
def test_days_and_periods_relative_to_now_are_dates(passage):
    assert type_match("date", passage)


@pytest.mark.parametrize("passage", ["نتائج التحاليل الجينية للأب", "قال الأب إن ابنه", "عند باب المدينة"])
def test_a_month_takes_no_article(passage):
    assert not type_match("date", passage)  # «آب» is August; «الأب» the father, «باب» a door


@pytest.mark.parametrize("passage, phrase", [
    ("احتضنت حوالي مليوني ليبي عند اندلاع الثورة", "حوالي مليوني"),
    ("وصل عدد الزوار إلى مليونا زائر", "مليونا"),
    ("بلغت الديون ملياري دينار", "ملياري دينار"),
])
def test_dual_and_case_forms_of_large_numbers_are_amounts(passage, phrase):
    assert any(span.text == phrase for span in typed_spans(passage))


def test_a_number_after_a_year_word_is_a_year():
    assert [s.text for s in typed_spans("كان تأسيس المستعمرة في سنة 1788، ثم") if s.kind == "year"] == ["1788"]
    assert not [s for s in typed_spans("يضم المخيم 1500 شخص") if s.kind == "year"]


@pytest.mark.parametrize("question, kind", [
    ("ما نوع المدينة التي كانت وارسو طوال تاريخها كمدينة؟", "other"),  # a noun, not «ما تاريخ…»
    ("عندما يتم إلقاء القبض على عدد كبير من الناس، ما هو التكتيك المشترك؟", "other"),
    ("ما تاريخ انعقاد القمة؟", "date"),
    ("عدد الضحايا؟", "number"),
    ("ما الموعد الجديد للاجتماع المؤجل؟", "date"),
    ("في أي موعد تُجرى المباريات؟", "date"),
    ("ما المكان الذي كان سيحتضن الاجتماع؟", "place"),
    ("ما هي كلفة بناء الخزانات الجديدة؟", "money"),
    ("On which day did Trump speak to reporters?", "date"),
])
def test_what_a_question_asks_for(question, kind):
    assert expected_type(question) == kind


def test_a_year_question_wants_a_year():
    assert analyse("في أي سنة تأسس الحزب؟").kind == "year"
    assert analyse("In what year was the association founded?").kind == "year"
    assert analyse("متى تأسس الحزب؟").kind == "date"
    assert not type_match("year", "افتتح اليوم الجمعة المؤتمر الثاني للحزب")  # a day, not a year
    assert type_match("year", "تأسس الحزب سنة 2015 بالعاصمة")


def test_a_number_of_things_is_a_count_not_a_duration_or_a_share():
    assert analyse("كم بلغ عدد المشاركين في الندوة؟").kind == "number"
    assert not type_match("number", "تدوم الرحلة 30 يوما وارتفعت الأسعار بنسبة 5 بالمائة")
    assert type_match("number", "شارك في الندوة 120 شخصا")
    assert not type_match("number", "نظمتها مجموعة PHAB2 في إطار مشروع v8")  # a digit inside a Latin name


@pytest.mark.parametrize(("passage", "count"), [
    ("كانت الشركة تؤمن سفرتين أسبوعيتين نحو إسطنبول", "سفرتين"), ("وسجل الفريق نقطتين", "نقطتين"),
    ("بعد دورتين انتخابيتين", "دورتين"), ("ووقعت وزارتان على الاتفاق", "وزارتان"), ("وبرحلتين", "وبرحلتين")])
def test_an_indefinite_feminine_dual_is_a_count_of_two(passage, count):
    assert ("count", count) in [(s.kind, s.text) for s in typed_spans(passage)]
    assert type_match("number", passage)


@pytest.mark.parametrize("passage", ["قال بوتين إن البلدين", "روتين العمل اليومي", "بروتين الحليب",
                                     "بين المدينتين", "الحكومتان", "الطائرتين اللتين سقطتا",
                                     # a plural in «ين», a nisba's plural, a verbal noun «تفعيل», a name
                                     "وأصيب آخرين بجروح", "وشارك لاعبين من الفريق", "مع مواطنين تونسيين",
                                     "من أجل تحسين الخدمات", "خلال تمرين عسكري", "قال جون ماكين", "ولاية مدنين"])
def test_a_name_a_plural_or_a_definite_dual_is_no_count(passage):
    assert not [s for s in typed_spans(passage) if s.kind == "count"]


@pytest.mark.parametrize("question", ["كم مرة تحدث ترامب مع بوتين هذا العام؟", "كم من مرة فاز الفريق بالكأس؟",
                                      "قديش مرة التقوا؟", "كام مرة اتكلموا؟", "How many times did they meet?"])
def test_how_many_times_is_a_count_of_times_not_a_duration(question):
    assert expected_type(question) == "number"
    assert type_match("number", "التقى الوزيران ثلاث مرات هذا العام")
    assert type_match("number", "تحدث ترامب مع بوتين مرتين منذ يناير")
    assert not type_match("number", "ومضى أكثر من شهرين منذ القمة")


def test_a_latin_name_glued_to_a_clitic_is_a_word_of_the_question():
    assert {"cnn", "phab2"} <= asked_words("ماذا قال لـCNN عن سعر بـPHAB2؟")


def test_a_phrase_the_question_already_says_is_no_answer():
    question = analyse("كم عدد البلديات المعنية بالانتخابات لسنة 2017؟")
    assert not type_match("date", "تجرى الانتخابات البلدية لسنة 2017", question.asked)
    assert type_match("date", "تجرى الانتخابات البلدية لسنة 2017", frozenset())
    assert type_match("count", "تشمل الانتخابات 350 بلدية لسنة 2017", question.asked)


@pytest.mark.parametrize(("question", "passage", "marked"), [
    # a relative day and its weekday are marked together, whichever the nearer
    ("متى اجتمعت لجنة التوافقات؟", "لم تتوصل لجنة التوافقات، خلال اجتماعها عشية اليوم الأربعاء، إلى الحسم", "اليوم الأربعاء"),
    ("متى قال الوزير ذلك؟", "وقال الوزير أمس الثلاثاء إن الاتفاق قريب", "أمس الثلاثاء"),
    ("في أي يوم اجتمعت اللجنة؟", "اجتمعت اللجنة اليوم الأربعاء بمقر البرلمان", "اليوم الأربعاء"),
    ("متى اجتمعت اللجنة؟", "اجتمعت اللجنة اليوم في مقر البرلمان", "اليوم"),  # no weekday: as before
])
def test_a_relative_day_is_marked_with_its_weekday(question, passage, marked):
    assert best_span(analyse(question), passage).text == marked


@pytest.mark.parametrize(("question", "passage", "marked"), [
    # a which-question about a numbered thing marks the thing with its number
    ("على أي فصل من الدستور استند الطاعنون؟", "واستند الطاعنون إلى الفصل 148 من الدستور.", "الفصل 148"),
    ("وبالاستناد إلى أي فصل أذنت النيابة بفتح التحقيق؟", "وأذنت النيابة بفتح تحقيق عملا بالفصل 31 من المجلة.", "الفصل 31"),
    ("بمناسبة أي ذكرى تنظم الندوة؟", "تنظم الندوة بمناسبة الذكرى 400 لوفاة شكسبير.", "الذكرى 400"),
    # a day of the month after it is part of the name, with its month and year
    ("بتفعيل أي اتفاق يطالب المحتجون؟", "وطالب المحتجون بتطبيق اتفاق 18 جانفي 2016 القاضي بتشغيلهم.", "اتفاق 18 جانفي 2016"),
    # a count after the noun is no number of it
    ("أي حزب أسسه الوزير؟", "وضمت قائمة الأعضاء المؤسسين لهذا الحزب 16 إسما.", None),
    # «ما + noun + relative pronoun» asks which one as «أي» does
    ("ما الفصل الذي استند إليه الطاعنون؟", "واستند الطاعنون إلى الفصل 148 من الدستور.", "الفصل 148"),
    ("ما القرار الأممي الذي أدان الاستيطان؟", "وأدان مجلس الأمن الاستيطان في القرار 2334.", "القرار 2334"),
])
def test_a_which_question_marks_a_numbered_thing(question, passage, marked):
    span = best_span(analyse(standard_arabic(question)), passage)
    assert (span.text if span else None) == marked


@pytest.mark.parametrize(("question", "where"), [
    ("وأين ستعقد القمة؟", True), ("وين رح تنعقد القمة؟", True), ("Where will the summit be held?", True),
    ("إلى أين سافر الوزير؟", False), ("من أين جاء المهاجرون؟", False), ("في أي بلد تقع بودابست؟", False),
])
def test_asks_where(question, where):
    from bot.answer_type import asks_where

    assert asks_where(standard_arabic(question)) is where


@pytest.mark.parametrize(("question", "passage", "marked"), [
    # a place behind «ل» says whose or whither, not where: the other place is marked, or none
    ("أين ستعقد القمة؟", "سيقود روبيو الاجتماعات الأولية للولايات المتحدة قبل القمة المرتقبة في بودابست بالمجر.",
     "بودابست بالمجر"),
    ("أين ستقام البطولة؟", "وجهت دعوة لكوبا للمشاركة في البطولة.", None),
    # a name that itself starts with «ل» is no «ل» + a name
    ("أين يقع مقر المركز؟", "ويوجد مقر المركز في لشبونة.", "لشبونة"),
    ("أين التقى الوزيران؟", "التقى الوزيران في ليبيا.", "ليبيا"),
    # «إلى أين» asks whither, which «ل» says
    ("إلى أين سافر الوفد؟", "سافر الوفد لكوبا أمس.", "لكوبا"),
])
def test_a_place_behind_li_does_not_say_where(question, passage, marked):
    span = best_span(analyse(standard_arabic(question)), passage)
    assert (span.text if span else None) == marked


@pytest.mark.parametrize(("question", "day"), [
    ("متى ستعقد الجلسة الأولى؟", "10 مارس"), ("متى ستعقد الجلسة الثانية؟", "11 مارس"),
    ("متى ستعقد الجلسة الثالثة؟", "24 مارس 2017"),
])
def test_the_phrase_marked_is_nearest_the_questions_rarest_word_in_the_passage(question, day):
    """«الجلسة» is said of every session; which one («الثالثة») is said once, and places the answer."""
    passage = ("وأوضحت الهيئة أن الجلسة الأولى التي ستنظم يوم 10 مارس، ستخصص لانتهاكات حقوق الإنسان ضد المرأة، "
               "فيما ستخصص الجلسة الثانية التي ستنعقد يوم 11 مارس، لانتهاكات حرية النفاذ للأنترنات، أما الجلسة "
               "الثالثة فستخصص للإنتهاكات أثناء فترة الإستقلال، يوم 24 مارس 2017")
    assert best_span(analyse(question), passage).text == day


@pytest.mark.parametrize(("question", "marked"), [
    # «في أي يوم…؟» asks a day: the date naming it (the weekday with the date right after it), not the
    # nearer bare year
    ("في أي يوم سيتجمع المدرسون أمام وزارة التربية؟", ("الاربعاء 30 نوفمبر 2016",)),
    ("Which day will the teachers gather in front of the Ministry of Education?", ("الاربعاء 30 نوفمبر 2016",)),
    ("يوم إيه هيتجمع المدرسين قدام وزارة التربية؟", ("الاربعاء 30 نوفمبر 2016",)),
    # «متى…؟» takes the nearest date of any kind
    ("متى سيحتج المدرسون على ميزانية وزارة التربية؟", ("2017",)),
])
def test_a_which_day_question_marks_a_date_that_names_the_day(question, marked):
    passage = ("وقال إن النقابتين ستنظمان يوم الاربعاء 30 نوفمبر 2016 تجمعا للمدرسين للاحتجاج على ميزانية سنة "
               "2017 أمام وزارة التربية.")
    assert best_span(analyse(standard_arabic(question)), passage).text in marked


@pytest.mark.parametrize(("question", "marked"), [
    ("في أي يوم من الأسبوع انعقد الاجتماع؟", "الأربعاء"),
    ("On what day of the week was the meeting held?", "الأربعاء"),
    ("في أي تاريخ انعقد الاجتماع؟", "12 أفريل 2017"),  # a date of the calendar, not the weekday
])
def test_a_day_of_the_week_is_answered_by_a_weekday(question, marked):
    """«في أي يوم من الأسبوع…؟» is the weekday the passage gives, not the nearer date of the calendar (a
    follow-up was marked «9 إلى 12 أفريل 2017»)."""
    passage = "وانعقد الاجتماع يوم 12 أفريل 2017 بمقر الوزارة، وكان ذلك يوم الأربعاء حسب بلاغ الوزارة."
    assert best_span(analyse(standard_arabic(question)), passage).text == marked


@pytest.mark.parametrize(("question", "day"), [
    ("في أي يوم سيتجمع المدرسون؟", True), ("ما اليوم الذي ستعقد فيه الجلسة؟", True), ("Which day is it?", True),
    ("متى سيتجمع المدرسون؟", False), ("في أي سنة تأسست؟", False), ("ما عدد أيام الإضراب؟", False),
])
def test_which_questions_ask_for_a_day(question, day):
    from bot.answer_type import asks_day

    assert asks_day(standard_arabic(question)) is day


@pytest.mark.parametrize(("question", "future"), [
    ("في أي يوم سيتجمع المدرسون؟", True), ("في أي شهر ستنطلق الأشغال؟", True), ("متى سيصدر الحكم؟", True),
    ("في أي يوم تجمع المدرسون؟", False), ("في أي سنة تأسست الشركة؟", False),
])
def test_a_which_day_question_may_ask_when_something_will_be(question, future):
    from bot.answer_type import asks_when_in_future

    assert asks_when_in_future(question) is future


@pytest.mark.parametrize(("question", "planned"), [
    ("متى كان مقررا أن يلتقي الوزيران؟", True), ("متى كان الاجتماع متوقعا؟", True), ("متى ستعقد القمة؟", True),
    ("متى قد يتحدثان مجددا؟", True), ("When was the meeting expected to take place?", True),
    ("متى تأسست الشبكة؟", False), ("متى التقى الوزيران؟", False), ("كم كان عدد المشاركين المتوقع؟", False),
    # a date asked outright, however planned: not the report's own week
    ("On what exact date will the summit take place?", False),
])
def test_a_when_question_may_ask_about_something_planned(question, planned):
    """What «هذا الأسبوع» may answer: when a meeting was planned or expected, not when a network was founded."""
    from bot.answer_type import asks_when_planned
    from bot.question import analyse

    assert asks_when_planned(question) is planned
    assert (analyse(question).checked_kind == "planned") is planned


def test_a_phrase_the_question_says_with_other_clitics_is_not_marked():
    """«…إجراءات حظر الحواسيب؟» is not answered by «بحظر الحواسيب»: the question says it, with other
    clitics (and, ordinary words behind «ب», it is no longer read as a name after «القاضي»)."""
    question = analyse("من أقر إجراءات حظر الحواسيب؟")
    passage = "القرار الذي اتخذته السلطات البريطانية والقاضي بحظر الحواسيب المحمولة"
    assert [s.text for s in typed_spans(passage) if s.kind == "person"] == []
    assert says_again("بحظر الحواسيب", question.asked) and not says_again("أحمد بن صالح", question.asked)
    assert best_span(question, passage) is None
    assert best_span(question, "وقال الوزير أحمد بن صالح إن القرار").text == "أحمد بن صالح"


@pytest.mark.parametrize(
    ("question", "refers"),
    [
        ("وكم عمره؟", True),
        ("وما هو منصبها؟", True),
        ("وماذا أكد في البيان؟", True),
        ("And how old is he?", True),
        ("وفي أي بلد تقع؟", True),
        ("وبأي صفة؟", True),
        ("من هي ليلى منصور؟", False),
        ("أين ستعقد القمة؟", False),
        ("ما سبب تأجيل الاجتماع؟", False),
        ("في أي بلد تقع بودابست؟", False),
        ("وزير الخارجية من أي بلد؟", False),
        # «الله» ends in ه, and names hold it: no pronoun there
        ("كيف ردّ حسن نصر الله على سحب التقرير؟", False),
        ("ماذا قال عبدالله بن زايد عن الزيارة؟", False),
        ("من هو جاب الله؟", False),
        ("وماذا قال عنه نصر الله؟", True),  # «عنه» still refers back
        ("من هي؟", True),  # a copula that ends the question asks about someone named before
        ("ومنذ أي سنّ؟", True),  # "and" on a preposition, then the interrogative
        ("وبالتعاون مع أي وزارة يُعدّ برنامج القياس المستمر؟", True),
        ("وفي فرنسا؟", True),
        ("وبجندوبة؟", True),  # "and" on «ب» or «ل» written on a name, with little else
        ("ولتركيا؟", True),
        ("ولكن من فاز بالجائزة في النهاية؟", False),  # «ولكن» is "but", no preposition
        ("وكانت لمين؟", True),  # "and" on «كان», then an interrogative (Levantine «لمين»: for whom)
        ("وكان متى؟", True),
        ("وكانت الهيئة قد نظمت جلساتها في أي مدينة؟", False),
        ("Is he likely to recommend a Putin–Trump meeting for next week right now?", True),
        # a pronoun in a longer question points inside it
        ("ما الحرب التي يسعى ترامب إلى إنهائها؟", False),
        ("كم عمرها؟", True),  # a short question still does
        ("في أي برنامج كانت ليلى الشتاوي ضيفة عندما تحدثت عن إقالتها؟", False),
        ("هو روبيو ولافروف ممكن يتكلموا تاني الأسبوع ده؟", False),  # the Egyptian opening «هو»
        ("What did Trump say he and Putin had agreed to hold the following week?", False),
        # nor one after a noun with "the": the pronoun is that noun's
        ("Where did the teacher go to file her complaint?", False),
        ("What weapon did the sergeant use to attack his colleagues?", False),
        ("Which institution does she head?", True),
        # a noun with the definite article ends in هم or ه of its own, never a pronoun suffix
        ("في أي عام وُلد المتهم؟", False),
        ("أين يسكن المساهم؟", False),
        ("متى يصل الوجه الجديد؟", False),
        ("كم دفع للمتهم؟", False),
        ("كم عدد طلابها؟", True),  # a suffix on a noun without the article still refers back
    ],
)
def test_follow_up_detection(question, refers):
    assert analyse(question).refers_back is refers


@pytest.mark.parametrize(("question", "is_elliptic"), [
    ("وفي جندوبة؟", True), ("والقطب الشمالي؟", True), ("And in 2017?", True), ("وماذا عن فرنسا؟", True),
    ("What about France?", True), ("والثانية؟", True),
    ("وكم عمره؟", False), ("ومن أخرجه؟", False), ("وفي أي سنة؟", False), ("ولماذا؟", False),
    ("ماذا قال عن فرنسا؟", False), ("وفي الأسبوع الماضي كم كانت النسبة؟", False),
])
def test_an_elliptic_follow_up_asks_nothing_itself(question, is_elliptic):
    from bot.question import elliptic

    assert elliptic(standard_arabic(question)) is is_elliptic


def test_an_elliptic_follow_up_asks_what_the_turn_before_asked():
    from bot.question import asked_as_before

    before = analyse("ما المسافة بين الكعبة والقطب الجنوبي في عام 2016؟")
    info = asked_as_before(analyse("والقطب الشمالي في 2017؟"), before)
    assert (before.kind, info.kind) == ("measure", "measure")
    assert info.text == "والقطب الشمالي في 2017؟" and info.years == ("2017",)
    assert {"الكعبه", "2017"} <= info.asked


@pytest.mark.parametrize(
    ("dialect", "standard"),
    [
        ("هو ليه الاجتماع اتأجل؟", "هو لماذا الاجتماع تأجل؟"),
        ("يا جماعة ليه الاجتماع اتأجل يا عم؟", "لماذا الاجتماع تأجل ؟"),  # a vocative is no part of the question
        ("واتقفلت الشطوط قد إيه؟", "وتقفلت الشطوط كم؟"),
        ("كشيش اتولد سنة كام؟", "كشيش تولد سنة كم؟"),
        # standard words with «ات»: two root letters after it, a long vowel, a pronoun, ta marbuta
        ("متى اتصل روبيو بلافروف؟", "متى اتصل روبيو بلافروف؟"),
        ("هل اتخذت الحكومة قرارا؟", "هل اتخذت الحكومة قرارا؟"),
        ("ما نتائج اتفاق السلام مع اتحاد الشغل؟", "ما نتائج اتفاق السلام مع اتحاد الشغل؟"),
        ("لماذا اتهمه القاضي؟", "لماذا اتهمه القاضي؟"),
        ("كم قيمة فاتورة الكهرباء؟", "كم قيمة فاتورة الكهرباء؟"),
    ],
)
def test_the_egyptian_passive_is_the_standard_form(dialect, standard):
    assert standard_arabic(dialect) == standard


@pytest.mark.parametrize(
    ("dialect", "standard"),
    [
        ("مين اللي حيقود الاجتماعات؟", "من الذي سيقود الاجتماعات؟"),
        ("إمتى هيتقابل ترامب وبوتين؟", "متى سيتقابل ترامب وبوتين؟"),
        ("وحيسافر امتى؟", "وسيسافر متى؟"),
        ("وهتعمل إيه الحكومة؟", "وستعمل ماذا الحكومة؟"),
        # words of their own that begin with «حي», «هي», «حت»: not a future
        ("ما اسم هيئة الحقيقة؟", "ما اسم هيئة الحقيقة؟"),
        ("كم حيوانا نفق؟", "كم حيوانا نفق؟"),
        ("أين شوهدت حيتان العنبر؟", "أين شوهدت حيتان العنبر؟"),
        ("متى زارت هيلاري حيفا؟", "متى زارت هيلاري حيفا؟"),
    ],
)
def test_the_dialect_future_on_a_verb_is_the_standard_one(dialect, standard):
    assert standard_arabic(dialect) == standard


def test_a_word_the_articles_spell_is_no_dialect_future():
    """«هيومن رايتس ووتش» reads like «هـ» of the future on «يومن» (a common word, «يؤمن»); where the articles
    have «هيومن» as written, it stays (a blind set's question was searched with «سيومن»)."""
    spelled = {"هيومن"}.__contains__
    assert standard_arabic("ما موقف هيومن رايتس ووتش؟", spelled) == "ما موقف هيومن رايتس ووتش؟"
    assert standard_arabic("إمتى هيتقابل ترامب وبوتين؟", spelled) == "متى سيتقابل ترامب وبوتين؟"


@pytest.mark.parametrize(
    ("dialect", "standard"),
    [
        ("شنو سمية الرضيع؟", "ما اسم الرضيع؟"), ("آش سميتو؟", "ما اسمه؟"), ("شنو سميتها؟", "ما اسمها؟"),
        ("شكون سمية؟", "من سمية؟"),  # a given name, with no «what» before it
    ],
)
def test_the_maghrebi_word_for_a_name_is_the_standard_one(dialect, standard):
    assert standard_arabic(dialect) == standard


def test_dialect_words_become_standard_arabic():
    assert standard_arabic("ليش تأجل الاجتماع هالأسبوع؟") == "لماذا تأجل الاجتماع هذا الأسبوع؟"
    assert standard_arabic("وين رح تكون القمة؟") == "أين سوف تكون القمة؟"
    assert standard_arabic("ومين سيقود؟") == "ومن سيقود؟"
    # Only whole words: a word that merely contains one is left alone.
    assert standard_arabic("شوارع المدينة") == "شوارع المدينة"


@pytest.mark.parametrize(
    ("dialect", "standard"),
    [
        ("شكون ترجم الكتاب؟", "من ترجم الكتاب؟"),
        ("وقتاش خرج القرار؟", "متى خرج القرار؟"),
        ("إزاي وصل؟", "كيف وصل؟"),
        ("شلون صار هذا؟", "كيف صار هذا؟"),
        ("قداش سوم التذكرة؟", "كم سعر التذكرة؟"),
        ("واش رجع؟", "هل رجع؟"),
        ("منو الوزير؟", "من الوزير؟"),
        # relative pronoun, "there is not", "because", "still", "yesterday", "tomorrow"
        ("مين اللي فاز؟", "من الذي فاز؟"),
        ("ليه مفيش اتفاق لسه؟", "لماذا لا يوجد اتفاق ما زال؟"),
        ("اتأجل عشان إيه؟", "تأجل لأن ماذا؟"),
        ("شو صار امبارح؟", "ماذا صار أمس؟"),
        # seeing and coming, as dialect says them
        ("كيفاش يشوف روبيو اللقاءات الجاية؟", "كيف يرى روبيو اللقاءات القادمة؟"),
        ("شو شاف الوفد الأسبوع الجاي؟", "ماذا رأى الوفد الأسبوع القادم؟"),
        # "there is", "want", "this", two-word "how much"
        ("واش كاين اتفاق؟", "هل يوجد اتفاق؟"),
        ("شو بدو ترامب؟", "ماذا يريد ترامب؟"),
        ("ده القرار اللي عاوزه؟", "هذا القرار الذي عاوزه؟"),
        ("الاجتماع طوّل قد إيه؟", "الاجتماع استمر كم؟"),
        ("ايش يبغى الوفد؟", "ماذا يريد الوفد؟"),
        # written with diacritics; only dialect words lose them
        ("قدّاش من دولة شاركت؟", "كم من دولة شاركت؟"),
        ("شَنُوّة صار؟", "ماذا صار؟"),
        ("وقَدَّاه من عام؟", "وكم من عام؟"),
        ("إِمْتَى الاجتماع؟", "متى الاجتماع؟"),
        # the telephone, as every dialect says it, and Egyptian «اتكلم»
        ("اتكلموا في التليفون إمتى؟", "تكلموا في الهاتف متى؟"),
        ("وش قال بالتلفون؟", "ماذا قال بالهاتف؟"),
        ("متى سيُقدَّم العرض؟", "متى سيُقدَّم العرض؟"),
        # where to, going, coming, being hurt
        ("لوين كان رايح القطار؟", "إلى أين كان ذاهب القطار؟"),
        ("منين جا القطار؟", "من أين جاء القطار؟"),
        ("كم واحد انصاب؟", "كم واحد أصيب؟"),
        # which: Egyptian «أنهي/أنهو», Maghrebi «اشمن»
        ("ده نايب عن أنهي ولاية؟", "هذا نايب عن أي ولاية؟"),
        ("أنهو لاعب سجّل؟", "أي لاعب سجّل؟"),
        ("في اشمن مدينة الماتش؟", "في أي مدينة الماتش؟"),
        # talking, jumping; «على ال…» run together; «قبل كده» is before that
        ("إيمتى حكي روبيو مع لافروف عالتلفون؟", "متى تحدث روبيو مع لافروف على الهاتف؟"),
        ("المغامر نط كام مرة قبل كده؟", "المغامر قفز كم مرة قبل ذلك؟"),
        ("وين وقفوا عالحدود؟", "أين وقفوا على الحدود؟"),
        ("شو قالت عالمية الصحة؟", "ماذا قالت عالمية الصحة؟"),  # a word of its own, far commoner
        ("إمتى تنتهي فعاليات المهرجان؟", "متى تنتهي فعاليات المهرجان؟"),  # «ف» + «عاليات» is no «على»
        # a diacritic belongs to its word: «صوّتوا» holds no «توا» (now), «موّل» no «مو» (not)
        ("كم عضوا صوّتوا للقرار؟", "كم عضوا صوّتوا للقرار؟"), ("من موّل الدراسة؟", "من موّل الدراسة؟"),
        ("شكون موّل الدراسة توّا؟", "من موّل الدراسة الآن؟"),
        # nor does a mark typed before a word start a rewrite inside it: no vocative «يا سامي» in «زارّيا سامي»,
        # no Egyptian passive «اتكلم» in «سّاتكلم»
        ("من زارّيا سامي؟", "من زارّيا سامي؟"), ("متى قال سّاتكلم؟", "متى قال سّاتكلم؟"),
        # Egyptian «اسمه إيه» (his name is what) is «ما اسمه»
        ("اسمه إيه الحكم اللي أدار الماتش؟", "ما اسمه الحكم الذي أدار الماتش؟"),
        ("السفير الجديد اسمه إيه؟", "ما اسم السفير الجديد؟"),
        # …also after «مين» asked first, and a question mark before «اسمه إيه»
        ("مين المسؤول اللي قال لـCNN إن الاجتماع اتأجل؟ اسمه إيه؟", "ما اسم المسؤول الذي قال لـCNN إن الاجتماع تأجل؟"),
        ("ما الأحكام التي صدرت في حق المتهمين؟", "ما الأحكام التي صدرت في حق المتهمين؟"),  # «في حق»: against
        # Egyptian keeps «إيه»/«إزاي» where the answer goes: said and replied to, asked the standard way
        ("بوتين قال إيه عن تأجيل الاجتماع؟", "ماذا قال بوتين عن تأجيل الاجتماع؟"),
        ("لافروف ردّ إزاي على كلام ترامب؟", "كيف ردّ لافروف على كلام ترامب؟"),
        ("الوزير قال إيه؟", "ماذا قال الوزير؟"), ("ترامب طلب إيه من كييف؟", "ترامب طلب ماذا من كييف؟"),
    ],
)
def test_maghrebi_egyptian_gulf_and_iraqi_question_words(dialect, standard):
    assert standard_arabic(dialect) == standard


def test_dialect_genitive_particles_are_not_search_terms():
    from index.normalize import tokenize

    for particle in ("بتاع", "بتاعة", "ديال", "تاع", "متاع"):
        assert tokenize(f"الاجتماع {particle} روبيو") == tokenize("الاجتماع روبيو")


def test_dialect_verb_prefixes_share_terms_with_the_standard_verb():
    from index.normalize import tokenize

    for dialect in ("بيسافر", "كيسافر", "حيسافر", "هيسافر"):
        assert "يسافر" in tokenize(dialect)


@pytest.mark.parametrize(
    ("question", "kind"),
    [("ما اسم زوجته؟", "person"), ("وما اسمها؟", "person"), ("ما هو اسم الشركة التي بنت الجسر؟", "organisation"),
     ("ما اسم المدينة؟", "place"), ("What is the name of his wife?", "person"), ("ما اسم الفيلم؟", "any"),
     ("من هو رئيس الهيئة؟", None), ("كم عدد الأسماء المرشحة؟", None),
     # nouns for people that are no title: a consul, a citizen, an official, advisers
     ("ما اسم القنصل التونسي في دمشق؟", "person"), ("ما اسم المواطنة التي اشتكت؟", "person"),
     ("ما اسم المسؤول في البيت الأبيض؟", "person"), ("ما أسماء المستشارين؟", "person"),
     ("ما اسم محافظ البنك المركزي؟", "person"), ("ما اسم الرسام الجزائري المشارك؟", "person"),
     # plural nouns for people: their names are people's, not a quoted charge
     ("ما أسماء الأشخاص الخمسة المدانين؟", "person"), ("ما أسماء الضحايا؟", "person"),
     ("ما أسماء الطلبة الفائزين؟", "person"),
     # English puts the named noun after its modifiers
     ("What is the name of the Kremlin spokesman quoted in the article?", "person"),
     ("What is the name of the Swedish defence minister?", "person"),
     ("What is the name of the company that built the bridge?", "organisation"),
     ("What is the name of the host city?", "place"), ("What is the name of the voice assistant?", "any"),
     # the last noun before a clause or a phrase: a longer modifier, a relative clause after it
     ("What is the name of the White House press secretary whom Anna Kelly serves as deputy?", "person"),
     ("What is the name of the Dutch prime minister whose government barred the plane?", "person"),
     ("What is the name of the stadium in the capital of Spain?", "place"),
     # a qualified name of a person's role is the holder's name; another name of a road is not a person's
     ("ما الاسم الأول لوزير الخارجية الروسي؟", "person"), ("ما الاسم الكامل للرئيس الروسي؟", "person"),
     ("ما الاسم الآخر للطريق الوطنية 168؟", "any"),
     # a past copula before the name
     ("ما كان اسم الفندق الذي نزلوا فيه؟", "any"), ("ماذا كانت أسماء الضحايا؟", "person")],
)
def test_what_kind_of_name_a_question_asks_for(question, kind):
    assert asks_for_name(question) == kind


def test_the_span_opener_look_up_drops_no_phrase():
    """`_starts_span` only skips words; with it answering yes for every word the spans are the same."""
    from unittest import mock

    from index import phrases
    from bot.settings import BUNDLED_ARTICLES

    passages = [line for line in (BUNDLED_ARTICLES / "rubio-lavrov.txt").read_text(encoding="utf-8").splitlines() if line]
    passages += [
        "وتبلغ منصور من العمر 38 عاماً، وافتتح الرئيس ترامب الجسر يوم الاثنين 5 يونيو 2023 بكلفة 12 مليون دينار.",
        "ارتفعت الأسعار بنسبة 4 في المائة خلال شهرين بسبب الجفاف، وقال وزير الخارجية الروسي إن الاجتماع غدا.",
        "في الساعة الثالثة فجرا وصلت الطائرة إلى مطار مدينة صفاقس بعد رحلة 900 كلم استمرت يومين.",
    ]
    extract = phrases.typed_spans.__wrapped__
    with_look_up = [extract(p) for p in passages]
    with mock.patch.object(phrases, "_starts_span", lambda word: True):
        without = [extract(p) for p in passages]
    assert with_look_up == without
    assert sum(map(len, with_look_up)) > 20  # the passages do hold phrases of many kinds


@pytest.mark.parametrize(("question", "role"), [
    ("ما اسم رئيس المحكمة العليا؟", ("رييس", "المحكمه")), ("من هو مدرب نادي بنفيكا؟", ("مدرب", "نادي")),
    ("ما اسم زوجته؟", ("زوجته", None)), ("من هو المدير الذي عينه الوزير؟", ("المدير", None)),
    ("من هي آنا كيلي؟", None), ("ما اسم الجسر الجديد؟", None), ("من افتتح الجسر؟", None),
    ("Who is the coach?", None),
    ("من هو الحكم الذي أدار مباراة الذهاب؟", ("الحكم", None)), ("من هم المستشارون الروس؟", ("المستشارون", "الروس")),
    ("ما الاسم الأول لوزير الخارجية الروسي؟", ("وزير", "الخارجيه")), ("ما الاسم الكامل للرئيس الروسي؟", ("الرييس", "الروسي")),
    ("ما الاسم الآخر للطريق الوطنية 168؟", None),
    ("ما اسم مندوب فرنسا لدى الأمم المتحدة؟", ("مندوب", "فرنسا")),
    # With no copula, only a role followed by its body asks for its holder.
    ("مين رئيس جمعية منظمي الرحلات الروس؟", ("رييس", "جمعيه")), ("من مدرب النجم الساحلي؟", ("مدرب", "النجم")),
    ("من المتحدث باسم الكرملين الذي وصف المكالمة؟", ("المتحدث", "باسم")),
    ("من الوزيرة التي ترأست الجلسة؟", None), ("منو الباحث المشارك اللي كتب المقال؟", None),
    ("من الرئيس التونسي الذي سلّم الأوسمة؟", None), ("من المسؤول في صندوق النقد الدولي؟", None),
    ("شكون المخرج متاع الفيلم؟", None), ("من أعلن الخبر؟", None),
])
def test_the_role_whose_holder_a_question_asks_for(question, role):
    from bot.answer_type import asked_role

    assert asked_role(question) == role


@pytest.mark.parametrize(("question", "window", "named"), [
    # A name right after the role, before the next mention of it; or right before it.
    ("ما اسم رئيس النادي الصفاقسي؟", "أحال المكتب ملف رئيس النادي الصفاقسي منصف خماخم ورئيس جندوبة الرياضية.", True),
    ("ما اسم رئيس جندوبة الرياضية؟", "أحال المكتب ملف رئيس النادي الصفاقسي منصف خماخم ورئيس جندوبة الرياضية.", False),
    ("ما اسم رئيس المحكمة العليا؟", "يؤدي الرئيس المنتخب اليمين أمام رئيس المحكمة الدستورية العليا.", False),
    # The title only as another role («الرئيس الأمريكي») is not the role asked about.
    ("ما اسم رئيس المحكمة؟", "قال الرئيس الأمريكي دونالد ترامب إن القمة ستعقد.", False),
    # …but a mention whose owner is a pronoun may be it.
    ("من هو نظير روبيو الروسي؟", "وناقش روبيو ونظيره الروسي الوزير سيرجي لافروف القمة.", True),
    ("من هو مدرب الفريق؟", "قال مدرب الفريق سامي الخطيب إن المباراة صعبة.", True),
    ("من هو مدرب الفريق؟", "قال الوزير سامي الخطيب، مدرب الفريق، إن المباراة صعبة.", True),
    # A speaker named before his title, with no comma («وقال لسعد الجموسي مدير المهرجان…»)…
    ("من هو مدير المهرجان؟", "وقال لسعد الجموسي مدير المهرجان في مؤتمر صحفي إن الدورة ستكون عربية.", True),
    ("من هو مدير المهرجان؟", "وأكد الجموسي مدير المهرجان أن الدورة ستكون عربية.", True),
    # …also with a title between the verb of saying and the name («أكد الصحفي علي بن مزين مدير…»)…
    ("من هو مدير تحرير موقع حوار الريف؟", 'وأكد الصحفي علي بن مزين مدير تحرير موقع "حوار الريف" أن الحادثة خطيرة.', True),
    ("من هو مدير المهرجان؟", "وقال الفنان لسعد الجموسي مدير المهرجان إن الدورة ستكون عربية.", True),
    # …but a name before a title is no holder of it after a verb that takes an object.
    ("من هو مدير المهرجان؟", "واستقبل الوزير لسعد الجموسي مدير المهرجان أمس.", False),
    ("من هو مدير المهرجان؟", "وقال أمس مدير المهرجان إن الدورة ستكون عربية.", False),
    # …and a name, its age in brackets, then «هو» and the role
    ("من هو منفذ التفجير؟", "قالت الشرطة إن رجلا يدعى سلمان عبيدي (22 عاما) هو منفذ التفجير في القاعة.", True),
    ("ما اسم زوجته؟", "وحضرت زوجته الحفل.", False),
    ("ما اسم زوجته؟", "وحضرت زوجته السيدة ليلى حداد الحفل.", True),
    # The deputy's name is not the holder's («نائبة السكرتيرة الصحفية…، آنا كيلي»), nor an assistant's.
    ("ما اسم السكرتيرة الصحفية للبيت الأبيض؟", "وقالت نائبة السكرتيرة الصحفية للبيت الأبيض، آنا كيلي، إن القمة ستعقد.", False),
    ("من هو رئيس الحكومة؟", "وقال نائب رئيس الحكومة أحمد بن صالح إن الميزانية جاهزة.", False),
    ("من هو مدير المهرجان؟", "وقال مساعد مدير المهرجان لسعد الجموسي إن الدورة ستكون عربية.", False),
    ("من هو نائب رئيس الحكومة؟", "وقال نائب رئيس الحكومة أحمد بن صالح إن الميزانية جاهزة.", True),
    # «شخصية» is a noun for a person: «…عدد من الشخصيات الأخرى» names none of them.
    ("من هي الشخصيات الأخرى التي سترافق روبيو؟", "سيقود الوزير ماركو روبيو الاجتماعات إلى جانب عدد من الشخصيات الأخرى.", False),
    # A parliament by its own name: «مجلس نواب الشعب» and «الكنيست» are a parliament; «مجلس الوزراء» is not.
    ("من رئيس البرلمان الذي منعها من البث؟", "ذكرت أن رئيس مجلس نواب الشعب محمد الناصر منعها من البث.", True),
    ("من هو رئيس البرلمان؟", "وقال رئيس الكنيست يولي إدلشتاين إن الجلسة تأجلت.", True),
    ("من هو رئيس البرلمان؟", "وقال رئيس مجلس الوزراء محمد الناصر إن الجلسة تأجلت.", False),
    # A name behind a noun with «ل» past the role is whom it was told («…لشبكة CNN», «…للتلفزة الوطنية»),
    # but not where that noun is the role itself («للمخرجة كوثر بن هنية»).
    ("ما اسم المسؤول في البيت الأبيض؟", "وتأجل الاجتماع، بحسب ما أفاد مسؤول في البيت الأبيض لشبكة CNN.", False),
    ("من هو المتحدث باسم الوزارة؟", 'وقال المتحدث باسم الوزارة لإذاعة "موزاييك" إن الطريق مغلقة.', False),
    ("من هي مخرجة الفيلم؟", "وفاز فيلم زينب تكره الثلج للمخرجة كوثر بن هنية بالجائزة.", True),
    ("من هو رئيس المكتب السياسي لحزب التحرير؟", "وشدد رئيس المكتب السياسي للحزب، عبد الرؤوف العامري، على أن الدولة ضعفت.", True),
    ("من هو سفير لبنان؟", "وقال سفير لبنان محمد كرم إن الزيارة ناجحة.", True),
    # The role not mentioned at all: the passage may name its holder in other words.
    ("من هو وزير الخارجية الروسي؟", "التقى روبيو نظيره الروسي سيرجي لافروف.", None),
    # The plural is another role: a list of players does not say which one is meant.
    ("من هو اللاعب العراقي؟", "وضمت قائمة اللاعبين فهد العتيبي وعلي لفته.", None),
])
def test_whether_a_passage_names_the_holder_of_the_role_asked_for(question, window, named):
    from bot.answer_type import asked_role, asked_words, role_named

    kinds = ("person", "organisation", "quoted")
    assert role_named(asked_role(question), window, typed_spans(window), kinds, asked_words(question)) is named


@pytest.mark.parametrize(("question", "window", "named"), [
    # the body of the role with another adjective than the question's is another role
    ("ما اسم رئيس الغرفة الوطنية للمخابز؟", "واعتبر حكيم السالمي، رئيس الغرفة الجهوية للمخابز بجندوبة، أن القرار غير مدروس.", False),
    ("من هو رئيس الغرفة الجهوية للمخابز؟", "واعتبر حكيم السالمي، رئيس الغرفة الجهوية للمخابز بجندوبة، أن القرار غير مدروس.", True),
    ("من هو مدير المسرح الوطني؟", "وقال مدير المسرح البلدي منير العرقي إن العرض أُلغي.", False),
    # the same adjective, or none after the body, or a name typed there, leaves the role as it was
    ("من هو مدير المسرح الوطني؟", "وقال مدير المسرح الوطني الفاضل الجعايبي إن العرض أُلغي.", True),
    ("من هو رئيس النقابة الوطنية للصحفيين؟", "وقال رئيس النقابة ناجي البغوري إن الصحفيين سيضربون.", True),
    ("من هو رئيس الحكومة التونسية؟", "وقال رئيس الحكومة الحبيب الصيد إن الميزانية جاهزة.", True),
])
def test_a_role_whose_body_has_another_adjective_is_another_role(question, window, named):
    from bot.answer_type import asked_role, asked_words, role_named, role_qualifier

    kinds = ("person", "organisation", "quoted")
    assert role_named(asked_role(question), window, typed_spans(window), kinds, asked_words(question),
                      qualifier=role_qualifier(question)) is named


@pytest.mark.parametrize(("question", "role"), [
    ("من يرأس حزب آفاق تونس؟", ("رييس", "حزب")), ("من سيترأس الاجتماعات الأولية؟", ("رييس", "الاجتماعات")),
    ("شكون يرأس اللجنة المستقلة؟", ("رييس", "اللجنه")), ("من الذي يدير الشركة؟", ("مدير", "الشركه")),
    ("مين هيدرب المنتخب؟", ("مدرب", "المنتخب")), ("من ترأست الجلسة التي…؟", ("رييس", "الجلسه")),
    ("من يقود الاجتماعات؟", None), ("من هو رئيس الحزب؟", None), ("من يدرس في الجامعة؟", None),
])
def test_the_role_a_who_heads_question_asks_the_holder_of(question, role):
    from bot.answer_type import asked_role_by_verb

    assert asked_role_by_verb(question) == role


@pytest.mark.parametrize(("question", "window", "named"), [
    # the title by the verb's object, with a name or without one
    ("من يرأس المرصد التونسي؟", "وقال رئيس المرصد التونسي منصف الوناس إن الوضع صعب.", True),
    ("من يرأس المرصد التونسي؟", "وقال رئيس المرصد التونسي إن الوضع صعب.", False),
    # the title only of something else: as if not mentioned, the verb being looser than the title
    ("من يرأس المرصد التونسي؟", "دعا المرصد التونسي إلى رفع حالة الطوارئ التي أعلنها رئيس الجمهورية.", None),
    ("من سيترأس الاجتماعات الأولية؟", "قال الرئيس الأمريكي إن روبيو سيترأس الاجتماعات الأولية.", None),
])
def test_a_who_heads_question_reads_the_verbs_object_softly(question, window, named):
    from bot.answer_type import asked_role_by_verb, asked_words, role_named

    kinds = ("person", "organisation", "quoted")
    assert role_named(asked_role_by_verb(question), window, typed_spans(window), kinds, asked_words(question),
                      strict=False) is named


@pytest.mark.parametrize(("role", "window", "mentioned"), [
    ("زوجه", "وقال ترامب إنه تحدث مع بوتين.", False),
    ("زوجته", "وحضرت عقيلته الحفل.", True),  # another word for the same tie, with a pronoun
    ("والد", "وقال الأب سالم العنزي إنه اختار الاسم.", True),
    ("شقيق", "والتحق أخوه بالتنظيم.", True),  # «أخوه»: the construct form
    ("شقيق", "والتحق ابن عمه بالتنظيم.", False),
    ("رييس", "أي نص", None),  # a title, not a family tie
])
def test_whether_a_passage_mentions_a_family_tie(role, window, mentioned):
    from bot.answer_type import mentions_tie

    assert mentions_tie(role, window) is mentioned


@pytest.mark.parametrize(("role", "window", "mentioned"), [
    ("رييس", "وقال الناطق باسم الاتحاد سامي الطاهري إن الإضراب قائم.", False),
    ("رييس", "وقال زعيم الحزب إن الانتخابات قائمة.", True),  # another word for the same office
    ("وزير", "بين روبيو ونظيره الروسي سيرجي لافروف.", True),  # a counterpart holds the same office
    ("الوزيره", "وقالت الوزيرة إن البرنامج انطلق.", True),
    ("مدرب", "وقال المدير الفني للفريق إن الفوز مستحق.", None),  # a coach is often the technical director
    ("زوجه", "وقال ترامب إنه تحدث مع بوتين.", False),  # family ties still count
])
def test_whether_a_passage_mentions_an_office_asked_by_its_title(role, window, mentioned):
    from bot.answer_type import mentions_tie

    assert mentions_tie(role, window, offices=True) is mentioned


@pytest.mark.parametrize(("question", "noun"), [
    ("كم عدد طلاب الجامعة؟", "طلاب"), ("ما هو عدد الزوار؟", "الزوار"), ("وكم عدد هذه الوحدات؟", "الوحدات"),
    ("كم يبلغ عدد المستفيدين من العفو؟", "المستفيدين"), ("كم عمره؟", None), ("ماذا قال الوزير عن العدد؟", None),
    # People of any kind: the article names them its own way («3500 منخرطا», «400 قتيل»).
    ("كم عدد الأشخاص الذين وضعوا أموالهم في الشركة؟", None), ("كم عدد الذين لقوا حتفهم؟", None),
    ("ما عدد الأفراد المشمولين؟", None),
])
def test_the_noun_a_how_many_question_counts(question, noun):
    from bot.answer_type import counted_noun

    assert counted_noun(standard_arabic(question)) == noun


@pytest.mark.parametrize(("a", "b", "same"), [
    # Sound and broken plurals, with an article or a clitic, are the same noun.
    ("الطلاب", "طالبا", True), ("أشرطة", "شريطا", True), ("أشخاص", "شخص", True), ("بطاقات", "بطاقة", True),
    ("النواب", "نائبا", True), ("الفرق", "فريقا", True), ("المستفيدين", "مستفيد", True),
    # With a possessive ending on either («أبنائهما», «بأبنائه», «سكانها»).
    ("أبنائهما", "بأبنائه", True), ("سكانها", "سكان", True), ("موظفيهم", "موظفين", True),
    # A doubled root letter written once in the singular («شابّ»).
    ("الشباب", "شابا", True), ("أدلة", "دليل", True), ("الشباب", "شعب", False), ("الشباب", "شبكة", False),
    ("الزوار", "دول", False), ("الطلاب", "مدارس", False), ("القتلى", "جرحى", False),
    ("أعوان", "عن", False),  # a function word is no noun, though its letters are the noun's without «ا» and «و»
])
def test_same_noun_in_another_number(a, b, same):
    from bot.answer_type import same_noun
    from index.normalize import normalize_arabic

    assert same_noun(normalize_arabic(a), normalize_arabic(b)) is same


@pytest.mark.parametrize(("question", "window", "counted"), [
    ("كم عدد الزوار؟", "وبلغ عدد الزوار 33 ألفا هذا العام.", True),
    ("كم عدد الأنفاق؟", "يمر القطار عبر سبعة أنفاق في الجبل.", True),
    ("كم عدد المدارس؟", "افتتح الوزير ثلاث مدارس جديدة.", True),
    ("وكم عدد أبنائهما؟", "ولم تكن ترغب في قطع علاقة الأب بأبنائه الثلاثة.", True),
    # A count of something else, or the count the question already gives, does not answer.
    ("كم عدد الزوار؟", "وأبدت 6 دول موافقتها على المشاركة.", False),
    ("كم عدد طلاب الجامعات الثلاث؟", "زار الوزير الجامعات الثلاث.", False),
    ("كم عدد الزوار؟", "حضر الزوار المعرض.", False),
    # «عدد X» and a clause before the count, no punctuation between them
    ("كم عدد المسلحين الذين قتلهم الجيش؟", "وارتفع عدد المسلحين الذين قتلهم الجيش إلى 22 على الأقل منذ مطلع العام.",
     True),
    ("كم عدد المسلحين؟", "وارتفع عدد المسلحين، بحسب الجيش الذي قتل الكثير منهم، إلى 22", False),
    # the noun, then «عددهم/عددها» and the count: «البالغ عددهم», «والذين سيكون عددهم»
    ("كم عدد المترشحين الذين سيشاركون في التجربة؟",
     "ويفرض الباحثون شروطا صارمة على المترشحين للوظيفة والذين سيكون عددهم 24 شخصاً حيث", True),
    ("كم عدد السجناء المفرج عنهم؟", "وأفرج عن السجناء البالغ عددهم 300 سجين.", True),
    ("كم عدد المترشحين؟", "وتحدث الباحثون عن المترشحين في ندوة أمس. وقد بلغ عددهم 24 في العام الماضي", False),
    ("كم عدد الأطفال؟", "وتحدث الوزير عن المترشحين البالغ عددهم 24", False),
    # a comma before «وعددهم» (a new clause of the same sentence), the noun far before it
    ("كم عدد المهاجرين الذين وصلوا إلى جرجيس؟",
     "وذكر أن المهاجرين الذين يحملون جنسيات مختلفة وصلوا منذ قليل إلى ميناء جرجيس، وعددهم 126 شخصا.", True),
    # a bare fraction is a share, not how many; with a number after it, a count
    ("كم عدد الأطفال المصابين؟", "ويمثل البلد نصف الأطفال المصابين في المنطقة.", False),
    ("كم عدد الأطفال المصابين؟", "ويمثل البلد ثلث الأطفال المصابين وربع الوفيات.", False),
    ("كم عدد الأطفال المصابين؟", "وأصيب نصف مليون من الأطفال المصابين بالمرض في العالم.", True),
    # a count of another noun («70 نائبا») is no count of the noun said before it; one said after it
    # may say what it counts («ثلاثون عضوا بمجلس نواب الشعب»); «عدد X» still does
    ("كم عدد الكتل البرلمانية؟", "حيث أن الكتل التي تضم حوالي 70 نائبا لها مكاتب ضيقة.", False),
    ("كم عدد النواب الذين أمضوا على العريضة؟", "أمضى ثلاثون عضوا بمجلس نواب الشعب على عريضة.", True),
    ("كم عدد الكتل؟", "وبلغ عدد الكتل 7 كتل تضم 70 نائبا.", True),
    ("كم عدد الكتل؟", "وقد بلغ عدد الكتل في المجلس 7 تقريبا.", True),
    # a dual counts what it names: groups of mice, not mice
    ("كم عدد الفئران التي استخدمت في التجارب؟", "أجروا تجارب على مجموعتين من الفئران", False),
    ("كم عدد المجموعات التي شاركت في التجارب؟", "أجروا تجارب على مجموعتين من الفئران", True),
    # a plural of another root than its singular
    ("كم عدد النساء اللواتي تابعهن الباحثون؟", "استندت الدراسة على تتبع أكثر من 2000 امرأة سليمة", True),
    # persons counted by what befell them: «مقتل 12 شخصا» counts the dead, not the wounded
    ("كم عدد القتلى في الهجوم؟", "ما أسفر عن مقتل 12 شخصا وإصابة عشرات آخرين.", True),
    ("كم عدد الجرحى في الهجوم؟", "ما أسفر عن مقتل 12 شخصا وإصابة عشرات آخرين.", False),
    ("كم عدد القتلى في الهجوم؟", "وتم إيقاف 12 شخصا بعد مقتل الشرطي.", False),
])
def test_whether_a_passage_counts_the_noun_asked_about(question, window, counted):
    from bot.answer_type import asked_words, count_of_noun, counted_noun

    noun = counted_noun(question)
    assert count_of_noun(noun, window, typed_spans(window), asked_words(question)) is counted


@pytest.mark.parametrize("question, kind", [
    ("في أي مجلة علمية نُشرت نتائج هذه الدراسة؟", "مجلة"),
    ("ما الحزب الذي ينتمي إليه روبيو؟", "حزب"),
    ("إلى أي حزب سياسي ينتمي ماركو روبيو؟", "حزب"),
    ("ما اسم الملعب الذي احتضن النهائيات؟", "ملعب"),
    ("أي جريدة نقلت تفاصيل القضية؟", "صحيفة"),  # with its synonyms
    ("في أي مبنى بأنكوريج عقدت القمة؟", "بناية"), ("في أي متحف عرضت اللوحة؟", "متحف"),
    ("ما المصنع الذي أغلق أبوابه؟", "معمل"), ("على أي مسرح قدمت المسرحية؟", "مسرح"),
    ("عن أي دائرة انتخابية انتُخب النائب؟", "دائرة"),  # a constituency, «دائرة بنزرت»
    ("ما الدائرة الانتخابية التي يمثلها النائب؟", "دائرة"),  # an adjective between the noun and «التي»
    ("ما الصحيفة البريطانية التي نشرت الخبر؟", "جريدة"),
    ("في أي مدينة عقدت القمة؟", None),  # named bare («في بودابست»)
    ("أي شركة صنعت الهاتف؟", None),  # companies too («أعلنت لينوفو»)
    # in English too, by the Arabic word of the kind
    ("Which newspaper reported it?", "صحيفة"), ("In which hotel did the delegation stay?", "نزل"),
    ("Which scientific journal published the study?", "مجلة"), ("What is the name of the hospital?", "مستشفى"),
    ("Which country won the medal?", None), ("Which two parties' alliance did the bureau condemn?", None),
    ("From which primary school year will English be taught?", None), ("Which party leader spoke first?", None),
])
def test_the_kind_of_named_place_a_which_question_asks_for(question, kind):
    from index.normalize import normalize_arabic

    named = analyse(question).named_kind
    assert (named is None) if kind is None else normalize_arabic(kind) in named


@given(st.integers(min_value=0, max_value=40), st.sampled_from(["  ", "\n", "\t\t", " \u00a0 "]))
def test_a_too_long_question_is_told_its_length_as_the_user_sent_it(extra, gap):
    """The length in the refusal counts what was typed (spaces and newlines too), not the cleaned text."""
    question = ("كلمة" + gap) * (30 + extra) + "؟"
    _, reason = check_question(question, max_chars=100)
    assert reason == messages.TOO_LONG.format(length=len(question.strip()), limit=100)


@pytest.mark.parametrize("passage, kind, phrase", [
    ("سيطرت فرنسا على الجزائر في 1830 لكنها بدأت", "date", "1830"),  # a year of the 1000s after a preposition
    ("بدأت بجدية بعد 1850، مع التركيز", "year", "1850"),
    ("حكم الإمبراطور من 1321 إلى 1323.", "date", "1321 إلى 1323"),
    ("استمر الطاعون حتى الربع الثاني من القرن التاسع عشر.", "date", "القرن التاسع عشر"),  # centuries
    ("بدأت الحركة في منتصف القرن الثامن عشر في إنجلترا", "date", "منتصف القرن الثامن عشر"),
    ("كان ذلك في القرن 19 حين", "date", "القرن 19"),
    ("سحبت الاستثمارات في أواخر الثمانينيات من جنوب إفريقيا", "date", "أواخر الثمانينيات"),  # decades
    ("قاد الفريق للفوز في عمر 38 وهو حاليا نائب الرئيس", "age", "38"),  # an age with no unit
    ("أكبر لاعب سنا في سن 39. الرقم السابق", "age", "39"),
    ("تتبع النساء في سن ال40 لمدة 10 سنوات", "age", "ال40"),  # a definite number after «سن»
    ("تتبع النساء في سن ال40 لمدة 10 سنوات", "duration", "10 سنوات"),  # «لمدة»: a period, not an age
    ("بلغت نسبة التصويت 51.6٪ من الأصوات", "percent", "51.6٪"),  # the Arabic percent sign
    ("بلغت نسبة التصويت ٥١٫٦٪ من الأصوات", "percent", "٥١٫٦٪"),  # with the Arabic decimal separator
])
def test_years_centuries_decades_bare_ages_and_arabic_percent_signs(passage, kind, phrase):
    assert phrase in [s.text for s in typed_spans(passage) if s.kind == kind]


@pytest.mark.parametrize(("passage", "person"), [
    ("وإثر الصدامات أطلق رئيس بلدية المدينة نداء إلى الهدوء.", None),  # what the mayor did, not his name
    ("ووجه رئيس الحكومة رسالة إلى النواب.", None),
    ("ونقلت الوكالة عن وزير الدفاع قوله إن الغارة نجحت.", None),
    ("وقال رئيس بلدية المدينة محمد الصالح إن الوضع هادئ.", "محمد الصالح"),
    ("والتقى الرئيس ترامب نظيره في أنكوريج.", "ترامب"),  # one word that is no ordinary word
])
def test_an_ordinary_word_alone_after_a_title_is_no_name(passage, person):
    names = [s.text for s in typed_spans(passage) if s.kind == "person"]
    assert names == ([person] if person else []), names


@pytest.mark.parametrize(("passage", "date", "count"), [
    ("وردت على المنظمة خلال شهر جوان 2016 ، 6 ملفات تتعلق بحالات عنف.", "جوان 2016", "6"),
    ("سجلت الوزارة في مارس 2017، 14 حالة جديدة.", "مارس 2017", "14"),
])
def test_a_month_and_its_year_end_at_a_comma(passage, date, count):
    """The number after the comma is what the sentence counts, not a day of the month."""
    spans = [(s.kind, s.text) for s in typed_spans(passage)]
    assert ("date", date) in spans and ("count", count) in spans, spans


@pytest.mark.parametrize("passage", ["في 1500 موقع أثري", "من 1500 إلى 1700 شخص", "اشترى القرن الأفريقي كله",
                                     "التقى عمر 38 شخصا"])
def test_counts_of_a_noun_and_other_horns_are_no_dates_or_ages(passage):
    assert not [s for s in typed_spans(passage) if s.kind in ("year", "date", "age")]


@pytest.mark.parametrize("passage, count", [
    ("أفاد شهود عيان بأن 2074 مهاجرا كانوا يحاولون الوصول إلى أوروبا", "2074"),  # after a particle
    ("تمكنت من إنقاذ 2074 مهاجرا كانوا على متن 16 قاربا", "2074"),  # after a word news puts before counts
    ("فقد بلغت 1973 عقدا.", "1973"),  # after a perfect verb
    ("استندت الدراسة على تتبع أكثر من 2000 امرأة سليمة", "أكثر من 2000"),  # an approximation before a noun
    ("شارك نحو 2000 شخص في المسيرة", "نحو 2000"),
])
def test_a_number_of_the_years_shape_counting_the_noun_after_it_is_a_count(passage, count):
    spans = typed_spans(passage)
    assert count in [s.text for s in spans if s.kind == "count"]
    assert not [s for s in spans if s.kind in ("year", "date") and s.text == count]


@pytest.mark.parametrize("passage, year", [
    ("يكون الطقس اليوم السبت 11 فيفري 2017 مغيما جزئيا", "2017"),  # after a month
    ("خلال الانتخابات الرئاسية الفرنسية 2017 جزءاً من فريق حملة", "2017"),  # after a definite word
    ("انتقل إلى الفريق الباريسي في صيف 2015 قادما من مانشستر", "2015"),  # after any other noun
    ("ارتفع عدد الحوادث بين 2014 و2015 موضحا أن", "2014"),  # a span of years
    ("في 2015 أيضا ارتفع العدد", "2015"),  # an adverb after it
    ("تأسست الجمعية حوالي 1950 في تونس", "1950"),  # an approximation with no noun after it
])
def test_a_year_stays_a_year_before_an_accusative_word(passage, year):
    assert year in [s.text for s in typed_spans(passage) if s.kind == "year"]


@pytest.mark.parametrize("question, future", [
    ("متى سيصدر القاضي حكمه؟", True),
    ("في أي تاريخ ستتم الزيارة؟", True),
    ("ومتى سيعود الوفد؟", True),
    ("When will the bank pay the loan?", True),
    ("إمتى رح تفتح البوابة؟", True),  # Levantine «رح» reaches the check as «سوف»
    ("متى سافر الوزير إلى روما؟", False),  # «سافر»: a past verb that begins with «س»
    ("متى تنطلق عملية بيع التذاكر؟", False),
    ("When did the minister leave?", False),
])
def test_a_question_about_when_something_will_happen(question, future):
    assert analyse(standard_arabic(question)).future is future


@pytest.mark.parametrize(("question", "passage", "marked"), [
    # the count of the noun asked, not the one before it
    ("كم دراجة نارية مسروقة حجزها الأمن؟", "كما تم أيضا حجز 7 سيارات و 20 دراجة نارية مسروقة و تسجيل 316 مخالفة", "20"),
    ("كم سيارة حجزها الأمن؟", "كما تم أيضا حجز 7 سيارات و 20 دراجة نارية مسروقة", "7"),
    # a few words on, with no other counted noun, number or clause end between (a newcomer's)
    ("كم عدد المفقودين في كولومبيا؟", "أدت انزلاقات في كولومبيا إلى سقوط ما لا يقل عن 206 قتلى في حين يوجد نحو 220 "
     "آخرين في عداد المفقودين.", "نحو 220"),
    ("كم عدد القتلى في كولومبيا؟", "أدت انزلاقات في كولومبيا إلى سقوط ما لا يقل عن 206 قتلى في حين يوجد نحو 220 "
     "آخرين في عداد المفقودين.", "ما لا يقل عن 206"),
    # only a count asked by «كم عدد X؟» looks past the word after it: a share «من إجمالي عجز…» is no amount of it
    ("كم بلغ العجز المالي في الميزان التجاري الغذائي؟", "مما أدى إلى تسجيل عجز مالي في الميزان التجاري الغذائي بلغ "
     "295.2 مليون دينار(ما يمثل 11.7 % من إجمالي عجز الميزان التجاري) مقابل 102.6 مليون دينار", "295.2 مليون دينار"),
])
def test_a_how_many_question_marks_the_count_of_its_noun(question, passage, marked):
    span = best_span(analyse(standard_arabic(question)), passage)
    assert span is not None and span.text == marked


def test_a_count_followed_by_another_noun_counts_that_one():
    from bot.compose import counts_noun

    text = "أسفر الحادث عن 12 قتيلا من المفقودين سابقا، و30 جريحا"
    span = next(s for s in typed_spans(text) if s.text == "12")
    assert not counts_noun("المفقودين", text, span, 4) and counts_noun("القتلي", text, span)


def test_pay_is_asked_and_spoken_of_in_its_own_words():
    from bot.answer_type import says_pay

    assert says_pay("كم راتب فيصل البرادعي؟") and says_pay("كم يتقاضى المدير العام؟") and says_pay("What is his salary?")
    assert not says_pay("كم سعر التذكرة؟") and not says_pay("متى أجرى روبيو المكالمة؟")
    assert says_pay("ويتقاضى راتبا شهريا قدره 3 آلاف دينار") and says_pay("رفع الأجور بنسبة 6 بالمائة")
    assert not says_pay("الأداء الموظف لحماية البيئة المقدر بنسبة 5 بالمائة")


def test_only_the_day_of_the_report_or_the_one_before_is_now_or_before():
    from bot.answer_type import now_or_before

    assert now_or_before("اليوم") and now_or_before("أمس") and now_or_before("وأمس")
    assert now_or_before("اليوم الجمعة") and now_or_before("أمس الخميس")  # that same day, by its name
    assert not now_or_before("الخميس") and not now_or_before("14 ماي") and not now_or_before("")
    assert not now_or_before("اليوم 14 ماي") and not now_or_before("يوم الأحد المقبل")


@pytest.mark.parametrize("question", ["ما سرعة القطار الجديد؟", "كم تبلغ سعة بطارية الهاتف؟", "ما متوسط سرعة الإنترنت؟",
                                      "ما ارتفاع البرج؟", "What is the storage capacity of the phone?"])
def test_speed_capacity_and_height_ask_for_a_measure(question):
    assert expected_type(question) == "measure"


@pytest.mark.parametrize("passage, phrase", [
    ("تأتي البطارية بسعة 3500 ميلي أمبير", "3500 ميلي أمبير"),
    ("وذاكرة داخلية بسعة 64 غيغابايت", "64 غيغابايت"),
    ("بسرعة 20 ميغابت في الثانية", "20 ميغابت"),
])
def test_units_of_capacity_and_speed_make_measures(passage, phrase):
    assert phrase in [s.text for s in typed_spans(passage) if s.kind == "measure"]
    assert not type_match("measure", "أعلنت الشركة عن هاتفها الجديد بشاشة كبيرة")  # a size with no number


def test_a_colour_question_wants_a_colour_word():
    assert expected_type("ما لون القميص الذي ارتداه الفريق؟") == "colour"
    assert expected_type("What colour was the bag?") == "colour"
    assert type_match("colour", "ارتدى لاعبو الفريق القميص الأحمر في المباراة")
    assert type_match("colour", "عثر على حقيبة سوداء كبيرة")
    # «بنية هزيلة» is a frail build, not the colour brown
    assert not type_match("colour", "وصفت المرأة بأنها ذات بنية هزيلة ويبلغ طولها 1.7 متر")


@pytest.mark.parametrize(("question", "passage", "marked"), [
    # The unit the question asks in: hours, not the months gone by.
    ("كم ساعة استمر الاجتماع؟", "ومضى شهران منذ الاجتماع الذي استمر قرابة ثلاث ساعات.", "قرابة ثلاث ساعات"),
    ("كم يوما دام الإضراب؟", "بدأ الإضراب قبل 3 أشهر ودام 12 يوما في المجمل.", "12 يوما"),
    # A distance before a time («حوالي الساعة الواحدة»), which answers a measure question only by car.
    ("كم تبعد ليفن عن العاصمة؟", "غادر مدينة ليفن التي تقع على بعد 25 كيلومترا شرقي العاصمة حوالي الساعة الواحدة.",
     "25 كيلومترا"),
    ("كم يبعد المطار عن المدينة؟", "يبعد المطار عن المدينة ساعتين بالسيارة.", "ساعتين"),
    # A name the question gives is not who it asks for.
    ("من قالت إن ترامب مستعد للقاء؟", "وقالت المتحدثة باسم البيت الأبيض كارولين ليفيت إن الرئيس ترامب باستمرار مستعد.",
     "كارولين ليفيت"),
    ("من التقى ترامب في البيت الأبيض؟", "التقى الرئيس دونالد ترامب نظيره الفرنسي إيمانويل ماكرون في البيت الأبيض.",
     "إيمانويل ماكرون"),  # nor one that ends with it
    # A quantity that is not exact is marked with the words that say so, not as the bare number…
    ("كم عدد المسيرات؟", "وشهدت المدن المغربية صباح اليوم أكثر من 30 مسيرة ووقفة احتجاجية.", "أكثر من 30"),
    ("بكم ارتفعت الصادرات؟", "وارتفعت الصادرات بأكثر من 12 بالمائة خلال السنة.", "أكثر من 12 بالمائة"),
    ("كم كلفت الأشغال؟", "وكلفت الأشغال حوالي 20 مليون دينار.", "حوالي 20 مليون دينار"),
    ("كم زائرا استقبل المعرض؟", "واستقبل المعرض ما يزيد عن 3 آلاف زائر.", "ما يزيد عن 3 آلاف"),
    # …and without a word of the question before the number («الواحد» is also the number one).
    ("ما سعة البرميل الواحد؟", "خزنت في براميل سعة البرميل الواحد 100 كلغ.", "100 كلغ"),
    # «و» before an amount is the conjunction, not part of it.
    ("كم دفع أكثر المهاجرين؟", "دفع كل مهاجر بين 2000 دينار و3500 دينار.", None),
    # The question's own figure, glued to its unit or in another case, is not the answer.
    ("كم تعريفة الرسالة التي لا يتجاوز وزنها 20 غراما؟",
     "فالرسائل التي لا يتجاوز وزنها 20غرام، حددت تعريفتها ب 500 مليم على المستوى الوطني.", "500 مليم"),
    # A penalty with its time before a bare one, the time first as well.
    ("شو العقوبة اللي ممكن يواجهها الخياري؟", "قد يواجه الخياري أحكاما قد تصل مدتها إلى 3 سنوات سجن بموجب الفصل 91.",
     "3 سنوات سجن"),
    # An item after «و» starts anew: the words before it qualify the item before it.
    ("كم تعريفة الرسائل على المستوى الوطني؟",
     "واعتمدت تعريفة تقدر ب1200 مليم على المستوى الوطني و1800 مليم على مستوى دول المغرب العربي.", "1200 مليم"),
    ("كم بلغت نسبة التضخم في 2014؟", "وقدرت النسبة في 2015 ب4،1 بالمائة وب4،8 بالمائة في 2014 و5،7 بالمائة في 2013.",
     "4،8 بالمائة"),
])
def test_the_marked_phrase(question, passage, marked):
    from bot.question import analyse

    span = best_span(analyse(standard_arabic(question)), passage)
    if marked is None:  # only the shape of the amounts is checked
        assert [s.text for s in typed_spans(passage) if s.kind == "money"] == ["2000 دينار", "3500 دينار"]
    else:
        assert span is not None and span.text == marked, span


@pytest.mark.parametrize(("passage", "country"), [
    ("كانوا على متن مركب صيد باتجاه إيطاليا انطلاقا من سواحل نابل.", "إيطاليا"),
    ("وصل الوفد إلى الولايات المتحدة الأمريكية أمس.", "الولايات المتحدة"),
    ("ويقيم منذ سنوات بالمغرب مع عائلته.", "بالمغرب"),  # after a clitic, as written
    ("وقعت تونس وفرنسا اتفاقية جديدة.", "وفرنسا"),
    # names Arabic news uses where the CLDR has another (iso-codes, from pycountry)
    ("على قمة ترامب-بوتين المرتقبة في بودابست بالمجر.", "بالمجر"),
    ("وصل الوزير إلى الدنمارك صباح اليوم.", "الدنمارك"),
    ("وتعمل في روسيا البيضاء منذ سنوات.", "روسيا البيضاء"),
    # short names of neither source
    ("وعاد السفير إلى بريطانيا بعد اللقاء.", "بريطانيا"),
    ("وتستورد أمريكا النفط من الخليج.", "أمريكا"),
    ("وزار الوفد الإمارات الأسبوع الماضي.", "الإمارات"),
])
def test_a_country_named_bare_is_a_place(passage, country):
    assert country in [s.text for s in typed_spans(passage) if s.kind == "country"]


@pytest.mark.parametrize(("passage", "town"), [
    ("على قمة ترامب-بوتين المرتقبة في بودابست بالمجر.", "بودابست بالمجر"),
    ("عقد الاجتماع في ميلانو بإيطاليا أمس", "ميلانو بإيطاليا"),
    ("في الوقت ذاته بفرنسا", None),  # a function word is no town
    ("في 2016 بتونس", None),
    ("في بودابست، بالمجر", "بودابست"),  # not across punctuation: the town alone (GeoNames names it)
])
def test_a_word_between_fi_and_a_country_with_bi_is_a_town_there(passage, town):
    places = [s.text for s in typed_spans(passage) if s.kind == "place"]
    assert places == ([town] if town else [])


@pytest.mark.parametrize("passage", [
    "وقال إن الوضع المالي للشركة صعب.",  # «مالي»: financial, not Mali
    "وتضم العائلة ثلاثة بنين وبنتا.",  # «بنين»: sons, not Benin
    "وقال إن القطاع الفرنسي للسيارات يتراجع.",  # «القطاع الفرنسي»: an iso-codes part of Saint Martin
])
def test_a_word_spelled_like_a_country_is_no_country(passage):
    assert [s for s in typed_spans(passage) if s.kind == "country"] == []


@pytest.mark.parametrize(("question", "marked"), [
    ("إلى أي بلد كان المهاجرون متجهين؟", "إيطاليا"),
    ("Which country were the migrants heading for?", "إيطاليا"),
    # A city is asked for: the country's name does not give it.
    ("في أي مدينة انطلق المركب؟", None),
])
def test_a_country_answers_where_but_not_which_city(question, marked):
    from bot.question import analyse

    span = best_span(analyse(standard_arabic(question)), "كان المهاجرون على متن مركب صيد باتجاه إيطاليا.")
    assert (span.text if span else None) == marked


@pytest.mark.parametrize(("passage", "organisations"), [
    ('إرساء المحكمة الدستورية"، مشيرا إلى التأخير.', ["المحكمة الدستورية"]),
    ("أعلنت وزارة العمل والتنمية الاجتماعية أن", ["وزارة العمل والتنمية"]),
    ("وقالت الشركة، في بيان لها", []),  # an organisation word and punctuation: no name after it
])
def test_an_organisations_name_does_not_run_across_punctuation(passage, organisations):
    assert [s.text for s in typed_spans(passage) if s.kind == "organisation"] == organisations


@pytest.mark.parametrize(("passage", "place"), [
    ("وسجلت ولاية صفاقس أعلى نسبة.", "صفاقس"),
    ("في اجتماع بمدينة المنستير أمس", "المنستير"),  # an indefinite place word, then its name
    ("أقيمت المباراة في ملعب ميلينيوم بكارديف", "ميلينيوم"),
    # a place word, a nationality, then the town: «العاصمة السورية دمشق»; a country's name is its capital
    ("اغتيل في تفجير سيارته في العاصمة السورية دمشق.", "دمشق"),
    ("محاولة اغتياله في العاصمة الأردنية عمان في 25 سبتمبر 1997", "عمان"),
    # the capital named by its country's adjective alone is a place too
    ("لجنة المتابعة التي تنعقد بالعاصمة الجزائرية يومي 4 و5 مارس", "بالعاصمة الجزائرية"),
])
def test_a_place_word_followed_by_its_name_is_a_place(passage, place):
    assert place in [s.text for s in typed_spans(passage) if s.kind == "place"]


@pytest.mark.parametrize("passage", [
    "وحمّلت السلطات العليا في البلاد مسؤولية أي تعامل معه",  # a definite place word and what follows
    "تعمل الدولة التونسية على دعم الفلاحين",  # a definite place word and its adjective
    "أعلنت المدينة التونسية الأولى عن برنامجها",  # an adjective and no town after it (not the capital)
    "وتعيش في الحي الذي ولدت فيه",  # a function word
    "وقال إن المدينة، وفق ما أعلن، ستُغلق",  # across punctuation
    "اختيرت عاصمة للثقافة العربية",  # a word behind a preposition
    "زار الوفد 12 دولة من القارة",  # a function word after an indefinite place word
])
def test_a_place_word_not_followed_by_a_name_gives_no_place(passage):
    assert [s.text for s in typed_spans(passage) if s.kind == "place"] == []


@pytest.mark.parametrize("passage", [
    "وتعود وزارة الصناعة و التجارة إلى العمل",  # «و» written apart is no name
    "وقال رئيس القسم أنه لم يتلق شيئا",  # «أنه» opens what is said
    "واعتصموا للمطالبة بتطبيق الاتفاق، وإلى جانب ذلك طالبوا",  # «وإلى» folds to «والي» (a governor)
])
def test_function_words_after_a_title_are_no_name(passage):
    assert [s.text for s in typed_spans(passage) if s.kind == "person"] == []


def test_a_governor_is_still_a_title():
    assert [s.text for s in typed_spans("وقال والي الجهة محمد صالح إن") if s.kind == "person"] == ["محمد صالح"]


def test_press_written_indefinite_is_no_title():
    assert [s.text for s in typed_spans("وقال في مؤتمر صحفي عقد أمس إن") if s.kind == "person"] == []
    assert [s.text for s in typed_spans("وقالت الصحفية بترا لازلو إن") if s.kind == "person"] == ["بترا لازلو"]


@pytest.mark.parametrize(("question", "kind"), [
    # the indefinite accusative noun after «كم» is what is counted: a count, not any amount
    ("كم راكبا تتسع له عربات القطار؟", "number"),
    ("كم صوتا حصل عليه المرشح؟", "number"),
    ("كام كاميرا فيه الموبايل؟", "number"),
    # a unit in the accusative is that unit's kind
    ("كم طنا من التمور صدّرت تونس؟", "measure"),
    ("كم لترا من الوقود ينتج الهكتار؟", "measure"),
    ("كم دينارا دفع النادي؟", "money"),
    # a verb, an adverb or a number after «كم» may be answered by any amount
    ("كم بلغت الصادرات؟", "count"),
    ("بكم نما الناتج؟", "count"),
    ("كم تقريبا يبلغ الإنتاج؟", "count"),
    ("كم مليونا خسرت الشركة؟", "count"),
    # a year after a unit word says when, not the unit asked
    ("وكم أصبح سنة 2012؟", "count"), ("كم بلغ الإنتاج عام 2016؟", "count"), ("كم سنة استمرت الحرب؟", "duration"),
    # nor does «سنة»/«عام» right after «كم» when a year follows it: when, not how many years
    ("الدولة صرفت كم سنة 2016 لتعويض الفلاحين؟", "count"), ("كم عام 2015 بلغ العجز؟", "count"),
    ("كم سنة 1000 يوم؟", "duration"),
    # English "how many" asks a count of its noun, or in its unit
    ("How many people in Egypt use cannabis?", "number"),
    ("How many minutes did the meeting last?", "duration"),
    ("How many kilometres did the plane fly?", "measure"),
    ("How many of the players scored?", "count"),
])
def test_how_many_of_a_noun_asks_for_a_count(question, kind):
    assert expected_type(question) == kind


def test_a_count_of_a_noun_is_not_answered_by_an_amount_with_its_own_unit():
    assert not type_match("number", "وعلى طول حوالي 30 كلم يحمل القطار ركابه")
    assert not type_match("number", "سجلت الصادرات نموا بنسبة 76%")
    assert type_match("number", "تتسع العربات الثلاث لنحو 120 راكبا")


@pytest.mark.parametrize("passage, phrase", [
    ("صدّرت تونس 500 طنا من التمور", "500 طنا"),
    ("بلغ الإنتاج 300 ألف قنطار", "300 ألف قنطار"),
    ("ينتج الحقل 40 ألف برميل يوميا", "40 ألف برميل"),
    ("حجز 12 كلغ من القنب الهندي", "12 كلغ"),
    ("بسعة 2700 لترا", "2700 لترا"),
    # areas in the units of the Levant and of Egypt, besides the hectare
    ("تبلغ مساحتها 25 الف دونم", "25 الف دونم"), ("على مساحة 300 فدان", "300 فدان"),
    ("صادرت سلطات الاحتلال 500 دونما من أراضي القرية", "500 دونما"),
])
def test_weights_and_volumes_in_any_case_are_measures(passage, phrase):
    assert phrase in [s.text for s in typed_spans(passage) if s.kind == "measure"]


@pytest.mark.parametrize(("question", "passage", "marked"), [
    ("من رئيس الفريق الذي أُحيل ملفه على لجنة التأديب؟",
     "قررت الجامعة إحالة ملف رئيس النادي الصفاقسي منصف خماخم على لجنة التأديب", "منصف خماخم"),
    ("من هو الأستاذ الذي يؤطر الفريق في المسابقة؟",
     "ويؤطر الفريق الأستاذ حاتم سليمان من الجمعية التونسية لمستقبل العلوم", "حاتم سليمان"),
    # the holder of the office asked for, not another person the sentence names
    ("من هو نقيب الفنانين الموسيقيين؟",
     "أكد نقيب الفنانين الموسيقيين، مقداد السهيلي أن تمثال الفنان علي الرياحي عالق بمطار تونس", "مقداد السهيلي"),
])
def test_a_who_question_marks_the_person_before_an_organisation(question, passage, marked):

    span = best_span(analyse(standard_arabic(question)), passage)
    assert span is not None and span.text == marked


@pytest.mark.parametrize(("passage", "organisations"), [
    ("وتفيد إحصائيات للشركة السياحية التي تستغل القطار", ["للشركة السياحية"]),  # not into the relative clause
    ("وسعيا لإنقاذ الشركة التي تعاني من ارتفاع مديونيتها", []),  # a head with no name is no organisation
    # behind «ل» after an adjective, more of the name; «المنظمة» there is the adjective, no head of its own
    ("وقالت اللجنة المنظمة لمونديال 2022 إن", ["اللجنة المنظمة لمونديال"]),
])
def test_an_organisation_name_stops_at_a_function_word(passage, organisations):
    assert [s.text for s in typed_spans(passage) if s.kind == "organisation"] == organisations


@pytest.mark.parametrize(("passage", "person"), [
    # a body's purpose behind «ل» is more of the title's complement when a name follows it
    ("أكد الناطق الرسمي باسم المحكمة الابتدائية بتونس والقطب القضائي لمكافحة الإرهاب سفيان السليطي، أن", "سفيان السليطي"),
    ("وأكد رئيس الغرفة الوطنية لأصحاب المخابز محمد بوعنان في تصريح", "محمد بوعنان"),
    # a given name written with «ل» is the name itself
    ("أكد الكاتب العام لنقابة التعليم الثانوي لسعد اليعقوبي في تصريح", "لسعد اليعقوبي"),
    ("وقالت وزيرة المالية لمياء الزريبي التي توقعت", "لمياء الزريبي"),
])
def test_a_purpose_behind_li_is_part_of_a_titles_complement(passage, person):
    assert [s.text for s in typed_spans(passage) if s.kind == "person"] == [person]


@pytest.mark.parametrize(("passage", "kind", "phrase"), [
    # a number after a part of the day, with a noun after it, counts that noun: no clock time
    ("تمكن الأعوان مساء أمس من إيقاف 61 شخصا مفتشا عنهم", "count", "61"),
    ("ألقت الوحدات الأمنية بقفصة مساء الأحد القبض على 3 أشخاص", "count", "3"),
    ("على الساعة العاشرة مساء", "clock", "الساعة العاشرة"),
    ("يبدأ الاقتراع في الساعة الرابعة مساء بالتوقيت المحلي (1300 بتوقيت غرينتش)", "clock", "1300"),
])
def test_a_number_after_a_part_of_the_day(passage, kind, phrase):
    assert phrase in [s.text for s in typed_spans(passage) if s.kind == kind]


def test_an_arrest_of_people_is_no_penalty_of_that_many():
    """«إيقاف 61 شخصا» arrests 61 people; «إيقاف 3 مباريات» suspends for three matches."""
    assert [s.text for s in typed_spans("تم إيقاف 61 شخصا") if s.kind == "penalty"] == ["إيقاف"]
    assert [s.text for s in typed_spans("عقوبة إيقاف 3 مباريات") if s.kind == "penalty"] == ["إيقاف 3 مباريات"]
    assert [s.text for s in typed_spans("وتغريمه 500 دينارا") if s.kind == "penalty"] == ["وتغريمه 500 دينارا"]


@pytest.mark.parametrize(("passage", "organisations"), [
    # «العام» (general) after the head is part of the name, not "the year" ending it
    ("دعا الاتحاد العام التونسي للشغل اليوم الاثنين، الحكومة", ["الاتحاد العام التونسي للشغل"]),
    ("قررت الهيئة العامة للسجون والإصلاح", ["الهيئة العامة للسجون والإصلاح"]),
    ("نظمت الجمعية العام الماضي تظاهرة", []),  # «العام الماضي»: last year, a date
    ("وهو ما أكده الاتحاد العام.", []),  # a head and «العام» alone name no one
])
def test_general_after_an_organisations_head_is_part_of_its_name(passage, organisations):
    assert [s.text for s in typed_spans(passage) if s.kind == "organisation"] == organisations


@pytest.mark.parametrize("passage, kind, phrase", [
    # a space the writer left out between Arabic letters and digits
    ("لتستقر نسبة التضخم في حدود3.7 % خلال الشهر", "percent", "3.7"),
    ("صدر القرار في ماي2017 بعد نقاش", "date", "ماي2017"),
    ("ارتفعت الصادرات بنسبة 3.7بالمائة", "percent", "3.7بالمائة"),
    # the percent sign after a space
    ("تطمح تونس إلى إنتاج 12 % من حاجياتها", "percent", "12"),
    # a figure and a Latin unit written together are an amount
    ("ذاكرة التخزين : 64GB يمكن زيادتها", "measure", "64GB"),
    # a clitic before a number is no missing space, nor part of the amount (a tatweel after it either)
    ("بيعت التذكرة بـ20 دينارا", "money", "20 دينارا"),
])
def test_numbers_glued_to_words_or_signs_apart_are_read(passage, kind, phrase):
    assert phrase in [s.text for s in typed_spans(passage) if s.kind == kind]


def test_digits_in_latin_names_stay_names():
    assert [s.text for s in typed_spans("هاتف S7 وهاتف PHAB2 Pro") if s.kind == "quoted"] == ["S7", "PHAB2 Pro"]


@pytest.mark.parametrize(("phrase", "calendar"), [
    ("20 أوت 2016", True), ("جانفي", True), ("بجانفي", True), ("2014", True),
    ("الخميس", False), ("اليوم", False), ("الأسبوع المقبل", False), ("الأب", False),
])
def test_a_date_of_the_calendar_names_a_day_a_month_or_a_year(phrase, calendar):
    from index.phrases import is_calendar_date

    assert is_calendar_date(phrase) is calendar


@pytest.mark.parametrize("passage", [
    "انعقد مجلس وزاري بإشراف رئيس الحكومة اقر الإسراع في انجاز الميناء.",
    "وقال وزير الخارجية أكد أن المحادثات مستمرة.",
])
def test_a_verb_right_after_a_title_is_no_name(passage):
    assert [s for s in typed_spans(passage) if s.kind == "person"] == []


@pytest.mark.parametrize(("noun", "window", "named"), [
    ("الملعب", "احتضن ملعب رادس النهائي.", True),
    ("الحركه", 'وقال البيان "كانت حركة "إلى الأمام" ضحية لعملية تسلل".', True),  # a quoted name
    ("الملعب", "احتضن الملعب النهائي.", False),  # the noun and a word the question says
    ("الجامعه", "درس في الجامعة.", False),
])
def test_a_noun_named_is_followed_by_a_new_word_or_a_quoted_name(noun, window, named):
    from bot.answer_type import noun_named, question_words

    assert noun_named((noun,), window, question_words("ما اسم الملعب الذي احتضن النهائي؟")) is named


@pytest.mark.parametrize(("text", "phrase", "doubted"), [
    ("من غير المرجح أن يلتقيا الأسبوع المقبل، لكن من الممكن أن يتحدثا هذا الأسبوع مجددا.", "هذا الأسبوع", True),
    ("من غير المرجح أن يلتقيا الأسبوع المقبل، لكن من الممكن أن يتحدثا هذا الأسبوع مجددا.", "الأسبوع المقبل", True),
    ("وقد يلتقي الوزيران يوم الخميس في العاصمة.", "يوم الخميس", True),
    ("وربما ينطلق البرنامج في شهر مارس.", "مارس", True),
    ("وقد تم الاتفاق يوم الخميس على البرنامج.", "يوم الخميس", False),  # «قد» before a past verb: a fact
    ("وقال الوزير إنه من الممكن تحسين الخدمات، وانطلق البرنامج يوم الخميس.", "يوم الخميس", False),  # another clause
    ("وأعلن الوزير يوم الخميس انطلاق البرنامج.", "يوم الخميس", False),
])
def test_a_date_in_a_clause_of_doubt(text, phrase, doubted):
    from bot.answer_type import in_doubt

    assert in_doubt(text, phrase) is doubted


@pytest.mark.parametrize(("question", "allows"), [
    ("متى قد يتحدث روبيو ولافروف مرة أخرى؟", True), ("إلى كم يمكن أن تمتد فترة التجميد؟", True),
    ("When might the two ministers talk again?", True), ("متى من المتوقع أن يصدر الحكم؟", True),
    ("ما الموعد الجديد الذي حُدد للاجتماع؟", False), ("متى يلتقي الوزيران؟", False),
    # the possibility asked with the article or a preposition on it, or in English as an adjective
    ("هل من الممكن أن يتأجل الحكم، ومتى؟", True), ("متى بالإمكان أن تُفتح الحدود؟", True),
    ("Is it possible that the talks resume, and when?", True),
])
def test_a_question_that_allows_doubt(question, allows):
    from bot.answer_type import allows_doubt

    assert allows_doubt(question) is allows


def test_years_in_apposition_after_a_name_are_an_age_and_other_years_a_duration():
    spans = [(s.kind, s.text) for s in typed_spans("احتفل كين هاريس، 102 عاما، بمرور 80 عاما على زواجهما، بعد 10 سنوات")]
    assert ("age", "102 عاما") in spans and ("duration", "80 عاما") in spans and ("duration", "10 سنوات") in spans


@pytest.mark.parametrize(("passage", "score"), [
    ("وانتهت المباراة بفوز الترجي 2-1 على النادي الإفريقي.", "2-1"),
    ("وتعادل الفريقان (1 - 1) في الديربي.", "(1 - 1)"),
    ("فاز الفريق بهدفين مقابل هدف في مباراة الذهاب.", "بهدفين مقابل هدف"),
    ("وحسمت النتيجة بفوز ب 8 اهداف مقابل 3 اهداف.", "8 اهداف مقابل 3 اهداف"),
    ("فاز بثلاثة أهداف لهدفين.", "بثلاثة أهداف لهدفين"),
    ("وفاز النجم بهدف نظيف.", "بهدف نظيف"),
    ("حقق فوزا بثلاثية نظيفة.", "بثلاثية نظيفة"),
    ("وانتهى اللقاء بالتعادل السلبي.", "بالتعادل السلبي"),
    ("وانتهت المباراة بالتعادل.", "بالتعادل"),
    ("فاز الفريق 2 مقابل 1 على ضيفه.", "2 مقابل 1"),
    ("وخسر بهدفين مقابل ثلاثة.", "بهدفين مقابل ثلاثة"),
])
def test_a_match_score_is_a_typed_phrase(passage, score):
    assert score in [s.text for s in typed_spans(passage) if s.kind == "score"]
    assert type_match("score", passage)


@pytest.mark.parametrize(("passage", "penalty"), [
    ("وقضت المحكمة بسجنه مدة خمس سنوات مع النفاذ العاجل.", "بسجنه مدة خمس سنوات"),
    ("يعاقب بالسجن 5 سنوات كل من يخالف القانون.", "بالسجن 5 سنوات"),
    ("قرر المكتب ايقاف المدافع لمباراتين وتغريمه ب5000 دينار.", "وتغريمه ب5000 دينار"),
    ("تسليط خطية مالية بقيمة 5000 دينار على النادي.", "خطية مالية بقيمة 5000 دينار"),
    ("وحكم عليه بالإعدام.", "بالإعدام"),
    ("تسليط عقوبة مباراة دون حضور الجمهور على الفريق.", "مباراة دون حضور الجمهور"),
])
def test_a_penalty_is_a_typed_phrase_with_its_amount_or_time(passage, penalty):
    assert penalty in [s.text for s in typed_spans(passage) if s.kind == "penalty"]


@pytest.mark.parametrize("passage", [
    "وارتفعت المداخيل خلال الفترة 2009-2010.",  # years
    "تفتح الأبواب على الساعة 13:00 وتغلق على الساعة 16.00.",  # times of day
    "وتراجع الإنتاج في الثلاثية الأولى من العام.",  # a quarter of the year
    "وتتراوح أعمارهم بين 15-17 سنة بنسبة 10-20%.",  # a range of ages, of percentages
    "وتراوحت النسبة بين 15 مقابل 20 بالمائة.",
    "وهو ما يعادل 5 دنانير.",
    "ويكفيهم الفوز في مباراة اليوم أو التعادل معها.",  # a draw hoped for
    "أجرى الفريق حصة تدريبية استعدادا للمباراة.",  # a match named, no score
])
def test_other_figures_are_no_match_score(passage):
    assert not type_match("score", passage)


RESULTS = ("المجموعة الثانية : قرمبالية الرياضية – جمعية أريانة 1 - 2 سكك الحديد الصفاقسي – الملعب الصفاقسي 2 - 1 "
           "أولمبيك مدنين – الملعب التونسي 1 - 1")


@pytest.mark.parametrize(("question", "score"), [
    ("ما نتيجة مباراة سكك الحديد الصفاقسي والملعب الصفاقسي؟", "2 - 1"),  # not the score before its teams
    ("ما نتيجة مباراة قرمبالية الرياضية وجمعية أريانة؟", "1 - 2"),
])
def test_a_score_in_a_list_of_results_is_the_one_after_its_teams(question, score):
    assert best_span(analyse(standard_arabic(question)), RESULTS).text == score


def test_a_team_in_a_table_of_standings_is_no_answer_to_who_scored_for_it():
    """«الإتحاد المنستيري 29» repeats the question's team but for its points: no name to mark."""
    standings = "الترتيب : 1- الإتحاد المنستيري 29 ن 2- الملعب الإفريقي بمنزل بورقيبة 24 ن"
    span = best_span(analyse("من سجل هدف الإتحاد المنستيري؟"), standings)
    assert span is None or "المنستيري" not in span.text


@pytest.mark.parametrize(("phrase", "vague"), [
    ("العشرات", True), ("مئات", True), ("عشرات الآلاف", True), ("عدة", True), ("بضعة", True),
    ("12", False), ("3 آلاف", False), ("نحو 100 ألف", False), ("مئات الوثائق", False),
])
def test_a_word_for_many_is_no_figure(phrase, vague):
    from bot.answer_type import vague_quantity

    assert vague_quantity(phrase) is vague


@pytest.mark.parametrize(("question", "exactly"), [
    ("كم طفلا قُتل بالضبط في منبج؟", True),
    ("كم رسالة بالتحديد تضمنتها الوثائق؟", True),
    ("ما الكمية التي تشتريها تونس تحديداً؟", True),
    ("قداش دفعو بالظبط؟", True),
    ("Exactly how many computers were hit?", True),
    ("كم طفلا قتل في منبج؟", False),
    ("How many computers were hit?", False),
])
def test_a_question_may_ask_for_the_exact_figure(question, exactly):
    from bot.answer_type import asks_exactly

    assert asks_exactly(question) is exactly


@pytest.mark.parametrize(("question", "noun"), [
    ("كم يبلغ سعر الطن الواحد من القمح اللين؟", "الطن"),
    ("بكم مليما سيرتفع سعر اللتر الواحد من الحليب؟", "اللتر"),
    ("وكم تبلغ سعة تخزينها للغرام الواحد؟", "للغرام"),
    ("ما تكلفة الرحلة الواحدة؟", "الرحله"),
    ("شيصير لو الواحد ما دفع الفدية؟", None),  # dialect's «one», no noun before it
    ("كم واحد شارك في الدراسة؟", None),
    ("كم سعر الطن من القمح؟", None),
])
def test_a_question_may_ask_an_amount_for_one_of_something(question, noun):
    from bot.answer_type import per_unit_noun

    assert per_unit_noun(question) == noun


@pytest.mark.parametrize(("question", "kind"), [
    ("بأي نتيجة انتهت مباراة الترجي والنادي الإفريقي؟", "score"),
    ("ما النتيجة النهائية لمباراة الأولمبي الباجي ونجم المتلوي؟", "score"),
    ("بكم فاز الترجي في الديربي؟", "score"),
    ("شنوة نتيجة الماتش؟", "score"),
    ("What was the final score of the match?", "score"),
    # a result that is no match's («لقاء», «قمة»), and a win counted in votes
    ("ما النتيجة التي خرج بها لقاء أنكوريج؟", "other"),
    ("بأي نتيجة انتهت قمة ألاسكا بين الرئيسين؟", "other"),
    ("بكم صوت فاز المرشح؟", "count"),
    # money by the verb or noun after «كم» (spending, earning, a fine, capital) or counted in a partitive
    ("كم أنفقت تونس على توريد السكر؟", "money"),
    ("كم يتقاضى المدرب شهريا؟", "money"),
    ("كم بلغت الخطية المسلطة على الفريق؟", "money"),
    ("كم يبلغ رأس مال الصندوق؟", "money"),
    ("كم تنوي الشركة استثمار من الأموال في المشروع؟", "money"),
    ("شحال ديال الفلوس غادي ياخد الفائز؟", "money"),
    # "when" asks a date at the start of an English question, not inside it
    ("When did Rubio and Lavrov speak?", "date"),
    ("And when was it carried out?", "date"),
    ("What number do you get when you divide the two distances?", "other"),
    ("How old was Emmanuel Macron when he took office?", "age"),
    # or what is spent, as «ما» + a verb of spending (a newcomer's question was read as a count)
    ("إلى كم سيصل مجموع ما تنفقه دول الشرق الأوسط على التسلح كل عام؟", "money"),
    ("كم يبلغ ما يتقاضاه اللاعب سنويا؟", "money"),
    # a noun counted right after «كم» comes first; money said elsewhere is no partitive
    ("كم شخصا استفاد من المال العام؟", "number"),
    ("كم شخصا ينفق ما يتقاضاه؟", "number"),
    ("السوّاق كان هياخد كام مقابل نقل الفلوس دي؟", "count"),
    # an average age is an age
    ("كم كان متوسط أعمار المشاركين في الدراسة؟", "age"),
    # a penalty
    ("ما العقوبة التي سلطتها الرابطة على المدافع؟", "penalty"),
    ("وما العقوبة الأخرى المسلّطة عليه؟", "penalty"),
    ("ما هي العقوبات التي ينص عليها القانون؟", "penalty"),
    ("بأي حكم عوقب المتهم؟", "penalty"),
    ("What penalty did the league impose on the club?", "penalty"),
    # the noun asked about says the type: how much («ما حجم/مقدار/كمية…»), a country or a town, an hour,
    # years
    ("ما حجم التمويل الذي خصصه البنك للبرنامج؟", "count"),
    ("ما هو مقدار الزيادة في الأجور؟", "count"),
    ("ما كمية الأمطار التي سجلت أمس؟", "count"),
    ("ما حجم أموال الفساد المصادرة؟", "money"),
    ("ما البلد الذي استضاف الدورة السابقة؟", "place"),
    ("ما هي الدول التي قاطعت الاجتماع؟", "place"),
    ("وما المدن التي زارها الوفد؟", "place"),
    ("What city hosted the final?", "place"),
    ("How big is the credit line for seasonal loans?", "count"),
    ("ما الساعة التي يفتح فيها المكتب أبوابه؟", "clock"),
    ("في أي سنوات تولى رئاسة النادي؟", "year"),
])
def test_expected_type_of_scores_money_ages_persons_and_penalties(question, kind):
    assert expected_type(standard_arabic(question)) == kind


@pytest.mark.parametrize(("word", "nationality"), [
    *[(word, True) for word in ("التونسية", "الفرنسيين", "والأمريكي", "سعودي", "الألماني", "البريطانية",
                                "الجزائريون", "الإيطالية", "اليابانية", "للتونسيين",
                                "الإنجليزي", "الإيفواري", "النمساوي",  # nisbas not built on the name as written
                                "الألمان", "والروس", "الأتراك", "للإسبان")],  # broken plurals
    # other adjectives in «ي»/«ية» (not «المالية»: «مالي» is no country here), «مجريات», a country's name
    *[(word, False) for word in ("المالية", "الدولية", "العالمي", "العربية", "الأوروبية", "الجنوبية", "البحرية",
                                 "مجريات", "تونس", "الوطنية", "رؤوس", "ألمانيا")],
])
def test_a_nisba_of_a_country_is_a_nationality(word, nationality):
    from index.countries import is_nationality
    from index.normalize import normalize_arabic

    assert is_nationality(normalize_arabic(word)) is nationality


@pytest.mark.parametrize("question", ["ما جنسية الدكتور ستيفان ويكتور؟", "شو جنسية المرا اللي اختفت؟",
                                      "من أي جنسية اللاعب الجديد؟", "What nationality is the coach?",
                                      "ما جنسيات المهاجرين الذين أُنقذوا؟", "What were the nationalities of the migrants?"])
def test_a_nationality_question_wants_a_nationality(question):
    assert expected_type(standard_arabic(question)) == "nationality"
    assert type_match("nationality", "وقال الباحث البريطاني جون سميث إن الدراسة مهمة.")
    assert not type_match("nationality", "وقال الباحث جون سميث إن الدراسة العالمية مهمة.")
    assert not type_match("nationality", "قال حرس السواحل الإيطالي إنه أنقذ 484 مهاجرا.")  # a body's nisba


@pytest.mark.parametrize("passage", [
    "وقال ممثل البنك إن تونس تخسر 800 مليون دولار سنويا جراء الأزمة الليبية.",  # a crisis's
    "وتواصل تدني سعر صرف الدينار التونسي مقارنة بالعملات الأجنبية.",  # a currency's
    "وأكد البيان مركزية القضية الفلسطينية في العمل العربي المشترك.",  # a cause's
    "وقال إن الاقتصاد التونسي يواجه صعوبات كبيرة منذ الثورة السورية.",  # an economy's, a revolution's
])
def test_a_nisba_of_a_thing_is_no_ones_nationality(passage):
    assert not type_match("nationality", passage)


@pytest.mark.parametrize(("question", "origin"), [
    ("في أي سنة ولد الكاتب؟", True), ("متى تأسست الشركة؟", True), ("في أي عام أُنشئت الشركة؟", True),
    ("متى تم تأسيس الحزب؟", True), ("When was the company founded?", True), ("In what year was he born?", True),
    ("متى تم بعث المركز؟", True),  # Tunisian «بعث»: set up
    # «تأسيس» as the object of another verb; «أحدث» is also "the newest"
    ("في أي يوم كشف المرزوقي عن تأسيس حزبه؟", False), ("متى صدر أحدث تقرير؟", False), ("متى عقد الاجتماع؟", False),
    # a tenure's start: taking up a post, being appointed or elected, joining a body
    ("متى تولى فائز السراج رئاسة الحكومة؟", True), ("متى تسلّم ماركو روبيو حقيبة الخارجية؟", True),
    ("متى بدأت السفيرة مهامها في تونس؟", True), ("متى عُيّن مدربا للفريق؟", True),
    ("في أي تاريخ انضم إلى الحزب؟", True), ("When did he take office?", True), ("When was she appointed?", True),
    # receiving a thing, a meeting's start
    ("متى يتسلم المنتفعون مساكنهم؟", False), ("متى بدأ الاجتماع؟", False), ("متى بدأت الحرب؟", False),
    # an English participle after a determiner describes a noun; the question asks about another event
    ("In what year was the country's first freely elected president removed from power?", False),
    ("When was the newly founded party banned?", False),
    ("When was Macron officially elected president?", True), ("When was he first elected to parliament?", True),
])
def test_a_when_question_may_ask_for_a_birth_or_a_founding(question, origin):
    from bot.answer_type import origin_asked

    assert (origin_asked(question) is not None) is origin


@pytest.mark.parametrize(("text", "told"), [
    ("أنه من مواليد سنة 1988", True), ("كانت أحدثت منذ سنة 1958", True), ("ولد في مانشستر عام 1994", True),
    ("تأسست سنة 1897", True), ("قال المؤسس الراحل", True), ("تم بعث المركز سنة 2010", True),
    ("قام بتكوين الشركة خلال شهر نوفمبر 2015", True),
    ("أعلنت المؤسسة الجمعة أنها", False), ("ارتفع الإنتاج سنة 2015", False),
    ("وكان قد تولى مهامه في جانفي 2016", True), ("منذ تعيينه على رأس الوزارة سنة 2015", True),
    ("منذ انضمامه إلى الحزب في 2014", True),
    ("أكد الأمين العام للحزب اليوم الخميس أن الأمانة العامة حمل ثقيل", False),
    # events and a mission are no creating or sending
    ("تطورات الأحداث في سوريا منذ 2011", False), ("تم إحداث الشركة سنة 1990", True),
    ("وصلت البعثة الأممية يوم الاثنين", False),
])
def test_an_answer_may_tell_a_birth_or_a_founding(text, told):
    from bot.answer_type import tells_origin

    assert tells_origin(text) is told


@pytest.mark.parametrize(("question", "text", "told"), [
    # each start by its own words: elections tell a tenure's start, not a founding
    ("متى أسس جان ماري لوبان الجبهة الوطنية؟", "وصل إلى الدورة الثانية من الانتخابات الرئاسية العام 2002", False),
    ("متى انتُخب رئيسا للبلاد؟", "فاز في الانتخابات الرئاسية العام 2014", True),
    ("متى تأسست الجبهة الوطنية؟", "تأسست الجبهة الوطنية سنة 1972", True),
    ("في أي سنة وُلد الكاتب؟", "تأسست الجمعية التي يرأسها سنة 1990", False),
    ("في أي سنة وُلد الكاتب؟", "وهو من مواليد سنة 1948", True),
    ("When was the party founded?", "منذ انتخابه سنة 2014", False),
])
def test_an_answer_tells_the_start_the_question_asks_about(question, text, told):
    from bot.answer_type import origin_asked, tells_origin

    assert tells_origin(text, kind=origin_asked(question)) is told


def test_the_sentence_holding_the_marked_date_must_tell_the_founding():
    from bot.answer_type import tells_origin

    joined = "أعلنت الشركة يوم الجمعة إطلاق خط جديد. وتأسست شركة المياه سنة 1975."
    assert not tells_origin(joined, "الجمعة")
    assert tells_origin(joined, "1975")


@pytest.mark.parametrize(("question", "country"), [
    ("من أي بلد جاء الأطباء؟", True), ("ما الدول التي استوردت زيت الزيتون؟", True),
    ("لأي دولة ينتمي المشروع؟", True), ("ما هي الدول الست المشمولة بالحظر؟", True),
    ("Which countries took part in the festival?", True), ("الستات الأقصر بيكونوا من أنهي بلد؟", True),
    # a town, a municipality, a currency: not a country
    ("في أي مدينة أقيمت البطولة؟", False), ("في أي بلدية يقع المشروع؟", False), ("ما قيمة الدولار؟", False),
])
def test_a_question_asking_which_country(question, country):
    assert analyse(standard_arabic(question)).country is country


@pytest.mark.parametrize(("answer", "names"), [
    ("وصدّرت تونس أغلب إنتاجها إلى إسبانيا وإيطاليا.", True),
    ("وأنجز المشروع فريق علمي سويدي.", True),  # a nationality
    ("أُقيمت البطولة في بودابست.", True),  # a town in a country
    # only the country the question already names, or none
    ("وحققت أسعار زيت الزيتون التونسي تحسنا بنسبة 19 بالمائة.", False),
    ("وارتفعت الأسعار هذا العام بشكل ملحوظ.", False),
])
def test_an_answer_naming_a_country_the_question_does_not(answer, names):
    from bot.answer_type import names_a_country

    question = analyse("ما الدول التي استوردت زيت الزيتون التونسي؟")
    assert names_a_country(answer, question.asked) is names


@pytest.mark.parametrize(("text", "months"), [
    ("كم حالة رُصدت خلال شهر جانفي؟", {1}), ("تقرير شهر فيفري", {2}), ("في آذار", {3}), ("بمارس 2017", {3}),
    ("in March", {3}), ("أفريل وماي", {4, 5}), ("كانون الثاني", {1, 12}),  # «كانون»: the first or the second
    # the article's «الأب» is no «آب», nor a door «باب»; English "may" is the verb
    ("زار الأب ابنه", set()), ("فتح الباب", set()), ("What may happen next?", set()),
])
def test_the_months_a_text_names(text, months):
    from bot.answer_type import months_named

    assert months_named(text) == months


@pytest.mark.parametrize(("text", "weekdays"), [
    ("مع من أجرى ترامب اتصالاً هاتفياً يوم الخميس؟", {4}), ("وأجرى روبيو ولافروف، الاثنين، مكالمة", {1}),
    ("on Thursday and Friday", {4, 5}), ("وبالأحد وللسبت", {7, 6}), ("فيما قال الإثنين", {1}),
    # bare «أحد» is "one", «واحد» too; «أحد عشر» is eleven
    ("أحد المسؤولين قال", set()), ("واحد منهم", set()), ("أحد عشر لاعبا", set()),
])
def test_the_weekdays_a_text_names(text, weekdays):
    from bot.answer_type import weekdays_named

    assert weekdays_named(text) == weekdays


@pytest.mark.parametrize(
    ("question", "passage", "kind", "left"),
    [
        # a name an English question spells in Latin script is no answer to it, in its Arabic spelling
        ("What is the name of the White House press secretary whom Anna Kelly serves as deputy?",
         "وقالت نائبة السكرتيرة الصحفي للبيت الأبيض، آنا كيلي، لشبكة CNN: إن", "person", []),
        ("Who chairs the Machrou Tounes parliamentary bloc that dismissed Walid Jallad?",
         "أعلنت كتلة مشروع تونس إقالة النائب وليد جلاد من رئاستها", "person", []),
        # another name stays an answer
        ("Who leads the Tunisian delegation alongside Walid Jallad?",
         "يترأس الوفد وزير الخارجية خميس الجهيناوي رفقة النائب وليد جلاد", "person", ["خميس الجهيناوي"]),
        # and so does a name in an Arabic question's passage that only sounds like an English word
        ("من يرأس الوفد؟", "يترأس الوفد وزير الخارجية خميس الجهيناوي", "person", ["خميس الجهيناوي"]),
    ],
)
def test_a_name_the_question_spells_in_latin_script_is_not_its_answer(question, passage, kind, left):
    info = analyse(standard_arabic(question))
    assert [s.text for s in spans_of_kinds((kind,), typed_spans(passage), info.asked)] == left


@pytest.mark.parametrize(("question", "city"), [
    ("في أي مدينة انعقدت الندوة؟", True), ("إلى أي مدينة نُقلت السفارة؟", True), ("من أي قرية ينحدر؟", True),
    ("In which city was the agreement signed?", True), ("Which town will host the final?", True),
    ("في أي عاصمة أوروبية سيلتقيان؟", True), ("Which capital will host the summit?", True),
    # a region, a state, a street or «جهة» (as often a body as a region) is no city
    ("في أي ولاية أمريكية يقع المقر؟", False), ("في أي منطقة نصب الكمين؟", False), ("من أي جهة صدر البيان؟", False),
    ("Which region did he visit?", False), ("في أي بلد ستعقد القمة؟", False),
])
def test_which_questions_ask_for_a_city(question, city):
    assert asks_which_city(question) is city


@pytest.mark.parametrize(("question", "place"), [
    ("في أي مدينة انعقدت الندوة؟", True), ("إلى أي ولاية تنتمي جهة السلاطنية؟", True),
    ("ما الولاية التي سجلت أكبر عدد من الإصابات؟", True), ("ما هي الولايات التي ستحتضن المناطق الصناعية؟", True),
    ("على أي ملعب دارت المباراة؟", True), ("In which country will the summit take place?", True),
    # «جهة» is as often a body, «مكان», «منطقة» and a US state a place named bare, a country in Arabic one
    # named by its town or a nisba; «أين» asks no kind of place
    ("من أي جهة صدر البيان؟", False), ("في أي مكان أقيم الحفل؟", False), ("في أي منطقة نُصب الكمين؟", False),
    ("في أي ولاية أمريكية يقع المقر؟", False), ("ما الدول التي صوتت للقرار؟", False), ("أين عقدت الندوة؟", False),
    ("ما الحزب الذي فاز؟", False),
])
def test_which_questions_ask_for_a_place_an_answer_types(question, place):
    from bot.answer_type import asks_which_place

    assert asks_which_place(question) is place


def test_per_day_is_no_relative_date():
    assert not [s for s in typed_spans("يصل إنتاج المخبزة في اليوم الواحد إلى ألف رغيف") if s.kind == "relative_date"]


@pytest.mark.parametrize(("question", "marked"), [
    ("في أي جامعة تدرّس آمال قرامي؟", "جامعة منوبة"),
    ("ما الجامعة التي تدرس فيها آمال قرامي؟", "جامعة منوبة"),
    ("في أي جامعة منوبة تدرس آمال قرامي؟", None),  # the question already says it
])
def test_a_which_question_marks_the_name_its_noun_heads(question, marked):
    """«في أي جامعة…؟» is answered by the university's name, without the «ب» written on it (a newcomer's
    «بجامعة منوبة» was not marked)."""
    passage = "أما الأستاذة الجامعية بقسم العربية بكلية الاداب والفنون والانسانيات بجامعة منوبة، آمال قرامي، فقد أوضحت أن"
    span = best_span(analyse(standard_arabic(question)), passage)
    assert (span.text if span else None) == marked


@pytest.mark.parametrize(("question", "marked"), [
    ("متى ينتهي إضراب القضاة؟", "الاربعاء 29 مارس 2017"),
    ("ومتى ينتهي؟", "الاربعاء 29 مارس 2017"),
    ("متى يبدأ إضراب القضاة؟", "الاثنين 27 مارس 2017"),
])
def test_when_something_ends_or_starts_marks_that_end_of_the_range(question, marked):
    """«متى ينتهي…؟» over «بداية من يوم الاثنين… إلى غاية يوم الاربعاء…» is the closing date, not the nearer
    opening one (a newcomer's «ومتى ينتهي؟» was marked «الاثنين»)."""
    passage = ("أعلن أعضاء المجلس الوطني لجمعيّة القضاة التّونسيين الدّخول في إضراب عام لمدّة ثلاثة أيّام بداية من "
               "يوم الاثنين 27 مارس 2017 إلى غاية يوم الاربعاء 29 مارس 2017.")
    assert best_span(analyse(standard_arabic(question)), passage).text == marked


@pytest.mark.parametrize(("question", "marked"), [
    ("ما اسم المخبز الذي كان متجها إليه؟", None),  # the names quoted are a website's and a newspaper's
    ("ما اسم الموقع الذي نقل الخبر؟", "العربية"),
    ("ما اسم الصحيفة الأمريكية التي نقل عنها الموقع؟", "واشنطن بوست"),
])
def test_a_quoted_name_answers_a_name_asked_by_its_noun_only_after_that_noun(question, marked):
    """«ما اسم المخبز…؟» is not answered by «…موقع "العربية"»: a quoted name is the name of the noun
    right before it (a blind set's near miss was answered with the website)."""
    passage = ('غادر فراشه باكرا ليقود سيارته صوب عمله، حسبما ذكر موقع "العربية" نقلا عن صحيفة "واشنطن بوست" '
               "الأميركية.")
    span = best_span(analyse(standard_arabic(question)), passage)
    assert (span.text if span else None) == marked


@pytest.mark.parametrize(("question", "marked"), [
    ("إلى متى سيتواصل احتجاج المحامين؟", "الخميس 14 ماي"),
    ("لين متى بيستمر احتجاج المحامين؟", "الخميس 14 ماي"),
    ("متى استأنف المحامون احتجاجهم؟", "اليوم الاثنين"),  # not until when: the nearer date
])
def test_until_when_marks_the_date_that_ends_it(question, marked):
    """«إلى متى…؟» over «…اليوم الاثنين… إلى غاية يوم الخميس 14 ماي» is the date after «إلى غاية», though
    the passage opens no range (a blind set's was refused)."""
    passage = ("أكد العميد أن المحامين استأنفوا احتجاجهم اليوم الاثنين، بمقاطعة الجلسات وتأجيل القضايا، "
               "إلى غاية يوم الخميس 14 ماي الجاري.")
    assert best_span(analyse(standard_arabic(question)), passage).text == marked


@pytest.mark.parametrize(("question", "marked"), [
    ("كم قد يصل سعر كيس الإسمنت؟", "13 دينارا"), ("إلى كم سيرتفع سعر الكيس؟", "13 دينارا"),
    ("كم سعر كيس الإسمنت حاليا؟", "7.5 دينار"),  # no verb of reaching: the nearer amount
])
def test_what_an_amount_reaches_marks_the_end_of_its_range(question, marked):
    """«كم قد يصل سعر الكيس؟» over «…ارتفاع سعر كيس الاسمنت من 7.5 دينار إلى 13 دينارا» is what it goes to
    (a newcomer's was marked with the price it starts from)."""
    passage = "والذي سيؤدي إلى ارتفاع سعر كيس الاسمنت من 7.5 دينار إلى 13 دينارا."
    assert best_span(analyse(standard_arabic(question)), passage).text == marked


@pytest.mark.parametrize(("question", "passage", "marked"), [
    ("متى سُمع دوي الانفجار؟", "وأشارت الوكالة إلى أن دوي انفجار سمع حوالي الساعة التاسعة مساء قرب مركز الشرطة.",
     "الساعة التاسعة"),
    # a date, where there is one, before the hour of the day
    ("متى تنتهي الحملة؟", "وتنطلق الحملة الانتخابية وفق ذات القرار يوم 25 نوفمبر 2017 على الساعة الصفر وتنتهي يوم 15 "
     "ديسمبر على الساعة منتصف الليل.", "15 ديسمبر"),
])
def test_when_is_answered_by_the_hour_where_no_date_is_given(question, passage, marked):
    assert best_span(analyse(standard_arabic(question)), passage).text == marked


def test_the_event_a_place_is_given_for_is_the_nearest_before_it_in_its_clause():
    from bot.answer_type import asked_event, event_of_phrase, names_event

    text = "وأعلن تأجيل الاجتماع التمهيدي بين الوزيرين على قمة الرئيسين المرتقبة في بودابست بالمجر."
    assert asked_event("أين كان سيعقد الاجتماع التمهيدي؟") == asked_event("وين كان رح يصير اللقاء؟")
    assert asked_event("تجاهل الاجتماع الأول، أين ستعقد القمة؟") == asked_event("أين ستعقد القمة؟")  # the last clause's
    # «اجتماع القمة»: the summit's meeting is the summit, the noun it is of
    assert asked_event("وين بيصير اجتماع القمة اللي ينتظرونه؟") == asked_event("أين ستعقد القمة؟")
    assert asked_event("أين سيعقد لقاء القمة؟") != asked_event("أين سيعقد اللقاء؟")
    assert event_of_phrase(text, "بودابست بالمجر") == asked_event("أين ستعقد القمة؟")
    assert names_event(text, asked_event("أين اللقاء؟"))
    # in the sentence holding the place: the meeting the next one names is the summit whose town it gives
    answer = "وعقد ترامب آخر قمة له مع بوتين في أنكوريج بألاسكا. وانتهى ذلك الاجتماع دون اتفاق."
    assert names_event(answer, asked_event("أين اللقاء؟")) and not names_event(answer, asked_event("أين اللقاء؟"),
                                                                               near="أنكوريج بألاسكا")
    assert event_of_phrase("عقد الاجتماع، ثم سافر الوفد إلى بودابست.", "بودابست") is None  # another clause
    # in English, the same events by their English nouns
    assert asked_event("Where was the preliminary meeting to be held?") == asked_event("أين كان سيعقد الاجتماع؟")
    assert asked_event("Forget the meeting: where will the summit take place?") == asked_event("أين ستعقد القمة؟")
    assert asked_event("Where was the match played?") == asked_event("أين أقيمت المباراة؟")
    assert asked_event("Where do the ministers live?") is None



@pytest.mark.parametrize("passage, percents", [
    ("بلغت قيمة الواردات خلال الأشهر الخمسة الأولى من 2016 نسبة 8،9 بالمائة من إجمالي الواردات", ["8،9 بالمائة"]),
    ("تطور رقم المعاملات سنة 2014 بنسبة 7.4 بالمائة مقارنة بسنة 2013", ["7.4 بالمائة"]),
    ("على الرقم 81100700 بالنسبة للخطايا العادية", []),
])
def test_a_number_before_the_word_for_rate_is_no_percentage(passage, percents):
    # «نسبة» comes before a percentage, never after one: the year (or number) before it is not one
    assert [s.text for s in typed_spans(passage) if s.kind == "percent"] == percents


@pytest.mark.parametrize("passage, names", [
    ("كان الموعد مع أول يوم في الدراسة للطفلين، مهند (8 سنوات) وإسراء (6 سنوات)", ["مهند", "وإسراء"]),
    ("وأوقفت الشرطة قيس برحومة (36 عاماً) في الخامس من أكتوبر", ["قيس برحومة"]),
    ("ويقود حياتو (70 عاما) الاتحاد الإفريقي منذ سنوات", ["حياتو"]),  # not the verb before him
    ("تم إيقاف منحرف خطير (30 سنة) أمس", []),  # ordinary words name no one
    ("وأفادت أن الجاني (16 سنة) فر", []),
])
def test_a_name_right_before_an_age_in_brackets_is_a_person(passage, names):
    assert [s.text for s in typed_spans(passage) if s.kind == "person"] == names


@pytest.mark.parametrize("passage", [
    "ونشر صورة على موقع التواصل الاجتماعي فيسبوك",
    "وتحولت الوحدات إلى موقع الحادث فورا",
    "ويعد المكان موقع أثري مهم",
])
def test_a_site_of_something_names_no_place(passage):
    # «موقع» is a web site or the place of an event: what follows says what of, not where
    assert [s.text for s in typed_spans(passage) if s.kind == "place"] == []


@pytest.mark.parametrize("question, kind", [
    ("ما اسما الطفلين اللذين التحقا بالمدرسة؟", "person"),  # the dual of a person noun
    ("ما اسما المدينتين اللتين زارهما الوفد؟", "place"),  # «ة» written «ت» before the dual's ending
    ("ما اسما الشركتين؟", "organisation"),
])
def test_a_dual_asks_for_the_names_its_singular_does(question, kind):
    assert asks_for_name(question) == kind


def test_an_age_is_marked_by_whose_it_is_not_by_the_word_for_age():
    # «من العمر» stands by the brothers' ages; the question asks Mohamed's, said beside his name
    passage = "أصيب الطفل محمد ذو العشر سنوات بكسر، وسيلتحق مع أخويه البالغين من العمر 8 و6 سنوات بالمدرسة."
    span = best_span(analyse(standard_arabic("كم عمر الطفل محمد؟")), passage)
    assert span is not None and span.text == "العشر سنوات"


@pytest.mark.parametrize("passage, names", [
    ("اعتبر رئيس حركة النهضة, راشد الغنوشي, أن التدخل العسكري ليس الحل", ["راشد الغنوشي"]),
    ("وقال الأمين العام لحركة مشروع تونس محسن مرزوق إن", ["محسن مرزوق"]),
])
def test_a_movement_after_a_title_is_its_complement_not_a_name(passage, names):
    # «حركة النهضة» is the party the title heads; the name follows it
    assert [s.text for s in typed_spans(passage) if s.kind == "person"] == names


def test_traffic_is_no_organisation():
    passage = "وتسببت الأمطار في تعطل حركة المرور وحركة سير القطارات"
    assert [s.text for s in typed_spans(passage) if s.kind == "organisation"] == []



@pytest.mark.parametrize(("passage", "before", "actor", "says"), [
    ("كما نددت بالدعوات إلى تدخل وزير العدل.", "وعبرت الجمعية في بيان لها عن استنكارها للحملة.", "الجمعيه", True),
    ("وأضاف أن القرار نهائي.", "وقال الوزير إن الحكومة لن تتراجع.", "الوزير", True),
    ("وأكد الناطق باسم المحكمة أن التحقيق متواصل.", "وقال الوزير إن الحكومة لن تتراجع.", "الوزير", False),  # its own sayer
    ("وأضاف أن القرار نهائي.", "وقال الوزير إن الحكومة لن تتراجع.", "الجمعيه", False),  # another sayer before
    ("وتم تأجيل الجلسة إلى موعد لاحق.", "وقال الوزير إن الحكومة لن تتراجع.", "الوزير", False),  # no verb of saying
])
def test_a_verb_of_saying_without_its_own_subject_goes_on_with_the_sayer_before(passage, before, actor, says):
    from bot.saying import says_on

    assert says_on(passage, before, actor) is says


@pytest.mark.parametrize(("question", "kind"), [
    # roles and walks of life news names people by
    ("ما اسم المبعوث الأممي الذي التقاه الوزير؟", "person"), ("ما اسم العروس التي ارتدت الفستان؟", "person"),
    ("What is the name of the dean of the faculty?", "person"), ("ما أسماء الناشطين الموقوفين؟", "person"),
    # nouns that are as often something else, or a family name, call for no kind
    ("ما اسم العنصر الكيميائي الجديد؟", "any"), ("ما اسم الفيلم الفائز؟", "any"),
    # a nationality named is someone of that country; after another noun it only qualifies it
    ("ما اسم الفرنسية التي ربطتها علاقة بالمتهم؟", "person"), ("ما أسماء التونسيين الأربعة الموقوفين؟", "person"),
    ("ما اسم الصحيفة الألمانية التي نشرت الخبر؟", "organisation"), ("ما اسم المنتخب المغربي؟", "any"),
])
def test_the_kind_of_name_a_question_asks_for(question, kind):
    assert analyse(question).asks_name == kind


def test_an_organisation_name_stops_where_the_sentence_goes_on():
    """Past the word a head without «ال» governs, only definite words, countries and towns are more of the
    name; a head with «ال» is no name without a definite word after it."""
    def organisations(passage: str) -> list[str]:
        return [s.text for s in typed_spans(passage) if s.kind == "organisation"]

    assert organisations("وأكد الوزير أن الوزارة ستصدر خلال أسابيع كراس شروط") == []
    assert organisations("أعلن عن مشروع قانون تعده الوزارة لتجريم الاعتداء على المدرسين") == []
    assert organisations("أحالهما إلى المحكمة الاقتصادية بتهمة مخالفة القانون") == ["المحكمة الاقتصادية"]
    assert organisations("نفذ أعوان شركة فسفاط قفصة إضرابا") == ["شركة فسفاط قفصة"]
    assert organisations("صادقت وزارة الشؤون الاجتماعية على القرار") == ["وزارة الشؤون الاجتماعية"]


@pytest.mark.parametrize("question, located", [
    ("أين ستقام عروض الألعاب السحرية في سوسة؟", True),
    ("أين ستقام العروض بسوسة؟", True),  # the town behind «ب»
    ("أين تقع سوسة؟", False),  # where the town itself is
    ("أين تقع بنزرت؟", False),  # a town whose name starts with «ب»
])
def test_a_question_placing_what_it_asks_in_a_town(question, located):
    assert located_in_town(question) is located


def test_a_place_in_a_named_town_is_not_its_country():
    """«أين ستقام العروض في سوسة؟» over a sentence naming the countries the artists come from: no place
    to mark (the country is not where in Sousse)."""
    info = analyse(standard_arabic("أين ستقام العروض في سوسة؟"))
    span = best_span(info, "بمشاركة 10 فنانين من ألمع نجوم هذا الفن في تونس وفرنسا والبرتغال")
    assert span is None or span.kind != "country", span


@pytest.mark.parametrize(("question", "role"), [
    ("Who is the coach of Club Africain?", "مدرب"),
    ("What is the name of Lavrov's wife?", "زوجه"),
    ("Who's the president of the federation?", "رييس"),
    ("Who is the Minister of Cultural Affairs who issued the statement?", "وزير"),
    ("What is the name of the head of government?", "رييس"),
    ("Who is Anna Kelly?", None),  # a named person, no role
    ("Who is the author of the study?", None),  # no title
    ("What is the name of the Dutch prime minister?", None),  # written several ways in Arabic news
])
def test_the_role_an_english_question_asks_the_holder_of(question, role):
    """As `asked_role` for Arabic, so that the same name checks judge the passage."""
    info = analyse(question)
    assert (info.asks_holder[0] if info.asks_holder else None) == role


@pytest.mark.parametrize(("question", "role"), [
    ("Who heads the independent electoral body?", "رييس"), ("Who coaches the national team?", "مدرب"),
    ("Who will lead the US side of the talks?", "رييس"), ("Who won the match?", None)])
def test_the_role_an_english_verb_asks_the_holder_of(question, role):
    info = analyse(question)
    assert (info.heads[0] if info.heads else None) == role


@pytest.mark.parametrize(("question", "speaker"), [
    ("What did Viktor Orbán say about hosting the summit?", "Viktor Orbán"),
    ("How did Lavrov react to the postponement?", "Lavrov"),
    ("What was Zelensky's reaction to the proposal?", "Zelensky"),
    ("What did the Kremlin say the call dealt with?", "Kremlin"),
    ("What did one source say about the talks?", None),  # no name
    ("ماذا قال لافروف عن التأجيل؟", None),  # Arabic: `reaction` reads it
])
def test_who_speaks_in_an_english_question_asking_what_was_said(question, speaker):
    assert analyse(question).speaker == speaker


def test_a_how_many_question_marks_no_bare_fraction():
    passage = "وتمثل هذه الدول نصف الأطفال الذين لم يحصلوا على لقاحات و75 في المئة من وفيات الحصبة."
    assert best_span(analyse(standard_arabic("كم عدد وفيات الحصبة؟")), passage) is None
    passage = "وتوفي نصف مليون طفل جراء الحصبة."
    assert best_span(analyse(standard_arabic("كم عدد الأطفال الذين توفوا؟")), passage).text == "نصف مليون"


@pytest.mark.parametrize(("question", "units"), [
    ("كم ساعة استمر الاجتماع؟", ("ساعه",)),
    ("كم يوما استمر الإضراب سنة 2016؟", ("يوما",)),
    # a unit word before a year says when, not the unit asked: any year, not only this era's
    ("كم سنة 2012 ارتفع الإنتاج؟", ()),
    ("السوبر نوفا فضلت منورة قد إيه سنة 1006؟", ()),
    ("كم دامت الحرب عام 622؟", ()),
])
def test_the_unit_a_how_much_question_asks_in(question, units):
    from bot.answer_type import asked_units

    assert asked_units(standard_arabic(question)) == units


@pytest.mark.parametrize(("question", "describer"), [
    ("How did the Kremlin describe the phone call?", "Kremlin"),
    ("How did Viktor Orbán characterise the summit?", "Viktor Orbán"),
    ("What did the State Department call the talks?", "State Department"),
    ("How did the call go?", None), ("What did Lavrov say about the call?", None),
])
def test_who_describes_in_an_english_question(question, describer):
    from bot.saying import english_described_by

    assert english_described_by(question) == describer


def test_a_bare_fraction_answers_a_share_question():
    from bot.answer_type import type_match

    # «نصف المصابين» answers «ما نسبة…؟» / "What proportion…?"; it is no count for «كم عدد…؟»
    phrases = typed_spans("أكد الأطباء أن نصف المصابين بالنمط الثاني من داء السكري يتعرضون إلى الفشل الكلوي")
    assert type_match("percent", phrases)
    assert not type_match("percent", typed_spans("أكد الأطباء أن المصابين بالنمط الثاني يتعرضون إلى الفشل الكلوي"))


@pytest.mark.parametrize(("question", "text"), [
    ("ما اسم عون الأمن الذي أطلق الرصاصة؟", "مروان الجملي، اصيل مدينة تالة، توفي يوم"),
    ("ما اسم المدرسة التي تدرس فيها ابنته؟", "وتعيش العائلة في ولاية فلوريدا منذ سنوات"),
    ("ما اسم مرافق خالد مشعل الذي لاحق الضباط؟", "حاولت وحدة اغتيال خالد مشعل في العاصمة الأردنية عمان"),
])
def test_a_name_of_no_known_kind_is_not_a_place(question, text):
    from bot.answer_type import name_spans

    info = analyse(question)
    assert info.asks_name == "any"
    assert [s for s in typed_spans(text) if s.kind in ("place", "country")]
    assert name_spans("any", typed_spans(text), info.asked, info.name_noun) == []


def test_a_name_asked_without_its_noun_may_be_a_place():
    from bot.answer_type import name_spans

    # «ما الاسم الآخر للطريق…؟» names no noun of the thing named: a road's other name is a place's
    question = "ما الاسم الآخر للطريق الحرة يوسيمايت؟"
    info = analyse(question)
    assert info.asks_name == "any" and info.name_noun is None
    text = "أما الطريق الوطنية 41 (الطريق الحرة يوسيمانت) فتدخل في مدينة فريسنو"
    assert [s for s in name_spans("any", typed_spans(text), info.asked, None) if s.kind == "place"]


def test_an_organisations_name_is_not_given_by_another_kind_of_organisation():
    from bot.answer_type import name_spans

    # «ما اسم الشركة…؟» is not answered by «وزارة الداخلية» (a newcomer's near miss), but by a company's name
    question = "ما اسم الشركة التي تعرضت عربتها للسطو؟"
    asked, noun = asked_words(question), analyse(question).name_noun
    text = "وقالت وزارة الداخلية في بيان إنّ عربة تابعة لإحدى الشركات تعرّضت للسطو"
    assert name_spans("organisation", typed_spans(text), asked, noun) == []
    text = 'وقالت وزارة الداخلية إنّ عربة تابعة لشركة "سيفاكس" تعرّضت للسطو'
    assert [s.text for s in name_spans("organisation", typed_spans(text), asked, noun)] == ["سيفاكس"]
    question = "ما اسم الوزارة التي أصدرت البيان؟"
    text = "وقالت وزارة الداخلية في بيان"
    assert name_spans("organisation", typed_spans(text), asked_words(question), analyse(question).name_noun)


@pytest.mark.parametrize(("question", "text", "names"), [
    # the noun asked about heads the name itself: the words after it are the name
    ("ما اسم الهيئة التي تراقب القنوات؟", "وطالبت الهيئة العليا المستقلة للاتصال السمعي البصري القنوات بالالتزام",
     ["الهيئة العليا المستقلة"]),
    # a noun and one word after it is no name («الحزب الحاكم», «الشركة المصنعة»)
    ("ما اسم الحزب الذي انسحب من الحكومة؟", "وأكد الحزب الحاكم أن الحكومة باقية", []),
])
def test_an_organisations_name_may_repeat_the_noun_asked_about(question, text, names):
    from bot.answer_type import name_spans

    info = analyse(question)
    assert info.asks_name == "organisation"
    assert [s.text for s in name_spans("organisation", typed_spans(text), info.asked, info.name_noun)] == names


@pytest.mark.parametrize(("question", "ahead"), [
    ("أين ستعقد القمة المرتقبة؟", True), ("وين رح تكون القمة؟", True),
    ("Where will the summit be held?", True), ("Where is the planned summit supposed to take place?", True),
    ("أين عقدت القمة الأخيرة؟", False), ("Where did the two presidents last meet?", False),
])
def test_a_question_about_something_to_come_looks_ahead_in_arabic_and_in_english(question, ahead):
    from bot.answer_type import looks_ahead

    assert looks_ahead(standard_arabic(question)) is ahead
