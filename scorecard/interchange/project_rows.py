"""Rows of `projects` files (a project and its status for a period) and `milestones` files."""

from __future__ import annotations

from enum import StrEnum

from scorecard.delivery.models import NO_DIRECTION, Milestone, Project, ProjectUpdate
from scorecard.interchange import cells, references
from scorecard.interchange.context import Catalogue, RowReader, unknown
from scorecard.interchange.lookups import Lookups, NewRowOrder, save_changed
from scorecard.interchange.rows import whole_file


class OfficerDirection(StrEnum):
    IMPROVING = "improving"
    STEADY = "steady"
    DECLINING = "declining"
    # The officer says there is none this period (blank leaves it to the milestones).
    NONE = NO_DIRECTION


def direction(raw: str) -> str:
    """The direction an officer sets, "none" (also written "no direction") when they say there
    is none; blank: worked out from the milestones."""
    if not raw.strip():
        return ""
    if raw.strip().lower() == "no direction":
        return NO_DIRECTION
    return cells.choice(raw, OfficerDirection).value


# The columns of a report for one period.
REPORT = (
    "status",
    "direction",
    "latest_position",
    "next_steps",
    "areas_of_success",
    "areas_of_concern",
    "focus_next_quarter",
)
FRAMEWORK = ("outcome", "priority", "programme")


def _details(row: RowReader) -> dict:
    return {
        "title": row.get("title", required=True, max_length=300),
        "plan_id": row.get("plan_id", cells.identifier, required=True),
        "outcome": row.get("outcome", max_length=300),
        "priority": row.get("priority", max_length=300),
        "programme": row.get("programme", max_length=300),
        "owner": row.get("owner", cells.identifier),
        "organisation": row.get("organisation", max_length=200),
        "description": row.get("description"),
    }


def _check_framework(row: RowReader, catalogue: Catalogue, details: dict) -> None:
    references.person(row, catalogue, details["owner"], "owner")
    plan_id = details["plan_id"]
    if not references.plan(row, catalogue, plan_id):
        return
    references.outcome(row, catalogue, plan_id, details["outcome"])
    if details["priority"] and references.priority(row, catalogue, plan_id, details["priority"]):
        outcome = catalogue.priority_outcomes.get((plan_id, details["priority"]), "")
        if details["outcome"] and outcome and details["outcome"] != outcome:
            row.fail("priority", f"priority '{details['priority']}' is under outcome '{outcome}'")
        details["outcome"] = details["outcome"] or outcome
    references.programme(row, catalogue, plan_id, details["programme"])


def _check_report(row: RowReader, period, report: dict) -> None:
    """A report belongs to a period. Its status may be blank: a paper that gives a project's
    position without rating it; the project then counts in no roll-up for that period."""
    if period is not None or row.failed("period"):
        return
    for column in REPORT:
        if report[column]:
            row.fail(column, f"the {column.replace('_', ' ')} is for a period: add the period")


def merge(row: RowReader, catalogue: Catalogue, key: tuple, values: dict, what: str) -> dict:
    """What several rows share, taken from whichever row gives it; two rows giving different
    values is an error on the later one."""
    shared = catalogue.shared.setdefault(key, {"where": (row.file, row.number)})
    file, number = shared["where"]
    where = f"row {number}" if file == row.file else f"{file}, row {number}"
    for column, value in values.items():
        if not shared.get(column):
            shared[column] = value
        elif value and value != shared[column]:
            row.fail(
                column, f"differs from {where}, which gives '{shared[column]}' for this {what}"
            )
    return shared


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    project_id = row.get(
        "project_id", cells.identifier, required=True, reserved=Project.RESERVED_IDS
    )
    if project_id:
        # Known from here on even if this row is bad, so its milestones are not blamed for it.
        catalogue.projects.add(project_id)
    details = _details(row)
    period = row.get("period", cells.period)
    report = {
        "status": row.get("status", cells.status),
        "direction": row.get("direction", direction),
        "latest_position": row.get("latest_position"),
        "next_steps": row.get("next_steps"),
        **{name: row.get(name) for name, _ in ProjectUpdate.HIGHLIGHTS},
    }
    _check_framework(row, catalogue, details)
    _check_report(row, period, report)
    if row.errors:
        return None
    what = f"project '{project_id}'" + (f" for {period.label}" if period else " with no period")
    if not catalogue.first_time(row, ("project", project_id, period), "project_id", what):
        return None
    shared = merge(row, catalogue, ("project", project_id), details, "project")
    if row.errors:
        return None
    return {
        "project_id": project_id,
        "details": shared,
        "period": period,
        **report,
        "columns": set(row.cells),
    }


def _project_values(details: dict, given: set[str], lookups: Lookups) -> dict:
    plan_id = details["plan_id"]
    values = {"title": details["title"], "plan": lookups.plan(plan_id)}
    if given & set(FRAMEWORK):
        values["outcome"] = lookups.outcome(plan_id, details["outcome"])
        values["priority"] = lookups.priority(plan_id, details["priority"])
        values["programme"] = lookups.programme(plan_id, details["programme"])
    if "owner" in given:
        values["owner"] = lookups.person(details["owner"])
    if "organisation" in given:
        values["organisation"] = lookups.organisation(details["organisation"])
    if "description" in given:
        values["description"] = details["description"]
    return values


def _report_values(parsed: dict) -> dict:
    given = parsed["columns"]
    values = {"status": parsed["status"].value if parsed["status"] else ""}
    values.update({c: parsed[c] or "" for c in REPORT if c != "status" and c in given})
    return values


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    """Projects in the order the file first names them; each row's report for its period."""
    projects = lookups.projects()
    updates = {
        (u.project_id, u.period): u
        for u in ProjectUpdate.objects.filter(
            project__project_id__in={r["project_id"] for r in rows}
        )
    }
    saved: set[str] = set()
    orders = NewRowOrder(Project.objects.all())
    for parsed in rows:
        project_id = parsed["project_id"]
        project = projects.get(project_id) or Project(project_id=project_id)
        if project_id not in saved:
            values = _project_values(parsed["details"], parsed["columns"], lookups)
            save_changed(project, {**values, **orders.place(project)})
            projects[project_id] = project
            saved.add(project_id)
        period = parsed["period"]
        if period is not None:
            update = updates.get((project.pk, period.label))
            if update is None:
                update = ProjectUpdate(project=project)
                update.set_period(period)
            save_changed(update, _report_values(parsed))


# --- milestones ----------------------------------------------------------------------------


def validate_milestone(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "project_id": row.get(
            "project_id", cells.identifier, required=True, reserved=Project.RESERVED_IDS
        ),
        "milestone": row.get("milestone", required=True, max_length=300),
        "due": row.get("due", cells.date, required=True),
        "revised_due": row.get("revised_due", cells.dates),
        "completed": row.get("completed", cells.date),
        "at_risk": row.get("at_risk", cells.yes_no),
        "columns": set(row.cells),
    }
    project_id = parsed["project_id"]
    if project_id and project_id not in catalogue.projects:
        row.fail(
            "project_id",
            unknown("project", project_id, catalogue.projects, "add it in a projects file"),
        )
    if row.errors:
        return None
    what = f"milestone '{parsed['milestone']}' of project '{project_id}'"
    if not catalogue.first_time(
        row, ("milestone", project_id, parsed["milestone"]), "milestone", what
    ):
        return None
    return parsed


def revised_history(item, revisions: tuple) -> list[str]:
    """The revisions stored after a file gives `revisions` (see RevisedDates.revise)."""
    before = item.revised_due
    item.revise(revisions)
    after, item.revised_due = item.revised_due, before
    return after


def _milestone_values(milestone: Milestone, parsed: dict) -> dict:
    given = parsed["columns"]
    values = {"due": parsed["due"]}
    if "revised_due" in given:
        values["revised_due"] = revised_history(milestone, parsed["revised_due"])
    if "completed" in given:
        values["completed"] = parsed["completed"]
    if "at_risk" in given:
        values["at_risk"] = parsed["at_risk"]
    return values


def apply_milestones(rows: list[dict], lookups: Lookups) -> None:
    """Each project's milestones in the order the file lists them."""
    projects = lookups.projects()
    existing = {
        (m.project_id, m.title): m
        for m in Milestone.objects.filter(project__project_id__in={r["project_id"] for r in rows})
    }
    orders = NewRowOrder(Milestone.objects.filter(project__in=projects.values()), "project")
    for parsed in rows:
        project = projects[parsed["project_id"]]
        milestone = existing.get((project.pk, parsed["milestone"])) or Milestone(
            project=project, title=parsed["milestone"]
        )
        values = {**_milestone_values(milestone, parsed), **orders.place(milestone, project.pk)}
        save_changed(milestone, values)


# The kinds of file these rows are read from (interchange/rows.py).
READS = {
    "projects": whole_file(validate, apply_all),
    "milestones": whole_file(validate_milestone, apply_milestones),
}
