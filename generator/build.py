"""build(): seeds -> site, top to bottom.

read seeds -> split text -> extract facts per article -> index entities across articles
-> render pages (each written into a staging folder and its links checked by the worker that
made it) -> swap the staging folder in as site/

Two shortcuts keep rebuilds fast and never change the output: extraction results are cached
by content hash (cache.py), and a page whose inputs have the same digest as in the last build
is linked from the previous site instead of rendered again (incremental.py).
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ExtractionCache, content_key, extractor_salt
from .config import Config
from .editing import SUFFIX as CORRECTIONS
from .editing import CorrectionsError, apply_config, apply_corrections, parse_corrections
from .extract.vocabulary import configure as configure_vocabulary
from .incremental import Manifest, build_signature, digest
from .index import build_index
from .model import Article, FactSheet
from .render import Renderer
from .site import Staging
from .sources import SUFFIXES, SourceError, article_from_bytes, discover, read_bytes


@dataclass
class InputResult:
    """What became of one input file; the build report lists one per file."""
    path: str
    status: str                     # built | skipped | ignored
    article_id: str | None = None
    messages: list[str] = field(default_factory=list)
    counts: tuple[int, int, int] = (0, 0, 0)


@dataclass
class BuildReport:
    inputs: list[InputResult] = field(default_factory=list)
    pages: int = 0
    link_problems: list[str] = field(default_factory=list)
    out: Path | None = None
    up_to_date: bool = False

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
    previous = Manifest.load(config.out)

    configure_vocabulary(config.reporting_verbs, config.weapons)
    inputs = read_seeds(config.seeds, report, previous.known_files(extractor_salt()))
    code, signature = build_signature(config, inputs, report.inputs)
    if previous.is_current(signature, config.out):
        report.inputs, report.pages, report.up_to_date = previous.report_inputs(), previous.page_count, True
        return report
    with _loading():
        articles, sheets, keys = extract_all(inputs, report, progress, config)
        index = build_index(sheets, config)

    staging = Staging(config.out)
    try:
        renderer = Renderer(config, index, articles, report, keys, previous.reusable(code, config.out), staging)
        files = renderer.pages()
        report.link_problems = check_links(renderer, files)
        # A build that reuses pages moves only its new files into the site.
        cleanup = staging.commit(files, in_place=bool(renderer.previous))
    except BaseException:
        staging.discard()
        raise
    report.pages = len(files)
    # A site with broken links is never "up to date", and none of its pages is reused: the next
    # build renders and checks every page again.
    broken = bool(report.link_problems)
    Manifest("" if broken else signature, code, {} if broken else renderer.digests, report.inputs,
             len(files), files_seen=seen_files(inputs, started),
             pieces={} if broken else renderer.spliced.tables,
             groups={} if broken else renderer.groups).save(config.out)
    if cleanup is not None:
        cleanup.join()
    log(f"rendered {len(renderer.rendered)} of {len(files)} files, reused the rest")
    return report


def check_links(renderer: Renderer, files: dict) -> list[str]:
    """Broken links in the pages rendered (each was checked by the worker that made it)."""
    return renderer.link_problems(files)


@contextmanager
def _loading():
    """Build the big long-lived data (fact sheets, index) without garbage-collector passes.

    Loading 10,000 cached fact sheets makes half a million objects; the collector would walk the
    growing heap again and again (a third of an incremental build's time). None of it is garbage,
    so the collector is paused, and afterwards the data is frozen out of its reach."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


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
        return self.with_fixes(self.key)

    def with_fixes(self, key: str) -> str:
        return key if self.fixes is None else digest(key, hashlib.sha256(self.fixes).hexdigest())


def read_seeds(seeds: Path, report: BuildReport, known: dict[str, list] | None = None) -> list[Input]:
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
                report.inputs.append(InputResult(shown, "ignored", messages=[
                    "corrections for an article that is not in the seeds folder (NAME.facts.yaml "
                    "goes beside NAME.md or NAME.txt)"]))
            continue
        if path.suffix.lower() not in SUFFIXES:
            report.inputs.append(InputResult(shown, "ignored", messages=[
                f"not an article ({path.suffix} file); articles are .txt or .md"]))
            continue
        if not _inside(shown, root, folders):
            report.inputs.append(InputResult(shown, "skipped", messages=[
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
                report.inputs.append(InputResult(shown, "skipped", messages=[_reason(err)]))
                continue
            key = content_key(shown, data)
        result = InputResult(shown, "built")
        report.inputs.append(result)
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


def extract_all(inputs: list[Input], report: BuildReport, progress: bool, config: Config | None = None):
    """Fact sheets for every input: from the cache when its content hash is known, else extracted,
    in parallel across cores when there are many. Returns the articles, their sheets, and per
    article (digest of its input, digest of its facts)."""
    cache = ExtractionCache()
    done = cache.get_many([i.key for i in inputs])
    todo = [i for i in inputs if i.key not in done]
    limit = int((config.max_extract_mb if config else Config.max_extract_mb) * 1_000_000)
    jobs = []
    for i in todo:
        try:
            jobs.append((i.key, i.source, i.read(), i.path, limit))
        except SourceError as err:     # changed since it was listed: reported like any unreadable file
            done[i.key] = err
    fresh = dict(_run_jobs(jobs, progress))
    cache.put_many({k: v for k, v in fresh.items() if not isinstance(v, SourceError)})
    cache.close()
    done.update(fresh)

    articles: dict[str, Article] = {}
    sheets, keys = [], {}
    for item in inputs:
        outcome = done[item.key]
        if isinstance(outcome, SourceError):
            item.result.status, item.result.messages = "skipped", [_reason(outcome)]
            continue
        article, sheet, error, facts = outcome
        base, n = article.meta.id, 2
        while article.meta.id in articles:   # two titles, one slug: keep both, numbered
            article.meta.id, n = f"{base}-{n}", n + 1
        if article.meta.id != base:
            article.warnings.append(f"another article has the address {base}; this one is {article.meta.id}")
        item.result.article_id = article.meta.id
        item.result.messages = article.warnings + ([error] if error else []) + \
            apply_edits(article, sheet, item.fixes, item.fixes_path, config)
        item.result.counts = (len(sheet.statements), len(sheet.strikes), len(sheet.pledges))
        articles[article.meta.id] = article
        sheets.append(sheet)
        keys[article.meta.id] = (item.signature, item.with_fixes(facts))
    return articles, sheets, keys


def extract_files(paths: list[Path], config: Config) -> list[tuple[Path, object]]:
    """(path, SourceError or (Article, FactSheet, error, facts digest)) for each file, in order,
    extracted in parallel as a build does (for the `extract` command; nothing is cached)."""
    limit = int(config.max_extract_mb * 1_000_000)
    jobs, outcomes = [], {}
    for n, path in enumerate(paths):
        try:
            jobs.append((n, str(path), read_bytes(path, str(path)), path, limit))
        except SourceError as err:
            outcomes[n] = err
    outcomes.update(_run_jobs(jobs, False))
    return [(path, outcomes[n]) for n, path in enumerate(paths)]


def apply_edits(article: Article, sheet: FactSheet, fixes: bytes | None, fixes_path: Path | None,
                config: Config | None) -> list[str]:
    """Editors' corrections and config overrides, on top of what the rules found (never cached,
    so that editing or deleting a corrections file takes effect at once). Returns messages."""
    if config is not None:
        apply_config(sheet, config)
    if fixes is None:
        return []
    where = str(fixes_path)
    try:
        fixes = parse_corrections(fixes.decode("utf-8", errors="replace"), where)
    except CorrectionsError as err:
        return [f"corrections ignored: {err}"]
    return [f"{where}: {p}" for p in apply_corrections(article, sheet, fixes)]


PARALLEL_FROM = 40      # below this, starting worker processes costs more than it saves


def _run_jobs(jobs: list[tuple], progress: bool):
    if len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from map(_extract_job, _progress(jobs, progress))
        return
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=ctx) as pool:
        yield from _progress(pool.map(_extract_job, jobs, chunksize=16), progress, total=len(jobs))


def _extract_job(job: tuple):
    """Read and extract one article (in a worker process). Extraction never loses an article:
    a rule that crashes leaves an empty fact sheet and a message, and the text is still published."""
    key, source, data, path, limit = job
    try:
        article = article_from_bytes(data, source, path)
    except SourceError as err:
        return key, err
    if len(data) > limit:
        # A file this size is a dump, not an article: publish its text, say why it has no facts.
        sheet = FactSheet(article=article.meta)
        return key, (article, sheet,
                     f"{len(data) / 1e6:.1f} MB is over the {limit / 1e6:g} MB extraction limit; its text is "
                     "published without facts (split it into articles, or raise max_extract_mb in config.yaml)",
                     digest(sheet.to_json()))
    from .extract.factsheet import extract     # here: a build with nothing to extract never loads the rules
    try:
        sheet, error = extract(article), None
    except Exception as err:  # noqa: BLE001 - any bug in a rule must not lose the article
        sheet = FactSheet(article=article.meta)
        error = (f"extraction failed ({type(err).__name__}: {err}); "
                 "published without facts - please report this article")
    # The digest of the facts alone (not the text): pages that show an article's facts but not
    # its text stay as they are when an edit leaves the facts unchanged.
    return key, (article, sheet, error, digest(sheet.to_json()))


def _reason(err: SourceError) -> str:
    return err.reason + (f"; {err.hint}" if err.hint else "")


def _progress(items, enabled: bool, total: int | None = None):
    """A progress bar on a terminal; nothing in CI logs or pipes."""
    if not enabled:
        return items
    from tqdm import tqdm
    return tqdm(items, desc="extract", unit="article", leave=False, total=total)
