"""Fact sheets for the inputs: from the extraction cache when an input's content key is known,
else extracted, on all cores when there are many; then editors' corrections and config
overrides, which are never cached.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .cache import ExtractionCache, cache_entry
from .config import Config
from .editing import CorrectionsError, apply_config, apply_corrections, parse_corrections
from .incremental import digest
from .model import Article, FactSheet
from .seeds import Input, reason
from .sources import SourceError, article_from_bytes, read_bytes


def extract_all(inputs: list[Input], progress: bool, config: Config | None = None,
                ids: dict[str, str] | None = None):
    """Fact sheets for every input: from the cache when its content hash is known, else extracted,
    in parallel across cores when there are many. Returns the articles, their sheets, and per
    article (digest of its input, and facts_digests).

    Two articles whose titles make one address get "-2", "-3"... in the order of the inputs;
    `ids` (input path -> address) gives the addresses instead, for a few inputs extracted
    again when all the others are known (snapshot.Snapshot)."""
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
    entries = {}
    for key, outcome, entry in _run_jobs(jobs, progress):
        done[key] = outcome
        if entry is not None:
            entries[key] = entry
    cache.put_many(entries)
    cache.close()

    articles: dict[str, Article] = {}
    sheets, keys = [], {}
    for item in inputs:
        outcome = done[item.key]
        if isinstance(outcome, SourceError):
            item.result.status, item.result.messages = "skipped", [reason(outcome)]
            continue
        article, sheet, error, facts, shown, structure, each = outcome
        base, n = article.meta.id, 2
        if ids is not None:
            article.meta.id = ids[item.source]
        while article.meta.id in articles or article.meta.id in RESERVED:   # two titles, one slug: keep both
            article.meta.id, n = f"{base}-{n}", n + 1
        if base in RESERVED:
            article.warnings.append(f"the address {base} is the site's own file; this one is {article.meta.id}")
        elif article.meta.id != base:
            article.warnings.append(f"another article has the address {base}; this one is {article.meta.id}")
        item.result.article_id = article.meta.id
        item.result.messages = article.warnings + ([error] if error else []) + \
            apply_edits(article, sheet, item.fixes, item.fixes_path, config)
        item.result.counts = (len(sheet.statements), len(sheet.strikes), len(sheet.pledges))
        if item.fixes is not None:
            # A fact an editor added is placed in the text by its quote: its sentence and offsets
            # move when the text does, which the extracted sheet's digests cannot know.
            facts, shown, structure, each = facts_digests(sheet)
        articles[article.meta.id] = article
        sheets.append(sheet)
        keys[article.meta.id] = (item.signature, facts, shown, structure, each)
    return articles, sheets, keys


# Article ids the site uses for its own files (data/factsheets.json holds every article).
RESERVED = {"factsheets"}


def extract_files(paths: list[Path], config: Config) -> list[tuple[Path, object]]:
    """(path, SourceError or (Article, FactSheet, error, facts digests...)) for each file, in order,
    extracted in parallel as a build does (for the `extract` command; nothing is cached)."""
    limit = int(config.max_extract_mb * 1_000_000)
    jobs, outcomes = [], {}
    for n, path in enumerate(paths):
        try:
            jobs.append((n, str(path), read_bytes(path, str(path)), path, limit))
        except SourceError as err:
            outcomes[n] = err
    outcomes.update((n, outcome) for n, outcome, _ in _run_jobs(jobs, False))
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


def _extract_results(jobs: list[tuple], progress: bool):
    if len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from map(_extract_job, _progress(jobs, progress))
        return
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=ctx) as pool:
        yield from _progress(pool.map(_extract_job, jobs, chunksize=16), progress, total=len(jobs))


def _run_jobs(jobs: list[tuple], progress: bool):
    """(key, outcome, cache entry or None) for each job, in order."""
    for key, result, sentences in _extract_results(jobs, progress):
        if sentences is None:       # an error, or a file too big to cache
            yield key, result, None
            continue
        # The worker sent its cache entry (the outcome pickled without the sentences) and the
        # sentences beside it: the entry is stored as it came, not pickled a second time here.
        outcome = pickle.loads(result)
        outcome[0].sentences = sentences
        yield key, outcome, result


def _extract_job(job: tuple):
    """Read and extract one article (in a worker process): (key, cache entry, sentences), or
    (key, SourceError or outcome not to cache, None). Extraction never loses an article: a rule
    that crashes leaves an empty fact sheet and a message, and the text is still published."""
    key, source, data, path, limit = job
    try:
        article = article_from_bytes(data, source, path)
    except SourceError as err:
        return key, err, None
    if len(data) > limit:
        # A file this size is a dump, not an article: publish its text, say why it has no facts.
        # Not cached: the limit (max_extract_mb) can be raised without changing the file.
        sheet = FactSheet(article=article.meta)
        return key, (article, sheet,
                     f"{len(data) / 1e6:.1f} MB is over the {limit / 1e6:g} MB extraction limit; its text is "
                     "published without facts (split it into articles, or raise max_extract_mb in config.yaml)",
                     *facts_digests(sheet)), None
    from .extract.factsheet import extract     # here: a build with nothing to extract never loads the rules
    try:
        sheet, error = extract(article), None
    except Exception as err:  # noqa: BLE001 - any bug in a rule must not lose the article
        sheet = FactSheet(article=article.meta)
        error = (f"extraction failed ({type(err).__name__}: {err}); "
                 "published without facts - please report this article")
    return key, cache_entry(article, sheet, error, *facts_digests(sheet)), article.sentences


def facts_digests(sheet: FactSheet) -> tuple[str, str, str, tuple[str, ...]]:
    """Digests of an article's facts (not its text): all of them; what pages other than the
    article's own show of them, which is everything but the character offsets of the evidence
    (pages name its sentence); their structure (structure_digest); and what pages show of each
    fact, with the article's title, date and outlet (statements, then strikes, then pledges),
    so that an entity's pages are looked at again only when one of its own facts changed.
    Fixing a typo before a fact moves the offsets of every later fact: the fact sheet's JSON
    and CSV rows change, the pages of its speakers and places do not."""
    data = sheet.to_json()
    article = digest(data["article"])
    each, offsets = [], []
    for kind in ("statements", "strikes", "pledges"):
        for fact in data[kind]:
            evidence = fact["evidence"]
            offsets.append((evidence["start"], evidence["end"]))
            fact["evidence"] = evidence["sentence"]
            each.append(digest(article, fact))
    # Each fact is written out (repr) once: what other pages show is the article and the
    # digests of its facts, and the whole sheet adds the offsets.
    shown = digest(article, each)
    return digest(shown, offsets), shown, structure_digest(sheet), tuple(each)


def structure_digest(sheet: FactSheet) -> str:
    """What the cross-article index and the layout of the site are made from: the article's
    title and date, and each fact's id, date and the entities it names (speakers, places,
    attackers, donors, recipients, with every field of theirs). Not what the facts say (text,
    casualties, weapons, items, statuses). When no article's structure changed, the entities,
    their ids, the events, the months and so the pages are those of the last build, and only
    the pages showing a changed article need their digests again (render.Renderer)."""
    a = sheet.article
    return digest(a.id, a.title, a.date,
                  [(st.id, st.date, vars(st.speaker)) for st in sheet.statements],
                  [(s.id, s.date, s.date_precision, s.attacker, s.reported_by, vars(s.place)) for s in sheet.strikes],
                  [(p.id, p.date, vars(p.donor), vars(p.recipient) if p.recipient else None) for p in sheet.pledges])


def _progress(items, enabled: bool, total: int | None = None):
    """A progress bar on a terminal; nothing in CI logs or pipes."""
    if not enabled:
        return items
    from tqdm import tqdm
    return tqdm(items, desc="extract", unit="article", leave=False, total=total)
