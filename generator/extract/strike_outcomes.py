"""Attempts that did not hit: "fired a ballistic missile at Tel Aviv" followed by "the missile had
been intercepted" is an attack aimed at a place, not a strike on it.

Only an aim ("fired/launched ... at/towards X") can be undone this way: a reported hit stays a
hit whatever is said of other missiles later.
"""
from __future__ import annotations

import re

from ..model import Sentence
from .alternation import absent, lowered, needles
from .strike_events import Event

LOOKAHEAD = 3   # sentences after the aim in which its outcome is told


_FIRE = r"\b(?:fired|launched|fires|launches|firing|launching)\b"
# The aim pattern opens with one of these verbs: a sentence without one holds no aim, and the
# pattern (one per place, costly to compile) need not be built for it.
_FIRE_RE = re.compile(_FIRE, re.I)
# ... and a sentence without the letters of one is not even searched (alternation.needles).
_FIRE_ND = needles(["fired", "launched", "fires", "launches", "firing", "launching"])


def _aim_re(place: str) -> re.Pattern:
    return re.compile(rf"{_FIRE}[^.;]*?\b(?P<head>[a-z]+?)s?\s+"
                      rf"(?:at|towards?)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{re.escape(place)}\b", re.I)


def _undone_re(head: str) -> re.Pattern:
    return re.compile(rf"\b(?:the|that|this)\s+(?:[\w-]+\s+)?{re.escape(head)}s?\s+(?:had\s+been|has\s+been|have\s+been"
                      rf"|was|were)\s+(?:\w+\s+)?(?:intercepted|shot\s+down|downed|destroyed\s+in\s+the\s+air)\b", re.I)


def intercepted_aims(events: list[Event], sentences: list[Sentence]) -> list[Event]:
    """The events left once aims that a later sentence says were intercepted are dropped."""
    keep = []
    for ev in events:
        if all(_undone(m.sentence, m.place.name, sentences) for m in ev.mentions):
            continue
        keep.append(ev)
    return keep


def _undone(sent: Sentence, place: str, sentences: list[Sentence]) -> bool:
    if absent(_FIRE_ND, lowered(sent.text)) or not _FIRE_RE.search(sent.text):
        return False
    aim = _aim_re(place).search(sent.text)
    if not aim:
        return False
    undone = _undone_re(aim.group("head"))
    return any(undone.search(s.text) for s in sentences[sent.index + 1:sent.index + 1 + LOOKAHEAD])
