"""build(): seeds -> site, top to bottom.

read seeds -> split text -> extract facts per article -> index entities across articles
-> render pages -> write site/ atomically -> check links
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_site
from .config import Config
from .extract.factsheet import extract
from .index import build_index
from .model import Article, FactSheet
from .render import Renderer
from .site import write_site
from .sources import SUFFIXES, SourceError, discover, read_article


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
    report = BuildReport(out=config.out)

    articles = read_seeds(config.seeds, report)
    log(f"read {len(articles)} article(s) from {config.seeds}")
    results = {i.article_id: i for i in report.inputs if i.article_id}
    sheets = [extract_one(a, results[a.meta.id]) for a in _progress(articles, progress, "extract")]
    index = build_index(sheets, config)

    files = Renderer(config, index, {a.meta.id: a for a in articles}, report).pages()
    write_site(config.out, files)
    report.pages = len(files)

    report.link_problems = check_site(config.out)
    return report


def _progress(items: list, enabled: bool, label: str):
    """A progress bar on a terminal; nothing in CI logs or pipes."""
    if not enabled or len(items) < 2:
        return items
    from tqdm import tqdm
    return tqdm(items, desc=label, unit="article", leave=False)


def read_seeds(seeds: Path, report: BuildReport) -> list[Article]:
    """Every readable article; each unreadable one is reported with its reason and skipped."""
    if not seeds.is_dir():
        raise SourceError(str(seeds), "the seeds folder does not exist",
                          "create it or pass --seeds DIR")
    articles: list[Article] = []
    used_ids: set[str] = set()
    root = seeds.resolve()
    for path in discover(seeds):
        shown = str(path)
        if path.suffix.lower() not in SUFFIXES:
            report.inputs.append(InputResult(shown, "ignored", messages=[
                f"not an article ({path.suffix} file); articles are .txt or .md"]))
            continue
        if not path.resolve().is_relative_to(root):
            report.inputs.append(InputResult(shown, "skipped", messages=[
                "a link to a file outside the seeds folder; copy the article in instead"]))
            continue
        try:
            article = read_article(path, shown)
        except SourceError as err:
            report.inputs.append(InputResult(shown, "skipped", messages=[
                err.reason + (f"; {err.hint}" if err.hint else "")]))
            continue
        base, n = article.meta.id, 2
        while article.meta.id in used_ids:   # two titles, one slug: keep both, numbered
            article.meta.id, n = f"{base}-{n}", n + 1
        if article.meta.id != base:
            article.warnings.append(f"another article has the address {base}; this one is {article.meta.id}")
        used_ids.add(article.meta.id)
        articles.append(article)
        report.inputs.append(InputResult(shown, "built", article.meta.id, article.warnings))
    return articles


def extract_one(article: Article, result: InputResult) -> FactSheet:
    """Extraction never loses an article: a rule that crashes leaves an empty fact sheet and a
    message in the report, and the article's text is still published."""
    try:
        sheet = extract(article)
    except Exception as err:  # noqa: BLE001 - any bug in a rule must not lose the article
        result.messages.append(f"extraction failed ({type(err).__name__}: {err}); "
                               "published without facts - please report this article")
        sheet = FactSheet(article=article.meta)
    result.counts = (len(sheet.statements), len(sheet.strikes), len(sheet.pledges))
    return sheet
