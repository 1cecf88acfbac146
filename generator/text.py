"""Sentences with character offsets into the article body.

Every fact points at a sentence by index and at a span by offsets into the body, so the splitter
never rewrites text: it only finds boundaries.
"""
from __future__ import annotations

import re

from .model import Sentence

# A period after these does not end a sentence ("Gen. Zaluzhnyi", "Feb. 3", "U.S. officials").
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "gov", "sen", "rep", "rev", "st", "mt", "ft", "jr", "sr", "no", "nos", "vs", "etc", "inc",
    "ltd", "co", "corp", "approx", "est", "dept", "univ", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    "d.c", "pres", "sec", "amb", "fig", "op", "cf", "al",
}

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A candidate end: terminal punctuation, any closing quotes/brackets, then whitespace.
END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
OPENERS = "\"'\u201c\u2018(["


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; paragraphs are separated by blank lines."""
    spans, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(body):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(body)))
    out = []
    for s, e in spans:
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


LAST_WORD = re.compile(r"([\w.]+)$")
NEXT_CHAR = re.compile(r"\s+(\S)")


def _is_boundary(text: str, m: re.Match) -> bool:
    punct_at = m.start()
    # Only a short window before the stop: slicing the whole paragraph here would make
    # splitting quadratic in the paragraph's length.
    word = LAST_WORD.search(text, max(0, punct_at - 40), punct_at + 1)
    token = word.group(1).rstrip(".").lower() if word else ""
    if text[punct_at] == "." and (token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())):
        return False
    nxt = NEXT_CHAR.match(text, m.end())
    if not nxt:
        return True
    ch = nxt.group(1)
    # A lower-case continuation ("... said the U.S. had ...") is not a new sentence.
    return ch.isupper() or ch.isdigit() or ch in OPENERS or ch in "\u2014-"


def split_sentences(body: str) -> list[Sentence]:
    """Split the body into sentences, never across paragraphs, keeping exact offsets."""
    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(body)):
        para = body[p_start:p_end]
        pos = 0
        for m in END.finditer(para):
            if _is_boundary(para, m):
                _add(sentences, body, p_start + pos, p_start + m.end(), p_index)
                pos = m.end()
        _add(sentences, body, p_start + pos, p_end, p_index)
    return sentences


def _add(out: list[Sentence], body: str, start: int, end: int, paragraph: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, body[start:end], paragraph))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing a body offset (binary search: sentences are sorted)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None
