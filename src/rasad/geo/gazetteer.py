"""The bundled gazetteer of Iraq and Syria and the matcher that finds its names in tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from rasad.errors import DataError
from rasad.text.normalize import fold
from rasad.text.tokens import Token, adjacent, bare_forms, ordered_forms

# Feature cue words (GUIDELINES / issue 4) and the feature classes they select.
FEATURE_CUES = {
    "محافظه": ("admin1",), "محافظات": ("admin1",), "province": ("admin1",), "governorate": ("admin1",),
    "قضاء": ("district", "city"), "district": ("district", "city"),
    "ناحيه": ("subdistrict", "city", "village"), "subdistrict": ("subdistrict", "city", "village"),
    "مدينه": ("city", "village"), "بلده": ("city", "village"), "بلدات": ("city", "village"),
    "بلديه": ("city", "village"),  # "رئيس بلدية الشحيل": a town's municipality is the town's
    # "قرى الحويجة" (the villages of a district or town) names where they lie; "قرى الزكة والعطشانة" the villages
    "قريه": ("village", "city"), "قري": ("district", "subdistrict", "city", "village"), "قريتي": ("village", "city"),
    "بلدتي": ("city", "village"), "مدينتي": ("city", "village"),  # the dual: "بين بلدتي الشحيل والبصيرة"
    "مزرعه": ("village",), "حي": ("neighbourhood", "village", "city"), "احياء": ("neighbourhood", "village", "city"),
    "city": ("city",), "town": ("city", "village"), "village": ("village", "city"), "مخيم": ("camp",),
    "camp": ("camp",), "سجن": ("prison",), "prison": ("prison",),
    "منفذ": ("crossing",), "معبر": ("crossing",), "crossing": ("crossing",), "مطار": ("airport",),
    "airport": ("airport",), "سد": ("dam",), "dam": ("dam",), "جسر": ("bridge",), "bridge": ("bridge",),
    "وادي": ("wadi",), "wadi": ("wadi",),
    "جبل": ("mountain",), "جبال": ("mountain",), "mount": ("mountain",), "صحراء": ("region",),
    "badia": ("region",), "desert": ("region",),  # "the Badia of Mayadin", "the desert of Homs"
    "جزيره": ("region",),  # "جزيرة الحضر": the steppe named after a town
    "باديه": ("region",), "منطقه": ("region", "area", "city", "district", "subdistrict", "village"),
    "area": ("region", "area", "city", "district", "subdistrict", "village"),
    "region": ("region", "area", "city", "district", "subdistrict", "village"),  # "the Jazira region of Deir ez-Zor"
    # a military sector named after a town or governorate ("قاطع القائم", "قاطع عمليات كركوك")
    "قاطع": ("sector", "region", "area", "city", "district", "subdistrict", "admin1"),
    "sector": ("sector", "region", "area", "city", "district", "subdistrict", "admin1"),
    # a front named after a town ("محور مخمور", "محاور ناحية …"): around it, as "the Makhmour front"
    "محور": ("region", "area", "city", "district", "subdistrict", "village"),
    "محاور": ("region", "area", "city", "district", "subdistrict", "village"),
}
# Words of "another", "a second" that follow a cue word as its adjective ("من ناحية ثانية": on the other hand;
# "قرية أخرى": another village), never a place's name alone
_OTHER_WORDS = frozenset({"ثانيه", "اخري", "ثالثه", "اولي", "الثانيه", "الاخري", "الثالثه", "الاولي"})
# Cue words that also open ordinary phrases ("منطقة واسعة"): a village name after them needs agreement with
# the report's other places.
WEAK_CUES = frozenset({"منطقه", "محور", "محاور", "area", "region", "front"})
_LOCATIVE = frozenset({"في", "in", "at"})
# Cue words that some names begin with ("قرية الزكة", "ناحية ربيعة"): indexed without them, since the
# cue before a name is read from the report (camps, prisons and crossings keep theirs: "مخيم الهول").
_NAME_CUES = frozenset({"قريه", "بلده", "مدينه", "ناحيه", "قضاء", "منطقه", "حي", "مزرعه", "محافظه", "village", "town"})
_UNIT_AFTER = frozenset({"district", "subdistrict", "province", "governorate"})  # unit cue words after a name
# English words of direction and nearness that follow "village" or "town" ("a village south of Kirkuk", "a town
# near the border"): never a name spelt otherwise.
_ENGLISH_RELATIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                "northern", "southern", "eastern", "western", "near", "outside", "close", "along",
                                "where", "which", "that", "called", "named", "nearby", "between", "inside"})
# Features that a report names with a cue word or a relation ("قرية …"، "ناحية …"، "قرب …"): among 30,000
# village names many are also ordinary words or people's names, so such a name alone is not a place.
MINOR_FEATURES = frozenset({"village", "neighbourhood", "district", "subdistrict"})
# English cue words that follow the name ("Raqqa province").
TRAILING_CUES = {"province": ("admin1",), "governorate": ("admin1",),
                 # (English news calls a city's quarters districts too: "Baghdad's al-Karrada district")
                 "district": ("district", "city", "neighbourhood"),
                 "subdistrict": ("subdistrict", "city", "village"),  # "the Udhaim sub-district" too
                 "desert": ("region",), "badia": ("region",),  # "the Mayadin desert"
                 "camp": ("camp",), "prison": ("prison",), "crossing": ("crossing",),
                 "mountains": ("mountain",), "mountain": ("mountain",), "valley": ("wadi",),  # "the Makhoul mountains"
                 "neighborhood": ("neighbourhood", "village", "city"),  # "Aleppo's Sheikh Maqsoud neighborhood"
                 "town": ("city", "village"), "village": ("village", "city"),  # "in Al-Tayyana town" (SOHR's order)
                 "neighbourhood": ("neighbourhood", "village", "city"), "quarter": ("neighbourhood", "village", "city"),
                 # "the Sinjar region", "the Tarmiyah area": around the town (weak cues, see WEAK_CUES)
                 "region": ("region", "area", "city", "district", "subdistrict", "village"),
                 "area": ("region", "area", "city", "district", "subdistrict", "village"),
                 "front": ("region", "area", "city", "district", "subdistrict", "village")}  # "the Makhmour front"
# Definite adjectives that follow common nouns, never a town's name ("الميادين العامة" are public squares).
COMMON_ADJECTIVES = frozenset({"العامه", "العام", fold("الرئيسية"), fold("الرئيسي"), "الكبري", "الكبير", "الكبيره",
                               "الصغيره", "الصغير", "الشعبيه", "الشعبي", "المجاوره", "المجاور", "القريبه", "القريب"})
# English adjectives of a region before a name: a part of the governorate (or district), not near its town.
REGIONAL_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "northeastern", "northwestern",
                                 "southeastern", "southwestern", "central"})
# English words after a name that place an incident around it ("the Deir ez-Zor countryside").
TRAILING_RELATIVE = frozenset({"countryside", "outskirts", "suburbs"})
# Words of a road: after an English name they place an incident on a road from it ("the Kirkuk-Tikrit highway"); the
# extractor reads the towns a road is named after as its ends, no scene ("طريق بغداد - كركوك")
ROAD_WORDS = frozenset({"طريق", "الطريق", "طرق", "road", "highway", "motorway", "expressway"})
# Words that place an incident near, around or in a direction from a named place (coarser precision).
RELATIVE_WORDS = {
    "قرب", "بالقرب", "قريب", "قريبه", "مقربه", "محيط", "اطراف", "ضواحي", "شمال", "جنوب", "شرق", "غرب", "شمالي",
    "جنوبي", "شرقي", "غربي", "ريف", "near", "outskirts", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "countryside", "rural", "around", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern",
    "بين", "between",  # "على الطريق بين دير الزور والميادين": somewhere between two places
    "طريق", "road", "highway",  # "على طريق البوكمال – الميادين": on the road, not in the town
}
COUNTRYSIDE_WORDS = frozenset({"ريف", "countryside"})
_TRANSLITERATED_ARTICLES = frozenset({"al", "ar", "as", "ash", "ad", "adh", "an", "at", "ath", "az", "el"})
_BEARINGS = frozenset({"شمالي", "جنوبي", "شرقي", "غربي", "الشمالي", "الجنوبي", "الشرقي", "الغربي", "شمال", "جنوب",
                       "شرق", "غرب"})
COUNTRY_WORDS = {
    "سوريا": "SY", "سوريه": "SY", "السوري": "SY", "السوريه": "SY", "سوري": "SY", "سوريون": "SY", "سوريين": "SY",
    "السوريون": "SY", "السوريين": "SY", "syria": "SY", "syrian": "SY", "syrians": "SY",
    "العراق": "IQ", "العراقي": "IQ", "العراقيه": "IQ", "عراقي": "IQ", "عراقيه": "IQ", "عراقيون": "IQ", "عراقيين": "IQ",
    "العراقيون": "IQ", "العراقيين": "IQ", "iraq": "IQ", "iraqi": "IQ", "iraqis": "IQ",
} | {  # the dual and the feminine plural ("جنديان عراقيان", "امرأتان سوريتان", "ناشطات عراقيات")
    article + stem + ending: country for stem, country in (("عراقي", "IQ"), ("سوري", "SY")) for article in ("", "ال")
    for ending in ("ان", "تان", "تين", "ات")
}
_ENGLISH_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "the"}
_SUN_ARTICLES = frozenset({"ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh"})  # al, assimilated


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str
    name: str
    name_ar: str
    feature: str
    country: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int
    source: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A gazetteer name found in tokens, with every place of that name and the cue and relation before it."""

    first: int
    last: int
    candidates: tuple[Place, ...]
    cue: tuple[str, ...] | None
    relative: bool
    ambiguous: bool
    weak: bool = False  # the cue is a word as general as "منطقة", or there is only a relation ("قرب …")
    locative: bool = False  # right after a preposition of place ("في …", "بـ…")
    named_cue: bool = False  # the name itself opens with its cue word ("مطار بغداد الدولي", "مخيم الهول")
    described: bool = False  # one definite word, then a definite word that names no place ("الحي الصناعي")
    partial: bool = False  # a village's name without the word that tells a pair apart ("الجرذي" for الجرذي الشرقي)

    @property
    def minor(self) -> bool:
        """Only villages, neighbourhoods or administrative units bear this name: it needs a cue word."""
        return all(place.feature in MINOR_FEATURES for place in self.candidates)


@dataclass(frozen=True, slots=True)
class ForeignMention:
    """A country or city outside Iraq and Syria ("لبنان", "القاهرة"): the clause speaks of elsewhere."""

    first: int
    last: int


def consonants(word: str) -> str:
    """An English spelling without its vowels, doubled letters or a final h: "shaafa" and "sha`fah" are "shf"; غ
    written "gh" or "g" is one ("Ghweiran", "Gweiran")."""
    letters = re.sub(r"[^a-z]", "", word.lower()).replace("q", "k").replace("gh", "g")
    skeleton = re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", letters))
    return skeleton[:-1] if skeleton.endswith("h") and len(skeleton) > 3 else skeleton


# How the places file's Latin names write each Arabic letter (its variants where transliterations differ); long
# vowels and ع, written as vowels or marks, are nothing, as in `consonants`.
_LATIN_LETTERS = {"ب": ("b",), "ت": ("t",), "ث": ("th", "t", "s"), "ج": ("j", "g"), "ح": ("h",), "خ": ("kh",),
                  "د": ("d",), "ذ": ("dh", "z", "d"), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh",), "ص": ("s",),
                  "ض": ("d", "dh"), "ط": ("t",), "ظ": ("z", "dh"), "ع": ("",), "غ": ("gh",), "ف": ("f",), "ق": ("k",),
                  "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",), "ه": ("h",), "و": ("w", ""), "ي": ("",),
                  "ا": ("",), "ء": ("",), "ئ": ("",), "ؤ": ("",), "ى": ("",)}
_VILLAGE_CUES_AR = frozenset({"قريه", "بلده"})
_FACILITIES = frozenset({"prison", "camp", "crossing"})  # named sites whose English spellings vary


def arabic_consonants(word: str) -> set[str]:
    """The Latin consonant skeletons an Arabic name may have in the places file (see `consonants`): "ضمان" →
    {"dmn", "dhmn"}; the article is left out, as `key_words` leaves "al" out; none for a word of other letters."""
    letters = word[2:] if word.startswith("ال") and len(word) > 4 else word
    if not letters or any(letter not in _LATIN_LETTERS for letter in letters):
        return set()
    spellings = [""]
    for letter in letters:
        spellings = [done + choice for done in spellings for choice in _LATIN_LETTERS[letter]][:64]
    return {skeleton for spelling in spellings if len(skeleton := consonants(spelling)) >= 3}


def key_words(name: str) -> tuple[str, ...]:
    words = name.split()
    if not words:
        return ()
    first = words[0]
    if first.isascii():
        while words and words[0] in _ENGLISH_ARTICLES:
            words = words[1:]
        return tuple(words)
    return tuple(words)


class Gazetteer:
    """Places indexed by the first word of each of their names."""

    def __init__(self, places: list[Place], names: list[set[str]], ambiguous: set[str],
                 prefixes: set[str] = frozenset(), foreign: set[str] = frozenset(),
                 given_names: set[str] = frozenset()) -> None:
        self.places = places
        self.given_names = frozenset(fold(name) for name in given_names if " " not in name)
        self.ambiguous = {key_words(fold(word)) for word in ambiguous}
        self.prefixes = {fold(word) for word in prefixes}
        # Names by first word, then by second word ("" for one-word names), so a match checks few names.
        self._index: _Index = {}
        # Names written with the article, indexed without it too: such a match is a place only after a cue.
        self._without_article: _Index = {}
        # Villages' names without the word that tells a pair apart ("الجرذي" for الجرذي الشرقي): a weak match.
        self._without_qualifier: _Index = {}
        self._foreign: dict[str, list[tuple[str, ...]]] = {}
        for name in foreign:
            words = tuple(fold(name).replace("-", " ").split())
            if words:
                self._foreign.setdefault(words[0], []).append(words[1:])
        index, without, prefixes, add = self._index, self._without_article, self.prefixes, _index_name
        for number, place_names in enumerate(names):
            place = places[number]
            major = place.feature not in MINOR_FEATURES
            own_arabic = None  # the place's own Arabic name folded, computed where needed
            for name in place_names:
                if not name.isascii() and "ال" + name in place_names:
                    own_arabic = own_arabic if own_arabic is not None else fold(place.name_ar)
                    if name != own_arabic:
                        continue  # "رقه" beside "الرقه": Arabic writes the article, and "ورقه" is a sheet of paper
                words = key_words(name)
                if len(words) > 1 and words[0] in _NAME_CUES:  # "ناحية ربيعة": the cue is read from the text
                    words = words[1:]
                if not words:
                    continue
                first, latin = words[0], words[0].isascii()
                if latin and len(words) > 2 and not _SUN_ARTICLES.isdisjoint(words[1:-1]):
                    # "Fuwayrisat ash Sharqi": English news writes the article before a sun letter "al-"
                    add(index, tuple("al" if word in _SUN_ARTICLES else word for word in words), number)
                if len(words) > 1 and first == "البو":  # "قرية آل بو نمر": the tribe's "Albu" in two words
                    add(index, ("ال", "بو", *words[1:]), number)
                if len(words) == 2 and first in _FEATURE_AFTER and place.feature == _FEATURE_AFTER[first][0]:
                    # "Wadi Zghaytun", "Jabal Makhul": English news writes "the Zghaytun valley", "the Makhul mountains"
                    for spelling in (words[1], *(_vowel_variants(words[1]) if major else ())):
                        for trailing in _FEATURE_AFTER[first][1]:
                            add(index, (spelling, trailing), number)
                if len(words) > 1 and first in _LATIN_VILLAGE_WORDS:
                    # "Qaryat Mirkah": English news writes "the village of Mirkah"; both are its names
                    add(index, key_words(" ".join(words[1:])) or words[1:], number)
                if len(words) == 1 and first in prefixes:
                    continue
                add(index, words, number)
                last = words[-1]
                if major and last.isascii():
                    if last.endswith("ah") and len(last) > 5:
                        # English news drops the final h of a town's name: "Hawija" for Hawijah, "Rutba" for Rutbah
                        add(index, (*words[:-1], last[:-1]), number)
                    # and writes its vowels and doubled letters in several ways: "Makhmour" for Makhmur,
                    # "Hajeen" for Hajin, "Busaira" for Busayrah, "Qayara" for Qayyarah
                    for variant in _vowel_variants(last):
                        add(index, (*words[:-1], variant), number)
                if last.isascii() and last.endswith("iyah") and len(last) > 6:
                    # Levantine spelling, a village's too: "al-Kishkiyeh", "Kishkiyyeh" for Al Kishkiyah
                    for ending in ("iyeh", "iyyeh"):
                        add(index, (*words[:-1], last[:-4] + ending), number)
                if len(words) > 1 and first in _LEAD_VARIANTS:
                    # and the common word a name opens with in several ways: "Tal Tamr", "Tell Tamer"
                    for variant in _LEAD_VARIANTS[first]:
                        add(index, (variant, *words[1:]), number)
                    if major and words[1] not in _ENGLISH_ARTICLES:  # … with the article after it: "Wadi al-Hauran"
                        add(index, (first, "al", *words[1:]), number)
                if not latin and first.startswith("ال") and len(first) > 4 and (
                        len(words) > 1 or first[2:] not in prefixes):  # "منطقة مطيبيجة" for "المطيبيجة"
                    add(without, (first[2:], *words[1:]), number)
                if not latin and not major and len(words) > 1 and words[-1] in _PAIR_QUALIFIERS:
                    # "قرية الجرذي" for the pair الجرذي الشرقي and الجرذي الغربي: the name without its
                    # qualifier, a place only after a cue and where the report agrees
                    add(self._without_qualifier, words[:-1], number)
        # A foreign name that is also a town here (الرياض in Kirkuk, الإسكندرية in Babil) is a local name that
        # needs a cue word or agreement with the report, like a common word.
        for first, rests in list(self._foreign.items()):
            for rest in list(rests):
                if any(entry_rest == rest and places[number].feature not in MINOR_FEATURES
                       for entry_rest, number in self._index.get(first, {}).get(rest[0] if rest else "", ())):
                    rests.remove(rest)
                    self.ambiguous.add((first, *rest))
        self.by_id = {place.id: place for place in places}
        self._starts = (frozenset(self._index) | frozenset(self._without_article) | frozenset(self._without_qualifier)
                        | frozenset(self._foreign))
        # English spellings of a village differ from its transliteration in the vowels ("Shaafa" for Ash Sha`fah,
        # "Mohassan" for Muh Hasan): the consonants of the Latin names of villages and towns, looked up only right
        # after an English village or town cue word, and built the first time one is (it would double the load)
        self._latin_names = [{name for name in place_names if name.isascii()} if places[number].feature in (
            "village", "city") else set() for number, place_names in enumerate(names)]
        self._skeletons: dict[str, set[int]] | None = None
        # … and of the few named prisons, camps and crossings ("Ghweiran prison", "Ghuwayran prison" for the
        # Ghweran prison), by the consonants of the word before their cue word
        self._facility_skeletons: dict[tuple[str, str], set[int]] = {}
        for number, place_names in enumerate(names):
            feature = places[number].feature
            for name in place_names if feature in _FACILITIES else ():
                words = [word for word in key_words(name.lower()) if word != feature]
                if name.isascii() and len(words) == 1 and len(skeleton := consonants(words[0])) >= 2:
                    self._facility_skeletons.setdefault((feature, skeleton), set()).add(number)

    @classmethod
    def from_tsv(cls, text: str, ambiguous: set[str], path: str = "gazetteer.tsv") -> Gazetteer:
        lines = [line for line in text.splitlines() if not line.startswith("#")]
        if not lines:
            raise DataError(f"{path}: no header row")
        columns = {name: k for k, name in enumerate(lines[0].split("\t"))}
        places, names = [], []
        for number, line in enumerate(lines[1:], 2):
            cells = line.split("\t")
            try:
                row = {name: cells[k] for name, k in columns.items()}
                places.append(Place(row["id"], row["name"], row["name_ar"], row["feature"], row["country"],
                                    row["admin1"], row["admin2"], float(row["lat"]), float(row["lon"]),
                                    int(row["population"] or 0), row["source"]))
            except (KeyError, IndexError, TypeError, ValueError) as error:
                raise DataError(f"{path}:{number}: bad gazetteer row: {error!r}") from error
            names.append({name for name in row["names"].split("|") if name})
        return cls(places, names, ambiguous, _word_list("name_prefixes.txt"), _word_list("foreign.txt"),
                   _word_list("given_names.txt"))

    @classmethod
    def from_dir(cls, directory: Path) -> Gazetteer:
        """A gazetteer built into ``directory`` by ``rasad gazetteer build --out``."""
        return cls.from_tsv((directory / "gazetteer.tsv").read_text("utf-8"), _ambiguous_names(),
                            str(directory / "gazetteer.tsv"))

    def lookup(self, name: str) -> list[Place]:
        """Places whose name is exactly ``name`` (any spelling the gazetteer knows)."""
        words = key_words(" ".join(fold(name).replace("-", " ").split()))
        if len(words) > 1 and words[0] in _NAME_CUES:
            words = words[1:]
        if not words:
            return []
        found = []
        following = words[1] if len(words) > 1 else ""
        for form in sorted(bare_forms(words[0]), key=len, reverse=True):
            found += [self.places[n] for rest, n in self._index.get(form, {}).get(following, ()) if rest == words[1:]]
        return list(dict.fromkeys(found))

    def find(self, tokens: list[Token]) -> list[PlaceMention]:
        """Every gazetteer name among the tokens, longest first, with the cue word and relation before it.

        A foreign country or city ("لبنان", not the village بنان after the preposition ل) is no gazetteer name.
        """
        return [m for m in self.find_all(tokens) if isinstance(m, PlaceMention)]

    def find_all(self, tokens: list[Token]) -> list[PlaceMention | ForeignMention]:
        """Gazetteer names and foreign places among the tokens, in order."""
        mentions: list[PlaceMention | ForeignMention] = []
        starts = self._starts
        i = 0
        while i < len(tokens):
            spelt = self._spelt_otherwise(tokens, i) or self._facility_spelt_otherwise(tokens, i)
            if spelt is not None:  # "the village of Shaafa": a village's name in another English spelling
                mentions.append(spelt)
                i += 1
                continue
            if starts.isdisjoint(ordered_forms(tokens[i].text)):  # most words begin no name at all
                i += 1
                continue
            foreign = self._foreign_at(tokens, i)
            # not "حي القاهرة", a place named after it, nor a longer name here that opens with it ("Jeddah camp")
            if foreign and self._context(tokens, i)[0] is None and (
                    (local := self._match_at(tokens, i, self._index)) is None or local[0] <= foreign):
                mentions.append(ForeignMention(i, i + foreign - 1))
                i += foreign
                continue
            hit = self._match_at(tokens, i, self._index)
            without_article = partial = False
            if hit is None:
                hit = self._match_at(tokens, i, self._without_article)
                without_article = True
                if hit is None:  # (read as the names without their article are: after a cue only)
                    hit, partial = self._match_at(tokens, i, self._without_qualifier), True
            elif self._unit_without_article(tokens, i, hit):
                # "قضاء حويجة": a unit's cue word before a name that, without its article, is only a village's
                hit, without_article = self._match_at(tokens, i, self._without_article), False
            if hit is None:
                i += 1
                continue
            length, numbers, key = hit
            if length > 1 and key[-1] in _BEARINGS and all(self.places[n].feature in MINOR_FEATURES for n in numbers):
                # "بلدة الباب شرقي حلب": the bearing of the town from the next name, not a village "الباب شرقي"
                shorter = self._match_at(tokens[: i + length - 1], i, self._index)
                if shorter is not None and self._starts_name(tokens, i + length):
                    length, numbers, key = shorter
            if length == 1 and key[0] in FEATURE_CUES and self._starts_name(tokens, i + 1):
                i += 1  # "قرى ناحية المحاويل": a cue word before a name is the name's cue, not a village "An Nahiyah"
                continue
            if length == 1 and key[0] in RELATIVE_WORDS and self._starts_name(tokens, i + 1):
                i += 1  # "قرية قرب منبج": a relation word before a name is the relation, not a village of its name
                continue
            if length == 1 and key[0] in _OTHER_WORDS:  # "من ناحية ثانية", "قرية أخرى": "another", never a name
                i += 1
                continue
            cue, relative, weak = self._context(tokens, i)
            previous = mentions[-1] if mentions and isinstance(mentions[-1], PlaceMention) else None
            trailing = next((k for k in (previous.last, previous.last + 1) if k < i and tokens[k].text in TRAILING_CUES),
                            None) if previous is not None else None
            if trailing is not None and {t.text for t in tokens[trailing + 1 : i]} <= {"of", "the"}:
                # "the Manbij district of Aleppo": the cue word is the name's before it, not Aleppo's; "the Jazira
                # region of Deir ez-Zor": an area of it, whether or not the gazetteer holds the region
                cue, relative = None, relative or tokens[trailing].text in WEAK_CUES
            if not (cue or relative) and mentions and isinstance(mentions[-1], PlaceMention) and mentions[-1].relative:
                # "بين دير الزور والميادين", "between Deir ez-Zor and al-Mayadin": the relation holds both
                between = [token.text for token in tokens[mentions[-1].last + 1 : i]]
                dash = tokens[i].start - tokens[mentions[-1].last].end <= 3  # "طريق البوكمال – الميادين"
                relative = (not between and (tokens[i].text.startswith("و") or dash)) or (
                    bool(between) and between[0] == "and" and set(between[1:]) <= _ENGLISH_ARTICLES)
            named_cue = cue is None and len(key) > 1 and key[0] in FEATURE_CUES
            if named_cue:  # the name itself begins with one: "مخيم الهول"
                cue, weak = FEATURE_CUES[key[0]], False
            after = tokens[i + length].text if i + length < len(tokens) else ""
            if after == "sub" and i + length + 1 < len(tokens) and tokens[i + length + 1].text == "district":
                after = "subdistrict"  # "sub-district", read as two words
            if (after in _UNIT_AFTER and i >= 2 and tokens[i - 1].text == "of"
                    and tokens[i - 2].text in ("village", "villages", "town", "towns")):
                cue, relative = None, True  # "a village of Hawija district": somewhere in the district, not a village
                # named Hawija (the unit's cue word after the name is read below)
            if cue is None and after in TRAILING_CUES and not (after in WEAK_CUES and (
                    without_article or key in self.ambiguous)):  # "Deir ez-Zor province" (but "the Jazira region")
                cue, weak = TRAILING_CUES[after], after in WEAK_CUES
            elif cue is None and len(key) > 1 and key[-1] in TRAILING_CUES:  # a name that ends in it: "Manbij district"
                cue = TRAILING_CUES[key[-1]]
            beyond = tokens[i + length + 1].text if after == "s" and i + length + 1 < len(tokens) else ""
            if beyond in REGIONAL_ADJECTIVES and i + length + 2 < len(tokens):
                beyond = tokens[i + length + 2].text  # "Deir ez-Zor's eastern countryside"
            if after in TRAILING_RELATIVE or beyond in TRAILING_RELATIVE:  # "the Deir ez-Zor countryside",
                relative = True  # "al-Hasakah's countryside": around the place, not at it
            if after in ROAD_WORDS and after.isascii():  # "the Baghdad-Kirkuk highway": on the road, near either end
                relative = True
                if previous is not None and previous.last == i - 1 and tokens[i].start - tokens[i - 1].end <= 3:
                    mentions[-1] = replace(previous, relative=True, weak=True)
            if cue is None and i > 0 and tokens[i - 1].text == "central":
                cue = ("city", "admin1")  # "a market in central Baghdad": the city's centre
            elif cue is None and i > 0 and tokens[i - 1].text in REGIONAL_ADJECTIVES:
                cue = ("admin1", "district", "region", "city")  # "southwestern Kirkuk": part of the governorate
            if cue is None and after == "s" and i + length + 1 < len(tokens):  # "Kirkuk's Hawija district"
                # the governorate where a place of it follows; the city where what follows is no place the
                # gazetteer holds ("Baghdad's Green Zone")
                cue = ("admin1", "city") if self._starts_name(tokens, i + length + 1) else ("city", "admin1")
            if cue is None and self._attribute(tokens, i, key, mentions):  # "القوات الهندية", "الطرق الحديثة"
                i += length
                continue
            if cue is None and length == 1 and key[0].startswith("ال") and after in COMMON_ADJECTIVES:
                i += length  # "في الميادين العامة": the squares, a common noun its adjective agrees with
                continue
            candidates = tuple(sorted({self.places[n] for n in numbers}, key=lambda place: place.id))
            word = tokens[i].text
            locative = (i > 0 and tokens[i - 1].text in _LOCATIVE) or any(
                word.startswith(prefix) and key[0] in bare_forms(word[len(prefix):]) for prefix in ("ب", "وب", "فب"))
            ambiguous = without_article or key in self.ambiguous
            # (a relative adjective, "الصناعي", "السكنية", names a village somewhere too: it still describes)
            described = (length == 1 and key[0].startswith("ال") and after.startswith("ال") and len(after) > 3
                         and tokens[i + 1].start - tokens[i].end <= 1
                         and (after.endswith(("ي", "يه")) or not self._starts_name(tokens, i + 1)))
            mentions.append(PlaceMention(i, i + length - 1, candidates, cue, relative, ambiguous,
                                         weak or (relative and cue is None), locative, named_cue, described, partial))
            i += length
        return mentions

    def _spelt_otherwise(self, tokens: list[Token], i: int) -> PlaceMention | None:
        """A one-word name right after "the village of", "the town of" (or "village", "town"), or after "قرية"
        or "بلدة", that the index lacks but whose consonants are those of the Latin name of villages or towns of
        the gazetteer: all of them, as ambiguous candidates the report must agree with. In Arabic the letters are
        read as the places file's Latin names write them ("قرية ضمان" is the village it spells دامان, Daman)."""
        word = tokens[i].text
        if i and not word.isascii() and tokens[i - 1].text.endswith(("قريه", "بلده")) and (  # checked at every token
                bare_forms(tokens[i - 1].text) & _VILLAGE_CUES_AR):
            # a quoted name, or one that does not end as the feminine adjectives after "قرية" do ("قرية تابعة")
            # (nor a relation word: "قرية قرب منبج" is a village near Manbij)
            if (word.endswith("ه") and not tokens[i].quoted) or word in _OTHER_WORDS or word in RELATIVE_WORDS or any(
                    self._match_at(tokens, i, index)
                    for index in (self._index, self._without_article, self._without_qualifier)):
                return None
            skeletons = arabic_consonants(word)
        else:
            if i < 2 or not (tokens[i - 1].text in ("of", "village", "town")
                             or tokens[i - 1].text in _ENGLISH_ARTICLES) or (
                    not (word.isascii() and word.isalpha()) or word in _ENGLISH_ARTICLES or word in _ENGLISH_RELATIONS):
                return None  # most words: checked first, as this runs at every token ("a village south of Kirkuk":
                # a direction is no name)
            before = [token.text for token in tokens[max(0, i - 3) : i] if token.text not in _ENGLISH_ARTICLES]
            if not before or before[-1] not in ("of", "village", "town") or (
                    before[-1] == "of" and (len(before) < 2
                                            or before[-2] not in ("village", "town", "villages", "towns"))):
                return None
            if self._match_at(tokens, i, self._index) or self._match_at(tokens, i, self._without_article):
                return None
            skeletons = {consonants(word)}
        if not skeletons:
            return None
        if self._skeletons is None:
            self._skeletons = {}
            for number, latin in enumerate(self._latin_names):
                for name in latin:
                    words = key_words(name)  # "sha fah": an apostrophe split it
                    if 1 <= len(words) <= 2 and len(skeleton := consonants("".join(words))) >= 3:
                        self._skeletons.setdefault(skeleton, set()).add(number)
        numbers = {n for skeleton in skeletons for n in self._skeletons.get(skeleton, ())}
        if not numbers or len(numbers) > 40:
            return None
        candidates = tuple(sorted({self.places[n] for n in numbers}, key=lambda place: place.id))
        if not word.isascii():  # only where the next words name its governorate or a town of it ("شمالي دير الزور")
            named = {place.admin1 for k in range(i + 1, min(len(tokens), i + 5))
                     for place in self._match_places(tokens, k)}
            candidates = tuple(place for place in candidates if place.admin1 in named)
            if not candidates:
                return None
        # English: a weak cue the report must agree with; Arabic agreed with its governorate already (above), and
        # names the village itself (geo_precision 1)
        relative = self._context(tokens, i)[1]  # "near the village of …"
        return PlaceMention(i, i, candidates, ("village", "city"), relative, True, weak=word.isascii())

    def _facility_spelt_otherwise(self, tokens: list[Token], i: int) -> PlaceMention | None:
        """One English word before "prison", "camp" or "crossing" that the index lacks but whose consonants are
        those of a named facility of that kind ("Ghweiran prison" is the Ghweran prison)."""
        if i + 1 >= len(tokens) or tokens[i + 1].text not in _FACILITIES:
            return None
        word = tokens[i].text
        if not (word.isascii() and word.isalpha()) or word in _ENGLISH_ARTICLES or self._match_at(
                tokens, i, self._index) or self._match_at(tokens, i, self._without_article):
            return None
        numbers = self._facility_skeletons.get((tokens[i + 1].text, consonants(word)), set())
        if len(numbers) != 1:
            return None
        return PlaceMention(i, i, (self.places[next(iter(numbers))],), (tokens[i + 1].text,), False, False)

    def _match_places(self, tokens: list[Token], i: int) -> list[Place]:
        """The places of the name that begins at token ``i``, if one does."""
        hit = self._match_at(tokens, i, self._index)
        return [self.places[n] for n in hit[1]] if hit else []

    def _starts_name(self, tokens: list[Token], i: int) -> bool:
        """A place's name begins at token ``i`` (after an English article: "Deir ez-Zor's al-Mayadin")."""
        if i + 1 < len(tokens) and tokens[i].text in _ENGLISH_ARTICLES and tokens[i + 1].text.isascii():
            i += 1
        return i < len(tokens) and self._match_at(tokens, i, self._index) is not None

    def _attribute(self, tokens: list[Token], i: int, key: tuple[str, ...],
                   mentions: list[PlaceMention | ForeignMention]) -> bool:
        """A one-word name with the article right after a noun with the article, that is an adjective there:
        a relative adjective (…ية: "التظاهرات السلمية") or a name that is also a common word ("الوضع القائم")."""
        word = key[0]
        if len(key) > 1 or not word.startswith("ال") or i == 0 or tokens[i].quoted or (
                tokens[i].start - tokens[i - 1].end > 1):
            return False
        if not (word.endswith("يه") or key in self.ambiguous):
            return False
        if mentions and mentions[-1].last == i - 1:
            return False  # "الرمادي الخالدية": a list of places, not a noun and its adjective
        before = bare_forms(tokens[i - 1].text)
        return any(form.startswith("ال") and len(form) > 3 for form in before) and not before & FEATURE_CUES.keys()

    def _foreign_at(self, tokens: list[Token], i: int) -> int:
        """The number of tokens of a foreign place name at ``i`` (0 for none)."""
        best = 0
        for form in bare_forms(tokens[i].text):
            for rest in self._foreign.get(form, ()):
                length = 1 + len(rest)
                if length > best and i + length <= len(tokens) and all(
                    word in bare_forms(tokens[i + 1 + k].text) for k, word in enumerate(rest)
                ):
                    best = length
        return best

    @staticmethod
    def _match_at(tokens: list[Token], i: int, index: _Index) -> tuple[int, list[int], tuple[str, ...]] | None:
        best: tuple[int, list[int], tuple[str, ...]] | None = None
        following: tuple[str, ...] | None = None
        for form in ordered_forms(tokens[i].text):
            by_next = index.get(form)
            if not by_next:
                continue
            if following is None:
                following = ordered_forms(tokens[i + 1].text) if i + 1 < len(tokens) else ()
            entries = [entry for key in ("", *following) for entry in by_next.get(key, ())]
            for rest, number in entries:
                length = 1 + len(rest)
                if i + length > len(tokens) or (best and best[0] > length):
                    continue
                if all(tokens[i + 1 + k].text == word or word in bare_forms(tokens[i + 1 + k].text)
                       for k, word in enumerate(rest)):
                    if best and best[0] == length:
                        best[1].append(number)
                    else:
                        best = (length, [number], (form, *rest))
        return best

    def _unit_without_article(self, tokens: list[Token], i: int, hit: tuple[int, list[int], tuple[str, ...]]) -> bool:
        """The name after a district's, sub-district's or city's cue word is, as written, only other kinds of
        place, and with the article the gazetteer gives it, a place of the cue's kind ("ناحية عظيم", "قضاء
        حويجة": the units العظيم and الحويجة, not villages named حويجة)."""
        if not any(form in FEATURE_CUES for token in tokens[max(0, i - 2) : i] for form in bare_forms(token.text)):
            return False  # most names: no cue word just before them
        cue = self._context(tokens, i)[0]
        if cue is None or cue[0] not in ("district", "subdistrict", "city") or any(
                self.places[n].feature in cue for n in hit[1]):
            return False
        other = self._match_at(tokens, i, self._without_article)
        return other is not None and other[0] >= hit[0] and any(self.places[n].feature == cue[0] for n in other[1])

    @staticmethod
    def _context(tokens: list[Token], i: int) -> tuple[tuple[str, ...] | None, bool, bool]:
        """The cue word and relation before a name, and whether the cue is a weak one.

        A cue with the article ("المنطقة الخضراء", "البلدة محمد") or across punctuation opens no name.
        """
        cue, relative, weak = None, False, False
        articles = 0  # a transliterated article before the name ("the village of Ar Rumiyah") stands aside
        for back in range(1, 6):  # "near the village of …": a relation four words back
            if i - back < 0 or not adjacent(tokens[i - back], tokens[i - back + 1]):
                break
            word = tokens[i - back].text
            forms = bare_forms(word)
            hits = [f for f in forms if f in FEATURE_CUES and "ال" + f not in forms]
            if hits and cue is None and back <= 2 + articles:
                cue, weak = FEATURE_CUES[hits[0]], hits[0] in WEAK_CUES
                continue
            if hits and cue is not None and FEATURE_CUES[hits[0]] == ("region",):
                relative = True  # "بادية بلدة الصور", "the desert of the town of …": the desert around it
                break
            if cue is not None and word.lower() in REGIONAL_ADJECTIVES:
                break  # "the northern city of Manbij": where the city lies in its country, not a place near it
            if forms & RELATIVE_WORDS:
                relative = True
                if cue is None and back == 1 and forms & COUNTRYSIDE_WORDS:
                    cue = ("city", "admin1")  # "ريف حماة": only a governorate or a town has a countryside
                break
            # the article, also as its sun-letter forms in transliteration ("the village of Ar Rumiyah")
            if back == 1 and word in _TRANSLITERATED_ARTICLES:
                articles = 1
                continue
            if word in ("من", "of", "the", "al", "عمليات", "operations", "capital") or forms & {
                    "مدينه", "محافظه", "العاصمه", "عاصمه"}:  # "شمال العاصمة بغداد", "north of the capital Baghdad"
                continue
            break
        return cue, relative, weak


_Index = dict[str, dict[str, list[tuple[tuple[str, ...], int]]]]


# The common words that open many names, as English news writes them: each spelling finds the others.
# The words that tell apart villages of one name ("الجرذي الشرقي", "الجرذي الغربي"; "البوعيثة الكبيرة"), which
# reports often leave out
_PAIR_QUALIFIERS = frozenset(fold(word) for word in (
    "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الفوقاني", "التحتاني",
    "الفوقانية", "التحتانية", "الكبير", "الصغير", "الكبيرة", "الصغيرة", "العليا", "السفلى", "القديمة", "الجديدة"))
_LATIN_VILLAGE_WORDS = frozenset({"qaryat", "qaryah", "nahiyat"})  # "village (of)", "sub-district (of)" opening a name
_LEAD_SPELLINGS = (("shaykh", "sheikh", "sheik", "shaikh"), ("albu", "bu", "albo"),
                   ("tall", "tell", "tel", "tal"), ("ayn", "ain", "ein"), ("dayr", "deir", "dair"),
                   ("jabal", "jebel", "jabel"), ("khirbat", "khirbet", "khirbit"), ("abu", "abou"), ("umm", "um"),
                   ("qasr", "kasr"), ("wadi", "wady"), ("bir", "beer"))
# A feature's word before its English name, and the words English news writes after it instead.
_FEATURE_AFTER = {"wadi": ("wadi", ("valley",)), "jabal": ("mountain", ("mountains", "mountain")),
                  "jebel": ("mountain", ("mountains", "mountain"))}
_LEAD_VARIANTS = {word: tuple(other for other in group if other != word) for group in _LEAD_SPELLINGS for word in group}


def _vowel_variants(word: str) -> set[str]:
    """A transliterated name's other spellings in English news, for names of five letters or more: its long u
    either way (ou ↔ u, au → ou), its last i as ee ("Hajeen"), ay as ai or ei ("Busaira", "Shuheil"), a doubled letter single
    ("Qayara", "Hamam"), each with the final h of "-ah" dropped as news drops it."""
    if len(word) < 5:
        return set()
    variants = set()
    if "ou" in word:
        variants.add(word.replace("ou", "u"))
    elif "u" in word and not word.startswith("u"):
        variants.add(word.replace("u", "ou"))
    if "au" in word:  # "Houran" for Hauran
        variants.add(word.replace("au", "ou"))
    last_i = word.rfind("i")
    if 0 < last_i < len(word) - 1 and word[last_i - 1] not in "aeiou" and word[last_i + 1] not in "aeiouy":
        variants.add(word[:last_i] + "ee" + word[last_i + 1 :])
    for diphthong in ("ai", "ei"):
        if re.search(r"ay(?![aeiou])", word):
            variants.add(re.sub(r"ay(?![aeiou])", diphthong, word))
    single = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", word)
    if single != word:
        variants.add(single)
        variants |= {re.sub(r"ay(?![aeiou])", diphthong, single) for diphthong in ("ai", "ei")}
    variants |= {variant[:-1] for variant in variants if variant.endswith("ah")}
    return variants - {word}


def _index_name(index: _Index, words: tuple[str, ...], number: int) -> None:
    index.setdefault(words[0], {}).setdefault(words[1] if len(words) > 1 else "", []).append((words[1:], number))


def _word_list(name: str) -> set[str]:
    text = resources.files("rasad.geo").joinpath(f"data/{name}").read_text("utf-8")
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


def _ambiguous_names() -> set[str]:
    """Place names that are also common words, people's given names or function words."""
    return _word_list("ambiguous.txt") | _word_list("given_names.txt") | _word_list("stopword_names.txt")


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped in the package (GeoNames, Who's On First, OCHA, Natural Earth and curated rows)."""
    text = resources.files("rasad.geo").joinpath("data/gazetteer.tsv").read_text("utf-8")
    return Gazetteer.from_tsv(text, _ambiguous_names())
