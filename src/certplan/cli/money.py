"""salary, cost, path (issue 6): filled in by its implementer."""
