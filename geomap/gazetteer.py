"""The bundled offline gazetteer: load once, look names up, reverse-geocode points.

Data files (built by ``gazetteer/build.py``, described in ``gazetteer/MANIFEST.json``):

- ``places.tsv.gz``: one row per place (countries, then subdivisions, then towns,
  airports and curated features);
- ``names.txt.gz``: folded name keys, sorted, and for each the rows it names
  (``~`` marks an alternate name);
- ``countries.geojson.gz``: simplified Natural Earth country outlines.

Rows are parsed lazily, so loading is a decompress and two string splits.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import os
import re
import zlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from geomap._fold import fold
from geomap.errors import GazetteerError
from geomap.records import Candidate, Place, PlaceKind

__all__ = [
    "ADMIN_WORDS",
    "Gazetteer",
    "country_outlines",
    "default_directory",
    "haversine_km",
    "load_gazetteer",
    "prior_score",
]

logger = logging.getLogger(__name__)

_KIND_BONUS: dict[str, float] = {
    "country": 3.0, "adm1": 1.0, "adm2": 0.0, "populated": 0.0, "airport": -0.5,
    "feature": 4.0,
}
_ADMIN_KINDS = frozenset({"adm1", "adm2"})
#: Words after a name that say it is an administrative area ("Idlib governorate").
ADMIN_WORDS = frozenset({
    "province", "governorate", "district", "region", "oblast", "state", "county",
    "prefecture", "division", "department", "municipality", "emirate", "territory",
})
_EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km(36.19, 44.01, 33.34, 44.40))
    319
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def default_directory() -> Path:
    """Where the gazetteer files are: ``GEOMAP_GAZETTEER_DIR``, the wheel, or the checkout."""
    env = os.environ.get("GEOMAP_GAZETTEER_DIR")
    if env:
        return Path(env)
    bundled = Path(str(resources.files("geomap"))) / "_gazetteer"
    if (bundled / "places.tsv.gz").is_file():
        return bundled
    return Path(__file__).resolve().parent.parent / "gazetteer"


def _read_lines(path: Path) -> list[str]:
    try:
        raw = path.read_bytes()
        text = zlib.decompress(raw, wbits=31).decode("utf-8")
    except (OSError, zlib.error, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file: {exc}") from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def prior_score(candidate: Candidate) -> float:
    """Context-free plausibility of a candidate: population, kind and name match.

    Admin areas' populations are sums of their towns, so they count at 0.8. Curated
    features (regions, seas, bases; most without a population) get a kind bonus that
    puts them above villages of the same name. A capital named by its own name gains
    1.5: capitals stand for governments in news ("Washington said"); a country's other
    names lose 1.5 (aliases such as "Uman" for Oman are also towns' own names).
    """
    place = candidate.place
    pop = math.log10(place.population + 1)
    if place.kind in _ADMIN_KINDS:
        pop *= 0.8
    score = pop + _KIND_BONUS.get(place.kind, 0.0)
    if candidate.exact:
        score += 0.5
        if place.feature_code == "PPLC":
            score += 1.5
    elif place.kind == "country":
        score -= 1.5  # "Uman" is a spelling of Oman, but first of all a town in Ukraine
    return score


class Gazetteer:
    """Offline place index. Use :func:`load_gazetteer` to get the shared instance."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        rows = _read_lines(directory / "places.tsv.gz")
        if not rows or not rows[0].startswith("id\tname\t"):
            raise GazetteerError(f"{directory / 'places.tsv.gz'}: unexpected header")
        self._rows = rows[1:]
        self._cache: list[Place | None] = [None] * len(self._rows)
        names = _read_lines(directory / "names.txt.gz")
        head = names[0].split("\t") if names else []
        if len(head) != 3 or head[0] != "geomap-names":
            raise GazetteerError(f"{directory / 'names.txt.gz'}: unexpected header")
        n = int(head[2])
        if len(names) != 2 * n + 1:
            raise GazetteerError(f"{directory / 'names.txt.gz'}: truncated ({len(names)} lines)")
        self._names: dict[str, str] = dict(zip(names[1 : n + 1], names[n + 1 :], strict=True))
        self._admin1: dict[str, str] = {}
        for pos, row in enumerate(self._rows):
            kind = row.split("\t", 5)[4]
            if kind == "adm1":
                place = self.place(pos)
                if place.admin1_code:
                    self._admin1.setdefault(place.admin1_code, place.name)
            elif kind not in {"country", "adm2"}:
                break  # subdivisions come right after countries
        self._ids: dict[str, int] | None = None
        self._capitals: dict[str, int] | None = None
        self._points: Any = None
        self._outlines: Any = None
        self._neighbours: dict[str, frozenset[str]] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    # ---- rows
    def place(self, pos: int) -> Place:
        """The place in row ``pos``."""
        cached = self._cache[pos]
        if cached is not None:
            return cached
        c = self._rows[pos].split("\t")
        a1 = c[7] or None
        kind: PlaceKind = c[4]  # type: ignore[assignment]
        place = Place(
            id=c[0], name=c[1], lat=float(c[2]), lon=float(c[3]), kind=kind,
            feature_code=c[5] or None, country_code=c[6] or None,
            admin1=(c[1] if kind == "adm1" else
                    self._admin1.get(a1) if a1 else None),
            population=int(c[8] or 0), admin1_code=a1, parent_id=c[9] or None,
        )
        self._cache[pos] = place
        return place

    def get(self, place_id: str) -> Place | None:
        """The place with this id (``gn:95446``, ``cc:PK``...), or ``None``."""
        if self._ids is None:
            self._ids = {row[: row.index("\t")]: pos for pos, row in enumerate(self._rows)}
        pos = self._ids.get(place_id)
        return None if pos is None else self.place(pos)

    def capital(self, country_code: str) -> Place | None:
        """The capital city (GeoNames ``PPLC``) of a country, or ``None``."""
        if self._capitals is None:
            self._capitals = {}
            for pos, row in enumerate(self._rows):
                if "\tPPLC\t" in row:
                    place = self.place(pos)
                    if place.country_code:
                        self._capitals.setdefault(place.country_code, pos)
        at = self._capitals.get(country_code)
        return None if at is None else self.place(at)

    def admin1_name(self, admin1_code: str | None) -> str | None:
        """Name of a first-level subdivision from its ``CC.code`` (``PK.02`` -> Balochistan)."""
        return self._admin1.get(admin1_code) if admin1_code else None

    def ancestors(self, place: Place) -> list[Place]:
        """The places containing ``place``: its province (if any), then its country."""
        out: list[Place] = []
        current = place
        for _ in range(4):
            if not current.parent_id:
                break
            parent = self.get(current.parent_id)
            if parent is None:
                break
            out.append(parent)
            current = parent
        return out

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether ``inner`` lies in ``outer`` by the administrative hierarchy."""
        if outer.id == inner.id:
            return True
        if outer.kind == "country":
            return inner.country_code == outer.country_code
        if outer.kind == "adm1" and outer.admin1_code:
            return inner.admin1_code == outer.admin1_code and inner.id != outer.id
        return any(p.id == outer.id for p in self.ancestors(inner))

    def neighbours(self) -> dict[str, frozenset[str]]:
        """Each country's land neighbours (GeoNames), loaded on first use."""
        if self._neighbours is None:
            path = self.directory / "neighbours.tsv"
            table: dict[str, frozenset[str]] = {}
            if path.is_file():
                for line in path.read_text("utf-8").splitlines():
                    cc, _, rest = line.partition("\t")
                    table[cc] = frozenset(filter(None, rest.split(",")))
            self._neighbours = table
        return self._neighbours

    # ---- names
    def has_key(self, key: str) -> bool:
        """Whether a folded key names any place."""
        return key in self._names

    def candidates_for_key(self, key: str) -> list[Candidate]:
        """Every place a folded key names, unranked."""
        refs = self._names.get(key)
        if not refs:
            return []
        out = []
        for ref in refs.split(","):
            place = self.place(int(ref.lstrip("~")))
            exact = not ref.startswith("~") or (  # "Halle (Saale)" is Halle's own name
                "(" in place.name and fold(place.name.split("(", 1)[0]) == key)
            out.append(Candidate(place, key, exact))
        return out

    def lookup(
        self,
        name: str,
        *,
        country_codes: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[Candidate]:
        """Candidates for a name, best first (context-free ranking).

        Matching is on the folded name (exact, alternate and diacritic-free spellings
        meet). ``country_codes`` and ``kinds`` filter; nothing found is an empty list.
        A province named after its own main town ranks below that town.
        """
        key = fold(name)
        cands = self.candidates_for_key(key)
        if not cands:
            head, _, tail = key.rpartition(" ")
            if head and tail in ADMIN_WORDS:
                cands = [c for c in self.candidates_for_key(head)
                         if c.place.kind in _ADMIN_KINDS or c.place.kind == "feature"]
        if country_codes is not None:
            wanted = {c.upper() for c in country_codes}
            cands = [c for c in cands if c.place.country_code in wanted]
        if kinds is not None:
            kind_set = set(kinds)
            cands = [c for c in cands if c.place.kind in kind_set]
        ranked = self.rank(cands)
        return ranked[:limit] if limit is not None else ranked

    def rank(self, cands: list[Candidate]) -> list[Candidate]:
        """Sort candidates by :func:`prior_score`, adjusted by :meth:`namesake_penalty`."""
        scored = [(prior_score(c) - self.namesake_penalty(c, cands), i, c)
                  for i, c in enumerate(cands)]
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [c for _, _, c in scored]

    @staticmethod
    def namesake_penalty(cand: Candidate, cands: list[Candidate]) -> float:
        """Penalty from the other places of the same name.

        An admin area whose name is also a town inside it (Idlib, Kerman) loses 3:
        without a word such as "province", news means the town. A town matched only by
        an alternate name (a former or foreign name: "Salisbury" for Harare,
        "Centerville" for Fremont) loses 2 when places of that very name exist, and 6
        when one of them is a town in its own country, or its own province ten times
        its size (there the name is the other place's: "Montana" is not Montana City);
        a hamlet (under 1,000 people, and under a hundredth of its size) does not count.
        A town that only shares its name with its country's capital loses the capital
        bonus.
        """
        place = cand.place
        if place.kind == "populated" and not cand.exact:
            exact = [o.place for o in cands if o.exact and not (  # a hamlet of a hundredth
                o.place.kind == "populated" and 0 < o.place.population < 1000
                and o.place.population * 100 < place.population)]
            if not exact:  # is no namesake ("Zaporizhzhia", 656 people, for Zaporizhzhya)
                return 0.0
            return 6.0 if any(o.country_code == place.country_code and (
                o.kind == "populated" or (o.admin1_code == place.admin1_code
                                          and place.population < 0.1 * o.population))
                for o in exact) else 2.0
        if place.feature_code == "PPLC":
            # only the largest town of the capital's name is the capital (Washington, DC,
            # not Washington, Iowa): the others lose the capital bonus again
            return 1.5 if cand.exact and any(
                o.place.feature_code == "PPLC" and o.place.country_code == place.country_code
                and o.place.population > place.population for o in cands) else 0.0
        if place.kind not in _ADMIN_KINDS:
            return 0.0
        for other in cands:
            o = other.place
            if (o.kind == "populated" and o.country_code == place.country_code
                    and (o.admin1_code == place.admin1_code or o.parent_id == place.id)
                    and o.population >= 1000):
                return 3.0
        return 0.0

    # ---- reverse
    def country_at(self, lat: float, lon: float, *, tolerance_km: float = 25.0) -> str | None:
        """ISO code of the country outline containing the point (or within tolerance)."""
        import shapely
        import shapely.ops

        tree, codes, geoms = self._outline_index()
        point = shapely.Point(lon, lat)
        hits = tree.query(point, predicate="intersects")
        if len(hits):
            return str(codes[int(hits[0])])
        idx = tree.nearest(point)
        if idx is None:
            return None
        nearest = shapely.ops.nearest_points(geoms[int(idx)], point)[0]
        if haversine_km(lat, lon, nearest.y, nearest.x) <= tolerance_km:
            return str(codes[int(idx)])
        return None

    def country_part(self, code: str, north: int | None, east: int | None
                     ) -> tuple[float, float] | None:
        """A representative point (lat, lon) of one part of a country's outline: the
        northern third (``north=1``), southern (-1) or middle (0) and, across, the eastern
        (``east=1``), western (-1) or middle (0) third; ``None`` for either means the
        whole span. ``None`` if the country has no outline ("northern Iraq", "north-east
        Syria", "central Somalia")."""
        import shapely

        _, codes, geoms = self._outline_index()
        if code not in codes:
            return None
        geom = geoms[codes.index(code)]
        minx, miny, maxx, maxy = geom.bounds
        def third(lo: float, hi: float, side: int | None) -> tuple[float, float]:
            step = (hi - lo) / 3
            return (lo, hi) if side is None else (lo + (side + 1) * step, lo + (side + 2) * step)

        (y0, y1), (x0, x1) = third(miny, maxy, north), third(minx, maxx, east)
        part = shapely.intersection(geom, shapely.box(x0, y0, x1, y1))
        if part.is_empty:
            return None
        point = part.representative_point()
        return point.y, point.x

    def nearest(
        self, lat: float, lon: float, *, limit: int = 5, kinds: Iterable[str] = ("populated",)
    ) -> list[tuple[Place, float]]:
        """The nearest places of the given kinds, with distances in km."""
        import numpy as np

        if self._points is None:
            kind_of = np.array([r.split("\t", 5)[4] for r in self._rows])
            lat_a = np.array([float(r.split("\t", 3)[2]) for r in self._rows])
            lon_a = np.array([float(r.split("\t", 4)[3]) for r in self._rows])
            self._points = (kind_of, np.radians(lat_a), np.radians(lon_a))
        kind_of, plat, plon = self._points
        mask = np.isin(kind_of, list(kinds))
        idx = np.nonzero(mask)[0]
        la, lo = math.radians(lat), math.radians(lon)
        a = (np.sin((plat[idx] - la) / 2) ** 2
             + math.cos(la) * np.cos(plat[idx]) * np.sin((plon[idx] - lo) / 2) ** 2)
        dist = 2 * _EARTH_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
        order = np.argsort(dist)[:limit]
        return [(self.place(int(idx[i])), float(dist[i])) for i in order]

    def _outline_index(self) -> tuple[Any, list[str], list[Any]]:
        if self._outlines is None:
            import shapely

            path = Path(self.directory) / "countries.geojson.gz"
            raw = _outline_text(str(self.directory))
            try:  # one GEOS parse of the whole collection, in feature order
                geoms = list(shapely.from_geojson(raw).geoms)
            except shapely.errors.GEOSException as exc:
                raise GazetteerError(f"{path}: cannot read country outlines: {exc}") from exc
            codes = re.findall(r'"iso_a2":\s*"([^"]*)"', raw)
            if len(codes) != len(geoms):
                raise GazetteerError(f"{path}: {len(codes)} codes for {len(geoms)} outlines")
            self._outlines = (shapely.STRtree(geoms), codes, geoms)
        tree, codes, geoms = self._outlines
        return tree, codes, geoms


@lru_cache(maxsize=4)
def _load(directory: str) -> Gazetteer:
    path = Path(directory)
    if not (path / "places.tsv.gz").is_file():
        raise GazetteerError(
            f"{path}: no gazetteer here (places.tsv.gz missing); "
            "rebuild it with gazetteer/build.py or set GEOMAP_GAZETTEER_DIR"
        )
    logger.debug("loading gazetteer from %s", path)
    return Gazetteer(path)


def load_gazetteer(directory: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The gazetteer in ``directory`` (default: the bundled one), loaded once per process."""
    return _load(str(Path(directory) if directory is not None else default_directory()))


@lru_cache(maxsize=4)
def _outline_text(directory: str) -> str:
    """The outlines file, read once for both the map (JSON) and ``country_at`` (GEOS)."""
    path = Path(directory) / "countries.geojson.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read()
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path}: cannot read country outlines: {exc}") from exc


@lru_cache(maxsize=4)
def _outlines(directory: str) -> dict[str, Any]:
    path = Path(directory) / "countries.geojson.gz"
    try:
        data: dict[str, Any] = json.loads(_outline_text(directory))
    except ValueError as exc:
        raise GazetteerError(f"{path}: cannot read country outlines: {exc}") from exc
    return data


def country_outlines(directory: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Simplified country outlines: a GeoJSON FeatureCollection (``iso_a2``, ``name``)."""
    return _outlines(str(Path(directory) if directory is not None else default_directory()))
