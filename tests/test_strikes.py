"""Strikes: which sentences report a hit on a named place, and what the event carries."""
from __future__ import annotations

from generator.extract.strike_terms import find_injured, find_killed, weapon_label
from generator.extract.strikes import extract_strikes
from generator.model import Article, Evidence, Speaker, Statement
from helpers import article


def _article(text: str, date: str | None = "2024-03-06") -> Article:   # a Wednesday
    return article(text, date)


def _strikes(text: str, date: str | None = "2024-03-06", statements=None):
    return extract_strikes(_article(text, date), statements or [])


def _by_place(strikes):
    return {s.place.name: s for s in strikes}


# --- what is and is not a strike -------------------------------------------------------------

def test_missile_strike_on_named_city_with_toll_and_weekday():
    [s] = _strikes("A Russian missile strike on Kharkiv killed three people and injured 20 on Monday.")
    assert (s.place.name, s.place.country, s.weapon) == ("Kharkiv", "UA", "missile")
    assert (s.killed, s.injured, s.date, s.date_precision) == (3, 20, "2024-03-04", "day")
    assert s.attacker == "Russia"


def test_at_least_sets_the_hedge_flag():
    [s] = _strikes("Russian drones hit an apartment block in Odesa in Ukraine, killing at least five people.")
    assert s.killed == 5 and s.casualties_at_least and s.weapon == "drone"
    assert s.target == "apartment block"


def test_labour_strike_is_not_a_strike():
    text = ("Rail workers in Manchester began a strike on Monday after the union rejected a pay offer. "
            "The strike at Liverpool stations will last two days, the union said.")
    assert _strikes(text) == []


def test_sports_strike_is_not_a_strike():
    text = "The forward struck a late winner at Southampton in the 89th minute as United won the match."
    assert _strikes(text) == []


def test_striking_a_deal_is_not_a_strike():
    text = "Negotiators struck a deal in Brussels on Saturday after the army chiefs met in Paris."
    assert _strikes(text) == []


def test_hunger_strike_is_not_a_strike():
    text = "Prisoners in Kyiv went on a hunger strike, while troops were rotated near Kharkiv."
    assert _strikes(text) == []


def test_ground_fighting_around_a_town_is_not_a_strike():
    text = "Russian troops pressed their offensive and fierce fighting continued around Bakhmut."
    assert _strikes(text) == []


def test_weapon_delivery_is_not_a_strike():
    text = "Germany will send Patriot missiles to Kyiv to protect Ukrainian cities, the army said."
    assert _strikes(text) == []


def test_interceptions_alone_report_no_hit():
    text = "Air defences shot down 30 drones over the Kyiv region overnight, the military said."
    assert _strikes(text) == []


def test_launch_site_is_not_the_place_hit():
    [s] = _strikes("Cruise missiles fired from bombers over the Caspian Sea hit a factory in Dnipro.")
    assert s.place.name == "Dnipro" and s.weapon == "cruise missile"


def test_strike_without_a_named_place_is_not_listed():
    assert _strikes("A Russian missile hit a school in a southern town, killing two teachers.") == []


def test_hypothetical_strike_is_not_a_strike():
    text = "Ukraine says long-range weapons could hit Sevastopol, the army said."
    assert _strikes(text) == []


# --- how the place is tied to the strike ---------------------------------------------------

def test_object_of_a_strike_verb_is_the_place():
    [s] = _strikes("Russian forces shelled Nikopol on Tuesday, the Ukrainian military said.")
    assert s.place.name == "Nikopol" and s.weapon == "artillery" and s.date == "2024-03-05"


def test_subject_of_a_passive_is_the_place():
    [s] = _strikes("Kyiv came under a massive missile attack early on Monday, Ukraine's army said.")
    assert s.place.name == "Kyiv" and s.rule == "strike-place:passive"


def test_fronted_locative_with_an_unlisted_village():
    text = "In the village of Zelenyi Yar, Kharkiv region, Russian shelling killed a 70-year-old man."
    [s] = _strikes(text)
    assert s.place.name == "Zelenyi Yar" and s.place.country == "UA" and s.place.geonameid is None
    assert s.place.region == "Kharkiv region" and s.killed == 1


def test_coordinated_places_each_get_an_event():
    text = "Russian forces launched rocket attacks on civilian targets in Kherson and Mykolaiv, Ukraine said."
    assert set(_by_place(_strikes(text))) == {"Kherson", "Mykolaiv"}


def test_container_region_locates_the_town_instead_of_being_hit_itself():
    text = "A Russian missile hit a school in Smila, Cherkasy Oblast, killing four people."
    [s] = _strikes(text)
    assert s.place.name == "Smila" and s.place.region == "Cherkasy Oblast" and s.killed == 4


def test_attacker_home_country_after_by_is_not_the_place():
    text = "Two sailors were killed in a missile strike by Houthi rebels in Yemen on a ship in the Red Sea."
    assert [s.place.name for s in _strikes(text)] == ["Red Sea"]


def test_country_possessive_frames_the_region_that_was_hit():
    [s] = _strikes("A Ukrainian drone hit an oil refinery in Russia's Krasnodar region, the military said.")
    assert s.place.name == "Krasnodar region" and s.place.country == "RU" and s.weapon == "drone"


def test_place_before_the_strike_noun():
    [s] = _strikes("The Lviv missile strike killed 35 people, Ukraine's military said.")
    assert s.place.name == "Lviv" and s.killed == 35


# --- one event per place per incident ------------------------------------------------------

def test_lead_and_detail_mentions_merge_with_the_highest_toll():
    text = ("Russian missiles struck Poltava on Wednesday, killing at least 13 people.\n\n"
            "Rescuers said the missile attack on Poltava had left eight dead and 18 injured.\n\n"
            "Officials later raised the toll to 11 killed and 22 wounded.")
    [s] = _strikes(text)
    assert (s.killed, s.injured, s.date) == (13, 22, "2024-03-06")


def test_same_place_on_an_earlier_day_is_another_event():
    text = ("Rockets hit Kramatorsk in Ukraine on Tuesday, the army said. "
            "A previous missile strike on Kramatorsk killed four people on March 1.")
    strikes = _strikes(text)
    assert [(s.weapon, s.date, s.killed) for s in strikes] == [
        ("rocket", "2024-03-05", None), ("missile", "2024-03-01", 4)]


def test_unnamed_lead_hands_its_details_to_the_named_place():
    text = ("A Russian missile strike on Thursday killed at least 20 people in a central Ukrainian city.\n\n"
            "The cruise missile strikes on Zhytomyr hit an office building.")
    [s] = _strikes(text, "2024-03-08")
    assert (s.place.name, s.killed, s.date) == ("Zhytomyr", 20, "2024-03-07")


def test_country_level_mention_folds_into_the_named_port():
    text = ("Israeli jets struck targets in western Yemen on Saturday. "
            "The strikes on the port of Mukalla killed three people and wounded 80.")
    [s] = _strikes(text, "2024-07-21")
    assert s.place.name == "Mukalla" and s.place.country == "YE"
    assert (s.killed, s.injured, s.date) == (3, 80, "2024-07-20")


def test_counted_strikes_keep_the_count_that_hit():
    text = "The enemy launched four rocket attacks on Ukraine's east, two of which hit Kramatorsk, the army said."
    [s] = _strikes(text)
    assert s.place.name == "Kramatorsk" and s.count == 2


def test_strike_points_at_the_statement_that_reports_it():
    text = "The governor said a Russian drone hit a warehouse in Odesa in Ukraine overnight."
    start = text.index("a Russian")
    st = Statement(Speaker("Oleh Kiper"), text[start:-1], "indirect", "said", None,
                   Evidence(0, start, len(text) - 1), id="st1")
    [s] = _strikes(text, statements=[st])
    assert (s.reported_by, s.reporter) == ("st1", "Oleh Kiper")
    assert text[s.evidence.start:s.evidence.end] == "hit a warehouse in Odesa"


def test_toll_over_several_places_is_not_given_to_one_of_them():
    text = ("A Russian missile hit a school in Kharkiv, killing two people, the army said. "
            "Russian strikes across the country killed 12 people on Friday, officials said.")
    [s] = _strikes(text, "2024-03-08")
    assert s.place.name == "Kharkiv" and s.killed == 2


def test_toll_update_in_a_later_sentence_joins_the_incident():
    text = ("Russian drones struck Sumy in Ukraine overnight, the military said. "
            "Officials said later that four people were killed and nine were wounded.")
    [s] = _strikes(text)
    assert (s.killed, s.injured) == (4, 9)


def test_attack_with_a_target_needs_weapons_somewhere_in_the_article():
    text = "Protesters attacked a police station in Lagos, killing two officers, witnesses said."
    assert _strikes(text) == []


# --- vocabulary helpers ---------------------------------------------------------------------

def test_toll_phrasings():
    assert find_killed("three martyrs and 87 wounded") == (3, False)
    assert find_injured("three martyrs and 87 wounded") == (87, False)
    assert find_killed("58 people were rescued, 51 of whom were killed") == (51, False)
    assert find_killed("the death toll rose to 12") == (12, False)
    assert find_killed("resulting in the loss of at least 13 lives") == (13, True)
    assert find_injured("killing three people and wounding 15") == (15, False)
    assert find_killed("in 2022 civilians were killed") == (None, False)


def test_weapon_labels_carry_their_class_word():
    assert weapon_label("Shahed", "drone") == "Shahed drone"
    assert weapon_label("Kalibr", "missile") == "Kalibr missile"
    assert weapon_label("air strikes", "airstrike") == "airstrike"
    assert weapon_label("HIMARS", "rocket") == "HIMARS rocket"
