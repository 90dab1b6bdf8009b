"""Recognition: find place-name mentions (and demonyms) with character spans.

Gazetteer phrase matching over capitalised word sequences: every capitalised word starts
a window of up to seven words, and the longest window whose folded form is a gazetteer
key wins (one dictionary probe per window, so no automaton has to be built at start-up).
Rules keep out what is not a place:

- capitalisation: a name starts and ends with a capitalised word; inner words may be
  connectors ("Sistan and Baluchestan", "Gulf of Aden", "Deir ez-Zor");
- stop lists: common English words that name only small places ("Police"), and words
  that are never a place on their own: weekdays, months, holidays, compass words
  ("Thursday", "June", "West", "Central"; see ``geomap/data/not_places.tsv``);
- a common word met at the start of a sentence ("Founded", "Last") or in a title-case
  headline, a common word that matches only another place's alternate name ("Man" for
  Amman), and words the article also uses in lower case are not places;
- people: a word after a title ("President", "Sen.", "Mrs.") or a given name ("John
  Kelly"), a surname met so, and a small place's name followed by "said" or "told" are a
  person's name, here and everywhere else in the article (:func:`geomap._people.find_people`);
- a town name inside a longer capitalised name that is not a place ("Atlas News",
  "Washington Post", and after a particle: "Stade de France", "Ras al-Ain" without a
  gazetteer entry) is part of that name, not a mention; so is an actor's name ("Hamas",
  "Jaish al-Adl", the "Boko" of "Boko Haram") and a short all-caps acronym ("AP",
  "AMLO"); compass words before a place's name are a modifier ("North-East Syria");
- a name before "river" is a river ("the Kama river"); possessives ("Pakistan's") are cut
  off the span unless a name goes on ("Regent's Park"), a leading "The" too; a capitalised
  admin word joins the name ("Laurel County"); news abbreviations of states and provinces
  ("Calif.", "W.Va.", after "Town, " also "Ga." or "GA") are mentions with their period;
- demonyms and adjectives ("Iranian", "Pakistani", "Kurdish", "European") become
  ``kind="demonym"`` mentions with their country, kept apart from places.

Trigger words next to a name ("Balochistan province", "the city of Kerman", "Nevatim air
base") are recorded on the mention for the resolver, and so are facility nouns ("Zion
Church", "the Shangri-La, Cinnamon Grand and Kingsbury hotels"; see
:func:`geomap._words.noun_after`): the resolver keeps such a name as a town only if the
text supports it.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from geomap._fold import fold
from geomap._people import People, actor_names, actor_spans, find_people
from geomap._words import (
    FACILITY_WORDS,
    INSTITUTION_WORDS,
    NATURAL_WORDS,
    PARTY_LETTERS,
    STREET_WORDS,
    WATER_WORDS,
    abbreviation_at,
    apostrophe_name,
    arabic_tail,
    demonym_of,
    name_goes_on,
    named_thing,
    not_places,
    noun_after,
    titles,
    vessel_names,
)
from geomap._words import place_words as _place_words
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.records import Mention

__all__ = ["MAX_WORDS", "TRIGGERS", "Token", "find_mentions", "stop_words", "tokenize"]

logger = logging.getLogger(__name__)

MAX_WORDS = 7
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+|\d+")
#: Arabic articles that begin a name in lower case when hyphenated: "al-Qaim", "ad-Dawr"
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"})
_CONNECTORS = frozenset(
    [
        "of", "and", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es",
        "de", "del", "la", "le", "du", "des", "di", "da", "do", "dos", "das", "van", "von",
        "der", "den", "upon", "on", "the", "va", "e", "i", "y", "bin", "ibn", "ul", "ur",
        "um", "sur", "sous", "sul",
    ]
)
#: lower-case words that end a listed installation's name ("the Arak reactor", "the
#: Rostam oil field"): a span with them is a name only when the gazetteer has it
_INSTALLATION = frozenset({"airport", "reactor", "terminal", "oil", "gas", "field", "platform",
                           "platforms", "nuclear", "heavy", "water", "heavy-water"})
_GAP_OK = re.compile(r"[ \u00a0]?[-‐‑–]?[ \u00a0]?|[ \u00a0]|['’‘ʼ]")
_ABBREV = frozenset({"St", "Ft", "Mt", "Pt"})
_WORD_GOES_ON = re.compile(r"['’](?!(?:s|ve|re|ll|d|m|t)\b)[a-z]")  # "Shi'ite", "Ba'ath"
_CLITICS = frozenset({"s", "ve", "re", "ll", "d", "m", "t"})
#: capitalised words after a name that belong to it ("Laurel County", "Idlib Province")
_ADMIN_TAIL = frozenset({"County", "Parish", "Province", "District", "Governorate", "Oblast",
                         "Prefecture", "Township", "Borough"})
#: words right after a name -> what they say about it
TRIGGERS: dict[str, str] = {
    "province": "adm1", "governorate": "adm1", "region": "adm1", "state": "adm1",
    "oblast": "adm1", "prefecture": "adm1", "emirate": "adm1", "territory": "adm1",
    "district": "adm2", "county": "adm2", "parish": "adm2", "municipality": "adm2",
    "city": "populated", "town": "populated", "village": "populated",
    "neighbourhood": "populated", "neighborhood": "populated", "suburb": "populated",
    "airport": "airport", "airbase": "airport", "base": "airport", "border": "border",
    "coast": "sea", "coastline": "sea",  # "Yemen's Red Sea coast": the sea, not Sudan's state
}
_REGION_NOUN = re.compile(r"\s+(?:Arab\s+)?(?:states|countries|nations|diplomats|officials"
                          r"|leaders|rulers|monarchies|allies|producers|neighbours|capitals)\b")
_BEFORE = re.compile(
    r"\b(city|town|village|province|district|region|governorate|county|state)\s+of\s+$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“‘(]\s*)$")
_BOUNDARY = re.compile(r"[.!?\n]")
_DATELINE_END = re.compile(r"\s*(?:[-–—]|\(|,\s)")


@dataclass(frozen=True, slots=True)
class Token:
    """A word: its span and text."""

    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        """Starts with an upper-case letter (or is an acronym with dots)."""
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with their character spans (acronyms with dots kept whole)."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def stop_words() -> frozenset[str]:
    """Folded words that are never a mention on their own: common English words naming
    only small places ("police"), and weekdays, months, holidays and compass words."""
    return _stop_words()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    small = (w for w, rule in _place_words().items() if rule == "stop")
    return frozenset(small) | frozenset(not_places())


def _joined(text: str, left: Token, right: Token) -> bool:
    """Two tokens of one word: "Ma'rib", "ez-Zor"."""
    return text[left.end : right.start] in {"'", "’", "‘", "ʼ", "-"}


def _gap_ok(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if _GAP_OK.fullmatch(gap):
        return True
    return left.text in _ABBREV and gap in {". ", "."}


def _second_half(text: str, tokens: list[Token], i: int) -> bool:
    """Token ``i`` continues the word before it ("al-Adl"), unless that is a party letter
    ("R-Charleston": a legislator's party and home town)."""
    if i == 0 or not _joined(text, tokens[i - 1], tokens[i]):
        return False
    prev = tokens[i - 1]
    return not (prev.text in PARTY_LETTERS and text[prev.end] == "-"
                and (prev.start == 0 or not text[prev.start - 1].isalnum()))


def _headline_tokens(text: str, tokens: list[Token]) -> set[int]:
    """Indices of tokens in title-case stretches ("Grand Jury Indicts Man In Slaying")."""
    bounds = [m.start() for m in _BOUNDARY.finditer(text)]
    segments: dict[int, list[int]] = {}
    for k, tok in enumerate(tokens):
        segments.setdefault(bisect.bisect(bounds, tok.start), []).append(k)
    out: set[int] = set()
    for seg in segments.values():
        words = [tokens[q] for q in seg if len(tokens[q].text) > 3]
        if len(words) >= 4 and sum(w.capitalised for w in words) >= 0.8 * len(words):
            out.update(seg)
    return out


def find_mentions(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Place and demonym mentions in ``text``, in order, without overlaps.

    Examples
    --------
    >>> [(m.text, m.kind) for m in find_mentions("Iranian drones hit Panjgur in Balochistan.")]
    [('Iranian', 'demonym'), ('Panjgur', 'place'), ('Balochistan', 'place')]
    """
    gaz = gazetteer or load_gazetteer()
    tokens = tokenize(text)
    ctx = _Doc(text, tokens, gaz)
    out: list[Mention] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        article = (tok.text in _ARTICLES and i + 1 < n and tokens[i + 1].capitalised
                   and text[tok.end : tokens[i + 1].start] == "-")  # "al-Qaim"
        if (not (tok.capitalised or article) or _second_half(text, tokens, i)
                or ctx.in_actor(tok)):
            i += 1  # lower case, the second half of a word ("al-Adl"), or in "Jaish al Adl"
            continue
        abbrev = abbreviation_at(text, tokens, i, out)
        if abbrev is not None:
            out.append(abbrev)
            while i < n and tokens[i].start < abbrev.end:
                i += 1
            continue
        match = _longest_match(text, tokens, i, gaz)
        if match is None:
            _add_demonym(out, tok)
            i += 1
            continue
        j = match  # last token index of the match
        if tok.text in {"The", "the"} and j > i and _the_alias(text, tokens, i, j, gaz):
            i += 1  # "The U.S." -> "U.S." (but "The Hague" stays whole)
            tok = tokens[i]
        if j > i and tokens[j].text == "City" and j + 1 < n and tokens[j + 1].capitalised:
            j = _city_of(text, tokens, i, j, gaz)  # "Dublin City Council" -> "Dublin"
        end_tok = j
        if (j + 1 < n and tokens[j + 1].text in _ADMIN_TAIL
                and text[tokens[j].end : tokens[j + 1].start] == " "):
            end_tok = j + 1  # "Laurel County"
        start, end = tok.start, tokens[end_tok].end
        surface = text[start:end]
        tail = end_tok > j or tokens[j].text in _ADMIN_TAIL
        if _rejected(ctx, i, j, fold(text[start : tokens[j].end]), tail):
            if i == j:
                _add_demonym(out, tok)
            i = end_tok + 1
            continue
        out.append(Mention(start, end, surface, "place", None, _trigger(text, tokens, i, end_tok)))
        i = end_tok + 1
    return out


def _the_alias(text: str, tokens: list[Token], i: int, j: int, gaz: Gazetteer) -> bool:
    """"The U.S.": "the" is no part of the name (it is only in an alias with "the")."""
    rest = fold(text[tokens[i + 1].start : tokens[j].end])
    full = gaz.candidates_for_key(fold(text[tokens[i].start : tokens[j].end]))
    return gaz.has_key(rest) and not any(c.exact for c in full)


def _city_of(text: str, tokens: list[Token], i: int, j: int, gaz: Gazetteer) -> int:
    """"Dublin City" before "Council": the town, unless "X City" is a town itself."""
    full = gaz.candidates_for_key(fold(text[tokens[i].start : tokens[j].end]))
    if any(c.place.kind == "populated" and c.exact for c in full):
        return j  # "Kansas City Chiefs"
    head = fold(text[tokens[i].start : tokens[j - 1].end])
    return j - 1 if gaz.has_key(head) else j


def _add_demonym(out: list[Mention], tok: Token) -> None:
    if (dem := demonym_of(tok.text)) is not False:
        out.append(Mention(tok.start, tok.end, tok.text, "demonym",
                           dem if isinstance(dem, str) else None))


def _longest_match(text: str, tokens: list[Token], i: int, gaz: Gazetteer) -> int | None:
    """Index of the last token of the longest gazetteer name starting at token ``i``."""
    best = None
    last = min(len(tokens), i + MAX_WORDS)
    j = i
    while j < last:
        tok = tokens[j]
        joined = False
        if j > i:
            if not _gap_ok(text, tokens[j - 1], tok):
                break
            joined = _joined(text, tokens[j - 1], tok)
            if joined and tok.text in _CLITICS and text[tokens[j - 1].end] != "-":
                if tok.text == "s" and apostrophe_name(gaz, text, tokens[i].start, tok.end):
                    best = j  # "St George's", a name of its own, not a possessive
                nxt = tokens[j + 1] if tok.text == "s" and j + 1 < last else None
                if nxt and nxt.capitalised and gaz.has_key(fold(text[tokens[i].start : nxt.end])):
                    best = j + 1  # "Regent's Park"
                break  # possessive or contraction: "Pakistan's", "I've"
            if not (tok.capitalised or joined or tok.text.isdigit()
                    or tok.text.lower() in _CONNECTORS or tok.text in _INSTALLATION):
                break
        named = tok.capitalised or joined or (j > i and (tok.text.isdigit()  # "Tower 22"
                                                         or tok.text in _INSTALLATION))
        if named and gaz.has_key(fold(text[tokens[i].start : tok.end])):
            best = j
        j += 1
    return best


class _Doc:
    """What recognition knows about the whole article: tokens, people, headlines."""

    def __init__(self, text: str, tokens: list[Token], gaz: Gazetteer) -> None:
        self.text = text
        self.tokens = tokens
        self.gaz = gaz
        self.stops = stop_words()
        self.lower_words = {t.text for t in tokens if t.text.islower()}
        self.people: People = find_people(text, tokens, gaz)
        self.headline = _headline_tokens(text, tokens)
        self.actor_spans = actor_spans(text)
        self.vessels = vessel_names(text)

    def in_actor(self, tok: Token) -> bool:
        """Whether the token lies inside a group's or force's name after its first word."""
        return any(s < tok.start < e for s, e, _ in self.actor_spans)


def _rejected(ctx: _Doc, i: int, j: int, key: str, admin_tail: bool) -> bool:
    text, tokens, gaz = ctx.text, ctx.tokens, ctx.gaz
    tok = tokens[i]
    surface = text[tok.start : tokens[j].end]
    single = i == j
    if key in not_places():
        return True  # "Thursday", "West", "White House"
    if single and tok.text in titles() and not _is_state(key, gaz):
        return True  # "Sen.", "General"
    short = not surface.isupper() and (len(key) <= 2 or (len(key) == 3 and any(  # "Car", not
        c.place.kind == "country" and not c.exact for c in gaz.candidates_for_key(key))))  # CAR
    if single and (key in ctx.stops or key in TRIGGERS or short):
        return True
    if key in actor_names():
        return True  # "Hamas", "Hezbollah": actors, not the towns of the same name
    end = tokens[j].end
    if any(s == tok.start and end < e and kind == "group" for s, e, kind in ctx.actor_spans):
        return True  # "Boko" of "Boko Haram" (but "US" of "US forces" is a place)
    if surface == "Gulf" and _REGION_NOUN.match(text, end):
        return True  # "Gulf diplomats", "Gulf states": the region's, not a place struck
    if noun_after(text, end) in NATURAL_WORDS and not any(
            c.place.kind == "feature" for c in gaz.candidates_for_key(key)):
        return True  # "the Kama river": a river, and the gazetteer has no such river
    thing = named_thing(text, tok.start, end)
    if thing in {"vessel", "organisation", "holiday"} or surface in ctx.vessels or (single and (
            (thing == "weapon" and not _is_major(key, gaz))
            or (thing == "business" and not _is_state(key, gaz)))):
        return True  # "the cruiser Moskva", "Neptune missiles", "the Sari Club", "the Popular
        # Front for the Liberation of Palestine", "Independence Day": not places
    if _modifier(ctx, i, j) or (text[max(0, tok.start - 3) : tok.start] in {"’s ", "'s "} and all(
            not_places().get(fold(t.text)) == "compass" for t in tokens[i : j + 1])):
        return True  # "North-East Syria", "Ras al-Ain": part of a longer name; "Iran's South-East"
    if text[end : end + 1].isdigit() or (tok.start and text[tok.start - 1].isdigit()) or (
            _WORD_GOES_ON.match(text, end)):
        return True  # "France24", "Shi'ite"
    if single and demonym_of(surface) is not False and not _is_country(key, gaz):
        return True
    if single and tok.text.isupper() and len(tok.text) <= 5 and _acronym(ctx, i, key):
        return True  # short all-caps words are acronyms (AP, IS, AMLO), not towns
    if single and _person(ctx, i, key):
        return True
    if single and surface.lower() in ctx.lower_words and not _is_major(key, gaz):
        return True  # the article uses the word in lower case too: a common word
    if single and key in _place_words() and _common_word(ctx, i, key):
        return True
    if single and len(key) <= 3 and text[end : end + 1] == "-" and end + 1 < len(text) and (
            text[end + 1].isupper()):
        return True  # "Wal-Mart"
    if j + 1 < len(tokens) and (tokens[j + 1].text in STREET_WORDS or tokens[j + 1].text in {
            "street", "avenue", "square", "boulevard"}) and text[
            end : tokens[j + 1].start] == " ":
        return True  # "Wichita Street": a street
    return not admin_tail and _inside_other_name(text, tokens, i, j, gaz)


def _modifier(ctx: _Doc, i: int, j: int) -> bool:
    """Compass words before a place's name ("North-East Syria"), or an Arabic article's
    word after a capitalised word ("Ras al-Ain" without a gazetteer entry: not Al Ain)."""
    text, tokens = ctx.text, ctx.tokens
    k = j + 1
    if k < len(tokens) and tokens[k].capitalised and _gap_ok(text, tokens[j], tokens[k]) and all(
            not_places().get(fold(t.text)) == "compass" for t in tokens[i : j + 1]):
        return ctx.gaz.has_key(fold(tokens[k].text))
    return (tokens[i].text in _ARTICLES and i > 0 and tokens[i - 1].capitalised
            and text[tokens[i - 1].end : tokens[i].start] == " ")


def _acronym(ctx: _Doc, i: int, key: str) -> bool:
    """An all-caps word of five letters or fewer that is not a country or region is an
    acronym, unless (four letters or more) it opens a dateline ("HUME – A member")."""
    kinds = {c.place.kind for c in ctx.gaz.candidates_for_key(key)}
    if "country" in kinds or "feature" in kinds:
        return False
    tok = ctx.tokens[i]
    if len(tok.text) >= 4:
        if "adm1" in kinds:
            return False
        line_start = tok.start == 0 or ctx.text[tok.start - 1] == "\n" or bool(
            re.search(r"\.\s+$", ctx.text[max(0, tok.start - 3) : tok.start]))
        if line_start and _DATELINE_END.match(ctx.text, tok.end):
            return False
    return True


def _person(ctx: _Doc, i: int, key: str) -> bool:
    """A person's name: after a title or given name, a surname met so, a given name, or
    a small place's name that "said" or "told" something."""
    people, gaz, word = ctx.people, ctx.gaz, ctx.tokens[i].text
    if i in people.cued:
        return not _is_country(key, gaz)
    if word in people.surnames:
        return not _is_big(key, gaz)
    if i in people.given:
        return not _is_big(key, gaz)
    return word in people.speakers and not _is_major(key, gaz)


def _common_word(ctx: _Doc, i: int, key: str) -> bool:
    """A common English word that is no place here: it matches only alternate names, or
    it starts a sentence before a lower-case word, or it stands in a headline."""
    gaz, tokens = ctx.gaz, ctx.tokens
    cands = gaz.candidates_for_key(key)
    if not any(c.exact for c in cands):
        return True  # "Man" (Amman), "Lake" (Lake County)
    if _is_state(key, gaz):
        return False
    if i in ctx.headline:
        return True
    if _SENTENCE_START.search(ctx.text[: tokens[i].start]):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is not None and nxt.text.islower()  # "Mobile phones were..."
    return False


def _placey(word: str, gaz: Gazetteer) -> bool:
    """A word that can be part of a place's name: a gazetteer name, not a common word."""
    key = fold(word)
    return gaz.has_key(key) and key not in _place_words() and key not in not_places()


def _inside_other_name(text: str, tokens: list[Token], i: int, j: int, gaz: Gazetteer) -> bool:
    """A town name glued to other capitalised words that are not a place ("Atlas News",
    "Taco Bell"); words that institutions of a place add ("Paris Police", "Dublin City
    Council", "Jordan Elementary") and compass words before it ("North Arlington") are
    no such words. Major places keep their name before other words ("Washington Post",
    but not "Ain al-Mreisseh"), and after them unless their name is a common word."""
    key, end = fold(text[tokens[i].start : tokens[j].end]), tokens[j].end
    major = _is_major(key, gaz)
    if (not major or key in WATER_WORDS or arabic_tail(text, end)) and name_goes_on(text, end):
        return True  # "Stade de France", "Ile de la Cite" (but "the Nice of Russia")
    if major and key not in _place_words():
        return False
    k = j + 1
    if (not major and k < len(tokens) and tokens[k].capitalised
            and _gap_ok(text, tokens[j], tokens[k])):
        word = tokens[k].text
        if (word.lower() not in TRIGGERS and word.lower() not in INSTITUTION_WORDS
                and (not _placey(word, gaz) or not _is_major(fold(word), gaz))):
            return True  # "Ras Isa": not Ras
    k = i - 1
    if k >= 0 and tokens[k].capitalised and _gap_ok(text, tokens[k], tokens[i]):
        prev = tokens[k].text
        if (not _SENTENCE_START.search(text[: tokens[k].start]) and prev.lower() not in TRIGGERS
                and not_places().get(fold(prev)) != "compass"
                and (not _placey(prev, gaz) or not _is_major(fold(prev), gaz))):
            return True
    return False


def _is_country(key: str, gaz: Gazetteer) -> bool:
    return any(c.place.kind == "country" for c in gaz.candidates_for_key(key))


def _is_state(key: str, gaz: Gazetteer) -> bool:
    return any(c.place.kind in {"country", "adm1"} for c in gaz.candidates_for_key(key))


def _is_major(key: str, gaz: Gazetteer) -> bool:
    """A country, province, or a town of 100,000 people or more goes by this name."""
    return any(c.place.kind in {"country", "adm1"} or (c.exact and (
        c.place.kind == "feature" or c.place.population >= 100_000))
        for c in gaz.candidates_for_key(key))


def _is_big(key: str, gaz: Gazetteer) -> bool:
    """A country, a province of a million people, or a city of half a million."""
    return any(c.place.kind == "country" or (c.place.kind == "adm1" and c.place.population
                                             >= 1_000_000) or (
        c.exact and c.place.population >= 500_000) for c in gaz.candidates_for_key(key))


def _trigger(text: str, tokens: list[Token], i: int, j: int) -> str | None:
    if tokens[j].text in _ADMIN_TAIL or tokens[j].text == "airport":  # "Stanley airport"
        return tokens[j].text.lower()
    k = j + 1
    if k < len(tokens) and text[tokens[j].end : tokens[k].start] in {" ", "’s ", "'s "}:
        word = tokens[k].text.lower()
        if word == "s" and k + 1 < len(tokens):
            word = tokens[k + 1].text.lower()
        if word in TRIGGERS and not (word in {"village", "town", "city"} and text.startswith(
                " of ", tokens[k].end)):  # not "the Kosovo village of Korisa": Korisa's
            return word
        if word == "air" and k + 1 < len(tokens) and tokens[k + 1].text.lower() == "base":
            return "airbase"
    before = _BEFORE.search(text[max(0, tokens[i].start - 30) : tokens[i].start])
    if before:
        return before.group(1).lower()
    noun = noun_after(text, tokens[j].end)
    return noun if noun in FACILITY_WORDS else None  # "Zion Church", "Kingsbury hotels"
