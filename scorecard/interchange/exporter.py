"""`scorecard export`: ratings per observation and the scorecard as at a period."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from scorecard.core.periods import Period
from scorecard.core.units import rounded
from scorecard.interchange.readers import DEFUSED_STARTS
from scorecard.scoring.scorecard import build_scorecard, measures_for, rate_measures

RATING_COLUMNS = [
    "measure_id",
    "title",
    "period",
    "breakdown",
    "value",
    "numerator",
    "denominator",
    "status",
    "target",
    "rag",
    "direction",
    "reason",
]
SCORECARD_COLUMNS = [
    "measure_id",
    "title",
    "outcome",
    "period",
    "value",
    "target",
    "rag",
    "direction",
    "reason",
]


def _number(value: Decimal | None, decimals: int | None = None) -> float | int | None:
    """JSON has no decimals: write the shortest number that reads back as the same value,
    rounded to the measure's decimals when given (a figure as it is published; JSON itself
    cannot keep a trailing zero, so 53.50 reads 53.5)."""
    if value is None:
        return None
    value = rounded(value, decimals)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def rating_records(plan_id: str | None = None) -> list[dict]:
    records = []
    for rated in rate_measures(measures_for(plan_id)):
        measure = rated.measure
        for observation, item in rated.rows:
            records.append(
                {
                    "measure_id": measure.measure_id,
                    "title": measure.title,
                    "period": observation.period,
                    "breakdown": observation.breakdown,
                    "value": _number(
                        observation.value, measure.decimals_for(observation.written_decimals)
                    ),
                    "numerator": _number(observation.numerator),
                    "denominator": _number(observation.denominator),
                    "status": observation.status or None,
                    "target": _number(item.target, measure.decimals),
                    "rag": item.rating.rag.value if item.rating.rag else None,
                    "direction": item.direction.value if item.direction else None,
                    "reason": item.rating.reason,
                }
            )
    return records


def scorecard_document(as_at: Period, plan_id: str | None = None) -> dict:
    scorecard = build_scorecard(as_at, plan_id)
    measures = []
    for line in scorecard.lines:
        latest = line.headline.latest
        measures.append(
            {
                "measure_id": line.measure.measure_id,
                "title": line.measure.title,
                "outcome": line.measure.outcome.name if line.measure.outcome else None,
                "period": latest.reading.period.label if latest else None,
                "value": _number(
                    latest.reading.value, line.measure.decimals_for(latest.reading.decimals)
                )
                if latest
                else None,
                "target": _number(latest.target, line.measure.decimals) if latest else None,
                "rag": line.headline.rag.value if line.headline.rag else None,
                "direction": line.headline.direction.value if line.headline.direction else None,
                "reason": line.headline.rating.reason,
            }
        )
    summary = [rollup.as_dict() for _, rollup in scorecard.groups]
    summary.append(scorecard.total.as_dict())
    return {
        "period": as_at.label,
        "plan_id": plan_id,
        "measures": measures,
        "projects": [_project_record(position) for position in scorecard.projects],
        "summary": summary,
    }


def _project_record(position) -> dict:
    """A project as the roll-ups count it: its last status by the period, and direction."""
    project, update = position.project, position.update
    outcome = project.rollup_outcome
    return {
        "project_id": project.project_id,
        "title": project.title,
        "outcome": outcome.name if outcome else None,
        "period": update.period if update else None,
        "status": update.status or None if update else None,
        "direction": position.direction.value if position.direction else None,
        "direction_set_by_officer": position.direction_set_by_officer,
    }


def as_json(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula (or that starts with an apostrophe) is
    written with a leading apostrophe, which the importer drops again; numbers (including
    negative ones) are written as they are."""
    if isinstance(value, str) and value.startswith(DEFUSED_STARTS):
        return "'" + value
    return value


def as_csv(records: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(
            {k: "" if record.get(k) is None else _safe_cell(record[k]) for k in columns}
        )
    return buffer.getvalue()
