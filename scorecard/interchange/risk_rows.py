"""Rows of `risks` files (the risk register) and `risk_assessments` files."""

from __future__ import annotations

from scorecard.interchange import cells, references
from scorecard.interchange.context import Catalogue, RowReader, unknown
from scorecard.interchange.lookups import Lookups, NewRowOrder, save_changed, set_members
from scorecard.interchange.rows import whole_file
from scorecard.risks.models import Risk, RiskAssessment

HIGHEST_SCORE = 25
TEXT_COLUMNS = {"description": None, "category": 100, "controls": None, "management_actions": None}


def _check_references(row: RowReader, catalogue: Catalogue, parsed: dict) -> None:
    plan_id = parsed["plan_id"]
    references.plan(row, catalogue, plan_id)
    if parsed["programmes"] and not plan_id and not row.failed("plan_id"):
        row.fail("programmes", "programmes are named within a plan: give the plan_id")
    elif plan_id in catalogue.plans:
        for name in parsed["programmes"]:
            references.programme(row, catalogue, plan_id, name, column="programmes")
    references.person(row, catalogue, parsed["owner"], "owner")


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "reference": row.get(
            "reference", cells.identifier, required=True, reserved=Risk.RESERVED_REFERENCES
        ),
        "title": row.get("title", required=True, max_length=300),
        "plan_id": row.get("plan_id", cells.identifier),
        "programmes": row.get("programmes", cells.names) or (),
        "owner": row.get("owner", cells.identifier),
        "organisation": row.get("organisation", max_length=200),
        "target_score": row.get(
            "target_score", cells.whole_number, minimum=1, maximum=HIGHEST_SCORE
        ),
        **{column: row.get(column, max_length=n) for column, n in TEXT_COLUMNS.items()},
        "columns": set(row.cells),
    }
    reference = parsed["reference"]
    if reference:
        # Known from here on even if this row is bad, so its assessments are not blamed for it.
        catalogue.risks.add(reference)
    _check_references(row, catalogue, parsed)
    if row.errors:
        return None
    if not catalogue.first_time(row, ("risk", reference), "reference", f"risk '{reference}'"):
        return None
    return parsed


def _values(parsed: dict, lookups: Lookups) -> dict:
    given = parsed["columns"]
    values = {"title": parsed["title"]}
    values.update({column: parsed[column] for column in TEXT_COLUMNS if column in given})
    if "plan_id" in given:
        values["plan"] = lookups.plan(parsed["plan_id"]) if parsed["plan_id"] else None
    if "owner" in given:
        values["owner"] = lookups.person(parsed["owner"])
    if "organisation" in given:
        values["organisation"] = lookups.organisation(parsed["organisation"])
    if "target_score" in given:
        values["target_score"] = parsed["target_score"]
    return values


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    """Risks in the order of the file; each risk's programmes replaced by the file's."""
    risks = lookups.risks()
    orders = NewRowOrder(Risk.objects.all())
    for parsed in rows:
        risk = risks.get(parsed["reference"]) or Risk(reference=parsed["reference"])
        save_changed(risk, {**_values(parsed, lookups), **orders.place(risk)})
        risks[risk.reference] = risk
        if "programmes" in parsed["columns"]:
            plan_id = parsed["plan_id"]
            set_members(
                risk.programmes, [lookups.programme(plan_id, n) for n in parsed["programmes"]]
            )


# --- assessments ---------------------------------------------------------------------------


def score_part(raw: str) -> int | None:
    value = cells.whole_number(raw, minimum=1, maximum=5)
    if value is None:
        raise cells.CellError("a whole number from 1 to 5 is needed here")
    return value


def validate_assessment(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "reference": row.get(
            "reference", cells.identifier, required=True, reserved=Risk.RESERVED_REFERENCES
        ),
        "assessed_on": row.get("assessed_on", cells.date, required=True),
        "likelihood": row.get("likelihood", score_part),
        "impact": row.get("impact", score_part),
        "period": row.get("period", cells.period),
        "note": row.get("note"),
        "columns": set(row.cells),
    }
    reference = parsed["reference"]
    if reference and reference not in catalogue.risks:
        row.fail("reference", unknown("risk", reference, catalogue.risks, "add it in a risks file"))
    if row.errors:
        return None
    day = parsed["assessed_on"]
    what = f"an assessment of risk '{reference}' on {day.isoformat()}"
    if not catalogue.first_time(row, ("risk_assessment", reference, day), "assessed_on", what):
        return None
    return parsed


def apply_assessments(rows: list[dict], lookups: Lookups) -> None:
    risks = lookups.risks()
    existing = {
        (a.risk_id, a.assessed_on): a
        for a in RiskAssessment.objects.filter(risk__reference__in={r["reference"] for r in rows})
    }
    for parsed in rows:
        risk = risks[parsed["reference"]]
        assessment = existing.get((risk.pk, parsed["assessed_on"])) or RiskAssessment(
            risk=risk, assessed_on=parsed["assessed_on"]
        )
        values = {"likelihood": parsed["likelihood"], "impact": parsed["impact"]}
        if "period" in parsed["columns"]:
            values["period"] = parsed["period"].label if parsed["period"] else ""
        if "note" in parsed["columns"]:
            values["note"] = parsed["note"]
        save_changed(assessment, values)


# The kinds of file these rows are read from (interchange/rows.py).
READS = {
    "risks": whole_file(validate, apply_all),
    "risk_assessments": whole_file(validate_assessment, apply_assessments),
}
