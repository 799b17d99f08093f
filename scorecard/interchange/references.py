"""Checks that a row's references (plan, outcome, programme, board, person) exist, in the
database or earlier in the same import; each failure names the column and what is missing."""

from __future__ import annotations

from scorecard.interchange.context import Catalogue, RowReader, unknown


def plan(row: RowReader, catalogue: Catalogue, plan_id: str | None) -> bool:
    if plan_id and plan_id not in catalogue.plans:
        row.fail(
            "plan_id",
            unknown(
                "plan", plan_id, catalogue.plans, "import its framework file first or with this one"
            ),
        )
        return False
    return bool(plan_id)


def _in_plan(
    row: RowReader, known: set[tuple[str, str]], what: str, plan_id: str, name: str
) -> bool:
    if not name or (plan_id, name) in known:
        return True
    names = [n for p, n in known if p == plan_id]
    row.fail(what, unknown(what, name, names, f"plan '{plan_id}' has no {what} of that name"))
    return False


def outcome(row: RowReader, catalogue: Catalogue, plan_id: str, name: str) -> bool:
    return _in_plan(row, catalogue.outcomes, "outcome", plan_id, name)


def priority(row: RowReader, catalogue: Catalogue, plan_id: str, name: str) -> bool:
    return _in_plan(row, catalogue.priorities, "priority", plan_id, name)


def programme(
    row: RowReader, catalogue: Catalogue, plan_id: str, name: str, column: str = "programme"
) -> bool:
    if not name or (plan_id, name) in catalogue.programmes:
        return True
    names = [n for p, n in catalogue.programmes if p == plan_id]
    row.fail(
        column, unknown("programme", name, names, f"plan '{plan_id}' has no programme of that name")
    )
    return False


def board(row: RowReader, catalogue: Catalogue, name: str) -> bool:
    if not name or name in catalogue.boards:
        return True
    row.fail("board", unknown("board", name, catalogue.boards, "add it in a framework file"))
    return False


def person(row: RowReader, catalogue: Catalogue, person_id: str, column: str) -> bool:
    if not person_id or person_id in catalogue.people:
        return True
    row.fail(
        column,
        unknown("person", person_id, catalogue.people, "add them in a people file (person_id)"),
    )
    return False
