"""Build a small fixture site and check its links, its pages and the facts they show."""
import hashlib
import json
from pathlib import Path

import pytest

from generator.build import build
from generator.checks import check_site
from generator.site import SiteError


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_every_page_and_every_link_resolves(config):
    report = build(config)
    assert report.exit_status(strict=False) == 0
    assert check_site(config.out) == []
    for page in ("index.html", "timeline.html", "report.html", "people/index.html",
                 "places/index.html", "actors/index.html", "data/factsheets.json",
                 "assets/style.css", ".nojekyll"):
        assert (config.out / page).is_file(), page


def test_home_lists_articles_newest_first_with_counts(config):
    build(config)
    home = (config.out / "index.html").read_text()
    assert home.index("Berlin promises more air defence") < home.index("A missile strike on an apartment block")


def test_article_page_shows_facts_linked_to_highlighted_evidence(config):
    build(config)
    sheet = json.loads((config.out / "data" / "berlin-promises-more-air-defence.json").read_text())
    page = (config.out / "articles" / "berlin-promises-more-air-defence.html").read_text()
    assert sheet["statements"], "the fixture article has attributed statements"
    for fact in sheet["statements"] + sheet["strikes"] + sheet["pledges"]:
        assert f'href="berlin-promises-more-air-defence.html#f-{fact["id"]}"' in page
        assert f'id="f-{fact["id"]}"' in page


def test_speaker_spelled_two_ways_gets_one_page_with_both_articles(config):
    build(config)
    people = sorted(p.name for p in (config.out / "people").glob("*.html"))
    zel = [p for p in people if p.startswith("volodymyr-zelensk")]
    assert len(zel) == 1, people
    page = (config.out / "people" / zel[0]).read_text()
    assert "Berlin promises more air defence" in page and "A missile strike" in page


def test_place_page_gathers_strikes_from_both_articles(config):
    build(config)
    page = (config.out / "places" / "odesa.html").read_text()
    assert page.count("<tr>") >= 2 + 1  # header row + one row per strike report


def test_json_source_is_the_input_path(config):
    build(config)
    sheets = json.loads((config.out / "data" / "factsheets.json").read_text())
    assert sorted(s["article"]["source"] for s in sheets) == sorted(str(p) for p in config.seeds.iterdir())


def test_builds_are_byte_identical(config, tmp_path):
    build(config)
    first = digest(config.out)
    config.out = tmp_path / "again"
    build(config)
    assert digest(config.out) == first


def test_article_text_is_escaped_in_every_page(config):
    (config.seeds / "evil.md").write_text(
        '---\ntitle: "<script>alert(1)</script> headline"\ndate: 2024-03-11\n---\n'
        '"<img src=x onerror=alert(1)> is coming," the <b>mayor</b> said.\n')
    build(config)
    for page in config.out.rglob("*.html"):
        text = page.read_text()
        assert "<script>alert" not in text and "<img src=x" not in text, page


def test_unreadable_article_is_reported_and_others_still_build(config):
    (config.seeds / "empty.txt").write_text("")
    (config.seeds / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    report = build(config)
    assert report.exit_status(strict=False) == 1
    assert [i.path for i in report.skipped] == [str(config.seeds / "empty.txt")]
    assert len(list((config.out / "articles").glob("*.html"))) == 2
    assert "empty.txt" in (config.out / "report.html").read_text()


def test_failed_build_leaves_the_previous_site(config, monkeypatch):
    build(config)
    before = digest(config.out)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr("generator.site.Staging.write", explode)
    (config.seeds / "new.txt").write_text("date 2024-03-12 A new article, the mayor said.")
    with pytest.raises(RuntimeError):
        build(config)
    assert digest(config.out) == before
    assert not [p for p in config.out.parent.iterdir() if p.name.startswith(".site-new-")]


def test_failed_first_build_leaves_no_half_written_site(config, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr("generator.site.shutil.copyfile", explode)     # copying the assets
    with pytest.raises(RuntimeError):
        build(config)
    assert not config.out.exists()
    assert not [p for p in config.out.parent.iterdir() if p.name.startswith(".site-")]


def test_an_update_that_fails_half_way_is_rolled_back(config, monkeypatch):
    """An incremental build moves its new files into the site one by one; when one move
    fails, every file already moved is put back, and the next build starts afresh."""
    import os

    import generator.site as site
    build(config)
    before = digest(config.out)
    (config.seeds / "new.txt").write_text("date 2024-03-12 A new article, the mayor said.")
    moves = []
    real_replace = os.replace

    def failing_replace(src, dst):
        moves.append(dst)
        if len(moves) == 6:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)
    monkeypatch.setattr(site.os, "replace", failing_replace)
    with pytest.raises(OSError):
        build(config)
    monkeypatch.setattr(site.os, "replace", real_replace)
    assert len(moves) > 6       # the failed move, then the files already moved put back
    assert digest(config.out) == before
    assert not [p for p in config.out.parent.iterdir() if p.name.startswith(".site-new-")]
    report = build(config)      # the manifest no longer describes the site: a whole new one
    assert not report.up_to_date and report.exit_status(strict=False) == 0
    assert "articles/a-new-article-the-mayor-said.html" in digest(config.out)


def test_refuses_to_replace_a_folder_it_did_not_write(config):
    config.out.mkdir()
    (config.out / "precious.txt").write_text("keep me")
    with pytest.raises(SiteError):
        build(config)
    assert (config.out / "precious.txt").read_text() == "keep me"


def test_large_archives_split_by_month_and_stay_linked(config, monkeypatch):
    """Past RECENT articles, the home page and entity pages keep the newest and link a page per month."""
    monkeypatch.setattr("generator.views.RECENT", 1)
    monkeypatch.setattr("generator.render.RECENT", 1)
    (config.seeds / "older.md").write_text(
        "---\ntitle: Odesa port hit again\ndate: 2024-02-20\n---\n"
        "A Russian missile struck Odesa on Tuesday, killing two people, regional governor Oleh Kiper said.")
    build(config)
    assert check_site(config.out) == []
    home = (config.out / "index.html").read_text()
    assert "archive/2024-02.html" in home and "archive/2024-03.html" in home
    assert "Odesa port hit again" in (config.out / "archive" / "2024-02.html").read_text()
    assert "2024-02-20" not in (config.out / "places" / "odesa.html").read_text()
    month = (config.out / "places" / "odesa" / "2024-02.html").read_text()
    assert "2024-02-20" in month and "events/" in month
    event = next((config.out / "events").glob("odesa*2024-02-20*.html"))
    assert "Odesa port hit again" in event.read_text()
    assert (config.out / "timeline" / "2024-02.html").is_file()


def test_config_alias_merges_two_spellings_into_one_speaker_page(config):
    config.speaker_aliases = {"Oleh Kiper": "Oleg Kiper"}
    (config.seeds / "third.md").write_text("---\ntitle: Governor speaks\ndate: 2024-03-11\n---\n"
                                           "\"We are ready,\" Oleg Kiper, the governor, said on Monday.")
    build(config)
    pages = sorted(p.name for p in (config.out / "people").glob("ole*.html"))
    assert len(pages) == 1, pages


def test_base_url_gives_feed_sitemap_and_a_404_that_works_at_any_depth(config):
    config.base_url = "https://example.github.io/facts/"
    build(config)
    page = (config.out / "404.html").read_text()
    assert '<base href="https://example.github.io/facts/">' in page and 'href="index.html"' in page
    feed = (config.out / "feed.xml").read_text()
    assert "<link href=\"https://example.github.io/facts/articles/berlin-promises-more-air-defence.html\"/>" in feed
    sitemap = (config.out / "sitemap.xml").read_text()
    assert "<loc>https://example.github.io/facts/index.html</loc>" in sitemap
    assert check_site(config.out) == []


def test_without_base_url_there_is_no_feed_with_relative_addresses(config):
    build(config)
    assert not (config.out / "feed.xml").exists() and not (config.out / "sitemap.xml").exists()


def test_the_build_reports_a_link_to_a_file_the_site_does_not_have(config, monkeypatch):
    """Each page's links are checked where it is rendered, against the files the site will
    hold; here the stylesheet is left out of that list, so every page's link to it is broken."""
    import generator.render as render
    real = render.fixed_files
    monkeypatch.setattr(render, "fixed_files", lambda: [f for f in real() if not f.endswith("style.css")])
    report = build(config)
    assert report.exit_status(strict=False) == 1
    assert any("index.html:" in p and "assets/style.css" in p and "no such file" in p for p in report.link_problems)


def test_a_termination_request_during_an_update_rolls_it_back(config, monkeypatch):
    """SIGTERM (a cancelled CI job) while new files are moved in: every file and folder the
    update touched is put back, as for any other failure."""
    import os
    import signal

    import generator.site as site
    monkeypatch.setattr("generator.views.RECENT", 1)
    monkeypatch.setattr("generator.render.RECENT", 1)
    build(config)
    before = digest(config.out)
    folders = {p for p in config.out.rglob("*") if p.is_dir()}
    (config.seeds / "sumy.txt").write_text(
        "date 2024-01-12 Artillery shelled Sumy, wounding three people, governor Olha Marchenko said.\n\n"
        "\"We are rebuilding,\" Marchenko said.\n")
    (config.seeds / "sumy2.txt").write_text(
        "date 2024-02-20 Russian drones hit Sumy, injuring two people, governor Olha Marchenko said.\n")
    moves = []
    real_replace = os.replace

    def replace_then_terminate(src, dst):
        moves.append(dst)
        real_replace(src, dst)
        if "/people/olha-marchenko/" in str(dst):      # in a folder this update created
            os.kill(os.getpid(), signal.SIGTERM)
    monkeypatch.setattr(site.os, "replace", replace_then_terminate)
    with pytest.raises(SystemExit):
        build(config)
    monkeypatch.setattr(site.os, "replace", real_replace)
    assert any("/people/olha-marchenko/" in str(d) for d in moves)
    assert digest(config.out) == before
    assert {p for p in config.out.rglob("*") if p.is_dir()} == folders
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_pages_rendered_in_the_build_process_are_collected_while_the_build_pauses_the_collector():
    """The build pauses the garbage collector while it loads and plans; pages rendered in its
    own process (a small edit, a one-core machine) still have their garbage collected, and the
    pause is back when they are done."""
    import gc

    from generator.render import render_all
    seen = []
    gc.disable()
    try:
        render_all([("a.html", lambda: seen.append(gc.isenabled()) or b"a")])
        assert seen == [True] and not gc.isenabled()
    finally:
        gc.enable()


def test_serve_collects_the_last_build_before_the_next(config, monkeypatch):
    """build() freezes what it holds; `serve` unfreezes it between builds and must collect it
    there, or every rebuild would freeze the last one's garbage again."""
    import gc

    from generator import serve
    calls = []
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(serve, "build", lambda fresh: calls.append("build") or build(fresh))
    serve._rebuild(None, config)
    assert calls[:3] == ["unfreeze", "collect", "build"]
