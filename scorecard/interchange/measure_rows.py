"""Rows of a `measures` file."""

from __future__ import annotations

from decimal import Decimal

from scorecard.benchmarking.models import Indicator
from scorecard.core.ratings import Polarity, ToleranceType
from scorecard.core.scales import off_scale, parse_scale
from scorecard.core.series import CompareWith, Frequency
from scorecard.core.units import MoneyUnit, Unit
from scorecard.framework.models import Board, Organisation, Outcome, Plan, Priority, Programme
from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, MeasureFacts, RowReader
from scorecard.interchange.rows import one_at_a_time
from scorecard.measures.models import Measure, Target

DEFAULT_PLAN_ID = "plan"
# Free-text columns and the longest text each holds (None: no limit).
TEXT_COLUMNS = {
    "description": None,
    "owner": 200,
    "source": 300,
    "benchmarking": None,
    "notes": None,
}


def _plan_for(row: RowReader, catalogue: Catalogue, plan_id: str, needs_plan: bool) -> str | None:
    if plan_id:
        if plan_id not in catalogue.plans:
            row.fail(
                "plan_id", f"no plan '{plan_id}': import its framework file first or with this one"
            )
        return plan_id
    if not needs_plan:
        return None
    if len(catalogue.plans) > 1:
        row.fail("plan_id", "there are several plans: say which one this measure belongs to")
        return None
    return next(iter(catalogue.plans), DEFAULT_PLAN_ID)


def _tolerance_kind(row: RowReader) -> ToleranceType:
    """With no tolerance_type, "10%" means 10% of the target; a bare number means points."""
    written = row.cells.get("tolerance", "").strip()
    return ToleranceType.RELATIVE if written.endswith("%") else ToleranceType.ABSOLUTE


def _check_scale(row: RowReader, parsed: dict) -> None:
    """A labelled scale's figures are scores (codes), never money; a target is one of them."""
    scale = parse_scale(parsed["scale"] or "")
    if scale is None:
        return
    if parsed["unit"] not in (None, Unit.SCORE):
        row.fail("scale", "the figures of a labelled scale are codes: the unit is score")
    if parsed["budget_variance"]:
        row.fail("scale", "a budget variance is an amount of money, not a labelled scale")
    if parsed["target"] is not None and parsed["target"] not in scale:
        row.fail("target", off_scale(parsed["target"], scale))


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "measure_id": row.get("measure_id", cells.identifier, required=True),
        "title": row.get("title", required=True, max_length=300),
        "polarity": row.get("polarity", cells.choice, options=Polarity),
        "unit": row.get("unit", cells.choice, options=Unit),
        "frequency": row.get("frequency", cells.choice, options=Frequency),
        "rate_per": row.get("rate_per", cells.whole_number, minimum=1),
        "money_unit": row.get(
            "money_unit", cells.choice, options=MoneyUnit, default=MoneyUnit.POUNDS
        ),
        "target": row.get("target", cells.decimal),
        "tolerance": row.get("tolerance", cells.decimal, minimum=Decimal(0)) or Decimal(0),
        "tolerance_type": row.get(
            "tolerance_type", cells.choice, options=ToleranceType, default=_tolerance_kind(row)
        ),
        "steady_band": row.get("steady_band", cells.decimal, minimum=Decimal(0)) or Decimal(0),
        "compare_with": row.get(
            "compare_with", cells.choice, options=CompareWith, default=CompareWith.PREVIOUS
        ),
        "discontinued_from": row.get("discontinued_from", cells.period),
        "baseline_period": row.get("baseline_period", cells.period),
        "decimals": row.get("decimals", cells.whole_number, minimum=0, maximum=6),
        "outcome": row.get("outcome", max_length=300),
        "priority": row.get("priority", max_length=300),
        "programme": row.get("programme", max_length=300),
        "organisation": row.get("organisation", max_length=200),
        "board": row.get("board", max_length=200),
        **{column: row.get(column, max_length=TEXT_COLUMNS[column]) for column in TEXT_COLUMNS},
        # On the public scorecard and in the open data (docs/publishing.md); blank means no.
        "published": row.get("published", cells.yes_no),
        # A forecast outturn against budget, worded overspend, underspend or balanced.
        "budget_variance": row.get("budget_variance", cells.yes_no),
        # The published statistic (a Fingertips indicator id) the measure is benchmarked by.
        "comparator_indicator": row.get("comparator_indicator", cells.identifier),
        # A labelled scale: the figures are codes printed as words (Ofsted's grades).
        "scale": row.get("scale", cells.scale),
    }
    indicator = parsed["comparator_indicator"]
    if indicator and indicator not in catalogue.indicators:
        row.fail(
            "comparator_indicator",
            f"no comparator indicator '{indicator}': import it first, or with this file, in a "
            "comparator_indicators, comparator_values or Fingertips file",
        )
    if parsed["budget_variance"] and parsed["unit"] not in (None, Unit.MONEY):
        row.fail("budget_variance", "a budget variance is an amount of money: the unit is money")
    _check_scale(row, parsed)
    if parsed["unit"] is Unit.RATE and not parsed["rate_per"] and not row.failed("rate_per"):
        row.fail("rate_per", "a rate needs rate_per, e.g. 10000 for a rate per 10,000")
    if _tolerance_kind(row) is ToleranceType.RELATIVE and parsed["tolerance_type"] is (
        ToleranceType.ABSOLUTE
    ):
        row.fail(
            "tolerance", "a tolerance written with % is relative: set tolerance_type to relative"
        )
    if parsed["priority"] and not parsed["outcome"]:
        row.fail("outcome", "a measure with a priority needs the priority's outcome")
    needs_plan = any(parsed[k] for k in ("outcome", "priority", "programme"))
    parsed["plan_id"] = _plan_for(row, catalogue, row.get("plan_id", cells.identifier), needs_plan)
    parsed["columns"] = set(row.cells)
    if row.errors:
        return None
    if parsed["measure_id"] in catalogue.measures and parsed["measure_id"] in catalogue.new_ids:
        row.fail("measure_id", f"'{parsed['measure_id']}' appears twice in this import")
        return None
    catalogue.measures[parsed["measure_id"]] = MeasureFacts(
        parsed["unit"], parsed["rate_per"], parsed["scale"] or ""
    )
    catalogue.new_ids.add(parsed["measure_id"])
    _note_framework(parsed, catalogue)
    return parsed


def _note_framework(parsed: dict, catalogue: Catalogue) -> None:
    """What this row creates, for later files of the import to refer to."""
    plan_id = parsed["plan_id"]
    if plan_id:
        catalogue.plans.add(plan_id)
    if parsed["outcome"]:
        catalogue.outcomes.add((plan_id, parsed["outcome"]))
    if parsed["priority"]:
        catalogue.add_priority(plan_id, parsed["priority"], parsed["outcome"])
    if parsed["programme"]:
        catalogue.programmes.add((plan_id, parsed["programme"]))
    if parsed["board"]:
        catalogue.boards.add(parsed["board"])


def _framework(parsed: dict, cache: dict) -> dict:
    """The measure's plan, outcome, priority and programme; looked up once per import."""
    key = ("framework", *(parsed[k] for k in ("plan_id", "outcome", "priority", "programme")))
    if key not in cache:
        cache[key] = _find_or_create_framework(parsed)
    return cache[key]


def _named(model, name: str | None, cache: dict):
    if not name:
        return None
    if (model, name) not in cache:
        cache[(model, name)] = model.objects.get_or_create(name=name)[0]
    return cache[(model, name)]


def _find_or_create_framework(parsed: dict) -> dict:
    if not parsed["plan_id"]:
        return {"plan": None, "outcome": None, "priority": None, "programme": None}
    plan, _ = Plan.objects.get_or_create(plan_id=parsed["plan_id"], defaults={"name": "Our plan"})
    outcome = (
        Outcome.objects.get_or_create(plan=plan, name=parsed["outcome"])[0]
        if parsed["outcome"]
        else None
    )
    priority = (
        Priority.objects.get_or_create(outcome=outcome, name=parsed["priority"])[0]
        if parsed["priority"]
        else None
    )
    programme = (
        Programme.objects.get_or_create(
            plan=plan, name=parsed["programme"], defaults={"outcome": outcome, "priority": priority}
        )[0]
        if parsed["programme"]
        else None
    )
    return {"plan": plan, "outcome": outcome, "priority": priority, "programme": programme}


def _indicator(indicator_id: str | None, cache: dict):
    if not indicator_id:
        return None
    key = ("indicator", indicator_id)
    if key not in cache:
        cache[key] = Indicator.objects.get(indicator_id=indicator_id)
    return cache[key]


def _label(period) -> str:
    return period.label if period else ""


FRAMEWORK_COLUMNS = ("plan_id", "outcome", "priority", "programme")


def _fields(parsed: dict, cache: dict) -> dict:
    """Each model field with the column it comes from."""
    return {
        **{
            k: (k, parsed[k]) for k in ("title", "rate_per", "tolerance", "steady_band", "decimals")
        },
        **{
            k: (k, parsed[k].value)
            for k in (
                "polarity",
                "unit",
                "frequency",
                "tolerance_type",
                "compare_with",
                "money_unit",
            )
        },
        **{k: (k, parsed[k] or "") for k in (*TEXT_COLUMNS, "scale")},
        "discontinued_from": ("discontinued_from", _label(parsed["discontinued_from"])),
        "baseline_period": ("baseline_period", _label(parsed["baseline_period"])),
        "organisation": ("organisation", _named(Organisation, parsed["organisation"], cache)),
        "board": ("board", _named(Board, parsed["board"], cache)),
        "published": ("published", parsed["published"]),
        "budget_variance": ("budget_variance", parsed["budget_variance"]),
        "comparator_indicator": (
            "comparator_indicator",
            _indicator(parsed["comparator_indicator"], cache),
        ),
    }


def apply(parsed: dict, order: int, cache: dict) -> None:
    """Create the measure, or update it from the columns the file has: a column left out of
    the file leaves that setting as it was."""
    given = set(parsed["columns"])
    if "tolerance" in given:
        given.add("tolerance_type")  # a tolerance says its own kind ("10%") when no type is given
    fields = {
        field: value for field, (column, value) in _fields(parsed, cache).items() if column in given
    }
    if given & set(FRAMEWORK_COLUMNS):
        fields.update(_framework(parsed, cache))
    if "decimals" in fields and fields["decimals"] is None:
        # Blank means "as the figures are written": worked out from the observations imported
        # (importer.infer_decimals), and kept when the measures file is loaded again.
        del fields["decimals"]
    elif "decimals" in fields:
        fields["decimals_from_figures"] = False  # set by the council: its house style
    fields["order"] = order
    measure, _ = Measure.objects.update_or_create(measure_id=parsed["measure_id"], defaults=fields)
    if "target" in given or not measure.targets.filter(from_month=-1).exists():
        Target.objects.update_or_create(
            measure=measure, from_month=-1, defaults={"value": parsed["target"], "from_period": ""}
        )


# The kinds of file these rows are read from (interchange/rows.py).
READS = {
    # What one measure row writes that the next may reuse, kept for the whole import.
    "measures": one_at_a_time(
        validate,
        lambda parsed, order, lookups: apply(parsed, order, lookups.table("measure rows", dict)),
    )
}
