"""Typed, frozen records passed between the pipeline stages.

Coordinates are ``lat``/``lon`` named fields everywhere inside geomap; lon/lat order
appears only at the GeoJSON/shapely edge (``export``), ``[lat, lon]`` only for folium.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Article",
    "Candidate",
    "DatePrecision",
    "Event",
    "Mention",
    "MentionKind",
    "Place",
    "PlaceKind",
    "Source",
    "Toponym",
]

PlaceKind = Literal["country", "adm1", "adm2", "populated", "airport", "feature"]
MentionKind = Literal["place", "demonym"]
DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk.

    ``text`` is the body exactly as in the file (front matter removed); ``date`` is the
    publication date, needed to resolve relative dates ("Tuesday", "last month").
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``id`` is namespaced by origin: ``gn:<geonameid>`` (GeoNames populated place or
    subdivision), ``cc:<ISO2>`` (country), ``ap:<ICAO>`` (airport), ``sup:<slug>``
    (curated supplement). ``admin1`` is the first-level subdivision's name.
    """

    id: str
    name: str
    lat: float
    lon: float
    kind: PlaceKind
    feature_code: str | None
    country_code: str | None
    admin1: str | None
    population: int
    admin1_code: str | None = None
    parent_id: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry that a name matched, and how it matched."""

    place: Place
    matched: str
    exact: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a place (``kind="place"``) or a demonym/adjective.

    For demonyms (``"Iranian"``, ``"Pakistani"``), ``country_code`` is the country the
    word refers to; they name actors, never strike sites. ``trigger`` is a word next to
    the mention that tells its kind ("province", "city", "district", "air base").
    """

    start: int
    end: int
    text: str
    kind: MentionKind = "place"
    country_code: str | None = None
    trigger: str | None = None


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention resolved to a gazetteer entry, with the reasons for the choice."""

    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    place_id: str
    country_code: str | None
    kind: PlaceKind
    admin1: str | None
    score: float
    feature_code: str | None = None
    population: int = 0
    runner_up: str | None = None
    runner_up_score: float | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """An article an event was read from, as listed in an event's ``sources``."""

    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A strike event, from one article or merged across several.

    ``geo_precision``: 1 site or town, 2 near a town or district, 3 province or region,
    4 country. ``origin_lat``/``origin_lon`` is where the strike came from (for a
    cross-border event, the start of its trajectory).
    """

    id: str
    event_type: str
    date: str | None
    date_precision: DatePrecision | None
    attacker: str | None
    attacker_country: str | None
    target: str | None
    location_name: str | None
    location_country: str | None
    admin1: str | None
    geo_precision: int | None
    lat: float | None
    lon: float | None
    cross_border: bool | None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    evidence: tuple[str, ...] = ()
    confidence: float = 0.5
    origin_name: str | None = None
    origin_lat: float | None = None
    origin_lon: float | None = None
    place_id: str | None = None
    notes: tuple[str, ...] = field(default=())
