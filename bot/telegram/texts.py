"""Every user-facing string of the Telegram bot, in one place (Arabic, HTML-safe templates).

Placeholders are filled with already-escaped values by `bot.telegram.formatting`; no text here
names a particular article: titles, sources and example questions come from article metadata.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "welcome": (
        "أهلًا بك {name}! 👋\n"
        "أنا بوت يجيب عن أسئلتك بالعربية عن {count_phrase}:\n"
        "{articles}\n\n"
        "اكتب سؤالك وسأجيبك بإيجاز مع اقتباس الجملة التي استندت إليها من المقال."
    ),
    "welcome_examples": "جرّب أحد هذه الأسئلة:",
    "count_one": "المقال التالي",
    "count_many": "المقالات التالية",
    "article_line": "• <b>{title}</b> ({source})",
    "help": (
        "<b>كيف أستخدم البوت؟</b>\n"
        "• في المحادثة الخاصة: اكتب سؤالك مباشرة.\n"
        "• في المجموعات: اذكرني ({mention}) أو ردّ على إحدى رسائلي أو استخدم /ask متبوعًا بسؤالك.\n"
        "• أتذكر آخر أسئلتك لأفهم أسئلة المتابعة، مثل «ولماذا؟».\n"
        "• «ما موضوع المقال؟» أو «لخّص الخبر»: عنوان المقال وفقرته الأولى.\n\n"
        "<b>الأوامر</b>\n"
        "/start — الترحيب وأمثلة على الأسئلة\n"
        "/help — هذه المساعدة\n"
        "/source — المقالات التي أعرفها ومصادرها\n"
        "/reset — نسيان هذه المحادثة\n"
        "/ask — طرح سؤال (مفيد في المجموعات)"
    ),
    "source_header": "<b>المقالات التي أجيب عنها:</b>",
    "source_line": "• <b>{title}</b>\n  المصدر: {source}",
    "no_articles": "لا توجد مقالات محمّلة حاليًا.",
    "reset_done": "تم. نسيتُ هذه المحادثة، ويمكنك البدء من جديد.",
    "ask_usage": "اكتب سؤالك بعد الأمر، مثلًا:\n/ask {example}",
    "ask_usage_plain": "اكتب سؤالك بعد الأمر، مثلًا: /ask ما موضوع المقال؟",
    "empty_mention": "نعم؟ اكتب سؤالك عن المقال وسأجيبك.",
    "non_text": (
        "عذرًا، لا أستطيع قراءة {kind}. أنا أجيب عن الأسئلة المكتوبة بالعربية "
        "حول المقالات التي أعرفها. اكتب سؤالك نصًّا، أو أرسل /help للمساعدة."
    ),
    "kind_sticker": "الملصقات",
    "kind_photo": "الصور",
    "kind_voice": "الرسائل الصوتية",
    "kind_audio": "الملفات الصوتية",
    "kind_video": "مقاطع الفيديو",
    "kind_document": "الملفات",
    "kind_other": "هذا النوع من الرسائل",
    "not_allowed": "عذرًا، هذا البوت خاص ولا يمكنني الرد عليك هنا. شكرًا لتفهّمك 🙏",
    "rate_limited": (
        "مهلًا قليلًا 🙂 وصلتَ إلى الحد الأقصى ({limit} سؤالًا في الدقيقة). "
        "حاول مجددًا بعد {seconds} ثانية."
    ),
    "error": "عذرًا، حدث خطأ غير متوقع أثناء معالجة رسالتك. حاول مرة أخرى بعد قليل.",
    "example_gone": "هذا المثال لم يعد متاحًا، اكتب سؤالك مباشرة.",
    "question_echo": "❓ <b>{question}</b>",
    "quote_attribution": "— {title}",
    "edited_note": "✏️ <i>جواب عن سؤالك بعد تعديله:</i>",
    "feedback_up": "👍",
    "feedback_down": "👎",
    "feedback_thanks": "شكرًا! سُجّل تقييمك.",
    "feedback_again": "سجّلنا تقييمك لهذا الجواب من قبل، شكرًا.",
    "feedback_gone": "هذا الجواب لم يعد متاحًا للتقييم.",
    "admin_only": "عذرًا، إضافة المقالات وحذفها متاحة لمشرفي البوت فقط. يمكنك طرح أسئلتك عن المقالات الحالية 🙏",
    "admin_add_usage": "أرسل رابط المقال بعد الأمر، مثلًا:\n/add https://example.com/article.html\nأو أرسل ملف ‎.txt أو ‎.md أو ‎.html.",
    "admin_working": "⏳ جارٍ إضافة المقال إلى الفهرس…",
    "admin_added": "✅ أُضيف إلى الفهرس:\n{articles}",
    "admin_article_line": "• <b>{title}</b> ({passages} فقرة)",
    "admin_notes": "⚠️ ملاحظة: أُضيف، لكن مع تنبيه:\n<code>{notes}</code>",
    "admin_unchanged": "ℹ️ هذا المقال موجود في الفهرس من قبل دون تغيير:\n{articles}",
    "admin_failed": "❌ لم أتمكن من إضافة المقال، ولم يتغير شيء في الفهرس.\n<code>{reason}</code>",
    "admin_download_failed": "❌ تعذّر تنزيل الملف من تيليجرام، ولم يتغير شيء. حاول إرساله مرة أخرى.",
    "admin_too_big": "❌ الملف أكبر من الحد المسموح ({limit} ميغابايت)، ولم يتغير شيء.",
    "admin_unavailable": "عذرًا، الفهرس الحالي لا يدعم إضافة المقالات أثناء التشغيل.",
    "admin_list_header": "<b>المقالات في الفهرس:</b>",
    "admin_list_line": "{n}. <b>{title}</b>\n   <code>{path}</code>{passages}",
    "admin_remove_usage": "اكتب رقم المقال من /articles أو اسم ملفه أو رابطه بعد الأمر، مثلًا: /remove 2",
    "admin_removed": "🗑️ حُذف من الفهرس:\n{articles}",
    "admin_remove_failed": "❌ لم أجد هذا المقال في الفهرس، ولم يتغير شيء.\n<code>{reason}</code>",
}

COMMAND_DESCRIPTIONS: list[tuple[str, str]] = [
    ("start", "الترحيب وأمثلة على الأسئلة"),
    ("help", "طريقة الاستخدام"),
    ("source", "المقالات التي أعرفها ومصادرها"),
    ("reset", "نسيان هذه المحادثة"),
    ("ask", "طرح سؤال عن المقال"),
]


def text(key: str, **values: object) -> str:
    """One user-facing string, with its placeholders filled."""
    template = TEXTS[key]
    return template.format(**values) if values else template
