"""Ingest stage: read reports from files, folders and feeds into documents."""
