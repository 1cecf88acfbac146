"""The seeds folder, read: every article file with its content key, and what became of each
input (built, skipped with a reason, or ignored).

A file whose size, times and inode are those the last build recorded is not read again: its
content key is known (incremental.Manifest.files_seen).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .cache import content_key, extractor_salt
from .editing import SUFFIX as CORRECTIONS
from .incremental import digest
from .sources import SUFFIXES, SourceError, discover, read_bytes


@dataclass
class InputResult:
    """What became of one input file; the build report lists one per file."""
    path: str
    status: str                     # built | skipped | ignored
    article_id: str | None = None
    messages: list[str] = field(default_factory=list)
    counts: tuple[int, int, int] = (0, 0, 0)


@dataclass
class Input:
    """One seed file, read: what the cache key and the reader need."""
    path: Path
    source: str
    data: bytes | None                  # None: known from the last build, read only if needed
    key: str
    result: InputResult
    fixes_path: Path | None = None      # the corrections file beside the article, if any
    fixes: bytes | None = None
    stat: tuple = ()                    # (size, mtime_ns, inode, ctime_ns) when it was read

    def read(self) -> bytes:
        return self.data if self.data is not None else read_bytes(self.path, self.source)

    @property
    def signature(self) -> str:
        """What the pages made from this input depend on: its content key and its corrections."""
        return self.key if self.fixes is None else digest(self.key, hashlib.sha256(self.fixes).hexdigest())


def read_seeds(seeds: Path, results: list[InputResult], known: dict[str, list] | None = None) -> list[Input]:
    """Every readable article file; each unreadable one is reported with its reason and skipped.

    `known` maps a file to its size, times and content key at the last build: a file whose
    stat is unchanged is not read again (reading and hashing 10,000 files was a quarter of an
    incremental build)."""
    if not seeds.is_dir():
        raise SourceError(str(seeds), "the seeds folder does not exist",
                          "create it or pass --seeds DIR")
    root = os.path.realpath(seeds)
    known = known or {}
    inputs = []
    files = discover(seeds)
    corrections = {str(p)[:-len(CORRECTIONS)]: p for p in files if p.name.endswith(CORRECTIONS)}
    articles = {os.path.splitext(str(p))[0] for p in files if p.suffix.lower() in SUFFIXES} if corrections else set()
    folders: dict[str, str] = {}
    for path in files:
        shown = str(path)
        if path.name.endswith(CORRECTIONS):
            if shown[:-len(CORRECTIONS)] not in articles:
                results.append(InputResult(shown, "ignored", messages=[
                    "corrections for an article that is not in the seeds folder (NAME.facts.yaml "
                    "goes beside NAME.md or NAME.txt)"]))
            continue
        if path.suffix.lower() not in SUFFIXES:
            results.append(InputResult(shown, "ignored", messages=[
                f"not an article ({path.suffix} file); articles are .txt or .md"]))
            continue
        if not _inside(shown, root, folders):
            results.append(InputResult(shown, "skipped", messages=[
                "a link to a file outside the seeds folder; copy the article in instead"]))
            continue
        stat = _stat(shown)
        entry = known.get(shown)
        if stat and entry and tuple(entry[:-1]) == stat:
            data, key = None, entry[-1]
        else:
            try:
                data = read_bytes(path, shown)
            except SourceError as err:
                results.append(InputResult(shown, "skipped", messages=[reason(err)]))
                continue
            key = content_key(shown, data)
        result = InputResult(shown, "built")
        results.append(result)
        fixes = corrections.get(os.path.splitext(shown)[0]) if corrections else None
        inputs.append(Input(path, shown, data, key, result, fixes, _read_fixes(fixes) if fixes else None, stat))
    return inputs


def _inside(path: str, root: str, folders: dict[str, str]) -> bool:
    """Whether a file really lives under the seeds folder (links are followed). Folders are
    resolved once each; a file is resolved itself only when it is a link."""
    folder, name = os.path.split(path)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    where = os.path.realpath(path) if os.path.islink(path) else os.path.join(folders[folder], name)
    return where == root or where.startswith(root.rstrip(os.sep) + os.sep)


def _stat(path: str) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


RACY = 2_000_000_000    # ns: a file changed this close to a build may have changed unseen


def seen_files(inputs: list[Input], started: float) -> dict:
    """The files whose stat can vouch for their content at the next build. A file modified
    within two seconds of this build's start is left out: a second edit in the same clock tick
    would keep its size and time (the "racily clean" case git also guards against)."""
    limit = int(started * 1e9) - RACY
    return {"salt": extractor_salt(),
            "files": {i.source: [*i.stat, i.key] for i in inputs if i.stat and i.stat[1] < limit and i.stat[3] < limit}}


def _read_fixes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        return f"# unreadable: {e.strerror}".encode()


def reason(err: SourceError) -> str:
    return err.reason + (f"; {err.hint}" if err.hint else "")
