"""The benchmark corpora readers (bench/_corpora.py) against the facts in their README.

The corpora live outside the project, in ../shared/benchmarks/geoparsing/; without them
these tests are skipped, saying where they were looked for.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _import(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


corpora = _import("_corpora")
CORPORA_DIR = corpora.corpora_dir()


def _load(name: str) -> list[Any]:
    path = CORPORA_DIR / corpora.CORPUS_FILES[name]
    if not path.is_file():
        pytest.skip(f"benchmark corpus {path} not found (set GEOMAP_BENCH_CORPORA)")
    return list(corpora.load_corpus(name))


@pytest.fixture(scope="module")
def gwn() -> list[Any]:
    return _load("gwn")


@pytest.fixture(scope="module")
def lgl() -> list[Any]:
    return _load("lgl")


def test_gwn_counts(gwn: list[Any]) -> None:
    assert len(gwn) == 200
    toponyms = [t for a in gwn for t in a.toponyms]
    dropped = sum(a.dropped for a in gwn)
    assert len(toponyms) + dropped == 6612
    with_coords = [t for t in toponyms if t.has_coords]
    assert len(with_coords) == 2601
    # Every annotation with coordinates is of a gold type, and every gold type has some.
    by_type = Counter(t.kind for t in with_coords)
    assert set(by_type) == corpora.GWN_GOLD_TYPES
    assert by_type["Literal"] == 850
    assert by_type["Coercion"] == 126
    assert not set(by_type) & corpora.GWN_OTHER_TYPES


def test_gwn_spans_point_at_names(gwn: list[Any]) -> None:
    moved = []
    for art in gwn:
        for t in art.toponyms:
            assert art.text[t.start : t.end] == t.name, (art.id, t)
            if t.moved:
                moved.append(t)
    # The README's "two GWN spans do not point at their name": both have coordinates.
    assert [(t.name, t.has_coords) for t in moved] == [("US", True), ("American", True)]
    # Three more annotations (non-toponyms) name words that are not in the text at all.
    assert sum(a.dropped for a in gwn) == 3


def test_lgl_counts(lgl: list[Any]) -> None:
    assert len(lgl) == 588
    toponyms = [t for a in lgl for t in a.toponyms]
    assert len(toponyms) == 5088
    assert sum(t.has_coords for t in toponyms) == 4462


def test_lgl_spans_point_at_names(lgl: list[Any]) -> None:
    for art in lgl:
        for t in art.toponyms:
            assert art.text[t.start : t.end] == t.name, (art.id, t)
            assert not t.moved
        assert art.dropped == 0


def test_nearest_occurrence() -> None:
    text = "US troops. Later the US said, and a USB stick"
    # Offsets that do not point at the name move to the nearest word-bounded occurrence.
    assert corpora._fix_span(text, 18, 20, "US", "t") == (21, 23, True)
    assert corpora._fix_span(text, -50, -48, "US", "t") == (0, 2, True)
    assert corpora._fix_span(text, 0, 2, "US", "t") == (0, 2, False)
    assert corpora._fix_span(text, 0, 5, "Paris", "t") is None


def test_scoring_helpers() -> None:
    summary = corpora.error_summary([0.0, 100.0, corpora.MAX_ERROR_KM])
    assert summary["acc161"] == pytest.approx(2 / 3)
    assert summary["median_km"] == 100.0
    # AUC: 0 for a perfect answer, 1 for the largest possible error.
    assert corpora.error_summary([0.0])["auc"] == 0.0
    assert corpora.error_summary([corpora.MAX_ERROR_KM])["auc"] == pytest.approx(1.0)
    gold = [(0, 5), (10, 20), (30, 35)]
    pred = [(0, 5), (12, 18), (13, 19), (40, 45)]
    assert corpora.match_spans(gold, pred, lenient=False) == {(0, 5): (0, 5)}
    # Lenient matching is one to one: the second overlapping prediction stays unmatched.
    assert corpora.match_spans(gold, pred, lenient=True) == {(0, 5): (0, 5), (12, 18): (10, 20)}
    assert corpora.haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.1)


def test_benchmark_script_imports() -> None:
    geoparse = _import("geoparse")
    assert callable(geoparse.main)
    assert geoparse.same_place("cc:RU", "2017370", {"RU": "2017370"})
    assert geoparse.same_place("gn:524901", "524901", {}) is True
    assert geoparse.same_place("gn:1", None, {}) is None
