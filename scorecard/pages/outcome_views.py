"""The outcome page: its priorities and their measures, rated as at the chosen period."""

from django.shortcuts import get_object_or_404, render

from scorecard.framework.models import Outcome
from scorecard.measures.audience import audience_of
from scorecard.measures.periods import available_periods
from scorecard.measures.picking import chosen_period
from scorecard.scoring.scorecard import (
    AWAITING_SHOWN,
    awaiting_approval,
    build_scorecard,
    rated_count,
)


def outcome_detail(request, pk: int):
    outcome: Outcome = get_object_or_404(Outcome.objects.select_related("plan"), pk=pk)
    offered = available_periods(outcome.plan)
    period = chosen_period(request.GET.get("period"), offered)
    lines, projects = [], []
    rollup = None
    if period:
        scorecard = build_scorecard(period, outcome.plan.plan_id)
        lines = [line for line in scorecard.lines if line.measure.outcome_id == outcome.pk]
        projects = [p for p in scorecard.projects if p.project.rollup_outcome_id == outcome.pk]
        rollup = dict(scorecard.groups).get(outcome.name)
    sections = [
        (
            priority,
            [line for line in lines if line.measure.priority_id == priority.pk],
            [p for p in projects if p.project.priority_id == priority.pk],
        )
        for priority in outcome.priorities.all()
    ]
    unplaced = [line for line in lines if line.measure.priority_id is None]
    unplaced_projects = [p for p in projects if p.project.priority_id is None]
    counted = any(p.rag for p in projects)
    return render(
        request,
        "scorecard/outcome.html",
        {
            "outcome": outcome,
            "plan": outcome.plan,
            "periods": offered,
            "period": period,
            "sections": sections,
            "unplaced": unplaced,
            "unplaced_projects": unplaced_projects,
            "projects_counted": counted,
            "rollup": rollup,
            "rated_count": rated_count(rollup, counted) if rollup else "",
            # As on the overview: the team's and an owner's figures the page leaves out until
            # they are approved (never a viewer's or the public's).
            "awaiting": awaiting_approval(
                audience_of(request.user), outcome.plan.plan_id, outcome.pk
            ),
            "awaiting_shown": AWAITING_SHOWN,
        },
    )
