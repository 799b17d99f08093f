"""Delivery's files (docs/formats-delivery.md): projects, milestones, actions, highlight reports."""

from __future__ import annotations

from scorecard.delivery.project_fields import PROJECT_FIELDS
from scorecard.file_kinds import FileKind, file_columns, register

MILESTONE_COLUMNS = ("milestone", "due", "revised_due", "completed", "at_risk")
PROJECTS = FileKind(
    "projects",
    required=("project_id", "title", "plan_id"),
    optional=(
        *file_columns(PROJECT_FIELDS, ("project_id", "title", "plan", "description")),
        "description",
        "period",
        "status",
        "direction",
        "latest_position",
        "next_steps",
        "areas_of_success",
        "areas_of_concern",
        "focus_next_quarter",
    ),
    marks=("project_id",),
    forbids=MILESTONE_COLUMNS,
)
MILESTONES = FileKind(
    "milestones",
    required=("project_id", "milestone", "due"),
    optional=("revised_due", "completed", "at_risk"),
    marks=("project_id",),
    marks_any=MILESTONE_COLUMNS,
)
ACTION_UPDATE_COLUMNS = ("date", "update")
ACTIONS = FileKind(
    "actions",
    required=("plan_id", "action_plan", "reference", "description"),
    optional=(
        "programme",
        "board",
        "blue_means",
        "objective",
        "owners",
        "due",
        "revised_due",
        "status",
        "completed",
    ),
    marks=("action_plan",),
    forbids=ACTION_UPDATE_COLUMNS,
)
ACTION_UPDATES = FileKind(
    "action_updates",
    required=("plan_id", "action_plan", "reference", "date", "update"),
    optional=("status",),
    marks=("action_plan",),
    marks_any=ACTION_UPDATE_COLUMNS,
)
HIGHLIGHT_REPORTS = FileKind(
    "highlight_reports",
    required=("plan_id", "programme", "period", "status"),
    optional=(
        "reason_for_status",
        "areas_of_success",
        "areas_of_concern",
        "focus_next_quarter",
        "slippage",
        "issues",
        "risks",
        "emerging_work",
        "decisions_required",
        "author",
    ),
    marks=("programme",),
    # A programme column is also in measures, projects and actions files.
    forbids=("measure_id", "project_id", "action_plan"),
)


def register_kinds() -> None:
    """Called by the app's `ready()`: the order numbers are the importer's order (areas 10 ...
    risk assessments 180, scorecard/file_kinds.py), `after` the kinds a row may name."""
    register(PROJECTS, order=120, after=("framework", "people"))
    register(MILESTONES, order=130, after=("projects",))
    register(ACTIONS, order=140, after=("framework", "people"))
    register(ACTION_UPDATES, order=150, after=("actions",))
    register(HIGHLIGHT_REPORTS, order=160, after=("framework", "people"))
