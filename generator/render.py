"""The Jinja2 environment and the page builders: SiteIndex -> {site path: bytes}.

Templates only lay out what these builders hand them: every list is already sorted, every link
target is already an address, and article text is already cut into highlighted segments.
Autoescape is on for every template, so text from articles can never become markup.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .charts import strike_chart
from .config import TEMPLATES, Config
from .exports import csv_files, feed_and_sitemap, search_index, to_json
from .incremental import digest
from .index import Entity, SiteIndex, actor_for, article_order
from .maps import MapPoint, build_map
from .model import Article, FactSheet, Money
from .site import REUSE
from .text import paragraphs
from .urls import article_json_url, article_url, entity_url, relurl

CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def environment(templates: Path = TEMPLATES) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["money"] = format_money
    env.filters["number"] = format_number
    env.globals["article_url"] = article_url
    return env


def format_number(n) -> str:
    if n is None:
        return ""
    return f"{int(n):,}" if float(n) == int(n) else f"{n:,.2f}"


def format_money(m: Money | None) -> str:
    if not m:
        return ""
    amount = m.amount
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size:
            text = f"{amount / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    else:
        text = format_number(amount)
    sign = CURRENCY_SIGNS.get(m.currency)
    return f"{sign}{text}" if sign else f"{text} {m.currency}"


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
    out = []
    anchored: set[str] = set()
    for p_start, p_end in paragraphs(article.body):
        cuts = {p_start, p_end}
        cuts.update(s for s in sentence_starts if p_start <= s < p_end)
        for start, end, _, _ in spans:
            cuts.update(c for c in (start, end) if p_start < c < p_end)
        points = sorted(cuts)
        para = []
        for a, b in zip(points, points[1:]):
            covering = [(fid, kind) for s, e, fid, kind in spans if s <= a and b <= e]
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


class Renderer:
    """Renders every page, or links it from the previous build when the digest of what it shows is
    unchanged (`previous` maps site paths to the digests of the last build)."""

    def __init__(self, config: Config, index: SiteIndex, articles: dict[str, Article], report,
                 keys: dict[str, str] | None = None, previous: dict[str, str] | None = None):
        self.config, self.index, self.articles, self.report = config, index, articles, report
        self.env = environment()
        self.actor_by_name = {e.name: e for e in index.actors.values()}
        self.keys = keys or {}
        self.previous = previous or {}
        self.digests: dict[str, str] = {}
        self.rendered: list[str] = []
        self.content = {s.article.id: self._content_digest(s) for s in index.sheets}

    def page(self, template: str, path: str, **context) -> bytes:
        def url(target: str) -> str:
            return relurl(path, target)

        def entity_link(section: str, name: str | None, entity_id: str | None = None):
            """The address of an entity's page, or None when it has none."""
            table = {"person": self.index.people, "place": self.index.places, "actor": self.index.actors}[section]
            if entity_id and entity_id in table:
                return url(table[entity_id].url)
            if section == "actor" and (e := actor_for(self.actor_by_name, name)):
                return url(e.url)
            return None

        def speaker_href(sheet, statement):
            entity = self.index.speakers.get((sheet.article.id, statement.id))
            return url(entity.url) if entity else None

        html = self.env.get_template(template).render(
            site=self.config, page_path=path, url=url, link=entity_link, speaker_href=speaker_href,
            index=self.index, **context)
        return html.encode("utf-8")

    def emit(self, out: dict, path: str, key: str | None, make: Callable[[], bytes]) -> None:
        """Render `path`, unless the last build rendered it from the same inputs (same key)."""
        if key is not None:
            self.digests[path] = key
            if self.previous.get(path) == key and (self.config.out / path).is_file():
                out[path] = REUSE
                return
        out[path] = make()
        self.rendered.append(path)

    def pages(self) -> dict[str, bytes]:
        idx, out = self.index, {}
        out["index.html"] = self.page("home.html", "index.html", sheets=idx.sheets, totals=_totals(idx.sheets),
                                      map=build_map(_map_points(idx.places.values()), "Places hit, all articles"))
        self.rendered.append("index.html")
        for n, sheet in enumerate(idx.sheets):     # sheets are newest first
            newer = idx.sheets[n - 1] if n > 0 else None
            older = idx.sheets[n + 1] if n + 1 < len(idx.sheets) else None
            places = self._article_places(sheet)
            key = digest(self.content[sheet.article.id], [(s.article.id, s.article.title) if s else None
                                                          for s in (newer, older)], _map_sig(places))
            self.emit(out, article_url(sheet.article.id), key,
                      lambda: self.article_page(sheet, newer, older, places))
            self.emit(out, article_json_url(sheet.article.id), self.content[sheet.article.id],
                      lambda: to_json(sheet.to_json()))
        for section, title, template in (("person", "Speakers", "person.html"),
                                         ("place", "Places", "place.html"),
                                         ("actor", "Countries and organisations", "actor.html")):
            entities = idx.sorted(section)
            index_path = entity_url(section, "index")
            out[index_path] = self.page("entities.html", index_path, title=title, section=section,
                                        entities=entities)
            self.rendered.append(index_path)
            for e in entities:
                related, view = _related(e, idx), self.entity_map(e)
                key = digest(e.section, e.id, e.name, e.kind, sorted(e.names), sorted(e.roles), e.country,
                             e.region, e.lat, e.lon, [self.content[a.article.id] for a in e.articles],
                             {k: [(r.id, r.name) for r in v] for k, v in related.items()},
                             _map_sig(view.dots if view else []))
                self.emit(out, e.url, key, lambda: self.page(
                    template, e.url, entity=e, groups=_by_article(e), totals=_entity_totals(e), related=related,
                    map=view, jsonld=_entity_jsonld(e, self.config.base_url)))
        for path, template, context in (
                ("timeline.html", "timeline.html", lambda: {"days": _timeline(idx.sheets),
                                                            "chart": strike_chart(idx.sheets)}),
                ("search.html", "search.html", dict), ("report.html", "report.html", lambda: {"report": self.report}),
                ("404.html", "404.html", dict)):
            out[path] = self.page(template, path, **context())
            self.rendered.append(path)
        pages = sorted(p for p in out if p.endswith(".html") and p != "404.html")
        out["data/factsheets.json"] = self.all_json(out)
        for extra in (csv_files(idx), search_index(idx),
                      feed_and_sitemap(idx, self.config.base_url, self.config.title, pages)):
            out.update(extra)
            self.rendered.extend(extra)
        return out

    def all_json(self, out: dict) -> bytes:
        """All fact sheets in one JSON list, joined from the per-article files (reused or new)."""
        parts = []
        for sheet in self.index.sheets:
            path = article_json_url(sheet.article.id)
            data = out[path] if out[path] is not REUSE else (self.config.out / path).read_bytes()
            parts.append(data.rstrip(b"\n"))
        return b"[\n" + b",\n".join(parts) + b"\n]\n"

    def _content_digest(self, sheet: FactSheet) -> str:
        """What an article contributes to any page: its content key, and the pages it links to."""
        a = sheet.article
        speakers = [self.index.speakers[(a.id, st.id)].url if (a.id, st.id) in self.index.speakers else None
                    for st in sheet.statements]
        attackers = [getattr(actor_for(self.actor_by_name, s.attacker), "url", None) for s in sheet.strikes]
        places = [s.place.id for s in sheet.strikes]
        parties = [(p.donor.id, p.recipient.id if p.recipient else None) for p in sheet.pledges]
        return digest(self.keys.get(a.id) or sheet.to_json(), a.id, a.title, a.date,
                      self.articles[a.id].warnings, speakers, attackers, places, parties)

    def _article_places(self, sheet: FactSheet) -> list[MapPoint]:
        places = {s.place.id: self.index.places[s.place.id] for s in sheet.strikes if s.place.id in self.index.places}
        return _map_points(places.values(), sheet.article.id)

    def article_page(self, sheet: FactSheet, newer: FactSheet | None, older: FactSheet | None,
                     places: list[MapPoint]) -> bytes:
        article = self.articles[sheet.article.id]
        return self.page(
            "article.html", article_url(sheet.article.id), sheet=sheet, article=article,
            paragraphs=highlighted_paragraphs(article, sheet),
            pairs={kind: [(sheet, f) for f in getattr(sheet, kind)] for kind in ("statements", "strikes", "pledges")},
            json_path=article_json_url(sheet.article.id), newer=newer, older=older, warnings=article.warnings,
            map=build_map(places, "Places hit in this article"),
            jsonld=_article_jsonld(sheet, self.config.base_url))

    def entity_map(self, e: Entity):
        if e.section == "place":
            return build_map(_map_points([e]), f"Where {e.name} is")
        if e.section == "actor":
            places = [p for p in self.index.places.values() if e.country and p.country == e.country]
            places += [self.index.places[s.place.id] for _, s in e.strikes if s.place.id in self.index.places]
            return build_map(_map_points({p.id: p for p in places}.values()),
                             f"Places hit in or by {e.name}", focus=e.country)
        return None


def _map_sig(points) -> list:
    return [(p.name, p.url, getattr(p, "lat", None), getattr(p, "lon", None), getattr(p, "count", None),
             getattr(p, "x", None), getattr(p, "y", None), getattr(p, "r", None)) for p in points]


def _map_points(places, article_id: str | None = None) -> list[MapPoint]:
    """One dot per geocoded place, sized by its strikes (in one article, or in all)."""
    points = []
    for p in places:
        if p.lat is None or p.lon is None:
            continue
        count = sum(1 for sheet, _ in p.strikes if article_id is None or sheet.article.id == article_id)
        points.append(MapPoint(p.lat, p.lon, p.name, p.url, max(count, 1)))
    return points


def _related(e: Entity, idx: SiteIndex) -> dict[str, list[Entity]]:
    """Who reported strikes on a place, and which places a speaker reported strikes on."""
    if e.section == "place":
        people = {}
        for sheet, s in e.strikes:
            if s.reported_by and (p := idx.speakers.get((sheet.article.id, s.reported_by))):
                people[p.id] = p
        return {"reported by": sorted(people.values(), key=lambda x: x.name)}
    if e.section == "person":
        said = {(sheet.article.id, st.id) for sheet, st in e.statements}
        places = {}
        for sheet, _ in e.statements:
            for s in sheet.strikes:
                if (sheet.article.id, s.reported_by) in said and s.place.id in idx.places:
                    places[s.place.id] = idx.places[s.place.id]
        return {"places reported on": sorted(places.values(), key=lambda x: x.name)}
    return {}


def _article_jsonld(sheet: FactSheet, base_url: str) -> dict:
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


def _entity_jsonld(e: Entity, base_url: str) -> dict | None:
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


def _totals(sheets: list[FactSheet]) -> dict[str, int]:
    return {"articles": len(sheets), "statements": sum(len(s.statements) for s in sheets),
            "strikes": sum(len(s.strikes) for s in sheets), "pledges": sum(len(s.pledges) for s in sheets)}


def _by_article(e: Entity) -> list[tuple[FactSheet, dict[str, list]]]:
    """An entity's facts grouped by article, newest article first; each fact paired with its
    sheet, as the fact tables take them."""
    groups: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    sheets = {}
    for kind, facts in (("statements", e.statements), ("strikes", e.strikes),
                        ("given", e.pledges_given), ("received", e.pledges_received)):
        for sheet, fact in facts:
            sheets[sheet.article.id] = sheet
            groups[sheet.article.id][kind].append((sheet, fact))
    return [(sheets[a], dict(groups[a])) for a in sorted(sheets, key=lambda a: article_order(sheets[a]))]


def _entity_totals(e: Entity) -> dict:
    """Casualties at a place; pledges given and received, totalled by currency and by item; a
    speaker's roles with the first and last date each was used."""
    totals = {"killed": sum(s.killed or 0 for _, s in e.strikes),
              "injured": sum(s.injured or 0 for _, s in e.strikes)}
    for side, pledges in (("given", e.pledges_given), ("received", e.pledges_received)):
        value: dict[str, float] = defaultdict(float)
        items: dict[str, list[int]] = defaultdict(lambda: [0, 0])   # item -> [pledges, quantity]
        for _, p in pledges:
            if p.value:
                value[p.value.currency] += p.value.amount
            items[p.item.lower()][0] += 1
            items[p.item.lower()][1] += p.quantity or 0
        totals[f"{side}_value"] = [Money(v, c) for c, v in sorted(value.items())]
        totals[f"{side}_items"] = sorted((item, n, q) for item, (n, q) in items.items())
    roles: dict[str, list[str]] = {}
    for sheet, st in e.statements:
        when = st.date or sheet.article.date or ""
        if st.speaker.role:
            seen = roles.setdefault(st.speaker.role, [when, when])
            seen[0], seen[1] = min(seen[0], when), max(seen[1], when)
    totals["roles"] = sorted(((r, a, b) for r, (a, b) in roles.items()), key=lambda x: (x[1], x[0]))
    return totals


@dataclass
class TimelineEntry:
    kind: str
    sheet: FactSheet
    fact: object
    dated_by_article: bool


def _timeline(sheets: list[FactSheet]) -> list[tuple[str, list[TimelineEntry]]]:
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
