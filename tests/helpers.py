"""Shared by the extractor tests: an Article made from a body written for the test, and a
measure of work that does not depend on how busy the machine is."""
import sys

from generator.model import Article, ArticleMeta
from generator.text import split_sentences


def article(body: str, date: str | None) -> Article:
    meta = ArticleMeta(id="t", title="Test", date=date, source="t.txt")
    return Article(meta=meta, body=body, sentences=split_sentences(body))


def calls(fn, *args) -> int:
    """How many function calls (Python and built-in) fn(*args) makes. Linear-growth tests
    compare these counts rather than times: a timer on a shared machine measures its load."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return count
