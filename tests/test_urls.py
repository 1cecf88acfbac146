from generator.urls import relurl


def test_links_are_relative_and_name_files():
    assert relurl("index.html", "people/a.html") == "people/a.html"
    assert relurl("people/a.html", "index.html") == "../index.html"
    assert relurl("people/a.html", "places/b.html") == "../places/b.html"
    assert relurl("people/a.html", "people/b.html") == "b.html"


def test_fragment_is_kept():
    assert relurl("articles/x.html", "articles/x.html#f-st1") == "x.html#f-st1"
