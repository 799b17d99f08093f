"""The kinds of file we read, told apart by their header (docs/formats.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    # Columns whose presence marks the kind, checked in the order of KINDS.
    marks: tuple[str, ...]
    forbids: tuple[str, ...] = ()

    @property
    def article(self) -> str:
        return "an" if self.name[0] in "aeiou" else "a"

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional

    def matches(self, header: list[str]) -> bool:
        present = set(header)
        return all(m in present for m in self.marks) and not any(f in present for f in self.forbids)


FRAMEWORK = FileKind(
    "framework",
    required=("level", "name"),
    optional=("plan_id", "parent", "description", "organisation", "board", "lead", "period"),
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

KINDS = (FRAMEWORK, MEASURES, COMPARATORS, OBSERVATIONS)
# The order files are applied in, whatever order they were named in: parents first.
APPLY_ORDER = ("framework", "measures", "observations", "comparators")


def kind_of(header: list[str]) -> FileKind | None:
    return next((kind for kind in KINDS if kind.matches(header)), None)
