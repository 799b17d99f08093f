"""Offline collection: an Excel workbook of someone's measures due in a cycle, pre-filled with
the last period's values, and reading it back with the same checks as the form, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from io import BytesIO

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from scorecard.core.entry_checks import far_from_history
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.core.units import written_decimals
from scorecard.cycles.due import MEASURE, DueItem
from scorecard.cycles.entry import (
    Entry,
    current_reading,
    current_readings,
    past_values,
    save_reading,
    unchanged,
)
from scorecard.cycles.models import ReportingCycle
from scorecard.interchange.exporter import _safe_cell as safe_cell
from scorecard.interchange.readers import UnreadableFile, check_workbook_archive, undefused
from scorecard.measures.models import Measure, Observation
from scorecard.people.permissions import can_change

SHEET = "Values"
HEADERS = (
    "Measure ID",
    "Measure",
    "Period",
    "Unit",
    "Last period",
    "Last value",
    "Value",
    "Numerator",
    "Denominator",
    "Commentary",
)
FILLED_IN = HEADERS[6:]
# Where each entry field sits, for messages naming the column.
COLUMN_OF = {"value": "Value", "numerator": "Numerator", "denominator": "Denominator"}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
ENTRY_FILL = PatternFill("solid", fgColor="FFF7BF")

INSTRUCTIONS = (
    "How to fill in this workbook",
    "",
    "1. On the Values sheet, each row is one reading due from you in this reporting cycle.",
    "2. Fill in the yellow columns: Value, or Numerator and Denominator where the measure is "
    "counted (the value is then worked out), and Commentary.",
    "3. Do not change the grey columns (Measure ID, Period): they say which reading a row is.",
    "4. Leave a row's yellow columns empty to skip it.",
    "5. Save the workbook and upload it on the reporting cycle's page in Civic Scorecard.",
    "",
    "The upload is checked as the form is: percentages from 0 to 100, a numerator no larger "
    "than its denominator, no negative counts, and only periods the cycle asks for.",
    "If any row has a problem, nothing is saved: every problem is listed with its row and column.",
    "A value far outside the measure's past values is flagged; tick the box on the upload page "
    "to confirm it is right.",
)


def _previous(measure: Measure, period: Period) -> Observation | None:
    return (
        Observation.objects.filter(
            measure=measure, breakdown="", period_last_month__lt=period.last_month
        )
        .order_by("-period_last_month", "-period_months")
        .first()
    )


def unit_label(measure: Measure) -> str:
    label = measure.get_unit_display()
    if measure.unit == "rate" and measure.rate_per:
        return f"{label} per {measure.rate_per:,}"
    return label


def template(cycle: ReportingCycle, items: list[DueItem]) -> bytes:
    """The workbook for these items (the measures among them), as bytes."""
    book = Workbook()
    guide = book.active
    guide.title = "Instructions"
    guide.column_dimensions["A"].width = 110
    guide.append([safe_cell(f"{cycle.plan.name}: {cycle.period_obj.display} reporting cycle")])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append([f"Data deadline: {cycle.deadline.day} {cycle.deadline:%B %Y}"])
    for line in INSTRUCTIONS:
        guide.append([line])
    for row in guide.iter_rows(min_row=3):
        row[0].alignment = Alignment(wrap_text=True)
    guide["A3"].font = Font(bold=True)

    sheet = book.create_sheet(SHEET)
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "C2"
    for item in items:
        if item.kind != MEASURE:
            continue
        measure = item.item
        last = _previous(measure, item.period)
        now = current_reading(measure, item.period)
        sheet.append(
            _defused(
                [
                    measure.measure_id,
                    measure.title,
                    item.period.display,
                    unit_label(measure),
                    last.period_obj.display if last else "",
                    last.value if last else None,
                    now.value if now else None,
                    now.numerator if now else None,
                    now.denominator if now else None,
                    now.commentary if now else "",
                ]
            )
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row[6:]:
            cell.fill = ENTRY_FILL
    for letter, width in zip("ABCDEFGHIJ", (18, 50, 14, 16, 14, 12, 12, 12, 12, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _defused(cells: list) -> list:
    """Cells safe to open: text a spreadsheet would run as a formula (a measure's title or an
    owner's commentary starting with "=", say) gets the apostrophe the exporter gives it, which
    reading drops again (`_text`), so what goes out comes back unchanged."""
    return [safe_cell(cell) for cell in cells]


# Limits on what an upload may hold, checked before the sheet is read (docs/cycles.md). A
# workbook has a row per reading due from its owner: the rows allowed are a fixed number, or
# twice the readings due where that is more (the team's workbook of a large plan).
MAX_ROWS = 5_000
# What the workbook's parts may unpack to: 5,000 rows with long commentary fit well inside.
MAX_UNPACKED = 50 * 1024 * 1024
# Problems listed on the page; the rest are counted ("and 120 more problems").
MAX_LISTED = 30


def row_limit(readings_due: int) -> int:
    return max(MAX_ROWS, 2 * readings_due)


@dataclass
class Upload:
    rows: list[tuple[Measure, Period, Entry]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Problems found beyond the MAX_LISTED listed.
    more: int = 0
    # Rows filled in with what is already stored: skipped.
    unchanged: int = 0

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.more

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_LISTED:
            self.problems.append(text)
        else:
            self.more += 1

    @property
    def listing(self) -> bool:
        """Whether the next problem will be listed (worth the work of wording it exactly)."""
        return len(self.problems) < MAX_LISTED


def _text(cell) -> str:
    return "" if cell is None else undefused(str(cell).strip())


def _decimal(cell) -> Decimal | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool):
        raise ValueError
    if isinstance(cell, float):
        cell = repr(cell)
    try:
        number = Decimal(str(cell).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError from None
    if not number.is_finite():
        raise ValueError
    return number


def read(data, cycle: ReportingCycle, user, items: list[DueItem]) -> Upload:
    """Every row checked; problems as "row N, column 'x': reason". The file is refused before
    its sheet is read when it would unpack too large, when its headings are not the template's
    or when it has more rows than allowed; the rows are then checked against a few queries'
    worth of what is stored, not a query per row."""
    upload = Upload()
    readings = [i for i in items if i.kind == MEASURE]
    limit = row_limit(len(readings))
    try:
        check_workbook_archive(data, MAX_UNPACKED)
    except UnreadableFile as exc:
        # "it would unpack to 3,000 MB…", or not a workbook at all.
        reason = str(exc)
        upload.problem(
            f"The file cannot be read: {reason}" if reason.startswith("it ") else NOT_A_WORKBOOK
        )
        return upload
    try:
        book = load_workbook(data, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - a damaged workbook can fail in many libraries' ways
        upload.problem(NOT_A_WORKBOOK)
        return upload
    try:
        filled = _filled_rows(upload, book, limit)
    except Exception:  # noqa: BLE001 - a part found damaged only when it is read
        upload.problems[:] = [NOT_A_WORKBOOK]
        return upload
    finally:
        book.close()
    if filled:
        _check_rows(upload, filled, user, readings)
    return upload


NOT_A_WORKBOOK = "The file is not an Excel workbook (.xlsx) that can be read"


def _filled_rows(upload: Upload, book, limit: int) -> list[tuple[int, tuple]]:
    """The rows with anything filled in, as (row number, cells); none when the sheet is
    refused (its problem recorded)."""
    if SHEET not in book.sheetnames:
        upload.problem(f"The workbook has no sheet called '{SHEET}'")
        return []
    sheet = book[SHEET]
    # Rows past the limit are not read: at most the headings and limit + 1 rows, however
    # many the sheet says it has, and no wider than the template.
    rows = sheet.iter_rows(max_row=limit + 2, max_col=len(HEADERS), values_only=True)
    header = tuple(_text(c) for c in next(rows, ()))
    header += ("",) * (len(HEADERS) - len(header))
    if not any(header):
        upload.problem(
            f"Row 1 of the '{SHEET}' sheet is empty: it must hold the template's headings, "
            + ", ".join(HEADERS)
        )
        return []
    for letter, (found, wanted) in zip(
        "ABCDEFGHIJ", zip(header, HEADERS, strict=True), strict=True
    ):
        if found != wanted:
            shown = f"'{found}'" if found else "empty"
            upload.problem(
                f"row 1, column {letter}: the heading is {shown} where the template has "
                f"'{wanted}'. Upload the workbook downloaded from this page, with its headings "
                "as they are"
            )
    if upload.problems:
        return []
    declared = sheet.max_row  # the sheet's own note of its size, when it has one
    if declared is not None and declared - 1 > limit:
        upload.problem(_too_many(f"{declared - 1:,}", limit))
        return []
    filled = []
    for number, cells in enumerate(rows, start=2):
        if number - 1 > limit:
            upload.problem(_too_many("more than", limit))
            return []
        cells = tuple(cells) + (None,) * (len(HEADERS) - len(cells))
        if any(_text(v) != "" for v in cells[6:10]):
            filled.append((number, cells))
    return filled


def _too_many(count: str, limit: int) -> str:
    rows = f"{count} {limit:,} rows" if count == "more than" else f"{count} rows"
    return (
        f"The '{SHEET}' sheet has {rows} below its headings; a workbook for this cycle has at "
        f"most {limit:,}. Upload the workbook downloaded from this page, with a row for each "
        "reading due from you, and delete any rows added below them"
    )


@dataclass
class _Known:
    """What the rows are checked against, read in a few queries before the first row."""

    user: object
    due: dict[tuple[str, str], DueItem]
    mine: dict[str, Measure]
    others: dict[str, Measure]
    may_change: dict[str, bool] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)


def _check_rows(upload: Upload, filled, user, readings: list[DueItem]) -> None:
    mine = {i.item.measure_id: i.item for i in readings}
    named = {_text(cells[0]) for _, cells in filled} - set(mine) - {""}
    known = _Known(
        user=user,
        due={(i.item.measure_id, i.period.label): i for i in readings},
        mine=mine,
        others={m.measure_id: m for m in Measure.objects.filter(measure_id__in=named)},
    )
    stored = current_readings([(i.item, i.period) for i in readings])
    past = past_values({i.item for i in readings})
    for number, cells in filled:
        where = f"row {number}"

        def fail(column: str, reason: str, where: str = where) -> None:
            upload.problem(f"{where}, column '{column}': {reason}")

        found = _reading(upload, fail, _text(cells[0]), _text(cells[2]), known)
        if found is None:
            continue
        measure, period = found
        entry = _entry(fail, cells, measure)
        if entry is None:
            continue
        if unchanged(measure, entry, stored.get((measure.pk, period.label))):
            upload.unchanged += 1
            continue
        mismatch = entry.warning(measure)
        if mismatch:
            upload.warnings.append(
                f"{where}, column 'Value' ({measure.measure_id}, {period.display}): {mismatch}"
            )
        value = entry.final_value(measure)
        history = [v for label, v in past.get(measure.pk, ()) if label != period.label]
        warning = far_from_history(value, history) if value is not None else None
        if warning:
            upload.warnings.append(f"{where} ({measure.measure_id}, {period.display}): {warning}")
        upload.rows.append((measure, period, entry))


def _reading(upload: Upload, fail, measure_id: str, period_text: str, known: _Known):
    """The measure and period a row names, if the cycle asks the user for it."""
    measure = known.mine.get(measure_id) or known.others.get(measure_id)
    if measure is None:
        fail("Measure ID", f"there is no measure '{measure_id}'" if measure_id else "it is empty")
        return None
    if measure_id not in known.mine and upload.listing:
        # Only to choose the words (a query or two a measure): the row is refused either way.
        if measure_id not in known.may_change:
            known.may_change[measure_id] = can_change(known.user, measure)
        if not known.may_change[measure_id]:
            fail("Measure ID", f"you cannot change measure {measure_id}: it is not yours")
            return None
    try:
        period = parse_period(period_text)
    except PeriodError as exc:
        fail("Period", f"'{period_text}' is not a period: {exc}")
        return None
    key = (measure_id, period.label)
    if key not in known.due:
        fail("Period", f"this cycle does not ask for {measure_id} for {period.display}")
        return None
    if key in known.seen:
        fail("Period", f"{measure_id} for {period.display} appears twice")
        return None
    known.seen.add(key)
    return measure, period


def _entry(fail, cells, measure: Measure) -> Entry | None:
    """The row's figures, if they are numbers that pass the form's checks."""
    raw = dict(zip(FILLED_IN, cells[6:10], strict=True))
    numbers = {}
    for name, column in COLUMN_OF.items():
        try:
            numbers[name] = _decimal(raw[column])
        except ValueError:
            fail(column, f"'{_text(raw[column])}' is not a number")
    if len(numbers) < len(COLUMN_OF):
        return None
    typed = _text(raw["Value"])
    entry = Entry(
        commentary=_text(raw["Commentary"]),
        written_decimals=written_decimals(typed) if typed else None,
        **numbers,
    )
    problems = entry.problems(measure)
    for problem in problems:
        fail(COLUMN_OF[problem.field], problem.message)
    return None if problems else entry


def save(upload: Upload, cycle: ReportingCycle, user) -> int:
    """Write every changed row, or none: one transaction. Unchanged rows were left out when
    read: they keep their history, and their approval."""
    with transaction.atomic():
        for measure, period, entry in upload.rows:
            save_reading(
                measure=measure, period=period, entry=entry, user=user, cycle=cycle, loaded=None
            )
    return len(upload.rows)
