"""What lies between a reporting verb and the words reported: addressees, occasions, platforms
and dates ("told reporters on Friday in a statement that ..."), and which side of the
attribution the reported words are on.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import dates
from .alternation import trie
from .names import vocab
from .quotes import Quote, near
from .tokens import QUOTE_CHARS


@lru_cache(maxsize=1)
def _adverbial_patterns() -> list[re.Pattern]:
    v = vocab()
    occ = trie(v["occasions"])     # case-sensitive, like the patterns below
    plat = trie(v["platforms"])
    addr = trie(v["addressees"])
    cap = r"[A-Z][\w\u2019'.\-]*"
    date = dates.DATE_EXPR.pattern
    return [
        re.compile(r"\s*,?\s*(?:also|later|earlier|again|previously|separately|then|recently|"
                   r"publicly|repeatedly|on\s+\w+day|late|early|in\s+a\s+statement)\b", re.I),
        re.compile(rf"\s*(?:on|late|early|later|earlier|at|by|from|since|until)?\s*(?:on\s+)?(?:{date})",
                   re.I),
        re.compile(rf"\s*,?\s*(?:in|on|at|during|via|through|after|following|before|while|when|"
                   rf"from)\s+(?:(?:a|an|the|his|her|its|their|this|that|one|[A-Z][\w\u2019'-]*)\s+)?"
                   rf"(?:[\w\u2019'\-]+\s+){{0,4}}(?:{occ})\b"
                   rf"(?:\s+(?:on|to|with|at|in|from|by|of)\s+(?:the\s+)?(?:{cap}\s*)+"
                   rf"|\s+to\s+(?:his|her|its|their|the)\s+\w+)?"),
        re.compile(rf"\s*(?:on|via|in\s+a\s+post\s+on)\s+(?:{plat})\b"),
        # "said the next day that ...", "said two days later that ..." (not "said the next day
        # would be hard": there the words reported start with it).
        re.compile(r"\s*,?\s*(?:the\s+(?:next|following)\s+(?:day|morning)|a\s+day\s+(?:later|after)"
                   r"|(?:two|three|four|five|six|seven|\d)\s+days\s+(?:later|earlier)"
                   r"|the\s+day\s+before)(?=\s*(?:that\b|,|:))", re.I),
        re.compile(r"\s*,\s*citing\s+[^,;:\"\u201c]{1,60},"),
        # "said the summit would ..." has no addressee: after a verb other than "tell" the
        # addressee must be followed by the start of the reported words or an adverbial.
        re.compile(rf"\s*(?:{addr})\b(?=\s*(?:that\b|,|:|on\b|in\b|at\b|after\b|during\b))"),
        re.compile(r"\s*(?:in|at|from)\s+(?:the\s+)?" + cap + r"(?:\s+" + cap + r")*(?=\s*(?:,|that\b|on\b|:))"),
    ]


_TELL_OBJECT = re.compile(r"\s*(?:the\s+|a\s+|an\s+)?(?:[A-Za-z][\w\u2019'.\-]*\s+){0,3}?"
                          r"(?:[A-Z][\w\u2019'.\-]*)(?=\s*(?:that\b|,|:|on\b|in\b|\u201c|\"|\u2018))")


_TOLD_THAT = re.compile(r"[^,;:\"\u201c\u2018]{0,100}?\bthat\b")
_PHRASE_THAT = re.compile(r"\s*,?\s*(?:in|at|on|during|after|before|from|to|via|with|through|following|"
                          r"of|outside|inside|near)\s+(?:(?:[^,;:\"\u201c\u2018]|(?<=\d):(?=\d)){0,120}?"
                          r"|(?:[^,;:\"\u201c\u2018]|(?<=\d):(?=\d)){0,100},)"
                          r"\s*\bthat\b")
_THAT = re.compile(r"\s*[,:]?\s*(?:that\b)?")


def skip_adverbials(body: str, pos: int, end: int, lemma: str | None) -> int:
    """Move past "told reporters on Friday in a statement that" to the reported words."""
    pats = _adverbial_patterns()
    if lemma == "tell":
        # "told his caucus in a letter Sunday that ...": everything up to "that" is the
        # addressee and the occasion.
        m = _TOLD_THAT.match(body, pos, end)
        if m and len(body[pos:m.end()].split()) <= 14:
            return m.end()
        m = _TELL_OBJECT.match(body, pos, end)
        if m:
            pos = m.end()
    for _ in range(8):
        for p in pats:
            m = p.match(body, pos, end)
            if m and m.end() > pos:
                pos = m.end()
                break
        else:
            break
    # "told reporters on the sidelines of a meeting in Vilnius on Friday that ...": a
    # prepositional phrase that runs into "that" belongs to the attribution.
    m = _PHRASE_THAT.match(body, pos, end)
    if m and len(body[pos:m.end()].split()) <= 16:
        pos = m.end()
    m = _THAT.match(body, pos, end)
    return m.end() if m else pos


_ENDS_SEPARATOR = re.compile(r"[,\u2014\u2013\-:" + QUOTE_CHARS + r"]$")
_WORD_CHAR = re.compile(r"\w")


def is_content_first(body: str, before: tuple[int, int], after: tuple[int, int],
                     quotes: list[Quote]) -> bool:
    """ "Russian troops are not slowing ..., the military said" reports the clause before the
    attribution; "At the same time, the General Staff said, Russia's ..." the clause after."""
    btext = body[before[0]:before[1]].rstrip()
    atext = body[after[0]:after[1]].strip()
    if not btext or not _ENDS_SEPARATOR.search(btext):
        return False
    # '"...," Carver said' -- a quotation closing just before the speaker is what they said.
    if any(before[0] <= q.start and before[1] - 2 <= q.end <= before[1]
           for q in near(quotes, before[0], before[1])):
        return True
    closing = not _WORD_CHAR.search(atext) and ":" not in body[after[0] - 3:after[0]]
    if len(btext.split()) < 5 and not (len(btext.split()) >= 3 and closing):
        # "No hits were recorded, he stressed.": short words before an attribution that ends
        # the sentence are still what was said.
        return False
    if len(atext.split()) < 3:
        return True
    # "the military said on February 3, amid ..." -- a comma after the adverbials ends the
    # attribution; without one the verb runs on into its own clause.
    return "," in body[after[0] - 2:after[0]]
