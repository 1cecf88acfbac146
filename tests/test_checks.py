from pathlib import Path

from generator.checks import check_site


def make_site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(html)
    return tmp_path


def test_resolving_links_pass(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="people/a.html#x">a</a><a href="https://example.org">out</a>',
                                "people/a.html": '<p id="x"></p><a href="../index.html">home</a>'})
    assert check_site(site) == []


def test_broken_link_folder_link_and_absolute_path_fail(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="missing.html">m</a><a href="people/">dir</a>'
                                              '<a href="/index.html">abs</a>',
                                "people/index.html": ""})
    problems = "\n".join(check_site(site))
    assert "no such file" in problems
    assert "points at a folder" in problems
    assert "absolute path" in problems


def test_asset_from_another_host_fails(tmp_path):
    site = make_site(tmp_path, {"index.html": '<script src="https://cdn.example/x.js"></script>'})
    assert any("another host" in p for p in check_site(site))


def test_missing_fragment_target_fails(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="#nowhere">x</a>'})
    assert any("nowhere" in p for p in check_site(site))


def test_javascript_url_fails(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="javascript:alert(1)">x</a>'})
    assert check_site(site)


def test_attributes_in_any_quoting_and_script_bodies(tmp_path):
    site = make_site(tmp_path, {
        "index.html": "<a href='a.html'>single</a><a href=b.html>bare</a>"
                      "<script>var s = '<a href=\"nowhere.html\">';</script><p id=x></p><a href='#x'>x</a>",
        "a.html": "", "b.html": ""})
    assert check_site(site) == []
    (tmp_path / "index.html").write_text("\n\n<img\n src='https://cdn.example/i.png'>")
    assert check_site(site) == ["index.html:4: <img src=\"https://cdn.example/i.png\">: "
                                "loads an asset from another host; ship it in the site instead"]


def test_text_that_reads_like_an_unquoted_attribute_is_not_a_link(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<!doctype html><html><body><p>The table has data=12 rows and src=x.png in it.</p>"
        "<img src=logo.png alt=logo></body></html>")
    (site / "logo.png").write_bytes(b"")
    assert check_site(site) == []
    (site / "logo.png").unlink()
    assert ["index.html:1: <img src=\"logo.png\">: no such file in the site"] == check_site(site)


def test_script_and_style_bodies_are_blanked_as_the_raw_text_pattern_reads_them():
    """_blank_raw_text is RAW_TEXT.sub done in larger steps: same result on every shape of
    tag, case, unclosed tag, nesting and line break."""
    import random
    import re

    from generator.checks import RAW_TEXT, _blank_raw_text

    def by_the_pattern(text):
        return RAW_TEXT.sub(lambda m: m.group(0)[:m.start(2) - m.start(0)] + re.sub(r"[^\n]", " ", m.group(2))
                            + m.group(0)[m.end(2) - m.start(0):], text)
    pieces = ["<script>", "</script>", "<style>", "</style >", "<SCRIPT type='a>b'>", "</Script\n>", "<scripts>",
              "<s", "<", ">", "\n", "x y", "\u017f", "</\u017fcript>", "<scr\u0130pt>", "\r\n", "\u2028"]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert _blank_raw_text(text) == by_the_pattern(text), text
    page = '<p id="a">x</p><script type="application/ld+json">{"a":\n"<b id=\'c\'>"}</script><p>y</p>'
    assert _blank_raw_text(page) == ('<p id="a">x</p><script type="application/ld+json">' + " " * 5 + "\n"
                                     + " " * 13 + '</script><p>y</p>')


def test_attributes_read_from_their_equals_sign_are_those_the_full_scan_reads():
    """Pages with no space next to an "=" are read by ATTR_AT_EQUALS, which jumps from "=" to
    "=": same attributes as ATTR on every shape of name, case, quoting and neighbour."""
    import random

    from generator.checks import ATTR, ATTR_AT_EQUALS, SPACED_EQUALS

    def attrs(pattern, text):
        return sorted((m.group(1) or m.group(2) or m.group(3) or m.group(4), m.groups()[4:], m.start(0) < m.end(0))
                      for m in pattern.finditer(text))
    pieces = ["href", "HREF", "src", "srcset", "id", "iD", "name", "data", "data-src", "action", "poster", "x",
              "=", "=", '"', "'", " ", "\n", "<a ", "<img ", ">", "a.html", "#f", "-", "&amp;", "`",
              "\u017frc", "\u0131d", "\u2028", "\u00a0", "\t"]
    rnd = random.Random(11)
    compared = 0
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        if SPACED_EQUALS.search(text):
            continue
        compared += 1
        assert attrs(ATTR_AT_EQUALS, text) == attrs(ATTR, text), text
    assert compared > 5000


def test_a_link_right_after_another_attribute_is_checked(tmp_path):
    site = make_site(tmp_path, {"index.html": '<p id="x"></p><a id="y"href="missing.html">m</a>'
                                              "<a name='z'href = 'gone.html'>g</a>"})
    problems = check_site(site)
    assert [p.split(": ", 1)[1] for p in problems] == ['<a href="gone.html">: no such file in the site',
                                                      '<a href="missing.html">: no such file in the site']
