"""The data of the interactive map: events turned into the JSON blob that its script draws.

:func:`map_payload` (re-exported by :mod:`geomap.render`) and :func:`build_payload` give
one JSON-ready dict: compact event records with short keys, one colour per attacking
state or non-state attacker and one marker shape per event type, the sources shared by
index, day spans for the timeline, which countries struck, were struck or saw domestic
strikes, and the map options. :func:`country_layer` simplifies the country outlines
(Douglas-Peucker, coordinates rounded to about 1 km); :func:`bundled_layer` does it once
per process for the outlines bundled with the gazetteer.

Only ``http``/``https`` source links are kept; events without valid coordinates are
counted (``unplaced``), not drawn.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from geomap.records import Event

__all__ = [
    "CANVAS_THRESHOLD",
    "CLUSTER_THRESHOLD",
    "DEFAULT_TITLE",
    "PRECISION_RADIUS_KM",
    "build_payload",
    "bundled_layer",
    "country_layer",
    "map_payload",
]

# Records keep the logger name they had before this module was split from geomap.render.
logger = logging.getLogger("geomap.render")

DEFAULT_TITLE = "geomap: strike events"
#: Above this many events, markers are clustered (Leaflet.markercluster).
CLUSTER_THRESHOLD = 300
#: Above this many arcs plus circles, vectors are drawn on a canvas instead of SVG.
CANVAS_THRESHOLD = 1500
#: Radius of the uncertainty circle drawn for each ``geo_precision`` (km).
PRECISION_RADIUS_KM: Mapping[int, float] = {2: 25.0, 3: 150.0, 4: 400.0}

_OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_ATTRIBUTION_LINKED = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>) | '
    'Borders: <a href="https://www.naturalearthdata.com/">Natural Earth</a> | geomap'
)
_ATTRIBUTION_TEXT = "Places: GeoNames (CC BY 4.0) | Borders: Natural Earth | geomap"
_OSM_LINKED = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
_OSM_TEXT = "&copy; OpenStreetMap contributors"

# Attacker colours (Tableau 10, then more); unknown attackers are grey.
_PALETTE = (
    "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
    "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939", "#7b4173", "#3182bd",
    "#e6550d", "#31a354",
)
_UNKNOWN_COLOUR = "#7f7f7f"
_UNKNOWN_ATTACKER = "Unknown attacker"
_UNKNOWN_TYPE = "unspecified"

# Event-type shapes: a preferred shape by keyword, then any shape not yet used.
_SHAPES = ("circle", "triangle", "diamond", "star", "square", "hexagon", "triangle-down",
           "cross")
_SHAPE_HINTS = (
    ("missile", "triangle"),
    ("rocket", "triangle"),
    ("drone", "diamond"),
    ("uav", "diamond"),
    ("air", "triangle-down"),
    ("bomb", "star"),
    ("suicide", "star"),
    ("explos", "star"),
    ("shell", "hexagon"),
    ("artillery", "hexagon"),
    ("attack", "square"),
    ("raid", "square"),
    ("armed", "square"),
)

_COUNTRY_TOLERANCE = 0.02  # degrees; Douglas-Peucker simplification of outlines for the map
_COUNTRY_DIGITS = 2  # decimals kept in outline coordinates (about 1 km)
_EPOCH = dt.date(1970, 1, 1).toordinal()


def _safe_url(url: str | None) -> str | None:
    """Return ``url`` if it is an absolute http(s) URL without control characters."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 0x20 or ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url


def _coord(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    if lat is None or lon is None:
        return None
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(la) and math.isfinite(lo)) or abs(la) > 90 or abs(lo) > 180:
        return None
    return round(la, 5), round(lo, 5)


def _day_span(date: str | None) -> tuple[int, int] | None:
    """Days since 1970-01-01 of the first and last day a date string can mean."""
    if not date:
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", date)
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            first = last = dt.date(year, int(m.group(2)), int(m.group(3)))
        elif m.group(2):
            month = int(m.group(2))
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return first.toordinal() - _EPOCH, last.toordinal() - _EPOCH


def _shape_for(name: str, used: set[str]) -> str:
    low = name.lower()
    for word, shape in _SHAPE_HINTS:
        if word in low and shape not in used:
            return shape
    for shape in _SHAPES:
        if shape not in used:
            return shape
    return _SHAPES[len(used) % len(_SHAPES)]


def country_layer(countries: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Simplified outlines (properties ``iso_a2`` and ``name`` only) and a code -> name map."""
    import numpy as np
    import shapely

    names: dict[str, str] = {}
    kept: list[tuple[str | None, str | None, str]] = []
    for feature in countries.get("features") or ():
        props = feature.get("properties") or {}
        code, name = props.get("iso_a2"), props.get("name")
        code = str(code) if code not in (None, "", "-99") else None
        name = None if name is None else str(name)
        if code and name:
            names[code] = name
        if feature.get("geometry"):
            kept.append((code, name, json.dumps(feature["geometry"])))
    features: list[dict[str, Any]] = []
    if not kept:
        return {"type": "FeatureCollection", "features": features}, names
    try:
        geoms = shapely.from_geojson([g for _, _, g in kept], on_invalid="ignore")
    except shapely.errors.ShapelyError as exc:
        logger.warning("country outlines skipped: %s", exc)
        return {"type": "FeatureCollection", "features": features}, names
    geoms = shapely.simplify(geoms, _COUNTRY_TOLERANCE, preserve_topology=True)
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, _COUNTRY_DIGITS))
    for (code, name, _), geom in zip(kept, geoms, strict=True):
        if geom is None or shapely.is_empty(geom):
            continue
        features.append({"type": "Feature", "properties": {"iso_a2": code, "name": name},
                         "geometry": json.loads(shapely.to_geojson(geom))})
    return {"type": "FeatureCollection", "features": features}, names


@functools.lru_cache(maxsize=1)
def bundled_layer() -> tuple[dict[str, Any], dict[str, str]]:
    """The bundled outlines, simplified once per process (they never change)."""
    return country_layer(_load_countries())


def _load_countries() -> dict[str, Any]:
    """Country outlines from the bundled gazetteer, or an empty layer if unavailable."""
    try:
        gazetteer = importlib.import_module("geomap.gazetteer")
        loader = gazetteer.country_outlines
    except (ImportError, AttributeError):
        logger.warning("geomap.gazetteer.country_outlines() is not available: "
                       "the map is drawn without country outlines")
        return {"type": "FeatureCollection", "features": []}
    outlines: dict[str, Any] = loader()
    return outlines


def _attacker_label(event: Event, names: Mapping[str, str]) -> str:
    if event.attacker and event.attacker.strip():
        return event.attacker.strip()
    if event.attacker_country:
        return names.get(event.attacker_country, event.attacker_country)
    return _UNKNOWN_ATTACKER


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v not in ([], "")}


def map_payload(
    events: Iterable[Event],
    *,
    title: str = DEFAULT_TITLE,
    countries: Mapping[str, Any] | None = None,
    self_contained: bool = False,
    cluster_threshold: int = CLUSTER_THRESHOLD,
) -> dict[str, Any]:
    """Return the JSON-ready data that the map's script draws.

    Parameters
    ----------
    events
        The events to draw; those without valid coordinates are counted, not drawn.
    title
        The map's title.
    countries
        GeoJSON FeatureCollection of country outlines (properties ``iso_a2``, ``name``).
        ``None`` draws no outlines (``build_map`` loads the bundled ones).
    self_contained
        Use plain-text attributions (no external links at all in the file).
    cluster_threshold
        Cluster markers when there are more events than this.

    Returns
    -------
    dict
        ``events`` (compact records with short keys), ``attackers``, ``types``,
        ``sources`` (shared by index), country shading lists and map options.
    """
    layer, names = country_layer(countries or {"features": []})
    return build_payload(events, layer, names, title=title, self_contained=self_contained,
                         cluster_threshold=cluster_threshold)


def build_payload(
    events: Iterable[Event],
    layer: dict[str, Any],
    names: dict[str, str],
    *,
    title: str,
    self_contained: bool,
    cluster_threshold: int,
) -> dict[str, Any]:
    """The payload of :func:`map_payload`, with the country ``layer`` and code -> name
    ``names`` already made by :func:`country_layer` or :func:`bundled_layer`."""
    placed: list[tuple[Event, tuple[float, float]]] = []
    unplaced = 0
    for event in events:
        where = _coord(event.lat, event.lon)
        if where is None:
            unplaced += 1
            logger.info("event %s has no coordinates: not drawn", event.id)
            continue
        placed.append((event, where))

    # One switch per attacker name; one colour per attacking state (so "Iran" and
    # "Iran (IRGC)" share a colour) or per non-state attacker.
    att_count = Counter(_attacker_label(e, names) for e, _ in placed)
    colour_key: dict[str, str] = {}
    for event, _ in placed:
        label = _attacker_label(event, names)
        if event.attacker_country and label not in colour_key:
            colour_key[label] = f"cc:{event.attacker_country}"
    key_count: Counter[str] = Counter()
    for label, count in att_count.items():
        key_count[colour_key.setdefault(label, f"name:{label}")] += count
    colours: dict[str, str] = {}
    for ckey in sorted(key_count, key=lambda k: (-key_count[k], k)):
        if ckey == f"name:{_UNKNOWN_ATTACKER}":
            colours[ckey] = _UNKNOWN_COLOUR
        else:
            colours[ckey] = _PALETTE[sum(c != _UNKNOWN_COLOUR for c in colours.values())
                                    % len(_PALETTE)]
    att_order = sorted(att_count, key=lambda a: (a == _UNKNOWN_ATTACKER,
                                                 -key_count[colour_key[a]], colour_key[a],
                                                 -att_count[a], a))
    attackers: list[dict[str, Any]] = []
    att_index: dict[str, int] = {}
    for name in att_order:
        att_index[name] = len(attackers)
        attackers.append({"name": name, "color": colours[colour_key[name]],
                          "count": att_count[name]})

    type_count = Counter((e.event_type or _UNKNOWN_TYPE).strip() or _UNKNOWN_TYPE
                         for e, _ in placed)
    types: list[dict[str, Any]] = []
    type_index: dict[str, int] = {}
    used: set[str] = set()
    for name in sorted(type_count, key=lambda t: (-type_count[t], t)):
        shape_name = _shape_for(name, used)
        used.add(shape_name)
        type_index[name] = len(types)
        types.append({"name": name, "shape": shape_name, "count": type_count[name]})

    sources: list[list[str | None]] = []
    source_index: dict[tuple[str, str | None, str | None, str | None], int] = {}
    striker: set[str] = set()
    struck: set[str] = set()
    domestic: set[str] = set()
    records: list[dict[str, Any]] = []
    day_min: int | None = None
    day_max: int | None = None
    undated = 0
    cross = 0
    for event, (lat, lon) in placed:
        src_refs: list[int] = []
        for src in event.sources:
            key = (src.id, src.title, src.date, _safe_url(src.url))
            if key not in source_index:
                source_index[key] = len(sources)
                sources.append(list(key))
            src_refs.append(source_index[key])
        span = _day_span(event.date)
        if span is None:
            undated += 1
        else:
            day_min = span[0] if day_min is None else min(day_min, span[0])
            day_max = span[1] if day_max is None else max(day_max, span[1])
        origin = _coord(event.origin_lat, event.origin_lon)
        if event.cross_border:
            cross += 1
            if event.attacker_country:
                striker.add(event.attacker_country)
            if event.location_country:
                struck.add(event.location_country)
        elif event.location_country:
            domestic.add(event.location_country)
        type_name = (event.event_type or _UNKNOWN_TYPE).strip() or _UNKNOWN_TYPE
        records.append(_compact({
            "id": event.id,
            "t": type_index[type_name],
            "a": att_index[_attacker_label(event, names)],
            "la": lat,
            "lo": lon,
            "gp": event.geo_precision,
            "d": event.date,
            "dp": event.date_precision,
            "d0": None if span is None else span[0],
            "d1": None if span is None else span[1],
            "x": 1 if event.cross_border else None,
            "ol": None if origin is None else origin[0],
            "oo": None if origin is None else origin[1],
            "on": event.origin_name,
            "ac": event.attacker_country,
            "ln": event.location_name,
            "lc": event.location_country,
            "a1": event.admin1,
            "tg": event.target,
            "f": event.fatalities,
            "fl": event.fatalities_low,
            "fh": event.fatalities_high,
            "inj": event.injured,
            "w": list(event.weapons),
            "s": src_refs,
            "e": list(event.evidence),
            "n": list(event.notes),
            "c": round(event.confidence, 3) if math.isfinite(event.confidence) else None,
        }))
    return {
        "v": 1,
        "title": title,
        "events": records,
        "attackers": attackers,
        "types": types,
        "sources": sources,
        "countries": layer,
        "countryNames": names,
        "striker": sorted(striker),
        "struck": sorted(struck),
        "domestic": sorted(domestic),
        "crossBorder": cross,
        "unplaced": unplaced,
        "undated": undated,
        "dayMin": day_min,
        "dayMax": day_max,
        "cluster": len(records) > cluster_threshold,
        "canvasThreshold": CANVAS_THRESHOLD,
        "precisionKm": {str(k): v for k, v in PRECISION_RADIUS_KM.items()},
        "tiles": {"url": _OSM_URL, "attribution": _OSM_TEXT if self_contained else _OSM_LINKED},
        "attribution": _ATTRIBUTION_TEXT if self_contained else _ATTRIBUTION_LINKED,
        "attributionPrefix": "Leaflet" if self_contained else None,
    }
