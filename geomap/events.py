"""Strike events from one article: who struck where, when, with what, how many died.

How an event is read (each step is a rule a reviewer can check against the evidence):

1. The article is cut into sentences, and each sentence into segments at connectors that
   introduce another event ("a day after", "in retaliation to", "amid", "follows").
2. A segment speaks of a strike when it has a strike word and a word of violence
   (weapon, casualty, target); habitual or hypothetical statements ("frequently
   targets", "could") are left out.
3. In a strike segment: the places tied to the strike (after "on", "at", "in", "near",
   "targeted", or modifying the strike noun: "the Erbil attack"); the attacker (a
   modifier "Iranian drones", a subject "Iran launched", an agent "by the IRGC", or
   "the group" for the armed group last named); the date (resolved against the
   publication date; "a day after X" counts back from X's date); casualties, weapons
   and the target.
4. Places in several countries joined in one list ("at Erbil ... and northeastern
   Syria") make one event each. A segment with no place adds to the event it refers to
   ("the strikes", "one of the missiles") or, for "the border region", takes the last
   province named.
5. Segments about the same strike become one event: same attacker country (or unknown),
   one place inside the other or within ``merge_km``, compatible dates (an undated report
   is taken as recent: within 30 days before publication).
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from dataclasses import dataclass, field, replace

from geomap._clauses import (
    Segment,
    attacker_of,
    blamed_actor,
    coordinated,
    date_text,
    has_strike,
    is_generic,
    linked_places,
    origin_places,
    segments,
    sentences,
    target_of,
    weak_strike,
)
from geomap.actors import ActorMention, country_code, country_name, demonym_country, find_actors
from geomap.casualties import Casualties, event_type_hint, find_casualties, find_weapons
from geomap.dates import DateRef, best_date, find_dates, find_day_offsets, shift
from geomap.gazetteer import Gazetteer, haversine_km, load_gazetteer
from geomap.records import Article, Event, Source, Toponym

__all__ = ["Draft", "compatible_dates", "drafts_to_events", "extract_events", "read_drafts"]

logger = logging.getLogger(__name__)

_ANAPHOR = re.compile(
    r"\b(?:the|that|those|these|this|its|their|one of the|both)\s+(?:\w+\s+)?"
    r"(?:attacks?|strikes?|missiles?|drones?|rockets?|bombing|raids?|explosions?|blasts?)\b",
    re.IGNORECASE,
)
_THAT = re.compile(r"\bthat (?:strike|attack|bombing|raid|blast|explosion)\b", re.IGNORECASE)
_GROUP_COREF = re.compile(r"\b(?:the|this) group(?:’s|'s)?\b|\bthe militants\b", re.IGNORECASE)
_TRIGGER = re.compile(r"\b(?:attack|strike|struck|bomb|shell|blast|explos|raid|barrage|launch"
                      r"|fire[sd]?\b|hit|pound|target|missile|drone|rocket)", re.IGNORECASE)
_SAME_PLACE = re.compile(r"\bthe same (?:junction|site|spot|square|street|market|place|building"
                         r"|city|town|village|area)\b", re.IGNORECASE)
_DERIVED = "(counted from another event)"
_ACCIDENT = re.compile(r"\b(?:accident(?:al|ally)?|ammonium nitrate|gas leak|negligence|"
                      r"industrial disaster|stored (?:unsafely|for years))\b", re.IGNORECASE)
_STRIKE_WORD = re.compile(r"\b(?:attack\w*|strikes?|struck|bomb\w*|blasts?|explosions?|"
                          r"exploded|shelling|raids?|missiles?|drones?|rockets?)\b",
                          re.IGNORECASE)
_EXPLOSION_ONLY = re.compile(r"blasts?|explosions?|exploded")
_CELEBRATION = re.compile(r"\binto the air\b|\bin celebration\b|\bcelebratory\b|\bfireworks\b",
                          re.IGNORECASE)
_GATHERING = re.compile(r"\b(?:funeral|mourn\w*|vigil|rally|protest|memorial|burial)\b",
                        re.IGNORECASE)
_INDEFINITE = re.compile(r"\b(?:a|every|each|any)\s+$", re.IGNORECASE)
_SPORT = re.compile(r"\b(?:goalkeeper|penalty|penalties|shootout|striker|midfielder|defender|"
                    r"free kick|scored|equaliser|equalizer|hat-trick|extra time|added time|"
                    r"semi-final|final whistle|match|tournament|innings|wicket)\b", re.IGNORECASE)
_POLICE = re.compile(r"\b(?:shot|killed|gunned down)(?: dead)? by (?:\w+ ){0,2}police\b|"
                     r"\bpolice (?:shot|killed)\b[^,.;]*", re.IGNORECASE)
_LABOUR = re.compile(
    r"\b(?:doctors|workers|nurses|teachers|staff|union|unions|rail|railway|hunger|general|"
    r"labou?r|dock|postal|miners)[’']?s?[’']? strikes?\b|\bstrikes? (?:action|ballots?|pay)\b"
    r"|\b(?:\w+-day|week-long|day-long|national|nationwide) strike\b"
    r"|\bstrikes? by (?:junior |hospital |rail |transport )?(?:doctors|workers|nurses|staff)\b"
    r"|\b(?:on|went on|go on|going on) strike\b|\bstriking (?:workers|doctors|staff)\b",
    re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(r"(?:\w+ )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
                           re.IGNORECASE)
_SIMULTANEOUS = re.compile(r"(?:came|happened|occurred|struck) as|as|while|during", re.IGNORECASE)
_DOUBTED = re.compile(r"\bwithout (?:offering |providing |giving )?(?:any )?evidence\b|"
                     r"\bunverified\b|\bcould not be (?:independently )?verified\b",
                     re.IGNORECASE)
_REGION_REF = re.compile(r"\bthe (?:border )?(?:region|area|province)\b", re.IGNORECASE)
_CAUSE = re.compile(r".*(?:retaliat|retribut|response|reprisal|punishment|revenge|answered"
                    r"|avenging)", re.IGNORECASE)
_COMPASS = re.compile(r"(?:north|south|east|west|central)\w*\s+$", re.IGNORECASE)
RECENT_DAYS = 30
_KIND_RANK = {"populated": 0, "airport": 0, "feature": 1, "adm2": 2, "adm1": 3, "country": 4}


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
        ("the Qandil mountains" before "northern Iraq"), then the first named."""
        return min(self.places, key=lambda p: (p[1], _KIND_RANK.get(p[0].kind, 5))
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


def _overlaps(value: str, lo: str, hi: str) -> bool:
    n = len(value)
    return lo[:n] <= value <= hi[:n]


_WIDE = frozenset({"SEA", "GULF", "STRT", "RGN", "MTS", "PEN"})
WIDE_KM = 400.0


def _near(gaz: Gazetteer, d: Draft, t: Toponym, km: float) -> bool:
    for p, _ in d.places:
        # a sea or a region is wide: a town on its shore can be the same strike
        radius = WIDE_KM if _WIDE & {p.feature_code, t.feature_code} else km
        if p.place_id == t.place_id or haversine_km(p.lat, p.lon, t.lat, t.lon) <= radius:
            return True
        a, b = gaz.get(p.place_id), gaz.get(t.place_id)
        if a is not None and b is not None and (gaz.contains(a, b) or gaz.contains(b, a)):
            return True
    return False


def read_drafts(article: Article, toponyms: list[Toponym], gazetteer: Gazetteer | None = None,
                merge_km: float = 60.0) -> list[Draft]:
    """Read the strike drafts of one article (see the module doc for the rules)."""
    gaz = gazetteer or load_gazetteer()
    text, pub = article.text, article.date
    actors = find_actors(text)
    drafts: list[Draft] = []
    current: Draft | None = None  # the event the article is talking about
    latest: Draft | None = None  # the event named last (it may be a cause)
    last_made: list[Draft] = []
    pending: list[tuple[str, Casualties]] = []  # figures read before any event (headline)
    for index, (s, e) in enumerate(sentences(text)):
        sentence_text = " ".join(text[s:e].split())
        previous: Draft | None = None
        made_here: list[Draft] = []
        clause_date: DateRef | None = None  # "before dawn on Friday after explosions ..."
        clause_end = 0
        parts = segments(text, index, s, e)
        carry: Casualties | None = None  # "16 soldiers were killed | when militants stormed"
        for k, seg in enumerate(parts):
            blamed = blamed_actor(seg, text, actors)
            if not has_strike(seg.text) or is_generic(seg.text) or _not_a_strike(seg):
                nxt = parts[k + 1] if k + 1 < len(parts) else None
                cas_here = _casualties(seg.text)
                if nxt is not None and nxt.connector in {"when", ", when"} and (
                        cas_here.killed is not None or cas_here.injured is not None):
                    carry = cas_here
                    clause_date = _killed_date(seg, pub)
                    clause_end = len(seg.text.rstrip())
                    continue
                previous = _anchor(seg, text, toponyms, drafts) or previous
                clause_date = _nearest_date(seg, pub)
                clause_end = len(seg.text.rstrip())
                if current is None and not is_generic(seg.text) and not _not_a_strike(seg):
                    cas = _casualties(seg.text)
                    if cas.killed is not None or cas.injured is not None:
                        pending.append((sentence_text, cas))
                if current is not None and not is_generic(seg.text):
                    focus = latest if latest is not None and _THAT.search(seg.text) else current
                    cas = _casualties(seg.text)
                    if cas.none_reported and cas.killed is None and len(last_made) > 1:
                        for made in last_made:  # "No one was killed." after two sites
                            _add(made, sentence_text, seg.text, cas=cas)
                        continue
                    _follow_up(gaz, focus, drafts, seg, text, toponyms, blamed,
                               sentence_text, merge_km, pub, index)
                continue
            places, attacker, date = _read_segment(seg, text, toponyms, actors, pub, previous)
            attacker = attacker or blamed
            if carry is not None and seg.connector in {"when", ", when"}:
                date = date or clause_date
            if date is None and seg.connector in {"after", "following"}:
                date = clause_date  # the clause before "after" dates what it follows
            elif date is None and seg.connector == ", when" and clause_date is not None \
                    and clause_end - clause_date.end <= 2:
                date = clause_date  # "since February 14, when a suicide car bomber ..."
            cas = _casualties(seg.text)
            if carry is not None and cas.killed is None and cas.injured is None:
                cas, carry = carry, None
            place_names = tuple(t.text for t in toponyms
                                if seg.start <= t.start < seg.start + len(seg.text))
            if not places:
                refs = last_made if re.search(r"\b(?:those|these|both)\b", seg.text) else (
                    [latest] if latest is not None and _THAT.search(seg.text) else
                    [current] if current is not None else [])
                if seg.connector and _CAUSE.match(seg.connector):
                    refs = []
                refs = [r for r in refs if (r.date is None or compatible_dates(r.date, date, pub))
                        and (attacker is None
                             or r.attacker_country in {None, attacker.country_code})]
                if not refs and date is not None and _ANAPHOR.search(seg.text):
                    # "the explosion last Sunday": the dated event it fits, not the last one
                    refs = [r for r in reversed(drafts) if r.date is not None
                            and compatible_dates(r.date, date, pub)][:1]
                if not refs and _REGION_REF.search(seg.text):
                    region = _last_region(toponyms, seg.start)
                    if region is not None:
                        places = [(region, 3)]
                elif not refs and _SAME_PLACE.search(seg.text):
                    site = _last_site(toponyms, seg.start)  # "the same junction"
                    if site is not None:
                        places = [(site, 1)]
            if not places:
                if refs:
                    targets = _split_targets(target_of(seg.text, place_names), len(refs))
                    for r, target in zip(refs, targets, strict=True):
                        _add(r, sentence_text, seg.text, attacker, date, cas, target)
                        r.seen = index
                    previous = refs[-1]
                elif attacker is not None or cas.killed or cas.injured:
                    # a strike whose place comes in a later sentence ("The blast happened
                    # ... in Przewodów")
                    fresh = Draft(seen=index)
                    drafts.append(fresh)
                    _add(fresh, sentence_text, seg.text, attacker, date, cas,
                         target_of(seg.text, place_names))
                    current = previous = fresh
                    made_here.append(fresh)
                continue
            groups = [site for g in _by_country(text, places, attacker)
                      for site in _by_site(gaz, g, merge_km)]
            target = target_of(seg.text, place_names)
            taken: list[Draft] = []  # two sites of one sentence are two strikes
            for group in groups:
                placeless = current if current not in taken and current is not None \
                    and current.seen >= index - 1 else None  # its place is told next
                d = _match(gaz, [x for x in drafts if x not in taken], group, attacker, date,
                           pub, merge_km, placeless)
                if d is None:
                    d = Draft(seen=index)
                    drafts.append(d)
                    if attacker is None and taken and _ANAPHOR.search(seg.text):
                        # "The missiles struck the air base ... and a facility near Erbil"
                        d.attackers.extend(taken[0].attackers)
                        d.dates.extend(taken[0].dates if date is None else ())
                share = cas if len(groups) == 1 or _owns_casualties(group, groups, seg) else None
                _add(d, sentence_text, seg.text, attacker, date, share, target, group)
                d.origins.extend(origin_places(seg, text, toponyms))
                taken.append(d)
                made_here.append(d)
                previous = latest = d
                if current is None or not (seg.connector and _CAUSE.match(seg.connector)):
                    current = d  # a cause ("in retaliation for X") is not what follows is about
        if made_here:
            last_made = made_here
    if drafts and pending and not drafts[0].casualties:
        for sentence, cas in pending:
            _add(drafts[0], sentence, "", cas=cas)
    _place_the_unplaced(drafts, toponyms, text)
    _inherit_attackers(drafts)
    if _ACCIDENT.search(text):  # an explosion the article explains as an accident
        drafts = [d for d in drafts if d.attackers or d.weapons or not d.texts or not all(
            _EXPLOSION_ONLY.fullmatch(w.lower()) for w in _STRIKE_WORD.findall(d.texts[0]))]
    return drafts


def _place_the_unplaced(drafts: list[Draft], toponyms: list[Toponym], text: str) -> None:
    """A strike read without a place ("the suicide bombing at the airport's Abbey Gate")
    happened where the article is: its most-named town (precision 2, approximate)."""
    towns = [t for t in toponyms if t.kind in {"populated", "airport"}]
    if not towns:
        return
    counts: dict[str, int] = {}
    for t in towns:
        counts[t.place_id] = counts.get(t.place_id, 0) + 1
    focus = max(towns, key=lambda t: (counts[t.place_id], -t.start))
    for d in drafts:  # only a strike the text dates to a day or month, or counts
        if not d.places and (any(x.precision != "year" for x in (*d.dates, *d.derived)) or any(
                c.killed or c.injured for c in d.casualties)):
            d.places.append((focus, 2))


def _inherit_attackers(drafts: list[Draft]) -> None:
    """An unattributed strike in a country that one attacker country alone is striking
    in this article is taken as that attacker's ("Russian missiles hit Chernihiv ...
    last month a strike on Odesa killed 20")."""
    for d in drafts:
        place = d.place
        if d.attackers or place is None:
            continue
        others = {a.country_code for o in drafts if o is not d and o.place is not None
                  and o.place[0].country_code == place[0].country_code
                  for a in o.attackers}
        if len(others) == 1 and None not in others:
            source = next(o for o in drafts if o is not d and o.attackers
                          and o.attacker_country in others)
            d.attackers.append(next(a for a in source.attackers if a.country_code))


def _casualties(seg_text: str) -> Casualties:
    """Casualty figures, except claims the text itself doubts ("claimed that 80 soldiers
    had died, without offering any evidence")."""
    if _DOUBTED.search(seg_text):
        return Casualties()
    return find_casualties(seg_text)


def _follow_up(gaz: Gazetteer, current: Draft, drafts: list[Draft], seg: Segment, text: str,
               toponyms: list[Toponym], blamed: ActorMention | None, sentence: str,
               km: float, pub: dt.date | None, index: int) -> None:
    """A sentence without a full strike that adds to the event before it: who is blamed,
    a place ("among the places hit"), casualties ("No deaths were reported")."""
    if blamed is not None and not current.attackers and (
            _ANAPHOR.search(seg.text) or current.seen >= index - 1):
        _add(current, sentence, seg.text, attacker=blamed)  # "Armenia blamed Azerbaijani forces"
    origin = _territory(seg.text)
    if origin is not None and not current.attackers and weak_strike(seg.text):
        _add(current, sentence, seg.text, attacker=origin)  # "fired on from Armenian territory"
    cas = _casualties(seg.text)
    places = linked_places(seg, text, toponyms)
    date = best_date(date_text(seg.text), pub)
    if date is not None and date.precision != "year" and not current.dates \
            and weak_strike(seg.text):
        current.dates.append(date)  # "The blast happened on Tuesday afternoon ..."
    if places and weak_strike(seg.text):
        added = False
        for t, p in places:
            if p >= 4:
                continue
            # the event this place refines: the current one, else a recent one
            home = next((d for d in [current, *reversed(drafts)] if _refines(gaz, d, t, km)),
                        None)
            if home is not None:
                _add(home, sentence, seg.text, cas=cas if home is current else None,
                     places=[(t, p)])
                added = True
        if added:
            return
    if (cas.killed is not None or cas.injured is not None or cas.none_reported) and not (
            _not_a_strike(seg) or any(t.country_code not in {q.country_code for q, _ in
                                                           current.places}
                                     for t, _ in places)):
        _add(current, sentence, seg.text, cas=cas)


def _refines(gaz: Gazetteer, d: Draft, t: Toponym, km: float) -> bool:
    """Whether ``t`` makes ``d``'s place more precise: no place yet, a country-level place
    of the same country, or a place it lies in or near ("among the places hit ... Kobani"
    refines "northern Syria"; "the envoy was in Kabul" does not refine "Paktika")."""
    best = d.place
    if best is None:
        return True
    place, _ = best
    if place.kind == "country" or (place.kind == "feature" and place.feature_code in _WIDE):
        return place.country_code == t.country_code or _near(gaz, Draft(places=[best]), t, km)
    return _near(gaz, Draft(places=[best]), t, km)  # the best place, not its country


_TERRITORY = re.compile(r"\bfrom (?:the )?(\w+) (?:territory|soil|side of the border)\b",
                        re.IGNORECASE)


def _territory(seg_text: str) -> ActorMention | None:
    """The state whose territory a strike came from ("fired on from Armenian territory")."""
    m = _TERRITORY.search(seg_text)
    if m is None:
        return None
    code = demonym_country(m.group(1)) or country_code(m.group(1))
    if not code:
        return None
    return ActorMention(m.start(1), m.end(1), m.group(1), country_name(code) or code, code, "state")


def _not_a_strike(seg: Segment) -> bool:
    """A casualty sentence about something else (an earthquake, a statement)."""
    return bool(re.search(r"\b(?:earthquakes?|quakes?|aftershocks?|floods?|storms?|cyclones?|"
                          r"hurricanes?|landslides?|wildfires?|epidemic|disease)\b", seg.text,
                          re.IGNORECASE)) or bool(_LABOUR.search(seg.text)) or (
        bool(_POLICE.search(seg.text)) and not has_strike(_POLICE.sub(" ", seg.text))) or bool(
        _SPORT.search(seg.text)) or bool(_CELEBRATION.search(seg.text))


def _read_segment(
    seg: Segment, text: str, toponyms: list[Toponym],
    actors: list[ActorMention], pub: dt.date | None, previous: Draft | None,
) -> tuple[list[tuple[Toponym, int]], ActorMention | None, DateRef | None]:
    attacker = None
    for m in _TRIGGER.finditer(seg.text):  # the first strike word with an actor before it
        attacker = attacker_of(seg, text, actors, seg.start + m.start())
        if attacker is not None:
            break
    if attacker is None and _GROUP_COREF.search(seg.text):
        groups = [a for a in actors if a.kind == "group" and a.end <= seg.start]
        attacker = groups[-1] if groups else None
    places = linked_places(seg, text, toponyms)
    if attacker is not None and attacker.country_code:
        places = [(t, p) for t, p in places
                  if not (p == 4 and t.country_code == attacker.country_code)]
    places = [(t, 3 if p == 4 and _COMPASS.search(text[max(0, t.start - 20) : t.start]) else p)
              for t, p in places]
    date = _nearest_date(seg, pub)
    offsets = find_day_offsets(seg.connector or "")
    if previous is not None and previous.date is not None and date is None:
        if offsets:  # "X came a day after Y": Y is a day before X
            date = replace(shift(previous.date, -offsets[0][2]), relative=True, phrase=_DERIVED)
        elif seg.connector and _SIMULTANEOUS.match(seg.connector):
            date = replace(previous.date, phrase=_DERIVED)  # "the explosion came as ..."
    return places, attacker, date


def _nearest_date(seg: Segment, pub: dt.date | None) -> DateRef | None:
    """The date nearest to a strike word ("mourning on Sunday for ... Friday evening's
    attack" -> Friday); dates of speaking ("said on Wednesday") are left out. Without a
    publication date only absolute dates are read."""
    dates = [d for d in find_dates(date_text(seg.text), pub)
             if not _INDEFINITE.search(seg.text, 0, d.start)]  # "on a Friday night"
    if not dates:
        return None
    triggers = [m.start() for m in _TRIGGER.finditer(seg.text)] or [0]
    calendar = any(d.precision == "day" and not _WEEKDAY_ONLY.fullmatch(d.phrase) for d in dates)
    order = {"day": 0, "month": 1, "year": 2}
    return min(dates, key=lambda d: (  # "on 15 March" says more than "Friday prayers"
        calendar and bool(_WEEKDAY_ONLY.fullmatch(d.phrase)), order[d.precision],
        min(abs(d.start - t) for t in triggers), d.start))


def _killed_date(seg: Segment, pub: dt.date | None) -> DateRef | None:
    """The date of "On Saturday, 16 soldiers were killed", not of "mourners gathered on
    Monday for the funeral of children killed": the date must lead the casualty clause."""
    date = _nearest_date(seg, pub)
    kill = re.search(r"\b(?:killed|died|dead|wounded|injured)\b", seg.text)
    if date is None or kill is None or kill.start() - date.end > 40 or _GATHERING.search(
            seg.text, date.end, kill.start()):
        return None
    return date


def _anchor(seg: Segment, text: str, toponyms: list[Toponym],
            drafts: list[Draft]) -> Draft | None:
    """The draft a non-strike segment names by place ("The Balochistan attack came")."""
    end = seg.start + len(seg.text)
    for t in toponyms:
        if seg.start <= t.start and t.end <= end:
            for d in drafts:
                if any(p.place_id == t.place_id for p, _ in d.places):
                    return d
    return None


def _last_region(toponyms: list[Toponym], before: int) -> Toponym | None:
    regions = [t for t in toponyms if t.end <= before and t.kind in {"adm1", "feature"}]
    return regions[-1] if regions else None


def _last_site(toponyms: list[Toponym], before: int) -> Toponym | None:
    sites = [t for t in toponyms if t.end <= before and t.kind in {"populated", "airport"}]
    return sites[-1] if sites else None


def _by_country(text: str, places: list[tuple[Toponym, int]],
                attacker: ActorMention | None) -> list[list[tuple[Toponym, int]]]:
    """One group of places per struck country when the text lists several countries
    ("at Erbil ... and northeastern Syria"); otherwise the group of the most specific
    place ("registered in Liberia, struck ... off the port of Aden" is one strike)."""
    groups: dict[str | None, list[tuple[Toponym, int]]] = {}
    for t, p in places:
        groups.setdefault(t.country_code, []).append((t, p))
    if len(groups) > 1 and attacker is not None and attacker.country_code in groups:
        del groups[attacker.country_code]  # "Iranian missiles from Iran at Erbil"
    if len(groups) <= 1:
        return list(groups.values())
    ordered = sorted(places, key=lambda tp: tp[0].start)
    listed = any(a.country_code != b.country_code and coordinated(text, a, b)
                 for (a, _), (b, _) in itertools.pairwise(ordered))
    if listed:
        return list(groups.values())
    best = min((tp for g in groups.values() for tp in g), key=lambda tp: (tp[1], tp[0].start))
    return [groups[best[0].country_code]]


def _by_site(gaz: Gazetteer, group: list[tuple[Toponym, int]],
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


def _owns_casualties(group: list[tuple[Toponym, int]], groups: list[list[tuple[Toponym, int]]],
                     seg: Segment) -> bool:
    """With several events in one segment, the casualties go to the place named last
    before the casualty words ("..., with the Erbil attack killing ...")."""
    m = re.search(r"\b(?:kill|dead|died|death|wound|injur)", seg.text, re.IGNORECASE)
    if m is None:
        return False
    at = seg.start + m.start()
    best = max((t.start for g in groups for t, _ in g if t.start < at), default=None)
    return best is not None and any(t.start == best for t, _ in group)


def _split_targets(target: str | None, n: int) -> list[str | None]:
    if n <= 1:
        return [target] * n
    parts = [p.strip() for p in re.split(r"\s+and\s+", target)] if target else []
    if len(parts) == n:
        return list(parts)
    return [target] * n


def _match(gaz: Gazetteer, drafts: list[Draft], group: list[tuple[Toponym, int]],
           attacker: ActorMention | None, date: DateRef | None, pub: dt.date | None,
           km: float, current: Draft | None) -> Draft | None:
    cc = attacker.country_code if attacker is not None else None
    if (current is not None and not current.places and compatible_dates(current.date, date, pub)
            and (cc is None or current.attacker_country in {None, cc})):
        return current  # the place of a strike read in the sentence before
    for d in reversed(drafts):
        if cc and d.attacker_country and d.attacker_country != cc:
            continue
        if attacker is not None and attacker.country_code is None and d.attackers and not any(
                a.name == attacker.name for a in d.attackers):
            continue
        if not compatible_dates(d.date, date, pub):
            continue
        if any(_near(gaz, d, t, km) for t, _ in group):
            return d
    return None


def _add(d: Draft, sentence: str, seg_text: str, attacker: ActorMention | None = None,
         date: DateRef | None = None, cas: Casualties | None = None, target: str | None = None,
         places: list[tuple[Toponym, int]] | None = None) -> None:
    if sentence not in d.evidence:
        d.evidence.append(sentence)
    d.texts.append(seg_text)
    if attacker is not None:
        d.attackers.append(attacker)
    if date is not None:
        (d.derived if date.phrase == _DERIVED else d.dates).append(date)
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
        cc = d.attacker_country
        # struck outside the attacker's own country: another country, or at sea
        cross = bool(cc and cc != place.country_code)
        origin = d.origins[0] if d.origins else None
        origin_place = gaz.get(f"cc:{cc}") if cc and origin is None else None
        killed = [c for c in d.casualties if c.killed is not None]
        injured = [c.injured for c in d.casualties if c.injured is not None]
        none = any(c.none_reported for c in d.casualties) and not killed
        date = d.date
        hint = event_type_hint(" ".join(d.texts))
        others = sorted({t.text for t, _ in d.places if t.place_id != place.place_id})
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
        short = force.text if force.text.isupper() and len(force.text) <= 6 else force.name
        return f"{country_name(cc) or cc} ({short})"
    if cc:
        return country_name(cc) or cc
    return d.attackers[0].name


def _confidence(d: Draft, precision: int) -> float:
    score = 0.4 + 0.1 * min(len(d.evidence), 3)
    score += 0.1 if d.attackers else 0.0
    score += 0.1 if d.dates else 0.0
    score -= 0.05 * (precision - 1)
    return round(max(0.1, min(0.95, score)), 2)


def extract_events(article: Article, toponyms: list[Toponym],
                   gazetteer: Gazetteer | None = None, merge_km: float = 60.0) -> list[Event]:
    """The strike events of one article, from its resolved place mentions."""
    gaz = gazetteer or load_gazetteer()
    return drafts_to_events(article, read_drafts(article, toponyms, gaz, merge_km), gaz)
