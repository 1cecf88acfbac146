"""How the article presents each fact: stated, attributed, unverified or denied."""
from generator.extract.factsheet import extract
from generator.sources import parse_article


def strikes(text: str) -> dict[str, object]:
    sheet = extract(parse_article("date 2024-03-08 " + text, "t.txt", markdown_input=False))
    return {s.place.name: s for s in sheet.strikes}


def test_strike_in_the_reporters_voice_is_stated():
    assert strikes("Artillery shelled Kherson on Tuesday, wounding two people.")["Kherson"].certainty == "stated"


def test_strike_on_a_sources_word_is_attributed():
    s = strikes("A Russian missile struck Kharkiv on Monday, killing three people, the governor said.")["Kharkiv"]
    assert s.certainty == "attributed"


def test_flag_in_the_next_sentence_makes_a_strike_unverified():
    s = strikes("Drones hit Odesa overnight, destroying a warehouse. The claim could not be independently verified.")
    assert s["Odesa"].certainty == "unverified"


def test_denial_in_the_paragraph_names_who_denies():
    s = strikes("A missile strike hit a market in Donetsk, killing 20 people. "
                "Kyiv denied responsibility for the attack.")["Donetsk"]
    assert (s.certainty, s.disputed_by) == ("denied", "Ukraine")


def test_denial_of_something_else_is_not_a_denial_of_the_strike():
    s = strikes("A missile strike hit a market in Donetsk, killing 20 people. "
                "The mayor denied rumours of an evacuation.")["Donetsk"]
    assert s.certainty != "denied"
