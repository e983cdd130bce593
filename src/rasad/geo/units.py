"""Districts and sub-districts of Iraq and Syria from OCHA's polygons: which sub-district (and so which
district) a point lies in. The polygons are simplified for the package by ``rasad gazetteer build --units``
(``data/admin_units.json``); attribution in docs/geocoding.md."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rasad.errors import InputError
from rasad.geo.boundaries import inside_ring

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points
SIMPLIFY_DEGREES = 0.004  # about 400 m: far below the precision of a sub-district's place in a report


@dataclass(frozen=True)
class AdminUnit:
    """One sub-district, with its district and governorate."""

    country: str
    admin1: str  # the standard (ACLED) governorate name
    admin2: str
    admin3: str
    admin2_ar: str
    admin3_ar: str
    pcode: str
    bbox: tuple[float, float, float, float]  # west, south, east, north
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: its outer ring, then its holes

    def contains(self, lat: float, lon: float) -> bool:
        west, south, east, north = self.bbox
        if not (west <= lon <= east and south <= lat <= north):
            return False
        return any(inside_ring(polygon[0], lon, lat) and not any(inside_ring(hole, lon, lat) for hole in polygon[1:])
                   for polygon in self.polygons)


class AdminUnits:
    """Sub-districts looked up by point, through a one-degree grid of candidates."""

    def __init__(self, units: Iterable[AdminUnit]) -> None:
        self.units = tuple(units)
        self._grid: dict[tuple[int, int], list[AdminUnit]] = {}
        for unit in self.units:
            west, south, east, north = unit.bbox
            for x in range(math.floor(west), math.floor(east) + 1):
                for y in range(math.floor(south), math.floor(north) + 1):
                    self._grid.setdefault((x, y), []).append(unit)

    def locate(self, lat: float | None, lon: float | None) -> AdminUnit | None:
        """The sub-district the point lies in, or None (outside both countries, or no point)."""
        if lat is None or lon is None:
            return None
        return next((unit for unit in self._grid.get((math.floor(lon), math.floor(lat)), ())
                     if unit.contains(lat, lon)), None)


@cache
def default_units() -> AdminUnits:
    """The sub-districts shipped in the package."""
    data = json.loads(resources.files("rasad.geo").joinpath("data/admin_units.json").read_text("utf-8"))
    return AdminUnits(_unit(row) for row in data["units"])


@cache
def units_geojson() -> dict:
    """The shipped sub-districts as a GeoJSON feature collection (the map draws their outlines)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[list(map(list, ring)) for ring in polygon]
                                                                               for polygon in unit.polygons]},
         "properties": {"country": unit.country, "admin1": unit.admin1, "admin2": unit.admin2, "admin3": unit.admin3,
                        "admin2_ar": unit.admin2_ar, "admin3_ar": unit.admin3_ar, "pcode": unit.pcode}}
        for unit in default_units().units]}


def _unit(row: dict) -> AdminUnit:
    polygons = tuple(tuple(tuple((p[0], p[1]) for p in ring) for ring in polygon) for polygon in row["polygons"])
    xs = [p[0] for polygon in polygons for p in polygon[0]]
    ys = [p[1] for polygon in polygons for p in polygon[0]]
    return AdminUnit(row["country"], row["admin1"], row["admin2"], row["admin3"], row["admin2_ar"], row["admin3_ar"],
                     row["pcode"], (min(xs), min(ys), max(xs), max(ys)), polygons)


# -- building the shipped file from OCHA's GeoJSON -------------------------------------------------------------
def build_units(paths: Iterable[Path], governorates_by_pcode: dict[str, str],
                tolerance: float = SIMPLIFY_DEGREES) -> dict:
    """The sub-districts of OCHA's admin-3 GeoJSON files (Iraq's ``ADM3_*`` or Syria's ``adm3_*`` properties),
    simplified (Douglas–Peucker, ``tolerance`` degrees) and rounded to 4 decimals."""
    units = []
    for path in paths:
        try:
            features = json.loads(Path(path).read_text("utf-8"))["features"]
        except (OSError, ValueError, KeyError) as error:
            raise InputError(f"cannot read sub-district polygons: {error}", path=str(path)) from error
        for number, feature in enumerate(features, 1):
            props = {key.lower(): value for key, value in feature["properties"].items()}
            iraq = "adm3_en" in props
            keys = ("adm2_en", "adm3_en", "adm2_ar", "adm3_ar") if iraq else ("adm2_name", "adm3_name", "adm2_name1",
                                                                             "adm3_name1")
            names = (props["adm1_pcode"], *(props[key] for key in keys), props["adm3_pcode"])
            if names[0] not in governorates_by_pcode:
                raise InputError(f"feature {number}: governorate P-code {names[0]!r} is not in governorates.csv",
                                 path=str(path))
            geometry = feature["geometry"]
            shapes = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            polygons = [[_ring([(round(x, 4), round(y, 4)) for x, y, *_ in ring], tolerance) for ring in shape]
                        for shape in shapes]
            polygons = [[ring for ring in polygon if len(ring) >= 4] for polygon in polygons]
            polygons = [polygon for polygon in polygons if polygon]
            if not polygons:
                raise InputError(f"feature {number} ({names[2]}): no polygon", path=str(path))
            units.append({"country": "IQ" if iraq else "SY", "admin1": governorates_by_pcode[names[0]],
                          "admin2": names[1], "admin3": names[2], "admin2_ar": names[3], "admin3_ar": names[4],
                          "pcode": names[5], "polygons": polygons})
    units.sort(key=lambda unit: unit["pcode"])
    return {"source": "OCHA COD-AB via HDX (CC BY-IGO 3.0): Iraq CSO 2019-06-03, Syria v02 2020-12-17; simplified "
                      f"to {tolerance} degrees", "units": units}


def _ring(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A ring simplified, or as it is where simplifying would leave no area (a small sub-district)."""
    simplified = _simplify(points, tolerance)
    return simplified if len(simplified) >= 4 else points


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker on a closed ring (its first and last points kept)."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, index = 0.0, None
        for k in range(first + 1, last):
            x, y = points[k]
            distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else math.hypot(x - x1, y - y1)
            if distance > best:
                best, index = distance, k
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]
