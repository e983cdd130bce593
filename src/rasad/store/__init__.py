"""Store stage: the event store on SQLite (the embedded default) or PostgreSQL, with versioned migrations."""
