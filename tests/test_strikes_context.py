"""Strikes read with their context: places named again, reports made from a place, camps
and districts, the country of an unlisted village, weapons, same-day times and speed."""
from __future__ import annotations


from generator.extract.strikes import extract_strikes
from generator.model import Article, ArticleMeta
from generator.text import split_sentences
from helpers import calls


def _strikes(text: str, date: str | None = "2024-03-06"):   # a Wednesday
    return extract_strikes(Article(ArticleMeta("t", "t", date, "t.txt"), text, split_sentences(text)), [])


def test_same_city_named_again_on_another_day_is_a_second_incident():
    text = ("Russian missiles hit a rail depot in Poltava on Wednesday, killing four people. "
            "The strike came a day after a drone hit a school in the same city on Tuesday, "
            "injuring nine people.")
    strikes = sorted(_strikes(text), key=lambda s: s.date)
    assert [(s.place.name, s.date) for s in strikes] == [("Poltava", "2024-03-05"), ("Poltava", "2024-03-06")]
    assert strikes[0].injured == 9 and strikes[1].killed == 4


def test_occupied_town_refers_back_to_the_town_just_named():
    text = ("Separately, state media quoted the Russian-installed head of Melitopol as saying that "
            "Ukrainian rockets had hit a depot in the occupied city, killing three people.")
    [s] = _strikes(text)
    assert (s.place.name, s.place.country, s.killed, s.weapon) == ("Melitopol", "UA", 3, "rocket")


def test_fronted_place_of_a_report_is_not_the_place_hit():
    text = ("In Moscow, state media quoted the defence ministry as saying that all of its targets "
            "had been hit by missiles.")
    assert _strikes(text) == []


def test_place_of_a_briefing_before_the_word_strikes_is_not_hit():
    text = ("Warplanes struck rebel positions in Mukalla on Tuesday. A spokesman told reporters "
            "in Paris that the strikes were lawful.")
    assert [s.place.name for s in _strikes(text)] == ["Mukalla"]


def test_country_used_as_the_attackers_modifier_is_not_the_place():
    text = "An Ethiopia government drone strike on a bus in the Tigray region killed 30 people on Monday."
    names = [s.place.name for s in _strikes(text)]
    assert "Ethiopia" not in names and names == ["Tigray region"]


def test_named_camp_is_the_place_and_its_town_locates_it():
    text = ("Artillery shells struck the Abu Nuri displacement camp on the northern edge of Kassala "
            "on Monday, killing six people.")
    [s] = _strikes(text)
    assert (s.place.name, s.place.country, s.killed) == ("Abu Nuri", "SD", 6)
    assert s.place.region == "Kassala" and s.place.lat is not None


def test_district_named_beside_its_city_keeps_the_toll_on_the_city():
    text = "In Kyiv, a drone hit a house in the Darnytskyi district, killing two people and injuring five."
    [s] = _strikes(text)
    assert (s.place.name, s.killed, s.injured) == ("Kyiv", 2, 5)


def test_unlisted_village_takes_the_country_its_sentence_names():
    text = ("Israeli strikes on Khan Younis killed 12 people, Gaza health officials said. "
            "On the border, an Israeli drone strike on a car in the village of Wadi Qarnoun "
            "killed two people, Lebanon's state news agency reported.")
    by = {s.place.name: s for s in _strikes(text)}
    assert by["Wadi Qarnoun"].place.country == "LB"


def test_weapon_introduced_by_with_after_the_place_is_that_places_weapon():
    text = ("Warplanes struck targets in Mukalla on Monday, hours after the rebels said they had hit "
            "a tanker in the Gulf of Aden with two ballistic missiles.")
    by = {s.place.name: s for s in _strikes(text)}
    assert by["Gulf of Aden"].weapon == "ballistic missile"
    assert by["Mukalla"].weapon == "warplane airstrike"


def test_weapon_words_naming_facilities_are_targets_not_weapons():
    text = ("Jets struck the airport in Aden on Monday. The army said it had destroyed drone storage "
            "facilities and missile production sites.")
    [s] = _strikes(text)
    assert s.weapon in ("jet airstrike", "airstrike")


def test_weaponless_hit_later_in_the_same_raid_takes_the_raids_weapon():
    text = ("Warplanes struck the port of Mukalla on Monday, killing three people. "
            "Strikes also hit a military base near Aden, residents said.")
    by = {s.place.name: s for s in _strikes(text)}
    assert by["Aden"].weapon == by["Mukalla"].weapon == "warplane airstrike"


def test_time_of_day_without_a_day_dates_the_strike_to_the_report():
    text = ("Ceasefire talks stalled in Geneva on Monday.\n\nLater, guided bombs hit the outskirts of "
            "Kherson shortly before noon, injuring four people.")
    [s] = _strikes(text)
    assert (s.date, s.date_precision) == ("2024-03-06", "day")


def test_strike_extraction_grows_linearly_with_article_length():
    para = ("Russian drones hit an energy facility in Odesa on Monday, killing two people, the governor "
            "said. Shelling also hit Kherson, injuring three people.\n\n")
    _strikes(para)
    small = calls(_strikes, para * 40)
    big = calls(_strikes, para * 400)
    assert big < small * 12
