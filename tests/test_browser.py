"""The built site in a real browser: Debian's headless Chromium driven by Playwright, from
file:// and from a server under a GitHub Pages project path (/repo/)."""
import os
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.build import build
from generator.extract.factsheet import extract
from generator.index import build_index
from generator.sources import read_article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if os.environ.get("SKIP_BROWSER_TESTS"):
    pytest.skip("SKIP_BROWSER_TESTS is set", allow_module_level=True)
if not CHROMIUM:
    pytest.fail("Chromium is not installed: `make test` installs Debian's chromium "
                "(or set SKIP_BROWSER_TESTS=1)", pytrace=False)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == [], errors


def walk(page, home_url: str):
    """Home -> article -> speaker -> back -> place -> home; then search and follow a result."""
    page.goto(home_url)
    assert page.title().startswith("Test fact sheets")
    page.click("table.articles a >> text=Berlin promises more air defence")
    assert page.locator("h1").inner_text() == "Berlin promises more air defence"
    page.click("table.statements tbody tr >> nth=0 >> td >> nth=0 >> a")
    assert "people/" in page.url and page.locator("table.statements").count() >= 1
    page.go_back()
    page.click("table.strikes a[href*='places/']")
    assert page.locator("h1").inner_text() == "Odesa"
    page.click("header.site a.brand")
    assert page.url.endswith("index.html")

    page.fill("#q-top", "kiper")
    page.press("#q-top", "Enter")
    page.wait_for_selector("#search-results li a")
    assert "Oleh Kiper" in page.locator("#search-results").inner_text()
    page.click("#search-results li a >> text=Oleh Kiper")
    assert page.locator("h1").inner_text() == "Oleh Kiper"


def test_walk_the_site_from_disk(config, page):
    build(config)
    walk(page, (config.out / "index.html").as_uri())


def test_map_has_one_dot_per_geocoded_place(config, page):
    report = build(config)
    assert report.exit_status(strict=False) == 0
    page.goto((config.out / "index.html").as_uri())
    dots = page.locator("figure.map a.dot circle")
    sheets = [extract(read_article(p)) for p in sorted(config.seeds.iterdir())]
    geocoded = [e for e in build_index(sheets, config).places.values() if e.lat is not None]
    assert geocoded and dots.count() == len(geocoded)
    dots.first.click()
    assert "places/" in page.url


def test_walk_the_site_under_a_project_path(config, tmp_path, page):
    config.out = tmp_path / "www" / "repo"
    build(config)
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 partial(SimpleHTTPRequestHandler, directory=str(tmp_path / "www")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        walk(page, f"http://127.0.0.1:{server.server_address[1]}/repo/index.html")
    finally:
        server.shutdown()
