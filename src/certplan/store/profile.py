"""The saved profile (user config directory); rosters are read by store/roster.py.

Writes are atomic (temporary file, fsync, rename), so a crash leaves the old or the
new profile, never half of one.  Broken files raise :class:`ProfileError` naming the
file and how to fix it.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

from certplan.catalog.vocab import EDUCATION_LEVELS, PROGRAM_LEVELS
from certplan.core.person import Person, PersonError, check_fields
from certplan.fsutil import atomic_write, short

Profile = Person
ENV_CONFIG_DIR = "CERTPLAN_CONFIG_DIR"
PROFILE_MAX_BYTES = 1024 * 1024  # a saved profile is a few hundred bytes
EDUCATION = EDUCATION_LEVELS
PROGRAMS = PROGRAM_LEVELS


class ProfileError(Exception):
    pass


def config_dir(directory: Path | None = None) -> Path:
    """``directory`` when given (the CLI passes its Environment's), else CERTPLAN_CONFIG_DIR or the platform's."""
    if directory is not None:
        return Path(directory)
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("certplan", appauthor=False))


def profile_path(directory: Path | None = None) -> Path:
    return config_dir(directory) / "profile.json"


def _check(data: Any, where: str) -> dict[str, Any]:
    """Validate a stored profile mapping; return it normalised (the rules are core.person's)."""
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: a profile must be a JSON object")
    try:
        return check_fields(data)
    except PersonError as exc:
        raise ProfileError(f"{where}: {exc}") from None


def load_saved(directory: Path | None = None) -> dict[str, Any]:
    """The saved profile as a mapping ({} when there is none)."""
    path = profile_path(directory)
    fix = f"fix it by hand or run 'certplan profile clear' (file: {path})"
    from certplan.fsutil import FileProblem, read_limited

    try:
        raw = read_limited(path, PROFILE_MAX_BYTES, "profile")
    except FileProblem as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):  # none saved (or no usable config dir yet)
            return {}
        raise ProfileError(f"{exc}; {fix}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        why = "too deeply nested" if isinstance(exc, RecursionError) else short(str(exc), 80)
        raise ProfileError(f"{path}: the saved profile is not valid JSON ({why}); {fix}") from None
    try:
        return _check(data, str(path))
    except ProfileError as exc:
        raise ProfileError(f"{exc}; {fix}") from None


def save(data: dict[str, Any], directory: Path | None = None) -> Path:
    """Write the profile atomically; return its path."""
    data = _check(data, "profile")
    from certplan.fsutil import _reason

    path = profile_path(directory)
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda fh: fh.write(text.encode("utf-8")), fsync=True)
    except OSError as exc:
        raise ProfileError(f"{short(exc.filename or path)}: {_reason(exc)}") from None
    return path


def clear(directory: Path | None = None) -> bool:
    """Remove the saved profile; False when there was none (ProfileError when it cannot be removed)."""
    from certplan.fsutil import _reason

    path = profile_path(directory)
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ProfileError(f"{short(path)}: cannot remove it: {_reason(exc)}") from None


def merge(saved: dict[str, Any], flags: dict[str, Any]) -> dict[str, Any]:
    """Flags given on the command line override the saved profile, field by field."""
    out = dict(saved)
    for k, v in flags.items():
        if v is not None:
            out[k] = v
    return out


def to_profile(data: dict[str, Any], cat: Any = None) -> tuple[Person, list[str]]:
    """A Person from one mapping (core.person's rules), plus the assumptions made, in words."""
    from certplan.core.person import derive, from_fields

    words = {"education": "--education", "experience_kinds": "--experience-kind"}
    person, assumed = from_fields(data)
    notes = [f"no {words[name]} given: {text}" for name, text in assumed]
    return (derive(person, cat) if cat is not None else person), notes
