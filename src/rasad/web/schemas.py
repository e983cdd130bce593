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


class Me(BaseModel):
    username: str
    role: str
    auth: bool


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


class SplitIn(ReviewIn):
    mention_ids: list[str] = Field(min_length=1)


class HistoryEntry(BaseModel):
    at: str
    actor: str
    action: str
    detail: dict[str, Any]
