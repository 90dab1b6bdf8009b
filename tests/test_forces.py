"""Tests for geomap._forces: state forces the text names without the actor table."""

from __future__ import annotations

from geomap._forces import as_forces
from geomap.actors import find_actors


def test_a_capital_named_aircraft_is_no_government() -> None:
    text = "Canberra bombers and Hunter jets struck the farm."
    assert as_forces(text, find_actors(text)) == []
