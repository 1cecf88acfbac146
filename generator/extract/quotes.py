"""Quotation marks: where each quoted passage starts and ends in the article body.

Articles mix styles: curly and straight double quotes (even “...″ or “..."), British single
quotes (‘...’) with apostrophes that look like closing marks, quotes nested one style inside the
other, and quotes that run over several paragraphs -- each paragraph opens with a mark and only
the last one closes. One scanner handles all of them: outside a quote it looks for an opening
mark of either style; inside, only for the closer of the style that opened it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter

DOUBLE_OPEN = "\u201c\u201e\u00ab"        # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb\u2033"       # ” » ″
SINGLE_OPEN = "\u2018"                    # ‘
SINGLE_CLOSE = "\u2019"                   # ’ (also the apostrophe)
OPEN_CONTEXT = " \t\n([{\u2014\u2013-/:"  # what may stand before an opening mark


_MARK = re.compile(
    "[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'") + "]")


@dataclass
class Quote:
    start: int                  # offset of the opening mark
    end: int                    # offset just after the closing mark (or the paragraph end)
    inner_start: int
    inner_end: int
    closed: bool = True
    # Offsets of the marks that reopen the quote at each continued paragraph.
    reopenings: list[int] = field(default_factory=list)


def _is_opener(text: str, i: int) -> str | None:
    """The style ("d" or "s") of an opening mark at i, or None."""
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return None
    if c in DOUBLE_OPEN:
        return "d"
    if c == '"':
        return "d" if (prev in OPEN_CONTEXT or prev in SINGLE_OPEN) else None
    if c in (SINGLE_OPEN, "'"):
        # An opening single quote follows a space or bracket: "Brexit's" and "'90s" are not.
        if prev in OPEN_CONTEXT or prev in DOUBLE_OPEN or prev == '"':
            return "s" if not nxt.isdigit() else None
    return None


def _is_closer(text: str, i: int, style: str) -> bool:
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if style == "d":
        return c in DOUBLE_CLOSE or c == '"'
    if c not in (SINGLE_CLOSE, "'") or prev.isspace():
        return False
    # An apostrophe sits between letters ("UK's"); a closing mark is followed by a non-letter.
    if nxt.isalpha():
        return False
    # "the soldiers' families": a plural possessive runs on into a lower-case word, and the
    # real closing mark comes later in the paragraph.
    eol = text.find("\n", i + 1)
    after = text[i + 1:eol if eol >= 0 else len(text)]
    if prev == "s" and re.match(r" [a-z]", after) and re.search(r"[^\s][\u2019'](?![A-Za-z])", after):
        return False
    return True


def find_quotes(body: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quoted passages, in order. Nested quotes stay inside their parent."""
    quotes: list[Quote] = []
    current: Quote | None = None
    style = ""
    for n, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if current is not None:
            # A quote left open at the end of the previous paragraph continues here only when
            # this paragraph reopens it with the same style of mark.
            if _is_opener(body, p_start) == style:
                current.reopenings.append(p_start)
                i = p_start + 1
            else:
                _close_at(current, paragraphs[n - 1][1])
                quotes.append(current)
                current = None
        # Only quotation marks can open or close a quote: visit those and skip the text between.
        for m in _MARK.finditer(body, i, p_end):
            i = m.start()
            if current is None:
                s = _is_opener(body, i)
                if s:
                    current, style = Quote(i, -1, i + 1, -1), s
            elif _is_closer(body, i, style):
                current.end, current.inner_end = i + 1, i
                quotes.append(current)
                current = None
        if current is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            if nxt is None or _is_opener(body, nxt) != style:
                if style == "s" and body[current.start] == "'":
                    current = None  # a stray straight apostrophe, not a quote
                    continue
                _close_at(current, p_end)
                quotes.append(current)
                current = None
    return quotes


def _close_at(q: Quote, end: int) -> None:
    q.end = q.inner_end = end
    q.closed = False


def quote_text(body: str, q: Quote) -> str:
    """The words inside a quote, without the marks that reopen it at each paragraph."""
    if not q.reopenings:
        return body[q.inner_start:q.inner_end].strip()
    parts, pos = [], q.inner_start
    for r in q.reopenings:
        parts.append(body[pos:r])
        pos = r + 1
    parts.append(body[pos:q.inner_end])
    return " ".join(" ".join(p.split()) for p in parts if p.strip())


_START = attrgetter("start")   # a C-level bisection key: near() runs for every clause


def near(quotes: list[Quote], s: int, e: int) -> list[Quote]:
    """The quotes overlapping body[s:e] (at least one character in common, or starting at s).

    Top-level quotes are sorted and disjoint, so a bisection finds them without scanning the
    article: every lookup stays logarithmic however long the article is."""
    i = max(bisect_left(quotes, s, key=_START) - 1, 0)
    out = []
    while i < len(quotes) and quotes[i].start < max(e, s + 1):
        if quotes[i].end > s:
            out.append(quotes[i])
        i += 1
    return out
