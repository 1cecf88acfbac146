"""Page addresses and the one helper that links two pages.

Every link in the site is relative and names a file (never a bare directory), so the same
output works from file://, under a GitHub Pages project path (/repo/) and on any web server.
"""
from __future__ import annotations


def relurl(from_page: str, to_page: str) -> str:
    """The relative link from one site path to another: relurl("people/a.html", "index.html")
    is "../index.html". A fragment on `to_page` is kept.

    Site paths are normalised ("a/b.html", no "." or ".."), so climbing to the root and
    descending again is always right; it is also what a page with thousands of links can
    afford (posixpath.relpath cost more than rendering the page)."""
    if to_page.startswith("#"):
        return to_page
    depth = from_page.count("/")
    if depth == 0:
        return to_page
    if depth == 1 and "/" in to_page:
        from_dir = from_page[:from_page.index("/") + 1]
        if to_page.startswith(from_dir) and "/" not in to_page[len(from_dir):]:
            return to_page[len(from_dir):]     # same folder: "b.html"
    return "../" * depth + to_page


def article_url(article_id: str) -> str:
    return f"articles/{article_id}.html"


def article_json_url(article_id: str) -> str:
    return f"data/{article_id}.json"


SECTIONS = {"person": "people", "place": "places", "actor": "actors"}


def entity_url(section: str, entity_id: str) -> str:
    """people/ID.html, places/ID.html, actors/ID.html; entity_id "index" gives the section index."""
    return f"{SECTIONS[section]}/{entity_id}.html"


def entity_month_url(section: str, entity_id: str, month: str) -> str:
    return f"{SECTIONS[section]}/{entity_id}/{month}.html"


def archive_url(month: str) -> str:
    return f"archive/{month}.html"


def timeline_url(month: str) -> str:
    return f"timeline/{month}.html"
