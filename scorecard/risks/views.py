"""Pages of the risk register: the register, the heat map, a risk, and the team's forms."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from scorecard.framework.models import Plan
from scorecard.measures.picking import chosen_period, chosen_plan
from scorecard.people.permissions import (
    performance_team_required,
    require_change,
    require_saving,
)
from scorecard.risks import register
from scorecard.risks.forms import AssessmentForm, RiskForm
from scorecard.risks.models import Risk


def _filters(request) -> dict:
    """The plan and period asked for (404 when unknown); no plan means every risk, no period
    the latest assessments."""
    plan = chosen_plan(request, None)
    offered = register.offered_periods(plan)
    period = chosen_period(
        request.GET.get("period"),
        offered,
        newest=False,
        none_for="There are no risk assessments for",
    )
    chosen = {"plan": plan.plan_id if plan else "", "period": period.label if period else ""}
    query = urlencode({name: value for name, value in chosen.items() if value})
    return {
        "plan": plan,
        "plans": Plan.objects.all(),
        "periods": offered,
        "period": period,
        "filter_query": f"?{query}" if query else "",
        "bands": register.band_ranges(),
    }


def risk_register(request):
    context = _filters(request)
    context["rows"] = register.register_rows(context["plan"], context["period"])
    return render(request, "risks/register.html", context)


def risk_heat_map(request):
    context = _filters(request)
    rows = register.register_rows(context["plan"], context["period"])
    context["heat_map"] = register.heat_map(rows)
    return render(request, "risks/heat_map.html", context)


def _risk(reference: str) -> Risk:
    return get_object_or_404(
        Risk.objects.select_related("owner", "owner__organisation", "organisation", "plan"),
        reference=reference,
    )


def _posted(request):
    return request.POST if request.method == "POST" else None


def risk_detail(request, reference: str):
    risk = _risk(reference)
    context = {"risk": risk, "row": register.risk_row(risk), "bands": register.band_ranges()}
    return render(request, "risks/risk.html", context)


@performance_team_required
def risk_create(request):
    form = RiskForm(_posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        # A team member looking after some plans adds risks to those plans only.
        require_saving(request.user, form.instance, adding=True)
        if risk := form.save_checked():
            messages.success(request, f"Risk {risk.reference} added")
            return redirect(risk)
    return render(request, "risks/risk_form.html", {"form": form, "editing": False})


@login_required
def risk_edit(request, reference: str):
    risk = _risk(reference)
    require_change(request.user, risk)
    # The form changes the risk as it checks it: the page names the risk as it was.
    context = {"reference": risk.reference, "risk_title": risk.title}
    form = RiskForm(_posted(request), instance=risk, user=request.user)
    if request.method == "POST" and form.is_valid():
        # Checked again on the risk as it will be: still in the user's plans, or theirs.
        require_saving(request.user, form.instance, form.changed_data)
        if saved := form.save_checked():
            messages.success(request, f"Changes to risk {saved.reference} saved")
            return redirect(saved)
    return render(request, "risks/risk_form.html", {**context, "form": form, "editing": True})


@login_required
def assessment_create(request, reference: str):
    risk = _risk(reference)
    require_change(request.user, risk)
    form = AssessmentForm(_posted(request), risk=risk)
    if request.method == "POST" and form.is_valid() and (assessment := form.save_checked()):
        messages.success(
            request,
            f"Assessment of {register.long_date(assessment.assessed_on)} added: "
            f"score {assessment.score} ({assessment.band})",
        )
        return redirect(risk)
    return render(request, "risks/assessment_form.html", {"form": form, "risk": risk})
