"""eligible and profile."""

import sys
from enum import Enum
from typing import Annotated, Any, Optional

import typer

from certplan.cli import common
from certplan.cli.app import _complete_codes, app
from certplan.cli.common import FormatOpt, JsonOpt, err, fmt_of, load, out
from certplan.cli.profile_opts import ProfileFlags, with_profile_options
from certplan.exitcodes import ExitCode

profile_app = typer.Typer(
    help="Save the answers eligible, plan, path and cost use by default.", rich_markup_mode=None, no_args_is_help=True
)
app.add_typer(profile_app, name="profile")


class StatusChoice(str, Enum):
    held = "held"
    eligible = "eligible"
    apprentice = "apprentice"
    not_eligible = "not-eligible"


def _flag_dict(f: ProfileFlags) -> dict[str, Any]:
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


def _saved() -> dict[str, Any]:
    from certplan.profile import ProfileError, load_saved

    try:
        return load_saved()
    except ProfileError as exc:
        err(f"certplan: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None


def _check_refs(cat, data: dict[str, Any], where: str = "") -> str | None:
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


def _normalise_held(cat, data: dict[str, Any]) -> dict[str, Any]:
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


def person_layers(f: ProfileFlags) -> list[tuple[str, dict[str, Any]]]:
    """What each place says about the person, lowest priority first: saved profile, then flags."""
    return [(PLACE_SAVED, _saved()), (PLACE_FLAGS, _flag_dict(f))]


def resolve_person(cat, layers: list[tuple[str, dict[str, Any]]], quiet: bool = False):
    """One Person from the layers (core.person.build); says on stderr where the answers came from."""
    from certplan.core.person import PersonError, build

    try:
        res = build(cat, layers)
    except PersonError as exc:
        if exc.where == PLACE_SAVED:
            from certplan.profile import profile_path

            common.fail_usage(f"saved profile ({profile_path()}): {exc}; fix it with 'certplan profile set'")
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


ELIGIBLE_COLUMNS = (
    ("code", "Code"),
    ("status", "Status"),
    ("pathway", "Pathway"),
    ("missing", "Missing"),
    ("months_until_eligible", "Months"),
    ("apprentice", "Apprentice"),
    ("to_do", "To do"),
)


def _flat(r: dict[str, Any]) -> dict[str, Any]:
    a = r["apprentice"]
    appr = ""
    if a:
        m = a["months_to_full_credential"]
        appr = f"{a['designation']} until {a['removal_pathway']}" + (f" ({m} months)" if m is not None else "")
    return {
        "code": r["code"],
        "name": r["name"],
        "status": r["status"],
        "pathway": r["pathway"]["text"] if r["pathway"] else "",
        "missing": "; ".join(r["missing"]) or "-",
        "months_until_eligible": "" if r["months_until_eligible"] is None else r["months_until_eligible"],
        "apprentice": appr or "-",
        "to_do": "; ".join(r["to_do"]) or "-",
        "advice": "; ".join(r["advice"]),
    }


@app.command("eligible")
@with_profile_options()
def eligible_cmd(
    ctx: typer.Context,
    codes: Annotated[
        Optional[list[str]],
        typer.Argument(help="Only these credentials (default: every current one).", autocompletion=_complete_codes),
    ] = None,
    profile: ProfileFlags = None,
    status: Annotated[
        Optional[list[StatusChoice]], typer.Option("--status", help="Only these statuses (repeatable).")
    ] = None,
    profiles: Annotated[
        Optional[str],
        typer.Option(
            "--profiles", help="CSV or YAML file, one person per row, with a name or id column.", metavar="FILE"
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="With --profiles: a bad row fails the run (exit 2).")
    ] = False,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Am I eligible? For each credential: status, the pathway, what is missing, months to go.

    Status is eligible, apprentice (you may sit now; passing gives an apprentice
    designation such as CPC-A until experience is shown) or not-eligible. Recommended
    preparation is shown as advice and never blocks. Without flags, the saved profile
    (certplan profile set) is used.

    \b
    Examples:
      certplan eligible --experience 2
      certplan eligible CPC CCS --experience 1
      certplan eligible --education associate --accredited-program associate --json
      certplan eligible --profiles students.csv --format csv
    """
    from certplan.core import eligibility, lookup

    f = fmt_of(json_, fmt)
    cat = load(ctx)
    creds = None
    if codes:
        found, unknown = lookup.find_many(cat, codes)
        if unknown:
            common.unknown_codes_exit(unknown)
        creds = list({c.code: c for c in found}.values())
    wanted = {s.value for s in status} if status else None
    o = out()
    if profiles is not None:
        _batch(cat, profiles, profile, creds, wanted, strict, f, o)
        return
    person = resolve_profile(cat, profile)
    results = eligibility.evaluate_all(cat, person, creds)
    if wanted:
        results = [r for r in results if r["status"] in wanted]
    if f == "json":
        from certplan.output.render import write_json

        write_json(results, o)
        return
    from certplan.output.render import Column, write_rows

    cols = [
        Column(k, h, max_width=45 if k in ("missing", "pathway", "apprentice", "to_do") else None)
        for k, h in ELIGIBLE_COLUMNS
    ]
    flat = [_flat(r) for r in results]
    if f in ("csv", "markdown"):
        write_rows(flat, [*cols, Column("advice", "Advice")], f, o)
        return
    order = ["held", "eligible", "apprentice", "not-eligible"]
    groups = [(f"{s} ({sum(r['status'] == s for r in flat)})", [r for r in flat if r["status"] == s]) for s in order]
    groups = [g for g in groups if g[1]]
    if not groups:
        err("certplan: no credential matches those filters")
        return
    write_rows(flat, [c for c in cols if c.key != "status"], "table", o, groups=groups)


def _batch(cat, path, profile: ProfileFlags, creds, wanted, strict: bool, f: str, o) -> None:
    from certplan.core import eligibility
    from certplan.profile import ProfileError, read_batch

    if profile.given():
        common.fail_usage("--profiles reads each person from the file; profile flags cannot be combined with it")
    try:
        rows = read_batch(path)
    except ProfileError as exc:
        common.fail_usage(str(exc))
    bad = []
    answers = []
    from certplan.core.person import PersonError, build

    for row in rows:
        problem = row.error
        person = None
        if problem is None:
            try:
                person = build(cat, [("row", row.data or {})]).person
            except PersonError as exc:
                problem = f"{exc.field}: {exc}" if exc.field in ("held", "member") else str(exc)
        if problem is not None:
            where = f"line {row.line}" if row.line else f"person {row.number}"
            label = f" ({row.id})" if row.id else ""
            bad.append(f"{path}: row {row.number}{label}, {where}: {problem}")
            continue
        results = eligibility.evaluate_all(cat, person, creds)
        if wanted:
            results = [r for r in results if r["status"] in wanted]
        answers.append({"id": row.id, "results": results})
    for b in bad:
        err(b)
    if bad and strict:
        err(f"certplan: {len(bad)} bad row(s); nothing written (--strict)")
        raise typer.Exit(ExitCode.USAGE)
    if f == "json":
        from certplan.output.render import write_json

        write_json(answers, o)
    else:
        from certplan.output.render import Column, write_rows

        flat = []
        for a in answers:
            for r in a["results"]:
                flat.append({"id": a["id"], **_flat(r)})
        cols = [Column("id", "Person"), *[Column(k, h, max_width=40) for k, h in ELIGIBLE_COLUMNS]]
        write_rows(flat, cols, f, o)
    err(
        f"certplan: {len(rows)} people read, {len(answers)} answered, {len(bad)} skipped"
        + (" (see the rows above)" if bad else "")
    )


# --------------------------------------------------------------------------- profile


def _interactive(cat) -> dict[str, Any]:
    from certplan.profile import EDUCATION, PROGRAMS

    def ask(q: str, default: str, check) -> Any:
        while True:
            ans = typer.prompt(q, default=default, show_default=True, err=True)
            try:
                return check(ans)
            except ValueError as exc:
                err(f"  {exc}")

    def choice(opts):
        def c(a):
            a = a.strip().lower()
            if a in ("", "-") and "" in opts:
                return None
            if a not in opts:
                raise ValueError("choose one of: " + ", ".join(o for o in opts if o))
            return a

        return c

    def number(a):
        v = float(a)
        if not 0 <= v <= 60:
            raise ValueError("give years from 0 to 60")
        return v

    def codes(a):
        return [x.strip().upper() for x in a.replace(";", ",").split(",") if x.strip()]

    data = {
        "education": ask("Highest education (" + "/".join(EDUCATION) + ")", "high-school", choice(EDUCATION)),
        "accredited_program": ask(
            "CAHIIM-accredited HIM program completed (" + "/".join(PROGRAMS) + ", or - for none)",
            "-",
            choice((*PROGRAMS, "")),
        ),
        "experience_years": ask("Years of work experience", "0", number),
        "experience_kinds": codes(ask("Kinds of experience (comma separated, e.g. coding,billing)", "coding", str)),
        "held": codes(ask("Credentials you hold (comma separated, or -)", "-", lambda a: "" if a == "-" else a)),
        "course_hours": int(ask("Hours of coding coursework completed", "0", lambda a: str(int(a)))),
        "practicode": ask("Completed Practicode? (yes/no)", "no", choice(("yes", "no"))) == "yes",
        "member": codes(
            ask("Bodies you are a member of (comma separated, or -)", "-", lambda a: "" if a == "-" else a)
        ),
    }
    data["experience_kinds"] = [k.lower() for k in data["experience_kinds"]]
    return {k: v for k, v in data.items() if v not in (None, [])}


@profile_app.command("set")
@with_profile_options()
def profile_set(
    ctx: typer.Context,
    profile: ProfileFlags = None,
) -> None:
    """Save your profile. Flags update the saved values; with no flags on a terminal, asks.

    \b
    Examples:
      certplan profile set --experience 1 --held CPC
      certplan profile set --education associate --accredited-program associate
    """
    from certplan.profile import ProfileError, merge, save

    cat = load(ctx)
    if profile.given():
        data = merge(_saved(), _flag_dict(profile))
    elif sys.stdin.isatty():
        data = _interactive(cat)
    else:
        common.fail_usage("no profile flags given (and stdin is not a terminal, so no questions are asked)")
    problem = _check_refs(cat, data)
    if problem:
        common.fail_usage(problem)
    data = _normalise_held(cat, data)
    try:
        path = save(data)
    except (ProfileError, OSError) as exc:
        err(f"certplan: cannot save the profile: {exc}")
        raise typer.Exit(ExitCode.ERROR) from None
    err(f"certplan: profile saved to {path}")


@profile_app.command("show")
def profile_show(json_: JsonOpt = False) -> None:
    """Show the saved profile (and where it is stored).

    \b
    Examples:
      certplan profile show
      certplan profile show --json
    """
    from certplan.profile import profile_path, to_profile

    data = _saved()
    person, _ = to_profile(data) if data else to_profile({"education": "high-school"})
    o = out()
    if json_:
        from certplan.output.render import write_json

        d = person.to_dict()
        if not data:
            d = {k: None if k in ("education",) else v for k, v in d.items()}
        write_json(d, o)
        return
    if not data:
        err(f"certplan: no saved profile ({profile_path()}); set one with 'certplan profile set'")
        return
    for k, v in person.to_dict().items():
        shown = ", ".join(v) if isinstance(v, list) else ("unknown" if v is None else v)
        o.stdout.write(f"{k.replace('_', ' ')}: {shown}\n")
    err(f"certplan: stored in {profile_path()}")


@profile_app.command("clear")
def profile_clear() -> None:
    """Delete the saved profile.

    \b
    Examples:
      certplan profile clear
    """
    from certplan.profile import clear, profile_path

    if clear():
        err(f"certplan: profile removed ({profile_path()})")
    else:
        err("certplan: there was no saved profile")
