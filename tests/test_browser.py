"""The map in a real browser: Debian's headless Chromium, driven by Playwright.

Every page is opened from a ``file://`` URL with the network off (offline context and a
route that aborts every non-file request), so these tests need no internet. They are
skipped, with the reason, when ``/usr/bin/chromium`` is not installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from geomap import _render_assets
from geomap.records import Event, Source
from geomap.render import render_map
from scripts.screenshot import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian chromium at /usr/bin/chromium "
                              "(apt-get install chromium chromium-driver; .ci/run does it)"),
]

# Each payload sets window.__pwned or opens a dialog if it ever runs.
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "<svg onload=window.__pwned=1>",
    "javascript:window.__pwned=1",
    "'; window.__pwned=1; '",
    "\"; window.__pwned=1; \"",
    "</script><script>window.__pwned=1;alert(1)</script>",
    "`${window.__pwned=1}` ${alert(1)}",
    "</style><script>alert(1)</script><!--",
    "\u2028\u2029</textarea><iframe src=\"javascript:alert(1)\">",
)
HOSTILE = " ".join(PAYLOADS)


@dataclass
class Page:
    """An opened map and what happened while it loaded."""

    page: Any
    errors: list[str] = field(default_factory=list)
    external: list[tuple[str, str]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attr(self, name: str) -> str:
        value: str = self.page.get_attribute(".folium-map", name)
        return value


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="needs playwright (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_map(browser: Any) -> Iterator[Callable[..., Page]]:
    contexts: list[Any] = []

    def _open(path: Path, *, offline: bool = True,
              serve: dict[str, Path] | None = None) -> Page:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        if offline:
            context.set_offline(True)
        page = context.new_page()
        result = Page(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            elif serve and r.request.url in serve:
                local = serve[r.request.url]
                kind = "text/css" if local.suffix == ".css" else "application/javascript"
                r.fulfill(status=200, body=local.read_bytes(), content_type=kind)
            else:
                result.external.append((r.request.resource_type, r.request.url))
                r.abort()

        context.route("**/*", route)
        page.on("console",
                lambda m: result.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: result.errors.append(str(e)))

        def dialog(d: Any) -> None:
            result.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.as_uri())
        page.wait_for_selector(".folium-map[data-geomap-ready]", timeout=15_000)
        return result

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def seed_map(tmp_path: Path, seed_events: list[Event],
             country_boxes: dict[str, Any]) -> Path:
    return render_map(seed_events, tmp_path / "map.html", countries=country_boxes,
                      self_contained=True)


def test_seed_map_draws_every_event_and_arc(open_map: Callable[..., Page],
                                            seed_map: Path) -> None:
    p = open_map(seed_map)
    page = p.page
    assert page.locator(".geomap-event").count() == 7
    assert page.locator(".geomap-arc").count() == 4
    assert page.locator(".geomap-arrow").count() == 4
    assert page.locator(".geomap-uncertainty").count() == 3  # precision 2, 3 and 3
    assert page.locator(".geomap-origin").count() == 1  # all four from Iran
    assert (p.attr("data-geomap-events"), p.attr("data-geomap-arcs")) == ("7", "4")
    assert page.locator(".geomap-title").inner_text().startswith("geomap: strike events")
    # offline from the start: the "No tiles" base layer is chosen, and countries shaded
    assert "geomap-notiles" in (page.get_attribute(".folium-map", "class") or "")
    assert page.locator(".leaflet-overlay-pane path, .leaflet-pane path").count() >= 5
    assert p.errors == []
    assert p.external == []  # nothing, not even a tile, was requested off the machine


def test_clicking_a_marker_opens_its_popup_with_sources(open_map: Callable[..., Page],
                                                        seed_map: Path) -> None:
    p = open_map(seed_map)
    page = p.page
    page.click('.geomap-event[data-geomap-index="0"]')  # Balochistan
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Iran \u2192 Balochistan, Pakistan" in text
    assert "Pakistan Recalls Ambassador From Iran" in text
    assert "Pakistan Condemns Iran Missile Strikes on Balochistan Region" in text
    assert "three girls" in text  # the disagreement is shown, not hidden
    assert "missiles, drones" in text
    assert "Iran launched missile and drone strikes" in text  # evidence
    hrefs = popup.locator("a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs == ["https://example.org/000", "https://atlasnews.example/004"]
    page.locator(".leaflet-popup-close-button").click()
    page.wait_for_timeout(300)
    # the two Erbil events share one place: each popup lists the other
    page.locator('.geomap-event[data-geomap-index="1"]').dispatch_event("click")
    text = page.locator(".leaflet-popup-content").last.inner_text()
    assert "2024-01-15 (day)" in text and "2023-03 (month only)" in text
    assert "Also at this place: 1 event" in text
    assert p.errors == []


def test_filters_and_timeline(open_map: Callable[..., Page], seed_map: Path) -> None:
    p = open_map(seed_map)
    page = p.page
    page.locator(".geomap-filter-attacker-0 input").uncheck()  # Iran
    page.wait_for_function(
        "document.querySelector('.folium-map').dataset.geomapVisible === '3'")
    assert page.locator(".geomap-arc").count() == 0
    page.locator(".geomap-filter-attacker-0 input").check()
    page.wait_for_function(
        "document.querySelector('.folium-map').dataset.geomapVisible === '7'")
    # timeline: from 2024-01-01 keeps the January 2024 events (ev1, ev2, ev3, ev5)
    page.eval_on_selector(".geomap-tl-from", """el => {
        el.value = String(Date.UTC(2024, 0, 1) / 86400000);
        el.dispatchEvent(new Event('input', {bubbles: true}));
    }""")
    page.wait_for_function(
        "document.querySelector('.folium-map').dataset.geomapVisible === '4'")
    assert page.locator(".geomap-event").count() == 4
    assert page.locator(".geomap-arc").count() == 3
    assert p.errors == []


def test_arcs_are_curved_great_circles(open_map: Callable[..., Page], seed_map: Path) -> None:
    page = open_map(seed_map).page
    pts = page.evaluate("geomap.gcArc(32.0, 53.7, 28.5, 65.5, 40, 0.12)")
    assert len(pts) == 41
    assert pts[0] == pytest.approx([32.0, 53.7]) and pts[-1] == pytest.approx([28.5, 65.5])
    mid = pts[20]
    straight = [(32.0 + 28.5) / 2, (53.7 + 65.5) / 2]
    assert abs(mid[0] - straight[0]) + abs(mid[1] - straight[1]) > 0.5


def test_no_tiles_fallback_when_tiles_fail(open_map: Callable[..., Page],
                                           seed_map: Path) -> None:
    # "online" but every tile request is aborted: the map switches to "No tiles"
    p = open_map(seed_map, offline=False)
    p.page.wait_for_selector(".folium-map.geomap-notiles", timeout=10_000)
    assert all(kind == "image" for kind, _ in p.external)
    assert p.errors == [] or all("ERR_FAILED" in e for e in p.errors)


def test_hostile_text_executes_nothing(open_map: Callable[..., Page], tmp_path: Path,
                                       seed_events: list[Event],
                                       country_boxes: dict[str, Any]) -> None:
    sources = (Source(id=HOSTILE, title=HOSTILE, date=HOSTILE, url=PAYLOADS[3]),
               Source(id="s2", title=HOSTILE, url="https://ok.example/?q=\"><script>"
                                                  "window.__pwned=1</script>"),
               Source(id="s3", title="data", url="data:text/html,<script>alert(1)</script>"))
    hostile = [replace(ev, attacker=HOSTILE, event_type=HOSTILE + ev.event_type,
                       location_name=HOSTILE, admin1=HOSTILE, target=HOSTILE,
                       origin_name=HOSTILE, date=HOSTILE if i == 0 else ev.date,
                       weapons=(HOSTILE,), evidence=PAYLOADS, notes=(HOSTILE,),
                       sources=sources)
               for i, ev in enumerate(seed_events)]
    country_boxes["features"][0]["properties"]["name"] = HOSTILE
    path = render_map(hostile, tmp_path / "hostile.html", title=HOSTILE,
                      countries=country_boxes, self_contained=True)
    p = open_map(path)
    page = p.page
    assert page.locator(".geomap-event").count() == 7
    # open every popup (markers and arcs) and tooltip, so that all text reaches the DOM
    page.evaluate("""() => {
        const g = geomap.instances[0];
        g.markers.forEach(m => { m.openPopup(); });
        g.arcs.forEach(a => { if (a) { a.openPopup(); } });
        g.map.eachLayer(l => { if (l.getTooltip && l.getTooltip()) { l.openTooltip(); } });
        g.map.closePopup();
    }""")
    page.wait_for_timeout(300)  # let the last popup fade out
    page.click('.geomap-event[data-geomap-index="0"]')
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "<script>window.__pwned=1</script>" in text  # shown as text
    assert popup.locator("script, img, svg, iframe").count() == 0
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
    assert not [h for h in hrefs if not h.startswith(("http:", "https:", "file:"))
                and h != "#" and not h.endswith("#")]
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert p.dialogs == []
    assert "<script>window.__pwned=1</script>" in page.title()  # the title is text too
    assert p.errors == []
    assert p.external == []


def test_many_events_are_clustered(open_map: Callable[..., Page], tmp_path: Path,
                                   synthetic_events: Callable[[int], list[Event]],
                                   country_boxes: dict[str, Any]) -> None:
    path = render_map(synthetic_events(2_000), tmp_path / "many.html",
                      countries=country_boxes, self_contained=True)
    p = open_map(path)
    page = p.page
    assert p.attr("data-geomap-events") == "2000"
    assert p.attr("data-geomap-visible") == "2000"
    assert p.attr("data-geomap-renderer") == "canvas"
    page.wait_for_selector(".marker-cluster")
    assert page.locator(".geomap-event").count() < 2000
    page.mouse.move(640, 400)
    page.mouse.down()
    page.mouse.move(400, 300, steps=5)
    page.mouse.up()
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(300)
    assert p.errors == []
    assert p.external == []


def test_default_mode_works_with_its_cdn_links(open_map: Callable[..., Page], tmp_path: Path,
                                               seed_events: list[Event],
                                               country_boxes: dict[str, Any]) -> None:
    """The non-self-contained page, with its CDN URLs answered from the XStatic files."""
    path = render_map(seed_events, tmp_path / "cdn.html", countries=country_boxes)
    xleaflet = pytest.importorskip("xstatic.pkg.leaflet")
    data = Path(xleaflet.BASE_DIR)
    serve = {_render_assets.CDN_JS["leaflet"]: data / "leaflet.js",
             _render_assets.CDN_CSS["leaflet_css"]: data / "leaflet.css"}
    p = open_map(path, serve=serve)
    assert p.page.locator(".geomap-event").count() == 7
    assert p.page.locator(".geomap-arc").count() == 4
    assert p.errors == []
    assert p.external == []
