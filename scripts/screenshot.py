"""Save a PNG of a geomap map with Debian's headless Chromium (driven by Playwright).

Screenshot an existing map (the simplest contract)::

    .venv/bin/python scripts/screenshot.py output/map.html -o output/map.png

or render one first from an ``events.geojson`` written by ``geomap run`` (origins are
restored from ``trajectories.geojson`` beside it), then screenshot it::

    .venv/bin/python scripts/screenshot.py --events output/events.geojson -o output/map.png

The page is opened from a ``file://`` URL with the network off (so the map shows its
"No tiles" base layer: country outlines on a plain sea); ``--online`` lets it load the
OpenStreetMap tiles. JavaScript errors on the page are printed and make the exit status 1.
Needs ``/usr/bin/chromium`` (``apt-get install chromium chromium-driver``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.records import Event, Source  # noqa: E402
from geomap.render import render_map  # noqa: E402

#: Debian's Chromium and the flags it needs on this workplace's closed network (without the
#: background-networking flags it keeps trying to reach Google). The one definition: the
#: browser tests and bench/render.py import it from here.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _source(value: Any) -> Source:
    if isinstance(value, dict):
        return Source(id=str(value.get("id", "")), title=value.get("title"),
                      date=value.get("date"), url=value.get("url"))
    return Source(id=str(value))


def events_from_geojson(path: Path) -> list[Event]:
    """Minimal reader for an events FeatureCollection (used if geomap.export is absent)."""
    data = json.loads(path.read_text("utf-8"))
    events = []
    for i, feature in enumerate(data.get("features") or ()):
        props = dict(feature.get("properties") or {})
        coords = (feature.get("geometry") or {}).get("coordinates") or [None, None]
        events.append(Event(
            id=str(props.get("id", f"event-{i}")),
            event_type=str(props.get("event_type") or "strike"),
            date=props.get("date"), date_precision=props.get("date_precision"),
            attacker=props.get("attacker"), attacker_country=props.get("attacker_country"),
            target=props.get("target"), location_name=props.get("location_name"),
            location_country=props.get("location_country"), admin1=props.get("admin1"),
            geo_precision=props.get("geo_precision"), lat=coords[1], lon=coords[0],
            cross_border=props.get("cross_border"), fatalities=props.get("fatalities"),
            fatalities_low=props.get("fatalities_low"),
            fatalities_high=props.get("fatalities_high"), injured=props.get("injured"),
            weapons=_tuple(props.get("weapons")),
            sources=tuple(_source(s) for s in props.get("sources") or ()),
            evidence=_tuple(props.get("evidence")), notes=_tuple(props.get("notes")),
            origin_name=props.get("origin_name"), origin_lat=props.get("origin_lat"),
            origin_lon=props.get("origin_lon")))
    return events


def read_events(path: Path, trajectories: Path | None) -> list[Event]:
    """Events from ``path`` through geomap.export when it exists, else the minimal reader."""
    try:
        export = importlib.import_module("geomap.export")
        reader = export.read_events_geojson
    except (ImportError, AttributeError):
        print("geomap.export.read_events_geojson not available: minimal reader used",
              file=sys.stderr)
        return events_from_geojson(path)
    events: list[Event] = reader(path, trajectories=trajectories)
    return events


def screenshot(html: Path, png: Path, *, width: int, height: int, online: bool,
               wait_ms: int) -> list[str]:
    """Open ``html`` in headless Chromium, save ``png``; return the page's JS errors."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            if not online:
                context.set_offline(True)
                context.route("**/*", lambda r: r.continue_()
                              if r.request.url.startswith("file:") else r.abort())
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(html.resolve().as_uri())
            page.wait_for_selector(".folium-map[data-geomap-ready]", timeout=60_000)
            page.wait_for_timeout(wait_ms)
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", nargs="?", type=Path,
                        help="map to screenshot (with --events: where to write the map)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PNG to write")
    parser.add_argument("--events", type=Path, help="render this events.geojson first")
    parser.add_argument("--trajectories", type=Path,
                        help="trajectories.geojson with the origins (default: beside --events)")
    parser.add_argument("--title", default="geomap: strike events")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--online", action="store_true", help="allow the network (tiles)")
    parser.add_argument("--wait-ms", type=int, default=800,
                        help="extra wait after the map is ready (tiles, fonts)")
    args = parser.parse_args(argv)

    if not CHROMIUM.exists():
        print(f"{CHROMIUM} not found: apt-get install chromium chromium-driver",
              file=sys.stderr)
        return 2
    html: Path | None = args.html
    if args.events is not None:
        html = html or args.output.with_suffix(".html")
        events = read_events(args.events, args.trajectories)
        render_map(events, html, title=args.title, self_contained=True)
        print(f"{html}: map of {len(events)} events")
    if html is None or not html.is_file():
        parser.error("give an existing map.html, or --events to render one")
    errors = screenshot(html, args.output, width=args.width, height=args.height,
                        online=args.online, wait_ms=args.wait_ms)
    for error in errors:
        print(f"page error: {error}", file=sys.stderr)
    print(f"{args.output}: screenshot of {html}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
