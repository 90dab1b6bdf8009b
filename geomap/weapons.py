"""Weapons and the ACLED sub-event type that the words of one sentence point to.

Words only, no model. :func:`find_weapons` maps weapon words to :data:`WEAPONS`; a generic
"missiles" is dropped when the sentence names a kind (ballistic, cruise), to which "the
missiles" refers back. :func:`event_type_hint` gives the first ACLED sub-event type that
applies: "Suicide bomb"; "Remote explosive/landmine/IED"; "Air/drone strike" if aircraft
are named or drones outnumber missile, rocket and artillery words; "Shelling/artillery/
missile attack" for those (so "missiles and drones" is a missile attack); "Armed clash";
"Attack" (gunmen, an attack on a police station, checkpoint or convoy).

Casualty figures of a sentence are read by :mod:`geomap.casualties`, which re-exports
everything here.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["SUB_EVENT_TYPES", "WEAPONS", "event_type_hint", "find_weapons"]

WEAPONS = (
    "missiles", "ballistic missiles", "cruise missiles", "drones", "loitering munitions",
    "rockets", "artillery", "mortars", "bombs", "aircraft", "suicide bomb", "car bomb",
    "IED", "landmines", "small arms",
)  # fmt: skip
"""Every label :func:`find_weapons` can return.

Airstrikes, warplanes, jets, helicopters are "aircraft"; UAVs, kamikaze and Shahed drones
"drones"; roadside bombs, explosive devices "IED"; car and truck bombs "car bomb"; suicide
bombings, bombers and vests "suicide bomb"; gunmen, gunfire, "opened fire" "small arms".
"Bombing" alone names no weapon: it may be aerial or a suicide attack.
"""

SUB_EVENT_TYPES = (
    "Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb",
    "Remote explosive/landmine/IED", "Armed clash", "Attack",
)  # fmt: skip
"""Every ACLED sub-event type :func:`event_type_hint` can return."""

_WEAPON_TABLE = r"""
suicide bomb: suicide[- ](?:bomb(?:s|ings?|ers?)?|vests?|attacks?|attackers?)
car bomb: car[- ]bomb(?:s|ings?)?|truck bombs?|VBIEDs?
car bomb: (?:car|van|truck|lorry|vehicle|boat)s? (?:packed|laden|loaded|rigged) with explosives
car bomb: explosives?-(?:laden|packed|filled) (?:car|van|truck|lorry|vehicle|boat)s?
IED: IEDs?|roadside bombs?|(?:improvised )?explosive devices?|remote[- ]controlled bombs?
landmines: land ?mines?|anti-(?:personnel|tank) mines?
ballistic missiles: ballistic missiles?
cruise missiles: cruise missiles?
missiles: missiles?
loitering munitions: loitering munitions?
drones: (?:(?:kamikaze|suicide|attack|armed|Shahed(?:-\d+)?) )?drones?|UAVs?|Shaheds?
drones: unmanned aerial vehicles?
rockets: rockets?(?![- ]propelled)|Katyushas?
mortars: mortars?(?: shells| rounds| bombs)?
artillery: artillery|shelling|shelled|shells|howitzers?
aircraft: (?:war|fighter )?planes?|(?:fighter )?jets?|aircraft|air[- ]?strikes?|air raids?
aircraft: helicopters?|gunships?|aerial bombardments?
bombs: (?:(?:barrel|glide|cluster|guided|aerial)[- ])?bombs?
small arms: gunm[ae]n|open(?:ed|ing)? fire|gunfire|small[- ]arms|rifles?|machine ?guns?
small arms: firearms|shot dead|shootings?
"""
_WEAPONS_RE = [  # label, pattern; on overlap the earliest, then longest, match wins
    (label, re.compile(rf"(?<![\w-])(?:{pattern})(?!\w)", re.IGNORECASE))
    for label, pattern in (line.split(": ", 1) for line in _WEAPON_TABLE.strip().splitlines())
]
_AIR = frozenset({"drones", "loitering munitions"})
_GROUND = frozenset({"rockets", "artillery", "mortars"} | {w for w in WEAPONS if "missile" in w})
_SET_OFF_RE = re.compile(r"\b(?:exploded|detonated|went off|planted)\b", re.IGNORECASE)
_DROPPED_RE = re.compile(r"\b(?:dropped|air-dropped|barrel|glide|aerial)\b", re.IGNORECASE)
_CLASH_RE = re.compile(
    r"\b(?:clash(?:es|ed)?|fire ?fights?|gun ?battles?|exchanged? (?:of )?fire|fighting between)\b",
    re.IGNORECASE,
)
_ATTACK_ON_RE = re.compile(
    r"\b(?:attack(?:s|ed)?|stormed|raid(?:ed)?)\b(?:\W+\w+){0,6}?\W+"
    r"(?:police (?:station|post|headquarters)|checkpoints?|check posts?|border posts?"
    r"|convoys?|patrols?)\b",
    re.IGNORECASE,
)


def _weapon_spans(sentence: str) -> list[tuple[int, str]]:
    """Start and label of each weapon word, the longest match winning an overlap."""
    found = sorted(
        (m.start(), -m.end(), label) for label, rx in _WEAPONS_RE for m in rx.finditer(sentence)
    )
    spans, last_end = [], -1
    for start, neg_end, label in found:
        if start >= last_end:
            spans.append((start, label))
            last_end = -neg_end
    return spans


@lru_cache(maxsize=256)  # an article's segments are read more than once
def find_weapons(sentence: str) -> tuple[str, ...]:
    """The weapons a sentence names, as labels of :data:`WEAPONS` in order of mention.

    Examples
    --------
    >>> find_weapons("the strikes with missiles and drones")
    ('missiles', 'drones')
    >>> find_weapons("Iran launched ballistic missiles; several missiles hit a home")
    ('ballistic missiles',)
    """
    labels = list(dict.fromkeys(label for _, label in _weapon_spans(sentence)))
    if "ballistic missiles" in labels or "cruise missiles" in labels:
        labels = [label for label in labels if label != "missiles"]
    return tuple(labels)


def event_type_hint(sentence: str) -> str | None:
    """The ACLED sub-event type the weapon words of a sentence point to (module docstring).

    Examples
    --------
    >>> event_type_hint("three or four Iranian drones hit a mosque")
    'Air/drone strike'
    >>> event_type_hint("the strikes with missiles and drones")
    'Shelling/artillery/missile attack'
    """
    labels = [label for _, label in _weapon_spans(sentence)]
    if "suicide bomb" in labels:
        return "Suicide bomb"
    bombs = "bombs" in labels
    if {"IED", "car bomb", "landmines"} & set(labels) or (bombs and _SET_OFF_RE.search(sentence)):
        return "Remote explosive/landmine/IED"
    air = sum(label in _AIR for label in labels)
    ground = sum(label in _GROUND for label in labels)
    if "aircraft" in labels or (bombs and _DROPPED_RE.search(sentence)) or air > ground:
        return "Air/drone strike"
    if ground:
        return "Shelling/artillery/missile attack"
    if _CLASH_RE.search(sentence):
        return "Armed clash"
    if "small arms" in labels or _ATTACK_ON_RE.search(sentence):
        return "Attack"
    return None
