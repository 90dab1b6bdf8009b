"""Word senses that are not strikes: disasters, labour strikes, sport, drills, tests, films;
and statements that are not events: habits, threats, hypotheses.

Private helpers of :mod:`geomap.events`. A sentence can hold every word of a strike
("missiles hitting targets", "the explosion killed 50") and still report none: a military
exercise, a weapons test, an industrial accident, a film. These rules say so, one sense at
a time, so that a reviewer sees why a sentence was passed over.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from geomap._clauses import has_strike
from geomap.weapons import find_weapons

if TYPE_CHECKING:
    from geomap._drafts import Draft

__all__ = ["drop_accidents", "is_generic", "not_a_strike"]

_DISASTER = re.compile(
    r"\b(?:earthquakes?|quakes?|aftershocks?|floods?|(?<!to )storms?(?! (?:the|a|an|its|their)\b)|"
    r"cyclones?|blizzards?|snow\w*|"
    r"tornado(?:e)?s?|typhoons?|tsunamis?|avalanches?|heat ?waves?|heart attacks?|cardiac|"
    r"hurricanes?|landslides?|wildfires?|epidemic|disease|meteors?|meteorites?|asteroids?|"
    r"eruptions?|volcan\w*|waves (?:of [\w ]{1,25})?(?:struck|hit|swept|battered))\b",
    re.IGNORECASE)
_CELEBRATION = re.compile(r"\b(?:fir\w*|shots?|guns?|rifles?|rounds?|bullets?) (?:[\w-]+ ){0,3}?"
                          r"into the air\b|\bin celebration\b|\bcelebratory\b|\bfireworks\b",
                          re.IGNORECASE)
_SPORT = re.compile(r"\b(?:goalkeeper|penalty|penalties|shootout|striker|midfielder|defender|"
                    r"free kick|scored|equaliser|equalizer|hat-trick|extra time|added time|"
                    r"semi-final|final whistle|match|tournament|innings|wicket)\b", re.IGNORECASE)
_POLICE = re.compile(r"\b(?:shot|killed|gunned down)(?: dead)? by (?:\w+ ){0,2}police\b|"
                     r"\bpolice (?:shot|killed)(?: dead)? (?:\w+ ){0,2}?(?:gunm[ae]n|attackers?"
                     r"|assailants?|suspects?|bombers?|militants?|hijackers?|hostage-takers?"
                     r"|kidnappers?|him|them|the man|the father)\b[^,.;]*", re.IGNORECASE)
# the police killing an attacker (not "police shot dead 34 miners": a massacre)
_LABOUR = re.compile(
    r"\b(?:doctors|workers|nurses|teachers|staff|union|unions|rail|railway|hunger|general|"
    r"labou?r|dock|postal|miners)[’']?s?[’']? strikes?\b|\bstrikes? (?:action|ballots?|pay)\b"
    r"|\b(?:\w+-day|week-long|day-long|national|nationwide) strike\b"
    r"|\bstrikes? by (?:junior |hospital |rail |transport )?(?:doctors|workers|nurses|staff)\b"
    r"|\b(?:on|went on|go on|going on) strike\b|\bstriking (?:workers|doctors|staff)\b",
    re.IGNORECASE)
# Rehearsed strikes: "combat exercises in which warplanes rehearsed precision strikes",
# "simulated joint precision strikes", "Taiwanese forces tracked the drills".
_DRILL = re.compile(r"\b(?:drills?|(?:military|combat|naval|joint|live-fire|bombing|shelling"
                    r"|firing|gunnery|training) exercises?|"
                    r"war ?games?|simulated|simulating|rehears\w+|practis\w+|practic\w+|"
                    r"mock (?:[\w-]+ )?(?:attacks?|strikes?|columns?|targets?|positions?|enemy)"
                    r"|targets on the range)\b", re.IGNORECASE)
# An assailant with a toll: "a bomber blew himself up among soldiers rehearsing for a parade".
_ASSAILANT = re.compile(r"\b(?:suicide|bombers?|gunm[ae]n|attackers?|assailants?)\b",
                        re.IGNORECASE)
# Weapons fired at nothing: tests, and missiles "fired into the waters around Taiwan".
_TEST = re.compile(r"\b(?:(?:nuclear|missile|weapons?|rocket|launch) tests?|test[- ]fir\w+|"
                   r"tested (?:a|an|its|the) (?:\w+ )?(?:missile|rocket))\b|"
                   r"\binto the (?:sea|waters?|ocean)\b", re.IGNORECASE)
# A comparison: "It was like a bomb going off under your feet", "like a bombing raid".
_SIMILE = re.compile(r"\b(?:like|as if|as though)\s+(?:it was\s+)?(?:a|an)\s+(?:[\w-]+\s+)?"
                     r"(?:bomb|bombing|bombing raid|air raid|missile|war ?zone)\b", re.IGNORECASE)
# Show business: "films that bombed", "the box office", "the explosion sequence".
_SCREEN = re.compile(r"\b(?:films?|movies?|box office|cinemas?|premieres?|sequels?|"
                     r"franchises?)\b[^.;]{0,60}\b(?:bombed|flopped|blasts?|explosions?|"
                     r"sequences?)\b|\b(?:explosion|battle|action) sequences?\b"
                     r"|\b(?:in a|the game's) (?:level|mission)\b[^.;]{0,80}\bthe player\b",
                     re.IGNORECASE)  # "In a level called 'No Russian', the player ... takes part"


# Words, not weapons: "Opposition leaders attacked the government for ...", "bombarded
# ministers with questions".
_VERBAL = re.compile(r"\b(?:attack(?:ed|s|ing)?|bombard(?:ed|s|ing)?)\s+(?:the\s+)?(?:government|"
                     r"ministers?|opposition|decision|plan|policy|policies|remarks?|critics|"
                     r"president|prime minister|bill|law|proposal|budget)\b"
                     r"|\bbombard\w*\s+(?:[\w-]+\s+){1,2}with\s+questions\b", re.IGNORECASE)
# Police raids: "raids on suspected militant hideouts ... dozens of people had been detained".
_ARREST_RAID = re.compile(r"\b(?:raids?|crackdown|operations?)\b[^.;]*\b(?:detained|arrested|"
                          r"arrests|detentions|rounded up)\b|\bcontrolled explosions?\b",
                          re.IGNORECASE)  # and bomb disposal: "made a controlled explosion"


@lru_cache(maxsize=256)  # one article's segments are asked several times
def not_a_strike(text: str) -> bool:
    """A sentence about something else: a disaster, a labour strike, a police shooting,
    sport (not with weapons that killed: "rolling a grenade under the team bus, they killed
    eight, ... the match referee" is a strike), celebratory gunfire, a drill, a weapons
    test, a film, a police raid or controlled explosion, words ("attacked the government"),
    or a comment on a strike told before."""
    return bool(_DISASTER.search(text)) or bool(_LABOUR.search(text)) or (
        bool(_POLICE.search(text)) and not has_strike(_POLICE.sub(" ", text))) or (bool(
        _SPORT.search(text)) and not (find_weapons(text) and _TOLL_WORD.search(text))) or bool(
        _CELEBRATION.search(text)) or bool(
        _DRILL.search(text) and not (_ASSAILANT.search(text) and _TOLL_WORD.search(text))
    ) or bool(_TEST.search(text)) or bool(_SCREEN.search(text)) or bool(
        _SIMILE.search(text)) or bool(_VERBAL.search(text)) or bool(
        _ARREST_RAID.search(text)) or (bool(_COMMENTARY.search(text)) and not bool(
        _TOLL_WORD.search(text)))


# Comment on a strike told before: "the White House described the raid as", "condemned the
# bombing and called on Khartoum to cease hostilities" (no new figures: no new strike).
_COMMENTARY = re.compile(
    r"\b(?:described|condemned|denounced|defended|critici[sz]ed|justified|praised|hailed"
    r"|welcomed|deplored|called)\s+(?:the|this|that|\w+(?:’s|'s))\s+(?:[\w-]+\s+)?"
    r"(?:raids?|attacks?|strikes?|bombings?|operation|shelling)\b"
    r"|\b(?:condemned|denounced|critici[sz]ed)\s+(?:[\w-]+\s+){1,3}for\s+(?:an?|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,4}(?:raids?|attacks?|strikes?|bombings?)\b", re.IGNORECASE)
_TOLL_WORD = re.compile(r"\b(?:kill\w*|dead|died|wounded|injured|casualties)\b", re.IGNORECASE)


# Statements, not events: an accusation (not "accustomed"), a threat, a vow, a warning.
_STATEMENTS = (r"(?<!men )(?<!man )(?<!suspects )(?<!those )(?<!people )"  # "the men accused of
               # killing General N., who was stabbed to death": told as fact
               r"accus(?:e[sd]?|ing|ations?)(?!\s+(?:[\w-]+\s+){1,6}?of\s+(?:carrying out"
               r"|launching|conducting|staging|mounting|a massacre)\b)|(?:threaten|vow)(?:s|ed"
               r"|ing)? (?:to|(?:[\w-]+ )?(?:air ?strikes|strikes|military action))"
               r"|warn(?:s|ed|ing)? (?:of|that)")
# Habitual or hypothetical statements: "frequently targets", "threatened to strike", "could".
_GENERIC = re.compile(
    r"\b(?:frequently|often|regularly|routinely|repeatedly|seldom|rarely|usually|typically"
    r"|multiple attacks|has conducted|"
    rf"have conducted|(?:{_STATEMENTS})\b|plans? to|capable of|show of force|"
    r"(?:planning|plotting|preparing|planned|plotted) (?:new |more |further )?(?:attacks|strikes"
    r"|bombings|raids)\b|"
    r"(?:has|have) been (?:\w+ ){0,4}(?:bombed|hit|targeted|shelled|attacked)\b|"
    r"\bbegan (?:targeting|attacking|firing|launching|striking)\b|"
    r"(?:has|have) been (?:bombing|shelling|striking|attacking|targeting)\b[^.;]{0,60}\bsince\b|"
    r"(?:have|has|had) (?:been killed|died) (?:[\w-]+ ){0,4}?since\b|"
    r"killed (?:\w+ ){0,6}since (?:19|20)\d\d\b|"
    r"(?:war|conflict|insurgency|fighting|violence|campaign|offensive|bombardment|siege|clashes"
    r"|battles|operations)"
    r"(?:[\s,]+[\w’'-]+){0,6}? (?:has|have|had) (?:\w+ ){0,2}(?:killed|left|claimed)\b|"
    r"\b(?:to (?:stop|halt|end|cease|prevent|pause|suspend)|halted|paused|suspended"
    r"|(?-i:[Pp]auses|[Ss]uspends|[Hh]alts))"
    r" (?:[\w-]+ ){0,4}?(?:air ?strikes|air raids|raids|attacks|strikes|bombings|shelling)\b|"
    r"(?:stepped|stepping|step|steps|ramped|ramping) up (?:its |their )?(?:[\w-]+ ){0,2}?"
    r"(?:air ?strikes|raids|attacks|strikes|bombings|shelling|bombardment)\b|"
    r"(?:has|have) carried out (?:more|dozens of|hundreds of|scores of|numerous|many) "
    r"(?:[\w-]+ )?(?:strikes|attacks|raids)\b|"
    r"(?:carried out|claimed|launched|conducted|mounted|staged) (?:nearly |almost |more than |"
    r"about |some |over )?\d{2,}[\d,]* (?:[\w-]+ ){0,3}?(?:strikes|attacks|raids|sorties)\b|"
    r"(?:called off|call off|calling off|cancell?ed|aborted|postponed) (?:[\w-]+ ){0,2}?"
    r"(?:attacks?|strikes?|raids?|operations?)|"
    r"(?:surge|rise|upsurge|increase) in (?:[\w-]+ ){0,2}?"
    r"(?:attacks|strikes|bombings|raids)|"
    r"(?:violence|attacks|insurgency|tensions?|fighting) (?:\w+ )?(?:has|have) (?:risen|"
    r"increased|grown|surged|escalated|fallen|dropped|declined|decreased)\b|"
    r"(?:has|have|had) (?:\w+ ){0,2}(?:fired|launched|carried out|attacked|struck|targeted|fought"
    r"|battled|bombed|shelled)\b"
    r"[^.;]*\bsince\b|"
    r"(?:would|will|could|did) not (?:\w+ )?(?:support|back|allow|join|endorse)\b|"
    r"speculat\w+|suspicions? that|make it (?:seem|look|appear)|"
    r"(?:has|have) been responsible for (?:[\w-]+ ){0,3}(?:bombings|attacks|kidnappings)|"
    r"uses? (?:them |it )?to (?:fire|launch|strike|attack|hit|bomb)\b|"
    r"(?:say|says|said|claim|claims) (?:they|it|that they|that it) (?:only )?(?:attack|target|"
    r"strike|hit)s?\b|in solidarity with|"
    r"\bor face (?:\w+ ){0,2}(?:air ?strikes|attacks|strikes)|"
    r"safe havens?|(?:would|could|might|will|may|can) (?:\w+ )?(?:strike|attack|hit|target|launch|"
    r"retaliate|respond|continue|keep)|if)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)  # one article's segments are asked several times
def is_generic(text: str) -> bool:
    """Habitual or hypothetical statements ("frequently targets") are not events; what a
    relative clause says of a person ("two brothers who rarely missed a service") is not
    the sentence's; nor is an accusation, threat or vow in a clause that ", and" adds after
    the strike ("a strike killed 51, ..., and soldiers were accused of stopping ambulances")."""
    plain = _WHO_CLAUSE.sub(",", text)
    cue = _GENERIC.search(plain)
    if cue is None:
        return False
    joins = list(_AND_CLAUSE.finditer(plain, 0, cue.start()))
    if joins and _STATEMENT.fullmatch(cue.group()):
        head, tail = plain[: joins[-1].start()], plain[joins[-1].end() :]
        if has_strike(head) and not _GENERIC.search(head) and all(
                _STATEMENT.fullmatch(c.group()) for c in _GENERIC.finditer(tail)):
            return False
    return True


_WHO_CLAUSE = re.compile(r",?\s+who\s+(?!(?:has|have|had)\s)[^,;]*(?:,|$)")
_AND_CLAUSE = re.compile(r",\s+and\s+")
_STATEMENT = re.compile(_STATEMENTS)


# An article that explains its explosion as an accident: "ammonium nitrate stored for
# years", "a blaze ... hazardous goods", "a gas leak".
_ACCIDENT = re.compile(r"\b(?:accident(?:al|ally)?|ammonium nitrate|(?:gas|fuel|petrol|gasoline"
                       r"|suspected) leak\w*|leaked into|smell of (?:gas|petrol|gasoline|fuel)|"
                       r"(?:gas|fuel) (?:terminal|depot|storage|tanks?)|negligence|"
                       r"industrial disaster|stored (?:unsafely|for years)|hazardous (?:goods|"
                       r"chemicals|materials)|chemical (?:storage|depot|plant|warehouse)s?|"
                       r"(?:tackle|fight|put out|battl\w+) (?:a|the) (?:blaze|fire))\b",
                       re.IGNORECASE)
_SEIZED = re.compile(r"\b(?:seized|seizure|confiscated|recovered|found|stockpiled|smuggled)\b",
                     re.IGNORECASE)
_STRIKE_WORD = re.compile(r"\b(?:attack\w*|strikes?|struck|bomb\w*|blasts?|explosions?|"
                          r"exploded|shelling|raids?|missiles?|drones?|rockets?)\b",
                          re.IGNORECASE)
_BY_ACCIDENT = re.compile(r"\bby accident\b|\baccidental(?:ly)?\b", re.IGNORECASE)
_NOT_ACCIDENT = re.compile(r"\b(?:not|no|ruled out|rather than|dismissed|denied)\b", re.I)
_EXPLOSION_ONLY = re.compile(r"blasts?|explosions?|exploded")


def drop_accidents(drafts: list[Draft], text: str) -> list[Draft]:
    """Without an attacker or a weapon in its first sentence, an explosion of an article
    that speaks of an accident is the accident (a later "compared to a bomb attack" does
    not make it one)."""
    if all(_SEIZED.search(text, max(0, m.start() - 80), m.start())
           for m in _ACCIDENT.finditer(text)):
        return drafts  # (not "police ... had seized a large quantity of ammonium nitrate")
    return [d for d in drafts if not any(map(_told_accident, d.texts)) and (
        d.attackers or not d.texts or find_weapons(d.texts[0])
        or not _explosion_only(d.texts[0]))]


def _explosion_only(text: str) -> bool:
    """Whether the strike words of ``text`` are all "blast" or "explosion" (none at all, as
    in "detonated explosives", is no accident's wording)."""
    words = _STRIKE_WORD.findall(text)
    return bool(words) and all(_EXPLOSION_ONLY.fullmatch(w.lower()) for w in words)


def _told_accident(text: str) -> bool:
    """A sentence of the strike's own that calls it an accident ("... when one blew up by
    accident"), not one that rules an accident out."""
    return any(not _NOT_ACCIDENT.search(text, max(0, m.start() - 30), m.start())
               for m in _BY_ACCIDENT.finditer(text))
