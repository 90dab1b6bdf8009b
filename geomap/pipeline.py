"""The pipeline: ingest -> toponyms/resolve -> events -> merge -> export/render.

A thin chain of the stage functions; each stage can be called on its own. The CLI adds
progress and error reporting on top of :func:`run`.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
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


PARALLEL_FROM = 200
"""Fewer articles than this are read in one process: starting workers would cost more."""

_Read = tuple[list[Toponym], list[Event]]
_WORKER: dict[str, tuple[Gazetteer, float]] = {}  # set in the parent before workers fork


def _read_one(article: Article, gaz: Gazetteer, merge_km: float) -> _Read:
    toponyms = geoparse(article.text, gaz)
    return toponyms, extract_events(article, toponyms, gaz, merge_km=merge_km)


def _read_in_worker(article: Article) -> _Read:
    return _read_one(article, *_WORKER["state"])


def _workers(jobs: int, n: int, parallel_from: int) -> int:
    if n < parallel_from or "fork" not in mp.get_all_start_methods():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, jobs if jobs > 0 else min(cpus or 1, 4))


def _read_all(articles: Sequence[Article], gaz: Gazetteer, cfg: Config,
              parallel_from: int) -> Iterator[_Read]:
    """Each article's places and events, in input order; on several processes when the
    run is large (forked after the gazetteer is loaded, so the workers share it)."""
    workers = _workers(cfg.jobs, len(articles), parallel_from)
    if workers == 1:
        yield from (_read_one(a, gaz, cfg.merge_km) for a in articles)
        return
    _WORKER["state"] = (gaz, cfg.merge_km)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_read_in_worker, articles, chunksize=8)
    finally:
        _WORKER.clear()


def extract(
    articles: Sequence[Article],
    *,
    config: Config | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> PipelineResult:
    """Geoparse each article, read its strike events, and merge them across articles.

    Runs of ``parallel_from`` articles or more are read by ``config.jobs`` worker
    processes; the result is the same as in one process.
    """
    cfg = config or Config()
    gaz = gazetteer or load_gazetteer(cfg.gazetteer_dir)
    places: list[tuple[str, Toponym]] = []
    reports: list[Event] = []
    for article, (toponyms, found) in zip(articles, _read_all(articles, gaz, cfg, parallel_from),
                                          strict=True):
        places.extend((article.id, t) for t in toponyms)
        reports.extend(found)
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
