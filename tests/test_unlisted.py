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
    assert gaz.lookup("Shayrat") == []


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
    (t,) = unlisted("Missiles hit Shayrat, an air base town 20 miles south-east of Homs.")
    homs = next(x for x in geoparse("Homs") if x.text == "Homs")
    assert 31 <= haversine_km(t.lat, t.lon, homs.lat, homs.lon) <= 33
    assert t.lat < homs.lat and t.lon > homs.lon


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
    text = "Tomahawk missiles hit Shayrat air base, south-east of Homs, in Syria."
    (t,) = unlisted(text)
    homs = next(x for x in geoparse(text) if x.text == "Homs")
    assert (t.text, t.country_code, t.lat, t.lon) == ("Shayrat", "SY", homs.lat, homs.lon)
