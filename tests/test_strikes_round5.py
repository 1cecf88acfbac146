"""Strike constructions added in round 5: days counted "since dawn", clock times, tolls that
name the place before the strike clause, one place hit on two days in one sentence, group
names and demonyms that a gazetteer spells like towns, and weapons that are only sent."""
from __future__ import annotations

from generator.extract.strikes import extract_strikes
from generator.model import Article, ArticleMeta, Speaker, Statement, Evidence
from generator.text import split_sentences


def _strikes(text: str, date: str | None = "2024-05-14", statements=None):
    article = Article(ArticleMeta("t", "t", date, "t.txt"), text, split_sentences(text))
    return extract_strikes(article, statements or [])


def _by_place(strikes):
    return {s.place.name: s for s in strikes}


# --- dates ----------------------------------------------------------------------------------

def test_since_dawn_on_a_weekday_dates_the_strikes_to_that_day():
    # 2024-05-14 is a Tuesday; "since dawn on Tuesday" counts hours of that day.
    text = ("Russian drones and missiles have killed at least nine people across the Kharkiv region "
            "since dawn on Tuesday, officials said. A missile struck a warehouse in Lozova, killing four.")
    [s] = _strikes(text)
    assert s.place.name == "Lozova" and s.date == "2024-05-14"


def test_since_a_past_date_is_still_background():
    text = "Shelling of Kherson has killed 300 civilians since March 3, 2023, the governor said."
    assert all(s.date != "2023-03-03" for s in _strikes(text))


def test_clock_time_with_am_dates_the_strike_to_the_report_day():
    text = ("A missile hit an apartment block in Odesa at about 5.15am, killing three people "
            "and injuring 11, the governor said.")
    [s] = _strikes(text)
    assert (s.place.name, s.date, s.killed, s.injured) == ("Odesa", "2024-05-14", 3, 11)


# --- tolls that name the place ------------------------------------------------------------

def test_toll_in_a_place_where_bombs_were_dropped_is_a_strike_there():
    text = ("Four people were killed and ten injured in Kostiantynivka, where Russian aircraft dropped "
            "two glide bombs on the town center on May 13, the Ukrainian prosecutor said.")
    [s] = _strikes(text)
    assert (s.place.name, s.place.country) == ("Kostiantynivka", "UA")
    assert (s.killed, s.injured, s.date) == (4, 10, "2024-05-13")
    assert "airstrike" in s.weapon or "bomb" in s.weapon


def test_toll_in_a_village_after_a_drone_hit_is_a_strike_there():
    text = "A woman was killed in the village of Velyka Pysarivka after a Russian drone hit her house on Monday."
    [s] = _strikes(text)
    assert s.place.name == "Velyka Pysarivka" and s.killed == 1 and "drone" in s.weapon


def test_toll_in_a_place_during_ground_fighting_is_no_strike():
    text = "Two soldiers were killed in Vovchansk during street fighting, the brigade said."
    assert _strikes(text) == []


def test_named_village_after_an_unlisted_name_is_the_place_hit():
    text = ("A junta jet dropped three bombs on a school in Kyauk Sin village on Sunday, "
            "killing seven children, a local resistance group said.")
    [s] = _strikes(text)
    assert s.place.name == "Kyauk Sin" and s.killed == 7


# --- one place, two days ------------------------------------------------------------------

def test_place_hit_on_two_days_in_one_sentence_is_two_strikes():
    text = ("The town of Kupiansk was shelled on Sunday and struck again by a guided bomb on Monday, "
            "killing two people, the governor said.")
    strikes = sorted(_strikes(text), key=lambda s: s.date)
    assert [(s.place.name, s.date) for s in strikes] == [("Kupiansk", "2024-05-12"), ("Kupiansk", "2024-05-13")]
    assert strikes[0].killed is None and strikes[1].killed == 2
    assert "artillery" in strikes[0].weapon or "shell" in strikes[0].weapon
    assert "bomb" in strikes[1].weapon


def test_following_sentence_gives_each_day_its_own_toll_and_weapon():
    text = ("The city of Nikopol, which lies across the river from the occupied plant, was hit on Sunday "
            "and again on Monday, the governor said. Three men were wounded in Sunday's shelling, while "
            "Monday's drone attack damaged a school.")
    strikes = sorted(_strikes(text), key=lambda s: s.date)
    assert [(s.place.name, s.date) for s in strikes] == [("Nikopol", "2024-05-12"), ("Nikopol", "2024-05-13")]
    assert strikes[0].injured == 3 and strikes[0].weapon == "artillery"
    assert strikes[1].injured is None and "drone" in strikes[1].weapon


# --- names that are not places ------------------------------------------------------------

def test_group_before_targets_or_fighters_is_not_a_place():
    text = ("Israeli jets carried out strikes on Hamas fighters in Rafah on Sunday. "
            "The US has launched repeated strikes on Huthi targets.")
    assert [s.place.name for s in _strikes(text)] == ["Rafah"]


def test_demonym_is_never_a_gazetteer_town():
    text = ("Canada is also sending 600 reconnaissance drones, and C$30m in Canadian money will "
            "buy winter uniforms, the minister told reporters at a factory in Toronto.")
    assert _strikes(text) == []


def test_weapons_only_sent_with_a_target_named_in_passing_are_no_strike():
    text = "Norway is delivering 40 more drones to protect the port of Odesa, the ministry said."
    assert _strikes(text) == []


def test_a_quoted_persons_surname_is_not_the_articles_home_place():
    speaker = Speaker(name="Matthias Kehl", kind="person")
    st = Statement(speaker=speaker, text="no decision", mode="direct", verb="say", date=None, evidence=Evidence(0, 0, 10))
    text = ("Chancellor Kehl declined to send cruise missiles. Kehl said no decision had been taken. "
            "Critics say Kehl is too cautious. Officials fear soldiers might have to program the missiles' targets.")
    assert _strikes(text, statements=[st]) == []


def test_a_months_count_of_airstrikes_is_no_incident():
    text = ("The military carried out at least 40 airstrikes in Magway Region in March alone, "
            "according to a monitoring group.")
    assert _strikes(text) == []


# --- aims that did not hit ----------------------------------------------------------------

def test_missile_fired_at_a_city_and_then_intercepted_is_no_strike():
    text = ("The rebels said they had fired a ballistic missile at Haifa and launched two drones towards Eilat. "
            "The Israeli military said the missile had been intercepted over the sea. "
            "One of the drones struck a warehouse in Eilat, causing minor damage.")
    assert [s.place.name for s in _strikes(text)] == ["Eilat"]


def test_missile_fired_at_a_city_that_hit_stays_a_strike():
    text = ("Militants fired a missile at Ashkelon on Sunday, wounding three people. "
            "Another missile was intercepted, the army said.")
    assert [s.place.name for s in _strikes(text)] == ["Ashkelon"]
