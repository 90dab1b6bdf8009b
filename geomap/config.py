"""One explicit configuration object; precedence: CLI flag > GEOMAP_* variable > default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

__all__ = ["Config"]


@dataclass(frozen=True, slots=True)
class Config:
    """Settings for a geomap run.

    Attributes
    ----------
    output_dir : Path
        Where ``geomap run`` writes its outputs (``GEOMAP_OUTPUT_DIR``; default ``output``).
    gazetteer_dir : Path | None
        A gazetteer folder other than the bundled one (``GEOMAP_GAZETTEER_DIR``).
    default_date : str | None
        Publication date (``YYYY-MM-DD``) for articles that have none (``GEOMAP_DATE``).
    merge_km : float
        Two reports of a strike merge when their places are this close (``GEOMAP_MERGE_KM``).
    merge_days : int
        ... and their dates at most this many days apart (``GEOMAP_MERGE_DAYS``).
    self_contained : bool
        Inline every map script and stylesheet, so the map opens with no network
        (``GEOMAP_SELF_CONTAINED``; default true). False links Leaflet from a CDN.
    write_map : bool
        Write ``map.html`` in ``geomap run`` (``GEOMAP_WRITE_MAP``).
    jobs : int
        Worker processes for reading articles (``GEOMAP_JOBS``); 0 means one per CPU
        (at most 4). Runs of fewer than 200 articles use one process whatever this says.
    """

    output_dir: Path = Path("output")
    gazetteer_dir: Path | None = None
    default_date: str | None = None
    merge_km: float = 60.0
    merge_days: int = 1
    self_contained: bool = True
    write_map: bool = True
    jobs: int = 0

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: Any
    ) -> Config:
        """Build a Config from ``GEOMAP_*`` variables, then apply non-None ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"GEOMAP_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, raw)
        config = cls(**values)
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(config, **given) if given else config


def _convert(name: str, raw: str) -> Any:
    if name in {"output_dir", "gazetteer_dir"}:
        return Path(raw)
    if name == "merge_km":
        return float(raw)
    if name in {"merge_days", "jobs"}:
        return int(raw)
    if name in {"self_contained", "write_map"}:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return raw
