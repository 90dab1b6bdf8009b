"""Drafts: strike events being assembled from one article's segments, and their records.

Private helper of :mod:`geomap.events`: the mutable :class:`Draft`, the rules that decide
whether a segment continues a draft (compatible dates, one place inside or near the other),
and the conversion of drafts to :class:`geomap.records.Event`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from geomap._clauses import coordinated
from geomap._unlisted import COUNTRY_PART_CODE
from geomap.actors import ActorMention, country_name
from geomap.casualties import Casualties, event_type_hint, find_weapons
from geomap.dates import DateRef
from geomap.gazetteer import Gazetteer, haversine_km, load_gazetteer
from geomap.records import Article, Event, Source, Toponym

__all__ = [
    "AUTHORITY_SINCE",
    "DERIVED",
    "GROUP_WEAPONS",
    "RECENT_DAYS",
    "WIDE",
    "WIDE_KM",
    "Draft",
    "add_to",
    "another_day",
    "by_country",
    "by_site",
    "compatible_dates",
    "drafts_to_events",
    "is_gang",
    "last_region",
    "last_site",
    "match_draft",
    "may_add_to",
    "near",
    "refines",
    "report_dates",
    "split_targets",
]


DERIVED = "(counted from another event)"


RECENT_DAYS = 30


_KIND_RANK = {"populated": 0, "airport": 0, "feature": 1, "adm2": 2, "adm1": 3, "country": 4}
_SITE_CODES = frozenset({"CMP"})  # "the Maghazi refugee camp in central Gaza": the camp


@dataclass
class Draft:
    """An event being assembled from the segments of one article."""

    places: list[tuple[Toponym, int]] = field(default_factory=list)
    attackers: list[ActorMention] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    casualties: list[Casualties] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    origins: list[Toponym] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    derived: list[DateRef] = field(default_factory=list)  # counted from another event
    seen: int = 0  # the last sentence it was read in

    @property
    def attacker_country(self) -> str | None:
        """The attacker's country, if any attacker was named."""
        return next((a.country_code for a in self.attackers if a.country_code), None)

    @property
    def place(self) -> tuple[Toponym, int] | None:
        """The most specific place: lowest precision, then the smaller kind of place
        (a camp before its town, "the Qandil mountains" before "northern Iraq"), then the
        first named."""
        return min(self.places, key=lambda p: (p[1], -1 if p[0].feature_code in _SITE_CODES
                                                else _KIND_RANK.get(p[0].kind, 5))
                   ) if self.places else None

    @property
    def date(self) -> DateRef | None:
        """The most precise date read for the event."""
        order = {"day": 0, "month": 1, "year": 2}
        dates = self.dates or self.derived  # what the text says beats what was counted
        return min(dates, key=lambda d: order[d.precision]) if dates else None


def compatible_dates(a: DateRef | None, b: DateRef | None, published: dt.date | None,
                     days: int = 1) -> bool:
    """Whether two dates can be the same strike (an undated report is taken as recent)."""
    if a is None and b is None:
        return True
    if a is None or b is None:
        known = a or b
        assert known is not None
        if published is None:
            return True
        lo = (published - dt.timedelta(days=RECENT_DAYS)).isoformat()
        return _overlaps(known.value, lo, published.isoformat())
    if a.precision == "day" and b.precision == "day":
        da, db = dt.date.fromisoformat(a.value), dt.date.fromisoformat(b.value)
        return abs((da - db).days) <= days
    short = min(len(a.value), len(b.value))
    return a.value[:short] == b.value[:short]


def report_dates(a: DateRef | None, b: DateRef | None, published: dt.date | None) -> bool:
    """Whether report ``b`` can be of strike ``a`` by date: as :func:`compatible_dates`, but
    a date counted from another event ("a day earlier") allows no day either side."""
    return compatible_dates(a, b, published, 0 if b is not None and b.phrase == DERIVED else 1)


def _overlaps(value: str, lo: str, hi: str) -> bool:
    n = len(value)
    return lo[:n] <= value <= hi[:n]


WIDE = frozenset({"SEA", "GULF", "STRT", "PEN"})  # seas; regions vary too much in size


WIDE_KM = 400.0


def near(gaz: Gazetteer, d: Draft, t: Toponym, km: float, sites_only: bool = False) -> bool:
    """Whether ``t`` is at or near ``d``'s place, or in or around it; a town or ``sites_only``
    ("also hit the area around Tal Abyad") is compared with ``d``'s most precise places only."""
    best = min((p for _, p in d.places), default=4)  # a town: with sites or provinces alone
    sited = (sites_only or t.kind == "populated") and best <= 3
    for p, precision in d.places:
        if sited and precision > max(best, 2):
            continue
        # a sea or a region is wide: a town on its shore can be the same strike
        radius = WIDE_KM if WIDE & {p.feature_code, t.feature_code} else km
        if precision <= 2 and p.kind == t.kind == "populated" and p.country_code and \
                t.country_code and p.country_code != t.country_code:
            continue  # towns on either side of a border are two strikes: Safed, Nabatieh
        if p.place_id == t.place_id or haversine_km(p.lat, p.lon, t.lat, t.lon) <= radius:
            return True
        a, b = gaz.get(p.place_id), gaz.get(t.place_id)
        if a is not None and b is not None and (gaz.contains(a, b) or gaz.contains(b, a)):
            return True
    return False


GROUP_WEAPONS = frozenset({"small arms", "suicide bomb", "car bomb", "IED", "landmines"})


def is_gang(text: str) -> bool:
    """Whether the weapons of ``text`` are a group's (guns, suicide vests, car bombs; plain
    bombs too) and none a state's (missiles, artillery, aircraft)."""
    return _gang(set(find_weapons(text)))


def _gang(weapons: set[str]) -> bool:
    weapons = weapons - {"bombs"}
    return bool(weapons) and weapons <= GROUP_WEAPONS


def refines(gaz: Gazetteer, d: Draft, t: Toponym, km: float) -> bool:
    """Whether ``t`` makes ``d``'s place more precise: no place yet, a country-level place
    of the same country, or a place it lies in or near ("among the places hit ... Kobani"
    refines "northern Syria"; "the envoy was in Kabul" does not refine "Paktika")."""
    best = d.place
    if best is None:
        return True
    place, _ = best
    if place.kind == "country" or (place.kind == "feature" and place.feature_code in WIDE):
        return place.country_code == t.country_code or near(gaz, Draft(places=[best]), t, km)
    return near(gaz, Draft(places=[best]), t, km)  # the best place, not its country


def last_region(toponyms: list[Toponym], before: int) -> Toponym | None:
    regions = [t for t in toponyms if t.end <= before and t.kind in {"adm1", "feature"}]
    return regions[-1] if regions else None


def last_site(toponyms: list[Toponym], before: int) -> Toponym | None:
    sites = [t for t in toponyms if t.end <= before and t.kind in {"populated", "airport"}]
    return sites[-1] if sites else None


_STRUCK_AGAIN = re.compile(r"\band\b[^;]*?\b(?:jets|planes|warplanes|aircraft|bombers|drones"
                           r"|missiles|forces|troops|artillery|warships) (?:\w+ )?(?:struck|hit"
                           r"|bombed|attacked|shelled|raided|pounded)\b", re.IGNORECASE)


def by_country(text: str, places: list[tuple[Toponym, int]],
                attacker: ActorMention | None) -> list[list[tuple[Toponym, int]]]:
    """One group of places per struck country when the text lists several countries
    ("at Erbil ... and northeastern Syria"); otherwise the group of the most specific
    place ("registered in Liberia, struck ... off the port of Aden" is one strike)."""
    groups: dict[str | None, list[tuple[Toponym, int]]] = {}
    for t, p in places:
        groups.setdefault(t.country_code, []).append((t, p))
    if (len(groups) > 1 and attacker is not None and attacker.kind != "group"
            and attacker.country_code in groups):
        del groups[attacker.country_code]  # "Iranian missiles from Iran at Erbil"
    if len(groups) <= 1:
        return list(groups.values())
    ordered = sorted(places, key=lambda tp: tp[0].start)
    listed = any(a.country_code != b.country_code and (coordinated(text, a, b) or bool(
        _STRUCK_AGAIN.search(text, a.end, b.start))) for (a, _), (b, _) in itertools.pairwise(
        ordered))  # "... and on Saturday morning Indian jets struck the airfield at Dacca"
    if listed:
        return list(groups.values())
    best = min((tp for g in groups.values() for tp in g), key=lambda tp: (tp[1], tp[0].start))
    return [groups[best[0].country_code]]


def by_site(gaz: Gazetteer, group: list[tuple[Toponym, int]],
             km: float) -> list[list[tuple[Toponym, int]]]:
    """Sites of one country far apart are separate strikes ("the Ain al-Asad air base in
    Anbar and a facility near Erbil"); a place and the province it lies in stay one."""
    sites: list[list[tuple[Toponym, int]]] = []
    for t, p in sorted(group, key=lambda tp: tp[1]):
        for site in sites:
            s0 = site[0][0]
            a, b = gaz.get(s0.place_id), gaz.get(t.place_id)
            if p >= 3 or haversine_km(s0.lat, s0.lon, t.lat, t.lon) <= km or (
                    a is not None and b is not None and (gaz.contains(a, b) or gaz.contains(b, a))):
                site.append((t, p))
                break
        else:
            sites.append([(t, p)])
    return sorted(sites, key=lambda site: min(t.start for t, _ in site))


def split_targets(target: str | None, n: int) -> list[str | None]:
    if n <= 1:
        return [target] * n
    parts = [p.strip() for p in re.split(r"\s+and\s+", target)] if target else []
    if len(parts) == n:
        return list(parts)
    return [target] * n


def match_draft(gaz: Gazetteer, drafts: list[Draft], group: list[tuple[Toponym, int]],
           attacker: ActorMention | None, date: DateRef | None, pub: dt.date | None,
           km: float, current: Draft | None, sites_only: bool = False,
           gang: bool = False, killed: int | None = None) -> Draft | None:
    """The draft a strike segment adds to: ``current`` when it has no place yet, else the
    latest draft with a compatible attacker and date near one of ``group``'s places (or of
    the same day and still unplaced), or a headline's with the same dead (``killed``) that
    names only the country of a village the gazetteer lacks ("Kill at Least 100 in Night
    Raid on Burkina Faso Village"). Gunmen (``gang``) join no state's strike, nor it theirs."""
    cc = attacker.country_code if attacker is not None else None
    if (current is not None and not current.places and compatible_dates(current.date, date, pub)
            and (cc is None or current.attacker_country in {None, cc})):
        return current  # the place of a strike read in the sentence before
    for d in reversed(drafts):
        if cc and d.attacker_country and d.attacker_country != cc:
            continue
        if (attacker is None and gang and d.attacker_country) or (
                cc and not d.attackers and _gang(set(d.weapons))):
            continue  # gunmen are not a state's jets, nor the army's reprisal their massacre
        if attacker is not None and attacker.country_code is None and d.attackers and not any(
                a.name == attacker.name for a in d.attackers):
            continue
        if not report_dates(d.date, date, pub):
            continue  # "a day earlier" is another day
        if any(near(gaz, d, t, km, sites_only) or _headline_of(gaz, d, t, km, killed)
               for t, _ in group) or (not d.places and date and (
                date.precision == "day" and d.date is not None and d.date.value == date.value)):
            return d
    return None


def _headline_of(gaz: Gazetteer, d: Draft, t: Toponym, km: float, killed: int | None) -> bool:
    """Whether ``d`` is a headline's strike with ``killed`` dead that ``t`` places."""
    return d.seen == 0 and killed is not None and any(
        c.killed == killed for c in d.casualties) and refines(gaz, d, t, km)


def add_to(d: Draft, sentence: str, seg_text: str, attacker: ActorMention | None = None,
         date: DateRef | None = None, cas: Casualties | None = None, target: str | None = None,
         places: list[tuple[Toponym, int]] | None = None) -> None:
    if sentence not in d.evidence:
        d.evidence.append(sentence)
    d.texts.append(seg_text)
    if attacker is not None:
        d.attackers.append(attacker)
    if date is not None:
        (d.derived if date.phrase == DERIVED else d.dates).append(date)
    if cas is not None and (cas.killed is not None or cas.injured is not None
                            or cas.none_reported):
        d.casualties.append(cas)
    for w in find_weapons(seg_text):
        if w not in d.weapons:
            d.weapons.append(w)
    if target and target not in d.targets:
        d.targets.append(target)
    if places:
        d.places.extend(places)


AUTHORITY_SINCE = {"Taliban": "2021-08-15", "Houthis": "2014-09-21",
                   "Libyan National Army": "2014-05-16"}
"""Armed groups coded to their country (``actors.tsv``) only as its de facto authority:
the day they took the capital. A strike dated before it has no attacker country."""


_FIRED = frozenset({"missiles", "ballistic missiles", "cruise missiles", "drones", "rockets",
                    "artillery", "mortars", "loitering munitions"})


def drafts_to_events(article: Article, drafts: list[Draft],
                     gazetteer: Gazetteer | None = None) -> list[Event]:
    """Turn an article's drafts into Event records (drafts without a place are dropped)."""
    gaz = gazetteer or load_gazetteer()
    source = Source(article.id, article.title, article.date.isoformat() if article.date else None,
                    article.url)
    events = []
    for k, d in enumerate(drafts, start=1):
        best = d.place
        if best is None:
            continue
        place, precision = best
        attacker = _attacker_name(d)
        date = d.date
        cc = d.attacker_country
        group = next((a for a in d.attackers if a.name in AUTHORITY_SINCE
                      and a.country_code == cc), None)
        since = AUTHORITY_SINCE[group.name] if group is not None else ""
        if cc and group and date is not None and date.value < since[: len(date.value)]:
            cc, attacker = None, group.name  # the Taliban's 2019 car bomb: no state's
        # struck outside the attacker's own country: another country, or at sea
        origin = d.origins[0] if d.origins else None
        cross = bool(cc and cc != place.country_code) or bool(  # or a group's rockets fired
            not cc and origin and origin.country_code not in {None, place.country_code}
            and _FIRED & set(d.weapons))  # from abroad: "a rocket fired from the Gaza Strip"
        origin_place = gaz.get(f"cc:{cc}") if cc and origin is None else None
        killed = [c for c in d.casualties if c.killed is not None and not c.vague_toll]
        injured = [c.injured for c in d.casualties if c.injured is not None]
        none = any(c.none_reported for c in d.casualties) and not killed
        hint = event_type_hint(" ".join(d.texts))
        others = sorted({t.text for t, _ in d.places if t.place_id != place.place_id})
        if place.feature_code == COUNTRY_PART_CODE:
            precision = 3  # "northern Iraq": a region, not the whole country
        events.append(Event(
            id=f"{article.id}#{k}", event_type=hint or "Attack",
            date=date.value if date else None, date_precision=date.precision if date else None,
            attacker=attacker, attacker_country=cc, target="; ".join(d.targets[:2]) or None,
            location_name=place.name, location_country=place.country_code, admin1=place.admin1,
            geo_precision=precision, lat=place.lat, lon=place.lon, cross_border=cross,
            fatalities=0 if none else (max(c.killed for c in killed if c.killed is not None)
                                       if killed else None),
            fatalities_low=min((c.killed_low if c.killed_low is not None else c.killed or 0)
                               for c in killed) if killed else (0 if none else None),
            fatalities_high=max((c.killed_high if c.killed_high is not None else c.killed or 0)
                                for c in killed) if killed and all(
                c.killed_high is not None for c in killed) else (0 if none else None),
            injured=max(injured) if injured else None,
            weapons=tuple(d.weapons), sources=(source,), evidence=tuple(d.evidence),
            confidence=_confidence(d, precision),
            origin_name=origin.name if origin else (origin_place.name if origin_place else None),
            origin_lat=origin.lat if origin else (origin_place.lat if origin_place else None),
            origin_lon=origin.lon if origin else (origin_place.lon if origin_place else None),
            place_id=place.place_id,
            notes=tuple(f"also reported: {o}" for o in others),
        ))
    return events


def _attacker_name(d: Draft) -> str | None:
    if not d.attackers:
        return None
    cc = d.attacker_country
    force = next((a for a in d.attackers if a.kind == "force" and a.country_code == cc), None)
    if cc and force is not None:
        country = country_name(cc) or cc
        short = force.text if force.text.isupper() and len(force.text) <= 6 else force.name
        short = re.sub(r"^[Tt]he\s+", "", force.text) if short == country else short  # host's
        return f"{country} ({short})"
    if cc:
        return country_name(cc) or cc
    return d.attackers[0].name


def _confidence(d: Draft, precision: int) -> float:
    score = 0.4 + 0.1 * min(len(d.evidence), 3)
    score += 0.1 if d.attackers else 0.0
    score += 0.1 if d.dates else 0.0
    score -= 0.05 * (precision - 1)
    return round(max(0.1, min(0.95, score)), 2)


def another_day(r: Draft, date: DateRef | None, own_day: bool) -> bool:
    """A segment that opens with its own day ("On Monday, drones hit ...", "began on
    Sunday, when drones struck") tells another strike than a draft of another day, even
    the day next to it, or of only a year ("this year")."""
    return own_day and date is not None and r.date is not None and date.precision == "day" \
        and (r.date.precision == "year" or (r.date.precision == "day"
                                            and date.value != r.date.value))


def may_add_to(drafts: list[Draft], r: Draft, attacker: ActorMention | None,
               date: DateRef | None, pub: dt.date | None, index: int,
               anaphor: bool = False) -> bool:
    """Whether a placeless strike segment (sentence ``index``, with ``attacker`` and
    ``date``) can add to the draft ``r`` it refers to: a compatible date (or, undated, the
    same sentence: "...; the explosion wounded two", or the next one naming it: "France
    blamed Libya for the raid"), and the same attacker country, or
    ``r`` has none but a stateless alliance's (NATO's bombs, the US officials' account);
    never the struck country's own forces when another attacker strikes that country
    ("Indian Canberra bombers were in the air" adds nothing to the Pakistani raid on Agra)."""
    if not (r.date is None or report_dates(r.date, date, pub) or (
            date is None and r.seen >= index - anaphor)):
        return False
    if attacker is None:
        return True
    if r.attacker_country != attacker.country_code and any(
            a.kind == "group" or a.country_code for a in r.attackers):
        return False
    place = r.place
    if attacker.kind == "group" or place is None or r.attackers:
        return True
    home = place[0].country_code
    return not (attacker.country_code == home and any(
        o.attacker_country not in {None, home} for o in drafts
        if o.place is not None and o.place[0].country_code == home))
