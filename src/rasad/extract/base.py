"""The extractor interface and the registry of extractor backends.

A backend is any object with a ``name`` and ``extract(document) -> list[Event]``. The default,
``rules``, is offline, deterministic and fast; a second backend (say a fine-tuned transformer a user
supplies) registers itself with :func:`register_extractor` and is chosen by name (``--extractor``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from rasad.errors import RasadError
from rasad.model import Document, Event


class Extractor(Protocol):
    """Reads one document, writes its event mentions."""

    name: str

    def extract(self, document: Document) -> list[Event]: ...


_EXTRACTORS: dict[str, Callable[[], Extractor]] = {}


def register_extractor(name: str) -> Callable[[Callable[[], Extractor]], Callable[[], Extractor]]:
    """Register a factory of an extractor backend under ``name``."""

    def decorator(factory: Callable[[], Extractor]) -> Callable[[], Extractor]:
        _EXTRACTORS[name] = factory
        return factory

    return decorator


def _builtin() -> None:
    """Register the built-in backends, on the same hook a plugin uses."""
    import rasad.extract.rules  # noqa: F401


def get_extractor(name: str = "rules") -> Extractor:
    """A new extractor of the backend registered under ``name``."""
    _builtin()
    if name not in _EXTRACTORS:
        raise RasadError(f"unknown extractor {name!r}; known: {', '.join(sorted(_EXTRACTORS))}")
    return _EXTRACTORS[name]()


def extractor_names() -> list[str]:
    _builtin()
    return sorted(_EXTRACTORS)
