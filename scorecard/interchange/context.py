"""What an import can refer to: things already in the database plus rows seen earlier in it."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from scorecard.interchange import cells
from scorecard.interchange.errors import RowError


@dataclass
class MeasureFacts:
    unit: str
    rate_per: int | None
    # The labelled scale its figures are codes of, as stored ("" for plain numbers).
    scale: str = ""


@dataclass
class Catalogue:
    plans: set[str] = field(default_factory=set)
    outcomes: set[tuple[str, str]] = field(default_factory=set)
    priorities: set[tuple[str, str]] = field(default_factory=set)  # (plan_id, priority name)
    programmes: set[tuple[str, str]] = field(default_factory=set)
    measures: dict[str, MeasureFacts] = field(default_factory=dict)
    # Measure ids first seen in this import, to catch a measure given twice.
    new_ids: set[str] = field(default_factory=set)
    # (plan_id, priority name) -> the name of its outcome
    priority_outcomes: dict[tuple[str, str], str] = field(default_factory=dict)
    boards: set[str] = field(default_factory=set)
    # board name -> the name of the board it reports to, to refuse a loop
    board_parents: dict[str, str] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)
    projects: set[str] = field(default_factory=set)
    actions: set[tuple[str, str, str]] = field(default_factory=set)  # plan_id, plan name, ref
    risks: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)  # GSS codes
    la_numbers: dict[str, str] = field(default_factory=dict)  # DfE LA number -> GSS code
    indicators: set[str] = field(default_factory=set)  # comparator indicator ids
    # Each key a row of this import has given (a project and period, a milestone...) and the
    # file and row that gave it first, to point at the earlier row of a duplicate.
    keys: dict[tuple, tuple[str, int]] = field(default_factory=dict)
    # What several rows share (a project's details, an action plan's programme), by key.
    shared: dict[tuple, dict] = field(default_factory=dict)

    @classmethod
    def from_database(cls) -> Catalogue:
        from scorecard.benchmarking.models import Area, Indicator
        from scorecard.delivery.models import Action, Project
        from scorecard.framework.models import Board, Outcome, Plan, Priority, Programme
        from scorecard.measures.models import Measure
        from scorecard.people.models import Person
        from scorecard.risks.models import Risk

        priorities = list(
            Priority.objects.values_list("outcome__plan__plan_id", "name", "outcome__name")
        )
        return cls(
            plans=set(Plan.objects.values_list("plan_id", flat=True)),
            outcomes=set(Outcome.objects.values_list("plan__plan_id", "name")),
            priorities={(plan_id, name) for plan_id, name, _ in priorities},
            priority_outcomes={(plan_id, name): outcome for plan_id, name, outcome in priorities},
            programmes=set(Programme.objects.values_list("plan__plan_id", "name")),
            measures={
                m: MeasureFacts(unit, rate_per, scale)
                for m, unit, rate_per, scale in Measure.objects.values_list(
                    "measure_id", "unit", "rate_per", "scale"
                )
            },
            boards=set(Board.objects.values_list("name", flat=True)),
            board_parents=dict(
                Board.objects.filter(reports_to__isnull=False).values_list(
                    "name", "reports_to__name"
                )
            ),
            people=set(Person.objects.values_list("person_id", flat=True)),
            projects=set(Project.objects.values_list("project_id", flat=True)),
            actions=set(
                Action.objects.values_list(
                    "action_plan__plan__plan_id", "action_plan__name", "reference"
                )
            ),
            risks=set(Risk.objects.values_list("reference", flat=True)),
            areas=set(Area.objects.values_list("code", flat=True)),
            la_numbers=dict(
                Area.objects.filter(la_number__isnull=False).values_list("la_number", "code")
            ),
            indicators=set(Indicator.objects.values_list("indicator_id", flat=True)),
        )

    def add_priority(self, plan_id: str, name: str, outcome: str) -> None:
        self.priorities.add((plan_id, name))
        self.priority_outcomes.setdefault((plan_id, name), outcome)

    def first_time(self, row: RowReader, key: tuple, column: str, what: str) -> bool:
        """Note a row's key; False (and the row fails) when an earlier row gave it."""
        earlier = self.keys.get(key)
        if earlier is None:
            self.keys[key] = (row.file, row.number)
            return True
        file, number = earlier
        where = f"on row {number}" if file == row.file else f"in {file}, row {number}"
        row.fail(column, f"{what} appears twice in this import (first {where})")
        return False


def unknown(what: str, name: str, known: Iterable[str], hint: str = "") -> str:
    """The reason for an unknown reference, with the nearest known name when there is one."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    reason = f"no {what} '{name}'"
    if close:
        return f"{reason}: did you mean '{close[0]}'?"
    return f"{reason}{': ' + hint if hint else ''}"


class RowReader:
    """Reads the cells of one row, collecting every problem instead of stopping at the first."""

    def __init__(self, file: str, number: int, cells_by_column: dict[str, str]) -> None:
        self.file = file
        self.number = number
        self.cells = cells_by_column
        self.errors: list[RowError] = []
        # What is worth saying but does not stop the import (a value that does not match its
        # counts): reported with the file, row and column as errors are.
        self.warnings: list[RowError] = []

    def get(self, column: str, reader: Callable[..., Any] = cells.text, **options: Any) -> Any:
        try:
            return reader(self.cells.get(column, ""), **options)
        except cells.CellError as exc:
            self.fail(column, str(exc))
            return None

    def has(self, column: str) -> bool:
        """The file has this column (blank or not)."""
        return column in self.cells

    def failed(self, column: str) -> bool:
        return any(error.column == column for error in self.errors)

    def fail(self, column: str | None, reason: str) -> None:
        self.errors.append(RowError(self.file, self.number, column, reason))

    def warn(self, column: str | None, reason: str) -> None:
        self.warnings.append(RowError(self.file, self.number, column, reason))
