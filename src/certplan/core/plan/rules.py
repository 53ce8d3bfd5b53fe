"""certplan's planning rules (named constants, never presented as facts), the plan's error, and date helpers."""

from __future__ import annotations

import datetime as dt
import math
import re

SCHEMA_VERSION = 1

# --------------------------------------------------------------------------- certplan's planning rules

DEFAULT_HOURS_PER_WEEK = 10.0
DEFAULT_STUDY_HOURS = 80.0  # used only when the catalog has no study-hour figure, and labelled so
DEFAULT_BOOK_AHEAD_WEEKS = 6
MIN_HOURS_PER_WEEK = 0.5
MAX_REQUEST_HOURS_PER_WEEK = 80.0  # more than this is refused as a typo
MAX_HOURS_PER_WEEK = 40.0  # the most certplan plans when it has to compute the weekly hours
HEAVY_HOURS_PER_WEEK = 20.0  # above this a computed weekly load gets a warning
MAX_WEEKS = 156  # three years
STEP_MINUTES = 30  # weekly hours are computed in half-hour steps
UNIT_MINUTES = 30  # domain and review time is shared out in half-hour units

FOUNDATIONS = (("Medical terminology", 20), ("Anatomy and physiology", 20))
FOUNDATION_FOCUS = {"coding", "auditing", "documentation", "scribe"}  # others get terminology only
NEWCOMER_KINDS = {"coding", "billing", "auditing", "compliance", "cdi", "clinical", "scribe", "healthcare", "him"}
NEWCOMER_MAX_YEARS = 1.0
NEWCOMER_MAX_COURSE_HOURS = 80

EXPERIENCE_YEARS = 2.0
EXPERIENCE_FACTOR = 0.75
CREDENTIAL_FACTOR = 0.75
COURSE_CAP_SHARE = 0.25
FLOOR_SHARE = 0.5

PRACTICE_EXAMS = 2
DEFAULT_EXAM_MINUTES = 240  # placeholder length when the catalog does not give the exam's length
BOOK_PREP_HOURS = 6
REVIEW_SHARE = 0.15
REVIEW_SPLIT = (0.5, 0.3, 0.2)  # before practice exam 1, between the two, after practice exam 2
PRACTICE_DAY_OFFSET = 5  # the practice exam sits on day 6 of its week (a Saturday for Monday weeks)

# Experience kinds that count as experience "in the field" of a credential's focus.
FOCUS_KINDS = {
    "coding": ("coding", "auditing", "cdi", "him"),
    "billing": ("billing", "coding"),
    "auditing": ("auditing", "coding", "compliance"),
    "compliance": ("compliance", "auditing"),
    "documentation": ("cdi", "coding", "clinical", "scribe"),
    "management": ("management", "billing"),
    "scribe": ("scribe", "clinical"),
    "data": ("data-analytics", "him"),
    "privacy": ("privacy-security", "him", "compliance"),
}

ADJUSTMENT_RULES = {
    "foundations": (
        f"newcomers (no credential held, under {NEWCOMER_MAX_YEARS:g} year of healthcare experience and under "
        f"{NEWCOMER_MAX_COURSE_HOURS} hours of coursework) start with foundations: "
        + ", ".join(f"{n} {h} h" for n, h in FOUNDATIONS)
        + " (terminology only for billing, management, data and privacy credentials)"
    ),
    "experience": (
        f"{EXPERIENCE_YEARS:g}+ years of experience in the credential's field: study hours x{EXPERIENCE_FACTOR:g}"
    ),
    "credential": f"holding a current credential with the same focus: study hours x{CREDENTIAL_FACTOR:g}",
    "course": f"completed coursework: minus its hours, at most {COURSE_CAP_SHARE:.0%} of the study hours",
    "floor": f"adjusted study hours never go below {FLOOR_SHARE:.0%} of the unadjusted figure",
}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PlanError(ValueError):
    """The request cannot be planned (bad input or an impossible goal): exit 2 with this message."""


# --------------------------------------------------------------------------- dates


def parse_date(text: str, option: str) -> dt.date:
    """A strict YYYY-MM-DD date (2027-02-30 and 2027-2-3 are refused)."""
    s = (text or "").strip()
    if not DATE_RE.match(s):
        raise PlanError(f"{option} {text!r} is not a date; use YYYY-MM-DD, e.g. 2027-01-04")
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise PlanError(f"{option} {text!r} is not a real calendar date") from None


def next_monday(day: dt.date) -> dt.date:
    """``day`` if it is a Monday, else the Monday after it."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def hours_of(minutes: int) -> float | int:
    h = round(minutes / 60, 2)
    return int(h) if float(h).is_integer() else h


def hours_text(minutes: int) -> str:
    return f"{hours_of(minutes):g} h"


def round_units(minutes: float, unit: int = UNIT_MINUTES) -> int:
    return int(math.floor(minutes / unit + 0.5)) * unit
