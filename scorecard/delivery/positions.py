"""Where each project stands as at a period: its latest reported status and its direction,
derived from its milestones unless the officer set it (DESIGN §3)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet

from scorecard.core.periods import Period
from scorecard.core.project_direction import Milestone as MilestoneFacts
from scorecard.core.project_direction import project_direction
from scorecard.core.ratings import Direction, Rag
from scorecard.delivery.models import Milestone, Project, ProjectUpdate


@dataclass(frozen=True)
class ProjectPosition:
    project: Project
    update: ProjectUpdate | None
    direction: Direction | None
    direction_set_by_officer: bool
    since: date | None
    on: date | None

    @property
    def rag(self) -> Rag | None:
        return self.update.rag if self.update else None

    @property
    def direction_reason(self) -> str:
        if self.direction is None and self.direction_set_by_officer:
            return "The officer reported no direction for this period."
        if self.direction is None:
            return "No status has been reported for this project yet."
        if self.direction_set_by_officer:
            return "Set by the officer reporting on the project."
        return _derived_reason(self)


def _derived_reason(position: ProjectPosition) -> str:
    span = f"between {position.since:%d.%m.%Y} and {position.on:%d.%m.%Y}"
    # Only asked of a position with a direction (direction_reason answers None itself).
    reasons: dict[Direction | None, str] = {
        Direction.IMPROVING: f"Worked out from the milestones: one was achieved {span}.",
        Direction.DECLINING: (
            f"Worked out from the milestones: by {position.on:%d.%m.%Y} one was missed "
            "or reported at risk."
        ),
        Direction.STEADY: (
            f"Worked out from the milestones: none achieved, missed or at risk {span}."
        ),
    }
    return reasons[position.direction]


def milestone_facts(milestone: Milestone) -> MilestoneFacts:
    due = milestone.current_due or date.max
    return MilestoneFacts(milestone.title, due, milestone.completed, milestone.at_risk)


def report_window(updates: list[ProjectUpdate], index: int) -> tuple[date, date]:
    """From the end of the report before (or the start of this report's period) to its end."""
    period = updates[index].period_obj
    if index > 0:
        return updates[index - 1].period_obj.end, period.end
    return period.start - timedelta(days=1), period.end


def position_of(project: Project, updates: list[ProjectUpdate], as_at: Period) -> ProjectPosition:
    """`updates` in period order; the latest one ending by the end of `as_at` counts."""
    shown = [u for u in updates if u.period_last_month <= as_at.last_month]
    if not shown:
        return ProjectPosition(project, None, None, False, None, None)
    update = shown[-1]
    since, on = report_window(shown, len(shown) - 1)
    if update.direction:
        way = None if update.no_direction else Direction(update.direction)
        return ProjectPosition(project, update, way, True, since, on)
    facts = [milestone_facts(m) for m in project.milestones.all()]
    derived = project_direction(facts, since, on)
    return ProjectPosition(project, update, derived, False, since, on)


def projects_for(plan_id: str | None = None) -> QuerySet[Project]:
    projects = (
        Project.objects.current()
        .select_related(
            "plan",
            "outcome",
            "priority__outcome",
            "programme__outcome",
            "owner__organisation",
        )
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("order", "pk")),
        )
    )
    return projects.filter(plan__plan_id=plan_id) if plan_id else projects


def project_positions(
    as_at: Period, plan_id: str | None = None, projects: QuerySet[Project] | None = None
) -> list[ProjectPosition]:
    """Every project's position as at a period: two queries however many projects."""
    chosen = list(projects if projects is not None else projects_for(plan_id))
    updates = defaultdict(list)
    for update in ProjectUpdate.objects.filter(project__in=chosen).order_by(
        "project", "period_last_month"
    ):
        updates[update.project_id].append(update)
    return [position_of(p, updates[p.pk], as_at) for p in chosen]


def milestone_state(milestone: Milestone, on: date | None) -> str:
    """How a milestone stands at the end of the period shown (or today when none is)."""
    on = on or date.today()
    facts = milestone_facts(milestone)
    if milestone.completed and milestone.completed <= on:
        return "Achieved"
    if facts.missed(on):
        return "Missed"
    if milestone.at_risk:
        return "At risk"
    return "On track"
