"""The fine grid under the radius filter on PostgreSQL: which cells of a circle lie wholly inside it (their events
counted from the per-cell totals, never read) and which it only crosses (their events read and measured).

A cell is the square ``[row / PER_DEGREE, (row + 1) / PER_DEGREE)`` of latitude by the same of longitude, ``row =
floor(latitude * PER_DEGREE)`` as the database computes it. On a sphere the distance from a point to the points of
such a cell is greatest at one of its corners (along a parallel it grows with the difference of longitude; along a
meridian it has a single minimum), so a cell whose four corners are within the radius lies wholly inside the
circle; a cell in a row of the grid beyond the circle's widest reach at that row's latitudes holds no point of it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rasad.geo.boundaries import EARTH_KM

PER_DEGREE = 64  # cells of 1/64 degree: about 1.7 km by 1.4 km at these latitudes
_SAFETY = 1e-9  # radians (6 mm): a cell this close to the circle's edge is read, not counted blind


@dataclass(frozen=True, slots=True)
class Span:
    """Cells ``first`` to ``last`` (inclusive) of one row of the grid."""

    row: int
    first: int
    last: int


def _half_width(lat0: float, angle: float, lat: float) -> float | None:
    """How far in longitude (radians) the circle of angular radius ``angle`` around latitude ``lat0`` reaches at
    latitude ``lat`` (radians); None where it does not reach that latitude."""
    denominator = math.cos(lat0) * math.cos(lat)
    if denominator <= 0:
        return math.pi
    cosine = (math.cos(angle) - math.sin(lat0) * math.sin(lat)) / denominator
    if cosine > 1:
        return None
    return math.acos(max(-1.0, cosine))


def circle_spans(lat: float, lon: float, km: float) -> tuple[list[Span], list[Span]]:
    """The cells wholly inside the circle of ``km`` around (``lat``, ``lon``), and the cells it crosses, as spans
    of rows; every other cell holds no point of the circle."""
    angle = km / EARTH_KM
    lat0, reach = math.radians(lat), math.degrees(angle)
    widest = math.asin(max(-1.0, min(1.0, math.sin(lat0) / math.cos(angle)))) if angle < math.pi / 2 else lat0
    inside: list[Span] = []
    crossed: list[Span] = []
    for row in range(math.floor((lat - reach) * PER_DEGREE), math.floor((lat + reach) * PER_DEGREE) + 1):
        south, north = math.radians(row / PER_DEGREE), math.radians((row + 1) / PER_DEGREE)
        at_edges = [_half_width(lat0, angle, edge) for edge in (south, north)]
        most = _half_width(lat0, angle, min(north, max(south, widest)))
        if most is None:
            continue
        outer = math.degrees(most + _SAFETY)
        first, last = math.floor((lon - outer) * PER_DEGREE), math.floor((lon + outer) * PER_DEGREE)
        if None in at_edges:
            crossed.append(Span(row, first, last))
            continue
        inner = math.degrees(min(at_edges) - _SAFETY)  # type: ignore[type-var]
        whole_first, whole_last = math.ceil((lon - inner) * PER_DEGREE), math.floor((lon + inner) * PER_DEGREE) - 1
        if whole_first > whole_last:
            crossed.append(Span(row, first, last))
            continue
        inside.append(Span(row, whole_first, whole_last))
        if first < whole_first:
            crossed.append(Span(row, first, whole_first - 1))
        if whole_last < last:
            crossed.append(Span(row, whole_last + 1, last))
    return inside, crossed
