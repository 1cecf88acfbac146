"""`make bench`: time builds of a synthetic corpus, and Pelican on the same articles, in one run.

For each N (default 1,000 and 10,000):
  1. cold build (empty cache, no previous site), twice, taking turns with Pelican (5.);
  2. rebuild with nothing changed;
  3. rebuild after editing one article's text (its facts unchanged), after changing one of its
     facts, and after adding an article; then check that the site with both changes is
     byte-identical to a cold build of the same inputs (steps 2 and 3 are timed three times, and
     the fastest run kept);
  4. `extract` alone, in articles per second;
  5. Pelican rendering the same articles (installed in bench/.venv-pelican, never in the project).
Prints a table and writes it to bench/results.md.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from corpus import article as corpus_article
from corpus import write_corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
PELICAN_VENV = HERE / ".venv-pelican"


def measure(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    out = subprocess.run([PY, str(HERE / "measure.py"), *cmd], capture_output=True, text=True,
                         env={**os.environ, **(env or {})}, cwd=cwd, check=True)
    result = json.loads(out.stdout)
    if result["status"] != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{result['stderr']}")
    return result


def count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def differences(a: Path, b: Path) -> list[str]:
    """The files two folders do not share, or hold with different bytes."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    _, mismatch, errors = filecmp.cmpfiles(a, b, sorted(files_a & files_b), shallow=False)
    return sorted(files_a ^ files_b) + mismatch + errors


# The quick steps are timed this many times and the fastest run kept: the machine is shared,
# and a slow run measures the neighbours, not the build.
REPEATS = 3
COLD_REPEATS = 2        # cold builds (ours and Pelican's, taking turns) are longer: twice each


def fastest(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["wall"])


def snapshot_written(cache: Path, timeout: float = 60) -> None:
    """Wait for the process a full build leaves behind to write its index snapshot
    (generator/snapshot.py), so that it does not run beside the next step timed."""
    deadline = time.time() + timeout
    while time.time() < deadline and not any((cache / "builds").glob("*.inputs.marshal")):
        time.sleep(0.1)


def pelican_env() -> Path | None:
    python = PELICAN_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([PY, "-m", "venv", str(PELICAN_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "pelican", "markdown"], check=True)
    return python


def pelican_content(seeds: Path, content: Path) -> None:
    """The same articles in Pelican's Markdown format (metadata lines, then the text)."""
    content.mkdir(parents=True, exist_ok=True)
    for p in sorted(seeds.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
        (content / p.name).write_text(f"Title: {meta['title'].strip(chr(34))}\nDate: {meta['date']}\n"
                                      f"Slug: {p.stem}\nCategory: news\n\n{body}", encoding="utf-8")


def bench(n: int, work: Path, with_pelican: bool) -> dict:
    seeds, cache, site = work / f"seeds-{n}", work / f"cache-{n}", work / f"site-{n}"
    write_corpus(seeds, n)
    (seeds / f"article-{n:05d}.md").unlink(missing_ok=True)     # the added article of an interrupted run
    # A cold build starts with no extraction cache and no site; the gazetteer index is prepared
    # once per machine, as `make` does when it installs the project.
    env = {"FACTSHEET_CACHE": str(cache), "FACTSHEET_GAZETTEER_CACHE": str(work / "gazetteer")}
    measure([PY, "-m", "generator", "prepare"], env, ROOT)
    build = [PY, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(site), "--quiet", "--timings"]
    row = {"n": n}
    pelican = pelican_run(seeds, work / f"pelican-{n}") if with_pelican else None
    # Cold builds and Pelican take turns, and each keeps its fastest run: on a shared machine a
    # single pair of runs measured the neighbours as much as the builds (ratios 1.7x-2.7x).
    colds, pelicans = [], []
    for _ in range(COLD_REPEATS):
        for p in (cache, site):
            shutil.rmtree(p, ignore_errors=True)
        colds.append(measure(build, env, ROOT))
        snapshot_written(cache)
        if pelican:
            pelicans.append(pelican())
    row["cold"] = fastest(colds)
    if pelicans:
        row["pelican"] = fastest(pelicans)
        row["pelican_pages"] = count_files(work / f"pelican-{n}" / "output")
    row["pages"] = count_files(site)
    row["nochange"] = fastest([measure(build, env, ROOT) for _ in range(REPEATS)])
    edited, added = seeds / "article-00000.md", seeds / f"article-{n:05d}.md"
    original = edited.read_text(encoding="utf-8")
    try:
        # Two kinds of edit: one that leaves every fact as it was (a reworded sentence) and one
        # that changes a fact (a casualty figure), which changes the pages of its entities.
        text_edit = original.replace("Moscow did not comment", "Moscow again did not comment")
        fact_edit = re.sub(r"killed at least (\d+)", lambda m: f"killed at least {int(m.group(1)) + 1}", text_edit,
                           count=1)
        assert original != text_edit != fact_edit
        # A new article changes the structure of the site (the archive, the timeline, the pages
        # of what it names): a different path from an edit that keeps every article's structure.
        new_article = corpus_article(n, random.Random(n), max(20, n // 10))
        runs: dict[str, list] = {"edit": [], "fact_edit": [], "added": []}
        for _ in range(REPEATS):
            edited.write_text(text_edit, encoding="utf-8")
            runs["edit"].append(measure(build, env, ROOT))
            edited.write_text(fact_edit, encoding="utf-8")
            runs["fact_edit"].append(measure(build, env, ROOT))
            edited.write_text(original, encoding="utf-8")
            measure(build, env, ROOT)       # back where the next round starts
            added.write_text(new_article, encoding="utf-8")
            runs["added"].append(measure(build, env, ROOT))
            added.unlink()
            measure(build, env, ROOT)
        row.update({step: fastest(times) for step, times in runs.items()})
        edited.write_text(fact_edit, encoding="utf-8")
        added.write_text(new_article, encoding="utf-8")
        measure(build, env, ROOT)           # the edited site, for the comparison with a cold build
        fresh_cache, fresh_site = work / f"cache-{n}-check", work / f"site-{n}-check"
        shutil.rmtree(fresh_cache, ignore_errors=True)
        shutil.rmtree(fresh_site, ignore_errors=True)
        measure([PY, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(fresh_site), "--quiet"],
                {**env, "FACTSHEET_CACHE": str(fresh_cache)}, ROOT)
        snapshot_written(fresh_cache)
        row["identical"] = not differences(site, fresh_site)
    finally:
        edited.write_text(original, encoding="utf-8")
        added.unlink(missing_ok=True)
    files = sorted(str(p) for p in seeds.glob("*.md"))
    extract = measure([PY, "-m", "generator", "extract", *files], env, ROOT)
    row["extract"] = extract
    row["extract_rate"] = n / extract["wall"]
    return row


def pelican_run(seeds: Path, folder: Path):
    """Pelican set up on the same articles; returns a function that times one build of them
    into an empty output folder."""
    python = pelican_env()
    content, output = folder / "content", folder / "output"
    shutil.rmtree(folder, ignore_errors=True)
    pelican_content(seeds, content)
    conf = folder / "pelicanconf.py"
    conf.write_text("SITENAME = 'bench'\nSITEURL = ''\nTIMEZONE = 'UTC'\nDEFAULT_LANG = 'en'\n"
                    "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nRELATIVE_URLS = True\n"
                    "DEFAULT_PAGINATION = 20\n")

    def run() -> dict:
        shutil.rmtree(output, ignore_errors=True)
        return measure([str(python), "-m", "pelican", str(content), "-o", str(output), "-s", str(conf), "-q"],
                       None, folder)
    return run


def stages(result: dict) -> str:
    """The build's own account of its stages (--timings), from the end of its stderr."""
    lines = [line for line in result["stderr"].splitlines() if line.startswith("stages: ")]
    return lines[-1].removeprefix("stages: ") if lines else "(not reported)"


def stage_table(rows: list[dict]) -> str:
    lines = ["| N | build | stages (wall time inside the build; start-up not included) |", "|---:|---|---|"]
    for r in rows:
        for key, label in (("cold", "cold"), ("edit", "text edit"), ("fact_edit", "fact edit"),
                           ("added", "added article")):
            lines.append(f"| {r['n']:,} | {label} | {stages(r[key])} |")
    return "\n".join(lines)


def table(rows: list[dict]) -> str:
    lines = ["| N | step | wall (s) | CPU, user + system (s) | peak memory (MB) | files |",
             "|---:|---|---:|---:|---:|---:|"]

    def line(n: str, step: str, result: dict, files: str = "") -> str:
        # CPU: the process and the workers it waited for; system time is mostly creating files
        cpu = f"{result['user']:.1f} + {result['system']:.1f}" if "user" in result else ""
        return f"| {n} | {step} | {result['wall']:.2f} | {cpu} | {result['peak_mb']:.0f} | {files} |"
    for r in rows:
        n = f"{r['n']:,}"
        same = "byte-identical to a cold build" if r["identical"] else "DIFFERS from a cold build"
        lines += [line(n, f"cold build (extraction included; fastest of {COLD_REPEATS})", r["cold"], f"{r['pages']:,}"),
                  line(n, "rebuild, nothing changed", r["nochange"]),
                  line(n, "rebuild after editing one article's text, facts unchanged", r["edit"]),
                  line(n, f"rebuild after editing one fact of it ({same})", r["fact_edit"]),
                  line(n, f"rebuild after adding one article (the site with both changes: {same})", r["added"]),
                  line(n, f"`extract` alone: {r['extract_rate']:.0f} articles/s", r["extract"])]
        if "pelican" in r:
            ratio = r["cold"]["wall"] / r["pelican"]["wall"]
            lines.append(line(n, f"Pelican, same articles (fastest of {COLD_REPEATS}; our cold build takes "
                                 f"{ratio:.2f}x Pelican's time)", r["pelican"], f"{r['pelican_pages']:,}"))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--work", type=Path, default=HERE / "out")
    ap.add_argument("--no-pelican", action="store_true")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        print(f"benchmark: N = {n:,} ...", file=sys.stderr, flush=True)
        rows.append(bench(n, args.work, not args.no_pelican))
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
               f"{platform.system()} {platform.release()}")
    text = f"Machine: {machine}\n\n{table(rows)}\n\nWhere the time goes:\n\n{stage_table(rows)}\n"
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
