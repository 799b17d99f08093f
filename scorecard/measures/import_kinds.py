"""The measures' files (docs/formats.md): measures, their figures and their comparators."""

from __future__ import annotations

from scorecard.file_kinds import FileKind, register

MEASURES = FileKind(
    "measures",
    required=("measure_id", "title", "polarity", "unit", "frequency"),
    optional=(
        "outcome",
        "money_unit",
        "priority",
        "programme",
        "rate_per",
        "target",
        "tolerance",
        "tolerance_type",
        "steady_band",
        "description",
        "owner",
        "source",
        "plan_id",
        "organisation",
        "board",
        "benchmarking",
        "baseline_period",
        "compare_with",
        "discontinued_from",
        "decimals",
        "notes",
        "published",
        "comparator_indicator",
        "budget_variance",
        "scale",
    ),
    marks=("measure_id", "polarity"),
)
COMPARATORS = FileKind(
    "comparators",
    required=("measure_id", "comparator", "comparator_type", "period", "value"),
    optional=("rank", "quartile"),
    marks=("comparator",),
)
OBSERVATIONS = FileKind(
    "observations",
    required=("measure_id", "period"),
    optional=("value", "numerator", "denominator", "target", "status", "commentary", "breakdown"),
    marks=("measure_id", "period"),
    forbids=("comparator", "polarity"),
)


def register_kinds() -> None:
    """Called by the app's `ready()`: the order numbers are the importer's order (areas 10 ...
    risk assessments 180, scorecard/file_kinds.py), `after` the kinds a row may name."""
    # Benchmarking before measures, which may name a comparator indicator.
    register(MEASURES, order=90, after=("framework", "comparator_indicators"))
    register(OBSERVATIONS, order=100, after=("measures",))
    register(COMPARATORS, order=110, after=("measures",))
