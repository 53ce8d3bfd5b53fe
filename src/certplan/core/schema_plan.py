"""JSON Schemas of plan output (issue 5).

Kept free of imports from ``core.schema`` (which imports this module) so either can be imported first.
"""

from __future__ import annotations

from certplan.core.schema_base import (  # noqa: F401
    BOOL,
    DATE,
    DRAFT,
    INT,
    NBOOL,
    NDATE,
    NINT,
    NNUM,
    NSTR,
    NUM,
    STR,
    arr,
    obj,
)

MILESTONE = obj(
    {
        "date": DATE,
        "kind": {"enum": ["prerequisite", "code-books", "registration", "practice-exam", "exam"]},
        "title": STR,
        "detail": NSTR,
        "source": {**NSTR, "description": "URL of the catalog source, where the milestone rests on one"},
    }
)
TASK = obj(
    {
        "name": STR,
        "kind": {
            "enum": [
                "prerequisite",
                "foundations",
                "domain",
                "code-books",
                "review",
                "practice-exam",
                "practice-review",
            ]
        },
        "hours": {**NUM, "description": "rounded to 2 decimals; minutes is exact"},
        "minutes": INT,
    }
)
WEEK = obj(
    {
        "week": {**INT, "description": "1-based; the last entry is the exam week (0 study hours)"},
        "start": DATE,
        "end": {**DATE, "description": "inclusive; for the exam week, the exam date"},
        "phase": {"enum": ["prerequisites", "foundations", "study", "buffer", "review", "exam"]},
        "focus": {**arr(STR), "description": "what to study that week, each with its hours"},
        "tasks": arr(TASK),
        "hours": {**NUM, "description": "study hours planned that week (2 decimals)"},
        "minutes": {**INT, "description": "the same, exact, in minutes"},
        "milestones": arr(MILESTONE),
    }
)
COST_LINE = obj(
    {
        "kind": {"enum": ["exam", "membership", "books"]},
        "label": STR,
        "amount": {**NNUM, "description": "null when unknown"},
        "currency": STR,
        "source": NSTR,
        "note": NSTR,
    }
)
AFTER = obj(
    {
        "kind": {"enum": ["retake", "apprentice", "ceu-cycle", "next"]},
        "title": STR,
        "detail": STR,
        "date": {**NDATE, "description": "an approximate date, where one can be computed"},
        "source": NSTR,
    }
)
PLAN = {
    "$schema": DRAFT,
    "title": "certplan plan CODE --json",
    **obj(
        {
            "schema_version": {"const": 1},
            "code": STR,
            "name": STR,
            "body": NSTR,
            "generated_on": {**DATE, "description": "today (CERTPLAN_TODAY pins it); the iCalendar DTSTAMP"},
            "start": DATE,
            "exam_date": DATE,
            "registration_deadline": {**DATE, "description": "book the exam by this date (certplan's booking lead)"},
            "book_ahead_weeks": INT,
            "study_weeks": {**INT, "description": "weeks before the exam week"},
            "total_hours": {**NUM, "description": "sum of the weeks' hours (2 decimals)"},
            "total_minutes": {**INT, "description": "sum of the weeks' minutes (exact)"},
            "hours_per_week": {**NUM, "description": "the weekly budget the plan uses"},
            "requested_hours_per_week": NNUM,
            "hours_per_week_basis": STR,
            "base_hours": obj(
                {
                    "value": NUM,
                    "estimate": BOOL,
                    "certplan_default": {
                        **BOOL,
                        "description": "true when the catalog has no figure and certplan's planning default is used",
                    },
                    "source": NSTR,
                    "note": NSTR,
                    "basis": STR,
                }
            ),
            "hours_basis": {**STR, "description": "where the study-hour figure comes from, in words"},
            "study_hours": {**NUM, "description": "the study-hour figure after the profile adjustments"},
            "adjustments": arr(
                obj(
                    {
                        "rule": {"enum": ["experience", "credential", "course", "floor", "foundations"]},
                        "hours": NUM,
                        "reason": STR,
                    }
                )
            ),
            "breakdown": obj(
                {
                    "prerequisites": NUM,
                    "foundations": NUM,
                    "domains": NUM,
                    "code_books": NUM,
                    "review": NUM,
                    "practice_exams": NUM,
                }
            ),
            "domains": arr(
                obj(
                    {
                        "name": STR,
                        "weight_percent": NNUM,
                        "questions": NINT,
                        "share_percent": NUM,
                        "hours": NUM,
                    }
                )
            ),
            "domain_weighting": STR,
            "exam": obj(
                {
                    "questions": NINT,
                    "duration_minutes": NINT,
                    "practice_exam_minutes": INT,
                    "passing_score": NSTR,
                    "open_book": NBOOL,
                    "delivery": {"type": ["array", "null"], "items": STR},
                    "source": NSTR,
                }
            ),
            "code_books": obj(
                {
                    "year": INT,
                    "open_book": NBOOL,
                    "references": arr(STR),
                    "allowed": NSTR,
                    "references_note": NSTR,
                    "source": NSTR,
                    "tabbing_and_notes": STR,
                    "hours": NUM,
                    "notes": {
                        **arr(obj({"id": STR, "text": STR, "value": NNUM, "note": NSTR, "source": NSTR})),
                        "description": "catalog facts (id book-...) about this credential's or body's books",
                    },
                }
            ),
            "eligibility": obj(
                {
                    "status": {"enum": ["held", "eligible", "apprentice", "not-eligible"]},
                    "pathway": obj({"id": STR, "label": STR, "text": STR, "source": NSTR}, nullable=True),
                    "missing": arr(STR),
                    "to_do": arr(STR),
                    "months_until_eligible": NINT,
                    "eligible_from": NDATE,
                    "apprentice": {"type": ["object", "null"]},
                    "prerequisites": arr(
                        obj(
                            {
                                "kind": {"enum": ["membership", "course", "practicode", "confirm"]},
                                "text": STR,
                                "hours": NINT,
                            }
                        )
                    ),
                    "advice": arr(STR),
                }
            ),
            "weeks": arr(WEEK),
            "milestones": {**arr(MILESTONE), "description": "every milestone, by date"},
            "after": arr(AFTER),
            "costs": arr(COST_LINE),
            "cost_total": {**NNUM, "description": "null when any line is unknown"},
            "cost_known_subtotal": NUM,
            "cost_unknown_parts": arr(STR),
            "cost_basis": STR,
            "feasibility": obj(
                {
                    "status": {"enum": ["ok", "tight"]},
                    "weeks_available": INT,
                    "weeks_needed_at_hours": INT,
                    "earliest_exam_date_at_hours": DATE,
                    "hours_per_week_needed": NUM,
                },
                required=["status"],
            ),
            "rules": {"type": "object", "additionalProperties": STR},
            "warnings": arr(STR),
            "notes": arr(STR),
        },
        required=[
            "schema_version",
            "code",
            "start",
            "exam_date",
            "registration_deadline",
            "total_hours",
            "hours_per_week",
            "hours_basis",
            "adjustments",
            "weeks",
            "costs",
            "warnings",
            "eligibility",
        ],
    ),
}

SCHEMAS: dict = {"plan": PLAN}
