"""Rows of `actions` files (actions in action plans) and `action_updates` files."""

from __future__ import annotations

from scorecard.audit import capture as audit
from scorecard.core.delivery_status import BlueMeaning
from scorecard.delivery.models import Action, ActionPlan, ActionUpdate
from scorecard.interchange import cells, references
from scorecard.interchange.context import Catalogue, RowReader, unknown
from scorecard.interchange.lookups import Lookups, NewRowOrder, save_changed, set_members
from scorecard.interchange.project_rows import merge, revised_history
from scorecard.interchange.rows import whole_file

REFERENCE_LENGTH = 20


def _where(row: RowReader) -> dict:
    return {
        "plan_id": row.get("plan_id", cells.identifier, required=True),
        "action_plan": row.get("action_plan", required=True, max_length=300),
        "reference": row.get("reference", required=True, max_length=REFERENCE_LENGTH),
    }


def blue_meaning(raw: str) -> BlueMeaning | None:
    """What B means on the action plan's actions; blank: not given here."""
    return cells.choice(raw, BlueMeaning) if raw.strip() else None  # type: ignore[return-value]


def _check_references(row: RowReader, catalogue: Catalogue, parsed: dict) -> None:
    plan_id = parsed["plan_id"]
    if references.plan(row, catalogue, plan_id):
        references.programme(row, catalogue, plan_id, parsed["programme"])
    references.board(row, catalogue, parsed["board"])
    for person_id in parsed["owners"]:
        references.person(row, catalogue, person_id, "owners")


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        **_where(row),
        "description": row.get("description", required=True),
        "programme": row.get("programme", max_length=300),
        "board": row.get("board", max_length=200),
        "blue_means": row.get("blue_means", blue_meaning),
        "objective": row.get("objective"),
        "owners": row.get("owners", cells.identifiers) or (),
        "due": row.get("due", cells.date),
        "revised_due": row.get("revised_due", cells.dates),
        "status": row.get("status", cells.status),
        "completed": row.get("completed", cells.date),
        "columns": set(row.cells),
    }
    key = (parsed["plan_id"], parsed["action_plan"], parsed["reference"])
    if all(key):
        # Known from here on even if this row is bad, so its updates are not blamed for it.
        catalogue.actions.add(key)
    _check_references(row, catalogue, parsed)
    if row.errors:
        return None
    what = f"action {key[2]} of '{key[1]}'"
    if not catalogue.first_time(row, ("action", *key), "reference", what):
        return None
    plan_values = {column: parsed[column] for column in ("programme", "board", "blue_means")}
    parsed["plan"] = merge(row, catalogue, ("action_plan", *key[:2]), plan_values, "action plan")
    if row.errors:
        return None
    return parsed


def _action_plan(parsed: dict, lookups: Lookups, orders: NewRowOrder) -> ActionPlan:
    plans = lookups.action_plans()
    key = (parsed["plan_id"], parsed["action_plan"])
    plan = lookups.plan(parsed["plan_id"])
    action_plan = plans.get(key) or ActionPlan(plan=plan, name=parsed["action_plan"])
    values: dict = orders.place(action_plan, plan.pk)
    shared, given = parsed["plan"], parsed["columns"]
    if "programme" in given:
        values["programme"] = lookups.programme(parsed["plan_id"], shared["programme"])
    if "board" in given:
        values["board"] = lookups.board(shared["board"])
    if shared.get("blue_means"):
        values["blue_means"] = shared["blue_means"].value
    save_changed(action_plan, values)
    plans[key] = action_plan
    return action_plan


def _action_values(action: Action, parsed: dict) -> dict:
    given = parsed["columns"]
    values = {"description": parsed["description"]}
    if "objective" in given:
        values["objective"] = parsed["objective"]
    if "status" in given:
        values["status"] = parsed["status"].value if parsed["status"] else ""
    if "due" in given:
        values["due"] = parsed["due"]
    if "completed" in given:
        values["completed"] = parsed["completed"]
    if "revised_due" in given:
        values["revised_due"] = revised_history(action, parsed["revised_due"])
    return values


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    """Action plans in the order the file first names them in each plan; each plan's actions
    in file order."""
    actions = lookups.actions()
    people = lookups.people()
    plan_orders = NewRowOrder(ActionPlan.objects.all(), "plan")
    action_orders = NewRowOrder(Action.objects.all(), "action_plan")
    new_owners = []
    for parsed in rows:
        action_plan = _action_plan(parsed, lookups, plan_orders)
        key = (parsed["plan_id"], parsed["action_plan"], parsed["reference"])
        action = actions.get(key) or Action(action_plan=action_plan, reference=parsed["reference"])
        is_new = action.pk is None
        values = {**_action_values(action, parsed), **action_orders.place(action, action_plan.pk)}
        save_changed(action, values)
        actions[key] = action
        owners = [people[p] for p in parsed["owners"]]
        if is_new:
            new_owners += [Action.owners.through(action=action, person=p) for p in owners]
        elif "owners" in parsed["columns"]:
            set_members(action.owners, owners)
    Action.owners.through.objects.bulk_create(new_owners)
    # bulk_create sends no signals: the new actions' owners go in the audit trail here.
    audit.record_members(
        Action._meta.get_field("owners"),
        _owners_of_new([link.action for link in new_owners], new_owners),
    )


def _owners_of_new(actions: list[Action], links: list) -> list[tuple]:
    """(action, no owners before, its owners now) for each new action given owners."""
    owners: dict = {}
    for link in links:
        owners.setdefault(link.action_id, set()).add(link.person_id)
    held = {action.pk: action for action in actions}
    return [(held[pk], set(), people) for pk, people in owners.items()]


# --- action updates ------------------------------------------------------------------------


def validate_update(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        **_where(row),
        "date": row.get("date", cells.date, required=True),
        "update": row.get("update", required=True),
        "status": row.get("status", cells.status),
    }
    if row.errors:
        return None
    key = (parsed["plan_id"], parsed["action_plan"], parsed["reference"])
    if key not in catalogue.actions:
        if references.plan(row, catalogue, key[0]):
            known = [ref for plan_id, name, ref in catalogue.actions if (plan_id, name) == key[:2]]
            hint = f"add it to '{key[1]}' in an actions file"
            row.fail("reference", unknown("action", key[2], known, hint))
        return None
    what = f"an update of action {key[2]} on {parsed['date'].isoformat()}"
    if not catalogue.first_time(row, ("action_update", *key, parsed["date"]), "date", what):
        return None
    return parsed


def apply_updates(rows: list[dict], lookups: Lookups) -> None:
    actions = lookups.actions()
    existing = {
        (u.action_id, u.dated): u
        for u in ActionUpdate.objects.filter(
            action__in=[actions[(r["plan_id"], r["action_plan"], r["reference"])] for r in rows]
        )
    }
    new = []
    for parsed in rows:
        action = actions[(parsed["plan_id"], parsed["action_plan"], parsed["reference"])]
        update = existing.get((action.pk, parsed["date"]))
        status = parsed["status"].value if parsed["status"] else ""
        if update is None:
            new.append(
                ActionUpdate(
                    action=action, dated=parsed["date"], text=parsed["update"], status=status
                )
            )
        else:
            save_changed(update, {"text": parsed["update"], "status": status})
    ActionUpdate.objects.bulk_create(new)
    audit.record_created(new)


# The kinds of file these rows are read from (interchange/rows.py).
READS = {
    "actions": whole_file(validate, apply_all),
    "action_updates": whole_file(validate_update, apply_updates),
}
