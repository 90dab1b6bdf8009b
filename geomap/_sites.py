"""Several strikes in one segment, and the figures a segment gives them.

One sentence may name several struck sites ("killed 67 people at the Westgate centre in
Nairobi ... and shot dead 28 passengers near Mandera"). These helpers of
:mod:`geomap.events` cut the segment into one stretch of text per site, give each
casualty phrase to the site it belongs to, read the date nearest each site, and find the
new sites of a casualty breakdown ("13 dead at a mosque complex outside Bahawalpur") and
of a list ("...; St Sebastian's Church in Negombo; and Zion Church in Batticaloa"), and
the draft a sentence names by its place ("The Balochistan attack came ..."), and the
target a segment names ("the headquarters of Jaish al-Adl"), and the date a segment gives
its strike (``nearest_date``, ``killed_date``). Casualty claims that the text itself doubts
("without offering any evidence") give no figures."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace
from functools import lru_cache

from geomap._clauses import (
    Segment,
    attacker_of,
    coordinated,
    date_text,
    is_subject,
    passive_strike,
    sentences,
)
from geomap._drafts import DERIVED, Draft, by_site, last_site
from geomap._forces import territory_actor
from geomap._links import linked_places
from geomap._words import dateline_town, off_datelines
from geomap.actors import ActorMention
from geomap.casualties import Casualties, find_casualties
from geomap.dates import DateRef, find_dates, find_day_offsets, shift
from geomap.gazetteer import Gazetteer
from geomap.records import Toponym

__all__ = [
    "CITY_REF", "INDEFINITE", "TRIGGER", "anchor", "blamed_before", "breakdown_sites",
    "casualties", "date_near", "deictic_place", "drop_bare_countries", "group_spans",
    "killed_date", "listed_sites", "nearest_date", "read_segment", "same_day_start", "scene_date",
    "scene_places", "share_casualties", "split_listed", "story_date", "summary_headline",
    "target_of", "toll_update", "town_in_region", "when_date",
]

TRIGGER = re.compile(  # also "police shot dead 34 miners", "South African commandos killed 42"
    r"\b(?:attack|strike|struck|bomb|shell|blast|explos|raid|barrage|launch|fire[sd]?\b|hit|pound"
    r"|firing (?:on|at|into)\b|target|missile|drone|rocket|destroy|strafe|storm|ambush|bl[eo]w up"
    r"|broke up|(?:shot|shoots?) dead (?=\d|(?:two|three|four|five|six|seven|eight|nine|ten"
    r"|dozens|scores|hundreds)\b)"
    r"|(?:commando|guerrilla|militiam[ae]n|paratrooper)(?=s?\s+(?:(?!(?:were|was|been|are|is)\b)"
    r"\w+\s+){0,2}?(?:killed|shot|massacred)\b))", re.IGNORECASE)
_YEAR_ADJECTIVE = re.compile(r"\b(?:the|a|its|their)\s+((?:19|20)\d\d)\s+(?:[\w-]+\s+)?(?:bombing|"
                             r"attack|strike|raid|massacre|shooting|explosion|siege)s?\b",
                             re.IGNORECASE)
_GATHERING = re.compile(r"\b(?:funeral|mourn\w*|vigil|rally|protest|memorial|burial)\b", re.I)
_WEEKDAY_ONLY = re.compile(r"(?:\w+ )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)

_DOUBTED = re.compile(r"\bwithout (?:offering |providing |giving )?(?:any )?evidence\b|"
                     r"\bunverified\b|\bcould not be (?:independently )?verified\b|"
                     r"\b(?:without saying|did not say|not clear) where\b|"
                     r"\bclaim(?:ed|s|ing)? (?:that )?[^.;]{0,40}\b(?:servicemen|militants|"
                     r"fighters|terrorists|commanders|troops|mercenaries)\b", re.IGNORECASE)
_TARGET = re.compile(
    r"\b(?:targeted|targeting|striking|hit|struck|landed on|attack(?:s|ed)? on|strikes? on"
    r"|attacked(?= (?:a|an|the) )|attack(?:s)? against|strikes? against|against (?=a |an |the ))"
    r"\s*(?P<t>[^,.;()—]+)", re.IGNORECASE)
_TARGET_STOP = re.compile(
    r"\s+(?:in|near|outside|during|after|which|that|with|on|as|killing|killed|kills|left|"
    r"leaving|wounding|injuring|and killed|last|"
    r"earlier|on\s+\w+day)\b.*$", re.IGNORECASE)
INDEFINITE = re.compile(r"\b(?:a|every|each|any)\s+$", re.IGNORECASE)
"""An indefinite article before a date: "on a Friday night" is no date."""


@lru_cache(maxsize=128)  # one article's segments are read along several paths
def casualties(seg_text: str) -> Casualties:
    """Casualty figures, except claims the text itself doubts ("claimed that 80 soldiers
    had died, without offering any evidence")."""
    if _DOUBTED.search(seg_text):
        return Casualties()
    return find_casualties(seg_text)


def breakdown_sites(gaz: Gazetteer, current: Draft, seg: Segment, text: str,
                     toponyms: list[Toponym], km: float) -> list[list[tuple[Toponym, int]]]:
    """Places of a casualty breakdown that are new sites of the strike being described:
    in the struck country, not already one of its places, and the strike's own place is
    no more precise than a province."""
    best = current.place
    if best is None or best[1] < 3:
        return []
    country = best[0].country_code
    places = [(t, p) for t, p in linked_places(seg, text, toponyms)
              if p <= 2 and t.country_code == country]
    if not places:
        return []
    return by_site(gaz, places, km)


def group_spans(seg: Segment, groups: list[list[tuple[Toponym, int]]]) -> list[tuple[int, int]]:
    """For several strikes in one segment, the stretch of text of each: from the end of the
    previous strike's places to the start of the next one's."""
    end = seg.start + len(seg.text)
    firsts = [min(t.start for t, _ in g) for g in groups]
    lasts = [max(t.end for t, _ in g) for g in groups]
    order = sorted(range(len(groups)), key=lambda i: firsts[i])
    spans = [(seg.start, end)] * len(groups)
    for rank, i in enumerate(order):
        lo = lasts[order[rank - 1]] if rank > 0 else seg.start
        hi = firsts[order[rank + 1]] if rank + 1 < len(order) else end
        spans[i] = (min(lo, firsts[i]), max(hi, lasts[i]))
    return spans


def share_casualties(seg: Segment, groups: list[list[tuple[Toponym, int]]],
                      cas: Casualties) -> list[Casualties | None]:
    """Each casualty phrase goes to the strike whose place is named last before it, else
    first after it ("..., with the Erbil attack killing two"; "killed 67 people at the
    Westgate centre in Nairobi ... and shot dead 28 passengers near Mandera")."""
    if len(groups) == 1:
        return [cas]
    phrases: list[list[str]] = [[] for _ in groups]
    for phrase in cas.phrases:
        found = seg.text.find(phrase)
        if found < 0:
            continue
        at = seg.start + found
        before = [(t.end, i) for i, g in enumerate(groups) for t, _ in g if t.end <= at]
        after = [(t.start, i) for i, g in enumerate(groups) for t, _ in g if t.start >= at]
        owner = max(before)[1] if before else (min(after)[1] if after else 0)
        phrases[owner].append(phrase)
    return [casualties(" ; ".join(p)) if p else None for p in phrases]


def date_near(piece: str, offset: int, group: list[tuple[Toponym, int]],
               pub: dt.date | None) -> DateRef | None:
    """The date in ``piece`` closest to the group's place ("last November ... near Mandera")."""
    dates = [d for d in find_dates(date_text(piece), pub)
             if not INDEFINITE.search(piece, 0, d.start)]
    if not dates:
        return None
    at = min(t.start for t, _ in group) - offset
    return min(dates, key=lambda d: min(abs(d.start - at), abs(d.end - at)))


def listed_sites(seg: Segment, text: str, toponyms: list[Toponym],
                  made_here: list[Draft]) -> list[tuple[Toponym, int]]:
    """Towns of a list that goes on after a strike of the same sentence, in its country and
    not yet among its places: each is a strike of its own."""
    first = made_here[0].place if made_here else None
    if first is None:
        return []
    taken = {t.place_id for d in made_here for t, _ in d.places}
    return [(t, p) for t, p in linked_places(seg, text, toponyms)
            if p <= 2 and t.kind == "populated" and t.place_id not in taken
            and t.country_code == first[0].country_code][:1]


def anchor(seg: Segment, text: str, toponyms: list[Toponym],
            drafts: list[Draft]) -> Draft | None:
    """The draft a non-strike segment names by place ("The Balochistan attack came")."""
    end = seg.start + len(seg.text)
    for t in toponyms:
        if seg.start <= t.start and t.end <= end:
            for d in drafts:
                if any(p.place_id == t.place_id for p, _ in d.places):
                    return d
    return None


CITY_REF = re.compile(r"\bthe (?:city|town|village|capital)\b", re.IGNORECASE)
_TOWN_OF = re.compile(r"\bthe (?:[\w-]+ ){0,2}(?:city|town|village) of\s+$", re.IGNORECASE)


def deictic_place(seg: Segment, toponyms: list[Toponym], sentence_start: int,
                  text: str) -> list[tuple[Toponym, int]]:
    """The place a strike segment points back to: "There he shot dead 69", "It was here
    that gunmen ambushed" (the last town, island or airport named before), "the city centre"
    (the last town named earlier in the sentence: "The city of Belgorod ... the city centre";
    not the town filed from for "JERUSALEM, March 22 - ... the town of Karameh"), "on the
    town" (the last town, when the sentence before named it "the town of Halabja")."""
    if re.match(r"\s*(?:There|Here|It was (?:here|there))\b(?!\s+(?:was|were|is|are|has|have"
                r"|had|will|would|could|seems?|appears?|remains?)\b)", seg.text):  # not "There was"
        there = [t for t in toponyms if t.end <= seg.start
                 and t.kind in {"populated", "feature", "airport", "adm2"}]
        return [(there[-1], 1)] if there else []
    city = CITY_REF.search(seg.text)
    if city is not None:
        named = re.match(r" of [A-Z]", seg.text[city.end() :])  # "the town of Karameh"
        site = last_site([t for t in (off_datelines(text, toponyms) if named else toponyms)
                          if not is_subject(text, t) or _TOWN_OF.search(
                              text, max(0, t.start - 40), t.start)],  # not "Abu Dhabi confirmed
                         seg.start + city.start())  # strikes near the city" ("the city of X")
        if site is not None and (site.start >= sentence_start or (
                sentence_start - site.end < 300
                and _TOWN_OF.search(text, max(0, site.start - 40), site.start))):
            return [(site, 1)]
    return []


def town_in_region(drafts: list[Draft], toponyms: list[Toponym], text: str) -> None:
    """A strike placed only in a province whose sentences name one town of that province
    is in that town, approximately ("Bali Bombing Toll Passes 180 as Investigators Search
    Kuta Ruins": Kuta, precision 2)."""
    for d in drafts:
        best = d.place
        if best is None or best[1] < 3 or best[0].kind != "adm1":
            continue
        said = " ".join(d.texts)
        towns = {t.place_id: t for t in toponyms if t.kind == "populated"
                 and t.admin1 == best[0].name and t.text in said and not is_subject(text, t)}
        if len(towns) == 1:
            d.places.append((next(iter(towns.values())), 2))


def target_of(seg_text: str, places: tuple[str, ...] = ()) -> str | None:
    """The claimed or actual target: "the headquarters of Jaish al-Adl", "a mosque".

    A phrase that names one of ``places`` (the location) is not a target.
    """
    for m in _TARGET.finditer(seg_text):
        target = _TARGET_STOP.sub("", m.group("t")).strip(" “”\"'")
        if target.lower().startswith(("by ", "its ", "their ")) or any(
                p in target for p in places):
            continue
        target = re.sub(r"[“”\"]", "", target)
        target = re.sub(r"^(?:the|a|an)\s+", "", target, flags=re.IGNORECASE)
        words = target.split()
        if not words or len(words) > 12:
            continue
        if all(w[:1].isupper() for w in words) and len(words) <= 3:
            continue  # a bare place or country name is the location, not a target
        return target
    return None


_BLAMED_BEFORE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:blamed|accused)\s+(?P<who>[^.;]{2,60}?)\s+(?:for|of)\s+"
    r"(?:\w+\s+){0,3}?(?:strikes|attacks|raids|bombings|incidents)\b", re.IGNORECASE)


def blamed_before(drafts: list[Draft], text: str, actors: list[ActorMention]) -> None:
    """"Sudan has blamed Israel for similar strikes before. In April last year a car was
    destroyed by a missile ...": the unattributed strikes of the next three sentences are
    the blamed actor's."""
    if _BLAMED_BEFORE.search(text) is None:
        return  # the common case, answered in one pass
    for index, (start, end) in enumerate(sentences(text)):
        m = _BLAMED_BEFORE.search(text, start, end)
        if m is None:
            continue
        who = [a for a in actors if m.start("who") <= a.start and a.end <= m.end("who")]
        if not who:
            continue
        for d in drafts:
            if not d.attackers and index < d.seen <= index + 3:
                d.attackers.append(who[0])


_TOLL_UPDATE = re.compile(r"\b(?:toll|number of (?:dead|deaths))\b[^.;]{0,80}?\b(?:risen|rose|"
                          r"climbed|reached|jumped|passed)\b", re.IGNORECASE)


def toll_update(text: str) -> bool:
    """Whether the text updates a toll ("By Saturday the death toll had risen to 21"): its
    date is the report's, not the strike's."""
    return bool(_TOLL_UPDATE.search(text))


def summary_headline(text: str, end: int, places: list[tuple[Toponym, int]]) -> bool:
    """A headline (a first line) that sums up strikes in several regions or countries
    joined in one list ("31 Dead in Texas and Ohio"): the body tells each strike."""
    if "\n" not in text[end : end + 2]:
        return False
    broad = [t for t, p in places if p >= 3]  # and a town listed with a province:
    named = [t for t, _ in places]  # "Pre-Dawn Strikes Kill 47 in Khost and Kunar"
    return any(a.name != b.name and (coordinated(text, a, b) or coordinated(text, b, a))
               for a in named for b in broad)


def when_date(before: str, published: dt.date | None) -> DateRef | None:
    """The date of a "when" clause, from the clause before it: the date right before the
    comma ("since February 2003, when a car bomb ...") or the one that opens it ("In
    October, a gunman tried to storm the synagogue and, when its door held, shot ...")."""
    dates = find_dates(before, published)
    if dates and len(before.rstrip(" ,")) - dates[-1].end <= 2:
        return dates[-1]
    return dates[0] if dates and dates[0].start <= 3 else None


_SAME_DAY_START = re.compile(r"\s*(?:hours|minutes|moments) later\b|\s*later (?:that|the same) "
                             r"(?:day|night|evening|morning)\b|\s*(?:at|on|in|during) the same "
                             r"(?:hour|time|day|night|evening|morning|afternoon)\b"
                             r"|[^,.;]{0,60}?\bthen (?:bombed|struck|hit|attacked|fired|shelled"
                             r"|launched|raided)\b", re.IGNORECASE)


def same_day_start(before: str, seg_text: str) -> bool:
    """Whether a segment opens on the day of the strike told last: "Hours after the air
    raid, a roadside bomb hit ..." (``before`` is "Hours"), "Hours later, Eritrean aircraft
    struck Mekele", "Iranian F-4 Phantoms then bombed ...", "At the same hour jets bombed"."""
    return bool(re.fullmatch(r"\s*(?:Hours|Minutes|Moments|Shortly)\s*", before)
                or _SAME_DAY_START.match(seg_text))


def split_listed(text: str, groups: list[list[tuple[Toponym, int]]]
                 ) -> list[list[tuple[Toponym, int]]]:
    """Towns listed in one phrase are one strike each, however close ("Russian jets hit the
    towns of Rastan, Talbiseh and Zafaraneh"); the wider places stay with every town."""
    out: list[list[tuple[Toponym, int]]] = []
    for g in groups:
        towns = sorted(((t, p) for t, p in g if p == 1 and t.kind == "populated"),
                       key=lambda tp: tp[0].start)
        gaps = [text[a.end : b.start] for (a, _), (b, _) in itertools.pairwise(towns)
                if a.place_id != b.place_id and coordinated(text, a, b)]
        listed = bool(gaps) and (any(re.search(r"\band\b", gap) for gap in gaps) or bool(
            re.match(r",?\s+and\s+[A-Z]", text[towns[-1][0].end :])))  # not "Miraflores, Lima"
        if not listed:
            out.append(g)
            continue
        rest = [(t, p) for t, p in g if p > 1]
        firsts = {t.place_id: (t, p) for t, p in reversed(towns)}
        out.extend([tp, *rest] for tp in sorted(firsts.values(), key=lambda tp: tp[0].start))
    return out


def scene_places(before: Segment, text: str, toponyms: list[Toponym]
                 ) -> list[tuple[Toponym, int]]:
    """The places of the clause a "when" or "a day after" strike is told from: those it ties
    ("travelling along a road in Marib when ..."), else the towns it names, even as its
    subject ("Sarajevo buried its dead on Sunday, a day after a mortar bomb exploded ...")."""
    tied = _this_town(before, text, toponyms, linked_places(before, text, toponyms))
    end = before.start + len(before.text)
    return tied or [(t, 2) for t in toponyms
                    if before.start <= t.start and t.end <= end and t.kind == "populated"]


def _this_town(seg: Segment, text: str, toponyms: list[Toponym],
               places: list[tuple[Toponym, int]]) -> list[tuple[Toponym, int]]:
    """The town the story was filed from for "in this city" ("SUZANO - Families in this
    working-class city on the edge of greater Sao Paulo"), not the place describing it."""
    here = _THIS_TOWN.search(seg.text)
    filed = dateline_town(text, [t for t in toponyms if t.kind == "populated"]) if here else None
    if here and filed and all(t.start > seg.start + here.start() for t, _ in places):
        return [(filed, 1)]
    return places


_CLAIMED_ON = re.compile(
    r"\b(?:said|says|announced|claimed|reported)\s+(?P<when>on\s+\w+(?:\s+\w+)?)\s+that\s+"
    r"(?:it|they|its (?:\w+ ){0,3}?(?:forces|jets|drones|units))\s+had\s+(?:\w+\s+)?"
    r"(?:struck|hit|attacked|targeted|bombed|shelled|carried out|launched|destroyed)\b",
    re.IGNORECASE)


_THIS_TOWN = re.compile(r"\b(?:in|of|at) this (?:[\w-]+ ){0,2}(?:city|town|village)\b", re.I)
_THAT_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?(?:that|the same) year\b", re.IGNORECASE)
_A_YEAR = re.compile(r"(?<![\w$£€#.,/-])((?:19|20)\d\d)(?![\w-])")
_DAY_PART = re.compile(r"(?:overnight|today|tonight|yesterday|(?:this|last|early|late) (?:morning"
                       r"|evening|night|afternoon)|(?:before|at) dawn)", re.IGNORECASE)


@lru_cache(maxsize=128)
def nearest_date(seg: Segment, pub: dt.date | None) -> DateRef | None:
    """The date nearest to a strike word ("mourning on Sunday for ... Friday evening's
    attack" -> Friday), not of speaking ("said on Wednesday"), a toll update ("rose to 22 on
    Monday") or indefinite ("on a Friday night"); without publication date, absolute only."""
    dates = [d for d in find_dates(date_text(seg.text), pub) if not INDEFINITE.search(
        seg.text, 0, d.start) and not toll_update(seg.text[: d.start])]
    if not dates:
        claim = _CLAIMED_ON.search(seg.text)  # "said on Sunday that it had struck 41 aircraft"
        if claim is not None:  # (find_dates reads "... the previous evening" as the day before)
            said = [d for d in find_dates(seg.text[claim.start("when") :], pub)
                    if d.precision == "day"]
            if said:
                return replace(said[0], phrase=DERIVED)
        year = _YEAR_ADJECTIVE.search(seg.text)  # "the 1998 bombing of the US embassy"
        return DateRef(year.group(1), "year", year.start(1), year.end(1), year.group(1),
                       False) if year else None
    triggers = [m.start() for m in TRIGGER.finditer(seg.text)] or [0]
    calendar = any(d.precision == "day" and not _WEEKDAY_ONLY.fullmatch(d.phrase)
                   and not _DAY_PART.fullmatch(d.phrase) for d in dates)  # not "overnight"
    order = {"day": 0, "month": 1, "year": 2}
    return min(dates, key=lambda d: (  # "on 15 March" says more than "Friday prayers"
        calendar and bool(_WEEKDAY_ONLY.fullmatch(d.phrase)), order[d.precision],
        min(abs(d.start - t) for t in triggers), d.start))


def killed_date(seg: Segment, pub: dt.date | None) -> DateRef | None:
    """The date of "On Saturday, 16 soldiers were killed", not of "mourners gathered on
    Monday for the funeral of children killed": the date must lead the casualty clause."""
    date = nearest_date(seg, pub)
    kill = re.search(r"\b(?:killed|died|dead|wounded|injured)\b", seg.text)
    if date is None or kill is None or kill.start() - date.end > 40 or _GATHERING.search(
            seg.text, date.end, kill.start()):
        return None
    return date


def story_date(drafts: list[Draft]) -> None:
    """A strike the text gives no date, told after the article's first dated strike of a
    day and by the same attacker (or an unnamed one), is taken as of that day: "In Raqqa,
    strikes hit the governor's building" in a story of "strikes early on Tuesday"."""
    first = next((i for i, d in enumerate(drafts) if d.dates), None)
    day = drafts[first].date if first is not None else None
    if first is None or day is None or day.precision != "day":
        return
    for d in drafts[first + 1 :]:
        if not d.dates and not d.derived and d.attacker_country in {
                None, drafts[first].attacker_country}:
            d.derived.append(replace(day, phrase=DERIVED))


def scene_date(drafts: list[Draft], text: str, pub: dt.date | None) -> None:
    """A strike still undated takes the day the sentence after (or before) its first one
    gives, when that is the only day it gives ("a grenade attack at a rally ... The crowd
    filled Meskel Square on Saturday morning"), counted from it if it opens with "A day
    earlier" (then only the sentence before counts)."""
    undated = [d for d in drafts if not (d.dates or d.derived) and d.evidence]
    spans = [" ".join(text[s:e].split()) for s, e in sentences(text)] if undated else []
    for d in [d for d in undated if d.evidence[0] in spans]:
        k = first = spans.index(d.evidence[0])
        lead = [n for a, _, n in find_day_offsets(spans[k]) if a == 0]  # "A day earlier, ..."
        while k + 1 < len(spans) and spans[k + 1] in d.evidence:
            k += 1  # a sentence of its own gave it no day: its day is another's (the patrol's)
        for near in (first - 1,) if lead else (k + 1, first - 1):
            days = [x for x in find_dates(date_text(spans[near]), pub) if x.precision == "day"
                    ] if 0 <= near < len(spans) else []
            if days and len({x.value for x in days}) == 1:
                day = shift(days[0], lead[0]) if lead else days[0]
                d.derived.append(replace(day, phrase=DERIVED))
                break


def drop_bare_countries(drafts: list[Draft]) -> list[Draft]:
    """A strike placed only in a country, with no attacker, date or figure, says nothing a
    map could show: "bombers ... on a long detour around France and Spain"."""
    return [d for d in drafts if d.attackers or d.dates or d.derived or d.casualties
            or any(p < 4 for _, p in d.places)]


_GROUP_COREF = re.compile(r"\b(?:the|this) group(?:(?:’s|'s) (?:\w+ ){0,2}?(?:fighters|militants"
                          r"|gunmen|members|bombers?|suicide|men|forces|drones?|attacks?|bombings?"
                          r")|(?!’s|'s))\b"
                          r"|\bthe militants (?=(?:\w+ ){0,2}(?:attack|storm|struck|fired|kill"
                          r"|opened|launch|detonat|set off|blew))", re.IGNORECASE)  # not "capital"
_SIMULTANEOUS = re.compile(r"(?:came|happened|occurred|struck) as|as|while|during", re.IGNORECASE)
_COMPASS = re.compile(r"(?:north|south|east|west|central)\w*\s+$", re.IGNORECASE)


def first_attacker(seg: Segment, text: str, actors: list[ActorMention]) -> ActorMention | None:
    """The attacker of the first strike word of ``seg`` that has one."""
    return next((a for m in TRIGGER.finditer(seg.text)
                 if (a := attacker_of(seg, text, actors, seg.start + m.start())) is not None),
                None)


def read_segment(
    seg: Segment, text: str, toponyms: list[Toponym],
    actors: list[ActorMention], pub: dt.date | None, previous: Draft | None,
    clause_date: DateRef | None = None,
) -> tuple[list[tuple[Toponym, int]], ActorMention | None, DateRef | None]:
    """A strike segment's places, attacker and date: the first strike word with an actor
    before it, "the group" for the armed group last named, the tied places (a country is
    no site of its own attacker's strike), and the date, counted from the event before
    when the connector says so ("a day after", "came as")."""
    attacker = first_attacker(seg, text, actors)
    if attacker is None and _GROUP_COREF.search(seg.text) and not passive_strike(seg.text):
        groups = [a for a in actors if a.kind == "group" and a.end <= seg.start]
        attacker = groups[-1] if groups else None
    places = linked_places(seg, text, toponyms)
    if attacker is not None and attacker.country_code:
        places = [(t, p) for t, p in places
                  if not (p == 4 and t.country_code == attacker.country_code)]
    places = [(t, 3 if p == 4 and _COMPASS.search(text[max(0, t.start - 20) : t.start]) else p)
              for t, p in places]
    places = _this_town(seg, text, toponyms, places)
    origin = territory_actor(seg.text) if attacker is None else None
    if origin is not None and any(t.country_code != origin.country_code for t, _ in places):
        attacker = origin  # "the guns had fired from Ugandan territory at ... North Kivu"
    date = nearest_date(seg, pub)
    if date is not None and date.relative and date.precision == "month" and _THAT_YEAR.match(
            seg.text, date.end) and (years := _A_YEAR.findall(text, 0, seg.start)):
        date = replace(date, value=years[-1] + date.value[4:], relative=False)  # "August that year"
    offsets = [(a, b, -n if re.search(r"after|before", seg.connector or "") else n)
               for a, b, n in find_day_offsets(seg.connector or "")]  # "X, a month later Y"
    if date is None and offsets and (previous is None or previous.date is None) \
            and clause_date is not None:
        date = replace(shift(clause_date, offsets[0][2]), phrase=DERIVED)  # "Friday, a day after"
    if previous is not None and previous.date is not None and date is None:
        if offsets:  # "X came a day after Y": Y is a day before X
            date = replace(shift(previous.date, offsets[0][2]), relative=True, phrase=DERIVED)
        elif seg.connector and _SIMULTANEOUS.match(seg.connector):
            date = replace(previous.date, phrase=DERIVED)  # "the explosion came as ..."
    return places, attacker, date
