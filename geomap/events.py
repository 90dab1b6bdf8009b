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
5. A strike no sentence attributes takes the attacker that alone strikes that country
   elsewhere in the article, or, for a state's weapon (missile, artillery, aircraft), the
   one foreign state force the article names ("occupied by Russian troops"), unless an
   armed group is named too. An undated strike sentence right after a dated "was hit"
   sentence ("The region was hit again early on Friday.") takes its date.
6. Segments about the same strike become one event: same attacker country (or unknown), one
   place inside the other or within ``merge_km``, compatible dates (undated: recent).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from geomap._amend import (
    ANAPHOR,
    drop_totals,
    fold_headline,
    fold_placeless,
    follow_up,
    place_the_unplaced,
)
from geomap._clauses import (
    attacker_of,
    blamed_actor,
    has_strike,
    origin_places,
    segments,
    sentences,
    weak_strike,
)
from geomap._drafts import (
    DERIVED,
    Draft,
    add_to,
    another_day,
    by_country,
    by_site,
    compatible_dates,
    drafts_to_events,
    is_gang,
    last_region,
    last_site,
    match_draft,
    may_add_to,
    split_targets,
)
from geomap._forces import inherit_attackers, same_wave, story_actors
from geomap._links import linked_places
from geomap._senses import drop_accidents, is_generic, not_a_strike
from geomap._sites import (
    CITY_REF,
    anchor,
    blamed_before,
    breakdown_sites,
    casualties,
    date_near,
    deictic_place,
    drop_bare_countries,
    first_attacker,
    group_spans,
    killed_date,
    listed_sites,
    nearest_date,
    read_segment,
    same_day_start,
    scene_date,
    scene_places,
    share_casualties,
    split_listed,
    story_date,
    summary_headline,
    target_of,
    town_in_region,
    when_date,
)
from geomap._unlisted import moved_by_text
from geomap._words import off_datelines
from geomap.casualties import Casualties
from geomap.dates import DateRef, find_dates, find_day_offsets, shift
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.records import Article, Event, Toponym
from geomap.weapons import find_weapons

__all__ = ["Draft", "compatible_dates", "drafts_to_events", "extract_events", "read_drafts"]

logger = logging.getLogger(__name__)

_THAT = re.compile(r"\bthat (?:strike|attack|bombing|raid|blast|explosion)\b", re.IGNORECASE)
_SAME_PLACE = re.compile(r"\bthe same (?:junction|site|spot|square|street|market|place|building"
                         r"|city|town|village|area)\b", re.IGNORECASE)
_COUNTRY_REF = re.compile(r"\b(?:(?:at|on|into) the|(?:at|on) (?:\w+ )?(?:cities|towns|targets)"
                          r" across the) country\b", re.IGNORECASE)
_STRIKE_NOUN_END = re.compile(r"\b(?:attack|strike|raid|barrage|bombardment|offensive)s?\b"
                              r"(?: of the war)?(?: (?:on|late on|early on) \w+day)?\s*$",
                              re.IGNORECASE)
_DEATH_ELSEWHERE = re.compile(r"\b(?:since|last year|in (?:19|20)\d\d)\b", re.IGNORECASE)
_DEATH = re.compile(r"\b(?:killed|killing|dead|died|wounded|injured|hurt|shot)\b", re.IGNORECASE)
_BREAKDOWN_ITEM = re.compile(r"\s*(?:and\s+)?(?P<n>\w+)(?:,[^,;]{1,40},)?\s+"
                             r"(?P<rest>(?:at|in|near|outside|on)\s.*)", re.DOTALL)
_WHICH_CLAUSE = re.compile(r",\s+(?:which|who)\b")  # "No one was hurt, said the mission, which
# warned that the tanker posed a danger": the warning is the mission's, not the clause's
_DAY = r"(?:\w+day|\d{1,2} (?-i:[A-Z])[a-z]+|(?-i:[A-Z])[a-z]+ \d{1,2}(?!\d))"
_FRONTED_DAY = re.compile(rf"\s*(?:(?:earlier|later) this (?:week|month),?\s+)?(?:(?:late|early) )?"
                          rf"on {_DAY}\b", re.IGNORECASE)  # "Earlier this month, on 7 June, ..."
_ON_DAY = re.compile(rf"\bon {_DAY}\s*$", re.IGNORECASE)
_SPOKEN = re.compile(r"\b(?:said|says|announced|reported|claimed|confirmed|told)\b")
_OTHER_HOURS = re.compile(r"\s*(?:(?:earlier|later) (?:that|the same|in the) (?:day|morning|"
                          r"afternoon|evening|night)|hours (?:earlier|later))\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:on )?the same (?:day|morning|evening|night|\w+day)\b", re.I)
_SAME_WAVE = re.compile(r"\bthe same (?:[\w-]+ )?(?:barrage|salvo|wave|volley|attack|raid)\b",
                        re.IGNORECASE)
_BURIAL = re.compile(r"\b(?:buried|burials?|funerals?|mourn\w*)\b", re.IGNORECASE)
_ALSO = re.compile(r"\balso (?:hit|struck|targeted|pounded|shelled|bombed|attacked|raided)\b",
                   re.IGNORECASE)
_WAS_HIT = re.compile(r"\b(?:was|were) (?:\w+ )?(?:hit|struck|targeted|attacked|shelled|bombed)\b",
                      re.IGNORECASE)
_IMPACT = re.compile(r"\b(?:missile|rocket|drone|shell|bomb|mortar)s?\b[^.;]{0,40}?\b(?:landed|hit|"
                     r"struck|exploded|fell|slammed|crashed|smashed|tore)\b", re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:another|a second|a third)\s+(?:\w+\s+)?(?:drone|missile|rocket|strike"
                      r"|device|bomber|gunm[ae]n|attacker|"
                      r"attack|bomb|blast|explosion)s?\b|\bother (?:jets|warplanes|planes|aircraft"
                      r"|helicopters|gunships|drones|bombers)\b", re.IGNORECASE)  # "Other jets"
_CAME = re.compile(r"\b(?:came|happened|occurred|took place)(?:\s+(?:less|more) than"
                   r"|\s+(?:only|just|barely))?\s*$")  # "The massacre came less than | a day after"
_SEPARATELY = re.compile(r"\s*(?:Separately|Elsewhere|In (?:a|another) separate (?:attack"
                         r"|incident|bombing|strike))\b")  # a strike of its own
_REGION_REF = re.compile(r"\bthe (?:border )?(?:region|area|province)\b", re.IGNORECASE)
_LATER = re.compile(r"\s*(?:(?:about|some|nearly|only|just) )?(?:an?|half an|[\w-]+) "
                    r"(?:hours?|minutes) later\b", re.IGNORECASE)
_AFTER_END = re.compile(r"\b(?:after|following)$")
_CAUSE = re.compile(r".*(?:retaliat|retribut|respon[sd]|reprisal|punishment|revenge|answer"
                    r"|aveng)", re.IGNORECASE)


def _made(d: Draft, made: list[Draft]) -> bool:
    """Whether ``d`` is one of the drafts ``made`` (the very object, not an equal one)."""
    return any(d is m for m in made)


def read_drafts(article: Article, toponyms: list[Toponym], gazetteer: Gazetteer | None = None,
                merge_km: float = 60.0) -> list[Draft]:
    """Read the strike drafts of one article (see the module doc for the rules)."""
    gaz = gazetteer or load_gazetteer()
    text, pub = article.text, article.date
    toponyms = moved_by_text(text, toponyms, gaz)  # "100 km south of Odesa", "off Eritrea"
    actors = story_actors(text, toponyms)
    unfiled = off_datelines(text, toponyms)  # not the town filed from
    drafts: list[Draft] = []
    current: Draft | None = None  # the event the article is talking about
    latest: Draft | None = None  # the event named last (it may be a cause)
    last_made: list[Draft] = []
    pending: list[tuple[str, Casualties]] = []  # figures read before any event (headline)
    dates_next: tuple[range, DateRef] | None = None  # sentences an undated strike takes it in
    broken_down = -1  # the sentence of the last casualty breakdown by site
    umbrellas: list[Draft] = []  # country-wide strikes that a breakdown splits into sites
    for index, (s, e) in enumerate(sentences(text)):
        sentence_text = " ".join(text[s:e].split())
        previous: Draft | None = None
        made_here: list[Draft] = []
        clause_date: DateRef | None = None  # "before dawn on Friday after explosions ..."
        parts = segments(text, index, s, e)
        carry: Casualties | None = None  # "16 soldiers were killed | when militants stormed"
        carry_places: list[tuple[Toponym, int]] = []
        where: list[tuple[Toponym, int]] = []  # the places a ", where" clause refers to
        for k, seg in enumerate(parts):
            if seg.connector != ", where":
                where = []
            after_clause = k > 0 and bool(_AFTER_END.search(seg.connector or ""))  # "X, a day
            # after Y": Y is another strike than X
            if k + 1 < len(parts) and parts[k + 1].connector == ", where":
                where = linked_places(seg, text, toponyms)
            blamed = blamed_actor(seg, text, actors)
            if _WAS_HIT.search(seg.text) and not has_strike(seg.text):
                hit_date = nearest_date(seg, pub)  # "The region was hit again early on Friday."
                if hit_date is not None:
                    dates_next = (range(index + 1, index + 2), hit_date)
            if _SAME_DAY.search(seg.text):  # "... one of three attacks on the same Friday."
                same_day = current.date if current is not None else None
                same_day = same_day or nearest_date(seg, pub)
                if same_day is not None:
                    dates_next = (range(index + 1, index + 4), same_day)
            descriptive = seg.connector == ", where" and not _DEATH.search(seg.text) \
                and not _IMPACT.search(seg.text)  # not ", where a missile landed on Thursday"
            joined = k > 0 and seg.connector in {"when", ", when"} and not has_strike(
                parts[k - 1].text) and not has_strike(seg.text) and bool(
                find_weapons(seg.text)) and has_strike(
                f"{parts[k - 1].text} {seg.text}")  # "The raids began ..., when jets swept over"
            if (not (has_strike(seg.text) or joined) or is_generic(seg.text)
                    or not_a_strike(seg.text) or descriptive):  # ", where Russia assembles
                # drones" describes a place
                nxt = parts[k + 1] if k + 1 < len(parts) else None
                cas_here = casualties(seg.text)
                listed = listed_sites(seg, text, toponyms, made_here) if seg.connector == ";" \
                    else []
                if listed:  # "Bombers struck ...: X in Colombo; St Sebastian's Church in Negombo"
                    for town in listed:
                        made = Draft(seen=index, attackers=list(made_here[0].attackers),
                                     dates=list(made_here[0].dates))
                        add_to(made, sentence_text, seg.text, cas=cas_here, places=[town])
                        drafts.append(made)
                    continue
                item = _BREAKDOWN_ITEM.match(seg.text) if broken_down == index else None
                if item is not None and cas_here.killed is None:  # "; three at Muridke"
                    cas_here = casualties(f"{item.group('n')} killed {item.group('rest')}")
                if nxt is not None and nxt.connector == ", where":  # "near Pahalgam, where ..."
                    clause_date = nearest_date(seg, pub)
                if current is not None and current.attackers and cas_here.killed is not None \
                        and not _DEATH_ELSEWHERE.search(seg.text):
                    sites = breakdown_sites(gaz, current, seg, text, toponyms, merge_km)
                    if sites:  # "13 dead at a mosque complex on the outskirts of Bahawalpur"
                        broken_down = index
                        if not current.casualties:
                            umbrellas.append(current)  # "targets in Pakistan": the sites say
                        for spot in sites:
                            made = Draft(seen=index, attackers=list(current.attackers),
                                         dates=list(current.dates or current.derived))
                            add_to(made, sentence_text, seg.text, cas=cas_here, places=spot)
                            drafts.append(made)
                        continue
                if nxt is not None and nxt.connector in {"when", ", when"} and (
                        cas_here.killed is not None or cas_here.injured is not None):
                    carry = cas_here
                    carry_places = linked_places(seg, text, toponyms)  # "killed in Jericho"
                    clause_date = killed_date(seg, pub)
                    continue
                previous = anchor(seg, text, toponyms, drafts) or previous
                clause_date = nearest_date(seg, pub)
                if current is None and not is_generic(seg.text) and not not_a_strike(seg.text):
                    cas = casualties(seg.text)
                    if cas.killed is not None or cas.injured is not None:
                        pending.append((sentence_text, cas))
                if current is not None and blamed is not None and is_generic(seg.text) \
                        and not current.attackers and current is drafts[-1]:
                    add_to(current, sentence_text, seg.text, attacker=blamed)  # "The Houthis
                    # blamed the coalition, which has bombed their positions since 2015."
                if seg.connector == ", where" and made_here:
                    current = current or made_here[-1]  # the cause "X, where 80 were killed"
                if current is not None and not is_generic(_WHICH_CLAUSE.split(seg.text)[0]):
                    focus = latest if latest is not None and _THAT.search(seg.text) else current
                    if seg.connector == ", where" and made_here:  # "X, where 80 were killed by"
                        focus = made_here[-1]
                        blamed = blamed or attacker_of(seg, text, actors, seg.start)
                    if after_clause and _made(focus, made_here) and weak_strike(seg.text):
                        continue  # "Jets Bomb Air Base After Border Raid on Sallum": another
                    cas = casualties(seg.text)
                    if cas.none_reported and cas.killed is None and len(last_made) > 1:
                        for made in last_made:  # "No one was killed." after two sites
                            add_to(made, sentence_text, seg.text, cas=cas)
                        continue
                    follow_up(gaz, focus, drafts, seg, text, toponyms, blamed,
                               sentence_text, merge_km, pub, index)
                continue
            places, attacker, date = read_segment(seg, text, toponyms, actors, pub, previous,
                                                   clause_date)
            if date is None and previous is None and current is not None and current.date and (
                    ahead := find_day_offsets(seg.connector or "") or [
                        o for o in find_day_offsets(seg.text) if not seg.text[: o[0]].strip()]):
                # "A day earlier, ...", or opening the segment: "Nine days earlier, two bombs"
                date = replace(shift(current.date, ahead[0][2]), relative=True, phrase=DERIVED)
            if index == 0 and summary_headline(text, e, places):
                continue  # "Two Mass Shootings in 13 Hours Leave 31 Dead in Texas and Ohio"
            attacker = attacker or blamed
            if attacker is None and (joined or (seg.connector in {"when", ", when"} and k > 0
                                                and _STRIKE_NOUN_END.search(parts[k - 1].text))):
                attacker = first_attacker(parts[k - 1], text, actors)  # "The Pakistani raids
                # began ..., when jets"; "Russia's heaviest air attack of the war on Friday, when"
            if attacker is None and _SAME_WAVE.search(seg.text):
                wave = same_wave(drafts, seg.text)  # "Other missiles from the same barrage"
                if wave is not None:
                    attacker, date = wave.attackers[0], date or wave.date
            if carry is not None and seg.connector in {"when", ", when"}:
                if clause_date is not None and (date is None or date.precision == "year"):
                    date = clause_date  # "On Saturday, 16 were killed when ... this year"
                places = places or carry_places
            elif not places and k > 0 and (seg.connector in {"when", ", when"} or (
                    find_day_offsets(seg.connector or "") and not has_strike(parts[k - 1].text))):
                places = [(t, p) for t, p in scene_places(parts[k - 1], text, toponyms) if not (
                    p == 4 and attacker is not None and t.country_code == attacker.country_code)]
                # "in Marib when it was hit", not "Russia's heaviest air attack ..., when"
            if seg.connector == ", where" and (not places or any(p <= 2 for _, p in where)):
                places, date = where, date or clause_date  # "Suruc, ..., where a bomber
                # killed 33 activists preparing to take toys to the town of Kobani": Suruc
            burial = k > 0 and bool(_BURIAL.search(parts[k - 1].text))  # "buried their dead
            if date is None and seg.connector in {"after", "following"} and not burial:  # on
                date = clause_date  # Sunday after ...": not the strike's day; otherwise the
                # clause before "after" dates what it follows
                if date is None and k > 0 and re.search(r"\bhours\s*$", parts[k - 1].text) \
                        and not has_strike(parts[k - 1].text):
                    said = [d for d in find_dates(parts[k - 1].text, pub) if d.precision == "day"]
                    date = said[-1] if said else None  # "Russia said on Friday ..., hours after"
            elif date is None and k > 0 and (seg.connector in {", when", "when"} or (
                    seg.connector == ", and" and k > 1 and parts[k - 1].connector == ", when")):
                date = when_date(parts[k - 1 - (seg.connector == ", and")].text, pub)  # "since
                # February 14, when a suicide car bomber ...", "In October, a gunman tried to
                # storm ... and, when ... shot", "on Friday, when jets bombed X, and planes Y"
            if date is None and same_day_start(parts[k - 1].text if k else "", seg.text):
                day = drafts[-1].date if drafts else None  # "Hours after the air raid, a
                date = replace(day, phrase=DERIVED) if day and day.precision == "day" else None
            if date is None and k == 0 and dates_next is not None and index in dates_next[0]:
                date = dates_next[1]  # "... was hit again early on Friday. Two missiles fell in"
            cas = casualties(seg.text)
            if carry is not None and cas.killed is None and cas.injured is None:
                cas, carry = carry, None
            place_names = tuple(t.text for t in toponyms
                                if seg.start <= t.start < seg.start + len(seg.text))
            own_day = bool((_FRONTED_DAY.match(seg.text) and not _SPOKEN.search(seg.text)) or (
                seg.connector in {"when", ", when"} and k > 0 and _ON_DAY.search(
                    parts[k - 1].text)))  # not "On Sunday the ministry said it had struck"
            if not places:  # "There he shot dead 69", "... Belgorod ... the city centre"
                places = deictic_place(seg, toponyms, s, text)
            if not places:
                refs = last_made if re.search(r"\b(?:those|these|both)\b", seg.text) else (
                    [latest] if latest is not None and _THAT.search(seg.text) else
                    [current] if current is not None else [])
                if seg.connector and _CAUSE.match(seg.connector):
                    refs = []
                came_after = after_clause and bool(_CAME.search(parts[k - 1].text))
                if after_clause and (attacker is not None or came_after):
                    refs = [r for r in refs if not _made(r, made_here) and not (
                        came_after and r is current)]  # "X on Monday, a day after French jets
                    # attacked the airstrip", "The massacre came a day after two families were
                    # attacked": another strike than X, whose day the next sentence takes
                    if date is not None and date.precision == "day" and attacker is None:
                        dates_next = (range(index + 1, index + 2), date)
                refs = [r for r in refs if may_add_to(drafts, r, attacker, date, pub, index,
                                                      bool(ANAPHOR.search(seg.text)))
                        and not another_day(r, date, own_day)]
                if not refs and date is not None and ANAPHOR.search(seg.text):
                    # "the explosion last Sunday": the dated event it fits, not the last one
                    refs = [r for r in reversed(drafts) if r.date is not None
                            and compatible_dates(r.date, date, pub)][:1]
                if not refs and _COUNTRY_REF.search(seg.text):
                    named = [t for t in toponyms if t.end <= seg.start + len(seg.text)
                             and t.kind == "country"
                             and (attacker is None or t.country_code != attacker.country_code)]
                    if named:  # "fired 180 missiles at the country": the country named before
                        places = [(named[-1], 4)]
                if not refs and not places and _REGION_REF.search(seg.text):
                    region = last_region(toponyms, seg.start)
                    if region is not None:
                        places = [(region, 3)]
                elif not refs and not places and _SAME_PLACE.search(seg.text):
                    told = current.place if current is not None else None  # "the same area"
                    site = told[0] if told else last_site(toponyms, seg.start)  # as the strike
                    if site is not None:  # told before, else the last town: "the same junction"
                        places = [(site, told[1] if told else 1)]
            if not places:
                if refs:
                    targets = split_targets(target_of(seg.text, place_names), len(refs))
                    for r, target in zip(refs, targets, strict=True):
                        add_to(r, sentence_text, seg.text, attacker, date, cas, target)
                        r.seen = index
                    previous = refs[-1]
                elif attacker is not None or cas.killed or cas.injured or (
                        own_day and date is not None and date.precision == "day"
                        and find_weapons(seg.text)):  # "On Monday, drones hit the depot"
                    # a strike whose place comes in a later sentence ("The blast happened
                    # ... in Przewodów")
                    fresh = Draft(seen=index)
                    drafts.append(fresh)
                    add_to(fresh, sentence_text, seg.text, attacker, date, cas,
                         target_of(seg.text, place_names))
                    if not (attacker is not None and after_clause and made_here):
                        current = fresh  # not what a strike came a day after
                    previous = latest = fresh
                    made_here.append(fresh)
                continue
            if places and all(p >= 3 for _, p in places) and CITY_REF.search(seg.text):
                site = last_site(unfiled, seg.start)  # "tore into the centre of the city"
                if site is not None and site.country_code in {t.country_code for t, _ in places}:
                    places = [(site, 1), *places]
            groups = split_listed(text, [site for g in by_country(text, places, attacker)
                                         for site in by_site(gaz, g, merge_km)])
            target = target_of(seg.text, place_names)
            taken: list[Draft] = []  # two sites of one sentence are two strikes
            spans = group_spans(seg, groups)
            shares = share_casualties(seg, groups, cas)
            for group, (g_start, g_end), g_cas in zip(groups, spans, shares, strict=True):
                g_date = date
                if g_date is None and current is not None and _ALSO.search(seg.text):
                    g_date = current.date  # "... also hit the area around Tal Abyad"
                if len(groups) > 1:  # each strike of a list has its own date, if the text says
                    g_date = date_near(text[g_start:g_end], g_start, group, pub) or date
                placeless = current if current not in taken and current is not None \
                    and not (seg.connector in {"after", "following"} and current in made_here) \
                    and (current.seen >= index - 1 or (
                        current is drafts[-1] and current.seen >= index - 3
                        and current.date is not None and g_date is None)) \
                    else None  # its place is told next, before any other strike
                another = _ANOTHER.search(seg.text) or _LATER.match(seg.text)  # "another
                # drone crashed into ...", "half an hour later, gunmen opened fire at Banbridge"
                after = seg.connector in {"after", "following"}  # what came before is apart
                came = current if k > 0 and (seg.connector or "").endswith("after") and (
                    _CAME.search(parts[k - 1].text)) else None  # "The massacre came two days
                # after militants attacked the post": not the massacre
                d = None if another or _SEPARATELY.match(seg.text) else match_draft(
                    gaz, [x for x in drafts if x not in taken and not (after and x in made_here)
                          and x is not came and not another_day(x, g_date, own_day)],
                    group, attacker, g_date, pub,
                    merge_km, None if placeless is came else placeless,
                    sites_only=bool(_ALSO.search(seg.text)),
                    gang=is_gang(seg.text), killed=g_cas.killed if g_cas else None)
                if d is not None and g_cas is not None and g_cas.killed and _apart(
                        d, seg.text, g_date, group, d is placeless):
                    d = None
                if d is None:
                    d = Draft(seen=index)
                    if another and current is not None and attacker is None:
                        d.attackers.extend(current.attackers)
                        d.dates.extend(current.dates if g_date is None else ())
                    drafts.append(d)
                    if attacker is None and taken and (ANAPHOR.search(seg.text) or len(
                            groups) > 1):  # "The missiles struck the air base ... and a
                        # facility near Erbil"; "Explosions were reported at X, at Y and at Z"
                        d.attackers.extend(taken[0].attackers)
                        d.dates.extend(taken[0].dates if date is None else ())
                add_to(d, sentence_text, seg.text, attacker, g_date, g_cas, target, group)
                d.origins.extend(origin_places(seg, text, toponyms))
                taken.append(d)
                made_here.append(d)
                previous = latest = d
                if not (seg.connector and _CAUSE.match(seg.connector)):
                    current = d  # a cause ("in retaliation for X") is not what follows is about
        if made_here:
            last_made = made_here
    if drafts and pending and not drafts[0].casualties:
        for sentence, cas in pending:
            add_to(drafts[0], sentence, "", cas=cas)
    drafts = [d for d in drafts if not any(d is u for u in umbrellas) or d.casualties]
    drafts = drop_totals(drafts)
    drafts = fold_headline(fold_placeless(drafts))
    place_the_unplaced(drafts, toponyms, text)
    town_in_region(drafts, toponyms, text)
    blamed_before(drafts, text, actors)  # "Sudan has blamed Israel for similar strikes before."
    inherit_attackers(drafts, actors, text)
    drafts = drop_bare_countries(drafts)  # "a long detour around France and Spain"
    story_date(drafts)  # "In Raqqa, strikes hit ..." after "strikes early on Tuesday"
    scene_date(drafts, text, pub)  # "... at a rally. The crowd filled the square on Saturday"
    return drop_accidents(drafts, text)


def _apart(d: Draft, seg_text: str, date: DateRef | None, group: list[tuple[Toponym, int]],
           placeless: bool) -> bool:
    """Whether a segment with dead of its own tells another strike than the draft ``d`` it
    matched: other hours of the day ("Earlier that day a bomb ... killing 11", even after
    "No one was hurt": "Hours earlier, an air strike ... killing ten"); or, when ``d`` has
    dead too, another day's ("Late on Monday night, an air strike on the Asma school") or
    another site's ("There he shot dead 69")."""
    if _OTHER_HOURS.match(seg_text):
        return True
    if not any(c.killed for c in d.casualties):
        return False
    if date is not None and d.date is not None and date.precision == d.date.precision == "day" \
            and date.value != d.date.value:
        return True
    return not placeless and all(p == 1 for _, p in group) and not (
        {t.place_id for t, _ in group} & {t.place_id for t, _ in d.places})


def extract_events(article: Article, toponyms: list[Toponym],
                   gazetteer: Gazetteer | None = None, merge_km: float = 60.0) -> list[Event]:
    """The strike events of one article, from its resolved place mentions."""
    gaz = gazetteer or load_gazetteer()
    return drafts_to_events(article, read_drafts(article, toponyms, gaz, merge_km), gaz)
