"""Node identity: an Ed25519 key pair per node, canonical JSON, and signatures over it.

A node is known to its partners by its public key; its node id is a fingerprint of that key, so an
id cannot be claimed without the key behind it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from rasad.errors import InputError


def canonical(value: Any) -> bytes:
    """The bytes a signature covers: JSON with sorted keys and no insignificant white space."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def node_id_for(public_key: str) -> str:
    """The node id of a public key: ``node_`` and the first 20 hex digits of its SHA-256."""
    return "node_" + hashlib.sha256(_decode(public_key, "public key")).hexdigest()[:20]


def _decode(value: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(value.strip(), validate=True)
    except (ValueError, AttributeError) as error:
        raise InputError(f"{what} is not base64: {value[:20]!r}…") from error
    if len(raw) != 32:
        raise InputError(f"{what} must be 32 bytes of Ed25519 key, not {len(raw)}")
    return raw


@dataclass(frozen=True)
class KeyPair:
    """A node's signing key and the public key it gives its partners (both base64)."""

    public_key: str
    private_key: str

    @classmethod
    def generate(cls) -> KeyPair:
        private = Ed25519PrivateKey.generate()
        raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return cls(base64.b64encode(raw_public).decode(), base64.b64encode(raw_private).decode())

    def sign(self, message: bytes) -> str:
        key = Ed25519PrivateKey.from_private_bytes(_decode(self.private_key, "private key"))
        return base64.b64encode(key.sign(message)).decode()


def verify(public_key: str, message: bytes, signature: str) -> bool:
    """Whether ``signature`` (base64) is the holder of ``public_key`` signing ``message``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(_decode(public_key, "public key"))
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError, InputError):
        return False
    return True
