"""Tests for geomap.export: GeoJSON (RFC 7946), CSV, GeoPackage, reading back, atomicity."""

from __future__ import annotations

import csv
import itertools
import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import pyogrio
import pytest
from pyproj import Geod

from geomap import export
from geomap.errors import ExportError, InputError
from geomap.export import (
    CSV_COLUMNS,
    OUTPUT_NAMES,
    PLACE_PROPERTY_NAMES,
    PROPERTY_NAMES,
    TRAJECTORY_PROPERTY_NAMES,
    acled_event_type,
    event_to_feature,
    events_csv,
    events_geojson,
    places_geojson,
    read_events_geojson,
    trajectories_geojson,
    write_outputs,
)
from geomap.records import Event, Source, Toponym

HOSTILE = "=cmd|' /C calc'!A0"
SCRIPT = '<script>alert("x")</script>'
GEOD = Geod(ellps="WGS84")


def _events() -> list[Event]:
    cross = Event(
        id="ev-ir-pk", event_type="Air/drone strike", date="2024-01-16", date_precision="day",
        attacker="Islamic Revolutionary Guard Corps", attacker_country="IR",
        target="Jaish al-Adl", location_name="Panjgur", location_country="PK",
        admin1="Balochistan", geo_precision=1, lat=26.9644, lon=64.0903, cross_border=True,
        fatalities=2, fatalities_low=2, fatalities_high=3, injured=3,
        weapons=("missile", "drone"),
        sources=(Source("a1", "Iran strikes Pakistan", "2024-01-17", "https://example.org/a1"),
                 Source("a2", None, None, None)),
        evidence=("Iran struck targets in Panjgur, Pakistan, on Tuesday.",),
        confidence=0.9, origin_name="Zahedan", origin_lat=29.4963, origin_lon=60.8629,
    )  # fmt: skip
    domestic = Event(
        id="ev-erbil", event_type="Armed clash", date="2024-03", date_precision="month",
        attacker="Kurdish Peshmerga", attacker_country="IQ", target=None,
        location_name="Erbil", location_country="IQ", admin1="Erbil", geo_precision=1,
        lat=36.19, lon=44.01, cross_border=False, fatalities=0,
        sources=(Source("a3"),), evidence=("Clashes near Erbil.",), confidence=0.6,
    )  # fmt: skip
    empty = Event(
        id="ev-null", event_type="Attack", date=None, date_precision=None, attacker=None,
        attacker_country=None, target=None, location_name=None, location_country=None,
        admin1=None, geo_precision=None, lat=None, lon=None, cross_border=None,
    )  # fmt: skip
    pacific = Event(
        id="ev-antimeridian", event_type="Shelling/artillery/missile attack", date="2024",
        date_precision="year", attacker="Test forces", attacker_country="RU", target="port",
        location_name="Nome", location_country="US", admin1="Alaska", geo_precision=1,
        lat=64.5011, lon=-165.4064, cross_border=True, confidence=0.3,
        origin_name="Anadyr", origin_lat=64.7337, origin_lon=177.5089,
    )  # fmt: skip
    hostile = Event(
        id="ev-hostile", event_type="Remote explosive/IED", date="2024-05-02",
        date_precision="day", attacker="@attacker", attacker_country="KE",
        target="+SUM(A1:A9)", location_name="-Nairobi", location_country="KE",
        admin1="Nairobi", geo_precision=2, lat=-1.2921, lon=-36.8219, cross_border=False,
        weapons=("IED",), sources=(Source("a4", url="https://example.org/a4?x=1,2"),),
        evidence=(HOSTILE, f"He said, \"run\",\nthen {SCRIPT}"), confidence=0.5,
    )  # fmt: skip
    return [cross, domestic, empty, pacific, hostile]


def _places() -> list[tuple[str, Toponym]]:
    erbil = Toponym(
        start=16, end=21, text="Erbil", name="Erbil", lat=36.19, lon=44.01,
        place_id="gn:95446", country_code="IQ", kind="populated", admin1="Erbil",
        score=0.93, runner_up="gn:0001", runner_up_score=0.4,
    )  # fmt: skip
    panjgur = Toponym(
        start=26, end=33, text="Panjgur", name="Panjgur", lat=26.9644, lon=64.0903,
        place_id="gn:1168166", country_code="PK", kind="populated", admin1="Balochistan",
        score=0.88,
    )  # fmt: skip
    return [("a3", erbil), ("a1", panjgur)]


def _positions(geometry: dict[str, Any]) -> list[list[float]]:
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [coords]
    if kind == "LineString":
        return list(coords)
    assert kind == "MultiLineString"
    return [p for part in coords for p in part]


def _assert_rfc7946(collection: dict[str, Any], properties: tuple[str, ...]) -> None:
    """Check the parts of RFC 7946 our files must meet."""
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert "crs" not in feature
        assert list(feature["properties"]) == list(properties)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert set(geometry) == {"type", "coordinates"}
        for position in _positions(geometry):
            assert len(position) == 2
            lon, lat = position
            assert isinstance(lon, float | int) and isinstance(lat, float | int)
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert round(lon, 6) == lon and round(lat, 6) == lat


@pytest.fixture
def written(tmp_path: Path) -> dict[str, Path]:
    return write_outputs(tmp_path / "out", _events(), _places())


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_property_names_are_the_documented_list() -> None:
    assert PROPERTY_NAMES == (
        "id", "event_type", "date", "date_precision", "attacker", "attacker_country",
        "target", "location_name", "location_country", "admin1", "geo_precision",
        "cross_border", "fatalities", "fatalities_low", "fatalities_high", "injured",
        "weapons", "sources", "evidence", "confidence",
    )  # fmt: skip


def test_events_geojson_is_rfc7946_with_lon_lat_order(written: dict[str, Path]) -> None:
    collection = _load(written["events.geojson"])
    _assert_rfc7946(collection, PROPERTY_NAMES)
    by_id = {f["id"]: f for f in collection["features"]}
    assert list(by_id) == [e.id for e in _events()]
    assert all(f["id"] == f["properties"]["id"] for f in collection["features"])
    assert by_id["ev-erbil"]["geometry"] == {"type": "Point", "coordinates": [44.01, 36.19]}
    assert by_id["ev-hostile"]["geometry"]["coordinates"] == [-36.8219, -1.2921]
    assert by_id["ev-null"]["geometry"] is None
    cross = by_id["ev-ir-pk"]["properties"]
    assert cross["weapons"] == ["missile", "drone"]
    assert cross["sources"][0] == {
        "id": "a1", "title": "Iran strikes Pakistan", "date": "2024-01-17",
        "url": "https://example.org/a1",
    }  # fmt: skip
    assert by_id["ev-hostile"]["properties"]["evidence"][1].endswith(SCRIPT)


def test_coordinates_are_rounded_and_bad_ones_become_null_geometry() -> None:
    event = replace(_events()[1], lat=36.19123456789, lon=44.00999999999)
    assert event_to_feature(event)["geometry"]["coordinates"] == [44.01, 36.191235]
    assert event_to_feature(replace(event, lat=91.0))["geometry"] is None
    assert event_to_feature(replace(event, lon=math.nan))["geometry"] is None


def test_trajectories_follow_the_geodesic_from_origin_to_site() -> None:
    collection = trajectories_geojson(_events())
    _assert_rfc7946(collection, TRAJECTORY_PROPERTY_NAMES)
    by_id = {f["id"]: f for f in collection["features"]}
    assert set(by_id) == {"ev-ir-pk", "ev-antimeridian"}  # domestic and null: no line
    line = by_id["ev-ir-pk"]
    assert line["geometry"]["type"] == "LineString"
    coords = line["geometry"]["coordinates"]
    assert coords[0] == [60.8629, 29.4963] and coords[-1] == [64.0903, 26.9644]
    assert len(coords) >= 16
    steps = [GEOD.inv(*a, *b)[2] for a, b in itertools.pairwise(coords)]
    total = GEOD.inv(60.8629, 29.4963, 64.0903, 26.9644)[2]
    assert max(steps) <= 50_000 and sum(steps) == pytest.approx(total, rel=1e-6)
    assert line["properties"] == {
        "id": "ev-ir-pk", "attacker": "Islamic Revolutionary Guard Corps",
        "attacker_country": "IR", "location_country": "PK", "origin_name": "Zahedan",
        "event_type": "Air/drone strike", "date": "2024-01-16",
    }  # fmt: skip


def test_a_line_across_the_antimeridian_is_split() -> None:
    geometry = trajectories_geojson(_events())["features"][1]["geometry"]
    assert geometry["type"] == "MultiLineString"
    west, east = geometry["coordinates"]
    assert west[0] == [177.5089, 64.7337] and east[-1] == [-165.4064, 64.5011]
    assert west[-1][0] == 180.0 and east[0][0] == -180.0 and west[-1][1] == east[0][1]
    assert all(lon > 0 for lon, _ in west) and all(lon < 0 for lon, _ in east)
    assert len(west) + len(east) >= 16


def test_long_lines_get_a_point_about_every_50_km() -> None:
    event = replace(_events()[0], origin_lat=35.6892, origin_lon=51.389)  # Tehran
    coords = trajectories_geojson([event])["features"][0]["geometry"]["coordinates"]
    distance = GEOD.inv(51.389, 35.6892, 64.0903, 26.9644)[2]
    assert len(coords) == math.ceil(distance / 50_000) + 1


def test_places_geojson(written: dict[str, Path]) -> None:
    collection = _load(written["places.geojson"])
    _assert_rfc7946(collection, PLACE_PROPERTY_NAMES)
    erbil, panjgur = collection["features"]
    assert erbil["geometry"]["coordinates"] == [44.01, 36.19]
    assert erbil["properties"] == {
        "article_id": "a3", "start": 16, "end": 21, "text": "Erbil", "name": "Erbil",
        "place_id": "gn:95446", "kind": "populated", "country_code": "IQ",
        "admin1": "Erbil", "score": 0.93, "runner_up": "gn:0001",
    }  # fmt: skip
    assert panjgur["properties"]["runner_up"] is None
    assert places_geojson([]) == {"type": "FeatureCollection", "features": []}


def test_events_geojson_opens_in_geopandas(written: dict[str, Path]) -> None:
    frame = gpd.read_file(written["events.geojson"], engine="pyogrio")
    assert len(frame) == 5
    assert frame.crs.to_epsg() == 4326
    assert set(PROPERTY_NAMES) <= set(frame.columns)
    erbil = frame[frame["id"] == "ev-erbil"].geometry.iloc[0]
    assert (erbil.x, erbil.y) == (44.01, 36.19)
    null_geometry = frame[frame["id"] == "ev-null"].geometry.iloc[0]
    assert null_geometry is None or null_geometry.is_empty
    lines = gpd.read_file(written["trajectories.geojson"], engine="pyogrio")
    assert sorted(lines.geom_type) == ["LineString", "MultiLineString"]
    places = gpd.read_file(written["places.geojson"], engine="pyogrio")
    assert list(places["name"]) == ["Erbil", "Panjgur"]


def test_geopackage_has_three_layers(written: dict[str, Path]) -> None:
    path = written["events.gpkg"]
    layers = dict(pyogrio.list_layers(path))
    assert layers == {"events": "Point", "trajectories": "MultiLineString", "places": "Point"}
    counts = {name: pyogrio.read_info(path, layer=name)["features"] for name in layers}
    assert counts == {"events": 5, "trajectories": 2, "places": 2}
    events = gpd.read_file(path, layer="events", engine="pyogrio")
    assert events.crs.to_epsg() == 4326
    row = events[events["id"] == "ev-ir-pk"].iloc[0]
    assert json.loads(row["weapons"]) == ["missile", "drone"]
    assert json.loads(row["sources"])[1] == {"id": "a2", "title": None, "date": None, "url": None}
    assert (row.geometry.x, row.geometry.y) == (64.0903, 26.9644)
    assert row["fatalities"] == 2 and row["confidence"] == 0.9
    lines = gpd.read_file(path, layer="trajectories", engine="pyogrio")
    split = lines[lines["id"] == "ev-antimeridian"].geometry.iloc[0]
    assert len(split.geoms) == 2


def test_empty_inputs_give_valid_empty_files(tmp_path: Path) -> None:
    paths = write_outputs(tmp_path, [], [])
    assert set(paths) == set(OUTPUT_NAMES)
    for name in ("events.geojson", "trajectories.geojson", "places.geojson"):
        assert _load(paths[name]) == {"type": "FeatureCollection", "features": []}
        assert len(gpd.read_file(paths[name], engine="pyogrio")) == 0
    with paths["events.csv"].open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS and list(reader) == []
    layers = dict(pyogrio.list_layers(paths["events.gpkg"]))
    assert layers == {"events": "Point", "trajectories": "MultiLineString", "places": "Point"}
    for name in layers:
        assert pyogrio.read_info(paths["events.gpkg"], layer=name)["features"] == 0


def _csv_rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        return {row["event_id_cnty"]: row for row in reader}


def test_csv_columns_and_values(written: dict[str, Path]) -> None:
    rows = _csv_rows(written["events.csv"])
    assert list(rows) == [e.id for e in _events()]
    cross = rows["ev-ir-pk"]
    assert cross["event_type"] == "Explosions/Remote violence"
    assert cross["sub_event_type"] == "Air/drone strike"
    assert (cross["actor1"], cross["actor1_country"], cross["country"]) == (
        "Islamic Revolutionary Guard Corps", "IR", "PK",
    )  # fmt: skip
    assert (cross["latitude"], cross["longitude"]) == ("26.9644", "64.0903")
    assert cross["weapons"] == "missile;drone" and cross["sources"] == "a1;a2"
    assert cross["source_urls"] == "https://example.org/a1"
    assert cross["cross_border"] == "true" and cross["fatalities_high"] == "3"
    assert rows["ev-erbil"]["event_type"] == "Battles"
    empty = rows["ev-null"]
    assert empty["event_type"] == "Violence against civilians"
    assert empty["latitude"] == "" and empty["fatalities"] == "" and empty["notes"] == ""


def test_csv_neutralises_formulas_but_keeps_text_and_numbers(written: dict[str, Path]) -> None:
    row = _csv_rows(written["events.csv"])["ev-hostile"]
    assert row["notes"] == f'\'{HOSTILE} | He said, "run",\nthen {SCRIPT}'
    assert row["actor1"] == "'@attacker"
    assert row["target"] == "'+SUM(A1:A9)"
    assert row["location"] == "'-Nairobi"
    assert row["source_urls"] == "https://example.org/a4?x=1,2"
    assert (row["latitude"], row["longitude"]) == ("-1.2921", "-36.8219")
    assert events_csv([]).splitlines() == [",".join(CSV_COLUMNS)]


@pytest.mark.parametrize(
    ("ours", "acled"),
    [
        ("Air/drone strike", "Explosions/Remote violence"),
        ("Shelling/artillery/missile attack", "Explosions/Remote violence"),
        ("Suicide bomb", "Explosions/Remote violence"),
        ("Remote explosive/IED", "Explosions/Remote violence"),
        ("Armed clash", "Battles"),
        ("Attack", "Violence against civilians"),
        ("Protest", ""),
    ],
)
def test_acled_event_type(ours: str, acled: str) -> None:
    assert acled_event_type(ours) == acled


def test_read_events_geojson_round_trip(written: dict[str, Path]) -> None:
    events = read_events_geojson(written["events.geojson"])
    assert events == _events()


def test_origins_need_the_trajectories_file(written: dict[str, Path], tmp_path: Path) -> None:
    lone = tmp_path / "lone" / "events.geojson"
    lone.parent.mkdir()
    lone.write_bytes(written["events.geojson"].read_bytes())
    events = read_events_geojson(lone)
    expected = [replace(e, origin_name=None, origin_lat=None, origin_lon=None) for e in _events()]
    assert events == expected
    assert read_events_geojson(lone, trajectories=written["trajectories.geojson"]) == _events()
    with pytest.raises(InputError, match=r"missing\.geojson"):
        read_events_geojson(lone, trajectories=tmp_path / "missing.geojson")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Feature", "features": []}', "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": {}}', "not a list"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}', "feature 0"),
        (json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [200, 10]},
             "properties": {"id": "x", "event_type": "Attack"}}]}), "out of range"),
        (json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0]]},
             "properties": {"id": "x", "event_type": "Attack"}}]}), "Point"),
        (json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": None,
             "properties": {"id": "x", "event_type": "Attack", "fatalities": "three"}}]}),
         "fatalities"),
        (json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": None,
             "properties": {"id": "x", "event_type": "Attack", "sources": [{"url": "u"}]}}]}),
         "sources"),
    ],
)  # fmt: skip
def test_bad_events_file_is_named(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        read_events_geojson(path)
    assert caught.value.source == str(path) and str(path) in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_events_geojson(tmp_path / "nowhere.geojson")


def test_failed_write_leaves_previous_outputs_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_outputs(out, _events(), _places())
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = export._write_gpkg_layers

    def half_then_fail(path: Path, collections: dict[str, dict[str, Any]]) -> None:
        real(path, collections)  # the whole GeoPackage reaches the temporary file...
        assert path.exists() and path.parent == out
        raise RuntimeError("disk full")  # ...and then the write fails

    monkeypatch.setattr(export, "_write_gpkg_layers", half_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        write_outputs(out, _events()[:1], [])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_unwritable_directory_is_an_export_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(ExportError):
        write_outputs(blocker / "out", _events(), _places())


def test_nan_is_refused_not_written(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="JSON"):
        write_outputs(tmp_path, [replace(_events()[1], confidence=math.nan)], [])
    assert list(tmp_path.iterdir()) == []


def test_events_geojson_function_matches_file(written: dict[str, Path]) -> None:
    assert _load(written["events.geojson"]) == events_geojson(_events())


def test_import_is_cheap() -> None:
    code = "import sys, geomap.export; print('geopandas' in sys.modules, 'pyproj' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
