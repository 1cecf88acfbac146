"""The link checker behind `make check`: every href/src in every page must resolve to a file
inside the site, and nothing may be loaded from another host.

A page is checked on its own (`check_page`: its links against the list of the site's files,
and the fragments that point into itself); what it cannot settle alone, a fragment in another
page, it hands back with its own ids, and `settle` matches those across pages. The build runs
`check_page` in the worker that has just rendered the page; `check_site` runs it on a folder.
"""
from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .site import listing

# Links to other hosts are fine as links (the article's original URL); loading from them is not.
LOADING_TAGS = {"script", "img", "iframe", "audio", "video", "source", "embed", "object", "track"}
# The attributes that matter, read straight from the text: a regular scan rather than
# html.parser, which took longer to read a large site than the build took to write it. Text
# outside tags cannot hold a "<" or a quote-delimited attribute (the templates escape all
# article text), so every match here is a real attribute of a real tag. Groups 1-4: the name
# (one group per length: a lookbehind has a fixed width), 5-7: the value, "double", 'single'
# or bare.
_NAMES = ("id", "src", "href|name|data", "action|poster|srcset")
_VALUE = r"""\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
# A name after a space or a quote. (The lookahead on the first letter lets the scan skip most
# positions: matching the names with re.IGNORECASE on every space was most of a check's time.)
ATTR = re.compile(r"""(?<=[\s"'])(?=[hHsSaApPdDiInN])(?:""" + "|".join(f"((?ai:{n}))" for n in _NAMES)
                  + r")\s*=" + _VALUE)
# The same attributes found from their "=", where no "=" of the page has a space before or after
# it (all of the site's own pages): the scan jumps from one "=" to the next instead of trying
# every space and quote, and looks back for the name (three times faster on an article page).
# (Names are ASCII, as HTML's are: under IGNORECASE alone "ſrc" would read as "src".)
ATTR_AT_EQUALS = re.compile("=(?:" + "|".join(f"""(?<=[\\s"']((?ai:{n}))=)""" for n in _NAMES) + ")" + _VALUE)
SPACED_EQUALS = re.compile(r"=(?:(?<=\s=)|\s)")
TAG_NAME = re.compile(r"<([a-zA-Z][\w:-]*)")
RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
RAW_OPEN = re.compile(r"<(?:script|style)\b", re.IGNORECASE)     # where RAW_TEXT may match
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//")


class SiteFiles:
    """Every file and folder of the site, listed once (a stat per link is slow on big sites):
    read from a folder, or given as the list of files a build is writing."""

    def __init__(self, files: Iterable[str]):
        self.files: set[str] = set(files)
        self.dirs: set[str] = {"."}
        for f in self.files:
            folder = f.rpartition("/")[0]
            while folder and folder not in self.dirs:
                self.dirs.add(folder)
                folder = folder.rpartition("/")[0]
        # Pages link to many fragments of one page and repeat their menus: each (folder, path)
        # is resolved once, and each link judged once per folder (check_page).
        self._resolved: dict[tuple[str, str], tuple[str, str | None]] = {}
        self.judged: dict[tuple[str, str, str, str], tuple[str | None, str | None]] = {}

    @classmethod
    def of(cls, root: Path) -> "SiteFiles":
        return cls(listing(root))

    def resolve(self, folder: str, path: str) -> tuple[str, str | None]:
        """The site file a relative path names from `folder`, or why it names none."""
        key = (folder, path)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve(folder, path)
        return found

    def _resolve(self, folder: str, path: str) -> tuple[str, str | None]:
        target = posixpath.normpath(posixpath.join(folder, unquote(path)))
        if target.startswith("../") or target == "..":
            return target, "points outside the site"
        if target in self.dirs:
            return target, "points at a folder; from file:// a link must name a file (add index.html)"
        if target not in self.files:
            return target, "no such file in the site"
        return target, None


@dataclass
class PageCheck:
    """One page, checked on its own."""
    problems: list[str] = field(default_factory=list)
    # "target#fragment" -> (attribute, value) for each distinct link to an element of another
    # page (settled once every page is checked).
    elsewhere: dict[str, tuple[str, str]] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)


def check_page(rel: str, text: str, site: SiteFiles) -> PageCheck:
    if "<script" in text or "<style" in text:
        text = _blank_raw_text(text)
    result = PageCheck()
    # Menus and footers repeat the same links: each distinct one is judged once per page.
    links: set[tuple[str, str]] = set()
    attrs = _attr_pattern(text)     # (one look at the page's "=" signs, for every scan below)
    found = {(a or b or c or d, quoted, single, bare)
             for a, b, c, d, quoted, single, bare in attrs.findall(text)}
    if any(bare for *_, bare in found):
        found = _unquoted_in_tags(text, found, attrs)
    for key, quoted, single, bare in found:
        raw = quoted or single or bare
        value = html.unescape(raw) if "&" in raw else raw
        key = key.lower()
        if key in ("id", "name"):
            if value:
                result.ids.add(value)
        elif key == "srcset":
            links.update((key, part.split()[0]) for part in value.split(",") if part.strip())
        else:
            links.add((key, value))
    folder = posixpath.dirname(rel)
    tags = _tags(text, {link for link in links if SCHEME.match(link[1].strip())}, attrs)
    for attr, value in sorted(links):
        tag = tags.get((attr, value), "")
        if value.lstrip().startswith("#"):      # an element of this page: its own ids decide
            problem, elsewhere = _check_link(site, folder, tag, attr, value, result.ids)
        else:   # the same from every page of a folder (menus, entity links): judged once
            key = (folder, tag, attr, value)
            judged = site.judged.get(key)
            if judged is None:
                judged = site.judged[key] = _check_link(site, folder, tag, attr, value, result.ids)
            problem, elsewhere = judged
        if problem:
            line, tag = _where(text, attr, value)
            result.problems.append(f"{rel}:{line}: <{tag} {attr}=\"{value}\">: {problem}")
        elif elsewhere and elsewhere not in result.elsewhere:
            result.elsewhere[elsewhere] = (attr, value)
    return result


def _blank_raw_text(text: str) -> str:
    """The page with its script and style bodies blanked, line breaks kept: their text is not
    markup. What RAW_TEXT.sub would do, blanking a body in one step rather than character by
    character (a page's JSON-LD made that half the time of its check)."""
    parts, pos = [], 0
    while (start := RAW_OPEN.search(text, pos)) is not None:
        m = RAW_TEXT.match(text, start.start())
        if m is None:
            parts.append(text[pos:start.start() + 1])
            pos = start.start() + 1
            continue
        parts += [text[pos:m.start(2)], "\n".join(" " * len(line) for line in m.group(2).split("\n")),
                  text[m.end(2):m.end()]]
        pos = m.end()
    return "".join(parts) + text[pos:] if parts else text


def settle(checks: dict[str, PageCheck], text_of: Callable[[str], str]) -> list[str]:
    """Every problem of the checked pages, with links to elements of other pages matched
    against those pages' ids. A target page that was not checked with them (an incremental
    build checks what it rendered) is trusted: it exists, and its ids come from the same data
    as when it was checked. `text_of` reads a page again to say where a problem is."""
    problems = [p for rel in sorted(checks) for p in checks[rel].problems]
    for rel in sorted(checks):
        for link, (attr, value) in checks[rel].elsewhere.items():
            target, _, fragment = link.partition("#")
            if target in checks and fragment not in checks[target].ids:
                line, tag = _where(text_of(rel), attr, value)
                problems.append(f"{rel}:{line}: <{tag} {attr}=\"{value}\">: {target} has no element with id {fragment!r}")
    return problems


def check_site(root: Path) -> list[str]:
    """Problems in every page of a built site (`make check`; a build checks each page it
    renders as it goes: check_page, settle)."""
    root = Path(root)
    if not (root / "index.html").is_file():
        return [f"{root}: no index.html (build the site first)"]
    site = SiteFiles.of(root)

    def text_of(rel: str) -> str:
        return (root / rel).read_text(encoding="utf-8", errors="replace")

    checks = {rel: check_page(rel, text_of(rel), site) for rel in sorted(f for f in site.files if f.endswith(".html"))}
    problems = settle(checks, text_of)
    for css in sorted(f for f in site.files if f.endswith(".css")):
        text = (root / css).read_text(encoding="utf-8", errors="replace")
        if "url(http" in text.replace(" ", "") or "@import" in text:
            problems.append(f"{css}: loads a stylesheet or file from another host")
    return problems


def _unquoted_in_tags(text: str, found: set[tuple], attrs: re.Pattern) -> set[tuple]:
    """`found` without the unquoted values that are not inside a tag. Article text is escaped,
    so it never holds a quote-delimited attribute, but it may read like an unquoted one
    ("data=12 rows"): such a match counts only if the last "<" before it is nearer than the
    last ">"."""
    kept = {f for f in found if not f[3]}
    for m in attrs.finditer(text):
        if m.group(7) is not None and text.rfind("<", 0, m.start()) > text.rfind(">", 0, m.start()):
            kept.add((_name(m), "", "", m.group(7)))
    return kept


def _attr_pattern(text: str) -> re.Pattern:
    """The scan that reads this page's attributes (ATTR_AT_EQUALS where it may)."""
    return ATTR if SPACED_EQUALS.search(text) else ATTR_AT_EQUALS


def _name(m: re.Match) -> str:
    """The attribute name of an ATTR or ATTR_AT_EQUALS match, as written."""
    return m.group(1) or m.group(2) or m.group(3) or m.group(4)


def _value(m: re.Match) -> str:
    """The value of an ATTR match, whichever way it was quoted, with its entities decoded."""
    raw = m.group(5) if m.group(5) is not None else m.group(6) if m.group(6) is not None else m.group(7)
    return html.unescape(raw) if "&" in raw else raw


def _tags(text: str, links: set[tuple[str, str]], attrs: re.Pattern) -> dict[tuple[str, str], str]:
    """The tag holding each of `links` (attribute, value), in one pass over the page. Only links
    that leave the site need it (an <img> may not load from another host, an <a> may link
    there); finding the tag of every link was most of the time of a check."""
    tags: dict[tuple[str, str], str] = {}
    if not links:
        return tags
    for m in attrs.finditer(text):
        value = _value(m)
        key = _name(m).lower()
        values = [part.split()[0] for part in value.split(",") if part.strip()] if key == "srcset" else [value]
        for v in values:
            if (key, v) in links and (key, v) not in tags:
                tag = TAG_NAME.match(text, text.rfind("<", 0, m.start()))
                tags[(key, v)] = tag.group(1).lower() if tag else ""
    return tags


def _where(text: str, attr: str, value: str) -> tuple[int, str]:
    """The line and the tag of the first `attr` holding `value`, for a report (so the scan
    above need not keep offsets)."""
    for m in _attr_pattern(text).finditer(text):
        found = _value(m)
        if _name(m).lower() == attr and (found == value or value in found.split()):
            tag = TAG_NAME.match(text, text.rfind("<", 0, m.start()))
            return text.count("\n", 0, m.start()) + 1, tag.group(1).lower() if tag else ""
    return 0, ""


def _check_link(site: SiteFiles, folder: str, tag: str, attr: str, value: str,
                ids: set[str]) -> tuple[str | None, str | None]:
    """(problem, "target#fragment" left for `settle`) of one link."""
    value = value.strip()
    if ":" in value or value.startswith("/"):
        parts = urlsplit(value)
        scheme, path, fragment = parts.scheme, parts.path, parts.fragment
    else:       # relative (most links): no scheme to find, so no need for urlsplit
        path, _, fragment = value.partition("#")
        scheme, path = "", path.partition("?")[0]
    if scheme in ("mailto", "tel"):
        return None, None
    if scheme.lower() in ("javascript", "data", "vbscript"):
        return f"{scheme}: links are not allowed", None
    if scheme or value.startswith("//"):
        if tag in LOADING_TAGS or (tag == "link" and attr == "href"):
            return "loads an asset from another host; ship it in the site instead", None
        return (None if scheme in ("http", "https") else f"unknown scheme {scheme!r}"), None
    if value.startswith("/"):
        return "absolute path: breaks from file:// and under a GitHub Pages project path", None
    if not path:
        if fragment and fragment not in ids:
            return f"no element with id {fragment!r} on this page", None
        return None, None
    target, problem = site.resolve(folder, path)
    if problem:
        return problem, None
    if fragment and target.endswith(".html"):
        return None, f"{target}#{fragment}"
    return None, None
