"""Statements in the less common shapes news prose gives them: interview transcripts, documents
that "read", coordinated reporting verbs, roles written in lower case, speakers named only in
passing, and the dates of such statements.

Every sentence here is written for the test; names are invented or generic.
"""
from __future__ import annotations

from generator.extract.statements import extract_statements
from helpers import article


def statements(body: str, date: str | None = "2024-03-07"):
    return extract_statements(article(body, date))


def said(body: str, date: str | None = "2024-03-07") -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.text) for s in statements(body, date)]


# --- interview transcripts ------------------------------------------------------------

INTERVIEW = """Petra Hollis runs the only bakery still open in Dovrin. We spoke by phone on Tuesday, 5 March.

**How are supplies?**

**Hollis:** Flour comes once a week. Sometimes it does not come at all.

**Will you stay?**

**Hollis:** Yes. Where would I go?
"""


def test_labelled_interview_answers_are_direct_statements_of_the_interviewee():
    found = statements(INTERVIEW)
    assert [(s.speaker.name, s.mode, s.text) for s in found] == [
        ("Petra Hollis", "direct", "Flour comes once a week. Sometimes it does not come at all."),
        ("Petra Hollis", "direct", "Yes. Where would I go?"),
    ]


def test_interview_answers_are_dated_by_the_interview_in_the_introduction():
    assert {s.date for s in statements(INTERVIEW)} == {"2024-03-05"}


def test_form_labels_and_strangers_are_not_interview_answers():
    body = ("The council met on Monday.\n\nSource: Dovrin council minutes.\n\n"
            "Note: figures are provisional and may change.\n\n"
            "Marlow: this paragraph names nobody introduced before it.\n")
    assert said(body) == []


# --- coordinated reporting verbs --------------------------------------------------------

def test_second_plain_reported_clause_after_and_warned_is_its_own_statement():
    found = said("The charity said its clinics had treated 60 patients since Friday, and warned "
                 "that the last generator could fail within days.")
    assert found == [
        ("charity", "indirect", "its clinics had treated 60 patients since Friday"),
        ("charity", "indirect", "the last generator could fail within days"),
    ]


def test_coordinated_clause_of_a_verb_that_reports_nothing_still_has_the_subject():
    found = said("The energy minister, Ivo Brandl, thanked the donors but warned that the "
                 "repairs would take years.")
    assert found == [("Ivo Brandl", "indirect", "the repairs would take years")]


def test_coordination_with_a_quoted_fragment_stays_one_statement():
    found = said('Brandl said the grid would "hold this winter" and vowed that the damaged '
                 'plants would be rebuilt.')
    assert len(found) == 1 and found[0][1] == "partial"
    assert found[0][2].endswith("the damaged plants would be rebuilt")


# --- speaker phrases ----------------------------------------------------------------------

def test_lower_case_role_before_a_name_in_an_inverted_attribution():
    found = said('"The roof went up in minutes," said station manager Neil Carrow.')
    assert found == [("Neil Carrow", "direct", "The roof went up in minutes,")]


def test_lower_case_role_before_a_name_after_the_reported_clause():
    found = said("Hail flattened the barley on two farms near Elsby, farmer Rhys Allard said.")
    assert found == [("Rhys Allard", "indirect",
                      "Hail flattened the barley on two farms near Elsby")]


def test_age_between_speaker_and_verb_is_skipped():
    found = said("Churchwarden Edith Morrow, 68, said she had just locked the vestry.")
    assert len(found) == 1 and found[0][0].endswith("Edith Morrow")
    assert found[0][2] == "she had just locked the vestry"


def test_role_with_a_plain_complement_before_an_appositive_name():
    found = said("Kent's head of rugby, Dana Whitcombe, said the pack had tired after an hour.")
    assert found == [("Dana Whitcombe", "indirect", "the pack had tired after an hour")]


def test_candidate_role_opening_a_long_appositive():
    found = statements("Campaigning in Elsby on Friday, the Green candidate for Elsby North, "
                       "Rowan Pike, promised that if elected she would cut bus fares.")
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Rowan Pike", "if elected she would cut bus fares")]


def test_parenthesised_acronym_between_speaker_and_verb():
    found = said("Two guards were wounded, the UN mission (UNMX) said in a post on X.")
    assert found == [("UN mission", "indirect", "Two guards were wounded")]


def test_short_reported_clause_before_a_closing_pronoun_attribution():
    found = said("Governor Lev Osin said four drones were shot down overnight. "
                 "No damage was recorded, he stressed.")
    assert found[-1] == ("Lev Osin", "indirect", "No damage was recorded")


def test_according_to_an_object_pronoun_is_the_person_just_named():
    found = said("Mayor Ilse Varro said the shelter was full. "
                 "According to her, the next bus leaves at noon.")
    assert found[-1] == ("Ilse Varro", "indirect", "the next bus leaves at noon")


# --- documents and organisations named in passing -------------------------------------------

def test_statement_from_an_organisation_read_is_that_organisations():
    found = said("The Ruritanian Ministry of Defence approved a new package on Monday. A "
                 "statement from the ministry read: \"Our support is long-term.\"")
    assert found == [("Ruritanian Ministry of Defence", "direct", "Our support is long-term.")]


def test_summary_read_is_the_organisation_that_issued_it():
    found = said('Fighting went on near Tarnow, the General Staff said in its evening summary. '
                 '"The enemy keeps attacking," the summary read.')
    assert [f[0] for f in found] == ["General Staff", "General Staff"]


def test_lender_refers_to_the_bank_named_in_the_same_sentence():
    body = ("The Nordic Development Bank approved a $90 million loan to Moldova, the lender said. "
            "Of the total, $20 million is a grant, the statement said.\n\n"
            "Elsewhere, the Andean Investment Bank approved a loan to Peru, the Lima-based "
            "lender said.")
    assert [f[0] for f in said(body)] == ["Nordic Development Bank", "Nordic Development Bank",
                                          "Andean Investment Bank"]


def test_bare_surname_subject_brings_back_a_person_named_in_passing():
    body = ("When Amina Kessel reached the market, it was crowded.\n\n"
            'The army said it had "neutralised a group of fighters" in the area.\n\n'
            'Kessel does not deny that armed men come. "They buy and leave," she said. '
            '"But on Monday they were not there."')
    found = said(body)
    assert [f[0] for f in found] == ["army", "Amina Kessel", "Amina Kessel"]


def test_quote_after_unresolved_speaker_does_not_go_to_an_earlier_one():
    body = ('The army said it had "secured the road".\n\n'
            'Nobody knew. "We wait," she said. "We always wait."')
    assert [f[0] for f in said(body)] == ["army"]


def test_attribution_ending_with_a_colon_takes_the_quote_in_the_next_paragraphs():
    body = ('Closing the debate, Linton said:\n\n"We agree on the goal.\n\n'
            '"We differ on the means."\n\nThe motion passed.')
    found = statements("Minister Cara Linton opened the session.\n\n" + body)
    assert [(s.speaker.name, s.mode, s.text) for s in found] == [
        ("Cara Linton", "direct", "We agree on the goal. We differ on the means.")]


# --- modes and dates --------------------------------------------------------------------------

def test_quoted_designation_does_not_make_a_statement_partial():
    found = said('Two missiles of the "Vortex-M" type hit a depot, the regional governor said.')
    assert found[0][1] == "indirect"


def test_date_after_an_appositive_speaker_dates_the_quote():
    found = statements('"Clinics are running out of fuel," said the coordinator for the region, '
                       'Jonas Brede, in a statement on 17 June. "The attacks must stop."',
                       date="2024-06-18")
    assert [s.date for s in found] == ["2024-06-17", "2024-06-17"]


def test_day_in_an_attributed_lead_dates_the_event():
    body = ("LONDON - MPs debated the floods on Tuesday, two days after the river burst its "
            "banks, according to the Environment Agency.\n\n"
            "Opening the debate, Minister Cara Linton said the army would help.")
    found = statements(body, date="2024-05-29")
    assert found[-1].date == "2024-05-28"


def test_office_introduced_by_title_alone_is_resumed_by_its_head_noun():
    found = said("The regional governor said three people were hurt. "
                 "The governor added that the fire was out.")
    assert [f[0] for f in found] == ["regional governor", "regional governor"]


def test_interviewer_labelled_by_outlet_or_asking_is_not_a_statement():
    body = ("Petra Hollis spoke to Reuters on Tuesday.\n\n"
            "**Reuters:** How are supplies holding up?\n\n"
            "**Hollis:** Badly. Flour comes once a week.\n\n"
            "**Hollis:** Will it last?\n")
    assert said(body) == [("Petra Hollis", "direct", "Badly. Flour comes once a week.")]


def test_role_before_an_appositive_name_after_an_inverted_verb():
    found = said('"The roof went up in minutes," said the station manager, Neil Carrow.')
    assert found == [("Neil Carrow", "direct", "The roof went up in minutes,")]


def test_lower_case_role_before_a_name_keeps_anonymous_plurals_anonymous():
    assert said('"It is over," said senior U.S. officials.')[0][0] == "senior U.S. officials"
    assert said('"It went up," said local farmer Rhys Allard.')[0][0] == "Rhys Allard"
