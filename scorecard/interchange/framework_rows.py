"""Rows of a `framework` file: organisations, boards, plans, outcomes, priorities, programmes."""

from __future__ import annotations

from enum import StrEnum

from scorecard.benchmarking.models import Area
from scorecard.core.reporting_lines import loop_in_words, loop_made
from scorecard.framework.models import Board, Organisation, Outcome, Plan, Priority, Programme
from scorecard.interchange import cells
from scorecard.interchange.area_rows import area_code
from scorecard.interchange.context import Catalogue, RowReader, unknown
from scorecard.interchange.rows import one_at_a_time


class Level(StrEnum):
    ORGANISATION = "organisation"
    BOARD = "board"
    PLAN = "plan"
    OUTCOME = "outcome"
    PRIORITY = "priority"
    PROGRAMME = "programme"
    ACTION_PLAN = "action_plan"


# The longest name each level's table holds.
NAME_LENGTHS = {Level.ORGANISATION: 200, Level.BOARD: 200, Level.PLAN: 200}
NEEDS_PLAN = {Level.PLAN, Level.OUTCOME, Level.PRIORITY, Level.PROGRAMME, Level.ACTION_PLAN}


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    level = row.get("level", cells.choice, options=Level)
    plan_id = row.get("plan_id", cells.identifier)
    parent = row.get("parent", max_length=300)
    extras = {
        "description": row.get("description"),
        "organisation": row.get("organisation", max_length=200),
        "board": row.get("board", max_length=200),
        "lead": row.get("lead", max_length=200),
        "period": row.get("period", cells.period),
    }
    area = row.get("area", area_code)
    if level is None:
        return None
    if area and level is not Level.ORGANISATION:
        row.fail("area", "only an organisation row names an area (the one it serves)")
    elif area and area not in catalogue.areas:
        row.fail("area", f"no area '{area}': import it in an areas file first or with this one")
    name = row.get("name", required=True, max_length=NAME_LENGTHS.get(level, 300))
    placed = _reports_to if level is Level.BOARD else _place
    if name is None or row.errors or not placed(row, catalogue, level, name, plan_id, parent):
        return None
    catalogue.boards.update(
        board for board in (name if level is Level.BOARD else "", extras["board"]) if board
    )
    period = extras.pop("period")
    return {
        "level": level,
        "name": name,
        "plan_id": plan_id,
        "parent": parent,
        "period": period.display if period else "",
        "area": area,
        "columns": set(row.cells),
        **extras,
    }


def _place(
    row: RowReader, catalogue: Catalogue, level: Level, name: str, plan_id: str, parent: str
) -> bool:
    """Check the row's plan and parent exist, and note it so later rows can refer to it."""
    if level in NEEDS_PLAN and not plan_id:
        row.fail("plan_id", f"a {level.value} needs the plan_id of its plan")
        return False
    if level is not Level.PLAN and level in NEEDS_PLAN and plan_id not in catalogue.plans:
        row.fail("plan_id", f"no plan '{plan_id}': add its plan row above this one")
        return False
    if level is Level.PLAN:
        catalogue.plans.add(plan_id)
    elif level is Level.OUTCOME:
        catalogue.outcomes.add((plan_id, name))
    elif level is Level.PRIORITY:
        if (plan_id, parent) not in catalogue.outcomes:
            row.fail("parent", f"a priority's parent must be an outcome of plan '{plan_id}'")
            return False
        catalogue.add_priority(plan_id, name, parent)
    elif level is Level.PROGRAMME:
        if parent and (plan_id, parent) not in catalogue.priorities | catalogue.outcomes:
            row.fail("parent", f"no priority or outcome '{parent}' in plan '{plan_id}'")
            return False
        catalogue.programmes.add((plan_id, name))
    elif level is Level.ACTION_PLAN and parent and (plan_id, parent) not in catalogue.programmes:
        row.fail("parent", f"an action plan's parent must be a programme of plan '{plan_id}'")
        return False
    return True


def _reports_to(
    row: RowReader, catalogue: Catalogue, level: Level, name: str, plan_id: str, parent: str
) -> bool:
    """A board's parent is the board it reports to: one already known (in the database or on a
    row above), never itself, and never one that already reports to it, however indirectly."""
    if not row.has("parent"):
        return True
    if parent == name:
        row.fail("parent", f"board '{name}' cannot report to itself")
        return False
    if parent and parent not in catalogue.boards:
        row.fail("parent", unknown("board", parent, catalogue.boards, "add its row above this one"))
        return False
    loop = loop_made(name, parent, catalogue.board_parents.get) if parent else []
    if loop:
        row.fail("parent", f"that would make a loop: {loop_in_words(loop)}")
        return False
    if parent:
        catalogue.board_parents[name] = parent
    else:
        catalogue.board_parents.pop(name, None)
    return True


def _named(model, name: str):
    return model.objects.get_or_create(name=name)[0] if name else None


def apply(parsed: dict, order: int) -> None:
    level = parsed["level"]
    name = parsed["name"]
    description = parsed["description"]
    if level is Level.ORGANISATION:
        defaults: dict = {"description": description}
        if "area" in parsed["columns"]:
            # Left out of the file, the organisation keeps the area it has.
            defaults["area"] = Area.objects.get(code=parsed["area"]) if parsed["area"] else None
        Organisation.objects.update_or_create(name=name, defaults=defaults)
        return
    if level is Level.BOARD:
        defaults = {
            "description": description,
            "organisation": _named(Organisation, parsed["organisation"]),
        }
        if "parent" in parsed["columns"]:
            # Left out of the file, the board keeps the board it reports to.
            defaults["reports_to"] = _named(Board, parsed["parent"])
        Board.objects.update_or_create(name=name, defaults=defaults)
        return
    if level is Level.PLAN:
        Plan.objects.update_or_create(
            plan_id=parsed["plan_id"],
            defaults={
                "name": name,
                "vision": description,
                "lead": parsed["lead"],
                "period": parsed["period"],
                "order": order,
                "organisation": _named(Organisation, parsed["organisation"]),
                "board": _named(Board, parsed["board"]),
            },
        )
        return
    _apply_within_plan(parsed, Plan.objects.get(plan_id=parsed["plan_id"]), order)


def _apply_action_plan(parsed: dict, plan: Plan) -> None:
    """Action plans keep their place when they exist (their actions' import orders them)."""
    from scorecard.audit.capture import audited_update
    from scorecard.delivery.models import ActionPlan

    programme = Programme.objects.filter(plan=plan, name=parsed["parent"]).first()
    values = {"programme": programme, "board": _named(Board, parsed["board"])}
    action_plan, created = ActionPlan.objects.get_or_create(
        plan=plan, name=parsed["name"], defaults=values
    )
    if created:
        action_plan.order = ActionPlan.objects.filter(plan=plan).count() - 1
        action_plan.save(update_fields=["order"])
    elif any(getattr(action_plan, k) != v for k, v in values.items()):
        audited_update(ActionPlan.objects.filter(pk=action_plan.pk), **values)


def _apply_within_plan(parsed: dict, plan: Plan, order: int) -> None:
    level = parsed["level"]
    if level is Level.ACTION_PLAN:
        _apply_action_plan(parsed, plan)
        return
    common = {"description": parsed["description"], "lead": parsed["lead"], "order": order}
    if level is Level.OUTCOME:
        Outcome.objects.update_or_create(plan=plan, name=parsed["name"], defaults=common)
    elif level is Level.PRIORITY:
        outcome = Outcome.objects.get(plan=plan, name=parsed["parent"])
        Priority.objects.update_or_create(outcome=outcome, name=parsed["name"], defaults=common)
    else:
        parent = parsed["parent"]
        priority = Priority.objects.filter(outcome__plan=plan, name=parent).first()
        # A programme's outcome is optional: None when no outcome has the parent's name.
        programme_outcome = (
            priority.outcome if priority else Outcome.objects.filter(plan=plan, name=parent).first()
        )
        defaults = {**common, "priority": priority, "outcome": programme_outcome}
        if "board" in parsed["columns"]:
            # Left out of the file, the programme keeps its delivery board.
            defaults["board"] = _named(Board, parsed["board"])
        Programme.objects.update_or_create(plan=plan, name=parsed["name"], defaults=defaults)


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"framework": one_at_a_time(validate, lambda parsed, order, lookups: apply(parsed, order))}
