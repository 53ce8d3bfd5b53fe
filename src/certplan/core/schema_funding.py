"""JSON Schema (draft 2020-12) of the ``funding`` block of ``cost --json`` (``--funding`` / ``--employer-pays``)."""

from __future__ import annotations

from certplan.core.schema_base import NNUM, NSTR, NUM, STR, arr, obj

PART = {"enum": ["exam", "membership", "renewal", "ceus", "study", "course"]}

PAYER = obj(
    {
        "id": {**STR, "description": "the catalog's funding id, or 'employer'"},
        "name": STR,
        "kind": {"enum": ["military", "veterans", "workforce", "employer"]},
        "applies": {
            "enum": ["listed", "if-approved", "user-supplied"],
            "description": "listed: a source lists the credential for it; if-approved: the sources do not say, the "
            "amounts assume it applies; user-supplied: an amount you gave",
        },
        "applies_source": NSTR,
        "applies_note": NSTR,
        "who": {**NSTR, "description": "who qualifies, in the source's terms"},
        "who_source": NSTR,
        "cap": obj(
            {
                "amount": {**NNUM, "description": "null when no source gives it"},
                "per": {"enum": ["year", "fiscal-year", "career", "total"]},
                "text": STR,
                "effective_from": NSTR,
                "effective_until": NSTR,
                "note": NSTR,
                "source": NSTR,
            },
            nullable=True,
        ),
        "pays_for": arr(
            obj(
                {
                    "part": PART,
                    "words": STR,
                    "cap": NNUM,
                    "cap_per": {"enum": ["test", "credential", None]},
                    "note": NSTR,
                    "source": NSTR,
                }
            )
        ),
        "does_not_pay": arr(STR),
        "pays": {**NNUM, "description": "what it pays over the period; null when unknown"},
        "pays_at_most_known": {**NUM, "description": "the most it pays towards the known costs"},
        "notes": arr(obj({"text": STR, "source": NSTR})),
    }
)

FUNDING = obj(
    {
        "code": STR,
        "years": {"type": "integer"},
        "day": {**STR, "description": "the day whose rules (caps in force) were used"},
        "gross": obj({"total": NNUM, "total_known": NUM, "unknown_parts": arr(STR)}),
        "payers": arr(PAYER),
        "lines": arr(
            obj(
                {
                    "id": STR,
                    "label": STR,
                    "amount": NNUM,
                    "source": NSTR,
                    "covered": arr(obj({"by": STR, "amount": NNUM})),
                    "you_pay": NNUM,
                }
            )
        ),
        "you_pay": {**NNUM, "description": "what is left for you; null when any part is unknown"},
        "you_pay_at_least": {**NUM, "description": "what you pay for the known parts, at the least"},
        "notes": arr(STR),
    },
    nullable=True,
)
