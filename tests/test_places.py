"""The gazetteer: spellings, regions, disambiguation by the article, and false hits."""
from __future__ import annotations

import pytest

from generator.extract import places as gaz
from helpers import calls


def _resolve(text: str, name: str, context: str | None = None):
    ctx = gaz.article_context(context if context is not None else text)
    for m in gaz.find_mentions(text):
        if m.text == name or m.core == name:
            return gaz.resolve(m, ctx)
    raise AssertionError(f"{name!r} not found in {text!r}: {[m.text for m in gaz.find_mentions(text)]}")


@pytest.mark.parametrize("a, b", [
    ("Mykolayiv", "Mykolaiv"), ("Avdiyivka", "Avdiivka"), ("Zaporizhzhya", "Zaporizhzhia"),
    ("Vinnytsya", "Vinnytsia"), ("Kryvyy Rih", "Kryvyi Rih"),
])
def test_transliteration_variants_share_a_skeleton(a, b):
    assert gaz.skeleton(a) == gaz.skeleton(b)


def test_historical_spelling_resolves_through_alternate_names():
    kiev = {c.geonameid for c in gaz.candidates("Kiev") if c.country == "UA"}
    kyiv = {c.geonameid for c in gaz.candidates("Kyiv") if c.country == "UA"}
    assert kiev & kyiv


def test_variant_spelling_finds_the_big_city_in_context():
    place = _resolve("Rockets fell on Mykolayiv in southern Ukraine.", "Mykolayiv")
    assert place.country == "UA" and place.precision == "place"
    assert place.geonameid is not None and place.lat == pytest.approx(46.97, abs=0.1)


def test_region_mention_is_resolved_through_its_capital():
    place = _resolve("Shelling hit villages in the Kherson region of Ukraine.", "Kherson region")
    assert place.precision == "region" and place.country == "UA"
    assert place.name == "Kherson region"


def test_oblast_mention_keeps_the_written_form():
    place = _resolve("A missile hit Cherkasy Oblast overnight, Ukraine said.", "Cherkasy Oblast")
    assert place.precision == "region" and place.name == "Cherkasy Oblast"


def test_country_mention_has_country_precision():
    place = _resolve("Warplanes struck targets in Yemen.", "Yemen")
    assert place.precision == "country" and place.country == "YE"


def test_compass_country_becomes_a_region():
    place = _resolve("A drone hit a car in southern Lebanon.", "southern Lebanon")
    assert place.precision == "region" and place.country == "LB"


def test_sea_from_the_supplement_table():
    place = _resolve("A missile hit a tanker in the Gulf of Aden.", "Gulf of Aden")
    assert place.precision == "region" and place.country is None and place.lat is not None


def test_article_country_decides_between_namesakes():
    # Lyman exists in Ukraine and in several US states; a Donetsk context picks Ukraine's.
    text = "Fighting raged near Lyman in the Donetsk region, Ukraine's army said."
    place = _resolve(text, "Lyman")
    assert place.country == "UA"


def test_region_in_article_picks_the_town_inside_it():
    text = "Shells hit Novopavlivka in the Dnipropetrovsk region of Ukraine."
    place = _resolve(text, "Novopavlivka")
    cands = [c for c in gaz.candidates("Novopavlivka") if c.geonameid == place.geonameid]
    dnipro = [c for c in gaz.candidates("Dnipro") if c.country == "UA" and c.population > 500000][0]
    assert cands and cands[0].admin1 == dnipro.admin1


def test_common_word_town_is_not_a_place_at_sentence_start():
    mentions = gaz.find_mentions("Many people fled. Strike teams arrived.")
    assert [m.text for m in mentions] == []


def test_place_inside_an_organisation_name_is_not_a_mention():
    mentions = gaz.find_mentions("The Kyiv Post reported it, citing the Kharkiv Oblast Military Administration.")
    assert [m.core for m in mentions] == []


def test_acronyms_are_not_towns():
    assert gaz.find_mentions("It was reported by Censor.NET and by AFP.") == []


def test_far_away_town_matched_on_an_alternate_spelling_is_rejected():
    # A Lebanese article naming a village the gazetteer lacks must not land in India because
    # some Indian town lists a similar romanisation among its alternate names.
    far = gaz.Candidate(1, "Bariya", "IN", "09", 22.7, 73.9, 21000, "city", primary=False)
    mention = gaz.Mention(0, 5, "Baria", "Baria", [far])
    ctx = gaz.Context(countries={"LB": 4, "IL": 1})
    assert gaz.resolve(mention, ctx) is None
    at_home = gaz.Context(countries={"IN": 2})
    assert gaz.resolve(mention, at_home).country == "IN"


def test_index_is_cached_on_disk_and_reloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path))
    monkeypatch.setattr(gaz, "_INDEX", None)
    fake = {"testvile": [((1, "Testville", "UA", "01", 1.0, 2.0, 5000, "city"), True)]}
    monkeypatch.setattr(gaz, "_build_index", lambda: fake)
    assert [c.name for c in gaz.candidates("Testville")] == ["Testville"]
    assert list(tmp_path.glob("places-*.sqlite"))
    monkeypatch.setattr(gaz, "_INDEX", None)

    def boom():
        raise AssertionError("rebuilt although a cached index exists")
    monkeypatch.setattr(gaz, "_build_index", boom)
    hit = gaz.candidates("Testville")
    assert hit[0].country == "UA" and hit[0].lat == 1.0 and hit[0].primary
    assert gaz.candidates("Nowhereville") == []
    monkeypatch.setattr(gaz, "_INDEX", None)


def test_unwritable_cache_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("FACTSHEET_CACHE", str(blocker / "sub"))
    monkeypatch.setattr(gaz, "_INDEX", None)
    fake = {"x": []}
    monkeypatch.setattr(gaz, "_build_index", lambda: fake)
    assert gaz.index() is fake
    monkeypatch.setattr(gaz, "_INDEX", None)


def test_mention_finding_is_linear_in_article_length():
    # Cue words are read from a short window before each name, so a long article costs
    # proportionally more, not quadratically more.
    para = "Shells hit the town of Kupiansk and the Kharkiv region, officials said. "
    gaz.find_mentions(para)
    small = calls(gaz.find_mentions, para * 200)
    big = calls(gaz.find_mentions, para * 2000)
    assert len(gaz.find_mentions(para * 2000)) == 4000
    assert big < small * 12


def test_first_level_region_not_named_after_a_town_resolves_with_its_country():
    # ISO 3166-2 regions (pycountry) cover states the city list cannot: Kachin has no town
    # of that name, yet "Kachin State" is a region of Myanmar.
    place = _resolve("Airstrikes hit villages in Kachin State on Monday.", "Kachin State")
    assert place.precision == "region" and place.country == "MM" and place.lat is not None


def test_bare_region_name_without_a_region_word_is_not_the_region():
    text = "Officials from Kachin arrived."
    ctx = gaz.article_context(text)
    places = [gaz.resolve(m, ctx) for m in gaz.find_mentions(text)]
    assert all(p is None or p.precision != "region" for p in places)
    assert not any(m.region_word for m in gaz.find_mentions("North Darfur officials met."))


def test_region_resolving_through_its_capital_still_wins_for_city_named_regions():
    place = _resolve("Drones hit the Odesa region overnight, Ukraine said.", "Odesa region")
    assert place.precision == "region" and place.country == "UA"
    assert place.lat == pytest.approx(46.48, abs=0.1)


def test_namesakes_far_apart_with_no_context_are_flagged_ambiguous():
    place = _resolve("Shells hit Alexandria.", "Alexandria")
    assert place.precision == "place" and place.ambiguous


def test_tail_of_an_unlisted_compound_name_is_not_a_mention():
    assert [m.core for m in gaz.find_mentions("A drone hit the village of Beit Nurri.")] == []


def test_city_named_outright_beats_a_village_known_by_that_name_only_as_an_alternate():
    # The article names a region elsewhere and a town near it; the big city whose own name this
    # is must still win over a nearby village listing the name among its former names.
    text = ("Shelling hit Kramatorsk in the Donetsk region on Monday. "
            "Missiles also struck Mykolayiv and Kherson, officials said.")
    ctx = gaz.article_context(text)
    mention = next(m for m in gaz.find_mentions(text) if m.core == "Mykolayiv")
    place = gaz.resolve(mention, ctx)
    assert place.lat is not None and place.lat < 47.5    # the southern port city, not Donbas
