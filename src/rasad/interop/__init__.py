"""The formats partners already use: ACLED's CSV (out and in, and a comparison), STIX 2.1 and MISP.

Exports write what the store holds in each format's own terms; imports read a partner's or ACLED's
file into a read-only reference layer (``reference_events``), its source and markings kept. See
docs/exports.md for each field, where it comes from and what is lost in each direction.
"""
