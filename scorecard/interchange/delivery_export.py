"""`scorecard export` of the framework, people, delivery and risk files (formats-delivery.md).

A CSV export has exactly the columns of the file kind, in canonical forms (ISO dates, canonical
period labels, statuses as letters, lists separated by "; "), so it imports again as it is: an
export of a database loaded from an export is the same, byte for byte. A JSON export holds the
same records with typed values, plus what a reader would otherwise work out (current due dates,
risk scores and bands, latest statuses); it is not read back.

Every export lists things in the order pages show them, with ties broken by id, so the order
an import gives them (file order) is the order the next export writes them in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from scorecard.core.action_flags import overdue, standing
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import PeriodError
from scorecard.core.ratings import Rag
from scorecard.core.risk_scoring import risk_band, risk_trend
from scorecard.delivery.import_kinds import (
    ACTION_UPDATES,
    ACTIONS,
    HIGHLIGHT_REPORTS,
    MILESTONES,
    PROJECTS,
)
from scorecard.delivery.models import (
    Action,
    ActionUpdate,
    HighlightReport,
    Milestone,
    Project,
    ProjectUpdate,
)
from scorecard.file_kinds import FileKind
from scorecard.framework.import_kinds import FRAMEWORK
from scorecard.framework.models import Board, Organisation, Plan
from scorecard.interchange.exporter import as_csv, as_json
from scorecard.interchange.highlight_rows import SECTIONS
from scorecard.people.import_kinds import PEOPLE
from scorecard.people.models import Person
from scorecard.risks.import_kinds import RISK_ASSESSMENTS, RISKS
from scorecard.risks.models import Risk, RiskAssessment, configured_bands

Record = dict[str, object]


def _name(thing: object | None) -> str:
    return thing.name if thing is not None else ""  # type: ignore[attr-defined]


def _person(person: Person | None) -> str:
    return person.person_id if person is not None else ""


def _plan_order(prefix: str = "") -> list[str]:
    """Plans as pages list them; name and id break ties, so the order is the same every time."""
    return [f"{prefix}plan__order", f"{prefix}plan__name", f"{prefix}plan__pk"]


def _in_plan(queryset: QuerySet, plan_id: str | None, path: str) -> QuerySet:
    return queryset.filter(**{path: plan_id}) if plan_id else queryset


# --- framework -----------------------------------------------------------------------------


def _canonical_period(text: str) -> str:
    try:
        return parse_period(text).label if text else ""
    except PeriodError:
        return text


def _framework_row(level: str, name: str, **columns: object) -> Record:
    return {"level": level, "name": name, **columns}


def _plan_rows(plan: Plan) -> list[Record]:
    rows = [
        _framework_row(
            "plan",
            plan.name,
            plan_id=plan.plan_id,
            description=plan.vision,
            organisation=_name(plan.organisation),
            board=_name(plan.board),
            lead=plan.lead,
            period=_canonical_period(plan.period),
        )
    ]
    for outcome in plan.outcomes.order_by("order", "pk"):
        common = {"plan_id": plan.plan_id, "lead": outcome.lead}
        rows.append(
            _framework_row("outcome", outcome.name, **common, description=outcome.description)
        )
        for priority in outcome.priorities.order_by("order", "pk"):
            rows.append(
                _framework_row(
                    "priority",
                    priority.name,
                    plan_id=plan.plan_id,
                    parent=outcome.name,
                    description=priority.description,
                    lead=priority.lead,
                )
            )
    programmes = plan.programmes.current().select_related("priority", "outcome", "board")
    for programme in programmes.order_by("order", "pk"):
        parent = programme.priority or programme.outcome
        rows.append(
            _framework_row(
                "programme",
                programme.name,
                plan_id=plan.plan_id,
                parent=_name(parent),
                description=programme.description,
                board=_name(programme.board),
                lead=programme.lead,
            )
        )
    # Every action plan, so one with no actions yet is kept too.
    for action_plan in (
        plan.action_plans.current().select_related("programme", "board").order_by("order", "pk")
    ):
        rows.append(
            _framework_row(
                "action_plan",
                action_plan.name,
                plan_id=plan.plan_id,
                parent=_name(action_plan.programme),
                board=_name(action_plan.board),
            )
        )
    return rows


def _boards_above_first(boards: QuerySet[Board]) -> list[Board]:
    """Boards by name, each followed by the boards that report to it: the importer takes a
    board's `parent` only from a row above."""
    everyone = list(boards)
    below: dict[int | None, list[Board]] = defaultdict(list)
    for board in everyone:
        below[board.reports_to_id].append(board)
    placed: list[Board] = []

    def place(board: Board) -> None:
        placed.append(board)
        for reporting in below[board.pk]:
            place(reporting)

    for top in below[None]:
        place(top)
    # A loop (refused on import, so only ever made by hand in the database) is written as it
    # stands rather than dropped.
    placed += [board for board in everyone if board not in placed]
    return placed


def framework_records(plan_id: str | None = None) -> list[Record]:
    """Organisations and boards (all of them: plans share them), then each plan with its
    outcomes, their priorities and its programmes, parents before children."""
    rows = [
        _framework_row(
            "organisation", o.name, description=o.description, area=o.area.code if o.area else ""
        )
        for o in Organisation.objects.select_related("area").order_by("name")
    ]
    rows += [
        _framework_row(
            "board",
            b.name,
            parent=_name(b.reports_to),
            description=b.description,
            organisation=_name(b.organisation),
        )
        for b in _boards_above_first(
            Board.objects.select_related("organisation", "reports_to").order_by("name")
        )
    ]
    plans = Plan.objects.select_related("organisation", "board").order_by("order", "name", "pk")
    for plan in _in_plan(plans, plan_id, "plan_id"):
        rows += _plan_rows(plan)
    return rows


# --- people --------------------------------------------------------------------------------


def people_records(plan_id: str | None = None) -> list[Record]:
    """Everyone; for one plan, the people who own or wrote something in it."""
    people = Person.objects.select_related("organisation").order_by("person_id")
    if plan_id:
        people = people.filter(
            Q(project__plan__plan_id=plan_id)
            | Q(actions__action_plan__plan__plan_id=plan_id)
            | Q(risk__plan__plan_id=plan_id)
            | Q(highlightreport__programme__plan__plan_id=plan_id)
        ).distinct()
    return [
        {
            "person_id": p.person_id,
            "name": p.name,
            "job_title": p.job_title,
            "organisation": _name(p.organisation),
            "email": p.email,
        }
        for p in people
    ]


# --- projects and milestones ---------------------------------------------------------------

PROJECT_ORDER = [*_plan_order(), "order", "project_id"]


def _project_columns(project: Project) -> Record:
    return {
        "project_id": project.project_id,
        "title": project.title,
        "plan_id": project.plan.plan_id,
        "outcome": _name(project.outcome),
        "priority": _name(project.priority),
        "programme": _name(project.programme),
        "owner": _person(project.owner),
        "organisation": _name(project.organisation),
        "description": project.description,
    }


def _report_columns(update: ProjectUpdate | None) -> Record:
    if update is None:
        return {
            "period": "",
            "status": None,
            "direction": "",
            "latest_position": "",
            "next_steps": "",
            **{name: "" for name, _ in ProjectUpdate.HIGHLIGHTS},
        }
    return {
        "period": update.period,
        "status": update.status or None,
        "direction": update.direction,
        "latest_position": update.latest_position,
        "next_steps": update.next_steps,
        **{name: getattr(update, name) for name, _ in ProjectUpdate.HIGHLIGHTS},
    }


def project_records(plan_id: str | None = None) -> list[Record]:
    """One row per project and report, reports in period order; a project with no report yet
    has one row with no period."""
    projects = (
        Project.objects.current()
        .select_related("plan", "outcome", "priority", "programme", "owner", "organisation")
        .order_by(*PROJECT_ORDER)
    )
    projects = list(_in_plan(projects, plan_id, "plan__plan_id"))
    updates = defaultdict(list)
    for update in ProjectUpdate.objects.filter(project__in=projects).order_by(
        "project", "period_last_month", "period_first_month", "period"
    ):
        updates[update.project_id].append(update)
    records = []
    for project in projects:
        reports = updates[project.pk]
        latest = reports[-1] if reports else None
        computed = {
            "latest_period": latest.period if latest else None,
            "latest_status": (latest.status or None) if latest else None,
        }
        for update in reports or [None]:
            records.append({**_project_columns(project), **_report_columns(update), **computed})
    return records


def _timescale_fields(item: Milestone | Action) -> Record:
    timescale = item.timescale
    return {"current_due": timescale.current, "slipped": timescale.slipped}


def milestone_records(plan_id: str | None = None) -> list[Record]:
    # Archived items are left out of every export (their rows stay, and a re-import finds them).
    milestones = Milestone.objects.filter(project__archived_at__isnull=True)
    milestones = milestones.select_related("project").order_by(
        *(f"project__{field}" for field in PROJECT_ORDER), "order", "pk"
    )
    return [
        {
            "project_id": m.project.project_id,
            "milestone": m.title,
            "due": m.due,
            "revised_due": m.revisions,
            "completed": m.completed,
            "at_risk": m.at_risk,
            **_timescale_fields(m),
        }
        for m in _in_plan(milestones, plan_id, "project__plan__plan_id")
    ]


# --- actions -------------------------------------------------------------------------------

ACTION_ORDER = [*_plan_order("action_plan__"), "action_plan__order", "action_plan__pk"]


def _action_columns(action: Action) -> Record:
    return {
        "plan_id": action.action_plan.plan.plan_id,
        "action_plan": action.action_plan.name,
        "reference": action.reference,
    }


def action_records(plan_id: str | None = None, today: dt.date | None = None) -> list[Record]:
    today = today or dt.date.today()
    actions = (
        Action.objects.current()
        .filter(action_plan__archived_at__isnull=True)
        .select_related("action_plan__plan", "action_plan__programme", "action_plan__board")
        .prefetch_related("owners")
        .order_by(*ACTION_ORDER, "order", "pk")
    )
    records = []
    for action in _in_plan(actions, plan_id, "action_plan__plan__plan_id"):
        status = Rag(action.status) if action.status else None
        blue = action.action_plan.blue_meaning
        records.append(
            {
                **_action_columns(action),
                "description": action.description,
                "programme": _name(action.action_plan.programme),
                "board": _name(action.action_plan.board),
                "blue_means": blue.value,
                "objective": action.objective,
                "owners": sorted(p.person_id for p in action.owners.all()),
                "due": action.due,
                "revised_due": action.revisions,
                "status": action.status or None,
                "completed": action.completed,
                **_timescale_fields(action),
                "overdue": overdue(
                    action.timescale, standing(status, blue, action.completed, today), today
                ),
            }
        )
    return records


def action_update_records(plan_id: str | None = None) -> list[Record]:
    updates = ActionUpdate.objects.filter(
        action__archived_at__isnull=True, action__action_plan__archived_at__isnull=True
    )
    updates = updates.select_related("action__action_plan__plan").order_by(
        *(f"action__{field}" for field in ACTION_ORDER), "action__order", "action__pk", "dated"
    )
    return [
        {**_action_columns(u.action), "date": u.dated, "update": u.text, "status": u.status or None}
        for u in _in_plan(updates, plan_id, "action__action_plan__plan__plan_id")
    ]


# --- highlight reports ---------------------------------------------------------------------


def highlight_records(plan_id: str | None = None) -> list[Record]:
    reports = HighlightReport.objects.filter(programme__archived_at__isnull=True)
    reports = reports.select_related("programme__plan", "author").order_by(
        *_plan_order("programme__"),
        "programme__order",
        "programme__pk",
        "period_last_month",
        "period_first_month",
        "period",
    )
    return [
        {
            "plan_id": r.programme.plan.plan_id,
            "programme": r.programme.name,
            "period": r.period,
            "status": r.status,
            **{section: getattr(r, section) for section in SECTIONS},
            "author": _person(r.author),
        }
        for r in _in_plan(reports, plan_id, "programme__plan__plan_id")
    ]


# --- risks ---------------------------------------------------------------------------------


LATEST_FIELDS = (
    "latest_assessed_on",
    "latest_likelihood",
    "latest_impact",
    "latest_score",
    "latest_band",
    "trend",
)


def _latest_assessment(assessments: list[RiskAssessment]) -> Record:
    if not assessments:
        return dict.fromkeys(LATEST_FIELDS)
    latest = assessments[-1]
    previous = assessments[-2].score if len(assessments) > 1 else None
    trend = risk_trend(previous, latest.score)
    return {
        "latest_assessed_on": latest.assessed_on,
        "latest_likelihood": latest.likelihood,
        "latest_impact": latest.impact,
        "latest_score": latest.score,
        "latest_band": latest.band,
        "trend": trend.value if trend else None,
    }


def risk_records(plan_id: str | None = None) -> list[Record]:
    risks = (
        Risk.objects.current()
        .select_related("plan", "owner", "organisation")
        .prefetch_related("programmes", "assessments")
        .order_by("order", "reference")
    )
    return [
        {
            "reference": r.reference,
            "title": r.title,
            "description": r.description,
            "plan_id": r.plan.plan_id if r.plan else "",
            "programmes": sorted(p.name for p in r.programmes.all()),
            "owner": _person(r.owner),
            "organisation": _name(r.organisation),
            "category": r.category,
            "controls": r.controls,
            "management_actions": r.management_actions,
            "target_score": r.target_score,
            "target_band": r.target_band,
            **_latest_assessment(sorted(r.assessments.all(), key=lambda a: a.assessed_on)),
        }
        for r in _in_plan(risks, plan_id, "plan__plan_id")
    ]


def risk_assessment_records(plan_id: str | None = None) -> list[Record]:
    assessments = RiskAssessment.objects.filter(risk__archived_at__isnull=True)
    assessments = assessments.select_related("risk").order_by(
        "risk__order", "risk__reference", "assessed_on"
    )
    bands = configured_bands()
    return [
        {
            "reference": a.risk.reference,
            "assessed_on": a.assessed_on,
            "likelihood": a.likelihood,
            "impact": a.impact,
            "period": a.period,
            "note": a.note,
            "score": a.score,
            "band": risk_band(a.score, bands),
        }
        for a in _in_plan(assessments, plan_id, "risk__plan__plan_id")
    ]


# --- writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    kind: FileKind
    records: Callable[[str | None], list[Record]]

    @property
    def key(self) -> str:
        return self.kind.name


EXPORTS = {
    "framework": Export(FRAMEWORK, framework_records),
    "people": Export(PEOPLE, people_records),
    "projects": Export(PROJECTS, project_records),
    "milestones": Export(MILESTONES, milestone_records),
    "actions": Export(ACTIONS, action_records),
    "action_updates": Export(ACTION_UPDATES, action_update_records),
    "highlights": Export(HIGHLIGHT_REPORTS, highlight_records),
    "highlight_reports": Export(HIGHLIGHT_REPORTS, highlight_records),
    "risks": Export(RISKS, risk_records),
    "risk_assessments": Export(RISK_ASSESSMENTS, risk_assessment_records),
}


def csv_cell(value: object) -> str:
    """A value in the form the importer reads and every export writes."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(csv_cell(item) for item in value)
    return str(value)


def json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


def _rows(records: Iterable[Record], convert: Callable[[object], object]) -> list[Record]:
    return [{key: convert(value) for key, value in record.items()} for record in records]


def export_csv(what: str, plan_id: str | None = None) -> str:
    export = EXPORTS[what]
    return as_csv(_rows(export.records(plan_id), csv_cell), list(export.kind.columns))


def export_json(what: str, plan_id: str | None = None) -> str:
    export = EXPORTS[what]
    document: dict[str, object] = {"plan_id": plan_id}
    if export.kind is ACTIONS:
        document["as_at"] = dt.date.today().isoformat()
    document[export.key] = _rows(export.records(plan_id), json_value)
    return as_json(document)
