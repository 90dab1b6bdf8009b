"""Command line: parses arguments, shows progress, reports errors. The work is elsewhere."""

from __future__ import annotations

import dataclasses
import json
import logging
import sys
from collections.abc import Sequence
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
