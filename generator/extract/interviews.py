"""Interview transcripts: answers labelled with the speaker's name instead of quotation marks.

Q&A write-ups print each answer as a paragraph opening with the interviewee's name and a colon
("**Hlushchenko:** We lost two boiler houses."); the questions are the interviewer's. Such an
answer is the speaker's own words, so it is a direct statement although nothing is quoted.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import dates
from .names import vocab

# "**Surname:** ...", "Surname: ...", "**First Last**: ..." at the start of a paragraph.
_LABEL = re.compile(r"(?:\*\*|__)?(?P<name>[A-Z][\w\u2019'\-]+(?:\s+[A-Z][\w\u2019'\-]+){0,2})"
                    r"(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s+(?=\S)")


def answer_label(body: str, start: int, end: int) -> tuple[str, int] | None:
    """(speaker name, where the answer starts) when the paragraph at start is a labelled answer.
    The label must name someone the article introduced before -- a form label ("Source:",
    "Note:") names nobody."""
    m = _LABEL.match(body, start, end)
    if not m:
        return None
    name = m.group("name")
    words = name.split()
    if words[0] in vocab()["function_caps"] or words[0].lower() in vocab()["interview_non_names"]:
        return None
    if _first_use(body, words[-1]) >= start:
        return None
    if name.lower() in vocab()["outlet_set"] or len(body[m.end():end].split()) < 2:
        return None   # "Reuters: ..." is the interviewer
    if body[m.end():end].rstrip("*_ ").endswith("?") and not re.search(
            r"[.!]\s", body[m.end():end]):
        return None   # a lone question is the interviewer's too
    return name, m.end()


@lru_cache(maxsize=256)
def _first_use(body: str, word: str) -> int:
    m = re.search(rf"\b{re.escape(word)}\b", body)
    return m.start() if m else len(body)


def interview_date(body: str, first_answer: int, ref) -> tuple[str | None, str]:
    """The day the interview took place, from the introduction ("We spoke by video link on
    Monday, 5 August"): the answers were all given then."""
    markers = "|".join(re.escape(w) for w in vocab()["interview_markers"])
    intro = body[:first_answer]
    found: tuple[str | None, str] = (None, "unknown")
    for m in re.finditer(r"[^.!?\n]*(?:[.!?]|$)", intro):
        sentence = m.group(0)
        if re.search(rf"\b(?:{markers})\b", sentence, re.I):
            iso, prec = dates.find_date(sentence, ref)
            if iso and prec == "day":
                found = (iso, prec)
    return found
