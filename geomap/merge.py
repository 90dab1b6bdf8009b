"""Merging: reports of the same strike, from several articles, become one event.

Two reports are the same strike when (all of):

- their attacker countries agree (an unnamed attacker agrees with a named one only when
  both reports give the same day);
- their places are the same, one lies inside the other (Panjgur is in Balochistan, Erbil
  in Iraq), or they are within ``km`` of each other;
- their dates are within ``days`` (a month or year contains its days; an undated report
  is taken as recent, within a week before its article's publication);
- they come from different articles (an article's own events were already kept apart
  for a reason by :mod:`geomap.events`).

A cluster must agree pairwise (no chaining). The merged event takes the most specific
place and date, the union of sources, weapons and evidence (each sentence prefixed with
its article id), and keeps disagreements: casualty ranges span every report, the best
figure is the lowest (the conservative convention of ACLED), and differing figures or
dates are written in ``notes``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from geomap.dates import DateRef
from geomap.events import compatible_dates
from geomap.gazetteer import Gazetteer, haversine_km, load_gazetteer
from geomap.records import Event, Source

__all__ = ["merge", "same_strike"]

logger = logging.getLogger(__name__)


def _date_ref(e: Event) -> DateRef | None:
    if e.date is None or e.date_precision is None:
        return None
    return DateRef(e.date, e.date_precision, 0, 0, e.date, False)


def _published(e: Event) -> dt.date | None:
    dates = [s.date for s in e.sources if s.date]
    return dt.date.fromisoformat(min(dates)) if dates else None


def _places_agree(gaz: Gazetteer, a: Event, b: Event, km: float) -> bool:
    if a.place_id and a.place_id == b.place_id:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon) and haversine_km(
            a.lat, a.lon, b.lat, b.lon) <= km:  # type: ignore[arg-type]
        return True
    pa = gaz.get(a.place_id) if a.place_id else None
    pb = gaz.get(b.place_id) if b.place_id else None
    return pa is not None and pb is not None and (gaz.contains(pa, pb) or gaz.contains(pb, pa))


def same_strike(a: Event, b: Event, gazetteer: Gazetteer | None = None, *, km: float = 60.0,
                days: int = 1) -> bool:
    """Whether two event reports describe the same strike (see the module rules)."""
    gaz = gazetteer or load_gazetteer()
    if {s.id for s in a.sources} & {s.id for s in b.sources}:
        return False
    if a.attacker_country != b.attacker_country:
        if a.attacker_country and b.attacker_country:
            return False
        if not (a.date_precision == b.date_precision == "day" and a.date == b.date):
            return False
    if not _places_agree(gaz, a, b, km):
        return False
    da, db = _date_ref(a), _date_ref(b)
    if da is None or db is None:
        undated = a if da is None else b
        return compatible_dates(da, db, _published(undated), days)
    return compatible_dates(da, db, None, days)


def merge(events: Sequence[Event], gazetteer: Gazetteer | None = None, *, km: float = 60.0,
          days: int = 1) -> list[Event]:
    """Merge reports of the same strike; the result is sorted by date, then place."""
    gaz = gazetteer or load_gazetteer()
    clusters: list[list[Event]] = []
    # most specific reports first, so that clusters form around precise places
    for e in sorted(events, key=lambda e: (e.geo_precision or 9, e.date is None, e.id)):
        for cluster in clusters:
            if all(same_strike(e, m, gaz, km=km, days=days) for m in cluster):
                cluster.append(e)
                break
        else:
            clusters.append([e])
    merged = _unique_ids([_combine(c) for c in clusters])
    merged.sort(key=lambda e: (e.date or "9999", e.location_name or "", e.id))
    logger.info("merged %d reports into %d events", len(events), len(merged))
    return merged


def _combine(cluster: list[Event]) -> Event:
    order = {"day": 0, "month": 1, "year": 2, None: 3}
    best_place = min(cluster, key=lambda e: (e.geo_precision or 9, -len(e.evidence)))
    dated = [e for e in cluster if e.date]
    best_date = min(dated, key=lambda e: (order[e.date_precision],
                                          -sum(x.date == e.date for x in dated), e.date or "")
                    ) if dated else None
    notes: list[str] = []
    for e in cluster:
        notes.extend(n for n in e.notes if n not in notes)
    if best_date is not None:
        days_given = sorted({e.date for e in dated if e.date_precision == "day" and e.date})
        if len(days_given) > 1:
            notes.append("reports differ on the date: " + ", ".join(days_given))
    for e in cluster:
        if e.place_id != best_place.place_id and e.location_name:
            note = f"also reported: {e.location_name}"
            if note not in notes and e.location_name != best_place.location_name:
                notes.append(note)
    attackers = [e for e in cluster if e.attacker]
    named = Counter(e.attacker for e in attackers)
    attacker = min(attackers, key=lambda e: (-named[e.attacker], len(e.attacker or ""))
                   ) if attackers else None
    cc = next((e.attacker_country for e in cluster if e.attacker_country), None)
    killed, low, high, injured = _figures(cluster, notes)
    sources = sorted({s.id: s for e in cluster for s in e.sources}.values(), key=lambda s: s.id)
    evidence: list[str] = []
    for e in sorted(cluster, key=lambda e: e.sources[0].id if e.sources else ""):
        prefix = f"{e.sources[0].id}: " if len(e.sources) == 1 else ""
        for sentence in e.evidence:  # each sentence says which article it is from
            line = sentence if sentence.startswith(prefix) else prefix + sentence
            if line not in evidence:
                evidence.append(line)
    targets: list[str] = []
    for e in cluster:
        for t in (e.target or "").split("; "):
            if t and t not in targets:
                targets.append(t)
    weapons: list[str] = []
    for e in cluster:
        weapons.extend(w for w in e.weapons if w not in weapons)
    origin = next((e for e in cluster if e.origin_name and e.origin_lat is not None
                   and e.origin_name != _country_of(e)), None) or next(
        (e for e in cluster if e.origin_lat is not None), None)
    types = Counter(e.event_type for e in cluster)
    cross = bool(cc and cc != best_place.location_country) or (
        not cc and any(e.cross_border for e in cluster))  # a group's rocket fired from abroad
    confidence = min(0.99, max(e.confidence for e in cluster) + 0.05 * (len(sources) - 1))
    return replace(
        best_place,
        id=_event_id(sources, best_place, best_date),
        event_type=types.most_common(1)[0][0],
        date=best_date.date if best_date else None,
        date_precision=best_date.date_precision if best_date else None,
        attacker=attacker.attacker if attacker else None, attacker_country=cc,
        target="; ".join(targets[:3]) or None, cross_border=cross,
        fatalities=killed, fatalities_low=low, fatalities_high=high, injured=injured,
        weapons=tuple(weapons), sources=tuple(sources), evidence=tuple(evidence),
        confidence=round(confidence, 2), notes=tuple(notes),
        origin_name=origin.origin_name if origin else None,
        origin_lat=origin.origin_lat if origin else None,
        origin_lon=origin.origin_lon if origin else None,
    )


def _country_of(e: Event) -> str | None:
    return e.attacker.split(" (")[0] if e.attacker else None


def _figures(cluster: list[Event], notes: list[str]
             ) -> tuple[int | None, int | None, int | None, int | None]:
    killed = [e.fatalities for e in cluster if e.fatalities is not None]
    lows = [e.fatalities_low for e in cluster if e.fatalities_low is not None]
    highs = [e.fatalities_high for e in cluster if e.fatalities is not None]
    injured = [e.injured for e in cluster if e.injured is not None]
    if len(set(killed)) > 1:
        notes.append("reports differ on the dead: " + ", ".join(map(str, sorted(set(killed)))))
    if len(set(injured)) > 1:
        notes.append("reports differ on the injured: "
                     + ", ".join(map(str, sorted(set(injured)))))
    best = min(killed) if killed else None
    low = min([*lows, *killed]) if killed or lows else None
    high = None if any(h is None for h in highs) or not highs else max(
        [h for h in highs if h is not None] + killed)
    return best, low, high, (min(injured) if injured else None)


def _event_id(sources: list[Source], e: Event, date: Event | None) -> str:
    """A stable id: the same reports of the same strike give the same id on every run."""
    key = "|".join([*(s.id for s in sources), e.place_id or e.location_name or "",
                    date.date if date and date.date else ""])
    return "ev-" + hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


def _unique_ids(events: list[Event]) -> list[Event]:
    """Two strikes the same articles place at one town on one day ("Earlier that day a
    bomb ... in the centre of Quetta" beside the snooker-club bombing) keep ids of their
    own: the id of each also hashes its evidence."""
    counts = Counter(e.id for e in events)
    return [e if counts[e.id] == 1 else replace(e, id="ev-" + hashlib.sha1(
        "|".join([e.id, *e.evidence]).encode("utf-8"), usedforsecurity=False).hexdigest()[:10])
        for e in events]
