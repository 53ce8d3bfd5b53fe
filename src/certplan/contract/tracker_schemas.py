"""JSON Schemas of the after-the-exam commands (held, ceu, renew, experience, apprentice).  Closed objects:
a field added to an output must be added here too, or the contract test fails."""

from __future__ import annotations

from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _t(*types: str) -> dict[str, Any]:
    return {"type": list(types) if len(types) > 1 else types[0]}


STR = _t("string")
NSTR = _t("string", "null")
NUM = _t("number")
NNUM = _t("number", "null")
INT = _t("integer")
NINT = _t("integer", "null")
BOOL = _t("boolean")
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
NDATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def arr(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def obj(props: dict[str, Any], required: list[str] | None = None, nullable: bool = False, **extra: Any) -> dict[str, Any]:
    return {
        "type": ["object", "null"] if nullable else "object",
        "properties": props,
        "required": list(props) if required is None else required,
        **extra,
    }

NNUM_OR_INT = {"type": ["number", "integer", "null"]}
STRS = arr(STR)


def closed(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return obj(props, required, additionalProperties=False)


def top(title: str, items: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, **arr(items)}


HELD_RECORD = closed(
    {
        "code": STR,
        "name": NSTR,
        "body": NSTR,
        "earned": DATE,
        "cycle_start": NDATE,
        "apprentice": BOOL,
        "designation": {**NSTR, "description": "CPC-A / COC-A while the apprentice designation is held"},
    }
)
CEU_RECORD = closed(
    {
        "id": INT,
        "date": DATE,
        "ceus": {**NUM, "exclusiveMinimum": 0},
        "title": STR,
        "provider": NSTR,
        "approval": NSTR,
        "category": NSTR,
        "for": STRS,
        "certificate": {**NSTR, "description": "absolute path of the certificate file"},
        "certificate_sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
    }
)
EXPERIENCE_RECORD = closed({"id": INT, "start": DATE, "end": NDATE, "kind": STR, "employer": NSTR})
CATEGORY = closed(
    {
        "name": {**STR, "description": "the category as the body names it (e.g. auditing, specialty, hiim)"},
        "for": {**STRS, "description": "the held credentials the minimum is for; empty for a body-wide rule"},
        "required": NNUM_OR_INT,
        "earned": NUM,
        "remaining": NNUM_OR_INT,
        "counts": {"enum": ["category", "provider"]},
        "source": STR,
    }
)
CEU_STATUS = closed(
    {
        "body": STR,
        "credentials": STRS,
        "cycle_start": NDATE,
        "cycle_end": NDATE,
        "required": {**NNUM_OR_INT, "description": "CEUs owed this cycle (prorated where the body prorates)"},
        "required_full_cycle": NNUM_OR_INT,
        "basis": STR,
        "prorated": BOOL,
        "estimate": {**BOOL, "description": "the proration is certplan's estimate (the body publishes no formula)"},
        "earned": NUM,
        "remaining": NNUM_OR_INT,
        "categories": arr(CATEGORY),
        "days_left": NINT,
        "on_track": {"type": ["boolean", "null"], "description": "the pace so far reaches every minimum by cycle end"},
        "counted": {**arr(INT), "description": "IDs of the CEUs that count"},
        "excluded": arr(closed({"id": INT, "title": STR, "ceus": NUM, "reason": STR})),
        "notes": STRS,
        "sources": STRS,
    }
)
FEE = {
    **closed({"amount": NNUM, "what": NSTR, "note": NSTR, "source": STR}),
    "type": ["object", "null"],
}
RENEW = closed(
    {
        "code": STR,
        "body": NSTR,
        "cycle_start": NDATE,
        "due": NDATE,
        "grace_days": NINT,
        "grace_until": NDATE,
        "grace_alternatives": arr(closed({"days": NINT, "what": STR, "note": NSTR, "source": STR})),
        "late_fee": FEE,
        "extension_fee": FEE,
        "reinstatement_fee": FEE,
        "lapses_on": NDATE,
        "lapse_status": {"enum": ["inactive", "cancelled", "revoked", "expired", None]},
        "lapse_steps": arr(closed({"on": NDATE, "status": STR, "what": STR, "note": NSTR})),
        "reinstate_until": NDATE,
        "reinstate_how": NSTR,
        "notes": STRS,
        "sources": STRS,
    }
)
REQ = closed(
    {
        "kind": STR,
        "text": STR,
        "met_on": NDATE,
        "days_recorded": INT,
        "days_needed": INT,
    },
    required=["kind", "text", "met_on"],
)
APPRENTICE = closed(
    {
        "code": STR,
        "designation": STR,
        "earned": DATE,
        "earliest": {**NDATE, "description": "the earliest day of any option"},
        "options": arr(
            closed(
                {
                    "id": STR,
                    "label": STR,
                    "earliest": NDATE,
                    "met": BOOL,
                    "requirements": arr(REQ),
                    "still_needed": STRS,
                    "evidence": arr(closed({"kind": STR, "text": STR, "source": STR})),
                    "note": NSTR,
                    "source": STR,
                }
            )
        ),
        "rule": STR,
        "source": STR,
    }
)

SCHEMAS: dict[str, dict[str, Any]] = {
    "held": top("held add / held list --json", HELD_RECORD),
    "ceu-list": top("ceu add / ceu list / ceu import --json, ceu export --format json", CEU_RECORD),
    "ceu-status": top("ceu status --json", CEU_STATUS),
    "renew": top("renew --json", RENEW),
    "experience": top("experience add / experience list --json", EXPERIENCE_RECORD),
    "apprentice": top("apprentice status --json", APPRENTICE),
    "ceu-audit-pack": {
        "$schema": DRAFT,
        "title": "ceu audit-pack --json",
        **closed(
            {
                "out": STR,
                "on": DATE,
                "ceus": {**arr(INT), "description": "IDs of the CEUs in the pack"},
                "files": arr(closed({"name": STR, "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}})),
                "problems": STRS,
            }
        ),
    },
    "removed": {
        "$schema": DRAFT,
        "title": "held remove / ceu remove / experience remove --json",
        **closed({"removed": {"type": ["string", "integer"]}}),
    },
}
