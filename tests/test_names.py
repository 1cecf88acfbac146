"""Speaker phrases: name/role split, kinds, and coreference (pronouns, role nouns, surnames).

Names are invented for the tests.
"""
from __future__ import annotations

import pytest

from generator.extract.coref import Entities
from generator.extract.names import parse_mention


def test_role_before_name_is_split_off():
    m = parse_mention("Ukrainian President Petro Ivanenko")
    assert (m.name, m.role, m.kind) == ("Petro Ivanenko", "Ukrainian President", "person")


def test_possessive_country_and_multiword_title_stay_in_role():
    m = parse_mention("Germany\u2019s Defence Minister Klaus Richter")
    assert (m.name, m.role) == ("Klaus Richter", "Germany\u2019s Defence Minister")


def test_appositive_role_after_name():
    m = parse_mention("Pavlo Hnatenko, the governor of Sumy region")
    assert (m.name, m.role) == ("Pavlo Hnatenko", "governor of Sumy region")


def test_appositive_name_after_role():
    m = parse_mention("the regional governor, Oksana Bilyk")
    assert (m.name, m.role, m.kind) == ("Oksana Bilyk", "regional governor", "person")


def test_title_with_of_before_name():
    m = parse_mention("Secretary of State John K. Miller III")
    assert (m.name, m.role) == ("John K. Miller III", "Secretary of State")


def test_name_particles_belong_to_the_name():
    m = parse_mention("Commission President Greta van der Berg")
    assert m.name == "Greta van der Berg"


def test_honorific_is_dropped_and_gives_gender():
    m = parse_mention("Ms Lindqvist")
    assert (m.name, m.gender, m.kind) == ("Lindqvist", "f", "person")


@pytest.mark.parametrize("phrase,name,kind", [
    ("the General Staff", "General Staff", "organization"),
    ("Ukraine's General Staff", "Ukraine's General Staff", "organization"),
    ("the Ukrainian military", "Ukrainian military", "organization"),
    ("Lebanon's health ministry", "Lebanon's health ministry", "organization"),
    ("the Kremlin", "Kremlin", "organization"),
    ("the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "organization"),
    ("the IDF", "IDF", "organization"),
    ("police", "police", "organization"),
    ("the governor", "governor", "office"),
    ("a government spokesperson", "government spokesperson", "office"),
])
def test_kind_of_speaker(phrase, name, kind):
    m = parse_mention(phrase)
    assert (m.name, m.kind) == (name, kind)


def test_anonymous_sources_are_generic():
    for phrase in ("officials", "Western officials", "sources", "analysts"):
        assert parse_mention(phrase).generic


def test_pronouns_are_recognised():
    m = parse_mention("She")
    assert (m.kind, m.gender) == ("pronoun", "f")


# --- coreference -----------------------------------------------------------------

def test_bare_surname_resolves_to_full_name():
    ents = Entities()
    ents.resolve(parse_mention("Foreign Minister Dmytro Lysenko"))
    ent = ents.resolve(parse_mention("Lysenko"))
    assert (ent.name, ent.role) == ("Dmytro Lysenko", "Foreign Minister")


def test_surname_spelling_variant_resolves_to_same_person():
    ents = Entities()
    ents.resolve(parse_mention("President Oleksandr Zhytomyrskiy"))
    assert ents.resolve(parse_mention("Zhytomyrsky")).name == "Oleksandr Zhytomyrskiy"


def test_pronoun_resolves_by_gender():
    ents = Entities()
    ents.resolve(parse_mention("Ms Lindqvist"))
    ents.resolve(parse_mention("Mr Vester"))
    assert ents.resolve(parse_mention("she")).name == "Lindqvist"
    ents.resolve(parse_mention("Lindqvist"))
    assert ents.resolve(parse_mention("he")).name == "Vester"


def test_role_noun_resolves_to_matching_title_and_country():
    ents = Entities()
    ents.resolve(parse_mention("Dutch Prime Minister Pieter de Wit"))
    ents.resolve(parse_mention("Danish Defence Minister Lars Holm"))
    assert ents.resolve(parse_mention("the Dutch leader")).name == "Pieter de Wit"
    assert ents.resolve(parse_mention("the defence minister")).name == "Lars Holm"


def test_role_noun_with_of_uses_its_head():
    ents = Entities()
    ents.resolve(parse_mention("the head of the regional administration, Ihor Lutsenko"))
    assert ents.resolve(parse_mention("the head of the region")).name == "Ihor Lutsenko"


def test_organisation_noun_resolves_to_organisation_named_before():
    ents = Entities()
    ents.resolve(parse_mention("Ukraine's General Staff"))
    assert ents.resolve(parse_mention("the military")).name == "Ukraine's General Staff"
    ents.resolve(parse_mention("Lebanon's health ministry"))
    assert ents.resolve(parse_mention("the ministry")).name == "Lebanon's health ministry"


def test_it_resolves_to_last_organisation():
    ents = Entities()
    ents.resolve(parse_mention("Minister Olha Savchuk"))
    ents.resolve(parse_mention("the Red Cross"))
    assert ents.resolve(parse_mention("it")).name == "Red Cross"


def test_title_scan_finds_names_mentioned_in_passing():
    ents = Entities()
    ents.scan_titles("The talks were hosted by Defense Secretary Robert T. Hale at the base.")
    assert ents.resolve(parse_mention("Hale")).name == "Robert T. Hale"
