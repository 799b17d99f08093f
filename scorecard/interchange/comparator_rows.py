"""Rows of a `comparators` file: England, regional and neighbour values for a measure."""

from __future__ import annotations

from scorecard.core.units import written_decimals
from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.rows import whole_file
from scorecard.measures.choices import ComparatorType
from scorecard.measures.models import ComparatorValue, Measure


def _comparator_type(raw: str) -> str:
    value = raw.strip().lower().replace(" ", "_")
    if value not in ComparatorType.values:
        raise cells.CellError(f"'{raw}' is not one of {', '.join(ComparatorType.values)}")
    return value


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "measure_id": row.get("measure_id", required=True),
        "comparator": row.get("comparator", required=True, max_length=200),
        "comparator_type": row.get("comparator_type", _comparator_type),
        "period": row.get("period", cells.period, required=True),
        "value": row.get("value", cells.decimal, required=True),
        "rank": row.get("rank", cells.whole_number, minimum=1),
        "quartile": row.get("quartile", cells.whole_number, minimum=1, maximum=4),
    }
    # Shown as published ("88" beside "89.7"), as a measure's own figures are.
    parsed["written_decimals"] = written_decimals(row.cells.get("value", "") or "")
    if parsed["measure_id"] and parsed["measure_id"] not in catalogue.measures:
        row.fail(
            "measure_id", f"no measure '{parsed['measure_id']}': add it in a measures file first"
        )
    return None if row.errors else parsed


def apply(parsed: dict, measures: dict[str, Measure]) -> None:
    period = parsed["period"]
    comparator = ComparatorValue.objects.filter(
        measure=measures[parsed["measure_id"]],
        comparator=parsed["comparator"],
        period=period.label,
    ).first() or ComparatorValue(
        measure=measures[parsed["measure_id"]], comparator=parsed["comparator"]
    )
    comparator.set_period(period)
    comparator.comparator_type = parsed["comparator_type"]
    comparator.value = parsed["value"]
    comparator.written_decimals = parsed["written_decimals"]
    comparator.rank = parsed["rank"]
    comparator.quartile = parsed["quartile"]
    comparator.save()


# The kinds of file these rows are read from (interchange/rows.py).
def apply_all(parsed: list[dict], lookups: Lookups) -> None:
    # Every measure read once, for every comparators file of the import.
    measures = lookups.table("measures", lambda: {m.measure_id: m for m in Measure.objects.all()})
    for row in parsed:
        apply(row, measures)


READS = {"comparators": whole_file(validate, apply_all)}
