"""Geo stage: the gazetteer of Iraq and Syria, boundaries, the border, and the geocoder."""
