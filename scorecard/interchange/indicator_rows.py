"""Rows of a `comparator_indicators` file: the published statistics measures are compared by."""

from __future__ import annotations

from scorecard.benchmarking import fingertips
from scorecard.benchmarking.models import Indicator
from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.rows import whole_file


def polarity(raw: str) -> str:
    if not raw.strip():
        return ""
    try:
        return fingertips.read_polarity(raw).value
    except ValueError as exc:
        raise cells.CellError(str(exc)) from None


def value_type(raw: str) -> str | None:
    if not raw.strip():
        return None
    try:
        return fingertips.read_value_type(raw).value
    except ValueError as exc:
        raise cells.CellError(str(exc)) from None


def multiplier(raw: str) -> float | None:
    """1, 100, 100000, "100,000" or "per 100,000"."""
    text = raw.strip().lower().removeprefix("per").strip()
    number = cells.decimal(text)
    if number is None:
        return None
    if number <= 0:
        raise cells.CellError(f"'{raw}' is not a multiplier: write 1, 100, 100000 and so on")
    return float(number)


def indicator_id(raw: str, *, required: bool = False) -> str:
    return cells.identifier(raw, required=required)


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "indicator_id": row.get("indicator_id", indicator_id, required=True),
        "name": row.get("name", required=True, max_length=500),
        "polarity": row.get("polarity", polarity),
        "value_type": row.get("value_type", value_type),
        "multiplier": row.get("multiplier", multiplier),
        "columns": set(row.cells),
    }
    if parsed["indicator_id"]:
        key = ("indicator", parsed["indicator_id"])
        catalogue.first_time(row, key, "indicator_id", f"indicator {parsed['indicator_id']}")
        catalogue.indicators.add(parsed["indicator_id"])
    return None if row.errors else parsed


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    known = Indicator.objects.in_bulk([r["indicator_id"] for r in rows], field_name="indicator_id")
    for row in rows:
        indicator = known.get(row["indicator_id"]) or Indicator(indicator_id=row["indicator_id"])
        indicator.name = row["name"]
        given = row["columns"]
        if "polarity" in given:
            indicator.polarity = row["polarity"]
        if "value_type" in given and row["value_type"]:
            indicator.value_type = row["value_type"]
        if "multiplier" in given and row["multiplier"]:
            indicator.multiplier = row["multiplier"]
        # One save each: indicators are few, and the audit trail keeps their changes.
        indicator.save()


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"comparator_indicators": whole_file(validate, apply_all)}
