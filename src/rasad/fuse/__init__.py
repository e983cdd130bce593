"""Fuse stage: one event per real incident, across reports."""
