"""Pages for action plans: the list with counts as at a quarter, one action plan's actions by
objective, one action, and the forms the performance team uses to change them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from scorecard.core.ratings import RAG_TAG_COLOURS
from scorecard.delivery import action_forms
from scorecard.delivery.action_plans import (
    FLAG_LABELS,
    FLAG_NAMES,
    AsAt,
    Periods,
    action_periods,
    action_plans_for,
    action_row,
    actions_queryset,
    key,
    summarise,
)
from scorecard.delivery.models import Action, ActionPlan
from scorecard.form_pages import form_page
from scorecard.framework.models import Plan
from scorecard.measures.picking import chosen_plan
from scorecard.people.permissions import (
    performance_team_required,
    require_change,
    require_manage,
    require_saving,
)

FLAG_TAG_COLOURS = {"overdue": "red", "slipped": "orange", "stale": "grey"}


def _as_at(request, plan: Plan | None) -> tuple[Periods, AsAt]:
    periods = action_periods(plan, timezone.localdate())
    return periods, periods.choose(request.GET.get("period"))


def _flag(request) -> str | None:
    flag = request.GET.get("flag") or None
    if flag is not None and flag not in FLAG_NAMES:
        raise Http404(f"There is no flag called {flag!r}")
    return flag


def _page_context(periods: Periods, as_at: AsAt, action_plans: list[ActionPlan]) -> dict:
    status_key, flag_key = key(action_plans)
    return {
        "status_key": status_key,
        "flag_key": flag_key,
        "periods": periods.offered,
        "as_at": as_at,
        "period": as_at.period,
        "flag_labels": FLAG_LABELS,
        "flag_colours": FLAG_TAG_COLOURS,
        "status_colours": RAG_TAG_COLOURS,
    }


def action_plan_list(request):
    plans_with_actions = Plan.objects.filter(action_plans__isnull=False).distinct()
    plan = chosen_plan(request, plans_with_actions)
    periods, as_at = _as_at(request, plan)
    summaries = summarise(action_plans_for(plan), as_at)
    context = _page_context(periods, as_at, [summary.action_plan for summary in summaries])
    context.update(
        {
            "plan": plan,
            "plans": plans_with_actions.order_by("order", "pk"),
            "summaries": summaries,
        }
    )
    return render(request, "delivery/action_plan_list.html", context)


def action_plan_detail(request, pk: int):
    action_plan: ActionPlan = get_object_or_404(ActionPlan.objects.select_related("plan"), pk=pk)
    flag = _flag(request)
    periods, as_at = _as_at(request, action_plan.plan)
    # Not action_plans_for(): an archived action plan's own page still opens.
    shown = ActionPlan.objects.select_related("plan", "programme", "board").filter(pk=pk)
    summary = summarise(shown, as_at)[0]
    context = _page_context(periods, as_at, [summary.action_plan])
    context.update(
        {
            "action_plan": summary.action_plan,
            "plan": action_plan.plan,
            "summary": summary,
            "flag": flag,
            "flag_options": [(name, FLAG_LABELS[name]) for name in FLAG_NAMES],
            "groups": summary.groups(flag),
        }
    )
    return render(request, "delivery/action_plan.html", context)


def _action(pk: int) -> Action:
    return get_object_or_404(actions_queryset(), pk=pk)


def action_detail(request, pk: int):
    action = _action(pk)
    periods, as_at = _as_at(request, action.action_plan.plan)
    row = action_row(action, as_at)
    context = _page_context(periods, as_at, [action.action_plan])
    context.update(
        {
            "action": action,
            "action_plan": action.action_plan,
            "plan": action.action_plan.plan,
            "row": row,
            "update_log": list(reversed(row.updates)),
        }
    )
    return render(request, "delivery/action.html", context)


def _action_form_page(request, form, action_plan: ActionPlan, action: Action | None, heading=""):
    cancel = action.get_absolute_url() if action else action_plan.get_absolute_url()
    objectives = (
        action_plan.actions.exclude(objective="")
        .order_by("objective")
        .values_list("objective", flat=True)
        .distinct()
    )
    context = {
        "form": form,
        "action_plan": action_plan,
        "action": action,
        "objectives": objectives,
        "cancel_url": cancel,
        "submit_label": "Save changes" if action else "Add action",
        "heading_reference": heading,
    }
    return render(request, "delivery/action_form.html", context)


@performance_team_required
def action_create(request, pk: int):
    action_plan: ActionPlan = get_object_or_404(ActionPlan.objects.select_related("plan"), pk=pk)
    require_manage(request.user, action_plan)
    form = action_forms.ActionForm(request.POST or None, action_plan=action_plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        require_saving(request.user, form.instance, adding=True)
        action = action_forms.save_action(form)
        if action is not None:
            messages.success(request, f"Action {action.reference} added")
            return redirect(action)
    return _action_form_page(request, form, action_plan, None)


@login_required
def action_edit(request, pk: int):
    action = _action(pk)
    require_change(request.user, action)
    reference = action.reference  # an invalid form changes the instance it is given
    form = action_forms.ActionForm(
        request.POST or None, instance=action, action_plan=action.action_plan, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        # Checked again on the action as it will be: its owners cannot hand it over.
        require_saving(request.user, form.instance, form.changed_data)
        saved = action_forms.save_action(form)
        if saved is not None:
            messages.success(request, f"Action {saved.reference} saved")
            return redirect(saved)
    return _action_form_page(request, form, action.action_plan, action, reference)


@login_required
def action_update_create(request, pk: int):
    action = _action(pk)
    require_change(request.user, action)
    form = action_forms.ActionUpdateForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid():
        update = form.save()
        if update is not None:
            messages.success(
                request,
                f"Progress update dated {update.dated:%d.%m.%Y} added to {action.reference}",
            )
            return redirect(action)
    context = {
        "form": form,
        "action": action,
        "action_plan": action.action_plan,
        "cancel_url": action.get_absolute_url(),
        "submit_label": "Add update",
    }
    return render(request, "delivery/action_update_form.html", context)


def _action_plan_form(request, action_plan: ActionPlan | None):
    form = action_forms.ActionPlanForm(
        request.POST or None, instance=action_plan, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        # The plan chosen, not only the one it was in, must be one the user looks after.
        require_saving(request.user, form.instance, form.changed_data, adding=action_plan is None)
        if saved := form.save_unless_changed():
            messages.success(request, f"Action plan '{saved.name}' saved")
            return redirect(saved)
    back = action_plan.get_absolute_url() if action_plan else reverse("action_plan_list")
    return form_page(
        request,
        form,
        title="Change the action plan" if action_plan else "Add an action plan",
        back_url=back,
        caption=action_plan.name if action_plan else "",
        submit="Save action plan",
    )


@performance_team_required
def action_plan_create(request):
    return _action_plan_form(request, None)


@performance_team_required
def action_plan_edit(request, pk: int):
    action_plan = get_object_or_404(ActionPlan, pk=pk)
    require_change(request.user, action_plan)
    require_manage(request.user, action_plan)
    return _action_plan_form(request, action_plan)
