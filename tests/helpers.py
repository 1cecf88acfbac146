"""Shared by the extractor tests: an Article made from a body written for the test."""
from generator.model import Article, ArticleMeta
from generator.text import split_sentences


def article(body: str, date: str | None) -> Article:
    meta = ArticleMeta(id="t", title="Test", date=date, source="t.txt")
    return Article(meta=meta, body=body, sentences=split_sentences(body))
