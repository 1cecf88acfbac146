"""Strike constructions beyond the plain "a missile hit X": translated spellings, interceptions,
launch sites, clause tolls, relative days, unlisted places, features and interviews that name
their place only in passing, and the idioms of sport and business."""
from __future__ import annotations

from generator.extract.strike_terms import find_injured, find_killed
from generator.extract.strikes import extract_strikes
from generator.model import Article, ArticleMeta
from generator.text import split_sentences


def _strikes(text: str, date: str | None = "2024-03-06", title: str = "t"):
    article = Article(ArticleMeta("t", title, date, "t.txt"), text, split_sentences(text))
    return extract_strikes(article, [])


def _by_place(strikes):
    return {s.place.name: s for s in strikes}


# --- spellings and places -----------------------------------------------------------------

def test_russian_style_spellings_resolve_to_ukrainian_cities():
    text = ("Russian troops fired a missile at Zaporozhye on Monday, killing two people. "
            "A drone hit a fuel depot in Dnepropetrovsk overnight, the military said.")
    by = _by_place(_strikes(text))
    assert by["Zaporozhye"].place.country == "UA" and by["Zaporozhye"].killed == 2
    assert by["Dnepropetrovsk"].place.country == "UA"


def test_sentence_initial_preposition_is_not_a_place():
    text = ("Along the border, an Israeli drone strike on a car in the village of Kfar Tebnit "
            "killed two people, Lebanon's news agency said. Israeli troops remain on alert.")
    [s] = _strikes(text)
    assert (s.place.name, s.place.country) == ("Kfar Tebnit", "LB")


def test_unlisted_village_takes_the_country_of_the_town_named_before_it():
    text = ("Government artillery shelled the town of Saraqib in Idlib province on Monday, killing four "
            "civilians, and hit the nearby village of Kafr Amim, where three people were wounded. "
            "Myanmar's army also said it had struck rebel positions.")
    by = _by_place(_strikes(text))
    assert by["Kafr Amim"].place.country == "SY"


def test_district_locality_of_a_city_is_located_by_the_city():
    text = ("Artillery shells hit a crowded street in the Ombadda locality of Omdurman on Sunday, "
            "killing seven people, local volunteers said. The army blamed the rebels.")
    [s] = _strikes(text)
    assert (s.place.name, s.place.country, s.killed) == ("Ombadda", "SD", 7)


def test_region_named_before_village_folds_into_the_named_village():
    text = ("Air strike on Magway village kills nine\n\n"
            "A military air strike on the village of Thit Cho Pin in Magway region on Tuesday "
            "killed nine people, residents said.")
    [s] = _strikes(text)
    assert (s.place.name, s.place.country, s.killed) == ("Thit Cho Pin", "MM", 9)


# --- unlisted places that grammar marks as hit ----------------------------------------------

def test_unlisted_place_after_verb_object_and_at_is_hit():
    text = ("A US air strike on Saturday destroyed a militant training compound at Bulo Fulay, "
            "killing an estimated nine fighters, the command said.")
    [s] = _strikes(text)
    assert (s.place.name, s.weapon, s.killed) == ("Bulo Fulay", "airstrike", 9)


def test_shelling_of_a_named_camp_is_a_hit_on_the_camp():
    text = "Shelling of Zamzam camp for displaced people on 3 June killed five people, aid workers said."
    [s] = _strikes(text, date="2024-06-10")
    assert (s.place.name, s.weapon, s.killed, s.date) == ("Zamzam", "artillery", 5, "2024-06-03")


def test_mortar_shells_landing_inside_a_named_base_camp():
    text = ("Mortar shells landed inside the Baledogle base camp on Friday. Two guards were wounded, "
            "the army said.")
    [s] = _strikes(text)
    assert (s.place.name, s.weapon, s.injured) == ("Baledogle", "mortar shell (artillery)", 2)


def test_far_of_phrase_is_not_the_place_hit():
    text = ("A drone strike on Jilib killed six militants on Sunday. The raid was carried out at the "
            "request of the Federal Government of Somalia, the military said.")
    assert [s.place.name for s in _strikes(text)] == ["Jilib"]


# --- interceptions, launch sites, ground fighting --------------------------------------------

def test_the_city_after_an_interception_sentence_is_the_city_named_there():
    text = ("Kyiv was hit by a missile on Monday, the military said. "
            "In Izmail, air defence shot down nine of 12 drones. Two drones hit a grain warehouse of "
            "the city, and one guard was wounded.")
    by = _by_place(_strikes(text))
    assert by["Izmail"].weapon == "drone" and by["Izmail"].injured == 1


def test_interception_without_hits_is_no_strike():
    text = ("Over the Poltava region, air defence destroyed five cruise missiles, the military said. "
            "No hits were recorded.")
    assert _strikes(text) == []


def test_weapon_named_after_from_beats_the_verb_class():
    text = "The town of Orikhiv was shelled from Uragan multiple rocket launchers, and a woman was killed."
    [s] = _strikes(text)
    assert (s.place.name, s.killed) == ("Orikhiv", 1)
    assert "rocket" in s.weapon


def test_fighting_near_and_around_places_is_no_strike():
    text = ("Heavy fighting continues near Pokrovsk and around the village of Torske, the General "
            "Staff said. Troops repelled 14 assaults.")
    assert _strikes(text) == []


# --- tolls -------------------------------------------------------------------------------------

def test_clause_tolls_stay_with_their_own_place():
    text = ("Government artillery shelled the town of Saraqib on Monday, killing four civilians, and "
            "hit the nearby village of Kafr Amim, where three people were wounded, rescuers said.")
    by = _by_place(_strikes(text))
    assert (by["Saraqib"].killed, by["Saraqib"].injured) == (4, None)
    assert (by["Kafr Amim"].killed, by["Kafr Amim"].injured) == (None, 3)


def test_coordinated_places_share_no_toll():
    text = "Russian strikes on Kherson and Beryslav killed three people on Monday."
    assert all(s.killed is None for s in _strikes(text))


def test_toll_phrasings():
    assert find_killed("and two of our drivers were killed")[0] == 2
    assert find_injured("an FPV drone attacked a bus, injuring the driver")[0] == 1
    assert find_injured("a fire broke out and one port worker was wounded")[0] == 1
    assert find_killed("killing an estimated 40 fighters")[0] == 40
    assert find_injured("but eleven people in the neighbouring houses were wounded")[0] == 11
    assert find_killed("troops killed dozens of militants")[0] is None


def test_fpv_drone_keeps_its_acronym():
    text = "In Kherson, an FPV drone attacked a municipal bus on Monday, injuring the driver, police said."
    [s] = _strikes(text)
    assert (s.place.name, s.weapon, s.injured) == ("Kherson", "FPV drone", 1)


# --- days ----------------------------------------------------------------------------------------

def test_weekday_with_its_calendar_date_takes_the_calendar_date():
    text = "The strike on Kherson on Monday, 26 February, killed three people, the military said."
    [s] = _strikes(text)
    assert s.date == "2024-02-26"


def test_the_next_day_is_a_second_incident_a_day_later():
    text = ("On 3 May, Houthi drones struck a port in Eilat, the military said. "
            "Israel responded the next day with air strikes on Hodeidah port, killing six people. "
            "On 5 May, the group said it would answer the attack on Hodeidah.")
    by = _by_place(_strikes(text, date="2024-05-08"))
    assert by["Hodeidah"].date == "2024-05-04" and by["Hodeidah"].killed == 6
    assert len([s for s in _strikes(text, date="2024-05-08") if s.place.name == "Hodeidah"]) == 1


def test_days_after_counts_back_from_the_sentence_day():
    text = ("Ukraine asked its partners for more air defence on Friday. "
            "The request came two days after a Russian missile attack on the city of Sumy killed "
            "11 people.")
    [s] = _strikes(text, date="2024-04-19")
    assert (s.place.name, s.date) == ("Sumy", "2024-04-17")


# --- features and interviews that name their place in passing -----------------------------------

def test_feature_strike_without_a_place_falls_on_the_village_it_keeps_naming():
    text = ("The goats were sold early at the weekly market in Tessit, where traders from far away "
            "had gathered.\n\n"
            "By evening, at least nine people were dead and 20 were wounded, village elders said.\n\n"
            "The strike on Monday, 5 February, was carried out by an armed drone, witnesses said. "
            "The army said it had hit terrorists.\n\n"
            "The UN said it was alarmed by reports from Tessit.\n\n"
            "In Tessit, the market has not reopened.")
    [s] = _strikes(text, date="2024-02-12")
    assert (s.place.name, s.place.country, s.weapon) == ("Tessit", "ML", "drone")
    assert (s.killed, s.injured, s.date) == (9, 20, "2024-02-05")


def test_interview_strike_on_another_day_is_a_second_incident_at_the_home_city():
    text = ("Olena Rud became mayor of Poltava in March. The city lies far from the front.\n\n"
            "On Thursday night a Shahed hit the bus depot in the Kyivskyi district, and two of our "
            "drivers were killed. Then on Saturday afternoon a guided bomb landed next to a school. "
            "Eleven people in the neighbouring houses were wounded.\n\n"
            "The Poltava regional administration said Russian forces shelled the border again.")
    strikes = _strikes(text, date="2024-08-07", title="Poltava's mayor on life under fire")
    second = [s for s in strikes if s.place.name == "Poltava"]
    assert len(second) == 1 and second[0].injured == 11 and second[0].date == "2024-08-03"
    assert any(s.killed == 2 for s in strikes if s is not second[0])


# --- not strikes ----------------------------------------------------------------------------------

def test_cricket_report_with_figurative_weapons_has_no_strikes():
    text = ("Somerset sank Surrey by 23 runs at Taunton. Carrow struck eight sixes as the Surrey attack "
            "was bombarded from both ends. Pellow fired a flat rocket to the keeper's end, and the "
            "innings collapsed under a barrage of yorkers. \"It came in like a cruise missile,\" the "
            "captain said.")
    assert _strikes(text) == []


def test_delivery_drone_hitting_a_chimney_is_no_strike():
    text = ("A trial to deliver medicines by drone has been paused after one of the aircraft struck a "
            "chimney in the village of Salen on Monday. The pilots' union said talks had failed to "
            "strike a deal.")
    assert _strikes(text) == []


def test_falling_prices_at_a_port_are_no_strike():
    text = ("Grain prices fell at the port of Odesa on Monday, traders said, as the war dragged on. "
            "Wheat landed in Istanbul a day later.")
    assert _strikes(text) == []
