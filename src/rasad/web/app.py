"""The FastAPI application: REST API under /api and the dashboard at /."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasad import __version__
from rasad.errors import InputError, RasadError
from rasad.geo.boundaries import default_boundaries
from rasad.geo.gazetteer import default_gazetteer
from rasad.store.store import EventFilter, Store, open_store
from rasad.web.schemas import (
    EditIn,
    ErrorOut,
    EventDetailOut,
    EventPage,
    Health,
    HistoryEntry,
    MergeIn,
    ReportOut,
    SplitIn,
    StateIn,
)

FACILITY_FEATURES = ("camp", "prison", "crossing")


def get_store(request: Request) -> Iterator[Store]:
    """A store handle for one request, on the database the app was created for."""
    handle = open_store(request.app.state.db)
    try:
        yield handle
    finally:
        handle.close()


StoreDep = Annotated[Store, Depends(get_store)]


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def create_app(db: str) -> FastAPI:
    """The web application over the store at ``db``."""
    app = FastAPI(title="Rasad API", version=__version__,
                  responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
    app.state.db = db
    static = resources.files("rasad.web").joinpath("static")

    @app.exception_handler(RasadError)
    async def rasad_error(request: Request, error: RasadError) -> JSONResponse:
        return _error(error.http_status, error.code, str(error))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if error.status_code == 404 else "http_error"
        return _error(error.status_code, code, str(error.detail))

    @app.get("/healthz", response_model=Health)
    def healthz(db: StoreDep) -> Health:
        counts = db.counts()
        return Health(status="ok", events=counts["events"], documents=counts["documents"])

    @app.get("/api/events", response_model=EventPage)
    def events(
        db: StoreDep,
        since: str | None = None,
        until: str | None = None,
        type: Annotated[str | None, Query(description="ACLED event type")] = None,
        admin1: str | None = None,
        near: Annotated[str | None, Query(description="LAT,LON,KM")] = None,
        text: Annotated[str | None, Query(description="full-text search of the reports")] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        review_state: Annotated[str | None, Query(pattern="^(unreviewed|verified|rejected)$")] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        sort: str = "event_date",
        order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
    ) -> EventPage:
        flt = EventFilter(since=since, until=until, event_type=type, admin1=admin1, near=parse_near(near),
                          text=text, min_confidence=min_confidence, review_state=review_state, limit=limit,
                          offset=offset, sort=sort,
                          descending=order == "desc")
        items, total = db.query_events(flt)
        return EventPage(items=items, total=total, limit=limit, offset=offset)

    @app.get("/api/events/{event_id}", response_model=EventDetailOut)
    def event(event_id: str, db: StoreDep) -> dict:
        return db.event(event_id)

    @app.get("/api/events/{event_id}/history", response_model=list[HistoryEntry])
    def history(event_id: str, db: StoreDep) -> list[dict]:
        return db.history(event_id)

    @app.post("/api/events/{event_id}/review-state", response_model=EventDetailOut)
    def set_state(event_id: str, body: StateIn, db: StoreDep) -> dict:
        return db.set_review_state(event_id, body.state, body.reviewer, body.reason)

    @app.post("/api/events/{event_id}/edits", response_model=EventDetailOut)
    def edit(event_id: str, body: EditIn, db: StoreDep) -> dict:
        return db.edit(event_id, body.field, body.value, body.reviewer, body.reason)

    @app.post("/api/events/{event_id}/merge", response_model=EventDetailOut)
    def merge(event_id: str, body: MergeIn, db: StoreDep) -> dict:
        return db.merge(event_id, body.other_event_id, body.reviewer, body.reason)

    @app.post("/api/events/{event_id}/split", response_model=EventDetailOut)
    def split(event_id: str, body: SplitIn, db: StoreDep) -> dict:
        return db.split(event_id, body.mention_ids, body.reviewer, body.reason)

    @app.get("/api/reports/{doc_id}", response_model=ReportOut)
    def report(doc_id: str, db: StoreDep) -> dict:
        return db.document(doc_id)

    @app.get("/api/boundaries")
    def boundaries() -> dict:
        return default_boundaries().geojson()

    @app.get("/api/facilities")
    def facilities() -> dict:
        places = [p for p in default_gazetteer().places if p.feature in FACILITY_FEATURES]
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
             "properties": {"name": p.name, "name_ar": p.name_ar, "feature": p.feature}} for p in places]}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """LAT,LON,KM → a tuple; a malformed value is an InputError."""
    if not value:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError as error:
        raise InputError(f"near must be LAT,LON,KM, not {value!r}") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise InputError(f"near out of range: {value!r}")
    return lat, lon, km
