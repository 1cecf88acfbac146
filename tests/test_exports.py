"""The CSV tables: one row per fact, and no cell a spreadsheet would run as a formula."""
import csv
import io

from generator.exports import csv_header, csv_rows
from generator.model import ArticleMeta, Evidence, FactSheet, Place, Speaker, Statement, Strike


def sheet() -> FactSheet:
    meta = ArticleMeta(id="a-1", title="T", date="2024-05-01", source="a.md")
    said = Statement(speaker=Speaker(name="@mayor", role="-deputy"), text='=HYPERLINK("x")', mode="direct",
                     verb="said", date=None, evidence=Evidence(2, 10, 40), id="st1")
    hit = Strike(place=Place(name="+Kherson", country="UA", lat=46.6, lon=32.6), weapon="drone",
                 evidence=Evidence(0, 0, 9), killed=-1, id="sk1")
    return FactSheet(article=meta, statements=[said], strikes=[hit])


def rows(path: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((csv_header(path) + csv_rows(path, sheet())).decode("utf-8"))))


def test_text_that_starts_like_a_formula_is_quoted_and_numbers_are_kept():
    head, row = rows("data/statements.csv")
    cells = dict(zip(head, row))
    assert cells["speaker"] == "'@mayor" and cells["speaker_role"] == "'-deputy"
    assert cells["text"] == "'=HYPERLINK(\"x\")" and cells["verb"] == "said"
    assert (cells["sentence"], cells["start"], cells["end"]) == ("2", "10", "40")
    assert cells["page"] == "articles/a-1.html#f-st1" and cells["date"] == ""
    head, row = rows("data/strikes.csv")
    cells = dict(zip(head, row))
    assert cells["place"] == "'+Kherson" and cells["killed"] == "-1" and cells["lat"] == "46.6"


def test_an_article_without_facts_of_a_kind_adds_no_rows():
    assert csv_rows("data/pledges.csv", sheet()) == b""
