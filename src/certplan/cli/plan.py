"""plan (issue 5): filled in by its implementer."""
