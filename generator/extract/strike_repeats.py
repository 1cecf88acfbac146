"""One place hit on two days in one sentence, and the sentence after it that tells each day apart.

"Sumy was attacked by drones on Tuesday night and struck again by a missile on Thursday" is two
incidents at one place: the gold rule is one entry per place per day. The clause before
"... and again" keeps the first day, its weapon and its toll; the clause after it the second.
A following sentence without a place ("Two men were wounded in Monday's shelling, while
Wednesday's drone attack caused no casualties") hands each dated clause to the incident of
that day, not to whichever incident was told last.
"""
from __future__ import annotations

import dataclasses
import re

from .alternation import absent, lowered, needles
from .dates import iter_dates
from .strike_events import Details, Event, Mention

AGAIN = re.compile(r"\b(?:and|then|before\s+being)\s+(?:(?:was|were|has\s+been|had\s+been|is)\s+)?"
                   r"(?:[\w-]+\s+){0,2}?again\b", re.I)
_AGAIN_ND = needles(["again"])     # what every match of AGAIN holds (alternation.needles)
CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but|and)\b|\bwhile\b")


def _day_dates(text: str, ref) -> list[tuple[int, int, str]]:
    return [(s, e, iso) for s, e, iso, precision in iter_dates(text, ref) if precision == "day"]


def repeat_split(text: str, ref) -> tuple[int, tuple[str, str], tuple[str, str]] | None:
    """Where "... and again ..." starts, with the day before it and the day after it, when the
    sentence tells a place hit on two different days."""
    m = None if absent(_AGAIN_ND, lowered(text)) else AGAIN.search(text)
    if not m:
        return None
    before, after = _day_dates(text[:m.start()], ref), _day_dates(text[m.start():], ref)
    if not before or not after or before[-1][2] == after[0][2]:
        return None
    return m.start(), (before[-1][2], "day"), (after[0][2], "day")


def split_repeats(mentions: list[Mention], split, local_start: int, weapon_of, tolls_of, text: str) -> list[Mention]:
    """Each mention named before the "again" becomes two: one per day, each with the weapon and
    toll of its own clause. `weapon_of(lo, hi)` and `tolls_of(s)` read a stretch of the sentence."""
    pos, first, second = split
    out = []
    for m in mentions:
        if m.start - local_start >= pos:
            out.append(m)
            continue
        k1, i1 = tolls_of(text[:pos])
        k2, i2 = tolls_of(text[pos:])
        out.append(dataclasses.replace(m, date=first, weapon=weapon_of(0, pos) or m.weapon, killed=k1, injured=i1))
        out.append(dataclasses.replace(m, place=dataclasses.replace(m.place), date=second,
                                       weapon=weapon_of(pos, len(text)), killed=k2, injured=i2, earlier=False))
    return out


def by_day(text: str, ref, sentence: int, recent: list[Event], details_of) -> bool:
    """Hand each dated clause of a placeless sentence to the recent incident of its day; True
    when every dated clause found one (then nothing else is to be done with the sentence).
    `details_of(clause_text)` reads a clause's Details."""
    bounds = [0] + [m.start() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    clauses = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    plan = []
    for lo, hi in clauses:
        days = {iso for _s, _e, iso in _day_dates(text[lo:hi], ref)}
        if not days:
            continue
        if len(days) > 1:
            return False
        day = days.pop()
        ev = next((e for e in reversed(recent) if e.date and e.date[0] == day), None)
        if ev is None:
            return False
        plan.append((ev, lo, hi))
    if len(plan) < 2 or len({id(ev) for ev, _lo, _hi in plan}) < 2:
        return False  # one dated clause is the ordinary case, handled by date alone
    for ev, lo, hi in plan:
        d: Details = details_of(text[lo:hi])
        if d.weapon and not any(m.weapon for m in ev.mentions):
            ev.weapon = d.weapon  # the day's own weapon beats one guessed from the lead raid
        ev.absorb(dataclasses.replace(d, sentence=sentence, date=None), fill_only=True)
    return True
