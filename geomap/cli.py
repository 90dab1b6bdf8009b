"""Command line: parses arguments, shows progress, reports errors. The work is elsewhere."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from geomap.errors import GeomapError

__all__ = ["main"]

logger = logging.getLogger(__name__)
_out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
_err = Console(stderr=True, soft_wrap=True)


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="geomap")
def cli(verbose: int) -> None:
    """geomap: offline geoparser and strike-event mapper."""
    _setup_logging(verbose)


@cli.command()
@click.argument("name")
@click.option("--country", "country", multiple=True, metavar="CC",
              help="Only places in this country (ISO 3166-1 alpha-2); repeatable.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=1),
              help="How many candidates to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def geocode(name: str, country: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Look NAME up in the bundled gazetteer and print ranked candidates."""
    from geomap.gazetteer import load_gazetteer, prior_score

    gaz = load_gazetteer()
    cands = gaz.lookup(name, country_codes=country or None, limit=limit)
    if as_json:
        rows = [{**dataclasses.asdict(c.place), "matched": c.matched, "exact": c.exact,
                 "score": round(prior_score(c), 3)} for c in cands]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        table = Table(title=f"geocode {name!r}" + (f" in {','.join(country)}" if country else ""))
        for col in ("#", "name", "kind", "cc", "admin1", "lat", "lon", "population", "id"):
            table.add_column(col, justify="right" if col in {"#", "lat", "lon", "population"}
                             else "left")
        for i, c in enumerate(cands, start=1):
            p = c.place
            table.add_row(str(i), p.name, p.kind, p.country_code or "", p.admin1 or "",
                          f"{p.lat:.4f}", f"{p.lon:.4f}", f"{p.population:,}", p.id)
        _out.print(table)
    if not cands:
        _err.print(f"no place named {name!r}" + (f" in {', '.join(country)}" if country else ""))
        sys.exit(1)


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Output folder  [default: output, or GEOMAP_OUTPUT_DIR]")
@click.option("--date", "default_date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Publication date for articles that have none.")
@click.option("--no-map", is_flag=True, help="Do not write map.html.")
@click.option("--self-contained/--cdn", "self_contained", default=None,
              help="Inline the map's scripts so it opens with no network (default), or "
                   "link them from a CDN (a smaller file that needs internet).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Worker processes for large runs (0: one per CPU, at most 4; the default, "
                   "or GEOMAP_JOBS). Runs under 200 articles use one.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def run(paths: tuple[Path, ...], output_dir: Path | None, default_date: str | None,
        no_map: bool, self_contained: bool | None, jobs: int | None, quiet: bool) -> None:
    """Read articles (files or folders: .txt, .md, .jsonl), find strike events, write
    events.geojson, trajectories.geojson, places.geojson, events.csv, events.gpkg and
    map.html. Exit status 1 if any input was skipped or had a problem."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from geomap.config import Config
    from geomap.pipeline import run as run_pipeline

    config = Config.from_env(output_dir=output_dir, default_date=default_date,
                             self_contained=self_contained,
                             write_map=False if no_map else None, jobs=jobs)
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=_err,
                  disable=quiet) as bar:
        task = bar.add_task("reading articles", total=None)

        def sized(n: int) -> None:
            bar.update(task, total=n, description="geoparsing and reading events")

        done = run_pipeline(paths, config, on_read=sized,
                            progress=lambda _a: bar.advance(task))
    for problem in done.problems:
        _err.print(f"[yellow]skipped or fixed:[/yellow] {problem}", highlight=False)
    if not quiet:
        r = done.result
        table = Table(title="geomap run", show_header=False)
        table.add_row("input files", str(done.files))
        table.add_row("articles read", str(len(r.articles)))
        table.add_row("inputs with problems", str(len(done.problems)))
        table.add_row("places resolved", str(len(r.places)))
        table.add_row("strike reports", str(len(r.reports)))
        table.add_row("events (merged)", str(len(r.events)))
        table.add_row("cross-border events", str(r.cross_border))
        for name, path in done.outputs.items():
            table.add_row(name, str(path))
        _out.print(table)
    if done.problems:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "geojson", "jsonl"]),
              default="table", show_default=True)
def places(paths: tuple[Path, ...], fmt: str) -> None:
    """Print the resolved places of each article."""
    from geomap.export import places_geojson
    from geomap.ingest import read_articles
    from geomap.resolve import geoparse

    read = read_articles(paths)
    for problem in read.problems:
        _err.print(f"[yellow]skipped or fixed:[/yellow] {problem}", highlight=False)
    found = [(a.id, t) for a in read.articles for t in geoparse(a.text)]
    if fmt == "geojson":
        click.echo(json.dumps(places_geojson(found), ensure_ascii=False))
    elif fmt == "jsonl":
        for article_id, t in found:
            click.echo(json.dumps({"article_id": article_id, **dataclasses.asdict(t)},
                                  ensure_ascii=False))
    else:
        table = Table(title="places")
        for col in ("article", "span", "text", "name", "kind", "cc", "admin1", "score",
                    "runner-up"):
            table.add_column(col)
        for article_id, t in found:
            table.add_row(article_id, f"{t.start}-{t.end}", t.text, t.name, t.kind,
                          t.country_code or "", t.admin1 or "", f"{t.score:.1f}",
                          t.runner_up or "")
        _out.print(table)
    if read.problems:
        sys.exit(1)


@cli.command()
@click.argument("events_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("map.html"), show_default=True)
@click.option("--trajectories", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="trajectories.geojson (default: the one beside EVENTS_FILE)")
@click.option("--self-contained/--cdn", "self_contained", default=True, show_default=True,
              help="Inline every script and stylesheet (opens offline), or link a CDN.")
@click.option("--title", default=None, help="Map title.")
def render(events_file: Path, out: Path, trajectories: Path | None, self_contained: bool,
           title: str | None) -> None:
    """Draw the interactive map of an events.geojson written by ``geomap run``."""
    from geomap.export import read_events_geojson
    from geomap.render import render_map

    events = read_events_geojson(events_file, trajectories=trajectories)
    kwargs: dict[str, Any] = {"self_contained": self_contained}
    if title:
        kwargs["title"] = title
    path = render_map(events, out, **kwargs)
    _out.print(f"{len(events)} events -> {path}")


def _fail(exc: GeomapError) -> None:
    _err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    sys.exit(2)


def main(argv: Sequence[str] | None = None) -> Any:
    """Entry point of the ``geomap`` console script."""
    try:
        return cli.main(args=list(argv) if argv is not None else None,
                        prog_name="geomap", standalone_mode=True)
    except GeomapError as exc:
        _fail(exc)
    return None


if __name__ == "__main__":
    main()
