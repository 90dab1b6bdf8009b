"""The geomap command line, end to end: run, geocode, places, render."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from geomap.cli import cli

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_004 = SEEDS / "004_20d6123dc004915c.md"
OUTPUTS = ("events.geojson", "trajectories.geojson", "places.geojson", "events.csv",
           "events.gpkg")


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def features(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    found: list[dict[str, Any]] = data["features"]
    return found


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    out = tmp_path_factory.mktemp("run") / "out"
    return invoke("run", SEEDS, "-o", out, "--no-map"), out


# --- geomap run -------------------------------------------------------------------------


def test_run_on_the_seeds_exits_0_and_prints_the_summary(seeds_run: tuple[Result, Path]
                                                         ) -> None:
    result, _ = seeds_run
    assert result.exit_code == 0, result.output
    summary = {}
    for line in result.stdout.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if len(cells) == 2:
            summary[cells[0]] = cells[1]
    assert summary["input files"] == "2"
    assert summary["articles read"] == "2"
    assert summary["inputs with problems"] == "0"
    assert summary["events (merged)"] == "7"
    assert summary["cross-border events"] == "4"
    assert "skipped" not in result.stderr


def test_run_on_the_seeds_writes_the_outputs(seeds_run: tuple[Result, Path]) -> None:
    _, out = seeds_run
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)  # no map.html
    events = features(out / "events.geojson")
    assert len(events) == 7
    assert all(f["geometry"]["type"] == "Point" for f in events)
    lines = features(out / "trajectories.geojson")
    assert len(lines) == 4
    assert all(f["geometry"]["type"] in {"LineString", "MultiLineString"} for f in lines)
    cross = {f["id"] for f in events if f["properties"]["cross_border"]}
    assert {f["properties"]["id"] for f in lines} == cross  # one line per cross-border event
    rows = list(csv.DictReader(io.StringIO((out / "events.csv").read_text(encoding="utf-8"))))
    assert sorted(r["event_id_cnty"] for r in rows) == sorted(f["id"] for f in events)


def test_run_with_a_bad_file_exits_1_and_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_004, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    out = tmp_path / "out"
    result = invoke("run", folder, "-o", out, "--no-map", "-q")
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr
    assert "binary" in result.stderr
    assert len(features(out / "events.geojson")) > 0  # the good article was still read


def test_run_with_a_missing_path_exits_1_and_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.md"
    result = invoke("run", missing, SEED_004, "-o", tmp_path / "out", "--no-map")
    assert result.exit_code == 1
    assert "nowhere.md" in result.stderr
    assert "events (merged)" in result.stdout


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "16/01/2024"])
def test_run_with_a_bad_date_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = invoke("run", SEED_004, "-o", tmp_path / "out", "--date", value)
    assert result.exit_code == 2
    assert "Invalid value for '--date'" in result.stderr
    assert "YYYY-MM-DD" in result.stderr
    assert value in result.stderr
    assert not (tmp_path / "out").exists()


def test_run_with_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("run", SEED_004, "-o", tmp_path / "out", "--jobs", "-1")
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_run_needs_a_path() -> None:
    result = invoke("run")
    assert result.exit_code == 2
    assert "PATHS" in result.stderr


# --- geomap geocode ---------------------------------------------------------------------


def test_geocode_erbil_json_first_result_is_in_iraq() -> None:
    result = invoke("geocode", "Erbil", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0]["country_code"] == "IQ"
    assert rows[0]["name"] == "Erbil"
    assert rows[0]["kind"] == "populated"
    assert {"lat", "lon", "id", "score", "matched", "exact"} <= set(rows[0])


def test_geocode_country_filter() -> None:
    anywhere = json.loads(invoke("geocode", "Hyderabad", "--json").stdout)
    assert anywhere[0]["country_code"] == "IN"
    result = invoke("geocode", "Hyderabad", "--country", "PK", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows
    assert {r["country_code"] for r in rows} == {"PK"}
    assert (rows[0]["name"], rows[0]["admin1"]) == ("Hyderabad", "Sindh")


def test_geocode_table() -> None:
    result = invoke("geocode", "Hyderabad", "--country", "PK")
    assert result.exit_code == 0
    assert "Sindh" in result.stdout
    assert "PK" in result.stdout


def test_geocode_unknown_name_exits_1() -> None:
    result = invoke("geocode", "Nowhere")
    assert result.exit_code == 1
    assert "no place named 'Nowhere'" in result.stderr


# --- geomap places ----------------------------------------------------------------------


def test_places_jsonl_includes_rask() -> None:
    result = invoke("places", SEED_004, "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["article_id"] for r in rows} == {"004_20d6123dc004915c"}
    rask = [r for r in rows if r["text"] == "Rask"]
    assert len(rask) == 1
    assert (rask[0]["name"], rask[0]["country_code"]) == ("Rāsak", "IR")


def test_places_geojson() -> None:
    result = invoke("places", SEED_004, "--format", "geojson")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    names = {f["properties"]["text"]: f["properties"]["country_code"] for f in data["features"]}
    assert names["Kerman"] == "IR"
    assert names["Idlib"] == "SY"


# --- geomap render ----------------------------------------------------------------------


def test_render_writes_the_map(seeds_run: tuple[Result, Path], tmp_path: Path) -> None:
    pytest.importorskip("geomap.render")
    _, out = seeds_run
    page = tmp_path / "map.html"
    result = invoke("render", out / "events.geojson", "-o", page)
    assert result.exit_code == 0, result.output
    assert "7 events" in result.stdout
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Erbil" in html
    assert "Balochistan" in html


def test_render_needs_an_existing_file(tmp_path: Path) -> None:
    result = invoke("render", tmp_path / "missing.geojson", "-o", tmp_path / "map.html")
    assert result.exit_code == 2
    assert "missing.geojson" in result.stderr


# --- the installed console script -------------------------------------------------------


def test_console_script_runs_on_the_seeds(tmp_path: Path) -> None:
    script = shutil.which("geomap", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "geomap.cli"]
    out = tmp_path / "out"
    done = subprocess.run([*command, "run", str(SEEDS), "-o", str(out), "--no-map"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "events (merged)" in done.stdout
    assert len(features(out / "events.geojson")) == 7
    assert len(features(out / "trajectories.geojson")) == 4
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
