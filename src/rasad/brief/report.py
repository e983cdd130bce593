"""What the weekly briefing says, gathered from the store: the week's events and figures against the weeks
before, a map, the trend, surges, the watch on camps, prisons and crossings, the main incidents with their
sources, and what was reviewed. Addressed to a partner, it is built from the records released to that
partner alone (coarsened as released, none marked above the briefing's TLP), so it tells the partner nothing
the node has not released to it."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from rasad.errors import InputError
from rasad.share.releasability import TLP, Releasability
from rasad.store.store import EventFilter, Store
from rasad.trends.surges import Surge, monday, surges, unit_values, weekly_counts

TREND_WEEKS = 12
BASELINE_WEEKS = 8
TOP_INCIDENTS = 10


@dataclass
class Brief:
    """Everything the briefing shows, in neither language yet."""

    week: date
    tlp: str
    org: str
    recipient: str | None
    events: list[dict[str, Any]]  # the week's
    totals: dict[str, int]
    before: dict[str, float]  # the mean of the four weeks before
    weekly: list[tuple[date, int]]  # the last TREND_WEEKS weeks
    by_area: list[tuple[str, int, float]]  # governorate, this week, mean of the four before
    surges: list[Surge]
    facilities: list[tuple[str, list[dict[str, Any]]]]
    top: list[tuple[dict[str, Any], list[dict[str, Any]]]]  # event, its sources
    review: dict[str, int] = field(default_factory=dict)


@cache
def labels() -> dict[str, Any]:
    return tomllib.loads(resources.files("rasad.brief").joinpath("data/labels.toml").read_text("utf-8"))


def gather(store: Store, week: date, tlp: str = "AMBER", recipient: str | None = None) -> Brief:
    """The briefing's content for the week of ``week`` (its Monday)."""
    if tlp not in TLP:
        raise InputError(f"TLP must be one of {', '.join(TLP)}, not {tlp!r}")
    week = monday(week)
    first = week - timedelta(weeks=TREND_WEEKS - 1 + BASELINE_WEEKS)
    last = week + timedelta(days=6)
    if recipient is None:
        pool = list(store.iter_events(EventFilter(since=first.isoformat(), until=last.isoformat())))
    else:
        pool = [e for e in _released_to(store, recipient, tlp) if e.get("event_date")
                and first.isoformat() <= e["event_date"] <= last.isoformat()]
    this_week = [e for e in pool if monday(e["event_date"]) == week]
    table = weekly_counts(pool, "admin1", first, week, by_type=False)
    weekly_all = weekly_counts(({**e, "admin1": "*"} for e in pool), "admin1", first, week, by_type=False)
    all_series = weekly_all.counts.get(("*", None), [0] * len(weekly_all.weeks))
    before_weeks = [w for w in weekly_all.weeks if week - timedelta(weeks=4) <= w < week]
    in_before = [e for e in pool if monday(e["event_date"]) in before_weeks]
    totals = _totals(this_week)
    before = {name: round(value / 4, 1) for name, value in _totals(in_before).items()}
    by_area = sorted(((value, series[-1], round(sum(series[-5:-1]) / 4, 1)) for (value, _), series in table.counts.items()
                      if series[-1] or any(series[-5:-1])), key=lambda row: (-row[1], -row[2], row[0]))
    near: dict[str, list[dict[str, Any]]] = {}
    for event in this_week:
        for name, _, _ in unit_values(event, "facility"):
            near.setdefault(name, []).append(event)
    ranked = sorted(this_week, key=lambda e: (-(e.get("fatalities") or 0), -(e.get("wounded") or 0),
                                              -(e.get("confidence") or 0), e["event_id"]))[:TOP_INCIDENTS]
    top = [(event, _sources(store, event["event_id"]) if recipient is None else []) for event in ranked]
    review = Counter(e.get("review_state") or "unreviewed" for e in this_week)
    if recipient is None:
        rejected = store.query_events(EventFilter(since=week.isoformat(), until=last.isoformat(),
                                                  review_state="rejected", limit=1))[1]
        review["rejected"] = rejected
    node = _node_org(store)
    return Brief(week, tlp, node, recipient, this_week, totals, before,
                 list(zip(weekly_all.weeks[-TREND_WEEKS:], all_series[-TREND_WEEKS:], strict=True)), by_area,
                 surges(table, only_week=week), sorted(near.items(), key=lambda item: (-len(item[1]), item[0])), top,
                 dict(review))


def _totals(events: list[dict[str, Any]]) -> dict[str, int]:
    return {"events": len(events), **{name: sum(e.get(name) or 0 for e in events)
                                      for name in ("fatalities", "wounded", "arrested")}}


def _sources(store: Store, event_id: str) -> list[dict[str, Any]]:
    seen, out = set(), []
    for mention in store.event(event_id)["mentions"]:
        key = mention.get("url") or mention.get("source") or mention.get("doc_id")
        if key in seen:
            continue
        seen.add(key)
        out.append({"source": mention.get("source"), "url": mention.get("url"), "title": mention.get("title"),
                    "published": mention.get("published")})
    return out


def _node_org(store: Store) -> str:
    from rasad.share.node import Node

    try:
        return Node(store).identity()["org"]
    except InputError:
        return "Rasad"


def _released_to(store: Store, org: str, tlp: str) -> list[dict[str, Any]]:
    """The node's own events released to ``org`` under a marking no stricter than ``tlp``, as released."""
    from rasad.share.node import Node

    node = Node(store)
    node.partner(org)  # an unknown partner is an error, not an empty briefing
    partner_orgs = [p["org"] for p in node.partners()]
    groups = node.groups()
    out = []
    for row in store.db.execute("SELECT record_id, releasability FROM shared_records WHERE received_from IS NULL "
                                "AND kind = 'event' AND retracted = 0"):
        rel = Releasability.from_dict(json.loads(row["releasability"]))
        if org not in rel.audience(partner_orgs, groups) or TLP.index(rel.tlp) > TLP.index(tlp):
            continue
        event = store.event(row["record_id"])
        if event.get("merged_into"):
            continue
        out.append(node.coarsen({k: v for k, v in event.items() if k != "mentions"}, rel.level_for(org)))
    return out
