"""The saved profile (user config directory) and batch profile files.

Writes are atomic (temporary file, fsync, rename), so a crash leaves the old or the
new profile, never half of one.  Broken files raise :class:`ProfileError` naming the
file and how to fix it.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from certplan.core.person import FIELDS, Person, PersonError, check_fields
from certplan.fsutil import atomic_write, short

Profile = Person
ENV_CONFIG_DIR = "CERTPLAN_CONFIG_DIR"
PROFILE_MAX_BYTES = 1024 * 1024  # a saved profile is a few hundred bytes
BATCH_MAX_BYTES = 64 * 1024 * 1024  # a roster of about 500,000 people
EDUCATION = ("none", "high-school", "associate", "bachelor", "master", "doctorate")
PROGRAMS = ("associate", "bachelor", "master", "post-baccalaureate")


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
    """A Person from one mapping, plus the assumptions made (for ``profile show`` and old callers)."""
    notes: list[str] = []
    education = data.get("education")
    if education is None:
        education = "high-school"
        notes.append("no --education given: assuming a high-school diploma or equivalent")
    years = float(data.get("experience_years") or 0.0)
    kinds = tuple(data.get("experience_kinds") or ())
    if years > 0 and not kinds:
        kinds = ("coding",)
        notes.append("no --experience-kind given: counting the experience as coding experience")
    person = Person(
        education=education,
        accredited_program=data.get("accredited_program"),
        experience_years=years,
        experience_kinds=kinds,
        held=tuple(x.upper() for x in data.get("held") or ()),
        course_hours=int(data.get("course_hours") or 0),
        training_program=bool(data.get("training_program") or data.get("training_hours")),
        training_hours=int(data.get("training_hours") or 0),
        practicode=bool(data.get("practicode") or False),
        member=tuple(x.upper() for x in data.get("member") or ()),
        clinical_hours=int(data.get("clinical_hours") or 0),
    )
    if cat is not None:
        from certplan.core.person import derive

        person = derive(person, cat)
    return person, notes


# --------------------------------------------------------------------------- batch files

TRUE = {"yes", "y", "true", "1", "x"}
FALSE = {"no", "n", "false", "0", ""}
ALIASES = {
    "name": "id",
    "student": "id",
    "person": "id",
    "experience": "experience_years",
    "years": "experience_years",
    "experience_kind": "experience_kinds",
    "kind": "experience_kinds",
    "credentials": "held",
    "held_credentials": "held",
    "members": "member",
    "membership": "member",
    "program": "accredited_program",
}


@dataclass
class BatchRow:
    number: int  # 1-based person number in the file
    line: int | None
    id: str | None
    data: dict[str, Any] | None
    error: str | None


def _split(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list):
        return [str(x).strip() for x in v if str(x).strip()]
    return [p.strip() for p in str(v).replace(";", ",").replace("|", ",").split(",") if p.strip()]


def _row_to_profile(raw: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    row = {}
    for k, v in raw.items():
        key = str(k).strip().lower().replace("-", "_").replace(" ", "_")
        row[ALIASES.get(key, key)] = v
    ident = row.pop("id", None)
    if ident is None or str(ident).strip() == "":
        raise ValueError("no name or id")
    out: dict[str, Any] = {}
    unknown = sorted(set(row) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown column(s) {', '.join(unknown)}")
    for k, v in row.items():
        if v is None or (isinstance(v, str) and v.strip() == ""):
            continue
        if k in ("education", "accredited_program"):
            out[k] = str(v).strip().lower()
        elif k == "experience_years":
            try:
                out[k] = float(v)
            except (TypeError, ValueError):
                raise ValueError(f"experience {short(repr(v), 60)} is not a number of years") from None
            if out[k] != out[k] or out[k] in (float("inf"), float("-inf")):
                raise ValueError(f"experience {short(repr(v), 60)} is not a number of years")
        elif k in ("course_hours", "clinical_hours"):
            try:
                out[k] = int(str(v).strip())
            except ValueError:
                raise ValueError(f"{k} {short(repr(v), 60)} is not a whole number") from None
        elif k == "practicode":
            s = str(v).strip().lower()
            if s not in TRUE | FALSE:
                raise ValueError(f"practicode {short(repr(v), 60)} is not yes or no")
            out[k] = s in TRUE
        elif k == "experience_kinds":
            out[k] = [x.lower() for x in _split(v)]
        elif k in ("held", "member"):
            out[k] = [x.upper() for x in _split(v)]
    _check(out, "row")
    return str(ident).strip(), out


def read_batch(path: str) -> list[BatchRow]:
    """Read people from a CSV or YAML file; every row comes back, good or bad."""
    from certplan.fsutil import FileProblem, read_limited
    from certplan.yamlsafe import PlainYamlError, load_plain_yaml

    p = Path(path)
    name = short(path)
    try:
        raw = read_limited(path, BATCH_MAX_BYTES, "profiles")
    except FileProblem as exc:
        raise ProfileError(str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProfileError(f"{name}: not valid UTF-8") from None
    records: list[tuple[int | None, Any]] = []
    if p.suffix.lower() in (".yaml", ".yml", ".json") or (path == "-" and text.lstrip()[:1] in ("[", "{", "-")):
        try:
            data = load_plain_yaml(text)
        except PlainYamlError as exc:
            where = f":{exc.line}" if exc.line else ""
            raise ProfileError(f"{name}{where}: {exc.problem}") from None
        except RecursionError:
            raise ProfileError(f"{name}: nested too deeply") from None
        if isinstance(data, dict) and isinstance(data.get("people"), list):
            data = data["people"]
        if not isinstance(data, list):
            raise ProfileError(f"{name}: expected a list of people (or a mapping with a 'people' list)")
        records = [(None, r) for r in data]
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames:
            raise ProfileError(f"{name}: the CSV file has no header row")
        for r in reader:
            extra = r.pop(None, None)
            if extra:
                records.append((reader.line_num, ValueError(f"{len(extra)} more value(s) than there are columns")))
            else:
                records.append((reader.line_num, r))
    rows: list[BatchRow] = []
    for i, (line, rec) in enumerate(records, 1):
        if isinstance(rec, ValueError):
            rows.append(BatchRow(i, line, None, None, str(rec)))
            continue
        if not isinstance(rec, dict):
            rows.append(BatchRow(i, line, None, None, "not a mapping of fields"))
            continue
        try:
            ident, data = _row_to_profile(rec)
        except (ValueError, ProfileError) as exc:
            guess = rec.get("id") or rec.get("name")
            rows.append(BatchRow(i, line, str(guess) if guess else None, None, str(exc).removeprefix("row: ")))
            continue
        rows.append(BatchRow(i, line, ident, data, None))
    return rows
