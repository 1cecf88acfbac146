"""Statements extractor: attribution patterns, modes, speakers, dates, evidence offsets.

Every sentence here is written for the test; names are invented or generic.
"""
from __future__ import annotations

import pytest

from generator.extract.statements import extract_statements
from helpers import article


def statements(body: str, date: str | None = "2023-02-03"):
    return extract_statements(article(body, date))


def only(body: str, date: str | None = "2023-02-03"):
    found = statements(body, date)
    assert len(found) == 1, [(s.speaker.name, s.text) for s in found]
    return found[0]


# --- direct quotes ------------------------------------------------------------------

def test_quote_before_inverted_attribution_with_appositive_role():
    s = only('"We will not retreat from the river," said Oleh Marchenko, the mayor of Lozova.')
    assert s.mode == "direct"
    assert s.text == "We will not retreat from the river,"
    assert s.speaker.name == "Oleh Marchenko"
    assert s.speaker.role == "the mayor of Lozova" or s.speaker.role == "mayor of Lozova"
    assert s.verb == "say"


def test_attribution_before_quote_with_colon():
    s = only('Defence Minister Anna Kovalenko said: "The front line is holding."')
    assert (s.mode, s.speaker.name, s.speaker.role) == ("direct", "Anna Kovalenko", "Defence Minister")
    assert s.text == "The front line is holding."


def test_split_quote_gives_two_statements_by_one_speaker():
    body = ('Mayor Ivan Sokol spoke after the attack. "The situation is difficult," he said, '
            '"but the water supply will be restored by evening."')
    found = statements(body)
    assert [s.text for s in found] == ["The situation is difficult,",
                                       "but the water supply will be restored by evening."]
    assert {s.speaker.name for s in found} == {"Ivan Sokol"}
    assert all(s.mode == "direct" for s in found)


def test_curly_quote_closed_by_double_prime_or_straight_mark():
    body = ("\u201cThe jets will change the balance in the sky,\u2033 Colonel Petro Danko said. "
            "Danko added that training \u201cwill take months.\"")
    first, second = statements(body)
    assert first.mode == "direct" and first.text.startswith("The jets will change")
    assert second.mode == "partial" and second.speaker.name == "Petro Danko"


def test_british_single_quotes_keep_apostrophes_inside():
    s = only("A Foreign Office spokesperson said: \u2018The UK\u2019s support won\u2019t waver.\u2019")
    assert s.mode == "direct"
    assert s.text == "The UK\u2019s support won\u2019t waver."


def test_nested_quote_stays_inside_its_parent():
    s = only("\u201cMy commander told me \u2018hold the bridge\u2019 and we held it,\u201d "
             "Sergeant Yuriy Bondar said.")
    assert s.mode == "direct"
    assert "\u2018hold the bridge\u2019" in s.text


def test_quote_running_over_paragraphs_is_one_statement():
    body = ('General Mykola Hrytsenko said: "The enemy lost two battalions near the river.\n\n'
            '"Our units are regrouping and will return to the offensive."')
    s = only(body)
    assert s.mode == "direct"
    assert s.text == ("The enemy lost two battalions near the river. "
                      "Our units are regrouping and will return to the offensive.")


def test_standalone_quote_paragraph_continues_previous_speaker():
    body = ('"The bridge is closed to traffic," Governor Lina Moroz said.\n\n'
            '"Repairs will take at least a week."')
    first, second = statements(body)
    assert second.speaker.name == first.speaker.name == "Lina Moroz"
    assert second.mode == "direct"


def test_dash_signed_passage_is_direct():
    body = ("Governor Lina Moroz posted an update. Power is back in most districts. "
            "Crews are still working in the north - Moroz wrote on Telegram.")
    found = statements(body)
    s = found[-1]
    assert s.speaker.name == "Lina Moroz" and s.mode == "direct"
    assert "Power is back" in s.text and "Crews are still working" in s.text


def test_quote_signed_with_dash_and_name():
    s = only('"We will rebuild every school." \u2014 Mayor Ivan Sokol.')
    assert (s.speaker.name, s.mode) == ("Ivan Sokol", "direct")


# --- indirect and partial speech ---------------------------------------------------------

def test_partial_quote_inside_reported_speech_is_one_partial_statement():
    s = only('Minister Anna Kovalenko said the strike was "a war crime" and would "not go unanswered."')
    assert s.mode == "partial"
    assert s.text.startswith("the strike was")
    assert "not go unanswered" in s.text


@pytest.mark.parametrize("verb,lemma", [
    ("said", "say"), ("warned", "warn"), ("insisted", "insist"), ("denied", "deny"),
    ("stressed", "stress"), ("noted", "note"), ("claimed", "claim"), ("added", "add"),
    ("announced", "announce"), ("reported", "report"),
])
def test_indirect_speech_after_reporting_verb(verb, lemma):
    s = only(f"Mayor Ivan Sokol {verb} that the city had enough generators for the winter.")
    assert (s.mode, s.verb, s.speaker.name) == ("indirect", lemma, "Ivan Sokol")
    assert s.text == "the city had enough generators for the winter"


def test_reporting_clause_after_the_content():
    s = only("Air defences shot down 20 of the 25 drones launched overnight, the military said.")
    assert s.mode == "indirect"
    assert s.text == "Air defences shot down 20 of the 25 drones launched overnight"
    assert s.speaker.name.lower().endswith("military")
    assert s.speaker.kind == "organization"


def test_parenthetical_attribution_before_content():
    s = only("At the same time, the General Staff said, enemy assaults near the town had failed.")
    assert s.speaker.name == "General Staff"
    assert s.text == "enemy assaults near the town had failed"


def test_according_to_before_and_after():
    a = only("According to the regional administration, three people were injured in the blast.")
    b = only("Three people were injured in the blast, according to police.")
    assert a.speaker.name == "regional administration" and a.text.startswith("three people")
    assert b.speaker.name == "police" and b.text.startswith("Three people")
    assert a.mode == b.mode == "indirect"


def test_quoted_as_saying_names_speaker_and_relay():
    s = only("TASS quoted Deputy Foreign Minister Ivan Orlov as saying that talks were possible.")
    assert (s.speaker.name, s.via) == ("Ivan Orlov", "TASS")
    assert s.text == "talks were possible"


def test_told_reuters_keeps_outlet_as_via():
    s = only("Governor Lina Moroz told Reuters that five drones had been shot down.")
    assert (s.speaker.name, s.verb, s.via) == ("Lina Moroz", "tell", "Reuters")
    assert s.text == "five drones had been shot down"


@pytest.mark.parametrize("clause", [
    "wrote on Telegram", "said in a statement", "said in his nightly video address",
    "told reporters on Friday", "said in a post on X",
])
def test_occasion_between_verb_and_content_is_skipped(clause):
    s = only(f"President Marko Hlib {clause} that the grid had been repaired.")
    assert s.text == "the grid had been repaired"
    assert s.speaker.name == "Marko Hlib"


def test_participle_adds_a_statement_by_the_same_speaker():
    body = ('Rescuers pulled four people from the rubble, the emergency service said, adding, '
            '"The search will continue through the night."')
    first, second = statements(body)
    assert first.mode == "indirect" and second.mode == "direct"
    assert first.speaker.name == second.speaker.name


def test_noun_object_of_confirm_is_not_a_statement():
    assert statements("Prime Minister Jan Vester confirmed the visit during a call with allies.") == []


def test_speech_act_verb_needs_quoted_words():
    assert statements("President Marko Hlib thanked the allies for their help.") == []
    s = only("President Marko Hlib thanked the allies for decisions \u201cthat save lives.\u201d")
    assert s.mode == "partial"


def test_headlines_captions_and_scare_quotes_are_not_statements():
    body = ("Mayor says city will hold\n\n"
            "Photo: Rescuers at the site of the strike, Reuters said.\n\n"
            'The so-called "referendum" was held in September.')
    assert statements(body) == []


# --- speakers ---------------------------------------------------------------------

def test_pronoun_resolves_to_last_named_speaker():
    body = ("Foreign Minister Dmytro Lysenko met his counterpart in Warsaw. "
            "He said the talks had been productive.")
    s = only(body)
    assert s.speaker.name == "Dmytro Lysenko"


def test_bare_surname_resolves_to_full_name_used_earlier():
    body = ("Defence Minister Anna Kovalenko visited the front. "
            "Kovalenko said the troops needed more shells.")
    assert only(body).speaker.name == "Anna Kovalenko"


def test_role_noun_resolves_to_person_with_that_title():
    body = ("Polish President Adam Nowicki arrived in Kyiv on Monday. "
            '"We stand with you," the Polish leader said.')
    s = only(body)
    assert s.speaker.name == "Adam Nowicki"


def test_organisation_noun_resolves_to_organisation_named_before():
    body = ("Ukraine's Defence Ministry said 12 missiles were shot down. "
            "Two more hit an energy facility, the ministry said.")
    first, second = statements(body)
    assert second.speaker.name == first.speaker.name


# --- dates and evidence -------------------------------------------------------------

def test_weekday_in_attribution_resolves_against_article_date():
    s = only("Mayor Ivan Sokol said on Tuesday that schools would reopen.", date="2023-02-03")
    assert (s.date, s.date_precision) == ("2023-01-31", "day")


def test_date_in_reported_words_is_not_the_date_said():
    body = ("The siege began in the spring.\n\n"
            "Mayor Ivan Sokol said the bridge was destroyed on Monday.")
    s = only(body, date="2023-02-03")
    assert s.date != "2023-01-30"


def test_evidence_offsets_cover_the_statement_text():
    body = 'Police were at the scene. "Nobody was hurt," police said.'
    a = article(body, "2023-02-03")
    s = extract_statements(a)[0]
    assert body[s.evidence.start:s.evidence.end] == s.text
    assert a.sentences[s.evidence.sentence].start <= s.evidence.start


def test_plural_possessive_inside_single_quotes_does_not_close_the_quote():
    s = only("\u2018The soldiers\u2019 families deserve answers,\u2019 the MP said.")
    assert s.text == "The soldiers\u2019 families deserve answers,"


def test_source_line_names_the_speaker_of_a_labelled_quote():
    body = ("Source: Olena Hrebeniuk, Head of Sumy Oblast Military Administration, on Telegram\n\n"
            'Quote: "Two drones hit a school. Nobody was inside."\n\n'
            "Later, Hrebeniuk reported that the fire had been put out.")
    first, second = statements(body)
    assert first.speaker.name == second.speaker.name == "Olena Hrebeniuk"
    assert first.mode == "direct" and second.mode == "indirect"


def test_citing_makes_the_cited_source_the_speaker_and_the_outlet_the_relay():
    s = only("Two people were killed in the shelling, Interfax reported, citing the regional police.")
    assert (s.speaker.name, s.via) == ("regional police", "Interfax")


def test_writer_comment_after_reported_words_is_cut():
    s = only("The ministry said the attack had been repelled, without providing evidence.")
    assert s.text == "the attack had been repelled"
