"""OfflineGeocoder: geopy's interface, offline, under geopy's RateLimiter."""

from __future__ import annotations

from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location
from geopy.point import Point

from geomap import OfflineGeocoder


def test_geocode_returns_geopy_location() -> None:
    loc = OfflineGeocoder().geocode("Hewler")
    assert isinstance(loc, Location)
    assert loc.raw["name"] == "Erbil" and loc.raw["country_code"] == "IQ"
    assert abs(loc.latitude - 36.19) < 0.05 and abs(loc.longitude - 44.01) < 0.05
    assert loc.address == "Erbil, Arbīl, Iraq"


def test_country_codes_narrow_like_nominatim() -> None:
    geo = OfflineGeocoder()
    assert geo.geocode("Hyderabad", country_codes="PK").raw["admin1"] == "Sindh"
    assert geo.geocode("Hyderabad", country_codes=["IN"]).raw["country_code"] == "IN"
    assert geo.geocode("Tripoli", country_codes="lb").raw["country_code"] == "LB"


def test_many_and_none() -> None:
    geo = OfflineGeocoder()
    many = geo.geocode("Tripoli", exactly_one=False, limit=3)
    assert [m.raw["country_code"] for m in many][:2] == ["LY", "LB"]
    assert geo.geocode("Qwzxlandia") is None


def test_reverse() -> None:
    geo = OfflineGeocoder()
    loc = geo.reverse(Point(26.972, 64.095))
    assert loc.raw["name"] == "Panjgur" and loc.raw["point_country_code"] == "PK"
    assert geo.reverse("36.19, 44.01").raw["name"] == "Erbil"
    assert len(geo.reverse((33.5, 36.3), exactly_one=False, limit=3)) == 3


def test_works_under_rate_limiter() -> None:
    geo = OfflineGeocoder()
    geocode = RateLimiter(geo.geocode, min_delay_seconds=0, max_retries=0)
    reverse = RateLimiter(geo.reverse, min_delay_seconds=0, max_retries=0)
    assert geocode("Kerman", timeout=10).raw["country_code"] == "IR"
    assert reverse((35.69, 51.42)).raw["name"] == "Tehran"
