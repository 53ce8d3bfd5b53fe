"""JSON Schemas (draft 2020-12) of the salary, cost and path outputs.

Self-contained (no import of ``core.schema``, which imports this module).  Tests validate real output
against these.
"""

from __future__ import annotations

from typing import Any

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
from certplan.core.schema_funding import FUNDING  # noqa: E402

# A current figure is never dated; an unknown amount is always marked unknown.
NEVER_CURRENT_IF_DATED = {
    "if": {"properties": {"current": {"const": True}}},
    "then": {"properties": {"dated": {"const": False}}},
}
AGE = {
    "latest": {**BOOL, "description": "no newer figure of the same kind is in the catalog"},
    "dated": {**BOOL, "description": "its year is more than three years before today's year"},
    "current": {**BOOL, "description": "latest and not dated"},
    "status": {"enum": ["current", "latest-dated", "superseded"]},
}
SOURCE = {
    "note": NSTR,
    "source": {**NSTR, "description": "URL of the source"},
    "source_kind": {"enum": ["official", "third-party", None]},
}
STATISTIC = {"enum": ["median", "mean", "pct10", "pct25", "pct75", "pct90"]}

PAY_FIGURE = obj(
    {
        "amount": NUM,
        "currency": STR,
        "unit": {"enum": ["year", "hour"]},
        "statistic": STATISTIC,
        "statistic_words": STR,
        "period": {**STR, "minLength": 1},
        "year": INT,
        "population": STR,
        "population_kind": {"enum": ["member-survey", "other"], "description": "who the figure describes"},
        **AGE,
        "superseded_by": {**NSTR, "description": "the period of the newer figure"},
        **SOURCE,
    },
    allOf=[NEVER_CURRENT_IF_DATED],
)
OCC_FIGURE = obj(
    {
        "measure": {
            "enum": [
                "median-annual-wage",
                "median-hourly-wage",
                "mean-annual-wage",
                "pct10-annual-wage",
                "pct90-annual-wage",
                "employment",
                "outlook-percent",
                "annual-openings",
            ]
        },
        "measure_words": STR,
        "statistic": {"enum": ["median", "mean", "pct10", "pct90", None]},
        "unit": {"enum": ["year", "hour", None]},
        "kind": {"enum": ["money", "count", "percent"]},
        "amount": NUM,
        "period": {**STR, "minLength": 1},
        "year": INT,
        "population": STR,
        "population_kind": {"const": "all-us-workers"},
        **AGE,
        "superseded_by": NSTR,
        **SOURCE,
    },
    allOf=[NEVER_CURRENT_IF_DATED],
)
NOTE = obj({"text": STR, "source": NSTR})
OCCUPATION = obj(
    {
        "soc": {**STR, "pattern": r"^\d{2}-\d{4}$"},
        "title": STR,
        "population": STR,
        "figures": arr(OCC_FIGURE),
        "entry_education": obj(
            {"value": NSTR, "note": NSTR, "source": NSTR, "source_kind": {"enum": ["official", "third-party", None]}},
            nullable=True,
        ),
        "notes": arr(NOTE),
    }
)
PREMIUM = obj(
    {
        "id": STR,
        "year": INT,
        "period": STR,
        "applies_to": {**arr(STR), "description": "SOC codes of the workers the source surveyed"},
        "percent": {**NNUM, "description": "how much more certified respondents earned, in percent"},
        "text": STR,
        "statistic": {"enum": ["mean", None], "description": "null when the source does not say"},
        "statistic_words": STR,
        "population": STR,
        "population_kind": {"enum": ["member-survey", "other"]},
        "certified_amount": NNUM,
        "not_certified_amount": NNUM,
        "difference_per_year": {**NNUM, "description": "certified minus not certified, when the source states both"},
        "difference_approximate": BOOL,
        **AGE,
        "conflicts": arr(obj({"value": {}, "note": STR, "source": NSTR})),
        **SOURCE,
    },
    allOf=[NEVER_CURRENT_IF_DATED],
)
SALARY = {
    "$schema": DRAFT,
    "title": "certplan salary [CODE ...] --json",
    **obj(
        {
            "schema_version": {"const": 1},
            "today": STR,
            "dated_after_years": INT,
            "credentials": arr(
                obj(
                    {
                        "code": STR,
                        "name": STR,
                        "body": NSTR,
                        "status": STR,
                        "pay": arr(PAY_FIGURE),
                        "occupations": arr(STR),
                        "premium_applies": {
                            **BOOL,
                            "description": "whether the certified-vs-not difference (a survey of coding and billing "
                            "specialists) is relevant to this credential",
                        },
                    }
                )
            ),
            "occupations": arr(OCCUPATION),
            "certification_premium": arr(PREMIUM),
            "notes": arr(STR),
        }
    ),
}

# --------------------------------------------------------------------------- cost

COST_LINE = obj(
    {
        "id": {"enum": ["exam", "membership", "renewal", "ceus", "study"]},
        "label": STR,
        "amount": {**NNUM, "description": "null when unknown (never 0 for unknown)"},
        "unit_amount": NNUM,
        "count": INT,
        "period": {**STR, "minLength": 1},
        "basis": {"enum": ["sourced", "estimate", "unknown"]},
        "source": NSTR,
        "note": NSTR,
        "fee": {**BOOL, "description": "a fee of the body (exam, membership, renewal), used to pick the basis"},
        "in_total": BOOL,
    },
    allOf=[
        {"if": {"properties": {"amount": {"type": "null"}}}, "then": {"properties": {"basis": {"const": "unknown"}}}},
        {"if": {"properties": {"basis": {"const": "unknown"}}}, "then": {"properties": {"amount": {"type": "null"}}}},
    ],
)
FACT = obj({"id": STR, "text": STR, "value": NNUM, "source": NSTR})
DIFFERENCE = {
    "id": STR,
    "year": INT,
    "percent": NNUM,
    "certified_amount": NNUM,
    "not_certified_amount": NNUM,
    "difference_per_year": NUM,
    "difference_approximate": BOOL,
    "statistic": {"enum": ["mean", None]},
    "population": STR,
    "dated": BOOL,
    "current": BOOL,
    "source": NSTR,
    "source_kind": {"enum": ["official", "third-party", None]},
}
ROI = obj(
    {
        "applies": BOOL,
        "difference": obj(DIFFERENCE, nullable=True),
        "cost": {**NUM, "description": "the known part of the total"},
        "cost_complete": BOOL,
        "unknown_parts": arr(STR),
        "break_even_months": {**NINT, "description": "null: no sourced figure"},
        "break_even_is_lower_bound": BOOL,
        "alternatives": arr(obj({**DIFFERENCE, "break_even_months": INT})),
        "text": STR,
        "note": STR,
    },
    nullable=True,
)
COST = {
    "$schema": DRAFT,
    "title": "certplan cost CODE --json",
    **obj(
        {
            "schema_version": {"const": 1},
            "code": STR,
            "name": STR,
            "body": NSTR,
            "basis": {"enum": ["member", "non-member"]},
            "basis_reason": STR,
            "years": INT,
            "attempts": INT,
            "retake": NSTR,
            "lines": arr(COST_LINE),
            "conditional": arr(obj({"label": STR, "amount": NNUM, "source": NSTR, "note": NSTR})),
            "ceus": obj(
                {
                    "body": NSTR,
                    "credentials_after": arr(STR),
                    "per_cycle_now": NINT,
                    "per_cycle_after": NINT,
                    "added_per_cycle": NINT,
                    "cycle_years": NINT,
                    "cycles_in_period": NINT,
                    "added_in_period": NINT,
                    "rule": STR,
                    "cost_per_ceu": NNUM,
                    "cost_source": NSTR,
                    "cost_facts": arr(FACT),
                    "source": {**NSTR, "description": "source of the CEU rule"},
                }
            ),
            "study_materials": {
                **arr(FACT),
                "description": "catalog facts about books and preparation for this credential (value null: no price)",
            },
            "fees_total": NNUM,
            "total_known": NUM,
            "total": {**NNUM, "description": "null when any part is unknown"},
            "unknown_parts": arr(STR),
            "unknown_count": INT,
            "line_count": INT,
            "notes": arr(STR),
            "roi": ROI,
            "funding": FUNDING,
        }
    ),
}

# --------------------------------------------------------------------------- path

STEP = obj(
    {
        "kind": {
            "enum": [
                "degree",
                "program",
                "experience",
                "course",
                "practicode",
                "clinical-hours",
                "membership",
                "confirm",
                "exam",
                "apprentice-removal",
            ]
        },
        "for": {**STR, "description": "the credential this step serves (the goal or a prerequisite)"},
        "text": STR,
        "months": {**NINT, "description": "null when no source gives the time"},
        "months_basis": {"enum": ["sourced", "estimate", "unknown", "none"]},
        "months_source": NSTR,
        "cost": {**NNUM, "description": "null when no source gives the cost"},
        "cost_basis": {"enum": ["sourced", "unknown", "none"]},
        "cost_source": NSTR,
        "note": NSTR,
        "cost_note": NSTR,
        "cumulative_months": INT,
        "cumulative_months_complete": BOOL,
        "cumulative_cost": NUM,
        "cumulative_cost_complete": BOOL,
    }
)
ROUTE = obj(
    {
        "id": STR,
        "label": STR,
        "pathway": obj({"id": STR, "label": STR, "text": STR, "source": NSTR}, nullable=True),
        "steps": arr(STEP),
        "months": {**INT, "description": "known months added up"},
        "months_complete": BOOL,
        "months_unknown": arr(STR),
        "cost": {**NUM, "description": "known costs added up"},
        "cost_complete": BOOL,
        "cost_unknown": arr(STR),
        "needs_confirmation": BOOL,
        "fastest": BOOL,
        "cheapest": BOOL,
    }
)
PATH_TO = obj(
    {
        "schema_version": {"const": 1},
        "goal": obj({"code": STR, "name": STR, "body": NSTR, "status": STR}),
        "profile": {"type": "object"},
        "status_now": {"enum": ["held", "eligible", "apprentice", "not-eligible"]},
        "routes": arr(ROUTE),
        "fastest": NSTR,
        "cheapest": NSTR,
        "facts": arr(obj({"id": STR, "value": NNUM, "text": STR, "source": NSTR})),
        "notes": arr(STR),
    },
    title="certplan path --to CODE --json",
)
NODE = obj(
    {
        "code": STR,
        "name": NSTR,
        "body": NSTR,
        "level": NSTR,
        "status": NSTR,
        "next": arr({"$ref": "#/$defs/node"}),
        "repeat": {**BOOL, "description": "shown (with its next steps) elsewhere in the tree"},
        "expanded_under": {**NSTR, "description": "the credential under which its next steps are shown"},
    }
)
PATH_FROM = obj(
    {
        "schema_version": {"const": 1},
        "from": obj({"code": STR, "name": STR, "body": NSTR, "level": NSTR, "status": STR}),
        "pay": arr(PAY_FIGURE),
        "next": arr(
            obj(
                {
                    "code": STR,
                    "name": NSTR,
                    "body": NSTR,
                    "level": NSTR,
                    "status": NSTR,
                    "requires": arr(obj({"label": STR, "text": STR, "source": NSTR})),
                    "this_counts": {**BOOL, "description": "holding the --from credential meets a requirement"},
                    "pay": arr(PAY_FIGURE),
                    "occupations": arr(STR),
                }
            )
        ),
        "occupations": arr(obj({"soc": STR, "title": NSTR, "population": STR, "figures": arr(OCC_FIGURE)})),
        "tree": {"$ref": "#/$defs/node"},
        "notes": arr(STR),
    },
    title="certplan path --from CODE --json",
)
PATH = {
    "$schema": DRAFT,
    "title": "certplan path --to CODE --json | certplan path --from CODE --json",
    "$defs": {"node": NODE},
    "oneOf": [PATH_TO, PATH_FROM],
}

SCHEMAS: dict[str, dict[str, Any]] = {"salary": SALARY, "cost": COST, "path": PATH}
