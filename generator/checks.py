"""The link checker behind `make check`: every href/src in every page must resolve to a file
inside the site, and nothing may be loaded from another host."""
from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src", "action", "poster", "data"}
# Links to other hosts are fine as links (the article's original URL); loading from them is not.
LOADING_TAGS = {"script", "img", "iframe", "audio", "video", "source", "embed", "object", "track"}
# The attributes that matter, read straight from the text: a regular scan rather than
# html.parser, which took longer to read a large site than the build took to write it. Text
# outside tags cannot hold a "<" or a quote-delimited attribute (the templates escape all
# article text), so every match here is a real attribute of a real tag.
ATTR = re.compile(r"""[\s"'](href|src|action|poster|data|srcset|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""",
                  re.IGNORECASE)
TAG_NAME = re.compile(r"<([a-zA-Z][\w:-]*)")
RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)


class _Links:
    """The links (tag, attribute, value, offset) and the ids of one page."""

    def __init__(self, text: str):
        self.links: list[tuple[str, str, str, int]] = []
        self.ids: set[str] = set()
        if "<script" in text or "<style" in text:
            # Blank script and style bodies (keeping line numbers): their text is not markup.
            text = RAW_TEXT.sub(lambda m: m.group(0)[:m.start(2) - m.start(0)] + re.sub(r"[^\n]", " ", m.group(2))
                                + m.group(0)[m.end(2) - m.start(0):], text)
        for m in ATTR.finditer(text):
            key = m.group(1).lower()
            raw = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
            value = html.unescape(raw) if "&" in raw else raw
            if key in ("id", "name"):
                if value:
                    self.ids.add(value)
                continue
            start = text.rfind("<", 0, m.start())
            tag = TAG_NAME.match(text, start)
            name = tag.group(1).lower() if tag else ""
            if key == "srcset":
                self.links.extend((name, key, part.split()[0], m.start()) for part in value.split(",")
                                  if part.strip())
            else:
                self.links.append((name, key, value, m.start()))


def _line(root: Path, page: str, offset: int) -> int:
    """The line of an offset, for a problem report (rare, so the page is read again)."""
    return (root / page).read_text(encoding="utf-8", errors="replace").count("\n", 0, offset) + 1


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
    tree = _Tree(root)
    # In an incremental check, a fragment in a page that was not rendered again is trusted: its
    # ids come from the same data as when it was checked, and parsing every page linked from
    # the pages rendered again would cost a full check.
    fragment_pages = None if only is None else set(pages)
    seen: dict[tuple, str | None] = {}     # most links repeat (menus, footers): judge each once per folder
    problems = []
    for rel in pages:
        folder = posixpath.dirname(rel)
        for tag, attr, value, offset in parsed[rel].links:
            memo = (folder, tag in LOADING_TAGS or tag == "link", value) if not value.startswith("#") else None
            if memo is not None and memo in seen:
                problem = seen[memo]
            else:
                problem = _check_link(tree, rel, tag, attr, value, parsed, fragment_pages)
                if memo is not None:
                    seen[memo] = problem
            if problem:
                problems.append(f"{rel}:{_line(root, rel, offset)}: <{tag} {attr}=\"{value}\">: {problem}")
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
        self[rel] = _Links((self.root / rel).read_text(encoding="utf-8", errors="replace"))
        return self[rel]


class _Tree:
    """Every file and folder of the site, listed once (a stat per link is slow on big sites)."""

    def __init__(self, root: Path):
        self.files: set[str] = set()
        self.dirs: set[str] = {"."}
        for folder, dirs, files in os.walk(root):
            rel = Path(folder).relative_to(root).as_posix()
            prefix = "" if rel == "." else rel + "/"
            self.dirs.update(prefix + d for d in dirs)
            self.files.update(prefix + f for f in files)


def _check_link(tree: _Tree, page: str, tag: str, attr: str, value: str, parsed,
                fragment_pages: set[str] | None = None) -> str | None:
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
    if target in tree.dirs:
        return "points at a folder; from file:// a link must name a file (add index.html)"
    if target not in tree.files:
        return "no such file in the site"
    if parts.fragment and target.endswith(".html") and (fragment_pages is None or target in fragment_pages) \
            and parts.fragment not in parsed[target].ids:
        return f"{target} has no element with id {parts.fragment!r}"
    return None
