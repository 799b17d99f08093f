"""Pages: the overview, a measure, and a plan's outcome indicators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from scorecard.form_pages import form_page
from scorecard.framework.models import Outcome, Plan
from scorecard.measures.audience import APPROVED_ONLY, audience_of
from scorecard.measures.choices import Approval
from scorecard.measures.forms import ProgressStatementForm
from scorecard.measures.models import ComparatorValue, Measure, ObservationRevision
from scorecard.measures.periods import available_periods
from scorecard.measures.picking import chosen_period, chosen_plan
from scorecard.people.permissions import (
    require_change,
    require_saving,
    sees_provisional,
)
from scorecard.scoring import rows as measure_rows
from scorecard.scoring.how_we_compare import how_we_compare
from scorecard.scoring.scorecard import (
    AWAITING_SHOWN,
    awaiting_approval,
    build_scorecard,
    measures_for,
    rate_measures,
    summarise,
)


def _scorecard_context(request) -> dict:
    """The plan and period asked for (404 if unknown) and the scorecard for them."""
    plan = chosen_plan(request, Plan.objects.all())
    plan_id = plan.plan_id if plan else None
    offered = available_periods(plan)
    period = chosen_period(request.GET.get("period"), offered)
    return {
        "plan": plan,
        "plans": Plan.objects.all(),
        "periods": offered,
        "period": period,
        "scorecard": summarise(period, plan_id) if period else None,
        # What the team (or an owner) entered that the scorecard leaves out until approved.
        "awaiting": awaiting_approval(audience_of(request.user), plan_id),
        "awaiting_shown": AWAITING_SHOWN,
    }


@login_not_required
def overview(request):
    # The public's front door is the public scorecard of published measures.
    if not request.user.is_authenticated:
        return redirect("public_scorecard")
    context = _scorecard_context(request)
    context["ratings_chart"] = measure_rows.ratings_chart(context["scorecard"])
    plan = context["plan"]
    context["outcome_links"] = (
        {o.name: o for o in Outcome.objects.filter(plan=plan)} if plan else {}
    )
    return render(request, "scorecard/overview.html", context)


def measure_list(request):
    """Every measure, grouped by outcome, with its latest rating: the way to find one."""
    context = _scorecard_context(request)
    plan_id = context["plan"].plan_id if context["plan"] else None
    period = context["period"]
    scorecard = build_scorecard(period, plan_id) if period else None
    context["lines"] = scorecard.lines if scorecard else []
    context["unrated"] = [] if scorecard else list(measures_for(plan_id))
    return render(request, "scorecard/measure_list.html", context)


def measure_detail(request, measure_id: str):
    measure: Measure = get_object_or_404(
        Measure.objects.select_related(
            "plan",
            "outcome",
            "priority",
            "programme",
            "organisation__area",
            "board__organisation__area",
            "plan__organisation__area",
            "comparator_indicator",
        ),
        measure_id=measure_id,
    )
    # The team and the measure's owners see provisional figures too, labelled; anyone else
    # (a councillor) sees approved figures only, as the papers and the public do.
    audience = audience_of(request.user) if sees_provisional(request.user, measure) else None
    rated = rate_measures([measure], audience or APPROVED_ONLY)[0]
    rows = measure_rows.headline_rows(rated)
    breakdown_periods, breakdown_rows = measure_rows.breakdown_table(rated)
    latest = rows[-1] if rows else None
    comparison = how_we_compare(measure)
    revisions = ObservationRevision.objects.filter(observation__measure=measure)
    if audience is None:
        # Not even as the "value now" beside an earlier one.
        revisions = revisions.filter(
            observation__approval=Approval.APPROVED, approval=Approval.APPROVED
        )
    return render(
        request,
        "scorecard/measure.html",
        {
            "measure": measure,
            "indicator": measure_rows.indicator_row(rated, comparison),
            "recent_trend": measure_rows.recent_trend_words(rated),
            "rows": list(reversed(rows)),
            "latest": latest,
            "current_target": latest.rated.target if latest else None,
            "chart": measure_rows.chart_svg(rated),
            "chart_rows": rows[-measure_rows.CHART_PERIODS :],
            "breakdown_periods": breakdown_periods,
            "breakdown_rows": breakdown_rows,
            "comparators": measure.comparators.all(),
            "comparison": comparison,
            "position_chart": measure_rows.position_chart(comparison),
            "commentaries": [r for r in reversed(rows) if r.observation.commentary],
            "revisions": revisions.select_related("observation").order_by(
                "-replaced_at", "observation__period_last_month"
            ),
        },
    )


def outcome_indicators(request, plan_id: str):
    plan = get_object_or_404(Plan, plan_id=plan_id)
    measures = measures_for(plan_id).prefetch_related(
        Prefetch("comparators", queryset=ComparatorValue.objects.order_by("period_last_month"))
    )
    indicators = [measure_rows.indicator_row(rated) for rated in rate_measures(measures)]
    if not indicators:
        raise Http404("This plan has no outcome indicators")
    return render(
        request,
        "scorecard/outcome_indicators.html",
        {
            "plan": plan,
            "indicators": indicators,
        },
    )


def measure_progress(request, measure_id: str):
    """The officer's progress statement for the outcome indicators table and the reports."""
    measure = get_object_or_404(Measure, measure_id=measure_id)
    require_change(request.user, measure)
    indicator = measure_rows.indicator_row(rate_measures([measure])[0])
    form = ProgressStatementForm(
        request.POST or None, instance=measure, computed=indicator.computed
    )
    if request.method == "POST" and form.is_valid():
        require_saving(request.user, measure, form.changed_data)
        if form.save_unless_changed() is not None:
            written = "saved" if measure.progress_statement else "cleared: the figures speak"
            messages.success(request, f"Progress statement {written}")
            return redirect(measure)
    return form_page(
        request,
        form,
        title=f"Progress statement for {measure.title}",
        caption=f"Measure {measure.measure_id}",
        back_url=measure.get_absolute_url(),
    )
