"""Write events and resolved places to files that GIS tools open directly.

``events.geojson`` (RFC 7946 points), ``trajectories.geojson`` (origin-to-site lines of
cross-border events), ``places.geojson`` (resolved place mentions), ``events.csv``
(ACLED-like) and ``events.gpkg`` (the three layers), all written atomically through
:mod:`geomap._io`. :func:`read_events_geojson` reads ``events.geojson`` back.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from geomap._io import atomic_path
from geomap.errors import ExportError, InputError
from geomap.records import Event, Source, Toponym

__all__ = [
    "CSV_COLUMNS",
    "OUTPUT_NAMES",
    "PLACE_PROPERTY_NAMES",
    "PROPERTY_NAMES",
    "TRAJECTORY_PROPERTY_NAMES",
    "acled_event_type",
    "event_to_feature",
    "events_csv",
    "events_geojson",
    "places_geojson",
    "read_events_geojson",
    "trajectories_geojson",
    "write_outputs",
]

logger = logging.getLogger(__name__)

PROPERTY_NAMES: tuple[str, ...] = (
    "id", "event_type", "date", "date_precision", "attacker", "attacker_country",
    "target", "location_name", "location_country", "admin1", "geo_precision",
    "cross_border", "fatalities", "fatalities_low", "fatalities_high", "injured",
    "weapons", "sources", "evidence", "confidence",
)  # fmt: skip
"""The properties of an ``events.geojson`` feature, exactly and in this order."""

TRAJECTORY_PROPERTY_NAMES: tuple[str, ...] = (
    "id", "attacker", "attacker_country", "location_country", "origin_name",
    "event_type", "date",
)  # fmt: skip
"""The properties of a ``trajectories.geojson`` feature (``id`` is the event id)."""

PLACE_PROPERTY_NAMES: tuple[str, ...] = (
    "article_id", "start", "end", "text", "name", "place_id", "kind", "country_code",
    "admin1", "score", "runner_up",
)  # fmt: skip
"""The properties of a ``places.geojson`` feature."""

# events.csv column -> Event attribute, for the columns copied as they are.
_CSV_FIELDS: dict[str, str] = {
    "event_id_cnty": "id", "event_date": "date", "date_precision": "date_precision",
    "event_type": "", "sub_event_type": "event_type", "actor1": "attacker",
    "actor1_country": "attacker_country", "target": "target",
    "country": "location_country", "admin1": "admin1", "location": "location_name",
    "latitude": "", "longitude": "", "geo_precision": "geo_precision",
    "cross_border": "cross_border", "fatalities": "fatalities",
    "fatalities_low": "fatalities_low", "fatalities_high": "fatalities_high",
    "injured": "injured", "weapons": "", "sources": "", "source_urls": "", "notes": "",
    "confidence": "confidence",
}  # fmt: skip

CSV_COLUMNS: tuple[str, ...] = tuple(_CSV_FIELDS)
"""The header of ``events.csv``, in order."""

OUTPUT_NAMES: tuple[str, ...] = (
    "events.geojson", "trajectories.geojson", "places.geojson", "events.csv",
    "events.gpkg",
)  # fmt: skip
"""The files :func:`write_outputs` writes, and the keys of the mapping it returns."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_REMOTE_WORDS = ("strike", "drone", "shell", "artillery", "missile", "rocket", "bomb",
                 "explosive", "mortar", "grenade")  # fmt: skip
_DECIMALS = 6
_SEGMENT_M = 50_000.0
_MIN_LINE_POINTS = 16


def _json(value: Any) -> str:
    """Serialise as compact strict JSON (NaN is refused), keeping non-ASCII text readable."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _latlon(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """Return ``(lat, lon)`` if it is a finite position on the globe, else None."""
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return (lat, lon) if abs(lat) <= 90 and abs(lon) <= 180 else None


def _position(lat: float, lon: float) -> list[float]:
    """Return a GeoJSON position ``[lon, lat]`` rounded to six decimals."""
    return [round(lon, _DECIMALS), round(lat, _DECIMALS)]


def event_to_feature(event: Event) -> dict[str, Any]:
    """Turn one event into an RFC 7946 Point feature.

    Parameters
    ----------
    event
        The event; one without usable coordinates gets ``"geometry": null``.

    Returns
    -------
    dict
        A Feature whose ``id`` is the event id and whose properties are
        :data:`PROPERTY_NAMES`, in that order.
    """
    geometry: dict[str, Any] | None = None
    if (site := _latlon(event.lat, event.lon)) is not None:
        geometry = {"type": "Point", "coordinates": _position(*site)}
    elif event.lat is not None or event.lon is not None:
        logger.warning("event %s: unusable coordinates %r, %r; geometry left null",
                       event.id, event.lat, event.lon)  # fmt: skip
    properties: dict[str, Any] = {}
    for name in PROPERTY_NAMES:
        value = getattr(event, name)
        if name == "sources":
            value = [{"id": s.id, "title": s.title, "date": s.date, "url": s.url} for s in value]
        properties[name] = list(value) if isinstance(value, tuple) else value
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def events_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """Build the ``events.geojson`` FeatureCollection, one Point feature per event."""
    return {"type": "FeatureCollection", "features": [event_to_feature(e) for e in events]}


def _split_antimeridian(points: list[tuple[float, float]]) -> list[list[list[float]]]:
    """Cut a ``(lon, lat)`` path where it crosses 180°, as RFC 7946 section 3.1.9 asks."""
    parts: list[list[list[float]]] = [[_position(points[0][1], points[0][0])]]
    for (lon0, lat0), (lon1, lat1) in itertools.pairwise(points):
        if abs(lon1 - lon0) > 180:
            edge = 180.0 if lon0 > 0 else -180.0
            unwrapped = lon1 + 360 if lon0 > 0 else lon1 - 360
            lat_cross = lat0 + (edge - lon0) / (unwrapped - lon0) * (lat1 - lat0)
            parts[-1].append(_position(lat_cross, edge))
            parts.append([_position(lat_cross, -edge)])
        parts[-1].append(_position(lat1, lon1))
    return [p for p in parts if len({tuple(x) for x in p}) >= 2]


def _great_circle(origin: tuple[float, float], site: tuple[float, float]) -> dict[str, Any] | None:
    """Return the densified WGS84 geodesic from origin to site as a GeoJSON geometry."""
    from pyproj import Geod

    (lat0, lon0), (lat1, lon1) = origin, site
    geod = Geod(ellps="WGS84")
    distance = float(geod.inv(lon0, lat0, lon1, lat1)[2])
    if distance == 0:
        return None
    total = max(_MIN_LINE_POINTS, math.ceil(distance / _SEGMENT_M) + 1)
    inner = geod.npts(lon0, lat0, lon1, lat1, total - 2)
    parts = _split_antimeridian([(lon0, lat0), *inner, (lon1, lat1)])
    if not parts:
        return None
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}


def trajectories_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """Build ``trajectories.geojson``: origin-to-site lines of cross-border events.

    Only events with ``cross_border`` true and both an origin and a site get a line. It
    follows the WGS84 geodesic with a point about every 50 km (at least 16 points), and
    is a MultiLineString cut at 180° when it crosses the antimeridian.
    """
    features: list[dict[str, Any]] = []
    for event in events:
        if not event.cross_border:
            continue
        origin = _latlon(event.origin_lat, event.origin_lon)
        site = _latlon(event.lat, event.lon)
        geometry = _great_circle(origin, site) if origin and site else None
        if geometry is None:
            logger.debug("event %s: cross-border but no origin-to-site line", event.id)
            continue
        properties = {name: getattr(event, name) for name in TRAJECTORY_PROPERTY_NAMES}
        features.append({"type": "Feature", "id": event.id, "geometry": geometry,
                         "properties": properties})  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def places_geojson(places: Iterable[tuple[str, Toponym]]) -> dict[str, Any]:
    """Build ``places.geojson`` from ``(article id, toponym)`` pairs, one Point each."""
    features: list[dict[str, Any]] = []
    for article_id, top in places:
        if (point := _latlon(top.lat, top.lon)) is None:
            logger.warning("place %s in %s: unusable coordinates; skipped", top.place_id,
                           article_id)  # fmt: skip
            continue
        properties = {"article_id": article_id}
        properties.update({name: getattr(top, name) for name in PLACE_PROPERTY_NAMES[1:]})
        geometry = {"type": "Point", "coordinates": _position(*point)}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def acled_event_type(event_type: str) -> str:
    """Map one of our event types (ACLED's sub-event types) to ACLED's top-level type.

    ``"Air/drone strike"``, shelling, missiles, bombs and IEDs are
    ``"Explosions/Remote violence"``; ``"Armed clash"`` is ``"Battles"``; ``"Attack"``
    is ``"Violence against civilians"``. Returns ``""`` for a type that fits none.
    """
    key = event_type.strip().lower()
    if "clash" in key or "battle" in key:
        return "Battles"
    if any(word in key for word in _REMOTE_WORDS) or "ied" in re.findall(r"[a-z]+", key):
        return "Explosions/Remote violence"
    if "attack" in key:
        return "Violence against civilians"
    return ""


def _cell(value: Any) -> str:
    """Format a CSV cell; text from articles must not run as a spreadsheet formula."""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, _DECIMALS))
    return str(value)


def _csv_row(event: Event) -> dict[str, str]:
    site = _latlon(event.lat, event.lon)
    raw: dict[str, Any] = {col: getattr(event, attr) for col, attr in _CSV_FIELDS.items() if attr}
    raw.update({
        "event_type": acled_event_type(event.event_type),
        "latitude": site[0] if site else None,
        "longitude": site[1] if site else None,
        "weapons": ";".join(event.weapons),
        "sources": ";".join(s.id for s in event.sources),
        "source_urls": ";".join(s.url for s in event.sources if s.url),
        "notes": " | ".join(event.evidence),
    })  # fmt: skip
    return {col: _cell(raw[col]) for col in CSV_COLUMNS}  # numbers (-61.5) stay as they are


def events_csv(events: Iterable[Event]) -> str:
    """Render ``events.csv``: a header row of :data:`CSV_COLUMNS`, then one row per event.

    Text cells starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a
    leading ``'`` so that spreadsheets show them instead of evaluating them.
    """
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(_csv_row(e) for e in events)
    return buffer.getvalue()


# Column dtypes in the layers (text otherwise); list and dict values are stored as JSON.
_DTYPES: dict[str, str] = {
    **dict.fromkeys(("geo_precision", "fatalities", "fatalities_low", "fatalities_high",
                     "injured", "start", "end"), "Int64"),
    "cross_border": "boolean", "confidence": "Float64", "score": "Float64",
}  # fmt: skip
_LAYERS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("events", PROPERTY_NAMES, "Point"),
    ("trajectories", TRAJECTORY_PROPERTY_NAMES, "MultiLineString"),
    ("places", PLACE_PROPERTY_NAMES, "Point"),
)


def _frame(collection: dict[str, Any], columns: Sequence[str]) -> Any:
    """Turn a FeatureCollection into a GeoDataFrame in EPSG:4326 with typed columns."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import shape

    features = collection["features"]
    data: dict[str, Any] = {}
    for name in columns:
        values = [f["properties"][name] for f in features]
        values = [_json(v) if isinstance(v, list | dict) else v for v in values]
        data[name] = pd.Series(values, dtype=_DTYPES.get(name, "object"))
    geometry = [shape(f["geometry"]) if f["geometry"] else None for f in features]
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"))


def _write_gpkg_layers(path: Path, collections: dict[str, dict[str, Any]]) -> None:
    """Write the ``events``, ``trajectories`` and ``places`` layers into a new GeoPackage.

    An empty layer is still written, with no rows and its geometry type declared.
    """
    from pyogrio.errors import DataLayerError, DataSourceError

    for layer, columns, geometry_type in _LAYERS:
        frame = _frame(collections[layer], columns)
        if frame.empty:
            logger.info("GeoPackage layer %s is empty; written with no rows", layer)
        try:
            frame.to_file(path, layer=layer, driver="GPKG", engine="pyogrio",
                          geometry_type=geometry_type,
                          promote_to_multi=geometry_type.startswith("Multi"))  # fmt: skip
        except (DataSourceError, DataLayerError) as exc:
            raise ExportError(f"{path}: cannot write layer {layer}: {exc}") from exc


def write_outputs(
    out_dir: Path, events: Sequence[Event], places: Sequence[tuple[str, Toponym]]
) -> dict[str, Path]:
    """Write the five outputs (:data:`OUTPUT_NAMES`) into ``out_dir``.

    Each file is first written in full to a temporary file beside its target; the old
    files are replaced only once all five are ready, so a failure leaves the previous
    outputs untouched and no temporary file behind.

    Returns
    -------
    dict[str, Path]
        File name -> path written, for every name in :data:`OUTPUT_NAMES`.

    Raises
    ------
    ExportError
        A file could not be written (nothing has been replaced).
    """
    out = Path(out_dir)
    collections = {
        "events": events_geojson(events),
        "trajectories": trajectories_geojson(events),
        "places": places_geojson(places),
    }
    try:  # strict JSON: NaN and Infinity are not allowed in GeoJSON
        texts = {f"{key}.geojson": _json(c) + "\n" for key, c in collections.items()}
    except ValueError as exc:
        raise ExportError(f"{out}: an event holds a value JSON cannot carry: {exc}") from exc
    texts["events.csv"] = events_csv(events)
    paths = {name: out / name for name in OUTPUT_NAMES}
    with contextlib.ExitStack() as stack:
        for name, text in texts.items():
            stack.enter_context(atomic_path(paths[name])).write_bytes(text.encode("utf-8"))
        _write_gpkg_layers(stack.enter_context(atomic_path(paths["events.gpkg"])), collections)
    logger.info("wrote %d events, %d trajectories and %d places to %s",
                *(len(c["features"]) for c in collections.values()), out)  # fmt: skip
    return paths


_READ_TYPES: dict[str, tuple[type, ...]] = {
    **dict.fromkeys(("date", "attacker", "attacker_country", "target", "location_name",
                     "location_country", "admin1"), (str,)),
    **dict.fromkeys(("geo_precision", "fatalities", "fatalities_low", "fatalities_high",
                     "injured"), (int,)),
    "cross_border": (bool,), "confidence": (int, float),
}  # fmt: skip


def _load_collection(path: Path) -> list[dict[str, Any]]:
    """Read a GeoJSON FeatureCollection and return its features, or raise InputError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError(str(path), "not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        raise InputError(str(path), "'features' is not a list of objects")
    return features


def _typed(value: Any, kinds: tuple[type, ...], what: str) -> Any:
    """Return ``value`` if it is null or one of ``kinds`` (a bool is never a number)."""
    if value is None or (isinstance(value, kinds) and (bool in kinds) == isinstance(value, bool)):
        return value
    raise ValueError(f"{what} must be {kinds[-1].__name__} or null, not {value!r}")


def _source(value: Any, where: str) -> Source:
    """Rebuild one Source from its object in an event's ``sources``."""
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        raise ValueError(f"{where}: sources must be objects with a string 'id'")
    keys = ("id", "title", "date", "url")
    return Source(**{k: _typed(value.get(k), (str,), f"{where}: source {k}") for k in keys})


def _feature_event(index: int, feature: dict[str, Any]) -> Event:
    """Rebuild one Event from an ``events.geojson`` feature; ValueError says what is wrong."""
    where = f"feature {index}"
    props = feature.get("properties")
    if feature.get("type") != "Feature" or not isinstance(props, dict):
        raise ValueError(f"{where}: not a Feature with properties")
    if not isinstance(props.get("id"), str) or not isinstance(props.get("event_type"), str):
        raise ValueError(f"{where}: 'id' and 'event_type' must be strings")
    site: tuple[float, float] | None = None
    if (geometry := feature.get("geometry")) is not None:
        try:
            coords = geometry["coordinates"] if geometry["type"] == "Point" else ()
            lon, lat = (float(_typed(c, (int, float), "coordinate")) for c in coords[:2])
        except (TypeError, KeyError, ValueError) as exc:
            raise ValueError(f"{where}: geometry must be a Point [lon, lat] or null") from exc
        if (site := _latlon(lat, lon)) is None:
            raise ValueError(f"{where}: coordinates [{lon}, {lat}] out of range")
    if props.get("date_precision") not in (None, "day", "month", "year"):
        raise ValueError(f"{where}: date_precision must be day, month, year or null")
    lists = {k: props.get(k) or [] for k in ("weapons", "evidence", "sources")}
    if not all(isinstance(v, list) for v in lists.values()) or not all(
        isinstance(v, str) for v in lists["weapons"] + lists["evidence"]
    ):
        raise ValueError(f"{where}: weapons and evidence must be lists of strings")
    sources = tuple(_source(s, where) for s in lists["sources"])
    fields = {k: _typed(props.get(k), kinds, f"{where}: {k}") for k, kinds in _READ_TYPES.items()}
    confidence = fields.pop("confidence")
    return Event(
        id=props["id"], event_type=props["event_type"],
        date_precision=props.get("date_precision"),
        lat=site[0] if site else None, lon=site[1] if site else None,
        weapons=tuple(lists["weapons"]), sources=sources, evidence=tuple(lists["evidence"]),
        confidence=0.5 if confidence is None else float(confidence), **fields,
    )  # fmt: skip


def _origins(path: Path) -> dict[str, tuple[str | None, float, float]]:
    """Read event id -> (origin name, lat, lon) from a ``trajectories.geojson``."""
    origins: dict[str, tuple[str | None, float, float]] = {}
    for index, feature in enumerate(_load_collection(path)):
        try:
            geometry, props = feature["geometry"], feature["properties"]
            coords = geometry["coordinates"]
            first = coords[0][0] if geometry["type"] == "MultiLineString" else coords[0]
            origin = _latlon(float(first[1]), float(first[0]))
            event_id, name = props["id"], props.get("origin_name")
        except (TypeError, KeyError, IndexError, ValueError, AttributeError) as exc:
            raise InputError(str(path), f"feature {index}: not a trajectory line") from exc
        if not isinstance(event_id, str) or origin is None:
            raise InputError(str(path), f"feature {index}: bad id or origin position")
        origins[event_id] = (name if isinstance(name, str) else None, *origin)
    return origins


def read_events_geojson(path: str | Path, trajectories: str | Path | None = None) -> list[Event]:
    """Read the events back from an ``events.geojson`` written by :func:`write_outputs`.

    Parameters
    ----------
    path
        The ``events.geojson`` file.
    trajectories
        A ``trajectories.geojson`` to restore cross-border events' origins from
        (``events.geojson`` does not carry them). When None, ``trajectories.geojson``
        beside ``path`` is used if it exists, and skipped with a warning if unreadable.

    Returns
    -------
    list[Event]
        The events in file order; ``place_id`` and ``notes`` are not kept in the file.

    Raises
    ------
    InputError
        A file is missing, not JSON, or not the expected FeatureCollection; the message
        names the file and the feature at fault.
    """
    source = Path(path)
    events: list[Event] = []
    for index, feature in enumerate(_load_collection(source)):
        try:
            events.append(_feature_event(index, feature))
        except ValueError as exc:
            raise InputError(str(source), str(exc)) from exc
    origins: dict[str, tuple[str | None, float, float]] = {}
    if trajectories is not None:
        origins = _origins(Path(trajectories))
    elif (beside := source.with_name("trajectories.geojson")).is_file():
        try:
            origins = _origins(beside)
        except InputError as exc:
            logger.warning("origins not restored: %s", exc)
    return [
        replace(e, origin_name=origins[e.id][0], origin_lat=origins[e.id][1],
                origin_lon=origins[e.id][2]) if e.id in origins else e
        for e in events
    ]  # fmt: skip
