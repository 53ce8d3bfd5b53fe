"""Disk state between cli and core: served caches, the saved profile, rosters, report folders (and later the tracker)."""
