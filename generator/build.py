"""build(): seeds -> site, top to bottom.

read seeds -> split text -> extract facts per article -> index entities across articles
-> render pages (each written into a staging folder and its links checked by the worker that
made it) -> swap the staging folder in as site/

Each stage has its module: seeds.py reads the seeds folder, sheets.py makes the fact sheets
(cache or extractors), index.py the entities, render.py the pages, site.py the folder.
Three shortcuts keep rebuilds fast and never change the output: extraction results are cached
by content hash (cache.py); a page whose inputs have the same digest as in the last build is
kept from the previous site instead of rendered again (incremental.py); and an edit that keeps
every article's structure starts from the last full build's index instead of indexing every
article again, and looks again only at the pages that show what it changed (snapshot.py,
render.Renderer).
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cache import extractor_salt
from .config import Config
from .extract.vocabulary import configure as configure_vocabulary
from .incremental import Manifest, Previous, build_signature
from .index import build_index
from .render import Renderer
from .seeds import InputResult, read_seeds, seen_files
from .sheets import extract_all
from .site import Staging
from .snapshot import Snapshot


@dataclass
class BuildReport:
    """What a build did, input by input, and the broken links it found."""
    inputs: list[InputResult] = field(default_factory=list)
    pages: int = 0
    rendered: list[str] = field(default_factory=list)     # the files made anew (the rest were reused)
    link_problems: list[str] = field(default_factory=list)
    out: Path | None = None
    up_to_date: bool = False
    stages: list[tuple[str, float]] = field(default_factory=list)   # (stage, seconds), in order

    @property
    def skipped(self) -> list[InputResult]:
        return [i for i in self.inputs if i.status == "skipped"]

    @property
    def warned(self) -> list[InputResult]:
        return [i for i in self.inputs if i.status == "built" and i.messages]

    def problem_lines(self) -> list[str]:
        lines = [f"error: {i.path}: {m}" for i in self.skipped for m in i.messages]
        lines += [f"warning: {i.path}: {m}" for i in self.warned for m in i.messages]
        lines += [f"warning: ignored {i.path}: {m}" for i in self.inputs if i.status == "ignored"
                  for m in i.messages]
        lines += [f"error: broken link: {p}" for p in self.link_problems]
        return lines

    def summary(self) -> str:
        built = sum(1 for i in self.inputs if i.status == "built")
        if self.up_to_date:
            return f"{self.out} is up to date ({built} article(s), nothing changed)"
        return (f"built {built} article(s) into {self.out} ({self.pages} files); "
                f"{len(self.skipped)} skipped, {len(self.warned)} with warnings")

    def stage_line(self) -> str:
        """Where the time went: "seeds 0.12 s · extract 0.45 s · ... · total 2.90 s"."""
        parts = [f"{name} {seconds:.2f} s" for name, seconds in self.stages]
        return " · ".join(parts + [f"total {sum(s for _, s in self.stages):.2f} s"])

    def exit_status(self, strict: bool) -> int:
        """0: all good; 1: something was skipped or a link is broken; strict: warnings fail too."""
        if self.skipped or self.link_problems:
            return 1
        if strict and (self.warned or any(i.status == "ignored" for i in self.inputs)):
            return 1
        return 0


def build(config: Config, log: Callable[[str], None] | None = None, progress: bool = False) -> BuildReport:
    log = log or (lambda message: None)
    started = time.time()
    report = BuildReport(out=config.out)
    lap = _stopwatch(report.stages)
    previous = Manifest.load(config.out)

    configure_vocabulary(config.reporting_verbs, config.weapons)
    inputs = read_seeds(config.seeds, report.inputs, previous.known_files(extractor_salt()))
    code, signature = build_signature(config, inputs, report.inputs)
    lap("seeds")
    if previous.is_current(signature, config.out):
        report.inputs, report.pages, report.up_to_date = previous.report_inputs(), previous.page_count, True
        return report
    with _collector_paused() as loaded:
        staging = Staging(config.out)
        try:
            reusable = previous.reusable(code, config.out)
            articles, keys, index, indexed, local = _sheets_and_index(inputs, previous, reusable, staging, code,
                                                                      config, progress, lap)
            renderer = Renderer(config, index, articles, report, keys, reusable, staging, local)
            files = renderer.pages()
            loaded()
            lap("pages")
            report.link_problems = renderer.link_problems(files)
            # A build that reuses pages moves only its new files into the site.
            staging.commit(files, in_place=bool(renderer.previous))
            lap("links and commit")
        except BaseException:
            staging.discard()
            raise
        report.pages, report.rendered = len(files), renderer.rendered
        # A site with broken links is never "up to date", and none of its pages is reused: the
        # next build renders and checks every page again.
        broken = bool(report.link_problems)
        Manifest("" if broken else signature, code, {} if broken else renderer.digests, report.inputs,
                 len(files), files_seen=seen_files(inputs, started),
                 pieces={} if broken else renderer.spliced.tables,
                 groups={} if broken else renderer.groups,
                 articles={} if broken else renderer.article_records()).save(config.out)
        if broken:
            Snapshot.remove(config.out)
        elif indexed:
            Snapshot.save_later(config.out, code, index, {
                i.source: [i.result.article_id, i.signature, keys[i.result.article_id][3]]
                if i.result.status == "built" else [None, i.signature, None] for i in inputs})
        lap("manifest")
        log(f"rendered {len(report.rendered)} of {len(files)} files, reused the rest")
        return report


def _sheets_and_index(inputs: list, previous: Manifest, reusable: Previous, staging: Staging, code: str,
                      config: Config, progress: bool, lap: Callable[[str], None]):
    """The articles, their digests (sheets.extract_all's keys), the index, whether it was made
    anew, and the articles of a local edit (incremental.Previous.local_edit; None when this is
    not one). A local edit starts from the last full build's index (snapshot.py) and reads only
    the articles it changed; anything else reads every article (from the extraction cache when
    known) and indexes them all."""
    snapshot = Snapshot.open(config.out, code) if reusable else None
    edited = snapshot.edited(inputs, previous) if snapshot else None
    if edited is not None:
        articles, sheets, keys = extract_all(edited, progress, config, ids=snapshot.ids())
        keys_now = {**snapshot.keys(), **keys}
        # Only for a local edit: the other articles' facts are known by their digests alone.
        local = reusable.local_edit(keys_now, staging.holds) if snapshot.same_structure(edited, keys) else None
        if local is not None:
            lap("extract")
            index = snapshot.index_with(sheets)
            if index is not None:
                lap("index")
                return articles, keys_now, index, False, local
    articles, sheets, keys = extract_all(inputs, progress, config)
    lap("extract")
    index = build_index(sheets, config)
    lap("index")
    return articles, keys, index, True, reusable.local_edit(keys, staging.holds)


def _stopwatch(stages: list[tuple[str, float]]) -> Callable[[str], None]:
    """lap(name) records the time since the previous lap (or the start) as stage `name`."""
    last = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        stages.append((name, now - last[0]))
        last[0] = now
    return lap


@contextmanager
def _collector_paused():
    """Build the big long-lived data (fact sheets, index, the plan of the pages) without
    garbage-collector passes.

    Loading 10,000 cached fact sheets makes half a million objects, and planning their pages
    (digests, one job per page) a few hundred thousand more; the collector would walk the
    growing heap again and again (a third of an incremental build's time; 0.8 s of a cold
    build's planning). None of it is garbage, so the collector is paused until `loaded()` is
    called, once the pages are made (rendering collects what it makes: render.render_all);
    the data is then frozen out of its reach. It stays frozen when the build returns:
    unfreezing made the interpreter's final collection walk it all at exit (a second per edit
    at 10,000 articles). A process that builds again and again (`serve`) unfreezes it between
    builds."""
    enabled = gc.isenabled()
    gc.disable()

    def loaded() -> None:
        gc.freeze()
        if enabled:
            gc.enable()
    try:
        yield loaded
    finally:
        if enabled:
            gc.enable()
