"""State forces the text names without the actor table: "American troops", "the army" of
a story set in one country, "fired from Ugandan territory".

Private helpers of :mod:`geomap.events`: :func:`story_actors` is every actor of an article
as the event rules read it (actor-table mentions, less those inside a longer place name,
with a state's troops as its forces and the host country's "government forces");
:func:`territory_actor` is the state a strike came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from geomap._words import named_thing
from geomap.actors import ActorMention, country_code, country_name, demonym_country, find_actors
from geomap.records import Toponym

__all__ = ["as_forces", "host_forces", "story_actors", "territory_actor"]


def story_actors(text: str, toponyms: list[Toponym]) -> list[ActorMention]:
    """The actors of an article, in text order, as the event rules read them."""
    actors = as_forces(text, [a for a in find_actors(text) if not any(  # "Villa El Salvador"
        t.start <= a.start and a.end <= t.end and t.end - t.start > a.end - a.start
        for t in toponyms)])
    return sorted(actors + host_forces(text, actors, toponyms), key=lambda a: a.start)


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


_HOST_FORCE = re.compile(
    r"\b(?:[Tt]he (?:government|army|military|air force|armed forces|junta|regime)"
    r"(?!\s+(?:building|buildings|ministry|office|offices|compound|headquarters|post|base|"
    r"hospital|school|official|officials|spokes\w+))"
    r"|(?:government|army|military|regime|junta|air force) (?:jets?|aircraft|warplanes?|drones?|"
    r"troops|forces|soldiers|helicopters?|artillery))\b")


def host_forces(text: str, actors: list[ActorMention],
                toponyms: list[Toponym]) -> list[ActorMention]:
    """"The government", "the army", "government forces" of a story set in one country, in
    which no other state's forces or government are named: that country's forces ("a drone
    operated by the government" in a story about Tigray is Ethiopia's)."""
    codes = Counter(t.country_code for t in toponyms if t.country_code)
    if not codes:
        return []
    host, n = max(codes.items(), key=lambda x: (x[1], x[0]))
    if n < 0.6 * codes.total() or any(a.country_code not in {None, host} and a.kind in {
            "state", "force", "government"} for a in actors):
        return []
    name = country_name(host) or host
    return [ActorMention(m.start(), m.end(), m.group(), name, host, "force")
            for m in _HOST_FORCE.finditer(text)
            if not any(a.start < m.end() and m.start() < a.end + 3 for a in actors)]


_TROOPS = re.compile(r"\s+(?:troops|soldiers|forces|marines|paratroopers"
                     r"|special forces|ground forces)\b")


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
