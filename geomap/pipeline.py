"""The pipeline: ingest -> toponyms/resolve -> events -> merge -> export/render.

A thin chain of the stage functions; each stage can be called on its own. The CLI adds
progress and error reporting on top of :func:`run`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geomap.config import Config
from geomap.errors import InputError
from geomap.events import extract_events
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.ingest import read_articles
from geomap.merge import merge
from geomap.records import Article, Event, Toponym
from geomap.resolve import geoparse

__all__ = ["PipelineResult", "RunResult", "extract", "run", "write"]

logger = logging.getLogger(__name__)

Progress = Callable[[Article], None]


@dataclass(frozen=True, slots=True)
class PipelineResult:
    """What the articles say: resolved places, per-article reports, merged events."""

    articles: tuple[Article, ...]
    places: tuple[tuple[str, Toponym], ...]
    reports: tuple[Event, ...]
    events: tuple[Event, ...]

    @property
    def cross_border(self) -> int:
        """How many merged events are cross-border."""
        return sum(1 for e in self.events if e.cross_border)


@dataclass(frozen=True, slots=True)
class RunResult:
    """A whole ``geomap run``: the pipeline result, the inputs skipped, the files written."""

    result: PipelineResult
    problems: tuple[InputError, ...]
    files: int
    outputs: dict[str, Path] = field(default_factory=dict)


def extract(
    articles: Sequence[Article],
    *,
    config: Config | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
) -> PipelineResult:
    """Geoparse each article, read its strike events, and merge them across articles."""
    cfg = config or Config()
    gaz = gazetteer or load_gazetteer(cfg.gazetteer_dir)
    places: list[tuple[str, Toponym]] = []
    reports: list[Event] = []
    for article in articles:
        toponyms = geoparse(article.text, gaz)
        places.extend((article.id, t) for t in toponyms)
        reports.extend(extract_events(article, toponyms, gaz, merge_km=cfg.merge_km))
        if progress is not None:
            progress(article)
    events = merge(reports, gaz, km=cfg.merge_km, days=cfg.merge_days)
    return PipelineResult(tuple(articles), tuple(places), tuple(reports), tuple(events))


def write(result: PipelineResult, config: Config) -> dict[str, Path]:
    """Write the GeoJSON, CSV and GeoPackage outputs, and the map unless switched off."""
    from geomap.export import write_outputs

    outputs = dict(write_outputs(config.output_dir, result.events, result.places))
    if config.write_map:
        from geomap.render import render_map

        outputs["map.html"] = render_map(result.events, config.output_dir / "map.html",
                                         self_contained=config.self_contained)
    return outputs


def run(
    paths: Iterable[str | os.PathLike[str]],
    config: Config | None = None,
    *,
    progress: Progress | None = None,
    on_read: Callable[[int], None] | None = None,
) -> RunResult:
    """Read every input, run the pipeline and write the outputs.

    Bad inputs are reported in ``problems`` and skipped; the rest goes on. ``on_read``
    is told how many articles were read (so a progress bar can be sized).
    """
    cfg = config or Config()
    default = dt.date.fromisoformat(cfg.default_date) if cfg.default_date else None
    read = read_articles(paths, default_date=default)
    if on_read is not None:
        on_read(len(read.articles))
    result = extract(read.articles, config=cfg, progress=progress)
    outputs = write(result, cfg)
    return RunResult(result, read.problems, read.files, outputs)
