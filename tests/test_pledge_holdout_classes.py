"""Clause boundaries, list lead-ins and reporting verbs found while checking the pledge rules
on unseen articles (sentences written for these tests)."""
from __future__ import annotations

from generator.extract.pledges import extract_pledges
from generator.model import Article, ArticleMeta
from generator.text import split_sentences


def pledges_of(text: str, date: str = "2024-05-02"):
    article = Article(ArticleMeta("t", "t", date, "t.txt"), text, split_sentences(text))
    return extract_pledges(article, [])


def test_while_clause_names_the_next_donor_not_the_recipient():
    found = pledges_of("Allies pledged new air defences for Moldova on Tuesday. "
                       "Denmark pledged DKK 500 million for radar systems, to be bought through a "
                       "joint fund, while Finland, attending for the first time, said it would "
                       "send 12 armoured vehicles.")
    by = {p.donor.name: p for p in found}
    assert by["Denmark"].recipient is None or by["Denmark"].recipient.name != "Finland"
    assert by["Finland"].item == "armoured vehicles" and by["Finland"].quantity == 12


def test_announcements_lead_in_opens_a_donor_by_donor_list():
    text = ("Donors met in Oslo to fund the flood response in Pakistan.\n\n"
            "Among the announcements:\n\n"
            "- Canada: C$20 million in emergency aid\n\n"
            "- Ireland: €4 million\n")
    found = pledges_of(text)
    assert {p.donor.name for p in found} >= {"Canada", "Ireland"}
    assert {p.value.amount for p in found if p.donor.name == "Ireland"} == {4_000_000}


def test_confirmed_with_an_object_commits():
    found = pledges_of("The World Bank confirmed a loan of $200 million to Kenya for irrigation.")
    assert [(p.donor.name, p.recipient.name, p.value.amount) for p in found] == [
        ("World Bank", "Kenya", 200_000_000)]


def test_confirmed_that_only_reports_what_the_clause_says():
    found = pledges_of("The minister confirmed that the rockets, worth £40 million, will be "
                       "assembled in Wales.")
    assert found == []


def test_verb_joined_by_and_shares_the_first_verbs_subject():
    found = pledges_of("Japan would lend Jordan $300 million, as part of an IMF programme, and "
                       "would provide $20 million for water projects.")
    assert [p.donor.name for p in found] == ["Japan", "Japan"]


def test_sum_after_counted_items_is_a_gift_of_its_own():
    found = pledges_of("Estonia would send 12 more armoured ambulances and €5 million for "
                       "artillery ammunition.")
    got = sorted((p.item, p.quantity, p.value.amount if p.value else None) for p in found)
    assert ("armoured ambulances", 12, None) in got
    assert any("ammunition" in item and value == 5_000_000 for item, _, value in got)


def test_headline_country_tips_the_default_recipient():
    text = ("Ministers argued about Serbia for hours. Moldova asked for help. Moldova needs "
            "radars. Later, Estonia said it would send 12 armoured ambulances.")
    article = Article(ArticleMeta("t", "Donors weigh support for Moldova", "2024-05-02", "t.txt"),
                      text, split_sentences(text))
    found = extract_pledges(article, [])
    assert [p.recipient.name for p in found] == ["Moldova"]


def test_package_worth_a_sum_carries_the_value_not_its_listed_items():
    found = pledges_of("Sweden will deliver eight Archer howitzers and 40 CV90 vehicles to Ukraine "
                       "as part of a package worth SEK 7 billion.")
    by = {p.item: p for p in found}
    assert by["Archer howitzers"].quantity == 8 and by["Archer howitzers"].value is None
    assert by["package"].value.amount == 7_000_000_000


def test_package_named_after_its_sum_is_found_too():
    found = pledges_of("Poland will send 30 tanks to Ukraine as part of a $400 million package.")
    assert {(p.item, p.value.amount if p.value else None) for p in found} >= {("tanks", None)}
    assert any("package" in p.item and p.value and p.value.amount == 400_000_000 for p in found)
