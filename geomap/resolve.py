"""Resolution: choose the right gazetteer entry for each place mention, and say why.

Every candidate gets an explainable score, the sum of:

- ``prior``: population (log10), kind (countries, provinces, curated features), exact vs
  alternate name, capital; a province named after its own main town yields to the town
  unless the text says "province", and a town matched by an alternate name yields to
  places of that very name (:meth:`Gazetteer.namesake_penalty`); a town far larger than
  its namesakes in the same country is that country's default ("largest");
- ``trigger``: a word next to the name that agrees with the kind ("Balochistan
  province", "the city of Kerman", "Nevatim air base");
- ``container``: "X, Y", "X in Y", "X near Y": the candidate lies in a province or
  country that Y names ("Paris, Texas"; "Atlanta, Ga."), and that place of Y gains too;
  all mentions of the same name share it (one sense per discourse);
- document context (:mod:`geomap._context`): the other names' current choices and the
  demonyms point at the candidate's country or province, or lie near it.

A first choice is made from prior, trigger and container; then twice over, each name's
candidates are rescored with the context of the *other* names' current choices. The
winner keeps its score, the runner-up and the reasons. With ``min_score`` set
(``geoparse``), a weak winner is dropped: no place rather than a wild guess.

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

from geomap._context import DocContext
from geomap._fold import fold
from geomap._words import adjective_forms, place_forms
from geomap.gazetteer import ADMIN_WORDS, Gazetteer, load_gazetteer, prior_score
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
_LARGEST_RATIO = 20.0
_MAX_CONTEXT = 9.0  # country 3 + named 1, province 3, near 2 (geomap._context)
_TRIGGER_KIND = {
    "adm1": {"adm1"}, "adm2": {"adm2", "adm1"}, "populated": {"populated"},
    "airport": {"airport", "feature"}, "border": {"adm1", "adm2", "country", "populated"},
}
_CONTAINER = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s+near\s+|\s+outside\s+)",
                        re.IGNORECASE)
_CONTAINER_KINDS = frozenset({"country", "adm1", "adm2"})
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


def _prior(gaz: Gazetteer, m: Mention, c: Candidate, cands: list[Candidate]) -> _Scored:
    score = prior_score(c)
    reasons = [f"prior {score:.1f}"]
    if m.trigger is None or _TRIGGER_KIND.get(TRIGGERS.get(m.trigger, ""), set()) != {"adm1"}:
        pen = gaz.namesake_penalty(c, cands)
        if pen:
            score -= pen
            reasons.append(f"namesake -{pen:.1f}")
    if m.trigger:
        kinds = _TRIGGER_KIND.get(TRIGGERS.get(m.trigger, m.trigger), set())
        if c.place.kind in kinds:
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
    cache: dict[tuple[bool, str], list[Candidate]] = {}
    scored: list[list[_Scored]] = []
    for m in mentions:
        if m.kind != "place":
            scored.append([])
            continue
        the = m.start >= 4 and text[m.start - 4 : m.start] in {"the ", "The "}
        if (the, m.text) not in cache:
            cands = _candidates(gaz, f"the {m.text}" if the else m.text)
            if the and not cands:
                cands = _candidates(gaz, m.text)
            if len(cands) > _MAX_CANDIDATES:
                cands = gaz.rank(cands)[:_MAX_CANDIDATES]
            cache[(the, m.text)] = cands
        cands = cache[(the, m.text)]
        options = [_prior(gaz, m, c, cands) for c in cands]
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

    for _ in range(_PASSES):
        picks = [(keys[k], max(options, key=lambda s: s.score).cand.place)
                 for k, options in enumerate(scored) if options]
        ctx = DocContext.build(picks, demonyms, alternatives, gaz.neighbours())
        seen: dict[tuple[str, str], tuple[float, list[str]]] = {}
        for k, options in enumerate(scored):
            for s in options:
                got = seen.get((keys[k], s.cand.place.id))
                if got is None:
                    ev = ctx.evidence(s.cand.place, keys[k])
                    got = (sum(e.bonus for e in ev), [e.reason for e in ev])
                    seen[(keys[k], s.cand.place.id)] = got
                s.extra, s.extra_reasons = got

    out: list[Toponym | None] = []
    for m, options in zip(mentions, scored, strict=True):
        if not options:
            out.append(None)
            continue
        options.sort(key=lambda s: -s.score)
        best = options[0]
        if min_score is not None and best.score < min_score:
            out.append(None)
            continue
        runner = next((s for s in options[1:] if s.cand.place.id != best.cand.place.id), None)
        out.append(_toponym(m, best, runner))
    return out


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
    mentions = find_mentions(text, gaz)
    places = [m for m in mentions if m.kind == "place"]
    resolved = resolve(text, places, gaz, min_score=MIN_SCORE, context=mentions)
    return [t for t in resolved if t is not None]


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
