"""Generate a realistic demo corpus: reports in Arabic (and English) with the true events beside them.

Incidents are drawn at random (seeded, so the same seed gives the same corpus); each is reported by
one to four outlets in different words, with dates written many ways (weekday names relative to
publication, both month-name sets, Arabic-Indic digits) and numbers in digits and words. Opinion
pieces, background paragraphs and related-headline boilerplate hold no event. The truth file has the
form of ``../shared/eval/dev/gold.jsonl`` (plus an ``incident`` key for fusion), so the scorer reads it.
"""

from __future__ import annotations

import json
import random
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasad.geo.gazetteer import MINOR_FEATURES, Place, default_gazetteer

GOVERNORATES = ("Al-Anbar", "Ninewa", "Salah Al-Din", "Kirkuk", "Diyala", "Deir-ez-Zor", "Al-Hasakeh", "Ar-Raqqa")
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EG = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
MONTHS_LEV = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
              "تشرين الثاني", "كانون الأول")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
NUMBER_WORDS = {2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة",
                11: "أحد عشر", 12: "اثني عشر", 15: "خمسة عشر", 20: "عشرين", 30: "ثلاثين", 40: "أربعين", 50: "خمسين"}
NUMBER_WORDS_EN = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
                   12: "twelve", 20: "twenty"}
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@cache
def templates() -> dict[str, Any]:
    return tomllib.loads(resources.files("rasad.demo").joinpath("data/templates.toml").read_text("utf-8"))


@dataclass
class Incident:
    """One true incident."""

    number: int
    kind: str
    place: Place
    when: date
    actor: str
    count: int
    second: int
    near: bool


def _places(rng: random.Random) -> dict[str, list[Place]]:
    gazetteer = default_gazetteer()
    by_gov: dict[str, list[Place]] = {}
    for place in gazetteer.places:
        usable = place.feature == "city" and place.admin1 in GOVERNORATES and len(place.name_ar) > 3
        if usable and _town(place) and [p.id for p in gazetteer.lookup(place.name_ar) if _town(p)] == [place.id]:
            by_gov.setdefault(place.admin1, []).append(place)
    return by_gov


def _town(place: Place) -> bool:
    """A town of GeoNames or the curated rows: the corpus does not change as villages join the gazetteer."""
    return place.feature not in MINOR_FEATURES and place.id.split(":")[0] in ("geonames", "curated", "admin1")


def _number_ar(rng: random.Random, n: int) -> str:
    form = rng.random()
    if form < 0.35 and n in NUMBER_WORDS:
        return NUMBER_WORDS[n]
    if form < 0.6:
        return str(n).translate(INDIC)
    return str(n)


def _number_en(n: int) -> str:
    return NUMBER_WORDS_EN.get(n, str(n))


def _when_ar(rng: random.Random, day: date, published: date) -> str:
    gap = (published - day).days
    options = []
    if gap == 0:
        options += ["اليوم", f"يوم {WEEKDAYS_AR[day.weekday()]}"]
    if gap == 1:
        options += ["أمس", f"مساء أمس {WEEKDAYS_AR[day.weekday()]}"]
    if 0 < gap <= 6:
        options += [f"يوم {WEEKDAYS_AR[day.weekday()]}", f"فجر {WEEKDAYS_AR[day.weekday()]}",
                    f"ليل {WEEKDAYS_AR[day.weekday()]} الماضي"]
    options += [f"في {day.day} {MONTHS_EG[day.month - 1]} {day.year}",
                f"في {day.day} {MONTHS_LEV[day.month - 1]} {day.year}",
                f"في {day.day} {MONTHS_LEV[day.month - 1]}/ {MONTHS_EG[day.month - 1]} {day.year}".translate(INDIC)]
    return rng.choice(options)


def _when_en(rng: random.Random, day: date, published: date) -> str:
    gap = (published - day).days
    options = [f"on {MONTHS_EN[day.month - 1]} {day.day}, {day.year}"]
    if gap == 1:
        options.append("yesterday")
    if 0 < gap <= 6:
        options.append(f"on {WEEKDAYS_EN[day.weekday()]}")
    return rng.choice(options)


def _place_phrase(place: Place, near: bool) -> str:
    cue = "قرب مدينة" if near else ("مدينة" if place.population >= 20000 else "بلدة")
    return f"{cue} {place.name_ar}"


def _truth(incident: Incident, kind: dict, count: int | None, vague: bool) -> dict[str, Any]:
    actors = templates()["actors"]
    place = incident.place
    event = {
        "event_type": kind["event_type"], "sub_event_type": kind["sub_event_type"], "tags": sorted(kind["tags"]),
        "event_date": incident.when.isoformat(), "time_precision": 1, "actor1": actors[incident.actor]["name"],
        "actor2": None if incident.actor == "isis" else "Islamic State", "country": place.country,
        "admin1": place.admin1, "location": place.name, "location_ar": place.name_ar, "latitude": place.lat,
        "longitude": place.lon, "geo_precision": 2 if incident.near else (3 if place.feature == "admin1" else 1),
        "fatalities": None, "wounded": None, "arrested": None, "escaped": None, "transferred": None,
        "incident": incident.number,
    }
    if kind.get("count") and not vague:
        event[kind["count"]] = count
    if kind.get("second_count"):
        event[kind["second_count"]] = incident.second
    if vague and kind.get("count"):
        event["vague"] = [kind["count"]]
    return event


def generate(reports: int, seed: int = 7) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(document, truth row) pairs for ``reports`` reports."""
    rng = random.Random(seed)
    data = templates()
    places = _places(rng)
    gazetteer = default_gazetteer()
    kinds = list(data["kinds"])
    weights = [5 if k in ("arrest", "clash") else 1 if "fixed_place" in data["kinds"][k] else 2 for k in kinds]
    made = 0
    number = 0
    while made < reports:
        number += 1
        if rng.random() < 0.1:
            made += 1
            yield _opinion(rng, number, data)
            continue
        kind_name = rng.choices(kinds, weights)[0]
        kind = data["kinds"][kind_name]
        if "fixed_place" in kind:
            place = gazetteer.by_id[kind["fixed_place"]]
        else:
            gov = rng.choice(GOVERNORATES[:5] if kind_name == "infiltration" else GOVERNORATES)
            if kind_name == "infiltration":
                gov = rng.choice(("Al-Anbar", "Ninewa"))
            place = rng.choice(places[gov])
        actor = rng.choice(kind["actors"])
        if actor in ("iq_army", "iq_police", "cts", "pmf", "border_guards") and place.country != "IQ":
            actor = "sdf"
        if actor in ("sdf", "sy_army", "asayish") and place.country != "SY":
            actor = "iq_army"
        when = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
        incident = Incident(number, kind_name, place, when, actor, rng.choice((2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20)),
                            rng.choice((1, 2, 3, 4, 5, 6)), kind_name == "infiltration" or rng.random() < 0.15)
        for outlet in range(rng.choice((1, 1, 2, 2, 3, 4))):
            if made >= reports:
                break
            made += 1
            yield _report(rng, incident, kind, data, outlet)


def _report(rng: random.Random, incident: Incident, kind: dict, data: dict, outlet: int) -> tuple[dict, dict]:
    published = incident.when + timedelta(days=rng.choice((0, 1, 1, 2, 3)))
    english = rng.random() < 0.15
    count = incident.count + (1 if outlet and rng.random() < 0.3 else 0)
    vague = outlet > 0 and rng.random() < 0.15 and bool(kind.get("count"))
    actor = data["actors"][incident.actor]
    place = incident.place
    gov_row = default_gazetteer().by_id.get(f"admin1:{place.admin1}")
    gov_ar = gov_row.name_ar if gov_row else place.admin1
    slots = {
        "gov": gov_ar, "gov_en": place.admin1, "place": _place_phrase(place, incident.near),
        "near_place": f"{place.name_ar}" if not incident.near else f"مدينة {place.name_ar}",
        "place_en": f"the outskirts of {place.name}" if incident.near else place.name,
        "when": _when_ar(rng, incident.when, published),
        "when_en": _when_en(rng, incident.when, published),
        "n": "عدد" if vague else _number_ar(rng, count), "m": _number_ar(rng, incident.second),
        "n_en": "several" if vague else _number_en(count), "m_en": _number_en(incident.second),
    }
    slots["place_name"] = place.name_ar
    slots["actor"] = actor["ar"].format(**slots)
    slots["actor_en"] = actor["en"].format(**slots)
    source = rng.choice(data["outlets"]["en" if english else "ar"])
    if english:
        background = rng.sample(data["background"]["en"], 2)
        body = [rng.choice(kind["en"]).format(**slots)] + [p.format(**slots) for p in background]
        header = f"{place.admin1.upper()}, {MONTHS_EN[published.month - 1]} {published.day} ({source})"
        title = f"{kind['event_type']} reported in {place.name}"
    else:
        body = [rng.choice(kind["ar"]).format(**slots)] + [p.format(**slots) for p in
                                                            rng.sample(data["background"]["ar"], rng.randint(10, 14))]
        header = f"{gov_ar} - {published.day} {MONTHS_LEV[published.month - 1]} {published.year}"
        title = f"{source}: تطورات أمنية في {place.name_ar}"
    paragraphs = [title, header, *body]
    if not english and rng.random() < 0.5:
        paragraphs += rng.sample(data["headlines"]["ar"], 2)
    doc_id = f"demo-{incident.number:05d}-{outlet}"
    text = "\n\n".join(paragraphs)
    metadata_date = published.isoformat() if rng.random() < 0.8 else None
    document = {"doc_id": doc_id, "published": metadata_date, "language": "en" if english else "ar",
                "source": source, "title": title, "text": text}
    truth = {"doc_id": doc_id, "published": published.isoformat(),
             "events": [_truth(incident, kind, count, vague)]}
    return document, truth


def _opinion(rng: random.Random, number: int, data: dict) -> tuple[dict, dict]:
    doc_id = f"demo-{number:05d}-opinion"
    paragraphs = ["مقال رأي: الحدود والخطر المؤجل", "بقلم كاتب من أسرة التحرير", *rng.sample(data["opinion"]["ar"], 5),
                  *[p.format(gov="المنطقة", place_name="المدن الحدودية", place_en="the border towns")
                    for p in rng.sample(data["background"]["ar"], 8)]]
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    document = {"doc_id": doc_id, "published": published.isoformat(), "language": "ar", "source": "صحيفة الحدود",
                "title": paragraphs[0], "text": "\n\n".join(paragraphs)}
    return document, {"doc_id": doc_id, "published": published.isoformat(), "events": []}


def write_corpus(out_dir: Path, reports: int, seed: int = 7) -> tuple[Path, Path]:
    """Write docs.jsonl and truth.jsonl of a generated corpus into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs_path, truth_path = out_dir / "docs.jsonl", out_dir / "truth.jsonl"
    with open(docs_path, "w", encoding="utf-8") as docs, open(truth_path, "w", encoding="utf-8") as truth:
        for document, row in generate(reports, seed):
            docs.write(json.dumps(document, ensure_ascii=False) + "\n")
            truth.write(json.dumps(row, ensure_ascii=False) + "\n")
    return docs_path, truth_path
