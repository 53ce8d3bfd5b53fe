"""JSON Schemas of plan output (issue 5)."""

SCHEMAS: dict = {}
