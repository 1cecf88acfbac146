"""Atomic write of site/: the build goes into a temporary folder beside it and is swapped in
only once complete, so an interrupted or failed build leaves the previous site intact. When a
build reuses most pages, only its new files are moved into the site, as one transaction that
is rolled back on any error (Staging.update_in_place)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from .config import TEMPLATES

MARKER = ".factsheet-site"   # marks a folder this tool wrote, the only kind it will replace
REUSE = object()             # in the files to write: "the previous site's copy is still right"
WRITERS = 8
ASSETS = TEMPLATES / "assets"


class SiteError(Exception):
    pass


class Staging:
    """The new site, made in a temporary folder beside the old one and swapped in only once
    complete (`commit`); `discard` removes it after a failure. Render workers write the pages
    they make straight into it (`write`), so pages never travel back through the main process."""

    def __init__(self, out: Path):
        self.out = out.resolve()
        if self.out.exists() and not (self.out / MARKER).exists() and any(self.out.iterdir()):
            raise SiteError(f"{self.out} exists and was not written by this generator; "
                            "refusing to replace it (choose another --out or empty it)")
        self.out.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(self.out)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{self.out.name}-new-", dir=self.out.parent))
        self._existing: set[str] | None = None

    def write(self, rel: str, data: bytes) -> None:
        target = os.path.join(self.dir, rel)
        try:
            f = open(target, "wb")
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            f = open(target, "wb")
        with f:
            f.write(data)

    def holds(self, path: str) -> bool:
        """Whether the site as it is now has this file."""
        return path in self.existing()

    def existing(self) -> set[str]:
        """The files of the site as it is now (listed once: a stat per reused page cost a
        tenth of a second at 10,000 articles)."""
        if self._existing is None:
            self._existing = set(listing(self.out)) if self.out.is_dir() else set()
        return self._existing

    def commit(self, files: dict, in_place: bool = False) -> None:
        """Write `files` (bytes; REUSE: the previous site's copy; anything else: written
        already), the assets and markers, then swap the folder in (the previous site is deleted
        by a process of its own: _delete_later).

        `in_place`, when most pages are reused: only the new and changed files are moved into
        the existing site (update_in_place), instead of linking every reused one into a new
        folder and deleting the old one."""
        if in_place and (self.out / MARKER).is_file():
            self.update_in_place(files)
            return
        for folder in sorted({rel.rpartition("/")[0] for rel in files} - {""}):
            os.makedirs(os.path.join(self.dir, folder), exist_ok=True)
        old_dir, new_dir = str(self.out), str(self.dir)
        items = sorted((rel, data) for rel, data in files.items() if data is REUSE or isinstance(data, bytes))
        # Threads, because writing (or linking) thousands of small files is bound by system
        # calls, which run outside the GIL: several at once finish many times sooner.
        chunks = [items[i::WRITERS] for i in range(WRITERS)]
        with ThreadPoolExecutor(max_workers=WRITERS) as pool:
            for _ in pool.map(lambda chunk: _write_chunk(old_dir, new_dir, chunk), chunks):
                pass
        _put_fixed_files(self.dir)
        (self.dir / MARKER).write_bytes(b"")
        os.chmod(self.dir, 0o755)
        _swap(self.dir, self.out)

    def update_in_place(self, files: dict) -> None:
        """Move the new and changed files into the existing site and delete the ones it no
        longer has, as one transaction: each file is replaced atomically, and if anything fails,
        every file touched is put back (from a hard link kept in the staging folder).

        A termination request (SIGTERM: a cancelled CI job, `timeout`) during the moves is
        turned into an exception, so it rolls back too. Against a process killed outright the
        marker file is renewed first: from then on the site is not the one the last build's
        manifest describes, so the next build reuses nothing and writes a whole new site. It is
        renewed again at the end, for the manifest of this one."""
        changed = sorted(rel for rel, data in files.items() if data is not REUSE)
        for rel in changed:
            if isinstance(files[rel], bytes):
                self.write(rel, files[rel])
        fixed = set(fixed_files())
        gone = sorted(self.existing() - set(files) - fixed)
        backup = self.dir / ".previous"
        self._renew_marker()
        done: list[str] = []
        made: list[str] = []        # folders created for new files, removed again on rollback
        try:
            with _termination_raises():
                for rel in changed + gone:
                    target = os.path.join(self.out, rel)
                    if os.path.lexists(target):
                        os.makedirs(os.path.dirname(os.path.join(backup, rel)), exist_ok=True)
                        _reuse(target, os.path.join(backup, rel))
                    done.append(rel)
                    if rel in files:
                        made.extend(_make_folders(self.out, os.path.dirname(rel)))
                        os.replace(os.path.join(self.dir, rel), target)
                    else:
                        os.unlink(target)
        except BaseException:
            for rel in reversed(done):
                kept, target = os.path.join(backup, rel), os.path.join(self.out, rel)
                if os.path.lexists(kept):
                    os.replace(kept, target)
                elif os.path.lexists(target):
                    os.unlink(target)
            for folder in reversed(made):
                _remove_empty(self.out, folder)
            raise
        for rel in sorted({os.path.dirname(rel) for rel in gone} - {""}, key=len, reverse=True):
            _remove_empty(self.out, rel)
        _put_fixed_files(self.out, missing_only=True)     # they change only with the code, but be sure
        self._renew_marker()
        self.discard()

    def _renew_marker(self) -> None:
        fresh = self.dir / (MARKER + ".new")
        fresh.write_bytes(b"")
        os.replace(fresh, self.out / MARKER)

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def fixed_files() -> list[str]:
    """The files every site has besides its pages: assets and markers."""
    return [f"assets/{p.relative_to(ASSETS).as_posix()}" for p in sorted(ASSETS.rglob("*")) if p.is_file()] + \
        [".nojekyll", MARKER]


def _put_fixed_files(root: Path, missing_only: bool = False) -> None:
    """The assets and .nojekyll (GitHub Pages: serve files as they are) into a site folder;
    the marker is written by the caller, when the site is complete."""
    for rel in fixed_files():
        target = root / rel
        if rel == MARKER or (missing_only and target.exists()):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.startswith("assets/"):
            shutil.copyfile(ASSETS / rel.removeprefix("assets/"), target)
        else:
            target.write_bytes(b"")


def _write_chunk(old_dir: str, new_dir: str, chunk: list) -> None:
    for rel, data in chunk:
        if data is REUSE:
            _reuse(os.path.join(old_dir, rel), os.path.join(new_dir, rel))
        else:
            with open(os.path.join(new_dir, rel), "wb") as f:
                f.write(data)


@contextmanager
def _termination_raises():
    """SIGTERM raises SystemExit here, so that the caller's rollback runs (only the main thread
    can set a handler; elsewhere the default stays)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _make_folders(root: Path, rel: str) -> list[str]:
    """Create a folder and its missing parents under root; returns the ones it created."""
    missing = []
    while rel and not os.path.isdir(os.path.join(root, rel)):
        missing.append(rel)
        rel = os.path.dirname(rel)
    for folder in reversed(missing):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    return list(reversed(missing))


LEFTOVER_AGE = 600      # seconds: a staging folder this old belongs to no running build


def _remove_leftovers(out: Path) -> None:
    """Staging and old-site folders that a killed build left beside the site."""
    now = time.time()
    for pattern in (f".{out.name}-new-*", f".{out.name}-old-*"):
        for folder in out.parent.glob(pattern):
            try:
                if folder.is_dir() and now - folder.stat().st_mtime > LEFTOVER_AGE:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                pass


def listing(root: Path) -> list[str]:
    """Every file under root, as site paths."""
    found = []
    for folder, _, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found.extend(prefix + name for name in names)
    return found


def _remove_empty(root: Path, rel: str) -> None:
    """Remove a folder left empty by deletions, and its parents while they are empty too."""
    while rel:
        try:
            os.rmdir(os.path.join(root, rel))
        except OSError:
            return
        rel = os.path.dirname(rel)


def _reuse(old: str, new: str) -> None:
    """A hard link to the previous build's file (instant, no copy); a copy where links fail."""
    try:
        os.link(old, new)
    except OSError:
        shutil.copyfile(old, new)


def _swap(new: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        old.rmdir()
        os.replace(out, old)
    try:
        os.replace(new, out)
    except BaseException:
        if old is not None:
            os.replace(old, out)
        raise
    if old is not None:
        _delete_later(old)


# Deleting a site of 37,000 files took three seconds, which the build made its user wait for
# although the new site was already in place.
_DELETER = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def _delete_later(folder: Path) -> None:
    """Delete the previous site in a process of its own that outlives the build; where one
    cannot be started, here and now. (One killed half-way leaves a folder that the next build
    removes: _remove_leftovers.)"""
    try:
        subprocess.Popen([sys.executable, "-c", _DELETER, str(folder)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
