"""The link checker behind `make check`: every href/src in every page must resolve to a file
inside the site, and nothing may be loaded from another host."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src", "action", "poster", "data"}
# Links to other hosts are fine as links (the article's original URL); loading from them is not.
LOADING_TAGS = {"script", "img", "iframe", "audio", "video", "source", "embed", "object", "track"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str, int]] = []   # tag, attr, value, line
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in LINK_ATTRS and value is not None:
                self.links.append((tag, name, value, self.getpos()[0]))
            if name == "srcset" and value:
                for part in value.split(","):
                    if part.strip():
                        self.links.append((tag, name, part.split()[0], self.getpos()[0]))

    handle_startendtag = handle_starttag


def check_site(root: Path, only: list[str] | None = None) -> list[str]:
    """Problems in the site's pages; with `only`, just in those pages (an incremental build
    checks what it rendered: a reused page links to what it linked to when it was checked)."""
    root = Path(root)
    if not (root / "index.html").is_file():
        return [f"{root}: no index.html (build the site first)"]
    if only is None:
        pages = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.html")) if p.is_file()]
    else:
        pages = sorted(p for p in only if p.endswith(".html"))
    parsed = _Parsed(root)
    problems = []
    for rel in pages:
        for tag, attr, value, line in parsed[rel].links:
            problem = _check_link(root, rel, tag, attr, value, parsed)
            if problem:
                problems.append(f"{rel}:{line}: <{tag} {attr}=\"{value}\">: {problem}")
    css_files = sorted(root.rglob("*.css")) if only is None else [root / p for p in only if p.endswith(".css")]
    for css in css_files:
        text = css.read_text(encoding="utf-8", errors="replace")
        if "url(http" in text.replace(" ", "") or "@import" in text:
            problems.append(f"{css.relative_to(root).as_posix()}: loads a stylesheet or file from another host")
    return problems


class _Parsed(dict):
    """Pages parsed on first use: links and ids of a page, by its site path."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def __missing__(self, rel: str) -> _Links:
        parser = _Links()
        parser.feed((self.root / rel).read_text(encoding="utf-8", errors="replace"))
        self[rel] = parser
        return parser


def _check_link(root: Path, page: str, tag: str, attr: str, value: str, parsed) -> str | None:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme in ("mailto", "tel"):
        return None
    if parts.scheme.lower() in ("javascript", "data", "vbscript"):
        return f"{parts.scheme}: links are not allowed"
    if parts.scheme or value.startswith("//"):
        if tag in LOADING_TAGS or (tag == "link" and attr == "href"):
            return "loads an asset from another host; ship it in the site instead"
        return None if parts.scheme in ("http", "https") else f"unknown scheme {parts.scheme!r}"
    if value.startswith("/"):
        return "absolute path: breaks from file:// and under a GitHub Pages project path"
    if not parts.path:
        if parts.fragment and parts.fragment not in parsed[page].ids:
            return f"no element with id {parts.fragment!r} on this page"
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if target.startswith("../") or target == "..":
        return "points outside the site"
    path = root / target
    if path.is_dir():
        return "points at a folder; from file:// a link must name a file (add index.html)"
    if not path.is_file():
        return "no such file in the site"
    if parts.fragment and target.endswith(".html") and parts.fragment not in parsed[target].ids:
        return f"{target} has no element with id {parts.fragment!r}"
    return None
