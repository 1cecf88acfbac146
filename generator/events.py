"""One event, many reports: strikes on the same place within a short window are one event.

The rule, deterministic and linear (each place's reports are sorted once by date):
- two reports can be one event only if they name the same place (the same gazetteer entry, so
  two towns that share a name never merge);
- each report gives the days the strike may have happened: its date when the text dates it
  to the day; the three days around it for "last week"-like dates (precision week); the
  article's day or the two days before when the text gives no date (news runs the day after);
- walking the reports in order, a report joins the current event when its days overlap the
  days all the event's reports agree on (which then narrow to the overlap), unless the event
  already has a report from the same article (the extractor has already merged one article's
  mentions of one incident, so two strikes there are two incidents); otherwise it starts a
  new event.
So "Kharkiv, Monday" and "Kharkiv, Tuesday" are two events even if Kharkiv is hit every day,
and an undated report published on Tuesday joins Monday's event.

Tolls are kept per report and shown side by side: low / best / high, where best is the figure
of the most recent report (tolls rise as bodies are found) and its source is named.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from .model import FactSheet, Strike

# (days before, days after) the resolved date that the strike may have happened on.
SPAN = {"day": (0, 0), "week": (3, 3), "month": (0, 30), "article": (2, 0)}


@dataclass
class Report:
    sheet: FactSheet
    strike: Strike
    day: date | None
    span: tuple[int, int]
    window: tuple[date, date] | None = field(init=False)    # the days it may have happened on

    def __post_init__(self):
        self.window = None if self.day is None else \
            (self.day - timedelta(days=self.span[0]), self.day + timedelta(days=self.span[1]))


@dataclass
class Toll:
    low: int
    best: int
    high: int
    source: str            # the outlet or article title of the best figure
    at_least: bool


@dataclass
class Event:
    id: str
    place: object                       # the place Entity
    reports: list[Report] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"events/{self.id}.html"

    @cached_property
    def date(self) -> str | None:
        """The day it hit: the earliest date a report gives, else the earliest article's day.
        (Asked for once the reports are all in: sorting, pages and digests ask it again.)"""
        days = [r.day for r in self.reports if r.day and r.strike.date] or [r.day for r in self.reports if r.day]
        return min(days).isoformat() if days else None

    @property
    def weapons(self) -> list[str]:
        return sorted({r.strike.weapon for r in self.reports if r.strike.weapon})

    def toll(self, kind: str) -> Toll | None:
        """low / best / high of one casualty figure across the reports that give it."""
        given = [r for r in self.reports if getattr(r.strike, kind) is not None]
        if not given:
            return None
        latest = max(given, key=lambda r: (r.sheet.article.date or "", getattr(r.strike, kind)))
        values = [getattr(r.strike, kind) for r in given]
        return Toll(min(values), getattr(latest.strike, kind), max(values),
                    latest.sheet.article.outlet or latest.sheet.article.title, latest.strike.casualties_at_least)

    @property
    def disagreements(self) -> list[str]:
        """What the sources disagree on, in words, so that nothing is silently overwritten."""
        out = []
        for kind, label in (("killed", "the number killed"), ("injured", "the number injured")):
            values = {getattr(r.strike, kind) for r in self.reports if getattr(r.strike, kind) is not None}
            if len(values) > 1:
                out.append(f"{label}: {', '.join(str(v) for v in sorted(values))}")
        attackers = {r.strike.attacker for r in self.reports if r.strike.attacker}
        if len(attackers) > 1:
            out.append(f"who struck: {', '.join(sorted(attackers))}")
        weapons = {r.strike.weapon for r in self.reports if r.strike.weapon}
        if len(weapons) > 1:
            out.append(f"the weapon: {', '.join(sorted(weapons))}")
        return out


def report_day(sheet: FactSheet, strike: Strike) -> tuple[date | None, tuple[int, int]]:
    if strike.date:
        return date.fromisoformat(strike.date), SPAN.get(strike.date_precision, SPAN["day"])
    if sheet.article.date:
        return date.fromisoformat(sheet.article.date), SPAN["article"]
    return None, (0, 0)


def group_events(places) -> list[Event]:
    """Every place's strike reports grouped into events; events sorted newest first."""
    events: list[Event] = []
    used: set[str] = set()
    for place in sorted(places, key=lambda p: p.id):
        reports = [Report(sheet, s, *report_day(sheet, s)) for sheet, s in place.strikes]
        dated = sorted((r for r in reports if r.day), key=lambda r: (r.window, r.sheet.article.id, r.strike.id))
        current: Event | None = None
        agreed = None       # the days all reports of the current event allow
        for r in dated:
            lo, hi = r.window
            same_article = current is not None and any(x.sheet is r.sheet for x in current.reports)
            if current is not None and lo <= agreed[1] and agreed[0] <= hi and not same_article:
                current.reports.append(r)
                agreed = (max(agreed[0], lo), min(agreed[1], hi))
                continue
            current, agreed = Event(_unique(f"{place.id}-{r.day.isoformat()}", used), place, [r]), (lo, hi)
            events.append(current)
        for r in reports:   # no date at all: each report stands alone
            if r.day is None:
                events.append(Event(_unique(f"{place.id}-undated", used), place, [r]))
    return sorted(events, key=lambda e: (e.date or "", e.id), reverse=True)


def _unique(base: str, used: set[str]) -> str:
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug
