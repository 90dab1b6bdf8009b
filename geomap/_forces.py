"""State forces the text names without the actor table: "American troops", "the army" of
a story set in one country, "fired from Ugandan territory".

Private helpers of :mod:`geomap.events`: :func:`story_actors` is every actor of an article
as the event rules read it (actor-table mentions, less those inside a longer place name,
with a state's troops as its forces and the host country's "government forces");
:func:`territory_actor` is the state a strike came from; :func:`same_wave` and
:func:`inherit_attackers` give an unattributed strike the attacker of the strikes it
goes with ("the same barrage", the one attacker of that country).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from geomap._drafts import GROUP_WEAPONS, Draft
from geomap._words import BROKE_UP, dateline_spans, in_lines, named_thing
from geomap.actors import ActorMention, country_code, country_name, demonym_country, find_actors
from geomap.casualties import find_weapons
from geomap.records import Toponym

__all__ = [
    "as_forces",
    "host_forces",
    "inherit_attackers",
    "same_wave",
    "story_actors",
    "territory_actor",
]


def story_actors(text: str, toponyms: list[Toponym]) -> list[ActorMention]:
    """The actors of an article, in text order, as the event rules read them (not the
    city of a dateline)."""
    lines = dateline_spans(text)  # "TEHRAN (wire) - A bomb ..."
    actors = as_forces(text, [a for a in find_actors(text) if not any(  # "Villa El Salvador"
        t.start <= a.start and a.end <= t.end and t.end - t.start > a.end - a.start
        for t in toponyms) and not _NAME_HEAD.search(text, max(0, a.start - 12), a.start)
        and not in_lines(lines, a.start, a.end)
        and not (a.kind != "group" and _CALLING_ITSELF.search(text, max(0, a.start - 50),
                                                              a.start))  # "a group calling
        # itself the Army of Palestine": the group's chosen name, no state
        and not text.startswith((" time", ":"), a.end)])  # "on Saturday, Tokyo time": a
    # clock's; "# Ouagadougou: Gunmen Hit ...": a headline's place label
    return sorted(actors + host_forces(text, actors, toponyms), key=lambda a: a.start)


_CALLING_ITSELF = re.compile(r"\bcall(?:ing|s|ed) (?:itself|themselves) (?:the )?"
                             r"(?:[\w-]+ ){0,3}$")
_NAME_HEAD = re.compile(r"\b(?:Villa|Ciudad|San|Santa|Santo|São|Puerto|Porto|Port|Fort|Mount"
                        r"|Cape|Lake|Saint|St|Little|Upper|Lower|Nueva|Nuevo|Nova|Novo) $")
"""A word that starts a place's name: a state's name after it is part of that name ("Villa
El Salvador", "Mount Lebanon"), even where the gazetteer has no such place."""
_TERRITORY = re.compile(r"\bfrom (?:the )?(\w+) (?:territory|soil|side of the border)\b", re.I)


def territory_actor(seg_text: str) -> ActorMention | None:
    """The state whose territory a strike came from ("fired on from Armenian territory")."""
    m = _TERRITORY.search(seg_text)
    if m is None:
        return None
    code = demonym_country(m.group(1)) or country_code(m.group(1))
    if not code:
        return None
    return ActorMention(m.start(1), m.end(1), m.group(1), country_name(code) or code, code, "state")


_FIRING = (r"\s+(?:\w+\s+){0,2}?(?:opened fire|fired on|fired into|shot (?!dead the)|dropped"
           rf"|{BROKE_UP})"
           r"|\s+[^.;,]{0,80}?\band (?:opened fire|fired on)")  # "chased the buses ... and opened
# fire"
_HOST_FORCE = re.compile(
    r"\b(?:[Tt]he (?:government|army|military|air force|armed forces|junta|regime)"
    r"(?!\s+(?:building|buildings|ministry|office|offices|compound|headquarters|post|base|"
    r"hospital|school|official|officials|spokes\w+))"
    r"|(?:[Gg]overnment|[Aa]rmy|[Mm]ilitary|[Rr]egime|[Jj]unta|[Aa]ir [Ff]orce) "
    r"(?:jets?|aircraft|warplanes?|planes?|bombers?|gunships?|drones?|"
    r"troops|forces|soldiers|helicopters?|artillery|tanks)"
    r"|(?:[Tt]he )?National Guard(?:smen|sman)?(?: troops| soldiers| units)?"
    rf"|(?:[Tt]he )?(?:[Pp]olice(?:men| officers| units| forces)?|[Pp]atrolmen|[Tt]roopers"
    rf"|[Ss]oldiers|[Tt]roops|[Pp]aratroopers|[Ss]ecurity forces)(?={_FIRING}))\b")  # "police
# opened fire on the crowd", "troops opened fire" (not "police shot dead the gunman")


def host_forces(text: str, actors: list[ActorMention],
                toponyms: list[Toponym]) -> list[ActorMention]:
    """"The government", "the army", "government forces" of a story set in one country, in
    which no other state's forces or government are named: that country's forces ("a drone
    operated by the government" in a story about Tigray is Ethiopia's)."""
    codes = Counter(t.country_code for t in toponyms if t.country_code)
    if not codes:
        return []
    host, n = max(codes.items(), key=lambda x: (x[1], x[0]))
    spans = {(t.start, t.end) for t in toponyms}  # "from northern Iraq": a place, not a state
    if n < 0.6 * codes.total() or any(a.country_code not in {None, host} and (
            a.kind == "force" or (a.kind == "state" and (a.start, a.end) not in spans) or (
                a.kind == "government" and not text.endswith(("In ", "in "), 0, a.start)))
            for a in actors):  # but "In Washington, the State Department deplored" is a place
        return []
    name = country_name(host) or host
    return [ActorMention(m.start(), m.end(), m.group(), name, host, "force")
            for m in _HOST_FORCE.finditer(text)
            if not any(a.start < m.end() and m.start() < a.end + 3 and not (
                a.kind == "demonym" and a.country_code == host) for a in actors)]  # but
    # "South African police opened fire": the police


_TROOPS = re.compile(rf"\s+(?:troops|soldiers|forces|marines|paratroopers"
                     rf"|special forces|ground forces|police(?={_FIRING}))\b")  # "South African
# police opened fire" (not "Indonesian police said")


def as_forces(text: str, actors: list[ActorMention]) -> list[ActorMention]:
    """A state's name or demonym before "troops", "soldiers", "marines" names its forces
    ("American troops", "20,000 US soldiers"), as "Russian troops" does in the actor table;
    a capital's name before "bombers" or "jets" is an aircraft's ("Canberra bombers")."""
    out = []
    for a in actors:
        if a.kind == "government" and named_thing(text, a.start, a.end) == "weapon":
            continue
        m = _TROOPS.match(text, a.end) if a.kind in {"demonym", "state"} and a.country_code \
            else None
        out.append(a if m is None else replace(a, end=m.end(), text=text[a.start : m.end()],
                                               kind="force"))
    return out


_STATE_WEAPONS = frozenset({"missiles", "ballistic missiles", "cruise missiles", "artillery",
                            "aircraft", "loitering munitions"})


def _families(weapons: list[str]) -> set[str]:
    """Weapons by family: a ballistic or cruise missile is a missile."""
    return {"missiles" if w.endswith("missiles") else w for w in weapons}


def same_wave(drafts: list[Draft], seg_text: str) -> Draft | None:
    """The attributed strike "the same barrage" refers to: the last one by the segment's
    weapon ("Other missiles from the same dawn barrage hit Ramat Gan"), else the last one."""
    told = [d for d in drafts if d.attackers]
    kind = _families(list(find_weapons(seg_text)))
    fits = [d for d in told if kind & _families(d.weapons)] if kind else told
    chosen = fits or told
    return chosen[-1] if chosen else None


def _implied_force(d: Draft, actors: list[ActorMention], text: str) -> ActorMention | None:
    """The one foreign state force the article names, for a strike by a state's weapon
    (missile, artillery, aircraft) that no sentence attributes ("a missile landed on the
    café ... occupied by Russian troops"); none when an armed group is named too, and not
    a force named only as a threat or as the one asked to act ("or face NATO air strikes",
    "asked NATO to prepare")."""
    place = d.place
    if place is None or not _STATE_WEAPONS & set(d.weapons):
        return None
    if any(a.kind == "group" for a in actors):
        return None
    forces = [a for a in actors if a.kind == "force" and a.country_code
              and a.country_code != place[0].country_code
              and not _THREAT_BEFORE.search(text, max(0, a.start - 30), a.start)
              and not _HURT_AFTER.match(text, a.end)]  # "American military officers watching
    # the parade were among the injured": victims
    return forces[0] if len({a.country_code for a in forces}) == 1 else None


_THREAT_BEFORE = re.compile(r"\b(?:fac(?:e|es|ed|ing)|threat(?:en|ened|ening|s)?(?: of)?|asked"
                            r"|urged|called on|appealed to)\s+(?:(?:the|an?|possible)\s+)?$",
                            re.IGNORECASE)
_HURT_AFTER = re.compile(r"[^.;]{0,50}?\b(?:was|were) (?:among the |also )?(?:injured|wounded"
                         r"|killed|hurt|dead)\b", re.IGNORECASE)
_BY_REBELS = re.compile(r"\b(?:rebel|insurgent|separatist|militant|guerrilla|jihadist)s?\s+"
                        r"(?:[\w-]+\s+)?(?:rockets?|mortars?|shells?|shelling|missiles?|drones?"
                        r"|barrage|attacks?|raids?|fire|artillery|bombs?|ambush)\b"
                        r"|\bby\s+(?:the\s+)?(?:rebels|insurgents|separatists|militants"
                        r"|guerrillas)\b", re.IGNORECASE)
_TERROR = frozenset({"IED", "suicide bomb", "car bomb"})


def inherit_attackers(drafts: list[Draft], actors: list[ActorMention], text: str) -> None:
    """An unattributed strike in a country that one attacker country alone is striking
    (its own only from the air) is that attacker's ("Russian missiles hit Chernihiv ...
    last month a strike on Odesa killed 20"); failing that, a strike by the weapon of one
    attributed strike of the same day (or, undated, of the one attributed strike before
    it, whose date it takes: "part of a missile fell on Jericho") is that attacker's;
    failing that, a state weapon's strike in a country one foreign force alone is named in
    is taken as that force's."""
    for i, d in enumerate(drafts):
        place = d.place
        if d.attackers or place is None:
            continue
        if (d.weapons and set(d.weapons) <= GROUP_WEAPONS) or _TERROR & set(d.weapons):
            continue  # gunmen or a suicide bomber: no state's strike by default; nor a
            # roadside bomb "hours after the air raid"
        if _BY_REBELS.search(" ".join(d.texts)):
            continue  # "a rebel rocket barrage on an army camp": no state's
        jets = "aircraft" in d.weapons  # an armed group flies no jets
        others = {a.country_code for o in drafts if o is not d and o.place is not None
                  and o.place[0].country_code == place[0].country_code
                  for a in o.attackers if not (jets and a.kind == "group")}
        if len(others) == 1 and None not in others and (
                place[0].country_code not in others or (_STATE_WEAPONS & set(d.weapons)
                                                        and place[0].feature_code != "PPLC")):
            # (no state strikes its own capital: "cruise missiles hit Kyiv" is not Ukraine's)
            source = next(o for o in drafts if o is not d and o.attackers
                          and o.attacker_country in others)
            d.attackers.append(next(a for a in source.attackers if a.country_code))
            continue
        # "part of a missile fell on Jericho": the same day and weapon as an attributed strike
        same = [o for j, o in enumerate(drafts) if j != i and o.attacker_country
                and o.date is not None
                and (d.date.value == o.date.value if d.date is not None else j < i)
                and _families(o.weapons) & _families(d.weapons)]
        if len({o.attacker_country for o in same}) == 1 and (d.date is not None or len(same) == 1):
            d.attackers.append(next(a for a in same[0].attackers if a.country_code))
            date = same[0].date
            if d.date is None and date is not None:  # "... when part of a missile fell on him"
                d.derived.append(date)
            continue
        implied = _implied_force(d, actors, text)
        if implied is not None:
            d.attackers.append(implied)
