"""The risk register's files (docs/formats-delivery.md)."""

from __future__ import annotations

from scorecard.file_kinds import FileKind, file_columns, register
from scorecard.risks.fields import RISK_FIELDS

ASSESSMENT_COLUMNS = ("assessed_on", "likelihood", "impact")
RISKS = FileKind(
    "risks",
    required=("reference", "title"),
    optional=file_columns(RISK_FIELDS, ("reference", "title")),
    marks=("reference",),
    # An actions file has a reference too: it is told by its action_plan.
    forbids=("action_plan", *ASSESSMENT_COLUMNS),
)
RISK_ASSESSMENTS = FileKind(
    "risk_assessments",
    required=("reference", "assessed_on", "likelihood", "impact"),
    optional=("period", "note"),
    marks=("reference",),
    marks_any=ASSESSMENT_COLUMNS,
    forbids=("action_plan",),
)


def register_kinds() -> None:
    """Called by the app's `ready()`: the order numbers are the importer's order (areas 10 ...
    risk assessments 180, scorecard/file_kinds.py), `after` the kinds a row may name."""
    register(RISKS, order=170, after=("framework", "people"))
    register(RISK_ASSESSMENTS, order=180, after=("risks",))
