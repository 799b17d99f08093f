"""The framework's file (docs/formats.md): plans, outcomes, priorities, programmes."""

from __future__ import annotations

from scorecard.file_kinds import FileKind, register

FRAMEWORK = FileKind(
    "framework",
    required=("level", "name"),
    optional=(
        "plan_id",
        "parent",
        "description",
        "organisation",
        "board",
        "lead",
        "period",
        "area",
    ),
    marks=("level",),
)


def register_kinds() -> None:
    """Called by the app's `ready()`: the order numbers are the importer's order (areas 10 ...
    risk assessments 180, scorecard/file_kinds.py), `after` the kinds a row may name."""
    # Areas first: an organisation in a framework file may name its area.
    register(FRAMEWORK, order=20, after=("areas",))
