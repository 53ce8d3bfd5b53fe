"""The shared option sets: the person's profile flags, the output options, and their completions.

- ``with_profile_options()``: the nine profile flags of eligible, profile set, plan, path, cost and recommend;
- ``output_options(formats=...)``: ``--json``, ``--format`` with the command's real choices, and ``--fields``
  where the command takes it; the command returns a :class:`~certplan.output.result.Result` and one
  function renders it.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from certplan.cli import common
from certplan.cli.completion import completer

if TYPE_CHECKING:  # pragma: no cover
    from certplan.cli.env import Environment
    from certplan.output.render import OutputContext


class Education(str, Enum):
    none = "none"
    high_school = "high-school"
    associate = "associate"
    bachelor = "bachelor"
    master = "master"
    doctorate = "doctorate"


class Program(str, Enum):
    associate = "associate"
    bachelor = "bachelor"
    master = "master"
    post_baccalaureate = "post-baccalaureate"


PANEL = "Your profile (overrides the saved profile)"

EducationOpt = Annotated[
    Optional[str],
    typer.Option(
        "--education",
        help="Highest education completed: none, high-school, associate, bachelor, master or doctorate"
        " (also as people say it: high school, HS, GED, AA, AS, BA, BS, MS, PhD...).",
        rich_help_panel=PANEL,
        metavar="LEVEL",
        autocompletion=completer("education"),
    ),
]
ProgramOpt = Annotated[
    Optional[Program],
    typer.Option(
        "--accredited-program",
        help="A CAHIIM-accredited HIM program completed, at this level.",
        rich_help_panel=PANEL,
        case_sensitive=False,
        autocompletion=completer("programs"),
    ),
]
ExperienceOpt = Annotated[
    Optional[float],
    typer.Option(
        "--experience", help="Years of work experience (decimals allowed).", min=0, max=60, rich_help_panel=PANEL
    ),
]
KindOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--experience-kind",
        help="Kind of that experience (repeatable): coding, billing, auditing, compliance, management, cdi, "
        "data-analytics, privacy-security, clinical, scribe, healthcare, him. Default: coding.",
        rich_help_panel=PANEL,
        autocompletion=completer("experience-kinds"),
    ),
]
HeldOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--held",
        help="A credential you hold, by code (repeatable), e.g. CPC.",
        rich_help_panel=PANEL,
        autocompletion=completer("codes"),
    ),
]
CourseOpt = Annotated[
    Optional[int],
    typer.Option(
        "--course-hours", help="Hours of coding coursework completed.", min=0, max=10000, rich_help_panel=PANEL
    ),
]
TrainingOpt = Annotated[
    Optional[bool],
    typer.Option(
        "--training-program/--no-training-program",
        help="Completed a medical billing/coding training program (e.g. for NHA's CBCS).",
        rich_help_panel=PANEL,
    ),
]
TrainingHoursOpt = Annotated[
    Optional[int],
    typer.Option(
        "--training-hours",
        help="Length of that training program in hours (implies --training-program).",
        min=0,
        max=100000,
        rich_help_panel=PANEL,
    ),
]
PracticodeOpt = Annotated[
    Optional[bool],
    typer.Option("--practicode/--no-practicode", help="Completed AAPC's Practicode.", rich_help_panel=PANEL),
]
MemberOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--member",
        help="A body you are a member of (repeatable), e.g. AAPC; fees are then priced at its member rates.",
        rich_help_panel=PANEL,
        autocompletion=completer("bodies"),
        metavar="BODY",
    ),
]
ClinicalOpt = Annotated[
    Optional[int],
    typer.Option(
        "--clinical-hours",
        help="Clinical hours worked (for scribe credentials).",
        min=0,
        max=100000,
        rich_help_panel=PANEL,
    ),
]


@dataclass
class ProfileFlags:
    education: str | None = None
    accredited_program: str | None = None
    experience: float | None = None
    experience_kinds: list[str] | None = None
    held: list[str] | None = None
    course_hours: int | None = None
    training_program: bool | None = None
    training_hours: int | None = None
    practicode: bool | None = None
    member: list[str] | None = None
    clinical_hours: int | None = None

    def given(self) -> bool:
        return any(v not in (None, []) for v in self.__dict__.values())


def _education(typed: str | None) -> str | None:
    if typed is None:
        return None
    from certplan.cli.parsing import education_level

    try:
        return education_level(typed)
    except ValueError as exc:
        common.fail_usage(f"--education {exc}")


def flags(
    education: str | None,
    accredited_program: Program | None,
    experience: float | None,
    experience_kind: list[str] | None,
    held: list[str] | None,
    course_hours: int | None,
    training_program: bool | None,
    training_hours: int | None,
    practicode: bool | None,
    member: list[str] | None,
    clinical_hours: int | None,
) -> ProfileFlags:
    from certplan.catalog.vocab import EXPERIENCE_KINDS

    kinds = None
    if experience_kind:
        from certplan.cli.parsing import choices

        kinds = list(choices("--experience-kind", experience_kind, EXPERIENCE_KINDS))
    return ProfileFlags(
        education=_education(education),
        accredited_program=accredited_program.value if accredited_program else None,
        experience=experience,
        experience_kinds=kinds,
        held=[h.strip().upper() for h in held] if held else None,
        course_hours=course_hours,
        training_program=training_program,
        training_hours=training_hours,
        practicode=practicode,
        member=[m.strip().upper() for m in member] if member else None,
        clinical_hours=clinical_hours,
    )


PROFILE_OPTIONS = (
    ("education", EducationOpt),
    ("accredited_program", ProgramOpt),
    ("experience", ExperienceOpt),
    ("experience_kind", KindOpt),
    ("held", HeldOpt),
    ("course_hours", CourseOpt),
    ("training_program", TrainingOpt),
    ("training_hours", TrainingHoursOpt),
    ("practicode", PracticodeOpt),
    ("member", MemberOpt),
    ("clinical_hours", ClinicalOpt),
)


def with_profile_options(exclude: tuple[str, ...] = ()):
    """Give a command the profile flags in place of its ``profile`` parameter, which receives them parsed.

    Typer reads a command's options from its signature, so the wrapper shows Typer the nine options
    (less ``exclude``) where ``profile`` stands, and calls the command with one ``ProfileFlags``.
    """
    def decorate(func):
        sig = inspect.signature(func)
        params = []
        for p in sig.parameters.values():
            if p.name != "profile":
                params.append(p)
                continue
            params += [
                inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=ann)
                for name, ann in PROFILE_OPTIONS
                if name not in exclude
            ]

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            given = {name: None if name in exclude else kwargs.pop(name, None) for name, _ in PROFILE_OPTIONS}
            return func(*args, profile=flags(**given), **kwargs)

        wrapper.__signature__ = sig.replace(parameters=params)
        wrapper.__annotations__ = {p.name: p.annotation for p in params} | {"return": sig.return_annotation}
        return wrapper

    return decorate


# --------------------------------------------------------------------------- --catalog

CatalogOpt = Annotated[
    Optional[str],
    typer.Option(
        "--catalog",
        envvar="CERTPLAN_CATALOG",
        help="Use this catalog file instead of the packaged one.",
        metavar="FILE",
    ),
]


# --------------------------------------------------------------------------- output options

FORMATS = ("table", "json", "csv", "markdown")


def _format_help(formats: tuple[str, ...]) -> str:
    names = [f"{formats[0]} (default)", *formats[1:]]
    words = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"Output format: {words}."


@dataclass
class Output:
    """What a command knows about its output: the format chosen, the --fields asked for, the environment."""

    format: str
    fields: list[str] | None
    env: "Environment"

    @property
    def ctx(self) -> "OutputContext":
        return self.env.output()

    @property
    def interactive(self) -> bool:
        return bool(self.env.stdin_isatty)


def env_of(ctx: typer.Context | None) -> "Environment":
    from certplan.cli.env import Environment, current

    if ctx is not None:
        obj = ctx.find_root().obj
        if isinstance(obj, Environment):
            return obj
    return current()


def output_options(
    formats: tuple[str, ...] = FORMATS,
    fields: Callable[[], list[str]] | None = None,
):
    """Give a command ``--json``, ``--format`` (exactly ``formats``; the first is the default) and, when
    ``fields`` gives the available field names, ``--fields``.

    The command takes ``out: Output`` in place of those options and returns a ``Result`` (or None when it
    wrote nothing); the wrapper renders it with :func:`certplan.output.result.emit` and exits with its code.
    """
    fmt_enum = Enum("Format", {f: f for f in formats}, type=str)  # help and completion show exactly these
    extra = [
        inspect.Parameter(
            "json_",
            inspect.Parameter.KEYWORD_ONLY,
            default=False,
            annotation=Annotated[
                bool,
                typer.Option(
                    "--json",
                    help="Write JSON to stdout (same as --format json)."
                    if len(formats) > 1
                    else "Write JSON to stdout (this command always does; accepted like everywhere else).",
                ),
            ],
        )
    ]
    if len(formats) > 1:
        extra.append(
            inspect.Parameter(
                "format_",
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=Annotated[
                    Optional[fmt_enum],
                    typer.Option(
                        "--format",
                        "-f",
                        help=_format_help(formats),
                        case_sensitive=False,
                        autocompletion=completer("formats", formats),
                    ),
                ],
            )
        )
    if fields is not None:
        extra.append(
            inspect.Parameter(
                "fields_",
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=Annotated[
                    Optional[str],
                    typer.Option(
                        "--fields",
                        help="Comma-separated top-level JSON fields to keep (implies --json), e.g. code,name,exam.",
                        metavar="A,B",
                        autocompletion=completer("fields"),
                    ),
                ],
            )
        )

    def decorate(func):
        sig = inspect.signature(func)
        params = [p for p in sig.parameters.values() if p.name != "out"]
        ctx_param = next((p.name for p in params if p.annotation is typer.Context), None)
        added_ctx = ctx_param is None
        if added_ctx:
            ctx_param = "ctx_"
            params.insert(0, inspect.Parameter(ctx_param, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context))
        kw_only = [p for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY]
        positional = [p for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY]
        params = positional + kw_only + extra

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any):
            json_flag = kwargs.pop("json_", False)
            chosen = kwargs.pop("format_", None)
            wanted = kwargs.pop("fields_", None)
            tctx = kwargs.pop(ctx_param) if added_ctx else kwargs.get(ctx_param)
            chosen_value = chosen.value if chosen is not None else None
            if json_flag and chosen_value not in (None, "json"):
                common.fail_usage(f"--json and --format {chosen_value} contradict each other; give one")
            fmt = "json" if json_flag else (chosen_value or formats[0])
            keep = None
            if wanted is not None:
                available = fields()
                keep = common.with_always_kept(common.parse_fields(wanted, available), available)
                fmt = "json"
            out = Output(format=fmt, fields=keep, env=env_of(tctx))
            result = func(*args, out=out, **kwargs)
            if result is None:
                return
            from certplan.output.result import emit

            code = emit(result, fmt, out.ctx)
            if code:
                raise typer.Exit(code)

        wrapper.__signature__ = sig.replace(parameters=params)
        wrapper.__annotations__ = {p.name: p.annotation for p in params} | {"return": sig.return_annotation}
        wrapper.output_formats = formats
        return wrapper

    return decorate


def show_fields() -> list[str]:
    """The top-level fields of the show/list JSON view (what --fields selects from)."""
    from certplan.contract import fields

    return fields("show")
