"""The list and compare answers from the served catalog, shared by the commands and the fast paths.

Typer-free, so ``cli/fast.py`` can answer ``list`` and ``compare A B`` before Typer loads and still print
exactly what the commands print: both build their result here.
"""

from __future__ import annotations

from typing import Any


def filter_codes(served, bodies=None, levels=None, settings=None, statuses=None, search=None) -> list[str]:
    bset = {b.upper() for b in bodies or []}
    needle = (search or "").strip().lower()
    out = []
    for code in served["codes"]:
        m = served["meta"][code]
        if bset and (m["body"] or "").upper() not in bset:
            continue
        if levels and m["level"] not in levels:
            continue
        if settings and not set(settings) & set(m["settings"]):
            continue
        if statuses and m["status"] not in statuses:
            continue
        if needle and needle not in " ".join([code, m["name"], m["description"], *m["aliases"], *m["settings"]]).lower():
            if not _notes_mention(served, code, needle):
                continue
        out.append(code)
    return out


def _notes_mention(served, code: str, needle: str) -> bool:
    """Whether the credential's sourced notes or recognition statements mention ``needle``."""
    from certplan.store.caches import view

    v = view(served, code)
    return any(needle in n["text"].lower() for n in [*v["notes"], *v["recognition"]])


def list_result(served: dict[str, Any], codes: list[str], current_only: bool):
    """The ``list`` table: one row per credential, a counted title and a hint when nothing matches."""
    from certplan.output.render import Column
    from certplan.output.result import Result
    from certplan.output.words import count

    meta = served["meta"]
    rows = [
        {
            "code": c,
            "name": meta[c]["name"],
            "body": meta[c]["body"],
            "level": meta[c]["level"],
            "status": meta[c]["status"],
            "settings": ", ".join(meta[c]["settings"]),
        }
        for c in codes
    ]
    cols = [
        Column("code", "Code"),
        Column("name", "Name", max_width=40),
        Column("body", "Body"),
        Column("level", "Level"),
        Column("status", "Status"),
        Column("settings", "Settings", max_width=40),
    ]
    return Result(
        rows=rows,
        columns=cols,
        title=count(len(rows), "credential") + (" (current)" if current_only else ""),
        notes=[] if rows else ["no credential matches those filters" + (" (try --all)" if current_only else "")],
    )


def compare_result(served: dict[str, Any], found: list[str], bases: list[str], diff: bool, vertical: bool):
    """The ``compare`` answer: data for JSON, the grid for table, CSV and Markdown (sources as footnotes)."""
    from certplan.core import compare
    from certplan.output.grid import render_grid
    from certplan.output.result import Result
    from certplan.store.caches import view

    views = [view(served, c) for c in found]
    result = compare.assemble(views, [served["costs"][c][b] for c, b in zip(found, bases)])
    rows = [r for r in result["rows"] if r["differs"] or not diff]
    title = "Comparison" + (" (differences only)" if diff else "")
    res = Result(data={k: v for k, v in result.items() if k != "rows"})
    for fmt in ("table", "csv", "markdown"):
        res.render[fmt] = lambda ctx, fmt=fmt: render_grid(
            found, rows, fmt, ctx, vertical=vertical, title=title, sources=[s for v in views for s in v["sources"]]
        )
    return res, rows
