"""Trends, surges and hotspots: weekly counts by area and type, tested against each area's own past."""
