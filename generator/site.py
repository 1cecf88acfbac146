"""Atomic write of site/: the build goes into a temporary folder beside it and is swapped in
only once complete, so an interrupted or failed build leaves the previous site intact."""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .config import TEMPLATES

MARKER = ".factsheet-site"   # marks a folder this tool wrote, the only kind it will replace
REUSE = object()             # in the files to write: "the previous site's copy is still right"
WRITERS = 8
ASSETS = TEMPLATES / "assets"


class SiteError(Exception):
    pass


def write_site(out: Path, files: dict[str, bytes]) -> threading.Thread | None:
    """Write the site; returns the thread still deleting the previous one (join it when done)."""
    out = out.resolve()
    if out.exists() and not (out / MARKER).exists() and any(out.iterdir()):
        raise SiteError(f"{out} exists and was not written by this generator; "
                        "refusing to replace it (choose another --out or empty it)")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for folder in sorted({rel.rpartition("/")[0] for rel in files} - {""}):
            os.makedirs(os.path.join(tmp, folder), exist_ok=True)
        old_dir, new_dir = str(out), str(tmp)
        items = sorted(files.items())
        # Threads, because writing (or linking) thousands of small files is bound by system
        # calls, which run outside the GIL: several at once finish many times sooner.
        chunks = [items[i::WRITERS] for i in range(WRITERS)]
        with ThreadPoolExecutor(max_workers=WRITERS) as pool:
            for _ in pool.map(lambda chunk: _write_chunk(old_dir, new_dir, chunk), chunks):
                pass
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file():
                target = tmp / "assets" / asset.relative_to(ASSETS)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(asset, target)
        (tmp / ".nojekyll").write_bytes(b"")   # GitHub Pages: serve files as they are
        (tmp / MARKER).write_bytes(b"")
        os.chmod(tmp, 0o755)
        return _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _write_chunk(old_dir: str, new_dir: str, chunk: list) -> None:
    for rel, data in chunk:
        if data is REUSE:
            _reuse(os.path.join(old_dir, rel), os.path.join(new_dir, rel))
        else:
            with open(os.path.join(new_dir, rel), "wb") as f:
                f.write(data)


def _reuse(old: str, new: str) -> None:
    """A hard link to the previous build's file (instant, no copy); a copy where links fail."""
    try:
        os.link(old, new)
    except OSError:
        shutil.copyfile(old, new)


def _swap(new: Path, out: Path) -> threading.Thread | None:
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
    if old is None:
        return None
    # The new site is in place: the old one is deleted while the build finishes its other work.
    cleanup = threading.Thread(target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True})
    cleanup.start()
    return cleanup
