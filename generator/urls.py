"""Page addresses and the one helper that links two pages.

Every link in the site is relative and names a file (never a bare directory), so the same
output works from file://, under a GitHub Pages project path (/repo/) and on any web server.
"""
from __future__ import annotations

import posixpath


def relurl(from_page: str, to_page: str) -> str:
    """The relative link from one site path to another: relurl("people/a.html", "index.html")
    is "../index.html". A fragment on `to_page` is kept."""
    target, _, fragment = to_page.partition("#")
    base = posixpath.dirname(from_page) or "."
    rel = posixpath.relpath(target or from_page, base)
    return rel + (f"#{fragment}" if fragment else "")


def article_url(article_id: str) -> str:
    return f"articles/{article_id}.html"


def article_json_url(article_id: str) -> str:
    return f"data/{article_id}.json"


SECTIONS = {"person": "people", "place": "places", "actor": "actors"}


def entity_url(section: str, entity_id: str) -> str:
    """people/ID.html, places/ID.html, actors/ID.html; entity_id "index" gives the section index."""
    return f"{SECTIONS[section]}/{entity_id}.html"
