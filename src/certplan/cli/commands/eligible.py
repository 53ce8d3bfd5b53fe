"""eligible and profile: am I eligible, and the saved answers the personal commands use."""

from enum import Enum
from typing import Annotated, Any, Optional

import typer

from certplan.cli import common
from certplan.cli.common import err, load
from certplan.cli.completion import completer
from certplan.cli.options import Output, ProfileFlags, output_options, with_profile_options
from certplan.cli.person_input import (
    check_refs,
    config_dir,
    flag_dict,
    normalise_held,
    resolve_profile,
    saved_profile,
)
from certplan.exitcodes import ExitCode

profile_app = typer.Typer(
    help="Save the answers eligible, plan, path and cost use by default.", rich_markup_mode=None, no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.command("eligible")(eligible_cmd)
    app.add_typer(profile_app, name="profile")


class StatusChoice(str, Enum):
    held = "held"
    eligible = "eligible"
    apprentice = "apprentice"
    not_eligible = "not-eligible"


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


@output_options()
@with_profile_options()
def eligible_cmd(
    ctx: typer.Context,
    codes: Annotated[
        Optional[list[str]],
        typer.Argument(help="Only these credentials (default: every current one).", autocompletion=completer("codes")),
    ] = None,
    profile: ProfileFlags = None,
    status: Annotated[
        Optional[list[StatusChoice]],
        typer.Option(
            "--status",
            help="Only these statuses (repeatable).",
            autocompletion=completer("eligible-statuses", tuple(s.value for s in StatusChoice)),
        ),
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
    *,
    out: Output,
):
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
    from certplan.output.render import Column
    from certplan.output.result import Result

    f = out.format
    cat = load(ctx)
    creds = None
    if codes:
        found, unknown = lookup.find_many(cat, codes)
        if unknown:
            common.unknown_codes_exit(unknown)
        creds = list({c.code: c for c in found}.values())
    wanted = {s.value for s in status} if status else None
    if profiles is not None:
        _batch(cat, profiles, profile, creds, wanted, strict, f, out.ctx)
        return None
    person = resolve_profile(cat, profile)
    results = eligibility.evaluate_all(cat, person, creds)
    if wanted:
        results = [r for r in results if r["status"] in wanted]
    cols = [
        Column(k, h, max_width=45 if k in ("missing", "pathway", "apprentice", "to_do") else None)
        for k, h in ELIGIBLE_COLUMNS
    ]
    flat = [_flat(r) for r in results]
    order = ["held", "eligible", "apprentice", "not-eligible"]
    groups = [(f"{s} ({sum(r['status'] == s for r in flat)})", [r for r in flat if r["status"] == s]) for s in order]
    groups = [g for g in groups if g[1]]
    res = Result(
        data=results,
        rows=flat,
        columns=[*cols, Column("advice", "Advice")],
        table_columns=[c for c in cols if c.key != "status"],
        groups=groups,
    )
    if not groups and f == "table":
        res.render["table"] = lambda ctx: None
        res.notes.append("no credential matches those filters")
    return res


def _batch(cat, path, profile: ProfileFlags, creds, wanted, strict: bool, f: str, o) -> None:
    from certplan.core import eligibility
    from certplan.store.profile import ProfileError, read_batch

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
    from certplan.store.profile import EDUCATION, PROGRAMS

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
    from certplan.cli.options import env_of
    from certplan.store.profile import ProfileError, merge, save

    cat = load(ctx)
    if profile.given():
        data = merge(saved_profile(), flag_dict(profile))
    elif env_of(ctx).stdin_isatty:
        data = _interactive(cat)
    else:
        common.fail_usage("no profile flags given (and stdin is not a terminal, so no questions are asked)")
    problem = check_refs(cat, data)
    if problem:
        common.fail_usage(problem)
    data = normalise_held(cat, data)
    try:
        path = save(data, config_dir())
    except (ProfileError, OSError) as exc:
        err(f"certplan: cannot save the profile: {exc}")
        raise typer.Exit(ExitCode.OUTPUT) from None
    err(f"certplan: profile saved to {path}")


@profile_app.command("show")
@output_options(formats=("table", "json"))
def profile_show(*, out: Output):
    """Show the saved profile (and where it is stored).

    \b
    Examples:
      certplan profile show
      certplan profile show --json
    """
    from certplan.output.result import Result
    from certplan.store.profile import profile_path, to_profile

    data = saved_profile()
    person, _ = to_profile(data) if data else to_profile({"education": "high-school"})
    where = profile_path(config_dir())
    d = person.to_dict()
    if not data:
        d = {k: None if k in ("education",) else v for k, v in d.items()}
        res = Result(data=d, render={"table": lambda ctx: None})
        if out.format == "table":
            res.notes.append(f"no saved profile ({where}); set one with 'certplan profile set'")
        return res
    lines = "".join(
        f"{k.replace('_', ' ')}: {', '.join(v) if isinstance(v, list) else ('unknown' if v is None else v)}\n"
        for k, v in d.items()
    )
    res = Result(data=d, render={"table": lambda ctx: ctx.stdout.write(lines)})
    if out.format == "table":
        res.notes.append(f"stored in {where}")
    return res


@profile_app.command("clear")
def profile_clear() -> None:
    """Delete the saved profile.

    \b
    Examples:
      certplan profile clear
    """
    from certplan.store.profile import ProfileError, clear, profile_path

    try:
        removed = clear(config_dir())
    except ProfileError as exc:
        err(f"certplan: cannot clear the profile: {exc}")
        raise typer.Exit(ExitCode.OUTPUT) from None
    if removed:
        err(f"certplan: profile removed ({profile_path(config_dir())})")
    else:
        err("certplan: there was no saved profile")
