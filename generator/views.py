"""What each page shows, shaped for the templates: facts grouped by article and by month,
totals, related entities, map points, timeline days, JSON-LD, highlighted article text.

Plain functions of the index; render.py decides which pages to write and when to reuse them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .index import Entity, SiteIndex
from .maps import MapPoint
from .model import Article, FactSheet, Money
from .text import paragraphs
from .urls import article_url

RECENT = 30     # articles shown on the home page and an entity page before the monthly archive


@dataclass
class Segment:
    text: str
    facts: list[str] = field(default_factory=list)     # fact ids covering this span
    kinds: str = ""                                     # css classes: statement strike pledge
    anchors: list[str] = field(default_factory=list)    # ids of the facts that start here: f-st1
    sentence: int | None = None                         # index of the sentence that starts here


def highlighted_paragraphs(article: Article, sheet: FactSheet) -> list[list[Segment]]:
    """The body cut at every sentence and fact boundary, so each piece knows which facts cover it."""
    spans = []
    for kind, facts in (("statement", sheet.statements), ("strike", sheet.strikes), ("pledge", sheet.pledges)):
        for f in facts:
            start, end = max(0, f.evidence.start), min(len(article.body), f.evidence.end)
            if end > start:
                spans.append((start, end, f.id, kind))
    sentence_starts = {s.start: s.index for s in article.sentences}
    starts_sorted = sorted(sentence_starts)
    spans.sort()
    out = []
    anchored: set[str] = set()
    first = 0       # spans before this one end before the current paragraph
    # Paragraphs, sentence starts and spans are all in text order: each paragraph looks only at
    # its own slice of them (a 20 MB text has hundreds of thousands of sentences).
    for p_start, p_end in paragraphs(article.body):
        lo, hi = bisect_left(starts_sorted, p_start), bisect_left(starts_sorted, p_end)
        cuts = {p_start, p_end, *starts_sorted[lo:hi]}
        while first < len(spans) and spans[first][1] <= p_start and spans[first][0] < p_start:
            first += 1
        local = [sp for sp in spans[first:bisect_left(spans, (p_end,))] if sp[1] > p_start]
        for start, end, _, _ in local:
            cuts.update(c for c in (start, end) if p_start < c < p_end)
        points = sorted(cuts)
        para = []
        for a, b in zip(points, points[1:]):
            covering = [(fid, kind) for s, e, fid, kind in local if s <= a and b <= e]
            seg = Segment(article.body[a:b], [fid for fid, _ in covering],
                          " ".join(sorted({k for _, k in covering})))
            seg.sentence = sentence_starts.get(a)
            for fid, _ in covering:
                if fid not in anchored:
                    anchored.add(fid)
                    seg.anchors.append(f"f-{fid}")
            para.append(seg)
        out.append(para)
    # A fact whose span is empty or outside the text is anchored at its sentence, so that
    # every evidence link on the site lands somewhere.
    starts = {seg.sentence: seg for para in out for seg in para if seg.sentence is not None}
    for facts in (sheet.statements, sheet.strikes, sheet.pledges):
        for f in facts:
            if f.id not in anchored and out:
                seg = starts.get(f.evidence.sentence) or out[0][0]
                seg.anchors.append(f"f-{f.id}")
    return out


CERTAINTY = {"stated": "stated as fact", "attributed": "on a source's word", "unverified": "unverified",
             "denied": "denied"}


def certainty_label(fact) -> str | None:
    """The plain-words label of how the article presents a fact (statements are claims by
    nature, so only a denial is worth saying there)."""
    if hasattr(fact, "speaker") and fact.certainty != "denied":
        return None
    label = CERTAINTY.get(fact.certainty)
    if fact.certainty == "denied" and fact.disputed_by:
        label = f"denied by {fact.disputed_by}"
    return label


def map_sig(points) -> list:
    """Everything a map's points (MapPoint) or dots (maps.Dot) show, for page digests. Both are
    flat records of numbers and strings, so their field values are the whole of it (astuple's
    deep copy cost a third of a second per build at 10,000 articles)."""
    return [tuple(vars(p).values()) for p in points]


def map_points(places, counts: dict[str, int] | None = None) -> list[MapPoint]:
    """One dot per geocoded place, sized by its strikes (`counts` by place id, else its events)."""
    return [MapPoint(p.lat, p.lon, p.name, p.url, max((counts or {}).get(p.id, 0) if counts is not None
                                                       else len(p.events) or len(p.strikes), 1))
            for p in places if p.lat is not None and p.lon is not None]


def article_jsonld(sheet: FactSheet, base_url: str) -> dict:
    a = sheet.article
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "datePublished": a.date, "url": a.url or (base_url + article_url(a.id) if base_url else None),
            "publisher": {"@type": "Organization", "name": a.outlet} if a.outlet else None,
            "hasPart": [{"@type": "Quotation", "text": st.text,
                         "creator": {"@type": "Person" if st.speaker.kind == "person" else "Organization",
                                     "name": st.speaker.name}} for st in sheet.statements],
            "contentLocation": [{"@type": "Place", "name": s.place.name,
                                 "geo": {"@type": "GeoCoordinates", "latitude": s.place.lat,
                                         "longitude": s.place.lon} if s.place.lat is not None else None}
                                for s in sheet.strikes]}
    return _prune(data)


def entity_jsonld(e: Entity, base_url: str) -> dict | None:
    if e.section == "place":
        return _prune({"@context": "https://schema.org", "@type": "Place", "name": e.name,
                       "geo": {"@type": "GeoCoordinates", "latitude": e.lat, "longitude": e.lon}
                       if e.lat is not None else None,
                       "url": base_url + e.url if base_url else None})
    if e.section == "person" and e.kind == "person":
        return _prune({"@context": "https://schema.org", "@type": "Person", "name": e.name,
                       "jobTitle": next(iter(e.roles), None), "url": base_url + e.url if base_url else None})
    return None


def _prune(value):
    """Drop empty values, so the JSON-LD states only what is known."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def site_totals(sheets: list[FactSheet]) -> dict[str, int]:
    return {"articles": len(sheets), "statements": sum(len(s.statements) for s in sheets),
            "strikes": sum(len(s.strikes) for s in sheets), "pledges": sum(len(s.pledges) for s in sheets)}


@dataclass
class PledgeThread:
    """One pledge as it is announced, approved and delivered across articles."""
    donor: str
    recipient: str | None
    item: str
    reports: list = field(default_factory=list)     # (sheet, pledge), oldest first
    value: Money | None = None                      # the latest figures reported
    quantity: int | None = None
    articles: set = field(default_factory=set)

    def add(self, sheet: FactSheet, pledge) -> None:
        self.reports.append((sheet, pledge))
        self.articles.add(sheet.article.id)
        self.value = pledge.value or self.value
        self.quantity = pledge.quantity or self.quantity

    def fits(self, sheet: FactSheet, p) -> bool:
        """Another report of this pledge: from another article (one article's mentions were
        merged by the extractor) and with no figure that contradicts the thread's."""
        if sheet.article.id in self.articles:
            return False
        if p.quantity and self.quantity and p.quantity != self.quantity:
            return False
        return not (p.value and self.value and (p.value.currency != self.value.currency or
                                                abs(p.value.amount - self.value.amount) > 0.01 * self.value.amount))

    def __repr__(self) -> str:   # compact and complete: entity page digests include it
        return repr((self.donor, self.recipient, self.item, self.value, self.quantity,
                     [(s.article.id, s.article.date, s.article.outlet, s.article.title, p.id, p.status, p.date)
                      for s, p in self.reports]))

    @property
    def statuses(self) -> list[str]:
        seen = []
        for _, p in self.reports:
            if p.status not in seen:
                seen.append(p.status)
        return seen


def _item_head(item: str) -> str:
    """The noun an item is about: "14 Leopard 2 tanks" and "tanks" share "tank"."""
    words = re.findall(r"[a-z][a-z-]*", item.lower())
    head = words[-1] if words else item.lower()
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


THREADS_SHOWN = 30


def pledge_threads(pledges: list) -> list[PledgeThread]:
    """Pledges with the same donor, recipient and item (by its head noun) whose quantities and
    values do not contradict each other are one pledge reported several times; in article
    order, each joins the open thread it fits (the newest one). Totals count a thread once."""
    threads: list[PledgeThread] = []
    buckets: dict[tuple, list[PledgeThread]] = defaultdict(list)
    for sheet, p in sorted(pledges, key=lambda sp: (sp[0].article.date or "", sp[0].article.id, sp[1].id)):
        key = (p.donor.id or p.donor.name, p.recipient.id if p.recipient else None, _item_head(p.item))
        bucket = buckets[key]
        # Only the newest thread of a kind is open: a pledge re-reported after a different one
        # started is a new pledge (and the walk stays linear however many there are).
        if bucket and bucket[-1].fits(sheet, p):
            bucket[-1].add(sheet, p)
            continue
        thread = PledgeThread(p.donor.name, p.recipient.name if p.recipient else None, p.item)
        thread.add(sheet, p)
        bucket.append(thread)
        threads.append(thread)
    return threads


QUOTE_KEY_WORDS = 8
REPEATED_SHOWN = 20      # repeated statements on a speaker's page, newest first
SOURCES_SHOWN = 12       # sources listed for each; the rest are counted


def repeated_quotes(e: Entity) -> list[tuple[str, list, int]]:
    """Statements carried by several articles, each once with its sources (text, the first
    SOURCES_SHOWN (sheet, statement) pairs, how many in all): two statements are the same
    when their first QUOTE_KEY_WORDS words are (outlets trim the end of a quote more often
    than its start). The longest version is shown; the newest REPEATED_SHOWN are kept, so a
    speaker quoted daily for years still has a page of bounded size."""
    groups: dict[str, list] = defaultdict(list)
    for sheet, st in e.statements:
        key = _quote_key(st.text)
        if key:
            groups[key].append((sheet, st))
    out = []
    for key, items in sorted(groups.items()):
        first = items[0][0].article.id
        if any(sheet.article.id != first for sheet, _ in items):
            items.sort(key=lambda sp: (sp[0].article.date or "", sp[0].article.id), reverse=True)
            text = max((st.text for _, st in items), key=lambda t: (len(t), t))
            out.append((text, items[:SOURCES_SHOWN], len(items)))
    out.sort(key=lambda g: (g[1][0][0].article.date or "", g[0]), reverse=True)
    return out[:REPEATED_SHOWN]


@lru_cache(maxsize=65536)
def _quote_key(text: str) -> str | None:
    """The first QUOTE_KEY_WORDS words of a statement, or None when it is shorter. (A quote
    carried by a hundred articles is keyed once, not once per article.)"""
    words = re.findall(r"\w+", text.lower())
    return " ".join(words[:QUOTE_KEY_WORDS]) if len(words) >= QUOTE_KEY_WORDS else None


def entity_totals(e: Entity) -> dict:
    """Casualties at a place; pledges given and received, totalled by currency and by item
    counting each pledge thread once; a speaker's roles with the first and last date of each."""
    totals = {"killed": sum(s.killed or 0 for _, s in e.strikes),
              "injured": sum(s.injured or 0 for _, s in e.strikes)}
    # A place's toll counts each event once, at its best (latest) figure, not every report.
    tolls = [(ev.toll("killed"), ev.toll("injured")) for ev in e.events]
    totals["event_killed"] = sum(k.best for k, _ in tolls if k)
    totals["event_injured"] = sum(i.best for _, i in tolls if i)
    for side, pledges in (("given", e.pledges_given), ("received", e.pledges_received)):
        value: dict[str, float] = defaultdict(float)
        items: dict[str, list[int]] = defaultdict(lambda: [0, 0])   # item -> [pledges, quantity]
        threads = pledge_threads(pledges)
        totals[f"{side}_threads"] = [t for t in threads if len(t.reports) > 1][-THREADS_SHOWN:][::-1]
        for t in threads:
            if t.value:
                value[t.value.currency] += t.value.amount
            items[t.item.lower()][0] += 1
            items[t.item.lower()][1] += t.quantity or 0
        totals[f"{side}_value"] = [Money(v, c) for c, v in sorted(value.items())]
        totals[f"{side}_items"] = sorted((item, n, q) for item, (n, q) in items.items())
    roles: dict[str, list[str]] = {}
    for sheet, st in e.statements:
        when = st.date or sheet.article.date
        if st.speaker.role:
            seen = roles.setdefault(st.speaker.role, [when, when])
            if when:    # an undated statement neither opens nor closes a role's dates
                seen[0] = min(seen[0] or when, when)
                seen[1] = max(seen[1] or when, when)
    totals["roles"] = sorted(((r, a, b) for r, (a, b) in roles.items()), key=lambda x: (x[1] or "", x[0]))
    return totals


@dataclass
class TimelineEntry:
    kind: str
    sheet: FactSheet
    fact: object
    dated_by_article: bool


def timeline_days(sheets: list[FactSheet]) -> list[tuple[str, list[TimelineEntry]]]:
    """Every fact under the day it happened, or the article's date when the text gives none."""
    days: dict[str, list[TimelineEntry]] = defaultdict(list)
    for sheet in sheets:
        for kind, facts in (("statement", sheet.statements), ("strike", sheet.strikes),
                            ("pledge", sheet.pledges)):
            for f in facts:
                day = f.date or sheet.article.date or "undated"
                days[day].append(TimelineEntry(kind, sheet, f, f.date is None))
    # Newest day first; facts with no date at all last.
    return sorted(days.items(), key=lambda kv: (kv[0] != "undated", kv[0]), reverse=True)


def month_of(day: str | None) -> str:
    """"2023-02" for any date in February 2023; "undated" without one."""
    return day[:7] if day else "undated"


class FactView:
    """The part of an entity's facts that one page shows (the articles `ids`, newest first),
    grouped by article and by kind. Grouping waits until a page is really rendered: for a
    reused page, the ids are all the digest needs."""

    def __init__(self, entity: Entity, ids: list[str], by_article: "FactsByArticle"):
        self.entity, self.ids = entity, ids
        self.by_article = by_article

    @cached_property
    def groups(self) -> list[tuple[FactSheet, dict[str, list]]]:
        table = self.by_article.table
        return [table[i] for i in self.ids]

    def facts(self, kind: str) -> list:
        return [pair for _, kinds in self.groups for pair in kinds.get(kind, [])]

    @property
    def statements(self) -> list:
        return self.facts("statements")

    @property
    def strikes(self) -> list:
        return self.facts("strikes")

    @property
    def given(self) -> list:
        return self.facts("given")

    @property
    def received(self) -> list:
        return self.facts("received")


class FactsByArticle:
    """An entity's facts by article and kind, made once for all of its views: a country with
    thousands of facts has dozens of month pages, and each used to walk all of them."""

    def __init__(self, entity: Entity):
        self.entity = entity

    @cached_property
    def table(self) -> dict[str, tuple[FactSheet, dict[str, list]]]:
        table: dict[str, tuple[FactSheet, dict[str, list]]] = {}
        e = self.entity
        for kind, facts in (("statements", e.statements), ("strikes", e.strikes),
                            ("given", e.pledges_given), ("received", e.pledges_received)):
            for sheet, fact in facts:
                entry = table.get(sheet.article.id)
                if entry is None:
                    entry = table[sheet.article.id] = (sheet, {})
                entry[1].setdefault(kind, []).append((sheet, fact))
        return table


def entity_views(e: Entity, rank: dict[str, int]) -> tuple[FactView, dict[str, FactView]]:
    """The entity page shows the newest RECENT articles; beyond that, every month gets an
    archive page, so no page grows without bound and an edit touches few of them."""
    dates = {sheet.article.id: sheet.article.date
             for facts in (e.statements, e.strikes, e.pledges_given, e.pledges_received) for sheet, _ in facts}
    ids = sorted(dates, key=rank.__getitem__)
    by_article = FactsByArticle(e)
    if len(ids) <= RECENT:
        return FactView(e, ids, by_article), {}
    months: dict[str, list] = defaultdict(list)
    for i in ids:
        months[month_of(dates[i])].append(i)
    return FactView(e, ids[:RECENT], by_article), {m: FactView(e, v, by_article)
                                                   for m, v in sorted(months.items(), reverse=True)}


def events_by_month(events: list) -> tuple[list, dict[str, list]]:
    """The newest RECENT events, and every event under its month when there are more."""
    if len(events) <= RECENT:
        return events, {}
    months: dict[str, list] = defaultdict(list)
    for event in events:
        months[month_of(event.date)].append(event)
    return events[:RECENT], _newest_first(months)


def _newest_first(months: dict) -> dict:
    """Months newest first, "undated" last."""
    return dict(sorted(months.items(), key=lambda kv: (kv[0] != "undated", kv[0]), reverse=True))


def sheets_by_month(sheets: list[FactSheet]) -> dict[str, list[FactSheet]]:
    """Articles (newest first) under their month of publication, newest month first."""
    months: dict[str, list[FactSheet]] = defaultdict(list)
    for sheet in sheets:
        months[month_of(sheet.article.date)].append(sheet)
    return _newest_first(months)


def timeline_months(sheets: list[FactSheet]) -> dict[str, tuple[int, list[FactSheet]]]:
    """For each month of the timeline (newest first): how many facts fall in it and the
    articles they come from. Only the dates are read here; a month's days are built when its
    page is really rendered (timeline_days on its articles)."""
    months: dict[str, list] = defaultdict(lambda: [0, {}])
    for sheet in sheets:
        for facts in (sheet.statements, sheet.strikes, sheet.pledges):
            for f in facts:
                entry = months[month_of(f.date or sheet.article.date)]
                entry[0] += 1
                entry[1][sheet.article.id] = sheet
    return {m: (n, list(articles.values())) for m, (n, articles) in _newest_first(months).items()}


def month_days(month: str, sheets: list[FactSheet]) -> list[tuple[str, list[TimelineEntry]]]:
    """The timeline days of one month, from the articles that have facts in it."""
    return [(day, entries) for day, entries in timeline_days(sheets)
            if month_of(None if day == "undated" else day) == month]
