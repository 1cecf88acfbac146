"""What the last build of a site was made from, so the next build can skip or reuse work.

The manifest (in the cache folder, never in site/) records a signature of the inputs (the
content key of every seed, the code, the templates and the configuration) and a digest of what
each page was rendered from. A build whose signature matches does nothing; otherwise each page
whose digest matches is linked from the previous site rather than rendered. Digests are made
from everything a page shows, so a reused page is byte-identical to a freshly rendered one.
"""
from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import PACKAGE, cache_dir, extractor_fingerprint, library_versions
from .config import Config
from .site import MARKER

FORMAT = 6


def digest(*parts) -> str:
    """A stable hash of strings, numbers, None and nested lists, tuples and dicts of them.

    Their repr is exact and the same in every run (dicts keep their insertion order, floats
    print their shortest exact form), and costs half of json.dumps: a build at 10,000 articles
    takes some 35,000 digests, an edit's rebuild most of them. Half of SHA-256 (128 bits) is
    plenty to tell inputs apart, and keeps the manifest that every build reads and writes small."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


def code_fingerprint(config: Config) -> str:
    """Everything besides the seeds that can change the output: code, templates, data, config."""
    h = hashlib.sha256(extractor_fingerprint().encode())
    h.update(library_versions().encode())
    for pattern in ("*.py", "data/*"):
        for path in sorted(PACKAGE.glob(pattern)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    templates = PACKAGE.parent / "templates"
    for path in sorted(templates.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(templates).as_posix().encode())
            h.update(path.read_bytes())
    settings = {k: v for k, v in vars(config).items() if k not in ("out", "strict")}
    h.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return h.hexdigest()


def build_signature(config: Config, inputs, results=()) -> tuple[str, str]:
    """(code, inputs): pages can be reused only while the code part is the same. Files that
    were skipped or ignored count too, so that adding one is reported, not "up to date"."""
    code = code_fingerprint(config)
    return code, digest(FORMAT, code, [(i.source, i.signature) for i in inputs],
                        [(r.path, r.status) for r in results])


def site_identity(out: Path) -> list:
    """The marker file's inode and time: written anew by every build, so it tells sites apart."""
    try:
        st = (out / MARKER).stat()
    except OSError:
        return []
    return [st.st_ino, st.st_mtime_ns]


@dataclass
class Previous:
    """The last build, as far as this one may reuse it (render.Renderer)."""
    pages: dict[str, str] = field(default_factory=dict)     # site path -> digest of its inputs
    pieces: dict = field(default_factory=dict)              # joined file -> its pieces (Spliced)
    groups: dict = field(default_factory=dict)              # entity page -> [signature, its pages]
    # article id -> [digest of its input, of its structure, of what other pages show of it (its
    # content digest), of its data, {entity page: what it shows of the article}]:
    # local_edit below
    articles: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.pages)

    def local_edit(self, keys: dict[str, tuple], on_site: Callable[[str], bool]) -> set[str] | None:
        """The articles whose input changed since the last build, when the articles are the
        same ones, none of their structures changed (sheets.structure_digest) and every page
        of the last build is still on the site: then the index, ids, events and months are the
        last build's, and the pages not looked at again are right as they are. None otherwise."""
        known = self.articles
        if not known or keys.keys() != known.keys():
            return None
        if any(key[3] != known[a][1] for a, key in keys.items()):
            return None
        if not all(on_site(path) for path in self.pages):
            return None
        return {a for a, key in keys.items() if key[0] != known[a][0]}


@dataclass
class Manifest:
    signature: str = ""
    code: str = ""
    pages: dict[str, str] = field(default_factory=dict)     # site path -> digest of its inputs
    report: list = field(default_factory=list)              # the build report's inputs, as dicts
    page_count: int = 0
    marker: list = field(default_factory=list)              # identity of the site this describes
    files_seen: dict = field(default_factory=dict)          # seed file -> stat and content key (seeds.py)
    pieces: dict = field(default_factory=dict)              # joined file -> its pieces (Spliced)
    groups: dict = field(default_factory=dict)              # entity page -> [signature, its pages]
    articles: dict = field(default_factory=dict)            # article id -> Previous.articles

    @staticmethod
    def path_for(out: Path) -> Path:
        return cache_dir() / "builds" / (hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24] + ".marshal")

    @classmethod
    def load(cls, out: Path) -> "Manifest":
        try:
            # marshal: a cache file read and written by every build, tens of thousands of
            # entries at 10,000 articles, several times faster than JSON (and any damage or
            # another Python version's format just means a full build).
            data = marshal.loads(cls.path_for(out).read_bytes())
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                return cls()
            return cls(data["signature"], data["code"], data["pages"], data["report"], data["page_count"],
                       data["marker"], data["files_seen"], data["pieces"], data["groups"], data["articles"])
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            return cls()

    def reusable(self, code: str, out: Path) -> "Previous":
        """What of the last build this one can reuse: everything, when the code is the same
        and the site on disk is the one it wrote; else nothing."""
        if self.code == code and self.describes(out):
            return Previous(self.pages, self.pieces, self.groups, self.articles)
        return Previous()

    def is_current(self, signature: str, out: Path) -> bool:
        return self.signature == signature and self.describes(out)

    def describes(self, out: Path) -> bool:
        """Whether the site on disk is the one this manifest was written for (and not one that
        another checkout or cache folder built into the same place)."""
        return bool(self.marker) and site_identity(out) == self.marker

    def known_files(self, salt: str) -> dict[str, list]:
        """Seed files whose content key the last build computed with the same extractor."""
        return self.files_seen.get("files", {}) if self.files_seen.get("salt") == salt else {}

    def report_inputs(self):
        from .seeds import InputResult
        return [InputResult(**{**r, "counts": tuple(r["counts"])}) for r in self.report]

    def save(self, out: Path) -> None:
        path = self.path_for(out)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(marshal.dumps({"format": FORMAT, "signature": self.signature, "code": self.code,
                                           "pages": self.pages, "marker": site_identity(out),
                                           "report": [dict(vars(r)) for r in self.report],
                                           "page_count": self.page_count, "files_seen": self.files_seen,
                                           "pieces": self.pieces, "groups": self.groups,
                                           "articles": self.articles}))
            tmp.replace(path)
        except OSError:
            pass    # no cache folder: the next build is simply a full one


class Spliced:
    """Files made of one piece per article (the CSV tables, all fact sheets in one JSON): a
    piece whose key is unchanged is copied from the last build's file instead of made again.

    `previous` holds, per file, its size, the piece keys in file order and where each piece
    starts; a file whose size differs is not the one described, and is made again in full."""

    def __init__(self, out: Path, previous: dict):
        self.out, self.previous = out, previous
        self.tables: dict[str, dict] = {}

    def join(self, path: str, keys: list[str], make: Callable[[int], bytes], head: bytes = b"",
             sep: bytes = b"", tail: bytes = b"") -> bytes:
        """head + the pieces separated by sep + tail: piece n has the key keys[n] and is made by
        make(n) unless the last build's file holds it."""
        old, spans = self._previous_file(path, len(sep), len(tail))
        old = memoryview(old)       # slices of it are copied once, by the final join
        parts, size = [head], len(head)
        starts = []
        # Unchanged neighbours are one stretch of the old file (separators included), copied
        # in one slice: after a one-article edit, the whole file is three or four slices.
        run_old = run_end = run_new = -1
        for n, key in enumerate(keys):
            span = spans.get(key)
            if span is not None and span[0] == run_end + len(sep) and run_end >= 0:
                starts.append(run_new + span[0] - run_old)
                run_end = span[1]
                continue
            if run_end >= 0:
                parts.append(old[run_old:run_end])
                size += run_end - run_old
                run_end = -1
            if n:
                parts.append(sep)
                size += len(sep)
            starts.append(size)
            if span is not None:
                run_old, run_end, run_new = span[0], span[1], size
            else:
                piece = make(n)
                parts.append(piece)
                size += len(piece)
        if run_end >= 0:
            parts.append(old[run_old:run_end])
        parts.append(tail)
        data = b"".join(parts)
        self.tables[path] = {"size": len(data), "keys": list(keys), "starts": starts}
        return data

    def _previous_file(self, path: str, sep: int, tail: int) -> tuple[bytes, dict]:
        """The last build's file and {key: (start, end)} of its pieces."""
        known = self.previous.get(path)
        if not known:
            return b"", {}
        try:
            old = (self.out / path).read_bytes()
        except OSError:
            return b"", {}
        if len(old) != known["size"]:
            return b"", {}
        starts = known["starts"]
        ends = [start - sep for start in starts[1:]] + [len(old) - tail]
        return old, dict(zip(known["keys"], zip(starts, ends)))
