"""Recognition: find place-name mentions (and demonyms) with character spans.

Gazetteer phrase matching over capitalised word sequences: every capitalised word starts
a window of up to seven words, and the longest window whose folded form is a gazetteer
key wins (one dictionary probe per window, so no automaton has to be built at start-up).
Rules keep out what is not a place:

- capitalisation: a name starts and ends with a capitalised word; inner words may be
  connectors ("Sistan and Baluchestan", "Gulf of Aden", "Deir ez-Zor");
- a stop list of common words that are also town names somewhere ("Police", "Justice");
- a sentence-initial common word ("Founded", "Last") and words the article also uses in
  lower case are not places;
- a town name inside a longer capitalised name that is not a place ("Atlas News",
  "Washington Post") is part of that name, not a mention;
- possessives ("Pakistan's") are cut off the span;
- demonyms and adjectives ("Iranian", "Pakistani", "Kurdish") become ``kind="demonym"``
  mentions with their country, kept apart from places.

Trigger words next to a name ("Balochistan province", "the city of Kerman", "Rask police
station") are recorded on the mention for the resolver.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from geomap._fold import fold
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.records import Mention

__all__ = ["MAX_WORDS", "TRIGGERS", "Token", "find_mentions", "stop_words", "tokenize"]

logger = logging.getLogger(__name__)

MAX_WORDS = 7
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+")
_CONNECTORS = frozenset(
    "of and al el ad ar as ash at az an ez es de del la le du des di da do dos das van von "
    "der den upon on the va e i y bin ibn ul ur um sur sous sul".split()
)
_GAP_OK = re.compile(r"[ \u00a0]?[-‐‑–]?[ \u00a0]?|[ \u00a0]|['’‘ʼ]")
_ABBREV = frozenset({"St", "Ft", "Mt", "Pt"})
#: words right after a name -> what they say about it
TRIGGERS: dict[str, str] = {
    "province": "adm1", "governorate": "adm1", "region": "adm1", "state": "adm1",
    "oblast": "adm1", "prefecture": "adm1", "emirate": "adm1", "territory": "adm1",
    "district": "adm2", "county": "adm2", "parish": "adm2", "municipality": "adm2",
    "city": "populated", "town": "populated", "village": "populated",
    "neighbourhood": "populated", "neighborhood": "populated", "suburb": "populated",
    "airport": "airport", "airbase": "airport", "base": "airport", "border": "border",
}
_BEFORE = re.compile(
    r"\b(city|town|village|province|district|region|governorate|county|state)\s+of\s+$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“‘(]\s*)$")


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


@lru_cache(maxsize=1)
def _place_words() -> dict[str, str]:
    data = resources.files("geomap").joinpath("data/place_words.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in data.splitlines() if line and line[0] != "#")
    return {word: rule for word, rule in rows}


def stop_words() -> frozenset[str]:
    """Common English words that name only small places: never a mention on their own."""
    return frozenset(w for w, rule in _place_words().items() if rule == "stop")


def _demonym(word: str) -> str | None | bool:
    """Country code of a demonym, ``None`` for a stateless people, ``False`` if not one."""
    from geomap.actors import demonym_country, is_demonym

    if not is_demonym(word):
        return False
    return demonym_country(word)


def _joined(text: str, left: Token, right: Token) -> bool:
    """Two tokens of one word: "Ma'rib", "ez-Zor"."""
    return text[left.end : right.start] in {"'", "’", "‘", "ʼ", "-"}


def _gap_ok(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if _GAP_OK.fullmatch(gap):
        return True
    return left.text in _ABBREV and gap in {". ", "."}


def find_mentions(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Place and demonym mentions in ``text``, in order, without overlaps.

    Examples
    --------
    >>> [(m.text, m.kind) for m in find_mentions("Iranian drones hit Panjgur in Balochistan.")]
    [('Iranian', 'demonym'), ('Panjgur', 'place'), ('Balochistan', 'place')]
    """
    gaz = gazetteer or load_gazetteer()
    tokens = tokenize(text)
    stops = stop_words()
    lower_words = {t.text for t in tokens if t.text.islower()}
    out: list[Mention] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.capitalised or (i > 0 and _joined(text, tokens[i - 1], tok)):
            i += 1  # lower case, or the second half of a word ("al-Adl")
            continue
        match = _longest_match(text, tokens, i, gaz)
        if match is None:
            dem = _demonym(tok.text)
            if dem is not False:
                out.append(Mention(tok.start, tok.end, tok.text, "demonym",
                                   dem if isinstance(dem, str) else None))
            i += 1
            continue
        j = match  # last token index of the match
        start, end = tok.start, tokens[j].end
        surface = text[start:end]
        if _rejected(text, tokens, i, j, surface, stops, lower_words, gaz):
            dem = _demonym(tok.text) if i == j else False
            if dem is not False:
                out.append(Mention(tok.start, tok.end, tok.text, "demonym",
                                   dem if isinstance(dem, str) else None))
            i = j + 1
            continue
        out.append(Mention(start, end, surface, "place", None, _trigger(text, tokens, i, j)))
        i = j + 1
    return out


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
            if tok.text == "s" and joined:
                break  # possessive: "Pakistan's"
            if not (tok.capitalised or joined or tok.text.lower() in _CONNECTORS):
                break
        if (tok.capitalised or joined) and gaz.has_key(fold(text[tokens[i].start : tok.end])):
            best = j
        j += 1
    return best


def _rejected(
    text: str, tokens: list[Token], i: int, j: int, surface: str,
    stops: frozenset[str], lower_words: set[str], gaz: Gazetteer,
) -> bool:
    key = fold(surface)
    single = i == j
    if single and (key in stops or key in TRIGGERS or len(key) <= 2 and not surface.isupper()):
        return True
    if key in _actor_names():
        return True  # "Hamas", "Hezbollah": actors, not the towns of the same name
    end = tokens[j].end
    if text[end : end + 1].isdigit() or (tokens[i].start and text[tokens[i].start - 1].isdigit()):
        return True  # "France24"
    if single and _demonym(surface) is not False and not _is_country(key, gaz):
        return True
    tok = tokens[i]
    if tok.text.isupper() and len(tok.text) <= 3 and single and not _is_country(key, gaz):
        return True  # short all-caps words are acronyms (AP, IS, UN), not towns
    if single and surface.lower() in lower_words and not _is_major(key, gaz):
        return True  # the article uses the word in lower case too: a common word
    if single and key in _place_words() and _SENTENCE_START.search(text[: tok.start]):
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is not None and nxt.text.islower() and not _is_state(key, gaz):
            return True  # "Mobile phones were...": a word that starts a sentence
    return _inside_other_name(text, tokens, i, j, gaz)


def _inside_other_name(text: str, tokens: list[Token], i: int, j: int, gaz: Gazetteer) -> bool:
    """A town name glued to other capitalised words that are not a place ("Atlas News")."""
    if _is_major(fold(text[tokens[i].start : tokens[j].end]), gaz):
        return False
    k = j + 1
    if k < len(tokens) and tokens[k].capitalised and _gap_ok(text, tokens[j], tokens[k]):
        word = tokens[k].text.lower()
        if word not in TRIGGERS and not gaz.has_key(fold(tokens[k].text)):
            return True
    k = i - 1
    if k >= 0 and tokens[k].capitalised and _gap_ok(text, tokens[k], tokens[i]):
        prev = tokens[k].text
        if (not _SENTENCE_START.search(text[: tokens[k].start]) and prev.lower() not in TRIGGERS
                and not gaz.has_key(fold(prev))):
            return True
    return False


def _is_country(key: str, gaz: Gazetteer) -> bool:
    return any(c.place.kind == "country" for c in gaz.candidates_for_key(key))


@lru_cache(maxsize=1)
def _actor_names() -> frozenset[str]:
    """Folded names and aliases of armed groups and forces (not states)."""
    from geomap.actors import actors

    return frozenset(fold(alias) for a in actors() for alias in (a.name, *a.aliases)
                     if len(alias) > 3)


def _is_state(key: str, gaz: Gazetteer) -> bool:
    return any(c.place.kind in {"country", "adm1"} for c in gaz.candidates_for_key(key))


def _is_major(key: str, gaz: Gazetteer) -> bool:
    """A country, province, or a town of 100,000 people or more goes by this name."""
    for c in gaz.candidates_for_key(key):
        p = c.place
        if p.kind in {"country", "adm1"} or (c.exact and (
                p.kind == "feature" or p.population >= 100_000)):
            return True
    return False


def _trigger(text: str, tokens: list[Token], i: int, j: int) -> str | None:
    k = j + 1
    if k < len(tokens) and text[tokens[j].end : tokens[k].start] in {" ", "’s ", "'s "}:
        word = tokens[k].text.lower()
        if word == "s" and k + 1 < len(tokens):
            word = tokens[k + 1].text.lower()
        if word in TRIGGERS:
            return word
        if word == "air" and k + 1 < len(tokens) and tokens[k + 1].text.lower() == "base":
            return "airbase"
    before = _BEFORE.search(text[max(0, tokens[i].start - 30) : tokens[i].start])
    return before.group(1).lower() if before else None
