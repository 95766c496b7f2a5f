"""Turning an article's sentences into LangChain documents (passages) with their metadata."""

from __future__ import annotations

from langchain_core.documents import Document

from index.articles import Article
from index.normalize import fold_digits

# Bump when documents or their embedding text change: indexes built before are then rebuilt.
CHUNKER_VERSION = 13
# A sentence longer than this (in words) becomes several passages of at most this many words,
# each overlapping the one before by PASSAGE_OVERLAP words, so that a fact at the end of a
# 480-character sentence without commas is still a passage of its own.
MAX_PASSAGE_WORDS = 60
PASSAGE_OVERLAP = 12
MAX_PASSAGE_CHARS = 600  # a "word" can be a 200,000-character run: passages are bounded in characters too
# A heading (the headline, a sub-heading) is short and does not end like a sentence.
HEADING_MAX_WORDS = 16
SENTENCE_END = tuple(".!?؟…:\"»”)")  # what a sentence (not a heading) ends with


def is_heading(paragraph: list[str], title: str, first: bool = False) -> bool:
    """Whether a paragraph is a headline or sub-heading: one short sentence without final punctuation
    or ending in a question mark (a question states nothing: «أيهما أفضل لصحتك: تحضير الشاي في الغلاية
    أو الميكروويف؟»), or the article's title itself; the first paragraph also when its short run of
    sentences ends so (a headline the splitter cut at «..» or «!»: «اغتيال قيادات… خارج فلسطين..
    وأحدثها الشهيد محمد الزواري»). Headings stay searchable but are never given as the answer."""
    text = " ".join(sentence.strip() for sentence in paragraph)
    if text == title.strip():
        return True
    if len(paragraph) != 1 and not first:
        return False
    short = len(text.split()) <= HEADING_MAX_WORDS
    return short and (not text.endswith(SENTENCE_END) or text.endswith(_QUESTION_END))


_QUESTION_END = ("؟", "?")


def passages(sentence: str, max_words: int = MAX_PASSAGE_WORDS, overlap: int = PASSAGE_OVERLAP,
             max_chars: int = MAX_PASSAGE_CHARS) -> list[str]:
    """A sentence as one passage, or as overlapping windows of at most `max_words` words and
    `max_chars` characters when it is longer."""
    words = sentence.split()
    if len(words) <= max_words and len(sentence) <= max_chars:
        return [sentence]
    pieces: list[str] = []
    start = 0
    while start < len(words):
        end, size = start, 0
        while end < len(words) and end - start < max_words and size + len(words[end]) + 1 <= max_chars:
            size += len(words[end]) + 1
            end += 1
        if end == start:  # one word longer than max_chars
            pieces.append(words[start][: max_chars - 1] + "…")
            start += 1
            continue
        pieces.append(" ".join(words[start:end]))
        if end >= len(words):
            break
        start = max(start + 1, end - overlap)
    return pieces


def article_documents(article: Article, first_paragraph_id: int = 0) -> list[Document]:
    """One document a passage (a sentence, or a window of a long one), carrying article, paragraph
    and sentence numbers (1-based), `part` (1-based window of a long sentence, 0 when whole),
    `heading`, and `paragraph_id`, the paragraph's row in the store's paragraph index."""
    documents = []
    for p_no, sentences in enumerate(article.sentences, start=1):
        heading = is_heading(sentences, article.title, first=p_no == 1)
        for s_no, sentence in enumerate(sentences, start=1):
            parts = passages(sentence)
            for part_no, text in enumerate(parts, start=1 if len(parts) > 1 else 0):
                ref = f"{article.name}#{p_no}.{s_no}" + (f".{part_no}" if part_no else "")
                documents.append(
                    Document(
                        page_content=text,
                        metadata={
                            "article": article.title,
                            "outlet": article.source,
                            "file": article.name,
                            "path": str(article.path),
                            "paragraph": p_no,
                            "sentence": s_no,
                            "part": part_no,
                            "heading": heading,
                            "ref": ref,
                            "paragraph_id": first_paragraph_id + p_no - 1,
                        },
                    )
                )
    return documents


def embedding_text(document: Document) -> str:
    """The text a sentence is embedded as: the sentence alone. (With the article's title in front,
    every sentence of an article resembles the title's topic, and a question about that topic can
    no longer tell the sentence that answers it from the others.) Digits as ASCII: `fold_digits`."""
    return fold_digits(document.page_content)


# A paragraph's vector is the mean of its sentences' vectors plus this much of the article title's
# (see index.update.paragraph_vectors): the coarser view that knows what a terse sentence is about.
TITLE_WEIGHT = 0.5
