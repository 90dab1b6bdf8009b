"""The event evaluation set stays consistent: one gold file per article, and the scorer
gives 1.0 to the gold itself and exactly the expected figures to a perturbed copy."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _bench_events() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_events", ROOT / "bench" / "events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_events"] = module
    spec.loader.exec_module(module)
    return module


def test_gold_files_and_scorer_self_check() -> None:
    bench = _bench_events()
    gold = bench.load_gold()
    articles = sorted(p.stem for p in bench.ARTICLES_DIR.glob("*.md"))
    assert len(articles) >= 18
    assert sorted(gold) == articles
    assert sum(len(events) for events in gold.values()) >= 30
    assert sum(1 for events in gold.values() if not events) >= 2  # articles with no strike
    assert bench.self_check(gold, bench.ARTICLES_DIR) == 0
