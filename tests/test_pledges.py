"""Pledges: donor, item, quantity, value, recipient and status from commitment phrases."""
from __future__ import annotations

from generator.extract.actors import find_actors, lookup
from generator.extract.pledges import extract_pledges
from generator.model import Article, ArticleMeta, Evidence, Speaker, Statement
from generator.text import split_sentences


def pledges_of(text: str, date: str = "2023-03-01", statements=()):
    article = Article(ArticleMeta("t", "t", date, "t.txt"), text, split_sentences(text))
    return extract_pledges(article, list(statements))


def one(text: str, **kw):
    found = pledges_of(text, **kw)
    assert len(found) == 1, [(p.donor.name, p.item) for p in found]
    return found[0]


# --- commitments ------------------------------------------------------------------------

def test_finite_pledge_verb_gives_donor_item_quantity_and_recipient():
    p = one("Norway pledged 12 Leopard 2 tanks to Ukraine on Friday.")
    assert (p.donor.name, p.donor.country) == ("Norway", "NO")
    assert p.item == "Leopard 2 tanks" and p.quantity == 12
    assert p.recipient.name == "Ukraine"
    assert p.date == "2023-02-24" and p.status == "pledged"


def test_model_number_inside_item_name_is_not_a_quantity():
    p = one("Britain will send Challenger 2 tanks to Ukraine.")
    assert p.item == "Challenger 2 tanks" and p.quantity is None


def test_agreed_to_provide_with_recipient_before_the_item():
    p = one("The Swedish government agreed to provide Ukraine with Archer artillery systems.")
    assert p.donor.name == "Sweden" and p.recipient.name == "Ukraine"
    assert p.item == "Archer artillery systems"


def test_capital_as_metonym_and_money_value_with_package_item():
    p = one("Washington announced a $1.2 billion military aid package for Kyiv.")
    assert p.donor.name == "United States" and p.recipient.name == "Ukraine"
    assert p.value.amount == 1_200_000_000 and p.value.currency == "USD"
    assert "package" in p.item and p.status == "announced"


def test_loan_approved_by_organisation():
    p = one("The IMF approved a $3 billion loan for Sri Lanka.")
    assert p.donor.name == "International Monetary Fund" and p.donor.kind == "organization"
    assert p.item == "loan" and p.value.amount == 3e9 and p.status == "approved"
    assert p.recipient.name == "Sri Lanka"


def test_money_in_aid_takes_the_aid_as_item_and_euros_as_currency():
    p = one("The Netherlands said it would provide €1.5bn in military aid to Ukraine.")
    assert p.donor.name == "Netherlands"        # "it" resolves to the subject before it
    assert p.item == "military aid" and p.value.currency == "EUR" and p.value.amount == 1.5e9


def test_money_without_a_thing_is_funding():
    p = one("Kuwait pledged $25 million to Jordan.")
    assert p.item == "funding" and p.value.amount == 25e6


def test_number_words_count_items():
    p = one("Portugal will donate three Leopard tanks to Ukraine.")
    assert p.quantity == 3


def test_another_of_its_counts_one():
    p = one("Spain has also committed to providing Ukraine with another of its Hawk air defence batteries.")
    assert p.quantity == 1 and "batteries" in p.item


def test_unit_noun_is_not_a_quantity():
    p = one("Finland offered to provide a squadron of tanks to Ukraine.")
    assert p.item == "tanks" and p.quantity is None


# --- donors -----------------------------------------------------------------------------

def test_coordinated_donors_make_one_pledge_each():
    found = pledges_of("Latvia and Estonia agreed to send two howitzers to Ukraine.")
    assert sorted(p.donor.name for p in found) == ["Estonia", "Latvia"]
    assert all(p.quantity == 2 for p in found)


def test_pledges_from_several_donors_with_recipient_as_subject_of_won():
    found = pledges_of("Moldova won pledges from Romania and France to supply air defence radars.")
    assert sorted(p.donor.name for p in found) == ["France", "Romania"]
    assert all(p.recipient.name == "Moldova" and p.item == "air defence radars" for p in found)


def test_pledge_by_noun_with_infinitive_item():
    p = one("The move follows a pledge by Canada to send armoured vehicles to Ukraine.")
    assert p.donor.name == "Canada" and p.item == "armoured vehicles"


def test_possessive_offer_names_the_donor():
    p = one("Diplomats welcomed Greece's offer of six howitzers to Ukraine.")
    assert p.donor.name == "Greece" and p.quantity == 6


def test_institution_with_demonym_is_its_country_and_keeps_the_person():
    p = one("Danish Defence Minister Jakob Ellemann said Denmark would deliver 19 jets to Ukraine.")
    assert p.donor.name == "Denmark"
    p = one("Belgian Prime Minister Alexander De Croo pledged 30 drones to Ukraine.")
    assert p.donor.name == "Belgium" and p.donor.person == "Alexander De Croo"


def test_demonym_alone_is_not_a_donor():
    assert pledges_of("Russian officials said German tanks would burn.") == []


def test_collective_donors_are_kept_by_their_description():
    p = one("International donors pledged $2 billion to help Pakistan rebuild.")
    assert p.donor.name == "International donors" and p.recipient.name == "Pakistan"


def test_we_in_a_quote_is_the_speakers_country():
    text = '"We will send four more tanks to Ukraine," the Polish president Andrzej Duda said.'
    quote = Statement(Speaker("Andrzej Duda", role="Polish president"), "We will send four more tanks",
                      "direct", "said", None, Evidence(0, 1, 43))
    p = one(text, statements=[quote])
    assert p.donor.name == "Poland" and p.donor.person == "Andrzej Duda" and p.quantity == 4


def test_passive_agent_is_the_donor():
    found = pledges_of("The battery will be assembled from parts provided by Norway and other allies.")
    assert {p.donor.name for p in found} == {"Norway", "other allies"}


def test_gapped_second_donor_with_its_own_amount():
    found = pledges_of("Qatar pledged $40 million to Sudan and Oman $5 million.")
    assert {(p.donor.name, p.value.amount) for p in found} == {("Qatar", 40e6), ("Oman", 5e6)}
    assert all(p.recipient.name == "Sudan" for p in found)


# --- what is not a pledge ---------------------------------------------------------------

def test_pledge_of_allegiance_campaign_promise_and_vow_are_not_pledges():
    text = ("Pupils recited the pledge of allegiance. The candidate promised to cut taxes. "
            "Hezbollah vowed revenge for the killing. Iran vowed to retaliate against Israel.")
    assert pledges_of(text) == []


def test_questions_requests_and_refusals_are_not_pledges():
    text = ("No decision has been made on whether Austria will send tanks. "
            "Latvia urged Germany to send more tanks to Ukraine. "
            "Hungary refused to send weapons to Ukraine. Italy could send jets later.")
    assert pledges_of(text) == []


def test_troops_sent_to_a_place_are_a_deployment_not_a_pledge():
    assert pledges_of("Russia will send more troops to the front line in the east.") == []


def test_political_support_and_sanctions_are_not_items():
    text = ("France pledged its full support to Ukraine. "
            "The European Union agreed a new sanctions package against Russia.")
    assert pledges_of(text) == []


def test_weapons_described_as_supplied_in_a_battle_are_not_pledged():
    assert pledges_of("Russian forces destroyed tanks provided by Western countries.") == []


def test_condition_after_the_item_makes_the_pledge_conditional():
    p = one("Slovakia will send MiG-29 jets to Ukraine if Poland does the same.")
    assert p.status == "conditional"


# --- one pledge, several mentions ---------------------------------------------------------

def test_later_mention_of_same_donor_and_item_kind_merges_and_fills_quantity():
    text = ("Ireland and Austria announced they will give helicopters to Ukraine. "
            "Officials said Austria would provide 6 helicopters to Ukraine.")
    found = pledges_of(text)
    assert sorted((p.donor.name, p.quantity) for p in found) == [("Austria", 6), ("Ireland", None)]


def test_implied_recipient_is_the_articles_usual_recipient():
    text = ("Lithuania will send two NASAMS launchers to Ukraine. "
            "Estonia has also offered to provide howitzers.")
    found = {p.donor.name: p for p in pledges_of(text)}
    assert found["Estonia"].recipient.name == "Ukraine"


def test_one_each_takes_the_item_named_before():
    text = "The deal covers three Patriot batteries; Greece, Spain and Norway will supply one each."
    found = pledges_of(text)
    assert sorted(p.donor.name for p in found) == ["Greece", "Norway", "Spain"]
    assert all(p.quantity == 1 and p.item == "Patriot batteries" for p in found)


def test_evidence_covers_the_clause_of_the_pledge():
    text = "Officials met on Monday. Chile will send 5 trucks to Peru, the minister said."
    p = one(text)
    assert text[p.evidence.start:p.evidence.end] == "Chile will send 5 trucks"
    assert p.evidence.sentence == 1


# --- actors -------------------------------------------------------------------------------

def test_short_country_forms_are_names_not_demonyms():
    forms = {m.text: m.form for m in find_actors("The UK and the U.S. met.")}
    assert forms == {"UK": "name", "U.S.": "name"}


def test_european_commission_is_its_own_organisation():
    assert lookup("European Commission").name == "European Commission"
    assert lookup("EU").name == "European Union"


def test_geonames_country_names_resolve_to_the_table_actor():
    assert lookup("The Netherlands") == lookup("Netherlands")
