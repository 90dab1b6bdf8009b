"""Document context for resolution: what the article's other place names point at.

Mordecai 3's document-level counts and CLAVIN's colocation heuristic, counted over
*distinct* names: five mentions of "Paris" are one name, and a name never counts as its
own context (otherwise a wrong first guess would confirm itself). For a candidate place
of a name, the evidence is:

- ``country``: other names whose current choice lies in the candidate's country (a
  country named outright counts twice, a demonym once per country); a town or province
  gains one more when its country is named outright ("Tripoli" with "Lebanon");
- ``province``: other names whose choice lies in the candidate's first-level division
  (a province named outright counts twice); for a province candidate this is the towns
  it contains ("Georgia" with "Atlanta");
- ``neighbour``: a town whose country is not in the document but borders a country named
  outright gains one point (Damascus with Israel and Jordan; CLAVIN-style coherence);
- ``near``: the closest other chosen town or site, graded by distance (25, 75, 150 km);
  failing that, the closest of the other names' leading *candidates* (25, 75 km): two
  names that each have a candidate beside the other's ("Huntsville" and "Walker County"
  in Texas) support each other even where both first choices lie elsewhere.

Bonuses grow with the count and are capped, so that a long list of places cannot
outweigh everything else.

Also here: :func:`compass_agrees` ("the south-western city of" a name points to where a
candidate lies from its country's centre), and the filters :func:`geomap.geoparse`
applies to its choices, :func:`strays` (small towns nothing in the text supports) and
:func:`governments` (a far capital that stands for its government).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass, field

from geomap._unlisted import compass_signs
from geomap.gazetteer import haversine_km
from geomap.records import Place, Toponym

__all__ = ["DocContext", "Evidence", "compass_agrees", "compass_of", "governments", "strays"]

_NEAR = ((25.0, 2.0), (75.0, 1.5), (150.0, 1.0))
_NEAR_CANDIDATE = ((25.0, 2.0), (75.0, 1.0))
_POINT_KINDS = frozenset({"populated", "adm2", "airport", "feature"})
_EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Evidence:
    """One bonus, the reason shown for it, and its kind (``country``, ``neighbour``,
    ``province`` or ``near``)."""

    bonus: float
    reason: str
    kind: str = "country"


@dataclass(slots=True)
class DocContext:
    """Counts of the article's chosen places, by country, province and point."""

    countries: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    admin1s: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    points: list[tuple[str, float, float, float]] = field(default_factory=list)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    grid: dict[tuple[int, int], list[tuple[str, float, float, float]]] = field(
        default_factory=lambda: defaultdict(list))

    @classmethod
    def build(
        cls,
        picks: Iterable[tuple[str, Place]],
        demonym_countries: Iterable[str] = (),
        alternatives: Iterable[tuple[str, Place]] = (),
        neighbours: dict[str, frozenset[str]] | None = None,
    ) -> DocContext:
        """Context from ``(name key, chosen place)`` pairs, the demonyms' countries,
        ``(name key, candidate)`` pairs of the names' leading candidates and the
        countries' land neighbours."""
        ctx = cls()
        ctx.neighbours = neighbours or {}
        for key, p in alternatives:
            if p.kind in _POINT_KINDS and p.country_code:
                lat, lon = math.radians(p.lat), math.radians(p.lon)
                ctx.grid[(math.floor(p.lat), math.floor(p.lon))].append(
                    (key, lat, lon, math.cos(lat)))
        seen_points: set[tuple[str, str]] = set()
        for key, p in picks:
            if p.country_code:
                weight = 2.0 if p.kind == "country" else 1.0
                _put(ctx.countries[p.country_code], key, weight)
            if p.admin1_code and p.kind != "country":
                _put(ctx.admin1s[p.admin1_code], key, 2.0 if p.kind == "adm1" else 1.0)
            if p.kind in _POINT_KINDS and p.country_code and (key, p.id) not in seen_points:
                seen_points.add((key, p.id))
                ctx.points.append((key, math.radians(p.lat), math.radians(p.lon),
                                   math.cos(math.radians(p.lat))))
        for code in set(demonym_countries):
            _put(ctx.countries[code], f"demonym:{code}", 1.0)
        return ctx

    def evidence(self, place: Place, key: str) -> list[Evidence]:
        """The context bonuses for ``place`` as the meaning of the name ``key``."""
        out: list[Evidence] = []
        if place.country_code:
            bucket = self.countries.get(place.country_code)
            n = _count(bucket, key)
            if n > 0:
                bonus = min(1.5 + 0.5 * (n - 1), 3.0)
                named = bucket is not None and any(
                    w >= 2.0 for k, w in bucket.items() if k != key)
                if named and place.kind != "country":
                    bonus += 1.0
                out.append(Evidence(bonus, f"country {place.country_code} "
                                           f"{'named' if named else 'in document'} "
                                           f"+{bonus:.1f}"))
            elif place.kind != "country":
                named_next = sorted(
                    cc for cc in self.neighbours.get(place.country_code, ())
                    if any(w >= 2.0 for k, w in self.countries.get(cc, {}).items() if k != key))
                if named_next:  # Damascus in an article naming Israel and Jordan
                    out.append(Evidence(1.0, f"neighbour of {', '.join(named_next)} named "
                                             "+1.0", "neighbour"))
        vouched = ""  # the one other name that puts it in its province: it does not also
        if place.admin1_code and place.kind != "country":  # count as a place beside it
            bucket = self.admin1s.get(place.admin1_code)
            n = _count(bucket, key)
            others = [k for k in bucket or () if k != key]
            vouched = others[0] if len(others) == 1 else ""
            if n > 0:
                bonus = min(2.0 + 0.5 * (n - 1), 3.0)
                what = "towns of it" if place.kind == "adm1" else (
                    f"province {place.admin1 or place.admin1_code}")
                out.append(Evidence(bonus, f"{what} in document +{bonus:.1f}", "province"))
        if place.kind in _POINT_KINDS and place.country_code:
            near = self._near(place, key, vouched)
            if near is not None:
                out.append(near)
        return out

    def _near(self, place: Place, key: str, vouched: str = "") -> Evidence | None:
        skip = {key, vouched}
        d = _nearest_km(place, skip, self.points)
        for limit, bonus in _NEAR:
            if d <= limit:
                return Evidence(bonus, f"{d:.0f} km from another place of the document "
                                       f"+{bonus:.1f}", "near")
        if not self.grid:
            return None
        cell_lat, cell_lon = math.floor(place.lat), math.floor(place.lon)
        nearby = [entry for dlat in (-1, 0, 1) for dlon in (-1, 0, 1)
                  for entry in self.grid.get((cell_lat + dlat, cell_lon + dlon), ())]
        d = _nearest_km(place, skip, nearby)
        for limit, bonus in _NEAR_CANDIDATE:
            if d <= limit:
                return Evidence(bonus, f"{d:.0f} km from a namesake of another place of "
                                       f"the document +{bonus:.1f}", "near")
        return None


def _nearest_km(place: Place, skip: set[str],
                points: Iterable[tuple[str, float, float, float]]) -> float:
    lat, lon = math.radians(place.lat), math.radians(place.lon)
    cos_lat = math.cos(lat)
    best = math.inf
    for other, plat, plon, pcos in points:
        if other in skip:
            continue
        a = (math.sin((plat - lat) / 2) ** 2
             + cos_lat * pcos * math.sin((plon - lon) / 2) ** 2)
        best = min(best, a)
    if best is math.inf:
        return math.inf
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(best)))


def _put(bucket: dict[str, float], key: str, weight: float) -> None:
    bucket[key] = max(bucket.get(key, 0.0), weight)


def _count(bucket: dict[str, float] | None, key: str) -> float:
    if not bucket:
        return 0.0
    return sum(w for k, w in bucket.items() if k != key)


_COMPASS = re.compile(r"\b((?:north|south)-?(?:east|west)?|east|west)(?:ern)? (?:[\w-]+ ){0,2}?"
                      r"(?:city|town|port|village|province|region|district|state) of $", re.I)


def compass_of(before: str) -> tuple[int | None, int | None] | None:
    """The compass point of "the south-western city of" ending ``before`` (a name), as
    (north, east) signs (:func:`geomap._unlisted.compass_signs`): (-1, -1); ``None``
    without one."""
    m = _COMPASS.search(before[-60:])
    return compass_signs(m.group(1)) if m else None


def compass_agrees(point: tuple[int | None, int | None] | None, place: Place,
                   centre: Place | None) -> bool:
    """Whether ``place`` lies towards ``point`` (:func:`compass_of`) from its country's
    centre: Gwangju, the city of 1.4 million in the south-west, not its namesake near
    Seoul."""
    if point is None or centre is None or place.kind == "country":
        return False
    north, east = point
    lies_north = place.lat > centre.lat
    lies_east = (place.lon - centre.lon + 540) % 360 - 180 > 0
    return (north is None or (north > 0) == lies_north) and (
        east is None or (east > 0) == lies_east)


_GOVERNMENT_KM = 2500.0
_GOVERNMENT_SURE = 6.0
_STRAY_SURE = 8.5  # a small town of an unnamed country is kept only this sure
_REACTION = re.compile(
    r"\b(?:unease|concerns?|alarm|anger|dismay|fury|outrage|frustration|worry|worries|"
    r"jitters|consternation|criticism|surprise|relief|satisfaction|scepticism|skepticism|"
    r"irritation|disquiet|annoyance|eyebrows|governments?|officials)"
    r"(?:\s+[\w-]+){0,2}\s+in\s+$", re.IGNORECASE)
_LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_OPENING_IN = re.compile(r"(?:^|[.!?]\s+|\n\s*)In\s+$")


def strays(toponyms: list[Toponym], demonyms: Set[str] = frozenset()) -> set[int]:
    """Indices of small towns (under 100,000 people) that nothing in the text supports,
    in a text with two sure places or more: 2,500 km or more from every sure place, none
    of which is in its country ("Koya" read as Kōya, Japan, in a story about Erbil and
    Iran); or, short of a sure guess (score 8.5), of a country that the text names by no
    country, province, demonym or town of 100,000, whatever other small towns it has there
    ("Konna" read as Conna, Ireland, in a story about Mali; "Aldgate", "Piccadilly" and
    "Docklands" read as suburbs of Adelaide and Melbourne in a story about London). No
    place rather than a wild guess."""
    sure = [t for t in toponyms if t.score >= _GOVERNMENT_SURE]
    out: set[int] = set()
    for k, t in enumerate(toponyms):
        others = [o for o in sure if o.place_id != t.place_id]
        if t.kind != "populated" or t.population >= 100_000 or len(others) < 2:
            continue
        far = not any(o.country_code == t.country_code for o in others) and min(
            haversine_km(t.lat, t.lon, o.lat, o.lon) for o in others) >= _GOVERNMENT_KM
        alone = t.country_code not in demonyms and not any(  # nothing big of its country
            o.country_code == t.country_code and (o.kind in {"country", "adm1"} or o.population
                                                  >= 100_000) for o in toponyms)
        if far or (alone and t.score < _STRAY_SURE):
            out.add(k)
    return out


def governments(text: str, toponyms: list[Toponym]) -> set[int]:
    """Indices of capitals that stand for their governments and are no place of the story
    ("prompting unease in Washington", "Governments in Washington, London and Canberra",
    "In Washington, the president said"): a capital named once, far (2,500 km or more)
    from every other place of the text, with nothing else of its country in the text,
    in such a frame. Weak guesses (score under 6) do not count as other places."""
    out: set[int] = set()
    for k, t in enumerate(toponyms):
        if t.feature_code != "PPLC":
            continue
        others = [o for o in toponyms if o.place_id != t.place_id]
        sure = [o for o in others if o.score >= _GOVERNMENT_SURE]
        if len(others) == len(toponyms) - 1 and sure and not any(
                o.country_code == t.country_code for o in sure) and min(
                haversine_km(t.lat, t.lon, o.lat, o.lon) for o in sure) >= _GOVERNMENT_KM:
            before = text[max(0, t.start - 60) : t.start]
            listed = [o for o in toponyms if o.feature_code == "PPLC" and (
                _LIST_GAP.fullmatch(text[o.end : t.start]) or _LIST_GAP.fullmatch(
                    text[t.end : o.start]))]
            if (_REACTION.search(before) or listed or (
                    _OPENING_IN.search(before) and text[t.end : t.end + 1] == ",")):
                out.add(k)
    return out
