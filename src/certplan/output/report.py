"""Printable reports per student (HTML or Markdown) from Jinja2 templates shipped in the package.

HTML is autoescaped (names come from a spreadsheet and are untrusted); Markdown text goes
through the ``md`` filter, which escapes Markdown punctuation and HTML. Pages are
self-contained: inline CSS and SVG, no JavaScript, no network, no CDN.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

TEMPLATES = "output/templates"


def money(v: float | None) -> str:
    if v is None:
        return "unknown"
    if float(v).is_integer():
        return f"${int(v):,}"
    return f"${v:,.2f}"


_MD = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md(text: Any) -> str:
    """Text safe inside Markdown: punctuation escaped, < > & as entities, one line."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD.sub(r"\\\1", s)
    return " ".join(s.split())


@lru_cache(maxsize=2)
def environment(markdown: bool = False):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("certplan", TEMPLATES),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=markdown,
        lstrip_blocks=markdown,
        keep_trailing_newline=True,
    )
    env.globals["money"] = money
    env.filters["md"] = md
    return env


def student_page(s: dict[str, Any], generated_on: str, fmt: str = "html") -> str:
    if fmt == "markdown":
        return environment(True).get_template("student.md.j2").render(s=s, generated_on=generated_on)
    return environment().get_template("student.html.j2").render(s=s, generated_on=generated_on)


def student_section(s: dict[str, Any], generated_on: str) -> str:
    return environment().get_template("section.html.j2").render(s=s, generated_on=generated_on)


def all_head(title: str) -> str:
    return environment().get_template("all.html.j2").render(title=title)


ALL_TAIL = "</body>\n</html>\n"


def index_page(ctx: dict[str, Any], fmt: str = "html") -> str:
    if fmt == "markdown":
        return environment(True).get_template("index.md.j2").render(**ctx)
    return environment().get_template("index.html.j2").render(**ctx)


def slug(text: str | None) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:40].strip("-")
    return s or "student"
