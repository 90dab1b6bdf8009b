"""Geoparsing benchmark: geomap and the peer geotext on GeoWebNews and LGL, side by side.

Run from the project root::

    .venv/bin/python bench/geoparse.py [--corpus gwn|lgl|both] [--limit N] [--json OUT]
                                       [--no-peer | --only-peer]

The corpora are read in place (see ``bench/_corpora.py``). For each corpus it prints one
table with these parts.

Gold-span resolution (geomap only)
    ``geomap.resolve_spans(text, spans)`` on the annotated spans that have gold
    coordinates. Accuracy within 161 km, median and mean error (km), and the AUC of the
    error curve: mean of ln(1 + error_km) / ln(1 + 20039), lower is better (Gritta et al.
    2018). An unresolved span (``None``) counts as wrong with error 20,039 km. Also how
    many gold toponyms have no gazetteer entry at all (``Gazetteer.lookup(name)`` empty)
    and the "oracle" accuracy: the share of gold toponyms for which *some* ``lookup``
    candidate is within 161 km, an upper bound for a resolver that chooses among
    ``lookup(name)`` (geomap's resolver also maps demonyms to their country and strips
    "the" and admin words, so it can beat it); and the "prior", ``lookup(name)[0]``.
    Where the gold has a GeoNames id: how often geomap chose that very entry, and how
    many answers over 161 km away are that entry all the same (a country or province
    whose representative point differs from GeoNames', e.g. a Natural Earth label point);
    accuracy over the toponyms with a GeoNames id alone; and the ceiling: the share that
    geomap got right, or that are the gold entry, or for which any ``lookup`` candidate
    is within 161 km (the best a resolver choosing among this gazetteer's entries could do).

End to end
    ``geomap.geoparse(text)`` and ``GeoText(text)``: recognition precision, recall and F1
    against the gold spans, with exact span match and with lenient (overlap, one to one)
    match; then accuracy within 161 km over the recognised spans that matched a gold
    span with coordinates. Gold spans are the distinct (start, end) pairs of the gold
    toponyms: for GWN those of ``GWN_GOLD_TYPES`` with coordinates (see ``_corpora.py``
    for why), for LGL every toponym, with or without coordinates; for LGL the figures
    with gold = toponyms with coordinates only (the corpora README's convention) are
    shown too. Below each table: the commonest false positives, gold-span misses,
    right-entry-wrong-point answers and names without a gazetteer entry.

Speed
    Articles and toponyms per second in one process, with the gazetteer (geomap) or the
    data index (geotext, built when ``geotext`` is imported) loaded beforehand and not
    counted. The load is timed separately, cold, in a fresh ``python -c`` process (import,
    then ``load_gazetteer()``; and import to the first ``geoparse`` answer), and again in
    this process. Peak memory: of each cold-load process alone (its VmHWM; ``ru_maxrss``
    of a child includes its parent's), and ``ru_maxrss`` of this process after each
    stage. geomap and geotext run in one process, so its later peaks hold both.

How geotext is scored
    geotext returns names, not offsets. Every word-bounded occurrence in the text of a
    name it returned (cities and countries; nationalities are demonyms and not counted)
    is taken as one predicted span; an occurrence lying inside a longer occurrence of
    another returned name ("York" inside "New York") is dropped. A city is resolved
    through geotext's own data, ``geotext/data/cities15000.txt`` (GeoNames cities with
    population >= 15,000, with coordinates): among the rows with that name and the
    country code geotext's index gives the name, the most populous. Names that come only
    from its ``citypatches.txt`` ("new york", "texas") and have no such row are
    unresolved. Its country data (``countryInfo.txt``) has no coordinates, so countries
    are unresolved: they count as wrong, and accuracy over cities alone is shown too.
    The occurrence search credits geotext with more spans than its own tokenizer matched
    at those positions (177 on GWN, 528 on LGL: "Pakistan" in "Pakistan Army" or "China"
    in "In China", which its regex reads as one capitalised run, but also "Mexico" in
    "New Mexico"); it reproduces the README's geotext figures, and the stricter reading
    would change both its precision and its recall.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import logging
import os
import platform
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

# Run as a script, bench/ is already first on sys.path; imported some other way, let it
# find its sibling last, so that bench/*.py never shadows a top-level module.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent))

from _corpora import (
    ACC_KM,
    GWN_GOLD_TYPES,
    MAX_ERROR_KM,
    EndToEnd,
    GoldArticle,
    Pred,
    corpora_dir,
    error_km,
    error_summary,
    load_corpus,
    recognition_gold,
    resolution_gold,
)

__all__ = ["format_report", "main", "run"]

log = logging.getLogger("bench.geoparse")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PEER = "geotext"


# ----------------------------------------------------------------------------- protocols


class SpanLike(Protocol):
    """What the benchmark reads from a geomap ``Toponym``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def place_id(self) -> str: ...


class PlaceLike(Protocol):
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


class CandidateLike(Protocol):
    @property
    def place(self) -> PlaceLike: ...


class GazetteerLike(Protocol):
    def lookup(self, name: str) -> Sequence[CandidateLike]: ...


GeoparseFn = Callable[[str], Sequence[SpanLike]]
ResolveSpansFn = Callable[[str, list[tuple[int, int]]], Sequence[SpanLike | None]]


# -------------------------------------------------------------------------- geomap side


@dataclass(slots=True)
class GeomapAPI:
    """The geomap functions the benchmark needs, or why each is missing."""

    geoparse: GeoparseFn | None = None
    resolve_spans: ResolveSpansFn | None = None
    load_gazetteer: Callable[[], GazetteerLike] | None = None
    missing: dict[str, str] = field(default_factory=dict)


def find_geomap() -> GeomapAPI:
    """Import ``geomap.resolve`` and ``geomap.gazetteer``; note what is not there yet."""
    api = GeomapAPI()
    for module, names in (
        ("geomap.resolve", ("geoparse", "resolve_spans")),
        ("geomap.gazetteer", ("load_gazetteer",)),
    ):
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:
            for name in names:
                api.missing[name] = f"cannot import {module}: {exc}"
            continue
        for name in names:
            fn = getattr(mod, name, None)
            if fn is None:
                api.missing[name] = f"{module} has no {name}"
            else:
                setattr(api, name, fn)
    return api


_COLD_LOAD = """
import json, resource, sys, time
t0 = time.perf_counter()
{imports}
t1 = time.perf_counter()
{load}
t2 = time.perf_counter()
try:  # this process's own peak: ru_maxrss would include the parent's, kept across exec
    with open("/proc/self/status") as fh:
        peak = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"import_s": t1 - t0, "load_s": t2 - t1, "total_s": t2 - t0,
                  "maxrss_mb": peak}}))
"""


def cold_load(imports: str, load: str) -> dict[str, Any]:
    """Time ``imports`` then ``load`` in a fresh interpreter; returns seconds and peak MB."""
    code = _COLD_LOAD.format(imports=imports, load=load)
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": tail[0]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def maxrss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def gazetteer_stats(
    gaz: GazetteerLike, corpus: str, articles: Sequence[GoldArticle]
) -> dict[str, Any]:
    """No-entry count, oracle accuracy and the context-free prior over the resolution gold.

    Names are looked up as they stand in the text. The oracle counts a toponym when any
    candidate is within 161 km; the prior takes ``lookup(name)[0]``, the gazetteer's own
    context-free ranking, which shows what the resolver's use of context adds.
    """
    cache: dict[str, list[tuple[float, float]]] = {}
    n = no_entry = oracle = prior = 0
    missing: Counter[str] = Counter()
    for art in articles:
        for g in resolution_gold(corpus, art):
            name = art.text[g.start : g.end]
            if name not in cache:
                cache[name] = [(c.place.lat, c.place.lon) for c in gaz.lookup(name)]
            points = cache[name]
            n += 1
            if not points:
                no_entry += 1
                missing[name] += 1
                continue
            if min(error_km(g, lat, lon) for lat, lon in points) <= ACC_KM:
                oracle += 1
            if error_km(g, *points[0]) <= ACC_KM:
                prior += 1
    return {
        "n": n,
        "no_entry": no_entry,
        "no_entry_share": no_entry / n if n else None,
        "oracle_acc161": oracle / n if n else None,
        "prior_acc161": prior / n if n else None,
        "no_entry_top": dict(missing.most_common(25)),
    }


def country_geonameids() -> dict[str, str]:
    """ISO 3166 alpha-2 code -> GeoNames id of the country.

    Read from the GeoNames ``countryInfo.txt`` that geotext ships (empty without geotext);
    used to tell whether a geomap ``cc:XX`` place is the gold GeoNames entry.
    """
    spec = importlib.util.find_spec("geotext")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).resolve().parent / "data" / "countryInfo.txt"
    out = {}
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cols) > 16 and cols[16]:
                out[cols[0]] = cols[16]
    return out


def same_place(place_id: str, gold_id: str | None, countries: dict[str, str]) -> bool | None:
    """Whether geomap's ``place_id`` is the gold GeoNames entry; ``None`` if gold has no id."""
    if not gold_id:
        return None
    prefix, _, rest = place_id.partition(":")
    if prefix == "gn":
        return rest == gold_id
    if prefix == "cc":
        return countries.get(rest) == gold_id
    return False


def run_gold_spans(
    resolve_spans: ResolveSpansFn,
    corpus: str,
    articles: Sequence[GoldArticle],
    countries: dict[str, str] | None = None,
    gaz: GazetteerLike | None = None,
) -> dict[str, Any]:
    """Resolve the gold spans with coordinates; errors, timing and the commonest misses.

    Also compares identities where the gold has a GeoNames id: how often geomap picked
    that very entry, and how many "wrong" answers (over 161 km) are the gold entry all
    the same, with a different representative point (a country's label point, say);
    and accuracy over the toponyms that have a GeoNames id alone. With ``gaz``, the
    ceiling: the share of toponyms that geomap answered right, or that are the gold
    entry, or for which some ``gaz.lookup(name)`` candidate lies within 161 km - what
    a perfect choice among this gazetteer's entries could reach.
    """
    countries = countries if countries is not None else country_geonameids()
    errors: list[float] = []
    id_errors: list[float] = []
    reachable = 0
    unresolved = 0
    wrong: Counter[str] = Counter()
    with_id = same_id = 0
    far_same: Counter[str] = Counter()
    elapsed = 0.0
    for art in articles:
        gold = resolution_gold(corpus, art)
        if not gold:
            continue
        spans = [(g.start, g.end) for g in gold]
        t0 = time.perf_counter()
        resolved = resolve_spans(art.text, spans)
        elapsed += time.perf_counter() - t0
        if len(resolved) != len(spans):
            raise RuntimeError(
                f"resolve_spans returned {len(resolved)} results for {len(spans)} spans"
            )
        for g, top in zip(gold, resolved, strict=True):
            if top is None:
                unresolved += 1
                err = MAX_ERROR_KM
            else:
                err = error_km(g, top.lat, top.lon)
            errors.append(err)
            same = same_place(top.place_id, g.geonameid, countries) if top else None
            with_id += g.geonameid is not None
            same_id += bool(same)
            if g.geonameid is not None:
                id_errors.append(err)
            name = art.text[g.start : g.end]
            if (
                err <= ACC_KM
                or same
                or (
                    gaz is not None
                    and any(
                        error_km(g, c.place.lat, c.place.lon) <= ACC_KM for c in gaz.lookup(name)
                    )
                )
            ):
                reachable += 1
            if err > ACC_KM:
                wrong[name] += 1
                if same:
                    far_same[name] += 1
    out: dict[str, Any] = dict(error_summary(errors))
    out.update(
        {
            "unresolved": unresolved,
            "gold_with_geonames_id": with_id,
            "same_geonames_id": same_id,
            "same_id_share": same_id / with_id if with_id else None,
            "far_but_same_id": sum(far_same.values()),
            "acc161_or_same_id": (
                (sum(e <= ACC_KM for e in errors) + sum(far_same.values())) / len(errors)
                if errors
                else None
            ),
            "acc161_geonames_id_only": (
                sum(e <= ACC_KM for e in id_errors) / len(id_errors) if id_errors else None
            ),
            "ceiling_acc161": reachable / len(errors) if errors and gaz is not None else None,
            "far_but_same_id_top": dict(far_same.most_common(25)),
            "seconds": elapsed,
            "toponyms_per_s": len(errors) / elapsed if elapsed else None,
            "wrong_top": dict(wrong.most_common(25)),
        }
    )
    return out


def run_geomap_e2e(
    geoparse: GeoparseFn, corpus: str, articles: Sequence[GoldArticle]
) -> dict[str, Any]:
    """Geoparse every article; recognition and resolution scores, and speed."""
    acc = EndToEnd(corpus)
    elapsed = 0.0
    n_out = 0
    for art in articles:
        t0 = time.perf_counter()
        toponyms = geoparse(art.text)
        elapsed += time.perf_counter() - t0
        n_out += len(toponyms)
        acc.add(art, [Pred(t.start, t.end, t.lat, t.lon) for t in toponyms])
    out = acc.report()
    out["speed"] = _speed(elapsed, len(articles), n_out)
    return out


def _speed(seconds: float, articles: int, toponyms: int) -> dict[str, Any]:
    """Articles and toponyms per second of one end-to-end pass."""
    return {
        "seconds": seconds,
        "articles_per_s": articles / seconds if seconds else None,
        "toponyms_per_s": toponyms / seconds if seconds else None,
        "toponyms_out": toponyms,
    }


# ------------------------------------------------------------------------- geotext side


@dataclass(slots=True)
class GeotextPeer:
    """geotext with a resolver over its own cities file."""

    geotext_cls: Any
    points: dict[str, tuple[float, float]]
    countries: frozenset[str]
    data_dir: Path

    @classmethod
    def load(cls) -> GeotextPeer:
        module = importlib.import_module("geotext")
        data_dir = Path(str(module.__file__)).resolve().parent / "data"
        geotext_cls = module.GeoText
        index = geotext_cls.index
        best: dict[str, tuple[int, float, float]] = {}
        with (data_dir / "cities15000.txt").open(encoding="utf-8") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                key = cols[1].lower()
                # Only rows agreeing with the country geotext itself gives the name.
                if index.cities.get(key) != cols[8]:
                    continue
                pop = int(cols[14] or 0)
                if key not in best or pop > best[key][0]:
                    best[key] = (pop, float(cols[4]), float(cols[5]))
        points = {k: (v[1], v[2]) for k, v in best.items()}
        return cls(geotext_cls, points, frozenset(index.countries), data_dir)

    def spans(self, text: str, result: Any) -> list[Pred]:
        """Word-bounded occurrences of the returned names, nested ones dropped."""
        names = {*result.cities, *result.countries}
        found: list[Pred] = []
        for name in names:
            key = name.lower()
            if key in self.countries:
                label, point = "country", None
            else:
                label, point = "city", self.points.get(key)
            for start in _word_occurrences(text, name):
                lat, lon = point if point else (None, None)
                found.append(Pred(start, start + len(name), lat, lon, label))
        return [
            p
            for p in found
            if not any(
                q is not p
                and q.start <= p.start
                and p.end <= q.end
                and q.end - q.start > p.end - p.start
                for q in found
            )
        ]


def _word_occurrences(text: str, name: str) -> list[int]:
    starts = []
    i = text.find(name)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(name)] if i + len(name) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            starts.append(i)
        i = text.find(name, i + 1)
    return starts


def run_geotext(peer: GeotextPeer, corpus: str, articles: Sequence[GoldArticle]) -> dict[str, Any]:
    acc = EndToEnd(corpus)
    elapsed = 0.0
    n_out = 0
    for art in articles:
        t0 = time.perf_counter()
        result = peer.geotext_cls(art.text)
        elapsed += time.perf_counter() - t0
        preds = peer.spans(art.text, result)
        n_out += len(preds)
        acc.add(art, preds)
    out = acc.report()
    out["speed"] = _speed(elapsed, len(articles), n_out)
    return out


# ------------------------------------------------------------------------------ running


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }


def corpus_summary(corpus: str, articles: Sequence[GoldArticle]) -> dict[str, Any]:
    rec = sum(len({(t.start, t.end) for t in recognition_gold(corpus, a)}) for a in articles)
    res = sum(len(resolution_gold(corpus, a)) for a in articles)
    return {
        "articles": len(articles),
        "annotations": sum(len(a.toponyms) for a in articles),
        "recognition_gold_spans": rec,
        "resolution_gold": res,
        "moved_spans": sum(t.moved for a in articles for t in a.toponyms),
        "dropped_annotations": sum(a.dropped for a in articles),
        "gold_types": sorted(GWN_GOLD_TYPES) if corpus == "gwn" else "all toponyms",
    }


_WARM_UP_TEXT = "Heavy fighting was reported near Kharkiv, and strikes hit Paris, Texas."


def _warm_up(geoparse: GeoparseFn) -> dict[str, Any]:
    return {"n": len(geoparse(_WARM_UP_TEXT))}


def _guard(what: str, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run one geomap measurement; a failure is reported, not fatal to the benchmark."""
    try:
        return fn()
    except Exception as exc:  # a bug in geomap must not hide the peer's figures
        log.exception("geomap %s failed", what)
        return {"error": f"{type(exc).__name__}: {exc}"}


def run(corpora: Sequence[str], limit: int | None, *, geomap: bool, peer: bool) -> dict[str, Any]:
    report: dict[str, Any] = {"machine": machine(), "corpora_dir": str(corpora_dir())}
    report["memory_mb"] = {"start": maxrss_mb()}
    api = find_geomap() if geomap else None
    if api is not None:
        report["geomap_missing"] = api.missing
        for name, why in api.missing.items():
            log.warning("geomap.%s not available: %s", name, why)
    # Cold loads first, each in a fresh process, before this process holds anything.
    if api is not None and api.load_gazetteer is not None:
        report["geomap_load"] = {
            "cold": cold_load("from geomap.gazetteer import load_gazetteer", "load_gazetteer()")
        }
        if api.geoparse is not None:
            report["geomap_load"]["cold_first_geoparse"] = cold_load(
                "from geomap import geoparse", f"geoparse({_WARM_UP_TEXT!r})"
            )
    if peer:
        report["geotext_load"] = {"cold": cold_load("import geotext", "geotext.GeoText('x')")}
    gaz: GazetteerLike | None = None
    if api is not None and api.load_gazetteer is not None:
        load = report["geomap_load"]
        t0 = time.perf_counter()
        try:
            gaz = api.load_gazetteer()
        except Exception as exc:
            log.exception("geomap load_gazetteer failed")
            load["error"] = f"{type(exc).__name__}: {exc}"
        load["in_process_s"] = time.perf_counter() - t0
        if api.geoparse is not None and gaz is not None:
            # Warm up anything geoparse loads lazily beyond the gazetteer.
            t0 = time.perf_counter()
            _guard("warm-up", partial(_warm_up, api.geoparse))
            load["first_call_s"] = time.perf_counter() - t0
        report["memory_mb"]["after_gazetteer"] = maxrss_mb()
    geotext_peer: GeotextPeer | None = None
    if peer:
        t0 = time.perf_counter()
        geotext_peer = GeotextPeer.load()
        report["geotext_load"]["in_process_s"] = time.perf_counter() - t0
        report["geotext_load"]["data_dir"] = str(geotext_peer.data_dir)
        report["geotext_load"]["cities_with_point"] = len(geotext_peer.points)
        report["memory_mb"]["after_geotext_load"] = maxrss_mb()
    report["corpora"] = {}
    for corpus in corpora:
        articles = load_corpus(corpus)
        if limit is not None:
            articles = articles[:limit]
        entry: dict[str, Any] = {"summary": corpus_summary(corpus, articles)}
        if api is not None:
            gm: dict[str, Any] = {}
            if gaz is not None:
                gm["gazetteer"] = _guard(
                    "gazetteer", partial(gazetteer_stats, gaz, corpus, articles)
                )
            if api.resolve_spans is not None:
                gm["gold_spans"] = _guard(
                    "resolve_spans",
                    partial(run_gold_spans, api.resolve_spans, corpus, articles, gaz=gaz),
                )
            if api.geoparse is not None:
                gm["end_to_end"] = _guard(
                    "geoparse", partial(run_geomap_e2e, api.geoparse, corpus, articles)
                )
            entry["geomap"] = gm
            report["memory_mb"][f"after_geomap_{corpus}"] = maxrss_mb()
        if geotext_peer is not None:
            entry[PEER] = run_geotext(geotext_peer, corpus, articles)
            report["memory_mb"][f"after_geotext_{corpus}"] = maxrss_mb()
        report["corpora"][corpus] = entry
    report["memory_mb"]["peak"] = maxrss_mb()
    return report


# ------------------------------------------------------------------------------ printing


def _get(d: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def _fmt(value: Any, kind: str = "f3") -> str:
    if value is None:
        return "-"
    if kind == "f3":
        return f"{value:.3f}"
    if kind == "km":
        return f"{value:,.0f}"
    if kind == "int":
        return f"{value:,}"
    if kind == "rate":
        return f"{value:,.0f}"
    if kind == "s":
        return f"{value:.2f}"
    return str(value)


def _prf(d: Any) -> str:
    if not isinstance(d, dict):
        return "-"
    return f"{d['p']:.3f} / {d['r']:.3f} / {d['f1']:.3f}"


def _acc_n(d: Any) -> str:
    if not isinstance(d, dict) or not d.get("n"):
        return "-"
    return f"{d['acc161']:.3f} (n={d['n']:,})"


def format_report(report: dict[str, Any], *, geomap: bool, peer: bool) -> str:
    lines = []
    m = report["machine"]
    lines.append(
        f"machine: {m['platform']}, {m['processor']}, {m['cpu_count']} CPUs, Python {m['python']}"
    )
    for name, why in (report.get("geomap_missing") or {}).items():
        lines.append(f"geomap.{name} not available: {why}")
    for corpus, entry in report["corpora"].items():
        s = entry["summary"]
        gm = entry.get("geomap", {})
        gt = entry.get(PEER, {})
        e2e = gm.get("end_to_end", {})
        lines.append("")
        head = (
            f"{corpus.upper()}: {s['articles']} articles; recognition gold "
            f"{s['recognition_gold_spans']:,} spans; resolution gold {s['resolution_gold']:,} "
            f"with coordinates"
        )
        if corpus == "gwn":
            head += " (types: GWN_GOLD_TYPES in bench/_corpora.py)"
        lines.append(head)
        for key in ("gazetteer", "gold_spans", "end_to_end"):
            if isinstance(gm.get(key), dict) and "error" in gm[key]:
                lines.append(f"  geomap {key} FAILED: {gm[key]['error']}")
        rows: list[tuple[str, str, str]] = []

        def row(label: str, a: str, b: str = "") -> None:
            rows.append((label, a if geomap else "", b if peer else ""))  # noqa: B023

        def sect(label: str) -> None:
            rows.append((label, "", ""))  # noqa: B023

        gs = gm.get("gold_spans", {})
        gz = gm.get("gazetteer", {})
        sect("gold-span resolution")
        row("  acc@161km", _fmt(gs.get("acc161")), "n/a")
        row(
            "  median / mean error km",
            f"{_fmt(gs.get('median_km'), 'km')} / {_fmt(gs.get('mean_km'), 'km')}"
            if gs.get("n")
            else "-",
            "n/a",
        )
        row("  AUC (lower is better)", _fmt(gs.get("auc")), "n/a")
        row("  unresolved (None)", _fmt(gs.get("unresolved"), "int"), "n/a")
        same = (
            f"{gs['same_id_share']:.3f} (n={gs['gold_with_geonames_id']:,})"
            if gs.get("same_id_share") is not None
            else "-"
        )
        row("  same GeoNames id as gold", same, "n/a")
        row("  >161 km yet same id", _fmt(gs.get("far_but_same_id"), "int"), "n/a")
        row("  acc@161km, same id counted right", _fmt(gs.get("acc161_or_same_id")), "n/a")
        row(
            "  acc@161km, gold with GeoNames id only",
            _fmt(gs.get("acc161_geonames_id_only")),
            "n/a",
        )
        row("  ceiling acc@161km (this gazetteer)", _fmt(gs.get("ceiling_acc161")), "n/a")
        no_entry = f"{gz['no_entry']:,} ({gz['no_entry_share']:.1%})" if gz.get("n") else "-"
        row("  no gazetteer entry", no_entry, "n/a")
        row("  oracle acc@161km (any lookup cand.)", _fmt(gz.get("oracle_acc161")), "n/a")
        row("  prior acc@161km (lookup()[0])", _fmt(gz.get("prior_acc161")), "n/a")
        sect("end to end: recognition P / R / F1")
        row("  exact span", _prf(e2e.get("exact")), _prf(gt.get("exact")))
        row("  lenient (overlap)", _prf(e2e.get("lenient")), _prf(gt.get("lenient")))
        if corpus != "gwn":  # for GWN the gold has coordinates anyway
            row(
                "  exact, gold = with coords",
                _prf(e2e.get("exact_gold_with_coords")),
                _prf(gt.get("exact_gold_with_coords")),
            )
        row(
            "  spans predicted",
            _fmt(_get(e2e, "exact", "pred"), "int"),
            _fmt(_get(gt, "exact", "pred"), "int"),
        )
        sect("end to end: acc@161km of matched")
        row(
            "  exact matches",
            _acc_n(e2e.get("resolution_exact")),
            _acc_n(gt.get("resolution_exact")),
        )
        row(
            "  lenient matches",
            _acc_n(e2e.get("resolution_lenient")),
            _acc_n(gt.get("resolution_lenient")),
        )
        row("  exact, geotext cities only", "", _acc_n(_get(gt, "resolution_by_label", "city")))
        row(
            "  exact, geotext countries",
            "",
            _acc_n(_get(gt, "resolution_by_label", "country")) + " no coords",
        )
        if corpus == "gwn":
            sect("end to end: recall by GWN type (exact)")
            types = (e2e or gt).get("recall_by_type", {})
            for t, v in types.items():
                row(
                    f"  {t} ({v['gold']})",
                    _fmt(_get(e2e, "recall_by_type", t, "r")),
                    _fmt(_get(gt, "recall_by_type", t, "r")),
                )
        sect("speed (single process, load excluded)")
        row(
            "  end to end articles/s",
            _fmt(_get(e2e, "speed", "articles_per_s"), "rate"),
            _fmt(_get(gt, "speed", "articles_per_s"), "rate"),
        )
        row(
            "  end to end toponyms/s",
            _fmt(_get(e2e, "speed", "toponyms_per_s"), "rate"),
            _fmt(_get(gt, "speed", "toponyms_per_s"), "rate"),
        )
        row("  gold-span toponyms/s", _fmt(gs.get("toponyms_per_s"), "rate"), "n/a")
        width = max(len(r[0]) for r in rows) + 2
        cols = [max(len(r[i]) for r in rows) for i in (1, 2)]
        cols = [max(c, 7) + 2 for c in cols]
        lines.append(f"{'':<{width}}{'geomap':>{cols[0]}}{PEER:>{cols[1]}}")
        for label, a, b in rows:
            lines.append(f"{label:<{width}}{a:>{cols[0]}}{b:>{cols[1]}}")
        for label, counts in (
            ("geomap gold-span misses, commonest", gs.get("wrong_top")),
            ("geomap false positives (exact), commonest", e2e.get("fp_top")),
            ("geomap right entry but >161 km from the gold point", gs.get("far_but_same_id_top")),
            ("no gazetteer entry, commonest", gz.get("no_entry_top")),
        ):
            if counts:
                top = ", ".join(f"{k} {v}" for k, v in list(counts.items())[:12])
                lines.append(f"  {label}: {top}")
    lines.append("")
    lines.append("load and memory")
    gl = report.get("geomap_load")
    if gl:
        cold = gl.get("cold", {})
        if "error" in cold:
            lines.append(f"  geomap gazetteer cold load FAILED: {cold['error']}")
        elif cold:
            lines.append(
                f"  geomap gazetteer, cold (fresh process): import {cold['import_s']:.2f} s + "
                f"load_gazetteer() {cold['load_s']:.2f} s; that process peaks at "
                f"{cold['maxrss_mb']:,.0f} MB"
            )
        first = gl.get("cold_first_geoparse", {})
        if "error" in first:
            lines.append(f"  geomap cold start to first geoparse FAILED: {first['error']}")
        elif first:
            lines.append(
                f"  geomap cold start to first geoparse answer: {first['total_s']:.2f} s; "
                f"that process peaks at {first['maxrss_mb']:,.0f} MB"
            )
        if "in_process_s" in gl:
            lines.append(f"  geomap load_gazetteer() in this process: {gl['in_process_s']:.2f} s")
        if "first_call_s" in gl:
            lines.append(f"  geomap first geoparse call (warm-up): {gl['first_call_s']:.2f} s")
    tl = report.get("geotext_load")
    if tl:
        cold = tl.get("cold", {})
        if "error" in cold:
            lines.append(f"  geotext cold load FAILED: {cold['error']}")
        else:
            lines.append(
                f"  geotext, cold (fresh process): import (builds its index) "
                f"{cold['import_s']:.2f} s; that process peaks at {cold['maxrss_mb']:,.0f} MB"
            )
    mem = report["memory_mb"]
    lines.append(
        "  peak RSS of this process (MB): " + ", ".join(f"{k} {v:,.0f}" for k, v in mem.items())
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("gwn", "lgl", "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="first N articles per corpus")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write JSON")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--no-peer", action="store_true", help="skip geotext")
    who.add_argument("--only-peer", action="store_true", help="run geotext alone")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    missing = [f for f in ("GWN.xml", "lgl.xml") if not (corpora_dir() / f).is_file()]
    if missing:
        log.error("corpora not found in %s: %s", corpora_dir(), ", ".join(missing))
        return 2
    corpora = ("gwn", "lgl") if args.corpus == "both" else (args.corpus,)
    geomap, peer = not args.only_peer, not args.no_peer
    report = run(corpora, args.limit, geomap=geomap, peer=peer)
    print(format_report(report, geomap=geomap, peer=peer))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        log.info("wrote %s", args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
