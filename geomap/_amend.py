"""Amending drafts already read: what a sentence without a full strike adds to the event
before it (blame, a place, a toll), and the passes run once an article is read (a
placeless draft folded into the one placed draft, unplaced strikes placed where the
article is, a total dropped for its parts).

Private helpers of :mod:`geomap.events`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from geomap._clauses import Segment, date_text, is_subject, weak_strike
from geomap._drafts import Draft, add_to, compatible_dates, refines
from geomap._forces import territory_actor
from geomap._links import linked_places, said_there, site_told_before
from geomap._senses import not_a_strike
from geomap._sites import casualties, nearest_date, toll_update
from geomap._unlisted import OFFSET_CODE
from geomap._words import dateline_town
from geomap.actors import ActorMention
from geomap.dates import best_date
from geomap.gazetteer import Gazetteer
from geomap.records import Toponym

__all__ = ["ANAPHOR", "drop_totals", "fold_headline", "fold_placeless", "follow_up",
           "place_the_unplaced"]

ANAPHOR = re.compile(
    r"\b(?:the|that|those|these|this|its|their|one of the|both)\s+(?:\w+\s+)?"
    r"(?:attacks?|strikes?|missiles?|drones?|rockets?|bombing|raids?|explosions?|blasts?)\b",
    re.IGNORECASE,
)
_LOCATED = re.compile(r"\s*(?:The|Its|Their) (?:[\w-]+ )?(?:camps?|bases?|targets?|sites?|compound"
                      r"|facility|depot|village|area) (?:lay|lies|lie|is|are|was|were|sits?|sat)"
                      r"(?: located| situated)? (?:about |some |roughly |around |nearly )?\d")

_UNKNOWN_SITE = re.compile(r"\b(?:on|near|outside) (?:the )?(?-i:[A-Z])[\w’'-]+ (?:island|village"
                           r"|hamlet|camp|valley|peninsula)|\b(?:island|village|hamlet) of "
                           r"(?-i:[A-Z])", re.IGNORECASE)  # a site the gazetteer lacks: not
# the town filed from ("struck late on Sunday on Badmadow island, near Ras Kamboni")
_ON_SITE = re.compile(r"\b(?:on|at|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$")  # "fell on
# the provincial town of Lao Cai", not "a police box in Osaka"
_WORST_SINCE = re.compile(r"\b(?:worst|deadliest|bloodiest|biggest|largest)\b[^.;]{0,60}\bsince\b"
                          r"[^.;]*?\b(?:killed|killing|died|dead)\b", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\b(?:has|have) been killed\b"  # a war's toll, or part of the dead
                         r"|\b(?:has|have) killed (?:tens of |hundreds of )?thousands\b"
                         r"|\b(?:war|conflict|insurgency|uprising|fighting|violence)\b[^.;]{0,40}?"
                         r"\b(?:has|have) (?:killed|left|claimed)\b"
                         r"|\b(?:burial|funerals?) of \w+ of the dead\b"
                         r"|\b(?:has|have) since (?:\w+ ){0,4}?killed\b"
                         r"|\b(?:killed|died) (?:across|throughout|all over) the country\b"
                         r"|\bduring the (?:[\w-]+ ){0,2}(?:campaign|war|offensive|conflict)\b",
                         re.IGNORECASE)

def follow_up(gaz: Gazetteer, current: Draft, drafts: list[Draft], seg: Segment, text: str,
               toponyms: list[Toponym], blamed: ActorMention | None, sentence: str,
               km: float, pub: dt.date | None, index: int) -> None:
    """A sentence without a full strike that adds to the event before it: who is blamed,
    a place ("among the places hit", "The camps lay about 45 km south-west of Sirte"),
    casualties ("No deaths were reported")."""
    moved = [t for t in toponyms if seg.start <= t.start < seg.start + len(seg.text)
             and t.feature_code == OFFSET_CODE] if _LOCATED.match(seg.text) else []
    if moved and (current.place is None or current.place[1] >= 3):
        add_to(current, sentence, seg.text, places=[(moved[0], 2)])
        return
    if blamed is not None and not current.attackers and (
            ANAPHOR.search(seg.text) or current.seen >= index - 1 or current is drafts[-1]):
        add_to(current, sentence, seg.text, attacker=blamed)  # "Armenia blamed Azerbaijani forces"
    origin = territory_actor(seg.text)
    if origin is not None and not current.attackers and weak_strike(seg.text):
        add_to(current, sentence, seg.text, attacker=origin)  # "fired on from Armenian territory"
    cas = casualties(seg.text)
    places = linked_places(seg, text, toponyms)
    own = nearest_date(seg, pub)
    if own is not None and current.date is not None and not compatible_dates(
            current.date, own, pub) and not toll_update(seg.text):
        return  # "the deadliest since the 1998 bombing of the US embassy in Nairobi"
    date = best_date(date_text(seg.text), pub)
    if date is not None and date.precision != "year" and not current.dates \
            and weak_strike(seg.text) and seg.connector not in {"after", "following"}:
        current.dates.append(date)  # "The blast happened on Tuesday afternoon ..."
    told = _told_sites(current, places, index, toponyms, text)
    if told:  # "Chinese forces invaded Vietnam ... The heaviest blows fell on Lao Cai"
        places = told
    if places and (weak_strike(seg.text) or told) and not not_a_strike(seg.text):
        added = False
        for t, p in places:
            if p >= 4:
                continue
            # the event this place refines: the current one, else a recent one
            home = next((d for d in [current, *reversed(drafts)] if refines(gaz, d, t, km)),
                        None)
            if home is None and told and added:  # "on Lao Cai, ..., and on Dong Dang": a
                home = Draft(attackers=current.attackers[:1], dates=current.dates[:1],
                             derived=current.derived[:1], seen=index)  # strike at each
                drafts.append(home)
            if home is not None:
                add_to(home, sentence, seg.text, cas=cas if home is current else None,
                     places=[(t, p)])
                added = True
        if added:
            return
    elsewhere = text.startswith("since", seg.start + len(seg.text.rstrip()) + 1) or bool(
        _CUMULATIVE.search(seg.text) and not ANAPHOR.search(seg.text)) or bool(
        _WORST_SINCE.search(seg.text))  # a war's toll; "the worst ... since a man killed eight"
    struck = {q.country_code for q, _ in current.places}
    foreign = any(t.country_code not in struck for t, _ in places)  # figures of another country
    if (cas.killed is not None or cas.injured is not None or cas.none_reported) and not (
            elsewhere or foreign or not_a_strike(seg.text)):
        add_to(current, sentence, seg.text, cas=cas)


def _told_sites(current: Draft, places: list[tuple[Toponym, int]], index: int,
                toponyms: list[Toponym], text: str) -> list[tuple[Toponym, int]]:
    """The towns a sentence right after a strike told without a town ties to it ("Chinese
    forces invaded Vietnam", then "the heaviest blows fell on Lao Cai, ... and on Dong
    Dang"): in the country struck, named in the strike's own words, not the attacker's."""
    if (current.place is not None and current.place[1] < 4) or current.seen < index - 1:
        return []
    told = " ".join(current.texts)
    struck = {t.country_code for t in toponyms if t.kind == "country"
              and re.search(rf"\b{re.escape(t.text)}\b", told)}
    return [(t, p) for t, p in places if p < 4 and t.country_code in struck
            and t.country_code != current.attacker_country
            and _ON_SITE.search(text, max(0, t.start - 40), t.start)]


def fold_placeless(drafts: list[Draft]) -> list[Draft]:
    """A strike read without any place ("Massacre as Toll Reaches 57", "he led the
    gunmen") is the one strike the article places, when that one has no figures, no
    other attacker country and no other date ("up a hill near Ampatuan, where the
    passengers were shot"): the two become one."""
    placeless = [d for d in drafts if not d.places]
    placed = [o for o in drafts if o.places]
    if len(placeless) != 1 or len(placed) != 1:
        return drafts
    d, o = placeless[0], placed[0]
    if o.casualties or o.attacker_country != d.attacker_country or (
            o.date is not None and d.date is not None and o.date.value != d.date.value):
        return drafts
    for x in ("attackers", "dates", "casualties", "targets", "origins", "derived"):
        getattr(o, x).extend(getattr(d, x))
    o.weapons.extend(w for w in d.weapons if w not in o.weapons)
    o.evidence[:0] = [e for e in d.evidence if e not in o.evidence]
    o.texts[:0] = d.texts
    return [x for x in drafts if x is not d]


def place_the_unplaced(drafts: list[Draft], toponyms: list[Toponym], text: str) -> None:
    """A strike read without a place ("the suicide bombing at the airport's Abbey Gate"), or
    only in the country ("the deadliest in Pakistan"), happened where the article is: by
    the town another sentence puts its site by ("the mosque"), else, if the story was filed
    from its most-named town ("KABUL - "), or if the strike is dated or counted, that town
    (precision 2, approximate)."""
    site_told_before(drafts, text, toponyms)  # "the mosque", put near Pattani elsewhere
    towns = [t for t in toponyms if t.kind in {"populated", "airport"}
             and not is_subject(text, t) and not said_there(text, t)]  # not "Pyongyang
    # denies any role", "In Washington, officials declined to discuss the raid"
    if not towns:
        return
    counts = Counter(t.place_id for t in towns)
    focus = max(towns, key=lambda t: (counts[t.place_id], -t.start))
    filed = dateline_town(text, towns)  # "KABUL - ": filed from there
    for d in drafts:  # only a strike the text dates to a day or month, or counts
        own = d.attacker_country == focus.country_code and any(  # not Israeli jets on Safed,
            a.kind != "group" for a in d.attackers if a.country_code)  # nor on Jerusalem filed
        if not d.places and any(_UNKNOWN_SITE.search(x) for x in d.texts):
            continue
        if not d.places and filed is not None and filed.place_id == focus.place_id and not (
                own and {"aircraft", "artillery"} & set(d.weapons)):  # (but soldiers on Lagos)
            d.places.append((focus, 2))  # a strike told nowhere else, in the town filed from
            continue
        if all(p == 4 and t.country_code == focus.country_code for t, p in d.places) and (any(
                x.precision != "year" for x in (*d.dates, *d.derived)) or any(
                c.killed or c.injured for c in d.casualties)) and not own:
            d.places.append((focus, 2))


def drop_totals(drafts: list[Draft]) -> list[Draft]:
    """A draft whose dead equal the sum of two or more other drafts' dead, which give no
    other date, is their total ("sentenced for killing 77 people ... on 22 July": 8 in Oslo
    and 69 on Utøya): it is dropped and its date and attackers go to the parts. A draft's
    toll that is its own other count plus the dead of the other strikes of its day ("two
    bombs ... killing at least nine": three in Hyde Park, six in Regent's Park) is the
    day's total: the draft keeps its own count."""
    def dead(d: Draft) -> int | None:
        return max(_dead(d), default=None)

    for d in drafts:
        counts = sorted(_dead(d))
        day = d.date.value if d.date is not None and d.date.precision == "day" else None
        others = [dead(o) or 0 for o in drafts if o is not d and dead(o) and o.date is not None
                  and o.date.value == day]
        if len(counts) > 1 and others and counts[-1] == counts[0] + sum(others):
            d.casualties = [c for c in d.casualties if c.killed != counts[-1]]
    for whole in drafts:
        total = dead(whole)
        parts = [d for d in drafts if d is not whole and dead(d) and d.date is None]
        if total is None or len(parts) < 2 or sum(dead(d) or 0 for d in parts) != total:
            continue
        for d in parts:
            d.derived.extend(whole.dates[:1])
            d.attackers.extend(a for a in whole.attackers if not d.attackers)
        return [d for d in drafts if d is not whole]
    return drafts


def fold_headline(drafts: list[Draft]) -> list[Draft]:
    """The headline's own strike ("Twin Bombs Kill 22 in Market of Christian Town in
    Sulawesi") is the one strike of the body with the same dead in the same country: one
    event, at the body's more precise place."""
    for h in drafts:
        dead = _dead(h)
        if len(h.evidence) != 1 or not h.evidence[0].startswith("#") or h.place is None \
                or not dead:
            continue
        same = [d for d in drafts if d is not h and d.place is not None
                and d.place[0].country_code == h.place[0].country_code and dead & _dead(d)]
        if len(same) == 1 and (place := same[0].place) is not None and place[1] <= h.place[1]:
            body = same[0]
            body.evidence[:0] = h.evidence
            body.texts[:0] = h.texts
            body.attackers.extend(h.attackers if not body.attackers else ())
            return [d for d in drafts if d is not h]
    return drafts


def _dead(d: Draft) -> set[int]:
    """The death counts told for a draft."""
    return {c.killed for c in d.casualties if c.killed}
