"""Reading what people type: education words, money, codes with filler words, option names.

One-line errors (exit 2) through ``common.fail_usage``; the vocabularies live in ``catalog.vocab``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from certplan.catalog.vocab import EDUCATION_LEVELS, EDUCATION_WORDS, FILLER_WORDS, words_key

EDUCATION_HINT = "HS, GED, diploma, AA, AS, associate's, BA, BS, bachelor's, MA, MS, master's, PhD also work"


def education_level(typed: str) -> str:
    """The education level for what was typed (``high school``, ``GED``, ``BS``...); ValueError if unknown."""
    level = EDUCATION_WORDS.get(words_key(typed))
    if level is None:
        key = words_key(typed)
        for suffix in (" degree", " diploma", " graduate"):
            if key.endswith(suffix) and key[: -len(suffix)] in EDUCATION_WORDS:
                return EDUCATION_WORDS[key[: -len(suffix)]]
        raise ValueError(
            f"{typed!r} is not an education level; say one of: {', '.join(EDUCATION_LEVELS)} ({EDUCATION_HINT})"
        )
    return level


_MONEY = re.compile(r"^(?:us)?\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s*(?:usd|dollars?)?$")


def money_amount(typed: str) -> float:
    """Dollars from ``500``, ``$500``, ``500.00``, ``1,200``, ``$1,200.50``, ``500 USD``; ValueError if not money."""
    t = typed.strip().lower().replace(" ", "") if typed else ""
    t = re.sub(r"(usd|dollars?)$", "", t)
    m = _MONEY.match(t)
    if not m:
        raise ValueError(f"{typed!r} is not an amount of dollars (e.g. 500, $500, 1,200 or 500.00)")
    return float(m.group(1).replace(",", "") + (m.group(2) or ""))


def codes_typed(args: Iterable[str]) -> list[str]:
    """The codes in what was typed, without filler words or commas: ``cpc vs ccs`` -> [cpc, ccs]."""
    out: list[str] = []
    for arg in args:
        parts = [arg] if " " in arg.strip() and "," not in arg else arg.split(",")
        for part in parts:
            p = part.strip()
            if p and p.lower().rstrip(".") not in FILLER_WORDS:
                out.append(p)
    return out


# Option names people reach for, and the option that means it.
OPTION_SYNONYMS = {
    "--years": ("--experience", "--years-experience"),
    "--year": ("--experience",),
    "--yrs": ("--experience",),
    "--exp": ("--experience",),
    "--experience-years": ("--experience",),
    "--years-experience": ("--experience",),
    "--years-of-experience": ("--experience",),
    "--work-experience": ("--experience",),
    "--degree": ("--education",),
    "--edu": ("--education",),
    "--school": ("--education",),
    "--diploma": ("--education",),
    "--max-cost": ("--budget",),
    "--cost": ("--budget",),
    "--price": ("--budget",),
    "--money": ("--budget",),
    "--membership": ("--member",),
    "--non-member": ("--basis",),  # the old fee switch: --basis member|non-member
    "--body": ("--body", "--member"),
    "--holds": ("--held",),
    "--hold": ("--held",),
    "--have": ("--held",),
    "--credential": ("--held",),
    "--credentials": ("--held",),
    "--hours": ("--hours-per-week", "--course-hours", "--clinical-hours"),
    "--settings": ("--setting",),
    "--where": ("--setting",),
    "--months": ("--within",),
    "--csv": ("--format",),
    "--md": ("--format",),
    "--markdown": ("--format",),
    "--output": ("--format", "--ics"),
}


def nearest_option(typed: str, available: Sequence[str]) -> str | None:
    """The option most likely meant by ``typed`` among ``available`` (None when nothing is close)."""
    name = typed.split("=", 1)[0].lower()
    for target in OPTION_SYNONYMS.get(name, ()):
        if target in available:
            return target
    longs = [o for o in available if o.startswith("--")]
    prefix = [o for o in longs if len(name) > 3 and o.startswith(name)]
    if len(prefix) == 1:
        return prefix[0]
    close = difflib.get_close_matches(name, longs, n=1, cutoff=0.6)
    return close[0] if close else None


def choices(opt: str, values: list[str] | None, allowed) -> tuple[str, ...]:
    """Repeatable, comma-separated choices (--setting, --focus); exit 2 naming an unknown one, with a hint."""
    from certplan.cli import common

    out = []
    for v in values or []:
        for part in v.split(","):
            part = part.strip().lower()
            if not part:
                continue
            if part not in allowed:
                from certplan.core.lookup import suggest

                hint = suggest(part, allowed, n=1)
                common.fail_usage(
                    f"{opt} {part!r} is not one of: {', '.join(allowed)}"
                    + (f" (did you mean {hint[0]}?)" if hint else "")
                )
            out.append(part)
    return tuple(dict.fromkeys(out))
