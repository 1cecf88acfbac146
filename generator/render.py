"""The Jinja2 environment and the page builders: SiteIndex -> {site path: bytes}.

Templates only lay out what these builders hand them: every list is already sorted, every link
target is already an address, and article text is already cut into highlighted segments.
Autoescape is on for every template, so text from articles can never become markup.
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain
from pathlib import Path

import jinja2
import markupsafe
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, Template, select_autoescape

from .cache import cache_dir
from .charts import strike_chart
from .checks import PageCheck, SiteFiles, check_page, settle
from .config import TEMPLATES, Config
from .exports import (CSV_TABLES, FEED_FILES, article_search_docs, csv_header, csv_rows, entity_search_docs,
                      feed_and_sitemap, search_script, to_json)
from .incremental import Previous, Spliced, digest
from .index import Entity, SiteIndex, actor_for
from .maps import MapPoint, build_map
from .model import Article, FactSheet, Money
from .site import REUSE, Staging, fixed_files
from .text import split_sentences
from .urls import (archive_url, article_json_url, article_url, entity_month_url, entity_url, relurl,
                   timeline_url)
from .views import (RECENT, FactView, article_jsonld, certainty_label, events_by_month, month_days, repeated_quotes, entity_jsonld, entity_totals, entity_views,
                    highlighted_paragraphs, map_points, map_sig, sheets_by_month, site_totals,
                    timeline_months)

CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


try:
    from markupsafe._speedups import _escape_inner     # markupsafe 3: the C escape without the Markup
except ImportError:     # pragma: no cover - other markupsafe versions: their own escape, slower
    _escape_inner = None


def _escape(value: object) -> str:
    """What markupsafe.escape outputs, as a plain string: in a template, `{{ x }}` calls escape
    only to write what it returns, and building the Markup object took most of the call (a
    quarter of a million calls for 1,000 article pages). Strings, macros' output and numbers,
    nearly every value, take the short way; anything else goes through markupsafe itself."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is markupsafe.Markup:      # a macro's output, already escaped
        return value
    if kind is int or kind is float:
        return str(value)       # signs, digits, ".", "e", "inf", "nan": nothing to escape
    return markupsafe.escape(value)


class _PageTemplate(Template):
    """A template whose `{{ x }}` uses _escape. Compiled code calls escape only where it writes
    a value out; every other use (macros, `set` blocks, `|e`, `|join`) wraps or escapes its
    result with markupsafe itself, so what the pages say is unchanged."""

    @classmethod
    def _from_namespace(cls, environment, namespace, *args, **kwargs):
        if _escape_inner is not None and namespace.get("escape") is markupsafe.escape:
            namespace["escape"] = _escape
        return super()._from_namespace(environment, namespace, *args, **kwargs)


def environment(templates: Path = TEMPLATES) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, bytecode_cache=_bytecode_cache(),
                      # Templates do not change during a build: without this, every page asked
                      # the disk for the times of its template, base.html and macros.html.
                      auto_reload=False)
    env.template_class = _PageTemplate
    env.filters["money"] = format_money
    env.filters["number"] = format_number
    env.filters["certainty"] = certainty_label
    # Links are filters, not functions: Jinja calls a filter directly, while every call of a
    # function goes through Context.call and its checks (a million links at 10,000 articles).
    env.filters["rel"] = _relative
    env.filters["article_url"] = article_url
    env.globals.update(archive_url=archive_url, timeline_url=timeline_url,
                       event_month_url=lambda month: f"events/{month}.html")
    return env


@jinja2.pass_context
def _relative(context, target: str) -> str:
    """`target | rel`: the link from the page being rendered to a site path."""
    return relurl(context["page_path"], target)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between builds (keyed by each template's source, so an edited
    template is compiled again): compiling them cost a fifth of a second per build."""
    # Compiled code also depends on the environment's options (defined in this module) and on
    # Jinja's version, which the cache's own key (template name and source) does not cover.
    folder = cache_dir() / "templates" / hashlib.sha256(
        (jinja2.__version__ + Path(__file__).read_text(encoding="utf-8")).encode()).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


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


class Plan:
    """The pages of a part of the site: each reused from the last build (`out`: REUSE, its
    digest unchanged) or queued with the function that makes it (`jobs`); `later`: groups of
    pages whose contents are worked out in the worker that renders them."""

    def __init__(self):
        self.out: dict[str, object] = {}
        self.jobs: list[tuple[str, Callable[[], bytes]]] = []
        self.digests: dict[str, str] = {}
        self.later: list[tuple[int, tuple[str, ...], Callable[[Plan], None]]] = []   # (weight, paths, plan)

    def defer(self, paths: list[str], plan: Callable[[Plan], None], weight: int) -> None:
        """`weight`: how much work it is against the other groups."""
        self.later.append((weight, tuple(paths), plan))

    def heaviest_first(self) -> list[tuple[tuple[str, ...], Callable[[Plan], None]]]:
        """The deferred groups, the heaviest first, so that no worker is left with one at the end."""
        return [(paths, plan) for _, paths, plan in sorted(self.later, key=lambda group: -group[0])]

    def paths(self) -> list[str]:
        """Every page queued, deferred groups included."""
        return [path for path, _ in self.jobs] + [path for _, paths, _ in self.later for path in paths]


class Renderer:
    """Renders every page, or links it from the previous build when the digest of what it shows is
    unchanged (`previous`: the last build's page digests, joined-file pieces and entity groups).
    `keys` maps each article to (digest of its input, of its facts, of what other pages show of
    them, of its structure, of each fact: sheets.facts_digests); with `staging`, pages are
    written and checked where they are rendered.

    A local edit (`local`: the articles whose input changed, when no article's structure did:
    incremental.Previous.local_edit)
    keeps the last build's index, ids, events and months, so a page's digest can change only if
    the page shows one of these articles: only those pages are looked at again, every other one
    keeps its digest and its file. At 10,000 articles, deriving every digest again was a second
    of each edit."""

    def __init__(self, config: Config, index: SiteIndex, articles: dict[str, Article], report,
                 keys: dict[str, tuple] | None = None, previous: Previous | None = None,
                 staging: Staging | None = None, local: set[str] | None = None):
        self.config, self.index, self.articles, self.report = config, index, articles, report
        self.env = environment()
        self.actor_by_name = {e.name: e for e in index.actors.values()}
        previous = previous or Previous()
        self.keys = keys or {}
        self.previous = previous.pages
        self.digests: dict[str, str] = {}      # site path -> digest of its inputs (after pages())
        self.rendered: list[str] = []
        self.places_by_country: dict[str, list[Entity]] = {}
        for p in index.places.values():
            self.places_by_country.setdefault(p.country, []).append(p)
        self._attackers: dict[str | None, str | None] = {}
        self.out_dir = str(config.out)
        self.spliced = Spliced(config.out, previous.pieces)
        self.staging = staging
        self.local = local      # incremental.Previous.local_edit, worked out by build._sheets_and_index
        if self.local is None and any(key[1] is None for key in self.keys.values()):
            raise RuntimeError("internal error: a full render without every article's fact sheet digests")
        if self.local is None:
            self.content = {s.article.id: self._content_digest(s) for s in index.sheets}
            self.data_keys = {s.article.id: self._data_key(s) for s in index.sheets}
            self.by_entity = {s.article.id: self._entity_digests(s) for s in index.sheets} if self.keys else {}
        else:
            self.content = {a: known[2] for a, known in previous.articles.items()}
            self.data_keys = {a: known[3] for a, known in previous.articles.items()}
            self.by_entity = {a: known[4] for a, known in previous.articles.items()}
            for a in self.local:
                sheet = index.sheets[index.rank[a]]
                self.content[a] = self._content_digest(sheet)
                self.data_keys[a] = self._data_key(sheet)       # made from the content digest
                self.by_entity[a] = self._entity_digests(sheet)
        self.known_articles = previous.articles
        self.related = index.related
        self.previous_groups = previous.groups
        self.groups: dict[str, list] = {}       # entity page -> [signature, its pages] (entity_pages)

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
            site=self.config, page_path=path, link=entity_link, speaker_href=speaker_href,
            index=self.index, **context)
        return html.encode("utf-8")

    def emit(self, plan: Plan, path: str, key: str, make: Callable[[], bytes] | None) -> None:
        """Queue `path` for rendering, unless the last build rendered it from the same inputs
        (`key`: the digest of everything it shows)."""
        plan.digests[path] = key
        if self.previous.get(path) == key and self._on_disk(path):
            plan.out[path] = REUSE
            return
        plan.out.pop(path, None)
        plan.jobs.append((path, make))

    def shows_edit(self, sheets) -> bool:
        """Whether a page listing `sheets` must be looked at again: always, unless this is a
        local edit and none of them changed."""
        return self.local is None or any(s.article.id in self.local for s in sheets)

    def pages(self) -> dict[str, bytes]:
        plan = Plan()
        if self.local is not None:     # every page as the last build made it, until looked at again
            plan.out = dict.fromkeys(self.previous, REUSE)
            plan.digests = dict(self.previous)
        # Queued first of the single pages (after the entity groups, heaviest first): the report
        # lists every input (0.8 s at 10,000 articles), and queued last it kept one worker
        # busy while the other had nothing left to do.
        report_key = digest([(i.path, i.status, i.article_id, i.messages, i.counts) for i in self.report.inputs])
        self.emit(plan, "report.html", report_key, partial(self.page, "report.html", "report.html", report=self.report))
        self.home_and_archive(plan)
        self.articles_pages(plan)
        for section in ("person", "place", "actor"):
            self.entity_pages(plan, section)
        self.timeline(plan)
        self.event_pages(plan)
        scripts = self.search_scripts(plan)
        for path, template, key, context in (("search.html", "search.html", digest(scripts), {"scripts": scripts}),
                                             ("404.html", "404.html", "404", {})):
            self.emit(plan, path, key, partial(self.page, template, path, **context))
        for name in self.env.list_templates(extensions=["html"]):
            self.env.get_template(name)     # loaded once here, not once in each worker
        if self.previous and self.staging is not None:
            self.staging.existing()         # listed once here, not once in each worker
        out, digests, tables = render_all(plan.heaviest_first() + plan.jobs, self._finisher(plan),
                                          meanwhile=self.csv_tables)
        self.digests = {**plan.digests, **digests}
        out = {**plan.out, **out}
        self.rendered = [path for path, made in out.items() if made is not REUSE]
        pages = sorted(p for p in out if p.endswith(".html") and p != "404.html")
        out["data/factsheets.json"] = self.all_json(out)
        out.update(tables)
        extra = feed_and_sitemap(self.index, self.config.base_url, self.config.title, pages)
        out.update(extra)
        self.rendered.extend(["data/factsheets.json", *CSV_TABLES, *extra])
        return out

    def csv_tables(self) -> dict[str, bytes]:
        """The CSV tables, a piece per article (made again only for the articles that changed)."""
        sheets = self.index.sheets
        keys = [self.data_keys[s.article.id] for s in sheets]
        return {path: self.spliced.join(path, keys, lambda n, path=path: csv_rows(path, sheets[n]),
                                        head=csv_header(path))
                for path in CSV_TABLES}

    def _finisher(self, plan: Plan) -> PageSink | None:
        """With a staging folder, each page is written and checked where it is rendered; the
        links are checked against every file the site will hold, all known by now."""
        if self.staging is None:
            return None
        planned = {*plan.out, *plan.paths(), "data/factsheets.json", *CSV_TABLES, *fixed_files()}
        if self.config.base_url:
            planned.update(FEED_FILES)
        return PageSink(self.staging, SiteFiles(planned))

    def link_problems(self, out: dict) -> list[str]:
        """Broken links in the pages this build rendered (a reused page links to what it linked
        to when it was checked)."""
        checks = {path: w.check for path, w in out.items() if isinstance(w, Written) and w.check is not None}
        return settle(checks, lambda path: (self.staging.dir / path).read_text(encoding="utf-8", errors="replace"))

    def home_and_archive(self, plan: Plan) -> None:
        sheets, months = self.index.sheets, self.months("archive")
        month_counts = [(m, len(s)) for m, s in months.items()]
        totals, points = site_totals(sheets), map_points(self.index.places.values())
        tables = [len(self.index.people), len(self.index.places), len(self.index.events), len(self.index.actors)]
        self.emit(plan, "index.html", digest("home", [self.content[s.article.id] for s in sheets[:RECENT]], totals,
                                             month_counts, map_sig(points), tables), partial(
            self.page, "home.html", "index.html", sheets=sheets[:RECENT], totals=totals, months=month_counts,
            map=build_map(points, "Places hit, all articles", unit="event")))
        listed = month_links(month_counts)
        for month, group in months.items():
            if not self.shows_edit(group):
                continue
            path = archive_url(month)
            key = digest(month, [self.content[s.article.id] for s in group], listed)
            self.emit(plan, path, key, partial(self.page, "archive.html", path, month=month, sheets=group,
                                              months=listed))

    def articles_pages(self, plan: Plan) -> None:
        sheets = self.index.sheets      # newest first
        positions = range(len(sheets)) if self.local is None else sorted(self.index.rank[a] for a in self.local)
        for n in positions:
            sheet = sheets[n]
            newer = sheets[n - 1] if n > 0 else None
            older = sheets[n + 1] if n + 1 < len(sheets) else None
            places = self._article_places(sheet)
            key = digest(self.content[sheet.article.id], self.keys.get(sheet.article.id, ("",))[0],
                         [(s.article.id, s.article.title) if s else None for s in (newer, older)], map_sig(places))
            self.emit(plan, article_url(sheet.article.id), key,
                      partial(self.article_page, sheet, newer, older, places))
            self.emit(plan, article_json_url(sheet.article.id), self.data_keys[sheet.article.id],
                      partial(_sheet_json, sheet))

    def entity_pages(self, plan: Plan, section: str) -> None:
        title, template = {"person": ("Speakers", "person.html"), "place": ("Places", "place.html"),
                           "actor": ("Countries and organisations", "actor.html")}[section]
        entities = self.index.sorted(section)
        index_path = entity_url(section, "index")
        if self.local is None:      # it lists names and counts, which a local edit keeps
            listed = [(e.url, e.name, e.kind, next(iter(e.roles), None), e.region, e.country, e.fact_count,
                       e.article_count) for e in entities]
            self.emit(plan, index_path, digest("entities", title, listed), partial(
                self.page, "entities.html", index_path, title=title, section=section, entities=entities))
        # A local edit looks again at the entities whose own facts it changed (a corrected
        # casualty figure: the struck place, the attacker, a speaker whose statement quotes the
        # figure; not the donor of a pledge in the same article).
        edited = {url for a in self.local for url, shown in self.by_entity[a].items()
                  if shown != self.known_articles[a][4].get(url)} if self.local is not None else None
        for e in entities:
            if edited is not None and e.url not in edited and e.url in self.previous_groups:
                self.groups[e.url] = self.previous_groups[e.url]
                continue
            # An entity whose inputs are unchanged keeps all its pages with their digests, and
            # its views (totals, threads, repeated quotes, months) need not be computed: at
            # 10,000 articles that was a third of an edit.
            near = self.related[(section, e.id)]
            # A local edit knows which entities it changed; it leaves them no signature, and
            # the next full build looks at them again.
            signature = self._entity_signature(e, near) if edited is None else None
            known = self.previous_groups.get(e.url) if signature is not None else None
            if known and known[0] == signature and all(self._reusable(path) for path in known[1]):
                paths = known[1]
                for path in paths:
                    self.emit(plan, path, self.previous[path], None)
            else:
                paths = self._entity_pages(plan, e, template, near)
            self.groups[e.url] = [signature, paths]

    def _reusable(self, path: str) -> bool:
        return path in self.previous and self._on_disk(path)

    def _on_disk(self, path: str) -> bool:
        if self.staging is not None:
            return self.staging.holds(path)
        return os.path.isfile(os.path.join(self.out_dir, path))

    def _entity_pages(self, plan: Plan, e: Entity, template: str, near: dict) -> list[str]:
        """An entity's page and its month pages; returns their paths. A place shows its events
        (strikes grouped across reports), a speaker or a country its facts, newest first, by
        month. What the pages show (totals, threads, repeated quotes, and the digests of all
        that) is worked out in the worker that renders them: for a country named in every
        article, that was most of an edit's time in the main process."""
        shown, months = events_by_month(e.events) if e.section == "place" else entity_views(e, self.index.rank)
        paths = [e.url, *(entity_month_url(e.section, e.id, month) for month in months)]
        plan.defer(paths, partial(self._entity_group, e, template, near, shown, months), e.fact_count)
        return paths

    def _entity_group(self, e: Entity, template: str, near: dict, shown, months: dict, plan: Plan) -> None:
        """The pages of _entity_pages: `shown` and each month are a place's events (a list) or
        the facts of a speaker or country (views.FactView)."""
        section = e.section
        if section == "place":
            count, facts_digest, shows = len, self._events_digest, "events"
        else:
            count, facts_digest, shows = (lambda view: len(view.ids)), self._groups_digest, "view"
        month_counts = [(m, count(v)) for m, v in months.items()]
        listed = month_links(month_counts)
        repeated = repeated_quotes(e) if section == "person" else []    # a speaker's page shows them
        context = {"entity": e, "totals": entity_totals(e), "related": near,
                   "map": self.entity_map(e), "months": month_counts, "repeated": repeated,
                   "month_href": partial(entity_month_url, section, e.id)}
        # Month pages show the entity's name and its months, not its totals: a changed fact
        # renders again its entity's page and the month it is in, not every month.
        month_head = digest(section, e.id, e.name, e.kind, sorted(e.names), e.country, e.region, e.lat, e.lon,
                            listed)
        jsonld = entity_jsonld(e, self.config.base_url)
        head = digest(month_head, month_counts, sorted(e.roles), repr(context["totals"]), _counts(e), jsonld,
                      [(text, n, [self.content[s.article.id] for s, _ in items]) for text, items, n in repeated],
                      _related_sig(near), map_sig(context["map"].dots if context["map"] else []))
        self.emit(plan, e.url, digest(head, facts_digest(shown)), partial(
            self.page, template, e.url, month=None, jsonld=jsonld, **{**context, shows: shown}))
        for month, facts in months.items():
            path = entity_month_url(section, e.id, month)
            self.emit(plan, path, digest(month_head, month, facts_digest(facts)), partial(
                self.page, template, path, month=month, jsonld=None, **{**context, shows: facts, "months": listed}))

    def _entity_signature(self, e: Entity, near: dict) -> str:
        """Everything an entity's pages are made from: its own facts (by the content digest of
        their articles), its names, the related entities and what its map shows. When it is
        the same as last time, so is each page's digest."""
        content = self.content
        facts = [(content[sheet.article.id], f.id) for sheet, f in
                 chain(e.statements, e.strikes, e.pledges_given, e.pledges_received)]
        return digest(e.section, e.id, e.name, e.kind, sorted(e.names.items()), sorted(e.roles.items()),
                      e.country, e.region, e.lat, e.lon, facts, _related_sig(near),
                      map_sig(map_points(self._map_places(e))))

    def event_pages(self, plan: Plan) -> None:
        shown, months = events_by_month(self.index.events)
        month_counts = [(m, len(v)) for m, v in (months or {"all": shown}).items()]
        self.emit(plan, "events/index.html", digest("events", month_counts, self._events_digest(shown)), partial(
            self.page, "events.html", "events/index.html", events=shown, months=month_counts if months else [],
            month=None))
        # A local edit looks at the events of the places its articles name, not at all of them.
        candidates = self.index.events if self.local is None else \
            list({id(ev): ev for a in self.local for e, _ in self.index.entities_of.get(a, ()) for ev in e.events}.values())
        edited = [ev for ev in candidates if self.shows_edit(r.sheet for r in ev.reports)]
        hit = {id(ev) for ev in edited}
        listed = month_links(month_counts)
        for month, events in months.items():
            if self.local is not None and not any(id(ev) in hit for ev in events):
                continue
            path = f"events/{month}.html"
            self.emit(plan, path, digest(month, listed, self._events_digest(events)), partial(
                self.page, "events.html", path, events=events, months=listed, month=month))
        for event in edited:
            self.emit(plan, event.url, digest(event.id, event.place.name, event.place.url, self._events_digest([event])),
                      partial(self._event_page, event))

    def _event_page(self, event) -> bytes:
        reports = sorted(((r.sheet, r.strike) for r in event.reports),
                         key=lambda pair: (pair[0].article.date or "", pair[0].article.id))
        return self.page("event.html", event.url, event=event, reports=reports)

    def _events_digest(self, events: list) -> list:
        return [(ev.id, ev.place.name, ev.place.url, [(self.content[r.sheet.article.id], r.strike.id) for r in ev.reports])
                for ev in events]

    def search_scripts(self, plan: Plan) -> list[str]:
        """The search index as scripts: entities, then articles and statements by month."""
        paths = ["assets/search/entities.js"]
        docs = entity_search_docs(self.index)
        self.emit(plan, paths[0], digest(docs), partial(search_script, docs))
        for month, group in self.months("archive").items():
            path = f"assets/search/{month}.js"
            paths.append(path)
            if not self.shows_edit(group):
                continue
            self.emit(plan, path, digest("search", [self.content[s.article.id] for s in group]),
                      partial(_search_month, group))
        return paths

    def timeline(self, plan: Plan) -> None:
        months = self.months("timeline")
        month_counts = [(m, n) for m, (n, _) in months.items()]
        chart = strike_chart(self.index.sheets)
        self.emit(plan, "timeline.html", digest("timeline", repr(chart), month_counts), partial(
            self.page, "timeline.html", "timeline.html", chart=chart, months=month_counts, month=None, days=[]))
        listed = month_links(month_counts)
        for month, (_, sheets) in months.items():
            if not self.shows_edit(sheets):
                continue
            path = timeline_url(month)
            key = digest(month, listed, sorted(self.content[s.article.id] for s in sheets))
            self.emit(plan, path, key, partial(self._timeline_month, path, month, sheets, listed))

    def months(self, kind: str) -> dict:
        """The articles by month of publication ("archive": views.sheets_by_month) or by the
        months their facts fall in ("timeline": views.timeline_months, with the number of
        facts). Worked out once per full build and kept with the index in its snapshot, as
        article ids: a local edit keeps every article's months."""
        known = self.index.derived.get(kind)
        if known is None:
            if kind == "archive":
                known = {m: (len(group), [s.article.id for s in group])
                         for m, group in sheets_by_month(self.index.sheets).items()}
            else:
                known = {m: (n, [s.article.id for s in group]) for m, (n, group) in timeline_months(self.index.sheets).items()}
            self.index.derived[kind] = known
        sheets, rank = self.index.sheets, self.index.rank
        if kind == "archive":
            return {m: [sheets[rank[a]] for a in ids] for m, (_, ids) in known.items()}
        return {m: (n, [sheets[rank[a]] for a in ids]) for m, (n, ids) in known.items()}

    def _timeline_month(self, path: str, month: str, sheets: list[FactSheet], listed: list) -> bytes:
        ordered = sorted(sheets, key=lambda s: self.index.rank[s.article.id])
        return self.page("timeline.html", path, chart=None, months=listed, month=month,
                         days=month_days(month, ordered))

    def _groups_digest(self, view: FactView) -> list[str]:
        return [self.content[i] for i in view.ids]

    def all_json(self, out: dict) -> bytes:
        """All fact sheets in one JSON list, one per line: the per-article files (new or reused),
        or the unchanged lines of the last build's list."""
        sheets = self.index.sheets

        def piece(n: int) -> bytes:
            path = article_json_url(sheets[n].article.id)
            data = out[path]
            data = data.data if isinstance(data, Written) else data
            data = data if isinstance(data, bytes) else (self.config.out / path).read_bytes()
            return data.rstrip(b"\n")
        return self.spliced.join("data/factsheets.json", [self.data_keys[s.article.id] for s in sheets], piece,
                                 head=b"[\n", sep=b",\n", tail=b"\n]\n")

    def _content_digest(self, sheet: FactSheet) -> str:
        """What an article contributes to pages other than its own: its facts (not its text), and
        the pages they link to. (Its own page also depends on its text: articles_pages.)"""
        a = sheet.article
        table = self.index.speakers
        speakers = [getattr(table.get((a.id, st.id)), "url", None) for st in sheet.statements]
        attackers = [self._attacker_url(s.attacker) for s in sheet.strikes]
        places = [s.place.id for s in sheet.strikes]
        parties = [(p.donor.id, p.recipient.id if p.recipient else None) for p in sheet.pledges]
        shown = self.keys[a.id][2] if a.id in self.keys else sheet.to_json()
        return digest(shown, a.id, a.title, a.date,
                      self.articles[a.id].warnings, speakers, attackers, places, parties)

    def article_records(self) -> dict[str, list]:
        """Per article, what the next build needs to tell a local edit (Previous.local_edit)."""
        return {a: [key[0], key[3], self.content[a], self.data_keys[a], self.by_entity[a]]
                for a, key in self.keys.items() if a in self.content}

    def _entity_digests(self, sheet: FactSheet) -> dict[str, str]:
        """For each entity the article's facts name, what its pages show of them: the facts
        and the article's title, date and outlet (sheets.facts_digests)."""
        each = self.keys[sheet.article.id][4]
        return {e.url: digest([each[n] for n in positions])
                for e, positions in self.index.entities_of.get(sheet.article.id, ())}

    def _data_key(self, sheet: FactSheet) -> str:
        """What an article's JSON and CSV rows are made from: all its facts, offsets included,
        and the pages they link to."""
        a = sheet.article
        return digest(self.keys[a.id][1] if a.id in self.keys else sheet.to_json(), self.content[a.id])

    def _attacker_url(self, attacker: str | None) -> str | None:
        """The page of a strike's attacker ("Russian forces": Russia's), once per wording."""
        if attacker not in self._attackers:
            self._attackers[attacker] = getattr(actor_for(self.actor_by_name, attacker), "url", None)
        return self._attackers[attacker]

    def _article_places(self, sheet: FactSheet) -> list[MapPoint]:
        counts = Counter(s.place.id for s in sheet.strikes if s.place.id in self.index.places)
        return map_points([self.index.places[pid] for pid in counts], counts)

    def article_page(self, sheet: FactSheet, newer: FactSheet | None, older: FactSheet | None,
                     places: list[MapPoint]) -> bytes:
        article = self.articles[sheet.article.id]
        if not article.sentences:       # loaded from the cache, which does not keep them
            # ...and not kept on the article either: a render worker held the sentences of
            # every article it rendered (40,000 objects for its collector to walk).
            article = replace(article, sentences=split_sentences(article.body))
        return self.page(
            "article.html", article_url(sheet.article.id), sheet=sheet, article=article,
            paragraphs=highlighted_paragraphs(article, sheet),
            pairs={kind: [(sheet, f) for f in getattr(sheet, kind)] for kind in ("statements", "strikes", "pledges")},
            json_path=article_json_url(sheet.article.id), newer=newer, older=older, warnings=article.warnings,
            map=build_map(places, "Places hit in this article"),
            jsonld=article_jsonld(sheet, self.config.base_url))

    def entity_map(self, e: Entity):
        points = map_points(self._map_places(e))
        if e.section == "place":
            return build_map(points, f"Where {e.name} is")
        if e.section == "actor":
            return build_map(points, f"Places hit in or by {e.name}", focus=e.country)
        return None

    def _map_places(self, e: Entity) -> list[Entity]:
        """The places an entity's map shows: a place itself; a country's own places and the
        places it struck, each once."""
        if e.section == "place":
            return [e]
        if e.section != "actor":
            return []
        places = list(self.places_by_country.get(e.country, [])) if e.country else []
        places += [self.index.places[s.place.id] for _, s in e.strikes if s.place.id in self.index.places]
        return list({p.id: p for p in places}.values())



def _related_sig(near: dict[str, list[Entity]]) -> dict:
    """The related entities a page lists, for its digest."""
    return {k: [(r.id, r.name) for r in v] for k, v in near.items()}


def _search_month(sheets: list[FactSheet]) -> bytes:
    return search_script(article_search_docs(sheets))


def month_links(month_counts: list[tuple[str, int]]) -> list[tuple[str, None]]:
    """The months a month page links to, without their counts (the first page of the series
    shows those): an article added to one month then changes that month's page, not all of
    them. At 10,000 articles an added article rendered every month of the timeline and of the
    countries it named again (4-5 s)."""
    return [(month, None) for month, _ in month_counts]


def _counts(e: Entity) -> tuple:
    """Entity-wide counts that every page of the entity shows, whichever articles it lists."""
    return (len(e.statements), len(e.strikes), len(e.pledges_given), len(e.pledges_received), len(e.events),
            e.article_count)


def _sheet_json(sheet: FactSheet) -> bytes:
    return to_json(sheet.to_json())


# Pages; below this a second process costs more than it saves. Low, because the pages an edit
# renders again are the big ones (every month page of a country whose totals changed): a
# fork costs milliseconds, a serial render of a hundred of them seconds.
PARALLEL_FROM = 16
CHUNK = 50              # pages per task given to a worker
GROUP_WEIGHT = 4        # a deferred group (an entity's pages) counts as this many pages
_JOBS: list = []
_FINISH: PageSink | None = None


@dataclass
class Written:
    """A page rendered, written into the new site and checked by a worker."""
    data: bytes | None          # kept for JSON (factsheets.json is joined from the articles' files)
    check: PageCheck | None     # for HTML pages


class PageSink:
    """Where each rendered page goes, in the process that rendered it: into the staging folder
    and through the link check. (Written at once: writer threads fought the rendering thread
    for the interpreter lock and made it slower, not faster.)"""

    def __init__(self, staging: Staging, site: SiteFiles):
        self.staging, self.site = staging, site

    def __call__(self, path: str, data: bytes) -> Written:
        self.staging.write(path, data)
        if path.endswith(".html"):
            return Written(None, check_page(path, data.decode("utf-8", errors="replace"), self.site))
        return Written(data if path.endswith(".json") else None, None)


def render_all(jobs: list, finish: PageSink | None = None,
               meanwhile: Callable[[], object] | None = None) -> tuple[dict[str, object], dict[str, str], object]:
    """Run the queued page renderers and deferred groups (Plan), split across cores when there
    are many. Forked workers inherit the jobs (closures over the index) without pickling them.
    Each page goes through `finish` where it was made (written and checked there); without it,
    its bytes come back. `meanwhile`: work of this process that needs no page, done while the
    workers render. Returns every page (REUSE when a group kept it) in the order queued, the
    digests the groups worked out, and what `meanwhile` returned."""
    workers = os.cpu_count() or 1
    weight = sum(1 if isinstance(key, str) else GROUP_WEIGHT for key, _ in jobs)
    # Everything made so far lives as long as the build: out of the collector's reach, so that
    # each full collection while rendering walks only what rendering made (in a worker at
    # 10,000 articles, 165,000 objects fewer: 2 s of each worker's time). The build pauses the
    # collector while it plans (build._collector_paused); rendering makes and drops page after
    # page, so it collects, in this process or in each worker.
    gc.freeze()
    if weight < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        paused = not gc.isenabled()
        gc.enable()
        try:
            done = [_run(job, finish) for job in jobs]
        finally:
            if paused:
                gc.disable()
        extra = meanwhile() if meanwhile else None
    else:
        global _JOBS, _FINISH
        _JOBS, _FINISH = jobs, finish
        try:
            # Small chunks, handed out as workers free up: pages differ a thousandfold in cost (a
            # country's page against an event's), and the big ones come together (an entity's
            # month pages), so a few large chunks left one worker with most of the work. A
            # group is a chunk of its own.
            size = max(1, min(CHUNK, len(jobs) // (workers * 4)))
            chunks, start = [], 0
            for n, (key, _) in enumerate(jobs):
                if not isinstance(key, str):
                    chunks += [(start, n)] if start < n else []
                    chunks.append((n, n + 1))
                    start = n + 1
                elif n + 1 - start >= size:
                    chunks.append((start, n + 1))
                    start = n + 1
            chunks += [(start, len(jobs))] if start < len(jobs) else []
            with multiprocessing.get_context("fork").Pool(workers, initializer=gc.enable) as pool:
                results = pool.imap_unordered(_run_chunk, chunks)
                # (The workers have their tasks: this process would otherwise only wait. At
                # 10,000 articles the CSV tables were 0.7 s of it after the render.)
                extra = meanwhile() if meanwhile else None
                parts = dict(results)
            done = [result for lo, _ in chunks for result in parts[lo]]   # in the order queued
        finally:
            _JOBS, _FINISH = [], None
    pages: dict[str, object] = {}
    digests: dict[str, str] = {}
    for made, worked_out in done:
        pages.update((path, REUSE if page is None else page) for path, page in made)
        digests.update(worked_out)
    return pages, digests, extra


def _run_chunk(bounds: tuple[int, int]) -> tuple[int, list]:
    lo, hi = bounds
    return lo, [_run(job, _FINISH) for job in _JOBS[lo:hi]]


def _run(job: tuple, finish: PageSink | None) -> tuple[list[tuple[str, object]], dict[str, str]]:
    """A page: ([(path, made)], {}). A deferred group: its pages, made or None when one is
    reused (REUSE is an object of this process: it would not come back from a worker as
    itself), and their digests."""
    key, make = job
    if isinstance(key, str):
        return [(key, _made(key, make, finish))], {}
    plan = Plan()
    make(plan)
    made = {path: _made(path, page, finish) for path, page in plan.jobs}
    made.update((path, None) for path in plan.out)
    return [(path, made[path]) for path in key], plan.digests


def _made(path: str, make: Callable[[], bytes], finish: PageSink | None):
    data = make()
    return finish(path, data) if finish else data
