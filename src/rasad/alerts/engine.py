"""Runs every alert rule: what is new since the rule last looked (events created or changed, or surges of the
current week), minus what it already delivered, sent through its channel, one message an alert or one digest
when many arrive at once. Delivered alerts are logged in the store, so none is sent twice, even after a
restart; an alert that could not be delivered stays pending and is tried again at the next run; alerts that
fall in a rule's quiet hours wait for their end."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from rasad.alerts.delivery import DeliveryError, SmtpSettings, post_webhook, send_email
from rasad.alerts.rules import RuleSpec
from rasad.share.node import Node
from rasad.store.store import EventFilter, Store
from rasad.trends.surges import Surge, monday, store_counts, surges

DIGEST_OVER = 5  # more new alerts than this for one rule in one run go out as one digest


@dataclass
class RuleRun:
    """What one rule did in one run."""

    rule_id: int
    name: str
    delivered: int = 0
    held: bool = False
    error: str | None = None

    def line(self) -> str:
        if self.error:
            return f"alert rule {self.rule_id} ({self.name}): not delivered: {self.error}"
        if self.held:
            return f"alert rule {self.rule_id} ({self.name}): quiet hours, held"
        return f"alert rule {self.rule_id} ({self.name}): {self.delivered} alerts delivered"


class AlertEngine:
    """Matches and delivers the store's alert rules."""

    def __init__(self, store: Store, smtp: SmtpSettings | None = None, client: httpx.Client | None = None,
                 dashboard_url: str = "http://127.0.0.1:8000", now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.store, self.smtp, self.dashboard_url, self.now, self.sleep = store, smtp, dashboard_url.rstrip("/"), now, sleep
        self.client = client or httpx.Client(timeout=20.0)

    def run(self) -> list[RuleRun]:
        """Run every enabled rule once; the rules that had something to do."""
        out = []
        for rule in self.store.alert_rules():
            if not rule["enabled"]:
                continue
            spec = RuleSpec.from_dict(rule["spec"])
            run = RuleRun(rule["rule_id"], rule["name"])
            alerts, cursor = self._pending(rule, spec)
            if not alerts:
                continue
            if spec.quiet(self.now()):
                run.held = True
                out.append(run)
                continue
            digest = len(alerts) > DIGEST_OVER
            batches = [alerts] if digest else [[alert] for alert in alerts]
            try:
                for number, batch in enumerate(batches, 1):
                    self._send(rule, spec, batch, digest)
                    # logged as soon as sent: a failure later in the run repeats none of it
                    self.store.record_alerts(rule["rule_id"], batch, spec.channel,
                                             cursor if number == len(batches) else None)
                    run.delivered += len(batch)
            except DeliveryError as error:
                self.store.alert_failed(rule["rule_id"], str(error))
                run.error = str(error)
            out.append(run)
        return out

    def _pending(self, rule: dict[str, Any], spec: RuleSpec) -> tuple[list[dict[str, Any]], str | None]:
        if spec.kind == "threshold":
            # the week's matching events (by event date) reaching the threshold: one alert a week
            week = monday(self.now().date())
            events = [e for e in self.store.iter_events(EventFilter(since=week.isoformat(), review_state=spec.review_state,
                                                                     min_confidence=spec.min_confidence))
                      if spec.matches(e)]
            alerts = [self._threshold_alert(rule, spec, week, events)] if len(events) >= spec.threshold else []
            cursor = None
        elif spec.kind == "surge":
            week = monday(self.now().date())
            table = store_counts(self.store, spec.unit, 1, week)
            alerts = [self._surge_alert(s) for s in surges(table, only_week=week) if self._surge_matches(spec, s)]
            cursor = None
        else:
            events = list(self.store.iter_events(EventFilter(updated_since=rule["cursor"], review_state=spec.review_state,
                                                             min_confidence=spec.min_confidence)))
            alerts = [self._event_alert(e) for e in events if spec.matches(e)]
            # partners' events released to this node (all a user here may see of theirs); never reviewed here
            records = [] if spec.review_state else Node(self.store).received_since("event", rule["cursor"])
            alerts += [self._partner_alert(r) for r in records if r["data"] and spec.matches(r["data"])]
            cursor = max([e["updated_at"] for e in events] + [r["received_at"] for r in records], default=None)
        done = self.store.alert_delivered(rule["rule_id"], [alert["key"] for alert in alerts])
        return [alert for alert in alerts if alert["key"] not in done], cursor

    @staticmethod
    def _surge_matches(spec: RuleSpec, surge: Surge) -> bool:
        if spec.event_types and surge.event_type not in spec.event_types:
            return False
        if not spec.event_types and surge.event_type is not None:
            return False  # all types together, unless the rule names types
        if spec.unit == "admin1" and spec.admin1 and surge.value not in spec.admin1:
            return False
        return not (spec.unit == "facility" and spec.facility and spec.facility_place().name != surge.value)

    def _event_alert(self, event: dict[str, Any]) -> dict[str, Any]:
        counts = ", ".join(f"{event[name]} {name}" for name in ("fatalities", "wounded", "arrested")
                           if event.get(name) is not None)
        place = ", ".join(part for part in (event.get("location"), event.get("admin1")) if part)
        summary = f"{event.get('event_date') or 'undated'}: {event['sub_event_type']} in {place or 'an unknown place'}"
        return {"key": f"event:{event['event_id']}", "kind": "event", "event_id": event["event_id"],
                "summary": summary + (f" ({counts})" if counts else ""), "event_type": event["event_type"],
                "event_date": event.get("event_date"), "admin1": event.get("admin1"),
                "confidence": event.get("confidence"), "review_state": event.get("review_state"),
                "url": f"{self.dashboard_url}/?event={event['event_id']}"}

    def _partner_alert(self, record: dict[str, Any]) -> dict[str, Any]:
        event = record["data"]
        tlp = record["releasability"].get("tlp", "CLEAR")
        place = ", ".join(part for part in (event.get("location"), event.get("admin1")) if part)
        return {"key": f"partner:{record['origin']}:{record['record_id']}", "kind": "partner_event",
                "owner_org": record["owner_org"], "record_id": record["record_id"], "tlp": tlp,
                "summary": f"[TLP:{tlp}] {record['owner_org']}: {event.get('event_date') or 'undated'}: "
                           f"{event.get('sub_event_type')} in {place or 'an unknown place'}",
                "event_type": event.get("event_type"), "event_date": event.get("event_date"),
                "admin1": event.get("admin1"), "url": f"{self.dashboard_url}/?partners=1"}

    def _threshold_alert(self, rule: dict[str, Any], spec: RuleSpec, week: Any, events: list[dict]) -> dict[str, Any]:
        return {"key": f"threshold:{week.isoformat()}", "kind": "threshold", "week": week.isoformat(),
                "count": len(events), "threshold": spec.threshold,
                "summary": f"week of {week.isoformat()}: {len(events)} events matching {rule['name']!r} "
                           f"(threshold {spec.threshold})",
                "event_ids": [e["event_id"] for e in events][:50], "url": f"{self.dashboard_url}/?since={week.isoformat()}"}

    def _surge_alert(self, surge: Surge) -> dict[str, Any]:
        kind = surge.event_type or "events"
        return {"key": f"surge:{surge.unit}:{surge.value}:{surge.event_type or 'all'}:{surge.week}", "kind": "surge",
                "summary": f"week of {surge.week}: {surge.count} {kind} in {surge.value}, against "
                           f"{surge.expected} a week before (p={surge.p_value:.1g})",
                "unit": surge.unit, "value": surge.value, "week": surge.week, "count": surge.count,
                "event_ids": surge.event_ids}

    def _send(self, rule: dict[str, Any], spec: RuleSpec, batch: list[dict[str, Any]], digest: bool) -> None:
        subject = (f"[Rasad] {rule['name']}: {len(batch)} new alerts" if digest
                   else f"[Rasad] {rule['name']}: {batch[0]['summary']}")
        if spec.channel == "email":
            lines = [f"- {a['summary']}" + (f"\n  {a['url']}" if "url" in a else "") for a in batch]
            send_email(self.smtp, spec.target, subject, "\n".join([subject, "", *lines, ""]))
        elif spec.channel == "webhook":
            payload = {"delivery": f"{rule['rule_id']}:{batch[0]['key']}:{len(batch)}", "rule": rule["name"],
                       "rule_id": rule["rule_id"], "digest": digest, "alerts": batch}
            post_webhook(self.client, spec.target, spec.secret, payload, sleep=self.sleep)
        # the dashboard channel delivers by logging: GET /api/alerts reads the log
