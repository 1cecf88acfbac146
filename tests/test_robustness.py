"""Bad input: each case is reported with its path and reason, and loses nothing else."""
import os

import pytest

from generator.build import build
from generator.checks import check_site
from generator.config import ConfigError, load_config


def built_ids(config):
    return sorted(p.stem for p in (config.out / "articles").glob("*.html"))


def test_empty_seeds_folder_builds_an_empty_site(config):
    for p in config.seeds.iterdir():
        p.unlink()
    report = build(config)
    assert report.exit_status(strict=False) == 0
    assert "No articles yet" in (config.out / "index.html").read_text()
    assert check_site(config.out) == []


def test_missing_seeds_folder_is_a_clear_error(config, tmp_path):
    config.seeds = tmp_path / "nope"
    with pytest.raises(Exception, match="does not exist"):
        build(config)
    assert not config.out.exists()


def test_two_titles_with_one_slug_keep_both_articles(config):
    (config.seeds / "a.md").write_text("---\ntitle: Same title\ndate: 2024-01-01\n---\nOne.")
    (config.seeds / "b.md").write_text("---\ntitle: Same Title!\ndate: 2024-01-02\n---\nTwo.")
    report = build(config)
    assert {"same-title", "same-title-2"} <= set(built_ids(config))
    assert any("same-title" in m for i in report.inputs for m in i.messages)


def test_slug_with_dot_dot_stays_inside_the_site(config, tmp_path):
    (config.seeds / "evil.md").write_text("---\nslug: ../../outside\ndate: 2024-01-01\n---\nText.")
    build(config)
    assert not (tmp_path / "outside.html").exists()
    assert "outside" in built_ids(config)


def test_symlink_pointing_outside_seeds_is_skipped(config, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("date 2024-01-01 Private notes, the mayor said.")
    os.symlink(secret, config.seeds / "link.txt")
    report = build(config)
    assert [i.path for i in report.skipped] == [str(config.seeds / "link.txt")]
    assert len(built_ids(config)) == 2


def test_unreadable_file_is_reported(config, monkeypatch):
    target = config.seeds / "locked.txt"
    target.write_text("date 2024-01-01 Text.")
    real = type(target).read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)
    monkeypatch.setattr(type(target), "read_bytes", deny)
    report = build(config)
    assert "Permission denied" in report.skipped[0].messages[0]


def test_strict_turns_warnings_into_failure(config):
    (config.seeds / "undated.txt").write_text("The mayor said the bridge held.")
    report = build(config)
    assert report.exit_status(strict=False) == 0
    assert report.exit_status(strict=True) == 1


def test_config_text_is_escaped(config):
    config.title = "<script>alert('t')</script>"
    build(config)
    assert "<script>alert" not in (config.out / "index.html").read_text()


def test_javascript_url_in_front_matter_is_dropped(config):
    (config.seeds / "js.md").write_text("---\ntitle: T\ndate: 2024-01-01\nurl: javascript:alert(1)\n---\nText.")
    report = build(config)
    assert check_site(config.out) == []
    assert any("not an http(s) address" in m for i in report.inputs for m in i.messages)


def test_non_latin_names_and_titles_get_pages(config):
    (config.seeds / "uk.md").write_text("---\ntitle: Удар по Харкову\ndate: 2024-01-01\n---\n"
                                        "«Ми вистоїмо», — сказав Ігор Терехов.")
    build(config)
    assert "udar-po-kharkovu" in built_ids(config)
    assert check_site(config.out) == []


def test_broken_config_is_a_clear_error(tmp_path):
    bad = tmp_path / "config.yaml"
    bad.write_text("title: [unclosed")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
    bad.write_text("- a list")
    with pytest.raises(ConfigError, match="mapping"):
        load_config(bad)
    bad.write_text("base_url: javascript:alert(1)")
    with pytest.raises(ConfigError, match="base_url"):
        load_config(bad)


def test_nothing_is_written_beside_the_site(config, tmp_path):
    build(config)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds", "site"]


def test_very_long_line_unbalanced_quotes_and_no_facts_still_build(config):
    (config.seeds / "long.txt").write_text("date 2024-01-01 " + "word " * 50_000 + "end.")
    (config.seeds / "quotes.txt").write_text('date 2024-01-01 "This quote never closes, the mayor said.\n\n'
                                             'And \u201cthis one \u201d\u201d opens twice.')
    (config.seeds / "quiet.txt").write_text("date 2024-01-01 The weather was mild and the market was open.")
    report = build(config)
    assert report.exit_status(strict=False) == 0
    assert len(built_ids(config)) == 5
    assert check_site(config.out) == []


def test_diacritics_keep_their_letters_and_get_ascii_addresses(config):
    (config.seeds / "d.md").write_text("---\ntitle: Mykhailo Fedorov\u2019s visit to Dnipro\ndate: 2024-01-01\n---\n"
                                       "\u201cWe will rebuild,\u201d said Zo\u00eb Ch\u00e2telet-\u0160imkov\u00e1, the mayor.")
    build(config)
    assert "mykhailo-fedorovs-visit-to-dnipro" in built_ids(config)
    pages = " ".join(p.read_text() for p in (config.out / "people").glob("*.html"))
    assert "Zo\u00eb Ch\u00e2telet-\u0160imkov\u00e1" in pages


def test_a_20_mb_file_is_published_without_facts_and_the_rest_builds(config):
    paragraph = "A missile struck Odesa on Monday, killing two people, the governor said. " * 40
    (config.seeds / "dump.txt").write_text("date 2024-01-01 " + "\n\n".join([paragraph] * 7000))
    assert (config.seeds / "dump.txt").stat().st_size > 20_000_000
    report = build(config)
    dump = next(i for i in report.inputs if i.path.endswith("dump.txt"))
    assert dump.status == "built" and dump.counts == (0, 0, 0)
    assert any("extraction limit" in m for m in dump.messages)
    assert len(built_ids(config)) == 3


def test_raising_the_size_limit_extracts_a_file_kept_without_facts(config):
    """Being over max_extract_mb is not remembered in the cache: the limit can be raised
    without touching the file."""
    paragraph = "A missile struck Odesa on Monday, killing two people, the governor said. "
    (config.seeds / "long.txt").write_text("date 2024-01-01 " + "\n\n".join([paragraph] * 40))
    config.max_extract_mb = 0.001
    first = next(i for i in build(config).inputs if i.path.endswith("long.txt"))
    assert first.counts == (0, 0, 0) and any("extraction limit" in m for m in first.messages)
    config.max_extract_mb = 5
    again = next(i for i in build(config).inputs if i.path.endswith("long.txt"))
    assert again.counts[1] > 0 and not any("extraction limit" in m for m in again.messages)


def test_titles_that_would_take_the_sites_own_addresses_are_renamed(config):
    """An article titled "Factsheets" would overwrite data/factsheets.json, and a speaker
    named "Index" the list of speakers."""
    (config.seeds / "f.md").write_text("---\ntitle: Factsheets\ndate: 2024-01-02\n---\n"
                                       "\"We publish everything,\" Index said on Monday.")
    report = build(config)
    assert "factsheets" not in built_ids(config) and "factsheets-2" in built_ids(config)
    assert any("site's own file" in m for i in report.inputs for m in i.messages)
    import json
    assert len(json.loads((config.out / "data" / "factsheets.json").read_text())) == len(built_ids(config))
    assert "Speakers" in (config.out / "people" / "index.html").read_text()
    assert (config.out / "people" / "index-2.html").is_file()
