"""Tests of geomap.render that need no browser (the browser tests are in test_browser.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import folium
import pytest

from geomap import _render_assets, render
from geomap.errors import RenderError
from geomap.records import Event, Source
from geomap.render import build_map, map_payload, render_map

HOSTILE = (
    "</script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">"
    "'\";alert(1)//`${window.__pwned=1}`<!--"
)


class _Links(HTMLParser):
    """Every ``src`` and ``href`` of the page's elements (script bodies are not parsed)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [(tag, v or "") for k, v in attrs if k in {"src", "href"}]


def _element_urls(page: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(page)
    return parser.urls


def _blob(page: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="geomap-data-[0-9a-f]+">(.*?)</script>',
                  page, re.DOTALL)
    assert m is not None
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def _page(events: list[Event], countries: dict[str, Any], **kw: Any) -> str:
    return build_map(events, countries=countries, **kw).get_root().render()


def test_build_map_returns_folium_map(seed_events: list[Event],
                                      country_boxes: dict[str, Any]) -> None:
    fmap = build_map(seed_events, countries=country_boxes)
    assert isinstance(fmap, folium.Map)
    data = _blob(fmap.get_root().render())
    assert len(data["events"]) == 7
    assert data["crossBorder"] == 4
    assert sum(1 for e in data["events"] if e.get("x") and "ol" in e) == 4
    assert data["striker"] == ["IR"]
    assert data["struck"] == ["IQ", "PK", "SY"]
    assert data["domestic"] == ["IR"]
    assert {a["name"] for a in data["attackers"]} == {"Iran", "Jaish al-Adl",
                                                      "Unknown attacker"}
    assert data["attackers"][-1]["name"] == "Unknown attacker"
    assert data["cluster"] is False


def test_payload_keeps_popup_facts(seed_events: list[Event]) -> None:
    data = map_payload(seed_events, countries=None)
    ev1 = data["events"][0]
    assert ev1["f"] == 2 and ev1["inj"] == 3 and ev1["w"] == ["missiles", "drones"]
    assert ev1["n"] and "three girls" in ev1["n"][0]
    assert ev1["e"][0].startswith("Iran launched")
    # sources are stored once and referenced by index
    assert len(data["sources"]) == 2
    titles = {data["sources"][i][1] for i in ev1["s"]}
    assert any("Balochistan" in t for t in titles)


def test_dates_become_day_spans(seed_events: list[Event]) -> None:
    data = map_payload(seed_events, countries=None)
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["ev1"]["d0"] == by_id["ev1"]["d1"]
    # month precision covers the whole month: 2023-12-01 .. 2023-12-31
    assert by_id["ev4"]["d1"] - by_id["ev4"]["d0"] == 30
    assert data["dayMin"] == by_id["ev6"]["d0"]  # 2019-02-01
    assert data["dayMax"] == by_id["ev5"]["d1"]  # 2024-01-31
    undated = replace(seed_events[0], id="x", date=None, date_precision=None)
    assert map_payload([undated], countries=None)["undated"] == 1


def test_events_without_coordinates_are_counted_not_drawn(seed_events: list[Event]) -> None:
    lost = replace(seed_events[0], id="lost", lat=None, lon=None)
    bad = replace(seed_events[0], id="bad", lat=float("nan"), lon=10.0)
    data = map_payload([*seed_events, lost, bad], countries=None)
    assert len(data["events"]) == 7
    assert data["unplaced"] == 2


def test_only_http_links_are_kept(seed_events: list[Event]) -> None:
    urls = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
            "vbscript:x", " java\tscript:alert(1)", "//evil.example/x", "https://ok.example/a",
            "http://ok.example/b"]
    ev = replace(seed_events[0], sources=tuple(Source(id=f"s{i}", url=u)
                                               for i, u in enumerate(urls)))
    kept = [s[3] for s in map_payload([ev], countries=None)["sources"]]
    assert kept == [None] * 6 + ["https://ok.example/a", "http://ok.example/b"]


def test_hostile_text_cannot_break_out_of_the_page(seed_events: list[Event],
                                                  country_boxes: dict[str, Any]) -> None:
    ev = replace(seed_events[0], attacker=HOSTILE, location_name=HOSTILE, target=HOSTILE,
                 evidence=(HOSTILE,), notes=(HOSTILE,), weapons=(HOSTILE,),
                 event_type=HOSTILE,
                 sources=(Source(id=HOSTILE, title=HOSTILE, date=HOSTILE,
                                 url="javascript:window.__pwned=1"),))
    page = _page([ev], country_boxes, title=HOSTILE, self_contained=True)
    assert "window.__pwned" in page  # the text is there...
    assert "<script>window.__pwned" not in page  # ...but never as markup
    assert "<img src=x" not in page
    assert "javascript:window.__pwned" not in page  # the link was dropped
    # one data blob, and it round-trips to the original text
    data = _blob(page)
    assert data["events"][0]["e"] == [HOSTILE]
    assert data["title"] == HOSTILE
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    assert title is not None and "<" not in title.group(1)


def test_self_contained_has_no_external_assets(seed_events: list[Event],
                                              country_boxes: dict[str, Any]) -> None:
    page = _page(seed_events, country_boxes, self_contained=True)
    assert _element_urls(page) == []
    assert "<link" not in page
    assert "<script src" not in page
    assert "Leaflet 1.9.3" in page  # inlined from xstatic-leaflet
    assert "sourceMappingURL" not in page
    assert "url(images/" not in page  # the control's images became data URIs
    for dropped in ("jquery", "bootstrap", "awesome-markers", "font-awesome", "fontawesome"):
        assert dropped not in page.lower()


def test_self_contained_cluster_inlines_markercluster(seed_events: list[Event],
                                                      country_boxes: dict[str, Any]) -> None:
    page = _page(seed_events, country_boxes, self_contained=True, cluster_threshold=3)
    assert _blob(page)["cluster"] is True
    assert "MarkerClusterGroup" in page
    assert _element_urls(page) == []


def test_default_mode_links_only_leaflet(seed_events: list[Event],
                                         country_boxes: dict[str, Any]) -> None:
    page = _page(seed_events, country_boxes)
    srcs = re.findall(r'<script src="([^"]+)"', page)
    assert srcs == ["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"]
    for dropped in ("jquery", "bootstrap", "awesome-markers"):
        assert dropped not in page.lower()
    clustered = _page(seed_events, country_boxes, cluster_threshold=3)
    assert any("markercluster" in s for s in re.findall(r'<script src="([^"]+)"', clustered))


def test_missing_asset_names_the_package(monkeypatch: pytest.MonkeyPatch,
                                         seed_events: list[Event],
                                         country_boxes: dict[str, Any]) -> None:
    monkeypatch.setattr(_render_assets, "_LEAFLET_JS",
                        _render_assets._Asset("xstatic.pkg.not_installed_here", "xstatic-leaflet",
                                      "leaflet.js"))
    with pytest.raises(RenderError, match="xstatic-leaflet"):
        build_map(seed_events, countries=country_boxes, self_contained=True)
    monkeypatch.setattr(_render_assets, "_LEAFLET_JS",
                        _render_assets._Asset("xstatic.pkg.leaflet", "xstatic-leaflet", "gone.js"))
    with pytest.raises(RenderError, match=r"gone\.js"):
        build_map(seed_events, countries=country_boxes, self_contained=True)


def test_render_map_writes_atomically(tmp_path: Path, seed_events: list[Event],
                                      country_boxes: dict[str, Any]) -> None:
    target = tmp_path / "out" / "map.html"
    out = render_map(seed_events, target, countries=country_boxes, self_contained=True)
    assert out == target
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["map.html"]


def test_render_map_failure_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           seed_events: list[Event],
                                           country_boxes: dict[str, Any]) -> None:
    target = tmp_path / "map.html"
    target.write_text("old", "utf-8")
    monkeypatch.setattr(_render_assets, "_LEAFLET_JS",
                        _render_assets._Asset("xstatic.pkg.missing", "xstatic-leaflet",
                                              "leaflet.js"))
    with pytest.raises(RenderError):
        render_map(seed_events, target, countries=country_boxes, self_contained=True)
    assert target.read_text("utf-8") == "old"


def test_countries_none_loads_bundled_or_degrades(seed_events: list[Event]) -> None:
    page = build_map(seed_events).get_root().render()
    assert len(_blob(page)["events"]) == 7


def test_country_outlines_keep_only_code_and_name(country_boxes: dict[str, Any]) -> None:
    country_boxes["features"][0]["properties"]["extra"] = "<b>x</b>"
    data = map_payload([], countries=country_boxes)
    props = data["countries"]["features"][0]["properties"]
    assert props == {"iso_a2": "IR", "name": "Iran"}
    assert data["countryNames"]["PK"] == "Pakistan"


def test_event_type_shapes_are_distinct(seed_events: list[Event]) -> None:
    data = map_payload(seed_events, countries=None)
    shapes = {t["name"]: t["shape"] for t in data["types"]}
    assert shapes["missile strike"] == "triangle"
    assert shapes["suicide bombing"] == "star"
    assert len(set(shapes.values())) == len(shapes)


def test_ten_thousand_events_stay_under_15_mb(
        tmp_path: Path, country_boxes: dict[str, Any],
        synthetic_events: Callable[[int], list[Event]]) -> None:
    out = render_map(synthetic_events(10_000), tmp_path / "big.html",
                     countries=country_boxes, self_contained=True)
    size = out.stat().st_size
    assert size < 15_000_000
    data = _blob(out.read_text("utf-8"))
    assert len(data["events"]) == 10_000 and data["cluster"] is True


def test_json_blob_survives_lone_surrogates_and_refuses_nan() -> None:
    text = render._json_for_script({"t": "bad \ud800 </script>"})
    text.encode("utf-8")
    assert "</script>" not in text and json.loads(text)["t"] == "bad \ud800 </script>"
    with pytest.raises(RenderError):
        render._json_for_script({"x": float("nan")})


def test_cross_border_without_origin_has_no_arc(seed_events: list[Event]) -> None:
    ev = replace(seed_events[0], origin_lat=None, origin_lon=None)
    data = map_payload([ev], countries=None)
    assert data["crossBorder"] == 1 and "ol" not in data["events"][0]


def test_attackers_of_one_state_share_a_colour(seed_events: list[Event]) -> None:
    irgc = replace(seed_events[1], id="irgc", attacker="Iran (IRGC)")
    data = map_payload([*seed_events, irgc], countries=None)
    colour = {a["name"]: a["color"] for a in data["attackers"]}
    assert colour["Iran"] == colour["Iran (IRGC)"]
    assert len({colour["Iran"], colour["Jaish al-Adl"], colour["Unknown attacker"]}) == 3
    assert [a["name"] for a in data["attackers"]][:2] == ["Iran", "Iran (IRGC)"]
