"""Alerts: rules an analyst writes, matched against new events and surges, delivered by e-mail, signed
webhook or in the dashboard, each alert once."""
