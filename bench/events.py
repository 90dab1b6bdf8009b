"""Strike-event benchmark: recall, precision and attribute accuracy on our evaluation set.

Run from the project root::

    .venv/bin/python bench/events.py [--json]                  # run the pipeline, score it
    .venv/bin/python bench/events.py --predictions events.geojson [--json]
    .venv/bin/python bench/events.py --self-check              # validate this scorer
    .venv/bin/python bench/events.py --throughput [N] [--jobs J] [--json] # articles/s
    .venv/bin/python bench/events.py --data bench/data/events_heldout [...]  # another set

The evaluation set is ``bench/data/events/``: ``articles/<id>.md`` (short news articles
written for this project about real, well-documented strikes, domestic attacks, and a
few stories with no strike at all) and ``gold/<id>.json`` (the events a careful analyst
extracts from each article, background events included; see ``data/events/README.md``).
``--data DIR`` points every mode (scoring, ``--self-check``, ``--throughput``,
``--write-gold-geojson``) at another folder with the same ``articles/`` and ``gold/``
layout, such as the held-out set ``bench/data/events_heldout/``.

Scoring
    The predicted events of an article are those whose ``sources`` cite its id (an event
    merged from several articles counts in each). Within each article, predicted events
    are matched one to one to gold events, greedily by increasing distance, among the
    pairs that have the same attacker country (null matches only null) and lie within
    the gold event's ``tolerance_km`` (haversine). Event recall is matched / gold and
    precision matched / predicted, both summed over the whole set. Over the matched pairs:

    - date: same ``date`` string and same ``date_precision``;
    - fatalities: equal ``fatalities``, or the gold count lies inside the predicted
      ``fatalities_low``..``fatalities_high`` range, or both are null;
    - cross-border: equal ``cross_border``.

    Targets: recall >= 0.90, precision >= 0.85, each attribute >= 0.90. The report
    lists, per article, the gold events missed (with the nearest prediction, to show
    whether distance or attacker was at fault), the spurious predictions, and the
    attribute errors of the matched pairs. The exit status is 0 whatever the scores.

Predictions
    By default the articles are read with ``geomap.ingest.read_articles`` and run through
    ``geomap.pipeline.extract``. ``--predictions FILE`` scores an ``events.geojson``
    (as written by ``geomap run``) instead.

Self-check
    ``--self-check`` builds a perfect prediction from the gold files, writes it as GeoJSON,
    reads it back and scores it (everything must be 1.0), then a perturbed copy with
    known numbers of dropped, moved, re-attributed and spurious events and of wrong
    dates, counts and cross-border flags (every figure must drop to the value the
    perturbation implies). ``--write-gold-geojson FILE [--perturb]`` writes either
    prediction to a file for use with ``--predictions``.

Throughput
    ``--throughput N`` (default 1000) cycles the evaluation articles into N synthetic
    articles with new ids and rotated paragraphs (``bench/make_corpus.py``), loads the
    gazetteer and warms the pipeline up on one article (timed and reported separately),
    then times ``geomap.pipeline.extract`` on all N in this process, and reports
    articles per second and the peak resident memory (``getrusage``). Target: 100
    articles per second. ``bench/make_corpus.py OUT --time-cli`` times the CLI instead.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import synthetic_articles

from geomap.errors import GeomapError
from geomap.gazetteer import haversine_km
from geomap.records import Article, Event, Source

DATA_DIR = Path(__file__).resolve().parent / "data" / "events"
ARTICLES_DIR = DATA_DIR / "articles"
GOLD_DIR = DATA_DIR / "gold"

TARGETS: dict[str, float] = {
    "recall": 0.90,
    "precision": 0.85,
    "date_accuracy": 0.90,
    "fatalities_accuracy": 0.90,
    "cross_border_accuracy": 0.90,
}
"""The issue's targets for each figure (>=)."""

THROUGHPUT_TARGET = 100.0
"""Articles per second that ``geomap run`` without the map must reach."""

_PRECISIONS = ("day", "month", "year")
_DATE_FORMS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-(0[1-9]|1[0-2])"),
    "year": re.compile(r"\d{4}"),
}
_COUNTRY = re.compile(r"[A-Z]{2}")


# --------------------------------------------------------------------------- gold files


class GoldError(ValueError):
    """The gold files are inconsistent; the message lists every problem found."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One strike event an article reports, as the gold file gives it."""

    article_id: str
    index: int  # 1-based position in the gold file
    description: str
    date: str
    date_precision: str
    attacker: str | None
    attacker_country: str | None
    location_name: str
    location_country: str | None
    lat: float
    lon: float
    tolerance_km: float
    cross_border: bool
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    event_type: str
    weapons: tuple[str, ...]

    def label(self) -> str:
        """A one-line description for reports."""
        return (
            f"gold #{self.index} {self.location_name} ({self.location_country or 'at sea'}) "
            f"{self.date}/{self.date_precision} attacker={self.attacker_country or '-'} "
            f"cross_border={self.cross_border} fatalities={_fat(self.fatalities, None, None)}: "
            f"{self.description}"
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _gold_event(article_id: str, index: int, raw: object, problems: list[str]) -> GoldEvent | None:
    """Validate one gold event object; append what is wrong to ``problems``."""
    where = f"{article_id} event #{index}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: not an object")
        return None
    bad: list[str] = []
    prec = raw.get("date_precision")
    date = raw.get("date")
    if prec not in _PRECISIONS:
        bad.append(f"date_precision {prec!r} is not day, month or year")
    elif not isinstance(date, str) or not _DATE_FORMS[prec].fullmatch(date):
        bad.append(f"date {date!r} does not fit precision {prec!r}")
    elif prec == "day":
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            bad.append(f"date {date!r} is not a calendar date")
    for key in ("attacker_country", "location_country"):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and _COUNTRY.fullmatch(value)):
            bad.append(f"{key} {value!r} is not an ISO 3166-1 alpha-2 code or null")
    lat, lon, tol = raw.get("lat"), raw.get("lon"), raw.get("tolerance_km")
    if not (_is_number(lat) and _is_number(lon) and abs(lat) <= 90 and abs(lon) <= 180):  # type: ignore[arg-type]
        bad.append(f"lat/lon {lat!r}, {lon!r} out of range")
    if not (_is_number(tol) and tol > 0):  # type: ignore[operator]
        bad.append(f"tolerance_km {tol!r} is not a positive number")
    if not isinstance(raw.get("cross_border"), bool):
        bad.append("cross_border must be true or false")
    for key in ("fatalities", "fatalities_low", "fatalities_high"):
        value = raw.get(key)
        if value is not None and not (_is_int(value) and value >= 0):
            bad.append(f"{key} {value!r} is not a count or null")
    for key in ("location_name", "event_type", "description"):
        if not isinstance(raw.get(key), str) or not raw.get(key):
            bad.append(f"{key} must be a non-empty string")
    weapons = raw.get("weapons", [])
    if not isinstance(weapons, list) or not all(isinstance(w, str) for w in weapons):
        bad.append("weapons must be a list of strings")
    if raw.get("attacker") is not None and not isinstance(raw.get("attacker"), str):
        bad.append("attacker must be a string or null")
    if bad:
        problems.extend(f"{where}: {b}" for b in bad)
        return None
    return GoldEvent(
        article_id=article_id,
        index=index,
        description=raw["description"],
        date=raw["date"],
        date_precision=raw["date_precision"],
        attacker=raw.get("attacker"),
        attacker_country=raw.get("attacker_country"),
        location_name=raw["location_name"],
        location_country=raw.get("location_country"),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        tolerance_km=float(raw["tolerance_km"]),
        cross_border=raw["cross_border"],
        fatalities=raw.get("fatalities"),
        fatalities_low=raw.get("fatalities_low"),
        fatalities_high=raw.get("fatalities_high"),
        event_type=raw["event_type"],
        weapons=tuple(weapons),
    )


def load_gold(folder: Path = GOLD_DIR) -> dict[str, tuple[GoldEvent, ...]]:
    """Read and validate every ``<article id>.json`` in ``folder``.

    Returns
    -------
    dict
        Article id -> its gold events (possibly none), in file-name order.

    Raises
    ------
    GoldError
        Listing every problem: unreadable JSON, an ``article_id`` that is not the file
        name, a missing or ill-typed field, a date that does not fit its precision.
    """
    problems: list[str] = []
    gold: dict[str, tuple[GoldEvent, ...]] = {}
    files = sorted(folder.glob("*.json"))
    if not files:
        raise GoldError(f"{folder}: no gold files")
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{path.name}: cannot read: {exc}")
            continue
        if not isinstance(doc, dict) or doc.get("article_id") != path.stem:
            problems.append(f"{path.name}: 'article_id' must equal the file name without .json")
            continue
        raw_events = doc.get("events")
        if not isinstance(raw_events, list):
            problems.append(f"{path.name}: 'events' must be a list")
            continue
        if not isinstance(doc.get("notes"), str):
            problems.append(f"{path.name}: 'notes' (the real event described) is missing")
        events = [_gold_event(path.stem, i, raw, problems) for i, raw in enumerate(raw_events, 1)]
        gold[path.stem] = tuple(e for e in events if e is not None)
    if problems:
        raise GoldError("invalid gold files:\n  " + "\n  ".join(problems))
    return gold


# ----------------------------------------------------------------------------- matching


def _country(code: str | None) -> str | None:
    """Normalise a country code for comparison: upper case; empty means null."""
    return code.strip().upper() or None if code else None


def date_correct(gold: GoldEvent, pred: Event) -> bool:
    """Same date string and same precision."""
    return pred.date == gold.date and pred.date_precision == gold.date_precision


def fatalities_correct(gold: GoldEvent, pred: Event) -> bool:
    """Equal counts, or the gold count inside the predicted range, or both unknown."""
    if gold.fatalities is None:
        return pred.fatalities is None
    if pred.fatalities == gold.fatalities:
        return True
    low, high = pred.fatalities_low, pred.fatalities_high
    return low is not None and high is not None and low <= gold.fatalities <= high


def cross_border_correct(gold: GoldEvent, pred: Event) -> bool:
    """Same cross-border flag (an unknown flag is wrong)."""
    return pred.cross_border is gold.cross_border


@dataclass(frozen=True, slots=True)
class Match:
    """A gold event and the predicted event matched to it."""

    gold: GoldEvent
    predicted: Event
    distance_km: float

    @property
    def date_ok(self) -> bool:
        return date_correct(self.gold, self.predicted)

    @property
    def fatalities_ok(self) -> bool:
        return fatalities_correct(self.gold, self.predicted)

    @property
    def cross_border_ok(self) -> bool:
        return cross_border_correct(self.gold, self.predicted)

    def errors(self) -> list[str]:
        """What the prediction got wrong about the matched event."""
        g, p = self.gold, self.predicted
        out: list[str] = []
        if not self.date_ok:
            out.append(f"date {p.date}/{p.date_precision}, gold {g.date}/{g.date_precision}")
        if not self.fatalities_ok:
            out.append(
                f"fatalities {_fat(p.fatalities, p.fatalities_low, p.fatalities_high)}, "
                f"gold {_fat(g.fatalities, g.fatalities_low, g.fatalities_high)}"
            )
        if not self.cross_border_ok:
            out.append(f"cross_border {p.cross_border}, gold {g.cross_border}")
        return out


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """How the predictions for one article compare with its gold events."""

    article_id: str
    gold: tuple[GoldEvent, ...]
    predicted: tuple[Event, ...]
    matches: tuple[Match, ...]
    missed: tuple[GoldEvent, ...]
    spurious: tuple[Event, ...]


def match_article(
    article_id: str, gold: Sequence[GoldEvent], predicted: Sequence[Event]
) -> ArticleScore:
    """Match ``predicted`` to ``gold`` one to one, greedily: pairs whose dates agree first,
    then by increasing distance (two strikes on the same junction years apart pair by date).

    A pair is allowed when both have the same attacker country (null matches null) and
    the predicted point lies within the gold event's tolerance. A prediction without
    coordinates can match nothing.
    """
    pairs: list[tuple[bool, float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if p.lat is None or p.lon is None:
                continue
            if _country(p.attacker_country) != _country(g.attacker_country):
                continue
            distance = haversine_km(g.lat, g.lon, p.lat, p.lon)
            if distance <= g.tolerance_km:
                pairs.append((p.date != g.date, distance, gi, pi))
    pairs.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches: list[Match] = []
    for _, distance, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matches.append(Match(gold[gi], predicted[pi], distance))
    matches.sort(key=lambda m: m.gold.index)
    return ArticleScore(
        article_id=article_id,
        gold=tuple(gold),
        predicted=tuple(predicted),
        matches=tuple(matches),
        missed=tuple(g for i, g in enumerate(gold) if i not in used_gold),
        spurious=tuple(p for i, p in enumerate(predicted) if i not in used_pred),
    )


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True, slots=True)
class Scores:
    """The per-article comparisons, and the figures over the whole set."""

    articles: tuple[ArticleScore, ...]
    unattributed: tuple[Event, ...]  # predictions citing no article of the set

    def figures(self) -> dict[str, Any]:
        """Counts, recall, precision, F1 and the three attribute accuracies."""
        gold = sum(len(a.gold) for a in self.articles)
        predicted = sum(len(a.predicted) for a in self.articles)
        matches = [m for a in self.articles for m in a.matches]
        recall, precision = _ratio(len(matches), gold), _ratio(len(matches), predicted)
        f1 = (
            2 * recall * precision / (recall + precision)
            if recall is not None and precision is not None and recall + precision > 0
            else None
        )
        return {
            "articles": len(self.articles),
            "gold_events": gold,
            "predicted_events": predicted,
            "matched": len(matches),
            "recall": recall,
            "precision": precision,
            "f1": f1,
            "date_accuracy": _ratio(sum(m.date_ok for m in matches), len(matches)),
            "fatalities_accuracy": _ratio(sum(m.fatalities_ok for m in matches), len(matches)),
            "cross_border_accuracy": _ratio(sum(m.cross_border_ok for m in matches), len(matches)),
            "unattributed_predictions": len(self.unattributed),
        }


def score(gold: Mapping[str, Sequence[GoldEvent]], events: Iterable[Event]) -> Scores:
    """Score predicted ``events`` against ``gold`` (article id -> gold events)."""
    by_article: dict[str, list[Event]] = {article_id: [] for article_id in gold}
    unattributed: list[Event] = []
    for event in events:
        cited = {s.id for s in event.sources if s.id in by_article}
        if not cited:
            unattributed.append(event)
        for article_id in sorted(cited):
            by_article[article_id].append(event)
    return Scores(
        articles=tuple(
            match_article(article_id, gold[article_id], by_article[article_id])
            for article_id in sorted(gold)
        ),
        unattributed=tuple(unattributed),
    )


# ------------------------------------------------------------------------------ reports


def _fat(value: int | None, low: int | None, high: int | None) -> str:
    text = "null" if value is None else str(value)
    if low is not None or high is not None:
        text += f" [{'' if low is None else low}..{'' if high is None else high}]"
    return text


def _pred_label(event: Event) -> str:
    located = event.lat is not None and event.lon is not None
    where = f"{event.lat:.3f},{event.lon:.3f}" if located else "no coordinates"
    return (
        f"pred {event.id} {event.location_name or '?'} ({event.location_country or '?'}) "
        f"{event.date or '?'}/{event.date_precision or '?'} "
        f"attacker={event.attacker_country or '-'} at {where} "
        f"cross_border={event.cross_border} "
        f"fatalities={_fat(event.fatalities, event.fatalities_low, event.fatalities_high)}"
    )


def _nearest_pred(gold: GoldEvent, predicted: Sequence[Event]) -> str:
    """Why a gold event was missed: the nearest prediction of the article, if any."""
    located = [
        (haversine_km(gold.lat, gold.lon, p.lat, p.lon), p)
        for p in predicted
        if p.lat is not None and p.lon is not None
    ]
    if not located:
        return "no located prediction for this article"
    d, p = min(located, key=lambda t: t[0])
    reason = _mismatch(d, gold, p) or "taken by a closer gold event"
    return f"nearest {p.id} ({p.location_name or '?'}) at {d:.0f} km: {reason}"


def _nearest_gold(pred: Event, gold: Sequence[GoldEvent]) -> str:
    """Why a prediction is spurious: the nearest gold event of the article, if any."""
    if not gold:
        return "the article reports no strike"
    if pred.lat is None or pred.lon is None:
        return "the prediction has no coordinates"
    d, g = min(((haversine_km(g.lat, g.lon, pred.lat, pred.lon), g) for g in gold),
               key=lambda t: t[0])  # fmt: skip
    reason = _mismatch(d, g, pred) or "a duplicate of an already matched event"
    return f"nearest gold #{g.index} ({g.location_name}) at {d:.0f} km: {reason}"


def _mismatch(km: float, gold: GoldEvent, pred: Event) -> str:
    """Why a prediction ``km`` away does not match a gold event ("" when nothing differs)."""
    why = []
    if km > gold.tolerance_km:
        why.append(f"{km:.0f} km > tolerance {gold.tolerance_km:.0f} km")
    if _country(pred.attacker_country) != _country(gold.attacker_country):
        why.append(f"attacker {pred.attacker_country or '-'} != {gold.attacker_country or '-'}")
    return "; ".join(why)


def _show(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_report(scores: Scores, label: str) -> str:
    """The plain-text report: figures against targets, a per-article table, the misses."""
    f = scores.figures()
    lines = [
        f"strike-event evaluation ({label}): {f['articles']} articles, "
        f"{f['gold_events']} gold events, {f['predicted_events']} predicted, "
        f"{f['matched']} matched",
        "",
        f"{'figure':<24}{'value':>8}  {'target':>8}  result",
    ]
    for key, title in (
        ("recall", "event recall"),
        ("precision", "event precision"),
        ("f1", "event F1"),
        ("date_accuracy", "date accuracy"),
        ("fatalities_accuracy", "fatalities accuracy"),
        ("cross_border_accuracy", "cross-border accuracy"),
    ):
        value, target = f[key], TARGETS.get(key)
        met = target is not None and value is not None and value >= target
        result = "" if target is None else ("ok" if met else "BELOW")
        shown_target = "" if target is None else f">= {target:.2f}"
        lines.append(f"{title:<24}{_show(value):>8}  {shown_target:>8}  {result}")
    if scores.unattributed:
        lines.append(
            f"({len(scores.unattributed)} predicted events cite no article of the set; ignored)"
        )
    lines += ["", f"{'article':<46}{'gold':>5}{'pred':>5}{'match':>6}{'miss':>5}"
                  f"{'spur':>5}{'attr':>5}"]  # fmt: skip
    for a in scores.articles:
        attr = sum(1 for m in a.matches if m.errors())
        lines.append(
            f"{a.article_id:<46}{len(a.gold):>5}{len(a.predicted):>5}{len(a.matches):>6}"
            f"{len(a.missed):>5}{len(a.spurious):>5}{attr:>5}"
        )
    details: list[str] = []
    for a in scores.articles:
        rows: list[str] = []
        for g in a.missed:
            rows.append(f"  MISSED   {g.label()}")
            rows.append(f"           -> {_nearest_pred(g, a.predicted)}")
        for p in a.spurious:
            rows.append(f"  SPURIOUS {_pred_label(p)}")
            rows.append(f"           -> {_nearest_gold(p, a.gold)}")
        for m in a.matches:
            for error in m.errors():
                rows.append(f"  WRONG    gold #{m.gold.index} {m.gold.location_name} "
                            f"(pred {m.predicted.id}): {error}")  # fmt: skip
        if rows:
            details += [f"{a.article_id}:", *rows]
    lines += ["", "per-article misses:" if details else "no misses.", *details]
    return "\n".join(lines)


def _gold_json(g: GoldEvent) -> dict[str, Any]:
    return {"index": g.index, "description": g.description, "location_name": g.location_name,
            "date": g.date, "attacker_country": g.attacker_country}  # fmt: skip


def _pred_json(p: Event) -> dict[str, Any]:
    return {"id": p.id, "location_name": p.location_name, "lat": p.lat, "lon": p.lon,
            "date": p.date, "attacker_country": p.attacker_country}  # fmt: skip


def report_json(scores: Scores, label: str) -> dict[str, Any]:
    """The figures, targets and per-article misses as one JSON-ready object."""
    figures = scores.figures()
    return {
        "predictions": label,
        "figures": figures,
        "targets": TARGETS,
        "meets_targets": {
            k: figures[k] is not None and figures[k] >= t for k, t in TARGETS.items()
        },
        "per_article": [
            {
                "article_id": a.article_id,
                "gold": len(a.gold),
                "predicted": len(a.predicted),
                "matched": len(a.matches),
                "missed": [_gold_json(g) for g in a.missed],
                "spurious": [_pred_json(p) for p in a.spurious],
                "attribute_errors": [
                    {"gold_index": m.gold.index, "predicted": m.predicted.id, "errors": m.errors()}
                    for m in a.matches
                    if m.errors()
                ],
            }
            for a in scores.articles
        ],
    }


# --------------------------------------------------------------- predictions to score


def read_articles_checked(folder: Path, gold: Mapping[str, object]) -> list[Article]:
    """Read the evaluation articles and check that they and the gold files correspond."""
    from geomap.ingest import read_articles

    result = read_articles([folder])
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    ids = {a.id for a in result.articles}
    if ids != set(gold):
        raise GoldError(
            "articles and gold files differ: "
            f"no gold for {sorted(ids - set(gold))}, no article for {sorted(set(gold) - ids)}"
        )
    return sorted(result.articles, key=lambda a: a.id)


def run_pipeline(articles: Sequence[Article]) -> list[Event]:
    """Extract and merge the events of ``articles`` with ``geomap.pipeline.extract``."""
    try:
        from geomap.pipeline import extract
    except ImportError as exc:
        raise SystemExit(
            f"error: cannot import geomap.pipeline.extract ({exc}); "
            "score an events.geojson with --predictions FILE"
        ) from exc
    return list(extract(list(articles)).events)


def read_predictions(path: Path) -> list[Event]:
    """Read the events of an ``events.geojson`` with geomap's own reader."""
    from geomap.export import read_events_geojson

    return read_events_geojson(path)


def gold_as_events(gold: Mapping[str, Sequence[GoldEvent]]) -> list[Event]:
    """The perfect prediction: one Event per gold event, citing its article."""
    events: list[Event] = []
    for article_id in sorted(gold):
        for g in gold[article_id]:
            events.append(Event(
                id=f"{article_id}#{g.index}", event_type=g.event_type, date=g.date,
                date_precision=g.date_precision,  # type: ignore[arg-type]
                attacker=g.attacker, attacker_country=g.attacker_country, target=None,
                location_name=g.location_name, location_country=g.location_country,
                admin1=None, geo_precision=None, lat=g.lat, lon=g.lon,
                cross_border=g.cross_border, fatalities=g.fatalities,
                fatalities_low=g.fatalities_low, fatalities_high=g.fatalities_high,
                weapons=g.weapons, sources=(Source(id=article_id),),
                evidence=(g.description,), confidence=1.0,
            ))  # fmt: skip
    return events


@dataclass(frozen=True, slots=True)
class Perturbation:
    """A damaged copy of the perfect prediction, and the figures it must score."""

    events: list[Event]
    expected: dict[str, float | None]
    summary: dict[str, int]


def _wrong_date(event: Event) -> Event:
    if event.date_precision == "day" and event.date:
        shifted = dt.date.fromisoformat(event.date) + dt.timedelta(days=1)
        return dataclasses.replace(event, date=shifted.isoformat())
    year = (event.date or "2000")[:4]
    if event.date_precision == "year":
        return dataclasses.replace(event, date=f"{year}-01", date_precision="month")
    return dataclasses.replace(event, date=year, date_precision="year")


def perturb(gold: Mapping[str, Sequence[GoldEvent]]) -> Perturbation:
    """Damage the perfect prediction in known ways (deterministic, by event position).

    Event ``i`` (0-based over the whole set) is dropped if ``i % 7 == 3``; moved to its
    antipode if ``i % 7 == 5``; given attacker ``ZZ`` if ``i % 11 == 6`` (each of these
    makes one miss, the last two also one spurious prediction). Of the others, a date is
    shifted if ``i % 4 == 1``, the fatalities changed if ``i % 5 == 2``, the cross-border
    flag flipped if ``i % 6 == 4``; and if ``i % 10 == 0`` a known count is replaced by a
    range around it (still correct). Every third article also gets an extra prediction
    that matches nothing.
    """
    perfect = gold_as_events(gold)
    out: list[Event] = []
    n = len(perfect)
    dropped = moved = reattributed = 0
    wrong = {"date": 0, "fatalities": 0, "cross_border": 0}
    ranged = 0
    for i, original in enumerate(perfect):
        event = original
        if i % 7 == 3:
            dropped += 1
            continue
        if i % 7 == 5:
            assert event.lat is not None and event.lon is not None
            lon = event.lon + 180 if event.lon <= 0 else event.lon - 180
            out.append(dataclasses.replace(event, lat=-event.lat, lon=lon))
            moved += 1
            continue
        if i % 11 == 6:
            out.append(dataclasses.replace(event, attacker_country="ZZ"))
            reattributed += 1
            continue
        if i % 4 == 1:
            event = _wrong_date(event)
            wrong["date"] += 1
        if i % 5 == 2:
            count = 3 if event.fatalities is None else event.fatalities + 5
            event = dataclasses.replace(event, fatalities=count, fatalities_low=None,
                                        fatalities_high=None)  # fmt: skip
            wrong["fatalities"] += 1
        elif i % 10 == 0 and event.fatalities:
            f = event.fatalities
            event = dataclasses.replace(event, fatalities=None, fatalities_low=f - 1,
                                        fatalities_high=f + 1)  # fmt: skip
            ranged += 1
        if i % 6 == 4:
            event = dataclasses.replace(event, cross_border=not event.cross_border)
            wrong["cross_border"] += 1
        out.append(event)
    extras = 0
    for j, article_id in enumerate(sorted(gold)):
        if j % 3:
            continue
        events = gold[article_id]
        lat, lon = (events[0].lat, events[0].lon) if events else (0.0, 0.0)
        out.append(Event(
            id=f"{article_id}#extra", event_type="Air/drone strike", date="2001-01-01",
            date_precision="day", attacker=None, attacker_country="ZZ" if events else None,
            target=None, location_name="nowhere", location_country=None, admin1=None,
            geo_precision=None, lat=lat, lon=lon, cross_border=False,
            sources=(Source(id=article_id),),
        ))  # fmt: skip
        extras += 1
    matched = n - dropped - moved - reattributed
    predicted = n - dropped + extras
    expected: dict[str, float | None] = {
        "recall": matched / n,
        "precision": matched / predicted,
        "date_accuracy": (matched - wrong["date"]) / matched,
        "fatalities_accuracy": (matched - wrong["fatalities"]) / matched,
        "cross_border_accuracy": (matched - wrong["cross_border"]) / matched,
    }
    summary = {"events": n, "dropped": dropped, "moved": moved, "reattributed": reattributed,
               "extra": extras, "wrong_date": wrong["date"],
               "wrong_fatalities": wrong["fatalities"],
               "wrong_cross_border": wrong["cross_border"], "count_as_range": ranged}  # fmt: skip
    return Perturbation(out, expected, summary)


def write_geojson(events: Sequence[Event], path: Path) -> None:
    """Write ``events`` as an ``events.geojson`` with geomap's own exporter."""
    from geomap.export import events_geojson

    path.write_text(
        json.dumps(events_geojson(events), ensure_ascii=False, indent=1), encoding="utf-8"
    )


# ----------------------------------------------------------------------------- self-check


def _composition(gold: Mapping[str, Sequence[GoldEvent]]) -> str:
    kinds = {"cross-border": 0, "domestic": 0, "no strike": 0}
    for events in gold.values():
        if not events:
            kinds["no strike"] += 1
        elif events[0].cross_border:
            kinds["cross-border"] += 1
        else:
            kinds["domestic"] += 1
    n_events = sum(len(e) for e in gold.values())
    n_cross = sum(g.cross_border for e in gold.values() for g in e)
    return (
        f"{len(gold)} articles (main event: "
        + ", ".join(f"{v} {k}" for k, v in kinds.items())
        + f"); {n_events} gold events, {n_cross} cross-border"
    )


def self_check(gold: Mapping[str, Sequence[GoldEvent]], articles_dir: Path) -> int:
    """Validate the evaluation set and the scorer; print what was checked; 0 if all pass."""
    failures: list[str] = []
    print(f"gold: {_composition(gold)}")
    articles = read_articles_checked(articles_dir, gold)
    for article in articles:
        words = len(article.text.split())
        if not 120 <= words <= 350:
            failures.append(f"{article.id}: {words} words, not 120-350")
        if article.date is None:
            failures.append(f"{article.id}: no publication date")
            continue
        for g in gold[article.id]:
            if g.date > article.date.isoformat()[: len(g.date)]:
                failures.append(f"{article.id} gold #{g.index}: dated after publication")
    print(
        f"articles: {len(articles)} read; checked: one gold file each, 120-350 words, "
        "a publication date, no gold event dated after it"
    )

    with tempfile.TemporaryDirectory(prefix="geomap-events-") as tmp:
        perfect_path = Path(tmp) / "perfect.geojson"
        write_geojson(gold_as_events(gold), perfect_path)
        perfect = score(gold, read_predictions(perfect_path)).figures()
        damaged = perturb(gold)
        damaged_path = Path(tmp) / "perturbed.geojson"
        write_geojson(damaged.events, damaged_path)
        perturbed = score(gold, read_predictions(damaged_path)).figures()

    print("\nperfect prediction (gold -> events.geojson -> read back):")
    for key in TARGETS:
        print(f"  {key:<24}{_show(perfect[key])}")
        if perfect[key] != 1.0:
            failures.append(f"perfect prediction: {key} = {perfect[key]}, not 1.0")
    print(f"\nperturbed prediction ({', '.join(f'{k} {v}' for k, v in damaged.summary.items())}):")
    for key in TARGETS:
        want = damaged.expected[key]
        got = perturbed[key]
        ok = got is not None and want is not None and abs(got - want) < 1e-9 and got < 1.0
        print(f"  {key:<24}{_show(got)}  (expected {_show(want)}){'' if ok else '  FAIL'}")
        if not ok:
            failures.append(f"perturbed prediction: {key} = {got}, expected {want} (< 1.0)")
    print()
    if failures:
        print("SELF-CHECK FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("self-check passed")
    return 0


# ----------------------------------------------------------------------------- throughput


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def throughput(n: int, articles_dir: Path, jobs: int = 1) -> dict[str, Any]:
    """Time ``geomap.pipeline.extract`` on ``n`` synthetic articles with ``jobs`` worker
    processes (1: in this process; 0: one per CPU)."""
    from geomap.ingest import read_articles

    source = sorted(read_articles([articles_dir]).articles, key=lambda a: a.id)
    corpus = synthetic_articles(source, n)
    try:
        from geomap.pipeline import extract
    except ImportError as exc:
        raise SystemExit(f"error: cannot import geomap.pipeline.extract ({exc})") from exc
    from geomap.config import Config
    from geomap.gazetteer import load_gazetteer

    rss_start = _peak_rss_mb()
    t0 = time.perf_counter()
    load_gazetteer()
    t1 = time.perf_counter()
    extract([corpus[0]])  # warm-up: lazy indexes, outlines, caches
    t2 = time.perf_counter()
    rss_setup = _peak_rss_mb()
    result = extract(corpus, config=Config(jobs=jobs))
    t3 = time.perf_counter()
    elapsed = t3 - t2
    return {
        "articles": n,
        "jobs": jobs,
        "source_articles": len(source),
        "events": len(result.events),
        "gazetteer_load_s": t1 - t0,
        "warm_up_s": t2 - t1,
        "extract_s": elapsed,
        "articles_per_s": n / elapsed if elapsed > 0 else math.inf,
        "target_articles_per_s": THROUGHPUT_TARGET,
        "peak_rss_mb_before": rss_start,
        "peak_rss_mb_after_setup": rss_setup,
        "peak_rss_mb": _peak_rss_mb(),
    }


def format_throughput(t: Mapping[str, Any]) -> str:
    """The throughput figures as text."""
    verdict = "ok" if t["articles_per_s"] >= THROUGHPUT_TARGET else "BELOW"
    return "\n".join([
        f"throughput: geomap.pipeline.extract on {t['articles']} articles "
        f"(cycled from {t['source_articles']} evaluation articles), {t['events']} events, "
        f"jobs={t['jobs']} (1: one process, 0: one per CPU)",
        f"  gazetteer load        {t['gazetteer_load_s']:8.2f} s   (not counted)",
        f"  warm-up, 1 article    {t['warm_up_s']:8.2f} s   (not counted)",
        f"  extract, all articles {t['extract_s']:8.2f} s",
        f"  articles per second   {t['articles_per_s']:8.1f}     target >= "
        f"{THROUGHPUT_TARGET:.0f}: {verdict}",
        f"  peak RSS              {t['peak_rss_mb']:8.0f} MB  (after setup "
        f"{t['peak_rss_mb_after_setup']:.0f} MB, at start {t['peak_rss_mb_before']:.0f} MB)",
    ])  # fmt: skip


# ----------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the chosen mode."""
    parser = argparse.ArgumentParser(
        description="Score strike-event extraction on bench/data/events/ (or --data DIR).",
        epilog="See the module docstring (bench/events.py) for how scoring works.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--predictions",
        type=Path,
        metavar="FILE.geojson",
        help="score this events.geojson instead of running the pipeline",
    )
    mode.add_argument(
        "--self-check",
        action="store_true",
        help="validate the gold files and the scorer on synthetic predictions",
    )
    mode.add_argument(
        "--write-gold-geojson",
        type=Path,
        metavar="FILE",
        help="write the perfect prediction (or with --perturb the damaged one)",
    )
    mode.add_argument(
        "--throughput",
        type=int,
        nargs="?",
        const=1000,
        metavar="N",
        help="time the pipeline on N synthetic articles (default 1000)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="J",
        help="with --throughput: worker processes (1, the default: this process; 0: one per CPU)",
    )
    parser.add_argument(
        "--perturb",
        action="store_true",
        help="with --write-gold-geojson: write the perturbed prediction",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="evaluation set folder holding articles/ and gold/ "
        "(default bench/data/events; e.g. bench/data/events_heldout)",
    )
    parser.add_argument("--articles", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--gold", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    data_dir = args.data if args.data is not None else DATA_DIR
    if args.data is not None and not args.data.is_dir():
        parser.error(f"--data {args.data}: not a folder")
    if args.articles is None:
        args.articles = data_dir / "articles"
    if args.gold is None:
        args.gold = data_dir / "gold"
    if args.perturb and args.write_gold_geojson is None:
        parser.error("--perturb goes with --write-gold-geojson")

    if args.throughput is not None:
        if args.throughput < 1:
            parser.error("--throughput needs N >= 1")
        t = throughput(args.throughput, args.articles, args.jobs)
        print(json.dumps(t, indent=2) if args.json else format_throughput(t))
        return 0
    try:
        gold = load_gold(args.gold)
        if args.self_check:
            return self_check(gold, args.articles)
        if args.write_gold_geojson is not None:
            events = perturb(gold).events if args.perturb else gold_as_events(gold)
            write_geojson(events, args.write_gold_geojson)
            print(f"wrote {len(events)} events to {args.write_gold_geojson}")
            return 0
        if args.predictions is not None:
            events, label = read_predictions(args.predictions), str(args.predictions)
        else:
            events = run_pipeline(read_articles_checked(args.articles, gold))
            label = "geomap.pipeline.extract"
    except (GoldError, GeomapError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    scores = score(gold, events)
    if args.json:
        print(json.dumps(report_json(scores, label), indent=2, ensure_ascii=False))
    else:
        print(format_report(scores, label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
