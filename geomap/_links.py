"""Which places a strike segment ties to the strike, and how precisely.

Private helper of :mod:`geomap.events` (through :func:`linked_places`): a place is tied
when a preposition or a verb of striking stands before it ("on", "at", "near",
"targeted", "the outskirts of", "the forests of"), when it modifies the strike noun ("the
Erbil attack"), or when it is a province named with its country; places after "from",
"to", "by", an institution ("the US arsenal") or a speaker ("In Washington, Trump said")
are not strike sites, and a distance from a place ("20 km north-west of Saada") is only a
reference point.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geomap._clauses import OWNED, coordinated, is_subject, sentences

if TYPE_CHECKING:
    from geomap._clauses import Segment
    from geomap._drafts import Draft
    from geomap.records import Toponym

__all__ = ["linked_places", "said_there", "site_told_before"]

_ACROSS_FROM = re.compile(r"\bacross the (?:[\w-]+ ){1,2}from\s+$", re.IGNORECASE)
_SETTLEMENT = re.compile(r"\s+(?:[a-z]+\s+)?(?:city|town|port|village|resort|capital)\b")
_WATER_AFTER = re.compile(r"\s+(?:Straits?|Strait of|Sea|Gulf|Channel|Bight|Sound)\b")
_AIRPORT_AFTER = re.compile(r"\s+(?:International\s+)?(?:Airport|Airfield|Air\s+Base)\b")
_STREET = re.compile(r"\b[A-Z][\w’'-]* (?:Street|Road|Avenue|Square|Boulevard|Lane|Drive),\s+$")
# "a bomb destroyed McGurk's bar in North Queen Street, Belfast": the street's town
_FROM_TOWN_OF = re.compile(r"\bfrom\s+the\s+(?:[\w-]+\s+){0,3}(?:city|town|village|region"
                           r"|province) of\s+$", re.IGNORECASE)
_BECAUSE = re.compile(r"\bbecause\b", re.IGNORECASE)  # what follows is a reason
_DESTINATION = re.compile(r"\b(?:on (?:its|their|his|her) way|en route|bound|head(?:ing|ed))\s+"
                          r"(?:from\s+[^.;,]{0,60}?\s+)?(?:to|for)\s+[^.;,]{0,60}$")
_BORDER_AFTER = re.compile(r"(?:[’']s)?\s+(?:border|frontier)\b", re.IGNORECASE)
_BORDER_WITH = re.compile(r"\b(?:border|frontier) with\s+(?:\w+[’']s\s+)?$|\bbordering\s+$",
                          re.IGNORECASE)
_INSIDE_NEXT = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,2}(?:in|,)\s+(?:the\s+)?"
                          r"(?:(?:north|south|east|west|central)\w*\s+)?")
_INSTITUTION_AFTER = re.compile(r"\s+(?:arsenal|army|military|navy|air force|forces|troops|"
                                r"government|authorities|officials|embassy|consulate|warships?"
                                r"|ships|vessels|destroyers?|frigates?|submarines?|personnel"
                                r"|soldiers|sailors|citizens|nationals|bases|jets|warplanes)\b")
_LINK_BEFORE = re.compile(
    r"(?:\b(?:on|at|in|near|outside(?: of)?|against|into|inside|over|across|targeting|targeted|"
    r"hits?|struck|striking|pounded|bombed|shelled|raided|attacked|stormed|rocketed|strafed|"
    r"bombs?|shells|pounds|strikes|attacks|raids|"
    r"bombing|shelling|pounding|raiding|strafing|"
    r"toward|towards|around|north of|as far as|among them|including|such as|"
    r"south of|east of|west of|"
    r"province of|city of|town of|village of|region of|district of|"
    r"(?:streets?|neighbou?rhoods?|centre|center|outskirts|edge|suburbs?|heart|part|forests?"
    r"|jungles?|hills|university|college|grounds|premises|perimeter|runways?|tip|airports?"
    r"|harbou?rs?|(?:air )?bases?) of)"
    r"|\b(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|central)|’s|'s)(?:\s+(?:the|a|an|its|their|\w+ern|central|province|"
    r"region|city|town|port|of|occupied|border|\w+-(?:controlled|held|run|occupied|based)"
    r"|(?:capital|city|town|port|village),"
    r"|(?!(?:that|which|who|whom|whose)\b)[a-z][\w-]*|[A-Z]\w+i|[A-Z]\w+ian)){0,3}\s*$",
    re.IGNORECASE,
)
_MODIFIER_AFTER = re.compile(
    r"^(?:’s|'s)?\s*(?:(?!(?:the|a|an|its|their)\b)(?![\w-]+ed\b)[\w-]+\s+){0,2}"
    r"(?:attacks?|strikes?|bombings?|blasts?|raids?|explosions?)\b|^\s+bombs?\b", re.IGNORECASE)
# "the Erbil attack", "the Hiroshima bomb"
_LIKE = re.compile(r"\b(?:times|than|equivalent to|as (?:\w+ )?as|like)\s+(?:the\s+)?"
                   r"(?:\w+\s+of\s+the\s+)?$")
_NEAR_BEFORE = re.compile(r"\b(?:near|outside(?: of)?|around|close to|north of|south of|east of"
                          r"|west of|on the outskirts of)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_SITE_BEFORE = re.compile(r"\bfled\s+(?:\w+\s+){0,2}(?:to|towards|into|across)\s+(?:the\s+)?$|"
                              r"\b(?:who|which) (?:was|were|is|are|had been) (?:\w+ )?in\s+$|"
                              r"\b(?:who|which|that) (?:sits|sat|is based|was based|meets|lives"
                              r"|lived) in\s+$|"
                              r"\b(?:from|to)\s+(?:the\s+)?(?:north|south|east|west|central)"
                              r"[\w-]*\s+$|"
                              r"\b(?:registered|flagged|headquartered|incorporated|born|owned|based)"
                              r"\s+in\s+$|\b(?:tensions?|crisis|unrest|instability|turmoil)"
                              r"\s+in\s+(?:the\s+)?$|"
                              r"\b(?:from|to|(?<!outside )(?<!north )(?<!south )(?<!east )"
                              r"(?<!west )(?<!street )(?<!streets )(?<!centre )(?<!center )"
                              r"(?<!outskirts )(?<!edge )(?<!suburbs )(?<!heart )(?<!part )"
                              r"(?<!forests )(?<!forest )(?<!jungles )(?<!hills )(?<!university )"
                              r"(?<!grounds )(?<!premises )(?<!perimeter )(?<!runway )(?<!tip )"
                              r"of|by|with|for|about|between)\s+"
                              r"(?:the\s+|[A-Z][\w-]+(?:’s|'s)\s+)?$|"
                              r"\bfrom\s+(?:neighbou?ring|nearby)\s+$|"
                              r"\b(?:war|conflict|dispute|fighting|row)\s+over\s+(?:the\s+)?$|"
                              r"\b(?:relies|rely|relying|depends|depend|depending|dependent)\s+on"
                              r"\s+(?:both\s+)?(?:[A-Z][\w-]+\s+and\s+)?$|"  # "relies on X and"
                              r"\b(?:commander|governor|chief|mayor|envoy|ambassador|bishop)"
                              r"\s+(?:in|for)\s+(?:the\s+)?$|"  # "the army commander in"
                              r"\b(?:match|game|fixture|final|semi-final|tie|qualifier|friendly)"
                              r"\s+(?:against|with|versus|vs?\.?)\s+$|\b(?:team|side|squad)\s+"
                              r"(?:playing|played|plays)\s+in\s+$|"  # "World Cup match against"
                              r"\b(?:come|came|returned|fled|arrived)\s+(?:home\s+|back\s+)?from"
                              r"\s+(?:[\w-]+\s+){1,3}in\s+$|"  # "had come home from camps in"
                              r"\b(?:largest|biggest|oldest|deadliest|worst|busiest|tallest|"
                              r"first|only|last)\s+(?:[a-z]+\s+)?in\s+(?:the\s+)?$",
                              re.IGNORECASE)
_FACING = re.compile(r"\b(?:faces|facing|opposite)\s+(?:[\w-]+\s+){0,4}$")
_ORIGIN_LEAD = re.compile(r"\b(?:fired|launched|flown|flying|flew in|took off|taking off"
                          r"|returning)\b[^.;]{0,60}?"
                          r"\b(?:from|over)\b", re.IGNORECASE)
_PROVINCE_OF = re.compile(r"(?:provinces?|city|cities|towns?|regions?|districts?|villages?|port|"
                          r"(?<!air)ports|islands?|(?<!Islamic )states?|count(?:y|ies)"
                          r"|governorates?|prefectures?|"
                          r"outskirts|suburbs?|(?:in )?the direction of"
                          r"|areas?"
                          r"|centre|center|capital) of\s+$", re.IGNORECASE)
_QUARTER_OF = re.compile(r"\s+(?:[a-z][\w-]+\s+district|(?:[a-z][\w-]+\s+)?(?:neighbou?rhood|"
                         r"quarter|suburb))\s+of\s+(?:the\s+)?[A-Z]")
_REFERENCE_BEFORE = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:a|one|two|three|four|five|ten|twenty|fifty|a hundred|some|about|"
    r"around|nearly|several)) ?(?:km|kilometres|kilometers|miles|nautical miles)\s+(?:\(\w+\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:-?east|-?west)?\s+)?"
    r"(?:of|from|off)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:port|town|city|village|coast) of\s+)?$"
    r"|\b(?:border|frontier) with\s+(?:\w+[’']s\s+)?$|\bbordering\s+$",
    re.IGNORECASE)
_SITE_AFTER_ORIGIN = re.compile(r"\b(?:at|on|into|towards?|hit|struck|against)\b", re.IGNORECASE)
_SPOKE_IN = re.compile(r"\b(?:(?:said|says|spoke|speaking|announced|published|printed) |(?:told|"
                       r"briefed) (?:[\w-]+ ){1,2}|statements?\b[^.;,]{0,50}\b"
                       r"|(?:news agenc(?:y|ies)|newspapers?|radio stations?|television stations?"
                       r"|broadcasters?|journalists|reporters|(?:press|news) conferences?) )in\s+$",
                       re.IGNORECASE)  # "told reporters in Tokyo", "a statement ... in Beirut",
# "said in a telephone call to a news agency in Srinagar"
_SITE_BEFORE_SPEAKER = re.compile(r"\b(?:at|on|struck|hit) the\s+$|\b(?:outside|near)\s+$"
                                  r"|\b(?:city|town|village) of\s+$")  # "in the city of X,
# police said"
_SPEAKING = r"(?:said|says|told|announced|stated|declined|refused|condemned|denied|denies" \
    r"|warned|insisted|urged|vowed|protested|complained|alleged)\b"
_SPEAKER_PLACE = re.compile(rf",\s+(?!(?:and|but)\s+{_SPEAKING})(?:[\w.’'-]+\s+){{1,8}}{_SPEAKING}")
# "In Washington, Trump said" (not "in the state of Pará, and said those responsible")


def linked_places(seg: Segment, text: str, toponyms: list[Toponym]) -> list[tuple[Toponym, int]]:
    """Places the segment ties to the strike, with a geo precision for each.

    A place is tied when a preposition or verb of striking stands before it ("on", "at",
    "near", "targeted"), when it modifies the strike noun ("the Erbil attack"), or when
    it is a province named with its country ("Pakistan's province of Balochistan").
    Places after "from", "to", "of", "by" are not strike sites.
    """
    out: list[tuple[Toponym, int]] = []
    references: list[tuple[Toponym, int]] = []
    end = seg.start + len(seg.text)
    last: Toponym | None = None  # the last place tied
    prev: Toponym | None = None
    for t in toponyms:
        if not (seg.start <= t.start and t.end <= end):
            continue
        inside_prev = prev is not None and all(prev is not u for u, _ in out) and re.fullmatch(
            r",?\s+in\s+(?:the\s+)?", text[prev.end : t.start])
        prev = t
        if inside_prev:
            continue  # "some from neighbouring Ciudad Juarez in Mexico": not a site either
        if _BECAUSE.search(text, seg.start, t.start) or _FROM_TOWN_OF.search(
                text, max(seg.start, t.start - 60), t.start) or _FACING.search(
                text, max(seg.start, t.start - 50), t.start) or _DESTINATION.search(
                text, max(seg.start, t.start - 140), t.start):  # "a man from the city of Osh";
            continue  # "targeted the Sounion because its owner ... called at ports in Israel";
            # "the border that faces the states of Manipur": across from them; "on its way
            # to the Changing of the Guard in Whitehall": where it was going
        before = text[max(seg.start, t.start - 60) : t.start]
        after = text[t.end : min(end, t.end + 40)]
        modifier = bool(_MODIFIER_AFTER.match(after)) and not _LIKE.search(before)  # "the
        # Erbil attack" (not "30 times the power of the Hiroshima bomb")
        across = bool(_ACROSS_FROM.search(before))  # "across the Nile from Luxor": near it
        tied = modifier or across or bool(_PROVINCE_OF.search(before) or _STREET.search(
            before)) or (
            bool(_LINK_BEFORE.search(before)) and not _NOT_SITE_BEFORE.search(before)) or bool(
            _AIRPORT_AFTER.match(after) and not re.search(r"\b(?:from|to)\s+$", before))
        # "the perimeter fence of Kaduna International Airport": the airport is a site
        if t.kind == "country" and last is not None and re.match(r"[’']s\s+[a-z]", after) \
                and re.fullmatch(r",\s+", text[last.end : t.start]):
            continue  # "raided Singapore, Britain's great naval base": whose it is
        if not tied and last is not None and coordinated(text, last, t):
            tied = True  # "against Syria and Iraq", "at Erbil ... and northeastern Syria"
        if (_SPEAKER_PLACE.match(text[t.end : end]) and not _SITE_BEFORE_SPEAKER.search(before)
                ) or is_subject(text, t, min(end, t.end + 40)):
            continue  # "In Washington, Trump said ...", "Tehran had warned him": not a site
            # (but "fires at the Khurais oil field, the interior ministry said" is one)
        if _WATER_AFTER.match(after):
            continue  # "over the Florida Straits": a sea, not the land it is named after
        if t.kind != "populated" and before.endswith(("the ", "The ")) and _SETTLEMENT.match(after):
            continue  # "Port Sudan, the Red Sea city": whose coast the city is on
        if t.kind == "populated" and not modifier and before.endswith(("the ", "The ")) \
                and not re.match(
                r"[’']?s?\s+(?:[a-z]+\s+)?(?:area|district|region|province|city|town|village|"
                r"camp|base|suburb|valley|crossing|border|front|reactor|plant|refinery|airport|"
                r"port|terminal|dam|power station|hospital|facility|complex|depot|barracks|"
                r"junction|checkpoint|crossroads|roundabout|road|highway|bridge|market|station)",
                after) \
                and not t.name.lower().startswith("the "):
            continue  # "near Saratov on the Volga": a river, not the town of Volga
        if _ORIGIN_LEAD.search(text[seg.start : t.start]) and not _SITE_AFTER_ORIGIN.search(
                text[seg.start : t.start].rsplit("from", 1)[-1]):
            continue  # "fired from bombers flying over Russia's Kursk region": the launch area
        if t.feature_code in {"SEA", "GULF", "STRT", "BAY"} and last is not None and re.fullmatch(
                r",\s+(?:on|in|by)\s+(?:the\s+)?", text[last.end : t.start]):
            continue  # "the port of Berdyansk, on the Sea of Azov": where the port is
        if t.feature_code == "CONT" or (t.country_code is None and t.feature_code in {
                "RGN", "PEN", "MTS"}) or _SPOKE_IN.search(before):
            continue  # "the first suicide bombings in western Europe", "West Africa", "the
            # Balkans": no site, a continent or region of several countries; "told reporters in
            # Tokyo", "said in Washington", "cartoons published in Denmark": where it was said
        if _INSTITUTION_AFTER.match(after) or _QUARTER_OF.match(after) or (
                t.kind == "country" and re.match(r" (?:[A-Z][\w-]+ )+[A-Z]", after)):
            continue  # "the US arsenal", "the Oregon nightlife district of Dayton", "the
            # Saudi Teaching Maternal Hospital in El Fasher": no site
        if t.feature_code == "OFFSET":  # "roughly 100 km south of Odesa": the point itself
            out.append((t, 2))
            last = t
            continue
        if (out and re.search(r"\b(?:north|south|east|west)[\w-]* of\s+(?:the\s+)?$", before)) \
                or OWNED.match(after):
            continue  # "the Dawadmi and Afif areas west of Riyadh"; "the US-owned carrier"
        ref = _REFERENCE_BEFORE.search(before)
        if ref or _BORDER_AFTER.match(after):
            distance = re.search(r"\d[\d,]*", ref.group()) if ref else None
            far = int(distance.group().replace(",", "")) if distance else 0
            if far <= 100:  # "20 km north-west of Saada", "50 nautical miles off Aden"
                references.append((t, 3 if far < 50 else 4))  # never beats a tied place
            continue  # "about 250 km south-east of Kyiv" says where it is not
        if not tied:
            nxt = next((u for u in toponyms if u.start >= t.end and u.end <= end), None)
            if nxt is None or _NOT_SITE_BEFORE.search(before) or not _INSIDE_NEXT.fullmatch(
                    text[t.end : nxt.start]) or not (
                    _LINK_BEFORE.search(text[max(seg.start, nxt.start - 60) : nxt.start])):
                continue  # ... unless it lies in the next place: "the Qandil mountains in Iraq"
        precision = _precision(t)
        if (across or _NEAR_BEFORE.search(before)) and precision == 1:
            precision = 2
        out.append((t, precision))
        last = t
    if not out:  # a reference point is the best the text gives
        return [(t, p) for t, p in references if not _BORDER_WITH.search(
            text[max(seg.start, t.start - 40) : t.start])]
    return out


def said_there(text: str, t: Toponym) -> bool:
    """Whether the text names ``t`` only as where something was said ("In Washington,
    officials declined to comment", "told reporters in Tokyo", "said in Washington")."""
    opening = re.search(r"(?:^|[.!?\n]\s*)In\s+$", text[max(0, t.start - 10) : t.start])
    return bool(opening and _SPEAKER_PLACE.match(text, t.end, t.end + 80)) or bool(
        _SPOKE_IN.search(text, max(0, t.start - 60), t.start))


def _precision(t: Toponym) -> int:
    if t.kind == "country":
        return 4
    if t.kind == "adm1":
        return 3
    if t.kind == "adm2" or t.feature_code == "OFFSET":
        return 2
    if t.kind == "feature" and t.feature_code in {"RGN", "SEA", "GULF", "STRT", "MTS", "PEN",
                                                  "CONT", "BNDY"}:
        return 3
    return 1


_SITE_NOUN = re.compile(r"\bthe\s+(mosque|church|temple|synagogue|cathedral|school|university"
                        r"|hospital|hotel|market|camp|barracks|embassy|consulate|checkpoint"
                        r"|airport|prison|stadium|theatre|theater|palace|compound|plaza|square)\b",
                        re.IGNORECASE)


def site_told_before(drafts: list[Draft], text: str, toponyms: list[Toponym]) -> None:
    """A strike told with no place but at "the mosque", where another sentence puts that
    mosque by a town ("the Krue Se mosque, ... a few kilometres outside the town of
    Pattani"), is by that town (precision 2)."""
    spans: list[tuple[int, int]] | None = None
    for d in drafts:
        nouns = {m.group(1).lower() for x in d.texts for m in _SITE_NOUN.finditer(x)}
        if d.places or not nouns:
            continue
        spans = sentences(text) if spans is None else spans
        here = re.compile(rf"\b(?:{'|'.join(sorted(nouns))})\b", re.IGNORECASE)
        for s, e in spans:
            if text[s:e].strip() in d.evidence or (m := here.search(text, s, e)) is None:
                continue
            town = next((t for t in toponyms if m.end() <= t.start < min(e, m.end() + 100)
                         and t.kind == "populated"), None)
            if town is not None:
                d.places.append((town, 2))
                break
