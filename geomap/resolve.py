"""Resolution: choose the right gazetteer entry for each place mention, and say why.

Every candidate gets an explainable score, the sum of:

- ``prior``: population (log10), kind (countries, provinces, curated features), exact vs
  alternate name, capital; a province named after its own main town yields to the town
  unless the text says "province" (:meth:`Gazetteer.namesake_penalty`);
- ``trigger``: a word next to the name that agrees with the kind ("Balochistan
  province", "the city of Kerman", "Nevatim air base");
- ``container``: "X, Y", "X in Y", "Y's X": the candidate lies in the place Y names;
- ``country`` / ``admin1``: the document's other places and demonyms point at the
  candidate's country or province (Mordecai 3's document-level counts);
- ``near``: the candidate is within 150 km of another place of the document (CLAVIN's
  colocation heuristic).

The first pass scores without document context; the second adds it, each mention's own
first choice left out of its context. The winner keeps its score, the runner-up and the
reasons. With ``min_score`` set (``geoparse``), a weak winner is dropped: no place rather
than a wild guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geomap._fold import fold
from geomap.gazetteer import ADMIN_WORDS, Gazetteer, haversine_km, load_gazetteer, prior_score
from geomap.records import Candidate, Mention, Place, Toponym
from geomap.toponyms import TRIGGERS, find_mentions

__all__ = ["MIN_SCORE", "geoparse", "resolve", "resolve_spans"]

#: Below this a recognised mention is not returned by :func:`geoparse`.
MIN_SCORE = 3.0
_NEAR_KM = 150.0
_TRIGGER_KIND = {
    "adm1": {"adm1"}, "adm2": {"adm2", "adm1"}, "populated": {"populated"},
    "airport": {"airport", "feature"}, "border": {"adm1", "adm2", "country", "populated"},
}
_CONTAINER = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s+near\s+)", re.IGNORECASE)


@dataclass(slots=True)
class _Scored:
    cand: Candidate
    score: float
    reasons: list[str]


def _candidates(gaz: Gazetteer, text: str) -> list[Candidate]:
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    cands = gaz.candidates_for_key(key)
    if not cands:
        head, _, tail = key.rpartition(" ")
        if head and (tail in ADMIN_WORDS or tail in TRIGGERS):
            cands = gaz.candidates_for_key(head)
    if not cands and key.endswith("s") and gaz.has_key(key[:-1]):
        cands = gaz.candidates_for_key(key[:-1])  # possessive without apostrophe
    if not cands:
        from geomap.actors import demonym_country

        code = demonym_country(text.strip())
        if code:
            country = gaz.get(f"cc:{code}")
            if country is not None:
                cands = [Candidate(country, key, False)]
    return cands


def _prior(gaz: Gazetteer, m: Mention, c: Candidate, cands: list[Candidate]) -> _Scored:
    score = prior_score(c)
    reasons = [f"prior {score:.1f}"]
    if m.trigger is None or _TRIGGER_KIND.get(TRIGGERS.get(m.trigger, ""), set()) != {"adm1"}:
        pen = gaz.namesake_penalty(c, cands)
        if pen:
            score -= pen
            reasons.append(f"namesake town -{pen:.1f}")
    if m.trigger:
        kinds = _TRIGGER_KIND.get(TRIGGERS.get(m.trigger, m.trigger), set())
        if c.place.kind in kinds:
            score += 3.0
            reasons.append(f"trigger '{m.trigger}' +3.0")
    return _Scored(c, score, reasons)


def _containers(gaz: Gazetteer, text: str, mentions: Sequence[Mention],
                first: list[Place | None]) -> list[Place | None]:
    """For each mention, the place named right after it by ", Y" / " in Y" / " near Y"."""
    out: list[Place | None] = [None] * len(mentions)
    for k in range(len(mentions) - 1):
        gap = text[mentions[k].end : mentions[k + 1].start]
        if mentions[k + 1].kind == "place" and _CONTAINER.fullmatch(gap):
            place = first[k + 1]
            if place is not None and place.kind in {"country", "adm1", "adm2"}:
                out[k] = place
    return out


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
    cand_lists = [_candidates(gaz, m.text) if m.kind == "place" else [] for m in mentions]
    scored = [[_prior(gaz, m, c, cl) for c in cl] for m, cl in zip(mentions, cand_lists,
                                                                     strict=True)]
    first = [max(s, key=lambda x: x.score).cand.place if s else None for s in scored]

    for k, container in enumerate(_containers(gaz, text, mentions, first)):
        if container is None:
            continue
        for s in scored[k]:
            if s.cand.place.id != container.id and gaz.contains(container, s.cand.place):
                s.score += 4.0
                s.reasons.append(f"in {container.name} +4.0")

    first = [max(s, key=lambda x: x.score).cand.place if s else None for s in scored]
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    for p in first:
        if p is None:
            continue
        if p.country_code:
            countries[p.country_code] += 2 if p.kind == "country" else 1
        if p.admin1_code and p.kind != "country":
            admin1s[p.admin1_code] += 1
    for m in [*mentions, *context]:
        if m.kind == "demonym" and m.country_code:
            countries[m.country_code] += 1
    points = [(k, p) for k, p in enumerate(first)
              if p is not None and p.kind not in {"country", "adm1"}]

    out: list[Toponym | None] = []
    for k, (m, options) in enumerate(zip(mentions, scored, strict=True)):
        if not options:
            out.append(None)
            continue
        own = first[k]
        for s in options:
            p = s.cand.place
            n_country = countries[p.country_code or ""] - (
                (2 if own.kind == "country" else 1)
                if own is not None and own.country_code == p.country_code else 0)
            if n_country > 0:
                bonus = 1.5 + 0.5 * min(n_country - 1, 3)
                s.score += bonus
                s.reasons.append(f"country {p.country_code} in document +{bonus:.1f}")
            n_admin = admin1s[p.admin1_code or ""] - (
                1 if own is not None and own.kind != "country"
                and own.admin1_code == p.admin1_code else 0)
            if p.admin1_code and n_admin > 0 and p.kind != "country":
                s.score += 2.0
                s.reasons.append(f"province {p.admin1 or p.admin1_code} in document +2.0")
            if p.kind not in {"country", "adm1"} and any(
                    j != k and fold(mentions[j].text) != fold(m.text)
                    and haversine_km(p.lat, p.lon, q.lat, q.lon) <= _NEAR_KM
                    for j, q in points):
                s.score += 1.0
                s.reasons.append("near another place of the document +1.0")
        options.sort(key=lambda s: -s.score)
        best = options[0]
        if min_score is not None and best.score < min_score:
            out.append(None)
            continue
        runner = next((s for s in options[1:] if s.cand.place.id != best.cand.place.id), None)
        out.append(_toponym(m, best, runner))
    return out


def _toponym(m: Mention, best: _Scored, runner: _Scored | None) -> Toponym:
    p = best.cand.place
    return Toponym(
        start=m.start, end=m.end, text=m.text, name=p.name, lat=p.lat, lon=p.lon,
        place_id=p.id, country_code=p.country_code, kind=p.kind, admin1=p.admin1,
        score=round(best.score, 3), feature_code=p.feature_code, population=p.population,
        runner_up=(f"{runner.cand.place.name} ({runner.cand.place.country_code}, "
                   f"{runner.cand.place.kind})" if runner else None),
        runner_up_score=round(runner.score, 3) if runner else None,
        reasons=tuple(best.reasons),
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

    The rest of the text is still read for context (its countries and provinces).
    """
    gaz = gazetteer or load_gazetteer()
    given = [Mention(s, e, text[s:e], "place", None, None) for s, e in spans]
    found = find_mentions(text, gaz)
    taken = {(m.start, m.end) for m in given}
    triggers = {(m.start, m.end): m.trigger for m in found}
    given = [Mention(m.start, m.end, m.text, "place", None, triggers.get((m.start, m.end)))
             for m in given]
    extra = [m for m in found if (m.start, m.end) not in taken and m.kind == "place"
             and not any(s < m.end and m.start < e for s, e in taken)]
    allm = sorted([*given, *extra], key=lambda m: (m.start, m.end))
    resolved = resolve(text, allm, gaz, context=found)
    by_span = {(m.start, m.end): t for m, t in zip(allm, resolved, strict=True)}
    return [by_span.get((m.start, m.end)) for m in given]
