"""Resolution: choose the right gazetteer entry for each place mention, and say why.

Every candidate gets an explainable score, the sum of:

- ``prior``: population (log10), kind (countries, provinces, curated features), exact vs
  alternate name, capital; a province named after its own main town yields to the town
  unless the text says "province", and a town matched by an alternate name yields to
  places of that very name (:meth:`Gazetteer.namesake_penalty`); a town far larger than
  its namesakes in the same country is that country's default ("largest");
- ``trigger``: a word next to the name that agrees with the kind ("Balochistan
  province", "the city of Kerman", "Nevatim air base"); ``compass``: "the south-western
  city of Kwangju" favours, for every mention of the name, the namesake that lies that
  way from its country's centre;
- ``container``: "X, Y", "X in Y", "X near Y": the candidate lies in a province or
  country that Y names ("Paris, Texas"; "Atlanta, Ga."), and that place of Y gains too;
  all mentions of the same name share it (one sense per discourse);
- document context (:mod:`geomap._context`): the other names' current choices and the
  demonyms point at the candidate's country or province, or lie near it;
- ``facility``: a name followed by a facility noun ("Zion Church", "Kingsbury hotels") is
  likelier a facility's name than a small town of another country: a town or district
  that nothing else in the text supports (no country, province or nearby place; other
  facility names do not count), or any after "the", loses 6, unless it is a city of
  500,000 by its own name; a country after "the" ("the Palestine Hotel") is no place;
  a text with no other names has nothing to contradict it.

A name that the text calls a province matches provinces known only as "<name>
governorate" or "<name> oblast" too ("Saada province", "Russia's Kursk region").

A first choice is made from prior, trigger and container; then twice over, each name's
candidates are rescored with the context of the *other* names' current choices. The
winner keeps its score, the runner-up and the reasons. With ``min_score`` set
(``geoparse``), a weak winner is dropped: no place rather than a wild guess. ``geoparse``
also leaves out a far-away capital that only stands for its government ("prompting
unease in Washington" in a story about Russia).

Annotated spans that are not names (``resolve_spans``) are read too: demonyms
("Russian" -> Russia), region adjectives ("European" -> Europe, "Scottish" ->
Scotland), residents' names of states ("Ohioans" -> Ohio) and news abbreviations
("Calif.", "W.Va.").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from geomap._context import DocContext, compass_agrees, compass_of, governments, strays
from geomap._fold import fold
from geomap._unlisted import find_unlisted
from geomap._words import FACILITY_WORDS, adjective_forms, place_forms, word_set
from geomap.gazetteer import (
    ADMIN_WORDS,
    Gazetteer,
    haversine_km,
    load_gazetteer,
    prior_score,
)
from geomap.records import Candidate, Mention, Place, Toponym
from geomap.toponyms import TRIGGERS, find_mentions

__all__ = ["MIN_SCORE", "geoparse", "resolve", "resolve_spans"]

logger = logging.getLogger(__name__)

#: Below this a recognised mention is not returned by :func:`geoparse`.
MIN_SCORE = 3.0
_MAX_CANDIDATES = 40
_PASSES = 3
_ALTERNATIVES = 8
_LARGEST_BONUS = 2.0
_COMPASS_BONUS = 2.0
_LARGEST_RATIO = 20.0
_MAX_CONTEXT = 9.0  # country 3 + named 1, province 3, near 2 (geomap._context)
_TRIGGER_KIND = {
    "adm1": {"adm1"}, "adm2": {"adm2", "adm1"}, "populated": {"populated"},
    "airport": {"airport", "feature"}, "border": {"adm1", "adm2", "country", "populated"},
    "sea": {"feature"},
}
_CITY_SIZE = 50_000
_CONTAINER = re.compile(r"^(?:,\s*|,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*"
                        r"\s+)?|\s+near\s+|\s+outside\s+)", re.IGNORECASE)  # ", in the north"
_CONTAINER_KINDS = frozenset({"country", "adm1", "adm2"})
_ADMIN_KINDS = frozenset({"adm1", "adm2"})
_CITY_OF_DISTRICT_KM = 30.0
#: a facility-named town with no support in the text loses this much, unless this big
_FACILITY_PENALTY = 6.0
_FACILITY_BIG = 500_000
_BROAD_KINDS = frozenset({"country", "adm1", "feature"})
#: endings of residents' names and the endings of the place names they come from
_RESIDENT_ENDINGS = (("ian", "ia"), ("ian", "y"), ("ian", "o"), ("ian", ""), ("an", "a"),
                     ("an", ""), ("an", "as"), ("ers", ""), ("er", ""), ("i", ""))


@dataclass(slots=True)
class _Scored:
    cand: Candidate
    base: float
    reasons: list[str]
    extra: float = 0.0
    extra_reasons: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.base + self.extra


def _form_candidates(gaz: Gazetteer, name: str, cc: str | None, kind: str) -> list[Candidate]:
    return gaz.lookup(name, country_codes=[cc] if cc else None, kinds=[kind])[:3]


def _candidates(gaz: Gazetteer, text: str) -> list[Candidate]:
    """Candidates for a mention's text, from the forms that are not names first."""
    form = place_forms().get(text.strip().replace(" ", ""))
    if form is not None and form.rule != "adjective":
        return _form_candidates(gaz, form.name, form.country_code, form.kind)
    key = fold(text)
    adjective = adjective_forms().get(key)
    if adjective is not None:
        return _form_candidates(gaz, adjective.name, adjective.country_code, adjective.kind)
    from geomap.actors import demonym_country, is_demonym

    if is_demonym(text.strip()):
        code = demonym_country(text.strip())
        country = gaz.get(f"cc:{code}") if code else None
        return [Candidate(country, key, False)] if country is not None else []
    cands = gaz.candidates_for_key(key) if key.startswith("the ") else []
    if cands:
        return cands  # "the Gulf": the Persian Gulf
    if key.startswith("the "):
        key = key[4:]
    cands = gaz.candidates_for_key(key)
    if not cands:
        head, _, tail = key.rpartition(" ")
        if head and (tail in ADMIN_WORDS or tail in TRIGGERS):
            kinds = _TRIGGER_KIND.get(TRIGGERS.get(tail, "adm1"), {"adm1", "adm2"})
            cands = [c for c in gaz.candidates_for_key(head)
                     if c.place.kind in kinds or c.place.kind == "feature"]
    if not cands and key.endswith("s") and gaz.has_key(key[:-1]):
        cands = gaz.candidates_for_key(key[:-1])  # possessive without apostrophe
    if not cands and text[:1].isupper():
        cands = _residents(gaz, key)
    return cands


def _name_key(text: str) -> str:
    """The name a mention uses, for one-sense-per-discourse: "the Dublin City" and
    "Dublin" are one name, so neither counts as the other's context."""
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    head, _, tail = key.rpartition(" ")
    if head and (tail in ADMIN_WORDS or tail in TRIGGERS):
        key = head
    return key


def _residents(gaz: Gazetteer, key: str) -> list[Candidate]:
    """"Ohioans" -> Ohio, "Texan" -> Texas, "Ontarians" -> Ontario: states and countries."""
    word = key[:-1] if key.endswith("s") and not key.endswith("ss") else key
    for ending, replacement in _RESIDENT_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + replacement
            found = [c for c in gaz.candidates_for_key(stem) if c.place.kind in _BROAD_KINDS]
            if found:
                return found
    return []


def _prior(gaz: Gazetteer, m: Mention, c: Candidate, cands: list[Candidate],
           point: tuple[int | None, int | None] | None = None) -> _Scored:
    score = prior_score(c)
    reasons = [f"prior {score:.1f}"]
    if point and len(cands) > 1 and compass_agrees(
            point, c.place, gaz.get(f"cc:{c.place.country_code}")):
        score += _COMPASS_BONUS  # "the south-western city of Kwangju"
        reasons.append(f"compass +{_COMPASS_BONUS:.1f}")
    if m.trigger is None or _TRIGGER_KIND.get(TRIGGERS.get(m.trigger, ""), set()) != {"adm1"}:
        pen = gaz.namesake_penalty(c, cands)
        if pen:
            score -= pen
            reasons.append(f"namesake -{pen:.1f}")
    if m.trigger:
        kinds = _TRIGGER_KIND.get(TRIGGERS.get(m.trigger, m.trigger), set())
        if m.trigger == "village" and c.place.population >= _CITY_SIZE:
            score -= 5.0  # "the village of Kalyanpur" is not Itanagar, a city of 59,000
            reasons.append(f"'{m.trigger}', not a city of {c.place.population:,} -5.0")
        elif c.place.kind in kinds:
            score += 3.0
            reasons.append(f"trigger '{m.trigger}' +3.0")
    return _Scored(c, score, reasons)


def _largest_namesakes(options: list[_Scored]) -> None:
    """A town twenty times as populous as any other town of its name in its country
    gains 2: with only the country known ("Boston" in a US article), news means Boston,
    Massachusetts, not Boston, New York."""
    best: dict[str, _Scored] = {}
    second: dict[str, int] = {}
    for s in options:
        p = s.cand.place
        if p.kind != "populated" or not p.country_code or not s.cand.exact:
            continue
        cur = best.get(p.country_code)
        if cur is None or p.population > cur.cand.place.population:
            if cur is not None:
                second[p.country_code] = max(second.get(p.country_code, 0),
                                             cur.cand.place.population)
            best[p.country_code] = s
        else:
            second[p.country_code] = max(second.get(p.country_code, 0), p.population)
    for cc, s in best.items():
        if cc in second and s.cand.place.population >= _LARGEST_RATIO * second[cc]:
            s.base += _LARGEST_BONUS
            s.reasons.append(f"largest of the name in {cc} +{_LARGEST_BONUS:.1f}")


def _containers(gaz: Gazetteer, text: str, mentions: Sequence[Mention], keys: list[str],
                scored: list[list[_Scored]]) -> None:
    """"X, Y" / "X in Y": candidates of X inside a province or country Y names gain 4;
    that place of Y gains 2. X's gain holds for every mention of the same name."""
    shared: dict[tuple[str, str], tuple[float, str]] = {}
    for k in range(len(mentions) - 1):
        gap = text[mentions[k].end : mentions[k + 1].start]
        if not _CONTAINER.fullmatch(gap) or not scored[k] or not scored[k + 1]:
            continue
        outers = sorted((s for s in scored[k + 1] if s.cand.place.kind in _CONTAINER_KINDS),
                        key=lambda s: -s.base)[:5]
        for outer in outers:
            o = outer.cand.place
            inner = [s for s in scored[k] if s.cand.place.id != o.id
                     and gaz.contains(o, s.cand.place)]
            if not inner:
                continue
            outer.base += 2.0
            outer.reasons.append(f"contains {mentions[k].text} +2.0")
            for s in inner:
                shared[(keys[k], s.cand.place.id)] = (4.0, f"in {o.name} +4.0")
    for k, options in enumerate(scored):
        for s in options:
            got = shared.get((keys[k], s.cand.place.id))
            if got is not None:
                s.base += got[0]
                s.reasons.append(got[1])


def resolve(
    text: str,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer | None = None,
    *,
    min_score: float | None = None,
    context: Iterable[Mention] = (),
) -> list[Toponym | None]:
    """Resolve each mention (parallel list; demonyms and misses give ``None``).

    ``context`` adds mentions (for example demonyms) whose countries count as document
    context without being resolved themselves.
    """
    gaz = gazetteer or load_gazetteer()
    keys = [_name_key(m.text) for m in mentions]
    cache: dict[tuple[bool, bool, str], list[Candidate]] = {}
    scored: list[list[_Scored]] = []
    wholes = {m.text: whole for m in mentions if m.kind == "place" and (
        whole := _with_noun(gaz, text, m))}  # the same name without its noun is that place
    points: dict[str, tuple[int | None, int | None]] = {}  # "the south-western city of X"
    for k, m in enumerate(mentions):  # points every mention of X that way
        if (point := compass_of(text[max(0, m.start - 60) : m.start])) and keys[k] not in points:
            points[keys[k]] = point
    for k, m in enumerate(mentions):
        if m.kind != "place":
            scored.append([])
            continue
        the = m.start >= 4 and text[m.start - 4 : m.start] in {"the ", "The "}
        admin = TRIGGERS.get(m.trigger or "") in {"adm1", "adm2"}
        if (the, admin, m.text) not in cache:
            cands = _candidates(gaz, f"the {m.text}" if the else m.text)
            cands = wholes.get(m.text) or cands  # "Evin prison": the gazetteer's Evin Prison
            if the and not cands:
                cands = _candidates(gaz, m.text)
            if admin and not any(c.place.kind in _ADMIN_KINDS for c in cands):
                cands = [*cands, *_admin_candidates(gaz, fold(m.text))]
            if len(cands) > _MAX_CANDIDATES:
                cands = gaz.rank(cands)[:_MAX_CANDIDATES]
            cache[(the, admin, m.text)] = cands
        cands = cache[(the, admin, m.text)]
        options = [_prior(gaz, m, c, cands, points.get(keys[k])) for c in cands]
        _largest_namesakes(options)
        scored.append(options)
    _containers(gaz, text, mentions, keys, scored)
    for k, options in enumerate(scored):
        if len(options) > 1:  # context adds at most _MAX_CONTEXT: the rest cannot win
            top = max(s.base for s in options)
            scored[k] = [s for s in options if s.base >= top - _MAX_CONTEXT]
    demonyms = [m.country_code for m in [*mentions, *context]
                if m.kind == "demonym" and m.country_code]
    alternatives: list[tuple[str, Place]] = []
    done: set[str] = set()
    for k, options in enumerate(scored):
        if keys[k] not in done and len(options) > 1:
            done.add(keys[k])
            lead = sorted(options, key=lambda s: -s.base)[:_ALTERNATIVES]
            alternatives.extend((keys[k], s.cand.place) for s in lead)

    nouns = [m.trigger in FACILITY_WORDS for m in mentions]
    plain = {keys[k] for k, options in enumerate(scored) if options and not nouns[k]}
    facility = [nouns[k] and bool(plain - {keys[k]}) for k in range(len(mentions))]
    after_the = [text[max(0, m.start - 4) : m.start].lower() == "the " for m in mentions]
    for _ in range(_PASSES):
        picks = [(keys[k], max(options, key=lambda s: s.score).cand.place, facility[k])
                 for k, options in enumerate(scored) if options]
        ctxs = [DocContext.build([(key, p) for key, p, _ in picks], demonyms, alternatives,
                                 gaz.neighbours())]
        if any(facility):  # facility names do not vouch for one another
            ctxs.append(DocContext.build([(key, p) for key, p, f in picks if not f],
                                         demonyms, alternatives, gaz.neighbours()))
        seen: dict[tuple[bool, str, str], tuple[float, list[str], bool]] = {}
        for k, options in enumerate(scored):
            for s in options:
                got = seen.get((facility[k], keys[k], s.cand.place.id))
                if got is None:
                    ev = ctxs[facility[k]].evidence(s.cand.place, keys[k])
                    got = (sum(e.bonus for e in ev), [e.reason for e in ev],
                           any(e.kind != "neighbour" for e in ev))
                    seen[(facility[k], keys[k], s.cand.place.id)] = got
                s.extra, s.extra_reasons = got[0], got[1]
                if facility[k] and (not got[2] or after_the[k]) and _facility_penalised(s.cand):
                    s.extra -= _FACILITY_PENALTY
                    s.extra_reasons = [*got[1], f"facility name ('{mentions[k].trigger}'), "
                                       f"nothing else in {s.cand.place.country_code} "
                                       f"-{_FACILITY_PENALTY:.1f}"]

    told: dict[str, str] = {}  # "the state of Pará": what every "Pará" of the text is
    for k, options in enumerate(scored):
        options.sort(key=lambda s: -s.score)
        if options and TRIGGERS.get(mentions[k].trigger or "") == "adm1" \
                and options[0].cand.place.kind == "adm1":  # (a county and its town can share one)
            told.setdefault(keys[k], options[0].cand.place.id)
    out: list[Toponym | None] = []
    for k, (m, options) in enumerate(zip(mentions, scored, strict=True)):
        if not options:
            out.append(None)
            continue
        best = next((s for s in options if s.cand.place.id == told.get(keys[k])), options[0])
        if options[0].cand.exact and options[0].cand.place.country_code \
                == best.cand.place.country_code:
            best = options[0]  # but Kharkiv is also its oblast's city
        if best.cand.place.kind in _ADMIN_KINDS and TRIGGERS.get(m.trigger or "") not in {
                "adm1", "adm2"}:  # a district named after its city is the city ("Jerusalem")
            best = next((s for s in options if s.cand.place.kind == "populated"
                         and fold(s.cand.place.name) == fold(best.cand.place.name)
                         and haversine_km(s.cand.place.lat, s.cand.place.lon, best.cand.place.lat,
                                          best.cand.place.lon) <= _CITY_OF_DISTRICT_KM), best)
        if (min_score is not None and best.score < min_score) or (
                facility[k] and after_the[k] and text[m.end + 1 : m.end + 2].isupper() and any(
                    o.cand.place.kind == "country" and not o.cand.place.name.startswith("The ")
                    for o in options)):  # "the Palestine Hotel" is a hotel in no Palestine
            # (but "the US consulate" is the country's, and "the Gambia Hotel" in The Gambia)
            out.append(None)
            continue
        runner = next((s for s in options[1:] if s.cand.place.id != best.cand.place.id), None)
        out.append(_toponym(m, best, runner))
    return out


def _with_noun(gaz: Gazetteer, text: str, m: Mention) -> list[Candidate]:
    """Candidates for a name with the facility noun after it, when the gazetteer lists the
    whole ("Evin prison" is Evin Prison in Tehran, not the French town of Évin)."""
    if m.trigger not in FACILITY_WORDS or not text.startswith(f" {m.trigger}", m.end):
        return []
    return [c for c in _candidates(gaz, f"{m.text} {m.trigger}") if c.place.kind == "feature"]


def _admin_candidates(gaz: Gazetteer, key: str) -> list[Candidate]:
    """Provinces and districts known only as "<name> governorate" and the like, for a
    name that the text calls a province ("Saada province": Saada governorate)."""
    out: list[Candidate] = []
    for word in sorted(ADMIN_WORDS):
        out.extend(c for c in gaz.candidates_for_key(f"{key} {word}")
                   if c.place.kind in _ADMIN_KINDS and c not in out)
    return out


def _facility_penalised(c: Candidate) -> bool:
    """A town or district, unless a big one by its own name, for which a facility of
    that name is likelier ("Zion Church": not Zion, Illinois, nor Jerusalem) when nothing
    else in the text lies in its country or near it."""
    return c.place.kind in {"populated", "adm2", "adm1"} and not (
        c.exact and c.place.population >= _FACILITY_BIG)


def _describe(p: Place) -> str:
    where = ", ".join(x for x in (p.admin1 if p.kind != "adm1" else None, p.country_code) if x)
    return f"{p.name} ({where}, {p.kind})" if where else f"{p.name} ({p.kind})"


def _toponym(m: Mention, best: _Scored, runner: _Scored | None) -> Toponym:
    p = best.cand.place
    return Toponym(
        start=m.start, end=m.end, text=m.text, name=p.name, lat=p.lat, lon=p.lon,
        place_id=p.id, country_code=p.country_code, kind=p.kind, admin1=p.admin1,
        score=round(best.score, 3), feature_code=p.feature_code, population=p.population,
        runner_up=_describe(runner.cand.place) if runner else None,
        runner_up_score=round(runner.score, 3) if runner else None,
        reasons=(*best.reasons, *best.extra_reasons),
    )


def geoparse(text: str, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Find and resolve the places of ``text`` (demonyms and weak guesses left out).

    >>> [(t.text, t.country_code) for t in geoparse("Drones hit Panjgur in Balochistan.")]
    [('Panjgur', 'PK'), ('Balochistan', 'PK')]
    """
    gaz = gazetteer or load_gazetteer()
    mentions = [_sea_noun(gaz, text, m) for m in find_mentions(text, gaz)]
    places = _whole_names([m for m in mentions if m.kind == "place"], text)
    resolved = [t for t in resolve(text, places, gaz, min_score=MIN_SCORE, context=mentions)
                if t is not None]
    demonyms = {m.country_code for m in mentions if m.kind != "place" and m.country_code}
    dropped = governments(text, resolved) | strays(resolved, demonyms)
    kept = [t for k, t in enumerate(resolved) if k not in dropped]
    unlisted = find_unlisted(text, kept)  # "Hroza, a village 30 km west of Kupiansk"
    return sorted([*kept, *unlisted], key=lambda t: t.start) if unlisted else kept


_ADJECTIVE_NEXT = re.compile(r"\s+(?!(?:were|was|is|are|had|has|have|on|in|at|and|or|to|for"
                             r"|from|with|by|since|after|before|off|this|last|that|which|where"
                             r"|when|while|as)\b)[a-z]")


def _sea_noun(gaz: Gazetteer, text: str, m: Mention) -> Mention:
    """A region adjective that is the gazetteer's sea, used as a noun, is the sea: "a boat
    in the Caribbean on Tuesday" (but "the Caribbean island" is an adjective)."""
    if m.kind != "demonym" or text[max(0, m.start - 4) : m.start].lower() != "the " \
            or _ADJECTIVE_NEXT.match(text, m.end) or not any(
                c.place.feature_code in {"SEA", "GULF", "OCN"} for c in gaz.lookup(m.text)):
        return m
    return Mention(m.start, m.end, m.text, "place", None, m.trigger)


_GENERIC_TAIL = word_set("Bay Beach Park Hill Hills Lake Island Islands River Valley Square Point"
                         " Harbour Harbor Creek Springs Falls Heights Gardens Bridge Gate Cove")
_PARTICLE_BEFORE = re.compile(r"\b[A-Z][\w’'-]+ (?:del|de la|de los|de las|des|do|dos|das) $")
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w’'-]+ $")


def _whole_names(places: list[Mention], text: str) -> list[Mention]:
    """Mentions left when a generic word ending a longer name the gazetteer lacks ("Naama
    Bay": not Naama, Algeria, and Bay, Somalia) is dropped with the word before it."""
    tails = [m for m in places if (m.text in _GENERIC_TAIL and _CAPITALISED_BEFORE.search(
        text, max(0, m.start - 40), m.start)) or _PARTICLE_BEFORE.search(
            text, max(0, m.start - 40), m.start)]  # "Autopista del Sol": no Seoul
    drop = {id(m) for m in tails} | {id(o) for o in places for m in tails if o.end + 1 == m.start}
    return [m for m in places if id(m) not in drop] if drop else places


def resolve_spans(
    text: str, spans: Iterable[tuple[int, int]], gazetteer: Gazetteer | None = None
) -> list[Toponym | None]:
    """Resolve given ``(start, end)`` spans (the "gold span" setting); ``None`` if unknown.

    The rest of the text is still read for context (its places, countries and
    provinces). A span may be a demonym or region adjective ("Russian", "European"): it
    resolves to the country or region, although :func:`geoparse` never returns one.

    >>> text = "Russian troops left Tbilisi."
    >>> [t.name for t in resolve_spans(text, [(0, 7), (20, 27)])]
    ['Russia', 'Tbilisi']
    """
    gaz = gazetteer or load_gazetteer()
    found = find_mentions(text, gaz)
    triggers = {(m.start, m.end): m.trigger for m in found}
    given = [Mention(s, e, text[s:e], "place", None, triggers.get((s, e))) for s, e in spans]
    taken = {(m.start, m.end) for m in given}
    extra = [m for m in found if (m.start, m.end) not in taken and m.kind == "place"
             and not any(s < m.end and m.start < e for s, e in taken)]
    allm = sorted([*given, *extra], key=lambda m: (m.start, m.end))
    resolved = resolve(text, allm, gaz, context=found)
    by_span = {(m.start, m.end): t for m, t in zip(allm, resolved, strict=True)}
    return [by_span.get((m.start, m.end)) for m in given]
