"""Find date expressions in a sentence and resolve them against the publication date.

News reports date events relative to the day they were written ("on Tuesday",
"last month", "earlier this month", "Last March"). :func:`find_dates` finds every
date expression in a piece of text, in text order, and resolves it to a
:class:`DateRef` whose ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

Resolution rules (``published`` is the article's publication date):

- a weekday ("on Tuesday", "Tuesday's attack", "late on Tuesday", "Tuesday night") is
  the most recent such weekday on or before ``published``; "last Tuesday" is the most
  recent one strictly before it, "next Tuesday" the first one strictly after it, "Tuesday
  of last week" the one of the calendar week before the publication day's;
- "today", "this morning", "earlier today", "tonight" are ``published`` ("fifty years ago
  today": that day fifty years before); "yesterday", "last night" the day before;
  "overnight" the publication day (a morning report's "overnight" strikes fell in its
  early hours); "the day before yesterday" two days before; "tomorrow" the day after;
- "this month" / "earlier this month" is the publication month, "last month" the one
  before; "this year" / "last year" likewise with year precision;
- "this week" / "last week": the schema has no week precision, so the calendar week
  (Monday to Sunday) is reported as its month when it lies in one month, else as its year
  when it lies in one year, else as the month of its Thursday (ISO 8601's week rule);
- "last March" is the most recent March strictly before the publication month;
  "in March" and "March 3" (no year) are the most recent such month or day on or
  before ``published``;
- "February 2019" is ``2019-02``; "January 16, 2024", "16 January 2024" and
  "2024-01-16" are days; a year alone ("in 2019", "since 2012", "between 2012 and
  2019", "2019.") is a year only in a year context, so counts ("100 dead",
  "aged between 28 and 35") never become years;
- "the previous afternoon" or "the day before" after a day in the same text is the day
  before it, and replaces it.

Relative expressions are never guessed from today's date: without a publication date they
are left out of the result (they still keep a shorter expression inside them from being
reported on its own). "A day after X" needs X, so :func:`find_day_offsets` only reports
such phrases with their offset in days, for the caller to anchor (:func:`shift`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from dateutil import parser as du_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from text_to_num import text2num

from geomap.records import DatePrecision

__all__ = ["DatePrecision", "DateRef", "best_date", "find_dates", "find_day_offsets", "shift"]

logger = logging.getLogger(__name__)

_RANK: dict[DatePrecision, int] = {"day": 3, "month": 2, "year": 1}


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression found in a text and what it resolves to.

    Attributes
    ----------
    value
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, according to ``precision``.
    precision
        How specific the expression is: ``"day"``, ``"month"`` or ``"year"``.
    start, end
        Character span of ``phrase`` in the text that was searched.
    phrase
        The date words with their modifiers ("earlier this month", "Tuesday night",
        "Last March"), without a leading preposition ("in", "on", "since").
    relative
        Whether resolving the expression needed the publication date.
    """

    value: str
    precision: DatePrecision
    start: int
    end: int
    phrase: str
    relative: bool


_Resolved = tuple[str, DatePrecision]
_Absolute = Callable[[re.Match[str]], _Resolved | None]
_Relative = Callable[[re.Match[str], dt.date], _Resolved | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern whose group ``d`` is the phrase, and how to resolve a match."""

    pattern: re.Pattern[str]
    absolute: _Absolute | None = None
    relative: _Relative | None = None


# Month and weekday names must be capitalised ("may" and "march" are also verbs).
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)"
)
_MONTH_ANY = (
    r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:st|nd|rd|th)?"
_PREP = (
    r"(?:in|since|during|by|until|till|from|through|throughout|before|after|between"
    r"|of)"
)
# What may not follow a year: more word characters, a percentage, a decimal part,
# "-month-old", or a count noun ("in 2000 homes").
_YEAR_END = (
    r"(?![\w%]|[.,]\d|-[a-z]|\s+(?:people|persons|men|women|children|civilians|troops"
    r"|soldiers|fighters|militants|homes|houses|families"
    r"|rockets|missiles|drones|shells|km|kilometres|kilometers|miles|metres|meters)\b)"
)
# A year standing alone before punctuation is not a year after these count words.
_COUNT_BEFORE = re.compile(
    r"\b(?:about|around|nearly|almost|some|over|than|least|approximately|roughly"
    r"|estimated|total|killed|wounded|injured|to)\s+$",
    re.IGNORECASE,
)
_NUMBER_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_OFFSET_RE = re.compile(
    r"(?<![\w-])(?:the\s+(?P<nb>day|week)\s+(?P<nbdir>before|after)"
    r"(?!\s+(?:yesterday|tomorrow)\b)"
    r"|the\s+(?P<adj>previous|preceding|prior|next|following)\s+(?P<adjunit>day|week)"
    rf"|(?P<n>{_NUMBER_WORD})\s+(?P<unit>days?|weeks?|months?)\s+"
    r"(?P<dir>after|later|before|earlier|prior))(?![\w-])",
    re.IGNORECASE,
)
_BACKWARD = frozenset({"before", "earlier", "prior", "previous", "preceding"})


def _add(day: dt.date, delta: relativedelta) -> dt.date:
    """Return ``day + delta`` as a date (dateutil is untyped)."""
    result: Any = day + delta
    if not isinstance(result, dt.date):  # pragma: no cover - dateutil contract
        raise TypeError(f"unexpected result of date arithmetic: {result!r}")
    return result


def _month_number(name: str) -> int:
    number: Any = du_parser.parserinfo().month(name.rstrip("."))
    return int(number)


def _weekday_number(name: str) -> int:
    number: Any = du_parser.parserinfo().weekday(name)
    return int(number)


def _parse_day(m: re.Match[str]) -> _Resolved | None:
    """Resolve a full date ("January 16, 2024", "16th of January 2024") with dateutil."""
    try:
        parsed: Any = du_parser.parse(m["d"], default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        logger.debug("not a valid date: %r", m["d"])
        return None
    return parsed.date().isoformat(), "day"


def _month_year(m: re.Match[str]) -> _Resolved | None:
    return f"{int(m['y']):04d}-{_month_number(m['mon']):02d}", "month"


def _year(m: re.Match[str]) -> _Resolved | None:
    return m["y"], "year"


def _lone_year(m: re.Match[str]) -> _Resolved | None:
    if _COUNT_BEFORE.search(m.string, 0, m.start("d")):
        return None
    return m["y"], "year"


def _month_day(m: re.Match[str], published: dt.date) -> _Resolved | None:
    """The most recent such day on or before ``published``; ``None`` if no such day."""
    month, day = _month_number(m["mon"]), int(m["day"])
    for year in range(published.year, published.year - 8, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 30 February, or 29 February outside a leap year
            continue
        if candidate <= published:
            return candidate.isoformat(), "day"
    return None


def _bare_month(m: re.Match[str], published: dt.date) -> _Resolved | None:
    month = _month_number(m["mon"])
    year = published.year if month <= published.month else published.year - 1
    return f"{year:04d}-{month:02d}", "month"


def _last_month_name(m: re.Match[str], published: dt.date) -> _Resolved | None:
    month = _month_number(m["mon"])
    year = published.year if month < published.month else published.year - 1
    return f"{year:04d}-{month:02d}", "month"


def _weekday(m: re.Match[str], published: dt.date) -> _Resolved | None:
    weekday = _weekday_number(m["wd"])
    which = (m["rel"] or "").lower()
    if m["lw"]:  # "on Monday of last week": in the calendar week before this one's
        anchor, nth = published - dt.timedelta(days=published.weekday() + 1), -1
    elif which in {"last", "past"}:
        anchor, nth = published - dt.timedelta(days=1), -1
    elif which == "next":
        anchor, nth = published + dt.timedelta(days=1), +1
    else:
        anchor, nth = published, -1
    return _add(anchor, relativedelta(weekday=_weekday_of(weekday, nth))).isoformat(), "day"


def _weekday_of(weekday: int, nth: int) -> Any:
    """Return dateutil's ``MO(nth)``..``SU(nth)`` for ``weekday`` 0 (Monday) to 6."""
    return (MO, TU, WE, TH, FR, SA, SU)[weekday](nth)


def _count(word: str) -> int:
    """A count in digits or words: "a" and "an" are 1 ("a day after", "fifty years ago")."""
    low = word.lower()
    return 1 if low in {"a", "an"} else int(low) if low.isdigit() else int(text2num(low, "en"))


def _near_day(m: re.Match[str], published: dt.date) -> _Resolved | None:
    phrase = " ".join(m["d"].lower().split())
    offset = -2 if "before yesterday" in phrase else -1 if (
        "yesterday" in phrase or "last night" in phrase) else 1 if "tomorrow" in phrase else 0
    try:
        years = _count(m["ago"] or "0")  # "Fifty years ago today"
    except ValueError:
        return None
    return _add(published, relativedelta(years=-years, days=offset)).isoformat(), "day"


def _period(m: re.Match[str], published: dt.date) -> _Resolved | None:
    step = {"this": 0, "the": 0, "last": -1, "next": 1}[m["rel"].lower()]
    unit = m["unit"].lower()
    if unit == "year":
        return f"{published.year + step:04d}", "year"
    if unit == "month":
        first = _add(published.replace(day=1), relativedelta(months=step))
        return f"{first.year:04d}-{first.month:02d}", "month"
    monday = _add(published, relativedelta(weekday=_weekday_of(0, -1), weeks=step))
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}", "month"
    if monday.year == sunday.year:
        return f"{monday.year:04d}", "year"
    thursday = monday + dt.timedelta(days=3)
    return f"{thursday.year:04d}-{thursday.month:02d}", "month"


def _rule(
    pattern: str, absolute: _Absolute | None = None, relative: _Relative | None = None
) -> _Rule:
    return _Rule(re.compile(pattern, re.IGNORECASE), absolute, relative)


_RULES: tuple[_Rule, ...] = (
    _rule(r"(?<![\w-])(?P<d>\d{4}-\d{2}-\d{2})(?![\w-])", absolute=_parse_day),
    _rule(
        rf"(?<![\w.,-])(?P<d>(?:{_WEEKDAY},?\s+(?:the\s+)?)?\d{{1,2}}{_ORD}\s+(?:of\s+)?"
        rf"{_MONTH_ANY}(?!\w),?\s+{_YEAR})(?!\w)",
        absolute=_parse_day,
    ),
    _rule(
        rf"(?<![\w-])(?P<d>(?:{_WEEKDAY},?\s+)?{_MONTH_ANY}(?!\w)\s*\d{{1,2}}{_ORD},?\s+"
        rf"{_YEAR})(?!\w)",
        absolute=_parse_day,
    ),
    _rule(
        rf"(?<![\w-])(?P<d>(?:(?:early|late|mid)[-\s]+)?(?P<mon>{_MONTH_ANY})(?!\w),?\s+"
        rf"(?P<y>{_YEAR})){_YEAR_END}",
        absolute=_month_year,
    ),
    _rule(
        rf"(?<![\w-])(?P<d>(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH_ANY})(?!\w)\s*"
        rf"(?P<day>\d{{1,2}}){_ORD})(?![\w%:]|,?\s+\d)",
        relative=_month_day,
    ),
    _rule(
        rf"(?<![\w.,-])(?P<d>(?:{_WEEKDAY},?\s+(?:the\s+)?)?(?P<day>\d{{1,2}}){_ORD}\s+"
        rf"(?:of\s+)?(?P<mon>{_MONTH_ANY}))"
        rf"(?!\w)(?!,?\s+\d)",
        relative=_month_day,
    ),
    _rule(
        rf"(?<![\w-]){_PREP}\s+(?:the\s+)?(?P<d>(?:(?:early|late)\s+|mid-)?"
        rf"(?P<mon>{_MONTH}))(?![\w-])(?!,?\s+\d)",
        relative=_bare_month,
    ),
    _rule(
        rf"(?<![\w-])(?P<d>(?:early|late|mid)[-\s]+(?P<mon>{_MONTH}))(?![\w-])(?!,?\s+\d)",
        relative=_bare_month,
    ),
    _rule(rf"(?<![\w-])(?P<d>last\s+(?P<mon>{_MONTH}))(?![\w-])", relative=_last_month_name),
    _rule(
        rf"(?<![\w-])(?P<d>(?:(?P<rel>last|past|next|this)\s+|(?:early|late)\s+)?"
        rf"(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?"
        rf"(?P<lw>,?\s+(?:of\s+)?last\s+week)?)(?!\w)",
        relative=_weekday,
    ),
    _rule(
        r"(?<![\w-])(?P<d>the\s+day\s+before\s+yesterday"
        r"|(?:(?P<ago>[\w-]+)\s+years?\s+ago\s+)?(?:(?:early|earlier|later|late)\s+)?"
        r"(?:today|tonight|this\s+(?:morning|afternoon|evening))"
        r"|yesterday(?:\s+(?:morning|afternoon|evening))?|(?:late\s+)?last\s+night"
        r"|overnight|tomorrow)(?![\w-])",
        relative=_near_day,
    ),
    _rule(
        r"(?<![\w-])(?<!the\s)(?<!past\s)(?P<d>(?:(?:early|earlier|late|later)\s+(?:in\s+)?)?"
        r"(?P<rel>this|last|next|(?<=earlier in )the|(?<=early in )the|(?<=later in )the)"
        r"\s+(?P<unit>week|month|year))(?![\w-])",  # "earlier in the week": this week
        relative=_period,
    ),
    _rule(
        rf"(?<![\w-]){_PREP}\s+(?:the\s+year\s+)?(?P<d>(?:(?:early|late|mid)[-\s]+)?"
        rf"(?P<y>{_YEAR})){_YEAR_END}",
        absolute=_year,
    ),
    _rule(
        rf"(?<={_YEAR}\s)(?:and|to|or|through|until)\s+(?P<d>(?P<y>{_YEAR})){_YEAR_END}",
        absolute=_year,
    ),
    _rule(
        rf"(?<![\w$£€#.,/-])(?P<d>(?P<y>{_YEAR}))"
        r"(?=[.,;:!?)\]\"”’'](?!\d)|\s*$)",
        absolute=_lone_year,
    ),
)


def find_dates(text: str, published: dt.date | None) -> list[DateRef]:
    """Every date expression in ``text`` (a sentence or any span of an article), in text
    order, relative ones ("Tuesday", "last month") resolved against ``published`` (left out
    when it is ``None``). Where two overlap, the one that starts first wins, then the
    longer one; a weekday that names a rite ("during Friday prayers") is left out when the
    text gives another date ("In May 2007 a bomb ... during Friday prayers"), and a day that
    names a place ("the 20 January station") is no date.

    Examples
    --------
    >>> [d.value for d in find_dates("Founded in 2012, it struck last month.",
    ...                              dt.date(2024, 1, 16))]
    ['2012', '2023-12']
    """
    # An expression that cannot be resolved (relative without ``published``, or an
    # impossible date like "February 30, 2024") still claims its span, so that no
    # shorter expression inside it ("2024") is reported in its place.
    found: list[tuple[int, int, DateRef | None]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            resolved: _Resolved | None = None
            if rule.absolute is not None:
                resolved = rule.absolute(m)
            elif rule.relative is not None and published is not None:
                resolved = rule.relative(m, published)
            start, end = m.span("d")
            ref = None
            if resolved is not None:
                value, precision = resolved
                ref = DateRef(value, precision, start, end, m["d"], rule.absolute is None)
            found.append((start, end, ref))
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    kept: list[DateRef] = []
    last_end = -1
    for start, end, ref in found:
        if start < last_end:
            continue
        last_end = end
        if ref is None:
            logger.debug("date expression left unresolved: %r", text[start:end])
        else:
            kept.append(ref)
    if any(not r.relative for r in kept):
        kept = [r for r in kept if not _RITE_AFTER.match(text, r.end)]
    kept = [r for r in kept if not _NAMED_AFTER.match(text, r.end)]  # "the 20 January station"
    return _with_previous(text, _with_year_phrase(text, kept))


_NAMED_AFTER = re.compile(r"\s+(?:station|square|street|avenue|road|bridge|stadium|park)\b",
                          re.IGNORECASE)
_RITE_AFTER = re.compile(r"\s+(?:prayers?|sermons?|services?|mass|worship)\b", re.IGNORECASE)


_PREVIOUS = re.compile(r"\bthe (?:previous|preceding) (?:day|afternoon|evening|morning|night)\b"
                       r"|\bthe (?:day|night) before\b(?!\s+(?:yesterday|last)\b)", re.I)


def _with_previous(text: str, refs: list[DateRef]) -> list[DateRef]:
    """"On Sunday ... shelling the previous afternoon": Saturday replaces Sunday, which is
    only the reference. Without a day before it, nothing is read."""
    for m in _PREVIOUS.finditer(text):
        anchors = [r for r in refs if r.end <= m.start() and r.precision == "day"]
        if not anchors or any(m.start() <= r.start < m.end() for r in refs):
            continue
        anchor = anchors[-1]
        moved = replace(shift(anchor, -1), start=m.start(), end=m.end(), phrase=m.group(),
                        relative=True)
        refs = sorted([r for r in refs if r is not anchor] + [moved], key=lambda r: r.start)
    return refs


_YEAR_PHRASE = re.compile(r"\s*,?\s*(last|this) year\b", re.IGNORECASE)


def _with_year_phrase(text: str, refs: list[DateRef]) -> list[DateRef]:
    """Join "15 March" and a following "last year" into one date in that year; a bare month
    after a year takes that year ("in Melbourne in 1987: in August ...")."""
    out: list[DateRef] = []
    skip: int | None = None
    years = [r for r in refs if r.precision == "year" and not r.relative]
    refs = [DateRef(before[-1].value + r.value[4:], "month", r.start, r.end, r.phrase, False)
            if (before := [y for y in years if y.end <= r.start]) and r.precision == "month"
            and re.fullmatch(_MONTH, r.phrase) else r for r in refs]
    for i, ref in enumerate(refs):
        if i == skip:
            continue
        nxt = refs[i + 1] if i + 1 < len(refs) else None
        m = _YEAR_PHRASE.match(text, ref.end)
        if (m is not None and nxt is not None and nxt.start == m.start(1)
                and nxt.precision == "year" and ref.precision in {"day", "month"}):
            value = nxt.value + ref.value[4:]
            out.append(DateRef(value, ref.precision, ref.start, nxt.end,
                               text[ref.start : nxt.end], True))
            skip = i + 1
            continue
        out.append(ref)
    return out


def best_date(text: str, published: dt.date | None) -> DateRef | None:
    """Return the most specific date in ``text`` (day > month > year), first on ties.

    >>> best_date("In 2019, and on Tuesday", dt.date(2024, 1, 17)).value
    '2024-01-16'
    """
    best: DateRef | None = None
    for ref in find_dates(text, published):
        if best is None or _RANK[ref.precision] > _RANK[best.precision]:
            best = ref
    return best


def shift(ref: DateRef, days: int) -> DateRef:
    """Return ``ref`` moved by ``days`` days (a month date by its middle); a year is kept.

    For "a day after X" reasoning: ``shift(x, 1)``.

    >>> ref = find_dates("on Tuesday", dt.date(2024, 1, 17))[0]
    >>> shift(ref, -1).value
    '2024-01-15'
    """
    if ref.precision == "month":  # "four months later" (120 days) from August: December
        mid = _add(dt.date.fromisoformat(ref.value + "-15"), relativedelta(days=days))
        return replace(ref, value=mid.isoformat()[:7])
    if ref.precision != "day":
        return ref
    day = _add(dt.date.fromisoformat(ref.value), relativedelta(days=days))
    return replace(ref, value=day.isoformat())


def find_day_offsets(text: str) -> list[tuple[int, int, int]]:
    """Find "a day after", "the previous day", "two days later" and the like in a sentence,
    as (start, end, days): the phrase's span and its offset in days ("a day after" and
    "the next day" ``+1``, "a day earlier" and "the previous day" ``-1``, "two days later"
    ``+2``, "a week earlier" ``-7``, "four months later" ``+120``). The caller decides what
    they are relative to.

    >>> find_day_offsets("The attack came a day after Iran struck Erbil.")
    [(16, 27, 1)]
    """
    offsets: list[tuple[int, int, int]] = []
    for m in _OFFSET_RE.finditer(text):
        if m["nb"]:
            unit, direction, count = m["nb"], m["nbdir"], 1
        elif m["adj"]:
            unit, direction, count = m["adjunit"], m["adj"], 1
        else:
            unit, direction, count = m["unit"], m["dir"], _count(m["n"])
        days = count * {"w": 7, "m": 30}.get(unit[0].lower(), 1)
        sign = -1 if direction.lower() in _BACKWARD else 1
        offsets.append((m.start(), m.end(), sign * days))
    return offsets
