"""Tests for geomap._amend: what follow-up sentences and the article-level passes amend."""

from __future__ import annotations

import datetime as dt

from geomap.events import extract_events
from geomap.records import Article, Event
from geomap.resolve import geoparse


def _events(text: str, published: dt.date) -> list[Event]:
    return extract_events(Article(id="t", text=text, title="Test", date=published),
                          geoparse(text))


def test_a_day_s_total_told_with_one_site_leaves_it_its_own_count() -> None:
    text = ("LONDON, July 21 - Two bombs exploded in central London parks yesterday, killing "
            "at least nine soldiers in Hyde Park and elsewhere. Three troopers were killed. "
            "Shortly before one o'clock, a second bomb blew up under the bandstand in Regent's "
            "Park. At least six bandsmen died.")
    found = sorted((e.fatalities, e.location_name) for e in _events(text, dt.date(1982, 7, 21)))
    assert found == [(3, "London"), (6, "Regent's Park")]


def test_a_total_of_strikes_of_another_month_is_no_day_s_total() -> None:
    text = ("Police said on Saturday they had arrested a man, a day after a hijacked truck "
            "ploughed into shoppers on Stockholm's busiest street, killing four people. The "
            "attack echoed the rampage on Westminster Bridge in London last month, when a man "
            "drove a car into pedestrians, killing five people before he was shot dead. It was "
            "not the first attack on the street. In December 2010, a suicide bomber blew himself "
            "up in a side street. Two people were injured; the bomber was the only person "
            "killed.")
    london = [e for e in _events(text, dt.date(2017, 4, 8)) if e.location_name == "London"]
    assert [e.fatalities for e in london] == [5]



def test_the_headline_s_strike_in_a_wider_place_is_the_body_s_strike_with_its_dead() -> None:
    text = ("# Twin Bombs Kill 22 in Market of Christian Town in Sulawesi\n\n"
            "PALU, Indonesia, May 29 - Police were hunting on Sunday for those behind two "
            "bombs that ripped through a crowded market in the town of Tentena on Saturday, "
            "killing at least 22 people.")
    (event,) = _events(text, dt.date(2005, 5, 29))
    assert (event.location_name, event.date, event.fatalities) == ("Tentena", "2005-05-28", 22)


def test_a_state_s_strike_told_without_a_place_is_not_in_its_own_town_filed_from() -> None:
    found = _events("JERUSALEM, March 22 - Israeli tanks, jets and paratroopers crossed the "
                    "river at dawn yesterday and attacked the town of Karameh, which Israel calls "
                    "a guerrilla base, killing 21.", dt.date(1968, 3, 22))
    assert all(e.location_name != "Jerusalem" for e in found)


def test_a_strike_on_an_island_the_gazetteer_lacks_is_not_put_in_the_town_filed_from() -> None:
    text = ("MOGADISHU, Jan 9 - An American AC-130 gunship struck late on Sunday on Badmadow "
            "island, near Ras Kamboni, killing a boy.")
    assert [e.location_name for e in _events(text, dt.date(2007, 1, 9))] == []
    told = "MOGADISHU, Jan 9 - An American AC-130 gunship struck late on Sunday, killing a boy."
    assert [e.location_name for e in _events(told, dt.date(2007, 1, 9))] == ["Mogadishu"]


def test_the_towns_a_sentence_names_after_a_strike_on_a_country_are_its_sites() -> None:
    text = ("Turkish troops and jets attacked Syria on Wednesday, shelling border districts "
            "with artillery. Kurdish officials said the heaviest fire fell on the town of Ras "
            "al-Ain and on Tal Abyad.")
    found = sorted((e.location_name, e.attacker_country, e.date)
                   for e in _events(text, dt.date(2019, 10, 10)))
    assert found == [("Ra’s al ‘Ayn", "TR", "2019-10-09"), ("Tall Abyaḑ", "TR", "2019-10-09")]


def test_the_dead_of_what_a_strike_is_the_worst_since_are_not_its_own() -> None:
    text = ("A man drove a truck into a crowd in Akihabara on Sunday and stabbed passers-by, "
            "killing seven people. It was the worst random killing in Japan since a man with a "
            "knife killed eight children at a primary school in Ikeda in June 2001.")
    (event,) = _events(text, dt.date(2008, 6, 9))
    assert (event.fatalities, event.fatalities_high) == (7, 7)
