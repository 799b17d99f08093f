"""Checking an observations file a row at a time, fast, so that a million rows need neither a
dictionary per row nor the memory to hold them all.

The usual row (a known measure, a period already seen, plain numbers) is checked here in a few
steps; any row this path is not sure of goes through `observation_rows.validate`, the one
full check, which gives the same result and the same messages as ever. Rows that pass come
out as plain tuples (`Reading`), in batches, to be written while the rest are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple

from scorecard.core.entry_checks import NEVER_NEGATIVE, final_value, reading_problems
from scorecard.core.periods import Period
from scorecard.core.units import Unit, written_decimals
from scorecard.interchange import cells, observation_rows
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.errors import RowError
from scorecard.interchange.readers import RowStream


class Reading(NamedTuple):
    """One checked row, as the writer needs it."""

    measure_id: str
    period: Period
    label: str  # the period's label, worked out once per period rather than once a row
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str
    commentary: str
    breakdown: str
    target: Decimal | None
    # The decimals the value was written with ("58": 0, "71.4": 1); None when worked out.
    written_decimals: int | None = None


# A number this path reads itself: at most 15 digits, at most 8 after the point, no sign but
# minus, no commas or percent sign. Anything else goes to cells.decimal through the full check.
_PLAIN_NUMBER = re.compile(r"-?(\d+)(?:\.(\d{1,8}))?")
_SLOW = object()


def _number(text: str):
    if not text:
        return None
    match = _PLAIN_NUMBER.fullmatch(text)
    if match is None or len(match[1]) + len(match[2] or "") > 15:
        return _SLOW
    return Decimal(text)


class _Measure(NamedTuple):
    unit: str
    rate_per: int | None
    never_negative: bool
    percent: bool


COLUMNS = ("measure_id", "period", "value", "numerator", "denominator", "target", "status")
TEXT_COLUMNS = ("commentary", "breakdown")


def readings(
    stream: RowStream,
    catalogue: Catalogue,
    seen: observation_rows.Seen,
    errors: list[RowError],
    warnings: list[RowError] | None = None,
) -> Iterator[Reading]:
    """The rows that pass, in file order; every row that fails adds its problems to `errors`,
    and what is worth a word but does not stop the import goes into `warnings`."""
    header = stream.header
    index = {
        name: header.index(name) if name in header else None for name in (*COLUMNS, *TEXT_COLUMNS)
    }
    measures = {
        measure_id: _Measure(
            facts.unit, facts.rate_per, facts.unit in NEVER_NEGATIVE, facts.unit == Unit.PERCENT
        )
        for measure_id, facts in catalogue.measures.items()
        # Ids that the full check would change or refuse take the full check; so do the
        # figures of a labelled scale, which it checks against the scale's codes.
        if measure_id == measure_id.strip() and "\x00" not in measure_id and not facts.scale
    }
    periods: dict[str, tuple[Period, str]] = {}
    full = _full_check(stream.name, header, catalogue, seen, errors, warnings)
    fast = _fast_check(index, measures, periods, seen)
    for number, row, extra in stream.rows:
        reading = _SLOW if extra else fast(row)
        if reading is _SLOW:
            reading = full(number, row, extra)
        if reading is not None:
            yield reading


# One function on purpose: it runs once a row, and each call or lookup saved counts.
def _fast_check(index: dict, measures: dict, periods: dict, seen) -> Callable:  # noqa: C901
    i_measure, i_period = index["measure_id"], index["period"]
    i_value, i_numerator, i_denominator = index["value"], index["numerator"], index["denominator"]
    i_target, i_status = index["target"], index["status"]
    i_commentary, i_breakdown = index["commentary"], index["breakdown"]
    statuses = observation_rows.STATUSES
    keys, targets, key_of, saw_value = seen.keys, seen.targets, seen.key, seen.saw_value

    def check(row: list[str]):  # noqa: C901
        measure_id = row[i_measure]
        measure = measures.get(measure_id)
        text = row[i_period]
        if type(text) is not str:
            return _SLOW  # a spreadsheet's date cell is read by its month: the full check knows how
        known = periods.get(text)
        if known is None:
            if measure is None:
                return _SLOW
            try:
                period = cells.period(text, required=True)
            except cells.CellError:
                return _SLOW
            known = periods[text] = (period, period.label)
        period, label = known
        if measure is None:
            return _SLOW
        value = _number(row[i_value]) if i_value is not None else None
        numerator = _number(row[i_numerator]) if i_numerator is not None else None
        denominator = _number(row[i_denominator]) if i_denominator is not None else None
        target = _number(row[i_target]) if i_target is not None else None
        if value is _SLOW or numerator is _SLOW or denominator is _SLOW or target is _SLOW:
            return _SLOW
        status = ""
        if i_status is not None and row[i_status]:
            status = statuses.get(row[i_status].strip().lower())
            if status is None:
                return _SLOW
        commentary = row[i_commentary].strip() if i_commentary is not None else ""
        breakdown = row[i_breakdown].strip() if i_breakdown is not None else ""
        if "\x00" in commentary or "\x00" in breakdown or len(breakdown) > 200:
            return _SLOW
        written = None
        if value is not None:
            saw_value(measure_id, row[i_value])
            written = written_decimals(row[i_value])
        if numerator is None and denominator is None:
            if value is None:
                return _SLOW  # a status alone, or nothing: the full check says which
            if (measure.never_negative and value < 0) or (measure.percent and value > 100):
                return _SLOW
        else:
            if (numerator is not None and numerator < 0) or (
                denominator is not None and denominator < 0
            ):
                return _SLOW
            figures = (value, numerator, denominator)
            if reading_problems(measure.unit, measure.rate_per, *figures, status=status):
                return _SLOW
            if value is None:
                value = final_value(measure.unit, measure.rate_per, *figures)
            elif observation_rows.mismatch_warning(
                measure.unit, measure.rate_per, row[i_value], *figures
            ):
                return _SLOW  # the full check warns, with the row and column
        if target is not None:
            earlier = targets.get((measure_id, period.first_month))
            if earlier is not None and earlier != target:
                return _SLOW
        key = key_of(measure_id, label, breakdown)
        if key in keys:
            return _SLOW
        if target is not None:
            targets.setdefault((measure_id, period.first_month), target)
        keys.add(key)
        return Reading(
            measure_id,
            period,
            label,
            value,
            numerator,
            denominator,
            status,
            commentary,
            breakdown,
            target,
            written,
        )

    return check


def _full_check(name: str, header: list[str], catalogue: Catalogue, seen, errors: list, warnings):
    def check(number: int, row: list[str], extra: bool) -> Reading | None:
        reader = RowReader(name, number, dict(zip(header, row, strict=True)))
        if extra:
            reader.fail(None, "this row has more cells than the header has columns")
            parsed = None
        else:
            parsed = observation_rows.validate(reader, catalogue, seen)
        if reader.errors:
            errors.extend(reader.errors)
            return None
        if warnings is not None:
            warnings.extend(reader.warnings)
        if parsed is None:
            return None
        return Reading(
            parsed["measure_id"],
            parsed["period"],
            parsed["period"].label,
            parsed["value"],
            parsed["numerator"],
            parsed["denominator"],
            parsed["status"] or "",
            parsed["commentary"] or "",
            parsed["breakdown"] or "",
            parsed["target"],
            parsed["written_decimals"],
        )

    return check
