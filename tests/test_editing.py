"""Corrections files and editorial settings: editors fix facts without touching code."""
import json

from generator.build import build
from generator.checks import check_site
from generator.cli import main
from generator.config import load_config


def sheet_of(config, article_id):
    return json.loads((config.out / "data" / f"{article_id}.json").read_text())


HARBOUR = "a-missile-strike-on-an-apartment-block-in-odesa-killed-at-least-four-people-on-t"


def test_corrections_remove_change_and_add_facts(config):
    (config.seeds / "harbour.facts.yaml").write_text(
        "remove:\n"
        "  - statement: residential area again\n"
        "change:\n"
        "  - strike: Odesa\n"
        "    set: {killed: 5, injured: 9}\n"
        "add:\n"
        "  - statement: {speaker: Oleh Kiper, text: Ukraine needed more air defence systems, mode: indirect}\n"
        "    quote: Ukraine needed more air defence systems\n")
    report = build(config)
    assert report.exit_status(strict=True) == 0, report.problem_lines()
    sheet = sheet_of(config, HARBOUR)
    texts = [s["text"] for s in sheet["statements"]]
    assert not any("residential area again" in t for t in texts)
    strike = sheet["strikes"][0]
    assert (strike["killed"], strike["injured"], strike["edited"], strike["origin"]) == (5, 9, ["killed", "injured"], "rule")
    added = [s for s in sheet["statements"] if s["origin"] == "editor"]
    assert len(added) == 1 and added[0]["speaker"]["name"] == "Oleh Kiper" and added[0]["rule"] == "editor:added"
    assert [s["id"] for s in sheet["statements"]] == [f"st{n}" for n in range(1, len(sheet["statements"]) + 1)]
    page = (config.out / "articles" / f"{HARBOUR}.html").read_text()
    assert "added by an editor" in page and "edited: killed, injured" in page
    assert check_site(config.out) == []


def test_selectors_survive_edits_to_the_surrounding_text(config):
    (config.seeds / "harbour.facts.yaml").write_text("change:\n  - strike: Odesa\n    set: {killed: 6}\n")
    build(config)
    harbour = config.seeds / "harbour.txt"
    harbour.write_text(harbour.read_text().replace("regional governor Oleh Kiper said.",
                                                   "regional governor Oleh Kiper said in a statement."))
    build(config)
    assert sheet_of(config, HARBOUR)["strikes"][0]["killed"] == 6


def test_selector_matching_nothing_is_reported_and_changes_nothing(config):
    (config.seeds / "harbour.facts.yaml").write_text("remove:\n  - statement: words that are nowhere\n")
    report = build(config)
    assert any("matches no fact" in m for i in report.inputs for m in i.messages)
    assert report.exit_status(strict=False) == 0 and report.exit_status(strict=True) == 1


def test_malformed_corrections_are_reported_and_the_article_still_builds(config):
    (config.seeds / "harbour.facts.yaml").write_text("remove: [unclosed\n")
    report = build(config)
    messages = [m for i in report.inputs for m in i.messages]
    assert any("corrections ignored" in m and "harbour.facts.yaml" in m and "not valid YAML" in m for m in messages)
    assert sheet_of(config, HARBOUR)["strikes"]


def test_corrections_for_a_missing_article_are_reported(config):
    (config.seeds / "nowhere.facts.yaml").write_text("remove: []\n")
    report = build(config)
    assert any(i.status == "ignored" and i.path.endswith("nowhere.facts.yaml") for i in report.inputs)


def test_config_ignores_names_and_pins_places(config, tmp_path):
    config.ignore = ["Oleh Kiper"]
    config.place_pins = {"Odesa": {"lat": 46.5, "lon": 30.7, "country": "UA"}}
    build(config)
    sheet = sheet_of(config, HARBOUR)
    assert all(s["speaker"]["name"] != "Oleh Kiper" for s in sheet["statements"])
    assert sheet["strikes"][0]["place"]["lat"] == 46.5 and "place" in sheet["strikes"][0]["edited"]


def test_config_reads_editorial_settings(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("ignore: [Somebody]\npins: {Odesa: 698740}\n"
                    "vocabulary: {reporting_verbs: [opined], weapons: {drone: [Lancet]}}\n")
    config = load_config(path)
    assert config.ignore == ["Somebody"] and config.place_pins == {"Odesa": 698740}
    assert config.reporting_verbs == ["opined"] and config.weapons == {"drone": ["Lancet"]}


def test_explain_prints_rules_evidence_and_gazetteer_candidates(seeds, capsys):
    assert main(["explain", str(seeds / "harbour.txt")]) == 0
    out = capsys.readouterr().out
    assert "rule:" in out and "evidence [" in out
    assert "gazetteer candidates for 'Odesa'" in out and "geonameid" in out


def test_config_vocabulary_teaches_a_verb_and_a_weapon(config):
    from generator.extract.vocabulary import configure
    (config.seeds / "new.txt").write_text(
        "date 2024-03-09 A Skyhammer struck Odesa on Friday, killing two people.\n\n"
        "The situation will not improve soon, the mayor quipped.")
    try:
        build(config)
        before = sheet_of(config, "a-skyhammer-struck-odesa-on-friday-killing-two-people")
        assert before["strikes"] == [] and before["statements"] == []
        config.reporting_verbs, config.weapons = ["quipped"], {"drone": ["Skyhammer"]}
        build(config)
        after = sheet_of(config, "a-skyhammer-struck-odesa-on-friday-killing-two-people")
        assert [s["place"]["name"] for s in after["strikes"]] == ["Odesa"]
        assert [s["verb"] for s in after["statements"]] == ["quipped"]
    finally:
        configure()
