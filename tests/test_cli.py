import json
import subprocess
import sys
import threading
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

from generator.build import build
from generator.cli import main


def test_extract_prints_one_fact_sheet_per_file_in_order(seeds, capsys):
    files = sorted(seeds.iterdir(), reverse=True)
    assert main(["extract", *map(str, files)]) == 0
    sheets = json.loads(capsys.readouterr().out)
    assert [s["article"]["source"] for s in sheets] == [str(f) for f in files]
    for s in sheets:
        assert set(s) == {"article", "statements", "strikes", "pledges"}


def test_extract_reports_a_bad_file_and_still_prints_the_others(seeds, capsys):
    bad = seeds / "empty.txt"
    bad.write_text("")
    status = main(["extract", str(bad), str(seeds / "harbour.txt")])
    out = capsys.readouterr()
    assert status == 1
    assert "empty.txt" in out.err and "empty" in out.err
    assert len(json.loads(out.out)) == 1


def test_build_command_and_check_command(config, capsys):
    assert main(["build", "--seeds", str(config.seeds), "--out", str(config.out), "--quiet"]) == 0
    assert main(["check", str(config.out)]) == 0


def test_build_timings_name_every_stage_and_add_up(config, capsys):
    assert main(["build", "--seeds", str(config.seeds), "--out", str(config.out), "--quiet", "--timings"]) == 0
    line = [x for x in capsys.readouterr().err.splitlines() if x.startswith("stages: ")][-1]
    parts = dict(part.rsplit(" ", 2)[:2] for part in line.removeprefix("stages: ").split(" · "))
    assert list(parts) == ["seeds", "extract", "index", "pages", "links and commit", "manifest", "total"]
    seconds = {name: float(value) for name, value in parts.items()}
    assert abs(sum(v for k, v in seconds.items() if k != "total") - seconds["total"]) < 0.05
    # Nothing changed: the build stops after reading the seeds, and says so.
    assert main(["build", "--seeds", str(config.seeds), "--out", str(config.out), "--quiet", "--timings"]) == 0
    assert capsys.readouterr().err.strip().startswith("stages: seeds ")


def test_module_entry_point_runs():
    run = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "extract" in run.stdout


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.links += [v for k, v in attrs if k in ("href", "src") and v]


def test_site_works_under_a_github_pages_project_path(config, tmp_path):
    """Serve the site at /repo/ as GitHub Pages does and follow every internal link."""
    config.out = tmp_path / "root" / "repo"
    build(config)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path / "root")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/repo/"
    try:
        seen, todo = set(), [base + "index.html"]
        while todo:
            page = todo.pop()
            if page in seen:
                continue
            seen.add(page)
            with urlopen(page) as resp:   # raises on 404
                body = resp.read()
            if page.endswith(".html"):
                parser = _Links()
                parser.feed(body.decode("utf-8"))
                for link in parser.links:
                    target = urljoin(page, link).split("#")[0]
                    if urlsplit(target).netloc == urlsplit(base).netloc:
                        assert target.startswith(base), f"{page} links outside /repo/: {link}"
                        todo.append(target)
        assert len(seen) > 10
    finally:
        server.shutdown()
