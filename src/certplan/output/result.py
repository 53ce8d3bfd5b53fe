"""What a command hands to output: one :class:`Result`, rendered by one function, :func:`emit`.

A result carries the JSON document, flat rows for table/CSV/Markdown (or a renderer per format when
rows are not the natural shape, e.g. the credential card or the cost breakdown), the notes and
warnings for stderr, and the exit code. Commands never write to stdout themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from certplan.output.render import Column, OutputContext, write_json, write_rows

Renderer = Callable[[OutputContext], None]


@dataclass
class Result:
    data: Any = None  # the JSON document (--json / --format json)
    json_text: str | None = None  # the same document, already serialised (fast cached views)
    rows: Sequence[dict[str, Any]] | Callable[[], Sequence[dict[str, Any]]] | None = None  # flat rows for
    # table, csv and markdown (a function when flattening costs more than the table renderer needs)
    columns: Sequence[Column] | None = None
    title: str | None = None
    groups: Sequence[tuple[str, Sequence[dict[str, Any]]]] | None = None  # table only: grouped rows
    table_columns: Sequence[Column] | None = None  # table only, when it shows fewer columns than csv/markdown
    render: dict[str, Renderer] = field(default_factory=dict)  # a renderer per format, in place of rows
    before: list[str] = field(default_factory=list)  # messages to stderr before the data
    notes: list[str] = field(default_factory=list)  # messages to stderr after the data ("certplan: ...")
    warnings: list[str] = field(default_factory=list)  # "certplan: warning: ..."
    exit_code: int = 0

    def formats(self) -> set[str]:
        """The formats this result can be rendered in."""
        out = {"json"} | set(self.render)
        if self.rows is not None and self.columns is not None:
            out |= {"table", "csv", "markdown"}
        return out


def _say(text: str, ctx: OutputContext) -> None:
    ctx.stderr.write(text.rstrip("\n") + "\n")


def emit(result: Result, fmt: str, ctx: OutputContext) -> int:
    """Write the result in ``fmt`` (data to stdout, messages to stderr); returns its exit code."""
    for m in result.before:
        _say(f"certplan: {m}", ctx)
    if fmt in result.render:
        result.render[fmt](ctx)
    elif fmt == "json":
        if result.json_text is not None:
            ctx.stdout.write(result.json_text.rstrip("\n") + "\n")
        else:
            write_json(result.data, ctx)
    elif result.rows is not None and result.columns is not None:
        rows = result.rows() if callable(result.rows) else result.rows
        if fmt == "table":
            write_rows(rows, result.table_columns or result.columns, fmt, ctx, title=result.title,
                       groups=result.groups)
        else:
            write_rows(rows, result.columns, fmt, ctx, title=result.title)
    else:  # a command offered a format it cannot render: a bug, caught by the format test
        raise ValueError(f"no {fmt} renderer for this result")
    for n in result.notes:
        _say(f"certplan: {n}", ctx)
    for w in result.warnings:
        _say(f"certplan: warning: {w}", ctx)
    return result.exit_code
