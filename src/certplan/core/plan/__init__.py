"""Study plans: a week-by-week schedule from a start date to an exam date.

Pure functions over catalog models, a :class:`Profile` and ``today``; no I/O.  The same
inputs always give the same plan.

Facts (study hours, exam length, domains, fees, references, CEUs) come from the catalog
with their sources.  Everything else is one of certplan's planning rules, named in the
constants below and said in the output wherever it is used (never presented as a fact):

- study hours: the catalog's ``exam.study_hours``; without a figure, certplan's planning
  default (``DEFAULT_STUDY_HOURS``), labelled as such, with a warning;
- profile adjustments (``ADJUSTMENT_RULES``): experience, related credentials held and
  completed coursework reduce the hours; newcomers get foundations weeks first;
- added on top of the study hours: foundations for newcomers, two full timed practice
  exams at the exam's real length (plus the same time to go over each), and code-book
  preparation for open-book exams;
- domains get time in proportion to their published weights (or question counts); evenly
  where none are published;
- the exam is booked ``book_ahead_weeks`` weeks before the exam date.

The package is split by phase: ``rules`` (certplan's planning constants and dates), ``hours``, ``domains``,
``schedule`` (tasks and weeks), ``readiness`` (what each pathway still needs), ``after`` (after the exam),
``costs`` and ``build`` (which puts the phases together).
"""

from certplan.core.plan.build import Request, build, check_request  # noqa: F401
from certplan.core.plan.domains import OTHER_CONTENT  # noqa: F401
from certplan.core.plan.rules import (  # noqa: F401
    DEFAULT_BOOK_AHEAD_WEEKS,
    DEFAULT_HOURS_PER_WEEK,
    DEFAULT_STUDY_HOURS,
    SCHEMA_VERSION,
    PlanError,
    parse_date,
)
