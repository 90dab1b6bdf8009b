"""The seed articles end to end through geomap.pipeline, checked against seeds/EXPECTED.md.

Each of the seven expected events is found by (attacker country, location country, date)
and checked field by field; then a run over a folder of bad inputs and one good article.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from geomap.actors import is_demonym
from geomap.config import Config
from geomap.ingest import read_articles
from geomap.pipeline import PipelineResult, extract, run
from geomap.records import Event

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
A000 = "000_ab62be1e5a254e21"
A004 = "004_20d6123dc004915c"
BOTH = {A000, A004}

BALOCHISTAN = "gn:1183606"  # Pakistan's province
SISTAN_BALUCHESTAN = "gn:1159456"  # Iran's province
ERBIL = "gn:95446"
RASK = "gn:1159836"
KERMAN = "gn:128234"
TEHRAN = "gn:112931"
ISLAMABAD = "gn:1176615"

# (attacker_country, location_country, date) of the seven events of EXPECTED.md
EXPECTED_KEYS = {
    1: ("IR", "PK", "2024-01-16"),
    2: ("IR", "IQ", "2024-01-15"),
    3: ("IR", "SY", "2024-01-15"),
    4: (None, "IR", "2023-12"),
    5: (None, "IR", "2024-01"),
    6: (None, "IR", "2019-02"),
    7: ("IR", "IQ", "2023-03"),
}


@pytest.fixture(scope="module")
def result() -> PipelineResult:
    read = read_articles([SEEDS])
    assert read.problems == ()
    assert [a.id for a in read.articles] == [A000, A004]
    return extract(read.articles)


def _find(events: tuple[Event, ...], number: int) -> Event:
    key = EXPECTED_KEYS[number]
    hits = [e for e in events if (e.attacker_country, e.location_country, e.date) == key]
    assert len(hits) == 1, (
        f"event {number} {key}: {len(hits)} found among "
        f"{[(e.attacker_country, e.location_country, e.date) for e in events]}")
    return hits[0]


def _source_ids(e: Event) -> set[str]:
    return {s.id for s in e.sources}


def _has_weapon(e: Event, prefix: str) -> bool:
    return any(w.startswith(prefix) for w in e.weapons)


def test_exactly_the_seven_expected_events(result: PipelineResult) -> None:
    keys = [(e.attacker_country, e.location_country, e.date) for e in result.events]
    assert sorted(keys, key=str) == sorted(EXPECTED_KEYS.values(), key=str)
    assert result.cross_border == 4


def test_event_1_iranian_strike_on_balochistan(result: PipelineResult) -> None:
    e = _find(result.events, 1)
    assert e.attacker is not None
    assert e.attacker.startswith("Iran")
    assert (e.location_name, e.place_id, e.geo_precision) == ("Balochistan", BALOCHISTAN, 3)
    assert e.date_precision == "day"
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (2, 2, 2)
    assert e.injured == 3
    # the two articles disagree on who the three injured were: both sentences are kept
    assert any("Three women aged between 28 and 35" in s for s in e.evidence)
    assert any("three girls" in s for s in e.evidence)
    assert {"missiles", "drones"} <= set(e.weapons)
    assert _source_ids(e) == BOTH
    assert e.cross_border is True
    assert e.origin_lat is not None
    assert e.origin_lon is not None


def test_event_2_iranian_ballistic_missiles_on_erbil(result: PipelineResult) -> None:
    e = _find(result.events, 2)
    assert e.attacker is not None
    assert e.attacker.startswith("Iran")
    assert (e.location_name, e.place_id, e.geo_precision) == ("Erbil", ERBIL, 1)
    assert e.date_precision == "day"  # "a day after" the Tuesday strike
    assert e.fatalities == 2
    assert "ballistic missiles" in e.weapons
    assert _source_ids(e) == BOTH
    assert e.cross_border is True


def test_event_3_iranian_missiles_on_syria(result: PipelineResult) -> None:
    e = _find(result.events, 3)
    assert e.attacker is not None
    assert e.attacker.startswith("Iran")
    assert e.location_name in {"Aleppo", "Idlib"}
    assert e.geo_precision is not None
    assert e.geo_precision <= 3
    # 000 says "northeastern Syria", 004 "near Aleppo" and "outside of Idlib": the
    # place not chosen is recorded
    others = ({"Aleppo", "Idlib"} - {e.location_name}) | {"Syria"}
    assert any(o in n for n in e.notes for o in others), e.notes
    assert e.date_precision == "day"
    assert e.fatalities in (0, None)  # "no casualties reported"
    assert {"missiles", "ballistic missiles"} & set(e.weapons)
    assert _source_ids(e) == BOTH
    assert e.cross_border is True


def test_event_4_jaish_al_adl_attack_on_rask(result: PipelineResult) -> None:
    e = _find(result.events, 4)
    assert e.attacker == "Jaish al-Adl"
    assert e.attacker_country is None
    assert (e.location_name, e.place_id, e.geo_precision) == ("Rāsak", RASK, 1)
    assert e.date_precision == "month"  # "last month"
    assert e.fatalities == 11
    assert e.weapons == ()
    assert _source_ids(e) == {A004}
    assert e.cross_border is False


def test_event_5_kerman_suicide_bombings(result: PipelineResult) -> None:
    e = _find(result.events, 5)
    assert e.attacker is None
    assert e.attacker_country is None
    assert (e.location_name, e.place_id, e.geo_precision) == ("Kerman", KERMAN, 1)
    assert e.date_precision == "month"  # "earlier this month"
    assert e.fatalities_low is not None
    assert e.fatalities_low >= 90  # "nearly 100 dead"
    assert e.fatalities_high == 100 or e.fatalities == 100
    assert e.injured is None or e.injured >= 100  # "wounded hundreds"
    assert _has_weapon(e, "suicide bomb")
    assert _source_ids(e) == {A004}
    assert e.cross_border is False


def test_event_6_2019_bus_bombing_in_sistan_and_baluchestan(result: PipelineResult) -> None:
    e = _find(result.events, 6)
    assert e.attacker == "Jaish al-Adl"
    assert e.attacker_country is None
    assert (e.place_id, e.geo_precision) == (SISTAN_BALUCHESTAN, 3)
    assert e.date_precision == "month"  # "February 2019"
    assert e.fatalities_low is not None
    assert e.fatalities_low == 24  # "over two dozen": the stated figure, open above
    assert e.fatalities_high is None
    assert _has_weapon(e, "suicide bomb")
    assert _source_ids(e) == {A004}
    assert e.cross_border is False


def test_event_7_erbil_barrage_last_march(result: PipelineResult) -> None:
    e = _find(result.events, 7)
    assert e.attacker is not None
    assert e.attacker.startswith("Iran")
    assert (e.location_name, e.place_id, e.geo_precision) == ("Erbil", ERBIL, 1)
    assert e.date_precision == "month"  # "Last March"
    assert e.fatalities is None
    assert "missiles" in e.weapons
    assert _source_ids(e) == {A004}
    assert e.cross_border is True


@pytest.mark.parametrize("number", sorted(EXPECTED_KEYS))
def test_evidence_is_prefixed_with_its_article(result: PipelineResult, number: int) -> None:
    e = _find(result.events, number)
    ids = _source_ids(e)
    assert e.evidence
    prefixes = [line.split(": ", 1)[0] for line in e.evidence]
    assert set(prefixes) <= ids, e.evidence
    assert set(prefixes) == ids  # every source is backed by a sentence of its own
    assert all(line.split(": ", 1)[1].strip() for line in e.evidence)


def test_no_event_at_a_demonym_or_a_capital_named_for_its_government(
        result: PipelineResult) -> None:
    for e in result.events:
        assert e.location_name is not None
        assert not is_demonym(e.location_name), e.location_name
        assert e.location_name not in {"Iranian", "Pakistani", "Kurdish", "Israeli", "Iraqi"}
        assert e.place_id not in {TEHRAN, ISLAMABAD}, e
        assert e.location_country not in {"IL", "US"}, e


@pytest.mark.parametrize(("text", "country", "place_id"), [
    ("Balochistan", "PK", BALOCHISTAN),
    ("Erbil", "IQ", ERBIL),
    ("Idlib", "SY", None),
    ("Aleppo", "SY", None),
    ("Rask", "IR", RASK),
    ("Kerman", "IR", KERMAN),
    ("Tehran", "IR", TEHRAN),
    ("Islamabad", "PK", ISLAMABAD),
    ("Sistan and Baluchestan", "IR", SISTAN_BALUCHESTAN),
    ("Sistan and Balochestan", "IR", SISTAN_BALUCHESTAN),
])
def test_places_resolve_to_the_right_country(result: PipelineResult, text: str, country: str,
                                             place_id: str | None) -> None:
    found = [t for _, t in result.places if t.text == text or t.text.startswith(f"{text} ")]
    assert found, f"{text} not among the resolved places"
    assert {t.country_code for t in found} == {country}
    if place_id is not None:
        assert {t.place_id for t in found} == {place_id}


def test_demonyms_are_not_places(result: PipelineResult) -> None:
    texts = {t.text for _, t in result.places}
    assert not texts & {"Iranian", "Pakistani", "Kurdish", "Israeli", "Iraqi"}
    assert not [t.text for _, t in result.places if is_demonym(t.text)]


def test_reports_come_from_both_articles(result: PipelineResult) -> None:
    assert {r.sources[0].id for r in result.reports} == BOTH
    assert all(len(r.sources) == 1 for r in result.reports)
    assert len(result.reports) > len(result.events)  # some reports were merged


# --- a run over bad inputs and one good article ---------------------------------------

BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "blob.txt": b"\x00\x01\x02\xff\xfe binary \x00",
    "latin1.md": "Café report: Iranian drones hit Erbil.\n".encode("latin-1"),
    "hostile.md": b"---\nid: [unclosed\ndate: 2024-01-16\n---\nIran struck Erbil.\n",
}


def test_run_skips_bad_inputs_and_keeps_the_good_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = shutil.copy(SEEDS / f"{A004}.md", folder)
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out"

    done = run([folder], Config(output_dir=out, write_map=False))

    assert done.files == 1 + len(BAD_FILES)
    assert [a.id for a in done.result.articles] == [A004]
    named = {Path(p.source).name for p in done.problems}
    assert named == set(BAD_FILES)
    for p in done.problems:
        assert Path(p.source).name in str(p)
    alone = extract(read_articles([good]).articles)
    assert [(e.location_name, e.date) for e in done.result.events] == [
        (e.location_name, e.date) for e in alone.events]
    assert any(e.place_id == RASK for e in done.result.events)
    assert any(e.place_id == KERMAN for e in done.result.events)
    assert sorted(p.name for p in out.iterdir()) == sorted(done.outputs)
    assert "map.html" not in done.outputs
    for name in ("events.geojson", "trajectories.geojson", "places.geojson", "events.csv",
                 "events.gpkg"):
        assert done.outputs[name].is_file()
        assert done.outputs[name].stat().st_size > 0
    features = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == len(done.result.events)
    csv_lines = (out / "events.csv").read_text(encoding="utf-8").splitlines()
    assert len([x for x in csv_lines if re.match(r"ev-", x)]) == len(done.result.events)


def test_worker_processes_give_the_same_result_in_the_same_order(
        result: PipelineResult) -> None:
    articles = read_articles([REPO / "bench" / "data" / "events" / "articles", SEEDS]).articles
    seen: list[str] = []
    one = extract(articles, config=Config(jobs=1), parallel_from=1)
    two = extract(articles, config=Config(jobs=2), parallel_from=1,
                  progress=lambda a: seen.append(a.id))
    assert seen == [a.id for a in articles]
    assert len(two.events) > len(result.events)
    assert (two.places, two.reports, two.events) == (one.places, one.reports, one.events)


def test_jobs_come_from_the_environment_and_small_runs_stay_in_one_process() -> None:
    from geomap.pipeline import PARALLEL_FROM, _workers

    assert Config.from_env({"GEOMAP_JOBS": "3"}).jobs == 3
    assert _workers(3, PARALLEL_FROM - 1, PARALLEL_FROM) == 1
    assert _workers(3, PARALLEL_FROM, PARALLEL_FROM) == 3
    assert 1 <= _workers(0, PARALLEL_FROM, PARALLEL_FROM) <= 4
