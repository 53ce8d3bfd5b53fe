"""Tables that fit the width without breaking a word, code, number, date or URL.

Rich wraps a cell only at spaces and folds (``overflow="fold"``) a word that is longer than its column,
which prints ``hospital-i`` / ``npatient``. Here the widths are computed first: a cell may break at a
space, after a hyphen between two words (``hospital-`` / ``inpatient``) or after a comma between two
words; every column gets at least the width of its longest unbreakable piece. When the pieces cannot
all fit, :func:`fit_table` says so and the caller shows the rows one block at a time instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

# A hyphen between words (three letters before, three lower-case letters after: not in CPC-A,
# ICD-10-CM, 2020-07-13) and a comma between words (not in 1,200) are places where a line may break.
_BREAK = re.compile(r"(?<=[A-Za-z]{3}-)(?=[a-z]{3})|(?<=[A-Za-z],)(?=[A-Za-z])")
_WORD = re.compile(r"\S+")
SHORT = 20  # a column whose longest line is this short is never wrapped when the width allows


def _unbreakable(word: str) -> bool:
    return "://" in word or word.startswith("www.") or "@" in word


def units(line: str) -> Iterator[tuple[int, int]]:
    """The unbreakable pieces of one line, as (start, end) offsets."""
    for m in _WORD.finditer(line):
        word, s = m.group(), m.start()
        if _unbreakable(word):
            yield s, m.end()
            continue
        cuts = [0, *(b.start() for b in _BREAK.finditer(word)), len(word)]
        for a, b in zip(cuts, cuts[1:]):
            yield s + a, s + b


def pieces(text: str) -> list[str]:
    """The unbreakable pieces of a text (what a test may expect to find whole in any rendering)."""
    return [line[a:b] for line in text.split("\n") for a, b in units(line)]


def wrap_spans(line: str, width: int) -> list[tuple[int, int]]:
    """Greedy line breaks for one line: (start, end) spans, none longer than ``width`` unless one piece is."""
    line = line.rstrip()
    if len(line) <= width:
        return [(0, len(line))]
    spans: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for s, e in units(line):
        if cur is None:
            cur = [0 if not spans else s, e]  # the first line keeps its indentation
        elif e - cur[0] <= width:
            cur[1] = e
        else:
            spans.append((cur[0], cur[1]))
            cur = [s, e]
    if cur is not None:
        spans.append((cur[0], cur[1]))
    return spans or [(0, 0)]


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` characters, broken only between pieces."""
    out: list[str] = []
    for line in text.split("\n"):
        out += [line[a:b] for a, b in wrap_spans(line, width)]
    return out


def min_width(text: str) -> int:
    """The narrowest width that holds ``text`` without breaking a piece."""
    best = 0
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        for i, (a, b) in enumerate(units(line)):
            best = max(best, b - a + (indent if i == 0 else 0))
    return best


def max_width(text: str) -> int:
    return max((len(line.rstrip()) for line in text.split("\n")), default=0)


def allocate(mins: Sequence[int], maxs: Sequence[int], available: int, even: bool = False) -> list[int] | None:
    """Column widths between ``mins`` and ``maxs`` that add up to at most ``available`` (None: cannot).

    ``even``: widen the narrowest column first, so that columns of like things (a comparison) stay alike.
    """
    if sum(mins) > available:
        return None
    widths = list(mins)
    spare = available - sum(widths)
    if even:
        while spare > 0:
            wants = [(widths[i], -maxs[i], i) for i in range(len(widths)) if widths[i] < maxs[i]]
            if not wants:
                break
            _, _, i = min(wants)
            widths[i] += 1
            spare -= 1
        return widths
    # short columns (amounts, periods, marks, codes) first get their whole width, cheapest first ...
    for i in sorted(range(len(widths)), key=lambda i: maxs[i] - widths[i]):
        need = maxs[i] - widths[i]
        if maxs[i] <= SHORT and 0 < need <= spare:
            widths[i] = maxs[i]
            spare -= need
    # ... then the spare width is shared in proportion to what each column still wants, one pass at a
    # time so that no column passes its natural width
    while spare > 0:
        wants = [maxs[i] - widths[i] for i in range(len(widths))]
        total = sum(w for w in wants if w > 0)
        if total == 0:
            break
        if total <= spare:
            widths = [max(w, m) for w, m in zip(widths, maxs)]
            break
        grant = [int(spare * w / total) if w > 0 else 0 for w in wants]
        if not any(grant):  # the last few columns: one each, the hungriest first
            for i in sorted(range(len(widths)), key=lambda i: -wants[i])[:spare]:
                if wants[i] > 0:
                    grant[i] = 1
        widths = [w + g for w, g in zip(widths, grant)]
        spare -= sum(grant)
    return widths


# --------------------------------------------------------------------------- Rich tables


def _plain(cell: Any) -> str | None:
    from rich.text import Text

    if isinstance(cell, str):
        return cell
    if isinstance(cell, Text):
        return cell.plain
    return None


def _rewrap(cell: Any, width: int) -> Any:
    from rich.text import Text

    if isinstance(cell, str):
        return "\n".join(wrap(cell, width))
    if isinstance(cell, Text):
        plain = cell.plain
        if max_width(plain) <= width:
            return cell
        lines = []
        pos = 0
        for line in plain.split("\n"):
            for a, b in wrap_spans(line, width):
                lines.append(cell[pos + a : pos + b])
            pos += len(line) + 1
        return Text("\n").join(lines)
    return cell


def fit_table(table: Any, width: int, even: bool = False) -> bool:
    """Give every column of a Rich table a width so that it fits ``width`` with no piece broken.

    Cells are wrapped here, at the places :func:`units` allows; Rich then has nothing left to fold.
    Returns False (the table untouched) when the longest pieces of the columns cannot fit side by side.
    A table holding anything but text is left to Rich (True).
    """
    cols = table.columns
    if not cols:
        return True
    texts: list[list[str]] = []
    for c in cols:
        cells = ([c.header] if table.show_header else []) + list(c._cells)
        plain = [_plain(x) for x in cells]
        if any(p is None for p in plain):
            return True
        texts.append([p or "" for p in plain])
    pads = sum(table._get_padding_width(i) for i in range(len(cols)))
    available = width - table._extra_width - pads
    maxs = [max([max_width(t) for t in ts] + [1]) for ts in texts]
    mins = [
        hi if c.no_wrap else max([min_width(t) for t in ts] + [c.min_width or 0, 1])  # no_wrap: kept whole
        for c, ts, hi in zip(cols, texts, maxs)
    ]
    maxs = [max(lo, min(hi, c.max_width)) if c.max_width else hi for c, lo, hi in zip(cols, mins, maxs)]
    widths = allocate(mins, maxs, available, even)
    if widths is None:
        return False
    for c, w in zip(cols, widths):
        c.width = w
        c.min_width = None
        c.max_width = None
        c.no_wrap = True
        c.overflow = "ignore"
        if table.show_header:
            c.header = _rewrap(c.header, w)
        c._cells = [_rewrap(x, w) for x in c._cells]
    return True


def records_text(table: Any, width: int, bold: bool = False) -> str:
    """The rows of ``table`` as blocks of ``header  value`` lines, for a width that cannot hold the columns.

    Values wrap under themselves at the places :func:`units` allows; a piece longer than the line (a long
    URL) is printed whole on a line of its own rather than cut.
    """
    headers = [(_plain(c.header) or "").replace("\n", " ") for c in table.columns]
    key_w = max((len(h) for h in headers), default=0) + 2
    out: list[str] = []
    title = _plain(table.title) if table.title is not None else None
    if title:
        out += wrap(title, width)
    rows = list(zip(*[c._cells for c in table.columns])) if table.columns else []
    for n, row in enumerate(rows):
        if n or title:
            out.append("")
        for h, cell in zip(headers, row):
            text = (_plain(cell) or "").strip()
            if not text:
                continue
            lines = wrap(text, max(width - key_w, 20))
            label = f"\x1b[1m{h}\x1b[0m" + " " * (key_w - len(h)) if bold else h.ljust(key_w)
            out.append((label + lines[0]).rstrip())
            out += [" " * key_w + line for line in lines[1:]]
    return "\n".join(out) + "\n"


def lines_text(table: Any, width: int) -> str | None:
    """A header-less table of one or two text columns (label, value) as plain lines (None: not such a table).

    For a card whose values hold a piece longer than the value column (a long URL): the piece is printed
    whole, past the edge, instead of cut.
    """
    cols = table.columns
    if table.show_header or not 1 <= len(cols) <= 2:
        return None
    cells = [[_plain(x) for x in c._cells] for c in cols]
    if any(x is None for col in cells for x in col):
        return None
    out: list[str] = []
    title = _plain(table.title) if table.title is not None else None
    if title:
        out += wrap(title, width)
    if len(cols) == 1:
        for text in cells[0]:
            out += wrap(text or "", width) if text else [""]
        return "\n".join(out) + "\n"
    key_w = max((len(x or "") for x in cells[0]), default=0) + 2
    for label, value in zip(*cells):
        lines = wrap(value or "", max(width - key_w, 20)) if value else [""]
        out.append(((label or "").ljust(key_w) + lines[0]).rstrip())
        out += [" " * key_w + line for line in lines[1:]]
    return "\n".join(out) + "\n"
