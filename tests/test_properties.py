"""Property-based tests: random text and random front matter never crash the reader or the
extractors, every offset stays inside the text, and every fact sheet matches the schema."""
import json
from pathlib import Path

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.factsheet import extract
from generator.sources import SourceError, parse_article

SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "factsheet.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Words that wake every extractor up, mixed with random text, so the rules really run.
VOCAB = ["said", "told", "according to", "he", "she", "the ministry", "President", "Olena Petrenko",
         "\"", "\u201c", "\u201d", "\u2018", "\u2019", "'", ",", ".", "\n\n", "missile", "drones",
         "struck", "shelling", "killed", "at least", "five", "12", "wounding", "Kharkiv", "Odesa",
         "region", "pledged", "$2 billion", "tanks", "Germany", "the United States", "to Ukraine",
         "on Monday", "February 3", "last week", "--", "(", ")", ":", "Kyiv", "will send", "aid"]
text_strategy = st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=12)), max_size=60).map(" ".join)
meta_strategy = st.dictionaries(
    st.sampled_from(["title", "date", "source", "url", "tags", "slug", "outlet"]),
    st.one_of(st.text(max_size=20), st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=3),
              st.sampled_from(["2023-02-30", "2024-01-05", "javascript:alert(1)", "https://e.org/x",
                               "../../etc/passwd", "3 February 2023"])),
    max_size=5)


def check_sheet(article, sheet):
    data = sheet.to_json()
    VALIDATOR.validate(json.loads(json.dumps(data)))
    n = len(article.body)
    for fact in sheet.statements + sheet.strikes + sheet.pledges:
        ev = fact.evidence
        assert 0 <= ev.start <= ev.end <= n
        assert 0 <= ev.sentence < max(1, len(article.sentences))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy, st.booleans())
def test_random_text_never_crashes_and_offsets_stay_in_the_text(text, markdown_input):
    try:
        article = parse_article(text, "random.txt", markdown_input=markdown_input)
    except SourceError:
        return
    for s in article.sentences:
        assert article.body[s.start:s.end] == s.text
    check_sheet(article, extract(article))


@settings(max_examples=100, deadline=None)
@given(meta_strategy, text_strategy)
def test_random_front_matter_is_read_or_warned_about(meta, text):
    source = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + (text or "x")
    try:
        article = parse_article(source, "random.md", markdown_input=True)
    except SourceError:
        return
    check_sheet(article, extract(article))


PLAIN_PIECES = st.sampled_from(list("ab XY.,;:'\"?-+=()&<>/%$\u20ac\u201c\u201d\u2014\n\t\u00e9\u0131\u017f\u00a0\x0b\x0c")
                               + ["\n\n", "  \n", "1. ", "    ", " \t", "&amp;", "http://x.y", "<b>", "\n \n"])


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(PLAIN_PIECES, max_size=40).map("".join))
def test_markdown_without_markup_is_read_like_markdown_reads_it(text):
    # Text with nothing Markdown could take for markup skips the Markdown converter; it must
    # come out exactly as the converter would have made it.
    from generator.sources import MARKUP, converted, markdown_to_text
    if not MARKUP.search(text):
        assert markdown_to_text(text) == converted(text)
