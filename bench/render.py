"""Map rendering benchmark: time and file size of ``map.html`` for 100 to 10,000 events.

Run from the project root::

    .venv/bin/python bench/render.py                 # 100, 1,000 and 10,000 events
    .venv/bin/python bench/render.py --sizes 500 20000 --no-browser

For each size, synthetic events (random places in the Middle East, seven attackers, five
event types, half of the state attacks cross-border, two evidence sentences each, sources
shared by three events) are rendered self-contained with the bundled country outlines.
The table gives the render time (``render_map``, file written), the file size, and, when
``/usr/bin/chromium`` is installed, the time until the page is ready in headless
Chromium (network off), frame intervals while dragging the map with the mouse, the time
of one pan step with its redraw, and of one zoom step (see ``browser_figures``).
Headless Chromium runs with ``--disable-gpu`` here: canvas drawing is done in software,
so the redraw figures are an upper bound for a desktop browser. The 15 MB budget of the
issue is checked for every size.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.records import Event, Source  # noqa: E402
from geomap.render import render_map  # noqa: E402
from scripts.screenshot import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BUDGET_BYTES = 15_000_000
WORDS = ["the", "strike", "hit", "a", "compound", "near", "town", "according", "to",
         "local", "officials", "who", "said", "missiles", "and", "drones", "were", "used",
         "in", "early", "morning", "attack", "on", "province", "police", "reported"]
ATTACKERS = [("Iran", "IR", (32.0, 53.7)), ("Israel", "IL", (31.5, 34.9)),
             ("Pakistan", "PK", (30.0, 70.0)), ("Turkey", "TR", (39.0, 35.0)),
             ("Jaish al-Adl", None, None), ("Islamic State", None, None), (None, None, None)]
TYPES = ["missile strike", "drone strike", "airstrike", "suicide bombing", "armed attack"]
COUNTRIES = ["IQ", "SY", "IR", "PK", "YE", "LB"]


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    """``n`` plausible events, about 1 kB of text each (like merged real events)."""
    rng = random.Random(seed)
    pool = [Source(id=f"article-{i:06d}", title=" ".join(rng.choices(WORDS, k=11)).title(),
                   date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   url=f"https://news.example.org/2024/{i}/{'-'.join(rng.choices(WORDS, k=5))}")
            for i in range(max(2, n // 3 * 2))]
    events = []
    for i in range(n):
        attacker, cc, origin = rng.choice(ATTACKERS)
        cross = origin is not None and rng.random() < 0.5
        year, month, day = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
        precision = rng.choices([1, 2, 3, 4], weights=[6, 2, 2, 1])[0]
        events.append(Event(
            id=f"ev-{i:06d}", event_type=rng.choice(TYPES),
            date=f"{year}-{month:02d}-{day:02d}", date_precision="day",
            attacker=attacker, attacker_country=cc, target="a compound of an armed group",
            location_name=f"Town {i}", location_country=rng.choice(COUNTRIES),
            admin1="Some Province", geo_precision=precision,
            lat=rng.uniform(13.0, 38.0), lon=rng.uniform(35.0, 66.0), cross_border=cross,
            fatalities=rng.choice([None, 0, 1, 2, 3, 5, 8, 13, 40]),
            fatalities_low=None, fatalities_high=None, injured=rng.randint(0, 12),
            weapons=("ballistic missiles", "drones")[: rng.randint(1, 2)],
            sources=tuple(rng.sample(pool, k=2)),
            evidence=(" ".join(rng.choices(WORDS, k=32)).capitalize() + ".",
                      " ".join(rng.choices(WORDS, k=26)).capitalize() + "."),
            confidence=round(rng.uniform(0.4, 0.95), 2),
            origin_name=attacker if cross else None,
            origin_lat=origin[0] if cross and origin else None,
            origin_lon=origin[1] if cross and origin else None))
    return events


def browser_figures(paths: list[Path]) -> list[tuple[float, ...]]:
    """Browser timings (ms) of each map, in headless Chromium with the network off.

    ready: page load until the map is drawn; drag median / max: frame intervals while
    the map is dragged with the mouse (60 steps); pan step: one ``panBy`` including
    the redraw at its end (markers re-clustered, vectors redrawn); zoom: one zoom level.
    """
    from playwright.sync_api import sync_playwright

    out: list[tuple[float, ...]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for path in paths:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.set_offline(True)
            page = context.new_page()
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector(".folium-map[data-geomap-ready]", timeout=120_000)
            ready = (time.perf_counter() - start) * 1000
            page.evaluate("""() => {
                window.__frames = [];
                const tick = t => {
                    window.__frames.push(t);
                    if (!window.__stop) { requestAnimationFrame(tick); }
                };
                requestAnimationFrame(tick);
            }""")
            page.mouse.move(700, 450)
            page.mouse.down()
            for k in range(60):
                page.mouse.move(700 - 5 * k, 450 - 2 * k)
            page.mouse.up()
            page.wait_for_timeout(400)
            drag = page.evaluate("""() => {
                window.__stop = true;
                const f = window.__frames, d = [];
                for (let i = 1; i < f.length; i++) { d.push(f[i] - f[i - 1]); }
                d.sort((a, b) => a - b);
                return [d[Math.floor(d.length / 2)], d[d.length - 1]];
            }""")
            step = page.evaluate("""() => new Promise(done => {
                const map = geomap.instances[0].map;
                let k = 0; const t0 = performance.now();
                function go() {
                    map.panBy([k % 2 ? 40 : -40, 0], {animate: false});
                    if (++k < 20) { requestAnimationFrame(go); }
                    else { done((performance.now() - t0) / 20); }
                }
                requestAnimationFrame(go);
            })""")
            zoom = page.evaluate("""() => new Promise(done => {
                const map = geomap.instances[0].map;
                const t0 = performance.now();
                map.once('zoomend', () => requestAnimationFrame(
                    () => done(performance.now() - t0)));
                map.setZoom(map.getZoom() + 1, {animate: false});
            })""")
            out.append((ready, float(drag[0]), float(drag[1]), float(step), float(zoom)))
            context.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)

    rows = []
    with tempfile.TemporaryDirectory(prefix="geomap-bench-") as tmp:
        render_map(synthetic_events(5), Path(tmp, "warm.html"), self_contained=True)
        paths = []
        for n in args.sizes:
            events = synthetic_events(n)
            path = Path(tmp, f"map-{n}.html")
            start = time.perf_counter()
            render_map(events, path, self_contained=True)
            seconds = time.perf_counter() - start
            paths.append(path)
            rows.append((n, sum(bool(e.cross_border) for e in events), seconds,
                         path.stat().st_size))
        browser = None
        if not args.no_browser and CHROMIUM.exists():
            browser = browser_figures(paths)

    print(f"{'events':>8} {'cross':>6} {'render s':>9} {'size MB':>8} {'budget':>7}"
          + ("" if browser is None else
             f" {'ready ms':>9} {'drag med/max ms':>16} {'pan step ms':>12} {'zoom ms':>8}"))
    for i, (n, cross, seconds, size) in enumerate(rows):
        line = (f"{n:>8,} {cross:>6,} {seconds:>9.2f} {size / 1e6:>8.2f} "
                f"{'ok' if size < BUDGET_BYTES else 'OVER':>7}")
        if browser is not None:
            ready, median, worst, step, zoom = browser[i]
            line += (f" {ready:>9.0f} {f'{median:.0f} / {worst:.0f}':>16} {step:>12.0f}"
                     f" {zoom:>8.0f}")
        print(line)
    if browser is None and not args.no_browser:
        print(f"({CHROMIUM} not found: no browser figures)")
    print("size includes Leaflet, markercluster and the country outlines "
          "(about 2 MB for any number of events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
