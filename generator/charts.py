"""A small SVG bar chart of strikes and deaths over time, for the timeline page."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from .model import FactSheet

MAX_DAILY_SPAN = 62     # beyond two months of data, bars are weeks, not days


@dataclass
class Bar:
    x: float
    width: float
    strikes_h: float
    killed_h: float
    label: str          # "2023-02-01: 3 strikes, 12 killed"
    period: str         # the day or week start, ISO


@dataclass
class Chart:
    bars: list[Bar]
    width: int
    height: int
    unit: str           # day | week
    max_strikes: int
    max_killed: int
    first: str
    last: str


def strike_chart(sheets: list[FactSheet], width: int = 720, height: int = 160) -> Chart | None:
    """Strikes and deaths per day (per week over longer spans), by the date each strike hit."""
    strikes, killed = Counter(), Counter()
    for sheet in sheets:
        for s in sheet.strikes:
            when = s.date or sheet.article.date
            if when:
                d = date.fromisoformat(when)
                strikes[d] += 1
                killed[d] += s.killed or 0
    if not strikes:
        return None
    first, last = min(strikes), max(strikes)
    unit = "day" if (last - first).days <= MAX_DAILY_SPAN else "week"
    if unit == "week":
        strikes, killed = _by_week(strikes), _by_week(killed)
        first, last = min(strikes), max(strikes)
    step = timedelta(days=1 if unit == "day" else 7)
    periods = []
    d = first
    while d <= last:
        periods.append(d)
        d += step
    slot = width / len(periods)
    top_s, top_k = max(strikes.values()), max(killed.values()) or 1
    half = (height - 20) / 2
    bars = []
    for i, p in enumerate(periods):
        n, k = strikes.get(p, 0), killed.get(p, 0)
        if not n:
            continue
        bars.append(Bar(x=round(i * slot, 2), width=round(max(slot * 0.8, 1), 2),
                        strikes_h=round(half * n / top_s, 2), killed_h=round(half * k / top_k, 2),
                        label=f"{'week of ' if unit == 'week' else ''}{p.isoformat()}: "
                              f"{n} strike{'s' if n != 1 else ''}, {k} killed",
                        period=p.isoformat()))
    return Chart(bars, width, height, unit, top_s, max(killed.values()), first.isoformat(), last.isoformat())


def _by_week(counts: Counter) -> Counter:
    out = Counter()
    for d, n in counts.items():
        out[d - timedelta(days=d.weekday())] += n
    return out
