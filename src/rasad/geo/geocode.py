"""Resolve the place mentions of a clause to gazetteer places with a GUIDELINES geo_precision code.

Precision: 1 = the town, village or named site itself; 2 = near a town, or a district or area;
3 = only the governorate or a larger region.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from rasad.geo.boundaries import Boundaries, default_boundaries, haversine_km
from rasad.geo.gazetteer import COUNTRY_WORDS, FEATURE_CUES, Gazetteer, Place, PlaceMention, default_gazetteer
from rasad.text.tokens import Token, bare_forms

FEATURE_PRECISION = {
    "city": 1, "camp": 1, "prison": 1, "crossing": 1, "airport": 1, "bridge": 1, "site": 1,
    "district": 2, "subdistrict": 2, "area": 2, "wadi": 2, "mountain": 2, "lake": 2,
    "region": 3, "border": 3, "admin1": 3,
}
FEATURE_PRIOR = {"camp": 20, "prison": 20, "crossing": 20, "border": 18, "admin1": 25, "city": 10, "region": 12}


@dataclass
class DocumentContext:
    """What the whole report says about where it is: governorates and countries it names."""

    governorates: set[str] = field(default_factory=set)
    countries: dict[str, int] = field(default_factory=dict)
    resolved: list[tuple[float, float]] = field(default_factory=list)


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

    @property
    def coordinates(self) -> tuple[float, float]:
        return self.place.lat, self.place.lon


class Geocoder:
    """Chooses among same-named places and codes precision, using the report's other places as context."""

    def __init__(self, gazetteer: Gazetteer | None = None, boundaries: Boundaries | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.boundaries = boundaries or default_boundaries()

    def context(self, tokens: list[Token], mentions: Iterable[PlaceMention]) -> DocumentContext:
        """Governorates and countries named anywhere in the report."""
        context = DocumentContext()
        for token in tokens:
            for form in bare_forms(token.text):
                if form in COUNTRY_WORDS:
                    country = COUNTRY_WORDS[form]
                    context.countries[country] = context.countries.get(country, 0) + 1
        for mention in mentions:
            if mention.ambiguous and not mention.cue:
                continue
            admin1s = {c.admin1 for c in mention.candidates}
            if len(admin1s) == 1:
                context.governorates |= admin1s
        return context

    def usable(self, mention: PlaceMention) -> bool:
        """False for a name that is also a common word and has no cue word or relation before it."""
        return not mention.ambiguous or bool(mention.cue) or mention.relative

    def resolve(self, mention: PlaceMention, tokens: list[Token], context: DocumentContext,
                prefer_admin1: bool = False) -> ResolvedPlace:
        """The most likely place of a mention (found among ``tokens``) and its precision."""
        candidates = list(mention.candidates)
        if mention.cue:
            fitting = [c for c in candidates if c.feature in mention.cue]
            candidates = fitting or candidates
        ranked = sorted(candidates, key=lambda c: -self._score(c, context, prefer_admin1))
        best = ranked[0]
        precision = FEATURE_PRECISION.get(best.feature, 2)
        if mention.relative or (mention.cue == ("region",) and best.feature != "region"):
            precision = 3 if best.feature in ("admin1", "region", "border") else 2
        before = bare_forms(tokens[mention.first - 1].text) if mention.first > 0 else frozenset()
        first = mention.first - 1 if mention.cue and before & FEATURE_CUES.keys() else mention.first
        return ResolvedPlace(best, precision, tokens[first].start, tokens[mention.last].end,
                             tuple(c.id for c in ranked[1:4]), cued=bool(mention.cue) or mention.relative)

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
            nearest = min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon in context.resolved)
            score += max(0.0, 15 - nearest / 20)
        return score

    def border(self, lat: float, lon: float) -> tuple[float, str]:
        """Distance to the Iraq-Syria border (km) and the named border sector."""
        return round(self.boundaries.border_km(lat, lon), 1), self.boundaries.border_sector(lat, lon)
