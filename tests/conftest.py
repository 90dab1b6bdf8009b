"""Shared fixtures: the seed articles' seven strike events, rough country outlines, and a
reader of the strike events of one short text."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

import pytest

from geomap import geoparse
from geomap.events import extract_events
from geomap.records import Article, Event, Source

IRAN = (32.0, 53.7)
S000 = Source(id="000_ab62be1e5a254e21",
              title="Pakistan Recalls Ambassador From Iran After Iranian Attack Kills "
                    "Two Children", date="2024-01-17", url="https://example.org/000")
S004 = Source(id="004_20d6123dc004915c",
              title="Pakistan Condemns Iran Missile Strikes on Balochistan Region",
              date="2024-01-16", url="https://atlasnews.example/004")


def _event(**kw: Any) -> Event:
    base: dict[str, Any] = {
        "target": None, "admin1": None, "date_precision": "day", "attacker_country": None,
        "cross_border": False, "geo_precision": 1, "sources": (S004,),
    }
    base.update(kw)
    if base["cross_border"] and "origin_lat" not in kw:
        base.update(origin_name="Iran", origin_lat=IRAN[0], origin_lon=IRAN[1])
    return Event(**base)


def make_seed_events() -> list[Event]:
    """The seven events of ``seeds/EXPECTED.md`` (four cross-border, three domestic)."""
    return [
        _event(id="ev1", event_type="missile strike", date="2024-01-16", attacker="Iran",
               attacker_country="IR", target="Jaish al-Adl headquarters",
               location_name="Balochistan", location_country="PK", admin1="Balochistan",
               geo_precision=3, lat=28.5, lon=65.5, cross_border=True, fatalities=2,
               fatalities_low=2, fatalities_high=2, injured=3,
               weapons=("missiles", "drones"), sources=(S000, S004),
               evidence=("Iran launched missile and drone strikes on what it said were "
                         "headquarters of Jaish al-Adl in Balochistan.",),
               notes=("injured: article 000 says women aged 28-35; article 004 says "
                      "three girls",)),
        _event(id="ev2", event_type="missile strike", date="2024-01-15", attacker="Iran",
               attacker_country="IR", target="Mossad base", location_name="Erbil",
               location_country="IQ", admin1="Erbil", lat=36.19, lon=44.01,
               cross_border=True, fatalities=2, weapons=("ballistic missiles",),
               sources=(S000, S004)),
        _event(id="ev3", event_type="missile strike", date="2024-01-15", attacker="Iran",
               attacker_country="IR", target="Islamic State targets", location_name="Idlib",
               location_country="SY", admin1="Idlib", geo_precision=2, lat=35.93, lon=36.63,
               cross_border=True, weapons=("ballistic missiles",), sources=(S000, S004),
               notes=("place: 000 says northeastern Syria, 004 says near Aleppo and "
                      "outside Idlib",)),
        _event(id="ev4", event_type="armed attack", date="2023-12", date_precision="month",
               attacker="Jaish al-Adl", target="police station", location_name="Rask",
               location_country="IR", admin1="Sistan and Baluchestan", lat=26.23, lon=61.40,
               fatalities=11),
        _event(id="ev5", event_type="suicide bombing", date="2024-01", date_precision="month",
               attacker=None, location_name="Kerman", location_country="IR",
               admin1="Kerman", lat=30.28, lon=57.08, fatalities=95, fatalities_low=84,
               fatalities_high=100, weapons=("suicide bombs",)),
        _event(id="ev6", event_type="suicide bombing", date="2019-02", date_precision="month",
               attacker="Jaish al-Adl", location_name="Sistan and Baluchestan",
               location_country="IR", admin1="Sistan and Baluchestan", geo_precision=3,
               lat=27.5, lon=60.5, fatalities=27, weapons=("suicide bomb",)),
        _event(id="ev7", event_type="missile strike", date="2023-03", date_precision="month",
               attacker="Iran", attacker_country="IR", target="Israeli spy centers",
               location_name="Erbil", location_country="IQ", admin1="Erbil", lat=36.19,
               lon=44.01, cross_border=True, weapons=("missiles",)),
    ]


def _box(code: str, name: str, bbox: tuple[float, float, float, float]) -> dict[str, Any]:
    west, south, east, north = bbox
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Feature", "properties": {"iso_a2": code, "name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def make_country_boxes() -> dict[str, Any]:
    """Rough rectangles for Iran, Pakistan, Iraq, Syria and Turkey (tests only)."""
    return {"type": "FeatureCollection", "features": [
        _box("IR", "Iran", (47.0, 25.1, 63.3, 39.8)),
        _box("PK", "Pakistan", (63.3, 23.7, 77.0, 37.1)),
        _box("IQ", "Iraq", (38.8, 29.1, 47.0, 37.4)),
        _box("SY", "Syria", (35.7, 32.3, 42.4, 37.3)),
        _box("TR", "Turkey", (26.0, 37.3, 44.8, 42.1)),
    ]}


@pytest.fixture
def seed_events() -> list[Event]:
    return make_seed_events()


@pytest.fixture
def country_boxes() -> dict[str, Any]:
    return make_country_boxes()


def make_synthetic_events(n: int, seed: int = 1) -> list[Event]:
    """``n`` plausible events with long evidence and shared sources (size tests)."""
    rng = random.Random(seed)
    attackers = [("Iran", "IR"), ("Israel", "IL"), ("Pakistan", "PK"), ("Turkey", "TR"),
                 ("Jaish al-Adl", None), ("Islamic State", None), (None, None)]
    types = ["missile strike", "drone strike", "airstrike", "suicide bombing", "armed attack"]
    words = ["the", "strike", "hit", "a", "compound", "near", "town", "according", "to",
             "local", "officials", "who", "said", "missiles", "and", "drones", "were",
             "used", "in", "early", "morning", "attack"]
    pool = [Source(id=f"art{i:05d}", title=" ".join(rng.choices(words, k=10)).title(),
                   date="2024-01-16", url=f"https://news.example/{i}")
            for i in range(max(1, n // 3))]
    out = []
    for i in range(n):
        att, cc = rng.choice(attackers)
        cross = cc is not None and rng.random() < 0.5
        year, month, day = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
        out.append(Event(
            id=f"e{i}", event_type=rng.choice(types), date=f"{year}-{month:02d}-{day:02d}",
            date_precision="day", attacker=att, attacker_country=cc,
            target="a compound", location_name=f"Place {i}", location_country="IQ",
            admin1="Province", geo_precision=rng.randint(1, 4),
            lat=rng.uniform(25, 38), lon=rng.uniform(35, 66), cross_border=cross,
            fatalities=rng.choice([None, 0, 1, 2, 5, 12, 40]), injured=rng.randint(0, 9),
            weapons=("missiles",), sources=tuple(rng.sample(pool, k=min(2, len(pool)))),
            evidence=(" ".join(rng.choices(words, k=30)) + ".",
                      " ".join(rng.choices(words, k=25)) + "."),
            origin_name="Origin" if cross else None,
            origin_lat=32.0 if cross else None, origin_lon=53.7 if cross else None))
    return out


@pytest.fixture
def synthetic_events() -> Callable[[int], list[Event]]:
    return make_synthetic_events


@pytest.fixture
def read_events() -> Callable[[str, dt.date], list[Event]]:
    """The strike events of one short text published on the given day."""
    def read(text: str, published: dt.date) -> list[Event]:
        return extract_events(Article(id="t", text=text, title="Test", date=published),
                              geoparse(text))
    return read
