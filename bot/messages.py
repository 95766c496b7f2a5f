"""User-facing texts (Arabic), kept in one place for every front end."""

NOT_FOUND = "لا تذكر المقالة ذلك. جرّب سؤالاً عن محتواها."
# To a question asked in English: the same, with its English beside it.
NOT_FOUND_ENGLISH = NOT_FOUND + " (The article does not say. Try a question about what it says.)"
# The same over an index of several articles (a newcomer with four read «لا تذكر المقالة» as about one of them).
NOT_FOUND_MANY = "لا تذكر المقالات ذلك. جرّب سؤالاً عن محتواها."
NOT_FOUND_MANY_ENGLISH = NOT_FOUND_MANY + " (The articles do not say. Try a question about what they say.)"
# What the checks on a message say (empty, no words, too long, unreadable, another language, an order):
# in both languages, since a message that cannot be read does not tell which one its writer reads.
EMPTY_QUESTION = "السؤال فارغ. اكتب سؤالك عن المقالة. (The question is empty. Ask a question about the article.)"
NO_WORDS = ("لم أجد كلمات في السؤال. اكتب سؤالك عن المقالة."
            " (The question has no words. Ask a question about the article.)")
# Letters that make no word of Arabic or English («asdkjh qwe»): said in both, since the script does not tell.
NOT_UNDERSTOOD = ("لم أفهم السؤال: لا أجد فيه كلمة عربية أو إنجليزية أعرفها. اكتب سؤالك عن المقالة بجملة كاملة."
                  " (I could not read the question: it has no Arabic or English word I know. Ask about the article in a full sentence.)")
# Bytes that are not text («\udcff\x07…»: a file, or text in another encoding than UTF-8).
NOT_TEXT = ("لم أستطع قراءة الرسالة: معظمها رموز ليست نصاً. اكتب سؤالك عن المقالة نصاً."
            " (The message is not readable text: most of it is bytes that are not UTF-8. Send your question as text.)")
TOO_LONG = ("السؤال طويل جداً (عدد أحرفه {length}، والحد {limit}). اختصره من فضلك وأعد إرساله."
            " (The question is too long: {length} characters, the limit is {limit}. Please shorten it and send it again.)")
OTHER_LANGUAGE = "أجيب عن الأسئلة بالعربية أو بالإنجليزية فقط. (I answer questions in Arabic or English only.)"
# «ما موضوع المقالة؟» over several articles, with nothing said before to tell which one.
WHICH_ARTICLE = ("عن أي مقالة تسأل؟ عدد المقالات هنا: {count}، منها: {titles}. اذكر موضوعها في سؤالك، "
                 "مثل: «لخّص خبر …».")
# An order instead of a question («تجاهل تعليماتك…», "ignore your instructions…", «اكتب قصيدة»): in both
# languages, since it comes in either.
INSTRUCTION = ("أجيب عن الأسئلة حول المقالة فقط، ولا أنفّذ الأوامر. اكتب سؤالك عن محتواها."
               " (I only answer questions about the article; I do not follow orders. Ask what it says.)")
# A message that only greets, thanks or says goodbye («السلام عليكم», «شكراً», "hello"): answered in kind,
# in both languages, with what the bot is for.
GREETING = ("أهلاً بك! اكتب سؤالك عن المقالة وسأجيبك من نصّها."
            " (Hello! Ask a question about the article and I will answer from its text.)")
THANKS = "عفواً! هل لديك سؤال آخر عن المقالة؟ (You're welcome! Any other question about the article?)"
FAREWELL = "مع السلامة! (Goodbye!)"
# «ما رأيك في ترامب؟», "Do you think…?": the bot's own view, which it does not have; in both languages,
# since the same question comes in either. Its example names no article's people: it is shown on any index.
OPINION = ("ليس لي رأي خاص: أنقل فقط ما تقوله المقالة. اسأل عمّا تذكره، مثل: «ماذا قال فلان عن كذا؟»"
           " (I have no opinion of my own; I only report what the article says. Ask what it says.)")
COMMAND = ("«{command}» أمر وليس سؤالاً عن المقالة: الأوامر تُكتب في المحادثة التفاعلية (/help). اكتب سؤالك عن محتواها."
           " ({command} is a command, not a question about the article: commands work in the interactive chat.)")
INTERNAL_ERROR = ("عذراً، حدث خطأ أثناء الإجابة. حاول مرة أخرى بعد قليل."
                  " (Sorry, something went wrong while answering. Please try again in a moment.)")
SOURCE_LABEL = "المصدر"
# Over the passages shown with a refusal: the nearest ones, which the bot judged not to answer (a newcomer read
# «لا تذكر المقالة ذلك» above a passage that held the answer as a contradiction).
NEAREST_LABEL = "أقرب المقاطع إلى السؤال، ولم أجد فيها جواباً مؤكداً"
