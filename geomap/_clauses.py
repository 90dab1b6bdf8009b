"""Reading strike clauses: sentences, segments, and who/where/what inside a segment.

Private helpers of :mod:`geomap.events`. A *segment* is a sentence cut at connectors that
introduce another event ("a day after", "in retaliation to", "following"), so that
"The Balochistan attack came a day after Iran launched missiles at Erbil" yields two
segments, each read on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.actors import ActorMention
from geomap.records import Toponym

__all__ = [
    "Segment",
    "attacker_of",
    "has_strike",
    "is_generic",
    "linked_places",
    "origin_places",
    "segments",
    "sentences",
    "target_of",
]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z“\"])")
_ABBREV_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|St|Gov|Sen|Rep|No|U\.S|U\.K)\.$")
_CONNECTOR = re.compile(
    r"\b(?:(?:a|one|two|three|several|a few) days? (?:after|before|earlier|later)"
    r"|in (?:retaliation|retribution|response) (?:to|for)"
    r"|(?<!came )(?<!comes )(?<!shortly )(?:after|following) (?=(?:a|an|the|its|their|his|her)\b"
    r"|[A-Z])"
    r"|amid|follows|followed)\b"
)
# strike words: nouns and verbs that say something hit something
_STRIKE = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|strike[sd]?|struck|striking|air ?strikes?|bomb(?:ing|ings|ed|s)?"
    r"|shell(?:ing|ed)|blasts?|explosions?|raids?|barrages?|bombardments?|ambush(?:ed)?"
    r"|(?:missiles?|rockets?|drones?|shells?) (?:hit|struck|landed|slammed|exploded|fell)"
    r"|(?:hit|pounded|targeted|targeting|targets)|shot dead|opened fire|gunmen|"
    r"launched|fired)\b",
    re.IGNORECASE,
)
_VIOLENT = re.compile(
    r"\b(?:missiles?|rockets?|drones?|UAVs?|bomb\w*|shell\w*|artillery|warplanes?|jets?|"
    r"airstrikes?|air strikes?|explosives?|gunmen|suicide|killed|killing|dead|died|wounded|"
    r"injured|injuring|casualties|kills|militants?|headquarters|base|police station|mosque|"
    r"hospital|consulate|embassy|checkpoint|convoy|barracks)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:frequently|often|regularly|routinely|repeatedly|multiple attacks|has conducted|"
    r"have conducted|threaten\w*|vow\w*|warn\w*|would|could|might|plans? to|capable of|"
    r"accus\w+|show of force|safe havens?|if)\b",
    re.IGNORECASE,
)
_LINK_BEFORE = re.compile(
    r"(?:\b(?:on|at|in|near|outside(?: of)?|against|into|inside|over|across|targeting|targeted|"
    r"hit|struck|striking|pounded|toward|towards|around|north of|south of|east of|west of|"
    r"province of|city of|town of|village of|region of|district of)"
    r"|\b(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|central)|’s|'s)(?:\s+(?:the|a|its|their|southwestern|northeastern|"
    r"southeastern|northwestern|northern|southern|eastern|western|central|province|region|"
    r"city|town|of|occupied|Iraqi|Syrian|Pakistani|Iranian)){0,3}\s*$",
    re.IGNORECASE,
)
_NEAR_BEFORE = re.compile(r"\b(?:near|outside(?: of)?|around|close to|north of|south of|east of"
                          r"|west of|on the outskirts of)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_SITE_BEFORE = re.compile(r"\b(?:from|to|(?<!outside )(?<!north )(?<!south )(?<!east )"
                              r"(?<!west )of|by|with|for|about|between)\s+(?:the\s+)?$",
                              re.IGNORECASE)
_MODIFIER_AFTER = re.compile(
    r"^(?:’s|'s)?\s*(?:suicide\s+|missile\s+|drone\s+|rocket\s+|terror\s+)?"
    r"(?:attacks?|strikes?|bombings?|blasts?|raids?|explosions?)\b", re.IGNORECASE)
_COORDINATED = re.compile(
    r"\s*(?:,\s*|,?\s+and\s+|,?\s+or\s+)(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?",
    re.IGNORECASE)
_PROVINCE_OF = re.compile(r"(?:province|city|town|region|district|village) of\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom(?: the direction of)?(?: the)?\s+$", re.IGNORECASE)
_TARGET = re.compile(
    r"\b(?:targeted|targeting|striking|hit|struck|landed on|attack(?:s|ed)? on|strikes? on"
    r"|attack(?:s)? against|strikes? against|against (?=a |an |the ))\s*(?P<t>[^,.;()—]+)",
    re.IGNORECASE,
)
_TARGET_STOP = re.compile(
    r"\s+(?:in|near|outside|during|after|which|that|with|on|as|killing|killed|kills|left|"
    r"leaving|wounding|injuring|and killed|last|"
    r"earlier|on\s+\w+day)\b.*$", re.IGNORECASE)
_BY_ACTOR = re.compile(r"\b(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE)
_ACTOR_NOT_SUBJECT = re.compile(
    r"\b(?:in|on|at|near|against|into|across|to|toward|towards|for|of|with|inside|over|"
    r"targeted|targeting|struck|hit|striking|about|between|and)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of one sentence; ``offset`` maps its text back into the article."""

    text: str
    start: int
    sentence: int
    connector: str | None


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (headline and paragraphs included)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREV_END.search(text[start : m.start()]):
            continue
        if text[start : m.start()].strip():
            spans.append(_strip(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segments(text: str, index: int, start: int, end: int) -> list[Segment]:
    """Cut one sentence at connectors that introduce another event."""
    sentence = text[start:end]
    out: list[Segment] = []
    cut = 0
    connector: str | None = None
    for m in _CONNECTOR.finditer(sentence):
        if sentence[cut : m.start()].strip():
            out.append(Segment(sentence[cut : m.start()], start + cut, index, connector))
        connector = m.group().lower()
        cut = m.end()
    out.append(Segment(sentence[cut:], start + cut, index, connector))
    return out


def has_strike(text: str) -> bool:
    """A strike word, and a word that says it was violent (weapon, casualty, target)."""
    return bool(_STRIKE.search(text)) and bool(_VIOLENT.search(text))


def is_generic(text: str) -> bool:
    """Habitual or hypothetical statements ("frequently targets") are not events."""
    return bool(_GENERIC.search(text))


def linked_places(seg: Segment, text: str, toponyms: list[Toponym]) -> list[tuple[Toponym, int]]:
    """Places the segment ties to the strike, with a geo precision for each.

    A place is tied when a preposition or verb of striking stands before it ("on", "at",
    "near", "targeted"), when it modifies the strike noun ("the Erbil attack"), or when
    it is a province named with its country ("Pakistan's province of Balochistan").
    Places after "from", "to", "of", "by" are not strike sites.
    """
    out: list[tuple[Toponym, int]] = []
    end = seg.start + len(seg.text)
    last_end = -1
    for t in toponyms:
        if not (seg.start <= t.start and t.end <= end):
            continue
        before = text[max(seg.start, t.start - 60) : t.start]
        after = text[t.end : min(end, t.end + 40)]
        modifier = bool(_MODIFIER_AFTER.match(after))  # "the Erbil attack"
        tied = modifier or (bool(_LINK_BEFORE.search(before))
                            and (not _NOT_SITE_BEFORE.search(before)
                                 or bool(_PROVINCE_OF.search(before))))
        if not tied and last_end >= 0 and _COORDINATED.fullmatch(text[last_end : t.start]):
            tied = True  # "against Syria and Iraq", "at Erbil ... and northeastern Syria"
        if not tied:
            continue
        precision = _precision(t)
        if _NEAR_BEFORE.search(before) and precision == 1:
            precision = 2
        out.append((t, precision))
        last_end = t.end
    return out


def origin_places(seg: Segment, text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Places the text says a strike came from ("from Iranian territory", "from X")."""
    end = seg.start + len(seg.text)
    return [t for t in toponyms if seg.start <= t.start and t.end <= end
            and _FROM_BEFORE.search(text[max(seg.start, t.start - 30) : t.start])]


def _precision(t: Toponym) -> int:
    if t.kind == "country":
        return 4
    if t.kind == "adm1":
        return 3
    if t.kind == "adm2":
        return 2
    if t.kind == "feature" and t.feature_code in {"RGN", "SEA", "GULF", "STRT", "MTS", "PEN",
                                                  "CONT", "BNDY"}:
        return 3
    return 1


def attacker_of(seg: Segment, text: str, actors: list[ActorMention],
                trigger_at: int) -> ActorMention | None:
    """The actor that struck: a modifier of the strike noun ("Iranian drones"), the
    subject of a strike verb ("Iran launched"), or the agent after "by" ("attack by the
    IRGC"). Actors after "in", "against", "targeted"... are places or targets."""
    end = seg.start + len(seg.text)
    inside = [a for a in actors if seg.start <= a.start and a.end <= end]
    for a in inside:  # agent: "attacks by the IRGC"
        if a.start > trigger_at and _BY_ACTOR.search(text[max(seg.start, a.start - 12) : a.start]):
            return a
    before = [a for a in inside if a.start < trigger_at
              and not _ACTOR_NOT_SUBJECT.search(text[max(seg.start, a.start - 15) : a.start])
              and not re.match(r"\s*(?:General|Gen\.|commander|official)", text[a.end : a.end + 12])]
    if before:
        states = [a for a in before if a.kind in {"force", "group"}]
        return states[-1] if states else before[-1]
    return None


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
