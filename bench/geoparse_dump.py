"""Debugging dump for the geoparsing benchmark: every gold-span miss with its reasons.

Run from the project root::

    .venv/bin/python bench/geoparse_dump.py [--corpus gwn|lgl] [--limit N] [--fp] [OUT]

For each gold toponym with coordinates that ``geomap.resolve_spans`` puts more than
161 km from the gold point (or leaves unresolved) it writes one block: the article, the
mention in its sentence, geomap's pick with score, runner-up and reasons, the gold point
and GeoNames id, and the ``lookup`` candidate nearest the gold point with its rank (or
"no candidate near gold": a gazetteer gap, not a ranking error). With ``--fp`` it lists
the end-to-end false positives (exact spans) in context instead, with ``--fn`` the gold
spans that no prediction matches exactly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent))

from _corpora import ACC_KM, error_km, load_corpus, recognition_gold, resolution_gold

__all__ = ["dump_false_negatives", "dump_false_positives", "dump_misses", "main"]


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def dump_misses(corpus: str, limit: int | None) -> list[str]:
    """One block of lines per gold-span miss."""
    from geomap.gazetteer import load_gazetteer
    from geomap.resolve import resolve_spans

    gaz = load_gazetteer()
    out: list[str] = []
    n = wrong = 0
    for art in load_corpus(corpus)[:limit]:
        gold = resolution_gold(corpus, art)
        if not gold:
            continue
        resolved = resolve_spans(art.text, [(g.start, g.end) for g in gold], gaz)
        for g, top in zip(gold, resolved, strict=True):
            n += 1
            err = error_km(g, top.lat, top.lon) if top else None
            if err is not None and err <= ACC_KM:
                continue
            wrong += 1
            cands = gaz.lookup(art.text[g.start : g.end])
            near = [(rank, c) for rank, c in enumerate(cands)
                    if error_km(g, c.place.lat, c.place.lon) <= ACC_KM]
            out.append(f"## {corpus} {art.id} {art.text[g.start:g.end]!r}")
            out.append("   " + _context(art.text, g.start, g.end))
            if top is None:
                out.append("   ours: unresolved")
            else:
                out.append(f"   ours: {top.name} ({top.country_code}, {top.kind}, {top.place_id},"
                           f" pop {top.population}) score {top.score} err {err:,.0f} km")
                out.append(f"   runner-up: {top.runner_up} {top.runner_up_score}")
                out.append(f"   reasons: {'; '.join(top.reasons)}")
            out.append(f"   gold: {g.lat},{g.lon} gn:{g.geonameid} ({len(cands)} candidates)")
            if near:
                rank, c = near[0]
                p = c.place
                out.append(f"   nearest-gold candidate: rank {rank} {p.name} ({p.country_code}, "
                           f"{p.kind}, {p.id}, pop {p.population})")
            else:
                out.append("   no candidate near gold")
    out.insert(0, f"# {corpus}: {wrong} of {n} gold spans missed")
    return out


def dump_false_positives(corpus: str, limit: int | None) -> list[str]:
    """End-to-end predictions (exact spans) that match no gold span, in context."""
    from geomap.resolve import geoparse

    out: list[str] = []
    for art in load_corpus(corpus)[:limit]:
        gold = {(g.start, g.end) for g in recognition_gold(corpus, art)}
        kinds = {(t.start, t.end): t.kind for t in art.toponyms}
        for t in geoparse(art.text):
            if (t.start, t.end) in gold:
                continue
            out.append(f"{corpus} {art.id} {t.text!r} -> {t.name} ({t.country_code}, {t.kind}) "
                       f"[{kinds.get((t.start, t.end), 'unannotated')}] "
                       f"{_context(art.text, t.start, t.end, 60)}")
    return out


def dump_false_negatives(corpus: str, limit: int | None) -> list[str]:
    """Gold spans (recognition gold) that no end-to-end prediction matches exactly."""
    from geomap.resolve import geoparse

    out: list[str] = []
    for art in load_corpus(corpus)[:limit]:
        found = {(t.start, t.end) for t in geoparse(art.text)}
        for g in recognition_gold(corpus, art):
            if (g.start, g.end) not in found:
                out.append(f"{corpus} {art.id} {art.text[g.start:g.end]!r} [{g.kind}] "
                           f"{_context(art.text, g.start, g.end, 60)}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=None, help="file (default stdout)")
    parser.add_argument("--corpus", choices=("gwn", "lgl"), default="gwn")
    parser.add_argument("--limit", type=int, default=None)
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--fp", action="store_true", help="end-to-end false positives")
    what.add_argument("--fn", action="store_true", help="end-to-end false negatives")
    args = parser.parse_args(argv)
    dump = (dump_false_positives if args.fp else dump_false_negatives if args.fn
            else dump_misses)
    lines = dump(args.corpus, args.limit)
    text = "\n".join(lines) + "\n"
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
