"""Side-by-side grids (compare, bodies): one column per item, rows grouped under headings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from certplan.output import csvsafe
from certplan.output.render import OutputContext, markdown_table

DIFF_MARK = "*"
FIELD_MAX = 18


def render_grid(
    headers: Sequence[str],
    rows: Sequence[dict[str, Any]],
    fmt: str,
    ctx: OutputContext,
    vertical: bool = False,
    title: str | None = None,
    sources: Sequence[dict[str, Any]] = (),
    what: str = "credentials",
) -> None:
    """``sources`` (the catalog's entries) describe the URLs that the table shows as footnote marks."""
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

    from certplan.output.bars import Footnotes
    from certplan.output.fit import fit_table

    notes = Footnotes().known(sources)
    rows = [{**r, "values": [_cite(notes, v) for v in r["values"]]} for r in rows]

    diff_style = "bold yellow" if ctx.color else ""
    width = ctx.width or ctx.console().width
    if not vertical:
        t = Table(title=title, title_justify="left", show_lines=False, header_style="bold" if ctx.color else "")
        t.add_column("Field", max_width=FIELD_MAX)
        for h in headers:
            t.add_column(h)
        group = None
        for i, r in enumerate(rows):
            if r["group"] != group:
                group = r["group"]
                t.add_row(Text(group.upper(), style="bold" if ctx.color else ""), *["" for _ in headers])
            mark = f"{DIFF_MARK} " if r["differs"] else ""
            style = diff_style if r["differs"] else ""
            last = i + 1 == len(rows) or rows[i + 1]["group"] != group
            t.add_row(
                Text(mark + r["label"], style=style), *[Text(v, style=style) for v in r["values"]], end_section=last
            )
        if fit_table(t, width, even=True):
            ctx.print(t, fitted=True)
        else:
            vertical = True  # side by side a word would be broken: one block per field instead
            ctx.stderr.write(
                f"certplan: {len(headers)} {what} side by side do not fit in {width} columns;"
                " showing one block per field (--vertical)\n"
            )
    if vertical:
        ctx.stdout.write(_vertical(headers, rows, width, title, ctx.color))
    ctx.stdout.write(f"{DIFF_MARK} marks the rows where the values differ.\n")
    notes.write(ctx)


def _cite(notes: Any, value: str) -> str:
    """URLs become footnote marks; a value that is only a URL keeps its host name: ``aapc.com [1]``."""
    v = value.strip()
    if v.startswith(("http://", "https://")) and " " not in v:
        from urllib.parse import urlsplit

        host = urlsplit(v).hostname or ""
        return f"{host.removeprefix('www.')} {notes.ref(v)}".strip()
    return notes.cite(value)


def _vertical(headers: Sequence[str], rows: Sequence[dict[str, Any]], width: int, title: str | None, bold: bool) -> str:
    """One block per field: the field on its own line, then one line per item (values wrap under themselves)."""
    from certplan.output.fit import wrap

    def b(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if bold else text

    key_w = max(len(h) for h in headers) + 6
    out = [title, ""] if title else []
    group = None
    for r in rows:
        if r["group"] != group:
            group = r["group"]
            if out and out[-1] != "":
                out.append("")
            out.append(b(group.upper()))
        out.append(("* " if r["differs"] else "  ") + r["label"])
        for h, v in zip(headers, r["values"]):
            lines = wrap(v, max(width - key_w, 20))
            out.append(f"    {h.ljust(key_w - 4)}{lines[0]}".rstrip())
            out += [" " * key_w + line for line in lines[1:]]
    return "\n".join(out) + "\n"
