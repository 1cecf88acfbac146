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
# (The lookahead on the first letter lets the scan skip most positions: matching the names with
# re.IGNORECASE on every space was most of the time of a full check.)
ATTR = re.compile(r"""[\s"'](?=[hHsSaApPdDiInN])((?i:href|src|action|poster|data|srcset|id|name))"""
                  r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
TAG_NAME = re.compile(r"<([a-zA-Z][\w:-]*)")
RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)


SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//")


class _Links:
    """The distinct links (attribute, value, tag) and the ids of one page.

    Menus and footers repeat the same links on every page, so each distinct one is kept once.
    The tag is looked up only for links that leave the site, where it decides the verdict (an
    <img> may not load from another host, an <a> may link there); inside the site it changes
    nothing, and finding the tag of every link was most of the time of a full check."""

    def __init__(self, text: str):
        if "<script" in text or "<style" in text:
            # Blank script and style bodies (keeping line numbers): their text is not markup.
            text = RAW_TEXT.sub(lambda m: m.group(0)[:m.start(2) - m.start(0)] + re.sub(r"[^\n]", " ", m.group(2))
                                + m.group(0)[m.end(2) - m.start(0):], text)
        self.ids: set[str] = set()
        links: set[tuple[str, str, str | None]] = set()
        for key, quoted, single, bare in set(ATTR.findall(text)):
            raw = quoted or single or bare
            value = html.unescape(raw) if "&" in raw else raw
            key = key.lower()
            if key in ("id", "name"):
                if value:
                    self.ids.add(value)
                continue
            tag = _where(text, key, value)[1] if SCHEME.match(value.strip()) else None
            if key == "srcset":
                links.update((key, part.split()[0], tag) for part in value.split(",") if part.strip())
            else:
                links.add((key, value, tag))
        self.links = sorted(links, key=lambda link: (link[0], link[1], link[2] or ""))


def _where(text: str, attr: str, value: str) -> tuple[int, str]:
    """The line and the tag of the first `attr` holding `value`, for a report (so the scan
    above need not keep offsets)."""
    for m in ATTR.finditer(text):
        raw = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        found = html.unescape(raw) if "&" in raw else raw
        if m.group(1).lower() == attr and (found == value or value in found.split()):
            tag = TAG_NAME.match(text, text.rfind("<", 0, m.start()))
            return text.count("\n", 0, m.start()) + 1, tag.group(1).lower() if tag else ""
    return 0, ""


def check_site(root: Path, only: list[str] | None = None, texts: dict[str, bytes] | None = None) -> list[str]:
    """Problems in the site's pages; with `only`, just in those pages (an incremental build
    checks what it rendered: a reused page links to what it linked to when it was checked).
    `texts` holds pages the caller still has in memory (the build just wrote them), read from
    there instead of from the disk."""
    root = Path(root)
    if not (root / "index.html").is_file():
        return [f"{root}: no index.html (build the site first)"]
    if only is None:
        pages = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.html")) if p.is_file()]
    else:
        pages = sorted(p for p in only if p.endswith(".html"))
    parsed = _Parsed(root, texts or {})
    tree = _Tree(root)
    # In an incremental check, a fragment in a page that was not rendered again is trusted: its
    # ids come from the same data as when it was checked, and parsing every page linked from
    # the pages rendered again would cost a full check.
    fragment_pages = None if only is None else set(pages)
    seen: dict[tuple, str | None] = {}     # most links repeat (menus, footers): judge each once per folder
    targets: dict[tuple, tuple] = {}
    problems = []
    for rel in pages:
        folder = posixpath.dirname(rel)
        for attr, value, tag in parsed[rel].links:
            memo = (folder, tag, attr, value) if not value.startswith("#") else None
            if memo is not None and memo in seen:
                problem = seen[memo]
            else:
                problem = _check_link(tree, rel, tag or "", attr, value, parsed, fragment_pages, targets)
                if memo is not None:
                    seen[memo] = problem
            if problem:
                line, tag = _where((root / rel).read_text(encoding="utf-8", errors="replace"), attr, value)
                problems.append(f"{rel}:{line}: <{tag} {attr}=\"{value}\">: {problem}")
    css_files = sorted(root.rglob("*.css")) if only is None else [root / p for p in only if p.endswith(".css")]
    for css in css_files:
        text = css.read_text(encoding="utf-8", errors="replace")
        if "url(http" in text.replace(" ", "") or "@import" in text:
            problems.append(f"{css.relative_to(root).as_posix()}: loads a stylesheet or file from another host")
    return problems


class _Parsed(dict):
    """Pages parsed on first use: links and ids of a page, by its site path."""

    def __init__(self, root: Path, texts: dict[str, bytes]):
        super().__init__()
        self.root, self.texts = root, texts

    def __missing__(self, rel: str) -> _Links:
        self[rel] = self._parse(rel)
        return self[rel]

    def _parse(self, rel: str) -> _Links:
        data = self.texts.get(rel)
        data = data if isinstance(data, bytes) else (self.root / rel).read_bytes()
        return _Links(data.decode("utf-8", errors="replace"))


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
                fragment_pages: set[str] | None = None, targets: dict | None = None) -> str | None:
    value = value.strip()
    if ":" in value or value.startswith("/"):
        parts = urlsplit(value)
        scheme, path, fragment = parts.scheme, parts.path, parts.fragment
    else:       # relative (most links): no scheme to find, so no need for urlsplit
        path, _, fragment = value.partition("#")
        scheme, path = "", path.partition("?")[0]
    if scheme in ("mailto", "tel"):
        return None
    if scheme.lower() in ("javascript", "data", "vbscript"):
        return f"{scheme}: links are not allowed"
    if scheme or value.startswith("//"):
        if tag in LOADING_TAGS or (tag == "link" and attr == "href"):
            return "loads an asset from another host; ship it in the site instead"
        return None if scheme in ("http", "https") else f"unknown scheme {scheme!r}"
    if value.startswith("/"):
        return "absolute path: breaks from file:// and under a GitHub Pages project path"
    if not path:
        if fragment and fragment not in parsed[page].ids:
            return f"no element with id {fragment!r} on this page"
        return None
    # Pages link to many fragments of one page (a speaker's page to each quote of an article):
    # the file is resolved once per folder.
    memo = (posixpath.dirname(page), path)
    found = targets.get(memo) if targets is not None else None
    if found is None:
        found = _resolve(tree, memo[0], path)
        if targets is not None:
            targets[memo] = found
    target, problem = found
    if problem:
        return problem
    if fragment and target.endswith(".html") and (fragment_pages is None or target in fragment_pages) \
            and fragment not in parsed[target].ids:
        return f"{target} has no element with id {fragment!r}"
    return None


def _resolve(tree: _Tree, folder: str, path: str) -> tuple[str, str | None]:
    """The site file a relative path names from `folder`, or why it names none."""
    target = posixpath.normpath(posixpath.join(folder, unquote(path)))
    if target.startswith("../") or target == "..":
        return target, "points outside the site"
    if target in tree.dirs:
        return target, "points at a folder; from file:// a link must name a file (add index.html)"
    if target not in tree.files:
        return target, "no such file in the site"
    return target, None
