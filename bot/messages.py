"""User-facing texts (Arabic), kept in one place for every front end."""

NOT_FOUND = "لا تذكر المقالة ذلك. جرّب سؤالاً عن محتواها."
EMPTY_QUESTION = "السؤال فارغ. اكتب سؤالك عن المقالة."
NO_WORDS = "لم أجد كلمات في السؤال. اكتب سؤالك عن المقالة."
TOO_LONG = "السؤال طويل جداً (عدد أحرفه {length}، والحد {limit}). اختصره من فضلك وأعد إرساله."
INTERNAL_ERROR = "عذراً، حدث خطأ أثناء الإجابة. حاول مرة أخرى بعد قليل."
SOURCE_LABEL = "المصدر"
