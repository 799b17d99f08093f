"""The kinds of file we read, told apart by their header (docs/formats.md, formats-delivery.md)."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.delivery.project_fields import PROJECT_FIELDS
from scorecard.risks.fields import RISK_FIELDS


def _file_columns(fields: tuple[str, ...], leaving_out: tuple[str, ...]) -> tuple[str, ...]:
    """A model's fields (risks/fields.py, delivery/project_fields.py) as a file's columns, in
    their order, but for those left out: a file names its plan by `plan_id`."""
    return tuple("plan_id" if f == "plan" else f for f in fields if f not in leaving_out)


@dataclass(frozen=True)
class FileKind:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    # A header is of this kind when it has every column of `marks`, at least one of
    # `marks_any` (when given) and none of `forbids`. No header is of two kinds.
    marks: tuple[str, ...]
    forbids: tuple[str, ...] = ()
    marks_any: tuple[str, ...] = ()

    @property
    def article(self) -> str:
        return "an" if self.name[0] in "aeiou" else "a"

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column, in the order the docs list them and exports write them."""
        return self.required + self.optional

    def matches(self, header: list[str]) -> bool:
        present = set(header)
        return (
            all(m in present for m in self.marks)
            and (not self.marks_any or any(m in present for m in self.marks_any))
            and not any(f in present for f in self.forbids)
        )


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
PEOPLE = FileKind(
    "people",
    required=("person_id", "name"),
    optional=("job_title", "organisation", "email"),
    marks=("person_id",),
)
MILESTONE_COLUMNS = ("milestone", "due", "revised_due", "completed", "at_risk")
PROJECTS = FileKind(
    "projects",
    required=("project_id", "title", "plan_id"),
    optional=(
        *_file_columns(PROJECT_FIELDS, ("project_id", "title", "plan", "description")),
        "description",
        "period",
        "status",
        "direction",
        "latest_position",
        "next_steps",
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
    optional=("programme", "board", "objective", "owners", "due", "revised_due", "status"),
    marks=("action_plan",),
    forbids=ACTION_UPDATE_COLUMNS,
)
ACTION_UPDATES = FileKind(
    "action_updates",
    required=("plan_id", "action_plan", "reference", "date", "update"),
    optional=(),
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
ASSESSMENT_COLUMNS = ("assessed_on", "likelihood", "impact")
RISKS = FileKind(
    "risks",
    required=("reference", "title"),
    optional=_file_columns(RISK_FIELDS, ("reference", "title")),
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

# --- benchmarking (docs/formats.md): areas, comparator groups, indicators and their values ---
AREAS = FileKind(
    "areas",
    required=("gss_code", "name"),
    optional=("la_number", "area_type", "region_code", "replaced_by"),
    marks=("gss_code",),
    forbids=("indicator_id", "group_slug"),
)
COMPARATOR_GROUPS = FileKind(
    "comparator_groups",
    required=("group_slug", "name", "kind"),
    optional=("for_area", "members"),
    marks=("group_slug",),
)
COMPARATOR_INDICATORS = FileKind(
    "comparator_indicators",
    required=("indicator_id", "name"),
    optional=("polarity", "value_type", "multiplier"),
    marks=("indicator_id",),
    forbids=("area_code",),
)
# The DfE's statistical neighbours, one row per LA and neighbour, as
# scorecard/benchmarking/data/statistical_neighbours.csv ships them.
STATISTICAL_NEIGHBOURS = FileKind(
    "statistical_neighbours",
    required=("la_number", "rank", "neighbour_la_number"),
    optional=("la_name", "neighbour_name"),
    marks=("neighbour_la_number",),
)
VALUE_COLUMNS = (
    "value",
    "count",
    "denominator",
    "lower_95",
    "upper_95",
    "lower_998",
    "upper_998",
)
COMPARATOR_VALUES = FileKind(
    "comparator_values",
    required=("indicator_id", "area_code", "period"),
    optional=(
        "indicator_name",
        "area_name",
        "area_type",
        "sex",
        "age",
        *VALUE_COLUMNS,
        "value_note",
        "compared_to_england",
    ),
    marks=("indicator_id", "area_code"),
)
# A Fingertips data download, columns as Fingertips heads them (read without regard to case).
FINGERTIPS = FileKind(
    "fingertips",
    required=("indicator id", "area code", "time period", "value"),
    optional=(
        "indicator name",
        "parent code",
        "parent name",
        "area name",
        "areaname",
        "area type",
        "sex",
        "age",
        "category type",
        "category",
        "lower ci 95.0 limit",
        "upper ci 95.0 limit",
        "lower ci 99.8 limit",
        "upper ci 99.8 limit",
        "count",
        "denominator",
        "value note",
        "recent trend",
        "compared to england value or percentiles",
        "compared to region value or percentiles",
        "compared to parent value or percentiles",
        "compared to percentiles",
        "time period sortable",
        "time period range",
        "new data",
        "compared to goal",
    ),
    marks=("indicator id", "area code"),
)

KINDS = (
    FRAMEWORK,
    PEOPLE,
    MEASURES,
    COMPARATORS,
    OBSERVATIONS,
    PROJECTS,
    MILESTONES,
    ACTIONS,
    ACTION_UPDATES,
    HIGHLIGHT_REPORTS,
    RISKS,
    RISK_ASSESSMENTS,
    AREAS,
    COMPARATOR_GROUPS,
    STATISTICAL_NEIGHBOURS,
    COMPARATOR_INDICATORS,
    COMPARATOR_VALUES,
    FINGERTIPS,
)
BY_NAME = {kind.name: kind for kind in KINDS}
# The order files are applied in, whatever order they were named in: parents first.
APPLY_ORDER = (
    # Areas first: an organisation in a framework file may name its area.
    "areas",
    "framework",
    "people",
    # Benchmarking before measures, which may name a comparator indicator; a Fingertips file
    # adds areas, so groups come after it.
    "comparator_indicators",
    "fingertips",
    "comparator_values",
    "comparator_groups",
    "statistical_neighbours",
    "measures",
    "observations",
    "comparators",
    "projects",
    "milestones",
    "actions",
    "action_updates",
    "highlight_reports",
    "risks",
    "risk_assessments",
)


def kind_of(header: list[str]) -> FileKind | None:
    return next((kind for kind in KINDS if kind.matches(header)), None)
