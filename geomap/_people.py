"""Person-name cues for recognition: a town is often also a surname ("Kelly", "Jones",
"Obama"). Before places are matched, one pass over the article's tokens collects:

- ``cued``: tokens right after a title ("President Obama", "Sen. Roberts", "Mrs. Moore"),
  a given name ("John Kelly", "Ellen Boyer"), a middle initial ("Matthew D. Flores"), a
  surname particle ("Van Voorhis") or a saint's title ("St. Patrick's Day"), up to three
  capitalised words with middle initials ("John F. Kennedy"), unless cue and name
  together are a place ("General Santos", "Prince George", "John Day", "St. Louis");
- ``surnames``: the last word of each such name; the article means the person wherever
  it uses the word alone ("Kelly said" after "John Kelly");
- ``given``: tokens that are given names followed by a capitalised word;
- ``speakers``: capitalised words followed by "said", "told", "says"... (not after "in",
  "at", "near": "staff in Bentiu said") or after "said" ("said Noma", not "said
  Anuradhapura, about 200 km north-east of the capital"). Only small places are read as
  people by this cue: "Moscow said" is a government speaking.

Titles and given names are read from ``geomap/data/person_cues.tsv``. Names of armed
groups and forces (:func:`actor_spans`, :func:`actor_names`) are no places either.
:func:`person_noun` tells the nouns for people that casualty counts count ("two girls").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from geomap._fold import fold
from geomap._words import TokenLike, given_names, titles, word_set

if TYPE_CHECKING:
    from geomap.gazetteer import Gazetteer

__all__ = ["SPEECH_VERBS", "People", "actor_names", "actor_spans", "find_people", "person_noun"]


_SITUATED = re.compile(r",\s+(?:about |some |roughly |nearly |around )?\d[\d,.]*\s*(?:km|kilometres"
                       r"|kilometers|miles)\b")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "outside", "inside"})

#: verbs of saying: the capitalised word before them is a speaker
SPEECH_VERBS = frozenset(
    [
        "said", "says", "told", "added", "asked", "explained", "noted", "wrote", "stated",
        "testified", "recalled", "insisted", "argued", "admitted", "acknowledged",
        "replied", "responded", "confirmed", "denied", "warned", "tweeted",
    ]
)
_NAME_GAPS = frozenset({" ", "\u00a0"})
_SAINTS = frozenset({"St", "Saint", "Ste", "Sainte"})
#: surname particles written capitalised before a surname ("Van Boxtel", "Von Braun")
_PARTICLES = frozenset({"Van", "Von", "Vander", "Vanden", "Mac", "Ter", "Ten"})


@dataclass(slots=True)
class People:
    """Person-name evidence of one article (token indices and words as written)."""

    cued: set[int] = field(default_factory=set)
    given: set[int] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)


_CLAUSE_VERBS = frozenset({"was", "were", "is", "are"})


def _cap(tok: TokenLike) -> bool:
    return tok.text[:1].isupper()


def find_people(text: str, tokens: Sequence[TokenLike], gaz: Gazetteer) -> People:
    """Collect the person-name cues of an article (see the module docstring).

    >>> from geomap.toponyms import tokenize
    >>> from geomap.gazetteer import load_gazetteer
    >>> text = "Gov. Rick Perry met John Kelly. Kelly said Noma had left."
    >>> p = find_people(text, tokenize(text), load_gazetteer())
    >>> sorted(p.surnames), sorted(p.speakers)
    (['Kelly', 'Perry'], ['Kelly', 'Noma'])
    """
    out = People()
    title_words, given = titles(), given_names()
    n = len(tokens)
    for i in range(n - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        gap = text[tok.end : nxt.start]
        if nxt.text in SPEECH_VERBS and gap == " " and _cap(tok) and not (
                i > 0 and tokens[i - 1].text in _PLACE_PREPOSITIONS):  # "staff in Bentiu said"
            out.speakers.add(tok.text)
        elif tok.text == "said" and gap == " " and _cap(nxt) and not (
                i + 2 < n and tokens[i + 2].text in _CLAUSE_VERBS) and not _SITUATED.match(
                text, nxt.end):  # not "said Anuradhapura, about 200 km north-east of the capital"
            out.speakers.add(nxt.text)  # not "Residents said Hodeidah was plunged into darkness"
        if not (_cap(tok) and _cap(nxt)):
            continue
        if tok.text in title_words and (gap in _NAME_GAPS or gap in {". ", ".\u00a0"}):
            cue = "title"
        elif tok.text in given and gap in _NAME_GAPS:
            cue = "given"
        elif tok.text in _SAINTS and gap in {" ", ". ", "."}:
            cue = "saint"  # "St. Patrick's Day"
        elif tok.text in _PARTICLES and gap in _NAME_GAPS:
            cue = "particle"  # "Van Voorhis"
        elif _middle_initial(text, tokens, i):
            cue = "initial"  # "Matthew D. Flores"
        else:
            continue
        run = _name_run(text, tokens, i + 1)
        if gaz.has_key(fold(text[tok.start : tokens[run[-1]].end])) or gaz.has_key(
                fold(text[tok.start : nxt.end])):
            continue  # "General Santos", "Prince George", "John Day": a place
        if cue == "given":
            out.given.add(i)
        elif cue in {"particle", "saint"}:
            out.cued.add(i)
        out.cued.update(run)
        last = tokens[run[-1]].text
        if len(last) > 1 and cue != "saint":
            out.surnames.add(last)
    return out


def _middle_initial(text: str, tokens: Sequence[TokenLike], i: int) -> bool:
    """Token ``i`` is a middle initial between a first name and a surname."""
    tok = tokens[i]
    if len(tok.text) != 1 or not tok.text.isupper() or i == 0:
        return False
    prev = tokens[i - 1]
    return (text[tok.end : tok.end + 2] == ". " and len(prev.text) > 1 and _cap(prev)
            and text[prev.end : tok.start] in _NAME_GAPS)


def _name_run(text: str, tokens: Sequence[TokenLike], k: int) -> list[int]:
    """Token indices of a name starting at ``k``: up to three capitalised words, with
    middle initials ("F. Kennedy") taken along."""
    run = [k]
    while len(run) < 4 and run[-1] + 1 < len(tokens):
        cur, nxt = tokens[run[-1]], tokens[run[-1] + 1]
        gap = text[cur.end : nxt.start]
        initial = len(cur.text) == 1 and gap in {". ", "."}
        if not _cap(nxt) or not (gap in _NAME_GAPS or initial):
            break
        run.append(run[-1] + 1)
    while len(run) > 1 and len(tokens[run[-1]].text) == 1:
        run.pop()
    return run


def actor_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of armed groups' and forces' names ("Jaish al Adl", "Quds Force"): names of
    actors, not places."""
    from geomap.actors import find_actors

    return [(a.start, a.end, a.kind) for a in find_actors(text) if a.kind in {"group", "force"}]


@lru_cache(maxsize=1)
def actor_names() -> frozenset[str]:
    """Folded names and aliases of armed groups and forces (not states)."""
    from geomap.actors import actors

    return frozenset(fold(alias) for a in actors() for alias in (a.name, *a.aliases)
                     if len(alias) > 3)


_PERSON_SG = word_set(
    "person child kid girl boy woman man adult infant baby toddler teenager teen student soldier"
    " officer policeman guard militant fighter civilian member businessman businesswoman daughter"
    " son wife husband mother father brother sister relative resident villager farmer shepherd"
    " grandmother grandfather grandson granddaughter grandchild aunt uncle cousin nephew niece"
    " boyfriend girlfriend fiancee neighbour neighbor friend colleague bodyguard"
    " worker employee journalist doctor nurse medic paramedic patient refugee pilgrim commander"
    " leader official driver passenger victim individual citizen national tourist contractor"
    " worshipper protester demonstrator mourner pupil insurgent rebel"
    " terrorist jihadist combatant sibling recruit cadet staffer"
    " sailor crewman seafarer seaman marine airman serviceman servicewoman trooper peacekeeper"
    " firefighter rescuer diplomat hostage shopper bather volunteer guest customer reporter"
    " photographer cameraman policewoman teacher miner fisherman imam priest monk nun"
    " bystander spectator partygoer diner minister president premier mayor governor senator"
    " chancellor king queen prince princess archbishop bishop candidate politician lawmaker"
    " legislator envoy ambassador general colonel collector inmate prisoner detainee captive"
    " convict migrant correspondent prosecutor judge lawyer engineer scientist professor"
    " lecturer academic activist editor writer clerk typist technician labourer laborer"
    " pensioner aide adviser advisor director manager shopkeeper trader vendor pedestrian"
    " motorist commuter traveller traveler visitor rabbi cleric preacher surgeon consul"
    " translator interpreter captain lieutenant sergeant corporal inspector constable"
    " gendarme guardsman"
)


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return {"child": "children", "wife": "wives", "person": "people"}.get(noun, noun + "s")


_PERSON_PL = frozenset(map(_plural, _PERSON_SG)) | word_set(
    "persons troops personnel others them carabinieri")
_PERPETRATORS = word_set("attacker attackers assailant assailants gunman gunmen bomber bombers"
                       " hijacker hijackers perpetrator perpetrators")
_NOT_PERSON = word_set(
    "headquarters quarters centers centres containers towers borders numbers orders papers"
    " barriers layers waters offers matters letters powers corners chambers shelters"
)


def person_noun(token: str) -> Literal["sg", "pl", "thing"]:
    """Whether a word names one person ("girl"), several ("soldiers", "Iranians") or
    something else, for counting the dead: attackers are not counted among victims.

    >>> [person_noun(w) for w in ("girl", "soldiers", "Iranians", "gunmen", "towers")]
    ['sg', 'pl', 'pl', 'thing', 'thing']
    """
    low = token.lower().replace("’", "'")
    if low in _PERPETRATORS:
        return "thing"  # "all six attackers died": the attackers are not the victims
    if low in _PERSON_SG:
        return "sg"
    if low in _PERSON_PL:
        return "pl"
    if low not in _NOT_PERSON and low.endswith(("men", "ists", "ians", "ers")):
        return "pl"
    if token[:1].isupper() and len(low) > 4 and low.endswith(("is", "ans", "ese")):
        return "pl"  # demonyms: Pakistanis, Iranians, Lebanese
    return "thing"
