"""Packages and their parts, sums named by their purpose, and who an unnamed institution or
an unaddressed pledge belongs to (round 5 classes)."""
from __future__ import annotations

from generator.extract.pledges import extract_pledges
from generator.model import Article, ArticleMeta
from generator.text import split_sentences


def pledges_of(text: str, date: str = "2024-05-01"):
    article = Article(ArticleMeta("t", "t", date, "t.txt"), text, split_sentences(text))
    return extract_pledges(article, [])


def items(found):
    return {p.item: p for p in found}


def test_package_worth_a_sum_keeps_the_sum_and_its_listed_parts_are_pledges():
    got = items(pledges_of("Spain will send Ukraine a package worth 200 million euros, including "
                           "six Hawk launchers and 40 trucks."))
    assert got["package"].value.amount == 200e6
    assert got["Hawk launchers"].quantity == 6 and got["Hawk launchers"].value is None
    assert got["trucks"].quantity == 40


def test_package_which_includes_lists_its_parts():
    got = items(pledges_of("Poland approved a €300 million package for Moldova that includes 12 "
                           "Krab howitzers."))
    assert got["package"].value.amount == 300e6
    assert got["Krab howitzers"].quantity == 12
    assert got["Krab howitzers"].donor.name == "Poland"


def test_parts_of_a_package_each_with_its_own_sum():
    text = ("Denmark unveiled a new aid package for Ukraine. The package includes $300 million for "
            "artillery shells, mostly for older guns, and $200 million to rebuild schools.")
    got = items(pledges_of(text))
    assert got["artillery shells"].value.amount == 300e6
    assert got["rebuild schools"].value.amount == 200e6
    assert got["aid package"].value is None       # the parts' sums are not the package's
    assert not any(i.startswith("mostly") for i in got)


def test_bare_sum_is_named_by_what_it_pays_for():
    [p] = pledges_of("Austria will put €40m towards repairing Ukraine's water network before winter.")
    assert p.donor.name == "Austria" and p.value.amount == 40e6
    assert p.item == "funding towards repairing Ukraine's water network"


def test_sum_lent_is_a_loan():
    [p] = pledges_of("The G7 agreed to lend Ukraine a further $25bn.")
    assert p.item == "loan" and p.value.amount == 25e9


def test_three_word_commit_verb_signs_off_a_package():
    [p] = pledges_of("Belgium on Friday signed off on a €90 million package for Ukraine.")
    assert p.donor.name == "Belgium" and p.value.amount == 90e6


def test_unnamed_cabinet_is_the_country_of_the_sentence_before():
    text = ("Rome refused to send long-range missiles. The cabinet on Monday approved a "
            "€60 million package for Ukraine.")
    [p] = pledges_of(text)
    assert p.donor.name == "Italy"


def test_reported_progressive_in_the_past_is_a_pledge():
    [p] = pledges_of("The minister said Finland was also sending 12 more howitzers to Ukraine.")
    assert p.donor.name == "Finland" and p.quantity == 12


def test_country_in_a_time_clause_or_as_a_firms_modifier_is_no_recipient():
    [p] = pledges_of("Latvia announced an aid package worth €30 million, its largest since Russia's "
                     "invasion.")
    assert p.recipient is None or p.recipient.name != "Russia"
    found = pledges_of("Estonia will send radars built with U.S. defense firm Raytheon.")
    assert all(p.recipient is None or p.recipient.name != "United States" for p in found)


def test_unaddressed_pledges_go_to_the_country_the_article_is_about():
    text = ("Ukraine needs more air defence. Ukraine's cities are under fire every night. "
            "Officials in Ukraine say the grid is failing.\n\nLithuania will send 20 generators.")
    [p] = pledges_of(text)
    assert p.recipient is not None and p.recipient.name == "Ukraine"


def test_collective_summary_gives_way_to_the_named_donors_of_the_same_things():
    text = ("Ukraine's Western allies promised new drones on Wednesday. "
            "Britain will send 500 drones to Ukraine.")
    assert {p.donor.name for p in pledges_of(text)} == {"United Kingdom"}


def test_lines_of_one_list_are_separate_pledges_even_of_one_kind():
    text = ("Canada announced a $100 million package for Ukraine.\n\n"
            "The package includes:\n\n"
            "- Stinger missiles;\n"
            "- Javelin missiles;\n"
            "- 20 trucks.\n")
    got = items(pledges_of(text))
    assert {"Stinger missiles", "Javelin missiles"} <= set(got)


def test_donor_line_sum_is_named_by_what_it_is_for():
    text = ("Donors pledged the following:\n\n"
            "- Norway: 40 million kroner for food aid and water;\n"
            "- Ireland: €5 million.\n")
    got = {p.donor.name: p for p in pledges_of(text)}
    assert got["Norway"].item == "food aid" and got["Norway"].value.amount == 40e6
    assert got["Ireland"].item == "funding"
