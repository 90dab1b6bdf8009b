"""Readers for the geoparsing benchmark corpora GeoWebNews (GWN.xml) and LGL (lgl.xml).

The corpora are read in place from ``../shared/benchmarks/geoparsing/`` seen from the
project root (or from ``$GEOMAP_BENCH_CORPORA``); they are never copied into the project.
See that directory's README for their origin and licence.

Both readers return the same records: a :class:`GoldArticle` with its text and the
annotated :class:`GoldToponym` spans, character offsets into ``text``. The second half
scores against them: which gold toponyms count, distance errors and their summary
(accuracy within 161 km, median, mean, AUC), span matching, and :class:`EndToEnd`, the
recognition-and-resolution tally of one system over one corpus.
"""

from __future__ import annotations

import logging
import math
import os
import re
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "ACC_KM",
    "CORPUS_FILES",
    "GWN_GOLD_TYPES",
    "GWN_OTHER_TYPES",
    "MAX_ERROR_KM",
    "EndToEnd",
    "GoldArticle",
    "GoldToponym",
    "Pred",
    "corpora_dir",
    "error_km",
    "error_summary",
    "haversine_km",
    "load_corpus",
    "load_gwn",
    "load_lgl",
    "match_spans",
    "prf",
    "recognition_gold",
    "resolution_gold",
]

log = logging.getLogger(__name__)

CORPUS_FILES = {"gwn": "GWN.xml", "lgl": "lgl.xml"}

#: Accuracy threshold: 161 km (100 miles), the field's usual "correct" radius.
ACC_KM = 161.0
#: Largest possible error (half the Earth's circumference), and the error given to a
#: toponym left unresolved.
MAX_ERROR_KM = 20039.0
EARTH_RADIUS_KM = 6371.0088

#: GeoWebNews types that count as gold toponyms, for recognition and for resolution.
#:
#: They are the eight types the GWN annotators geocoded (all 2,601 annotations with
#: coordinates have one of them): literal uses (Literal, Mixed, Literal_Modifier,
#: Embedded_Literal, Coercion) and associative uses of a place name (Non_Literal_Modifier
#: "the Paris agreement", Metonymic "Moscow said", Embedded_Non_Lit "the Kansas City
#: Chiefs"). A place-name tagger works from the surface form and cannot be asked to tell
#: a literal from an associative use; whether a place is the *site* of an event is a
#: later stage. Recall per type is reported, so literal-only figures can be read off.
GWN_GOLD_TYPES: frozenset[str] = frozenset(
    {
        "Literal",
        "Mixed",
        "Literal_Modifier",
        "Embedded_Literal",
        "Coercion",
        "Non_Literal_Modifier",
        "Metonymic",
        "Embedded_Non_Lit",
    }
)

#: GeoWebNews types that are *not* gold: they carry no coordinates. Demonyms ("Russian"),
#: languages ("French") and homonyms ("Paris Hilton") are not place names, and
#: Non_Toponym / Literal_Expression / Non_Lit_Expression are common nouns and phrases
#: ("the city", "citizens"). Counting them as gold would penalise a place-name tagger
#: for not tagging them. A prediction that hits one of them is still a false positive;
#: the report says how many false positives fell on each of these types.
GWN_OTHER_TYPES: frozenset[str] = frozenset(
    {
        "Demonym",
        "Language",
        "Homonym",
        "Non_Toponym",
        "Literal_Expression",
        "Non_Lit_Expression",
    }
)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated span. ``lat``/``lon`` are ``None`` when the corpus gives none.

    ``kind`` is the GWN type, or ``"toponym"`` for LGL. ``moved`` is true when the
    corpus offsets did not point at the name and the span was moved to the nearest
    occurrence of the name.
    """

    start: int
    end: int
    name: str
    kind: str
    lat: float | None
    lon: float | None
    geonameid: str | None = None
    moved: bool = False

    @property
    def has_coords(self) -> bool:
        """Whether the gold annotation carries coordinates."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One corpus article: the text the offsets point into, and its annotations.

    ``dropped`` counts annotations whose name does not occur in the text at all (three
    GWN non-toponyms with negative offsets); they are left out of ``toponyms``.
    """

    id: str
    text: str
    title: str | None
    url: str | None
    toponyms: tuple[GoldToponym, ...]
    dropped: int = 0


def corpora_dir() -> Path:
    """Directory holding GWN.xml and lgl.xml.

    ``$GEOMAP_BENCH_CORPORA`` if set, else ``../shared/benchmarks/geoparsing`` beside the
    project root (the directory above ``bench/``).
    """
    env = os.environ.get("GEOMAP_BENCH_CORPORA")
    if env:
        return Path(env)
    root = Path(__file__).resolve().parent.parent
    return root.parent / "shared" / "benchmarks" / "geoparsing"


def _float(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def _nearest(text: str, name: str, near: int) -> tuple[int, int] | None:
    """The occurrence of ``name`` in ``text`` nearest to offset ``near``.

    Word-bounded occurrences are preferred; any occurrence is the fallback.
    """
    for pattern in (rf"(?<!\w){re.escape(name)}(?!\w)", re.escape(name)):
        starts = [m.start() for m in re.finditer(pattern, text)]
        if starts:
            best = min(starts, key=lambda s: (abs(s - near), s))
            return best, best + len(name)
    return None


def _fix_span(
    text: str, start: int, end: int, name: str, where: str
) -> tuple[int, int, bool] | None:
    """Return ``(start, end, moved)`` whose text is ``name``, or ``None`` if impossible."""
    if 0 <= start <= end <= len(text) and text[start:end] == name:
        return start, end, False
    found = _nearest(text, name, start)
    if found is None:
        log.debug("%s: %r at %d-%d does not occur in the text; dropped", where, name, start, end)
        return None
    log.debug("%s: %r at %d-%d moved to %d-%d", where, name, start, end, *found)
    return found[0], found[1], True


def load_gwn(path: str | os.PathLike[str] | None = None) -> list[GoldArticle]:
    """Read GeoWebNews: ``<article>`` with ``<title>``, ``<link>``, ``<text>``, ``<toponym>``.

    A span whose offsets do not point at its ``extractedName`` (two toponyms with
    coordinates in article 123 have negative offsets) is moved to the nearest
    occurrence of the name; an annotation whose name does not occur is dropped.
    """

    def gold(top: ET.Element) -> tuple[str, float | None, float | None, str | None]:
        return ((top.findtext("type") or "").strip(), _float(top.findtext("latitude")),
                _float(top.findtext("longitude")),
                (top.findtext("geonamesID") or "").strip() or None)

    path = Path(path) if path is not None else corpora_dir() / CORPUS_FILES["gwn"]
    return _read_articles(path, "GWN", "file", "extractedName", "link", gold)


def load_lgl(path: str | os.PathLike[str] | None = None) -> list[GoldArticle]:
    """Read LGL: ``<article docid>`` with ``<text>`` and ``<toponym>`` (``<gaztag>``).

    Every toponym is returned; those without a ``<gaztag>`` (street-level names) have
    no coordinates.
    """

    def gold(top: ET.Element) -> tuple[str, float | None, float | None, str | None]:
        gaztag = top.find("gaztag")
        if gaztag is None:
            return "toponym", None, None, None
        return ("toponym", _float(gaztag.findtext("lat")), _float(gaztag.findtext("lon")),
                gaztag.get("geonameid"))

    path = Path(path) if path is not None else corpora_dir() / CORPUS_FILES["lgl"]
    return _read_articles(path, "LGL", "docid", "phrase", "url", gold)


def _read_articles(
    path: Path, label: str, id_attr: str, name_tag: str, url_tag: str,
    gold: Callable[[ET.Element], tuple[str, float | None, float | None, str | None]],
) -> list[GoldArticle]:
    """The articles of one corpus file; ``gold`` reads a toponym's type, point and id."""
    root = ET.parse(path).getroot()
    articles = []
    for number, node in enumerate(root.iter("article")):
        art_id = node.get(id_attr) or str(number)
        text = node.findtext("text") or ""
        toponyms = []
        dropped = 0
        for top in node.iter("toponym"):
            name = top.findtext(name_tag) or ""
            fixed = _fix_span(text, int(top.findtext("start") or -1),
                              int(top.findtext("end") or -1), name, f"{label} article {art_id}")
            if fixed is None:
                dropped += 1
                continue
            kind, lat, lon, geonameid = gold(top)
            if lat is None or lon is None:
                lat = lon = None
            toponyms.append(GoldToponym(start=fixed[0], end=fixed[1], name=name, kind=kind,
                                        lat=lat, lon=lon, geonameid=geonameid,
                                        moved=fixed[2]))
        toponyms.sort(key=lambda t: (t.start, t.end))
        articles.append(GoldArticle(id=art_id, text=text, title=node.findtext("title"),
                                    url=node.findtext(url_tag), toponyms=tuple(toponyms),
                                    dropped=dropped))
    return articles


def load_corpus(name: str, directory: str | os.PathLike[str] | None = None) -> list[GoldArticle]:
    """Read corpus ``"gwn"`` or ``"lgl"`` from ``directory`` (default :func:`corpora_dir`)."""
    base = Path(directory) if directory is not None else corpora_dir()
    if name == "gwn":
        return load_gwn(base / CORPUS_FILES["gwn"])
    if name == "lgl":
        return load_lgl(base / CORPUS_FILES["lgl"])
    raise ValueError(f"unknown corpus {name!r}; expected one of {sorted(CORPUS_FILES)}")


# ------------------------------------------------------------------------------ scoring


@dataclass(frozen=True, slots=True)
class Pred:
    """A predicted span with its resolved point (``None`` when unresolved)."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    label: str = ""


# ------------------------------------------------------------------------------- metrics


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def error_km(gold: GoldToponym, lat: float | None, lon: float | None) -> float:
    """Error of a resolution against a gold point; ``MAX_ERROR_KM`` when unresolved."""
    if lat is None or lon is None or gold.lat is None or gold.lon is None:
        return MAX_ERROR_KM
    return min(MAX_ERROR_KM, haversine_km(gold.lat, gold.lon, lat, lon))


def error_summary(errors: Sequence[float]) -> dict[str, float | int | None]:
    """Accuracy within 161 km, median/mean error and AUC over a list of errors (km)."""
    if not errors:
        return {"n": 0, "acc161": None, "median_km": None, "mean_km": None, "auc": None}
    denom = math.log(MAX_ERROR_KM + 1)
    return {
        "n": len(errors),
        "acc161": sum(e <= ACC_KM for e in errors) / len(errors),
        "median_km": statistics.median(errors),
        "mean_km": statistics.fmean(errors),
        "auc": statistics.fmean(math.log(1 + e) / denom for e in errors),
    }


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "p": p, "r": r, "f1": f}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match_spans(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]], *, lenient: bool
) -> dict[tuple[int, int], tuple[int, int]]:
    """One-to-one matching of predicted to gold spans: ``{pred_span: gold_span}``.

    Exact pairs are matched first; with ``lenient`` each remaining prediction (in text
    order) then takes the unmatched gold span it overlaps most.
    """
    gold_set = set(gold)
    matched = {p: p for p in pred if p in gold_set}
    if not lenient:
        return matched
    free = sorted(gold_set - set(matched.values()))
    for p in sorted(set(pred) - set(matched)):
        best = max(free, key=lambda g: _overlap(p, g), default=None)
        if best is not None and _overlap(p, best) > 0:
            matched[p] = best
            free.remove(best)
    return matched


# -------------------------------------------------------------------------- gold subsets


def recognition_gold(corpus: str, article: GoldArticle) -> list[GoldToponym]:
    """Gold toponyms that count for recognition.

    GWN: annotations of ``GWN_GOLD_TYPES`` that carry coordinates (2,601; this leaves out
    nine Coercion annotations without coordinates, all names of events such as "Sligo
    Feis" and "Dublin International Piano Competition"). LGL: every toponym (5,088),
    street-level names without coordinates included.
    """
    if corpus == "gwn":
        return [t for t in article.toponyms if t.kind in GWN_GOLD_TYPES and t.has_coords]
    return list(article.toponyms)


def resolution_gold(corpus: str, article: GoldArticle) -> list[GoldToponym]:
    """Gold toponyms that count for resolution: recognition gold with coordinates."""
    return [t for t in recognition_gold(corpus, article) if t.has_coords]


# --------------------------------------------------------------------- end-to-end scoring


@dataclass(slots=True)
class EndToEnd:
    """Accumulates recognition and resolution counts over a corpus for one system."""

    corpus: str
    n_gold: int = 0
    n_pred: int = 0
    tp_exact: int = 0
    tp_lenient: int = 0
    n_gold_coords: int = 0
    tp_exact_coords: int = 0
    errors_exact: list[float] = field(default_factory=list)
    errors_lenient: list[float] = field(default_factory=list)
    errors_by_label: dict[str, list[float]] = field(default_factory=dict)
    gold_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    fp_on_type: Counter[str] = field(default_factory=Counter)
    fp_names: Counter[str] = field(default_factory=Counter)

    def add(self, article: GoldArticle, preds: Iterable[Pred]) -> None:
        gold = recognition_gold(self.corpus, article)
        by_span: dict[tuple[int, int], GoldToponym] = {}
        for g in gold:
            by_span.setdefault((g.start, g.end), g)
        pred_by_span: dict[tuple[int, int], Pred] = {}
        for p in preds:
            pred_by_span.setdefault((p.start, p.end), p)
        self.n_gold += len(by_span)
        self.n_pred += len(pred_by_span)
        for g in by_span.values():
            self.gold_by_type[g.kind] += 1
        exact = match_spans(list(by_span), list(pred_by_span), lenient=False)
        lenient = match_spans(list(by_span), list(pred_by_span), lenient=True)
        self.tp_exact += len(exact)
        coords = {span for span, g in by_span.items() if g.has_coords}
        self.n_gold_coords += len(coords)
        self.tp_exact_coords += len(coords & set(exact))
        self.tp_lenient += len(lenient)
        for p_span, g_span in exact.items():
            g, p = by_span[g_span], pred_by_span[p_span]
            self.found_by_type[g.kind] += 1
            if g.has_coords:
                err = error_km(g, p.lat, p.lon)
                self.errors_exact.append(err)
                self.errors_by_label.setdefault(p.label or "all", []).append(err)
        for p_span, g_span in lenient.items():
            g, p = by_span[g_span], pred_by_span[p_span]
            if g.has_coords:
                self.errors_lenient.append(error_km(g, p.lat, p.lon))
        # What the false positives (exact) fell on: another annotation type, or nothing.
        others = {(t.start, t.end): t.kind for t in article.toponyms if t.kind}
        for p_span in set(pred_by_span) - set(exact):
            self.fp_on_type[others.get(p_span, "unannotated")] += 1
            self.fp_names[article.text[p_span[0] : p_span[1]]] += 1

    def report(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "exact": prf(self.tp_exact, self.n_pred, self.n_gold),
            "lenient": prf(self.tp_lenient, self.n_pred, self.n_gold),
            # The convention of the corpora README: gold = toponyms with coordinates,
            # and a prediction on a toponym without them is a false positive.
            "exact_gold_with_coords": prf(self.tp_exact_coords, self.n_pred, self.n_gold_coords),
            "resolution_exact": error_summary(self.errors_exact),
            "resolution_lenient": error_summary(self.errors_lenient),
            "resolution_by_label": {
                k: error_summary(v) for k, v in sorted(self.errors_by_label.items())
            },
            "fp_on_annotation_type": dict(self.fp_on_type.most_common()),
            "fp_top": dict(self.fp_names.most_common(25)),
        }
        if self.corpus == "gwn":
            out["recall_by_type"] = {
                k: {"gold": n, "found": self.found_by_type[k], "r": self.found_by_type[k] / n}
                for k, n in self.gold_by_type.most_common()
            }
        return out
