"""Benchmarking's files (docs/formats.md): areas, comparator groups, indicators and their values."""

from __future__ import annotations

from scorecard.file_kinds import FileKind, register

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


def register_kinds() -> None:
    """Called by the app's `ready()`: the order numbers are the importer's order (areas 10 ...
    risk assessments 180, scorecard/file_kinds.py), `after` the kinds a row may name."""
    register(AREAS, order=10)
    register(COMPARATOR_INDICATORS, order=40)
    # A Fingertips file adds areas (and indicators), so groups come after it.
    register(FINGERTIPS, order=50, after=("areas", "comparator_indicators"))
    register(COMPARATOR_VALUES, order=60, after=("areas", "comparator_indicators"))
    register(COMPARATOR_GROUPS, order=70, after=("areas", "fingertips"))
    register(STATISTICAL_NEIGHBOURS, order=80, after=("areas",))
