"""The FastAPI application: REST API under /api and the dashboard at /.

With authentication on (always when served beyond loopback), every API call needs a bearer token
(`rasad user add`): viewers read, analysts also review, admins may do everything. On loopback without
`--auth`, a local single-user mode skips the login.
"""

from __future__ import annotations

import getpass
import io
import json
import logging
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path

from rasad import __version__
from rasad.alerts.rules import RuleSpec
from rasad.errors import Forbidden, InputError, NotFound, RasadError, TooLarge, Unauthorized
from rasad.geo.basemap import basemap
from rasad.geo.boundaries import default_boundaries
from rasad.geo.build import governorate_names_ar
from rasad.geo.gazetteer import default_gazetteer
from rasad.geo.units import units_geojson
from rasad.ingest.partner import FieldReportIn, ReleaseIn, SensorAlertIn
from rasad.store.store import EventFilter, Store, open_store
from rasad.trends.surges import parse_week, shown_weeks, store_counts, surges
from rasad.web.schemas import (
    AlertOut,
    AlertRuleIn,
    AlertRuleOut,
    AnnotationOut,
    AuditEntryOut,
    AuditVerifyOut,
    CellOut,
    CommentIn,
    EditIn,
    ErrorOut,
    EventDetailOut,
    EventPage,
    Health,
    HistoryEntry,
    InputCreatedOut,
    LayerOut,
    Me,
    MergeIn,
    NodeOut,
    PartnerOut,
    ReferenceEventOut,
    ReleaseOut,
    ReportOut,
    ReportPage,
    RetractIn,
    SessionIn,
    SharedPage,
    SourceOut,
    SplitIn,
    StateIn,
    StatOut,
    SurgeOut,
    SyncAck,
    SyncReportOut,
    TrendsOut,
    UndoIn,
    ViewIn,
    ViewOut,
    WatchSourceOut,
)

FACILITY_FEATURES = ("camp", "prison", "crossing")
ROLE_RANK = {"viewer": 1, "analyst": 2, "admin": 3}
EXPORT_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv", "geojson": "application/geo+json",
                "acled": "text/csv", "stix": "application/stix+json;version=2.1"}


@dataclass(frozen=True)
class User:
    username: str
    role: str


def get_store(request: Request) -> Iterator[Store]:
    """A store handle for one request, on the database the app was created for."""
    with open_store(request.app.state.db) as handle:
        yield handle


StoreDep = Annotated[Store, Depends(get_store)]


def current_user(request: Request, db: StoreDep) -> User:
    """The signed-in user; in local single-user mode, the local account as admin."""
    if not request.app.state.auth:
        return User(getpass.getuser(), "admin")
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        token = header[7:].strip()
    elif request.cookies.get(SESSION_COOKIE):
        token = request.cookies[SESSION_COOKIE]  # the dashboard's session (POST /api/session)
    else:
        raise Unauthorized("an API token is required: Authorization: Bearer <token> (see `rasad user add`)")
    found = db.user_for_token(token)
    if found is None:
        db.audit("anonymous", "login failed", None, {"client": request.client.host if request.client else None,
                                                     "path": request.url.path})
        raise Unauthorized("unknown API token")
    return User(found["username"], found["role"])


def role(needed: str):
    """A dependency that lets through users of at least the given role."""

    def check(user: Annotated[User, Depends(current_user)]) -> User:
        if ROLE_RANK[user.role] < ROLE_RANK[needed]:
            raise Forbidden(f"{user.role} may not do this: it needs the {needed} role")
        return user

    return check


Viewer = Annotated[User, Depends(role("viewer"))]
Analyst = Annotated[User, Depends(role("analyst"))]
Admin = Annotated[User, Depends(role("admin"))]


def event_filter(
    since: Annotated[str | None, Query(description="YYYY-MM-DD", pattern=DAY)] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD", pattern=DAY)] = None,
    type: Annotated[str | None, Query(description="ACLED event type")] = None,
    sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
    tag: Annotated[str | None, Query(description="a mission tag, e.g. prison_escape")] = None,
    actor: Annotated[str | None, Query(description="a standard actor name, as actor1 or actor2")] = None,
    admin1: Annotated[str | None, Query(description="governorate")] = None,
    admin2: Annotated[str | None, Query(description="district")] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM")] = None,
    bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH")] = None,
    max_border_km: Annotated[float | None, Query(ge=0, description="at most this far from the border")] = None,
    text: Annotated[str | None, Query(description="full-text search of the reports")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    review_state: Annotated[str | None, Query(pattern="^(unreviewed|verified|rejected)$")] = None,
    queue: Annotated[bool, Query(description="the review queue: unreviewed events below 0.7 confidence, undated "
                                             "or dated only to the month, or whose sources disagree")] = False,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: Annotated[str, Query(pattern="^(event_date|confidence|source_count|fatalities|border_km|updated_at)$")]
    = "event_date",
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
) -> EventFilter:
    for name, day in (("since", since), ("until", until)):
        if day:
            try:
                date.fromisoformat(day)
            except ValueError as error:
                raise InputError(f"{name} must be a date YYYY-MM-DD, not {day!r}") from error
    if text and "\x00" in text:
        raise InputError("text must not contain a NUL character")
    return EventFilter(since=since, until=until, event_type=type, sub_event_type=sub_type, tag=tag, actor=actor,
                       admin1=admin1, admin2=admin2, near=parse_near(near), bbox=parse_bbox(bbox),
                       max_border_km=max_border_km, text=text, min_confidence=min_confidence,
                       review_state=review_state, queue=queue, limit=limit, offset=offset, sort=sort,
                       descending=order == "desc")


Filter = Annotated[EventFilter, Depends(event_filter)]


DAY = r"^\d{4}-\d{2}-\d{2}$"
# In local mode (no tokens) only this machine may talk to the server: a page on another site that makes
# the browser resolve its name to 127.0.0.1 (DNS rebinding) sends its own Host, and a cross-site form its
# own Origin.
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Request bodies: refused by their declared length before they are read (a signed bundle may be large).
BODY_LIMIT = 1_000_000
BODY_LIMITS = {"/api/sync/inbox": 50_000_000}
TOKENLESS_WRITES = frozenset({"/api/sync/inbox", "/api/session"})  # signed by a node; the token in the body
# The dashboard keeps its token in an HttpOnly, SameSite=Strict cookie that no script of the page can read.
SESSION_COOKIE = "rasad_session"
SESSION_SECONDS = 12 * 3600
MAX_OFFSET = 10**9


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


MAP_POINTS = 3000  # the dashboard draws up to this many events one by one, then the server's counts by cell
LIST_PAGE = 500  # rows the dashboard's list fetches at a time


def create_app(db: str, auth: bool = False, tiles: str | None = None, map_points: int = MAP_POINTS,
               list_page: int = LIST_PAGE) -> FastAPI:
    """The web application over the store at ``db``; ``auth`` requires API tokens for every call; ``tiles``
    is an optional online tile URL ({z}/{x}/{y}) for users who have one (the bundled map needs none);
    ``map_points`` and ``list_page`` say how many events the dashboard draws one by one and lists at a time."""
    app = FastAPI(title="Rasad API", version=__version__, docs_url=None, redoc_url=None,
                  responses={400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut},
                             404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
    app.state.db = db
    app.state.auth = auth
    app.state.tiles = tiles
    app.state.dashboard = {"map_points": map_points, "list_page": list_page}
    static = resources.files("rasad.web").joinpath("static")
    app.add_middleware(BodyLimit)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        """Before a route reads anything: where the request comes from, how big it is, and (with tokens) that
        a write carries one."""
        path = request.url.path
        if not request.app.state.auth:
            host = request.headers.get("host", "")
            if _hostname(host) not in LOOPBACK_NAMES:
                return _error(403, "forbidden", f"this local server answers this machine only, not host {host!r}")
            origin = request.headers.get("origin")
            if request.method not in SAFE_METHODS and origin and _hostname(urlsplit(origin).netloc) not in LOOPBACK_NAMES:
                return _error(403, "forbidden", f"a write from another site ({origin}) is refused")
        try:
            length = int(request.headers.get("content-length") or 0)
        except ValueError:
            return _error(400, "invalid_request", "Content-Length is not a number")
        if length > BODY_LIMITS.get(path, BODY_LIMIT):
            return _error(413, "too_large", f"a body of {length:,} bytes is over the limit of "
                                            f"{BODY_LIMITS.get(path, BODY_LIMIT):,} for {path}")
        if request.app.state.auth and request.method not in SAFE_METHODS and path.startswith("/api/"):
            bearer = request.headers.get("authorization", "").lower().startswith("bearer ")
            if not bearer and (SESSION_COOKIE in request.cookies or path == "/api/session"):
                # a browser's write: from a page of this server only (SameSite is the first wall, this the second)
                origin = request.headers.get("origin")
                if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
                    return _error(403, "forbidden", f"a write from another site ({origin}) is refused")
            elif not bearer and path not in TOKENLESS_WRITES:
                return _error(401, "unauthorized", "an API token is required: Authorization: Bearer <token>")
        return await call_next(request)

    @app.exception_handler(RasadError)
    async def rasad_error(request: Request, error: RasadError) -> JSONResponse:
        return _error(error.http_status, error.code, str(error))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> JSONResponse:
        # the one JSON shape, and nothing of the server's internals (paths, SQL) in it
        logging.getLogger("rasad.web").exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(500, "internal", "internal error; the server log has the details")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 413: "too_large"}.get(error.status_code, "http_error")
        return _error(error.status_code, code, str(error.detail))

    @app.get("/healthz", response_model=Health, response_model_exclude_none=True)
    def healthz(request: Request, db: StoreDep) -> Health:
        if request.app.state.auth:
            return Health(status="ok")  # nothing of the data without a token
        counts = db.counts()
        return Health(status="ok", events=counts["events"], documents=counts["documents"])

    @app.get("/api/config")
    def config(request: Request, user: Viewer) -> dict:
        return {"tiles": request.app.state.tiles, **request.app.state.dashboard}

    @app.post("/api/session", response_model=Me)
    def sign_in(body: SessionIn, request: Request, response: Response, db: StoreDep) -> Me:
        """Sign a browser in: the token goes into an HttpOnly, SameSite=Strict cookie, out of the page's reach."""
        if not request.app.state.auth:
            return Me(username=getpass.getuser(), role="admin", auth=False)
        found = db.user_for_token(body.token.strip())
        client = request.client.host if request.client else None
        if found is None:
            db.audit("anonymous", "login failed", None, {"client": client, "path": request.url.path})
            raise Unauthorized("unknown API token")
        db.audit(found["username"], "login", None, {"client": client, "session": "cookie"})
        response.set_cookie(SESSION_COOKIE, body.token.strip(), max_age=SESSION_SECONDS, path="/", httponly=True,
                            samesite="strict", secure=request.url.scheme == "https")
        return Me(username=found["username"], role=found["role"], auth=True)

    @app.delete("/api/session", status_code=204)
    def sign_out() -> Response:
        """Forget the browser's session cookie."""
        response = Response(status_code=204)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return response

    @app.get("/api/me", response_model=Me)
    def me(request: Request, db: StoreDep, user: Viewer) -> Me:
        if request.app.state.auth:
            db.audit(user.username, "login", None, {"client": request.client.host if request.client else None})
        return Me(username=user.username, role=user.role, auth=request.app.state.auth)

    @app.get("/api/events", response_model=EventPage)
    def events(db: StoreDep, user: Viewer, flt: Filter) -> EventPage:
        items, total = db.query_events(flt)
        return EventPage(items=items, total=total, limit=flt.limit, offset=flt.offset)

    @app.get("/api/events/cells", response_model=list[CellOut])
    def event_cells(f: Filter, db: StoreDep, user: Viewer,
                    cell: Annotated[float, Query(gt=0.01, le=5)] = 0.25) -> list[dict]:
        """Every event of the filter counted by cell of a ``cell``-degree grid and by type, for a map of more
        events than it can draw one by one (no cap: the counts add up to the filter's total of placed events)."""
        return db.cells(f, cell)

    @app.get("/api/events/{event_id}", response_model=EventDetailOut)
    def event(event_id: str, db: StoreDep, user: Viewer) -> dict:
        return db.event(event_id)

    @app.get("/api/events/{event_id}/history", response_model=list[HistoryEntry])
    def history(event_id: str, db: StoreDep, user: Viewer) -> list[dict]:
        return db.history(event_id)

    def reviewer(user: User, named: str | None) -> str:
        return (named or user.username) if not app.state.auth else user.username

    @app.post("/api/events/{event_id}/review-state", response_model=EventDetailOut)
    def set_state(event_id: str, body: StateIn, db: StoreDep, user: Analyst) -> dict:
        return db.set_review_state(event_id, body.state, reviewer(user, body.reviewer), body.reason)

    @app.post("/api/events/{event_id}/edits", response_model=EventDetailOut)
    def edit(event_id: str, body: EditIn, db: StoreDep, user: Analyst) -> dict:
        return db.edit(event_id, body.field, body.value, reviewer(user, body.reviewer), body.reason)

    @app.post("/api/events/{event_id}/merge", response_model=EventDetailOut)
    def merge(event_id: str, body: MergeIn, db: StoreDep, user: Analyst) -> dict:
        return db.merge(event_id, body.other_event_id, reviewer(user, body.reviewer), body.reason)

    @app.post("/api/events/{event_id}/unmerge", response_model=EventDetailOut)
    def unmerge(event_id: str, body: MergeIn, db: StoreDep, user: Analyst) -> dict:
        return db.unmerge(event_id, body.other_event_id, reviewer(user, body.reviewer), body.reason)

    @app.post("/api/events/{event_id}/undo", response_model=EventDetailOut)
    def undo(event_id: str, body: UndoIn, db: StoreDep, user: Analyst) -> dict:
        return db.undo(event_id, body.history_id, reviewer(user, body.reviewer), body.reason)

    @app.post("/api/events/{event_id}/split", response_model=EventDetailOut)
    def split(event_id: str, body: SplitIn, db: StoreDep, user: Analyst) -> dict:
        return db.split(event_id, body.mention_ids, reviewer(user, body.reviewer), body.reason)

    @app.get("/api/stats", response_model=list[StatOut])
    def stats(db: StoreDep, user: Viewer, flt: Filter,
              by: Annotated[str, Query(pattern="^(day|week|month|type|sub_type|admin1)$")] = "week") -> list[dict]:
        return db.stats(flt, by)

    @app.get("/api/export")
    def export(db: StoreDep, user: Viewer, flt: Filter,
               format: Annotated[str, Query(pattern="^(jsonl|csv|geojson|acled|stix)$")] = "csv",
               excel: bool = False) -> Response:
        from rasad.share.export import ExportOptions, export_events

        out = io.StringIO()
        db.audit(user.username, "export", None, {"format": format, "filter": _filter_summary(flt), "via": "api"})
        export_events(db, flt, format, out, ExportOptions(excel=excel))
        suffix = {"acled": "acled.csv", "geojson": "geojson", "jsonl": "jsonl", "csv": "csv", "stix": "stix.json"}[format]
        return Response(out.getvalue(), media_type=EXPORT_TYPES[format],
                        headers={"content-disposition": f'attachment; filename="rasad-events.{suffix}"'})

    @app.get("/api/reports", response_model=ReportPage)
    def reports(db: StoreDep, user: Viewer, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                offset: Annotated[int, Query(ge=0)] = 0) -> ReportPage:
        items, total = db.reports(limit, offset)
        return ReportPage(items=items, total=total)

    @app.get("/api/reports/{doc_id}", response_model=ReportOut)
    def report(doc_id: str, db: StoreDep, user: Viewer) -> dict:
        return db.document(doc_id)

    @app.get("/api/sources", response_model=list[SourceOut])
    def sources(db: StoreDep, user: Viewer) -> list[dict]:
        return db.sources()

    @app.get("/api/trends", response_model=TrendsOut)
    def trends(db: StoreDep, user: Viewer, by: str = "admin1", weeks: Annotated[int, Query(ge=1, le=260)] = 12,
               until: date | None = None, type: str | None = None,  # noqa: A002 - the API's word
               layer: str | None = None) -> dict:
        """Weekly counts by area for the last ``weeks`` weeks (empty weeks included), each surge marked; of an
        imported reference ``layer`` (e.g. acled) instead of Rasad's events where one is named."""
        full = store_counts(db, by, weeks, until, type, layer=layer)
        table = shown_weeks(full, weeks)
        first = table.weeks[0].isoformat()
        marked = {(s.value, s.event_type, s.week) for s in surges(full) if s.week >= first}
        series = [{"value": value, "event_type": kind, "counts": counts,
                   "fatalities": table.fatalities.get(value) if kind is None else None,
                   "surges": [w.isoformat() for w in table.weeks if (value, kind, w.isoformat()) in marked]}
                  for (value, kind), counts in sorted(table.counts.items(), key=lambda item: (-sum(item[1]), item[0][0]))]
        return {"unit": by, "weeks": [w.isoformat() for w in table.weeks], "series": series}

    @app.get("/api/surges", response_model=list[SurgeOut])
    def surge_list(db: StoreDep, user: Viewer, by: str = "admin1", week: str | None = None,
                   weeks: Annotated[int, Query(ge=1, le=52)] = 4) -> list[dict]:
        """Areas whose week stands out against their own past, with the events that raised each."""
        only = parse_week(week) if week else None
        table = store_counts(db, by, 1 if only else weeks, only)
        first = table.weeks[-1 if only else max(0, len(table.weeks) - weeks)].isoformat()
        return [asdict(s) for s in surges(table) if s.week >= first]

    @app.get("/api/views", response_model=list[ViewOut], tags=["dashboard"])
    def saved_views(db: StoreDep, user: Viewer) -> list[dict]:
        """The signed-in user's saved views; each one's ``query`` after ``/?`` reproduces it."""
        return db.views(user.username)

    @app.post("/api/views", response_model=ViewOut, status_code=201, tags=["dashboard"])
    def save_view(body: ViewIn, db: StoreDep, user: Viewer) -> dict:
        """Save the current view under a name (the same name again replaces it)."""
        view_id = db.save_view(user.username, body.name, body.query)
        return next(view for view in db.views(user.username) if view["view_id"] == view_id)

    @app.delete("/api/views/{view_id}", status_code=204, tags=["dashboard"])
    def remove_view(view_id: int, db: StoreDep, user: Viewer) -> Response:
        db.remove_view(view_id, user.username)
        return Response(status_code=204)

    @app.get("/api/alerts/rules", response_model=list[AlertRuleOut], tags=["alerts"])
    def alert_rules(db: StoreDep, user: Viewer) -> list[dict]:
        """The signed-in user's alert rules (webhook secrets left out)."""
        return [{**rule, "spec": {k: v for k, v in rule["spec"].items() if k != "secret"}}
                for rule in db.alert_rules(user.username)]

    @app.post("/api/alerts/rules", response_model=AlertRuleOut, status_code=201, tags=["alerts"])
    def add_alert_rule(body: AlertRuleIn, db: StoreDep, user: Viewer) -> dict:
        """A new rule for the signed-in user; it alerts on what changes from now on."""
        spec = RuleSpec.from_dict(body.model_dump(exclude={"name"}))
        rule_id = db.add_alert_rule(user.username, body.name, spec.to_dict())
        (rule,) = [r for r in alert_rules(db, user) if r["rule_id"] == rule_id]
        return rule

    @app.delete("/api/alerts/rules/{rule_id}", status_code=204, tags=["alerts"])
    def remove_alert_rule(rule_id: int, db: StoreDep, user: Viewer) -> Response:
        """Delete one of the signed-in user's rules (another user's is not found)."""
        db.remove_alert_rule(rule_id, owner=user.username)
        return Response(status_code=204)

    @app.get("/api/alerts", response_model=list[AlertOut], tags=["alerts"])
    def delivered_alerts(db: StoreDep, user: Viewer, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict]:
        """The alerts the signed-in user's rules delivered, newest first (the dashboard channel shows here)."""
        return db.alerts(user.username, limit)

    @app.get("/api/layers", response_model=list[LayerOut], tags=["reference layers"])
    def layers(db: StoreDep, user: Viewer) -> list[dict]:
        """The imported reference layers (ACLED files, partners' STIX bundles and MISP events), read-only."""
        return db.reference_layers()

    @app.get("/api/layers/events", response_model=list[ReferenceEventOut], tags=["reference layers"])
    def layer_events(db: StoreDep, user: Viewer, layer: str | None = None,
                     since: Annotated[str | None, Query(pattern=DAY)] = None,
                     until: Annotated[str | None, Query(pattern=DAY)] = None, admin1: str | None = None,
                     limit: Annotated[int, Query(ge=1, le=20000)] = 5000) -> list[dict]:
        """A layer's records (every layer's without ``layer``) of a period and governorate, newest first: drawn
        on the map beside Rasad's own events."""
        return db.reference_events(layer, since, until, admin1, limit)

    @app.get("/api/watch", response_model=list[WatchSourceOut])
    def watch_status(db: StoreDep, user: Viewer) -> list[dict]:
        return db.watch_states()

    @app.get("/api/boundaries")
    def boundaries(user: Viewer) -> dict:
        """Governorate polygons (each with its Arabic name, ``name_ar``) and the border line."""
        shapes = default_boundaries().geojson()
        arabic = governorate_names_ar()
        for feature in shapes["features"]:
            if feature["properties"].get("kind") != "border":
                feature["properties"]["name_ar"] = arabic.get(feature["properties"]["name"], feature["properties"]["name"])
        return shapes


    @app.get("/api/basemap")
    def basemap_layers(user: Viewer) -> dict:
        """The offline basemap: rivers, lakes, terrain regions, and towns ranked by importance (1 capitals … 6
        sub-district seats) with Arabic names, and the attribution to show."""
        return basemap()

    @app.get("/api/units")
    def admin_units(user: Viewer) -> dict:
        """Sub-districts (OCHA, simplified) with their district, English and Arabic names, for the map's outlines."""
        return units_geojson()

    @app.get("/api/facilities")
    def facilities(user: Viewer) -> dict:
        places = [p for p in default_gazetteer().places if p.feature in FACILITY_FEATURES]
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
             "properties": {"name": p.name, "name_ar": p.name_ar, "feature": p.feature}} for p in places]}

    add_sharing_routes(app, reviewer)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    # Swagger UI from the PyPI package swagger-ui-bundle (Apache-2.0), not a CDN: offline, and no third party on
    # the dashboard's origin
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> Response:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="Rasad API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")
    return app


def _filter_summary(flt: EventFilter) -> dict:
    """The filter an export used, without its paging (for the audit log)."""
    return {name: value for name, value in asdict(flt).items()
            if value not in (None, "") and name not in ("limit", "offset", "sort", "descending")}


def add_sharing_routes(app: FastAPI, reviewer) -> None:
    """Partner nodes (docs/sharing.md): identity, releases, partner inputs, sync and the audit log."""
    from rasad.ingest.partner import SCHEMAS
    from rasad.share.node import Node
    from rasad.share.sync import HttpTransport, PullRequest, serve_pull, serve_push, sync_all
    from rasad.store.audit import entries, verify

    @app.get("/api/node", response_model=NodeOut, tags=["sharing"])
    def node(db: StoreDep, user: Viewer) -> dict:
        return Node(db).identity()

    @app.get("/api/partners", response_model=list[PartnerOut], tags=["sharing"])
    def partners(db: StoreDep, user: Admin) -> list[dict]:
        return Node(db).partners()

    @app.get("/api/releases/{kind}/{record_id:path}", response_model=ReleaseOut, tags=["sharing"])
    def get_release(kind: str, record_id: str, db: StoreDep, user: Viewer) -> dict:
        return Node(db).releasability(kind, record_id)

    @app.put("/api/releases/{kind}/{record_id:path}", response_model=ReleaseOut, tags=["sharing"])
    def put_release(kind: str, record_id: str, body: ReleaseIn, db: StoreDep, user: Analyst) -> dict:
        return Node(db).release(kind, record_id, body.model_dump(), reviewer(user, None))

    @app.post("/api/retractions/{kind}/{record_id:path}", response_model=ReleaseOut, tags=["sharing"])
    def retract(kind: str, record_id: str, body: RetractIn, db: StoreDep, user: Analyst) -> dict:
        return Node(db).retract(kind, record_id, reviewer(user, None), body.reason)

    @app.get("/api/schemas/{name}", tags=["sharing"])
    def schema(name: str, user: Viewer) -> dict:
        if name.removesuffix(".json") not in SCHEMAS:
            raise NotFound(f"no schema {name!r}; there are {', '.join(SCHEMAS)}")
        return SCHEMAS[name.removesuffix(".json")].model_json_schema()

    @app.post("/api/field-reports", response_model=InputCreatedOut, status_code=201, tags=["sharing"])
    def field_report(body: FieldReportIn, db: StoreDep, user: Analyst) -> dict:
        return Node(db).add_input("field-report", body, reviewer(user, None))

    @app.post("/api/sensor-alerts", response_model=InputCreatedOut, status_code=201, tags=["sharing"])
    def sensor_alert(body: SensorAlertIn, db: StoreDep, user: Analyst) -> dict:
        return Node(db).add_input("sensor-alert", body, reviewer(user, None))

    @app.get("/api/shared", response_model=SharedPage, tags=["sharing"])
    def shared(db: StoreDep, user: Viewer, kind: str | None = None, include_retracted: bool = False,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        items, total = Node(db).received(kind, include_retracted, limit, offset)
        return {"items": items, "total": total}

    @app.post("/api/shared/{origin}/{kind}/{record_id:path}/annotations", response_model=AnnotationOut,
              status_code=201, tags=["sharing"])
    def annotate(origin: str, kind: str, record_id: str, body: CommentIn, db: StoreDep, user: Analyst) -> dict:
        return Node(db).comment(origin, kind, record_id, body.text, body.note, reviewer(user, None))

    @app.get("/api/events/{event_id}/annotations", response_model=list[AnnotationOut], tags=["sharing"])
    def annotations(event_id: str, db: StoreDep, user: Viewer) -> list[dict]:
        db.event(event_id)
        return Node(db).annotations("event", event_id)

    @app.post("/api/sync", response_model=list[SyncReportOut], tags=["sharing"])
    def sync(db: StoreDep, user: Admin, partner: Annotated[list[str] | None, Query()] = None) -> list:
        return sync_all(Node(db), HttpTransport(), partner)

    @app.get("/api/sync/bundle", tags=["sharing"], summary="A partner pulls its next bundle (signed request)")
    def pull(request: Request, db: StoreDep, cursor: Annotated[int, Query(ge=0)] = 0,
             limit: Annotated[int, Query(ge=1, le=5000)] = 200) -> dict:
        headers = request.headers
        return serve_pull(Node(db), PullRequest(headers.get("x-rasad-node", ""), cursor, limit,
                                                headers.get("x-rasad-time", ""), headers.get("x-rasad-signature", "")))

    @app.post("/api/sync/inbox", response_model=SyncAck, tags=["sharing"],
              summary="A partner pushes a signed bundle")
    async def inbox(request: Request, db: StoreDep) -> dict:
        return serve_push(Node(db), await _json_body(request))

    @app.get("/api/audit", response_model=list[AuditEntryOut], tags=["sharing"])
    def audit_log(db: StoreDep, user: Admin, action: str | None = None,
                  limit: Annotated[int, Query(ge=1, le=10000)] = 100) -> list[dict]:
        return entries(db.db, limit, action)

    @app.get("/api/audit/verify", response_model=AuditVerifyOut, tags=["sharing"])
    def audit_verify(db: StoreDep, user: Admin) -> dict:
        result = verify(db.db)
        return {"ok": result.ok, "entries": result.entries, "broken_at": result.broken_at, "problem": result.problem}


class BodyLimit:
    """Counts a request's body as it arrives: one sent without its length ("Transfer-Encoding: chunked") is
    cut off at the route's limit too, whichever route reads it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, seen = BODY_LIMITS.get(scope["path"], BODY_LIMIT), 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise StarletteHTTPException(413, f"{scope['path']}: the body is over the limit of {limit:,} bytes")
            return message

        await self.app(scope, counted, send)


def _hostname(host: str) -> str:
    """The name in a Host header or URL authority, without its port ("[::1]:8000" → "::1")."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _json_body(request: Request) -> Any:
    limit = BODY_LIMITS.get(request.url.path, BODY_LIMIT)
    body = bytearray()
    async for chunk in request.stream():  # a body sent without its length is cut off at the limit too
        body += chunk
        if len(body) > limit:
            raise TooLarge(f"{request.url.path}: the body is over the limit of {limit:,} bytes")
    try:
        return json.loads(bytes(body))
    except RecursionError as error:
        raise InputError(f"{request.url.path}: the body is nested too deeply") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{request.url.path}: the body is not JSON: {error}") from error


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


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """WEST,SOUTH,EAST,NORTH → a tuple; a malformed value is an InputError."""
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError as error:
        raise InputError(f"bbox must be WEST,SOUTH,EAST,NORTH, not {value!r}") from error
    if not (west < east and south < north):
        raise InputError(f"bbox must have WEST < EAST and SOUTH < NORTH: {value!r}")
    return west, south, east, north
