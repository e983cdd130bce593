"""The one exception hierarchy of Rasad.

Every error a user can cause is a :class:`RasadError`. The CLI turns them into a one-line message and
a non-zero exit status; the web API turns them into a JSON error of one shape.
"""

from __future__ import annotations


class RasadError(Exception):
    """Base class of every error Rasad raises on purpose."""

    code = "rasad_error"
    http_status = 500


class InputError(RasadError):
    """A document, file or argument that cannot be read; names the file (and line) at fault."""

    code = "bad_input"
    http_status = 400

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or ""
        if path and line:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class DataError(RasadError):
    """A bundled or user-supplied data file (lexicon, gazetteer) is malformed."""

    code = "bad_data_file"


class StoreError(RasadError):
    """The event store cannot be opened or written."""

    code = "store_error"


class NotFound(RasadError):
    """A requested record does not exist."""

    code = "not_found"
    http_status = 404


class Unauthorized(RasadError):
    """No valid API token was given where one is required."""

    code = "unauthorized"
    http_status = 401


class TooLarge(RasadError):
    """A request body or an input over its size limit."""

    code = "too_large"
    http_status = 413


class Forbidden(RasadError):
    """The user's role does not allow the action."""

    code = "forbidden"
    http_status = 403


class ReleasabilityError(InputError):
    """A releasability that contradicts itself (say TLP:RED for all partners); refused, never silently fixed."""

    code = "bad_releasability"


class ReadOnly(Forbidden):
    """A partner's record was to be changed here; only its owner changes it (partners may comment)."""

    code = "read_only"


class SyncRefused(RasadError):
    """A sync bundle or request was refused: ``reason`` is tampered, replayed, expired, unknown_key or
    wrong_recipient."""

    code = "sync_refused"
    http_status = 403

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(f"{reason}: {message}")


class PartnerUnreachable(RasadError):
    """A partner node could not be reached or answered with an error."""

    code = "partner_unreachable"
    http_status = 502
