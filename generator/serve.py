"""`make serve`: serve site/ on localhost and rebuild when seeds, templates or config change."""
from __future__ import annotations

import functools
import gc
import http.server
import sys
import threading
import time
from pathlib import Path

from .build import build
from .config import TEMPLATES, Config, load_config

POLL_SECONDS = 1.0


def _snapshot(paths: list[Path]) -> dict[str, float]:
    """Modification times of every file under the watched paths (polling: no extra package)."""
    state = {}
    for root in paths:
        files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for p in files:
            try:
                state[str(p)] = p.stat().st_mtime
            except OSError:
                pass
    return state


def _rebuild(config_path: Path | None, config: Config) -> Config:
    # The last build's data, frozen by build(), can be freed now: collected here, because
    # build() pauses the collector and freezes what it holds again, garbage included.
    gc.unfreeze()
    gc.collect()
    try:
        fresh = load_config(config_path)
        fresh.seeds, fresh.out = config.seeds, config.out
        report = build(fresh)
        print(report.summary(), file=sys.stderr)
        for line in report.problem_lines():
            print(line, file=sys.stderr)
        return fresh
    except Exception as err:  # noqa: BLE001 - a bad edit must not stop the server
        print(f"rebuild failed, still serving the previous site: {err}", file=sys.stderr)
        return config


def serve(config: Config, bind: str, port: int, config_path: Path | None) -> int:
    config = _rebuild(config_path, config)
    watched = [config.seeds, TEMPLATES, config_path or Path("config.yaml")]

    def watch():
        nonlocal config
        seen = _snapshot(watched)
        while True:
            time.sleep(POLL_SECONDS)
            now = _snapshot(watched)
            if now != seen:
                seen = now
                print("change detected, rebuilding...", file=sys.stderr)
                config = _rebuild(config_path, config)

    threading.Thread(target=watch, daemon=True).start()
    out = config.out.resolve()
    handler = functools.partial(_Handler, directory=str(out))
    with http.server.ThreadingHTTPServer((bind, port), handler) as httpd:
        print(f"serving {out} at http://{bind}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep the terminal for build messages
        pass
