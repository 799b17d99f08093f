"""`scorecard import`: read every file, check every row, then write all or nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from scorecard.interchange import (
    action_rows,
    area_rows,
    area_value_rows,
    comparator_rows,
    framework_rows,
    group_rows,
    highlight_rows,
    indicator_rows,
    measure_rows,
    neighbour_rows,
    observation_rows,
    people_rows,
    project_rows,
    risk_rows,
)
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.errors import ImportRejected, RowError
from scorecard.interchange.kinds import APPLY_ORDER, KINDS, FileKind, kind_of
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.readers import Table, UnreadableFile, read_table
from scorecard.measures.models import Measure


@dataclass
class CheckedFile:
    table: Table
    kind: FileKind
    parsed: list[dict] = field(default_factory=list)


def _header_errors(table: Table, kind: FileKind | None) -> list[RowError]:
    if kind is None:
        expected = "; ".join(f"{k.name}: {', '.join(k.required)}" for k in KINDS)
        return [
            RowError(
                table.name,
                1,
                None,
                f"the header does not match any kind of file (columns needed — {expected})",
            )
        ]
    errors = []
    blank = [i + 1 for i, h in enumerate(table.header) if not h]
    if blank:
        errors.append(RowError(table.name, 1, None, f"column {blank[0]} has no heading"))
    for column in table.header:
        if column and column not in kind.columns:
            errors.append(
                RowError(
                    table.name,
                    1,
                    column,
                    f"'{column}' is not a column of {kind.article} {kind.name} file",
                )
            )
    for column in kind.required:
        if column not in table.header:
            errors.append(
                RowError(
                    table.name,
                    1,
                    column,
                    f"{kind.article} {kind.name} file needs the column '{column}'",
                )
            )
    duplicated = [c for c, n in Counter(table.header).items() if c and n > 1]
    errors += [RowError(table.name, 1, c, "this column appears twice") for c in duplicated]
    return errors


def _read(paths: list[Path]) -> tuple[list[CheckedFile], list[RowError]]:
    files, errors = [], []
    for path in paths:
        try:
            table = read_table(path)
        except UnreadableFile as exc:
            errors.append(RowError(path.name, None, None, str(exc).split(": ", 1)[-1]))
            continue
        kind = kind_of(table.header)
        header_errors = _header_errors(table, kind)
        errors += header_errors
        if not header_errors:
            files.append(CheckedFile(table, kind))
    files.sort(key=lambda f: APPLY_ORDER.index(f.kind.name))
    return files, errors


VALIDATORS = {
    "framework": lambda row, catalogue, seen: framework_rows.validate(row, catalogue),
    "measures": lambda row, catalogue, seen: measure_rows.validate(row, catalogue),
    "observations": observation_rows.validate,
    "comparators": lambda row, catalogue, seen: comparator_rows.validate(row, catalogue),
}
# Kinds whose rows are checked against the catalogue alone and written a file at a time.
DELIVERY = {
    "people": (people_rows.validate, people_rows.apply_all),
    "projects": (project_rows.validate, project_rows.apply_all),
    "milestones": (project_rows.validate_milestone, project_rows.apply_milestones),
    "actions": (action_rows.validate, action_rows.apply_all),
    "action_updates": (action_rows.validate_update, action_rows.apply_updates),
    "highlight_reports": (highlight_rows.validate, highlight_rows.apply_all),
    "risks": (risk_rows.validate, risk_rows.apply_all),
    "risk_assessments": (risk_rows.validate_assessment, risk_rows.apply_assessments),
}
# Benchmarking's kinds, likewise (docs/formats.md).
BENCHMARKING = {
    "areas": (area_rows.validate, area_rows.apply_all),
    "comparator_indicators": (indicator_rows.validate, indicator_rows.apply_all),
    "fingertips": (area_value_rows.validate_fingertips, area_value_rows.apply_all),
    "comparator_values": (area_value_rows.validate_ours, area_value_rows.apply_all),
    "comparator_groups": (group_rows.validate, group_rows.apply_all),
    "statistical_neighbours": (neighbour_rows.validate, neighbour_rows.apply_all),
}
WHOLE_FILE = {**DELIVERY, **BENCHMARKING}
for _name, (_validate, _) in WHOLE_FILE.items():
    VALIDATORS[_name] = lambda row, catalogue, seen, check=_validate: check(row, catalogue)


def _check_rows(checked: CheckedFile, catalogue: Catalogue, seen: set) -> list[RowError]:
    errors = []
    for number, cells_by_column in checked.table.rows:
        row = RowReader(checked.table.name, number, cells_by_column)
        result = None
        if "\0extra" in cells_by_column:
            row.fail(None, "this row has more cells than the header has columns")
        else:
            result = VALIDATORS[checked.kind.name](row, catalogue, seen)
        errors += row.errors
        if not row.errors and result is not None:
            checked.parsed.append(result)
    return errors


# Any number will do, as long as nothing else takes PostgreSQL's advisory lock with it.
IMPORT_LOCK = 7_460_001


def one_import_at_a_time() -> None:
    """Wait, inside the import's transaction, until no other import is running, and hold the
    database until this one commits or rolls back. PostgreSQL: an advisory lock. SQLite: a
    write at the start takes its one writer's lock now (a later write would fail at once,
    not wait, if another import had written in between)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        elif connection.vendor == "sqlite":
            cursor.execute("UPDATE django_migrations SET app = app WHERE id = -1")


def _write(files: list[CheckedFile], entered_by: str) -> None:
    measures: dict[str, Measure] | None = None
    cache: dict = {}
    lookups = Lookups()
    for checked in files:
        name = checked.kind.name
        if name in WHOLE_FILE:
            WHOLE_FILE[name][1](checked.parsed, lookups)
            continue
        if name in ("observations", "comparators") and measures is None:
            measures = {m.measure_id: m for m in Measure.objects.all()}
        if name == "observations":
            observation_rows.apply_all(checked.parsed, measures, entered_by)
            continue
        for order, parsed in enumerate(checked.parsed):
            if name == "framework":
                framework_rows.apply(parsed, order)
            elif name == "measures":
                measure_rows.apply(parsed, order, cache)
            else:
                comparator_rows.apply(parsed, measures)


@dataclass
class ImportResult:
    rows_by_kind: Counter

    def __str__(self) -> str:
        parts = [f"{n} {kind} row(s)" for kind, n in self.rows_by_kind.items()]
        return "Imported " + (", ".join(parts) if parts else "nothing")


def import_files(paths: list[Path], entered_by: str = "import") -> ImportResult:
    """Check every row of every file against the database; write all of them in one
    transaction, or none. Imports run one at a time: two at once (the same file uploaded twice)
    would each find a row missing and both add it."""
    files, errors = _read(paths)
    with transaction.atomic():
        one_import_at_a_time()
        catalogue = Catalogue.from_database()
        seen: set = set()
        for checked in files:
            errors += _check_rows(checked, catalogue, seen)
        if errors:
            raise ImportRejected(errors)
        _write(files, entered_by)
    counts: Counter = Counter()
    for checked in files:
        counts[checked.kind.name] += len(checked.parsed)
    return ImportResult(counts)
