"""Disk state: rosters (and, from other branches, caches, the saved profile and the tracker)."""
