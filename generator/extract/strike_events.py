"""Strike events: the per-place mentions a sentence yields, the incidents they merge into,
and the statement that reports each. Kept apart from strikes.py, which reads sentences.

Mentions of one place merge into one event unless their dates differ or one is marked as an
earlier incident; tolls keep the highest figure reported, since updates only rise.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Place, Sentence, Statement


@dataclass
class Mention:
    sentence: Sentence
    start: int                      # body offsets of the evidence span
    end: int
    place: Place
    key: tuple
    admin: tuple | None
    coarse: str | None              # country | compass | region: may fold into a finer place
    weapon: tuple[str, str] | None  # (class, phrase)
    killed: tuple[int, bool] | None
    injured: tuple[int, bool] | None
    date: tuple[str, str] | None
    target: str | None
    attacker: str | None
    count: int | None
    earlier: bool
    rule: str
    cand: object = None             # the gazetteer entry behind the place, if any
    recalled: bool = False          # "the attack on X" with nothing new: an incident told before


@dataclass
class Event:
    first: Mention
    mentions: list[Mention] = field(default_factory=list)
    weapon: tuple[str, str] | None = None
    killed: tuple[int, bool] | None = None
    injured: tuple[int, bool] | None = None
    date: tuple[str, str] | None = None
    target: str | None = None
    attacker: str | None = None
    count: int | None = None
    position: int = 0

    def absorb(self, d: "Mention | Details", fill_only: bool = False) -> None:
        if isinstance(d, Mention):
            self.mentions.append(d)
        self.weapon = self.weapon or d.weapon
        self.target = self.target or d.target
        self.attacker = self.attacker or d.attacker
        self.count = self.count or d.count
        self.date = self.date or d.date
        for f in ("killed", "injured"):
            mine, theirs = getattr(self, f), getattr(d, f)
            if theirs and (mine is None or (not fill_only and theirs[0] > mine[0])):
                setattr(self, f, theirs)


@dataclass
class Details:
    """What a sentence without a place says about a strike."""
    sentence: int
    weapon: tuple[str, str] | None
    killed: tuple[int, bool] | None
    injured: tuple[int, bool] | None
    date: tuple[str, str] | None
    target: str | None
    attacker: str | None
    count: int | None = None


# --- events -------------------------------------------------------------------------------

class Events:
    """The article's events in order, indexed by place key, with the one touched last."""

    def __init__(self):
        self.all: list[Event] = []
        self._by_key: dict[tuple, list[Event]] = {}
        self._last: Event | None = None
        self._last_at = (-1, 0)

    def __bool__(self) -> bool:
        return bool(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def last(self) -> Event:
        """The event whose latest mention is latest (the first such on a tie)."""
        return self._last

    def _touch(self, ev: Event, pos: int) -> None:
        at = (ev.mentions[-1].sentence.index, -pos)
        if at > self._last_at:
            self._last, self._last_at = ev, at

    def add(self, m: Mention) -> Event:
        same = self._by_key.setdefault(m.key, [])
        if m.recalled and same:
            same[-1].mentions.append(m)
            return same[-1]
        for ev in reversed(same):
            if m.earlier and not (m.date and ev.date == m.date):
                continue
            if m.date and ev.date and m.date[0] != ev.date[0]:
                continue
            ev.absorb(m)
            self._touch(ev, ev.position)
            return ev
        ev = Event(first=m)
        ev.position = len(self.all)
        lead = self.all[0] if self.all else None
        if m.weapon is None and lead is not None and lead.weapon and not m.earlier and \
                (m.date is None or lead.date is None or m.date[0] == lead.date[0]):
            # "Strikes also hit ...": a weaponless hit on the same day is the same raid.
            ev.weapon = lead.weapon
        ev.absorb(m)
        self.all.append(ev)
        same.append(ev)
        self._touch(ev, ev.position)
        return ev


def fold_coarse(events: list[Event]) -> list[Event]:
    """A country or region named for an incident that a finer place also locates is that
    incident ("strikes in southern Lebanon" ... "the port of Tyre"), not another."""
    fine_by_country: dict[str | None, list[Event]] = {}
    for ev in events:
        if ev.first.coarse is None:
            fine_by_country.setdefault(ev.first.place.country, []).append(ev)
    keep = []
    for ev in events:
        f = ev.first
        if f.coarse is None:
            keep.append(ev)
            continue
        finer = [o for o in fine_by_country.get(f.place.country, []) if
                 (f.coarse != "region" or o.first.admin == f.key[1:]) and
                 not (ev.date and o.date and ev.date[0] != o.date[0])]
        if not finer:
            keep.append(ev)
            continue
        target = min(finer, key=lambda o: abs(o.first.sentence.index - f.sentence.index))
        if f.coarse == "region" and target.first.place.region is None:
            target.first.place.region = f.place.name
        target.absorb(Details(f.sentence.index, ev.weapon, ev.killed, ev.injured, ev.date,
                               ev.target, ev.attacker, ev.count), fill_only=True)
    return keep



class Reporters:
    """Which statement reports a strike: the first whose span holds the strike's evidence,
    else the first overlapping it in the same sentence. Indexed so that an article with
    thousands of statements and strikes does not compare every pair."""

    def __init__(self, statements: list[Statement]):
        self.statements = statements
        self._starts = sorted((st.evidence.start, i) for i, st in enumerate(statements))
        self._longest = max((st.evidence.end - st.evidence.start for st in statements), default=0)
        self._by_sentence: dict[int, list[int]] = {}
        for i, st in enumerate(statements):
            self._by_sentence.setdefault(st.evidence.sentence, []).append(i)

    def of(self, m: Mention) -> Statement | None:
        lo = bisect.bisect_left(self._starts, (m.start - self._longest, -1))
        hi = bisect.bisect_right(self._starts, (m.start, len(self.statements)))
        holding = [i for _, i in self._starts[lo:hi] if self.statements[i].evidence.end >= m.end]
        if holding:
            return self.statements[min(holding)]
        for i in self._by_sentence.get(m.sentence.index, []):
            ev = self.statements[i].evidence
            if ev.start < m.end and m.start < ev.end:
                return self.statements[i]
        return None

