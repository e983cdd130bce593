"""Where alerts go: e-mail through an SMTP server, a webhook signed with HMAC-SHA256, or the dashboard."""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage

import httpx

from rasad.errors import RasadError

SIGNATURE_HEADER = "X-Rasad-Signature"


class DeliveryError(RasadError):
    """An alert could not be delivered; it stays pending and is tried again at the next run."""

    code = "delivery_failed"


@dataclass(frozen=True)
class SmtpSettings:
    """The SMTP server alerts go out through."""

    host: str
    port: int = 25
    sender: str = "rasad@localhost"
    username: str | None = None
    password: str | None = None
    starttls: bool = False

    @classmethod
    def parse(cls, address: str, sender: str | None = None) -> SmtpSettings:
        host, _, port = address.rpartition(":") if ":" in address else (address, "", "25")
        if not port.isdigit():
            raise DeliveryError(f"an SMTP server is HOST:PORT, not {address!r}")
        return cls(host or "localhost", int(port), sender or "rasad@localhost")


def sign(secret: str, body: bytes) -> str:
    """The value of the signature header: ``sha256=`` and the hex HMAC of the body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def send_email(settings: SmtpSettings | None, to: str, subject: str, text: str) -> None:
    if settings is None:
        raise DeliveryError("no SMTP server is set (--smtp HOST:PORT or $RASAD_SMTP)")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.sender, to, subject
    message.set_content(text)
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=20) as server:
            if settings.starttls:
                server.starttls()
            if settings.username:
                server.login(settings.username, settings.password or "")
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise DeliveryError(f"SMTP {settings.host}:{settings.port}: {error}") from error


def post_webhook(client: httpx.Client, url: str, secret: str, payload: dict, retries: int = 3,
                 backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep) -> None:
    """POST the payload as JSON with its signature; a 5xx, 429 or network error is tried again."""
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body),
               "X-Rasad-Delivery": payload["delivery"]}
    problem = ""
    for attempt in range(retries + 1):
        try:
            response = client.post(url, content=body, headers=headers)
            if response.status_code < 300:
                return
            problem = f"HTTP {response.status_code}"
            if response.status_code < 500 and response.status_code != 429:
                break
        except httpx.HTTPError as error:
            problem = f"{type(error).__name__}: {error}"
        if attempt < retries:
            sleep(backoff * 2**attempt)
    raise DeliveryError(f"webhook {url}: {problem}")
