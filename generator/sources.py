"""Article files -> Article (plain body text + metadata).

Two input formats:
- plain text in the seed's format: the first line may start with header words
  (`date 2023-02-03 source RFE/RL ...`) on the same line as the first paragraph;
- Markdown with optional YAML front matter (title, date, source, url, tags, slug).

The body that every offset refers to is plain text: Markdown is rendered and its block text
kept, so that a `**bold**` marker never shifts a fact's evidence.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml
from slugify import slugify

from .extract.dates import parse_date
from .extract.vocabulary import SAFE_LOADER
from .model import Article, ArticleMeta
from .text import PARAGRAPH_BREAK, paragraphs, split_sentences

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
TEXT_SUFFIXES = {".txt", ".text", ""}
SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
HEADER_KEYS = ("date", "source", "outlet", "url", "slug", "lang", "author")
HEADER = re.compile(r"\A\s*(" + "|".join(HEADER_KEYS) + r")\s+(\S+)[ \t]+")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
CREDITS = re.compile(r"^(?:with\s+(?:additional\s+)?reporting\s+by|additional\s+reporting\s+by"
                     r"|reporting\s+by|compiled\s+by|written\s+by|editing\s+by)\b.{0,200}$",
                     re.IGNORECASE)
MAX_TITLE_WORDS = 14


class _FrontMatterLoader(SAFE_LOADER):
    """Safe YAML that leaves dates as text, so `parse_date` judges them (2023-02-30 included),
    read by libyaml when PyYAML has it (the pure-Python parser was 6% of extraction)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class SourceError(Exception):
    """An article that cannot be read at all. The build reports it and goes on."""

    def __init__(self, path: str, reason: str, hint: str = "", line: int | None = None):
        self.path, self.reason, self.hint, self.line = path, reason, hint, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}" + (f" ({hint})" if hint else ""))


@dataclass
class RawText:
    text: str
    warnings: list[str]


def decode(data: bytes, path: str) -> RawText:
    """Bytes -> text: UTF-8 (with or without BOM), else Windows-1252 with a warning."""
    if not data.strip():
        raise SourceError(path, "the file is empty", "add the article text or remove the file")
    if b"\x00" in data[:8192]:
        raise SourceError(path, "this is a binary file, not an article",
                          "seeds/ should hold .txt or .md articles only")
    warnings = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"not valid UTF-8 (byte {e.start}); read as Windows-1252: save it as UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return RawText(text, warnings)


def read_article(path: Path, source: str | None = None) -> Article:
    """Read one article file. Raises SourceError when nothing usable is in it."""
    source = source if source is not None else str(path)
    return article_from_bytes(read_bytes(path, source), source, path)


def read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise SourceError(source, f"cannot be read: {e.strerror or e}",
                          "check the file's permissions") from None


def article_from_bytes(data: bytes, source: str, path: Path) -> Article:
    raw = decode(data, source)
    return parse_article(raw.text, source, markdown_input=path.suffix.lower() in MARKDOWN_SUFFIXES,
                         warnings=raw.warnings, stem=path.stem)


def parse_article(text: str, source: str, markdown_input: bool, warnings: list[str] | None = None,
                  stem: str = "") -> Article:
    warnings = list(warnings or [])
    meta: dict = {}
    m = FRONT_MATTER.match(text)
    if m:
        front, text = m.group(1) or "", text[m.end():]
        meta = _front_matter(front, source, warnings)
        markdown_input = True if markdown_input or meta else markdown_input
    else:
        while (h := HEADER.match(text)):
            meta.setdefault(h.group(1), h.group(2))
            text = text[h.end():]
    body = markdown_to_text(text) if markdown_input else _plain(text)
    if not body.strip():
        raise SourceError(source, "no article text after the header",
                          "the file holds metadata only; add the article's paragraphs")
    return Article(meta=_meta(meta, body, source, stem, warnings), body=body,
                   sentences=split_sentences(body), warnings=warnings)


def _front_matter(front: str, source: str, warnings: list[str]) -> dict:
    try:
        data = yaml.load(front, Loader=_FrontMatterLoader) if front.strip() else {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(e, "problem", None) or e
        # The usual cause is an unquoted colon in a title ("title: Donors pledge $1B: UN").
        # Simple `key: value` lines are still readable, so keep them rather than lose the title.
        lines = _simple_front_matter(front)
        if lines is not None:
            warnings.append(f"front matter is not valid YAML{where} ({problem}); read it as plain "
                            "`key: value` lines - quote values that contain a colon")
            return lines
        warnings.append(f"front matter is not valid YAML{where}; it was ignored ({problem})")
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        warnings.append("front matter is not a mapping of `key: value` lines; it was ignored")
        return {}
    return {str(k).lower(): v for k, v in data.items()}


def _simple_front_matter(front: str) -> dict | None:
    out = {}
    for line in front.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"([A-Za-z_][\w-]*):\s*(.*)$", line)
        if not m:
            return None
        out[m.group(1).lower()] = m.group(2).strip().strip("'\"") or None
    return out


def _plain(text: str) -> str:
    """Plain text keeps its own paragraphs; only surrounding blank space goes."""
    return "\n\n".join(text[s:e] for s, e in paragraphs(text))


class _BlockText(HTMLParser):
    """Collects the text of each block element of rendered Markdown, one paragraph per block."""
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


# Anything Markdown could read as markup: emphasis, code, links, escapes, headings, lists,
# rules, setext underlines, indented code, and the control characters it uses internally. Text
# with none of these is only paragraphs, and Markdown would give back each one with its
# whitespace collapsed: the reader does that itself (a fifth of the cost of extraction).
MARKUP = re.compile(r"[*_`\[\]\\!#\x00-\x08\r]|^[ \t]*(?:[-+=]|\d+[.)])|^ *\t|^ {4}", re.MULTILINE)


def markdown_to_text(text: str) -> str:
    if not MARKUP.search(text):
        return "\n\n".join(" ".join(block.split()) for block in PARAGRAPH_BREAK.split(text) if block.split())
    return converted(text)


def converted(text: str) -> str:
    """The paragraphs of Markdown as the Markdown converter reads them."""
    import markdown     # here: most builds read no article anew, and text without markup skips it
    # Raw HTML in an article is text to show, never markup to keep: escape it before Markdown.
    html = markdown.markdown(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks)


def _meta(meta: dict, body: str, source: str, stem: str, warnings: list[str]) -> ArticleMeta:
    date = parse_date(meta.get("date"))
    if meta.get("date") is None:
        warnings.append("no date: add `date: YYYY-MM-DD` (front matter) or `date YYYY-MM-DD` "
                        "(first words of a text file); relative dates stay unresolved")
    elif date is None:
        warnings.append(f"date {meta.get('date')!r} is not a real calendar date; "
                        "write it as YYYY-MM-DD")
    title = _text(meta.get("title")) or derive_title(body) or stem or "Untitled article"
    slug = slugify(_text(meta.get("slug")) or "", max_length=80) or slugify(title, max_length=80) \
        or slugify(stem, max_length=80) or "article"
    tags = meta.get("tags") or []
    if not isinstance(tags, list):
        tags = [t.strip() for t in str(tags).split(",")]
    return ArticleMeta(
        id=slug, title=title, date=date.isoformat() if date else None, source=source,
        url=_url(meta.get("url"), warnings), outlet=_text(meta.get("outlet") or meta.get("source")),
        credits=find_credits(body), tags=sorted({_text(t) for t in tags if _text(t)}),
    )


def _text(value) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _url(value, warnings: list[str]) -> str | None:
    url = _text(value)
    if url and not re.match(r"https?://", url, re.IGNORECASE):
        warnings.append(f"url {url!r} is not an http(s) address; it was dropped")
        return None
    return url


def find_credits(body: str) -> str | None:
    """The "With reporting by ..." line, wherever the outlet put it (usually last)."""
    for s, e in reversed(paragraphs(body)):
        if CREDITS.match(body[s:e].strip()):
            return body[s:e].strip()
    return None


def derive_title(body: str) -> str:
    """A short headline from the lead sentence: cut at a clause boundary near 14 words."""
    sentences = split_sentences(body)
    lead = sentences[0].text if sentences else body.strip()
    words = lead.split()
    if len(words) <= MAX_TITLE_WORDS:
        return lead.rstrip(".")
    head = " ".join(words[:MAX_TITLE_WORDS + 4])
    cut = max(head.rfind(","), head.rfind(" -- "), head.rfind(";"))
    if cut > 30:
        return head[:cut].strip()
    return " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:") + "\u2026"


def discover(seeds: Path) -> list[Path]:
    """The article files in seeds/, sorted, skipping corrections, hidden and editor files.
    Links are listed but linked folders are not entered (the reader decides about links)."""
    found: list[tuple[str, ...]] = []

    def walk(folder: str, rel: tuple[str, ...]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, (*rel, entry.name))
                elif not entry.name.endswith("~") and (entry.is_file() or entry.is_symlink()):
                    found.append((*rel, entry.name))

    walk(str(seeds), ())
    # Sorted by path components, as pathlib sorts paths ("a/b" before "a-b").
    return [seeds.joinpath(*parts) for parts in sorted(found)]
