"""Kept for the imports that name it: the rules live in scorecard.people.permissions."""

from scorecard.people.permissions import (  # noqa: F401
    PERFORMANCE_TEAM,
    in_performance_team,
    performance_team_required,
)
