"""The offline basemap under the dashboard's events: rivers, lakes, terrain regions and towns ranked by importance,
with Arabic names, built once from ``../shared/geo/basemap`` (Natural Earth, public domain; the named rivers of
World Data Bank II, LGPL-3.0-or-later) into ``data/basemap.json`` by ``rasad gazetteer basemap``."""

from __future__ import annotations

import csv
import gzip
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasad.errors import DataError
from rasad.geo.boundaries import approx_km
from rasad.geo.gazetteer import Gazetteer

ATTRIBUTION = ("Natural Earth (public domain); rivers of CIA World Data Bank II via GSHHG (LGPL-3.0-or-later); "
               "Arabic town names from GeoNames (CC BY 4.0)")
DIGITS = 3  # about 100 m: finer than a line drawn at the map's deepest useful zoom


def _rounded(coordinates: Any) -> Any:
    if isinstance(coordinates[0], int | float):
        return [round(coordinates[0], DIGITS), round(coordinates[1], DIGITS)]
    return [_rounded(part) for part in coordinates]


def _features(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text("utf-8"))["features"]
    except (OSError, ValueError, KeyError) as error:
        raise DataError(f"{path}: not a readable GeoJSON feature collection: {error}") from error


def build_basemap(folder: Path, gazetteer: Gazetteer, places: Path | None = None) -> dict[str, Any]:
    """One compact layer set from the shared basemap folder: each feature keeps its geometry (rounded), its
    English and Arabic name and, for a town, its rank (1 the capitals … 4 small towns, then from ``places``,
    the villages and towns CSV, 5 the seats of districts and 6 of sub-districts)."""
    rivers = []
    for feature in _features(folder / "rivers.geojson"):
        props = feature["properties"]
        rivers.append({"name": props.get("river") or props.get("name"), "name_ar": props.get("name_ar"),
                       "geometry": {**feature["geometry"], "coordinates": _rounded(feature["geometry"]["coordinates"])}})
    for feature in _features(folder / "rivers_wdbii.geojson"):
        props = feature["properties"]
        if props.get("name"):  # the Khabur, the Zabs, the Diyala; the unnamed network stays out
            rivers.append({"name": props["name"], "name_ar": props.get("name_ar"),
                           "geometry": {**feature["geometry"],
                                        "coordinates": _rounded(feature["geometry"]["coordinates"])}})
    lakes = [{"name": f["properties"].get("name_std") or f["properties"].get("name"),
              "name_ar": f["properties"].get("name_ar"),
              "geometry": {**f["geometry"], "coordinates": _rounded(f["geometry"]["coordinates"])}}
             for f in _features(folder / "lakes.geojson")]
    regions = [{"name": f["properties"].get("name"), "kind": f["properties"].get("featurecla"),
                "geometry": {**f["geometry"], "coordinates": _rounded(f["geometry"]["coordinates"])}}
               for f in _features(folder / "terrain_regions.geojson") if f["properties"].get("name")]
    towns = []
    corrections = town_names_ar()
    for feature in _features(folder / "places.geojson"):
        props = feature["properties"]
        if props.get("adm0name") not in ("Iraq", "Syria"):
            continue
        lon, lat = feature["geometry"]["coordinates"]
        place = gazetteer.by_id.get(f"geonames:{int(props['geonameid'])}") if props.get("geonameid") else None
        population = int(props.get("pop_max") or 0)
        rank = 1 if props.get("adm0cap") or population >= 1_000_000 else 2 if population >= 250_000 else (
            3 if population >= 50_000 else 4)
        name_ar = corrections.get(props.get("name")) or (place.name_ar if place else None)
        towns.append({"name": props.get("name"), "name_ar": name_ar, "rank": rank,
                      "population": population, "latitude": round(lat, DIGITS), "longitude": round(lon, DIGITS)})
    if places is not None:
        towns += _seats(places, towns)
    towns.sort(key=lambda town: (town["rank"], -town["population"]))
    return {"attribution": ATTRIBUTION, "rivers": rivers, "lakes": lakes, "regions": regions, "towns": towns}


def _seats(path: Path, towns: list[dict]) -> list[dict]:
    """The seats of districts (rank 5) and sub-districts (rank 6) from the places CSV, less the towns already
    listed (within 3 km)."""
    opener = gzip.open if path.suffix == ".gz" else open
    seats = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] == "admin2_capital" or row["feature_code"] == "PPLA2":
                rank = 5
            elif row["kind"] == "admin3_capital" or row["feature_code"] == "PPLA3":
                rank = 6
            else:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            if any(approx_km(lat, lon, town["latitude"], town["longitude"]) < 3 for town in (*towns, *seats)):
                continue
            seats.append({"name": row["name_en"], "name_ar": row["name_ar"] or None, "rank": rank, "population": 0,
                          "latitude": round(lat, DIGITS), "longitude": round(lon, DIGITS)})
    return seats


def town_names_ar() -> dict[str, str]:
    """Arabic names of towns where GeoNames' is a Kurdish spelling, an old quarter or broken (data/town_names_ar.csv)."""
    text = resources.files("rasad.geo").joinpath("data/town_names_ar.csv").read_text("utf-8")
    rows = [line.split(",") for line in text.splitlines()[1:] if line.strip() and not line.startswith("#")]
    return {name: arabic for name, arabic in rows}


@cache
def basemap() -> dict[str, Any]:
    """The basemap shipped in the package (empty layers where it was not built)."""
    path = resources.files("rasad.geo").joinpath("data/basemap.json")
    if not path.is_file():
        return {"attribution": "", "rivers": [], "lakes": [], "regions": [], "towns": []}
    return json.loads(path.read_text("utf-8"))
