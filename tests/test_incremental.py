"""Rebuilds reuse what did not change, and always produce what a cold build would."""
import hashlib
from pathlib import Path

from generator.build import build


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def cold_build(config, tmp_path, monkeypatch, name="cold"):
    """A build with an empty cache into a new folder: the reference an incremental build must equal."""
    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path / f"cache-{name}"))
    saved, config.out = config.out, tmp_path / name
    try:
        build(config)
        return digest(config.out)
    finally:
        config.out = saved
        monkeypatch.delenv("FACTSHEET_CACHE")


def indexing(monkeypatch) -> list[int]:
    """The number of articles of each full indexing (a build that starts from the snapshot has none)."""
    import generator.build as building
    indexed: list[int] = []
    real = building.build_index
    monkeypatch.setattr(building, "build_index", lambda sheets, config: indexed.append(len(sheets)) or real(sheets, config))
    return indexed


def test_rebuild_with_nothing_changed_does_nothing(config):
    build(config)
    before = digest(config.out)
    report = build(config)
    assert report.up_to_date and "up to date" in report.summary()
    assert report.exit_status(strict=False) == 0 and len(report.inputs) == 2
    assert digest(config.out) == before


def test_unchanged_articles_are_not_extracted_again(config, monkeypatch):
    build(config)
    (config.seeds / "extra.txt").write_text("date 2024-03-09 The mayor said the water supply was restored.")

    import generator.extract.factsheet as factsheet
    calls = []
    real = factsheet.extract
    monkeypatch.setattr(factsheet, "extract", lambda article: calls.append(article.meta.source) or real(article))
    build(config)
    assert calls == [str(config.seeds / "extra.txt")]


def test_editing_one_article_rerenders_only_what_shows_it(config, tmp_path, monkeypatch):
    build(config)
    first = digest(config.out)
    harbour = config.seeds / "harbour.txt"
    harbour.write_text(harbour.read_text().replace("a residential area again", "a residential area once more"))
    report = build(config)
    assert report.exit_status(strict=False) == 0
    after = digest(config.out)
    changed = {p for p in after if after[p] != first.get(p)}
    assert any(p.startswith("articles/a-missile-strike") for p in changed)
    assert "articles/berlin-promises-more-air-defence.html" not in changed
    assert "data/berlin-promises-more-air-defence.json" not in changed
    assert after == cold_build(config, tmp_path, monkeypatch)


def test_added_and_removed_articles_match_a_cold_build(config, tmp_path, monkeypatch):
    build(config)
    (config.seeds / "capital.md").unlink()
    (config.seeds / "new.md").write_text("---\ntitle: Sumy shelled\ndate: 2024-03-12\n---\n"
                                         "Artillery shelled Sumy on Tuesday, wounding three people, "
                                         "regional governor Olha Marchenko said.")
    build(config)
    after = digest(config.out)
    assert not any("berlin" in p for p in after)
    assert after == cold_build(config, tmp_path, monkeypatch)


def folders(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}


def test_rewording_text_that_holds_no_fact_renders_only_the_article_page(config, tmp_path, monkeypatch):
    """Every page but an article's own shows its facts, not its text."""
    build(config)
    first = digest(config.out)
    harbour = config.seeds / "harbour.txt"
    harbour.write_text(harbour.read_text().rstrip("\n") + "\n\nThe weather was mild that week.\n")
    build(config)
    after = digest(config.out)
    changed = [p for p in after if after[p] != first.get(p)]
    assert len(changed) == 1 and changed[0].startswith("articles/a-missile-strike") and changed[0].endswith(".html")
    assert after == cold_build(config, tmp_path, monkeypatch)


def test_a_typo_fixed_before_a_fact_changes_its_data_not_other_pages(config, tmp_path, monkeypatch):
    """Fixing a typo moves the character offsets of every later fact: the article's page, its
    JSON and its CSV rows change; the pages of its speaker and place, which name the sentence
    and not the offsets, do not."""
    memo = config.seeds / "memo.md"
    memo.write_text("---\ntitle: Council meets\ndate: 2024-03-12\n---\n"
                    "The city council met in the town hal on Monday to discuss the budget.\n\n"
                    "A drone strike on Kherson killed two people on Tuesday, governor Oleksandr Prokudin said.\n")
    build(config)
    first = digest(config.out)
    memo.write_text(memo.read_text().replace("town hal ", "town hall "))
    rendered = build(config).rendered
    after = digest(config.out)
    changed = sorted(p for p in after if after[p] != first.get(p))
    assert "data/strikes.csv" in changed and "data/factsheets.json" in changed
    # Rendered again: the article's page and JSON, and the pages rendered by every build.
    assert "articles/council-meets.html" in rendered
    assert [p for p in rendered if p.startswith(("people/", "places/", "events/", "timeline/", "archive/"))
            and not p.endswith("/index.html")] == []
    assert any(p.startswith("places/kherson") for p in after) and any(p.startswith("people/") for p in after)
    assert after == cold_build(config, tmp_path, monkeypatch)


def test_a_fact_added_by_an_editor_follows_the_text_it_quotes(config, tmp_path, monkeypatch):
    """A statement added in a corrections file is placed in the text by its quote: when a
    sentence is put in front of it, its sentence number and offsets move, on the speaker's page
    and in the data files, as in a cold build."""
    note = config.seeds / "note.md"
    note.write_text("---\ntitle: A quiet day\ndate: 2024-02-01\n---\n"
                    "The weather was mild across the country.\n\n"
                    "Markets opened as usual and traffic was light.\n\n"
                    "We will rebuild every school. The newsletter arrived on Monday.\n")
    (config.seeds / "note.facts.yaml").write_text(
        "add:\n  - statement: {speaker: Olena Petrenko, text: \"We will rebuild every school\", mode: direct}\n"
        "    quote: \"We will rebuild every school\"\n")
    build(config)
    note.write_text(note.read_text().replace("The weather", "It was a Tuesday. The weather"))
    build(config)
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_a_removed_entity_leaves_no_empty_folders(config, tmp_path, monkeypatch):
    """An incremental build updates the site in place: the month folders of an entity that
    is gone must go too, as a cold build would never have made them."""
    monkeypatch.setattr("generator.views.RECENT", 1)
    monkeypatch.setattr("generator.render.RECENT", 1)
    (config.seeds / "sumy.txt").write_text(
        "date 2024-01-12 Artillery shelled Sumy, wounding three people, governor Olha Marchenko said.\n\n"
        "date 2024-02-12 Marchenko said on Friday that Russian drones hit Sumy again, injuring two people.\n")
    (config.seeds / "sumy2.txt").write_text(
        "date 2024-02-20 Russian drones hit Sumy, injuring two people, governor Olha Marchenko said.\n")
    build(config)
    assert any(f.startswith("people/olha-marchenko") for f in folders(config.out))
    (config.seeds / "sumy.txt").unlink()
    (config.seeds / "sumy2.txt").unlink()
    build(config)
    assert after_equals_cold(config, tmp_path, monkeypatch)
    assert not any("marchenko" in f for f in folders(config.out))


def after_equals_cold(config, tmp_path, monkeypatch) -> bool:
    after, after_folders = digest(config.out), folders(config.out)
    cold = cold_build(config, tmp_path, monkeypatch)
    return after == cold and after_folders == folders(tmp_path / "cold")


def test_config_change_rerenders_every_page(config):
    build(config)
    config.title = "Another title"
    build(config)
    for page in config.out.rglob("*.html"):
        if page.name != "404.html":
            assert "Another title" in page.read_text(), page


def test_a_full_rebuild_deletes_the_previous_site_without_waiting_for_it(config):
    """The previous site is swapped out whole and deleted by a process of its own."""
    import time
    build(config)
    config.title = "Another title"
    build(config)
    assert "Another title" in (config.out / "index.html").read_text()
    deadline = time.monotonic() + 30
    while list(config.out.parent.glob(f".{config.out.name}-old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(config.out.parent.glob(f".{config.out.name}-*"))


def test_entity_wide_counts_update_on_pages_that_list_other_articles(config, tmp_path, monkeypatch):
    """A page showing only some of an entity's articles still shows its totals: an edit to an
    article it does not list must reach it (review finding, issue 8)."""
    monkeypatch.setattr("generator.views.RECENT", 1)
    monkeypatch.setattr("generator.render.RECENT", 1)
    build(config)
    harbour = config.seeds / "harbour.txt"
    harbour.write_text(harbour.read_text() + "\n\n\"We will not leave,\" Zelenskiy said.\n")
    build(config)
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_a_site_with_broken_links_is_checked_again_by_the_next_build(config, monkeypatch):
    from generator.render import Renderer
    real = Renderer.link_problems
    monkeypatch.setattr(Renderer, "link_problems", lambda renderer, files: ["index.html:1: broken on purpose"])
    assert build(config).exit_status(strict=False) == 1
    monkeypatch.setattr(Renderer, "link_problems", real)
    report = build(config)
    assert not report.up_to_date and report.exit_status(strict=False) == 0


def test_the_cache_keeps_only_what_the_current_extractor_made(config, tmp_path, monkeypatch):
    """A change of vocabulary (or of a rule) re-extracts every article; the entries the old
    extractor made can never be asked for again, and are dropped."""
    import sqlite3
    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path / "cache"))
    build(config)
    config.reporting_verbs = ["opined"]
    try:
        build(config)
    finally:
        from generator.extract.vocabulary import configure
        configure()
    with sqlite3.connect(tmp_path / "cache" / "extract.sqlite") as db:
        rows = db.execute("SELECT COUNT(*), COUNT(DISTINCT extractor) FROM facts").fetchone()
    assert rows == (len(list(config.seeds.iterdir())), 1)


def test_spliced_files_equal_a_fresh_join_after_any_change(tmp_path):
    """Joined files (CSV tables, factsheets.json) copy unchanged runs of pieces from the last
    build's file: whatever was added, removed, changed or moved, the result is what joining
    every piece afresh gives."""
    import random
    rng = random.Random(7)
    for sep, head, tail, empty in ((b",\n", b"[\n", b"\n]\n", False), (b"", b"head\n", b"", True)):
        _check_spliced(tmp_path, rng, sep, head, tail, empty)


def _check_spliced(tmp_path, rng, sep, head, tail, empty):
    """Random edits of a joined file (the JSON shape, and the CSV shape: no separator, and
    articles without rows, whose pieces are empty)."""
    from generator.incremental import Spliced

    def piece(key):
        return b"" if empty and key.endswith(("3", "7")) else f"<{key}>".encode()

    def fresh(keys):
        return head + sep.join(piece(k) for k in keys) + tail

    (tmp_path / "all.json").unlink(missing_ok=True)
    keys = [f"k{n}" for n in range(30)]
    previous: dict = {}
    for _ in range(60):
        pieces = list(keys)
        for _ in range(rng.randint(0, 3)):
            change = rng.choice(["add", "drop", "move", "swap"])
            if change == "add":
                pieces.insert(rng.randint(0, len(pieces)), f"new{rng.randint(0, 999)}")
            elif change == "drop" and pieces:
                pieces.pop(rng.randrange(len(pieces)))
            elif change == "move" and pieces:
                pieces.insert(rng.randint(0, len(pieces) - 1), pieces.pop(rng.randrange(len(pieces))))
            elif change == "swap" and len(pieces) > 1:
                i, j = rng.sample(range(len(pieces)), 2)
                pieces[i], pieces[j] = pieces[j], pieces[i]
        pieces = list(dict.fromkeys(pieces))      # one piece per article
        made = []
        spliced = Spliced(tmp_path, previous)
        data = spliced.join("all.json", pieces, lambda n: made.append(n) or piece(pieces[n]),
                            head=head, sep=sep, tail=tail)
        assert data == fresh(pieces)
        if previous:    # only the pieces the last file did not hold are made
            assert [pieces[n] for n in made] == [k for k in pieces if k not in keys]
        (tmp_path / "all.json").write_bytes(data)
        previous, keys = spliced.tables, pieces


def test_an_edit_that_keeps_every_entity_looks_only_at_the_pages_showing_its_article(config, tmp_path, monkeypatch):
    """A changed casualty figure keeps the article's structure (its speakers, places, parties
    and dates): the build starts from the last full build's index and looks again only at the
    entities whose facts changed, so the donor of a pledge in the same article, and an entity
    only the other article names, keep their pages without their signature being worked out.
    A new speaker changes the structure: the articles are indexed again and every entity is
    looked at. Both sites are a cold build's."""
    from generator.render import Renderer
    build(config)
    signed: list[str] = []      # the entities looked at: signed, or their pages worked out
    real_sign, real_pages = Renderer._entity_signature, Renderer._entity_pages
    monkeypatch.setattr(Renderer, "_entity_signature", lambda r, e, *rest: signed.append(e.name) or real_sign(r, e, *rest))
    monkeypatch.setattr(Renderer, "_entity_pages", lambda r, plan, e, *rest: signed.append(e.name)
                        or real_pages(r, plan, e, *rest))
    indexed = indexing(monkeypatch)
    capital = config.seeds / "capital.md"
    capital.write_text(capital.read_text().replace("injuring two people", "injuring five people"))
    build(config)
    assert indexed == []        # the index of the build before, with the new fact sheet put in
    assert "Odesa" in signed                    # the strike whose figure changed
    assert "Germany" not in signed              # its pledge in the article did not change
    assert "United States" not in signed        # named only by the other article
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch, "cold-1")

    signed.clear()
    indexed.clear()
    capital.write_text(capital.read_text() + "\n\"Help is coming,\" Defence Minister Boris Pistorius said.\n")
    build(config)
    assert indexed == [2] and "United States" in signed
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch, "cold-2")


def test_a_damaged_snapshot_means_a_full_build(config, tmp_path, monkeypatch):
    from generator.snapshot import Snapshot
    build(config)
    Snapshot.paths(config.out)[1].write_bytes(b"not a pickle")
    indexed = indexing(monkeypatch)
    capital = config.seeds / "capital.md"
    capital.write_text(capital.read_text().replace("injuring two people", "injuring five people"))
    assert build(config).exit_status(strict=False) == 0
    assert indexed == [2]
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_an_edit_keeps_the_addresses_of_two_articles_with_one_title(config, tmp_path, monkeypatch):
    """Two articles titled alike get "-2" in the order of the seeds; an edit that reads only
    the second again gives it the address the full build gave it, with its warning."""
    def article(killed: str) -> str:
        return ("---\ntitle: Shelling in Kherson\ndate: 2024-03-11\n---\n"
                f"Shelling hit Kherson, killing {killed} people, governor Oleksandr Prokudin said.\n")
    (config.seeds / "a.md").write_text(article("three"))
    (config.seeds / "b.md").write_text(article("four"))
    build(config)
    (config.seeds / "b.md").write_text(article("six"))
    indexed = indexing(monkeypatch)
    report = build(config)
    assert indexed == []
    assert any("another article has the address" in m for i in report.inputs for m in i.messages)
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_two_edits_of_one_figure_in_a_row_both_reach_the_pages(config, tmp_path, monkeypatch):
    """The second of two local edits of the same entity's fact must render its pages again
    too (a local edit leaves the entities it changed without a signature: that must never
    read as "unchanged" the next time)."""
    build(config)
    capital = config.seeds / "capital.md"
    for figure in ("five", "six"):
        capital.write_text(capital.read_text().replace("injuring two people", f"injuring {figure} people")
                           .replace("injuring five people", f"injuring {figure} people"))
        build(config)
    page = (config.out / "places").glob("odesa*.html")
    assert any("6 injured" in p.read_text() or "six" in p.read_text() for p in page)
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_a_page_deleted_by_hand_then_an_edit_is_a_full_build(config, tmp_path, monkeypatch):
    """A page of the last build missing from the site makes the next build look at every page,
    so it must not start from the snapshot (which holds no fact sheets for a full render)."""
    build(config)
    next(iter((config.out / "people").glob("oleh-kiper*.html"))).unlink()
    harbour = config.seeds / "harbour.txt"
    harbour.write_text(harbour.read_text().replace("a residential area again", "a residential area once more"))
    indexed = indexing(monkeypatch)
    assert build(config).exit_status(strict=False) == 0
    assert indexed == [2]
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_a_snapshot_older_than_the_last_build_is_not_used_against_it(config, tmp_path, monkeypatch):
    """A structural edit's full build whose snapshot writer is late (or failed) leaves the
    snapshot of the build before it; reverting the edit makes that snapshot fit the seeds
    again, but not the last build: the next build indexes every article."""
    import shutil

    from generator.snapshot import Snapshot
    build(config)
    kept = tmp_path / "kept-snapshot"
    kept.mkdir()
    for path in Snapshot.paths(config.out):
        shutil.copy2(path, kept / path.name)
    capital = config.seeds / "capital.md"
    original = capital.read_text()
    capital.write_text(original.replace("date: 2024-03-10", "date: 2024-03-11"))
    build(config)
    for path in Snapshot.paths(config.out):    # the late writer: the older snapshot is still there
        shutil.copy2(kept / path.name, path)
    capital.write_text(original)
    indexed = indexing(monkeypatch)
    assert build(config).exit_status(strict=False) == 0
    assert indexed == [2]
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_an_edit_beside_an_unreadable_article_starts_from_the_snapshot(config, tmp_path, monkeypatch):
    """A seed that cannot be read as an article (an empty file) is reported at every build; it
    does not keep an edit elsewhere from starting from the last full build's index."""
    (config.seeds / "empty.txt").write_text("")
    build(config)
    capital = config.seeds / "capital.md"
    capital.write_text(capital.read_text().replace("injuring two people", "injuring five people"))
    indexed = indexing(monkeypatch)
    report = build(config)
    assert indexed == []
    assert [i.status for i in report.inputs if i.path.endswith("empty.txt")] == ["skipped"]
    assert report.exit_status(strict=False) == 1        # still reported as skipped
    assert digest(config.out) == cold_build(config, tmp_path, monkeypatch)


def test_an_added_article_renders_the_month_it_is_in_not_every_month(config, tmp_path, monkeypatch):
    """Month pages link to the other months without their counts (the first page of each
    series shows those), so an added article changes one month page of each series."""
    monkeypatch.setattr("generator.views.RECENT", 2)      # entities get month pages from 3 facts
    for old in config.seeds.iterdir():
        old.unlink()
    for n, month in enumerate(("01", "02", "03")):
        (config.seeds / f"m{month}.md").write_text(
            f"---\ntitle: Shelling of Kherson, report {n}\ndate: 2024-{month}-1{n}\n---\n"
            f"Russian artillery shelled Kherson on Monday, killing {n + 2} people, "
            f"regional governor Oleksandr Prokudin said.\n", encoding="utf-8")
    build(config)
    first = digest(config.out)
    (config.seeds / "m03b.md").write_text(
        "---\ntitle: Kherson shelled again\ndate: 2024-03-20\n---\n"
        "Russian artillery shelled Kherson on Wednesday, killing one man, regional governor "
        "Oleksandr Prokudin said.\n", encoding="utf-8")
    build(config)
    after = digest(config.out)
    changed = {p for p in after if after[p] != first.get(p)}
    months = {p for p in after if p.endswith(("2024-01.html", "2024-02.html", "2024-03.html"))}
    assert {p for p in months if p.endswith("2024-03.html")} <= changed
    assert not {p for p in months if not p.endswith("2024-03.html")} & changed
    assert {"timeline/2024-01.html", "archive/2024-01.html", "events/2024-01.html", "places/kherson/2024-01.html",
            "people/oleksandr-prokudin/2024-01.html", "actors/russia/2024-01.html"} <= months
    # The first page of a series shows the counts; its months do not repeat them.
    assert "2024-03</a> <small>(2)</small>" in (config.out / "places/kherson.html").read_text()
    assert "2024-03</a></li>" in (config.out / "places/kherson/2024-01.html").read_text()
    assert after == cold_build(config, tmp_path, monkeypatch)
