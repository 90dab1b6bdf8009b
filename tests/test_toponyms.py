"""Recognition rules of geomap.toponyms: what is a place mention and what is not."""

from __future__ import annotations

import pytest

from geomap._people import find_people
from geomap._words import abbreviation_pattern, adjective_forms, place_forms
from geomap.gazetteer import load_gazetteer
from geomap.records import Mention
from geomap.toponyms import find_mentions, stop_words, tokenize


def places(text: str) -> list[str]:
    return [m.text for m in find_mentions(text) if m.kind == "place"]


def demonyms(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.country_code) for m in find_mentions(text) if m.kind == "demonym"]


def test_spans_point_into_the_text() -> None:
    text = "Iranian drones hit Panjgur in Balochistan; Pakistan’s army said."
    mentions = find_mentions(text)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan's foreign ministry protested.", ["Pakistan"]),
        ("Pakistan’s army and Iran’s IRGC traded fire.", ["Pakistan", "Iran"]),
        ("Officials in Erbil's old town said so.", ["Erbil"]),
    ],
)
def test_possessives_are_cut_off(text: str, expected: list[str]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells hit a hospital in St George's, the capital.", ["St George's"]),
        ("Students at St Mary's High School in Windsor were hurt.", ["Windsor"]),
        ("A bomb hidden under the bandstand in Regent's Park blew up.", ["Regent's Park"]),
        ("Pakistan's Balochistan was hit.", ["Pakistan", "Balochistan"]),
        ("A Suicide Bomber Kills Commanders in Iran's South-East", ["Iran"]),
        ("Shi'ite processions are often targeted in Punjab.", ["Punjab"]),
    ],
)
def test_a_name_with_its_apostrophe_s_is_kept_whole(text: str, expected: list[str]) -> None:
    assert places(text) == expected


def test_a_place_closing_an_organisation_s_name_is_no_place() -> None:
    assert places("Two men of the Popular Front for the Liberation of Palestine fired at an "
                  "airliner in Athens.") == ["Athens"]


def test_a_holiday_and_a_name_going_on_in_arabic_are_no_places() -> None:
    assert places("A rocket hit the station in Chaplyne on Independence Day.") == ["Chaplyne"]
    assert places("A car bomb wrecked the embassy in Ain al-Mreisseh, west Beirut.") == [
        "Beirut"]


def test_admin_trigger_is_recorded() -> None:
    [m] = [m for m in find_mentions("Strikes hit Balochistan province overnight.")
           if m.kind == "place"]
    assert (m.text, m.trigger) == ("Balochistan", "province")
    [m] = [m for m in find_mentions("Police in the city of Kerman said.") if m.kind == "place"]
    assert (m.text, m.trigger) == ("Kerman", "city")


def test_capitalised_admin_word_joins_the_name() -> None:
    mentions = find_mentions("The Laurel County Sheriff's Office and Idlib Province.")
    assert [(m.text, m.trigger) for m in mentions] == [
        ("Laurel County", "county"), ("Idlib Province", "province")]


def test_demonyms_are_kept_apart() -> None:
    text = "Iranian missiles hit Pakistani villages, Kurdish officials and European envoys said."
    assert places(text) == []
    assert demonyms(text) == [("Iranian", "IR"), ("Pakistani", "PK"), ("Kurdish", None),
                              ("European", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Reporters for Atlas News filed the story.",
        "Jaish al-Adl claimed the attack.",
        "Jaish al Adl fighters attacked a police station.",
        "Hamas and Hezbollah issued statements.",
    ],
)
def test_names_of_organisations_are_not_places(text: str) -> None:
    assert places(text) == []


def test_atlas_news_is_not_a_place_but_atlas_is() -> None:
    assert places("Atlas News reported heavy snow in the Atlas Mountains.") == []
    assert "Atlas" not in places("Reporters at Atlas News said.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The AP and the UN said the IS claimed it; AMLO spoke.", []),
        ("The US and the UK condemned it; the EU called for calm.", ["US", "UK", "EU"]),
        ("HUME – A member of the delegation met the board.", ["HUME"]),
    ],
)
def test_acronyms(text: str, expected: list[str]) -> None:
    assert places(text) == expected


def test_the_is_cut_off_when_only_an_alias_has_it() -> None:
    assert places("The U.S. and The Hague issued statements.") == ["U.S.", "The Hague"]


@pytest.mark.parametrize(
    "text",
    [
        "Mobile phones were cut off.",
        "Founded in 1990, the group grew.",
        "Last year the group grew.",
    ],
)
def test_sentence_initial_common_words(text: str) -> None:
    assert places(text) == []


def test_common_word_in_a_title_case_headline() -> None:
    assert places("Grand Jury Indicts Man In December Slaying. Police said more.") == []


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday, June 5, officials met again.",
        "West and South of the river, Central officials said.",
        "The White House said on Easter Sunday that talks would go on.",
        "El Niño and La Niña shape the hurricane season.",
    ],
)
def test_calendar_and_compass_words(text: str) -> None:
    assert places(text) == []


def test_multiword_names_with_compass_words_are_kept() -> None:
    assert places("Fighting spread from the West Bank to South Africa's ports.") == [
        "West Bank", "South Africa"]


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Chief of staff John Kelly met reporters. Kelly said the talks went well.", "Kelly"),
        ("President Obama spoke. Obama said he was glad.", "Obama"),
        ("Sen. Roberts and Mrs. Moore arrived.", "Roberts"),
        ("Sen. Roberts and Mrs. Moore arrived.", "Moore"),
        ("Who would want Matthew D. Flores dead? Flores' stepfather asked.", "Flores"),
        ("Safety stressed on St. Patrick's Day.", "Patrick"),
        ("The group helped Jana Van Voorhis.", "Van"),
        ('"No one told me," said Noma. Noma works as a cleaner.', "Noma"),
    ],
)
def test_person_names_are_not_places(text: str, not_expected: str) -> None:
    assert not_expected not in places(text)


def test_major_places_still_speak() -> None:
    # "Moscow said": a government speaking; the person rule is for small places only
    assert places("Moscow said the talks failed, and Washington told allies.") == [
        "Moscow", "Washington"]


def test_people_cues() -> None:
    text = "Gov. Rick Perry met John Kelly. Kelly said Noma had left."
    people = find_people(text, tokenize(text), load_gazetteer())
    assert people.surnames == {"Perry", "Kelly"}
    assert "Kelly" in people.speakers


def test_place_names_after_cues_are_places() -> None:
    # "General Santos" and "St. Louis" are places, not a title or saint and a name
    assert places("Troops landed in General Santos and flew to St. Louis.") == [
        "General Santos", "St. Louis"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CHARLESTON, W.Va. -- A man pleaded guilty.", ["CHARLESTON", "W.Va."]),
        ("He lives in Atlanta, Ga., and in Fresno, Calif.", ["Atlanta", "Ga.", "Fresno",
                                                           "Calif."]),
        ("She moved to Ontario, Calif. last year.", ["Ontario", "Calif."]),
        ("Sen. Pat Roberts, R-Kan., and Rep. Wendell Gilliard, D-Charleston, spoke.",
         ["Kan.", "Charleston"]),
        ("Mass. transit and Miss. Smith are not states here.", []),
    ],
)
def test_news_abbreviations(text: str, expected: list[str]) -> None:
    assert places(text) == expected


def test_abbreviation_pattern_takes_spaces_and_stops_at_words() -> None:
    pattern = abbreviation_pattern()
    assert pattern.match("W. Va.") is not None
    assert pattern.match("Gal") is None
    match = pattern.match("GA 30303")
    assert match is not None and match.group() == "GA"


def test_streets_are_not_towns() -> None:
    assert places("Council renamed Wichita Street near Paris.") == ["Paris"]


def test_contractions_are_not_places() -> None:
    assert places("I’ve seen it and we’re sure, he’ll say.") == []


def test_dublin_city_council_is_dublin() -> None:
    [m] = find_mentions("Members of Dublin City Council met on Monday.")
    assert (m.text, m.kind) == ("Dublin", "place")


def test_stop_words_include_calendar_and_small_common_words() -> None:
    stops = stop_words()
    assert {"thursday", "june", "west", "police"} <= stops
    assert "chad" not in stops  # a country as well as a word


def test_every_place_form_names_a_gazetteer_place() -> None:
    gaz = load_gazetteer()
    for form in place_forms().values():
        cands = gaz.lookup(form.name, country_codes=[form.country_code] if form.country_code
                           else None, kinds=[form.kind])
        assert cands, form
    assert adjective_forms()["european"].name == "Europe"


def test_mention_record_is_plain() -> None:
    m = find_mentions("Drones hit Panjgur.")[0]
    assert m == Mention(11, 18, "Panjgur", "place", None, None)


# ---- rules from strike reporting: facilities, rivers, longer names, brands


def triggers(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.trigger) for m in find_mentions(text) if m.kind == "place"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bombers struck Zion Church in Batticaloa.", [("Zion", "church"), ("Batticaloa", None)]),
        ("A bomb went off at St Sebastian's Church.", [("St Sebastian", "church")]),
        ("Suicide bombers hit the Shangri-La, Cinnamon Grand and Kingsbury hotels in Colombo.",
         [("Shangri-La", "hotel"), ("Kingsbury", "hotel"), ("Colombo", None)]),
        ("Shells hit the Kupiansk market.", [("Kupiansk", "market")]),
        # stations and boards are named after their town
        ("A missile hit the Kramatorsk railway station.", [("Kramatorsk", None)]),
        ("Crestwood School Board met.", [("Crestwood", None)]),
        # a list of towns before a singular noun is no list of facilities
        ("Kabul, Kandahar and Herat hospital staff went on strike.",
         [("Kabul", None), ("Kandahar", None), ("Herat", "hospital")]),
    ],
)
def test_facility_nouns_are_recorded(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert triggers(text) == expected


def test_a_name_before_river_is_a_river() -> None:
    assert places("Another drone fell across the Kama river near Yelabuga.") == ["Yelabuga"]
    assert places("Flows in the Williams and Cranberry rivers rose.") == []
    # a possessive makes the place the rivers' owner
    assert places("In particular, California's rivers produced few salmon.") == ["California"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 130 people at the Stade de France in Saint-Denis.",
         ["France", "Saint-Denis"]),
        ("The trial was held on the Ile de la Cite in Paris.", ["Paris"]),
        ("The leaders met at the Summit of the Americas in Peru.", ["Peru"]),
        ("He spoke at the Palais des Nations in Geneva.", ["Geneva"]),
        # a major place keeps its name before "of": a comparison, not a longer name
        ("The mayor said Sochi could become the Nice of Russia.", ["Sochi", "Nice", "Russia"]),
    ],
)
def test_a_small_town_before_a_particle_is_part_of_a_longer_name(
        text: str, expected: list[str]) -> None:
    assert places(text) == expected


def test_arabic_compounds_are_not_split() -> None:
    # "Ras al-Ain" is one name (a supplement alias), not Ross (US) and Al Ain (AE)
    assert places("Turkish jets pounded Ras al-Ain.") == ["Ras al-Ain"]
    # without a gazetteer entry neither half is a place
    assert places("Fighting continued near Tal al-Zaatar and Abu al-Ain.") == []


def test_compass_words_before_a_place_are_a_modifier() -> None:
    assert places("Turkey launched an offensive in North-East Syria.") == ["Turkey", "Syria"]
    # but a province named by compass words stays
    assert places("Mines in the North West and Limpopo provinces.") == ["North West",
                                                                       "Limpopo"]


def test_first_word_of_an_armed_group_is_not_a_town() -> None:
    assert places("Boko Haram fighters attacked villages near Maiduguri.") == ["Maiduguri"]
    # a state's name before its forces is still the state
    assert places("US forces left Kabul.") == ["US", "Kabul"]


@pytest.mark.parametrize(
    "text",
    [
        "A missile hit a white Toyota Corolla.",
        "The International Committee of the Red Cross said so.",
        "Reform UK's Nigel Farage won a seat.",
    ],
)
def test_brands_institutions_and_given_names(text: str) -> None:
    assert [p for p in places(text) if p not in {"UK"}] == []


def test_ships_and_weapons_named_like_towns_are_not_places() -> None:
    text = ("The cruiser Moskva sank after two Neptune missiles hit it; the aircraft carrier "
            "Shandong sailed east of Taiwan.")
    places = [m.text for m in find_mentions(text, load_gazetteer()) if m.kind == "place"]
    assert places == ["Taiwan"]


def test_a_short_name_that_goes_on_is_not_the_shorter_place() -> None:
    text = "American air strikes on the Ras Kathib fuel terminal killed 74 people."
    assert [m.text for m in find_mentions(text, load_gazetteer()) if m.kind == "place"] == []


def test_a_club_named_after_a_town_is_not_the_town() -> None:
    text = "A car bomb exploded outside the crowded Sari Club in Kuta."
    places = [m.text for m in find_mentions(text, load_gazetteer()) if m.kind == "place"]
    assert places == ["Kuta"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Car Bombs Shake Tashkent", ["Tashkent"]),
    ("The largest blast was close to the Cabinet of Ministers on Independence Square in "
     "Tashkent.", ["Tashkent"]),
    ("An Exocet hit the frigate USS Stark; the Stark limped to Bahrain.", ["Bahrain"]),
])
def test_acronyms_squares_and_ships_are_not_towns(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_mentions(text, load_gazetteer()) if m.kind == "place"] == expected


def test_a_place_after_in_before_said_is_no_speaker() -> None:
    from geomap import geoparse

    text = ("Jets bombed a market in Rubkona on Monday. Hospital staff in Bentiu said ten "
            "wounded people had been brought in.")
    assert [t.text for t in geoparse(text)] == ["Bentiu"]


def test_gulf_diplomats_are_no_place_but_the_gulf_is_the_sea() -> None:
    from geomap import geoparse

    assert [t.text for t in geoparse("Gulf diplomats read it as Iran's reply.")] == ["Iran"]
    (gulf,) = geoparse("Two tankers were hit in the Gulf on Friday.")
    assert (gulf.name, gulf.country_code) == ("Persian Gulf", None)


def test_a_listed_installation_takes_its_lower_case_noun() -> None:
    assert places("Four destroyers shelled the Rostam oil field and Iranian missiles hit the "
                  "Sea Island terminal.") == ["Rostam oil field", "Sea Island terminal"]
    assert places("Jets struck near the Natanz road.") == ["Natanz"]


def test_a_big_city_after_said_is_still_a_place() -> None:
    text = ("Israeli jets struck the port of Hodeidah on Monday. Residents said Hodeidah was "
            "plunged into darkness.")
    assert places(text) == ["Hodeidah", "Hodeidah"]
