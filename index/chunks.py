"""Turning an article's sentences into LangChain documents with their metadata."""

from __future__ import annotations

from langchain_core.documents import Document

from index.articles import Article

# Bump when documents or their embedding text change: indexes built before are then rebuilt.
CHUNKER_VERSION = 5


def article_documents(article: Article, first_paragraph_id: int = 0) -> list[Document]:
    """One document a sentence, carrying article, paragraph and sentence numbers (1-based)
    and `paragraph_id`, the paragraph's row in the store's paragraph index."""
    documents = []
    for p_no, sentences in enumerate(article.sentences, start=1):
        for s_no, sentence in enumerate(sentences, start=1):
            documents.append(
                Document(
                    page_content=sentence,
                    metadata={
                        "article": article.title,
                        "outlet": article.source,
                        "file": article.name,
                        "path": str(article.path),
                        "paragraph": p_no,
                        "sentence": s_no,
                        "ref": f"{article.name}#{p_no}.{s_no}",
                        "paragraph_id": first_paragraph_id + p_no - 1,
                    },
                )
            )
    return documents


def embedding_text(document: Document) -> str:
    """The text a sentence is embedded as: the sentence alone. (With the article's title in front,
    every sentence of an article resembles the title's topic, and a question about that topic can
    no longer tell the sentence that answers it from the others.)"""
    return document.page_content


def paragraph_texts(article: Article) -> list[str]:
    """The text each paragraph is embedded as, with the article's title: a second, coarser view that
    knows what a terse sentence is about."""
    return [f"{article.title}: " + " ".join(sentences) for sentences in article.sentences]
