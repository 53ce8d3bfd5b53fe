"""The one place that turns results into text: Rich tables, JSON, CSV, Markdown.

JSON and CSV are written straight to the stream, never through a styled console.
Decisions about colour and width come from an :class:`OutputContext` (like httpie's
Environment), so tests can inject a terminal or a pipe.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from certplan.output import csvsafe

FORMATS = ("table", "json", "csv", "markdown")
PIPE_WIDTH = 200


@dataclass
class OutputContext:
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    isatty: bool = False
    color: bool = False
    width: int | None = None

    @classmethod
    def from_env(cls, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> OutputContext:
        out = stdout or sys.stdout
        err = stderr or sys.stderr
        try:
            tty = out.isatty()
        except (AttributeError, ValueError):
            tty = False
        env = os.environ
        color = tty and not env.get("NO_COLOR") and env.get("TERM") != "dumb"
        if env.get("FORCE_COLOR") or env.get("CLICOLOR_FORCE"):
            color = not env.get("NO_COLOR")
        if env.get("TTY_COMPATIBLE") == "0":
            color = False
        width: int | None = None
        cols = env.get("COLUMNS", "")
        if cols.isdigit() and int(cols) > 0:
            width = int(cols)
        elif not tty:
            width = PIPE_WIDTH  # never cut tables written to a file or a pipe at 80 columns
        return cls(stdout=out, stderr=err, isatty=tty, color=color, width=width)

    def console(self):
        from rich.console import Console

        return Console(
            file=self.stdout,
            width=self.width,
            color_system="auto" if self.color else None,
            force_terminal=self.color,
            no_color=not self.color,
            highlight=False,
            emoji=False,
            markup=False,
            soft_wrap=False,
        )

    def print(self, renderable, fitted: bool = False) -> None:
        """Print a Rich renderable, without the trailing padding Rich adds to each line.

        A table is first fitted to the width (:mod:`certplan.output.fit`): no word, code, number, date
        or URL is broken; a table whose columns cannot fit side by side is shown one block per row.
        """
        con = self.console()
        if not fitted:
            renderable = self.fit(renderable, con.width)
            if isinstance(renderable, str):  # one block per row, as plain lines
                self.stdout.write(renderable)
                return
        with con.capture() as cap:
            con.print(renderable)
        text = "\n".join(line.rstrip(" ") for line in cap.get().split("\n"))
        self.stdout.write(text)

    def fit(self, renderable, width: int | None = None):
        from rich.table import Table

        from certplan.output.fit import fit_table, lines_text, records_text

        if not isinstance(renderable, Table):
            return renderable
        width = width or self.width or self.console().width
        if fit_table(renderable, width):
            return renderable
        if not renderable.show_header:
            return lines_text(renderable, width) or renderable
        return records_text(renderable, width, bold=self.color)


# --------------------------------------------------------------------------- plain writers


def write_json(obj: Any, ctx: OutputContext | None = None) -> None:
    out = ctx.stdout if ctx else sys.stdout
    out.write(json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def message(text: str, ctx: OutputContext | None = None) -> None:
    """A message for the person (never data): to stderr."""
    err = ctx.stderr if ctx else sys.stderr
    err.write(text.rstrip("\n") + "\n")


def cell_text(v: Any) -> str:
    if v is None:
        return "unknown"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (list, tuple)):
        return "; ".join(cell_text(x) for x in v)
    return str(v)


def money_text(amount: float | None) -> str:
    if amount is None:
        return "unknown"
    if float(amount).is_integer():
        return f"${int(amount):,}"
    return f"${amount:,.2f}"


@dataclass
class Column:
    key: str
    header: str
    justify: str = "left"
    max_width: int | None = None


def write_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    fmt: str,
    ctx: OutputContext,
    title: str | None = None,
    groups: Sequence[tuple[str, Sequence[dict[str, Any]]]] | None = None,
    json_obj: Any = None,
) -> None:
    """Render a list of flat rows as a table, CSV, Markdown, or JSON (``json_obj`` if given)."""
    if fmt == "json":
        write_json(rows if json_obj is None else json_obj, ctx)
    elif fmt == "csv":
        w = csvsafe.writer(ctx.stdout)  # spreadsheet-safe cells (OWASP)
        w.writerow([c.key for c in columns])
        for r in rows:
            w.writerow([cell_text(r.get(c.key)) if r.get(c.key) is not None else "" for c in columns])
    elif fmt == "markdown":
        ctx.stdout.write(
            markdown_table(
                [c.header for c in columns], [[cell_text(r.get(c.key)) for c in columns] for r in rows], title
            )
        )
    else:
        from rich.table import Table

        for gtitle, grows in groups or [(title, rows)]:
            t = Table(title=gtitle, title_justify="left", show_lines=False, header_style="bold" if ctx.color else "")
            for c in columns:
                t.add_column(c.header, justify=c.justify, max_width=c.max_width)
            for r in grows:
                t.add_row(*[cell_text(r.get(c.key)) for c in columns])
            ctx.print(t)


def markdown_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]], title: str | None = None) -> str:
    lines = []
    if title:
        lines += [f"## {markdown_escape(title)}", ""]
    lines.append("| " + " | ".join(markdown_escape(h) for h in headers) + " |")
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    for r in rows:
        lines.append("| " + " | ".join(markdown_escape(c) for c in r) + " |")
    return "\n".join(lines) + "\n"
