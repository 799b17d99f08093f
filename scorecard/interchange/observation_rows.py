"""Rows of an `observations` file: values, targets from a period on, and their history."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from scorecard.core.units import Unit
from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.measures.choices import ObservationStatus
from scorecard.measures.models import Measure, Observation, ObservationRevision, Target

STATUSES = {s.value.lower(): s.value for s in ObservationStatus if s.value}
SCALED_UNITS = {Unit.PERCENT.value: 100, Unit.RATIO.value: 1}


def _status(raw: str) -> str:
    value = raw.strip()
    if not value:
        return ""
    try:
        return STATUSES[value.lower()]
    except KeyError:
        raise cells.CellError(f"'{raw}' is not one of {', '.join(STATUSES.values())}") from None


def computed_value(unit: str, rate_per: int | None, numerator: Decimal, denominator: Decimal):
    """A value made from its counts, for units where the counts define it."""
    scale = rate_per if unit == Unit.RATE.value else SCALED_UNITS.get(unit)
    if scale is None or denominator == 0:
        return None
    return (numerator * scale / denominator).quantize(Decimal("0.00000001"))


def validate(row: RowReader, catalogue: Catalogue, seen: set) -> dict | None:
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
    if parsed["value"] is None and parsed["numerator"] is not None and parsed["denominator"]:
        parsed["value"] = computed_value(
            facts.unit, facts.rate_per, parsed["numerator"], parsed["denominator"]
        )
    if parsed["value"] is None and not parsed["status"]:
        row.fail("value", "give a value, or a status saying why there is none (e.g. TBC)")
        return None
    key = (measure_id, parsed["period"].label, parsed["breakdown"] or "")
    if key in seen:
        row.fail("period", "this measure, period and breakdown appear twice in this import")
        return None
    seen.add(key)
    return parsed


def _unchanged(observation: Observation, values: dict) -> bool:
    return all(getattr(observation, f) == values[f] for f in Observation.HISTORY_FIELDS)


def apply(parsed: dict, measures: dict[str, Measure], entered_by: str) -> None:
    measure = measures[parsed["measure_id"]]
    period = parsed["period"]
    now = timezone.now()
    values = {
        "value": parsed["value"],
        "numerator": parsed["numerator"],
        "denominator": parsed["denominator"],
        "status": parsed["status"] or "",
        "commentary": parsed["commentary"] or "",
    }
    observation = Observation.objects.filter(
        measure=measure, period=period.label, breakdown=parsed["breakdown"] or ""
    ).first()
    if observation is None:
        observation = Observation(measure=measure, breakdown=parsed["breakdown"] or "")
        observation.set_period(period)
    elif _unchanged(observation, values):
        values = None
    else:
        ObservationRevision.objects.create(
            observation=observation,
            replaced_at=now,
            entered_by=observation.entered_by,
            entered_at=observation.entered_at,
            **{f: getattr(observation, f) for f in Observation.HISTORY_FIELDS},
        )
    if values is not None:
        for field, value in values.items():
            setattr(observation, field, value)
        observation.entered_by = entered_by
        observation.entered_at = now
        observation.save()
    if parsed["target"] is not None:
        Target.objects.update_or_create(
            measure=measure,
            from_period=period.label,
            defaults={"value": parsed["target"], "from_month": period.first_month},
        )
