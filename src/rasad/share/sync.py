"""Sync between partner nodes: pull a partner's bundles for us, push ours to it, each from a cursor.

The network sits behind :class:`Transport`, so tests swap HTTP for direct calls. A pulled bundle is
applied and the cursor advanced in one transaction; a pushed bundle's cursor advances only once the
partner has acknowledged it. A sync killed at any point resumes from the last cursor, and a record sent
twice is applied once (versions).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from rasad.errors import PartnerUnreachable, SyncRefused
from rasad.share.node import PAGE_SIZE, Node, Received


@dataclass(frozen=True)
class PullRequest:
    """A signed request for the bundle after ``cursor``."""

    node_id: str
    cursor: int
    limit: int
    sent_at: str
    signature: str


def pull_message(server_node_id: str, cursor: int, limit: int) -> str:
    """What a pull request's signature covers (with the time it was sent)."""
    return f"pull\n{server_node_id}\n{cursor}\n{limit}"


class Transport(Protocol):
    """How bundles travel to and from a partner node."""

    def pull(self, partner: dict[str, Any], request: PullRequest) -> dict[str, Any]: ...

    def push(self, partner: dict[str, Any], bundle: dict[str, Any]) -> dict[str, Any]: ...


class HttpTransport:
    """Bundles over HTTP(S) to a partner's Rasad API (``/api/sync/bundle`` and ``/api/sync/inbox``)."""

    def __init__(self, timeout: float = 60.0, client: Any = None) -> None:
        import httpx

        self._httpx = httpx
        self.client = client or httpx.Client(timeout=timeout)

    def _url(self, partner: dict[str, Any], path: str) -> str:
        if not partner.get("url"):
            raise PartnerUnreachable(f"partner {partner['org']} has no address (`rasad partner add --url`)")
        return partner["url"].rstrip("/") + path

    def _send(self, partner: dict[str, Any], method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self.client.request(method, self._url(partner, path), **kwargs)
        except self._httpx.HTTPError as error:
            raise PartnerUnreachable(f"partner {partner['org']} at {partner['url']}: {error}") from error
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 400:
            message = (body.get("error") or {}).get("message") if isinstance(body, dict) else None
            raise PartnerUnreachable(f"partner {partner['org']} answered {response.status_code}: "
                                     f"{message or response.text[:200]}")
        return body

    def pull(self, partner: dict[str, Any], request: PullRequest) -> dict[str, Any]:
        return self._send(partner, "GET", "/api/sync/bundle", params={"cursor": request.cursor, "limit": request.limit},
                          headers={"x-rasad-node": request.node_id, "x-rasad-time": request.sent_at,
                                   "x-rasad-signature": request.signature})

    def push(self, partner: dict[str, Any], bundle: dict[str, Any]) -> dict[str, Any]:
        return self._send(partner, "POST", "/api/sync/inbox", json=bundle)


class DirectTransport:
    """Bundles handed straight to nodes in this process (two stores on one machine: the demo, tests).
    They are signed, checked and applied exactly as over HTTP."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = {node.identity()["node_id"]: node for node in nodes}

    def pull(self, partner: dict[str, Any], request: PullRequest) -> dict[str, Any]:
        return serve_pull(self.nodes[partner["node_id"]], request)

    def push(self, partner: dict[str, Any], bundle: dict[str, Any]) -> dict[str, Any]:
        return serve_push(self.nodes[partner["node_id"]], bundle)


def serve_pull(node: Node, request: PullRequest) -> dict[str, Any]:
    """Answer a partner's signed pull request with its next bundle."""
    me = node.identity()
    partner = node.check_request(request.node_id, pull_message(me["node_id"], request.cursor, request.limit),
                                 request.signature, request.sent_at)
    bundle = node.build_bundle(partner["org"], request.cursor, request.limit)
    node.store.audit("sync", "sync", partner["org"], {"direction": "out", "mode": "pull", "bundle_id": bundle["bundle_id"],
                                                      "items": len(bundle["items"]), "cursor": bundle["cursor"]})
    return bundle


def serve_push(node: Node, bundle: Any) -> dict[str, Any]:
    """Apply a bundle a partner pushed; the acknowledgement lets it advance its cursor."""
    result = node.receive(bundle)
    return {"bundle_id": result.bundle_id, "applied": result.applied, "unchanged": result.unchanged,
            "refused": result.refused, "cursor": result.cursor}


@dataclass
class SyncReport:
    """What one sync with one partner did."""

    org: str
    pulled: int = 0
    pushed: int = 0
    bundles: int = 0
    refused: list[str] = field(default_factory=list)


def sync_partner(node: Node, org: str, transport: Transport, limit: int = PAGE_SIZE,
                 on_bundle: Callable[[str, int], None] = lambda direction, items: None) -> SyncReport:
    """Pull everything the partner released to us, then push everything we released to it."""
    report = SyncReport(org)
    me = node.identity()
    while True:
        partner = node.partner(org)
        cursor = partner["pull_cursor"]
        sent_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        message = pull_message(partner["node_id"], cursor, limit)
        request = PullRequest(me["node_id"], cursor, limit, sent_at, node.sign(f"{message}\n{sent_at}".encode()))
        bundle = transport.pull(partner, request)
        if isinstance(bundle, dict) and (bundle.get("sender") != partner["node_id"] or bundle.get("from_cursor") != cursor):
            node.store.audit("sync", "sync refused", org, {"reason": "malformed", "bundle_id": bundle.get("bundle_id")})
            raise SyncRefused("malformed", f"{org} answered with a bundle that is not the one asked for")
        received: Received = node.receive(bundle, cursor_column="pull_cursor")
        report.pulled += received.applied
        report.refused += received.refused
        report.bundles += 1
        on_bundle("in", len(bundle["items"]))
        if not received.more:
            break
    while True:
        cursor = node.partner(org)["push_cursor"]
        bundle = node.build_bundle(org, cursor, limit)
        if bundle["cursor"] == cursor:
            break
        transport.push(node.partner(org), bundle)
        with node.store.transaction():
            node.db.execute("UPDATE partners SET push_cursor = ? WHERE org = ?", (bundle["cursor"], org))
            node.store.audit("sync", "sync", org, {"direction": "out", "mode": "push", "bundle_id": bundle["bundle_id"],
                                                   "items": len(bundle["items"]), "cursor": bundle["cursor"]})
        report.pushed += len(bundle["items"])
        report.bundles += 1
        on_bundle("out", len(bundle["items"]))
        if not bundle["more"]:
            break
    return report


def sync_all(node: Node, transport: Transport, orgs: list[str] | None = None, limit: int = PAGE_SIZE,
             on_bundle: Callable[[str, int], None] = lambda direction, items: None) -> list[SyncReport]:
    """Sync with each partner (or the named ones) in turn."""
    return [sync_partner(node, org, transport, limit, on_bundle) for org in orgs or [p["org"] for p in node.partners()]]
