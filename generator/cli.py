"""Command line: build / extract / check / serve."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .config import ConfigError, load_config, normalise_base_url


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator",
                                 description="Turn news articles into cross-linked fact sheets.")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the site from the seeds")
    b.add_argument("--config", type=Path, help="config file (default: config.yaml)")
    b.add_argument("--seeds", type=Path, help="folder of articles (default: from config)")
    b.add_argument("--out", type=Path, help="output folder (default: from config)")
    b.add_argument("--base-url", help="published address, e.g. https://USER.github.io/REPO/ (default: from config)")
    b.add_argument("--strict", action="store_true", help="fail when any input was skipped or warned")
    b.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    b.add_argument("--timings", action="store_true", help="print how long each stage took (to stderr)")

    e = sub.add_parser("extract", help="print the fact sheets of articles as JSON")
    e.add_argument("files", nargs="+", type=Path)
    e.add_argument("--config", type=Path, help="config file, for its vocabulary additions (default: config.yaml)")

    x = sub.add_parser("explain", help="print each fact with its evidence, rule and gazetteer candidates")
    x.add_argument("files", nargs="+", type=Path)
    x.add_argument("--config", type=Path, help="config file, for its editorial settings (default: config.yaml)")

    c = sub.add_parser("check", help="check a built site for broken links and external assets")
    c.add_argument("dir", nargs="?", type=Path, help="site folder (default: from config)")
    c.add_argument("--config", type=Path)

    sub.add_parser("prepare", help="prepare the gazetteer index once (make does this when installing)")

    s = sub.add_parser("serve", help="serve the site locally, rebuilding when inputs change")
    s.add_argument("--config", type=Path)
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--bind", default="127.0.0.1")

    args = ap.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def cmd_build(args) -> int:
    from .build import build
    config = load_config(args.config)
    if args.seeds:
        config.seeds = args.seeds
    if args.out:
        config.out = args.out
    if args.base_url:
        config.base_url = normalise_base_url(args.base_url, "--base-url")
    config.strict = config.strict or args.strict
    interactive = sys.stderr.isatty() and not os.environ.get("CI") and not args.quiet
    report = build(config, log=None if args.quiet else _log, progress=interactive)
    for line in report.problem_lines():
        print(line, file=sys.stderr)
    if not args.quiet:
        print(report.summary())
    if args.timings:
        print(f"stages: {report.stage_line()}", file=sys.stderr)
    return report.exit_status(config.strict)


def cmd_extract(args) -> int:
    from .sheets import extract_files
    from .extract.vocabulary import configure
    from .sources import SourceError
    config = load_config(args.config)
    configure(config.reporting_verbs, config.weapons)
    sheets, failed = [], 0
    # On all cores when there are many files, as in a build; printed in the order given.
    for path, outcome in extract_files(args.files, config):
        if isinstance(outcome, SourceError):
            print(f"error: {outcome}", file=sys.stderr)
            failed += 1
            continue
        article, sheet, error, *_ = outcome
        for w in article.warnings + ([error] if error else []):
            print(f"warning: {path}: {w}", file=sys.stderr)
        sheets.append(sheet.to_json())
    json.dump(sheets, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if failed else 0


def cmd_explain(args) -> int:
    from .sheets import apply_edits
    from .explain import explain
    from .extract.factsheet import extract
    from .sources import SourceError, read_article
    from .editing import SUFFIX
    config = load_config(args.config)
    from .extract.vocabulary import configure
    configure(config.reporting_verbs, config.weapons)
    status = 0
    for path in args.files:
        try:
            article = read_article(path, str(path))
        except SourceError as err:
            print(f"error: {err}", file=sys.stderr)
            status = 1
            continue
        sheet = extract(article)
        fixes = path.parent / (path.stem + SUFFIX)
        edits = apply_edits(article, sheet, fixes.read_bytes() if fixes.is_file() else None, fixes, config)
        for message in article.warnings + edits:
            print(f"warning: {path}: {message}", file=sys.stderr)
        print(explain(article, sheet))
    return status


def cmd_check(args) -> int:
    from .checks import check_site
    folder = args.dir or load_config(args.config).out
    problems = check_site(folder)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(f"{folder}: every link and asset resolves to a file in the site")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve
    return serve(load_config(args.config), args.bind, args.port, args.config)


def cmd_prepare(args) -> int:
    from .extract.places import index
    index()
    print("gazetteer index ready", file=sys.stderr)
    return 0


def _log(message: str) -> None:
    print(message, file=sys.stderr)


COMMANDS = {"build": cmd_build, "extract": cmd_extract, "explain": cmd_explain, "check": cmd_check,
            "serve": cmd_serve, "prepare": cmd_prepare}
