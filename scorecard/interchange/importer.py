"""`scorecard import`: read every file, check every row, then write all or nothing.

Observations files, which may hold a million rows, are never held whole: they are checked a
row at a time and written a batch at a time inside the import's transaction, which is rolled
back if any row of any file fails."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from scorecard.file_kinds import FileKind, file_kinds, import_kind, kind_of
from scorecard.interchange import observation_rows, observation_writer
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.errors import ImportRejected, RowError, not_saved, storage_failure
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.observation_stream import readings
from scorecard.interchange.readers import RowStream, Table, UnreadableFile, stream_rows
from scorecard.interchange.rows import Rows, rows_of
from scorecard.measures.models import Measure


@dataclass
class CheckedFile:
    table: Table | RowStream
    kind: FileKind
    position: int  # among the files named, for the order of the messages
    parsed: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    count: int = 0

    @property
    def streamed(self) -> bool:
        """An observations file: checked and written a batch at a time, never held whole."""
        return isinstance(self.table, RowStream)

    @property
    def rows(self) -> Rows:
        return rows_of(import_kind(self.kind.name))


def _header_errors(table: Table | RowStream, kind: FileKind | None) -> list[RowError]:
    if kind is None:
        expected = "; ".join(f"{k.name}: {', '.join(k.required)}" for k in file_kinds())
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


def _read(
    paths: list[Path], unreadable: dict[int, RowError]
) -> tuple[list[CheckedFile], list[RowError]]:
    """Every file's header, checked; observations files left to be read a row at a time, the
    others read whole. `unreadable`: files found unreadable further on by an earlier try."""
    files, errors = [], []
    for position, path in enumerate(paths):
        if position in unreadable:
            errors.append(unreadable[position])
            continue
        try:
            source = stream_rows(path)
            kind = kind_of(source.header)
            header_errors = _header_errors(source, kind)
            streamed = kind is not None and rows_of(import_kind(kind.name)).streamed
            if header_errors or not streamed:
                # Read to the end now: a file that cannot be read is reported as that alone.
                table = source.table()
        except UnreadableFile as exc:
            errors.append(_unreadable(path, exc))
            continue
        errors += header_errors
        if not header_errors:
            files.append(CheckedFile(source if streamed else table, kind, position))
    order = [k.name for k in file_kinds()]
    files.sort(key=lambda f: order.index(f.kind.name))
    return files, errors


def _unreadable(path: Path, exc: UnreadableFile) -> RowError:
    return RowError(path.name, None, None, str(exc).split(": ", 1)[-1])


def _check_rows(checked: CheckedFile, catalogue: Catalogue, seen: Any) -> list[RowError]:
    errors = []
    checked.warnings = []
    validate = checked.rows.validate
    for number, cells_by_column in checked.table.rows:
        row = RowReader(checked.table.name, number, cells_by_column)
        result = None
        if "\0extra" in cells_by_column:
            row.fail(None, "this row has more cells than the header has columns")
        else:
            result = validate(row, catalogue, seen)
        errors += row.errors
        checked.warnings += row.warnings
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


def _write(checked: CheckedFile, lookups: Lookups) -> None:
    """Write a checked file's rows; `lookups` shared by every file of the import."""
    write = checked.rows.write
    said = write(checked.parsed, lookups) if write is not None else None
    if isinstance(said, list):  # warnings, with their rows (area values)
        checked.warnings += said


class _FoundUnreadable(Exception):
    """An observations file turned out unreadable part-way through: the import is checked
    again without it, so that its messages are what reading it whole would have given."""

    def __init__(self, position: int, error: RowError) -> None:
        self.position, self.error = position, error


# A hook for tests only (tests/interchange/test_import_faults.py), unset in any real use:
# SCORECARD_TEST_IMPORT_PAUSE="N FILE" makes an import, once it has written N batches of
# figures (its transaction open, nothing committed), create FILE and wait while FILE is there.
# A test can then kill an import it knows to be unfinished, or read while one is under way.
PAUSE_FOR_TESTS = "SCORECARD_TEST_IMPORT_PAUSE"


def _pause_for_tests(batches_written: int) -> None:
    after, _, marker = settings.IMPORT_PAUSE_FOR_TESTS.partition(" ")
    if not marker or not (after.isascii() and after.isdigit()) or int(after) != batches_written:
        return
    paused = Path(marker)
    # Written aside and renamed: a test polling for the file never reads it half-written.
    writing = paused.with_name(paused.name + ".writing")
    writing.write_text(f"{batches_written}\n")
    writing.replace(paused)
    while paused.exists():
        time.sleep(0.02)


def _stream(
    checked: CheckedFile, catalogue: Catalogue, seen: observation_rows.Seen, entered_by: str | None
) -> None:
    """Check an observations file a row at a time; while every row so far (in every file)
    has passed, write them a batch at a time (`entered_by` given); else only check."""
    writer = observation_writer.ObservationWriter(entered_by) if entered_by is not None else None
    batch: list = []
    written = 0
    try:
        for reading in readings(checked.table, catalogue, seen, checked.errors, checked.warnings):
            checked.count += 1
            if writer is None or checked.errors:
                continue
            batch.append(reading)
            if len(batch) >= observation_writer.BATCH:
                writer.write(batch)
                batch = []
                written += 1
                _pause_for_tests(written)
    except UnreadableFile as exc:
        error = _unreadable(Path(checked.table.name), exc)
        raise _FoundUnreadable(checked.position, error) from exc
    if writer is not None and not checked.errors:
        writer.write(batch)
        writer.finish()


@dataclass
class ImportResult:
    rows_by_kind: Counter
    # Rows imported as they are but worth a look (a value its counts do not make).
    warnings: list[RowError] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [f"{n} {kind} row(s)" for kind, n in self.rows_by_kind.items()]
        return "Imported " + (", ".join(parts) if parts else "nothing")

    def warning_lines(self) -> list[str]:
        return [f"Warning: {warning}" for warning in self.warnings]


def infer_decimals(decimals_seen: dict[str, int]) -> None:
    """A measure whose decimals were never given (left blank in its measures file) takes the
    most decimals its imported values were written with ("67.0": 1; "85": 0), marked as worked
    out from them: each figure still shows as it was written, and these decimals serve the
    figures worked out from them. Saved one by one, so that the change is in the measure's
    history."""
    if not decimals_seen:
        return
    for measure in Measure.objects.filter(
        measure_id__in=list(decimals_seen), decimals__isnull=True
    ):
        measure.decimals = decimals_seen[measure.measure_id]
        measure.decimals_from_figures = True
        measure.save(update_fields=["decimals", "decimals_from_figures"])


def import_files(paths: list[Path], entered_by: str = "import") -> ImportResult:
    """Check every row of every file against the database; write all of them in one
    transaction, or none. Imports run one at a time: two at once (the same file uploaded twice)
    would each find a row missing and both add it."""
    unreadable: dict[int, RowError] = {}
    while True:
        try:
            return _import(paths, entered_by, unreadable)
        except _FoundUnreadable as found:
            unreadable[found.position] = found.error
        except ImportRejected:
            raise
        except Exception as exc:
            # A full disk: one clear sentence, not the driver's traceback. The transaction has
            # been rolled back (or will be, by the caller's), so nothing is kept.
            reason = storage_failure(exc)
            if reason is None:
                raise
            raise not_saved(reason) from exc


def _import(paths: list[Path], entered_by: str, unreadable: dict[int, RowError]) -> ImportResult:
    files, read_errors = _read(paths, unreadable)
    with transaction.atomic():
        one_import_at_a_time()
        catalogue = Catalogue.from_database()
        seen = observation_rows.Seen()
        # Files read whole are checked first, as they always were; observations files are
        # checked as they are written, below, against the same catalogue.
        for checked in files:
            if not checked.streamed:
                checked.errors = _check_rows(checked, catalogue, seen)
        writing = not read_errors and not any(f.errors for f in files)
        lookups = Lookups()
        for checked in files:
            if checked.streamed:
                _stream(checked, catalogue, seen, entered_by if writing else None)
                writing = writing and not checked.errors
            elif writing:
                _write(checked, lookups)
        # Files are in the order they are applied in, as their messages always were.
        errors = read_errors + [e for f in files for e in f.errors]
        if errors:
            raise ImportRejected(errors)
        infer_decimals(seen.decimals)
    counts: Counter = Counter()
    for checked in files:
        counts[checked.kind.name] += checked.count if checked.streamed else len(checked.parsed)
    return ImportResult(counts, [w for f in files for w in f.warnings])
