"""Statement classes found in round 5: relayed speakers, nested speech acts, negated reporting,
relative clauses on the speaker, and the day of statements in live blogs, press releases and
"the next day" attributions.

Every sentence here is written for the test; names are invented or generic.
"""
from __future__ import annotations

from generator.extract.statements import extract_statements
from helpers import article


def statements(body: str, date: str | None = "2024-06-14"):
    return extract_statements(article(body, date))


def said(body: str, date: str | None = "2024-06-14") -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.text) for s in statements(body, date)]


# --- who spoke --------------------------------------------------------------------------

def test_quoted_as_saying_with_a_possessive_role_names_the_quoted_person():
    body = ("A local news site quoted the harbour\u2019s chief engineer, Pavlo Derkach, as saying "
            "that two cranes had been destroyed.")
    assert said(body) == [("Pavlo Derkach", "indirect", "two cranes had been destroyed")]


def test_quoted_as_saying_with_a_lower_case_role_word_names_the_quoted_person():
    body = ("The state agency quoted the Varna port director, Ilia Petkov, as saying that the "
            "berths were closed.")
    (name, _, text), = said(body)
    assert name == "Ilia Petkov" and text == "the berths were closed"


def test_outlet_quoting_a_ministry_gives_the_ministry_as_speaker():
    body = ("Three of the wounded were firefighters, the channel said, quoting the regional "
            "health ministry. The rest were residents.")
    (st,) = statements(body)
    assert st.speaker.name == "regional health ministry"
    assert st.via == "channel"


def test_speech_act_inside_a_reported_clause_belongs_to_the_reporter():
    body = ("Lindqvist said Riga had also asked Oslo to help pay for new radars. "
            "Moreau said the request would be studied.")
    assert said(body) == [
        ("Lindqvist", "indirect", "Riga had also asked Oslo to help pay for new radars"),
        ("Moreau", "indirect", "the request would be studied"),
    ]


def test_it_welcomed_after_said_is_part_of_what_the_government_said():
    body = ("The interim government, based in the capital, said it welcomed the talks but "
            "objected to the convoy route.")
    (name, _, text), = said(body)
    assert name == "interim government"
    assert text.startswith("it welcomed the talks")


def test_a_quoted_speech_act_after_said_is_still_its_own_statement():
    body = 'The envoy said Berlin had promised to send "more tanks within weeks".'
    assert [n for n, _, _ in said(body)] == ["Berlin"]


def test_negated_reporting_verb_reports_no_statement():
    body = ("Lisbon has set aside EUR 2 billion, though the government has not said how much "
            "has been spent. The army never said whether the depot was hit. The agency hasn't "
            "said when the port will reopen.")
    assert said(body) == []


def test_relative_clause_between_speaker_and_verb_is_skipped():
    body = ("Marta Kovacs, 61, who lives above the bakery, told reporters that the blast shattered "
            "every window on the street.")
    assert said(body) == [("Marta Kovacs", "indirect",
                           "the blast shattered every window on the street")]


def test_organisation_named_like_a_role_is_not_its_spokesman():
    body = ("Twelve people were pulled from the rubble, the Civil Defence said. Four were "
            "children.\n\n"
            '"We worked through the night," Civil Defence spokesman Omar Haddad told reporters.')
    names = [n for n, _, _ in said(body)]
    assert names == ["Civil Defence", "Omar Haddad"]


def test_role_noun_does_not_resolve_to_someone_named_only_later():
    body = ("- Shelling killed a man in Brovary on Monday, the regional governor said.\n\n"
            "Later, in the west, a drone hit a warehouse, governor Ivan Tkach said.")
    first = statements(body)[0]
    assert first.speaker.name != "Ivan Tkach"


def test_assessed_that_reports_an_analysts_clause():
    body = ("The Centre for Strategic Study assessed in its June 12 report that the army is "
            "likely to attack from the north.")
    (st,) = statements(body)
    assert st.speaker.name == "Centre for Strategic Study"
    assert st.text == "the army is likely to attack from the north"
    assert st.date == "2024-06-12"


def test_announced_sum_with_adjectives_in_it_is_not_a_statement():
    body = ("Austria announced EUR 40 million for demining, to be spent through the so-called "
            "trust model. Canada announced 20 armoured vehicles built in Ontario.")
    assert said(body) == []


def test_confirmed_clause_with_a_past_tense_verb_is_still_a_statement():
    body = "The ministry confirmed the convoy reached the border at dawn."
    assert said(body) == [("ministry", "indirect", "the convoy reached the border at dawn")]


# --- when it was said -------------------------------------------------------------------

LIVE_BLOG = """15.30 GMT

Austria will give EUR 20m for generators, the foreign ministry in Vienna said.

14.10 GMT

"We cannot spare our batteries," a government spokesperson in Lisbon said.
"""


def test_live_blog_entries_are_dated_by_the_blog_day():
    sts = statements(LIVE_BLOG, "2025-02-03")
    assert len(sts) == 2
    assert {s.date for s in sts} == {"2025-02-03"}


def test_one_time_heading_alone_does_not_date_statements():
    body = "15.30 GMT\n\nAustria will give EUR 20m for generators, the foreign ministry said."
    assert statements(body, "2025-02-03")[0].date is None


PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Ministry Announces New Aid for Moldova

Feb. 4, 2025

Today the ministry announces new support for Moldova's grid.

"This help arrives when it is most needed," said Minister Anna Reyes.
"""


def test_press_release_date_line_dates_its_statements():
    (st,) = statements(PRESS_RELEASE, "2025-02-05")
    assert st.speaker.name == "Anna Reyes"
    assert st.date == "2025-02-04"


def test_stale_date_line_is_not_the_occasion():
    body = PRESS_RELEASE.replace("Feb. 4, 2025", "Jan. 4, 2024")
    assert statements(body, "2025-02-05")[0].date is None


def test_said_the_next_day_counts_from_the_day_named_before():
    body = ("On Tuesday, a missile hit a school in Dovrin, killing four people.\n\n"
            '"There was nothing military here," the mayor, Olha Sirko, said the next day.')
    (st,) = statements(body, "2024-06-14")
    assert st.date == "2024-06-12"   # Tuesday is 11 June


def test_two_days_later_counts_two_days():
    body = ("The dam was hit on June 3, 2024.\n\n"
            "The operator said two days later that repairs had begun.")
    (st,) = statements(body, "2024-06-14")
    assert st.date == "2024-06-05"
