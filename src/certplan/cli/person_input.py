"""The person a command is about: the saved profile overridden by the profile flags.

One place for every command that needs a person (eligible, profile set, plan, path, cost, recommend);
the lead is rewriting the core Person behind it.
"""

from typing import Any

import typer

from certplan.cli import common
from certplan.cli.common import err
from certplan.cli.options import ProfileFlags
from certplan.exitcodes import ExitCode


def flag_dict(f: ProfileFlags) -> dict[str, Any]:
    return {
        "education": f.education,
        "accredited_program": f.accredited_program,
        "experience_years": f.experience,
        "experience_kinds": f.experience_kinds,
        "held": f.held,
        "course_hours": f.course_hours,
        "practicode": f.practicode,
        "member": f.member,
        "clinical_hours": f.clinical_hours,
    }


def config_dir():
    """Where the saved profile lives: the running command's Environment (None: the default place)."""
    from certplan.cli.env import current

    return current().config_dir


def saved_profile() -> dict[str, Any]:
    from certplan.store.profile import ProfileError, load_saved

    try:
        return load_saved(config_dir())
    except ProfileError as exc:
        err(f"certplan: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None


def check_refs(cat, data: dict[str, Any], where: str = "") -> str | None:
    """A message if the profile names an unknown credential or body, else None."""
    from certplan.core.lookup import UnknownCode, find, suggest

    for code in data.get("held") or []:
        try:
            find(cat, code)
        except UnknownCode as exc:
            return f"{where}held: {exc.message()}"
    bodies = {b.code.upper() for b in cat.bodies}
    for m in data.get("member") or []:
        if m.upper() not in bodies:
            hint = suggest(m, [b.code for b in cat.bodies])
            return f"{where}member: unknown body {m!r}" + (f"; did you mean {', '.join(hint)}?" if hint else "")
    return None


def normalise_held(cat, data: dict[str, Any]) -> dict[str, Any]:
    from certplan.core.lookup import find

    if data.get("held"):
        data = dict(data)
        data["held"] = [find(cat, c).code for c in data["held"]]
    return data


def resolve_profile(cat, f: ProfileFlags, quiet: bool = False):
    """The person: saved profile overridden by flags; assumptions said on stderr."""
    from certplan.store.profile import merge, to_profile

    data = merge(saved_profile(), flag_dict(f))
    problem = check_refs(cat, data)
    if problem:
        common.fail_usage(problem)
    person, notes = to_profile(normalise_held(cat, data))
    if not quiet:
        for n in notes:
            err(f"certplan: {n}")
    return person
