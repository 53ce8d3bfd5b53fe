"""The person a command is about: the saved profile overridden by the profile flags.

One place for every command that needs a person (eligible, profile set, plan, path, cost, recommend): it
gathers what each place says (saved profile, flags) and hands the layers to ``core.person.build``, which
makes the one Person; this module maps a field to its option in messages and says where answers came from.
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
        "training_program": f.training_program,
        "training_hours": f.training_hours,
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


# the option that sets each person field (for messages)
OPTION = {
    "education": "--education",
    "accredited_program": "--accredited-program",
    "experience_years": "--experience",
    "experience_kinds": "--experience-kind",
    "held": "--held",
    "course_hours": "--course-hours",
    "training_program": "--training-program",
    "training_hours": "--training-hours",
    "practicode": "--practicode",
    "member": "--member",
    "clinical_hours": "--clinical-hours",
}
PLACE_FLAGS = "the command line"
PLACE_SAVED = "the saved profile"
PLACE_TRACKER = "the tracker"


def tracker_layer(saved: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """What the tracker (certplan held / experience) says: its held credentials (with the saved profile's, so
    none is lost: one list) and the years of experience its periods add up to.  Empty without a tracker."""
    from certplan.cli.env import current
    from certplan.store.tracker import TrackerError, default_path, experience_years, person_facts

    try:
        facts = person_facts(default_path(current().environ))
    except TrackerError as exc:
        common.fail_usage(str(exc))
    layer: dict[str, Any] = {}
    if facts["held"]:
        mine = [h["designation"] or h["code"] for h in facts["held"]]  # CPC-A: CPC held as an apprentice
        layer["held"] = list(dict.fromkeys([*(saved.get("held") or []), *mine]))
    if facts["experience"]:
        layer["experience_years"], layer["experience_kinds"] = experience_years(facts["experience"], common.today())
    return [(PLACE_TRACKER, layer)] if layer else []


def person_layers(f: ProfileFlags) -> list[tuple[str, dict[str, Any]]]:
    """What each place says about the person, lowest priority first: saved profile, tracker, then flags."""
    saved = saved_profile()
    return [(PLACE_SAVED, saved), *tracker_layer(saved), (PLACE_FLAGS, flag_dict(f))]


def resolve_person(cat, layers: list[tuple[str, dict[str, Any]]], quiet: bool = False):
    """One Person from the layers (core.person.build); says on stderr where the answers came from."""
    from certplan.core.person import PersonError, build

    try:
        res = build(cat, layers)
    except PersonError as exc:
        if exc.where == PLACE_SAVED:
            from certplan.store.profile import profile_path

            common.fail_usage(
                f"saved profile ({profile_path(config_dir())}): {exc}; fix it with 'certplan profile set'"
            )
        if exc.where == PLACE_TRACKER:
            common.fail_usage(f"tracker: {exc}; fix it with 'certplan held list' / 'certplan held remove'")
        common.fail_usage(f"{OPTION.get(exc.field, exc.field)}: {exc}")
    if not quiet:
        line = res.summary()
        if line:
            err(f"certplan: {line}")
        for name, text in res.assumed:
            err(f"certplan: no {OPTION[name]} given: {text}")
        for text in res.implied:
            err(f"certplan: {text}")
    return res.person


def resolve_profile(cat, f: ProfileFlags, quiet: bool = False):
    """The person: saved profile overridden by flags; where each answer came from said on stderr."""
    return resolve_person(cat, person_layers(f), quiet)
