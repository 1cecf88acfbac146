"""Files other than pages: fact sheets as JSON and CSV, the search index, feed and sitemap.

Each function returns {site path: bytes}; site.py writes them with the pages.
"""
from __future__ import annotations

import csv
import io
import json

from .index import SiteIndex
from .urls import article_url

FEED_SIZE = 50
FEED_FILES = ("feed.xml", "sitemap.xml")     # written when config.yaml sets base_url


def to_json(data) -> bytes:
    """Compact JSON (one line per fact sheet in factsheets.json): the encoder written in C only
    runs without indentation, and indenting made the JSON files a third of a cold build."""
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


# One row per fact, with the article it came from and the page that shows it.
CSV_TABLES = {
    "data/statements.csv": (
        ["article_id", "article_date", "fact_id", "speaker", "speaker_kind", "speaker_role", "text",
         "mode", "verb", "date", "via", "sentence", "start", "end", "page"],
        lambda f: [f.speaker.name, f.speaker.kind, f.speaker.role, f.text, f.mode, f.verb, f.date, f.via],
        "statements"),
    "data/strikes.csv": (
        ["article_id", "article_date", "fact_id", "place", "region", "country", "lat", "lon", "weapon",
         "count", "target", "killed", "injured", "at_least", "date", "attacker", "reported_by",
         "sentence", "start", "end", "page"],
        lambda f: [f.place.name, f.place.region, f.place.country, f.place.lat, f.place.lon, f.weapon,
                   f.count, f.target, f.killed, f.injured, f.casualties_at_least, f.date, f.attacker,
                   f.reporter], "strikes"),
    "data/pledges.csv": (
        ["article_id", "article_date", "fact_id", "donor", "donor_person", "recipient", "item", "quantity",
         "value", "currency", "status", "date", "sentence", "start", "end", "page"],
        lambda f: [f.donor.name, f.donor.person, f.recipient.name if f.recipient else None, f.item,
                   f.quantity, f.value.amount if f.value else None,
                   f.value.currency if f.value else None, f.status, f.date], "pledges"),
}


def csv_header(path: str) -> bytes:
    return _csv_lines([CSV_TABLES[path][0]])


def csv_rows(path: str, sheet) -> bytes:
    """The rows of one article in one table (each table is these pieces in article order).
    Text that a spreadsheet would run as a formula (=, +, -, @ first) is quoted: article text
    must never execute in the reader's spreadsheet. (Tested inline, not by a call per cell: a
    cold build writes a million cells at 10,000 articles.)"""
    _, row, kind = CSV_TABLES[path]
    facts = getattr(sheet, kind)
    if not facts:
        return b""
    article_id, date = sheet.article.id, sheet.article.date
    page = article_url(article_id)
    rows = []
    for f in facts:
        ev = f.evidence
        rows.append(["'" + v if isinstance(v, str) and v[:1] in FORMULA_STARTS else v
                     for v in (article_id, date, f.id, *row(f), ev.sentence, ev.start, ev.end, f"{page}#f-{f.id}")])
    return _csv_lines(rows)


FORMULA_STARTS = ("=", "+", "-", "@")


def _csv_lines(rows) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def search_script(docs: list[list[str]]) -> bytes:
    """A script that adds documents to the search index, so that search works from file://
    (no fetch). The index is split (entities, then one script per month of articles) so that
    an edit rewrites one small script, not the whole index."""
    body = json.dumps(docs, ensure_ascii=False, separators=(",", ":"))
    return f"(window.FACTSHEET_SEARCH = window.FACTSHEET_SEARCH || []).push.apply(window.FACTSHEET_SEARCH, {body});\n".encode("utf-8")


def entity_search_docs(index: SiteIndex) -> list[list[str]]:
    docs = []
    for section, label in (("person", "speaker"), ("place", "place"), ("actor", "country/organisation")):
        for e in index.sorted(section):
            docs.append([label, e.name, e.url, " ".join(sorted(set(e.names) - {e.name}))])
    return docs


def article_search_docs(sheets) -> list[list[str]]:
    docs = []
    for sheet in sheets:
        docs.append(["article", sheet.article.title, article_url(sheet.article.id),
                     " ".join(filter(None, [sheet.article.date, sheet.article.outlet]))])
        for st in sheet.statements:
            docs.append(["statement", st.text[:240], f"{article_url(sheet.article.id)}#f-{st.id}", st.speaker.name])
    return docs


def feed_and_sitemap(index: SiteIndex, base_url: str, title: str, pages: list[str]) -> dict[str, bytes]:
    """Atom feed of the newest articles and a sitemap: both need absolute addresses, so they are
    written only when config.yaml sets base_url."""
    if not base_url:
        return {}
    from xml.sax.saxutils import escape, quoteattr     # here: it loads urllib and http, for every build
    dates = [s.article.date for s in index.sheets if s.article.date]
    updated = (max(dates) if dates else "1970-01-01") + "T00:00:00Z"
    entries = []
    for sheet in index.sheets[:FEED_SIZE]:
        a = sheet.article
        link = base_url + article_url(a.id)
        summary = (f"{len(sheet.statements)} statements, {len(sheet.strikes)} strikes, "
                   f"{len(sheet.pledges)} pledges")
        entries.append(
            f"  <entry>\n    <title>{escape(a.title)}</title>\n    <link href={quoteattr(link)}/>\n"
            f"    <id>{escape(link)}</id>\n    <updated>{(a.date or updated[:10])}T00:00:00Z</updated>\n"
            f"    <summary>{escape(summary)}</summary>\n  </entry>\n")
    feed = (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f"  <title>{escape(title)}</title>\n  <link href={quoteattr(base_url)}/>\n"
            f'  <link rel="self" href={quoteattr(base_url + "feed.xml")}/>\n'
            f"  <id>{escape(base_url)}</id>\n  <updated>{updated}</updated>\n" + "".join(entries) + "</feed>\n")
    urls = "".join(f"  <url><loc>{escape(base_url + p)}</loc></url>\n" for p in sorted(pages))
    sitemap = ('<?xml version="1.0" encoding="utf-8"?>\n'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")
    return dict(zip(FEED_FILES, (feed.encode("utf-8"), sitemap.encode("utf-8"))))
