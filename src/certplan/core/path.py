"""``certplan path``: routes to a goal (:mod:`certplan.core.routes`) and where a credential leads
(:mod:`certplan.core.progression`)."""

from certplan.core.progression import leads, tree  # noqa: F401
from certplan.core.routes import SCHEMA_VERSION, Planner, State, to_goal  # noqa: F401
