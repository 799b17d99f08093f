"""What an import can refer to: things already in the database plus rows seen earlier in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scorecard.interchange import cells
from scorecard.interchange.errors import RowError


@dataclass
class MeasureFacts:
    unit: str
    rate_per: int | None


@dataclass
class Catalogue:
    plans: set[str] = field(default_factory=set)
    outcomes: set[tuple[str, str]] = field(default_factory=set)
    priorities: set[tuple[str, str]] = field(default_factory=set)  # (plan_id, priority name)
    programmes: set[tuple[str, str]] = field(default_factory=set)
    measures: dict[str, MeasureFacts] = field(default_factory=dict)
    # Measure ids first seen in this import, to catch a measure given twice.
    new_ids: set[str] = field(default_factory=set)

    @classmethod
    def from_database(cls) -> Catalogue:
        from scorecard.framework.models import Outcome, Plan, Priority, Programme
        from scorecard.measures.models import Measure

        return cls(
            plans=set(Plan.objects.values_list("plan_id", flat=True)),
            outcomes=set(Outcome.objects.values_list("plan__plan_id", "name")),
            priorities=set(Priority.objects.values_list("outcome__plan__plan_id", "name")),
            programmes=set(Programme.objects.values_list("plan__plan_id", "name")),
            measures={
                m: MeasureFacts(unit, rate_per)
                for m, unit, rate_per in Measure.objects.values_list(
                    "measure_id", "unit", "rate_per"
                )
            },
        )


class RowReader:
    """Reads the cells of one row, collecting every problem instead of stopping at the first."""

    def __init__(self, file: str, number: int, cells_by_column: dict[str, str]) -> None:
        self.file = file
        self.number = number
        self.cells = cells_by_column
        self.errors: list[RowError] = []

    def get(self, column: str, reader: Callable[..., Any] = cells.text, **options: Any) -> Any:
        try:
            return reader(self.cells.get(column, ""), **options)
        except cells.CellError as exc:
            self.fail(column, str(exc))
            return None

    def failed(self, column: str) -> bool:
        return any(error.column == column for error in self.errors)

    def fail(self, column: str | None, reason: str) -> None:
        self.errors.append(RowError(self.file, self.number, column, reason))
