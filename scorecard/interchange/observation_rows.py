"""Rows of an `observations` file: values, targets from a period on, and their history."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from scorecard.audit import capture as audit
from scorecard.audit.values import snapshot
from scorecard.core.entry_checks import final_value, reading_problems
from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.measures.choices import ObservationStatus
from scorecard.measures.models import Measure, Observation, ObservationRevision, Target

STATUSES = {s.value.lower(): s.value for s in ObservationStatus if s.value}


def _status(raw: str) -> str:
    value = raw.strip()
    if not value:
        return ""
    try:
        return STATUSES[value.lower()]
    except KeyError:
        raise cells.CellError(f"'{raw}' is not one of {', '.join(STATUSES.values())}") from None


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
    figures = (parsed["value"], parsed["numerator"], parsed["denominator"])
    if figures == (None, None, None) and not parsed["status"]:
        row.fail("value", "give a value, or a status saying why there is none (e.g. TBC)")
        return None
    # The one rule for a reading, as the form, the workbook and the API apply it.
    problems = reading_problems(facts.unit, facts.rate_per, *figures, status=parsed["status"])
    for problem in problems:
        row.fail(problem.field, problem.message)
    if problems:
        return None
    parsed["value"] = final_value(facts.unit, facts.rate_per, *figures)
    if parsed["target"] is not None and not _target_agrees(row, parsed, seen):
        return None
    key = (measure_id, parsed["period"].label, parsed["breakdown"] or "")
    if key in seen:
        row.fail("period", "this measure, period and breakdown appear twice in this import")
        return None
    seen.add(key)
    return parsed


def _target_agrees(row: RowReader, parsed: dict, seen: set) -> bool:
    """A target applies from the start of a month; two rows may not set different ones."""
    start = ("target", parsed["measure_id"], parsed["period"].first_month)
    earlier = next((item for item in seen if item[:3] == start), None)
    if earlier is not None and earlier[3] != parsed["target"]:
        row.fail("target", f"another row sets a target of {earlier[3]} from the same month")
        return False
    seen.add((*start, parsed["target"]))
    return True


def _unchanged(observation: Observation, values: dict) -> bool:
    return all(getattr(observation, f) == values[f] for f in Observation.HISTORY_FIELDS)


def _values(parsed: dict) -> dict:
    return {
        "value": parsed["value"],
        "numerator": parsed["numerator"],
        "denominator": parsed["denominator"],
        "status": parsed["status"] or "",
        "commentary": parsed["commentary"] or "",
    }


def _existing(measure_ids: set[int]) -> dict[tuple, Observation]:
    rows = Observation.objects.filter(measure_id__in=measure_ids)
    return {(o.measure_id, o.period, o.breakdown): o for o in rows}


BATCH = 2000


def apply_all(rows: list[dict], measures: dict[str, Measure], entered_by: str) -> None:
    """Write a file's observations in a few statements: new rows in bulk, changed rows updated
    with their earlier values kept as revisions, unchanged rows left alone."""
    now = timezone.now()
    existing = _existing({measures[r["measure_id"]].pk for r in rows})
    new, changed, revisions, before = [], [], [], []
    for parsed in rows:
        measure = measures[parsed["measure_id"]]
        period, breakdown = parsed["period"], parsed["breakdown"] or ""
        values = _values(parsed)
        observation = existing.get((measure.pk, period.label, breakdown))
        if observation is None:
            observation = Observation(measure=measure, breakdown=breakdown)
            observation.set_period(period)
            observation.revise(values, entered_by, now)
            new.append(observation)
        elif not _unchanged(observation, values):
            before.append(snapshot(observation))
            revisions.append(observation.revise(values, entered_by, now))
            changed.append(observation)
    Observation.objects.bulk_create(new, batch_size=BATCH)
    ObservationRevision.objects.bulk_create(revisions, batch_size=BATCH)
    fields = [*Observation.HISTORY_FIELDS, "entered_by", "entered_at"]
    Observation.objects.bulk_update(changed, fields, batch_size=BATCH)
    # bulk_create and bulk_update send no signals: the audit trail is written here.
    audit.record_created([*new, *revisions])
    audit.record_changed(zip(before, changed, strict=True))
    for parsed in rows:
        if parsed["target"] is not None:
            _set_target(measures[parsed["measure_id"]], parsed["period"], parsed["target"])


def _set_target(measure: Measure, period, value: Decimal) -> None:
    Target.objects.update_or_create(
        measure=measure,
        from_month=period.first_month,
        defaults={"value": value, "from_period": period.label},
    )
