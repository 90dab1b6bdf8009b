"""The interactive map: strike events, trajectories and country shading in one HTML file.

``render_map`` writes ``map.html``; ``build_map`` returns the :class:`folium.Map` behind
it (for tests and notebooks). folium provides the page and the Leaflet map; the layers
are built in the browser by geomap's own script (:mod:`geomap._map_js`) from one JSON
blob (made by :mod:`geomap._map_payload`), so a map of 10,000 events stays a few megabytes
and opens quickly.

Text from articles (titles, evidence, URLs, names) is untrusted. It reaches the page
only inside the JSON blob, escaped for ``<``, ``>`` and ``&`` (so it cannot close the
``<script>`` element), and the browser side puts it into the page with
``textContent``. Only ``http``/``https`` links are kept.

With ``self_contained=True`` every script and stylesheet is inlined from installed
Python packages (``xstatic-leaflet``, ``xstatic-leaflet-markercluster``): the file
opens with the network off, and only the optional OpenStreetMap tiles need it.

Examples
--------
>>> from geomap.records import Event
>>> ev = Event(id="e1", event_type="missile strike", date="2024-01-16",
...            date_precision="day", attacker="Iran", attacker_country="IR",
...            target=None, location_name="Balochistan", location_country="PK",
...            admin1="Balochistan", geo_precision=3, lat=28.5, lon=65.5,
...            cross_border=True, origin_lat=32.0, origin_lon=53.7)
>>> m = build_map([ev], countries={"type": "FeatureCollection", "features": []})
>>> type(m).__name__
'Map'
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import folium
from folium.elements import JSCSSMixin
from folium.template import Template

from geomap import _render_assets
from geomap._io import atomic_write_text
from geomap._map_js import MAP_CSS, MAP_JS
from geomap._map_payload import (
    CANVAS_THRESHOLD,
    CLUSTER_THRESHOLD,
    DEFAULT_TITLE,
    PRECISION_RADIUS_KM,
    build_payload,
    bundled_layer,
    country_layer,
    map_payload,
)
from geomap.errors import RenderError
from geomap.records import Event

__all__ = [
    "CANVAS_THRESHOLD",
    "CLUSTER_THRESHOLD",
    "DEFAULT_TITLE",
    "PRECISION_RADIUS_KM",
    "build_map",
    "map_payload",
    "render_map",
]

logger = logging.getLogger(__name__)

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def _json_for_script(value: Any) -> str:
    """JSON text safe inside a ``<script>`` element: ``<``, ``>``, ``&`` are escaped."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as exc:  # NaN or infinity somewhere in the data
        raise RenderError(f"map data cannot be written as JSON: {exc}") from exc
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: let JSON escape them
        text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


# ----------------------------------------------------------------------------- folium


class _EventLayer(JSCSSMixin):
    """Everything geomap draws, as one folium element: data blob, script and style."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>{{ this.css }}</style>
<script>{{ this.js }}</script>
{% endmacro %}
{% macro html(this, kwargs) %}
<script type="application/json" id="{{ this.data_id }}">{{ this.data_json }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
geomap.instances.push(geomap.init({{ this._parent.get_name() }}, {{ this.data_id|tojson }}));
{% endmacro %}
""")

    def __init__(self, payload: Mapping[str, Any], *, self_contained: bool) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GeomapEvents"
        self.data_id = f"geomap-data-{self._id}"
        self.data_json = _json_for_script(payload)
        self.css = MAP_CSS
        self.js = MAP_JS
        if self_contained:
            self.default_js: list[tuple[str, str]] = []
            self.default_css: list[tuple[str, str]] = []
        elif payload["cluster"]:
            self.default_js = [("markercluster", _render_assets.CDN_JS["markercluster"])]
            self.default_css = [(k, v) for k, v in _render_assets.CDN_CSS.items()
                                if "markercluster" in k]
        else:
            self.default_js = []
            self.default_css = []


def _centre(payload: Mapping[str, Any]) -> tuple[list[float], int]:
    events = payload["events"]
    if not events:
        return [30.0, 50.0], 3
    lats = [e["la"] for e in events]
    lons = [e["lo"] for e in events]
    return [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2], 5


def build_map(
    events: Sequence[Event],
    *,
    title: str = DEFAULT_TITLE,
    self_contained: bool = False,
    countries: Mapping[str, Any] | None = None,
    cluster_threshold: int = CLUSTER_THRESHOLD,
) -> folium.Map:
    """Build the interactive map of ``events``.

    Parameters
    ----------
    events
        Strike events. Cross-border ones with an origin get a great-circle arc with a
        direction arrow; every event with coordinates gets a marker.
    title
        Title shown on the map and in the page's ``<title>``.
    self_contained
        Inline Leaflet (and markercluster) from the installed XStatic packages, so the
        page needs no network; see :func:`render_map`.
    countries
        GeoJSON FeatureCollection of country outlines with properties ``iso_a2`` and
        ``name``; ``None`` loads ``geomap.gazetteer.country_outlines()``.
    cluster_threshold
        Cluster markers when there are more events than this.

    Returns
    -------
    folium.Map
        The map; ``map.get_root().render()`` gives the page's HTML.

    Raises
    ------
    RenderError
        ``self_contained`` is set and a needed asset is not installed.
    """
    layer, names = bundled_layer() if countries is None else country_layer(countries)
    payload = build_payload(events, layer, names, title=title, self_contained=self_contained,
                            cluster_threshold=cluster_threshold)
    location, zoom = _centre(payload)
    fmap = folium.Map(location=location, zoom_start=zoom, tiles=None, control_scale=True,
                      world_copy_jump=True)
    if self_contained:
        assets = _render_assets.inline_assets(cluster=bool(payload["cluster"]))
        fmap.default_js = []
        fmap.default_css = []
    else:
        fmap.default_js = [("leaflet", _render_assets.CDN_JS["leaflet"])]
        fmap.default_css = [("leaflet_css", _render_assets.CDN_CSS["leaflet_css"])]
    figure = fmap.get_root()
    if isinstance(figure, folium.Figure):
        figure.title = html.escape(title, quote=True)
        if self_contained:
            figure.header.add_child(folium.Element(assets), name="geomap_assets")
    fmap.add_child(_EventLayer(payload, self_contained=self_contained))
    logger.debug("map built: %d events, %d cross-border, cluster=%s",
                 len(payload["events"]), payload["crossBorder"], payload["cluster"])
    return fmap


def render_map(
    events: Sequence[Event],
    path: str | Path,
    *,
    title: str = DEFAULT_TITLE,
    self_contained: bool = False,
    countries: dict[str, Any] | None = None,
) -> Path:
    """Write the interactive map of ``events`` to ``path`` (atomically) and return it.

    Parameters
    ----------
    events
        Strike events to draw.
    path
        Output HTML file, usually ``output/map.html``.
    title
        Title shown on the map.
    self_contained
        Inline every script and stylesheet from installed Python packages, so the file
        needs no network (only the optional OpenStreetMap tiles do; without them the
        map draws the country outlines on a plain background).
    countries
        Country outlines (GeoJSON FeatureCollection with ``iso_a2`` and ``name``);
        ``None`` loads the bundled ones.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    RenderError
        A self-contained asset is missing (the message names the package to install).
    ExportError
        The file cannot be written.
    """
    fmap = build_map(events, title=title, self_contained=self_contained, countries=countries)
    page = fmap.get_root().render()
    out = atomic_write_text(path, page)
    logger.info("map written: %s (%d events, %.1f MB)", out, len(events),
                len(page.encode("utf-8")) / 1e6)
    return out
