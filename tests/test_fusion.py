"""One incident told by several outlets (issue 11, class 6): when two accounts are one stored event."""

from rasad.fuse.fusion import compatibility


def account(**fields):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2025-03-10", "time_precision": 1,
            "latitude": 35.32, "longitude": 43.78, "geo_precision": 1, "admin1": "Kirkuk", "admin2": "Al-Hawiga",
            "actor1": "Islamic State", "fatalities": None, "wounded": None}
    return base | fields


def test_a_clash_and_an_attack_on_civilians_the_same_day_at_the_same_place_are_one_incident():
    attack = account(event_type="Violence against civilians", sub_event_type="Attack", latitude=35.35)
    assert compatibility(account(), attack) is not None
    assert compatibility(account(), attack | {"event_date": "2025-03-14"}) is None
    assert compatibility(account(), attack | {"latitude": 35.60}) is None  # 31 km away


def test_tolls_that_differ_as_real_tolls_do_still_fuse():
    assert compatibility(account(fatalities=11), account(fatalities=15)) is not None
    assert compatibility(account(fatalities=5), account(fatalities=12)) is not None  # a preliminary toll
    assert compatibility(account(fatalities=2), account(fatalities=20)) is None


def test_a_toll_a_report_says_rose_replaces_the_first_figures_and_otherwise_the_lowest_stands():
    from rasad.fuse.fusion import fuse_mentions

    first = account(doc_id="a", fatalities=3, wounded=2, confidence=0.8)
    other = account(doc_id="b", fatalities=4, confidence=0.8)
    risen = account(doc_id="c", fatalities=4, confidence=0.8, trace={"fatalities": {"text": "أربعة", "kind": "updated"}})
    days = {"a": "2025-03-10", "b": "2025-03-10", "c": "2025-03-11"}
    assert fuse_mentions([first, other], days)["fatalities"] == 3  # ACLED's lowest figure
    fused = fuse_mentions([first, other, risen], days)
    assert (fused["fatalities"], fused["wounded"]) == (4, 2)  # the risen toll; the wounded as they were


def test_a_village_and_its_district_are_one_place():
    district = account(latitude=35.60, longitude=43.60, geo_precision=2)  # about 35 km away
    assert compatibility(account(), district) is not None
    assert compatibility(account(), district | {"admin2": "Daquq"}) is None


def test_an_outlet_that_names_the_perpetrator_outweighs_those_that_do_not():
    from rasad.fuse.fusion import fuse_mentions

    unnamed = account(actor1="Unidentified Armed Group", doc_id="a", confidence=0.8)
    named = account(actor1="Islamic State", doc_id="b", confidence=0.8)
    record = fuse_mentions([unnamed, unnamed | {"doc_id": "c"}, named], {"a": None, "b": None, "c": None})
    assert record["actor1"] == "Islamic State"


def test_an_area_of_a_governorate_whose_district_is_not_known_holds_any_place_of_it():
    countryside = account(latitude=35.34, longitude=40.14, geo_precision=2, admin2=None)  # ~340 km, same governorate
    assert compatibility(account(), countryside) is not None
    assert compatibility(account(), countryside | {"admin1": "Deir-ez-Zor"}) is None
    # a place named with its district is not such an area
    assert compatibility(account(), countryside | {"admin2": "Daquq"}) is None


def test_an_area_of_a_known_district_does_not_hold_a_town_of_another_the_gazetteer_gives_no_district():
    town = account(admin2=None)  # a town the gazetteer places in no district
    other_district = account(latitude=35.00, longitude=44.20, geo_precision=2, admin2="Daquq")  # ~52 km away
    assert compatibility(town, other_district) is None
    assert compatibility(town, other_district | {"admin2": None}) is not None  # an area of no known district


def test_the_stores_candidates_hold_every_event_fusion_could_accept(store):
    """The store's look-up is fusion's only way to its events: it may return more, never fewer."""
    import random

    from rasad.fuse.fusion import best_match, search_box
    from rasad.model import Document, Event

    rng = random.Random(3)
    districts = {"Kirkuk": ["Al-Hawiga", "Daquq", None], "Salah Al-Din": ["Tikrit", "Al-Shirqat", None]}

    def placed(doc_id: str) -> Event:
        admin1 = rng.choice(list(districts))
        return Event(doc_id=doc_id, event_type="Battles", sub_event_type="Armed clash",
                     event_date=f"2025-03-{rng.randint(3, 17):02d}", time_precision=1, admin1=admin1,
                     admin2=rng.choice(districts[admin1]),
                     latitude=round(rng.uniform(34.4, 35.8), 3), longitude=round(rng.uniform(43.2, 44.6), 3),
                     geo_precision=rng.choice([1, 1, 2, 3]), fatalities=rng.choice([None, None, 3, 4]),
                     wounded=rng.choice([None, 2]))

    with store.transaction():
        for index in range(120):
            store.add_document(Document(doc_id=f"stored{index}", text=f"تقرير رقم {index}"))
            store.add_mention(placed(f"stored{index}"), 0)
    stored = store.candidates("Battles", "2025-03-01", "2025-03-20", None)
    assert len(stored) > 40  # what fusion left apart
    for index in range(150):
        mention = placed(f"probe{index}").to_dict()
        found = {e["event_id"] for e in store.candidates("Battles", "2025-03-01", "2025-03-20", search_box(mention),
                                                         mention["admin1"], mention["admin2"], mention["geo_precision"])}
        fits = {e["event_id"] for e in stored if compatibility(e, mention) is not None}
        assert fits <= found, (mention, fits - found)
        best = best_match(store, mention)
        assert (best is None) == (not fits)


def test_two_places_each_named_as_the_scene_far_apart_are_two_incidents():
    town = account(latitude=35.32, longitude=43.78)  # a town itself, precision 1
    village = account(latitude=35.32, longitude=43.95)  # another, about 15 km east, precision 1 too
    assert compatibility(town, village) is None
    assert compatibility(town, village | {"longitude": 43.85}) is not None  # 6 km: one scene told two ways
    assert compatibility(town, village | {"geo_precision": 2}) is not None  # "near" a town: within its reach


def test_one_days_arrests_and_the_next_days_are_two_operations():
    arrests = account(event_type="Strategic developments", sub_event_type="Arrests", actor1="Police Forces of Iraq",
                      arrested=3, geo_precision=2)
    assert compatibility(arrests, arrests | {"arrested": 2}) is not None  # one day: outlets count differently
    assert compatibility(arrests, arrests | {"event_date": "2025-03-11"}) is None
    assert compatibility(arrests, arrests | {"event_date": "2025-03-11", "time_precision": 2}) is not None


def test_blows_a_day_apart_at_one_place_are_one_only_if_their_figures_agree():
    blow = account(fatalities=2, wounded=1)
    next_day = {"event_date": "2025-03-11"}
    assert compatibility(blow, blow | next_day) is not None  # a night's incident told on either day
    assert compatibility(blow, blow | next_day | {"fatalities": 1}) is None
    assert compatibility(blow, blow | next_day | {"fatalities": None, "wounded": None}) is not None


def test_blows_on_civilians_and_on_a_force_near_each_other_the_same_day_are_two_when_their_figures_differ():
    on_civilians = account(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                           actor1=None, actor2="Civilians", fatalities=2, wounded=1, geo_precision=2)
    on_soldiers = on_civilians | {"actor2": "Military Forces of Syria", "fatalities": None, "wounded": 2}
    assert compatibility(on_civilians, on_soldiers) is None
    # … but accounts that disagree only on who the victims were, with the same figures, are one
    assert compatibility(on_civilians, on_civilians | {"actor2": "Military Forces of Syria"}) is not None
    assert compatibility(on_civilians, on_civilians | {"actor2": None, "wounded": 3}) is not None


def test_the_same_distinctive_figures_the_same_day_join_a_town_and_a_sub_district_near_it():
    town = account(latitude=35.47, longitude=44.39, geo_precision=2, admin2="Kirkuk", fatalities=3, wounded=2)
    sub_district = account(latitude=35.04, longitude=44.06, geo_precision=2, admin2="Daquq", fatalities=3, wounded=2)
    assert compatibility(town, sub_district) is not None  # about 56 km apart
    assert compatibility(town, sub_district | {"wounded": 4}) is None
    assert compatibility(town, sub_district | {"fatalities": 1, "wounded": 1}) is None  # too few to tell
    assert compatibility(town, sub_district | {"event_date": "2025-03-11"}) is None


def test_three_outlets_of_one_attack_fuse_and_two_days_arrests_stay_apart(store, extractor):
    from datetime import date

    from rasad.model import Document
    from rasad.pipeline import RunReport, store_batch

    reports = [
        ("a", date(2025, 3, 11), "قتل ثلاثة جنود وأصيب اثنان بهجوم لمسلحي داعش على ثكنة عسكرية جنوب مدينة كركوك مساء أمس."),
        ("b", date(2025, 3, 11), "هاجم مسلحون من داعش نقطة للجيش في ناحية الرشاد ليلة أمس ما أسفر عن مقتل 3 جنود وجرح 2."),
        ("c", date(2025, 3, 11), "Three Iraqi soldiers were killed and two wounded when Islamic State militants "
                                 "attacked an army post south of Kirkuk on Monday evening."),
        ("d", date(2025, 3, 11), "اعتقلت قوة من الشرطة ثلاثة مطلوبين في قضاء الحويجة اليوم الثلاثاء."),
        ("e", date(2025, 3, 12), "اعتقلت قوة من الجيش مطلوبين اثنين في قضاء الحويجة اليوم الأربعاء."),
    ]
    batch = [Document(doc_id=doc_id, text=text, published=published) for doc_id, published, text in reports]
    store_batch(store, batch, {}, extractor, RunReport())
    events = {doc: {row["event_id"] for row in store.db.execute("SELECT event_id FROM mentions WHERE doc_id = ?",
                                                                  (doc,))} for doc, _, _ in reports}
    assert events["a"] == events["b"] == events["c"]
    assert events["d"] != events["e"]
