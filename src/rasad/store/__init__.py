"""Store stage: the event store (SQLite, the embedded default) with versioned migrations."""

from rasad.store.sqlite import EventFilter, Store, open_store

__all__ = ["EventFilter", "Store", "open_store"]
