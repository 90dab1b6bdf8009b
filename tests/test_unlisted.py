"""Places missing from the gazetteer, located by the text's own description."""

from __future__ import annotations

from geomap import geoparse
from geomap._unlisted import UNLISTED_CODE
from geomap.gazetteer import haversine_km, load_gazetteer
from geomap.records import Toponym


def unlisted(text: str) -> list[Toponym]:
    return [t for t in geoparse(text) if t.feature_code == UNLISTED_CODE]


def test_the_names_are_not_in_the_gazetteer() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("Hroza") == []
    assert gaz.lookup("Baledogle") == []


def test_distance_and_bearing_move_the_point_from_the_anchor() -> None:
    text = "Hroza, a farming village some 30 km west of Kupiansk, was hit on Thursday."
    (hroza,) = unlisted(text)
    kupiansk = next(t for t in geoparse(text) if t.text == "Kupiansk")
    assert (hroza.text, hroza.country_code, hroza.kind) == ("Hroza", "UA", "populated")
    assert 29 <= haversine_km(hroza.lat, hroza.lon, kupiansk.lat, kupiansk.lon) <= 31
    assert hroza.lon < kupiansk.lon  # west
    assert abs(hroza.lat - kupiansk.lat) < 0.05
    assert hroza.reasons == ("unlisted village, located some 30 km west of Kupiansk",)


def test_miles_are_converted() -> None:
    (t,) = unlisted("Jets hit Baledogle, an air base town 60 miles north-west of Mogadishu.")
    mogadishu = next(x for x in geoparse("Mogadishu") if x.text == "Mogadishu")
    assert 95 <= haversine_km(t.lat, t.lon, mogadishu.lat, mogadishu.lon) <= 98
    assert t.lat > mogadishu.lat and t.lon < mogadishu.lon


def test_near_places_at_the_anchor_and_every_mention_is_tagged() -> None:
    text = "Shells fell on the village of Hroza, near Kupiansk. Hroza had 330 people."
    found = unlisted(text)
    assert [t.text for t in found] == ["Hroza", "Hroza"]
    assert found[1].start == text.rindex("Hroza")
    kupiansk = next(x for x in geoparse(text) if x.text == "Kupiansk")
    assert all((t.lat, t.lon) == (kupiansk.lat, kupiansk.lon) for t in found)
    assert all(t.country_code == "UA" for t in found)


def test_a_province_places_it_in_the_province() -> None:
    (t,) = unlisted("The strike hit Hroza, a village in the Kharkiv region.")
    assert t.country_code == "UA"
    assert t.admin1 is not None and "Kharkiv" in t.admin1


def test_no_anchor_no_place() -> None:
    assert unlisted("Hroza, a farming village, mourned its dead.") == []


def test_a_listed_name_is_left_to_the_gazetteer() -> None:
    text = "Kupiansk, a town 30 km east of Hroza, was shelled."
    assert unlisted(text) == []


def test_the_area_of_a_district() -> None:
    (t,) = unlisted("Militants stormed a checkpost in the Makeen area of South Waziristan in "
                    "north-western Pakistan.")
    assert (t.text, t.country_code) == ("Makeen", "PK")
    assert t.reasons == ("unlisted area, located in South Waziristan",)


def test_an_air_base_near_a_town() -> None:
    text = "Ethiopian jets hit Baledogle air base, north-west of Mogadishu, in Somalia."
    (t,) = unlisted(text)
    mogadishu = next(x for x in geoparse(text) if x.text == "Mogadishu")
    assert (t.text, t.country_code, t.lat, t.lon) == (
        "Baledogle", "SO", mogadishu.lat, mogadishu.lon)


# --- a strike's place moved by the text (moved_by_text) ---------------------------------


def test_distance_and_bearing_from_a_port_put_the_strike_at_sea() -> None:
    from geomap._unlisted import OFFSET_CODE, moved_by_text

    text = "Two missiles hit the cruiser late on Wednesday, roughly 100 km south of Odesa."
    plain = geoparse(text)
    odesa = next(t for t in plain if t.text == "Odesa")
    moved = next(t for t in moved_by_text(text, plain, load_gazetteer()) if t.text == "Odesa")
    assert moved.feature_code == OFFSET_CODE and moved.country_code is None
    assert 95 < haversine_km(odesa.lat, odesa.lon, moved.lat, moved.lon) < 105
    assert moved.lat < odesa.lat
    assert odesa.feature_code != OFFSET_CODE  # the mention itself is not changed


def test_a_district_of_the_capital_is_in_the_capital() -> None:
    from geomap._unlisted import moved_by_text

    text = ("A Russian missile wrecked a shopping centre in the Podilskyi district, on the "
            "north-western edge of the capital, Ukrainian officials said.")
    moved = next(t for t in moved_by_text(text, geoparse(text), load_gazetteer())
                 if t.text == "Podilskyi")
    assert moved.name == "Podilskyi, Kyiv" and abs(moved.lat - 50.45) < 0.1


def test_distance_and_bearing_on_land_keep_the_country() -> None:
    from geomap._unlisted import moved_by_text

    text = "A convoy was struck 40 km east of Palmyra in central Syria on Monday."
    t, _ = moved_by_text(text, geoparse(text), load_gazetteer())
    assert (t.name, t.country_code) == ("40 km east of Palmyra", "SY")


def test_a_sea_off_a_country_is_placed_by_that_country() -> None:
    from geomap._unlisted import moved_by_text

    text = "A blast damaged the ship Saviz, anchored in the Red Sea off Eritrea."
    found = moved_by_text(text, geoparse(text), load_gazetteer())
    sea = next(t for t in found if t.text == "Red Sea")
    eritrea = next(t for t in found if t.text == "Eritrea")
    assert sea.name == "Red Sea off Eritrea" and sea.country_code is None
    assert (sea.lat, sea.lon) == (eritrea.lat, eritrea.lon)


def test_a_strike_at_sea_south_of_a_port_is_an_event_there() -> None:
    import datetime as dt

    from geomap.events import extract_events
    from geomap.records import Article

    text = ("Ukrainian forces hit the Russian cruiser with two missiles late on Wednesday, "
            "roughly 100 km south of Odesa.")
    (e,) = extract_events(Article(id="t", text=text, title="T", date=dt.date(2022, 4, 15)),
                          geoparse(text))
    assert (e.location_name, e.location_country, e.geo_precision) == (
        "100 km south of Odesa", None, 2)
    assert e.attacker_country == "UA"


def test_a_town_then_its_district() -> None:
    (t,) = unlisted("A suicide bomber rammed a truck into an army post in Mir Ali, in the "
                    "North Waziristan district, on Saturday.")
    assert (t.text, t.country_code) == ("Mir Ali", "PK")


def test_a_district_of_a_province_without_the() -> None:
    (t,) = unlisted("Jets struck a house in Sepera district of Khost province, Afghanistan.")
    assert (t.text, t.country_code) == ("Sepera", "AF")


def test_a_region_beats_a_bare_bearing_from_a_far_city() -> None:
    text = ("Drones targeted the Khalino base in the Kursk region, south of Moscow, "
            "on Monday.")
    (t,) = unlisted(text)
    assert t.text == "Khalino" and t.admin1 is not None and "Kursk" in t.admin1


def test_a_village_that_lies_some_distance_from_a_town() -> None:
    text = ("Gunmen raided the village of Solhan overnight. Solhan lies about 15 km from Sebba, "
            "the main town of Yagha province in Burkina Faso.")
    found = unlisted(text)
    assert {t.text for t in found} == {"Solhan"} and found[0].country_code == "BF"


def test_the_anchor_of_the_next_thing_named_is_not_this_one_s() -> None:
    text = ("Drones targeted the Khalino base in the Kursk region and the Engels base near "
            "Saratov on Monday.")
    (t,) = unlisted(text)
    assert t.admin1 is not None and "Kursk" in t.admin1


def test_a_distance_from_a_small_country_is_at_sea() -> None:
    from geomap._unlisted import moved_by_text

    text = "Missiles hit the frigate some 80 miles north-east of Bahrain on Sunday."
    (t,) = moved_by_text(text, geoparse(text), load_gazetteer())
    assert t.name == "80 miles north-east of Bahrain" and t.country_code is None


def test_a_village_a_few_kilometres_from_a_town() -> None:
    (t,) = unlisted("Gunships fired missiles at the seminary in Chenagai, a village a few "
                    "kilometres from Khar, in the Bajaur tribal agency of Pakistan.")
    assert (t.text, t.country_code) == ("Chenagai", "PK")


def test_a_nationality_before_air_base_is_no_place() -> None:
    assert unlisted("Israeli jets fired missiles at a Syrian air base in Homs province.") == []


def test_the_demonym_capital_is_the_capital_city() -> None:
    from geomap._unlisted import moved_by_text

    text = "Rhodesian aircraft bombed camps on the outskirts of the Zambian capital on Thursday."
    moved = moved_by_text(text, geoparse(text), load_gazetteer())
    (capital,) = [t for t in moved if t.text == "the Zambian capital"]
    assert (capital.name, capital.country_code, capital.kind) == ("Lusaka", "ZM", "populated")
    named = "Jets hit the Zambian capital, Lusaka, on Thursday."
    assert not any(t.text == "the Zambian capital" for t in moved_by_text(
        named, geoparse(named), load_gazetteer()))


def test_a_farm_far_from_the_centre_of_a_city_and_a_groups_camp() -> None:
    text = ("Jets struck Westlands Farm, a former farm about 16 km north-east of central "
            "Lusaka. Later planes bombed a second ZIPRA camp near Mkushi.")
    assert [t.text for t in unlisted(text)] == ["Westlands Farm"]


def test_a_town_put_in_another_country_is_that_area_s_unlisted_town() -> None:
    from geomap._unlisted import moved_by_text
    text = ("Insurgents overran the town of Palma in northern Mozambique. Palma, in Cabo "
            "Delgado province, lies near the Tanzanian border. Palma is far from Majorca.")
    moved = [t for t in moved_by_text(text, geoparse(text), load_gazetteer()) if t.text == "Palma"]
    assert len(moved) == 3
    assert {(t.country_code, t.kind, t.feature_code) for t in moved} == {
        ("MZ", "adm1", UNLISTED_CODE)}


def test_a_district_of_another_country_s_province_is_unlisted_there() -> None:
    from geomap._unlisted import moved_by_text
    text = ("Two strikes hit the Khamees market in Mastaba, a district of Hajjah province about "
            "45 km from the Saudi border.")
    moved = [t for t in moved_by_text(text, geoparse(text), load_gazetteer())
             if t.text == "Mastaba"]
    assert [(t.country_code, t.kind) for t in moved] == [("YE", "adm1")]


def test_a_place_named_in_the_next_clause_is_no_anchor() -> None:
    assert unlisted("The attack on a bar in Loughinisland, a hamlet in rolling farmland, came "
                    "at about 10 pm, as a crowd cheered on the Irish team playing in New "
                    "Jersey.") == []
