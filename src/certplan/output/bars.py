"""A horizontal bar chart in plain text, and numbered source notes ([1] URL) for figures.

Every bar carries its own label (what the figure is, its period and population) and a source mark; groups
have a heading naming the statistic, so figures of different statistics are never drawn as if comparable.
All bars share one scale (the largest amount), so lengths are honest across groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from certplan.output.render import OutputContext

BAR = "█"
MIN_BAR = 10


URL = re.compile(r"https?://[^\s;,)]+[^\s;,.)]")
CITED = re.compile(r"(?:\s*;\s*|\s+-\s+source:\s*|\s+)?(" + URL.pattern + ")")


@dataclass
class Footnotes:
    """Numbers sources in order of first use: ``ref(url)`` gives ``[n]``; ``lines()`` lists them once.

    ``known(sources)`` tells it what the catalog says of each URL (kind, tier, date, date kind), so the
    list at the end reads ``[1] official, tier 1, checked 2026-11-27: https://...``.
    """

    kinds: dict[str, str | None] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    info: dict[str, dict[str, Any]] = field(default_factory=dict)

    def known(self, sources: Sequence[dict[str, Any]]) -> Footnotes:
        for s in sources:
            if s.get("url"):
                self.info.setdefault(s["url"], s)
        return self

    def ref(self, url: str | None, kind: str | None = None) -> str:
        if not url:
            return "no source"
        if url not in self.order:
            self.order.append(url)
            self.kinds[url] = kind
        elif kind and not self.kinds.get(url):
            self.kinds[url] = kind
        return f"[{self.order.index(url) + 1}]"

    def cite(self, text: str) -> str:
        """``text`` with every URL in it replaced by its footnote mark."""
        return CITED.sub(lambda m: " " + self.ref(m.group(1)), text).strip()

    def describe(self, url: str) -> str:
        s = self.info.get(url, {})
        parts = [p for p in (self.kinds.get(url) or s.get("kind"),) if p]
        if s.get("tier"):
            parts.append(f"tier {s['tier']}")
        if s.get("date"):
            parts.append(f"{s.get('date_kind') or 'dated'} {s['date']}")
        return ", ".join(parts)

    def lines(self) -> list[str]:
        out = []
        for i, url in enumerate(self.order, 1):
            about = self.describe(url)
            out.append(f"[{i}] {about}: {url}" if about else f"[{i}] {url}")
        return out

    def write(self, ctx: OutputContext, title: str = "Sources") -> None:
        """The list, once, at the end; a URL that does not fit after its description goes on its own line."""
        if not self.order:
            return
        width = ctx.width or ctx.console().width
        text = [f"\n{title}:\n"]
        for line in self.lines():
            if len(line) + 2 > width and ": http" in line:
                head, url = line.split(": http", 1)
                pad = " " * (len(head.split(" ", 1)[0]) + 3)
                text.append(f"  {head}:\n{pad}http{url}\n")
            else:
                text.append(f"  {line}\n")
        ctx.stdout.write("".join(text))


@dataclass
class Bar:
    label: str
    amount: float
    value: str


def bar_lines(groups: Sequence[tuple[str, Sequence[Bar]]], width: int) -> list[str]:
    """The chart as text lines, ``width`` columns at most (labels go on their own line when it is narrow)."""
    bars = [b for _, bs in groups for b in bs]
    if not bars:
        return []
    top = max(b.amount for b in bars) or 1.0
    label_w = max(len(b.label) for b in bars)
    value_w = max(len(b.value) for b in bars)
    inline = 2 + label_w + 1 + MIN_BAR + 1 + value_w <= width
    bar_w = (width - (2 + label_w + 1) - 1 - value_w) if inline else (width - 4 - 1 - value_w)
    bar_w = max(bar_w, 1)
    out: list[str] = []
    for title, bs in groups:
        out.append(title)
        for b in bs:
            n = max(1, round(b.amount / top * bar_w)) if b.amount > 0 else 0
            drawn = (BAR * n).ljust(bar_w)
            if inline:
                out.append(f"  {b.label.ljust(label_w)} {drawn} {b.value}".rstrip())
            else:
                from certplan.output.fit import wrap

                out += [f"  {line}" for line in wrap(b.label, max(width - 2, 20))]
                out.append(f"    {drawn} {b.value}".rstrip())
    return out


def render_bars(
    groups: Sequence[tuple[str, Sequence[Bar]]], ctx: OutputContext, title: str | None = None, note: str | None = None
) -> None:
    width = ctx.width or ctx.console().width
    lines = bar_lines(groups, width)
    if not lines:
        return
    import textwrap

    for text in (title, note):
        if text:
            ctx.stdout.write(textwrap.fill(text, width, break_long_words=False) + "\n")
    ctx.stdout.write("\n".join(lines) + "\n")


def chart_from(groups: list[dict[str, Any]], notes: Footnotes, money) -> list[tuple[str, list[Bar]]]:
    """Bars from ``core.pay.chart_groups`` output."""
    out = []
    for g in groups:
        bars = []
        for b in g["bars"]:
            label = f"{b['subject']}  {b['period']}, {b['population']}" + (" (dated)" if b["dated"] else "")
            bars.append(Bar(label, b["amount"], f"{money(b['amount'])} {notes.ref(b['source'], b['source_kind'])}"))
        out.append((g["title"], bars))
    return out
