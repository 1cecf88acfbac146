from pathlib import Path

import pytest

from generator.sources import SourceError, derive_title, parse_article, read_article


def write(tmp_path: Path, name: str, data) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_plain_text_header_words_on_the_first_line(tmp_path):
    p = write(tmp_path, "a.txt", " date 2024-05-06 The governor said the bridge held.\n\nSecond paragraph.")
    a = read_article(p)
    assert a.meta.date == "2024-05-06"
    assert a.body.startswith("The governor said")
    assert [s.paragraph for s in a.sentences] == [0, 1]


def test_markdown_front_matter_gives_metadata_and_plain_body(tmp_path):
    p = write(tmp_path, "b.md", "---\ntitle: Bridge holds\ndate: 2024-05-06\nsource: Daily Example\n"
                                "url: https://example.org/a\ntags: [war, bridges]\n---\n"
                                "The **mayor** said the [bridge](https://x.example) held.\n")
    a = read_article(p, "seeds/b.md")
    assert (a.meta.title, a.meta.date, a.meta.outlet) == ("Bridge holds", "2024-05-06", "Daily Example")
    assert a.meta.source == "seeds/b.md"
    assert a.meta.tags == ["bridges", "war"]
    assert a.body == "The mayor said the bridge held."


def test_title_is_derived_from_the_lead_when_missing():
    assert derive_title("Short lead here. More text.") == "Short lead here"
    long = ("Troops pushed forward across the river on several fronts, officials in the region said "
            "on Monday, as fighting intensified near the border.")
    title = derive_title(long)
    assert len(title.split()) <= 18 and long.startswith(title.rstrip("\u2026"))


def test_missing_date_is_a_warning_not_an_error(tmp_path):
    a = read_article(write(tmp_path, "c.txt", "Nothing dated here."))
    assert a.meta.date is None
    assert any("no date" in w for w in a.warnings)


def test_impossible_date_is_a_warning(tmp_path):
    a = read_article(write(tmp_path, "d.md", "---\ndate: 2023-02-30\n---\nText."))
    assert a.meta.date is None and any("not a real calendar date" in w for w in a.warnings)


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"   \n\t\n", "empty"),
                                         (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")])
def test_unusable_files_raise_a_clear_error(tmp_path, data, reason):
    with pytest.raises(SourceError, match=reason):
        read_article(write(tmp_path, "bad.txt", data))


def test_bom_crlf_and_windows_1252_are_read(tmp_path):
    a = read_article(write(tmp_path, "e.txt", "\ufeffdate 2024-01-02 One.\r\n\r\nTwo.".encode("utf-8")))
    assert a.body == "One.\n\nTwo." and a.meta.date == "2024-01-02"
    b = read_article(write(tmp_path, "f.txt", "Caf\xe9 \x93quoted\x94.".encode("latin-1")))
    assert b.body == "Caf\u00e9 \u201cquoted\u201d." and any("Windows-1252" in w for w in b.warnings)


def test_malformed_front_matter_is_ignored_with_a_warning(tmp_path):
    a = read_article(write(tmp_path, "g.md", "---\ntitle: [unclosed\n---\nThe text survives."))
    assert a.body == "The text survives."
    assert any("not valid YAML" in w for w in a.warnings)


def test_html_in_markdown_stays_text():
    a = parse_article("<script>alert(1)</script> said the mayor.", "x.md", markdown_input=True)
    assert "<script>" in a.body


def test_credits_line_is_found():
    a = parse_article("The mayor spoke.\n\nWith reporting by Reuters and AFP", "x.txt", markdown_input=False)
    assert a.meta.credits == "With reporting by Reuters and AFP"


def test_unquoted_colon_in_front_matter_keeps_the_title(tmp_path):
    a = read_article(write(tmp_path, "h.md", "---\ntitle: Donors pledge $2B: agency\ndate: 2024-02-01\n---\nText."))
    assert a.meta.title == "Donors pledge $2B: agency" and a.meta.date == "2024-02-01"
    assert any("not valid YAML" in w for w in a.warnings)


def test_front_matter_that_is_not_a_mapping_is_ignored(tmp_path):
    a = read_article(write(tmp_path, "i.md", "---\n- just\n- a list\n---\nText."))
    assert a.body == "Text." and any("not a mapping" in w for w in a.warnings)
