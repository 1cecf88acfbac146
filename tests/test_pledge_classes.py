"""Pledge constructions beyond a single verb chain: donor lists, money to funds, counts in
words, shared commitments, grants and loans from lenders, releases from pooled funds."""
from __future__ import annotations

from generator.extract.pledges import extract_pledges
from generator.model import Article, ArticleMeta
from generator.text import split_sentences


def pledges_of(text: str, date: str = "2023-03-01"):
    article = Article(ArticleMeta("t", "t", date, "t.txt"), text, split_sentences(text))
    return extract_pledges(article, [])


def by_donor(found):
    return {p.donor.name: p for p in found}


def test_donor_lines_after_a_lead_in_are_each_a_pledge_by_that_donor():
    text = ("Ministers met in Vienna to raise money for Moldova's schools.\n\n"
            "Pledges made at the meeting included:\n\n"
            "- Austria: €30 million in grants for school repairs;\n"
            "- the Czech Republic: CZK 200 million;\n"
            "- Sweden: 40 prefabricated classrooms.\n")
    got = by_donor(pledges_of(text))
    assert set(got) == {"Austria", "Czech Republic", "Sweden"}
    assert got["Austria"].item == "grants" and got["Austria"].value.amount == 30e6
    assert got["Czech Republic"].item == "funding" and got["Czech Republic"].value.currency == "CZK"
    assert got["Sweden"].quantity == 40


def test_inline_semicolon_list_after_a_colon_gives_one_pledge_per_donor():
    text = ("Other donors pledged the following: Finland, €12 million for mine clearance; "
            "Ireland, €5 million; Portugal, 300 tents.")
    got = by_donor(pledges_of(text))
    assert {"Finland", "Ireland", "Portugal"} <= set(got)
    assert got["Ireland"].value.amount == 5e6 and got["Portugal"].item == "tents"


def test_lines_without_a_donor_lead_in_are_not_pledges():
    text = ("The report listed the damage:\n\n- Germany: two bridges destroyed;\n"
            "- Austria: €30 million in losses.\n")
    assert pledges_of(text) == []


def test_money_committed_to_a_named_fund_is_funding_not_the_fund_name():
    p = pledges_of("Finland committed €80 million to the Ukraine Recovery Support Fund on Monday.")
    assert len(p) == 1 and p[0].item == "funding" and p[0].value.amount == 80e6


def test_counts_written_in_words_including_compounds_and_a_dozen():
    found = pledges_of("Norway will send Ukraine thirty-two armoured personnel carriers and "
                       "a dozen mobile radar units.")
    qty = {p.item: p.quantity for p in found}
    assert qty.get("armoured personnel carriers") == 32
    assert any(q == 12 for q in qty.values())


def test_the_package_includes_continues_the_previous_pledge():
    text = ("Belgium will send Ukraine six Leopard tanks. The package also includes "
            "three thousand rounds of 155mm artillery ammunition supplied from army stocks, "
            "and several hundred small surveillance drones.")
    found = pledges_of(text)
    items = {p.item: p for p in found}
    assert all(p.donor.name == "Belgium" for p in found)
    ammo = [p for p in found if "ammunition" in p.item]
    assert ammo and ammo[0].quantity == 3000
    assert any("drones" in i for i in items)


def test_two_donors_that_will_jointly_pay_for_training_are_two_pledges():
    found = pledges_of("Sweden and Finland will jointly pay for the training of 150 Ukrainian pilots.")
    assert {p.donor.name for p in found} == {"Sweden", "Finland"}
    assert all(p.item == "training" for p in found)


def test_grant_from_a_country_inside_a_larger_loan():
    found = pledges_of("The World Bank approved a $400 million loan for Moldova. "
                       "Of that, $90 million is a grant from Norway.")
    got = by_donor(found)
    assert got["Norway"].item == "grant" and got["Norway"].value.amount == 90e6
    assert got["World Bank"].item == "loan"


def test_grant_agreement_signed_by_a_lender():
    p = pledges_of("The European Investment Bank signed a 25 million euro grant agreement "
                   "with the city of Chisinau.")
    assert len(p) == 1 and p[0].donor.name == "European Investment Bank"
    assert p[0].item == "grant" and p[0].value.amount == 25e6


def test_disbursement_unlocked_by_a_review_is_the_lenders():
    p = pledges_of("The IMF's board completed the second review of Egypt's programme, "
                   "allowing a disbursement of about $820 million.")
    assert len(p) == 1 and p[0].donor.name == "International Monetary Fund"
    assert p[0].item == "disbursement" and p[0].value.amount == 820e6


def test_money_released_from_a_pooled_fund_is_given_by_the_fund():
    p = pledges_of("The relief chief released $7 million from the Yemen Humanitarian Fund "
                   "for water partners in Taiz.")
    assert len(p) == 1 and p[0].donor.name == "Yemen Humanitarian Fund"
    assert p[0].value.amount == 7e6


def test_finite_disbursed_is_a_pledge_of_the_lender():
    p = pledges_of("The IMF disbursed $1.1 billion to Pakistan on Friday.")
    assert len(p) == 1 and p[0].donor.name == "International Monetary Fund"
    assert p[0].recipient.name == "Pakistan"


def test_signed_agreement_without_anything_given_is_not_a_pledge():
    assert pledges_of("Poland signed a defence agreement with Lithuania on Monday.") == []
    assert pledges_of("The ministry released a statement on Tuesday.") == []


def test_list_line_with_the_sum_right_after_the_donor_and_no_colon():
    text = ("New commitments announced on Friday:\n\n- Italy €45 million for demining;\n"
            "- Spain €20 million.\n")
    got = by_donor(pledges_of(text))
    assert set(got) == {"Italy", "Spain"} and got["Spain"].value.amount == 20e6


def test_prose_after_a_donor_list_ends_the_list():
    text = ("Pledges included:\n\nSlovakia: €8 million;\n\nLatvia: €2 million.\n\n"
            "Estonia said it would decide later whether to contribute.")
    assert {p.donor.name for p in pledges_of(text)} == {"Slovakia", "Latvia"}


def test_semicolon_gapped_donors_share_the_verb():
    got = by_donor(pledges_of("Sweden pledged SEK 300 million; Norway NOK 250 million."))
    assert got["Norway"].value.currency == "NOK" and got["Sweden"].value.currency == "SEK"


def test_jointly_provide_gives_one_pledge_per_donor():
    found = pledges_of("Latvia and Lithuania will jointly provide demining training to Ukraine.")
    assert {p.donor.name for p in found} == {"Latvia", "Lithuania"}
    assert all(p.recipient.name == "Ukraine" for p in found)


def test_training_counts_the_people_trained():
    p = pledges_of("Canada will pay for the training of three hundred Ukrainian medics.")
    assert len(p) == 1 and p[0].item == "training" and p[0].quantity == 300


def test_provide_a_grant_of_money():
    p = pledges_of("Japan will provide a grant of $60 million to Moldova.")
    assert len(p) == 1 and p[0].item == "grant" and p[0].value.amount == 60e6
    assert p[0].recipient.name == "Moldova"


def test_currency_prefix_is_not_a_recipient_and_name_as_modifier_is_not_either():
    p = pledges_of("The fund released US$3 million for shelter partners, channelled through "
                   "a World Bank trust fund.")
    assert all(x.recipient is None or x.recipient.name not in ("United States", "World Bank") for x in p)


def test_loan_from_a_lender_with_the_sum_before_the_noun():
    p = pledges_of("Kenya secured a $300 million loan from the World Bank on Tuesday.")
    assert len(p) == 1 and p[0].donor.name == "World Bank" and p[0].value.amount == 300e6


def test_repaid_loan_is_not_a_pledge():
    assert pledges_of("Argentina repaid a loan from the IMF last year.") == []


def test_country_signing_a_loan_agreement_with_a_lender_receives_the_loan():
    p = pledges_of("Moldova signed a $150 million loan agreement with the World Bank.")
    assert len(p) == 1 and p[0].donor.name == "World Bank" and p[0].recipient.name == "Moldova"


def test_released_without_a_sum_is_not_a_pledge():
    assert pledges_of("The army released footage of drones hitting a depot.") == []


def test_a_list_of_donors_that_have_not_pledged_is_not_a_list_of_pledges():
    text = "Donors that have not yet pledged:\n\n- Hungary: nothing so far;\n- Austria: €0.\n"
    assert pledges_of(text) == []


def test_each_donor_with_its_sum_in_brackets_is_a_pledge():
    got = by_donor(pledges_of("Pledges came from Austria (€40m), Belgium (€25m) and Greece (€5m)."))
    assert set(got) == {"Austria", "Belgium", "Greece"} and got["Belgium"].value.amount == 25e6


def test_brackets_after_a_country_in_a_report_of_losses_are_not_pledges():
    assert pledges_of("Exports fell in Austria (€40m) and Belgium (€25m) last year.") == []


def test_package_comprises_after_the_package_is_announced():
    found = pledges_of("Finland will send Ukraine a new package of aid. "
                       "The package comprises 12 armoured vehicles and 40 trucks.")
    assert {(p.item, p.quantity) for p in found if p.quantity} == {("armoured vehicles", 12), ("trucks", 40)}


def test_possessive_donor_with_the_sum_before_the_pledge_noun():
    p = pledges_of("Germany's €500 million pledge was the largest of the day.")
    assert len(p) == 1 and p[0].donor.name == "Germany" and p[0].value.amount == 500e6


def test_commit_verb_is_not_part_of_the_item_name():
    p = pledges_of("Japan announced grant aid of 3 billion yen to Ukraine.")
    assert len(p) == 1 and p[0].item == "grant aid"


def test_tranche_disbursed_keeps_the_recipient_after_it():
    p = pledges_of("The World Bank disbursed a $900 million tranche to Moldova on Friday.")
    assert len(p) == 1 and p[0].recipient.name == "Moldova" and p[0].value.amount == 900e6


def test_loan_received_from_a_lender_goes_to_the_receiver():
    p = pledges_of("Jordan received a $1.2 billion loan from the European Investment Bank.")
    assert len(p) == 1 and p[0].donor.name == "European Investment Bank"
    assert p[0].recipient.name == "Jordan"


def test_approving_the_delivery_of_items_pledges_the_items():
    p = pledges_of("Rome has approved the delivery of 12 armoured ambulances to Ukraine.")
    assert len(p) == 1 and p[0].donor.name == "Italy" and p[0].quantity == 12


def test_green_light_for_a_transfer_is_an_approval():
    p = pledges_of("Ottawa gave the green light for the transfer of four NASAMS launchers to Ukraine.")
    assert len(p) == 1 and p[0].donor.name == "Canada" and p[0].status == "approved"


def test_buying_for_a_recipient_is_a_pledge_but_buying_for_oneself_is_not():
    p = pledges_of("Estonia has offered to buy 50,000 shells for Ukraine.")
    assert len(p) == 1 and p[0].recipient.name == "Ukraine" and p[0].quantity == 50000
    assert pledges_of("Poland will buy 250 Abrams tanks from the United States.") == []


def test_together_with_partner_is_a_second_donor():
    found = pledges_of("Together with Belgium, Luxembourg will finance 30 ambulances for Moldova.")
    assert {p.donor.name for p in found} == {"Belgium", "Luxembourg"}


def test_possessive_package_with_ordinal_and_apposition_lists_its_items():
    found = pledges_of("Norway's 12th package, worth €90 million, includes mortars and 40 trucks.")
    assert {p.item for p in found} == {"mortars", "trucks"} and all(p.donor.name == "Norway" for p in found)


def test_possessive_sums_in_a_list_of_pledges():
    got = by_donor(pledges_of("Pledges included Austria's €40m, Belgium's €25m and Greece's €5m."))
    assert set(got) == {"Austria", "Belgium", "Greece"} and got["Greece"].value.amount == 5e6


def test_donor_table_rows_after_a_lead_in():
    text = ("Contributions announced at the conference:\n\n| Donor | Amount |\n|---|---|\n"
            "| Austria | €40 million |\n| Belgium | €25 million |\n")
    got = by_donor(pledges_of(text))
    assert set(got) == {"Austria", "Belgium"} and got["Austria"].value.amount == 40e6


def test_it_includes_after_an_announced_package_lists_its_items():
    found = pledges_of("Sweden unveiled a SEK 7 billion package on Monday. "
                       "It includes 20 CV90 vehicles and ten Archer howitzers.")
    got = {p.item: p for p in found}
    assert got["package"].value.amount == 7e9
    assert got["CV90 vehicles"].quantity == 20 and got["Archer howitzers"].quantity == 10


def test_ordinal_of_a_package_is_not_part_of_its_name():
    p = pledges_of("Canada announced its 14th aid package for Ukraine.")
    assert len(p) == 1 and p[0].item == "aid package"
