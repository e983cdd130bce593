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

    from rasad.fuse.fusion import best_match
    from rasad.model import Document, Event

    rng = random.Random(3)
    districts = {"Kirkuk": ["Al-Hawiga", "Daquq", None], "Salah Al-Din": ["Tikrit", "Al-Shirqat", None]}

    def placed(doc_id: str) -> Event:
        admin1 = rng.choice(list(districts))
        return Event(doc_id=doc_id, event_type="Battles", sub_event_type="Armed clash",
                     event_date=f"2025-03-{rng.randint(3, 17):02d}", time_precision=1, admin1=admin1,
                     admin2=rng.choice(districts[admin1]),
                     latitude=round(rng.uniform(34.4, 35.8), 3), longitude=round(rng.uniform(43.2, 44.6), 3),
                     geo_precision=rng.choice([1, 1, 2, 3]))

    with store.transaction():
        for index in range(120):
            store.add_document(Document(doc_id=f"stored{index}", text=f"تقرير رقم {index}"))
            store.add_mention(placed(f"stored{index}"), 0)
    stored = store.candidates("Battles", "2025-03-01", "2025-03-20", None)
    assert len(stored) > 40  # what fusion left apart
    for index in range(150):
        mention = placed(f"probe{index}").to_dict()
        lat, lon = mention["latitude"], mention["longitude"]
        found = {e["event_id"] for e in store.candidates("Battles", "2025-03-01", "2025-03-20",
                                                         (lon - 0.4, lat - 0.3, lon + 0.4, lat + 0.3),
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
