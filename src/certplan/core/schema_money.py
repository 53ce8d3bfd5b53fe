"""JSON Schemas of salary, cost and path outputs (issue 6)."""

SCHEMAS: dict = {}
