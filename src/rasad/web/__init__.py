"""Web stage: the REST API and the analyst's dashboard."""
