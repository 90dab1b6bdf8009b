"""An offline geocoder with geopy's interface, backed by the bundled gazetteer.

It drops into code written for geopy's Nominatim: ``geocode`` and ``reverse`` return
:class:`geopy.location.Location` objects (the gazetteer row in ``.raw``) or ``None``,
and both work under :class:`geopy.extra.rate_limiter.RateLimiter` unchanged. It does not
subclass geopy's ``Geocoder``, which would build an HTTP adapter it never uses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from geopy.location import Location
from geopy.point import Point

from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.records import Candidate, Place

__all__ = ["OfflineGeocoder"]


class OfflineGeocoder:
    """Geocode place names with no network.

    Parameters
    ----------
    gazetteer : Gazetteer | None
        The gazetteer to use; the bundled one (loaded once per process) by default.

    Examples
    --------
    >>> geocoder = OfflineGeocoder()
    >>> geocoder.geocode("Arbil").raw["country_code"]
    'IQ'
    >>> geocoder.geocode("Tripoli", country_codes="LB").address
    'Tripoli, Ash Shimāl, Lebanon'
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer behind this geocoder (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        limit: int | None = None,
        **_ignored: Any,
    ) -> Location | list[Location] | None:
        """Best match for ``query`` (or a ranked list with ``exactly_one=False``).

        ``country_codes`` (ISO 3166-1 alpha-2, one or several) narrows the search, like
        Nominatim's parameter of the same name. Returns ``None`` when nothing matches.
        Unknown keyword arguments (``timeout``, ``language``...) are accepted and ignored
        so that code written for online geocoders runs unchanged.
        """
        codes = [country_codes] if isinstance(country_codes, str) else country_codes
        cands = self.gazetteer.lookup(str(query), country_codes=codes)
        if not cands:
            return None
        if exactly_one:
            return self._location(cands[0])
        return [self._location(c) for c in cands[: limit or len(cands)]]

    def reverse(
        self, query: Point | tuple[float, float] | str, exactly_one: bool = True,
        limit: int | None = None, **_ignored: Any,
    ) -> Location | list[Location] | None:
        """The populated place nearest to a point, with the country the point lies in.

        ``raw["distance_km"]`` is the distance to that place; ``raw["point_country_code"]``
        comes from the country outlines (it may differ from the place's own country near
        a border). ``None`` only if the gazetteer is empty.
        """
        point = Point(query)
        nearest = self.gazetteer.nearest(point.latitude, point.longitude,
                                         limit=1 if exactly_one else (limit or 5))
        if not nearest:
            return None
        country = self.gazetteer.country_at(point.latitude, point.longitude)
        out = []
        for place, dist in nearest:
            loc = self._location(Candidate(place, place.name, True))
            loc.raw["distance_km"] = round(dist, 3)
            loc.raw["point_country_code"] = country
            out.append(loc)
        return out[0] if exactly_one else out

    def _location(self, cand: Candidate) -> Location:
        place = cand.place
        raw: dict[str, Any] = dataclasses.asdict(place)
        raw["matched"] = cand.matched
        raw["exact"] = cand.exact
        return Location(self.address(place), (place.lat, place.lon), raw)

    def address(self, place: Place) -> str:
        """A readable address: name, province, country (without repeats)."""
        parts = [place.name]
        if place.admin1 and place.admin1 != place.name:
            parts.append(place.admin1)
        if place.kind != "country" and place.country_code:
            country = self.gazetteer.get(f"cc:{place.country_code}")
            parts.append(country.name if country else place.country_code)
        return ", ".join(parts)
