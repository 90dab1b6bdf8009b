"""Reading strike clauses: sentences, segments, and who/where/what inside a segment.

Private helpers of :mod:`geomap.events`. A *segment* is a sentence cut at connectors that
introduce another event ("a day after", "following"): "The Balochistan attack came a day
after Iran launched missiles at Erbil" yields two segments, each read on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geomap._words import BROKE_UP, DATELINE, accused_of
from geomap.actors import ActorMention
from geomap.records import Toponym

__all__ = [
    "OWNED", "Segment", "attacker_of", "blamed_actor", "coordinated", "date_text", "has_strike",
    "is_subject", "origin_places", "passive_strike", "segments", "sentences", "weak_strike"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z“\"])")
_ABBREV_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|St|Gov|Sen|Rep|No|U\.S|U\.K"
                         r"|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$")  # "ROME, Dec. 28 -"
_CONNECTOR = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|several|a few) (?:days?|weeks?|months?) "
    r"(?:after|before|earlier|later)"
    r"|(?:in |its |their |(?:its|their) first )?(?:retaliation|retribution|response|reprisals?)"
    r" (?:to|for)|responding to|answer(?:s|ed|ing)|avenging|to avenge"
    r"|(?<!came )(?<!comes )(?<!shortly )(?:after|following) (?=(?:a|an|the|its|their|his|her|it"
    r"|they|one of|two of|two|three|four|five|several|twin|multiple)\b"
    r"|(?-i:[A-Z])|explosions|blasts|strikes|attacks|rockets|missiles|drones|shells|bombs"
    r"|air strikes|gunmen|militants|jets|warplanes)"
    r"|(?<=[a-z] )as(?= (?:the )?(?-i:[A-Z])[\w-]+(?: [\w-]+)? (?-i:(?:Strikes?|Hits?|Bombs?"
    r"|Pounds?|Shells?|Attacks?|Launches|Fires|Kills|Raids?)\b))"  # "... as US Strikes X"
    r"|amid|follows|followed|(?:punishment|revenge) for|(?:came|happened|occurred) as)\b|;"
    r"|, and (?=(?-i:[A-Z]))|(?<=\w) and (?=(?-i:[A-Z])[\w-]+ (?:planes|jets|aircraft|warplanes"
    r"|bombers|forces|troops|warships|artillery|drones|missiles|gunboats) (?:\w+ )?(?:struck"
    r"|hit|bombed|attacked|shelled|fired|launched|raided|pounded)\b)"
    r"|(?<=killed )when|(?<=died )when|, when|, where"
    r"|since(?= (?!January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|then\b|now\b|that\b)(?:[\w’'-]+ ){1,3}(?:had|have|has|was|were|found|began|started"
    r"|launched|said)\b)"
    r"|, (?:chanting|saying|calling|adding|urging|demanding|vowing|accusing|describing|"
    r"insisting|warning|noting|waving|holding|arguing|denying|deepening|fuell?ing"
    r"|heightening)\b",
    re.IGNORECASE,
)
_OPENING_AFTER = re.compile(r"\s*(?:after|following)\s*", re.IGNORECASE)
_AIRCRAFT = r"(?:jet|jetliner|airliner|plane|aircraft|airbus|boeing|flight|helicopter)s?"
_STRIKE = re.compile(  # strike words: nouns and verbs that say something hit something
    r"\b(?:attack(?:s|ed|ing)?|strike[sd]?|struck|striking|air ?strikes?|bomb(?:ing|ings|ed|s)?"
    r"|shell(?:ing|ed)|blasts?|explosions?|raid(?:s|ed|ing)?|barrages?|bombardments?|ambush(?:ed)?"
    r"|bombers?|rammed|stormed|overr[au]n|massacre[sd]?|murdered|slaughtered|assassinated"
    r"|machine-gunn(?:ed|ing)|(?:was|were|been) shot\b(?! down)|shot (?:and killed |dead )?(?:\d+"
    r"|two|three|four|five|six|seven|eight|nine|ten|several|dozens of) (?!times\b|of\b)|gunned down"
    r"|blew up|blown up|set(?:s|ting)? off (?:an? |the |his |her |their )?(?:[\w-]+ ){0,2}?"
    r"(?:explosives?|bombs?|devices?|charges?|vests?)"
    rf"|(?:shot|shoot|shoots|shooting) down (?:an? |the |its |their )?(?:[\w-]+ ){{0,2}}?"
    rf"{_AIRCRAFT}|{_AIRCRAFT}\b[^.;]{{0,120}}?\b(?:was|were|been) shot down"
    r"|stabbed|stabbings?|knifed|knife attacks?|killings (?:took place|happened|occurred)"
    r"|blew (?:himself|herself|themselves) up|blew (?:[\w-]+ ){1,4}?(?:into the air|apart)"
    r"|shootings?|assaults?|plough\w*|plow\w*|mow\w* down|destroyed|detonat\w+"
    r"|(?:grenades?|bombs?|explosives?) (?:was |were )?(?:thrown|hurled|lobbed|tossed)"
    r"|(?:threw|hurled|lobbed|tossed) (?:\w+ )?(?:grenades?|bombs?|explosives?|shells|mortars)"
    r"|sank (?=(?:a|an|the|its|their)\b)"
    r"|dropp(?:ed|ing) (?:[\w-]+ ){0,2}?(?:bombs?|gas|munitions?|explosives?|grenades?|barrels?"
    r"|napalm|incendiar\w+|chemicals?|mines?) on"
    r"|(?:drove|driv(?:e|es|ing|en)) [\w\s-]{0,25}?(?:truck|lorry|car|vehicle|van) into"
    r"|(?:missiles?|rockets?|drones?|shells?|bombs?|projectiles?)(?: that| which)? (?:hit|struck"
    r"|landed|slammed|exploded|fell|killed|kills|got through|destroyed|flattened|damaged"
    r"|(?:tore|ripped) (?:into|through|open|apart)|smashed (?:into|through)|crashed into"
    r"|rained (?:down )?on"
    r"|br(?:ought|ing|ings) down|levell?ed|demolished|wrecked|set (?:\w+ )?ablaze|set fire to)"
    r"|flatten(?:s|ed)|(?:artillery|mortar|rocket) fire"
    r"|(?:bomb|device|truck|car|vest)s? (?:exploded|detonated|went off)"
    r"|(?:fighters|militants?|jihadists|insurgents|rebels|attackers?|assailants?|extremists"
    r"|commandos|guerrillas|militiamen|raiders|paratroopers|gunman)"
    r" (?:(?!(?:been|were|was|are|is|be)\b)\w+ ){0,2}?(?<!been )(?<!were )(?<!was )"
    r"(?:killed|shot|executed|beheaded|slaughtered|massacred)"
    r"|(?:(?<!-)hits?|pound(?:s|ed|ing)?|targeted|targeting|targets)|shot dead|opened fire|gunmen|"
    r"firing (?:on|at|into) (?:\w+ )?(?:protesters|demonstrators|marchers|crowds?|worshippers)|"
    rf"{BROKE_UP}|"
    r"launched|fired|(?:was|were) shot(?= and killed| to death|[.,;]))\b",
    re.IGNORECASE,
)
_VIOLENT = re.compile(
    r"\b(?:missiles?|rockets?|drones?|UAVs?|bomb\w*|shell\w*|artillery|warplanes?|planes|jets?|"
    r"chemical|grenades?|devices?|aircraft|helicopters?|gunships?|"
    r"airstrikes?|air strikes?|air raids?|explosives?|gunmen|suicide|killed|killing|dead|died|"
    r"wounded|injured|injuring|casualties|kills?|blasts?|explosions?|exploded|damage|destroyed|"
    r"murdered|massacred|slaughtered|gunned down|machine-gunned|shot down|gunman|victims|"
    r"(?:was|were) shot(?=[.,;])|"
    r"attackers?|assailants?|armed men|"
    r"to death|"
    r"death toll|toll|fighters|hideouts|positions|targets|soldiers|troops|civilians|"
    r"(?:carried out|conducted|launched|staged|mounted) (?:\w+ ){0,2}(?:strikes?|attacks?|raids?)|"
    r"militants?|headquarters|bases?|police station|mosque|church|cathedral|temple|school|bus|"
    r"market|apartment|building|homes?|houses?|mall|shopping|villages?|"
    r"ships?|vessels?|tankers?|bulk carrier|cargo carrier|freighter|frigate|destroyer|"
    r"nuclear|enrichment|facilit(?:y|ies)|air ?base|refinery|depot|"
    r"hospital|consulate|embassy|checkpoint|convoy|barracks|claimed by|"
    r"(?:opened|open|opening) fire on (?:\w+ ){0,3}(?:protesters|demonstrators|marchers|crowds?"
    r"|worshippers|students|villagers|mourners|passengers|strikers))\b",
    re.IGNORECASE,
)
_COORDINATED = re.compile(
    r"\s*(?:,\s*|,?\s+and\s+|,?\s+or\s+)(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?",
    re.IGNORECASE)
_PLACE_MODIFIER = re.compile(r"(?:\s+[A-Z]?[\w-]+){0,3}?\s+(?:attacks?|bombings?|blasts?|strikes?"
                             r"|massacres?|shootings?|explosions?|bombers?|attackers?)\b",
                             re.IGNORECASE)
_SUBJECT_AFTER = re.compile(
    r"(?:’s|'s)\s+(?:[\w-]+\s+){0,2}(?:guns|artillery|missiles|rockets|forces|troops|military|"
    r"army|navy|jets|warplanes|drones|gunboats|batteries)\b|"
    r"\s+(?:(?:had|has|have|was|is|will|would)\s+)?(?:said|says|warned|denied|denies|told|accused|"
    r"blamed|claimed|announced|condemned|called|urged|insisted|responded|vowed|promised|"
    r"believes|believed|launched|fired|rejected|dismissed|confirmed|admitted|acknowledged|"
    r"threatened|demanded|replied|ordered|summoned|recalled|expelled|protested)\b|"
    r"\s+and\s+(?-i:[A-Z][\w-]+)\s+(?:strike|strikes|struck|hit|bomb|bombed|attack|attacked|pound"
    r"|pounded|launch|launched)\b", re.IGNORECASE)  # "US and Britain Strike Houthi Targets"
_FROM_BEFORE = re.compile(r"\bfrom(?: the direction of)?(?: the)?\s+$", re.IGNORECASE)
_WEAPON = re.compile(r"\b(?:missiles?|rockets?|drones?|shells?|projectiles?)\b", re.IGNORECASE)
_SAID_ON = re.compile(r"\b(?:said|says|told [\w ]{1,20}?|announced|stated|reported|added|confirmed"
                      r"|sentenced|convicted|charged|jailed|arrested|detained|appeared|pleaded|vowed"
                      r"|found guilty|acquitted|ruled|admitted|acknowledged|conceded|apologi[sz]ed"
                      r"|revealed|disclosed|concluded|testified|confessed|surrendered"
                      r"|claimed responsibility|rose to [\w,]+|died of (?:his |her )?injuries"
                      r"|turned (?:himself|herself|themselves) in(?: to [\w ]{1,20}?)?"
                      r"|buried|mourned|gathered|held|visited|met|signed|hunt(?:ing|ed)|search(?:ing|ed)"
                      r"|(?<=claimed)(?: [\w ]{1,20}?)? by"
                      r"|(?:accused|blamed|condemned|denounced)(?:\s+(?:the\s+)?[A-Z][\w-]+){1,2})"
                      r"\s+(?:late |early )?(?:on |this |last )?\w+day(?: night| morning)?"
                      r"(?: and \w+day)?\b",
                      re.IGNORECASE)
_VERDICT_ON = re.compile(r"\b(?:sentenced|convicted|jailed|acquitted|found guilty)\b[^.;]{0,80}?"
                         r"\b(?:today|yesterday|tonight|on \w+day)\b", re.IGNORECASE)
_SINCE_TAIL = re.compile(r"(?<=\w)[,\s]+(?:the )?(?:deadliest|worst|biggest|largest)\b[^.;]*?"
                         r"\bsince\b[^.;]*|\bsince (?:last |late )?(?:(?-i:[A-Z])\w+|\d{4})", re.I)
_BLAMED = re.compile(r"\b(?:blame[ds]?(?: by (?:[\w-]+ ){1,4}?on| on)?|attributed to|claimed by"
                     r"|(?:aircraft|jets|planes|warplanes|bombers|helicopters"
                     r"|drones|gunboats) (?:were|was)(?: all)?)"
                     r"\s+(?:the\s+)?(?:[A-Z][\w-]+(?:’s|'s)\s+(?:self-styled\s+|so-called\s+)?)?"
                     r"(?:(?:[\w-]+\s+)?(?:guerrillas|militants|rebels|fighters|insurgents|members"
                     r"|militiamen|gunmen) of (?:the\s+)?|[\w-]+-"
                     r"(?:based|backed|linked|allied)\s+(?:group|militia|militants)\s+|(?:an?|the)"
                     r" [\w-]+ (?:operated|flown|fired|launched|sent) by (?:the )?)?$",
                     re.IGNORECASE)
_ARMED_NOUN = re.compile(
    r"(?:’s|'s)?\s*(?:[\w-]+\s+){0,2}?(?:missiles?|drones?|rockets?|jets?|(?:war)?planes|aircraft|"
    r"bombers?|strikes?|air ?strikes?|attacks?|forces|military|army|troops|artillery|navy|force|"
    r"warships?|submarines?|destroyers?|frigates?|gunboats?|(?:patrol |torpedo |missile )?boats?|"
    r"air force|fighter|gunmen|militants|shelling|barrage|raids?|soldiers|tanks?|commandos?"
    r"|gunships?|paratroopers|special forces|agents|operatives|saboteurs|airmen|pilots"
    r"|batteries)\b", re.IGNORECASE)
_WHERE_FROM = re.compile(r"\s+(?:airspace|territory|soil|side|waters|skies|coast(?:line)?"
                         r"|shores?)\b", re.IGNORECASE)
_MODIFIER_GAP = re.compile(r"(?:’s|'s|-led)?[\s-]*((?:air|drone|missile|rocket|naval)\s+)?")
# "Iran's drones", "US-led strikes", "an American air strike" (one: not "Israeli air raids")
_ONE_STRIKE = re.compile(r"(?:strike|raid|attack)\b")
_NOUN_GAP = re.compile(r"[\s-]*(?:[\w-]+\s+){0,2}")  # "a Tu-22M3 long-range bomber"
OWNED = re.compile(r"-(?:owned|flagged|registered|based|born|made|built|designed|supplied|backed"
                   r"|run|operated|allied|aligned|linked|controlled|held)\b", re.IGNORECASE)
"""A name used as an owner or sponsor ("the US-owned carrier", "the Pakistan-based group"):
neither a site nor an attacker."""
_BY_OTHER_VERB = re.compile(r"\b(?:used|run|held|owned|operated|built|controlled|occupied|guarded"
                            r"|seized|captured|foil\w*|thwart\w*|prevent\w*)\b")  # "to foil X by"
_LEFT_FROM = re.compile(r"\b(?:withdr[ae]w\w*|pull\w* out|evacuat\w+|fled|flee\w*|expel\w*"
                       r"|deport\w*|retreat\w*|ousted)\s+(?:[\w-]+\s+){0,3}from\s+(?:the\s+)?$",
                       re.IGNORECASE)
_TARGET_NOUN = re.compile(r"[\w-]*\s+(?:bases?|airfields?|air bases?|positions|barracks|depots?"
                          r"|headquarters)\b|[\w-]*\s+(?:burning|ablaze|on fire|in flames)\b",
                          re.IGNORECASE)  # "a Tu-22M3 long-range bomber burning at the base"
_DOWNED = re.compile(r"\b(?:(?:shot|shooting|brought) down|downed)\s+(?:the\s+|an?\s+)?$",
                     re.IGNORECASE)
_AIMED = re.compile(r"targets?\b", re.IGNORECASE)  # "attacked an ANC target": the ANC's
_FROM_END = re.compile(r"\bfrom\s+(?:the\s+direction\s+of\s+)?(?:the\s+|an?\s+)?$",
                       re.IGNORECASE)
_FROM_AGENT = re.compile(r"\b(?:attacks?|strikes?|fire|fired|launched|shelling|missiles?|rockets?"
                         r"|drones?|raids?|barrages?|toll|deaths?|casualties)\s+from\s+"
                         r"(?:the\s+direction\s+of\s+)?(?:the\s+|an?\s+)?$",
                         re.IGNORECASE)  # not "barometers from"; "fired from the direction of"
_DISTANCE_FROM = re.compile(r"\b(?:metres|meters|km|kilometres|kilometers|miles|yards|feet|away"
                            r"|far|across the \w+)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_ORIGIN_LIST = re.compile(r"\bfrom\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+and\s+[A-Z][\w-]*"
                          r"(?:\s+[A-Z][\w-]*)?")  # "bombers flying from Cyprus and Malta"
_RELATIVE = re.compile(r"\w\s+(?:who|which)\s+(?:had\s+|have\s+|has\s+)?$")
_CLAUSE_BREAK = re.compile(r",\s+(?:as|while|but|although|though|whereas)\s")
_HELPER_BEFORE = re.compile(r"\b(?:joined|backed|supported|aided|accompanied) by\s+"
                            r"(?:an?\s+|the\s+)?$|\balongside\s+(?:the\s+)?$")
_BACKER = re.compile(r"\bof (?:backing|supporting|arming|funding|financing|sponsoring|helping)\b")
_HELD_BY = re.compile(r"\b(?:held|controlled|run|occupied|ruled|besieged) by\s+(?:the\s+)?"
                      r"(?:[\w-]+\s+){0,3}$")  # "a port town held by the Islamist group"
_PLANE_MODEL = re.compile(r"\s+(?:[A-Z][A-Za-z]{0,2}-\d+\w*)s?\b")  # "Israeli F-16", "Su-25s"
_MODEL = re.compile(r"\s+(?:[A-Z][\w-]*\s+){1,3}(?:then\s+)?")  # "Iranian F-4 Phantoms then"
_INQUIRY = re.compile(r"\b(?:investigat\w+|inquiry|probes?)\b", re.IGNORECASE)  # any actor's
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?(?:hit|struck|attacked|"
                      r"targeted|damaged|sunk|bombed|shelled|torpedoed|destroyed)\b", re.IGNORECASE)
_NON_STATE = re.compile(  # a nationality of a group, not a state: "Somali militants"
    r"\s+(?:[\w-]+\s+)?(?:militants?|gunm[ae]n|rebels?|insurgents?|jihadists?|extremists?|"
    r"separatists?|group|suicide bombers?)\b", re.IGNORECASE)
_BLAMES = re.compile(r"\bblame[ds]?\b", re.IGNORECASE)
_OWN_STRIKE = re.compile(  # a speaker claims the strike: "said it had struck", "its jets hit"
    r"\b(?:it|they)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:\w+\s+)?(?:struck|hit|"
    r"hitting|attacked|targeted|targeting|launched|fired|bombed|carried out|conducted|striking|"
    r"destroyed|sank|shelled)\b"
    r"|\b(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:jets|forces|aircraft|(?:war)?planes|drones|missiles|"
    r"troops|army|navy|air force|military|strikes?|attacks?|artillery|rockets|gunships|"
    r"helicopters|warships|ships|vessels|submarines|bombers|commandos)\b", re.IGNORECASE)
_SPEAKER = re.compile(r"(?:(?:’s|'s)(?:\s+[\w-]+){1,3},?)?\s*(?:,[^,]{0,80},\s*)?"
                      r"(?:has |had |have )?"
                      r"(?:said|says|say|claimed|claims|claim|stated|reported|announced|told|"
                      r"denied|denies|deny|confirmed|confirms|"
                      r"blamed|"
                      r"accused|mourn\w*|held|condemned)\b", re.IGNORECASE)
_POSSESSIVE_CIVIL = re.compile(
    r"(?:’s|'s)\s+(?!(?:[\w-]+\s+){0,2}(?:forces|troops|military|army|navy|air\s+force|jets|"
    r"warplanes|aircraft|planes|bombers|drones|missiles|rockets|artillery|guns|gunboats|warships|"
    r"batteries|commandos|soldiers|attacks?|strikes?|raids?|bombing|offensive|retaliation|"
    r"barrage|shelling|bombardment|response|operation|responsibility|role|involvement|agents|"
    r"operatives|intelligence)\b)")
_WHAT_IT_CALLS = re.compile(r"\bwhat (?:it|they) call(?:s|ed)\b")  # naming, no verb of its own
_OTHER_VERB = re.compile(
    r"\b(?:count(?:s|ed)|charg(?:es|ed)|indict(?:s|ed)|sentenc(?:es|ed)|convict(?:s|ed)|cuts?|revised?|revises"
    r"|lowered|raised|mourns?|mourned|condemns?|condemned|recall(?:s|ed)?"
    r"|summon(?:s|ed)?|urges?|urged|calls?|called|welcomes?|welcomed|buries|buried|marks?|marked|mourning"
    r"|remembers?|honou?rs?|confirms?|confirmed|names?|named|identifies"
    r"|identified|arrests?|arrested|warns?|warned|vows?|vowed|asks?|asked|reports?|reported"
    r"|protests?|protested|demands?|demanded)\b",
    re.IGNORECASE)
_RESPONSIBLE = re.compile(
    r"\b(?:(?:did not|would not|declined to) (?:confirm|deny) (?:that )?(?:its|their) "
    r"(?:[\w-]+ ){0,2}(?:had |have )?(?:carried out|launched|conducted|struck|hit)"
    r"|(?:was|were|is|are) (?:behind|responsible)|claimed (?:responsibility|"
    r"the (?:attack|strike|bombing))|said (?:it|they) (?:had )?carried out)", re.IGNORECASE)
_MEDIA = re.compile(r"\s+(?:News|Radio|Television|TV|Press|Times|Post|Agency)\b")
_VICTIM_BEFORE = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring)\s+"
                            r"(?:(?!when\b|as\b|after\b|by\b|in\b|during\b|while\b)"
                            r"[\w-]+\s+){0,3}$", re.IGNORECASE)
_VICTIM_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:were|was|have been|had been|are)\s+"
                           r"(?:\w+\s+)?(?:killed|wounded|injured|hurt)\b"
                           r"|\s+(?:[\w-]+\s+){1,5}(?-i:Killed|Wounded|Injured|Hurt)\s+(?:in|at|as"
                           r"|by|when)\b", re.IGNORECASE)  # a headline: "US Envoy ... Killed in"
_BY_ACTOR = re.compile(r"(?<!used )(?<!run )(?<!owned )(?<!backed )(?<!controlled )(?<!operated )"
                       r"(?<!held )(?<!led )(?<!funded )(?<!supported )(?<!armed )(?<!trained )"
                       r"(?<!built )(?<!made )(?<!hosted )(?<!housed )(?<!displaced )"
                       r"(?<!uprooted )(?<!abducted )(?<!kidnapped )(?<!seized )(?<!freed )"
                       r"\b(?:by|from(?:\s+the\s+direction\s+of)?)\s+(?:the\s+|an?\s+)?[\"“]?$",
                       re.IGNORECASE)
_AND_DEMONYM = re.compile(r"^\s+(?:and|or)\s+[A-Z][\w-]+(?=\s)")  # "American| and British"
_VERB_FORM = re.compile(r"(?-i:[a-z]\w*ed\b|struck\b)")  # a verb, not a strike noun
_OBJECT_BEFORE = re.compile(r"\b(?:of|in|on|at|against|into|to|for|with|over)\s+(?:the\s+)?$",
                            re.IGNORECASE)
_OBJECT_OF = re.compile(r"\b(?:(?:attacked|struck|bombed|shelled|raided|stormed|hit|targeted"
                        r"|ambushed)\s+(?:the\s+)?|with\s+)(?:[\w-]+\s+)?(?:[\w-]+\s+)?$",
                        re.IGNORECASE)  # "attacked three Cuban", "Bomber With Fake US Licence"
_ACTOR_NOT_SUBJECT = re.compile(
    r"\b(?:in|on|at|near|outside|beyond|against|into|across|to|toward|towards|for|of|with|"
    r"around|throughout|within|"
    r"inside|over|(?:north|south|east|west)\w*|central|"
    r"targeted|targeting|struck|hit|hitting|striking|attacking|bombing|shelling|pounding|"
    r"stormed|storming|attacked|raided|bombed|shelled|ambushed|overran|reached|entered|left|"
    r"about|between|and)\s+(?:the\s+)?$", re.IGNORECASE)


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
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def segments(text: str, index: int, start: int, end: int) -> list[Segment]:
    """Cut one sentence at connectors that introduce another event."""
    sentence = text[start:end]
    out: list[Segment] = []
    cut = 0
    connector: str | None = None
    for m in _CONNECTOR.finditer(sentence):
        if sentence[cut : m.start()].strip():
            out.append(Segment(sentence[cut : m.start()], start + cut, index, connector))
        connector = m.group().lower().strip()
        cut = m.end()
    out.append(Segment(sentence[cut:], start + cut, index, connector))
    first, comma = out[0], out[0].text.find(", ")  # "After Libya fired, US Navy jets sank"
    if comma > 0 and _OPENING_AFTER.fullmatch(sentence, 0, first.start - start):
        out[:1] = [Segment(first.text[:comma], first.start, index, first.connector),
                   Segment(first.text[comma + 2 :], first.start + comma + 2, index, None)]
    return out


@lru_cache(maxsize=256)  # one article's segments are asked several times
def has_strike(text: str) -> bool:
    """A strike word, and a word that says it was violent (weapon, casualty, target)."""
    return bool(_STRIKE.search(text)) and bool(_VIOLENT.search(text))


def passive_strike(text: str) -> bool:
    """Whether the text says something "was hit", "had been destroyed": what was struck
    is its subject, not the attacker."""
    return bool(_PASSIVE.search(text))


def is_subject(text: str, t: Toponym, end: int | None = None) -> bool:
    """A place name used as an actor: "Tehran had warned", "Pyongyang's coastal guns" (the
    text read up to ``end``)."""
    return bool(_SUBJECT_AFTER.match(text, t.end, len(text) if end is None else end))


def coordinated(text: str, first: Toponym, second: Toponym) -> bool:
    """Two places joined in one list: "Syria and Iraq", "Erbil ... and northeastern Syria"."""
    return first.end <= second.start and bool(
        _COORDINATED.fullmatch(text[first.end : second.start]))


def weak_strike(text: str) -> bool:
    """A strike word (or a weapon) without a word of violence: it can only add to an
    event already read ("among the places hit"), never make one."""
    return bool(_STRIKE.search(text)) or bool(_WEAPON.search(text))


def _blamed(seg: Segment, text: str, a: ActorMention) -> bool:
    """Whether ``a`` is the one blamed: "blamed on", "blamed by the Basque government on"."""
    return bool(_BLAMED.search(text, max(seg.start, a.start - 60), a.start)) or accused_of(
        text, seg.start, a.start, a.end)


def blamed_actor(seg: Segment, text: str, actors: list[ActorMention]) -> ActorMention | None:
    """The actor a segment holds responsible: "Tehran has blamed Israel for that strike",
    "fighters of ISWAP were behind the attack", "Al-Shabaab, the group linked to
    al-Qaeda, said it had carried out the attack" (the subject, not the apposition)."""
    end = seg.start + len(seg.text)
    inside = [a for a in actors if seg.start <= a.start and a.end <= end]
    for a in inside:
        if _blamed(seg, text, a) and not OWNED.match(text, a.end):
            return a  # "blamed the Pakistan-based group Jaish-e-Mohammed": the group; "The
            # aircraft were Israeli" (not "were Russian-made")
    phrase = _RESPONSIBLE.search(seg.text)
    if phrase is None:
        return None
    at = seg.start + phrase.start()
    cands = [a for a in inside if a.end <= at and a.kind in {"group", "force", "state"}
             and not _MEDIA.match(text, a.end)]  # not "Callers to Israel Radio claimed"
    direct = [a for a in cands if "," not in text[a.end : at]]
    if direct:
        return direct[-1]
    return cands[0] if cands else None


@lru_cache(maxsize=256)  # one article's segments are asked several times
def date_text(seg_text: str) -> str:
    """The segment with the dates of speaking ("said on Wednesday"), of filing ("BORDEAUX,
    Friday - ", "BAGHDAD (Jan 5) - "), of a verdict ("sentenced two SS men to death in the
    early hours of today") and of comparison ("the deadliest since fighting erupted on 27
    September") blanked."""
    blank = _SAID_ON.sub(lambda m: " " * len(m.group()), seg_text)
    blank = _VERDICT_ON.sub(lambda m: " " * len(m.group()), blank)
    filed = DATELINE.match(blank)  # "BORDEAUX, Friday - ", "BAGHDAD (Jan 5) - "
    if filed:
        blank = " " * filed.end() + blank[filed.end() :]
    if "since" not in blank:
        return blank
    return _SINCE_TAIL.sub(lambda m: " " * len(m.group()), blank)


def origin_places(seg: Segment, text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Places the text says a strike came from ("from Iranian territory", "from X")."""
    end = seg.start + len(seg.text)
    return [t for t in toponyms if seg.start <= t.start and t.end <= end
            and _FROM_BEFORE.search(text[max(seg.start, t.start - 30) : t.start])]


_CIVIL_OFFICE = re.compile(  # "Iraq's Interior Minister Quits as Baghdad Bombing Toll Climbs"
    r"(?:’s|'s)\s+(?:(?!defen[cs]e\b|war\b)[\w-]+\s+minist|prime minister|president|police"
    r"|envoy|ambassador)", re.IGNORECASE)


def attacker_of(seg: Segment, text: str, actors: list[ActorMention],
                trigger_at: int) -> ActorMention | None:
    """The actor that struck: a modifier of the strike noun ("Iranian drones"), the
    subject of a strike verb ("Iran launched"), the agent after "by" ("attack by the
    IRGC"), or the one blamed ("blamed on Israel"). Actors after "in", "against",
    "targeted"... are places or targets; a demonym before a noun that is not a weapon or
    force ("the Iranian consulate") is not an attacker; a speaker ("Israel said the raid
    answered a drone") is one only when the clause says "its" or "it"."""
    end = seg.start + len(seg.text)
    inside = [a for a in actors if seg.start <= a.start and a.end <= end]
    for a in inside:  # agent or blamed: "attacks by the IRGC", "blamed on Israel"
        lead = text[max(seg.start, a.start - 45) : a.start]
        if _WHERE_FROM.match(text, a.end, end) or _LEFT_FROM.search(text, seg.start, a.start) \
                or _DISTANCE_FROM.search(lead) or lead.endswith(("blamed by ", "blamed by the ")):
            continue  # "fired from Lebanese airspace", "withdraw its troops from Iraq", "a few
            # hundred metres from the US embassy", "blamed by the Basque government on"
        if (a.start > trigger_at and _BY_ACTOR.search(lead) and not (
                a.kind == "government" and lead.endswith("from "))
                and not (_FROM_END.search(lead) and not _FROM_AGENT.search(lead))
                and not _BY_OTHER_VERB.search(text, trigger_at, a.start)) or _blamed(seg, text, a):
            return a
    origins = list(_ORIGIN_LIST.finditer(text, seg.start, trigger_at))
    struck = _TARGET_NOUN.match(text, trigger_at, end) or _AIMED.match(text, trigger_at)  # "Hit
    # Russian Bomber Bases", "an ANC target"
    verb = _VERB_FORM.match(text, trigger_at)
    for a in [] if struck else inside:  # a modifier right before the strike noun: "an
        # American drone strike" (not before what was struck); before a verb, its subject,
        # unless an object itself ("the invasion of Grenada bombed")
        if (verb and _OBJECT_BEFORE.search(text, max(seg.start, a.start - 15), a.start)) or \
                _DOWNED.search(text, max(seg.start, a.start - 25), a.start):
            continue  # "shot down a Libyan bomber": the aircraft shot down
        gap = _MODIFIER_GAP.fullmatch(text, a.end, trigger_at)
        if gap and gap.group(1) and not _ONE_STRIKE.match(text, trigger_at):
            gap = None
        if a.end <= trigger_at and gap \
                and not any(o.start() <= a.start and a.end <= o.end() for o in origins) \
                and (a.kind != "demonym" or (_ARMED_NOUN.match(text[a.end : end])
                                             and not _NON_STATE.match(text[a.end : end]))) \
                and a.kind != "government":
            first = next((o for o in inside if re.fullmatch(r"\s+and\s+", text[o.end : a.start])
                          and o.kind in {"state", "demonym"}), None)
            launched = text.startswith(("launch", "Launch"), trigger_at)  # an offensive
            return a if launched or first is None else first  # "US and Britain Strike"
    before = []
    for a in inside:
        if a.start >= trigger_at or (struck and _NOUN_GAP.fullmatch(text, a.end, trigger_at)):
            continue  # what was struck: "a Tu-22M3 long-range bomber burning"
        lead = text[max(seg.start, a.start - 15) : a.start]
        tail = text[a.end : min(end, a.end + 40)]
        if _VICTIM_BEFORE.search(text[max(seg.start, a.start - 40) : a.start]) or (
                _VICTIM_AFTER.match(text, a.end, trigger_at)):
            continue  # "killed three American soldiers", "33 Turkish soldiers were killed"
        if any(o.start() <= a.start and a.end <= o.end() for o in origins):
            continue  # "bombers flying from Cyprus and Malta struck": where they came from
        relative = _RELATIVE.search(text, a.end, trigger_at)
        if (relative is not None and relative.start() > a.end + 1) or _CLAUSE_BREAK.search(
                text, a.end, trigger_at):
            continue  # "Indian commandos were searching ... for the gunmen who stormed it,
            # as politicians asked how the attackers had got in"
        if _HELPER_BEFORE.search(text, max(seg.start, a.start - 30), a.start) or _HELD_BY.search(
                text, max(seg.start, a.start - 50), a.start) or _BACKER.search(
                text, a.end, trigger_at):  # "accused the United States of backing the attackers"
            continue  # "American warships, joined by a British submarine, fired": a helper
        if _ACTOR_NOT_SUBJECT.search(lead) or _OBJECT_OF.search(
                text, max(seg.start, a.start - 40), a.start) or _CIVIL_OFFICE.match(
                tail) or OWNED.match(tail) or _DISTANCE_FROM.search(
                text, max(seg.start, a.start - 40), a.start) or re.match(
                r"\s*(?:General|Gen\.|commander|official|spokes|News|Radio|Television|Press"
                r"|bloggers|analysts|experts|observers|historians|commentators|journalists"
                r"|(?i:death toll|toll|casualties|dead|losses)\b)"
                r"|(?i:-led (?!coalition|forces|alliance|operation|campaign|troops|warplanes"
                r"|jets|aircraft|planes|bombers|raids|strikes|air strikes|bombing))", tail):
            continue
        if a.kind == "demonym" and (not (_ARMED_NOUN.match(_AND_DEMONYM.sub(
                "", tail, count=1)) or _PLANE_MODEL.match(tail) or _MODEL.fullmatch(
                text, a.end, trigger_at)) or _NON_STATE.match(tail)):
            continue  # "the Iranian consulate"; "the Somali militant group": not a state
            # (but "Iranian F-4 Phantoms then bombed" is)
        if a.kind == "government" and _PLACE_MODIFIER.match(tail):
            continue  # "the Berlin Christmas market attack": a place, not a government
        if _PASSIVE.search(text[a.end : trigger_at + 12]):
            continue  # "The Royal Navy destroyer HMS Sheffield was hit": the victim's
        if _BLAMES.search(text, a.end, trigger_at):
            continue  # the blamer: "The government ... blamed the guerrillas of the Shining
            # Path, who ... brought their campaign of bombings"
        if _SPEAKER.match(tail) and not _OWN_STRIKE.search(text[a.end : trigger_at + 30]):
            continue
        if a.kind in {"state", "government"} and _POSSESSIVE_CIVIL.match(tail):
            continue  # "told Britain's UKMTO agency that a craft had struck": whose agency
        if a.kind in {"state", "government"} and _OTHER_VERB.search(
                _WHAT_IT_CALLS.sub("", text[a.end : trigger_at])):
            continue  # "Sri Lanka cuts the death toll of the bombings": not the bomber
        if _INQUIRY.search(text, a.end, trigger_at) or (
                a.kind == "government" and trigger_at - a.end > 25):
            continue  # "Kyiv Orders Inquiry Into College Strike": a capital that strikes says so
        before.append(a)
    if before:
        armed = [a for a in before if a.kind in {"force", "group"}]
        return armed[-1] if armed else before[-1]
    return None
