"""Tests for geomap._forces: state forces the text names without the actor table."""

from __future__ import annotations

import datetime as dt

from geomap._forces import as_forces, story_actors
from geomap.actors import find_actors
from geomap.events import extract_events
from geomap.records import Article, Event
from geomap.resolve import geoparse


def _events(text: str, published: dt.date) -> list[Event]:
    article = Article(id="t", text=text, title="Test", date=published)
    return extract_events(article, geoparse(text))


def test_a_capital_named_aircraft_is_no_government() -> None:
    text = "Canberra bombers and Hunter jets struck the farm."
    assert as_forces(text, find_actors(text)) == []


def test_a_neighbour_named_only_as_a_place_leaves_the_host_s_air_force_its_own() -> None:
    text = ("Bombs killed 34 villagers near Ortasu, in the Uludere district of Sirnak province "
            "in Turkey, as they crossed back from northern Iraq. The General Staff in Ankara "
            "said the air force had struck.")
    found = [(a.text, a.country_code) for a in story_actors(text, geoparse(text))]
    assert ("the air force", "TR") in found


def test_no_host_forces_when_another_state_acts() -> None:
    text = ("Bombs killed 34 villagers near Ortasu, in the Uludere district of Sirnak province "
            "in Turkey. Iraqi troops watched as the air force struck.")
    found = [(a.text, a.country_code) for a in story_actors(text, geoparse(text))]
    assert ("the air force", "TR") not in found


def test_a_state_s_name_after_a_word_that_starts_a_place_s_name_is_no_actor() -> None:
    text = "Rebels shot dead a community leader in Villa El Salvador and near Mount Lebanon."
    assert story_actors(text, []) == []


def test_national_guardsmen_of_a_one_country_story_are_its_forces() -> None:
    text = ("National Guardsmen fired on an anti-war rally at Kent State University in Kent, "
            "Ohio, killing four students.")
    found = [(a.text, a.country_code) for a in story_actors(text, geoparse(text))]
    assert ("National Guardsmen", "US") in found


def test_soldiers_firing_on_a_crowd_in_a_one_country_story_are_its_forces() -> None:
    text = "Troops opened fire on a crowd of marchers in Derry, killing 13 people."
    found = [(a.text, a.country_code) for a in story_actors(text, geoparse(text))]
    assert ("Troops", "GB") in found


def test_air_force_planes_of_a_one_country_story_are_its_forces() -> None:
    text = ("COLOMBO - Air force planes bombed Tamil guerrilla camps around Jaffna on "
            "Wednesday, a day after a car bomb devastated the main bus station in Colombo.")
    found = [(a.text, a.country_code) for a in story_actors(text, geoparse(text))]
    assert ("Air force planes", "LK") in found


def test_security_forces_firing_on_protesters_are_the_states() -> None:
    text = ("BISHKEK - A day after security forces opened fire on thousands of protesters in "
            "the capital, officials said 75 people had been killed in Bishkek.")
    found = [(a.text, a.country_code) for a in story_actors(text, geoparse(text))]
    assert ("security forces", "KG") in found


def test_a_citys_clock_is_no_actor() -> None:
    text = ("Enemy bombers raided Tokyo a few minutes after noon on Saturday, Tokyo time, in "
            "the first air attack on the Japanese capital.")
    clock = text.index("Tokyo time")
    assert clock not in [a.start for a in story_actors(text, geoparse(text))]


def test_the_city_of_a_dateline_is_no_actor() -> None:
    text = ("TEHRAN (wire) - A powerful bomb destroyed the party headquarters in central "
            "Tehran late on Sunday, killing 72 people.")
    assert "TEHRAN" not in [a.text for a in story_actors(text, geoparse(text))]
    text = ("JERUSALEM/GAZA - A rocket fired from the Gaza Strip slammed into a building in "
            "Kiryat Malachi on Thursday, killing three people.")
    assert "JERUSALEM" not in [a.text for a in story_actors(text, geoparse(text))]
    text = "TEHRAN said on Monday that its air force had struck the camp."
    assert "TEHRAN" in [a.text for a in story_actors(text, geoparse(text))]


def test_patrolmen_who_opened_fire_in_a_one_country_story_are_its_forces() -> None:
    text = ("Two students were shot dead in Jackson, Mississippi, when city policemen and state "
            "highway patrolmen opened fire on a crowd.")
    found = [(a.text, a.country_code) for a in story_actors(text, geoparse(text))]
    assert ("patrolmen", "US") in found


def test_nato_strikes_are_coded_to_the_us_and_a_later_unattributed_one_inherits_it() -> None:
    text = ("NATO missiles tore through the headquarters of Serbian state television in central "
            "Belgrade early on Friday, killing at least ten people. Before dawn on Wednesday, "
            "cruise missiles hit the Usce business tower in New Belgrade.")
    found = _events(text, dt.date(1999, 4, 24))
    assert [(e.date, e.attacker_country, e.cross_border) for e in found] == [
        ("1999-04-23", "US", True), ("1999-04-21", "US", True)]


def test_a_force_named_only_as_a_threat_is_not_the_implied_attacker() -> None:
    text = ("Three shells fell among people queueing for aid in Dobrinja, in Sarajevo, on "
            "Friday, killing at least eight. Officials debated whether the Serbs should pull "
            "back their guns or face NATO air strikes.")
    (event,) = _events(text, dt.date(1994, 2, 6))
    assert event.attacker_country is None


def test_a_capital_that_orders_or_says_is_a_government_not_the_unplaced_strike_s_town() -> None:
    text = ("DAMASCUS, Oct 27 - Helicopters landed on a farm, and soldiers opened fire on "
            "workers, killing eight. Hundreds marched through Abu Kamal behind the coffins, and "
            "Abu Kamal's shops closed. "
            "Damascus ordered the closure of an American school; Damascus says it has "
            "tightened controls.")
    (event,) = _events(text, dt.date(2008, 10, 27))
    assert event.location_name == "Ālbū Kamāl"


def test_a_state_s_name_in_a_name_a_group_calls_itself_is_no_actor() -> None:
    text = ("Suicide bombers killed 13 people at a hotel north of Mombasa on Thursday. A group "
            "calling itself the Army of Palestine claimed responsibility.")
    assert [a.text for a in story_actors(text, geoparse(text))] == []
    (event,) = _events(text, dt.date(2002, 11, 29))
    assert event.attacker_country is None
