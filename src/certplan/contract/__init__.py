"""certplan's JSON contracts: every JSON output described once, as typed dicts.

``OUTPUTS`` names each output (the names ``certplan schema NAME`` takes), the type that describes it and
its title.  The JSON Schemas (draft 2020-12, closed: ``additionalProperties: false``) are generated from
those types by :mod:`certplan.contract.generate`, which imports pydantic; this module does not, so the
CLI can ask which fields an output has (``--fields``) cheaply.

Layer: beside core; imports only catalog vocabularies.
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple


class Output(NamedTuple):
    module: str
    type: str
    title: str


OUTPUTS: dict[str, Output] = {
    "show": Output("credential", "Show", "certplan show CODE --json"),
    "list": Output("credential", "List", "certplan list --json"),
    "compare": Output("credential", "Compare", "certplan compare CODE CODE... --json"),
    "bodies": Output("credential", "Bodies", "certplan bodies --json"),
    "eligible": Output("eligible", "Eligible", "certplan eligible --json"),
    "eligible-batch": Output("eligible", "EligibleBatch", "certplan eligible --profiles FILE --json"),
    "cohort-summary": Output("eligible", "CohortSummary", "certplan eligible --profiles FILE --summary --json"),
    "profile": Output("eligible", "Profile", "certplan profile show --json"),
    "recommend": Output("eligible", "Recommend", "certplan recommend --json"),
    "plan": Output("plan", "Plan", "certplan plan CODE --json"),
    "salary": Output("money", "Salary", "certplan salary [CODE ...] --json"),
    "cost": Output("money", "Cost", "certplan cost CODE --json"),
    "path": Output("money", "Path", "certplan path --to CODE --json | certplan path --from CODE --json"),
    "path-to": Output("money", "PathTo", "certplan path --to CODE --json"),
    "path-from": Output("money", "PathFrom", "certplan path --from CODE --json"),
    "catalog-validate": Output("catalog", "Validate", "certplan catalog validate --json"),
    "catalog-sources": Output("catalog", "Sources", "certplan catalog sources [CODE] --json"),
    "catalog-stale": Output("catalog", "Stale", "certplan catalog stale [--older-than AGE] --json"),
    "schema": Output("catalog", "AllSchemas", "certplan schema [--json]"),
    "held": Output("tracker", "Held", "held add / held list --json"),
    "ceu-list": Output("tracker", "CeuList", "ceu add / ceu list / ceu import --json, ceu export --format json"),
    "ceu-status": Output("tracker", "CeuStatus", "ceu status --json"),
    "renew": Output("tracker", "Renew", "renew --json"),
    "experience": Output("tracker", "Experience", "experience add / experience list --json"),
    "apprentice": Output("tracker", "Apprentice", "apprentice status --json"),
    "ceu-audit-pack": Output("tracker", "AuditPack", "ceu audit-pack --json"),
    "removed": Output("tracker", "Removed", "held remove / ceu remove / experience remove --json"),
}

# Outputs whose top-level fields ``--fields`` selects: the selection always keeps ``schema_version``.
FIELD_SELECTABLE = {"show": "show", "list": "show"}
ALWAYS_KEPT = ("schema_version",)


def output_type(name: str) -> Any:
    o = OUTPUTS[name]
    return getattr(importlib.import_module(f"certplan.contract.{o.module}"), o.type)


def fields(name: str) -> list[str]:
    """The top-level fields of an object output, in contract order (no pydantic needed)."""
    return list(output_type(FIELD_SELECTABLE.get(name, name)).__annotations__)
