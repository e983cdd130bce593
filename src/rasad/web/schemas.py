"""API schemas. Input and output are separate models, so internal fields never leak into responses."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="A stable, machine-readable error code")
    message: str = Field(description="What went wrong, for a person")


class ErrorOut(BaseModel):
    """The one shape of every JSON error."""

    error: ErrorBody


class EvidenceOut(BaseModel):
    text: str
    start: int
    end: int


class EventOut(BaseModel):
    """A fused event as the API releases it."""

    event_id: str
    event_type: str
    sub_event_type: str
    tags: list[str]
    event_date: str | None
    time_precision: int | None
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    location_ar: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    wounded: int | None
    arrested: int | None
    escaped: int | None
    transferred: int | None
    border_km: float | None
    border_sector: str | None
    confidence: float
    source_count: int
    first_reported: str | None
    last_reported: str | None
    review_state: str
    conflicting: bool = False  # its sources disagree on a figure or the day


class FieldSource(BaseModel):
    """Where in a report one field came from."""

    text: str
    start: int | None
    end: int | None


class MentionOut(BaseModel):
    """One report's account of an event: its figures and the sentences that support them."""

    mention_id: str
    pinned: bool
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    event_type: str
    sub_event_type: str
    event_date: str | None
    location: str | None
    fatalities: int | None
    wounded: int | None
    arrested: int | None
    escaped: int | None
    transferred: int | None
    confidence: float
    evidence: list[EvidenceOut]
    trace: dict[str, FieldSource]


class EventDetailOut(EventOut):
    mentions: list[MentionOut]


class EventPage(BaseModel):
    items: list[EventOut]
    total: int
    limit: int
    offset: int


class Health(BaseModel):
    status: str
    events: int | None = None
    documents: int | None = None


class StatOut(BaseModel):
    key: str | None
    count: int
    fatalities: int = Field(0, description="the fatalities the period's events count")


class ReportSummary(BaseModel):
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None
    duplicate_of: str | None


class ReportOut(ReportSummary):
    text: str


class ReportPage(BaseModel):
    items: list[ReportSummary]
    total: int


class SourceOut(BaseModel):
    source: str | None
    reports: int
    duplicates: int


class LayerOut(BaseModel):
    layer: str = Field(description='"acled", "stix:PRODUCER" or "misp:ORG"')
    records: int
    first: str | None
    last: str | None


class ReferenceEventOut(BaseModel):
    """A record of an imported layer: read-only, as its source gave it."""

    layer: str
    record_id: str
    marking: str | None
    event_type: str
    sub_event_type: str | None = None
    event_date: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    actor1: str | None = None
    actor2: str | None = None


class CellOut(BaseModel):
    latitude: float = Field(description="the mean point of the cell's events")
    longitude: float
    count: int
    types: dict[str, int] = Field(description="events by ACLED event type")


class TrendSeriesOut(BaseModel):
    value: str
    event_type: str | None = Field(description="null: every type together")
    counts: list[int]
    fatalities: list[int] | None = Field(None, description="each week's reported deaths (the all-types series only)")
    surges: list[str] = Field(description="the weeks (Mondays) that are surges")


class TrendsOut(BaseModel):
    unit: str
    weeks: list[str]
    series: list[TrendSeriesOut]


class SurgeOut(BaseModel):
    unit: str
    value: str
    week: str
    event_type: str | None
    count: int
    expected: float
    p_value: float
    event_ids: list[str]
    latitude: float | None
    longitude: float | None


class AlertRuleIn(BaseModel):
    """A new alert rule of the signed-in user (every filter left out matches everything)."""

    name: str = Field(min_length=1, max_length=200)
    channel: Literal["email", "webhook", "dashboard"]
    target: str | None = Field(None, description="the e-mail address or webhook URL")
    secret: str | None = Field(None, description="the webhook's HMAC key, 16 characters or more")
    kind: Literal["event", "surge", "threshold"] = "event"
    threshold: int | None = Field(None, ge=1, description="for a threshold rule: events a week that raise an alert")
    unit: Literal["admin1", "admin2", "sector", "facility", "cell"] = "admin1"
    admin1: list[str] = []
    event_types: list[str] = []
    tags: list[str] = []
    actors: list[str] = []
    border_sector: str | None = None
    near: tuple[float, float, float] | None = Field(None, description="latitude, longitude, kilometres")
    facility: str | None = None
    radius_km: float = Field(15.0, gt=0, le=500)
    min_confidence: float | None = Field(None, ge=0, le=1)
    review_state: Literal["unreviewed", "verified"] | None = None
    quiet_hours: str | None = Field(None, description="FROM-TO hours of the day (UTC) when alerts are held, e.g. 22-6")


class AlertRuleOut(BaseModel):
    rule_id: int
    name: str
    owner: str
    enabled: bool
    created_at: str
    last_error: str | None
    spec: dict[str, Any] = Field(description="the rule, without its webhook secret")


class AlertOut(BaseModel):
    rule_id: int
    rule: str
    key: str
    channel: str
    delivered_at: str
    alert: dict[str, Any]


class WatchSourceOut(BaseModel):
    """One watched source: its last success and error, new documents so far, and how late the newest item was."""

    url: str
    name: str
    kind: str
    last_attempt: str | None
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    failures: int
    items: int
    lag_seconds: float | None
    next_due: str | None


class Me(BaseModel):
    username: str
    role: str
    auth: bool


class SessionIn(BaseModel):
    """A browser signs in once with its API token; the token then travels in an HttpOnly cookie only."""

    token: str = Field(min_length=1, max_length=200)


class ReviewIn(BaseModel):
    """Why. With authentication on, the reviewer is the signed-in user; in local single-user mode a
    reviewer may be named (default: the local user)."""

    reviewer: str | None = Field(default=None, min_length=1, max_length=200)
    reason: str | None = Field(default=None, max_length=2000)


class StateIn(ReviewIn):
    state: Literal["verified", "rejected", "unreviewed"]


class EditIn(ReviewIn):
    field: str
    value: Any = None


class MergeIn(ReviewIn):
    other_event_id: str


class UndoIn(ReviewIn):
    history_id: int = Field(ge=1)


class SplitIn(ReviewIn):
    mention_ids: list[str] = Field(min_length=1)


class HistoryEntry(BaseModel):
    history_id: int  # what `POST /api/events/{id}/undo` names
    at: str
    actor: str
    action: str
    detail: dict[str, Any]


# -- sharing ------------------------------------------------------------------------------------------
class NodeOut(BaseModel):
    """This node's public identity: what a partner needs to add it (never the private key)."""

    node_id: str
    org: str
    name: str | None
    url: str | None
    public_key: str


class PartnerOut(BaseModel):
    org: str
    node_id: str
    public_key: str
    url: str | None
    added_at: str
    pull_cursor: int
    push_cursor: int


class ReleasabilityOut(BaseModel):
    owner: str
    distribution: str
    tlp: str
    partners: list[str]
    group: str | None
    coarsen: dict[str, str]
    reshare: bool


class ReleaseOut(BaseModel):
    kind: str
    record_id: str
    version: int
    retracted: bool
    releasability: ReleasabilityOut


class RetractIn(BaseModel):
    reason: str | None = Field(default=None, max_length=2000)


class SharedRecordOut(BaseModel):
    """A partner's record as it reached this node (read-only here)."""

    origin: str
    owner_org: str
    kind: str
    record_id: str
    version: int
    retracted: bool
    releasability: dict[str, Any]
    data: dict[str, Any] | None
    received_at: str | None


class SharedPage(BaseModel):
    items: list[SharedRecordOut]
    total: int


class CommentIn(BaseModel):
    note: Literal["comment", "corroboration"] = "comment"
    text: str = Field(min_length=1, max_length=5000)


class AnnotationOut(BaseModel):
    annotation_id: str
    target: dict[str, str]
    note: str
    text: str
    org: str
    at: str


class InputCreatedOut(BaseModel):
    """A field report or sensor alert, stored and fused: the event it joined, and its releasability."""

    input_id: str
    event_id: str
    release: ReleaseOut | None


class SyncReportOut(BaseModel):
    org: str
    pulled: int
    pushed: int
    bundles: int
    refused: list[str]


class SyncAck(BaseModel):
    bundle_id: str
    applied: int
    unchanged: int
    refused: list[str]
    cursor: int


class AuditEntryOut(BaseModel):
    seq: int
    at: str
    actor: str
    action: str
    target: str | None
    detail: dict[str, Any]
    hash: str


class AuditVerifyOut(BaseModel):
    ok: bool
    entries: int
    broken_at: int | None
    problem: str | None


class ViewIn(BaseModel):
    """A view of the dashboard to keep under a name: its query string (filters, language, layers, sort)."""

    name: str = Field(min_length=1, max_length=120)
    query: str = Field(max_length=4000)


class ViewOut(BaseModel):
    view_id: int
    name: str
    query: str
    created_at: str
