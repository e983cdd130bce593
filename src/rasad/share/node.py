"""A partner node: this organisation's identity, its partners and sharing groups, releases of its records,
and the signed bundles that carry released records to partners and bring theirs in.

The change feed is ``shared_records`` ordered by ``seq``: a record gets a new version and a new ``seq``
whenever it, its releasability or its retraction changes. A bundle for a partner holds the feed from
that partner's cursor, filtered by releasability and coarsened *before* it is built; nothing else
leaves the node. Received records keep their owner's versions, so a bundle applied twice changes
nothing, and they are read-only here.

Each item is signed by its origin as well as the bundle by its sender: what a record says, who owns it,
its version and whether and to whom it may be passed on are the origin's word, so a partner that forwards
a record can neither forge one in another's name nor alter its releasability. A forwarder passes on the
origin's signed item unaltered; where a recipient must get a coarser copy than the forwarder holds, the
record is not forwarded at all.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from rasad.errors import InputError, NotFound, ReadOnly, ReleasabilityError, SyncRefused
from rasad.geo.gazetteer import Place, default_gazetteer
from rasad.ingest.partner import FieldReportIn, SensorAlertIn, to_document_and_event
from rasad.share.identity import KeyPair, canonical, node_id_for, verify
from rasad.share.releasability import EVERY_RECIPIENT, Releasability, coarser
from rasad.store.audit import head as audit_head
from rasad.store.store import Store

FORMAT = "rasad-bundle/1"
RECORD_FORMAT = "rasad-record/1"  # what a record's origin signs: the record as it ships, releasability included
KINDS = ("event", "report", "field-report", "sensor-alert", "annotation")
BUNDLE_LIFETIME = timedelta(hours=1)
CLOCK_SKEW = timedelta(minutes=5)
PAGE_SIZE = 200
ORG_PATTERN = r"^[A-Za-z0-9_-]{1,50}$"
# What of an event leaves the node: the coded fields, not review internals (overrides, merges, history).
SHARED_EVENT_FIELDS = (
    "event_id", "event_type", "sub_event_type", "tags", "event_date", "time_precision", "actor1", "actor2",
    "country", "admin1", "admin2", "location", "location_ar", "latitude", "longitude", "geo_precision", "fatalities",
    "wounded", "arrested", "escaped", "transferred", "border_km", "border_sector", "confidence", "source_count",
    "review_state", "first_reported", "last_reported",
)
# What a recipient given only the district or governorate gets of each kind: an allow-list, so that nothing
# that could name or pin down the place (text, evidence, a partner's own ids, the border sector) leaves.
_CODED = ("event_type", "sub_event_type", "tags", "actor1", "actor2", "fatalities", "wounded", "arrested", "escaped",
          "transferred")
_AREA = ("country", "admin1", "admin2", "location", "location_ar", "latitude", "longitude", "geo_precision")
COARSE_FIELDS = {
    "event": ("event_id", *_CODED, *_AREA, "event_date", "time_precision", "confidence", "source_count", "review_state",
              "first_reported", "last_reported"),
    "report": ("doc_id", "source", "published", "language"),
    "field-report": (*_CODED, *_AREA, "observed_at", "actor1", "actor2"),
    "sensor-alert": (*_AREA, "detected_at", "detection", "count", "confidence"),
}


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Received:
    """What applying a bundle did."""

    bundle_id: str
    sender_org: str
    applied: int = 0
    unchanged: int = 0
    refused: list[str] = field(default_factory=list)
    cursor: int = 0
    more: bool = False


class Node:
    """The sharing side of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db
        self._identity: dict[str, Any] | None = None  # fixed once made: read once
        self._keypair: KeyPair | None = None

    # -- identity -------------------------------------------------------------------------------
    def init(self, org: str, name: str | None = None, url: str | None = None, actor: str = "rasad") -> dict[str, Any]:
        """Create this node's key pair and name its organisation (once)."""
        _check_org(org)
        keys = KeyPair.generate()
        node_id = node_id_for(keys.public_key)
        with self.store.transaction():
            if self.db.execute("SELECT 1 FROM node").fetchone():
                raise InputError("this store already has a node identity (`rasad node show`)")
            self.db.execute("INSERT INTO node (node_id, org, name, url, public_key, private_key, created_at) "
                            "VALUES (?,?,?,?,?,?,?)", (node_id, org, name, url, keys.public_key, keys.private_key,
                                                       _now().isoformat()))
            self.store.audit(actor, "node", node_id, {"org": org, "name": name, "url": url})
        return self.identity()

    def identity(self) -> dict[str, Any]:
        """This node's public identity: what partners need to add it."""
        if self._identity is None:
            row = self.db.execute("SELECT node_id, org, name, url, public_key FROM node").fetchone()
            if row is None:
                raise InputError("this store has no node identity yet: run `rasad node init --org ORG`")
            self._identity = dict(row)
        return dict(self._identity)

    def _keys(self) -> KeyPair:
        if self._keypair is None:
            row = self.db.execute("SELECT public_key, private_key FROM node").fetchone()
            if row is None:
                raise InputError("this store has no node identity yet: run `rasad node init --org ORG`")
            self._keypair = KeyPair(row["public_key"], row["private_key"])
        return self._keypair

    def sign(self, message: bytes) -> str:
        return self._keys().sign(message)

    # -- partners and groups ----------------------------------------------------------------------
    def add_partner(self, org: str, public_key: str, url: str | None = None, actor: str = "rasad") -> dict[str, Any]:
        """Add a partner by the public key and address it gave (out of band)."""
        _check_org(org)
        node_id = node_id_for(public_key)
        me = self.identity()
        if org == me["org"] or node_id == me["node_id"]:
            raise InputError("a node is not its own partner")
        with self.store.transaction():
            if self.db.execute("SELECT 1 FROM partners WHERE org = ? OR node_id = ?", (org, node_id)).fetchone():
                raise InputError(f"partner {org} (or its key) is known already; remove it first to change it")
            self.db.execute("INSERT INTO partners (org, node_id, public_key, url, added_at) VALUES (?,?,?,?,?)",
                            (org, node_id, public_key.strip(), url, _now().isoformat()))
            self.store.audit(actor, "partner", org, {"added": node_id, "url": url})
        return self.partner(org)

    def remove_partner(self, org: str, actor: str = "rasad") -> None:
        with self.store.transaction():
            if not self.db.execute("DELETE FROM partners WHERE org = ?", (org,)).rowcount:
                raise NotFound(f"no partner {org!r}")
            self.db.execute("DELETE FROM share_groups WHERE org = ?", (org,))
            self.store.audit(actor, "partner", org, {"removed": True})

    def partner(self, org: str) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM partners WHERE org = ?", (org,)).fetchone()
        if row is None:
            raise NotFound(f"no partner {org!r} (`rasad partner list`)")
        return dict(row)

    def partners(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.db.execute("SELECT * FROM partners ORDER BY org")]

    def _partner_by_node(self, node_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM partners WHERE node_id = ?", (node_id,)).fetchone()
        return dict(row) if row else None

    def set_group(self, name: str, orgs: Iterable[str], actor: str = "rasad") -> list[str]:
        """Define (or redefine) a sharing group of partner organisations."""
        members = sorted(set(orgs))
        known = {p["org"] for p in self.partners()}
        unknown = [org for org in members if org not in known]
        if not name or unknown:
            raise InputError(f"a group needs a name and known partners; unknown: {', '.join(unknown)}")
        with self.store.transaction():
            self.db.execute("DELETE FROM share_groups WHERE name = ?", (name,))
            for org in members:
                self.db.execute("INSERT INTO share_groups (name, org) VALUES (?, ?)", (name, org))
            self.store.audit(actor, "partner", f"group:{name}", {"members": members})
        return members

    def groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for row in self.db.execute("SELECT name, org FROM share_groups ORDER BY name, org"):
            groups.setdefault(row["name"], []).append(row["org"])
        return groups

    # -- releases ---------------------------------------------------------------------------------
    def _require_own(self, kind: str, record_id: str) -> None:
        """A record of this node's own; a partner's record of the same id (records are named by origin, kind
        and id together) neither hides nor blocks it."""
        if kind not in KINDS:
            raise InputError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if kind == "annotation" and self.db.execute(
                "SELECT 1 FROM shared_records WHERE kind = ? AND record_id = ? AND origin = ?",
                (kind, record_id, self.identity()["node_id"])).fetchone() is None:
            raise ReadOnly(f"annotation {record_id} is not one of this node's own; only its owner changes it")
        table, column = {"event": ("events", "event_id"), "report": ("documents", "doc_id"),
                         "field-report": ("partner_inputs", "input_id"), "sensor-alert": ("partner_inputs", "input_id"),
                         "annotation": ("shared_records", "record_id")}[kind]
        if kind != "annotation" and not self.db.execute(f"SELECT 1 FROM {table} WHERE {column} = ?",
                                                        (record_id,)).fetchone():
            received = self.db.execute("SELECT owner_org FROM shared_records WHERE kind = ? AND record_id = ? AND "
                                       "received_from IS NOT NULL", (kind, record_id)).fetchone()
            if received:
                raise ReadOnly(f"{kind} {record_id} belongs to {received['owner_org']}; only its owner releases or "
                               "changes it (you may comment or corroborate)")
            raise NotFound(f"no {kind} {record_id!r}")

    def check_release(self, release: Mapping[str, Any]) -> Releasability:
        """A releasability of this node's organisation; refused when it contradicts itself or names strangers."""
        rel = Releasability.from_dict({**release, "owner": self.identity()["org"]})
        if rel.distribution == "group" and rel.group not in self.groups():
            raise ReleasabilityError(f"no sharing group {rel.group!r} (`rasad partner group`)")
        known = {p["org"] for p in self.partners()}
        unknown = sorted((set(rel.partners) | set(rel.coarsen)) - known - {EVERY_RECIPIENT})
        if unknown:
            raise ReleasabilityError(f"not partners of this node: {', '.join(unknown)} (`rasad partner add`)")
        return rel

    def release(self, kind: str, record_id: str, release: Mapping[str, Any], actor: str) -> dict[str, Any]:
        """Set who may receive one of this node's records; a contradictory releasability is refused."""
        rel = self.check_release(release)
        with self.store.transaction():
            self._require_own(kind, record_id)
            self._upsert_own(kind, record_id, rel, retracted=False)
            self.store.audit(actor, "release", f"{kind}:{record_id}", rel.to_dict())
        return self.releasability(kind, record_id)

    def _upsert_own(self, kind: str, record_id: str, rel: Releasability, retracted: bool,
                    data: dict[str, Any] | None = None) -> None:
        me = self.identity()
        seq = self.store.next_share_seq()
        self.db.execute(
            "INSERT INTO shared_records (origin, owner_org, kind, record_id, version, seq, releasability, retracted, data)"
            " VALUES (?,?,?,?,1,?,?,?,?) ON CONFLICT (origin, kind, record_id) DO UPDATE SET version ="
            " shared_records.version + 1, seq = excluded.seq, releasability = excluded.releasability,"
            " retracted = excluded.retracted",
            (me["node_id"], me["org"], kind, record_id, seq, json.dumps(rel.to_dict()), int(retracted),
             json.dumps(data, ensure_ascii=False) if data is not None else None))

    def add_input(self, kind: str, item: FieldReportIn | SensorAlertIn, actor: str) -> dict[str, Any]:
        """Store one of this organisation's field reports or sensor alerts, fused like any other source, and
        release it where it carries a release (checked before anything is stored)."""
        release = self.check_release(item.release.model_dump()) if item.release else None
        document, event = to_document_and_event(kind, item, self.identity()["org"])
        event_id = self.store.add_partner_input(kind, document, event, item.model_dump(mode="json"), actor)
        released = self.release(kind, document.doc_id, release.to_dict(), actor) if release else None
        return {"input_id": document.doc_id, "event_id": event_id, "release": released}

    def retract(self, kind: str, record_id: str, actor: str, reason: str | None = None) -> dict[str, Any]:
        """Withdraw a released record from every partner that received it."""
        with self.store.transaction():
            self._require_own(kind, record_id)
            row = self._own_row(kind, record_id)
            if row is None:
                raise InputError(f"{kind} {record_id} was never released")
            self._upsert_own(kind, record_id, Releasability.from_dict(json.loads(row["releasability"])), retracted=True)
            self.store.audit(actor, "retract", f"{kind}:{record_id}", {"reason": reason})
        return self.releasability(kind, record_id)

    def _own_row(self, kind: str, record_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM shared_records WHERE kind = ? AND record_id = ? AND origin = ?",
                              (kind, record_id, self.identity()["node_id"])).fetchone()
        return dict(row) if row else None

    def releasability(self, kind: str, record_id: str) -> dict[str, Any]:
        """A record's releasability, version and retraction (owner only, when never released)."""
        row = self._own_row(kind, record_id)
        if row is None:
            self._require_own(kind, record_id)
            return {"kind": kind, "record_id": record_id, "version": 0, "retracted": False,
                    "releasability": Releasability(owner=self.identity()["org"]).to_dict()}
        return {"kind": kind, "record_id": record_id, "version": row["version"], "retracted": bool(row["retracted"]),
                "releasability": json.loads(row["releasability"])}

    def comment(self, origin: str, kind: str, record_id: str, text: str, note: str, actor: str) -> dict[str, Any]:
        """Attach a comment or a corroboration to a partner's record; it goes to the record's owner."""
        if note not in ("comment", "corroboration"):
            raise InputError(f"a note is a comment or a corroboration, not {note!r}")
        if not text or not text.strip() or len(text) > 5000:
            raise InputError("a comment needs 1 to 5,000 characters of text")
        target = self.db.execute("SELECT owner_org FROM shared_records WHERE origin = ? AND kind = ? AND record_id = ? "
                                 "AND received_from IS NOT NULL", (origin, kind, record_id)).fetchone()
        if target is None:
            raise NotFound(f"no partner record {origin}/{kind}/{record_id}")
        me = self.identity()
        annotation_id = "ann_" + secrets.token_hex(8)
        data = {"annotation_id": annotation_id, "target": {"origin": origin, "kind": kind, "record_id": record_id},
                "note": note, "text": text.strip(), "org": me["org"], "at": _now().isoformat()}
        rel = Releasability(owner=me["org"], distribution="partners", tlp="AMBER", partners=(target["owner_org"],))
        with self.store.transaction():
            self._upsert_own("annotation", annotation_id, rel, retracted=False, data=data)
            self.store.audit(actor, "comment", f"{origin}/{kind}/{record_id}", {"annotation_id": annotation_id,
                                                                                 "note": note})
        return data

    # -- records as they leave ----------------------------------------------------------------------
    def _live(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """The current content of one of this node's records, or None when it is gone, merged or rejected."""
        if kind == "event":
            try:
                event = self.store.event(record_id)
            except NotFound:
                return None
            if event.get("merged_into") or event.get("review_state") == "rejected":
                return None
            data = {name: event.get(name) for name in SHARED_EVENT_FIELDS}
            data["evidence"] = [
                {"text": evidence["text"], "source": mention.get("source"), "title": mention.get("title"),
                 "url": mention.get("url"), "published": mention.get("published")}
                for mention in event["mentions"] if not mention["doc_id"].startswith("input:")
                for evidence in mention.get("evidence", [])]
            return data
        if kind == "report":
            try:
                document = self.store.document(record_id)
            except NotFound:
                return None
            return {name: document.get(name) for name in ("doc_id", "title", "source", "url", "published", "language",
                                                          "text")}
        if kind in ("field-report", "sensor-alert"):
            try:
                stored = self.store.partner_input(record_id)
            except NotFound:
                return None
            data = {k: v for k, v in stored["data"].items() if k != "release"}
            for event_id in self.store.events_of_document(stored["doc_id"]):
                event = self.store.event(event_id)
                data.update({name: event.get(name) for name in ("country", "admin1", "admin2", "location")})
            return data
        return None

    def coarsen(self, data: dict[str, Any], level: str, kind: str = "event") -> dict[str, Any]:
        """The record as a recipient at ``level`` may see it: only the fields of ``COARSE_FIELDS``, with the
        district's or governorate's point and name instead of the place."""
        if level == "point" or kind not in COARSE_FIELDS:
            return data
        data = {name: data.get(name) for name in COARSE_FIELDS[kind] if name in data}
        admin1, admin2 = data.get("admin1"), data.get("admin2")
        place = self._district(admin2) if level == "admin2" and admin2 else None
        if place is None:
            level, data["admin2"] = "admin1", None
            place = self._governorate(admin1) if admin1 else None
        if "latitude" in data or "location" in data:
            data["latitude"], data["longitude"] = (place.lat, place.lon) if place else (None, None)
            data["location"] = (admin2 if level == "admin2" else admin1) if place else None
            data["location_ar"] = place.name_ar if place and level == "admin1" else None
            data["geo_precision"] = max(data.get("geo_precision") or 0, 2 if level == "admin2" else 3)
        data["location_level"] = coarser(data.get("location_level") or "point", level)
        return data

    @staticmethod
    def _governorate(admin1: str) -> Place | None:
        return _area_points()[0].get(admin1)

    @staticmethod
    def _district(admin2: str) -> Place | None:
        return _area_points()[1].get(admin2)

    # -- bundles out --------------------------------------------------------------------------------
    def build_bundle(self, org: str, cursor: int, limit: int = PAGE_SIZE) -> dict[str, Any]:
        """A signed bundle for partner ``org``: the change feed after ``cursor``, filtered and coarsened for it."""
        partner = self.partner(org)
        me = self.identity()
        partner_orgs = [p["org"] for p in self.partners()]
        groups = self.groups()
        rows = [dict(row) for row in self.db.execute(
            "SELECT * FROM shared_records WHERE seq > ? ORDER BY seq LIMIT ?", (cursor, limit + 1))]
        more = len(rows) > limit
        rows = rows[:limit]
        items = []
        with self.store.transaction():
            for row in rows:
                item = self._item_for(row, org, me, partner_orgs, groups)
                if item is not None:
                    items.append(item)
        now = _now()
        held = self.db.execute("SELECT seq, hash, at, signature FROM partner_checkpoints WHERE node_id = ?",
                               (partner["node_id"],)).fetchone()
        bundle = {"format": FORMAT, "bundle_id": "bnd_" + secrets.token_hex(12), "sender": me["node_id"],
                  "sender_org": me["org"], "recipient": partner["node_id"], "recipient_org": org,
                  "created_at": now.isoformat(), "expires_at": (now + BUNDLE_LIFETIME).isoformat(),
                  "from_cursor": cursor, "cursor": rows[-1]["seq"] if rows else cursor, "more": more, "items": items,
                  "checkpoint": self.checkpoint(), "your_checkpoint": dict(held) if held else None}
        bundle["signature"] = self.sign(canonical(bundle))
        return bundle

    def _item_for(self, row: dict[str, Any], org: str, me: dict[str, Any], partner_orgs: list[str],
                  groups: dict[str, list[str]]) -> dict[str, Any] | None:
        rel = json.loads(row["releasability"])
        own = row["received_from"] is None
        if own:
            releasability = Releasability.from_dict(rel)
            recipients = releasability.audience(partner_orgs, groups)
            allowed = org in recipients
            level = releasability.level_for(org)
            data = json.loads(row["data"]) if row["data"] else self._live(row["kind"], row["record_id"])
            audience = ["*"] if releasability.distribution == "all" else sorted(recipients)
        else:  # a partner's record: only passed on where its owner allowed it, as its owner signed it
            came_from = self._partner_by_node(row["received_from"])
            audience = rel.get("audience") or []
            level = rel.get("level") or "point"
            allowed = (bool(rel.get("reshare")) and ("*" in audience or org in audience)
                       and org not in (row["owner_org"], came_from["org"] if came_from else None)
                       and coarser(level, _level_for(rel, org)) == level  # no coarser copy than the one held
                       and bool(row["origin_signature"]))
            data = json.loads(row["data"]) if row["data"] else None
        key = (org, row["origin"], row["kind"], row["record_id"])
        was_sent = self.db.execute("SELECT 1 FROM release_sent WHERE org = ? AND origin = ? AND kind = ? AND "
                                   "record_id = ?", key).fetchone() is not None
        gone = bool(row["retracted"]) or data is None
        if gone or not allowed:
            if not was_sent:
                return None
            self.db.execute("DELETE FROM release_sent WHERE org = ? AND origin = ? AND kind = ? AND record_id = ?", key)
            if own:
                return self._item(row, rel, level, audience, None, me)
            if gone:
                return _forwarded(row)  # the origin's signed retraction, passed on
            return {"origin": row["origin"], "kind": row["kind"], "record_id": row["record_id"], "withdrawn": True}
        self.db.execute("INSERT INTO release_sent (org, origin, kind, record_id, version) VALUES (?,?,?,?,?) "
                        "ON CONFLICT (org, origin, kind, record_id) DO UPDATE SET version = excluded.version",
                        (*key, row["version"]))
        if not own:
            return _forwarded(row)
        if own and row["kind"] == "event":
            level = coarser(level, self._merged_level(row["record_id"], org, partner_orgs, groups))
        return self._item(row, rel, level, audience, self.coarsen(data, level, row["kind"]), me)

    def _merged_level(self, event_id: str, org: str, partner_orgs: list[str], groups: dict[str, list[str]]) -> str:
        """The finest level ``org`` may see of the events merged into ``event_id``: a merge never makes what a
        recipient was given coarsely, or not at all, finer (the governorate where one was never released)."""
        level = "point"
        me = self.identity()["node_id"]
        for merged in self.db.execute("SELECT event_id FROM events WHERE merged_into = ?", (event_id,)).fetchall():
            row = self.db.execute("SELECT releasability, retracted FROM shared_records WHERE origin = ? AND kind = "
                                  "'event' AND record_id = ?", (me, merged["event_id"])).fetchone()
            rel = Releasability.from_dict(json.loads(row["releasability"])) if row else None
            if rel is None or org not in rel.audience(partner_orgs, groups):
                return "admin1"
            level = coarser(level, rel.level_for(org))
        return level

    def _item(self, row: dict[str, Any], rel: dict[str, Any], level: str, audience: list[str],
              data: dict[str, Any] | None, me: dict[str, Any]) -> dict[str, Any]:
        """One of this node's records as it ships to one recipient, signed as its origin."""
        shipped = {"owner": rel["owner"], "tlp": rel["tlp"], "reshare": bool(rel.get("reshare")), "level": level}
        if shipped["reshare"]:  # a recipient that may pass the record on needs to know to whom, and how coarsely
            shipped.update(audience=audience, coarsen=rel.get("coarsen") or {})
        item = {"origin": row["origin"], "owner_org": row["owner_org"], "kind": row["kind"],
                "record_id": row["record_id"], "version": row["version"], "retracted": data is None,
                "releasability": shipped, "data": data}
        return {**item, "origin_key": me["public_key"], "origin_signature": self.sign(canonical(signed_statement(item)))}

    # -- audit checkpoints ------------------------------------------------------------------------
    def checkpoint(self) -> dict[str, Any]:
        """The head of this node's audit chain, signed: partners keep the latest and send it back, so a
        rewritten or shortened log no longer matches what they hold (`rasad audit verify`)."""
        seq, chain_hash = audit_head(self.db)
        at = _now().isoformat()
        return {"seq": seq, "hash": chain_hash, "at": at,
                "signature": self.sign(_checkpoint_message(self.identity()["node_id"], seq, chain_hash, at))}

    def _take_checkpoints(self, bundle: dict[str, Any], partner: dict[str, Any], me: dict[str, Any]) -> list[str]:
        """Keep the sender's checkpoint and the one of ours it holds; returns the conflicts found (logged)."""
        problems = []
        theirs, ours = bundle.get("checkpoint"), bundle.get("your_checkpoint")
        if _checkpoint_signed(theirs, partner["node_id"], partner["public_key"]):
            held = self.db.execute("SELECT seq, hash FROM partner_checkpoints WHERE node_id = ?",
                                   (partner["node_id"],)).fetchone()
            if held and (theirs["seq"] < held["seq"] or (theirs["seq"] == held["seq"] and theirs["hash"] != held["hash"])):
                problems.append(f"{partner['org']}'s audit log head went from entry {held['seq']} to {theirs['seq']} "
                                "with another hash: its log was cut short or rewritten")
            else:
                self.db.execute("DELETE FROM partner_checkpoints WHERE node_id = ?", (partner["node_id"],))
                self.db.execute("INSERT INTO partner_checkpoints (node_id, seq, hash, at, signature) VALUES (?,?,?,?,?)",
                                (partner["node_id"], theirs["seq"], theirs["hash"], theirs["at"], theirs["signature"]))
        if _checkpoint_signed(ours, me["node_id"], me["public_key"]):
            self.db.execute("DELETE FROM audit_anchors WHERE held_by = ? AND seq = ?", (partner["org"], ours["seq"]))
            self.db.execute("INSERT INTO audit_anchors (seq, hash, held_by, at) VALUES (?,?,?,?)",
                            (ours["seq"], ours["hash"], partner["org"], ours["at"]))
        return problems

    # -- bundles in ---------------------------------------------------------------------------------
    def check_bundle(self, bundle: Any) -> dict[str, Any]:
        """Refuse (and log) a bundle that is malformed, from an unknown key, tampered, for another node, expired
        or replayed; returns the sending partner."""
        try:
            return self._check_bundle(bundle)
        except SyncRefused as refusal:
            sender = bundle.get("sender_org") if isinstance(bundle, dict) else None
            self.store.audit("sync", "sync refused", str(sender), {"reason": refusal.reason, "message": str(refusal),
                                                                    "bundle_id": _bundle_id(bundle)})
            raise

    def _check_bundle(self, bundle: Any) -> dict[str, Any]:
        if (not isinstance(bundle, dict) or bundle.get("format") != FORMAT or not isinstance(bundle.get("items"), list)
                or not isinstance(bundle.get("bundle_id"), str)):
            raise SyncRefused("malformed", f"not a {FORMAT} bundle")
        partner = self._partner_by_node(str(bundle.get("sender")))
        if partner is None:
            raise SyncRefused("unknown_key", f"bundle from {bundle.get('sender')!r}, which is no partner of this node")
        unsigned = {k: v for k, v in bundle.items() if k != "signature"}
        if not verify(partner["public_key"], canonical(unsigned), str(bundle.get("signature"))):
            raise SyncRefused("tampered", f"the signature of bundle {_bundle_id(bundle)} from {partner['org']} "
                                          "does not match its content")
        if bundle.get("recipient") != self.identity()["node_id"]:
            raise SyncRefused("wrong_recipient", f"bundle {_bundle_id(bundle)} is addressed to another node")
        expires, created = _moment(bundle.get("expires_at")), _moment(bundle.get("created_at"))
        if expires <= _now() or created > _now() + CLOCK_SKEW:
            raise SyncRefused("expired", f"bundle {_bundle_id(bundle)} expired at {bundle['expires_at']}")
        if self.db.execute("SELECT 1 FROM bundles_seen WHERE bundle_id = ?", (_bundle_id(bundle),)).fetchone():
            raise SyncRefused("replayed", f"bundle {_bundle_id(bundle)} was received before")
        return partner

    def receive(self, bundle: Any, cursor_column: str | None = None) -> Received:
        """Check and apply a bundle in one transaction; with ``cursor_column`` ('pull_cursor'), the sender's cursor
        advances in the same transaction, so a node killed mid-sync resumes where it stopped."""
        partner = self.check_bundle(bundle)
        me = self.identity()
        result = Received(bundle["bundle_id"], partner["org"], cursor=int(bundle.get("cursor") or 0),
                          more=bool(bundle.get("more")))
        with self.store.transaction():
            self.db.execute("INSERT INTO bundles_seen (bundle_id, sender, at) VALUES (?, ?, ?)",
                            (bundle["bundle_id"], partner["node_id"], _now().isoformat()))
            for item in bundle["items"]:
                outcome = self._apply(item, partner, me)
                if outcome == "applied":
                    result.applied += 1
                elif outcome == "unchanged":
                    result.unchanged += 1
                else:
                    result.refused.append(outcome)
            for problem in self._take_checkpoints(bundle, partner, me):
                result.refused.append(problem)
                self.store.audit("sync", "audit checkpoint conflict", partner["org"], {"problem": problem})
            if cursor_column:
                self.db.execute(f"UPDATE partners SET {cursor_column} = ? WHERE org = ?", (result.cursor, partner["org"]))
            self.store.audit("sync", "sync", partner["org"], {
                "direction": "in", "bundle_id": result.bundle_id, "applied": result.applied,
                "unchanged": result.unchanged, "refused": result.refused, "cursor": result.cursor})
        return result

    def _apply(self, item: Any, partner: dict[str, Any], me: dict[str, Any]) -> str:
        try:
            origin, kind, record_id = str(item["origin"]), str(item["kind"]), str(item["record_id"])
            if item.get("withdrawn") is True:
                return self._withdraw(origin, kind, record_id, partner)
            version, rel, owner = int(item["version"]), dict(item["releasability"]), str(item["owner_org"])
            data = item["data"]
        except (KeyError, TypeError, ValueError):
            return "malformed item"
        if kind not in KINDS:
            return f"{kind}: unknown kind"
        if origin == me["node_id"]:
            return "unchanged"  # our own record coming back: never applied, so no loop
        # the sender's own record is its word by the bundle's signature; a forwarded one must carry its origin's
        problem = _origin_problem(item, origin) if origin != partner["node_id"] else _unsigned(item)
        if problem:
            return f"{kind}:{record_id}: {problem} (sent by {partner['org']})"
        known = self._partner_by_node(origin)
        if known and known["org"] != owner:
            return f"{kind}:{record_id}: says owner {owner}, but its origin is partner {known['org']}"
        if origin != partner["node_id"]:
            audience = rel.get("audience") or []
            level = rel.get("level") or "point"
            if not rel.get("reshare"):
                return f"{kind}:{record_id}: passed on by {partner['org']} although its owner did not allow it"
            if "*" not in audience and me["org"] not in audience:
                return f"{kind}:{record_id}: passed on by {partner['org']} to a node its owner did not release it to"
            if coarser(level, _level_for(rel, me["org"])) != level:
                return f"{kind}:{record_id}: passed on by {partner['org']} finer than its owner allows this node"
        stored = self.db.execute("SELECT version FROM shared_records WHERE origin = ? AND kind = ? AND record_id = ?",
                                 (origin, kind, record_id)).fetchone()
        if stored and stored["version"] >= version:
            return "unchanged"
        self.db.execute(
            "INSERT INTO shared_records (origin, owner_org, kind, record_id, version, seq, releasability, retracted, data,"
            " received_from, received_at, origin_key, origin_signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (origin, kind, record_id) DO UPDATE SET owner_org = excluded.owner_org, version ="
            " excluded.version, seq = excluded.seq, releasability = excluded.releasability, retracted ="
            " excluded.retracted, data = excluded.data, received_from = excluded.received_from, received_at ="
            " excluded.received_at, origin_key = excluded.origin_key, origin_signature = excluded.origin_signature",
            (origin, owner, kind, record_id, version, self.store.next_share_seq(), json.dumps(rel), int(data is None),
             json.dumps(data, ensure_ascii=False) if data is not None else None, partner["node_id"], _now().isoformat(),
             item["origin_key"], item["origin_signature"]))
        return "applied"

    def _withdraw(self, origin: str, kind: str, record_id: str, partner: dict[str, Any]) -> str:
        """A forwarder takes back a record it passed on (its owner narrowed the release): only a copy that
        forwarder gave us is dropped."""
        row = self.db.execute("SELECT received_from, retracted FROM shared_records WHERE origin = ? AND kind = ? AND "
                              "record_id = ?", (origin, kind, record_id)).fetchone()
        if row is None or row["retracted"] or row["received_from"] != partner["node_id"]:
            return "unchanged"
        self.db.execute("UPDATE shared_records SET retracted = 1, data = NULL, seq = ? WHERE origin = ? AND kind = ? "
                        "AND record_id = ?", (self.store.next_share_seq(), origin, kind, record_id))
        return "applied"

    def check_request(self, node_id: str, message: str, signature: str, sent_at: str) -> dict[str, Any]:
        """The partner behind a signed pull request; refused (and logged) when unknown, forged or stale."""
        partner = self._partner_by_node(node_id)
        try:
            if partner is None:
                raise SyncRefused("unknown_key", f"request from {node_id!r}, which is no partner of this node")
            if not verify(partner["public_key"], f"{message}\n{sent_at}".encode(), signature):
                raise SyncRefused("tampered", f"the signature of {partner['org']}'s request does not match")
            if abs(_moment(sent_at) - _now()) > CLOCK_SKEW:
                raise SyncRefused("expired", f"request signed at {sent_at}, too far from now")
        except SyncRefused as refusal:
            self.store.audit("sync", "sync refused", partner["org"] if partner else node_id,
                             {"reason": refusal.reason, "message": str(refusal)})
            raise
        return partner

    # -- what partners sent -------------------------------------------------------------------------
    def received(self, kind: str | None = None, include_retracted: bool = False, limit: int = 100,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Partners' records held here (read-only), newest first."""
        where, args = "received_from IS NOT NULL", []
        if kind:
            where += " AND kind = ?"
            args.append(kind)
        if not include_retracted:
            where += " AND retracted = 0"
        total = self.db.execute(f"SELECT count(*) AS n FROM shared_records WHERE {where}", tuple(args)).fetchone()["n"]
        rows = self.db.execute(f"SELECT * FROM shared_records WHERE {where} ORDER BY seq DESC LIMIT ? OFFSET ?",
                               (*args, limit, offset)).fetchall()
        return [_received_record(row) for row in rows], total

    def received_since(self, kind: str, since: str | None) -> list[dict[str, Any]]:
        """Partners' records of ``kind`` received (or updated) here since ``since`` (this node's clock), oldest
        first; withdrawn ones left out."""
        rows = self.db.execute("SELECT * FROM shared_records WHERE received_from IS NOT NULL AND kind = ? AND retracted = 0 "
                               "AND received_at >= ? ORDER BY received_at, seq", (kind, since or ""))
        return [_received_record(row) for row in rows]

    def annotations(self, kind: str, record_id: str) -> list[dict[str, Any]]:
        """Partners' comments and corroborations on one of this node's records."""
        found = []
        for row in self.db.execute("SELECT * FROM shared_records WHERE kind = 'annotation' AND received_from IS NOT NULL "
                                   "AND retracted = 0 ORDER BY seq"):
            data = json.loads(row["data"])
            target = data.get("target") or {}
            if target.get("kind") == kind and target.get("record_id") == record_id:
                found.append(data)
        return found


def _received_record(row: Any) -> dict[str, Any]:
    return {"origin": row["origin"], "owner_org": row["owner_org"], "kind": row["kind"], "record_id": row["record_id"],
            "version": row["version"], "retracted": bool(row["retracted"]),
            "releasability": json.loads(row["releasability"]), "data": json.loads(row["data"]) if row["data"] else None,
            "received_at": row["received_at"]}


def _checkpoint_message(node_id: str, seq: int, chain_hash: str, at: str) -> bytes:
    return f"audit-checkpoint\n{node_id}\n{seq}\n{chain_hash}\n{at}".encode()


def _checkpoint_signed(checkpoint: Any, node_id: str, public_key: str) -> bool:
    """Whether ``checkpoint`` is a head of ``node_id``'s audit chain signed with its key."""
    if not isinstance(checkpoint, dict):
        return False
    try:
        seq, chain_hash, at = int(checkpoint["seq"]), str(checkpoint["hash"]), str(checkpoint["at"])
        return verify(public_key, _checkpoint_message(node_id, seq, chain_hash, at), str(checkpoint["signature"]))
    except (KeyError, TypeError, ValueError):
        return False


def signed_statement(item: Mapping[str, Any]) -> dict[str, Any]:
    """What a record's origin signs: the record as it ships, with its owner, version and releasability."""
    return {"format": RECORD_FORMAT, **{name: item.get(name) for name in (
        "origin", "owner_org", "kind", "record_id", "version", "retracted", "releasability", "data")}}


def _unsigned(item: Mapping[str, Any]) -> str | None:
    """A record without the origin's key and signature cannot be passed on, so is not taken."""
    if not isinstance(item.get("origin_key"), str) or not isinstance(item.get("origin_signature"), str):
        return "not signed by its origin"
    return None


def _origin_problem(item: Mapping[str, Any], origin: str) -> str | None:
    """Why an item is not its origin's word (None when it is): no signature, a key that is not the origin's,
    or a signature that does not cover what the item says."""
    key, signature = item.get("origin_key"), item.get("origin_signature")
    if not isinstance(key, str) or not isinstance(signature, str):
        return "not signed by its origin"
    try:
        if node_id_for(key) != origin:
            return "signed with a key that is not its origin's"
    except InputError:
        return "signed with a malformed key"
    if not verify(key, canonical(signed_statement(item)), signature):
        return "its origin's signature does not match what it says (forged or altered)"
    return None


def _forwarded(row: Mapping[str, Any]) -> dict[str, Any]:
    """A partner's record passed on exactly as its origin signed it."""
    item = {"origin": row["origin"], "owner_org": row["owner_org"], "kind": row["kind"], "record_id": row["record_id"],
            "version": row["version"], "retracted": bool(row["retracted"]),
            "releasability": json.loads(row["releasability"]),
            "data": json.loads(row["data"]) if row["data"] else None}
    return {**item, "origin_key": row["origin_key"], "origin_signature": row["origin_signature"]}


def _level_for(rel: Mapping[str, Any], org: str) -> str:
    """The finest location level the origin allows ``org`` (its per-recipient or every-recipient coarsening)."""
    coarsen = rel.get("coarsen") or {}
    return coarsen.get(org) or coarsen.get(EVERY_RECIPIENT) or "point"


@cache
def _area_points() -> tuple[dict[str, Place], dict[str, Place]]:
    """Where a coarsened record is put: each governorate's gazetteer point, and each district's seat (its most
    populous town)."""
    governorates, seats = {}, {}
    for place in default_gazetteer().places:
        if place.feature == "admin1":
            governorates.setdefault(place.admin1, place)
        elif place.feature == "city" and place.admin2 and (
                place.admin2 not in seats or place.population > seats[place.admin2].population):
            seats[place.admin2] = place
    return governorates, seats


def _moment(value: Any) -> datetime:
    """A time with its UTC offset (ISO 8601), as bundles and requests carry it; anything else is malformed."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise SyncRefused("malformed", f"not an ISO 8601 time: {value!r}") from error
    if moment.tzinfo is None:
        raise SyncRefused("malformed", f"a time without its UTC offset: {value!r}")
    return moment


def _bundle_id(bundle: Any) -> str:
    return str(bundle.get("bundle_id")) if isinstance(bundle, dict) else "?"


def _check_org(org: str) -> None:
    if not org or not re.match(ORG_PATTERN, org):
        raise InputError(f"an organisation code is 1 to 50 letters, digits, '-' or '_', not {org!r}")

