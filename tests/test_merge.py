"""Tests for geomap.merge: reports of the same strike from several articles become one event."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from geomap.gazetteer import Gazetteer, haversine_km, load_gazetteer
from geomap.merge import merge, same_strike
from geomap.records import Event, Place, Source

A = Source("art-a", "Iran strikes Pakistan", "2024-01-17", "https://a.example/1")
B = Source("art-b", "Pakistan condemns Iran", "2024-01-16", "https://b.example/1")
C = Source("art-c", "Third report", "2024-01-18", None)
BALOCHISTAN = "gn:1183606"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def panjgur(gaz: Gazetteer) -> Place:
    return gaz.lookup("Panjgur")[0].place


@pytest.fixture(scope="module")
def balochistan(gaz: Gazetteer) -> Place:
    place = gaz.get(BALOCHISTAN)
    assert place is not None
    return place


def report(place: Place, source: Source, number: int = 1, *, date: str | None = "2024-01-16",
           precision: str | None = "day", cc: str | None = "IR", killed: int | None = None,
           **kw: Any) -> Event:
    """One article's report of a strike, as geomap.events would build it."""
    fields: dict[str, Any] = {
        "id": f"{source.id}#{number}", "event_type": "Shelling/artillery/missile attack",
        "date": date, "date_precision": precision if date else None,
        "attacker": "Iran" if cc == "IR" else (cc and f"State {cc}"),
        "attacker_country": cc, "target": None, "location_name": place.name,
        "location_country": place.country_code, "admin1": place.admin1,
        "geo_precision": {"populated": 1, "adm2": 2, "adm1": 3}.get(place.kind, 4),
        "lat": place.lat, "lon": place.lon, "cross_border": cc not in (None, "PK"),
        "fatalities": killed, "fatalities_low": killed, "fatalities_high": killed,
        "sources": (source,), "place_id": place.id,
        "evidence": (f"{source.title}: a sentence about {place.name}.",),
    }
    fields.update(kw)
    return Event(**fields)


def test_a_groups_strike_from_abroad_stays_cross_border_when_merged(
        gaz: Gazetteer, panjgur: Place) -> None:
    one = report(panjgur, A, cc=None, cross_border=True, weapons=("rockets",))
    two = report(panjgur, B, cc=None, cross_border=False, weapons=("rockets",))
    (merged,) = merge([one, two], gaz)
    assert merged.attacker_country is None and merged.cross_border is True
    (alone,) = merge([two], gaz)
    assert alone.cross_border is False


def test_a_town_inside_the_province_is_the_same_strike(gaz: Gazetteer, panjgur: Place,
                                                       balochistan: Place) -> None:
    # more than 60 km apart: they merge because Panjgur lies in Balochistan
    assert haversine_km(panjgur.lat, panjgur.lon, balochistan.lat, balochistan.lon) > 60
    town = report(panjgur, A, weapons=("drones",))
    province = report(balochistan, B, weapons=("missiles",))
    assert same_strike(town, province, gaz)
    assert same_strike(province, town, gaz)
    (merged,) = merge([town, province], gaz)
    assert (merged.location_name, merged.place_id, merged.geo_precision) == (
        "Panjgur", panjgur.id, 1)
    assert merged.location_country == "PK"
    assert merged.attacker_country == "IR"
    assert merged.cross_border is True
    assert set(merged.weapons) == {"drones", "missiles"}
    assert any("Balochistan" in n for n in merged.notes)


def test_reports_three_days_apart_are_different_strikes(gaz: Gazetteer, panjgur: Place,
                                                        balochistan: Place) -> None:
    first = report(panjgur, A, date="2024-01-16")
    later = report(balochistan, B, date="2024-01-19")
    assert not same_strike(first, later, gaz)
    assert len(merge([first, later], gaz)) == 2


def test_reports_a_day_apart_merge_and_the_dates_are_noted(gaz: Gazetteer, panjgur: Place,
                                                           balochistan: Place) -> None:
    first = report(panjgur, A, date="2024-01-16")
    second = report(balochistan, B, date="2024-01-17")
    (merged,) = merge([first, second], gaz)
    assert merged.date in {"2024-01-16", "2024-01-17"}
    assert any("2024-01-16" in n and "2024-01-17" in n for n in merged.notes), merged.notes


def test_different_attacker_countries_are_different_strikes(gaz: Gazetteer, panjgur: Place,
                                                            balochistan: Place) -> None:
    iran = report(panjgur, A, cc="IR")
    afghanistan = report(balochistan, B, cc="AF")
    assert not same_strike(iran, afghanistan, gaz)
    assert len(merge([iran, afghanistan], gaz)) == 2


def test_unnamed_attacker_agrees_with_a_named_one_only_on_the_same_day(
        gaz: Gazetteer, panjgur: Place, balochistan: Place) -> None:
    named = report(balochistan, B, date="2024-01-16")
    assert same_strike(report(panjgur, A, cc=None, date="2024-01-16"), named, gaz)
    assert not same_strike(report(panjgur, A, cc=None, date="2024-01-17"), named, gaz)


def test_reports_of_one_article_never_merge(gaz: Gazetteer, panjgur: Place,
                                           balochistan: Place) -> None:
    one = report(panjgur, A, 1)
    two = report(balochistan, A, 2)
    same_place = report(panjgur, A, 3)
    assert not same_strike(one, two, gaz)
    assert not same_strike(one, same_place, gaz)
    merged = merge([one, two, same_place], gaz)
    assert len(merged) == 3
    assert all(e.sources == (A,) for e in merged)


@pytest.mark.parametrize(("dated", "expected"), [
    (("2024-01-16", "day"), True),  # the day before publication
    (("2024-01-05", "day"), True),  # twelve days before: within the 30 days
    (("2024-01", "month"), True),  # the month of publication
    (("2023-12", "month"), True),  # the 30 days reach into December
    (("2023-12-10", "day"), False),  # 38 days before
    (("2023-01-16", "day"), False),  # a year earlier
    (("2022", "year"), False),  # (2023 would overlap the 30 days)
])
def test_an_undated_report_is_taken_as_recent(gaz: Gazetteer, panjgur: Place,
                                             balochistan: Place, dated: tuple[str, str],
                                             expected: bool) -> None:
    undated = report(panjgur, A, date=None)  # A was published on 2024-01-17
    other = report(balochistan, B, date=dated[0], precision=dated[1])
    assert same_strike(undated, other, gaz) is expected
    assert same_strike(other, undated, gaz) is expected
    merged = merge([undated, other], gaz)
    assert len(merged) == (1 if expected else 2)
    if expected:
        assert (merged[0].date, merged[0].date_precision) == dated


def test_disagreeing_figures_are_kept(gaz: Gazetteer, panjgur: Place,
                                      balochistan: Place) -> None:
    two = report(panjgur, A, killed=2, injured=3)
    three = report(balochistan, B, killed=3, injured=4)
    (merged,) = merge([two, three], gaz)
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (2, 2, 3)
    assert merged.injured == 3  # the lowest figure is the best one
    figures = [n for n in merged.notes if "also reported" not in n]
    assert any(re.search(r"dead|killed|death|fatalit", n) and re.search(r"\b2\b.*\b3\b", n)
               for n in figures), merged.notes
    assert any(re.search(r"injur|wound", n) and re.search(r"\b3\b.*\b4\b", n)
               for n in figures), merged.notes


def test_agreeing_figures_make_no_note(gaz: Gazetteer, panjgur: Place,
                                       balochistan: Place) -> None:
    (merged,) = merge([report(panjgur, A, killed=2, injured=3),
                       report(balochistan, B, killed=2, injured=3)], gaz)
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (2, 2, 2)
    assert merged.injured == 3
    assert not [n for n in merged.notes if re.search(r"dead|killed|injur", n)]


def test_sources_and_evidence_are_united(gaz: Gazetteer, panjgur: Place,
                                         balochistan: Place) -> None:
    (merged,) = merge([report(balochistan, B), report(panjgur, A)], gaz)
    assert merged.sources == (A, B)
    assert sorted(merged.evidence) == [
        f"art-a: {A.title}: a sentence about Panjgur.",
        f"art-b: {B.title}: a sentence about Balochistan.",
    ]
    assert merged.confidence > report(panjgur, A).confidence


def test_no_chaining_every_pair_of_a_cluster_agrees(gaz: Gazetteer, panjgur: Place,
                                                    balochistan: Place) -> None:
    monday = report(panjgur, A, date="2024-01-15")
    tuesday = report(balochistan, B, date="2024-01-16")
    wednesday = report(panjgur, C, date="2024-01-17")
    assert same_strike(monday, tuesday, gaz)
    assert same_strike(tuesday, wednesday, gaz)
    assert not same_strike(monday, wednesday, gaz)
    merged = merge([monday, tuesday, wednesday], gaz)
    assert len(merged) == 2
    assert sorted(len(e.sources) for e in merged) == [1, 2]


def test_ids_are_stable_and_do_not_depend_on_input_order(gaz: Gazetteer, panjgur: Place,
                                                         balochistan: Place) -> None:
    reports = [
        report(panjgur, A, 1, killed=2),
        report(balochistan, B, 1, killed=3),
        report(panjgur, A, 2, date="2023-03", precision="month"),
        report(balochistan, C, 1, cc="AF", date="2023-12", precision="month"),
    ]
    first = merge(reports, gaz)
    assert len(first) == 3
    assert len({e.id for e in first}) == 3
    assert all(e.id.startswith("ev-") for e in first)
    for order in itertools.permutations(reports):
        again = merge(list(order), gaz)
        assert [(e.id, e.sources, e.date, e.fatalities) for e in again] == [
            (e.id, e.sources, e.date, e.fatalities) for e in first]


def test_result_is_sorted_by_date(gaz: Gazetteer, panjgur: Place) -> None:
    merged = merge([report(panjgur, A, 1, date="2024-01-16"),
                    report(panjgur, A, 2, date="2019-02", precision="month"),
                    report(panjgur, A, 3, date=None)], gaz)
    assert [e.date for e in merged] == ["2019-02", "2024-01-16", None]


def test_nothing_to_merge(gaz: Gazetteer) -> None:
    assert merge([], gaz) == []


def test_two_strikes_of_one_article_at_one_town_on_one_day_keep_ids_of_their_own(
        gaz: Gazetteer, panjgur: Place) -> None:
    first = report(panjgur, A, 1, killed=92, evidence=("A bomber struck a snooker club.",))
    second = report(panjgur, A, 2, killed=11, evidence=("Earlier that day a bomb exploded.",))
    merged = merge([first, second], gaz)
    assert sorted(e.fatalities or 0 for e in merged) == [11, 92]
    assert len({e.id for e in merged}) == 2
    assert merged == merge([second, first], gaz)  # the same ids on every run
