"""Actors: who struck. Finds states, their forces, armed groups, demonyms and capitals
used for governments in article text.

The tables ship in ``geomap/data``: ``countries.tsv`` (country names and aliases),
``demonyms.tsv`` ("Iranian", "Pakistanis", "Kurdish") and ``actors.tsv`` (forces such as
the IRGC, groups such as Jaish al-Adl). They are read at first use into two Aho-Corasick
automata, so a call scans the text once whatever the number of aliases.

Matching rules:

- whole words only, and the longest match wins ("Pakistani Taliban" is one group, not a
  demonym and a group); possessives need nothing special ("Iran's", "IRGC’s");
- acronyms (aliases without a lower-case letter: IS, IAF, U.S.) match only as written, and
  "IS" never inside an all-caps run such as a shouted headline ("WHY IS");
- other aliases match with their first letter as written or capitalised, the rest in any
  case ("al-Qaeda", "Al-Qaeda", "Israeli air force", "IRANIAN");
- curly apostrophes, hyphens, line breaks and accents are folded ("Türkiye" = "Turkiye",
  "Jaish al Adl" = "Jaish al-Adl");
- an alias shared by several actors ("IAF": Indian or Israeli Air Force) goes to the one
  whose countries the rest of the text mentions most, else to the one listed first;
- phrases such as "Indian Ocean" or "Washington Post" are recognised and dropped, so that
  they do not yield a demonym or a government.

>>> [(m.text, m.kind, m.country_code) for m in find_actors("Iran’s IRGC hit Jaish al-Adl")]
[('Iran', 'state', 'IR'), ('IRGC', 'force', 'IR'), ('Jaish al-Adl', 'group', None)]
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, Literal, cast

import ahocorasick

from geomap.errors import GazetteerError

__all__ = [
    "CAPITAL_GOVERNMENTS",
    "Actor",
    "ActorKind",
    "ActorMention",
    "actors",
    "country_code",
    "country_name",
    "demonym_country",
    "find_actors",
    "is_demonym",
]

_THE_COALITION = re.compile(r"\b[Tt]he (coalition)\b")  # after "Saudi-led coalition"

logger = logging.getLogger(__name__)

ActorKind = Literal["state", "force", "group", "demonym", "government"]
TableKind = Literal["state", "force", "group"]

#: Capitals and seats of government that news uses for the government itself ("Tehran
#: believes", "the Kremlin said"). A found mention has ``kind="government"``; whether it
#: names the government or the city (a strike on Kyiv) is for the event extractor to
#: decide from context. Left out on purpose: Sanaa (held by the Houthis, not Yemen's
#: recognised government), Tripoli (also a city in Lebanon), Brussels (EU and NATO rather
#: than Belgium) and Tel Aviv (not the seat of government). Jerusalem is listed for
#: Israel, whose government sits there; its status is disputed.
# fmt: off
CAPITAL_GOVERNMENTS: Final = MappingProxyType({
    "Tehran": "IR", "Teheran": "IR", "Islamabad": "PK", "New Delhi": "IN", "Delhi": "IN",
    "Kabul": "AF", "Baghdad": "IQ", "Damascus": "SY", "Beirut": "LB", "Amman": "JO",
    "Jerusalem": "IL", "Riyadh": "SA", "Abu Dhabi": "AE", "Doha": "QA", "Manama": "BH",
    "Muscat": "OM", "Cairo": "EG", "Ankara": "TR", "Moscow": "RU", "Kremlin": "RU",
    "Kyiv": "UA", "Kiev": "UA", "Minsk": "BY", "Warsaw": "PL", "Berlin": "DE",
    "Paris": "FR", "Élysée": "FR", "Élysée Palace": "FR", "London": "GB",
    "Downing Street": "GB", "Whitehall": "GB", "Rome": "IT", "Madrid": "ES",
    "Washington": "US", "White House": "US", "Ottawa": "CA", "Beijing": "CN",
    "Zhongnanhai": "CN", "Taipei": "TW", "Tokyo": "JP", "Seoul": "KR", "Pyongyang": "KP",
    "Baku": "AZ", "Yerevan": "AM", "Tbilisi": "GE", "Dhaka": "BD", "Kathmandu": "NP",
    "Colombo": "LK", "Naypyidaw": "MM", "Naypyitaw": "MM", "Nay Pyi Taw": "MM",
    "Bangkok": "TH", "Phnom Penh": "KH", "Hanoi": "VN", "Manila": "PH", "Jakarta": "ID",
    "Kuala Lumpur": "MY", "Canberra": "AU", "Khartoum": "SD", "Addis Ababa": "ET",
    "Asmara": "ER", "Mogadishu": "SO", "Nairobi": "KE", "Kigali": "RW", "Kinshasa": "CD",
    "Kampala": "UG", "Juba": "SS", "N'Djamena": "TD", "Bamako": "ML", "Niamey": "NE",
    "Ouagadougou": "BF", "Abuja": "NG", "Algiers": "DZ", "Rabat": "MA", "Tunis": "TN",
    "Caracas": "VE", "Bogotá": "CO", "Havana": "CU", "Brasília": "BR", "Buenos Aires": "AR",
    "Belgrade": "RS", "Pristina": "XK", "Budapest": "HU", "Bucharest": "RO",
    "Chisinau": "MD", "Vilnius": "LT", "Riga": "LV", "Tallinn": "EE", "Helsinki": "FI",
    "Stockholm": "SE", "Oslo": "NO", "Copenhagen": "DK", "Athens": "GR", "Nicosia": "CY",
    "Tashkent": "UZ", "Astana": "KZ", "Dushanbe": "TJ", "Bishkek": "KG", "Ashgabat": "TM",
})
# fmt: on

# Phrases found and then dropped: they contain an alias but name no actor.
# fmt: off
_BLOCKERS: Final = frozenset({
    "Indian Ocean", "Indian subcontinent", "American Indian", "Persian Gulf", "Arabian Sea",
    "Arabian Gulf", "Gulf of Oman", "South China Sea", "East China Sea", "Sea of Japan",
    "Gulf of Mexico", "New Mexico", "Mexico City", "Kuwait City", "Panama City",
    "Guatemala City", "Luxembourg City", "Djibouti City", "New Guinea", "New Jersey",
    "North Pole", "South Pole", "Jordan River", "Jordan Valley", "Latin America",
    "Latin American", "Latin Americans", "South America", "South American",
    "South Americans", "North America", "North American", "North Americans",
    "Central America", "Central American", "Central Americans", "Native American",
    "Native Americans", "African American", "African Americans", "Washington Post",
    "Washington Times", "Washington Institute", "Washington state", "Washington State",
    "Jerusalem Post", "Times of Israel", "Tehran Times", "Kyiv Independent", "Kyiv Post",
    "Moscow Times", "Voice of America", "Korean Peninsula", "Korean War",
})
# fmt: on

# Acronyms that are also common words: refused inside an all-caps run of text.
_CAPS_AMBIGUOUS: Final = frozenset({"IS"})
# Folded to one character each, so that offsets into the folded text stay valid.
_PUNCTUATION: Final = dict.fromkeys("’‘ʼʻ`´′", "'") | dict.fromkeys("-‐‑‒", " ")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text naming an actor.

    ``name`` is the display name: the country's name for a state, demonym or government
    ("Iran" for "Iranian" and "Tehran"), the canonical name for a force or group
    ("Islamic Revolutionary Guard Corps" for "IRGC"), the word itself for a people
    without a state ("Kurdish"). ``country_code`` is the ISO 3166-1 alpha-2 code of the
    state the actor is or acts for; ``None`` for armed groups and stateless peoples.
    """

    start: int
    end: int
    text: str
    name: str
    country_code: str | None
    kind: ActorKind


@dataclass(frozen=True, slots=True)
class Actor:
    """One row of ``actors.tsv``: a state force, an authority or an armed group."""

    name: str
    aliases: tuple[str, ...]
    country_code: str | None
    kind: TableKind
    notes: str = ""
    operates_in: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Target:
    """What an alias stands for; ``kind=None`` marks a blocker phrase."""

    name: str
    country_code: str | None
    kind: ActorKind | None
    context: frozenset[str]
    order: int


@dataclass(frozen=True, slots=True)
class _Alias:
    form: str  # folded, case kept: compared with the text for the case rules
    target: _Target


@dataclass(frozen=True, slots=True)
class _Tables:
    folded: Any  # ahocorasick.Automaton: lower-cased key -> (length, tuple[_Alias, ...])
    exact: Any  # ahocorasick.Automaton: acronym as written -> (length, tuple[_Alias, ...])
    countries: dict[str, str]  # code -> name
    country_keys: dict[str, str]  # lower-cased folded alias -> code
    demonyms: dict[str, str | None]  # lower-cased folded word or plural -> code


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds one character to one character, filled lazily."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _PUNCTUATION.get(char)
        if folded is None:
            folded = " " if char.isspace() else char
            parts = unicodedata.normalize("NFKD", char)
            if (
                len(parts) > 1
                and parts[0].isascii()
                and all(unicodedata.combining(p) for p in parts[1:])
            ):
                folded = parts[0]
        self[code] = folded
        return folded


@functools.cache
def _fold_table() -> _FoldTable:
    return _FoldTable()


def _fold(text: str) -> str:
    """Fold apostrophes, hyphens, spaces and accents, keeping length and case."""
    return text.translate(_fold_table())


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length (``"İ".lower()`` has two chars)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _key(word: str) -> str:
    return _lower(" ".join(_fold(word).split()))


def _is_acronym(form: str) -> bool:
    return any(c.isalpha() for c in form) and not any(c.islower() for c in form)


def _read_tsv(name: str) -> list[tuple[int, dict[str, str]]]:
    """Read ``geomap/data/<name>``: a header line, then rows; ``#`` lines are comments."""
    try:
        text = (resources.files("geomap") / "data" / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"geomap/data/{name}: cannot read: {exc}") from exc
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise GazetteerError(
                f"geomap/data/{name}:{number}: {len(cells)} cells, the header has {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append((number, dict(zip(header, cells, strict=True))))
    return rows


def _code(value: str, where: str) -> str | None:
    if not value:
        return None
    if len(value) != 2 or not value.isascii() or not value.isupper():
        raise GazetteerError(f"{where}: {value!r} is not an ISO 3166-1 alpha-2 code")
    return value


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


@functools.cache
def actors() -> tuple[Actor, ...]:
    """The rows of ``actors.tsv``: state forces, authorities and armed groups.

    Returns
    -------
    tuple of Actor
        In file order, which is also the order that breaks ties on shared aliases.
    """
    table: list[Actor] = []
    for number, row in _read_tsv("actors.tsv"):
        where = f"geomap/data/actors.tsv:{number}"
        kind = row["kind"]
        if kind not in ("state", "force", "group") or not row["name"]:
            raise GazetteerError(f"{where}: needs a name and a kind of state, force or group")
        operates_in = tuple(c for c in (_code(v, where) for v in _split(row["operates_in"])) if c)
        code = _code(row["country_code"], where)
        aliases, notes = _split(row["aliases"]), row["notes"]
        table.append(Actor(row["name"], aliases, code, cast(TableKind, kind), notes, operates_in))
    return tuple(table)


@functools.cache
def _tables() -> _Tables:
    countries: dict[str, str] = {}
    country_keys: dict[str, str] = {}
    by_key: dict[bool, dict[str, list[_Alias]]] = {True: {}, False: {}}
    targets: list[_Target] = []

    def target(name: str, code: str | None, kind: ActorKind | None, *more: str) -> _Target:
        context = frozenset({code, *more} - {None, ""})
        made = _Target(name, code, kind, cast(frozenset[str], context), len(targets))
        targets.append(made)
        return made

    def add(alias: str, to: _Target) -> None:
        form = " ".join(_fold(alias).split())
        strict = _is_acronym(form)
        key = form if strict else _lower(form)
        if len(key) != len(form) or not form:
            raise GazetteerError(f"alias {alias!r} of {to.name!r} cannot be matched")
        entries = by_key[strict].setdefault(key, [])
        if all(e.target is not to for e in entries):
            entries.append(_Alias(form, to))

    # Load order breaks ties: a state before a force or group, a demonym last.
    for number, row in _read_tsv("countries.tsv"):
        code = _code(row["country_code"], f"geomap/data/countries.tsv:{number}")
        if code is None or not row["name"]:
            raise GazetteerError(f"geomap/data/countries.tsv:{number}: needs a code and a name")
        countries[code] = row["name"]
        state = target(row["name"], code, "state")
        for alias in (row["name"], *_split(row["aliases"])):
            add(alias, state)
            country_keys.setdefault(_key(alias), code)
    for actor in actors():
        found = target(actor.name, actor.country_code, actor.kind, *actor.operates_in)
        for alias in (actor.name, *actor.aliases):
            add(alias, found)
    for capital, code in CAPITAL_GOVERNMENTS.items():
        add(capital, target(countries[code], code, "government"))
    demonyms: dict[str, str | None] = {}
    for number, row in _read_tsv("demonyms.tsv"):
        code = _code(row["country_code"], f"geomap/data/demonyms.tsv:{number}")
        if code is not None and code not in countries:
            raise GazetteerError(f"geomap/data/demonyms.tsv:{number}: unknown country {code}")
        word = row["word"]
        name = countries[code] if code else word
        people = target(name, code, "demonym")
        for form in (word, row["plural"]):
            if form:
                add(form, people)
                demonyms.setdefault(_key(form), code)
    blocked = target("", None, None)
    for phrase in _BLOCKERS:
        add(phrase, blocked)

    unknown = {c for t in targets for c in t.context if c not in countries}
    if unknown:
        raise GazetteerError(f"geomap/data: codes without a row in countries.tsv: {unknown}")
    automata = {}
    for strict, keyed in by_key.items():
        automaton = ahocorasick.Automaton()
        for key, entries in keyed.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
        automata[strict] = automaton
    logger.debug(
        "actor tables: %d countries, %d targets, %d aliases",
        len(countries),
        len(targets),
        len(by_key[True]) + len(by_key[False]),
    )
    return _Tables(automata[False], automata[True], countries, country_keys, demonyms)


def _bounded(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` is not part of a longer word."""
    if start > 0 and low[start - 1].isalnum() and low[start].isalnum():
        return False
    return not (end < len(low) and low[end].isalnum() and low[end - 1].isalnum())


def _in_caps_run(norm: str, start: int, end: int, width: int = 40) -> bool:
    """Whether the text around ``norm[start:end]`` is written in capitals."""
    letters = [
        c for c in norm[max(0, start - width) : start] + norm[end : end + width] if c.isalpha()
    ]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _hits(norm: str, low: str) -> dict[tuple[int, int], list[_Alias]]:
    """Every span an alias matches under the boundary and case rules."""
    tables = _tables()
    spans: dict[tuple[int, int], list[_Alias]] = {}
    for strict, automaton, haystack in ((False, tables.folded, low), (True, tables.exact, norm)):
        for last, (length, entries) in automaton.iter(haystack):
            start, end = last - length + 1, last + 1
            if not _bounded(low, start, end):
                continue
            first = norm[start]
            if strict:
                if norm[start:end] in _CAPS_AMBIGUOUS and _in_caps_run(norm, start, end):
                    continue
                good = list(entries)
            else:
                good = [e for e in entries if first in (e.form[0], e.form[0].upper())]
            if good:
                spans.setdefault((start, end), []).extend(good)
    return spans


def find_actors(text: str) -> list[ActorMention]:
    """Find every actor mention in ``text``.

    Parameters
    ----------
    text
        Article text, as read (curly quotes, accents and line breaks are fine).

    Returns
    -------
    list of ActorMention
        In text order, without overlaps; ``start``/``end`` index ``text``.

    Examples
    --------
    >>> [(m.text, m.name, m.kind) for m in find_actors("Tehran believes Pakistani warplanes")]
    [('Tehran', 'Iran', 'government'), ('Pakistani', 'Pakistan', 'demonym')]
    >>> find_actors("it is striking")
    []
    """
    if not text:
        return []
    norm = _fold(text)
    low = _lower(norm)
    spans = _hits(norm, low)
    taken = bytearray(len(text))
    chosen: list[tuple[int, int, list[_Alias]]] = []
    for (start, end), entries in sorted(spans.items(), key=lambda s: (s[0][0] - s[0][1], s[0])):
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, entries))
    chosen.sort(key=lambda c: c[0])

    # An alias of one actor is settled; the text's settled countries decide the others.
    settled: dict[int, _Target] = {}
    seen: Counter[str] = Counter()
    for start, _, entries in chosen:
        distinct = {id(e.target): e.target for e in entries}
        if len(distinct) == 1:
            settled[start] = entries[0].target
            if entries[0].target.country_code:
                seen[entries[0].target.country_code] += 1
    mentions: list[ActorMention] = []
    for start, end, entries in chosen:
        best = settled.get(start) or min(
            (e.target for e in entries),
            key=lambda t: (-sum(seen[c] for c in t.context), t.order),
        )
        if best.kind is not None:
            mentions.append(
                ActorMention(start, end, text[start:end], best.name, best.country_code, best.kind)
            )
    led = next((m for m in mentions if m.text.lower().endswith("-led coalition")), None)
    if led is not None:  # "the coalition" later on is the "Saudi-led coalition" named before
        mentions += [replace(led, start=m.start(1), end=m.end(1), text=m.group(1))
                     for m in _THE_COALITION.finditer(text, led.end)
                     if not any(taken[m.start(1) : m.end(1)])]
        mentions.sort(key=lambda m: m.start)
    return mentions


def demonym_country(word: str) -> str | None:
    """The country code a demonym names ("Iranian" and "Iranians" -> ``"IR"``).

    Parameters
    ----------
    word
        A demonym or adjective, singular or plural; case and curly quotes do not matter.

    Returns
    -------
    str or None
        ``None`` for a word that is not a demonym, and for peoples without a state of
        their own ("Kurdish", "Baloch"): use `is_demonym` to tell the two apart.

    Examples
    --------
    >>> demonym_country("Pakistanis"), demonym_country("Kurdish"), demonym_country("Erbil")
    ('PK', None, None)
    """
    return _tables().demonyms.get(_key(word))


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a demonym or adjective in ``demonyms.tsv`` ("Kurdish": yes).

    >>> is_demonym("Kurdish"), is_demonym("Kurdistan")
    (True, False)
    """
    return _key(word) in _tables().demonyms


def country_name(code: str) -> str | None:
    """The English short name of an ISO 3166-1 alpha-2 code, or ``None`` if unknown.

    >>> country_name("IR"), country_name("cd"), country_name("ZZ")
    ('Iran', 'Democratic Republic of the Congo', None)
    """
    return _tables().countries.get(code.strip().upper())


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country name or alias, or ``None``.

    >>> country_code("Iran"), country_code("U.S."), country_code("Türkiye")
    ('IR', 'US', 'TR')
    """
    return _tables().country_keys.get(_key(name))
