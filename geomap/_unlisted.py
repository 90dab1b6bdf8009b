"""Places the gazetteer does not list, located by what the text says about them.

A village hit by a missile is often too small for any gazetteer, yet news text places it:
"Hroza, a farming village some 30 km west of Kupiansk in the Kharkiv region", "the
village of Sotk, near Vardenis". :func:`find_unlisted` reads six descriptions of a
name that no resolved mention covers,

- ``X, a [farming|border|...] village|town|hamlet|settlement|...``,
- ``the village|town|... of X``,
- ``the X area|district|... of Y`` ("the Makeen area of South Waziristan"; "the" may be
  left out: "in Sepera district of Khost province"),
- ``X air base|airfield|base|training camp`` ("Shayrat air base, south-east of Homs"), and
- ``in|at|near X, in|near Y`` ("an army post in Mir Ali, in the North Waziristan district"),
- ``X lies|is located ...`` ("Solhan lies about 15 km from Sebba"),

and places ``X`` by the first anchor that follows in the same sentence, in this order of
trust:

1. a distance and bearing from a resolved place: "30 km west of Kupiansk", "about
   20 miles from Aden" (the point is moved that far along the bearing with geopy's
   geodesic; without a bearing it stays at the anchor);
2. proximity: "near Vardenis", "outside Kherson" (the anchor's point);
3. containment: "in the Kharkiv region", "in Idlib province", "of South Waziristan" (the
   province's or district's point);
4. a bare bearing: "south-east of Moscow" (the anchor's point: it may be far).

The name then becomes a :class:`~geomap.records.Toponym` at every word-bounded occurrence
in the text that no resolved mention covers, with ``feature_code`` ``"UNLISTED"``, a
``place_id`` of ``unlisted:<name>`` and the reason in ``reasons``. With no anchor, nothing
is returned: no place rather than a guess.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from geopy.distance import geodesic
from geopy.point import Point

from geomap._fold import fold
from geomap._people import actor_names
from geomap._words import demonym_of
from geomap.records import Toponym

if TYPE_CHECKING:
    from geomap.gazetteer import Gazetteer

__all__ = ["COUNTRY_PART_CODE", "OFFSET_CODE", "UNLISTED_CODE", "compass_signs", "find_unlisted",
           "moved_by_text"]

logger = logging.getLogger(__name__)

UNLISTED_CODE = "UNLISTED"
"""``feature_code`` of a place located from the text, not the gazetteer."""
OFFSET_CODE = "OFFSET"
"""``feature_code`` of a point moved from a place by a distance and bearing."""
COUNTRY_PART_CODE = "PART"
"""``feature_code`` of a country mention moved to the part of it a compass word names."""

_WORD = r"[A-Z][\w’'-]*[\w]"
_NAME = rf"{_WORD}(?:[ -](?:(?:al|el|ad|as|ash|an|ar|de|du|la|le|van|von)-?\s?)?{_WORD}){{0,2}}"
_TYPES = (r"village|town|hamlet|settlement|suburb|district|neighbou?rhood|township|city"
          r"|refugee camp|camp|port|kibbutz|moshav|farm|airstrip|airfield|air base|compound")
_DESCRIBED = re.compile(
    rf"\b(?P<name>{_NAME}),\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?P<type>{_TYPES})\b")
_OF = re.compile(rf"\b(?P<type>{_TYPES})\s+of\s+(?P<name>{_NAME})")
_FACILITY = re.compile(
    rf"\b(?P<name>{_NAME}) (?P<type>air ?base|airfield|(?:military |naval |army )?base"
    rf"|(?:training |militant |military )?camp)\b")
_AREA = re.compile(rf"\b(?:the )?(?P<name>{_NAME}) (?P<type>area|{_TYPES})(?= of\b)")
_LIES = re.compile(rf"\b(?P<name>{_NAME})(?P<type>) (?:lies|is located|is situated|sits)\b")
_LIES_VERB = re.compile(r"\b(?:lies|is located|is situated|sits)\b")
_IN_TOWN = re.compile(rf"\b(?:in|at|near) (?P<name>{_NAME})(?P<type>),\s+(?=(?:in|near) )")
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "It", "He", "She", "They", "We",
                        "In", "On", "At", "But", "And", "Officials", "Residents"})

_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
    "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}  # fmt: skip
_DISTANCE = re.compile(
    r"(?:about|some|roughly|around|nearly|approximately|almost|just|only)?\s*"
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>km|kilometres|kilometers|nautical miles|nm|miles|mi)"
    r"\b\s*"
    r"(?:\([^)]{0,20}\)\s*)?"
    r"(?:(?P<dir>(?:north|south)?-?\s?(?:east|west)|north|south)(?:ern|ward)?\s+)?"
    r"(?:of|from)\s+(?:the\s+)?(?:(?:city|town|village|port) of\s+|capital,?\s+|central\s+"
    r"|downtown\s+)?$", re.IGNORECASE)
_NEAR = re.compile(
    r"(?:near|outside|close to|next to|on the outskirts of|not far from|"
    r"(?:a few|several|some|a couple of) (?:km|kilometres|kilometers|miles) (?:from|of)|"
    r"(?P<compass>(?:north|south|east|west)[\w-]* of))\s+(?:the\s+)?"
    r"(?:(?:city|town|village|port) of\s+|central\s+)?$", re.IGNORECASE)
_IN = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+)?"
                 r"(?:(?:province|region|district) of\s+)?$", re.IGNORECASE)
_OFF = re.compile(r",?\s+off\s+(?:the\s+(?:\w+\s+)?coast\s+(?:of\s+|near\s+)?)?")
_PART_OF_TOWN = re.compile(r"\s+(?:district|neighbou?rhood|quarter|area|suburb)\s+of\s+(?:the\s+)?"
                         r"(?:(?:north|south|east|west|central)\w*\s+)?")
_QUARTER_OF_CAPITAL = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb)\b,?\s+(?:(?:on|in)"
                                 r"\s+the\s+(?:[\w-]+\s+){0,2}(?:edge|outskirts|part|side)\s+)?"
                                 r"of\s+the\s+(?:\w+\s+)?capital\b")  # "the Podilskyi district,
# on the north-western edge of the capital": Kyiv's (the gazetteer's is a namesake 260 km off)
_DEMONYM_CAPITAL = re.compile(r"\bthe ([A-Z][a-z]+) capital\b(?!,?\s+[A-Z])")
_CAPITAL_OF = re.compile(r"[’']s capital\b(?!,?\s+[A-Z])")
_UNIT_AFTER = re.compile(r"\s+(?:district|province|region|governorate|county)\b")  # "in
# Mullaitivu district": the district of the town of that name
_SEA_CODES = frozenset({"SEA", "GULF", "STRT", "BAY", "OCN", "CHN", "LGN", "SD"})
_APPOSITION = re.compile(r",\s*(?:(?:which|that) (?:is|lies) )?")
_QUARTER_KM = 15.0  # a quarter of a town further from it is another place of that name
_WINDOW = 160  # characters after the description in which an anchor is looked for


@dataclass(frozen=True, slots=True)
class _Fix:
    lat: float
    lon: float
    anchor: Toponym
    how: str


def find_unlisted(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Mentions of places that the text describes and locates but no gazetteer lists.

    ``geoparse`` adds them to what it returns:

    >>> from geomap import geoparse
    >>> text = "A missile hit Hroza, a village some 30 km west of Kupiansk, on Thursday."
    >>> [(t.text, t.country_code, round(t.lat, 2), round(t.lon, 2), t.reasons)
    ...  for t in geoparse(text) if t.feature_code == UNLISTED_CODE]
    [('Hroza', 'UA', 49.71, 37.2, ('unlisted village, located some 30 km west of Kupiansk',))]
    """
    covered = [(t.start, t.end) for t in toponyms]
    known = {t.text for t in toponyms}
    found: dict[str, tuple[_Fix, str]] = {}
    for pattern in (_DESCRIBED, _OF, _AREA, _FACILITY, _IN_TOWN, _LIES):
        if (pattern is _LIES and not _LIES_VERB.search(text)) or (
                pattern is _IN_TOWN and ", in " not in text and ", near " not in text):
            continue  # the common case: the pattern's fixed words are not in the text
        for m in pattern.finditer(text):
            name = m.group("name")
            if (name in found or name in known or name.split()[0] in _NOT_NAMES
                    or demonym_of(name.split()[0]) is not False  # "a Syrian air base"
                    or fold(name) in actor_names()  # "a second ZIPRA camp": a group's
                    or _inside(m.start("name"), m.end("name"), covered)):
                continue
            fix = _locate(text, m.end(), toponyms)
            if fix is not None:
                found[name] = (fix, m.group("type").lower() or "place")
    out: list[Toponym] = []
    for name, (fix, kind_word) in found.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if _inside(m.start(), m.end(), covered):
                continue
            out.append(_toponym(m.start(), m.end(), name, fix, kind_word))
    out.sort(key=lambda t: t.start)
    if out:
        logger.debug("unlisted places: %s", sorted(found))
    return out


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _locate(text: str, after: int, toponyms: list[Toponym]) -> _Fix | None:
    """The first anchor in the rest of the sentence, by the order of trust above."""
    stop = min(len(text), after + _WINDOW)
    period = re.search(r"[.;!?](?:\s|$)|,? and (?:the|a|an) |, (?:came|as|when|while|where"
                       r"|after|before)\b", text[after:stop])  # not the anchor of the next
    # thing named ("the Dyagilevo base in the Ryazan region and the Engels base near Saratov")
    # nor of the next clause ("Loughinisland, a hamlet ..., came at 10 pm, as fans cheered
    # the team playing in New Jersey")
    if period is not None:
        stop = after + period.start()
    fixes: list[tuple[int, _Fix]] = []
    for t in toponyms:
        if not after <= t.start < stop:
            continue
        before = text[max(after, t.start - 60) : t.start]
        d = _DISTANCE.search(before)
        if d is not None:
            km = _km(d)
            bearing = _bearing(d.group("dir"))
            if bearing is None:
                fixes.append((0, _Fix(t.lat, t.lon, t, f"{d.group(0).strip()} {t.text}")))
            else:
                p = geodesic(kilometers=km).destination((t.lat, t.lon), bearing)
                fixes.append((0, _Fix(p.latitude, p.longitude, t,
                                      f"{d.group(0).strip()} {t.text}")))
        elif (near := _NEAR.search(before)) is not None:  # a bare bearing trusts less than
            rank = 3 if near.group("compass") else 1  # "in the Ryazan region, south-east of"
            fixes.append((rank, _Fix(t.lat, t.lon, t, f"near {t.text}")))
        elif _IN.search(before) and (t.kind in {"adm1", "adm2"} or _UNIT_AFTER.match(text, t.end)):
            fixes.append((2, _Fix(t.lat, t.lon, t, f"in {t.text}")))
    return min(fixes, key=lambda f: f[0])[1] if fixes else None


def _km(d: re.Match[str]) -> float:
    unit = d.group("unit").lower()
    factor = 1.852 if unit.startswith("n") else 1.609 if unit.startswith("mi") else 1.0
    return float(d.group("n")) * factor


def moved_by_text(text: str, toponyms: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """The mentions as a strike's place: a place after a distance and bearing becomes the
    point it describes ("roughly 100 km south of Odesa": at sea, no country outline holds
    it), a sea "off" a place becomes the sea by that place ("the Red Sea off Eritrea"), a
    country's capital its capital city ("in Uganda's capital", "the Zambian capital":
    Kampala, Lusaka), and a town the text puts in another country or province than the
    gazetteer's town of that name an unlisted town of that area ("Palma in northern
    Mozambique"), a district "of the capital" that the gazetteer puts far away that
    capital's quarter, and a country after a compass word that part of it ("northern Iraq").
    The gazetteer's mentions themselves are unchanged (places.geojson keeps Odesa).

    >>> from geomap import geoparse
    >>> from geomap.gazetteer import load_gazetteer
    >>> text = "Two missiles hit the cruiser roughly 100 km south of Odesa."
    >>> [(t.name, t.country_code, round(t.lat, 1)) for t in
    ...  moved_by_text(text, geoparse(text), load_gazetteer())]
    [('100 km south of Odesa', None, 45.6)]
    """
    out = list(toponyms)
    for k, t in enumerate(toponyms):
        window = text[max(0, t.start - 60) : t.start]
        d = _DISTANCE.search(window) if any(c.isdigit() for c in window) else None
        bearing = _bearing(d.group("dir")) if d is not None else None
        p = geodesic(kilometers=_km(d)).destination((t.lat, t.lon), bearing) \
            if d is not None and bearing is not None else None
        named = _described(text, toponyms, k, t.start - len(window) + d.start(), p, _km(d)) \
            if d is not None and p is not None else None
        if named is not None:  # "Chernihiv, about 130 km north-east of Kyiv": Chernihiv
            out[k] = replace(named, start=t.start, end=t.end, text=t.text,
                             reasons=(*named.reasons, f"described from {t.text}"))
        elif d is not None and p is not None:
            cc = gaz.country_at(p.latitude, p.longitude, tolerance_km=2.0)
            name = f"{d.group('n')} {d.group('unit')} {d.group('dir').lower()} of {t.text}"
            out[k] = replace(t, name=name, lat=round(p.latitude, 5), lon=round(p.longitude, 5),
                             country_code=cc, admin1=t.admin1 if cc else None,
                             feature_code=OFFSET_CODE, place_id=f"offset:{name}",
                             reasons=(*t.reasons, f"moved {name}"))
        elif (quarter := _PART_OF_TOWN.match(text, t.end)) and k + 1 < len(toponyms) and (
                toponyms[k + 1].start == quarter.end()) and _other_place(t, toponyms[k + 1]):
            out[k] = _quarter(t, toponyms[k + 1])  # "the Dar es Salaam district of western
            # Omdurman", "the Bogside district of Londonderry" (the gazetteer's Bogside is a
            # namesake 60 km off)
        elif t.country_code and _QUARTER_OF_CAPITAL.match(text, t.end) and (
                city := gaz.capital(t.country_code)) is not None and city.id != t.place_id \
                and _other_place(t, capital := replace(t, name=city.name, lat=city.lat,
                                                       lon=city.lon, admin1=city.admin1)):
            out[k] = _quarter(t, capital)
        elif t.kind == "country" and t.country_code and _CAPITAL_OF.match(text, t.end):
            city = gaz.capital(t.country_code)  # "in Uganda's capital": Kampala
            if city is not None:
                out[k] = replace(t, name=city.name, lat=city.lat, lon=city.lon,
                                 kind="populated", feature_code=city.feature_code,
                                 place_id=city.id, admin1=city.admin1,
                                 reasons=(*t.reasons, f"the capital, {city.name}"))
        elif t.feature_code in _SEA_CODES and k + 1 < len(toponyms):
            nxt = toponyms[k + 1]
            if _OFF.fullmatch(text[t.end : nxt.start]) and nxt.kind != "feature":
                name = f"{t.text} off {nxt.text}"
                out[k] = replace(t, name=name, lat=nxt.lat, lon=nxt.lon,
                                 place_id=f"offset:{name}", reasons=(*t.reasons, name))
    out = _outside_the_named_area(text, out)
    out = [_country_part(text, t, gaz) for t in out]  # "northern Iraq"
    for m in _DEMONYM_CAPITAL.finditer(text):  # "the outskirts of the Zambian capital"
        code = demonym_of(m.group(1))
        city = gaz.capital(code) if isinstance(code, str) else None
        if city is not None and not any(t.start < m.end() and m.start() < t.end for t in out):
            out.append(Toponym(m.start(), m.end(), m.group(), city.name, city.lat, city.lon,
                               city.id, city.country_code, "populated", city.admin1, 6.0,
                               city.feature_code, reasons=(f"the capital, {city.name}",)))
    return sorted(out, key=lambda t: t.start)


def _quarter(t: Toponym, town: Toponym) -> Toponym:
    """``t`` as a quarter of ``town``: at the town's point, named "X, Town"."""
    return replace(t, name=f"{t.text}, {town.name}", lat=town.lat, lon=town.lon,
                   country_code=town.country_code, admin1=town.admin1, kind="populated",
                   feature_code=OFFSET_CODE, place_id=f"offset:{t.text}, {town.name}",
                   reasons=(*t.reasons, f"a quarter of {town.name}"))


def _other_place(quarter: Toponym, town: Toponym) -> bool:
    """Whether the gazetteer's place read for a quarter of ``town`` is another place of
    that name: in another country, or a town too far from ``town`` to be part of it."""
    return quarter.country_code != town.country_code or (
        quarter.kind == town.kind == "populated"
        and geodesic((quarter.lat, quarter.lon), (town.lat, town.lon)).km > _QUARTER_KM)


def _country_part(text: str, t: Toponym, gaz: Gazetteer) -> Toponym:
    """A country after a compass word is that part of it ("northern Iraq", "north-eastern
    Syria", "central Somalia"): the point of that third of its outline, still a country
    mention (feature code ``COUNTRY_PART_CODE``)."""
    m = _PART_BEFORE.search(text, max(0, t.start - 25), t.start) if t.kind == "country" \
        and t.feature_code != COUNTRY_PART_CODE else None
    if m is None:
        return t
    word = m.group(1).lower()
    north, east = (0, 0) if word == "central" else compass_signs(word)
    point = gaz.country_part(t.country_code or "", north, east)
    if point is None:
        return t
    return replace(t, name=f"{word} {t.name}", lat=point[0], lon=point[1],
                   feature_code=COUNTRY_PART_CODE, reasons=(*t.reasons, f"{word} part"))


_PART_BEFORE = re.compile(r"\b((?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?"
                          r"|central)\s+$", re.IGNORECASE)
_IN_AREA = re.compile(r",?\s+(?:in|(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:of|in))\s+(?:the\s+)?"
                      r"(?:(?:north|south|east|west|central)[\w-]*\s+)?", re.IGNORECASE)


def _described(text: str, toponyms: list[Toponym], k: int, at: int, p: Point,
               km: float) -> Toponym | None:
    """The listed town whose position the distance phrase at ``at`` (``km`` from
    ``toponyms[k]``, to the point ``p``) describes, as its apposition ("Chernihiv, about
    130 km north-east of Kyiv"), if the gazetteer puts it there (within a third of the
    distance, else it is another town of that name)."""
    before = next((q for q in reversed(toponyms[:k]) if q.end <= at), None)
    if before is None or before.kind != "populated" or before.feature_code in {
            UNLISTED_CODE, OFFSET_CODE} or not _APPOSITION.fullmatch(text[before.end : at]):
        return None
    off = geodesic((p.latitude, p.longitude), (before.lat, before.lon)).km
    return before if off <= km / 3 + 10 else None


def _outside_the_named_area(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """A town the text puts in a country or province that does not hold the gazetteer's
    town of that name ("the town of Palma in northern Mozambique": not Palma, Spain) is an
    unlisted town of that area, located at the area (every mention of it; at the province
    when one is named: "Palma, in Cabo Delgado province")."""
    moved: dict[str, Toponym] = {}
    for t, nxt in pairwise(toponyms):
        if t.kind == "populated" and nxt.kind in {"country", "adm1"} and nxt.country_code \
                and nxt.country_code != t.country_code and _IN_AREA.fullmatch(
                    text, t.end, nxt.start) and (t.place_id not in moved or (
                    nxt.kind == "adm1" and moved[t.place_id].kind == "country")):
            name = f"{t.text}, {nxt.name}"
            moved[t.place_id] = replace(
                nxt, name=name, place_id=f"unlisted:{name}", feature_code=UNLISTED_CODE,
                reasons=(f"not {t.name} ({t.country_code}): the text puts it in {nxt.name}",))
    return [replace(moved[t.place_id], start=t.start, end=t.end, text=t.text)
            if t.place_id in moved else t for t in toponyms]


def compass_signs(word: str) -> tuple[int | None, int | None]:
    """A compass word as (north, east) signs: "north-western" is (1, -1), "southern"
    (-1, None), "east" (None, 1)."""
    rad = math.radians(_bearing(word.lower().removesuffix("ern")) or 0.0)
    return round(math.cos(rad)) or None, round(math.sin(rad)) or None


def _bearing(word: str | None) -> float | None:
    if not word:
        return None
    return _BEARINGS.get(re.sub(r"[\s-]", "", word.lower()))


def _toponym(start: int, end: int, name: str, fix: _Fix, kind_word: str) -> Toponym:
    a = fix.anchor
    return Toponym(
        start=start, end=end, text=name, name=name, lat=round(fix.lat, 5),
        lon=round(fix.lon, 5), place_id=f"unlisted:{name}", country_code=a.country_code,
        kind="populated", admin1=a.admin1, score=6.0, feature_code=UNLISTED_CODE,
        reasons=(f"unlisted {kind_word}, located {fix.how}",),
    )
