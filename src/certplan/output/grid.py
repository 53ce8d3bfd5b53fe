"""Side-by-side grids (compare, bodies): one column per item, rows grouped under headings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from certplan.output import csvsafe
from certplan.output.render import OutputContext, markdown_table

DIFF_MARK = "*"
FIELD_MIN = 14
FIELD_MAX = 18
VALUE_MIN = 7


def render_grid(
    headers: Sequence[str],
    rows: Sequence[dict[str, Any]],
    fmt: str,
    ctx: OutputContext,
    vertical: bool = False,
    title: str | None = None,
) -> None:
    if fmt == "csv":
        w = csvsafe.writer(ctx.stdout)  # spreadsheet-safe cells (OWASP)
        w.writerow(["group", "field", "differs", *headers])
        for r in rows:
            w.writerow([r["group"], r["label"], "yes" if r["differs"] else "no", *r["values"]])
        return
    if fmt == "markdown":
        body = [
            [r["group"], (f"{DIFF_MARK} **{r['label']}**" if r["differs"] else r["label"]), *r["values"]] for r in rows
        ]
        ctx.stdout.write(markdown_table(["Group", "Field", *headers], body, title))
        ctx.stdout.write(f"\n{DIFF_MARK} marks the rows where the values differ.\n")
        return
    from rich.table import Table
    from rich.text import Text

    diff_style = "bold yellow" if ctx.color else ""
    width = ctx.width or ctx.console().width
    if not vertical and FIELD_MAX + 3 + len(headers) * (VALUE_MIN + 3) + 1 > width:
        vertical = True  # side by side would be cut off: one block per field instead
        ctx.stderr.write(
            f"certplan: {len(headers)} columns do not fit in {width} columns; showing one block per field\n"
        )
    if vertical:
        t = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
        t.add_column("label", no_wrap=True)
        t.add_column("value", overflow="fold")
        group = None
        for r in rows:
            if r["group"] != group:
                group = r["group"]
                t.add_row("", "")
                t.add_row(Text(group.upper(), style="bold" if ctx.color else ""), "")
            mark = f"{DIFF_MARK} " if r["differs"] else "  "
            t.add_row(Text(f"{mark}{r['label']}", style=diff_style if r["differs"] else ""), "")
            for h, v in zip(headers, r["values"]):
                t.add_row(f"    {h}", v)
        ctx.print(t)
    else:
        t = Table(title=title, title_justify="left", show_lines=True, header_style="bold" if ctx.color else "")
        t.add_column("Field", overflow="fold", max_width=FIELD_MAX)
        for h in headers:
            t.add_column(h, overflow="fold")
        group = None
        for r in rows:
            if r["group"] != group:
                group = r["group"]
                t.add_row(Text(group.upper(), style="bold" if ctx.color else ""), *["" for _ in headers])
            mark = f"{DIFF_MARK} " if r["differs"] else ""
            style = diff_style if r["differs"] else ""
            t.add_row(Text(mark + r["label"], style=style), *[Text(v, style=style) for v in r["values"]])
        ctx.print(t)
    ctx.stdout.write(f"{DIFF_MARK} marks the rows where the values differ.\n")
