"""Disk state between cli and core: served caches, and (later) the saved profile, rosters and the tracker."""
