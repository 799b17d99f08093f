"""Offline collection: an Excel workbook of someone's measures due in a cycle, pre-filled with
the last period's values, and reading it back with the same checks as the form, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from io import BytesIO
from zipfile import BadZipFile

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

from scorecard.core.entry_checks import counts_mismatch, far_from_history, mismatch_words
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.core.units import written_decimals
from scorecard.cycles.due import MEASURE, DueItem
from scorecard.cycles.entry import Entry, current_reading, history, save_reading
from scorecard.cycles.models import ReportingCycle
from scorecard.interchange.exporter import _safe_cell as safe_cell
from scorecard.interchange.readers import undefused
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
                    item.period.label,
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


@dataclass
class Upload:
    rows: list[tuple[Measure, Period, Entry]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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
    """Every row checked; problems as "row N, column 'x': reason"."""
    upload = Upload()
    try:
        book = load_workbook(data, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, TypeError, EOFError):
        upload.problems.append("The file is not an Excel workbook (.xlsx) that can be read")
        return upload
    if SHEET not in book.sheetnames:
        upload.problems.append(f"The workbook has no sheet called '{SHEET}'")
        return upload
    rows = book[SHEET].iter_rows(values_only=True)
    header = tuple(_text(c) for c in next(rows, ()))[: len(HEADERS)]
    if header != HEADERS:
        upload.problems.append(
            "Row 1 must hold the column headings the template has: " + ", ".join(HEADERS)
        )
        return upload
    due = {(i.item.measure_id, i.period.label): i for i in items if i.kind == MEASURE}
    seen: set[tuple[str, str]] = set()
    for number, cells in enumerate(rows, start=2):
        cells = tuple(cells) + (None,) * (len(HEADERS) - len(cells))
        _read_row(upload, number, cells, cycle, user, due, seen)
    book.close()
    return upload


def _read_row(upload, number, cells, cycle, user, due, seen) -> None:
    raw = dict(zip(FILLED_IN, cells[6:10], strict=True))
    if all(_text(v) == "" for v in raw.values()):
        return  # nothing filled in: skipped
    where = f"row {number}"

    def fail(column: str, reason: str) -> None:
        upload.problems.append(f"{where}, column '{column}': {reason}")

    found = _reading(fail, _text(cells[0]), _text(cells[2]), user, due, seen)
    if found is None:
        return
    measure, period = found
    numbers = {}
    for name, column in COLUMN_OF.items():
        try:
            numbers[name] = _decimal(raw[column])
        except ValueError:
            fail(column, f"'{_text(raw[column])}' is not a number")
    if len(numbers) < len(COLUMN_OF):
        return
    entry = Entry(commentary=_text(raw["Commentary"]), **numbers)
    problems = entry.problems(measure)
    for problem in problems:
        fail(COLUMN_OF[problem.field], problem.message)
    if problems:
        return
    upload.warnings += _warnings(where, measure, period, entry, raw["Value"])
    upload.rows.append((measure, period, entry))


def _warnings(where: str, measure: Measure, period: Period, entry: Entry, raw_value) -> list:
    """What the person uploading must confirm: a value its counts do not make, and a value far
    outside the measure's history."""
    found = []
    mismatch = _mismatch(measure, entry, raw_value)
    if mismatch:
        found.append(
            f"{where}, column 'Value' ({measure.measure_id}, {period.display}): {mismatch}"
        )
    value = entry.final_value(measure)
    warning = far_from_history(value, history(measure, period)) if value is not None else None
    if warning:
        found.append(f"{where} ({measure.measure_id}, {period.display}): {warning}")
    return found


def _mismatch(measure: Measure, entry: Entry, raw_value) -> str:
    """Words for a value its counts do not make beyond rounding (to the decimals typed, when
    typed as text), or "": within 5% it is not refused, but it is not rounding either."""
    if entry.numerator is None or entry.denominator is None:
        return ""
    exact = counts_mismatch(
        measure.unit,
        measure.rate_per,
        entry.value,
        entry.numerator,
        entry.denominator,
        written_decimals(raw_value) if isinstance(raw_value, str) else None,
    )
    return "" if exact is None else mismatch_words(entry.numerator, entry.denominator, exact)


def _reading(fail, measure_id: str, period_text: str, user, due, seen):
    """The measure and period a row names, if the cycle asks for it and the user may enter it."""
    measure = Measure.objects.filter(measure_id=measure_id).first() if measure_id else None
    if measure is None:
        fail("Measure ID", f"there is no measure '{measure_id}'" if measure_id else "it is empty")
        return None
    if not can_change(user, measure):
        fail("Measure ID", f"you cannot change measure {measure_id}: it is not yours")
        return None
    try:
        period = parse_period(period_text)
    except PeriodError as exc:
        fail("Period", f"'{period_text}' is not a period: {exc}")
        return None
    key = (measure_id, period.label)
    if key not in due:
        fail("Period", f"this cycle does not ask for {measure_id} for {period.display}")
        return None
    if key in seen:
        fail("Period", f"{measure_id} for {period.display} appears twice")
        return None
    seen.add(key)
    return measure, period


def save(upload: Upload, cycle: ReportingCycle, user) -> int:
    """Write every row, or none: one transaction."""
    with transaction.atomic():
        for measure, period, entry in upload.rows:
            save_reading(
                measure=measure, period=period, entry=entry, user=user, cycle=cycle, loaded=None
            )
    return len(upload.rows)
