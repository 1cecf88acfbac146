"""Incremental builds against cold builds, over random edits.

    .venv/bin/python bench/stress.py [--articles 300] [--steps 25] [--seed 1] [--work DIR]

Writes the synthetic corpus, builds it, then repeats: make one or two random edits (a typo, a
reworded sentence, a casualty figure, the same article's figure again, a title, a date, a new
lead sentence that moves every offset, an editor's corrections file, an added or a deleted
article), rebuild incrementally,
build the same inputs cold into another folder, and compare the two sites byte for byte.
Exits 1 at the end if any step differed. A few minutes at 300 articles; not part of `make
test`, run it after changing what a page's digest covers.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

from corpus import write_corpus
from run import differences

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["number", "typo", "reword", "delete", "add", "date", "fixes", "title", "lead", "again"]
FIXES = ("add:\n  - statement: {speaker: Olena Petrenko, text: \"We need more air defence\", mode: direct}\n"
         "    quote: \"We need more air defence\"\n")


def build(seeds: Path, out: Path, cache: Path, gazetteer: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(out),
                          "--quiet"], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "FACTSHEET_CACHE": str(cache), "FACTSHEET_GAZETTEER_CACHE": str(gazetteer)})
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr[-3000:])


def edit(seeds: Path, rng: random.Random, last: list[Path]) -> str:
    kind = rng.choice(KINDS)
    # "again": a casualty figure of the article edited last, changed once more (the same
    # entities changed by two incremental builds in a row)
    path = last[0] if kind == "again" and last and last[0].exists() else rng.choice(sorted(seeds.glob("*.md")))
    kind = "number" if kind == "again" else kind
    last[:] = [path]
    text = path.read_text(encoding="utf-8")
    if kind == "delete":
        path.unlink()
        return f"delete {path.name}"
    if kind == "add":
        new = seeds / f"extra-{rng.randrange(10**6)}.md"
        new.write_text(text.replace('title: "', 'title: "Update: ', 1), encoding="utf-8")
        return f"add {new.name}"
    if kind == "fixes":
        (seeds / f"{path.stem}.facts.yaml").write_text(FIXES, encoding="utf-8")
        return f"fixes {path.name}"
    if kind == "number":
        text = re.sub(r"killed at least (\d+)", lambda m: f"killed at least {int(m.group(1)) + rng.randint(1, 20)}",
                      text, count=1)
    elif kind == "typo":
        text = text.replace(" the ", " teh ", 1)
    elif kind == "reword":
        text = text.replace("said.", "told reporters.", 1)
    elif kind == "date":
        text = re.sub(r"date: (\d{4})-", lambda m: f"date: {int(m.group(1)) + rng.choice([-1, 1])}-", text, count=1)
    elif kind == "title":
        text = text.replace('title: "', 'title: "Again: ', 1)
    else:   # a lead sentence without facts: every later offset and sentence number moves
        _, front, body = text.split("---\n", 2)
        text = f"---\n{front}---\nResidents swept glass from the streets.\n\n{body}"
    path.write_text(text, encoding="utf-8")
    return f"{kind} {path.name}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--steps", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "stress-out")
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    seeds, gazetteer = args.work / "seeds", args.work / "gazetteer"
    write_corpus(seeds, args.articles)
    rng = random.Random(args.seed)
    build(seeds, args.work / "site", args.work / "cache", gazetteer)
    failed, last = 0, []
    for step in range(args.steps):
        done = [edit(seeds, rng, last) for _ in range(rng.randint(1, 2))]
        build(seeds, args.work / "site", args.work / "cache", gazetteer)
        for folder in ("cold", "cold-cache"):
            shutil.rmtree(args.work / folder, ignore_errors=True)
        build(seeds, args.work / "cold", args.work / "cold-cache", gazetteer)
        wrong = differences(args.work / "site", args.work / "cold")
        failed += bool(wrong)
        print(f"{step:3d} {', '.join(done)}: " + ("identical" if not wrong else f"DIFFERS in {wrong[:8]}"),
              flush=True)
    print(f"{args.steps - failed} of {args.steps} steps identical to a cold build")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
