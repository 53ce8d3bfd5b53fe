"""JSON Schemas (draft 2020-12) of certplan's JSON outputs: the documented contract.

Fields are only ever added; tests validate real output against these schemas.
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

MONEY = obj(
    {
        "amount": {**NNUM, "description": "null when unknown"},
        "currency": STR,
        "member": {**NBOOL, "description": "true member price, false non-member, null for anyone"},
        "student": BOOL,
        "what": NSTR,
        "attempts": NINT,
        "note": NSTR,
        "source": {**NSTR, "description": "URL of the source"},
    }
)
REQUIREMENT = {
    "type": "object",
    "properties": {
        "kind": {
            "enum": [
                "education",
                "accredited-program",
                "experience",
                "credential",
                "membership",
                "course",
                "practicode",
                "clinical-hours",
                "training-program",
                "other",
            ]
        },
        "text": {**STR, "description": "the requirement in plain words"},
    },
    "required": ["kind", "text"],
}
PATHWAY = obj(
    {
        "id": STR,
        "label": STR,
        "text": STR,
        "requirements": arr(REQUIREMENT),
        "note": NSTR,
        "source": NSTR,
    }
)
NOTE = obj({"text": STR, "source": NSTR})
SOURCE = obj(
    {
        "id": STR,
        "url": STR,
        "kind": {"enum": ["official", "third-party"]},
        "tier": {
            "enum": [1, 2, 3],
            "description": "1 the body's (or data publisher's) own page; 2 quotes an official page with its date; 3 other",
        },
        "date": {**STR, "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        "date_kind": {"enum": ["stated", "checked"]},
        "title": NSTR,
    }
)
PAY = obj(
    {
        "amount": NUM,
        "currency": STR,
        "unit": {"enum": ["year", "hour"]},
        "statistic": {"enum": ["median", "mean", "pct10", "pct25", "pct75", "pct90"]},
        "period": STR,
        "year": INT,
        "population": STR,
        "dated": {**BOOL, "description": "true when the figure is more than three years old"},
        "note": NSTR,
        "source": NSTR,
        "source_kind": NSTR,
        "source_tier": {"enum": [1, 2, 3, None]},
    }
)

SHOW = {
    "$schema": DRAFT,
    "title": "certplan show CODE --json",
    **obj(
        {
            "schema_version": {"const": 1},
            "code": STR,
            "name": STR,
            "body": {**NSTR, "description": "the certifying body's code; null when no body could be verified"},
            "body_name": NSTR,
            "level": {"enum": ["entry", "advanced", "specialty", "management", "degree-based", None]},
            "status": {"enum": ["current", "retired", "unverified", "alias", "pairing"]},
            "aliases": arr(STR),
            "settings": arr(STR),
            "focus": arr(STR),
            "description": STR,
            "exam": obj(
                {
                    "questions": NINT,
                    "duration_minutes": NINT,
                    "passing_score": NSTR,
                    "open_book": NBOOL,
                    "references": {"type": ["array", "null"], "items": STR},
                    "delivery": {"type": ["array", "null"], "items": STR},
                    "retake": NSTR,
                    "fees": arr(MONEY),
                    "domains": arr(obj({"name": STR, "weight_percent": NNUM, "questions": NINT})),
                    "study_hours": NNUM,
                    "study_hours_estimate": BOOL,
                },
                nullable=True,
            ),
            "eligibility": obj({"pathways": arr(PATHWAY), "recommended": arr(NOTE)}, nullable=True),
            "apprentice": obj(
                {"designation": STR, "rule": STR, "removal": arr(PATHWAY), "source": NSTR}, nullable=True
            ),
            "maintenance": obj(
                {
                    "ceus": NINT,
                    "cycle_years": NINT,
                    "topic_rules": arr(obj({"text": STR, "ceus": NINT, "source": NSTR})),
                    "fees": arr(MONEY),
                    "membership_required": NBOOL,
                },
                nullable=True,
            ),
            "salary": arr(PAY),
            "occupations": arr(obj({"soc": STR, "title": NSTR})),
            "next": arr(STR),
            "replaces": arr(STR),
            "replaced_by": NSTR,
            "retired": obj({"date": NSTR, "successor": NSTR, "note": NSTR}, nullable=True),
            "see_also": arr(STR),
            "recognition": arr(
                obj(
                    {
                        "text": STR,
                        "signal": {"enum": ["employer-demand", "accreditation", "body-claim", "historical", None]},
                        "source": NSTR,
                    }
                )
            ),
            "notes": arr(NOTE),
            "unknown": {**arr(STR), "description": "field paths whose value is unknown"},
            "provenance": {
                "type": "object",
                "description": "field path -> where the value came from",
                "additionalProperties": obj({"source": NSTR, "note": NSTR, "estimate": BOOL}),
            },
            "sources": arr(SOURCE),
        }
    ),
}
SHOW_ITEM = {k: v for k, v in SHOW.items() if k not in ("$schema", "title")}
LIST = {"$schema": DRAFT, "title": "certplan list --json", "type": "array", "items": SHOW_ITEM}

COST = obj(
    {
        "code": STR,
        "first_year": NNUM,
        "two_year_upkeep": NNUM,
        "basis": {"enum": ["member", "non-member"]},
        "basis_reason": STR,
        "lines": arr(obj({"label": STR, "amount": NNUM, "period": STR, "source": NSTR, "note": NSTR})),
        "unknown_parts": arr(STR),
    }
)
COMPARE = {
    "$schema": DRAFT,
    "title": "certplan compare CODE CODE... --json",
    **obj(
        {
            "schema_version": {"const": 1},
            "credentials": arr(SHOW_ITEM),
            "differences": {**arr(STR), "description": "field paths whose values differ between the credentials"},
            "costs": arr(COST),
        }
    ),
}
BODY = obj(
    {
        "schema_version": {"const": 1},
        "code": STR,
        "name": NSTR,
        "website": NSTR,
        "membership": arr(MONEY),
        "credentials": arr(STR),
        "credential_count": INT,
        "renewal": {"type": ["object", "null"]},
        "ceus_by_credentials_held": {
            "type": "array",
            "description": "CEUs per cycle for a holder of 1..5 credentials of this body"
            " (null where the rule depends on which)",
            "items": obj({"held": INT, "min": INT, "max": INT}),
        },
        "exam_delivery": {"type": ["array", "null"], "items": STR},
        "accreditation": arr(NOTE),
        "notes": arr(NOTE),
        "sources": arr(SOURCE),
    },
    required=["code", "name", "website", "membership", "credentials", "credential_count", "renewal", "sources"],
)
BODIES = {"$schema": DRAFT, "title": "certplan bodies --json", "type": "array", "items": BODY}

ELIGIBLE_ITEM = obj(
    {
        "code": STR,
        "name": STR,
        "status": {"enum": ["held", "eligible", "apprentice", "not-eligible"]},
        "pathway": obj({"id": STR, "label": STR, "text": STR, "source": NSTR}, nullable=True),
        "missing": arr(STR),
        "months_until_eligible": {
            **NINT,
            "description": "0 when eligible; months when only experience is missing; null otherwise",
        },
        "apprentice": obj(
            {
                "designation": STR,
                "removal": arr(STR),
                "removal_pathway": NSTR,
                "removal_missing": arr(STR),
                "months_to_full_credential": NINT,
            },
            nullable=True,
        ),
        "advice": arr(STR),
        "source": NSTR,
    }
)
ELIGIBLE = {"$schema": DRAFT, "title": "certplan eligible --json", "type": "array", "items": ELIGIBLE_ITEM}
ELIGIBLE_BATCH = {
    "$schema": DRAFT,
    "title": "certplan eligible --profiles FILE --json",
    "type": "array",
    "items": obj({"id": STR, "results": arr(ELIGIBLE_ITEM)}),
}
PROFILE = {
    "$schema": DRAFT,
    "title": "certplan profile show --json",
    **obj(
        {
            "education": NSTR,
            "accredited_program": NSTR,
            "experience_years": NUM,
            "experience_kinds": arr(STR),
            "held": arr(STR),
            "course_hours": INT,
            "practicode": BOOL,
            "member": arr(STR),
        }
    ),
}
VALIDATE = {
    "$schema": DRAFT,
    "title": "certplan catalog validate --json",
    **obj({"file": STR, "valid": BOOL, "problems": arr(STR)}),
}

RECOMMEND = {
    "$schema": DRAFT,
    "title": "certplan recommend --json",
    "type": "array",
    "items": obj(
        {
            "code": STR,
            "name": STR,
            "rank": INT,
            "score": INT,
            "score_parts": {
                "type": "object",
                "description": "setting, focus, eligibility, level, cost, recognition: the README gives the weights",
                "additionalProperties": INT,
            },
            "status": {"enum": ["held", "eligible", "apprentice", "not-eligible"]},
            "months_until_eligible": NINT,
            "first_year_cost": NNUM,
            "reasons": arr(STR),
            "tradeoffs": arr(STR),
            "what_would_change": arr(STR),
        }
    ),
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "recommend": RECOMMEND,
    "show": SHOW,
    "list": LIST,
    "compare": COMPARE,
    "bodies": BODIES,
    "eligible": ELIGIBLE,
    "eligible-batch": ELIGIBLE_BATCH,
    "profile": PROFILE,
    "catalog-validate": VALIDATE,
}

from certplan.core import schema_money, schema_plan  # noqa: E402

SCHEMAS.update(schema_plan.SCHEMAS)
SCHEMAS.update(schema_money.SCHEMAS)


def all_schemas() -> dict[str, Any]:
    return {"schema_version": 1, "schemas": SCHEMAS}
