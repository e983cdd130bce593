"""Rasad: verified, geolocated event data from reports of security incidents on the Iraq-Syria border."""

__version__ = "0.1.0"
