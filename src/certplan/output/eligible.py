"""The eligibility answer as a person reads it: names beside codes, a shared to-do said once,
months only where waiting matters. (``eligible --json`` is written elsewhere and keeps its shape.)"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from certplan.output.render import OutputContext
from certplan.output.words import count

SHARED_MIN = 3  # a to-do this many credentials share is said once, under the tables
LISTED = 3  # how many codes a shared to-do names before "and N more"
_REGISTER = re.compile(r"^(?P<what>.+?) \(membership is required to register\)$")
ORDER = ("held", "eligible", "apprentice", "not-eligible")
HEADINGS = {
    "held": "You hold it already",
    "eligible": "You can sit now",
    "apprentice": "You can sit now; passing gives an apprentice designation first",
    "not-eligible": "Not yet",
}


def shared_text(todo: str, codes: list[str]) -> str:
    """'join AAPC before you register: CPC, CPB, COC and 17 more'."""
    m = _REGISTER.match(todo)
    head = f"{m.group('what')} before you register" if m else todo
    shown = codes if len(codes) <= LISTED + 1 else codes[:LISTED]
    rest = len(codes) - len(shown)
    names = ", ".join(shown) if not rest else ", ".join(shown) + f" and {rest} more"
    if not rest and len(shown) > 1:
        names = ", ".join(shown[:-1]) + " and " + shown[-1]
    return f"{head}: {names}"


def _months(r: dict[str, Any]) -> str:
    m = r["months_until_eligible"]
    if m is None:
        return "unknown"
    return count(m, "month") if m else "now"


def _apprentice(r: dict[str, Any]) -> str:
    a = r["apprentice"]
    if not a:
        return "-"
    m = a["months_to_full_credential"]
    return f"{a['designation']} until {a['removal_pathway']}" + (f" ({count(m, 'month')})" if m is not None else "")


def render_eligible(results: list[dict[str, Any]], ctx: OutputContext) -> bool:
    """Tables by status; False when there is nothing to show."""
    from rich.table import Table

    from certplan.output.fit import wrap

    todo_count = Counter(t for r in results for t in r["to_do"])
    shared = [t for t, n in todo_count.items() if n >= SHARED_MIN]
    bold = "bold" if ctx.color else ""
    shown = False
    for status in ORDER:
        rows = [r for r in results if r["status"] == status]
        if not rows:
            continue
        shown = True
        own_todo = {r["code"]: [t for t in r["to_do"] if t not in shared] for r in rows}
        waits = status == "not-eligible" and any(r["months_until_eligible"] for r in rows)
        cols: list[tuple[str, Any]] = [("Code", lambda r: r["code"]), ("Name", lambda r: r["name"])]
        if status == "not-eligible":
            cols.append(("Missing", lambda r: "; ".join(r["missing"]) or "-"))
            if waits:
                cols.append(("Months", _months))
        else:
            cols.append(("Pathway", lambda r: r["pathway"]["text"] if r["pathway"] else "-"))
            if status == "apprentice":
                cols.append(("Apprentice until", _apprentice))
        if any(own_todo.values()):
            cols.append(("To do", lambda r, own=own_todo: "; ".join(own[r["code"]]) or "-"))
        t = Table(
            title=f"{HEADINGS[status]}: {count(len(rows), 'credential')} ({status})",
            title_justify="left",
            header_style=bold,
        )
        for header, _ in cols:
            t.add_column(header, justify="right" if header == "Months" else "left")
        for r in rows:
            t.add_row(*[str(fn(r)) for _, fn in cols])
        ctx.print(t)
    if shared:
        width = ctx.width or ctx.console().width
        lines = ["", "To do for several of them:"]
        for todo in shared:
            codes = [r["code"] for r in results if todo in r["to_do"]]
            text = wrap(shared_text(todo, codes), width - 4)
            lines += ["  - " + text[0], *["    " + x for x in text[1:]]]
        ctx.stdout.write("\n".join(lines) + "\n")
    return shown
