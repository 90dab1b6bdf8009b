"""Gazetteer size and speed: rows by kind, cold load, lookups per second, peak memory.

Run: ``.venv/bin/python bench/gazetteer.py`` (about 20 s). Prints a table and, with
``--json``, the figures as JSON. Targets (issue 2): cold load < 1 s, >= 10,000 lookups/s,
peak memory < 500 MB, bundled files < 25 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import resource, time, json
t0 = time.perf_counter()
from geomap.gazetteer import load_gazetteer
g = load_gazetteer()
t1 = time.perf_counter()
g.lookup("Erbil")
print(json.dumps({"load_s": t1 - t0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def cold_loads(runs: int) -> list[dict[str, float]]:
    out = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        out.append(json.loads(proc.stdout))
    return out


def lookup_rate(n: int, seed: int = 7) -> tuple[float, int]:
    from geomap.gazetteer import load_gazetteer

    g = load_gazetteer()
    rng = random.Random(seed)
    sample = [g.place(rng.randrange(len(g))).name for _ in range(n // 2)]
    sample += ["Erbil", "Tripoli", "Balochistan", "Springfield", "Nowhere Town"] * (n // 10)
    rng.shuffle(sample)
    t = time.perf_counter()
    hits = sum(1 for name in sample if g.lookup(name))
    return len(sample) / (time.perf_counter() - t), hits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5, help="fresh processes for the cold load")
    ap.add_argument("--lookups", type=int, default=20000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    manifest = json.loads((ROOT / "gazetteer" / "MANIFEST.json").read_text())
    files = {p.name: p.stat().st_size for p in sorted((ROOT / "gazetteer").iterdir())
             if p.is_file()}
    loads = cold_loads(args.runs)
    rate, hits = lookup_rate(args.lookups)
    fig = {
        "machine": f"{platform.machine()} {platform.processor() or ''} "
                   f"{os.cpu_count()} cpu, Python {platform.python_version()}",
        "rows_by_kind": manifest["rows_by_kind"], "rows": manifest["rows"],
        "name_keys": manifest["name_keys"],
        "cold_load_s_median": round(statistics.median(x["load_s"] for x in loads), 3),
        "cold_load_s_max": round(max(x["load_s"] for x in loads), 3),
        "peak_rss_mb_loaded": round(max(x["rss_mb"] for x in loads), 1),
        "lookups_per_s": round(rate), "lookup_hits": hits,
        "bundled_bytes": sum(files.values()), "bundled_files": files,
    }
    if args.json:
        print(json.dumps(fig, indent=2))
        return
    print(f"machine: {fig['machine']}")
    print("rows by kind: " + ", ".join(f"{k} {v:,}" for k, v in fig["rows_by_kind"].items())
          + f"  (total {fig['rows']:,}; {fig['name_keys']:,} name keys)")
    print(f"cold load (fresh process, incl. imports): median {fig['cold_load_s_median']} s, "
          f"max {fig['cold_load_s_max']} s over {args.runs} runs   target < 1 s")
    print(f"lookups: {fig['lookups_per_s']:,} per second ({args.lookups:,} names, "
          f"{hits:,} found)   target >= 10,000/s")
    print(f"peak memory of a process with the gazetteer loaded: {fig['peak_rss_mb_loaded']} MB"
          "   target < 500 MB")
    print(f"bundled files: {fig['bundled_bytes'] / 2**20:.1f} MB   target < 25 MB")
    for name, size in files.items():
        print(f"  {name:24} {size / 2**20:7.2f} MB")


if __name__ == "__main__":
    main()
