"""The person's profile flags, shared by eligible, profile set, plan, path, cost and recommend."""

from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Optional

import typer

from certplan.cli import common


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
    Optional[Education],
    typer.Option("--education", help="Highest education completed.", rich_help_panel=PANEL, case_sensitive=False),
]
ProgramOpt = Annotated[
    Optional[Program],
    typer.Option(
        "--accredited-program",
        help="A CAHIIM-accredited HIM program completed, at this level.",
        rich_help_panel=PANEL,
        case_sensitive=False,
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
    ),
]
HeldOpt = Annotated[
    Optional[list[str]],
    typer.Option("--held", help="A credential you hold (repeatable).", rich_help_panel=PANEL),
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
    typer.Option("--member", help="A body you are a member of (repeatable), e.g. AAPC.", rich_help_panel=PANEL),
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


def flags(
    education: Education | None,
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
    from certplan.catalog.models import EXPERIENCE_KINDS

    kinds = None
    if experience_kind:
        kinds = []
        for k in experience_kind:
            for part in k.split(","):
                part = part.strip().lower()
                if not part:
                    continue
                if part not in EXPERIENCE_KINDS:
                    from certplan.core.lookup import suggest

                    hint = suggest(part, EXPERIENCE_KINDS, n=1)
                    common.fail_usage(
                        f"--experience-kind {part!r} is not one of: {', '.join(EXPERIENCE_KINDS)}"
                        + (f" (did you mean {hint[0]}?)" if hint else "")
                    )
                kinds.append(part)
    return ProfileFlags(
        education=education.value if education else None,
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
    import functools
    import inspect

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
