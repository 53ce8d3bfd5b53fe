"""Batch answers written as a stream: one student at a time, never the whole roster in memory.

Every writer takes, per student, either the answer or the reason it could not be answered, so a
row that failed is named in the output as well as on stderr. JSON is one array written
incrementally (the same layout ``write_json`` gives: keys sorted, two-space indent); JSON Lines is
one compact object a line; CSV goes through the spreadsheet-safe writer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from certplan.output import csvsafe
from certplan.output.render import Column, OutputContext, cell_text, markdown_escape

META = (Column("row", "Row"), Column("id", "ID"), Column("name", "Name"))
ERROR = Column("error", "Not answered")


def meta_of(row) -> dict[str, Any]:
    return {"row": row.number, "id": row.id, "name": row.name}


class _JsonCache:
    """Serialized text of answers shared between students (by identity), so each is dumped once."""

    def __init__(self, indent: int | None, depth: int):
        self.indent = indent
        self.pad = "\n" + " " * (indent * depth) if indent else ""
        self.texts: dict[int, tuple[Any, str]] = {}

    def text(self, obj: Any) -> str:
        got = self.texts.get(id(obj))
        if got is None or got[0] is not obj:
            if len(self.texts) >= 65536:
                self.texts.clear()
            if self.indent:
                t = json.dumps(obj, indent=self.indent, sort_keys=True, ensure_ascii=False).replace("\n", self.pad)
            else:
                t = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            got = self.texts[id(obj)] = (obj, t)  # keeps obj alive, so its id is not reused while cached
        return got[1]


def _dumps(v: Any, indent: int | None) -> str:
    if indent:
        return json.dumps(v, ensure_ascii=False)
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


class JsonArray:
    indent: int | None = 2

    def __init__(self, ctx: OutputContext, key: str):
        self.out = ctx.stdout
        self.key = key
        self.n = 0
        self.cache = _JsonCache(self.indent, 3)

    def _item(self, obj: dict[str, Any]) -> None:
        text = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False).replace("\n", "\n  ")
        self._write(text)

    def _write(self, text: str) -> None:
        self.out.write(("[\n  " if self.n == 0 else ",\n  ") + text)
        self.n += 1

    def _list_item(self, row, answers: list[Any]) -> str:
        """The same text json.dumps(indent=2, sort_keys=True) gives, from cached answers (keys: id < name < results < row)."""
        if answers:
            inner = "[\n      " + ",\n      ".join(self.cache.text(a) for a in answers) + "\n    ]"
        else:
            inner = "[]"
        return (
            f'{{\n    "id": {_dumps(row.id, 2)},\n    "name": {_dumps(row.name, 2)},\n    "{self.key}": {inner},'
            f'\n    "row": {row.number}\n  }}'
        )

    def answered(self, row, answer: Any, flat: Callable[[Any], list[dict[str, Any]]]) -> None:
        if isinstance(answer, list):
            self._write(self._list_item(row, answer))
        else:
            self._item({**meta_of(row), self.key: answer})

    def failed(self, row, reason: str) -> None:
        self._item({**meta_of(row), "error": reason})

    def close(self) -> None:
        self.out.write("[]\n" if self.n == 0 else "\n]\n")


class JsonLines(JsonArray):
    indent = None

    def _item(self, obj: dict[str, Any]) -> None:
        self.out.write(json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n")

    def _write(self, text: str) -> None:
        self.out.write(text + "\n")

    def _list_item(self, row, answers: list[Any]) -> str:
        inner = "[" + ",".join(self.cache.text(a) for a in answers) + "]"
        return (
            f'{{"id":{_dumps(row.id, None)},"name":{_dumps(row.name, None)},"{self.key}":{inner},"row":{row.number}}}'
        )

    def close(self) -> None:
        pass


def write_jsonl(data: Any, ctx: OutputContext) -> None:
    """One person's answer as JSON Lines: each item of a list on its own line, anything else on one line."""
    for item in data if isinstance(data, list) else [data]:
        ctx.stdout.write(json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n")


def _cell(v: Any) -> str:
    return "" if v is None else cell_text(v)


class Csv:
    def __init__(self, ctx: OutputContext, columns: Sequence[Column]):
        import io

        self.out = ctx.stdout
        self.w = csvsafe.writer(ctx.stdout)
        self.keys = [c.key for c in (*META, *columns)]
        self.answer_keys = [c.key for c in columns]
        self.w.writerow([*self.keys, ERROR.key])
        self._buf = io.StringIO()
        self._bw = csvsafe.writer(self._buf)
        self._tails: dict[int, tuple[Any, str]] = {}  # id(flat row) -> (the row, its CSV text after the meta)

    def _render(self, cells: list[Any]) -> str:
        self._buf.seek(0)
        self._buf.truncate()
        self._bw.writerow(cells)
        return self._buf.getvalue()

    def _tail(self, r: dict[str, Any]) -> str:
        got = self._tails.get(id(r))
        if got is None or got[0] is not r:
            if len(self._tails) >= 65536:
                self._tails.clear()
            got = (r, self._render([*(_cell(r.get(k)) for k in self.answer_keys), ""]))
            self._tails[id(r)] = got  # keeps r alive, so its id is not reused while cached
        return got[1]

    def answered(self, row, answer: Any, flat: Callable[[Any], list[dict[str, Any]]]) -> None:
        # the student's row, id and name come first; an answer's own 'name' is not a column
        meta = self._render([row.number, _cell(row.id), _cell(row.name)])[:-1] + ","
        self.out.write("".join(meta + self._tail(r) for r in flat(answer)))

    def failed(self, row, reason: str) -> None:
        m = meta_of(row)
        self.w.writerow([*(_cell(m.get(k)) for k in self.keys), reason])

    def close(self) -> None:
        pass


class Markdown:
    def __init__(self, ctx: OutputContext, columns: Sequence[Column], title: str | None = None):
        self.out = ctx.stdout
        self.cols = [*META, *columns, ERROR]
        if title:
            self.out.write(f"## {markdown_escape(title)}\n\n")
        self.out.write("| " + " | ".join(markdown_escape(c.header) for c in self.cols) + " |\n")
        self.out.write("|" + "|".join("---" for _ in self.cols) + "|\n")

    def _line(self, r: dict[str, Any]) -> None:
        self.out.write("| " + " | ".join(markdown_escape(_cell(r.get(c.key))) for c in self.cols) + " |\n")

    def answered(self, row, answer: Any, flat: Callable[[Any], list[dict[str, Any]]]) -> None:
        m = meta_of(row)
        for r in flat(answer):
            self._line({**r, **m})

    def failed(self, row, reason: str) -> None:
        self._line({**meta_of(row), "error": reason})

    def close(self) -> None:
        pass


class Table:
    """A heading per student, then that student's answer as the single-person command shows it."""

    def __init__(self, ctx: OutputContext, render: Callable[[Any, OutputContext], None]):
        self.ctx = ctx
        self.render = render
        self.n = 0

    def _heading(self, row) -> None:
        who = row.name or row.id or "(no name)"
        ident = f" ({row.id})" if row.id and row.id != who else ""
        self.ctx.stdout.write(("\n" if self.n else "") + f"== Row {row.number}: {who}{ident}\n")
        self.n += 1

    def answered(self, row, answer: Any, flat: Callable[[Any], list[dict[str, Any]]]) -> None:
        self._heading(row)
        self.render(answer, self.ctx)

    def failed(self, row, reason: str) -> None:
        self._heading(row)
        self.ctx.stdout.write(f"Not answered: {reason}\n")

    def close(self) -> None:
        pass


def writer_for(fmt: str, ctx: OutputContext, key: str, columns: Sequence[Column], render, title: str | None = None):
    if fmt == "json":
        return JsonArray(ctx, key)
    if fmt == "jsonl":
        return JsonLines(ctx, key)
    if fmt == "csv":
        return Csv(ctx, columns)
    if fmt == "markdown":
        return Markdown(ctx, columns, title)
    return Table(ctx, render)
