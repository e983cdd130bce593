"""Resolve the place mentions of a clause to gazetteer places with a GUIDELINES geo_precision code.

Precision: 1 = the town, village or named site itself; 2 = near a town, or a district or area;
3 = only the governorate or a larger region.
"""

from __future__ import annotations

import csv
import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rasad.geo.boundaries import Boundaries, approx_km, default_boundaries, haversine_km
from rasad.geo.gazetteer import (
    COUNTRY_WORDS,
    COUNTRYSIDE_WORDS,
    FEATURE_CUES,
    TRAILING_RELATIVE,
    Gazetteer,
    Place,
    PlaceMention,
    default_gazetteer,
)
from rasad.geo.units import default_units
from rasad.text.normalize import fold
from rasad.text.tokens import Token, bare_forms

RECENT_PLACES = 64
FEATURE_PRECISION = {
    "city": 1, "camp": 1, "prison": 1, "crossing": 1, "airport": 1, "bridge": 1, "dam": 1, "site": 1,
    "village": 1, "neighbourhood": 1, "district": 2, "subdistrict": 2, "area": 2, "wadi": 2, "mountain": 2, "lake": 2,
    "region": 3, "border": 3, "admin1": 3, "country": 3,
}
FEATURE_PRIOR = {"camp": 20, "prison": 20, "crossing": 20, "dam": 20, "border": 18, "admin1": 25, "city": 10, "region": 12,
                 "district": 6, "subdistrict": 4, "village": 2, "neighbourhood": 1}


@dataclass
class DocumentContext:
    """What the whole report says about where it is: governorates and countries it names."""

    governorates: set[str] = field(default_factory=set)
    countries: dict[str, int] = field(default_factory=dict)
    # the places placed most recently (a bounded window: the work per place stays flat in a long document)
    resolved: deque[tuple[float, float]] = field(default_factory=lambda: deque(maxlen=RECENT_PLACES))


TERRAIN = frozenset({"region", "mountain", "wadi"})  # cues of terrain that may bear a settlement's name


_KNOWN_TOWN = 10_000  # a town this large is meant when a cue word names it, whatever else its name means


@dataclass(frozen=True)
class ResolvedPlace:
    """A place mention resolved to one gazetteer place, with its precision and the runners-up."""

    place: Place
    precision: int
    start: int
    end: int
    alternatives: tuple[str, ...]
    admin1: str | None = None  # where the report names the governorate of a feature that spans several
    cued: bool = False  # named with a cue word or a relation ("قرية …"، "قرب …"): a place the report locates
    # the countryside of a city named like its governorate ("ريف دير الزور الشرقي"): it spans the governorate's
    # districts, so the district is not known
    spans_districts: bool = False
    # the town holds the unnamed village, or one the gazetteer lacks, where the report says it happened ("قرية باربارا
    # في طوز خورماتو"): near the town once the report's accounts are merged
    in_village: bool = False

    @property
    def coordinates(self) -> tuple[float, float]:
        return self.place.lat, self.place.lon


@cache
def countries() -> dict[str, Place]:
    """Iraq and Syria as places of their own (data/countries.csv), by each folded form of their names."""
    out: dict[str, Place] = {}
    with resources.files("rasad.geo").joinpath("data/countries.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = Place(f"country:{row['code']}", row["name"], row["name_ar"], "country", row["code"], "", "",
                          float(row["lat"]), float(row["lon"]), 0, "Rasad (country centroid)")
            for form in row["forms"].split("|"):
                out[fold(form).lower()] = place
    return out


class Geocoder:
    """Chooses among same-named places and codes precision, using the report's other places as context."""

    def __init__(self, gazetteer: Gazetteer | None = None, boundaries: Boundaries | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.boundaries = boundaries or default_boundaries()
        self._border_cache: dict[tuple[float, float], float] = {}  # bounded by the gazetteer's points
        self._seats: dict[str, Place | None] | None = None
        self._districts: dict[tuple[str, str, str], Place] | None = None
        self._border_governorates: frozenset[tuple[str, str]] | None = None

    def seat(self, admin1: str) -> Place | None:
        """The city that seats a governorate (governorates.csv ``seat_ar``): where its building and council stand."""
        if self._seats is None:
            with resources.files("rasad.geo").joinpath("data/governorates.csv").open(encoding="utf-8") as handle:
                names = {row["name"]: row.get("seat_ar", "") for row in csv.DictReader(handle)}
            self._seats = {name: max((place for place in self.gazetteer.lookup(seat) if place.feature == "city"
                                      and place.admin1 == name), key=lambda place: place.population, default=None)
                           for name, seat in names.items() if seat}
        return self._seats.get(admin1)

    def district_at(self, lat: float, lon: float) -> Place | None:
        """The district (OCHA) a point lies in, as its gazetteer entry; None outside Iraq and Syria."""
        unit = default_units().locate(lat, lon)
        if unit is None:
            return None
        if self._districts is None:
            self._districts = {(place.country, place.admin1, place.admin2): place
                               for place in self.gazetteer.places if place.feature == "district"}
        return self._districts.get((unit.country, unit.admin1, unit.admin2))

    def context(self, tokens: list[Token], mentions: Iterable[PlaceMention]) -> DocumentContext:
        """Governorates and countries named anywhere in the report."""
        context = DocumentContext()
        for token in tokens:
            for form in bare_forms(token.text):
                if form in COUNTRY_WORDS:
                    country = COUNTRY_WORDS[form]
                    context.countries[country] = context.countries.get(country, 0) + 1
        for mention in mentions:
            if not self.usable(mention) or (mention.ambiguous and not mention.cue):
                continue
            admin1s = {c.admin1 for c in mention.candidates if c.feature == "admin1"} or {
                c.admin1 for c in mention.candidates}
            if len(admin1s) == 1:
                context.governorates |= admin1s
        return context

    def usable(self, mention: PlaceMention, context: DocumentContext | None = None) -> bool:
        """Whether a name is a place here (see docs/geocoding.md).

        A town's name that is also a common word or a given name needs a cue word ("مدينة …"); a village's
        name needs a cue word and a report that names its country ("حي البياع" in a report on Iraq); after a
        weak cue ("منطقة …"), a relation ("قرب …") or, for a town, a preposition ("في …"), either needs to
        agree with the report: a governorate it names, or a place within 60 km of one it placed.
        A governorate cue ("محافظة الإسكندرية") needs a governorate; a district or sub-district cue ("ناحية
        العظيم") before the name of such a unit needs nothing more.
        """
        if mention.cue == ("admin1",) and not any(c.feature == "admin1" for c in mention.candidates):
            return False
        if mention.cue and mention.cue[0] in ("neighbourhood", "village", "city") and all(
                c.feature in _FACILITIES for c in mention.candidates):
            return False  # "حي غويران": a quarter named like the prison beside it is no prison (nor a known quarter)
        if mention.partial:  # "قرية الجرذي": one of a pair of villages, where the report names their parts
            return context is not None and self._agrees(mention, context)
        if mention.named_cue and not mention.ambiguous:
            return True  # a site named in full with its own cue word ("مطار بغداد الدولي"), whatever its source calls it
        if mention.cue and mention.minor and not any(c.feature in mention.cue for c in mention.candidates):
            # "جبال مكحول", "بادية الشولا": terrain named after a settlement lies around it, where the report agrees
            # or, after a cue that is only terrain ("بادية الرصافة", not "منطقة"), lies in the country the report names
            return mention.cue[0] in TERRAIN and context is not None and (self._agrees(mention, context) or (
                len(mention.cue) == 1 and self._in_country(mention, context)))
        if not (mention.ambiguous or mention.minor) or (mention.cue and not mention.weak and not mention.minor):
            return True
        if mention.cue and mention.cue[0] in ("district", "subdistrict") and not mention.weak and any(
                place.feature == mention.cue[0] for place in mention.candidates):
            return True  # "ناحية العظيم", "قضاء الدبس": a unit of that name, which its cue word settles
        if context is None:
            return False
        if mention.cue and not mention.weak and self._in_country(mention, context):  # "حي البياع" in Iraqi news
            return True
        if (mention.cue or mention.locative) and not mention.ambiguous and (
                _one_unit(mention.candidates) or (mention.cue and _unit_among_villages(mention.candidates, context))
        ) and self._in_country(mention, context):
            # "in the Garmiyan region", "بمنطقة مكحول" of a report on Iraq: a unit's name, or a village's that
            # lies in the unit it named; after a cue word ("منطقة قرة تبة"), the one unit of the report's country
            # among villages of its name (resolved to the unit: see `resolve`)
            return True
        if mention.cue and not mention.weak and self._names_its_city(mention):  # "حي بغداد الجديدة"
            return True
        if mention.cue and not mention.minor and any(
                place.feature == "city" and place.population >= _KNOWN_TOWN for place in mention.candidates):
            return True  # "في منطقة القائم": after a cue, even one as general as منطقة, a known town is no common word
        if mention.relative and not mention.minor and not mention.described and any(
                place.feature == "city" and place.population >= _KNOWN_TOWN for place in mention.candidates):
            return True  # "قرب القائم", "near Hit": as after a cue word, a known town is no common word (but "قرب
            # الحي الصناعي", "قرب العمارة السكنية": a common noun its adjective describes)
        if mention.cue or mention.relative or (mention.locative and not mention.minor):
            return self._agrees(mention, context)
        return False

    def _names_its_city(self, mention: PlaceMention) -> bool:
        """A neighbourhood or unit named after the city or governorate it lies in ("بغداد الجديدة", "New Baghdad"):
        the name itself places it, as a report naming its country would."""
        for place in mention.candidates:
            words = fold(place.name_ar).split()
            if len(words) > 1 and any(other.feature in ("city", "admin1") and other.admin1 == place.admin1
                                      and other.id != place.id for word in words for other in self.gazetteer.lookup(word)):
                return True
        return False

    @staticmethod
    def _in_country(mention: PlaceMention, context: DocumentContext) -> bool:
        """A candidate lies in the country the report names most (and it names one)."""
        named = _most_named_countries(context)
        return any(place.country in named for place in mention.candidates)

    @staticmethod
    def _agrees(mention: PlaceMention, context: DocumentContext) -> bool:
        for place in mention.candidates:
            if place.admin1 in context.governorates:
                return True
            if any(approx_km(place.lat, place.lon, lat, lon) <= 60 for lat, lon in context.resolved):
                return True
        return False

    def resolve(self, mention: PlaceMention, tokens: list[Token], context: DocumentContext,
                prefer_admin1: bool = False, anchors: tuple[tuple[float, float], ...] = ()) -> ResolvedPlace:
        """The most likely place of a mention (found among ``tokens``) and its precision; ``anchors`` are the
        points of the clause's unambiguous towns, near which a village of a common name is sought."""
        candidates = list(mention.candidates)
        if mention.cue:
            fitting = [c for c in candidates if c.feature in mention.cue]
            candidates = fitting or candidates
        preferred = mention.cue[0] if mention.cue else None  # "حي …" is a neighbourhood before a village
        if mention.cue and mention.weak:  # "منطقة قرة تبة": an area is a region, else a town, else a unit, before a
            # village of its name
            preferred = next((feature for feature in mention.cue if any(c.feature == feature for c in candidates)),
                             preferred)
        # a name with no cue word that a known town bears is that town, wherever the clause's other places lie
        # ("في بغداد وسنجار": not a village called Sinjar near Baghdad)
        # (large, or the seat of the district that bears its name)
        # and the report's other governorates do not make it a village of theirs ("في الحويجة والرطبة")
        known_town = not mention.cue and any(c.feature == "city" and (c.population >= _KNOWN_TOWN or any(
            d.feature == "district" and (d.admin1, d.admin2) == (c.admin1, c.admin2) for d in candidates))
            for c in candidates)
        if known_town:
            candidates = [c for c in candidates if c.feature not in ("village", "neighbourhood")]

        # (namesakes in different governorates; a governorate and its seat are one name, "حمص" the city)
        namesakes = len({(c.country, c.admin1) for c in candidates}) > 1

        def score(place: Place) -> float:
            bonus = 15 if place.feature == preferred else 0
            if namesakes:  # the mission's area: of two equal namesakes, the one nearer the border
                bonus += max(0.0, 8 - self._border_km(place.lat, place.lon) / 40)
            if anchors:  # the other places of the clause: "حي الصالحية بمدينة الحسكة"
                nearest = min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon in anchors)
                bonus += max(0.0, 40 - nearest)
            return self._score(place, context, prefer_admin1) + bonus

        ranked = sorted(candidates, key=lambda c: -score(c))
        best = ranked[0]
        precision = FEATURE_PRECISION.get(best.feature, 2)
        if mention.relative or (mention.cue and mention.cue[0] in TERRAIN and best.feature not in mention.cue):
            precision = 3 if best.feature in ("admin1", "region", "border") else 2
        elif mention.cue and (mention.weak or mention.cue[0] in ("district", "subdistrict", "sector")):
            # "منطقة الباغوز": the area of a town (GUIDELINES §6); "قضاء سنجار", "قاطع القائم": the district or
            # the military sector, not its town (§2)
            precision = max(precision, 2)
        before = bare_forms(tokens[mention.first - 1].text) if mention.first > 0 else frozenset()
        first = mention.first - 1 if mention.cue and before & FEATURE_CUES.keys() else mention.first
        lead = mention.first - 1 - (mention.first > 1 and tokens[mention.first - 1].text == "of")  # "countryside of"
        countryside = mention.relative and (
            (mention.first > 0 and bare_forms(tokens[lead].text) & COUNTRYSIDE_WORDS)
            or any(token.text in TRAILING_RELATIVE for token in tokens[mention.last + 1 : mention.last + 4]))
        spans = bool(countryside) and best.feature == "city" and any(
            c.feature == "admin1" and c.admin1 == best.admin1 for c in mention.candidates)
        return ResolvedPlace(best, precision, tokens[first].start, tokens[mention.last].end,
                             tuple(c.id for c in ranked[1:4]), cued=bool(mention.cue) or mention.relative,
                             spans_districts=spans)

    @staticmethod
    def _score(place: Place, context: DocumentContext, prefer_admin1: bool) -> float:
        score = FEATURE_PRIOR.get(place.feature, 5) + 3 * math.log10(place.population + 1)
        if prefer_admin1 and place.feature == "admin1":
            score += 40
        if place.admin1 in context.governorates:
            score += 30
        if context.countries:
            top = max(context.countries.values())
            score += 20 * context.countries.get(place.country, 0) / top
        if context.resolved:
            nearest = min(approx_km(place.lat, place.lon, lat, lon) for lat, lon in context.resolved)
            score += max(0.0, 15 - nearest / 20)
        return score

    def _border_km(self, lat: float, lon: float) -> float:
        if (lat, lon) not in self._border_cache:
            self._border_cache[(lat, lon)] = self.boundaries.border_km(lat, lon)
        return self._border_cache[(lat, lon)]

    def on_the_border(self, country: str, admin1: str) -> bool:
        """Whether the Iraq-Syria border runs along the governorate."""
        if self._border_governorates is None:
            self._border_governorates = self.boundaries.border_governorates()
        return (country, admin1) in self._border_governorates

    def border(self, lat: float, lon: float) -> tuple[float, str]:
        """Distance to the Iraq-Syria border (km) and the named border sector."""
        return round(self._border_km(lat, lon), 1), self.boundaries.border_sector(lat, lon)


_FACILITIES = frozenset({"camp", "prison", "crossing", "airport", "dam", "bridge"})  # sites, not settlements
_UNIT_VILLAGE_KM = 15  # a village named after the unit it lies in ("ناحية مكحول", the village) lies this near its centre


def _most_named_countries(context: DocumentContext) -> set[str]:
    """The country or countries the report names most (none where it names none)."""
    top = max(context.countries.values(), default=0)
    return {country for country, count in context.countries.items() if count == top and top}


def _unit_among_villages(candidates: Iterable[Place], context: DocumentContext) -> bool:
    """One district or sub-district of the country the report names most bears the name; only villages besides."""
    candidates, named = list(candidates), _most_named_countries(context)
    units = [place for place in candidates if place.feature in ("district", "subdistrict") and place.country in named]
    return len(units) == 1 and all(place in units or place.feature == "village" for place in candidates)


def _one_unit(candidates: Iterable[Place]) -> bool:
    """The places of a name are a district or sub-district and, where any, villages near it named after it."""
    units = [place for place in candidates if place.feature in ("district", "subdistrict")]
    return bool(units) and all(place in units or any(
        approx_km(place.lat, place.lon, unit.lat, unit.lon) <= _UNIT_VILLAGE_KM for unit in units) for place in candidates)
