"""Readable lexicons (TOML data files) and the clitic-aware phrase matcher that applies them."""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasad.errors import DataError
from rasad.model import ACLED_TYPES, MISSION_TAGS
from rasad.text.morphology import english_forms, inflections
from rasad.text.normalize import fold
from rasad.text.numbers import number_word
from rasad.text.tokens import Token, cue_forms, ordered_match_forms, tokenize


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found among tokens: its payload and the tokens it covers (first..last)."""

    payload: Any
    first: int
    last: int


@dataclass
class PhraseMatcher:
    """Finds lexicon phrases among tokens, longest first, each word matched with clitics stripped."""

    _index: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)
    forms: Callable[[str], tuple[str, ...]] = ordered_match_forms  # how a report's word may match a lexicon word

    def add(self, phrase: str, payload: Any) -> None:
        # split as a report's text is ("women's" is two words), the gap marker kept
        pieces = re.split(r"(\.{3,4}|<subject>)", fold(phrase))  # the parts, and the gap markers between them
        words = tuple(word for k, piece in enumerate(pieces)
                      for word in ([piece] if k % 2 else [token.text for token in tokenize(piece)]))
        if not words:
            return
        entries = self._index.setdefault(words[0], [])
        entries.append((words[1:], payload))
        entries.sort(key=lambda entry: -len(entry[0]))

    def _match_at(self, tokens: list[Token], i: int) -> list[tuple[int, Any]]:
        found = []
        for form in self.forms(tokens[i].text):  # a fixed order: ties never depend on the hash seed
            for rest, payload in self._index.get(form, ()):
                end = _match_rest(tokens, i + 1, rest, self.forms)
                if end is not None:
                    found.append((end - i, payload))
        return found

    def find(self, tokens: list[Token], overlapping: bool = False, ties: bool = False) -> list[Hit]:
        """Phrases found among the tokens; without ``overlapping``, the longest wins where phrases overlap, and with
        ``ties`` every phrase of a winning span is kept ("wounded" of two triggers)."""
        candidates = []
        for i in range(len(tokens)):
            for extra, payload in self._match_at(tokens, i):
                candidates.append(Hit(payload, i, i + extra))
        if overlapping:
            return candidates
        candidates.sort(key=lambda hit: (-(hit.last - hit.first), hit.first))
        taken: set[int] = set()
        chosen = []
        spans = set()
        for hit in candidates:
            span = set(range(hit.first, hit.last + 1))
            if ties and (hit.first, hit.last) in spans:
                chosen.append(hit)
                continue
            if span & taken:
                continue
            taken |= span
            spans.add((hit.first, hit.last))
            chosen.append(hit)
        return sorted(chosen, key=lambda hit: hit.first)


GAP = "..."
MAX_GAP = 4
# a longer gap, for a verb and its object with the subject between ("فككت وحدات الهندسة في وزارة الدفاع عبوة")
LONG_GAP = "...."
MAX_LONG_GAP = 10


# a verb's subject between it and its object ("سلمت <subject> سجن" finds "سلمت قسد سجن الشدادي"): up to four words,
# none a number or a preposition ("سلمت قسد 200 معتقل من سجن" hands over people, not the prison)
SUBJECT_GAP = "<subject>"
MAX_SUBJECT_GAP = 4
_NOT_IN_A_SUBJECT = frozenset({"من", "في", fold("الى"), fold("على"), "عن", "داخل", "from", "in", "to", "of", "at", "on",
                               "inside"})


def _in_a_subject(word: str) -> bool:
    return word.lower() not in _NOT_IN_A_SUBJECT and not any(c.isdigit() for c in word) and number_word(word) is None


def _match_rest(tokens: list[Token], i: int, rest: tuple[str, ...],
                forms: Callable[[str], tuple[str, ...]]) -> int | None:
    """The index of the last token matching ``rest`` from token i on ("..." skips up to four tokens, "...." up to
    ten, "<subject>" up to four that may be a verb's subject)."""
    if not rest:
        return i - 1
    word, tail = rest[0], rest[1:]
    if word == SUBJECT_GAP:
        for skip in range(MAX_SUBJECT_GAP + 1):
            if skip and (i + skip - 1 >= len(tokens) or not _in_a_subject(tokens[i + skip - 1].text)):
                return None
            end = _match_rest(tokens, i + skip, tail, forms)
            if end is not None:
                return end
        return None
    if word in (GAP, LONG_GAP):
        for skip in range((MAX_GAP if word == GAP else MAX_LONG_GAP) + 1):
            end = _match_rest(tokens, i + skip, tail, forms)
            if end is not None:
                return end
        return None
    if i < len(tokens) and word in forms(tokens[i].text):
        return _match_rest(tokens, i + 1, tail, forms)
    return None


def read_toml(package: str, name: str, override_dir: Path | None = None) -> dict:
    """A TOML data file of a package, or the same-named file in ``override_dir`` where one is given."""
    try:
        if override_dir is not None and (override_dir / name).exists():
            return tomllib.loads((override_dir / name).read_text("utf-8"))
        return tomllib.loads(resources.files(package).joinpath(f"data/{name}").read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{name}: not valid TOML: {error}") from error


@dataclass(frozen=True)
class Trigger:
    """One entry of triggers.toml."""

    id: str
    event_type: str | None
    sub_event_type: str | None
    rank: int
    agent: str | None
    tags: tuple[str, ...]
    requires: frozenset[str]
    counts: str | None = None  # the count a group's size gives ("خلية مكونة من ثلاثة" arrested: 3)
    takes_type_of: tuple[str, ...] = ()  # a bare "ضربة" is the kind of strike the report named before it
    peaceful: tuple[tuple[str, ...], ...] = ()  # "انسحاب", "without a fight": a takeover beside one was no fight
    violent: tuple[tuple[str, ...], ...] = ()  # "اقتحموا", "torched": a protest beside one is a riot
    symbolic: frozenset[str] = frozenset()  # "اعلام", "effigy": what protesters burn without rioting

    @property
    def is_modifier(self) -> bool:
        return self.event_type is None and not self.takes_type_of


@dataclass(frozen=True)
class Actor:
    """One standard actor of actors.toml, or a generic force resolved by the event's country."""

    name: str | None
    side: str
    country: str | None = None
    tags: tuple[str, ...] = ()
    by_country: tuple[tuple[str, str], ...] = ()  # a generic force's name in each country; a named one's elsewhere
    nationality_only: bool = False  # "طائرة مسيرة": a force only with its adjective ("تركية"), never the scene's
    alternative: str | None = None  # the force these forms name where the report names a `shared.when` phrase
    inter: int | None = None  # ACLED's interaction code: 1 a state's forces (a government regains territory)
    spokesman: bool = False  # "خلية الإعلام الأمني": the force only where no other of its side is named
    claims_generic: bool = False  # "قسد": a report's generic forces ("قوات الأمن") where it names no other state force
    claimable: bool = False  # a generic form ("قوات الأمن") that a `claims_generic` force may own
    regions: frozenset[str] = frozenset()  # the governorates a regional force serves in; none: anywhere
    outside: str | None = None  # what its forms name in a scene of another governorate

    def resolve(self, country: str | None, admin1: str | None = None) -> str | None:
        """The standard name in a scene of this country (and governorate, where it is known)."""
        if self.name and self.regions and admin1 and admin1 not in self.regions and country == self.country:
            # "قوى الأمن الداخلي" in Damascus are not the Kurdish-led administration's (but in Erbil, the
            # Kurdistan Region's Asayish are Asayish)
            return self.outside
        if self.name:  # a named force, or the nearest standard name of its kind in another country
            return dict(self.by_country).get(country or "", self.name)
        return dict(self.by_country).get(country or "IQ")


@dataclass
class Lexicons:
    """Every lexicon the rule extractor reads, loaded once."""

    triggers: PhraseMatcher
    exclusions: PhraseMatcher
    actors: PhraseMatcher
    cues: PhraseMatcher
    cue_exclusions: PhraseMatcher
    cue_windows: dict[str, tuple[int, bool, int, frozenset[str]]]  # window, anywhere, after, triggers it spares
    counts: PhraseMatcher
    count_window: int
    pronoun_counts: dict[str, int]  # "مقتله": one, "مقتلهما": two, where the clause gives no number
    not_people: frozenset[str]
    unit_words: frozenset[str]
    institutions: dict[str, tuple[tuple[str, ...], ...]]  # phrases by their last word
    destinations: frozenset[str]
    triggers_by_id: dict[str, Trigger]
    references: frozenset[tuple[str, ...]]  # "العملية", "the operation": the report's incident, told again
    generic_quantifiers: frozenset[str]  # "العديد من الهجمات": attacks of a kind, not one incident
    reporting: PhraseMatcher  # "قالت", "announced": a date between one and its complement is the statement's
    complements: frozenset[str]  # "إن", "that": what opens the reported statement
    attribution: frozenset[str]  # "مسؤوليته", "claimed": the group named beside it carried out the incident
    members: frozenset[str]  # "عناصر", "fighters": a force named beside one is a side that suffered
    exposed: frozenset[str]  # "تعرضت": the force right after one suffered the incident
    locating: PhraseMatcher  # "قسد", "الحشد الشعبي": a force only one country has; payload: the country
    accusations: frozenset[str]  # "بتهمة": a force named in the three words after one is no side of the incident
    subsets: frozenset[tuple[str, ...]]  # "بينهم", "including": the number after one is part of a count given
    outlets: tuple[frozenset[tuple[str, ...]], frozenset[str]]  # "وكالة أنباء …", "… media": the name is an outlet's
    country_scene: frozenset[str]  # "في", "northern": the name of Iraq or Syria after one is the scene
    country_window: int  # how many tokens after an event word the country may stand
    conflicts: frozenset[str]  # "الحرب": the country after one is the war's
    aircraft: frozenset[str]  # "طائرات", "drone": a bombardment by one is an air or drone strike
    nationalities: dict[str, str] = field(default_factory=dict)  # "تركية": TR, for a force named by its adjective
    of_them: frozenset[tuple[str, ...]] = frozenset()  # "توفي اثنان منهم": a toll taken from the wounded told before
    posts: frozenset[str] = frozenset()  # "مقر", "checkpoint": a force's post, which never acts
    qualifiers: PhraseMatcher = field(default_factory=PhraseMatcher)  # "ما لا يقل عن", "at least": before a figure
    switches: PhraseMatcher = field(default_factory=PhraseMatcher)  # "وزارة الداخلية": shared forms of an actor switch
    grievances: frozenset[str] = frozenset()  # "احتجاجا على", "against": what a protest was against follows
    likenesses: frozenset[str] = frozenset()  # "مماثل", "similar": an incident named only as a likeness
    has_seen: frozenset[str] = frozenset()  # "شهدت": "المنطقة التي شهدت …" describes the place
    containers: frozenset[tuple[str, ...]] = frozenset()  # "في مدينة", "neighborhood of": a big city after contains
    held_by: frozenset[tuple[str, ...]] = frozenset()  # "التابعة لناحية": the unit after holds the place before
    nobody_hurt: PhraseMatcher = field(default_factory=PhraseMatcher)  # "دون وقوع إصابات": payload the counts at 0
    separate: tuple[tuple[str, ...], ...] = ()  # "في الأثناء", "separately": a clause on another incident
    families: frozenset[str] = frozenset()  # "عائلة", "families": what a transfer's number may count
    people: frozenset[str] = frozenset()  # "شخص", "people": counted instead of families where both are given
    backed: frozenset[str] = frozenset()  # "backed" of "U.S.-backed": who backs a force is part of its name
    seat_words: frozenset[str] = frozenset()  # "مبنى" of "مبنى محافظة ديالى": the building stands in the seat
    agent_markers: frozenset[str] = frozenset()  # "على يد": the force after acted on a passive verb
    participation: frozenset[str] = frozenset()  # "بالتنسيق مع": the force after took part
    abroad_locative: frozenset[str] = frozenset()  # "في" before a foreign place: its scene
    border_words: frozenset[str] = frozenset()  # "الحدود مع تركيا": a border, no scene abroad
    sites: frozenset[str] = frozenset()  # "في جامعة الموصل": an institution's building, the scene after "في"
    governments: frozenset[str] = frozenset()  # "بغداد" of "تسلمت بغداد", "Baghdad received": the government
    means_adjectives: frozenset[str] = frozenset()  # "جوية" of "ضربة جوية أمريكية", "air" of "a US air strike"
    trends: frozenset[str] = frozenset()  # "تصاعد", "rise": a plural event noun after one is a trend, no incident
    tallies: frozenset[str] = frozenset()  # "هجوما", "attacks": counted by a number before them, many incidents
    unknown_hurt: frozenset[str] = frozenset()  # "معلومات" of "دون معلومات عن إصابات": no count is known
    attempts: frozenset[tuple[str, ...]] = frozenset()  # "trying to", "أثناء محاولته": an arrest tried, none made
    incident_duals: frozenset[str] = frozenset()  # "هجومين": two incidents
    apart: frozenset[str] = frozenset()  # "separate" of "in two separate attacks"
    ordinary_crimes: frozenset[str] = frozenset()  # "المخدرات", "theft": arrests for them are no incident
    conflict_words: frozenset[str] = frozenset()  # "إرهابي", "terrorism": an arrest of the conflict still
    estimate_verbs: frozenset[str] = frozenset()  # "put" of "put the death toll at 14": another source's figure
    toll_nouns: frozenset[str] = frozenset()  # "toll", "الحصيلة"
    retaliations: frozenset[str] = frozenset()  # "ردا", "retaliation": what follows is the incident a blow answered
    firearms: frozenset[str] = frozenset()  # "rifles", "الرشاشة": a clause that names them tells gunfire
    institutions_after: frozenset[str] = frozenset()  # "council" of "the Deir ez-Zor Civil Council": English after
    toll_updates: frozenset[str] = frozenset()  # "ارتفعت" of "ارتفعت حصيلة", "rose": the clause's toll rose
    armies: dict[str, str] = field(default_factory=dict)  # TR: "Military Forces of Turkey", a country's own forces
    abroad_adjectives: frozenset[str] = frozenset()  # "التركية" of "بلدة جيلان بينار التركية": the town is abroad

    @classmethod
    def load(cls, override_dir: Path | None = None) -> Lexicons:
        triggers, exclusions, by_id = PhraseMatcher(), PhraseMatcher(), {}
        trigger_data = read_toml("rasad.extract", "triggers.toml", override_dir)
        for entry in trigger_data["trigger"]:
            _check_trigger(entry)
            trigger = Trigger(
                id=entry["id"],
                event_type=entry.get("event_type"),
                sub_event_type=entry.get("sub_event_type"),
                rank=int(entry.get("rank", 0)),
                agent=entry.get("agent"),
                tags=tuple(entry.get("tags", ())),
                requires=frozenset(fold(word) for word in entry.get("requires", ())),
                counts=entry.get("counts"),
                takes_type_of=tuple(entry.get("takes_type_of", ())),
                peaceful=tuple(tuple(fold(phrase).lower().split()) for phrase in entry.get("peaceful", ())),
                violent=tuple(tuple(fold(phrase).lower().split()) for phrase in entry.get("violent", ())),
                symbolic=frozenset(fold(word).lower() for word in entry.get("symbolic", ())),
            )
            by_id[trigger.id] = trigger
            _add_all(triggers, (form for term in entry["terms"] for form in english_forms(term)), trigger)
            participles = bool(entry.get("participles", False))
            _add_all(triggers, (form for verb in entry.get("verbs", ()) for form in inflections(verb, participles)),
                     trigger)
            _add_all(exclusions, entry.get("exclude", ()), trigger.id)
        for trigger in by_id.values():
            unknown = [name for name in trigger.takes_type_of if name not in by_id]
            if unknown:
                raise DataError(f"triggers.toml: trigger {trigger.id!r}: takes_type_of names unknown triggers {unknown}")
        references = frozenset(tuple(fold(phrase).lower().split()) for phrase in trigger_data["references"]["words"])
        quantifiers = frozenset(fold(word).lower() for word in trigger_data["generic_quantifiers"]["words"])
        reporting_data = trigger_data["reporting"]
        reporting = PhraseMatcher()
        _add_all(reporting, (form for verb in reporting_data["verbs"] for form in inflections(verb)), "reporting")
        _add_all(reporting, reporting_data["words"], "reporting")
        complements = frozenset(fold(word).lower() for word in reporting_data["complements"])
        actors = PhraseMatcher()
        actor_data = read_toml("rasad.extract", "actors.toml", override_dir)
        locating, locating_forms = PhraseMatcher(), {fold(form).lower() for form in actor_data["locating"]["forms"]}
        switches = PhraseMatcher()
        for entry in actor_data["actor"]:
            actor = Actor(entry["name"], entry["side"], entry.get("country"), tuple(entry.get("tags", ())),
                          by_country=tuple(entry.get("elsewhere", {}).items()),
                          regions=frozenset(entry.get("regions", ())), outside=entry.get("outside"),
                          inter=entry.get("acled_inter"), claims_generic=bool(entry.get("claims_generic", False)))
            shared = entry.get("shared", {})
            shared_forms = {fold(form).lower() for form in shared.get("forms", ())}
            _add_all(actors, (form for form in entry["forms"] if fold(form).lower() not in shared_forms), actor)
            if shared:  # forms another force shares, where the report names what makes them that force's
                _add_all(actors, shared["forms"], dataclasses.replace(actor, alternative=shared["with"]))
                _add_all(switches, shared["when"], entry["name"])
            _add_all(actors, entry.get("spokesman", {}).get("forms", ()), dataclasses.replace(actor, spokesman=True))
            if actor.country:
                _add_all(locating, (f for f in entry["forms"] if fold(f).lower() in locating_forms), actor.country)
        for entry in actor_data.get("generic", ()):
            by_country = tuple((key, value) for key, value in entry.items() if key.isupper())
            _add_all(actors, entry["forms"], Actor(None, "state", by_country=by_country,
                                                   nationality_only=bool(entry.get("nationality_only", False)),
                                                   inter=1, claimable=bool(entry.get("claimable", False))))
        attribution = frozenset(fold(word).lower() for word in actor_data["attribution"]["words"])
        cues, cue_exclusions, windows = PhraseMatcher(forms=cue_forms), PhraseMatcher(forms=cue_forms), {}
        for kind, entry in read_toml("rasad.extract", "cues.toml", override_dir).items():
            unknown = set(entry.get("only", ())) - by_id.keys()
            if unknown:
                raise DataError(f"cues.toml: cue {kind!r}: only names unknown triggers {sorted(unknown)}")
            spares = frozenset(entry.get("spares", ())) | (  # `only`: the triggers it blocks, and no other
                by_id.keys() - set(entry["only"]) if "only" in entry else frozenset())
            windows[kind] = (int(entry.get("window", 0)), bool(entry.get("anywhere", False)), int(entry.get("after", 0)),
                             frozenset(spares))
            _add_all(cues, entry["terms"], kind)
            _add_all(cue_exclusions, entry.get("exclude", ()), kind)
            _add_all(cue_exclusions, (phrase for term in entry["terms"] if " " not in term
                                      for letter in entry.get("beside_letters", ())
                                      for phrase in (f"{term} {letter}", f"{letter} {term}")), kind)
        counts = PhraseMatcher()
        count_data = read_toml("rasad.extract", "counts.toml", override_dir)
        for name, words in count_data["counts"].items():
            _add_all(counts, (form for word in words for form in english_forms(word)), name)
        for name, verbs in count_data.get("count_verbs", {}).items():
            _add_all(counts, (form for verb in verbs for form in inflections(verb)), name)
        pronoun_counts = {}
        for name, words in count_data.get("pronoun_counts", {}).items():
            _add_all(counts, words, name)
            pronoun_counts.update((fold(word), 2 if word.split()[0].endswith("هما") else 1) for word in words)
        not_people = frozenset(fold(word) for word in count_data["not_people"]["words"])
        qualifiers = PhraseMatcher()
        _add_all(qualifiers, count_data["qualifiers"]["words"], "qualifier")
        nobody_hurt = PhraseMatcher()
        _add_all(nobody_hurt, count_data["none"]["wounded"], ("wounded",))
        _add_all(nobody_hurt, count_data["none"]["casualties"], ("fatalities", "wounded"))
        unit_words = frozenset(fold(word) for word in count_data["unit_names"]["words"])
        places = read_toml("rasad.extract", "places.toml", override_dir)
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in places["institutions"]["words"]:
            words = tuple(fold(phrase).split())
            by_last.setdefault(words[-1], []).append(words)
        institutions = {last: tuple(phrases) for last, phrases in by_last.items()}
        destinations = frozenset(fold(word) for word in places["destinations"]["words"])
        return cls(triggers, exclusions, actors, cues, cue_exclusions, windows, counts, int(count_data["window"]),
                   pronoun_counts, not_people, unit_words, institutions, destinations, by_id, references, quantifiers,
                   reporting, complements, attribution,
                   frozenset(fold(word).lower() for word in actor_data["members"]["words"]),
                   frozenset(fold(word) for word in actor_data["members"]["exposed"]), locating,
                   frozenset(fold(word).lower() for word in actor_data["accusations"]["words"]),
                   frozenset(tuple(fold(phrase).lower().split()) for phrase in count_data["subsets"]["words"]),
                   (frozenset(tuple(fold(phrase).split()) for phrase in (
                       *actor_data["outlets"]["before"], *actor_data["outlets"]["sources"])),
                    frozenset(fold(word).lower() for word in actor_data["outlets"]["after"])),
                   frozenset(fold(word).lower() for word in places["country_scene"]["words"]),
                   int(places["country_scene"]["window"]),
                   frozenset(fold(word).lower() for word in places["country_scene"]["conflicts"]),
                   frozenset(fold(word).lower() for word in trigger_data["aircraft"]["words"]),
                   {fold(word).lower(): code for code, words in actor_data["nationalities"].items() for word in words},
                   frozenset(tuple(fold(phrase).lower().split()) for phrase in count_data["subsets"]["of_them"]),
                   frozenset(fold(word).lower() for word in actor_data["members"]["posts"]),
                   qualifiers, switches,
                   *(frozenset(fold(word).lower() for word in trigger_data["background"][key])
                     for key in ("grievances", "likenesses", "has_seen")),
                   frozenset(tuple(fold(phrase).lower().split()) for phrase in places["containers"]["words"]),
                   frozenset(tuple(fold(phrase).lower().split()) for phrase in places["held_by"]["words"]),
                   nobody_hurt,
                   tuple(tuple(fold(phrase).lower().split()) for phrase in trigger_data["separate"]["words"]),
                   *(frozenset(fold(word).lower() for word in count_data["transfer_units"][key])
                     for key in ("families", "people")),
                   frozenset(fold(word).lower() for word in actor_data["backers"]["words"]),
                   frozenset(fold(word).lower() for word in places["seats"]["words"]),
                   frozenset(fold(word).lower() for word in actor_data["agents"]["words"]),
                   frozenset(fold(word).lower() for word in actor_data["participation"]["words"]),
                   frozenset(fold(word).lower() for word in places["abroad"]["locative"]),
                   frozenset(fold(word).lower() for word in places["abroad"]["border"]),
                   frozenset(fold(word).lower() for word in places["institutions"]["sites"]),
                   frozenset(fold(word).lower() for word in places["governments"]["words"]),
                   frozenset(fold(word).lower() for word in actor_data["nationalities_of_means"]["between"]),
                   frozenset(fold(word).lower() for word in trigger_data["generic_quantifiers"]["trends"]),
                   frozenset(fold(word).lower() for word in trigger_data["generic_quantifiers"]["tallies"]),
                   frozenset(fold(word).lower() for word in count_data["none"]["unknown"]),
                   frozenset(tuple(fold(phrase).lower().split()) for phrase in count_data["attempts"]["words"]),
                   *(frozenset(fold(word).lower() for word in trigger_data["generic_quantifiers"][key])
                     for key in ("duals", "apart")),
                   *(frozenset(fold(word).lower() for word in trigger_data["ordinary_crimes"][key])
                     for key in ("words", "unless")),
                   *(frozenset(fold(word).lower() for word in count_data["estimates"][key]) for key in ("verbs", "nouns")),
                   frozenset(fold(word).lower() for word in trigger_data["background"]["retaliations"]),
                   frozenset(fold(word).lower() for word in trigger_data["firearms"]["words"]),
                   frozenset(fold(word).lower() for word in places["institutions"]["after"]),
                   frozenset(fold(word).lower() for word in count_data["updates"]["verbs"]),
                   armies=next((dict((key, value) for key, value in entry.items() if key.isupper())
                                for entry in actor_data.get("generic", ()) if entry.get("armies")), {}),
                   abroad_adjectives=frozenset(fold(word).lower() for word in places["abroad"]["adjectives"]))


def _check_trigger(entry: dict) -> None:
    """An analyst's trigger must use ACLED names and mission tags; say which and where when it does not."""
    name = entry.get("id", "?")
    if not entry.get("terms") and not entry.get("verbs"):
        raise DataError(f"triggers.toml: trigger {name!r} has no terms")
    event_type, sub_type = entry.get("event_type"), entry.get("sub_event_type")
    if entry.get("takes_type_of") and event_type is not None:
        raise DataError(f"triggers.toml: trigger {name!r} takes its type from takes_type_of: leave event_type out")
    if event_type is not None and sub_type not in ACLED_TYPES.get(event_type, ()):
        raise DataError(f"triggers.toml: trigger {name!r}: {event_type!r} / {sub_type!r} is not an ACLED type and sub-type")
    unknown = set(entry.get("tags", ())) - set(MISSION_TAGS)
    if unknown:
        raise DataError(f"triggers.toml: trigger {name!r}: unknown mission tags {sorted(unknown)}")


def _add_all(matcher: PhraseMatcher, phrases: Iterable[str], payload: Any) -> None:
    for phrase in phrases:
        matcher.add(phrase, payload)


@cache
def default_lexicons() -> Lexicons:
    """The lexicons shipped with Rasad, each replaced by a same-named file in $RASAD_LEXICONS if there is one."""
    folder = os.environ.get("RASAD_LEXICONS")
    if folder and not Path(folder).is_dir():
        raise DataError(f"RASAD_LEXICONS={folder}: not a folder")
    return Lexicons.load(Path(folder) if folder else None)
