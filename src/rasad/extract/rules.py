"""The default extractor: readable lexicons and general rules of news Arabic (and English).

For each clause of a report it finds event triggers, drops those that a negation, plan, condition,
call, purpose or fear cue governs, and gathers the place, date, actors and counts the clause (or,
failing that, its sentence and the sentences before it) gives. Mentions of one incident within a
report are then merged. Every field keeps the span of text it came from (``Event.trace``).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from rasad.extract.base import register_extractor
from rasad.extract.confidence import FACTORS, Calibration, default_calibration
from rasad.extract.lexicon import Actor, Hit, Lexicons, PhraseMatcher, Trigger, default_lexicons
from rasad.geo.boundaries import haversine_km
from rasad.geo.gazetteer import (
    COUNTRY_WORDS,
    FEATURE_CUES,
    MINOR_FEATURES,
    ROAD_WORDS,
    TRAILING_CUES,
    ForeignMention,
    PlaceMention,
)
from rasad.geo.geocode import DocumentContext, Geocoder, ResolvedPlace, countries
from rasad.model import COUNT_FIELDS, Document, Event, Evidence
from rasad.text.dates import DateMention, find_dates
from rasad.text.normalize import NormalizedText, fold, normalize
from rasad.text.numbers import Amount, amounts, number_word, without_possessive
from rasad.text.segment import Span, clauses, opens_line, sentences
from rasad.text.tokens import Token, bare_forms, match_forms, tokenize

# Words that refer back to the place last named ("in the same area", "the desert").
# "في القضاء نفسه", "in the same province": the place told before, or its district or governorate.
_SAME_UNIT = {"town": ("البلده", "المدينه", "القريه"), "district": ("القضاء", "الناحيه"), "governorate": ("المحافظه",)}
_SAME_UNIT_EN = {"town": ("town", "city", "village", "neighborhood", "neighbourhood"),
                 "district": ("district", "subdistrict", "region"), "governorate": ("province", "governorate")}
_SAME = {**{(noun, same): unit for unit, nouns in _SAME_UNIT.items() for noun in nouns
            for same in ("نفسها", "ذاتها", "نفسه", "ذاته")},
         **{(same, noun): unit for unit, nouns in _SAME_UNIT.items() for noun in nouns for same in ("نفس", "ذات")},
         **{("same", noun): unit for unit, nouns in _SAME_UNIT_EN.items() for noun in nouns}}
_ANAPHORA = {("المنطقه", "نفسها"), ("المنطقه", "ذاتها"), ("ذات", "المنطقه"), ("نفس", "المنطقه"), ("الصحراء",),
             ("same", "area"), *_SAME}
# Words that refer back to the last place of a kind ("داخل المخيم" after "مخيم الهول").
_FEATURE_ANAPHORA = {"المخيم": ("camp",), "السجن": ("prison",), "المعبر": ("crossing",), "المنفذ": ("crossing",),
                     "المدينه": ("city",), "البلده": ("city",), "القضاء": ("city", "district"), "الناحيه": ("city",),
                     "المحافظه": ("admin1",), "the camp": ("camp",), "the prison": ("prison",),
                     "the crossing": ("crossing",), "the city": ("city",), "the town": ("city",), "السد": ("dam",),
                     "the dam": ("dam",)}
# Cue words of a named site that the gazetteer may not hold ("ساحة الطيران", "سوق ...").
_SITE_CUES = {"ساحه", "سوق", "شارع", "حي", "جسر", "قريه", "مخيم", "سجن", "مطار", "جامع", "مسجد", "ميدان", "square",
              "market"}
_FUNCTION_WORDS = {*map(fold, ("على", "الى")), "في", "من", "عن", "بما", "التي", "الذي", "الواقع", "الواقعه", "التابع",
                   "التابعه", "قرب", "و", "او", "ثم", "حيث", "كما", "مع", "of", "in", "on", "near"}
# The credit at the end of a photo caption: a short parenthesis, or an agency after a dash.
_CAPTION = re.compile(r"(\([^()\n]{2,60}\)|[-–/]\s*(afp|reuters|getty|ap|رويترز|ا ف ب|اف ب|ارشيف|صوره)\s*)\s*$")
_READ_MORE = re.compile(r"(اقرا ايضا|اقرا المزيد|مواضيع ذات صله|اخبار ذات صله|read more|related articles|related:)")
# Forces named as supporting another ("بدعم من التحالف الدولي") are not the side that acted.
_SUPPORT_MARKERS = {"بدعم من", "بمسانده من", "بدعم جوي", "بمشاركه من", "بالتعاون مع", "بالتنسيق مع", "supported by",
                    "backed by", "with support", "المدعومه من", "المدعوم من", "المدعومين من", "الموالين ل",
                    fold("الموالية ل")}
# Before an institution, words that make it the landmark of the scene ("قرب جامعة الموصل", "أمام مستشفى …").
_LANDMARK_WORDS = {"قرب", "بالقرب", "امام", "داخل", "خلف", "مقابل", "محيط", "near", "outside", "inside"}
# … and the words of its building, which is the scene ("اقتحم محتجون مبنى مجلس محافظة كركوك")
_BUILDING_WORDS = {"مبني", "بنايه", "مقر", "building", "headquarters", "offices"}
_REFERENCE_CITY = 300_000  # population of the cities reports use as reference points ("شمال بغداد")
_PLANNED_TARGET_WORDS = 9  # how far after a plan's word the target it names may stand ("تخطط لاستهداف حواجز في …")
# the parts of a city that are no bearing ("of western Baghdad" is one, read as a place relative to the city)
_CITY_PARTS = frozenset({"central", "downtown", "old"})
_BETWEEN = frozenset({"بين", "between"})  # "بين الرقة والحسكة", "between X and Y"
# the words that name two places as the ends or sides of one boundary ("على حدود ديالى وصلاح الدين", "on the border of
# X and Y"), and the plural or dual cue word that may stand after them ("بين محافظتي كركوك وصلاح الدين")
_BORDER_WORDS = frozenset({"الحدود", "حدود", "الحدوديه", "الحدودي", "border"})  # an incident "at the border"
_BOUNDARY_WORDS = _BORDER_WORDS | {"borders", "boundary", "edge"}
_GOVERNORATE_PAIRS = frozenset({"محافظتي", "محافظتين", "provinces", "governorates"})
_PAIR_CUES = _GOVERNORATE_PAIRS | {fold("قضائي"), "ناحيتي", "the"}
# Words before a force that make it the target, not the side that acted ("هجوم على قوة للحشد").
_TARGET_MARKERS = {"ضد", fold("على"), "استهدف", "استهدفت", "against", "targeting", "targeted", "on"}
# the cue words of a district or sub-district ("ناحية", "قضاء", "district"), as the gazetteer reads them
_UNIT_CUES = frozenset(word for word, features in FEATURE_CUES.items() if features[0] in ("district", "subdistrict"))
# the words that may stand between a village and the unit that holds it: "in", the unit's cue word
_UNIT_WORDS = frozenset({"in", "في"}) | frozenset(
    word for word, features in FEATURE_CUES.items() if features[0] in ("admin1", "district"))
_FORCE_NOUNS = {"قوات", fold("قوة"), "عناصر", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "the", "forces"}
_ATTEMPT_NOUNS = {"attempt", "attempts", "bid", "plot"}  # "an assassination attempt": none killed by it
# words that open a clause of their own: a member named before one is no member of the force after it
_CLAUSE_LINKS = {"after", "before", "when", "while", "as", "but", "بعد", "قبل", "اثر", "عقب", "عندما", "حين", "بينما"}
_OPPONENT_MARKERS = {"مع", "with", "with the"}
_UNIT_OF = {"في", "من", "of", "in"}  # "الفرقة الرابعة في قوات النظام": a unit "in" its force
# a force's bodies that a source may be "in" ("مصدر في قيادة شرطة كركوك", "مصدر في مديرية الاستخبارات العسكرية")
_SOURCE_BODIES = set(map(fold, ("قيادة", "مديرية", "وزارة", "مكتب", "دائرة", "هيئة")))
_FOILED = {"احباط", "افشال", "احبطت", "افشلت", "foiled", "thwarted", "حالت", "منعت"}
_RANK_STRONG = 60
_DURING = {"during", "خلال", "اثناء"}  # "during a sweep", "خلال عملية": the operation an event was part of
_WOMEN = {"امراه", "سيده"}
_CHILDREN = set(map(fold, ("طفلا", "طفل", "طفلة")))
# before an imperfect: what someone was doing or aiming at
_WAS = {"كان", "كانت", "كانوا", "كانا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"}
_PEOPLE = {"شخص", "شخصا", "شخصين", "شخصان", "اشخاص", "people", "persons", "person"}  # people named by no side
_PASSIVE_AUXILIARIES = {"تم", "جري"}  # "الذي تم استهدافه": the verbal noun after them tells a passive
_RELATIVE_PRONOUNS = {"التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"}
UNIDENTIFIED = "Unidentified Armed Group"
ISLAMIC_STATE = "Islamic State"
_TYPE_FACTORS = {"Battles": "battles", "Explosions/Remote violence": "explosions",
                 "Violence against civilians": "violence_against_civilians", "Protests": "protests", "Riots": "riots"}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


@dataclass
class _Mention:
    """One event mention of a clause before merging: the event and how sure each field is."""

    event: Event
    summary: bool
    date_source: str
    site: str | None
    place_source: str
    explicit_day: bool
    casualties_only: bool = False  # only a toll ("26 شخصا قتلوا"): the incident it counts is told elsewhere
    trigger: str = ""  # the id of the trigger that typed it
    reference: bool = False  # "the operation …" with no place: adds to the incident told before, never new
    headline: bool = False  # the report's first line: a summary of an incident the body tells in full
    earlier: bool = False  # an incident the news "comes days after" ("بعد أيام من هجوم مماثل"): another one
    separate: bool = False  # told after "في الأثناء", "Separately": another incident than those of sentences before
    definite: bool = False  # its noun with the article ("The attack in al-Mayadin was …", "الهجوم"): named again
    toll_update: bool = False  # "the death toll rose to nine", "ارتفعت حصيلة": the incident told before, days on
    gunfire: bool = False  # its clause tells a fight or shooting too ("… وقنابل يدوية، واندلعت اشتباكات")
    several: bool = False  # "killed five in two separate attacks": sums incidents the report may tell one by one
    estimate: bool = False  # "a monitor put the death toll at 14": another source's figure, not a rise
    part: int | None = None  # where its clause starts, where the sentence joins incidents apart (`_joined_clauses`)
    village_of: str | None = None  # the town whose unnamed village it took place in (`ResolvedPlace.in_village`)


@dataclass
class _DocState:
    """What earlier sentences of the report established: places and dates to refer back to."""

    places: list[ResolvedPlace] = field(default_factory=list)
    dates: list[tuple[int, int, DateMention]] = field(default_factory=list)  # sentence, paragraph, date
    title_day: DateMention | None = None  # the day a report's title line gives ("حصاد الأمن ليوم الأحد 9 آذار")
    triggers: list[str] = field(default_factory=list)  # ids of the event triggers read so far, in order
    attributed: set[str] = field(default_factory=set)  # groups the report says carried out an incident
    airborne: set[str] = field(default_factory=set)  # forces the report names by their aircraft
    generic_forces: dict[str, str] = field(default_factory=dict)  # whose a report's "قوات الأمن" are, by country
    operation_force: str | None = None  # the force of an operation told with no result yet ("نفذت قوات الجيش عملية")
    incident_day: date | None = None  # the day of the last incident told to the day, for "بعد يومين من …" after it
    ministry: Actor | None = None  # the ministry named last ("أعلنت وزارة الداخلية …"), whom "الوزارة" names after
    told_places: list[ResolvedPlace] = field(default_factory=list)  # the places of the incidents told so far
    announced: set[tuple[int, int]] = field(default_factory=set)  # spans of dates that are a statement's day
    statements: list[tuple[int, DateMention]] = field(default_factory=list)  # those dates, by sentence
    switched: set[str] = field(default_factory=set)  # actors whose shared forms the report gives to another force
    actors_in: Callable[[list[Token]], list[Hit]] = lambda tokens: []  # the forces named among a clause's tokens


@register_extractor("rules")
class RuleExtractor:
    """Rule-based, offline and deterministic extraction (see docs/extraction.md)."""

    name = "rules"

    def __init__(self, lexicons: Lexicons | None = None, geocoder: Geocoder | None = None,
                 calibration: Calibration | None = None) -> None:
        self.lexicons = lexicons or default_lexicons()
        self.geocoder = geocoder or Geocoder()
        self.calibration = calibration or default_calibration()

    # -- the document ---------------------------------------------------------------------------
    def extract(self, document: Document) -> list[Event]:
        """The events a report says happened, one per incident."""
        return [event for event, _ in self.explain(document)]

    def explain(self, document: Document) -> list[tuple[Event, dict[str, float]]]:
        """The events of :meth:`extract`, each with the factors its confidence was computed from
        (:data:`rasad.extract.confidence.FACTORS`). A very long document (a compilation, a transcript) is
        read in windows of about ``WINDOW_CHARS`` cut at paragraph breaks, so that time and memory grow
        with its size and no faster; evidence keeps its offsets into the whole text."""
        text = document.text or ""
        if len(text) <= WINDOW_CHARS:
            return self._extract(document)
        head = normalize(text[:4000]).text
        published = document.published or publication_date_in_header(head, sentences(head))
        events: list[tuple[Event, dict[str, float]]] = []
        for start, end in _windows(text):
            for event, factors in self._extract(dataclasses.replace(document, text=text[start:end], published=published)):
                _shift(event, start)
                events.append((event, factors))
        return events

    def _extract(self, document: Document) -> list[tuple[Event, dict[str, float]]]:
        norm = normalize(document.text or "")
        text = norm.text
        spans = sentences(text)
        published = document.published or publication_date_in_header(text, spans)
        all_tokens = tokenize(text)
        starts = [token.start for token in all_tokens]

        def tokens_of(start: int, end: int) -> list[Token]:
            return all_tokens[bisect_left(starts, start) : bisect_left(starts, end)]

        gazetteer = self.geocoder.gazetteer
        doc_places = gazetteer.find_all(all_tokens)  # once a report; each clause takes its share
        doc_places_first = [m.first for m in doc_places]

        def found_in(tokens: list[Token]) -> list[PlaceMention | ForeignMention]:
            if not tokens:
                return []
            offset = bisect_left(starts, tokens[0].start)
            inside = doc_places[bisect_left(doc_places_first, offset) : bisect_left(doc_places_first, offset + len(tokens))]
            return [dataclasses.replace(m, first=m.first - offset, last=m.last - offset) for m in inside
                    if m.last < offset + len(tokens)]

        doc_actors = _coordinated_forces(self.lexicons.actors, all_tokens)  # once a report, like its places
        # (a word for civilians inside a longer place name is part of the name: "مقام السيدة زينب", "حي الشهداء")
        doc_actors = [hit for hit in doc_actors if hit.payload.side != "civilian" or not any(
            m.first <= hit.first and hit.last <= m.last and m.last - m.first > hit.last - hit.first for m in doc_places)]
        doc_actors_first = [hit.first for hit in doc_actors]

        def actors_in(tokens: list[Token]) -> list[Hit]:
            if not tokens:
                return []
            offset = bisect_left(starts, tokens[0].start)
            inside = doc_actors[bisect_left(doc_actors_first, offset) : bisect_left(doc_actors_first, offset + len(tokens))]
            return [Hit(hit.payload, hit.first - offset, hit.last - offset) for hit in inside
                    if hit.last < offset + len(tokens)]

        # (a country a force's name places itself in is no sign of the report's: "المقاومة الإسلامية في العراق",
        # "the Islamic Resistance in Iraq" strike in Syria too)
        in_names = {k for hit in doc_actors for k in range(hit.first + 1, hit.last + 1)
                    if all_tokens[k - 1].text in ("في", "in")}
        context = self.geocoder.context([token for k, token in enumerate(all_tokens) if k not in in_names],
                                        [m for m in doc_places if isinstance(m, PlaceMention)])
        for hit in self.lexicons.locating.find(all_tokens):  # "قسد", "الحشد الشعبي": a force only one country has
            context.countries[hit.payload] = context.countries.get(hit.payload, 0) + 1
        state = _DocState(actors_in=actors_in)
        state.switched = {hit.payload for hit in self.lexicons.switches.find(all_tokens)}  # "وزارة الداخلية"
        state.generic_forces = _generic_forces(doc_actors)
        mentions: list[_Mention] = []
        skipped = boilerplate(text, spans)
        paragraph, paragraph_places, paragraph_told, paragraph_own = -1, [], False, []

        def next_places(index: int) -> tuple[list[ResolvedPlace], list[DateMention]]:
            """The places the next sentence names, and its days ("It happened near Tuz Khurmatu on Monday")."""
            following = next((k for k in range(index + 1, len(spans)) if k not in skipped), None)
            if following is None:
                return [], []
            following_tokens = tokens_of(spans[following].start, spans[following].end)
            groups = self._places(text, following_tokens, found_in(following_tokens), context, actors_in(following_tokens))
            days = [d for d in find_dates(text, following_tokens, published) if d.precision == 1 and d.value]
            return ([place for place, summary in groups[0] if not summary and place.cued] if groups else []), days

        for index, sentence in enumerate(spans):
            if index in skipped:
                if index == 0 and published:
                    # the title of a roundup names the day its items happened; not the day it was published
                    days = [d for d in find_dates(text, tokens_of(sentence.start, sentence.end), published)
                            if d.kind in ("day", "weekday") and d.precision == 1 and d.value and d.value < published]
                    state.title_day = days[0] if len(days) == 1 else None
                continue
            if sentence.paragraph != paragraph:
                # (the paragraph right before, where it only set the scene and told no incident, lends its place to this
                # one's details: "أطلقت قسد حملة أمنية في بلدة ذيبان." then "وأسفرت الحملة عن اعتقال 15 شخصا.")
                paragraph, paragraph_places = sentence.paragraph, [] if paragraph_told else paragraph_own
                paragraph_told, paragraph_own = False, []
            sentence_tokens = tokens_of(sentence.start, sentence.end)
            self._attribution(sentence_tokens, state)
            sentence_all_dates = _since_spans(text, sentence_tokens, _after_dateline(
                text, sentence, find_dates(text, sentence_tokens, published)))
            sentence_dates = [d for d in sentence_all_dates if d.kind not in ("year", "since")]
            statement_days = self._announcement_dates(sentence_tokens, sentence_dates)
            state.announced |= statement_days
            state.statements += [(index, d) for d in sentence_dates if (d.start, d.end) in statement_days and d.value]
            sentence_periods = any(d.kind == "year" for d in sentence_all_dates)
            previous_places: list[ResolvedPlace] = []
            told = False  # the sentence tells an incident
            carried: Trigger | None = None  # the last clause's incident word, for "…، واثنين في تكريت"
            for clause, split in ((part, len(parts) > 1) for whole in clauses(text, sentence)
                                  for parts in [self._joined_clauses(text, whole, tokens_of(whole.start, whole.end),
                                                                     found_in, published)] for part in parts):
                tokens = tokens_of(clause.start, clause.end)
                if not tokens:
                    continue
                clause_found = found_in(tokens)
                groups = self._places(text, tokens, clause_found, context, actors_in(tokens))
                for group in groups:
                    state.places.extend(place for place, _ in group)
                # a foreign dateline ("أنقرة ـ رويترز:") says where the report was filed, not where it happened
                abroad = [m for m in clause_found if isinstance(m, ForeignMention) and not _dateline(text, tokens, m)
                          and not _border_with(tokens, m, self.lexicons.border_words) and not _based_in(tokens, m)]
                found = self._clause(document, norm, published, context, state, sentence, sentence_tokens,
                                     sentence_dates, sentence_periods, tokens, groups, abroad, previous_places,
                                     index, paragraph_places, lambda index=index: next_places(index), carried)
                if split:  # one of the incidents a sentence joined: never merged with another of them
                    for mention in found:
                        mention.part = clause.start
                mentions.extend(found)
                if any(not mention.reference for mention in found):  # (an incident told again adds no place)
                    state.told_places.extend(place for group in groups for place, _ in group)
                told = told or bool(found)
                carried = self.lexicons.triggers_by_id.get(found[-1].trigger) if found else None
                if groups:
                    previous_places = [place for place, _ in groups[0]]
                    paragraph_own = [place for place, summary in groups[0] if not summary] or paragraph_own
                    paragraph_places = paragraph_own or paragraph_places
            paragraph_told = paragraph_told or told
            for mention in sentence_dates:
                if (mention.start, mention.end) in state.announced:
                    continue
                if index < 4 and mention.kind == "day" and mention.value == published and not told:
                    continue  # the dateline ("February 3, 2021 at 4:12 pm"): when the report was published, no more
                state.dates.append((index, sentence.paragraph, mention))
        placed = [mention for mention in mentions if mention.place_source != "country"]
        events = merge_mentions(placed or mentions)  # the country places only a report that names no place
        for mention in events:
            event = mention.event
            if mention.village_of is not None and event.place_id == mention.village_of and event.geo_precision == 1:
                event.geo_precision = 2  # in a village of the town (only now: the town itself is what fuses accounts)
            if (event.sub_event_type == "Armed clash" and mention.trigger in ("kill", "wound", "gunfire")
                    and event.actor1 is None and event.actor2 is None):
                # people killed or shot where the report names no side at all ("قتل شخص بإطلاق نار", "two people
                # were killed in a shooting"): somebody attacked them, as unarmed victims of gunmen are (GUIDELINES §5)
                event.event_type, event.sub_event_type, event.actor2 = "Violence against civilians", "Attack", "Civilians"
        if len(state.attributed) == 1:
            group = next(iter(state.attributed))
            for mention in events:
                event = mention.event
                # (not to an incident told "separately": the group was blamed for another)
                if (event.actor1 in (None, UNIDENTIFIED) and event.actor2 != group and event.event_type in _VIOLENT
                        and not mention.separate):
                    event.actor1 = group
        for mention in events:
            if mention.event.event_type == "Violence against civilians" and mention.event.actor1 is None:
                mention.event.actor1 = UNIDENTIFIED
        # a strike of no named striker, in a report whose other strikes, or the aircraft it names, are one force's
        # ("القوات الأمنية نفذت ضربتين جويتين … واستهدفت ضربة ثانية مماثلة …")
        strikers = state.airborne | {m.event.actor1 for m in events
                                     if m.event.sub_event_type == "Air/drone strike" and m.event.actor1}
        for mention in events:
            if mention.event.sub_event_type == "Air/drone strike" and mention.event.actor1 is None and len(strikers) == 1:
                mention.event.actor1 = next(iter(strikers))
        _upgrade_suicide_bombings(events, mentions, text, spans)
        report = {"english": _english(text), "single_sentence": len(spans) - len(skipped) <= 1}
        out = []
        for mention in events:
            factors = self._factors(mention, report, published, len(events))
            mention.event.confidence = self.calibration.probability(factors)
            out.append((mention.event, factors))
        return out

    def _factors(self, mention: _Mention, report: dict[str, bool], published: date | None,
                 events_in_report: int) -> dict[str, float]:
        """The factors of :data:`rasad.extract.confidence.FACTORS` for one merged event."""
        event = mention.event
        trigger = self.lexicons.triggers_by_id.get(mention.trigger)
        place = {"clause": "place_clause", "sentence": "place_sentence"}.get(mention.place_source, "place_elsewhere")
        factors = {
            "strong_trigger": trigger is not None and trigger.rank >= _RANK_STRONG,
            place: True,
            "precision_exact": event.geo_precision == 1,
            "precision_near": event.geo_precision == 2,
            # the day of a statement is as weak a sign of the incident's day as the day of publication
            f"date_{_DATE_FACTOR.get(mention.date_source, mention.date_source)}": mention.date_source in (
                "clause", "sentence", "context", "publication", "announcement"),
            "actor_named": event.actor1 not in (None, UNIDENTIFIED),
            "actor_unidentified": event.actor1 == UNIDENTIFIED,
            "counts": any(getattr(event, name) is not None for name in COUNT_FIELDS),
            "retold": len(event.evidence) > 1,
            "headline": mention.headline,
            **report,
            "dated_before": bool(published and event.event_date
                                 and (published - date.fromisoformat(event.event_date)).days > 3),
            _TYPE_FACTORS.get(event.event_type, ""): True,
        }
        factors = {name: float(value) for name, value in factors.items() if name in FACTORS and value}
        factors["events_in_report"] = math.log1p(events_in_report)
        return factors

    # -- places ---------------------------------------------------------------------------------
    def _places(self, text: str, tokens: list[Token], found: list[PlaceMention | ForeignMention],
                context: DocumentContext, actors: list[Hit]) -> list[list[tuple[ResolvedPlace, bool]]]:
        """Place groups of a clause (``found``: the gazetteer's names among its tokens): one group per
        governorate of a coordinated list, else one group. Each group lists (place, is_summary) with the
        most precise place first.
        """
        # a place inside a force's name ("مجلس دير الزور العسكري", "Anbar Tribal Mobilisation") is not the scene
        named = {k for hit in actors for k in range(hit.first, hit.last + 1)}
        # a transfer is placed where it left (GUIDELINES §6): "قافلة تقل 200 عائلة قادمة من مخيم الهول"; the
        # clause's triggers are read for it only where a place follows "من"/"from" (the clause reads them later)
        transferring = any(m.first and tokens[m.first - 1].text in ("من", "from", "الي", "to") for m in found) and any(
            hit.payload.id == "transfer" and hit.payload.requires & {form for token in tokens
                                                                     for form in match_forms(token.text)}
            for hit in self.lexicons.triggers.find(tokens))
        transfer = transferring and any(m.first and tokens[m.first - 1].text in ("من", "from") for m in found)
        found = _located_by_unit(text, tokens, self._located_by_bearing(tokens, self._governorate_seats(tokens, found)))
        usable = [m for m in found if isinstance(m, PlaceMention)
                  if self.geocoder.usable(m, context) and not (m.first in named and m.last in named)
                  and not self._abroad_by_adjective(tokens, m)
                  and not self._names_something_else(tokens, m.first, transfer)
                  and not self._institution_after(tokens, m.first, m.last)]
        mentions = [m if _distance(tokens, m.first) is None else dataclasses.replace(m, relative=True)
                    for m in usable if not _distance_locator(tokens, m.first)]  # "17 كم جنوبي القامشلي": near it
        mentions = _located_by_words(tokens, mentions)
        if not mentions:  # "40 كم جنوب الرطبة" and no other place: where that distance and bearing lead
            mentions = [m for m in map(partial(self._measured_from, tokens), usable[:1]) if m is not None]
        # "تسلمت بغداد 200 معتقل من سجون قسد في الحسكة", "Damascus received …": the capital is the government
        governing = [m for m in mentions if self._government(tokens, m, transferring)]
        if governing and (len(governing) < len(mentions) or self._departs_from_country(tokens, governing[0].last)):
            mentions = [m for m in mentions if m not in governing]
        # the city a force is named by ("أسايش أربيل", "شرطة كركوك", "Kirkuk police") is the force's, where the clause
        # names another place
        # (but not what an aircraft or a blow struck right after its word: "استهدفت طائرة مسيرة قاعدة عين الأسد")
        owned = {k for k, m in enumerate(mentions) if any(
            (hit.last + 1 == m.first and not tokens[m.first].text.isascii())
            or (m.last + 1 == hit.first and tokens[m.first].text.isascii())
            # (civilians named by their town are of the scene: "رئيس بلدية الشحيل", "أهالي قرية …")
            for hit in actors if not hit.payload.nationality_only and hit.payload.side != "civilian")}
        if owned and len(owned) < len(mentions):
            mentions = [m for k, m in enumerate(mentions) if k not in owned]
        # a dateline ("Baghdad:", "بغداد 16 أغسطس (شينخوا)") says where the report was filed, not where it happened
        mentions = [m for m in mentions if not _dateline(text, tokens, m)]
        # "ألقت القبض على خلية … كانت تخطط لاستهداف حواجز في الميادين", "a cell planning attacks on checkpoints in
        # Mayadin": a target planned, named right after the plan's words, is no scene (GUIDELINES §6), where the clause
        # names another place before them (but "suspected of planning attacks, in raids in Sulaimaniya": the raids')
        plans = [cue.last for cue in self.lexicons.cues.find(tokens, overlapping=True)
                 if cue.payload == "plan"] if len(mentions) > 1 else []
        planned = [m for m in mentions if any(0 < m.first - last <= _PLANNED_TARGET_WORDS
                                              and not self.lexicons.triggers.find(tokens[last + 2 : m.first])
                                              for last in plans)]
        if planned and len(planned) < len(mentions) and any(m.last < min(plans) for m in mentions):
            mentions = [m for m in mentions if m not in planned]
        mentions = self._held_by_units(tokens, mentions)
        # "في قضاء الحويجة بكركوك": a governorate's name right after a place of that governorate is the governorate
        mentions = [dataclasses.replace(m, cue=("admin1",)) if k and m.cue is None and not m.relative
                    and m.first - mentions[k - 1].last <= 2
                    and any(c.feature == "admin1" for c in m.candidates)
                    and {c.admin1 for c in m.candidates if c.feature == "admin1"}
                    & {c.admin1 for c in mentions[k - 1].candidates if c.feature != "admin1"} else m
                    for k, m in enumerate(mentions)]
        # "… محافظة صلاح الدين شمال بغداد": a direction from a big city right after a place only locates it; but
        # where no place of the name before lies in that city's governorate or anywhere near it ("بادية الرصافة جنوب
        # غربي الرقة" with only namesakes of الرصافة elsewhere), the name before is the one not placed, and the city
        # places the incident
        # "منطقة حاوي العبيدي بالموصل": a big city joined by "ب" right after a place says the place is in it
        # "حي اليرموك في مدينة الموصل", "the Karama neighborhood of Mosul": a city after words that contain
        inside = {k for k, m in enumerate(mentions) if k and not m.relative and (
            (m.first - mentions[k - 1].last == 1 and tokens[m.first].text.startswith(("ب", "وب")) and m.cue is None)
            or (self._contained(tokens, mentions[k - 1].last, m.first) and (m.cue is None or "city" in m.cue)))}
        # (… or the governorate that holds the place: "the Hajin district of Deir ez-Zor")
        # ("… in Tarmiyah district, north of Baghdad": English takes a word more, its cue word and "of")
        way_ends = _way_ends(tokens, mentions)
        locating = {k for k, m in enumerate(mentions)
                    if k and (m.relative or k in inside) and tokens[m.first].start not in way_ends
                    and m.first - mentions[k - 1].last <= 3 + (
                        "of" in (tokens[m.first - 1].text, tokens[m.first - 2].text))  # "… of (western) Baghdad"
                    and (max(c.population for c in m.candidates) >= _REFERENCE_CITY or _seat(m) or (k in inside and any(
                        c.feature == "admin1" and c.admin1 in {a.admin1 for a in mentions[k - 1].candidates}
                        for c in m.candidates))
                         # "the village of Qulajo in Kalar": a town that holds a village locates it
                         # (or a place its cue word says is a village or a unit: "the Abbasi subdistrict of Hawija")
                         or (k in inside and (mentions[k - 1].minor or _cue_kind(mentions[k - 1]) in MINOR_FEATURES)
                             and any(c.feature == "city" for c in m.candidates)))
                    and not {c.feature for c in mentions[k - 1].candidates} & {"border", "region"}
                    # "بين الرقة والحسكة": the second end of a way between two places locates nothing
                    and not (mentions[k - 1].first and tokens[mentions[k - 1].first - 1].text in _BETWEEN)
                    # "the countryside of Hasakah and Deir ez-Zor": a second place of a list, not the first's
                    and tokens[m.first - 1].text not in ("and", "و")
                    # "the Baghdad-Kirkuk highway near Tuz Khurmatu": a place near the road, not near its end town
                    and not (tokens[mentions[k - 1].last + 1].text.isascii()
                             and tokens[mentions[k - 1].last + 1].text.lower() in ROAD_WORDS)}
        # (the governorate itself where it is named as one: "Al-'Alam, Salah Al-Din province", "شرق محافظة صلاح
        # الدين", not a town of its name elsewhere)
        # (but a cue word of another kind names that, "بمدينة حلب" is the city, not the governorate; and a
        # neighbourhood lies in a city: "the Sheikh Maqsoud neighbourhood of Aleppo")
        cities = {k: next((c for c in mentions[k].candidates if c.feature == "admin1" and (
                               _cue_kind(mentions[k]) == "admin1"
                               or (k in inside and c.admin1 in {a.admin1 for a in mentions[k - 1].candidates}
                                   and "admin1" in (mentions[k].cue or ("admin1",))
                                   and _cue_kind(mentions[k - 1]) != "neighbourhood"))),
                          max([c for c in mentions[k].candidates if mentions[k].cue and c.feature in mentions[k].cue]
                              or mentions[k].candidates, key=lambda c: c.population)) for k in locating}
        # (a place said to lie in a town, not in a governorate or a big city that reports measure from, is none of
        # its namesakes far from the town, even in the town's governorate: "near the village of Qulajo in Kalar")
        unplaced = {k - 1 for k, city in cities.items() if (_namesakes(mentions[k - 1]) or k in inside)
                    and ((city.feature == "city" and city.population < _REFERENCE_CITY and not _seat(mentions[k]))
                         or not any(a.admin1 == city.admin1 for a in mentions[k - 1].candidates))
                    and min(haversine_km(a.lat, a.lon, city.lat, city.lon) for a in mentions[k - 1].candidates)
                    > _LOCATED_KM}
        # "حي الكرامة بمدينة الموصل": a neighbourhood the gazetteer does not hold in that city is placed at the city,
        # not at a village of the name outside it; so is any place said to lie in a city named with its cue word
        # ("منطقة الرشيدية بمدينة الموصل", not the village of the name 100 km away)
        quarters = {k for k in cities if _cue_kind(mentions[k - 1]) == "neighbourhood"
                    or (k in inside and _cue_kind(mentions[k]) == "city")}
        unplaced |= {k - 1 for k, city in cities.items() if k in quarters and not any(
            (a.feature == "neighbourhood" or _cue_kind(mentions[k - 1]) != "neighbourhood")
            and haversine_km(a.lat, a.lon, city.lat, city.lon) <= _CITY_KM for a in mentions[k - 1].candidates)}
        mentions = [dataclasses.replace(m, relative=False) if k in quarters and k - 1 in unplaced else m
                    for k, m in enumerate(mentions)]
        # "بلدة الصبحة شرقي دير الزور": a place said to lie east of a town is not a namesake that lies west of it
        # ("the Karma district east of Fallujah": English names the cue word after the name, a word more between)
        for k, m in enumerate(mentions):
            if not k or not m.relative or m.first - mentions[k - 1].last > 3 + tokens[m.first].text.isascii() or (
                    k - 1 in unplaced):
                continue
            directions = _bearings(tokens[max(mentions[k - 1].last + 1, m.first - 2) : m.first])
            # the town a governorate is named after ("شرقي دير الزور"); a governorate's namesakes elsewhere ("شمالي
            # صلاح الدين", a quarter of Aleppo too) are not what the bearing is from
            governorates = {c.admin1 for c in m.candidates if c.feature == "admin1"}
            towns = [c for c in m.candidates if c.feature != "admin1" and (not governorates or c.admin1 in governorates)]
            if not towns:
                continue
            anchor = max(towns, key=lambda c: c.population)
            # … but a place of the town's own governorate stays, however rough the bearing ("دوكان شمالي السليمانية");
            # one far beyond any bearing's reach is no place said to lie there ("منطقة باب المعظم شمال بغداد": not
            # the town of al-Bab in Aleppo, though it lies north)
            if directions and all((not _lies_towards(c, anchor, directions)
                                   or haversine_km(c.lat, c.lon, anchor.lat, anchor.lon) > _BEARING_REACH_KM)
                                  and c.admin1 != anchor.admin1 for c in mentions[k - 1].candidates):
                unplaced.add(k - 1)
                cities.setdefault(k, anchor)
                locating.add(k)
            elif directions:
                # "the Karma district east of Fallujah": of its namesakes, those that lie that way within reach
                toward = tuple(c for c in mentions[k - 1].candidates if _lies_towards(c, anchor, directions)
                               and haversine_km(c.lat, c.lon, anchor.lat, anchor.lon) <= _BEARING_REACH_KM)
                if toward and len(toward) < len(mentions[k - 1].candidates):
                    mentions[k - 1] = dataclasses.replace(mentions[k - 1], candidates=toward)
        # "قرية تل شعير بريف الحسكة الشرقي": of the village's namesakes, those in that part of the city's countryside
        for k, city in cities.items():
            directions = _bearings(tokens[mentions[k].last + 1 : mentions[k].last + 2])
            if k - 1 in unplaced or not directions or not mentions[k].relative:
                continue
            toward = tuple(c for c in mentions[k - 1].candidates
                           if c.admin1 == city.admin1 and _lies_towards(c, city, directions))
            if toward and len(toward) < len(mentions[k - 1].candidates):
                mentions[k - 1] = dataclasses.replace(mentions[k - 1], candidates=toward)
        # the city that only locates the place before it still says which of its namesakes is meant
        located_by = [city for k, city in cities.items() if k - 1 not in unplaced]
        mentions = [m for k, m in enumerate(mentions)
                    if k not in unplaced and not (k in locating and k - 1 not in unplaced)]
        if not mentions:
            return []
        anchors = tuple((c.lat, c.lon) for m in mentions if len(m.candidates) == 1 and not m.minor
                        and m.candidates[0].feature not in ("admin1", "region", "border") for c in m.candidates)
        anchors += tuple((c.lat, c.lon) for c in located_by)
        runs: list[list] = [[mention] for mention in mentions[:1]]
        for mention in mentions[1:]:
            previous = runs[-1][-1]
            if _coordinated(text, tokens, previous.last, mention.first):
                runs[-1].append(mention)
            else:
                runs.append([mention])
        groups: list[list[tuple[ResolvedPlace, bool]]] = []
        for run in runs:
            admin_like = sum(1 for m in run if any(c.feature == "admin1" for c in m.candidates))
            between = _between_ends(tokens, run[0].first)
            # the way between two is the towns, but not where the words say governorates ("بين محافظتي كركوك وصلاح الدين")
            prefer_admin1 = len(run) >= 2 and admin_like >= 2 and (
                not between or (run[0].first and tokens[run[0].first - 1].text.lower() in _GOVERNORATE_PAIRS))
            resolved = [self.geocoder.resolve(m, tokens, context, prefer_admin1, anchors) for m in run]
            region_list = run[0].cue == ("region",)
            # "الطريق الواصل بين الرقة والحسكة": one place between two, not an incident in each
            if between and len(resolved) >= 2:
                # … somewhere on the way from one to the other: near either end, each the other's reading
                resolved = [dataclasses.replace(r, precision=max(r.precision, 2), alternatives=tuple(
                    place for other in resolved if other is not r for place in (other.place.id, *other.alternatives))
                    + r.alternatives) for r in resolved]
            if len(resolved) >= 2 and not region_list and not between and len({r.place.admin1 for r in resolved}) >= 2:
                groups.extend([[(r, True)] for r in resolved])
            else:
                groups.append([(r, False) for r in resolved])
        context.resolved.extend(r.coordinates for g in groups for r, _ in g)
        # Places of the first group's governorate in later runs make the first group more precise (but a road's end
        # towns give way to them, a governorate excepted: "على طريق دير الزور - تدمر قرب قرية …" is near the village).
        first_admin1 = groups[0][0][0].place.admin1
        if not groups[0][0][1]:
            for group in groups[1:]:
                for place, summary in group:
                    if not summary and place.place.admin1 == first_admin1:
                        groups[0].append((place, False))
            groups = [groups[0]] + [g for g in groups[1:] if g[0][1] or g[0][0].place.admin1 != first_admin1]
            if any(place.start not in way_ends and place.precision < 3 for place, _ in groups[0]):
                groups[0] = [item for item in groups[0] if item[0].start not in way_ends]
        for group in groups:
            group.sort(key=lambda item: item[0].precision)
        if not any(summary for group in groups for _, summary in group):
            chosen = min(groups, key=lambda group: (group[0][0].start in way_ends, group[0][0].precision))
            # governorates named elsewhere in the clause stay beside it, to say where a spanning feature lies
            chosen += [item for group in groups if group is not chosen for item in group
                       if item[0].place.feature == "admin1"]
            groups = [chosen]
        if _village_unplaced(tokens, mentions):
            # "هاجم مسلحو داعش قرية باربارا في طوز خورماتو", "attacked a village in Tuz Khurmatu": in a village the
            # gazetteer does not hold, near the town it lies in (GUIDELINES §2: "near" a town is precision 2)
            groups = [[(dataclasses.replace(place, in_village=True) if place.precision == 1
                        and place.place.feature == "city" else place, summary) for place, summary in group]
                      for group in groups]
        return groups

    def _governorate_seats(self, tokens: list[Token], found: list) -> list:
        """"أمام مبنى محافظة ديالى", "مجلس محافظة الأنبار": a governorate's building or council stands in its seat."""
        out = list(found)
        for k, mention in enumerate(out):
            if not (isinstance(mention, PlaceMention) and mention.first >= 2 and mention.cue == ("admin1",)
                    and bare_forms(tokens[mention.first - 2].text) & self.lexicons.seat_words):
                continue
            seats = {seat for c in mention.candidates if c.feature == "admin1"
                     for seat in [self.geocoder.seat(c.admin1)] if seat is not None}
            if len(seats) == 1:
                out[k] = dataclasses.replace(mention, candidates=tuple(seats), cue=("city",), weak=False)
        return out

    def _measured_from(self, tokens: list[Token], reference: PlaceMention) -> PlaceMention | None:
        """The scene of a place named only as the point a distance is measured from ("40 كم جنوب الرطبة",
        "60 km northwest of Kirkuk"): the district the distance and bearing lead to, or, where that is the
        reference's own district, near the reference (precision 2, as ACLED codes "near"). With no bearing,
        near the reference if it is close ("على بعد كيلومترات من …", up to `_MEASURED_NEAR_KM`); else none."""
        distance = _distance(tokens, reference.first)
        if distance is None:
            return None
        directions = _bearings(tokens[max(0, reference.first - 4) : reference.first])
        towns = [c for c in reference.candidates if c.feature not in ("admin1", "region", "border")]
        origin = max(towns or reference.candidates, key=lambda c: c.population)
        near = dataclasses.replace(reference, candidates=(origin,), relative=True)
        if not directions or distance == _UNKNOWN_DISTANCE:
            return near if distance <= _MEASURED_NEAR_KM or distance == _UNKNOWN_DISTANCE else None
        if distance > _MEASURED_FAR_KM:
            return None
        north = sum({"N": 1, "S": -1}.get(d, 0) for d in directions)
        east = sum({"E": 1, "W": -1}.get(d, 0) for d in directions)
        length = math.hypot(north, east) or 1.0
        lat = origin.lat + distance * north / length / 111.0
        lon = origin.lon + distance * east / length / (111.0 * math.cos(math.radians(origin.lat)))
        district = self.geocoder.district_at(lat, lon)
        if district is None:
            return None
        if district == self.geocoder.district_at(origin.lat, origin.lon):
            return near
        return dataclasses.replace(reference, candidates=(district,), relative=True, cue=("district",), weak=False)

    @staticmethod
    def _located_by_bearing(tokens: list[Token], found: list) -> list:
        """A village named with no cue word, then a bearing from a town it lies near ("in Thiban, east of Deir
        ez-Zor", "في ذيبان شرق دير الزور"): the bearing locates it as a cue word would."""
        out = list(found)
        for k in range(len(out) - 1):
            place, anchor = out[k], out[k + 1]
            if not (isinstance(place, PlaceMention) and isinstance(anchor, PlaceMention)) or place.cue or not (
                    place.minor and anchor.relative and not anchor.minor and 0 < anchor.first - place.last <= 4
                    and _bearings(tokens[place.last + 1 : anchor.first])):
                continue
            # (a governorate named as one is that governorate, not a town of its name: "شرق محافظة صلاح الدين")
            anchors = [a for a in anchor.candidates if anchor.cue != ("admin1",) or a.feature == "admin1"]
            near = tuple(c for c in place.candidates if any(
                haversine_km(c.lat, c.lon, a.lat, a.lon) <= _LOCATED_KM for a in anchors))
            if near:
                out[k] = dataclasses.replace(place, candidates=near, cue=("village", "city", "subdistrict"), weak=False)
        return out

    def _held_by_units(self, tokens: list[Token], mentions: list[PlaceMention]) -> list[PlaceMention]:
        """"قرية حرير التابعة لناحية الرشيد", "قرية … في قضاء …": the district or sub-district named right after a
        place holds it. Only the namesakes of both that agree stay; where none agree, the gazetteer lacks the
        place in that unit and the unit places the incident."""
        out = list(mentions)
        dropped: set[int] = set()
        for k in range(1, len(out)):
            place, unit = out[k - 1], out[k]
            if not unit.cue or not {"district", "subdistrict"} & set(unit.cue) or unit.relative:
                continue
            between = [token.text for token in tokens[place.last + 1 : unit.first]]
            if not between or not bare_forms(between[-1]) & _UNIT_CUES:
                continue
            if tuple(between[:-1]) not in self.lexicons.held_by:
                continue
            # "قضاء الحويجة وقضاء الرطبة": a list of units, the second no holder of the first
            if between[-1][:1] == "و" or (
                    place.cue and {"district", "subdistrict"} & set(place.cue)):
                continue
            units = [u for u in unit.candidates if u.feature in ("district", "subdistrict")]
            pairs = [(a, u) for a in place.candidates for u in units
                     if a.feature not in ("district", "subdistrict", "admin1") and a.admin1 == u.admin1
                     and a.admin2 == u.admin2 and a.country == u.country]
            if pairs:
                out[k - 1] = dataclasses.replace(place, candidates=tuple(dict.fromkeys(a for a, _ in pairs)))
                out[k] = dataclasses.replace(unit, candidates=tuple(dict.fromkeys(u for _, u in pairs)))
            elif units:
                dropped.add(k - 1)
        return [m for k, m in enumerate(out) if k not in dropped]

    def _government(self, tokens: list[Token], mention: PlaceMention, transferring: bool = False) -> bool:
        """A capital named as the subject of a verb: right after an Arabic feminine perfect ("تسلمت بغداد") or
        right before an English past tense ("Baghdad received"); or, of a transfer, the one people were handed to
        ("سلمت … إلى بغداد", "handed over … to Baghdad")."""
        lex = self.lexicons
        if mention.first != mention.last or not bare_forms(tokens[mention.first].text.lower()) & lex.governments:
            return False
        if transferring and mention.first and tokens[mention.first - 1].text.lower() in ("الي", "to"):
            return True
        if tokens[mention.first].text.isascii():
            following = tokens[mention.last + 1 : mention.last + 2]
            return bool(following) and following[0].text.islower() and (
                following[0].text.endswith("ed") or bool(lex.reporting.find(following)))
        before = tokens[mention.first - 1 : mention.first]
        return bool(before) and len(before[0].text) > 3 and before[0].text.endswith("ت") and not (
            before[0].text.endswith("ات")) and bool(lex.triggers.find(before) or lex.reporting.find(before))

    @staticmethod
    def _departs_from_country(tokens: list[Token], after: int) -> bool:
        """After ``after``, the clause names Iraq or Syria as where something came from ("from jails in Syria")."""
        known = countries()
        return any(bare_forms(token.text.lower()) & known.keys() and _departs_from(tokens[after + 1 : k])
                   for k, token in enumerate(tokens) if k > after)

    def _contained(self, tokens: list[Token], previous_last: int, first: int) -> bool:
        """The words between two names say the second contains the first ("… في مدينة …", "… district of …")."""
        between = [token.text.lower() for token in tokens[previous_last + 1 : first]]
        if between[-1:] == ["the"]:
            between.pop()
        if len(between) > 1 and between[-1] in _CITY_PARTS:  # "the Yarmouk neighbourhood of central Baghdad"
            between.pop()
        if len(between) > 1 and between[0] in TRAILING_CUES:  # "the Rashad subdistrict of Kirkuk": its cue word, then "of"
            between.pop(0)
        if not between and tokens[first].text.startswith("بمدينه"):
            between = ["بمدينه"]
        return tuple(between) in self.lexicons.containers

    def _names_something_else(self, tokens: list[Token], first: int, transfer: bool = False) -> bool:
        """A place that is not where the clause's incident happened: where people were heading or coming
        from ("باتجاه حديثة"), or part of a name: of an institution ("قيادة عمليات كركوك", "مستشفى الموصل"),
        of an outlet quoted after a standalone lām ("لـ"بغداد اليوم""), or a person's family name after a
        given name ("صالح العبيدي")."""
        if first == 0:
            return False
        before = tokens[first - 1].text
        if first >= 2 and (before in ("و", "and") or bare_forms(before) & _JOINED_DIRECTIONS):
            # "قيادة عمليات كركوك وشرق دجلة": the second name of a command's title is part of it too
            return self._institution(tokens, first - 2)
        if first >= 2 and bare_forms(before) & _ADMIN_CUES and self._institution(tokens, first - 1):
            return True  # "قيادة عمليات محافظة صلاح الدين"
        way = first - 1
        if way >= 1 and before == "the":  # "fled towards the Hamrin mountains"
            way -= 1
        departure = way >= 1 and tokens[way].text in ("من", "from")
        if way >= 1 and tokens[way].text in ("من", fold("الى"), "to", "from"):
            way -= 1
        if bare_forms(tokens[way].text) & self.lexicons.destinations:  # "باتجاه حديثة", "القادمين من …"
            return not (transfer and departure)  # … but where a transfer came from is its scene
        if transfer and not departure and bare_forms(tokens[way].text.lower()) & _ARRIVALS:
            return True  # "وصلت إلى مخيم الجدعة دفعة … قادمة من مخيم الهول": a transfer's end, not where it left
        # "عبد الصمد", "الجهم بن صفوان", "Abu Bakr ibn Hisham": a man's name, or his father's
        return before.lower() in ("ل", "عبد", "بن", "ابن", "bin", "ibn") or self._institution(tokens, first) or bool(
            # a family name after a given name has the article ("صالح العبيدي"); "على قاعدة عين الأسد" is
            # the preposition, folded like the name علي
            tokens[first].text.startswith("ال") and bare_forms(before) & self.geocoder.gazetteer.given_names)

    def _abroad_by_adjective(self, tokens: list[Token], mention: PlaceMention) -> bool:
        """A neighbour's adjective right after the town's name, or after the second word of it ("بلدة جيلان بينار
        التركية", "مدينة الرمثا الأردنية"), or before its English cue ("the Lebanese town of Hermel"): abroad."""
        adjectives = self.lexicons.abroad_adjectives
        after = [token.text.lower() for token in tokens[mention.last + 1 : mention.last + 3]]
        if after[:1] and after[0] in adjectives:
            return True
        if len(after) == 2 and after[1] in adjectives and not after[0].startswith(("ال", "بال", "وال", "لل", "فال", "كال")):
            return True  # (a word of the name the gazetteer lacks; not "بالمدفعية التركية", "الحدودية التركية")
        before = [token.text.lower() for token in tokens[max(0, mention.first - 3) : mention.first]]
        return len(before) == 3 and before[0] in adjectives and before[2] == "of"

    def _institution_after(self, tokens: list[Token], first: int, last: int) -> bool:
        """English: the place is the first word of an institution's name ("a member of the Deir ez-Zor Civil
        Council", "the Kirkuk Operations Command"), not the scene (as "مجلس دير الزور" is in Arabic); but after "in",
        "at" or "near" the building is the scene, standing in its city ("near Kirkuk University")."""
        if first and tokens[first - 1].text.lower() in _AT_A_BUILDING:
            return False
        following = [token.text.lower() for token in tokens[last + 1 : last + 4]]
        if following and following[0] in _INSTITUTION_ADJECTIVES:
            following = following[1:]
        # "stormed the building of the Kirkuk provincial council", "… the Kirkuk council building": the building
        if {token.text.lower() for token in tokens[max(0, first - 3) : first]} & _BUILDING_WORDS or (
                following[1:2] and following[1] in _BUILDING_WORDS):
            return False
        return bool(following) and tokens[last].text.isascii() and following[0] in self.lexicons.institutions_after

    def _institution(self, tokens: list[Token], first: int) -> bool:
        """The name at ``first`` follows the noun of an institution ("قيادة عمليات كركوك", "مستشفى الموصل")."""
        if first <= 0:
            return False
        phrases = [phrase for form in bare_forms(tokens[first - 1].text)
                   for phrase in self.lexicons.institutions.get(form, ())]
        named = next((phrase for phrase in phrases if first >= len(phrase) and all(
            word in bare_forms(tokens[first - len(phrase) + k].text) for k, word in enumerate(phrase))), None)
        if named is None:
            return False
        opening = first - len(named)  # "في جامعة الموصل": the building is the scene, in its city
        if bare_forms(tokens[opening].text) & self.lexicons.sites and (
                tokens[opening].text.startswith("ب") or (opening > 0 and tokens[opening - 1].text in ("في", "in", "at"))):
            return False
        # "اقتحم محتجون مبنى مجلس محافظة كركوك": the institution's building is the scene
        if opening > 0 and bare_forms(tokens[opening - 1].text) & _BUILDING_WORDS:
            return False
        # "قرب جامعة الموصل": the institution is a landmark of the scene
        return not any(bare_forms(t.text) & _LANDMARK_WORDS for t in tokens[max(0, first - 3) : first - 1])

    # -- one clause -----------------------------------------------------------------------------
    def _clause(self, document: Document, norm: NormalizedText, published: date | None, context: DocumentContext,
                state: _DocState, sentence: Span, sentence_tokens: list[Token], sentence_dates: list[DateMention],
                sentence_periods: bool, tokens: list[Token], groups: list, abroad: list[ForeignMention],
                previous_places: list[ResolvedPlace],
                sentence_index: int, paragraph_places: list[ResolvedPlace],
                next_places: Callable[[], tuple[list[ResolvedPlace], list[DateMention]]],
                carried: Trigger | None = None) -> list[_Mention]:
        lex = self.lexicons
        ministry = self._the_ministry(tokens, state)
        # every trigger of a chosen span: "wounded" is the IED trigger's where the clause names a bomb, else a toll's
        hits = lex.triggers.find(tokens, ties=True)
        exclusions = lex.exclusions.find(tokens, overlapping=True)
        excluded = {i for hit in exclusions for i in range(hit.first, hit.last + 1)}
        # a modifier's own exclusions ("طائرات مسيرة مفخخة" is no car bomb) drop only it
        excluded_modifiers = {(i, hit.payload) for hit in exclusions for i in range(hit.first, hit.last + 1)}
        words = {form for token in tokens for form in bare_forms(token.text)}
        stems = {form for token in tokens for form in match_forms(token.text)}
        cues = lex.cues.find(tokens, overlapping=True)
        if cues:
            covered = {i for hit in lex.cue_exclusions.find(tokens, overlapping=True)
                       for i in range(hit.first, hit.last + 1)}
            cues = [cue for cue in cues if cue.first not in covered]
        relatives = _english_relatives(norm.text, tokens)
        events: list[Hit] = []
        modifiers: list[Hit] = []
        elliptic = False  # a bare "ضربة" names the strike told before
        likeness = False  # "هجوم مماثل": an earlier incident named only to compare
        for hit in hits:
            trigger: Trigger = hit.payload
            if hit.first in excluded and not trigger.is_modifier:
                continue
            if hit.first and tokens[hit.first].text.startswith("ال") and bare_forms(
                    tokens[hit.first - 1].text) & _SITE_CUES:
                continue  # "ساحة التحرير": a definite word right after a site's cue is its name, no liberation
            if trigger.is_modifier:
                if (hit.first, trigger.id) not in excluded_modifiers:
                    modifiers.append(hit)
                continue
            if trigger.takes_type_of:
                named = next((name for name in reversed(state.triggers) if name in trigger.takes_type_of), None)
                if named is None:
                    continue
                trigger = lex.triggers_by_id[named]
                hit = Hit(trigger, hit.first, hit.last)
                elliptic = True
            if trigger.requires and not (trigger.requires & stems):
                continue
            word = tokens[hit.first].text
            if hit.first == hit.last and word.startswith("لل") and word.endswith("ات"):
                continue  # "منطلقا للهجمات", "مسرحا للاشتباكات": attacks of a kind, not one incident
            if hit.first and tokens[hit.first - 1].text in _RELATIVE_PRONOUNS and word[:1] in ("ي", "ت"):
                continue  # "الهجمات التي تستهدف المنطقة": what such attacks do, in the imperfect, is no incident
            if hit.first and tokens[hit.first - 1].text in _WAS and word[:1] in ("ي", "ت"):
                continue  # "أحبطت هجوما كان يستهدف تجمعا": what it was aiming at, which never happened
            if (state.triggers and hit.first >= 2 and tokens[hit.first - 1].text in _PASSIVE_AUXILIARIES
                    and tokens[hit.first - 2].text in _RELATIVE_PRONOUNS):
                continue  # "إن الوكر الذي تم استهدافه كان يضم …": what a blow the report told fell on, described
            if (state.triggers and hit.first == hit.last and word.startswith("ال") and hit.last + 2 < len(tokens)
                    and tokens[hit.last + 1].text in _RELATIVE_PRONOUNS
                    and tokens[hit.last + 2].text in _PASSIVE_AUXILIARIES):
                continue  # "المضافة التي تم قصفها …": a thing the report told a blow on, described again
            if self._blocked(hit, [cue for cue in cues if _same_side_of(relatives, cue.first, hit.first)], tokens,
                             norm.text):
                continue  # "the IS leader who planned the attack was arrested": the plan is the relative clause's
            if trigger.id == "regain" and (amounts(tokens[hit.last + 1 : hit.last + 2]) or (
                    hit.last + 1 < len(tokens) and tokens[hit.last + 1].text.lower() in _RECAPTURED_PEOPLE)):
                continue  # "recaptured 12 of them", "recaptured the escapees": people caught again, no ground
            compared = (hit.last + 1 < len(tokens) and bare_forms(tokens[hit.last + 1].text) & lex.likenesses) or (
                hit.first and tokens[hit.first - 1].text.lower() in lex.likenesses)
            if compared and not lex.counts.find(tokens):
                likeness = True
                continue  # "بعد أسبوع من هجوم مماثل": an earlier one told only as a likeness, with no figure of its own
            events.append(hit)
        if likeness:  # "وجاء الهجوم بعد أيام من هجوم مماثل في الدجيل": the incident told before, compared
            events = [hit for hit in events
                      if tuple(t.text.lower() for t in tokens[hit.first : hit.last + 1]) not in lex.references]
        # "نصبت المفارز كمينا أسفر عن اعتقال إرهابيين", "arrested an IS wali in an ambush": a security ambush is
        # how the arrest was made, not a fight of its own
        if any(hit.payload.id == "arrest" for hit in events):
            events = [hit for hit in events if not (hit.payload.id == "clash" and bare_forms(
                tokens[hit.last].text.lower()) & _AMBUSH_WORDS)]
        # "نفذ سجناء استعصاء … وسيطروا على أجزاء منه": prisoners who riot or break out take their prison, no ground
        if any(hit.payload.id in _INSIDE_PRISON for hit in events):
            events = [hit for hit in events if hit.payload.id != "takeover"]
        # "فجروا أنفسهم في سنجار، المنطقة التي شهدت اشتباكات قبل أسبوع", "the area, which has seen clashes": what
        # a place has seen describes it; the incident is told before
        for k in range(1, len(tokens) - 1):
            if tokens[k].text in _RELATIVE_PRONOUNS and bare_forms(tokens[k + 1].text.lower()) & lex.has_seen and any(
                    hit.last < k for hit in events):
                events = [hit for hit in events if hit.first < k]
                cut = (tokens[k].start, tokens[-1].end)  # nor are the forces it names sides of the incident
                sentence_tokens = [token for token in sentence_tokens if not cut[0] <= token.start < cut[1]]
                tokens = tokens[:k]
                break
        # "killed a suicide bomber before he reached the checkpoint", "arrested two would-be suicide bombers": the
        # bomber is who was killed or caught, no bombing took place
        events = [hit for hit in events if not (hit.payload.id == "suicide_attack" and any(
            other.payload.id in ("kill", "arrest") and 0 < hit.first - other.last <= 3 for other in events))]
        # "the IS leader who was behind the attack was arrested": what a relative clause tells of a participant is
        # told of other days, where the clause tells an incident outside it
        # (but "fired on people who were protesting", "arrested five Syrians who crossed illegally": the protest or
        # the crossing the relative clause tells is the people's own, of this incident)
        # (not one they "had" made before: "an IS leader who had infiltrated from Syria")
        outside = [hit for hit in events if not any(first <= hit.first <= last for first, last in relatives)
                   or hit.payload.id == "protest" or (hit.payload.id == "infiltration" and not (
                       hit.first and tokens[hit.first - 1].text in ("had", "has", "have")))]
        if outside:
            events = outside
        # "تظاهر العشرات احتجاجا على حملة الاعتقالات", "protested against SDF arrests": what a protest was against
        # is its grievance, told of other days, not an incident of this one
        protests = [hit for hit in events if hit.payload.id == "protest"]
        if protests:
            # (… or the object of the English verb: "to protest the killing of a man by SDF forces")
            events = [hit for hit in events if hit.payload.id == "protest" or not any(
                protest.last < hit.first and (any(bare_forms(token.text.lower()) & lex.grievances
                                                  for token in tokens[protest.last + 1 : hit.first])
                                              or _protested_object(tokens, protest, hit))
                for protest in protests)]
        # "اعتقلت القوات ثلاثة في الموصل، واثنين في تكريت": a clause of a number and a place, its verb left out,
        # tells another incident of the clause before
        carried_over = (not events and not hits and carried is not None and tokens[0].text.startswith("و")
                        and bool(amounts(tokens[:1])) and bool(groups))
        if carried_over:
            events = [Hit(carried, 0, 0)]
        # "The operation took place late Tuesday in the Wadi Hauran area": the incident told before, by its noun as
        # the clause's subject, given a place or a day of its own
        retold = (not events and not hits and bool(state.triggers) and self._opens_with_reference(tokens)
                  and bool(groups or find_dates(norm.text, tokens, published)))
        if retold:
            events = [Hit(lex.triggers_by_id[state.triggers[-1]], 0, 0)]
        state.triggers.extend(hit.payload.id for hit in events)
        if not events and any(modifier.payload.id == "operation" for modifier in modifiers):
            # "نفذت قوات الجيش عملية أمنية في …", then "وأسفرت العملية عن مقتل …": the operation's force acted
            country = groups[0][0][0].place.country if groups else None
            state.operation_force = next((name for hit in self._actor_hits(state.actors_in(tokens), tokens, state.switched)
                                          if hit.payload.side == "state" for name in [hit.payload.resolve(country)]
                                          if name), state.operation_force)
        if not events:
            return []
        if self._denied_after(tokens, sentence_tokens):
            return []  # "زعم التنظيم أنه قتل 10 …، فيما نفت قسد ذلك": the incident is denied in the same sentence
        written_dates = find_dates(norm.text, tokens, published)
        clause_dates = _after_dateline(norm.text, sentence, written_dates)
        if any(d.kind == "future" for d in clause_dates):
            return []
        # "arrested the IS leader, who planned last month's bombing, on Thursday": a date of the relative clause is its
        # own incident's, where the clause has one of its own
        if relatives:
            inside = [d for d in clause_dates if any(tokens[a].start <= d.start < tokens[b].end for a, b in relatives)]
            if inside and len(inside) < len(clause_dates):
                clause_dates = [d for d in clause_dates if d not in inside]
        # "the deadliest since the fall of the government in December": a date inside a span opened by "since" is
        # that span's start, no date of the incident
        clause_dates = _since_spans(norm.text, tokens, clause_dates)
        # "killing dozens since January": a running tally; but "the deadliest since January" is a reference point
        if any(d.kind == "since" and not self._superlative_before(tokens, d) for d in clause_dates) and not any(
                d.precision == 1 for d in clause_dates):
            return []
        # "… on Tuesday, with at least 25 killed since Sunday": the figures beside "since" are the span's tally
        tally_spans = [(d.start, d.end) for d in clause_dates
                       if d.kind == "since" and not self._superlative_before(tokens, d)]
        dated = [d for d in clause_dates if d.kind not in ("year", "since")]
        if self._like_many(tokens) and not any(d.precision == 1 for d in dated):
            return []  # "40 killed in similar attacks since January": a figure summed over other incidents
        # "تصاعد الهجمات", "a rise in attacks": a trend of incidents, none of them told
        events = [hit for hit in events if not self._trend(hit, tokens)]
        if not events:
            return []
        if not dated:
            events = [hit for hit in events if not self._of_a_kind(hit, tokens)]
            if not events:
                return []
        if not dated and any(d.kind == "year" for d in clause_dates):
            return []  # history given only by its year: not a dated incident (GUIDELINES §1)
        if not dated and not sentence_dates and sentence_periods:
            return []  # the sentence speaks of a year or a period of months, not of one dated incident
        # "ألقت القبض على السائق بعد انفجار الدراجة": what happened after an incident told before is the news;
        # but a toll "إثر هجوم" is the attack's own
        # "قبيل اغتياله", "بعد مقتله": a known incident named by its victim's pronoun, told before too
        told_before = [hit for hit in events if hit.first and (
            (bare_forms(tokens[hit.first - 1].text) & _AFTER_WORDS and _definite(tokens, hit))
            or (bare_forms(tokens[hit.first - 1].text) & _AROUND_WORDS
                and tokens[hit.first].text in lex.pronoun_counts))]
        news = [hit for hit in events if hit not in told_before and hit.payload.id not in _TOLL_TRIGGERS]
        main = max(news if told_before and news else events, key=lambda hit: hit.payload.rank)
        if main.payload.id == "abduction":  # "one killed and two kidnapped": an abduction with a killing is the killing
            main = next((hit for hit in events if hit.payload.id == "kill"), main)
        if main.payload.id == "clash":  # "سيطرت قسد على القرية بعد اشتباكات": a fight that changed who holds ground
            main = next((hit for hit in events if hit.payload.id in ("regain", "takeover")), main)
        # "قتل ثلاثة متظاهرين برصاص قوات الأمن", "fired live ammunition at protesters, killing two": force against a
        # protest, not a fight; protesters who storm or burn ("أحرق محتجون مبنى") riot
        force_on_protest = bool(protests) and main.payload.id in ("kill", "wound", "attack", "clash", "gunfire")
        rioting = bool(protests) and not force_on_protest and _rioting(tokens, protests[0].payload)
        # … and protesters who burn a flag or tyres ("أحرقوا الأعلام") protest: no property destroyed
        if force_on_protest or rioting or (protests and main.payload.id == "property_destruction"):
            main = protests[0]
        trigger: Trigger = main.payload
        handover = lex.triggers_by_id.get("handover")
        if trigger.id == "takeover" and handover is not None and _says_any(tokens, handover.peaceful):
            trigger = handover  # "تسلمت القوات الحكومية المخيم بعد انسحاب قسد": ground that changed hands, no fight
        # "149 هجوما في 2025", "12 من الهجمات", "carried out 15 attacks in February, killing 20": a tally of
        # incidents, not one (whichever of its words ranks first); but "قتل 4 وأصيب 6 آخرون بهجوم" counts people,
        # and its number does not stand right before the trigger
        tallied = any(_tallied(hit.first, tokens) for hit in events) or (bool(words & lex.tallies) and any(
            _tallied(k, tokens) for k, token in enumerate(tokens) if bare_forms(token.text.lower()) & lex.tallies))
        if tallied and not any(d.precision == 1 for d in dated) and (
                sentence_periods or any(d.precision == 3 for d in dated + sentence_dates)):
            return []  # over a year or a month; "اثنين من التفجيرات وقعا في سوق" are two bombings of one day
        tags = {tag for hit in events + modifiers for tag in hit.payload.tags}
        modifier_ids = {hit.payload.id for hit in modifiers}
        event_type, sub_type = trigger.event_type, trigger.sub_event_type
        if sub_type == "Remote explosive/landmine/IED" and "suicide" in tags and not any(
            hit.payload.id == "clash" for hit in events
        ):
            sub_type = "Suicide bomb"
        # … or the incident's word is what "أحبطت … هجوما انتحاريا" foiled: it never took place
        # … or the aim of a plot foiled ("foiled a plot by IS to attack the prison", "مخططا لمهاجمة السجن"): nobody
        # was attacked; those caught, or the plot itself, are the incident
        plotted = any(hit.payload.id == "foiled_plot" and 0 < main.first - hit.last <= 6 and (
            tokens[main.first - 1].text == "to" or (tokens[main.first].text.startswith("ل")
                                                     and not tokens[main.first].text.startswith("ال")))
            for hit in events) and event_type in ("Battles", "Violence against civilians")
        foiled = bool(words & _FOILED) and ("attempt" in modifier_ids or trigger.id == "escape" or plotted or any(
            hit.payload.id == "foiled_plot" and hit.first < main.first <= hit.last + 1 for hit in events))
        if foiled:
            tags.add("attempt")
            if event_type == "Explosions/Remote violence":  # the device never went off
                event_type, sub_type = "Strategic developments", "Disrupted weapons use"
            elif plotted:
                event_type, sub_type = "Strategic developments", (
                    "Arrests" if any(hit.payload.id == "arrest" for hit in events) else "Other")
                trigger = dataclasses.replace(trigger, agent="state")
        # "قتل جنديان بعبوة ناسفة", "محاولة اغتيال بعبوة لاصقة": a device's blow, whoever it hit; "هاجم انتحاري
        # يرتدي حزاما ناسفا مقرا": a bomber's
        device = tags & {"ied", "vbied"} or (trigger.id == "attack" and "suicide" in tags)  # not "قتلت انتحاريا"
        if trigger.id in ("attack", "kill", "wound", "toll_update", "execution") and device and not any(
            hit.payload.id == "clash" for hit in events
        ):
            event_type = "Explosions/Remote violence"
            sub_type = "Suicide bomb" if "suicide" in tags and trigger.id == "attack" else "Remote explosive/landmine/IED"
        if trigger.id == "attack" and event_type == "Battles" and any(
                bare_forms(tokens[k].text.lower()) & lex.aircraft and not any(
                    token.text in lex.exposed for token in tokens[max(0, k - 1) : k] + tokens[k + 1 : k + 3])
                for k in range(max(0, main.first - 4), min(len(tokens), main.first + 3))):
            # "طائرات مجهولة استهدفت شاحنات", "استهدفت طائرة حربية …": aircraft that attacked struck from the air;
            # "تعرضت مروحية لهجوم": one attacked did not; who struck is the air strike's agent, not its target
            event_type, sub_type = "Explosions/Remote violence", "Air/drone strike"
            trigger = lex.triggers_by_id.get("airstrike", trigger)
        if trigger.id == "kill" and event_type == "Battles" and self._aircraft_killed(tokens, main):
            # "Iraqi warplanes killed five militants", "قتلت طائرات التحالف خمسة": the aircraft struck
            event_type, sub_type = "Explosions/Remote violence", "Air/drone strike"
            trigger = lex.triggers_by_id.get("airstrike", trigger)
        if trigger.id == "weapons" and self._aircraft_destroyed(tokens, main):
            event_type, sub_type = "Explosions/Remote violence", "Air/drone strike"
            trigger = lex.triggers_by_id.get("airstrike", trigger)
        if trigger.id == "weapons" or (any(hit.payload.id == "weapons" for hit in events) and not any(
                hit.payload.id in ("suicide_attack", "self_detonation") for hit in events)):
            tags.discard("suicide")  # "ضبط أحزمة ناسفة": belts seized, no bomber (beside an arrest too)
        if trigger.id not in ("transfer", "camp_release"):
            tags.discard("detainee_transfer")  # "ambushed a convoy of troops": a fight, nobody handed over

        # place: the clause, else the clause before it in the sentence, else a reference back
        place_source = "clause"
        actor_found = self._actor_hits(state.actors_in(tokens), tokens, state.switched,
                                       accused=trigger.sub_event_type == "Arrests")
        # ("مفارز الوزارة": the ministry's detachments are the ministry's, no force of their own)
        actor_found = [hit for hit in actor_found if not any(m.first <= hit.first <= m.last for m in ministry)]
        actor_found = sorted(actor_found + self._latter(tokens, sentence_tokens, state) + ministry,
                             key=lambda hit: hit.first)
        actor_found = self._without_sources(actor_found, tokens, events)
        if trigger.id == "arrest" and words & lex.ordinary_crimes and not words & lex.conflict_words and not any(
                hit.payload.side in ("insurgent", "unknown") for hit in actor_found):
            return []  # "بتهمة تجارة المخدرات", "on drug charges": a crime, no incident of the conflict
        # "في لبنان": elsewhere; but a foreign force that acted ("نفذت إسرائيل ضربة") says nothing of the scene
        abroad = [m for m in abroad if not any(a.first <= m.first and m.last <= a.last for a in actor_found)]
        if not groups and abroad:
            return []  # "في لبنان": the incident is elsewhere; it borrows no place of Iraq or Syria
        if groups and abroad and _abroad_nearer(tokens, main, abroad, groups, lex.complements, lex.abroad_locative):
            return []  # "قال مسؤول في دمشق إن انفجارا وقع في بيروت": the place of the incident is the one beside it
        if not groups and _site_name(tokens) and not _refers_back(tokens):
            return []  # the clause names its own site ("سجن الأطباق"), one the gazetteer does not know
        if not groups and previous_places:
            groups = [[(previous_places[0], False)]]
            place_source = "sentence"
        if not groups and _refers_back(tokens) and state.places and (
            not _refers_to_desert(tokens) or state.places[-1].precision == 3
        ):  # "الصحراء" refers back only to a desert or a region, not to a town or a prison
            # (past governorates a background sentence listed, "in the same area" is the incident's told before)
            last = state.places[-1]
            if last.precision == 3 and state.told_places and state.told_places[-1].precision < 3 and (
                    not _refers_to_desert(tokens)):
                last = state.told_places[-1]
            unit = _same_unit(tokens)
            if unit == "district" and last.precision < 2:  # "in the same district": somewhere in the town's district
                last = dataclasses.replace(last, precision=2)
            elif unit == "governorate" and last.precision < 3:  # "في المحافظة نفسها": anywhere in its governorate
                last = self._governorate_of(last) or last
            groups = [[(last, False)]]
            place_source = "reference"
        if not groups:
            # only the definite noun itself ("داخل المخيم"), not the first word of a name ("سجن الأطباق")
            kinds = {feature for token in tokens for form in bare_forms(token.text) if form.startswith("ال")
                     for feature in _FEATURE_ANAPHORA.get(form, ())}
            kinds |= {feature for first, second in itertools.pairwise(tokens) if first.text.lower() == "the"
                      for feature in _FEATURE_ANAPHORA.get(f"the {second.text.lower()}", ())}  # "inside the camp"
            earlier = [place for place in state.places if place.place.feature in kinds]
            if earlier:
                groups = [[(earlier[-1], False)]]
                place_source = "reference"
        reference = retold or len(told_before) == len(events)  # "بعد انفجار الدراجة الأولى، فر السائق": told already
        if place_source != "clause" and all(
                tuple(t.text.lower() for t in tokens[hit.first : hit.last + 1]) in lex.references for hit in events):
            reference = True  # "وأعلن التنظيم مسؤوليته عن الهجوم": only the incident's noun, told again
        if (any(summary for group in groups for _, summary in group) and _definite(tokens, main) and not dated
                and not _has_count(tokens) and len(state.triggers) > len(events)):
            reference = True  # "the attack bore the hallmarks of IS, which has cells in Kirkuk, Salahuddin and Diyala":
            # the incident told before, named again beside the governorates where the group is
        only_toll = all(hit.payload.id in _TOLL_TRIGGERS for hit in events)  # "5-10 fighters were killed", placed before
        # "…، مشيرا إلى توقيف 12 شخصا" after "لإفشال المحاولة" in the sentence, or arrests counted in a sentence
        # with no place of its own: the incident told again
        # (and those caught foiling an escape or a crossing the report told before: "توقيف 18 كانوا يحاولون التسلل
        # خارج الأسوار")
        told_kinds = set(state.triggers[: len(state.triggers) - len(events)]) & _FOILED_BY_ARREST
        arrests_only = (all(hit.payload.id == "arrest" or hit.payload.id in told_kinds for hit in events)
                        and any(hit.payload.id == "arrest" for hit in events) and _has_count(tokens)
                        and len(state.triggers) > len(events))  # an incident was told before this clause
        # … but not after "في الأثناء", "Separately": another incident
        separate = _says_any(tokens[:4], lex.separate) or _says_any(sentence_tokens[:4], lex.separate)
        if not groups and state.places and not separate and (
                only_toll or elliptic or arrests_only or self._refers_to_incident(tokens)
                or self._refers_to_incident(sentence_tokens)):
            groups = [[(state.places[-1], False)]]
            place_source, reference = "incident", True
        if not groups and paragraph_places and (dated or _has_count(tokens)):
            # a detail sentence (with its own date or figure) of the incident the paragraph placed
            groups = [[(paragraph_places[0], False)]]
            place_source = "paragraph"
        next_day = None
        if not groups and not state.places and (dated or _has_count(tokens)):
            # a lead, before any place, that leaves the place to the sentence after it (and its day, where it gives
            # one and the lead none)
            following, following_days = next_places()
            if following:
                groups = [[(following[0], False)]]
                place_source = "next sentence"
                next_day = following_days[0] if len(following_days) == 1 else None
        if not groups:
            # a day, of the incident or of the statement that tells it ("قال الجيش أمس إن طائراته قصفت …")
            day = any(d.precision == 1 and ((d.start, d.end) not in state.announced or not (
                sentence_periods or any(other.precision > 1 for other in dated))) for d in dated or sentence_dates)
            figure = _figure(tokens, clause_dates)
            # "a raid in northern Syria …, killing …": the operation's word may name the country too
            scene = self._country_scene(tokens, events + modifiers, figure) if day or figure else None
            if scene is None:
                # "الإطاحة بوالي كركوك في داعش": the province of a group's title, where the report names no place
                scene = self._title_province(tokens)
            if scene is None:
                return []
            groups = [[(scene, False)]]
            place_source = "country"
        anchor = tokens[main.first].start
        if any(summary for group in groups for _, summary in group):
            # a list of governorates makes one event each only where the trigger governs it ("9 عمليات في …"), or
            # the operation it was told "during" ("detained 17 … during a sweep in Hasakah and Deir ez-Zor")
            governing = [tokens[main.first].start] + [tokens[hit.first].start for hit in hits if any(
                token.text in _DURING for token in tokens[max(0, hit.first - 6) : hit.first])]
            groups = [g for g in groups if not g[0][1] or min(abs(g[0][0].start - at) for at in governing) <= 90]
            if not any(g[0][1] for g in groups):
                groups = groups[:1]
            if not groups:
                return []
        # the most precise place; among equals, one named after the trigger (a source's town comes before it)
        groups = [sorted(group, key=lambda item: (item[0].precision == 3, item[0].start < anchor, item[0].precision,
                                                  abs(item[0].start - anchor)))
                  for group in groups]
        if len(groups) == 1 and not groups[0][0][1]:
            groups = [_governorate_named(groups[0], tokens)]
        last_told = next((p for p in reversed(state.told_places[-3:]) if p.precision < 3), None)  # the incident's
        if len(groups) == 1 and groups[0][0][0].place.feature == "border" and last_told is not None and (
                last_told.place.feature != "border") and self.geocoder.border(
                last_told.place.lat, last_told.place.lon)[0] <= _BORDER_AREA_KM:
            # "قرب الشريط الحدودي" after an incident told near Sinjar: that stretch of the border, not its midpoint
            groups = [[(dataclasses.replace(last_told, precision=max(last_told.precision, 2)), False)]]
            place_source = "reference"

        # date: the clause, the sentence, a date of the three sentences before, else publication
        # "في الأثناء، أصيب …", "Separately, …": another incident, which takes no period from the one before it
        if trigger.id in _FINDING:
            # "the bodies of four shepherds kidnapped by ISIS last week were found": the kidnapping's day, not the
            # finding's (GUIDELINES §6: bodies found take the day of discovery)
            dated = [d for d in dated if not _dates_what_befell(d, tokens)]
            sentence_dates = [d for d in sentence_dates if not _dates_what_befell(d, sentence_tokens)]
        # "found … two days after they were abducted", "عثر على الجثث بعد يومين من اختطافهم": the days count back to
        # the deed after "after", not to this one, told before them (but "ويأتي الهجوم بعد أيام من هجوم مماثل", "the
        # attack comes a week after …": the incident told before, named again, and the clause tells the earlier one)
        dated = [d for d in dated if not (d.kind == "earlier" and d.start > tokens[main.last].end
                                          and (trigger.id in _FINDING or not _definite(tokens, main)))]
        # "raising the toll of Friday's car bombing": the day English writes as the incident's own, before its word
        dated = sorted(dated, key=lambda d: not _day_of(d, norm.text, tokens, main))
        when, date_source = _choose_date(
            [d for d in dated if (d.start, d.end) not in state.announced],
            [d for d in sentence_dates if (d.start, d.end) not in state.announced], state, sentence_index, published,
            separate, sentence.paragraph)
        if date_source in ("publication", "none") and next_day is not None:
            when, date_source = next_day, "next sentence"
        if when is not None and when.kind == "same_day" and state.incident_day:
            when = dataclasses.replace(when, value=state.incident_day)  # "صباح اليوم ذاته", "later that day"
        if when is not None and when.kind == "earlier" and when.value and published and state.incident_day:
            # "ويأتي ذلك بعد يومين من اغتيال شيخ": two days before the incident just told, not before the report
            when = dataclasses.replace(when, value=state.incident_day - (published - when.value))
        own_announced = [d for d in sentence_dates if (d.start, d.end) in state.announced and d.value]
        announced = own_announced or [
            d for i, d in state.statements if 0 < sentence_index - i <= 3][-1:]  # "announced late Thursday …" before
        # (the sentence's own statement day before a day of the sentences before, which may be another incident's:
        # "وكانت قسد قد أعلنت الشهر الماضي اعتقال 30 …" after a campaign told "فجر الثلاثاء")
        if (date_source in ("publication", "none") or (date_source == "context" and own_announced)) and announced:
            # only the day of the statement: the incident was on it or before it (GUIDELINES §6)
            when, date_source = dataclasses.replace(announced[0], precision=max(announced[0].precision, 2)), "announcement"
        if when is not None and when.value and published and when.value > published + timedelta(days=1):
            return []
        if (when is not None and when.value and published and when.precision == 3 and date_source != "publication"
                and (published - when.value).days > BACKGROUND_DAYS and not _figure(tokens, clause_dates)):
            return []  # "the fall of the town in March 2019": vaguer background, no incident (GUIDELINES §6)

        actor_hits = actor_found or self._actor_hits(state.actors_in(sentence_tokens), sentence_tokens, state.switched)
        if not actor_found and actor_hits and event_type not in _VIOLENT:
            # "Detainees rioted at the prison, the SDF said": the source after the clause took no part
            actor_hits = self._without_sources(actor_hits, sentence_tokens, [
                hit for hit in lex.triggers.find(sentence_tokens) if hit.payload.event_type])
        date_spans = tuple((d.start, d.end) for d in (*clause_dates, *sentence_dates))
        actor_tokens = tokens if actor_found else sentence_tokens
        place_spans = [(place.start, place.end) for group in groups for place, _ in group]
        # a word of an actor inside a place's name ("حي العامل" is no worker), or right after a site's cue word
        # where the gazetteer holds no such place, is the place's
        actor_hits = [hit for hit in actor_hits if not any(
            s <= actor_tokens[hit.first].start and actor_tokens[hit.last].end <= e for s, e in place_spans)
            and not (hit.first and bare_forms(actor_tokens[hit.first - 1].text) & _SITE_CUES)]
        count_tokens = tokens
        if main.payload.id == "protest" and not force_on_protest:
            # "تظاهروا تنديدا بمقتل مزارعين", "to denounce the killing of two farmers": the grievance's dead are
            # not the protest's
            cut = next((k for k in range(main.last + 1, len(tokens))
                        if bare_forms(tokens[k].text.lower()) & self.lexicons.grievances
                        or (k == main.last + 1 and tokens[main.last].text in _PROTEST_VERBS
                            and tokens[k].text in _ENGLISH_ARTICLES_AND_POSSESSIVES)), None)
            count_tokens = tokens[:cut]
        elif main.payload.event_type in _VIOLENT:
            # "in retaliation for a drone attack that killed three soldiers", "ردا على هجوم أسفر عن مقتل …": the
            # incident answered, not the blow's own toll
            cut = next((k for k in range(main.last + 1, len(tokens))
                        if bare_forms(tokens[k].text.lower()) & self.lexicons.retaliations), None)
            count_tokens = tokens[:cut]
        if tally_spans:
            count_tokens = [token for k, token in enumerate(count_tokens) if not any(
                _same_segment(norm.text, count_tokens, k, start) for start, _ in tally_spans)]
        # every date written in the clause is no count, a dateline's too ("BAGHDAD, March 10 - Two soldiers …")
        counts, count_spans = self._counts(count_tokens, written_dates,
                                           [hit for hit in actor_found if hit.last < len(count_tokens)], place_spans)
        if carried_over and trigger.counts and counts.get(trigger.counts) is None:
            counts[trigger.counts] = amounts(tokens[:1])[0].value  # "واثنين": the count its verb would have taken
            count_spans[trigger.counts] = (tokens[0].start, tokens[0].end)
        group = counts.pop("group", None), count_spans.pop("group", None)
        if trigger.counts and counts.get(trigger.counts) is None and group[0]:
            counts[trigger.counts], count_spans[trigger.counts] = group  # "خلية مكونة من ثلاثة أشخاص"
        if "attempt" in tags:
            counts["escaped"] = None
        if trigger.id in _FINDING and counts.get("wounded") == 1 and counts.get("fatalities"):
            # "عثر على جثة شاب مصاب بطلقات نارية": the body's wounds, no one wounded
            counts["wounded"] = None
            count_spans.pop("wounded", None)
        if trigger.id == "arrest":  # "arrested a man suspected of the bomb that killed two": the toll is the bomb's
            for name in ("fatalities", "wounded"):
                counts[name] = None
                count_spans.pop(name, None)
        if event_type in _VIOLENT:  # "انفجرت العبوة دون وقوع إصابات": a reported none is 0
            for hit in lex.nobody_hurt.find(tokens):
                if any(bare_forms(token.text.lower()) & lex.unknown_hurt for token in tokens[hit.first : hit.last + 1]):
                    continue  # "دون معلومات عن إصابات": nothing is known of them
                for name in hit.payload:
                    # a suicide bomber's own death is no victim's ("فجر نفسه من دون وقوع ضحايا"): the dead stay untold
                    if counts.get(name) is None and not (name == "fatalities" and "suicide" in tags):
                        counts[name] = 0
                        count_spans[name] = (tokens[hit.first].start, tokens[hit.last].end)
        if trigger.id == "infiltration" and (counts.get("fatalities") or counts.get("arrested")):
            # a crossing met with fire is a fight, one met with arrests only is arrests, as raids are (GUIDELINES §3)
            event_type, sub_type = ("Battles", "Armed clash") if counts.get("fatalities") else (
                "Strategic developments", "Arrests")
            # … and the state force that met it acted, named or not
            trigger = dataclasses.replace(trigger, agent="state")
        site = _site_name(tokens)
        out = []
        for group in groups:
            place, summary = group[0]
            country, governorate = place.place.country, place.place.admin1
            actor1, actor2, actor_spans = _actors(actor_hits, actor_tokens, main, trigger, country, foiled,
                                                  lex.members, lex.exposed, date_spans, lex.nationalities,
                                                  lex.posts, lex.agent_markers, state.generic_forces.get(country),
                                                  lex.means_adjectives, governorate, lex.armies)
            if (actor1 is None and state.operation_force not in (None, actor2) and sub_type != "Air/drone strike"
                    and self._refers_to_incident(tokens)):
                actor1 = state.operation_force  # "وأسفرت العملية عن مقتل إرهابيين": the operation told before (its
                # aircraft's strikes are their owner's)
            if actor1 == "Civilians" and event_type not in ("Protests", "Riots"):
                # the victims never acted: "قتل مدنيان برصاص مجهولين", "a woman was found dead"
                violent = event_type != "Strategic developments"
                actor1, actor2 = actor2 or (UNIDENTIFIED if violent else None), "Civilians"
                actor_spans = {"actor2": actor_spans["actor1"]} | (
                    {"actor1": actor_spans["actor2"]} if "actor2" in actor_spans else {})
            if actor1 is None and (trigger.id == "transfer" or trigger.agent == "state"):
                # "Iraq repatriated 150 families", "تسلم العراق 300 معتقل", "Iraq closed the crossing": the country
                # that acted, its state
                actor1 = lex.armies.get(_country_subject(tokens, main) or "")
            if trigger.id == "handover" and actor1 is None and actor2 is None:
                continue  # "انسحب المرشح من الانتخابات": ground changes hands between forces, or not at all
            receiver = _receiver(actor_hits, actor_tokens, main, country, governorate) if trigger.id == "handover" else None
            if receiver is not None and receiver[0] != actor1:
                # "سلمت قسد سجن الشدادي إلى القوات الحكومية", "handed over the camp to": the force that took the
                # ground over is actor1 (as it is of "تسلمت"), the one that gave it actor2
                actor1, actor2 = receiver[0], actor1
                actor_spans = {"actor1": receiver[1]} | (
                    {"actor2": actor_spans["actor1"]} if "actor1" in actor_spans else {})
            final_type, final_sub = event_type, sub_type
            border_km, sector = self.geocoder.border(place.place.lat, place.place.lon)
            named = {COUNTRY_WORDS[w] for w in words if w in COUNTRY_WORDS}
            # "صد محاولة تسلل باتجاه قاطع شرق صلاح الدين", "repelled an infiltration attempt on their positions": an
            # attack crept up on a front far from the border and no country named is no crossing, but a fight
            crossing = bool(words & _BORDER_WORDS or named or border_km <= _BORDER_AREA_KM
                            or place.place.feature in ("crossing", "border"))
            if trigger.id == "infiltration" and not crossing and final_sub == "Other":
                final_type, final_sub = "Battles", "Armed clash"
            if trigger.id == "infiltration" and final_type == "Battles" and actor2 == "Civilians":
                # "قتل مدني برصاص حرس الحدود أثناء محاولته عبور الحدود": those shot crossing were civilians, not a fight
                final_type, final_sub = "Violence against civilians", "Attack"
            if final_sub == "Shelling/artillery/missile attack" and (
                lex.aircraft & words
                or actor1 in ("International Coalition", "Military Forces of the United States")
            ):
                final_sub = "Air/drone strike"
            if final_sub == "Air/drone strike" and actor1 is not None:
                # a ground force's operation with another's aircraft ("بإسناد جوي من طيران التحالف", "in coordination
                # with the coalition's airpower"): the strike is the aircraft's owner's
                striker = _air_force(actor_hits, actor_tokens, country, actor1, lex.aircraft)
                if striker is not None:
                    actor1 = striker
                    if actor2 == striker:
                        actor2 = None
            if (final_type in ("Battles", "Explosions/Remote violence") and actor2 is None
                    and actor1 in ("Islamic State", UNIDENTIFIED, None) and trigger.id != "clash"
                    and (counts.get("fatalities") or counts.get("wounded")) and words & _PEOPLE
                    and not any(hit.payload.side == "state" for hit in actor_hits)):
                actor2 = "Civilians"  # "قتل مسلحون شخصين", "a roadside bomb killed three people": no force was hit
            if final_type == "Battles" and trigger.id in ("kill", "wound", "attack", "clash", "gunfire") and (actor1 in (
                "Islamic State", UNIDENTIFIED, None
            ) or trigger.id != "clash") and (actor2 == "Civilians" or (actor2 is None and place.place.feature == "camp")):
                # unarmed victims of gunmen (شاب، راعي، مختار), or a killing inside a camp, with no force fighting;
                # a force that killed civilians too ("قتل شاب برصاص دورية لقسد"), but not in a fight between forces
                final_type, final_sub = "Violence against civilians", "Attack"
                actor1 = actor1 or UNIDENTIFIED  # somebody killed them
            if final_sub == "Government regains territory" and actor1 is not None and next(
                    (hit.payload.inter for hit in actor_hits if hit.payload.resolve(country, governorate) == actor1),
                    None) not in (None, 1):
                final_sub = "Non-state actor overtakes territory"  # "سيطرت قسد على قرى", "IS took control of"
            if final_type == "Violence against civilians" and final_sub == "Attack" and actor1 is None:
                actor1 = UNIDENTIFIED  # a killing, a body found: somebody did it (GUIDELINES §5)
            if final_type == "Violence against civilians" and actor2 is None and actor1 != "Civilians":
                actor2 = "Civilians"  # violence against civilians is against civilians, named or not
            if final_type == "Protests" and rioting:
                final_type, final_sub = "Riots", "Violent demonstration"
                actor1, actor2 = "Civilians", None if actor2 == "Civilians" else actor2
                actor_spans = {}
            elif final_type == "Protests" and ("intervention" in modifier_ids or force_on_protest):
                # "فرقت قوات الأمن المتظاهرين": the protesters act, the force that dispersed them is actor2; with
                # someone killed or wounded, excessive force (ACLED)
                hurt = bool(counts.get("fatalities") or counts.get("wounded"))
                final_sub = "Excessive force against protesters" if hurt else "Protest with intervention"
                if actor1 != "Civilians":
                    actor1, actor2 = "Civilians", actor1 or actor2
                    actor_spans = {"actor2": actor_spans["actor1"]} if "actor1" in actor_spans else {}
            elif final_type == "Protests":
                # "احتج المئات على اعتقالات قسد": the protesters act; the force they protest against did nothing here
                actor_spans = {"actor1": actor_spans["actor1"]} if actor1 == "Civilians" else {}
                actor1, actor2 = "Civilians", None
            event_tags = set(tags)
            for hit in actor_hits:
                actor: Actor = hit.payload
                # a side of the incident, or a force that took part in it ("بالتنسيق مع التحالف الدولي", "a joint
                # operation with the US-led coalition"): GUIDELINES §4's tags of who took part
                if (actor.resolve(country, governorate) in (actor1, actor2)
                        or _took_part(actor_tokens, hit, lex.participation) or any(
                            _sharing_noun(actor_tokens, other, hit) and other.payload.resolve(country, governorate)
                            in (actor1, actor2) for other in actor_hits)):
                    event_tags |= set(actor.tags)
            if place.place.feature == "camp":
                event_tags.add("camp")
            if not crossing:
                event_tags.discard("infiltration")
            if place.place.feature in ("crossing", "border") or ("infiltration" in event_tags):
                event_tags.add("border")
            if words & _BORDER_WORDS and (border_km <= 25 or (
                    # "على الشريط الحدودي مع سوريا غرب نينوى", "along the Syrian border west of Nineveh": a governorate
                    # the border runs along, and the other country named as what lies across it
                    place.precision == 3 and named - {country}
                    and self.geocoder.on_the_border(country, place.admin1 or place.place.admin1))):
                event_tags.add("border")
            if final_sub == "Other" and named - {country}:
                event_tags.add("border")
            if final_sub == "Disrupted weapons use" and named - {country} and border_km <= _BORDER_AREA_KM:
                event_tags.add("border")  # "أسلحة مهربة قادمة من الأراضي العراقية" seized near Albu Kamal
            if actor1 == UNIDENTIFIED or any(hit.payload.side != "state" and hit.payload.resolve(country, governorate)
                                             == actor1 for hit in actor_hits):
                event_tags.discard("security_operation")  # "Gunmen raided a house", "داهم مسلحون منزلا": no sweep
            if counts.get("transferred") is not None and final_type != "Strategic developments":
                # people moved after a blast ("150 people were moved to hospital") are no detainees handed over
                counts = counts | {"transferred": None}
                count_spans.pop("transferred", None)
            event = Event(
                doc_id=document.doc_id, event_type=final_type, sub_event_type=final_sub,
                tags=sorted(event_tags), event_date=when.value.isoformat() if when and when.value else None,
                # bodies found: the day of discovery, precision 2 (GUIDELINES §6)
                time_precision=max(when.precision or 2, 2 if trigger.id in _FINDING else 1) if when and when.value
                else None,
                actor1=actor1, actor2=actor2, country=country, admin1=place.admin1 or place.place.admin1 or None,
                admin2=None if place.spans_districts else place.place.admin2 or None, location=place.place.name,
                location_ar=_source_text(norm, document.text, place.start, place.end),
                latitude=round(place.place.lat, 5), longitude=round(place.place.lon, 5),
                geo_precision=place.precision, border_km=border_km, border_sector=sector,
                place_id=place.place.id, place_alternatives=list(place.alternatives),
                # one figure for several governorates ("12 arrests in Kirkuk, Salahuddin and Anbar") is none of theirs
                **(dict.fromkeys(counts) if summary and len(groups) > 1 else counts),
            )
            start, end = norm.source_span(sentence.start, sentence.end)
            event.evidence = [Evidence(document.text[start:end], start, end, ["event_type", "location"])]
            event.trace = _trace(norm, document.text, tokens, main, place, when, actor_spans, count_spans,
                                 place_source, _toll_risen(tokens, lex))
            out.append(_Mention(event, summary, date_source, site, place_source,
                                bool(when and when.value and when.precision == 1 and date_source == "clause"),
                                casualties_only=all(hit.payload.id in _TOLL_TRIGGERS for hit in events),
                                trigger=trigger.id, reference=reference,
                                headline=_headline(norm.text, sentence),
                                earlier=bool(when and when.kind == "earlier" and date_source == "clause"),
                                separate=separate,
                                toll_update=any(hit.payload.id == "toll_update" for hit in events),
                                gunfire=any(hit.payload.id in _GUNFIRE_TRIGGERS for hit in events)
                                or bool(words & lex.firearms),
                                village_of=place.place.id if place.in_village else None,
                                several=_several_incidents(tokens, lex),
                                estimate=_estimate(tokens, lex),
                                definite=(main.first == main.last and (
                                    tokens[main.first].text.startswith("ال")
                                    or (main.first > 0 and tokens[main.first - 1].text == "the")))
                                or self._opens_with_reference(tokens)))
        if out and when is not None and when.kind != "earlier" and when.precision == 1 and when.value and (
                date_source in ("clause", "sentence")):
            state.incident_day = when.value  # the day "بعد يومين من …" in a later clause counts back from
        return out

    def _actor_hits(self, matches: list[Hit], tokens: list[Token], switched: frozenset[str] | set[str] = frozenset(),
                    accused: bool = False) -> list[Hit]:
        """The forces named among the tokens (``matches``: the report's, cut to them), less those named as part
        of an outlet ("وكالة أنباء النظام") or of an accusation ("بتهمة التعامل مع قسد"); a form two forces share
        is the other's in a report that ``switched`` it ("قوى الأمن الداخلي" citing Syria's interior ministry)."""
        lex = self.lexicons
        before, after = lex.outlets
        hits = []
        reporting_last = -2  # the last token of an outlet's or a source's force, whose alias may follow it
        for hit in matches:
            actor: Actor = hit.payload
            if actor.alternative and actor.name in switched:
                hit = Hit(Actor(actor.alternative, actor.side, actor.country), hit.first, hit.last)
            if not accused and any(bare_forms(token.text.lower()) & lex.accusations
                                   for token in tokens[max(0, hit.first - 3) : hit.first]):
                continue  # "بتهمة التعامل مع قسد": what the victims were accused of (but those arrested "بتهمة
                # الانتماء لداعش" are the group's suspects: ``accused``)
            if hit.first == hit.last and bare_forms(tokens[hit.first].text.lower()) & lex.nationalities.keys() and not any(
                    _sharing_noun(tokens, hit, other) or _sharing_noun(tokens, other, hit) for other in matches):
                continue  # "إسرائيلي" is an adjective, not إسرائيل with "my": the noun before it is the force (but
                # "القوات العراقية والأمريكية", "US and Iraqi forces": it shares the noun of the force beside it)
            start = hit.first - 1 if hit.first and bare_forms(tokens[hit.first - 1].text) & _SOURCE_BODIES else hit.first
            # (a source in a body of the force: "مصدر في قيادة شرطة كركوك")
            preceding = tuple(token.text.lower() for token in tokens[max(0, start - 3) : start])
            following = tokens[hit.last + 1].text.lower() if hit.last + 1 < len(tokens) else ""
            if following == "and" and hit.last + 3 < len(tokens) and tokens[hit.last + 3].text.lower() in after:
                following = tokens[hit.last + 3].text.lower()  # "police and medical sources"
            if following in after or any(len(phrase) <= len(preceding) and preceding[len(preceding) - len(phrase):] == phrase
                                         for phrase in before) or hit.first == reporting_last + 1:
                reporting_last = hit.last  # … 'قوى الأمن الداخلي "الأسايش"': the alias reports with it
                continue
            hits.append(hit)
        # "two Peshmerga soldiers", "جنود البيشمركة", "جندي في البيشمركة": a force's members named by a common noun
        # are that force's, not the country's army (English names the force first; Arabic names the members first,
        # and "قتل مسلحون جنديين" is the subject, then the object)
        # "Islamic State (ISIS)", "قوات سوريا الديمقراطية (قسد)": a name and its alias right after it are one mention
        merged: list[Hit] = []
        for hit in hits:
            if merged and hit.payload.name is not None and merged[-1].payload.name == hit.payload.name and (
                    hit.first == merged[-1].last + 1):
                merged[-1] = Hit(merged[-1].payload, merged[-1].first, hit.last)
            else:
                merged.append(hit)
        hits = merged
        named = [hit for hit in hits if hit.payload.name is not None]
        # "Islamic State (ISIS) militants", "مسلحو داعش", "مسلحين من داعش": armed men named beside their group (or
        # "of" it) are the group's
        hits = [hit for hit in hits if hit.payload.side != "unknown" or not any(
            other.payload.side not in ("unknown", "civilian")
            and (other.last + 1 == hit.first or hit.last + 1 == other.first
                 or (hit.last + 2 == other.first and tokens[hit.last + 1].text in ("من", "of")))
            for other in named)]
        return [hit for hit in hits if hit.payload.name is not None or not any(
            (other.last + 1 == hit.first and tokens[hit.first].text.isascii())
            or (hit.last + 1 == other.first and not tokens[hit.first].text.isascii()
                and not tokens[hit.first].text.startswith("ال") and other.payload.side != "civilian"
                # "قوات الحشد" is one force; "قوات الجيش والحشد" two, joined by و
                and not tokens[other.first].text.startswith("وال"))
            or (other.first == hit.last + 2 and tokens[hit.last + 1].text in _MEMBER_OF)
            for other in named)]

    def _without_sources(self, hits: list[Hit], tokens: list[Token], events: list[Hit]) -> list[Hit]:
        """Less the forces that only report ("Iraqi police said gunmen stormed a house", "قالت الشرطة إن مسلحين
        قتلوا"): a force right before or after a reporting verb, with another force named after the verb and
        before the incident's trigger (GUIDELINES §5: the source quoted is never an actor; but "the army said it
        killed" names the army alone, which acted)."""
        verbs = self.lexicons.reporting.find(tokens)
        sources = set()
        for verb in verbs:
            told = min((hit.first for hit in events if hit.first > verb.last), default=None)  # what it reports
            if told is None:
                # "Detainees rioted at the prison, the SDF said": a trailing source of a riot, a protest or a
                # transfer took no part (of a blow, "…, the army said" may be the force that struck, unless the
                # clause names who struck before it: "IS militants killed three shepherds …, police said")
                # … nor one an Arabic attribution names after its verb ("…، وفق ما أفادت الشرطة"), unless it is
                # the only one who may have struck ("قتل مختار برصاص مسلحين، بحسب ما أفادت الشرطة")
                attributed = not tokens[verb.first].text.isascii() and verb.first > 0 and (
                    tokens[verb.first - 1].text in _ATTRIBUTING)
                trailing = [hit for hit in hits if events and hit.first > max(event.last for event in events) and (
                    hit.last + 1 == verb.first or (attributed and 0 < hit.first - verb.last <= 3))]
                if events and (all(hit.payload.event_type not in _VIOLENT for hit in events) or any(
                        (other.last < min(event.first for event in events) and other.payload.side != "civilian"
                         and not _counted(other, tokens, (), self.lexicons.members))
                        # … or after it as the agent of its passive ("abducted by suspected IS militants")
                        or (other not in trailing and any(0 < other.first - event.last <= 4 and "by" in {
                            token.text for token in tokens[event.last + 1 : other.first]} for event in events))
                        or (attributed and other not in trailing and _named_striker(other, tokens)) for other in hits)
                        # … or of a blow from afar that it is the only force to name: "A drone struck the airport,
                        # police said" (the one that struck tells of whom it struck: "an airstrike killed five IS
                        # militants, the army said")
                        or (all(hit.payload.event_type == "Explosions/Remote violence" for hit in events) and not any(
                            other not in trailing and other.payload.name is not None and other.payload.side != "civilian"
                            for other in hits))):
                    if all(hit.payload.id == "arrest" for hit in events) and not any(
                            other.payload.side == "state" for other in hits if other not in trailing):
                        # "Dozens were arrested in a sweep …, the Asayish said": only a state's force arrests, and
                        # the one that tells of arrests no other force made made them
                        trailing = [hit for hit in trailing if hit.payload.side != "state"]
                    sources |= {id(hit) for hit in trailing}
                continue
            # (English names the source after its verb only inverted after a comma, "…, said the army"; "the monitor
            # said regime forces shelled …" names who shelled)
            inverted = not tokens[verb.first].text.isascii() or (
                verb.first > 0 and tokens[verb.first].start - tokens[verb.first - 1].end > 1)
            source = next((hit for hit in hits if hit.last + 1 == verb.first or (hit.first == verb.last + 1 and inverted)),
                          None)
            if source is not None and _itself(tokens, verb.last + 1):
                continue  # "the army said it repelled an ISIS attack", "قال الجيش إنه صد هجوما لداعش": it acted
            if source is not None and all(hit.payload.event_type in _VIOLENT for hit in events) and any(
                    other.payload.side == "civilian" and verb.last < other.first for other in hits):
                # "قالت قسد إن امرأتين قتلتا في المخيم", "the SDF said two women were killed": it tells of civilians
                # others killed (where it did, its statement opens with its own pronoun, above)
                sources.add(id(source))
                continue
            # … but "قال الجيش التركي إن طائراته قصفت": its own aircraft, named by no country, are the source's; and
            # "the Joint Operations Command said 12 IS militants were killed": those counted suffered, the command's
            # forces acted
            if source is not None and any(other is not source and verb.last < other.first and other.last < told
                                          and other.first > source.last and not other.payload.nationality_only
                                          and not (other.payload.side != source.payload.side
                                                   and _counted(other, tokens, ()))
                                          for other in hits):
                sources.add(id(source))
        return [hit for hit in hits if id(hit) not in sources]

    def _the_ministry(self, tokens: list[Token], state: _DocState) -> list[Hit]:
        """"مفارز الوزارة", "the ministry's forces": the ministry the report named last, where the clause names it
        only so; a ministry named in the clause becomes the one named last."""
        hits = state.actors_in(tokens)
        named = [hit for hit in hits if any(token.text in _MINISTRY for token in tokens[hit.first : hit.last + 1])]
        if named:
            state.ministry = named[-1].payload
            return []
        if state.ministry is None:
            return []
        taken = {k for hit in hits for k in range(hit.first, hit.last + 1)}
        generic = {hit.last: hit.first for hit in hits if hit.payload.name is None}  # "مفارز", "قوات" before it
        return [Hit(state.ministry, generic.get(k - 1, k), k) for k, token in enumerate(tokens)
                if k not in taken and (token.text == "الوزاره" or (
                    token.text == "ministry" and k and tokens[k - 1].text == "the"))
                and not (k + 1 < len(tokens) and tokens[k + 1].text.startswith("ال"))]  # not "الوزارة العراقية"

    def _latter(self, tokens: list[Token], sentence_tokens: list[Token], state: _DocState) -> list[Hit]:
        """"اعتقلت الأخيرة 15 شابا", "the latter arrested": the force named last before the clause, where the
        clause refers to it."""
        at = next((k for k, token in enumerate(tokens) if (token.text in _THE_LATTER and not (
            k and tokens[k - 1].text.startswith("ال"))) or (  # but "الأسبوع الأخير": an adjective
            token.text == "latter" and k and tokens[k - 1].text == "the")), None)
        if at is None:
            return []
        before = [token for token in sentence_tokens if token.end <= tokens[0].start]
        named = [hit for hit in self._actor_hits(state.actors_in(before), before, state.switched)
                 if hit.payload.name is not None]
        return [Hit(named[-1].payload, at, at)] if named else []

    def _attribution(self, tokens: list[Token], state: _DocState) -> None:
        """Note the armed group a sentence says carried out an incident ("أعلن داعش مسؤوليته"), and the forces it
        names by their aircraft ("بإسناد من طيران التحالف", "the coalition's airpower")."""
        hits = state.actors_in(tokens)
        state.airborne |= {hit.payload.name for hit in hits if hit.payload.name and hit.payload.side == "state"
                           and _airborne(hit, tokens, self.lexicons.aircraft)}
        if not any(bare_forms(token.text) & self.lexicons.attribution for token in tokens):
            return
        for hit in state.actors_in(tokens):
            if hit.payload.side == "insurgent":
                state.attributed.add(hit.payload.resolve(None))

    def _governorate_of(self, place: ResolvedPlace) -> ResolvedPlace | None:
        """The governorate that holds a place, at precision 3 ("in the same province" after a town of it)."""
        admin1 = place.admin1 or place.place.admin1
        governorate = next((p for p in self.geocoder.gazetteer.lookup(admin1 or "") if p.feature == "admin1"
                            and p.admin1 == admin1), None)
        return None if governorate is None else ResolvedPlace(governorate, 3, place.start, place.end, ())

    def _title_province(self, tokens: list[Token]) -> ResolvedPlace | None:
        """The governorate a group's title names ("والي كركوك", "أمير ولاية الرقة", "the IS wali of Kirkuk"),
        precision 3: where its holder acted, in a report that names no other place."""
        for k, token in enumerate(tokens[:-1]):
            if not bare_forms(token.text.lower()) & _GROUP_TITLES:
                continue
            first = k + 2 if tokens[k + 1].text.lower() == "of" else k + 1
            named = next((m for m in self.geocoder.gazetteer.find(tokens[first : first + 4]) if m.first == 0), None)
            place = named and max(named.candidates, key=lambda c: (c.feature == "admin1", c.population))
            if place and place.feature in ("admin1", "city"):
                return self._governorate_of(ResolvedPlace(place, 3, tokens[first].start, tokens[first].end, ()))
        return None

    def _country_scene(self, tokens: list[Token], events: list[Hit], figure: bool) -> ResolvedPlace | None:
        """Iraq or Syria named as the scene of an event or operation word just before it ("ضربة جوية في شمال
        العراق", "killed in Syria", "a raid in Syria that killed"), or, for a toll, by the nationality of the
        people it counts ("قتل 12 جنديا عراقيا"): the country, precision 3."""
        lex, known = self.lexicons, countries()
        if figure:  # "قتل أحد عناصر القوات العراقية": a force of the country whose members the toll counts
            by_code = {place.country: place for place in known.values()}
            for hit in lex.actors.find(tokens):
                named = [t for t in tokens[hit.first : hit.last + 1]
                         if t.text.lower() not in known and COUNTRY_WORDS.get(t.text.lower())]
                if named and _suffered(hit, tokens, lex.members):
                    return ResolvedPlace(by_code[COUNTRY_WORDS[named[0].text.lower()]], 3, named[0].start, named[0].end, ())
        for k, token in enumerate(tokens[1:], start=1):
            place = next((known[form] for form in bare_forms(token.text.lower()) if form in known), None)
            before = bare_forms(tokens[k - 1].text.lower())
            # "transferred 150 detainees … from Syria to Iraq", "من سجون قسد في شمال شرق سوريا": a transfer is
            # placed where it left (GUIDELINES §6), the country after its "from" and before any "to"
            departure = any(hit.payload.id == "transfer" and 0 < k - hit.last <= 2 * lex.country_window
                            and _departs_from(tokens[hit.last + 1 : k]) for hit in events)
            if place is None or not (departure or any(0 < k - hit.last <= lex.country_window for hit in events)):
                continue
            scene = departure or bool(before & lex.country_scene) or (token.text[:1] == "ب" and token.text[1:3] == "ال")
            preposition = k - 1 if scene and not before & {"في", "in"} else k
            governed = tokens[preposition - 2 : preposition] if preposition >= 2 else tokens[:preposition]
            if scene and not any(bare_forms(t.text.lower()) & lex.conflicts for t in governed):
                return ResolvedPlace(place, 3, token.start, token.end, ())
        return None

    def _announcement_dates(self, tokens: list[Token], dates: list[DateMention]) -> set[tuple[int, int]]:
        """Spans of the dates that stand between a reporting verb and the complement that opens what it
        reports ("قالت الشرطة اليوم، الثلاثاء 12 من الشهر، إن …"): the day of the statement."""
        verbs = self.lexicons.reporting.find(tokens)
        claims = {k for k, token in enumerate(tokens) if token.text.lower() in _CLAIM_VERBS}
        if not (verbs or claims) or not dates:
            return set()
        complements = self.lexicons.complements
        starts = [token.start for token in tokens]
        # "اليوم، الثلاثاء 12 من الشهر، إن": a date in apposition to the statement's day is that day too
        in_dates = {k for d in dates for k in range(bisect_left(starts, d.start), bisect_left(starts, d.end))}
        out = set()
        for mention in dates:
            first = bisect_left(starts, mention.start)
            last = bisect_left(starts, mention.end) - 1
            after = [token for k, token in enumerate(tokens[last + 1 :], start=last + 1) if k not in in_dates][:3]
            # … the date before the statement's first complement: "قالت إن الهجوم وقع ليل الاثنين، وإن …" dates
            # what it reports
            if any(0 < first - verb.last <= 12 and not any(bare_forms(token.text.lower()) & complements
                                                            for token in tokens[verb.last + 1 : first])
                   for verb in verbs) and any(bare_forms(token.text.lower()) & complements for token in after):
                out.add((mention.start, mention.end))
            elif tokens[first].text.isascii() and any(0 < first - verb.last <= 3 for verb in verbs) and after and (
                    after[0].text in _CLAUSE_OPENERS or after[0].text.isdigit()):
                # "announced late Thursday it had killed": English drops the "that" (but "reported on Monday,
                # marking the sixth killing" closes the report it attributes)
                out.add((mention.start, mention.end))
            elif tokens[first].text.isascii() and any(0 < first - verb.last <= 2 for verb in verbs) and (
                    not after or tokens[last + 1].start - tokens[last].end > 1):
                # "…, officials said Wednesday.": the attribution that closes the clause dates the statement (and
                # one a comma closes: "…, officials said Thursday, days after militants killed …")
                out.add((mention.start, mention.end))
            elif not tokens[first].text.isascii() and not after and any(
                    0 < first - verb.last <= 4 and not tokens[verb.first].text.startswith("ال") for verb in verbs):
                # "…، وفق ما أفاد مصدر طبي اليوم الثلاثاء.": the attribution that closes the clause, as in English
                # (a verb, not a definite noun of its root: "في بلدة الأشارة مساء أمس" names a town)
                out.add((mention.start, mention.end))
            elif not tokens[first].text.isascii() and any(0 < first - verb.last <= 6 for verb in verbs) and after and (
                    self.lexicons.triggers.find(after[:1]) or self.lexicons.counts.find(after[:1])):
                # "أعلنت خلية الإعلام الأمني، اليوم الثلاثاء، مقتل ضابط": the verbal noun after the day is what was
                # announced, the day the statement's
                out.add((mention.start, mention.end))
            elif any(0 < first - k <= 3 for k in claims) and "responsibility" in {
                    token.text.lower() for token in tokens[max(0, first - 2) : last + 3]}:
                # "IS claimed responsibility on Tuesday for an attack": the day of the claim, not of the attack
                out.add((mention.start, mention.end))
        return out

    def _like_many(self, tokens: list[Token]) -> bool:
        """Incidents named in the plural as like the one told ("in similar attacks", "في هجمات مماثلة"): a figure of
        the clause sums other incidents."""
        lex = self.lexicons
        for k, token in enumerate(tokens):
            if not bare_forms(token.text.lower()) & lex.likenesses:
                continue
            for near in tokens[max(0, k - 1) : k] + tokens[k + 1 : k + 2]:
                word = near.text.lower()
                singular = word[:-1] if word.endswith("s") else word[:-2] if word.endswith("ات") else ""
                if singular and (lex.triggers.find([dataclasses.replace(near, text=singular)])
                                 or lex.triggers.find([near])):
                    return True
        return False

    def _of_a_kind(self, hit: Hit, tokens: list[Token]) -> bool:
        """A plural event noun after a word of quantity ("العديد من الهجمات", "a string of attacks"); a noun of
        the people who act ("hundreds of protesters", "dozens of infiltrators") is the size of one crowd."""
        word = tokens[hit.first].text
        if hit.first != hit.last or not word.endswith(("ات", "s")) or word.lower().endswith(("ers", "ors")):
            return False
        before = {form for token in tokens[max(0, hit.first - 3) : hit.first] for form in bare_forms(token.text)}
        return bool(before & self.lexicons.generic_quantifiers)

    @staticmethod
    def _superlative_before(tokens: list[Token], mention: DateMention) -> bool:
        """A superlative or "first" stands in the four words before a "since" span ("the deadliest since January",
        "أعنف هجوم منذ"): the span is a reference point."""
        first = next((k for k, token in enumerate(tokens) if token.start >= mention.start), len(tokens))
        first = next((k for k in range(first, max(-1, first - 12), -1) if k < len(tokens)
                      and tokens[k].text in ("since", "منذ")), first)  # the span's "since"
        return any(bare_forms(token.text.lower()) & _SUPERLATIVES for token in tokens[max(0, first - 4) : first])

    def _trend(self, hit: Hit, tokens: list[Token]) -> bool:
        """A plural event noun up to three words after a word of trend ("تصاعد الهجمات", "a rise in IS attacks")."""
        word = tokens[hit.first].text
        if hit.first != hit.last or not word.endswith(("ات", "s")) or word.lower().endswith(("ers", "ors")):
            return False
        return any(bare_forms(token.text.lower()) & self.lexicons.trends
                   for token in tokens[max(0, hit.first - 3) : hit.first])

    def _joined_clauses(self, text: str, clause: Span, tokens: list[Token],
                        found_in: Callable[[list[Token]], list], published: date | None) -> list[Span]:
        """A clause and another joined by "، و" (or "، كما") right before the other's event word, each naming a
        place and a day of its own, the days differing, are two incidents ("قتل مسلحون عنصرا في البصيرة يوم 3
        آذار، وأصيب عنصران قرب ذيبان يوم 5 آذار"); so are two joined by "و" or "and", each with its event word and a
        place in a governorate of its own ("مقتل ثلاثة في كركوك واعتقال أربعة في نينوى"); what one force did next, or
        a toll ("…، وقتلت شخصا واعتقلت اثنين"، "…، وأصيب اثنان آخران"), stays in its clause."""
        lex = self.lexicons
        for k in range(1, len(tokens) - 1):
            comma = bool({"،", ","} & set(text[tokens[k - 1].end : tokens[k].start]))
            # "هجومين، الأول استهدف …، والثاني استهدف …": the second of incidents counted out, its word right after
            # (and the first, after a comma: "شهدت ديالى هجومين، الأول استهدف …")
            ordinal = (tokens[k].text.startswith("و") and bool(bare_forms(tokens[k].text) & _ORDINALS)) or (
                comma and tokens[k].text in ("الاول", "الاولي"))
            if tokens[k].text == "and":  # "… in Tarmiyah and two policemen were wounded … in Dibis"
                told = tokens[k + 1 : k + 6]
            elif ordinal:
                told = tokens[k + 1 : k + 3]
            else:
                word = k + 1 if tokens[k].text == "كما" and comma else k
                told = tokens[word : word + 1] if tokens[word].text.startswith("و") or word > k else []
            if not told or not (lex.triggers.find(told) or lex.counts.find(told)):
                continue
            placed = [m for m in found_in(tokens) if isinstance(m, PlaceMention)]
            if not (any(m.last < k for m in placed) and any(m.first >= k for m in placed)):
                continue
            if tokens[k].text == "and" and any(m.first == k + 1 for m in placed):
                continue  # "on the road between Tuz Khurmatu and Kifri …, killing": places joined, not clauses
            # … each told in a governorate of its own (a town or unit after "في" or "ريف", or a name after its cue
            # word, in one governorate only; no dateline, no name that is also a word), the second counting people of
            # its own ("ومتظاهرين أكرادا في كركوك" is only more of an object); but not where the second tells more of
            # the first ("وأصيب اثنان آخران", "واعتقل خلالها", "and five others arrested")
            scenes = [(m, regions) for m in placed if (m.cue is not None or not m.ambiguous)
                      and not _dateline(text, tokens, m) and (
                m.cue is not None or (
                    (m.locative or m.relative) and any(p.feature not in MINOR_FEATURES for p in m.candidates)))
                for regions in [_regions(m)] if len(regions) == 1]
            regions_before = {region for m, regions in scenes if m.last < k for region in regions}
            regions_after = {region for m, regions in scenes if m.first >= k for region in regions}
            forms_after = {form for token in tokens[k:] for form in bare_forms(token.text.lower())}
            counted = any(amount.value for amount in amounts(tokens[k:]))
            apart = bool(regions_before and regions_after) and not regions_before & regions_after and not (
                forms_after & _MORE_OF_IT) and counted
            # … or, in one governorate, where the second is named as another incident of its own kind ("وأصيب اثنان
            # بقصف مماثل على قرية في ريف الباب", "… in a separate attack in …") at another named place
            rest = tokens[k:]
            another = ordinal or any(
                hit.last + 1 < len(rest) and bare_forms(rest[hit.last + 1].text.lower()) & _ANOTHER_INCIDENT
                for hit in lex.triggers.find(rest))
            ids_before = {p.id for m, _ in scenes if m.last < k for p in m.candidates}
            ids_after = {p.id for m, _ in scenes if m.first >= k for p in m.candidates}
            apart = apart or (another and counted and bool(ids_before and ids_after) and not ids_before & ids_after)
            if not comma and not apart:
                continue
            days_before = {d.value for d in find_dates(text, tokens[:k], published) if d.value}
            days_after = {d.value for d in find_dates(text, tokens[k:], published) if d.value}
            if apart or (days_before and days_after and not days_before & days_after):
                head = Span(clause.start, tokens[k - 1].end, clause.paragraph, clause.sentence)
                rest = Span(tokens[k].start, clause.end, clause.paragraph, clause.sentence)
                return [head, *self._joined_clauses(text, rest, tokens[k:], found_in, published)]
        return [clause]

    def _aircraft_destroyed(self, tokens: list[Token], main: Hit) -> bool:
        """Aircraft are the subject of the destruction ("تمكنت طائرات القوة الجوية من تدمير مضافة", "دمرت طائرات
        التحالف وكرا"): an air strike, not a cache destroyed on the ground; aircraft right after the verb are its
        subject where their owner follows them ("طائرات التحالف", "طائرات F-16"), its object otherwise ("دمرت
        طائرة مسيرة")."""
        aircraft = self.lexicons.aircraft
        if any(bare_forms(token.text.lower()) & aircraft for token in tokens[max(0, main.first - 6) : main.first]):
            return True
        k = main.first + 1
        return k + 1 < len(tokens) and bool(bare_forms(tokens[k].text.lower()) & aircraft) and (
            tokens[k + 1].text.startswith("ال") or tokens[k + 1].text.isascii())

    def _aircraft_killed(self, tokens: list[Token], main: Hit) -> bool:
        """Aircraft are the subject of the killing: right before an English verb in the active ("Iraqi warplanes
        killed", not "two pilots aboard the helicopter were killed"), or right after an Arabic one with their owner
        after them ("قتلت طائرات التحالف")."""
        aircraft = self.lexicons.aircraft
        if tokens[main.first].text.isascii():
            k = main.first - 1
            return k >= 0 and bool(bare_forms(tokens[k].text.lower()) & aircraft)
        k = main.first + 1
        return (main.first == main.last and k + 1 < len(tokens) and bool(bare_forms(tokens[k].text.lower()) & aircraft)
                and (tokens[k + 1].text.startswith("ال") or tokens[k + 1].text.isascii()))

    def _opens_with_reference(self, tokens: list[Token]) -> bool:
        """The clause's subject is the incident's noun told again: at its start or right after "أن"/"that"
        ("The operation, backed by jets, targeted a cave …", "وذكر البيان أن العملية استهدفت خلية …")."""
        texts = [t.text.lower() for t in tokens]
        starts = [0] + [k + 1 for k, text in enumerate(texts[:10]) if text in _THAT]
        if texts and bare_forms(texts[0]) & _TOOK_PLACE:
            starts.append(1)  # "وجرت العملية فجر الثلاثاء في …": the verb before its subject
        return any(tuple(texts[k : k + len(phrase)]) == phrase for k in starts for phrase in self.lexicons.references)

    def _refers_to_incident(self, tokens: list[Token]) -> bool:
        """The clause names the report's incident again ("أسفرت العملية", "the operation")."""
        texts = [t.text for t in tokens]
        forms = [bare_forms(t.text) for t in tokens]
        for phrase in self.lexicons.references:
            n = len(phrase)
            for i in range(len(texts) - n + 1):
                if (n == 1 and phrase[0] in forms[i]) or tuple(texts[i : i + n]) == phrase:
                    return True
                if n == 2 and texts[i] == phrase[0] and phrase[1] in texts[i + 2 : i + 3]:
                    return True  # "the overnight operation"
        return False

    def _denied_after(self, tokens: list[Token], sentence_tokens: list[Token]) -> bool:
        """A later clause of the sentence denies what this one told: a denial cue, then "ذلك" or "this" within
        three words ("فيما نفت قسد ذلك", "which the SDF denied … this")."""
        end = tokens[-1].end
        later = [token for token in sentence_tokens if token.start >= end]
        if not later:
            return False
        for cue in self.lexicons.cues.find(later, overlapping=True):
            if cue.payload == "denial" and any(bare_forms(token.text.lower()) & _BACK_REFERENCES
                                               for token in later[cue.last + 1 : cue.last + 4]):
                return True
        return False

    def _blocked(self, hit: Hit, cues: list[Hit], tokens: list[Token], text: str = "") -> bool:
        """A cue stands where it makes the trigger no incident (a negation before it, a plan anywhere before it …);
        but what someone "was planning" does not reach past a comma and "و" that open the next deed ("خلية كانت
        تخطط لتفجير، وألقت القوات القبض على أفرادها": the arrest was made)."""
        for cue in cues:
            window, anywhere, after, spares = self.lexicons.cue_windows[cue.payload]
            if (cue.first <= hit.last and cue.last >= hit.first) or hit.payload.id in spares:
                continue
            if window == 0 and not anywhere and text and cue.first and tokens[cue.first - 1].text in _WAS and any(
                    tokens[k].text.startswith("و") and ("،" in text[tokens[k - 1].end : tokens[k].start]
                                                         or "," in text[tokens[k - 1].end : tokens[k].start])
                    for k in range(cue.last + 1, hit.first + 1)):
                continue
            if anywhere or (after and hit.last < cue.first <= hit.last + after):
                return True
            if cue.payload == "habitual" and hit.payload.id == "wound" and cue.first > hit.last:
                return True  # "وأصيب عشرة أشخاص في هجمات متفرقة": the wounded of recurring attacks
            if cue.last < hit.first and (window == 0 or hit.first - cue.last <= window) and not any(
                    bare_forms(t.text) & _SINGLED_OUT for t in tokens[cue.last + 1 : hit.first]):
                return True  # but "في هجمات متفرقة كان من أبرزها هجوم انتحاري": the one singled out happened
        return _modal_qad(tokens, hit.first)

    @staticmethod
    def _joined_count(found: list[Amount], tokens: list[Token], span: tuple[int, int], counted_elsewhere: set[int],
                      date_ranges: list[tuple[int, int]], actor_tokens: set[int], rank_tokens: set[int],
                      count_cues: list[Hit]) -> Amount | None:
        """A number joined by "و"/"and" (or "مع", "along with") to the figure counted at ``span``: "مقتل ضابط وخمسة
        جنود"; but "قتل شاب وأصيب والده": a count word between them counts the second."""
        return next((a for a in found if a.value and tokens[a.first].start > span[1]
                     and tokens[a.first].start not in counted_elsewhere  # "قتيلان وثلاثة جرحى"
                     # "60 امرأة وطفلا": women and children, sixty in all (a pair that names one group)
                     and not (a.implicit and a.first and tokens[a.first - 1].text in _WOMEN
                              and bare_forms(tokens[a.first].text) & _CHILDREN
                              # (but "مقتل امرأة وطفل": a woman and a child, each counted by its own noun)
                              and not any(b.implicit and b.last == a.first - 1 for b in found))
                     and not any(s <= tokens[a.first].start < e for s, e in date_ranges)  # "الحادي والعشرين"
                     and ((_joined_by_and(tokens, a.first)
                           and len([t for k, t in enumerate(tokens) if span[1] <= t.start < tokens[a.first].start
                                    and k not in actor_tokens and k not in rank_tokens and t.text != "من"]) <= 2)
                          # "عنصر من قسد وشخص آخر", "ضابط برتبة ملازم أول وجنديان"
                          or _along_with(tokens, a.first)  # "… was captured, along with six others"
                          # "قتلوه مع اثنين من أبنائه", "قتل قيادي في قسد مع اثنين آخرين": with those right after
                          # the one counted (or after his force)
                          or (a.first >= 2 and tokens[a.first - 1].text in ("مع", "with")
                              and all(k in actor_tokens or k in rank_tokens  # "قيادي … أبو علي مع ثلاثة"
                                      or tokens[k].text in ("من", "في", "of", "in", "was", "were")
                                      or any(c.first <= k <= c.last for c in count_cues)
                                      for k, t in enumerate(tokens[: a.first - 1]) if t.start >= span[1])))
                     # but "قتل شاب وأصيب والده": a count word between them counts the second ("along with" never)
                     and (_along_with(tokens, a.first)
                          or not any(c.first <= a.last and tokens[c.first].start >= span[1]
                                     for c in count_cues))), None)

    def _counts(self, tokens: list[Token], dates: list[DateMention], actors: list[Hit],
                places: list[tuple[int, int]] = ()) -> tuple[dict, dict]:
        """Counts of the clause: each number goes to the nearest count word, dates, actor names and places (with
        their cue word and preposition) between them not counted in the distance: "اعتقلت قوة من الشرطة في
        محافظة كركوك متهماً" arrests one."""
        lex = self.lexicons
        # "عائلات قتلى التنظيم", "families of those killed": the dead of other days, named for their kin
        count_cues = [cue for cue in lex.counts.find(tokens) if not (
            (cue.first and bare_forms(tokens[cue.first - 1].text) & _KIN_OF) or (
                cue.first >= 2 and tokens[cue.first - 1].text == "of" and tokens[cue.first - 2].text in _KIN_OF)
            or (cue.first >= 3 and tokens[cue.first - 2].text == "of" and tokens[cue.first - 3].text in _KIN_OF))]
        # "بعد وفاة جريح", "وفاة أحد الجرحى": a wounded man who died is counted dead only (GUIDELINES §6)
        count_cues = [cue for cue in count_cues if not (
            cue.payload == "wounded" and bare_forms(tokens[cue.first].text) & _WOUNDED_PEOPLE
            and any(bare_forms(token.text) & _DYING for token in tokens[max(0, cue.first - 2) : cue.first]))]
        # "أثناء محاولته اعتقال مطلوب", "trying to arrest a suspect", "حاولت قوة أمنية اعتقال": an arrest tried (the
        # force that tried may stand between), no one arrested
        lowered = [token.text.lower() for token in tokens]
        named = {k for actor in actors for k in range(actor.first, actor.last + 1)}

        def tried(first: int) -> bool:
            while first and first - 1 in named:
                first -= 1
            return any(tuple(lowered[max(0, first - len(words)) : first]) == words for words in lex.attempts)

        # … and a killing only tried: "محاولة اغتيال", "survived an assassination attempt"
        count_cues = [cue for cue in count_cues if not (cue.payload in ("arrested", "fatalities") and (
            tried(cue.first) or (cue.last + 1 < len(tokens) and lowered[cue.last + 1] in _ATTEMPT_NOUNS)))]
        english = sum(token.text.isascii() for token in tokens) * 2 > len(tokens)
        date_ranges = [(d.start, d.end) for d in dates]
        in_place = [any(s <= token.start < e for s, e in places) for token in tokens]
        for k in range(len(tokens) - 1, 0, -1):  # the cue word and the preposition before a place go with it
            if in_place[k] and not in_place[k - 1] and bare_forms(tokens[k - 1].text) & _PLACE_LEAD:
                in_place[k - 1] = True
        qualifying = {k for hit in lex.qualifiers.find(tokens) for k in range(hit.first, hit.last + 1)}  # "at least"
        # "اعتقلت قوة من اللواء 22 في الحشد ثلاثة مطلوبين": a unit's name and number stand between the verb and its count
        numbered_units = {j for k in range(len(tokens) - 1) if bare_forms(tokens[k].text.lower()) & lex.unit_words
                          and amounts(tokens[k + 1 : k + 2]) for j in (k, k + 1)}
        # "Twelve members of IS, including a so-called emir, were detained": an aside between commas that tells part
        # of a count stands between the figure and its word
        aside = {k for start in range(1, len(tokens)) if english and tokens[start].start - tokens[start - 1].end >= 2
                 and any(tuple(lowered[start : start + len(words)]) == words for words in lex.subsets)
                 for end in [next((j for j in range(start + 1, min(len(tokens), start + 8))
                                   if tokens[j].start - tokens[j - 1].end >= 2), None)] if end is not None
                 for k in range(start, end)}
        # "the U.S.-backed Syrian Democratic Forces": who backs a force is part of its name, as whose it is ("the
        # Syrian government's General Security"), where the name starts
        backers = {k for a in actors if a.first >= 2 and (tokens[a.first - 1].text.lower() in lex.backed or (
                   tokens[a.first - 1].text == "s" and tokens[a.first - 1].start - tokens[a.first - 2].end == 1))
                   for k in range(max(0, a.first - 4), a.first)
                   if k >= a.first - 2 or tokens[k].text.lower() not in ("of", "the", "a", "an", "من")}
        name_starts = {a.first for a in actors} | {k for k in backers if k - 1 not in backers}
        skip = [0] * (len(tokens) + 1)
        for k, token in enumerate(tokens):
            inside = (any(s <= token.start < e for s, e in date_ranges) or any(a.first <= k <= a.last for a in actors)
                      # … and the preposition before a date ("قتل في هجوم في كانون الثاني الماضي خمسة")
                      or (token.text in ("في", "in", "on") and k + 1 < len(tokens)
                          and any(s <= tokens[k + 1].start < e for s, e in date_ranges))
                      or k in backers
                      or in_place[k] or (token.text == "من" and k and any(a.first == k + 1 for a in actors))
                      # "a member of the SDF was killed": the force's "of the" stands between the count and its verb
                      or (token.text in ("of", "the") and bool(name_starts & {k + 1, k + 2}))
                      or k in qualifying or k in aside or k in numbered_units)
            skip[k + 1] = skip[k] + inside
        # "مقتل وإصابة 12 شخصا", "12 قتيلا وجريحا", "killed or wounded": one figure for both, so neither is known
        # ("26 شخصا قتلوا وأصيب تسعون" gives each its own figure: two figures around the pair are two counts)
        # "ضابط برتبة نقيب": the rank after a title is the same man, no second person
        found = [a for a in amounts(tokens) if not (a.implicit and a.first and tokens[a.first - 1].text in _RANK_WORDS)]
        combined = {number for number, (cue, other) in enumerate(itertools.pairwise(count_cues))
                    if {cue.payload, other.payload} == {"fatalities", "wounded"} and (
                        (other.first == cue.last + 1 and tokens[other.first].text.startswith("و"))
                        or (other.first == cue.last + 2 and tokens[cue.last + 1].text in ("or", "and")))
                    and len([a for a in found if a.value and (cue.first - 4 <= a.first < cue.first or (
                        other.last < a.first <= other.last + 3 and not a.implicit))]) == 1  # "في اشتباك مسلح" counts none
                    # "لقي ثلاثة حتفهم وأصيب آخر": the second word has a figure of its own right after it
                    and not any(a.implicit and a.first == other.last + 1 for a in found)
                    # "لقي أربعة جنود حتفهم وأصيب خمسة": the first has its own inside its idiom
                    and not any(a.value and cue.first < a.first and a.last < cue.last for a in found)
                    for number in (number, number + 1)}
        # each count word takes its nearest number; a number goes to its nearest count word
        nearest: dict[int, tuple[int, str, int | None, tuple[int, int]]] = {}
        gaps: dict[int, int] = {}  # the raw token distance of each count word's figure, to break ties
        # "ما أدى لمقتله"، "إصابته بجروح"، "killing him" (its two words: "killing him and his son" joins the son)
        pronouns = [Amount(value, k, k + width) for k, token in enumerate(tokens)
                    for after in [tokens[k + 1].text if k + 1 < len(tokens) else ""]
                    for value, width in [next(((lex.pronoun_counts[key], width) for f in bare_forms(token.text)
                                               for width, key in enumerate((f, f"{f} {after}"))
                                               if key in lex.pronoun_counts), (None, 0))]
                    if value]
        if pronouns:
            found = sorted(found + pronouns, key=lambda amount: amount.first)
        cue_tokens = {k for cue in count_cues for k in range(cue.first, cue.last + 1)}
        actor_tokens = {k for actor in actors for k in range(actor.first, actor.last + 1)}
        # a definite adjective inside a force's name of several words is no person counted ("مجلس منبج العسكري");
        # "جنديان", "an IS official", "a local official" are
        named_inside = {k for actor in actors if actor.last > actor.first for k in range(actor.first + 1, actor.last + 1)
                        if tokens[k].text.startswith("ال")}
        # where a word that opens a part of a count ends ("بينهم", "including"): an amount right after it is that part
        subset_ends = {k + len(words) for words in lex.subsets for k in range(len(tokens) - len(words) + 1)
                       if tuple(lowered[k : k + len(words)]) == words}
        subset_end: int | None = None  # the last token of a part of a count given ("بينهم امرأتان")
        subsets: set[int] = set()  # where such parts start: no count is joined to them ("سبعة … بينهم امرأتان وطفل")
        for amount in found:
            span = (tokens[amount.first].start, tokens[amount.last].end)
            if any(s <= span[0] < e for s, e in date_ranges) or (amount.implicit and amount.first in named_inside):
                continue
            word = tokens[amount.first].text
            if (amount.first == amount.last and amount.first > 0 and number_word(word) in (1, 2)
                    and amount.first - 1 not in cue_tokens and not english
                    and (not word.startswith("و") or word in _ONE_WORDS)):  # "شخص واحد": one, not "and"
                # one and two follow the noun they count ("مقتل مقاتلين اثنين"): the count stands where the noun does,
                # and where the noun counts itself ("شخص واحد"), it is that count already
                if any(other.implicit and other.first == amount.first - 1 for other in found):
                    continue
                amount = Amount(amount.value, amount.first - 1, amount.last)
            following = tokens[amount.last + 1].text if amount.last + 1 < len(tokens) else ""
            preceding = tokens[amount.first - 1].text if amount.first > 0 else ""
            # "5 قتلى بينهم طفلان", "three civilians, including a child": part of a count already given (in English
            # an article or an adjective may stand between)
            if any(end in subset_ends for end in range(max(1, amount.first - 3), amount.first + 1)
                   if end == amount.first or tokens[end].text.isascii()):
                subset_end = amount.last
                subsets.add(span[0])
                continue
            # … and those joined to it ("بينهم امرأتان وطفل"), and "two of them seriously", "four of whom were
            # civilians" after a count (but "two of whom later died" tells a death, see `of_them`)
            if (subset_end is not None and amount.first == subset_end + 1 and (
                    word.startswith("و") or (amount.first and tokens[amount.first - 1].text == "and"))) or (
                    english and any(tuple(t.text.lower() for t in tokens[amount.last + 1 : amount.last + 1 + len(w)]) == w
                                    for w in lex.of_them)
                    and not any(amount.last < cue.first <= amount.last + 5 for cue in count_cues)
                    # "… shepherds, killing three of them": right after its count word (no comma between: "were
                    # wounded, two of them seriously" is a part), the figure of that count, a qualifier between
                    # ("killed at least 11 of them")
                    and not any(cue.last == amount.first - 1 - sum(1 for k in range(cue.last + 1, amount.first)
                                                                   if k in qualifying)
                                and tokens[cue.last + 1].start - tokens[cue.last].end <= 1 for cue in count_cues)):
                subset_end = amount.last
                subsets.add(span[0])
                continue
            # a number counts the noun after it; a singular noun ("مواطن يوم السبت") is that noun itself
            # the noun a number counts follows it bare ("27 كيلومترا"); "جنديان بهجوم" is a toll, and "بهجوم" how
            if (following in lex.not_people and (not amount.implicit or word in ("احد", "احدي"))) or (
                    bare_forms(preceding) & lex.unit_words):  # "27 كيلومترا", "إحدى النقاط العسكرية"
                continue
            if english and word.lower() == "one" and preceding.lower() == "of" and following.lower() in lex.families:
                continue  # "three members of one family": the family they belong to, no one more counted
            best = None
            for number, cue in enumerate(count_cues):
                if cue.first <= amount.first and cue.last >= amount.last:
                    distance = 0  # a count word in the dual is its own number ("قتيلان")
                elif cue.last < amount.first:
                    distance = amount.first - cue.last - (skip[amount.first] - skip[cue.last + 1])
                elif cue.first > amount.last:
                    distance = cue.first - amount.last - (skip[cue.first] - skip[amount.last + 1])
                    if english and not amount.implicit:
                        distance = max(1, distance - 2)  # "three soldiers were killed and four others were wounded"
                    elif cue.first == amount.last + 1 and not amount.implicit and not tokens[cue.first].text.startswith("و"):
                        distance = 0  # the noun a number counts: "قتيلان وثلاثة جرحى"; but "مقتل 3 وإصابة 5"
                else:
                    continue
                if english and cue.last < amount.first and (_object_of(tokens, cue, amount.first, actor_tokens,
                                                                        qualifying) or {
                        tokens[k].text for k in range(cue.last + 1, amount.first) if k not in actor_tokens} <= {
                        "of", "a", "an"} and tokens[cue.last + 1].text == "of") or (
                        tokens[cue.last].text == "of" and amount.first == cue.last + 1) or (
                        amount.first == cue.last + 3 and tokens[cue.last + 1].text in _SELF
                        and tokens[cue.last + 2].text in ("and", "with")):
                    # the verb's object: "killed two shepherds and wounded a third", "killed himself and three
                    # soldiers"; the noun's: "the killing of a tribal leader", "the death of three soldiers"
                    distance = 0
                inside = cue.first <= amount.first and cue.last >= amount.last  # "جثة", "قتيل": itself one
                # "killed Abu Yusif, a senior ISIS leader": the one the verb named, told again by "a" and his title
                appositive = english and cue.last + 1 < amount.first and any(
                    tokens[j].text in ("a", "an") and j > cue.last + 1 and tokens[j].start - tokens[j - 1].end >= 2
                    for j in range(amount.first - 1, amount.first - 4, -1))  # ", a (senior) …": a comma before "a"
                if amount.implicit and not inside and not appositive and not (
                        (cue.last < amount.first and distance <= 2) or (
                        cue.first > amount.last and distance <= (3 if english else 1))):
                    continue  # "عنصر" or "أحد" counts one only right after the count word, or right before it
                    # ("ان شخصا قتل")
                window = lex.count_window + english  # "five of their fighters were killed"
                # of two count words as near, Arabic counts the one before ("مقتل 3"), English the one after
                # ("ten militants were killed and five others arrested")
                closer = best is None or distance < best[0] or (
                    distance == best[0] and english and cue.first > amount.last)
                if distance <= window and closer:
                    best = (distance, number)
            if best is None:
                continue
            distance, number = best
            inside_cue = count_cues[number].first <= amount.first and count_cues[number].last >= amount.last
            value = None if number in combined and (not inside_cue or amount.implicit) else amount.value  # "قتيلان وجريحان"
            cue = count_cues[number]
            gap = amount.first - cue.last if cue.last < amount.first else max(0, cue.first - amount.last)
            # of two figures as near once names are passed over, the one that stands nearer in the text
            # ("ثلاثة رعاة … وقتلوا أحدهم": one killed)
            if number not in nearest or (distance, gap) < (nearest[number][0], gaps[number]):
                nearest[number] = (distance, cue.payload, value, span)
                gaps[number] = gap
        # "مقتل ضابط وخمسة جنود", "injuring an officer and two soldiers": a number joined by "و" or "and" to a
        # counted one adds to its count; a rank told of the first ("برتبة ملازم أول") stands between them
        rank_tokens = {k + step for k, token in enumerate(tokens) if token.text in _RANK_WORDS for step in range(3)}
        # "قتل الإرهابي المدعو أبو محمد و3 من مرافقيه": a name told after its word stands between them too
        rank_tokens |= _named(tokens) | qualifying  # … and a qualifier of his title ("الوالي المزعوم")
        for number, (distance, name, value, span) in list(nearest.items()):
            counted_elsewhere = {other[3][0] for key, other in nearest.items() if key != number} | subsets
            joined = self._joined_count(found, tokens, span, counted_elsewhere, date_ranges, actor_tokens, rank_tokens,
                                        count_cues)
            if joined is not None and value is not None:
                # each in turn: "ثلاثة جنود وشرطيان ومدني"
                while joined is not None:
                    value, span = value + joined.value, (span[0], tokens[joined.last].end)
                    joined = self._joined_count(found, tokens, span, counted_elsewhere, date_ranges, actor_tokens,
                                                rank_tokens, count_cues)
                nearest[number] = (distance, name, value, span)
                continue
            # "An Iraqi army officer and two soldiers were killed", "Three SDF fighters, two policemen and a
            # civilian were killed": in English the ones before the counted figure, each noun (up to three words)
            # between them, joined by "and" or a comma
            start = next((k for k, token in enumerate(tokens) if token.start == span[0]), None)
            total, first = value, start
            # (not a pronoun's: "a shepherd …, killing him" is the one before, not one more)
            while english and first is not None and total is not None and not any(p.first == start for p in pronouns):
                opening = first - 1 if first > 0 and tokens[first - 1].text in ("a", "an") else first
                if opening > 0 and tokens[opening - 1].text in _ENGLISH_POSSESSIVES:
                    opening -= 1  # "a woman and her three children"
                before = next((a for a in found if a.value and a.last + 2 <= opening <= a.last + 5 and (
                    tokens[opening - 1].text == "and" or tokens[opening].start - tokens[opening - 1].end >= 2)  # ", "
                    and not any(other.first > a.last and other.last < opening for other in found)
                    and tokens[a.first].start not in counted_elsewhere
                    and not any(s <= tokens[a.first].start < e for s, e in date_ranges)
                    and not any(a.last < c.first < start for c in count_cues)), None)
                if before is None:
                    break
                total, first = total + before.value, before.first
            if first is not None and first != start:
                nearest[number] = (distance, name, total, (tokens[first].start, span[1]))
        # "ارتفاع حصيلة قتلى الهجوم … إلى 9", "the death toll rose to nine": the figure a toll rose to is its count
        for amount in found:
            if amount.value and amount.first >= 2 and tokens[amount.first - 1].text in _UP_TO and any(
                    bare_forms(token.text) & _TOLL_WORDS for token in tokens[: amount.first - 1]):
                cue = next((number for number in range(len(count_cues) - 1, -1, -1)
                            if count_cues[number].last < amount.first - 1), None)
                if cue is not None:
                    nearest[cue] = (0, count_cues[cue].payload, amount.value,
                                    (tokens[amount.first].start, tokens[amount.last].end))
        # "An IS commander … was captured …, along with six other militants": one, and those along with him
        # "A senior IS leader was killed with two of his aides": one, and those with him
        # ("The so-called governor … was killed along with three of his aides": the one "was" tells of, named with
        # no number, and the three)
        if english:
            for number, cue in enumerate(count_cues):
                if cue.first == 0 or tokens[cue.first - 1].text != "was":
                    continue
                along = next((a for a in found if a.value and a.first > cue.last and (
                    _along_with(tokens, a.first) or (a.first == cue.last + 2 and tokens[cue.last + 1].text == "with"))
                              and not any(c.first > cue.last and c.last < a.first for c in count_cues)), None)
                told = nearest.get(number)
                if along is not None and (told is None or told[2] == 1 or told[3][0] == tokens[along.first].start):
                    nearest[number] = (0, cue.payload, along.value + 1,
                                       (tokens[cue.first].start, tokens[along.last].end))
        counts: dict[str, int | None] = {name: None for name in (*COUNT_FIELDS, "group")}
        spans = {}
        for _, name, value, span in sorted(nearest.values(), key=lambda item: item[3]):
            if value is not None and (counts[name] is None or value > counts[name]):
                counts[name] = value
                spans[name] = span
        # bombers who blew themselves up count among the dead beside those they killed (GUIDELINES §6: "فجر
        # انتحاريان نفسيهما … ما أسفر عن مقتل جنديين" is four dead; "killing three, including the bomber" three)
        dead = [(value, span, _self_killed(tokens, count_cues[number])) for number, (_, name, value, span)
                in nearest.items() if name == "fatalities" and value]
        bombers = {span: value for value, span, self_killed in dead if self_killed}
        victims = [value for value, span, self_killed in dead if not self_killed and span not in bombers]
        # "killing himself and three soldiers", "killed three soldiers and himself": the bomber joined to the count
        joined = [a.value + 1 for a in found if a.value in victims and _joined_to_self(tokens, a)]
        if joined:
            counts["fatalities"] = max(joined)
        elif bombers and victims and not _bombers_among(tokens):
            counts["fatalities"] = max(victims) + max(bombers.values())
        def counting(words: frozenset[str]) -> list[Amount]:  # the number's noun, an adjective may stand between
            return [a for a in found if a.value and any(bare_forms(token.text.lower()) & words
                                                        for token in tokens[a.last + 1 : a.last + 3])]

        # "150 عائلة بإجمالي 600 شخص", "دفعة تضم 150 عائلة بواقع 600 شخص": people are counted, not families
        # (GUIDELINES §6)
        families, persons = counting(lex.families), counting(lex.people)
        for name in ("transferred", "group"):
            # (a figure of families joined to one of people, "152 families and 611 people": the people, not the sum)
            if counts[name] and any(a.value == counts[name] or any(
                    a.value + b.value == counts[name] for b in persons) for a in families):
                people = next(iter(persons), None)  # families alone give no count of people
                counts[name] = people.value if people else None
                if people:
                    spans[name] = (tokens[people.first].start, tokens[people.last].end)
                else:
                    del spans[name]
        if counts["wounded"] and counts["fatalities"] and spans["wounded"] < spans["fatalities"] and (
                self._of_them(tokens, spans["fatalities"])) and counts["fatalities"] < counts["wounded"]:
            counts["wounded"] -= counts["fatalities"]  # "أصيب خمسة … توفي اثنان منهم": three still wounded
        elif counts["wounded"] and any(  # "وإصابة الآخر، لكنه لفظ أنفاسه في المستشفى": one of them died of his wounds
                cue.payload == "fatalities" and tokens[cue.first].start > spans["wounded"][1] and cue.first and (
                    (tokens[cue.first - 1].text.lower() in _BUT_HE
                     and not any(cue.first <= a.first <= cue.last + 2 and a.value for a in found))
                    # "… وأصيب اثنان، توفي أحدهما لاحقا"
                    or (cue.last + 1 < len(tokens) and tokens[cue.last + 1].text in _ONE_OF_THEM))
                for cue in count_cues):
            counts["wounded"] -= 1
            if counts["fatalities"] is None or spans["fatalities"] < spans["wounded"]:  # not a toll given after
                counts["fatalities"] = (counts["fatalities"] or 0) + 1
                spans.setdefault("fatalities", spans["wounded"])
            if not counts["wounded"]:
                counts["wounded"] = None
                spans.pop("wounded")
        return counts, spans

    def _of_them(self, tokens: list[Token], span: tuple[int, int]) -> bool:
        """The words right after the count at ``span`` take it from a group told before ("اثنان منهم")."""
        after = [token.text.lower() for token in tokens if token.start >= span[1]]
        return any(tuple(after[: len(words)]) == words for words in self.lexicons.of_them)


_GROUP_TITLES = frozenset({"والي", "ولايه", "wali", "emir", "governor"})  # a group's province in its title
_FROM = frozenset({"من", "from"})
_TO = frozenset({fold("الى"), "to"})


def _departs_from(between: list[Token]) -> bool:
    """The words before a country name it as where something left: a "from" among them, no "to" after it."""
    froms = [k for k, token in enumerate(between) if bare_forms(token.text.lower()) & _FROM]
    return bool(froms) and not any(bare_forms(token.text.lower()) & _TO for token in between[froms[-1] + 1 :])


def _says_any(tokens: list[Token], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """One of the phrases (folded words) stands among the tokens."""
    words = [token.text.lower() for token in tokens]
    return any(words[k : k + len(phrase)] == list(phrase) for phrase in phrases for k in range(len(words)))


_RELATIVE_EN = {"who", "whom", "which"}
_AUXILIARIES = {"was", "were", "has", "have", "had", "is", "are"}


def _english_relatives(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token spans of English relative clauses after a noun ("the IS leader who planned the attack was arrested"):
    from the pronoun to the word before the main clause's auxiliary or a comma, else to the clause's end."""
    spans = []
    for k, token in enumerate(tokens):
        if token.text not in _RELATIVE_EN or not k:
            continue
        end = next((j - 1 for j in range(k + 2, len(tokens)) if tokens[j].text in _AUXILIARIES
                    or "," in text[tokens[j - 1].end : tokens[j].start]), len(tokens) - 1)
        spans.append((k, end))
    return spans


def _same_segment(text: str, tokens: list[Token], k: int, offset: int) -> bool:
    """Token ``k`` and the text at ``offset`` stand between the same two commas of the clause."""
    low, high = sorted((tokens[k].start, offset))
    return "," not in text[low:high] and "،" not in text[low:high]


def _same_side_of(spans: list[tuple[int, int]], first: int, second: int) -> bool:
    """Both tokens stand inside the same span, or both outside every span."""
    return all((a <= first <= b) == (a <= second <= b) for a, b in spans)


def _since_spans(text: str, tokens: list[Token], dates: list[DateMention]) -> list[DateMention]:
    """The dates, those of a month or a year inside a span opened by "since" marked as its start (kind "since")."""
    return [dataclasses.replace(d, kind="since") if d.kind != "since" and (d.precision or 3) >= 3
            and _after_since(text, tokens, d) else d for d in dates]


def _after_since(text: str, tokens: list[Token], mention: DateMention) -> bool:
    """"since"/"منذ" stands in the twelve words before the date with no comma between ("since the fall of the
    government in December")."""
    first = next((k for k, token in enumerate(tokens) if token.start >= mention.start), len(tokens))
    since = next((token for token in reversed(tokens[max(0, first - 12) : first]) if token.text in ("since", "منذ")),
                 None)
    return since is not None and not any(mark in text[since.end : mention.start] for mark in (",", "،", ";", "؛"))


def _tallied(first: int, tokens: list[Token]) -> bool:
    """A number of two or more stands right before the event word at ``first`` ("149 هجوما", "12 من الهجمات", "15
    attacks"): so many incidents; not a noun that counts itself ("قتل جنديان بهجوم": two soldiers, one attack), nor a
    number the word follows after "ب" ("قتل ثلاثة بهجوم": by one attack)."""
    before = tokens[max(0, first - 2) : first]
    gap = 1 if len(before) == 2 and before[1].text == "من" else 0
    return any(a.value and a.value >= 2 and a.last == len(before) - 1 - gap
               and (before[a.first].text.replace(",", "").isdigit() or number_word(before[a.first].text))
               and not (gap == 0 and tokens[first].text.startswith("ب")) for a in amounts(before))


def _toll_risen(tokens: list[Token], lex: Lexicons) -> bool:
    """The clause tells a toll that rose ("ارتفعت حصيلة الهجوم إلى أربعة قتلى", "ارتفع عدد القتلى", "the death toll
    rose to 11", "bringing the toll to nine"): a verb of rising within three words of a toll's noun (an English
    toll's subject may be longer: "the death toll from the attack on an army post … rose to five")."""
    def toll(k: int) -> bool:  # "حصيلة", "toll", or the number of the dead or hurt ("عدد القتلى", not "عدد الهجمات")
        return bool(bare_forms(tokens[k].text.lower()) & lex.toll_nouns) or (
            tokens[k].text == "عدد" and k + 1 < len(tokens) and tokens[k + 1].text in _CASUALTY_NOUNS)

    for k, token in enumerate(tokens):
        back = 12 if token.text.isascii() else 3
        if bare_forms(token.text.lower()) & lex.toll_updates and any(
                toll(j) for j in range(max(0, k - back), min(len(tokens), k + 4))):
            return True
    return False


_CASUALTY_NOUNS = {"القتلي", "الضحايا", "الشهداء", "المصابين", "الجرحي", "الوفيات"}  # folded: ى → ي


def _estimate(tokens: list[Token], lex: Lexicons) -> bool:
    """The clause gives a source's own figure for a toll ("put the death toll at 14", "قدر المرصد الحصيلة")."""
    for k, token in enumerate(tokens):
        if bare_forms(token.text.lower()) & lex.estimate_verbs and any(
                bare_forms(t.text.lower()) & lex.toll_nouns for t in tokens[k + 1 : k + 4]):
            return True
    return False


_PROTEST_VERBS = {"protest", "protested", "protesting", "protests"}


def _protested_object(tokens: list[Token], protest: Hit, hit: Hit) -> bool:
    """The incident is what an English protest verb takes as its object ("to protest the killing of …")."""
    return tokens[protest.last].text in _PROTEST_VERBS and all(
        token.text in _ENGLISH_ARTICLES_AND_POSSESSIVES for token in tokens[protest.last + 1 : hit.first]) and (
        hit.first - protest.last <= 3)


def _several_incidents(tokens: list[Token], lex: Lexicons) -> bool:
    """The clause counts two incidents or more: a dual ("بهجومين منفصلين"), or a number before a plural noun of
    incidents, maybe with an adjective between ("in two separate attacks", "في ثلاث هجمات متفرقة")."""
    for k, token in enumerate(tokens):
        forms = bare_forms(token.text.lower())
        if forms & lex.incident_duals:
            return True
        if forms & lex.tallies:
            apart = k > 0 and bool(bare_forms(tokens[k - 1].text.lower()) & lex.apart)
            if _tallied(k - 1 if apart else k, tokens):
                return True
    return False


def _rioting(tokens: list[Token], protest: Trigger) -> bool:
    """Protesters did violence ("اقتحموا مبنى", "torched a car"), not a sign ("أحرقوا الأعلام", "burned an effigy")."""
    words = [token.text.lower() for token in tokens]
    for phrase in protest.violent:
        for k in range(len(words)):
            if words[k : k + len(phrase)] == list(phrase):
                after = tokens[k + len(phrase) : k + len(phrase) + 3]
                if not any(token.text.lower() in protest.symbolic or bare_forms(token.text.lower()) & protest.symbolic
                           for token in after):
                    return True
    return False


def _companion(tokens: list[Token], hit: Hit) -> bool:
    """The person at ``hit`` is someone's, joined to him by "and" ("وسائقه", "وابن عمه", "and his bodyguard")."""
    word = tokens[hit.first].text
    if word.isascii():
        return hit.first > 1 and tokens[hit.first - 1].text.lower() in _ENGLISH_POSSESSIVES and (
            tokens[hit.first - 2].text.lower() == "and")
    return word.startswith("و") and (
        without_possessive(word) != word if hit.first == hit.last else tokens[hit.last].text.endswith("ه"))


def _beside(tokens: list[Token], left: int, right: int) -> bool:
    """Only the noun of a force ("قوات", "the") stands between the two tokens."""
    return 0 < right - left <= 3 and all(token.text.lower() in _FORCE_NOUNS for token in tokens[left + 1 : right])


def _joined_by_and(tokens: list[Token], first: int) -> bool:
    """The amount at ``first`` is joined by "و" or "and" to what comes before it, and is not in digits ("و15
    جريحا", "7 killed and 15 wounded" give two counts) nor the top of a range ("between five and seven", "ما بين
    خمسة وسبعة": the lowest figure stands)."""
    if any(token.text in _BETWEEN for token in tokens[max(0, first - 3) : first]):
        return False
    word = tokens[first].text
    if word.startswith("و") and word not in _ONE_WORDS and word not in _WAW_WORDS:  # "عائلة واحدة": one, not "and"
        # (but "و3 من مرافقيه": those with the one counted)
        return not word[1:].isdigit() or (first + 1 < len(tokens) and tokens[first + 1].text == "من")
    if (word.startswith("ال") or number_word(word) == 2) and first > 0 and tokens[first - 1].text.startswith("و") and len(
            tokens[first - 1].text) > 3:
        # "رجل وزوجته وأطفالهما الثلاثة", "شرطي ومدنيين اثنين": the noun joined carries the "و", its number follows it
        return True
    if first > 1 and tokens[first - 1].text in _ENGLISH_POSSESSIVES:  # "a mukhtar and his son"
        first -= 1
    return first > 0 and tokens[first - 1].text == "and" and not word.isdigit()


_ALONG_WITH = {("along", "with"), ("together", "with"), ("alongside",), ("برفقه",), ("رفقه",), ("ومعه",),
               ("اضافه", "الي"), ("بالاضافه", "الي"), ("الي", "جانب")}


def _along_with(tokens: list[Token], first: int) -> bool:
    """The amount at ``first`` is added to the one counted before it ("captured, along with six other militants",
    "اعتقل قيادي برفقة ثلاثة آخرين")."""
    before = tuple(token.text for token in tokens[max(0, first - 2) : first])
    return any(before[len(before) - len(words):] == words for words in _ALONG_WITH if len(words) <= len(before))


def _object_of(tokens: list[Token], verb: Hit, first: int, actor_tokens: frozenset[int] | set[int] = frozenset(),
               qualifying: frozenset[int] | set[int] = frozenset()) -> bool:
    """English: the amount at ``first`` is the object of the verb at ``verb`` ("killed two", "wounded a third"),
    right after it or after an article and one adjective, a force's name or a qualifier aside ("killed a senior
    Islamic State official", "killing at least four"), with no punctuation between."""
    if not tokens[verb.first].text.endswith(("ed", "ing", "shot")):  # "killed", "shot dead", "gunned down"
        return False
    between = [token for k, token in enumerate(tokens[verb.last + 1 : first], start=verb.last + 1)
               if k not in actor_tokens and k not in qualifying]
    if between and (len(between) > 2 or between[0].text not in ("a", "an")):
        return False  # "killed two", "wounded a third", "shot dead a local official"
    return all(tokens[k + 1].start - tokens[k].end == 1 for k in range(verb.last, first))


SPANNING = ("mountain", "region", "wadi", "lake")


def _governorate_named(group: list[tuple[ResolvedPlace, bool]], tokens: list[Token]) -> list[tuple[ResolvedPlace, bool]]:
    """A range, desert or wadi spans governorates: where the clause names the governorate, that one holds it."""
    best, summary = group[0]
    if best.place.feature not in SPANNING:
        return group
    named = [p for p, _ in group if p.place.feature == "admin1" and p.place.country == best.place.country]
    if named and named[0].place.admin1 != best.place.admin1:
        return [(dataclasses.replace(best, admin1=named[0].place.admin1), summary), *group[1:]]
    return group


def _has_count(tokens: list[Token]) -> bool:
    return any(amount.value is not None and not amount.implicit for amount in amounts(tokens))


def _figure(tokens: list[Token], dates: list[DateMention]) -> bool:
    """The clause gives a number that is not part of a date ("قتل 12", not "آب 2017")."""
    return any(a.value is not None and not a.implicit and not any(
        d.start <= tokens[a.first].start < d.end for d in dates) for a in amounts(tokens))


_SELF = {"نفسه", "نفسها", "انفسهم", "نفسيهما", "انفسهن", "himself", "herself", "themselves"}
_BOMBERS = {"الانتحاري", "الانتحاريين", "الانتحاريان", "الانتحاريه", "المهاجم", "المهاجمين", "bomber", "bombers",
            "attacker", "attackers"}
_AMONG = {"بينهم", "منهم", "فيهم", "including", "among"}


def _self_killed(tokens: list[Token], cue: Hit) -> bool:
    """The count word is a bomber's blowing himself up ("فجر … نفسه", "blew himself up")."""
    return any(bare_forms(token.text.lower()) & _SELF for token in tokens[cue.first : cue.last + 1])


_CHANGED_HANDS = {"entry", "takeover", "handover"}  # triggers of ground that passed from one force to another
_STRIKER_MARKERS = {"برصاص", "بنيران", "يد", "قبل"}  # "برصاص مسلحين", "على يد داعش", "من قبل مجهولين"
_ATTRIBUTING = {"ما", "حسبما", "لما", "كما"}  # "وفق ما أفادت …", "حسبما أعلن …": the source closes the clause
_BACKED = {"backed", "led", "supported", "allied", "aligned", "affiliated", "sponsored", "trained"}
_TROOPS = "troops"  # the generic form that stands for English "forces" after a country's adjective
# the words that name an incident as another one of its kind ("بقصف مماثل", "بهجوم آخر", "in a separate attack")
_ANOTHER_INCIDENT = {"مماثل", "مماثله", "اخر", "منفصل", "منفصله", "similar", "separate"}
_ORDINALS = {"الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع", "الرابعه"}  # "والثاني استهدف …": the next incident
# Words that tell more of the incident before them ("وأصيب اثنان آخران", "واعتقل خلالها", "and five others")
_MORE_OF_IT = {"اخر", "اخران", "اخرين", "اخرون", "خلالها", "خلاله", "اثرها", "اثره", "ذاته", "ذاتها", "نفسه", "نفسها",
               "منهم", "others", "other", "same", "during", "it", "them", "its", "their"}


def _own_force(matcher: PhraseMatcher, adjective: Token, noun: Token) -> Actor | None:
    """The force a country's adjective gives a generic noun of means or men ("Syrian … warplanes", "Syrian forces":
    English "forces" read as "troops"), or None."""
    if adjective.text not in COUNTRY_WORDS:
        return None
    if noun.text == "forces":
        noun = dataclasses.replace(noun, text=_TROOPS)
    means = next((other.payload for other in matcher.find([noun]) if other.payload.name is None), None)
    name = means.resolve(COUNTRY_WORDS[adjective.text]) if means is not None else None
    return dataclasses.replace(means, name=name, nationality_only=False, by_country=()) if name else None


def _coordinated_forces(matcher: PhraseMatcher, tokens: list[Token]) -> list[Hit]:
    """The forces named among the tokens, with an adjective that shares a force's noun through "and" or "و":
    "Iraqi and US forces", "Iraqi and Kurdish forces" name Iraq's forces first; "القوات العراقية والأمريكية"
    names the US's after Iraq's."""
    hits = matcher.find(tokens)
    taken = {k for hit in hits for k in range(hit.first, hit.last + 1)}
    shared = []
    for k in range(len(tokens) - 3):  # "Iraqi and (US) forces": the first adjective with the noun after the second
        if tokens[k + 1].text == "and" and k not in taken and tokens[k].text.isascii():
            for length in (1, 2, 3):
                phrase = [tokens[k], *tokens[k + 3 : k + 3 + length]]
                whole = [other for other in matcher.find(phrase) if (other.first, other.last) == (0, len(phrase) - 1)]
                if whole:
                    shared.append(Hit(whole[0].payload, k, k))
                    break
            else:  # "Syrian and Russian warplanes": the first country's own craft, the noun's means resolved by it
                own = _own_force(matcher, tokens[k], tokens[k + 3])
                if own is not None:
                    shared.append(Hit(own, k, k))
    for k in range(len(tokens) - 1):  # "Syrian forces": English "forces" alone names nobody, but after a country's
        # adjective it is that country's troops
        # (but not forces another backs or leads: "US-backed Syrian forces", "Turkish-backed Syrian forces")
        if tokens[k + 1].text == "forces" and not {k, k + 1} & taken and not (k > 0 and tokens[k - 1].text in _BACKED):
            own = _own_force(matcher, tokens[k], tokens[k + 1])
            if own is not None:
                shared.append(Hit(own, k, k + 1))
    for hit in hits:  # "القوات العراقية والأمريكية": the noun with the adjective after "و"
        last = hit.last
        if last > hit.first and last + 1 < len(tokens) and tokens[last + 1].text.startswith("و") and (
                last + 1 not in taken):
            joined = tokens[last + 1]
            phrase = [*tokens[hit.first : last], Token(joined.text[1:], joined.start + 1, joined.end)]
            whole = [other for other in matcher.find(phrase) if (other.first, other.last) == (0, len(phrase) - 1)]
            if whole and whole[0].payload.name != hit.payload.name:
                shared.append(Hit(whole[0].payload, last + 1, last + 1))
    return sorted(hits + shared, key=lambda hit: hit.first)


def _named(tokens: list[Token]) -> set[int]:
    """The tokens of a name told after its word ("المدعو أبو محمد"), the word included: up to three words, and none
    that opens with "و"; and a kunya told alone ("القيادي أبو عبيدة العراقي", "Abu Ali al-Basri"): "أبو", its name
    and a nisba."""
    named = set()
    for k, token in enumerate(tokens):
        if token.text in _NAMING:
            named.add(k)
            for j in range(k + 1, min(len(tokens), k + 4)):
                if tokens[j].text.startswith("و"):
                    break
                named.add(j)
        elif token.text == "ابو" and k + 1 < len(tokens) and not tokens[k + 1].text.startswith("و"):
            named |= {k, k + 1}
            if k + 2 < len(tokens) and tokens[k + 2].text.startswith("ال"):
                named.add(k + 2)
        elif token.text == "abu" and k + 1 < len(tokens) and tokens[k + 1].text != "and":
            # … in English ("a commander, Abu Ali al-Basri, and two of his guards"): the article is a word of its own
            named |= {k, k + 1}
            if k + 3 < len(tokens) and tokens[k + 2].text in ("al", "el"):
                named |= {k + 2, k + 3}
    return named


def _joined_to_self(tokens: list[Token], amount: Amount) -> bool:
    """A count joined by "and" to a bomber's "himself" ("himself and three soldiers", "three soldiers and himself")."""
    before = [token.text.lower() for token in tokens[max(0, amount.first - 3) : amount.first]]
    after = [token.text.lower() for token in tokens[amount.last + 1 : amount.last + 4]]
    return any(before[k] in _SELF and before[k + 1] in ("and", "with") for k in range(len(before) - 1)) or any(
        after[k] == "and" and after[k + 1] in _SELF for k in range(len(after) - 1))


def _bombers_among(tokens: list[Token]) -> bool:
    """The dead counted include the bombers ("بينهم الانتحاري", "including the bomber")."""
    return any(bare_forms(token.text.lower()) & _AMONG and any(
        bare_forms(other.text.lower()) & _BOMBERS for other in tokens[k + 1 : k + 4]) for k, token in enumerate(tokens))


_LOCATING = {"تقع", "يقع", "الواقعه", "الواقع", "الواقعتين", "lies", "located", "situated"}


def _located_by_words(tokens: list[Token], mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A place said to lie at the places after it ("في منطقة الطيانة، التي تقع ما بين الحسكة ودير الزور", "الحارثية
    الواقعة في حي المنصور", "Tayyana, which lies between …"): its namesakes near them, and they no scene of their
    own; where none of its namesakes lies near them, both stay as they were."""
    out = list(mentions)
    for place in mentions:
        locators = [m for m in mentions if m.first > place.last and _locates(tokens, place.last + 1, m.first)]
        near = tuple(c for c in place.candidates if any(haversine_km(c.lat, c.lon, o.lat, o.lon) <= NEAR_AREA_KM
                                                        for m in locators for o in m.candidates))
        if locators and near and place in out:
            out[out.index(place)] = dataclasses.replace(place, candidates=near)
            out = [m for m in out if m not in locators]
    return out


def _locates(tokens: list[Token], start: int, end: int) -> bool:
    """The words between two places say where the first lies ("، التي تقع ما بين", ", which lies near", "الواقعة
    في"): up to six words, one of them of lying."""
    between = tokens[start:end]
    return 0 < len(between) <= 6 and any(bare_forms(token.text.lower()) & _LOCATING for token in between)


def _located_by_unit(text: str, tokens: list[Token], found: list) -> list:
    """A village named with no cue word after "in", then the governorate or district it lies in ("in Qara Tapa,
    Diyala province", "في الزركة بمحافظة ديالى"): the unit locates it as a cue word would, among its namesakes
    of that unit only (a common word is rarely also a village of the very unit named after it)."""
    out = list(found)
    for k in range(len(out) - 1):
        place, unit = out[k], out[k + 1]
        if not (isinstance(place, PlaceMention) and isinstance(unit, PlaceMention)) or place.cue or not (
                place.minor and place.locative and not place.relative and not unit.relative
                and all(bare_forms(token.text) & _UNIT_WORDS for token in tokens[place.last + 1 : unit.first])
                and unit.first - place.last <= 2):
            continue
        if unit.first == place.last + 1 and not unit.locative and not re.search(
                "[,،]", text[tokens[place.last].end : tokens[unit.first].start]):
            continue  # "في قلب السليمانية", "بجامعة بغداد": a common noun the next name completes, not a village
        units = [u for u in unit.candidates if u.feature in ("admin1", "district") and (
            not unit.cue or u.feature in unit.cue)]
        held = tuple(c for c in place.candidates if any(
            c.admin1 == u.admin1 and (u.feature == "admin1" or c.admin2 == u.admin2) for u in units))
        if held:
            out[k] = dataclasses.replace(place, candidates=held, cue=("village", "city", "subdistrict"), weak=False)
    return out


def _dateline(text: str, tokens: list[Token], mention) -> bool:
    """The place a report was filed from ("Baghdad:", "بغداد - ", "ANBAR —", "(بغداد) -", "السومرية نيوز/ بغداد:"),
    not where anything happened."""
    after = text[tokens[mention.last].end : tokens[mention.last].end + 40]
    if mention.first <= 3:
        line = text.rfind("\n", 0, tokens[mention.first].start) + 1
        before = text[line : tokens[mention.first].start].strip()
        # in brackets at the line's head, or after an outlet's name and its slash, then a colon or a dash
        bracketed = before == "(" and bool(re.match(r"\s*\)\s*[-–—:]", after))
        # ("Rudaw - ERBIL:": after the outlet's name and a dash, then a colon)
        outlet = (before.endswith("/") and bool(re.match(r"\s*[-–—:]", after))) or (
            before.endswith(("-", "–", "—")) and bool(re.match(r"\s*:", after)))
        outlet = outlet and len(before) <= 30
        if bracketed or outlet:
            return True
    if mention.first != 0 or not opens_line(text, tokens[0].start):
        return False
    return (after.lstrip(" ")[:1] in (":", "-", "(", "/") or bool(_DATELINE_TAIL.match(after))
            or bool(_DATELINE_REGION.match(after)) or bool(_DATELINE_AGENCY.match(after)))


def _after_dateline(text: str, sentence: Span, dates: list[DateMention]) -> list[DateMention]:
    """The dates after a dateline that opens the sentence ("DEIR EZ-ZOR, Syria, Feb 9 (Reuters) -", "بغداد 16 أغسطس
    (شينخوا) –"): the dateline's day is the filing day, not the incident's."""
    if not opens_line(text, sentence.start):
        return dates
    match = _DATELINE.match(text, sentence.start)
    return [d for d in dates if d.start >= match.end()] if match else dates


_DATELINE = re.compile(r"[^\n()]{2,60}\([^()\n]{2,40}\)\s*[-–—:]")
# "بغداد 16 أغسطس 2025 (شينخوا)", "BAGHDAD, March 10 (Reuters)": a date, then the agency in brackets
# ("DEIR EZ-ZOR, Syria, Feb 9 (Reuters)": the country may stand between)
_DATELINE_TAIL = re.compile(r"(?:[ ,]*[^\W\d_]+[ ]*,)?[ ,]*\d{0,2}\s*[^\W\d_]+\.?\s*\d{0,4}[ ,]*\d{0,4}\s*\(")
# "أنقرة ـ رويترز:" (the dash a tatweel that folding drops): the city, the agency, then a colon
_DATELINE_AGENCY = re.compile(r"\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:")
# "ERBIL, Kurdistan Region - …", "القامشلي، شمال شرق سوريا - …": the city, its region, then a dash (the outlet in
# brackets may stand before it: "ERBIL, Kurdistan Region (Kurdistan24) –")
_DATELINE_REGION = re.compile(r"\s*[,،]\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*(?:\([^()\n]{2,40}\)\s*)?[-–—]")
_MONTHS_EN = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


_DISTANCE_UNITS = {"كم", "كيلومتر", "كيلومترا", "كيلومترات", "كلم", "km", "kilometres", "kilometers", "miles"}
BACKGROUND_DAYS = 92  # a month named this long before publication, with no figure, is background
NEAR_KM = 30  # a scene this close to a town is "near" it (precision 2); farther, the town only gives a bearing


_UNKNOWN_DISTANCE = 10**6  # "على بعد كيلومترات من …": a distance with no figure
_MEASURED_NEAR_KM = 60  # with no bearing, a scene this far from a town is still near it
_MEASURED_FAR_KM = 200  # farther, a bearing from a town is too rough to say which district


def _distance(tokens: list[Token], first: int) -> int | None:
    """The distance in km when a place is named as the reference of one ("17 كيلومترا جنوبي القامشلي", "25 km west
    of the city of Kirkuk": the words that name the kind of place are passed over)."""
    counted, k = 0, first - 1
    while k >= 0 and counted < 3:
        word = tokens[k].text
        if word in _DISTANCE_UNITS:
            number = amounts(tokens[max(0, k - 2) : k])
            value = number[-1].value if number else None
            return value if value is not None else _UNKNOWN_DISTANCE
        if not (bare_forms(word) & _PLACE_KIND_WORDS):
            counted += 1
        k -= 1
    return None


def _distance_locator(tokens: list[Token], first: int) -> bool:
    """A place named only to say how far away the scene is ("250 كم شمالي بغداد")."""
    distance = _distance(tokens, first)
    return distance is not None and distance > NEAR_KM


def _country_subject(tokens: list[Token], main: Hit) -> str | None:
    """The country named as the subject of the trigger's verb: right before an English one ("Iraq repatriated"),
    right after an Arabic one ("تسلم العراق"), or None."""
    k = main.first - 1 if tokens[main.first].text.isascii() else main.last + 1
    country = countries().get(tokens[k].text.lower()) if 0 <= k < len(tokens) else None
    return country.country if country else None


def _cue_kind(mention: PlaceMention) -> str:
    """The kind of place the cue word before a name says it is ("" where there is none)."""
    return (mention.cue or ("",))[0]


_VILLAGE_WORDS = frozenset({"قريه", "مزرعه", "village", "hamlet", "farm"})


def _village_unplaced(tokens: list[Token], mentions: list[PlaceMention]) -> bool:
    """The clause names a village with no place of the clause's own right after its word ("قرية باربارا", "a village
    in …", "the village of Barbara"): one the gazetteer does not hold, or none named."""
    starts = {mention.first for mention in mentions}
    for k, token in enumerate(tokens):
        if bare_forms(token.text.lower()) & _VILLAGE_WORDS:
            name = k + 1
            while name < len(tokens) and tokens[name].text.lower() in ("of", "the"):
                name += 1
            if name not in starts:
                return True
    return False


def _way_ends(tokens: list[Token], mentions: list[PlaceMention]) -> set[int]:
    """Where the places start that are the ends of a way or a boundary, not a scene named on its own: the towns a road
    is named after ("طريق بغداد - كركوك", "the Baghdad-Kirkuk highway") and the places "between" which it lies
    ("الطريق الدولي بين بغداد وكركوك", "المناطق الواقعة بين ديالى وصلاح الدين وكركوك")."""
    ends: set[int] = set()
    for k, mention in enumerate(mentions):
        # (English names the road after its towns, Arabic before: "على الطريق" after a town is where, no road's name)
        after = tokens[mention.last + 1].text.lower() if mention.last + 1 < len(tokens) else ""
        right_before = bare_forms(tokens[mention.first - 1].text.lower()) if mention.first else frozenset()
        if not (right_before & ROAD_WORDS or (after.isascii() and after in ROAD_WORDS)
                or _between_ends(tokens, mention.first)):
            continue
        ends.add(mention.first)
        if k and mentions[k - 1].last + 1 == mention.first:  # "the Baghdad-Kirkuk highway": the end before
            ends.add(mentions[k - 1].first)
        last = mention.last
        for other in mentions[k + 1 :]:  # … and those after it, right after or after "و" ("بين بغداد وكركوك")
            if other.first != last + 1 and not (
                    other.first == last + 2 and tokens[other.first - 1].text in ("و", "and", "or")):
                break
            ends.add(other.first)
            last = other.last
    return {tokens[k].start for k in ends}


def _between_ends(tokens: list[Token], first: int) -> bool:
    """The place at ``first`` opens the pair of ends or sides of one way or boundary: "بين الرقة والحسكة", "الواقعة
    بين محافظتي صلاح الدين وديالى", "على حدود ديالى وصلاح الدين", "on the border of X and Y"."""
    k = first - 1
    while k >= 0 and tokens[k].text.lower() in _PAIR_CUES:
        k -= 1
    if k < 0:
        return False
    word = tokens[k].text.lower()
    if word == "of" and k:
        word = tokens[k - 1].text.lower()
        return word in _BOUNDARY_WORDS
    return word in _BETWEEN or word in _BOUNDARY_WORDS


def _coordinated(text: str, tokens: list[Token], previous_last: int, first: int) -> bool:
    """Whether two place names form a list ("كركوك وصلاح الدين"، "X، Y"، "X and Y"), not an apposition
    ("بادية الميادين"، "طريق دير الزور – الحسكة")."""
    if first != previous_last + 1:
        between = [t.text for t in tokens[previous_last + 1 : first]]
        # "قضاء الحويجة وقضاء الرطبة": the second name's cue word carries the "و"
        return between in (["و"], ["and"], ["or"]) or (
            len(between) == 1 and between[0][:1] == "و" and between[0][1:] in _LISTED_CUES)
    gap = text[tokens[previous_last].end : tokens[first].start]
    return "،" in gap or "," in gap or (tokens[first].text[:1] == "و" and not tokens[first].text.isascii())


def _modal_qad(tokens: list[Token], index: int) -> bool:
    """قد before an imperfect verb ("قد يوفر") marks possibility; before a past verb it does not, nor after a
    form of كان ("وكان التنظيم قد تبنى …": a pluperfect, whose form V verb begins with ت too), nor before تم."""
    for back in (1, 2, 3):
        k = index - back
        if k >= 0 and tokens[k].text == "قد" and k + 1 < len(tokens) and tokens[k + 1].text[:1] in "يتن":
            past = tokens[k + 1].text in ("تم", "تمت") or any(t.text in _WAS for t in tokens[max(0, k - 4):k])
            return not past
    return False


def _definite(tokens: list[Token], hit: Hit) -> bool:
    """The event noun names a known incident: "الانفجار", "انفجار الدراجة", "the blast" (not "هروب عناصر")."""
    own = tokens[hit.first].text
    following = tokens[hit.last + 1].text if hit.last + 1 < len(tokens) else ""
    if own.isascii():
        return tokens[hit.first - 1].text == "the" if hit.first else False
    return own.startswith("ال") or following.startswith("ال")


def _refers_back(tokens: list[Token]) -> bool:
    texts = [t.text for t in tokens]
    for phrase in _ANAPHORA:
        n = len(phrase)
        if any(tuple(texts[i : i + n]) == phrase for i in range(len(texts) - n + 1)):
            return True
    return False


def _same_unit(tokens: list[Token]) -> str | None:
    """The kind of unit "the same …" names ("القضاء نفسه": district), if the clause says it."""
    texts = [t.text for t in tokens]
    return next((_SAME[pair] for pair in itertools.pairwise(texts) if pair in _SAME), None)


def _refers_to_desert(tokens: list[Token]) -> bool:
    texts = [t.text for t in tokens]
    return "الصحراء" in texts and not any(
        tuple(texts[i : i + len(p)]) == p for p in _ANAPHORA if p != ("الصحراء",) for i in range(len(texts)))


def _site_name(tokens: list[Token]) -> str | None:
    """A named site of the clause ("ساحة الطيران", "سجن الأطباق"): a cue word and the name after it; not a
    counted noun ("77 قرية") nor a cue followed by a function word."""
    for i, token in enumerate(tokens[:-1]):
        cue = next((f for f in bare_forms(token.text) if f in _SITE_CUES), None)
        definite = any(f.startswith("ال") and f[2:] == cue for f in bare_forms(token.text))
        if cue is None or definite or (i and tokens[i - 1].text.replace(",", "").isdigit()):
            continue  # "داخل المخيم" refers back; "77 قرية" counts villages
        name = tokens[i + 1].text
        if name in _FUNCTION_WORDS or name.isdigit():
            continue
        return f"{cue} {name}"
    return None


def _dates_what_befell(day: DateMention, tokens: list[Token]) -> bool:
    """The day follows, within five words, what befell those found, with no word of finding between ("kidnapped by
    ISIS last week were found", "المختطفين قبل أيام")."""
    before = [token for token in tokens if token.end <= day.start][-5:]
    taken = [k for k, token in enumerate(before) if token.text.lower().startswith(_TAKEN_OR_KILLED)]
    return bool(taken) and not any(bare_forms(token.text.lower()) & _FOUND_WORDS for token in before[taken[-1]:])


def _regions(mention: PlaceMention) -> set[tuple[str, str | None]]:
    """The governorates a name may stand in: a governorate's own, where the name is one ("في الأنبار", not the
    neighbourhood of Aleppo of that name), else a town's or a unit's ("رأس العين", not the villages of its name);
    of the kind its cue word names, where it has one ("حي المثنى" is a neighbourhood, not the governorate)."""
    cued = [place for place in mention.candidates if mention.cue and place.feature in mention.cue]
    candidates = cued or mention.candidates
    governorates = [place for place in candidates if place.feature == "admin1"]
    major = [place for place in candidates if place.feature not in MINOR_FEATURES]
    return {(place.country, place.admin1) for place in governorates or major or candidates}


def _named_striker(hit: Hit, tokens: list[Token]) -> bool:
    """The force is named as who struck: gunmen of no named group, or a force after "برصاص", "على يد"."""
    return hit.payload.side == "unknown" or any(  # (its members' noun may stand between: "على يد مسلحي داعش")
        token.text in _STRIKER_MARKERS for token in tokens[max(0, hit.first - 2) : hit.first])


def _day_of(day: DateMention, text: str, tokens: list[Token], trigger: Hit) -> bool:
    """The day is the incident's own, told in English as its possessive a few words before its word ("Friday's car
    bombing", "Thursday's deadly attack")."""
    if text[day.end : day.end + 2] != "'s" or tokens[trigger.first].start < day.end:
        return False
    return sum(1 for token in tokens if day.end < token.start < tokens[trigger.first].start) <= 3


def _choose_date(dated: list[DateMention], sentence_dates: list[DateMention], state: _DocState, index: int,
                 published: date | None, separate: bool = False, paragraph: int = 0) -> tuple[DateMention | None, str]:
    if dated:
        return dated[0], "clause"
    # (an earlier incident's "days after" dates only its own clause: "X killed Y, days after militants killed Z")
    sentence_dates = [d for d in sentence_dates if d.kind != "earlier"]
    if sentence_dates:
        return sentence_dates[0], "sentence"
    # a period ("الأسبوع الماضي", "this month") of another incident, or of another paragraph, is not this one's
    recent = [d for i, p, d in state.dates if index - i <= 3 and d.value
              and not ((separate or p != paragraph) and (d.precision or 2) > 1)]
    if recent:
        return recent[-1], "context"
    if state.title_day is not None:
        return state.title_day, "context"
    if published:
        return DateMention(published, 2, "publication", 0, 0), "publication"
    return None, "none"


def _people(tokens: list[Token], dates: tuple[tuple[int, int], ...]) -> bool:
    """Some amount among the tokens counts people: it is no part of a date ("On March 3, Iraqi forces")."""
    return any(not any(start <= tokens[amount.first].start < end for start, end in dates) for amount in amounts(tokens))


def _owns_means(hit: Hit, tokens: list[Token], members: frozenset[str]) -> bool:
    """The force is named as the owner of the means of the blow ("بهجوم لداعش", "بقصف لقسد", "بكمين للجيش", and with
    its men: "بهجوم لمسلحي داعش")."""
    first = hit.first
    if first > 1 and tokens[first - 1].text.startswith("ل") and bare_forms(tokens[first - 1].text) & members:
        first -= 1  # "لمسلحي داعش": the group's men
    return first > 0 and tokens[first].text.startswith("ل") and tokens[first - 1].text.startswith("ب") and (
        not bare_forms(tokens[first - 1].text) & members)


def _suffered(hit: Hit, tokens: list[Token], members: frozenset[str], dates: tuple[tuple[int, int], ...] = ()) -> bool:
    """The force is named as the people who suffered: "عنصرين من قسد", "3 من الجيش", "SDF fighters", "جنديان"."""
    start = max(0, hit.first - 1)  # read with the word before: "الهجوم الإرهابي" is an adjective, no count
    # an English name ends with its noun ("a police officer"), an Arabic one with its adjective ("تنظيم داعش الإرهابي")
    ends_in_noun = hit.first < hit.last and tokens[hit.last].text.isascii()
    if any(amount.first == hit.last - start and (hit.first == hit.last or ends_in_noun and amount.implicit)
           and not any(s <= tokens[hit.first].start < e for s, e in dates)
           for amount in amounts(tokens[start : hit.last + 1])):
        return True  # the force's name is itself a count: "قتل جنديان", "a police officer"
    if _owns_means(hit, tokens, members):
        return False  # "قتل ثلاثة جنود بهجوم لداعش": the force the means ("بهجوم") is of, not the soldiers' force
    if _number_after(hit, tokens):
        return True  # "إرهابيين اثنين", "جنود ثلاثة"
    if (hit.first == hit.last and tokens[hit.first].text.isascii() and tokens[hit.first].text.lower() in members
            and _people(tokens[max(0, hit.first - 3) : hit.first], dates)):
        return True  # "the killing of four regime soldiers": members named by their noun and counted
    before = tokens[max(0, hit.first - 4) : hit.first]
    if hit.first and tokens[hit.first].text.isascii():  # "members of a government-allied Sunni tribal militia"
        described = hit.first
        while described > max(0, hit.first - 4) and _describes(tokens[described - 1].text):
            described -= 1
        possessor = _possessor(tokens, described)  # "five members of Syria's (new) army": the words before "Syria"
        if possessor is not None and tokens[possessor].text.lower() in COUNTRY_WORDS:
            described = possessor
        before = tokens[max(0, described - 4) : described]
    if before and (before[-1].text.lower() in ("the", "a", "an", "al", "قوات", "forces")
                   or before[-1].text.lower() in COUNTRY_WORDS):
        before = before[:-1]  # "عنصر في قوات الأسايش", "three Iraqi soldiers"
    if before and before[-1].text in ("من", "في", "of", "in"):
        before = before[:-1]  # "عنصرين من قسد", "منتسب في الحشد"
    if before and before[-1].text.lower() in _CLAUSE_LINKS:
        before = []  # "an SDF member after ISIS cells attacked": the member is of the clause before
    words = [token.text.lower() for token in before]
    owning = next((len(phrase) for phrase in _BELONGING_TO if tuple(words[-len(phrase):]) == phrase), 0)
    before = before[: len(before) - owning]  # "بسيارة عسكرية تابعة لقسد", "a vehicle belonging to the SDF": what it owns
    before = before[-2:]
    # the word before the force, or the one before an adjective of it ("بسيارة عسكرية لقسد"); "مقرا لقسد"
    forms = {form for token in before for word in [token.text.lower()]
             for form in bare_forms(word) | (bare_forms(word[:-1]) if word.endswith("ا") else frozenset())}
    if before and (_people(before[-1:], dates) or forms & members):
        return True  # "ثلاثة من قسد", "خمسة جنود", "عناصر الجيش"
    if tuple(token.text.lower() for token in tokens[hit.last + 1 : hit.last + 3]) in _SUFFERED_AFTER:
        return True  # "Russian troops came under fire", "an army patrol was ambushed"
    # "an army post", "SDF fighters": English names the force before its members; an Arabic word after the force is
    # what it acted on ("هاجم داعش نقطة للجيش")
    following = tokens[hit.last + 1].text if hit.last + 1 < len(tokens) else ""
    return following.isascii() and following.lower() in members


def _passive_toll(hit: Hit, tokens: list[Token], members: frozenset[str]) -> bool:
    """The force's men are the subject of a passive toll, uncounted ("SDF fighters were killed in a Turkish strike")."""
    k = hit.last + 1
    if k < len(tokens) and tokens[k].text.lower() in members:
        k += 1
    return tuple(token.text.lower() for token in tokens[k : k + 2]) in _SUFFERED_AFTER


def _itself(tokens: list[Token], k: int) -> bool:
    """The statement at token ``k`` opens with its speaker's pronoun ("it", "its forces", "إنه", "إن قواته")."""
    if k < len(tokens) and tokens[k].text in ("that", "ان"):
        k += 1
    return k < len(tokens) and tokens[k].text in _SPEAKERS_PRONOUNS


_SPEAKERS_PRONOUNS = {"it", "its", "they", "their", "انه", "انها", "انهم", "قواته", "قواتها", "عناصره", "عناصرها"}


def _carried(hit: Hit, tokens: list[Token]) -> bool:
    """The force's people were carried in what was struck ("سيارة تقل عناصر من الحشد", "a car carrying PMF
    fighters"): they suffered."""
    return any(token.text.lower() in _CARRYING for token in tokens[max(0, hit.first - 4) : hit.first])


_CARRYING = {"carrying", "transporting", "تقل", "يقل", "تنقل", "ينقل", "تقلان", "تقلهم"}


def _patrol(hit: Hit, tokens: list[Token]) -> bool:
    """The force is named by a patrol or unit of it ("دورية للشرطة", "a police patrol", "قوة من الجيش")."""
    after = tokens[hit.last + 1].text if hit.last + 1 < len(tokens) else ""
    before = tokens[hit.first - 1].text if hit.first else ""
    return after in _PATROLS or bool(bare_forms(before) & _PATROLS) or (
        before == "من" and hit.first > 1 and bool(bare_forms(tokens[hit.first - 2].text) & _PATROLS))


_PATROLS = {"patrol", "patrols", "unit", "units", "team", "دوريه", "دوريات", "قوه", "مفرزه", "مفارز"}


def _describes(word: str) -> bool:
    """An English word that describes a force before its name: "government-allied" (two words), "Sunni", "local"."""
    return word in _FORCE_DESCRIPTORS


_FORCE_DESCRIPTORS = {"government", "sunni", "shiite", "shia", "local", "pro", "state", "allied", "backed", "supported",
                      "armed"}


_SEAT_WORDS = {"مقره", "مقرها", "مقراته", "مقرا"}


def _based_in(tokens: list[Token], mention: ForeignMention) -> bool:
    """The foreign place is where a source is based ("the Britain-based Syrian Observatory", "ومقره بريطانيا", "يتخذ
    من لندن مقرا"): no scene abroad."""
    after = [token.text.lower() for token in tokens[mention.last + 1 : mention.last + 2]]
    before = {form for token in tokens[max(0, mention.first - 2) : mention.first] for form in bare_forms(token.text)}
    return after == ["based"] or bool(before & _SEAT_WORDS) or bool(
        {form for word in after for form in bare_forms(word)} & _SEAT_WORDS)


def _border_with(tokens: list[Token], mention: ForeignMention, border_words: frozenset[str]) -> bool:
    """The foreign country names a border of Iraq or Syria ("قرب الحدود مع تركيا", "near the border with Jordan"),
    which is no scene abroad."""
    before = [token.text.lower() for token in tokens[max(0, mention.first - 4) : mention.first]]
    return bool(before) and before[-1] in ("مع", "with") and any(
        bare_forms(word) & border_words for word in before[:-1])


def _abroad_nearer(tokens: list[Token], main: Hit, abroad: list[ForeignMention], groups: list,
                   complements: frozenset[str], locative: frozenset[str]) -> bool:
    """A foreign place after "في"/"in" (or "على أرض") stands nearer the incident's word than any place of Iraq or
    Syria in the clause, leaving out those before the "إن"/"that" that opens a statement (a source's town): the
    incident happened there ("قال مسؤول في دمشق إن انفجارا وقع في بيروت")."""
    def distance(first: int, last: int) -> int:  # of two as near, the one after the word
        return 2 * (main.first - last) + 1 if last < main.first else 2 * (first - main.last)

    starts = [token.start for token in tokens]
    home = min((distance(k, k) for group in groups for place, _ in group
                for k in [bisect_left(starts, place.start)]
                if not (k < main.first and any(bare_forms(token.text.lower()) & complements
                                               for token in tokens[k + 1 : main.first]))), default=len(tokens) * 2)
    return any(m.first and bare_forms(tokens[m.first - 1].text.lower()) & locative
               and distance(m.first, m.last) < home for m in abroad)


def _generic_forces(hits: list[Hit]) -> dict[str, str]:
    """By country, the force that a report's generic forces ("قوات الأمن", "security forces") are: the first it names
    of those that claim them (actors.toml ``claims_generic``: the SDF, the Asayish), where it names no other state
    force of that country ("قالت قوى الأمن الداخلي إن قوات الأمن أوقفت …")."""
    named: dict[str, list[Actor]] = {}
    for hit in hits:
        if hit.payload.name and hit.payload.side == "state" and hit.payload.country and not hit.payload.spokesman:
            named.setdefault(hit.payload.country, []).append(hit.payload)
    return {country: actors[0].name for country, actors in named.items()
            if all(actor.claims_generic for actor in actors)}


def _airborne(hit: Hit, tokens: list[Token], aircraft: frozenset[str]) -> bool:
    """The force is named by its aircraft: "طيران التحالف", "طائرات الجيش", "the coalition's airpower"; Arabic
    names the aircraft before its owner ("قتل عناصر من قسد بطائرة": the aircraft that followed struck them)."""
    after = hit.last + 2 if hit.last + 1 < len(tokens) and tokens[hit.last + 1].text == "s" else hit.last + 1
    if not tokens[hit.first].text.isascii():
        after = hit.last
    near = [tokens[k].text.lower() for k in range(max(0, hit.first - 1), min(len(tokens), after + 1))]
    return any(bare_forms(word) & aircraft or word in ("airpower", "air", "aviation") for word in near)


def _air_force(hits: list[Hit], tokens: list[Token], country: str, actor1: str,
               aircraft: frozenset[str]) -> str | None:
    """Another state force named by its aircraft, where the one that acted is not: the air strike's owner."""
    if any((_airborne(hit, tokens, aircraft) or any(_sharing_noun(tokens, hit, other) and _airborne(
            other, tokens, aircraft) for other in hits)) and hit.payload.resolve(country) == actor1 for hit in hits):
        return None  # the force that acted flew the aircraft itself (or shares them: "Syrian and Russian warplanes")
    return next((name for hit in hits if hit.payload.side == "state" and not hit.payload.nationality_only
                 and _airborne(hit, tokens, aircraft) for name in [hit.payload.resolve(country)]
                 if name and name != actor1), None)


def _sharing_noun(tokens: list[Token], first: Hit, second: Hit) -> bool:
    """Two forces that share one noun through "and" or "و" ("Iraqi and US forces", "القوات العراقية والأمريكية")."""
    return (second.first == first.first + 2 and tokens[first.first + 1].text == "and") or (
        second.first == first.last + 1 == second.last and tokens[second.first].text.startswith("و"))


def _took_part(tokens: list[Token], hit: Hit, markers: frozenset[str]) -> bool:
    """The force is named as taking part in what the clause tells ("بالتنسيق مع التحالف", "with the coalition")."""
    before = [token.text.lower() for token in tokens[max(0, hit.first - 4) : hit.first]]
    while before and before[-1] in ("the", "us-led", "u.s.-led", "international"):
        before.pop()
    return any(" ".join(before[len(before) - len(marker.split()):]) == marker for marker in markers)


def _passive_by(tokens: list[Token], first: int) -> bool:
    """"was killed by unknown gunmen", "were arrested by the SDF", "in an attack by a gunman": the force after "by"
    and a participle or a noun of a blow acted."""
    k = first if tokens[first].text == "by" else first - 1  # (a name that holds its "by": "by a gunman")
    if k >= 1 and tokens[k].text in ("the", "a", "an"):
        k -= 1
    if k < 1 or tokens[k].text != "by":
        return False
    verb = tokens[k - 1].text.lower()
    if verb in ("dead", "down", "out") and k >= 2:  # "shot dead by", "gunned down by", "carried out by"
        verb = tokens[k - 2].text.lower()
    return verb.endswith("ed") and verb not in _HELD_BY or verb in ("shot", "hit", "struck", "taken", "seized") or (
        verb in _BLOWS_BY)


_NEW_REGIME = {"new", "interim", "transitional"}  # "Syria's new security forces": still the country's
_BLOWS_BY = {"attack", "attacks", "assault", "ambush", "raid", "strike", "strikes", "airstrike", "airstrikes", "shelling",
             "bombing", "shooting"}  # "an attack by a gunman": nouns of a blow its agent follows


# participles of what a force has, backs or holds, not of what it did ("facilities used by Iran-backed militias",
# "an area controlled by the SDF")
_HELD_BY = {"backed", "supported", "led", "funded", "armed", "trained", "used", "controlled", "owned", "operated",
            "occupied", "manned", "frequented", "dominated", "inhabited", "populated", "protected", "guarded",
            "sponsored", "financed", "equipped", "designated", "considered", "recognized", "recognised"}


def _seat(mention: PlaceMention) -> bool:
    """A city named like its governorate ("دير الزور", "Raqqa"): reports take it as a reference point like a big one."""
    return any(c.feature == "city" for c in mention.candidates) and any(
        c.feature == "admin1" for c in mention.candidates)


def _exposed(hit: Hit, tokens: list[Token], exposed: frozenset[str]) -> bool:
    """A verb of suffering stands just before the force ("تعرضت دورية للجيش لهجوم") or after it and its adjective
    ("مروحية روسية تعرضت لإطلاق نار")."""
    return any(bare_forms(token.text) & exposed
               for token in tokens[max(0, hit.first - 3) : hit.first] + tokens[hit.last + 1 : hit.last + 3])


def _nationality(hit: Hit, tokens: list[Token], nationalities: dict[str, str],
                 between: frozenset[str] = frozenset()) -> str | None:
    """The country an adjective gives a force named without one: "Iraqi authorities", "السلطات العراقية",
    "طائرة مسيرة تركية", past a word of the means (``between``: "بضربة جوية أمريكية", "a US air strike")."""
    english = tokens[hit.first].text.isascii()
    possessor = _possessor(tokens, hit.first)  # "Iraq's army", "Syria's new security forces"
    before = hit.first - 1 if possessor is None else possessor
    # an Arabic adjective follows its noun, an English one comes before it ("قاعدة التنف الأمريكية بطائرة مسيرة": the
    # base is American, not the drone)
    k = before if english else hit.last + 1
    if 0 <= k < len(tokens) and tokens[k].text.lower() in between:
        k += -1 if english else 1
    if not 0 <= k < len(tokens):
        return None
    if english and k >= 1 and tokens[k].text == "s" and tokens[k - 1].text == "u":
        return nationalities.get("us")  # "U.S."
    return next((COUNTRY_WORDS.get(form) or nationalities[form] for form in bare_forms(tokens[k].text.lower())
                 if form in COUNTRY_WORDS or form in nationalities), None)


def _possessor(tokens: list[Token], k: int) -> int | None:
    """Where the English possessor stands whose "'s" (and an adjective of a new regime) comes right before token
    ``k`` ("Iraq's army", "Syria's new security forces"; not "U.S."), if one does."""
    j = k - 1
    if j >= 2 and tokens[j].text.lower() in _NEW_REGIME and tokens[j - 1].text == "s":
        j -= 1
    return j - 1 if j >= 1 and tokens[j].text == "s" and tokens[j - 1].text != "u" else None


def _number_after(hit: Hit, tokens: list[Token]) -> bool:
    """An Arabic name of people followed by "two" ("إرهابيين اثنين", "عنصرين اثنين"): those counted (another number
    after a name counts the noun after it: "قتل مسلحون خمسة رعاة"; so does "two of": "قتل مسلحون اثنين من عناصر
    الشرطة")."""
    return hit.last + 1 < len(tokens) and bool(bare_forms(tokens[hit.last + 1].text) & _TWO_AFTER) and not (
        hit.last + 2 < len(tokens) and tokens[hit.last + 2].text in ("من", "of"))


def _counted(hit: Hit, tokens: list[Token], dates: tuple[tuple[int, int], ...],
             members: frozenset[str] = frozenset()) -> bool:
    """A number stands in the three words before the force's name or is the name: its members were counted
    ("قتيلان من عناصر الجيش"; but in "وفقد ثالث إثر هجوم لعناصر داعش" the third is someone else); in English,
    "a"/"an" before the name and a member after it count one ("a PMF commander", "an Iraqi army officer")."""
    article = hit.first - 2 if hit.first >= 2 and tokens[hit.first - 1].text.lower() in _SENIORITY else hit.first - 1
    if (article >= 0 and tokens[article].text.lower() in ("a", "an") and hit.last + 1 < len(tokens)
            and tokens[hit.last + 1].text.lower() in members):
        return True  # … "a senior ISIS leader"
    if _number_after(hit, tokens):
        return True  # "تصفية إرهابيين اثنين": Arabic may give the number after its noun
    window = tokens[max(0, hit.first - 7) : hit.first]
    # (a number of the clause before a link is that clause's: "two wounded when Islamic State militants attacked")
    links = [k for k, token in enumerate(window) if token.text.lower() in _CLAUSE_LINKS]
    window = window[links[-1] + 1 :] if links else window
    before = [token for token in window if token.text not in ("a", "an", "the")
              and not (token.text.isascii() and _describes(token.text))]  # "two members of a Sunni tribal militia"
    # a definite adjective inside the name counts nobody ("داعش الإرهابي"); "جنديان" is its own number
    name = [tokens[hit.first]] + [token for token in tokens[hit.first + 1 : hit.last + 1] if not token.text.startswith("ال")]
    return _people(before[-3:] + name, dates)  # "two members of a militia"


_GIVING = {"سلم", "سلمت", "سلموا", "يسلم", "handed", "hands", "hand", "handing"}  # a handover's verbs of giving
_ENGLISH_ATTACKS = {"attack", "gunfire"}  # triggers whose English verb has the attacker right before it


def _receiver(hits: list[Hit], tokens: list[Token], main: Hit, country: str,
              admin1: str | None) -> tuple[str, tuple[int, int]] | None:
    """The force a site or ground was handed over to ("سلمت قسد السجن إلى القوات الحكومية", "للحكومة السورية",
    "handed over the camp to government forces"): its name and span."""
    if not bare_forms(tokens[main.first].text.lower()) & _GIVING:
        return None
    for hit in hits:
        before = tokens[hit.first - 1].text.lower() if hit.first else ""
        if hit.first > main.last and (before in _TO or (before == "the" and hit.first > 1 and tokens[
                hit.first - 2].text.lower() in _TO) or tokens[hit.first].text.startswith("لل")):
            name = hit.payload.resolve(country, admin1)
            if name:
                return name, (tokens[hit.first].start, tokens[hit.last].end)
    return None


def _actors(hits: list[Hit], tokens: list[Token], main: Hit, trigger: Trigger, country: str,
            foiled: bool, members: frozenset[str], exposed: frozenset[str],
            dates: tuple[tuple[int, int], ...], nationalities: dict[str, str], posts: frozenset[str] = frozenset(),
            agents: frozenset[str] = frozenset(), generic: str | None = None,
            means_adjectives: frozenset[str] = frozenset(), admin1: str | None = None,
            armies: dict[str, str] | None = None) -> tuple[str | None, str | None, dict[str, tuple[int, int]]]:
    """actor1 (the side that acted) and actor2, by the trigger's usual agent and nearness to it; ``generic``: whose
    the report's generic forces of the country are, where it says (see :func:`_generic_forces`); ``armies``: each
    country's own forces."""
    armies = armies or {}
    adjectives = [_nationality(hit, tokens, nationalities, means_adjectives) if hit.payload.name is None else None
                  for hit in hits]
    # "قوات حرس الحدود التركية", "Turkish border guards": a named force of one country, given another's adjective, is
    # that country's own forces
    # (not an adjective joined by "و", which names another force: "القوات العراقية والأمريكية")
    foreign = [armies.get(adjective) if hit.payload.name and hit.payload.country and not (
        hit.last + 1 < len(tokens) and tokens[hit.last + 1].text.startswith("و")) and (
        adjective := _nationality(hit, tokens, nationalities)) and adjective != hit.payload.country else None
        for hit in hits]
    resolved = [(hit, None if hit.payload.nationality_only and not adjective else
                 generic if generic and hit.payload.claimable and not adjective else
                 other_army or hit.payload.resolve(adjective or country, admin1),
                 hit.payload.side) for hit, adjective, other_army in zip(hits, adjectives, foreign, strict=True)]
    resolved = [(hit, name, side) for hit, name, side in resolved if name]
    # "ضابط في الشرطة وسائقه", "a police officer and his driver": the one named with his possessive goes with the
    # person before him, and is no side of his own
    resolved = [item for k, item in enumerate(resolved) if not (
        item[2] == "civilian" and k > 0 and _companion(tokens, item[0]))]
    # "عناصر من الفرقة الرابعة في قوات النظام", "soldiers of the 20th Brigade of the Iraqi army": a unit and the force
    # it is "in" or "of" are one force, read where the chain begins (the people counted are its members)
    resolved = [item for k, item in enumerate(resolved) if not any(
        other[1] == item[1] and 0 < item[0].first - other[0].last <= 3
        and tokens[item[0].first - 1].text.lower() in _UNIT_OF for other in resolved[:k])]
    # "خلية إرهابية تتبع لتنظيم داعش": the terrorists a Syrian statement leaves unnamed are the group it names
    # (not where the group named is whose member was killed: "قتل مسلحون إرهابيون قياديا في داعش")
    resolved = [(hit, name, side) for hit, name, side in resolved if not (
        name == UNIDENTIFIED and hit.payload.name == ISLAMIC_STATE
        and any(other_name == ISLAMIC_STATE and not _victim(other, tokens, members | posts, dates)
                for other, other_name, _ in resolved))]
    # a spokesman ("خلية الإعلام الأمني") is its force only where no other force of its side is named
    resolved = [(hit, name, side) for hit, name, side in resolved if not hit.payload.spokesman or not any(
        other.payload.side == side and not other.payload.spokesman for other, _, _ in resolved)]
    supporters = {id(hit) for hit in hits
                  if " ".join(t.text for t in tokens[max(0, hit.first - 2) : hit.first]) in _SUPPORT_MARKERS
                  # "coalition-backed SDF raids", "Turkey-backed factions": the backer named before the force it backs
                  or (hit.last + 2 < len(tokens) and tokens[hit.last + 1].text in _BACKED
                      and any(other.first in (hit.last + 2, hit.last + 3) for other in hits))}
    if len(supporters) < len(resolved):  # "فصائل الجيش الوطني المدعومة من تركيا": the backer is no side here
        resolved = [item for item in resolved if id(item[0]) not in supporters]
    if trigger.id in _FINDING:
        # "عثرت الشرطة على جثث …", "Police found the bodies of …": the force that found them is no side
        # (nor a patrol of it that found them: "عثرت دورية للشرطة على جثة", "a police patrol found the body")
        resolved = [item for item in resolved if not (item[2] == "state" and item[0].last < main.first and (
            not _suffered(item[0], tokens, members, dates) or _patrol(item[0], tokens)))]
    # (but the subject of an Arabic verb of targeting, its object a post after it: "استهدفت المقاومة الإسلامية قاعدة")
    targets = {id(hit) for hit in hits if hit.first > 0 and tokens[hit.first - 1].text in _TARGET_MARKERS and not (
        tokens[hit.first - 1].text.startswith("استهدف") and hit.last + 1 < len(tokens)
        and bare_forms(tokens[hit.last + 1].text) & posts)}
    if any(id(hit) not in targets for hit, _, _ in resolved):  # "عمليات ضد قسد": قسد was the target
        resolved = [item for item in resolved if id(item[0]) not in targets] + [
            item for item in resolved if id(item[0]) in targets]
    agent = "state" if foiled else trigger.agent
    # "اشتبك الجيش السوري مع قسد": the force a clash was "with" is the other side, whatever its side
    def with_(hit: Hit) -> bool:  # "مع قسد", "مع قوات قسد", "with the SDF"
        k = hit.first
        while k > 0 and tokens[k - 1].text in _FORCE_NOUNS:
            k -= 1
        return k > 0 and tokens[k - 1].text in _OPPONENT_MARKERS

    opposed = trigger.id == "clash" and any(hit.first > main.last and with_(hit) for hit, _, _ in resolved)
    # "اشتباكات بين X وY"; and, where no force follows "with", "X and Y clashed", "X وY اشتبكا": two forces joined
    # before the clash fought each other
    between = trigger.id == "clash" and (any(
        token.text in _BETWEEN for token in tokens[main.last + 1 : main.last + 4]) or not opposed and any(
        a.last < b.first < main.first and b.first - a.last <= 3  # "… and Syrian government troops"
        and (tokens[a.last + 1].text == "and" or tokens[a.last + 1].text.startswith("و"))
        for a, b in itertools.pairwise(sorted(hits, key=lambda hit: hit.first))))
    sides_after = [item for item in resolved if item[0].first > main.last]
    if between and len({name for _, name, _ in sides_after}) >= 2:
        resolved = sides_after  # "families fled after clashes between the YBS and the army": the two that fought
    if agent is None and between and any(side == "state" for _, _, side in resolved):
        agent = "state"  # "اشتباكات بين حزب العمال الكردستاني والجيش العراقي": the state's force is named first
    if opposed and len({name for _, name, _ in resolved}) == 1:
        # "اشتبك مقاتلو العشائر مع قسد": the only force named is the one the clash was with; who fought it is not named
        hit = resolved[0][0]
        return None, resolved[0][1], {"actor2": (tokens[hit.first].start, tokens[hit.last].end)}
    if not resolved:  # nobody named: actor1 stays empty (GUIDELINES §5: a device of no stated party)
        return None, None, {}
    # "قتل ثلاثة من مسلحي داعش على يد قسد": the force named as the agent of a passive verb acted, whatever its side
    marked = next((item for item in resolved if " ".join(
        token.text for token in tokens[max(0, item[0].first - 2) : item[0].first]) in agents
        or tokens[item[0].first - 1 : item[0].first] and tokens[item[0].first - 1].text in agents
        or _passive_by(tokens, item[0].first)
        # "باستهداف من ميليشيا قسد", "بقصف من الطيران التركي": "من" right after the incident's noun names its doer
        or (item[0].first > main.last + 1 and tokens[main.last + 1].text == "من" and not tokens[main.first].text.isascii()
            and all(token.text in _FORCE_NOUNS for token in tokens[main.last + 2 : item[0].first]))), None)
    if marked is not None and marked[2] == "unknown":
        # "بهجوم شنه مسلحون يرجح انتماؤهم لخلايا التنظيم": gunmen and the group they are said to belong to are one
        # side, named by the group
        marked = next((item for item in resolved if item[2] == "insurgent" and 0 < item[0].first - marked[0].last <= 6
                       and any(bare_forms(token.text.lower()) & _BELONGING
                               for token in tokens[marked[0].last + 1 : item[0].first])), marked)
    if marked is not None:
        # the other side: a force of another side, or one of the same side that suffered ("قتل جنديان على يد
        # عناصر من الحشد"); an ally that only announced it ("أعلنت قيادة العمليات … بعملية نفذها جهاز …") is none
        # (gunmen and the group they belong to are one side: "نفذه مسلحون يتبعون لخلايا داعش")
        sides = {marked[2]} | ({"insurgent", "unknown"} if marked[2] in ("insurgent", "unknown") else set())
        other = next((item for item in resolved if item[1] != marked[1] and item[2] not in sides), None) or next(
            (item for item in resolved if item[1] != marked[1] and _suffered(item[0], tokens, members, dates)), None)
        if other is None and any(without_possessive(form) in members for token in tokens
                                 for form in bare_forms(token.text) if form.endswith(("ها", "هم"))):
            # "أعلنت وزارة الدفاع مقتل ثلاثة من عناصرها باستهداف من قسد": the force whose members its pronoun counts
            other = next((item for item in resolved if item[1] != marked[1] and item[0].last < main.first), None)
        spans = {"actor1": (tokens[marked[0].first].start, tokens[marked[0].last].end)}
        if other is not None:
            spans["actor2"] = (tokens[other[0].first].start, tokens[other[0].last].end)
        return marked[1], other[1] if other else None, spans

    def nearness(item: tuple[Hit, str, str]) -> int:
        hit = item[0]
        return main.first - hit.last if hit.last < main.first else 1000 + hit.first - main.last

    ordered = sorted(resolved, key=nearness)
    by_position = sorted(resolved, key=lambda item: item[0].first)
    # (a force named as where the blow fell is none: "استهدف هجوم قاعدة للقوات الأمريكية", "a drone attack targeted US
    # forces", "a US base")
    first = next((item for item in by_position if item[2] == agent and not (
        trigger.event_type in _VIOLENT and _struck_at(item[0], tokens, posts, targets))), None) if agent else None
    if first is None and agent is None:
        first = next((item for item in by_position if item[0].last < main.first), None)
    # "أعلنت وزارة الدفاع مقتل اثنين من عناصرها": the force named, and its members counted by their pronoun
    own_members = any(without_possessive(form) in members for token in tokens
                      for form in bare_forms(token.text) if form.endswith(("ها", "هم")))
    lost_members = None
    if first is not None and first[2] == "state" and own_members and trigger.event_type in _VIOLENT and (
            first[0].last < main.first):
        # … where it is the only side named, it lost them and did not strike ("… في هجوم بطائرة مسيرة"); a
        # force named after the incident did ("… بطائرة مسيرة لقسد")
        striker = next((item for item in ordered if item[1] != first[1] and item[0].first > first[0].last
                        # a count before it makes it a victim, not a blow named by its country ("بقصف تركي")
                        and (item[0].payload.nationality_only or not _counted(item[0], tokens, dates, members))), None)
        if striker is None and all(item[1] == first[1] for item in resolved):
            return None, first[1], {"actor2": (tokens[first[0].first].start, tokens[first[0].last].end)}
        if striker is not None:
            lost_members, first = first, striker
    if first is None and agent == "insurgent":
        first = next((item for item in ordered if item[2] == "unknown"), None)
        if first is None and trigger.id not in _FINDING:  # "هاجم الجيش التركي موقعا", "هجوم للحشد": a force right
            # after the word is its subject; "The Turkish army attacked …": or right before it (but the force that
            # found the bodies did not kill them: "عثرت القوات الأمنية على جثث")
            # ("أطلقت قوات حرس الحدود النار على …": or inside the phrase, between its verb and its object)
            first = next((item for item in ordered if item[2] == "state"
                          and (_beside(tokens, main.last, item[0].first) or _beside(tokens, item[0].last, main.first)
                               or main.first < item[0].first <= item[0].last < main.last)
                          and not _suffered(item[0], tokens, members, dates)), None)
        if first is None:  # the report names no perpetrator: only the victims (civilians or a force) or responders
            others = [item for item in ordered if item[2] == "civilian" or (
                item[2] == "state" and (_suffered(item[0], tokens, members, dates) or own_members
                                        or id(item[0]) in targets  # "an attack on US troops"
                                        or _exposed(item[0], tokens, exposed)))]  # "تعرضت مروحية أمريكية لنيران"
            if not others:
                return None, None, {}
            target = others[0][0]
            return None, others[0][1], {"actor2": (tokens[target.first].start, tokens[target.last].end)}
    if first is None and agent == "state" and trigger.event_type in _VIOLENT:
        # "أعلنت المقاومة الإسلامية استهداف قاعدة … بطائرة مسيرة": a group named before the strike, as no target and
        # as nobody who suffered, struck (but "a senior ISIS official was captured": the one arrested)
        first = next((item for item in by_position if item[0].last < main.first and id(item[0]) not in targets
                      and item[2] != "civilian" and not _suffered(item[0], tokens, members, dates)), None)
    if first is None and agent == "state":  # the acting force is not named: never make its target actor1
        target = ordered[0]
        return None, target[1], {"actor2": (tokens[target[0].first].start, tokens[target[0].last].end)}
    if first is None:
        first = ordered[0]
    # "The SDF attacked an IS cell", "Iraqi border guards opened fire on infiltrators": English names the force that
    # attacked right before its verb in the active, whatever its side
    subject = next((item for item in resolved if trigger.id in _ENGLISH_ATTACKS and tokens[main.first].text.isascii()
                    and item[0].last + 1 == main.first and item[2] != "civilian"
                    and not _suffered(item[0], tokens, members, dates)), None)
    if subject is not None:
        first = subject
    # (bombers who blew themselves up are counted, and acted: "Two ISIS suicide bombers blew themselves up", the force
    # right before the bombers' word too)
    bombers = trigger.id == "suicide_attack" and first[0].last + 1 == main.first
    if trigger.event_type in _VIOLENT and trigger.id != "self_detonation" and not bombers and not _describes_blow(
            first[0], main, tokens) and ((_suffered(first[0], tokens, members, dates) and (
                _counted(first[0], tokens, dates, members) or _suffered(first[0], tokens, posts, dates)
                or _passive_toll(first[0], tokens, members)))
            or _exposed(first[0], tokens, exposed) or _carried(first[0], tokens)):
        # "قوة من الحشد تعرضت إلى هجوم … دفعهم إلى الاشتباك"
        # "قتيلان من عناصر الجيش إثر كمين نصبه عناصر التنظيم", "تعرضت دورية للجيش لهجوم": who suffered did not act
        # … a blow named by its country ("بغارة تركية", "a Turkish drone") is that country's, whatever its side
        other = next((item for item in ordered if item[1] != first[1] and item[2] != "civilian"
                      and (item[2] != first[2] or _owns_means(item[0], tokens, members)
                           or item[0].payload.nationality_only
                           # the force the blow's own word names ("were killed in a US strike")
                           or (item[0].first <= main.last and item[0].last >= main.first))
                      # "نفذه عناصر داعش": members named as who acted; only a count makes them victims here
                      # (but the incident's own blow named by its country, "قتل مدني بقصف تركي", counts nobody)
                      and not (_suffered(item[0], tokens, members, dates)
                               and _counted(item[0], tokens, dates, members)
                               and not (item[0].payload.nationality_only and item[0].first <= main.last
                                        and item[0].last >= main.first))), None)
        mutual = next((item for item in by_position if item[1] != first[1] and item[2] != "civilian"), None) if (
            other is None and trigger.id == "clash") else None
        if mutual is not None:  # "six SDF fighters and four tribal gunmen were killed in clashes": they fought each other
            one, two = sorted((first, mutual), key=lambda item: item[0].first)
            return one[1], two[1], {"actor1": (tokens[one[0].first].start, tokens[one[0].last].end),
                                    "actor2": (tokens[two[0].first].start, tokens[two[0].last].end)}
        if other is None:
            return None, first[1], {"actor2": (tokens[first[0].first].start, tokens[first[0].last].end)}
        first = other
    # gunmen and the group they are said to belong to ("مسلحون يرجح أنهم من خلايا التنظيم") are one side, named
    # by the group ("مسلحون من داعش": the Islamic State)
    if first[2] == "unknown":  # (but not the group whose member they killed: "قتل مسلحون مجهولون قياديا في داعش")
        first = next((item for item in ordered if item[2] == "insurgent"
                      and not _victim(item[0], tokens, members | posts, dates)), first)
    one_side = {first[2]} | ({"insurgent", "unknown"} if first[2] in ("insurgent", "unknown") else set())
    # … but a force of the same side counted as the victims is the other side here ("Turkish drones struck …,
    # killing two SDF members")
    # … and in a clash "between" two forces of one side, the other force ("بين عناصر من العصائب وقوة من الجيش")
    # … the force the clash was "with" ("The SDF and the Asayish clashed with IS cells": IS, not the ally)
    opponent = next((item for item in resolved if opposed and item[1] != first[1] and item[0].first > main.last
                     and with_(item[0])), None)
    # … and ground that changed hands went from one force to another, whatever their sides ("دخلت قوات الجيش السوري
    # مدينة الطبقة بعد انسحاب قسد منها")
    changed_hands = trigger.id in _CHANGED_HANDS
    others = [item for item in ordered if item[1] != first[1] and (
        item[2] not in one_side or between or opposed or changed_hands or (
        trigger.event_type in _VIOLENT and _suffered(item[0], tokens, members, dates)
        # counted, or what the blow hit after its word ("قصفت مسيرة تركية سيارة لقسد"), or the subject of a passive toll
        # ("SDF fighters were killed in a Turkish strike")
        and (_counted(item[0], tokens, dates, members) or item[0].first > main.last
             or _passive_toll(item[0], tokens, members))))]
    # "Two policemen and a civilian were killed when gunmen attacked a checkpoint": of the victims of armed men, a
    # state's force is the other side of the fight, before the civilians caught in it
    fought = next((item for item in others if item[2] == "state"), None) if (
        first[2] in ("insurgent", "unknown") and trigger.event_type in _VIOLENT
        and any(item[2] == "civilian" for item in others)) else None
    second = lost_members or opponent or fought or next(iter(others), None)
    if second and second[2] == "unknown" and first[2] != "insurgent":
        # "اشتبكت قوات الحشد مع مسلحين من داعش": the gunmen are named by the group they belong to
        second = next((item for item in ordered if item[2] == "insurgent"), second)
    spans = {"actor1": (tokens[first[0].first].start, tokens[first[0].last].end)}
    if second:
        spans["actor2"] = (tokens[second[0].first].start, tokens[second[0].last].end)
    return first[1], second[1] if second else None, spans


def _struck_at(hit: Hit, tokens: list[Token], posts: frozenset[str], targets: set[int]) -> bool:
    """The force is named as what a blow was aimed at: after a word of aiming ("استهدف", "targeted", "on"), as a post
    of it ("قاعدة للقوات الأمريكية"), or by a post named with its country ("قاعدة أمريكية", "a US base")."""
    k = hit.first
    while k > 0 and tokens[k - 1].text.lower() in ("of", "the", "a", "an"):
        k -= 1  # "a base of the US forces"
    # (after a preposition of aim, not after the Arabic verb, whose subject follows it: "استهدفت طائرة مسيرة تركية")
    aimed = id(hit) in targets and tokens[hit.first - 1].text not in ("استهدف", "استهدفت")
    return aimed or any(bare_forms(tokens[j].text.lower()) & posts for j in (k - 1, hit.first) if j >= 0)


def _victim(hit: Hit, tokens: list[Token], members: frozenset[str], dates: tuple[tuple[int, int], ...]) -> bool:
    """The force is named as whose members or officials were counted among the dead ("قياديا في داعش")."""
    return _suffered(hit, tokens, members, dates) and _counted(hit, tokens, dates, members)


def _describes_blow(hit: Hit, main: Hit, tokens: list[Token]) -> bool:
    """The group is the incident noun's relative adjective, agreeing with it ("هجوم إرهابي", "الاعتداء الإرهابي"):
    it names who struck, whatever the clause counts."""
    word = tokens[hit.first].text
    # (right after the incident's noun, or the last word of its trigger: "بتعرض إرهابي")
    after_noun = hit.first == main.last + 1 or (main.first < hit.first and hit.last == main.last)
    return (hit.payload.side in ("insurgent", "unknown") and hit.first == hit.last and after_noun
            and word.endswith(("ي", "يه")) and word.startswith("ال") == tokens[hit.first - 1].text.startswith("ال"))


def _source_text(norm: NormalizedText, original: str, start: int, end: int) -> str:
    begin, stop = norm.source_span(start, end)
    return original[begin:stop]


def _trace(norm: NormalizedText, original: str, tokens: list[Token], main: Hit, place: ResolvedPlace,
           when: DateMention | None, actor_spans: dict, count_spans: dict, place_source: str,
           risen: bool = False) -> dict:
    """The text behind each field; ``risen``: the clause's counts are a toll that rose since first told (their
    kind "updated", which fusion takes over the lowest figure)."""
    def span(start: int, end: int, **extra: str) -> dict:
        begin, stop = norm.source_span(start, end)
        return {"text": original[begin:stop], "start": begin, "end": stop, **extra}

    trace = {
        "event_type": span(tokens[main.first].start, tokens[main.last].end, rule=main.payload.id),
        "location": span(place.start, place.end, source=place_source),
    }
    if when is not None and when.end > when.start:
        trace["event_date"] = span(when.start, when.end, kind=when.kind)
    elif when is not None:
        trace["event_date"] = {"text": "", "start": None, "end": None, "kind": "publication"}
    for name, (start, end) in actor_spans.items():
        trace[name] = span(start, end)
    for name, (start, end) in count_spans.items():
        trace[name] = span(start, end, kind="updated") if risen else span(start, end)
    return trace


# -- the report as a whole ----------------------------------------------------------------------
def publication_date_in_header(text: str, spans: list[Span]) -> date | None:
    """A full date written in the first lines of a report (its dateline or byline), if any."""
    for sentence in spans[:4]:
        tokens = tokenize(text, sentence.start, sentence.end)
        for mention in find_dates(text, tokens, None):
            if mention.kind == "day" and mention.value:
                return mention.value
    return None


def boilerplate(text: str, spans: list[Span]) -> set[int]:
    """Sentences that are page furniture: hashtag lines, short lines without a full stop (headlines of
    related articles, subheads, bylines), photo captions (a line with no full stop that ends with its
    credit: "(المرصد السوري)", "- AFP") and everything after a "read more" marker."""
    skipped = set()
    after_marker = False
    alone = "\n" not in text.strip()  # a feed's item or a post of one line: all the report there is
    for index, sentence in enumerate(spans):
        line = text[sentence.start : sentence.end]
        if _READ_MORE.search(line):
            after_marker = True
        words = line.split()
        hashtags = sum(1 for word in words if word.startswith("#"))
        ends = line.rstrip()[-1:] in ".!?؟:\"'"
        if after_marker or hashtags * 2 >= max(1, len(words)) or (
            (len(words) < 12 or _CAPTION.search(line)) and not ends and _whole_line(text, sentence) and not alone
        ):
            skipped.add(index)
    return skipped


WINDOW_CHARS = 200_000


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of about WINDOW_CHARS, each ending at a paragraph break (else a line break, else anywhere)."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + WINDOW_CHARS)
        if end < len(text):
            lowest = start + WINDOW_CHARS // 2
            cut = next((found for found in (text.rfind("\n\n", lowest, end), text.rfind("\n", lowest, end)) if found > 0),
                       None)
            end = cut + 1 if cut is not None else end
        out.append((start, end))
        start = end
    return out


def _shift(event: Event, offset: int) -> None:
    """Offsets of a window's event into the whole document."""
    for evidence in event.evidence:
        evidence.start += offset
        evidence.end += offset
    for span in event.trace.values():
        if isinstance(span, dict) and span.get("start") is not None:
            span["start"] += offset
            span["end"] += offset


def _english(text: str) -> bool:
    """Whether a report is written in English rather than Arabic (more Latin letters than Arabic ones)."""
    sample = text[:2000]
    return len(_LATIN_LETTER.findall(sample)) > len(_ARABIC_LETTER.findall(sample))


def _headline(text: str, sentence: Span) -> bool:
    """In the report's first line, short and with no full stop at its end: its headline, not its lead."""
    head = text.lstrip()
    offset = len(text) - len(head)
    line = head.split("\n", 1)[0].rstrip()
    return (sentence.start < offset + len(line) and len(line.split()) <= 25 and not line.endswith((".", "،"))
            and bool(head[len(line) :].strip()))


def _whole_line(text: str, sentence: Span) -> bool:
    before = text[: sentence.start].rsplit("\n", 1)[-1]
    after = text[sentence.end :].split("\n", 1)[0]
    return not before.strip() and not after.strip()


def _compatible_dates(a: _Mention, b: _Mention) -> bool:
    if a.earlier != b.earlier:
        # "the attack comes a week after …": the incident told is an earlier one (but where the report then tells
        # that one in full, "days after militants killed four soldiers" … "On Sunday, militants killed four
        # soldiers", the same toll makes it the same)
        named, told = (a, b) if a.earlier else (b, a)
        if not (_same_figures(a.event, b.event) and named.event.evidence[0].start < told.event.evidence[0].start):
            return False
    da, db = a.event.event_date, b.event.event_date
    if not da or not db:
        return True
    gap = abs((date.fromisoformat(da) - date.fromisoformat(db)).days)
    if a.explicit_day and b.explicit_day:
        return gap == 0
    if all(m.event.time_precision == 1 and m.date_source in ("clause", "sentence") for m in (a, b)):
        return gap <= 1  # two days the report names ("on the 11th" … "yesterday evening"): not a week apart
    return gap <= 7


# the verb that says where an incident happened ("وقع الهجوم في …", "The attack took place in …")
_INSTITUTION_ADJECTIVES = {"civil", "military", "operations", "provincial", "local", "general", "teaching"}
_AT_A_BUILDING = {"in", "at", "near", "outside", "inside", "into"}
_TOOK_PLACE_AR = {"وقع", "وقعت", "جرت", "جري", "حدث", "حدثت", "استهدف", "استهدفت"}  # "… استهدف الهجوم نقطة قرب …"
_TOOK_PLACE_EN = ("took place", "happened", "occurred", "unfolded", "targeted")  # "The attack targeted a post near …"


def _says_where_it_took_place(told: Event, later: _Mention) -> bool:
    """The incident told at an area ("north of Baghdad"), then said to have taken place at or near a town of that
    area ("The attack took place in the town of Dujail", across a governorate line; "… near al-Sukhnah" after "the
    desert east of Homs", as far as a bearing reaches in the same governorate): the town is where it happened."""
    if told.latitude is None or later.event.latitude is None or told.geo_precision != 2 or (
            later.event.geo_precision not in (1, 2)):
        return False
    text = fold(later.event.evidence[0].text).lower() if later.event.evidence else ""
    words = {form for word in text.split() for form in bare_forms(word)}  # "ووقع التفجير"
    reach = _BEARING_REACH_KM if told.admin1 == later.event.admin1 else _BEARING_REACH_KM / 2
    return (bool(words & _TOOK_PLACE_AR) or any(phrase in text for phrase in _TOOK_PLACE_EN)) and haversine_km(
        told.latitude, told.longitude, later.event.latitude, later.event.longitude) <= reach


def _same_place(a: Event, b: Event) -> bool:
    """One place named in both, or one reading of a name the other read otherwise."""
    return a.place_id == b.place_id or a.place_id in b.place_alternatives or b.place_id in a.place_alternatives


_BEARING_WORDS = {"شرق": "E", "شرقي": "E", "غرب": "W", "غربي": "W", "شمال": "N", "شمالي": "N", "جنوب": "S",
                  "جنوبي": "S", "east": "E", "west": "W", "north": "N", "south": "S", "northeast": "NE",
                  "northwest": "NW", "southeast": "SE", "southwest": "SW"}


def _bearings(tokens: list[Token]) -> set[str]:
    """The compass directions the words before a place give ("شمال شرقي" → N and E)."""
    return {letter for token in tokens for form in bare_forms(token.text.lower())
            for letter in _BEARING_WORDS.get(form, "")}


def _lies_towards(place, anchor, directions: set[str]) -> bool:
    """``place`` lies in those directions from ``anchor`` (or too near it to tell: 20 km)."""
    if haversine_km(place.lat, place.lon, anchor.lat, anchor.lon) < 20:
        return True
    checks = {"E": place.lon > anchor.lon, "W": place.lon < anchor.lon, "N": place.lat > anchor.lat,
              "S": place.lat < anchor.lat}
    return all(checks[d] for d in directions)


def _namesakes(mention: PlaceMention) -> bool:
    """Several places far apart bear the name (الرصافة in Baghdad, al-Hasakah, Hama …), not one town and its unit."""
    places = mention.candidates
    return any(haversine_km(a.lat, a.lon, b.lat, b.lon) > _LOCATED_KM for a in places for b in places)


def _compatible_places(a: Event, b: Event) -> bool:
    if a.latitude is None or b.latitude is None:
        return a.admin1 == b.admin1
    if _same_place(a, b):
        return True  # one name, read as two of the places that bear it: one place in one report
    if a.country and b.country and a.country != b.country and "infiltration" not in set(a.tags) | set(b.tags):
        return False  # "strikes near Albu Kamal …; in Iraq, the strikes hit al-Qaim": a scene on each side
    distance = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
    coarse = max(a.geo_precision or 3, b.geo_precision or 3)
    # an area ("ريف دير الزور الشرقي", "east of Mosul") reaches further from its named place than a town does
    if distance <= 30:
        return True
    return a.admin1 == b.admin1 and (coarse >= 3 or (coarse == 2 and distance <= NEAR_AREA_KM))


_BORDER_AREA_KM = 60  # how far from the border a place told may be for "the border strip" after it to be near it
NEAR_AREA_KM = 60  # how far a report's "countryside" or "east of" a named place reaches, for one incident
_THAT = {"ان", "وان", "بان", "that"}  # what opens a statement's content
_TOOK_PLACE = {"جرت", "وقعت", "تمت", "نفذت", "جري", "وقع", "تم", "نفذ"}  # "جرت العملية …": the incident took place
_BACK_REFERENCES = {"ذلك", "هذا", "هذه", "الخبر", "الانباء", "الادعاء", "الادعاءات", "صحه", "صحتها", "صحته", "صحتهما",
                    "that", "this", "it", "the claim", "reports", "the reports"}  # "فيما نفت القيادة صحتها"
_CITY_KM = 20  # how far from a big city's centre its neighbourhoods lie
_BEARING_REACH_KM = 250  # "شمال بغداد", "north of Baghdad": as far as a report's bearing from a city may reach
_LOCATED_KM = 90  # how far from the big city that locates it a place of several namesakes named before it may lie
_AMBUSH_WORDS = {"كمين", "كمينا", "ambush"}
_MEMBER_OF = {"من", "في", "of", "from"}
_SUFFERED_AFTER = {("came", "under"), ("come", "under"), ("was", "attacked"), ("were", "attacked"), ("was", "targeted"),
                   ("were", "targeted"), ("was", "ambushed"), ("were", "ambushed"), ("was", "hit"), ("were", "hit"),
                   ("survived", "an"), ("survived", "a"),  # "a police chief survived an assassination attempt"
                   # the force's men a passive count verb tells of ("a senior IS leader was killed in an air strike")
                   *((aux, verb) for aux in ("was", "were") for verb in (
                       "killed", "wounded", "injured", "captured", "arrested", "detained", "kidnapped", "abducted"))}
_RECAPTURED_PEOPLE = {"them", "the", "escapees", "fugitives", "prisoners", "detainees", "inmates", "most", "all",
                      "some", "several", "dozens"}
_FOILED_BY_ARREST = {"escape", "infiltration", "foiled_plot"}
_ONE_WORDS = {"واحد", "واحده", "واحدا"}
# words whose first letter is the root's و, not "and" ("المدعو أبو علي والي الجنوب": the wali, no second man)
_WAW_WORDS = {"والي", "وزير", "وكيل", "والد", "والده", "والدته", "والدها", "وجيه", "ولده", "ولدها"}
_ONE_OF_THEM = {"احدهم", "احدهما", "احداهم", "احداهما"}  # "توفي أحدهما": one of those counted before
_FINDING = {"body_found", "found_dead", "bodies_of"}  # triggers whose subject found what others did
# what befell those found before they were found ("kidnapped last week", "اختطفهما مسلحون يوم الأحد"): English
# words, and the stems Arabic words begin with, whatever pronoun follows ("اختطفهم", "المختطفين")
_TAKEN_OR_KILLED = ("kidnapped", "abducted", "killed", "خطف", "اختطف", "المختطف", "مختطف", "المخطوف", "مخطوف", "قتلو",
                    "اعدمو")
_FOUND_WORDS = {"found", "discovered", "عثر", "عثرت", "العثور", "وجدت", "وجد"}
_SUPERLATIVES = {fold(word) for word in ("أعنف", "الأعنف", "أول", "الأول", "الأولى", "أكبر", "الأكبر", "أسوأ", "الأسوأ",
                                           "أكثر", "أعلى", "first", "deadliest", "worst", "biggest", "largest",
                                           "highest", "bloodiest", "most", "heaviest")}
_BELONGING = {fold(word) for word in ("يرجح", "يعتقد", "انتماؤهم", "انتمائهم", "ينتمون", "التابعين", "تابعين", "تابعون",
                                         "يتبعون", "يتبع", "تتبع", "يتبعان",  # "مسلحون يتبعون لخلايا داعش"
                                         "من", "believed", "suspected", "affiliated", "linked", "of")}
_TWO_AFTER = {"اثنين", "اثنان", "اثنتين", "اثنتان"}  # the number two after its noun ("إرهابيين اثنين")
_SENIORITY = {"senior", "top", "prominent", "local", "former", "high-ranking", "key", "leading"}  # "a senior IS leader"
_WOUNDED_PEOPLE = {"جريح", "جريحا", "جرحي", "مصاب", "مصابين"}  # the wounded as people (folded: الجرحى → جرحي)
_DYING = {"وفاه", "توفي", "توفيت"}
_RANK_WORDS = {"برتبه", "بدرجه"}  # "ضابط برتبة نقيب": the rank after a title, up to two words
_NAMING = {"المدعو", "المكني", "الملقب", "المدعوه"}  # "الإرهابي المدعو أبو محمد": a name, up to three words
_BUT_HE = {"لكنه", "لكنها", "ولكنه", "ولكنها", "الذي", "التي", "who", "later"}  # "…, but he died", "who later died"
_THE_LATTER = {"الاخيره", "الاخير", "الاخيرين"}
_MINISTRY = {"وزاره", "ministry"}  # a word of a ministry's name ("وزارة الداخلية", "the interior ministry")
_ENGLISH_POSSESSIVES = {"his", "her", "their"}
_ENGLISH_ARTICLES_AND_POSSESSIVES = {"the", "a", "an", "its", "recent", "latest"} | _ENGLISH_POSSESSIVES
_PLACE_KIND_WORDS = {"the", "city", "town", "village", "of", "مدينه", "بلده", "قريه"}
_CLAUSE_OPENERS = {"it", "they", "he", "she", "we", "that", "the", "its", "their", "his", "a", "an"}
_TOLL_WORDS = {fold("حصيلة"), "toll"}  # "ارتفاع حصيلة قتلى … إلى 9": a toll and the figure it reached
_UP_TO = {fold("إلى"), "to"}
_KIN_OF = {fold(word) for word in ("عائلات", "عوائل", "ذوي", "ذوو", "أسر", "أهالي", "عائلة", "أسرة", "أرامل", "أيتام",
                                    "families", "relatives", "family")}
_JOINED_DIRECTIONS = {"وشرق", "وغرب", "وشمال", "وجنوب", "وشرقي", "وغربي", "وشمالي", "وجنوبي"}
_ADMIN_CUES = {"محافظه", "قضاء", "ناحيه"}
_LISTED_CUES = _ADMIN_CUES | {"مدينه", "بلده", "قريه", "منطقه"}  # "وقضاء الرطبة": a list's next item
# what leads a place's name and goes with it when a count is looked for across it ("في محافظة كركوك")
_PLACE_LEAD = {"في", "محافظه", "قضاء", "ناحيه", "مدينه", "بلده", "قريه", "منطقه", "حي", "in", "near", "قرب"}
_SINGLED_OUT = {"ابرزها", "اخرها", "اعنفها", "اكبرها", "including"}
_ARRIVALS = {"وصل", "وصلت", "وصلوا", "وصول", "arrived", "reached"}  # where a transfer arrived ("وصلت إلى …")
_CLAIM_VERBS = {"claimed", "claims"}  # "IS claimed responsibility on Tuesday for …"
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_AFTER_WORDS = {"بعد", "عقب", "اثر", "after", "following"}
_AROUND_WORDS = _AFTER_WORDS | {"قبل", "قبيل", "منذ"}
_GENERIC_TRIGGERS = {"kill", "wound", "attack", "clash", "gunfire", "operation"}
_GUNFIRE_TRIGGERS = frozenset({"clash", "gunfire"})
_INSIDE_PRISON = frozenset({"prison_riot", "escape"})
_BELONGING_TO = (("تابعه",), ("التابعه",), ("تابع",), ("التابع",), ("belonging", "to"), ("owned", "by"))
_TOLL_TRIGGERS = frozenset({"kill", "wound", "toll_update"})  # a toll on its own: the incident is told elsewhere
_SAME_INCIDENT_SUB_TYPES = ({"Remote explosive/landmine/IED", "Suicide bomb"},
                            {"Armed clash", "Government regains territory"})


def _compatible_sub_types(a: str, b: str) -> bool:
    """Two accounts of one incident: the same sub-type, or one that refines the other (a bombing found to be
    a suicide bombing, a clash that retook ground)."""
    return a == b or any({a, b} <= pair for pair in _SAME_INCIDENT_SUB_TYPES)


def _same_figures(a: Event, b: Event) -> bool:
    """Both accounts give the same casualty figures (at least one, and none that differ)."""
    pairs = [(getattr(a, name), getattr(b, name)) for name in COUNT_FIELDS]
    both = [(x, y) for x, y in pairs if x is not None and y is not None]
    return bool(both) and all(x == y for x, y in both)


_RECAPTURES = ("recaptur", "re-arrest", "rearrest", "اعيد القبض", "اعادت القبض", "اعاد القبض", "اعادوا القبض",
               fold("اعادة القبض"))


def _recaptured(mention: _Mention) -> bool:
    """The arrest is of people caught again ("were recaptured", "أعيد القبض على …")."""
    text = fold(mention.event.trace.get("event_type", {}).get("text", "")).lower()
    sentence = fold(mention.event.evidence[0].text).lower() if mention.event.evidence else ""
    return any(word in text or word in sentence for word in _RECAPTURES)


def merge_mentions(mentions: list[_Mention]) -> list[_Mention]:
    """Merge the mentions of one incident within a report: same type, compatible date, and a compatible
    place, or the same governorate, sub-type and casualty figures (a summary line and its detailed account)."""
    merged: list[_Mention] = []
    for mention in [m for m in mentions if not m.reference]:
        a = mention.event
        target = next(
            (m for m in merged
             if m.event.event_type == a.event_type and _compatible_sub_types(m.event.sub_event_type, a.sub_event_type)
             and not (m.summary or mention.summary or m.several or mention.several)
             # "في الأثناء، …": another incident than those told in sentences before
             and not (mention.separate and m.event.evidence[0].start != a.evidence[0].start)
             # "قتل مدني بقصف على قرية في ريف منبج، وأصيب اثنان بقصف مماثل في ريف الباب": incidents one sentence joins
             and not (m.part is not None and mention.part is not None and m.part != mention.part)
             and _compatible_dates(m, mention)
             and (_compatible_places(m.event, a) or (
                 m.event.admin1 == a.admin1 and m.event.sub_event_type == a.sub_event_type and _same_figures(m.event, a))
                  or (mention.definite and not mention.separate and _says_where_it_took_place(m.event, mention)))),
            None,
        )
        if target is None:
            merged.append(mention)
        else:
            _absorb(target, mention, where=mention.definite and not mention.separate
                    and _says_where_it_took_place(target.event, mention))
    # a toll on its own ("26 شخصا قتلوا") joins the violent incident of another type it counts, where one fits:
    # at the same place, or with no place of its own; a killing in a town the report names for it ("ففي بلدة
    # ذيبان، قتل شاب برصاص مجهولين" beside a bombing in the next town) is an incident of its own
    for toll in [m for m in merged if m.casualties_only and not m.separate and not m.several]:
        fitting = [m for m in merged if m is not toll and not m.summary and not m.several
                   # "In a separate incident, …": another incident than the toll told before it
                   and not (m.separate and m.event.evidence[0].start > toll.event.evidence[0].start)
                   and m.event.event_type in _VIOLENT
                   and m.event.event_type != toll.event.event_type and _compatible_dates(m, toll)
                   and _compatible_places(m.event, toll.event)
                   and (toll.place_source != "clause" or _same_place(m.event, toll.event)
                        or (toll.event.geo_precision or 3) >= 2)]
        # the incident it counts: of the same figure (a toll told as the killing it is: "قتلت فلول داعش ثلاثة أشقاء"
        # beside "بعد مقتل ثلاثة أخوة"), else the first that is more than a toll
        told = next((m for m in fitting if toll.event.fatalities and m.event.fatalities == toll.event.fatalities),
                    None) or next((m for m in fitting if not m.casualties_only), None)
        if told is not None:
            _absorb(told, toll)
            merged.remove(toll)
    _crossings_met_with_fire(merged)
    _crossings_of_a_transfer(merged)
    # a raid's arrests told in a sentence of their own ("… killed an IS official. Two of his associates were
    # detained"): the same force, place and day make them the fight's (GUIDELINES §6: a raid with fighting)
    for arrest in [m for m in merged if m.event.sub_event_type == "Arrests" and m.event.arrested and not m.summary]:
        fight = next((m for m in merged if m.event.event_type == "Battles" and not m.summary
                      and m.event.evidence[0].start < arrest.event.evidence[0].start
                      and arrest.event.actor1 in (None, m.event.actor1) and _compatible_dates(m, arrest)
                      and _compatible_places(m.event, arrest.event)), None)
        if fight is not None:
            fight.event.arrested = (fight.event.arrested or 0) + arrest.event.arrested
            fight.event.evidence += [e for e in arrest.event.evidence if e not in fight.event.evidence]
            merged.remove(arrest)
    # escapees caught again ("Twelve inmates escaped …, and five of them were recaptured", "وأعيد القبض على خمسة
    # منهم"): the escape's, not arrests of their own
    for arrest in [m for m in merged if m.event.sub_event_type == "Arrests" and m.event.arrested and _recaptured(m)]:
        escape = next((m for m in merged if "prison_escape" in m.event.tags and m.event.sub_event_type == "Other"
                       and m.event.evidence[0].start <= arrest.event.evidence[0].start and _compatible_dates(m, arrest)
                       and _compatible_places(m.event, arrest.event)), None)
        if escape is not None:
            escape.event.arrested = (escape.event.arrested or 0) + arrest.event.arrested
            escape.event.evidence += [e for e in arrest.event.evidence if e not in escape.event.evidence]
            merged.remove(arrest)
    # one incident told twice in a report with two names for it ("عملية إنزال جوي … وقتلت شخصا" and later "غارة نفذتها
    # القوات الأميركية … أسفرت عن مقتل قيادي"): the same named side, governorate, day and toll, whatever the type
    for later in [m for m in merged if not m.headline and not m.summary and not m.several]:
        # … or named again by its noun with the article at the same place and day ("The attack in al-Mayadin was
        # the deadliest …" after "A suicide bomber blew himself up in a mosque in al-Mayadin")
        # … or, as the subject of its clause, told in more detail right after it ("The operation, backed by F-16 jets,
        # targeted a cave in Wadi Hauran" after "killed five militants in Anbar"; "أن العملية استهدفت خلية" after
        # an arrest): the incident just told, whatever word types the detail
        just_told = next((m for m in reversed(merged) if m is not later
                          and m.event.evidence[0].start < later.event.evidence[0].start), None)
        same = next((m for m in merged if m is not later and not m.headline and not m.summary and not m.several
                     and m.event.evidence[0].start < later.event.evidence[0].start
                     and m.event.event_type != later.event.event_type and m.event.event_type in _VIOLENT
                     and later.event.event_type in _VIOLENT and ((
                         m.event.actor1 not in (None, UNIDENTIFIED)
                         and m.event.actor1 == later.event.actor1 and m.event.admin1 == later.event.admin1
                         and m.event.event_date == later.event.event_date and m.event.fatalities
                         and m.event.fatalities == later.event.fatalities)
                         or (later.definite and not later.separate and _same_place(m.event, later.event)
                             and m.event.event_date == later.event.event_date))), None) or (
            just_told if just_told is not None and later.definite and not later.separate and not later.earlier
            and not just_told.headline and not just_told.summary and later.event.event_type in _VIOLENT
            and just_told.event.event_type != later.event.event_type
            and ((just_told.event.admin1 == later.event.admin1 and _compatible_places(just_told.event, later.event))
                 or _says_where_it_took_place(just_told.event, later))
            and _compatible_dates(just_told, later) else None)
        if same is not None and later in merged:
            later.event.event_type, later.event.sub_event_type = same.event.event_type, same.event.sub_event_type
            _absorb(same, later)
            merged.remove(later)
    # a headline ("8 قتلى بهجوم لداعش في بادية دير الزور") is the body's incident, typed as the body tells it
    _tell_one_by_one(merged)
    for headline in [m for m in merged if m.headline and not m.several]:
        bodies = [m for m in merged if not m.headline and not m.summary and m.event.admin1 == headline.event.admin1
                  and m.event.event_type in _VIOLENT and headline.event.event_type in _VIOLENT
                  and _compatible_dates(m, headline)]
        if len(headline.event.evidence) > 1:  # it found a body of its own type already: another incident of the
            # report is it only with its figure (a headline's toll is the main incident's)
            bodies = [m for m in bodies if m.event.fatalities is not None
                      and m.event.fatalities == headline.event.fatalities]
        # the body's account of its type, else of its figure ("بعد مقتل ثلاثة أخوة" is the killing of three, not the
        # abduction before it), else the first
        body = next((m for m in bodies if m.event.event_type == headline.event.event_type), None) or next(
            (m for m in bodies if headline.event.fatalities and m.event.fatalities == headline.event.fatalities),
            bodies[0] if bodies else None)
        if body is not None:
            _absorb(body, headline)
            merged.remove(headline)
    # "the operation used air strikes": the clause tells the incident before it again, and may type it better
    for reference in [m for m in mentions if m.reference]:
        before = [m for m in merged if m.event.evidence[0].start < reference.event.evidence[0].start]
        told = next((m for m in reversed(before) if not m.summary and _compatible_dates(m, reference)), None)
        if told is None and reference.toll_update:  # "the death toll rose to nine on Monday": days on
            told = next((m for m in reversed(before) if not m.summary and m.event.event_type in _VIOLENT), None)
        if told is None:
            if reference.explicit_day and any(getattr(reference.event, name) is not None for name in COUNT_FIELDS):
                merged.append(reference)  # a toll on a day of its own: another incident at the place told before
            continue
        # "واعتقلت ثلاثة خلال العملية", and those caught foiling an escape or an infiltration ("توقيف 12 كانوا
        # يحاولون التسلل خارج السياج")
        arrests_in_fight = (reference.event.sub_event_type == "Arrests" and reference.event.arrested is not None
                            and (told.event.event_type == "Battles" or told.trigger in _FOILED_BY_ARREST))
        if told.event.event_type != reference.event.event_type and not reference.casualties_only and not arrests_in_fight:
            if (reference.event.sub_event_type == "Arrests" and reference.event.arrested and reference.explicit_day
                    and told.event.event_type in _VIOLENT):
                merged.append(reference)  # "… arrested two suspects later on Friday": arrests after a bombing
                continue
            if (told.trigger not in _GENERIC_TRIGGERS or reference.event.event_type != "Explosions/Remote violence"
                    or reference.gunfire):  # bombs and gunfire: typed by what the report leads with (GUIDELINES §6)
                continue
            # a fight or a killing the report then says was done by a strike or a device
            told.event.event_type, told.event.sub_event_type = reference.event.event_type, reference.event.sub_event_type
            told.trigger = reference.trigger
        _absorb(told, reference)
    return merged


def _crossings_of_a_transfer(merged: list[_Mention]) -> None:
    """People the report told handed over who then "crossed the border at the Rabia crossing", or were "taken to a
    camp south of Mosul" with no figure of their own: the transfer's way, no crossing or transfer of its own (the
    transfer stays placed where it left, GUIDELINES §6)."""
    for later in [m for m in merged if (m.trigger == "infiltration" and m.event.actor1 is None
                                        and m.event.actor2 in (None, "Civilians"))
                  or (m.trigger in _TRANSFERS and m.event.transferred is None)]:
        transfer = next((m for m in reversed(merged) if m.trigger in _TRANSFERS and m is not later
                         and m.event.evidence[0].start < later.event.evidence[0].start
                         and _compatible_dates(m, later)), None)
        if transfer is not None:
            transfer.event.evidence += [e for e in later.event.evidence if e not in transfer.event.evidence]
            merged.remove(later)


_TRANSFERS = ("transfer", "camp_release")


_FIRE_TYPES = ("Battles", "Violence against civilians")


def _crossings_met_with_fire(merged: list[_Mention]) -> None:
    """A crossing the report told, then the fire that met it ("… ما أدى إلى مقتل اثنين منهم", "the guards opened fire,
    killing three of them"), with no side but the crossing's: one fight (GUIDELINES §3)."""
    for crossing in [m for m in merged if m.trigger == "infiltration" and not m.summary]:
        sides = {crossing.event.actor1, crossing.event.actor2, None, UNIDENTIFIED}
        fire = next((m for m in merged if m is not crossing and m.event.event_type in _FIRE_TYPES and m.event.fatalities
                     and m.event.evidence[0].start > crossing.event.evidence[0].start
                     and {m.event.actor1, m.event.actor2} <= sides and _compatible_dates(m, crossing)
                     and _compatible_places(m.event, crossing.event)), None)
        if fire is not None:
            crossing.event.event_type, crossing.event.sub_event_type = "Battles", "Armed clash"
            _absorb(crossing, fire)
            merged.remove(fire)


def _tell_one_by_one(merged: list[_Mention]) -> None:
    """A clause that sums incidents ("IS killed five SDF fighters in two separate attacks on Friday") gives way to
    the incidents the report then tells one by one, lending them the sides it names; told alone, it stays."""
    for several in [m for m in merged if m.several]:
        told = [m for m in merged if not m.several and m.event.event_type in _VIOLENT
                and several.event.event_type in _VIOLENT and m.event.admin1 == several.event.admin1
                and _compatible_dates(m, several)]
        if not told:
            continue
        for mention in told:
            for name in ("actor1", "actor2"):
                if getattr(mention.event, name) in (None, UNIDENTIFIED) and getattr(several.event, name) not in (
                        None, UNIDENTIFIED) and getattr(several.event, name) not in (
                        mention.event.actor1, mention.event.actor2):
                    setattr(mention.event, name, getattr(several.event, name))
        merged.remove(several)


_DATE_RANK = {"clause": 0, "sentence": 1, "context": 2, "announcement": 3, "publication": 4, "none": 5}
_DATE_FACTOR = {"announcement": "publication"}
_SUBTYPE_RANK = {"Suicide bomb": 0, "Government regains territory": 0, "Air/drone strike": 1}


def _absorb(target: _Mention, other: _Mention, where: bool = False) -> None:
    """Fold ``other``, an account of ``target``'s incident, into it (``where``: the account says where it took place)."""
    a, b = target.event, other.event
    detail = [sum(getattr(e, name) is not None for name in COUNT_FIELDS) for e in (a, b)]
    # the more precise place, or on a tie the place of the more detailed account, or of the one that says where it
    # took place; a clause that tells the incident again ("the operation …") borrowed its place from the report: it
    # refines only a governorate ("in Anbar province" … "the operation in Wadi Hauran"), never a place of its own
    refines = not other.reference or (a.geo_precision == 3 and (b.geo_precision or 9) < 3 and b.admin1 == a.admin1)
    if refines and ((b.geo_precision or 9) < (a.geo_precision or 9) or (
            b.geo_precision == a.geo_precision and (detail[1] > detail[0] or where))):
        for name in ("country", "admin1", "admin2", "location", "location_ar", "latitude", "longitude",
                     "geo_precision", "border_km", "border_sector", "place_id", "place_alternatives"):
            setattr(a, name, getattr(b, name))
        a.trace["location"] = b.trace.get("location", a.trace.get("location"))
    # (an incident named as some days before another takes the day of its own account: "days after militants killed
    # four soldiers" … "On Sunday, militants killed four soldiers")
    if b.event_date and (_DATE_RANK[other.date_source] < _DATE_RANK[target.date_source] or (
            target.earlier and not other.earlier)):
        a.event_date, a.time_precision = b.event_date, b.time_precision
        a.trace["event_date"] = b.trace.get("event_date", {})
        target.date_source, target.explicit_day = other.date_source, other.explicit_day
    if _SUBTYPE_RANK.get(b.sub_event_type, 5) < _SUBTYPE_RANK.get(a.sub_event_type, 5) and (
            b.event_type == a.event_type):
        a.sub_event_type = b.sub_event_type
    a.tags = sorted(set(a.tags) | set(b.tags))
    if a.actor1 in (None, UNIDENTIFIED) and b.actor1 not in (None, UNIDENTIFIED) and b.actor1 != a.actor2:
        a.actor1 = b.actor1  # the account that names the perpetrator ("من مخلفات داعش")
    elif b.actor1 and b.actor2 and a.actor2 is None and a.actor1 == b.actor2:
        # one side only, then both, with that side as the one that suffered ("استشهاد خمسة مقاتلين من الحشد أثناء
        # عملية" … "قوة من الحشد تعرضت لهجوم من داعش"): the account that names both sides
        a.actor1, a.actor2 = b.actor1, b.actor2
    a.actor1 = a.actor1 or b.actor1
    a.actor2 = a.actor2 or (b.actor2 if b.actor2 != a.actor1 else None)
    for name in COUNT_FIELDS:
        values = [v for v in (getattr(a, name), getattr(b, name)) if v is not None]
        # (the lowest of two sources' figures for one toll, GUIDELINES §6; else the fuller count of the accounts)
        setattr(a, name, (min(values) if other.estimate or target.estimate else max(values)) if values else None)
        if getattr(b, name) is not None and getattr(a, name) == getattr(b, name) and name in b.trace:
            a.trace.setdefault(name, b.trace[name])
    seen = {(e.start, e.end) for e in a.evidence}
    a.evidence += [e for e in b.evidence if (e.start, e.end) not in seen]
    target.site = target.site or other.site


def _upgrade_suicide_bombings(events: list[_Mention], mentions: list[_Mention], text: str, spans: list[Span]) -> None:
    """A bombing whose named site a suicide-bomber sentence of the same report names is a suicide bombing."""
    suicide_words = {"انتحاري", "انتحاريين", "الانتحاريين", "انتحاريه", "suicide"}
    for mention in events:
        event = mention.event
        if event.sub_event_type != "Remote explosive/landmine/IED" or not mention.site:
            continue
        for sentence in spans:
            line = text[sentence.start : sentence.end]
            words = {f for t in tokenize(line) for f in bare_forms(t.text)}
            if words & suicide_words and mention.site.split()[-1] in words:
                event.sub_event_type = "Suicide bomb"
                event.tags = sorted(set(event.tags) | {"suicide"})
                break
