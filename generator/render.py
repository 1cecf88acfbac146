"""The Jinja2 environment and the page builders: SiteIndex -> {site path: bytes}.

Templates only lay out what these builders hand them: every list is already sorted, every link
target is already an address, and article text is already cut into highlighted segments.
Autoescape is on for every template, so text from articles can never become markup.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .config import Config
from .index import Entity, SiteIndex, actor_for, article_order
from .model import Article, FactSheet, Money
from .text import paragraphs
from .urls import article_json_url, article_url, relurl

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
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
    def __init__(self, config: Config, index: SiteIndex, articles: dict[str, Article], report):
        self.config, self.index, self.articles, self.report = config, index, articles, report
        self.env = environment()

    def page(self, template: str, path: str, **context) -> bytes:
        def url(target: str) -> str:
            return relurl(path, target)

        def entity_link(section: str, name: str | None, entity_id: str | None = None):
            """The address of an entity's page, or None when it has none."""
            table = {"person": self.index.people, "place": self.index.places, "actor": self.index.actors}[section]
            if entity_id and entity_id in table:
                return url(table[entity_id].url)
            if section == "actor":
                e = actor_for(self.index, name)
                return url(e.url) if e else None
            return None

        def speaker_href(sheet, statement):
            entity = self.index.speakers.get((sheet.article.id, statement.id))
            return url(entity.url) if entity else None

        html = self.env.get_template(template).render(
            site=self.config, page_path=path, url=url, link=entity_link, speaker_href=speaker_href,
            index=self.index, **context)
        return html.encode("utf-8")

    def pages(self) -> dict[str, bytes]:
        idx = self.index
        out: dict[str, bytes] = {}
        out["index.html"] = self.page("home.html", "index.html", sheets=idx.sheets,
                                      totals=_totals(idx.sheets))
        for n, sheet in enumerate(idx.sheets):
            path = article_url(sheet.article.id)
            chrono = sorted(idx.sheets, key=article_order)
            out[path] = self.page(
                "article.html", path, sheet=sheet, article=self.articles[sheet.article.id],
                paragraphs=highlighted_paragraphs(self.articles[sheet.article.id], sheet),
                pairs={kind: [(sheet, f) for f in getattr(sheet, kind)]
                       for kind in ("statements", "strikes", "pledges")},
                json_path=article_json_url(sheet.article.id),
                newer=chrono[n - 1] if n > 0 else None, older=chrono[n + 1] if n + 1 < len(chrono) else None,
                warnings=self.articles[sheet.article.id].warnings)
            out[article_json_url(sheet.article.id)] = _json(sheet.to_json())
        for section, title, template in (("person", "Speakers", "person.html"),
                                         ("place", "Places", "place.html"),
                                         ("actor", "Countries and organisations", "actor.html")):
            entities = idx.sorted(section)
            index_path = entities[0].url.rsplit("/", 1)[0] + "/index.html" if entities else \
                {"person": "people", "place": "places", "actor": "actors"}[section] + "/index.html"
            out[index_path] = self.page("entities.html", index_path, title=title, section=section,
                                        entities=entities)
            for e in entities:
                out[e.url] = self.page(template, e.url, entity=e,
                                       groups=_by_article(e), totals=_entity_totals(e))
        out["timeline.html"] = self.page("timeline.html", "timeline.html", days=_timeline(idx.sheets))
        out["report.html"] = self.page("report.html", "report.html", report=self.report)
        out["data/factsheets.json"] = _json([s.to_json() for s in idx.sheets])
        return out


def _json(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


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
    killed = sum(s.killed or 0 for _, s in e.strikes)
    injured = sum(s.injured or 0 for _, s in e.strikes)
    value: dict[str, float] = defaultdict(float)
    items: dict[str, int] = defaultdict(int)
    for _, p in e.pledges_given:
        if p.value:
            value[p.value.currency] += p.value.amount
        items[p.item] += p.quantity or 0
    return {"killed": killed, "injured": injured,
            "given_value": [Money(v, c) for c, v in sorted(value.items())],
            "given_items": sorted(items.items())}


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
