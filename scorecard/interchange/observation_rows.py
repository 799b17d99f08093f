"""Rows of an `observations` file: the full check of one row (observation_stream checks the
usual row faster and sends every other row here; observation_writer writes them)."""

from __future__ import annotations

from decimal import Decimal

from scorecard.core.entry_checks import (
    counts_mismatch,
    final_value,
    mismatch_words,
    reading_problems,
)
from scorecard.core.scales import Scale, off_scale, parse_scale
from scorecard.core.units import written_decimals
from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.rows import Rows
from scorecard.measures.choices import ObservationStatus

STATUSES = {s.value.lower(): s.value for s in ObservationStatus if s.value}


def _status(raw: str) -> str:
    value = raw.strip()
    if not value:
        return ""
    try:
        return STATUSES[value.lower()]
    except KeyError:
        raise cells.CellError(f"'{raw}' is not one of {', '.join(STATUSES.values())}") from None


class Seen:
    """What earlier observation rows of this import gave: each measure, period and breakdown
    (kept as one small number where there is no breakdown, so that a million rows fit in
    little memory) and each target by measure and first month."""

    def __init__(self) -> None:
        self.keys: set = set()
        self.targets: dict[tuple[str, int], Decimal] = {}
        self._measures: dict[str, int] = {}
        self._labels: dict[str, int] = {}
        # The most decimals each measure's values were written with ("67.0": 1), from which a
        # measure whose measures file left `decimals` blank gets its own (docs/rules.md).
        self.decimals: dict[str, int] = {}

    def saw_value(self, measure_id: str, text: str) -> None:
        places = written_decimals(text)
        if places > self.decimals.get(measure_id, -1):
            self.decimals[measure_id] = places

    def key(self, measure_id: str, label: str, breakdown: str):
        measure = self._measures.setdefault(measure_id, len(self._measures))
        period = self._labels.setdefault(label, len(self._labels))
        if breakdown:
            return (measure, period, breakdown)
        return measure << 32 | period


def validate(row: RowReader, catalogue: Catalogue, seen: Seen) -> dict | None:
    measure_id = row.get("measure_id", required=True)
    parsed = {
        "measure_id": measure_id,
        "period": row.get("period", cells.period, required=True),
        "value": row.get("value", cells.decimal),
        "numerator": row.get("numerator", cells.decimal, minimum=Decimal(0)),
        "denominator": row.get("denominator", cells.decimal, minimum=Decimal(0)),
        "target": row.get("target", cells.decimal),
        "status": row.get("status", _status),
        "commentary": row.get("commentary"),
        "breakdown": row.get("breakdown", max_length=200),
    }
    facts = catalogue.measures.get(measure_id) if measure_id else None
    if measure_id and facts is None:
        row.fail("measure_id", f"no measure '{measure_id}': add it in a measures file first")
    if row.errors:
        return None
    figures = (parsed["value"], parsed["numerator"], parsed["denominator"])
    if figures == (None, None, None) and not parsed["status"]:
        row.fail("value", "give a value, or a status saying why there is none (e.g. TBC)")
        return None
    # The one rule for a reading, as the form, the workbook and the API apply it.
    scale = parse_scale(facts.scale)
    problems = reading_problems(
        facts.unit, facts.rate_per, *figures, status=parsed["status"], scale=scale
    )
    for problem in problems:
        row.fail(problem.field, problem.message)
    _target_on_scale(row, parsed["target"], scale)
    if row.errors:
        return None
    parsed["written_decimals"] = None
    if parsed["value"] is None:
        parsed["value"] = final_value(facts.unit, facts.rate_per, *figures)
    else:
        # Kept as published; a value its counts do not make is said, not corrected.
        raw = row.cells.get("value", "")
        seen.saw_value(measure_id, raw)
        parsed["written_decimals"] = written_decimals(raw)
        warning = mismatch_warning(facts.unit, facts.rate_per, raw, *figures)
        if warning:
            row.warn("value", warning)
    if parsed["target"] is not None and not _target_agrees(row, parsed, seen):
        return None
    key = seen.key(measure_id, parsed["period"].label, parsed["breakdown"] or "")
    if key in seen.keys:
        row.fail("period", DUPLICATE)
        return None
    seen.keys.add(key)
    return parsed


def _target_on_scale(row: RowReader, target: Decimal | None, scale: Scale | None) -> None:
    """A target on a labelled scale is one of its codes, as a value is."""
    if scale is not None and target is not None and target not in scale:
        row.fail("target", off_scale(target, scale))


def mismatch_warning(
    unit: str,
    rate_per: int | None,
    raw: str,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> str:
    """The warning for a value its numerator and denominator do not make (beyond rounding to
    the decimals it is written with), or ""."""
    exact = counts_mismatch(unit, rate_per, value, numerator, denominator, written_decimals(raw))
    if exact is None or numerator is None or denominator is None:
        return ""
    return (
        f"{mismatch_words(numerator, denominator, exact)}; "
        f"the value {raw.strip()} is kept as published"
    )


DUPLICATE = "this measure, period and breakdown appear twice in this import"


def _target_agrees(row: RowReader, parsed: dict, seen: Seen) -> bool:
    """A target applies from the start of a month; two rows may not set different ones."""
    start = (parsed["measure_id"], parsed["period"].first_month)
    earlier = seen.targets.get(start)
    if earlier is not None and earlier != parsed["target"]:
        row.fail("target", f"another row sets a target of {earlier} from the same month")
        return False
    seen.targets.setdefault(start, parsed["target"])
    return True


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"observations": Rows(validate, streamed=True)}
