"""Casualty figures of one sentence: killed and injured, as told, with their range.

Words only, no model. A casualty figure is read only where a casualty word governs it:
as subject ("Two people were killed", "nearly 100 dead"; an aside such as ", among them
four children," is skipped), as object ("killed at least 13 people", "the death of two
children"; with no number each person noun joined by "and" counts one, so "killing a
businessman and his daughter" is 2), or as a toll ("the death toll rose to 27", which
replaces the other killed figures). Ages ("6-year-old", "aged between 28 and 35") and years
are never counts. "No casualties reported", "no one was hurt" set ``none_reported`` and
leave the figures ``None``: absence of a figure, not zero.

A figure is value/low/high: "13" 13/13/13; "at least 13", "13 or more" 13/13/None;
"over 24", "more than 24" 24/24/None (ACLED's conservative convention: the stated
figure, not one more); "nearly 100", "almost" 100/90/100; "about 100",
"some" 100/90/110; "up to 10" 10/None/10; "fewer than 10" 9/None/9; "three or four" 3/3/4;
"a dozen" 12/12/12; "dozens", "scores", "hundreds", "thousands" 24, 40, 200, 2000 as value
and low, high None; "several", "many" no figure (the phrase is kept). Figures of one kind
in a sentence are added up; a vague part leaves the sum open (high None).

Weapons and the ACLED sub-event type of a sentence are read by :mod:`geomap.weapons`;
:func:`find_weapons`, :func:`event_type_hint`, :data:`WEAPONS` and :data:`SUB_EVENT_TYPES`
are re-exported here, so ``from geomap.casualties import find_weapons`` keeps working.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

from text_to_num import text2num

from geomap._people import person_noun
from geomap._words import word_set
from geomap.weapons import SUB_EVENT_TYPES, WEAPONS, event_type_hint, find_weapons

__all__ = [
    "SUB_EVENT_TYPES", "WEAPONS", "Casualties", "event_type_hint", "find_casualties",
    "find_weapons",
]  # fmt: skip

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Casualties:
    """Casualty figures read from one sentence; ``None`` where the sentence gives none.

    ``killed``/``injured`` is the best single figure, ``*_low``/``*_high`` the range it
    stands for (see the module docstring). ``phrases`` are the fragments of the sentence
    the figures came from, vague ones ("several others wounded") included. ``vague_toll``:
    the dead are told only as "dozens", "hundreds" or "thousands", which the event records
    leave without a figure (the gold convention, as ACLED's: no guessed count).
    """

    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    phrases: tuple[str, ...] = ()
    none_reported: bool = False
    vague_toll: bool = False


_Triple = tuple[int | None, int | None, int | None]


@dataclass(frozen=True, slots=True)
class _Count:
    """A count over tokens ``start:end``; ``kind`` num/det/vague, or killed/injured/toll."""

    kind: str
    value: int | None
    low: int | None
    high: int | None
    start: int
    end: int


_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?!\w)|\w+(?:['’]\w+)*|[^\s\w]")
_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


_NUMBER_WORDS = word_set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
    " hundred thousand million"
)
_AGE_UNITS = word_set("year years month months week weeks day days")
_RANGE_WORDS = word_set("and to - – or")
_MODIFIERS = tuple(
    (tuple(words.split()), kind)
    for kind, group in (
        ("at_least", "no fewer than|no less than|a minimum of|at least"),
        ("more", "more than|in excess of|upwards of|over"),
        ("nearly", "nearly|almost|close to|just under"),
        ("about", "an estimated|estimated|about|around|approximately|roughly|some"),
        ("up_to", "as many as|up to|at most"),
        ("less", "fewer than|less than|under"),
    )
    for words in group.split("|")
)
_MODIFIERS_BY_FIRST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    first: tuple(m for m in _MODIFIERS if m[0][0] == first)
    for first in {words[0] for words, _ in _MODIFIERS}
}  # the same order as _MODIFIERS, looked up by the first word
_PHRASE_COUNTS = {  # words: (count, exact); an inexact count is a lower bound
    tuple(words.split()): (n, exact)
    for words, n, exact in (
        ("a dozen", 12, True), ("half a dozen", 6, True), ("several dozen", 24, False),
        ("several hundred", 200, False), ("several thousand", 2000, False), ("tens", 20, False),
        ("dozens", 24, False), ("scores", 40, False), ("hundreds", 200, False),
        ("thousands", 2000, False),
    )
}  # fmt: skip
_SCALES = {"hundreds": 100, "thousands": 1000, "millions": 1_000_000}
_VAGUE = word_set("several many numerous multiple countless some few")
_DETS = word_set("the his her their its our this that these those")
_KILL_AFTER = word_set("killed dead died dies deaths fatalities perished slain massacred martyred")
_AFTER = _KILL_AFTER | word_set("injured wounded hurt injuries")
_KILL_BEFORE = word_set("kill kills killed killing killings death deaths murdered murder"
                      " massacred slaughtered bodies")
_BEFORE = _KILL_BEFORE | word_set("injure injures injured injuring wound wounded wounding hurt")
_TO_DEATH = word_set("stabbed stabbing beat beaten beating hacked hacking shot shooting burned"
                   " burnt bludgeoned clubbed crushed trampled")  # "... N people to death"
_NEEDS_OF = word_set("death deaths killings bodies")  # "the bodies of a boy and his grandmother"
_AUX = word_set(
    "were was are is have has had been be being reportedly also all later allegedly reported said"
    " believed feared confirmed to both critically seriously severely slightly lightly fatally"
    " badly mortally gravely subsequently then shot"
)
_ASIDE = word_set("among including of most mostly many all both mainly some them")
_NP_STOP = (
    _AFTER | _BEFORE | _AUX | _DETS | _ASIDE
    | word_set("and or but while when after before as in on at from by with during near to for into"
             " inside across against who which whom whose a an aged out nearby there instantly"
             " overnight today yesterday tonight")
)  # fmt: skip
_PERPETRATOR_AMONG = re.compile(
    r"\b(?:the|a) (?:suicide )?(?:bomber|gunman|attacker|assailant) among them\b|\b(?:including|"
    r"among them) the (?:suicide )?(?:bomber|gunman|attacker|assailant)\b", re.IGNORECASE)
_NONE_RE = re.compile(
    r"\bno\s+(?:immediate\s+|other\s+|further\s+|reported\s+)?(?:reports?\s+of\s+)?"
    r"(?:casualties|injuries|deaths|fatalities|victims|loss\s+of\s+life)"
    r"(?:\s+(?:were\s+|was\s+)?reported)?"
    r"|\b(?:no\s*one|nobody|none\s+of\s+(?:them|(?:the|its|their)\s+\w+))\s+(?:\w+\s+){0,3}?"
    r"(?:killed|hurt|injured|wounded|harmed|dead)\b"
    r"|\bwithout\s+(?:causing\s+)?(?:any\s+)?(?:casualties|injuries)\b",
    re.IGNORECASE,
)
_VAGUE_TOLL = re.compile(r"\b(?:dozens|scores|hundreds|thousands|tens)\b(?!\s+(?:were|had been"
                         r"|have been)\s+(?:wounded|injured|hurt))", re.IGNORECASE)
_KILL_STEM = re.compile(r"kill|dead|die|death", re.IGNORECASE)
_AFTER_HEAD = word_set("in at on near from who which that inside outside across during by besides"
                        " beside except plus among")
_CASUALTY_WORD = re.compile(
    r"kill|dead|death|died|dies|wound|injur|hurt|toll|casualt|lives|victim|bodies|massacr"
    r"|murder|slaughter"
    r"|fatalit|perish|slain|martyr"
    r"|number of|no one|nobody|harm", re.IGNORECASE)
_TOLL_SKIP = word_set(
    "has have had rose risen rises climbed climbs reached reaches jumped increased stood stands"
    " now is was to at of hit went up further already passed passes topped tops exceeded"
    " exceeds"
)


def _w(toks: list[str], i: int) -> str:
    return toks[i].lower().replace("’", "'") if 0 <= i < len(toks) else ""


def _number(toks: list[str], i: int) -> tuple[int, int] | None:
    """The whole number written at token ``i`` in digits or words, and the index after."""
    word = _w(toks, i)
    if _DIGITS_RE.fullmatch(word):
        return int(word.replace(",", "")), i + 1
    if word not in _NUMBER_WORDS or _w(toks, i - 1) in ("no", "any", "every"):
        return None
    run = [(word, i + 1)]
    while True:
        j = run[-1][1]
        k = j + 1 if _w(toks, j) in ("-", "and") else j
        if _w(toks, k) not in _NUMBER_WORDS:
            break
        run.append((_w(toks, k), k + 1))
    for n in range(len(run), 0, -1):
        try:
            return int(text2num(" ".join(w for w, _ in run[:n]), "en")), run[n - 1][1]
        except ValueError:
            continue
    return None


def _age_end(toks: list[str], i: int) -> int | None:
    """End of an age written at ``i`` ("6-year-old", "aged 28 to 35"), else ``None``."""
    if _w(toks, i) == "aged":
        j = i + 2 if _w(toks, i + 1) in ("between", "from") else i + 1
        first = _number(toks, j)
        if first is None:
            return None
        second = _number(toks, first[1] + 1) if _w(toks, first[1]) in _RANGE_WORDS else None
        return second[1] if second else first[1]
    num = _number(toks, i)
    if num is None:
        return None
    j = num[1] + (_w(toks, num[1]) == "-")
    if _w(toks, j) not in _AGE_UNITS:
        return None
    j += 1 + (_w(toks, j + 1) == "-")
    return j + 1 if _w(toks, j) in ("old", "olds") else None


def _scale(mod: str | None, n: int) -> _Triple:
    """Value, low and high of ``n`` after a modifier such as "at least" or "nearly"."""
    return {
        None: (n, n, n), "at_least": (n, n, None), "more": (n, n, None),
        "nearly": (n, n * 9 // 10, n), "about": (n, n * 9 // 10, -(-n * 11 // 10)),
        "up_to": (n, None, n), "less": (n - 1, None, n - 1),
    }[mod]  # fmt: skip


def _at(toks: list[str], j: int, words: tuple[str, ...]) -> bool:
    return all(_w(toks, j + k) == word for k, word in enumerate(words))


def _quantity(toks: list[str], i: int) -> _Count | None:
    """A count starting at token ``i`` (number, collective, vague word or determiner)."""
    j, mod = i, None
    for words, kind in _MODIFIERS_BY_FIRST.get(_w(toks, j), ()):
        if _at(toks, j, words):
            j, mod = j + len(words), kind
            break
    word = _w(toks, j)
    if word in _DETS and _number(toks, j + 1) and _age_end(toks, j + 1) is None:
        j, word = j + 1, _w(toks, j + 1)  # "the two children"
    if word == "between" and (a := _number(toks, j + 1)) and _w(toks, a[1]) in ("and", "to"):
        b = _number(toks, a[1] + 1)
        if b and b[0] > a[0]:
            return _Count("num", a[0], a[0], b[0], i, b[1])
    num = _number(toks, j)
    if num is not None and _age_end(toks, j) is None:
        n, k = num
        if len(word) == 4 and 1800 <= n <= 2099 and _person(toks, k) == "thing":
            return None  # a year
        if _w(toks, k) == "dozen":
            n, k = n * 12, k + 1
        other = _number(toks, k + 1) if _w(toks, k) in _RANGE_WORDS - {"and"} else None
        if other and other[0] > n and _age_end(toks, k + 1) is None:
            return _Count("num", n, n, other[0], i, other[1])  # "three or four", "3-4"
        if _at(toks, k, ("or", "more")):
            mod, k = "at_least", k + 2
        return _Count("num", *_scale(mod, n), i, k)
    for words, (count, exact) in _PHRASE_COUNTS.items():
        if _at(toks, j, words):
            k, times = j + len(words), 1
            if not exact and _w(toks, k) == "of" and _w(toks, k + 1) in _SCALES:
                k, times = k + 2, _SCALES[_w(toks, k + 1)]  # "tens of thousands"
            n = count * times
            return _Count("num", *(_scale(mod, n) if exact else (n, n, None)), i, k)
    if mod is not None:  # "some" alone is vague; "over the city", "about them" are not counts
        return _Count("vague", None, None, None, i, i + 1) if _w(toks, i) == "some" else None
    if word == "a" and _w(toks, j + 1) in ("few", "handful", "number"):
        return _Count("vague", None, None, None, i, j + 2)
    if word in _VAGUE or word in _DETS or word in ("a", "an"):
        return _Count("vague" if word in _VAGUE else "det", None, None, None, i, j + 1)
    return None


def _person(toks: list[str], i: int) -> Literal["sg", "pl", "thing"]:
    """Whether token ``i`` is a noun for one person, for several, or something else."""
    return person_noun(toks[i]) if 0 <= i < len(toks) else "thing"


def _title_case(toks: list[str]) -> bool:
    words = [t for t in toks if t[:1].isalpha() and len(t) > 3]
    return len(words) >= 4 and sum(t[:1].isupper() for t in words) >= 0.8 * len(words)


def _noun_phrase(toks: list[str], i: int) -> tuple[int, str]:
    """End of the noun phrase after a count, and its head: "", "sg", "pl" or "thing".

    In a title-case headline every word is capitalised, so verbs cannot be told from
    nouns: there the phrase is at most two words ("Thousands Mourn Yemeni Children
    Killed" counts no one)."""
    j, head = i, ""
    longest = 2 if _title_case(toks) else 8
    if _w(toks, j) == "of":
        j += 1
        if _w(toks, j) == "them":
            return j + 1, "pl"
        j += _w(toks, j) in _DETS
    for _ in range(longest):
        age = _age_end(toks, j)
        if age is not None:
            j, head = age, ("pl" if _w(toks, age - 1) == "olds" else head)  # "three 10-year-olds"
            continue
        word = _w(toks, j)
        if word == "-" and head and _w(toks, j + 1)[:1].isalpha():
            j += 1
            continue
        if not word[:1].isalpha() or word in _NP_STOP:
            break
        if (head in ("sg", "pl") and word.endswith(("ing", "ed"))) or word in _AFTER_HEAD:
            break  # "110 civilians working in rice fields": the phrase ends at its person;
            # "Kills 12 Outside Tel Aviv Mall": at the number
        if head == "sg" and toks[j][:1].isupper():
            j += 1  # "the Socialist leader Inejiro Asanuma": a title before a name
            continue
        head, j = _person(toks, j), j + 1
    return j, head


def _skip_aux(toks: list[str], j: int) -> int:
    """Skip an aside (", among them four children,") and auxiliaries ("were reportedly")."""
    title = _w(toks, j) == "," and _w(toks, j + 1) in ("the", "a", "an")  # "Rajiv Gandhi,
    # the former Prime Minister and leader of the party, was killed"
    if _w(toks, j) in (",", "(") and (_w(toks, j + 1) in _ASIDE or _w(toks, j + 2) == "of"
                                      or title):
        close = ")" if _w(toks, j) == "(" else ","
        for k in range(j + 1, min(j + 14, len(toks))):
            if _w(toks, k) == close and not (title and _w(toks, k + 1) not in _AUX):
                j = k + 1
                break
    while _w(toks, j) in _AUX:
        j += 1
    if _w(toks, j) == "among" and _w(toks, j + 1) == "the" and _w(toks, j + 2) in _AFTER:
        j += 2  # "a 9-year-old girl was among the dead"
    return j


def _counts(toks: list[str], j: int, subject: bool) -> tuple[list[_Triple], int]:
    """People counted from ``j`` and the end: "a doctor, two nurses and a man" is 1 + 2 + 1.

    A comma-joined part counts only in a list closed by "and", and never as a partitive
    ("five soldiers, three of them officers"). As an object (``subject=False``) a part that
    is itself a subject is left out: "killed two children and three women were hurt".
    """
    parts: list[tuple[_Triple, int, str]] = []  # figure, end, the joiner before it
    joiner = ""
    while (q := _quantity(toks, j)) is not None:
        k, head = _noun_phrase(toks, q.end)
        if head == "thing" or (head == "" and q.kind == "det"):
            break
        if parts and not subject and _w(toks, _skip_aux(toks, k)) in _AFTER:
            break
        if joiner == "," and _w(toks, q.end) == "of":
            break
        one = (1, 1, 1) if head == "sg" else (None, None, None)  # "a man", "the civilians"
        parts.append((one if q.kind == "det" else (q.value, q.low, q.high), k, joiner))
        joiner = "and" if _w(toks, k) == "and" or _at(toks, k, (",", "and")) else _w(toks, k)
        if joiner not in ("and", ","):
            break
        j = k + 1 + _at(toks, k, (",", "and"))
    while parts and parts[-1][2] == ",":
        parts.pop()
    return [part for part, _, _ in parts], parts[-1][1] if parts else j


def _objects(toks: list[str], t: int) -> list[_Count]:
    """Counts governed by the casualty verb at ``t``: "killed two children and a man"."""
    kind = "injured" if _w(toks, t) in _BEFORE - _KILL_BEFORE else "killed"  # or "shot dead"
    if _w(toks, t + 1) != "of" and _w(toks, t) in _NEEDS_OF:
        return []
    parts, end = _counts(toks, t + 1 + (_w(toks, t + 1) == "of"), subject=False)
    if parts in ([], [(1, 1, 1)]) and toks[t + 1 : t + 2] != ["and"]:  # "killed the mayor"
        others = _named_and_others(toks, t, kind)
        if others or not parts:
            return others
    return [_Count(kind, *part, t - (_w(toks, t) == "dead"), end) for part in parts]


def _named_and_others(toks: list[str], t: int, kind: str) -> list[_Count]:
    """A named victim and a count of others: "killed Haroon Bilour, a candidate of the
    party, and at least 19 other people" is at least 20."""
    for j in range(t + 2, min(t + 22, len(toks))):
        if _w(toks, j) in (".", ";", ":") or (_w(toks, j) in _KILL_BEFORE and j > t + 1):
            return []
        if _w(toks, j) == "and" and (q := _quantity(toks, j + 1)) is not None \
                and q.kind == "num" and _w(toks, q.end) in ("other", "others") and (
                _noun_phrase(toks, q.end)[1] == "pl"):
            low, high = (None if n is None else n + 1 for n in (q.low, q.high))
            return [_Count(kind, (q.value or 0) + 1, low, high, t, _noun_phrase(toks, q.end)[0])]
    return []


def _subject(toks: list[str], i: int, claimed: set[int]) -> list[_Count]:
    """Counts at ``i`` that are the subject of a casualty word: "two people were killed"."""
    if _w(toks, i - 1) == "of" and _person(toks, i - 2) != "thing":
        return []  # "a woman of 56 were killed": an age
    parts, end = _counts(toks, i, subject=True)
    t = _skip_aux(toks, end)
    if _w(toks, t) == "from":  # "a Palestinian man from Gaza was killed"
        k = t + 1 + (_w(toks, t + 1) == "the")
        while k < min(t + 5, len(toks)) and toks[k][:1].isupper():
            k += 1
        t = _skip_aux(toks, k) if k > t + 1 else t
    if not parts or t in claimed or _w(toks, t) not in _AFTER:
        return []
    claimed.add(t)
    kind = "killed" if _w(toks, t) in _KILL_AFTER else "injured"
    return [_Count(kind, *part, i, t + 1) for part in parts]


def _toll(toks: list[str]) -> list[_Count]:
    """The figure of "the death toll rose to 27", "the toll from the strikes stands at 31"."""
    for t in range(len(toks)):
        whose = _w(toks, t + 2 + (_w(toks, t + 2) == "the"))  # "the number of people killed"
        counted = _w(toks, t) in ("number", "count") and _w(toks, t + 1) == "of" and whose in (
            "people", "dead", "deaths", "victims", "those")
        if not counted and (_w(toks, t) != "toll" or _w(toks, t - 1) in ("injury", "injuries")):
            continue
        found: list[_Count] = []
        aside = False  # "The toll, first put at about 100, has risen to 147"
        for j in range(t + 1, min(t + 40, len(toks))):
            if aside or (_w(toks, j) == "," and j <= t + 4 and not found):
                aside = _w(toks, j) != "," or not aside
                continue
            if _w(toks, j) in (",", ";", "."):
                break
            q = _quantity(toks, j) if _w(toks, j - 1) in _TOLL_SKIP else None
            if q is not None and q.kind == "num":
                start = t - (_w(toks, t - 1) == "death")
                found.append(_Count("toll", q.value, q.low, q.high, start, q.end))
                if _w(toks, j - 1) != "at":
                    break  # "rose to 27"; but "... bombings at three hotels to 57": 57
        if found:
            return found[-1:]
    return []


def _sum(numbers: list[int | None]) -> int | None:
    return None if None in numbers else sum(n for n in numbers if n is not None)


def _total(figures: list[_Count]) -> _Triple:
    """Sum of figures of one kind; a vague part (no value) leaves ``high`` open."""
    known = [f for f in figures if f.value is not None]
    if not known:
        return None, None, None
    values, lows = [f.value for f in known], [f.low for f in known]
    return _sum(values), _sum(lows), _sum([f.high for f in figures])


def find_casualties(sentence: str) -> Casualties:
    """Read the killed and injured figures of one sentence (rules: module docstring).

    Examples
    --------
    >>> c = find_casualties("Two people were killed and five wounded.")
    >>> (c.killed, c.injured, find_casualties("which left nearly 100 dead").killed_low)
    (2, 5, 90)
    """
    if not _CASUALTY_WORD.search(sentence):
        return Casualties()  # the common case, answered without tokenising
    matches = list(_TOKEN_RE.finditer(sentence))
    toks = [m.group() for m in matches]
    after = [t for t, tok in enumerate(toks) if tok.lower() in _AFTER]
    used: set[int] = set()  # tokens already read as an object
    claimed: set[int] = set()  # casualty words that already have their count
    figures = _toll(toks)
    for t in range(len(toks)):
        if _w(toks, t) in _BEFORE or _at(toks, t - 1, ("shot", "dead")) or (
                _w(toks, t) in _TO_DEATH):  # "stabbed three people to death"
            found = _objects(toks, t)
            if _w(toks, t) in _TO_DEATH and not (found and _at(toks, found[-1].end, (
                    "to", "death"))):
                continue
            if found:
                claimed.add(t)
                used.update(range(t, found[0].end))
                figures.extend(found)
    i = 0
    while i < len(toks):
        # a subject count stands at most 15 words before its casualty word
        near = any(i < t <= i + 15 for t in after)
        found = [] if i in used or not near else _subject(toks, i, claimed)
        figures.extend(found)
        i = max([i + 1] + [f.end for f in found])
    if any(f.kind == "toll" for f in figures):
        figures = [f for f in figures if f.kind != "killed"]
    killed = _total([f for f in figures if f.kind != "injured"])
    if killed[0] and _PERPETRATOR_AMONG.search(sentence):  # "two people, the bomber among them"
        low, mid, high = (None if n is None else max(n - 1, 0) for n in killed)
        killed = (low, mid, high)
    injured = _total([f for f in figures if f.kind == "injured"])
    spans = {(matches[f.start].start(), matches[f.end - 1].end()) for f in figures}
    none = {(m.start(), m.end()) for m in _NONE_RE.finditer(sentence)}
    phrases = tuple(sentence[a:b] for a, b in sorted(spans | none))
    vague = killed[2] is None and any(
        _VAGUE_TOLL.search(p) and _KILL_STEM.search(p) and not _DIGITS_RE.search(p)
        for p in phrases)  # "hundreds were killed"
    result = Casualties(*killed, *injured, phrases=phrases, none_reported=bool(none),
                        vague_toll=vague)
    if result.phrases:
        logger.debug("casualties %s from %r", result, sentence)
    return result
