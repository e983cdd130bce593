"""The demo's partner node: the demo store becomes node SY, and a second store beside it, node IQ, releases
field reports and thermal-camera alerts to it (some coarsened to the governorate), synced in-process, so
the dashboard's partners' layer has something to show. All of it is generated here, in Rasad's own words.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from rasad.ingest.partner import parse_input
from rasad.share.node import Node
from rasad.share.sync import DirectTransport, sync_partner
from rasad.store.store import EventFilter, Store, open_store

# Field-report towns of the Iraqi side (GeoNames coordinates) and thermal-camera posts on the border.
TOWNS = [(34.885, 44.630), (35.470, 44.392), (34.198, 43.875), (33.421, 43.307), (34.420, 43.786), (35.325, 43.773)]
BORDER_POSTS = [(34.37, 41.02), (34.05, 41.40), (35.85, 41.68), (36.35, 41.78)]
RAIDS = [("Strategic developments", "Arrests", "arrested", "A search operation detained {n} suspects."),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED", "wounded",
          "A roadside bomb struck a patrol vehicle; {n} soldiers were wounded."),
         ("Battles", "Armed clash", "fatalities", "A unit exchanged fire with a cell in an orchard; {n} attackers killed.")]


def seed_partner(store: Store, folder: Path, records: int = 12, seed: int = 7) -> int:
    """Make the demo store node SY with partner IQ and bring in IQ's released records; returns how many.
    Nothing happens where the store has a node identity already (a second `rasad demo`)."""
    sy = Node(store)
    if store.db.execute("SELECT 1 FROM node").fetchone():
        return sy.received("event")[1]
    newest = store.query_events(EventFilter(limit=1))[0]
    last = date.fromisoformat(newest[0]["event_date"]) if newest and newest[0]["event_date"] else date.today()
    rng = random.Random(seed)
    sy.init("SY", name="Demo node")
    partner_path = folder / "partner-IQ.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partner_path}{suffix}").unlink(missing_ok=True)
    with open_store(str(partner_path)) as partner_store:
        iq = Node(partner_store)
        iq.init("IQ", name="Demo partner")
        sy.add_partner("IQ", iq.identity()["public_key"])
        iq.add_partner("SY", sy.identity()["public_key"])
        for number in range(records):
            day = last - timedelta(days=rng.randint(0, 180))
            if number % 3 == 2:
                lat, lon = rng.choice(BORDER_POSTS)
                kind, payload = "sensor-alert", {
                    "alert_id": f"demo-{number}", "sensor_id": f"thermal-{rng.randint(1, 9)}",
                    "detected_at": f"{day.isoformat()}T0{rng.randint(0, 5)}:{rng.randint(10, 59)}:00+03:00",
                    "latitude": lat, "longitude": lon, "detection": rng.choice(["person", "group", "vehicle"]),
                    "count": rng.randint(1, 6), "confidence": round(rng.uniform(0.5, 0.95), 2)}
            else:
                lat, lon = rng.choice(TOWNS)
                event_type, sub_type, count_field, text = rng.choice(RAIDS)
                n = rng.randint(1, 5)
                kind, payload = "field-report", {
                    "report_id": f"demo-{number}", "observed_at": f"{day.isoformat()}T22:00:00+03:00",
                    "event_type": event_type, "sub_event_type": sub_type, "actor1": "Military Forces of Iraq (2022-)",
                    "latitude": lat + rng.uniform(-0.05, 0.05), "longitude": lon + rng.uniform(-0.05, 0.05),
                    count_field: n, "text": text.format(n=n)}
            event_id = iq.add_input(kind, parse_input(kind, payload), "demo")["event_id"]
            coarsen = {"SY": "admin1"} if number % 4 == 1 else {}
            tlp = "GREEN" if number % 2 else "AMBER"
            iq.release("event", event_id, {"distribution": "all", "tlp": tlp, "coarsen": coarsen}, "demo")
        sync_partner(sy, "IQ", DirectTransport([sy, iq]))
    return sy.received("event")[1]
