"""Leaflet and markercluster for ``map.html``: CDN links, or files inlined from packages.

A self-contained map inlines the scripts and stylesheets shipped by the XStatic Python
packages (``xstatic-leaflet`` 1.9.3, the Leaflet that folium uses, and
``xstatic-leaflet-markercluster``), with their source-map comments removed and the
images their CSS refers to turned into ``data:`` URIs. A missing package raises
:class:`geomap.errors.RenderError` naming what to install.
"""

from __future__ import annotations

import base64
import importlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from geomap.errors import RenderError

__all__ = [
    "CDN_CSS",
    "CDN_JS",
    "LEAFLET_VERSION",
    "MARKERCLUSTER_VERSION",
    "inline_assets",
    "read_asset",
]

logger = logging.getLogger(__name__)

LEAFLET_VERSION = "1.9.3"
MARKERCLUSTER_VERSION = "1.4.1"
CDN_JS = {
    "leaflet": f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js",
    "markercluster": "https://cdn.jsdelivr.net/npm/leaflet.markercluster@"
    f"{MARKERCLUSTER_VERSION}/dist/leaflet.markercluster.js",
}
CDN_CSS = {
    "leaflet_css": f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css",
    "markercluster_css": "https://cdn.jsdelivr.net/npm/leaflet.markercluster@"
    f"{MARKERCLUSTER_VERSION}/dist/MarkerCluster.css",
    "markercluster_default_css": "https://cdn.jsdelivr.net/npm/leaflet.markercluster@"
    f"{MARKERCLUSTER_VERSION}/dist/MarkerCluster.Default.css",
}


@dataclass(frozen=True, slots=True)
class _Asset:
    """A file shipped by an installed Python package (an XStatic package)."""

    module: str
    distribution: str
    filename: str


_LEAFLET_JS = _Asset("xstatic.pkg.leaflet", f"xstatic-leaflet=={LEAFLET_VERSION}.0",
                     "leaflet.js")
_LEAFLET_CSS = _Asset("xstatic.pkg.leaflet", f"xstatic-leaflet=={LEAFLET_VERSION}.0",
                      "leaflet.css")
_CLUSTER_JS = _Asset("xstatic.pkg.leaflet_markercluster", "xstatic-leaflet-markercluster",
                     "leaflet.markercluster.js")
_CLUSTER_CSS = (
    _Asset("xstatic.pkg.leaflet_markercluster", "xstatic-leaflet-markercluster",
           "MarkerCluster.css"),
    _Asset("xstatic.pkg.leaflet_markercluster", "xstatic-leaflet-markercluster",
           "MarkerCluster.Default.css"),
)
_SOURCE_MAP_RE = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_URL_RE = re.compile(r"url\((['\"]?)(images/[A-Za-z0-9_.-]+\.png)\1\)")


def _asset_dir(asset: _Asset) -> Path:
    hint = (f"install it with: pip install '{asset.distribution}' "
            "(or pip install 'geomap[selfcontained]')")
    try:
        module = importlib.import_module(asset.module)
    except ImportError as exc:
        raise RenderError(
            f"self-contained map needs the Python package {asset.distribution!r}, "
            f"which is not installed; {hint}") from exc
    base = getattr(module, "BASE_DIR", None)
    if not isinstance(base, str) or not Path(base, asset.filename).is_file():
        raise RenderError(
            f"self-contained map: {asset.filename} not found in the installed package "
            f"{asset.distribution!r}; {hint}")
    version = getattr(module, "VERSION", None)
    if asset.module == _LEAFLET_JS.module and version != LEAFLET_VERSION:
        logger.warning("xstatic-leaflet ships Leaflet %s; the map was written for %s",
                       version, LEAFLET_VERSION)
    return Path(base)


def read_asset(asset: _Asset) -> str:
    """Return an asset's text, ready to inline (no source map, images as data URIs)."""
    base = _asset_dir(asset)
    text = (base / asset.filename).read_text("utf-8")
    if asset.filename.endswith(".js"):
        text = _SOURCE_MAP_RE.sub("", text)
        return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)

    def inline_image(match: re.Match[str]) -> str:
        image = base / match.group(2)
        if not image.is_file():
            raise RenderError(f"self-contained map: {match.group(2)} not found in the "
                              f"installed package {asset.distribution!r}")
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f'url("data:image/png;base64,{data}")'

    text = _CSS_URL_RE.sub(inline_image, text)
    return re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE)


def inline_assets(cluster: bool) -> str:
    """The ``<style>``/``<script>`` elements of a self-contained map."""
    css = [_LEAFLET_CSS, *(_CLUSTER_CSS if cluster else ())]
    js = [_LEAFLET_JS, *((_CLUSTER_JS,) if cluster else ())]
    parts = [f"<style>\n{read_asset(a)}\n</style>" for a in css]
    parts += [f"<script>\n{read_asset(a)}\n</script>" for a in js]
    return "\n".join(parts)
