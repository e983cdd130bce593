"""Share stage: what leaves the node. For now, exports in JSONL, CSV, GeoJSON and ACLED CSV."""
