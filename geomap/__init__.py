"""geomap: offline geoparser and strike-event mapper.

The public names are imported lazily, so ``import geomap`` stays cheap and runs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "Article",
    "Config",
    "Event",
    "GeomapError",
    "Mention",
    "OfflineGeocoder",
    "Place",
    "Toponym",
    "geoparse",
    "load_gazetteer",
    "resolve_spans",
]

__version__ = "0.1.0"

_WHERE = {
    "Article": "geomap.records",
    "Event": "geomap.records",
    "Mention": "geomap.records",
    "Place": "geomap.records",
    "Toponym": "geomap.records",
    "Config": "geomap.config",
    "GeomapError": "geomap.errors",
    "OfflineGeocoder": "geomap.geocoder",
    "load_gazetteer": "geomap.gazetteer",
    "geoparse": "geomap.resolve",
    "resolve_spans": "geomap.resolve",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'geomap' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
